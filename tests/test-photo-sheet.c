/* test-photo-sheet.c — several pictures dropped on a post, through the photo sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pictures are drawn and tagged at run time like a phone's
 * (byline-test-photos.h); exiftool, not the gexiv2 inside Byline, reads
 * what the copies carry.
 */

#include "config.h"

#include "byline-photo-sheet.h"
#include "byline-window.h"

#include "byline-test-photo-post.h"
#include "byline-test-window.h"

static char *tmpdir;
static BylineApplication *app;

#define POST \
  "---\n" \
  "title: \"IstioCon recap\"\n" \
  "---\n" \
  "\n" \
  "The conference opened with a keynote.\n" \
  "\n" \
  "It closed with a party.\n"

/* The site's limit, small so that the test pictures stay small. */
#define PROFILE \
  "extends: istio\n" \
  "site:\n" \
  "  image_max_width: 300\n"

typedef BylinePhotoPost Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  byline_photo_post_set_up (fixture, tmpdir, POST, PROFILE);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  byline_photo_post_tear_down (fixture);
}

static char *
make_photo (Fixture    *fixture,
            const char *name,
            const char *taken)
{
  return byline_photo_post_make_photo (fixture->camera, name, taken);
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  text)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}

/* Drops the three pictures (a.jpg taken last, b.jpg first) at the end of
 * the paragraph "opened with a keynote." and waits for the sheet. */
