/* test-front-matter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-front-matter.h"

#include "byline-test-front-matter.h"

#include <string.h>

static BylineFrontMatter *
parse_text (const char  *text,
            gsize        length,
            BylineSpan  *error_span,
            GError     **error)
{
  BylinePostLayout layout;

  /* Layout errors are tested in test-post-layout; the front matter must
   * cope with whatever layout it gets. */
  byline_post_layout_parse (&layout, text, length, NULL);
  return byline_front_matter_parse (text, &layout, error_span, error);
}

static BylineFrontMatter *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  BylineFrontMatter *fm = parse_text (text, strlen (text), NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (fm);
  return fm;
}

static char *
span_text (const char       *text,
           const BylineSpan *span)
{
  return g_strndup (text + span->start, span->end - span->start);
}

/* Parsing: spans, kinds and styles */

static const char parse_fixture[] =
  "\xEF\xBB\xBF---\n"
  "# Metadata, with a comment first\n"
  "title: \"Été — a \\\"quoted\\\" title\"\n"
  "description: Plain text, with:colons  # and a comment\n"
  "subtitle:\n"
  "publishdate: 2023-09-29\n"
  "target_release: 1.10\n"
  "draft: false\n"
  "keywords: [Istio Day,IstioCon,Istio]\n"
  "tags:\n"
  "  - one\n"
  "  - 'two'\n"
  "\n"
  "summary: |\n"
  "  Line one\n"
  "  Line two\n"
  "params: &anchor {a: 1, b: [x, y]}\n"
  "attribution: 'It''s — me'\n"
  "folded: >-\n"
  "  Folded\n"
  "ref: *anchor\n"
  "---\n"
  "Body\n";

typedef struct
{
  const char *key;
  BylineValueKind kind;
  BylineScalarStyle style;
  gboolean flow;
  const char *value;
  const char *raw;
  guint key_line, key_column;
  guint value_line, value_column, value_end_line, value_end_column;
  const char *lines;
  const char *items;      /* items joined by '|' */
  const char *properties; /* the anchor before the value, not part of raw */
} EntryCase;

#define SC BYLINE_VALUE_SCALAR
#define SQ BYLINE_VALUE_SEQUENCE
#define MP BYLINE_VALUE_MAPPING
#define AL BYLINE_VALUE_ALIAS
#define PL BYLINE_SCALAR_PLAIN
#define S1 BYLINE_SCALAR_SINGLE_QUOTED
#define S2 BYLINE_SCALAR_DOUBLE_QUOTED
#define LI BYLINE_SCALAR_LITERAL
#define FO BYLINE_SCALAR_FOLDED

static const EntryCase entry_cases[] = {
  { "title", SC, S2, FALSE, "Été — a \"quoted\" title", "\"Été — a \\\"quoted\\\" title\"",
    3, 1, 3, 8, 3, 34, "title: \"Été — a \\\"quoted\\\" title\"\n", NULL },
  { "description", SC, PL, FALSE, "Plain text, with:colons", "Plain text, with:colons",
    4, 1, 4, 14, 4, 37, "description: Plain text, with:colons  # and a comment\n", NULL },
  { "subtitle", SC, PL, FALSE, "", "", 5, 1, 5, 10, 5, 10, "subtitle:\n", NULL },
  { "publishdate", SC, PL, FALSE, "2023-09-29", "2023-09-29",
    6, 1, 6, 14, 6, 24, "publishdate: 2023-09-29\n", NULL },
  { "target_release", SC, PL, FALSE, "1.10", "1.10",
    7, 1, 7, 17, 7, 21, "target_release: 1.10\n", NULL },
  { "draft", SC, PL, FALSE, "false", "false", 8, 1, 8, 8, 8, 13, "draft: false\n", NULL },
  { "keywords", SQ, PL, TRUE, NULL, "[Istio Day,IstioCon,Istio]",
    9, 1, 9, 11, 9, 37, "keywords: [Istio Day,IstioCon,Istio]\n", "Istio Day|IstioCon|Istio" },
  { "tags", SQ, PL, FALSE, NULL, "- one\n  - 'two'",
    10, 1, 11, 3, 12, 10, "tags:\n  - one\n  - 'two'\n", "one|two" },
  { "summary", SC, LI, FALSE, "Line one\nLine two\n", "|\n  Line one\n  Line two",
    14, 1, 14, 10, 16, 11, "summary: |\n  Line one\n  Line two\n", NULL },
  { "params", MP, PL, TRUE, NULL, "{a: 1, b: [x, y]}",
    17, 1, 17, 9, 17, 34, "params: &anchor {a: 1, b: [x, y]}\n", NULL, "&anchor " },
  { "attribution", SC, S1, FALSE, "It's — me", "'It''s — me'",
    18, 1, 18, 14, 18, 26, "attribution: 'It''s — me'\n", NULL },
  { "folded", SC, FO, FALSE, "Folded", ">-\n  Folded", 19, 1, 19, 9, 20, 9,
    "folded: >-\n  Folded\n", NULL },
  { "ref", AL, PL, FALSE, NULL, "*anchor", 21, 1, 21, 6, 21, 13, "ref: *anchor\n", NULL },
};

static void
test_parse_entries (void)
{
  g_autoptr(BylineFrontMatter) fm = parse_ok (parse_fixture);

  g_assert_cmpuint (byline_front_matter_get_n_entries (fm), ==, G_N_ELEMENTS (entry_cases));
  g_assert_null (byline_front_matter_get_entry (fm, G_N_ELEMENTS (entry_cases)));

  for (guint i = 0; i < G_N_ELEMENTS (entry_cases); i++)
    {
      const EntryCase *c = &entry_cases[i];
      const BylineFrontMatterEntry *e = byline_front_matter_get_entry (fm, i);
      g_autofree char *key_text = NULL;
      g_autofree char *value_text = NULL;
      g_autofree char *lines_text = NULL;

      g_test_message ("entry %s", c->key);
      g_assert_nonnull (e);
      g_assert_true (byline_front_matter_lookup (fm, c->key) == e);
      g_assert_cmpstr (e->key, ==, c->key);
      g_assert_cmpint (e->kind, ==, c->kind);
      g_assert_cmpint (e->style, ==, c->style);
      g_assert_cmpint (e->flow, ==, c->flow);
      g_assert_cmpstr (e->value, ==, c->value);
      g_assert_cmpstr (e->raw, ==, c->raw);

      key_text = span_text (parse_fixture, &e->key_span);
      g_assert_cmpstr (key_text, ==, c->key);
      g_assert_cmpuint (e->key_span.line, ==, c->key_line);
      g_assert_cmpuint (e->key_span.column, ==, c->key_column);

      value_text = span_text (parse_fixture, &e->value_span);
      g_assert_true (g_str_has_prefix (value_text, c->properties != NULL ? c->properties : ""));
      g_assert_cmpstr (value_text + (c->properties != NULL ? strlen (c->properties) : 0), ==,
                       c->raw);
      g_assert_cmpuint (e->value_span.line, ==, c->value_line);
      g_assert_cmpuint (e->value_span.column, ==, c->value_column);
      g_assert_cmpuint (e->value_span.end_line, ==, c->value_end_line);
      g_assert_cmpuint (e->value_span.end_column, ==, c->value_end_column);

      lines_text = span_text (parse_fixture, &e->lines_span);
      g_assert_cmpstr (lines_text, ==, c->lines);
      g_assert_cmpuint (e->lines_span.line, ==, c->key_line);
      g_assert_cmpuint (e->lines_span.column, ==, 1);

      if (c->items != NULL)
        {
          g_auto(GStrv) expected = g_strsplit (c->items, "|", -1);
          g_autofree char *joined = g_strjoinv ("|", (char **) e->items);

          g_assert_cmpstr (joined, ==, c->items);
          g_assert_cmpuint (e->n_items, ==, g_strv_length (expected));
          for (guint j = 0; j < e->n_items; j++)
            g_assert_cmpuint (e->item_spans[j].line, ==,
                              c->flow ? c->key_line : c->key_line + 1 + j);
        }
      else
        g_assert_cmpuint (e->n_items, ==, 0);
    }
}

