/* test-preview-pane.c — BylinePreviewPane: the preview's library loads after
 * the first frame, the pane hands over what it kept, and covers the preview
 * until it has painted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This program does not link the preview's library, as Byline does not: the
 * pane loads it (BYLINE_PREVIEW_LIBRARY, set by meson) and the preview is
 * reached through its properties and signals only.
 */

#include "config.h"

#include "byline-preview-pane.h"
#include "byline-renderer.h"

#include "byline-test-gui.h"

typedef struct
{
  guint   top_line;
  guint   activated_line;
  char   *opened_uri;
} Relayed;

static char *tmpdir;

static BylineRendering *
render (const char *text)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(BylineRenderer) renderer = byline_renderer_new (profile, NULL);
  g_autoptr(BylinePost) post = byline_post_new (text, -1);

  return byline_renderer_render (renderer, post);
}

static GtkWidget *
cover_of (BylinePreviewPane *pane)
{
  /* The cover is the pane's last child, above the preview. */
  return gtk_widget_get_last_child (GTK_WIDGET (pane));
}

static gboolean
get_boolean (GObject    *object,
             const char *name)
{
  gboolean value = FALSE;

  g_object_get (object, name, &value, NULL);
  return value;
}

/* Everything the window says before the library is there reaches the
 * preview once it is; the pane looks empty until the preview has painted,
 * and a pane that has not been shown never loads the library. */
static void
test_hands_over (void)
{
  GtkWidget *window = gtk_window_new ();
  BylinePreviewPane *pane = BYLINE_PREVIEW_PANE (byline_preview_pane_new ());
  g_autoptr(GFile) folder = g_file_new_for_path (tmpdir);
  g_autoptr(GFile) preview_folder = NULL;
  g_autoptr(BylineRendering) rendering = render ("# Handed over\n\nA paragraph.\n");
  g_autofree char *stylesheet = NULL;
  GtkWidget *preview;

  gtk_window_set_default_size (GTK_WINDOW (window), 600, 400);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (pane));

  byline_preview_pane_set_stylesheet (pane, "body { color: rgb(1, 2, 3); }");
  byline_preview_pane_set_load_remote_images (pane, TRUE);
  byline_preview_pane_set_folder (pane, folder);
  byline_preview_pane_update (pane, rendering);
  byline_preview_pane_scroll_to_line (pane, 3);

  byline_test_wait_msec (300);
  g_assert_null (byline_preview_pane_get_preview (pane));
  g_assert_false (byline_preview_pane_get_painted (pane));
  g_assert_true (gtk_widget_get_visible (cover_of (pane)));

  gtk_window_present (GTK_WINDOW (window));
  byline_test_wait_for (byline_preview_pane_get_preview (pane) != NULL);
  preview = byline_preview_pane_get_preview (pane);
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (preview), ==, "BylinePreview");
  g_assert_true (gtk_widget_get_parent (preview) == GTK_WIDGET (pane));

  g_object_get (preview, "folder", &preview_folder, "stylesheet", &stylesheet, NULL);
  g_assert_true (g_file_equal (preview_folder, folder));
  g_assert_cmpstr (stylesheet, ==, "body { color: rgb(1, 2, 3); }");
  g_assert_true (get_boolean (G_OBJECT (preview), "load-remote-images"));

  /* Covered until the page has painted the rendering it was handed. */
  g_assert_true (gtk_widget_get_visible (cover_of (pane)) ==
                 !get_boolean (G_OBJECT (preview), "painted"));
  byline_test_wait_for (byline_preview_pane_get_painted (pane));
  g_assert_true (get_boolean (G_OBJECT (preview), "painted"));
  g_assert_false (gtk_widget_get_visible (cover_of (pane)));

  /* Later calls go straight through. */
  byline_preview_pane_set_stylesheet (pane, "p { margin: 0; }");
  g_object_get (preview, "stylesheet", &stylesheet, NULL);
  g_assert_cmpstr (stylesheet, ==, "p { margin: 0; }");

  byline_test_destroy_window (GTK_WINDOW (window));
}

