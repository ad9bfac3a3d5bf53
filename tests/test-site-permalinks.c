/* test-site-permalinks.c — BylineSite: permalinks, URLs and aliases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Most cases are Hugo's own integration tests, their files kept as Hugo
 * writes them (txtar) and their expected URLs as Hugo asserts them; each
 * names the Go test it comes from (gohugoio/hugo @ 7b5199f).
 */

#include "config.h"

#include "byline-site.h"
#include "site-fixture.h"

/* hugolib/page_permalink_test.go, TestPermalink. */
static void
test_permalink_table (void)
{
  const struct
  {
    const char *file, *base, *slug, *url;
    gboolean ugly, canonify;
    const char *abs, *rel;
  } tests[] = {
    { "x/y/z/boofar.md", "", "", "", FALSE, FALSE, "/x/y/z/boofar/", "/x/y/z/boofar/" },
    { "x/y/z/boofar.md", "http://gopher.com/", "", "", FALSE, TRUE,
      "http://gopher.com/x/y/z/boofar/", "/x/y/z/boofar/" },
    { "x/y/z/boofar.md", "http://gopher.com/", "", "", TRUE, TRUE,
      "http://gopher.com/x/y/z/boofar.html", "/x/y/z/boofar.html" },
    { "x/y/z/boofar.md", "", "boofar", "", FALSE, FALSE, "/x/y/z/boofar/", "/x/y/z/boofar/" },
    { "x/y/z/boofar.md", "http://barnew/", "", "", FALSE, FALSE, "http://barnew/x/y/z/boofar/",
      "/x/y/z/boofar/" },
    { "x/y/z/boofar.md", "http://barnew/", "boofar", "", FALSE, FALSE,
      "http://barnew/x/y/z/boofar/", "/x/y/z/boofar/" },
    { "x/y/z/boofar.md", "", "", "", TRUE, FALSE, "/x/y/z/boofar.html", "/x/y/z/boofar.html" },
    { "x/y/z/boofar.md", "", "boofar", "", TRUE, FALSE, "/x/y/z/boofar.html",
      "/x/y/z/boofar.html" },
    { "x/y/z/boofar.md", "http://barnew/", "", "", TRUE, FALSE, "http://barnew/x/y/z/boofar.html",
      "/x/y/z/boofar.html" },
    { "x/y/z/boofar.md", "http://barnew/", "boofar", "", TRUE, FALSE,
      "http://barnew/x/y/z/boofar.html", "/x/y/z/boofar.html" },
    { "x/y/z/boofar.md", "http://barnew/boo/", "booslug", "", TRUE, FALSE,
      "http://barnew/boo/x/y/z/booslug.html", "/boo/x/y/z/booslug.html" },
    { "x/y/z/boofar.md", "http://barnew/boo/", "booslug", "", FALSE, TRUE,
      "http://barnew/boo/x/y/z/booslug/", "/x/y/z/booslug/" },
    { "x/y/z/boofar.md", "http://barnew/boo/", "booslug", "", FALSE, FALSE,
      "http://barnew/boo/x/y/z/booslug/", "/boo/x/y/z/booslug/" },
    { "x/y/z/boofar.md", "http://barnew/boo/", "booslug", "", TRUE, TRUE,
      "http://barnew/boo/x/y/z/booslug.html", "/x/y/z/booslug.html" },
    { "x/y/z/boofar.md", "http://barnew/boo", "booslug", "", TRUE, TRUE,
      "http://barnew/boo/x/y/z/booslug.html", "/x/y/z/booslug.html" },
    /* Issue #4666 */
    { "x/y/z/boo-makeindex.md", "http://barnew/boo", "", "", TRUE, TRUE,
      "http://barnew/boo/x/y/z/boo-makeindex.html", "/x/y/z/boo-makeindex.html" },
    /* URL overrides */
    { "x/y/z/boofar.md", "", "", "/z/y/q/", FALSE, FALSE, "/z/y/q/", "/z/y/q/" },
    { "x/y/z/boofar.md", "", "test", "/z/:slug/", FALSE, FALSE, "/z/test/", "/z/test/" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    {
      g_autofree char *files = g_strdup_printf (
        "-- hugo.toml --\n"
        "baseURL = \"%s\"\n"
        "uglyURLs = %s\n"
        "canonifyURLs = %s\n"
        "-- content/%s --\n"
        "---\n"
        "title: Page\n"
        "slug: \"%s\"\n"
        "url: \"%s\"\n"
        "output: [\"HTML\"]\n"
        "---\n",
        tests[i].base,
        tests[i].ugly ? "true" : "false", tests[i].canonify ? "true" : "false",
        tests[i].file, tests[i].slug, tests[i].url);
      g_autoptr(SiteFixture) f = site_fixture_new (files);
      g_autofree char *content = g_strconcat ("content/", tests[i].file, NULL);
      const BylineSitePage *page = site_fixture_page (f, content);

      g_test_message ("case %u", i);
      g_assert_nonnull (page);
      g_assert_cmpstr (byline_site_page_get_permalink (page), ==, tests[i].abs);
      g_assert_cmpstr (byline_site_page_get_rel_permalink (page), ==, tests[i].rel);
    }
}

/* hugolib/page_permalink_test.go, TestRelativeURLInFrontMatter. */
static void
test_relative_url_in_front_matter (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.toml --\n"
    "baseURL = \"https://example.com\"\n"
    "defaultContentLanguage = \"en\"\n"
    "defaultContentLanguageInSubdir = false\n"
    "\n"
    "[Languages]\n"
    "[Languages.en]\n"
    "weight = 10\n"
    "contentDir = \"content/en\"\n"
    "[Languages.nn]\n"
    "weight = 20\n"
    "contentDir = \"content/nn\"\n"
    "-- content/en/blog/page1.md --\n"
    "---\ntitle: \"A page\"\nurl: \"myblog/p1/\"\n---\n"
    "-- content/en/blog/page2.md --\n"
    "---\ntitle: \"A page\"\nurl: \"../../../../../myblog/p2/\"\n---\n"
    "-- content/en/blog/page3.md --\n"
    "---\ntitle: \"A page\"\nurl: \"../myblog/../myblog/p3/\"\n---\n"
    "-- content/en/blog/_index.md --\n"
    "---\ntitle: \"A page\"\nurl: \"this-is-my-english-blog\"\n---\n"
    "-- content/nn/blog/page1.md --\n"
    "---\ntitle: \"A page\"\nurl: \"myblog/p1/\"\n---\n"
    "-- content/nn/blog/_index.md --\n"
    "---\ntitle: \"A page\"\nurl: \"this-is-my-blog\"\n---\n");

  g_assert_cmpstr (
    byline_site_page_get_rel_permalink (site_fixture_page (f, "content/nn/blog/page1.md")), ==,
    "/nn/myblog/p1/");
  g_assert_cmpstr (
    byline_site_page_get_permalink (site_fixture_page (f, "content/nn/blog/_index.md")), ==,
    "https://example.com/nn/this-is-my-blog/");
  g_assert_cmpstr (
    byline_site_page_get_permalink (site_fixture_page (f, "content/en/blog/_index.md")), ==,
    "https://example.com/this-is-my-english-blog/");
  g_assert_cmpstr (
    byline_site_page_get_permalink (site_fixture_page (f, "content/en/blog/page1.md")), ==,
    "https://example.com/myblog/p1/");
  g_assert_cmpstr (
    byline_site_page_get_rel_permalink (site_fixture_page (f, "content/en/blog/page2.md")), ==,
    "/myblog/p2/");
  g_assert_cmpstr (
    byline_site_page_get_rel_permalink (site_fixture_page (f, "content/en/blog/page3.md")), ==,
    "/myblog/p3/");
}

/* resources/page/permalinks_integration_test.go, TestPermalinks: the
 * map syntax by kind, :sectionslug(s), :sections[…], sections without a
 * file, taxonomies and terms. */
static void
test_permalinks_by_kind (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.toml --\n"
    "[taxonomies]\n"
    "tag = \"tags\"\n"
    "[permalinks.page]\n"
    "withpageslug = '/pageslug/:slug/'\n"
    "withallbutlastsection = '/:sections[:last]/:slug/'\n"
    "withallbutlastsectionslug = '/:sectionslugs[:last]/:slug/'\n"
    "withsectionslug = '/sectionslug/:sectionslug/:slug/'\n"
    "withsectionslugs = '/sectionslugs/:sectionslugs/:slug/'\n"
    "[permalinks.section]\n"
    "withfilefilename = '/sectionwithfilefilename/:contentbasename/'\n"
    "withfilefiletitle = '/sectionwithfilefiletitle/:title/'\n"
    "withfileslug = '/sectionwithfileslug/:slug/'\n"
    "nofileslug = '/sectionnofileslug/:slug/'\n"
    "nofilefilename = '/sectionnofilefilename/:contentbasename/'\n"
    "nofiletitle1 = '/sectionnofiletitle1/:title/'\n"
    "nofiletitle2 = '/sectionnofiletitle2/:sections[:last]/'\n"
    "[permalinks.term]\n"
    "tags = '/tagsslug/tag/:slug/'\n"
    "[permalinks.taxonomy]\n"
    "tags = '/tagsslug/:slug/'\n"
    "-- content/withpageslug/p1.md --\n"
    "---\nslug: \"p1slugvalue\"\ntags: [\"mytag\"]\n---\n"
    "-- content/withfilefilename/_index.md --\n"
    "-- content/withfileslug/_index.md --\n"
    "---\nslug: \"withfileslugvalue\"\n---\n"
    "-- content/nofileslug/p1.md --\n"
    "-- content/nofilefilename/p1.md --\n"
    "-- content/nofiletitle1/p1.md --\n"
    "-- content/nofiletitle2/asdf/p1.md --\n"
    "-- content/withallbutlastsection/subsection/p1.md --\n"
    "-- content/withallbutlastsectionslug/_index.md --\n"
    "---\nslug: \"root-section-slug\"\n---\n"
    "-- content/withallbutlastsectionslug/subsection/_index.md --\n"
    "---\nslug: \"sub-section-slug\"\n---\n"
    "-- content/withallbutlastsectionslug/subsection/p1.md --\n"
    "---\nslug: \"page-slug\"\n---\n"
    "-- content/withsectionslug/_index.md --\n"
    "---\nslug: \"section-root-slug\"\n---\n"
    "-- content/withsectionslug/subsection/_index.md --\n"
    "-- content/withsectionslug/subsection/p1.md --\n"
    "---\nslug: \"page1-slug\"\n---\n"
    "-- content/withsectionslugs/_index.md --\n"
    "---\nslug: \"sections-root-slug\"\n---\n"
    "-- content/withsectionslugs/level1/_index.md --\n"
    "---\nslug: \"level1-slug\"\n---\n"
    "-- content/withsectionslugs/level1/p1.md --\n"
    "---\nslug: \"page1-slug\"\n---\n"
    "-- content/tags/_index.md --\n"
    "---\nslug: \"tagsslug\"\n---\n"
    "-- content/tags/mytag/_index.md --\n"
    "---\nslug: \"mytagslug\"\n---\n");

  g_assert_cmpstr (site_fixture_link (f, NULL, "/withpageslug/p1"), ==, "/pageslug/p1slugvalue/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/withsectionslug/subsection/p1"), ==,
                   "/sectionslug/section-root-slug/page1-slug/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/withsectionslugs/level1/p1"), ==,
                   "/sectionslugs/sections-root-slug/level1-slug/page1-slug/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/withfilefilename"), ==,
                   "/sectionwithfilefilename/withfilefilename/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/withfileslug"), ==,
                   "/sectionwithfileslug/withfileslugvalue/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/nofilefilename"), ==,
                   "/sectionnofilefilename/nofilefilename/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/nofileslug"), ==,
                   "/sectionnofileslug/nofileslugs/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/nofiletitle1"), ==,
                   "/sectionnofiletitle1/nofiletitle1s/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/nofiletitle2"), ==, "/sectionnofiletitle2/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/tags/mytag"), ==, "/tagsslug/tag/mytagslug/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/tags"), ==, "/tagsslug/tagsslug/");
}

