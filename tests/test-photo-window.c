/* test-photo-window.c — pictures dropped on the outline, cards dragged into the text,
 * and the window's "Keep Camera Metadata" preference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The drops go through the window's own drop targets (their "drop"
 * handlers, with what a drag would deliver, at the coordinates of a row or
 * of a place in the text): Xvfb has no pointer to drag with. The pictures
 * are drawn and tagged at run time like a phone's (byline-test-photos.h);
 * exiftool, not the gexiv2 inside Byline, reads what the copies carry.
 */

#include "config.h"

#include "byline-editor.h"
#include "byline-image-dialog.h"
#include "byline-outline.h"
#include "byline-photo-sheet.h"
#include "byline-photos-view.h"
#include "byline-preferences-window.h"
#include "byline-window.h"

#include "byline-test-photo-post.h"
#include "byline-test-window.h"

static char *tmpdir;
static BylineApplication *app;

#define FRONT_MATTER \
  "---\n" \
  "title: \"IstioCon recap\"\n" \
  "---\n" \
  "\n"

#define POST \
  FRONT_MATTER \
  "The conference in two days.\n" \
  "\n" \
  "## Day one\n" \
  "\n" \
  "It opened with a keynote.\n" \
  "\n" \
  "### Talks\n" \
  "\n" \
  "Three talks followed.\n" \
  "\n" \
  "## Day two\n" \
  "\n" \
  "It closed with a party.\n"

/* The site's limit, small so that the test pictures stay small. */
#define PROFILE \
  "extends: istio\n" \
  "site:\n" \
  "  image_max_width: 300\n"

/* The call the istio.io profile writes for a picture tagged by
 * byline_test_tag_photo(), its caption without the final period that the
 * profile's image/caption-period rule refuses. */
#define CALL(name) \
  "{{< image width=\"75%\"\n" \
  "    link=\"./" name "\"\n" \
  "    alt=\"A speaker on a lit stage\"\n" \
  "    title=\"Keynote\"\n" \
  "    caption=\"Stage at dusk\"\n" \
  "    >}}"

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

/* The drop target of @widget that takes values of @type. */
static GtkDropTarget *
find_drop_target (GtkWidget *widget,
                  GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      const GType *types;
      gsize n = 0;

      if (!GTK_IS_DROP_TARGET (controller))
        continue;
      types = gtk_drop_target_get_gtypes (GTK_DROP_TARGET (controller), &n);
      for (gsize j = 0; j < n; j++)
        if (types[j] == type)
          return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

static gboolean
drop (GtkDropTarget *target,
      const GValue  *value,
      double         x,
      double         y)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (target, "drop", value, x, y, &handled);
  return handled;
}

/* Fills the open image dialog's alt text (its only required field the
 * metadata does not fill) and inserts. */
static void
insert_from_dialog (BylineWindow *window)
{
  BylineImageDialog *dialog;

  byline_test_wait_for (byline_window_get_image_dialog (window) != NULL);
  dialog = byline_window_get_image_dialog (window);
  gtk_editable_set_text (GTK_EDITABLE (byline_image_dialog_get_field_widget (
    dialog, BYLINE_IMAGE_FIELD_ALT)), "A stage");
  g_assert_false (byline_image_dialog_has_errors (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "image.insert", NULL));
  byline_test_wait_for (byline_window_get_image_dialog (window) == NULL);
}

/* The index of the outline's heading row titled @text. */
static guint
heading_index (BylineOutline *outline,
               const char    *text)
{
  byline_test_wait_for (byline_outline_get_n_items (outline) > 0);
  for (guint i = 0; i < byline_outline_get_n_items (outline); i++)
    {
      const BylineOutlineItem *item = byline_outline_get_item (outline, i);

      if (item->kind == BYLINE_OUTLINE_HEADING && g_str_equal (item->text, text))
        return i;
    }
  g_assert_not_reached ();
}

/* The middle of the outline's row @index, in the outline's coordinates,
 * once it is laid out. */
static graphene_point_t
row_middle (BylineOutline *outline,
            guint          index)
{
  GtkWidget *row;
  graphene_point_t middle, point;

  byline_test_wait_for (byline_outline_get_n_items (outline) > index &&
                        gtk_widget_get_mapped (byline_outline_get_row (outline, index)) &&
                        gtk_widget_get_height (byline_outline_get_row (outline, index)) > 0);
  row = byline_outline_get_row (outline, index);
  middle = GRAPHENE_POINT_INIT (gtk_widget_get_width (row) / 2.0,
                                gtk_widget_get_height (row) / 2.0);
  g_assert_true (gtk_widget_compute_point (row, GTK_WIDGET (outline), &middle, &point));
  return point;
}

