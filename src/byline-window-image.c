/* byline-window-image.c — the image dialog and the image calls it writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every way a picture comes into a post ends the same way: the file is in
 * the post's bundle and an image shortcode is written into the buffer as
 * one undo step (byline_document_apply_patches()), at the cursor, where the
 * files were dropped, or over the call the dialog edits. Offsets come from
 * the analysis of the current text: for a large post, whose analysis runs
 * in a worker, the write waits for it.
 */

#define G_LOG_DOMAIN "byline-window"

#include "config.h"

#include "byline-window-image-private.h"

#include "byline-bundle.h"
#include "byline-image-files.h"
#include "byline-image-shortcode.h"

#include <glib/gi18n.h>

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

static void
image_target_free (ImageTarget *target)
{
  byline_window_remove_scratch (target->scratch);
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

GtkTextMark *
byline_window_create_mark (BylineWindow      *self,
                           const GtkTextIter *iter,
                           gboolean           left_gravity)
{
  GtkTextMark *mark = gtk_text_mark_new (NULL, left_gravity);

  gtk_text_buffer_add_mark (GTK_TEXT_BUFFER (self->document), mark, iter);
  return mark;
}

GFile *
byline_window_dup_image_folder (BylineWindow *self)
{
  GFile *file = byline_document_get_file (self->document);

  if (file != NULL)
    return g_file_get_parent (file);

  byline_window_add_toast (self, _("Save the post first: its pictures go into its folder"));
  return NULL;
}

void
byline_window_add_size_warning (BylineWindow  *self,
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

/* The analysis of the text as it is now, or NULL while it is being made
 * (then run @retry once it is in). */
typedef void (*RetryFunc) (gpointer data);

typedef struct
{
  BylineDocument *document;
  gulong          handler;
  RetryFunc       func;
  gpointer        data;
  GDestroyNotify  destroy;
} Retry;

static void
retry_cb (BylineDocument *document,
          GParamSpec     *pspec,
          Retry          *retry)
{
  if (!byline_document_is_analyzed (document))
    return;

  g_signal_handler_disconnect (document, retry->handler);
  retry->func (retry->data);
  if (retry->destroy != NULL)
    retry->destroy (retry->data);
  g_free (retry);
}

static BylineAnalysis *
current_analysis (BylineWindow   *self,
                  RetryFunc       func,
                  gpointer        data,
                  GDestroyNotify  destroy)
{
  Retry *retry;

  if (!byline_document_is_analyzed (self->document))
    byline_document_analyze_now (self->document);
  if (byline_document_is_analyzed (self->document))
    return byline_document_get_analysis (self->document);

  retry = g_new0 (Retry, 1);
  retry->document = self->document;
  retry->func = func;
  retry->data = data;
  retry->destroy = destroy;
  retry->handler = g_signal_connect (self->document, "notify::analysis",
                                     G_CALLBACK (retry_cb), retry);
  return NULL;
}

/* The byte offset in @analysis's text of @mark (the buffer holds that text). */
static gsize
mark_offset (BylineWindow   *self,
             BylineAnalysis *analysis,
             GtkTextMark    *mark)
{
  const char *text = byline_analysis_get_text (analysis);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->document), &iter, mark);
  return (gsize) (g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (&iter)) - text);
}

/* Where a figure may go at @offset: never into the front matter. */
static gsize
body_offset (BylineAnalysis *analysis,
             gsize           offset)
{
  const BylinePostLayout *layout = byline_post_get_layout (byline_analysis_get_post (analysis));

  if (offset < layout->body_start && layout->kind != BYLINE_FRONT_MATTER_NONE)
    return MIN (layout->body_start, byline_analysis_get_length (analysis));
  return offset;
}

/* Writing */

typedef struct
{
  BylineWindow *self;
  GtkTextMark  *mark;
  char         *shortcode;
} InsertData;

