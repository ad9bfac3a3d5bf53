/* test-site-themes.c — BylineSite: themes and modules, mounts and templates
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/site/themes", test_themes_and_modules);
  g_test_add_func ("/core/site/themes/vendored", test_vendored_module);
  g_test_add_func ("/core/site/templates", test_templates);
  g_test_add_func ("/core/site/mounts", test_mounts);

  return g_test_run ();
}
