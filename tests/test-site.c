/* test-site.c — BylineSite: the root, the configuration, themes and
 * modules, mounts, templates, and the page index's life
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected results come from Hugo's documentation (hugoDocs
 * content/en/configuration/introduction.md: the configuration folder, its
 * root keys, theme merging) and Hugo's sources and tests, cited at each
 * test. URLs and aliases are in test-site-permalinks.c, GetPage, ref and
 * link resolution in test-site-links.c.
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
    g_autoptr(BylineSite) site_a = byline_site_lookup (file_a);
    g_autoptr(BylineSite) site_b = byline_site_lookup (file_b);
    g_autoptr(BylineSitePages) pages_a = byline_site_get_pages (site_a);
    g_autoptr(BylineSitePages) pages_b = byline_site_get_pages (site_b);

    g_assert_true (pages_a == pages_b);
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
  before = byline_site_lookup (file);
  old_pages = byline_site_get_pages (before);
  g_assert_cmpuint (byline_site_get_problems (before)->len, ==, 1);
  g_assert_cmpstr (byline_site_get_title (before), ==, "");
  g_assert_null (byline_site_lookup_shortcode (before, "two"));

  byline_test_write_file (root, "hugo.toml",
                          "title = 'Fixed'\nbaseURL = 'https://example.org/'\n", -1);
  byline_test_write_file (root, "layouts/_shortcodes/two.html", "two\n", -1);
  after = byline_site_lookup (file);
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
  again = byline_site_lookup (file);
  same_pages = byline_site_get_pages (again);
  g_assert_true (same_pages == new_pages);
  byline_test_remove_tree (root);
}

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

/* Themes: "theme" names folders below themesDir, nested ones too
 * (modules/collect.go, createThemeDirname); a git submodule that is not
 * checked out is an empty folder; a module path that Hugo cannot find is
 * named too, and the site then knows its template set is incomplete. */
