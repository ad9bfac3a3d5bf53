/* byline-cli-new.c — byline-cli new: a post from the site's archetype
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-cli"

#include "config.h"

#include "byline-cli.h"

#include "byline-archetype.h"
#include "byline-site.h"

#include <glib/gi18n.h>
#include <string.h>

/* Accepts exactly YYYY-MM-DD naming a real day: midnight of it, here. */
static GDateTime *
parse_day (const char *text)
{
  guint year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return NULL;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return NULL;

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (year < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;

  return g_date_time_new_local ((int) year, (int) month, (int) day, 0, 0, 0);
}

/* A day, or a date-time with its zone as Hugo's --clock takes it. */
static GDateTime *
parse_date (const char *text)
{
  GDateTime *date = parse_day (text);

  if (date == NULL && strlen (text) > 10)
    date = g_date_time_new_from_iso8601 (text, NULL);
  return date;
}

static void
print_failure (const char *message)
{
  g_printerr ("byline-cli new: %s\n", message);
}

int
byline_cli_new (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *author = NULL;
  g_autofree char *section = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *target = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GFile) target_file = NULL;
  g_autoptr(BylineSite) site = NULL;
  g_auto(BylineArchetypeResult) result = { 0 };
  BylineArchetypeRequest request = { NULL, };
  const GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title,
      N_("The post’s title (default: from its file name, as the archetype makes it)"),
      N_("TITLE") },
    { "section", 's', 0, G_OPTION_ARG_STRING, &section,
      N_("Put the post in this folder of the site’s content, named after its title"),
      N_("SECTION") },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind,
      N_("The archetype to use (default: the post’s section)"), N_("KIND") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text,
      N_("The date, as YYYY-MM-DD or an RFC 3339 date and time (default: now)"), N_("DATE") },
    { "author", 'a', 0, G_OPTION_ARG_STRING, &author,
      N_("The attribution, for the profile’s template (default: your name)"), N_("AUTHOR") },
    G_OPTION_ENTRY_NULL
  };

  g_set_prgname ("byline-cli new");
  context = g_option_context_new (_("[PATH]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Creates a post from the site’s archetype, as “hugo new "
                                  "content” does. PATH is a content file "
                                  "(content/blog/my-post.md) or the folder of a page bundle "
                                  "(content/en/blog/2026/my-post); or give --section and "
                                  "--title instead. Without archetypes, the profile’s "
                                  "template is used. An existing file is never replaced."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_failure (error->message);
      return BYLINE_CLI_USAGE;
    }

  if (argc > 2 || (argc == 2 && section != NULL))
    {
      print_failure (_("Give either one PATH or --section with --title"));
      return BYLINE_CLI_USAGE;
    }
  if (argc < 2 && section == NULL)
    {
      print_failure (_("Name the new post, such as content/en/blog/2026/my-post, or give "
                       "--section and --title"));
      return BYLINE_CLI_USAGE;
    }
  if (title != NULL && *g_strstrip (title) == '\0')
    {
      print_failure (_("Give the post a title with --title"));
      return BYLINE_CLI_USAGE;
    }
  if (section != NULL && title == NULL)
    {
      print_failure (_("Give the post a title with --title"));
      return BYLINE_CLI_USAGE;
    }
  if (date_text != NULL && (date = parse_date (date_text)) == NULL)
    {
      /* TRANSLATORS: %s is the date the user gave. */
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a date: write it as YYYY-MM-DD"), date_text);

      print_failure (message);
      return BYLINE_CLI_USAGE;
    }

  if (section != NULL)
    {
      g_autofree char *probe = g_build_filename (cwd, "new-post.md", NULL);
      g_autoptr(GFile) probe_file = g_file_new_for_path (probe);
      g_autoptr(GPtrArray) sections = NULL;
      g_autofree char *content = NULL;
      g_autofree char *slug = byline_archetype_slug (title);

      site = byline_site_lookup (probe_file, NULL);
      sections = byline_archetype_list_sections (site, &content);
      if (content == NULL)
        {
          print_failure (_("--section needs a Hugo site around the current folder"));
          return BYLINE_CLI_USAGE;
        }
      if (slug == NULL)
        {
          print_failure (_("The title has no letters or digits to name the post after: give "
                           "a PATH"));
          return BYLINE_CLI_USAGE;
        }
      target = g_build_filename (content, section, slug, NULL);
    }
  else
    target = g_canonicalize_filename (argv[1], cwd);

  target_file = g_file_new_for_path (target);
  if (site == NULL)
    site = byline_site_lookup (target_file, NULL);

  request.target = target;
  request.kind = kind;
  request.title = title;
  request.author = author;
  request.date = date;
  if (!byline_archetype_create (site, &request, &result, &error))
    {
      if (g_error_matches (error, BYLINE_ARCHETYPE_ERROR, BYLINE_ARCHETYPE_ERROR_EXISTS) ||
          g_error_matches (error, BYLINE_ARCHETYPE_ERROR, BYLINE_ARCHETYPE_ERROR_TEMPLATE))
        {
          byline_cli_print_error (target, 0, 0, error->message);
          return BYLINE_CLI_FINDINGS;
        }
      print_failure (error->message);
      return BYLINE_CLI_USAGE;
    }

  /* The post first, then the other files of a bundle archetype. */
  g_print ("%s\n", result.content_file);
  for (guint i = 0; i < result.files->len; i++)
    if (strcmp (result.files->pdata[i], result.content_file) != 0)
      g_print ("%s\n", (char *) result.files->pdata[i]);

  return BYLINE_CLI_OK;
}