static void
test_parse_item_spans (void)
{
  const char *text = "---\nk: [ a , \"b c\",'d' ]\n---\n";
  g_autoptr(BylineFrontMatter) fm = parse_ok (text);
  const BylineFrontMatterEntry *e = byline_front_matter_lookup (fm, "k");
  static const char * const items[] = { "a", "\"b c\"", "'d'" };
  static const guint columns[] = { 6, 10, 16 };

  g_assert_nonnull (e);
  g_assert_cmpuint (e->n_items, ==, 3);
  g_assert_cmpint (e->style, ==, PL);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *item = span_text (text, &e->item_spans[i]);

      g_assert_cmpstr (item, ==, items[i]);
      g_assert_cmpuint (e->item_spans[i].column, ==, columns[i]);
    }
  g_assert_cmpstr (e->items[1], ==, "b c");
  g_assert_null (e->items[3]);
}

/* libyaml counts characters; spans count bytes. Values full of multi-byte
 * characters, before and on the same line as a key, must not shift spans. */
static void
test_parse_non_ascii (void)
{
  const char *text =
    "---\r\n"
    "title: \"Café ☕ — été 😀\"\r\n"
    "author: Zoë ✓\r\n"
    "description: ünïcödé:ok\r\n"
    "---\r\n";
  g_autoptr(BylineFrontMatter) fm = parse_ok (text);
  const BylineFrontMatterEntry *e;
  g_autofree char *raw = NULL;
  g_autofree char *lines = NULL;

  e = byline_front_matter_lookup (fm, "author");
  g_assert_nonnull (e);
  raw = span_text (text, &e->value_span);
  g_assert_cmpstr (raw, ==, "Zoë ✓");
  g_assert_cmpuint (e->value_span.line, ==, 3);
  g_assert_cmpuint (e->value_span.column, ==, 9);
  g_assert_cmpuint (e->value_span.end_column, ==, 14);

  e = byline_front_matter_lookup (fm, "description");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->value, ==, "ünïcödé:ok");
  lines = span_text (text, &e->lines_span);
  g_assert_cmpstr (lines, ==, "description: ünïcödé:ok\r\n");
  g_assert_cmpuint (e->value_span.end_column, ==, 24);
}

/* libyaml also breaks lines at U+2028, NEL and a lone '\r', which the
 * editor does not: spans must still land on the editor's lines. */
static void
test_parse_yaml_line_breaks (void)
{
  const char *text =
    "---\n"
    "a: \"x\xE2\x80\xA8y\"\n"
    "n: \"p\xC2\x85q\"\n"
    "r: \"s\rt\"\n"
    "b: z\n"
    "---\n";
  g_autoptr(BylineFrontMatter) fm = parse_ok (text);
  const BylineFrontMatterEntry *e = byline_front_matter_lookup (fm, "b");
  g_autoptr(BylineTextPatch) patch = NULL;
  g_autoptr(GString) out = g_string_new (text);

  g_assert_nonnull (e);
  g_assert_cmpuint (e->key_span.start, ==, strlen (text) - strlen ("b: z\n---\n"));
  g_assert_cmpuint (e->key_span.line, ==, 5);
  g_assert_cmpuint (e->value_span.column, ==, 4);
  g_assert_cmpstr (byline_front_matter_get_string (fm, "a"), ==, "x\xE2\x80\xA8y");

  patch = byline_front_matter_set_string (fm, "b", "w", NULL);
  byline_text_patch_apply (patch, out);
  g_assert_cmpstr (out->str, ==,
                   "---\na: \"x\xE2\x80\xA8y\"\nn: \"p\xC2\x85q\"\nr: \"s\rt\"\nb: w\n---\n");

  /* Written values escape those characters rather than break lines. */
  g_clear_pointer (&patch, byline_text_patch_free);
  patch = byline_front_matter_set_string (fm, "b", "u\xE2\x80\xA8v\rw", NULL);
  g_assert_cmpstr (patch->text, ==, "\"u\\Lv\\rw\"");
}

static void
test_parse_empty (void)
{
  g_autoptr(BylineFrontMatter) empty = parse_ok ("---\n---\nBody\n");
  g_autoptr(BylineFrontMatter) comments = parse_ok ("---\n# Just a comment\n\n---\n");

  g_assert_cmpuint (byline_front_matter_get_n_entries (empty), ==, 0);
  g_assert_cmpuint (byline_front_matter_get_n_entries (comments), ==, 0);
  g_assert_null (byline_front_matter_lookup (empty, "title"));
  g_assert_null (byline_front_matter_get_string (empty, "title"));
  g_assert_null (byline_front_matter_get_raw (empty, "title"));
  g_assert_null (byline_front_matter_remove (empty, "title"));
}

/* Getters */

static void
test_getters (void)
{
  g_autoptr(BylineFrontMatter) fm = parse_ok (parse_fixture);
  g_autoptr(GDateTime) date = NULL;
  g_auto(GStrv) keywords = NULL;
  g_auto(GStrv) tags = NULL;
  gboolean b = TRUE, has_time = TRUE;

  g_assert_cmpstr (byline_front_matter_get_string (fm, "title"), ==,
                   "Été — a \"quoted\" title");
  g_assert_cmpstr (byline_front_matter_get_string (fm, "summary"), ==, "Line one\nLine two\n");
  g_assert_cmpstr (byline_front_matter_get_string (fm, "target_release"), ==, "1.10");
  g_assert_null (byline_front_matter_get_string (fm, "subtitle"));
  g_assert_null (byline_front_matter_get_string (fm, "keywords"));
  g_assert_null (byline_front_matter_get_string (fm, "missing"));

  g_assert_true (byline_front_matter_get_bool (fm, "draft", &b));
  g_assert_false (b);
  g_assert_false (byline_front_matter_get_bool (fm, "title", &b));
  g_assert_false (byline_front_matter_get_bool (fm, "missing", &b));

  g_assert_true (byline_front_matter_get_date (fm, "publishdate", &date, &has_time));
  g_assert_false (has_time);
  g_assert_cmpint (g_date_time_get_year (date), ==, 2023);
  g_assert_cmpint (g_date_time_get_month (date), ==, 9);
  g_assert_cmpint (g_date_time_get_day_of_month (date), ==, 29);
  g_assert_false (byline_front_matter_get_date (fm, "title", NULL, NULL));

  keywords = byline_front_matter_get_strv (fm, "keywords");
  g_assert_nonnull (keywords);
  g_assert_cmpuint (g_strv_length (keywords), ==, 3);
  g_assert_cmpstr (keywords[0], ==, "Istio Day");
  g_assert_cmpstr (keywords[1], ==, "IstioCon");
  g_assert_cmpstr (keywords[2], ==, "Istio");
  tags = byline_front_matter_get_strv (fm, "tags");
  g_assert_cmpstr (tags[1], ==, "two");
  g_assert_null (byline_front_matter_get_strv (fm, "title"));

  g_assert_cmpstr (byline_front_matter_get_raw (fm, "target_release"), ==, "1.10");
  g_assert_cmpstr (byline_front_matter_get_raw (fm, "attribution"), ==, "'It''s — me'");
  g_assert_cmpstr (byline_front_matter_get_raw (fm, "ref"), ==, "*anchor");
}

typedef struct
{
  const char *yaml;
  gboolean is_bool;
  gboolean value;
} BoolCase;