/* Two pictures dropped on the outline's "Day one" go at the end of that
 * section, after its subsection "Talks" and before "Day two", as one undo
 * step; dropped beside the headings, at the cursor. */
static void
test_outline_drop (Fixture       *fixture,
                   gconstpointer  data)
{
  BylineWindow *window = byline_test_open_window (app, fixture->post);
  BylineDocument *document = byline_window_get_document (window);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (document);
  BylineOutline *outline;
  g_autofree char *b =
    byline_photo_post_make_photo (fixture->camera, "b.jpg", "2024:06:15 12:00:00");
  g_autofree char *a =
    byline_photo_post_make_photo (fixture->camera, "a.jpg", "2024:06:15 13:00:00");
  g_autofree char *before = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autoslist(GFile) files = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GtkDropTarget *target;
  BylinePhotoSheet *sheet;
  graphene_point_t point;
  GtkTextIter cursor;

  byline_test_wait_for (byline_document_is_analyzed (document));
  before = byline_photo_post_dup_text (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-outline", NULL));
  outline = BYLINE_OUTLINE (byline_test_find_widget (GTK_WIDGET (window), BYLINE_TYPE_OUTLINE));
  g_assert_nonnull (outline);
  target = find_drop_target (GTK_WIDGET (outline), GDK_TYPE_FILE_LIST);
  g_assert_nonnull (target);

  /* Dropped in the order the file manager gives them (a before b); the
   * sheet lists them in the order they were taken. */
  files = g_slist_prepend (files, g_file_new_for_path (b));
  files = g_slist_prepend (files, g_file_new_for_path (a));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);

  point = row_middle (outline, heading_index (outline, "Day one"));
  g_assert_true (drop (target, &value, point.x, point.y));
  byline_test_wait_for (byline_window_get_photo_sheet (window) != NULL &&
                        !byline_photo_sheet_get_loading (byline_window_get_photo_sheet (window)));
  sheet = byline_window_get_photo_sheet (window);
  g_assert_cmpuint (byline_photo_sheet_get_n_photos (sheet), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.insert", NULL));
  byline_test_wait_for (byline_window_get_photo_sheet (window) == NULL);

  text = byline_photo_post_dup_text (window);
  g_assert_cmpstr (text, ==,
                   FRONT_MATTER
                   "The conference in two days.\n"
                   "\n"
                   "## Day one\n"
                   "\n"
                   "It opened with a keynote.\n"
                   "\n"
                   "### Talks\n"
                   "\n"
                   "Three talks followed.\n"
                   "\n"
                   CALL ("b.jpg") "\n"
                   "\n"
                   CALL ("a.jpg") "\n"
                   "\n"
                   "## Day two\n"
                   "\n"
                   "It closed with a party.");

  gtk_text_buffer_undo (buffer);
  g_free (text);
  text = byline_photo_post_dup_text (window);
  g_assert_cmpstr (text, ==, before);

  /* The last section ends with the post. A single picture opens the image
   * dialog, as on the text: its copy may not take the name b.jpg again. */
  g_slist_free_full (g_steal_pointer (&files), g_object_unref);
  files = g_slist_prepend (NULL, g_file_new_for_path (b));
  g_value_set_boxed (&value, files);
  point = row_middle (outline, heading_index (outline, "Day two"));
  g_assert_true (drop (target, &value, point.x, point.y));
  insert_from_dialog (window);
  g_free (text);
  text = byline_photo_post_dup_text (window);
  g_free (expected);
  expected = g_strconcat (before,
                          "\n"
                          "\n"
                          "{{< image width=\"75%\"\n"
                          "    link=\"./b-2.jpg\"\n"
                          "    alt=\"A stage\"\n"
                          "    >}}", NULL);
  g_assert_cmpstr (text, ==, expected);
  gtk_text_buffer_undo (buffer);

  /* Beside the rows (below the last one): at the cursor, here on the
   * blank line after the first paragraph. */
  gtk_text_buffer_get_iter_at_line (buffer, &cursor, 5);
  gtk_text_buffer_place_cursor (buffer, &cursor);
  g_assert_true (drop (target, &value, 10,
                       gtk_widget_get_height (GTK_WIDGET (outline)) - 2));
  insert_from_dialog (window);
  g_free (text);
  text = byline_photo_post_dup_text (window);
  g_assert_true (g_str_has_prefix (text, FRONT_MATTER
                                         "The conference in two days.\n"
                                         "\n"
                                         "{{< image width=\"75%\"\n"
                                         "    link=\"./b-3.jpg\"\n"
                                         "    alt=\"A stage\"\n"
                                         "    >}}\n"
                                         "\n"
                                         "## Day one\n"));

  byline_test_close_window (window);
}

/* The start of @line in @view's widget coordinates, once the view has
 * laid the text out: until then the lines have estimated heights, and a
 * point says another line than the one it was computed for. */
static gboolean
window_point_of_line (GtkTextView *view,
                      int          line,
                      int         *x,
                      int         *y)
{
  GtkTextIter iter, back;
  GdkRectangle location;
  int buffer_x, buffer_y;

  gtk_text_buffer_get_iter_at_line (gtk_text_view_get_buffer (view), &iter, line);
  gtk_text_view_get_iter_location (view, &iter, &location);
  buffer_x = location.x + 1;
  buffer_y = location.y + location.height / 2;
  gtk_text_view_get_iter_at_location (view, &back, buffer_x, buffer_y);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, buffer_x, buffer_y, x, y);
  return gtk_widget_get_mapped (GTK_WIDGET (view)) && gtk_text_iter_equal (&iter, &back);
}

