/* byline-test-photos.h — test pictures made at test time, and exiftool to look at them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pictures are drawn here, pixel by pixel, and tagged with exiftool
 * (libimage-exiftool-perl): a tool other than the gexiv2 that Byline uses,
 * so that a test of stripped tags does not ask the stripper. Nothing large
 * is committed.
 */

#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

/* The picture as it should look: four quadrants of distinct colours. */
static const guint8 byline_test_quadrant_colours[4][3] = {
  { 220, 30, 30 },    /* top left: red */
  { 30, 200, 30 },    /* top right: green */
  { 30, 30, 220 },    /* bottom left: blue */
  { 230, 230, 40 },   /* bottom right: yellow */
};

static inline guint
byline_test_quadrant (int x,
                      int y,
                      int width,
                      int height)
{
  return (y >= height / 2 ? 2 : 0) + (x >= width / 2 ? 1 : 0);
}

/* Where pixel (x, y) of the picture as shown sits in the stored pixels for
 * an EXIF orientation, from the tag's definition (TIFF 6.0, Orientation:
 * "the 0th row represents the visual top/bottom/left/right…"). @sw, @sh
 * are the stored sides. */
static inline void
byline_test_stored_position (int  orientation,
                             int  x,
                             int  y,
                             int  sw,
                             int  sh,
                             int *sx,
                             int *sy)
{
  switch (orientation)
    {
    case 2: *sx = sw - 1 - x; *sy = y; break;               /* row 0 top, column 0 right */
    case 3: *sx = sw - 1 - x; *sy = sh - 1 - y; break;      /* row 0 bottom, column 0 right */
    case 4: *sx = x; *sy = sh - 1 - y; break;               /* row 0 bottom, column 0 left */
    case 5: *sx = y; *sy = x; break;                        /* row 0 left, column 0 top */
    case 6: *sx = y; *sy = sh - 1 - x; break;               /* row 0 right, column 0 top */
    case 7: *sx = sw - 1 - y; *sy = sh - 1 - x; break;      /* row 0 right, column 0 bottom */
    case 8: *sx = sw - 1 - y; *sy = x; break;               /* row 0 left, column 0 bottom */
    default: *sx = x; *sy = y; break;
    }
}

/* Stored pixels that show the quadrants upright at @width × @height once
 * @orientation is applied. @noise adds a photo's grain (for benchmarks:
 * flat colours encode unrealistically fast). */
static inline GdkPixbuf *
byline_test_draw_photo (int      width,
                        int      height,
                        int      orientation,
                        gboolean noise)
{
  gboolean swapped = orientation >= 5;
  int sw = swapped ? height : width;
  int sh = swapped ? width : height;
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, sw, sh);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  guint32 seed = 2026;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *colour = byline_test_quadrant_colours[byline_test_quadrant (x, y, width,
                                                                                  height)];
        int sx, sy;
        guint8 *p;

        byline_test_stored_position (orientation, x, y, sw, sh, &sx, &sy);
        p = pixels + (gsize) sy * stride + (gsize) sx * 3;
        for (int c = 0; c < 3; c++)
          {
            int value = colour[c];

            if (noise)
              {
                seed = seed * 1103515245 + 12345;
                value += (int) ((seed >> 16) % 41) - 20 + (x + y) % 16;
              }
            p[c] = (guint8) CLAMP (value, 0, 255);
          }
      }
  return pixbuf;
}

/* Whether the middle of each quadrant has its colour (JPEG is lossy). */
static inline gboolean
byline_test_looks_upright (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);

  for (guint q = 0; q < 4; q++)
    {
      int x = (q % 2) * width / 2 + width / 4;
      int y = (q / 2) * height / 2 + height / 4;
      const guint8 *p = pixels + (gsize) y * stride + (gsize) x * channels;

      for (int c = 0; c < 3; c++)
        if (ABS ((int) p[c] - (int) byline_test_quadrant_colours[q][c]) > 40)
          {
            g_test_message ("quadrant %u at %d,%d is %d,%d,%d", q, x, y, p[0], p[1], p[2]);
            return FALSE;
          }
    }
  return TRUE;
}

