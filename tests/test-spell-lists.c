/* test-spell-lists.c — the word lists of sites and posts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The formats are those of the spell checkers sites run: mdspell's .spelling
 * (markdown-spellcheck, "one word per line, to define a file override use
 * ' - filename'"), cspell's configuration (words, ignoreWords,
 * dictionaryDefinitions; JSON with comments), codespell's .codespellrc
 * ([codespell] ignore-words-list, ignore-words), and cspell's in-document
 * "cSpell:ignore" comments, which opentelemetry.io posts also write as a
 * front-matter key.
 */

#include "config.h"

#include "byline-post.h"
#include "byline-spell-lists.h"

#include <glib/gstdio.h>
#include <string.h>

#include "byline-test-util.h"

static char *
joined (GPtrArray *words)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, g_ptr_array_index (words, i));
    }
  return g_strdup (out->str);
}

static void
test_mdspell (void)
{
  const char *text =
    "# markdown-spellcheck spelling configuration file\n"
    "# Format - lines beginning # are comments\n"
    "Istio\r\n"
    "istioctl   \n"
    "\n"
    "Savcı   \n"
    " - content/en/blog/2024/x/index.md\n"
    "Kyverno\n"
    "- other.md\n"
    "Coinbase";
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_ptr_array_unref);
  g_autofree char *global = NULL;
  g_autofree char *x = NULL;
  g_autofree char *other = NULL;

  byline_spell_parse_mdspell (text, strlen (text), words, files);
  global = joined (words);
  g_assert_cmpstr (global, ==, "Istio|istioctl|Savcı");
  g_assert_cmpuint (g_hash_table_size (files), ==, 2);
  x = joined (g_hash_table_lookup (files, "content/en/blog/2024/x/index.md"));
  g_assert_cmpstr (x, ==, "Kyverno");
  other = joined (g_hash_table_lookup (files, "other.md"));
  g_assert_cmpstr (other, ==, "Coinbase");
}

static void
test_cspell_json (void)
{
  const char *text =
    "// cspell settings\n"
    "{\n"
    "  \"version\": \"0.2\", /* block */\n"
    "  \"language\": \"en\",\n"
    "\t\"words\": [\"ztunnel\", \"istio mesh\", \"a//b\",],\n"
    "  \"ignoreWords\": [\"Kyverno\"],\n"
    "  \"flagWords\": [\"hte\"],\n"
    "  \"dictionaryDefinitions\": [\n"
    "    {\"name\": \"site\", \"path\": \"./.cspell/site.txt\", \"addWords\": true},\n"
    "  ],\n"
    "  \"overrides\": [{\"filename\": \"**/*.md\", \"words\": [\"Fortio\"]}],\n"
    "}\n";
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *w = NULL;
  g_autofree char *f = NULL;

  g_assert_true (byline_spell_parse_cspell (text, strlen (text), FALSE, "cspell.json", words,
                                            files, &error));
  g_assert_no_error (error);
  w = joined (words);
  g_assert_cmpstr (w, ==, "ztunnel|istio|mesh|a//b|Kyverno|Fortio");
  f = joined (files);
  g_assert_cmpstr (f, ==, "./.cspell/site.txt");
}

static void
test_cspell_yaml (void)
{
  const char *text =
    "# yaml-language-server: $schema=...\n"
    "version: \"0.2\"\n"
    "words:\n"
    "  - ztunnel\n"
    "  - waypoint\n"
    "ignoreWords: [Kyverno]\n"
    "dictionaryDefinitions:\n"
    "  - name: en-words\n"
    "    path: .cspell/en-words.txt\n"
    "dictionaries: [en-words]\n";
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *w = NULL;
  g_autofree char *f = NULL;

  g_assert_true (byline_spell_parse_cspell (text, strlen (text), TRUE, ".cspell.yml", words,
                                            files, &error));
  g_assert_no_error (error);
  w = joined (words);
  g_assert_cmpstr (w, ==, "ztunnel|waypoint|Kyverno");
  f = joined (files);
  g_assert_cmpstr (f, ==, ".cspell/en-words.txt");
}

