/* byline-spell-lists.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-spell"

#include "config.h"

#include "byline-spell-lists.h"
#include "byline-spell-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Word lists are small; these limits only keep a stray huge file out. */
#define MAX_LIST_BYTES (4 * 1024 * 1024)
#define MAX_WORD_FILE_BYTES (16 * 1024 * 1024)
#define MAX_LEVELS 8

void
byline_spell_add_words_of (GPtrArray  *words,
                           const char *text,
                           gsize       length)
{
  const char *end = text + length;
  const char *p = text;

  /* Words are separated by white space or commas. */
  while (p < end)
    {
      const char *start;

      while (p < end && (g_ascii_isspace (*p) || *p == ','))
        p++;
      start = p;
      while (p < end && !g_ascii_isspace (*p) && *p != ',')
        p++;
      if (p > start)
        g_ptr_array_add (words, g_strndup (start, p - start));
    }
}

void
byline_spell_parse_word_file (const char *text,
                              gsize       length,
                              GPtrArray  *words)
{
  const char *end = text + length;
  const char *line = text;

  g_return_if_fail (text != NULL || length == 0);
  g_return_if_fail (words != NULL);

  while (line < end)
    {
      const char *nl = memchr (line, '\n', end - line);
      const char *line_end = nl != NULL ? nl : end;

      if (line < line_end && line[0] != '#' && line[0] != '!')
        byline_spell_add_words_of (words, line, line_end - line);
      line = nl != NULL ? nl + 1 : end;
    }
}

void
byline_spell_parse_mdspell (const char *text,
                            gsize       length,
                            GPtrArray  *words,
                            GHashTable *file_words)
{
  const char *end = text + length;
  const char *line = text;
  GPtrArray *target = words;

  g_return_if_fail (text != NULL || length == 0);
  g_return_if_fail (words != NULL);
  g_return_if_fail (file_words != NULL);

  while (line < end)
    {
      const char *nl = memchr (line, '\n', end - line);
      const char *line_end = nl != NULL ? nl : end;
      const char *p = line;

      while (line_end > line && g_ascii_isspace (line_end[-1]))
        line_end--;
      while (p < line_end && *p == ' ')
        p++;

      if (p < line_end && *p == '-' && p + 1 < line_end && p[1] == ' ')
        {
          /* " - path/post.md": the words that follow are for that file. */
          g_autofree char *path = g_strstrip (g_strndup (p + 2, line_end - p - 2));

          target = g_hash_table_lookup (file_words, path);
          if (target == NULL)
            {
              target = g_ptr_array_new_with_free_func (g_free);
              g_hash_table_insert (file_words, g_steal_pointer (&path), target);
            }
        }
      else if (p < line_end && *p != '#')
        g_ptr_array_add (target, g_strndup (p, line_end - p));

      line = nl != NULL ? nl + 1 : end;
    }
}

void
byline_spell_parse_codespellrc (const char *text,
                                gsize       length,
                                GPtrArray  *words,
                                GPtrArray  *word_files)
{
  const char *end = text + length;
  const char *line = text;
  gboolean in_section = FALSE;
  GPtrArray *target = NULL;  /* the list of the key whose value continues */

  g_return_if_fail (text != NULL || length == 0);
  g_return_if_fail (words != NULL);
  g_return_if_fail (word_files != NULL);

  while (line < end)
    {
      const char *nl = memchr (line, '\n', end - line);
      const char *line_end = nl != NULL ? nl : end;
      g_autofree char *content = g_strndup (line, line_end - line);
      gboolean continuation = content[0] == ' ' || content[0] == '\t';

      line = nl != NULL ? nl + 1 : end;
      g_strstrip (content);

      if (content[0] == '#' || content[0] == ';')
        continue;
      if (content[0] == '\0')
        {
          target = NULL;
          continue;
        }
      if (continuation && target != NULL)
        {
          byline_spell_add_words_of (target, content, strlen (content));
          continue;
        }

      target = NULL;
      if (content[0] == '[')
        {
          in_section = g_ascii_strncasecmp (content, "[codespell]", 11) == 0;
          continue;
        }
      if (!in_section)
        continue;

      {
        char *sep = strpbrk (content, "=:");
        g_autofree char *key = NULL;
        const char *value;

        if (sep == NULL)
          continue;
        key = g_strstrip (g_ascii_strdown (content, sep - content));
        g_strdelimit (key, "_", '-');
        value = sep + 1;

        if (strcmp (key, "ignore-words-list") == 0)
          target = words;
        else if (strcmp (key, "ignore-words") == 0)
          target = word_files;
        else
          continue;
        byline_spell_add_words_of (target, value, strlen (value));
      }
    }
}

static void
add_post_words_of (GHashTable *set,
                   const char *text,
                   gsize       length)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

  byline_spell_add_words_of (words, text, length);
  for (guint i = 0; i < words->len; i++)
    byline_spell_word_set_add (set, g_ptr_array_index (words, i), -1);
}

