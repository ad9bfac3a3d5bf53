/* test-front-matter-data.c — TOML and JSON front matter: reading and edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo reads "+++" blocks as TOML and a leading "{ … }" object as JSON
 * (parser/pageparser/pagelexer_intro.go, parser/metadecoders/decoder.go);
 * TOML dates are TOML 1.0.0 date-times ("Offset Date-Time", "Local Date"),
 * keys compare case-insensitively (hugoDocs content-management/
 * front-matter.md: "keys are case-insensitive"). Each edit must change only
 * the edited key's text: the expected texts below are the inputs with that
 * one span replaced, everything else byte for byte.
 */

#include "config.h"

#include "byline-front-matter.h"

#include <string.h>

#define TOML_POST \
  "+++\n" \
  "# The post\n" \
  "title = 'Hello'\n" \
  "date = 2024-01-02T10:00:00Z\n" \
  "linkTitle = \"Hi\"\n" \
  "draft = false\n" \
  "tags = [\"a\", \"b\"]\n" \
  "\n" \
  "[params]\n" \
  "author = \"Jane\"\n" \
  "+++\n" \
  "Body\n"

#define JSON_POST \
  "{\n" \
  "  \"title\": \"Hello\",\n" \
  "  \"date\": \"2024-01-02\",\n" \
  "  \"Draft\": true,\n" \
  "  \"tags\": [\"a\", \"b\"]\n" \
  "}\n" \
  "Body\n"

static BylineFrontMatter *
parse (const char *text)
{
  BylinePostLayout layout;
  g_autoptr(GError) error = NULL;
  BylineFrontMatter *fm;

  g_assert_true (byline_post_layout_parse (&layout, text, strlen (text), &error));
  g_assert_no_error (error);
  fm = byline_front_matter_parse (text, &layout, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fm);
  return fm;
}

static void
test_toml_read (void)
{
  g_autoptr(BylineFrontMatter) fm = parse (TOML_POST);
  const BylineFrontMatterEntry *entry;
  g_autoptr(GDateTime) date = NULL;
  g_auto(GStrv) tags = NULL;
  gboolean has_time = FALSE;
  gboolean draft = TRUE;

  g_assert_cmpuint (byline_front_matter_get_n_entries (fm), ==, 6);
  g_assert_cmpstr (byline_front_matter_get_entry (fm, 0)->key, ==, "title");
  g_assert_cmpstr (byline_front_matter_get_entry (fm, 5)->key, ==, "params");

  entry = byline_front_matter_lookup (fm, "title");
  g_assert_cmpstr (entry->value, ==, "Hello");
  g_assert_cmpint (entry->style, ==, BYLINE_SCALAR_SINGLE_QUOTED);
  g_assert_cmpstr (entry->raw, ==, "'Hello'");
  g_assert_cmpuint (entry->key_span.line, ==, 3);
  g_assert_cmpuint (entry->key_span.column, ==, 1);
  g_assert_cmpuint (entry->value_span.column, ==, 9);
  g_assert_cmpuint (entry->lines_span.start, ==, strlen ("+++\n# The post\n"));
  g_assert_cmpuint (entry->lines_span.end, ==, strlen ("+++\n# The post\ntitle = 'Hello'\n"));

  /* A TOML date-time is a date, in the site's sense of one. */
  g_assert_true (byline_front_matter_get_date (fm, "date", &date, &has_time));
  g_assert_true (has_time);
  g_assert_cmpint (g_date_time_get_year (date), ==, 2024);
  g_assert_cmpint (g_date_time_get_hour (date), ==, 10);
  g_assert_cmpint (byline_front_matter_lookup (fm, "date")->style, ==, BYLINE_SCALAR_PLAIN);

  g_assert_true (byline_front_matter_get_bool (fm, "draft", &draft));
  g_assert_false (draft);
  tags = byline_front_matter_get_strv (fm, "tags");
  g_assert_cmpstrv (tags, ((const char * const[]) { "a", "b", NULL }));
  g_assert_cmpint (byline_front_matter_lookup (fm, "params")->kind, ==, BYLINE_VALUE_MAPPING);

  /* Keys match as Hugo matches them. */
  g_assert_cmpstr (byline_front_matter_get_string (fm, "linktitle"), ==, "Hi");
  g_assert_cmpstr (byline_front_matter_get_string (fm, "TITLE"), ==, "Hello");
}