/* TestPermalinksOldSetup: the flat map, for pages and terms. */
static void
test_permalinks_old_setup (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.toml --\n"
    "[permalinks]\n"
    "withpageslug = '/pageslug/:slug/'\n"
    "-- content/withpageslug/p1.md --\n"
    "---\nslug: \"p1slugvalue\"\n---\n");

  g_assert_cmpstr (site_fixture_link (f, NULL, "/withpageslug/p1"), ==, "/pageslug/p1slugvalue/");
}

/* TestPermalinksNestedSections and TestPermalinksNestedSectionsWithSlugs. */
static void
test_permalinks_nested_sections (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.toml --\n"
    "[permalinks.page]\n"
    "books = '/libros/:sections[1:]/:contentbasename'\n"
    "[permalinks.section]\n"
    "books = '/libros/:sections[1:]'\n"
    "-- content/books/_index.md --\n"
    "---\ntitle: Books\n---\n"
    "-- content/books/fiction/_index.md --\n"
    "---\ntitle: Fiction\n---\n"
    "-- content/books/fiction/2023/_index.md --\n"
    "---\ntitle: 2023\n---\n"
    "-- content/books/fiction/2023/book1/index.md --\n"
    "---\ntitle: Book 1\n---\n");
  g_autoptr(SiteFixture) slugs = site_fixture_new (
    "-- hugo.toml --\n"
    "[permalinks.page]\n"
    "books = '/libros/:sectionslugs[1:]/:slug'\n"
    "[permalinks.section]\n"
    "books = '/libros/:sectionslugs[1:]'\n"
    "-- content/books/_index.md --\n"
    "---\ntitle: Books\n---\n"
    "-- content/books/fiction/_index.md --\n"
    "---\ntitle: Fiction\nslug: fictionslug\n---\n"
    "-- content/books/fiction/2023/_index.md --\n"
    "---\ntitle: 2023\n---\n"
    "-- content/books/fiction/2023/book1/index.md --\n"
    "---\ntitle: Book One\n---\n");

  g_assert_cmpstr (site_fixture_link (f, NULL, "/books"), ==, "/libros/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/books/fiction"), ==, "/libros/fiction/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/books/fiction/2023/book1"), ==,
                   "/libros/fiction/2023/book1/");
  g_assert_cmpstr (site_fixture_link (slugs, NULL, "/books"), ==, "/libros/");
  g_assert_cmpstr (site_fixture_link (slugs, NULL, "/books/fiction"), ==, "/libros/fictionslug/");
  g_assert_cmpstr (site_fixture_link (slugs, NULL, "/books/fiction/2023/book1"), ==,
                   "/libros/fictionslug/2023/book-one/");
}

