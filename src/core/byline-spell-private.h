/* byline-spell-private.h — what the checker's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <enchant.h>

#include "byline-spell.h"

G_BEGIN_DECLS

/* Enough for every word of a large site; past it a cache starts over. */
#define BYLINE_SPELL_MAX_CACHED_WORDS 200000

enum
{
  BYLINE_SPELL_VERDICT_UNKNOWN,
  BYLINE_SPELL_VERDICT_CORRECT,
  BYLINE_SPELL_VERDICT_WRONG,
};

/* Enchant is not thread-safe, and loading a dictionary takes tens of
 * milliseconds: one lock for every call into Enchant, one broker, and one
 * dictionary per language for the whole process, shared by the checkers of
 * every site with the dictionary's own verdicts. */
typedef struct
{
  char        *tag;
  EnchantDict *dict;
  GHashTable  *verdicts;     /* word → BYLINE_SPELL_VERDICT_*, as the dictionary answers */
  /* "max:word" → GStrv of the dictionary's near words (quick), and
   * "enchant:max:word" → GStrv of Enchant's own suggestions */
  GHashTable  *suggestions;
  guint        n_users;
} BylineSpellSharedDict;

extern GMutex byline_spell_enchant_lock;

struct _BylineSpellChecker
{
  GObject                parent_instance;

  GMutex                 lock;           /* taken before byline_spell_enchant_lock */
  BylineSpellSharedDict *shared;
  char                  *language;

  GHashTable            *site_words;     /* case-folded set */
  GHashTable            *file_words;     /* path → case-folded set */
  GHashTable            *personal_words; /* case-folded set */
  GHashTable            *session_words;  /* case-folded set */
  GFile                 *personal_file;
  /* word → BYLINE_SPELL_VERDICT_*: the lists and the dictionary together,
   * forgotten when a list changes */
  GHashTable            *verdicts;
  GHashTable            *listed_suggestions;  /* "max:word" → GStrv of near listed words */
};

/* Copies @length bytes of @word into @buf (length + 1 bytes at least), with
 * the typographic apostrophes ’ and ʼ as ', which is how dictionaries and
 * word lists write them. */
void     byline_spell_normalize_into (char               *buf,
                                      const char         *word,
                                      gsize               length);
char    *byline_spell_normalize_word (const char         *word,
                                      gssize              length);
/* Whether a case-folded word is in @extra (nullable) or one of the
 * checker's lists; called with the checker's lock held. */
gboolean byline_spell_listed_locked  (BylineSpellChecker *self,
                                      const char         *folded,
                                      GHashTable         *extra);

/* Whether a normalized word is correct: the post's words (@extra), then
 * the checker's cached verdicts, its lists and the dictionary; called with
 * the checker's lock held. */
gboolean byline_spell_check_normalized_locked (BylineSpellChecker *self,
                                               const char         *word,
                                               GHashTable         *extra);

/* Appends the words of @text, separated by white space or commas. */
void     byline_spell_add_words_of   (GPtrArray          *words,
                                      const char         *text,
                                      gsize               length);

G_END_DECLS
