/* byline-renderer.c — a post's body and header to HTML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A render turns a range of the post (the body, or the inner text of a
 * shortcode) into Markdown that cmark can read: each shortcode call, with
 * everything up to its closing tag, becomes one placeholder token. A segment
 * map remembers where every byte of that text came from, so that cmark's
 * line numbers can be turned back into the post's. After parsing, the tree is
 * adjusted (block shortcodes alone on their lines leave their paragraph, link
 * targets are resolved), each top-level block is rendered, and a last pass
 * over its HTML swaps placeholders for the shortcodes' HTML and rewrites
 * data-sourcepos attributes into post coordinates.
 */

#define G_LOG_DOMAIN "byline-renderer"

#include "config.h"

#include "byline-renderer.h"
#include "byline-renderer-private.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#define CMARK_OPTIONS (CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES)

static const char * const extension_names[] = {
  "table", "strikethrough", "autolink", "tagfilter", "tasklist",
};

struct _BylineRenderer
{
  GObject        parent_instance;

  BylineProfile *profile;
  BylineBundle  *bundle;
  char          *base_uri;
};

G_DEFINE_FINAL_TYPE (BylineRenderer, byline_renderer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROFILE,
  PROP_BUNDLE,
  PROP_BASE_URI,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where a piece of the text given to cmark came from: copied post text, or
 * a placeholder standing for a whole call. */
typedef struct
{
  gsize    out_start;
  gsize    out_len;
  gsize    orig_start;
  gsize    orig_len;
  gboolean token;
} Segment;

typedef struct
{
  guint     call;
  int       close;
  gsize     out_offset;
  gboolean  block;
  char     *expansion;
} Token;

/* Lines (in the cmark text) of a block node the renderer made itself, which
 * cmark knows no position for. */
typedef struct
{
  guint first;
  guint last;
} OutRange;

typedef struct
{
  BylineRenderJob *job;
  guint            depth;
  guint            dedent;
  gboolean         at_line_start;
  GString         *out;
  GArray          *segments;
  GArray          *tokens;
  GArray          *out_lines;
  GHashTable      *ranges;
  /* Paragraphs taken apart: the inline nodes moved out of them still point
   * into their text, so they are freed only with the document. */
  GPtrArray       *split;
  cmark_parser    *parser;
  cmark_node      *document;
} Fragment;

/* Rendering */

static void
block_free (gpointer data)
{
  BylineBlock *block = data;

  g_free (block->html);
  g_free (block);
}

void
byline_rendering_free (BylineRendering *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_free (self);
}

char *
byline_rendering_get_html (BylineRendering *self)
{
  GString *html;

  g_return_val_if_fail (self != NULL, NULL);

  html = g_string_new (NULL);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const BylineBlock *block = g_ptr_array_index (self->blocks, i);

      g_string_append (html, block->html);
      g_string_append_c (html, '\n');
    }

  return g_string_free (html, FALSE);
}

static BylineRendering *
rendering_new (void)
{
  BylineRendering *rendering = g_new0 (BylineRendering, 1);

  rendering->blocks = g_ptr_array_new_with_free_func (block_free);

  return rendering;
}

/* Line arithmetic */

/* The 1-based post line holding @offset, by bisection over line starts. */
static guint
post_line_of (BylineRenderJob *job,
              gsize            offset,
              gsize           *line_start)
{
  guint lo = 1;
  guint hi = byline_line_index_get_n_lines (job->lines);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo + 1) / 2;

      if (byline_line_index_line_start (job->lines, mid) <= offset)
        lo = mid;
      else
        hi = mid - 1;
    }

  if (line_start != NULL)
    *line_start = byline_line_index_line_start (job->lines, lo);

  return lo;
}

static const Segment *
fragment_find_segment (Fragment *frag,
                       gsize     out_offset)
{
  guint lo = 0;
  guint hi;

  if (frag->segments->len == 0)
    return NULL;

  hi = frag->segments->len - 1;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo + 1) / 2;

      if (g_array_index (frag->segments, Segment, mid).out_start <= out_offset)
        lo = mid;
      else
        hi = mid - 1;
    }

  return &g_array_index (frag->segments, Segment, lo);
}

/* The post offset of the byte at @out_offset; a placeholder maps to the start
 * of its call (@last FALSE) or to the last byte of it (@last TRUE). */
static gsize
fragment_map (Fragment *frag,
              gsize     out_offset,
              gboolean  last)
{
  const Segment *seg = fragment_find_segment (frag, out_offset);
  gsize delta;

  if (seg == NULL)
    return 0;

  if (seg->token)
    return last && seg->orig_len > 0 ? seg->orig_start + seg->orig_len - 1 : seg->orig_start;

  delta = out_offset - seg->out_start;
  if (delta >= seg->orig_len)
    delta = seg->orig_len > 0 ? seg->orig_len - 1 : 0;

  return seg->orig_start + delta;
}

static guint
fragment_n_out_lines (Fragment *frag)
{
  return frag->out_lines->len;
}

static gsize
fragment_out_line_start (Fragment *frag,
                         guint     line)
{
  if (line < 1)
    return 0;
  if (line > frag->out_lines->len)
    return frag->out->len;

  return g_array_index (frag->out_lines, gsize, line - 1);
}

static guint
fragment_out_line_of (Fragment *frag,
                      gsize     out_offset)
{
  guint lo = 0;
  guint hi = frag->out_lines->len - 1;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo + 1) / 2;

      if (g_array_index (frag->out_lines, gsize, mid) <= out_offset)
        lo = mid;
      else
        hi = mid - 1;
    }

  return lo + 1;
}

/* The post line where cmark's line @line begins. */
static guint
fragment_first_post_line (Fragment *frag,
                          guint     line)
{
  if (frag->out->len == 0)
    return post_line_of (frag->job, 0, NULL);

  line = CLAMP (line, 1, fragment_n_out_lines (frag));
  return post_line_of (frag->job,
                       fragment_map (frag, fragment_out_line_start (frag, line), FALSE),
                       NULL);
}

