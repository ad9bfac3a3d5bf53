/* test-data.c — the neutral value tree and its YAML, TOML and JSON readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spans are checked by the text they cover and by their 1-based lines and
 * character columns. Typing follows the formats' own specifications: the
 * YAML 1.2.2 core schema (§10.3.2, which Hugo's goccy/go-yaml decoder
 * follows: "yes" is a string), TOML 1.0.0 (its date-time kinds), RFC 8259
 * for JSON.
 */

#include "config.h"

#include "byline-data.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

/* The text a span covers. */
static char *
span_text (const char       *text,
           const BylineSpan *span)
{
  return g_strndup (text + span->start, span->end - span->start);
}

static void
assert_span (const char       *text,
             const BylineSpan *span,
             const char       *expected,
             guint             line,
             guint             column)
{
  g_autofree char *covered = span_text (text, span);

  g_assert_cmpstr (covered, ==, expected);
  g_assert_cmpuint (span->line, ==, line);
  g_assert_cmpuint (span->column, ==, column);
}

/* The key span of @key in @map, by lookup. */
static const BylineSpan *
key_span_of (BylineData *map,
             const char *key)
{
  guint index;

  g_assert_nonnull (byline_data_map_lookup_fold (map, key, &index));
  return byline_data_map_get_key_span (map, index);
}

static const char yaml_text[] =
  "title: \"Hello, world\"\n"          /* 1 */
  "date: 2024-01-02T10:00:00Z\n"       /* 2 */
  "day: 2024-01-02\n"                  /* 3 */
  "version: 1.10\n"                    /* 4 */
  "count: 42\n"                        /* 5 */
  "draft: false\n"                     /* 6 */
  "answer: yes\n"                      /* 7 */
  "empty: ~\n"                         /* 8 */
  "tags: [a, 'b c']\n"                 /* 9 */
  "params:\n"                          /* 10 */
  "  Author: Zoë\n"                    /* 11 */
  "  list:\n"                          /* 12 */
  "    - one\n"                        /* 13 */
  "    - two\n"                        /* 14 */
  "summary: |\n"                       /* 15 */
  "  Two\n"                            /* 16 */
  "  lines\n"                          /* 17 */
  "hex: 0x1F\n"                        /* 18 */
  "text: !!str 123\n";                 /* 19 */

