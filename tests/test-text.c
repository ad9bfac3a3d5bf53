/* test-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-text.h"

#include <string.h>

/* Offsets <-> line/column, in both directions. */
typedef struct
{
  const char *text;
  gsize offset;
  guint line;
  guint column;
} LocateCase;

static const LocateCase locate_cases[] = {
  { "", 0, 1, 1 },
  { "abc", 0, 1, 1 },
  { "abc", 2, 1, 3 },
  { "abc", 3, 1, 4 },
  { "ab\ncd", 2, 1, 3 },
  { "ab\ncd", 3, 2, 1 },
  { "ab\ncd", 5, 2, 3 },
  { "ab\n", 3, 2, 1 },
  { "\n\n\n", 2, 3, 1 },
  /* Multi-byte UTF-8: "é" is two bytes, "—" three, "😀" four, each one column. */
  { "é=x", 2, 1, 2 },
  { "é=x", 3, 1, 3 },
  { "a\n—b", 5, 2, 2 },
  { "a\n😀b", 6, 2, 2 },
  { "a\n😀b", 7, 2, 3 },
  { "ün\nÄ—😀z", 13, 2, 4 },
  /* CRLF: the '\r' ends the line, the next line starts after '\n'. */
  { "ab\r\ncd", 2, 1, 3 },
  { "ab\r\ncd", 4, 2, 1 },
  { "ab\r\ncd", 6, 2, 3 },
  { "é\r\n—\r\nx", 9, 3, 1 },
  { "é\r\n—\r\nx", 7, 2, 2 },
};

static void
test_locate (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (locate_cases); i++)
    {
      const LocateCase *c = &locate_cases[i];
      g_autoptr(BylineLineIndex) index = byline_line_index_new (c->text, strlen (c->text));
      guint line = 0, column = 0;

      g_test_message ("case %u: %s @ %" G_GSIZE_FORMAT, i, c->text, c->offset);
      byline_line_index_locate (index, c->offset, &line, &column);
      g_assert_cmpuint (line, ==, c->line);
      g_assert_cmpuint (column, ==, c->column);
      g_assert_cmpuint (byline_line_index_offset (index, c->line, c->column), ==, c->offset);
    }
}

typedef struct
{
  const char *text;
  guint line;
  guint column;
  gsize offset;
} OffsetCase;

/* Columns past the line's end are clamped to it, line break excluded. */
static const OffsetCase offset_cases[] = {
  { "abc\ndef", 1, 99, 3 },
  { "abc\ndef", 2, 99, 7 },
  { "abc\r\ndef", 1, 99, 3 },
  { "abc\r\ndef", 1, 4, 3 },
  { "é\r\n", 1, 5, 2 },
  { "abc\ndef", 3, 1, 7 },
  { "abc\ndef", 0, 2, 1 },
  { "abc\ndef", 2, 0, 4 },
  { "", 1, 1, 0 },
  { "😀😀", 1, 2, 4 },
};

static void
test_offset (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (offset_cases); i++)
    {
      const OffsetCase *c = &offset_cases[i];
      g_autoptr(BylineLineIndex) index = byline_line_index_new (c->text, strlen (c->text));

      g_test_message ("case %u", i);
      g_assert_cmpuint (byline_line_index_offset (index, c->line, c->column), ==, c->offset);
    }
}

/* Long lines of mixed-width characters, where locating counts from the
 * index's checkpoints rather than from the line's start: every offset gives
 * the line and column that counting from the line's start gives, and back. */
