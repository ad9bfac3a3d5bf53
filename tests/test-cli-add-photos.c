/* test-cli-add-photos.c — byline-cli add-photos run as a process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pictures are drawn and tagged at run time (byline-test-photos.h);
 * exiftool, not the gexiv2 inside byline-cli, reads what the copies carry.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "byline-test-photos.h"
#include "byline-test-util.h"

#define POST \
  "---\n" \
  "title: \"IstioCon recap\"\n" \
  "description: \"What happened.\"\n" \
  "publishdate: 2024-06-20\n" \
  "attribution: \"A. Writer\"\n" \
  "keywords: [istio]\n" \
  "---\n" \
  "\n" \
  "The conference opened with a keynote.\n" \
  "\n" \
  "It closed with a party.\n"

/* The call the istio.io profile writes for one of the tagged pictures. */
#define CALL(name) \
  "{{< image width=\"75%\"\n" \
  "    link=\"./" name "\"\n" \
  "    alt=\"A speaker on a lit stage\"\n" \
  "    title=\"Keynote\"\n" \
  "    caption=\"Stage at dusk\"\n" \
  "    >}}"

typedef struct
{
  char *root;
  char *post;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *camera = NULL;
  g_autofree char *folder = NULL;

  fixture->root = g_dir_make_tmp ("byline-cli-add-photos-XXXXXX", &error);
  g_assert_no_error (error);
  /* The post is an istio.io blog post. */
  byline_test_write_file (fixture->root, ".byline.yml", "extends: istio\n", -1);
  camera = g_build_filename (fixture->root, "camera", NULL);
  folder = g_build_filename (fixture->root, "post", NULL);
  g_assert_cmpint (g_mkdir (camera, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  fixture->post = g_build_filename (folder, "index.md", NULL);
  g_assert_true (g_file_set_contents (fixture->post, POST, -1, NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  byline_test_remove_tree (fixture->root);
  g_free (fixture->root);
  g_free (fixture->post);
}

/* camera/NAME: @width × @height as shown, stored for @orientation, tagged
 * like a phone's picture taken at @taken. */
static char *
make_photo (Fixture    *fixture,
            const char *name,
            int         width,
            int         height,
            int         orientation,
            const char *taken)
{
  g_autofree char *path = g_build_filename (fixture->root, "camera", name, NULL);
  g_autoptr(GdkPixbuf) pixbuf = byline_test_draw_photo (width, height, orientation, FALSE);

  byline_test_save_photo (pixbuf, path, "jpeg");
  byline_test_tag_photo (path, orientation, taken);
  return g_steal_pointer (&path);
}

/* Runs byline-cli add-photos in the fixture's folder with @args
 * (NULL-terminated); returns the exit status, and stdout and stderr when
 * asked. */
static int
run_args (Fixture            *fixture,
          const char * const *args,
          char              **stdout_out,
          char              **stderr_out)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) "add-photos");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  return byline_test_run_cli (fixture->root, (const char **) argv->pdata, stdout_out,
                              stderr_out);
}

/* The same with the arguments listed, NULL, then stdout and stderr. */
static int
run (Fixture    *fixture,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;
  char **stdout_out;
  char **stderr_out;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  stdout_out = va_arg (ap, char **);
  stderr_out = va_arg (ap, char **);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return run_args (fixture, (const char * const *) args->pdata, stdout_out, stderr_out);
}

static char *
read_post (Fixture *fixture)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (fixture->post, &text, NULL, NULL));
  return text;
}

static char *
list_folder (Fixture *fixture)
{
  g_autofree char *folder = g_path_get_dirname (fixture->post);

  return byline_test_list_folder (folder);
}

/* The case: three phone pictures of 4000 × 3000 stored sideways,
 * with their location, inserted after a paragraph in the order given. */
