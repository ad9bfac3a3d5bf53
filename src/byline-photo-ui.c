/* byline-photo-ui.c — what the windows that show pictures share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-photo-ui"

#include "config.h"

#include "byline-photo-ui.h"

#include "byline-image-shortcode.h"

typedef struct
{
  GFile *file;
  int    width;
  int    height;
} ThumbnailJob;

static void
thumbnail_job_free (ThumbnailJob *job)
{
  g_clear_object (&job->file);
  g_free (job);
}

static void
thumbnail_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ThumbnailJob *job = task_data;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) upright = NULL;
  GError *error = NULL;

  /* Decoded at the shown size, so that a 40-megapixel photo never sits in
   * memory whole. */
  stream = g_file_read (job->file, cancellable, &error);
  if (stream != NULL)
    pixbuf = gdk_pixbuf_new_from_stream_at_scale (G_INPUT_STREAM (stream), job->width,
                                                  job->height, TRUE, cancellable, &error);
  if (pixbuf == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Photos from cameras are stored sideways with an orientation tag; the
   * import turns them upright, so the thumbnail shows them so. */
  upright = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  g_task_return_pointer (task, gdk_texture_new_for_pixbuf (upright), g_object_unref);
}

void
byline_photo_thumbnail_load_async (GFile               *file,
                                   int                  width,
                                   int                  height,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ThumbnailJob *job;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (width > 0 && height > 0);

  job = g_new0 (ThumbnailJob, 1);
  job->file = g_object_ref (file);
  job->width = width;
  job->height = height;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_photo_thumbnail_load_async);
  g_task_set_task_data (task, job, (GDestroyNotify) thumbnail_job_free);
  g_task_run_in_thread (task, thumbnail_thread);
}

GdkTexture *
byline_photo_thumbnail_load_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
byline_photo_plan_name (GFile      *folder,
                        GFile      *source,
                        GHashTable *taken)
{
  g_autoptr(GFile) parent = g_file_get_parent (source);
  g_autofree char *basename = g_file_get_basename (source);
  g_autofree char *safe = NULL;
  char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (G_IS_FILE (source), NULL);

  if (parent != NULL && g_file_equal (parent, folder))
    name = g_steal_pointer (&basename);

  safe = byline_image_safe_file_name (basename != NULL ? basename : "image");
  for (guint number = 1; name == NULL && number < 10000; number++)
    {
      g_autofree char *candidate = byline_image_numbered_name (safe, number);
      g_autoptr(GFile) target = g_file_get_child (folder, candidate);

      if ((taken == NULL || !g_hash_table_contains (taken, candidate)) &&
          !g_file_query_exists (target, NULL))
        name = g_steal_pointer (&candidate);
    }
  if (name == NULL)
    name = g_steal_pointer (&safe);

  if (taken != NULL)
    g_hash_table_add (taken, g_strdup (name));
  return name;
}

char *
byline_photo_describe_import (const BylinePhotoInfo *info,
                              BylineProfile         *profile)
{
  BylinePhotoOptions options;
  BylinePhotoChanges changes = BYLINE_PHOTO_CHANGE_NONE;

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (BYLINE_IS_PROFILE (profile), NULL);

  /* What byline_photo_write() does: pictures it cannot encode keep their
   * pixels and lose only metadata. */
  byline_photo_options_init (&options, profile);
  if (byline_photo_format_can_encode (info->format))
    {
      if (options.max_width > 0 && info->width > 0 && (guint) info->width > options.max_width)
        changes |= BYLINE_PHOTO_CHANGE_RESIZED;
      if (info->orientation > 1)
        changes |= BYLINE_PHOTO_CHANGE_ROTATED;
    }
  if (info->has_location)
    changes |= BYLINE_PHOTO_CHANGE_LOCATION_REMOVED;

  return byline_photo_changes_describe (changes, info->width, info->height);
}
