/* test-site.c — the one walk up from a post to its site
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-site.h"

#include <glib/gstdio.h>
#include <string.h>

#include "byline-test-util.h"

typedef struct
{
  char *root;    /* the temporary folder, removed at teardown */
  char *site;    /* root/site, a Hugo site */
  char *post;    /* a page bundle's index.md in it */
} Fixture;

static void
write_file (const char *folder,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->root = g_dir_make_tmp ("byline-site-XXXXXX", &error);
  g_assert_no_error (error);
  f->site = g_build_filename (f->root, "site", NULL);
  f->post = g_build_filename (f->site, "content", "en", "blog", "2019", "post", "index.md", NULL);

  write_file (f->site, "hugo.toml", "baseURL = 'https://example.org/'\n");
  write_file (f->site, "content/en/blog/_index.md", "---\n---\n");
  write_file (f->site, "content/en/blog/2019/other/index.md", "---\n---\n");
  write_file (f->site, "content/en/blog/2019/leaf.md", "---\n---\n");
  write_file (f->site, "content/en/blog/2019/post/index.md", "---\ntitle: x\n---\n");
  write_file (f->site, "content/en/docs/ops/_index.md", "---\n---\n");
  write_file (f->site, "content/en/docs/a.svg", "<svg/>");
  write_file (f->site, "content/zh/blog/2019/only-zh/index.md", "---\n---\n");
  write_file (f->site, "static/img/logo.png", "not really a png");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  byline_test_remove_tree (f->root);
  g_free (f->root);
  g_free (f->site);
  g_free (f->post);
}

static BylineSite *
lookup (const char *post)
{
  g_autoptr(GFile) file = g_file_new_for_path (post);

  return byline_site_lookup (file, NULL);
}

static void
assert_path (GFile      *file,
             const char *expected)
{
  if (expected == NULL)
    {
      g_assert_null (file);
      return;
    }
  g_assert_nonnull (file);
  g_assert_cmpstr (g_file_peek_path (file), ==, expected);
}

/* One walk finds the root, the content and blog folders and the profile. */
static void
test_lookup (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *content = g_build_filename (f->site, "content", NULL);
  g_autofree char *blog = g_build_filename (f->site, "content", "en", "blog", NULL);
  g_autofree char *profile = g_build_filename (f->site, ".byline.yml", NULL);
  g_autoptr(BylineSite) site = NULL;

  write_file (f->site, ".byline.yml", "name: Site\n");
  site = lookup (f->post);

  g_assert_cmpstr (g_file_peek_path (byline_site_get_post_file (site)), ==, f->post);
  assert_path (byline_site_get_root (site), f->site);
  assert_path (byline_site_get_content_folder (site), content);
  assert_path (byline_site_get_blog_folder (site), blog);
  assert_path (byline_site_get_profile_file (site), profile);
  g_assert_finalize_object (g_steal_pointer (&site));
}

typedef struct
{
  const char *path;
  gboolean    exists;
} SitePathCase;

static void
test_paths (Fixture       *f,
            gconstpointer  data)
{
  static const SitePathCase cases[] = {
    { "/blog/2019/other/", TRUE },
    { "/blog/2019/other", TRUE },
    { "/blog/2019/other/#part", TRUE },
    { "/blog/2019/leaf/", TRUE },
    { "/blog/", TRUE },
    { "/docs/ops/", TRUE },
    { "/blog/2019/only-zh/", TRUE },
    { "/zh/blog/2019/only-zh/", TRUE },
    { "/docs/a.svg", TRUE },
    { "/img/logo.png", TRUE },
    { "/blog/2019/post/", TRUE },
    { "/blog/2019/missing/", FALSE },
    { "/docs/b.svg", FALSE },
    { "/docs/", FALSE },
    { "/", FALSE },
    { "/../hugo.toml", FALSE },
    { "/blog/../blog/", FALSE },
    { "blog/2019/other/", FALSE },
  };
  g_autoptr(BylineSite) site = lookup (f->post);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].path);
      g_assert_cmpint (byline_site_path_exists (site, cases[i].path), ==, cases[i].exists);
    }
}

