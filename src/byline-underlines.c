/* byline-underlines.c — the post's problems underlined in the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each severity has a tag with a wavy underline. After an analysis the
 * ranges the tags should cover are compared with the ones they cover, and
 * only the differences are removed or applied: typing that changes no
 * finding touches no tag, and GtkTextView re-lays out nothing.
 */

#define G_LOG_DOMAIN "byline-underlines"

#include "config.h"

#include "byline-underlines.h"

#include <adwaita.h>
#include <glib/gi18n.h>

/* The tags, in priority order. */
#define N_TAGS 4

struct _BylineUnderlines
{
  GObject         parent_instance;

  GtkSourceView  *view;
  BylineDocument *document;
  GtkTextTag     *tags[N_TAGS];  /* spelling, info, warning, error: in priority order */
  GtkLabel       *tooltip_label;
};

G_DEFINE_FINAL_TYPE (BylineUnderlines, byline_underlines, G_TYPE_OBJECT)

typedef struct
{
  int start;
  int end;
} Range;

static const char * const tag_names[] = {
  BYLINE_UNDERLINE_TAG_SPELLING,
  BYLINE_UNDERLINE_TAG_INFO,
  BYLINE_UNDERLINE_TAG_WARNING,
  BYLINE_UNDERLINE_TAG_ERROR,
};

/* Unknown words have a tag of their own, under the others, whatever the
 * rule's severity: the editor's spelling menu looks for it. */
static int
tag_index (BylineProblem *problem)
{
  if (g_strcmp0 (byline_problem_get_rule_id (problem), "spelling/unknown-word") == 0)
    return 0;

  switch (byline_problem_get_severity (problem))
    {
    case BYLINE_SEVERITY_ERROR:
      return 3;
    case BYLINE_SEVERITY_WARNING:
      return 2;
    case BYLINE_SEVERITY_INFO:
    case BYLINE_SEVERITY_OFF:
    default:
      return 1;
    }
}

/* Colours that read on both the light and the dark editor background: the
 * dark variants are the lighter shades of the GNOME palette. */
static void
byline_underlines_update_colors (BylineUnderlines *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  static const char * const light_colors[] = { "#e01b24", "rgba(28,113,216,0.6)", "#c88800",
                                               "#e01b24" };
  static const char * const dark_colors[] = { "#ff7b63", "rgba(153,193,241,0.6)", "#f8e45c",
                                              "#ff7b63" };

  for (guint i = 0; i < G_N_ELEMENTS (self->tags); i++)
    {
      GdkRGBA rgba;

      if (self->tags[i] == NULL)
        continue;

      gdk_rgba_parse (&rgba, dark ? dark_colors[i] : light_colors[i]);
      g_object_set (self->tags[i], "underline-rgba", &rgba, NULL);
    }
}

static void
dark_changed_cb (BylineUnderlines *self,
                 GParamSpec       *pspec,
                 AdwStyleManager  *style_manager)
{
  byline_underlines_update_colors (self);
}

static void
byline_underlines_ensure_tags (BylineUnderlines *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (self->document));

  for (guint i = 0; i < G_N_ELEMENTS (self->tags); i++)
    {
      GtkTextTag *tag = gtk_text_tag_table_lookup (table, tag_names[i]);

      if (tag == NULL)
        tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self->document), tag_names[i],
                                          "underline", PANGO_UNDERLINE_ERROR,
                                          NULL);
      g_set_object (&self->tags[i], tag);
    }

  byline_underlines_update_colors (self);
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const Range *ra = a, *rb = b;

  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  return ra->end < rb->end ? -1 : ra->end > rb->end;
}

/* Sorted, with overlapping and touching ranges merged: the form in which
 * a tag's toggles give them back. */
static void
merge_ranges (GArray *ranges)
{
  guint out = 0;

  if (ranges->len == 0)
    return;

  g_array_sort (ranges, compare_ranges);
  for (guint i = 1; i < ranges->len; i++)
    {
      Range *last = &g_array_index (ranges, Range, out);
      const Range *range = &g_array_index (ranges, Range, i);

      if (range->start <= last->end)
        last->end = MAX (last->end, range->end);
      else
        g_array_index (ranges, Range, ++out) = *range;
    }
  g_array_set_size (ranges, out + 1);
}

