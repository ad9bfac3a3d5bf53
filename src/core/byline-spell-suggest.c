/* byline-spell-suggest.c — words to offer instead of an unknown one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Enchant's own suggestions are good but slow (tens of milliseconds a word
 * with Hunspell): they are for a menu. Findings of a whole site get quick
 * ones, the known words one slip away, cached per word.
 */

#define G_LOG_DOMAIN "byline-spell"

#include "config.h"

#include "byline-spell.h"
#include "byline-spell-private.h"

#include <string.h>

/* Quick suggestions try every slip of a word: keep that bounded. */
#define MAX_QUICK_SUGGEST_CHARS 30

char **
byline_spell_checker_suggest (BylineSpellChecker *self,
                              const char         *word,
                              guint               max_suggestions)
{
  g_autofree char *normalized = NULL;
  g_autofree char *key = NULL;
  char **cached;
  char **copy;

  g_return_val_if_fail (BYLINE_IS_SPELL_CHECKER (self), NULL);
  g_return_val_if_fail (word != NULL, NULL);

  normalized = byline_spell_normalize_word (word, -1);
  if (normalized[0] == '\0')
    return g_new0 (char *, 1);

  /* Kept with the dictionary, apart from the quick ones ("max:word"): a
   * menu opened twice on a word asks Enchant once. */
  key = g_strdup_printf ("enchant:%u:%s", max_suggestions, normalized);

  g_mutex_lock (&byline_spell_enchant_lock);
  cached = g_hash_table_lookup (self->shared->suggestions, key);
  if (cached == NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      char **suggestions;
      size_t n = 0;

      suggestions = enchant_dict_suggest (self->shared->dict, normalized, -1, &n);
      for (size_t i = 0; i < n && i < max_suggestions; i++)
        g_strv_builder_add (builder, suggestions[i]);
      if (suggestions != NULL)
        enchant_dict_free_string_list (self->shared->dict, suggestions);

      cached = g_strv_builder_end (builder);
      if (g_hash_table_size (self->shared->suggestions) >= BYLINE_SPELL_MAX_CACHED_WORDS)
        g_hash_table_remove_all (self->shared->suggestions);
      g_hash_table_insert (self->shared->suggestions, g_steal_pointer (&key), cached);
    }
  copy = g_strdupv (cached);
  g_mutex_unlock (&byline_spell_enchant_lock);

  return copy;
}

typedef enum
{
  CASE_AS_IS,
  CASE_CAPITALIZED,
} CasePattern;

/* Whether a candidate is a word; called with the locks it needs held. */
typedef gboolean (*KnownFunc) (gpointer    data,
                               const char *candidate);

typedef struct
{
  const char  *word;
  CasePattern  pattern;
  KnownFunc    known;
  gpointer     data;
  GPtrArray   *found;
  guint        max_suggestions;
} Edits;

static void
try_candidate (Edits          *edits,
               const gunichar *chars,
               guint           n_chars)
{
  g_autofree char *candidate = NULL;
  GString *out;

  if (edits->found->len >= edits->max_suggestions || n_chars == 0)
    return;

  out = g_string_new (NULL);
  for (guint i = 0; i < n_chars; i++)
    g_string_append_unichar (out, i == 0 && edits->pattern == CASE_CAPITALIZED
                                  ? g_unichar_totitle (chars[i]) : chars[i]);
  candidate = g_string_free (out, FALSE);

  if (strcmp (candidate, edits->word) == 0)
    return;
  for (guint i = 0; i < edits->found->len; i++)
    if (strcmp (g_ptr_array_index (edits->found, i), candidate) == 0)
      return;

  if (edits->known (edits->data, candidate))
    g_ptr_array_add (edits->found, g_steal_pointer (&candidate));
}

static void
add_letter (GArray   *letters,
            gunichar  c)
{
  for (guint i = 0; i < letters->len; i++)
    if (g_array_index (letters, gunichar, i) == c)
      return;
  g_array_append_val (letters, c);
}

/* The keys around each letter on a QWERTY keyboard. */
static const char *
keys_around (gunichar c)
{
  static const char * const around[26] = {
    "qwszx", "vghnf", "xdfvs", "wersfxcv", "wrsdf", "ertdgcvb", "rtyfhvbn", "tyugjbnm",
    "uojkl", "yuihknm", "uiojlm", "iopk", "njkh", "bhjmg", "ipkl", "ol", "was", "etdfg",
    "qweadzxc", "ryfgh", "yihjk", "cfgbd", "qeasd", "zsdca", "tughj", "asx",
  };

  return c >= 'a' && c <= 'z' ? around[c - 'a'] : "";
}

