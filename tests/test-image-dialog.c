/* test-image-dialog.c — the image dialog, and pictures dropped and pasted on the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-application.h"
#include "byline-image-dialog.h"
#include "byline-image-files.h"
#include "byline-photo-sheet.h"
#include "byline-window.h"

#include "byline-test-gui.h"
#include "byline-test-window.h"
#include "byline-test-photos.h"

static char *tmpdir;
static BylineApplication *app;

static const char *post_text =
  "---\n"
  "title: \"Pictures\"\n"
  "---\n"
  "\n"
  "First paragraph.\n"
  "\n"
  "{{< image width=\"75%\"\n"
  "    link=\"./keep.png\"\n"
  "    caption=\"Kept as it is\"\n"
  "    >}}\n"
  "\n"
  "Between. {{< image width=\"50%\" link=\"./old.png\" caption=\"Old caption.\" "
  "class=\"wide\" >}} After.\n"
  "\n"
  "Last paragraph.\n";

/* The buffer leaves out the file's final newline. */
static char *
dup_post_buffer_text (void)
{
  return g_strndup (post_text, strlen (post_text) - 1);
}

typedef struct
{
  char  *root;     /* a fresh folder per test */
  char  *bundle;   /* root/bundle, holding index.md */
  char  *outside;  /* root/Pictures */
  GFile *post;
} Fixture;

static void
write_png (const char *path,
           int         width,
           int         height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0x3366aaff);
  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("case-%u", counter++);
  g_autofree char *post = NULL;
  g_autoptr(GError) error = NULL;

  fixture->root = g_build_filename (tmpdir, name, NULL);
  fixture->bundle = g_build_filename (fixture->root, "bundle", NULL);
  fixture->outside = g_build_filename (fixture->root, "Pictures", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->bundle, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (fixture->outside, 0700), ==, 0);

  post = g_build_filename (fixture->bundle, "index.md", NULL);
  g_file_set_contents (post, post_text, -1, &error);
  g_assert_no_error (error);
  fixture->post = g_file_new_for_path (post);

  {
    g_autofree char *keep = g_build_filename (fixture->bundle, "keep.png", NULL);
    g_autofree char *old = g_build_filename (fixture->bundle, "old.png", NULL);
    g_autofree char *photo = g_build_filename (fixture->outside, "Holiday Photo.PNG", NULL);
    g_autofree char *second = g_build_filename (fixture->outside, "second.png", NULL);
    g_autofree char *notes = g_build_filename (fixture->outside, "notes.txt", NULL);

    write_png (keep, 8, 8);
    write_png (old, 40, 30);
    write_png (photo, 64, 36);
    write_png (second, 10, 20);
    g_file_set_contents (notes, "not a picture\n", -1, &error);
    g_assert_no_error (error);
  }
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  byline_test_remove_tree (fixture->root);
  g_clear_object (&fixture->post);
  g_free (fixture->root);
  g_free (fixture->bundle);
  g_free (fixture->outside);
}

static GFile *
outside_file (Fixture    *fixture,
              const char *name)
{
  g_autofree char *path = g_build_filename (fixture->outside, name, NULL);

  return g_file_new_for_path (path);
}

static gboolean
bundle_has (Fixture    *fixture,
            const char *name)
{
  g_autofree char *path = g_build_filename (fixture->bundle, name, NULL);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static BylineWindow *
open_window (Fixture *fixture)
{
  BylineWindow *window = byline_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  byline_window_load (window, fixture->post);
  byline_test_wait_for (byline_document_get_file (byline_window_get_document (window)) != NULL &&
                        !byline_document_get_busy (byline_window_get_document (window)));
  return window;
}

static void
destroy_window (BylineWindow *window)
{
  /* The post was changed on purpose: close without asking. */
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (byline_window_get_document (window)), FALSE);
  byline_test_destroy_window (GTK_WINDOW (window));
}

static char *
dup_text (BylineWindow *window)
{
  return byline_test_dup_buffer_text (GTK_TEXT_BUFFER (byline_window_get_document (window)));
}

/* Puts the cursor just after the first occurrence of @needle. */
static void
place_cursor_after (BylineWindow *window,
                    const char   *needle)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (byline_window_get_document (window));
  g_autofree char *text = dup_text (window);
  const char *found = strstr (text, needle);
  GtkTextIter iter;

  g_assert_nonnull (found);
  found += strlen (needle);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) g_utf8_pointer_to_offset (text, found));
  gtk_text_buffer_place_cursor (buffer, &iter);
}

