/* byline-photo-ui.c — what the windows that show pictures share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-photo-ui"

#include "config.h"

#include "byline-photo-ui.h"

#include "byline-bundle.h"
#include "byline-image-shortcode.h"
#include "byline-thread.h"

#include <glib/gi18n.h>


/* Thumbnails */

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

/* Thumbnails decoded lately, by file, its size and modification time and
 * the size asked for: the Photos page builds its cards again whenever the
 * post's problems change, and the sheet and the page show the same
 * pictures. Only the worker uses it. */
#define CACHE_SIZE 64

static GHashTable *cache;       /* char * → GdkTexture */
static GQueue      cache_order = G_QUEUE_INIT;  /* of the keys, oldest first */

static char *
cache_key (ThumbnailJob *job,
           GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *uri = NULL;

  info = g_file_query_info (job->file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info == NULL)
    return NULL;

  uri = g_file_get_uri (job->file);
  return g_strdup_printf ("%d×%d %" G_GINT64_FORMAT " %" G_GUINT64_FORMAT ".%06u %s",
                          job->width, job->height, (gint64) g_file_info_get_size (info),
                          g_file_info_get_attribute_uint64 (info,
                                                            G_FILE_ATTRIBUTE_TIME_MODIFIED),
                          g_file_info_get_attribute_uint32 (info,
                                                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC),
                          uri);
}

static void
cache_add (char       *key,
           GdkTexture *texture)
{
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  if (g_hash_table_contains (cache, key))
    {
      g_free (key);
      return;
    }

  while (g_queue_get_length (&cache_order) >= CACHE_SIZE)
    g_hash_table_remove (cache, g_queue_pop_head (&cache_order));
  g_queue_push_tail (&cache_order, key);
  g_hash_table_insert (cache, key, g_object_ref (texture));
}

static void
decode_thumbnail (GTask *task)
{
  ThumbnailJob *job = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) upright = NULL;
  g_autofree char *key = NULL;
  GdkTexture *texture;
  GError *error = NULL;

  /* A sheet closed, or a view reloaded, before its turn came. */
  if (g_task_return_error_if_cancelled (task))
    return;

  key = cache_key (job, cancellable);
  texture = key != NULL && cache != NULL ? g_hash_table_lookup (cache, key) : NULL;
  if (texture != NULL)
    {
      g_task_return_pointer (task, g_object_ref (texture), g_object_unref);
      return;
    }

  /* Decoded at the shown size (the JPEG loader then decodes at 1/2 to 1/8
   * of the stored size), so that a 40-megapixel photo never sits in
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
  texture = gdk_texture_new_for_pixbuf (upright);
  if (key != NULL)
    cache_add (g_steal_pointer (&key), texture);
  g_task_return_pointer (task, texture, g_object_unref);
}

static void
thumbnail_worker (gpointer data,
                  gpointer user_data)
{
  g_autoptr(GTask) task = data;

  /* The pool's one thread is its own (exclusive): a lower priority set
   * here slows only the thumbnails. */
  byline_thread_lower_priority ();
  decode_thumbnail (task);
}

/* One worker for every thumbnail of the process: ten 12-megapixel photos
 * decoded at once on a machine of two cores would take the processor
 * from the window's keystroke path, which then waits seconds. */
static GThreadPool *
thumbnail_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    {
      g_autoptr(GError) error = NULL;
      GThreadPool *created = g_thread_pool_new (thumbnail_worker, NULL, 1, TRUE, &error);

      /* An exclusive pool starts its thread at once: only on failure is
       * there none. */
      if (created == NULL)
        g_error ("Cannot start the thumbnail thread: %s", error->message);
      g_once_init_leave (&pool, created);
    }
  return pool;
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
  /* The result comes back in an idle of this priority: after the
   * keystrokes, redraws and analyses that are waiting. */
  g_task_set_priority (task, G_PRIORITY_LOW);
  g_thread_pool_push (thumbnail_pool (), g_steal_pointer (&task), NULL);
}

GdkTexture *
byline_photo_thumbnail_load_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
thumbnail_shown_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GtkWidget) image = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = byline_photo_thumbnail_load_finish (result, &error);
  if (texture == NULL)
    {
      /* The size was readable but the pixels are not: the thumbnail stays
       * empty, and the list or the dialog says what is wrong. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No thumbnail: %s", error->message);
      return;
    }

  if (GTK_IS_PICTURE (image))
    gtk_picture_set_paintable (GTK_PICTURE (image), GDK_PAINTABLE (texture));
  else
    gtk_image_set_from_paintable (GTK_IMAGE (image), GDK_PAINTABLE (texture));
}

void
byline_photo_thumbnail_show (GFile        *file,
                             int           width,
                             int           height,
                             GCancellable *cancellable,
                             GtkWidget    *image)
{
  g_return_if_fail (GTK_IS_PICTURE (image) || GTK_IS_IMAGE (image));

  byline_photo_thumbnail_load_async (file, width, height, cancellable, thumbnail_shown_cb,
                                     g_object_ref (image));
}

/* Names */

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

char *
byline_photo_describe_size (int     width,
                            int     height,
                            goffset bytes)
{
  g_autofree char *size = g_format_size ((guint64) MAX (bytes, 0));

  /* Translators: a picture's size: "2400 × 1800 pixels, 1.2 MB". */
  return g_strdup_printf (_("%d × %d pixels, %s"), width, height, size);
}

BylineImageFields *
byline_photo_fields_for_file (GFile           *file,
                              BylinePhotoInfo *info,
                              BylineProfile   *profile)
{
  g_autoptr(BylinePhotoImport) planned = g_new0 (BylinePhotoImport, 1);

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (BYLINE_IS_PROFILE (profile), NULL);

  /* Filled as the import fills them from the picture's metadata. */
  planned->source = g_object_ref (file);
  planned->file = g_object_ref (file);
  planned->info = byline_photo_info_ref (info);
  planned->width = info->width;
  planned->height = info->height;
  return byline_photo_import_to_fields (planned, profile);
}

BylineAnalysisContext *
byline_photo_check_context_new (BylineProfile *profile,
                                GFile         *folder)
{
  g_autoptr(GFile) post = NULL;
  g_autoptr(BylineBundle) bundle = NULL;

  g_return_val_if_fail (BYLINE_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  post = g_file_get_child (folder, "index.md");
  bundle = byline_bundle_new (post);
  return byline_analysis_context_new (profile, NULL, bundle, NULL, NULL);
}

char *
byline_photo_dup_entry_text (GtkEditable *editable)
{
  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

void
byline_photo_name_drop_down (GtkDropDown *drop_down)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  gtk_accessible_update_relation (GTK_ACCESSIBLE (gtk_widget_get_first_child (
                                    GTK_WIDGET (drop_down))),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, drop_down, NULL, -1);
}