static void
test_yaml_tree (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr (BylineData)
    data = byline_data_read_yaml (yaml_text, 0, strlen (yaml_text), NULL, NULL, &error);
  BylineData *node;
  gint64 i;
  double f;
  gboolean b;
  const BylineDataDateTime *dt;

  g_assert_no_error (error);
  g_assert_cmpint (byline_data_get_kind (data), ==, BYLINE_DATA_MAP);
  g_assert_cmpuint (byline_data_get_length (data), ==, 13);
  /* Source order. */
  g_assert_cmpstr (byline_data_map_get_key (data, 0), ==, "title");
  g_assert_cmpstr (byline_data_map_get_key (data, 12), ==, "text");

  node = byline_data_map_lookup (data, "title");
  g_assert_cmpstr (byline_data_get_string (node), ==, "Hello, world");
  g_assert_cmpint (byline_data_get_style (node), ==, BYLINE_DATA_STYLE_QUOTED);
  assert_span (yaml_text, byline_data_get_span (node), "\"Hello, world\"", 1, 8);
  assert_span (yaml_text, key_span_of (data, "title"), "title", 1, 1);

  node = byline_data_map_lookup (data, "date");
  dt = byline_data_get_date_time (node);
  g_assert_nonnull (dt);
  g_assert_true (dt->has_date && dt->has_time && dt->has_offset);
  g_assert_cmpint (dt->year, ==, 2024);
  g_assert_cmpint (dt->hour, ==, 10);
  g_assert_cmpint (dt->offset_minutes, ==, 0);
  g_assert_cmpstr (byline_data_get_literal (node), ==, "2024-01-02T10:00:00Z");

  dt = byline_data_get_date_time (byline_data_map_lookup (data, "day"));
  g_assert_nonnull (dt);
  g_assert_true (dt->has_date && !dt->has_time);

  /* A plain 1.10 is the float 1.1, and keeps its text. */
  node = byline_data_map_lookup (data, "version");
  g_assert_true (byline_data_get_float (node, &f));
  g_assert_cmpfloat (f, ==, 1.1);
  g_assert_cmpstr (byline_data_get_literal (node), ==, "1.10");
  {
    g_autofree char *text = byline_data_to_string (node);

    /* strconv.FormatFloat (f, 'f', -1, 64), as cast.ToString does. */
    g_assert_cmpstr (text, ==, "1.1");
  }

  g_assert_true (byline_data_get_int (byline_data_map_lookup (data, "count"), &i));
  g_assert_cmpint (i, ==, 42);
  g_assert_true (byline_data_get_bool (byline_data_map_lookup (data, "draft"), &b));
  g_assert_false (b);
  /* YAML 1.2: "yes" is a string. */
  g_assert_cmpstr (byline_data_get_string (byline_data_map_lookup (data, "answer")), ==, "yes");
  g_assert_cmpint (byline_data_get_kind (byline_data_map_lookup (data, "empty")), ==,
                   BYLINE_DATA_NULL);

  node = byline_data_map_lookup (data, "tags");
  g_assert_cmpint (byline_data_get_kind (node), ==, BYLINE_DATA_LIST);
  g_assert_cmpint (byline_data_get_style (node), ==, BYLINE_DATA_STYLE_FLOW);
  assert_span (yaml_text, byline_data_get_span (node), "[a, 'b c']", 9, 7);
  assert_span (yaml_text, byline_data_get_span (byline_data_list_get (node, 1)), "'b c'", 9, 11);
  g_assert_cmpstr (byline_data_get_string (byline_data_list_get (node, 1)), ==, "b c");

  /* A block map spans from its first key to the end of its last value. */
  node = byline_data_map_lookup (data, "params");
  assert_span (yaml_text, byline_data_get_span (node), "Author: Zoë\n  list:\n    - one\n    - two",
               11, 3);
  /* Columns count characters: "ë" is one. */
  assert_span (yaml_text, byline_data_get_span (byline_data_map_lookup (node, "Author")), "Zoë", 11,
               11);
  g_assert_cmpuint (byline_data_get_span (byline_data_map_lookup (node, "Author"))->end_column, ==,
                    14);
  /* Keys compare as Hugo compares them. */
  g_assert_null (byline_data_map_lookup (node, "author"));
  g_assert_nonnull (byline_data_map_lookup_fold (node, "author", NULL));
  g_assert_cmpstr (byline_data_get_string (byline_data_lookup_path (data, "PARAMS.list")), ==,
                   NULL);
  {
    g_auto(GStrv) list = byline_data_lookup_strv (data, "params.LIST");

    g_assert_cmpstrv (list, ((const char *[]) { "one", "two", NULL }));
  }

  node = byline_data_map_lookup (data, "summary");
  g_assert_cmpstr (byline_data_get_string (node), ==, "Two\nlines\n");
  g_assert_cmpint (byline_data_get_style (node), ==, BYLINE_DATA_STYLE_MULTILINE);

  g_assert_true (byline_data_get_int (byline_data_map_lookup (data, "hex"), &i));
  g_assert_cmpint (i, ==, 31);
  g_assert_cmpstr (byline_data_get_string (byline_data_map_lookup (data, "text")), ==, "123");
}