static gboolean
text_differs (BylineWindow *window,
              const char   *before)
{
  g_autofree char *text = dup_text (window);

  return g_strcmp0 (text, before) != 0;
}

static void
count_cb (BylineImageDialog *dialog,
          guint             *count)
{
  (*count)++;
}

static void
set_field (BylineImageDialog *dialog,
           BylineImageField   field,
           const char        *text)
{
  gtk_editable_set_text (GTK_EDITABLE (byline_image_dialog_get_field_widget (dialog, field)), text);
}

static void
activate_insert (BylineWindow      *window,
                 BylineImageDialog *dialog)
{
  g_assert_false (byline_image_dialog_has_errors (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "image.insert", NULL));
  byline_test_wait_for (byline_window_get_image_dialog (window) == NULL);
}

/* Destroys a dialog and waits until nothing holds it any more. */
static void
destroy_dialog (BylineImageDialog *dialog)
{
  byline_test_destroy_window (GTK_WINDOW (dialog));
}

static void
test_accessible_names (void)
{
  static const struct {
    BylineImageField  field;
    const char       *name;
  } fields[] = {
    { BYLINE_IMAGE_FIELD_CAPTION, "Caption" },
    { BYLINE_IMAGE_FIELD_ALT, "Alt text" },
    { BYLINE_IMAGE_FIELD_TITLE, "Title" },
    { BYLINE_IMAGE_FIELD_WIDTH, "Width" },
    { BYLINE_IMAGE_FIELD_LINK, "Link" },
    { BYLINE_IMAGE_FIELD_RATIO, "Ratio" },
  };
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(GFile) folder = g_file_new_for_path (tmpdir);
  BylineImageDialog *dialog = byline_image_dialog_new (profile, folder);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *widget = byline_image_dialog_get_field_widget (dialog, fields[i].field);

      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, fields[i].name);
    }

  /* A new picture starts at the site's most used width, with nothing to insert yet. */
  g_assert_true (byline_image_dialog_has_errors (dialog));
  g_assert_false (byline_image_dialog_get_editing (dialog));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (
    byline_image_dialog_get_field_widget (dialog, BYLINE_IMAGE_FIELD_WIDTH))), ==, 3);

  destroy_dialog (dialog);
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->bundle);
  g_autoptr(GFile) photo = outside_file (fixture, "Holiday Photo.PNG");
  g_autoptr(GFile) notes = outside_file (fixture, "notes.txt");
  BylineImageDialog *dialog = byline_image_dialog_new (profile, folder);
  GtkWidget *caption = byline_image_dialog_get_field_widget (dialog, BYLINE_IMAGE_FIELD_CAPTION);
  GtkLabel *caption_message = byline_image_dialog_get_field_message (dialog,
                                                                     BYLINE_IMAGE_FIELD_CAPTION);
  GtkWidget *link = byline_image_dialog_get_field_widget (dialog, BYLINE_IMAGE_FIELD_LINK);
  GtkLabel *link_message = byline_image_dialog_get_field_message (dialog, BYLINE_IMAGE_FIELD_LINK);
  GtkLabel *alt_message = byline_image_dialog_get_field_message (dialog, BYLINE_IMAGE_FIELD_ALT);
  g_autofree char *shortcode = NULL;
  g_autoptr(BylineImageFields) missing = byline_image_fields_new ();
  guint inserts = 0;

  g_signal_connect (dialog, "insert", G_CALLBACK (count_cb), &inserts);

  /* A picture from elsewhere gets the safe name its copy will have. */
  byline_image_dialog_set_file (dialog, photo);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (link)), ==, "./holiday-photo.png");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
    byline_image_dialog_get_field_widget (dialog, BYLINE_IMAGE_FIELD_RATIO))), ==, "56.25%");
  g_assert_false (byline_image_dialog_has_errors (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (alt_message)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (alt_message), "warning"));

  /* The site rejects a caption ending with a period: shown on the field. */
  gtk_editable_set_text (GTK_EDITABLE (caption), "A holiday.");
  g_assert_true (byline_image_dialog_has_errors (dialog));
  g_assert_true (gtk_widget_has_css_class (caption, "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (caption_message)));
  /* The rule's own message: the dialog has no checks of its own. */
  g_assert_cmpstr (gtk_label_get_label (caption_message), ==,
                   "Image caption ends with a period: remove it, captions are not sentences "
                   "on the site");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (alt_message)));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "image.insert", NULL);
  g_assert_cmpuint (inserts, ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (caption), "A \"holiday\"");
  g_assert_false (byline_image_dialog_has_errors (dialog));
  g_assert_false (gtk_widget_has_css_class (caption, "error"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (caption_message)));
  shortcode = byline_image_dialog_dup_shortcode (dialog);
  g_assert_cmpstr (shortcode, ==,
                   "{{< image width=\"75%\"\n"
                   "    link=\"./holiday-photo.png\"\n"
                   "    caption=\"A \\\"holiday\\\"\"\n"
                   "    >}}");

  /* A file that is not a picture is refused on the Link field. */
  byline_image_dialog_set_file (dialog, notes);
  g_assert_true (byline_image_dialog_has_errors (dialog));
  g_assert_true (gtk_widget_has_css_class (link, "error"));
  g_assert_cmpstr (gtk_label_get_label (link_message), ==,
                   "“notes.txt” cannot be read as a picture: choose a PNG, JPEG, GIF, WebP or "
                   "SVG file");

  /* A link to a bundle file that is not there, as the linter says it. */
  byline_image_fields_set (missing, BYLINE_IMAGE_FIELD_LINK, "./missing.png");
  byline_image_fields_set (missing, BYLINE_IMAGE_FIELD_CAPTION, "Gone");
  byline_image_dialog_set_fields (dialog, missing, TRUE);
  g_assert_true (byline_image_dialog_has_errors (dialog));
  g_assert_true (gtk_widget_has_css_class (link, "error"));
  g_assert_cmpstr (gtk_label_get_label (link_message), ==,
                   "Image “missing.png” is not in the post’s folder: add the file or fix the "
                   "link");

  /* Fixing the link finds the picture of the bundle; Insert then works. */
  gtk_editable_set_text (GTK_EDITABLE (link), "./old.png");
  g_assert_false (byline_image_dialog_has_errors (dialog));
  g_assert_false (gtk_widget_has_css_class (link, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
    byline_image_dialog_get_field_widget (dialog, BYLINE_IMAGE_FIELD_RATIO))), ==, "75%");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "image.insert", NULL);
  g_assert_cmpuint (inserts, ==, 1);

  destroy_dialog (dialog);
}

