/* test-window-drafts.c — drafts in the window: written while typing, offered
 * back, restored as one undoable change, removed on save; crash recovery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-draft.h"
#include "byline-editor.h"

#include "byline-test-window.h"

#include <signal.h>

static char *tmpdir;
static BylineApplication *app;

/* Helpers */

static GFile *
new_post (const char *fixture)
{
  return byline_test_copy_fixture_apart (fixture, tmpdir);
}

static BylineWindow *
open_window (GFile *file)
{
  return byline_test_open_window (app, file);
}

static char *
dup_text (BylineWindow *window)
{
  return byline_test_dup_buffer_text (GTK_TEXT_BUFFER (byline_window_get_document (window)));
}

static GtkSourceView *
get_view (BylineWindow *window)
{
  return byline_editor_get_view (BYLINE_EDITOR (byline_test_find_widget (GTK_WIDGET (window),
                                                                         BYLINE_TYPE_EDITOR)));
}

/* Types as the keyboard does: at the cursor, one user action per key. */
static void
type_text (BylineWindow *window,
           const char   *text)
{
  GtkSourceView *view = get_view (window);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *key = g_strndup (p, g_utf8_next_char (p) - p);

      g_signal_emit_by_name (view, "insert-at-cursor", key);
    }
}

static void
move_to_end (BylineWindow *window)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (byline_window_get_document (window));
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
}

static BylineDraft *
load_draft (GFile *post)
{
  g_autoptr(GError) error = NULL;
  BylineDraft *draft = byline_draft_store_load (byline_draft_store_get_default (), post,
                                                NULL, &error);

  g_assert_no_error (error);

  return draft;
}

static gboolean
draft_contains (GFile      *post,
                const char *needle)
{
  g_autoptr(BylineDraft) draft = load_draft (post);

  return draft != NULL && strstr (byline_draft_get_text (draft, NULL), needle) != NULL;
}

/* Polls @condition every 50 ms, for up to ten seconds. */
#define wait_for_polled(condition)                                              \
  G_STMT_START {                                                                \
    for (guint tries_ = 0; !(condition); tries_++)                              \
      {                                                                         \
        if (tries_ == 200)                                                      \
          g_error ("Timed out waiting for %s", #condition);                     \
        byline_test_wait_msec (50);                                                         \
      }                                                                         \
  } G_STMT_END

/* Writes a draft of @post made from @base, as a window would have. */
static void
save_draft (GFile      *post,
            const char *text,
            const char *base)
{
  g_autofree char *checksum = byline_draft_checksum (base, -1);

  byline_draft_store_save_async (byline_draft_store_get_default (), post, text, -1, checksum,
                                 NULL, NULL, NULL);
  wait_for_polled (draft_contains (post, text));
}

static gboolean
draft_bar_shown (BylineWindow *window)
{
  GtkWidget *bar = byline_test_find_by_css_class (GTK_WIDGET (window), "byline-draft-bar");

  return gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (bar)));
}

static const char *
draft_bar_text (BylineWindow *window)
{
  GtkWidget *bar = byline_test_find_by_css_class (GTK_WIDGET (window), "byline-draft-bar");
  GtkWidget *label = byline_test_find_widget (bar, GTK_TYPE_LABEL);

  return gtk_label_get_label (GTK_LABEL (label));
}

/* The text of the file as the buffer shows it (without its last newline). */
static char *
dup_file_text (GFile *file)
{
  g_autoptr(GBytes) bytes = byline_test_read_bytes (file);
  gsize length = g_bytes_get_size (bytes);
  const char *data = g_bytes_get_data (bytes, NULL);

  if (length > 0 && data[length - 1] == '\n')
    length--;

  return g_strndup (data, length);
}

/* Tests */

/* A pause in typing writes a draft of the text, made from the file's
 * version; the post itself is not touched. */
static void
test_written_after_pause (void)
{
  g_autoptr(GFile) post = new_post ("post-lf.md");
  g_autoptr(GBytes) before = byline_test_read_bytes (post);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *file_text = dup_file_text (post);
  g_autofree char *base = byline_draft_checksum (file_text, -1);
  g_autofree char *text = NULL;
  g_autoptr(BylineDraft) draft = NULL;
  BylineWindow *window = open_window (post);

  move_to_end (window);
  type_text (window, "\nTyped.");
  g_assert_false (byline_draft_store_has_draft (byline_draft_store_get_default (), post));

  wait_for_polled (draft_contains (post, "Typed."));
  draft = load_draft (post);
  text = dup_text (window);
  g_assert_cmpstr (byline_draft_get_text (draft, NULL), ==, text);
  g_assert_cmpstr (byline_draft_get_base_checksum (draft), ==, base);

  after = byline_test_read_bytes (post);
  g_assert_true (g_bytes_equal (before, after));

  byline_test_close_window (window);
}