static const BoolCase bool_cases[] = {
  { "true", TRUE, TRUE }, { "True", TRUE, TRUE }, { "TRUE", TRUE, TRUE },
  { "false", TRUE, FALSE }, { "False", TRUE, FALSE }, { "FALSE", TRUE, FALSE },
  { "\"true\"", FALSE, FALSE }, { "'false'", FALSE, FALSE }, { "tRuE", FALSE, FALSE },
  { "yes", FALSE, FALSE }, { "1", FALSE, FALSE }, { "[true]", FALSE, FALSE }, { "", FALSE, FALSE },
};

static void
test_get_bool (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bool_cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("---\ndraft: %s\n---\n", bool_cases[i].yaml);
      g_autoptr(BylineFrontMatter) fm = parse_ok (text);
      gboolean value = 42;

      g_test_message ("case %s", bool_cases[i].yaml);
      g_assert_cmpint (byline_front_matter_get_bool (fm, "draft", &value), ==,
                       bool_cases[i].is_bool);
      if (bool_cases[i].is_bool)
        g_assert_cmpint (value, ==, bool_cases[i].value);
      else
        g_assert_cmpint (value, ==, 42);
    }
}

typedef struct
{
  const char *text;
  const char *utc;        /* ISO 8601 in UTC, NULL: rejected */
  gboolean has_time;
} DateCase;

static const DateCase date_cases[] = {
  { "2006-01-02", "2006-01-02T00:00:00Z", FALSE },
  { "2006-01-02T15:04:05Z", "2006-01-02T15:04:05Z", TRUE },
  { "2006-01-02T15:04:05+08:00", "2006-01-02T07:04:05Z", TRUE },
  { "2022-09-07T08:00:00-06:00", "2022-09-07T14:00:00Z", TRUE },
  { "2006-01-02T15:04:05.123456Z", "2006-01-02T15:04:05.123456Z", TRUE },
  { "2006-01-02T15:04:05.5-01:30", "2006-01-02T16:34:05.5Z", TRUE },
  { "2006-01-02T15:04:05", "2006-01-02T15:04:05Z", TRUE },
  { "2006-01-02 15:04:05", "2006-01-02T15:04:05Z", TRUE },
  { "2006-01-02t15:04:05z", "2006-01-02T15:04:05Z", TRUE },
  { "2024-02-29", "2024-02-29T00:00:00Z", FALSE },
  { "2023-02-29", NULL, FALSE },
  { "2006-13-02", NULL, FALSE },
  { "2006-01-02T25:00:00Z", NULL, FALSE },
  { "2006-01-02T15:04", NULL, FALSE },
  { "2006-1-2", NULL, FALSE },
  { "2006-01-02T15:04:05.Z", NULL, FALSE },
  { "2006-01-02T15:04:05+8", NULL, FALSE },
  { "2006-01-02 ", NULL, FALSE },
  { "20060102", NULL, FALSE },
  { "", NULL, FALSE },
  { "yesterday", NULL, FALSE },
};

static void
test_parse_date (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      const DateCase *c = &date_cases[i];
      g_autoptr(GDateTime) value = NULL;
      gboolean has_time = 42;

      g_test_message ("case %s", c->text);
      g_assert_cmpint (byline_parse_date (c->text, &value, &has_time), ==, c->utc != NULL);
      if (c->utc != NULL)
        {
          g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
          g_autoptr(GDateTime) expected = g_date_time_new_from_iso8601 (c->utc, utc);

          g_assert_nonnull (expected);
          g_assert_true (g_date_time_equal (value, expected));
          g_assert_cmpint (has_time, ==, c->has_time);
        }
      else
        {
          g_assert_null (value);
          g_assert_cmpint (has_time, ==, 42);
        }
    }
}

/* Edits */

typedef enum
{
  OP_SET_STRING,
  OP_SET_PLAIN,
  OP_SET_STRV,
  OP_REMOVE,
} EditOp;

typedef struct
{
  const char *name;
  const char *fixture;
  EditOp op;
  const char *key;
  const char *value;
  const char * const *values;
  const char * const *key_order;
  const char *expected;
} EditCase;

#define LF_FIXTURE \
  "---\n" \
  "# Post metadata\n" \
  "title: Old title\n" \
  "description: \"A \\\"quoted\\\" description\"\n" \
  "publishdate: 2023-09-29  # the day it goes live\n" \
  "\n" \
  "# Keywords below\n" \
  "keywords: [Istio Day,IstioCon,Istio]\n" \
  "attribution: 'Jane Doe'\n" \
  "subtitle:\n" \
  "---\n" \
  "Body text: title: not a key\n"

#define LF_AFTER \
  "publishdate: 2023-09-29  # the day it goes live\n" \
  "\n" \
  "# Keywords below\n" \
  "keywords: [Istio Day,IstioCon,Istio]\n" \
  "attribution: 'Jane Doe'\n" \
  "subtitle:\n" \
  "---\n" \
  "Body text: title: not a key\n"

#define LF_BEFORE_DESC \
  "---\n" \
  "# Post metadata\n" \
  "title: Old title\n"

#define BLOCK_FIXTURE \
  "---\n" \
  "title: Old\n" \
  "tags:\n" \
  "  - one\n" \
  "  # between items\n" \
  "  - two # second\n" \
  "# trailing comment\n" \
  "summary: |\n" \
  "    First line\n" \
  "    Second line\n" \
  "note: >\n" \
  "  Folded text\n" \
  "draft: true\n" \
  "---\n" \
  "Body\n"

#define CRLF_FIXTURE \
  "\xEF\xBB\xBF---\r\n" \
  "title: \"Café — old\"\r\n" \
  "keywords: [a, b]\r\n" \
  "---\r\n" \
  "Body\r\n"

#define NON_ASCII_FIXTURE \
  "---\n" \
  "title: \"Café ☕ — été 😀\"\n" \
  "author: Zoë ✓ # ünïcödé\n" \
  "description: plain\n" \
  "---\n" \
  "Bödy\n"

#define V(...) ((const char * const []) { __VA_ARGS__, NULL })

static const char * const istio_order[] = {
  "title", "subtitle", "description", "publishdate", "attribution", "keywords", "draft", NULL
};

