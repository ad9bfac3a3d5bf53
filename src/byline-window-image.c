/* byline-window-image.c — pictures: the image dialog, drag and drop, paste
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every way a picture comes into a post ends the same way: the file is in
 * the post's bundle and an image shortcode is written into the buffer as
 * one undo step, at the cursor or where the files were dropped.
 */

#define G_LOG_DOMAIN "byline-window"

#include "config.h"

#include "byline-window-private.h"

#include "byline-bundle.h"
#include "byline-image-shortcode.h"
#include "byline-photo.h"
#include "byline-post.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

/* What the open image dialog writes to: where it inserts, or the call it
 * edits (start and end marks, and the call's text to check that it is
 * still there). */
typedef struct
{
  GtkTextBuffer *buffer;
  GtkTextMark   *start;
  GtkTextMark   *end;       /* NULL when inserting */
  char          *original;  /* the edited call's text */
  char          *scratch;   /* a pasted picture's temporary folder, removed with the dialog */
} ImageTarget;

static void remove_scratch (const char *scratch);

static void
image_target_free (ImageTarget *target)
{
  remove_scratch (target->scratch);
  g_free (target->scratch);
  if (target->start != NULL && !gtk_text_mark_get_deleted (target->start))
    gtk_text_buffer_delete_mark (target->buffer, target->start);
  if (target->end != NULL && !gtk_text_mark_get_deleted (target->end))
    gtk_text_buffer_delete_mark (target->buffer, target->end);
  g_clear_object (&target->start);
  g_clear_object (&target->end);
  g_clear_object (&target->buffer);
  g_free (target->original);
  g_free (target);
}

static GtkTextMark *
create_mark (GtkTextBuffer     *buffer,
             const GtkTextIter *iter,
             gboolean           left_gravity)
{
  GtkTextMark *mark = gtk_text_mark_new (NULL, left_gravity);

  gtk_text_buffer_add_mark (buffer, mark, iter);
  return mark;
}

static GFile *
dup_folder (BylineWindow *self)
{
  GFile *file = byline_document_get_file (self->document);

  return file != NULL ? g_file_get_parent (file) : NULL;
}

static gboolean
require_folder (BylineWindow *self)
{
  if (byline_document_get_file (self->document) != NULL)
    return TRUE;

  byline_window_add_toast (self, _("Save the post first: its pictures go into its folder"));
  return FALSE;
}

static char *
dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* The buffer holds characters, the core counts bytes. */
static gsize
iter_to_byte_offset (const char        *text,
                     const GtkTextIter *iter)
{
  return (gsize) (g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (iter)) - text);
}

static void
byte_offset_to_iter (GtkTextBuffer *buffer,
                     const char    *text,
                     gsize          offset,
                     GtkTextIter   *iter)
{
  gtk_text_buffer_get_iter_at_offset (buffer, iter,
                                      (int) g_utf8_pointer_to_offset (text, text + offset));
}

/* Inserts @shortcode at @mark on lines of its own, after the front matter
 * at the earliest, as one undo step; the cursor goes after it. */
void
byline_window_insert_shortcode (BylineWindow *self,
                  GtkTextMark  *mark,
                  const char   *shortcode)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  g_autofree char *text = dup_buffer_text (buffer);
  gsize length = strlen (text);
  g_autoptr(BylineTextPatch) patch = NULL;
  BylinePostLayout layout;
  GtkTextIter iter;
  gsize offset;
  gsize shortcode_offset = 0;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, mark);
  offset = iter_to_byte_offset (text, &iter);

  /* A figure never goes into the front matter. */
  if (byline_post_layout_parse (&layout, text, length, NULL) && offset < layout.body_start &&
      layout.kind != BYLINE_FRONT_MATTER_NONE)
    offset = MIN (layout.body_start, length);

  patch = byline_image_insert_patch (text, length, offset, shortcode, &shortcode_offset);

  /* The buffer leaves out the file's final newline and saving adds it:
   * at the end of the text the figure's own one would make a blank line. */
  if (patch->offset == length &&
      gtk_source_buffer_get_implicit_trailing_newline (GTK_SOURCE_BUFFER (buffer)) &&
      g_str_has_suffix (patch->text, "\n"))
    patch->text[strlen (patch->text) - 1] = '\0';

  byte_offset_to_iter (buffer, text, patch->offset, &iter);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert (buffer, &iter, patch->text, -1);
  gtk_text_buffer_end_user_action (buffer);

  g_free (text);
  text = dup_buffer_text (buffer);
  byte_offset_to_iter (buffer, text, shortcode_offset + strlen (shortcode), &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (byline_editor_get_view (self->editor)),
                                      gtk_text_buffer_get_insert (buffer));
}

