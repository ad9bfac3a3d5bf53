/* byline-cli-new.c — byline-cli new: a post bundle from the profile's template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-cli"

#include "config.h"

#include "byline-cli.h"

#include "byline-front-matter.h"
#include "byline-profile.h"
#include "byline-template.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

typedef struct
{
  char *title;
  char *date;
  char *author;
} NewPostValues;

/* The text of a YAML double-quoted scalar, without its quotes: the profile's
 * template puts the quotes around it. */
static char *
yaml_escape (const char *value)
{
  GString *out = g_string_new (NULL);

  byline_yaml_escape_append (out, value);
  return g_string_free (out, FALSE);
}

static const char *
lookup_cb (const char *name,
           gpointer    user_data)
{
  const NewPostValues *values = user_data;

  if (strcmp (name, "title") == 0)
    return values->title;
  if (strcmp (name, "date") == 0)
    return values->date;
  if (strcmp (name, "author") == 0)
    return values->author;

  return NULL;
}

/* Accepts exactly YYYY-MM-DD naming a real day. */
static gboolean
parse_day (const char *text)
{
  guint year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);

  return year >= 1 && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static char *
default_author (void)
{
  const char *name = g_get_real_name ();

  /* GLib answers "Unknown" when the system has no name for the user. */
  if (name == NULL || g_strcmp0 (name, "Unknown") == 0)
    return g_strdup ("");

  return g_strdup (name);
}

int
byline_cli_new (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *author = NULL;
  g_autofree char *folder_path = NULL;
  g_autofree char *post_path = NULL;
  g_autoptr(GFile) post_file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(BylineProfile) profile = NULL;
  g_autoptr(GString) text = NULL;
  NewPostValues values = { NULL, };
  const BylineTemplate *template;
  const GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title,
      N_("The post’s title (required)"), N_("TITLE") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date,
      N_("The publish date, as YYYY-MM-DD (default: today)"), N_("DATE") },
    { "author", 'a', 0, G_OPTION_ARG_STRING, &author,
      N_("The attribution (default: your name)"), N_("AUTHOR") },
    G_OPTION_ENTRY_NULL
  };

  g_set_prgname ("byline-cli new");
  context = g_option_context_new (_("FOLDER"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Creates a post bundle: FOLDER (and its parents) and "
                                  "FOLDER/index.md from the site profile’s template."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("byline-cli new: %s\n", error->message);
      return BYLINE_CLI_USAGE;
    }

  if (argc != 2)
    {
      g_printerr ("byline-cli new: %s\n",
                  argc < 2
                  ? _("Name the folder of the new post, such as content/en/blog/2026/my-post")
                  : _("Create one post at a time"));
      return BYLINE_CLI_USAGE;
    }

  if (title == NULL || *g_strstrip (title) == '\0')
    {
      g_printerr ("byline-cli new: %s\n", _("Give the post a title with --title"));
      return BYLINE_CLI_USAGE;
    }

  if (date == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      date = g_date_time_format (now, "%Y-%m-%d");
    }
  else if (!parse_day (date))
    {
      /* TRANSLATORS: %s is the date the user gave. */
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a date: write it as YYYY-MM-DD"), date);

      g_printerr ("byline-cli new: %s\n", message);
      return BYLINE_CLI_USAGE;
    }

  if (author == NULL)
    author = default_author ();

  folder_path = g_strdup (argv[1]);
  if (g_mkdir_with_parents (folder_path, 0755) != 0)
    {
      int saved_errno = errno;

      g_printerr ("byline-cli new: ");
      /* TRANSLATORS: %s is a folder, the second %s the system's reason. */
      g_printerr (_("Could not create the folder %s: %s"), folder_path, g_strerror (saved_errno));
      g_printerr ("\n");
      return BYLINE_CLI_USAGE;
    }

  post_path = g_build_filename (folder_path, "index.md", NULL);
  post_file = g_file_new_for_path (post_path);

  profile = byline_profile_new_for_post (post_file, &error);
  if (profile == NULL)
    {
      g_printerr ("byline-cli new: %s\n", error->message);
      return BYLINE_CLI_USAGE;
    }

  values.title = yaml_escape (title);
  values.date = yaml_escape (date);
  values.author = yaml_escape (author);
  text = g_string_new (NULL);
  template = byline_profile_get_post_template (profile);
  if (template != NULL)
    byline_template_expand (template, text, lookup_cb, &values);
  g_free (values.title);
  g_free (values.date);
  g_free (values.author);

  /* Creating the file, rather than replacing it, leaves an existing post
   * untouched even if it appears between a check and the write. */
  stream = g_file_create (post_file, G_FILE_CREATE_NONE, NULL, &error);
  if (stream == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          byline_cli_print_error (post_path, 0, 0,
                                  _("The post already exists: choose another folder, or edit it"));
          return BYLINE_CLI_FINDINGS;
        }

      g_printerr ("byline-cli new: %s\n", error->message);
      return BYLINE_CLI_USAGE;
    }

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), text->str, text->len,
                                  NULL, NULL, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error))
    {
      /* Leave no half-written post behind. */
      g_file_delete (post_file, NULL, NULL);
      g_printerr ("byline-cli new: %s\n", error->message);
      return BYLINE_CLI_USAGE;
    }

  g_print ("%s\n", post_path);

  return BYLINE_CLI_OK;
}