typedef struct
{
  BylineWindow *window;
  guint         keys;
  gboolean      stop;
} Typist;

static gboolean
type_key_cb (gpointer user_data)
{
  Typist *typist = user_data;

  if (typist->stop)
    return G_SOURCE_REMOVE;

  type_text (typist->window, "x");
  typist->keys++;

  return G_SOURCE_CONTINUE;
}

/* Typing that never pauses for two seconds still gets a draft, within ten
 * seconds of its first change. */
static void
test_written_while_typing (void)
{
  g_autoptr(GFile) post = new_post ("post-lf.md");
  BylineWindow *window = open_window (post);
  Typist typist = { window, 0, FALSE };
  guint source;

  move_to_end (window);
  source = g_timeout_add (300, type_key_cb, &typist);

  /* Twelve seconds of typing at most; the draft comes while it goes on. */
  while (!byline_draft_store_has_draft (byline_draft_store_get_default (), post)
         && typist.keys < 40)
    byline_test_wait_msec (50);
  typist.stop = TRUE;
  g_source_remove (source);

  g_assert_true (byline_draft_store_has_draft (byline_draft_store_get_default (), post));
  g_test_message ("draft after %u keys, one every 300 ms", typist.keys);
  g_assert_cmpuint (typist.keys, <, 40);

  byline_test_close_window (window);
}

/* Saving removes the draft; so does undoing every change. */
static void
test_removed (void)
{
  g_autoptr(GFile) post = new_post ("post-lf.md");
  BylineWindow *window = open_window (post);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (byline_window_get_document (window));
  BylineDraftStore *store = byline_draft_store_get_default ();

  move_to_end (window);
  type_text (window, "\nUndone.");
  wait_for_polled (draft_contains (post, "Undone."));
  while (gtk_text_buffer_get_modified (buffer))
    gtk_text_buffer_undo (buffer);
  wait_for_polled (!byline_draft_store_has_draft (store, post));

  type_text (window, "\nSaved.");
  wait_for_polled (draft_contains (post, "Saved."));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_for_polled (!gtk_text_buffer_get_modified (buffer));
  wait_for_polled (!byline_draft_store_has_draft (store, post));

  byline_test_close_window (window);
}

/* Opening a post with a draft offers it; restoring puts its text in the
 * buffer as one unsaved change that one undo takes back; the file is only
 * written by a save. */
static void
test_restore (void)
{
  g_autoptr(GFile) post = new_post ("post-lf.md");
  g_autoptr(GBytes) before = byline_test_read_bytes (post);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *file_text = dup_file_text (post);
  g_autofree char *draft_text = g_strconcat (file_text, "\n\nRecovered.", NULL);
  g_autofree char *text = NULL;
  BylineWindow *window;
  GtkTextBuffer *buffer;

  save_draft (post, draft_text, file_text);
  window = open_window (post);
  buffer = GTK_TEXT_BUFFER (byline_window_get_document (window));

  byline_test_wait_for (draft_bar_shown (window));
  g_assert_nonnull (strstr (draft_bar_text (window), "were recovered. They are not in the file."));
  g_assert_false (gtk_text_buffer_get_modified (buffer));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-draft", NULL);
  g_assert_false (draft_bar_shown (window));
  text = dup_text (window);
  g_assert_cmpstr (text, ==, draft_text);
  g_clear_pointer (&text, g_free);
  g_assert_true (gtk_text_buffer_get_modified (buffer));
  g_assert_cmpstr (byline_window_get_title_text (window), ==, "• A Fixture Post");

  after = byline_test_read_bytes (post);
  g_assert_true (g_bytes_equal (before, after));

  /* One step back to the file's text, and no further. */
  gtk_text_buffer_undo (buffer);
  text = dup_text (window);
  g_assert_cmpstr (text, ==, file_text);
  g_clear_pointer (&text, g_free);
  g_assert_false (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_redo (buffer);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_for_polled (!gtk_text_buffer_get_modified (buffer));
  g_clear_pointer (&after, g_bytes_unref);
  after = byline_test_read_bytes (post);
  /* The saver writes back the newline the buffer hides. */
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after) - 1,
                   draft_text, strlen (draft_text));
  wait_for_polled (!byline_draft_store_has_draft (byline_draft_store_get_default (), post));

  byline_test_close_window (window);
}

/* A draft made from another version of the file says so; Discard removes
 * it and leaves the text alone. */