static void
test_root_forms (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *hugo = g_build_filename (f->site, "hugo.toml", NULL);
  g_autofree char *outside = g_build_filename (f->root, "loose", NULL);

  /* A config/ folder or config.yaml also marks a site. */
  g_assert_cmpint (g_unlink (hugo), ==, 0);
  write_file (f->site, "config/_default/params.toml", "");
  {
    g_autoptr(BylineSite) site = lookup (f->post);

    assert_path (byline_site_get_root (site), f->site);
  }

  {
    g_autofree char *config = g_build_filename (f->site, "config", NULL);

    byline_test_remove_tree (config);
  }
  write_file (f->site, "config.yaml", "baseURL: x\n");
  {
    g_autoptr(BylineSite) site = lookup (f->post);

    assert_path (byline_site_get_root (site), f->site);
  }

  /* A content/ folder without a config is not a site. */
  {
    g_autofree char *config = g_build_filename (f->site, "config.yaml", NULL);
    g_autoptr(BylineSite) site = NULL;

    g_assert_cmpint (g_unlink (config), ==, 0);
    site = lookup (f->post);
    g_assert_null (byline_site_get_root (site));
    g_assert_null (byline_site_get_content_folder (site));
    g_assert_false (byline_site_path_exists (site, "/blog/2019/other/"));
    /* The blog folder needs no site root, only a content folder above it. */
    g_assert_nonnull (byline_site_get_blog_folder (site));
  }

  /* A lone post outside a site has none of it. */
  write_file (outside, "blog/x/index.md", "x");
  {
    g_autofree char *post = g_build_filename (outside, "blog", "x", "index.md", NULL);
    g_autoptr(BylineSite) site = lookup (post);

    g_assert_null (byline_site_get_root (site));
    g_assert_null (byline_site_get_blog_folder (site));
  }
}

/* The nearest .byline.yml, not looking above the folder holding .git. */
static void
test_profile_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *repo_profile = g_build_filename (f->root, ".byline.yml", NULL);
  g_autofree char *git = g_build_filename (f->site, ".git", NULL);
  g_autofree char *site_profile = g_build_filename (f->site, ".byline.yml", NULL);
  g_autofree char *bundle_profile = g_build_filename (f->site, "content", "en", "blog", "2019",
                                                      "post", ".byline.yml", NULL);

  write_file (f->root, ".byline.yml", "name: Above\n");
  {
    g_autoptr(BylineSite) site = lookup (f->post);

    assert_path (byline_site_get_profile_file (site), repo_profile);
  }

  /* A clone's .git folder stops the search; the folder holding it is still
   * searched. */
  g_assert_cmpint (g_mkdir (git, 0700), ==, 0);
  {
    g_autoptr(BylineSite) site = lookup (f->post);

    assert_path (byline_site_get_profile_file (site), NULL);
  }
  write_file (f->site, ".byline.yml", "name: Site\n");
  write_file (f->site, "content/en/blog/2019/post/.byline.yml", "name: Post\n");
  {
    g_autoptr(BylineSite) site = lookup (f->post);

    assert_path (byline_site_get_profile_file (site), bundle_profile);
  }

  /* So does a worktree's .git file. */
  g_assert_cmpint (g_remove (bundle_profile), ==, 0);
  g_assert_cmpint (g_remove (site_profile), ==, 0);
  g_assert_cmpint (g_rmdir (git), ==, 0);
  write_file (f->site, ".git", "gitdir: /elsewhere\n");
  {
    g_autoptr(BylineSite) site = lookup (f->post);

    assert_path (byline_site_get_profile_file (site), NULL);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/site/lookup", Fixture, NULL, fixture_set_up, test_lookup,
              fixture_tear_down);
  g_test_add ("/core/site/paths", Fixture, NULL, fixture_set_up, test_paths,
              fixture_tear_down);
  g_test_add ("/core/site/root-forms", Fixture, NULL, fixture_set_up, test_root_forms,
              fixture_tear_down);
  g_test_add ("/core/site/profile-file", Fixture, NULL, fixture_set_up, test_profile_file,
              fixture_tear_down);

  return g_test_run ();
}
