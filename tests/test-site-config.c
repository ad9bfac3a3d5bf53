/* test-site-config.c — BylineSite: the configuration, merged as Hugo merges
 * it, and the languages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected results come from Hugo's documentation (hugoDocs
 * content/en/configuration/introduction.md and the pages cited) and Hugo's
 * sources and tests, cited at each test.
 */

#include "config.h"

#include "byline-site.h"
#include "site-fixture.h"

/* hugoDocs configuration/introduction.md, "Configuration directory": each
 * file is the value of the key of its name; a language suffix routes it
 * below languages; "hugo" files hold root keys; a file may repeat its own
 * key as its only top-level key (new in 0.162). Hugo's loader sets the
 * folder's files over the root file (config/allconfig/load.go). */
static void
test_config_directory (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.toml --\n"
    "title = 'From the root file'\n"
    "baseURL = 'https://example.org/'\n"
    "-- config/_default/hugo.toml --\n"
    "title = 'From the folder'\n"
    "-- config/_default/params.toml --\n"
    "color = 'blue'\n"
    "[social]\n"
    "mastodon = 'm'\n"
    "-- config/_default/params.de.toml --\n"
    "color = 'blau'\n"
    "-- config/_default/menus.en.toml --\n"
    "[[main]]\n"
    "name = 'Home'\n"
    "-- config/_default/languages.yaml --\n"
    "en:\n"
    "  weight: 1\n"
    "de:\n"
    "  weight: 2\n"
    "  languageName: Deutsch\n"
    "-- config/_default/privacy.toml --\n"
    "[youtube]\n"
    "privacyEnhanced = true\n"
    "-- config/_default/nested/markup.yaml --\n"
    "markup:\n"
    "  goldmark:\n"
    "    renderer:\n"
    "      unsafe: true\n"
    "-- config/production/params.toml --\n"
    "color = 'production only'\n");
  BylineData *config = byline_site_get_config (f->site);
  g_autofree char *color = byline_data_lookup_string (config, "params.color");
  g_autofree char *de_color = byline_data_lookup_string (config, "languages.de.params.color");
  g_autofree char *menu = byline_data_lookup_string (byline_data_list_get (
    byline_data_lookup_path (config, "languages.en.menus.main"), 0), "name");
  const char * const *files = byline_site_get_config_files (f->site);

  g_assert_cmpstr (byline_site_get_title (f->site), ==, "From the folder");
  g_assert_cmpstr (byline_site_get_base_url (f->site), ==, "https://example.org/");
  /* Only config/_default/: Byline has no environment. */
  g_assert_cmpstr (color, ==, "blue");
  g_assert_cmpstr (de_color, ==, "blau");
  g_assert_cmpstr (menu, ==, "Home");
  /* Folders are read recursively; markup.yaml's own markup key is unwrapped. */
  g_assert_true (
    byline_data_lookup_bool (byline_site_get_goldmark (f->site), "renderer.unsafe", FALSE));
  {
    g_autofree char *mastodon = byline_data_lookup_string (byline_site_get_params (f->site),
                                                           "SOCIAL.Mastodon");

    g_assert_cmpstr (mastodon, ==, "m");
  }

  g_assert_true (
    byline_data_lookup_bool (byline_site_get_privacy (f->site), "youtube.privacyEnhanced", FALSE));

  g_assert_cmpuint (g_strv_length ((char **) files), ==, 8);
  g_assert_true (g_str_has_suffix (files[0], "/hugo.toml"));
  g_assert_true (g_str_has_suffix (files[1], "/config/_default/hugo.toml"));

  g_assert_cmpuint (byline_site_get_n_languages (f->site), ==, 2);
  g_assert_cmpstr (byline_site_get_language (f->site, 1)->code, ==, "de");
  /* languageName is the old spelling of label (hugoDocs configuration/languages.md). */
  g_assert_cmpstr (byline_site_get_language (f->site, 1)->label, ==, "Deutsch");
}

