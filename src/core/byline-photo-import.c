/* byline-photo-import.c — pictures into a bundle, one or a batch, and the calls that show them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-photo"

#include "config.h"

#include "byline-photo.h"
#include "byline-photo-private.h"
#include "byline-thread.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/* One picture */

/* Puts the finished temporary file @data at @target without replacing a
 * file there: a hard link fails when the name is taken, where a rename
 * would replace it. */
static gboolean
place_create (GFile         *target,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  GFile *temporary = data;
  g_autofree char *from = g_file_get_path (temporary);
  g_autofree char *to = g_file_get_path (target);
  int saved_errno;

  if (link (from, to) == 0)
    {
      g_unlink (from);
      return TRUE;
    }
  saved_errno = errno;

  /* Folders without hard links (FAT, some network shares) get a copy,
   * which refuses an existing target too. */
  if (saved_errno == EPERM || saved_errno == ENOTSUP || saved_errno == EOPNOTSUPP ||
      saved_errno == ENOSYS || saved_errno == EMLINK)
    {
      if (!g_file_copy (temporary, target, G_FILE_COPY_NONE, cancellable, NULL, NULL, error))
        return FALSE;
      g_file_delete (temporary, NULL, NULL);
      return TRUE;
    }

  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
  return FALSE;
}

/* The two halves of byline_photo_import_file(), so that a batch can write
 * its pictures side by side and still name them in the order given.
 * Prepare reads @import->source and writes its copy into *@temporary, a
 * hidden file of @folder (NULL for a source already in the bundle); place
 * gives it its name, or deletes it on failure. */
static gboolean
import_prepare (BylinePhotoImport         *import,
                GFile                     *folder,
                const BylinePhotoOptions  *options,
                GFile                    **temporary,
                GCancellable              *cancellable,
                GError                   **error)
{
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) written = NULL;

  *temporary = NULL;
  import->info = byline_photo_info_new_for_file (import->source, cancellable, error);
  if (import->info == NULL)
    return FALSE;

  parent = g_file_get_parent (import->source);
  if (parent != NULL && g_file_equal (parent, folder))
    {
      import->file = g_object_ref (import->source);
      import->width = import->info->width;
      import->height = import->info->height;
      return TRUE;
    }

  written = byline_photo_temporary_file (folder);
  if (!byline_photo_write (import->source, import->info, options, written, &import->width,
                           &import->height, &import->changes, cancellable, error))
    return FALSE;

  *temporary = g_steal_pointer (&written);
  return TRUE;
}

static gboolean
import_place (BylinePhotoImport  *import,
              GFile              *folder,
              GFile              *temporary,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autofree char *name = NULL;

  if (temporary == NULL)
    return TRUE;

  name = g_file_get_basename (import->source);
  import->file = byline_image_create_in_bundle (folder, name, place_create, temporary,
                                                cancellable, error);
  if (import->file == NULL)
    {
      g_file_delete (temporary, NULL, NULL);
      return FALSE;
    }
  import->copied = TRUE;
  return TRUE;
}

BylinePhotoImport *
byline_photo_import_file (GFile                    *source,
                          GFile                    *folder,
                          const BylinePhotoOptions *options,
                          GCancellable             *cancellable,
                          GError                  **error)
{
  g_autoptr(BylinePhotoImport) import = NULL;
  g_autoptr(GFile) temporary = NULL;

  g_return_val_if_fail (G_IS_FILE (source), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  import = g_new0 (BylinePhotoImport, 1);
  import->source = g_object_ref (source);
  if (!import_prepare (import, folder, options, &temporary, cancellable, error) ||
      !import_place (import, folder, temporary, cancellable, error))
    return NULL;
  return g_steal_pointer (&import);
}

/* Batches */

typedef struct
{
  GFile                   *folder;
  GPtrArray               *sources;  /* of GFile */
  BylinePhotoOptions       options;
  BylinePhotoProgressFunc  progress;
  gpointer                 progress_data;
  GDestroyNotify           progress_destroy;
  guint                    reported;  /* counted on the caller's context */
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->folder);
  g_clear_pointer (&data->sources, g_ptr_array_unref);
  if (data->progress_destroy != NULL)
    data->progress_destroy (data->progress_data);
  g_free (data);
}

typedef struct
{
  GTask *task;  /* holds the ImportData */
  GFile *source;
} ProgressEvent;

