/* test-image-files.c — pictures coming into a bundle: names, copies, sizes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-image-files.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "byline-test-util.h"

static void
test_safe_file_name (void)
{
  static const struct {
    const char *name;
    const char *expected;
  } cases[] = {
    { "photo.jpg", "photo.jpg" },
    { "My Photo (1).JPG", "my-photo-1.jpg" },
    { "  Keynote -- Day_2  .Png", "keynote-day-2.png" },
    { "Café Straße.jpeg", "cafe-strasse.jpeg" },
    { "/home/user/Pictures/IMG 0042.HEIC", "img-0042.heic" },
    { "photo.final.v2.jpg", "photo-final-v2.jpg" },
    { "README", "readme" },
    { ".hidden", "hidden" },
    { "中国.png", "image.png" },
    { "***", "image" },
    { "shot.", "shot" },
    { "a.b c", "a.bc" },
    { "invalid \xff name.png", "invalid-name.png" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *safe = byline_image_safe_file_name (cases[i].name);

      g_test_message ("case %u", i);
      g_assert_cmpstr (safe, ==, cases[i].expected);
    }
}

static void
test_numbered_name (void)
{
  static const struct {
    const char *name;
    guint       number;
    const char *expected;
  } cases[] = {
    { "photo.jpg", 1, "photo.jpg" },
    { "photo.jpg", 2, "photo-2.jpg" },
    { "photo.jpg", 13, "photo-13.jpg" },
    { "photo", 3, "photo-3" },
    { "a.b.png", 2, "a.b-2.png" },
  };
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = g_date_time_new (zone, 2024, 3, 7, 9, 5, 4);
  g_autofree char *pasted = byline_image_pasted_name (time);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = byline_image_numbered_name (cases[i].name, cases[i].number);

      g_assert_cmpstr (name, ==, cases[i].expected);
    }

  g_assert_cmpstr (pasted, ==, "pasted-image-20240307-090504.png");
}

typedef struct
{
  char  *root;
  GFile *bundle;
  GFile *elsewhere;
} Folders;

static void
folders_setup (Folders       *folders,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bundle = NULL;
  g_autofree char *elsewhere = NULL;

  folders->root = g_dir_make_tmp ("byline-image-XXXXXX", &error);
  g_assert_no_error (error);
  bundle = g_build_filename (folders->root, "bundle", NULL);
  elsewhere = g_build_filename (folders->root, "Pictures", NULL);
  g_assert_cmpint (g_mkdir (bundle, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (elsewhere, 0700), ==, 0);
  folders->bundle = g_file_new_for_path (bundle);
  folders->elsewhere = g_file_new_for_path (elsewhere);
}

static void
remove_tree (GFile *folder)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)))
    {
      g_autoptr(GFile) child = g_file_get_child (folder, g_file_info_get_name (info));

      if (!g_file_delete (child, NULL, NULL))
        remove_tree (child);
      g_object_unref (info);
    }
  g_file_delete (folder, NULL, NULL);
}

static void
folders_teardown (Folders       *folders,
                  gconstpointer  data)
{
  g_autoptr(GFile) root = g_file_new_for_path (folders->root);

  remove_tree (root);
  g_clear_object (&folders->bundle);
  g_clear_object (&folders->elsewhere);
  g_free (folders->root);
}

static GFile *
write_file (GFile      *folder,
            const char *name,
            const char *contents)
{
  GFile *file = g_file_get_child (folder, name);
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE, G_FILE_CREATE_NONE,
                           NULL, NULL, &error);
  g_assert_no_error (error);
  return file;
}

static char *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static char *
list_folder (GFile *folder)
{
  g_autofree char *path = g_file_get_path (folder);

  return byline_test_list_folder (path);
}

static void
test_copy_clashes (Folders       *folders,
                   gconstpointer  data)
{
  g_autoptr(GFile) first = write_file (folders->elsewhere, "Photo.JPG", "first");
  g_autoptr(GFile) second = write_file (folders->bundle, "other.png", "other");
  g_autoptr(GFile) existing = write_file (folders->bundle, "photo.jpg", "already there");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy2 = NULL;
  g_autoptr(GFile) copy3 = NULL;
  g_autoptr(GFile) renamed = NULL;
  g_autoptr(GFile) inside = NULL;
  g_autofree char *name2 = NULL;
  g_autofree char *name3 = NULL;
  g_autofree char *renamed_name = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;

  /* photo.jpg is taken: the copy becomes photo-2.jpg, then photo-3.jpg. */
  copy2 = byline_image_copy_into_bundle (first, folders->bundle, NULL, NULL, &error);
  g_assert_no_error (error);
  name2 = g_file_get_basename (copy2);
  g_assert_cmpstr (name2, ==, "photo-2.jpg");

  copy3 = byline_image_copy_into_bundle (first, folders->bundle, NULL, NULL, &error);
  g_assert_no_error (error);
  name3 = g_file_get_basename (copy3);
  g_assert_cmpstr (name3, ==, "photo-3.jpg");

  /* A chosen name is made safe too. */
  renamed = byline_image_copy_into_bundle (first, folders->bundle, "The Keynote.JPG", NULL,
                                           &error);
  g_assert_no_error (error);
  renamed_name = g_file_get_basename (renamed);
  g_assert_cmpstr (renamed_name, ==, "the-keynote.jpg");

  /* A picture of the bundle stays where it is. */
  inside = byline_image_copy_into_bundle (second, folders->bundle, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (inside, second));

  /* Nothing was overwritten. */
  contents = read_file (existing);
  g_assert_cmpstr (contents, ==, "already there");
  g_clear_pointer (&contents, g_free);
  contents = read_file (copy3);
  g_assert_cmpstr (contents, ==, "first");

  listing = list_folder (folders->bundle);
  g_assert_cmpstr (listing, ==, "other.png photo-2.jpg photo-3.jpg photo.jpg the-keynote.jpg");
}