/* A card of the Photos page dropped on the text writes its call there at
 * once, filled from the picture's metadata, as one undo step. */
static void
test_card_drop (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *stage =
    byline_photo_post_make_photo (fixture->bundle, "stage.jpg", "2024:06:15 12:00:00");
  BylineWindow *window = byline_test_open_window (app, fixture->post);
  BylineDocument *document = byline_window_get_document (window);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (document);
  GtkTextView *view;
  g_autofree char *before = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GdkContentProvider) provider = NULL;
  g_autoptr(GdkContentFormats) formats = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  BylinePhotosView *photos;
  GtkWidget *card;
  GtkDragSource *source = NULL;
  GtkDropTarget *target;
  int x, y;

  byline_test_wait_for (byline_document_is_analyzed (document));
  before = byline_photo_post_dup_text (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-photos", NULL));
  photos = byline_window_get_photos_view (window);
  byline_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (photos)) &&
                        !byline_photos_view_get_busy (photos) &&
                        byline_photos_view_get_n_photos (photos) == 1 &&
                        byline_photos_view_get_card (photos, 0) != NULL);
  card = byline_photos_view_get_card (photos, 0);

  /* What the card offers when a drag starts. */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (card);

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && source == NULL; i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DRAG_SOURCE (controller))
          source = GTK_DRAG_SOURCE (controller);
      }
  }
  g_assert_nonnull (source);
  g_signal_emit_by_name (source, "prepare", 10.0, 10.0, &provider);
  g_assert_nonnull (provider);
  formats = gdk_content_provider_ref_formats (provider);
  g_assert_true (gdk_content_formats_contain_gtype (formats, BYLINE_TYPE_PHOTO_DRAG));
  /* Other programs get the file. */
  g_assert_true (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST));
  g_value_init (&value, BYLINE_TYPE_PHOTO_DRAG);
  g_assert_true (gdk_content_provider_get_value (provider, &value, &error));
  g_assert_no_error (error);

  /* Dropped at the start of the blank line after "It opened with a
   * keynote." (line 10). */
  view = GTK_TEXT_VIEW (byline_editor_get_view (BYLINE_EDITOR (
    byline_test_find_widget (GTK_WIDGET (window), BYLINE_TYPE_EDITOR))));
  target = find_drop_target (GTK_WIDGET (view), BYLINE_TYPE_PHOTO_DRAG);
  g_assert_nonnull (target);
  byline_test_wait_for (window_point_of_line (view, 9, &x, &y));
  g_assert_true (drop (target, &value, x, y));

  /* At once: no dialog, no sheet. */
  g_assert_null (byline_window_get_image_dialog (window));
  g_assert_null (byline_window_get_photo_sheet (window));
  text = byline_photo_post_dup_text (window);
  g_assert_cmpstr (text, ==,
                   FRONT_MATTER
                   "The conference in two days.\n"
                   "\n"
                   "## Day one\n"
                   "\n"
                   "It opened with a keynote.\n"
                   "\n"
                   CALL ("stage.jpg") "\n"
                   "\n"
                   "### Talks\n"
                   "\n"
                   "Three talks followed.\n"
                   "\n"
                   "## Day two\n"
                   "\n"
                   "It closed with a party.");

  gtk_text_buffer_undo (buffer);
  g_free (text);
  text = byline_photo_post_dup_text (window);
  g_assert_cmpstr (text, ==, before);

  byline_test_close_window (window);
}