/* TestPermalinksWithEscapedColons: "\:" is a colon; Hugo strips colons
 * from the paths it builds, not from a url the front matter gives. */
static void
test_permalinks_escaped_colons (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.toml --\n"
    "disableKinds = ['home','rss','sitemap','taxonomy','term']\n"
    "[permalinks.page]\n"
    "s2 = \"/c\\\\:d/:slug/\"\n"
    "-- content/s1/_index.md --\n"
    "---\ntitle: s1\nurl: \"/a\\\\:b/:slug/\"\n---\n"
    "-- content/s1/p1.md --\n"
    "---\ntitle: p1\nurl: \"/a\\\\:b/:slug/\"\n---\n"
    "-- content/s2/p2.md --\n"
    "---\ntitle: p2\n---\n");

  g_assert_cmpstr (site_fixture_link (f, NULL, "/s1/p1"), ==, "/a:b/p1/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/s1"), ==, "/a:b/s1/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/s2/p2"), ==, "/cd/p2/");
}

/* TestPermalinksContentbasenameWithAndWithoutFile. */
static void
test_permalinks_contentbasename (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.toml --\n"
    "[permalinks.section]\n"
    "a = \"/mya/:contentbasename/\"\n"
    "[permalinks.page]\n"
    "a = \"/myapage/:contentbasename/\"\n"
    "[permalinks.term]\n"
    "categories = \"/myc/:slugorcontentbasename/\"\n"
    "-- content/b/c/_index.md --\n"
    "---\ntitle: \"C section\"\n---\n"
    "-- content/a/b/index.md --\n"
    "---\ntitle: \"My Title\"\ncategories: [\"c1\", \"c2\"]\n---\n"
    "-- content/categories/c2/_index.md --\n"
    "---\ntitle: \"C2\"\nslug: \"c2slug\"\n---\n");

  g_assert_cmpstr (site_fixture_link (f, NULL, "/a"), ==, "/mya/a/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/a/b"), ==, "/myapage/b/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/categories/c1"), ==, "/myc/c1/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/categories/c2"), ==, "/myc/c2slug/");
}