static void
test_edit_replaces_span (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *post_buffer = dup_post_buffer_text ();
  BylineWindow *window = open_window (fixture);
  BylineImageDialog *dialog;
  GtkWidget *width;
  g_autofree char *text = NULL;
  g_autoptr(BylineImageFields) fields = NULL;

  place_cursor_after (window, "link=\"./old");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.insert-image", NULL));
  dialog = byline_window_get_image_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (byline_image_dialog_get_editing (dialog));

  /* Filled from the call, its unknown parameter kept. */
  fields = byline_image_dialog_dup_fields (dialog);
  g_assert_cmpstr (fields->width, ==, "50%");
  g_assert_cmpstr (fields->link, ==, "./old.png");
  g_assert_cmpstr (fields->caption, ==, "Old caption.");
  g_assert_null (fields->ratio);
  {
    g_autoptr(GFile) folder = g_file_get_parent (fixture->post);
    g_autoptr(GFile) old = g_file_get_child (folder, "old.png");

    g_assert_true (g_file_equal (byline_image_dialog_get_file (dialog), old));
  }
  g_assert_true (byline_image_dialog_has_errors (dialog));

  set_field (dialog, BYLINE_IMAGE_FIELD_CAPTION, "New caption");
  set_field (dialog, BYLINE_IMAGE_FIELD_ALT, "A blue rectangle");
  width = byline_image_dialog_get_field_widget (dialog, BYLINE_IMAGE_FIELD_WIDTH);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (width), 0);
  activate_insert (window, dialog);

  text = dup_text (window);
  g_assert_cmpstr (text, ==,
                   "---\n"
                   "title: \"Pictures\"\n"
                   "---\n"
                   "\n"
                   "First paragraph.\n"
                   "\n"
                   "{{< image width=\"75%\"\n"
                   "    link=\"./keep.png\"\n"
                   "    caption=\"Kept as it is\"\n"
                   "    >}}\n"
                   "\n"
                   "Between. {{< image width=\"100%\"\n"
                   "    link=\"./old.png\"\n"
                   "    alt=\"A blue rectangle\"\n"
                   "    caption=\"New caption\"\n"
                   "    class=\"wide\"\n"
                   "    >}} After.\n"
                   "\n"
                   "Last paragraph.");

  /* One undo step brings the old call back. */
  gtk_text_buffer_undo (GTK_TEXT_BUFFER (byline_window_get_document (window)));
  g_free (text);
  text = dup_text (window);
  g_assert_cmpstr (text, ==, post_buffer);

  destroy_window (window);
}

