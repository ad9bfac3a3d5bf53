/* byline-body.c — a post's body, parsed once: what it hands out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The trees are built in byline-renderer-markdown.c. Here: the accessors,
 * the way from cmark's positions back to the post, and the facts the rules
 * read (headings, links, code, block quotes, raw HTML), noted from each
 * tree as cmark made it, before it is adjusted for rendering.
 */

#define G_LOG_DOMAIN "byline-body"

#include "config.h"

#include "byline-renderer-private.h"

#include <string.h>

#include "byline-markdown.h"

G_DEFINE_BOXED_TYPE (BylineBody, byline_body, byline_body_ref, byline_body_unref)

void
byline_heading_free (BylineHeading *heading)
{
  g_free (heading->text);
  g_free (heading);
}

void
byline_body_link_clear (BylineBodyLink *link)
{
  g_clear_pointer (&link->url, g_free);
  g_clear_pointer (&link->alt, g_free);
}

void
byline_body_code_clear (BylineBodyCode *code)
{
  g_clear_pointer (&code->info, g_free);
  g_clear_pointer (&code->literal, g_free);
}

void
byline_body_html_clear (BylineBodyHtml *html)
{
  g_clear_pointer (&html->literal, g_free);
}

/* Positions */

/* The end of the line of the fragment's text holding @out, before its
 * line break. */
static gsize
out_line_end (BylineFragment *frag,
              gsize           out)
{
  const char *text = frag->out->str;
  const char *nl;
  gsize end;

  out = MIN (out, frag->out->len);
  nl = memchr (text + out, '\n', frag->out->len - out);
  end = nl != NULL ? (gsize) (nl - text) : frag->out->len;
  if (end > out && text[end - 1] == '\r')
    end--;
  return end;
}

static gsize
out_position (BylineFragment *frag,
              int             line,
              int             column)
{
  if (line <= 0)
    return 0;
  return MIN (byline_fragment_out_line_start (frag, (guint) line) + (gsize) MAX (column, 1) - 1,
              frag->out->len);
}

/* The post offset of the fragment's byte at @out; its end past the text. */
static gsize
post_offset (BylineFragment *frag,
             gsize           out)
{
  if (out >= frag->out->len)
    return frag->out->len == 0 ? frag->start
                               : byline_fragment_map (frag, frag->out->len - 1, TRUE) + 1;
  return byline_fragment_map (frag, out, FALSE);
}

/* The post offset just past the fragment's [.., @out_end). */
static gsize
post_end (BylineFragment *frag,
          gsize           out_end)
{
  if (out_end == 0 || frag->out->len == 0)
    return post_offset (frag, 0);
  return byline_fragment_map (frag, MIN (out_end, frag->out->len) - 1, TRUE) + 1;
}