/* hugoDocs configuration/introduction.md, "Merge configuration settings",
 * and config/defaultConfigProvider.go: a theme's params merge deep under
 * the project's, menus shallow, other maps (markup) not at all; top-level
 * values the project lacks are taken. A "_merge" key changes a strategy
 * (Hugo's TestPermalinksSliceFromModule13869: permalinks from a theme). */
static void
test_config_theme_merge (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.toml --\n"
    "theme = 'foo'\n"
    "[params]\n"
    "  color = 'project'\n"
    "  [params.nested]\n"
    "    a = 'project'\n"
    "[markup.goldmark.renderer]\n"
    "  unsafe = false\n"
    "[menus]\n"
    "  [[menus.main]]\n"
    "    name = 'Project'\n"
    "[permalinks]\n"
    "  _merge = 'deep'\n"
    "-- themes/foo/hugo.toml --\n"
    "enableEmoji = true\n"
    "title = 'Theme title'\n"
    "[params]\n"
    "  color = 'theme'\n"
    "  font = 'serif'\n"
    "  [params.nested]\n"
    "    a = 'theme'\n"
    "    b = 'theme'\n"
    "[markup.goldmark.renderer]\n"
    "  hardWraps = true\n"
    "[menus]\n"
    "  [[menus.footer]]\n"
    "    name = 'Theme footer'\n"
    "[outputFormats.print]\n"
    "  baseName = 'print'\n"
    "[[permalinks]]\n"
    "  pattern = '/shelf/:slug/'\n"
    "  [permalinks.target]\n"
    "    path = '/books/**'\n"
    "-- content/books/my-book.md --\n"
    "---\ntitle: My Book\n---\n");
  BylineData *config = byline_site_get_config (f->site);
  g_autofree char *color = byline_data_lookup_string (config, "params.color");
  g_autofree char *font = byline_data_lookup_string (config, "params.font");
  g_autofree char *nested_a = byline_data_lookup_string (config, "params.nested.a");
  g_autofree char *nested_b = byline_data_lookup_string (config, "params.nested.b");
  g_autofree char *print = byline_data_lookup_string (config, "outputFormats.print.baseName");

  g_assert_cmpstr (color, ==, "project");
  g_assert_cmpstr (font, ==, "serif");
  g_assert_cmpstr (nested_a, ==, "project");
  g_assert_cmpstr (nested_b, ==, "theme");
  /* markup is not merged: the theme's hardWraps does not apply. */
  g_assert_null (byline_data_lookup_path (config, "markup.goldmark.renderer.hardWraps"));
  /* menus shallow: the project's main stays, the theme's footer is added. */
  g_assert_nonnull (byline_data_lookup_path (config, "menus.footer"));
  g_assert_cmpuint (byline_data_get_length (byline_data_lookup_path (config, "menus.main")), ==, 1);
  /* outputFormats shallow, a key the project lacks: taken. */
  g_assert_cmpstr (print, ==, "print");
  /* Top-level values: the theme's are taken when the project has none. */
  g_assert_true (byline_data_lookup_bool (config, "enableEmoji", FALSE));
  g_assert_cmpstr (byline_site_get_title (f->site), ==, "Theme title");

  /* "public/shelf/my-book/index.html", "RelPermalink: /shelf/my-book/" */
  g_assert_cmpstr (site_fixture_link (f, NULL, "/books/my-book"), ==, "/shelf/my-book/");
}

