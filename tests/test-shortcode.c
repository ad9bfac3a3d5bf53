/* test-shortcode.c — the shortcode tokenizer and its pairing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-shortcode.h"

#include <string.h>

static const char *kind_names[] = { "OPEN", "CLOSE", "SELF", "ESCAPED" };
static const char *problem_names[] = {
  "UNTERMINATED", "STRAY_CLOSE", "BAD_QUOTING", "MISMATCHED", "NO_NAME", "MIXED_PARAMS",
  "BAD_PARAM",
};

static void
append_span (GString          *out,
             const BylineSpan *span)
{
  g_string_append_printf (out, "%u:%u-%u:%u", span->line, span->column,
                          span->end_line, span->end_column);
}

/* One line per call and per problem, with every field, so that a table row
 * states the whole result of a scan. */
static char *
dump (const BylineShortcodeList *list)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < list->calls->len; i++)
    {
      const BylineShortcode *call = g_ptr_array_index (list->calls, i);

      g_string_append_printf (out, "%s%c %s ", kind_names[call->kind],
                              call->delim == BYLINE_SHORTCODE_ANGLE ? '<' : '%', call->name);
      append_span (out, &call->span);
      g_string_append (out, " n=");
      append_span (out, &call->name_span);
      g_string_append_printf (out, " pair=%d parent=%d", call->pair, call->parent);
      if (call->inner.end > 0)
        {
          g_string_append (out, " inner=");
          append_span (out, &call->inner);
        }
      for (guint j = 0; j < call->params->len; j++)
        {
          const BylineShortcodeParam *param = g_ptr_array_index (call->params, j);
          const char *quote = param->quote == BYLINE_PARAM_DOUBLE_QUOTED ? "\""
                            : param->quote == BYLINE_PARAM_RAW ? "`" : "";

          g_string_append_printf (out, " %s=%s%s%s@", param->name ? param->name : "_",
                                  quote, param->value, quote);
          append_span (out, &param->span);
          g_string_append_c (out, '/');
          append_span (out, &param->value_span);
        }
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < list->problems->len; i++)
    {
      const BylineShortcodeProblem *problem = g_ptr_array_index (list->problems, i);

      g_assert_nonnull (problem->message);
      g_assert_cmpstr (problem->message, !=, "");
      g_string_append_printf (out, "!%s ", problem_names[problem->kind]);
      append_span (out, &problem->span);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

static BylineShortcodeList *
scan_all (const char       *text,
          BylineLineIndex **lines)
{
  gsize length = strlen (text);

  *lines = byline_line_index_new (text, length);
  return byline_shortcode_scan (text, 0, length, *lines);
}

typedef struct
{
  const char *path;
  const char *input;
  const char *expected;
} ScanCase;

static const ScanCase scan_cases[] = {
  { "/core/shortcode/scan/standalone-named",
    "A {{< image link=\"./x.png\" caption=\"A \\\"b\\\" \\\\c\" >}} z",
    "OPEN< image 1:3-1:53 n=1:7-1:12 pair=-1 parent=-1"
    " link=\"./x.png\"@1:13-1:27/1:18-1:27 caption=\"A \"b\" \\c\"@1:28-1:49/1:36-1:49\n" },
  { "/core/shortcode/scan/multi-line",
    "Intro\n\n{{< image width=\"75%\"\n    link=\"./x.jpg\"\n    caption=\"Istio\"\n    >}}\n",
    "OPEN< image 3:1-6:8 n=3:5-3:10 pair=-1 parent=-1 width=\"75%\"@3:11-3:22/3:17-3:22"
    " link=\"./x.jpg\"@4:5-4:19/4:10-4:19 caption=\"Istio\"@5:5-5:20/5:13-5:20\n" },
  { "/core/shortcode/scan/crlf",
    "{{< image width=\"5%\"\r\n  caption=\"c\"\r\n  >}}\r\n",
    "OPEN< image 1:1-3:6 n=1:5-1:10 pair=-1 parent=-1 width=\"5%\"@1:11-1:21/1:17-1:21"
    " caption=\"c\"@2:3-2:14/2:11-2:14\n" },
  { "/core/shortcode/scan/positional-before-delimiter",
    "{{< text bash yaml>}}\n$ kubectl\n{{< /text >}}\n",
    "OPEN< text 1:1-1:22 n=1:5-1:9 pair=1 parent=-1 inner=1:22-3:1"
    " _=bash@1:10-1:14/1:10-1:14 _=yaml@1:15-1:19/1:15-1:19\n"
    "CLOSE< text 3:1-3:14 n=3:6-3:10 pair=0 parent=-1 inner=1:22-3:1\n" },
  { "/core/shortcode/scan/no-space",
    "the {{<gloss>}}Envoy{{</gloss>}} proxies",
    "OPEN< gloss 1:5-1:16 n=1:8-1:13 pair=1 parent=-1 inner=1:16-1:21\n"
    "CLOSE< gloss 1:21-1:33 n=1:25-1:30 pair=0 parent=-1 inner=1:16-1:21\n" },
  { "/core/shortcode/scan/space-after-slash",
    "{{< text bash >}}\nx\n{{< / text >}}",
    "OPEN< text 1:1-1:18 n=1:5-1:9 pair=1 parent=-1 inner=1:18-3:1 _=bash@1:10-1:14/1:10-1:14\n"
    "CLOSE< text 3:1-3:15 n=3:7-3:11 pair=0 parent=-1 inner=1:18-3:1\n" },
  { "/core/shortcode/scan/percent",
    "{{% tip %}}**bold**{{% /tip %}}",
    "OPEN% tip 1:1-1:12 n=1:5-1:8 pair=1 parent=-1 inner=1:12-1:20\n"
    "CLOSE% tip 1:20-1:32 n=1:25-1:28 pair=0 parent=-1 inner=1:12-1:20\n" },
  { "/core/shortcode/scan/self-closing",
    "{{< x a=\"1\" />}}{{< y/>}}",
    "SELF< x 1:1-1:17 n=1:5-1:6 pair=-1 parent=-1 a=\"1\"@1:7-1:12/1:9-1:12\n"
    "SELF< y 1:17-1:26 n=1:21-1:22 pair=-1 parent=-1\n" },
  { "/core/shortcode/scan/escaped",
    "Write {{</* image link=\"a\" */>}} or {{%/* /tip */%}}.",
    "ESCAPED< image 1:7-1:33 n=1:13-1:18 pair=-1 parent=-1 inner=1:12-1:28\n"
    "ESCAPED% tip 1:37-1:53 n=1:44-1:47 pair=-1 parent=-1 inner=1:42-1:48\n" },
  { "/core/shortcode/scan/escaped-hides-calls",
    "{{</* x {{< y >}} */>}}",
    "ESCAPED< x 1:1-1:24 n=1:7-1:8 pair=-1 parent=-1 inner=1:6-1:19\n" },
  { "/core/shortcode/scan/raw-multi-line",
    "{{< x a=`l1 \"q\"\nl2\\n` b=c >}}",
    "OPEN< x 1:1-2:14 n=1:5-1:6 pair=-1 parent=-1 a=`l1 \"q\"\nl2\\n`@1:7-2:6/1:9-2:6"
    " b=c@2:7-2:10/2:9-2:10\n" },
  { "/core/shortcode/scan/bare-named",
    "{{< x a=b c=./d.png e=f>}}",
    "OPEN< x 1:1-1:27 n=1:5-1:6 pair=-1 parent=-1 a=b@1:7-1:10/1:9-1:10"
    " c=./d.png@1:11-1:20/1:13-1:20 e=f@1:21-1:24/1:23-1:24\n" },
  { "/core/shortcode/scan/spaces-around-equals",
    "{{< x a = \"b\" >}}",
    "OPEN< x 1:1-1:18 n=1:5-1:6 pair=-1 parent=-1 a=\"b\"@1:7-1:14/1:11-1:14\n" },
  { "/core/shortcode/scan/positional-quoted",
    "{{< github_file \"a b\" `c` >}}",
    "OPEN< github_file 1:1-1:30 n=1:5-1:16 pair=-1 parent=-1 _=\"a b\"@1:17-1:22/1:17-1:22"
    " _=`c`@1:23-1:26/1:23-1:26\n" },
  { "/core/shortcode/scan/columns-count-characters",
    "é€ {{< x a=\"ü\" >}}",
    "OPEN< x 1:4-1:19 n=1:8-1:9 pair=-1 parent=-1 a=\"ü\"@1:10-1:15/1:12-1:15\n" },
  { "/core/shortcode/scan/extra-brace",
    "{{{< x >}}",
    "OPEN< x 1:2-1:11 n=1:6-1:7 pair=-1 parent=-1\n" },
  { "/core/shortcode/scan/not-calls",
    "{{ .Values }} {{- x -}} {< y >} {{",
    "" },
  { "/core/shortcode/pair/nested",
    "{{< tabset >}}\n{{< tab name=\"a\" >}}\nA {{< image x=\"1\" >}}\n"
    "{{< /tab >}}\n{{< /tabset >}}",
    "OPEN< tabset 1:1-1:15 n=1:5-1:11 pair=4 parent=-1 inner=1:15-5:1\n"
    "OPEN< tab 2:1-2:21 n=2:5-2:8 pair=3 parent=0 inner=2:21-4:1 name=\"a\"@2:9-2:17/2:14-2:17\n"
    "OPEN< image 3:3-3:22 n=3:7-3:12 pair=-1 parent=1 x=\"1\"@3:13-3:18/3:15-3:18\n"
    "CLOSE< tab 4:1-4:13 n=4:6-4:9 pair=1 parent=0 inner=2:21-4:1\n"
    "CLOSE< tabset 5:1-5:16 n=5:6-5:12 pair=0 parent=-1 inner=1:15-5:1\n" },
  { "/core/shortcode/pair/pops-to-name",
    "{{< a >}}{{< b >}}{{< /a >}}{{< b >}}",
    "OPEN< a 1:1-1:10 n=1:5-1:6 pair=2 parent=-1 inner=1:10-1:19\n"
    "OPEN< b 1:10-1:19 n=1:14-1:15 pair=-1 parent=0\n"
    "CLOSE< a 1:19-1:29 n=1:24-1:25 pair=0 parent=-1 inner=1:10-1:19\n"
    "OPEN< b 1:29-1:38 n=1:33-1:34 pair=-1 parent=-1\n" },
  { "/core/shortcode/pair/same-name-nested",
    "{{< q >}}{{< q >}}{{< /q >}}{{< /q >}}",
    "OPEN< q 1:1-1:10 n=1:5-1:6 pair=3 parent=-1 inner=1:10-1:29\n"
    "OPEN< q 1:10-1:19 n=1:14-1:15 pair=2 parent=0 inner=1:19-1:19\n"
    "CLOSE< q 1:19-1:29 n=1:24-1:25 pair=1 parent=0 inner=1:19-1:19\n"
    "CLOSE< q 1:29-1:39 n=1:34-1:35 pair=0 parent=-1 inner=1:10-1:29\n" },
  { "/core/shortcode/problem/stray-close",
    "{{< a >}}\n{{< /b >}}",
    "OPEN< a 1:1-1:10 n=1:5-1:6 pair=-1 parent=-1\n"
    "CLOSE< b 2:1-2:11 n=2:6-2:7 pair=-1 parent=-1\n"
    "!STRAY_CLOSE 2:1-2:11\n" },
  { "/core/shortcode/problem/mismatched-pair",
    "{{< x >}}y\n{{% /x %}}",
    "OPEN< x 1:1-1:10 n=1:5-1:6 pair=1 parent=-1 inner=1:10-2:1\n"
    "CLOSE% x 2:1-2:11 n=2:6-2:7 pair=0 parent=-1 inner=1:10-2:1\n"
    "!MISMATCHED 2:1-2:11\n" },
  { "/core/shortcode/problem/mismatched-call",
    "{{< x a=\"1\" %}}",
    "OPEN< x 1:1-1:16 n=1:5-1:6 pair=-1 parent=-1 a=\"1\"@1:7-1:12/1:9-1:12\n"
    "!MISMATCHED 1:1-1:16\n" },
  { "/core/shortcode/problem/unterminated-stops-at-next-call",
    "{{< image link=\"x\"\n\nText {{< tip >}}",
    "OPEN< tip 3:6-3:17 n=3:10-3:13 pair=-1 parent=-1\n"
    "!UNTERMINATED 1:1-1:10\n" },
  { "/core/shortcode/problem/unterminated-at-end",
    "x {{<",
    "!UNTERMINATED 1:3-1:6\n" },
  { "/core/shortcode/problem/unclosed-quote",
    "{{< x a=\"b >}}\n{{< y >}}",
    "OPEN< y 2:1-2:10 n=2:5-2:6 pair=-1 parent=-1\n"
    "!BAD_QUOTING 1:9-1:15\n" },
  { "/core/shortcode/problem/unclosed-backtick",
    "{{< x a=`b >}} {{< y >}}",
    "OPEN< y 1:16-1:25 n=1:20-1:21 pair=-1 parent=-1\n"
    "!BAD_QUOTING 1:9-1:10\n" },
  { "/core/shortcode/problem/no-name",
    "{{< >}} {{< \"x\" >}} {{% %}}",
    "!NO_NAME 1:1-1:8\n"
    "!NO_NAME 1:9-1:20\n"
    "!NO_NAME 1:21-1:28\n" },
  { "/core/shortcode/problem/mixed-named-first",
    "{{< x a=\"1\" \"2\" b=3 >}}",
    "OPEN< x 1:1-1:24 n=1:5-1:6 pair=-1 parent=-1 a=\"1\"@1:7-1:12/1:9-1:12"
    " _=\"2\"@1:13-1:16/1:13-1:16 b=3@1:17-1:20/1:19-1:20\n"
    "!MIXED_PARAMS 1:13-1:16\n" },
  { "/core/shortcode/problem/mixed-positional-first",
    "{{< x 1 a=\"2\" >}}",
    "OPEN< x 1:1-1:18 n=1:5-1:6 pair=-1 parent=-1 _=1@1:7-1:8/1:7-1:8"
    " a=\"2\"@1:9-1:14/1:11-1:14\n"
    "!MIXED_PARAMS 1:9-1:14\n" },
  { "/core/shortcode/problem/value-without-name",
    "{{< x =\"1\" >}}",
    "OPEN< x 1:1-1:15 n=1:5-1:6 pair=-1 parent=-1\n"
    "!BAD_PARAM 1:7-1:11\n" },
  { "/core/shortcode/problem/close-with-params",
    "{{< x >}}{{< /x a >}}",
    "OPEN< x 1:1-1:10 n=1:5-1:6 pair=1 parent=-1 inner=1:10-1:10\n"
    "CLOSE< x 1:10-1:22 n=1:15-1:16 pair=0 parent=-1 inner=1:10-1:10 _=a@1:17-1:18/1:17-1:18\n"
    "!BAD_PARAM 1:17-1:19\n" },
  { "/core/shortcode/problem/unterminated-escape",
    "{{</* x >}} {{< y >}}",
    "OPEN< y 1:13-1:22 n=1:17-1:18 pair=-1 parent=-1\n"
    "!UNTERMINATED 1:1-1:6\n" },
  { "/core/shortcode/problem/invalid-utf8",
    "{{< x a=\"\xff\" >}}",
    "OPEN< x 1:1-1:16 n=1:5-1:6 pair=-1 parent=-1 a=\"\xef\xbf\xbd\"@1:7-1:12/1:9-1:12\n" },
};

static void
test_scan_case (gconstpointer data)
{
  const ScanCase *c = data;
  g_autoptr(BylineLineIndex) lines = NULL;
  g_autoptr(BylineShortcodeList) list = scan_all (c->input, &lines);
  g_autofree char *result = dump (list);

  g_assert_cmpstr (result, ==, c->expected);
}

static void
test_scan_offsets (void)
{
  /* Only [start, end) is scanned, and spans stay in whole-text offsets. */
  const char *text = "{{< skip >}}\nab {{< x k=\"v\" >}} {{< later >}}";
  gsize start = strlen ("{{< skip >}}\n");
  gsize end = strlen ("{{< skip >}}\nab {{< x k=\"v\" >}}");
  g_autoptr(BylineLineIndex) lines = byline_line_index_new (text, strlen (text));
  g_autoptr(BylineShortcodeList) list = byline_shortcode_scan (text, start, end, lines);
  const BylineShortcode *call;
  const BylineShortcodeParam *param;

  g_assert_cmpuint (list->calls->len, ==, 1);
  g_assert_cmpuint (list->problems->len, ==, 0);
  call = g_ptr_array_index (list->calls, 0);
  g_assert_cmpstr (call->name, ==, "x");
  g_assert_cmpuint (call->span.start, ==, 16);
  g_assert_cmpuint (call->span.end, ==, 31);
  g_assert_cmpuint (call->name_span.start, ==, 20);
  g_assert_cmpuint (call->name_span.end, ==, 21);
  param = g_ptr_array_index (call->params, 0);
  g_assert_cmpuint (param->span.start, ==, 22);
  g_assert_cmpuint (param->span.end, ==, 27);
  g_assert_cmpuint (param->value_span.start, ==, 24);
  g_assert_cmpuint (param->value_span.end, ==, 27);
  g_assert_cmpuint (call->span.line, ==, 2);
  g_assert_cmpuint (call->span.column, ==, 4);

  /* A call cut by the end of the range is unterminated. */
  {
    g_autoptr(BylineShortcodeList) cut = byline_shortcode_scan (text, start, end - 2, lines);
    const BylineShortcodeProblem *problem;

    g_assert_cmpuint (cut->calls->len, ==, 0);
    g_assert_cmpuint (cut->problems->len, ==, 1);
    problem = g_ptr_array_index (cut->problems, 0);
    g_assert_cmpint (problem->kind, ==, BYLINE_SHORTCODE_PROBLEM_UNTERMINATED);
    g_assert_cmpuint (problem->span.start, ==, 16);
  }
}

static void
test_scan_no_line_index (void)
{
  g_autoptr(BylineShortcodeList) list = byline_shortcode_scan ("a\n{{< b >}}", 0, 11, NULL);
  const BylineShortcode *call;

  g_assert_cmpuint (list->calls->len, ==, 1);
  call = g_ptr_array_index (list->calls, 0);
  g_assert_cmpuint (call->span.line, ==, 2);
  g_assert_cmpuint (call->span.column, ==, 1);
  g_assert_cmpuint (call->span.end_column, ==, 10);
}

static void
test_scan_nul_bytes (void)
{
  static const char text[] = "{{< a\0b >}}\0{{< c >}}";
  g_autoptr(BylineLineIndex) lines = byline_line_index_new (text, sizeof text - 1);
  g_autoptr(BylineShortcodeList) list = byline_shortcode_scan (text, 0, sizeof text - 1, lines);
  const BylineShortcode *a;
  const BylineShortcodeParam *param;

  /* A NUL byte ends nothing: the bare value spans it, and the next call is
   * found past the NUL between the calls. */
  g_assert_cmpuint (list->calls->len, ==, 2);
  g_assert_cmpuint (list->problems->len, ==, 0);
  a = g_ptr_array_index (list->calls, 0);
  param = g_ptr_array_index (a->params, 0);
  g_assert_cmpuint (param->value_span.start, ==, 5);
  g_assert_cmpuint (param->value_span.end, ==, 7);
  g_assert_cmpstr (param->value, ==, "\xef\xbf\xbd" "b");
  g_assert_cmpstr (((BylineShortcode *) g_ptr_array_index (list->calls, 1))->name, ==, "c");
  g_assert_cmpuint (((BylineShortcode *) g_ptr_array_index (list->calls, 1))->span.start, ==, 12);
}

static void
test_params_lookup (void)
{
  const char *text = "{{< x \"one\" two >}}{{< y a=\"1\" b=`2` >}}";
  g_autoptr(BylineShortcodeList) list = byline_shortcode_scan (text, 0, strlen (text), NULL);
  const BylineShortcode *x = g_ptr_array_index (list->calls, 0);
  const BylineShortcode *y = g_ptr_array_index (list->calls, 1);

  g_assert_cmpstr (byline_shortcode_get_nth (x, 0)->value, ==, "one");
  g_assert_cmpstr (byline_shortcode_get_nth (x, 1)->value, ==, "two");
  g_assert_null (byline_shortcode_get_nth (x, 2));
  g_assert_null (byline_shortcode_get_param (x, "one"));
  g_assert_cmpstr (byline_shortcode_get_param (y, "b")->value, ==, "2");
  g_assert_cmpint (byline_shortcode_get_param (y, "b")->quote, ==, BYLINE_PARAM_RAW);
  g_assert_cmpstr (byline_shortcode_get_param (y, "a")->value, ==, "1");
  g_assert_null (byline_shortcode_get_param (y, "c"));
  g_assert_null (byline_shortcode_get_nth (y, 0));
}

static void
test_problem_message (void)
{
  const char *text = "x\n{{< image link=\"a\"\ntext";
  g_autoptr(BylineShortcodeList) list = byline_shortcode_scan (text, 0, strlen (text), NULL);
  const BylineShortcodeProblem *problem = g_ptr_array_index (list->problems, 0);

  g_assert_cmpstr (problem->message, ==,
                   "The shortcode “image” on line 2 is not terminated: end the call with >}}");
}

/* Hostile input: each case would take minutes if the scan were quadratic;
 * the test only checks the results (the timeout catches the rest). */
static GString *
repeat (const char *unit,
        guint       times)
{
  GString *out = g_string_sized_new (strlen (unit) * times);

  for (guint i = 0; i < times; i++)
    g_string_append (out, unit);
  return out;
}

static void
test_hostile_unterminated (void)
{
  g_autoptr(GString) text = repeat ("{{<", 100000);
  g_autoptr(BylineShortcodeList) list = byline_shortcode_scan (text->str, 0, text->len, NULL);

  g_assert_cmpuint (list->calls->len, ==, 0);
  g_assert_cmpuint (list->problems->len, ==, 100000);
}

static void
test_hostile_escapes (void)
{
  g_autoptr(GString) text = repeat ("{{</* a ", 100000);
  g_autoptr(BylineShortcodeList) list = byline_shortcode_scan (text->str, 0, text->len, NULL);

  g_assert_cmpuint (list->calls->len, ==, 0);
  g_assert_cmpuint (list->problems->len, ==, 100000);
}

static void
test_hostile_stray_closes (void)
{
  g_autoptr(GString) text = repeat ("{{< a >}}", 50000);
  g_autoptr(GString) closes = repeat ("{{< /b >}}", 50000);
  g_autoptr(BylineShortcodeList) list = NULL;
  const BylineShortcode *first;

  g_string_append_len (text, closes->str, closes->len);
  g_string_append (text, "{{< /a >}}");
  list = byline_shortcode_scan (text->str, 0, text->len, NULL);
  g_assert_cmpuint (list->calls->len, ==, 100001);
  g_assert_cmpuint (list->problems->len, ==, 50000);
  /* The last open pairs with the final close; the others stay alone. */
  first = g_ptr_array_index (list->calls, 0);
  g_assert_cmpint (first->pair, ==, -1);
  g_assert_cmpint (((BylineShortcode *) g_ptr_array_index (list->calls, 49999))->pair, ==, 100000);
}

static void
test_hostile_quotes_and_backticks (void)
{
  g_autoptr(GString) text = repeat ("{{< x a=\"", 50000);
  g_autoptr(GString) ticks = repeat ("{{< x a=`", 50000);
  g_autoptr(BylineShortcodeList) list = NULL;

  g_string_append_c (text, '\n');
  g_string_append_len (text, ticks->str, ticks->len);
  list = byline_shortcode_scan (text->str, 0, text->len, NULL);
  /* Quotes pair up into values ({{< x a=), then each call runs into the
   * next one: one unterminated call per two. */
  g_assert_cmpuint (list->calls->len, ==, 0);
  g_assert_cmpuint (list->problems->len, ==, 50000);
  for (guint i = 0; i < list->problems->len; i++)
    g_assert_cmpint (((BylineShortcodeProblem *) g_ptr_array_index (list->problems, i))->kind,
                     ==, BYLINE_SHORTCODE_PROBLEM_UNTERMINATED);
}

static void
test_hostile_unclosed_quotes (void)
{
  g_autoptr(GString) text = repeat ("{{< x a=\"b {{< y\n", 50000);
  g_autoptr(GString) calls = repeat ("{{< z ", 50000);
  g_autoptr(BylineShortcodeList) list = NULL;

  /* One unclosed backtick, then calls that never end: the search for a
   * closing backtick is not repeated for each of them. */
  g_string_append (text, "{{< x `");
  g_string_append_len (text, calls->str, calls->len);
  list = byline_shortcode_scan (text->str, 0, text->len, NULL);
  g_assert_cmpuint (list->calls->len, ==, 0);
  g_assert_cmpuint (list->problems->len, ==, 100001);
  g_assert_cmpint (((BylineShortcodeProblem *) g_ptr_array_index (list->problems, 0))->kind,
                   ==, BYLINE_SHORTCODE_PROBLEM_BAD_QUOTING);
  g_assert_cmpint (((BylineShortcodeProblem *) g_ptr_array_index (list->problems, 50000))->kind,
                   ==, BYLINE_SHORTCODE_PROBLEM_BAD_QUOTING);
  g_assert_cmpint (((BylineShortcodeProblem *) g_ptr_array_index (list->problems, 50001))->kind,
                   ==, BYLINE_SHORTCODE_PROBLEM_UNTERMINATED);
}

static void
test_hostile_deep_nesting (void)
{
  g_autoptr(GString) text = repeat ("{{< q >}}", 100000);
  g_autoptr(GString) closes = repeat ("{{< /q >}}", 100000);
  g_autoptr(BylineShortcodeList) list = NULL;
  const BylineShortcode *last_open;

  g_string_append_len (text, closes->str, closes->len);
  list = byline_shortcode_scan (text->str, 0, text->len, NULL);
  g_assert_cmpuint (list->calls->len, ==, 200000);
  g_assert_cmpuint (list->problems->len, ==, 0);
  last_open = g_ptr_array_index (list->calls, 99999);
  g_assert_cmpint (last_open->pair, ==, 100000);
  g_assert_cmpint (last_open->parent, ==, 99998);
}

static void
collect_posts (const char *folder,
               GPtrArray  *posts)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_posts (path, posts);
      else if (g_str_has_suffix (name, ".md") && strcmp (name, "README.md") != 0)
        g_ptr_array_add (posts, g_steal_pointer (&path));
    }
}

