/* byline-spell-lists.h — the words a site and a post declare correct
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sites keep word lists for the spell checkers their CI runs. Byline reads
 * them so that a word the site accepts is never flagged:
 *
 *   .spelling                      mdspell: one word a line, "# …" comments,
 *                                  " - path/post.md" starts words for one file
 *   .cspell.json, cspell.json,     cspell: "words" and "ignoreWords", and the
 *   .cSpell.json, cSpell.json,     files of "dictionaryDefinitions" (one word a
 *   cspell.config.json, and the    line) that lie inside the site; JSON with
 *   .yml / .yaml forms             comments and trailing commas is accepted
 *   .codespellrc                   [codespell] ignore-words-list (comma
 *                                  separated) and ignore-words files
 *
 * They are looked for in the folder the lists start from (the site's root,
 * else the post's folder) and each parent up to the folder holding .git,
 * when there is one within eight levels; otherwise in that first folder
 * only. Every list found counts.
 *
 * A post may list words for itself: "cSpell:ignore word word" or
 * "spellchecker: ignore word" (also "cspell:words", "spell-checker:") in a
 * comment or anywhere in its text, and front-matter keys of those names
 * with a string or a list of words.
 */

#pragma once

#include <gio/gio.h>

#include "byline-front-matter.h"
#include "byline-profile.h"
#include "byline-spell.h"

G_BEGIN_DECLS

/* Parsers, on one file's text. Words go to @words (of char *); per-file
 * words of .spelling to @file_words (path as written → GPtrArray of char *);
 * paths of further word files, as written, to @word_files. */
void        byline_spell_parse_mdspell      (const char    *text,
                                             gsize          length,
                                             GPtrArray     *words,
                                             GHashTable    *file_words);
/* FALSE with an error naming @file_name and the line when the text is not
 * JSON (or YAML for @yaml) or not a mapping. */
gboolean    byline_spell_parse_cspell       (const char    *text,
                                             gsize          length,
                                             gboolean       yaml,
                                             const char    *file_name,
                                             GPtrArray     *words,
                                             GPtrArray     *word_files,
                                             GError       **error);
void        byline_spell_parse_codespellrc  (const char    *text,
                                             gsize          length,
                                             GPtrArray     *words,
                                             GPtrArray     *word_files);
/* A plain word file: one word a line (or several separated by spaces),
 * "#" starts a comment line, "!" a forbidden word (skipped). */
void        byline_spell_parse_word_file    (const char    *text,
                                             gsize          length,
                                             GPtrArray     *words);

/* The folder the site's lists are searched from: @site_root when not NULL,
 * else the folder of @post_file. */
GFile      *byline_spell_lists_start        (GFile         *post_file,
                                             GFile         *site_root);
/* Reads every list found from @start (see above) into @checker: words for
 * all posts as site words, .spelling's per-file words by the post's
 * absolute path. Problems (a list that does not parse, a word file that
 * cannot be read) are appended to @warnings as messages naming the file;
 * the rest is still read. */
void        byline_spell_checker_load_lists (BylineSpellChecker *checker,
                                             GFile              *start,
                                             GPtrArray          *warnings);

/* A checker for the posts of one site in one language: the dictionary for
 * @language, the lists found from @start (nullable: none) and the words of
 * @profile (nullable). Problems with the lists go to @warnings; a missing
 * dictionary is an error (see byline_spell_checker_new()). */
BylineSpellChecker *byline_spell_checker_new_for_site (const char    *language,
                                                       GFile         *start,
                                                       BylineProfile *profile,
                                                       GPtrArray     *warnings,
                                                       GError       **error);

/* The words a post lists for itself, as a case-folded set
 * (byline_spell_word_set_new); @front_matter may be NULL. */
GHashTable *byline_spell_post_words         (const char    *text,
                                             gsize          length,
                                             BylineFrontMatter *front_matter);

/* Adding a word for every post to mdspell's .spelling (byline-spell-lists-add.c):
 * the text with @word on a line of its own at the end of the site's words,
 * before the first per-file section. */
char       *byline_spell_mdspell_add_word   (const char    *text,
                                             gsize          length,
                                             const char    *word);
/* The .spelling file in @start (the folder the lists start from), or NULL. */
GFile      *byline_spell_lists_find_mdspell (GFile         *start);
/* Adds @word to @file, replacing the file atomically. */
gboolean    byline_spell_lists_add_to_mdspell (GFile       *file,
                                               const char  *word,
                                               GError     **error);

G_END_DECLS