/* A block inside a larger text keeps the larger text's coordinates. */
static void
test_yaml_block_in_post (void)
{
  const char *post = "---\ntitle: Hi\ntags:\n  - x\n---\nBody\n";
  gsize start = 4;
  gsize end = strlen ("---\ntitle: Hi\ntags:\n  - x\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineData) data = byline_data_read_yaml (post, start, end, NULL, NULL, &error);

  g_assert_no_error (error);
  assert_span (post, key_span_of (data, "title"), "title", 2, 1);
  assert_span (post, byline_data_get_span (byline_data_map_lookup (data, "title")), "Hi", 2, 8);
  assert_span (
    post, byline_data_get_span (byline_data_list_get (byline_data_map_lookup (data, "tags"), 0)),
    "x", 4, 5);
}

static void
test_yaml_anchors_and_merge (void)
{
  const char *text =
    "base: &base\n"
    "  a: 1\n"
    "  b: 2\n"
    "derived:\n"
    "  <<: *base\n"
    "  b: 3\n"
    "same: *base\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineData) data = byline_data_read_yaml (text, 0, strlen (text), NULL, NULL, &error);
  BylineData *derived;
  gint64 value;

  g_assert_no_error (error);
  derived = byline_data_map_lookup (data, "derived");
  /* YAML's merge key: explicit keys win over merged ones. */
  g_assert_true (byline_data_get_int (byline_data_map_lookup (derived, "a"), &value));
  g_assert_cmpint (value, ==, 1);
  g_assert_true (byline_data_get_int (byline_data_map_lookup (derived, "b"), &value));
  g_assert_cmpint (value, ==, 3);
  g_assert_null (byline_data_map_lookup (derived, "<<"));
  /* An alias is its anchor's node. */
  g_assert_true (byline_data_map_lookup (data, "same") == byline_data_map_lookup (data, "base"));
}

static void
test_duplicates_keep_both (void)
{
  const char *text = "title: one\ntitle: two\n";
  g_autoptr(BylineData) data = byline_data_read_yaml (text, 0, strlen (text), NULL, NULL, NULL);

  /* Both entries stay, so that a linter can report them; lookups give
   * the last, as Hugo's decoders keep the last. */
  g_assert_cmpuint (byline_data_get_length (data), ==, 2);
  g_assert_cmpstr (byline_data_get_string (byline_data_map_lookup (data, "title")), ==, "two");
  g_assert_cmpstr (byline_data_get_string (byline_data_map_lookup_fold (data, "TITLE", NULL)), ==,
                   "two");
}

static const char toml_text[] =
  "# A comment\n"                                  /* 1 */
  "title = \"Hello\" # trailing\n"                 /* 2 */
  "date = 2024-01-02T10:00:00+02:00\n"             /* 3 */
  "day = 2024-01-02\n"                             /* 4 */
  "local = 2024-01-02T10:00:00\n"                  /* 5 */
  "version = 1.10\n"                               /* 6 */
  "tags = ['a', \"b\"]\n"                          /* 7 */
  "multi = \"\"\"\n"                               /* 8 */
  "two\n"                                          /* 9 */
  "lines\"\"\"\n"                                  /* 10 */
  "[params]\n"                                     /* 11 */
  "  zeta = 1\n"                                   /* 12 */
  "  alpha.beta = true\n"                          /* 13 */
  "[[menus.main]]\n"                               /* 14 */
  "  name = 'Home'\n"                              /* 15 */
  "[[menus.main]]\n"                               /* 16 */
  "  name = 'Docs'\n";                             /* 17 */

static void
test_toml_tree (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr (BylineData)
    data = byline_data_read_toml (toml_text, 0, strlen (toml_text), NULL, NULL, &error);
  BylineData *node;
  const BylineDataDateTime *dt;
  double f;

  g_assert_no_error (error);
  g_assert_cmpint (byline_data_get_kind (data), ==, BYLINE_DATA_MAP);
  /* toml++ keeps tables sorted; the tree keeps the text's order. */
  g_assert_cmpstr (byline_data_map_get_key (data, 0), ==, "title");
  g_assert_cmpstr (byline_data_map_get_key (data, 1), ==, "date");
  g_assert_cmpstr (byline_data_map_get_key (data, 7), ==, "params");
  g_assert_cmpstr (byline_data_map_get_key (data, 8), ==, "menus");

  node = byline_data_map_lookup (data, "title");
  assert_span (toml_text, byline_data_get_span (node), "\"Hello\"", 2, 9);
  assert_span (toml_text, key_span_of (data, "title"), "title", 2, 1);
  g_assert_cmpint (byline_data_get_style (node), ==, BYLINE_DATA_STYLE_QUOTED);

  /* TOML's date-times are dates, not strings (TOML 1.0.0, "Offset
   * Date-Time", "Local Date-Time", "Local Date"). */
  node = byline_data_map_lookup (data, "date");
  dt = byline_data_get_date_time (node);
  g_assert_nonnull (dt);
  g_assert_true (dt->has_date && dt->has_time && dt->has_offset);
  g_assert_cmpint (dt->offset_minutes, ==, 120);
  assert_span (toml_text, byline_data_get_span (node), "2024-01-02T10:00:00+02:00", 3, 8);
  dt = byline_data_get_date_time (byline_data_map_lookup (data, "day"));
  g_assert_true (dt->has_date && !dt->has_time && !dt->has_offset);
  dt = byline_data_get_date_time (byline_data_map_lookup (data, "local"));
  g_assert_true (dt->has_date && dt->has_time && !dt->has_offset);
  {
    g_autoptr (GDateTime)
      utc = byline_data_to_date_time (byline_data_map_lookup (data, "date"), NULL);

    g_assert_cmpint (g_date_time_to_unix (utc), ==, 1704182400);
  }

  node = byline_data_map_lookup (data, "version");
  g_assert_true (byline_data_get_float (node, &f));
  g_assert_cmpfloat (f, ==, 1.1);
  g_assert_cmpstr (byline_data_get_literal (node), ==, "1.10");

  node = byline_data_map_lookup (data, "tags");
  assert_span (toml_text, byline_data_get_span (node), "['a', \"b\"]", 7, 8);
  assert_span (toml_text, byline_data_get_span (byline_data_list_get (node, 0)), "'a'", 7, 9);

  node = byline_data_map_lookup (data, "multi");
  g_assert_cmpstr (byline_data_get_string (node), ==, "two\nlines");
  g_assert_cmpint (byline_data_get_style (node), ==, BYLINE_DATA_STYLE_MULTILINE);
  assert_span (toml_text, byline_data_get_span (node), "\"\"\"\ntwo\nlines\"\"\"", 8, 9);

  /* A table written with a header spans from its header to its last value. */
  node = byline_data_map_lookup (data, "params");
  assert_span (toml_text, byline_data_get_span (node), "[params]\n  zeta = 1\n  alpha.beta = true",
               11, 1);
  assert_span (toml_text, key_span_of (data, "params"), "params", 11, 2);
  g_assert_cmpstr (byline_data_map_get_key (node, 0), ==, "zeta");
  g_assert_true (byline_data_lookup_bool (node, "alpha.beta", FALSE));

  node = byline_data_lookup_path (data, "menus.main");
  g_assert_cmpint (byline_data_get_kind (node), ==, BYLINE_DATA_LIST);
  g_assert_cmpint (byline_data_get_style (node), ==, BYLINE_DATA_STYLE_PLAIN);
  g_assert_cmpuint (byline_data_get_length (node), ==, 2);
  g_assert_cmpstr (
    byline_data_get_string (byline_data_map_lookup (byline_data_list_get (node, 1), "name")), ==,
    "Docs");
}

static void
test_toml_block_in_post (void)
{
  const char *post = "+++\ntitle = 'Hi'\n+++\nBody\n";
  g_autoptr(GError) error = NULL;
  g_autoptr (BylineData)
    data = byline_data_read_toml (post, 4, strlen ("+++\ntitle = 'Hi'\n"), NULL, NULL, &error);

  g_assert_no_error (error);
  assert_span (post, byline_data_get_span (byline_data_map_lookup (data, "title")), "'Hi'", 2, 9);
}

static const char json_text[] =
  "{\n"                                   /* 1 */
  "  \"title\": \"H\\u00e9llo\",\n"       /* 2 */
  "  \"version\": 1.10,\n"                /* 3 */
  "  \"count\": 42,\n"                    /* 4 */
  "  \"tags\": [\"a\", \"b\"],\n"         /* 5 */
  "  \"params\": {\"x\": null, \"y\": true}\n" /* 6 */
  "}\n";

static void
test_json_tree (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr (BylineData)
    data = byline_data_read_json (json_text, 0, strlen (json_text), NULL, NULL, &error);
  BylineData *node;
  gint64 i;

  g_assert_no_error (error);
  g_assert_cmpstr (byline_data_map_get_key (data, 0), ==, "title");
  assert_span (json_text, key_span_of (data, "title"), "\"title\"", 2, 3);
  node = byline_data_map_lookup (data, "title");
  g_assert_cmpstr (byline_data_get_string (node), ==, "Héllo");
  assert_span (json_text, byline_data_get_span (node), "\"H\\u00e9llo\"", 2, 12);
  g_assert_cmpstr (byline_data_get_literal (byline_data_map_lookup (data, "version")), ==, "1.10");
  g_assert_true (byline_data_get_int (byline_data_map_lookup (data, "count"), &i));
  g_assert_cmpint (i, ==, 42);
  assert_span (json_text, byline_data_get_span (byline_data_map_lookup (data, "tags")),
               "[\"a\", \"b\"]", 5, 11);
  node = byline_data_map_lookup (data, "params");
  assert_span (json_text, byline_data_get_span (node), "{\"x\": null, \"y\": true}", 6, 13);
  g_assert_cmpint (byline_data_get_kind (byline_data_map_lookup (node, "x")), ==, BYLINE_DATA_NULL);
  {
    /* The object, without the line break after it. */
    g_autofree char *object = g_strndup (json_text, strlen (json_text) - 1);

    assert_span (json_text, byline_data_get_span (data), object, 1, 1);
  }
}

static void
test_json_object_end (void)
{
  const char *post = "{\"a\": \"}\\\"{\", \"b\": {\"c\": [1]}}\nBody {";

  /* Hugo's lexer counts braces outside strings (pagelexer_intro.go). */
  g_assert_cmpuint (byline_data_json_object_end (post, 0, strlen (post)),
                    ==, strlen ("{\"a\": \"}\\\"{\", \"b\": {\"c\": [1]}}"));
  g_assert_cmpuint (byline_data_json_object_end ("{\"a\": 1", 0, 7), ==, 0);
}

typedef struct
{
  BylineDataFormat format;
  const char *text;
  gssize length;          /* -1: up to the NUL */
  int code;
  guint line;
  guint column;
} ErrorCase;

static void
test_errors_have_positions (void)
{
  const ErrorCase cases[] = {
    /* A tab cannot indent YAML. */
    { BYLINE_DATA_FORMAT_YAML, "title: a\n\tbad: b\n", -1, BYLINE_DATA_ERROR_SYNTAX, 2, 1 },
    { BYLINE_DATA_FORMAT_YAML, "a: [1, 2\nb: 3\n", -1, BYLINE_DATA_ERROR_SYNTAX, 2, 2 },
    { BYLINE_DATA_FORMAT_YAML, "a: *nowhere\n", -1, BYLINE_DATA_ERROR_SYNTAX, 1, 4 },
    { BYLINE_DATA_FORMAT_YAML, "? [a]\n: b\n", -1, BYLINE_DATA_ERROR_SYNTAX, 1, 3 },
    { BYLINE_DATA_FORMAT_TOML, "a = 1\nb = [1,\n", -1, BYLINE_DATA_ERROR_SYNTAX, 2, 8 },
    { BYLINE_DATA_FORMAT_TOML, "a = 1\na = 2\n", -1, BYLINE_DATA_ERROR_SYNTAX, 2, 5 },
    { BYLINE_DATA_FORMAT_TOML, "title = \"unclosed\n", -1, BYLINE_DATA_ERROR_SYNTAX, 1, 18 },
    { BYLINE_DATA_FORMAT_JSON, "{\"a\": 1,\n \"b\": [1, 2,,]}", -1, BYLINE_DATA_ERROR_SYNTAX, 2,
      13 },
    /* json-glib accepts these; Go's encoding/json, and so Hugo, does not. */
    { BYLINE_DATA_FORMAT_JSON, "{/* c */ \"a\": 1}", -1, BYLINE_DATA_ERROR_SYNTAX, 1, 2 },
    { BYLINE_DATA_FORMAT_JSON, "{\"a\": 0x10}", -1, BYLINE_DATA_ERROR_SYNTAX, 1, 7 },
    { BYLINE_DATA_FORMAT_JSON, "{'a': 1}", -1, BYLINE_DATA_ERROR_SYNTAX, 1, 2 },
    /* Bad text is refused before any parser sees it. */
    { BYLINE_DATA_FORMAT_YAML, "a: \xff\n", -1, BYLINE_DATA_ERROR_INVALID_UTF8, 1, 4 },
    { BYLINE_DATA_FORMAT_TOML, "a = 1\nb = \"\0\"\n", 14, BYLINE_DATA_ERROR_INVALID_UTF8, 2, 6 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ErrorCase *c = &cases[i];
      gsize length = c->length >= 0 ? (gsize) c->length : strlen (c->text);
      g_autoptr(GError) error = NULL;
      g_autofree char *where = g_strdup_printf ("line %u, column %u:", c->line, c->column);
      BylineSpan span = { 0 };
      g_autoptr (BylineData)
        data = byline_data_read (c->format, c->text, 0, length, "x.cfg", &span, &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(none)");
      g_assert_null (data);
      g_assert_error (error, BYLINE_DATA_ERROR, c->code);
      g_assert_true (g_str_has_prefix (error->message, "x.cfg, "));
      g_assert_nonnull (strstr (error->message, where));
      g_assert_cmpuint (span.line, ==, c->line);
      g_assert_cmpuint (span.column, ==, c->column);
    }
}

static void
test_hostile_nesting (void)
{
  const BylineDataFormat formats[] = { BYLINE_DATA_FORMAT_YAML, BYLINE_DATA_FORMAT_TOML,
                                       BYLINE_DATA_FORMAT_JSON };
  const char *prefixes[] = { "a: ", "a = ", "" };

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      GString *text = g_string_new (prefixes[f]);
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineData) data = NULL;

      /* Far deeper than any stack would take if a parser recursed. */
      for (guint i = 0; i < 200000; i++)
        g_string_append_c (text, '[');
      data = byline_data_read (formats[f], text->str, 0, text->len, NULL, NULL, &error);
      g_assert_null (data);
      g_assert_error (error, BYLINE_DATA_ERROR, BYLINE_DATA_ERROR_TOO_DEEP);
      g_string_free (text, TRUE);
    }

  /* TOML tables made by dotted keys and headers, which toml++ does not limit. */
  {
    GString *header = g_string_new ("[a");
    GString *dotted = g_string_new ("a");
    g_autoptr(GError) error = NULL;
    g_autoptr(GError) error2 = NULL;
    g_autoptr(BylineData) data = NULL;
    g_autoptr(BylineData) data2 = NULL;

    for (guint i = 0; i < 100000; i++)
      {
        g_string_append (header, ".a");
        g_string_append (dotted, ".a");
      }
    g_string_append (header, "]\nx = 1\n");
    g_string_append (dotted, " = 1\n");
    data = byline_data_read_toml (header->str, 0, header->len, NULL, NULL, &error);
    data2 = byline_data_read_toml (dotted->str, 0, dotted->len, NULL, NULL, &error2);
    g_assert_error (error, BYLINE_DATA_ERROR, BYLINE_DATA_ERROR_TOO_DEEP);
    g_assert_error (error2, BYLINE_DATA_ERROR, BYLINE_DATA_ERROR_TOO_DEEP);
    g_string_free (header, TRUE);
    g_string_free (dotted, TRUE);
  }

  /* Nesting within the limit is fine: 100 levels. */
  {
    GString *text = g_string_new (NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(BylineData) data = NULL;

    for (guint i = 0; i < BYLINE_DATA_MAX_DEPTH; i++)
      g_string_append_c (text, '[');
    for (guint i = 0; i < BYLINE_DATA_MAX_DEPTH; i++)
      g_string_append_c (text, ']');
    data = byline_data_read_json (text->str, 0, text->len, NULL, NULL, &error);
    g_assert_no_error (error);
    g_string_free (text, TRUE);
  }
}

/* Inputs that reach toml++'s own flaws (an assertion in parse_key, and
 * __builtin_unreachable in its Unicode tables): errors, not aborts nor
 * undefined behaviour (UBSan in the sanitized build would stop here). */
static void
test_hostile_toml (void)
{
  const char *texts[] = {
    "title = \"x\"\n[\x01title = \"y\"\n",
    "t=-\"\xef\xbb\xb7",
    "t = -\"\xc3\xa9\"\n",
    "\xc3\xa9 = 1\n",
    "a\xef\xbb\xb0X",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr (BylineData)
        data = byline_data_read_toml (texts[i], 0, strlen (texts[i]), NULL, NULL, &error);

      g_assert_null (data);
      g_assert_error (error, BYLINE_DATA_ERROR, BYLINE_DATA_ERROR_SYNTAX);
    }
}

static void
test_hostile_aliases (void)
{
  GString *text = g_string_new ("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autoptr(BylineData) data = NULL;
  g_autoptr(BylineData) data2 = NULL;
  const char *recursive = "a: &a\n  b: *a\n";

  /* "Billion laughs": each level stands for ten of the one before. */
  for (guint i = 1; i < 12; i++)
    {
      g_string_append_printf (text, "a%u: &a%u [", i, i);
      for (guint j = 0; j < 10; j++)
        g_string_append_printf (text, "%s*a%u", j > 0 ? ", " : "", i - 1);
      g_string_append (text, "]\n");
    }
  data = byline_data_read_yaml (text->str, 0, text->len, NULL, NULL, &error);
  g_assert_null (data);
  g_assert_error (error, BYLINE_DATA_ERROR, BYLINE_DATA_ERROR_TOO_LARGE);
  g_string_free (text, TRUE);

  /* An alias inside its own anchor would make a cycle. */
  data2 = byline_data_read_yaml (recursive, 0, strlen (recursive), NULL, NULL, &error2);
  g_assert_null (data2);
  g_assert_error (error2, BYLINE_DATA_ERROR, BYLINE_DATA_ERROR_SYNTAX);
}

static void
test_empty_documents (void)
{
  const BylineDataFormat formats[] = { BYLINE_DATA_FORMAT_YAML, BYLINE_DATA_FORMAT_TOML,
                                       BYLINE_DATA_FORMAT_JSON };

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineData) data = byline_data_read (formats[f], "  \n", 0, 3, NULL, NULL, &error);

      g_assert_no_error (error);
      /* TOML's empty document is an empty table; YAML's and JSON's are nothing. */
      if (formats[f] == BYLINE_DATA_FORMAT_TOML)
        {
          g_assert_cmpint (byline_data_get_kind (data), ==, BYLINE_DATA_MAP);
          g_assert_cmpuint (byline_data_get_length (data), ==, 0);
        }
      else
        g_assert_cmpint (byline_data_get_kind (data), ==, BYLINE_DATA_NULL);
    }
}

static void
test_read_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autofree char *dir = g_dir_make_tmp ("byline-data-XXXXXX", NULL);
  g_autofree char *toml = g_build_filename (dir, "params.toml", NULL);
  g_autofree char *other = g_build_filename (dir, "params.ini", NULL);
  g_autoptr(BylineData) data = NULL;
  g_autoptr(BylineData) large = NULL;

  g_assert_true (g_file_set_contents (toml, "a = 1\n", -1, NULL));
  g_assert_true (g_file_set_contents (other, "a = 1\n", -1, NULL));
  data = byline_data_read_file (toml, 1024, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_data_get_file_name (byline_data_map_lookup (data, "a")), ==, toml);
  large = byline_data_read_file (toml, 3, NULL, &error2);
  g_assert_error (error2, BYLINE_DATA_ERROR, BYLINE_DATA_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_suffix (error2->message, "params.toml is larger than 3 bytes"));
  g_clear_error (&error);
  g_assert_null (byline_data_read_file (other, 1024, NULL, &error));
  g_assert_error (error, BYLINE_DATA_ERROR, BYLINE_DATA_ERROR_UNREADABLE);

  g_remove (toml);
  g_remove (other);
  g_rmdir (dir);
}