static void
insert_data_free (gpointer data)
{
  InsertData *insert = data;

  if (!gtk_text_mark_get_deleted (insert->mark))
    gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (insert->mark), insert->mark);
  g_object_unref (insert->mark);
  g_object_unref (insert->self);
  g_free (insert->shortcode);
  g_free (insert);
}

static void insert_retry (gpointer data);

void
byline_window_insert_shortcode (BylineWindow *self,
                                GtkTextMark  *mark,
                                const char   *shortcode)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  g_autoptr(BylineTextPatch) patch = NULL;
  g_autoptr(GError) error = NULL;
  InsertData *data;
  BylineAnalysis *analysis;
  const char *text;
  gsize length;
  gsize shortcode_offset = 0;
  glong cursor;
  GtkTextIter iter;

  /* A mark of its own for a write that waits for the analysis: the
   * caller may delete @mark as soon as this returns. */
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, mark);
  data = g_new0 (InsertData, 1);
  data->self = g_object_ref (self);
  data->mark = byline_window_create_mark (self, &iter, gtk_text_mark_get_left_gravity (mark));
  data->shortcode = g_strdup (shortcode);
  analysis = current_analysis (self, insert_retry, data, insert_data_free);
  if (analysis == NULL)
    return;
  insert_data_free (data);

  text = byline_analysis_get_text (analysis);
  length = byline_analysis_get_length (analysis);
  patch = byline_image_insert_patch (text, length,
                                     body_offset (analysis, mark_offset (self, analysis, mark)),
                                     shortcode, &shortcode_offset);

  /* The buffer leaves out the file's final newline and saving adds it:
   * at the end of the text the figure's own one would make a blank line. */
  if (patch->offset == length &&
      gtk_source_buffer_get_implicit_trailing_newline (GTK_SOURCE_BUFFER (buffer)) &&
      g_str_has_suffix (patch->text, "\n"))
    patch->text[strlen (patch->text) - 1] = '\0';

  /* The cursor goes after the figure: characters up to the patch, then into it. */
  cursor = g_utf8_pointer_to_offset (text, text + patch->offset) +
           g_utf8_strlen (patch->text, (gssize) (shortcode_offset + strlen (shortcode) -
                                                 patch->offset));

  if (!byline_document_apply_patches (self->document, byline_analysis_get_generation (analysis),
                                      (const BylineTextPatch * const *) &patch, 1, &error))
    {
      byline_window_add_toast (self, error->message);
      return;
    }

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) cursor);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (byline_editor_get_view (self->editor)),
                                      gtk_text_buffer_get_insert (buffer));
}

static void
insert_retry (gpointer data)
{
  InsertData *insert = data;

  if (!gtk_text_mark_get_deleted (insert->mark))
    byline_window_insert_shortcode (insert->self, insert->mark, insert->shortcode);
}

/* Replaces the call the dialog edits, as one undo step; FALSE when its
 * text changed meanwhile. */
static gboolean
replace_shortcode (BylineWindow   *self,
                   BylineAnalysis *analysis,
                   ImageTarget    *target,
                   const char     *shortcode)
{
  const char *text = byline_analysis_get_text (analysis);
  gsize start = mark_offset (self, analysis, target->start);
  gsize end = mark_offset (self, analysis, target->end);
  g_autoptr(BylineTextPatch) patch = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter iter;

  if (end < start || end - start != strlen (target->original) ||
      memcmp (text + start, target->original, end - start) != 0)
    return FALSE;

  patch = byline_text_patch_new (start, end - start, shortcode);
  if (!byline_document_apply_patches (self->document, byline_analysis_get_generation (analysis),
                                      (const BylineTextPatch * const *) &patch, 1, &error))
    {
      byline_window_add_toast (self, error->message);
      return TRUE;
    }

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->document), &iter, target->start);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (self->document), &iter);
  return TRUE;
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

/* The dialog checks its fields with the rules on the text the call would
 * make: it follows the post's analysis while it is open. */
