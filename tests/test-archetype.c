/* test-archetype.c — new posts from a site's archetypes, as "hugo new content" makes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixture site (data/archetype-site.txtar) has an archetype in each
 * front-matter format, a bundle archetype, a theme's archetype and one that
 * fails. The expected texts are what Debian's hugo 0.111 writes for
 * "TZ=UTC hugo new --clock 2026-03-05T10:20:30Z TARGET" in that site, and
 * what Hugo documents (content/en/content-management/archetypes.md: the
 * default archetype title = '{{ replace .File.ContentBaseName "-" " " |
 * title }}' gives 'My First Post' for posts/my-first-post.md; .Date is the
 * RFC 3339 time; leaf bundle archetypes copy their other files;
 * create/content.go keeps shortcode calls). When hugo is installed,
 * /core/archetype/hugo runs it on a copy of the site and compares every
 * file byte for byte.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "byline-archetype.h"
#include "byline-archetype-private.h"
#include "site-fixture.h"

#define CLOCK "2026-03-05T10:20:30Z"

/* $BYLINE_CORPUS/sites/NAME, or NULL when it is not there. */
static char *
corpus_site (const char *name)
{
  const char *corpus = g_getenv ("BYLINE_CORPUS");
  g_autofree char *path = corpus != NULL ? g_build_filename (corpus, "sites", name, NULL) : NULL;

  return path != NULL && g_file_test (path, G_FILE_TEST_IS_DIR) ? g_steal_pointer (&path) : NULL;
}

static SiteFixture *
archetype_fixture (void)
{
  return site_fixture_new_from_data ("archetype-site.txtar");
}

static GDateTime *
clock_time (void)
{
  return g_date_time_new_from_iso8601 (CLOCK, NULL);
}

typedef struct
{
  const char *target;     /* below content/ */
  const char *file;       /* the post's file below content/ */
  const char *archetype;  /* below the site's root, NULL for the built-in */
  const char *expected;
} Case;

static const Case cases[] = {
  /* A section archetype in YAML: the whole context, shortcodes kept. */
  { "blog/my-first-post.md", "blog/my-first-post.md", "archetypes/blog.md",
    "---\n"
    "title: \"My First Post\"\n"
    "date: 2026-03-05T10:20:30Z\n"
    "draft: true\n"
    "type: blog\n"
    "section: blog\n"
    "dir: blog/\n"
    "base: my-first-post\n"
    "author: Ann Lee\n"
    "site: Field Notes at https://example.org/notes/\n"
    "---\n"
    "{{< figure src=\"cover.jpg\" alt=\"Cover\" >}}\n"
    "{{% note %}}Written on Thursday, March 5, 2026.{{% /note %}}\n"
    "My first post.\n" },
  /* Hugo's documented default archetype, in TOML. */
  { "other/x-y.md", "other/x-y.md", "archetypes/default.md",
    "+++\n"
    "title = 'X Y'\n"
    "date = '2026-03-05T10:20:30Z'\n"
    "draft = true\n"
    "+++\n" },
  /* A page at the top: no section, .Type "page", the default archetype. */
  { "x-top.md", "x-top.md", "archetypes/default.md",
    "+++\n"
    "title = 'X Top'\n"
    "date = '2026-03-05T10:20:30Z'\n"
    "draft = true\n"
    "+++\n" },
  /* JSON front matter. */
  { "notes/a-note.md", "notes/a-note.md", "archetypes/notes.md",
    "{\n"
    "  \"title\": \"A note\",\n"
    "  \"date\": \"2026-03-05T10:20:30Z\",\n"
    "  \"type\": \"notes\"\n"
    "}\n"
    "Body of a-note.md.\n" },
  /* The theme's archetype, when the project has none for the section. */
  { "events/launch-day.md", "events/launch-day.md", "themes/quiet/archetypes/events.md",
    "---\n"
    "title: \"Launch day\"\n"
    "where: Field Notes\n"
    "---\n" },
  /* A bundle archetype: index.md rendered with the bundle's .File. */
  { "gallery/bryce-canyon", "gallery/bryce-canyon/index.md", "archetypes/gallery",
    "---\n"
    "title: \"Bryce Canyon\"\n"
    "date: 2026-03-05T10:20:30Z\n"
    "layout: gallery\n"
    "---\n"
    "Photos of bryce-canyon.\n" },
};

