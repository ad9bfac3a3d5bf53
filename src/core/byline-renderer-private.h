/* byline-renderer-private.h — what the renderer's Markdown and shortcode halves share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cmark-gfm.h>

#include "byline-goldmark.h"
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
  const BylineGoldmarkSettings *goldmark;
  gboolean                   tagfilter;  /* escape raw <script>, <iframe>, … */
  BylineSite                *site;       /* nullable */
  BylinePost                *post;
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

/* Where a piece of the text given to cmark came from: copied post text, or
 * a placeholder standing for a whole call. */
typedef struct
{
  gsize    out_start;
  gsize    out_len;
  gsize    orig_start;
  gsize    orig_len;
  gboolean token;
} BylineFragmentSegment;

/* A call in the text given to cmark, standing for the call and, when it is
 * paired, everything up to its closing tag. */
typedef struct
{
  guint     call;
  int       close;       /* its closing call, or -1 */
  gsize     out_offset;  /* of the placeholder in the cmark text */
  gboolean  block;       /* alone on its lines: rendered without <p> */
  char     *expansion;   /* its HTML, made when first needed */
} BylineFragmentToken;

/* One range of the post on its way through cmark. */
typedef struct
{
  BylineRenderJob *job;
  guint            depth;
  guint            dedent;         /* indentation dropped from each line */
  gboolean         at_line_start;
  GString         *out;            /* the text cmark reads */
  GArray          *segments;       /* of BylineFragmentSegment */
  GArray          *tokens;         /* of BylineFragmentToken */
  GArray          *out_lines;      /* of gsize: line starts in out */
  GHashTable      *ranges;         /* lines of the blocks the renderer made */
  /* Paragraphs taken apart: the inline nodes moved out of them still point
   * into their text, so they are freed only with the document. */
  GPtrArray       *split;
  cmark_parser    *parser;
  cmark_node      *document;
  BylineGoldmark  *writer;
} BylineFragment;

static inline gboolean
byline_is_blank_char (char c)
{
  return c == ' ' || c == '\t';
}

/* byline-renderer-source.c */

/* The 1-based post line holding @offset, and that line's start. */
guint       byline_render_job_line_of         (BylineRenderJob  *job,
                                               gsize             offset,
                                               gsize            *line_start);
/* Fills the fragment's text for [start, end) of the post and the calls
 * first_call .. end_call - 1 in it; @dedent drops the common indentation. */
void        byline_fragment_build             (BylineFragment   *frag,
                                               gsize             start,
                                               gsize             end,
                                               guint             first_call,
                                               guint             end_call,
                                               gboolean          dedent);
/* The post offset the byte at @out_offset came from; a placeholder maps to
 * its call's first byte, or with @last to its last one. */
gsize       byline_fragment_map               (BylineFragment   *frag,
                                               gsize             out_offset,
                                               gboolean          last);
guint       byline_fragment_n_out_lines       (BylineFragment   *frag);
gsize       byline_fragment_out_line_start    (BylineFragment   *frag,
                                               guint             line);
guint       byline_fragment_out_line_of       (BylineFragment   *frag,
                                               gsize             out_offset);
/* The post lines where the cmark line @line begins and ends. */
guint       byline_fragment_first_post_line   (BylineFragment   *frag,
                                               guint             line);
guint       byline_fragment_last_post_line    (BylineFragment   *frag,
                                               guint             line);
/* Reads a placeholder at @p (at most @avail bytes): its token index. */
gboolean    byline_fragment_parse_token       (BylineFragment   *frag,
                                               const char       *p,
                                               gsize             avail,
                                               guint            *index,
                                               gsize            *token_len);
const char *byline_fragment_get_expansion     (BylineFragment   *frag,
                                               guint             index);
/* @text with each placeholder replaced by its call's HTML, unescaped. */
char       *byline_fragment_substitute_raw    (BylineFragment   *frag,
                                               const char       *text);
/* Steps through the calls that lie directly in [pos, end), from *index up to
 * end_call: sets @call, @close (its closing call, or -1) and @extent_end (the
 * end of the text it covers) and moves *index past the call's children. */
gboolean    byline_render_job_next_call       (BylineRenderJob  *job,
                                               guint            *index,
                                               guint             end_call,
                                               gsize             pos,
                                               gsize             end,
                                               guint            *call,
                                               int              *close,
                                               gsize            *extent_end);

/* byline-renderer-markdown.c */

/* cmark's extension registry is not thread-safe: fill it before renders. */
void        byline_renderer_ensure_extensions (void);
/* Renders the body, [start, end) of the post, into @blocks. */
void        byline_render_job_render_blocks   (BylineRenderJob  *job,
                                               gsize             start,
                                               gsize             end,
                                               GPtrArray        *blocks);
/* Renders [start, end) of the post as Markdown, with the calls first_call ..
 * end_call - 1 that lie directly in it (the children of a paired call), and
 * returns the HTML of its blocks, each followed by a newline. */
char       *byline_render_job_render_markdown (BylineRenderJob  *job,
                                               gsize             start,
                                               gsize             end,
                                               guint             first_call,
                                               guint             end_call,
                                               guint             depth);

/* byline-renderer.c */

/* The link target as the page should use it: relative links of the bundle
 * against the base URI, site paths against the site; NULL when unchanged. */
char       *byline_render_job_resolve_link    (BylineRenderJob  *job,
                                               const char       *link);

/* byline-renderer-shortcodes.c */

/* The HTML of a call: its profile template, an escaped call's text, or the
 * box shown for calls the profile cannot render. @block says whether the call
 * stands alone on its lines (a box is then a <div>, otherwise a <span>). */
char       *byline_render_job_expand_call     (BylineRenderJob  *job,
                                               guint             call,
                                               int               close,
                                               gboolean          block,
                                               guint             depth);
/* Whether a call renders as a block of its own when alone on its lines. */
gboolean    byline_render_job_call_is_block   (BylineRenderJob  *job,
                                               guint             call);
/* The inner text of a plain (not Markdown) shortcode as Hugo's text shortcode
 * shows it: leading newlines and trailing white space removed, then the
 * indentation common to its lines. */
char       *byline_renderer_dedent_text       (const char       *text,
                                               gsize             length);

G_END_DECLS
