/* test-site.c — BylineSite: the lookup from a post (root, profile file,
 * blog folder), reading a site again, site paths, the page index's life
 * and path globs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected results come from Hugo's documentation and Hugo's sources and
 * tests, cited at each test. The configuration and languages are in
 * test-site-config.c, themes, mounts and templates in test-site-themes.c,
 * URLs and aliases in test-site-permalinks.c, GetPage, ref and link
 * resolution in test-site-links.c.
 */

#include "config.h"

#include "byline-site.h"
#include "byline-site-private.h"
#include "site-fixture.h"

static void
test_root_lookup (void)
{
  g_autofree char *root = fixture_write (
    "-- site/config/_default/hugo.yaml --\n"
    "title: A\n"
    "-- site/content/blog/post/index.md --\n"
    "---\ntitle: P\n---\n"
    "-- site/content/blog/post/config.yaml --\n"
    "example: a bundle's own file, not the site's configuration\n"
    "-- plain/content/x.md --\n"
    "x\n"
    "-- nothing/notes/x.md --\n"
    "x\n");
  const struct { const char *file; const char *root; BylineSiteRootKind kind; } cases[] = {
    { "site/content/blog/post/index.md", "site", BYLINE_SITE_ROOT_CONFIG },
    { "site/content", "site", BYLINE_SITE_ROOT_CONFIG },
    /* No configuration: the nearest folder that holds content/. */
    { "plain/content/x.md", "plain", BYLINE_SITE_ROOT_CONTENT_ONLY },
    /* The lookup stops at the folder holding .git: no site. */
    { "nothing/notes/x.md", NULL, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (root, cases[i].file, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      BylineSiteRootKind kind = 99;
      g_autoptr(GFile) found = byline_site_find_root (file, &kind);

      if (cases[i].root == NULL)
        {
          g_assert_null (found);
          continue;
        }
      {
        g_autofree char *expected = g_build_filename (root, cases[i].root, NULL);
        g_autofree char *found_path = g_file_get_path (found);

        g_assert_cmpstr (found_path, ==, expected);
        g_assert_cmpint (kind, ==, cases[i].kind);
      }
    }

  /* Every post of a site shares what is known of it: one page index. */
  {
    g_autofree char *a = g_build_filename (root, "site/content/blog/post/index.md", NULL);
    g_autofree char *b = g_build_filename (root, "site/config/_default/hugo.yaml", NULL);
    g_autoptr(GFile) file_a = g_file_new_for_path (a);
    g_autoptr(GFile) file_b = g_file_new_for_path (b);
    g_autoptr(BylineSite) site_a = byline_site_lookup (file_a, NULL);
    g_autoptr(BylineSite) site_b = byline_site_lookup (file_b, NULL);
    g_autoptr(BylineSitePages) pages_a = byline_site_get_pages (site_a);
    g_autoptr(BylineSitePages) pages_b = byline_site_get_pages (site_b);

    g_assert_true (pages_a == pages_b);
  }
  byline_test_remove_tree (root);
}

/* A site of two languages, each in its own content folder (hugoDocs
 * content-management/multilingual.md, "Translation by content
 * directory"), with a post in a page bundle. */
static const char lookup_site[] =
  "-- site/hugo.toml --\n"
  "baseURL = 'https://example.org/'\n"
  "defaultContentLanguage = 'en'\n"
  "[languages.en]\n"
  "contentDir = 'content/en'\n"
  "weight = 1\n"
  "[languages.zh]\n"
  "contentDir = 'content/zh'\n"
  "weight = 2\n"
  "-- site/content/en/blog/_index.md --\n"
  "---\n---\n"
  "-- site/content/en/blog/2019/other/index.md --\n"
  "---\n---\n"
  "-- site/content/en/blog/2019/leaf.md --\n"
  "---\n---\n"
  "-- site/content/en/blog/2019/post/index.md --\n"
  "---\ntitle: x\n---\n"
  "-- site/content/en/docs/ops/_index.md --\n"
  "---\n---\n"
  "-- site/content/en/docs/a.svg --\n"
  "<svg/>\n"
  "-- site/content/zh/blog/2019/only-zh/index.md --\n"
  "---\n---\n"
  "-- site/static/img/logo.png --\n"
  "not really a png\n";

static BylineSite *
lookup (const char *root,
        const char *relative)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return byline_site_lookup (file, NULL);
}

static void
assert_path (GFile      *file,
             const char *root,
             const char *relative)
{
  g_autofree char *expected = NULL;

  if (relative == NULL)
    {
      g_assert_null (file);
      return;
    }
  expected = g_build_filename (root, relative, NULL);
  g_assert_nonnull (file);
  g_assert_cmpstr (g_file_peek_path (file), ==, expected);
}

/* One lookup finds the root, the content and blog folders and the profile. */
static void
test_lookup (void)
{
  g_autofree char *root = fixture_write (lookup_site);
  g_autoptr(BylineSite) site = NULL;

  byline_test_write_file (root, "site/.byline.yml", "name: Site\n", -1);
  site = lookup (root, "site/content/en/blog/2019/post/index.md");

  assert_path (byline_site_get_post_file (site), root, "site/content/en/blog/2019/post/index.md");
  assert_path (byline_site_get_root (site), root, "site");
  g_assert_cmpint (byline_site_get_root_kind (site), ==, BYLINE_SITE_ROOT_CONFIG);
  assert_path (byline_site_get_content_folder (site), root, "site/content");
  assert_path (byline_site_get_blog_folder (site), root, "site/content/en/blog");
  assert_path (byline_site_get_profile_file (site), root, "site/.byline.yml");
  g_assert_finalize_object (g_steal_pointer (&site));
  byline_test_remove_tree (root);
}

/* Site-absolute paths as a post writes them, checked the way Hugo
 * publishes the site: the default language at the top, zh below /zh/
 * (ConfigLanguage.LanguagePrefix), top-level folders are sections even
 * without an _index file, and their files are their resources
 * (gohugoio/hugo#11179, Hugo 0.123); the home page always exists; dot
 * segments resolve as a browser resolves them (RFC 3986, 5.2.4). */
static void
test_site_paths (void)
{
  g_autofree char *root = fixture_write (lookup_site);
  g_autoptr(BylineSite) site = lookup (root, "site/content/en/blog/2019/post/index.md");
  static const struct { const char *path; gboolean exists; } cases[] = {
    { "/blog/2019/other/", TRUE },
    { "/blog/2019/other", TRUE },
    { "/blog/2019/other/#part", TRUE },
    { "/blog/2019/other/?q=1", TRUE },
    { "/blog/2019/leaf/", TRUE },
    { "/blog/", TRUE },
    { "/docs/ops/", TRUE },
    { "/docs/", TRUE },
    { "/docs/a.svg", TRUE },
    { "/", TRUE },
    { "/zh/", TRUE },
    { "/zh/blog/2019/only-zh/", TRUE },
    { "/img/logo.png", TRUE },
    { "/blog/2019/post/", TRUE },
    { "/index.xml", TRUE },
    { "/sitemap.xml", TRUE },
    { "/blog/../blog/", TRUE },
    /* Only in Chinese: its page is below /zh/. */
    { "/blog/2019/only-zh/", FALSE },
    { "/en/blog/2019/other/", FALSE },
    { "/blog/2019/missing/", FALSE },
    { "/docs/b.svg", FALSE },
    { "/../hugo.toml", FALSE },
    { "/hugo.toml", FALSE },
    { "blog/2019/other/", FALSE },
    { "//example.org/blog/", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].path);
      g_assert_cmpint (byline_site_path_exists (site, cases[i].path), ==, cases[i].exists);
    }
  byline_test_remove_tree (root);
}

