/* byline-problems-panel.c — the list of the post's problems
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per finding of the document's last analysis: severity icon,
 * message, rule id and line, and a Fix button where the rule offers one.
 * The rows follow the document's problems model, which changes only when
 * the findings do.
 */

#define G_LOG_DOMAIN "byline-problems-panel"

#include "config.h"

#include "byline-problems-panel.h"

#include "byline-severity-style.h"

#include <adwaita.h>
#include <glib/gi18n.h>

struct _BylineProblemsPanel
{
  GtkWidget       parent_instance;

  GtkWidget      *box;
  GtkLabel       *summary_label;
  GtkStack       *stack;
  GtkListBox     *list_box;

  BylineDocument *document;

  /* After a Fix the rows move up under the pointer: Fix buttons ignore
   * clicks until a double-click's time after the list changed, and the
   * focus goes to the row that took the fixed one's place. Times are
   * monotonic µs. */
  gint64          last_fix_at;
  gint64          ignore_fix_until;
  int             focus_index;
  guint           focus_source;

  /* The rows are made when the panel first shows, not for every post
   * opened with the panel closed. */
  guint           bound : 1;
};

G_DEFINE_FINAL_TYPE (BylineProblemsPanel, byline_problems_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

enum {
  PROBLEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_toast (BylineProblemsPanel *self,
            const char          *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

/* How long after a Fix the list may still change because of it. */
#define FIX_SETTLE_USEC (2 * G_USEC_PER_SEC)

static gint64
double_click_usec (BylineProblemsPanel *self)
{
  int msec = 400;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-double-click-time", &msec, NULL);

  return (gint64) msec * G_TIME_SPAN_MILLISECOND;
}

static void
fix_clicked_cb (BylineProblemsPanel *self,
                GtkButton           *button)
{
  BylineProblem *problem = g_object_get_data (G_OBJECT (button), "byline-problem");
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_monotonic_time ();

  if (self->document == NULL || problem == NULL)
    return;

  /* The second click of a double click, or a click on a row that has just
   * moved under the pointer, was meant for the row that was there. */
  if (now < self->ignore_fix_until)
    return;

  if (!byline_document_apply_fix (self->document, problem, &error))
    {
      show_toast (self, error->message);
      return;
    }

  self->last_fix_at = now;
  self->ignore_fix_until = now + double_click_usec (self);
  self->focus_index = row != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;
}

static gboolean
focus_after_fix_cb (gpointer user_data)
{
  BylineProblemsPanel *self = user_data;
  GtkListBoxRow *row = NULL;
  int index = self->focus_index;

  self->focus_source = 0;
  self->focus_index = -1;

  /* The row now at the fixed one's place, or the last one. */
  for (; index >= 0 && row == NULL; index--)
    row = gtk_list_box_get_row_at_index (self->list_box, index);

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));

  return G_SOURCE_REMOVE;
}

/* The line label and the accessible name follow the problem when an edit
 * above it moves it. */
static void
row_update_line (GtkWidget     *row,
                 BylineProblem *problem)
{
  GtkLabel *line_label = g_object_get_data (G_OBJECT (row), "byline-line-label");
  g_autofree char *description = byline_problem_dup_description (problem);
  g_autofree char *place = byline_problem_dup_place (problem);

  gtk_label_set_label (line_label, place);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

static void
problem_line_changed_cb (BylineProblem *problem,
                         GParamSpec    *pspec,
                         GtkWidget     *row)
{
  row_update_line (row, problem);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  BylineProblemsPanel *self = user_data;
  BylineProblem *problem = item;
  GtkWidget *row, *box, *text_box, *icon, *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  icon = gtk_image_new_from_icon_name (byline_problem_get_icon_name (problem));
  byline_severity_style_widget (icon, byline_problem_get_severity (problem));
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (icon, byline_problem_get_severity_label (problem));
  gtk_box_append (GTK_BOX (box), icon);

  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_box_append (GTK_BOX (box), text_box);

  label = gtk_label_new (byline_problem_get_message (problem));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (text_box), label);

  label = gtk_label_new (byline_problem_get_rule_id (problem));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (text_box), label);

  label = gtk_label_new (NULL);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);

  if (byline_problem_has_fix (problem))
    {
      g_autofree char *fix_name = NULL;
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Fix"));

      /* TRANSLATORS: the accessible name of a problem's Fix button:
       * "Fix: Image caption ends with a period". */
      fix_name = g_strdup_printf (_("Fix: %s"), byline_problem_get_message (problem));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, fix_name,
                                      -1);
      gtk_widget_set_tooltip_text (button, _("Apply the suggested change"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "byline-problem",
                              g_object_ref (problem), g_object_unref);
      g_signal_connect_object (button, "clicked", G_CALLBACK (fix_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), button);
    }

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "byline-line-label", label);
  g_object_set_data_full (G_OBJECT (row), "byline-problem",
                          g_object_ref (problem), g_object_unref);
  row_update_line (row, problem);
  g_signal_connect_object (problem, "notify::line",
                           G_CALLBACK (problem_line_changed_cb), row, 0);

  return row;
}

