/* byline-cli-stats.c — byline-cli stats: word count and reading time as Hugo computes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-cli"

#include "config.h"

#include "byline-cli.h"

#include "byline-renderer.h"
#include "byline-spell-language.h"
#include "byline-stats.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

typedef struct
{
  const char  *path;    /* as given */
  char        *error;   /* why it could not be counted, or NULL */
  BylineStats  stats;
} PostStats;

static void
post_stats_clear (PostStats *post)
{
  g_clear_pointer (&post->error, g_free);
}

static void
count_post (PostStats     *post,
            BylineProfile *fixed_profile)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (post->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylinePost) parsed = NULL;
  g_autoptr(BylineProfile) profile = NULL;
  g_autoptr(BylineBundle) bundle = NULL;
  g_autoptr(BylineSite) site = NULL;
  g_autoptr(BylineRenderer) renderer = NULL;
  g_autoptr(BylineLanguages) languages = NULL;
  g_autofree char *key = NULL;
  const GError *layout_error;

  parsed = byline_post_new_from_file (file, NULL, &error);
  if (parsed == NULL)
    {
      post->error = g_strdup (error->message);
      return;
    }

  layout_error = byline_post_get_layout_error (parsed);
  if (g_error_matches (layout_error, BYLINE_POST_LAYOUT_ERROR,
                       BYLINE_POST_LAYOUT_ERROR_INVALID_UTF8) ||
      g_error_matches (layout_error, BYLINE_POST_LAYOUT_ERROR, BYLINE_POST_LAYOUT_ERROR_BINARY))
    {
      post->error = g_strdup (layout_error->message);
      return;
    }

  profile = fixed_profile != NULL ? g_object_ref (fixed_profile)
                                  : byline_profile_new_for_post (file, &error);
  if (profile == NULL)
    {
      post->error = g_strdup (error->message);
      return;
    }

  bundle = byline_bundle_new (file);
  renderer = byline_renderer_new (profile, bundle);
  byline_renderer_set_tagfilter (renderer, FALSE);
  site = byline_site_lookup (file, NULL);
  languages = byline_languages_read (byline_site_get_root (site));
  key = byline_languages_post_key (languages, file);

  byline_stats_compute (renderer, parsed, byline_languages_has_cjk_language (languages, key),
                        &post->stats);
}

static void
print_text (PostStats *posts,
            guint      n_posts)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_posts; i++)
    {
      const BylineStats *s = &posts[i].stats;

      if (posts[i].error != NULL)
        continue;

      g_string_append_printf (out, "%s: ", posts[i].path);
      /* Translators: the pieces of one line of byline-cli stats, e.g.
       * "index.md: 1,240 words, 6 minutes, 7,410 characters, 21 paragraphs, 3 pictures". */
      g_string_append_printf (out, ngettext ("%u word", "%u words", s->words), s->words);
      g_string_append (out, ", ");
      g_string_append_printf (out, ngettext ("%u minute", "%u minutes", s->reading_time),
                              s->reading_time);
      g_string_append (out, ", ");
      g_string_append_printf (out, ngettext ("%u character", "%u characters", s->characters),
                              s->characters);
      g_string_append (out, ", ");
      g_string_append_printf (out, ngettext ("%u paragraph", "%u paragraphs", s->paragraphs),
                              s->paragraphs);
      g_string_append (out, ", ");
      g_string_append_printf (out, ngettext ("%u picture", "%u pictures", s->pictures),
                              s->pictures);
      if (s->cjk)
        g_string_append_printf (out, " (%s)", _("counted as CJK text"));
      g_string_append_c (out, '\n');
    }

  fwrite (out->str, 1, out->len, stdout);
  g_string_free (out, TRUE);
}

static void
print_json (PostStats *posts,
            guint      n_posts)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; i < n_posts; i++)
    {
      const BylineStats *s = &posts[i].stats;

      g_string_append (out, i > 0 ? ",\n  {\"path\": " : "\n  {\"path\": ");
      byline_json_string_append (out, posts[i].path);
      if (posts[i].error != NULL)
        {
          g_string_append (out, ", \"error\": ");
          byline_json_string_append (out, posts[i].error);
          g_string_append_c (out, '}');
          continue;
        }
      g_string_append_printf (out, ", \"error\": null, \"wordCount\": %u, \"readingTime\": %u, "
                              "\"characters\": %u, \"paragraphs\": %u, \"pictures\": %u, "
                              "\"isCJKLanguage\": %s}",
                              s->words, s->reading_time, s->characters, s->paragraphs,
                              s->pictures, s->cjk ? "true" : "false");
    }
  g_string_append (out, n_posts > 0 ? "\n]\n" : "]\n");

  fwrite (out->str, 1, out->len, stdout);
  g_string_free (out, TRUE);
}

int
byline_cli_stats (int    argc,
                  char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *profile_path = NULL;
  g_auto(GStrv) paths = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineProfile) fixed_profile = NULL;
  g_autofree PostStats *posts = NULL;
  gboolean json;
  guint n_posts, n_failed = 0;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("Output format: text (the default) or json"), N_("FORMAT") },
    { "profile", 'p', 0, G_OPTION_ARG_FILENAME, &profile_path,
      N_("Use this profile for every post instead of the .byline.yml found beside it"),
      N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, NULL },
    { NULL }
  };

  g_set_prgname ("byline-cli stats");
  context = g_option_context_new (_("POST… — count words and reading time as Hugo does"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Prints Hugo’s .WordCount and .ReadingTime of each post, "
                                  "with its characters, paragraphs and pictures. Exit status: "
                                  "0, or 2 when a post cannot be read."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("byline-cli stats: %s\n", error->message);
      return BYLINE_CLI_USAGE;
    }

  if (format == NULL || strcmp (format, "text") == 0)
    json = FALSE;
  else if (strcmp (format, "json") == 0)
    json = TRUE;
  else
    {
      /* TRANSLATORS: %s is the format the user asked for. */
      g_printerr (_("byline-cli stats: unknown format “%s”: use text or json"), format);
      g_printerr ("\n");
      return BYLINE_CLI_USAGE;
    }

  if (paths == NULL || paths[0] == NULL)
    {
      g_printerr ("%s\n", _("byline-cli stats: name at least one post"));
      return BYLINE_CLI_USAGE;
    }

  if (profile_path != NULL && (fixed_profile = byline_cli_load_profile (profile_path)) == NULL)
    return BYLINE_CLI_USAGE;

  n_posts = g_strv_length (paths);
  posts = g_new0 (PostStats, n_posts);
  for (guint i = 0; i < n_posts; i++)
    {
      posts[i].path = paths[i];
      count_post (&posts[i], fixed_profile);
      if (posts[i].error != NULL)
        {
          byline_cli_print_error (posts[i].path, 0, 0, posts[i].error);
          n_failed++;
        }
    }

  if (json)
    print_json (posts, n_posts);
  else
    print_text (posts, n_posts);

  for (guint i = 0; i < n_posts; i++)
    post_stats_clear (&posts[i]);

  return n_failed > 0 ? BYLINE_CLI_USAGE : BYLINE_CLI_OK;
}
