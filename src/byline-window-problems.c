/* byline-window-problems.c — the window's problems: header button, panel, check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-window"

#include "config.h"

#include "byline-window-private.h"

#include "byline-problems-panel.h"
#include "byline-severity-style.h"

#include <glib/gi18n.h>

void
byline_window_update_problems_button (BylineWindow *self)
{
  GtkWidget *button = GTK_WIDGET (self->problems_button);
  guint n_errors = byline_document_get_n_errors (self->document);
  guint n_warnings = byline_document_get_n_warnings (self->document);
  g_autofree char *count = NULL;
  g_autofree char *name = NULL;
  BylineSeverity worst = n_errors > 0 ? BYLINE_SEVERITY_ERROR
                        : n_warnings > 0 ? BYLINE_SEVERITY_WARNING : BYLINE_SEVERITY_OFF;
  /* A draft, or a post before its publish date or after its expiry date,
   * is not on the site however clean it is. */
  gboolean on_site = byline_publish_badge_get_state (self->publish_badge)
                     == BYLINE_PUBLISH_PUBLISHED;

  /* A post without errors or warnings shows a check mark, in green when
   * the site shows the post; beside the publish badge otherwise. */
  byline_severity_style_widget (button, worst);
  if (worst == BYLINE_SEVERITY_OFF)
    {
      gtk_image_set_from_icon_name (self->problems_icon, "emblem-ok-symbolic");
      if (on_site)
        gtk_widget_add_css_class (button, "success");
      else
        gtk_widget_remove_css_class (button, "success");
    }
  else
    {
      gtk_image_set_from_icon_name (self->problems_icon, byline_severity_get_icon_name (worst));
      gtk_widget_remove_css_class (button, "success");
    }

  /* A clean post shows the check mark alone. */
  count = g_strdup_printf ("%u", n_errors + n_warnings);
  gtk_label_set_label (self->problems_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), n_errors + n_warnings > 0);

  if (n_errors + n_warnings == 0 && !on_site)
    /* TRANSLATORS: the accessible name of the problems button of a post
     * the site does not show; %s is its state, "Draft". */
    name = g_strdup_printf (_("Problems: none, but not on the site: %s"),
                            byline_publish_badge_get_text (self->publish_badge));
  else if (n_errors + n_warnings == 0)
    name = g_strdup (_("Problems: none"));
  else if (n_warnings == 0)
    /* TRANSLATORS: the accessible name of the problems button. */
    name = g_strdup_printf (ngettext ("Problems: %u error", "Problems: %u errors", n_errors),
                            n_errors);
  else if (n_errors == 0)
    name = g_strdup_printf (ngettext ("Problems: %u warning", "Problems: %u warnings",
                                      n_warnings),
                            n_warnings);
  else
    {
      g_autofree char *errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors),
                                                 n_errors);
      g_autofree char *warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings",
                                                             n_warnings),
                                                   n_warnings);

      /* TRANSLATORS: "Problems: 2 errors, 1 warning" */
      name = g_strdup_printf (_("Problems: %s, %s"), errors, warnings);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
show_check_result (BylineWindow *self)
{
  g_autofree char *summary = byline_document_dup_problems_summary (self->document);

  self->check_pending = FALSE;
  byline_window_add_toast (self, summary);
}

static void
problems_analysis_cb (BylineWindow   *self,
                      GParamSpec     *pspec,
                      BylineDocument *document)
{
  byline_window_update_problems_button (self);

  if (self->check_pending && byline_document_is_analyzed (document))
    show_check_result (self);
}

static void
problems_file_changed_cb (BylineWindow   *self,
                          GParamSpec     *pspec,
                          BylineDocument *document)
{
  gboolean has_file = byline_document_get_file (document) != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->problems_button), has_file);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.check", has_file);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-problems", has_file);
}

static void
problem_activated_cb (BylineWindow        *self,
                      BylineProblem       *problem,
                      BylineProblemsPanel *panel)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  GtkTextIter start, end;

  /* The editor scrolls to the line and takes the focus; scroll sync brings
   * the preview along. */
  byline_editor_goto_line (self->editor, MAX (byline_problem_get_line (problem), 1));
  if (byline_document_get_problem_bounds (self->document, problem, &start, &end))
    gtk_text_buffer_place_cursor (buffer, &start);
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  /* A small post is analysed right here and the toast shows at once; a
   * large one is analysed on the worker, and the toast comes with its
   * "analyzed". */
  self->check_pending = TRUE;
  byline_document_analyze_now (self->document);
}

static void
toggle_problems_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  gtk_toggle_button_set_active (self->problems_button,
                                !gtk_toggle_button_get_active (self->problems_button));
}

static void
problems_revealed_cb (BylineWindow *self,
                      GParamSpec   *pspec,
                      GtkRevealer  *revealer)
{
  GtkListBox *list_box = byline_problems_panel_get_list_box (self->problems_panel);
  GtkListBoxRow *row;

  /* Opening the panel from the keyboard puts the focus on the first
   * problem; closing it gives the focus back to the text. */
  if (gtk_revealer_get_reveal_child (revealer))
    {
      row = gtk_list_box_get_row_at_index (list_box, 0);
      if (row != NULL && gtk_widget_has_focus (GTK_WIDGET (self->problems_button)) == FALSE)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  else if (gtk_widget_get_focus_child (GTK_WIDGET (self->problems_panel)) != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->editor));
    }
}

void
byline_window_init_problems (BylineWindow *self)
{
  byline_problems_panel_set_document (self->problems_panel, self->document);

  g_object_bind_property (self->problems_button, "active",
                          self->problems_revealer, "reveal-child",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->problems_revealer, "notify::reveal-child",
                           G_CALLBACK (problems_revealed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->problems_panel, "problem-activated",
                           G_CALLBACK (problem_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::analysis",
                           G_CALLBACK (problems_analysis_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file",
                           G_CALLBACK (problems_file_changed_cb), self, G_CONNECT_SWAPPED);

  byline_window_update_problems_button (self);
  problems_file_changed_cb (self, NULL, self->document);
}

void
byline_window_class_init_problems (BylineWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (BYLINE_TYPE_PROBLEMS_PANEL);

  gtk_widget_class_bind_template_child (widget_class, BylineWindow, problems_button);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, problems_icon);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, problems_label);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, problems_panel);

  gtk_widget_class_install_action (widget_class, "win.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-problems", NULL,
                                   toggle_problems_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_C,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.check", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_M,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.toggle-problems", NULL);
}