static void
test_insert_copies_one_undo (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *post_buffer = dup_post_buffer_text ();
  BylineWindow *window = open_window (fixture);
  g_autoptr(GFile) photo = outside_file (fixture, "Holiday Photo.PNG");
  g_autofree char *taken = g_build_filename (fixture->bundle, "holiday-photo.png", NULL);
  BylineImageDialog *dialog;
  g_autofree char *text = NULL;
  GtkTextIter cursor;
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (byline_window_get_document (window));

  place_cursor_after (window, "First paragraph.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.insert-image", NULL));
  dialog = byline_window_get_image_dialog (window);
  g_assert_false (byline_image_dialog_get_editing (dialog));

  byline_image_dialog_set_file (dialog, photo);
  set_field (dialog, BYLINE_IMAGE_FIELD_CAPTION, "The \"best\" day");

  /* The planned name is taken meanwhile: the copy gets the next one. */
  write_png (taken, 2, 2);
  activate_insert (window, dialog);

  g_assert_true (bundle_has (fixture, "holiday-photo-2.png"));
  text = dup_text (window);
  g_assert_cmpstr (text, ==,
                   "---\n"
                   "title: \"Pictures\"\n"
                   "---\n"
                   "\n"
                   "First paragraph.\n"
                   "\n"
                   "{{< image width=\"75%\"\n"
                   "    link=\"./holiday-photo-2.png\"\n"
                   "    caption=\"The \\\"best\\\" day\"\n"
                   "    >}}\n"
                   "\n"
                   "{{< image width=\"75%\"\n"
                   "    link=\"./keep.png\"\n"
                   "    caption=\"Kept as it is\"\n"
                   "    >}}\n"
                   "\n"
                   "Between. {{< image width=\"50%\" link=\"./old.png\" caption=\"Old caption.\" "
                   "class=\"wide\" >}} After.\n"
                   "\n"
                   "Last paragraph.");

  /* The cursor waits after the new figure. */
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_line (&cursor), ==, 9);
  g_assert_cmpint (gtk_text_iter_get_line_offset (&cursor), ==, 7);

  gtk_text_buffer_undo (buffer);
  g_free (text);
  text = dup_text (window);
  g_assert_cmpstr (text, ==, post_buffer);

  destroy_window (window);
}

static void
test_drop_one (Fixture       *fixture,
               gconstpointer  data)
{
  BylineWindow *window = open_window (fixture);
  g_autoptr(GFile) photo = outside_file (fixture, "Holiday Photo.PNG");
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (byline_window_get_document (window));
  g_autoslist(GFile) files = NULL;
  BylineImageDialog *dialog;
  g_autofree char *text = NULL;
  GtkTextIter iter;

  files = g_slist_prepend (files, g_object_ref (photo));
  gtk_text_buffer_get_end_iter (buffer, &iter);
  g_assert_true (byline_window_drop_images (window, files, &iter));
  byline_test_wait_for (byline_window_get_image_dialog (window) != NULL);

  /* The picture comes into the bundle on Insert, not before. */
  g_assert_false (bundle_has (fixture, "holiday-photo.png"));
  dialog = byline_window_get_image_dialog (window);
  g_assert_true (g_file_equal (byline_image_dialog_get_file (dialog), photo));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
    byline_image_dialog_get_field_widget (dialog, BYLINE_IMAGE_FIELD_LINK))), ==,
    "./holiday-photo.png");

  set_field (dialog, BYLINE_IMAGE_FIELD_ALT, "A blue rectangle");
  activate_insert (window, dialog);

  text = dup_text (window);
  g_assert_true (g_str_has_suffix (text,
                                   "Last paragraph.\n"
                                   "\n"
                                   "{{< image width=\"75%\"\n"
                                   "    link=\"./holiday-photo.png\"\n"
                                   "    alt=\"A blue rectangle\"\n"
                                   "    >}}"));
  g_assert_false (bundle_has (fixture, "holiday-photo-2.png"));

  destroy_window (window);
}

