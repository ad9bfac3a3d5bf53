/* byline-outline.c — the post's headings, figures and shortcode calls, as a
 * sidebar list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The items come from the document's analysis (the core's one parse of the
 * body and its one scan of the shortcode calls); the list only shows them.
 * A heading's level is its indent; figures and calls are lighter rows
 * indented under their heading. The row of the section holding the cursor
 * is selected and follows it. Rows are made again only where the items
 * changed, so that typing in a long post does not rebuild the list.
 */

#define G_LOG_DOMAIN "byline-outline"

#include "config.h"

#include "byline-outline.h"

#include <glib/gi18n.h>

#define INDENT_PER_LEVEL 14

struct _BylineOutline
{
  GtkWidget          parent_instance;

  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkListBox        *list;
  GPtrArray         *items;      /* of BylineOutlineItem */
  GArray            *headings;   /* of guint: the indexes of the headings in items */
  int                current;
};

G_DEFINE_FINAL_TYPE (BylineOutline, byline_outline, GTK_TYPE_WIDGET)

enum
{
  ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
byline_outline_item_free (BylineOutlineItem *item)
{
  if (item == NULL)
    return;
  g_free (item->text);
  g_free (item);
}

/* Whether two items make the same row. */
static gboolean
same_row (const BylineOutlineItem *a,
          const BylineOutlineItem *b)
{
  return a->kind == b->kind && a->level == b->level && g_strcmp0 (a->text, b->text) == 0;
}

static GtkWidget *
new_heading_row (const BylineOutlineItem *item)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (item->text[0] != '\0' ? item->text : _("(Empty Heading)"));
  g_autofree char *name = NULL;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (label, 12 + INDENT_PER_LEVEL * (int) (MAX (item->level, 1) - 1));
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, item->level <= 1 ? "heading" : "body");
  if (item->level > 2)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_widget_set_tooltip_text (row, item->text);

  /* Translators: a row of the outline: the heading's level, then its text. */
  name = g_strdup_printf (_("Heading %u: %s"), item->level, item->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

/* A figure or a call: a place inside a section, lighter than the headings
 * and one step further in than the heading it is under. */
static GtkWidget *
new_place_row (const BylineOutlineItem *item)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon;
  GtkWidget *label = gtk_label_new (item->text);
  g_autofree char *name = NULL;

  if (item->kind == BYLINE_OUTLINE_FIGURE)
    {
      icon = gtk_image_new_from_icon_name ("image-x-generic-symbolic");
      /* Translators: a row of the outline for a picture, then its caption. */
      name = g_strdup_printf (_("Figure: %s"), item->text);
    }
  else
    {
      icon = gtk_image_new_from_icon_name ("insert-text-symbolic");
      /* Translators: a row of the outline for a shortcode call, "{{< tip >}}". */
      name = g_strdup_printf (_("Shortcode: %s"), item->text);
    }

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_start (box, 12 + INDENT_PER_LEVEL * (int) item->level);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_widget_add_css_class (box, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (row, "outline-place");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Only sections are highlighted: choosing a place moves the cursor, and
   * the highlight stays on the section that holds it. */
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_tooltip_text (row, item->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

static GtkWidget *
new_row (const BylineOutlineItem *item)
{
  return item->kind == BYLINE_OUTLINE_HEADING ? new_heading_row (item) : new_place_row (item);
}

void
byline_outline_set_items (BylineOutline *self,
                          GPtrArray     *items)
{
  guint old_len, new_len, prefix = 0, suffix = 0;
  gboolean changed;

  g_return_if_fail (BYLINE_IS_OUTLINE (self));

  old_len = self->items != NULL ? self->items->len : 0;
  new_len = items != NULL ? items->len : 0;

  /* The rows before and after the change stay. */
  while (prefix < old_len && prefix < new_len &&
         same_row (g_ptr_array_index (self->items, prefix), g_ptr_array_index (items, prefix)))
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         same_row (g_ptr_array_index (self->items, old_len - 1 - suffix),
                   g_ptr_array_index (items, new_len - 1 - suffix)))
    suffix++;
  changed = prefix + suffix != old_len || old_len != new_len;

  for (guint i = prefix; i < old_len - suffix; i++)
    gtk_list_box_remove (self->list,
                         GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, (int) prefix)));
  for (guint i = prefix; i < new_len - suffix; i++)
    gtk_list_box_insert (self->list, new_row (g_ptr_array_index (items, i)), (int) i);

  if (items != NULL)
    g_ptr_array_ref (items);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = items;

  g_array_set_size (self->headings, 0);
  for (guint i = 0; i < new_len; i++)
    if (((const BylineOutlineItem *) g_ptr_array_index (items, i))->kind == BYLINE_OUTLINE_HEADING)
      g_array_append_val (self->headings, i);

  /* The highlight is set again by the next byline_outline_set_current_line(). */
  if (changed)
    {
      self->current = -1;
      gtk_list_box_unselect_all (self->list);
    }

  gtk_stack_set_visible_child_name (self->stack, new_len > 0 ? "list" : "empty");
}

