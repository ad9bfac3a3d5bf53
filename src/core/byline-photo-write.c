/* byline-photo-write.c — a picture's copy as the site should have it, and fixes in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-photo"

#include "config.h"

#include "byline-photo.h"
#include "byline-photo-private.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>
#include <string.h>

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
  /* Writable while its metadata changes; it gets @file's mode back when it
   * replaces it. */
  if (!g_file_copy (file, temporary, G_FILE_COPY_TARGET_DEFAULT_PERMS, cancellable, NULL, NULL,
                    error))
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