static void
test_given_order (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const names[] = { "c.jpg", "a.jpg", "b.jpg" };
  static const char * const times[] = {
    "2024:06:15 13:00:00", "2024:06:15 14:00:00", "2024:06:15 12:00:00",
  };
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autofree char *listing = NULL;
  GBytes *originals[3];
  char *paths[3];

  /* Drawn once, copied, then each tagged with its own time. */
  paths[0] = make_photo (fixture, names[0], 3000, 4000, 6, times[0]);
  for (guint i = 0; i < 3; i++)
    {
      if (i > 0)
        {
          g_autoptr(GFile) first = g_file_new_for_path (paths[0]);
          g_autoptr(GFile) copy = NULL;
          g_autofree char *time_arg = g_strdup_printf ("-DateTimeOriginal=%s", times[i]);
          g_autoptr(GError) error = NULL;

          paths[i] = g_build_filename (fixture->root, "camera", names[i], NULL);
          copy = g_file_new_for_path (paths[i]);
          g_file_copy (first, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
          g_assert_no_error (error);
          g_free (byline_test_exiftool ("-q", "-overwrite_original", time_arg, paths[i], NULL));
        }
      originals[i] = byline_test_read_path_bytes (paths[i]);
    }

  g_assert_cmpint (run (fixture, "--after-line", "9", "post/index.md", "camera/c.jpg",
                        "camera/a.jpg", "camera/b.jpg", NULL, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "c.jpg: from c.jpg, resized from 3000×4000 pixels, turned upright, "
                   "location removed, camera metadata removed\n"
                   "a.jpg: from a.jpg, resized from 3000×4000 pixels, turned upright, "
                   "location removed, camera metadata removed\n"
                   "b.jpg: from b.jpg, resized from 3000×4000 pixels, turned upright, "
                   "location removed, camera metadata removed\n");

  text = read_post (fixture);
  g_assert_cmpstr (text, ==,
                   "---\n"
                   "title: \"IstioCon recap\"\n"
                   "description: \"What happened.\"\n"
                   "publishdate: 2024-06-20\n"
                   "attribution: \"A. Writer\"\n"
                   "keywords: [istio]\n"
                   "---\n"
                   "\n"
                   "The conference opened with a keynote.\n"
                   "\n"
                   CALL ("c.jpg") "\n"
                   "\n"
                   CALL ("a.jpg") "\n"
                   "\n"
                   CALL ("b.jpg") "\n"
                   "\n"
                   "It closed with a party.\n");
  listing = list_folder (fixture);
  g_assert_cmpstr (listing, ==, "a.jpg b.jpg c.jpg index.md");

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *copy = g_build_filename (fixture->root, "post", names[i], NULL);
      g_autofree char *gps = byline_test_gps_tags (copy);
      g_autofree char *orientation = NULL;
      g_autoptr(GBytes) after = byline_test_read_path_bytes (paths[i]);
      g_autoptr(GBytes) icc_before = byline_test_icc_profile (paths[i]);
      g_autoptr(GBytes) icc_after = byline_test_icc_profile (copy);
      g_autoptr(GdkPixbuf) pixbuf = NULL;
      g_autoptr(GError) error = NULL;

      pixbuf = gdk_pixbuf_new_from_file (copy, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 2400);
      g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 3200);
      g_assert_true (byline_test_looks_upright (pixbuf));

      g_assert_cmpstr (gps, ==, "");
      orientation = byline_test_exiftool ("-s", "-s", "-s", "-Orientation", copy, NULL);
      g_assert_cmpstr (orientation, ==, "");
      g_assert_cmpuint (g_bytes_get_size (icc_before), >, 100);
      g_assert_true (g_bytes_equal (icc_before, icc_after));

      /* The camera's file is untouched. */
      g_assert_true (g_bytes_equal (originals[i], after));
      g_bytes_unref (originals[i]);
      g_free (paths[i]);
    }
}

/* By time taken, at the end of the post; a second run never replaces the
 * first run's copies. */
static void
test_time_order (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *a = make_photo (fixture, "a.jpg", 60, 40, 1, "2024:06:15 14:00:00");
  g_autofree char *b = make_photo (fixture, "b.jpg", 60, 40, 1, "2024:06:15 12:00:00");
  g_autofree char *c = make_photo (fixture, "c.jpg", 60, 40, 1, "2024:06:15 13:00:00");
  g_autofree char *text = NULL;
  g_autofree char *listing = NULL;

  g_assert_cmpint (run (fixture, "--sort=time", "post/index.md", "camera/a.jpg", "camera/b.jpg",
                        "camera/c.jpg", NULL, NULL, NULL), ==, 0);
  g_assert_cmpint (run (fixture, "--sort", "name", "post/index.md", "camera/c.jpg",
                        "camera/a.jpg", NULL, NULL, NULL), ==, 0);
  text = read_post (fixture);
  g_assert_cmpstr (text, ==,
                   POST
                   "\n"
                   CALL ("b.jpg") "\n\n" CALL ("c.jpg") "\n\n" CALL ("a.jpg") "\n"
                   "\n"
                   CALL ("a-2.jpg") "\n\n" CALL ("c-2.jpg") "\n");
  listing = list_folder (fixture);
  g_assert_cmpstr (listing, ==, "a-2.jpg a.jpg b.jpg c-2.jpg c.jpg index.md");
}

