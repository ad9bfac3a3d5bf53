/* byline-window-image-dnd.c — pictures dropped on or pasted into the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dropped files and pasted pictures are copied into the bundle first; one
 * picture then opens the image dialog, several go in at once, one figure
 * after the other.
 */

#define G_LOG_DOMAIN "byline-window"

#include "config.h"

#include "byline-window-image-private.h"

#include "byline-image-files.h"
#include "byline-image-shortcode.h"

#include <glib/gi18n.h>

/* Drag and drop */

typedef struct
{
  BylineWindow *self;
  GtkTextMark  *mark;
} DropTarget;

static void
drop_target_free (DropTarget *drop)
{
  GtkTextBuffer *buffer = gtk_text_mark_get_buffer (drop->mark);

  if (buffer != NULL)
    gtk_text_buffer_delete_mark (buffer, drop->mark);
  g_clear_object (&drop->mark);
  g_clear_object (&drop->self);
  g_free (drop);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DropTarget, drop_target_free)

static DropTarget *
drop_target_new (BylineWindow      *self,
                 const GtkTextIter *iter)
{
  DropTarget *drop = g_new0 (DropTarget, 1);

  drop->self = g_object_ref (self);
  drop->mark = byline_window_create_mark (self, iter, TRUE);
  return drop;
}

static void
report_skipped (BylineWindow *self,
                GPtrArray    *skipped)
{
  g_autofree char *message = NULL;

  if (skipped->len == 0)
    return;

  if (skipped->len == 1)
    message = g_strdup_printf (_("“%s” is not a picture: only pictures go into the post’s "
                                 "folder"), (const char *) g_ptr_array_index (skipped, 0));
  else
    message = g_strdup_printf (ngettext ("%u file is not a picture: only pictures go into the "
                                         "post’s folder",
                                         "%u files are not pictures: only pictures go into the "
                                         "post’s folder", skipped->len), skipped->len);
  byline_window_add_toast (self, message);
}

static char *
shortcode_for_copy (BylineProfile *profile,
                    GFile         *folder,
                    GFile         *copy)
{
  g_autoptr(BylineImageFields) fields = byline_image_fields_new ();
  g_autofree char *relative = g_file_get_relative_path (folder, copy);
  g_autofree char *link = g_strconcat ("./", relative, NULL);

  byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_WIDTH,
                           byline_image_get_default_width (profile));
  byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_LINK, link);
  if (byline_image_needs_ratio (profile, link))
    {
      int width = 0, height = 0;
      g_autofree char *ratio = NULL;

      if (byline_image_read_size (copy, &width, &height))
        ratio = byline_image_format_ratio (width, height);
      byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_RATIO, ratio);
    }
  return byline_image_fields_to_shortcode (fields);
}

static void
drop_copy_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DropTarget) drop = user_data;
  BylineWindow *self = drop->self;
  BylineCopyJob *job = g_task_get_task_data (G_TASK (result));
  BylineProfile *profile = byline_document_get_profile (self->document);
  g_autoptr(GString) text = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter iter;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        byline_window_add_toast (self, error->message);
      return;
    }

  report_skipped (self, job->skipped);
  if (job->copies->len == 0)
    return;

  for (guint i = 0; i < job->copies->len; i++)
    byline_window_add_size_warning (self, profile, g_ptr_array_index (job->copies, i));

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->document), &iter, drop->mark);
  if (job->copies->len == 1)
    {
      byline_window_open_image_dialog (self, &iter, g_ptr_array_index (job->copies, 0));
      return;
    }

  /* Several pictures go in at once, one figure after the other; their
   * captions are for the author to write. */
  text = g_string_new (NULL);
  for (guint i = 0; i < job->copies->len; i++)
    {
      g_autofree char *shortcode = shortcode_for_copy (profile, job->folder,
                                                       g_ptr_array_index (job->copies, i));

      if (i > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, shortcode);
    }
  byline_window_insert_shortcode (self, drop->mark, text->str);

  message = g_strdup_printf (ngettext ("Inserted %u picture: write its caption",
                                       "Inserted %u pictures: write their captions",
                                       job->copies->len), job->copies->len);
  byline_window_add_toast (self, message);
}