static BylinePhotoSheet *
drop_three (Fixture      *fixture,
            BylineWindow *window,
            char        **paths)
{
  static const char * const names[] = { "c.jpg", "a.jpg", "b.jpg" };
  static const char * const times[] = {
    "2024:06:15 13:00:00", "2024:06:15 14:00:00", "2024:06:15 12:00:00",
  };
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (byline_window_get_document (window));
  g_autoslist(GFile) files = NULL;
  GtkTextIter iter;

  for (int i = 2; i >= 0; i--)
    {
      paths[i] = make_photo (fixture, names[i], times[i]);
      files = g_slist_prepend (files, g_file_new_for_path (paths[i]));
    }

  gtk_text_buffer_get_iter_at_line (buffer, &iter, 4);
  gtk_text_iter_forward_to_line_end (&iter);
  g_assert_true (byline_window_drop_images (window, files, &iter));
  byline_test_wait_for (byline_window_get_photo_sheet (window) != NULL &&
                        !byline_photo_sheet_get_loading (byline_window_get_photo_sheet (window)));
  return byline_window_get_photo_sheet (window);
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  BylineWindow *window = byline_test_open_window (app, fixture->post);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (byline_window_get_document (window));
  g_autofree char *before = byline_photo_post_dup_text (window);
  g_autofree char *existing = g_build_filename (fixture->bundle, "a.jpg", NULL);
  g_autofree char *text = NULL;
  g_autofree char *listing = NULL;
  GBytes *originals[3];
  char *paths[3];
  BylinePhotoSheet *sheet;
  GtkWidget *move_up;

  /* A file of the bundle takes a.jpg: that copy gets the next name. */
  g_assert_true (g_file_set_contents (existing, "taken", -1, NULL));

  sheet = drop_three (fixture, window, paths);
  for (guint i = 0; i < 3; i++)
    originals[i] = byline_test_read_path_bytes (paths[i]);

  /* In the order they were taken, named as the copies will be. */
  g_assert_cmpuint (byline_photo_sheet_get_n_photos (sheet), ==, 3);
  g_assert_cmpstr (byline_photo_sheet_get_planned_name (sheet, 0), ==, "b.jpg");
  g_assert_cmpstr (byline_photo_sheet_get_planned_name (sheet, 1), ==, "c.jpg");
  g_assert_cmpstr (byline_photo_sheet_get_planned_name (sheet, 2), ==, "a-2.jpg");
  /* Alt text and caption from the pictures' own metadata, the caption
   * without the period the site refuses. */
  g_assert_cmpstr (gtk_editable_get_text (
    byline_photo_sheet_get_entry (sheet, 0, BYLINE_IMAGE_FIELD_ALT)), ==,
    "A speaker on a lit stage");
  g_assert_cmpstr (gtk_editable_get_text (
    byline_photo_sheet_get_entry (sheet, 0, BYLINE_IMAGE_FIELD_CAPTION)), ==, "Stage at dusk");

  /* The user moves a.jpg up, to the middle, with its button. */
  move_up = byline_test_find_widget_by (GTK_WIDGET (sheet), has_tooltip, "Move a.jpg Up");
  g_assert_nonnull (move_up);
  g_signal_emit_by_name (move_up, "clicked");
  g_assert_cmpstr (byline_photo_sheet_get_planned_name (sheet, 0), ==, "b.jpg");
  g_assert_cmpstr (byline_photo_sheet_get_planned_name (sheet, 1), ==, "a-2.jpg");
  g_assert_cmpstr (byline_photo_sheet_get_planned_name (sheet, 2), ==, "c.jpg");

  gtk_editable_set_text (byline_photo_sheet_get_entry (sheet, 1, BYLINE_IMAGE_FIELD_ALT),
                         "  The hall, full  ");
  gtk_editable_set_text (byline_photo_sheet_get_entry (sheet, 2, BYLINE_IMAGE_FIELD_CAPTION), "");

  /* A caption the site refuses keeps Insert off. */
  gtk_editable_set_text (byline_photo_sheet_get_entry (sheet, 0, BYLINE_IMAGE_FIELD_CAPTION),
                         "Doors open.");
  gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.insert", NULL);
  g_assert_false (byline_photo_sheet_get_importing (sheet));
  gtk_editable_set_text (byline_photo_sheet_get_entry (sheet, 0, BYLINE_IMAGE_FIELD_CAPTION),
                         "Doors open");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.insert", NULL));
  g_assert_true (byline_photo_sheet_get_importing (sheet));
  byline_test_wait_for (byline_window_get_photo_sheet (window) == NULL);

  text = byline_photo_post_dup_text (window);
  g_assert_cmpstr (text, ==,
                   "---\n"
                   "title: \"IstioCon recap\"\n"
                   "---\n"
                   "\n"
                   "The conference opened with a keynote.\n"
                   "\n"
                   "{{< image width=\"75%\"\n"
                   "    link=\"./b.jpg\"\n"
                   "    alt=\"A speaker on a lit stage\"\n"
                   "    title=\"Keynote\"\n"
                   "    caption=\"Doors open\"\n"
                   "    >}}\n"
                   "\n"
                   "{{< image width=\"75%\"\n"
                   "    link=\"./a-2.jpg\"\n"
                   "    alt=\"The hall, full\"\n"
                   "    title=\"Keynote\"\n"
                   "    caption=\"Stage at dusk\"\n"
                   "    >}}\n"
                   "\n"
                   "{{< image width=\"75%\"\n"
                   "    link=\"./c.jpg\"\n"
                   "    alt=\"A speaker on a lit stage\"\n"
                   "    title=\"Keynote\"\n"
                   "    >}}\n"
                   "\n"
                   "It closed with a party.");

  listing = byline_test_list_folder (fixture->bundle);
  g_assert_cmpstr (listing, ==, "a-2.jpg a.jpg b.jpg c.jpg index.md");

  /* The copies: the site's width, upright, without a location or an
   * orientation tag, as exiftool reads them; the camera's files as they
   * were, byte for byte. */
  {
    static const char * const copies[] = { "b.jpg", "a-2.jpg", "c.jpg" };

    for (guint i = 0; i < 3; i++)
      {
        g_autofree char *copy = g_build_filename (fixture->bundle, copies[i], NULL);
        g_autofree char *gps = byline_test_gps_tags (copy);
        g_autofree char *orientation = byline_test_exiftool ("-s", "-s", "-s", "-Orientation",
                                                             copy, NULL);
        g_autoptr(GdkPixbuf) pixbuf = NULL;
        g_autoptr(GError) error = NULL;

        pixbuf = gdk_pixbuf_new_from_file (copy, &error);
        g_assert_no_error (error);
        g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 300);
        g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 225);
        g_assert_true (byline_test_looks_upright (pixbuf));
        g_assert_cmpstr (gps, ==, "");
        g_assert_cmpstr (orientation, ==, "");
      }
    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(GBytes) after = byline_test_read_path_bytes (paths[i]);

        g_assert_true (g_bytes_equal (originals[i], after));
        g_bytes_unref (originals[i]);
        g_free (paths[i]);
      }
  }

  /* The three calls are one undo step. */
  gtk_text_buffer_undo (buffer);
  g_free (text);
  text = byline_photo_post_dup_text (window);
  g_assert_cmpstr (text, ==, before);

  byline_test_close_window (window);
}