/* TestPermalinksNewSliceFormat, TestPermalinksNewSliceFormatEnvironment
 * (Byline takes the production environment, as "hugo build" does) and
 * TestPermalinksNewSliceFormatSitesMatrix. */
static void
test_permalinks_slice_format (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.yaml --\n"
    "permalinks:\n"
    "  - target:\n"
    "      kind: page\n"
    "      path: \"/books/**\"\n"
    "    pattern: /books/:year/:slug/\n"
    "  - target:\n"
    "      kind: section\n"
    "      path: \"/{books,books/**}\"\n"
    "    pattern: /libros/:sections[1:]\n"
    "  - target:\n"
    "      kind: page\n"
    "    pattern: /other/:slug/\n"
    "-- content/books/_index.md --\n"
    "---\ntitle: Books\n---\n"
    "-- content/books/fiction/_index.md --\n"
    "---\ntitle: Fiction\n---\n"
    "-- content/books/fiction/book1.md --\n"
    "---\ntitle: Book One\ndate: 2023-06-15\nslug: book-one\n---\n"
    "-- content/other/p1.md --\n"
    "---\ntitle: Other Page\nslug: other-page\n---\n"
    "-- content/unmatched/p2.md --\n"
    "---\ntitle: Unmatched Page\nslug: unmatched-page\n---\n");
  g_autoptr(SiteFixture) env = site_fixture_new (
    "-- hugo.toml --\n"
    "disableKinds = ['home','rss','sitemap','taxonomy','term']\n"
    "[[permalinks]]\n"
    "pattern = \"/testing/:slug/\"\n"
    "[permalinks.target]\n"
    "path = \"/books/**\"\n"
    "environment = \"test\"\n"
    "[[permalinks]]\n"
    "pattern = \"/prod/:slug/\"\n"
    "[permalinks.target]\n"
    "path = \"/books/**\"\n"
    "environment = \"production\"\n"
    "-- content/books/fiction/book1.md --\n"
    "---\ntitle: Book One\ndate: 2023-06-15\nslug: book-one\n---\n");
  g_autoptr(SiteFixture) matrix = site_fixture_new (
    "-- hugo.yaml --\n"
    "defaultContentLanguage: en\n"
    "defaultContentLanguageInSubdir: true\n"
    "disableKinds: ['home','rss','section','sitemap','taxonomy','term']\n"
    "languages:\n"
    "  en:\n"
    "    weight: 1\n"
    "  de:\n"
    "    weight: 2\n"
    "permalinks:\n"
    "  - target:\n"
    "      kind: page\n"
    "      sites:\n"
    "        matrix:\n"
    "          languages: [\"en\"]\n"
    "    pattern: /en-posts/:slug/\n"
    "  - target:\n"
    "      kind: page\n"
    "      sites:\n"
    "        matrix:\n"
    "          languages: [\"de\"]\n"
    "    pattern: /de-posts/:slug/\n"
    "  - target:\n"
    "      kind: page\n"
    "    pattern: /other/:slug/\n"
    "-- content/p1.en.md --\n"
    "---\ntitle: Hello\nslug: hello\n---\n"
    "-- content/p1.de.md --\n"
    "---\ntitle: Hallo\nslug: hallo\n---\n");

  g_assert_cmpstr (site_fixture_link (f, NULL, "/books/fiction/book1"), ==,
                   "/books/2023/book-one/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/books/fiction"), ==, "/libros/fiction/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/other/p1"), ==, "/other/other-page/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/unmatched/p2"), ==, "/other/unmatched-page/");
  g_assert_cmpstr (site_fixture_link (env, NULL, "/books/fiction/book1"), ==, "/prod/book-one/");
  g_assert_cmpstr (site_fixture_link (matrix, "en", "/p1"), ==, "/en/en-posts/hello/");
  g_assert_cmpstr (site_fixture_link (matrix, "de", "/p1"), ==, "/de/de-posts/hallo/");
}

