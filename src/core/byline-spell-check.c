/* byline-spell-check.c — checking the words of a text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text is cut into words (byline-spell-tokens.h) and each is looked up
 * with the checker's lock held once for all of them: in the post's own
 * words, the checker's verdicts, then the lists and the dictionary
 * (byline-spell.c).
 */

#define G_LOG_DOMAIN "byline-spell"

#include "config.h"

#include "byline-spell.h"
#include "byline-spell-private.h"
#include "byline-spell-tokens.h"

#include <string.h>

/* Prefixes that are written with a hyphen (pre-connected, non-zero) and
 * that dictionaries do not hold as words of their own. English only, as
 * they are harmless in other languages. */
static gboolean
is_prefix (const char *part)
{
  static const char * const prefixes[] = {
    "anti", "bi", "co", "counter", "cross", "de", "e", "ex", "hyper", "inter", "intra",
    "macro", "meta", "micro", "mid", "mini", "multi", "non", "over", "post", "pre", "pro",
    "pseudo", "quasi", "re", "self", "semi", "sub", "super", "tri", "ultra", "un", "under",
  };
  g_autofree char *lower = g_utf8_strdown (part, -1);

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (strcmp (lower, prefixes[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
add_misspelling (GArray *misspellings,
                 gsize   start,
                 gsize   end)
{
  BylineMisspelling misspelling = { start, end };

  g_array_append_val (misspellings, misspelling);
}

/* Checks the words of @tokens (of text), with the checker's lock held. */
static void
check_tokens_locked (BylineSpellChecker *self,
                     const char         *text,
                     GArray             *tokens,
                     GHashTable         *extra,
                     GArray             *misspellings)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      const BylineSpellToken *token = &g_array_index (tokens, BylineSpellToken, i);
      gsize length = token->end - token->start;
      char stack[128];
      g_autofree char *heap = length < sizeof stack ? NULL : g_malloc (length + 1);
      char *word = heap != NULL ? heap : stack;
      gsize part_start;

      byline_spell_normalize_into (word, text + token->start, length);
      if (byline_spell_check_normalized_locked (self, word, extra))
        continue;
      if (!token->hyphenated)
        {
          add_misspelling (misspellings, token->start, token->end);
          continue;
        }

      /* Unknown as a whole: each part on its own. */
      part_start = token->start;
      for (gsize p = token->start; p <= token->end; )
        {
          if (p == token->end || byline_spell_is_hyphen (g_utf8_get_char (text + p)))
            {
              g_autofree char *part = byline_spell_normalize_word (text + part_start,
                                                                   p - part_start);

              if (!(p < token->end && is_prefix (part)) &&
                  !byline_spell_check_normalized_locked (self, part, extra))
                add_misspelling (misspellings, part_start, p);
              if (p == token->end)
                break;
              p = g_utf8_next_char (text + p) - text;
              part_start = p;
              continue;
            }
          p = g_utf8_next_char (text + p) - text;
        }
    }
}

void
byline_spell_checker_check_text (BylineSpellChecker *self,
                                 const char         *text,
                                 gsize               start,
                                 gsize               end,
                                 GHashTable         *extra,
                                 GArray             *misspellings)
{
  gsize range[2] = { start, end };

  g_return_if_fail (BYLINE_IS_SPELL_CHECKER (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (misspellings != NULL);

  byline_spell_checker_check_ranges (self, text, range, 1, extra, misspellings);
}

/* About one word in six bytes of prose. */
#define BYTES_PER_WORD 6

void
byline_spell_checker_check_ranges (BylineSpellChecker *self,
                                   const char         *text,
                                   const gsize        *ranges,
                                   guint               n_ranges,
                                   GHashTable         *extra,
                                   GArray             *misspellings)
{
  g_autoptr(GArray) tokens = NULL;
  gsize total = 0;

  g_return_if_fail (BYLINE_IS_SPELL_CHECKER (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (ranges != NULL || n_ranges == 0);
  g_return_if_fail (misspellings != NULL);

  /* One array for every range, big enough from the start: a post has
   * hundreds of ranges, one per text node. */
  for (guint i = 0; i < n_ranges; i++)
    total += ranges[2 * i + 1] - ranges[2 * i];
  tokens = g_array_sized_new (FALSE, FALSE, sizeof (BylineSpellToken),
                              (guint) MIN (total / BYTES_PER_WORD + 16, G_MAXUINT / 2));

  for (guint i = 0; i < n_ranges; i++)
    byline_spell_tokenize (text, ranges[2 * i], ranges[2 * i + 1], tokens);

  g_mutex_lock (&self->lock);
  check_tokens_locked (self, text, tokens, extra, misspellings);
  g_mutex_unlock (&self->lock);
}
