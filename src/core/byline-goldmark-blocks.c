/* byline-goldmark-blocks.c — what the writer learns before it writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Goldmark parses some things cmark-gfm does not; they are found in cmark's
 * tree before writing, in document order as Goldmark finds them:
 *
 *   - attributes after a heading's text ({#id .class}, parser.attribute.title)
 *     and on a line after a block (parser.attribute.block, Hugo's
 *     markup/goldmark/internal/extensions/attributes), where cmark saw a lazy
 *     paragraph line, a paragraph or a table row;
 *   - heading ids (Hugo's transformer in the same file);
 *   - footnote numbers, in the order of first reference;
 *   - definition lists (byline-goldmark-deflist.c).
 */

#define G_LOG_DOMAIN "byline-goldmark"

#include "config.h"

#include "byline-goldmark-private.h"

#include <string.h>

static int
end_line (cmark_node *node)
{
  int start = cmark_node_get_start_line (node);
  int end = cmark_node_get_end_line (node);

  /* cmark ends lists and indented code at column 0 of the next line. */
  if (cmark_node_get_end_column (node) == 0 && end > start)
    end--;

  return end;
}

gboolean
byline_goldmark_is_break (cmark_node *node)
{
  cmark_node_type type = cmark_node_get_type (node);

  return type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK;
}

/* Whether the source has a backslash before the @n-th @c of a text node
 * (cmark resolved it to a plain character). */
gboolean
byline_goldmark_is_escaped (Source     *source,
                            cmark_node *text,
                            char        c,
                            guint       n)
{
  int line = cmark_node_get_start_line (text);
  int start = cmark_node_get_start_column (text);
  int end = cmark_node_get_end_column (text);
  gsize offset;
  guint seen = 0;

  if (line <= 0 || start <= 0 || end < start || cmark_node_get_end_line (text) != line)
    return FALSE;
  offset = byline_goldmark_source_offset (source, line, start);

  for (gsize i = offset; i < source->length && i < offset + (gsize) (end - start + 1); i++)
    if (source->text[i] == c)
      {
        if (seen++ == n)
          return i > offset && source->text[i - 1] == '\\';
      }

  return FALSE;
}

/* The column where @c first appears on @node's line: cmark gives the lazy
 * lines of a paragraph the columns of its first line. */
int
byline_goldmark_source_column (Source     *source,
                               cmark_node *node,
                               char        c)
{
  int line = cmark_node_get_start_line (node);
  gsize start;
  const char *p;
  const char *end;

  if (line <= 0)
    return 0;
  start = byline_goldmark_source_offset (source, line, 1);
  end = memchr (source->text + start, '\n', source->length - start);
  end = end != NULL ? end : source->text + source->length;
  p = memchr (source->text + start, c, end - (source->text + start));

  return p != NULL ? (int) (p - (source->text + start)) + 1 : 0;
}

/* Heading attributes and ids */

static void
scan_heading (BylineGoldmark *self,
              Source         *source,
              cmark_node     *heading)
{
  const BylineGoldmarkSettings *settings = self->settings;
  cmark_node *last = cmark_node_last_child (heading);
  NodeInfo *info = byline_goldmark_info (self, heading, TRUE);
  BylineGoldmarkHeading heading_info;
  g_autofree char *heading_text = NULL;
  GString *title;
  const Attr *id;

  if (settings->attribute_title && last != NULL && cmark_node_get_type (last) == CMARK_NODE_TEXT)
    {
      const char *literal = cmark_node_get_literal (last);
      gsize len = strlen (literal);
      guint braces = 0;

      /* parseLastLineAttributes: the first "{" from the left that starts an
       * attribute list running to the end of the line. */
      for (gsize i = 0; i < len; i++)
        {
          g_autoptr(GPtrArray) attrs = NULL;
          gsize n;
          gsize rest;

          if (literal[i] != '{')
            continue;
          /* Attributes close a heading; a heading of braces gets no more
           * than a few tries. */
          if (braces >= 64)
            break;
          if (byline_goldmark_is_escaped (source, last, '{', braces++))
            continue;

          attrs = g_ptr_array_new_with_free_func (byline_goldmark_attr_free);
          n = byline_goldmark_parse_attrs (literal + i, len - i, attrs);
          if (n == 0)
            continue;
          for (rest = i + n; rest < len && g_ascii_isspace (literal[rest]); rest++)
            ;
          if (rest != len)
            continue;

          while (i > 0 && (literal[i - 1] == ' ' || literal[i - 1] == '\t'))
            i--;
          byline_goldmark_info (self, last, TRUE)->text_length = (gssize) i;
          info->attrs = g_steal_pointer (&attrs);
          break;
        }
    }

  heading_text = byline_goldmark_plain_text (self, source, heading);
  id = byline_goldmark_attrs_find (info->attrs, "id");
  if (settings->auto_heading_id && id != NULL)
    byline_goldmark_use_id (self, id->value);
  else if (settings->auto_heading_id)
    {
      const char *line = strrchr (heading_text, '\n');
      Attr attr = { (char *) "id", ATTR_STRING, NULL };

      /* A Setext heading's id comes from its last line. */
      attr.value = byline_goldmark_make_id (self, line != NULL ? line + 1 : heading_text,
                                            "heading");
      if (info->attrs == NULL)
        info->attrs = g_ptr_array_new_with_free_func (byline_goldmark_attr_free);
      byline_goldmark_attrs_set (info->attrs, &attr, FALSE);
      g_free (attr.value);
      id = byline_goldmark_attrs_find (info->attrs, "id");
    }

  /* For Page.Fragments: the heading with the id it is written with. */
  heading_info.level = cmark_node_get_heading_level (heading);
  heading_info.id = g_strdup (id != NULL && id->value != NULL ? id->value : "");
  title = g_string_new (NULL);
  byline_goldmark_escape (title, heading_text, -1);
  heading_info.title = g_string_free (title, FALSE);
  g_array_append_val (self->headings, heading_info);
}

