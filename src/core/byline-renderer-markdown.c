/* byline-renderer-markdown.c — cmark's part of a render
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cmark parses the text byline-renderer-source.c made; the tree is then
 * adjusted (block shortcodes alone on their lines leave their paragraph),
 * the Goldmark writer renders each top-level block as the site's Hugo
 * would (link targets resolved as it goes), and a last pass over its HTML
 * swaps placeholders for the shortcodes' HTML and rewrites data-sourcepos
 * attributes into post coordinates.
 */

#define G_LOG_DOMAIN "byline-renderer"

#include "config.h"

#include "byline-renderer-private.h"
#include "byline-table-limit.h"

#include <cmark-gfm-core-extensions.h>
#include <stdlib.h>
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

static void
fragment_node_range (BylineFragment *frag,
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

  fragment_node_range (frag, para, &para_first, &para_last);
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

/* The writer's URL function: placeholders become their calls' output and
 * links of the bundle and the site resolve against the preview's base. */
static char *
fragment_resolve_url_cb (const char *url,
                         gpointer    user_data)
{
  BylineFragment *frag = user_data;
  g_autofree char *substituted = NULL;
  char *resolved;

  if (*url == '\0')
    return NULL;

  if (frag->tokens->len > 0 && strstr (url, frag->job->prefix) != NULL)
    url = substituted = byline_fragment_substitute_raw (frag, url);

  resolved = byline_render_job_resolve_link (frag->job, url);
  if (resolved != NULL)
    return resolved;

  return g_steal_pointer (&substituted);
}

static void
fragment_adjust_tree (BylineFragment *frag)
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

/* printf costs more than the rest of a block's positions. */
static void
append_uint (GString *out,
             guint    value)
{
  char digits[16];
  guint n = 0;

  do
    {
      digits[n++] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  while (n > 0)
    g_string_append_c (out, digits[--n]);
}

/* Rewrites a cmark data-sourcepos value ("l:c-l:c", lines and byte columns
 * of the cmark text) into post lines and byte columns. Returns the length of
 * the attribute read, 0 when it is not one. */
static gsize
fragment_rewrite_sourcepos (BylineFragment *frag,
                            const char     *attr,
                            const char     *end,
                            GString        *out)
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

  l1 = MIN (l1, byline_fragment_n_out_lines (frag));
  l2 = CLAMP (l2, l1, byline_fragment_n_out_lines (frag));

  o = byline_fragment_out_line_start (frag, l1) + (c1 > 0 ? c1 - 1 : 0);
  o = MIN (o, frag->out->len - 1);
  o = byline_fragment_map (frag, o, FALSE);
  line = byline_render_job_line_of (frag->job, o, &line_start);
  g_string_append (out, " data-sourcepos=\"");
  append_uint (out, line);
  g_string_append_c (out, ':');
  append_uint (out, (guint) (o - line_start + 1));
  g_string_append_c (out, '-');

  if (c2 == 0)
    {
      append_uint (out, byline_fragment_first_post_line (frag, l2));
      g_string_append (out, ":0\"");
    }
  else
    {
      o = byline_fragment_out_line_start (frag, l2) + c2 - 1;
      o = MIN (o, frag->out->len - 1);
      o = byline_fragment_map (frag, o, TRUE);
      line = byline_render_job_line_of (frag->job, o, &line_start);
      append_uint (out, line);
      g_string_append_c (out, ':');
      append_uint (out, (guint) (o - line_start + 1));
      g_string_append_c (out, '"');
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
fragment_finish_html (BylineFragment *frag,
                      const char     *html,
                      gsize           len,
                      GString        *out)
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
          byline_fragment_parse_token (frag, html + i, len - i, &index, &token_len))
        {
          const char *expansion = byline_fragment_get_expansion (frag, index);

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
fragment_init (BylineFragment  *frag,
               BylineRenderJob *job,
               guint            depth)
{
  memset (frag, 0, sizeof *frag);
  frag->job = job;
  frag->depth = depth;
  frag->out = g_string_new (NULL);
  frag->segments = g_array_new (FALSE, FALSE, sizeof (BylineFragmentSegment));
  frag->tokens = g_array_new (FALSE, FALSE, sizeof (BylineFragmentToken));
  frag->out_lines = g_array_new (FALSE, FALSE, sizeof (gsize));
}

static void
fragment_clear (BylineFragment *frag)
{
  for (guint i = 0; i < frag->tokens->len; i++)
    g_free (g_array_index (frag->tokens, BylineFragmentToken, i).expansion);

  g_clear_pointer (&frag->writer, byline_goldmark_free);
  g_clear_pointer (&frag->document, cmark_node_free);
  g_clear_pointer (&frag->split, g_ptr_array_unref);
  g_clear_pointer (&frag->parser, cmark_parser_free);
  g_clear_pointer (&frag->ranges, g_hash_table_unref);
  g_array_unref (frag->out_lines);
  g_array_unref (frag->tokens);
  g_array_unref (frag->segments);
  g_string_free (frag->out, TRUE);
}

void
byline_renderer_ensure_extensions (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      cmark_gfm_core_extensions_ensure_registered ();
      g_once_init_leave (&registered, 1);
    }
}

static void
fragment_parse (BylineFragment *frag)
{
  g_autoptr(GArray) large_tables = NULL;

  byline_renderer_ensure_extensions ();

  frag->parser = byline_goldmark_parser_new (frag->job->goldmark);

  /* Tables past cmark-gfm's safe size become text (the linter says so). */
  large_tables = byline_table_limit_apply (frag->out->str, frag->out->len);

  cmark_parser_feed (frag->parser, frag->out->str, frag->out->len);
  frag->document = cmark_parser_finish (frag->parser);

  fragment_adjust_tree (frag);

  frag->writer = byline_goldmark_new (frag->job->goldmark, frag->document,
                                      frag->out->str, frag->out->len);
  byline_goldmark_set_sourcepos (frag->writer, TRUE);
  /* Raw HTML passes through as the site allows, but the preview escapes the
   * tags GFM's tagfilter names: it shows the post, it does not run it. */
  byline_goldmark_set_tagfilter (frag->writer, frag->job->tagfilter);
  byline_goldmark_set_url_func (frag->writer, fragment_resolve_url_cb, frag);
  byline_render_site_bind_hooks (frag->job->site_render, frag, frag->writer);
}

/* Cleans up a block's HTML: placeholders replaced, positions in the post. */
static char *
fragment_finish_block (BylineFragment *frag,
                       GString        *raw)
{
  gsize len = raw->len;
  GString *html = g_string_sized_new (len + len / 8);

  while (len > 0 && raw->str[len - 1] == '\n')
    len--;
  fragment_finish_html (frag, raw->str, len, html);

  return g_string_free (html, FALSE);
}

static void
fragment_add_block (BylineFragment *frag,
                    GPtrArray      *blocks,
                    GString        *html,
                    GString        *raw,
                    guint           first,
                    guint           last)
{
  g_autofree char *block_html = fragment_finish_block (frag, raw);

  if (blocks != NULL)
    {
      BylineBlock *block = g_new0 (BylineBlock, 1);

      block->html = g_steal_pointer (&block_html);
      block->first_line = byline_fragment_first_post_line (frag, first);
      block->last_line = MAX (byline_fragment_last_post_line (frag, last), block->first_line);
      g_ptr_array_add (blocks, block);
    }
  else
    {
      g_string_append (html, block_html);
      g_string_append_c (html, '\n');
    }
}

/* Renders the parsed fragment block by block, into @blocks (with post line
 * ranges) or, when that is NULL, into @html. */
static void
fragment_render_blocks (BylineFragment *frag,
                        GPtrArray      *blocks,
                        GString        *html)
{
  g_autoptr(GString) raw = g_string_new (NULL);
  guint foot_first = G_MAXUINT;
  guint foot_last = 0;
  cmark_node *node = cmark_node_first_child (frag->document);

  while (node != NULL)
    {
      cmark_node *last = node;
      cmark_node *next;
      guint first_line;
      guint last_line;
      guint unused;

      fragment_node_range (frag, node, &first_line, &last_line);

      /* Goldmark writes footnote definitions as one list at the end; it
       * makes one block, over the lines of all of them. */
      if (cmark_node_get_type (node) == CMARK_NODE_FOOTNOTE_DEFINITION)
        {
          foot_first = MIN (foot_first, first_line);
          foot_last = MAX (foot_last, last_line);
          node = cmark_node_next (node);
          continue;
        }

      g_string_truncate (raw, 0);
      next = byline_goldmark_render_block (frag->writer, node, raw, &last);
      if (last != node)
        fragment_node_range (frag, last, &unused, &last_line);
      if (raw->len > 0)
        fragment_add_block (frag, blocks, html, raw, first_line, last_line);
      node = next;
    }

  g_string_truncate (raw, 0);
  byline_goldmark_render_footnotes (frag->writer, raw);
  if (raw->len > 0)
    fragment_add_block (frag, blocks, html, raw, foot_first, foot_last);
}

/* Hugo's markdownify, which callouts use, drops the <p> around an inner text
 * that is one paragraph. */
static gboolean
is_single_paragraph (BylineFragment *frag)
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
  BylineFragment frag;
  GString *html = g_string_new (NULL);

  fragment_init (&frag, job, depth);
  byline_fragment_build (&frag, start, end, first_call, end_call, TRUE);
  fragment_parse (&frag);

  if (is_single_paragraph (&frag))
    {
      g_autoptr(GString) raw = g_string_new (NULL);
      g_autofree char *para = NULL;
      const char *content;
      gsize len;

      byline_goldmark_render_block (frag.writer, cmark_node_first_child (frag.document), raw,
                                    NULL);
      para = fragment_finish_block (&frag, raw);
      content = para;
      len = strlen (para);

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

void
byline_render_job_render_blocks (BylineRenderJob *job,
                                 gsize            start,
                                 gsize            end,
                                 GPtrArray       *blocks)
{
  BylineFragment frag;

  fragment_init (&frag, job, 0);
  byline_fragment_build (&frag, start, end, 0, job->calls->len, FALSE);
  fragment_parse (&frag);
  fragment_render_blocks (&frag, blocks, NULL);
  fragment_clear (&frag);
}
