/* byline-spell-language.h — the language a post is written in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo gives each post a language: the suffix of its file name
 * (index.de.md) when that is a language of the site, else the language
 * whose contentDir holds it, else defaultContentLanguage ("en"). The site
 * configuration names each language's locale (languageCode, or locale in
 * newer Hugo). Spell checking needs that locale; statistics need to know
 * whether the site counts words as CJK text (hasCJKLanguage).
 *
 * BylineLanguages holds just these facts, read from the site's hugo.* or
 * config.* (TOML, YAML or JSON) and config/_default/{hugo,config,languages}.*.
 * The TOML reader understands tables, dotted keys, strings and booleans,
 * which is all these keys use.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _BylineLanguages BylineLanguages;

/* The languages of the site at @site_root (nullable: then none are known
 * and every post is in the default language, "en"). Never fails: what
 * cannot be read is left out. */
BylineLanguages *byline_languages_read               (GFile                 *site_root);
void             byline_languages_free               (BylineLanguages       *self);
/* The site's key of the language @post_file is in ("en", "zh"). */
char            *byline_languages_post_key           (const BylineLanguages *self,
                                                      GFile                 *post_file);
/* The locale of a language key: its languageCode or locale, the site's
 * languageCode for the default language, else the key itself. */
const char      *byline_languages_get_code           (const BylineLanguages *self,
                                                      const char            *key);
/* hasCJKLanguage of the language, or of the site. */
gboolean         byline_languages_has_cjk_language   (const BylineLanguages *self,
                                                      const char            *key);

/* The language tag to check @post_file's spelling in: @choice (a per-post
 * choice, nullable) when given, else the locale of the post's language
 * when the site names one or the file has a language suffix, else
 * @fallback. */
char            *byline_spell_language_for_post      (const BylineLanguages *languages,
                                                      GFile                 *post_file,
                                                      const char            *choice,
                                                      const char            *fallback);
/* Whether a language tag is Chinese, Japanese or Korean, whose text is
 * never checked word by word. */
gboolean         byline_spell_language_is_cjk        (const char            *language);
/* The language suffix of a file name: "index.de.md" → "de"; NULL without. */
char            *byline_spell_file_language_suffix   (const char            *basename);

/* The language chosen by hand for @post_file on this machine (see
 * byline-spell-choice.c), or NULL. */
char            *byline_spell_language_get_choice    (GFile                 *post_file);
/* Remembers @language for @post_file; NULL or "" forgets the choice. */
gboolean         byline_spell_language_set_choice    (GFile                 *post_file,
                                                      const char            *language,
                                                      GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineLanguages, byline_languages_free)

G_END_DECLS