/* Cancel during the import: the folder and the post stay as they were. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  BylineWindow *window = byline_test_open_window (app, fixture->post);
  g_autofree char *before = byline_photo_post_dup_text (window);
  g_autofree char *text = NULL;
  g_autofree char *listing = NULL;
  char *paths[3];
  BylinePhotoSheet *sheet;

  sheet = drop_three (fixture, window, paths);
  for (guint i = 0; i < 3; i++)
    g_free (paths[i]);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.insert", NULL));
  g_assert_true (byline_photo_sheet_get_importing (sheet));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.cancel", NULL));
  byline_test_wait_for (!byline_photo_sheet_get_importing (sheet));

  /* The sheet stays, to try again or close. */
  g_assert_true (byline_window_get_photo_sheet (window) == sheet);
  listing = byline_test_list_folder (fixture->bundle);
  g_assert_cmpstr (listing, ==, "index.md");
  text = byline_photo_post_dup_text (window);
  g_assert_cmpstr (text, ==, before);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.cancel", NULL));
  byline_test_wait_for (byline_window_get_photo_sheet (window) == NULL);
  byline_test_close_window (window);
}

/* Every control of the sheet has a name a screen reader can say. */
static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  BylineWindow *window = byline_test_open_window (app, fixture->post);
  char *paths[3];
  BylinePhotoSheet *sheet = drop_three (fixture, window, paths);

  for (guint i = 0; i < 3; i++)
    g_free (paths[i]);

  gtk_test_accessible_assert_property (
    GTK_ACCESSIBLE (byline_photo_sheet_get_entry (sheet, 0, BYLINE_IMAGE_FIELD_ALT)),
    GTK_ACCESSIBLE_PROPERTY_LABEL, "Alt text of b.jpg");
  gtk_test_accessible_assert_property (
    GTK_ACCESSIBLE (byline_photo_sheet_get_entry (sheet, 2, BYLINE_IMAGE_FIELD_CAPTION)),
    GTK_ACCESSIBLE_PROPERTY_LABEL, "Caption of a.jpg");
  gtk_test_accessible_assert_property (
    GTK_ACCESSIBLE (byline_test_find_widget_by (GTK_WIDGET (sheet), has_tooltip,
                                                "Move c.jpg Down")),
    GTK_ACCESSIBLE_PROPERTY_LABEL, "Move c.jpg Down");
  gtk_test_accessible_assert_property (
    GTK_ACCESSIBLE (byline_test_find_widget (GTK_WIDGET (sheet), GTK_TYPE_PROGRESS_BAR)),
    GTK_ACCESSIBLE_PROPERTY_LABEL, "Import progress");

  byline_test_destroy_window (GTK_WINDOW (sheet));
  byline_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* The test backend keeps accessible names readable without an AT bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!byline_test_gui_init (&argc, &argv, &tmpdir))
    return 0;

  app = byline_test_application_new ();

  if (!byline_test_have_exiftool ())
    {
      g_test_add_func ("/gui/photo-sheet/exiftool", byline_test_skip_without_exiftool);
    }
  else
    {
      g_test_add ("/gui/photo-sheet/import", Fixture, NULL,
                  fixture_setup, test_import, fixture_teardown);
      g_test_add ("/gui/photo-sheet/cancel", Fixture, NULL,
                  fixture_setup, test_cancel, fixture_teardown);
      g_test_add ("/gui/photo-sheet/accessible-names", Fixture, NULL,
                  fixture_setup, test_accessible_names, fixture_teardown);
    }

  ret = g_test_run ();

  g_clear_object (&app);
  byline_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return ret;
}