static void
test_root_forms (void)
{
  g_autofree char *root = fixture_write (lookup_site);
  const char *post = "site/content/en/blog/2019/post/index.md";
  g_autofree char *hugo = g_build_filename (root, "site/hugo.toml", NULL);

  /* A config/_default/ folder or config.yaml also marks a site (hugoDocs
   * configuration/introduction.md). */
  g_assert_cmpint (g_unlink (hugo), ==, 0);
  byline_test_write_file (root, "site/config/_default/params.toml", "", -1);
  {
    g_autoptr(BylineSite) site = lookup (root, post);

    assert_path (byline_site_get_root (site), root, "site");
    g_assert_cmpint (byline_site_get_root_kind (site), ==, BYLINE_SITE_ROOT_CONFIG);
  }

  {
    g_autofree char *config = g_build_filename (root, "site/config", NULL);

    byline_test_remove_tree (config);
  }
  byline_test_write_file (root, "site/config.yaml", "baseURL: x\n", -1);
  {
    g_autoptr(BylineSite) site = lookup (root, post);

    assert_path (byline_site_get_root (site), root, "site");
  }

  /* Without a configuration the folder holding content/ is the root, and
   * Hugo's defaults apply: content/en/ is a section "en". */
  {
    g_autofree char *config = g_build_filename (root, "site/config.yaml", NULL);
    g_autoptr(BylineSite) site = NULL;

    g_assert_cmpint (g_unlink (config), ==, 0);
    site = lookup (root, post);
    assert_path (byline_site_get_root (site), root, "site");
    g_assert_cmpint (byline_site_get_root_kind (site), ==, BYLINE_SITE_ROOT_CONTENT_ONLY);
    assert_path (byline_site_get_content_folder (site), root, "site/content");
    g_assert_true (byline_site_path_exists (site, "/en/blog/2019/other/"));
    g_assert_false (byline_site_path_exists (site, "/blog/2019/other/"));
    assert_path (byline_site_get_blog_folder (site), root, "site/content/en/blog");
  }

  /* A lone post outside a site has none of it. */
  byline_test_write_file (root, "loose/blog/x/index.md", "x", -1);
  {
    g_autoptr(BylineSite) site = lookup (root, "loose/blog/x/index.md");

    g_assert_null (byline_site_get_root (site));
    g_assert_null (byline_site_get_blog_folder (site));
    g_assert_null (byline_site_get_content_folder (site));
    g_assert_null (byline_site_get_config (site));
    g_assert_null (byline_site_get_pages (site));
    g_assert_cmpuint (byline_site_get_problems (site)->len, ==, 0);
    g_assert_cmpuint (byline_site_get_shortcodes (site)->len, ==, 0);
    g_assert_false (byline_site_is_complete (site));
    g_assert_false (byline_site_path_exists (site, "/blog/x/"));
  }
  byline_test_remove_tree (root);
}

