/* bench-photos.c — how long importing ten 12-megapixel photos into a bundle takes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ten 4000 × 3000 JPEGs with a photo's grain, stored sideways (orientation
 * 6) and carrying GPS tags when exiftool is there to write them, go through
 * byline_photo_import_files() as one batch, the way add-photos brings
 * them in (the photo sheet's byline_photo_import_async() runs the same on
 * a worker): decoded, scaled to the profile's 2400 pixels,
 * turned upright, encoded at its JPEG quality, without their location.
 */

#include "config.h"

#include "byline-photo.h"

#include <stdio.h>

#include "byline-test-photos.h"
#include "bench-util.h"
#include "byline-test-util.h"

#define N_PHOTOS 10
#define N_ROUNDS 3

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *root = g_dir_make_tmp ("byline-bench-photos-XXXXXX", &error);
  g_autofree char *first = NULL;
  BylinePhotoOptions options;
  double seconds[N_ROUNDS];
  goffset bytes_in = 0;
  goffset bytes_out = 0;

  g_assert_no_error (error);
  byline_photo_options_init (&options, profile);

  pixbuf = byline_test_draw_photo (3000, 4000, 6, TRUE);
  first = g_build_filename (root, "IMG_0.JPG", NULL);
  byline_test_save_photo (pixbuf, first, "jpeg");
  if (byline_test_have_exiftool ())
    byline_test_tag_photo (first, 6, "2024:06:15 14:03:07");
  else
    printf ("photos: exiftool is not installed, the photos carry no tags\n");

  for (guint i = 0; i < N_PHOTOS; i++)
    {
      g_autofree char *name = g_strdup_printf ("IMG_%u.JPG", i);
      g_autofree char *path = g_build_filename (root, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      if (i > 0)
        {
          g_autoptr(GFile) source = g_file_new_for_path (first);

          g_file_copy (source, file, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
          g_assert_no_error (error);
        }
      g_ptr_array_add (sources, g_steal_pointer (&file));
    }

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autofree char *name = g_strdup_printf ("post-%u", round);
      g_autofree char *bundle = g_build_filename (root, name, NULL);
      g_autoptr(GFile) folder = g_file_new_for_path (bundle);
      g_autoptr(GPtrArray) imports = NULL;
      gint64 start;

      g_assert_cmpint (g_mkdir (bundle, 0700), ==, 0);
      start = g_get_monotonic_time ();
      imports = byline_photo_import_files (folder, (GFile * const *) sources->pdata,
                                           sources->len, &options, NULL, &error);
      seconds[round] = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
      g_assert_no_error (error);

      if (round == 0)
        for (guint i = 0; i < imports->len; i++)
          {
            const BylinePhotoImport *import = g_ptr_array_index (imports, i);
            g_autoptr(GFileInfo) info = g_file_query_info (import->file,
                                                           G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                           G_FILE_QUERY_INFO_NONE, NULL, NULL);

            g_assert_cmpint (import->width, ==, 2400);
            bytes_in += import->info->size;
            bytes_out += g_file_info_get_size (info);
          }
    }

  qsort (seconds, N_ROUNDS, sizeof seconds[0], bench_compare_doubles);
  printf ("photos: %d photos of 4000×3000 (%.1f MB) imported to 2400×3200 (%.1f MB), "
          "%d rounds\n", N_PHOTOS, bytes_in / 1e6, bytes_out / 1e6, N_ROUNDS);
  printf ("photos: %.2f s for ten (median), %.2f s best, %.0f ms per photo\n",
          seconds[N_ROUNDS / 2], seconds[0], seconds[N_ROUNDS / 2] * 1000 / N_PHOTOS);

  byline_test_remove_tree (root);
  return 0;
}