static void
test_themes_and_modules (void)
{
  g_autofree char *cache = g_dir_make_tmp ("byline-hugo-cache-XXXXXX", NULL);
  g_autoptr(SiteFixture) f = NULL;
  g_autofree char *cached_module = g_build_filename (
    cache, "modules", "filecache", "modules", "pkg", "mod", "github.com", "example",
    "!shortcodes@v1.2.3", "layouts", "_shortcodes", NULL);
  g_autofree char *empty_submodule = NULL;

  /* Hugo's module cache: $HUGO_CACHEDIR/modules/filecache/modules/pkg/mod,
   * module paths escaped as Go does ("!" before an upper-case letter). */
  g_assert_cmpint (g_mkdir_with_parents (cached_module, 0755), ==, 0);
  {
    g_autofree char *file = g_build_filename (cached_module, "cached.html", NULL);

    g_assert_true (g_file_set_contents (file, "cached", -1, NULL));
  }
  g_setenv ("HUGO_CACHEDIR", cache, TRUE);

  f = site_fixture_new (
    "-- hugo.toml --\n"
    "theme = ['docsy/theme', 'missing', 'sub']\n"
    "[module]\n"
    "  [[module.imports]]\n"
    "    path = 'github.com/example/Shortcodes'\n"
    "  [[module.imports]]\n"
    "    path = 'github.com/example/notdownloaded'\n"
    "-- go.mod --\n"
    "module example.org/site\n"
    "\n"
    "require (\n"
    "\tgithub.com/example/Shortcodes v1.2.3 // indirect\n"
    ")\n"
    "-- .gitmodules --\n"
    "[submodule \"themes/sub\"]\n"
    "\tpath = themes/sub\n"
    "\turl = https://example.org/sub.git\n"
    "-- themes/docsy/theme/hugo.yaml --\n"
    "params:\n"
    "  fromTheme: yes\n"
    "-- themes/docsy/theme/layouts/_shortcodes/alert.html --\n"
    "alert\n");
  empty_submodule = site_fixture_path (f, "themes/sub");
  g_assert_cmpint (g_mkdir_with_parents (empty_submodule, 0755), ==, 0);

  /* module.imports first, then the themes (modules/config.go, decodeConfig). */
  g_assert_cmpuint (byline_site_get_n_components (f->site), ==, 5);
  {
    const BylineSiteComponent *c = byline_site_get_component (f->site, 0);

    g_assert_cmpstr (c->name, ==, "github.com/example/Shortcodes");
    g_assert_cmpint (c->kind, ==, BYLINE_SITE_COMPONENT_MODULE);
    g_assert_cmpint (c->state, ==, BYLINE_SITE_COMPONENT_FOUND);
    g_assert_true (g_str_has_suffix (c->path, "!shortcodes@v1.2.3"));
  }
  g_assert_cmpint (byline_site_get_component (f->site, 1)->state, ==,
                   BYLINE_SITE_COMPONENT_NOT_IN_CACHE);
  g_assert_cmpstr (byline_site_get_component (f->site, 2)->name, ==, "docsy/theme");
  g_assert_cmpint (byline_site_get_component (f->site, 2)->state, ==, BYLINE_SITE_COMPONENT_FOUND);
  g_assert_cmpint (byline_site_get_component (f->site, 3)->state, ==, BYLINE_SITE_COMPONENT_ABSENT);
  g_assert_cmpint (byline_site_get_component (f->site, 4)->state, ==,
                   BYLINE_SITE_COMPONENT_NOT_CHECKED_OUT);
  g_assert_false (byline_site_is_complete (f->site));

  {
    const GPtrArray *problems = byline_site_get_problems (f->site);
    guint missing = 0;

    for (guint i = 0; i < problems->len; i++)
      {
        const BylineSiteProblem *problem = g_ptr_array_index (problems, i);

        if (problem->kind == BYLINE_SITE_PROBLEM_COMPONENT_MISSING)
          missing++;
        if (g_strcmp0 (problem->component, "sub") == 0)
          g_assert_nonnull (strstr (problem->message, "not checked out"));
      }
    g_assert_cmpuint (missing, ==, 3);
  }

  /* The themes' configuration and templates are the site's. */
  {
    g_autofree char *from_theme = byline_data_lookup_string (byline_site_get_params (f->site),
                                                             "fromTheme");

    g_assert_cmpstr (from_theme, ==, "yes");
  }
  g_assert_nonnull (byline_site_lookup_shortcode (f->site, "alert"));
  g_assert_cmpstr (byline_site_lookup_shortcode (f->site, "alert")->component, ==, "docsy/theme");
  g_assert_nonnull (byline_site_lookup_shortcode (f->site, "cached"));

  g_unsetenv ("HUGO_CACHEDIR");
  byline_test_remove_tree (cache);
}

static void
test_vendored_module (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.yaml --\n"
    "module:\n"
    "  imports:\n"
    "    - path: github.com/google/docsy\n"
    "-- _vendor/github.com/google/docsy/layouts/shortcodes/pageinfo.html --\n"
    "info\n");

  g_assert_cmpint (byline_site_get_component (f->site, 0)->state, ==, BYLINE_SITE_COMPONENT_FOUND);
  g_assert_true (byline_site_is_complete (f->site));
  g_assert_nonnull (byline_site_lookup_shortcode (f->site, "pageinfo"));
}

/* Where Hugo looks for templates (hugoDocs templates/new-templatesystem-
 * overview.md, tpl/tplimpl/templatestore.go): _shortcodes/ and the legacy
 * shortcodes/, folders naming "dir/name", language and output format
 * identifiers, page-path scopes; _markup/ render hooks and the legacy
 * _default/_markup/; the project before its themes. */
