/* fuzz-replay.c — runs a fuzzing harness over saved inputs, without libFuzzer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked with one tests/fuzz/fuzz-<target>.c when the build is not a
 * libFuzzer build: each argument is a folder (searched recursively, in name
 * order) or a file, and every file is given to the harness once, in a
 * buffer of exactly its size so that AddressSanitizer sees any read past it.
 * A harness reports a failure by aborting; the driver fails when it finds
 * no input at all, so that a wrong folder cannot pass unnoticed.
 */

#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
replay_file (const char *path,
             guint      *count)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  uint8_t *data;
  gsize size;

  if (!g_file_get_contents (path, &contents, &size, &error))
    {
      fprintf (stderr, "fuzz-replay: %s\n", error->message);
      exit (EXIT_FAILURE);
    }

  /* g_file_get_contents() ends the text with a NUL that the harness must
   * not rely on: hand over an exact copy. */
  data = g_malloc (MAX (size, 1));
  memcpy (data, contents, size);
  LLVMFuzzerTestOneInput (data, size);
  g_free (data);
  (*count)++;
}

static void
replay_path (const char *path,
             guint      *count)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      replay_file (path, count);
      return;
    }

  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      fprintf (stderr, "fuzz-replay: %s\n", error->message);
      exit (EXIT_FAILURE);
    }

  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      replay_path (child, count);
    }
}

int
main (int   argc,
      char *argv[])
{
  guint count = 0;

  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s FOLDER-OR-FILE…\n", argv[0]);
      return EXIT_FAILURE;
    }

  for (int i = 1; i < argc; i++)
    {
      if (!g_file_test (argv[i], G_FILE_TEST_EXISTS))
        {
          fprintf (stderr, "fuzz-replay: %s does not exist\n", argv[i]);
          return EXIT_FAILURE;
        }
      replay_path (argv[i], &count);
    }

  if (count == 0)
    {
      fprintf (stderr, "fuzz-replay: no input found\n");
      return EXIT_FAILURE;
    }

  printf ("fuzz-replay: %u inputs passed\n", count);
  return EXIT_SUCCESS;
}
