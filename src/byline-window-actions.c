/* byline-window-actions.c — the window's actions: open, save, reload, close
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-window"

#include "config.h"

#include "byline-window-private.h"

#include <glib/gi18n.h>

void
byline_window_update_actions (BylineWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_file = byline_document_get_file (self->document) != NULL;
  gboolean busy = byline_document_get_busy (self->document);

  gtk_widget_action_set_enabled (widget, "win.save", has_file && !busy);
  gtk_widget_action_set_enabled (widget, "win.save-as", has_file && !busy);
  gtk_widget_action_set_enabled (widget, "win.reload", has_file && !busy);
  gtk_widget_action_set_enabled (widget, "win.show-sidebar", has_file);
  gtk_widget_action_set_enabled (widget, "win.find", has_file);
  gtk_widget_action_set_enabled (widget, "win.find-replace", has_file);
  gtk_widget_action_set_enabled (widget, "win.insert-shortcode", has_file);
  if (self->show_preview_action != NULL)
    g_simple_action_set_enabled (self->show_preview_action, has_file);
}

/* Opening */

static void
open_files (BylineWindow *self,
            GFile        *file)
{
  /* An empty window takes the post; otherwise the application finds the
   * window already showing it or makes a new one. */
  if (byline_window_is_empty (self))
    byline_window_load (self, file);
  else
    g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                        &file, 1, "");
}

static void
open_response_cb (BylineWindow         *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        open_files (self, file);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

void
byline_window_add_markdown_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) markdown = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (markdown, _("Markdown Posts"));
  gtk_file_filter_add_mime_type (markdown, "text/markdown");
  gtk_file_filter_add_suffix (markdown, "md");
  gtk_file_filter_add_suffix (markdown, "markdown");
  gtk_file_chooser_add_filter (chooser, markdown);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  GtkFileChooserNative *chooser;
  GFile *file = byline_document_get_file (self->document);

  chooser = gtk_file_chooser_native_new (_("Open Post"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  byline_window_add_markdown_filters (GTK_FILE_CHOOSER (chooser));

  if (file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  g_signal_connect_object (chooser, "response", G_CALLBACK (open_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  open_files (BYLINE_WINDOW (widget), file);
}

/* Questions */

GtkWidget *
byline_window_new_question (BylineWindow *self,
                            const char   *heading,
                            const char   *response,
                            const char   *response_label)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  return dialog;
}

/* Reloading */

static void
reload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BylineWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!byline_document_load_finish (BYLINE_DOCUMENT (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        byline_window_add_toast (self, error->message);
      return;
    }

  byline_window_drafts_loaded (self);
  byline_window_check_read_only (self);
}

static void
byline_window_reload (BylineWindow *self)
{
  GFile *file = byline_document_get_file (self->document);

  if (file == NULL)
    return;

  /* Unsaved changes were given up for the file's text: their draft too. */
  if (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document)))
    byline_window_drafts_discard (self);

  byline_document_load_async (self->document, file, self->cancellable,
                              reload_cb, g_object_ref (self));
}

static void
reload_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    BylineWindow     *self)
{
  if (g_str_equal (response, "reload"))
    byline_window_reload (self);
}

/* Reloading replaces the text, and the loader's replacement cannot be
 * undone: unsaved changes are only thrown away when the user says so. */
static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  if (byline_document_get_file (self->document) == NULL)
    return;

  if (!gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document)))
    {
      byline_window_reload (self);
      return;
    }

  name = byline_document_dup_display_name (self->document);
  dialog = byline_window_new_question (self, _("Discard Changes and Reload?"),
                                       "reload", _("_Discard and Reload"));
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. Reloading reads the post again "
                                    "from its file, and your changes will be lost."), name);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reload_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
dismiss_changed_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  gtk_revealer_set_reveal_child (self->changed_revealer, FALSE);
}

/* Closing */

static gboolean
close_idle_cb (gpointer user_data)
{
  BylineWindow *self = user_data;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));

  return G_SOURCE_REMOVE;
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   BylineWindow     *self)
{
  if (g_str_equal (response, "save"))
    {
      byline_window_save (self, BYLINE_SAVE_CLOSE_AFTER);
    }
  else if (g_str_equal (response, "discard"))
    {
      byline_window_drafts_discard (self);
      /* The dialog closes itself after this handler; the window goes after
       * it, not from under it. */
      g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
    }
}

static gboolean
byline_window_close_request (GtkWindow *window)
{
  BylineWindow *self = BYLINE_WINDOW (window);
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  if (self->close_confirmed
      || !gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document)))
    {
      byline_window_save_state (self);
      return FALSE;
    }

  name = byline_document_dup_display_name (self->document);
  dialog = adw_message_dialog_new (window, _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. Changes that are not saved "
                                    "will be lost."), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* Search: the editor's own actions are not reachable from the main menu,
 * which is outside the editor. */

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  byline_editor_begin_search (self->editor, g_str_equal (action_name, "win.find-replace"));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

void
byline_window_class_init_actions (BylineWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  window_class->close_request = byline_window_close_request;

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-changed", NULL,
                                   dismiss_changed_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-replace", NULL, find_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-sidebar", NULL);
}
