/* bench-render.c — how long a render takes, parse included
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders a post (by default the sample, data/sample/index.md), then a post whose body is the sample's body 100
 * times, and prints the median time per render (BylinePost parse, body and
 * header) and the throughput. Targets: under 1 ms for the sample (a typical
 * 8 KB post), under 50 ms for the 100x post.
 *
 * Then the body render alone against bare cmark-gfm (parse and
 * cmark_render_html with the options the renderer used before it wrote
 * Hugo's Goldmark HTML) on the same body: the body render should stay within
 * twice that.
 */

#include "config.h"

#include "byline-renderer.h"

#include "bench-util.h"

#include <cmark-gfm-core-extensions.h>
#include <stdlib.h>
#include <string.h>

static void
bench (BylineRenderer *renderer,
       const char     *label,
       const char     *text,
       gsize           length,
       guint           runs)
{
  g_autofree gint64 *times = g_new (gint64, runs);
  gsize html_length = 0;
  double median;

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(BylinePost) post = byline_post_new (text, length);
      g_autoptr(BylineRendering) rendering = byline_renderer_render (renderer, post);
      g_autofree char *header = byline_renderer_render_header (renderer, post);

      times[i] = g_get_monotonic_time () - start;
      html_length = rendering->blocks->len;
    }

  qsort (times, runs, sizeof (gint64), bench_compare_times);
  median = (double) times[runs / 2];

  g_print ("%-12s %9zu bytes  %5zu blocks  median %9.3f ms  min %9.3f ms  %8.1f MB/s  (%u runs)\n",
           label, length, html_length, median / 1000.0, (double) times[0] / 1000.0,
           (double) length / median, runs);
}

typedef enum
{
  BODY_RENDERER,
  BODY_CMARK,
} BodyKind;

static double
bench_body (BylineRenderer *renderer,
            BylinePost     *post,
            BodyKind        kind,
            guint           runs)
{
  g_autofree gint64 *times = g_new (gint64, runs);
  const BylinePostLayout *layout = byline_post_get_layout (post);
  const char *body = byline_post_get_text (post) + layout->body_start;
  gsize body_len = byline_post_get_length (post) - layout->body_start;
  static const char * const extensions[] = {
    "table", "strikethrough", "autolink", "tagfilter", "tasklist",
  };

  cmark_gfm_core_extensions_ensure_registered ();

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (kind == BODY_RENDERER)
        {
          g_autoptr(BylineRendering) rendering = byline_renderer_render (renderer, post);
        }
      else
        {
          int options = CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES;
          cmark_parser *parser = cmark_parser_new (options);
          cmark_node *document;
          char *html;

          for (guint e = 0; e < G_N_ELEMENTS (extensions); e++)
            cmark_parser_attach_syntax_extension (parser,
                                                  cmark_find_syntax_extension (extensions[e]));
          cmark_parser_feed (parser, body, body_len);
          document = cmark_parser_finish (parser);
          html = cmark_render_html (document, options,
                                    cmark_parser_get_syntax_extensions (parser));
          free (html);
          cmark_node_free (document);
          cmark_parser_free (parser);
        }

      times[i] = g_get_monotonic_time () - start;
    }

  qsort (times, runs, sizeof (gint64), bench_compare_times);
  g_print ("%-26s median %9.3f ms  min %9.3f ms  (%u runs)\n",
           kind == BODY_RENDERER ? "  body render" : "  bare cmark-gfm",
           (double) times[runs / 2] / 1000.0, (double) times[0] / 1000.0, runs);

  return (double) times[0];
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineProfile) profile = NULL;
  g_autoptr(BylineRenderer) renderer = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  gsize length = 0;
  g_autofree char *big = NULL;

  if (argc > 2)
    {
      g_printerr ("Usage: bench-render [POST]\n");
      return 2;
    }

  /* meson runs benchmarks with G_TEST_SRCDIR set to tests/. */
  if (argc == 2)
    path = g_strdup (argv[1]);
  else
    path = g_build_filename (g_getenv ("G_TEST_SRCDIR") ? g_getenv ("G_TEST_SRCDIR") : "tests",
                             "..", "data", "sample", "index.md", NULL);

  if (!g_file_get_contents (path, &text, &length, &error))
    {
      g_printerr ("bench-render: %s\n", error->message);
      return 2;
    }

  profile = byline_profile_new_builtin ();
  renderer = byline_renderer_new (profile, NULL);
  byline_renderer_set_base_uri (renderer, "file:///tmp/bench/");

  big = bench_repeat_body (text, 100);

  bench (renderer, "typical", text, length, 2000);
  bench (renderer, "typical x100", big, strlen (big), 40);

  {
    g_autoptr(BylinePost) big_post = byline_post_new (big, -1);
    double body;
    double bare;

    g_print ("typical x100, body only:\n");
    body = bench_body (renderer, big_post, BODY_RENDERER, 40);
    bare = bench_body (renderer, big_post, BODY_CMARK, 40);
    g_print ("  body render / bare cmark-gfm (min): %.2f\n", body / bare);
  }

  return 0;
}
