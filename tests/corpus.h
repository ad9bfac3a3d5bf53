/* corpus.h — the istio.io corpus as temporary page bundles, for tests and
 * benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each post of $BYLINE_CORPUS/istio-blog/ is copied into a folder of its own
 * as index.md, beside empty files named after the lines of its images.txt
 * ("name<TAB>size", names may hold spaces), so that the bundle rules see the
 * files the real bundle holds.
 */

#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

typedef struct
{
  char *name;   /* relative to istio-blog/, "2023/egress-sni/index.md" */
  char *path;   /* the temporary copy */
  char *text;
  gsize length;
} CorpusPost;

static void G_GNUC_UNUSED
corpus_post_free (CorpusPost *post)
{
  g_autofree char *dir = g_path_get_dirname (post->path);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);

  g_free (post->name);
  g_free (post->path);
  g_free (post->text);
  g_free (post);
}

static void
corpus_add_post (GPtrArray  *posts,
                 const char *root,
                 const char *relative)
{
  g_autofree char *source = g_build_filename (root, relative, NULL);
  g_autofree char *folder = g_path_get_dirname (source);
  g_autofree char *listing = g_build_filename (folder, "images.txt", NULL);
  g_autofree char *images = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  CorpusPost *post = g_new0 (CorpusPost, 1);

  g_file_get_contents (source, &post->text, &post->length, &error);
  g_assert_no_error (error);

  dir = g_dir_make_tmp ("byline-corpus-XXXXXX", &error);
  g_assert_no_error (error);
  post->name = g_strdup (relative);
  post->path = g_build_filename (dir, "index.md", NULL);
  g_file_set_contents (post->path, post->text, post->length, &error);
  g_assert_no_error (error);

  /* A leaf post (2019/x.md) has no images.txt: its bundle is empty. */
  if (g_str_has_suffix (relative, "/index.md") &&
      g_file_get_contents (listing, &images, NULL, NULL))
    {
      g_auto(GStrv) lines = g_strsplit (images, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          char *tab = strrchr (lines[i], '\t');
          g_autofree char *path = NULL;

          if (tab == NULL)
            continue;
          *tab = '\0';
          path = g_build_filename (dir, lines[i], NULL);
          g_file_set_contents (path, "", 0, &error);
          g_assert_no_error (error);
        }
    }

  g_ptr_array_add (posts, post);
}

static int
corpus_compare_names (gconstpointer a,
                      gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
corpus_walk (GPtrArray  *posts,
             const char *root,
             const char *relative)
{
  g_autofree char *folder = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, corpus_compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *child = g_ptr_array_index (names, i);
      g_autofree char *child_relative = relative[0] != '\0'
        ? g_build_filename (relative, child, NULL) : g_strdup (child);
      g_autofree char *path = g_build_filename (root, child_relative, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        corpus_walk (posts, root, child_relative);
      else if (g_str_has_suffix (child, ".md"))
        corpus_add_post (posts, root, child_relative);
    }
}

/* The posts of $BYLINE_CORPUS/istio-blog/, or NULL when it is not there. */
static GPtrArray * G_GNUC_UNUSED
corpus_load (void)
{
  const char *corpus = g_getenv ("BYLINE_CORPUS");
  g_autofree char *root = NULL;
  GPtrArray *posts;

  if (corpus == NULL)
    return NULL;
  root = g_build_filename (corpus, "istio-blog", NULL);
  if (!g_file_test (root, G_FILE_TEST_IS_DIR))
    return NULL;

  posts = g_ptr_array_new_with_free_func ((GDestroyNotify) corpus_post_free);
  corpus_walk (posts, root, "");
  return posts;
}
