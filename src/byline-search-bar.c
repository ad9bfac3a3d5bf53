/* byline-search-bar.c — find and replace in the source editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-search-bar"

#include "config.h"

#include "byline-search-bar.h"

#include <glib/gi18n.h>

struct _BylineSearchBar
{
  GtkWidget                parent_instance;

  GtkSearchEntry          *search_entry;
  GtkLabel                *status_label;
  GtkCheckButton          *case_button;
  GtkCheckButton          *word_button;
  GtkCheckButton          *regex_button;
  GtkToggleButton         *replace_button;
  GtkEntry                *replace_entry;

  GtkSourceView           *view;
  GtkSourceSearchSettings *settings;
  GtkSourceSearchContext  *context;
  GSignalGroup            *buffer_signals;
  GCancellable            *cancellable;
  char                    *status;
};

G_DEFINE_FINAL_TYPE (BylineSearchBar, byline_search_bar, GTK_TYPE_WIDGET)

static void
byline_search_bar_update_status (BylineSearchBar *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  const GError *regex_error;
  int count;
  int position;

  g_clear_pointer (&self->status, g_free);

  if (self->context == NULL || gtk_source_search_settings_get_search_text (self->settings) == NULL)
    {
      self->status = g_strdup ("");
    }
  else if ((regex_error = gtk_source_search_context_get_regex_error (self->context)) != NULL)
    {
      self->status = g_strdup (_("Invalid pattern"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), regex_error->message);
    }
  else
    {
      buffer = GTK_TEXT_BUFFER (gtk_source_search_context_get_buffer (self->context));
      gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
      count = gtk_source_search_context_get_occurrences_count (self->context);
      position = gtk_source_search_context_get_occurrence_position (self->context, &start, &end);

      /* The count is -1 while the buffer is still being scanned. */
      if (count < 0)
        self->status = g_strdup ("");
      else if (count == 0)
        self->status = g_strdup (_("No matches"));
      else if (position > 0)
        /* Translators: the position of the selected match among all of them. */
        self->status = g_strdup_printf (_("%d of %d"), position, count);
      else
        self->status = g_strdup_printf (ngettext ("%d match", "%d matches", count), count);
    }

  if (self->context == NULL || gtk_source_search_context_get_regex_error (self->context) == NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), NULL);

  gtk_label_set_label (self->status_label, self->status);

  if (g_strcmp0 (self->status, _("No matches")) == 0
      || g_strcmp0 (self->status, _("Invalid pattern")) == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
}

static void
select_match (BylineSearchBar *self,
              GtkTextIter     *start,
              GtkTextIter     *end)
{
  GtkTextBuffer *buffer = gtk_text_iter_get_buffer (start);

  gtk_text_buffer_select_range (buffer, start, end);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->view), start, 0.25, FALSE, 0, 0);
  byline_search_bar_update_status (self);
}

static void
forward_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BylineSearchBar) self = user_data;
  GtkTextIter start, end;

  if (gtk_source_search_context_forward_finish (GTK_SOURCE_SEARCH_CONTEXT (object),
                                                result, &start, &end, NULL, NULL))
    select_match (self, &start, &end);
  else
    byline_search_bar_update_status (self);
}

static void
backward_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BylineSearchBar) self = user_data;
  GtkTextIter start, end;

  if (gtk_source_search_context_backward_finish (GTK_SOURCE_SEARCH_CONTEXT (object),
                                                 result, &start, &end, NULL, NULL))
    select_match (self, &start, &end);
  else
    byline_search_bar_update_status (self);
}

static void
byline_search_bar_search_from (BylineSearchBar *self,
                               gboolean         backward,
                               gboolean         from_selection_start)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (self->context == NULL || gtk_source_search_settings_get_search_text (self->settings) == NULL)
    return;

  buffer = GTK_TEXT_BUFFER (gtk_source_search_context_get_buffer (self->context));
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (backward)
    gtk_source_search_context_backward_async (self->context, &start, self->cancellable,
                                              backward_cb, g_object_ref (self));
  else
    gtk_source_search_context_forward_async (self->context,
                                             from_selection_start ? &start : &end,
                                             self->cancellable,
                                             forward_cb, g_object_ref (self));
}

void
byline_search_bar_move (BylineSearchBar *self,
                        gboolean         backward)
{
  g_return_if_fail (BYLINE_IS_SEARCH_BAR (self));

  byline_search_bar_search_from (self, backward, FALSE);
}

