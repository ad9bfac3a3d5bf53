/* byline-test-util.h — helpers shared by the test programs (GLib only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
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

/* Writes @text (@length bytes, or up to its NUL for -1) to @relative below
 * @root, making the folders on the way. */
static inline void
byline_test_write_file (const char *root,
                        const char *relative,
                        const char *text,
                        gssize      length)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
}

/* The contents of the file at @path; the test fails when it cannot be read. */
static inline char *
byline_test_read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* A template lookup (BylineTemplateLookup) in @user_data, a NULL-terminated
 * array of "name=value" strings: a name without "=" has no value at all
 * (NULL), "name=" has the empty value. */
static inline const char *
byline_test_lookup_cb (const char *name,
                       gpointer    user_data)
{
  const char * const *values = user_data;
  gsize len = strlen (name);

  for (; values != NULL && *values != NULL; values++)
    if (strncmp (*values, name, len) == 0 && (*values)[len] == '=')
      return *values + len + 1;

  return NULL;
}

/* Orders an array of strings (char *) by strcmp(). */
static inline int
byline_test_compare_strings (gconstpointer a,
                             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @folder, hidden ones included, sorted and joined by spaces:
 * what a test compares whole to see which files an action made. */
static inline char *
byline_test_list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, byline_test_compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* Copies the folder @source, with everything in it, to @target. */
static inline void
byline_test_copy_tree (const char *source,
                       const char *target)
{
  g_autoptr(GDir) dir = g_dir_open (source, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (target, 0755), ==, 0);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *from = g_build_filename (source, name, NULL);
      g_autofree char *to = g_build_filename (target, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_test (from, G_FILE_TEST_IS_DIR))
        {
          byline_test_copy_tree (from, to);
          continue;
        }
      g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (to, contents, (gssize) length, NULL));
    }
}

/* Runs $BYLINE_CLI with @args (NULL-terminated) in @folder (NULL: here),
 * with XDG_CONFIG_HOME there too so that the personal files of whoever runs
 * the tests stay out; returns the exit status. What it writes is captured
 * even when @out or @err is NULL: it must not mix with the test's own TAP
 * output. */
static inline int
byline_test_run_cli (const char  *folder,
                     const char **args,
                     char       **out,
                     char       **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *here = g_get_current_dir ();
  g_autofree char *ignored_out = NULL;
  g_autofree char *ignored_err = NULL;
  int status = -1;

  if (out == NULL)
    out = &ignored_out;
  if (err == NULL)
    err = &ignored_err;

  g_ptr_array_add (argv, (gpointer) g_getenv ("BYLINE_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  env = g_environ_setenv (env, "XDG_CONFIG_HOME", folder != NULL ? folder : here, TRUE);
  g_spawn_sync (folder, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}
