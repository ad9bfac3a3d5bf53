/* test-photo.c — a picture's facts, and its copy in a bundle as the site should have it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Test pictures are drawn and tagged here at run time; exiftool, not the
 * gexiv2 that Byline uses, says what tags the results carry.
 */

#include "config.h"

#include "byline-photo.h"

#include <glib/gstdio.h>
#include <string.h>

#include "byline-test-photo-fixture.h"

/* Reading */

static void
test_info (BylinePhotoFixture *fixture,
           gconstpointer       data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(BylinePhotoInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) taken = g_date_time_new_from_iso8601 ("2024-06-15T12:03:07Z", utc);
  g_autofree char *where = NULL;

  path = byline_photo_fixture_make (fixture, "IMG_0001.JPG", 30, 40, 6, "2024:06:15 14:03:07");
  file = g_file_new_for_path (path);
  info = byline_photo_info_new_for_file (file, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (info->format, ==, BYLINE_PHOTO_FORMAT_JPEG);
  /* Stored 40 × 30 and turned a quarter: shown 30 wide. */
  g_assert_cmpint (info->width, ==, 30);
  g_assert_cmpint (info->height, ==, 40);
  g_assert_cmpint (info->orientation, ==, 6);
  g_assert_cmpstr (info->description, ==, "Stage at dusk.");
  g_assert_cmpstr (info->title, ==, "Keynote");
  g_assert_cmpstr (info->alt_text, ==, "A speaker on a lit stage");
  g_assert_nonnull (info->taken);
  g_assert_true (g_date_time_equal (info->taken, taken));
  g_assert_true (info->has_location);
  g_assert_true (info->has_coordinates);
  g_assert_cmpfloat_with_epsilon (info->latitude, 47.376887, 1e-5);
  g_assert_cmpfloat_with_epsilon (info->longitude, 8.541694, 1e-5);
  g_assert_true (info->has_metadata);
  where = byline_photo_info_dup_location (info);
  g_assert_cmpstr (where, ==, "47.38° N, 8.54° E");
}

static void
info_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  BylinePhotoInfo **info = user_data;
  g_autoptr(GError) error = NULL;

  *info = byline_photo_info_new_for_file_finish (result, &error);
  g_assert_no_error (error);
}

