/* test-spell.c — the spell checker: dictionary, word lists, suggestions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * These tests need Enchant's American English dictionary (Debian's
 * hunspell-en-us); without it they are skipped and say so.
 */

#include "config.h"

#include "byline-spell.h"

#include <glib/gstdio.h>
#include <string.h>

static gboolean
have_dictionary (void)
{
  if (byline_spell_dictionary_exists ("en_US"))
    return TRUE;
  g_test_skip ("No en_US dictionary for Enchant: install hunspell-en-us");
  return FALSE;
}

static BylineSpellChecker *
new_checker (void)
{
  g_autoptr(GError) error = NULL;
  BylineSpellChecker *checker = byline_spell_checker_new ("en_US", &error);

  g_assert_no_error (error);
  return checker;
}

static void
test_new (void)
{
  g_autoptr(BylineSpellChecker) checker = NULL;
  g_autoptr(BylineSpellChecker) bare = NULL;
  g_autoptr(BylineSpellChecker) missing = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_dictionary ())
    return;

  /* Tags as sites write them: Hugo's "en-us", a bare language. */
  checker = byline_spell_checker_new ("en-us", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_spell_checker_get_language (checker), ==, "en_US");
  bare = byline_spell_checker_new ("en", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_spell_checker_get_language (bare), ==, "en_US");

  missing = byline_spell_checker_new ("xx-YY", &error);
  g_assert_null (missing);
  g_assert_error (error, BYLINE_SPELL_ERROR, BYLINE_SPELL_ERROR_NO_DICTIONARY);
  g_assert_cmpstr (error->message, ==, "No spelling dictionary for “xx-YY” is installed");

  g_assert_true (byline_spell_dictionary_exists ("en_US"));
  g_assert_false (byline_spell_dictionary_exists ("xx_YY"));
}

static void
test_check_word (void)
{
  g_autoptr(BylineSpellChecker) checker = NULL;
  g_autoptr(GHashTable) extra = NULL;
  const char * const site[] = { "istio", "ztunnel", "Kyverno", NULL };

  if (!have_dictionary ())
    return;
  checker = new_checker ();

  g_assert_true (byline_spell_checker_check_word (checker, "receive", -1, NULL));
  g_assert_true (byline_spell_checker_check_word (checker, "Receive", -1, NULL));
  g_assert_false (byline_spell_checker_check_word (checker, "recieve", -1, NULL));
  g_assert_false (byline_spell_checker_check_word (checker, "teh", -1, NULL));
  /* ’ is an apostrophe. */
  g_assert_true (byline_spell_checker_check_word (checker, "don’t", -1, NULL));
  g_assert_true (byline_spell_checker_check_word (checker, "don't", -1, NULL));
  /* A length limits the word. */
  g_assert_true (byline_spell_checker_check_word (checker, "receivexyz", 7, NULL));

  /* The site's words, in any case, and their possessive. */
  g_assert_false (byline_spell_checker_check_word (checker, "Istio", -1, NULL));
  byline_spell_checker_add_site_words (checker, site);
  g_assert_true (byline_spell_checker_check_word (checker, "Istio", -1, NULL));
  g_assert_true (byline_spell_checker_check_word (checker, "istio", -1, NULL));
  g_assert_true (byline_spell_checker_check_word (checker, "kyverno", -1, NULL));
  g_assert_true (byline_spell_checker_check_word (checker, "Istio's", -1, NULL));
  g_assert_true (byline_spell_checker_check_word (checker, "Istio’s", -1, NULL));
  g_assert_false (byline_spell_checker_check_word (checker, "Istios", -1, NULL));

  /* A post's own words. */
  extra = byline_spell_word_set_new ();
  byline_spell_word_set_add (extra, " Merbridge ", -1);
  g_assert_true (byline_spell_checker_check_word (checker, "merbridge", -1, extra));
  g_assert_false (byline_spell_checker_check_word (checker, "merbridge", -1, NULL));

  byline_spell_checker_ignore_word (checker, "Fortio");
  g_assert_true (byline_spell_checker_check_word (checker, "fortio", -1, NULL));
}

static void
test_check_text (void)
{
  g_autoptr(BylineSpellChecker) checker = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (BylineMisspelling));
  const char * const site[] = { "istio", NULL };
  const char *text = "A well-known, pre-connected istio-sytem will recieve TLS at 10ms.";
  static const char * const expected[] = { "sytem", "recieve" };
  static const gsize offsets[] = { 34, 45 };

  if (!have_dictionary ())
    return;
  checker = new_checker ();
  byline_spell_checker_add_site_words (checker, site);

  byline_spell_checker_check_text (checker, text, 0, strlen (text), NULL, found);
  g_assert_cmpuint (found->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < found->len; i++)
    {
      const BylineMisspelling *m = &g_array_index (found, BylineMisspelling, i);

      g_assert_cmpuint (m->start, ==, offsets[i]);
      g_assert_cmpuint (m->end - m->start, ==, strlen (expected[i]));
      g_assert_cmpint (strncmp (text + m->start, expected[i], m->end - m->start), ==, 0);
    }
}