/* The nearest .byline.yml, not looking above the folder holding .git. */
static void
test_profile_file (void)
{
  g_autofree char *root = fixture_write (lookup_site);
  const char *post = "site/content/en/blog/2019/post/index.md";
  g_autofree char *git = g_build_filename (root, "site/.git", NULL);
  g_autofree char *site_profile = g_build_filename (root, "site/.byline.yml", NULL);
  g_autofree char *bundle_profile =
    g_build_filename (root, "site/content/en/blog/2019/post/.byline.yml", NULL);

  /* The fixture's top holds .git; the folder holding it is still searched. */
  byline_test_write_file (root, ".byline.yml", "name: Above\n", -1);
  {
    g_autoptr(BylineSite) site = lookup (root, post);

    assert_path (byline_site_get_profile_file (site), root, ".byline.yml");
  }

  /* A clone's .git folder stops the search. */
  g_assert_cmpint (g_mkdir (git, 0700), ==, 0);
  {
    g_autoptr(BylineSite) site = lookup (root, post);

    assert_path (byline_site_get_profile_file (site), root, NULL);
  }
  byline_test_write_file (root, "site/.byline.yml", "name: Site\n", -1);
  byline_test_write_file (root, "site/content/en/blog/2019/post/.byline.yml", "name: Post\n", -1);
  {
    g_autoptr(BylineSite) site = lookup (root, post);

    assert_path (byline_site_get_profile_file (site), root,
                 "site/content/en/blog/2019/post/.byline.yml");
  }

  /* So does a worktree's .git file. */
  g_assert_cmpint (g_remove (bundle_profile), ==, 0);
  g_assert_cmpint (g_remove (site_profile), ==, 0);
  g_assert_cmpint (g_rmdir (git), ==, 0);
  byline_test_write_file (root, "site/.git", "gitdir: /elsewhere\n", -1);
  {
    g_autoptr(BylineSite) site = lookup (root, post);

    assert_path (byline_site_get_profile_file (site), root, NULL);
  }
  byline_test_remove_tree (root);
}

