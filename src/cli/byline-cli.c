/* byline-cli.c — byline-cli: check, render, create and count Hugo blog posts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-cli"

#include "config.h"

#include "byline-cli.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

typedef struct
{
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "add-photos", byline_cli_add_photos, N_("Add pictures to a post, resized and without "
                                            "their location") },
  { "check", byline_cli_check, N_("Check posts against the site's rules") },
  { "new", byline_cli_new, N_("Create a new post bundle") },
  { "render", byline_cli_render, N_("Render a post to a standalone HTML page") },
  { "stats", byline_cli_stats, N_("Count words and reading time as Hugo does") },
};

void
byline_cli_print_error (const char *file,
                        guint       line,
                        guint       column,
                        const char *message)
{
  if (line > 0)
    g_printerr ("%s:%u:%u: %s: %s\n", file, line, column, _("error"), message);
  else
    g_printerr ("%s: %s: %s\n", file, _("error"), message);
}

BylineProfile *
byline_cli_load_profile (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  BylineProfile *profile = byline_profile_new_from_file (file, &error);

  if (profile == NULL)
    byline_cli_print_error (path, 0, 0, error->message);
  return profile;
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: byline-cli COMMAND [OPTION…] ARGUMENTS"));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “byline-cli COMMAND --help” for a command’s options."));
}

int
main (int    argc,
      char **argv)
{
  /* Tests run the program from the build tree, in another language, with
   * the catalogues that the build compiled into <build>/po. */
  const char *localedir = g_getenv ("BYLINE_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("byline-cli");

  if (argc < 2)
    {
      print_usage (stderr);
      return BYLINE_CLI_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return BYLINE_CLI_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("byline-cli %s\n", PACKAGE_VERSION);
      return BYLINE_CLI_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);

  /* TRANSLATORS: %s is what the user typed as the command. */
  g_printerr (_("byline-cli: unknown command “%s”"), argv[1]);
  g_printerr ("\n");
  print_usage (stderr);
  return BYLINE_CLI_USAGE;
}