static void
test_corpus (void)
{
  const char *corpus = g_getenv ("BYLINE_CORPUS");
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_free);
  guint n_text = 0;

  if (corpus == NULL || !g_file_test (corpus, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("BYLINE_CORPUS is not set or is not a folder");
      return;
    }

  collect_posts (corpus, posts);
  g_assert_cmpuint (posts->len, >=, 37);

  for (guint i = 0; i < posts->len; i++)
    {
      const char *path = g_ptr_array_index (posts, i);
      g_autofree char *text = NULL;
      gsize length = 0;
      g_autoptr(BylineLineIndex) lines = NULL;
      g_autoptr(BylineShortcodeList) list = NULL;

      g_assert_true (g_file_get_contents (path, &text, &length, NULL));
      lines = byline_line_index_new (text, length);
      list = byline_shortcode_scan (text, 0, length, lines);

      for (guint j = 0; j < list->problems->len; j++)
        {
          const BylineShortcodeProblem *problem = g_ptr_array_index (list->problems, j);

          g_test_message ("%s:%u: %s", path, problem->span.line, problem->message);
        }
      g_assert_cmpuint (list->problems->len, ==, 0);

      for (guint j = 0; j < list->calls->len; j++)
        {
          const BylineShortcode *call = g_ptr_array_index (list->calls, j);

          if (call->kind != BYLINE_SHORTCODE_OPEN || strcmp (call->name, "text") != 0)
            continue;
          if (call->pair < 0)
            g_test_message ("%s:%u: unpaired text", path, call->span.line);
          g_assert_cmpint (call->pair, >, j);
          n_text++;
        }
    }

  /* 220 text blocks in the 38 posts. */
  g_assert_cmpuint (n_text, ==, 220);
}

