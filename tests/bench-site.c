/* bench-site.c — how long the site model takes to read a real site
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each site of $BYLINE_CORPUS/sites: a fresh BylineSite reads the
 * configuration, themes and templates ("load"), then the page index
 * ("pages": every content file's front matter, permalinks, aliases); a
 * refresh with nothing changed costs a walk of the content folders; a
 * lookup of a post of a site already read walks up to the root and checks
 * that nothing the site was read from has changed. The median of the
 * rounds is printed; the files are in the page cache after
 * the first round, as they are on a writer's machine.
 */

#include "config.h"

#include "byline-site.h"

#include "bench-util.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define ROUNDS 15

static gboolean
bench_site (const char *corpus,
            const char *name)
{
  g_autofree char *root = g_build_filename (corpus, "sites", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (root);
  gint64 load[ROUNDS], pages[ROUNDS], refresh[ROUNDS], pages_cpu[ROUNDS], lookup[ROUNDS];
  guint n_pages = 0;
  g_autofree char *post = NULL;
  g_autoptr(GFile) post_file = NULL;
  g_autoptr(BylineSite) first = NULL;

  if (!g_file_test (root, G_FILE_TEST_IS_DIR))
    return FALSE;

  for (guint i = 0; i < ROUNDS; i++)
    {
      g_autoptr(BylineSite) site = byline_site_new (file);
      g_autoptr(BylineSitePages) index = NULL;
      gint64 t0 = g_get_monotonic_time ();
      gint64 t1, t2, t3, c1;

      byline_site_get_config (site);
      t1 = g_get_monotonic_time ();
      c1 = bench_cpu_time ();
      index = byline_site_get_pages (site);
      pages_cpu[i] = bench_cpu_time () - c1;
      t2 = g_get_monotonic_time ();
      byline_site_refresh_pages (site);
      t3 = g_get_monotonic_time ();

      load[i] = t1 - t0;
      pages[i] = t2 - t1;
      refresh[i] = t3 - t2;
      n_pages = byline_site_pages_get_n_pages (index);
      for (guint p = 0; post == NULL && p < n_pages; p++)
        post = g_strdup (byline_site_page_get_file (byline_site_pages_get_page (index, p)));
    }

  if (post == NULL)
    return FALSE;
  post_file = g_file_new_for_path (post);
  first = byline_site_lookup (post_file, NULL);
  byline_site_get_config (first);
  for (guint i = 0; i < ROUNDS; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(BylineSite) site = byline_site_lookup (post_file, NULL);

      lookup[i] = g_get_monotonic_time () - t0;
      g_assert_true (byline_site_get_config (site) == byline_site_get_config (first));
    }

  qsort (load, ROUNDS, sizeof (gint64), bench_compare_times);
  qsort (pages, ROUNDS, sizeof (gint64), bench_compare_times);
  qsort (refresh, ROUNDS, sizeof (gint64), bench_compare_times);
  qsort (pages_cpu, ROUNDS, sizeof (gint64), bench_compare_times);
  qsort (lookup, ROUNDS, sizeof (gint64), bench_compare_times);
  printf ("site %s: %u pages; load %.1f ms, pages %.1f ms (%.1f µs a page; CPU %.1f ms, fastest "
          "%.1f ms), "
          "refresh unchanged %.1f ms, lookup of a post %.2f ms (median of %u)\n",
          name, n_pages, load[ROUNDS / 2] / 1000.0, pages[ROUNDS / 2] / 1000.0,
          pages[ROUNDS / 2] / (double)MAX (n_pages, 1), pages_cpu[ROUNDS / 2] / 1000.0,
          pages[0] / 1000.0, refresh[ROUNDS / 2] / 1000.0, lookup[ROUNDS / 2] / 1000.0, ROUNDS);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  const char *corpus = g_getenv ("BYLINE_CORPUS");
  gboolean any = FALSE;

  if (corpus != NULL)
    {
      any |= bench_site (corpus, "opentelemetry.io");
      any |= bench_site (corpus, "gohugo.io");
    }
  if (!any)
    {
      printf ("SKIP: BYLINE_CORPUS/sites is not there\n");
      return 77;
    }
  return 0;
}