static void
test_copy_errors (Folders       *folders,
                  gconstpointer  data)
{
  g_autoptr(GFile) missing = g_file_get_child (folders->elsewhere, "missing.png");
  g_autoptr(GFile) source = write_file (folders->elsewhere, "a.png", "a");
  g_autoptr(GFile) no_folder = g_file_get_child (folders->bundle, "not-there");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy = NULL;

  copy = byline_image_copy_into_bundle (missing, folders->bundle, NULL, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (copy);
  g_assert_nonnull (strstr (error->message, "missing.png"));
  g_clear_error (&error);

  copy = byline_image_copy_into_bundle (source, no_folder, NULL, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (copy);
}

static void
test_save_bytes (Folders       *folders,
                 gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("PNG!", 4);
  g_autoptr(GFile) taken = write_file (folders->bundle, "pasted-image-20240307-090504.png", "x");
  g_autoptr(GFile) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *kept = NULL;

  saved = byline_image_save_into_bundle (bytes, folders->bundle,
                                         "pasted-image-20240307-090504.png", NULL, &error);
  g_assert_no_error (error);
  name = g_file_get_basename (saved);
  g_assert_cmpstr (name, ==, "pasted-image-20240307-090504-2.png");
  contents = read_file (saved);
  g_assert_cmpstr (contents, ==, "PNG!");
  kept = read_file (taken);
  g_assert_cmpstr (kept, ==, "x");
}

static void
test_read_size (Folders       *folders,
                gconstpointer  data)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 12, 7);
  g_autofree char *png = g_build_filename (folders->root, "Pictures", "shot.png", NULL);
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  g_autoptr(GFile) svg = write_file (folders->elsewhere, "d.svg",
                                     "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                                     "viewBox=\"0 0 400 300\"/>");
  g_autoptr(GFile) text = write_file (folders->elsewhere, "fake.jpg", "not a picture");
  g_autoptr(GError) error = NULL;
  int width = -1, height = -1;

  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  gdk_pixbuf_save (pixbuf, png, "png", &error, NULL);
  g_assert_no_error (error);

  g_assert_true (byline_image_read_size (png_file, &width, &height));
  g_assert_cmpint (width, ==, 12);
  g_assert_cmpint (height, ==, 7);
  g_assert_true (byline_image_read_size (svg, &width, &height));
  g_assert_cmpint (width, ==, 400);
  g_assert_cmpint (height, ==, 300);
  g_assert_false (byline_image_read_size (text, &width, &height));
}

static void
test_size_warning (void)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autofree char *small = byline_image_dup_size_warning (profile, "a.jpg", 1048576);
  g_autofree char *large = byline_image_dup_size_warning (profile, "a.jpg", 3500000);

  g_assert_cmpuint (byline_profile_get_large_image_bytes (profile), ==, 1048576);
  g_assert_null (small);
  g_assert_cmpstr (large, ==,
                   "“a.jpg” is 3.5\u00a0MB, more than the 1.0\u00a0MB a picture should be: "
                   "make it smaller so that the page loads quickly");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/image-files/name/safe", test_safe_file_name);
  g_test_add_func ("/core/image-files/name/numbered", test_numbered_name);
  g_test_add_func ("/core/image-files/size-warning", test_size_warning);
  g_test_add ("/core/image-files/bundle/copy-clashes", Folders, NULL,
              folders_setup, test_copy_clashes, folders_teardown);
  g_test_add ("/core/image-files/bundle/copy-errors", Folders, NULL,
              folders_setup, test_copy_errors, folders_teardown);
  g_test_add ("/core/image-files/bundle/save-bytes", Folders, NULL,
              folders_setup, test_save_bytes, folders_teardown);
  g_test_add ("/core/image-files/bundle/read-size", Folders, NULL,
              folders_setup, test_read_size, folders_teardown);

  return g_test_run ();
}