/* The camera's metadata stays on request; the location never does. */
static void
test_keep_metadata (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *a = make_photo (fixture, "a.jpg", 60, 40, 1, "2024:06:15 14:00:00");
  g_autofree char *copy = g_build_filename (fixture->root, "post", "a.jpg", NULL);
  g_autofree char *out = NULL;
  g_autofree char *gps = NULL;
  g_autofree char *camera = NULL;

  g_assert_cmpint (run (fixture, "--keep-metadata", "post/index.md", "camera/a.jpg", NULL,
                        &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "a.jpg: from a.jpg, location removed\n");
  gps = byline_test_gps_tags (copy);
  g_assert_cmpstr (gps, ==, "");
  camera = byline_test_exiftool ("-s", "-s", "-s", "-Make", "-DateTimeOriginal", copy, NULL);
  g_assert_cmpstr (camera, ==, "Canon\n2024:06:15 14:00:00\n");
}

/* A post with Windows line ends gets the calls with Windows line ends. */
static void
test_crlf (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *a = make_photo (fixture, "a.jpg", 60, 40, 1, "2024:06:15 14:00:00");
  g_autofree char *text = NULL;

  g_assert_true (g_file_set_contents (fixture->post, "---\r\ntitle: T\r\n---\r\n\r\nText.\r\n",
                                      -1, NULL));
  g_assert_cmpint (run (fixture, "post/index.md", "camera/a.jpg", NULL, NULL, NULL), ==, 0);
  text = read_post (fixture);
  g_assert_cmpstr (text, ==,
                   "---\r\ntitle: T\r\n---\r\n\r\nText.\r\n\r\n"
                   "{{< image width=\"75%\"\r\n"
                   "    link=\"./a.jpg\"\r\n"
                   "    alt=\"A speaker on a lit stage\"\r\n"
                   "    title=\"Keynote\"\r\n"
                   "    caption=\"Stage at dusk\"\r\n"
                   "    >}}\r\n");
}

/* Whatever goes wrong, the post and its folder stay as they were. */
static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  static const struct {
    const char *args[5];
    const char *err;
  } cases[] = {
    { { "--after-line", "3", "post/index.md", "camera/a.jpg" },
      "post/index.md: error: Line 3 is inside the front matter: give a line from 7 on\n" },
    { { "--after-line", "12", "post/index.md", "camera/a.jpg" },
      "post/index.md: error: The post has 11 lines: give a line from 7 to 11\n" },
    { { "--sort", "size", "post/index.md", "camera/a.jpg" },
      "byline-cli add-photos: Unknown order “size”: use given, name or time\n" },
    { { "post/index.md", NULL },
      "byline-cli add-photos: Name at least one picture to add\n" },
    { { "post/index.md", "camera/a.jpg", "camera/notes.jpg" },
      NULL },
  };
  g_autofree char *a = make_photo (fixture, "a.jpg", 60, 40, 1, "2024:06:15 14:00:00");
  g_autofree char *notes = g_build_filename (fixture->root, "camera", "notes.jpg", NULL);

  g_assert_true (g_file_set_contents (notes, "Not a picture.\n", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;
      g_autofree char *text = NULL;
      g_autofree char *listing = NULL;

      g_assert_cmpint (run_args (fixture, cases[i].args, NULL, &err), ==, 2);
      if (cases[i].err != NULL)
        g_assert_cmpstr (err, ==, cases[i].err);
      else
        g_assert_true (g_str_has_prefix (err, "byline-cli add-photos: “") &&
                       strstr (err, "notes.jpg” is not a picture Byline can read") != NULL);
      text = read_post (fixture);
      g_assert_cmpstr (text, ==, POST);
      listing = list_folder (fixture);
      g_assert_cmpstr (listing, ==, "index.md");
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cli/add-photos/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  if (!byline_test_have_exiftool ())
    {
      g_test_add_func ("/cli/add-photos/exiftool", byline_test_skip_without_exiftool);
      return g_test_run ();
    }

  ADD ("given-order", test_given_order);
  ADD ("time-order", test_time_order);
  ADD ("keep-metadata", test_keep_metadata);
  ADD ("crlf", test_crlf);
  ADD ("errors", test_errors);

#undef ADD

  return g_test_run ();
}
