/* byline-outline-items.c — what the outline lists, from an analysis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The headings as the core's one parse of the body found them, the
 * pictures (the site's image shortcode, Hugo's figure, and Markdown's
 * ![alt](…) in the body and in the Markdown inner texts of calls) and the
 * other shortcode calls, in post order. Nothing is parsed again: the
 * analysis's trees are walked for the pictures, its list of calls read.
 */

#define G_LOG_DOMAIN "byline-outline"

#include "config.h"

#include "byline-outline.h"

#include <string.h>

typedef struct
{
  gsize              offset;
  BylineOutlineItem *item;
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  gsize oa = ((const Entry *) a)->offset;
  gsize ob = ((const Entry *) b)->offset;

  return oa < ob ? -1 : oa > ob;
}

/* One line of text, for a row: runs of white space as one space. */
static char *
one_line (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

static char *
file_name_of (const char *link)
{
  const char *slash = strrchr (link, '/');

  return one_line (slash != NULL && slash[1] != '\0' ? slash + 1 : link);
}

static void
add_entry (GArray                *entries,
           const BylineLineIndex *lines,
           gsize                  offset,
           BylineOutlineKind      kind,
           guint                  level,
           char                  *text)
{
  Entry entry = { offset, g_new0 (BylineOutlineItem, 1) };

  entry.item->kind = kind;
  entry.item->level = level;
  entry.item->text = text;
  byline_line_index_locate (lines, offset, &entry.item->line, &entry.item->column);
  g_array_append_val (entries, entry);
}

/* The site's image shortcode and Hugo's figure: what byline-rules-shortcodes.c
 * checks for alt text too. */
static gboolean
is_picture_call (const BylineShortcode *call)
{
  return g_strcmp0 (call->name, "image") == 0 || g_strcmp0 (call->name, "figure") == 0;
}

/* What a reader knows a picture by: its caption, its alt text, its title,
 * else its file. */
static char *
describe_picture_call (const BylineShortcode *call)
{
  static const char * const described_by[] = { "caption", "alt", "title" };
  static const char * const files[] = { "link", "src" };

  for (guint i = 0; i < G_N_ELEMENTS (described_by); i++)
    {
      const BylineShortcodeParam *param = byline_shortcode_get_param (call, described_by[i]);
      g_autofree char *text = param != NULL ? one_line (param->value) : NULL;

      if (text != NULL && text[0] != '\0')
        return g_steal_pointer (&text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      const BylineShortcodeParam *param = byline_shortcode_get_param (call, files[i]);

      if (param != NULL && param->value[0] != '\0')
        return file_name_of (param->value);
    }
  return g_strdup (call->name);
}

static void
add_calls (GArray                    *entries,
           const BylineLineIndex     *lines,
           const BylineShortcodeList *list)
{
  for (guint i = 0; list != NULL && i < list->calls->len; i++)
    {
      const BylineShortcode *call = g_ptr_array_index (list->calls, i);

      if (call->kind != BYLINE_SHORTCODE_OPEN && call->kind != BYLINE_SHORTCODE_SELF_CLOSING)
        continue;
      if (is_picture_call (call))
        add_entry (entries, lines, call->span.start, BYLINE_OUTLINE_FIGURE, 0,
                   describe_picture_call (call));
      else
        add_entry (entries, lines, call->span.start, BYLINE_OUTLINE_SHORTCODE, 0,
                   call->delim == BYLINE_SHORTCODE_PERCENT
                   ? g_strdup_printf ("{{%% %s %%}}", call->name)
                   : g_strdup_printf ("{{< %s >}}", call->name));
    }
}

/* The text of an image node's description, as a screen reader gets it. */
static void
append_plain (GString    *out,
              cmark_node *node)
{
  for (cmark_node *child = cmark_node_first_child (node);
       child != NULL;
       child = cmark_node_next (child))
    {
      switch (cmark_node_get_type (child))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          g_string_append (out, cmark_node_get_literal (child));
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (out, ' ');
          break;
        default:
          append_plain (out, child);
          break;
        }
    }
}

static void
add_images (GArray                *entries,
            const BylineLineIndex *lines,
            BylineBody            *body)
{
  g_autoptr(GPtrArray) documents = byline_body_get_linted_documents (body);

  for (guint i = 0; i < documents->len; i++)
    {
      cmark_iter *iter = cmark_iter_new (g_ptr_array_index (documents, i));
      cmark_event_type event;

      while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
        {
          cmark_node *node = cmark_iter_get_node (iter);
          g_autoptr(GString) alt = NULL;
          g_autofree char *text = NULL;

          if (event != CMARK_EVENT_ENTER || cmark_node_get_type (node) != CMARK_NODE_IMAGE)
            continue;

          alt = g_string_new (NULL);
          append_plain (alt, node);
          text = one_line (alt->str);
          if (text[0] == '\0')
            {
              g_free (text);
              text = file_name_of (cmark_node_get_url (node) != NULL
                                   ? cmark_node_get_url (node) : "");
            }
          add_entry (entries, lines, byline_body_get_node_start (body, node),
                     BYLINE_OUTLINE_FIGURE, 0, g_steal_pointer (&text));
        }
      cmark_iter_free (iter);
    }
}

GPtrArray *
byline_outline_items_from_analysis (BylineAnalysis *analysis)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_outline_item_free);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  const BylineLineIndex *lines;
  GPtrArray *headings;
  BylineBody *body;
  guint level = 0;

  if (analysis == NULL)
    return items;

  lines = byline_post_get_lines (byline_analysis_get_post (analysis));
  headings = byline_analysis_get_headings (analysis);
  for (guint i = 0; headings != NULL && i < headings->len; i++)
    {
      const BylineHeading *heading = g_ptr_array_index (headings, i);

      add_entry (entries, lines, heading->span.start, BYLINE_OUTLINE_HEADING, heading->level,
                 g_strstrip (g_strdup (heading->text != NULL ? heading->text : "")));
    }
  add_calls (entries, lines, byline_analysis_get_shortcodes (analysis));
  body = byline_analysis_get_body (analysis);
  if (body != NULL && byline_analysis_get_document (analysis) != NULL)
    add_images (entries, lines, body);

  /* Stable: a heading and what starts with it keep their order. */
  g_array_sort (entries, compare_entries);
  for (guint i = 0; i < entries->len; i++)
    {
      BylineOutlineItem *item = g_array_index (entries, Entry, i).item;

      if (item->kind == BYLINE_OUTLINE_HEADING)
        level = item->level;
      else
        item->level = level;
      g_ptr_array_add (items, item);
    }
  return items;
}