static const EditCase edit_cases[] = {
  /* set_string keeps the style when it can hold the value. */
  { "set-string/plain", LF_FIXTURE, OP_SET_STRING, "title", "A new title", NULL, NULL,
    "---\n# Post metadata\ntitle: A new title\n"
    "description: \"A \\\"quoted\\\" description\"\n" LF_AFTER },
  { "set-string/plain-needs-quotes", LF_FIXTURE, OP_SET_STRING, "title", "Istio: a mesh", NULL,
    NULL,
    "---\n# Post metadata\ntitle: \"Istio: a mesh\"\n"
    "description: \"A \\\"quoted\\\" description\"\n" LF_AFTER },
  { "set-string/plain-looks-like-bool", LF_FIXTURE, OP_SET_STRING, "title", "yes", NULL, NULL,
    "---\n# Post metadata\ntitle: \"yes\"\n"
    "description: \"A \\\"quoted\\\" description\"\n" LF_AFTER },
  { "set-string/plain-looks-like-number", LF_FIXTURE, OP_SET_STRING, "title", "1.10", NULL, NULL,
    "---\n# Post metadata\ntitle: \"1.10\"\n"
    "description: \"A \\\"quoted\\\" description\"\n" LF_AFTER },
  { "set-string/plain-leading-indicator", LF_FIXTURE, OP_SET_STRING, "title", "*star", NULL,
    NULL,
    "---\n# Post metadata\ntitle: \"*star\"\n"
    "description: \"A \\\"quoted\\\" description\"\n" LF_AFTER },
  { "set-string/plain-comment-marker", LF_FIXTURE, OP_SET_STRING, "title", "C #1", NULL, NULL,
    "---\n# Post metadata\ntitle: \"C #1\"\n"
    "description: \"A \\\"quoted\\\" description\"\n" LF_AFTER },
  { "set-string/keeps-double-quotes", LF_FIXTURE, OP_SET_STRING, "description",
    "Say \"hi\" \\ bye", NULL, NULL,
    LF_BEFORE_DESC "description: \"Say \\\"hi\\\" \\\\ bye\"\n" LF_AFTER },
  { "set-string/keeps-double-quotes-plain-value", LF_FIXTURE, OP_SET_STRING, "description",
    "Simple", NULL, NULL,
    LF_BEFORE_DESC "description: \"Simple\"\n" LF_AFTER },
  { "set-string/keeps-single-quotes", LF_FIXTURE, OP_SET_STRING, "attribution", "It's Jo",
    NULL, NULL,
    LF_BEFORE_DESC "description: \"A \\\"quoted\\\" description\"\n"
    "publishdate: 2023-09-29  # the day it goes live\n\n# Keywords below\n"
    "keywords: [Istio Day,IstioCon,Istio]\nattribution: 'It''s Jo'\nsubtitle:\n---\n"
    "Body text: title: not a key\n" },
  { "set-string/single-quotes-newline", LF_FIXTURE, OP_SET_STRING, "attribution", "A\nB\tC",
    NULL, NULL,
    LF_BEFORE_DESC "description: \"A \\\"quoted\\\" description\"\n"
    "publishdate: 2023-09-29  # the day it goes live\n\n# Keywords below\n"
    "keywords: [Istio Day,IstioCon,Istio]\nattribution: \"A\\nB\\tC\"\nsubtitle:\n---\n"
    "Body text: title: not a key\n" },
  { "set-string/keeps-comment", LF_FIXTURE, OP_SET_STRING, "publishdate", "soon", NULL, NULL,
    LF_BEFORE_DESC "description: \"A \\\"quoted\\\" description\"\n"
    "publishdate: soon  # the day it goes live\n\n# Keywords below\n"
    "keywords: [Istio Day,IstioCon,Istio]\nattribution: 'Jane Doe'\nsubtitle:\n---\n"
    "Body text: title: not a key\n" },
  { "set-string/empty-value", LF_FIXTURE, OP_SET_STRING, "subtitle", "Now filled", NULL, NULL,
    LF_BEFORE_DESC "description: \"A \\\"quoted\\\" description\"\n"
    "publishdate: 2023-09-29  # the day it goes live\n\n# Keywords below\n"
    "keywords: [Istio Day,IstioCon,Istio]\nattribution: 'Jane Doe'\nsubtitle: Now filled\n---\n"
    "Body text: title: not a key\n" },
  { "set-string/empty-string", LF_FIXTURE, OP_SET_STRING, "title", "", NULL, NULL,
    "---\n# Post metadata\ntitle: \"\"\n"
    "description: \"A \\\"quoted\\\" description\"\n" LF_AFTER },
  { "set-string/over-a-list", LF_FIXTURE, OP_SET_STRING, "keywords", "mesh", NULL, NULL,
    LF_BEFORE_DESC "description: \"A \\\"quoted\\\" description\"\n"
    "publishdate: 2023-09-29  # the day it goes live\n\n# Keywords below\n"
    "keywords: mesh\nattribution: 'Jane Doe'\nsubtitle:\n---\n"
    "Body text: title: not a key\n" },
  { "set-string/block-literal", BLOCK_FIXTURE, OP_SET_STRING, "summary", "New one\n\nNew two\n",
    NULL, NULL,
    "---\ntitle: Old\ntags:\n  - one\n  # between items\n  - two # second\n# trailing comment\n"
    "summary: |\n    New one\n\n    New two\nnote: >\n  Folded text\ndraft: true\n---\nBody\n" },
  { "set-string/block-literal-strip", BLOCK_FIXTURE, OP_SET_STRING, "summary", "Only line",
    NULL, NULL,
    "---\ntitle: Old\ntags:\n  - one\n  # between items\n  - two # second\n# trailing comment\n"
    "summary: |-\n    Only line\nnote: >\n  Folded text\ndraft: true\n---\nBody\n" },
  { "set-string/block-literal-leading-space", BLOCK_FIXTURE, OP_SET_STRING, "summary",
    "  indented\n", NULL, NULL,
    "---\ntitle: Old\ntags:\n  - one\n  # between items\n  - two # second\n# trailing comment\n"
    "summary: \"  indented\\n\"\nnote: >\n  Folded text\ndraft: true\n---\nBody\n" },
  { "set-string/block-folded", BLOCK_FIXTURE, OP_SET_STRING, "note", "New folded text\n",
    NULL, NULL,
    "---\ntitle: Old\ntags:\n  - one\n  # between items\n  - two # second\n# trailing comment\n"
    "summary: |\n    First line\n    Second line\nnote: >\n  New folded text\ndraft: true\n"
    "---\nBody\n" },
  { "set-string/block-folded-multiline", BLOCK_FIXTURE, OP_SET_STRING, "note", "a\nb", NULL,
    NULL,
    "---\ntitle: Old\ntags:\n  - one\n  # between items\n  - two # second\n# trailing comment\n"
    "summary: |\n    First line\n    Second line\nnote: \"a\\nb\"\ndraft: true\n---\nBody\n" },
  { "set-string/non-ascii-before", NON_ASCII_FIXTURE, OP_SET_STRING, "author", "Zoë B.", NULL,
    NULL,
    "---\ntitle: \"Café ☕ — été 😀\"\nauthor: Zoë B. # ünïcödé\n"
    "description: plain\n---\n"
    "Bödy\n" },
  { "set-string/non-ascii-quoted", NON_ASCII_FIXTURE, OP_SET_STRING, "title", "Thé 🍵", NULL,
    NULL,
    "---\ntitle: \"Thé 🍵\"\nauthor: Zoë ✓ # ünïcödé\ndescription: plain\n---\nBödy\n" },
  { "set-string/crlf", CRLF_FIXTURE, OP_SET_STRING, "title", "Nouveau", NULL, NULL,
    "\xEF\xBB\xBF---\r\ntitle: \"Nouveau\"\r\nkeywords: [a, b]\r\n---\r\nBody\r\n" },

  /* Absent keys are inserted at their place in the key order. */
  { "insert/after-preceding", LF_FIXTURE, OP_SET_STRING, "draft2", "x", NULL,
    V ("title", "draft2", "description"),
    "---\n# Post metadata\ntitle: Old title\ndraft2: x\n"
    "description: \"A \\\"quoted\\\" description\"\n" LF_AFTER },
  { "insert/null-order", LF_FIXTURE, OP_SET_STRING, "social_image", "Izzy.png", NULL, NULL,
    LF_BEFORE_DESC "description: \"A \\\"quoted\\\" description\"\n"
    "publishdate: 2023-09-29  # the day it goes live\n\n# Keywords below\n"
    "keywords: [Istio Day,IstioCon,Istio]\nattribution: 'Jane Doe'\nsubtitle:\n"
    "social_image: Izzy.png\n---\nBody text: title: not a key\n" },
  { "insert/before-first", LF_FIXTURE, OP_SET_PLAIN, "draft", "true", NULL,
    V ("draft", "title"),
    "---\n# Post metadata\ndraft: true\ntitle: Old title\n"
    "description: \"A \\\"quoted\\\" description\"\n" LF_AFTER },
  { "insert/last-in-file-wins", BLOCK_FIXTURE, OP_SET_PLAIN, "publishdate", "2030-01-02",
    NULL, V ("draft", "title", "publishdate"),
    "---\ntitle: Old\ntags:\n  - one\n  # between items\n  - two # second\n# trailing comment\n"
    "summary: |\n    First line\n    Second line\nnote: >\n  Folded text\ndraft: true\n"
    "publishdate: 2030-01-02\n---\nBody\n" },
  { "insert/first-present-in-order", BLOCK_FIXTURE, OP_SET_PLAIN, "publishdate", "2030-01-02",
    NULL, istio_order,
    "---\ntitle: Old\npublishdate: 2030-01-02\ntags:\n  - one\n  # between items\n"
    "  - two # second\n# trailing comment\n"
    "summary: |\n    First line\n    Second line\nnote: >\n  Folded text\ndraft: true\n"
    "---\nBody\n" },
  { "insert/crlf", CRLF_FIXTURE, OP_SET_STRING, "description", "New: text", NULL, istio_order,
    "\xEF\xBB\xBF---\r\ntitle: \"Café — old\"\r\ndescription: \"New: text\"\r\n"
    "keywords: [a, b]\r\n---\r\nBody\r\n" },
  { "insert/not-in-order", CRLF_FIXTURE, OP_SET_PLAIN, "weight", "3", NULL, istio_order,
    "\xEF\xBB\xBF---\r\ntitle: \"Café — old\"\r\nkeywords: [a, b]\r\nweight: 3\r\n---\r\n"
    "Body\r\n" },
  { "insert/empty-front-matter", "---\n---\nBody\n", OP_SET_STRING, "title", "Hi", NULL,
    istio_order, "---\ntitle: Hi\n---\nBody\n" },
  { "insert/only-comments", "---\n# nothing yet\n---\n", OP_SET_STRV, "keywords", NULL,
    V ("a", "b c"), NULL, "---\n# nothing yet\nkeywords: [a, b c]\n---\n" },
  { "insert/indented-keys", "---\n  a: 1\n  b: 2\n---\n", OP_SET_PLAIN, "c", "3", NULL, NULL,
    "---\n  a: 1\n  b: 2\n  c: 3\n---\n" },
  { "insert/key-needs-quotes", "---\na: 1\n---\n", OP_SET_PLAIN, "odd: key", "3", NULL, NULL,
    "---\na: 1\n\"odd: key\": 3\n---\n" },

  /* set_plain writes the scalar as given. */
  { "set-plain/date", LF_FIXTURE, OP_SET_PLAIN, "publishdate", "2030-01-02", NULL, NULL,
    LF_BEFORE_DESC "description: \"A \\\"quoted\\\" description\"\n"
    "publishdate: 2030-01-02  # the day it goes live\n\n# Keywords below\n"
    "keywords: [Istio Day,IstioCon,Istio]\nattribution: 'Jane Doe'\nsubtitle:\n---\n"
    "Body text: title: not a key\n" },
  { "set-plain/bool", BLOCK_FIXTURE, OP_SET_PLAIN, "draft", "false", NULL, NULL,
    "---\ntitle: Old\ntags:\n  - one\n  # between items\n  - two # second\n# trailing comment\n"
    "summary: |\n    First line\n    Second line\nnote: >\n  Folded text\ndraft: false\n"
    "---\nBody\n" },
  { "set-plain/over-quoted", LF_FIXTURE, OP_SET_PLAIN, "description", "1.10", NULL, NULL,
    LF_BEFORE_DESC "description: 1.10\n" LF_AFTER },
  { "set-plain/over-block", BLOCK_FIXTURE, OP_SET_PLAIN, "summary", "42", NULL, NULL,
    "---\ntitle: Old\ntags:\n  - one\n  # between items\n  - two # second\n# trailing comment\n"
    "summary: 42\nnote: >\n  Folded text\ndraft: true\n---\nBody\n" },

  /* set_strv keeps the list's style and spacing. */
  { "set-strv/flow-no-spaces", LF_FIXTURE, OP_SET_STRV, "keywords", NULL,
    V ("Istio Day", "mesh", "a, b", "x]"), NULL,
    LF_BEFORE_DESC "description: \"A \\\"quoted\\\" description\"\n"
    "publishdate: 2023-09-29  # the day it goes live\n\n# Keywords below\n"
    "keywords: [Istio Day,mesh,\"a, b\",\"x]\"]\nattribution: 'Jane Doe'\nsubtitle:\n---\n"
    "Body text: title: not a key\n" },
  { "set-strv/flow-spaces", CRLF_FIXTURE, OP_SET_STRV, "keywords", NULL, V ("x", "w", "z"),
    NULL, "\xEF\xBB\xBF---\r\ntitle: \"Café — old\"\r\nkeywords: [x, w, z]\r\n---\r\nBody\r\n" },
  { "set-strv/flow-padding", "---\nk: [ a,  b ]\n---\n", OP_SET_STRV, "k", NULL,
    V ("c", "true"), NULL, "---\nk: [ c,  \"true\" ]\n---\n" },
  { "set-strv/flow-empty", LF_FIXTURE, OP_SET_STRV, "keywords", NULL, V (NULL), NULL,
    LF_BEFORE_DESC "description: \"A \\\"quoted\\\" description\"\n"
    "publishdate: 2023-09-29  # the day it goes live\n\n# Keywords below\n"
    "keywords: []\nattribution: 'Jane Doe'\nsubtitle:\n---\n"
    "Body text: title: not a key\n" },
  { "set-strv/flow-quoted-items", "---\nk: [\"a\", \"b\"]\n---\n", OP_SET_STRV, "k", NULL,
    V ("c", "d\"e"), NULL, "---\nk: [\"c\", \"d\\\"e\"]\n---\n" },
  { "set-strv/block", BLOCK_FIXTURE, OP_SET_STRV, "tags", NULL, V ("alpha", "b: c", "gamma"),
    NULL,
    "---\ntitle: Old\ntags:\n  - alpha\n  - \"b: c\"\n  - gamma # second\n"
    "# trailing comment\nsummary: |\n    First line\n    Second line\nnote: >\n"
    "  Folded text\ndraft: true\n---\nBody\n" },
  { "set-strv/block-unindented", "---\nk:\n- a\n- b\nz: 1\n---\n", OP_SET_STRV, "k", NULL,
    V ("c"), NULL, "---\nk:\n- c\nz: 1\n---\n" },
  { "set-strv/block-to-empty", "---\nk:\n- a\n- b\nz: 1\n---\n", OP_SET_STRV, "k", NULL,
    V (NULL), NULL, "---\nk: []\nz: 1\n---\n" },
  { "set-strv/over-scalar", BLOCK_FIXTURE, OP_SET_STRV, "title", NULL, V ("a", "b"), NULL,
    "---\ntitle: [a, b]\ntags:\n  - one\n  # between items\n  - two # second\n"
    "# trailing comment\nsummary: |\n    First line\n    Second line\nnote: >\n"
    "  Folded text\ndraft: true\n---\nBody\n" },
  { "set-strv/insert-default-spacing", NON_ASCII_FIXTURE, OP_SET_STRV, "keywords", NULL,
    V ("x", "w"), NULL,
    "---\ntitle: \"Café ☕ — été 😀\"\nauthor: Zoë ✓ # ünïcödé\ndescription: plain\n"
    "keywords: [x, w]\n---\nBödy\n" },
  { "set-strv/insert-no-space-habit", "---\ntags: [a,b]\n---\n", OP_SET_STRV, "keywords", NULL,
    V ("x", "w"), NULL, "---\ntags: [a,b]\nkeywords: [x,w]\n---\n" },

  /* remove deletes the entry's lines, nothing else. */
  { "remove/flow", LF_FIXTURE, OP_REMOVE, "keywords", NULL, NULL, NULL,
    LF_BEFORE_DESC "description: \"A \\\"quoted\\\" description\"\n"
    "publishdate: 2023-09-29  # the day it goes live\n\n# Keywords below\n"
    "attribution: 'Jane Doe'\nsubtitle:\n---\nBody text: title: not a key\n" },
  { "remove/with-comment", LF_FIXTURE, OP_REMOVE, "publishdate", NULL, NULL, NULL,
    LF_BEFORE_DESC "description: \"A \\\"quoted\\\" description\"\n"
    "\n# Keywords below\n"
    "keywords: [Istio Day,IstioCon,Istio]\nattribution: 'Jane Doe'\nsubtitle:\n---\n"
    "Body text: title: not a key\n" },
  { "remove/block-list", BLOCK_FIXTURE, OP_REMOVE, "tags", NULL, NULL, NULL,
    "---\ntitle: Old\n# trailing comment\n"
    "summary: |\n    First line\n    Second line\nnote: >\n  Folded text\ndraft: true\n"
    "---\nBody\n" },
  { "remove/block-scalar", BLOCK_FIXTURE, OP_REMOVE, "summary", NULL, NULL, NULL,
    "---\ntitle: Old\ntags:\n  - one\n  # between items\n  - two # second\n# trailing comment\n"
    "note: >\n  Folded text\ndraft: true\n---\nBody\n" },
  { "remove/crlf", CRLF_FIXTURE, OP_REMOVE, "title", NULL, NULL, NULL,
    "\xEF\xBB\xBF---\r\nkeywords: [a, b]\r\n---\r\nBody\r\n" },
};

