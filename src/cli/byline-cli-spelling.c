/* byline-cli-spelling.c — one spell checker per site and language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading a dictionary and a site's word lists takes tens of milliseconds,
 * checking a post well under one: posts of the same site, language and
 * profile share a checker. Problems (no dictionary for a language, a word
 * list that does not parse) are printed once, on standard error.
 */

#define G_LOG_DOMAIN "byline-cli"

#include "config.h"

#include "byline-cli.h"

#include "byline-spell-language.h"
#include "byline-spell-lists.h"

#include <glib/gi18n.h>

/* Posts in a site that names no language are checked in American English,
 * the language of the dictionary the tests and the Flatpak install. */
#define FALLBACK_LANGUAGE "en_US"

struct _BylineCliSpelling
{
  GHashTable *languages;  /* site root URI ("" outside a site) → BylineLanguages */
  GHashTable *checkers;   /* "start URI\nlanguage\nprofile" → BylineSpellChecker, or NULL */
};

static void
unref_checker (gpointer checker)
{
  if (checker != NULL)
    g_object_unref (checker);
}

BylineCliSpelling *
byline_cli_spelling_new (void)
{
  BylineCliSpelling *self = g_new0 (BylineCliSpelling, 1);

  self->languages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) byline_languages_free);
  self->checkers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_checker);
  return self;
}

void
byline_cli_spelling_free (BylineCliSpelling *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->languages, g_hash_table_unref);
  g_clear_pointer (&self->checkers, g_hash_table_unref);
  g_free (self);
}

static const BylineLanguages *
languages_of (BylineCliSpelling *self,
              GFile             *site_root)
{
  g_autofree char *key = site_root != NULL ? g_file_get_uri (site_root) : g_strdup ("");
  BylineLanguages *languages = g_hash_table_lookup (self->languages, key);

  if (languages == NULL)
    {
      languages = byline_languages_read (site_root);
      g_hash_table_insert (self->languages, g_steal_pointer (&key), languages);
    }
  return languages;
}

BylineSpellChecker *
byline_cli_spelling_get_checker (BylineCliSpelling *self,
                                 GFile             *post_file,
                                 const char        *shown,
                                 BylineSite        *site,
                                 BylineProfile     *profile)
{
  GFile *site_root = site != NULL ? byline_site_get_root (site) : NULL;
  g_autoptr(GFile) start = byline_spell_lists_start (post_file, site_root);
  g_autofree char *language = NULL;
  g_autofree char *start_uri = g_file_get_uri (start);
  g_autofree char *key = NULL;
  BylineSpellChecker *checker;

  language = byline_spell_language_for_post (languages_of (self, site_root), post_file, NULL,
                                             FALLBACK_LANGUAGE);
  /* Chinese, Japanese and Korean text is not checked word by word. */
  if (byline_spell_language_is_cjk (language))
    return NULL;

  key = g_strdup_printf ("%s\n%s\n%p", start_uri, language, (gpointer) profile);
  if (!g_hash_table_lookup_extended (self->checkers, key, NULL, (gpointer *) &checker))
    {
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;

      checker = byline_spell_checker_new_for_site (language, start, profile, warnings, &error);
      if (checker == NULL)
        {
          /* Translators: the first post in that language, then why. */
          g_printerr (_("%s: warning: %s; posts in this language are not checked for spelling"),
                      shown, error->message);
          g_printerr ("\n");
        }
      for (guint i = 0; i < warnings->len; i++)
        g_printerr ("byline-cli: %s: %s\n", _("warning"),
                    (const char *) g_ptr_array_index (warnings, i));

      /* NULL is kept too, so that a missing dictionary is reported once. */
      g_hash_table_insert (self->checkers, g_steal_pointer (&key), checker);
    }
  return checker;
}
