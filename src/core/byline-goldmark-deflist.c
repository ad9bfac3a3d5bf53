/* byline-goldmark-deflist.c — definition lists in cmark's tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Goldmark's extension/definition_list.go is a block parser; cmark-gfm reads
 * "Term\n: definition" as one paragraph, a definition after a blank line as
 * a paragraph of its own, and the indented blocks that continue it as
 * indented code. The lists are found in those paragraphs (the indented code
 * is parsed again as Markdown) and written as Goldmark writes them.
 */

#define G_LOG_DOMAIN "byline-goldmark"

#include "config.h"

#include "byline-goldmark-private.h"

#include <string.h>

/* Definition lists */

typedef struct
{
  cmark_node *first;
  cmark_node *last;
} Line;

/* Whether a line of the paragraph starts with a colon: most do not. */
static gboolean
may_hold_definition (cmark_node *paragraph)
{
  gboolean line_start = TRUE;

  for (cmark_node *node = cmark_node_first_child (paragraph); node != NULL;
       node = cmark_node_next (node))
    {
      if (byline_goldmark_is_break (node))
        line_start = TRUE;
      else if (line_start && cmark_node_get_type (node) == CMARK_NODE_TEXT)
        {
          const char *literal = cmark_node_get_literal (node);

          if (literal != NULL && literal[0] == ':')
            return TRUE;
          line_start = FALSE;
        }
      else
        line_start = FALSE;
    }

  return FALSE;
}

static GArray *
paragraph_lines (cmark_node *paragraph)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  Line line = { NULL, NULL };

  for (cmark_node *node = cmark_node_first_child (paragraph); node != NULL;
       node = cmark_node_next (node))
    {
      if (byline_goldmark_is_break (node))
        {
          if (line.first != NULL)
            g_array_append_val (lines, line);
          line.first = line.last = NULL;
          continue;
        }
      if (line.first == NULL)
        line.first = node;
      line.last = node;
    }
  if (line.first != NULL)
    g_array_append_val (lines, line);

  return lines;
}

/* Whether a line opens a definition (": text"); sets the bytes of the
 * marker and the content's offset (definitionListParser.Open). */
static gboolean
is_definition_line (Source     *source,
                    cmark_node *paragraph,
                    Line       *line,
                    gsize      *skip,
                    guint      *offset)
{
  const char *literal;
  int para_column = cmark_node_get_start_column (paragraph);
  int column = byline_goldmark_source_column (source, line->first, ':');
  guint width = 0;
  gsize i;

  if (cmark_node_get_type (line->first) != CMARK_NODE_TEXT)
    return FALSE;
  literal = cmark_node_get_literal (line->first);
  if (literal == NULL || literal[0] != ':' || (literal[1] != ' ' && literal[1] != '\t'))
    return FALSE;
  if (byline_goldmark_is_escaped (source, line->first, ':', 0))
    return FALSE;
  /* Indented colons continue the paragraph. */
  if (para_column > 0 && column > 0 && column != para_column &&
      cmark_node_first_child (paragraph) != line->first)
    return FALSE;

  for (i = 1; literal[i] == ' ' || literal[i] == '\t'; i++)
    width = literal[i] == '\t' ? width + 4 - (width + 1) % 4 : width + 1;
  if (width >= 8)
    width = 5;

  *skip = i;
  *offset = width + 1;
  return literal[i] != '\0';
}

static void
dl_item_clear (gpointer data)
{
  DlItem *item = data;

  g_clear_pointer (&item->blocks, g_array_unref);
  g_free (item->id);
}

void
byline_goldmark_dl_group_free (DlGroup *group)
{
  g_array_unref (group->items);
  g_free (group);
}

static DlGroup *
dl_group_new (cmark_node *first)
{
  DlGroup *group = g_new0 (DlGroup, 1);

  group->first = first;
  group->items = g_array_new (FALSE, TRUE, sizeof (DlItem));
  g_array_set_clear_func (group->items, dl_item_clear);

  return group;
}

static DlItem *
add_item (DlGroup    *group,
          gboolean    term,
          gboolean    tight,
          cmark_node *paragraph,
          Line       *from,
          Line       *to,
          gsize       skip)
{
  DlItem item = { 0 };

  item.term = term;
  item.tight = tight;
  item.para = paragraph;
  item.from = from->first;
  item.to = to->last;
  item.skip = skip;
  g_array_append_val (group->items, item);

  return &g_array_index (group->items, DlItem, group->items->len - 1);
}

static void
add_terms (BylineGoldmark *self,
           Source         *source,
           DlGroup        *group,
           cmark_node     *paragraph,
           GArray         *lines,
           guint           end)
{
  for (guint i = 0; i < end; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      DlItem *item = add_item (group, TRUE, TRUE, paragraph, line, line, 0);

      if (self->settings->auto_definition_term_id)
        {
          g_autofree char *plain = byline_goldmark_plain_range (self, source, line->first,
                                                                line->last, 0);

          item->id = byline_goldmark_make_id (self, plain, "term");
        }
    }
}