static void
test_long_lines (void)
{
  static const char * const pieces[] = { "a", "é", "—", "😀", "\r\n", "\n", "{{< x >}}" };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(BylineLineIndex) index = NULL;
  guint line = 1;
  guint column = 1;
  gsize p = 0;

  /* Lines of up to 3,000 characters, far longer than a checkpoint apart. */
  for (guint i = 0; text->len < 40000; i++)
    {
      guint piece = (i * 7919) % G_N_ELEMENTS (pieces);

      if (piece >= 4 && (i * 31) % 500 != 0)
        piece = i % 4;
      g_string_append (text, pieces[piece]);
    }

  index = byline_line_index_new (text->str, text->len);
  while (p <= text->len)
    {
      guint got_line = 0, got_column = 0;
      gsize next = p + 1;

      byline_line_index_locate (index, p, &got_line, &got_column);
      g_assert_cmpuint (got_line, ==, line);
      g_assert_cmpuint (got_column, ==, column);
      if (p == text->len || text->str[p] != '\n')
        g_assert_cmpuint (byline_line_index_offset (index, line, column), ==, p);

      if (p == text->len)
        break;
      if (text->str[p] == '\n')
        {
          line++;
          column = 1;
        }
      else
        {
          while (next < text->len && ((guchar) text->str[next] & 0xC0) == 0x80)
            next++;
          column++;
        }
      p = next;
    }
  g_assert_cmpuint (line, >, 10);
}

static void
test_lines (void)
{
  const char *text = "one\r\ntwo\n\nfour";
  g_autoptr(BylineLineIndex) index = byline_line_index_new (text, strlen (text));
  g_autoptr(BylineLineIndex) empty = byline_line_index_new (NULL, 0);
  BylineSpan span = { 5, 14, 0, 0, 0, 0 };
  guint line = 0, column = 0;

  g_assert_cmpuint (byline_line_index_get_n_lines (index), ==, 4);
  g_assert_cmpuint (byline_line_index_line_start (index, 1), ==, 0);
  g_assert_cmpuint (byline_line_index_line_start (index, 2), ==, 5);
  g_assert_cmpuint (byline_line_index_line_start (index, 3), ==, 9);
  g_assert_cmpuint (byline_line_index_line_start (index, 4), ==, 10);
  g_assert_cmpuint (byline_line_index_line_start (index, 5), ==, 14);
  g_assert_cmpuint (byline_line_index_line_start (index, 0), ==, 0);

  byline_line_index_fill_span (index, &span);
  g_assert_cmpuint (span.line, ==, 2);
  g_assert_cmpuint (span.column, ==, 1);
  g_assert_cmpuint (span.end_line, ==, 4);
  g_assert_cmpuint (span.end_column, ==, 5);

  /* Offsets past the end are clamped to it. */
  byline_line_index_locate (index, 1000, &line, &column);
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpuint (column, ==, 5);

  g_assert_cmpuint (byline_line_index_get_n_lines (empty), ==, 1);
  byline_line_index_locate (empty, 0, &line, &column);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, 1);
  g_assert_cmpuint (byline_line_index_offset (empty, 3, 3), ==, 0);
}

typedef struct
{
  const char *text;
  gsize offset;
  gsize length;
  const char *replacement;
  const char *expected;
} PatchCase;

static const PatchCase patch_cases[] = {
  { "title: a\n", 7, 1, "b", "title: b\n" },
  { "title: a\n", 7, 1, "\"Été\"", "title: \"Été\"\n" },
  { "a\nb\nc\n", 2, 2, "", "a\nc\n" },
  { "a\nc\n", 2, 0, "b\n", "a\nb\nc\n" },
  { "abc", 3, 0, "d", "abcd" },
  { "abc", 0, 3, "", "" },
  { "", 0, 0, "x", "x" },
  { "a\r\nb\r\n", 3, 0, "x\r\n", "a\r\nx\r\nb\r\n" },
};

static void
test_patch_apply (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (patch_cases); i++)
    {
      const PatchCase *c = &patch_cases[i];
      g_autoptr(BylineTextPatch) patch = byline_text_patch_new (c->offset, c->length,
                                                                c->replacement);
      g_autoptr(BylineTextPatch) copy = byline_text_patch_copy (patch);
      g_autoptr(GString) text = g_string_new (c->text);

      g_test_message ("case %u", i);
      g_assert_cmpuint (copy->offset, ==, c->offset);
      g_assert_cmpuint (copy->length, ==, c->length);
      g_assert_cmpstr (copy->text, ==, c->replacement);
      g_assert_true (copy->text != patch->text);
      byline_text_patch_apply (copy, text);
      g_assert_cmpstr (text->str, ==, c->expected);
    }
}