static void
test_drop_several (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *post_buffer = dup_post_buffer_text ();
  BylineWindow *window = open_window (fixture);
  g_autoslist(GFile) files = NULL;
  g_autofree char *before = dup_text (window);
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (byline_window_get_document (window));
  BylinePhotoSheet *sheet;
  GtkTextIter iter;

  files = g_slist_prepend (files, outside_file (fixture, "second.png"));
  files = g_slist_prepend (files, outside_file (fixture, "notes.txt"));
  files = g_slist_prepend (files, outside_file (fixture, "Holiday Photo.PNG"));

  /* Dropped on the line of the first paragraph, after "First": the
   * pictures (not the notes) open the photo sheet, in name order (they
   * have no time taken); nothing is copied yet. */
  gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, 4, 5);
  g_assert_true (byline_window_drop_images (window, files, &iter));
  byline_test_wait_for (byline_window_get_photo_sheet (window) != NULL &&
                        !byline_photo_sheet_get_loading (byline_window_get_photo_sheet (window)));
  sheet = byline_window_get_photo_sheet (window);
  g_assert_null (byline_window_get_image_dialog (window));
  g_assert_cmpuint (byline_photo_sheet_get_n_photos (sheet), ==, 2);
  g_assert_cmpstr (byline_photo_sheet_get_planned_name (sheet, 0), ==, "holiday-photo.png");
  g_assert_cmpstr (byline_photo_sheet_get_planned_name (sheet, 1), ==, "second.png");
  g_assert_false (bundle_has (fixture, "holiday-photo.png"));
  g_assert_false (text_differs (window, before));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.insert", NULL));
  byline_test_wait_for (byline_window_get_photo_sheet (window) == NULL);
  text = dup_text (window);

  g_assert_true (bundle_has (fixture, "holiday-photo.png"));
  g_assert_true (bundle_has (fixture, "second.png"));
  g_assert_false (bundle_has (fixture, "notes.txt"));
  g_assert_cmpstr (text, ==,
                   "---\n"
                   "title: \"Pictures\"\n"
                   "---\n"
                   "\n"
                   "First\n"
                   "\n"
                   "{{< image width=\"75%\"\n"
                   "    link=\"./holiday-photo.png\"\n"
                   "    >}}\n"
                   "\n"
                   "{{< image width=\"75%\"\n"
                   "    link=\"./second.png\"\n"
                   "    >}}\n"
                   "\n"
                   " paragraph.\n"
                   "\n"
                   "{{< image width=\"75%\"\n"
                   "    link=\"./keep.png\"\n"
                   "    caption=\"Kept as it is\"\n"
                   "    >}}\n"
                   "\n"
                   "Between. {{< image width=\"50%\" link=\"./old.png\" caption=\"Old caption.\" "
                   "class=\"wide\" >}} After.\n"
                   "\n"
                   "Last paragraph.");

  /* All of them in one undo step. */
  gtk_text_buffer_undo (buffer);
  g_free (text);
  text = dup_text (window);
  g_assert_cmpstr (text, ==, post_buffer);

  destroy_window (window);
}

static void
test_paste (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *post_buffer = dup_post_buffer_text ();
  BylineWindow *window = open_window (fixture);
  g_autoptr(GFile) photo = outside_file (fixture, "Holiday Photo.PNG");
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  BylineImageDialog *dialog;
  g_autofree char *link = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *bundle_listing = byline_test_list_folder (fixture->bundle);
  g_autoptr(GFile) scratch = NULL;
  GFile *file;
  int width = 0, height = 0;

  texture = gdk_texture_new_from_file (photo, &error);
  g_assert_no_error (error);

  place_cursor_after (window, "Last paragraph.");
  g_assert_true (byline_window_paste_image (window, texture));
  byline_test_wait_for (byline_window_get_image_dialog (window) != NULL);

  /* Kept as PNG outside the bundle under a generated name until Insert. */
  dialog = byline_window_get_image_dialog (window);
  file = byline_image_dialog_get_file (dialog);
  name = g_file_get_basename (file);
  g_assert_true (g_str_has_prefix (name, "pasted-image-"));
  g_assert_true (g_str_has_suffix (name, ".png"));
  g_assert_cmpuint (strlen (name), ==, strlen ("pasted-image-20240101-120000.png"));
  g_assert_false (bundle_has (fixture, name));
  g_assert_cmpstr (bundle_listing, ==, "index.md keep.png old.png");
  g_assert_true (byline_image_read_size (file, &width, &height));
  g_assert_cmpint (width, ==, 64);
  g_assert_cmpint (height, ==, 36);

  link = g_strconcat ("./", name, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
    byline_image_dialog_get_field_widget (dialog, BYLINE_IMAGE_FIELD_LINK))), ==, link);

  set_field (dialog, BYLINE_IMAGE_FIELD_CAPTION, "A screenshot");
  scratch = g_file_get_parent (file);
  activate_insert (window, dialog);
  g_assert_true (bundle_has (fixture, name));
  /* The temporary copy went with the dialog. */
  g_assert_false (g_file_query_exists (scratch, NULL));

  text = dup_text (window);
  expected = g_strdup_printf ("%s\n\n"
                              "{{< image width=\"75%%\"\n"
                              "    link=\"%s\"\n"
                              "    caption=\"A screenshot\"\n"
                              "    >}}", post_buffer, link);
  g_assert_cmpstr (text, ==, expected);

  destroy_window (window);
}