guint
byline_outline_get_n_items (BylineOutline *self)
{
  g_return_val_if_fail (BYLINE_IS_OUTLINE (self), 0);

  return self->items != NULL ? self->items->len : 0;
}

const BylineOutlineItem *
byline_outline_get_item (BylineOutline *self,
                         guint          index)
{
  g_return_val_if_fail (BYLINE_IS_OUTLINE (self), NULL);
  g_return_val_if_fail (index < byline_outline_get_n_items (self), NULL);

  return g_ptr_array_index (self->items, index);
}

GtkWidget *
byline_outline_get_row (BylineOutline *self,
                        guint          index)
{
  g_return_val_if_fail (BYLINE_IS_OUTLINE (self), NULL);

  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, (int) index));
}

static guint
heading_line (BylineOutline *self,
              guint          nth)
{
  guint index = g_array_index (self->headings, guint, nth);

  return ((const BylineOutlineItem *) g_ptr_array_index (self->items, index))->line;
}

/* How many headings start on a line before @line, or at it when @at. */
static guint
count_headings_before (BylineOutline *self,
                       guint          line,
                       gboolean       at)
{
  guint low = 0, high = self->headings->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      guint mid_line = heading_line (self, mid);

      if (mid_line < line || (at && mid_line == line))
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

void
byline_outline_set_current_line (BylineOutline *self,
                                 guint          line)
{
  guint n;
  int current;

  g_return_if_fail (BYLINE_IS_OUTLINE (self));

  /* The last heading at or above the line. */
  n = count_headings_before (self, line, TRUE);
  current = n > 0 ? (int) g_array_index (self->headings, guint, n - 1) : -1;

  if (current == self->current)
    return;
  self->current = current;

  if (current < 0)
    gtk_list_box_unselect_all (self->list);
  else
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, current);
      graphene_rect_t bounds;

      gtk_list_box_select_row (self->list, row);
      /* The highlighted row stays in sight as the cursor moves on. */
      if (gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->list), &bounds))
        gtk_adjustment_clamp_page (gtk_scrolled_window_get_vadjustment (self->scroller),
                                   bounds.origin.y, bounds.origin.y + bounds.size.height);
    }
}

int
byline_outline_get_current (BylineOutline *self)
{
  g_return_val_if_fail (BYLINE_IS_OUTLINE (self), -1);

  return self->current;
}

int
byline_outline_find_heading (BylineOutline *self,
                             guint          line,
                             gboolean       forward)
{
  guint n;

  g_return_val_if_fail (BYLINE_IS_OUTLINE (self), -1);

  if (forward)
    {
      n = count_headings_before (self, line, TRUE);
      return n < self->headings->len ? (int) g_array_index (self->headings, guint, n) : -1;
    }
  n = count_headings_before (self, line, FALSE);
  return n > 0 ? (int) g_array_index (self->headings, guint, n - 1) : -1;
}

static void
row_activated_cb (BylineOutline *self,
                  GtkListBoxRow *row,
                  GtkListBox    *list)
{
  int index = gtk_list_box_row_get_index (row);
  const BylineOutlineItem *item;

  if (self->items == NULL || index < 0 || (guint) index >= self->items->len)
    return;

  item = g_ptr_array_index (self->items, index);
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item->line, item->column);
}

static void
byline_outline_dispose (GObject *object)
{
  BylineOutline *self = BYLINE_OUTLINE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->headings, g_array_unref);

  G_OBJECT_CLASS (byline_outline_parent_class)->dispose (object);
}

static void
byline_outline_class_init (BylineOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_outline_dispose;

  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "byline-outline");
}

static void
byline_outline_init (BylineOutline *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *empty = gtk_label_new (_("No Headings"));

  self->current = -1;
  self->headings = g_array_new (FALSE, FALSE, sizeof (guint));
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Outline"), -1);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  self->scroller = GTK_SCROLLED_WINDOW (scroller);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);

  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_valign (empty, GTK_ALIGN_CENTER);

  gtk_stack_add_named (self->stack, scroller, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
byline_outline_new (void)
{
  return g_object_new (BYLINE_TYPE_OUTLINE, NULL);
}
