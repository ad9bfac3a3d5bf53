/* test-site-urls.c — BylineSite: permalinks, aliases, GetPage, ref and
 * relref, and link resolution
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


/* hugolib/pagecollections_test.go, TestGetPage: GetPage without a
 * context, and with /sect3 as the context. */
static const char get_page_site[] =
  "-- hugo.toml --\n"
  "-- content/_index.md --\n"
  "---\ntitle: \"home page\"\ncategories:\n- Hugo\n---\n"
  "-- content/about.md --\n"
  "---\ntitle: \"about page\"\ncategories:\n- Hugo\n---\n"
  "-- content/sect0/page1.md --\n"
  "---\ntitle: \"Title0_1\"\n---\n"
  "-- content/sect1/page1.md --\n"
  "---\ntitle: \"Title1_1\"\n---\n"
  "-- content/sect2/_index.md --\n"
  "---\ntitle: \"Section 2\"\n---\n"
  "-- content/sect3/_index.md --\n"
  "---\ntitle: \"section 3\"\n---\n"
  "-- content/sect3/page1.md --\n"
  "---\ntitle: \"Title3_1\"\n---\n"
  "-- content/sect3/unique.md --\n"
  "---\ntitle: \"UniqueBase\"\n---\n"
  "-- content/sect3/Unique2.md --\n"
  "---\ntitle: \"UniqueBase2\"\n---\n"
  "-- content/sect3/sect7/_index.md --\n"
  "---\ntitle: \"another sect7\"\n---\n"
  "-- content/sect3/subsect/deep.md --\n"
  "---\ntitle: \"deep page\"\n---\n"
  "-- content/sect3/b1/index.md --\n"
  "---\ntitle: \"b1 bundle\"\n---\n"
  "-- content/sect3/index/index.md --\n"
  "---\ntitle: \"index bundle\"\n---\n"
  "-- content/sect4/page2.md --\n"
  "---\ntitle: \"Title4_2\"\n---\n"
  "-- content/sect5/page3.md --\n"
  "---\ntitle: \"Title5_3\"\n---\n"
  "-- content/sect7/somesubpage.md --\n"
  "---\ntitle: \"Some Sub Page in Sect7\"\n---\n"
  "-- content/sect7/page9.md --\n"
  "---\ntitle: \"Title7_9\"\n---\n"
  "-- content/section_bundle_overlap/_index.md --\n"
  "---\ntitle: \"index overlap section\"\n---\n"
  "-- content/section_bundle_overlap_bundle/index.md --\n"
  "---\ntitle: \"index overlap bundle\"\n---\n";