/* Replaces the call the dialog edits, as one undo step; FALSE when its
 * text changed meanwhile. */
static gboolean
replace_shortcode (BylineWindow *self,
                   ImageTarget  *target,
                   const char   *shortcode)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_mark (buffer, &start, target->start);
  gtk_text_buffer_get_iter_at_mark (buffer, &end, target->end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  if (g_strcmp0 (current, target->original) != 0)
    return FALSE;

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, shortcode, -1);
  gtk_text_buffer_end_user_action (buffer);

  gtk_text_buffer_place_cursor (buffer, &start);
  return TRUE;
}

static void
add_size_warning (BylineWindow  *self,
                  BylineProfile *profile,
                  GFile         *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *warning = NULL;

  if (info != NULL)
    warning = byline_image_dup_size_warning (profile, name, (guint64) g_file_info_get_size (info));
  if (warning != NULL)
    byline_window_add_toast (self, warning);
}

/* Work on a worker thread: which dropped files are pictures, a pasted
 * picture written where the dialog can show it, and a picture imported
 * into the bundle on Insert. */

typedef struct
{
  GPtrArray          *sources;   /* of GFile */
  GBytes             *png;       /* instead of sources: a pasted picture */
  char               *name;      /* the pasted picture's, or the copy's in the bundle */
  GFile              *folder;    /* the bundle */
  BylinePhotoOptions  options;
  /* Results */
  GPtrArray          *pictures;  /* of GFile: the sources that are pictures, or the copy */
  GPtrArray          *skipped;   /* of char *: display names of files that are not pictures */
  char               *scratch;   /* a temporary folder outside the bundle */
} ImageJob;

static void
image_job_free (ImageJob *job)
{
  g_clear_pointer (&job->sources, g_ptr_array_unref);
  g_clear_pointer (&job->png, g_bytes_unref);
  g_clear_pointer (&job->pictures, g_ptr_array_unref);
  g_clear_pointer (&job->skipped, g_ptr_array_unref);
  g_clear_object (&job->folder);
  g_free (job->name);
  g_free (job->scratch);
  g_free (job);
}

static ImageJob *
image_job_new (GFile *folder)
{
  ImageJob *job = g_new0 (ImageJob, 1);

  job->folder = g_object_ref (folder);
  job->sources = g_ptr_array_new_with_free_func (g_object_unref);
  job->pictures = g_ptr_array_new_with_free_func (g_object_unref);
  job->skipped = g_ptr_array_new_with_free_func (g_free);
  return job;
}

static gboolean
is_picture (GFile        *file,
            GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = NULL;
  const char *type;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE "," \
                            G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return FALSE;

  type = g_file_info_get_content_type (info);
  if (type == NULL)
    return FALSE;
  if (g_content_type_is_a (type, "image/*") || g_content_type_is_mime_type (type, "image/*"))
    return TRUE;

  /* Content types are guessed from the data too; trust a picture's size. */
  return byline_image_read_size (file, NULL, NULL);
}

static void
sort_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ImageJob *job = task_data;

  for (guint i = 0; i < job->sources->len; i++)
    {
      GFile *source = g_ptr_array_index (job->sources, i);

      if (is_picture (source, cancellable))
        g_ptr_array_add (job->pictures, g_object_ref (source));
      else
        g_ptr_array_add (job->skipped, g_file_get_basename (source));
    }
  g_task_return_boolean (task, TRUE);
}

