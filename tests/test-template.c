/* test-template.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "byline-template.h"

#include "byline-test-util.h"

typedef struct
{
  const char *source;
  const char *values[6];
  const char *expected;
} ExpandCase;

static const ExpandCase expand_cases[] = {
  { "", { NULL }, "" },
  { "plain <b>text</b> & more", { NULL }, "plain <b>text</b> & more" },
  { "{{a}}", { "a=x", NULL }, "x" },
  { "[{{a}}]", { NULL }, "[]" },
  { "{{ a }}", { "a=x", NULL }, "x" },
  { "{{a}}", { "a=<>&\"'", NULL }, "&lt;&gt;&amp;&quot;&#39;" },
  { "{{{a}}}", { "a=<em>&amp;</em>", NULL }, "<em>&amp;</em>" },
  { "{{a|b}}", { "b=second", NULL }, "second" },
  { "{{a|b}}", { "a=", "b=second", NULL }, "second" },
  { "{{a|b}}", { "a=first", "b=second", NULL }, "first" },
  { "{{a|b|\"lit\"}}", { NULL }, "lit" },
  { "{{a | \"100%\"}}", { "a=75%", NULL }, "75%" },
  { "{{a|\"<&>\"}}", { NULL }, "&lt;&amp;&gt;" },
  { "{{{a|\"<br>\"}}}", { NULL }, "<br>" },
  { "{{a|\"say \\\"hi\\\" \\\\o/\"}}", { NULL }, "say &quot;hi&quot; \\o/" },
  { "{{a|\"\"|b}}", { "b=last", NULL }, "last" },
  { "{{syntax|0}}", { "0=bash", NULL }, "bash" },
  { "{{category-value}}/{{x.y}}", { "category-value=one", "x.y=two", NULL }, "one/two" },
  { "a{{#s}}[{{s}}]{{/s}}b", { "s=on", NULL }, "a[on]b" },
  { "a{{#s}}[{{s}}]{{/s}}b", { NULL }, "ab" },
  { "a{{#s}}[{{s}}]{{/s}}b", { "s=", NULL }, "ab" },
  { "a{{^s}}none{{/s}}b", { NULL }, "anoneb" },
  { "a{{^s}}none{{/s}}b", { "s=x", NULL }, "ab" },
  { "{{#a|b}}{{a|b}}{{/a|b}}", { "b=y", NULL }, "y" },
  { "{{# a }}x{{/ a }}", { "a=1", NULL }, "x" },
  { "{{#a}}1{{#b}}2{{^c}}3{{/c}}{{/b}}4{{/a}}5", { "a=1", "b=1", NULL }, "12345" },
  { "{{#a}}1{{#b}}2{{^c}}3{{/c}}{{/b}}4{{/a}}5", { "a=1", "c=1", NULL }, "145" },
  { "{{#a}}1{{#b}}2{{^c}}3{{/c}}{{/b}}4{{/a}}5", { NULL }, "5" },
  { "{{#a}}{{/a}}{{#a}}x{{/a}}", { "a=1", NULL }, "x" },
  { "single { and } braces }}", { NULL }, "single { and } braces }}" },
  { "{{a}}}", { "a=x", NULL }, "x}" },
  { "<figure style=\"width:{{width|\"100%\"}}\"><div class=\"wrapper-with-intrinsic-ratio\""
    "{{#ratio}} style=\"padding-bottom:{{ratio}}\"{{/ratio}}><a href=\"{{src}}\" "
    "title=\"{{title|caption}}\"><img class=\"element-to-stretch\" src=\"{{src}}\" "
    "alt=\"{{alt|title|caption}}\"></a></div><figcaption>{{caption}}</figcaption></figure>",
    { "src=./a b.png", "caption=A \"big\" <one>", "ratio=50%", NULL },
    "<figure style=\"width:100%\"><div class=\"wrapper-with-intrinsic-ratio\" "
    "style=\"padding-bottom:50%\"><a href=\"./a b.png\" title=\"A &quot;big&quot; &lt;one&gt;\">"
    "<img class=\"element-to-stretch\" src=\"./a b.png\" alt=\"A &quot;big&quot; &lt;one&gt;\">"
    "</a></div><figcaption>A &quot;big&quot; &lt;one&gt;</figcaption></figure>" },
  { "{{< text bash >}}\n$ {{a}}\n{{< /text >}}{{% tip %}}", { "a=ls", NULL },
    "{{< text bash >}}\n$ ls\n{{< /text >}}{{% tip %}}" },
  { "é{{a}}ü", { "a=ß", NULL }, "éßü" },
};

static void
test_expand (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (expand_cases); i++)
    {
      const ExpandCase *c = &expand_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineTemplate) template = NULL;
      g_autoptr(GString) out = g_string_new ("»");
      g_autofree char *shown = g_strescape (c->source, NULL);

      g_test_message ("case %" G_GSIZE_FORMAT ": %s", i, shown);
      template = byline_template_new (c->source, &error);
      g_assert_no_error (error);
      g_assert_nonnull (template);
      g_assert_cmpstr (byline_template_get_source (template), ==, c->source);

      /* Expansion appends, and can run any number of times. */
      byline_template_expand (template, out, byline_test_lookup_cb, (gpointer) c->values);
      g_assert_true (g_str_has_prefix (out->str, "»"));
      g_assert_cmpstr (out->str + strlen ("»"), ==, c->expected);

      g_string_truncate (out, 0);
      byline_template_expand (template, out, byline_test_lookup_cb, (gpointer) c->values);
      g_assert_cmpstr (out->str, ==, c->expected);
    }
}

