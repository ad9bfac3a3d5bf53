/* byline-test-gui.h — what every GUI test program does first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <glib/gstdio.h>

#include "byline-test-util.h"

/* Returns FALSE (after printing a TAP plan that skips everything) when there
 * is no display; GUI tests run under xvfb-run. The runtime, data and state
 * folders point into a temporary folder so that WebKit, the recent files
 * list and the drafts do not write into the home folder. */
static inline gboolean
byline_test_gui_init (int    *argc,
                      char ***argv,
                      char  **tmpdir)
{
  g_autofree char *runtime = NULL;
  g_autofree char *data = NULL;
  g_autofree char *state = NULL;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display: run the GUI tests under xvfb-run\n");
      return FALSE;
    }

  *tmpdir = g_dir_make_tmp ("byline-test-XXXXXX", NULL);
  g_assert_nonnull (*tmpdir);
  {
    /* The posts the tests write here are istio.io blog posts. */
    g_autofree char *profile = g_build_filename (*tmpdir, ".byline.yml", NULL);

    g_assert_true (g_file_set_contents (profile, "extends: istio\n", -1, NULL));
  }
  runtime = g_build_filename (*tmpdir, "runtime", NULL);
  data = g_build_filename (*tmpdir, "data", NULL);
  state = g_build_filename (*tmpdir, "state", NULL);
  g_mkdir_with_parents (runtime, 0700);
  g_mkdir_with_parents (data, 0700);
  g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CACHE_HOME", data, TRUE);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  /* Without a session bus the accessibility bridge warns, and warnings are
   * fatal in tests. */
  g_setenv ("GTK_A11Y", "none", FALSE);

  gtk_test_init (argc, argv, NULL);
  /* WebKit's sandbox needs a plain program name, not the absolute path
   * g_test_init() sets. */
  g_set_prgname ("byline-test");
  /* WebKit's web process inherits the environment; its own warnings (no
   * accessibility bus under Xvfb) must not kill it. This process keeps the
   * fatal warnings gtk_test_init() has set. */
  g_setenv ("G_DEBUG", "gc-friendly", TRUE);

  return TRUE;
}

