/* byline-photo.c — what Byline knows about a picture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-photo"

#include "config.h"

#include "byline-photo.h"
#include "byline-photo-private.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* Enough to tell the formats apart, and to find "<svg" after an XML
 * declaration and a comment. */
#define HEAD_SIZE 4096

/* Pictures the linter remembers before it starts again from none. */
#define CACHE_MAX 1024

G_DEFINE_QUARK (byline-photo-error-quark, byline_photo_error)

G_DEFINE_BOXED_TYPE (BylinePhotoInfo, byline_photo_info,
                     byline_photo_info_ref, byline_photo_info_unref)

static void
photo_info_clear (BylinePhotoInfo *self)
{
  g_free (self->description);
  g_free (self->title);
  g_free (self->alt_text);
  g_clear_pointer (&self->taken, g_date_time_unref);
}

BylinePhotoInfo *
byline_photo_info_ref (BylinePhotoInfo *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
byline_photo_info_unref (BylinePhotoInfo *self)
{
  if (self != NULL)
    g_atomic_rc_box_release_full (self, (GDestroyNotify) photo_info_clear);
}

gboolean
byline_photo_format_can_encode (BylinePhotoFormat format)
{
  return format == BYLINE_PHOTO_FORMAT_JPEG || format == BYLINE_PHOTO_FORMAT_PNG;
}

static BylinePhotoFormat
sniff_format (const char *head,
              gsize       length,
              const char *name)
{
  gsize i = 0;

  if (length >= 3 && memcmp (head, "\xff\xd8\xff", 3) == 0)
    return BYLINE_PHOTO_FORMAT_JPEG;
  if (length >= 8 && memcmp (head, "\x89PNG\r\n\x1a\n", 8) == 0)
    return BYLINE_PHOTO_FORMAT_PNG;
  if (length >= 6 && (memcmp (head, "GIF87a", 6) == 0 || memcmp (head, "GIF89a", 6) == 0))
    return BYLINE_PHOTO_FORMAT_GIF;
  if (length >= 12 && memcmp (head, "RIFF", 4) == 0 && memcmp (head + 8, "WEBP", 4) == 0)
    return BYLINE_PHOTO_FORMAT_WEBP;

  /* SVG is XML text: a BOM, spaces, then markup with an <svg element. */
  if (length >= 3 && memcmp (head, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (head[i]))
    i++;
  if (i < length && head[i] == '<' &&
      (g_strstr_len (head, length, "<svg") != NULL || g_str_has_suffix (name, ".svg")))
    return BYLINE_PHOTO_FORMAT_SVG;

  return BYLINE_PHOTO_FORMAT_UNKNOWN;
}

static gboolean
set_unreadable (GError     **error,
                GFile       *file,
                const char  *reason)
{
  g_autofree char *name = g_file_get_parse_name (file);

  if (reason != NULL)
    g_set_error (error, BYLINE_PHOTO_ERROR, BYLINE_PHOTO_ERROR_UNREADABLE,
                 _("Could not read the picture “%s”: %s"), name, reason);
  else
    g_set_error (error, BYLINE_PHOTO_ERROR, BYLINE_PHOTO_ERROR_UNREADABLE,
                 _("“%s” is not a picture Byline can read: use JPEG, PNG, GIF, WebP or SVG"),
                 name);
  return FALSE;
}

static gboolean
read_dimensions (GFile           *file,
                 const char      *path,
                 BylinePhotoInfo *info)
{
  int width = 0;
  int height = 0;

  if (info->format == BYLINE_PHOTO_FORMAT_SVG)
    {
      if (!byline_image_read_size (file, &width, &height))
        width = height = 0;
    }
  else if (gdk_pixbuf_get_file_info (path, &width, &height) == NULL)
    {
      /* WebP needs a loader Debian ships apart; its size stays unknown. */
      if (info->format != BYLINE_PHOTO_FORMAT_WEBP)
        return FALSE;
      width = height = 0;
    }

  /* Orientations 5 to 8 swap the sides. */
  if (info->orientation >= 5)
    {
      info->width = height;
      info->height = width;
    }
  else
    {
      info->width = width;
      info->height = height;
    }
  return TRUE;
}

BylinePhotoInfo *
byline_photo_info_new_for_file (GFile         *file,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) file_info = NULL;
  g_autoptr(BylinePhotoInfo) info = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;
  char head[HEAD_SIZE];
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      set_unreadable (error, file, _("it is not a local file"));
      return NULL;
    }

  file_info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                                 cancellable, error);
  if (file_info == NULL)
    return NULL;
  stream = g_file_read (file, cancellable, error);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &length, cancellable,
                                error))
    return NULL;
  g_input_stream_close (G_INPUT_STREAM (stream), NULL, NULL);

  info = g_atomic_rc_box_new0 (BylinePhotoInfo);
  info->orientation = 1;
  info->size = g_file_info_get_size (file_info);
  name = g_file_get_basename (file);
  lower = g_ascii_strdown (name, -1);
  info->format = sniff_format (head, length, lower);
  if (info->format == BYLINE_PHOTO_FORMAT_UNKNOWN)
    {
      set_unreadable (error, file, NULL);
      return NULL;
    }

  if (!byline_photo_metadata_read (path, info, error))
    return NULL;
  if (!read_dimensions (file, path, info))
    {
      set_unreadable (error, file, _("its pixels are damaged or in an unknown encoding"));
      return NULL;
    }

  return g_steal_pointer (&info);
}

