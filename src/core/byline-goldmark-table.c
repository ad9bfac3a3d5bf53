/* byline-goldmark-table.c — tables, footnotes and alerts as Hugo writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tables: Hugo 0.134 and later write every table through its embedded
 * render-table.html hook (tpl/tplimpl/embedded/templates/_markup/, as
 * formatted since 0.162); older versions through Goldmark's table extension
 * (extension/table.go). Footnotes: Goldmark's extension/footnote.go with
 * Hugo's settings. Alerts: Hugo's blockquote renderer recognises GitHub's
 * [!NOTE] for hooks (markup/goldmark/blockquotes/blockquotes.go).
 */

#define G_LOG_DOMAIN "byline-goldmark"

#include "config.h"

#include "byline-goldmark-private.h"

#include <cmark-gfm-core-extensions.h>
#include <string.h>

#define TABLE_FILTER "align,bgcolor,border,cellpadding,cellspacing,frame,rules,summary,width"

typedef struct
{
  GArray *cells;    /* of BylineGoldmarkTableCell, strings owned */
} Row;

static const char *
alignment_name (guint8 alignment)
{
  switch (alignment)
    {
    case 'l': return "left";
    case 'c': return "center";
    case 'r': return "right";
    default: return "";
    }
}

static void
row_clear (gpointer data)
{
  Row *row = data;

  for (guint i = 0; i < row->cells->len; i++)
    g_free ((char *) g_array_index (row->cells, BylineGoldmarkTableCell, i).text);
  g_array_unref (row->cells);
}

static void
read_row (Walk       *walk,
          cmark_node *row_node,
          guint8     *alignments,
          guint       n_columns,
          Row        *row)
{
  guint column = 0;

  row->cells = g_array_new (FALSE, TRUE, sizeof (BylineGoldmarkTableCell));
  for (cmark_node *cell = cmark_node_first_child (row_node);
       cell != NULL;
       cell = cmark_node_next (cell), column++)
    {
      BylineGoldmarkTableCell value;

      walk->open_single = walk->open_double = 0;
      byline_goldmark_push_capture (walk);
      byline_goldmark_walk (walk, cell);
      value.text = byline_goldmark_pop_capture (walk);
      value.alignment = alignment_name (column < n_columns && alignments != NULL
                                        ? alignments[column] : 0);
      g_array_append_val (row->cells, value);
    }
}

