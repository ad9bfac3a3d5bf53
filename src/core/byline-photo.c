/* byline-photo.c — a picture's facts, and its copy as the site should have it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-photo"

#include "config.h"

#include "byline-photo.h"
#include "byline-photo-private.h"

#include <errno.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

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

/* Pixels */

/* The transform each EXIF orientation asks for (TIFF 6.0 and EXIF 2.32,
 * tag 0x0112: where row 0 and column 0 of the stored picture belong). */
static GdkPixbuf *
apply_orientation (GdkPixbuf *pixbuf,
                   int        orientation)
{
  g_autoptr(GdkPixbuf) turned = NULL;

  switch (orientation)
    {
    case 2:
      return gdk_pixbuf_flip (pixbuf, TRUE);
    case 3:
      return gdk_pixbuf_rotate_simple (pixbuf, GDK_PIXBUF_ROTATE_UPSIDEDOWN);
    case 4:
      return gdk_pixbuf_flip (pixbuf, FALSE);
    case 5:
      turned = gdk_pixbuf_rotate_simple (pixbuf, GDK_PIXBUF_ROTATE_CLOCKWISE);
      return gdk_pixbuf_flip (turned, TRUE);
    case 6:
      return gdk_pixbuf_rotate_simple (pixbuf, GDK_PIXBUF_ROTATE_CLOCKWISE);
    case 7:
      turned = gdk_pixbuf_rotate_simple (pixbuf, GDK_PIXBUF_ROTATE_COUNTERCLOCKWISE);
      return gdk_pixbuf_flip (turned, TRUE);
    case 8:
      return gdk_pixbuf_rotate_simple (pixbuf, GDK_PIXBUF_ROTATE_COUNTERCLOCKWISE);
    default:
      return g_object_ref (pixbuf);
    }
}

/* The decoder's colour profile (base64), when it still describes the
 * pixels: gdk-pixbuf turns CMYK and grey JPEGs into RGB, whose values a
 * CMYK or grey profile would misread. */
static const char *
rgb_icc_profile (GdkPixbuf *pixbuf)
{
  const char *encoded = gdk_pixbuf_get_option (pixbuf, "icc-profile");
  g_autofree guchar *profile = NULL;
  gsize length = 0;

  if (encoded == NULL)
    return NULL;
  profile = g_base64_decode (encoded, &length);
  if (length < 20 || memcmp (profile + 16, "RGB ", 4) != 0)
    return NULL;
  return encoded;
}

/* CRC-32 as PNG computes it (ISO 3309, the PNG specification's sample). */
static guint32
png_crc (const guint8 *data,
         gsize         length,
         guint32       crc)
{
  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (guint bit = 0; bit < 8; bit++)
        crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
    }
  return crc;
}

static void
append_be32 (GByteArray *out,
             guint32     value)
{
  guint8 bytes[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (out, bytes, 4);
}

/* Adds an iCCP chunk holding @icc right after the IHDR chunk of @png.
 * Debian 12's gdk-pixbuf writes the profile before the header, which its
 * libpng refuses, so PNGs are saved without and given it here. */
static GBytes *
png_add_icc (GBytes        *png,
             const guint8  *icc,
             gsize          icc_length,
             GError       **error)
{
  static const char name[] = "ICC profile";
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) deflate = g_converter_output_stream_new (memory,
                                                                    G_CONVERTER (compressor));
  g_autoptr(GBytes) compressed = NULL;
  g_autoptr(GByteArray) chunk = g_byte_array_new ();
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gsize length;
  const guint8 *data = g_bytes_get_data (png, &length);
  const gsize header_end = 8 + 8 + 13 + 4;  /* signature, IHDR */
  guint32 crc;

  if (!g_output_stream_write_all (deflate, icc, icc_length, NULL, NULL, error) ||
      !g_output_stream_close (deflate, NULL, error))
    return NULL;
  compressed = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));

  g_assert (length > header_end && memcmp (data + 12, "IHDR", 4) == 0);

  /* Name, NUL, compression method 0, the deflated profile. */
  g_byte_array_append (chunk, (const guint8 *) "iCCP", 4);
  g_byte_array_append (chunk, (const guint8 *) name, sizeof name);
  g_byte_array_append (chunk, (const guint8 *) "", 1);
  g_byte_array_append (chunk, g_bytes_get_data (compressed, NULL), g_bytes_get_size (compressed));
  crc = png_crc (chunk->data, chunk->len, 0xFFFFFFFFu) ^ 0xFFFFFFFFu;

  g_byte_array_append (out, data, header_end);
  append_be32 (out, chunk->len - 4);
  g_byte_array_append (out, chunk->data, chunk->len);
  append_be32 (out, crc);
  g_byte_array_append (out, data + header_end, length - header_end);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static gboolean