static void
info_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  BylinePhotoInfo *info = byline_photo_info_new_for_file (task_data, cancellable, &error);

  if (info == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, info, (GDestroyNotify) byline_photo_info_unref);
}

void
byline_photo_info_new_for_file_async (GFile               *file,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_photo_info_new_for_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, info_thread);
}

BylinePhotoInfo *
byline_photo_info_new_for_file_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        byline_photo_info_new_for_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The linter's cache */

typedef struct
{
  goffset          size;
  guint64          modified;  /* microseconds */
  BylinePhotoInfo *info;      /* nullable: not a readable picture */
} CacheEntry;

static GMutex cache_lock;
static GHashTable *cache;  /* path → CacheEntry */

static void
cache_entry_free (CacheEntry *entry)
{
  g_clear_pointer (&entry->info, byline_photo_info_unref);
  g_free (entry);
}

BylinePhotoInfo *
byline_photo_info_lookup (GFile *file)
{
  g_autoptr(GFileInfo) file_info = NULL;
  g_autofree char *path = NULL;
  CacheEntry *entry;
  goffset size;
  guint64 modified;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  file_info = g_file_query_info (file,
                                 G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                 G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                 G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (path == NULL || file_info == NULL)
    return NULL;
  size = g_file_info_get_size (file_info);
  modified = g_file_info_get_attribute_uint64 (file_info, G_FILE_ATTRIBUTE_TIME_MODIFIED) *
             G_USEC_PER_SEC +
             g_file_info_get_attribute_uint32 (file_info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);

  g_mutex_lock (&cache_lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) cache_entry_free);
  entry = g_hash_table_lookup (cache, path);
  if (entry != NULL && entry->size == size && entry->modified == modified)
    {
      BylinePhotoInfo *info = entry->info != NULL ? byline_photo_info_ref (entry->info) : NULL;

      g_mutex_unlock (&cache_lock);
      return info;
    }
  g_mutex_unlock (&cache_lock);

  entry = g_new0 (CacheEntry, 1);
  entry->size = size;
  entry->modified = modified;
  entry->info = byline_photo_info_new_for_file (file, NULL, NULL);

  g_mutex_lock (&cache_lock);
  if (g_hash_table_size (cache) >= CACHE_MAX)
    g_hash_table_remove_all (cache);
  g_hash_table_replace (cache, g_steal_pointer (&path), entry);
  {
    BylinePhotoInfo *info = entry->info != NULL ? byline_photo_info_ref (entry->info) : NULL;

    g_mutex_unlock (&cache_lock);
    return info;
  }
}

char *
byline_photo_info_dup_location (const BylinePhotoInfo *self)
{
  char latitude[G_ASCII_DTOSTR_BUF_SIZE];
  char longitude[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (self != NULL, NULL);

  if (!self->has_coordinates)
    return NULL;

  /* Two decimals, the C locale's decimal point: coordinates are written
   * the same way everywhere. */
  g_ascii_formatd (latitude, sizeof latitude, "%.2f", fabs (self->latitude));
  g_ascii_formatd (longitude, sizeof longitude, "%.2f", fabs (self->longitude));
  /* TRANSLATORS: a position on Earth, "47.38° N, 8.54° E": the latitude,
   * its compass point, the longitude, its compass point. */
  return g_strdup_printf (_("%s° %s, %s° %s"),
                          latitude,
                          self->latitude < 0 ? C_("compass point", "S")
                                             : C_("compass point", "N"),
                          longitude,
                          self->longitude < 0 ? C_("compass point", "W")
                                              : C_("compass point", "E"));
}

void
byline_photo_options_init (BylinePhotoOptions *options,
                           BylineProfile      *profile)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (BYLINE_IS_PROFILE (profile));

  options->max_width = byline_profile_get_image_max_width (profile);
  options->jpeg_quality = byline_profile_get_jpeg_quality (profile);
  options->keep_metadata = FALSE;
}

char *
byline_photo_changes_describe (BylinePhotoChanges changes,
                               int                old_width,
                               int                old_height)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GString *out;

  if (changes & BYLINE_PHOTO_CHANGE_RESIZED)
    g_ptr_array_add (parts, g_strdup_printf (_("resized from %d×%d pixels"),
                                             old_width, old_height));
  if (changes & BYLINE_PHOTO_CHANGE_ROTATED)
    g_ptr_array_add (parts, g_strdup (_("turned upright")));
  if (changes & BYLINE_PHOTO_CHANGE_LOCATION_REMOVED)
    g_ptr_array_add (parts, g_strdup (_("location removed")));
  if (changes & BYLINE_PHOTO_CHANGE_METADATA_REMOVED)
    g_ptr_array_add (parts, g_strdup (_("camera metadata removed")));
  if (parts->len == 0)
    return NULL;

  out = g_string_new (g_ptr_array_index (parts, 0));
  for (guint i = 1; i < parts->len; i++)
    {
      /* TRANSLATORS: between the items of a list of changes. */
      g_string_append (out, _(", "));
      g_string_append (out, g_ptr_array_index (parts, i));
    }
  return g_string_free (out, FALSE);
}

/* Imports */

void
byline_photo_import_free (BylinePhotoImport *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->source);
  g_clear_object (&self->file);
  g_clear_pointer (&self->info, byline_photo_info_unref);
  g_free (self);
}