static void
test_cspell_errors (void)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *bad_json = "{\n  \"words\": [\"a\"\n}\n";
  const char *array = "[\"a\"]";
  const char *bad_yaml = "words: [a\n";
  const char *scalar = "words\n";

  g_assert_false (byline_spell_parse_cspell (bad_json, strlen (bad_json), FALSE, "/s/cspell.json",
                                             words, files, &error));
  g_assert_error (error, BYLINE_SPELL_ERROR, BYLINE_SPELL_ERROR_INVALID_LIST);
  /* json-glib names the line where it stopped. */
  g_assert_cmpstr (error->message, ==, "/s/cspell.json:2: Not valid JSON: Parse error: unexpected "
                   "string constant \"a\", expected character `,'");
  g_clear_error (&error);

  g_assert_false (byline_spell_parse_cspell (array, strlen (array), FALSE, "c.json", words,
                                             files, &error));
  g_assert_cmpstr (error->message, ==, "c.json:1: A cspell configuration is an object of settings");
  g_clear_error (&error);

  g_assert_false (byline_spell_parse_cspell (bad_yaml, strlen (bad_yaml), TRUE, "c.yml", words,
                                             files, &error));
  g_assert_true (g_str_has_prefix (error->message, "c.yml:2: Not valid YAML: "));
  g_clear_error (&error);

  g_assert_false (byline_spell_parse_cspell (scalar, strlen (scalar), TRUE, "c.yml", words,
                                             files, &error));
  g_assert_cmpstr (error->message, ==, "c.yml:1: A cspell configuration is a mapping of settings");
  g_assert_cmpuint (words->len, ==, 0);
}

static void
test_codespellrc (void)
{
  const char *text =
    "[tool]\n"
    "ignore-words-list = notthis\n"
    "[codespell]\n"
    "skip = *.svg,./static\n"
    "# a comment\n"
    "ignore-words-list = nd,ot,\n"
    "  te, hte\n"
    "ignore_words = .codespell/words.txt\n"
    "[other]\n"
    "ignore-words-list = nope\n";
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *w = NULL;
  g_autofree char *f = NULL;

  byline_spell_parse_codespellrc (text, strlen (text), words, files);
  w = joined (words);
  g_assert_cmpstr (w, ==, "nd|ot|te|hte");
  f = joined (files);
  g_assert_cmpstr (f, ==, ".codespell/words.txt");
}

static void
test_word_file (void)
{
  const char *text = "# comment\nalpha\n!forbidden\n  beta gamma\n\ndelta\n";
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *w = NULL;

  byline_spell_parse_word_file (text, strlen (text), words);
  w = joined (words);
  g_assert_cmpstr (w, ==, "alpha|beta|gamma|delta");
}

static gboolean
set_has (GHashTable *set,
         const char *word)
{
  return g_hash_table_contains (set, word);
}

static void
test_post_words (void)
{
  const char *text =
    "---\n"
    "title: Policies\n"
    "cSpell:ignore: Kyverno chalin\n"
    "spell-checker:ignore:\n"
    "  - Fortio\n"
    "  - jmooring\n"
    "spelling: cSpell:ignore Merbridge\n"
    "---\n"
    "<!-- cSpell:ignore: cond isset -->\n"
    "Text. <!-- spellchecker: ignore ztunnel, waypointy -->\n"
    "{{/* cspell:words goog */ -}}\n"
    "Mention of spellchecker without a colon.\n";
  g_autoptr(BylinePost) post = byline_post_new (text, -1);
  g_autoptr(GHashTable) set = NULL;
  static const char * const expected[] = {
    "kyverno", "chalin", "fortio", "jmooring", "merbridge", "cond", "isset", "ztunnel",
    "waypointy", "goog",
  };

  set = byline_spell_post_words (text, strlen (text), byline_post_get_front_matter (post));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("%s", expected[i]);
      g_assert_true (set_has (set, expected[i]));
    }
  /* Nothing past the end of a comment, nothing but the listed words. */
  g_assert_false (set_has (set, "-->"));
  g_assert_false (set_has (set, "*/"));
  g_assert_false (set_has (set, "without"));
  g_assert_cmpuint (g_hash_table_size (set), ==, G_N_ELEMENTS (expected));
}

/* Lists from the site's root up to the folder holding .git, word files
 * inside the site only, problems reported with their file. */
