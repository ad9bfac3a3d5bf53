/* byline-window-image-copy.c — pictures on their way into the bundle, in a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which dropped files are pictures, a pasted picture written where the
 * dialog can show it (outside the bundle: Cancel leaves nothing there),
 * and a picture imported into the bundle on the dialog's Insert through
 * the photo core, as every picture is.
 */

#define G_LOG_DOMAIN "byline-window"

#include "config.h"

#include "byline-window-image-private.h"

#include "byline-image-files.h"

#include <glib/gstdio.h>

void
byline_copy_job_free (BylineCopyJob *job)
{
  g_clear_pointer (&job->sources, g_ptr_array_unref);
  g_clear_pointer (&job->png, g_bytes_unref);
  g_clear_pointer (&job->copies, g_ptr_array_unref);
  g_clear_pointer (&job->skipped, g_ptr_array_unref);
  g_clear_object (&job->folder);
  /* A scratch folder nobody took (the paste failed or was dropped). */
  byline_window_remove_scratch (job->scratch);
  g_free (job->scratch);
  g_free (job->name);
  g_free (job);
}

BylineCopyJob *
byline_copy_job_new (GFile *folder)
{
  BylineCopyJob *job = g_new0 (BylineCopyJob, 1);

  job->folder = g_object_ref (folder);
  job->sources = g_ptr_array_new_with_free_func (g_object_unref);
  job->copies = g_ptr_array_new_with_free_func (g_object_unref);
  job->skipped = g_ptr_array_new_with_free_func (g_free);
  return job;
}

void
byline_window_remove_scratch (const char *scratch)
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

static gboolean
sort_sources (BylineCopyJob  *job,
              GCancellable   *cancellable,
              GError        **error)
{
  for (guint i = 0; i < job->sources->len; i++)
    {
      GFile *source = g_ptr_array_index (job->sources, i);

      if (is_picture (source, cancellable))
        g_ptr_array_add (job->copies, g_object_ref (source));
      else
        g_ptr_array_add (job->skipped, g_file_get_basename (source));
    }
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static gboolean
write_paste (BylineCopyJob  *job,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  job->scratch = g_dir_make_tmp ("byline-paste-XXXXXX", error);
  if (job->scratch == NULL)
    return FALSE;

  path = g_build_filename (job->scratch, job->name, NULL);
  file = g_file_new_for_path (path);
  if (!g_file_replace_contents (file, g_bytes_get_data (job->png, NULL),
                                g_bytes_get_size (job->png), NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                NULL, cancellable, error))
    return FALSE;
  g_ptr_array_add (job->copies, g_steal_pointer (&file));
  return TRUE;
}

/* The import names its copy after the source; the dialog's Link names it
 * otherwise: imported into a folder of its own first, then copied to that
 * name, which never replaces a file. */
static gboolean
import_one (BylineCopyJob  *job,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autofree char *scratch = g_dir_make_tmp ("byline-import-XXXXXX", error);
  g_autoptr(BylinePhotoImport) import = NULL;
  g_autoptr(GFile) folder = NULL;
  GFile *copy = NULL;

  if (scratch == NULL)
    return FALSE;

  folder = g_file_new_for_path (scratch);
  import = byline_photo_import_file (g_ptr_array_index (job->sources, 0), folder, &job->options,
                                     cancellable, error);
  if (import != NULL)
    copy = byline_image_copy_into_bundle (import->file, job->folder, job->name, cancellable,
                                          error);
  byline_window_remove_scratch (scratch);
  if (copy == NULL)
    return FALSE;
  g_ptr_array_add (job->copies, copy);
  return TRUE;
}

static void
copy_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  BylineCopyJob *job = task_data;
  GError *error = NULL;
  gboolean done = FALSE;

  switch (job->kind)
    {
    case BYLINE_COPY_JOB_SORT:
      done = sort_sources (job, cancellable, &error);
      break;
    case BYLINE_COPY_JOB_PASTE:
      done = write_paste (job, cancellable, &error);
      break;
    case BYLINE_COPY_JOB_IMPORT:
      done = import_one (job, cancellable, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
byline_window_run_copy_job (BylineWindow        *self,
                            BylineCopyJob       *job,
                            gpointer             source_tag,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) byline_copy_job_free);
  g_task_run_in_thread (task, copy_thread);
}