static void
test_config_unreadable (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.toml --\n"
    "title = 'Broken'\n"
    "baseURL = [\n"
    "-- content/posts/a.md --\n"
    "---\ntitle: A\n---\n");
  const GPtrArray *problems = byline_site_get_problems (f->site);
  const BylineSiteProblem *problem;

  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->kind, ==, BYLINE_SITE_PROBLEM_CONFIG_UNREADABLE);
  g_assert_true (g_str_has_suffix (problem->file, "/hugo.toml"));
  g_test_message ("%s", problem->message);
  /* Where toml++ finds the array unclosed: the end of its line. */
  g_assert_cmpuint (problem->line, ==, 2);
  g_assert_cmpuint (problem->column, ==, 12);
  g_assert_nonnull (strstr (problem->message, "line 2, column 12"));

  /* Byline still works with what it can tell: Hugo's defaults. */
  g_assert_cmpuint (byline_site_get_n_languages (f->site), ==, 1);
  g_assert_cmpstr (byline_site_get_default_language (f->site), ==, "en");
  g_assert_cmpstr (site_fixture_link (f, NULL, "/posts/a"), ==, "/posts/a/");
}

/* ConfigLanguage.LanguagePrefix (config/allconfig/configlanguage.go):
 * the default language has no prefix unless defaultContentLanguageInSubdir;
 * the others have their code. langs: a non-zero weight sorts first. */
static void
test_languages (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.yaml --\n"
    "defaultContentLanguage: fr\n"
    "languages:\n"
    "  de:\n"
    "    label: Deutsch\n"
    "  en:\n"
    "    languageCode: en-GB\n"
    "    weight: 2\n"
    "  fr:\n"
    "    weight: 1\n"
    "    locale: fr-FR\n"
    "    title: Le site\n"
    "  xx:\n"
    "    disabled: true\n");
  const BylineSiteLanguage *fr, *en, *de;

  g_assert_cmpuint (byline_site_get_n_languages (f->site), ==, 3);
  fr = byline_site_get_language (f->site, 0);
  en = byline_site_get_language (f->site, 1);
  de = byline_site_get_language (f->site, 2);
  g_assert_cmpstr (fr->code, ==, "fr");
  g_assert_cmpstr (fr->prefix, ==, "");
  g_assert_cmpstr (fr->locale, ==, "fr-FR");
  g_assert_cmpstr (fr->title, ==, "Le site");
  g_assert_cmpstr (en->prefix, ==, "en");
  g_assert_cmpstr (en->locale, ==, "en-GB");
  g_assert_cmpstr (de->label, ==, "Deutsch");
  g_assert_null (byline_site_lookup_language (f->site, "xx"));
}

static void
test_languages_in_subdir (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.toml --\n"
    "defaultContentLanguageInSubdir = true\n");

  g_assert_cmpstr (byline_site_get_language (f->site, 0)->prefix, ==, "en");
}

/* A content folder of language folders and no mounts (OpenTelemetry's
 * checkout without its generated module.yaml): each is read as its
 * language's content, and the site says so. */
static void
test_language_folders_guessed (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.yaml --\n"
    "languages:\n"
    "  en: {}\n"
    "  ja: {}\n"
    "-- content/en/blog/post.md --\n"
    "---\ntitle: Post\n---\n"
    "-- content/ja/blog/post.md --\n"
    "---\ntitle: 投稿\n---\n");
  const GPtrArray *problems = byline_site_get_problems (f->site);

  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpint (((BylineSiteProblem *) g_ptr_array_index (problems, 0))->kind, ==,
                   BYLINE_SITE_PROBLEM_CONTENT_GUESSED);
  g_assert_cmpstr (site_fixture_link (f, "en", "/blog/post"), ==, "/blog/post/");
  g_assert_cmpstr (site_fixture_link (f, "ja", "/blog/post"), ==, "/ja/blog/post/");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/site/config/directory", test_config_directory);
  g_test_add_func ("/core/site/config/theme-merge", test_config_theme_merge);
  g_test_add_func ("/core/site/config/unreadable", test_config_unreadable);
  g_test_add_func ("/core/site/languages", test_languages);
  g_test_add_func ("/core/site/languages/in-subdir", test_languages_in_subdir);
  g_test_add_func ("/core/site/languages/guessed-folders", test_language_folders_guessed);

  return g_test_run ();
}