static void
test_load (void)
{
  g_autofree char *repo = g_dir_make_tmp ("byline-spell-lists-XXXXXX", NULL);
  g_autofree char *site = g_build_filename (repo, "site", NULL);
  g_autofree char *post_path = g_build_filename (site, "content", "blog", "x", "index.md", NULL);
  g_autofree char *outside = g_dir_make_tmp ("byline-spell-outside-XXXXXX", NULL);
  g_autofree char *outside_file = g_build_filename (outside, "words.txt", NULL);
  g_autofree char *cspell = NULL;
  g_autoptr(GFile) post = g_file_new_for_path (post_path);
  g_autoptr(GFile) root = g_file_new_for_path (site);
  g_autoptr(GFile) start = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(BylineSpellChecker) checker = NULL;
  g_autoptr(BylineProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *file_words;

  if (!byline_spell_dictionary_exists ("en_US"))
    {
      g_test_skip ("No en_US dictionary for Enchant: install hunspell-en-us");
      return;
    }

  byline_test_write_file (repo, ".git/HEAD", "ref: refs/heads/main\n", -1);
  byline_test_write_file (repo, ".spelling", "Istio\n - site/content/blog/x/index.md\nKyverno\n", -1);
  byline_test_write_file (repo, ".codespellrc", "[codespell]\nignore-words-list = hte\n", -1);
  byline_test_write_file (site, "hugo.toml", "baseURL = \"/\"\n", -1);
  byline_test_write_file (site, "content/blog/x/index.md", "---\ntitle: x\n---\n", -1);
  byline_test_write_file (site, ".cspell/site.txt", "ztunnel\n", -1);
  byline_test_write_file (outside, "words.txt", "outsideword\n", -1);
  cspell = g_strdup_printf ("{\"words\": [\"waypointy\"], \"dictionaryDefinitions\": ["
                            "{\"name\": \"a\", \"path\": \".cspell/site.txt\"},"
                            "{\"name\": \"b\", \"path\": \"%s\"},"
                            "{\"name\": \"c\", \"path\": \".cspell/missing.txt\"}]}",
                            outside_file);
  byline_test_write_file (site, "cspell.json", cspell, -1);
  byline_test_write_file (site, ".cspell.yml", "words: [unclosed\n", -1);

  start = byline_spell_lists_start (post, root);
  g_assert_true (g_file_equal (start, root));

  profile = byline_profile_new_builtin ();
  g_assert_true (byline_profile_merge_data (profile, "words: [Merbridge]\n",
                                            strlen ("words: [Merbridge]\n"), "p.yml", &error));
  g_assert_no_error (error);
  checker = byline_spell_checker_new_for_site ("en_US", start, profile, warnings, &error);
  g_assert_no_error (error);

  g_assert_true (byline_spell_checker_check_word (checker, "Istio", -1, NULL));
  g_assert_true (byline_spell_checker_check_word (checker, "hte", -1, NULL));
  g_assert_true (byline_spell_checker_check_word (checker, "waypointy", -1, NULL));
  g_assert_true (byline_spell_checker_check_word (checker, "ztunnel", -1, NULL));
  g_assert_true (byline_spell_checker_check_word (checker, "Merbridge", -1, NULL));
  g_assert_false (byline_spell_checker_check_word (checker, "outsideword", -1, NULL));
  g_assert_false (byline_spell_checker_check_word (checker, "Kyverno", -1, NULL));

  file_words = byline_spell_checker_get_file_words (checker, post_path);
  g_assert_nonnull (file_words);
  g_assert_true (byline_spell_checker_check_word (checker, "Kyverno", -1, file_words));

  g_assert_cmpuint (warnings->len, ==, 3);
  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (warnings, i));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "cspell.json: the word file"));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "is outside the site; not read"));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 1),
                            "cspell.json: the word file “.cspell/missing.txt” does not exist"));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 2), ".cspell.yml:2: Not valid YAML"));

  byline_test_remove_tree (repo);
  byline_test_remove_tree (outside);
}