typedef struct
{
  const char *source;
  const char *message;
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "{{a", "Line 1, column 1: the tag is not closed; end it with “}}”" },
  { "ab\ncd {{a}", "Line 2, column 4: the tag is not closed; end it with “}}”" },
  { "{{{a}}", "Line 1, column 1: the tag is not closed; end it with “}}}”" },
  { "x {{a {{b}}", "Line 1, column 3: the tag is not closed; end it with “}}”" },
  { "éé{{a", "Line 1, column 3: the tag is not closed; end it with “}}”" },
  { "{{}}", "Line 1, column 3: a name is missing here" },
  { "{{a|}}", "Line 1, column 5: a name is missing here" },
  { "{{a b}}", "Line 1, column 5: expected “|” or the end of the tag; "
               "separate alternatives with “|”" },
  { "{{a/b}}", "Line 1, column 4: expected “|” or the end of the tag; "
               "separate alternatives with “|”" },
  { "{{!x}}", "Line 1, column 3: “!” cannot be part of a name; names use letters, digits, "
              "“_”, “-” and “.”" },
  /* The whole character is quoted, not its first byte (issue 12). */
  { "é{{é}}", "Line 1, column 4: “é” cannot be part of a name; names use letters, digits, "
              "“_”, “-” and “.”" },
  { "{{a|😀}}", "Line 1, column 5: “😀” cannot be part of a name; names use letters, "
                "digits, “_”, “-” and “.”" },
  { "{{a|\"open}}", "Line 1, column 5: the quoted text is not closed; end it with \"" },
  { "{{#\"x\"}}{{/x}}", "Line 1, column 4: a section needs a name, not a quoted text" },
  { "{{#a}}x", "Line 1, column 1: the section “a” is not closed; end it with “{{/a}}”" },
  { "{{#a}}\n  {{#b}}x{{/b}}\n  {{^c}}", "Line 3, column 3: the section “c” is not closed; "
                                         "end it with “{{/c}}”" },
  { "x{{/a}}", "Line 1, column 2: “{{/a}}” closes no section; remove it or open the section "
               "with “{{#a}}”" },
  { "{{#a}}{{#b}}{{/a}}{{/b}}", "Line 1, column 13: “{{/a}}” does not match the open section "
                                "“b”; close that one first with “{{/b}}”" },
  { "{{#a|b}}{{/a}}", "Line 1, column 9: “{{/a}}” does not match the open section “a|b”; "
                      "close that one first with “{{/a|b}}”" },
  { "bad \xff byte", "The template is not valid UTF-8 text" },
};

static void
test_errors (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      const ErrorCase *c = &error_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineTemplate) template = NULL;
      g_autofree char *shown = g_strescape (c->source, NULL);

      g_test_message ("case %" G_GSIZE_FORMAT ": %s", i, shown);
      template = byline_template_new (c->source, &error);
      g_assert_null (template);
      g_assert_error (error, BYLINE_TEMPLATE_ERROR, BYLINE_TEMPLATE_ERROR_SYNTAX);
      g_assert_cmpstr (error->message, ==, c->message);
    }
}

static void
test_deep_nesting (void)
{
  const guint depth = 100000;
  g_autoptr(GString) source = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(BylineTemplate) template = NULL;
  g_autoptr(GError) error = NULL;
  const char *values[] = { "a=1", NULL };
  guint i;

  /* Deep nesting neither recurses nor slows down quadratically. */
  for (i = 0; i < depth; i++)
    g_string_append (source, "{{#a}}<");
  for (i = 0; i < depth; i++)
    g_string_append (source, ">{{/a}}");

  template = byline_template_new (source->str, &error);
  g_assert_no_error (error);
  byline_template_expand (template, out, byline_test_lookup_cb, (gpointer) values);
  g_assert_cmpuint (out->len, ==, 2 * depth);
  g_assert_cmpint (out->str[0], ==, '<');
  g_assert_cmpint (out->str[out->len - 1], ==, '>');

  g_string_truncate (out, 0);
  byline_template_expand (template, out, byline_test_lookup_cb, NULL);
  g_assert_cmpstr (out->str, ==, "");
}

static const char *
logging_lookup_cb (const char *name,
                   gpointer    user_data)
{
  GString *log = user_data;

  g_string_append_printf (log, "%s;", name);
  return g_str_equal (name, "b") ? "B" : NULL;
}

static void
test_lookups (void)
{
  g_autoptr(BylineTemplate) template = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  /* A fallback stops at the first name with a value; literals never reach
   * the lookup; a skipped section looks nothing up. */
  template = byline_template_new ("{{a|b|c|\"d\"}}{{#x}}{{y}}{{/x}}{{e|\"f\"}}", &error);
  g_assert_no_error (error);
  byline_template_expand (template, out, logging_lookup_cb, log);
  g_assert_cmpstr (out->str, ==, "Bf");
  g_assert_cmpstr (log->str, ==, "a;b;x;e;");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/template/expand", test_expand);
  g_test_add_func ("/core/template/errors", test_errors);
  g_test_add_func ("/core/template/deep-nesting", test_deep_nesting);
  g_test_add_func ("/core/template/fallback-order", test_lookups);

  return g_test_run ();
}
