/* bench-profile.c — the profile learned from a real site, and checking its
 * blog with it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the OpenTelemetry website of $BYLINE_CORPUS/sites: a fresh BylineSite
 * reads its configuration, templates and page index ("site model"); the
 * first profile of a blog post learns the blog's keys and the site's
 * shortcodes ("learning"); later profiles reuse what was learned
 * ("profile"). Then every blog post is read and checked with its profile,
 * made once per section as byline-cli check makes it, the site already
 * loaded ("check", posts a second). CPU time, median of the rounds.
 */

#include "config.h"

#include "byline-linter.h"
#include "byline-site.h"
#include "corpus-sites.h"

#include "bench-util.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define ROUNDS 5

int
main (int   argc,
      char *argv[])
{
  const char *corpus = g_getenv ("BYLINE_CORPUS");
  g_autofree char *root_path = NULL;
  g_autofree char *blog = NULL;
  g_autoptr(GFile) root = NULL;
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_free);
  gint64 model[ROUNDS], learning[ROUNDS], profile[ROUNDS], check[ROUNDS];
  guint n_pages = 0;
  gint64 cold;

  if (corpus == NULL)
    {
      printf ("SKIP: BYLINE_CORPUS is not set\n");
      return 0;
    }
  root_path = g_build_filename (corpus, "sites", "opentelemetry.io", NULL);
  blog = g_build_filename (root_path, "content", "en", "blog", NULL);
  if (!g_file_test (blog, G_FILE_TEST_IS_DIR))
    {
      printf ("SKIP: %s is not there\n", blog);
      return 0;
    }
  root = g_file_new_for_path (root_path);
  corpus_collect_pages (blog, posts);

  for (guint r = 0; r < ROUNDS; r++)
    {
      g_autoptr(BylineSite) site = byline_site_new (root);
      g_autoptr(BylineSitePages) pages = NULL;
      g_autoptr(BylineProfile) first = NULL;
      g_autoptr(BylineProfile) second = NULL;
      g_autoptr(GHashTable) profiles = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                              g_free, g_object_unref);
      g_autoptr(GFile) post = g_file_new_for_path (g_ptr_array_index (posts, 0));
      g_autoptr(BylineSite) post_site = NULL;
      gint64 start;

      start = bench_cpu_time ();
      byline_site_get_config (site);
      byline_site_get_shortcodes (site);
      pages = byline_site_get_pages (site);
      model[r] = bench_cpu_time () - start;
      n_pages = byline_site_pages_get_n_pages (pages);

      /* The process keeps one reading per root: a post's lookup finds the
       * one its first lookup made. */
      post_site = byline_site_lookup (post, NULL);
      byline_site_get_pages (post_site);
      start = bench_cpu_time ();
      first = byline_profile_new_for_site (post_site, NULL);
      learning[r] = bench_cpu_time () - start;
      start = bench_cpu_time ();
      second = byline_profile_new_for_site (post_site, NULL);
      profile[r] = bench_cpu_time () - start;

      start = bench_cpu_time ();
      for (guint i = 0; i < posts->len; i++)
        {
          const char *path = g_ptr_array_index (posts, i);
          g_autoptr(GFile) file = g_file_new_for_path (path);
          g_autoptr(BylineSite) file_site = byline_site_lookup (file, NULL);
          g_autoptr(BylineSitePages) site_pages = byline_site_get_pages (file_site);
          const BylineSitePage *page = byline_site_pages_lookup_file (site_pages, path);
          const char *section = page != NULL ? byline_site_page_get_section (page) : "";
          BylineProfile *post_profile = g_hash_table_lookup (profiles, section);
          g_autoptr(BylinePost) text = byline_post_new_from_file (file, NULL, NULL);
          g_autoptr(BylineBundle) bundle = byline_bundle_new (file);
          g_autoptr(BylineLinter) linter = NULL;
          g_autoptr(GPtrArray) diagnostics = NULL;

          if (post_profile == NULL)
            {
              post_profile = byline_profile_new_for_site (file_site, NULL);
              g_hash_table_insert (profiles, g_strdup (section), post_profile);
            }
          linter = byline_linter_new (post_profile, file_site, bundle);
          diagnostics = byline_linter_check (linter, text);
        }
      check[r] = bench_cpu_time () - start;
    }

  /* Learning is cached per reading of the pages, and the process keeps
   * one reading per root: only the first round learns. */
  cold = learning[0];
  qsort (model, ROUNDS, sizeof (gint64), bench_compare_times);
  qsort (learning, ROUNDS, sizeof (gint64), bench_compare_times);
  qsort (profile, ROUNDS, sizeof (gint64), bench_compare_times);
  qsort (check, ROUNDS, sizeof (gint64), bench_compare_times);

  printf ("opentelemetry.io: %u pages, %u blog posts\n", n_pages, posts->len);
  printf ("  site model        %8.1f ms\n", model[ROUNDS / 2] / 1000.0);
  printf ("  profile learning  %8.1f ms (the blog's first post)\n", cold / 1000.0);
  printf ("  profile, learned  %8.2f ms (a post of a section already learned)\n",
          profile[ROUNDS / 2] / 1000.0);
  printf ("  check             %8.1f ms, %.0f posts/s\n", check[ROUNDS / 2] / 1000.0,
          posts->len / (check[ROUNDS / 2] / (double) G_USEC_PER_SEC));
  return 0;
}
