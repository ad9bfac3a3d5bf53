/* bench-render.c — how long a render takes, parse included
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders a post (by default the sample, data/sample/index.md), then a post whose body is the sample's body 100
 * times, and prints the median time per render (BylinePost parse, body and
 * header) and the throughput. Targets: under 1 ms for the sample (a typical
 * 8 KB post), under 50 ms for the 100x post.
 */

#include "config.h"

#include "byline-renderer.h"

#include <stdlib.h>

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

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

  qsort (times, runs, sizeof (gint64), compare_times);
  median = (double) times[runs / 2];

  g_print ("%-12s %9zu bytes  %5zu blocks  median %9.3f ms  min %9.3f ms  %8.1f MB/s  (%u runs)\n",
           label, length, html_length, median / 1000.0, (double) times[0] / 1000.0,
           (double) length / median, runs);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineProfile) profile = NULL;
  g_autoptr(BylineRenderer) renderer = NULL;
  g_autoptr(BylinePost) sample = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  gsize length = 0;
  GString *big;
  const BylinePostLayout *layout;

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

  sample = byline_post_new (text, length);
  layout = byline_post_get_layout (sample);

  big = g_string_new_len (text, layout->body_start);
  for (guint i = 0; i < 100; i++)
    {
      g_string_append_len (big, text + layout->body_start, length - layout->body_start);
      g_string_append_c (big, '\n');
    }

  bench (renderer, "typical", text, length, 2000);
  bench (renderer, "typical x100", big->str, big->len, 40);

  g_string_free (big, TRUE);
  return 0;
}