static gboolean
is_inline (cmark_node *node)
{
  return (cmark_node_get_type (node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE;
}

/* cmark-gfm gives inline nodes columns that leave out the whitespace it
 * strips from a paragraph's continuation lines; this puts it back. */
static gsize
inline_out (BylineFragment *frag,
            cmark_node     *block,
            int             line,
            int             column)
{
  gsize start;
  gsize shift = 0;

  if (line <= 0)
    return 0;

  start = byline_fragment_out_line_start (frag, (guint) line);
  if (block != NULL && line != cmark_node_get_start_line (block))
    {
      gsize p = start + (gsize) MAX (cmark_node_get_start_column (block), 1) - 1;
      gsize end = out_line_end (frag, start);

      while (p < end && (frag->out->str[p] == ' ' || frag->out->str[p] == '\t'))
        {
          shift++;
          p++;
        }
    }

  return MIN (start + (gsize) MAX (column, 1) - 1 + shift, frag->out->len);
}

static BylineFragment *
fragment_of (BylineBody *self,
             cmark_node *node)
{
  cmark_node *root = node;

  while (cmark_node_parent (root) != NULL)
    root = cmark_node_parent (root);
  return g_hash_table_lookup (self->roots, root);
}

/* Public accessors */

cmark_node *
byline_body_get_document (BylineBody *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->top != NULL ? self->top->document : NULL;
}

cmark_node *
byline_body_get_inner_document (BylineBody *self,
                                guint       call)
{
  BylineFragment *frag;

  g_return_val_if_fail (self != NULL, NULL);

  frag = g_hash_table_lookup (self->inner, GUINT_TO_POINTER (call));
  return frag != NULL ? frag->document : NULL;
}

gsize
byline_body_get_offset (BylineBody *self,
                        cmark_node *node,
                        int         line,
                        int         column)
{
  BylineFragment *frag;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (node != NULL, 0);

  frag = fragment_of (self, node);
  g_return_val_if_fail (frag != NULL, 0);

  if (is_inline (node))
    return post_offset (frag, inline_out (frag, byline_markdown_enclosing_block (node), line, column));
  return post_offset (frag, out_position (frag, line, column));
}

GPtrArray *
byline_body_get_linted_documents (BylineBody *self)
{
  GPtrArray *documents;

  g_return_val_if_fail (self != NULL, NULL);

  documents = g_ptr_array_new ();
  for (guint i = 0; self->fragments != NULL && i < self->fragments->len; i++)
    {
      BylineFragment *frag = g_ptr_array_index (self->fragments, i);

      if (frag->linted)
        g_ptr_array_add (documents, frag->document);
    }
  return documents;
}

gsize
byline_body_get_node_start (BylineBody *self,
                            cmark_node *node)
{
  return byline_body_get_offset (self, node, cmark_node_get_start_line (node),
                                 cmark_node_get_start_column (node));
}

gboolean
byline_body_find_placeholder (BylineBody *self,
                              cmark_node *node,
                              const char *text,
                              gsize       length,
                              guint      *call,
                              gsize      *placeholder_length)
{
  BylineFragment *frag;
  guint index;
  gsize token_len;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (node != NULL, FALSE);
  g_return_val_if_fail (text != NULL || length == 0, FALSE);

  frag = fragment_of (self, node);
  if (frag == NULL || !byline_fragment_parse_token (frag, text, length, &index, &token_len))
    return FALSE;

  if (call != NULL)
    *call = g_array_index (frag->tokens, BylineFragmentToken, index).call;
  if (placeholder_length != NULL)
    *placeholder_length = token_len;
  return TRUE;
}

GPtrArray *
byline_body_get_headings (BylineBody *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->headings;
}

guint
byline_body_get_word_count (BylineBody *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->word_count;
}

/* Facts */

typedef struct
{
  BylineBody     *body;
  BylineFragment *frag;
  gboolean        has_link;      /* this fragment has a link already */
  gsize           link_out_end;  /* the end of its last one, in its text */
} Collector;

static gsize
node_out_start (BylineFragment *frag,
                cmark_node     *node)
{
  return out_position (frag, cmark_node_get_start_line (node), cmark_node_get_start_column (node));
}

/* A block node's last line: cmark-gfm ends some blocks (setext headings,
 * lists, indented code) at column 0 of the line after their last one. */
static int
node_end_line (cmark_node *node)
{
  int line = cmark_node_get_end_line (node);

  if (cmark_node_get_end_column (node) == 0 && line > cmark_node_get_start_line (node))
    line--;
  return line;
}

/* The end of a block node's last line, in the fragment's text. */
static gsize
node_out_end (BylineFragment *frag,
              cmark_node     *node)
{
  int line = node_end_line (node);

  if (line <= 0)
    return node_out_start (frag, node);
  return out_line_end (frag, out_position (frag, line, 1));
}

/* The post's line start and line end around @offset. */
static gsize
post_line_start (BylineBody *body,
                 gsize       offset)
{
  const char *text = body->job.text;

  while (offset > 0 && text[offset - 1] != '\n')
    offset--;
  return offset;
}

static gsize
post_line_end (BylineBody *body,
               gsize       offset)
{
  const char *text = body->job.text;
  gsize length = body->job.length;
  const char *nl = memchr (text + offset, '\n', length - MIN (offset, length));
  gsize end = nl != NULL ? (gsize) (nl - text) : length;

  if (end > offset && text[end - 1] == '\r')
    end--;
  return end;
}

static void
add_code_range (BylineBody *body,
                gsize       start,
                gsize       end)
{
  BylineRange range = { start, end };

  if (start < end)
    g_array_append_val (body->code_ranges, range);
}

/* The plain text of a node's inline children, calls as written. */
static char *
plain_text (BylineFragment *frag,
            cmark_node     *node)
{
  g_autoptr(GString) raw = g_string_new (NULL);
  cmark_iter *iter = cmark_iter_new (node);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *child = cmark_iter_get_node (iter);

      if (event != CMARK_EVENT_ENTER)
        continue;
      switch ((int) cmark_node_get_type (child))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          g_string_append (raw, cmark_node_get_literal (child));
          break;

        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (raw, ' ');
          break;

        default:
          break;
        }
    }
  cmark_iter_free (iter);

  return byline_fragment_substitute_source (frag, raw->str);
}