/* Values written by byline_shortcode_append_param() read back as they were
 * (Hugo's lexer unescapes \" only: hugolib/shortcodeparser, lexShortcodeQuotedParamVal). */
static void
test_append_param (void)
{
  static const struct
  {
    const char *name;
    const char *value;
    const char *written;
    const char *read;
  } cases[] = {
    { "title", "A \"quoted\" word", " title=\"A \\\"quoted\\\" word\"", "A \"quoted\" word" },
    { NULL, "C:\\path", " \"C:\\path\"", "C:\\path" },
    { "x", "ends in \\", " x=\"ends in \\\\\"", "ends in \\" },
    { "x", "two\nlines\r\nhere", " x=\"two lines here\"", "two lines here" },
    { "empty", "", " empty=\"\"", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new ("{{< x");
      g_autoptr(BylineShortcodeList) list = NULL;
      const BylineShortcode *call;
      const BylineShortcodeParam *param;

      byline_shortcode_append_param (out, cases[i].name, cases[i].value);
      g_assert_cmpstr (out->str + strlen ("{{< x"), ==, cases[i].written);
      g_string_append (out, " >}}");
      list = byline_shortcode_scan (out->str, 0, out->len, NULL);
      g_assert_cmpuint (list->calls->len, ==, 1);
      call = g_ptr_array_index (list->calls, 0);
      param = g_ptr_array_index (call->params, 0);
      g_assert_cmpstr (param->name, ==, cases[i].name);
      g_assert_cmpstr (param->value, ==, cases[i].read);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (scan_cases); i++)
    g_test_add_data_func (scan_cases[i].path, &scan_cases[i], test_scan_case);

  g_test_add_func ("/core/shortcode/scan/range-offsets", test_scan_offsets);
  g_test_add_func ("/core/shortcode/scan/no-line-index", test_scan_no_line_index);
  g_test_add_func ("/core/shortcode/scan/nul-bytes", test_scan_nul_bytes);
  g_test_add_func ("/core/shortcode/params/lookup", test_params_lookup);
  g_test_add_func ("/core/shortcode/problem/message", test_problem_message);
  g_test_add_func ("/core/shortcode/hostile/unterminated", test_hostile_unterminated);
  g_test_add_func ("/core/shortcode/hostile/escapes", test_hostile_escapes);
  g_test_add_func ("/core/shortcode/hostile/stray-closes", test_hostile_stray_closes);
  g_test_add_func ("/core/shortcode/hostile/quotes-and-backticks",
                   test_hostile_quotes_and_backticks);
  g_test_add_func ("/core/shortcode/hostile/unclosed-quotes", test_hostile_unclosed_quotes);
  g_test_add_func ("/core/shortcode/hostile/deep-nesting", test_hostile_deep_nesting);
  g_test_add_func ("/core/shortcode/corpus", test_corpus);
  g_test_add_func ("/core/shortcode/append-param", test_append_param);

  return g_test_run ();
}