static GArray *
collect_tagged (GtkTextBuffer *buffer,
                GtkTextTag    *tag)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (!gtk_text_iter_starts_tag (&iter, tag)
      && !gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    return ranges;

  for (;;)
    {
      Range range;

      range.start = gtk_text_iter_get_offset (&iter);
      gtk_text_iter_forward_to_tag_toggle (&iter, tag);
      range.end = gtk_text_iter_get_offset (&iter);
      if (range.end > range.start)
        g_array_append_val (ranges, range);
      if (gtk_text_iter_is_end (&iter) || !gtk_text_iter_forward_to_tag_toggle (&iter, tag))
        break;
    }

  return ranges;
}

static gboolean
contains_range (GArray      *ranges,
                const Range *range)
{
  /* Both lists are sorted and disjoint: a binary search finds it. */
  guint lo = 0, hi = ranges->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const Range *r = &g_array_index (ranges, Range, mid);
      int cmp = compare_ranges (r, range);

      if (cmp == 0)
        return TRUE;
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return FALSE;
}

/* The ranges each tag should cover, by tag index. */
static void
collect_wanted (BylineUnderlines *self,
                GArray           *wanted[N_TAGS])
{
  GListModel *problems = byline_document_get_problems (self->document);
  guint n_items = g_list_model_get_n_items (problems);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(BylineProblem) problem = g_list_model_get_item (problems, i);
      GtkTextIter start, end;
      Range range;

      /* A problem with a file of the site has nothing in the text to mark. */
      if (byline_problem_get_diagnostic (problem)->subject_kind == BYLINE_SUBJECT_SITE_FILE ||
          !byline_document_get_problem_bounds (self->document, problem, &start, &end))
        continue;

      range.start = gtk_text_iter_get_offset (&start);
      range.end = gtk_text_iter_get_offset (&end);
      if (range.end > range.start)
        g_array_append_val (wanted[tag_index (problem)], range);
    }

  for (guint i = 0; i < N_TAGS; i++)
    merge_ranges (wanted[i]);
}

static void
byline_underlines_apply (BylineUnderlines *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GArray *wanted[N_TAGS];
  int size;

  /* Offsets of an older text would underline the wrong words; the next
   * analysis comes soon. */
  if (!byline_document_is_analyzed (self->document))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    wanted[i] = g_array_new (FALSE, FALSE, sizeof (Range));
  collect_wanted (self, wanted);

  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    {
      g_autoptr(GArray) tagged = collect_tagged (buffer, self->tags[i]);
      GtkTextIter start, end;

      /* Tagged ranges are disjoint, so removing one that is not wanted
       * leaves the others as they are. */
      for (guint j = 0; j < tagged->len; j++)
        {
          const Range *range = &g_array_index (tagged, Range, j);

          if (contains_range (wanted[i], range))
            continue;
          gtk_text_buffer_get_iter_at_offset (buffer, &start, range->start);
          gtk_text_buffer_get_iter_at_offset (buffer, &end, range->end);
          gtk_text_buffer_remove_tag (buffer, self->tags[i], &start, &end);
        }

      for (guint j = 0; j < wanted[i]->len; j++)
        {
          const Range *range = &g_array_index (wanted[i], Range, j);

          if (contains_range (tagged, range))
            continue;
          gtk_text_buffer_get_iter_at_offset (buffer, &start, range->start);
          gtk_text_buffer_get_iter_at_offset (buffer, &end, range->end);
          gtk_text_buffer_apply_tag (buffer, self->tags[i], &start, &end);
        }

      g_array_unref (wanted[i]);
    }

  /* Highlighting creates its tags as it meets new styles; the underlines
   * stay above them, errors above the rest. */
  size = gtk_text_tag_table_get_size (table);
  for (guint i = 0; i < G_N_ELEMENTS (self->tags); i++)
    {
      int priority = size - (int) G_N_ELEMENTS (self->tags) + (int) i;

      if (gtk_text_tag_get_priority (self->tags[i]) != priority)
        gtk_text_tag_set_priority (self->tags[i], priority);
    }
}

static void
analysis_cb (BylineUnderlines *self,
             GParamSpec       *pspec,
             BylineDocument   *document)
{
  byline_underlines_apply (self);
}