static void
test_json_read (void)
{
  g_autoptr(BylineFrontMatter) fm = parse (JSON_POST);
  const BylineFrontMatterEntry *entry;
  g_autoptr(GDateTime) date = NULL;
  gboolean draft = FALSE;

  g_assert_cmpuint (byline_front_matter_get_n_entries (fm), ==, 4);
  entry = byline_front_matter_lookup (fm, "title");
  g_assert_cmpstr (entry->value, ==, "Hello");
  g_assert_cmpint (entry->style, ==, BYLINE_SCALAR_DOUBLE_QUOTED);
  g_assert_cmpuint (entry->key_span.line, ==, 2);
  g_assert_cmpuint (entry->key_span.column, ==, 3);
  g_assert_true (byline_front_matter_get_date (fm, "date", &date, NULL));
  g_assert_true (byline_front_matter_get_bool (fm, "draft", &draft));
  g_assert_true (draft);
  g_assert_cmpuint (byline_front_matter_lookup (fm, "tags")->n_items, ==, 2);
}

typedef enum
{
  OP_STRING,
  OP_PLAIN,
  OP_STRV,
  OP_REMOVE,
} Op;

typedef struct
{
  const char *name;
  const char *text;
  Op op;
  const char *key;
  const char *value;
  const char *expected;
} EditCase;

static const char * const key_order[] = { "title", "linkTitle", "date", "description", NULL };

static const EditCase edit_cases[] = {
  { "toml-title", TOML_POST, OP_STRING, "title", "Say \"hi\"",
    "+++\n# The post\ntitle = \"Say \\\"hi\\\"\"\ndate = 2024-01-02T10:00:00Z\n"
    "linkTitle = \"Hi\"\ndraft = false\ntags = [\"a\", \"b\"]\n\n[params]\n"
    "author = \"Jane\"\n+++\nBody\n" },
  { "toml-date", TOML_POST, OP_PLAIN, "date", "2025-03-04",
    "+++\n# The post\ntitle = 'Hello'\ndate = 2025-03-04\n"
    "linkTitle = \"Hi\"\ndraft = false\ntags = [\"a\", \"b\"]\n\n[params]\n"
    "author = \"Jane\"\n+++\nBody\n" },
  { "toml-tags", TOML_POST, OP_STRV, "tags", "x",
    "+++\n# The post\ntitle = 'Hello'\ndate = 2024-01-02T10:00:00Z\n"
    "linkTitle = \"Hi\"\ndraft = false\ntags = [\"x\"]\n\n[params]\n"
    "author = \"Jane\"\n+++\nBody\n" },
  /* A new key goes after the key before it in the form's order, and
   * before any [table]. */
  { "toml-insert", TOML_POST, OP_STRING, "description", "About it",
    "+++\n# The post\ntitle = 'Hello'\ndate = 2024-01-02T10:00:00Z\n"
    "description = \"About it\"\n"
    "linkTitle = \"Hi\"\ndraft = false\ntags = [\"a\", \"b\"]\n\n[params]\n"
    "author = \"Jane\"\n+++\nBody\n" },
  { "toml-insert-last", TOML_POST, OP_PLAIN, "weight", "3",
    "+++\n# The post\ntitle = 'Hello'\ndate = 2024-01-02T10:00:00Z\n"
    "linkTitle = \"Hi\"\ndraft = false\ntags = [\"a\", \"b\"]\nweight = 3\n\n[params]\n"
    "author = \"Jane\"\n+++\nBody\n" },
  { "toml-remove", TOML_POST, OP_REMOVE, "draft", NULL,
    "+++\n# The post\ntitle = 'Hello'\ndate = 2024-01-02T10:00:00Z\n"
    "linkTitle = \"Hi\"\ntags = [\"a\", \"b\"]\n\n[params]\n"
    "author = \"Jane\"\n+++\nBody\n" },
  { "json-title", JSON_POST, OP_STRING, "title", "Bye",
    "{\n  \"title\": \"Bye\",\n  \"date\": \"2024-01-02\",\n  \"Draft\": true,\n"
    "  \"tags\": [\"a\", \"b\"]\n}\nBody\n" },
  /* JSON has no date type: a date is a string. */
  { "json-date", JSON_POST, OP_PLAIN, "date", "2025-03-04",
    "{\n  \"title\": \"Hello\",\n  \"date\": \"2025-03-04\",\n  \"Draft\": true,\n"
    "  \"tags\": [\"a\", \"b\"]\n}\nBody\n" },
  { "json-draft", JSON_POST, OP_PLAIN, "draft", "false",
    "{\n  \"title\": \"Hello\",\n  \"date\": \"2024-01-02\",\n  \"Draft\": false,\n"
    "  \"tags\": [\"a\", \"b\"]\n}\nBody\n" },
  { "json-insert", JSON_POST, OP_STRING, "description", "About",
    "{\n  \"title\": \"Hello\",\n  \"date\": \"2024-01-02\",\n  \"description\": \"About\","
    "\n  \"Draft\": true,\n  \"tags\": [\"a\", \"b\"]\n}\nBody\n" },
  { "json-remove-middle", JSON_POST, OP_REMOVE, "date", NULL,
    "{\n  \"title\": \"Hello\",\n  \"Draft\": true,\n"
    "  \"tags\": [\"a\", \"b\"]\n}\nBody\n" },
  { "json-remove-last", JSON_POST, OP_REMOVE, "tags", NULL,
    "{\n  \"title\": \"Hello\",\n  \"date\": \"2024-01-02\",\n  \"Draft\": true\n}\nBody\n" },
  { "json-one-line-insert", "{\"title\": \"A\"}\nBody\n", OP_PLAIN, "weight", "2",
    "{\"title\": \"A\", \"weight\": 2}\nBody\n" },
  { "json-empty-insert", "{}\nBody\n", OP_STRING, "title", "A",
    "{\"title\": \"A\"}\nBody\n" },
};