static BylineTextPatch *
run_edit (BylineFrontMatter *fm,
          const EditCase    *c)
{
  switch (c->op)
    {
    case OP_SET_STRING:
      return byline_front_matter_set_string (fm, c->key, c->value, c->key_order);
    case OP_SET_PLAIN:
      return byline_front_matter_set_plain (fm, c->key, c->value, c->key_order);
    case OP_SET_STRV:
      return byline_front_matter_set_strv (fm, c->key, c->values, c->key_order);
    case OP_REMOVE:
      return byline_front_matter_remove (fm, c->key);
    default:
      g_assert_not_reached ();
    }
}

static void
test_edit_case (gconstpointer data)
{
  const EditCase *c = data;
  g_autoptr(BylineFrontMatter) fm = parse_ok (c->fixture);
  g_autoptr(BylineFrontMatter) after = NULL;
  g_autoptr(BylineTextPatch) patch = run_edit (fm, c);
  g_autoptr(GString) text = g_string_new (c->fixture);

  g_assert_nonnull (patch);
  byline_text_patch_apply (patch, text);
  g_assert_cmpstr (text->str, ==, c->expected);

  /* The result parses, reads back what was written, and every other key
   * is as it was. */
  after = parse_ok (text->str);
  if (c->op == OP_SET_STRING)
    g_assert_cmpstr (byline_front_matter_get_string (after, c->key), ==, c->value);
  else if (c->op == OP_SET_PLAIN)
    g_assert_cmpstr (byline_front_matter_get_raw (after, c->key), ==, c->value);
  else if (c->op == OP_SET_STRV)
    {
      g_auto(GStrv) values = byline_front_matter_get_strv (after, c->key);

      g_assert_nonnull (values);
      g_assert_true (g_strv_equal ((const char * const *) values, c->values));
    }
  else
    g_assert_null (byline_front_matter_lookup (after, c->key));

  byline_test_assert_others_kept (fm, after, c->key);
}

