/* byline-window-image-dnd.c — pictures dropped on the editor or the outline, or pasted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One dropped picture opens the image dialog on it, several the photo
 * sheet; a pasted picture waits in a temporary folder and opens the image
 * dialog. Each comes into the bundle only on Insert. Dropped on the text
 * they go where they were dropped; on a heading of the outline, at the
 * end of its section. A card of the Photos page is a picture of the
 * bundle already: dropped, it writes its call at once.
 */

#define G_LOG_DOMAIN "byline-window"

#include "config.h"

#include "byline-window-image-private.h"

#include "byline-image-files.h"
#include "byline-image-shortcode.h"
#include "byline-photo-ui.h"

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

/* The finished copy job of @drop, and in @iter where it was meant to go;
 * NULL (after a toast unless it was cancelled) when it failed. */
static BylineCopyJob *
finish_copy_job (DropTarget   *drop,
                 GAsyncResult *result,
                 GtkTextIter  *iter)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        byline_window_add_toast (drop->self, error->message);
      return NULL;
    }

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (drop->self->document), iter, drop->mark);
  return g_task_get_task_data (G_TASK (result));
}

static void
drop_sort_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DropTarget) drop = user_data;
  BylineWindow *self = drop->self;
  BylineCopyJob *job;
  GtkTextIter iter;

  if ((job = finish_copy_job (drop, result, &iter)) == NULL)
    return;

  report_skipped (self, job->skipped);
  if (job->copies->len == 0)
    return;

  if (job->copies->len == 1)
    byline_window_open_image_dialog (self, &iter, g_ptr_array_index (job->copies, 0));
  else
    byline_window_open_photo_sheet (self, (GFile * const *) job->copies->pdata,
                                    job->copies->len, &iter);
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
  job->kind = BYLINE_COPY_JOB_SORT;
  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (job->sources, g_object_ref (l->data));

  byline_window_run_copy_job (self, job, byline_window_drop_images, drop_sort_cb,
                              drop_target_new (self, iter));
  return TRUE;
}

/* A card of the Photos page: its picture is in the bundle, so its call
 * goes in at once, filled from its metadata as an import fills it. */
static gboolean
insert_photo (BylineWindow          *self,
              const BylinePhotoDrag *drag,
              const GtkTextIter     *iter)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  GFile *post = byline_document_get_file (self->document);
  g_autoptr(GFile) folder = post != NULL ? g_file_get_parent (post) : NULL;
  g_autoptr(GFile) parent = g_file_get_parent (drag->file);
  g_autoptr(BylineImageFields) fields = NULL;
  g_autofree char *shortcode = NULL;
  GtkTextMark *mark;

  /* A card of another window's post is a picture from elsewhere here. */
  if (folder == NULL || parent == NULL || !g_file_equal (parent, folder))
    {
      g_autoslist(GFile) files = g_slist_prepend (NULL, g_object_ref (drag->file));

      return byline_window_drop_images (self, files, iter);
    }

  fields = byline_photo_fields_for_file (drag->file, drag->info,
                                         byline_document_get_profile (self->document));
  shortcode = byline_image_fields_to_shortcode (fields);
  mark = byline_window_create_mark (self, iter, TRUE);
  byline_window_insert_shortcode (self, mark, shortcode);
  gtk_text_buffer_delete_mark (buffer, mark);
  g_object_unref (mark);
  gtk_widget_grab_focus (GTK_WIDGET (byline_editor_get_view (self->editor)));
  return TRUE;
}

static gboolean
drop_value (BylineWindow      *self,
            const GValue      *value,
            const GtkTextIter *iter)
{
  if (G_VALUE_HOLDS (value, BYLINE_TYPE_PHOTO_DRAG))
    return insert_photo (self, g_value_get_boxed (value), iter);
  return byline_window_drop_images (self, g_value_get_boxed (value), iter);
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

  return drop_value (self, value, &iter);
}