gboolean
byline_window_drop_images (BylineWindow      *self,
                           GSList            *files,
                           const GtkTextIter *iter)
{
  g_autoptr(GFile) folder = NULL;
  BylineCopyJob *job;

  g_return_val_if_fail (BYLINE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (iter != NULL, FALSE);

  if (files == NULL || (folder = byline_window_dup_image_folder (self)) == NULL)
    return FALSE;

  job = byline_copy_job_new (folder);
  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (job->sources, g_object_ref (l->data));

  byline_window_run_copy_job (self, job, byline_window_drop_images, drop_copy_cb, drop_target_new (self, iter));
  return TRUE;
}

static gboolean
drop_cb (BylineWindow  *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *drop_target)
{
  GtkTextView *view = GTK_TEXT_VIEW (byline_editor_get_view (self->editor));
  GtkTextIter iter;
  int buffer_x, buffer_y;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y,
                                         &buffer_x, &buffer_y);
  gtk_text_view_get_iter_at_location (view, &iter, buffer_x, buffer_y);

  return byline_window_drop_images (self, g_value_get_boxed (value), &iter);
}

/* Paste */

static void
paste_copy_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(DropTarget) drop = user_data;
  BylineWindow *self = drop->self;
  BylineCopyJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GtkTextIter iter;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        byline_window_add_toast (self, error->message);
      return;
    }

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->document), &iter, drop->mark);
  byline_window_open_image_dialog (self, &iter, g_ptr_array_index (job->copies, 0));
}

gboolean
byline_window_paste_image (BylineWindow *self,
                           GdkTexture   *texture)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GDateTime) now = NULL;
  GtkTextIter iter;
  BylineCopyJob *job;

  g_return_val_if_fail (BYLINE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (GDK_IS_TEXTURE (texture), FALSE);

  if ((folder = byline_window_dup_image_folder (self)) == NULL)
    return FALSE;

  now = g_date_time_new_now_local ();
  job = byline_copy_job_new (folder);
  job->name = byline_image_pasted_name (now);
  job->png = gdk_texture_save_to_png_bytes (texture);

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->document), &iter,
                                    gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (self->document)));
  byline_window_run_copy_job (self, job, byline_window_paste_image, paste_copy_cb,
                drop_target_new (self, &iter));
  return TRUE;
}

static void
read_texture_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BylineWindow) self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (object), result, &error);
  if (texture == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        byline_window_add_toast (self, error->message);
      return;
    }

  byline_window_paste_image (self, texture);
}

/* A screenshot on the clipboard comes as a picture without text: that
 * paste makes a picture of the bundle. Anything with text pastes as text. */
static void
paste_clipboard_cb (BylineWindow *self,
                    GtkTextView  *view)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  g_autoptr(GdkContentFormats) formats = NULL;
  g_autoptr(GFile) folder = NULL;

  formats = gdk_content_formats_union_deserialize_gtypes (
    gdk_content_formats_ref (gdk_clipboard_get_formats (clipboard)));
  if (!gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE) ||
      gdk_content_formats_contain_gtype (formats, G_TYPE_STRING))
    return;

  g_signal_stop_emission_by_name (view, "paste-clipboard");
  folder = byline_window_dup_image_folder (self);
  if (folder == NULL)
    return;

  gdk_clipboard_read_texture_async (clipboard, self->cancellable, read_texture_cb,
                                    g_object_ref (self));
}

void
byline_window_init_image_dnd (BylineWindow *self)
{
  GtkWidget *view = GTK_WIDGET (byline_editor_get_view (self->editor));
  GtkDropTarget *target;

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  /* Before the text view's own drop target, which would paste file names. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (target), GTK_PHASE_CAPTURE);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (view, GTK_EVENT_CONTROLLER (target));

  g_signal_connect_object (view, "paste-clipboard", G_CALLBACK (paste_clipboard_cb), self,
                           G_CONNECT_SWAPPED);
}
