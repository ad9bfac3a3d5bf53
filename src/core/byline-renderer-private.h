/* byline-renderer-private.h — what the renderer's Markdown and shortcode halves share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-renderer.h"

G_BEGIN_DECLS

/* Shortcodes whose inner text is rendered (callouts in callouts, tabs in a
 * tabset) nest at most this deep; deeper ones are shown as their source text,
 * so that hostile nesting costs neither stack nor time. */
#define BYLINE_RENDERER_MAX_DEPTH 16

/* One call to byline_renderer_render(): the post and the renderer's settings,
 * read only, so that a render can run on a worker thread. */
typedef struct
{
  BylineProfile             *profile;
  BylineBundle              *bundle;     /* nullable */
  const char                *base_uri;   /* nullable, ends in "/" */
  const char                *site_url;   /* nullable, ends in "/" */
  const char                *text;       /* the whole post */
  gsize                      length;
  const BylineLineIndex     *lines;
  GPtrArray                 *calls;      /* of BylineShortcode */
  /* Placeholders are the prefix, a decimal number and "x". The prefix is
   * letters only (cmark leaves it alone in text and in link targets) and is
   * chosen so that it occurs nowhere in the post. */
  char                       prefix[16];
  gsize                      prefix_len;
} BylineRenderJob;

/* byline-renderer.c */

/* Renders [start, end) of the post as Markdown, with the calls first_call ..
 * end_call - 1 that lie directly in it (the children of a paired call), and
 * returns the HTML of its blocks, each followed by a newline. */
char     *byline_render_job_render_markdown (BylineRenderJob *job,
                                             gsize            start,
                                             gsize            end,
                                             guint            first_call,
                                             guint            end_call,
                                             guint            depth);
/* Steps through the calls that lie directly in [pos, end), from *index up to
 * end_call: sets @call, @close (its closing call, or -1) and @extent_end (the
 * end of the text it covers) and moves *index past the call's children. */
gboolean  byline_render_job_next_call       (BylineRenderJob *job,
                                             guint           *index,
                                             guint            end_call,
                                             gsize            pos,
                                             gsize            end,
                                             guint           *call,
                                             int             *close,
                                             gsize           *extent_end);
/* The link target as the page should use it: relative links of the bundle
 * against the base URI, site paths against the site; NULL when unchanged. */
char     *byline_render_job_resolve_link    (BylineRenderJob *job,
                                             const char      *link);

/* byline-renderer-shortcodes.c */

/* The HTML of a call: its profile template, an escaped call's text, or the
 * box shown for calls the profile cannot render. @block says whether the call
 * stands alone on its lines (a box is then a <div>, otherwise a <span>). */
char     *byline_render_job_expand_call     (BylineRenderJob *job,
                                             guint            call,
                                             int              close,
                                             gboolean         block,
                                             guint            depth);
/* Whether a call renders as a block of its own when alone on its lines. */
gboolean  byline_render_job_call_is_block   (BylineRenderJob *job,
                                             guint            call);
/* The inner text of a plain (not Markdown) shortcode as Hugo's text shortcode
 * shows it: leading newlines and trailing white space removed, then the
 * indentation common to its lines. */
char     *byline_renderer_dedent_text       (const char      *text,
                                             gsize            length);

G_END_DECLS
