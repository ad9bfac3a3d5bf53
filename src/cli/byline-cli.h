/* byline-cli.h — the subcommands of byline-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses shared by every subcommand. */
enum
{
  BYLINE_CLI_OK = 0,
  BYLINE_CLI_FINDINGS = 1,   /* check found errors; render, new or add-photos failed on the post */
  BYLINE_CLI_USAGE = 2,      /* bad arguments, unreadable files, I/O problems */
};

/* Each takes the arguments after the subcommand name (argv[0] is the name). */
int byline_cli_render (int argc, char **argv);
int byline_cli_new    (int argc, char **argv);
int byline_cli_check  (int argc, char **argv);
int byline_cli_add_photos (int argc, char **argv);

/* Prints "file:line:col: error: message" on stderr, the GCC style. */
void byline_cli_print_error (const char *file,
                             guint       line,
                             guint       column,
                             const char *message);

G_END_DECLS
