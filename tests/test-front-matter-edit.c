/* test-front-matter-edit.c — edits of the front matter found wrong by fuzzing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case is one of issue 12's fuzzing findings, or one that the front
 * matter harness (tests/fuzz/fuzz-front-matter.c) found since, as a literal
 * input with the exact text the edit must give. Every result is parsed
 * again: it must read back the value written and keep every other key as it
 * was. The expected YAML follows the YAML 1.2 specification (line breaks in
 * 5.4, escapes in 5.7, implicit keys of at most 1024 characters in 7.4,
 * anchors and aliases in 6.9.2 and 7.1) as libyaml and go-yaml read it.
 */

#include "config.h"

#include "byline-front-matter.h"

#include "byline-test-front-matter.h"

#include <string.h>

typedef enum
{
  OP_SET_STRING,
  OP_SET_STRV,
  OP_REMOVE,
} Op;

typedef struct
{
  const char *name;
  const char *text;
  Op op;
  const char *key;
  const char *value;           /* set_string */
  const char *values[4];       /* set_strv */
  const char *expected;        /* NULL: the edit is refused */
  const char *refusal;         /* part of the reason given */
} EditCase;

static const EditCase edit_cases[] = {
  /* libyaml breaks lines at CR, NEL, LS and PS too. */
  { "lone-cr/remove-first", "---\na: 1\rb: 2\n---\nBody\n", OP_REMOVE, "a", NULL, { NULL },
    "---\nb: 2\n---\nBody\n", NULL },
  { "lone-cr/remove-last", "---\na: 1\rb: 2\n---\nBody\n", OP_REMOVE, "b", NULL, { NULL },
    "---\na: 1\r\n---\nBody\n", NULL },
  { "lone-cr/set", "---\na: 1\rb: 2\n---\n", OP_SET_STRING, "a", "x", { NULL },
    "---\na: x\rb: 2\n---\n", NULL },
  { "line-separator/remove", "---\na: 1\xE2\x80\xA8" "b: 2\n---\n", OP_REMOVE, "a", NULL,
    { NULL }, "---\nb: 2\n---\n", NULL },
  { "next-line/remove", "---\na: 1\xC2\x85" "b: 2\n---\n", OP_REMOVE, "a", NULL, { NULL },
    "---\nb: 2\n---\n", NULL },
  /* A "---" after a lone CR starts a second document; it must not come to
   * the start of a line, where the post's layout would end the block. */
  { "lone-cr/document-after", "---\na: 1\nb: 2\r---\n# c\n---\nBody\n", OP_REMOVE, "b", NULL,
    { NULL }, "---\na: 1\n\r---\n# c\n---\nBody\n", NULL },
  { "lone-cr/insert-after", "---\na: 1\r---\n# c\n---\nBody\n", OP_SET_STRING, "z", "two",
    { NULL }, "---\na: 1\rz: two\r---\n# c\n---\nBody\n", NULL },

  /* A second YAML document inside the block would become the front matter. */
  { "second-document/remove", "---\ntitle: x\n--- y\n---\n", OP_REMOVE, "title", NULL, { NULL },
    NULL, "second YAML document" },
  { "second-document/set", "---\ntitle: x\n--- y\n---\n", OP_SET_STRING, "title", "z", { NULL },
    "---\ntitle: z\n--- y\n---\n", NULL },

  /* A "---" inside the block with nothing after it is an empty document:
   * no keys yet, and room for them. */
  { "empty-document/insert", "---\n--- # note\n---\nBody\n", OP_SET_STRING, "title", "x",
    { NULL }, "---\n--- # note\ntitle: x\n---\nBody\n", NULL },
  { "empty-document/remove-last", "---\n# c\r---\ntitle: Mixed\n---\nBody\n", OP_REMOVE,
    "title", NULL, { NULL }, "---\n# c\r---\n---\nBody\n", NULL },
  { "empty-document/anchored", "---\n&root\ntitle: x\n---\n", OP_REMOVE, "title", NULL,
    { NULL }, "---\n&root\n---\n", NULL },
  { "empty-document/local-tag", "---\n!:\n--: 1\n---\n", OP_REMOVE, "--", NULL,
    { NULL }, "---\n!:\n---\n", NULL },
  { "empty-document/anchored-insert", "---\n&root\n---\n", OP_SET_STRING, "title", "x",
    { NULL }, "---\n&root\ntitle: x\n---\n", NULL },

  /* A key without a colon gets one. */
  { "no-colon/flow", "---\n{-}\n---\n", OP_SET_STRING, "-", "value", { NULL },
    "---\n{-: value}\n---\n", NULL },
  { "no-colon/explicit", "---\n? a\n---\n", OP_SET_STRING, "a", "value", { NULL },
    "---\n? a\n: value\n---\n", NULL },
  { "no-colon/explicit-below", "---\n?\n a\n---\n", OP_SET_STRING, "a", "value", { NULL },
    "---\n?\n a\n: value\n---\n", NULL },
  { "no-colon/explicit-below-remove", "---\n?\n a\nb: 1\n---\n", OP_REMOVE, "a", NULL,
    { NULL }, "---\nb: 1\n---\n", NULL },
  { "no-colon/complex", "---\n? [a, b]\nc: 1\n---\n", OP_SET_STRING, "[a, b]", "v", { NULL },
    "---\n? [a, b]\n: v\nc: 1\n---\n", NULL },

  /* Block lists keep their items at the list's own level. */
  { "block-list/dash-alone", "---\nk:\n-\n  a\n- b\nz: 1\n---\n", OP_SET_STRV, "k", NULL,
    { "x", "w", NULL }, "---\nk:\n- x\n- w\nz: 1\n---\n", NULL },
  { "block-list/empty-item", "---\nk:\n  - \n  - b\n---\n", OP_SET_STRV, "k", NULL,
    { "x", NULL }, "---\nk:\n  - x\n---\n", NULL },
  { "block-list/wide", "---\nk:\n  -   a\n---\n", OP_SET_STRV, "k", NULL, { "x", "w", NULL },
    "---\nk:\n  -   x\n  -   w\n---\n", NULL },

  /* Characters libyaml refuses as they are, or reads as line breaks. */
  { "escape/c1-control", "---\ntitle: x\n---\n", OP_SET_STRING, "title", "a\xC2\x87" "b",
    { NULL }, "---\ntitle: \"a\\x87b\"\n---\n", NULL },
  { "escape/non-characters", "---\ntitle: 'x'\n---\n", OP_SET_STRING, "title",
    "\xEF\xBF\xBE\xEF\xBF\xBF", { NULL }, "---\ntitle: \"\\uFFFE\\uFFFF\"\n---\n", NULL },
  { "escape/c1-in-block", "---\ns: |\n  x\n---\n", OP_SET_STRING, "s", "a\xC2\x9F\n", { NULL },
    "---\ns: \"a\\x9F\\n\"\n---\n", NULL },
  { "flow-item/colon", "---\nkeywords: [a]\n---\n", OP_SET_STRV, "keywords", NULL,
    { "a:?", "b:c", NULL }, "---\nkeywords: [\"a:?\", \"b:c\"]\n---\n", NULL },

  /* An anchor that an alias uses stays, or the edit is refused. */
  { "anchor/set", "---\ntitle: &a Hello\nalias: *a\n---\n", OP_SET_STRING, "title", "New",
    { NULL }, "---\ntitle: &a New\nalias: *a\n---\n", NULL },
  { "anchor/set-quoted", "---\ntitle: &a 'Hello'\nalias: *a\n---\n", OP_SET_STRING, "title",
    "It's", { NULL }, "---\ntitle: &a 'It''s'\nalias: *a\n---\n", NULL },
  { "anchor/set-list", "---\nk: &l [a, b]\nm: *l\n---\n", OP_SET_STRV, "k", NULL,
    { "c", NULL }, "---\nk: &l [c]\nm: *l\n---\n", NULL },
  { "anchor/set-block", "---\ns: &t |\n  text\nu: *t\n---\n", OP_SET_STRING, "s", "new\n",
    { NULL }, "---\ns: &t |\n  new\nu: *t\n---\n", NULL },
  { "anchor/tag-goes", "---\nn: !!str &a 10\nm: *a\n---\n", OP_SET_STRING, "n", "x", { NULL },
    "---\nn: &a x\nm: *a\n---\n", NULL },
  { "anchor/remove", "---\ntitle: &a Hello\nalias: *a\n---\n", OP_REMOVE, "title", NULL,
    { NULL }, NULL, "“title” holds the anchor “&a” that the alias “*a” on line 3 uses" },
  { "anchor/remove-alias", "---\ntitle: &a Hello\nalias: *a\n---\n", OP_REMOVE, "alias", NULL,
    { NULL }, "---\ntitle: &a Hello\n---\n", NULL },
  { "anchor/nested-set", "---\nparams: {x: &a 1}\ny: *a\n---\n", OP_SET_STRING, "params", "v",
    { NULL }, NULL, "The value of “params” holds the anchor “&a” that the alias “*a” on line 3" },
  { "anchor/key", "---\n&k title: x\n*k : y\n---\n", OP_REMOVE, "title", NULL, { NULL }, NULL,
    "“title” holds the anchor “&k”" },

  /* A block scalar is replaced through the end of its last line. */
  { "block/trailing-blank", "---\ns: |\n  a \n---\n", OP_SET_STRING, "s", "b", { NULL },
    "---\ns: |-\n  b\n---\n", NULL },
  { "block/trailing-blank-plain", "---\ns: >\n  a\t \nt: 1\n---\n", OP_SET_STRING, "s", "b c",
    { NULL }, "---\ns: >-\n  b c\nt: 1\n---\n", NULL },

  /* New keys: YAML limits a key without "?" to 1024 characters, and libyaml
   * counts a BOM that starts a line as a column of its indentation. */
  { "insert/bom-indent", "\xEF\xBB\xBF---\n\xEF\xBB\xBFtitle: x\n---\n", OP_SET_STRING,
    "newkey", "v", { NULL }, "\xEF\xBB\xBF---\n\xEF\xBB\xBFtitle: x\n newkey: v\n---\n", NULL },
};