/* TestPermalinksTaxonomyAndPageConsistencyIssue14325, the flat map:
 * dates in patterns, and terms at the root. */
static void
test_permalinks_dates_and_terms (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.toml --\n"
    "disableKinds = ['rss','sitemap']\n"
    "[permalinks]\n"
    "s1 = '/:year/:month/:day/:contentbasename/'\n"
    "categories = '/:contentbasename/'\n"
    "tags = '/tags/:contentbasename/'\n"
    "-- content/s1/p1.md --\n"
    "---\ntitle: p1\ndate: 2026-04-02\ntags: ['tag-a']\ncategories: ['category-a']\n---\n");

  g_assert_cmpstr (site_fixture_link (f, NULL, "/s1/p1"), ==, "/2026/04/02/p1/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/categories"), ==, "/categories/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/categories/category-a"), ==, "/category-a/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/tags/tag-a"), ==, "/tags/tag-a/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/s1"), ==, "/s1/");
}

/* resources/page/permalinks_test.go, testdataPermalinks: each attribute
 * on the page of TestPermalinkExpansion (its title, date, slug; its
 * section is "blue"). */
static void
test_permalink_attributes (void)
{
  const struct { const char *spec; const char *expands_to;
  } cases[] = {
    { ":title", "/spf13-vim-3.0-release-and-new-website/" },
    { "/:year-:month-:title", "/2012-04-spf13-vim-3.0-release-and-new-website/" },
    { "/:year/:yearday/:month/:monthname/:day/:weekday/:weekdayname/",
      "/2012/97/04/april/06/5/friday/" },
    { "/:section/", "/blue/" },
    { "/:title/", "/spf13-vim-3.0-release-and-new-website/" },
    { "/:slug/", "/the-slug/" },
    { "/:slugorfilename/", "/the-slug/" },
    { "/:06-:1-:2-:Monday", "/12-4-6-friday/" },
    { "/:2006_01_02_15_04_05.000", "/2012_04_06_03_01_59.000/" },
    { "/\\:filename", "/filename/" },
    { "/special\\::slug/", "/specialthe-slug/" },
    { "/:contentbasename/", "/test-page/" },
    { "/:slugorcontentbasename/", "/the-slug/" },
  };

  /* Hugo's table gives the expansion; the URL is that expansion made a
   * folder (index.html) and sanitized: lower case, no colons. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *files = g_strdup_printf (
        "-- hugo.toml --\n"
        "[permalinks.page]\n"
        "blue = '%s'\n"
        "-- content/blue/test-page/index.md --\n"
        "---\n"
        "title: Spf13 Vim 3.0 Release and new website\n"
        "date: 2012-04-06T03:01:59Z\n"
        "slug: The Slug\n"
        "---\n", cases[i].spec);
      g_autoptr(SiteFixture) f = site_fixture_new (files);

      g_test_message ("%s", cases[i].spec);
      g_assert_cmpstr (site_fixture_link (f, NULL, "/blue/test-page"), ==, cases[i].expands_to);
    }
}

/* hugolib/site_url_test.go, TestSectionsEntries: a top-level folder is a
 * section even without _index.md. */
static void
test_sections_without_files (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.toml --\n"
    "-- content/withfile/_index.md --\n"
    "-- content/withoutfile/p1.md --\n");

  g_assert_cmpstr (site_fixture_link (f, NULL, "/withfile"), ==, "/withfile/");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/withoutfile"), ==, "/withoutfile/");
}