/* Go's html.EscapeString then %q, as the embedded hook prints attributes. */
static void
append_go_quoted (GString    *out,
                  const char *value)
{
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    switch (*p)
      {
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '&': g_string_append (out, "&amp;"); break;
      case '\'': g_string_append (out, "&#39;"); break;
      case '"': g_string_append (out, "&#34;"); break;
      case '\\': g_string_append (out, "\\\\"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\t': g_string_append (out, "\\t"); break;
      case '\r': g_string_append (out, "\\r"); break;
      default:
        if ((guchar) *p < 0x20 || *p == 0x7f)
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
        else
          g_string_append_c (out, *p);
      }
  g_string_append_c (out, '"');
}

static int
compare_attr_names (gconstpointer a,
                    gconstpointer b)
{
  const BylineGoldmarkAttribute *x = a;
  const BylineGoldmarkAttribute *y = b;

  return strcmp (x->name, y->name);
}

static gboolean
is_truthy (const Attr *attr)
{
  switch (attr->type)
    {
    case ATTR_STRING:
      return *attr->value != '\0';
    case ATTR_NUMBER:
      return g_ascii_strtod (attr->value, NULL) != 0;
    case ATTR_BOOL:
      return strcmp (attr->value, "true") == 0;
    case ATTR_ARRAY:
      return *attr->value != '\0';
    case ATTR_NULL:
    case ATTR_MAP:
    default:
      return FALSE;
    }
}

static void
write_hugo_table (Walk       *walk,
                  cmark_node *table,
                  GPtrArray  *attrs,
                  GArray     *head,
                  GArray     *body)
{
  GString *out = walk->out;
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (BylineGoldmarkAttribute));

  /* A template ranges over a map in key order, names lower-cased. */
  for (guint i = 0; attrs != NULL && i < attrs->len; i++)
    {
      const Attr *attr = g_ptr_array_index (attrs, i);
      BylineGoldmarkAttribute item = { attr->name, attr->value };

      if (g_ascii_strncasecmp (attr->name, "on", 2) != 0 && is_truthy (attr))
        g_array_append_val (sorted, item);
    }
  g_array_sort (sorted, compare_attr_names);

  g_string_append (out, "<table");
  byline_goldmark_write_sourcepos (walk, table);
  for (guint i = 0; i < sorted->len; i++)
    {
      const BylineGoldmarkAttribute *attr = &g_array_index (sorted, BylineGoldmarkAttribute, i);
      g_autofree char *name = g_ascii_strdown (attr->name, -1);

      g_string_append_printf (out, " %s=", name);
      append_go_quoted (out, attr->value);
    }
  g_string_append (out, ">\n\t<thead>");

  for (guint part = 0; part < 2; part++)
    {
      GArray *rows = part == 0 ? head : body;
      const char *tag = part == 0 ? "th" : "td";

      if (part == 1)
        g_string_append (out, "\n\t</thead>\n\t<tbody>");
      for (guint r = 0; r < rows->len; r++)
        {
          GArray *cells = g_array_index (rows, Row, r).cells;

          g_string_append (out, "\n\t\t\t<tr>");
          for (guint c = 0; c < cells->len; c++)
            {
              const BylineGoldmarkTableCell *cell =
                &g_array_index (cells, BylineGoldmarkTableCell, c);

              g_string_append_printf (out, "\n\t\t\t\t\t<%s", tag);
              if (*cell->alignment != '\0')
                g_string_append_printf (out, " style=\"text-align: %s\"", cell->alignment);
              g_string_append_printf (out, ">%s</%s>", cell->text, tag);
            }
          g_string_append (out, "\n\t\t\t</tr>");
        }
    }
  g_string_append (out, "\n\t</tbody>\n</table>\n");
}

static void
write_goldmark_table (Walk       *walk,
                      cmark_node *table,
                      GPtrArray  *attrs,
                      GArray     *head,
                      GArray     *body)
{
  GString *out = walk->out;
  gboolean xhtml = walk->gm->settings->xhtml;

  g_string_append (out, "<table");
  byline_goldmark_write_sourcepos (walk, table);
  byline_goldmark_write_attrs (out, attrs, TABLE_FILTER);
  g_string_append (out, ">\n");

  for (guint part = 0; part < 2; part++)
    {
      GArray *rows = part == 0 ? head : body;
      const char *tag = part == 0 ? "th" : "td";

      if (rows->len == 0)
        continue;
      g_string_append (out, part == 0 ? "<thead>\n" : "<tbody>\n");
      for (guint r = 0; r < rows->len; r++)
        {
          GArray *cells = g_array_index (rows, Row, r).cells;

          g_string_append (out, "<tr>\n");
          for (guint c = 0; c < cells->len; c++)
            {
              const BylineGoldmarkTableCell *cell =
                &g_array_index (cells, BylineGoldmarkTableCell, c);

              g_string_append_printf (out, "<%s", tag);
              if (*cell->alignment != '\0')
                g_string_append_printf (out, xhtml ? " align=\"%s\"" : " style=\"text-align:%s\"",
                                        cell->alignment);
              g_string_append_printf (out, ">%s</%s>\n", cell->text, tag);
            }
          g_string_append (out, "</tr>\n");
        }
      g_string_append (out, part == 0 ? "</thead>\n" : "</tbody>\n");
    }
  g_string_append (out, "</table>\n");
}

