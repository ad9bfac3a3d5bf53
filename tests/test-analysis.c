/* test-analysis.c — one analysis of a post's text: its parse, rendering and findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-analysis.h"

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

static BylineAnalysisContext *
builtin_context (void)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();

  return byline_analysis_context_new (profile, NULL, NULL, NULL, NULL);
}

/* Everything made of one text, with what the flags leave out. */
static void
test_parts (void)
{
  g_autoptr(BylineAnalysisContext) context = builtin_context ();
  const char *text = HEAD "## Hello\n\nSome *text*. \n";
  g_autoptr(BylineAnalysis) full = byline_analysis_new (context, text, -1, 7,
                                                        BYLINE_ANALYSIS_DEFAULT);
  g_autoptr(BylineAnalysis) check = byline_analysis_new (context, text, -1, 8,
                                                         BYLINE_ANALYSIS_NO_RENDER);
  g_autoptr(BylineAnalysis) render = byline_analysis_new (context, text, -1, 9,
                                                          BYLINE_ANALYSIS_NO_LINT);
  g_autofree char *html = NULL;
  GPtrArray *diagnostics;

  g_assert_cmpuint (byline_analysis_get_generation (full), ==, 7);
  g_assert_cmpstr (byline_analysis_get_text (full), ==, text);
  g_assert_cmpuint (byline_analysis_get_length (full), ==, strlen (text));
  g_assert_cmpstr (byline_analysis_get_title (full), ==, "A post");
  g_assert_true (byline_analysis_get_context (full) == context);
  g_assert_true (byline_analysis_get_profile (full) ==
                 byline_analysis_context_get_profile (context));

  html = byline_rendering_get_html (byline_analysis_get_rendering (full));
  /* cmark-gfm ends a paragraph's position before its final spaces; the
   * Goldmark writer gives the heading Hugo's id (byline-goldmark.h). */
  g_assert_cmpstr (html, ==,
                   "<h2 data-sourcepos=\"9:1-9:8\" id=\"hello\">Hello</h2>\n"
                   "<p data-sourcepos=\"11:1-11:13\">Some <em>text</em>.</p>\n");
  g_assert_true (strstr (byline_analysis_get_rendering (full)->header_html,
                         "<h1>A post</h1>") != NULL);

  /* The trailing space of line 11 is the one finding. */
  diagnostics = byline_analysis_get_diagnostics (full);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  g_assert_cmpstr (((BylineDiagnostic *) g_ptr_array_index (diagnostics, 0))->rule_id, ==,
                   "markdown/trailing-space");
  g_assert_cmpuint (byline_analysis_count (full, BYLINE_SEVERITY_WARNING), ==, 1);
  g_assert_cmpuint (byline_analysis_count (full, BYLINE_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (byline_analysis_get_word_count (full), ==, 3);

  /* byline-cli check's analysis: the same findings, no HTML. */
  g_assert_null (byline_analysis_get_rendering (check));
  g_assert_cmpuint (byline_analysis_get_diagnostics (check)->len, ==, 1);

  /* byline-cli render's: the HTML, no findings. */
  g_assert_nonnull (byline_analysis_get_rendering (render));
  g_assert_cmpuint (byline_analysis_get_diagnostics (render)->len, ==, 0);

  g_assert_finalize_object (g_steal_pointer (&full));
}

/* The headings of the body and of shortcodes' Markdown, in post order, with
 * their places; a call in a heading stands as its text. */
static void
test_headings (void)
{
  g_autoptr(BylineAnalysisContext) context = builtin_context ();
  const char *text =
    HEAD
    "## First {{< istioctl >}}\n"         /* line 9 */
    "\n"
    "{{< tip >}}\n"                       /* line 11 */
    "### Inside a tip\n"                  /* line 12 */
    "{{< /tip >}}\n"
    "\n"
    "Setext heading\n"                    /* line 15 */
    "--------------\n"
    "\n"
    "{{< text plain >}}\n"
    "## not a heading: code\n"
    "{{< /text >}}\n";
  g_autoptr(BylineAnalysis) analysis = byline_analysis_new (context, text, -1, 0,
                                                            BYLINE_ANALYSIS_DEFAULT);
  GPtrArray *headings = byline_analysis_get_headings (analysis);
  const BylineHeading *h;

  g_assert_cmpuint (headings->len, ==, 3);

  h = g_ptr_array_index (headings, 0);
  g_assert_cmpuint (h->level, ==, 2);
  g_assert_cmpstr (h->text, ==, "First {{< istioctl >}}");
  g_assert_cmpuint (h->span.line, ==, 9);
  g_assert_cmpuint (h->span.column, ==, 1);
  g_assert_cmpuint (h->span.start, ==, strstr (text, "## First") - text);

  h = g_ptr_array_index (headings, 1);
  g_assert_cmpuint (h->level, ==, 3);
  g_assert_cmpstr (h->text, ==, "Inside a tip");
  g_assert_cmpuint (h->span.line, ==, 12);
  g_assert_cmpuint (h->span.start, ==, strstr (text, "### Inside") - text);

  h = g_ptr_array_index (headings, 2);
  g_assert_cmpuint (h->level, ==, 2);
  g_assert_cmpstr (h->text, ==, "Setext heading");
  g_assert_cmpuint (h->span.line, ==, 15);
  g_assert_cmpuint (h->span.end_line, ==, 16);
}

/* The body's tree: calls are placeholders that say which call they stand
 * for, inner Markdown has its own tree, and positions map to the post. */
static void
test_tree (void)
{
  g_autoptr(BylineAnalysisContext) context = builtin_context ();
  const char *text =
    HEAD
    "Before {{< istioctl >}} after.\n"    /* line 9 */
    "\n"
    "{{< tip >}}\n"                       /* line 11, call 1 */
    "  A *t*ip indented.\n"               /* line 12 */
    "{{< /tip >}}\n";
  g_autoptr(BylineAnalysis) analysis = byline_analysis_new (context, text, -1, 0,
                                                            BYLINE_ANALYSIS_DEFAULT);
  BylineBody *body = byline_analysis_get_body (analysis);
  cmark_node *document = byline_analysis_get_document (analysis);
  cmark_node *para = cmark_node_first_child (document);
  cmark_node *before = cmark_node_first_child (para);
  const char *literal = cmark_node_get_literal (before);
  const char *placeholder;
  cmark_node *inner;
  cmark_node *emph;
  guint call = G_MAXUINT;
  gsize length = 0;

  g_assert_cmpint (cmark_node_get_type (para), ==, CMARK_NODE_PARAGRAPH);
  g_assert_cmpint (cmark_node_get_type (before), ==, CMARK_NODE_TEXT);
  g_assert_true (g_str_has_prefix (literal, "Before "));
  placeholder = literal + strlen ("Before ");
  g_assert_true (byline_body_find_placeholder (body, before, placeholder, strlen (placeholder),
                                               &call, &length));
  g_assert_cmpuint (call, ==, 0);
  g_assert_cmpstr (placeholder + length, ==, " after.");
  g_assert_false (byline_body_find_placeholder (body, before, literal, strlen (literal),
                                                NULL, NULL));
  g_assert_cmpuint (byline_body_get_node_start (body, para), ==, strstr (text, "Before") - text);

  /* The tip's inner text, dedented for cmark, maps back to the post. */
  g_assert_null (byline_body_get_inner_document (body, 0));
  inner = byline_body_get_inner_document (body, 1);
  g_assert_nonnull (inner);
  emph = cmark_node_next (cmark_node_first_child (cmark_node_first_child (inner)));
  g_assert_cmpint (cmark_node_get_type (emph), ==, CMARK_NODE_EMPH);
  g_assert_cmpuint (byline_body_get_node_start (body, emph), ==, strstr (text, "*t*") - text);
  g_assert_cmpuint (byline_body_get_node_start (body, cmark_node_first_child (inner)), ==,
                    strstr (text, "A *t*") - text);

  /* Words of the text, calls left out and across inline markup: Before
   * after. A tip indented. */
  g_assert_cmpuint (byline_analysis_get_word_count (analysis), ==, 5);
}

typedef struct
{
  BylineAnalysisContext *context;
  BylineAnalysis        *shared;
  char                  *expected;
} ThreadData;

static gpointer
render_thread (gpointer user_data)
{
  ThreadData *data = user_data;
  BylineRenderer *renderer = byline_analysis_context_get_renderer (data->context);
  BylineBody *body = byline_analysis_get_body (data->shared);

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(BylineRendering) rendering = byline_renderer_render_body (renderer, body);
      g_autofree char *html = byline_rendering_get_html (rendering);

      g_assert_cmpstr (html, ==, data->expected);
    }
  return NULL;
}

/* An analysis is read, and its trees rendered, from several threads at once
 * without a change to them (build-aux/test runs this under ASan). */
static void
test_threads (void)
{
  g_autoptr(BylineAnalysisContext) context = builtin_context ();
  g_autoptr(GString) text = g_string_new (HEAD);
  g_autoptr(BylineAnalysis) analysis = NULL;
  ThreadData data = { 0 };
  GThread *threads[6];

  for (guint i = 0; i < 50; i++)
    g_string_append_printf (text,
                            "## Part %u\n\nText with a [link](./a%u.png) and `code`[^%u].\n\n"
                            "{{< tip >}}\nA *tip* with **more**.\n{{< /tip >}}\n\n"
                            "[^%u]: A note.\n\n| a | b |\n|---|---|\n| %u | x |\n\n",
                            i, i, i, i, i);
  analysis = byline_analysis_new (context, text->str, (gssize) text->len, 0,
                                  BYLINE_ANALYSIS_DEFAULT);
  data.context = context;
  data.shared = analysis;
  data.expected = byline_rendering_get_html (byline_analysis_get_rendering (analysis));

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("render", render_thread, &data);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);

  g_free (data.expected);
}

/* Posts that are not text still make an analysis: the one finding says why. */
static void
test_not_text (void)
{
  g_autoptr(BylineAnalysisContext) context = builtin_context ();
  const char text[] = "---\ntitle: \xff\n---\n";
  g_autoptr(BylineAnalysis) analysis = byline_analysis_new (context, text, sizeof text - 1, 0,
                                                            BYLINE_ANALYSIS_DEFAULT);
  GPtrArray *diagnostics = byline_analysis_get_diagnostics (analysis);

  g_assert_null (byline_analysis_get_document (analysis));
  g_assert_cmpuint (byline_analysis_get_rendering (analysis)->blocks->len, ==, 0);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  g_assert_cmpstr (((BylineDiagnostic *) g_ptr_array_index (diagnostics, 0))->rule_id, ==,
                   "post/encoding");
  g_assert_cmpuint (byline_analysis_get_headings (analysis)->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/analysis/parts", test_parts);
  g_test_add_func ("/core/analysis/headings", test_headings);
  g_test_add_func ("/core/analysis/tree", test_tree);
  g_test_add_func ("/core/analysis/threads", test_threads);
  g_test_add_func ("/core/analysis/not-text", test_not_text);

  return g_test_run ();
}
