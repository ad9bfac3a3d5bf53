/* test-photos-view.c — the sidebar's Photos page on a real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bundle with a phone picture (GPS tags, wider than the site's limit)
 * the post uses and a small picture it does not: the page shows both with
 * what the rules say, and the location fix, once confirmed, removes the
 * tags (as exiftool reads them).
 */

#include "config.h"

#include "byline-photos-view.h"
#include "byline-window.h"

#include "byline-test-photos.h"
#include "byline-test-window.h"

static char *tmpdir;
static BylineApplication *app;

#define POST \
  "---\n" \
  "title: \"Photos\"\n" \
  "---\n" \
  "\n" \
  "The stage:\n" \
  "\n" \
  "{{< image width=\"75%\" link=\"./stage.jpg\" alt=\"A stage\" >}}\n"

typedef struct
{
  char  *root;
  char  *bundle;
  GFile *post;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("case-%u", counter++);
  g_autofree char *post = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *stage = NULL;
  g_autofree char *unused = NULL;
  g_autoptr(GdkPixbuf) photo = byline_test_draw_photo (800, 600, 1, FALSE);
  g_autoptr(GdkPixbuf) small = byline_test_draw_photo (40, 30, 1, FALSE);

  fixture->root = g_build_filename (tmpdir, name, NULL);
  fixture->bundle = g_build_filename (fixture->root, "post", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->bundle, 0700), ==, 0);
  profile = g_build_filename (fixture->root, ".byline.yml", NULL);
  g_assert_true (g_file_set_contents (profile, "site:\n  image_max_width: 300\n", -1, NULL));

  stage = g_build_filename (fixture->bundle, "stage.jpg", NULL);
  byline_test_save_photo (photo, stage, "jpeg");
  byline_test_tag_photo (stage, 1, "2024:06:15 13:00:00");
  unused = g_build_filename (fixture->bundle, "unused.png", NULL);
  byline_test_save_photo (small, unused, "png");

  post = g_build_filename (fixture->bundle, "index.md", NULL);
  g_assert_true (g_file_set_contents (post, POST, -1, NULL));
  fixture->post = g_file_new_for_path (post);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  byline_test_remove_tree (fixture->root);
  g_clear_object (&fixture->post);
  g_free (fixture->root);
  g_free (fixture->bundle);
}

static char *
dup_label (GtkWidget *widget)
{
  /* GTK 4.8 reads accessible properties back only through this. */
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                             GTK_ACCESSIBLE_PROPERTY_LABEL, "\x01");
}

static guint
count_buttons (GtkWidget *widget)
{
  guint n = GTK_IS_BUTTON (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_buttons (child);
  return n;
}

static GtkWidget *
card (BylinePhotosView *view,
      guint             position)
{
  return byline_photos_view_get_card (view, position);
}

static gboolean
shows (BylinePhotosView *view,
       guint             n_buttons)
{
  return !byline_photos_view_get_busy (view) && byline_photos_view_get_n_photos (view) == 2 &&
         card (view, 0) != NULL && count_buttons (card (view, 0)) == n_buttons;
}

static char *
format_size (Fixture    *fixture,
             const char *name)
{
  g_autofree char *path = g_build_filename (fixture->bundle, name, NULL);
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return g_format_size (st.st_size);
}

static void
message_cb (BylinePhotosView *view,
            const char       *message,
            char            **out)
{
  g_free (*out);
  *out = g_strdup (message);
}

static void
test_page (Fixture       *fixture,
           gconstpointer  data)
{
  BylineWindow *window = byline_test_open_window (app, fixture->post);
  BylineDocument *document = byline_window_get_document (window);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (document);
  g_autofree char *stage_path = g_build_filename (fixture->bundle, "stage.jpg", NULL);
  g_autofree char *stage_size = format_size (fixture, "stage.jpg");
  g_autofree char *unused_size = format_size (fixture, "unused.png");
  g_autofree char *prefix = NULL;
  g_autofree char *label = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *message = NULL;
  g_autofree char *gps = NULL;
  BylinePhotosView *view;
  GtkWidget *fix;
  GtkWindow *question;
  GtkTextIter cursor;

  byline_test_wait_for (byline_document_is_analyzed (document));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-photos", NULL));
  view = byline_window_get_photos_view (window);
  g_signal_connect (view, "show-message", G_CALLBACK (message_cb), &message);

  /* Both pictures, by name; the used one with its two file fixes. */
  byline_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (view)) && shows (view, 2));

  label = dup_label (card (view, 0));
  prefix = g_strdup_printf ("stage.jpg, 800 × 600 pixels, %s, used in the post, ", stage_size);
  g_assert_true (g_str_has_prefix (label, prefix));
  g_assert_nonnull (strstr (label, "“stage.jpg” records where it was taken, near 47.38° N, "
                                   "8.54° E"));
  g_assert_nonnull (strstr (label, "wider than the site’s 300"));
  g_free (label);
  label = dup_label (card (view, 1));
  expected = g_strdup_printf ("unused.png, 40 × 30 pixels, %s, not used in the post",
                              unused_size);
  g_assert_cmpstr (label, ==, expected);
  g_assert_nonnull (byline_test_find_button (card (view, 0),
                                             "Resize “stage.jpg” to 300 pixels wide"));

  /* Activating the used picture moves the cursor to its call. */
  gtk_widget_activate (card (view, 0));
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&cursor), ==,
                   (int) (strstr (POST, "./stage.jpg") - POST));

  /* The location fix asks first, then rewrites the file. */
  fix = byline_test_find_button (card (view, 0),
                                 "Remove the location from “stage.jpg”");
  g_assert_nonnull (fix);
  g_signal_emit_by_name (fix, "clicked");
  question = byline_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (question);
  gps = byline_test_gps_tags (stage_path);
  g_assert_cmpstr (gps, !=, "");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "apply");
  byline_test_wait_for (message != NULL);
  g_assert_cmpstr (message, ==, "Removed the location from “stage.jpg”");
  g_free (gps);
  gps = byline_test_gps_tags (stage_path);
  g_assert_cmpstr (gps, ==, "");

  /* The folder changed: the document checks again, the card follows. */
  byline_test_wait_for (shows (view, 1));

  byline_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!byline_test_gui_init (&argc, &argv, &tmpdir))
    return 0;

  /* The sidebar opens at once: libadwaita 1.2's AdwFlap, in the middle of
   * its reveal animation beside a GtkPaned, now and then gives the text a
   * negative width under Xvfb (a warning, fatal here), with the front
   * matter form as well as with the Photos page. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  app = byline_test_application_new ();

  if (!byline_test_have_exiftool ())
    g_test_add_func ("/gui/photos-view/exiftool", byline_test_skip_without_exiftool);
  else
    g_test_add ("/gui/photos-view/page", Fixture, NULL,
                fixture_setup, test_page, fixture_teardown);

  ret = g_test_run ();

  g_clear_object (&app);
  byline_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return ret;
}