/* @common, and the keys around @a and @b (0 for none). */
static GArray *
letters_near (GArray   *common,
              gunichar  a,
              gunichar  b)
{
  GArray *letters = g_array_copy (common);

  for (const char *k = keys_around (a); *k != '\0'; k++)
    add_letter (letters, *k);
  for (const char *k = keys_around (b); *k != '\0'; k++)
    add_letter (letters, *k);
  return letters;
}

/* The known words one edit away from @word, swaps first, then letters
 * dropped, changed and added (the letters a slip would give); at most
 * @max_suggestions. */
static char **
find_edits (const char *word,
            guint       max_suggestions,
            KnownFunc   known,
            gpointer    data)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *lower = g_utf8_strdown (word, -1);
  g_autofree gunichar *chars = NULL;
  g_autofree gunichar *edit = NULL;
  g_autoptr(GArray) alphabet = g_array_new (FALSE, FALSE, sizeof (gunichar));
  Edits edits = { word, CASE_AS_IS, known, data, found, max_suggestions };
  glong n = 0;

  chars = g_utf8_to_ucs4_fast (lower, -1, &n);
  if (n < 2 || n > MAX_QUICK_SUGGEST_CHARS)
    {
      g_ptr_array_add (found, NULL);
      return (char **) g_ptr_array_steal (found, NULL);
    }

  if (g_unichar_isupper (g_utf8_get_char (word)))
    edits.pattern = CASE_CAPITALIZED;

  /* Letters a slip puts in: vowels, the letters of the word itself (é, ß,
   * doubled letters) and, per place, the keys next to the one meant. */
  for (const char *v = "aeiouy"; *v != '\0'; v++)
    add_letter (alphabet, *v);
  for (glong i = 0; i < n; i++)
    if (g_unichar_isalpha (chars[i]))
      add_letter (alphabet, chars[i]);

  edit = g_new (gunichar, n + 1);

  /* Two neighbouring letters swapped: the commonest typing slip. Writers
   * rarely slip on the first letter: that swap comes last. */
  for (glong k = 1; k <= n - 1; k++)
    {
      glong i = k < n - 1 ? k : 0;

      memcpy (edit, chars, n * sizeof (gunichar));
      edit[i] = chars[i + 1];
      edit[i + 1] = chars[i];
      try_candidate (&edits, edit, n);
    }
  /* One letter too many. */
  for (glong i = 0; i < n; i++)
    {
      memcpy (edit, chars, i * sizeof (gunichar));
      memcpy (edit + i, chars + i + 1, (n - i - 1) * sizeof (gunichar));
      try_candidate (&edits, edit, n - 1);
    }
  /* One letter wrong. */
  for (glong i = 0; i < n; i++)
    {
      g_autoptr(GArray) letters = letters_near (alphabet, chars[i], 0);

      for (guint a = 0; a < letters->len; a++)
        {
          gunichar c = g_array_index (letters, gunichar, a);

          if (c == chars[i])
            continue;
          memcpy (edit, chars, n * sizeof (gunichar));
          edit[i] = c;
          try_candidate (&edits, edit, n);
        }
    }
  /* One letter missing. */
  for (glong i = 0; i <= n; i++)
    {
      g_autoptr(GArray) letters = letters_near (alphabet, i > 0 ? chars[i - 1] : 0,
                                                i < n ? chars[i] : 0);

      for (guint a = 0; a < letters->len; a++)
        {
          memcpy (edit, chars, i * sizeof (gunichar));
          edit[i] = g_array_index (letters, gunichar, a);
          memcpy (edit + i + 1, chars + i, (n - i) * sizeof (gunichar));
          try_candidate (&edits, edit, n + 1);
        }
    }

  g_ptr_array_add (found, NULL);
  return (char **) g_ptr_array_steal (found, NULL);
}

static gboolean
listed_cb (gpointer    data,
           const char *candidate)
{
  BylineSpellChecker *self = data;
  g_autofree char *folded = g_utf8_casefold (candidate, -1);

  return byline_spell_listed_locked (self, folded, NULL);
}

static gboolean
in_dictionary_cb (gpointer    data,
                  const char *candidate)
{
  BylineSpellSharedDict *shared = data;

  return enchant_dict_check (shared->dict, candidate, -1) == 0;
}