static void
update_dialog_target (BylineWindow      *self,
                      BylineImageDialog *dialog)
{
  ImageTarget *target = g_object_get_data (G_OBJECT (dialog), "byline-image-target");
  BylineAnalysis *analysis = byline_document_get_analysis (self->document);
  gsize start, end;

  if (!byline_document_is_analyzed (self->document) || target == NULL ||
      gtk_text_mark_get_deleted (target->start))
    return;

  start = mark_offset (self, analysis, target->start);
  end = target->end != NULL ? mark_offset (self, analysis, target->end) : start;
  if (target->end == NULL)
    start = end = body_offset (analysis, start);
  byline_image_dialog_set_target (dialog, analysis, start, MAX (start, end));
}

static void
dialog_document_analysis_cb (BylineImageDialog *dialog,
                             GParamSpec        *pspec,
                             BylineDocument    *document)
{
  BylineWindow *self = BYLINE_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  if (self != NULL)
    update_dialog_target (self, dialog);
}

typedef struct
{
  BylineWindow      *self;
  BylineImageDialog *dialog;
  BylineImageFields *fields;
} FinishData;

static void
finish_data_free (gpointer data)
{
  FinishData *finish = data;

  g_object_unref (finish->self);
  g_object_unref (finish->dialog);
  byline_image_fields_free (finish->fields);
  g_free (finish);
}

static void finish_retry (gpointer data);

static void
finish_dialog (BylineWindow      *self,
               BylineImageDialog *dialog,
               BylineImageFields *fields)
{
  ImageTarget *target = g_object_get_data (G_OBJECT (dialog), "byline-image-target");
  g_autofree char *shortcode = byline_image_fields_to_shortcode (fields);
  FinishData *data = g_new0 (FinishData, 1);
  BylineAnalysis *analysis;

  data->self = g_object_ref (self);
  data->dialog = g_object_ref (dialog);
  data->fields = byline_image_fields_copy (fields);
  analysis = current_analysis (self, finish_retry, data, finish_data_free);
  if (analysis == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (dialog), FALSE);
      return;
    }
  finish_data_free (data);

  if (target->end != NULL)
    {
      if (!replace_shortcode (self, analysis, target, shortcode))
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
finish_retry (gpointer data)
{
  FinishData *finish = data;

  gtk_widget_set_sensitive (GTK_WIDGET (finish->dialog), TRUE);
  finish_dialog (finish->self, finish->dialog, finish->fields);
}

static void
dialog_copy_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  BylineWindow *self = BYLINE_WINDOW (object);
  g_autoptr(BylineImageDialog) dialog = user_data;
  BylineCopyJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(BylineImageFields) fields = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *link = NULL;
  GFile *copy;

  if (!g_task_propagate_boolean (G_TASK (result), &error) || job->copies->len == 0)
    {
      if (error == NULL)
        {
          g_autofree char *name = g_strdup (job->skipped->len > 0
                                            ? g_ptr_array_index (job->skipped, 0) : "");

          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("“%s” is not a picture: choose a PNG, JPEG, GIF, WebP or SVG file"),
                       name);
        }
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        byline_window_add_toast (self, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (dialog), TRUE);
      return;
    }

  copy = g_ptr_array_index (job->copies, 0);
  byline_window_add_size_warning (self, byline_image_dialog_get_profile (dialog), copy);

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
  BylineCopyJob *job;

  if (file == NULL || g_file_has_prefix (file, folder))
    {
      finish_dialog (self, dialog, fields);
      return;
    }

  /* A picture from elsewhere is imported (byline_photo_import_file():
   * upright, resized, without its location) under the name Link gives it;
   * the dialog refuses any other link for it, and nothing is copied
   * without a name in the bundle. */
  if (byline_bundle_classify_link (link, &name) != BYLINE_LINK_BUNDLE)
    return;

  job = byline_copy_job_new (folder);
  job->kind = BYLINE_COPY_JOB_IMPORT;
  g_ptr_array_add (job->sources, g_object_ref (file));
  job->name = g_path_get_basename (name);
  byline_photo_options_init (&job->options, byline_image_dialog_get_profile (dialog));
  job->options.keep_metadata = g_settings_get_boolean (self->settings, "keep-photo-metadata");
  gtk_widget_set_sensitive (GTK_WIDGET (dialog), FALSE);
  byline_window_run_copy_job (self, job, image_dialog_insert_cb, dialog_copy_cb,
                              g_object_ref (dialog));
}

