/* test-warnings.c — normal use prints nothing on the terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the window through what a writer does — open a post, the form and
 * its date popover, the main menu, search, the problems, the shortcuts
 * window, the dialogs, a draft's changes — drawing real frames at each
 * step and letting the cursors blink, with warnings fatal (G_DEBUG=
 * fatal-warnings, as every test here runs) and every other message caught:
 * any GTK, GLib or Byline message fails the test. It found the shortcuts
 * window's page switcher, whose labels GTK 4.8 measured at -3 pixels.
 */

#include "config.h"

#include "byline-draft.h"
#include "byline-preferences-window.h"

#include "byline-test-window.h"

static char *tmpdir;
static BylineApplication *app;
static GPtrArray *messages;

/* Messages the terminal would show (warnings, criticals, messages) are
 * recorded; warnings and criticals still abort after that, from GLib's own
 * fatal mask. */
static GLogWriterOutput
writer_cb (GLogLevelFlags   level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  const char *domain = "", *message = "";

  if ((level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING
                | G_LOG_LEVEL_MESSAGE)) == 0)
    return g_log_writer_default (level, fields, n_fields, user_data);

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN") && fields[i].length < 0)
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
        message = fields[i].value;
    }

  g_ptr_array_add (messages, g_strdup_printf ("%s: %s", domain, message));

  return g_log_writer_default (level, fields, n_fields, user_data);
}

typedef struct
{
  guint painted;
} Frames;

static void
after_paint_cb (GdkFrameClock *clock,
                Frames        *frames)
{
  frames->painted++;
}

/* Draws @n frames of @widget's window, and lets @msec pass at least: the
 * snapshots happen, and the cursor blinks. */
static void
draw (GtkWidget *widget,
      guint      n,
      guint      msec)
{
  GdkFrameClock *clock;
  Frames frames = { 0 };
  gint64 until = g_get_monotonic_time () + (gint64) msec * G_TIME_SPAN_MILLISECOND;
  gulong handler;

  byline_test_wait_for (gtk_widget_get_mapped (widget));
  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frames);

  while (frames.painted < n || g_get_monotonic_time () < until)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }

  g_signal_handler_disconnect (clock, handler);
}