static void
test_edit_flow_root (void)
{
  const char *text = "---\n{title: Old, draft: true}\n---\n";
  g_autoptr(BylineFrontMatter) fm = parse_ok (text);
  g_autoptr(BylineTextPatch) patch = NULL;
  g_autoptr(GString) out = g_string_new (text);

  g_assert_cmpuint (byline_front_matter_get_n_entries (fm), ==, 2);

  /* A value can change in place; a line cannot be added or removed. */
  patch = byline_front_matter_set_string (fm, "title", "New", NULL);
  g_assert_nonnull (patch);
  byline_text_patch_apply (patch, out);
  g_assert_cmpstr (out->str, ==, "---\n{title: New, draft: true}\n---\n");

  g_assert_null (byline_front_matter_set_string (fm, "other", "x", NULL));
  g_assert_null (byline_front_matter_remove (fm, "title"));
  g_assert_null (byline_front_matter_remove (fm, "missing"));
}

/* Errors */

typedef struct
{
  const char *text;
  int code;
  guint line;
  guint column;
  const char *message_part;
} ErrorCase;

#define SYNTAX BYLINE_FRONT_MATTER_ERROR_SYNTAX
#define NOT_MAPPING BYLINE_FRONT_MATTER_ERROR_NOT_MAPPING
#define NO_BLOCK BYLINE_FRONT_MATTER_ERROR_NO_BLOCK
#define TOO_DEEP BYLINE_FRONT_MATTER_ERROR_TOO_DEEP

static const ErrorCase error_cases[] = {
  { "---\ntitle: a\n  bad: b\n---\n", SYNTAX, 3, 6, "Line 3, column 6" },
  { "---\ntitle: ééé: x\n---\n", SYNTAX, 2, 11, "Line 2, column 11" },
  { "\xEF\xBB\xBF---\r\ntitle: ok\r\ntitle2: ééé: x\r\n---\r\n", SYNTAX, 3, 12,
    "Line 3, column 12" },
  /* A problem that runs to the end of the block is reported where it
   * starts: the unclosed [ and the unclosed quote, not the end of the block
   * where libyaml gives up. */
  { "---\ntitle: [a, b\n---\n", SYNTAX, 2, 8, "Line 2, column 8" },
  { "---\na: 1\nkey: \"unclosed\n---\n", SYNTAX, 3, 6, "Line 3, column 6" },
  { "---\ntitle: \"unclosed\nauthor: x\ndate: 2024-01-01\n---\nBody\n", SYNTAX, 2, 8,
    "Line 2, column 8" },
  /* The quote closes at the next one, a line further: it opened the problem. */
  { "---\ntitle: \"A post\ndescription: \"What.\"\n---\n", SYNTAX, 2, 8,
    "Line 2, column 8" },
  { "---\na: 1\n\tb: 2\n---\n", SYNTAX, 3, 1, "Line 3" },
  { "---\na: 1\n- b\n---\n", SYNTAX, 3, 1, "Line 3" },
  { "---\na: 1\na: 1\nb: 'it's'\n---\n", SYNTAX, 4, 8, "Line 4, column 8" },
  { "---\n- a\n- b\n---\n", NOT_MAPPING, 2, 1, "Line 2" },
  { "---\n\njust text\n---\n", NOT_MAPPING, 3, 1, "Line 3" },
  { "---\n*alias\n---\n", NOT_MAPPING, 2, 1, "Line 2" },
  { "No front matter\n", NO_BLOCK, 1, 1, "Line 1" },
  /* TOML and JSON errors name the place in the post (here: a value is
   * missing, TOML 1.0.0 "Keys"; RFC 8259 section 4 needs a value). */
  { "+++\ntitle = 1\ndate =\n+++\n", SYNTAX, 3, 7, "not valid TOML" },
  { "{\n  \"title\": \"A\",\n  \"date\": \n}\n", SYNTAX, 4, 1, "not valid JSON" },
  { "---\ntitle: never closed\n", NO_BLOCK, 1, 1, "Line 1" },
};