static void
collect_heading (Collector  *c,
                 cmark_node *node)
{
  BylineHeading *heading = g_new0 (BylineHeading, 1);
  gsize start = post_offset (c->frag, node_out_start (c->frag, node));

  heading->level = (guint) cmark_node_get_heading_level (node);
  heading->text = plain_text (c->frag, node);
  heading->span.start = start;
  heading->span.end = MAX (post_line_end (c->body,
                                          post_offset (c->frag,
                                                       out_position (c->frag,
                                                                     node_end_line (node), 1))),
                           start);
  byline_line_index_fill_span (c->body->job.lines, &heading->span);
  heading->node = node;
  g_ptr_array_add (c->body->headings, heading);
}

static void
collect_code_block (Collector  *c,
                    cmark_node *node)
{
  BylineFragment *frag = c->frag;
  BylineBodyCode code = { 0, };
  int fence_length = 0, fence_offset = 0;
  char fence_char = 0;
  const char *info = cmark_node_get_fence_info (node);
  const char *literal = cmark_node_get_literal (node);

  code.start = post_offset (frag, node_out_start (frag, node));
  code.line_start = post_line_start (c->body, code.start);
  code.end = MAX (post_line_end (c->body,
                                 post_offset (frag, out_position (frag, node_end_line (node), 1))),
                  code.start);
  code.fenced = cmark_node_get_fenced (node, &fence_length, &fence_offset, &fence_char);
  code.info = byline_fragment_substitute_source (frag, info != NULL ? info : "");
  code.literal = byline_fragment_substitute_source (frag, literal != NULL ? literal : "");
  g_array_append_val (c->body->code_blocks, code);

  add_code_range (c->body, code.line_start, code.end);
}

static void
collect_code_span (Collector  *c,
                   cmark_node *node,
                   cmark_node *block)
{
  BylineBody *body = c->body;
  BylineFragment *frag = c->frag;
  const char *text = body->job.text;
  gsize start, end, block_end, low;

  if (cmark_node_get_start_line (node) <= 0 || block == NULL)
    return;

  /* The columns point at the content, inside the backticks. */
  start = post_offset (frag, inline_out (frag, block, cmark_node_get_start_line (node),
                                         cmark_node_get_start_column (node)));
  end = post_end (frag, inline_out (frag, block, cmark_node_get_end_line (node),
                                    cmark_node_get_end_column (node)) + 1);
  block_end = post_line_end (body, post_offset (frag, out_position (frag,
                                                                   node_end_line (block), 1)));
  end = MIN (end, block_end);

  /* Widen to the backticks (and the one space cmark-gfm strips inside them). */
  low = post_line_start (body, start);
  {
    gsize s = start;

    if (s > low && text[s - 1] == ' ')
      s--;
    if (s > low && text[s - 1] == '`')
      {
        while (s > low && text[s - 1] == '`')
          s--;
        start = s;
      }
  }
  {
    gsize e = end;

    if (e < block_end && text[e] == ' ')
      e++;
    if (e < block_end && text[e] == '`')
      {
        while (e < block_end && text[e] == '`')
          e++;
        end = e;
      }
  }

  add_code_range (body, start, end);
}