static void
test_patch_null_text (void)
{
  g_autoptr(BylineTextPatch) patch = byline_text_patch_new (1, 1, NULL);
  g_autoptr(GString) text = g_string_new ("abc");
  GValue value = G_VALUE_INIT;

  g_assert_cmpstr (patch->text, ==, "");
  byline_text_patch_apply (patch, text);
  g_assert_cmpstr (text->str, ==, "ac");

  /* The boxed type copies and frees through the functions above. */
  g_value_init (&value, BYLINE_TYPE_TEXT_PATCH);
  g_value_set_boxed (&value, patch);
  g_assert_true (g_value_get_boxed (&value) != patch);
  g_assert_cmpuint (((BylineTextPatch *) g_value_get_boxed (&value))->offset, ==, 1);
  g_value_unset (&value);
}

static void
test_patch_out_of_range (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(BylineTextPatch) patch = byline_text_patch_new (2, G_MAXSIZE, "x");
      g_autoptr(GString) text = g_string_new ("abc");

      /* offset + length wraps around: must still be refused. */
      byline_text_patch_apply (patch, text);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*byline_text_patch_apply*");
}

typedef struct
{
  const char *text;
  gssize length;
  const char *expected;
} EscapeCase;

static const EscapeCase escape_cases[] = {
  { "", -1, "" },
  { "plain text", -1, "plain text" },
  { "a & b", -1, "a &amp; b" },
  { "<script>alert('x')</script>", -1, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" },
  { "say \"hi\"", -1, "say &quot;hi&quot;" },
  { "&amp;", -1, "&amp;amp;" },
  { "Été — 😀 <b>", -1, "Été — 😀 &lt;b&gt;" },
  { "<<>>", 2, "&lt;&lt;" },
  { "a<", 1, "a" },
};

static void
test_escape (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (escape_cases); i++)
    {
      const EscapeCase *c = &escape_cases[i];
      g_autofree char *escaped = byline_html_escape (c->text, c->length);
      g_autoptr(GString) out = g_string_new ("[");

      g_test_message ("case %u", i);
      g_assert_cmpstr (escaped, ==, c->expected);

      byline_html_escape_append (out, c->text, c->length);
      g_string_append_c (out, ']');
      g_assert_true (g_str_has_prefix (out->str, "["));
      g_assert_cmpuint (out->len, ==, strlen (c->expected) + 2);
      g_assert_true (strncmp (out->str + 1, c->expected, strlen (c->expected)) == 0);
    }
}

static void
test_escape_null (void)
{
  g_autofree char *escaped = byline_html_escape (NULL, -1);
  g_autoptr(GString) out = g_string_new ("x");

  g_assert_cmpstr (escaped, ==, "");
  byline_html_escape_append (out, NULL, 5);
  g_assert_cmpstr (out->str, ==, "x");
}

typedef struct
{
  const char *text;
  gsize length;
  gboolean found;
  gsize offset;
  gboolean is_nul;
} InvalidCase;

#define T(s) s, sizeof (s) - 1

static const InvalidCase invalid_cases[] = {
  { T (""), FALSE, 0, FALSE },
  { T ("clean text\n"), FALSE, 0, FALSE },
  { T ("Été — 😀\r\n"), FALSE, 0, FALSE },
  { T ("ab\0cd"), TRUE, 2, TRUE },
  { T ("\0"), TRUE, 0, TRUE },
  { T ("ab\xFF" "cd"), TRUE, 2, FALSE },
  { T ("ab\xC3"), TRUE, 2, FALSE },             /* truncated sequence at the end */
  { T ("é\xC3(x"), TRUE, 2, FALSE },           /* bad continuation byte */
  { T ("\xC0\xAF"), TRUE, 0, FALSE },           /* overlong '/' */
  { T ("a\xED\xA0\x80"), TRUE, 1, FALSE },      /* UTF-16 surrogate */
  { T ("a\xF4\x90\x80\x80"), TRUE, 1, FALSE },  /* past U+10FFFF */
  /* Whichever comes first wins. */
  { T ("a\xFF\0"), TRUE, 1, FALSE },
  { T ("a\0\xFF"), TRUE, 1, TRUE },
  { T ("abc\0"), TRUE, 3, TRUE },
};

