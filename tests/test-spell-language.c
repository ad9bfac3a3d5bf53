/* test-spell-language.c — the language of a post, from the site's configuration
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo's rules (hugolib, "Multilingual mode" in Hugo's documentation): a
 * file's language suffix (index.de.md) names its language when it is one
 * of the site's; else the language whose contentDir holds it; else
 * defaultContentLanguage, "en" by default. languageCode (locale since Hugo
 * 0.146) is the language's locale.
 */

#include "config.h"

#include "byline-spell-language.h"

#include <glib/gstdio.h>

#include "byline-test-util.h"

static char *
language_of (const BylineLanguages *languages,
             const char            *root,
             const char            *relative,
             const char            *choice)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return byline_spell_language_for_post (languages, file, choice, "en_US");
}

static void
test_suffix (void)
{
  static const struct { const char *name; const char *suffix; } cases[] = {
    { "index.md", NULL },
    { "index.de.md", "de" },
    { "index.zh-cn.md", "zh-cn" },
    { "index.pt-BR.md", "pt-br" },
    { "post.fil.md", "fil" },
    { "my.post.md", NULL },
    { "v1.2.md", NULL },
    { ".de.md", NULL },
    { "de.md", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *suffix = byline_spell_file_language_suffix (cases[i].name);

      g_test_message ("%s", cases[i].name);
      g_assert_cmpstr (suffix, ==, cases[i].suffix);
    }
}

/* No site: the file's suffix, else the fallback; a choice wins. */
static void
test_no_site (void)
{
  g_autoptr(BylineLanguages) languages = byline_languages_read (NULL);
  g_autofree char *plain = language_of (NULL, "/tmp", "x/index.md", NULL);
  g_autofree char *german = language_of (NULL, "/tmp", "x/index.de.md", NULL);
  g_autofree char *chosen = language_of (NULL, "/tmp", "x/index.de.md", "fr_FR");
  g_autofree char *empty = language_of (languages, "/tmp", "x/index.md", NULL);

  g_assert_cmpstr (plain, ==, "en_US");
  g_assert_cmpstr (german, ==, "de");
  g_assert_cmpstr (chosen, ==, "fr_FR");
  g_assert_cmpstr (empty, ==, "en_US");
  g_assert_false (byline_languages_has_cjk_language (languages, "en"));
}

/* A TOML configuration: tables, quoted and dotted keys, comments. */
static void
test_toml (void)
{
  g_autofree char *root = g_dir_make_tmp ("byline-language-XXXXXX", NULL);
  g_autoptr(GFile) site = g_file_new_for_path (root);
  g_autoptr(BylineLanguages) languages = NULL;
  g_autofree char *english = NULL;
  g_autofree char *german = NULL;
  g_autofree char *chinese = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *by_dir = NULL;
  g_autoptr(GFile) in_dir = NULL;

  byline_test_write_file (root, "hugo.toml",
              "baseURL = 'https://example.org/'\n"
              "# the default\n"
              "defaultContentLanguage = \"en\"\n"
              "languageCode = \"en-gb\"\n"
              "[languages]\n"
              "  [languages.en]\n"
              "    weight = 1\n"
              "  [languages.de]\n"
              "    languageCode = 'de-DE'\n"
              "  [languages.\"zh-cn\"]\n"
              "    languageCode = \"zh-CN\"\n"
              "    contentDir = \"content/zh\"\n"
              "    hasCJKLanguage = true\n"
              "[params]\n"
              "  languageCode = \"not this\"\n", -1);
  languages = byline_languages_read (site);

  english = language_of (languages, root, "content/blog/x/index.md", NULL);
  german = language_of (languages, root, "content/blog/x/index.de.md", NULL);
  chinese = language_of (languages, root, "content/zh/blog/x/index.md", NULL);
  /* .fr is not a language of the site: the default language. */
  unknown = language_of (languages, root, "content/blog/x/index.fr.md", NULL);
  in_dir = g_file_new_build_filename (root, "content", "zh", "a.md", NULL);
  by_dir = byline_languages_post_key (languages, in_dir);

  g_assert_cmpstr (english, ==, "en-gb");
  g_assert_cmpstr (german, ==, "de-DE");
  g_assert_cmpstr (chinese, ==, "zh-CN");
  g_assert_cmpstr (unknown, ==, "en-gb");
  g_assert_cmpstr (by_dir, ==, "zh-cn");
  g_assert_true (byline_spell_language_is_cjk (chinese));
  g_assert_true (byline_languages_has_cjk_language (languages, "zh-cn"));
  g_assert_false (byline_languages_has_cjk_language (languages, "de"));
  g_assert_cmpstr (byline_languages_get_code (languages, "de"), ==, "de-DE");
  g_assert_cmpstr (byline_languages_get_code (languages, "it"), ==, "it");

  byline_test_remove_tree (root);
}

/* YAML in config/_default/, languages in a file of their own, Hugo 0.146's
 * locale, and a site-wide hasCJKLanguage. */
static void
test_config_dir (void)
{
  g_autofree char *root = g_dir_make_tmp ("byline-language-XXXXXX", NULL);
  g_autoptr(GFile) site = g_file_new_for_path (root);
  g_autoptr(BylineLanguages) languages = NULL;
  g_autofree char *japanese = NULL;
  g_autofree char *english = NULL;

  byline_test_write_file (root, "config/_default/hugo.yaml",
              "defaultContentLanguage: ja\n"
              "hasCJKLanguage: true\n", -1);
  byline_test_write_file (root, "config/_default/languages.yaml",
              "en:\n"
              "  locale: en-US\n"
              "ja:\n"
              "  languageCode: ja-JP\n", -1);
  languages = byline_languages_read (site);

  japanese = language_of (languages, root, "content/posts/a.md", NULL);
  english = language_of (languages, root, "content/posts/a.en.md", NULL);
  g_assert_cmpstr (japanese, ==, "ja-JP");
  g_assert_cmpstr (english, ==, "en-US");
  g_assert_true (byline_languages_has_cjk_language (languages, "en"));

  byline_test_remove_tree (root);
}

/* JSON, and a configuration that names no language: the fallback. */
static void
test_json_and_unnamed (void)
{
  g_autofree char *root = g_dir_make_tmp ("byline-language-XXXXXX", NULL);
  g_autofree char *other = g_dir_make_tmp ("byline-language-XXXXXX", NULL);
  g_autoptr(GFile) site = g_file_new_for_path (root);
  g_autoptr(GFile) plain_site = g_file_new_for_path (other);
  g_autoptr(BylineLanguages) languages = NULL;
  g_autoptr(BylineLanguages) plain = NULL;
  g_autofree char *json = NULL;
  g_autofree char *fallback = NULL;
  g_autofree char *suffixed = NULL;

  byline_test_write_file (root, "config.json", "{\"languageCode\": \"fr-FR\", \"title\": \"x\"}",
                          -1);
  languages = byline_languages_read (site);
  json = language_of (languages, root, "content/a.md", NULL);
  g_assert_cmpstr (json, ==, "fr-FR");

  byline_test_write_file (other, "hugo.toml", "baseURL = \"/\"\ntitle = 'Blog'\n", -1);
  plain = byline_languages_read (plain_site);
  fallback = language_of (plain, other, "content/a.md", NULL);
  suffixed = language_of (plain, other, "content/a.nl.md", NULL);
  g_assert_cmpstr (fallback, ==, "en_US");
  g_assert_cmpstr (suffixed, ==, "nl");

  byline_test_remove_tree (root);
  byline_test_remove_tree (other);
}

static void
test_is_cjk (void)
{
  g_assert_true (byline_spell_language_is_cjk ("zh"));
  g_assert_true (byline_spell_language_is_cjk ("zh-CN"));
  g_assert_true (byline_spell_language_is_cjk ("ja_JP"));
  g_assert_true (byline_spell_language_is_cjk ("ko"));
  g_assert_false (byline_spell_language_is_cjk ("kok"));
  g_assert_false (byline_spell_language_is_cjk ("en_US"));
  g_assert_false (byline_spell_language_is_cjk ("jam"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/spell-language/suffix", test_suffix);
  g_test_add_func ("/core/spell-language/no-site", test_no_site);
  g_test_add_func ("/core/spell-language/toml", test_toml);
  g_test_add_func ("/core/spell-language/config-dir", test_config_dir);
  g_test_add_func ("/core/spell-language/json-and-unnamed", test_json_and_unnamed);
  g_test_add_func ("/core/spell-language/is-cjk", test_is_cjk);

  return g_test_run ();
}