static void
test_edit (gconstpointer data)
{
  const EditCase *c = data;
  g_autoptr(BylineFrontMatter) fm = parse (c->text);
  g_autoptr(BylineFrontMatter) again = NULL;
  g_autoptr(GString) text = g_string_new (c->text);
  const char *values[] = { c->value, NULL };
  BylineTextPatch *patch = NULL;

  switch (c->op)
    {
    case OP_STRING:
      patch = byline_front_matter_set_string (fm, c->key, c->value, key_order);
      break;
    case OP_PLAIN:
      patch = byline_front_matter_set_plain (fm, c->key, c->value, key_order);
      break;
    case OP_STRV:
      patch = byline_front_matter_set_strv (fm, c->key, values, key_order);
      break;
    case OP_REMOVE:
      patch = byline_front_matter_remove (fm, c->key);
      break;
    }

  g_assert_nonnull (patch);
  byline_text_patch_apply (patch, text);
  byline_text_patch_free (patch);
  g_assert_cmpstr (text->str, ==, c->expected);

  /* What was written reads back. */
  again = parse (text->str);
  if (c->op == OP_REMOVE)
    g_assert_null (byline_front_matter_lookup (again, c->key));
  else if (c->op == OP_STRV)
    g_assert_cmpstr (byline_front_matter_lookup (again, c->key)->items[0], ==, c->value);
  else
    g_assert_cmpstr (byline_front_matter_lookup (again, c->key)->value, ==, c->value);
}

static void
test_table_refused (void)
{
  g_autoptr(BylineFrontMatter) fm = parse (TOML_POST);
  g_autoptr(GError) error = NULL;

  g_assert_false (byline_front_matter_can_edit (fm, "params", FALSE, &error));
  g_assert_error (error, BYLINE_FRONT_MATTER_ERROR, BYLINE_FRONT_MATTER_ERROR_CANNOT_EDIT);
  g_assert_null (byline_front_matter_set_string (fm, "params", "x", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/front-matter-data/toml-read", test_toml_read);
  g_test_add_func ("/front-matter-data/json-read", test_json_read);
  g_test_add_func ("/front-matter-data/table-refused", test_table_refused);
  for (guint i = 0; i < G_N_ELEMENTS (edit_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/front-matter-data/edit/%s", edit_cases[i].name);

      g_test_add_data_func (path, &edit_cases[i], test_edit);
    }

  return g_test_run ();
}