/* Whether two decoded pictures have the same pixels, exactly. */
static inline gboolean
byline_test_same_pixels (GdkPixbuf *a,
                         GdkPixbuf *b)
{
  int width = gdk_pixbuf_get_width (a);
  int height = gdk_pixbuf_get_height (a);
  int channels = gdk_pixbuf_get_n_channels (a);

  if (width != gdk_pixbuf_get_width (b) || height != gdk_pixbuf_get_height (b) ||
      channels != gdk_pixbuf_get_n_channels (b))
    return FALSE;
  for (int y = 0; y < height; y++)
    if (memcmp (gdk_pixbuf_read_pixels (a) + (gsize) y * gdk_pixbuf_get_rowstride (a),
                gdk_pixbuf_read_pixels (b) + (gsize) y * gdk_pixbuf_get_rowstride (b),
                (gsize) width * channels) != 0)
      return FALSE;
  return TRUE;
}

static inline void
byline_test_put32 (GByteArray *out,
                   guint32     value)
{
  guint8 bytes[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (out, bytes, 4);
}

/* A small, valid ICC v2 RGB display profile (ICC.1:2001-04: header, tag
 * table, desc, cprt, wtpt, rXYZ/gXYZ/bXYZ, rTRC/gTRC/bTRC as gamma 2.2),
 * with @description as its name. */
static inline GBytes *
byline_test_make_icc (const char *description)
{
  static const char * const xyz_tags[] = { "wtpt", "rXYZ", "gXYZ", "bXYZ" };
  static const guint32 xyz[4][3] = {
    { 0xF6D6, 0x10000, 0xD32D }, { 0x6FA2, 0x38F5, 0x0390 },
    { 0x6299, 0xB785, 0x18DA }, { 0x24A0, 0x0F84, 0xB6CF },
  };
  static const char * const trc_tags[] = { "rTRC", "gTRC", "bTRC" };
  GByteArray *tags[9];
  const char *signatures[9];
  GByteArray *out = g_byte_array_new ();
  guint n = 0;
  guint8 zero[128] = { 0 };

  tags[n] = g_byte_array_new ();
  g_byte_array_append (tags[n], (const guint8 *) "desc\0\0\0\0", 8);
  byline_test_put32 (tags[n], strlen (description) + 1);
  g_byte_array_append (tags[n], (const guint8 *) description, strlen (description) + 1);
  g_byte_array_append (tags[n], zero, 4 + 4 + 2 + 1 + 67);  /* Unicode and ScriptCode parts */
  signatures[n++] = "desc";

  tags[n] = g_byte_array_new ();
  g_byte_array_append (tags[n], (const guint8 *) "text\0\0\0\0Free\0", 13);
  signatures[n++] = "cprt";

  for (guint i = 0; i < 4; i++)
    {
      tags[n] = g_byte_array_new ();
      g_byte_array_append (tags[n], (const guint8 *) "XYZ \0\0\0\0", 8);
      for (guint j = 0; j < 3; j++)
        byline_test_put32 (tags[n], xyz[i][j]);
      signatures[n++] = xyz_tags[i];
    }
  for (guint i = 0; i < 3; i++)
    {
      tags[n] = g_byte_array_new ();
      g_byte_array_append (tags[n], (const guint8 *) "curv\0\0\0\0\0\0\0\1\2\x33", 14);
      signatures[n++] = trc_tags[i];
    }

  g_byte_array_append (out, zero, 128);
  byline_test_put32 (out, n);
  for (guint i = 0; i < n; i++)
    g_byte_array_append (out, zero, 12);
  for (guint i = 0; i < n; i++)
    {
      guint32 offset;
      guint8 *entry;

      while (out->len % 4 != 0)
        g_byte_array_append (out, zero, 1);
      offset = out->len;
      g_byte_array_append (out, tags[i]->data, tags[i]->len);
      entry = out->data + 132 + 12 * i;
      memcpy (entry, signatures[i], 4);
      for (guint b = 0; b < 4; b++)
        {
          entry[4 + b] = (guint8) (offset >> (24 - 8 * b));
          entry[8 + b] = (guint8) (tags[i]->len >> (24 - 8 * b));
        }
      g_byte_array_unref (tags[i]);
    }
  while (out->len % 4 != 0)
    g_byte_array_append (out, zero, 1);

  for (guint b = 0; b < 4; b++)
    out->data[b] = (guint8) (out->len >> (24 - 8 * b));
  out->data[8] = 2;
  out->data[9] = 0x10;
  memcpy (out->data + 12, "mntrRGB XYZ ", 12);
  out->data[24] = 0x07;  /* 2025-01-01 */
  out->data[25] = 0xE9;
  out->data[27] = 1;
  out->data[29] = 1;
  memcpy (out->data + 36, "acsp", 4);
  memcpy (out->data + 68, "\0\0\xf6\xd6\0\1\0\0\0\0\xd3\x2d", 12);  /* D50 */

  return g_byte_array_free_to_bytes (out);
}

static inline char *byline_test_exiftool (const char *first, ...) G_GNUC_NULL_TERMINATED;

/* Saves @pixbuf as "jpeg" or "png" with the test ICC profile. */
static inline void
byline_test_save_photo (GdkPixbuf  *pixbuf,
                        const char *path,
                        const char *type)
{
  g_autoptr(GBytes) icc = byline_test_make_icc ("Byline test RGB");
  g_autofree char *encoded = g_base64_encode (g_bytes_get_data (icc, NULL),
                                              g_bytes_get_size (icc));
  g_autoptr(GError) error = NULL;

  if (strcmp (type, "jpeg") == 0)
    {
      gdk_pixbuf_save (pixbuf, path, type, &error, "quality", "92", "icc-profile", encoded, NULL);
      g_assert_no_error (error);
    }
  else
    {
      /* Debian 12's gdk-pixbuf sets a PNG's profile before its header, which
       * libpng 1.6 refuses: exiftool adds it. */
      g_autofree char *icc_path = g_strconcat (path, ".icc", NULL);
      g_autofree char *icc_arg = g_strconcat ("-ICC_Profile<=", icc_path, NULL);

      gdk_pixbuf_save (pixbuf, path, type, &error, NULL);
      g_assert_no_error (error);
      g_assert_true (g_file_set_contents (icc_path, g_bytes_get_data (icc, NULL),
                                          g_bytes_get_size (icc), NULL));
      g_free (byline_test_exiftool ("-q", "-overwrite_original", icc_arg, path, NULL));
      g_unlink (icc_path);
    }
}

/* Stands for the tests that need exiftool, which are not added without it. */
static inline void
byline_test_skip_without_exiftool (void)
{
  g_test_skip ("exiftool is not installed (libimage-exiftool-perl): the tests that make "
               "and inspect pictures do not run");
}

static inline gboolean
byline_test_have_exiftool (void)
{
  g_autofree char *path = g_find_program_in_path ("exiftool");

  return path != NULL;
}

/* Runs exiftool with the arguments (NULL-terminated); returns its output. */
static inline char *
byline_test_exiftool (const char *first,
                      ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int status = -1;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "exiftool");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("exiftool failed: %s", err);
  return out;
}

