/* bench-check.c — how many corpus posts per second the rule engine checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each round does what byline-cli check does for a post: parse the text,
 * open its bundle and run every rule (the profile is shared, as the CLI
 * shares it between the posts of one site).
 *
 * Then the OpenTelemetry blog of $BYLINE_CORPUS/sites with its site, as
 * byline-cli check reads it: the site looked up per post (its model read
 * once), the site's profile (a learned one made for each post, as the CLI
 * does: what the site's other posts teach), the analysis without a render,
 * which runs the templates of the site's shortcode calls (spelling off).
 */

#include "config.h"

#include "byline-analysis.h"
#include "byline-linter.h"

#include "corpus.h"
#include "corpus-sites.h"

#include "bench-util.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static void
collect_posts (const char *dir,
               GPtrArray  *paths)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_posts (path, paths);
      else if (g_str_has_suffix (name, ".md") && strcmp (name, "_index.md") != 0)
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

static void
check_site_blog (void)
{
  g_autofree char *root = corpus_site ("opentelemetry.io");
  g_autofree char *blog = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(BylineProfile) profile = NULL;
  gint64 start, cpu_start, elapsed = 0, cpu = 0;
  guint rounds = 0, n_checked = 0, n_findings = 0, n_template = 0;

  if (root == NULL)
    {
      printf ("SKIP site: BYLINE_CORPUS/sites/opentelemetry.io is not there\n");
      return;
    }
  blog = g_build_filename (root, "content", "en", "blog", NULL);
  collect_posts (blog, paths);
  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < paths->len; i++)
    {
      char *text = NULL;

      g_file_get_contents (g_ptr_array_index (paths, i), &text, NULL, NULL);
      g_ptr_array_add (texts, text != NULL ? text : g_strdup (""));
    }

  start = g_get_monotonic_time ();
  cpu_start = bench_cpu_time ();
  while (rounds < 3 || elapsed < 2 * G_USEC_PER_SEC)
    {
      for (guint i = 0; i < paths->len; i++)
        {
          g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (paths, i));
          g_autoptr(BylineSite) site = byline_site_lookup (file, NULL);
          g_autoptr(BylineBundle) bundle = byline_bundle_new (file);
          g_autoptr(BylineAnalysisContext) context = NULL;
          g_autoptr(BylineAnalysis) analysis = NULL;
          g_autoptr(BylineProfile) post_profile = NULL;
          GPtrArray *diagnostics;

          if (profile == NULL)
            {
              g_autoptr(GError) error = NULL;

              profile = byline_profile_new_for_site (site, &error);
              g_assert_no_error (error);
            }
          /* A learned profile is the post's own, as in byline-cli check:
           * what the site's other posts teach. */
          if (byline_profile_is_learned (profile))
            post_profile = byline_profile_new_for_site (site, NULL);
          else
            post_profile = g_object_ref (profile);
          context = byline_analysis_context_new (post_profile, site, bundle, NULL, NULL);
          analysis = byline_analysis_new (context, g_ptr_array_index (texts, i), -1, 0,
                                          BYLINE_ANALYSIS_NO_RENDER);
          diagnostics = byline_analysis_get_diagnostics (analysis);
          if (rounds == 0)
            for (guint j = 0; j < diagnostics->len; j++)
              {
                const BylineDiagnostic *d = g_ptr_array_index (diagnostics, j);

                n_findings++;
                n_template += strcmp (d->rule_id, "preview/template") == 0;
              }
          n_checked++;
        }
      rounds++;
      elapsed = g_get_monotonic_time () - start;
    }
  cpu = bench_cpu_time () - cpu_start;

  printf ("site: OpenTelemetry blog, %u posts with the site (%u rounds) in %.3f s: %.0f posts/s, "
          "%.3f ms per post (CPU: %.0f posts/s, %.3f ms per post); %u findings a round, %u of "
          "them preview/template\n",
          paths->len, rounds, elapsed / (double) G_USEC_PER_SEC,
          n_checked / (elapsed / (double) G_USEC_PER_SEC), elapsed / 1000.0 / n_checked,
          n_checked / (cpu / (double) G_USEC_PER_SEC), cpu / 1000.0 / n_checked,
          n_findings, n_template);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) posts = corpus_load ();
  g_autoptr(BylineProfile) profile = NULL;
  gint64 start, elapsed = 0;
  guint rounds = 0;
  guint n_checked = 0;
  gsize n_bytes = 0;

  if (posts == NULL || posts->len == 0)
    {
      printf ("SKIP: BYLINE_CORPUS/istio-blog is not there\n");
      return 77;
    }

  profile = byline_profile_new_builtin ();

  /* A stable figure: at least 2 s and 20 rounds of the whole corpus. */
  start = g_get_monotonic_time ();
  while (rounds < 20 || elapsed < 2 * G_USEC_PER_SEC)
    {
      for (guint i = 0; i < posts->len; i++)
        {
          CorpusPost *cp = g_ptr_array_index (posts, i);
          g_autoptr(GFile) file = g_file_new_for_path (cp->path);
          g_autoptr(BylineBundle) bundle = byline_bundle_new (file);
          g_autoptr(BylineLinter) linter = byline_linter_new (profile, NULL, bundle);
          g_autoptr(BylinePost) post = byline_post_new (cp->text, cp->length);
          g_autoptr(GPtrArray) diagnostics = byline_linter_check (linter, post);

          n_checked++;
          n_bytes += cp->length;
        }
      rounds++;
      elapsed = g_get_monotonic_time () - start;
      if (rounds >= 2000)
        break;
    }

  printf ("check: %u posts (%u rounds of %u, %.1f KB each round) in %.3f s\n",
          n_checked, rounds, posts->len, n_bytes / (double) rounds / 1024.0,
          elapsed / (double) G_USEC_PER_SEC);
  printf ("check: %.0f posts/s, %.3f ms per post\n",
          n_checked / (elapsed / (double) G_USEC_PER_SEC),
          elapsed / 1000.0 / n_checked);

  check_site_blog ();
  return 0;
}