/* Block attributes */

static void
apply_attrs (BylineGoldmark *self,
             cmark_node     *target,
             GPtrArray      *attrs)
{
  NodeInfo *info = byline_goldmark_info (self, target, TRUE);

  if (info->attrs == NULL)
    info->attrs = g_ptr_array_new_with_free_func (byline_goldmark_attr_free);

  /* Hugo's transformer: what the block already has wins. */
  for (guint i = 0; i < attrs->len; i++)
    byline_goldmark_attrs_set (info->attrs, g_ptr_array_index (attrs, i), TRUE);
}

/* Parses a whole line of attributes. */
static GPtrArray *
attr_line (Source     *source,
           cmark_node *text)
{
  const char *literal = cmark_node_get_literal (text);
  GPtrArray *attrs;
  gsize len;
  gsize start = 0;
  gsize n;

  if (literal == NULL)
    return NULL;
  len = strlen (literal);
  while (start < len && (literal[start] == ' ' || literal[start] == '\t'))
    start++;
  if (start == len || literal[start] != '{' || byline_goldmark_is_escaped (source, text, '{', 0))
    return NULL;

  attrs = g_ptr_array_new_with_free_func (byline_goldmark_attr_free);
  n = byline_goldmark_parse_attrs (literal + start, len - start, attrs);
  for (start += n; n > 0 && start < len && g_ascii_isspace (literal[start]); start++)
    ;
  if (n == 0 || start != len)
    g_clear_pointer (&attrs, g_ptr_array_unref);

  return attrs;
}

/* The first column of a container's content. */
int
byline_goldmark_content_column (cmark_node *container)
{
  cmark_node *first = cmark_node_first_child (container);

  return first != NULL ? cmark_node_get_start_column (first) : 0;
}

/* Where an attribute line that cmark took as a lazy line of @paragraph
 * belongs in Goldmark's tree: the block before it at the level its
 * indentation reaches. */
static cmark_node *
attr_line_target (cmark_node *paragraph,
                  int         column)
{
  cmark_node *child = paragraph;
  cmark_node *container = cmark_node_parent (paragraph);

  if (column <= 0)
    return paragraph;

  while (container != NULL && cmark_node_get_type (container) != CMARK_NODE_DOCUMENT)
    {
      int content = byline_goldmark_content_column (container);

      if (content <= 0 || column >= content)
        break;
      if (cmark_node_get_type (container) == CMARK_NODE_ITEM)
        {
          child = cmark_node_parent (container);
          container = cmark_node_parent (child);
        }
      else
        {
          child = container;
          container = cmark_node_parent (container);
        }
    }

  return child;
}

static void
scan_block_attrs (BylineGoldmark *self,
                  Source         *source,
                  cmark_node     *paragraph)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  cmark_node *node = cmark_node_last_child (paragraph);
  cmark_node *stop = NULL;

  /* Attribute lines at the end of the paragraph, last first. */
  while (node != NULL && cmark_node_get_type (node) == CMARK_NODE_TEXT)
    {
      cmark_node *prev = cmark_node_previous (node);
      GPtrArray *attrs;
      int column;

      if (prev != NULL && !byline_goldmark_is_break (prev))
        break;
      attrs = attr_line (source, node);
      if (attrs == NULL)
        break;

      g_ptr_array_insert (lines, 0, attrs);
      column = byline_goldmark_source_column (source, node, '{');
      g_ptr_array_insert (targets, 0, attr_line_target (paragraph, column));
      stop = prev != NULL ? prev : node;
      node = prev != NULL ? cmark_node_previous (prev) : NULL;
    }

  if (lines->len == 0)
    return;

  if (node == NULL)
    {
      /* The paragraph is all attributes: they go to the block before, when
       * no blank line parts them (and never to a fenced code block). */
      cmark_node *prev = cmark_node_previous (paragraph);
      int fence_length;
      int fence_offset;
      char fence_char;

      byline_goldmark_info (self, paragraph, TRUE)->removed = TRUE;
      if (prev == NULL ||
          (cmark_node_get_type (prev) == CMARK_NODE_CODE_BLOCK &&
           cmark_node_get_fenced (prev, &fence_length, &fence_offset, &fence_char)) ||
          end_line (prev) + 1 < cmark_node_get_start_line (paragraph))
        return;

      apply_attrs (self, prev, g_ptr_array_index (lines, 0));
      for (guint i = 1; i < lines->len; i++)
        apply_attrs (self, g_ptr_array_index (targets, i) == paragraph
                           ? prev : g_ptr_array_index (targets, i),
                     g_ptr_array_index (lines, i));
      return;
    }

  byline_goldmark_info (self, paragraph, TRUE)->stop = stop;
  for (guint i = 0; i < lines->len; i++)
    apply_attrs (self, g_ptr_array_index (targets, i), g_ptr_array_index (lines, i));
}

