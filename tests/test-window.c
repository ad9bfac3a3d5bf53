/* test-window.c — BylineWindow: title, modified mark, preview toggle, closing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-application.h"
#include "byline-editor.h"
#include "byline-preview.h"
#include "byline-search-bar.h"
#include "byline-window.h"

#include "byline-test-window.h"

static char *tmpdir;
static BylineApplication *app;

static BylineWindow *
open_window (const char *fixture,
             GFile     **file_out)
{
  g_autoptr(GFile) file = byline_test_copy_fixture (fixture, tmpdir);
  BylineWindow *window = byline_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  byline_window_load (window, file);
  byline_test_wait_for (byline_document_get_file (byline_window_get_document (window)) != NULL);

  if (file_out != NULL)
    *file_out = g_steal_pointer (&file);

  return window;
}

static void
test_title (void)
{
  g_autoptr(GFile) file = NULL;
  BylineWindow *window = open_window ("post-lf.md", &file);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *folder_path = g_file_get_path (folder);
  const char *home = g_get_home_dir ();
  GtkTextIter iter;

  g_assert_cmpstr (byline_window_get_title_text (window), ==, "A Fixture Post");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "A Fixture Post");
  /* The subtitle says which profile checks the post (the test folder's
   * .byline.yml extends the istio.io preset), then the post's folder. */
  if (!g_str_has_prefix (folder_path, home))
    {
      g_autofree char *expected = g_strdup_printf ("istio.io blog · istio.io preset — %s",
                                                   folder_path);

      g_assert_cmpstr (byline_window_get_subtitle_text (window), ==, expected);
    }
  g_assert_false (byline_window_is_empty (window));

  /* An edit marks the title; the title follows the front matter. */
  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (byline_window_get_document (window)), &iter);
  gtk_text_iter_forward_lines (&iter, 1);
  gtk_text_iter_forward_chars (&iter, (int) strlen ("title: \"A"));
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (byline_window_get_document (window)), &iter,
                          "n Edited", -1);
  g_assert_cmpstr (byline_window_get_title_text (window), ==, "• A Fixture Post");
  byline_test_wait_for (g_strcmp0 (byline_window_get_title_text (window),
                                   "• An Edited Fixture Post") == 0);

  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (byline_window_get_document (window)), FALSE);
  g_assert_cmpstr (byline_window_get_title_text (window), ==, "An Edited Fixture Post");

  byline_test_destroy_window (GTK_WINDOW (window));
}

/* A post of a Hugo site without a .byline.yml is checked against the Hugo
 * profile learned from the site, and the subtitle says so. */
static void
test_title_learned_site (void)
{
  g_autofree char *site = g_build_filename (tmpdir, "learned-site", NULL);
  g_autofree char *git = g_build_filename (site, ".git", NULL);
  g_autofree char *post_path = g_build_filename (site, "content", "blog", "b.md", NULL);
  g_autofree char *folder = g_path_get_dirname (post_path);
  g_autofree char *expected = NULL;
  g_autoptr(GFile) post = g_file_new_for_path (post_path);
  BylineWindow *window = byline_window_new (GTK_APPLICATION (app));

  g_mkdir_with_parents (git, 0700);
  byline_test_write_file (site, "hugo.toml", "baseURL = 'https://example.org/'\n"
                          "title = 'Example Site'\n", -1);
  byline_test_write_file (site, "content/blog/a.md", "+++\ntitle = 'A'\n+++\nA.\n", -1);
  byline_test_write_file (site, "content/blog/b.md", "+++\ntitle = 'B'\n+++\nB.\n", -1);

  gtk_window_present (GTK_WINDOW (window));
  byline_window_load (window, post);
  byline_test_wait_for (byline_document_get_file (byline_window_get_document (window)) != NULL);

  expected = g_strdup_printf ("Example Site · Hugo profile learned from the site — %s", folder);
  if (!g_str_has_prefix (folder, g_get_home_dir ()))
    g_assert_cmpstr (byline_window_get_subtitle_text (window), ==, expected);
  g_assert_cmpstr (byline_window_get_title_text (window), ==, "B");

  byline_test_destroy_window (GTK_WINDOW (window));
}

