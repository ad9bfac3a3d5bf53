/* test-stats.c — word count, reading time and the other figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected values come from Hugo v0.111.3's own tests: TestStripHTML
 * (tpl/template_test.go), TestTotalWords (helpers/content_test.go),
 * TestWordCount and the TestWordCountWith…CJK… tests with their pages
 * (hugolib/page_test.go), and from its formulas in
 * hugolib/page__per_output.go (setWordCounts).
 */

#include "config.h"

#include "byline-stats.h"

#include <string.h>

/* TestStripHTML, verbatim. */
static void
test_strip_html (void)
{
  static const struct { const char *input; const char *expected; } cases[] = {
    { "<h1>strip h1 tag <h1>", "strip h1 tag " },
    { "<p> strip p tag </p>", " strip p tag " },
    { "</br> strip br<br>", " strip br\n" },
    { "</br> strip br2<br />", " strip br2\n" },
    { "This <strong>is</strong> a\nnewline", "This is a newline" },
    { "No Tags", "No Tags" },
    { "<p>Summary Next Line.\n<figure >\n\n        <img src=\"/not/real\" />\n\n\n</figure>\n.\n"
      "More text here.</p>\n\n<p>Some more text</p>",
      "Summary Next Line. . More text here.\nSome more text\n" },
    /* Issue 9199 */
    { "<div data-action='click->my-controller#doThing'>qwe</div>", "qwe" },
    { "Hello, World!", "Hello, World!" },
    { "foo&amp;bar", "foo&amp;bar" },
    { "Hello <a href=\"www.example.com/\">World</a>!", "Hello World!" },
    { "Foo <textarea>Bar</textarea> Baz", "Foo Bar Baz" },
    { "Foo <!-- Bar --> Baz", "Foo Baz" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *plain = byline_stats_strip_html (cases[i].input, -1);

      g_test_message ("%s", cases[i].input);
      g_assert_cmpstr (plain, ==, cases[i].expected);
    }
}

/* html/template's stripTags beyond Hugo's table: script and style contents
 * go, "<" that starts no tag stays, an unclosed tag ends the text. The
 * expected texts are what Debian's hugo 0.111 gives for {{ $s | plainify }},
 * which is tpl.StripHTML. */
static void
test_strip_tags (void)
{
  static const struct { const char *input; const char *expected; } cases[] = {
    { "a<script>var x = 1 < 2;</script>b", "ab" },
    { "a<style>p { color: red }</style>b", "ab" },
    { "<title>T</title>x", "Tx" },
    { "1 < 2 and I <3 you", "1 < 2 and I <3 you" },
    { "<p title=\"1>2\">x</p>", "x\n" },
    { "<a href=x>y</a>", "y" },
    { "text <b unclosed", "text " },
    { "<custom-tag x:y=\"1\">z</custom-tag>", "z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *plain = byline_stats_strip_html (cases[i].input, -1);

      g_test_message ("%s", cases[i].input);
      g_assert_cmpstr (plain, ==, cases[i].expected);
    }
}

/* TestTotalWords (text without tags counts as it is). */
static void
test_total_words (void)
{
  static const struct { const char *text; guint words; } cases[] = {
    { "Two, Words!", 2 },
    { "Word", 1 },
    { "", 0 },
    { "One, Two,      Three", 3 },
    /* Go's unicode.IsSpace: a no-break space separates, a zero-width space does not. */
    { "a\xc2\xa0" "b c\xe2\x80\x8b" "d", 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BylineStats stats;

      byline_stats_count_html (cases[i].text, -1, FALSE, &stats);
      g_assert_cmpuint (stats.words, ==, cases[i].words);
    }
}

/* (words + 212) / 213, and (words + 500) / 501 for CJK pages. */
static void
test_reading_time (void)
{
  static const struct { guint words; gboolean cjk; guint minutes; } cases[] = {
    { 0, FALSE, 0 }, { 1, FALSE, 1 }, { 213, FALSE, 1 }, { 214, FALSE, 2 }, { 426, FALSE, 2 },
    { 427, FALSE, 3 }, { 1, TRUE, 1 }, { 501, TRUE, 1 }, { 502, TRUE, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      BylineStats stats;

      for (guint w = 0; w < cases[i].words; w++)
        g_string_append (text, cases[i].cjk ? "好 " : "word ");
      byline_stats_count_html (text->str, text->len, cases[i].cjk, &stats);
      g_assert_cmpuint (stats.words, ==, cases[i].words);
      g_assert_cmpuint (stats.reading_time, ==, cases[i].minutes);
    }
}

/* countrunes leaves out space, tab and line breaks only; <p> and <img>
 * elements are counted as written. Hugo 0.111 gives 23, 2 and 2 for
 * {{ $s | plainify | countrunes }}, {{ len (findRE "<p[ >]" $s) }} and
 * {{ len (findRE "<img[ >/]" $s) }}. */
static void
test_other_figures (void)
{
  const char *html = "<p>Hello, World!</p>\n<p class=\"x\">caf\xc3\xa9&amp;</p>"
                     "<pre>a\tb</pre><img src=\"x\"><img/><picture></picture><img\n>";
  BylineStats stats;

  byline_stats_count_html (html, -1, FALSE, &stats);
  /* "Hello,World!" 12, "café&amp;" 9, "ab" 2 */
  g_assert_cmpuint (stats.characters, ==, 23);
  g_assert_cmpuint (stats.paragraphs, ==, 2);
  g_assert_cmpuint (stats.pictures, ==, 2);
  /* Hello, World! café&amp; a b: the tab separates too. */
  g_assert_cmpuint (stats.words, ==, 5);
}

static BylineStats
page_stats (const char *text,
            gboolean    has_cjk_language)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(BylineRenderer) renderer = byline_renderer_new (profile, NULL);
  g_autoptr(BylinePost) post = byline_post_new (text, -1);
  BylineStats stats;

  byline_renderer_set_tagfilter (renderer, FALSE);
  byline_stats_compute (renderer, post, has_cjk_language, &stats);
  return stats;
}

/* hugolib/page_test.go's pages. */
static const char all_cjk_runes[] =
  "---\ntitle: Simple\n---\n\n\n€ € € € €\n你好\n도형이\nカテゴリー\n\n\n";

static const char main_english_with_cjk_runes_line[] =
  "In Chinese, 好 means good.  In Chinese, 好 means good.\n";

static const char is_cjk_language_false[] =
  "---\ntitle: Simple\nisCJKLanguage: false\n---\n\n"
  "In Chinese, 好的啊 means good.  In Chinese, 好的呀 means good.\n"
  "In Chinese, 好的啊 means good.  In Chinese, 好的呀 means good.\n"
  "In Chinese, 好的啊 means good.  In Chinese, 好的呀 means good.\n"
  "In Chinese, 好的啊 means good.  In Chinese, 好的呀 means good.\n"
  "In Chinese, 好的啊 means good.  In Chinese, 好的呀 means good.\n"
  "In Chinese, 好的啊 means good.  In Chinese, 好的呀 means good.\n"
  "In Chinese, 好的啊 means good.  In Chinese, 好的呀呀 means good enough.\n"
  "More then 70 words.\n\n\n";

static const char lorem[] =
  "Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor\n"
  "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis\n"
  "nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.\n"
  "Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu\n"
  "fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in\n"
  "culpa qui officia deserunt mollit anim id est laborum. ";

static void
test_hugo_pages (void)
{
  g_autoptr(GString) english = g_string_new ("---\ntitle: Simple\n---\n\n\n");
  g_autoptr(GString) long_content = g_string_new ("---\ntitle: Simple\n---\n\n");
  BylineStats stats;

  /* TestWordCountWithAllCJKRunesWithoutHasCJKLanguage: 8 */
  stats = page_stats (all_cjk_runes, FALSE);
  g_assert_false (stats.cjk);
  g_assert_cmpuint (stats.words, ==, 8);
  /* TestWordCountWithAllCJKRunesHasCJKLanguage: 15 */
  stats = page_stats (all_cjk_runes, TRUE);
  g_assert_true (stats.cjk);
  g_assert_cmpuint (stats.words, ==, 15);
  g_assert_cmpuint (stats.reading_time, ==, 1);

  /* TestWordCountWithMainEnglishWithCJKRunes: 74 */
  for (guint i = 0; i < 7; i++)
    g_string_append (english, main_english_with_cjk_runes_line);
  g_string_append (english, "More then 70 words.\n\n\n");
  stats = page_stats (english->str, TRUE);
  g_assert_true (stats.cjk);
  g_assert_cmpuint (stats.words, ==, 74);

  /* TestWordCountWithIsCJKLanguageFalse: 75 */
  stats = page_stats (is_cjk_language_false, TRUE);
  g_assert_false (stats.cjk);
  g_assert_cmpuint (stats.words, ==, 75);

  /* TestWordCount: simplePageWithLongContent, 7 × 69 words; 3 minutes. */
  for (guint i = 0; i < 7; i++)
    g_string_append (long_content, lorem);
  stats = page_stats (long_content->str, FALSE);
  g_assert_cmpuint (stats.words, ==, 483);
  g_assert_cmpuint (stats.reading_time, ==, 3);
}

static void
test_is_cjk (void)
{
  static const struct { const char *text; gboolean site; gboolean cjk; } cases[] = {
    { "---\ntitle: x\n---\nPlain text\n", TRUE, FALSE },
    { "---\ntitle: x\n---\n好\n", FALSE, FALSE },
    { "---\ntitle: x\n---\n好\n", TRUE, TRUE },
    { "---\ntitle: 你好\n---\nPlain\n", TRUE, TRUE },        /* the whole file counts */
    { "---\ntitle: x\n---\nカタカナ\n", TRUE, TRUE },
    { "---\ntitle: x\n---\n한국어\n", TRUE, TRUE },
    { "---\nisCJKLanguage: true\n---\nPlain\n", FALSE, TRUE },
    { "---\niscjklanguage: TRUE\n---\nPlain\n", FALSE, TRUE },
    { "---\nisCJKLanguage: false\n---\n好\n", TRUE, FALSE },
    { "---\nisCJKLanguage: maybe\n---\nPlain\n", FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BylinePost) post = byline_post_new (cases[i].text, -1);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (byline_stats_post_is_cjk (post, cases[i].site), ==, cases[i].cjk);
    }
}

static void
test_range (void)
{
  const char *text = "---\ntitle: One two\n---\n\nOne two three.\n\n---\n\nFour *five* six.\n";
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(BylineRenderer) renderer = byline_renderer_new (profile, NULL);
  g_autoptr(BylinePost) post = byline_post_new (text, -1);
  const char *two = strstr (text, "two three");
  const char *five = strstr (text, "five");
  BylineStats stats;

  /* "two three." and "Four *five": 4 words in 2 paragraphs. */
  byline_stats_compute_range (renderer, post, two - text, five + 4 - text, FALSE, &stats);
  g_assert_cmpuint (stats.words, ==, 4);
  g_assert_cmpuint (stats.paragraphs, ==, 2);
  g_assert_cmpuint (stats.reading_time, ==, 1);

  /* The front matter does not count; a selection from the top counts the
   * body only. */
  byline_stats_compute_range (renderer, post, 0, strlen (text), FALSE, &stats);
  g_assert_cmpuint (stats.words, ==, 6);
  byline_stats_compute_range (renderer, post, 0, 10, FALSE, &stats);
  g_assert_cmpuint (stats.words, ==, 0);
  g_assert_cmpuint (stats.paragraphs, ==, 0);

  /* A selection starting at the --- rule is body text, not front matter. */
  byline_stats_compute_range (renderer, post, strstr (text, "\n---\n\nFour") + 1 - text,
                              strlen (text), FALSE, &stats);
  g_assert_cmpuint (stats.words, ==, 3);

  /* The whole post, as byline_stats_compute() counts it. */
  byline_stats_compute (renderer, post, FALSE, &stats);
  g_assert_cmpuint (stats.words, ==, 6);
  g_assert_cmpuint (stats.paragraphs, ==, 2);
}

/* Raw <iframe> and <script>: Hugo keeps them, so their text counts when the
 * renderer's tagfilter is off, and the escaped tags do not. */
static void
test_tagfilter (void)
{
  const char *text = "---\ntitle: x\n---\n\nVideo:\n\n<iframe src=\"https://x.org/v\" "
                     "title=\"A long title\"></iframe>\n\nEnd.\n";
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(BylineRenderer) renderer = byline_renderer_new (profile, NULL);
  g_autoptr(BylinePost) post = byline_post_new (text, -1);
  BylineStats stats;

  byline_stats_compute (renderer, post, FALSE, &stats);
  g_assert_cmpuint (stats.words, >, 2);
  byline_renderer_set_tagfilter (renderer, FALSE);
  byline_stats_compute (renderer, post, FALSE, &stats);
  g_assert_cmpuint (stats.words, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/stats/strip-html", test_strip_html);
  g_test_add_func ("/core/stats/strip-tags", test_strip_tags);
  g_test_add_func ("/core/stats/total-words", test_total_words);
  g_test_add_func ("/core/stats/reading-time", test_reading_time);
  g_test_add_func ("/core/stats/other-figures", test_other_figures);
  g_test_add_func ("/core/stats/hugo-pages", test_hugo_pages);
  g_test_add_func ("/core/stats/is-cjk", test_is_cjk);
  g_test_add_func ("/core/stats/range", test_range);
  g_test_add_func ("/core/stats/tagfilter", test_tagfilter);

  return g_test_run ();
}
