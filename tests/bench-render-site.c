/* bench-render-site.c — a post rendered with its site's templates (issues 14, 15)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * OpenTelemetry blog posts of $BYLINE_CORPUS/sites/opentelemetry.io
 * rendered the way the preview renders them: with the site (its shortcode
 * templates through the Go-template engine, its render-link and
 * render-heading hooks, its Goldmark settings), and without it (calls
 * shown as boxes, Goldmark's own links and headings). Prints ms per render
 * of each, after a first render that parses the templates (also printed).
 */

#include "config.h"

#include "byline-renderer.h"
#include "corpus-sites.h"

#include <stdio.h>

#define ROUNDS 200

static const char * const posts[] = {
  "content/en/blog/2023/tyk-api-gateway/index.md",
  "content/en/blog/2023/perf-testing/index.md",
};

static double
render_ms (BylineRenderer *renderer,
           BylinePost     *post,
           guint           rounds)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(BylineRendering) rendering = byline_renderer_render (renderer, post);

      g_assert_nonnull (rendering);
    }
  return (g_get_monotonic_time () - start) / 1000.0 / rounds;
}

int
main (void)
{
  g_autofree char *root = corpus_site ("opentelemetry.io");
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();

  if (root == NULL)
    {
      printf ("SKIP: the OpenTelemetry site is not in the corpus (BYLINE_CORPUS/sites)\n");
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (posts); i++)
    {
      g_autofree char *path = g_build_filename (root, posts[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(BylinePost) post = byline_post_new_from_file (file, NULL, &error);
      g_autoptr(BylineSite) site = byline_site_lookup (file, NULL);
      g_autoptr(BylineRenderer) with_site = byline_renderer_new (profile, NULL);
      g_autoptr(BylineRenderer) without = byline_renderer_new (profile, NULL);
      g_autoptr(BylineRendering) first = NULL;
      gint64 start;
      double first_ms, site_ms, plain_ms;

      g_assert_no_error (error);
      byline_renderer_set_site (with_site, site);
      /* The site's reading and its templates' parse, once. */
      start = g_get_monotonic_time ();
      first = byline_renderer_render (with_site, post);
      first_ms = (g_get_monotonic_time () - start) / 1000.0;

      site_ms = render_ms (with_site, post, ROUNDS);
      plain_ms = render_ms (without, post, ROUNDS);
      printf ("%s (%zu bytes): first render with the site %.2f ms (site read, templates "
              "parsed); then %.3f ms with the site's shortcodes and hooks vs %.3f ms with "
              "fallback boxes and plain Markdown; %u findings\n",
              posts[i], (size_t) byline_post_get_length (post), first_ms, site_ms, plain_ms,
              first->diagnostics->len);
    }
  return 0;
}
