/* byline-spell-lists-add.c — adding a word to a site's .spelling list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * mdspell's .spelling holds the site's words first, then sections that
 * start with " - path/post.md" and hold one post's words. A word for every
 * post goes at the end of the first part, before any section, so that it
 * does not become one post's word.
 */

#define G_LOG_DOMAIN "byline-spell"

#include "config.h"

#include "byline-spell-lists.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static gboolean
is_section_line (const char *line,
                 const char *line_end)
{
  while (line < line_end && *line == ' ')
    line++;
  return line + 1 < line_end && line[0] == '-' && line[1] == ' ';
}

char *
byline_spell_mdspell_add_word (const char *text,
                               gsize       length,
                               const char *word)
{
  const char *end = text + length;
  const char *line = text;
  const char *insert_at = end;
  GString *out;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (word != NULL, NULL);

  while (line < end)
    {
      const char *nl = memchr (line, '\n', end - line);
      const char *line_end = nl != NULL ? nl : end;

      if (is_section_line (line, line_end))
        {
          insert_at = line;
          break;
        }
      line = nl != NULL ? nl + 1 : end;
    }

  /* After the last word of the first part: blank lines and comments that
   * come before the first section stay before it. */
  if (insert_at < end)
    {
      const char *p = insert_at;

      while (p > text)
        {
          const char *prev_end = p - 1;   /* the newline ending the line before */
          const char *prev = prev_end;
          const char *q;

          while (prev > text && prev[-1] != '\n')
            prev--;
          for (q = prev; q < prev_end && g_ascii_isspace (*q); q++)
            ;
          if (q < prev_end && *q != '#')
            break;
          p = prev;
        }
      insert_at = p;
    }

  out = g_string_sized_new (length + strlen (word) + 2);
  g_string_append_len (out, text, insert_at - text);
  if (insert_at > text && insert_at[-1] != '\n')
    g_string_append_c (out, '\n');
  g_string_append (out, word);
  g_string_append_c (out, '\n');
  g_string_append_len (out, insert_at, end - insert_at);
  return g_string_free (out, FALSE);
}

GFile *
byline_spell_lists_find_mdspell (GFile *start)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (G_IS_FILE (start), NULL);

  file = g_file_get_child (start, ".spelling");
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    return NULL;
  return g_steal_pointer (&file);
}

gboolean
byline_spell_lists_add_to_mdspell (GFile       *file,
                                   const char  *word,
                                   GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *updated = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (word != NULL, FALSE);

  if (word[0] == '\0' || strpbrk (word, " \t\r\n") != NULL || !g_utf8_validate (word, -1, NULL))
    {
      g_set_error (error, BYLINE_SPELL_ERROR, BYLINE_SPELL_ERROR_INVALID_WORD,
                   _("Only a single word can be added to the dictionary"));
      return FALSE;
    }

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return FALSE;
  if (!g_utf8_validate_len (contents, length, NULL))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* Translators: %s is a file such as /home/me/site/.spelling. */
      g_set_error (error, BYLINE_SPELL_ERROR, BYLINE_SPELL_ERROR_INVALID_LIST,
                   _("%s is not UTF-8 text: the word was not added"), name);
      return FALSE;
    }

  updated = byline_spell_mdspell_add_word (contents, length, word);
  /* Replaced atomically: the site's list is never left half written. */
  return g_file_replace_contents (file, updated, strlen (updated), NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, NULL, error);
}