/* Several ranges in one call: only their words, in their order, at their
 * offsets; a word cut by a range's end is checked as far as it goes. */
static void
test_check_ranges (void)
{
  g_autoptr(BylineSpellChecker) checker = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (BylineMisspelling));
  /*                  0         1         2         3         4
   *                  0123456789012345678901234567890123456789012345 */
  const char *text = "Teh mesh `recieve` is wierd; definately ready.";
  const gsize ranges[] = { 0, 9, 19, 28, 29, 46 };
  static const gsize expected[][2] = { { 0, 3 }, { 22, 27 }, { 29, 39 } };

  if (!have_dictionary ())
    return;
  checker = new_checker ();

  byline_spell_checker_check_ranges (checker, text, ranges, G_N_ELEMENTS (ranges) / 2, NULL,
                                     found);
  g_assert_cmpuint (found->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < found->len; i++)
    {
      const BylineMisspelling *m = &g_array_index (found, BylineMisspelling, i);

      g_assert_cmpuint (m->start, ==, expected[i][0]);
      g_assert_cmpuint (m->end, ==, expected[i][1]);
    }
}

/* Verdicts of capitalized words follow from their small-letter forms
 * without changing what Hunspell says: "Mesh" because "mesh"; "Paris" is a
 * word although "paris" is not; "Teh" is not, and neither is "teh". */
static void
test_capitalized (void)
{
  g_autoptr(BylineSpellChecker) checker = NULL;
  static const struct { const char *word; gboolean correct; } words[] = {
    { "mesh", TRUE }, { "Mesh", TRUE }, { "paris", FALSE }, { "Paris", TRUE },
    { "Teh", FALSE }, { "teh", FALSE }, { "Recieve", FALSE }, { "recieve", FALSE },
    { "Ärger", FALSE }, { "ärger", FALSE },
  };

  if (!have_dictionary ())
    return;
  checker = new_checker ();

  /* Twice: asked of the dictionary, then answered from the verdicts. */
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (words); i++)
      {
        g_test_message ("%s", words[i].word);
        g_assert_cmpint (byline_spell_checker_check_word (checker, words[i].word, -1, NULL), ==,
                         words[i].correct);
      }
}

static void
test_personal (void)
{
  g_autoptr(BylineSpellChecker) checker = NULL;
  g_autoptr(BylineSpellChecker) again = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;

  if (!have_dictionary ())
    return;

  /* The default place, under the (isolated) configuration folder. */
  file = byline_spell_personal_file_default ();
  path = g_build_filename (g_get_user_config_dir (), "byline", "personal-dictionary.txt", NULL);
  expected = g_file_new_for_path (path);
  g_assert_true (g_file_equal (file, expected));

  folder = g_path_get_dirname (path);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, "# my words\nfoobazword\n\n", -1, &error);
  g_assert_no_error (error);

  checker = new_checker ();
  g_assert_true (g_file_equal (byline_spell_checker_get_personal_file (checker), expected));
  g_assert_true (byline_spell_checker_check_word (checker, "Foobazword", -1, NULL));
  g_assert_false (byline_spell_checker_check_word (checker, "quxiword", -1, NULL));

  g_assert_true (byline_spell_checker_add_to_personal (checker, "quxiword", &error));
  g_assert_no_error (error);
  g_assert_true (byline_spell_checker_check_word (checker, "quxiword", -1, NULL));
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "# my words\nfoobazword\n\nquxiword\n");

  /* Another checker reads the word back. */
  again = new_checker ();
  g_assert_true (byline_spell_checker_check_word (again, "quxiword", -1, NULL));

  g_assert_false (byline_spell_checker_add_to_personal (checker, "two words", &error));
  g_assert_error (error, BYLINE_SPELL_ERROR, BYLINE_SPELL_ERROR_INVALID_WORD);
  g_clear_error (&error);
  g_assert_false (byline_spell_checker_add_to_personal (checker, "", &error));
  g_assert_error (error, BYLINE_SPELL_ERROR, BYLINE_SPELL_ERROR_INVALID_WORD);
  g_clear_error (&error);
}