static BylineGoldmarkTableRow *
hook_rows (GArray *rows)
{
  BylineGoldmarkTableRow *list = g_new0 (BylineGoldmarkTableRow, rows->len + 1);

  for (guint r = 0; r < rows->len; r++)
    {
      GArray *cells = g_array_index (rows, Row, r).cells;

      list[r].cells = (const BylineGoldmarkTableCell *) (gpointer) cells->data;
      list[r].n_cells = cells->len;
    }

  return list;
}

void
byline_goldmark_write_table (Walk       *walk,
                             cmark_node *table)
{
  BylineGoldmark *self = walk->gm;
  NodeInfo *info = byline_goldmark_info (self, table, FALSE);
  GPtrArray *attrs = info != NULL ? info->attrs : NULL;
  guint8 *alignments = cmark_gfm_extensions_get_table_alignments (table);
  guint n_columns = cmark_gfm_extensions_get_table_columns (table);
  g_autoptr(GArray) head = g_array_new (FALSE, TRUE, sizeof (Row));
  g_autoptr(GArray) body = g_array_new (FALSE, TRUE, sizeof (Row));
  guint ordinal = self->ordinals[BYLINE_GOLDMARK_HOOK_TABLE]++;

  g_array_set_clear_func (head, row_clear);
  g_array_set_clear_func (body, row_clear);

  for (cmark_node *row = cmark_node_first_child (table); row != NULL; row = cmark_node_next (row))
    {
      NodeInfo *row_info = byline_goldmark_info (self, row, FALSE);
      Row value;

      if (row_info != NULL && row_info->removed)
        continue;
      read_row (walk, row, alignments, n_columns, &value);
      g_array_append_val (cmark_gfm_extensions_get_table_row_is_header (row) ? head : body, value);
    }

  if (self->hooks[BYLINE_GOLDMARK_HOOK_TABLE] != NULL)
    {
      BylineGoldmarkHookContext context = { 0 };
      g_autofree BylineGoldmarkAttribute *list = NULL;
      g_autofree BylineGoldmarkTableRow *thead = hook_rows (head);
      g_autofree BylineGoldmarkTableRow *tbody = hook_rows (body);

      context.kind = BYLINE_GOLDMARK_HOOK_TABLE;
      context.ordinal = ordinal;
      context.line = (guint) MAX (cmark_node_get_start_line (table), 0);
      context.column = (guint) MAX (cmark_node_get_start_column (table), 0);
      list = byline_goldmark_hook_attrs (attrs, &context.n_attributes, NULL, NULL);
      context.attributes = list;
      context.thead = thead;
      context.n_thead = head->len;
      context.tbody = tbody;
      context.n_tbody = body->len;
      if (byline_goldmark_call_hook (walk, &context))
        return;
    }

  if (self->settings->table_style == BYLINE_GOLDMARK_TABLES_HUGO)
    write_hugo_table (walk, table, attrs, head, body);
  else
    write_goldmark_table (walk, table, attrs, head, body);
}

/* Footnotes */

static void
append_template (GString    *out,
                 const char *template,
                 guint       index,
                 guint       count)
{
  for (const char *p = template; *p != '\0'; p++)
    {
      if (p[0] == '^' && p[1] == '^')
        {
          g_string_append_printf (out, "%u", index);
          p++;
        }
      else if (p[0] == '%' && p[1] == '%')
        {
          g_string_append_printf (out, "%u", count);
          p++;
        }
      else
        g_string_append_c (out, *p);
    }
}

void
byline_goldmark_write_backlinks (Walk  *walk,
                                 guint  index)
{
  BylineGoldmark *self = walk->gm;
  guint count = index <= self->footnote_refs->len
                ? g_array_index (self->footnote_refs, guint, index - 1) : 1;
  const char *backlink = self->settings->footnote_backlink_html;

  for (guint ref = 0; ref < MAX (count, 1); ref++)
    {
      g_string_append (walk->out, "&#160;<a href=\"#fnref");
      if (ref > 0)
        g_string_append_printf (walk->out, "%u", ref);
      g_string_append_printf (walk->out, ":%u\" class=\"footnote-backref\" role=\"doc-backlink\">",
                              index);
      append_template (walk->out, backlink != NULL ? backlink : "", index, count);
      g_string_append (walk->out, "</a>");
    }
}