static gboolean
is_label_with (GtkWidget     *widget,
               gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

/* Whether a label at or below @widget shows @text, or more around it. */
static gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  return byline_test_find_widget_by (widget, is_label_with, text) != NULL;
}

static void
test_empty_window (void)
{
  BylineWindow *window = byline_window_new (GTK_APPLICATION (app));
  g_autoptr(GFile) file = byline_test_copy_fixture ("invalid-utf8.md", tmpdir);
  g_autoptr(GBytes) before = byline_test_read_bytes (file);
  g_autoptr(GBytes) after = NULL;
  BylineDocument *document = byline_window_get_document (window);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (byline_window_is_empty (window));
  g_assert_cmpstr (byline_window_get_title_text (window), ==, "Byline");

  /* A file that is not UTF-8 leaves the window on its start page, with a
   * toast that says why. */
  byline_window_load (window, file);
  byline_test_wait_for (find_label (GTK_WIDGET (window), "is not valid UTF-8 text (line 5)"));

  g_assert_true (byline_window_is_empty (window));
  g_assert_null (byline_document_get_file (document));
  after = byline_test_read_bytes (file);
  g_assert_true (g_bytes_equal (before, after));

  byline_test_destroy_window (GTK_WINDOW (window));
}

static void
test_toggle_preview (void)
{
  BylineWindow *window = open_window ("post-lf.md", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  gboolean shown = FALSE;

  g_object_get (window, "show-preview", &shown, NULL);
  g_assert_true (shown);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-preview", NULL);
  g_object_get (window, "show-preview", &shown, NULL);
  g_assert_false (shown);
  g_assert_false (g_settings_get_boolean (settings, "show-preview"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-preview", NULL);
  g_object_get (window, "show-preview", &shown, NULL);
  g_assert_true (shown);
  g_assert_true (g_settings_get_boolean (settings, "show-preview"));

  byline_test_destroy_window (GTK_WINDOW (window));
}

/* Closing with unsaved changes asks first: cancel keeps the window, discard
 * closes it and leaves the file as it was. */
static void
test_close_unsaved (void)
{
  g_autoptr(GFile) file = NULL;
  BylineWindow *window = open_window ("post-lf.md", &file);
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GBytes) before = byline_test_read_bytes (file);
  g_autoptr(GBytes) after = NULL;
  GtkWindow *dialog;
  GtkTextIter iter;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &widget);

  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (byline_window_get_document (window)), &iter);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (byline_window_get_document (window)), &iter,
                          "Unsaved.", -1);

  gtk_window_close (GTK_WINDOW (window));
  dialog = byline_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Save Changes?");
  /* A button press responds and then closes the dialog; the test does both. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (dialog);
  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_get_visible (widget));

  gtk_window_close (GTK_WINDOW (window));
  dialog = byline_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  gtk_window_destroy (dialog);
  byline_test_wait_for (widget == NULL);

  after = byline_test_read_bytes (file);
  g_assert_true (g_bytes_equal (before, after));
}

/* "Save" in the unsaved-changes question saves, then closes. */
static void
test_close_save (void)
{
  g_autoptr(GFile) file = NULL;
  BylineWindow *window = open_window ("post-no-newline.md", &file);
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GBytes) after = NULL;
  GtkWindow *dialog;
  GtkTextIter iter;
  const char *expected = "---\ntitle: No Final Newline\n---\n\n"
                         "The text ends without a newline. Saved on close.";

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &widget);

  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (byline_window_get_document (window)), &iter);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (byline_window_get_document (window)), &iter,
                          " Saved on close.", -1);

  gtk_window_close (GTK_WINDOW (window));
  dialog = byline_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  gtk_window_destroy (dialog);
  byline_test_wait_for (widget == NULL);

  after = byline_test_read_bytes (file);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after),
                   expected, strlen (expected));
}

/* Reload with unsaved changes asks first: Cancel keeps them, "Discard and
 * Reload" reads the file again. Without changes it reloads at once. */