static BylineFrontMatter *
parse (const char *text,
       GError    **error)
{
  BylinePostLayout layout;

  g_assert_true (byline_post_layout_parse (&layout, text, strlen (text), NULL));
  return byline_front_matter_parse (text, &layout, NULL, error);
}

static void
test_edit (gconstpointer data)
{
  const EditCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) refusal = NULL;
  g_autoptr(BylineFrontMatter) fm = parse (c->text, &error);
  g_autoptr(BylineFrontMatter) after = NULL;
  g_autoptr(BylineTextPatch) patch = NULL;
  g_autoptr(GString) edited = g_string_new (c->text);

  g_assert_no_error (error);
  switch (c->op)
    {
    case OP_SET_STRING:
      patch = byline_front_matter_set_string (fm, c->key, c->value, NULL);
      break;
    case OP_SET_STRV:
      patch = byline_front_matter_set_strv (fm, c->key, c->values, NULL);
      break;
    case OP_REMOVE:
    default:
      patch = byline_front_matter_remove (fm, c->key);
      break;
    }

  if (c->expected == NULL)
    {
      g_assert_null (patch);
      g_assert_false (byline_front_matter_can_edit (fm, c->key, c->op == OP_REMOVE, &refusal));
      g_assert_error (refusal, BYLINE_FRONT_MATTER_ERROR, BYLINE_FRONT_MATTER_ERROR_CANNOT_EDIT);
      g_test_message ("refused: %s", refusal->message);
      g_assert_nonnull (strstr (refusal->message, c->refusal));
      return;
    }

  g_assert_true (byline_front_matter_can_edit (fm, c->key, c->op == OP_REMOVE, NULL));
  g_assert_nonnull (patch);
  byline_text_patch_apply (patch, edited);
  g_assert_cmpstr (edited->str, ==, c->expected);

  after = parse (edited->str, &error);
  g_assert_no_error (error);
  if (c->op == OP_SET_STRING)
    g_assert_cmpstr (byline_front_matter_lookup (after, c->key)->value, ==, c->value);
  else if (c->op == OP_SET_STRV)
    {
      g_auto(GStrv) values = byline_front_matter_get_strv (after, c->key);

      g_assert_true (g_strv_equal ((const char * const *) values, c->values));
    }
  else
    g_assert_null (byline_front_matter_lookup (after, c->key));

  byline_test_assert_others_kept (fm, after, c->key);
}