/* Issue 12, bug 3: Cancel on a pasted picture leaves nothing behind. */
static void
test_paste_cancel (Fixture       *fixture,
                   gconstpointer  data)
{
  BylineWindow *window = open_window (fixture);
  g_autoptr(GFile) photo = outside_file (fixture, "Holiday Photo.PNG");
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = byline_test_list_folder (fixture->bundle);
  g_autofree char *text_before = dup_text (window);
  g_autofree char *after = NULL;
  g_autoptr(GFile) scratch = NULL;
  BylineImageDialog *dialog;

  texture = gdk_texture_new_from_file (photo, &error);
  g_assert_no_error (error);

  g_assert_true (byline_window_paste_image (window, texture));
  byline_test_wait_for (byline_window_get_image_dialog (window) != NULL);
  dialog = byline_window_get_image_dialog (window);
  scratch = g_file_get_parent (byline_image_dialog_get_file (dialog));
  g_assert_true (g_file_query_exists (scratch, NULL));

  /* Cancel is the dialog's window.close. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  byline_test_wait_for (byline_window_get_image_dialog (window) == NULL);

  after = byline_test_list_folder (fixture->bundle);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (after, ==, "index.md keep.png old.png");
  g_assert_false (g_file_query_exists (scratch, NULL));
  g_assert_false (text_differs (window, text_before));

  destroy_window (window);
}

/* Issue 12, bug 12: a picture that is not there cannot be read, wherever
 * it was meant to come from. */
static void
test_missing_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->bundle);
  g_autoptr(GFile) missing = outside_file (fixture, "gone.jpg");
  g_autofree char *path = g_file_get_path (missing);
  g_autofree char *expected = g_strdup_printf ("Cannot read the file “%s”: it does not exist",
                                               path);
  BylineImageDialog *dialog = byline_image_dialog_new (profile, folder);
  GtkWidget *link = byline_image_dialog_get_field_widget (dialog, BYLINE_IMAGE_FIELD_LINK);
  GtkLabel *link_message = byline_image_dialog_get_field_message (dialog, BYLINE_IMAGE_FIELD_LINK);
  guint inserts = 0;

  g_signal_connect (dialog, "insert", G_CALLBACK (count_cb), &inserts);
  byline_image_dialog_set_file (dialog, missing);
  g_assert_true (byline_image_dialog_has_errors (dialog));
  g_assert_true (gtk_widget_has_css_class (link, "error"));
  g_assert_cmpstr (gtk_label_get_label (link_message), ==, expected);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "image.insert", NULL);
  g_assert_cmpuint (inserts, ==, 0);

  destroy_dialog (dialog);
}

/* Issue 12's finding: "%2fetc%2fpasswd" is /etc/passwd once decoded. The
 * dialog refuses it, typed alone or as the name of a picture's copy, and
 * nothing is copied into the bundle. */