static void
top_line_changed_cb (BylinePreviewPane *pane,
                     guint              line,
                     Relayed           *relayed)
{
  relayed->top_line = line;
}

static void
line_activated_cb (BylinePreviewPane *pane,
                   guint              line,
                   Relayed           *relayed)
{
  relayed->activated_line = line;
}

static gboolean
open_uri_cb (BylinePreviewPane *pane,
             const char        *uri,
             Relayed           *relayed)
{
  g_free (relayed->opened_uri);
  relayed->opened_uri = g_strdup (uri);
  return TRUE;
}

/* The window listens to the pane; the pane passes the preview's signals on,
 * and the answer to "open-uri" back. */
static void
test_signals (void)
{
  GtkWidget *window = gtk_window_new ();
  BylinePreviewPane *pane = BYLINE_PREVIEW_PANE (byline_preview_pane_new ());
  Relayed relayed = { 0 };
  gboolean handled = FALSE;
  GtkWidget *preview;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (pane));
  gtk_window_present (GTK_WINDOW (window));
  byline_test_wait_for (byline_preview_pane_get_preview (pane) != NULL);
  preview = byline_preview_pane_get_preview (pane);

  g_signal_connect (pane, "top-line-changed", G_CALLBACK (top_line_changed_cb), &relayed);
  g_signal_connect (pane, "line-activated", G_CALLBACK (line_activated_cb), &relayed);
  g_signal_connect (pane, "open-uri", G_CALLBACK (open_uri_cb), &relayed);

  g_signal_emit_by_name (preview, "top-line-changed", 12);
  g_signal_emit_by_name (preview, "line-activated", 34);
  g_signal_emit_by_name (preview, "open-uri", "https://example.com/", &handled);

  g_assert_cmpuint (relayed.top_line, ==, 12);
  g_assert_cmpuint (relayed.activated_line, ==, 34);
  g_assert_cmpstr (relayed.opened_uri, ==, "https://example.com/");
  g_assert_true (handled);

  g_free (relayed.opened_uri);
  byline_test_destroy_window (GTK_WINDOW (window));
}

/* Without its library the preview cannot start: the pane says so where the
 * preview would be, and the rest of the window goes on. */
static void
test_missing_library (void)
{
  if (g_test_subprocess ())
    {
      GtkWidget *window = gtk_window_new ();
      BylinePreviewPane *pane;
      GtkWidget *label;

      g_setenv ("BYLINE_PREVIEW_LIBRARY", "/nonexistent/libbyline-preview.so", TRUE);
      pane = BYLINE_PREVIEW_PANE (byline_preview_pane_new ());
      gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (pane));
      g_test_expect_message ("byline-preview", G_LOG_LEVEL_WARNING,
                             "The preview cannot start: *nonexistent*");
      gtk_window_present (GTK_WINDOW (window));
      byline_test_wait_for (adw_bin_get_child (ADW_BIN (cover_of (pane))) != NULL);
      g_test_assert_expected_messages ();

      label = adw_bin_get_child (ADW_BIN (cover_of (pane)));
      g_assert_true (GTK_IS_LABEL (label));
      g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (label)),
                                       "The preview cannot start: "));
      g_assert_null (byline_preview_pane_get_preview (pane));
      g_assert_true (gtk_widget_get_visible (cover_of (pane)));
      byline_test_destroy_window (GTK_WINDOW (window));
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!byline_test_gui_init (&argc, &argv, &tmpdir))
    return 0;
  if (g_getenv ("BYLINE_PREVIEW_LIBRARY") == NULL)
    {
      g_print ("1..0 # SKIP BYLINE_PREVIEW_LIBRARY is not set: run the tests with meson\n");
      return 0;
    }

  g_test_add_func ("/gui/preview-pane/hands-over", test_hands_over);
  g_test_add_func ("/gui/preview-pane/signals", test_signals);
  g_test_add_func ("/gui/preview-pane/missing-library", test_missing_library);

  status = g_test_run ();
  byline_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