static void
test_get_page (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (get_page_site);
  const struct
  {
    const char *context;          /* a content file, or NULL */
    const char *refs;             /* "|"-separated variants */
    BylineSitePageKind kind;
    const char *title;            /* NULL: no page */
  } tests[] = {
    { NULL, "", BYLINE_SITE_PAGE_HOME, "home page" },
    { NULL, "about.md|ABOUT.md", BYLINE_SITE_PAGE_PAGE, "about page" },
    { NULL, "sect3", BYLINE_SITE_PAGE_SECTION, "section 3" },
    { NULL, "sect3/page1.md", BYLINE_SITE_PAGE_PAGE, "Title3_1" },
    { NULL, "sect3/sect7", BYLINE_SITE_PAGE_SECTION, "another sect7" },
    { NULL, "sect3/subsect/deep.md", BYLINE_SITE_PAGE_PAGE, "deep page" },
    { NULL, "unique.md|unique", BYLINE_SITE_PAGE_PAGE, "UniqueBase" },
    { NULL, "Unique2.md|unique2.md|unique2", BYLINE_SITE_PAGE_PAGE, "UniqueBase2" },
    /* "Section, ambiguous": the root section, titled from its folder. */
    { NULL, "sect7", BYLINE_SITE_PAGE_SECTION, "Sect7s" },
    { NULL, "/|", BYLINE_SITE_PAGE_HOME, "home page" },
    { NULL, "/about.md|/about", BYLINE_SITE_PAGE_PAGE, "about page" },
    { NULL, "/sect3", BYLINE_SITE_PAGE_SECTION, "section 3" },
    { NULL, "/sect3/page1.md|/Sect3/Page1.md", BYLINE_SITE_PAGE_PAGE, "Title3_1" },
    { NULL, "/sect3/sect7", BYLINE_SITE_PAGE_SECTION, "another sect7" },
    { NULL, "/sect3/subsect/deep.md", BYLINE_SITE_PAGE_PAGE, "deep page" },
    { NULL, "/sect3/unique.md", BYLINE_SITE_PAGE_PAGE, "UniqueBase" },
    { NULL, "/sect3/Unique2.md|/sect3/unique2.md|/sect3/unique2|/sect3/Unique2",
      BYLINE_SITE_PAGE_PAGE, "UniqueBase2" },
    { NULL, "/missing-page.md|/missing-section", 0, NULL },
    { "content/sect3/_index.md", "..|../", BYLINE_SITE_PAGE_HOME, "home page" },
    { "content/sect3/_index.md", "../about.md", BYLINE_SITE_PAGE_PAGE, "about page" },
    { "content/sect3/_index.md", ".|./", BYLINE_SITE_PAGE_SECTION, "section 3" },
    { "content/sect3/_index.md", "page1.md|./page1.md", BYLINE_SITE_PAGE_PAGE, "Title3_1" },
    { "content/sect3/_index.md", "../sect4/page2.md", BYLINE_SITE_PAGE_PAGE, "Title4_2" },
    { "content/sect3/_index.md", "sect7|./sect7", BYLINE_SITE_PAGE_SECTION, "another sect7" },
    { "content/sect3/_index.md", "./subsect/deep.md", BYLINE_SITE_PAGE_PAGE, "deep page" },
    { "content/sect3/_index.md", "./subsect/../../sect7/page9.md", BYLINE_SITE_PAGE_PAGE,
      "Title7_9" },
    { "content/sect3/_index.md", "./unique.md", BYLINE_SITE_PAGE_PAGE, "UniqueBase" },
    { "content/sect3/_index.md", "./sect2", 0, NULL },
    { "content/sect3/_index.md", "/", BYLINE_SITE_PAGE_HOME, "home page" },
    { "content/sect3/_index.md", "/sect4/page2.md", BYLINE_SITE_PAGE_PAGE, "Title4_2" },
    { "content/sect3/_index.md", "/subsect/deep.md", 0, NULL },
    { NULL, "categories", BYLINE_SITE_PAGE_TAXONOMY, "Categories" },
    { NULL, "categories/hugo|categories/Hugo", BYLINE_SITE_PAGE_TERM, "Hugo" },
    { NULL, "sect3/b1|sect3/b1/index.md|sect3/b1/index.en.md", BYLINE_SITE_PAGE_PAGE, "b1 bundle" },
    { NULL, "sect3/index/index.md|sect3/index", BYLINE_SITE_PAGE_PAGE, "index bundle" },
    { NULL, "section_bundle_overlap_bundle", BYLINE_SITE_PAGE_PAGE, "index overlap bundle" },
  };
  g_autoptr(BylineSitePages) pages = byline_site_get_pages (f->site);

  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    {
      g_auto(GStrv) refs = g_strsplit (tests[i].refs, "|", -1);
      const BylineSitePage *context = tests[i].context != NULL
                                        ? site_fixture_page (f, tests[i].context)
                                        : NULL;

      for (guint r = 0; refs[r] != NULL; r++)
        {
          const BylineSitePage *page = byline_site_get_page (f->site, pages, context, NULL,
                                                             refs[r]);

          g_test_message ("case %u: %s", i, refs[r]);
          if (tests[i].title == NULL)
            {
              g_assert_null (page);
              continue;
            }
          g_assert_nonnull (page);
          g_assert_cmpint (byline_site_page_get_kind (page), ==, tests[i].kind);
          g_assert_cmpstr (byline_site_page_get_title (page), ==, tests[i].title);
        }
    }

  /* "Short ref, ambiguous": GetPage finds nothing, ref says why. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *link = byline_site_ref (f->site, NULL, "page1.md", NULL, TRUE, &error);

    g_assert_null (byline_site_get_page (f->site, pages, NULL, NULL, "page1.md"));
    g_assert_null (link);
    g_assert_error (error, BYLINE_SITE_ERROR, BYLINE_SITE_ERROR_REF_AMBIGUOUS);
  }
}

/* TestGetPageRelative (issue 6034): drafts are not built, so not found. */
static void
test_get_page_drafts (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.toml --\n"
    "-- content/what/_index.md --\n"
    "---\ntitle: what\n---\n"
    "-- content/what/members.md --\n"
    "---\ntitle: members what\ndraft: false\n---\n"
    "-- content/who/_index.md --\n"
    "---\ntitle: who\n---\n"
    "-- content/who/members.md --\n"
    "---\ntitle: members who\ndraft: true\n---\n");
  g_autoptr(BylineSitePages) pages = byline_site_get_pages (f->site);
  const BylineSitePage *what = site_fixture_page (f, "content/what/_index.md");
  const BylineSitePage *who = site_fixture_page (f, "content/who/_index.md");
  const BylineSitePage *draft = site_fixture_page (f, "content/who/members.md");

  g_assert_cmpstr (
    byline_site_page_get_title (byline_site_get_page (f->site, pages, what, NULL, "members.md")),
    ==, "members what");
  g_assert_null (byline_site_get_page (f->site, pages, who, NULL, "members.md"));
  /* The draft is still a page of its file, for the one editing it. */
  g_assert_nonnull (draft);
  g_assert_true (byline_site_page_is_draft (draft));
  g_assert_cmpint (byline_site_resolve_link (f->site, NULL, "/who/members/", NULL, NULL), ==,
                   BYLINE_SITE_LINK_NOT_FOUND);
}

