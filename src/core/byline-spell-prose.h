/* byline-spell-prose.h — where a post's prose lies, for the spell checker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prose is what a reader reads as text: the body's paragraphs, headings,
 * list items, table cells, link texts, image alt texts and footnotes (the
 * text nodes of the cmark-gfm tree, Markdown inside paired shortcodes
 * included), the front-matter values shown to readers (title, linktitle,
 * subtitle, description, summary, and the profile's "text" fields), and
 * the caption, alt and title parameters of shortcode calls. Code spans and
 * blocks, raw HTML, link destinations, autolinked addresses, shortcode
 * names and parameters and front-matter keys are never prose.
 *
 * The body walker takes any cmark-gfm tree of the body with a map from its
 * positions to the post's text, so that it works on the tree the linter
 * parses as well as on one shared by a whole analysis.
 */

#pragma once

#include <cmark-gfm.h>
#include <glib.h>

#include "byline-front-matter.h"
#include "byline-profile.h"
#include "byline-shortcode.h"

G_BEGIN_DECLS

/* [start, end) of the post text. */
typedef struct
{
  gsize start;
  gsize end;
} BylineProseRange;

/* The post offset of a line and column as cmark-gfm reports them (1-based
 * lines of the parsed text, 1-based byte columns). */
typedef gsize (*BylineLocateFunc) (gpointer data,
                                   int      line,
                                   int      column);

typedef struct
{
  const char       *text;          /* the post text */
  gsize             length;
  const char       *parsed;        /* the text cmark-gfm parsed: parsed[i] stands at */
  gsize             parsed_start;  /* post offset parsed_start + i */
  gsize             parsed_length;
  const guint8     *hidden;        /* flags per byte of the post text, nullable */
  guint8            hidden_flags;  /* bytes with one of these are not prose (shortcode
                                    * calls, text shown as written) */
  BylineLocateFunc  locate;
  gpointer          data;
} BylineSourceMap;

/* Appends the prose of a body tree (see above) to @ranges. */
void byline_spell_prose_collect_body         (cmark_node                *document,
                                              const BylineSourceMap     *map,
                                              GArray                    *ranges);
/* Appends the values of the front matter that readers see, but for their
 * `code` and link destinations; @text is the post text, @profile is
 * nullable. */
void byline_spell_prose_collect_front_matter (const char                *text,
                                              BylineFrontMatter         *front_matter,
                                              BylineProfile             *profile,
                                              GArray                    *ranges);
/* Appends the caption, alt and title values of shortcode calls, the same
 * way. */
void byline_spell_prose_collect_shortcodes   (const char                *text,
                                              const BylineShortcodeList *shortcodes,
                                              GArray                    *ranges);
/* Sorts @ranges and joins those that overlap or touch. */
void byline_spell_prose_normalize            (GArray                    *ranges);

G_END_DECLS
