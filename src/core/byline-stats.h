/* byline-stats.h — word count, reading time and other figures, as Hugo computes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo counts on the page's rendered content (.Content), not on its
 * Markdown (hugolib/page__per_output.go, v0.111.3):
 *
 *   .Plain       = tpl.StripHTML(.Content): newlines become spaces, </p>,
 *                  <br> and <br /> become newlines, tags are removed
 *                  (html/template's stripTags: comments, script and style
 *                  contents go, title and textarea contents stay; entities
 *                  stay as written), runs of white space shrink to their
 *                  first character;
 *   .WordCount   = helpers.TotalWords(.Plain): runs of non-space characters
 *                  (Go's unicode.IsSpace); for a CJK page, each field of
 *                  .Plain counts 1 when it is ASCII, else its characters;
 *   .ReadingTime = (words + 212) / 213 minutes, a CJK page (words + 500) /
 *                  501: 213 words (501 characters) a minute, rounded up;
 *   CJK page     = the isCJKLanguage front-matter key, else, when the
 *                  site sets hasCJKLanguage, a file with a Han, Hangul,
 *                  Hiragana or Katakana character in it.
 *
 * Byline adds figures that a template could compute from the same content:
 * characters (.Plain | countrunes: characters other than space, tab and
 * line breaks), paragraphs (<p> elements) and pictures (<img> elements).
 */

#pragma once

#include <glib.h>

#include "byline-post.h"
#include "byline-renderer.h"

G_BEGIN_DECLS

typedef struct
{
  guint    words;          /* .WordCount */
  guint    reading_time;   /* .ReadingTime, in minutes */
  guint    characters;     /* .Plain | countrunes */
  guint    paragraphs;     /* <p> elements of .Content */
  guint    pictures;       /* <img> elements of .Content */
  gboolean cjk;            /* counted as CJK text */
} BylineStats;

/* Hugo's .Plain of some HTML (valid UTF-8). */
char     *byline_stats_strip_html  (const char     *html,
                                    gssize          length);
/* The figures of rendered content. */
void      byline_stats_count_html  (const char     *html,
                                    gssize          length,
                                    gboolean        cjk,
                                    BylineStats    *stats);
/* Whether Hugo counts @post as CJK text (see above); @site_has_cjk_language
 * is the site's hasCJKLanguage. */
gboolean  byline_stats_post_is_cjk (BylinePost     *post,
                                    gboolean        site_has_cjk_language);
/* Renders @post and counts it. Hugo keeps raw <iframe> and <script>
 * elements, which a preview's renderer escapes: for Hugo's figures, switch
 * @renderer's tagfilter off (byline_renderer_set_tagfilter()). */
void      byline_stats_compute     (BylineRenderer *renderer,
                                    BylinePost     *post,
                                    gboolean        site_has_cjk_language,
                                    BylineStats    *stats);
/* The figures of [start, end) of the post's text (a selection), counted as
 * if that part of the body were the whole body of the post; the front
 * matter is never counted. */
void      byline_stats_compute_range (BylineRenderer *renderer,
                                      BylinePost     *post,
                                      gsize           start,
                                      gsize           end,
                                      gboolean        site_has_cjk_language,
                                      BylineStats    *stats);

G_END_DECLS