/* hugolib/site_test.go: TestRefIssues (issue 6952), TestRelRefWithTrailingSlash,
 * TestRefUnderscoreSection (issue 14344). */
static void
test_ref (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.toml --\n"
    "baseURL = \"http://example.com\"\n"
    "-- content/post/b1/index.md --\n"
    "---\ntitle: pb1\n---\n"
    "-- content/post/b2/index.md --\n"
    "---\ntitle: pb2\n---\n"
    "-- content/post/nested-a/content-a.md --\n"
    "---\ntitle: ca\n---\n"
    "-- content/post/nested-b/content-b.md --\n"
    "---\ntitle: ca\n---\n"
    "-- content/docs/5.3/examples/_index.md --\n"
    "---\ntitle: \"Examples\"\n---\n"
    "-- content/definitions/_/_index.md --\n"
    "---\ntitle: underscore\n---\n");
  g_autofree char *b1 = site_fixture_path (f, "content/post/b1/index.md");
  g_autofree char *a = site_fixture_path (f, "content/post/nested-a/content-a.md");
  const struct
  {
    const char *from;
    const char *ref;
    gboolean relative;
    const char *expected;
  } cases[] = {
    { b1, "b2", FALSE, "http://example.com/post/b2/" },
    { a, "content-b", FALSE, "http://example.com/post/nested-b/content-b/" },
    { NULL, "/docs/5.3/examples/", TRUE, "/docs/5.3/examples/" },
    { NULL, "definitions/_", FALSE, "http://example.com/definitions/_/" },
    /* The fragment is kept (site.go, refLink). */
    { b1, "b2#part", TRUE, "/post/b2/#part" },
    { b1, "#part", TRUE, "#part" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *link = byline_site_ref (f->site, cases[i].from, cases[i].ref, NULL,
                                               cases[i].relative, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (link, ==, cases[i].expected);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GError) lang_error = NULL;
    g_autofree char *missing = byline_site_ref (f->site, b1, "/post/b3", NULL, TRUE, &error);
    g_autofree char *no_lang = byline_site_ref (f->site, b1, "b2", "fr", TRUE, &lang_error);

    /* REF_NOT_FOUND: Hugo's build fails on it (refLinksErrorLevel ERROR). */
    g_assert_null (missing);
    g_assert_error (error, BYLINE_SITE_ERROR, BYLINE_SITE_ERROR_REF_NOT_FOUND);
    g_assert_null (no_lang);
    g_assert_error (lang_error, BYLINE_SITE_ERROR, BYLINE_SITE_ERROR_NO_LANGUAGE);
  }
}