static void
search_changed_cb (BylineSearchBar *self,
                   GtkSearchEntry  *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  gtk_source_search_settings_set_search_text (self->settings, *text ? text : NULL);

  /* Typing refines the match under the cursor instead of jumping past it. */
  byline_search_bar_search_from (self, FALSE, TRUE);
  byline_search_bar_update_status (self);
}

static void
search_activate_cb (BylineSearchBar *self,
                    GtkSearchEntry  *entry)
{
  byline_search_bar_move (self, FALSE);
}

static void
next_match_cb (BylineSearchBar *self,
               GtkSearchEntry  *entry)
{
  byline_search_bar_move (self, FALSE);
}

static void
previous_match_cb (BylineSearchBar *self,
                   GtkSearchEntry  *entry)
{
  byline_search_bar_move (self, TRUE);
}

static void
stop_search_cb (BylineSearchBar *self,
                GtkSearchEntry  *entry)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "search.close", NULL);
}

static void
byline_search_bar_replace_one (BylineSearchBar *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  const char *replacement;
  g_autoptr(GError) error = NULL;

  if (self->context == NULL)
    return;

  buffer = GTK_TEXT_BUFFER (gtk_source_search_context_get_buffer (self->context));
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);

  /* Only a selected match is replaced; otherwise the first press finds one. */
  if (gtk_source_search_context_get_occurrence_position (self->context, &start, &end) > 0)
    {
      replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
      if (!gtk_source_search_context_replace (self->context, &start, &end,
                                              replacement, -1, &error))
        {
          gtk_label_set_label (self->status_label, error->message);
          return;
        }
    }

  byline_search_bar_move (self, FALSE);
}

static void
replace_activate_cb (BylineSearchBar *self,
                     GtkEntry        *entry)
{
  byline_search_bar_replace_one (self);
}

static void
search_next_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  byline_search_bar_move (BYLINE_SEARCH_BAR (widget), FALSE);
}

static void
search_previous_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  byline_search_bar_move (BYLINE_SEARCH_BAR (widget), TRUE);
}

static void
search_replace_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  byline_search_bar_replace_one (BYLINE_SEARCH_BAR (widget));
}

static void
search_replace_all_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  BylineSearchBar *self = BYLINE_SEARCH_BAR (widget);
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  g_autoptr(GError) error = NULL;

  if (self->context == NULL)
    return;

  if (!gtk_source_search_context_replace_all (self->context, replacement, -1, &error))
    gtk_label_set_label (self->status_label, error->message);
  else
    byline_search_bar_update_status (self);
}

static void
occurrences_changed_cb (BylineSearchBar        *self,
                        GParamSpec             *pspec,
                        GtkSourceSearchContext *context)
{
  byline_search_bar_update_status (self);
}

static void
mark_set_cb (BylineSearchBar *self,
             GtkTextIter     *location,
             GtkTextMark     *mark,
             GtkTextBuffer   *buffer)
{
  if (mark == gtk_text_buffer_get_insert (buffer)
      || mark == gtk_text_buffer_get_selection_bound (buffer))
    byline_search_bar_update_status (self);
}

static void
byline_search_bar_set_buffer (BylineSearchBar *self,
                              GtkSourceBuffer *buffer)
{
  gboolean highlight = self->context != NULL
                       && gtk_source_search_context_get_highlight (self->context);

  g_signal_group_set_target (self->buffer_signals, buffer);
  g_clear_object (&self->context);

  if (buffer != NULL)
    {
      self->context = gtk_source_search_context_new (buffer, self->settings);
      gtk_source_search_context_set_highlight (self->context, highlight);
      g_signal_connect_object (self->context, "notify::occurrences-count",
                               G_CALLBACK (occurrences_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->context, "notify::regex-error",
                               G_CALLBACK (occurrences_changed_cb), self, G_CONNECT_SWAPPED);
    }

  byline_search_bar_update_status (self);
}

static void
view_buffer_changed_cb (BylineSearchBar *self,
                        GParamSpec      *pspec,
                        GtkTextView     *view)
{
  byline_search_bar_set_buffer (self, GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (view)));
}