/* The post line where cmark's line @line ends: placeholders at its end stand
 * for calls that may end lines further down. */
static guint
fragment_last_post_line (Fragment *frag,
                         guint     line)
{
  gsize start;
  gsize end;

  if (frag->out->len == 0)
    return post_line_of (frag->job, 0, NULL);

  line = CLAMP (line, 1, fragment_n_out_lines (frag));
  start = fragment_out_line_start (frag, line);
  end = fragment_out_line_start (frag, line + 1);
  if (end > start)
    end--;

  return post_line_of (frag->job, fragment_map (frag, end, TRUE), NULL);
}

/* Building the text for cmark */

static void
fragment_add_segment (Fragment *frag,
                      gsize     out_start,
                      gsize     out_len,
                      gsize     orig_start,
                      gsize     orig_len,
                      gboolean  token)
{
  if (!token && frag->segments->len > 0)
    {
      Segment *prev = &g_array_index (frag->segments, Segment, frag->segments->len - 1);

      if (!prev->token &&
          prev->orig_start + prev->orig_len == orig_start &&
          prev->out_start + prev->out_len == out_start)
        {
          prev->orig_len += orig_len;
          prev->out_len += out_len;
          return;
        }
    }

  g_array_append_val (frag->segments,
                      ((Segment) { out_start, out_len, orig_start, orig_len, token }));
}

static inline gboolean
is_blank_char (char c)
{
  return c == ' ' || c == '\t';
}

/* Copies post text, dropping the indentation common to the inner text of a
 * shortcode so that an indented callout's text does not become code. */
static void
fragment_copy (Fragment *frag,
               gsize     from,
               gsize     to)
{
  const char *text = frag->job->text;

  if (from >= to)
    return;

  if (frag->dedent == 0)
    {
      fragment_add_segment (frag, frag->out->len, to - from, from, to - from, FALSE);
      g_string_append_len (frag->out, text + from, to - from);
      frag->at_line_start = text[to - 1] == '\n';
      return;
    }

  while (from < to)
    {
      const char *nl;
      gsize stop;

      if (frag->at_line_start)
        {
          for (guint skipped = 0;
               from < to && skipped < frag->dedent && is_blank_char (text[from]);
               skipped++)
            from++;
          if (from >= to)
            break;
        }

      nl = memchr (text + from, '\n', to - from);
      stop = nl != NULL ? (gsize) (nl - text) + 1 : to;
      fragment_add_segment (frag, frag->out->len, stop - from, from, stop - from, FALSE);
      g_string_append_len (frag->out, text + from, stop - from);
      frag->at_line_start = nl != NULL;
      from = stop;
    }
}

static void
fragment_add_token (Fragment *frag,
                    guint     call,
                    int       close,
                    gsize     orig_start,
                    gsize     orig_end)
{
  Token token = { call, close, frag->out->len, FALSE, NULL };
  gsize out_start = frag->out->len;

  g_string_append_len (frag->out, frag->job->prefix, frag->job->prefix_len);
  g_string_append_printf (frag->out, "%ux", frag->tokens->len);
  g_array_append_val (frag->tokens, token);

  fragment_add_segment (frag, out_start, frag->out->len - out_start,
                        orig_start, orig_end - orig_start, TRUE);
  frag->at_line_start = FALSE;
}

gboolean
byline_render_job_next_call (BylineRenderJob *job,
                             guint           *index,
                             guint            end_call,
                             gsize            pos,
                             gsize            end,
                             guint           *call,
                             int             *close,
                             gsize           *extent_end)
{
  while (*index < end_call && *index < job->calls->len)
    {
      guint i = *index;
      const BylineShortcode *sc = g_ptr_array_index (job->calls, i);

      /* Calls the scanner paired across this range's edges are skipped
       * rather than rendered twice. */
      if (sc->span.start < pos || sc->span.end > end)
        {
          *index = i + 1;
          continue;
        }

      *call = i;
      *close = -1;
      *extent_end = sc->span.end;
      *index = i + 1;

      if (sc->kind == BYLINE_SHORTCODE_OPEN &&
          sc->pair > (int) i && (guint) sc->pair < end_call)
        {
          const BylineShortcode *closing = g_ptr_array_index (job->calls, sc->pair);

          if (closing->kind == BYLINE_SHORTCODE_CLOSE && closing->span.end <= end)
            {
              *close = sc->pair;
              *extent_end = closing->span.end;
              *index = sc->pair + 1;
            }
        }

      return TRUE;
    }

  return FALSE;
}

/* The indentation common to the lines of [start, end) outside the calls, so
 * that it can be dropped; lines with only blanks do not count. */
static guint
measure_indent (BylineRenderJob *job,
                gsize            start,
                gsize            end,
                guint            first_call,
                guint            end_call)
{
  const char *text = job->text;
  guint best = G_MAXUINT;
  gboolean at_line_start = start == 0 || text[start - 1] == '\n';
  guint index = first_call;
  gsize pos = start;

  for (;;)
    {
      guint call;
      int close;
      gsize extent_end;
      gboolean more = byline_render_job_next_call (job, &index, end_call, pos, end,
                                                   &call, &close, &extent_end);
      const BylineShortcode *sc = more ? g_ptr_array_index (job->calls, call) : NULL;
      gsize chunk_end = more ? sc->span.start : end;

      while (pos < chunk_end)
        {
          const char *nl;

          if (at_line_start)
            {
              guint n = 0;

              while (pos + n < chunk_end && is_blank_char (text[pos + n]))
                n++;
              /* A line holding only blanks does not count; one whose
               * indentation runs into a call does. */
              if (pos + n < chunk_end ? text[pos + n] != '\n' && text[pos + n] != '\r' : more)
                best = MIN (best, n);
            }

          nl = memchr (text + pos, '\n', chunk_end - pos);
          if (nl == NULL)
            {
              at_line_start = FALSE;
              pos = chunk_end;
            }
          else
            {
              at_line_start = TRUE;
              pos = (gsize) (nl - text) + 1;
            }
        }

      if (!more)
        break;

      if (at_line_start)
        best = 0;
      at_line_start = FALSE;
      pos = extent_end;
    }

  return best == G_MAXUINT ? 0 : best;
}

