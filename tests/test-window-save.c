/* test-window-save.c — what a failed save says and keeps, and read-only posts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-test-window.h"

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <unistd.h>

static char *tmpdir;
static BylineApplication *app;

/* Makes @path read-only for this process: through its mode for a user,
 * through the immutable attribute for root, whom modes do not stop. FALSE
 * when that cannot be done here (a file system without the attribute, a
 * container without CAP_LINUX_IMMUTABLE). */
static gboolean
set_read_only (const char *path,
               gboolean    read_only)
{
  int flags = 0;
  int fd;
  gboolean done;

  if (geteuid () != 0)
    return g_chmod (path, read_only ? 0444 : 0644) == 0;

  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return FALSE;

  done = ioctl (fd, FS_IOC_GETFLAGS, &flags) == 0;
  if (done)
    {
      if (read_only)
        flags |= FS_IMMUTABLE_FL;
      else
        flags &= ~FS_IMMUTABLE_FL;
      done = ioctl (fd, FS_IOC_SETFLAGS, &flags) == 0;
    }
  close (fd);

  return done;
}

static gboolean
shows_icon (GtkWidget     *widget,
            gconstpointer  icon_name)
{
  return GTK_IS_IMAGE (widget)
         && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), icon_name) == 0;
}

static gboolean
error_bar_shown (BylineWindow *window)
{
  GtkWidget *bar = byline_test_find_by_css_class (GTK_WIDGET (window), "byline-error-bar");

  return gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (bar)));
}

static const char *
error_bar_text (BylineWindow *window)
{
  GtkWidget *bar = byline_test_find_by_css_class (GTK_WIDGET (window), "byline-error-bar");

  return gtk_label_get_label (GTK_LABEL (byline_test_find_widget (bar, GTK_TYPE_LABEL)));
}

static void
save_and_wait (BylineWindow *window)
{
  BylineDocument *document = byline_window_get_document (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  byline_test_wait_for (!byline_document_get_busy (document));
}

/* A read-only post shows a lock; saving it fails with a message that says
 * what to do, which stays until it is dismissed or a save works, with
 * "Save As…" beside it. The text keeps its changes and the file its own. */
static void
test_read_only (void)
{
  g_autoptr(GFile) post = byline_test_copy_fixture_apart ("post-lf.md", tmpdir);
  g_autofree char *path = g_file_get_path (post);
  g_autoptr(GBytes) before = byline_test_read_bytes (post);
  g_autoptr(GBytes) after = NULL;
  BylineWindow *window;
  GtkTextBuffer *buffer;
  GtkWidget *lock;
  GtkTextIter end;

  if (!set_read_only (path, TRUE))
    {
      g_test_skip ("cannot make a file read-only here (root without CAP_LINUX_IMMUTABLE, "
                   "or a file system without the immutable attribute)");
      return;
    }

  window = byline_test_open_window (app, post);
  buffer = GTK_TEXT_BUFFER (byline_window_get_document (window));
  lock = byline_test_find_widget_by (GTK_WIDGET (window), shows_icon, "changes-prevent-symbolic");
  g_assert_nonnull (lock);
  byline_test_wait_for (gtk_widget_get_visible (lock));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (lock), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Read-Only");

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nNot saved.", -1);
  save_and_wait (window);

  byline_test_wait_for (error_bar_shown (window));
  g_assert_cmpstr (error_bar_text (window), ==,
                   "“post-lf.md” is read-only, so your changes were not saved. Use “Save As…” "
                   "to save the post elsewhere, or change the file’s permissions and save "
                   "again.");
  g_assert_nonnull (byline_test_find_action_button (byline_test_find_by_css_class (GTK_WIDGET (window),
                                                           "byline-error-bar"),
                                        "win.save-as"));
  g_assert_true (gtk_text_buffer_get_modified (buffer));
  after = byline_test_read_bytes (post);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_pointer (&after, g_bytes_unref);

  /* Not a passing toast: it is still there later. */
  byline_test_wait_msec (1500);
  g_assert_true (error_bar_shown (window));

  /* Writable again: the next save works and the message goes. */
  g_assert_true (set_read_only (path, FALSE));
  save_and_wait (window);
  g_assert_false (error_bar_shown (window));
  g_assert_false (gtk_text_buffer_get_modified (buffer));
  byline_test_wait_for (!gtk_widget_get_visible (lock));

  byline_test_close_window (window);
}

/* Any other failure says so too, and Dismiss hides it. */
static void
test_folder_gone (void)
{
  g_autoptr(GFile) post = byline_test_copy_fixture_apart ("post-lf.md", tmpdir);
  g_autoptr(GFile) folder = g_file_get_parent (post);
  g_autoptr(GError) error = NULL;
  BylineWindow *window = byline_test_open_window (app, post);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (byline_window_get_document (window));
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nNot saved.", -1);
  g_file_delete (post, NULL, &error);
  g_assert_no_error (error);
  g_file_delete (folder, NULL, &error);
  g_assert_no_error (error);

  save_and_wait (window);
  byline_test_wait_for (error_bar_shown (window));
  g_assert_cmpstr (error_bar_text (window), ==,
                   "The folder of “post-lf.md” is gone, so your changes were not saved. Use "
                   "“Save As…” to save the post elsewhere.");
  g_assert_true (gtk_text_buffer_get_modified (buffer));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.dismiss-save-error", NULL);
  g_assert_false (error_bar_shown (window));

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

  g_test_add_func ("/gui/save/read-only", test_read_only);
  g_test_add_func ("/gui/save/folder-gone", test_folder_gone);

  ret = g_test_run ();

  g_clear_object (&app);
  byline_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return ret;
}