static void
test_escaping_link (Fixture       *fixture,
                    gconstpointer  data)
{
  BylineWindow *window = open_window (fixture);
  g_autoptr(GFile) photo = outside_file (fixture, "Holiday Photo.PNG");
  g_autofree char *before = byline_test_list_folder (fixture->bundle);
  g_autofree char *text_before = dup_text (window);
  g_autofree char *after = NULL;
  BylineImageDialog *dialog;
  GtkWidget *link;
  GtkLabel *link_message;

  place_cursor_after (window, "First paragraph.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.insert-image", NULL));
  dialog = byline_window_get_image_dialog (window);
  link = byline_image_dialog_get_field_widget (dialog, BYLINE_IMAGE_FIELD_LINK);
  link_message = byline_image_dialog_get_field_message (dialog, BYLINE_IMAGE_FIELD_LINK);
  set_field (dialog, BYLINE_IMAGE_FIELD_CAPTION, "Passwords");
  set_field (dialog, BYLINE_IMAGE_FIELD_ALT, "A file");

  /* Typed as the link: no file is resolved from it. */
  gtk_editable_set_text (GTK_EDITABLE (link), "%2fetc%2fpasswd");
  g_assert_null (byline_image_dialog_get_file (dialog));
  g_assert_true (byline_image_dialog_has_errors (dialog));
  g_assert_true (gtk_widget_has_css_class (link, "error"));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (link_message),
                                   "“%2fetc%2fpasswd” leads out of the post’s folder once "
                                   "decoded (“/etc/passwd”): link a picture in the folder"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "image.insert", NULL);
  g_assert_true (byline_window_get_image_dialog (window) == dialog);

  /* As the name a chosen picture's copy would get. */
  byline_image_dialog_set_file (dialog, photo);
  g_assert_false (byline_image_dialog_has_errors (dialog));
  gtk_editable_set_text (GTK_EDITABLE (link), "%2fetc%2fpasswd");
  g_assert_true (byline_image_dialog_has_errors (dialog));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (link_message),
                                   "“%2fetc%2fpasswd” leads out of the post’s folder once "
                                   "decoded (“/etc/passwd”): link a picture in the folder"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "image.insert", NULL);
  byline_test_wait_msec (200);

  /* Still open, nothing written, nothing copied. */
  g_assert_true (byline_window_get_image_dialog (window) == dialog);
  after = byline_test_list_folder (fixture->bundle);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (text_differs (window, text_before));

  destroy_dialog (dialog);
  destroy_window (window);
}

/* One picture goes through the same import as many: a phone's photo,
 * stored sideways with its location, comes into the bundle upright, at
 * the site's width and without GPS tags (read by exiftool), under the
 * name Link gives it; the camera's file is untouched. */
static void
test_import_one (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *source = g_build_filename (fixture->outside, "IMG_2041.JPG", NULL);
  g_autofree char *copy = g_build_filename (fixture->bundle, "stage.jpg", NULL);
  g_autofree char *profile = g_build_filename (fixture->root, ".byline.yml", NULL);
  g_autoptr(GdkPixbuf) drawn = byline_test_draw_photo (800, 600, 6, FALSE);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoslist(GFile) files = NULL;
  g_autofree char *gps = NULL;
  g_autofree char *orientation = NULL;
  g_autofree char *text = NULL;
  BylineImageDialog *dialog;
  BylineWindow *window;
  GtkTextIter iter;

  g_assert_true (g_file_set_contents (profile, "extends: istio\nsite:\n  image_max_width: 300\n",
                                      -1, NULL));
  byline_test_save_photo (drawn, source, "jpeg");
  byline_test_tag_photo (source, 6, "2024:06:15 13:00:00");
  original = byline_test_read_path_bytes (source);

  window = open_window (fixture);
  files = g_slist_prepend (files, g_file_new_for_path (source));
  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (byline_window_get_document (window)), &iter);
  g_assert_true (byline_window_drop_images (window, files, &iter));
  byline_test_wait_for (byline_window_get_image_dialog (window) != NULL);
  dialog = byline_window_get_image_dialog (window);

  /* The ratio is the upright copy's, and the dialog says what the copy
   * will be. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
    byline_image_dialog_get_field_widget (dialog, BYLINE_IMAGE_FIELD_RATIO))), ==, "75%");
  set_field (dialog, BYLINE_IMAGE_FIELD_LINK, "./stage.jpg");
  set_field (dialog, BYLINE_IMAGE_FIELD_ALT, "A stage");
  activate_insert (window, dialog);

  pixbuf = gdk_pixbuf_new_from_file (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 300);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 225);
  g_assert_true (byline_test_looks_upright (pixbuf));
  gps = byline_test_gps_tags (copy);
  g_assert_cmpstr (gps, ==, "");
  orientation = byline_test_exiftool ("-s", "-s", "-s", "-Orientation", copy, NULL);
  g_assert_cmpstr (orientation, ==, "");
  after = byline_test_read_path_bytes (source);
  g_assert_true (g_bytes_equal (original, after));

  text = dup_text (window);
  g_assert_true (g_str_has_suffix (text,
                                   "Last paragraph.\n"
                                   "\n"
                                   "{{< image width=\"75%\"\n"
                                   "    link=\"./stage.jpg\"\n"
                                   "    alt=\"A stage\"\n"
                                   "    >}}"));
  destroy_window (window);
}

/* Several pictures chosen in the dialog's file chooser go to the sheet. */
static void
test_chooser_several (Fixture       *fixture,
                      gconstpointer  data)
{
  BylineWindow *window = open_window (fixture);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) first = outside_file (fixture, "second.png");
  g_autoptr(GFile) second = outside_file (fixture, "Holiday Photo.PNG");
  BylineImageDialog *dialog;
  BylinePhotoSheet *sheet;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.insert-image", NULL));
  dialog = byline_window_get_image_dialog (window);
  g_list_store_append (files, first);
  g_list_store_append (files, second);
  g_signal_emit_by_name (dialog, "add-photos", files);

  g_assert_null (byline_window_get_image_dialog (window));
  sheet = byline_window_get_photo_sheet (window);
  g_assert_nonnull (sheet);
  byline_test_wait_for (!byline_photo_sheet_get_loading (sheet));
  g_assert_cmpuint (byline_photo_sheet_get_n_photos (sheet), ==, 2);
  g_assert_cmpstr (byline_photo_sheet_get_planned_name (sheet, 0), ==, "holiday-photo.png");
  g_assert_cmpstr (byline_photo_sheet_get_planned_name (sheet, 1), ==, "second.png");

  byline_test_destroy_window (GTK_WINDOW (sheet));
  destroy_window (window);
}

