/* byline-renderer.h — a post's body and header to HTML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shortcodes become placeholders, cmark-gfm parses the Markdown (with
 * source positions), the Goldmark writer writes it as the site's Hugo would
 * (byline-goldmark.h), and the placeholders become the profile's
 * templates. Besides a shortcode's own parameters a template sees:
 *
 *   inner      the inner text rendered (Markdown for markdown_inner
 *              shortcodes, HTML-escaped text otherwise); use {{{inner}}}
 *   inner_raw  the inner text as written
 *   src        a link/src resolved against the bundle's base URI
 *   ratio      for images of the bundle: height / width as a percentage
 *   params     all parameters as "name=value" for the unknown box
 */

#pragma once

#include <gio/gio.h>

#include "byline-body.h"
#include "byline-bundle.h"
#include "byline-diagnostic.h"
#include "byline-goldmark.h"
#include "byline-post.h"
#include "byline-profile.h"
#include "byline-site.h"

G_BEGIN_DECLS

/* A top-level block of the body: a paragraph, a heading, a list, a figure, … */
typedef struct
{
  char  *html;
  guint  first_line;   /* 1-based lines in the post's text, inclusive */
  guint  last_line;
} BylineBlock;

/* A render of a post: immutable and reference-counted, so that the preview
 * keeps what it shows without a copy. */
typedef struct
{
  GPtrArray *blocks;        /* of BylineBlock, in order */
  char      *header_html;   /* byline_renderer_render_header() */
  /* Of BylineDiagnostic: what the preview could not render as the site
   * does (a template it cannot run), as info findings. */
  GPtrArray *diagnostics;
} BylineRendering;

#define BYLINE_TYPE_RENDERING (byline_rendering_get_type ())

GType            byline_rendering_get_type  (void) G_GNUC_CONST;
/* Takes @blocks (of BylineBlock *, freeing them); @header_html is copied. */
BylineRendering *byline_rendering_new       (GPtrArray       *blocks,
                                             const char      *header_html);
/* A new BylineBlock for byline_rendering_new()'s array. */
BylineBlock     *byline_block_new           (const char      *html,
                                             guint            first_line,
                                             guint            last_line);
void             byline_block_free          (BylineBlock     *block);
BylineRendering *byline_rendering_ref       (BylineRendering *self);
void             byline_rendering_unref     (BylineRendering *self);
/* The blocks joined, each followed by a newline. */
char            *byline_rendering_get_html  (BylineRendering *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineRendering, byline_rendering_unref)

#define BYLINE_TYPE_RENDERER (byline_renderer_get_type ())

G_DECLARE_FINAL_TYPE (BylineRenderer, byline_renderer, BYLINE, RENDERER, GObject)

/* @bundle may be NULL (then images get no ratio and links stay as written). */
BylineRenderer  *byline_renderer_new          (BylineProfile   *profile,
                                               BylineBundle    *bundle);
BylineProfile   *byline_renderer_get_profile  (BylineRenderer  *self);
BylineBundle    *byline_renderer_get_bundle   (BylineRenderer  *self);
/* When set, relative links and image sources are resolved against it
 * (file:///…/bundle/); when NULL they are written as in the post. */
void             byline_renderer_set_base_uri (BylineRenderer  *self,
                                               const char      *base_uri);
const char      *byline_renderer_get_base_uri (BylineRenderer  *self);
/* The site's markup.goldmark settings the body is written with. By default
 * Hugo's, except that raw HTML passes through (renderer.unsafe), as sites
 * such as istio.io allow. The settings are copied. */
void             byline_renderer_set_goldmark_settings (BylineRenderer               *self,
                                                        const BylineGoldmarkSettings *settings);
const BylineGoldmarkSettings *
                 byline_renderer_get_goldmark_settings (BylineRenderer               *self);

/* The post's site (from byline_site_lookup(), which names the post's
 * file), or NULL. With one, calls to the site's and its themes' shortcodes
 * render through their templates, the site's render hooks apply, and the
 * body follows the site's markup.goldmark settings, not the renderer's,
 * when the site has a configuration; Hugo's own shortcodes read its pages
 * (ref, relref), params (param), assets and static files (figure) and
 * privacy settings. The site is read, if it was not yet, by the first
 * render. */
void             byline_renderer_set_site     (BylineRenderer  *self,
                                               BylineSite      *site);
BylineSite      *byline_renderer_get_site     (BylineRenderer  *self);

/* GFM's tagfilter (on by default) escapes raw <script>, <iframe>, <style>
 * and the like, which the preview must never run. Hugo keeps them; off, the
 * HTML is Hugo's for counting words (byline-stats.h). */
void             byline_renderer_set_tagfilter (BylineRenderer *self,
                                                gboolean        tagfilter);

/* Parses the post's body once (see byline-body.h), for the rules and for
 * byline_renderer_render_body(). Safe to call from a worker thread; the
 * renderer's settings must not change meanwhile. */
BylineBody      *byline_renderer_parse        (BylineRenderer  *self,
                                               BylinePost      *post);
/* Renders a body this renderer parsed: its blocks and the header. Only
 * reads the body, from any thread. */
BylineRendering *byline_renderer_render_body  (BylineRenderer  *self,
                                               BylineBody      *body);
/* Parses and renders the post. */
BylineRendering *byline_renderer_render       (BylineRenderer  *self,
                                               BylinePost      *post);
/* What a render of a body this renderer parsed would find of the site's
 * shortcode templates (rule "preview/template": errorf and runtime errors
 * as errors, what the preview lacks as infos), found by running only the
 * templates of the calls: byline-cli check's findings without rendering.
 * A new array of BylineDiagnostic, empty outside a site. */
GPtrArray       *byline_renderer_check_site_templates (BylineRenderer *self,
                                                       BylineBody     *body);
/* The header of the post page: title, date, attribution and description from
 * the front matter, escaped. An empty string without front matter. */
char            *byline_renderer_render_header (BylineRenderer *self,
                                                BylinePost     *post);
/* A standalone HTML page: header, body and the profile's stylesheet, from
 * @rendering of @post (rendered here when NULL). */
char            *byline_renderer_render_page  (BylineRenderer  *self,
                                               BylinePost      *post,
                                               BylineRendering *rendering);

G_END_DECLS