/* Without .git above, only the start folder is searched. */
static void
test_load_no_git (void)
{
  g_autofree char *parent = g_dir_make_tmp ("byline-spell-nogit-XXXXXX", NULL);
  g_autofree char *folder = g_build_filename (parent, "post", NULL);
  g_autoptr(GFile) start = g_file_new_for_path (folder);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(BylineSpellChecker) checker = NULL;
  g_autoptr(GError) error = NULL;

  if (!byline_spell_dictionary_exists ("en_US"))
    {
      g_test_skip ("No en_US dictionary for Enchant: install hunspell-en-us");
      return;
    }

  byline_test_write_file (parent, ".spelling", "parentword\n", -1);
  byline_test_write_file (folder, ".spelling", "folderword\n", -1);

  checker = byline_spell_checker_new_for_site ("en_US", start, NULL, warnings, &error);
  g_assert_no_error (error);
  g_assert_true (byline_spell_checker_check_word (checker, "folderword", -1, NULL));
  g_assert_false (byline_spell_checker_check_word (checker, "parentword", -1, NULL));
  g_assert_cmpuint (warnings->len, ==, 0);

  byline_test_remove_tree (parent);
}

/* A word for every post goes before mdspell's per-file sections
 * (" - path" lines, https://github.com/lukeapage/node-markdown-spellcheck
 * README, "Global and file exclusions"), and reads back as a site word. */
static void
test_mdspell_add (void)
{
  static const struct { const char *before; const char *after; } cases[] = {
    { "", "ztunnel\n" },
    { "foo", "foo\nztunnel\n" },
    { "foo\n", "foo\nztunnel\n" },
    { "# comment\nfoo\n\n - post.md\nbar\n", "# comment\nfoo\nztunnel\n\n - post.md\nbar\n" },
    { "foo\n# one post\n - a.md\nx\n", "foo\nztunnel\n# one post\n - a.md\nx\n" },
    { " - a.md\nx\n", "ztunnel\n - a.md\nx\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *after = byline_spell_mdspell_add_word (cases[i].before,
                                                              strlen (cases[i].before),
                                                              "ztunnel");
      g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GHashTable) file_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                                (GDestroyNotify) g_ptr_array_unref);

      g_assert_cmpstr (after, ==, cases[i].after);
      byline_spell_parse_mdspell (after, strlen (after), words, file_words);
      g_assert_true (g_ptr_array_find_with_equal_func (words, "ztunnel", g_str_equal, NULL));
    }
}

/* The file is found in the lists' folder and rewritten; a phrase is refused
 * and leaves it as it was. */
static void
test_mdspell_add_file (void)
{
  g_autofree char *root = g_dir_make_tmp ("byline-spell-add-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (root);
  g_autoptr(GFile) none = byline_spell_lists_find_mdspell (folder);
  g_autoptr(GFile) file = g_file_get_child (folder, ".spelling");
  g_autoptr(GFile) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const char *list = "Istio\n - a.md\nfoo\n";

  g_assert_null (none);
  g_assert_true (g_file_replace_contents (file, list, strlen (list), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
  found = byline_spell_lists_find_mdspell (folder);
  g_assert_nonnull (found);
  g_assert_true (g_file_equal (found, file));

  g_assert_true (byline_spell_lists_add_to_mdspell (found, "Envoy", &error));
  g_assert_no_error (error);
  g_assert_false (byline_spell_lists_add_to_mdspell (found, "two words", &error));
  g_assert_error (error, BYLINE_SPELL_ERROR, BYLINE_SPELL_ERROR_INVALID_WORD);

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, "Istio\nEnvoy\n - a.md\nfoo\n");

  g_assert_true (g_file_delete (file, NULL, NULL));
  g_assert_cmpint (g_rmdir (root), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/spell-lists/mdspell", test_mdspell);
  g_test_add_func ("/core/spell-lists/mdspell-add", test_mdspell_add);
  g_test_add_func ("/core/spell-lists/mdspell-add-file", test_mdspell_add_file);
  g_test_add_func ("/core/spell-lists/cspell-json", test_cspell_json);
  g_test_add_func ("/core/spell-lists/cspell-yaml", test_cspell_yaml);
  g_test_add_func ("/core/spell-lists/cspell-errors", test_cspell_errors);
  g_test_add_func ("/core/spell-lists/codespellrc", test_codespellrc);
  g_test_add_func ("/core/spell-lists/word-file", test_word_file);
  g_test_add_func ("/core/spell-lists/post-words", test_post_words);
  g_test_add_func ("/core/spell-lists/load", test_load);
  g_test_add_func ("/core/spell-lists/load-no-git", test_load_no_git);

  return g_test_run ();
}