/* A personal dictionary in a folder that cannot be made says why. */
static void
test_personal_unwritable (void)
{
  g_autoptr(BylineSpellChecker) checker = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = NULL;
  g_autofree char *path = NULL;

  if (!have_dictionary ())
    return;

  blocker = g_build_filename (g_get_user_config_dir (), "not-a-folder", NULL);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);
  g_file_set_contents (blocker, "", 0, &error);
  g_assert_no_error (error);
  path = g_build_filename (blocker, "words.txt", NULL);
  file = g_file_new_for_path (path);

  checker = new_checker ();
  byline_spell_checker_set_personal_file (checker, file);
  g_assert_false (byline_spell_checker_add_to_personal (checker, "quxiword", &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Cannot add the word to "));
  g_assert_nonnull (strstr (error->message, "words.txt"));
  g_assert_false (byline_spell_checker_check_word (checker, "quxiword", -1, NULL));
}

static void
test_quick_suggest (void)
{
  g_autoptr(BylineSpellChecker) checker = NULL;
  g_auto(GStrv) receive = NULL;
  g_auto(GStrv) the = NULL;
  g_auto(GStrv) site = NULL;
  g_auto(GStrv) none = NULL;
  g_auto(GStrv) one = NULL;
  const char * const words[] = { "ztunnel", NULL };

  if (!have_dictionary ())
    return;
  checker = new_checker ();
  byline_spell_checker_add_site_words (checker, words);

  /* Swapped letters first. */
  receive = byline_spell_checker_quick_suggest (checker, "recieve", 3);
  g_assert_cmpstr (receive[0], ==, "receive");
  the = byline_spell_checker_quick_suggest (checker, "Teh", 3);
  g_assert_true (g_strv_contains ((const char * const *) the, "The"));
  g_assert_cmpuint (g_strv_length (the), ==, 3);
  /* The site's words come first. */
  site = byline_spell_checker_quick_suggest (checker, "ztunnle", 3);
  g_assert_cmpstr (site[0], ==, "ztunnel");
  none = byline_spell_checker_quick_suggest (checker, "xqzvbnk", 3);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  one = byline_spell_checker_quick_suggest (checker, "recieve", 1);
  g_assert_cmpuint (g_strv_length (one), ==, 1);
}

static void
test_suggest (void)
{
  g_autoptr(BylineSpellChecker) checker = NULL;
  g_auto(GStrv) suggestions = NULL;

  if (!have_dictionary ())
    return;
  checker = new_checker ();

  suggestions = byline_spell_checker_suggest (checker, "definately", 5);
  g_assert_cmpuint (g_strv_length (suggestions), <=, 5);
  g_assert_true (g_strv_contains ((const char * const *) suggestions, "definitely"));
}

static void
test_propose (void)
{
  g_autoptr(BylineSpellChecker) checker = NULL;
  g_autoptr(GHashTable) site = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                      (GDestroyNotify) g_strfreev);
  g_auto(GStrv) proposed = NULL;
  const char * const expected[] = { "istio", "ztunnel", "Kyverno", NULL };
  const char * const keywords[] = { "istio", "traffic-management", "ztunnel", NULL };
  const char * const titles[] = { "Ambient mesh with ztunnel", "Kyverno policies", NULL };

  if (!have_dictionary ())
    return;
  checker = new_checker ();

  g_hash_table_insert (site, (gpointer) "keywords", g_strdupv ((char **) keywords));
  g_hash_table_insert (site, (gpointer) "title", g_strdupv ((char **) titles));

  /* Unknown words, the most used (the lowest place in a list) first. */
  proposed = byline_spell_checker_propose_words (checker, site);
  g_assert_cmpstrv (proposed, expected);
}

typedef struct
{
  BylineSpellChecker *checker;
  const char         *text;
  guint               expected;
} ThreadData;

static gpointer
check_thread_cb (gpointer user_data)
{
  ThreadData *data = user_data;

  for (guint round = 0; round < 50; round++)
    {
      g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (BylineMisspelling));
      g_auto(GStrv) suggestions = NULL;

      byline_spell_checker_check_text (data->checker, data->text, 0, strlen (data->text), NULL,
                                       found);
      g_assert_cmpuint (found->len, ==, data->expected);
      suggestions = byline_spell_checker_quick_suggest (data->checker, "wierd", 3);
      g_assert_cmpstr (suggestions[0], ==, "weird");
    }
  return NULL;
}

/* The analysis worker and the window use one checker at once. */
static void
test_threads (void)
{
  g_autoptr(BylineSpellChecker) checker = NULL;
  ThreadData data;
  GThread *threads[4];

  if (!have_dictionary ())
    return;
  checker = new_checker ();
  data.checker = checker;
  data.text = "Teh recieve definately wierd words are good words.";
  data.expected = 4;

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("check", check_thread_cb, &data);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/spell/new", test_new);
  g_test_add_func ("/core/spell/check-word", test_check_word);
  g_test_add_func ("/core/spell/check-text", test_check_text);
  g_test_add_func ("/core/spell/check-ranges", test_check_ranges);
  g_test_add_func ("/core/spell/capitalized", test_capitalized);
  g_test_add_func ("/core/spell/personal", test_personal);
  g_test_add_func ("/core/spell/personal-unwritable", test_personal_unwritable);
  g_test_add_func ("/core/spell/quick-suggest", test_quick_suggest);
  g_test_add_func ("/core/spell/suggest", test_suggest);
  g_test_add_func ("/core/spell/propose", test_propose);
  g_test_add_func ("/core/spell/threads", test_threads);

  return g_test_run ();
}