static void
test_to_string (void)
{
  /* Go's strconv.FormatFloat (f, 'f', -1, 64): the shortest digits that
   * read back, never an exponent. */
  const struct { double value; const char *expected; } floats[] = {
    { 1.1, "1.1" }, { 0.5, "0.5" }, { 1e21, "1000000000000000000000" }, { 1.5e-7, "0.00000015" },
    { 3, "3" }, { -2.25, "-2.25" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (floats); i++)
    {
      g_autoptr(BylineData) node = byline_data_new_float (floats[i].value);
      g_autofree char *text = byline_data_to_string (node);

      g_assert_cmpstr (text, ==, floats[i].expected);
    }
  {
    g_autoptr(BylineData) node = byline_data_new_int (-7);
    g_autofree char *text = byline_data_to_string (node);

    g_assert_cmpstr (text, ==, "-7");
  }
}

static void
test_date_parsing (void)
{
  /* The layouts Hugo's dates come in (hugoDocs, content-management/front-matter:
   * "RFC 3339 … 2023-10-15T12:00:00-07:00, 2023-10-15"). */
  const struct { const char *text; gint64 unix_utc; } dates[] = {
    { "2023-10-15T12:00:00-07:00", 1697396400 },
    { "2023-10-15T12:00:00Z", 1697371200 },
    { "2023-10-15", 1697328000 },
    { "2023-10-15 12:00:00", 1697371200 },
    { "2023-10-15T12:00", 1697371200 },
    { "2023-10-15T12:00:00.5Z", 1697371200 },
  };
  const char *not_dates[] = { "2023-13-01", "2023-02-30", "yesterday", "2023-10-15T25:00:00",
                              "2023-10-15x" };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(BylineData) node = byline_data_new_string (dates[i].text);
      g_autoptr(GDateTime) date = byline_data_to_date_time (node, NULL);

      g_assert_nonnull (date);
      g_assert_cmpint (g_date_time_to_unix (date), ==, dates[i].unix_utc);
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_dates); i++)
    g_assert_false (byline_data_parse_date_time (not_dates[i], NULL));

  /* Without a zone, a date is in the zone given (Hugo's timeZone). */
  {
    g_autoptr(GTimeZone) oslo = g_time_zone_new_offset (3600);
    g_autoptr(BylineData) node = byline_data_new_string ("2023-10-15T12:00:00");
    g_autoptr(GDateTime) date = byline_data_to_date_time (node, oslo);

    g_assert_cmpint (g_date_time_to_unix (date), ==, 1697371200 - 3600);
  }
}