/* A key too long for an implicit key is written after "?". */
static void
test_insert_long_key (void)
{
  const char *text = "---\ntitle: x\n---\n";
  g_autofree char *key = g_strnfill (1100, 'k');
  g_autofree char *expected = g_strdup_printf ("---\ntitle: x\n? %s\n: v\n---\n", key);
  g_autoptr(BylineFrontMatter) fm = parse (text, NULL);
  g_autoptr(BylineTextPatch) patch = byline_front_matter_set_string (fm, key, "v", NULL);
  g_autoptr(GString) edited = g_string_new (text);
  g_autoptr(BylineFrontMatter) after = NULL;

  byline_text_patch_apply (patch, edited);
  g_assert_cmpstr (edited->str, ==, expected);
  after = parse (edited->str, NULL);
  g_assert_cmpstr (byline_front_matter_get_string (after, key), ==, "v");
}

/* An alias with no anchor before it does not load in Hugo: an error. */
static void
test_undefined_alias (void)
{
  static const char * const texts[] = {
    "---\na: *b\n---\n",
    "---\na: *b\nb: &b 1\n---\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineFrontMatter) fm = parse (texts[i], &error);

      g_assert_null (fm);
      g_assert_error (error, BYLINE_FRONT_MATTER_ERROR, BYLINE_FRONT_MATTER_ERROR_SYNTAX);
      g_assert_cmpstr (error->message, ==,
                       "Line 2, column 4: the alias “*b” refers to no anchor “&b” before it; "
                       "define the anchor first or write the value itself");
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (edit_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/front-matter-edit/%s", edit_cases[i].name);

      g_test_add_data_func (path, &edit_cases[i], test_edit);
    }
  g_test_add_func ("/core/front-matter-edit/insert/long-key", test_insert_long_key);
  g_test_add_func ("/core/front-matter-edit/undefined-alias", test_undefined_alias);

  return g_test_run ();
}