static void
test_reload_asks (void)
{
  g_autoptr(GFile) file = NULL;
  BylineWindow *window = open_window ("post-lf.md", &file);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (byline_window_get_document (window));
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *text = NULL;
  GtkWindow *dialog;
  GtkTextIter start, end;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  g_assert_null (byline_test_find_message_dialog (GTK_WINDOW (window)));
  byline_test_wait_for (!byline_document_get_busy (byline_window_get_document (window)));

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "Unsaved.", -1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  dialog = byline_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Discard Changes and Reload?");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (dialog);
  g_assert_false (byline_document_get_busy (byline_window_get_document (window)));
  g_assert_true (gtk_text_buffer_get_modified (buffer));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_true (g_str_has_suffix (text, "Unsaved."));
  g_clear_pointer (&text, g_free);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  dialog = byline_test_find_message_dialog (GTK_WINDOW (window));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "reload");
  gtk_window_destroy (dialog);
  byline_test_wait_for (!gtk_text_buffer_get_modified (buffer)
                        && !byline_document_get_busy (byline_window_get_document (window)));
  contents = byline_test_read_bytes (file);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  /* The buffer hides the file's last newline. */
  g_assert_cmpmem (text, strlen (text), g_bytes_get_data (contents, NULL),
                   g_bytes_get_size (contents) - 1);

  byline_test_destroy_window (GTK_WINDOW (window));
}

/* The main menu's item labelled @label (without its mnemonic), as its
 * popover shows it. */
static gboolean
is_menu_item (GtkWidget     *widget,
              gconstpointer  label)
{
  g_autofree char *text = NULL;

  if (!g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkModelButton"))
    return FALSE;

  g_object_get (widget, "text", &text, NULL);
  return g_strcmp0 (text, label) == 0;
}

static GtkWidget *
find_menu_item (GtkWidget  *widget,
                const char *label)
{
  return byline_test_find_widget_by (widget, is_menu_item, label);
}

static int
menu_item_role (GtkWidget *item)
{
  int role = -1;

  g_object_get (item, "role", &role, NULL);
  return role;
}

static gboolean
menu_item_active (GtkWidget *item)
{
  gboolean active = FALSE;

  g_object_get (item, "active", &active, NULL);
  return active;
}

static GtkMenuButton *
popup_main_menu (BylineWindow *window)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (byline_test_find_main_menu_button (
                                                                    GTK_WIDGET (window)));

  g_assert_nonnull (gtk_menu_button_get_menu_model (button));
  gtk_menu_button_popup (button);
  byline_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (button))));

  return button;
}

/* The main menu's Find items work (they named the editor's actions, which
 * the menu cannot reach); Show Preview shows its check mark as Sync
 * Scrolling does; the style is a choice of three. */
static void
test_main_menu (void)
{
  BylineWindow *window = open_window ("post-lf.md", NULL);
  GtkMenuButton *button = popup_main_menu (window);
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  GtkWidget *find = find_menu_item (popover, "Find…");
  GtkWidget *replace = find_menu_item (popover, "Find and Replace…");
  GtkWidget *preview = find_menu_item (popover, "Show Preview");
  GtkWidget *sync = find_menu_item (popover, "Sync Scrolling");
  GtkWidget *new_window = find_menu_item (popover, "New Window");
  GtkWidget *follow = find_menu_item (popover, "Follow System Style");
  GtkWidget *dark = find_menu_item (popover, "Dark Style");
  GtkWidget *search_bar;

  g_assert_nonnull (find);
  g_assert_nonnull (replace);
  g_assert_nonnull (preview);
  g_assert_true (gtk_widget_is_sensitive (find));
  g_assert_true (gtk_widget_is_sensitive (replace));

  g_assert_cmpint (menu_item_role (preview), ==, menu_item_role (sync));
  g_assert_cmpint (menu_item_role (preview), !=, menu_item_role (new_window));
  g_assert_true (menu_item_active (preview));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-preview", NULL);
  g_assert_false (menu_item_active (preview));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-preview", NULL);
  g_assert_true (menu_item_active (preview));

  g_assert_cmpint (menu_item_role (follow), !=, menu_item_role (sync));
  g_assert_cmpint (menu_item_role (follow), ==, menu_item_role (dark));
  g_assert_true (menu_item_active (follow));
  g_assert_false (menu_item_active (dark));

  /* Choosing Find in the menu opens the search bar. */
  gtk_widget_activate (find);
  search_bar = gtk_widget_get_parent (byline_test_find_widget (GTK_WIDGET (window),
                                                               BYLINE_TYPE_SEARCH_BAR));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (search_bar)));

  gtk_menu_button_popdown (button);
  byline_test_destroy_window (GTK_WINDOW (window));

  /* Without a post there is nothing to find. */
  window = byline_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  button = popup_main_menu (window);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  g_assert_false (gtk_widget_is_sensitive (find_menu_item (popover, "Find…")));
  g_assert_false (gtk_widget_is_sensitive (find_menu_item (popover, "Show Preview")));
  gtk_menu_button_popdown (button);
  byline_test_destroy_window (GTK_WINDOW (window));
}

