/* byline-spell-tokens.h — which words of a piece of prose a spell checker looks at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tokenizer splits text at Unicode word boundaries: a word is a run of
 * letters, combining marks and digits, held together by an apostrophe (' or
 * ’) or a hyphen between two of them. It leaves out what is not a word of
 * the language, so that a spell checker never flags it:
 *
 *   - URLs (scheme://…, www.…), e-mail addresses and @handles;
 *   - file names, paths and dotted names (index.md, ./a/b, istio.io, e.g.);
 *   - words with digits (versions, hex, 10ms, v1alpha3), and the unit
 *     after a number (2.8 ms, 1.9 GiB);
 *   - ALLCAPS words (TLS, APIs), camelCase and PascalCase identifiers
 *     (VirtualService, mTLS), snake_case identifiers and options (--set);
 *   - chunks with an HTML entity (&amp;, caf&eacute;) or a backtick, and
 *     code-like chunks (f(x), a=b, {{x}}, <b>);
 *   - single letters;
 *   - Chinese, Japanese and Korean characters, which are never checked
 *     word by word.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gsize    start;       /* bytes of the text */
  gsize    end;
  gboolean hyphenated;  /* holds a hyphen: the parts may be checked one by one */
} BylineSpellToken;

/* Appends to @tokens (of BylineSpellToken) the words of text[start, end),
 * which must be valid UTF-8, in order. */
void     byline_spell_tokenize       (const char *text,
                                      gsize       start,
                                      gsize       end,
                                      GArray     *tokens);

/* Whether @c is a letter of a script that is written without spaces between
 * words (Han, Hiragana, Katakana) or Hangul. */
gboolean byline_spell_is_cjk_char    (gunichar    c);

/* Whether @c joins two parts of one word: an apostrophe or a hyphen. */
gboolean byline_spell_is_apostrophe  (gunichar    c);
gboolean byline_spell_is_hyphen      (gunichar    c);

G_END_DECLS