char *
byline_underlines_dup_messages_at (BylineUnderlines  *self,
                                   const GtkTextIter *iter)
{
  g_autoptr(GString) text = NULL;
  GListModel *problems;
  gboolean tagged = FALSE;
  guint n_items;

  g_return_val_if_fail (BYLINE_IS_UNDERLINES (self), NULL);
  g_return_val_if_fail (iter != NULL, NULL);

  if (self->document == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (self->tags); i++)
    tagged |= gtk_text_iter_has_tag (iter, self->tags[i]);
  if (!tagged)
    return NULL;

  problems = byline_document_get_problems (self->document);
  n_items = g_list_model_get_n_items (problems);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(BylineProblem) problem = g_list_model_get_item (problems, i);
      GtkTextIter start, end;

      if (!byline_document_get_problem_bounds (self->document, problem, &start, &end)
          || !gtk_text_iter_in_range (iter, &start, &end))
        continue;

      if (text == NULL)
        text = g_string_new (NULL);
      else
        g_string_append_c (text, '\n');
      /* TRANSLATORS: a problem's tooltip: "Error: <message>" */
      g_string_append_printf (text, _("%s: %s"), byline_problem_get_severity_label (problem),
                              byline_problem_get_message (problem));
    }

  return text != NULL ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static int
longest_line (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  glong longest = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    longest = MAX (longest, g_utf8_strlen (lines[i], -1));

  return (int) MIN (longest, G_MAXINT);
}

static gboolean
query_tooltip_cb (BylineUnderlines *self,
                  int               x,
                  int               y,
                  gboolean          keyboard_mode,
                  GtkTooltip       *tooltip,
                  GtkWidget        *view)
{
  g_autofree char *messages = NULL;
  GtkTextIter iter;

  if (self->document == NULL)
    return FALSE;

  if (keyboard_mode)
    {
      GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);

      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
    }
  else
    {
      int buffer_x, buffer_y;

      gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET,
                                             x, y, &buffer_x, &buffer_y);
      if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (view), &iter,
                                               buffer_x, buffer_y))
        return FALSE;
    }

  messages = byline_underlines_dup_messages_at (self, &iter);
  if (messages == NULL)
    return FALSE;

  /* The stock tooltip label wraps long messages into a box much wider
   * than its text; this one is as wide as its longest line, up to a
   * readable width, so that it wraps there and fills its box. */
  gtk_label_set_label (self->tooltip_label, messages);
  gtk_label_set_width_chars (self->tooltip_label, MIN (longest_line (messages), 60));
  gtk_tooltip_set_custom (tooltip, GTK_WIDGET (self->tooltip_label));
  return TRUE;
}

BylineUnderlines *
byline_underlines_new (GtkSourceView *view)
{
  BylineUnderlines *self;

  g_return_val_if_fail (GTK_SOURCE_IS_VIEW (view), NULL);

  self = g_object_new (BYLINE_TYPE_UNDERLINES, NULL);
  self->view = view;

  gtk_widget_set_has_tooltip (GTK_WIDGET (view), TRUE);
  g_signal_connect_object (view, "query-tooltip",
                           G_CALLBACK (query_tooltip_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

void
byline_underlines_set_document (BylineUnderlines *self,
                                BylineDocument   *document)
{
  g_return_if_fail (BYLINE_IS_UNDERLINES (self));
  g_return_if_fail (!document || BYLINE_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, analysis_cb, self);
  for (guint i = 0; i < G_N_ELEMENTS (self->tags); i++)
    g_clear_object (&self->tags[i]);

  g_set_object (&self->document, document);

  if (document != NULL)
    {
      byline_underlines_ensure_tags (self);
      g_signal_connect_object (document, "notify::analysis",
                               G_CALLBACK (analysis_cb), self, G_CONNECT_SWAPPED);
      byline_underlines_apply (self);
    }
}

static void
byline_underlines_dispose (GObject *object)
{
  BylineUnderlines *self = BYLINE_UNDERLINES (object);

  byline_underlines_set_document (self, NULL);
  g_clear_object (&self->tooltip_label);

  G_OBJECT_CLASS (byline_underlines_parent_class)->dispose (object);
}

static void
byline_underlines_class_init (BylineUnderlinesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = byline_underlines_dispose;
}

static void
byline_underlines_init (BylineUnderlines *self)
{
  self->tooltip_label = GTK_LABEL (g_object_ref_sink (gtk_label_new (NULL)));
  gtk_label_set_wrap (self->tooltip_label, TRUE);
  gtk_label_set_wrap_mode (self->tooltip_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (self->tooltip_label, 60);
  gtk_label_set_xalign (self->tooltip_label, 0);
}