/* The same facts from a worker, for a list shown before the import. */
static void
test_info_async (BylinePhotoFixture *fixture,
                 gconstpointer       data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(BylinePhotoInfo) info = NULL;

  path = byline_photo_fixture_make (fixture, "IMG_0002.JPG", 30, 40, 8, "2024:06:15 14:03:07");
  file = g_file_new_for_path (path);
  byline_photo_info_new_for_file_async (file, NULL, info_read_cb, &info);
  while (info == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (info->orientation, ==, 8);
  g_assert_cmpint (info->width, ==, 30);
  g_assert_cmpstr (info->alt_text, ==, "A speaker on a lit stage");
}

static void
test_info_not_a_picture (BylinePhotoFixture *fixture,
                         gconstpointer       data)
{
  g_autofree char *path = g_build_filename (fixture->originals, "notes.jpg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylinePhotoInfo) info = NULL;

  g_assert_true (g_file_set_contents (path, "Not a picture at all.\n", -1, NULL));
  info = byline_photo_info_new_for_file (file, NULL, &error);
  g_assert_null (info);
  g_assert_error (error, BYLINE_PHOTO_ERROR, BYLINE_PHOTO_ERROR_UNREADABLE);
  g_assert_null (byline_photo_info_lookup (file));
}

/* Importing */

/* Every orientation comes out upright, without the tag. */
static void
test_orientation (BylinePhotoFixture *fixture,
                  gconstpointer       data)
{
  int orientation = GPOINTER_TO_INT (data);
  g_autofree char *path = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(BylinePhotoImport) import = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  BylinePhotoOptions options = byline_photo_fixture_options ();

  path = byline_photo_fixture_make (fixture, "turned.jpg", 40, 24, orientation, "2024:06:15 14:03:07");
  source = g_file_new_for_path (path);
  import = byline_photo_import_file (source, fixture->folder, &options, NULL, &error);
  g_assert_no_error (error);

  copy = g_file_get_path (import->file);
  pixbuf = gdk_pixbuf_new_from_file (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 40);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 24);
  g_assert_true (byline_test_looks_upright (pixbuf));
  g_assert_cmpint (import->width, ==, 40);
  g_assert_cmpint (import->height, ==, 24);
  g_assert_cmpint (!!(import->changes & BYLINE_PHOTO_CHANGE_ROTATED), ==, orientation > 1);

  tags = byline_test_exiftool ("-s", "-s", "-s", "-Orientation", copy, NULL);
  g_assert_cmpstr (tags, ==, "");
}

/* A phone's picture stored sideways, with its location and a colour
 * profile, wider than the limit once upright (test-cli-add-photos.c runs
 * the same at 4000 × 3000 against the default 2400 pixels; this one is
 * smaller to keep the suite quick under the sanitizers). */
static void
test_import_large (BylinePhotoFixture *fixture,
                   gconstpointer       data)
{
  g_autofree char *path = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *gps = NULL;
  g_autofree char *camera = NULL;
  g_autoptr(GBytes) icc_before = NULL;
  g_autoptr(GBytes) icc_after = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *changes = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(BylinePhotoImport) import = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  BylinePhotoOptions options = byline_photo_fixture_options ();

  g_assert_cmpuint (options.max_width, ==, 2400);
  options.max_width = 600;
  path = byline_photo_fixture_make (fixture, "IMG_4000.JPG", 900, 1200, 6, "2024:06:15 14:03:07");
  original = byline_test_read_path_bytes (path);
  source = g_file_new_for_path (path);
  import = byline_photo_import_file (source, fixture->folder, &options, NULL, &error);
  g_assert_no_error (error);

  copy = g_file_get_path (import->file);
  g_assert_true (g_str_has_suffix (copy, "/post/img-4000.jpg"));
  g_assert_true (import->copied);
  g_assert_cmpint (import->width, ==, 600);
  g_assert_cmpint (import->height, ==, 800);
  changes = byline_photo_changes_describe (import->changes, import->info->width,
                                           import->info->height);
  g_assert_cmpstr (changes, ==, "resized from 900×1200 pixels, turned upright, "
                                "location removed, camera metadata removed");

  pixbuf = gdk_pixbuf_new_from_file (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 600);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 800);
  g_assert_true (byline_test_looks_upright (pixbuf));

  gps = byline_test_gps_tags (copy);
  g_assert_cmpstr (gps, ==, "");
  camera = byline_test_exiftool ("-s", "-s", "-s", "-Make", "-Orientation", "-Description",
                                 "-ImageDescription", copy, NULL);
  g_assert_cmpstr (camera, ==, "");
  icc_before = byline_test_icc_profile (path);
  icc_after = byline_test_icc_profile (copy);
  g_assert_cmpuint (g_bytes_get_size (icc_before), >, 100);
  g_assert_true (g_bytes_equal (icc_after, icc_before));

  after = byline_test_read_path_bytes (path);
  g_assert_true (g_bytes_equal (original, after));
  listing = byline_photo_fixture_list (fixture);
  g_assert_cmpstr (listing, ==, "img-4000.jpg index.md");
}