/* The style choice reaches the style manager, and the editor follows it. */
static void
test_style_choice (void)
{
  BylineWindow *window = open_window ("post-lf.md", NULL);
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (byline_window_get_document (window));
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "style-variant",
                                  g_variant_new_string ("dark"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==,
                   ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style_manager));
  g_assert_cmpstr (gtk_source_style_scheme_get_id (gtk_source_buffer_get_style_scheme (buffer)),
                   ==, "Adwaita-dark");

  g_action_group_activate_action (G_ACTION_GROUP (app), "style-variant",
                                  g_variant_new_string ("light"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==,
                   ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (style_manager));
  g_assert_cmpstr (gtk_source_style_scheme_get_id (gtk_source_buffer_get_style_scheme (buffer)),
                   ==, "Adwaita");

  g_action_group_activate_action (G_ACTION_GROUP (app), "style-variant",
                                  g_variant_new_string ("follow"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==,
                   ADW_COLOR_SCHEME_DEFAULT);

  byline_test_destroy_window (GTK_WINDOW (window));
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

typedef struct
{
  gboolean  done;
  JSCValue *value;
} JsResult;

static void
evaluate_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  JsResult *r = user_data;
  g_autoptr(GError) error = NULL;

  r->value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object), result, &error);
  g_assert_no_error (error);
  r->done = TRUE;
}

/* Evaluates a boolean expression in the preview's page. */
static gboolean
preview_eval (BylinePreview *preview,
              const char    *script)
{
  JsResult r = { 0 };
  gboolean value;

  webkit_web_view_evaluate_javascript (byline_preview_get_web_view (preview), script, -1,
                                       NULL, NULL, NULL, evaluate_cb, &r);
  byline_test_wait_for (r.done);
  g_assert_true (jsc_value_is_boolean (r.value));
  value = jsc_value_to_boolean (r.value);
  g_object_unref (r.value);

  return value;
}

/* End to end: typing into the buffer reaches the preview's DOM. */
static void
test_preview_follows_edits (void)
{
  BylineWindow *window = open_window ("post-lf.md", NULL);
  BylinePreview *preview = BYLINE_PREVIEW (byline_test_find_widget (GTK_WIDGET (window),
                                                            BYLINE_TYPE_PREVIEW));
  BylineDocument *document = byline_window_get_document (window);
  guint patches = 0;
  GtkTextIter iter;

  g_signal_connect_swapped (preview, "patched", G_CALLBACK (count_cb), &patches);
  byline_test_wait_for (patches >= 1);
  g_assert_true (preview_eval (preview, "document.body.innerText.includes('last paragraph')"));
  g_assert_false (preview_eval (preview, "document.body.innerText.includes('Zebra crossing')"));

  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (document), &iter);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &iter, "\nA Zebra crossing.\n", -1);
  byline_test_wait_for (preview_eval (preview,
                                      "document.body.innerText.includes('Zebra crossing')"));

  byline_test_destroy_window (GTK_WINDOW (window));
}