/* Sets @path's modification time to a second long past, so that a change
 * made right after always gives it another one. */
static void
age (const char *root,
     const char *name)
{
  g_autofree char *path = g_build_filename (root, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 1000000000,
                               G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
}

/* A site is read again when its configuration, themes or templates change:
 * the fix of a broken configuration is seen by the next lookup. */
static void
test_site_reload (void)
{
  g_autofree char *root = fixture_write (
    "-- hugo.toml --\n"
    "title = 'Broken'\n"
    "baseURL = [\n"
    "-- layouts/_shortcodes/one.html --\n"
    "one\n"
    "-- content/posts/a.md --\n"
    "---\ntitle: A\n---\n");
  g_autofree char *post = g_build_filename (root, "content/posts/a.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (post);
  g_autoptr(BylineSite) before = NULL;
  g_autoptr(BylineSitePages) old_pages = NULL;
  g_autoptr(BylineSite) after = NULL;
  g_autoptr(BylineSite) again = NULL;
  g_autoptr(BylineSitePages) new_pages = NULL;
  g_autoptr(BylineSitePages) same_pages = NULL;

  age (root, "hugo.toml");
  age (root, "layouts/_shortcodes");
  before = byline_site_lookup (file, NULL);
  old_pages = byline_site_get_pages (before);
  g_assert_cmpuint (byline_site_get_problems (before)->len, ==, 1);
  g_assert_cmpstr (byline_site_get_title (before), ==, "");
  g_assert_null (byline_site_lookup_shortcode (before, "two"));

  byline_test_write_file (root, "hugo.toml",
                          "title = 'Fixed'\nbaseURL = 'https://example.org/'\n", -1);
  byline_test_write_file (root, "layouts/_shortcodes/two.html", "two\n", -1);
  after = byline_site_lookup (file, NULL);
  g_assert_cmpuint (byline_site_get_problems (after)->len, ==, 0);
  g_assert_cmpstr (byline_site_get_title (after), ==, "Fixed");
  g_assert_nonnull (byline_site_lookup_shortcode (after, "two"));
  new_pages = byline_site_get_pages (after);
  g_assert_true (new_pages != old_pages);
  g_assert_cmpstr (byline_site_page_get_permalink (
                     byline_site_pages_lookup_file (new_pages, post)), ==,
                   "https://example.org/posts/a/");

  /* The site looked up before keeps what it read. */
  g_assert_cmpuint (byline_site_get_problems (before)->len, ==, 1);
  g_assert_cmpuint (byline_site_pages_get_n_pages (old_pages), ==,
                    byline_site_pages_get_n_pages (new_pages));
  /* The unchanged post's front matter was not read again. */
  g_assert_true (
    byline_site_page_get_front_matter (byline_site_pages_lookup_file (old_pages, post)) ==
    byline_site_page_get_front_matter (byline_site_pages_lookup_file (new_pages, post)));

  /* Nothing changed since: the same model. */
  again = byline_site_lookup (file, NULL);
  same_pages = byline_site_get_pages (again);
  g_assert_true (same_pages == new_pages);
  byline_test_remove_tree (root);
}

static void
test_refresh (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.toml --\n"
    "-- content/posts/a.md --\n"
    "---\ntitle: A\nslug: first\n---\n"
    "-- content/posts/b.md --\n"
    "---\ntitle: B\n---\n");
  g_autoptr(BylineSitePages) before = byline_site_get_pages (f->site);
  g_autoptr(BylineSitePages) same = NULL;
  g_autoptr(BylineSitePages) after = NULL;
  g_autofree char *a = site_fixture_path (f, "content/posts/a.md");
  g_autofree char *b = site_fixture_path (f, "content/posts/b.md");
  g_autofree char *c = site_fixture_path (f, "content/posts/c.md");

  g_assert_cmpstr (byline_site_page_get_rel_permalink (byline_site_pages_lookup_file (before, a)),
                   ==, "/posts/first/");

  /* Nothing changed: the same index. */
  byline_site_refresh_pages (f->site);
  same = byline_site_get_pages (f->site);
  g_assert_true (same == before);

  /* A slug changed (the size changes with it), a file removed, one added. */
  g_assert_true (g_file_set_contents (a, "---\ntitle: A\nslug: renamed\n---\n", -1, NULL));
  g_assert_cmpint (g_remove (b), ==, 0);
  g_assert_true (g_file_set_contents (c, "---\ntitle: C\n---\n", -1, NULL));
  byline_site_refresh_pages (f->site);
  after = byline_site_get_pages (f->site);
  g_assert_true (after != before);
  g_assert_cmpstr (byline_site_page_get_rel_permalink (byline_site_pages_lookup_file (after, a)),
                   ==, "/posts/renamed/");
  g_assert_null (byline_site_pages_lookup_file (after, b));
  g_assert_nonnull (byline_site_pages_lookup_file (after, c));
  /* Who held the old index still has it, intact. */
  g_assert_cmpstr (byline_site_page_get_rel_permalink (byline_site_pages_lookup_file (before, a)),
                   ==, "/posts/first/");
  g_assert_nonnull (byline_site_pages_lookup_file (before, b));
}

static gpointer
get_pages_thread (gpointer data)
{
  return byline_site_get_pages (data);
}

static void
test_threads (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.toml --\n"
    "-- content/posts/a.md --\n"
    "---\ntitle: A\n---\n");
  GThread *threads[4];
  BylineSitePages *pages[4];

  /* The first callers race to load the site; they all get one index. */
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("site", get_pages_thread, f->site);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    pages[i] = g_thread_join (threads[i]);
  for (guint i = 1; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (pages[i] == pages[0]);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    byline_site_pages_unref (pages[i]);
}

/* resources/page/permalinks_integration_test.go, TestPermalinksUrlCascade:
 * a section's url cascades to its pages as a pattern. */
static void
test_cascade_url (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.toml --\n"
    "-- content/cooking/delicious-recipes/_index.md --\n"
    "---\nurl: /delicious-recipe/\ncascade:\n  url: /delicious-recipe/:slug/\n---\n"
    "-- content/cooking/delicious-recipes/example1.md --\n"
    "---\ntitle: Recipe 1\n---\n"
    "-- content/cooking/delicious-recipes/example2.md --\n"
    "---\ntitle: Recipe 2\nslug: custom-recipe-2\n---\n");

  g_assert_cmpstr (site_fixture_link (f, NULL, "/cooking/delicious-recipes"), ==,
                   "/delicious-recipe/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/cooking/delicious-recipes/example1"), ==,
                   "/delicious-recipe/recipe-1/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/cooking/delicious-recipes/example2"), ==,
                   "/delicious-recipe/custom-recipe-2/");
}

