/* byline-analysis.h — everything Byline makes of one text of a post
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A BylineAnalysis is the result of analysing one version of a post's text
 * in a context (byline-analysis-context.h): the post parsed (front matter,
 * shortcode calls), the body's one cmark-gfm parse (byline-body.h), the
 * rendering (HTML blocks and header), the rules' findings, the headings and
 * the word count. One function makes it, from any thread; the window and
 * byline-cli both use it, so their findings cannot drift.
 *
 * An analysis is immutable once made, and reference-counted: the window
 * hands the same one to the preview, the form, the problems list and the
 * outline, and any thread may read it.
 */

#pragma once

#include <gio/gio.h>

#include "byline-analysis-context.h"
#include "byline-body.h"
#include "byline-post.h"
#include "byline-renderer.h"

G_BEGIN_DECLS

typedef enum
{
  BYLINE_ANALYSIS_DEFAULT   = 0,
  BYLINE_ANALYSIS_NO_RENDER = 1 << 0,  /* no HTML: byline-cli check, the image dialog */
  BYLINE_ANALYSIS_NO_LINT   = 1 << 1,  /* no findings: byline-cli render */
} BylineAnalysisFlags;

#define BYLINE_TYPE_ANALYSIS (byline_analysis_get_type ())

G_DECLARE_FINAL_TYPE (BylineAnalysis, byline_analysis, BYLINE, ANALYSIS, GObject)

/* Analyses @text (copied) in @context. @generation is the caller's number
 * for this version of the text (the document's change count), kept with
 * the result so that offsets are never applied to another version. Safe
 * to call from any thread. */
BylineAnalysis        *byline_analysis_new             (BylineAnalysisContext *context,
                                                        const char            *text,
                                                        gssize                 length,
                                                        guint64                generation,
                                                        BylineAnalysisFlags    flags);

BylineAnalysisContext *byline_analysis_get_context     (BylineAnalysis        *self);
BylineProfile         *byline_analysis_get_profile     (BylineAnalysis        *self);
guint64                byline_analysis_get_generation  (BylineAnalysis        *self);
BylineAnalysisFlags    byline_analysis_get_flags       (BylineAnalysis        *self);

/* The text and what it parses into. */
BylinePost            *byline_analysis_get_post        (BylineAnalysis        *self);
const char            *byline_analysis_get_text        (BylineAnalysis        *self);
gsize                  byline_analysis_get_length      (BylineAnalysis        *self);
/* NULL without front matter or when it does not parse. */
BylineFrontMatter     *byline_analysis_get_front_matter (BylineAnalysis       *self);
/* The front matter's title, NULL when there is none or it is empty. */
const char            *byline_analysis_get_title       (BylineAnalysis        *self);
const BylineShortcodeList *byline_analysis_get_shortcodes (BylineAnalysis     *self);

/* The body's one parse, and its tree (NULL for a post that is not text). */
BylineBody            *byline_analysis_get_body        (BylineAnalysis        *self);
cmark_node            *byline_analysis_get_document    (BylineAnalysis        *self);
/* Of BylineHeading, in post order. */
GPtrArray             *byline_analysis_get_headings    (BylineAnalysis        *self);
guint                  byline_analysis_get_word_count  (BylineAnalysis        *self);

/* NULL with BYLINE_ANALYSIS_NO_RENDER. */
BylineRendering       *byline_analysis_get_rendering   (BylineAnalysis        *self);
/* Of BylineDiagnostic, sorted by position; read only. Empty with
 * BYLINE_ANALYSIS_NO_LINT. */
GPtrArray             *byline_analysis_get_diagnostics (BylineAnalysis        *self);
guint                  byline_analysis_count           (BylineAnalysis        *self,
                                                        BylineSeverity         severity);

G_END_DECLS