static void
fragment_build (Fragment *frag,
                gsize     start,
                gsize     end,
                guint     first_call,
                guint     end_call,
                gboolean  dedent)
{
  BylineRenderJob *job = frag->job;
  guint index = first_call;
  gsize pos = start;
  guint call;
  int close;
  gsize extent_end;

  frag->dedent = dedent ? measure_indent (job, start, end, first_call, end_call) : 0;
  frag->at_line_start = start == 0 || job->text[start - 1] == '\n';

  while (byline_render_job_next_call (job, &index, end_call, pos, end,
                                      &call, &close, &extent_end))
    {
      const BylineShortcode *sc = g_ptr_array_index (job->calls, call);

      fragment_copy (frag, pos, sc->span.start);
      fragment_add_token (frag, call, close, sc->span.start, extent_end);
      pos = extent_end;
    }
  fragment_copy (frag, pos, end);

  g_array_append_val (frag->out_lines, (gsize) { 0 });
  for (const char *p = frag->out->str, *stop = p + frag->out->len;
       (p = memchr (p, '\n', stop - p)) != NULL;
       p++)
    {
      gsize next = (gsize) (p - frag->out->str) + 1;

      if (next < frag->out->len)
        g_array_append_val (frag->out_lines, next);
    }
}

/* Placeholders */

/* Reads a placeholder at @p (at most @avail bytes): its token index. */
static gboolean
fragment_parse_token (Fragment   *frag,
                      const char *p,
                      gsize       avail,
                      guint      *index,
                      gsize      *token_len)
{
  const BylineRenderJob *job = frag->job;
  gsize i = job->prefix_len;
  guint64 value = 0;

  if (avail <= job->prefix_len + 1 || memcmp (p, job->prefix, job->prefix_len) != 0)
    return FALSE;

  while (i < avail && g_ascii_isdigit (p[i]) && value <= G_MAXUINT)
    value = value * 10 + (guint64) (p[i++] - '0');

  if (i == job->prefix_len || i >= avail || p[i] != 'x' || value >= frag->tokens->len)
    return FALSE;

  *index = (guint) value;
  *token_len = i + 1;
  return TRUE;
}

static const char *
fragment_get_expansion (Fragment *frag,
                        guint     index)
{
  Token *token = &g_array_index (frag->tokens, Token, index);

  if (token->expansion == NULL)
    token->expansion = byline_render_job_expand_call (frag->job, token->call, token->close,
                                                      token->block, frag->depth);

  return token->expansion;
}

/* @text with each placeholder replaced by its call's HTML, unescaped: for
 * link targets such as [x]({{< github_file >}}/a.yaml). */
static char *
fragment_substitute_raw (Fragment   *frag,
                         const char *text)
{
  GString *result = g_string_new (NULL);
  gsize len = strlen (text);
  gsize copied = 0;

  for (gsize i = 0; i < len; i++)
    {
      guint index;
      gsize token_len;

      if (text[i] != frag->job->prefix[0] ||
          !fragment_parse_token (frag, text + i, len - i, &index, &token_len))
        continue;

      g_string_append_len (result, text + copied, i - copied);
      g_string_append (result, fragment_get_expansion (frag, index));
      i += token_len - 1;
      copied = i + 1;
    }
  g_string_append_len (result, text + copied, len - copied);

  return g_string_free (result, FALSE);
}

/* Adjusting the tree */

static void
fragment_set_range (Fragment   *frag,
                    cmark_node *node,
                    guint       first,
                    guint       last)
{
  OutRange *range = g_new (OutRange, 1);

  if (frag->ranges == NULL)
    frag->ranges = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  range->first = first;
  range->last = MAX (first, last);
  g_hash_table_insert (frag->ranges, node, range);
}

static void
fragment_node_range (Fragment   *frag,
                     cmark_node *node,
                     guint      *first,
                     guint      *last)
{
  const OutRange *range = frag->ranges != NULL ? g_hash_table_lookup (frag->ranges, node) : NULL;
  int start_line;
  int end_line;

  if (range != NULL)
    {
      *first = range->first;
      *last = range->last;
      return;
    }

  start_line = cmark_node_get_start_line (node);
  end_line = cmark_node_get_end_line (node);
  /* cmark ends some blocks (lists, indented code) at column 0 of the line
   * after their last one. */
  if (cmark_node_get_end_column (node) == 0 && end_line > start_line)
    end_line--;

  *first = (guint) MAX (start_line, 1);
  *last = (guint) MAX (end_line, start_line);
}

/* Whether a text node holds nothing but placeholders of block calls. */
static gboolean
fragment_text_is_block (Fragment   *frag,
                        cmark_node *node,
                        guint      *first_token)
{
  const char *literal = cmark_node_get_literal (node);
  gsize len;
  gsize i = 0;
  gboolean any = FALSE;

  if (literal == NULL)
    return FALSE;

  len = strlen (literal);
  for (;;)
    {
      guint index;
      gsize token_len;
      Token *token;

      while (i < len && is_blank_char (literal[i]))
        i++;
      if (i == len)
        return any;

      if (!fragment_parse_token (frag, literal + i, len - i, &index, &token_len))
        return FALSE;

      token = &g_array_index (frag->tokens, Token, index);
      if (!byline_render_job_call_is_block (frag->job, token->call))
        return FALSE;

      if (!any)
        *first_token = index;
      any = TRUE;
      i += token_len;
    }
}

static void
mark_block_tokens (Fragment   *frag,
                   const char *literal)
{
  gsize len = strlen (literal);

  for (gsize i = 0; i < len; i++)
    {
      guint index;
      gsize token_len;

      if (fragment_parse_token (frag, literal + i, len - i, &index, &token_len))
        {
          g_array_index (frag->tokens, Token, index).block = TRUE;
          i += token_len - 1;
        }
    }
}