static void
test_stale_discard (void)
{
  g_autoptr(GFile) post = new_post ("post-lf.md");
  g_autofree char *file_text = dup_file_text (post);
  g_autofree char *text = NULL;
  BylineWindow *window;

  save_draft (post, "---\ntitle: An Older Version\n---\n\nTyped then.",
              "---\ntitle: An Older Version\n---\n");
  window = open_window (post);

  byline_test_wait_for (draft_bar_shown (window));
  g_assert_nonnull (strstr (draft_bar_text (window), "but the file changed on disk since then"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.discard-draft", NULL);
  g_assert_false (draft_bar_shown (window));
  wait_for_polled (!byline_draft_store_has_draft (byline_draft_store_get_default (), post));
  text = dup_text (window);
  g_assert_cmpstr (text, ==, file_text);

  byline_test_close_window (window);
}

/* A draft holding the file's own text is nothing to offer: it goes. */
static void
test_same_text (void)
{
  g_autoptr(GFile) post = new_post ("post-lf.md");
  g_autofree char *file_text = dup_file_text (post);
  BylineWindow *window;

  save_draft (post, file_text, "an older version");
  window = open_window (post);

  wait_for_polled (!byline_draft_store_has_draft (byline_draft_store_get_default (), post));
  g_assert_false (draft_bar_shown (window));

  byline_test_close_window (window);
}

/* "Show Changes" shows the lines the draft adds and removes, as a diff of
 * the files; its Restore restores. */
static void
test_show_changes (void)
{
  g_autoptr(GFile) post = new_post ("post-lf.md");
  g_autofree char *file_text = dup_file_text (post);
  g_autofree char *draft_text = NULL;
  g_autofree char *diff = NULL;
  BylineWindow *window;
  GtkWindow *dialog;
  GtkWidget *view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  draft_text = g_strconcat (file_text, "\nRecovered.", NULL);
  save_draft (post, draft_text, file_text);
  window = open_window (post);
  byline_test_wait_for (draft_bar_shown (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-draft-changes", NULL);
  dialog = byline_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Unsaved Changes");
  view = byline_test_find_widget (GTK_WIDGET (dialog), GTK_SOURCE_TYPE_VIEW);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  diff = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_cmpstr (diff, ==,
                   "@@ -13,3 +13,4 @@\n"
                   " ## A heading\n"
                   " \n"
                   " The last paragraph.\n"
                   "+Recovered.\n");

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  gtk_window_destroy (dialog);
  g_assert_false (draft_bar_shown (window));
  {
    g_autofree char *text = dup_text (window);

    g_assert_cmpstr (text, ==, draft_text);
  }

  byline_test_close_window (window);
}

static gboolean
restores_uri (GtkWidget     *widget,
              gconstpointer  uri)
{
  GVariant *target;

  if (!byline_test_has_action (widget, "win.restore-draft-uri"))
    return FALSE;

  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return target != NULL && g_str_equal (g_variant_get_string (target, NULL), uri);
}

/* The start page marks a recent post that has a draft; its Restore opens
 * the post with the draft's text. */
static void
test_start_page (void)
{
  g_autoptr(GFile) post = new_post ("post-lf.md");
  g_autofree char *file_text = dup_file_text (post);
  g_autofree char *draft_text = g_strconcat (file_text, "\n\nFrom the start page.", NULL);
  g_autofree char *uri = g_file_get_uri (post);
  BylineWindow *window = open_window (post);
  GtkWidget *button;
  g_autofree char *text = NULL;

  /* Opened once: a recent post. */
  byline_test_close_window (window);
  save_draft (post, draft_text, file_text);

  window = byline_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (byline_window_is_empty (window));

  button = byline_test_find_widget_by (GTK_WIDGET (window), restores_uri, uri);
  g_assert_nonnull (button);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Restore Unsaved Changes to post-lf.md");

  g_signal_emit_by_name (button, "clicked");
  byline_test_wait_for (byline_document_get_file (byline_window_get_document (window)) != NULL);
  wait_for_polled (gtk_text_buffer_get_modified (
                     GTK_TEXT_BUFFER (byline_window_get_document (window))));
  text = dup_text (window);
  g_assert_cmpstr (text, ==, draft_text);
  g_assert_false (draft_bar_shown (window));

  byline_test_close_window (window);
}

/* With the autosave preference a pause in typing saves the post itself. */
static void
test_autosave (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GFile) post = new_post ("post-lf.md");
  g_autofree char *file_text = dup_file_text (post);
  g_autofree char *expected = g_strconcat (file_text, "\nSaved by itself.\n", NULL);
  BylineWindow *window = open_window (post);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (byline_window_get_document (window));
  g_autoptr(GBytes) after = NULL;

  g_settings_set_boolean (settings, "autosave", TRUE);
  move_to_end (window);
  type_text (window, "\nSaved by itself.");
  wait_for_polled (!gtk_text_buffer_get_modified (buffer));

  after = byline_test_read_bytes (post);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after),
                   expected, strlen (expected));
  g_assert_false (byline_draft_store_has_draft (byline_draft_store_get_default (), post));

  g_settings_reset (settings, "autosave");
  byline_test_close_window (window);
}

/* Runs a command line and returns its standard output, stripped. */
static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    return NULL;

  return g_strstrip (g_steal_pointer (&out));
}

