/* test-corpus-check.c — the real istio.io posts pass the check without errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every post of the corpus builds on the real site, so an error about one
 * of them is a defect of a rule. Warnings are tallied by rule and sampled in
 * the log, so that a reviewer can judge whether each kind is a real finding.
 */

#include "config.h"

#include "byline-linter.h"

#include "corpus.h"

static void
test_corpus_no_errors (void)
{
  g_autoptr(GPtrArray) posts = corpus_load ();
  g_autoptr(BylineProfile) profile = NULL;
  g_autoptr(GHashTable) tally = NULL;
  g_autoptr(GHashTable) samples = NULL;
  g_autoptr(GList) rules = NULL;
  g_autoptr(GString) errors = g_string_new (NULL);
  guint n_errors = 0;

  if (posts == NULL)
    {
      g_test_skip ("BYLINE_CORPUS/istio-blog is not there");
      return;
    }

  profile = byline_profile_new_builtin ();
  tally = g_hash_table_new (g_str_hash, g_str_equal);
  samples = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < posts->len; i++)
    {
      CorpusPost *cp = g_ptr_array_index (posts, i);
      g_autoptr(GFile) file = g_file_new_for_path (cp->path);
      g_autoptr(BylineBundle) bundle = byline_bundle_new (file);
      g_autoptr(BylineLinter) linter = byline_linter_new (profile, NULL, bundle);
      g_autoptr(BylinePost) post = byline_post_new (cp->text, cp->length);
      g_autoptr(GPtrArray) diagnostics = byline_linter_check (linter, post);

      for (guint j = 0; j < diagnostics->len; j++)
        {
          const BylineDiagnostic *d = g_ptr_array_index (diagnostics, j);
          guint count;

          if (d->severity == BYLINE_SEVERITY_ERROR)
            {
              n_errors++;
              g_string_append_printf (errors, "%s:%u:%u: %s [%s]\n", cp->name,
                                      d->span.line, d->span.column, d->message, d->rule_id);
              continue;
            }

          count = GPOINTER_TO_UINT (g_hash_table_lookup (tally, d->rule_id)) + 1;
          g_hash_table_insert (tally, (gpointer) d->rule_id, GUINT_TO_POINTER (count));
          if (count <= 3)
            {
              char *sample = g_strdup_printf ("%s%s:%u:%u: %s\n",
                                              (char *) g_hash_table_lookup (samples, d->rule_id)
                                                ? (char *) g_hash_table_lookup (samples,
                                                                                d->rule_id)
                                                : "",
                                              cp->name, d->span.line, d->span.column,
                                              d->message);
              g_hash_table_insert (samples, (gpointer) d->rule_id, sample);
            }
        }
    }

  g_test_message ("%u posts checked", posts->len);
  rules = g_hash_table_get_keys (tally);
  rules = g_list_sort (rules, (GCompareFunc) g_strcmp0);
  for (GList *l = rules; l != NULL; l = l->next)
    {
      g_test_message ("%5u %s", GPOINTER_TO_UINT (g_hash_table_lookup (tally, l->data)),
                      (const char *) l->data);
      g_test_message ("%s", (const char *) g_hash_table_lookup (samples, l->data));
    }

  if (n_errors > 0)
    g_test_message ("Errors:\n%s", errors->str);
  g_assert_cmpuint (n_errors, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/corpus-check/no-errors", test_corpus_no_errors);

  return g_test_run ();
}
