/* byline-test-util.h — helpers shared by the test programs (GLib only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

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