static BylineWindow *
open_sample (BylineEditor  **editor,
             BylinePreview **preview)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "sample",
                                                 "index.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  BylineWindow *window = byline_window_new (GTK_APPLICATION (app));
  guint patches = 0;

  *editor = BYLINE_EDITOR (byline_test_find_widget (GTK_WIDGET (window), BYLINE_TYPE_EDITOR));
  *preview = BYLINE_PREVIEW (byline_test_find_widget (GTK_WIDGET (window), BYLINE_TYPE_PREVIEW));
  g_signal_connect_swapped (*preview, "patched", G_CALLBACK (count_cb), &patches);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  byline_window_load (window, file);
  byline_test_wait_for (patches >= 1);
  g_signal_handlers_disconnect_by_func (*preview, count_cb, &patches);

  return window;
}

/* Scrolling the preview moves the editor to the block's line; Ctrl+click
 * puts the cursor there; with scroll sync off the editor stays. */
static void
test_scroll_sync_from_preview (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  BylineEditor *editor;
  BylinePreview *preview;
  BylineWindow *window = open_sample (&editor, &preview);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (byline_window_get_document (window));
  GtkTextIter cursor;

  g_assert_cmpuint (byline_editor_get_top_line (editor), ==, 1);

  g_signal_emit_by_name (preview, "top-line-changed", 40);
  byline_test_wait_for (byline_editor_get_top_line (editor) == 40);

  g_signal_emit_by_name (preview, "line-activated", 52);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_line (&cursor), ==, 51);
  g_assert_cmpint (gtk_text_iter_get_line_offset (&cursor), ==, 0);

  /* The window ignores the preview for a moment after moving it; this
   * report comes later. */
  g_settings_set_boolean (settings, "scroll-sync", FALSE);
  g_signal_emit_by_name (preview, "top-line-changed", 10);
  g_assert_cmpuint (byline_editor_get_top_line (editor), !=, 10);
  g_settings_set_boolean (settings, "scroll-sync", TRUE);

  byline_test_destroy_window (GTK_WINDOW (window));
}