static void
test_templates (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.toml --\n"
    "theme = 't'\n"
    "defaultContentLanguage = 'en'\n"
    "[languages.en]\n"
    "[languages.de]\n"
    "-- layouts/_shortcodes/note.html --\n"
    "project note\n"
    "-- layouts/_shortcodes/note.de.html --\n"
    "Notiz\n"
    "-- layouts/shortcodes/legacy.html --\n"
    "legacy\n"
    "-- layouts/_shortcodes/dir/name.html --\n"
    "nested\n"
    "-- layouts/docs/_shortcodes/docsonly.html --\n"
    "scoped\n"
    "-- layouts/_markup/render-link.html --\n"
    "link\n"
    "-- layouts/_partials/head.html --\n"
    "head\n"
    "-- themes/t/layouts/shortcodes/note.html --\n"
    "theme note\n"
    "-- themes/t/layouts/shortcodes/card.amp.html --\n"
    "card\n"
    "-- themes/t/layouts/_default/_markup/render-image.html --\n"
    "image\n"
    "-- themes/t/layouts/partials/footer.html --\n"
    "footer\n"
    "-- themes/t/archetypes/default.md --\n"
    "---\n---\n"
    "-- archetypes/posts.md --\n"
    "---\n---\n"
    "-- data/books/fiction.yaml --\n"
    "- a\n"
    "-- themes/t/data/books/fiction.yaml --\n"
    "- the theme's, hidden by the project's\n"
    "-- themes/t/data/authors.toml --\n"
    "a = 1\n"
    "-- themes/t/i18n/en.toml --\n"
    "hello = 'Hello'\n");
  const BylineSiteTemplate *note = byline_site_lookup_shortcode (f->site, "note");
  const GPtrArray *shortcodes = byline_site_get_shortcodes (f->site);
  const GPtrArray *hooks = byline_site_get_render_hooks (f->site);
  g_autofree char *head = byline_site_find_template (f->site, "partials/head.html");
  g_autofree char *footer = byline_site_find_template (f->site, "_partials/footer.html");
  g_autofree char *escape = byline_site_find_template (f->site, "../hugo.toml");
  g_autofree char *posts = byline_site_find_archetype (f->site, "posts");
  g_autofree char *news = byline_site_find_archetype (f->site, "news");
  guint n_note = 0;

  g_assert_nonnull (note);
  g_assert_null (note->component);
  g_assert_true (g_str_has_suffix (note->path, "/layouts/_shortcodes/note.html"));
  for (guint i = 0; i < shortcodes->len; i++)
    {
      const BylineSiteTemplate *t = g_ptr_array_index (shortcodes, i);

      if (g_strcmp0 (t->name, "note") == 0)
        {
          n_note++;
          if (g_strcmp0 (t->lang, "de") == 0)
            g_assert_true (g_str_has_suffix (t->path, "note.de.html"));
        }
      if (g_strcmp0 (t->name, "card") == 0)
        g_assert_cmpstr (t->output_format, ==, "amp");
      if (g_strcmp0 (t->name, "docsonly") == 0)
        g_assert_cmpstr (t->scope, ==, "docs");
    }
  /* The project's two and the theme's one. */
  g_assert_cmpuint (n_note, ==, 3);
  g_assert_nonnull (byline_site_lookup_shortcode (f->site, "legacy"));
  g_assert_nonnull (byline_site_lookup_shortcode (f->site, "dir/name"));
  g_assert_null (byline_site_lookup_shortcode (f->site, "name"));

  g_assert_cmpuint (hooks->len, ==, 2);
  g_assert_cmpstr (((BylineSiteTemplate *) g_ptr_array_index (hooks, 0))->name, ==, "render-link");
  g_assert_cmpstr (((BylineSiteTemplate *) g_ptr_array_index (hooks, 1))->name, ==, "render-image");
  g_assert_null (((BylineSiteTemplate *) g_ptr_array_index (hooks, 1))->scope);

  g_assert_true (g_str_has_suffix (head, "/layouts/_partials/head.html"));
  g_assert_true (g_str_has_suffix (footer, "/themes/t/layouts/partials/footer.html"));
  g_assert_null (escape);
  g_assert_true (g_str_has_suffix (posts, "/archetypes/posts.md"));
  g_assert_true (g_str_has_suffix (news, "/themes/t/archetypes/default.md"));

  /* Data and i18n through the union of the project's and the theme's. */
  {
    g_autoptr(GPtrArray) data = byline_site_list_files (f->site, BYLINE_SITE_FOLDER_DATA, NULL);
    g_autoptr(GPtrArray) books = byline_site_list_files (f->site, BYLINE_SITE_FOLDER_DATA, "books");
    g_autoptr(GPtrArray) i18n = byline_site_list_files (f->site, BYLINE_SITE_FOLDER_I18N, NULL);
    const BylineSiteFile *fiction;

    g_assert_cmpuint (data->len, ==, 2);
    g_assert_cmpstr (((BylineSiteFile *) g_ptr_array_index (data, 0))->name, ==, "authors.toml");
    fiction = g_ptr_array_index (data, 1);
    g_assert_cmpstr (fiction->name, ==, "books/fiction.yaml");
    g_assert_null (fiction->component);
    g_assert_cmpuint (books->len, ==, 1);
    g_assert_cmpuint (i18n->len, ==, 1);
    g_assert_cmpstr (((BylineSiteFile *) g_ptr_array_index (i18n, 0))->component, ==, "t");
  }
}

