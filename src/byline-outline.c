/* byline-outline.c — the post's headings, as a sidebar list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The headings come from the document's analysis (the core's one parse of
 * the body); the list only shows them. A heading's level is its indent;
 * the row of the section holding the cursor is selected and follows it.
 */

#define G_LOG_DOMAIN "byline-outline"

#include "config.h"

#include "byline-outline.h"

#include <glib/gi18n.h>

#define INDENT_PER_LEVEL 14

struct _BylineOutline
{
  GtkWidget   parent_instance;

  GtkStack   *stack;
  GtkScrolledWindow *scroller;
  GtkListBox *list;
  GPtrArray  *headings;   /* of BylineOutlineHeading */
  int         current;
};

G_DEFINE_FINAL_TYPE (BylineOutline, byline_outline, GTK_TYPE_WIDGET)

enum
{
  HEADING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
byline_outline_heading_free (BylineOutlineHeading *heading)
{
  if (heading == NULL)
    return;
  g_free (heading->text);
  g_free (heading);
}

static gboolean
same_headings (GPtrArray *a,
               GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const BylineOutlineHeading *ha = g_ptr_array_index (a, i);
      const BylineOutlineHeading *hb = g_ptr_array_index (b, i);

      if (ha->level != hb->level || ha->line != hb->line || g_strcmp0 (ha->text, hb->text) != 0)
        return FALSE;
    }
  return TRUE;
}

static GtkWidget *
new_row (const BylineOutlineHeading *heading)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (heading->text[0] != '\0' ? heading->text : _("(Empty Heading)"));
  g_autofree char *name = NULL;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (label, 12 + INDENT_PER_LEVEL * (int) (MAX (heading->level, 1) - 1));
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, heading->level <= 1 ? "heading" : "body");
  if (heading->level > 2)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_widget_set_tooltip_text (row, heading->text);

  /* Translators: a row of the outline: the heading's level, then its text. */
  name = g_strdup_printf (_("Heading %u: %s"), heading->level, heading->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

void
byline_outline_set_headings (BylineOutline *self,
                             GPtrArray     *headings)
{
  GtkWidget *child;

  g_return_if_fail (BYLINE_IS_OUTLINE (self));

  if (same_headings (self->headings, headings))
    return;

  g_clear_pointer (&self->headings, g_ptr_array_unref);
  if (headings != NULL)
    self->headings = g_ptr_array_ref (headings);
  self->current = -1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; headings != NULL && i < headings->len; i++)
    gtk_list_box_append (self->list, new_row (g_ptr_array_index (headings, i)));

  gtk_stack_set_visible_child_name (self->stack,
                                    headings != NULL && headings->len > 0 ? "list" : "empty");
}

guint
byline_outline_get_n_headings (BylineOutline *self)
{
  g_return_val_if_fail (BYLINE_IS_OUTLINE (self), 0);

  return self->headings != NULL ? self->headings->len : 0;
}

const BylineOutlineHeading *
byline_outline_get_heading (BylineOutline *self,
                            guint          index)
{
  g_return_val_if_fail (BYLINE_IS_OUTLINE (self), NULL);
  g_return_val_if_fail (index < byline_outline_get_n_headings (self), NULL);

  return g_ptr_array_index (self->headings, index);
}

GtkWidget *
byline_outline_get_row (BylineOutline *self,
                        guint          index)
{
  g_return_val_if_fail (BYLINE_IS_OUTLINE (self), NULL);

  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, (int) index));
}

void
byline_outline_set_current_line (BylineOutline *self,
                                 guint          line)
{
  int current = -1;
  guint low = 0, high;

  g_return_if_fail (BYLINE_IS_OUTLINE (self));

  /* The last heading at or above the line. */
  high = self->headings != NULL ? self->headings->len : 0;
  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      const BylineOutlineHeading *heading = g_ptr_array_index (self->headings, mid);

      if (heading->line <= line)
        low = mid + 1;
      else
        high = mid;
    }
  current = (int) low - 1;

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

static void
row_activated_cb (BylineOutline *self,
                  GtkListBoxRow *row,
                  GtkListBox    *list)
{
  int index = gtk_list_box_row_get_index (row);
  const BylineOutlineHeading *heading;

  if (self->headings == NULL || index < 0 || (guint) index >= self->headings->len)
    return;

  heading = g_ptr_array_index (self->headings, index);
  g_signal_emit (self, signals[HEADING_ACTIVATED], 0, heading->line);
}

static void
byline_outline_dispose (GObject *object)
{
  BylineOutline *self = BYLINE_OUTLINE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->headings, g_ptr_array_unref);

  G_OBJECT_CLASS (byline_outline_parent_class)->dispose (object);
}

static void
byline_outline_class_init (BylineOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_outline_dispose;

  signals[HEADING_ACTIVATED] =
    g_signal_new ("heading-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "byline-outline");
}

static void
byline_outline_init (BylineOutline *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *empty = gtk_label_new (_("No Headings"));

  self->current = -1;
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
