/* bench-check.c — how many corpus posts per second the rule engine checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each round does what byline-cli check does for a post: parse the text,
 * open its bundle and run every rule (the profile is shared, as the CLI
 * shares it between the posts of one site).
 */

#include "config.h"

#include "byline-linter.h"

#include "corpus.h"

#include <stdio.h>

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

  return 0;
}
