/* test-spell-prose.c — which parts of a post are spell checked, and the rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/spelling/index.md has a misspelt word in every kind of prose
 * and in every kind of text that is not prose; the rule must flag exactly
 * the first kind, each at its line and column.
 */

#include "config.h"

#include "byline-linter.h"
#include "byline-spell-prose.h"

#include <cmark-gfm.h>
#include <string.h>

static gboolean
have_dictionary (void)
{
  if (byline_spell_dictionary_exists ("en_US"))
    return TRUE;
  g_test_skip ("No en_US dictionary for Enchant: install hunspell-en-us");
  return FALSE;
}

static BylinePost *
load_fixture (GFile **file)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "spelling", "index.md",
                                                 NULL);
  g_autoptr(GError) error = NULL;
  BylinePost *post;

  *file = g_file_new_for_path (path);
  post = byline_post_new_from_file (*file, NULL, &error);
  g_assert_no_error (error);
  return post;
}

static GPtrArray *
check (BylinePost         *post,
       GFile              *file,
       BylineProfile      *profile,
       BylineSpellChecker *checker)
{
  g_autoptr(BylineBundle) bundle = byline_bundle_new (file);
  g_autoptr(BylineLinter) linter = byline_linter_new (profile, NULL, bundle);
  GPtrArray *diagnostics;

  byline_linter_set_spell_checker (linter, checker);
  diagnostics = byline_linter_check (linter, post);

  /* Only this rule's findings. */
  for (guint i = diagnostics->len; i > 0; i--)
    {
      const BylineDiagnostic *d = g_ptr_array_index (diagnostics, i - 1);

      if (strcmp (d->rule_id, "spelling/unknown-word") != 0)
        g_ptr_array_remove_index (diagnostics, i - 1);
    }
  return diagnostics;
}

static void
test_rule (void)
{
  static const struct { const char *word; guint line; guint column; } expected[] = {
    { "titel", 2, 11 },        /* title */
    { "descriptin", 3, 66 },   /* description, after its `code` */
    { "paragraf", 10, 7 },     /* paragraph */
    { "emphasiss", 10, 22 },   /* emphasis */
    { "strongg", 10, 39 },     /* strong */
    { "mistaek", 11, 26 },     /* continuation line */
    { "textt", 12, 30 },       /* link text, after stripped indentation */
    { "htmll", 12, 88 },       /* text between inline HTML tags */
    { "headding", 14, 6 },     /* heading */
    { "itemm", 16, 8 },        /* list item */
    { "withh", 17, 13 },       /* its second line */
    { "textt", 18, 26 },       /* image alt text */
    { "lazzy", 20, 18 },       /* block quote */
    { "linne", 21, 14 },       /* its lazy continuation, without "> " */
    { "Columnn", 23, 3 },      /* table header */
    { "celll", 25, 3 },        /* table cell */
    { "captionn", 27, 42 },    /* shortcode caption */
    { "wordd", 27, 74 },       /* shortcode alt */
    { "tipp", 30, 19 },        /* Markdown inside a callout */
    { "callz", 44, 73 },       /* right after an inline shortcode */
    { "wrods", 44, 82 },
    { "footnotee", 50, 11 },   /* footnote */
  };
  g_autoptr(GFile) file = NULL;
  g_autoptr(BylinePost) post = load_fixture (&file);
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(BylineSpellChecker) checker = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = byline_post_get_text (post);

  if (!have_dictionary ())
    return;
  checker = byline_spell_checker_new ("en_US", &error);
  g_assert_no_error (error);

  diagnostics = check (post, file, profile, checker);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const BylineDiagnostic *d = g_ptr_array_index (diagnostics, i);

      g_test_message ("%u:%u %.*s", d->span.line, d->span.column,
                      (int) (d->span.end - d->span.start), text + d->span.start);
    }
  g_assert_cmpuint (diagnostics->len, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const BylineDiagnostic *d = g_ptr_array_index (diagnostics, i);
      gsize length = strlen (expected[i].word);

      g_assert_cmpint (d->severity, ==, BYLINE_SEVERITY_INFO);
      g_assert_cmpuint (d->span.line, ==, expected[i].line);
      g_assert_cmpuint (d->span.column, ==, expected[i].column);
      g_assert_cmpuint (d->span.end - d->span.start, ==, length);
      g_assert_cmpint (strncmp (text + d->span.start, expected[i].word, length), ==, 0);
      g_assert_cmpuint (d->span.end_line, ==, expected[i].line);
      g_assert_cmpuint (d->span.end_column, ==, expected[i].column + length);
    }

  /* A suggestion in the message, the first one as the fix. */
  {
    const BylineDiagnostic *d = g_ptr_array_index (diagnostics, 5);

    g_assert_cmpstr (d->message, ==, "Unknown word “mistaek”: did you mean “mistake”?");
    g_assert_nonnull (d->fix);
    g_assert_cmpuint (d->fix->offset, ==, d->span.start);
    g_assert_cmpuint (d->fix->length, ==, strlen ("mistaek"));
    g_assert_cmpstr (d->fix->text, ==, "mistake");
  }
  /* No suggestion: no fix. */
  {
    const BylineDiagnostic *d = g_ptr_array_index (diagnostics, 2);

    g_assert_cmpstr (d->message, ==, "Unknown word “paragraf”: check its spelling, or add it to "
                     "the site’s word list");
    g_assert_null (d->fix);
  }
}

/* Off unless asked: without a checker nothing runs; a profile re-grades the
 * rule or switches it off. */