static gboolean
is_row (GtkWidget     *widget,
        gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* Drops two pictures at the end of the post and inserts them. */
static void
import_two (Fixture      *fixture,
            BylineWindow *window,
            const char   *a,
            const char   *b)
{
  g_autoslist(GFile) files = NULL;
  BylinePhotoSheet *sheet;
  GtkTextIter end;

  files = g_slist_prepend (files, g_file_new_for_path (b));
  files = g_slist_prepend (files, g_file_new_for_path (a));
  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (byline_window_get_document (window)), &end);
  g_assert_true (byline_window_drop_images (window, files, &end));
  byline_test_wait_for (byline_window_get_photo_sheet (window) != NULL &&
                        !byline_photo_sheet_get_loading (byline_window_get_photo_sheet (window)));
  sheet = byline_window_get_photo_sheet (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.insert", NULL));
  byline_test_wait_for (byline_window_get_photo_sheet (window) == NULL);
}

static char *
camera_tags (Fixture    *fixture,
             const char *name)
{
  g_autofree char *path = g_build_filename (fixture->bundle, name, NULL);

  return byline_test_exiftool ("-s", "-s", "-s", "-Make", "-Model", "-DateTimeOriginal", path,
                               NULL);
}

static char *
gps_tags (Fixture    *fixture,
          const char *name)
{
  g_autofree char *path = g_build_filename (fixture->bundle, name, NULL);

  return byline_test_gps_tags (path);
}

/* "Keep Camera Metadata" is off by default: the copies lose the camera's
 * tags. Switched on in the preferences, the window's imports (the sheet
 * and the image dialog) keep them, and never the location. */
static void
test_keep_metadata (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *a =
    byline_photo_post_make_photo (fixture->camera, "a.jpg", "2024:06:15 12:00:00");
  g_autofree char *b =
    byline_photo_post_make_photo (fixture->camera, "b.jpg", "2024:06:15 13:00:00");
  BylineWindow *window = byline_test_open_window (app, fixture->post);
  GtkWidget *preferences, *row, *toggle;
  g_autofree char *tags = NULL;
  g_autofree char *gps = NULL;

  g_settings_reset (settings, "keep-photo-metadata");
  g_assert_false (g_settings_get_boolean (settings, "keep-photo-metadata"));
  byline_test_wait_for (byline_document_is_analyzed (byline_window_get_document (window)));

  /* Off: only what a browser needs stays. */
  import_two (fixture, window, a, b);
  tags = camera_tags (fixture, "a.jpg");
  g_assert_cmpstr (tags, ==, "");
  gps = gps_tags (fixture, "a.jpg");
  g_assert_cmpstr (gps, ==, "");

  /* The preferences window's row switches it on. */
  preferences = byline_preferences_window_new (GTK_WINDOW (window));
  row = byline_test_find_widget_by (preferences, is_row, "Keep Camera _Metadata");
  g_assert_nonnull (row);
  toggle = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
  g_assert_true (GTK_IS_SWITCH (toggle));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "keep-photo-metadata"));
  byline_test_destroy_window (GTK_WINDOW (preferences));

  /* On: the sheet's copies keep the camera, never the location. */
  import_two (fixture, window, a, b);
  g_free (tags);
  tags = camera_tags (fixture, "a-2.jpg");
  g_assert_cmpstr (tags, ==, "Canon\nEOS R6\n2024:06:15 12:00:00\n");
  g_free (gps);
  gps = gps_tags (fixture, "a-2.jpg");
  g_assert_cmpstr (gps, ==, "");

  /* The image dialog's copy too. */
  {
    g_autoslist(GFile) files = g_slist_prepend (NULL, g_file_new_for_path (b));
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (byline_window_get_document (window)), &end);
    g_assert_true (byline_window_drop_images (window, files, &end));
    insert_from_dialog (window);
  }
  g_free (tags);
  tags = camera_tags (fixture, "b-3.jpg");
  g_assert_cmpstr (tags, ==, "Canon\nEOS R6\n2024:06:15 13:00:00\n");
  g_free (gps);
  gps = gps_tags (fixture, "b-3.jpg");
  g_assert_cmpstr (gps, ==, "");

  g_settings_reset (settings, "keep-photo-metadata");
  byline_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!byline_test_gui_init (&argc, &argv, &tmpdir))
    return 0;

  /* The sidebar opens at once (see test-photos-view.c: AdwFlap 1.2's
   * reveal animation beside a GtkPaned warns under Xvfb now and then). */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  app = byline_test_application_new ();

  if (!byline_test_have_exiftool ())
    {
      g_test_add_func ("/gui/photo-window/exiftool", byline_test_skip_without_exiftool);
    }
  else
    {
      g_test_add ("/gui/photo-window/outline-drop", Fixture, NULL,
                  fixture_setup, test_outline_drop, fixture_teardown);
      g_test_add ("/gui/photo-window/card-drop", Fixture, NULL,
                  fixture_setup, test_card_drop, fixture_teardown);
      g_test_add ("/gui/photo-window/keep-metadata", Fixture, NULL,
                  fixture_setup, test_keep_metadata, fixture_teardown);
    }

  ret = g_test_run ();

  g_clear_object (&app);
  byline_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return ret;
}