static gboolean
is_break (cmark_node *node)
{
  cmark_node_type type = cmark_node_get_type (node);

  return type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK;
}

/* Takes the block shortcodes that stand alone on their lines out of their
 * paragraph, as Hugo does, so that a figure is not wrapped in <p>: the
 * paragraph is split around them into paragraphs and raw HTML blocks. */
static void
fragment_split_paragraph (Fragment   *frag,
                          cmark_node *para)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new ();
  g_autofree gboolean *alone = NULL;
  g_autofree guint *first_tokens = NULL;
  gboolean any = FALSE;
  cmark_node *run = NULL;
  guint para_first;
  guint para_last;
  guint run_first;

  for (cmark_node *child = cmark_node_first_child (para);
       child != NULL;
       child = cmark_node_next (child))
    g_ptr_array_add (children, child);

  alone = g_new0 (gboolean, children->len);
  first_tokens = g_new0 (guint, children->len);
  for (guint i = 0; i < children->len; i++)
    {
      cmark_node *child = g_ptr_array_index (children, i);

      if (cmark_node_get_type (child) == CMARK_NODE_TEXT &&
          (i == 0 || is_break (g_ptr_array_index (children, i - 1))) &&
          (i + 1 == children->len || is_break (g_ptr_array_index (children, i + 1))) &&
          fragment_text_is_block (frag, child, &first_tokens[i]))
        alone[i] = any = TRUE;
    }

  if (!any)
    return;

  fragment_node_range (frag, para, &para_first, &para_last);
  run_first = para_first;

  for (guint i = 0; i < children->len; i++)
    {
      cmark_node *child = g_ptr_array_index (children, i);

      if (alone[i])
        {
          const Token *token = &g_array_index (frag->tokens, Token, first_tokens[i]);
          guint line = fragment_out_line_of (frag, token->out_offset);
          g_autofree char *literal = g_strdup (cmark_node_get_literal (child));
          cmark_node *html = cmark_node_new (CMARK_NODE_HTML_BLOCK);

          if (run != NULL)
            fragment_set_range (frag, run, run_first, line > run_first ? line - 1 : run_first);
          run = NULL;

          g_strstrip (literal);
          mark_block_tokens (frag, literal);
          cmark_node_set_literal (html, literal);
          cmark_node_insert_before (para, html);
          fragment_set_range (frag, html, line, line);
          run_first = line + 1;

          /* The line break after the shortcode goes with it. */
          if (i + 1 < children->len)
            i++;
          continue;
        }

      /* So does the one before it. */
      if (is_break (child) && (run == NULL || (i + 1 < children->len && alone[i + 1])))
        continue;

      if (run == NULL)
        {
          run = cmark_node_new (CMARK_NODE_PARAGRAPH);
          cmark_node_insert_before (para, run);
        }
      cmark_node_unlink (child);
      cmark_node_append_child (run, child);
    }

  if (run != NULL)
    fragment_set_range (frag, run, run_first, para_last);

  cmark_node_unlink (para);
  if (frag->split == NULL)
    frag->split = g_ptr_array_new_with_free_func ((GDestroyNotify) cmark_node_free);
  g_ptr_array_add (frag->split, para);
}

static void
fragment_fix_link (Fragment   *frag,
                   cmark_node *node)
{
  const char *url = cmark_node_get_url (node);
  g_autofree char *substituted = NULL;
  g_autofree char *resolved = NULL;

  if (url == NULL || *url == '\0')
    return;

  if (frag->tokens->len > 0 && strstr (url, frag->job->prefix) != NULL)
    url = substituted = fragment_substitute_raw (frag, url);

  resolved = byline_render_job_resolve_link (frag->job, url);
  if (resolved != NULL)
    cmark_node_set_url (node, resolved);
  else if (substituted != NULL)
    cmark_node_set_url (node, substituted);
}

static void
fragment_adjust_tree (Fragment *frag)
{
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new ();
  cmark_iter *iter = cmark_iter_new (frag->document);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node;

      if (event != CMARK_EVENT_ENTER)
        continue;

      node = cmark_iter_get_node (iter);
      switch ((int) cmark_node_get_type (node))
        {
        case CMARK_NODE_PARAGRAPH:
          if (frag->tokens->len > 0)
            g_ptr_array_add (paragraphs, node);
          break;

        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
          fragment_fix_link (frag, node);
          break;

        default:
          break;
        }
    }
  cmark_iter_free (iter);

  for (guint i = 0; i < paragraphs->len; i++)
    fragment_split_paragraph (frag, g_ptr_array_index (paragraphs, i));
}

/* The HTML pass */

static gboolean
parse_uint (const char **p,
            const char  *end,
            guint       *value)
{
  const char *q = *p;
  guint64 v = 0;

  while (q < end && g_ascii_isdigit (*q) && v <= G_MAXUINT)
    v = v * 10 + (guint64) (*q++ - '0');

  if (q == *p || v > G_MAXUINT)
    return FALSE;

  *value = (guint) v;
  *p = q;
  return TRUE;
}

/* Rewrites a cmark data-sourcepos value ("l:c-l:c", lines and byte columns
 * of the cmark text) into post lines and byte columns. Returns the length of
 * the attribute read, 0 when it is not one. */