/* A pasted picture waits outside the bundle until the dialog's Insert:
 * Cancel leaves nothing behind in the post's folder. */
static void
paste_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ImageJob *job = task_data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;

  job->scratch = g_dir_make_tmp ("byline-paste-XXXXXX", &error);
  if (job->scratch == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  path = g_build_filename (job->scratch, job->name, NULL);
  file = g_file_new_for_path (path);
  if (!g_file_replace_contents (file, g_bytes_get_data (job->png, NULL),
                                g_bytes_get_size (job->png), NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                NULL, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_ptr_array_add (job->pictures, g_steal_pointer (&file));
  g_task_return_boolean (task, TRUE);
}

static void
remove_scratch (const char *scratch)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (scratch == NULL)
    return;

  dir = g_dir_open (scratch, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (scratch, name, NULL);

      g_unlink (path);
    }
  g_rmdir (scratch);
}

/* The picture the dialog shows comes into the bundle the way every picture
 * does (byline_photo_import_file(): upright, resized, without its
 * location), under the name Link gives it: imported into a folder of its
 * own first, then copied to that name, which never replaces a file. */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImageJob *job = task_data;
  GFile *source = g_ptr_array_index (job->sources, 0);
  g_autoptr(BylinePhotoImport) import = NULL;
  g_autoptr(GFile) scratch = NULL;
  GFile *copy = NULL;
  GError *error = NULL;

  job->scratch = g_dir_make_tmp ("byline-import-XXXXXX", &error);
  if (job->scratch != NULL)
    {
      scratch = g_file_new_for_path (job->scratch);
      import = byline_photo_import_file (source, scratch, &job->options, cancellable, &error);
    }
  if (import != NULL)
    copy = byline_image_copy_into_bundle (import->file, job->folder, job->name, cancellable,
                                          &error);
  remove_scratch (job->scratch);

  if (copy == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_ptr_array_add (job->pictures, copy);
  g_task_return_boolean (task, TRUE);
}

static void
run_image_job (BylineWindow        *self,
               ImageJob            *job,
               GTaskThreadFunc      thread,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, callback, user_data);

  g_task_set_source_tag (task, thread);
  g_task_set_task_data (task, job, (GDestroyNotify) image_job_free);
  g_task_run_in_thread (task, thread);
}

/* The dialog */

static void
image_dialog_destroy_cb (BylineWindow      *self,
                         BylineImageDialog *dialog)
{
  if (self->image_dialog == dialog)
    self->image_dialog = NULL;

  /* A pasted picture's temporary folder goes now, not when the last
   * reference to the dialog does. */
  g_object_set_data (G_OBJECT (dialog), "byline-image-target", NULL);
}

static void
finish_dialog (BylineWindow      *self,
               BylineImageDialog *dialog,
               BylineImageFields *fields)
{
  ImageTarget *target = g_object_get_data (G_OBJECT (dialog), "byline-image-target");
  g_autofree char *shortcode = byline_image_fields_to_shortcode (fields);

  if (target->end != NULL)
    {
      if (!replace_shortcode (self, target, shortcode))
        {
          byline_window_add_toast (self, _("The image shortcode changed while the dialog was "
                                           "open: open the dialog on it again"));
          gtk_widget_set_sensitive (GTK_WIDGET (dialog), TRUE);
          return;
        }
    }
  else
    {
      byline_window_insert_shortcode (self, target->start, shortcode);
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (byline_editor_get_view (self->editor)));
}

static void
dialog_import_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  BylineWindow *self = BYLINE_WINDOW (object);
  g_autoptr(BylineImageDialog) dialog = user_data;
  ImageJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(BylineImageFields) fields = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *link = NULL;
  GFile *copy;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        byline_window_add_toast (self, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (dialog), TRUE);
      return;
    }

  copy = g_ptr_array_index (job->pictures, 0);
  add_size_warning (self, byline_image_dialog_get_profile (dialog), copy);

  /* The copy may have a numbered name if another file took the planned
   * one meanwhile: the link follows the file. */
  fields = byline_image_dialog_dup_fields (dialog);
  relative = g_file_get_relative_path (job->folder, copy);
  link = g_strconcat ("./", relative, NULL);
  byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_LINK, link);
  finish_dialog (self, dialog, fields);
}