/* The whole story as a user lives it: the real byline runs as a child
 * process, a paragraph is typed into it with the keyboard (XTEST), it is
 * killed with SIGKILL once the draft is written, and Byline opens the post
 * again: the paragraph is offered back, restored, and only saving writes
 * it to the post. */
static void
test_crash_recovery (void)
{
  const char *byline = g_getenv ("BYLINE");
  g_autoptr(GFile) post = new_post ("post-lf.md");
  g_autofree char *path = g_file_get_path (post);
  g_autofree char *file_text = dup_file_text (post);
  g_autofree char *pid_text = NULL;
  g_autofree char *window_id = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) before = byline_test_read_bytes (post);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  const char *typed = "Typed before the crash.";
  BylineWindow *window;

  if (byline == NULL || g_find_program_in_path ("xdotool") == NULL)
    {
      g_test_skip ("needs $BYLINE and xdotool (build-aux/deps --tests installs it)");
      return;
    }

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, byline, path, NULL);
  g_assert_no_error (error);
  pid_text = g_strdup (g_subprocess_get_identifier (child));

  /* The window, once it shows the post (its title is the post's). */
  {
    const char *search[] = { "xdotool", "search", "--sync", "--onlyvisible", "--pid", pid_text,
                             NULL };

    window_id = run_tool (search);
    g_assert_nonnull (window_id);
    /* Several lines when GTK made more than one X window: the first. */
    if (strchr (window_id, '\n') != NULL)
      *strchr (window_id, '\n') = '\0';
  }
  for (guint tries = 0; ; tries++)
    {
      const char *name[] = { "xdotool", "getwindowname", window_id, NULL };
      g_autofree char *title = run_tool (name);

      if (g_strcmp0 (title, "A Fixture Post") == 0)
        break;
      g_assert_cmpuint (tries, <, 200);
      byline_test_wait_msec (50);
    }

  {
    const char *focus[] = { "xdotool", "windowfocus", "--sync", window_id, NULL };
    const char *keys[] = { "xdotool", "key", "--delay", "50", "ctrl+End", "Return", NULL };
    const char *type[] = { "xdotool", "type", "--delay", "30", typed, NULL };
    g_autofree char *ignored = run_tool (focus);
    g_autofree char *ignored_keys = run_tool (keys);
    g_autofree char *ignored_type = run_tool (type);
  }

  /* The draft comes two seconds after the typing stops. */
  wait_for_polled (draft_contains (post, typed));
  after = byline_test_read_bytes (post);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_pointer (&after, g_bytes_unref);

  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  /* Byline again: the paragraph is offered, and comes back on Restore. */
  window = open_window (post);
  byline_test_wait_for (draft_bar_shown (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-draft", NULL);
  text = dup_text (window);
  g_assert_true (g_str_has_prefix (text, file_text));
  g_assert_cmpstr (text + strlen (file_text), ==, "\nTyped before the crash.");

  after = byline_test_read_bytes (post);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_pointer (&after, g_bytes_unref);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_for_polled (!gtk_text_buffer_get_modified (
                     GTK_TEXT_BUFFER (byline_window_get_document (window))));
  after = byline_test_read_bytes (post);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (after, NULL), g_bytes_get_size (after),
                                  "The last paragraph.\nTyped before the crash.\n"));

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

  app = byline_test_application_new ();

  g_test_add_func ("/gui/drafts/written-after-pause", test_written_after_pause);
  g_test_add_func ("/gui/drafts/written-while-typing", test_written_while_typing);
  g_test_add_func ("/gui/drafts/removed", test_removed);
  g_test_add_func ("/gui/drafts/restore", test_restore);
  g_test_add_func ("/gui/drafts/stale-discard", test_stale_discard);
  g_test_add_func ("/gui/drafts/same-text", test_same_text);
  g_test_add_func ("/gui/drafts/show-changes", test_show_changes);
  g_test_add_func ("/gui/drafts/start-page", test_start_page);
  g_test_add_func ("/gui/drafts/autosave", test_autosave);
  g_test_add_func ("/gui/drafts/crash-recovery", test_crash_recovery);

  ret = g_test_run ();

  g_clear_object (&app);
  byline_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return ret;
}
