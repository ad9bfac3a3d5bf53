/* test-post-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-post-layout.h"

#include <string.h>

typedef struct
{
  const char *name;
  const char *text;
  gsize length;                 /* 0: strlen (text) */
  int error;                    /* -1: none */
  const char *message_part;     /* must occur in the error message */
  BylineFrontMatterKind kind;
  gboolean has_bom;
  gboolean crlf;
  gsize block_start;
  gsize block_end;
  gsize yaml_start;
  gsize yaml_end;
  guint yaml_first_line;
  guint closing_fence_line;
  gsize body_start;
  guint body_first_line;
} LayoutCase;

#define NONE BYLINE_FRONT_MATTER_NONE
#define YAML BYLINE_FRONT_MATTER_YAML
#define TOML BYLINE_FRONT_MATTER_TOML
#define JSON BYLINE_FRONT_MATTER_JSON
#define E(x) BYLINE_POST_LAYOUT_ERROR_##x

static const LayoutCase cases[] = {
  { "simple", "---\ntitle: A\n---\nBody\n", 0, -1, NULL,
    YAML, FALSE, FALSE, 0, 17, 4, 13, 2, 3, 17, 4 },
  { "empty-yaml", "---\n---\nBody", 0, -1, NULL,
    YAML, FALSE, FALSE, 0, 8, 4, 4, 2, 2, 8, 3 },
  { "no-body", "---\na: 1\n---\n", 0, -1, NULL,
    YAML, FALSE, FALSE, 0, 13, 4, 9, 2, 3, 13, 4 },
  { "closing-at-eof", "---\na: 1\n---", 0, -1, NULL,
    YAML, FALSE, FALSE, 0, 12, 4, 9, 2, 3, 12, 4 },
  { "trailing-blanks", "--- \na: 1\n---  \t\nx", 0, -1, NULL,
    YAML, FALSE, FALSE, 0, 17, 5, 10, 2, 3, 17, 4 },
  { "crlf", "---\r\ntitle: A\r\n---\r\nBody\r\n", 0, -1, NULL,
    YAML, FALSE, TRUE, 0, 20, 5, 15, 2, 3, 20, 4 },
  { "bom", "\xEF\xBB\xBF---\na: é\n---\nBody", 0, -1, NULL,
    YAML, TRUE, FALSE, 3, 17, 7, 13, 2, 3, 17, 4 },
  { "bom-crlf", "\xEF\xBB\xBF---\r\na: 1\r\n---\r\n", 0, -1, NULL,
    YAML, TRUE, TRUE, 3, 19, 8, 14, 2, 3, 19, 4 },
  { "no-front-matter", "# Title\n\n---\ntext\n", 0, -1, NULL,
    NONE, FALSE, FALSE, 0, 0, 0, 0, 1, 0, 0, 1 },
  { "no-front-matter-bom", "\xEF\xBB\xBFHello\r\n", 0, -1, NULL,
    NONE, TRUE, TRUE, 3, 3, 3, 3, 1, 0, 3, 1 },
  { "empty", "", 0, -1, NULL,
    NONE, FALSE, FALSE, 0, 0, 0, 0, 1, 0, 0, 1 },
  { "dashes-not-alone", "----\na: 1\n----\n", 0, -1, NULL,
    NONE, FALSE, FALSE, 0, 0, 0, 0, 1, 0, 0, 1 },
  { "leading-space", " ---\na: 1\n---\n", 0, -1, NULL,
    NONE, FALSE, FALSE, 0, 0, 0, 0, 1, 0, 0, 1 },
  /* The first fence that is alone on its line closes the block; "--- x",
   * "...", and indented fences do not. */
  { "not-closers", "---\na: |\n  --- x\n ---\n...\n---\nb\n", 0, -1, NULL,
    YAML, FALSE, FALSE, 0, 30, 4, 26, 2, 6, 30, 7 },
  { "closing-crlf-in-lf", "---\na: 1\n---\r\nb", 0, -1, NULL,
    YAML, FALSE, FALSE, 0, 14, 4, 9, 2, 3, 14, 4 },
  { "unterminated", "---\ntitle: A\n\nBody\n", 0, E (UNTERMINATED), "line 1",
    YAML, FALSE, FALSE, 0, 0, 0, 0, 1, 0, 0, 1 },
  { "unterminated-fence-only", "---", 0, E (UNTERMINATED), "line 1",
    YAML, FALSE, FALSE, 0, 0, 0, 0, 1, 0, 0, 1 },
  { "unterminated-bom", "\xEF\xBB\xBF---\na: 1\n", 0, E (UNTERMINATED), "line 1",
    YAML, TRUE, FALSE, 3, 3, 3, 3, 1, 0, 3, 1 },
  /* TOML is read like YAML, between "+++" fences (Hugo's
   * parser/pageparser/pagelexer_intro.go). */
  { "toml", "+++\ntitle = \"A\"\n+++\nBody\n", 0, -1, NULL,
    TOML, FALSE, FALSE, 0, 20, 4, 16, 2, 3, 20, 4 },
  { "toml-unterminated", "+++\ntitle = 1\n", 0, E (UNTERMINATED), "line 1",
    TOML, FALSE, FALSE, 0, 0, 0, 0, 1, 0, 0, 1 },
  /* A TOML block is not closed by "---". */
  { "toml-yaml-fence", "+++\na = 1\n---\n+++\n", 0, -1, NULL,
    TOML, FALSE, FALSE, 0, 18, 4, 14, 2, 4, 18, 5 },
  /* JSON: a "{" starts the object, which ends at its matching brace; a
   * brace inside a string does not count. */
  { "json", "{\n  \"title\": \"A\"\n}\nBody\n", 0, -1, NULL,
    JSON, FALSE, FALSE, 0, 19, 0, 18, 1, 3, 19, 4 },
  { "json-one-line", "{\"a\": \"}\"} \r\nBody", 0, -1, NULL,
    JSON, FALSE, TRUE, 0, 13, 0, 10, 1, 1, 13, 2 },
  { "json-bom", "\xEF\xBB\xBF{}", 0, -1, NULL,
    JSON, TRUE, FALSE, 3, 5, 3, 5, 1, 1, 5, 1 },
  /* A shortcode call is never a JSON object. */
  { "shortcode-first", "{{< x >}}\n", 0, -1, NULL,
    NONE, FALSE, FALSE, 0, 0, 0, 0, 1, 0, 0, 1 },
  { "json-unterminated", "{\"a\": 1\nBody\n", 0, E (UNTERMINATED), "line 1",
    JSON, FALSE, FALSE, 0, 0, 0, 0, 1, 0, 0, 1 },
  { "invalid-utf8", "---\na: 1\n---\nok\nbad \xFF here\n", 0, E (INVALID_UTF8), "Line 5",
    YAML, FALSE, FALSE, 0, 13, 4, 9, 2, 3, 13, 4 },
  { "invalid-utf8-in-yaml", "---\ntitle: \xC3(\n---\n", 0, E (INVALID_UTF8), "Line 2",
    YAML, FALSE, FALSE, 0, 18, 4, 14, 2, 3, 18, 4 },
  { "nul", "---\na: 1\n---\nab\0cd\n", 19, E (BINARY), "Line 4",
    YAML, FALSE, FALSE, 0, 13, 4, 9, 2, 3, 13, 4 },
  { "nul-first-line", "\0\0\0", 3, E (BINARY), "Line 1",
    NONE, FALSE, FALSE, 0, 0, 0, 0, 1, 0, 0, 1 },
  /* Invalid bytes win over a missing closing fence. */
  { "invalid-unterminated", "---\n\xFE\n", 0, E (INVALID_UTF8), "Line 2",
    YAML, FALSE, FALSE, 0, 0, 0, 0, 1, 0, 0, 1 },
};

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const LayoutCase *c = &cases[i];
      gsize length = c->length != 0 ? c->length : strlen (c->text);
      BylinePostLayout layout;
      g_autoptr(GError) error = NULL;
      gboolean ok;

      g_test_message ("case %s", c->name);
      memset (&layout, 0xAA, sizeof layout);
      ok = byline_post_layout_parse (&layout, c->text, length, &error);

      if (c->error < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_error (error, BYLINE_POST_LAYOUT_ERROR, c->error);
          g_assert_false (ok);
          g_assert_nonnull (strstr (error->message, c->message_part));
        }

      g_assert_cmpint (layout.kind, ==, c->kind);
      g_assert_cmpint (layout.has_bom, ==, c->has_bom);
      g_assert_cmpint (layout.crlf, ==, c->crlf);
      g_assert_cmpuint (layout.block_start, ==, c->block_start);
      g_assert_cmpuint (layout.block_end, ==, c->block_end);
      g_assert_cmpuint (layout.yaml_start, ==, c->yaml_start);
      g_assert_cmpuint (layout.yaml_end, ==, c->yaml_end);
      g_assert_cmpuint (layout.yaml_first_line, ==, c->yaml_first_line);
      g_assert_cmpuint (layout.closing_fence_line, ==, c->closing_fence_line);
      g_assert_cmpuint (layout.body_start, ==, c->body_start);
      g_assert_cmpuint (layout.body_first_line, ==, c->body_first_line);
      g_assert_cmpuint (layout.length, ==, length);
    }
}