/* Scrolling the editor brings the preview along. */
static void
test_scroll_sync_from_editor (void)
{
  BylineEditor *editor;
  BylinePreview *preview;
  BylineWindow *window = open_sample (&editor, &preview);
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;

  g_assert_true (preview_eval (preview, "window.scrollY == 0"));

  scroller = GTK_SCROLLED_WINDOW (byline_test_find_widget (GTK_WIDGET (editor),
                                                   GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  byline_test_wait_for (gtk_adjustment_get_upper (adjustment)
                        > gtk_adjustment_get_page_size (adjustment) * 2);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  g_assert_cmpuint (byline_editor_get_top_line (editor), >, 1);

  byline_test_wait_for (preview_eval (preview, "window.scrollY > 0"));

  byline_test_destroy_window (GTK_WINDOW (window));
}

static GtkWindow *
find_window_showing (GFile *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    {
      GFile *shown = byline_document_get_file (byline_window_get_document (l->data));

      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }

  return NULL;
}

/* The preview shows the profile's style sheet; a link to another post opens
 * it in Byline, other links are left to the preview. */
static void
test_preview_links (void)
{
  g_autoptr(GFile) file = NULL;
  BylineWindow *window = open_window ("post-lf.md", &file);
  BylinePreview *preview = BYLINE_PREVIEW (byline_test_find_widget (GTK_WIDGET (window),
                                                            BYLINE_TYPE_PREVIEW));
  BylineProfile *profile = byline_document_get_profile (byline_window_get_document (window));
  g_autoptr(GFile) other = byline_test_copy_fixture ("post-no-newline.md", tmpdir);
  g_autofree char *other_uri = g_file_get_uri (other);
  GtkWindow *other_window = NULL;
  gboolean handled = FALSE;

  g_assert_cmpstr (byline_preview_get_stylesheet (preview), ==,
                   byline_profile_get_stylesheet (profile));

  g_signal_emit_by_name (preview, "open-uri", "https://istio.io/latest/blog/", &handled);
  g_assert_false (handled);

  g_signal_emit_by_name (preview, "open-uri", other_uri, &handled);
  g_assert_true (handled);

  byline_test_wait_for ((other_window = find_window_showing (other)) != NULL);
  g_assert_true (other_window != GTK_WINDOW (window));

  byline_test_destroy_window (other_window);
  byline_test_destroy_window (GTK_WINDOW (window));
}

static gboolean
is_revealer_with_label (GtkWidget     *widget,
                        gconstpointer  text)
{
  return GTK_IS_REVEALER (widget) && find_label (widget, text);
}

static GtkWidget *
find_revealer_with_label (GtkWidget  *widget,
                          const char *text)
{
  return byline_test_find_widget_by (widget, is_revealer_with_label, text);
}

/* A broken .byline.yml keeps a banner in view for as long as it is broken:
 * the file and line, what the post is checked with meanwhile, and a way to
 * open the file. */
static void
test_profile_banner (void)
{
  g_autofree char *site = g_build_filename (tmpdir, "broken-site", NULL);
  g_autofree char *git = g_build_filename (site, ".git", NULL);
  g_autofree char *bundle = g_build_filename (site, "post", NULL);
  g_autofree char *profile = g_build_filename (site, ".byline.yml", NULL);
  g_autofree char *where = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  BylineWindow *window = byline_window_new (GTK_APPLICATION (app));
  BylineDocument *document = byline_window_get_document (window);
  GtkWidget *banner;
  GtkWidget *open_button;

  g_assert_cmpint (g_mkdir_with_parents (git, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (bundle, 0700), ==, 0);
  g_file_set_contents (profile, "name: Site\nrules:\n  markdown/h1: [warning\n", -1, &error);
  g_assert_no_error (error);
  file = byline_test_copy_fixture ("post-lf.md", bundle);

  gtk_window_present (GTK_WINDOW (window));
  byline_window_load (window, file);
  byline_test_wait_for (byline_document_get_file (document) != NULL);

  /* The line where the unclosed [ opens, not the end of the file. */
  where = g_strdup_printf ("%s:3:", profile);
  banner = find_revealer_with_label (GTK_WIDGET (window), where);
  g_assert_nonnull (banner);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_true (find_label (banner, "checked with the “istio.io blog” profile"));
  /* The button follows its action: enabled while there is a file to open. */
  open_button = byline_test_find_widget (banner, GTK_TYPE_BUTTON);
  g_assert_nonnull (open_button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (open_button)), ==, "_Open Profile");
  g_assert_true (gtk_widget_is_sensitive (open_button));

  /* Still there a while later: it is no toast. */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

  /* Mended, it goes. */
  g_file_set_contents (profile, "name: Site\n", -1, &error);
  g_assert_no_error (error);
  byline_test_wait_for (!gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_null (byline_document_get_profile_error (document));

  byline_test_destroy_window (GTK_WINDOW (window));
}

typedef struct
{
  gint64   opened;
  gint64   shown_after;   /* µs from opening */
  gboolean shown;
  gboolean busy;
  int      n_chars;
} ShownState;

static void
window_shown_cb (GtkWidget  *window,
                 GParamSpec *pspec,
                 ShownState *state)
{
  BylineDocument *document = byline_window_get_document (BYLINE_WINDOW (window));

  if (!gtk_widget_get_visible (window) || state->shown)
    return;
  state->shown = TRUE;
  state->shown_after = g_get_monotonic_time () - state->opened;
  state->busy = byline_document_get_busy (document);
  state->n_chars = gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (document));
}

static BylineWindow *
open_from_application (const char *fixture,
                       ShownState *state)
{
  g_autoptr(GFile) file = byline_test_copy_fixture_apart (fixture, tmpdir);
  GtkWidget *window;

  state->opened = g_get_monotonic_time ();
  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = gtk_application_get_windows (GTK_APPLICATION (app))->data;
  g_signal_connect (window, "notify::visible", G_CALLBACK (window_shown_cb), state);

  /* Still reading the post: not shown yet. */
  g_assert_true (byline_document_get_busy (byline_window_get_document (BYLINE_WINDOW (window))));
  g_assert_false (gtk_widget_get_visible (window));
  byline_test_wait_for (state->shown);

  return BYLINE_WINDOW (window);
}

/* The shortcuts window is built when it is first asked for, and then
 * kept: no window pays for it before. In a process of its own: GTK 4.8
 * leaves a dangling pointer behind once a shortcuts window has been shown
 * and its window destroyed (with the shortcuts window GtkApplication used
 * to build as well), which the next window trips over. */
static void
test_shortcuts_window_on_demand (void)
{
  BylineWindow *window;
  GtkShortcutsWindow *shortcuts;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  window = open_window ("post-lf.md", NULL);
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  shortcuts = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (shortcuts)) == GTK_WINDOW (window));

  gtk_widget_set_visible (GTK_WIDGET (shortcuts), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))
                 == shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
}