void
byline_search_bar_set_view (BylineSearchBar *self,
                            GtkSourceView   *view)
{
  g_return_if_fail (BYLINE_IS_SEARCH_BAR (self));
  g_return_if_fail (!view || GTK_SOURCE_IS_VIEW (view));

  if (self->view == view)
    return;

  if (self->view != NULL)
    g_signal_handlers_disconnect_by_func (self->view, view_buffer_changed_cb, self);

  g_set_weak_pointer (&self->view, view);

  if (view != NULL)
    {
      g_signal_connect_object (view, "notify::buffer",
                               G_CALLBACK (view_buffer_changed_cb), self, G_CONNECT_SWAPPED);
      view_buffer_changed_cb (self, NULL, GTK_TEXT_VIEW (view));
    }
  else
    {
      byline_search_bar_set_buffer (self, NULL);
    }
}

void
byline_search_bar_begin (BylineSearchBar *self,
                         gboolean         replace)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (BYLINE_IS_SEARCH_BAR (self));

  if (self->context == NULL)
    return;

  buffer = GTK_TEXT_BUFFER (gtk_source_search_context_get_buffer (self->context));
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end)
      && gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end))
    {
      g_autofree char *text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
    }

  gtk_toggle_button_set_active (self->replace_button, replace);
  gtk_source_search_context_set_highlight (self->context, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
  byline_search_bar_update_status (self);
}

void
byline_search_bar_end (BylineSearchBar *self)
{
  g_return_if_fail (BYLINE_IS_SEARCH_BAR (self));

  g_cancellable_cancel (self->cancellable);

  if (self->context != NULL)
    gtk_source_search_context_set_highlight (self->context, FALSE);
}

const char *
byline_search_bar_get_status (BylineSearchBar *self)
{
  g_return_val_if_fail (BYLINE_IS_SEARCH_BAR (self), NULL);

  return self->status;
}

GtkWidget *
byline_search_bar_new (void)
{
  return g_object_new (BYLINE_TYPE_SEARCH_BAR, NULL);
}

static void
byline_search_bar_dispose (GObject *object)
{
  BylineSearchBar *self = BYLINE_SEARCH_BAR (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  byline_search_bar_set_view (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_SEARCH_BAR);

  /* The template's root box has no id, so it is not disposed with it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (byline_search_bar_parent_class)->dispose (object);
}

static void
byline_search_bar_finalize (GObject *object)
{
  BylineSearchBar *self = BYLINE_SEARCH_BAR (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_object (&self->buffer_signals);
  g_clear_pointer (&self->status, g_free);

  G_OBJECT_CLASS (byline_search_bar_parent_class)->finalize (object);
}

static void
byline_search_bar_class_init (BylineSearchBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_search_bar_dispose;
  object_class->finalize = byline_search_bar_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/byline-search-bar.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "searchbar");
  gtk_widget_class_bind_template_child (widget_class, BylineSearchBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BylineSearchBar, status_label);
  gtk_widget_class_bind_template_child (widget_class, BylineSearchBar, case_button);
  gtk_widget_class_bind_template_child (widget_class, BylineSearchBar, word_button);
  gtk_widget_class_bind_template_child (widget_class, BylineSearchBar, regex_button);
  gtk_widget_class_bind_template_child (widget_class, BylineSearchBar, replace_button);
  gtk_widget_class_bind_template_child (widget_class, BylineSearchBar, replace_entry);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, previous_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, replace_activate_cb);

  gtk_widget_class_install_action (widget_class, "search.next", NULL, search_next_action);
  gtk_widget_class_install_action (widget_class, "search.previous", NULL,
                                   search_previous_action);
  gtk_widget_class_install_action (widget_class, "search.replace", NULL,
                                   search_replace_action);
  gtk_widget_class_install_action (widget_class, "search.replace-all", NULL,
                                   search_replace_all_action);
}

static void
byline_search_bar_init (BylineSearchBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = gtk_source_search_settings_new ();
  gtk_source_search_settings_set_wrap_around (self->settings, TRUE);
  g_object_bind_property (self->case_button, "active",
                          self->settings, "case-sensitive", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->word_button, "active",
                          self->settings, "at-word-boundaries", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->regex_button, "active",
                          self->settings, "regex-enabled", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->settings, "notify",
                           G_CALLBACK (byline_search_bar_update_status), self,
                           G_CONNECT_SWAPPED);

  self->buffer_signals = g_signal_group_new (GTK_TYPE_TEXT_BUFFER);
  g_signal_group_connect_object (self->buffer_signals, "mark-set",
                                 G_CALLBACK (mark_set_cb), self, G_CONNECT_SWAPPED);

  gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);
}