/* Runs the main loop until *@flag is TRUE; fails the test after 10 seconds. */
static inline gboolean
byline_test_timeout_cb (gpointer user_data)
{
  g_error ("Timed out waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

#define byline_test_wait_for(condition)                                          \
  G_STMT_START {                                                                 \
    guint timeout_id_ = g_timeout_add_seconds (10, byline_test_timeout_cb,       \
                                               (gpointer) #condition);           \
    while (!(condition))                                                         \
      g_main_context_iteration (NULL, TRUE);                                     \
    g_source_remove (timeout_id_);                                               \
  } G_STMT_END

/* Copies a fixture into @dir and returns the copy. */
static inline GFile *
byline_test_copy_fixture (const char *name,
                          const char *dir)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autofree char *target = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (target, contents, (gssize) length, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (target);
}

static inline GBytes *
byline_test_read_bytes (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_load_contents (file, NULL, &contents, &length, NULL, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* The whole text of @buffer, invisible text included. */
static inline char *
byline_test_dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* The first line of more than 40 characters from the middle of @buffer
 * on: a paragraph's, in a post, where a benchmark types. */
static inline int
byline_test_middle_paragraph_line (GtkTextBuffer *buffer)
{
  int line = gtk_text_buffer_get_line_count (buffer) / 2;

  for (;; line++)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_line (buffer, &iter, line);
      if (gtk_text_iter_get_chars_in_line (&iter) > 40)
        return line;
    }
}

/* One keystroke at @where, as the user makes it: "x" typed when @type,
 * else the character after @where deleted. */
static inline void
byline_test_keystroke (GtkTextBuffer *buffer,
                       GtkTextIter   *where,
                       gboolean       type)
{
  gtk_text_buffer_begin_user_action (buffer);
  if (type)
    {
      gtk_text_buffer_insert_interactive (buffer, where, "x", 1, TRUE);
    }
  else
    {
      GtkTextIter end = *where;

      gtk_text_iter_forward_char (&end);
      gtk_text_buffer_delete_interactive (buffer, where, &end, TRUE);
    }
  gtk_text_buffer_end_user_action (buffer);
}

/* The first widget of @type at or below @widget, depth first. */
static inline GtkWidget *
byline_test_find_widget (GtkWidget *widget,
                         GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = byline_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Drops the caller's reference to @object and waits until whatever else
 * still held it (a search, an analysis in the worker) lets go; fails the test
 * if it never does. */
static inline void
byline_test_finalize_object (gpointer object)
{
  g_object_add_weak_pointer (object, &object);
  g_object_unref (object);
  byline_test_wait_for (object == NULL);
}

/* Destroys a window and waits until it and the main objects in it are
 * finalized (the editor, preview, form and problems panel it shows and, for a
 * Byline window, its document; an analysis running in the worker holds the
 * document until it is done), so that nothing of it leaks or outlives the
 * test.
 *
 * GTK 4.8 leaks a text buffer that had a selection while a view showed it;
 * a test that selects text passes FALSE for @document. */
static inline void
byline_test_destroy_window_full (GtkWindow *window,
                                 gboolean   document)
{
  static const char * const parts[] = {
    "BylineEditor", "BylinePreview", "BylineFrontMatterForm", "BylineProblemsPanel",
  };
  gpointer objects[G_N_ELEMENTS (parts) + 2] = { window, NULL, };
  GType window_type = g_type_from_name ("BylineWindow");
  guint n = 1;

  if (document && window_type != G_TYPE_INVALID
      && G_TYPE_CHECK_INSTANCE_TYPE (window, window_type))
    {
      GObject *object = NULL;

      g_object_get (window, "document", &object, NULL);
      if (object != NULL)
        {
          objects[n++] = object;
          g_object_unref (object);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      GType type = g_type_from_name (parts[i]);
      GtkWidget *part = type != G_TYPE_INVALID
                        ? byline_test_find_widget (GTK_WIDGET (window), type) : NULL;

      if (part != NULL)
        objects[n++] = part;
    }

  for (guint i = 0; i < n; i++)
    g_object_add_weak_pointer (objects[i], &objects[i]);
  gtk_window_destroy (window);
  for (guint i = 0; i < n; i++)
    byline_test_wait_for (objects[i] == NULL);
}

static inline void
byline_test_destroy_window (GtkWindow *window)
{
  byline_test_destroy_window_full (window, TRUE);
}

/* Runs the main loop for @msec milliseconds. */
static inline gboolean
byline_test_set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static inline void
byline_test_wait_msec (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, byline_test_set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* A copy of a fixture in a folder of its own under @dir (drafts and bundle
 * files are per folder). */
static inline GFile *
byline_test_copy_fixture_apart (const char *name,
                                const char *dir)
{
  g_autofree char *folder = g_build_filename (dir, "post-XXXXXX", NULL);

  g_assert_nonnull (g_mkdtemp (folder));

  return byline_test_copy_fixture (name, folder);
}

/* The first widget at or below @widget, depth first, for which @match
 * says yes. */
typedef gboolean (*BylineTestMatch) (GtkWidget     *widget,
                                     gconstpointer  data);

static inline GtkWidget *
byline_test_find_widget_by (GtkWidget       *widget,
                            BylineTestMatch  match,
                            gconstpointer    data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = byline_test_find_widget_by (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline gboolean
byline_test_is_primary_menu_button (GtkWidget     *widget,
                                    gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

/* The window's main menu button (the header bar has other menu buttons). */
static inline GtkWidget *
byline_test_find_main_menu_button (GtkWidget *widget)
{
  return byline_test_find_widget_by (widget, byline_test_is_primary_menu_button, NULL);
}

static inline gboolean
byline_test_has_css_class (GtkWidget     *widget,
                           gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static inline GtkWidget *
byline_test_find_by_css_class (GtkWidget  *widget,
                               const char *css_class)
{
  return byline_test_find_widget_by (widget, byline_test_has_css_class, css_class);
}

static inline gboolean
byline_test_has_action (GtkWidget     *widget,
                        gconstpointer  action_name)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

/* The first button at or below @widget that activates @action_name. */
static inline GtkWidget *
byline_test_find_action_button (GtkWidget  *widget,
                                const char *action_name)
{
  return byline_test_find_widget_by (widget, byline_test_has_action, action_name);
}

static inline gboolean
byline_test_has_button_label (GtkWidget     *widget,
                              gconstpointer  label)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The first button at or below @widget labelled @label (mnemonic included). */
static inline GtkWidget *
byline_test_find_button (GtkWidget  *widget,
                         const char *label)
{
  return byline_test_find_widget_by (widget, byline_test_has_button_label, label);
}

/* The message dialog (a question) @parent shows, or NULL. */
static inline GtkWindow *
byline_test_find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent)
        return window;
    }

  return NULL;
}