static gboolean
is_entry_row (GtkWidget     *widget,
              gconstpointer  data)
{
  return ADW_IS_ENTRY_ROW (widget);
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static void
assert_quiet (const char *step)
{
  g_test_message ("%s", step);

  if (messages->len > 0)
    g_error ("“%s” printed: %s", step, (const char *) g_ptr_array_index (messages, 0));
}

static void
test_normal_use (void)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "sample",
                                                   "index.md", NULL);
  g_autofree char *dir = g_build_filename (tmpdir, "post", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (dir, "index.md", NULL);
  g_autoptr(GFile) file = NULL;
  BylineWindow *window;
  BylineDocument *document;
  GtkWidget *widget, *calendar_button, *menu_button;
  GtkWindow *dialog;
  GtkTextIter start, end;

  /* The sample post, beside its pictures' names, with a draft. */
  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_get_contents (sample, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  file = g_file_new_for_path (path);
  {
    g_autofree char *base = byline_draft_checksum (contents, strlen (contents) - 1);
    g_autofree char *draft = g_strconcat (contents, "A draft's paragraph.", NULL);

    byline_draft_store_save_async (byline_draft_store_get_default (), file, draft, -1, base,
                                   NULL, NULL, NULL);
    while (!byline_draft_store_has_draft (byline_draft_store_get_default (), file))
      g_main_context_iteration (NULL, FALSE);
  }

  window = byline_window_new (GTK_APPLICATION (app));
  widget = GTK_WIDGET (window);
  document = byline_window_get_document (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  draw (widget, 3, 0);
  assert_quiet ("the start page");

  byline_window_load (window, file);
  byline_test_wait_for (byline_document_get_file (document) != NULL
                        && !byline_document_get_busy (document));
  draw (widget, 5, 500);
  assert_quiet ("opening the post");

  /* The form and its date popover: open, pick a day, closed. */
  gtk_widget_activate_action (widget, "win.show-sidebar", NULL);
  draw (widget, 5, 300);
  calendar_button = byline_test_find_widget_by (widget, has_tooltip, "Choose the Publish date");
  g_assert_nonnull (calendar_button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (calendar_button));
  draw (widget, 5, 300);
  {
    GtkWidget *calendar = byline_test_find_widget (
      GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (calendar_button))),
      GTK_TYPE_CALENDAR);
    g_autoptr(GDateTime) day = g_date_time_new_local (2026, 10, 21, 0, 0, 0);

    gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
    g_signal_emit_by_name (calendar, "day-selected");
  }
  draw (widget, 5, 300);
  gtk_menu_button_popup (GTK_MENU_BUTTON (calendar_button));
  draw (widget, 3, 100);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (calendar_button));
  draw (widget, 5, 300);
  assert_quiet ("the form's date popover");

  /* Typing in the form's title, with the cursor blinking. */
  widget = byline_test_find_widget_by (GTK_WIDGET (window), is_entry_row, NULL);
  g_assert_nonnull (widget);
  gtk_widget_grab_focus (widget);
  draw (GTK_WIDGET (window), 3, 1500);
  widget = GTK_WIDGET (window);
  assert_quiet ("the form's entries");

  /* The main menu. */
  menu_button = byline_test_find_widget (widget, GTK_TYPE_MENU_BUTTON);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  draw (widget, 5, 300);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
  draw (widget, 5, 300);
  assert_quiet ("the main menu");

  /* Search from a selected word, with the cursor blinking in the entry,
   * then the replace row. */
  gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (document), &start, 8);
  end = start;
  gtk_text_iter_forward_word_end (&end);
  gtk_text_buffer_select_range (GTK_TEXT_BUFFER (document), &start, &end);
  gtk_widget_activate_action (widget, "win.find", NULL);
  draw (widget, 5, 1500);
  gtk_widget_activate_action (widget, "win.find", NULL);
  draw (widget, 5, 1500);
  gtk_widget_activate_action (widget, "win.find-replace", NULL);
  draw (widget, 5, 1500);
  gtk_widget_activate_action (widget, "search.close", NULL);
  draw (widget, 5, 300);
  assert_quiet ("search");

  /* The problems, the draft's changes. */
  gtk_widget_activate_action (widget, "win.toggle-problems", NULL);
  draw (widget, 5, 300);
  gtk_widget_activate_action (widget, "win.show-draft-changes", NULL);
  dialog = byline_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  draw (GTK_WIDGET (dialog), 5, 300);
  gtk_window_destroy (dialog);
  draw (widget, 5, 300);
  gtk_widget_activate_action (widget, "win.restore-draft", NULL);
  draw (widget, 5, 300);
  assert_quiet ("the problems and the draft");

  /* The shortcuts window. */
  gtk_widget_activate_action (widget, "win.show-help-overlay", NULL);
  dialog = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  draw (GTK_WIDGET (dialog), 5, 300);
  gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);
  draw (widget, 3, 100);
  assert_quiet ("the shortcuts window");

  /* The image dialog, the preferences. */
  gtk_widget_activate_action (widget, "win.insert-image", NULL);
  dialog = GTK_WINDOW (byline_window_get_image_dialog (window));
  draw (GTK_WIDGET (dialog), 5, 1500);
  gtk_window_close (dialog);
  draw (widget, 5, 300);
  assert_quiet ("the image dialog");

  dialog = GTK_WINDOW (byline_preferences_window_new (GTK_WINDOW (window)));
  gtk_window_present (dialog);
  draw (GTK_WIDGET (dialog), 5, 300);
  gtk_window_destroy (dialog);
  draw (widget, 5, 300);
  assert_quiet ("the preferences");

  /* Closing with unsaved changes asks; Cancel. Then Reload asks. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = byline_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  draw (GTK_WIDGET (dialog), 5, 300);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (dialog);
  draw (widget, 5, 300);
  gtk_widget_activate_action (widget, "win.reload", NULL);
  dialog = byline_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  draw (GTK_WIDGET (dialog), 5, 300);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "reload");
  gtk_window_destroy (dialog);
  byline_test_wait_for (!byline_document_get_busy (document));
  draw (widget, 5, 300);
  assert_quiet ("the questions");

  /* The search selected text: GTK 4.8 keeps that buffer (see
   * byline_test_destroy_window_full()). */
  byline_test_destroy_window_full (GTK_WINDOW (window), FALSE);
  assert_quiet ("closing");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!byline_test_gui_init (&argc, &argv, &tmpdir))
    return 0;

  messages = g_ptr_array_new_with_free_func (g_free);
  g_log_set_writer_func (writer_cb, NULL, NULL);

  app = byline_test_application_new ();

  g_test_add_func ("/gui/warnings/normal-use", test_normal_use);

  ret = g_test_run ();

  g_clear_object (&app);
  g_clear_pointer (&messages, g_ptr_array_unref);
  byline_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return ret;
}