/* Build options cascaded (hugoDocs content-management/build-options.md):
 * from a section to the pages below it, not to the section itself; from
 * the configuration, by target path (OpenTelemetry's _includes); a page's
 * own value, and a nearer section's, win. */
static void
test_cascade_build (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.yaml --\n"
    "cascade:\n"
    "  - build: {list: never, render: never}\n"
    "    target: {path: '{,/**}/_includes{,/**}'}\n"
    "-- content/_common/_index.md --\n"
    "---\ncascade:\n  build:\n    render: never\n---\n"
    "-- content/_common/snippet.md --\n"
    "---\ntitle: Snippet\n---\n"
    "-- content/glossary/_index.md --\n"
    "---\ntitle: Glossary\nbuild:\n  render: always\ncascade:\n  build:\n    render: never\n---\n"
    "-- content/glossary/term.md --\n"
    "---\ntitle: Term\n---\n"
    "-- content/glossary/shown.md --\n"
    "---\ntitle: Shown\nbuild:\n  render: always\n---\n"
    "-- content/docs/_includes/part.md --\n"
    "---\ntitle: Part\n---\n"
    "-- content/docs/page.md --\n"
    "---\ntitle: Page\n---\n");

  g_assert_nonnull (
    byline_site_page_get_rel_permalink (site_fixture_page (f, "content/_common/_index.md")));
  g_assert_null (
    byline_site_page_get_rel_permalink (site_fixture_page (f, "content/_common/snippet.md")));
  g_assert_cmpstr (
    byline_site_page_get_rel_permalink (site_fixture_page (f, "content/glossary/_index.md")), ==,
    "/glossary/");
  g_assert_null (
    byline_site_page_get_rel_permalink (site_fixture_page (f, "content/glossary/term.md")));
  g_assert_cmpstr (
    byline_site_page_get_rel_permalink (site_fixture_page (f, "content/glossary/shown.md")), ==,
    "/glossary/shown/");
  g_assert_null (
    byline_site_page_get_rel_permalink (site_fixture_page (f, "content/docs/_includes/part.md")));
  g_assert_cmpstr (
    byline_site_page_get_rel_permalink (site_fixture_page (f, "content/docs/page.md")), ==,
    "/docs/page/");
  g_assert_cmpint (byline_site_resolve_link (f->site, NULL, "/glossary/term/", NULL, NULL), ==,
                   BYLINE_SITE_LINK_NOT_FOUND);
}