static void
row_activated_cb (BylineProblemsPanel *self,
                  GtkListBoxRow       *row,
                  GtkListBox          *list_box)
{
  BylineProblem *problem = g_object_get_data (G_OBJECT (row), "byline-problem");

  if (problem != NULL)
    g_signal_emit (self, signals[PROBLEM_ACTIVATED], 0, problem);
}

static void
byline_problems_panel_update (BylineProblemsPanel *self)
{
  g_autofree char *summary = NULL;
  gboolean empty = TRUE;

  if (self->document != NULL)
    {
      empty = g_list_model_get_n_items (byline_document_get_problems (self->document)) == 0;
      summary = byline_document_dup_problems_summary (self->document);
    }

  gtk_label_set_label (self->summary_label, empty ? NULL : summary);
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
problems_changed_cb (BylineProblemsPanel *self,
                     guint                position,
                     guint                removed,
                     guint                added,
                     GListModel          *model)
{
  gint64 now = g_get_monotonic_time ();

  byline_problems_panel_update (self);

  if (self->last_fix_at == 0 || now - self->last_fix_at > FIX_SETTLE_USEC)
    return;

  self->ignore_fix_until = MAX (self->ignore_fix_until, now + double_click_usec (self));

  /* The list box makes its rows in its own handler of this signal, which
   * may run after this one. */
  if (self->focus_index >= 0 && self->focus_source == 0)
    self->focus_source = g_idle_add (focus_after_fix_cb, self);
}

static void
analysis_cb (BylineProblemsPanel *self,
             GParamSpec          *pspec,
             BylineDocument      *document)
{
  byline_problems_panel_update (self);
}

static void
byline_problems_panel_bind (BylineProblemsPanel *self)
{
  if (self->bound || self->document == NULL)
    return;

  self->bound = TRUE;
  gtk_list_box_bind_model (self->list_box, byline_document_get_problems (self->document),
                           create_row_cb, self, NULL);
}

static void
byline_problems_panel_map (GtkWidget *widget)
{
  byline_problems_panel_bind (BYLINE_PROBLEMS_PANEL (widget));

  GTK_WIDGET_CLASS (byline_problems_panel_parent_class)->map (widget);
}

BylineDocument *
byline_problems_panel_get_document (BylineProblemsPanel *self)
{
  g_return_val_if_fail (BYLINE_IS_PROBLEMS_PANEL (self), NULL);

  return self->document;
}

void
byline_problems_panel_set_document (BylineProblemsPanel *self,
                                    BylineDocument      *document)
{
  g_return_if_fail (BYLINE_IS_PROBLEMS_PANEL (self));
  g_return_if_fail (!document || BYLINE_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_func (byline_document_get_problems (self->document),
                                            problems_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->document, analysis_cb, self);
    }

  g_set_object (&self->document, document);

  self->bound = FALSE;
  gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    byline_problems_panel_bind (self);

  if (document != NULL)
    {
      GListModel *problems = byline_document_get_problems (document);

      g_signal_connect_object (problems, "items-changed",
                               G_CALLBACK (problems_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::analysis",
                               G_CALLBACK (analysis_cb), self, G_CONNECT_SWAPPED);
    }

  byline_problems_panel_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

GtkListBox *
byline_problems_panel_get_list_box (BylineProblemsPanel *self)
{
  g_return_val_if_fail (BYLINE_IS_PROBLEMS_PANEL (self), NULL);

  /* Whoever asks for the rows gets them. */
  byline_problems_panel_bind (self);

  return self->list_box;
}

GtkWidget *
byline_problems_panel_new (void)
{
  return g_object_new (BYLINE_TYPE_PROBLEMS_PANEL, NULL);
}

static void
byline_problems_panel_dispose (GObject *object)
{
  BylineProblemsPanel *self = BYLINE_PROBLEMS_PANEL (object);

  g_clear_handle_id (&self->focus_source, g_source_remove);
  byline_problems_panel_set_document (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_PROBLEMS_PANEL);

  G_OBJECT_CLASS (byline_problems_panel_parent_class)->dispose (object);
}

static void
byline_problems_panel_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BylineProblemsPanel *self = BYLINE_PROBLEMS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_problems_panel_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BylineProblemsPanel *self = BYLINE_PROBLEMS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      byline_problems_panel_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_problems_panel_class_init (BylineProblemsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_problems_panel_dispose;
  object_class->get_property = byline_problems_panel_get_property;
  object_class->set_property = byline_problems_panel_set_property;

  widget_class->map = byline_problems_panel_map;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         BYLINE_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PROBLEM_ACTIVATED] =
    g_signal_new ("problem-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BYLINE_TYPE_PROBLEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/byline-problems-panel.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, BylineProblemsPanel, box);
  gtk_widget_class_bind_template_child (widget_class, BylineProblemsPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, BylineProblemsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, BylineProblemsPanel, list_box);
}

static void
byline_problems_panel_init (BylineProblemsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->focus_index = -1;
  g_signal_connect_object (self->list_box, "row-activated",
                           G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
  byline_problems_panel_update (self);
}