static void
test_unsaved_post (void)
{
  BylineWindow *window = byline_window_new (GTK_APPLICATION (app));
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 4, 4);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoslist(GFile) files = NULL;
  GtkTextIter iter;
  GtkWidget *widget = GTK_WIDGET (window);

  gdk_pixbuf_fill (pixbuf, 0);
  texture = gdk_texture_new_for_pixbuf (pixbuf);
  files = g_slist_prepend (files, g_file_new_for_path (tmpdir));
  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (byline_window_get_document (window)), &iter);

  /* Without a folder there is nowhere to put pictures: a toast says so. */
  g_assert_false (byline_window_drop_images (window, files, &iter));
  g_assert_false (byline_window_paste_image (window, texture));
  g_assert_true (gtk_widget_activate_action (widget, "win.insert-image", NULL));
  g_assert_null (byline_window_get_image_dialog (window));

  byline_test_destroy_window (GTK_WINDOW (window));
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

  g_test_add_func ("/gui/image-dialog/accessible-names", test_accessible_names);
  g_test_add ("/gui/image-dialog/validation", Fixture, NULL,
              fixture_setup, test_validation, fixture_teardown);
  g_test_add ("/gui/image-dialog/edit-replaces-span", Fixture, NULL,
              fixture_setup, test_edit_replaces_span, fixture_teardown);
  g_test_add ("/gui/image-dialog/insert-copies-one-undo", Fixture, NULL,
              fixture_setup, test_insert_copies_one_undo, fixture_teardown);
  g_test_add ("/gui/image-dialog/drop/one", Fixture, NULL,
              fixture_setup, test_drop_one, fixture_teardown);
  g_test_add ("/gui/image-dialog/drop/several", Fixture, NULL,
              fixture_setup, test_drop_several, fixture_teardown);
  g_test_add ("/gui/image-dialog/paste", Fixture, NULL,
              fixture_setup, test_paste, fixture_teardown);
  g_test_add ("/gui/image-dialog/paste-cancel", Fixture, NULL,
              fixture_setup, test_paste_cancel, fixture_teardown);
  g_test_add ("/gui/image-dialog/missing-file", Fixture, NULL,
              fixture_setup, test_missing_file, fixture_teardown);
  g_test_add ("/gui/image-dialog/escaping-link", Fixture, NULL,
              fixture_setup, test_escaping_link, fixture_teardown);
  g_test_add ("/gui/image-dialog/chooser-several", Fixture, NULL,
              fixture_setup, test_chooser_several, fixture_teardown);
  if (byline_test_have_exiftool ())
    g_test_add ("/gui/image-dialog/import-one", Fixture, NULL,
                fixture_setup, test_import_one, fixture_teardown);
  else
    g_test_add_func ("/gui/image-dialog/exiftool", byline_test_skip_without_exiftool);
  g_test_add_func ("/gui/image-dialog/unsaved-post", test_unsaved_post);

  ret = g_test_run ();

  g_clear_object (&app);
  byline_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return ret;
}
