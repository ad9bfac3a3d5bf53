/* byline-window-photos.c — many pictures at once, and the sidebar's Photos page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Add Photos" (or several pictures dropped or chosen) opens the photo
 * sheet, which imports them and hands back their calls; they go in at the
 * place chosen, as one undo step. The sidebar's Photos page, beside the
 * form and the outline, shows the bundle's pictures.
 */

#define G_LOG_DOMAIN "byline-window"

#include "config.h"

#include "byline-window-image-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* The sheet */

static void
photo_sheet_insert_cb (BylineWindow     *self,
                       const char       *text,
                       BylinePhotoSheet *sheet)
{
  GtkTextMark *mark = g_object_get_data (G_OBJECT (sheet), "byline-photo-mark");
  guint n = byline_photo_sheet_get_n_photos (sheet);
  g_autofree char *message = NULL;

  byline_window_insert_shortcode (self, mark, text);
  gtk_window_destroy (GTK_WINDOW (sheet));
  gtk_widget_grab_focus (GTK_WIDGET (byline_editor_get_view (self->editor)));

  message = g_strdup_printf (ngettext ("Added %u picture to the post’s folder",
                                       "Added %u pictures to the post’s folder", n), n);
  byline_window_add_toast (self, message);
  if (self->photos_view != NULL)
    byline_photos_view_reload (self->photos_view);
}

static void
photo_sheet_destroy_cb (BylineWindow     *self,
                        BylinePhotoSheet *sheet)
{
  if (self->photo_sheet == sheet)
    self->photo_sheet = NULL;
}

static void
delete_mark (GtkTextMark *mark)
{
  GtkTextBuffer *buffer = gtk_text_mark_get_buffer (mark);

  if (buffer != NULL)
    gtk_text_buffer_delete_mark (buffer, mark);
  g_object_unref (mark);
}

void
byline_window_open_photo_sheet (BylineWindow      *self,
                                GFile * const     *files,
                                guint              n_files,
                                const GtkTextIter *iter)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  GFile *post = byline_document_get_file (self->document);
  g_autoptr(GFile) folder = NULL;
  BylinePhotoSheet *sheet;
  GtkTextMark *mark;

  g_return_if_fail (BYLINE_IS_WINDOW (self));
  g_return_if_fail (post != NULL);

  if (self->photo_sheet != NULL)
    gtk_window_destroy (GTK_WINDOW (self->photo_sheet));

  folder = g_file_get_parent (post);
  sheet = byline_photo_sheet_new (byline_document_get_profile (self->document), folder);
  gtk_window_set_transient_for (GTK_WINDOW (sheet), GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (sheet), TRUE);

  mark = gtk_text_mark_new (NULL, TRUE);
  gtk_text_buffer_add_mark (buffer, mark, iter);
  g_object_set_data_full (G_OBJECT (sheet), "byline-photo-mark", mark,
                          (GDestroyNotify) delete_mark);

  /* The camera's metadata stays if the preferences say so (the location
   * never does), also when they change while the sheet is open. */
  g_settings_bind (self->settings, "keep-photo-metadata", sheet, "keep-metadata",
                   G_SETTINGS_BIND_GET);
  g_signal_connect_object (sheet, "insert", G_CALLBACK (photo_sheet_insert_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (sheet, "destroy", G_CALLBACK (photo_sheet_destroy_cb), self,
                           G_CONNECT_SWAPPED);
  byline_photo_sheet_add_files (sheet, files, n_files);

  self->photo_sheet = sheet;
  gtk_window_present (GTK_WINDOW (sheet));
}

BylinePhotoSheet *
byline_window_get_photo_sheet (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);

  return self->photo_sheet;
}

static void
chooser_response_cb (BylineWindow         *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT && byline_document_get_file (self->document) != NULL)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
      GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
      GtkTextIter iter;

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (sources, g_list_model_get_item (files, i));
      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      if (sources->len > 0)
        byline_window_open_photo_sheet (self, (GFile * const *) sources->pdata, sources->len,
                                        &iter);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
add_photos_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autoptr(GtkFileFilter) pictures = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (byline_document_get_file (self->document) == NULL)
    {
      byline_window_add_toast (self, _("Save the post first: its pictures go into its folder"));
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Add Photos"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (pictures, _("Pictures"));
  gtk_file_filter_add_pixbuf_formats (pictures);
  gtk_file_filter_add_mime_type (pictures, "image/webp");
  gtk_file_filter_add_suffix (pictures, "webp");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pictures);

  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The sidebar's Photos page */

static void
show_photos_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->sidebar_stack, "photos");
  g_object_set (self, "show-sidebar", TRUE, NULL);
}

static void
photos_view_activate_cb (BylineWindow     *self,
                         GFile            *file,
                         guint             offset,
                         BylinePhotosView *view)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  GtkTextView *text_view = GTK_TEXT_VIEW (byline_editor_get_view (self->editor));
  GtkTextIter start, iter;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &iter);
  text = gtk_text_buffer_get_text (buffer, &start, &iter, TRUE);
  if (offset > strlen (text))
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter,
                                      (int) g_utf8_pointer_to_offset (text, text + offset));
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_mark (text_view, gtk_text_buffer_get_insert (buffer), 0.1, FALSE, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (text_view));
}

static void
photos_view_message_cb (BylineWindow     *self,
                        const char       *message,
                        BylinePhotosView *view)
{
  byline_window_add_toast (self, message);
}

/* The pictures are a page of the sidebar, beside the form and the
 * outline. */
static void
build_sidebar (BylineWindow *self)
{
  self->photos_view = BYLINE_PHOTOS_VIEW (byline_photos_view_new ());
  byline_photos_view_set_document (self->photos_view, self->document);
  gtk_stack_add_titled (self->sidebar_stack, GTK_WIDGET (self->photos_view), "photos",
                        _("Photos"));

  g_signal_connect_object (self->photos_view, "activate-photo",
                           G_CALLBACK (photos_view_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->photos_view, "show-message",
                           G_CALLBACK (photos_view_message_cb), self, G_CONNECT_SWAPPED);
}

BylinePhotosView *
byline_window_get_photos_view (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);

  return self->photos_view;
}

/* Setup */

void
byline_window_init_photos (BylineWindow *self)
{
  build_sidebar (self);
}

void
byline_window_class_init_photos (BylineWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (BYLINE_TYPE_PHOTO_SHEET);
  g_type_ensure (BYLINE_TYPE_PHOTOS_VIEW);
  gtk_widget_class_install_action (widget_class, "win.add-photos", NULL, add_photos_action);
  gtk_widget_class_install_action (widget_class, "win.show-photos", NULL, show_photos_action);
}