#undef T

static void
test_find_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      const InvalidCase *c = &invalid_cases[i];
      gsize offset = 12345;
      gboolean is_nul = 42;

      g_test_message ("case %u", i);
      g_assert_cmpint (byline_text_find_invalid (c->text, c->length, &offset, &is_nul), ==,
                       c->found);
      if (c->found)
        {
          g_assert_cmpuint (offset, ==, c->offset);
          g_assert_cmpint (is_nul, ==, c->is_nul);
        }
      else
        {
          g_assert_cmpuint (offset, ==, 12345);
          g_assert_cmpint (is_nul, ==, 42);
        }
      g_assert_cmpint (byline_text_find_invalid (c->text, c->length, NULL, NULL), ==, c->found);
    }

  /* A length shorter than the text looks only at that prefix. */
  g_assert_false (byline_text_find_invalid ("ab\xFF", 2, NULL, NULL));
  g_assert_false (byline_text_find_invalid (NULL, 0, NULL, NULL));
}

static void
test_find_bytes (void)
{
  static const char text[] = "ab{{<x\0{{<y";
  const gsize length = sizeof text - 1;

  g_assert_true (byline_text_find_bytes (text, length, "{{<", 3) == text + 2);
  g_assert_true (byline_text_find_bytes (text + 3, length - 3, "{{<", 3) == text + 7);
  /* Past a NUL byte, and never past the length. */
  g_assert_true (byline_text_find_bytes (text, length, "<y", 2) == text + 9);
  g_assert_null (byline_text_find_bytes (text, length - 1, "<y", 2));
  g_assert_null (byline_text_find_bytes (text, length, "{{{", 3));
  /* A needle longer than the text, an empty one. */
  g_assert_null (byline_text_find_bytes (text, 2, "ab{", 3));
  g_assert_null (byline_text_find_bytes (text, length, "", 0));
  g_assert_true (byline_text_find_bytes (text, 2, "ab", 2) == text);
}

static void
test_json_string (void)
{
  static const struct {
    const char *text;
    const char *json;
  } cases[] = {
    { "", "\"\"" },
    { "plain", "\"plain\"" },
    { "say \"hi\" \\ now", "\"say \\\"hi\\\" \\\\ now\"" },
    { "a\nb\r\tc", "\"a\\nb\\r\\tc\"" },
    { "\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\"" },
    { "line\xe2\x80\xa8para\xe2\x80\xa9", "\"line\\u2028para\\u2029\"" },
    { "caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d", "\"caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d\"" },
    { "bad \xff byte", "\"bad \xef\xbf\xbd byte\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new ("x");

      byline_json_string_append (out, cases[i].text);
      g_assert_cmpstr (out->str + 1, ==, cases[i].json);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/text/line-index/locate", test_locate);
  g_test_add_func ("/core/text/line-index/offset-clamped", test_offset);
  g_test_add_func ("/core/text/line-index/lines", test_lines);
  g_test_add_func ("/core/text/line-index/long-lines", test_long_lines);
  g_test_add_func ("/core/text/patch/apply", test_patch_apply);
  g_test_add_func ("/core/text/patch/null-text", test_patch_null_text);
  g_test_add_func ("/core/text/patch/out-of-range", test_patch_out_of_range);
  g_test_add_func ("/core/text/escape", test_escape);
  g_test_add_func ("/core/text/escape/null", test_escape_null);
  g_test_add_func ("/core/text/find-bytes", test_find_bytes);
  g_test_add_func ("/core/text/find-invalid", test_find_invalid);
  g_test_add_func ("/core/text/json-string", test_json_string);

  return g_test_run ();
}