char **
byline_spell_checker_quick_suggest (BylineSpellChecker *self,
                                    const char         *word,
                                    guint               max_suggestions)
{
  g_autofree char *normalized = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  char **listed;
  char **from_dict;
  guint n = 0;

  g_return_val_if_fail (BYLINE_IS_SPELL_CHECKER (self), NULL);
  g_return_val_if_fail (word != NULL, NULL);

  normalized = byline_spell_normalize_word (word, -1);
  key = g_strdup_printf ("%u:%s", max_suggestions, normalized);

  /* The site's words first: they are what its authors mistype. The
   * dictionary's are the same for every site and kept with it. */
  g_mutex_lock (&self->lock);
  listed = g_hash_table_lookup (self->listed_suggestions, key);
  if (listed == NULL)
    {
      gboolean any = g_hash_table_size (self->site_words) > 0 ||
                     g_hash_table_size (self->personal_words) > 0 ||
                     g_hash_table_size (self->session_words) > 0;

      listed = any ? find_edits (normalized, max_suggestions, listed_cb, self)
                   : g_new0 (char *, 1);
      if (g_hash_table_size (self->listed_suggestions) >= BYLINE_SPELL_MAX_CACHED_WORDS)
        g_hash_table_remove_all (self->listed_suggestions);
      g_hash_table_insert (self->listed_suggestions, g_strdup (key), listed);
    }
  for (; listed[n] != NULL; n++)
    g_strv_builder_add (builder, listed[n]);

  g_mutex_lock (&byline_spell_enchant_lock);
  from_dict = g_hash_table_lookup (self->shared->suggestions, key);
  if (from_dict == NULL)
    {
      from_dict = find_edits (normalized, max_suggestions, in_dictionary_cb, self->shared);
      if (g_hash_table_size (self->shared->suggestions) >= BYLINE_SPELL_MAX_CACHED_WORDS)
        g_hash_table_remove_all (self->shared->suggestions);
      g_hash_table_insert (self->shared->suggestions, g_steal_pointer (&key), from_dict);
    }
  for (guint i = 0; from_dict[i] != NULL && n < max_suggestions; i++)
    if (!g_strv_contains ((const char * const *) listed, from_dict[i]))
      {
        g_strv_builder_add (builder, from_dict[i]);
        n++;
      }
  g_mutex_unlock (&byline_spell_enchant_lock);
  g_mutex_unlock (&self->lock);

  return g_strv_builder_end (builder);
}

typedef struct
{
  char  *word;
  guint  rank;    /* the best position of a value holding it */
  guint  order;   /* first seen */
} Proposal;

static int
compare_proposals (gconstpointer a,
                   gconstpointer b)
{
  const Proposal *pa = a;
  const Proposal *pb = b;

  if (pa->rank != pb->rank)
    return pa->rank < pb->rank ? -1 : 1;
  return pa->order < pb->order ? -1 : pa->order > pb->order;
}

char **
byline_spell_checker_propose_words (BylineSpellChecker *self,
                                    GHashTable         *site_words)
{
  g_autoptr(GArray) proposals = g_array_new (FALSE, FALSE, sizeof (Proposal));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GList) keys = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_val_if_fail (BYLINE_IS_SPELL_CHECKER (self), NULL);

  if (site_words != NULL)
    keys = g_list_sort (g_hash_table_get_keys (site_words), (GCompareFunc) strcmp);

  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char * const *values = g_hash_table_lookup (site_words, l->data);

      for (guint rank = 0; values != NULL && values[rank] != NULL; rank++)
        {
          const char *value = values[rank];
          g_autoptr(GArray) unknown = g_array_new (FALSE, FALSE, sizeof (BylineMisspelling));

          if (!g_utf8_validate (value, -1, NULL))
            continue;
          byline_spell_checker_check_text (self, value, 0, strlen (value), NULL, unknown);

          for (guint i = 0; i < unknown->len; i++)
            {
              const BylineMisspelling *m = &g_array_index (unknown, BylineMisspelling, i);
              g_autofree char *word = g_strndup (value + m->start, m->end - m->start);
              Proposal proposal;
              gpointer position;

              if (g_hash_table_lookup_extended (seen, word, NULL, &position))
                {
                  Proposal *p = &g_array_index (proposals, Proposal, GPOINTER_TO_UINT (position));

                  p->rank = MIN (p->rank, rank);
                  continue;
                }
              g_hash_table_insert (seen, g_strdup (word), GUINT_TO_POINTER (proposals->len));
              proposal.word = g_steal_pointer (&word);
              proposal.rank = rank;
              proposal.order = proposals->len;
              g_array_append_val (proposals, proposal);
            }
        }
    }

  g_array_sort (proposals, compare_proposals);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < proposals->len; i++)
    {
      Proposal *p = &g_array_index (proposals, Proposal, i);

      g_strv_builder_add (builder, p->word);
      g_free (p->word);
    }

  return g_strv_builder_end (builder);
}