/* The definitions of a paragraph, from line @start; the first is loose when
 * a blank line comes before it. Returns the last content offset. */
static guint
add_definitions (Source     *source,
                 DlGroup    *group,
                 cmark_node *paragraph,
                 GArray     *lines,
                 guint       start,
                 gboolean    loose)
{
  guint offset = 2;
  guint i = start;

  while (i < lines->len)
    {
      Line *first = &g_array_index (lines, Line, i);
      guint j = i + 1;
      gsize skip = 0;
      guint line_offset = 2;
      gsize next_skip;
      guint next_offset;

      if (!is_definition_line (source, paragraph, first, &skip, &line_offset))
        break;
      while (j < lines->len &&
             !is_definition_line (source, paragraph, &g_array_index (lines, Line, j),
                                  &next_skip, &next_offset))
        j++;

      add_item (group, FALSE, !(loose && i == start), paragraph, first,
                &g_array_index (lines, Line, j - 1), skip);
      offset = line_offset;
      i = j;
    }

  return offset;
}

/* Indented code after a definition is its content, indented: parsed again
 * as Markdown without the definition's indentation. */
static void
add_reparsed (BylineGoldmark *self,
              DlItem         *item,
              cmark_node     *code,
              guint           offset,
              guint           depth)
{
  const char *literal = cmark_node_get_literal (code);
  GString *text = g_string_new (NULL);
  Source *source = g_new0 (Source, 1);
  cmark_parser *parser;
  cmark_node *document;
  DlBlock block;

  for (const char *p = literal != NULL ? literal : ""; *p != '\0';)
    {
      const char *nl = strchr (p, '\n');
      gsize len = nl != NULL ? (gsize) (nl - p) + 1 : strlen (p);

      if (offset <= 4)
        for (guint k = 0; k < 4 - offset && len > 1; k++)
          g_string_append_c (text, ' ');
      else
        for (guint k = 0; k < offset - 4 && len > 0 && *p == ' '; k++, len--)
          p++;
      g_string_append_len (text, p, len);
      p += len;
    }

  parser = byline_goldmark_parser_new (self->settings);
  cmark_parser_feed (parser, text->str, text->len);
  document = cmark_parser_finish (parser);
  cmark_parser_free (parser);

  source->length = text->len;
  source->text = g_string_free (text, FALSE);
  source->positions = FALSE;
  g_ptr_array_add (self->sources, source);
  g_ptr_array_add (self->subdocs, document);
  byline_goldmark_scan_tree (self, source, document, depth + 1);

  block.node = document;
  block.source = source;
  g_array_append_val (item->blocks, block);
}

/* The blocks after the last definition that Goldmark keeps in it: those
 * indented at least as far as its content. */
static void
absorb_blocks (BylineGoldmark *self,
               Source         *source,
               DlGroup        *group,
               cmark_node     *paragraph,
               guint           offset,
               guint           depth)
{
  DlItem *item = &g_array_index (group->items, DlItem, group->items->len - 1);
  int base = byline_goldmark_content_column (cmark_node_parent (paragraph));
  cmark_node *node;

  if (base <= 0)
    base = 1;

  while ((node = cmark_node_next (group->last)) != NULL)
    {
      int column = cmark_node_get_start_column (node);
      int fence_length;
      int fence_offset;
      char fence_char;

      if (column <= 0)
        break;
      if (item->blocks == NULL)
        item->blocks = g_array_new (FALSE, FALSE, sizeof (DlBlock));

      if (cmark_node_get_type (node) == CMARK_NODE_CODE_BLOCK &&
          !cmark_node_get_fenced (node, &fence_length, &fence_offset, &fence_char))
        add_reparsed (self, item, node, offset, depth);
      else if ((guint) (column - base) >= offset)
        {
          DlBlock block = { node, source };

          g_array_append_val (item->blocks, block);
        }
      else
        break;

      byline_goldmark_info (self, node, TRUE)->dl_member = TRUE;
      group->last = node;
    }
}

static DlGroup *
group_ending_at (BylineGoldmark *self,
                 cmark_node     *node)
{
  NodeInfo *info = node != NULL ? byline_goldmark_info (self, node, FALSE) : NULL;

  return info != NULL ? info->dl_end : NULL;
}