static gsize
fragment_rewrite_sourcepos (Fragment   *frag,
                            const char *attr,
                            const char *end,
                            GString    *out)
{
  static const char name[] = " data-sourcepos=\"";
  const char *p = attr + strlen (name);
  guint l1, c1, l2, c2;
  gsize o;
  gsize line_start;
  guint line;

  if ((gsize) (end - attr) < strlen (name) || memcmp (attr, name, strlen (name)) != 0)
    return 0;

  if (!parse_uint (&p, end, &l1) || p >= end || *p++ != ':' ||
      !parse_uint (&p, end, &c1) || p >= end || *p++ != '-' ||
      !parse_uint (&p, end, &l2) || p >= end || *p++ != ':' ||
      !parse_uint (&p, end, &c2) || p >= end || *p++ != '"')
    return 0;

  /* Nodes the renderer made have no position: drop the attribute. */
  if (l1 == 0 || frag->out->len == 0)
    return (gsize) (p - attr);

  l1 = MIN (l1, fragment_n_out_lines (frag));
  l2 = CLAMP (l2, l1, fragment_n_out_lines (frag));

  o = fragment_out_line_start (frag, l1) + (c1 > 0 ? c1 - 1 : 0);
  o = MIN (o, frag->out->len - 1);
  o = fragment_map (frag, o, FALSE);
  line = post_line_of (frag->job, o, &line_start);
  g_string_append_printf (out, " data-sourcepos=\"%u:%u-", line, (guint) (o - line_start + 1));

  if (c2 == 0)
    {
      g_string_append_printf (out, "%u:0\"", fragment_first_post_line (frag, l2));
    }
  else
    {
      o = fragment_out_line_start (frag, l2) + c2 - 1;
      o = MIN (o, frag->out->len - 1);
      o = fragment_map (frag, o, TRUE);
      line = post_line_of (frag->job, o, &line_start);
      g_string_append_printf (out, "%u:%u\"", line, (guint) (o - line_start + 1));
    }

  return (gsize) (p - attr);
}

enum {
  STATE_TEXT,
  STATE_TAG,
  STATE_DOUBLE_QUOTED,
  STATE_SINGLE_QUOTED,
  STATE_COMMENT,
};

/* Copies cmark's HTML to @out, replacing placeholders by their calls' HTML
 * (escaped where they sit in a tag, as in an image's alt text) and source
 * positions by post positions. One pass, linear in the HTML. */