encode (GdkPixbuf          *pixbuf,
        BylinePhotoFormat   format,
        guint               quality,
        const char         *icc,
        GOutputStream      *out,
        GCancellable       *cancellable,
        GError            **error)
{
  g_autofree char *quality_text = g_strdup_printf ("%u", CLAMP (quality, 1, 100));
  g_autofree char *buffer = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autofree guchar *profile = NULL;
  gsize size = 0;
  gsize profile_length = 0;

  if (format == BYLINE_PHOTO_FORMAT_JPEG)
    {
      const char *keys[] = { "quality", icc != NULL ? "icc-profile" : NULL, NULL };
      const char *values[] = { quality_text, icc, NULL };

      return gdk_pixbuf_save_to_streamv (pixbuf, out, "jpeg", (char **) keys, (char **) values,
                                         cancellable, error);
    }

  if (!gdk_pixbuf_save_to_bufferv (pixbuf, &buffer, &size, "png", NULL, NULL, error))
    return FALSE;
  png = g_bytes_new_take (g_steal_pointer (&buffer), size);
  if (icc != NULL)
    {
      GBytes *with_icc;

      profile = g_base64_decode (icc, &profile_length);
      with_icc = png_add_icc (png, profile, profile_length, error);
      if (with_icc == NULL)
        return FALSE;
      g_bytes_unref (png);
      png = with_icc;
    }
  return g_output_stream_write_all (out, g_bytes_get_data (png, NULL), g_bytes_get_size (png),
                                    NULL, cancellable, error);
}

static gboolean
reencode (GFile                    *source,
          const char               *source_path,
          const BylinePhotoInfo    *info,
          const BylinePhotoOptions *options,
          GFile                    *target,
          int                      *width,
          int                      *height,
          BylinePhotoChanges       *changes,
          GCancellable             *cancellable,
          GError                  **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GdkPixbuf) decoded = NULL;
  g_autoptr(GdkPixbuf) scaled = NULL;
  g_autoptr(GdkPixbuf) upright = NULL;
  g_autofree char *target_path = NULL;
  gboolean resize = options->max_width > 0 && info->width > (int) options->max_width;
  gboolean swapped = info->orientation >= 5;
  int new_width = info->width;
  int new_height = info->height;
  int stored_width, stored_height;

  if (resize)
    {
      new_width = (int) options->max_width;
      new_height = MAX (1, (int) floor ((double) info->height * new_width / info->width + 0.5));
    }

  /* The orientation comes after the scaling, so the stored sides are the
   * swapped ones. A JPEG at least twice too big is decoded at a half, a
   * quarter or an eighth of its size, which saves most of the decoding;
   * otherwise gdk-pixbuf's one-go decoder is faster than its incremental
   * one, and scaling the result is as fast as letting the loader do it. */
  stored_width = swapped ? new_height : new_width;
  stored_height = swapped ? new_width : new_height;
  if (resize && (swapped ? info->height : info->width) >= 2 * stored_width)
    decoded = gdk_pixbuf_new_from_file_at_scale (source_path, stored_width, stored_height,
                                                 FALSE, error);
  else
    decoded = gdk_pixbuf_new_from_file (source_path, error);
  if (decoded == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (gdk_pixbuf_get_width (decoded) != stored_width ||
      gdk_pixbuf_get_height (decoded) != stored_height)
    scaled = gdk_pixbuf_scale_simple (decoded, stored_width, stored_height, GDK_INTERP_BILINEAR);
  else
    scaled = g_object_ref (decoded);

  upright = apply_orientation (scaled, info->orientation);
  new_width = gdk_pixbuf_get_width (upright);
  new_height = gdk_pixbuf_get_height (upright);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  out = g_file_create (target, G_FILE_CREATE_NONE, cancellable, error);
  if (out == NULL)
    return FALSE;
  if (!encode (upright, info->format, options->jpeg_quality, rgb_icc_profile (decoded),
               G_OUTPUT_STREAM (out), cancellable, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error))
    return FALSE;

  target_path = g_file_get_path (target);
  if (options->keep_metadata && info->has_metadata &&
      !byline_photo_metadata_transfer (source_path, target_path, new_width, new_height, error))
    return FALSE;

  *width = new_width;
  *height = new_height;
  *changes |= BYLINE_PHOTO_CHANGE_REENCODED;
  if (resize)
    *changes |= BYLINE_PHOTO_CHANGE_RESIZED;
  if (info->orientation > 1)
    *changes |= BYLINE_PHOTO_CHANGE_ROTATED;
  return TRUE;
}

static gboolean
copy_and_clean (GFile                    *source,
                const BylinePhotoInfo    *info,
                const BylinePhotoOptions *options,
                GFile                    *target,
                int                      *width,
                int                      *height,
                GCancellable             *cancellable,
                GError                  **error)
{
  g_autofree char *target_path = NULL;

  /* The bundle's copy gets the folder's usual permissions, not those of a
   * read-only camera card. */
  if (!g_file_copy (source, target, G_FILE_COPY_TARGET_DEFAULT_PERMS, cancellable,
                    NULL, NULL, error))
    return FALSE;

  target_path = g_file_get_path (target);
  if ((info->has_location || (!options->keep_metadata && info->has_metadata)) &&
      !byline_photo_metadata_clean (target_path, options->keep_metadata, error))
    return FALSE;

  *width = info->width;
  *height = info->height;
  return TRUE;
}