/* Shown with its post loaded, or (a machine so slow that reading the post
 * took longer) once 300 ms have passed. */
static void
assert_shown_when_loaded (const ShownState *state)
{
  if (state->busy)
    g_assert_cmpint (state->shown_after, >=, 300 * G_TIME_SPAN_MILLISECOND);
}

/* A window opened on a post shows once the post is in its editor, so that
 * its first frame shows the post rather than an empty editor. */
static void
test_open_shows_post (void)
{
  ShownState state = { 0 };
  BylineWindow *window = open_from_application ("post-lf.md", &state);

  assert_shown_when_loaded (&state);
  if (!state.busy)
    g_assert_cmpint (state.n_chars, >, 0);
  byline_test_wait_for (!byline_document_get_busy (byline_window_get_document (window)));
  g_assert_cmpstr (byline_window_get_title_text (window), ==, "A Fixture Post");
  byline_test_close_window (window);
}

/* A post that cannot be opened still shows its window, with the reason. */
static void
test_open_shows_failure (void)
{
  ShownState state = { 0 };
  BylineWindow *window = open_from_application ("invalid-utf8.md", &state);

  assert_shown_when_loaded (&state);
  byline_test_wait_for (find_label (GTK_WIDGET (window), "is not valid UTF-8 text (line 5)"));
  g_assert_cmpint (gtk_text_buffer_get_char_count (
                     GTK_TEXT_BUFFER (byline_window_get_document (window))), ==, 0);
  byline_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!byline_test_gui_init (&argc, &argv, &tmpdir))
    return 0;

  app = byline_test_application_new ();

  g_test_add_func ("/gui/window/title", test_title);
  g_test_add_func ("/gui/window/title/learned-site", test_title_learned_site);
  g_test_add_func ("/gui/window/empty", test_empty_window);
  g_test_add_func ("/gui/window/open/shows-post", test_open_shows_post);
  g_test_add_func ("/gui/window/open/shows-failure", test_open_shows_failure);
  g_test_add_func ("/gui/window/shortcuts-window/on-demand", test_shortcuts_window_on_demand);
  g_test_add_func ("/gui/window/toggle-preview", test_toggle_preview);
  g_test_add_func ("/gui/window/close/unsaved", test_close_unsaved);
  g_test_add_func ("/gui/window/close/save", test_close_save);
  g_test_add_func ("/gui/window/reload/asks", test_reload_asks);
  g_test_add_func ("/gui/window/main-menu", test_main_menu);
  g_test_add_func ("/gui/window/style-choice", test_style_choice);
  g_test_add_func ("/gui/window/preview/follows-edits", test_preview_follows_edits);
  g_test_add_func ("/gui/window/preview/links", test_preview_links);
  g_test_add_func ("/gui/window/scroll-sync/from-preview", test_scroll_sync_from_preview);
  g_test_add_func ("/gui/window/scroll-sync/from-editor", test_scroll_sync_from_editor);
  g_test_add_func ("/gui/window/profile-banner", test_profile_banner);

  ret = g_test_run ();

  g_clear_object (&app);
  byline_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return ret;
}
