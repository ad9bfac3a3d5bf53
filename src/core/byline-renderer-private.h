/* byline-renderer-private.h — what the renderer's Markdown and shortcode halves share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cmark-gfm.h>

#include "byline-body.h"
#include "byline-goldmark.h"
#include "byline-table-limit.h"
#include "byline-renderer.h"

G_BEGIN_DECLS

/* Shortcodes whose inner text is rendered (callouts in callouts, tabs in a
 * tabset) nest at most this deep; deeper ones are shown as their source text,
 * so that hostile nesting costs neither stack nor time. */
#define BYLINE_RENDERER_MAX_DEPTH 16

/* The site's templates and hooks for one render (byline-renderer-site.c). */
typedef struct _BylineRenderSite BylineRenderSite;

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
  /* While the body is built: the site's templates, whose {{% %}} calls'
   * output is read with the page's Markdown as Hugo reads it; NULL
   * without a site. */
  BylineRenderSite          *splice;
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
  gsize     orig_start;  /* the post text it stands for */
  gsize     orig_end;
  gboolean  block;       /* alone on its lines: rendered without <p> */
} BylineFragmentToken;

/* One range of the post on its way through cmark: the body, or the inner
 * text of a shortcode whose inner text is Markdown. Built and adjusted once
 * (byline-renderer-markdown.c), then never changed: renders only read it. */
typedef struct
{
  BylineRenderJob *job;
  guint            depth;
  int              call;           /* the call whose inner text it is; -1 for the body */
  gsize            start;          /* the range of the post it holds */
  gsize            end;
  gboolean         linted;         /* Markdown to Hugo: the rules read it */
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
  cmark_node      *document;
  /* Tables too large for cmark-gfm, read as text (byline-table-limit.h),
   * with their offsets in the post; NULL when there are none. */
  GArray          *large_tables;
} BylineFragment;

/* A link or image of the body as written, with its place in the post. */
typedef struct
{
  gboolean  image;
  char     *url;          /* as written: placeholders back to their calls' text */
  char     *alt;          /* an image's description as plain text, as a screen
                           * reader gets it; NULL for a link */
  gsize     start;        /* the whole [text](url), or the bare autolink */
  gsize     end;
  gsize     url_start;    /* the destination as written; url_end == url_start when unknown */
  gsize     url_end;
  gboolean  generated;    /* the destination holds a shortcode call */
} BylineBodyLink;

typedef struct
{
  gsize     start;        /* the fence, or the first line of an indented block */
  gsize     line_start;   /* the start of its first line */
  gsize     end;          /* the end of its last line */
  gboolean  fenced;
  char     *info;         /* the fence's info string; "" */
  char     *literal;      /* the code, placeholders back to their calls' text */
} BylineBodyCode;

typedef struct
{
  gsize     start;
  gboolean  nested;       /* inside another block quote */
} BylineBodyQuote;

typedef struct
{
  gsize     start;
  char     *literal;
} BylineBodyHtml;

/* The body parsed once: what byline-body.h hands out, and what the rules
 * read (byline_body_get_*_facts in byline-body.c). */
struct _BylineBody
{
  BylineRenderer  *renderer;
  BylinePost      *post;
  char            *site_url;
  /* The site's markup.goldmark settings the trees were parsed for. */
  BylineGoldmarkSettings *goldmark;
  BylineRenderJob  job;
  BylineFragment  *top;            /* NULL for a post that is not text */
  GPtrArray       *fragments;      /* of BylineFragment *, the body first */
  GHashTable      *inner;          /* call index → BylineFragment * */
  GHashTable      *roots;          /* cmark document node → BylineFragment * */