static void
fragment_finish_html (Fragment   *frag,
                      const char *html,
                      gsize       len,
                      GString    *out)
{
  const char *end = html + len;
  char first = frag->job->prefix[0];
  gsize copied = 0;
  int state = STATE_TEXT;

  for (gsize i = 0; i < len; i++)
    {
      char c = html[i];
      guint index;
      gsize token_len;
      gsize attr_len;

      if (c == first && frag->tokens->len > 0 &&
          fragment_parse_token (frag, html + i, len - i, &index, &token_len))
        {
          const char *expansion = fragment_get_expansion (frag, index);

          g_string_append_len (out, html + copied, i - copied);
          if (state == STATE_TEXT)
            g_string_append (out, expansion);
          else
            byline_html_escape_append (out, expansion, -1);
          i += token_len - 1;
          copied = i + 1;
          continue;
        }

      switch (state)
        {
        case STATE_TEXT:
          if (c == '<')
            state = len - i >= 4 && memcmp (html + i, "<!--", 4) == 0 ? STATE_COMMENT : STATE_TAG;
          break;

        case STATE_TAG:
          if (c == '"')
            state = STATE_DOUBLE_QUOTED;
          else if (c == '\'')
            state = STATE_SINGLE_QUOTED;
          else if (c == '>')
            state = STATE_TEXT;
          else if (c == ' ' && i + 1 < len && html[i + 1] == 'd')
            {
              g_string_append_len (out, html + copied, i - copied);
              copied = i;
              attr_len = fragment_rewrite_sourcepos (frag, html + i, end, out);
              if (attr_len > 0)
                {
                  i += attr_len - 1;
                  copied = i + 1;
                }
            }
          break;

        case STATE_DOUBLE_QUOTED:
          if (c == '"')
            state = STATE_TAG;
          break;

        case STATE_SINGLE_QUOTED:
          if (c == '\'')
            state = STATE_TAG;
          break;

        case STATE_COMMENT:
          if (c == '>' && i >= 2 && html[i - 1] == '-' && html[i - 2] == '-')
            state = STATE_TEXT;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  g_string_append_len (out, html + copied, len - copied);
}

/* Fragments */

static void
fragment_init (Fragment        *frag,
               BylineRenderJob *job,
               guint            depth)
{
  memset (frag, 0, sizeof *frag);
  frag->job = job;
  frag->depth = depth;
  frag->out = g_string_new (NULL);
  frag->segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  frag->tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  frag->out_lines = g_array_new (FALSE, FALSE, sizeof (gsize));
}

static void
fragment_clear (Fragment *frag)
{
  for (guint i = 0; i < frag->tokens->len; i++)
    g_free (g_array_index (frag->tokens, Token, i).expansion);

  g_clear_pointer (&frag->document, cmark_node_free);
  g_clear_pointer (&frag->split, g_ptr_array_unref);
  g_clear_pointer (&frag->parser, cmark_parser_free);
  g_clear_pointer (&frag->ranges, g_hash_table_unref);
  g_array_unref (frag->out_lines);
  g_array_unref (frag->tokens);
  g_array_unref (frag->segments);
  g_string_free (frag->out, TRUE);
}

static void
ensure_extensions (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      cmark_gfm_core_extensions_ensure_registered ();
      g_once_init_leave (&registered, 1);
    }
}

static void
fragment_parse (Fragment *frag)
{
  ensure_extensions ();

  frag->parser = cmark_parser_new (CMARK_OPTIONS);
  for (guint i = 0; i < G_N_ELEMENTS (extension_names); i++)
    {
      cmark_syntax_extension *extension = cmark_find_syntax_extension (extension_names[i]);

      g_assert (extension != NULL);
      cmark_parser_attach_syntax_extension (frag->parser, extension);
    }

  cmark_parser_feed (frag->parser, frag->out->str, frag->out->len);
  frag->document = cmark_parser_finish (frag->parser);

  fragment_adjust_tree (frag);
}

static char *
fragment_render_node (Fragment   *frag,
                      cmark_node *node)
{
  char *raw = cmark_render_html (node, CMARK_OPTIONS,
                                 cmark_parser_get_syntax_extensions (frag->parser));
  gsize len = strlen (raw);
  GString *html = g_string_sized_new (len + len / 8);

  while (len > 0 && raw[len - 1] == '\n')
    len--;
  fragment_finish_html (frag, raw, len, html);
  free (raw);

  return g_string_free (html, FALSE);
}

/* Renders the parsed fragment block by block, into @blocks (with post line
 * ranges) or, when that is NULL, into @html. */
static void
fragment_render_blocks (Fragment  *frag,
                        GPtrArray *blocks,
                        GString   *html)
{
  cmark_node *footnotes = NULL;
  guint foot_first = G_MAXUINT;
  guint foot_last = 0;
  cmark_node *node = cmark_node_first_child (frag->document);

  while (node != NULL)
    {
      cmark_node *next = cmark_node_next (node);
      guint first;
      guint last;

      fragment_node_range (frag, node, &first, &last);

      /* cmark moves footnote definitions to the end; they render as one
       * list, so they make one block. */
      if (cmark_node_get_type (node) == CMARK_NODE_FOOTNOTE_DEFINITION)
        {
          if (footnotes == NULL)
            footnotes = cmark_node_new (CMARK_NODE_DOCUMENT);
          cmark_node_unlink (node);
          cmark_node_append_child (footnotes, node);
          foot_first = MIN (foot_first, first);
          foot_last = MAX (foot_last, last);
          node = next;
          continue;
        }

      if (blocks != NULL)
        {
          BylineBlock *block = g_new0 (BylineBlock, 1);

          block->html = fragment_render_node (frag, node);
          block->first_line = fragment_first_post_line (frag, first);
          block->last_line = MAX (fragment_last_post_line (frag, last), block->first_line);
          g_ptr_array_add (blocks, block);
        }
      else
        {
          g_autofree char *block_html = fragment_render_node (frag, node);

          g_string_append (html, block_html);
          g_string_append_c (html, '\n');
        }

      node = next;
    }

  if (footnotes != NULL)
    {
      g_autofree char *block_html = fragment_render_node (frag, footnotes);

      if (blocks != NULL)
        {
          BylineBlock *block = g_new0 (BylineBlock, 1);

          block->html = g_steal_pointer (&block_html);
          block->first_line = fragment_first_post_line (frag, foot_first);
          block->last_line = MAX (fragment_last_post_line (frag, foot_last), block->first_line);
          g_ptr_array_add (blocks, block);
        }
      else
        {
          g_string_append (html, block_html);
          g_string_append_c (html, '\n');
        }
      cmark_node_free (footnotes);
    }
}

/* Hugo's markdownify, which callouts use, drops the <p> around an inner text
 * that is one paragraph. */
static gboolean
is_single_paragraph (Fragment *frag)
{
  cmark_node *first = cmark_node_first_child (frag->document);

  return first != NULL && cmark_node_next (first) == NULL &&
         cmark_node_get_type (first) == CMARK_NODE_PARAGRAPH;
}

char *
byline_render_job_render_markdown (BylineRenderJob *job,
                                   gsize            start,
                                   gsize            end,
                                   guint            first_call,
                                   guint            end_call,
                                   guint            depth)
{
  Fragment frag;
  GString *html = g_string_new (NULL);

  fragment_init (&frag, job, depth);
  fragment_build (&frag, start, end, first_call, end_call, TRUE);
  fragment_parse (&frag);

  if (is_single_paragraph (&frag))
    {
      g_autofree char *para = fragment_render_node (&frag, cmark_node_first_child (frag.document));
      const char *content = para;
      gsize len = strlen (para);

      if (g_str_has_prefix (para, "<p") && g_str_has_suffix (para, "</p>"))
        {
          content = strchr (para, '>') + 1;
          len -= (gsize) (content - para) + strlen ("</p>");
        }
      g_string_append_len (html, content, len);
    }
  else
    {
      fragment_render_blocks (&frag, NULL, html);
    }

  fragment_clear (&frag);

  return g_string_free (html, FALSE);
}

/* Links */

char *
byline_render_job_resolve_link (BylineRenderJob *job,
                                const char      *link)
{
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  const char *suffix;

  if (job->base_uri == NULL)
    return NULL;

  switch (byline_bundle_classify_link (link, &name))
    {
    case BYLINE_LINK_BUNDLE:
      if (name == NULL || *name == '\0')
        return NULL;
      suffix = link + strcspn (link, "?#");
      escaped = g_uri_escape_string (name, "/", TRUE);
      return g_strconcat (job->base_uri, escaped, suffix, NULL);

    case BYLINE_LINK_SITE_ABSOLUTE:
      if (job->site_url == NULL || link[0] != '/' || link[1] == '/')
        return NULL;
      return g_strconcat (job->site_url, link + 1, NULL);

    case BYLINE_LINK_EXTERNAL:
    case BYLINE_LINK_ANCHOR:
    case BYLINE_LINK_EMPTY:
    default:
      return NULL;
    }
}

/* Jobs */

static const char *
find_stem (const char *p,
           const char *stop,
           const char *stem,
           gsize       stem_len)
{
  while ((gsize) (stop - p) >= stem_len && (p = memchr (p, stem[0], stop - p)) != NULL)
    {
      if ((gsize) (stop - p) < stem_len)
        return NULL;
      if (memcmp (p, stem, stem_len) == 0)
        return p;
      p++;
    }

  return NULL;
}

/* Picks a placeholder prefix that occurs nowhere in @haystacks: "BylSc"
 * followed by enough letters that some combination is free, found in one
 * pass however many near-misses a hostile post holds. */
static void
job_choose_prefix (BylineRenderJob    *job,
                   const char * const *haystacks,
                   const gsize        *lengths,
                   guint               n_haystacks)
{
  static const char stem[] = "BylSc";
  const gsize stem_len = strlen (stem);
  g_autofree guint8 *used = NULL;
  gsize count = 0;
  guint letters = 1;
  gsize combinations = 26;
  gsize pick = 0;

  for (guint h = 0; h < n_haystacks; h++)
    for (const char *p = haystacks[h], *stop = p + lengths[h];
         (p = find_stem (p, stop, stem, stem_len)) != NULL;
         p += stem_len)
      count++;

  while (combinations <= count && letters < 8)
    {
      letters++;
      combinations *= 26;
    }

  used = g_new0 (guint8, combinations);
  for (guint h = 0; h < n_haystacks; h++)
    for (const char *p = haystacks[h], *stop = p + lengths[h];
         (p = find_stem (p, stop, stem, stem_len)) != NULL;
         p += stem_len)
      {
        gsize code = 0;
        guint k;

        for (k = 0; k < letters && p + stem_len + k < stop; k++)
          {
            char c = p[stem_len + k];

            if (c < 'a' || c > 'z')
              break;
            code = code * 26 + (gsize) (c - 'a');
          }
        if (k == letters)
          used[code] = 1;
      }

  while (pick < combinations && used[pick])
    pick++;

  memcpy (job->prefix, stem, stem_len);
  for (guint k = 0; k < letters; k++)
    {
      job->prefix[stem_len + letters - 1 - k] = (char) ('a' + pick % 26);
      pick /= 26;
    }
  job->prefix_len = stem_len + letters;
  job->prefix[job->prefix_len] = '\0';
}

static void
job_init (BylineRenderJob *job,
          BylineRenderer  *self,
          BylinePost      *post,
          char           **site_url)
{
  const BylineShortcodeList *shortcodes = byline_post_get_shortcodes (post);
  const char *haystacks[2];
  gsize lengths[2];
  guint n = 0;

  memset (job, 0, sizeof *job);
  job->profile = self->profile;
  job->bundle = self->bundle;
  job->base_uri = self->base_uri;
  job->text = byline_post_get_text (post);
  job->length = byline_post_get_length (post);
  job->lines = byline_post_get_lines (post);
  job->calls = shortcodes->calls;

  *site_url = NULL;
  if (self->base_uri != NULL)
    {
      const char *url = byline_profile_get_site_url (self->profile);

      if (url != NULL && *url != '\0')
        *site_url = g_str_has_suffix (url, "/") ? g_strdup (url) : g_strconcat (url, "/", NULL);
    }
  job->site_url = *site_url;

  haystacks[n] = job->text;
  lengths[n++] = job->length;
  if (job->base_uri != NULL)
    {
      haystacks[n] = job->base_uri;
      lengths[n++] = strlen (job->base_uri);
    }
  job_choose_prefix (job, haystacks, lengths, n);
}

static gboolean
post_is_renderable (BylinePost *post)
{
  const GError *error = byline_post_get_layout_error (post);

  return error == NULL ||
         !(g_error_matches (error, BYLINE_POST_LAYOUT_ERROR, BYLINE_POST_LAYOUT_ERROR_INVALID_UTF8) ||
           g_error_matches (error, BYLINE_POST_LAYOUT_ERROR, BYLINE_POST_LAYOUT_ERROR_BINARY));
}

/* GObject */

static void
byline_renderer_finalize (GObject *object)
{
  BylineRenderer *self = (BylineRenderer *)object;

  g_clear_object (&self->profile);
  g_clear_object (&self->bundle);
  g_clear_pointer (&self->base_uri, g_free);

  G_OBJECT_CLASS (byline_renderer_parent_class)->finalize (object);
}

static void
byline_renderer_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BylineRenderer *self = BYLINE_RENDERER (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;

    case PROP_BUNDLE:
      g_value_set_object (value, self->bundle);
      break;

    case PROP_BASE_URI:
      g_value_set_string (value, self->base_uri);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_renderer_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BylineRenderer *self = BYLINE_RENDERER (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      self->profile = g_value_dup_object (value);
      break;

    case PROP_BUNDLE:
      self->bundle = g_value_dup_object (value);
      break;

    case PROP_BASE_URI:
      byline_renderer_set_base_uri (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_renderer_class_init (BylineRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_renderer_finalize;
  object_class->get_property = byline_renderer_get_property;
  object_class->set_property = byline_renderer_set_property;

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL,
                         BYLINE_TYPE_PROFILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BUNDLE] =
    g_param_spec_object ("bundle", NULL, NULL,
                         BYLINE_TYPE_BUNDLE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BASE_URI] =
    g_param_spec_string ("base-uri", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Registering cmark's extensions is not thread-safe: do it here, on the
   * thread that makes renderers, before any render can run elsewhere. */
  ensure_extensions ();
}

static void
byline_renderer_init (BylineRenderer *self)
{
}

BylineRenderer *
byline_renderer_new (BylineProfile *profile,
                     BylineBundle  *bundle)
{
  g_return_val_if_fail (BYLINE_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (bundle == NULL || BYLINE_IS_BUNDLE (bundle), NULL);

  return g_object_new (BYLINE_TYPE_RENDERER,
                       "profile", profile,
                       "bundle", bundle,
                       NULL);
}

BylineProfile *
byline_renderer_get_profile (BylineRenderer *self)
{
  g_return_val_if_fail (BYLINE_IS_RENDERER (self), NULL);

  return self->profile;
}

BylineBundle *
byline_renderer_get_bundle (BylineRenderer *self)
{
  g_return_val_if_fail (BYLINE_IS_RENDERER (self), NULL);

  return self->bundle;
}

void
byline_renderer_set_base_uri (BylineRenderer *self,
                              const char     *base_uri)
{
  g_autofree char *normalized = NULL;

  g_return_if_fail (BYLINE_IS_RENDERER (self));

  /* Relative links resolve against the folder itself, not its parent. */
  if (base_uri != NULL && *base_uri != '\0' && !g_str_has_suffix (base_uri, "/"))
    normalized = g_strconcat (base_uri, "/", NULL);
  else if (base_uri != NULL && *base_uri != '\0')
    normalized = g_strdup (base_uri);

  if (g_strcmp0 (normalized, self->base_uri) == 0)
    return;

  g_free (self->base_uri);
  self->base_uri = g_steal_pointer (&normalized);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URI]);
}

const char *
byline_renderer_get_base_uri (BylineRenderer *self)
{
  g_return_val_if_fail (BYLINE_IS_RENDERER (self), NULL);

  return self->base_uri;
}

BylineRendering *
byline_renderer_render (BylineRenderer *self,
                        BylinePost     *post)
{
  BylineRendering *rendering;
  const BylinePostLayout *layout;
  g_autofree char *site_url = NULL;
  BylineRenderJob job;
  Fragment frag;
  gsize start;

  g_return_val_if_fail (BYLINE_IS_RENDERER (self), NULL);
  g_return_val_if_fail (BYLINE_IS_POST (post), NULL);

  rendering = rendering_new ();
  if (!post_is_renderable (post))
    return rendering;

  job_init (&job, self, post, &site_url);
  layout = byline_post_get_layout (post);
  start = MIN (layout->body_start, job.length);

  fragment_init (&frag, &job, 0);
  fragment_build (&frag, start, job.length, 0, job.calls->len, FALSE);
  fragment_parse (&frag);
  fragment_render_blocks (&frag, rendering->blocks, NULL);
  fragment_clear (&frag);

  return rendering;
}

/* Header and page */

static const char * const month_names[] = {
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
};

static void
append_date (GString           *out,
             BylineFrontMatter *front_matter)
{
  static const char * const keys[] = { "publishdate", "date" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GDateTime) date = NULL;
      g_autofree char *machine = NULL;
      gboolean has_time = FALSE;

      if (!byline_front_matter_get_date (front_matter, keys[i], &date, &has_time) || date == NULL)
        continue;

      machine = has_time ? g_date_time_format_iso8601 (date)
                         : g_date_time_format (date, "%Y-%m-%d");
      /* The site writes dates in English whatever the reader's language. */
      g_string_append_printf (out, "<time datetime=\"%s\">%s %d, %d</time>",
                              machine,
                              month_names[g_date_time_get_month (date) - 1],
                              g_date_time_get_day_of_month (date),
                              g_date_time_get_year (date));
      return;
    }
}

char *
byline_renderer_render_header (BylineRenderer *self,
                               BylinePost     *post)
{
  BylineFrontMatter *front_matter;
  const char *title;
  const char *attribution;
  const char *description;
  GString *out;
  gsize meta_start;

  g_return_val_if_fail (BYLINE_IS_RENDERER (self), NULL);
  g_return_val_if_fail (BYLINE_IS_POST (post), NULL);

  front_matter = byline_post_get_front_matter (post);
  if (front_matter == NULL)
    return g_strdup ("");

  title = byline_front_matter_get_string (front_matter, "title");
  attribution = byline_front_matter_get_string (front_matter, "attribution");
  description = byline_front_matter_get_string (front_matter, "description");

  out = g_string_new ("<header class=\"byline-post-header\">");

  if (title != NULL && *title != '\0')
    {
      g_string_append (out, "<h1>");
      byline_html_escape_append (out, title, -1);
      g_string_append (out, "</h1>");
    }

  g_string_append (out, "<p class=\"byline-meta\">");
  meta_start = out->len;
  append_date (out, front_matter);
  if (attribution != NULL && *attribution != '\0')
    {
      if (out->len > meta_start)
        g_string_append (out, " · ");
      byline_html_escape_append (out, attribution, -1);
    }
  if (out->len > meta_start)
    g_string_append (out, "</p>");
  else
    g_string_truncate (out, meta_start - strlen ("<p class=\"byline-meta\">"));

  if (description != NULL && *description != '\0')
    {
      g_string_append (out, "<p class=\"byline-description\">");
      byline_html_escape_append (out, description, -1);
      g_string_append (out, "</p>");
    }

  g_string_append (out, "</header>");

  return g_string_free (out, FALSE);
}

/* Page scripts never run: the page may hold any raw HTML the post has. Images
 * and frames may come from the bundle or the web; nothing else loads. */
#define PAGE_CSP \
  "default-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; " \
  "form-action 'none'; style-src 'unsafe-inline'; img-src file: data: http: https:; " \
  "media-src file: http: https:; frame-src http: https:"

char *
byline_renderer_render_page (BylineRenderer *self,
                             BylinePost     *post)
{
  g_autoptr(BylineRendering) rendering = NULL;
  g_autofree char *header = NULL;
  g_autofree char *body = NULL;
  BylineFrontMatter *front_matter;
  const char *title = NULL;
  const char *stylesheet;
  GString *page;

  g_return_val_if_fail (BYLINE_IS_RENDERER (self), NULL);
  g_return_val_if_fail (BYLINE_IS_POST (post), NULL);

  rendering = byline_renderer_render (self, post);
  body = byline_rendering_get_html (rendering);
  header = byline_renderer_render_header (self, post);

  front_matter = byline_post_get_front_matter (post);
  if (front_matter != NULL)
    title = byline_front_matter_get_string (front_matter, "title");
  if (title == NULL || *title == '\0')
    title = _("Untitled post");

  page = g_string_new ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
  g_string_append (page, "<meta http-equiv=\"Content-Security-Policy\" content=\"" PAGE_CSP "\">\n");
  g_string_append (page, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  g_string_append (page, "<meta name=\"generator\" content=\"Byline " PACKAGE_VERSION "\">\n");
  g_string_append (page, "<title>");
  byline_html_escape_append (page, title, -1);
  g_string_append (page, "</title>\n");

  stylesheet = byline_profile_get_stylesheet (self->profile);
  if (stylesheet != NULL && *stylesheet != '\0')
    {
      g_string_append (page, "<style>\n");
      /* A "<" in a style element could end it early ("</style>"): CSS reads
       * the escape \3c the same way wherever a "<" can appear. */
      for (const char *p = stylesheet; *p != '\0'; p++)
        {
          if (*p == '<')
            g_string_append (page, "\\3c ");
          else
            g_string_append_c (page, *p);
        }
      g_string_append (page, "\n</style>\n");
    }

  g_string_append (page, "</head>\n<body>\n<main class=\"byline-page\">\n");
  g_string_append (page, header);
  g_string_append (page, "\n<article class=\"byline-post\">\n");
  g_string_append (page, body);
  g_string_append (page, "</article>\n</main>\n</body>\n</html>\n");

  return g_string_free (page, FALSE);
}