/* The end of the section of the outline's row at @index (a heading, or the
 * heading a figure or call is under), in the document's sense: up to the
 * next heading of its level or above (its subsections are in it), else to
 * the end of the post; after its last line that is not blank. */
static gboolean
get_section_end (BylineWindow *self,
                 int           index,
                 GtkTextIter  *iter)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  guint n = byline_outline_get_n_items (self->outline);
  const BylineOutlineItem *heading = NULL;
  guint next_line = 0;

  if (index < 0 || (guint) index >= n)
    return FALSE;

  for (int i = index; i >= 0 && heading == NULL; i--)
    {
      const BylineOutlineItem *item = byline_outline_get_item (self->outline, (guint) i);

      if (item->kind == BYLINE_OUTLINE_HEADING)
        heading = item;
    }
  /* A row before the first heading is in no section. */
  if (heading == NULL)
    return FALSE;

  for (guint i = (guint) index + 1; i < n && next_line == 0; i++)
    {
      const BylineOutlineItem *next = byline_outline_get_item (self->outline, i);

      if (next->kind == BYLINE_OUTLINE_HEADING && next->level <= heading->level)
        next_line = next->line;
    }

  if (next_line > 0)
    gtk_text_buffer_get_iter_at_line (buffer, iter, (int) next_line - 1);
  else
    gtk_text_buffer_get_end_iter (buffer, iter);

  while (!gtk_text_iter_is_start (iter))
    {
      GtkTextIter before = *iter;

      gtk_text_iter_backward_char (&before);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&before)))
        break;
      *iter = before;
    }
  if (!gtk_text_iter_ends_line (iter))
    gtk_text_iter_forward_to_line_end (iter);
  return TRUE;
}

/* Dropped on a heading of the outline: at the end of its section; dropped
 * beside the headings: at the cursor. */
static gboolean
outline_drop_cb (BylineWindow  *self,
                 const GValue  *value,
                 double         x,
                 double         y,
                 GtkDropTarget *drop_target)
{
  GtkWidget *outline = GTK_WIDGET (self->outline);
  GtkWidget *picked = gtk_widget_pick (outline, x, y, GTK_PICK_DEFAULT);
  GtkWidget *row = picked != NULL ? gtk_widget_get_ancestor (picked, GTK_TYPE_LIST_BOX_ROW)
                                  : NULL;
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  GtkTextIter iter;

  if (row == NULL || !gtk_widget_is_ancestor (row, outline) ||
      !get_section_end (self, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), &iter))
    gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));

  return drop_value (self, value, &iter);
}

/* Paste */

static void
paste_copy_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(DropTarget) drop = user_data;
  BylineWindow *self = drop->self;
  BylineCopyJob *job;
  GtkTextIter iter;

  if ((job = finish_copy_job (drop, result, &iter)) == NULL)
    return;

  byline_window_open_image_dialog (self, &iter, g_ptr_array_index (job->copies, 0));
  /* The pasted picture's folder goes with the dialog. */
  byline_window_take_image_scratch (self, g_steal_pointer (&job->scratch));
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
  job->kind = BYLINE_COPY_JOB_PASTE;
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
  /* In this order: a card of the Photos page offers both. */
  GType types[] = { BYLINE_TYPE_PHOTO_DRAG, GDK_TYPE_FILE_LIST };
  GtkDropTarget *target;

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  /* Before the text view's own drop target, which would paste file names. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (target), GTK_PHASE_CAPTURE);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (view, GTK_EVENT_CONTROLLER (target));

  /* The outline is writing2's widget: its drop target is attached here. */
  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "drop", G_CALLBACK (outline_drop_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->outline), GTK_EVENT_CONTROLLER (target));

  g_signal_connect_object (view, "paste-clipboard", G_CALLBACK (paste_clipboard_cb), self,
                           G_CONNECT_SWAPPED);
}