static void
test_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      const ErrorCase *c = &error_cases[i];
      g_autoptr(GError) error = NULL;
      BylineSpan span = { 0, };
      BylineFrontMatter *fm;

      g_test_message ("case %u: %s", i, c->text);
      fm = parse_text (c->text, strlen (c->text), &span, &error);
      g_assert_null (fm);
      g_assert_error (error, BYLINE_FRONT_MATTER_ERROR, c->code);
      g_test_message ("message: %s", error->message);
      g_assert_nonnull (strstr (error->message, c->message_part));
      g_assert_cmpuint (span.line, ==, c->line);
      g_assert_cmpuint (span.column, ==, c->column);
      g_assert_cmpuint (span.start, ==, span.end);
    }
}

static void
test_too_deep_block (void)
{
  g_autoptr(GString) text = g_string_new ("---\n");
  g_autoptr(GError) error = NULL;
  BylineSpan span = { 0, };

  for (guint i = 0; i < 70; i++)
    {
      for (guint j = 0; j < i; j++)
        g_string_append (text, "  ");
      g_string_append_printf (text, "k%u:\n", i);
    }
  g_string_append (text, "---\n");

  g_assert_null (parse_text (text->str, text->len, &span, &error));
  g_assert_error (error, BYLINE_FRONT_MATTER_ERROR, BYLINE_FRONT_MATTER_ERROR_TOO_DEEP);
  /* The 65th mapping, one too many, opens with key k64 on line 66. */
  g_assert_cmpuint (span.line, ==, 66);
  g_assert_cmpuint (span.column, ==, 129);
}

/* Hostile fixtures: each gives an error or a result, fast. */

static char *
read_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "hostile", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_hostile_nested (void)
{
  gsize length;
  g_autofree char *text = read_fixture ("nested-sequences.md", &length);
  g_autoptr(GError) error = NULL;
  BylineSpan span = { 0, };

  g_assert_null (parse_text (text, length, &span, &error));
  g_assert_error (error, BYLINE_FRONT_MATTER_ERROR, BYLINE_FRONT_MATTER_ERROR_TOO_DEEP);
  /* The root mapping is level 1, so the 64th bracket is one too many. */
  g_assert_cmpuint (span.line, ==, 3);
  g_assert_cmpuint (span.column, ==, 6 + 63);
  g_assert_nonnull (strstr (error->message, "Line 3, column 69"));
}

static void
test_hostile_alias_bomb (void)
{
  gsize length;
  g_autofree char *text = read_fixture ("alias-bomb.md", &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineFrontMatter) fm = parse_text (text, length, NULL, &error);
  g_auto(GStrv) items = NULL;
  const BylineFrontMatterEntry *e;

  g_assert_no_error (error);
  g_assert_cmpuint (byline_front_matter_get_n_entries (fm), ==, 10);

  /* Aliases stay as written, never expanded. */
  items = byline_front_matter_get_strv (fm, "i");
  g_assert_cmpuint (g_strv_length (items), ==, 9);
  g_assert_cmpstr (items[0], ==, "*h");
  e = byline_front_matter_lookup (fm, "i");
  /* The anchor is the node's property, not part of the value as written. */
  g_assert_cmpstr (e->raw, ==, "[*h,*h,*h,*h,*h,*h,*h,*h,*h]");
  g_assert_cmpmem (text + e->value_span.start, e->value_span.end - e->value_span.start,
                   "&i [*h,*h,*h,*h,*h,*h,*h,*h,*h]", 31);
  g_assert_cmpstr (byline_front_matter_get_string (fm, "title"), ==, "Billion laughs");
}

static void
test_hostile_unterminated (void)
{
  gsize length;
  g_autofree char *text = read_fixture ("unterminated.md", &length);
  g_autoptr(GError) error = NULL;

  g_assert_null (parse_text (text, length, NULL, &error));
  g_assert_error (error, BYLINE_FRONT_MATTER_ERROR, BYLINE_FRONT_MATTER_ERROR_NO_BLOCK);
}

static void
test_hostile_invalid_utf8 (void)
{
  gsize length;
  g_autofree char *text = read_fixture ("invalid-utf8.md", &length);
  g_autoptr(GError) error = NULL;
  BylineSpan span = { 0, };

  g_assert_null (parse_text (text, length, &span, &error));
  g_assert_error (error, BYLINE_FRONT_MATTER_ERROR, BYLINE_FRONT_MATTER_ERROR_SYNTAX);
  g_assert_cmpuint (span.line, ==, 2);
  g_assert_cmpuint (span.column, ==, 11);
  g_assert_cmpuint (span.start, ==, 14);
}

static void
test_hostile_nul (void)
{
  gsize length;
  g_autofree char *text = read_fixture ("nul-byte.md", &length);
  g_autoptr(GError) error = NULL;
  BylineSpan span = { 0, };

  g_assert_cmpuint (length, ==, 24);
  g_assert_null (parse_text (text, length, &span, &error));
  g_assert_error (error, BYLINE_FRONT_MATTER_ERROR, BYLINE_FRONT_MATTER_ERROR_SYNTAX);
  g_assert_cmpuint (span.line, ==, 2);
  g_assert_cmpuint (span.column, ==, 9);
}

/* A front matter with many keys parses and edits in linear time. */
static void
test_hostile_many_keys (void)
{
  g_autoptr(GString) text = g_string_new ("---\n");
  g_autoptr(BylineFrontMatter) fm = NULL;
  g_autoptr(BylineTextPatch) patch = NULL;

  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (text, "key%u: [é, \"ü\", %u]\n", i, i);
  g_string_append (text, "---\n");

  fm = parse_ok (text->str);
  g_assert_cmpuint (byline_front_matter_get_n_entries (fm), ==, 50000);
  patch = byline_front_matter_set_string (fm, "key49999", "last", NULL);
  g_assert_cmpuint (patch->offset, ==, text->len - strlen ("[é, \"ü\", 49999]\n---\n"));
}

/* Corpus round trip: each edit changes only the edited key's lines. */

static void
split_lines (const char *text,
             GPtrArray  *lines)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *nl = strchr (p, '\n');
      gsize len = nl != NULL ? (gsize) (nl - p) + 1 : strlen (p);

      g_ptr_array_add (lines, g_strndup (p, len));
      p += len;
    }
}

static void
check_only_key_changed (const char                   *path,
                        const char                   *before,
                        const char                   *after,
                        const BylineFrontMatterEntry *entry)
{
  g_autoptr(GPtrArray) a = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) b = g_ptr_array_new_with_free_func (g_free);
  guint prefix = 0, suffix = 0;

  split_lines (before, a);
  split_lines (after, b);

  while (prefix < a->len && prefix < b->len &&
         strcmp (a->pdata[prefix], b->pdata[prefix]) == 0)
    prefix++;
  while (suffix < a->len - prefix && suffix < b->len - prefix &&
         strcmp (a->pdata[a->len - 1 - suffix], b->pdata[b->len - 1 - suffix]) == 0)
    suffix++;

  if (entry != NULL)
    {
      guint first = entry->lines_span.line;
      guint last = entry->lines_span.end_column == 1 ? entry->lines_span.end_line - 1
                                                     : entry->lines_span.end_line;

      /* Only lines first..last (1-based) of the original may differ. */
      if (prefix < first - 1 || suffix < a->len - last)
        g_error ("%s: lines outside %u..%u changed (prefix %u, suffix %u)",
                 path, first, last, prefix, suffix);
      g_assert_cmpuint (a->len, ==, b->len);
    }
  else
    {
      /* One line was inserted, nothing else changed. */
      g_assert_cmpuint (b->len, ==, a->len + 1);
      g_assert_cmpuint (prefix + suffix, ==, a->len);
    }
}