static void
image_dialog_insert_cb (BylineWindow      *self,
                        BylineImageDialog *dialog)
{
  g_autoptr(BylineImageFields) fields = byline_image_dialog_dup_fields (dialog);
  GFile *file = byline_image_dialog_get_file (dialog);
  GFile *folder = byline_image_dialog_get_folder (dialog);
  const char *link = byline_image_fields_get (fields, BYLINE_IMAGE_FIELD_LINK);
  g_autofree char *name = NULL;
  ImageJob *job;

  if (file == NULL || g_file_has_prefix (file, folder))
    {
      finish_dialog (self, dialog, fields);
      return;
    }

  /* A picture from elsewhere is imported under the name Link gives it;
   * the dialog refuses any other link for it, and nothing is copied
   * without a name in the bundle. */
  if (byline_bundle_classify_link (link, &name) != BYLINE_LINK_BUNDLE)
    return;

  job = image_job_new (folder);
  g_ptr_array_add (job->sources, g_object_ref (file));
  job->name = g_path_get_basename (name);
  byline_photo_options_init (&job->options, byline_image_dialog_get_profile (dialog));
  gtk_widget_set_sensitive (GTK_WIDGET (dialog), FALSE);
  run_image_job (self, job, import_thread, dialog_import_cb, g_object_ref (dialog));
}

static void
image_dialog_add_photos_cb (BylineWindow      *self,
                            GListModel        *files,
                            BylineImageDialog *dialog)
{
  ImageTarget *target = g_object_get_data (G_OBJECT (dialog), "byline-image-target");
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  GtkTextIter iter;

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (sources, g_list_model_get_item (files, i));

  gtk_text_buffer_get_iter_at_mark (target->buffer, &iter, target->start);
  byline_window_open_photo_sheet (self, (GFile * const *) sources->pdata, sources->len, &iter);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Opens the image dialog writing at @iter: on the image call there when
 * @file is NULL and the cursor sits in one, else a new picture (@file,
 * when given, is the picture it starts from). */
static void
open_image_dialog (BylineWindow      *self,
                   const GtkTextIter *iter,
                   GFile             *file)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  BylineProfile *profile = byline_document_get_profile (self->document);
  g_autoptr(GFile) folder = dup_folder (self);
  g_autofree char *text = dup_buffer_text (buffer);
  const BylineShortcode *call = NULL;
  g_autoptr(BylinePost) post = NULL;
  BylineImageDialog *dialog;
  ImageTarget *target;

  g_assert (folder != NULL);

  if (self->image_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->image_dialog));

  dialog = byline_image_dialog_new (profile, folder);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  target = g_new0 (ImageTarget, 1);
  target->buffer = g_object_ref (buffer);

  if (file == NULL)
    {
      post = byline_post_new (text, -1);
      call = byline_image_find_call (byline_post_get_shortcodes (post),
                                     iter_to_byte_offset (text, iter));
    }

  if (call != NULL)
    {
      g_autoptr(BylineImageFields) fields = byline_image_fields_new_from_call (call);
      GtkTextIter start, end;

      byte_offset_to_iter (buffer, text, call->span.start, &start);
      byte_offset_to_iter (buffer, text, call->span.end, &end);
      target->start = create_mark (buffer, &start, TRUE);
      target->end = create_mark (buffer, &end, FALSE);
      target->original = g_strndup (text + call->span.start, call->span.end - call->span.start);
      byline_image_dialog_set_fields (dialog, fields, TRUE);
    }
  else
    {
      target->start = create_mark (buffer, iter, TRUE);
      if (file != NULL)
        byline_image_dialog_set_file (dialog, file);
    }

  g_object_set_data_full (G_OBJECT (dialog), "byline-image-target", target,
                          (GDestroyNotify) image_target_free);
  g_signal_connect_object (dialog, "insert", G_CALLBACK (image_dialog_insert_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "add-photos", G_CALLBACK (image_dialog_add_photos_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (image_dialog_destroy_cb), self,
                           G_CONNECT_SWAPPED);

  self->image_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
get_cursor (BylineWindow *self,
            GtkTextIter  *iter)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);

  gtk_text_buffer_get_iter_at_mark (buffer, iter, gtk_text_buffer_get_insert (buffer));
}