/* Hugo matches front-matter keys case-insensitively, Unicode letters too
 * (hugoDocs front-matter.md): "Title" and "TITLE" are "title", "Öl" is "öl". */
static void
test_key_folding (void)
{
  const struct { const char *key, *folded; gboolean same; } cases[] = {
    { "title", "title", TRUE },
    { "Title", "title", TRUE },
    { "publishDate", "publishdate", TRUE },
    { "TITLE", "title", TRUE },
    { "title", "titles", FALSE },
    { "titles", "title", FALSE },
    { "", "", TRUE },
    { "", "a", FALSE },
    { "Öl", "öl", TRUE },
    { "xÖl", "xöl", TRUE },
    { "xÖl", "xÖl", FALSE },
    { "tÍtle", "title", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = byline_data_fold_key (cases[i].key);

      g_assert_cmpint (byline_data_key_folds_to (cases[i].key, cases[i].folded), ==,
                       cases[i].same);
      /* The comparison agrees with folding first. */
      g_assert_cmpint (strcmp (folded, cases[i].folded) == 0, ==, cases[i].same);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/data/yaml/tree", test_yaml_tree);
  g_test_add_func ("/core/data/yaml/block-in-post", test_yaml_block_in_post);
  g_test_add_func ("/core/data/yaml/anchors-and-merge", test_yaml_anchors_and_merge);
  g_test_add_func ("/core/data/duplicates", test_duplicates_keep_both);
  g_test_add_func ("/core/data/toml/tree", test_toml_tree);
  g_test_add_func ("/core/data/toml/block-in-post", test_toml_block_in_post);
  g_test_add_func ("/core/data/json/tree", test_json_tree);
  g_test_add_func ("/core/data/json/object-end", test_json_object_end);
  g_test_add_func ("/core/data/errors", test_errors_have_positions);
  g_test_add_func ("/core/data/hostile/nesting", test_hostile_nesting);
  g_test_add_func ("/core/data/hostile/aliases", test_hostile_aliases);
  g_test_add_func ("/core/data/hostile/toml", test_hostile_toml);
  g_test_add_func ("/core/data/empty", test_empty_documents);
  g_test_add_func ("/core/data/read-file", test_read_file);
  g_test_add_func ("/core/data/to-string", test_to_string);
  g_test_add_func ("/core/data/dates", test_date_parsing);
  g_test_add_func ("/core/data/key-folding", test_key_folding);

  return g_test_run ();
}