/* A multilingual ref: lang names the site it looks in (page__ref.go). */
static void
test_ref_languages (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.toml --\n"
    "baseURL = 'https://example.org/'\n"
    "[languages.en]\n"
    "weight = 1\n"
    "[languages.de]\n"
    "weight = 2\n"
    "-- content/about.md --\n"
    "---\ntitle: About\n---\n"
    "-- content/about.de.md --\n"
    "---\ntitle: Über\n---\n"
    "-- content/blog/post.de.md --\n"
    "---\ntitle: Beitrag\n---\n");
  g_autofree char *post = site_fixture_path (f, "content/blog/post.de.md");
  g_autofree char *from_de = byline_site_ref (f->site, post, "/about", NULL, TRUE, NULL);
  g_autofree char *to_en = byline_site_ref (f->site, post, "/about", "en", TRUE, NULL);

  g_assert_cmpstr (from_de, ==, "/de/about/");
  g_assert_cmpstr (to_en, ==, "/about/");
}

/* Output formats decide what index.xml exists (hugoDocs
 * configuration/outputs.md): the site's outputs per kind, a page's own,
 * or cascaded to it; disableKinds "rss" turns feeds off. */
static void
test_resolve_feeds (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.yaml --\n"
    "enableRobotsTXT: true\n"
    "outputs:\n"
    "  home: [html, rss]\n"
    "  section: [html]\n"
    "-- content/_index.md --\n"
    "---\ncascade:\n  - outputs: [html, rss]\n    target: {kind: section, path: /blog}\n---\n"
    "-- content/blog/_index.md --\n"
    "---\ntitle: Blog\n---\n"
    "-- content/docs/_index.md --\n"
    "---\ntitle: Docs\n---\n"
    "-- content/news/_index.md --\n"
    "---\ntitle: News\noutputs: [HTML, RSS]\n---\n");
  g_autoptr(SiteFixture) off = site_fixture_new (
    "-- hugo.toml --\n"
    "disableKinds = ['rss', 'sitemap']\n"
    "-- content/blog/_index.md --\n"
    "---\ntitle: Blog\n---\n");

  g_assert_cmpint (byline_site_resolve_link (f->site, NULL, "/index.xml", NULL, NULL), ==,
                   BYLINE_SITE_LINK_PAGE);
  g_assert_cmpint (byline_site_resolve_link (f->site, NULL, "/blog/index.xml", NULL, NULL), ==,
                   BYLINE_SITE_LINK_PAGE);
  g_assert_cmpint (byline_site_resolve_link (f->site, NULL, "/docs/index.xml", NULL, NULL), ==,
                   BYLINE_SITE_LINK_NOT_FOUND);
  g_assert_cmpint (byline_site_resolve_link (f->site, NULL, "/news/index.xml", NULL, NULL), ==,
                   BYLINE_SITE_LINK_PAGE);
  g_assert_cmpint (byline_site_resolve_link (f->site, NULL, "/robots.txt", NULL, NULL), ==,
                   BYLINE_SITE_LINK_GENERATED);
  g_assert_cmpint (byline_site_resolve_link (off->site, NULL, "/blog/index.xml", NULL, NULL), ==,
                   BYLINE_SITE_LINK_NOT_FOUND);
  g_assert_cmpint (byline_site_resolve_link (off->site, NULL, "/sitemap.xml", NULL, NULL), ==,
                   BYLINE_SITE_LINK_NOT_FOUND);
}