  GPtrArray       *headings;       /* of BylineHeading *, in post order */
  GArray          *links;          /* of BylineBodyLink */
  GArray          *code_blocks;    /* of BylineBodyCode */
  GArray          *block_quotes;   /* of BylineBodyQuote */
  GArray          *code_ranges;    /* of BylineRange: code spans and blocks */
  GArray          *html;           /* of BylineBodyHtml */
  GArray          *large_tables;   /* of BylineLargeTable, post offsets, in order */
  guint            word_count;
};

typedef struct
{
  gsize start;
  gsize end;
} BylineRange;

/* One render of a body: the calls' HTML, made when first needed. */
typedef struct
{
  BylineBody      *body;
  BylineRenderJob *job;
  GHashTable      *expansions;     /* BylineFragment * → char ** per token */
  /* BylineFragment * → its Goldmark writer, made when first rendered. The
   * writers keep their notes beside the trees, never in them: the body's
   * trees stay as they were built, whoever else reads them meanwhile. */
  GHashTable      *writers;
  /* The site's shortcodes and render hooks (byline-renderer-site.c), or
   * NULL without a site. */
  BylineRenderSite *site_render;
} BylineRenderPass;

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
const char *byline_fragment_get_expansion     (BylineRenderPass *pass,
                                               BylineFragment   *frag,
                                               guint             index);
/* @text with each placeholder replaced by its call's HTML, unescaped. */
char       *byline_fragment_substitute_raw    (BylineRenderPass *pass,
                                               BylineFragment   *frag,
                                               const char       *text);
/* @text with each placeholder replaced by its call's text as written. */
char       *byline_fragment_substitute_source (BylineFragment   *frag,
                                               const char       *text);
/* The post offset of cmark's (@line, @column) in the fragment's text. */
gsize       byline_fragment_map_position      (BylineFragment   *frag,
                                               int               line,
                                               int               column);
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

/* The inner text of the paired call @call (closed by @close), parsed as a
 * fragment at @depth. */
BylineFragment *byline_fragment_parse_inner   (BylineRenderJob  *job,
                                               guint             call,
                                               int               close,
                                               guint             depth);
void        byline_fragment_free              (BylineFragment   *frag);
/* Adjusts a fragment's tree for rendering: block shortcodes alone on
 * their lines leave their paragraph. */
void        byline_fragment_adjust_tree       (BylineFragment   *frag);
/* The lines (of the fragment's text) of a top-level block node. */
void        byline_fragment_node_range        (BylineFragment   *frag,
                                               cmark_node       *node,
                                               guint            *first,
                                               guint            *last);

/* Parses the post's body and the inner Markdown of its shortcodes, notes
 * the facts the rules read, adjusts the trees for rendering and freezes
 * them. */
BylineBody *byline_body_build                 (BylineRenderer   *renderer,
                                               BylinePost       *post);

/* byline-renderer-html.c */

void        byline_render_pass_init           (BylineRenderPass *pass,
                                               BylineBody       *body);
void        byline_render_pass_clear          (BylineRenderPass *pass);
/* Renders the body into @blocks. */
void        byline_render_pass_render_blocks  (BylineRenderPass *pass,
                                               GPtrArray        *blocks);
/* Renders the inner text of the paired call @call as Markdown and returns
 * the HTML of its blocks, each followed by a newline (a single paragraph
 * without its <p>, as Hugo's markdownify). */
char       *byline_render_pass_render_inner   (BylineRenderPass *pass,
                                               guint             call,
                                               int               close,
                                               guint             depth);

/* byline-body.c */

void        byline_heading_free               (BylineHeading    *heading);
void        byline_body_link_clear            (BylineBodyLink   *link);
void        byline_body_code_clear            (BylineBodyCode   *code);
void        byline_body_html_clear            (BylineBodyHtml   *html);

/* Notes what the rules read of a fragment's tree, before it is adjusted. */
void        byline_body_collect_facts         (BylineBody       *body,
                                               BylineFragment   *frag);
/* Sorts the facts into post order once every fragment is read. */
void        byline_body_sort_facts            (BylineBody       *body);

/* byline-renderer.c */

