/* byline-test-util.h — helpers shared by the test programs (GLib only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <sys/wait.h>

/* Removes a temporary folder a test made, with everything in it. Symbolic
 * links are removed, never followed. */
static inline void
byline_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        byline_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Runs byline-cli ($BYLINE_CLI) with @args (NULL-terminated) in the folder
 * @dir; returns its exit status, and what it wrote when @out and @err are
 * not NULL. */
static inline int
byline_test_run_cli (const char         *dir,
                     const char * const *args,
                     char              **out,
                     char              **err)
{
  GPtrArray *argv = g_ptr_array_new ();
  GError *error = NULL;
  char *stdout_text = NULL;
  char *stderr_text = NULL;
  const char *cli = g_getenv ("BYLINE_CLI");
  int status = -1;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &stdout_text, &stderr_text, &status, &error);
  g_assert_no_error (error);
  g_ptr_array_unref (argv);
  g_test_message ("stdout:\n%s\nstderr:\n%s", stdout_text, stderr_text);

  if (out != NULL)
    *out = stdout_text;
  else
    g_free (stdout_text);
  if (err != NULL)
    *err = stderr_text;
  else
    g_free (stderr_text);

  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

