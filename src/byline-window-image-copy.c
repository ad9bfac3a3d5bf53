/* byline-window-image-copy.c — copying pictures into the bundle, in a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-window"

#include "config.h"

#include "byline-window-image-private.h"

#include "byline-image-files.h"

void
byline_copy_job_free (BylineCopyJob *job)
{
  g_clear_pointer (&job->sources, g_ptr_array_unref);
  g_clear_pointer (&job->png, g_bytes_unref);
  g_clear_pointer (&job->copies, g_ptr_array_unref);
  g_clear_pointer (&job->skipped, g_ptr_array_unref);
  g_clear_object (&job->folder);
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
copy_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  BylineCopyJob *job = task_data;
  GError *error = NULL;

  if (job->png != NULL)
    {
      GFile *copy = byline_image_save_into_bundle (job->png, job->folder, job->name,
                                                   cancellable, &error);

      if (copy == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      g_ptr_array_add (job->copies, copy);
      g_task_return_boolean (task, TRUE);
      return;
    }

  for (guint i = 0; i < job->sources->len; i++)
    {
      GFile *source = g_ptr_array_index (job->sources, i);
      GFile *copy;

      if (!is_picture (source, cancellable))
        {
          g_ptr_array_add (job->skipped, g_file_get_basename (source));
          continue;
        }

      copy = byline_image_copy_into_bundle (source, job->folder, job->name, cancellable, &error);
      if (copy == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      g_ptr_array_add (job->copies, copy);
    }

  g_task_return_boolean (task, TRUE);
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
