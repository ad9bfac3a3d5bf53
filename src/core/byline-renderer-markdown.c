/* byline-renderer-markdown.c — the body's trees: parsed once, adjusted, frozen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Building a body: cmark parses the text byline-renderer-source.c made, for
 * the body and for the Markdown inner text of each shortcode that has one;
 * byline-body.c notes what the rules read; the trees are then adjusted for
 * rendering (block shortcodes alone on their lines leave their paragraph)
 * and frozen. byline-renderer-html.c renders them with the Goldmark writer,
 * which resolves link targets as it goes.
 */

#define G_LOG_DOMAIN "byline-renderer"

#include "config.h"

#include "byline-renderer-private.h"
#include "byline-markdown.h"
#include "byline-table-limit.h"

#include <string.h>

/* Lines (in the cmark text) of a block node the renderer made itself, which
 * cmark knows no position for. */
typedef struct
{
  guint first;
  guint last;
} OutRange;

/* Adjusting the tree */

static void
fragment_set_range (BylineFragment *frag,
                    cmark_node     *node,
                    guint           first,
                    guint           last)
{
  OutRange *range = g_new (OutRange, 1);

  if (frag->ranges == NULL)
    frag->ranges = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  range->first = first;
  range->last = MAX (first, last);
  g_hash_table_insert (frag->ranges, node, range);
}

void
byline_fragment_node_range (BylineFragment *frag,
                            cmark_node     *node,
                            guint          *first,
                            guint          *last)
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
fragment_text_is_block (BylineFragment *frag,
                        cmark_node     *node,
                        guint          *first_token)
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
      BylineFragmentToken *token;

      while (i < len && byline_is_blank_char (literal[i]))
        i++;
      if (i == len)
        return any;

      if (!byline_fragment_parse_token (frag, literal + i, len - i, &index, &token_len))
        return FALSE;

      token = &g_array_index (frag->tokens, BylineFragmentToken, index);
      if (!byline_render_job_call_is_block (frag->job, token->call))
        return FALSE;

      if (!any)
        *first_token = index;
      any = TRUE;
      i += token_len;
    }
}