/* Links as posts write them, on a site below a path of its host. */
static void
test_resolve_links (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.toml --\n"
    "baseURL = 'https://example.org/docs/'\n"
    "theme = 't'\n"
    "[languages.en]\n"
    "weight = 1\n"
    "[languages.fr]\n"
    "weight = 2\n"
    "-- content/blog/_index.md --\n"
    "---\ntitle: Blog\n---\n"
    "-- content/blog/post/index.md --\n"
    "---\ntitle: Post\naliases: [/old/post/]\n---\n"
    "-- content/blog/post/images/diagram.png --\n"
    "png\n"
    "-- content/blog/other.md --\n"
    "---\ntitle: Other\n---\n"
    "-- content/blog/other.fr.md --\n"
    "---\ntitle: Autre\n---\n"
    "-- content/blog/café.md --\n"
    "---\ntitle: Café\n---\n"
    "-- static/images/logo.svg --\n"
    "svg\n"
    "-- themes/t/static/theme.css --\n"
    "css\n"
    "-- assets/js/app.js --\n"
    "js\n");
  g_autofree char *post = site_fixture_path (f, "content/blog/post/index.md");
  g_autofree char *other = site_fixture_path (f, "content/blog/other.md");
  const struct { const char *from; const char *link; BylineSiteLinkKind kind; } cases[] = {
    { NULL, "/docs/blog/post/", BYLINE_SITE_LINK_PAGE },
    { NULL, "/docs/blog/post", BYLINE_SITE_LINK_PAGE },
    { NULL, "/docs/blog/post/index.html", BYLINE_SITE_LINK_PAGE },
    { NULL, "/docs/blog/post/#section?x=1", BYLINE_SITE_LINK_PAGE },
    { NULL, "https://example.org/docs/blog/other/", BYLINE_SITE_LINK_PAGE },
    { NULL, "//example.org/docs/blog/", BYLINE_SITE_LINK_PAGE },
    { NULL, "/docs/fr/blog/other/", BYLINE_SITE_LINK_PAGE },
    { NULL, "/docs/blog/caf%C3%A9/", BYLINE_SITE_LINK_PAGE },
    { NULL, "/docs/blog/café/", BYLINE_SITE_LINK_PAGE },
    /* Links are case-sensitive, as web servers are; Hugo writes lower case. */
    { NULL, "/docs/Blog/Other/", BYLINE_SITE_LINK_NOT_FOUND },
    /* Without the baseURL's path, it is another place on the host. */
    { NULL, "/blog/post/", BYLINE_SITE_LINK_NOT_FOUND },
    { NULL, "/docs/old/post/", BYLINE_SITE_LINK_ALIAS },
    { NULL, "/docs/blog/post/images/diagram.png", BYLINE_SITE_LINK_PAGE_RESOURCE },
    { NULL, "/docs/blog/other/images/diagram.png", BYLINE_SITE_LINK_NOT_FOUND },
    { NULL, "/docs/images/logo.svg", BYLINE_SITE_LINK_STATIC },
    { NULL, "/docs/theme.css", BYLINE_SITE_LINK_STATIC },
    { NULL, "/docs/js/app.js", BYLINE_SITE_LINK_ASSET },
    { NULL, "/docs/missing/", BYLINE_SITE_LINK_NOT_FOUND },
    /* Hugo's default outputs: RSS for lists, not for pages; a sitemap. */
    { NULL, "/docs/blog/index.xml", BYLINE_SITE_LINK_PAGE },
    { NULL, "/docs/fr/index.xml", BYLINE_SITE_LINK_PAGE },
    { NULL, "/docs/blog/other/index.xml", BYLINE_SITE_LINK_NOT_FOUND },
    { NULL, "/docs/sitemap.xml", BYLINE_SITE_LINK_GENERATED },
    { NULL, "/docs/fr/sitemap.xml", BYLINE_SITE_LINK_GENERATED },
    { NULL, "/docs/robots.txt", BYLINE_SITE_LINK_NOT_FOUND },
    { NULL, "https://gohugo.io/", BYLINE_SITE_LINK_EXTERNAL },
    { NULL, "mailto:someone@example.org", BYLINE_SITE_LINK_EXTERNAL },
    /* Relative to the page's URL (/docs/blog/post/). */
    { post, "images/diagram.png", BYLINE_SITE_LINK_PAGE_RESOURCE },
    { post, "../other/", BYLINE_SITE_LINK_PAGE },
    { post, "../", BYLINE_SITE_LINK_PAGE },
    { post, "../../images/logo.svg", BYLINE_SITE_LINK_STATIC },
    { post, "../missing/", BYLINE_SITE_LINK_NOT_FOUND },
    /* A leaf page's URL is a folder too: /docs/blog/other/. */
    { other, "../post/", BYLINE_SITE_LINK_PAGE },
    { other, "post/", BYLINE_SITE_LINK_NOT_FOUND },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u: %s", i, cases[i].link);
      g_assert_cmpint (byline_site_resolve_link (f->site, cases[i].from, cases[i].link, NULL, NULL),
                       ==, cases[i].kind);
    }

  {
    const BylineSitePage *page = NULL;
    g_autofree char *file = NULL;
    g_autofree char *expected = site_fixture_path (f, "content/blog/post/images/diagram.png");

    g_assert_cmpint (
      byline_site_resolve_link (f->site, NULL, "/docs/blog/post/images/diagram.png", &page, &file),
      ==, BYLINE_SITE_LINK_PAGE_RESOURCE);
    g_assert_true (page == site_fixture_page (f, "content/blog/post/index.md"));
    g_assert_cmpstr (file, ==, expected);
    /* Hugo's escaped RelPermalink (paths.PathEscape). */
    g_assert_cmpstr (
      byline_site_page_get_rel_permalink (site_fixture_page (f, "content/blog/café.md")), ==,
      "/docs/blog/caf%C3%A9/");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/site/urls/permalink-table", test_permalink_table);
  g_test_add_func ("/core/site/urls/relative-url", test_relative_url_in_front_matter);
  g_test_add_func ("/core/site/urls/permalinks/by-kind", test_permalinks_by_kind);
  g_test_add_func ("/core/site/urls/permalinks/old-setup", test_permalinks_old_setup);
  g_test_add_func ("/core/site/urls/permalinks/nested-sections", test_permalinks_nested_sections);
  g_test_add_func ("/core/site/urls/permalinks/escaped-colons", test_permalinks_escaped_colons);
  g_test_add_func ("/core/site/urls/permalinks/contentbasename", test_permalinks_contentbasename);
  g_test_add_func ("/core/site/urls/permalinks/slice-format", test_permalinks_slice_format);
  g_test_add_func ("/core/site/urls/permalinks/dates-and-terms", test_permalinks_dates_and_terms);
  g_test_add_func ("/core/site/urls/permalinks/attributes", test_permalink_attributes);
  g_test_add_func ("/core/site/urls/sections-without-files", test_sections_without_files);
  g_test_add_func ("/core/site/urls/aliases", test_aliases);
  g_test_add_func ("/core/site/urls/get-page", test_get_page);
  g_test_add_func ("/core/site/urls/get-page/drafts", test_get_page_drafts);
  g_test_add_func ("/core/site/urls/ref", test_ref);
  g_test_add_func ("/core/site/urls/ref/languages", test_ref_languages);
  g_test_add_func ("/core/site/urls/links", test_resolve_links);
  g_test_add_func ("/core/site/urls/links/feeds", test_resolve_feeds);

  return g_test_run ();
}