void
byline_goldmark_scan_definition_list (BylineGoldmark *self,
                                      Source         *source,
                                      cmark_node     *paragraph,
                                      guint           depth)
{
  NodeInfo *info = byline_goldmark_info (self, paragraph, FALSE);
  g_autoptr(GArray) lines = NULL;
  DlGroup *group = NULL;
  cmark_node *first = paragraph;
  guint colon = 0;
  gsize skip;
  guint offset;

  if (info != NULL && (info->dl_member || info->removed || info->stop != NULL))
    return;
  if (!may_hold_definition (paragraph))
    return;

  lines = paragraph_lines (paragraph);
  for (guint i = 1; i < lines->len && colon == 0; i++)
    if (is_definition_line (source, paragraph, &g_array_index (lines, Line, i), &skip, &offset))
      colon = i;

  if (colon > 0)
    {
      /* Terms and tight definitions in one paragraph. */
      group = group_ending_at (self, cmark_node_previous (paragraph));
      if (group == NULL)
        {
          group = dl_group_new (first);
          byline_goldmark_info (self, first, TRUE)->dl = group;
        }
      add_terms (self, source, group, paragraph, lines, colon);
      offset = add_definitions (source, group, paragraph, lines, colon, FALSE);
    }
  else if (lines->len > 0 &&
           is_definition_line (source, paragraph, &g_array_index (lines, Line, 0), &skip, &offset))
    {
      /* A definition after a blank line: the terms are the paragraph
       * before, or it adds to the list before. */
      cmark_node *prev = cmark_node_previous (paragraph);

      group = group_ending_at (self, prev);
      if (group == NULL)
        {
          NodeInfo *prev_info = prev != NULL ? byline_goldmark_info (self, prev, FALSE) : NULL;
          g_autoptr(GArray) terms = NULL;

          if (prev == NULL || cmark_node_get_type (prev) != CMARK_NODE_PARAGRAPH ||
              (prev_info != NULL && (prev_info->dl_member || prev_info->removed ||
                                     prev_info->stop != NULL || prev_info->dl != NULL)))
            return;

          terms = paragraph_lines (prev);
          group = group_ending_at (self, cmark_node_previous (prev));
          if (group == NULL)
            {
              group = dl_group_new (prev);
              byline_goldmark_info (self, prev, TRUE)->dl = group;
            }
          else
            byline_goldmark_info (self, prev, TRUE)->dl_member = TRUE;
          add_terms (self, source, group, prev, terms, terms->len);
        }
      offset = add_definitions (source, group, paragraph, lines, 0, TRUE);
    }
  else
    return;

  if (group->last != NULL)
    byline_goldmark_info (self, group->last, TRUE)->dl_end = NULL;
  if (byline_goldmark_info (self, paragraph, TRUE)->dl != group)
    byline_goldmark_info (self, paragraph, TRUE)->dl_member = TRUE;
  group->last = paragraph;

  absorb_blocks (self, source, group, paragraph, offset, depth);
  byline_goldmark_info (self, group->last, TRUE)->dl_end = group;
}

/* Writing a definition list */

static void
write_run (Walk   *walk,
           DlItem *item)
{
  NodeInfo *info = byline_goldmark_info (walk->gm, item->from, TRUE);
  gsize saved = info->text_skip;

  walk->open_single = walk->open_double = 0;
  info->text_skip = item->skip;
  byline_goldmark_walk_range (walk, item->from, item->to);
  info->text_skip = saved;
}

void
byline_goldmark_write_dl (Walk    *walk,
                          DlGroup *group)
{
  GString *out = walk->out;
  cmark_node *saved_tight = walk->tight_parent;
  Source *saved_source = walk->source;

  walk->depth++;
  g_string_append (out, "<dl");
  byline_goldmark_write_sourcepos_range (walk, group->first, group->last);
  g_string_append (out, ">\n");

  for (guint i = 0; i < group->items->len; i++)
    {
      DlItem *item = &g_array_index (group->items, DlItem, i);
      guint n_blocks = item->blocks != NULL ? item->blocks->len : 0;

      if (item->term)
        {
          g_string_append (out, "<dt");
          if (item->id != NULL)
            {
              g_string_append (out, " id=\"");
              byline_goldmark_escape (out, item->id, -1);
              g_string_append_c (out, '"');
            }
          g_string_append_c (out, '>');
          write_run (walk, item);
          g_string_append (out, "</dt>\n");
          continue;
        }

      g_string_append (out, item->tight ? "<dd>" : "<dd>\n");
      if (item->from != NULL)
        {
          if (!item->tight)
            g_string_append (out, "<p>");
          write_run (walk, item);
          if (!item->tight)
            g_string_append (out, "</p>\n");
          else if (n_blocks > 0)
            g_string_append_c (out, '\n');
        }
      for (guint b = 0; b < n_blocks; b++)
        {
          DlBlock *block = &g_array_index (item->blocks, DlBlock, b);

          walk->source = block->source;
          walk->tight_parent = item->tight ? (cmark_node_get_type (block->node) ==
                                              CMARK_NODE_DOCUMENT
                                              ? block->node
                                              : cmark_node_parent (block->node))
                                           : NULL;
          byline_goldmark_walk (walk, block->node);
          walk->source = saved_source;
        }
      walk->tight_parent = saved_tight;
      g_string_append (out, "</dd>\n");
    }

  g_string_append (out, "</dl>\n");
  walk->depth--;
}
