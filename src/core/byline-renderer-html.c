/* byline-renderer-html.c — a body's trees to HTML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rendering a body only reads it: the Goldmark writer renders each
 * top-level block as the site's Hugo would (link targets resolved as it
 * goes), and a last pass over its HTML swaps placeholders for the
 * shortcodes' HTML and rewrites data-sourcepos attributes into post
 * coordinates.
 */

#define G_LOG_DOMAIN "byline-renderer"

#include "config.h"

#include "byline-renderer-private.h"

#include <string.h>

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
fragment_finish_html (BylineRenderPass *pass,
                      BylineFragment   *frag,
                      const char       *html,
                      gsize             len,
                      GString          *out)
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
          const char *expansion = byline_fragment_get_expansion (pass, frag, index);

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

/* Rendering a body */

static void
free_expansions (gpointer data)
{
  g_strfreev (data);
}

/* A fragment's writer, with what its URL function needs. */
typedef struct
{
  BylineGoldmark   *writer;
  BylineRenderPass *pass;
  BylineFragment   *frag;
} FragmentWriter;

static void
fragment_writer_free (gpointer data)
{
  FragmentWriter *fw = data;

  byline_goldmark_free (fw->writer);
  g_free (fw);
}

void
byline_render_pass_init (BylineRenderPass *pass,
                         BylineBody       *body)
{
  pass->body = body;
  pass->job = &body->job;
  pass->expansions = g_hash_table_new_full (NULL, NULL, NULL, free_expansions);
  pass->writers = g_hash_table_new_full (NULL, NULL, NULL, fragment_writer_free);
}

void
byline_render_pass_clear (BylineRenderPass *pass)
{
  g_clear_pointer (&pass->writers, g_hash_table_unref);
  g_clear_pointer (&pass->expansions, g_hash_table_unref);
}

/* The writer's URL function: placeholders become their calls' output and
 * links of the bundle and the site resolve against the preview's base. */
static char *
fragment_resolve_url_cb (const char *url,
                         gpointer    user_data)
{
  FragmentWriter *fw = user_data;
  BylineFragment *frag = fw->frag;
  g_autofree char *substituted = NULL;
  char *resolved;

  if (*url == '\0')
    return NULL;

  if (frag->tokens->len > 0 && strstr (url, frag->job->prefix) != NULL)
    url = substituted = byline_fragment_substitute_raw (fw->pass, frag, url);

  resolved = byline_render_job_resolve_link (frag->job, url);
  if (resolved != NULL)
    return resolved;

  return g_steal_pointer (&substituted);
}

static BylineGoldmark *
pass_get_writer (BylineRenderPass *pass,
                 BylineFragment   *frag)
{
  FragmentWriter *fw = g_hash_table_lookup (pass->writers, frag);

  if (fw == NULL)
    {
      fw = g_new0 (FragmentWriter, 1);
      fw->pass = pass;
      fw->frag = frag;
      fw->writer = byline_goldmark_new_detached (pass->job->goldmark, frag->document,
                                                 frag->out->str, frag->out->len);
      byline_goldmark_set_sourcepos (fw->writer, TRUE);
      /* Raw HTML passes through as the site allows, but the preview escapes
       * the tags GFM's tagfilter names: it shows the post, it does not run
       * it. */
      byline_goldmark_set_tagfilter (fw->writer, pass->job->tagfilter);
      byline_goldmark_set_url_func (fw->writer, fragment_resolve_url_cb, fw);
      g_hash_table_insert (pass->writers, frag, fw);
    }

  return fw->writer;
}

/* Cleans up a block's HTML: placeholders replaced, positions in the post. */
static char *
fragment_finish_block (BylineRenderPass *pass,
                       BylineFragment   *frag,
                       GString          *raw)
{
  gsize len = raw->len;
  GString *html = g_string_sized_new (len + len / 8);

  while (len > 0 && raw->str[len - 1] == '\n')
    len--;
  fragment_finish_html (pass, frag, raw->str, len, html);

  return g_string_free (html, FALSE);
}

static void
fragment_add_block (BylineRenderPass *pass,
                    BylineFragment   *frag,
                    GPtrArray        *blocks,
                    GString          *html,
                    GString          *raw,
                    guint             first,
                    guint             last)
{
  g_autofree char *block_html = fragment_finish_block (pass, frag, raw);

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

/* Renders the fragment block by block, into @blocks (with post line
 * ranges) or, when that is NULL, into @html. */
static void
fragment_render_blocks (BylineRenderPass *pass,
                        BylineFragment   *frag,
                        GPtrArray        *blocks,
                        GString          *html)
{
  BylineGoldmark *writer = pass_get_writer (pass, frag);
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

      byline_fragment_node_range (frag, node, &first_line, &last_line);

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
      next = byline_goldmark_render_block (writer, node, raw, &last);
      if (last != node)
        byline_fragment_node_range (frag, last, &unused, &last_line);
      if (raw->len > 0)
        fragment_add_block (pass, frag, blocks, html, raw, first_line, last_line);
      node = next;
    }

  g_string_truncate (raw, 0);
  byline_goldmark_render_footnotes (writer, raw);
  if (raw->len > 0)
    fragment_add_block (pass, frag, blocks, html, raw, foot_first, foot_last);
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
byline_render_pass_render_inner (BylineRenderPass *pass,
                                 guint             call,
                                 int               close,
                                 guint             depth)
{
  BylineFragment *frag = g_hash_table_lookup (pass->body->inner, GUINT_TO_POINTER (call));
  BylineFragment *temporary = NULL;
  GString *html = g_string_new (NULL);

  /* The body's build parses every inner text a render reaches; a call the
   * scanner paired across a range's edge is parsed here, for this render. */
  if (frag == NULL || frag->depth != depth)
    {
      frag = temporary = byline_fragment_parse_inner (pass->job, call, close, depth);
      byline_fragment_adjust_tree (frag);
    }

  if (is_single_paragraph (frag))
    {
      g_autoptr(GString) raw = g_string_new (NULL);
      g_autofree char *para = NULL;
      const char *content;
      gsize len;

      byline_goldmark_render_block (pass_get_writer (pass, frag),
                                    cmark_node_first_child (frag->document), raw, NULL);
      para = fragment_finish_block (pass, frag, raw);
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
      fragment_render_blocks (pass, frag, NULL, html);
    }

  if (temporary != NULL)
    {
      g_hash_table_remove (pass->writers, temporary);
      g_hash_table_remove (pass->expansions, temporary);
      byline_fragment_free (temporary);
    }

  return g_string_free (html, FALSE);
}

void
byline_render_pass_render_blocks (BylineRenderPass *pass,
                                  GPtrArray        *blocks)
{
  if (pass->body->top != NULL)
    fragment_render_blocks (pass, pass->body->top, blocks, NULL);
}
