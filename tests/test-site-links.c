/* test-site-links.c — BylineSite: GetPage, ref and relref, and link
 * resolution
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

  g_test_add_func ("/core/site/links/get-page", test_get_page);
  g_test_add_func ("/core/site/links/get-page/drafts", test_get_page_drafts);
  g_test_add_func ("/core/site/links/ref", test_ref);
  g_test_add_func ("/core/site/links/ref/languages", test_ref_languages);
  g_test_add_func ("/core/site/links/resolve", test_resolve_links);
  g_test_add_func ("/core/site/links/feeds", test_resolve_feeds);

  return g_test_run ();
}