/* The colour profile's bytes, as exiftool extracts them. */
static inline GBytes *
byline_test_icc_profile (const char *path)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *out = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              "exiftool", "-b", "-ICC_Profile", path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  return out;
}

/* A phone's tags: orientation, GPS in EXIF and XMP, capture time, camera,
 * description, title and alt text. @path is changed in place. */
static inline void
byline_test_tag_photo (const char *path,
                       int         orientation,
                       const char *taken)
{
  g_autofree char *orientation_arg = g_strdup_printf ("-Orientation=%d", orientation);
  g_autofree char *taken_arg = g_strdup_printf ("-DateTimeOriginal=%s", taken);

  g_free (byline_test_exiftool ("-q", "-overwrite_original", "-n", orientation_arg,
                                "-GPSLatitude=47.376887", "-GPSLatitudeRef=N",
                                "-GPSLongitude=8.541694", "-GPSLongitudeRef=E",
                                "-GPSAltitude=408", "-XMP:GPSLatitude=47.376887",
                                "-XMP:GPSLongitude=8.541694", taken_arg,
                                "-OffsetTimeOriginal=+02:00",
                                "-Make=Canon", "-Model=EOS R6",
                                "-ImageDescription=Stage at dusk.",
                                "-XMP-dc:Description=Stage at dusk.",
                                "-XMP-dc:Title=Keynote",
                                "-XMP-iptcCore:AltTextAccessibility=A speaker on a lit stage",
                                path, NULL));
}

/* exiftool's names of every tag with "GPS" in it, any group, one a line. */
static inline char *
byline_test_gps_tags (const char *path)
{
  return byline_test_exiftool ("-a", "-G1", "-s", "-s", "-GPS:all", "-*GPS*", path, NULL);
}

static inline GBytes *
byline_test_read_path_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}