static void
insert_image_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  GtkTextIter iter;

  if (!require_folder (self))
    return;

  get_cursor (self, &iter);
  open_image_dialog (self, &iter, NULL);
}

BylineImageDialog *
byline_window_get_image_dialog (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);

  return self->image_dialog;
}

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
  drop->mark = create_mark (GTK_TEXT_BUFFER (self->document), iter, TRUE);
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

static void
drop_sort_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DropTarget) drop = user_data;
  BylineWindow *self = drop->self;
  ImageJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GtkTextIter iter;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        byline_window_add_toast (self, error->message);
      return;
    }

  report_skipped (self, job->skipped);
  if (job->pictures->len == 0)
    return;

  /* One picture opens the image dialog on it, several the photo sheet;
   * either copies them into the bundle only when the user inserts. */
  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->document), &iter, drop->mark);
  if (job->pictures->len == 1)
    open_image_dialog (self, &iter, g_ptr_array_index (job->pictures, 0));
  else
    byline_window_open_photo_sheet (self, (GFile * const *) job->pictures->pdata,
                                    job->pictures->len, &iter);
}

gboolean
byline_window_drop_images (BylineWindow      *self,
                           GSList            *files,
                           const GtkTextIter *iter)
{
  g_autoptr(GFile) folder = NULL;
  ImageJob *job;

  g_return_val_if_fail (BYLINE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (iter != NULL, FALSE);

  if (files == NULL || !require_folder (self))
    return FALSE;

  folder = dup_folder (self);
  job = image_job_new (folder);
  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (job->sources, g_object_ref (l->data));

  run_image_job (self, job, sort_thread, drop_sort_cb, drop_target_new (self, iter));
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
paste_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DropTarget) drop = user_data;
  BylineWindow *self = drop->self;
  ImageJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  ImageTarget *target;
  GtkTextIter iter;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      remove_scratch (job->scratch);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        byline_window_add_toast (self, error->message);
      return;
    }

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->document), &iter, drop->mark);
  open_image_dialog (self, &iter, g_ptr_array_index (job->pictures, 0));

  /* The pasted picture's folder goes with the dialog. */
  target = g_object_get_data (G_OBJECT (self->image_dialog), "byline-image-target");
  target->scratch = g_steal_pointer (&job->scratch);
}

gboolean
byline_window_paste_image (BylineWindow *self,
                           GdkTexture   *texture)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GDateTime) now = NULL;
  GtkTextIter iter;
  ImageJob *job;

  g_return_val_if_fail (BYLINE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (GDK_IS_TEXTURE (texture), FALSE);

  if (!require_folder (self))
    return FALSE;

  folder = dup_folder (self);
  now = g_date_time_new_now_local ();
  job = image_job_new (folder);
  job->name = byline_image_pasted_name (now);
  job->png = gdk_texture_save_to_png_bytes (texture);

  get_cursor (self, &iter);
  run_image_job (self, job, paste_thread, paste_written_cb, drop_target_new (self, &iter));
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

  formats = gdk_content_formats_union_deserialize_gtypes (
    gdk_content_formats_ref (gdk_clipboard_get_formats (clipboard)));
  if (!gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE) ||
      gdk_content_formats_contain_gtype (formats, G_TYPE_STRING))
    return;

  g_signal_stop_emission_by_name (view, "paste-clipboard");
  if (!require_folder (self))
    return;

  gdk_clipboard_read_texture_async (clipboard, self->cancellable, read_texture_cb,
                                    g_object_ref (self));
}

/* Setup */

void
byline_window_init_image (BylineWindow *self)
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

void
byline_window_class_init_image (BylineWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (BYLINE_TYPE_IMAGE_DIALOG);
  gtk_widget_class_install_action (widget_class, "win.insert-image", NULL, insert_image_action);
}