static gsize
find_in_out (BylineFragment *frag,
             gsize           from,
             gsize           to,
             const char     *needle,
             gsize           needle_len,
             gboolean       *found)
{
  const char *at;

  *found = FALSE;
  if (needle_len == 0 || from >= to || to > frag->out->len)
    return from;
  at = byline_text_find_bytes (frag->out->str + from, to - from, needle, needle_len);
  if (at == NULL)
    return from;
  *found = TRUE;
  return (gsize) (at - frag->out->str);
}

/* The text of an image node's description, as a screen reader gets it. */
static void
append_alt_text (GString    *out,
                 cmark_node *node)
{
  for (cmark_node *child = cmark_node_first_child (node); child != NULL;
       child = cmark_node_next (child))
    {
      const char *literal = cmark_node_get_literal (child);

      if (literal != NULL)
        g_string_append (out, literal);
      append_alt_text (out, child);
    }
}

static void
collect_link (Collector  *c,
              cmark_node *node,
              cmark_node *block)
{
  BylineFragment *frag = c->frag;
  BylineBodyLink link = { 0, };
  const char *raw_url = cmark_node_get_url (node);
  gsize block_start, block_end;
  gsize start, end, url_start = 0, url_end = 0;
  gsize url_len;
  gboolean found;

  if (raw_url == NULL)
    raw_url = "";
  url_len = strlen (raw_url);
  link.image = cmark_node_get_type (node) == CMARK_NODE_IMAGE;
  link.url = byline_fragment_substitute_source (frag, raw_url);
  link.generated = strstr (raw_url, frag->job->prefix) != NULL;
  if (link.image)
    {
      GString *alt = g_string_new (NULL);

      append_alt_text (alt, node);
      link.alt = g_strstrip (g_string_free (alt, FALSE));
    }

  block_start = block != NULL ? node_out_start (frag, block) : 0;
  block_end = block != NULL ? node_out_end (frag, block) : frag->out->len;

  if (cmark_node_get_start_line (node) > 0)
    {
      const char *opener = link.image ? "![" : "[";

      start = inline_out (frag, block, cmark_node_get_start_line (node),
                          cmark_node_get_start_column (node));
      start = find_in_out (frag, start, block_end, opener, strlen (opener), &found);
      end = inline_out (frag, block, cmark_node_get_end_line (node),
                        cmark_node_get_end_column (node)) + 1;
      end = CLAMP (end, start + 1, MAX (block_end, start + 1));

      url_start = find_in_out (frag, start, block_end, raw_url, url_len, &found);
      if (found)
        {
          url_end = url_start + url_len;
          if (url_end > end)
            end = MIN (url_end + 1, block_end);
        }
      else
        url_start = url_end = start;
    }
  else
    {
      /* Autolinks (www.x.com, https://…) carry no position: find their text
       * in the block, after the block's earlier autolinks. */
      cmark_node *child = cmark_node_first_child (node);
      const char *literal = child != NULL ? cmark_node_get_literal (child) : NULL;
      const char *needle = literal != NULL ? literal : raw_url;
      gsize from = block_start;

      if (c->has_link && c->link_out_end > from && c->link_out_end <= block_end)
        from = c->link_out_end;

      start = find_in_out (frag, from, block_end, needle, strlen (needle), &found);
      if (!found)
        {
          byline_body_link_clear (&link);
          return;
        }
      end = start + strlen (needle);
      if (needle == raw_url)
        {
          url_start = start;
          url_end = end;
        }
      else
        url_start = url_end = start;
    }

  link.start = post_offset (frag, start);
  link.end = MAX (post_end (frag, end), link.start);
  if (url_end > url_start)
    {
      link.url_start = post_offset (frag, url_start);
      link.url_end = post_end (frag, url_end);
    }
  else
    link.url_start = link.url_end = link.start;

  g_array_append_val (c->body->links, link);
  c->has_link = TRUE;
  c->link_out_end = end;
}

