/* byline-window-save.c — saving the post, what a failed save says, read-only posts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A failed save leaves the changes in the window and says so in a bar that
 * stays until the user dismisses it or a save works: what went wrong and
 * what to do, with "Save As…" at hand. A post whose file cannot be written
 * shows a lock beside its title.
 */

#define G_LOG_DOMAIN "byline-window"

#include "config.h"

#include "byline-window-private.h"

#include <glib/gi18n.h>

typedef struct
{
  BylineWindow    *self;
  GFile           *file;
  GFile           *previous_file;
  BylineSaveFlags  flags;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->file);
  g_clear_object (&request->previous_file);
  g_free (request);
}

/* Read-only posts */

static void
byline_window_set_read_only (BylineWindow *self,
                             gboolean      read_only)
{
  read_only = !!read_only;

  if (self->read_only == read_only)
    return;

  self->read_only = read_only;
  gtk_widget_set_visible (GTK_WIDGET (self->read_only_icon), read_only);
}

static void
read_only_info_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(BylineWindow) self = user_data;
  g_autoptr(GFileInfo) info = g_file_query_info_finish (G_FILE (object), result, NULL);
  GFile *current = byline_document_get_file (self->document);

  /* The answer belongs to the file the window shows now. */
  if (current == NULL || !g_file_equal (current, G_FILE (object)))
    return;

  /* A file that cannot be looked at (deleted) is not said to be read-only:
   * the changed bar tells about it. */
  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE))
    byline_window_set_read_only (self, FALSE);
  else
    byline_window_set_read_only (self, !g_file_info_get_attribute_boolean (
                                         info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE));
}

void
byline_window_check_read_only (BylineWindow *self)
{
  GFile *file = byline_document_get_file (self->document);

  if (file == NULL)
    {
      byline_window_set_read_only (self, FALSE);
      return;
    }

  g_file_query_info_async (file, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, self->cancellable,
                           read_only_info_cb, g_object_ref (self));
}

static void
is_active_changed_cb (BylineWindow *self,
                      GParamSpec   *pspec,
                      gpointer      user_data)
{
  /* Permissions change behind the window's back (chmod, a remount); coming
   * back to the window is when the user looks again. */
  if (gtk_window_is_active (GTK_WINDOW (self)))
    byline_window_check_read_only (self);
}

/* Save errors */

/* What went wrong and what to do, in the user's words. */
static char *
describe_save_error (BylineWindow *self,
                     GFile        *file,
                     const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    return g_strdup_printf (_("“%s” is read-only, so your changes were not saved. Use "
                              "“Save As…” to save the post elsewhere, or change the file’s "
                              "permissions and save again."), name);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    return g_strdup_printf (_("There is no space left to save “%s”, so your changes were not "
                              "saved. Free some space and save again, or use “Save As…” to "
                              "save the post elsewhere."), name);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return g_strdup_printf (_("The folder of “%s” is gone, so your changes were not saved. Use "
                              "“Save As…” to save the post elsewhere."), name);

  /* TRANSLATORS: the second %s is the system's own description of the
   * problem, such as "Input/output error". */
  return g_strdup_printf (_("“%s” could not be saved: %s. Your changes are still here: save "
                            "again, or use “Save As…” to save the post elsewhere."),
                          name, error->message);
}

static void
show_save_error (BylineWindow *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *message = describe_save_error (self, file, error);

  gtk_label_set_label (self->save_error_label, message);
  gtk_revealer_set_reveal_child (self->save_error_revealer, TRUE);
}

static void
hide_save_error (BylineWindow *self)
{
  gtk_revealer_set_reveal_child (self->save_error_revealer, FALSE);
}

static void
dismiss_save_error_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  hide_save_error (BYLINE_WINDOW (widget));
}

/* Saving */

static void start_save (SaveRequest *request,
                        gboolean     overwrite);

static void
overwrite_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       SaveRequest      *request)
{
  if (g_str_equal (response, "overwrite"))
    start_save (request, TRUE);
  else
    save_request_free (request);
}