static void
test_hugo_cases (void)
{
  g_autoptr(GDateTime) date = clock_time ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SiteFixture) f = archetype_fixture ();
      g_autofree char *target = g_build_filename (f->root, "content", cases[i].target, NULL);
      g_autofree char *content = g_build_filename ("content", cases[i].file, NULL);
      g_autofree char *file = site_fixture_path (f, content);
      g_autofree char *archetype = site_fixture_path (f, cases[i].archetype);
      g_autofree char *text = NULL;
      g_auto(BylineArchetypeResult) result = { 0 };
      g_autoptr(GError) error = NULL;
      BylineArchetypeRequest request = { .target = target, .date = date };

      g_test_message ("%s", cases[i].target);
      g_assert_true (byline_archetype_create (f->site, &request, &result, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (result.content_file, ==, file);
      g_assert_cmpstr (result.archetype, ==, archetype);
      text = byline_test_read_text (file);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* archetypes.md, "Leaf bundles": the archetype's other files are copied as
 * they are (not run as templates), empty ones and subfolders included. */
static void
test_bundle_files (void)
{
  g_autoptr(SiteFixture) f = archetype_fixture ();
  g_autoptr(GDateTime) date = clock_time ();
  g_autofree char *target = site_fixture_path (f, "content/gallery/bryce-canyon");
  g_autofree char *credits = site_fixture_path (f, "content/gallery/bryce-canyon/credits.txt");
  g_autofree char *keep = site_fixture_path (f, "content/gallery/bryce-canyon/images/.gitkeep");
  g_autofree char *index = site_fixture_path (f, "content/gallery/bryce-canyon/index.md");
  g_autofree char *text = NULL;
  g_autofree char *empty = NULL;
  g_auto(BylineArchetypeResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  BylineArchetypeRequest request = { .target = target, .date = date };

  g_assert_true (byline_archetype_create (f->site, &request, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.files->len, ==, 3);
  /* Content files first, then the others by name (create/content.go). */
  g_assert_cmpstr (result.files->pdata[0], ==, index);
  g_assert_cmpstr (result.files->pdata[1], ==, credits);
  g_assert_cmpstr (result.files->pdata[2], ==, keep);
  text = byline_test_read_text (credits);
  g_assert_cmpstr (text, ==, "Photos by {{ .Site.Params.author }}\n");
  empty = byline_test_read_text (keep);
  g_assert_cmpstr (empty, ==, "");
}

/* Where Hugo stops ("failed to resolve … to an archetype template"), a
 * bundle without a folder archetype gets the section's file archetype as
 * its index.md. */
static void
test_bundle_from_file_archetype (void)
{
  g_autoptr(SiteFixture) f = archetype_fixture ();
  g_autoptr(GDateTime) date = clock_time ();
  g_autofree char *target = site_fixture_path (f, "content/blog/2026/deep-dive");
  g_autofree char *index = site_fixture_path (f, "content/blog/2026/deep-dive/index.md");
  g_autofree char *text = NULL;
  g_auto(BylineArchetypeResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  BylineArchetypeRequest request = { .target = target, .date = date };

  g_assert_true (byline_archetype_create (f->site, &request, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (result.content_file, ==, index);
  text = byline_test_read_text (index);
  /* ContentBaseName is the bundle's folder; Dir the bundle (source.File). */
  g_assert_true (g_str_has_prefix (text, "---\n"
                                         "title: \"Deep Dive\"\n"
                                         "date: 2026-03-05T10:20:30Z\n"
                                         "draft: true\n"
                                         "type: blog\n"
                                         "section: blog\n"
                                         "dir: blog/2026/deep-dive/\n"
                                         "base: index\n"));
}

/* The title the user gives replaces the derived one, quoted as each
 * format quotes strings. */
static void
test_title (void)
{
  static const struct
  {
    const char *target;
    const char *title;
    const char *line;
  } titles[] = {
    { "blog/why-c.md", "Why We Chose C: a \"Story\"",
      "title: \"Why We Chose C: a \\\"Story\\\"\"\n" },
    { "other/why-c.md", "Why We Chose C: a \"Story\"",
      "title = \"Why We Chose C: a \\\"Story\\\"\"\n" },
    { "notes/why-c.md", "Tab\there \\ there",
      "  \"title\": \"Tab\\there \\\\ there\",\n" },
  };
  g_autoptr(GDateTime) date = clock_time ();

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(SiteFixture) f = archetype_fixture ();
      g_autofree char *content = g_build_filename ("content", titles[i].target, NULL);
      g_autofree char *target = site_fixture_path (f, content);
      g_autofree char *text = NULL;
      g_auto(BylineArchetypeResult) result = { 0 };
      g_autoptr(GError) error = NULL;
      BylineArchetypeRequest request = { .target = target, .date = date,
                                         .title = titles[i].title };

      g_assert_true (byline_archetype_create (f->site, &request, &result, &error));
      g_assert_no_error (error);
      text = byline_test_read_text (target);
      g_test_message ("%s", text);
      g_assert_nonnull (strstr (text, titles[i].line));
    }
}

/* An existing file is never replaced, and nothing of the post is written. */
static void
test_never_overwrites (void)
{
  g_autoptr(SiteFixture) f = archetype_fixture ();
  g_autoptr(GDateTime) date = clock_time ();
  g_autofree char *existing = site_fixture_path (f, "content/blog/existing-post.md");
  g_autofree char *keep = site_fixture_path (f, "content/gallery/taken/images/.gitkeep");
  g_autofree char *bundle = site_fixture_path (f, "content/gallery/taken");
  g_autofree char *index = site_fixture_path (f, "content/gallery/taken/index.md");
  g_autofree char *folder = site_fixture_path (f, "content/blog/2025/old.md");
  g_autofree char *text = NULL;
  g_auto(BylineArchetypeResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  BylineArchetypeRequest request = { .target = existing, .date = date };

  g_assert_false (byline_archetype_create (f->site, &request, &result, &error));
  g_assert_error (error, BYLINE_ARCHETYPE_ERROR, BYLINE_ARCHETYPE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, existing));
  text = byline_test_read_text (existing);
  g_assert_cmpstr (text, ==, "---\ntitle: Existing\n---\nKeep me.\n");
  g_clear_error (&error);

  /* One file of a bundle exists: none of the others is written. */
  g_assert_cmpint (g_mkdir_with_parents (bundle, 0755), ==, 0);
  g_assert_true (g_file_set_contents (index, "mine\n", -1, NULL));
  request.target = bundle;
  g_assert_false (byline_archetype_create (f->site, &request, &result, &error));
  g_assert_error (error, BYLINE_ARCHETYPE_ERROR, BYLINE_ARCHETYPE_ERROR_EXISTS);
  g_assert_false (g_file_test (keep, G_FILE_TEST_EXISTS));
  g_clear_pointer (&text, g_free);
  text = byline_test_read_text (index);
  g_assert_cmpstr (text, ==, "mine\n");
  g_clear_error (&error);

  /* A file post beside a bundle of its name (Hugo's target conflict). */
  request.target = folder;
  g_assert_false (byline_archetype_create (f->site, &request, &result, &error));
  g_assert_error (error, BYLINE_ARCHETYPE_ERROR, BYLINE_ARCHETYPE_ERROR_EXISTS);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

/* A template that fails says where, and writes nothing. */
static void
test_template_error (void)
{
  g_autoptr(SiteFixture) f = archetype_fixture ();
  g_autofree char *target = site_fixture_path (f, "content/broken/x.md");
  g_auto(BylineArchetypeResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  BylineArchetypeRequest request = { .target = target };

  g_assert_false (byline_archetype_create (f->site, &request, &result, &error));
  g_assert_error (error, BYLINE_ARCHETYPE_ERROR, BYLINE_ARCHETYPE_ERROR_TEMPLATE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "archetypes/broken.md:2"));
  g_assert_nonnull (strstr (error->message, "nosuchfunction"));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
}

/* Go's time.RFC3339 writes the offset when the time is not UTC. */
static void
test_date_offset (void)
{
  g_autoptr(SiteFixture) f = archetype_fixture ();
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 ("2026-03-05T12:20:30+02:00", NULL);
  g_autofree char *target = site_fixture_path (f, "content/other/zoned.md");
  g_autofree char *text = NULL;
  g_auto(BylineArchetypeResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  BylineArchetypeRequest request = { .target = target, .date = date };

  g_assert_true (byline_archetype_create (f->site, &request, &result, &error));
  text = byline_test_read_text (target);
  g_assert_cmpstr (text, ==, "+++\n"
                             "title = 'Zoned'\n"
                             "date = '2026-03-05T12:20:30+02:00'\n"
                             "draft = true\n"
                             "+++\n");
}

/* Without archetypes: the profile's post template (the istio.io preset's,
 * which names the author), as byline-cli new always did. */
static void
test_profile_template (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new ("-- .byline.yml --\nextends: istio\n"
                                               "-- content/_index.md --\n---\ntitle: Home\n---\n");
  g_autoptr(GDateTime) date = clock_time ();
  g_autofree char *target = site_fixture_path (f, "content/blog/hello-there");
  g_autofree char *index = site_fixture_path (f, "content/blog/hello-there/index.md");
  g_autofree char *text = NULL;
  g_auto(BylineArchetypeResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  BylineArchetypeRequest request = { .target = target, .date = date, .author = "Ann" };

  g_assert_true (byline_archetype_create (f->site, &request, &result, &error));
  g_assert_no_error (error);
  g_assert_null (result.archetype);
  text = byline_test_read_text (index);
  g_test_message ("%s", text);
  /* The title from the folder's name, as Hugo's default archetype makes it. */
  g_assert_true (g_str_has_prefix (text, "---\ntitle: \"Hello There\"\n"));
  g_assert_nonnull (strstr (text, "2026-03-05"));
  g_assert_nonnull (strstr (text, "\"Ann\""));
}

static void
test_slug (void)
{
  static const char *const slugs[][2] = {
    { "My First Post", "my-first-post" },
    { "Why We Chose C: a Story", "why-we-chose-c-a-story" },
    { "  a - b  ", "a-b" },
    { "Été à Paris", "été-à-paris" },
    { "?!", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (slugs); i++)
    {
      g_autofree char *slug = byline_archetype_slug (slugs[i][0]);

      g_assert_cmpstr (slug, ==, slugs[i][1]);
    }
}

static void
test_sections (void)
{
  g_autoptr(SiteFixture) f = archetype_fixture ();
  g_autofree char *folder = NULL;
  g_autofree char *expected = site_fixture_path (f, "content");
  g_autoptr(GPtrArray) sections = byline_archetype_list_sections (f->site, &folder);

  g_assert_cmpstr (folder, ==, expected);
  g_assert_cmpuint (sections->len, ==, 3);
  g_assert_cmpstr (sections->pdata[0], ==, "blog");
  g_assert_cmpstr (sections->pdata[1], ==, "blog/2025");
  g_assert_cmpstr (sections->pdata[2], ==, "notes");
}

/* Debian's hugo on a copy of the site, file for file. */
static void
test_hugo (void)
{
  g_autofree char *hugo = g_find_program_in_path ("hugo");
  g_autoptr(SiteFixture) theirs = NULL;
  g_autoptr(GDateTime) date = clock_time ();
  g_auto(GStrv) env = NULL;

  if (hugo == NULL)
    {
      g_test_skip ("hugo is not installed: the expected texts above are hugo 0.111's");
      return;
    }
  env = g_environ_setenv (g_get_environ (), "TZ", "UTC", TRUE);
  theirs = archetype_fixture ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SiteFixture) ours = archetype_fixture ();
      g_autofree char *target = g_build_filename (ours->root, "content", cases[i].target, NULL);
      g_auto(BylineArchetypeResult) result = { 0 };
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      const char *argv[] = { hugo, "new", "--clock", CLOCK, cases[i].target, NULL };
      BylineArchetypeRequest request = { .target = target, .date = date };
      int status = 0;

      g_assert_true (byline_archetype_create (ours->site, &request, &result, &error));
      g_assert_no_error (error);

      g_spawn_sync (theirs->root, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                    &status, &error);
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, NULL))
        g_error ("hugo new %s failed: %s%s", cases[i].target, out, err);

      for (guint j = 0; j < result.files->len; j++)
        {
          const char *mine = result.files->pdata[j];
          g_autofree char *relative = g_strdup (mine + strlen (ours->root) + 1);
          g_autofree char *their_file = site_fixture_path (theirs, relative);
          g_autofree char *a = byline_test_read_text (mine);
          g_autofree char *b = byline_test_read_text (their_file);

          g_test_message ("%s", relative);
          g_assert_cmpstr (a, ==, b);
        }
    }
}

/* Hugo's documentation site's own archetypes (archetypes/functions.md,
 * news.md), rendered for pages of its sections; nothing is written. */
static void
test_hugo_docs_site (void)
{
  g_autofree char *root = corpus_site ("gohugo.io");
  g_autoptr(GFile) root_file = NULL;
  g_autoptr(BylineSite) site = NULL;
  g_autoptr(GDateTime) date = clock_time ();
  g_autofree char *functions = NULL;
  g_autofree char *news = NULL;
  g_autofree char *file = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (root == NULL)
    {
      g_test_skip ("$BYLINE_CORPUS/sites/gohugo.io is not here");
      return;
    }
  root_file = g_file_new_for_path (root);
  site = byline_site_new (root_file);
  functions = byline_site_find_file (site, BYLINE_SITE_FOLDER_ARCHETYPES, "functions.md");
  g_assert_nonnull (functions);
  file = g_build_filename (root, "content", "en", "functions", "strings", "repeat-twice.md", NULL);
  text = byline_archetype_render (site, NULL, functions, file, "functions/strings/repeat-twice.md",
                                  "functions", date, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "---\n"
                             "title: Repeat Twice\n"
                             "description:\n"
                             "categories: []\n"
                             "keywords: []\n"
                             "params:\n"
                             "  functions_and_methods:\n"
                             "    aliases: []\n"
                             "    returnType:\n"
                             "    signatures: []\n"
                             "---\n");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&file, g_free);

  news = byline_site_find_file (site, BYLINE_SITE_FOLDER_ARCHETYPES, "news.md");
  g_assert_nonnull (news);
  file = g_build_filename (root, "content", "en", "news", "hugo-0-200-released.md", NULL);
  text = byline_archetype_render (site, NULL, news, file, "news/hugo-0-200-released.md", "news",
                                  date, &error);
  g_assert_no_error (error);
  /* strings.FirstUpper upper-cases the first letter only. */
  g_assert_cmpstr (text, ==, "---\n"
                             "title: Hugo 0 200 released\n"
                             "description:\n"
                             "categories: []\n"
                             "keywords: []\n"
                             "publishDate: 2026-03-05T10:20:30Z\n"
                             "---\n");
}

/* The OpenTelemetry site's archetypes: shortcode calls kept, replaceRE,
 * time.Format and dateFormat on .Date, .File.Dir. The expected texts are
 * hugo 0.111's for "hugo new --clock 2026-03-05T10:20:30Z" with each
 * archetype (TZ=UTC). */
static void
test_opentelemetry_site (void)
{
  g_autofree char *root = corpus_site ("opentelemetry.io");
  g_autoptr(GFile) root_file = NULL;
  g_autoptr(BylineSite) site = NULL;
  g_autoptr(GDateTime) date = clock_time ();
  static const struct
  {
    const char *archetype;
    const char *path;
    const char *kind;
    const char *expected;   /* the whole text, or its start */
    gboolean    whole;
  } otel_cases[] = {
    { "medium.md", "blog/2026/medium-post.md", "medium",
      "---\n"
      "title: Medium Post (Medium)\n"
      "linkTitle: ADD A SHORT TITLE HERE # TODO\n"
      "date: 2021-01-01 # TODO ADJUST THE DATE\n"
      "canonical_url: https://medium.com/opentelemetry/ADD-REST-OF-PATH-HERE # TODO\n"
      "---\n"
      "\n"
      "TODO: INTRO SENTENCE GOES HERE. For all the details, see the [original post][].\n"
      "\n"
      "[original post]: <{{% param canonical_url %}}>\n", TRUE },
    { "announcement.md", "announcements/big-news.md", "announcement",
      "---\n"
      "title: Big News\n"
      "date: 2026-03-05 # Start date (optional)\n"
      "expiryDate: 2026-03-05 # End date (optional)\n"
      "---\n", FALSE },
    { "blog.md", "blog/2026/my_new-post.md", "blog",
      "---\n"
      "title: 'My New Post'\n"
      "linkTitle: ADD A SHORT TITLE HERE # Mandatory, make sure that your short title.\n"
      "date: { { dateFormat \"2006-01-02\" .Date } } # Put the current date,", FALSE },
  };

  if (root == NULL)
    {
      g_test_skip ("$BYLINE_CORPUS/sites/opentelemetry.io is not here");
      return;
    }
  root_file = g_file_new_for_path (root);
  site = byline_site_new (root_file);
  for (guint i = 0; i < G_N_ELEMENTS (otel_cases); i++)
    {
      g_autofree char *archetype = byline_site_find_file (site, BYLINE_SITE_FOLDER_ARCHETYPES,
                                                          otel_cases[i].archetype);
      g_autofree char *file = g_build_filename (root, "content", "en", otel_cases[i].path, NULL);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (archetype);
      text = byline_archetype_render (site, NULL, archetype, file, otel_cases[i].path, otel_cases[i].kind,
                                      date, &error);
      g_assert_no_error (error);
      if (otel_cases[i].whole)
        g_assert_cmpstr (text, ==, otel_cases[i].expected);
      else
        g_assert_true (g_str_has_prefix (text, otel_cases[i].expected));
    }
  {
    g_autofree char *archetype = byline_site_find_file (site, BYLINE_SITE_FOLDER_ARCHETYPES,
                                                        "blog.md");
    g_autofree char *file = g_build_filename (root, "content", "en", "blog", "2026", "x.md", NULL);
    g_autofree char *text = byline_archetype_render (site, NULL, archetype, file, "blog/2026/x.md",
                                                     "blog", date, NULL);

    g_assert_nonnull (strstr (text, "If you have an image stored at "
                                    "`content/en/blog/2026/imagename.png`, you"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/archetype/hugo-cases", test_hugo_cases);
  g_test_add_func ("/core/archetype/hugo", test_hugo);
  g_test_add_func ("/core/archetype/bundle-files", test_bundle_files);
  g_test_add_func ("/core/archetype/bundle-from-file-archetype", test_bundle_from_file_archetype);
  g_test_add_func ("/core/archetype/title", test_title);
  g_test_add_func ("/core/archetype/never-overwrites", test_never_overwrites);
  g_test_add_func ("/core/archetype/template-error", test_template_error);
  g_test_add_func ("/core/archetype/date-offset", test_date_offset);
  g_test_add_func ("/core/archetype/profile-template", test_profile_template);
  g_test_add_func ("/core/archetype/slug", test_slug);
  g_test_add_func ("/core/archetype/sections", test_sections);
  g_test_add_func ("/core/archetype/hugo-docs-site", test_hugo_docs_site);
  g_test_add_func ("/core/archetype/opentelemetry-site", test_opentelemetry_site);

  return g_test_run ();
}