static void
round_trip_file (const char *path)
{
  static const char * const keywords[] = { "new keyword", "IstioCon", "a, b", NULL };
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineFrontMatter) fm = NULL;
  gsize length;
  BylinePostLayout layout;

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  g_assert_true (byline_post_layout_parse (&layout, text, length, &error));
  g_assert_no_error (error);
  fm = byline_front_matter_parse (text, &layout, NULL, &error);
  g_assert_no_error (error);

  for (guint op = 0; op < 4; op++)
    {
      static const char * const keys[] = { "title", "description", "publishdate", "keywords" };
      const char *key = keys[op];
      const BylineFrontMatterEntry *entry = byline_front_matter_lookup (fm, key);
      g_autoptr(BylineTextPatch) patch = NULL;
      g_autoptr(GString) edited = g_string_new_len (text, length);
      g_autoptr(BylineFrontMatter) after = NULL;
      BylinePostLayout after_layout;

      if (op < 2)
        patch = byline_front_matter_set_string (fm, key, "A new title", NULL);
      else if (op == 2)
        patch = byline_front_matter_set_plain (fm, key, "2030-01-02", NULL);
      else
        patch = byline_front_matter_set_strv (fm, key, keywords, NULL);

      g_assert_nonnull (patch);
      byline_text_patch_apply (patch, edited);
      check_only_key_changed (path, text, edited->str, entry);

      g_assert_true (byline_post_layout_parse (&after_layout, edited->str, edited->len, NULL));
      after = byline_front_matter_parse (edited->str, &after_layout, NULL, &error);
      g_assert_no_error (error);
      if (op < 2)
        g_assert_cmpstr (byline_front_matter_get_string (after, key), ==, "A new title");
      else if (op == 2)
        g_assert_cmpstr (byline_front_matter_get_raw (after, key), ==, "2030-01-02");
      else
        {
          g_auto(GStrv) values = byline_front_matter_get_strv (after, key);

          g_assert_true (g_strv_equal ((const char * const *) values, keywords));
        }
      g_assert_cmpuint (byline_front_matter_get_n_entries (after), ==,
                        byline_front_matter_get_n_entries (fm) + (entry == NULL ? 1 : 0));
    }
}

static void
collect_posts (const char *dir,
               GPtrArray  *paths)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_posts (path, paths);
      else if (g_str_has_suffix (name, ".md"))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

static void
test_corpus_round_trip (void)
{
  const char *corpus = g_getenv ("BYLINE_CORPUS");
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *blog = NULL;
  g_autofree char *china = NULL;

  if (corpus == NULL || !g_file_test (corpus, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("BYLINE_CORPUS is not set or does not exist");
      return;
    }

  blog = g_build_filename (corpus, "istio-blog", NULL);
  china = g_build_filename (corpus, "istiocon-china-2023", "index.md", NULL);
  collect_posts (blog, paths);
  g_assert_cmpuint (paths->len, >, 0);
  g_assert_true (g_file_test (china, G_FILE_TEST_EXISTS));
  g_ptr_array_add (paths, g_steal_pointer (&china));

  for (guint i = 0; i < paths->len; i++)
    {
      g_test_message ("%s", (const char *) paths->pdata[i]);
      round_trip_file (paths->pdata[i]);
    }
}

/* The istiocon-china post itself, with exact values. */
static void
test_corpus_istiocon (void)
{
  const char *corpus = g_getenv ("BYLINE_CORPUS");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(BylineFrontMatter) fm = NULL;
  g_autoptr(BylineTextPatch) patch = NULL;
  g_auto(GStrv) keywords = NULL;
  static const char * const expected[] = {
    "Istio Day", "IstioCon", "Istio", "conference", "KubeCon", "CloudNativeCon", NULL
  };
  static const char * const new_keywords[] = { "Istio Day", "IstioCon", "Shanghai", NULL };
  g_autoptr(GString) edited = NULL;

  if (corpus == NULL || !g_file_test (corpus, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("BYLINE_CORPUS is not set or does not exist");
      return;
    }

  path = g_build_filename (corpus, "istiocon-china-2023", "index.md", NULL);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  fm = parse_ok (text);

  g_assert_cmpstr (byline_front_matter_get_string (fm, "title"), ==,
                   "IstioCon China 2023 wrap-up");
  g_assert_cmpstr (byline_front_matter_get_string (fm, "attribution"), ==,
                   "IstioCon China 2023 Program Committee");
  keywords = byline_front_matter_get_strv (fm, "keywords");
  g_assert_true (g_strv_equal ((const char * const *) keywords, expected));

  patch = byline_front_matter_set_strv (fm, "keywords", new_keywords, NULL);
  edited = g_string_new (text);
  byline_text_patch_apply (patch, edited);
  g_assert_nonnull (strstr (edited->str, "\nkeywords: [Istio Day,IstioCon,Shanghai]\n---\n"));
}

static void
test_yaml_escape (void)
{
  static const struct {
    const char *value;
    const char *escaped;
  } cases[] = {
    { "plain", "plain" },
    { "Istio's \"mesh\" \\ day", "Istio's \\\"mesh\\\" \\\\ day" },
    { "a\nb\tc\r", "a\\nb\\tc\\r" },
    { "\x01", "\\x01" },
    { "next\xc2\x85line\xe2\x80\xa8", "next\\Nline\\L" },
    /* Found by fuzzing the edits: C1 controls, line and paragraph
     * separators, DEL, the byte order mark and noncharacters are escaped;
     * other characters, a no-break space too, stay as they are. */
    { "a\xC2\x80z\xC2\x9F", "a\\x80z\\x9F" },
    { "\xC2\x85\xE2\x80\xA8\xE2\x80\xA9", "\\N\\L\\P" },
    { "\x7F\xEF\xBB\xBF\xEF\xBF\xBE", "\\x7F\\uFEFF\\uFFFE" },
    { "é — ✓ 😀 \xC2\xA0", "é — ✓ 😀 \xC2\xA0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      byline_yaml_escape_append (out, cases[i].value);
      g_assert_cmpstr (out->str, ==, cases[i].escaped);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/front-matter/parse/entries", test_parse_entries);
  g_test_add_func ("/core/front-matter/parse/item-spans", test_parse_item_spans);
  g_test_add_func ("/core/front-matter/parse/non-ascii", test_parse_non_ascii);
  g_test_add_func ("/core/front-matter/parse/yaml-line-breaks", test_parse_yaml_line_breaks);
  g_test_add_func ("/core/front-matter/parse/empty", test_parse_empty);
  g_test_add_func ("/core/front-matter/get/all", test_getters);
  g_test_add_func ("/core/front-matter/get/bool", test_get_bool);
  g_test_add_func ("/core/front-matter/parse-date", test_parse_date);

  for (guint i = 0; i < G_N_ELEMENTS (edit_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/front-matter/%s", edit_cases[i].name);

      g_test_add_data_func (path, &edit_cases[i], test_edit_case);
    }
  g_test_add_func ("/core/front-matter/edit/flow-root", test_edit_flow_root);

  g_test_add_func ("/core/front-matter/errors", test_errors);
  g_test_add_func ("/core/front-matter/errors/too-deep-block", test_too_deep_block);
  g_test_add_func ("/core/front-matter/hostile/nested-sequences", test_hostile_nested);
  g_test_add_func ("/core/front-matter/hostile/alias-bomb", test_hostile_alias_bomb);
  g_test_add_func ("/core/front-matter/hostile/unterminated", test_hostile_unterminated);
  g_test_add_func ("/core/front-matter/hostile/invalid-utf8", test_hostile_invalid_utf8);
  g_test_add_func ("/core/front-matter/hostile/nul-byte", test_hostile_nul);
  g_test_add_func ("/core/front-matter/hostile/many-keys", test_hostile_many_keys);
  g_test_add_func ("/core/front-matter/corpus/round-trip", test_corpus_round_trip);
  g_test_add_func ("/core/front-matter/corpus/istiocon-china", test_corpus_istiocon);

  g_test_add_func ("/core/front-matter/yaml-escape", test_yaml_escape);
  return g_test_run ();
}