static gboolean
inside_link (cmark_node *node)
{
  for (cmark_node *p = cmark_node_parent (node); p != NULL; p = cmark_node_parent (p))
    if (cmark_node_get_type (p) == CMARK_NODE_LINK || cmark_node_get_type (p) == CMARK_NODE_IMAGE)
      return TRUE;
  return FALSE;
}

/* The addresses of a text node that the writer's linkify makes links of
 * (https://…, www.…, a@b.org): links to the rules too. */
static void
collect_linkified (Collector  *c,
                   cmark_node *node,
                   cmark_node *block)
{
  BylineFragment *frag = c->frag;
  const char *literal = cmark_node_get_literal (node);
  gsize length = literal != NULL ? strlen (literal) : 0;
  gsize from = 0;
  gsize start, end;
  char *url;

  if (length == 0 || inside_link (node))
    return;

  while (byline_goldmark_next_linkified (frag->job->goldmark, literal, length, &from,
                                         &start, &end, &url))
    {
      BylineBodyLink link = { 0, };
      gsize block_start = block != NULL ? node_out_start (frag, block) : 0;
      gsize block_end = block != NULL ? node_out_end (frag, block) : frag->out->len;
      gsize out_start;
      gboolean found;

      link.url = byline_fragment_substitute_source (frag, url);
      g_free (url);
      if (c->has_link && c->link_out_end > block_start && c->link_out_end <= block_end)
        block_start = c->link_out_end;
      out_start = find_in_out (frag, block_start, block_end, literal + start, end - start,
                               &found);
      if (!found)
        {
          byline_body_link_clear (&link);
          continue;
        }

      /* No destination written apart from the text: no fix rewrites it. */
      link.start = link.url_start = link.url_end = post_offset (frag, out_start);
      link.end = MAX (post_end (frag, out_start + (end - start)), link.start);
      g_array_append_val (c->body->links, link);
      c->has_link = TRUE;
      c->link_out_end = out_start + (end - start);
    }
}

static void
collect_html (Collector  *c,
              cmark_node *node)
{
  BylineBodyHtml html = { 0, };
  const char *literal = cmark_node_get_literal (node);

  if (literal == NULL)
    return;
  html.start = post_offset (c->frag, node_out_start (c->frag, node));
  html.literal = g_strdup (literal);
  g_array_append_val (c->body->html, html);
}

static guint
count_words (BylineFragment *frag,
             const char     *literal)
{
  g_autofree char *text = NULL;
  gboolean in_word = FALSE;
  guint count = 0;

  if (literal == NULL)
    return 0;

  /* A call is no word of the body. */
  text = g_strdup (literal);
  if (frag->tokens->len > 0)
    {
      const char *prefix = frag->job->prefix;
      gsize prefix_len = strlen (prefix);
      char *end = text + strlen (text);

      /* Not strstr(): the text is a whole fragment's, and AddressSanitizer's
       * strstr() measures all the rest of it on each call. */

      for (char *p = (char *) byline_text_find_bytes (text, (gsize) (end - text), prefix, prefix_len);
           p != NULL;
           p = (char *) byline_text_find_bytes (p, (gsize) (end - p), prefix, prefix_len))
        {
          guint index;
          gsize token_len;

          if (!byline_fragment_parse_token (frag, p, (gsize) (end - p), &index, &token_len))
            {
              p++;
              continue;
            }
          memset (p, ' ', token_len);
          p += token_len;
        }
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      /* Most text is ASCII: no decoding for it. */
      gboolean space = (guchar) *p < 0x80 ? g_ascii_isspace (*p)
                                          : g_unichar_isspace (g_utf8_get_char (p));

      if (!space && !in_word)
        count++;
      in_word = !space;
    }
  return count;
}

