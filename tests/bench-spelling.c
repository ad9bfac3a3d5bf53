/* bench-spelling.c — what spell checking and statistics cost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the sample post (data/sample/index.md) and a post whose body is the
 * sample's body 100 times over, the time of one lint with the spelling rule
 * and without it (the difference is what spelling adds: finding the prose,
 * splitting it into words and looking each up), once with a fresh checker
 * (cold: every word goes to Enchant) and then warm (each word cached), and
 * the time of the statistics (render and count). Then the corpus, as
 * byline-cli check --spelling sees it: posts a second, one checker shared.
 * Medians of the runs, in milliseconds.
 */

#include "config.h"

#include "byline-linter.h"
#include "byline-stats.h"

#include "corpus.h"

#include "bench-util.h"

#include <stdio.h>
#include <time.h>
#include <stdlib.h>

static double
median_ms (gint64 *times,
           guint   n)
{
  qsort (times, n, sizeof (gint64), bench_compare_times);
  return times[n / 2] / 1000.0;
}

static gint64
lint_once (BylineProfile      *profile,
           BylineSpellChecker *checker,
           BylinePost         *post,
           guint              *n_findings)
{
  g_autoptr(BylineLinter) linter = byline_linter_new (profile, NULL, NULL);
  g_autoptr(GPtrArray) diagnostics = NULL;
  gint64 start;

  byline_linter_set_spell_checker (linter, checker);
  start = g_get_monotonic_time ();
  diagnostics = byline_linter_check (linter, post);
  if (n_findings != NULL)
    {
      *n_findings = 0;
      for (guint i = 0; i < diagnostics->len; i++)
        {
          const BylineDiagnostic *d = g_ptr_array_index (diagnostics, i);

          *n_findings += g_str_equal (d->rule_id, "spelling/unknown-word");
        }
    }
  return g_get_monotonic_time () - start;
}

static void
bench (BylineProfile *profile,
       const char    *label,
       const char    *text,
       gsize          length,
       guint          rounds)
{
  g_autoptr(BylinePost) post = byline_post_new (text, length);
  g_autoptr(BylineSpellChecker) checker = NULL;
  g_autoptr(BylineRenderer) renderer = byline_renderer_new (profile, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *with = g_new (gint64, rounds);
  g_autofree gint64 *without = g_new (gint64, rounds);
  g_autofree gint64 *stats_times = g_new (gint64, rounds);
  gint64 load, cold;
  guint n_findings = 0;
  BylineStats stats;

  load = g_get_monotonic_time ();
  checker = byline_spell_checker_new ("en_US", &error);
  load = g_get_monotonic_time () - load;
  g_assert_no_error (error);

  cold = lint_once (profile, checker, post, &n_findings) - lint_once (profile, NULL, post, NULL);
  for (guint i = 0; i < rounds; i++)
    {
      with[i] = lint_once (profile, checker, post, NULL);
      without[i] = lint_once (profile, NULL, post, NULL);
    }

  byline_renderer_set_tagfilter (renderer, FALSE);
  for (guint i = 0; i < rounds; i++)
    {
      gint64 start = g_get_monotonic_time ();

      byline_stats_compute (renderer, post, FALSE, &stats);
      stats_times[i] = g_get_monotonic_time () - start;
    }

  printf ("%-13s %7.1f KB, %5u words, %3u unknown: checker %.1f ms; lint %.2f ms without "
          "spelling, %.2f ms with (spelling %.2f ms warm, %.2f ms cold); stats %.2f ms\n",
          label, length / 1024.0, stats.words, n_findings, load / 1000.0,
          median_ms (without, rounds), median_ms (with, rounds),
          median_ms (with, rounds) - median_ms (without, rounds), cold / 1000.0,
          median_ms (stats_times, rounds));
}

/* Lints every post of the corpus, once when @once, else in rounds for at
 * least a second; prints posts a second of wall-clock and of CPU time. */
static void
run_corpus (BylineProfile      *profile,
            GPtrArray          *posts,
            BylineSpellChecker *checker,
            gboolean            once,
            const char         *label)
{
  gint64 start = g_get_monotonic_time ();
  gint64 cpu_start = bench_cpu_time ();
  gint64 elapsed = 0, cpu;
  guint n = 0, rounds = 0;

  while (rounds < 1 || (!once && (rounds < 5 || elapsed < G_USEC_PER_SEC)))
    {
      for (guint i = 0; i < posts->len; i++)
        {
          CorpusPost *cp = g_ptr_array_index (posts, i);
          g_autoptr(BylinePost) post = byline_post_new (cp->text, cp->length);

          lint_once (profile, checker, post, NULL);
          n++;
        }
      rounds++;
      elapsed = g_get_monotonic_time () - start;
    }
  cpu = bench_cpu_time () - cpu_start;

  printf ("corpus %-42s %5u posts in %.3f s: %6.0f posts/s (%6.0f posts per CPU second)\n",
          label, n, elapsed / (double) G_USEC_PER_SEC, n / (elapsed / (double) G_USEC_PER_SEC),
          n / (cpu / (double) G_USEC_PER_SEC));
}

/* The corpus as byline-cli check --spelling sees it: one checker shared by
 * every post; no site word list, so many unknown words. */
static void
bench_corpus (BylineProfile *profile)
{
  g_autoptr(GPtrArray) posts = corpus_load ();
  g_autoptr(BylineSpellChecker) checker = NULL;
  g_autoptr(GError) error = NULL;

  if (posts == NULL || posts->len == 0)
    {
      printf ("corpus: SKIP, BYLINE_CORPUS/istio-blog is not there\n");
      return;
    }

  checker = byline_spell_checker_new ("en_US", &error);
  g_assert_no_error (error);

  /* One pass with a new checker, as one run of the CLI: every word goes to
   * Enchant once. Then passes with every word known to the checker. */
  run_corpus (profile, posts, checker, TRUE, "spelling, one pass, new checker (cold):");
  run_corpus (profile, posts, checker, FALSE, "spelling, checker warm:");
  run_corpus (profile, posts, NULL, FALSE, "without spelling:");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  g_autofree char *big = NULL;

  if (!byline_spell_dictionary_exists ("en_US"))
    {
      printf ("SKIP: no en_US dictionary for Enchant (hunspell-en-us)\n");
      return 77;
    }

  path = argc > 1 ? g_strdup (argv[1])
                  : g_build_filename (g_getenv ("G_TEST_SRCDIR") ? g_getenv ("G_TEST_SRCDIR")
                                                                  : "tests",
                                      "..", "data", "sample", "index.md", NULL);
  if (!g_file_get_contents (path, &text, &length, &error))
    {
      g_printerr ("bench-spelling: %s\n", error->message);
      return 2;
    }

  big = bench_repeat_body (text, 100);

  bench (profile, "sample", text, length, 200);
  bench (profile, "sample x100", big, strlen (big), 11);
  bench_corpus (profile);

  return 0;
}