/* The YAML slice is exactly the lines between the fences. */
static void
test_slices (void)
{
  const char *text = "---\r\ntitle: \"Été\"\r\nkeywords: [a,b]\r\n---\r\n\r\nBody text\r\n";
  BylinePostLayout layout;
  g_autoptr(GError) error = NULL;
  g_autofree char *yaml = NULL;
  g_autofree char *block = NULL;

  g_assert_true (byline_post_layout_parse (&layout, text, strlen (text), &error));
  g_assert_no_error (error);
  yaml = g_strndup (text + layout.yaml_start, layout.yaml_end - layout.yaml_start);
  block = g_strndup (text + layout.block_start, layout.block_end - layout.block_start);
  g_assert_cmpstr (yaml, ==, "title: \"Été\"\r\nkeywords: [a,b]\r\n");
  g_assert_cmpstr (block, ==, "---\r\ntitle: \"Été\"\r\nkeywords: [a,b]\r\n---\r\n");
  g_assert_cmpstr (text + layout.body_start, ==, "\r\nBody text\r\n");
  g_assert_cmpuint (layout.body_first_line, ==, 5);
}

/* A long run of lines without a closing fence stays linear and reports
 * the opening line. */
static void
test_large_unterminated (void)
{
  g_autoptr(GString) text = g_string_new ("---\n");
  BylinePostLayout layout;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append (text, "key: value\n");

  g_assert_false (byline_post_layout_parse (&layout, text->str, text->len, &error));
  g_assert_error (error, BYLINE_POST_LAYOUT_ERROR, BYLINE_POST_LAYOUT_ERROR_UNTERMINATED);
  g_assert_cmpuint (layout.body_start, ==, 0);
  g_assert_cmpuint (layout.length, ==, text->len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/post-layout/cases", test_cases);
  g_test_add_func ("/core/post-layout/slices", test_slices);
  g_test_add_func ("/core/post-layout/large-unterminated", test_large_unterminated);

  return g_test_run ();
}