/* gobwas/glob with "/" as the separator, as Hugo compiles path globs
 * (hugofs/hglob): * stays within a path element, ** crosses them, {a,b}
 * and [!x] as usual; a pathological pattern gives up instead of hanging. */
static void
test_globs (void)
{
  const struct { const char *pattern; const char *text; gboolean matches; } cases[] = {
    { "/blog/*", "/blog/post", TRUE },
    { "/blog/*", "/blog/2023/post", FALSE },
    { "/blog/**", "/blog/2023/post", TRUE },
    { "/{blog,blog/**}", "/blog", TRUE },
    { "/{blog,blog/**}", "/blogs", FALSE },
    { "{,/**}/_includes{,/**}", "/_includes", TRUE },
    { "{,/**}/_includes{,/**}", "/docs/_includes/part", TRUE },
    { "{,/**}/_includes{,/**}", "/docs/includes", FALSE },
    { "{home,section}", "section", TRUE },
    { "{home,section}", "page", FALSE },
    { "/p?st", "/post", TRUE },
    { "/p?st", "/p/st", FALSE },
    { "/[!a]*", "/blog", TRUE },
    { "/[a-c]*", "/docs", FALSE },
    { "/\\*", "/*", TRUE },
    { "*", "production", TRUE },
  };
  GString *pathological = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s ~ %s", cases[i].pattern, cases[i].text);
      g_assert_cmpint (byline_site_glob_match (cases[i].pattern, cases[i].text), ==,
                       cases[i].matches);
    }

  for (guint i = 0; i < 40; i++)
    g_string_append (pathological, "**a");
  g_assert_false (byline_site_glob_match (pathological->str,
                                          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"));
  g_string_free (pathological, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/site/root", test_root_lookup);
  g_test_add_func ("/core/site/lookup", test_lookup);
  g_test_add_func ("/core/site/paths", test_site_paths);
  g_test_add_func ("/core/site/root-forms", test_root_forms);
  g_test_add_func ("/core/site/profile-file", test_profile_file);
  g_test_add_func ("/core/site/reload", test_site_reload);
  g_test_add_func ("/core/site/globs", test_globs);
  g_test_add_func ("/core/site/pages/cascade/url", test_cascade_url);
  g_test_add_func ("/core/site/pages/cascade/build", test_cascade_build);
  g_test_add_func ("/core/site/pages/refresh", test_refresh);
  g_test_add_func ("/core/site/pages/threads", test_threads);

  return g_test_run ();
}