/* modules.ApplyProjectConfigDefaults: mounts replace the defaults of the
 * folders they mount; sites.matrix gives a mount its languages; "files"
 * filters what it holds ("! " excludes). */
static void
test_mounts (void)
{
  g_autoptr(SiteFixture) f = site_fixture_new (
    "-- hugo.yaml --\n"
    "defaultContentLanguage: en\n"
    "languages:\n"
    "  en: {weight: 1}\n"
    "  de: {weight: 2}\n"
    "module:\n"
    "  mounts:\n"
    "    - source: content/en\n"
    "      target: content\n"
    "      sites: {matrix: {languages: [en]}}\n"
    "    - source: content/de\n"
    "      target: content\n"
    "      lang: de\n"
    "    - source: shared/docs\n"
    "      target: content/docs\n"
    "      files: ['! drafts/**']\n"
    "    - source: files\n"
    "      target: static/downloads\n"
    "-- content/en/about.md --\n"
    "---\ntitle: About\n---\n"
    "-- content/de/about.md --\n"
    "---\ntitle: Über\n---\n"
    "-- shared/docs/guide.md --\n"
    "---\ntitle: Guide\n---\n"
    "-- shared/docs/drafts/wip.md --\n"
    "---\ntitle: WIP\n---\n"
    "-- files/a.pdf --\n"
    "pdf\n"
    "-- static/not-mounted.txt --\n"
    "the static folder is not mounted\n");
  const GPtrArray *content = byline_site_get_folders (f->site, BYLINE_SITE_FOLDER_CONTENT);
  g_autofree char *pdf = byline_site_find_file (f->site, BYLINE_SITE_FOLDER_STATIC,
                                                "downloads/a.pdf");
  g_autofree char *not_mounted = byline_site_find_file (f->site, BYLINE_SITE_FOLDER_STATIC,
                                                        "not-mounted.txt");

  g_assert_cmpuint (content->len, ==, 3);
  g_assert_cmpstr (((BylineSiteFolder *) g_ptr_array_index (content, 1))->languages[0], ==, "de");
  g_assert_cmpstr (((BylineSiteFolder *) g_ptr_array_index (content, 2))->target, ==, "docs");
  g_assert_nonnull (pdf);
  g_assert_null (not_mounted);

  g_assert_cmpstr (site_fixture_link (f, "en", "/about"), ==, "/about/");
  g_assert_cmpstr (site_fixture_link (f, "de", "/about"), ==, "/de/about/");
  g_assert_cmpstr (site_fixture_link (f, "en", "/docs/guide"), ==, "/docs/guide/");
  g_assert_null (site_fixture_link (f, "en", "/docs/drafts/wip"));
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
  g_test_add_func ("/core/site/reload", test_site_reload);
  g_test_add_func ("/core/site/globs", test_globs);
  g_test_add_func ("/core/site/config/directory", test_config_directory);
  g_test_add_func ("/core/site/config/theme-merge", test_config_theme_merge);
  g_test_add_func ("/core/site/config/unreadable", test_config_unreadable);
  g_test_add_func ("/core/site/languages", test_languages);
  g_test_add_func ("/core/site/languages/in-subdir", test_languages_in_subdir);
  g_test_add_func ("/core/site/languages/guessed-folders", test_language_folders_guessed);
  g_test_add_func ("/core/site/themes", test_themes_and_modules);
  g_test_add_func ("/core/site/themes/vendored", test_vendored_module);
  g_test_add_func ("/core/site/templates", test_templates);
  g_test_add_func ("/core/site/mounts", test_mounts);
  g_test_add_func ("/core/site/pages/cascade/url", test_cascade_url);
  g_test_add_func ("/core/site/pages/cascade/build", test_cascade_build);
  g_test_add_func ("/core/site/pages/refresh", test_refresh);
  g_test_add_func ("/core/site/pages/threads", test_threads);

  return g_test_run ();
}