void
byline_body_collect_facts (BylineBody     *body,
                           BylineFragment *frag)
{
  Collector c = { body, frag, FALSE, 0 };
  cmark_iter *iter = cmark_iter_new (frag->document);
  g_autoptr(GString) words = g_string_new (NULL);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      /* Words run across inline markup (para*graph*) but not across blocks. */
      if ((cmark_node_get_type (node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK)
        g_string_append_c (words, ' ');
      if (event != CMARK_EVENT_ENTER)
        continue;

      switch ((int) cmark_node_get_type (node))
        {
        case CMARK_NODE_HEADING:
          collect_heading (&c, node);
          break;

        case CMARK_NODE_CODE_BLOCK:
          collect_code_block (&c, node);
          g_string_append (words, cmark_node_get_literal (node));
          break;

        case CMARK_NODE_BLOCK_QUOTE:
          {
            BylineBodyQuote quote = {
              post_offset (frag, node_out_start (frag, node)),
              cmark_node_get_type (cmark_node_parent (node)) == CMARK_NODE_BLOCK_QUOTE,
            };

            g_array_append_val (body->block_quotes, quote);
          }
          break;

        case CMARK_NODE_CODE:
          collect_code_span (&c, node, byline_markdown_enclosing_block (node));
          g_string_append (words, cmark_node_get_literal (node));
          break;

        case CMARK_NODE_TEXT:
          collect_linkified (&c, node, byline_markdown_enclosing_block (node));
          g_string_append (words, cmark_node_get_literal (node));
          break;

        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (words, ' ');
          break;

        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
          collect_link (&c, node, byline_markdown_enclosing_block (node));
          break;

        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE:
          collect_html (&c, node);
          break;

        default:
          break;
        }
    }
  cmark_iter_free (iter);

  body->word_count += count_words (frag, words->str);
}

static int
compare_headings (gconstpointer a,
                  gconstpointer b)
{
  const BylineHeading *ha = *(const BylineHeading * const *) a;
  const BylineHeading *hb = *(const BylineHeading * const *) b;

  return (ha->span.start > hb->span.start) - (ha->span.start < hb->span.start);
}

#define DEFINE_COMPARE(name, type, field)                         \
  static int                                                      \
  name (gconstpointer a,                                          \
        gconstpointer b)                                          \
  {                                                               \
    const type *ta = a;                                           \
    const type *tb = b;                                           \
                                                                  \
    return (ta->field > tb->field) - (ta->field < tb->field);     \
  }

DEFINE_COMPARE (compare_links, BylineBodyLink, start)
DEFINE_COMPARE (compare_code_blocks, BylineBodyCode, start)
DEFINE_COMPARE (compare_quotes, BylineBodyQuote, start)
DEFINE_COMPARE (compare_ranges, BylineRange, start)
DEFINE_COMPARE (compare_html, BylineBodyHtml, start)

void
byline_body_sort_facts (BylineBody *body)
{
  /* Each tree's facts are in order; the inner texts' come after the body's.
   * Sorting by offset interleaves them. */
  if (body->fragments->len <= 1)
    return;

  g_ptr_array_sort (body->headings, compare_headings);
  g_array_sort (body->links, compare_links);
  g_array_sort (body->code_blocks, compare_code_blocks);
  g_array_sort (body->block_quotes, compare_quotes);
  g_array_sort (body->code_ranges, compare_ranges);
  g_array_sort (body->html, compare_html);
}