/* A table row that is a line of attributes ends the table in Goldmark. */
static void
scan_table_attrs (BylineGoldmark *self,
                  Source         *source,
                  cmark_node     *table)
{
  cmark_node *row = cmark_node_last_child (table);
  cmark_node *first = row != NULL ? cmark_node_first_child (row) : NULL;
  int line = row != NULL ? cmark_node_get_start_line (row) : 0;
  gsize offset;
  const char *end;
  g_autoptr(GPtrArray) attrs = NULL;
  gsize n;

  if (row == NULL || first == NULL || line <= 0 || row == cmark_node_first_child (table))
    return;

  offset = byline_goldmark_source_offset (source, line, 1);
  end = memchr (source->text + offset, '\n', source->length - offset);
  end = end != NULL ? end : source->text + source->length;
  while (offset < (gsize) (end - source->text) &&
         (source->text[offset] == ' ' || source->text[offset] == '\t'))
    offset++;
  if (offset >= source->length || source->text[offset] != '{' ||
      memchr (source->text + offset, '|', end - (source->text + offset)) != NULL)
    return;

  attrs = g_ptr_array_new_with_free_func (byline_goldmark_attr_free);
  n = byline_goldmark_parse_attrs (source->text + offset, end - (source->text + offset), attrs);
  if (n == 0)
    return;
  for (const char *p = source->text + offset + n; p < end; p++)
    if (!g_ascii_isspace (*p))
      return;

  byline_goldmark_info (self, row, TRUE)->removed = TRUE;
  apply_attrs (self, table, attrs);
}

/* Footnotes */

static void
scan_footnote_ref (BylineGoldmark *self,
                   cmark_node     *ref)
{
  const char *literal = cmark_node_get_literal (ref);
  guint64 index = literal != NULL ? g_ascii_strtoull (literal, NULL, 10) : 0;
  NodeInfo *info;
  guint *count;

  /* cmark numbers footnotes by first reference, as Goldmark does. */
  if (index == 0 || index > 100000)
    return;
  if (self->footnote_refs->len < index)
    g_array_set_size (self->footnote_refs, (guint) index);

  count = &g_array_index (self->footnote_refs, guint, index - 1);
  info = byline_goldmark_info (self, ref, TRUE);
  info->footnote = (guint) index;
  info->footnote_ref = (*count)++;
}


/* The first pass */

void
byline_goldmark_scan_tree (BylineGoldmark *self,
                           Source         *source,
                           cmark_node     *root,
                           guint           depth)
{
  const BylineGoldmarkSettings *settings = self->settings;
  cmark_node *node = root;

  while (node != NULL)
    {
      cmark_node_type type = cmark_node_get_type (node);
      cmark_node *child;

      if (type == CMARK_NODE_HEADING)
        scan_heading (self, source, node);
      else if (type == CMARK_NODE_PARAGRAPH)
        {
          if (settings->attribute_block)
            scan_block_attrs (self, source, node);
          if (settings->definition_list && depth < BYLINE_GOLDMARK_MAX_DEPTH)
            byline_goldmark_scan_definition_list (self, source, node, depth);
        }
      else if (type == CMARK_NODE_TABLE && settings->attribute_block)
        scan_table_attrs (self, source, node);
      else if (type == CMARK_NODE_FOOTNOTE_REFERENCE)
        scan_footnote_ref (self, node);

      child = cmark_node_first_child (node);
      if (child != NULL)
        {
          node = child;
          continue;
        }
      while (node != root && cmark_node_next (node) == NULL)
        node = cmark_node_parent (node);
      node = node == root ? NULL : cmark_node_next (node);
    }
}

void
byline_goldmark_scan (BylineGoldmark *self)
{
  byline_goldmark_scan_tree (self, &self->source, self->document, 0);

  for (cmark_node *node = cmark_node_first_child (self->document);
       node != NULL;
       node = cmark_node_next (node))
    if (cmark_node_get_type (node) == CMARK_NODE_FOOTNOTE_DEFINITION)
      g_ptr_array_add (self->footnotes, node);
}
