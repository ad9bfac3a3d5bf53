/* byline-cli.h — the subcommands of byline-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "byline-bundle.h"
#include "byline-profile.h"
#include "byline-site.h"
#include "byline-spell.h"

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
int byline_cli_stats  (int argc, char **argv);

/* The profile named by --profile, or NULL after saying on stderr why it
 * cannot be read. */
BylineProfile *byline_cli_load_profile (const char *path);

/* Prints "file:line:col: error: message" on stderr, the GCC style. */
void byline_cli_print_error (const char *file,
                             guint       line,
                             guint       column,
                             const char *message);

/* Spell checkers for byline-cli check, one per site, language and profile
 * (byline-cli-spelling.c). */
typedef struct _BylineCliSpelling BylineCliSpelling;

BylineCliSpelling  *byline_cli_spelling_new         (void);
void                byline_cli_spelling_free        (BylineCliSpelling *self);
/* The checker for @post_file (@shown as the user named it), or NULL when
 * its language has no dictionary (said once on standard error) or is not
 * checked word by word. */
BylineSpellChecker *byline_cli_spelling_get_checker (BylineCliSpelling *self,
                                                     GFile             *post_file,
                                                     const char        *shown,
                                                     BylineSite        *site,
                                                     BylineProfile     *profile);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineCliSpelling, byline_cli_spelling_free)

G_END_DECLS
