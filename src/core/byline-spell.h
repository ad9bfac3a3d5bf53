/* byline-spell.h — a spell checker for one language and one site
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A BylineSpellChecker wraps an Enchant 2 dictionary and the words that are
 * correct besides it: the site's own word lists (byline-spell-lists.h), the
 * personal dictionary ($XDG_CONFIG_HOME/byline/personal-dictionary.txt,
 * one word a line) and the words ignored for the session. Word lists match
 * without regard to case, as cspell's do. Verdicts are cached per word.
 *
 * One checker serves every post of a site in one language. Every function
 * may be called from any thread: the checker holds a lock around Enchant,
 * which is not thread-safe, and around its tables.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BYLINE_SPELL_ERROR (byline_spell_error_quark ())

typedef enum
{
  BYLINE_SPELL_ERROR_NO_DICTIONARY,  /* no dictionary installed for the language */
  BYLINE_SPELL_ERROR_INVALID_WORD,   /* adding an empty word, or one with spaces */
  BYLINE_SPELL_ERROR_INVALID_LIST,   /* a site's word list that does not parse */
} BylineSpellError;

/* A word of a text that the checker does not know. */
typedef struct
{
  gsize start;   /* bytes of the text */
  gsize end;
} BylineMisspelling;

#define BYLINE_TYPE_SPELL_CHECKER (byline_spell_checker_get_type ())

G_DECLARE_FINAL_TYPE (BylineSpellChecker, byline_spell_checker, BYLINE, SPELL_CHECKER, GObject)

GQuark              byline_spell_error_quark              (void);

/* A checker for @language ("en_US", "en-us", "de"; a language without a
 * region takes the first installed dictionary of that language). Fails with
 * BYLINE_SPELL_ERROR_NO_DICTIONARY, naming the language, when Enchant has no
 * dictionary for it. The personal dictionary is read from its default
 * place. */
BylineSpellChecker *byline_spell_checker_new              (const char          *language,
                                                           GError             **error);
/* The dictionary's own tag, "en_US". */
const char         *byline_spell_checker_get_language     (BylineSpellChecker  *self);
/* Whether Enchant has a dictionary for @language (same forms as _new()). */
gboolean            byline_spell_dictionary_exists        (const char          *language);
/* The tags of the installed dictionaries ("de_DE", "en_US"), sorted. */
char              **byline_spell_list_dictionaries        (void);

/* Words of the site that count as correct in every post. */
void                byline_spell_checker_add_site_words   (BylineSpellChecker  *self,
                                                           const char * const  *words);
/* Words that count as correct in one post only (mdspell's per-file lists);
 * @path is the post's absolute file path. */
void                byline_spell_checker_add_file_words   (BylineSpellChecker  *self,
                                                           const char          *path,
                                                           const char * const  *words);
/* The words added for @path, or NULL. */
GHashTable         *byline_spell_checker_get_file_words   (BylineSpellChecker  *self,
                                                           const char          *path);

/* The personal dictionary: @file is read now (a missing file is an empty
 * dictionary) and written by add_to_personal(). */
void                byline_spell_checker_set_personal_file (BylineSpellChecker *self,
                                                            GFile              *file);
GFile              *byline_spell_checker_get_personal_file (BylineSpellChecker *self);
/* The default personal dictionary, under $XDG_CONFIG_HOME/byline/. */
GFile              *byline_spell_personal_file_default    (void);
/* Adds a word to the personal dictionary and appends it to its file
 * (creating the file and its folder). */
gboolean            byline_spell_checker_add_to_personal  (BylineSpellChecker  *self,
                                                           const char          *word,
                                                           GError             **error);
/* Accepts a word until the checker is finalized ("Ignore"). */
void                byline_spell_checker_ignore_word      (BylineSpellChecker  *self,
                                                           const char          *word);

/* Whether @word (UTF-8, @length bytes or -1) is spelled correctly: known to
 * @extra (a set of case-folded words, nullable: the post's own list), the
 * site, the personal dictionary, the session or the dictionary. ’ counts as
 * an apostrophe; a possessive 's of a listed word is accepted. */
gboolean            byline_spell_checker_check_word       (BylineSpellChecker  *self,
                                                           const char          *word,
                                                           gssize               length,
                                                           GHashTable          *extra);
/* Checks the words of text[start, end) (see byline-spell-tokens.h) and
 * appends the unknown ones to @misspellings (of BylineMisspelling). Of a
 * hyphenated word that is not known as a whole, each unknown part is one
 * misspelling. */
void                byline_spell_checker_check_text       (BylineSpellChecker  *self,
                                                           const char          *text,
                                                           gsize                start,
                                                           gsize                end,
                                                           GHashTable          *extra,
                                                           GArray              *misspellings);

/* The same for several pieces of @text at once: @ranges holds @n_ranges
 * pairs of offsets, start and end (as BylineProseRange does), in order.
 * The misspellings are appended in the order of the ranges. */
void                byline_spell_checker_check_ranges     (BylineSpellChecker  *self,
                                                           const char          *text,
                                                           const gsize         *ranges,
                                                           guint                n_ranges,
                                                           GHashTable          *extra,
                                                           GArray              *misspellings);

/* Enchant's suggestions for @word, at most @max_suggestions, the best first;
 * for a menu. Slow for long or strange words (tens of milliseconds) the
 * first time; cached per word and dictionary. */
char              **byline_spell_checker_suggest          (BylineSpellChecker  *self,
                                                           const char          *word,
                                                           guint                max_suggestions);
/* Fast suggestions, for findings of a whole site: the known words one slip
 * away (two neighbouring letters swapped, one letter dropped, or one
 * changed or added for a vowel, a letter of the word or a key next to the
 * one meant), swaps first, the site's words before the dictionary's, in
 * the case of @word. Cached per word; may be empty. */
char              **byline_spell_checker_quick_suggest    (BylineSpellChecker  *self,
                                                           const char          *word,
                                                           guint                max_suggestions);

/* Words worth proposing for the site's list: those of @site_words (key →
 * NULL-terminated values, the most used first, as byline_site_words_scan
 * returns them for "title" and "keywords") that the checker does not know,
 * split into words, most used first, without duplicates. */
char              **byline_spell_checker_propose_words    (BylineSpellChecker  *self,
                                                           GHashTable          *site_words);

/* A case-folded set of words, for @extra and the word lists. */
GHashTable         *byline_spell_word_set_new             (void);
void                byline_spell_word_set_add             (GHashTable          *set,
                                                           const char          *word,
                                                           gssize               length);

G_END_DECLS
