/* test-photo.c — pictures into a bundle: upright, web-sized, without their location
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Test pictures are drawn and tagged here at run time; exiftool, not the
 * gexiv2 that Byline uses, says what tags the results carry.
 */

#include "config.h"

#include "byline-photo.h"
#include "byline-photo-private.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <sys/stat.h>
#include <math.h>
#include <string.h>

#include "byline-test-photos.h"
#include "byline-test-util.h"

typedef struct
{
  char  *root;
  char  *originals;  /* where the camera's pictures are */
  char  *bundle;     /* the post's folder, with index.md */
  GFile *folder;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *post = NULL;

  fixture->root = g_dir_make_tmp ("byline-photo-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->originals = g_build_filename (fixture->root, "camera", NULL);
  fixture->bundle = g_build_filename (fixture->root, "post", NULL);
  g_assert_cmpint (g_mkdir (fixture->originals, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (fixture->bundle, 0700), ==, 0);
  post = g_build_filename (fixture->bundle, "index.md", NULL);
  g_assert_true (g_file_set_contents (post, "---\ntitle: T\n---\n", -1, NULL));
  fixture->folder = g_file_new_for_path (fixture->bundle);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  byline_test_remove_tree (fixture->root);
  g_free (fixture->root);
  g_free (fixture->originals);
  g_free (fixture->bundle);
  g_clear_object (&fixture->folder);
}

/* A picture in the camera folder: @width × @height as shown. */
static char *
make_photo (Fixture    *fixture,
            const char *name,
            int         width,
            int         height,
            int         orientation,
            const char *taken)
{
  g_autofree char *path = g_build_filename (fixture->originals, name, NULL);
  g_autoptr(GdkPixbuf) pixbuf = byline_test_draw_photo (width, height, orientation, FALSE);

  byline_test_save_photo (pixbuf, path, g_str_has_suffix (name, ".png") ? "png" : "jpeg");
  if (taken != NULL)
    byline_test_tag_photo (path, orientation, taken);
  return g_steal_pointer (&path);
}

/* Names in the bundle, hidden ones included, sorted, space-separated. */
static char *
list_bundle (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->bundle, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, byline_test_compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static BylinePhotoOptions
default_options (void)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  BylinePhotoOptions options;

  byline_photo_options_init (&options, profile);
  return options;
}

/* Parsers */

static void
test_parse_exif_coordinate (void)
{
  static const struct {
    const char *value;
    const char *reference;
    gboolean ok;
    double degrees;
  } cases[] = {
    { "47/1 22/1 3679/100", "N", TRUE, 47.376886 },
    { "8/1 32/1 3010/100", "E", TRUE, 8.541694 },
    { "33/1 51/1 54/1", "S", TRUE, -33.865 },
    { "118/1 14/1 0/1", "W", TRUE, -118.233333 },
    { "47/1 2261322/100000 0/1", "N", TRUE, 47.376887 },  /* minutes with decimals */
    { "47/1 22/0 0/1", "N", FALSE, 0 },                    /* a zero denominator */
    { "north", "N", FALSE, 0 },
    { "", "N", FALSE, 0 },
    { "200/1 0/1 0/1", "E", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double degrees = 0;

      g_assert_cmpint (byline_photo_parse_exif_coordinate (cases[i].value, cases[i].reference,
                                                           &degrees), ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_cmpfloat_with_epsilon (degrees, cases[i].degrees, 1e-5);
    }
}

static void
test_parse_xmp_coordinate (void)
{
  /* XMP Specification Part 2, 1.2.7.4 GPSCoordinate: "DDD,MM,SSk" or
   * "DDD,MM.mmk". */
  static const struct {
    const char *value;
    gboolean ok;
    double degrees;
  } cases[] = {
    { "47,22.61322N", TRUE, 47.376887 },
    { "8,32,30.1E", TRUE, 8.541694 },
    { "33,51.9S", TRUE, -33.865 },
    { "118,14W", TRUE, -118.233333 },
    { "47.37N", FALSE, 0 },
    { "47,22.6X", FALSE, 0 },
    { "N", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double degrees = 0;

      g_assert_cmpint (byline_photo_parse_xmp_coordinate (cases[i].value, &degrees), ==,
                       cases[i].ok);
      if (cases[i].ok)
        g_assert_cmpfloat_with_epsilon (degrees, cases[i].degrees, 1e-5);
    }
}

static void
test_parse_exif_date (void)
{
  static const struct {
    const char *value;
    const char *offset;
    const char *iso;  /* NULL: no date */
  } cases[] = {
    { "2024:06:15 14:03:07", NULL, "2024-06-15T14:03:07Z" },
    { "2024:06:15 14:03:07", "+02:00", "2024-06-15T14:03:07+02" },
    { "2024:06:15 14:03:07", "-05:30", "2024-06-15T14:03:07-05:30" },
    { "2024:06:15 14:03:07", "garbage", "2024-06-15T14:03:07Z" },
    { "0000:00:00 00:00:00", NULL, NULL },
    { "    :  :     :  :  ", NULL, NULL },
    { "2024-06-15 14:03:07", NULL, NULL },
    { "2024:13:15 14:03:07", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) time = byline_photo_parse_exif_date (cases[i].value,
                                                               cases[i].offset);

      if (cases[i].iso == NULL)
        g_assert_null (time);
      else
        {
          g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
          g_autoptr(GDateTime) expected = g_date_time_new_from_iso8601 (cases[i].iso, utc);

          g_assert_nonnull (time);
          g_assert_nonnull (expected);
          g_assert_true (g_date_time_equal (time, expected));
        }
    }
}

static void
test_clean_text (void)
{
  static const struct {
    const char *value;
    const char *text;
  } cases[] = {
    { "lang=\"x-default\" Stage at dusk, from the back", "Stage at dusk, from the back" },
    { "lang=\"x-default\" Keynote, lang=\"de-DE\" Vortrag", "Keynote" },
    { "Stage at dusk.   ", "Stage at dusk." },
    { "OLYMPUS DIGITAL CAMERA         ", NULL },
    { "SONY DSC", NULL },
    { "   ", NULL },
    { "", NULL },
    { "Caf\xe9", "Caf\xef\xbf\xbd" },  /* Latin-1 from an old camera: made valid */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = byline_photo_clean_text (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Reading */

static void
test_info (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(BylinePhotoInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) taken = g_date_time_new_from_iso8601 ("2024-06-15T12:03:07Z", utc);
  g_autofree char *where = NULL;

  path = make_photo (fixture, "IMG_0001.JPG", 30, 40, 6, "2024:06:15 14:03:07");
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
test_info_not_a_picture (Fixture       *fixture,
                         gconstpointer  data)
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
test_orientation (Fixture       *fixture,
                  gconstpointer  data)
{
  int orientation = GPOINTER_TO_INT (data);
  g_autofree char *path = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(BylinePhotoImport) import = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  BylinePhotoOptions options = default_options ();

  path = make_photo (fixture, "turned.jpg", 40, 24, orientation, "2024:06:15 14:03:07");
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

/* The issue's case: a phone's 4000 × 3000 picture, stored sideways, with
 * its location and a colour profile. */
static void
test_import_large (Fixture       *fixture,
                   gconstpointer  data)
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
  BylinePhotoOptions options = default_options ();

  g_assert_cmpuint (options.max_width, ==, 2400);
  path = make_photo (fixture, "IMG_4000.JPG", 3000, 4000, 6, "2024:06:15 14:03:07");
  original = byline_test_read_bytes (path);
  source = g_file_new_for_path (path);
  import = byline_photo_import_file (source, fixture->folder, &options, NULL, &error);
  g_assert_no_error (error);

  copy = g_file_get_path (import->file);
  g_assert_true (g_str_has_suffix (copy, "/post/img-4000.jpg"));
  g_assert_true (import->copied);
  g_assert_cmpint (import->width, ==, 2400);
  g_assert_cmpint (import->height, ==, 3200);
  changes = byline_photo_changes_describe (import->changes, import->info->width,
                                           import->info->height);
  g_assert_cmpstr (changes, ==, "resized from 3000×4000 pixels, turned upright, "
                                "location removed, camera metadata removed");

  pixbuf = gdk_pixbuf_new_from_file (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 2400);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 3200);
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

  after = byline_test_read_bytes (path);
  g_assert_true (g_bytes_equal (original, after));
  listing = list_bundle (fixture);
  g_assert_cmpstr (listing, ==, "img-4000.jpg index.md");
}

/* Kept metadata loses the location, the orientation and the old size. */
static void
test_keep_metadata (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *gps = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(BylinePhotoImport) import = NULL;
  g_autoptr(GError) error = NULL;
  BylinePhotoOptions options = default_options ();

  options.keep_metadata = TRUE;
  options.max_width = 100;
  path = make_photo (fixture, "keep.jpg", 300, 200, 3, "2024:06:15 14:03:07");
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
test_clean_keeps_pixels (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *gps = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(BylinePhotoImport) import = NULL;
  g_autoptr(GdkPixbuf) before = NULL;
  g_autoptr(GdkPixbuf) after = NULL;
  g_autoptr(GError) error = NULL;
  BylinePhotoOptions options = default_options ();

  path = make_photo (fixture, "small.jpg", 64, 48, 1, "2024:06:15 14:03:07");
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
test_png_unchanged (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = make_photo (fixture, "Diagram.png", 300, 200, 1, NULL);
  g_autofree char *copy = NULL;
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(BylinePhotoImport) import = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  BylinePhotoOptions options = default_options ();

  import = byline_photo_import_file (source, fixture->folder, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (import->changes, ==, BYLINE_PHOTO_CHANGE_NONE);
  copy = g_file_get_path (import->file);
  g_assert_true (g_str_has_suffix (copy, "/diagram.png"));
  before = byline_test_read_bytes (path);
  after = byline_test_read_bytes (copy);
  g_assert_true (g_bytes_equal (before, after));
}

/* A PNG over the limit is scaled down and stays a PNG with its profile. */
static void
test_png_resized (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = make_photo (fixture, "wide.png", 300, 200, 1, NULL);
  g_autofree char *copy = NULL;
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(BylinePhotoImport) import = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  BylinePhotoOptions options = default_options ();
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
test_never_overwrite (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = make_photo (fixture, "photo.png", 20, 10, 1, NULL);
  g_autofree char *taken = g_build_filename (fixture->bundle, "photo.png", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(BylinePhotoImport) first = NULL;
  g_autoptr(BylinePhotoImport) second = NULL;
  g_autoptr(GError) error = NULL;
  BylinePhotoOptions options = default_options ();

  g_assert_true (g_file_set_contents (taken, "mine", -1, NULL));
  first = byline_photo_import_file (source, fixture->folder, &options, NULL, &error);
  g_assert_no_error (error);
  second = byline_photo_import_file (source, fixture->folder, &options, NULL, &error);
  g_assert_no_error (error);

  listing = list_bundle (fixture);
  g_assert_cmpstr (listing, ==, "index.md photo-2.png photo-3.png photo.png");
  g_assert_true (g_file_get_contents (taken, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "mine");
}

/* A picture already in the bundle is used as it is. */
static void
test_already_in_bundle (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->bundle, "here.png", NULL);
  g_autoptr(GdkPixbuf) pixbuf = byline_test_draw_photo (20, 10, 1, FALSE);
  g_autoptr(GFile) source = NULL;
  g_autoptr(BylinePhotoImport) import = NULL;
  g_autoptr(GError) error = NULL;
  BylinePhotoOptions options = default_options ();

  byline_test_save_photo (pixbuf, path, "png");
  source = g_file_new_for_path (path);
  import = byline_photo_import_file (source, fixture->folder, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (import->copied);
  g_assert_true (g_file_equal (import->file, source));
}

/* Batches */

typedef struct
{
  GMainLoop    *loop;
  GPtrArray    *imports;
  GError       *error;
  GString      *progress;
  GCancellable *cancel_after_first;
  const char   *release;  /* a named pipe the worker waits on */
} Batch;

static void
progress_cb (guint     done,
             guint     total,
             GFile    *source,
             gpointer  user_data)
{
  Batch *batch = user_data;
  g_autofree char *name = g_file_get_basename (source);

  g_string_append_printf (batch->progress, "%u/%u %s;", done, total, name);
  if (batch->cancel_after_first != NULL)
    g_cancellable_cancel (batch->cancel_after_first);
  if (batch->release != NULL)
    {
      /* Opening the pipe for writing lets the worker's open return; closing
       * it gives the worker an empty file. */
      int fd = g_open (batch->release, O_WRONLY, 0);

      g_assert_cmpint (fd, >=, 0);
      g_close (fd, NULL);
      batch->release = NULL;
    }
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Batch *batch = user_data;

  batch->imports = byline_photo_import_finish (result, &batch->error);
  g_main_loop_quit (batch->loop);
}

static void
run_batch (Fixture      *fixture,
           Batch        *batch,
           GPtrArray    *sources,
           GCancellable *cancellable)
{
  BylinePhotoOptions options = default_options ();

  batch->loop = g_main_loop_new (NULL, FALSE);
  batch->progress = g_string_new (NULL);
  byline_photo_import_async (fixture->folder, (GFile * const *) sources->pdata, sources->len,
                             &options, progress_cb, batch, NULL, cancellable, imported_cb,
                             batch);
  g_main_loop_run (batch->loop);
  g_main_loop_unref (batch->loop);
}

static void
batch_clear (Batch *batch)
{
  g_clear_pointer (&batch->imports, g_ptr_array_unref);
  g_clear_error (&batch->error);
  g_string_free (batch->progress, TRUE);
}

static GPtrArray *
make_sources (Fixture *fixture)
{
  static const char * const names[] = { "c.png", "a.png", "b.png" };
  GPtrArray *sources = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = make_photo (fixture, names[i], 40, 20, 1, NULL);

      g_ptr_array_add (sources, g_file_new_for_path (path));
    }
  return sources;
}

static void
test_batch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) sources = make_sources (fixture);
  g_autofree char *listing = NULL;
  Batch batch = { 0 };

  run_batch (fixture, &batch, sources, NULL);
  g_assert_no_error (batch.error);
  /* The pictures are written side by side: they may finish in any order,
   * but each once, and the count goes up by one. */
  g_assert_true (g_regex_match_simple ("^1/3 ([abc])\\.png;2/3 (?!\\1)([abc])\\.png;"
                                       "3/3 (?!\\1|\\2)[abc]\\.png;$",
                                       batch.progress->str, 0, 0));
  g_assert_cmpuint (batch.imports->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const BylinePhotoImport *import = g_ptr_array_index (batch.imports, i);

      g_assert_true (g_file_equal (import->source, g_ptr_array_index (sources, i)));
    }
  listing = list_bundle (fixture);
  g_assert_cmpstr (listing, ==, "a.png b.png c.png index.md");
  batch_clear (&batch);
}

/* Sources of one name are numbered in the order given, however the
 * workers finish. */
static void
test_batch_same_names (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  Batch batch = { 0 };

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *sub = g_strdup_printf ("card-%u", i);
      g_autofree char *dir = g_build_filename (fixture->originals, sub, NULL);
      g_autofree char *path = g_build_filename (dir, "IMG_1.PNG", NULL);
      g_autoptr(GdkPixbuf) pixbuf = byline_test_draw_photo (40 + 10 * i, 20, 1, FALSE);

      g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
      byline_test_save_photo (pixbuf, path, "png");
      g_ptr_array_add (sources, g_file_new_for_path (path));
    }

  run_batch (fixture, &batch, sources, NULL);
  g_assert_no_error (batch.error);
  for (guint i = 0; i < 4; i++)
    {
      const BylinePhotoImport *import = g_ptr_array_index (batch.imports, i);
      g_autofree char *name = g_file_get_basename (import->file);
      g_autofree char *expected = i == 0 ? g_strdup ("img-1.png")
                                         : g_strdup_printf ("img-1-%u.png", i + 1);

      g_assert_cmpstr (name, ==, expected);
      g_assert_cmpint (import->width, ==, 40 + 10 * (int) i);
    }
  batch_clear (&batch);
}

/* Cancelled after the first picture: the bundle is left as it was, with no
 * temporary file either. The second source is a named pipe, so that the
 * worker waits there until the cancel has happened. */
static void
test_batch_cancelled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) sources = make_sources (fixture);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *fifo = g_build_filename (fixture->originals, "waiting.jpg", NULL);
  g_autofree char *listing = NULL;
  Batch batch = { 0 };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_ptr_array_insert (sources, 1, g_file_new_for_path (fifo));
  batch.cancel_after_first = cancellable;
  batch.release = fifo;
  run_batch (fixture, &batch, sources, cancellable);
  g_assert_true (g_str_has_prefix (batch.progress->str, "1/4 "));
  g_assert_error (batch.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (batch.imports);
  listing = list_bundle (fixture);
  g_assert_cmpstr (listing, ==, "index.md");
  batch_clear (&batch);

  /* Cancelled before it starts. */
  run_batch (fixture, &batch, sources, cancellable);
  g_assert_error (batch.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_pointer (&listing, g_free);
  listing = list_bundle (fixture);
  g_assert_cmpstr (listing, ==, "index.md");
  batch_clear (&batch);
}

/* One unreadable picture fails the batch and takes the others back out. */
static void
test_batch_failure (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) sources = make_sources (fixture);
  g_autofree char *bad = g_build_filename (fixture->originals, "bad.jpg", NULL);
  g_autofree char *listing = NULL;
  Batch batch = { 0 };

  g_assert_true (g_file_set_contents (bad, "\xff\xd8\xff but nothing else", -1, NULL));
  g_ptr_array_add (sources, g_file_new_for_path (bad));
  run_batch (fixture, &batch, sources, NULL);
  g_assert_error (batch.error, BYLINE_PHOTO_ERROR, BYLINE_PHOTO_ERROR_UNREADABLE);
  listing = list_bundle (fixture);
  g_assert_cmpstr (listing, ==, "index.md");
  batch_clear (&batch);
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  static const struct { const char *name; const char *taken; } photos[] = {
    { "IMG_10.jpg", "2024:06:15 09:00:00" },
    { "IMG_2.jpg", NULL },
    { "IMG_1.jpg", "2024:06:15 11:00:00" },
    { "IMG_3.jpg", "2024:06:15 08:30:00" },
  };
  g_autoptr(GPtrArray) imports =
    g_ptr_array_new_with_free_func ((GDestroyNotify) byline_photo_import_free);
  BylinePhotoOrder order;
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (photos); i++)
    {
      g_autofree char *path = make_photo (fixture, photos[i].name, 8, 8, 1, photos[i].taken);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      BylinePhotoImport *import = g_new0 (BylinePhotoImport, 1);

      import->source = g_object_ref (file);
      import->file = g_object_ref (file);
      import->info = byline_photo_info_new_for_file (file, NULL, NULL);
      g_assert_nonnull (import->info);
      g_ptr_array_add (imports, import);
    }

  g_assert_true (byline_photo_order_from_string ("time", &order));
  byline_photo_imports_sort (imports, order);
  for (guint i = 0; i < imports->len; i++)
    {
      g_autofree char *name = g_file_get_basename (((BylinePhotoImport *) imports->pdata[i])->source);

      g_string_append_printf (names, "%s ", name);
    }
  g_assert_cmpstr (names->str, ==, "IMG_3.jpg IMG_10.jpg IMG_1.jpg IMG_2.jpg ");

  g_string_truncate (names, 0);
  byline_photo_imports_sort (imports, BYLINE_PHOTO_ORDER_NAME);
  for (guint i = 0; i < imports->len; i++)
    {
      g_autofree char *name = g_file_get_basename (((BylinePhotoImport *) imports->pdata[i])->source);

      g_string_append_printf (names, "%s ", name);
    }
  g_assert_cmpstr (names->str, ==, "IMG_1.jpg IMG_2.jpg IMG_3.jpg IMG_10.jpg ");
  g_assert_false (byline_photo_order_from_string ("size", &order));
  g_string_free (names, TRUE);
}

/* The call for a picture, from its metadata, in the istio.io style: no
 * final period in the caption (the site's image/caption-period). */
static void
test_fields (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(BylinePhotoImport) import = NULL;
  g_autoptr(BylineImageFields) fields = NULL;
  g_autoptr(GError) error = NULL;
  BylinePhotoOptions options;

  byline_photo_options_init (&options, profile);
  path = make_photo (fixture, "Stage.jpg", 40, 30, 1, "2024:06:15 14:03:07");
  source = g_file_new_for_path (path);
  import = byline_photo_import_file (source, fixture->folder, &options, NULL, &error);
  g_assert_no_error (error);
  fields = byline_photo_import_to_fields (import, profile);
  text = byline_image_fields_to_shortcode (fields);
  g_assert_cmpstr (text, ==,
                   "{{< image width=\"75%\"\n"
                   "    link=\"./stage.jpg\"\n"
                   "    alt=\"A speaker on a lit stage\"\n"
                   "    title=\"Keynote\"\n"
                   "    caption=\"Stage at dusk\"\n"
                   "    >}}");
}

/* Fixes in place */

static void
test_remove_location (Fixture       *fixture,
                      gconstpointer  data)
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

  g_assert_true (byline_photo_remove_location (file, &changed, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (changed);
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
  listing = list_bundle (fixture);
  g_assert_cmpstr (listing, ==, "index.md there.jpg");
}

static void
test_shrink (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->bundle, "wide.jpg", NULL);
  g_autoptr(GdkPixbuf) pixbuf = byline_test_draw_photo (400, 300, 1, FALSE);
  g_autoptr(GdkPixbuf) after = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BylinePhotoOptions options = default_options ();
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

  g_test_add_func ("/core/photo/parse/exif-coordinate", test_parse_exif_coordinate);
  g_test_add_func ("/core/photo/parse/xmp-coordinate", test_parse_xmp_coordinate);
  g_test_add_func ("/core/photo/parse/exif-date", test_parse_exif_date);
  g_test_add_func ("/core/photo/parse/clean-text", test_clean_text);

#define ADD(path, func) \
  g_test_add ("/core/photo/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("info-not-a-picture", test_info_not_a_picture);

  /* The rest draws and tags pictures with exiftool. */
  if (!byline_test_have_exiftool ())
    {
      g_test_add_func ("/core/photo/exiftool", byline_test_skip_without_exiftool);
      return g_test_run ();
    }

  ADD ("info", test_info);
  for (int orientation = 1; orientation <= 8; orientation++)
    {
      g_autofree char *path = g_strdup_printf ("/core/photo/orientation/%d", orientation);

      g_test_add (path, Fixture, GINT_TO_POINTER (orientation), fixture_set_up,
                  test_orientation, fixture_tear_down);
    }
  ADD ("import-large", test_import_large);
  ADD ("keep-metadata", test_keep_metadata);
  ADD ("clean-keeps-pixels", test_clean_keeps_pixels);
  ADD ("png-unchanged", test_png_unchanged);
  ADD ("png-resized", test_png_resized);
  ADD ("never-overwrite", test_never_overwrite);
  ADD ("already-in-bundle", test_already_in_bundle);
  ADD ("batch", test_batch);
  ADD ("batch-same-names", test_batch_same_names);
  ADD ("batch-cancelled", test_batch_cancelled);
  ADD ("batch-failure", test_batch_failure);
  ADD ("sort", test_sort);
  ADD ("fields", test_fields);
  ADD ("remove-location", test_remove_location);
  ADD ("shrink", test_shrink);

#undef ADD

  return g_test_run ();
}
