/* test-preferences-window.c — BylinePreferencesWindow and GSettings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-preferences-window.h"

#include "byline-test-gui.h"

static char *tmpdir;

static gboolean
is_shown_label (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
         && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* The row's title and subtitle live in labels inside it; find the one
 * showing @text. */
static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  return byline_test_find_widget_by (widget, is_shown_label, text) != NULL;
}

static gboolean
is_row_with_switch (GtkWidget     *widget,
                    gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0
         && adw_action_row_get_activatable_widget (ADW_ACTION_ROW (widget)) != NULL;
}

static GtkWidget *
find_switch_for (GtkWidget  *widget,
                 const char *row_title)
{
  GtkWidget *row = byline_test_find_widget_by (widget, is_row_with_switch, row_title);

  return row != NULL ? adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) : NULL;
}

static void
test_show_preview (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWidget *window = byline_preferences_window_new (NULL);
  GtkWidget *toggle;

  gtk_window_present (GTK_WINDOW (window));
  toggle = find_switch_for (window, "Show the _Preview in New Windows");
  g_assert_true (GTK_IS_SWITCH (toggle));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));

  /* A window's preview button writes the key: the switch follows. */
  g_settings_set_boolean (settings, "show-preview", FALSE);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));

  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "show-preview"));

  g_settings_reset (settings, "show-preview");
  byline_test_destroy_window (GTK_WINDOW (window));
}

static void
test_profile_file (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWidget *window = byline_preferences_window_new (NULL);
  g_autofree char *path = g_build_filename (tmpdir, "site.yml", NULL);
  g_autofree char *value = NULL;
  GtkWidget *clear;

  gtk_window_present (GTK_WINDOW (window));
  clear = byline_test_find_action_button (window, "preferences.clear-profile");
  g_assert_nonnull (clear);
  g_assert_nonnull (byline_test_find_action_button (window, "preferences.choose-profile"));
  g_assert_true (has_label (window, "The built-in profile for the istio.io blog"));
  /* Nothing to clear: the action, and so its button, is off. */
  g_assert_false (gtk_widget_get_sensitive (clear));

  g_settings_set_string (settings, "profile-file", path);
  g_assert_true (has_label (window, path));
  g_assert_false (has_label (window, "The built-in profile for the istio.io blog"));
  g_assert_true (gtk_widget_get_sensitive (clear));

  g_assert_true (gtk_widget_activate_action (window, "preferences.clear-profile", NULL));
  value = g_settings_get_string (settings, "profile-file");
  g_assert_cmpstr (value, ==, "");
  g_assert_true (has_label (window, "The built-in profile for the istio.io blog"));

  byline_test_destroy_window (GTK_WINDOW (window));
}

static void
test_finalizes (void)
{
  GtkWidget *window = byline_preferences_window_new (NULL);

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!byline_test_gui_init (&argc, &argv, &tmpdir))
    return 0;
  adw_init ();

  g_test_add_func ("/gui/preferences-window/show-preview", test_show_preview);
  g_test_add_func ("/gui/preferences-window/profile-file", test_profile_file);
  g_test_add_func ("/gui/preferences-window/finalizes", test_finalizes);

  ret = g_test_run ();

  byline_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return ret;
}