/* Fills @job for a render of @post with the renderer's settings; the site
 * URL it uses is returned in @site_url, for the caller to free. */
void        byline_renderer_init_job          (BylineRenderer   *self,
                                               BylinePost       *post,
                                               BylineRenderJob  *job,
                                               char            **site_url);
/* Anything but a post that is not text (invalid UTF-8, NUL bytes). */
gboolean    byline_renderer_post_is_renderable (BylinePost      *post);

/* The link target as the page should use it: relative links of the bundle
 * against the base URI, site paths against the site; NULL when unchanged. */
char       *byline_render_job_resolve_link    (BylineRenderJob  *job,
                                               const char       *link);

/* byline-renderer-shortcodes.c */

/* The HTML of a call: its profile template, an escaped call's text, or the
 * box shown for calls the profile cannot render. @block says whether the call
 * stands alone on its lines (a box is then a <div>, otherwise a <span>). */
char       *byline_render_pass_expand_call    (BylineRenderPass *pass,
                                               guint             call,
                                               int               close,
                                               gboolean          block,
                                               guint             depth);
/* Whether a call renders as a block of its own when alone on its lines. */
gboolean    byline_render_job_call_is_block   (BylineRenderJob  *job,
                                               guint             call);
/* Whether the inner text of a paired call is Markdown to the renderer
 * (known Markdown shortcodes, {{% %}} calls, and the boxes shown for calls
 * it cannot render), and whether it is to Hugo (what the rules read). */
gboolean    byline_render_job_inner_is_markdown (BylineRenderJob *job,
                                                 guint            call,
                                                 gboolean        *for_hugo);
/* The inner text of a plain (not Markdown) shortcode as Hugo's text shortcode
 * shows it: leading newlines and trailing white space removed, then the
 * indentation common to its lines. */
char       *byline_renderer_dedent_text       (const char       *text,
                                               gsize             length);

/* byline-renderer-site.c */

/* NULL when @site is NULL or outside a site. */
BylineRenderSite *byline_render_site_new      (BylineSite       *site,
                                               BylinePost       *post);
void        byline_render_site_free           (BylineRenderSite *self);
/* The markup.goldmark settings of @site (may be NULL), kept with it; NULL
 * when it has no configuration (a content/ folder only) to say how it
 * writes Markdown. */
const BylineGoldmarkSettings *byline_render_site_get_settings (BylineSite *site);
/* The findings of the render so far (of BylineDiagnostic). */
GPtrArray  *byline_render_site_steal_diagnostics (BylineRenderSite *self);
/* The HTML of a call through the site's (or a theme's) template: NULL
 * when @self is NULL or the site has none, or when it fails, with @reason
 * set to why. */
char       *byline_render_site_expand_call    (BylineRenderSite *self,
                                               BylineRenderJob  *job,
                                               guint             call,
                                               gboolean          block,
                                               char            **reason);
/* The output of call @call when it is a {{% %}} call of a site shortcode
 * whose template runs: Markdown that Hugo inserts into the page's content
 * before Goldmark reads it (hugolib/page__content.go, contentToRender).
 * NULL otherwise, and when the template fails (the render then shows the
 * box and the finding). */
char       *byline_render_site_splice_call    (BylineRenderSite *self,
                                               BylineRenderJob  *job,
                                               guint             call);
/* Runs the templates of the site's shortcode calls of @job, as a render
 * would, and returns the findings (of BylineDiagnostic; NULL when @self is
 * NULL): what byline-cli check reports without rendering. */
GPtrArray  *byline_render_site_check_calls    (BylineRenderSite *self,
                                               BylineRenderJob  *job);
/* Binds the site's render hooks to the writer of @frag (nothing when
 * @self is NULL). */
void        byline_render_site_bind_hooks     (BylineRenderSite *self,
                                               BylineFragment   *frag,
                                               BylineGoldmark   *writer);

G_END_DECLS