static GRegex *
marker_regex (void)
{
  static gsize regex = 0;

  if (g_once_init_enter (&regex))
    {
      GRegex *made = g_regex_new ("(?:cspell|spell-?checker)\\s*:\\s*(?:ignore|words)\\b\\s*:?"
                                  "([^\\n]*)",
                                  G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&regex, (gsize) made);
    }
  return (GRegex *) regex;
}

GHashTable *
byline_spell_post_words (const char        *text,
                         gsize              length,
                         BylineFrontMatter *front_matter)
{
  GHashTable *set = byline_spell_word_set_new ();
  g_autoptr(GMatchInfo) match = NULL;
  static const char * const closers[] = { "-->", "*/", "}}", "#}" };
  guint n_entries;

  g_return_val_if_fail (text != NULL || length == 0, set);

  g_regex_match_full (marker_regex (), text, length, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      int start = 0, end = 0;

      if (g_match_info_fetch_pos (match, 1, &start, &end) && end > start)
        {
          gsize stop = end;

          /* The words end where the comment does. */
          for (guint i = 0; i < G_N_ELEMENTS (closers); i++)
            {
              const char *found = g_strstr_len (text + start, end - start, closers[i]);

              if (found != NULL)
                stop = MIN (stop, (gsize) (found - text));
            }
          add_post_words_of (set, text + start, stop - start);
        }
      g_match_info_next (match, NULL);
    }

  /* Keys with a list of words: cSpell:ignore: [a, b] or one per line. */
  n_entries = front_matter != NULL ? byline_front_matter_get_n_entries (front_matter) : 0;
  for (guint i = 0; i < n_entries; i++)
    {
      const BylineFrontMatterEntry *entry = byline_front_matter_get_entry (front_matter, i);
      g_autoptr(GMatchInfo) key_match = NULL;

      if (!g_regex_match (marker_regex (), entry->key, 0, &key_match))
        continue;
      if (entry->kind == BYLINE_VALUE_SEQUENCE)
        for (guint j = 0; j < entry->n_items; j++)
          add_post_words_of (set, entry->items[j], strlen (entry->items[j]));
      else if (entry->value != NULL)
        add_post_words_of (set, entry->value, strlen (entry->value));
    }

  return set;
}

GFile *
byline_spell_lists_start (GFile *post_file,
                          GFile *site_root)
{
  g_return_val_if_fail (G_IS_FILE (post_file), NULL);

  if (site_root != NULL)
    return g_object_ref (site_root);
  return g_file_get_parent (post_file);
}

static gboolean
exists (GFile      *folder,
        const char *name)
{
  g_autoptr(GFile) child = g_file_get_child (folder, name);

  return g_file_query_exists (child, NULL);
}

static char *
read_list (GFile      *file,
           gsize       limit,
           gsize      *length,
           GPtrArray  *warnings)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  char *contents = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return NULL;

  if ((guint64) g_file_info_get_size (info) > limit)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* Translators: a file name. */
      g_ptr_array_add (warnings, g_strdup_printf (_("%s: too large for a word list; not read"),
                                                  name));
      return NULL;
    }

  if (!g_file_load_contents (file, NULL, &contents, length, NULL, &error) ||
      !g_utf8_validate_len (contents, *length, NULL))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      if (error != NULL)
        g_ptr_array_add (warnings, g_strdup_printf ("%s: %s", name, error->message));
      else
        /* Translators: a file name. */
        g_ptr_array_add (warnings, g_strdup_printf (_("%s: not UTF-8 text; not read"), name));
      g_free (contents);
      return NULL;
    }

  return contents;
}

static void
load_word_files (BylineSpellChecker *checker,
                 GFile              *list_file,
                 GFile              *top,
                 GPtrArray          *word_files,
                 GPtrArray          *warnings)
{
  g_autoptr(GFile) folder = g_file_get_parent (list_file);

  for (guint i = 0; i < word_files->len; i++)
    {
      const char *path = g_ptr_array_index (word_files, i);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GPtrArray) words = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;

      /* ${cwd}/… and other variables are cspell's; ~/… is outside the site. */
      if (path[0] == '$' || path[0] == '~' || path[0] == '\0')
        continue;
      file = g_file_resolve_relative_path (folder, path);
      if (!g_file_has_prefix (file, top))
        {
          g_autofree char *name = g_file_get_parse_name (list_file);

          /* Translators: a file name, then a path written in it. */
          g_ptr_array_add (warnings,
                           g_strdup_printf (_("%s: the word file “%s” is outside the site; "
                                              "not read"), name, path));
          continue;
        }

      contents = read_list (file, MAX_WORD_FILE_BYTES, &length, warnings);
      if (contents == NULL)
        {
          if (!g_file_query_exists (file, NULL))
            {
              g_autofree char *name = g_file_get_parse_name (list_file);

              g_ptr_array_add (warnings,
                               g_strdup_printf (_("%s: the word file “%s” does not exist"),
                                                name, path));
            }
          continue;
        }
      words = g_ptr_array_new_with_free_func (g_free);
      byline_spell_parse_word_file (contents, length, words);
      g_ptr_array_add (words, NULL);
      byline_spell_checker_add_site_words (checker, (const char * const *) words->pdata);
    }
}

