/* test-cli-new.c — byline-cli new on a site with archetypes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixture site is data/archetype-site.txtar (see test-archetype.c);
 * the expected texts are what "TZ=UTC hugo new --clock 2026-03-05T10:20:30Z"
 * (Debian's hugo 0.111) writes there. The options and the profile's
 * template are tested in test-cli.c.
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "byline-test-util.h"
#include "site-fixture.h"

static SiteFixture *
archetype_fixture (void)
{
  return site_fixture_new_from_data ("archetype-site.txtar");
}

/* A path inside the site, as hugo new takes it, from the site's root. */
static void
test_path (void)
{
  g_autoptr(SiteFixture) f = archetype_fixture ();
  g_autofree char *post = site_fixture_path (f, "content/other/x-y.md");
  g_autofree char *expected_out = g_strconcat (post, "\n", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  const char *args[] = { "new", "--date", "2026-03-05T10:20:30Z", "content/other/x-y.md", NULL };

  g_assert_cmpint (byline_test_run_cli (f->root, args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpstr (out, ==, expected_out);
  text = byline_test_read_text (post);
  /* Hugo's documented default archetype (archetypes.md). */
  g_assert_cmpstr (text, ==, "+++\n"
                             "title = 'X Y'\n"
                             "date = '2026-03-05T10:20:30Z'\n"
                             "draft = true\n"
                             "+++\n");
}

/* A bundle: the post first, then the archetype's other files. */
static void
test_bundle (void)
{
  g_autoptr(SiteFixture) f = archetype_fixture ();
  g_autofree char *index = site_fixture_path (f, "content/gallery/zion/index.md");
  g_autofree char *credits = site_fixture_path (f, "content/gallery/zion/credits.txt");
  g_autofree char *keep = site_fixture_path (f, "content/gallery/zion/images/.gitkeep");
  g_autofree char *expected_out = g_strconcat (index, "\n", credits, "\n", keep, "\n", NULL);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  const char *args[] = { "new", "-d", "2026-03-05T10:20:30Z", "content/gallery/zion", NULL };

  g_assert_cmpint (byline_test_run_cli (f->root, args, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==, expected_out);
  text = byline_test_read_text (index);
  g_assert_cmpstr (text, ==, "---\n"
                             "title: \"Zion\"\n"
                             "date: 2026-03-05T10:20:30Z\n"
                             "layout: gallery\n"
                             "---\n"
                             "Photos of zion.\n");
}

/* A section and a title: the file is named after the title, which goes
 * into the front matter as written; --kind picks another archetype. */
static void
test_section_and_title (void)
{
  g_autoptr(SiteFixture) f = archetype_fixture ();
  g_autofree char *post = site_fixture_path (f, "content/blog/2026/launch-day-at-last/index.md");
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  const char *args[] = { "new", "--section", "blog/2026", "--title", "Launch day, at last!",
                         "--kind", "events", NULL };

  g_assert_cmpint (byline_test_run_cli (f->root, args, &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, post));
  text = byline_test_read_text (post);
  g_assert_cmpstr (text, ==, "---\n"
                             "title: \"Launch day, at last!\"\n"
                             "where: Field Notes\n"
                             "---\n");
}

/* An existing post is left alone (exit 1); a broken archetype says where
 * (exit 1) and writes nothing. */
static void
test_refusals (void)
{
  g_autoptr(SiteFixture) f = archetype_fixture ();
  g_autofree char *existing = site_fixture_path (f, "content/blog/existing-post.md");
  g_autofree char *broken = site_fixture_path (f, "content/broken/x.md");
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *text = NULL;
  const char *args[] = { "new", "content/blog/existing-post.md", NULL };
  const char *args2[] = { "new", "content/broken/x.md", NULL };

  g_assert_cmpint (byline_test_run_cli (f->root, args, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "already exists"));
  text = byline_test_read_text (existing);
  g_assert_cmpstr (text, ==, "---\ntitle: Existing\n---\nKeep me.\n");

  g_assert_cmpint (byline_test_run_cli (f->root, args2, NULL, &err2), ==, 1);
  g_assert_nonnull (strstr (err2, "archetypes/broken.md:2"));
  g_assert_false (g_file_test (broken, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/new/path", test_path);
  g_test_add_func ("/cli/new/bundle", test_bundle);
  g_test_add_func ("/cli/new/section-and-title", test_section_and_title);
  g_test_add_func ("/cli/new/refusals", test_refusals);

  return g_test_run ();
}