/* hugoDocs content-management/urls.md, "Aliases": for
 * content/examples/example-1.en.md, "/old-url" is /en/old-url/,
 * "old-name" /en/examples/old-name/, "../old/path" /en/old/path/. */
static void
test_aliases (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.toml --\n"
    "defaultContentLanguageInSubdir = true\n"
    "-- content/examples/example-1.en.md --\n"
    "+++\n"
    "title = 'Example 1'\n"
    "date = 2025-02-02\n"
    "aliases = ['/old-url', 'old-name', '../old/path']\n"
    "+++\n");
  const BylineSitePage *page = site_fixture_page (f, "content/examples/example-1.en.md");
  const BylineSitePage *found = NULL;

  g_assert_cmpstrv (
    byline_site_page_get_aliases (page),
    ((const char *[]) { "/en/old-url", "/en/examples/old-name", "/en/old/path", NULL }));
  g_assert_cmpint (byline_site_resolve_link (f->site, NULL, "/en/examples/old-name/", &found, NULL),
                   ==, BYLINE_SITE_LINK_ALIAS);
  g_assert_true (found == page);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/site/permalinks/table", test_permalink_table);
  g_test_add_func ("/core/site/permalinks/relative-url", test_relative_url_in_front_matter);
  g_test_add_func ("/core/site/permalinks/by-kind", test_permalinks_by_kind);
  g_test_add_func ("/core/site/permalinks/old-setup", test_permalinks_old_setup);
  g_test_add_func ("/core/site/permalinks/nested-sections", test_permalinks_nested_sections);
  g_test_add_func ("/core/site/permalinks/escaped-colons", test_permalinks_escaped_colons);
  g_test_add_func ("/core/site/permalinks/contentbasename", test_permalinks_contentbasename);
  g_test_add_func ("/core/site/permalinks/slice-format", test_permalinks_slice_format);
  g_test_add_func ("/core/site/permalinks/dates-and-terms", test_permalinks_dates_and_terms);
  g_test_add_func ("/core/site/permalinks/attributes", test_permalink_attributes);
  g_test_add_func ("/core/site/permalinks/sections-without-files", test_sections_without_files);
  g_test_add_func ("/core/site/permalinks/aliases", test_aliases);

  return g_test_run ();
}