static void
load_folder (BylineSpellChecker *checker,
             GFile              *folder,
             GFile              *top,
             GPtrArray          *warnings)
{
  static const char * const cspell_names[] = {
    ".cspell.json", "cspell.json", ".cSpell.json", "cSpell.json", "cspell.config.json",
    ".cspell.yml", ".cspell.yaml", "cspell.yml", "cspell.yaml", "cspell.config.yml",
    "cspell.config.yaml",
  };

  {
    g_autoptr(GFile) file = g_file_get_child (folder, ".spelling");
    g_autofree char *contents = NULL;
    gsize length = 0;

    contents = read_list (file, MAX_LIST_BYTES, &length, warnings);
    if (contents != NULL)
      {
        g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(GHashTable) file_words =
          g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                 (GDestroyNotify) g_ptr_array_unref);
        GHashTableIter iter;
        gpointer key, value;

        byline_spell_parse_mdspell (contents, length, words, file_words);
        g_ptr_array_add (words, NULL);
        byline_spell_checker_add_site_words (checker, (const char * const *) words->pdata);

        g_hash_table_iter_init (&iter, file_words);
        while (g_hash_table_iter_next (&iter, &key, &value))
          {
            g_autoptr(GFile) post = g_file_resolve_relative_path (folder, key);
            g_autofree char *path = g_file_get_path (post);
            GPtrArray *list = value;

            g_ptr_array_add (list, NULL);
            if (path != NULL)
              byline_spell_checker_add_file_words (checker, path,
                                                   (const char * const *) list->pdata);
          }
      }
  }

  for (guint i = 0; i < G_N_ELEMENTS (cspell_names); i++)
    {
      g_autoptr(GFile) file = g_file_get_child (folder, cspell_names[i]);
      g_autoptr(GPtrArray) words = NULL;
      g_autoptr(GPtrArray) word_files = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *name = NULL;
      gsize length = 0;

      contents = read_list (file, MAX_LIST_BYTES, &length, warnings);
      if (contents == NULL)
        continue;

      name = g_file_get_parse_name (file);
      words = g_ptr_array_new_with_free_func (g_free);
      word_files = g_ptr_array_new_with_free_func (g_free);
      if (!byline_spell_parse_cspell (contents, length, strstr (cspell_names[i], ".json") == NULL,
                                      name, words, word_files, &error))
        {
          g_ptr_array_add (warnings, g_strdup (error->message));
          continue;
        }
      g_ptr_array_add (words, NULL);
      byline_spell_checker_add_site_words (checker, (const char * const *) words->pdata);
      load_word_files (checker, file, top, word_files, warnings);
    }

  {
    g_autoptr(GFile) file = g_file_get_child (folder, ".codespellrc");
    g_autofree char *contents = NULL;
    gsize length = 0;

    contents = read_list (file, MAX_LIST_BYTES, &length, warnings);
    if (contents != NULL)
      {
        g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(GPtrArray) word_files = g_ptr_array_new_with_free_func (g_free);

        byline_spell_parse_codespellrc (contents, length, words, word_files);
        g_ptr_array_add (words, NULL);
        byline_spell_checker_add_site_words (checker, (const char * const *) words->pdata);
        load_word_files (checker, file, top, word_files, warnings);
      }
  }
}

void
byline_spell_checker_load_lists (BylineSpellChecker *checker,
                                 GFile              *start,
                                 GPtrArray          *warnings)
{
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_object_unref);
  GFile *top = NULL;

  g_return_if_fail (BYLINE_IS_SPELL_CHECKER (checker));
  g_return_if_fail (G_IS_FILE (start));
  g_return_if_fail (warnings != NULL);

  /* Up to the folder holding .git (a folder in a clone, a file in a
   * worktree); without one near, the start folder alone. */
  g_ptr_array_add (folders, g_object_ref (start));
  for (guint level = 0; level < MAX_LEVELS; level++)
    {
      GFile *folder = g_ptr_array_index (folders, folders->len - 1);
      GFile *parent;

      if (exists (folder, ".git"))
        {
          top = folder;
          break;
        }
      parent = g_file_get_parent (folder);
      if (parent == NULL)
        break;
      g_ptr_array_add (folders, parent);
    }
  if (top == NULL)
    {
      g_ptr_array_set_size (folders, 1);
      top = start;
    }

  for (guint i = 0; i < folders->len; i++)
    load_folder (checker, g_ptr_array_index (folders, i), top, warnings);
}

BylineSpellChecker *
byline_spell_checker_new_for_site (const char     *language,
                                   GFile          *start,
                                   BylineProfile  *profile,
                                   GPtrArray      *warnings,
                                   GError        **error)
{
  g_autoptr(BylineSpellChecker) checker = NULL;

  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (start == NULL || G_IS_FILE (start), NULL);
  g_return_val_if_fail (profile == NULL || BYLINE_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (warnings != NULL, NULL);

  checker = byline_spell_checker_new (language, error);
  if (checker == NULL)
    return NULL;
  if (start != NULL)
    byline_spell_checker_load_lists (checker, start, warnings);
  if (profile != NULL)
    byline_spell_checker_add_site_words (checker, byline_profile_get_words (profile));
  return g_steal_pointer (&checker);
}