/* Kept metadata loses the location, the orientation and the old size. */
static void
test_keep_metadata (BylinePhotoFixture *fixture,
                    gconstpointer       data)
{
  g_autofree char *path = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *gps = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(BylinePhotoImport) import = NULL;
  g_autoptr(GError) error = NULL;
  BylinePhotoOptions options = byline_photo_fixture_options ();

  options.keep_metadata = TRUE;
  options.max_width = 100;
  path = byline_photo_fixture_make (fixture, "keep.jpg", 300, 200, 3, "2024:06:15 14:03:07");
  source = g_file_new_for_path (path);
  import = byline_photo_import_file (source, fixture->folder, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (import->changes & BYLINE_PHOTO_CHANGE_METADATA_REMOVED, ==, 0);

  copy = g_file_get_path (import->file);
  gps = byline_test_gps_tags (copy);
  g_assert_cmpstr (gps, ==, "");
  kept = byline_test_exiftool ("-s", "-s", "-s", "-Make", "-Model", "-DateTimeOriginal",
                               "-Title", "-Orientation", "-ExifImageWidth",
                               "-ExifImageHeight", "-ProfileDescription", copy, NULL);
  g_assert_cmpstr (kept, ==, "Canon\nEOS R6\n2024:06:15 14:03:07\nKeynote\n"
                             "Byline test RGB\n");
}

/* A picture within the limit and upright keeps its pixels: only the
 * metadata segments change. */
static void
test_clean_keeps_pixels (BylinePhotoFixture *fixture,
                         gconstpointer       data)
{
  g_autofree char *path = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *gps = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(BylinePhotoImport) import = NULL;
  g_autoptr(GdkPixbuf) before = NULL;
  g_autoptr(GdkPixbuf) after = NULL;
  g_autoptr(GError) error = NULL;
  BylinePhotoOptions options = byline_photo_fixture_options ();

  path = byline_photo_fixture_make (fixture, "small.jpg", 64, 48, 1, "2024:06:15 14:03:07");
  source = g_file_new_for_path (path);
  import = byline_photo_import_file (source, fixture->folder, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (import->changes, ==, (BYLINE_PHOTO_CHANGE_LOCATION_REMOVED |
                                         BYLINE_PHOTO_CHANGE_METADATA_REMOVED));

  copy = g_file_get_path (import->file);
  gps = byline_test_gps_tags (copy);
  g_assert_cmpstr (gps, ==, "");
  before = gdk_pixbuf_new_from_file (path, &error);
  g_assert_no_error (error);
  after = gdk_pixbuf_new_from_file (copy, &error);
  g_assert_no_error (error);
  g_assert_true (byline_test_same_pixels (before, after));
}

/* A PNG within the limit, without metadata, is copied byte for byte. */
static void
test_png_unchanged (BylinePhotoFixture *fixture,
                    gconstpointer       data)
{
  g_autofree char *path = byline_photo_fixture_make (fixture, "Diagram.png", 300, 200, 1, NULL);
  g_autofree char *copy = NULL;
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(BylinePhotoImport) import = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  BylinePhotoOptions options = byline_photo_fixture_options ();

  import = byline_photo_import_file (source, fixture->folder, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (import->changes, ==, BYLINE_PHOTO_CHANGE_NONE);
  copy = g_file_get_path (import->file);
  g_assert_true (g_str_has_suffix (copy, "/diagram.png"));
  before = byline_test_read_path_bytes (path);
  after = byline_test_read_path_bytes (copy);
  g_assert_true (g_bytes_equal (before, after));
}

/* A PNG over the limit is scaled down and stays a PNG with its profile. */
static void
test_png_resized (BylinePhotoFixture *fixture,
                  gconstpointer       data)
{
  g_autofree char *path = byline_photo_fixture_make (fixture, "wide.png", 300, 200, 1, NULL);
  g_autofree char *copy = NULL;
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(BylinePhotoImport) import = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  BylinePhotoOptions options = byline_photo_fixture_options ();
  GdkPixbufFormat *format;
  int width, height;

  options.max_width = 150;
  import = byline_photo_import_file (source, fixture->folder, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (import->changes, ==, (BYLINE_PHOTO_CHANGE_RESIZED |
                                         BYLINE_PHOTO_CHANGE_REENCODED));
  copy = g_file_get_path (import->file);
  format = gdk_pixbuf_get_file_info (copy, &width, &height);
  g_assert_nonnull (format);
  g_assert_cmpstr (gdk_pixbuf_format_get_name (format), ==, "png");
  g_assert_cmpint (width, ==, 150);
  g_assert_cmpint (height, ==, 100);
  pixbuf = gdk_pixbuf_new_from_file (copy, &error);
  g_assert_no_error (error);
  g_assert_true (byline_test_looks_upright (pixbuf));
  g_assert_nonnull (gdk_pixbuf_get_option (pixbuf, "icc-profile"));
}

/* A name already in the bundle is never replaced. */
static void
test_never_overwrite (BylinePhotoFixture *fixture,
                      gconstpointer       data)
{
  g_autofree char *path = byline_photo_fixture_make (fixture, "photo.png", 20, 10, 1, NULL);
  g_autofree char *taken = g_build_filename (fixture->bundle, "photo.png", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(BylinePhotoImport) first = NULL;
  g_autoptr(BylinePhotoImport) second = NULL;
  g_autoptr(GError) error = NULL;
  BylinePhotoOptions options = byline_photo_fixture_options ();

  g_assert_true (g_file_set_contents (taken, "mine", -1, NULL));
  first = byline_photo_import_file (source, fixture->folder, &options, NULL, &error);
  g_assert_no_error (error);
  second = byline_photo_import_file (source, fixture->folder, &options, NULL, &error);
  g_assert_no_error (error);

  listing = byline_photo_fixture_list (fixture);
  g_assert_cmpstr (listing, ==, "index.md photo-2.png photo-3.png photo.png");
  g_assert_true (g_file_get_contents (taken, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "mine");
}

/* A picture already in the bundle is used as it is. */
static void
test_already_in_bundle (BylinePhotoFixture *fixture,
                        gconstpointer       data)
{
  g_autofree char *path = g_build_filename (fixture->bundle, "here.png", NULL);
  g_autoptr(GdkPixbuf) pixbuf = byline_test_draw_photo (20, 10, 1, FALSE);
  g_autoptr(GFile) source = NULL;
  g_autoptr(BylinePhotoImport) import = NULL;
  g_autoptr(GError) error = NULL;
  BylinePhotoOptions options = byline_photo_fixture_options ();

  byline_test_save_photo (pixbuf, path, "png");
  source = g_file_new_for_path (path);
  import = byline_photo_import_file (source, fixture->folder, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (import->copied);
  g_assert_true (g_file_equal (import->file, source));
}

/* Fixes in place */

static void
test_remove_location (BylinePhotoFixture *fixture,
                      gconstpointer       data)
{
  g_autofree char *path = NULL;
  g_autofree char *gps = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GdkPixbuf) before = NULL;
  g_autoptr(GdkPixbuf) after = NULL;
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE;

  path = g_build_filename (fixture->bundle, "there.jpg", NULL);
  {
    g_autoptr(GdkPixbuf) pixbuf = byline_test_draw_photo (64, 48, 6, FALSE);

    byline_test_save_photo (pixbuf, path, "jpeg");
    byline_test_tag_photo (path, 6, "2024:06:15 14:03:07");
  }
  before = gdk_pixbuf_new_from_file (path, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  g_assert_true (byline_photo_remove_location (file, &changed, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (changed);
  {
    GStatBuf st;

    /* A read-only picture stays read-only. */
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0444);
  }
  gps = byline_test_gps_tags (path);
  g_assert_cmpstr (gps, ==, "");
  /* Only the location goes: the rest is the writer's, the pixels too. */
  kept = byline_test_exiftool ("-s", "-s", "-s", "-Make", "-Orientation#", path, NULL);
  g_assert_cmpstr (kept, ==, "Canon\n6\n");
  after = gdk_pixbuf_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (byline_test_same_pixels (before, after));

  g_assert_true (byline_photo_remove_location (file, &changed, NULL, &error));
  g_assert_false (changed);
  listing = byline_photo_fixture_list (fixture);
  g_assert_cmpstr (listing, ==, "index.md there.jpg");
}

static void
test_shrink (BylinePhotoFixture *fixture,
             gconstpointer       data)
{
  g_autofree char *path = g_build_filename (fixture->bundle, "wide.jpg", NULL);
  g_autoptr(GdkPixbuf) pixbuf = byline_test_draw_photo (400, 300, 1, FALSE);
  g_autoptr(GdkPixbuf) after = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BylinePhotoOptions options = byline_photo_fixture_options ();
  gboolean changed = FALSE;

  byline_test_save_photo (pixbuf, path, "jpeg");
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  options.max_width = 200;
  g_assert_true (byline_photo_shrink (file, &options, &changed, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (changed);
  after = gdk_pixbuf_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (after), ==, 200);
  g_assert_cmpint (gdk_pixbuf_get_height (after), ==, 150);
  g_assert_true (byline_test_looks_upright (after));
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  }

  g_assert_true (byline_photo_shrink (file, &options, &changed, NULL, &error));
  g_assert_false (changed);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/photo/" path, BylinePhotoFixture, NULL, byline_photo_fixture_set_up, func, \
              byline_photo_fixture_tear_down)

  ADD ("info-not-a-picture", test_info_not_a_picture);

  /* The rest draws and tags pictures with exiftool. */
  if (!byline_test_have_exiftool ())
    {
      g_test_add_func ("/core/photo/exiftool", byline_test_skip_without_exiftool);
      return g_test_run ();
    }

  ADD ("info", test_info);
  ADD ("info-async", test_info_async);
  for (int orientation = 1; orientation <= 8; orientation++)
    {
      g_autofree char *path = g_strdup_printf ("/core/photo/orientation/%d", orientation);

      g_test_add (path, BylinePhotoFixture, GINT_TO_POINTER (orientation),
                  byline_photo_fixture_set_up, test_orientation, byline_photo_fixture_tear_down);
    }
  ADD ("import-large", test_import_large);
  ADD ("keep-metadata", test_keep_metadata);
  ADD ("clean-keeps-pixels", test_clean_keeps_pixels);
  ADD ("png-unchanged", test_png_unchanged);
  ADD ("png-resized", test_png_resized);
  ADD ("never-overwrite", test_never_overwrite);
  ADD ("already-in-bundle", test_already_in_bundle);
  ADD ("remove-location", test_remove_location);
  ADD ("shrink", test_shrink);

#undef ADD

  return g_test_run ();
}
