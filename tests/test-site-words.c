/* test-site-words.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-site-words.h"

#include <glib/gstdio.h>

#include "byline-test-util.h"

static void
write_post (const char *root,
            const char *relative,
            const char *text)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
scan_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GHashTable **words = user_data;
  g_autoptr(GError) error = NULL;

  *words = byline_site_words_scan_finish (result, &error);
  g_assert_no_error (error);
  if (*words == NULL)
    *words = g_hash_table_new (g_str_hash, g_str_equal);
}

static GHashTable *
scan (GFile *post)
{
  static const char * const keys[] = { "keywords", "aliases", "title", NULL };
  GHashTable *words = NULL;

  g_autoptr(BylineSite) site = byline_site_lookup (post, NULL);

  byline_site_words_scan_async (site, keys, NULL, scan_done_cb, &words);
  while (words == NULL)
    g_main_context_iteration (NULL, TRUE);
  return words;
}

/* Words from every post of the blog, the most used first, then in order. */
static void
test_scan (void)
{
  g_autofree char *root = g_dir_make_tmp ("byline-site-words-XXXXXX", NULL);
  g_autofree char *post_path = g_build_filename (root, "content", "en", "blog", "2024", "new",
                                                 "index.md", NULL);
  g_autoptr(GFile) post = g_file_new_for_path (post_path);
  g_autoptr(BylineSite) site = NULL;
  GFile *blog;
  g_autoptr(GHashTable) words = NULL;
  const char * const *keywords;

  write_post (root, "content/en/blog/2023/a/index.md",
              "---\ntitle: A\nkeywords: [mesh, istio]\n---\nBody.\n");
  write_post (root, "content/en/blog/2023/b/index.md",
              "---\ntitle: B\nkeywords:\n- istio\n- ambient\n---\nBody.\n");
  write_post (root, "content/en/blog/2023/c.md",
              "---\ntitle: [broken\n---\nBody.\n");
  write_post (root, "content/en/blog/2024/new/index.md", "---\ntitle: New\n---\n");

  site = byline_site_lookup (post, NULL);
  blog = byline_site_get_blog_folder (site);
  g_assert_nonnull (blog);
  {
    g_autofree char *expected = g_build_filename (root, "content", "en", "blog", NULL);
    g_autofree char *path = g_file_get_path (blog);

    g_assert_cmpstr (path, ==, expected);
  }

  words = scan (post);
  keywords = g_hash_table_lookup (words, "keywords");
  g_assert_nonnull (keywords);
  g_assert_cmpstrv (keywords, ((const char * const[]) { "istio", "ambient", "mesh", NULL }));
  g_assert_null (g_hash_table_lookup (words, "aliases"));
  /* A string is one value; "title: [broken" is not a post's front matter. */
  g_assert_cmpstrv (g_hash_table_lookup (words, "title"),
                    ((const char * const[]) { "A", "B", "New", NULL }));

  byline_test_remove_tree (root);
}

/* A post outside a site has nothing to suggest. */
static void
test_outside_site (void)
{
  g_autofree char *root = g_dir_make_tmp ("byline-site-words-XXXXXX", NULL);
  g_autofree char *post_path = g_build_filename (root, "blog", "x", "index.md", NULL);
  g_autoptr(GFile) post = g_file_new_for_path (post_path);
  g_autoptr(GHashTable) words = NULL;

  write_post (root, "blog/x/index.md", "---\ntitle: X\nkeywords: [a]\n---\n");
  {
    g_autoptr(BylineSite) site = byline_site_lookup (post, NULL);

    g_assert_null (byline_site_get_blog_folder (site));
  }
  words = scan (post);
  g_assert_cmpuint (g_hash_table_size (words), ==, 0);

  byline_test_remove_tree (root);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/site-words/scan", test_scan);
  g_test_add_func ("/core/site-words/outside-site", test_outside_site);

  return g_test_run ();
}