void
byline_goldmark_render_footnotes (BylineGoldmark *self,
                                  GString        *out)
{
  Walk walk;

  g_return_if_fail (self != NULL);

  if (self->footnotes->len == 0)
    return;

  byline_goldmark_walk_init (&walk, self, &self->source, out);
  g_string_append (out, "<div class=\"footnotes\" role=\"doc-endnotes\">");
  g_string_append (out, self->settings->xhtml ? "\n<hr />\n" : "\n<hr>\n");
  g_string_append (out, "<ol>\n");

  for (guint i = 0; i < self->footnotes->len; i++)
    {
      cmark_node *definition = g_ptr_array_index (self->footnotes, i);
      cmark_node *last = cmark_node_last_child (definition);

      g_string_append_printf (out, "<li id=\"fn:%u\">\n", i + 1);
      walk.footnote = i + 1;
      walk.footnote_para = last != NULL && cmark_node_get_type (last) == CMARK_NODE_PARAGRAPH
                           ? last : NULL;
      for (cmark_node *child = cmark_node_first_child (definition);
           child != NULL;
           child = cmark_node_next (child))
        byline_goldmark_walk (&walk, child);
      if (walk.footnote_para == NULL)
        byline_goldmark_write_backlinks (&walk, i + 1);
      g_string_append (out, "</li>\n");
    }

  g_string_append (out, "</ol>\n</div>\n");
  byline_goldmark_walk_clear (&walk);
}

/* Alerts: blockQuoteAlertRe, ^<p>\[!([a-zA-Z]+)\](-|\+)?[^\S\r\n]?([^\n]*)\n?
 * over the blockquote's HTML. */
gboolean
byline_goldmark_parse_alert (const char  *html,
                             char       **type,
                             char       **sign,
                             char       **title,
                             char       **text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (html));
  const char *p = trimmed;
  const char *start;
  const char *line_end;
  const char *newline;
  g_autofree char *first = NULL;

  /* The paragraph may carry the preview's data-sourcepos attribute. */
  if (!g_str_has_prefix (p, "<p") || (p[2] != '>' && p[2] != ' '))
    return FALSE;
  p = strchr (p, '>') + 1;
  if (!g_str_has_prefix (p, "[!"))
    return FALSE;
  p += strlen ("[!");
  start = p;
  while (g_ascii_isalpha (*p))
    p++;
  if (p == start || *p != ']')
    return FALSE;

  *type = g_ascii_strdown (start, p - start);
  p++;
  *sign = g_strndup (p, (*p == '-' || *p == '+') ? 1 : 0);
  if (*p == '-' || *p == '+')
    p++;
  if (*p == ' ' || *p == '\t' || *p == '\v' || *p == '\f')
    p++;

  line_end = strchr (p, '\n');
  line_end = line_end != NULL ? line_end : p + strlen (p);
  *title = g_strstrip (g_strndup (p, line_end - p));
  if (g_str_has_suffix (*title, "</p>"))
    (*title)[strlen (*title) - strlen ("</p>")] = '\0';

  /* The text is what follows the first line, re-opened as a paragraph when
   * the first line did not close one. */
  newline = strchr (trimmed, '\n');
  if (newline == NULL)
    *text = g_strdup ("");
  else
    {
      first = g_strndup (trimmed, newline - trimmed);
      *text = g_str_has_suffix (first, "</p>") ? g_strdup (newline + 1)
                                                : g_strconcat ("<p>", newline + 1, NULL);
    }

  return TRUE;
}
