/* byline-analysis-context.h — what an analysis depends on, besides the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The site, its profile, the post's bundle and the base URI the preview
 * resolves the bundle's files against. A context is immutable: the window
 * makes a new one when any of them changes (another file, an edited
 * .byline.yml, a file added to the bundle), and the analysis worker keeps
 * the one it started with. byline_analysis_new() takes it.
 */

#pragma once

#include <gio/gio.h>

#include "byline-bundle.h"
#include "byline-linter.h"
#include "byline-profile.h"
#include "byline-renderer.h"
#include "byline-site.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_ANALYSIS_CONTEXT (byline_analysis_context_get_type ())

G_DECLARE_FINAL_TYPE (BylineAnalysisContext, byline_analysis_context, BYLINE, ANALYSIS_CONTEXT,
                      GObject)

/* @site and @bundle may be NULL (a post that was never saved); @base_uri
 * (file:///…/bundle/) may be NULL: links are then written as in the post.
 * @now, when not NULL, is the time the rules compare publish dates with
 * (tests); NULL is the time of each analysis. */
BylineAnalysisContext *byline_analysis_context_new          (BylineProfile         *profile,
                                                             BylineSite            *site,
                                                             BylineBundle          *bundle,
                                                             const char            *base_uri,
                                                             GDateTime             *now);
/* The context byline-cli uses for the post at @file: its site (one walk up
 * its folders), the site's profile, its bundle and its folder's URI.
 * Blocking I/O. NULL with an error naming the file when the site's
 * .byline.yml cannot be read. */
BylineAnalysisContext *byline_analysis_context_new_for_file (GFile                 *file,
                                                             GError               **error);
BylineProfile         *byline_analysis_context_get_profile  (BylineAnalysisContext *self);
BylineSite            *byline_analysis_context_get_site     (BylineAnalysisContext *self);
BylineBundle          *byline_analysis_context_get_bundle   (BylineAnalysisContext *self);
const char            *byline_analysis_context_get_base_uri (BylineAnalysisContext *self);
/* The renderer and the linter made from the settings above. */
BylineRenderer        *byline_analysis_context_get_renderer (BylineAnalysisContext *self);
BylineLinter          *byline_analysis_context_get_linter   (BylineAnalysisContext *self);
/* The spelling rule runs only with a checker (byline_linter_set_spell_checker());
 * set it before the context's first analysis, as the context is read by
 * analyses on other threads afterwards. */
void                   byline_analysis_context_set_spell_checker (BylineAnalysisContext *self,
                                                                  BylineSpellChecker    *checker);

G_END_DECLS
