/* test-table-limit.c — tables too large for cmark-gfm are shown as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-linter.h"
#include "byline-renderer.h"
#include "byline-table-limit.h"

#include <string.h>

#define HEAD \
  "---\n" \
  "title: \"A post\"\n" \
  "description: \"What it is about.\"\n" \
  "publishdate: 2023-01-02\n" \
  "attribution: \"A. Writer\"\n" \
  "keywords: [istio, mesh]\n" \
  "---\n" \
  "\n"

/* The post of the issue: a header of @columns cells, its delimiter row,
 * then @rows lines of one cell each, @prefix before every line. */
static GString *
make_table (const char *head,
            const char *prefix,
            guint       columns,
            guint       rows)
{
  GString *text = g_string_new (head);

  g_string_append (text, prefix);
  for (guint i = 0; i < columns; i++)
    g_string_append (text, "| x ");
  g_string_append (text, "|\n");
  g_string_append (text, prefix);
  for (guint i = 0; i < columns; i++)
    g_string_append (text, "|---");
  g_string_append (text, "|\n");
  for (guint i = 0; i < rows; i++)
    {
      g_string_append (text, prefix);
      g_string_append (text, "a\n");
    }
  return text;
}

static void
test_bomb (void)
{
  g_autoptr(GString) text = make_table ("", "", 2000, 2000);
  g_autoptr(GString) original = g_string_new_len (text->str, text->len);
  g_autoptr(GArray) large = byline_table_limit_apply (text->str, text->len);
  const BylineLargeTable *table;
  gsize delimiter = strchr (original->str, '\n') - original->str + 1;

  g_assert_nonnull (large);
  g_assert_cmpuint (large->len, ==, 1);
  table = &g_array_index (large, BylineLargeTable, 0);
  g_assert_cmpuint (table->offset, ==, delimiter);
  g_assert_cmpuint (table->columns, ==, 2000);
  g_assert_cmpuint (table->rows, ==, 2001);

  /* One byte changes: the delimiter row's first dash. */
  g_assert_cmpuint (text->len, ==, original->len);
  g_assert_cmpint (text->str[delimiter + 1], ==, '\\');
  text->str[delimiter + 1] = '-';
  g_assert_cmpmem (text->str, text->len, original->str, original->len);
}

/* Tables within the limit stay tables: a wide one and a long one. */
static void
test_within_limit (void)
{
  static const guint sizes[][2] = { { 100, 999 }, { 3, 100000 }, { 3162, 0 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GString) text = make_table ("", "", sizes[i][0], sizes[i][1]);
      g_autofree char *original = g_strdup (text->str);
      g_autoptr(GArray) large = byline_table_limit_apply (text->str, text->len);

      g_test_message ("%u × %u", sizes[i][0], sizes[i][1]);
      g_assert_null (large);
      g_assert_cmpstr (text->str, ==, original);
    }
}

/* Rows run to the blank line; a table in a quote or a list counts as well;
 * a delimiter row whose header has another number of cells is no table. */
static void
test_shapes (void)
{
  g_autoptr(GString) quoted = make_table ("", "> ", 400, 100);
  g_autoptr(GString) listed = make_table ("- item\n\n", "  ", 400, 100);
  g_autoptr(GString) short_rows = make_table ("", "", 400, 50);
  g_autoptr(GString) mismatch = make_table ("| extra ", "", 400, 100);
  g_autoptr(GArray) large = NULL;

  large = byline_table_limit_apply (quoted->str, quoted->len);
  g_assert_nonnull (large);
  g_assert_cmpuint (g_array_index (large, BylineLargeTable, 0).rows, ==, 101);
  g_clear_pointer (&large, g_array_unref);

  large = byline_table_limit_apply (listed->str, listed->len);
  g_assert_nonnull (large);
  g_assert_cmpuint (g_array_index (large, BylineLargeTable, 0).columns, ==, 400);
  g_clear_pointer (&large, g_array_unref);

  /* 400 × 400 × 51 rows is within the limit: a blank line ends them. */
  g_string_append (short_rows, "\n");
  for (guint i = 0; i < 50; i++)
    g_string_append (short_rows, "a\n");
  large = byline_table_limit_apply (short_rows->str, short_rows->len);
  g_assert_null (large);

  large = byline_table_limit_apply (mismatch->str, mismatch->len);
  g_assert_null (large);
}

/* Through the renderer and the linter, the bomb of the issue renders as a
 * paragraph at once, and the linter says why. */
static void
test_render_and_check (void)
{
  g_autoptr(GString) text = make_table (HEAD, "", 2000, 2000);
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(BylineRenderer) renderer = byline_renderer_new (profile, NULL);
  g_autoptr(BylineLinter) linter = byline_linter_new (profile, NULL, NULL);
  g_autoptr(BylinePost) post = byline_post_new (text->str, text->len);
  g_autoptr(BylineRendering) rendering = byline_renderer_render (renderer, post);
  g_autofree char *html = byline_rendering_get_html (rendering);
  g_autoptr(GPtrArray) diagnostics = byline_linter_check (linter, post);
  const BylineDiagnostic *found = NULL;

  g_assert_null (strstr (html, "<table"));
  g_assert_true (g_str_has_prefix (html, "<p data-sourcepos=\"9:1-2010:1\">| x | x |"));
  g_assert_nonnull (strstr (html, " |\n|--|"));

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const BylineDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (strcmp (d->rule_id, "markdown/large-table") == 0)
        {
          g_assert_null (found);
          found = d;
        }
    }
  g_assert_nonnull (found);
  g_assert_cmpint (found->severity, ==, BYLINE_SEVERITY_WARNING);
  g_assert_cmpuint (found->span.line, ==, 10);
  g_assert_cmpuint (found->span.column, ==, 1);
  g_assert_cmpuint (found->span.end_line, ==, 10);
  g_assert_cmpuint (found->span.end_column, ==, 8002);
  g_assert_cmpstr (found->message, ==,
                   "This table of 2000 columns and 2001 rows is too large to lay out safely: "
                   "the preview shows it as text. Split it into smaller tables");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/table-limit/bomb", test_bomb);
  g_test_add_func ("/core/table-limit/within-limit", test_within_limit);
  g_test_add_func ("/core/table-limit/shapes", test_shapes);
  g_test_add_func ("/core/table-limit/render-and-check", test_render_and_check);

  return g_test_run ();
}