static void
test_severity (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(BylinePost) post = load_fixture (&file);
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(BylineProfile) warning = byline_profile_new_builtin ();
  g_autoptr(BylineProfile) off = byline_profile_new_builtin ();
  g_autoptr(BylineSpellChecker) checker = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) switched_off = NULL;
  g_autoptr(GError) error = NULL;
  const char *warn_yaml = "rules:\n  spelling/unknown-word: warning\n";
  const char *off_yaml = "rules:\n  spelling/unknown-word: off\n";
  const BylineRuleInfo *info = byline_linter_lookup_rule ("spelling/unknown-word");

  g_assert_nonnull (info);
  g_assert_cmpint (info->default_severity, ==, BYLINE_SEVERITY_INFO);

  none = check (post, file, profile, NULL);
  g_assert_cmpuint (none->len, ==, 0);

  if (!have_dictionary ())
    return;
  checker = byline_spell_checker_new ("en_US", &error);
  g_assert_no_error (error);

  g_assert_true (byline_profile_merge_data (warning, warn_yaml, strlen (warn_yaml), "w.yml",
                                            &error));
  warnings = check (post, file, warning, checker);
  g_assert_cmpuint (warnings->len, >, 0);
  for (guint i = 0; i < warnings->len; i++)
    g_assert_cmpint (((BylineDiagnostic *) g_ptr_array_index (warnings, i))->severity, ==,
                     BYLINE_SEVERITY_WARNING);

  g_assert_true (byline_profile_merge_data (off, off_yaml, strlen (off_yaml), "o.yml", &error));
  switched_off = check (post, file, off, checker);
  g_assert_cmpuint (switched_off->len, ==, 0);
}

/* The site's words are not flagged; neither is a word the post lists in a
 * cSpell:ignore key (ignoredd, in the fixture). */
static void
test_site_words (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(BylinePost) post = load_fixture (&file);
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(BylineSpellChecker) checker = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  const char * const words[] = { "titel", "MISTAEK", "celll", NULL };

  if (!have_dictionary ())
    return;
  checker = byline_spell_checker_new ("en_US", &error);
  g_assert_no_error (error);
  byline_spell_checker_add_site_words (checker, words);

  diagnostics = check (post, file, profile, checker);
  g_assert_cmpuint (diagnostics->len, ==, 22 - 3);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const BylineDiagnostic *d = g_ptr_array_index (diagnostics, i);

      g_assert_null (strstr (d->message, "“titel”"));
      g_assert_null (strstr (d->message, "“mistaek”"));
      g_assert_null (strstr (d->message, "“celll”"));
      g_assert_null (strstr (d->message, "“ignoredd”"));
    }
}

static gsize
line_starts_locate_cb (gpointer data,
                       int      line,
                       int      column)
{
  GArray *starts = data;

  return g_array_index (starts, gsize, MAX (line, 1) - 1) + (gsize) MAX (column, 1) - 1;
}

/* The walker takes any tree and a map: here a plain cmark-gfm parse of a
 * text of its own, without shortcodes. */
static void
test_walker (void)
{
  const char *text = "# Title here\n\nSome *emph* and `code` [link](http://x.y)\n"
                     "  indented &amp; more\n\n    code block\n";
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (BylineProseRange));
  g_autoptr(GString) found = g_string_new (NULL);
  BylineSourceMap map = { 0 };
  cmark_node *document;
  gsize zero = 0;

  g_array_append_val (starts, zero);
  for (gsize i = 0; text[i] != '\0'; i++)
    if (text[i] == '\n')
      {
        gsize next = i + 1;

        g_array_append_val (starts, next);
      }

  document = cmark_parse_document (text, strlen (text), CMARK_OPT_SOURCEPOS);
  map.text = text;
  map.length = strlen (text);
  map.parsed = text;
  map.parsed_start = 0;
  map.parsed_length = strlen (text);
  map.locate = line_starts_locate_cb;
  map.data = starts;

  byline_spell_prose_collect_body (document, &map, ranges);
  byline_spell_prose_normalize (ranges);
  for (guint i = 0; i < ranges->len; i++)
    {
      const BylineProseRange *r = &g_array_index (ranges, BylineProseRange, i);

      g_string_append_printf (found, "[%.*s]", (int) (r->end - r->start), text + r->start);
    }
  /* The entity's node stands in the source as "&amp; more": its place is
   * found by its start, its length by its columns. */
  g_assert_cmpstr (found->str, ==,
                   "[Title here][Some ][emph][ and ][ ][link][indented &amp; more]");

  cmark_node_free (document);
}

static void
test_normalize (void)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (BylineProseRange));
  static const BylineProseRange input[] = { { 10, 12 }, { 0, 5 }, { 5, 8 }, { 11, 20 }, { 30, 31 } };
  const BylineProseRange *r;

  g_array_append_vals (ranges, input, G_N_ELEMENTS (input));
  byline_spell_prose_normalize (ranges);
  g_assert_cmpuint (ranges->len, ==, 3);
  r = &g_array_index (ranges, BylineProseRange, 0);
  g_assert_cmpuint (r->start, ==, 0);
  g_assert_cmpuint (r->end, ==, 8);
  r = &g_array_index (ranges, BylineProseRange, 1);
  g_assert_cmpuint (r->start, ==, 10);
  g_assert_cmpuint (r->end, ==, 20);
  r = &g_array_index (ranges, BylineProseRange, 2);
  g_assert_cmpuint (r->start, ==, 30);
  g_assert_cmpuint (r->end, ==, 31);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/spell-prose/rule", test_rule);
  g_test_add_func ("/core/spell-prose/severity", test_severity);
  g_test_add_func ("/core/spell-prose/site-words", test_site_words);
  g_test_add_func ("/core/spell-prose/walker", test_walker);
  g_test_add_func ("/core/spell-prose/normalize", test_normalize);

  return g_test_run ();
}