gboolean
byline_photo_write (GFile                    *source,
                    const BylinePhotoInfo    *info,
                    const BylinePhotoOptions *options,
                    GFile                    *target,
                    int                      *width,
                    int                      *height,
                    BylinePhotoChanges       *changes,
                    GCancellable             *cancellable,
                    GError                  **error)
{
  g_autofree char *source_path = g_file_get_path (source);
  gboolean too_wide = options->max_width > 0 && info->width > (int) options->max_width;
  gboolean ok;

  g_assert (source_path != NULL);

  *changes = BYLINE_PHOTO_CHANGE_NONE;
  if (byline_photo_format_can_encode (info->format) && (too_wide || info->orientation > 1))
    ok = reencode (source, source_path, info, options, target, width, height, changes,
                   cancellable, error);
  else
    ok = copy_and_clean (source, info, options, target, width, height, cancellable, error);

  if (!ok)
    {
      /* A half-written picture is worse than none. */
      g_file_delete (target, NULL, NULL);
      return FALSE;
    }

  if (info->has_location)
    *changes |= BYLINE_PHOTO_CHANGE_LOCATION_REMOVED;
  if (!options->keep_metadata && info->has_metadata)
    *changes |= BYLINE_PHOTO_CHANGE_METADATA_REMOVED;
  return TRUE;
}

GFile *
byline_photo_temporary_file (GFile *folder)
{
  g_autofree char *name = g_strdup_printf (".byline-%08x%08x.part",
                                           g_random_int (), g_random_int ());

  /* Hidden: the bundle's file list, and Hugo, skip it while it is written. */
  return g_file_get_child (folder, name);
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

gboolean
byline_photo_import_prepare (BylinePhotoImport         *import,
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

gboolean
byline_photo_import_place (BylinePhotoImport  *import,
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
  if (!byline_photo_import_prepare (import, folder, options, &temporary, cancellable, error) ||
      !byline_photo_import_place (import, folder, temporary, cancellable, error))
    return NULL;
  return g_steal_pointer (&import);
}

/* Fixes in place */

/* Moves @temporary over @file, with @file's permissions. */
static gboolean
replace_file (GFile         *temporary,
              GFile         *file,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInfo) mode = g_file_query_info (file, G_FILE_ATTRIBUTE_UNIX_MODE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, NULL);

  if (mode != NULL && g_file_info_has_attribute (mode, G_FILE_ATTRIBUTE_UNIX_MODE))
    g_file_set_attribute_uint32 (temporary, G_FILE_ATTRIBUTE_UNIX_MODE,
                                 g_file_info_get_attribute_uint32 (mode,
                                                                   G_FILE_ATTRIBUTE_UNIX_MODE),
                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  /* In one folder a move is a rename: readers see the old file or the new
   * one, never a part. */
  if (!g_file_move (temporary, file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                    cancellable, NULL, NULL, error))
    {
      g_file_delete (temporary, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
byline_photo_remove_location (GFile         *file,
                              gboolean      *changed,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(BylinePhotoInfo) info = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) temporary = NULL;
  g_autofree char *temporary_path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (changed != NULL)
    *changed = FALSE;

  info = byline_photo_info_new_for_file (file, cancellable, error);
  if (info == NULL)
    return FALSE;
  if (!info->has_location)
    return TRUE;

  folder = g_file_get_parent (file);
  temporary = byline_photo_temporary_file (folder);
  temporary_path = g_file_get_path (temporary);
  if (!g_file_copy (file, temporary, G_FILE_COPY_NONE, cancellable, NULL, NULL, error))
    return FALSE;
  if (!byline_photo_metadata_clean (temporary_path, TRUE, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_file_delete (temporary, NULL, NULL);
      return FALSE;
    }
  if (!replace_file (temporary, file, cancellable, error))
    return FALSE;

  if (changed != NULL)
    *changed = TRUE;
  return TRUE;
}

gboolean
byline_photo_shrink (GFile                    *file,
                     const BylinePhotoOptions *options,
                     gboolean                 *changed,
                     GCancellable             *cancellable,
                     GError                  **error)
{
  g_autoptr(BylinePhotoInfo) info = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) temporary = NULL;
  BylinePhotoOptions keep;
  BylinePhotoChanges changes;
  int width, height;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (changed != NULL)
    *changed = FALSE;

  info = byline_photo_info_new_for_file (file, cancellable, error);
  if (info == NULL)
    return FALSE;
  if (!byline_photo_format_can_encode (info->format) || options->max_width == 0 ||
      info->width <= (int) options->max_width)
    return TRUE;

  /* A fix changes the size, not what the writer kept in the picture. */
  keep = *options;
  keep.keep_metadata = TRUE;

  folder = g_file_get_parent (file);
  temporary = byline_photo_temporary_file (folder);
  if (!byline_photo_write (file, info, &keep, temporary, &width, &height, &changes,
                           cancellable, error) ||
      !replace_file (temporary, file, cancellable, error))
    return FALSE;

  if (changed != NULL)
    *changed = TRUE;
  return TRUE;
}