static void
ask_overwrite (SaveRequest *request)
{
  GFile *file = request->file ? request->file : byline_document_get_file (request->self->document);
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *dialog;

  dialog = byline_window_new_question (request->self, _("The Post Changed on Disk"),
                                       "overwrite", _("_Save Anyway"));
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” was changed by another program since it was opened. "
                                    "Saving replaces that version with yours."), name);
  g_signal_connect (dialog, "response", G_CALLBACK (overwrite_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  SaveRequest *request = user_data;
  BylineWindow *self = request->self;
  g_autoptr(GError) error = NULL;
  GFile *file = request->file ? request->file : byline_document_get_file (self->document);

  if (!byline_document_save_finish (BYLINE_DOCUMENT (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          save_request_free (request);
          return;
        }

      if (g_error_matches (error, GTK_SOURCE_FILE_SAVER_ERROR,
                           GTK_SOURCE_FILE_SAVER_ERROR_EXTERNALLY_MODIFIED)
          && !(request->flags & BYLINE_SAVE_AUTOMATIC))
        {
          ask_overwrite (request);
          return;
        }

      /* An automatic save leaves the changes to drafts from now on, and
       * says why once. */
      if (request->flags & BYLINE_SAVE_AUTOMATIC)
        self->autosave_failed = TRUE;

      if (file != NULL)
        show_save_error (self, file, error);
      byline_window_check_read_only (self);

      save_request_free (request);
      return;
    }

  hide_save_error (self);
  self->autosave_failed = FALSE;
  byline_window_drafts_saved (self, request->previous_file);
  byline_window_check_read_only (self);

  if (request->flags & BYLINE_SAVE_CLOSE_AFTER)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }

  save_request_free (request);
}

static void
start_save (SaveRequest *request,
            gboolean     overwrite)
{
  byline_document_save_async (request->self->document, request->file, overwrite,
                              request->self->cancellable, save_cb, request);
}

static void
save_as_response_cb (SaveRequest          *request,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);

  if (file == NULL)
    {
      save_request_free (request);
      return;
    }

  /* The chooser already asked before replacing another file. */
  request->file = g_steal_pointer (&file);
  start_save (request, TRUE);
}

void
byline_window_save (BylineWindow    *self,
                    BylineSaveFlags  flags)
{
  GFile *current;
  SaveRequest *request;
  GtkFileChooserNative *chooser;

  g_return_if_fail (BYLINE_IS_WINDOW (self));

  /* What is typed into the form goes into the text before it is saved. */
  byline_front_matter_form_commit (self->form);

  current = byline_document_get_file (self->document);
  request = g_new0 (SaveRequest, 1);
  request->self = g_object_ref (self);
  request->flags = flags;
  request->previous_file = current != NULL ? g_object_ref (current) : NULL;

  if (!(flags & BYLINE_SAVE_AS) && current != NULL)
    {
      start_save (request, FALSE);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Save Post As"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  byline_window_add_markdown_filters (GTK_FILE_CHOOSER (chooser));

  if (current != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (current);
      g_autofree char *name = g_file_get_basename (current);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  else
    {
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "index.md");
    }

  g_signal_connect_swapped (chooser, "response", G_CALLBACK (save_as_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  byline_window_save (BYLINE_WINDOW (widget), 0);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  byline_window_save (BYLINE_WINDOW (widget), BYLINE_SAVE_AS);
}

static void
document_file_changed_cb (BylineWindow   *self,
                          GParamSpec     *pspec,
                          BylineDocument *document)
{
  hide_save_error (self);
  byline_window_check_read_only (self);
}

void
byline_window_init_save (BylineWindow *self)
{
  g_signal_connect_object (self->document, "notify::file",
                           G_CALLBACK (document_file_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_changed_cb), NULL);
}

void
byline_window_class_init_save (BylineWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, BylineWindow, save_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, read_only_icon);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-save-error", NULL,
                                   dismiss_save_error_action);
}