static void
mark_block_tokens (BylineFragment *frag,
                   const char     *literal)
{
  gsize len = strlen (literal);

  for (gsize i = 0; i < len; i++)
    {
      guint index;
      gsize token_len;

      if (byline_fragment_parse_token (frag, literal + i, len - i, &index, &token_len))
        {
          g_array_index (frag->tokens, BylineFragmentToken, index).block = TRUE;
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
fragment_split_paragraph (BylineFragment *frag,
                          cmark_node     *para)
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

  byline_fragment_node_range (frag, para, &para_first, &para_last);
  run_first = para_first;

  for (guint i = 0; i < children->len; i++)
    {
      cmark_node *child = g_ptr_array_index (children, i);

      if (alone[i])
        {
          const BylineFragmentToken *token =
            &g_array_index (frag->tokens, BylineFragmentToken, first_tokens[i]);
          guint line = byline_fragment_out_line_of (frag, token->out_offset);
          g_autofree char *literal = g_strdup (cmark_node_get_literal (child));
          /* The renderer's own HTML: a custom block, which the writer
           * writes whatever the site says of raw HTML. */
          cmark_node *html = cmark_node_new (CMARK_NODE_CUSTOM_BLOCK);

          if (run != NULL)
            fragment_set_range (frag, run, run_first, line > run_first ? line - 1 : run_first);
          run = NULL;

          g_strstrip (literal);
          mark_block_tokens (frag, literal);
          cmark_node_set_on_enter (html, literal);
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

void
byline_fragment_adjust_tree (BylineFragment *frag)
{
  g_autoptr(GPtrArray) paragraphs = NULL;
  cmark_iter *iter;
  cmark_event_type event;

  /* Only block shortcodes alone on their lines change the tree. */
  if (frag->tokens->len == 0)
    return;

  paragraphs = g_ptr_array_new ();
  iter = cmark_iter_new (frag->document);

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node;

      if (event != CMARK_EVENT_ENTER)
        continue;

      node = cmark_iter_get_node (iter);
      switch ((int) cmark_node_get_type (node))
        {
        case CMARK_NODE_PARAGRAPH:
          g_ptr_array_add (paragraphs, node);
          break;

        default:
          break;
        }
    }
  cmark_iter_free (iter);

  for (guint i = 0; i < paragraphs->len; i++)
    fragment_split_paragraph (frag, g_ptr_array_index (paragraphs, i));
}

/* Fragments */

static BylineFragment *
fragment_new (BylineRenderJob *job,
              guint            depth,
              int              call)
{
  BylineFragment *frag = g_new0 (BylineFragment, 1);

  frag->job = job;
  frag->depth = depth;
  frag->call = call;
  frag->out = g_string_new (NULL);
  frag->segments = g_array_new (FALSE, FALSE, sizeof (BylineFragmentSegment));
  frag->tokens = g_array_new (FALSE, FALSE, sizeof (BylineFragmentToken));
  frag->out_lines = g_array_new (FALSE, FALSE, sizeof (gsize));
  return frag;
}

void
byline_fragment_free (BylineFragment *frag)
{
  g_clear_pointer (&frag->document, cmark_node_free);
  g_clear_pointer (&frag->large_tables, g_array_unref);
  g_clear_pointer (&frag->split, g_ptr_array_unref);
  g_clear_pointer (&frag->ranges, g_hash_table_unref);
  g_array_unref (frag->out_lines);
  g_array_unref (frag->tokens);
  g_array_unref (frag->segments);
  g_string_free (frag->out, TRUE);
  g_free (frag);
}

/* The fragment of [start, end) with the calls first_call .. end_call - 1
 * that lie directly in it, parsed. */
static BylineFragment *
fragment_parse (BylineRenderJob *job,
                gsize            start,
                gsize            end,
                guint            first_call,
                guint            end_call,
                gboolean         dedent,
                guint            depth,
                int              call)
{
  BylineFragment *frag = fragment_new (job, depth, call);

  byline_fragment_build (frag, start, end, first_call, end_call, dedent);
  /* Tables past cmark-gfm's safe size become text (the linter says so). */
  frag->large_tables = byline_table_limit_apply (frag->out->str, frag->out->len);
  for (guint i = 0; frag->large_tables != NULL && i < frag->large_tables->len; i++)
    {
      BylineLargeTable *table = &g_array_index (frag->large_tables, BylineLargeTable, i);

      table->offset = byline_fragment_map (frag, table->offset, FALSE);
    }
  frag->document = byline_markdown_parse (job->goldmark, frag->out->str, frag->out->len);
  return frag;
}

/* The inner text of the paired call @call, as a fragment at @depth. */
BylineFragment *
byline_fragment_parse_inner (BylineRenderJob *job,
                             guint            call,
                             int              close,
                             guint            depth)
{
  const BylineShortcode *opening = g_ptr_array_index (job->calls, call);
  const BylineShortcode *closing = g_ptr_array_index (job->calls, close);

  return fragment_parse (job, opening->span.end, closing->span.start, call + 1, (guint) close,
                         TRUE, depth, (int) call);
}

/* Building a body */

static void
body_free (BylineBody *self)
{
  g_clear_pointer (&self->inner, g_hash_table_unref);
  g_clear_pointer (&self->roots, g_hash_table_unref);
  g_clear_pointer (&self->fragments, g_ptr_array_unref);
  g_clear_pointer (&self->headings, g_ptr_array_unref);
  g_clear_pointer (&self->links, g_array_unref);
  g_clear_pointer (&self->code_blocks, g_array_unref);
  g_clear_pointer (&self->block_quotes, g_array_unref);
  g_clear_pointer (&self->code_ranges, g_array_unref);
  g_clear_pointer (&self->html, g_array_unref);
  g_clear_pointer (&self->large_tables, g_array_unref);
  g_clear_pointer (&self->site_url, g_free);
  g_clear_pointer (&self->job.splice, byline_render_site_free);
  g_clear_pointer (&self->goldmark, byline_goldmark_settings_free);
  g_clear_object (&self->post);
  g_clear_object (&self->renderer);
}

BylineBody *
byline_body_ref (BylineBody *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
byline_body_unref (BylineBody *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) body_free);
}

static void
body_add_fragment (BylineBody     *self,
                   BylineFragment *frag)
{
  g_ptr_array_add (self->fragments, frag);
  g_hash_table_insert (self->roots, frag->document, frag);
  if (frag->call >= 0)
    g_hash_table_insert (self->inner, GUINT_TO_POINTER ((guint) frag->call), frag);
  if (frag->large_tables != NULL)
    g_array_append_vals (self->large_tables, frag->large_tables->data, frag->large_tables->len);
}

static void body_parse_calls (BylineBody *self,
                              guint       first_call,
                              guint       end_call,
                              gsize       start,
                              gsize       end,
                              guint       depth);

/* Parses the inner texts a render of the call at @call (at @depth) will
 * need: its own, when it is Markdown, and those of the calls inside it. */
static void
body_parse_call (BylineBody *self,
                 guint       call,
                 int         close,
                 guint       depth)
{
  BylineRenderJob *job = &self->job;
  const BylineShortcode *opening = g_ptr_array_index (job->calls, call);
  const BylineShortcode *closing;
  gboolean for_hugo = FALSE;

  if (close < 0 || depth + 1 >= BYLINE_RENDERER_MAX_DEPTH)
    return;

  closing = g_ptr_array_index (job->calls, close);
  if (byline_render_job_inner_is_markdown (job, call, &for_hugo))
    {
      BylineFragment *inner = byline_fragment_parse_inner (job, call, close, depth + 1);

      inner->linted = for_hugo;
      body_add_fragment (self, inner);
    }

  /* The calls inside are rendered at the next depth, in Markdown or as
   * the plain inner text's substitutions. */
  body_parse_calls (self, call + 1, (guint) close, opening->span.end, closing->span.start,
                    depth + 1);
}

static void
body_parse_calls (BylineBody *self,
                  guint       first_call,
                  guint       end_call,
                  gsize       start,
                  gsize       end,
                  guint       depth)
{
  guint index = first_call;
  guint call;
  int close;
  gsize extent_end;

  while (byline_render_job_next_call (&self->job, &index, end_call, start, end,
                                      &call, &close, &extent_end))
    body_parse_call (self, call, close, depth);
}

static int
compare_large_tables (gconstpointer a,
                      gconstpointer b)
{
  const BylineLargeTable *ta = a;
  const BylineLargeTable *tb = b;

  return (ta->offset > tb->offset) - (ta->offset < tb->offset);
}

BylineBody *
byline_body_build (BylineRenderer *renderer,
                   BylinePost     *post)
{
  BylineBody *self = g_atomic_rc_box_new0 (BylineBody);
  const BylinePostLayout *layout;

  self->renderer = g_object_ref (renderer);
  self->post = g_object_ref (post);
  self->fragments = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_fragment_free);
  self->inner = g_hash_table_new (NULL, NULL);
  self->roots = g_hash_table_new (NULL, NULL);
  self->headings = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_heading_free);
  self->links = g_array_new (FALSE, TRUE, sizeof (BylineBodyLink));
  g_array_set_clear_func (self->links, (GDestroyNotify) byline_body_link_clear);
  self->code_blocks = g_array_new (FALSE, TRUE, sizeof (BylineBodyCode));
  g_array_set_clear_func (self->code_blocks, (GDestroyNotify) byline_body_code_clear);
  self->block_quotes = g_array_new (FALSE, TRUE, sizeof (BylineBodyQuote));
  self->code_ranges = g_array_new (FALSE, FALSE, sizeof (BylineRange));
  self->html = g_array_new (FALSE, TRUE, sizeof (BylineBodyHtml));
  g_array_set_clear_func (self->html, (GDestroyNotify) byline_body_html_clear);
  self->large_tables = g_array_new (FALSE, FALSE, sizeof (BylineLargeTable));

  byline_renderer_init_job (renderer, post, &self->job, &self->site_url);
  /* The trees are parsed and written with the same settings, whatever
   * the renderer is told later. */
  self->goldmark = byline_goldmark_settings_copy (self->job.goldmark);
  self->job.goldmark = self->goldmark;
  if (!byline_renderer_post_is_renderable (post))
    return self;

  layout = byline_post_get_layout (post);
  /* {{% %}} calls of the site's shortcodes are read with the page. */
  for (guint i = 0; i < self->job.calls->len; i++)
    if (((const BylineShortcode *) g_ptr_array_index (self->job.calls, i))->delim ==
        BYLINE_SHORTCODE_PERCENT)
      {
        self->job.splice = byline_render_site_new (self->job.site, post);
        break;
      }
  self->top = fragment_parse (&self->job, MIN (layout->body_start, self->job.length),
                              self->job.length, 0, self->job.calls->len, FALSE, 0, -1);
  self->top->linted = TRUE;
  body_add_fragment (self, self->top);
  body_parse_calls (self, 0, self->job.calls->len, self->top->start, self->top->end, 0);

  g_array_sort (self->large_tables, compare_large_tables);

  /* The rules read the trees as cmark made them. */
  for (guint i = 0; i < self->fragments->len; i++)
    {
      BylineFragment *frag = g_ptr_array_index (self->fragments, i);

      if (frag->linted)
        byline_body_collect_facts (self, frag);
    }
  byline_body_sort_facts (self);

  for (guint i = 0; i < self->fragments->len; i++)
    {
      BylineFragment *frag = g_ptr_array_index (self->fragments, i);

      byline_fragment_adjust_tree (frag);
      byline_markdown_freeze (frag->document);
    }

  return self;
}