void
byline_window_take_image_scratch (BylineWindow *self,
                                  char         *scratch)
{
  ImageTarget *target = NULL;

  if (self->image_dialog != NULL)
    target = g_object_get_data (G_OBJECT (self->image_dialog), "byline-image-target");
  if (target == NULL)
    {
      byline_window_remove_scratch (scratch);
      g_free (scratch);
      return;
    }
  g_free (target->scratch);
  target->scratch = scratch;
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

void
byline_window_open_image_dialog (BylineWindow      *self,
                                 const GtkTextIter *iter,
                                 GFile             *file)
{
  BylineProfile *profile = byline_document_get_profile (self->document);
  BylineAnalysis *analysis = NULL;
  g_autoptr(GFile) folder = byline_window_dup_image_folder (self);
  const BylineShortcode *call = NULL;
  BylineImageDialog *dialog;
  ImageTarget *target;

  if (folder == NULL)
    return;

  if (self->image_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->image_dialog));

  dialog = byline_image_dialog_new (profile, folder);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  target = g_new0 (ImageTarget, 1);
  target->buffer = g_object_ref (GTK_TEXT_BUFFER (self->document));

  /* The cursor in an image call edits it: which one, the analysis says. */
  if (file == NULL)
    {
      if (!byline_document_is_analyzed (self->document))
        byline_document_analyze_now (self->document);
      if (byline_document_is_analyzed (self->document))
        analysis = byline_document_get_analysis (self->document);
    }
  if (analysis != NULL)
    {
      const char *text = byline_analysis_get_text (analysis);
      gsize offset = (gsize) (g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (iter)) -
                              text);

      call = byline_image_find_call (byline_analysis_get_shortcodes (analysis), offset);
    }

  if (call != NULL)
    {
      const char *text = byline_analysis_get_text (analysis);
      g_autoptr(BylineImageFields) fields = byline_image_fields_new_from_call (call);
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_offset (target->buffer, &start,
                                          (int) g_utf8_pointer_to_offset (text,
                                                                          text + call->span.start));
      gtk_text_buffer_get_iter_at_offset (target->buffer, &end,
                                          (int) g_utf8_pointer_to_offset (text,
                                                                          text + call->span.end));
      target->start = byline_window_create_mark (self, &start, TRUE);
      target->end = byline_window_create_mark (self, &end, FALSE);
      target->original = g_strndup (text + call->span.start, call->span.end - call->span.start);
      byline_image_dialog_set_fields (dialog, fields, TRUE);
    }
  else
    {
      target->start = byline_window_create_mark (self, iter, TRUE);
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
  g_signal_connect_object (self->document, "notify::analysis",
                           G_CALLBACK (dialog_document_analysis_cb), dialog, G_CONNECT_SWAPPED);
  update_dialog_target (self, dialog);

  self->image_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
insert_image_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  byline_window_open_image_dialog (self, &iter, NULL);
}

BylineImageDialog *
byline_window_get_image_dialog (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);

  return self->image_dialog;
}

/* Setup */

void
byline_window_init_image (BylineWindow *self)
{
  byline_window_init_image_dnd (self);
}

void
byline_window_class_init_image (BylineWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (BYLINE_TYPE_IMAGE_DIALOG);
  gtk_widget_class_install_action (widget_class, "win.insert-image", NULL, insert_image_action);
}