static gboolean
progress_cb (gpointer user_data)
{
  ProgressEvent *event = user_data;
  ImportData *data = g_task_get_task_data (event->task);

  /* Counted here rather than on the workers, whose events may arrive in
   * another order than they finished: the count only goes up. */
  data->reported++;
  data->progress (data->reported, data->sources->len, event->source, data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_event_free (ProgressEvent *event)
{
  g_object_unref (event->task);
  g_object_unref (event->source);
  g_free (event);
}

/* One batch on the worker: the pictures are decoded and encoded side by
 * side, which is where the time goes, then named one after the other in
 * the order given, so that two sources called IMG_1.JPG always become
 * img-1.jpg and img-1-2.jpg in that order. */
typedef struct
{
  GTask              *task;
  ImportData         *data;
  GCancellable       *stop;         /* the caller's cancel, or a failure */
  BylinePhotoImport **imports;
  GFile             **temporaries;
  GError            **errors;
  gboolean            own_threads;  /* the pool's threads are the batch's */
} Work;

static void
prepare_job (gpointer job,
             gpointer user_data)
{
  Work *work = user_data;
  guint i = GPOINTER_TO_UINT (job) - 1;
  GFile *source = g_ptr_array_index (work->data->sources, i);
  BylinePhotoImport *import;

  if (g_cancellable_set_error_if_cancelled (work->stop, &work->errors[i]))
    return;
  /* Imported from the window, the pictures give way to its keystrokes. */
  if (work->own_threads)
    byline_thread_lower_priority ();

  import = g_new0 (BylinePhotoImport, 1);
  import->source = g_object_ref (source);
  if (!import_prepare (import, work->data->folder, &work->data->options,
                       &work->temporaries[i], work->stop, &work->errors[i]))
    {
      byline_photo_import_free (import);
      /* The batch is all or nothing: the others need not finish. */
      g_cancellable_cancel (work->stop);
      return;
    }
  work->imports[i] = import;

  if (work->task != NULL && work->data->progress != NULL)
    {
      ProgressEvent *event = g_new0 (ProgressEvent, 1);

      event->task = g_object_ref (work->task);
      event->source = g_object_ref (source);
      g_main_context_invoke_full (g_task_get_context (work->task), G_PRIORITY_DEFAULT,
                                  progress_cb, event, (GDestroyNotify) progress_event_free);
    }
}

static void
stop_cb (GCancellable *cancellable,
         gpointer      user_data)
{
  g_cancellable_cancel (user_data);
}

/* Takes everything this batch wrote out of the bundle again. */
static void
roll_back (Work  *work,
           guint  n)
{
  for (guint i = 0; i < n; i++)
    {
      if (work->temporaries[i] != NULL)
        g_file_delete (work->temporaries[i], NULL, NULL);
      if (work->imports[i] != NULL && work->imports[i]->copied)
        g_file_delete (work->imports[i]->file, NULL, NULL);
    }
}

/* The error to report: a cancel by the caller, else the first picture that
 * failed for a reason of its own (the others stopped because of it). */
static GError *
batch_error (Work         *work,
             guint         n,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    return error;
  for (guint i = 0; i < n; i++)
    if (work->errors[i] != NULL &&
        !g_error_matches (work->errors[i], G_IO_ERROR, G_IO_ERROR_CANCELLED))
      return g_error_copy (work->errors[i]);
  g_cancellable_set_error_if_cancelled (work->stop, &error);
  return error;
}

/* The batch, on the calling thread; @task (nullable) is where progress
 * goes. */
static GPtrArray *
import_batch (ImportData    *data,
              GTask         *task,
              GCancellable  *cancellable,
              GError       **error_out)
{
  guint n = data->sources->len;
  g_autoptr(GPtrArray) imports =
    g_ptr_array_new_with_free_func ((GDestroyNotify) byline_photo_import_free);
  g_autoptr(GCancellable) stop = g_cancellable_new ();
  GError *error = NULL;
  GThreadPool *pool;
  gulong handler = 0;
  int n_threads = CLAMP (g_get_num_processors (), 1, 4);
  Work work = { 0, };

  work.task = task;
  work.data = data;
  work.stop = stop;
  work.imports = g_new0 (BylinePhotoImport *, n + 1);
  work.temporaries = g_new0 (GFile *, n + 1);
  work.errors = g_new0 (GError *, n + 1);

  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (stop_cb), stop, NULL);

  /* A few pictures at a time: each holds its decoded pixels (36 MB for a
   * 12-megapixel photo) until it is encoded. From the window (@task), the
   * pool is exclusive: threads of the batch's own, which run at a lower
   * priority. Should they fail to start, shared ones at the normal
   * priority do the work. */
  pool = g_thread_pool_new (prepare_job, &work, n_threads, task != NULL, NULL);
  work.own_threads = pool != NULL && task != NULL;
  if (pool == NULL)
    pool = g_thread_pool_new (prepare_job, &work, n_threads, FALSE, NULL);
  for (guint i = 0; i < n; i++)
    g_thread_pool_push (pool, GUINT_TO_POINTER (i + 1), NULL);
  g_thread_pool_free (pool, FALSE, TRUE);

  if (!g_cancellable_is_cancelled (stop))
    for (guint i = 0; i < n; i++)
      {
        if (!import_place (work.imports[i], data->folder, work.temporaries[i], stop,
                           &work.errors[i]))
          {
            g_clear_object (&work.temporaries[i]);
            g_cancellable_cancel (stop);
            break;
          }
        g_clear_object (&work.temporaries[i]);
      }

  if (cancellable != NULL)
    g_cancellable_disconnect (cancellable, handler);

  if (g_cancellable_is_cancelled (stop))
    {
      /* All or nothing: a batch that did not finish leaves the bundle as
       * it found it, temporary files included. */
      error = batch_error (&work, n, cancellable);
      roll_back (&work, n);
    }

  for (guint i = 0; i < n; i++)
    {
      if (error == NULL)
        g_ptr_array_add (imports, work.imports[i]);
      else
        g_clear_pointer (&work.imports[i], byline_photo_import_free);
      g_clear_object (&work.temporaries[i]);
      g_clear_error (&work.errors[i]);
    }
  g_free (work.imports);
  g_free (work.temporaries);
  g_free (work.errors);

  if (error != NULL)
    {
      g_propagate_error (error_out, error);
      return NULL;
    }
  return g_steal_pointer (&imports);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *imports = import_batch (task_data, task, cancellable, &error);

  if (imports == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, imports, (GDestroyNotify) g_ptr_array_unref);
}

static ImportData *
import_data_new (GFile                    *folder,
                 GFile * const            *sources,
                 guint                     n_sources,
                 const BylinePhotoOptions *options)
{
  ImportData *data = g_new0 (ImportData, 1);

  data->folder = g_object_ref (folder);
  data->sources = g_ptr_array_new_full (n_sources, g_object_unref);
  for (guint i = 0; i < n_sources; i++)
    g_ptr_array_add (data->sources, g_object_ref (sources[i]));
  data->options = *options;
  return data;
}

GPtrArray *
byline_photo_import_files (GFile                    *folder,
                           GFile * const            *sources,
                           guint                     n_sources,
                           const BylinePhotoOptions *options,
                           GCancellable             *cancellable,
                           GError                  **error)
{
  ImportData *data;
  GPtrArray *imports;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (sources != NULL || n_sources == 0, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = import_data_new (folder, sources, n_sources, options);
  imports = import_batch (data, NULL, cancellable, error);
  import_data_free (data);
  return imports;
}

void
byline_photo_import_async (GFile                    *folder,
                           GFile * const            *sources,
                           guint                     n_sources,
                           const BylinePhotoOptions *options,
                           BylinePhotoProgressFunc   progress,
                           gpointer                  progress_data,
                           GDestroyNotify            progress_destroy,
                           GCancellable             *cancellable,
                           GAsyncReadyCallback       callback,
                           gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (G_IS_FILE (folder));
  g_return_if_fail (sources != NULL || n_sources == 0);
  g_return_if_fail (options != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = import_data_new (folder, sources, n_sources, options);
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_destroy = progress_destroy;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_photo_import_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  /* The worker decides: once every picture is in, the batch has
   * succeeded even if a cancel comes in before the result is delivered,
   * and the caller gets the files to use or remove. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, import_thread);
}

GPtrArray *
byline_photo_import_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == byline_photo_import_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Order */

int
byline_photo_compare (GFile                 *a,
                      const BylinePhotoInfo *info_a,
                      GFile                 *b,
                      const BylinePhotoInfo *info_b,
                      BylinePhotoOrder       order)
{
  g_autofree char *name_a = NULL;
  g_autofree char *name_b = NULL;
  g_autofree char *key_a = NULL;
  g_autofree char *key_b = NULL;

  g_return_val_if_fail (G_IS_FILE (a) && G_IS_FILE (b), 0);

  if (order == BYLINE_PHOTO_ORDER_GIVEN)
    return 0;

  if (order == BYLINE_PHOTO_ORDER_TIME)
    {
      GDateTime *ta = info_a != NULL ? info_a->taken : NULL;
      GDateTime *tb = info_b != NULL ? info_b->taken : NULL;

      if (ta != NULL && tb != NULL)
        {
          int by_time = g_date_time_compare (ta, tb);

          if (by_time != 0)
            return by_time;
        }
      else if (ta != NULL || tb != NULL)
        return ta != NULL ? -1 : 1;
    }

  name_a = g_file_get_basename (a);
  name_b = g_file_get_basename (b);
  key_a = g_utf8_collate_key_for_filename (name_a, -1);
  key_b = g_utf8_collate_key_for_filename (name_b, -1);
  return strcmp (key_a, key_b);
}

static int
compare_imports (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const BylinePhotoImport *ia = *(const BylinePhotoImport * const *) a;
  const BylinePhotoImport *ib = *(const BylinePhotoImport * const *) b;

  return byline_photo_compare (ia->source, ia->info, ib->source, ib->info,
                               GPOINTER_TO_INT (user_data));
}

void
byline_photo_imports_sort (GPtrArray        *imports,
                           BylinePhotoOrder  order)
{
  g_return_if_fail (imports != NULL);

  /* g_ptr_array_sort_with_data() is a stable merge sort: pictures that
   * compare equal keep the order given. */
  if (order != BYLINE_PHOTO_ORDER_GIVEN)
    g_ptr_array_sort_with_data (imports, compare_imports, GINT_TO_POINTER (order));
}

gboolean
byline_photo_order_from_string (const char       *text,
                                BylinePhotoOrder *order)
{
  static const char * const names[] = {
    [BYLINE_PHOTO_ORDER_GIVEN] = "given",
    [BYLINE_PHOTO_ORDER_NAME] = "name",
    [BYLINE_PHOTO_ORDER_TIME] = "time",
  };

  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (text, names[i]) == 0)
      {
        if (order != NULL)
          *order = i;
        return TRUE;
      }
  return FALSE;
}

/* Calls */

static char *
caption_for_site (const char    *description,
                  BylineProfile *profile)
{
  g_autofree char *caption = NULL;
  gsize length;

  if (description == NULL)
    return NULL;

  caption = g_strdup (description);
  length = strlen (caption);

  /* Sites that check image/caption-period fail on a final period (istio.io's
   * build does): leave it out, unless the text ends in an ellipsis. */
  if (byline_profile_get_rule_severity (profile, "image/caption-period",
                                        BYLINE_SEVERITY_ERROR) != BYLINE_SEVERITY_OFF &&
      length > 0 && caption[length - 1] == '.' && (length < 2 || caption[length - 2] != '.'))
    {
      caption[length - 1] = '\0';
      g_strchomp (caption);
    }
  return g_steal_pointer (&caption);
}

BylineImageFields *
byline_photo_import_to_fields (const BylinePhotoImport *self,
                               BylineProfile           *profile)
{
  g_autoptr(BylineImageFields) fields = NULL;
  g_autofree char *name = NULL;
  g_autofree char *link = NULL;
  g_autofree char *caption = NULL;
  const BylinePhotoInfo *info;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (BYLINE_IS_PROFILE (profile), NULL);

  info = self->info;
  fields = byline_image_fields_new ();
  name = g_file_get_basename (self->file);
  link = g_strconcat ("./", name, NULL);
  byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_LINK, link);
  byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_WIDTH,
                           byline_image_get_default_width (profile));
  if (byline_image_needs_ratio (profile, link))
    {
      g_autofree char *ratio = byline_image_format_ratio (self->width, self->height);

      byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_RATIO, ratio);
    }

  caption = caption_for_site (info->description, profile);
  byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_ALT, info->alt_text);
  /* Programs that write both often write the same text twice. */
  if (g_strcmp0 (info->title, info->description) != 0)
    byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_TITLE, info->title);
  byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_CAPTION, caption);

  return g_steal_pointer (&fields);
}
