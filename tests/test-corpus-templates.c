/* test-corpus-templates.c — the two real sites' shortcodes through the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every page of $BYLINE_CORPUS/sites/opentelemetry.io and gohugo.io, every
 * outermost call to a shortcode the site (or its theme) defines, rendered
 * the way the preview renders it: through the site's template, with the
 * page as Hugo builds it. Reports, per site, the share of calls the
 * template renders (the rest would be fallback boxes), why the others fail,
 * and the functions the preview lacks ranked by the calls each would
 * unlock; asserts a floor under the share. Calls to Hugo's built-in
 * shortcodes are counted apart (another part of the renderer draws them).
 * Skipped, visibly, without the corpus.
 */

#include "config.h"

#include "corpus-sites.h"

#include "byline-gotmpl-site-env.h"

#include <string.h>

typedef struct
{
  guint pages;
  guint calls;          /* to the site's own shortcodes */
  guint rendered;
  guint builtin;        /* to shortcodes only Hugo defines */
  guint by_status[BYLINE_GOTMPL_NOT_FOUND + 1];
  GHashTable *missing;  /* function → calls it blocks */
  GHashTable *errors;   /* first line of the message → calls */
} Counts;

static void
tally (GHashTable *table,
       const char *key)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (table, key));

  g_hash_table_replace (table, g_strdup (key), GUINT_TO_POINTER (n + 1));
}

static int
compare_by_count (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  GHashTable *table = user_data;
  guint na = GPOINTER_TO_UINT (g_hash_table_lookup (table, *(const char * const *) a));
  guint nb = GPOINTER_TO_UINT (g_hash_table_lookup (table, *(const char * const *) b));

  if (na != nb)
    return na > nb ? -1 : 1;
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
print_ranked (const char *title,
              GHashTable *table,
              guint       limit)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);

  g_ptr_array_sort_with_data (keys, compare_by_count, table);
  g_test_message ("  %s:", title);
  for (guint i = 0; i < keys->len && i < limit; i++)
    g_test_message ("    %4u  %s", GPOINTER_TO_UINT (g_hash_table_lookup (table, keys->pdata[i])),
                    (const char *) keys->pdata[i]);
}

static void
check_page (BylineSite      *site,
            BylineGotmplSet *set,
            const char      *file,
            Counts          *counts)
{
  g_autoptr(GFile) gfile = g_file_new_for_path (file);
  g_autoptr(BylinePost) post = byline_post_new_from_file (gfile, NULL, NULL);
  BylineGotmplEnv *env = byline_gotmpl_set_get_env (set);
  g_auto(BylineGotmplValue) page = BYLINE_GOTMPL_VALUE_INIT;
  const BylineShortcodeList *list;

  if (post == NULL)
    return;
  counts->pages++;
  list = byline_post_get_shortcodes (post);
  for (guint i = 0; i < list->calls->len; i++)
    {
      const BylineShortcode *call = g_ptr_array_index (list->calls, i);
      g_auto(BylineGotmplResult) result = { 0, };

      if (call->parent >= 0 || call->name == NULL ||
          (call->kind != BYLINE_SHORTCODE_OPEN && call->kind != BYLINE_SHORTCODE_SELF_CLOSING))
        continue;
      if (byline_site_lookup_shortcode (site, call->name) == NULL)
        {
          counts->builtin++;
          continue;
        }
      if (page.kind == BYLINE_GOTMPL_NIL)
        page = byline_gotmpl_site_env_page_for_post (BYLINE_GOTMPL_SITE_ENV (env), post, file);
      counts->calls++;
      if (byline_gotmpl_set_render_call (set, &page, byline_post_get_text (post), file, list, i,
                                         &result))
        {
          counts->rendered++;
          continue;
        }
      counts->by_status[result.status]++;
      if (result.status == BYLINE_GOTMPL_UNSUPPORTED && result.missing != NULL)
        tally (counts->missing, result.missing);
      else
        {
          g_autofree char *what = g_strdup_printf ("%s: %s", call->name,
                                                   result.message != NULL ? result.message : "?");
          char *newline = strchr (what, '\n');

          if (newline != NULL)
            *newline = '\0';
          tally (counts->errors, what);
        }
    }
}

static void
check_site (const char *name,
            double      floor)
{
  g_autofree char *root = corpus_site (name);
  g_autoptr(GFile) root_file = NULL;
  g_autoptr(BylineSite) site = NULL;
  g_autoptr(BylineSitePages) pages = NULL;
  g_autoptr(BylineGotmplSet) set = NULL;
  Counts counts = { 0, };
  double share;

  if (root == NULL)
    {
      g_test_skip ("The corpus of real sites is not there (BYLINE_CORPUS/sites)");
      return;
    }
  root_file = g_file_new_for_path (root);
  site = byline_site_new (root_file);
  set = byline_gotmpl_site_env_dup_set (site);
  g_assert_nonnull (set);
  pages = byline_site_get_pages (site);
  counts.missing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  counts.errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < byline_site_pages_get_n_pages (pages); i++)
    {
      const char *file = byline_site_page_get_file (byline_site_pages_get_page (pages, i));

      if (file != NULL && g_str_has_suffix (file, ".md"))
        check_page (site, set, file, &counts);
    }

  share = counts.calls > 0 ? (double) counts.rendered / counts.calls : 1.0;
  g_test_message ("%s: %u pages, %u calls to the site's shortcodes, %u rendered by their "
                  "templates (%.1f%%), %u fallback boxes (%u errors, %u unsupported, %u limits); "
                  "%u calls to Hugo's built-in shortcodes",
                  name, counts.pages, counts.calls, counts.rendered, share * 100.0,
                  counts.calls - counts.rendered, counts.by_status[BYLINE_GOTMPL_ERROR],
                  counts.by_status[BYLINE_GOTMPL_UNSUPPORTED], counts.by_status[BYLINE_GOTMPL_LIMIT],
                  counts.builtin);
  print_ranked ("missing functions, by the calls each would unlock", counts.missing, 20);
  print_ranked ("other failures", counts.errors, 20);

  g_assert_cmpuint (counts.calls, >, 0);
  g_assert_cmpfloat (share, >=, floor);

  g_hash_table_unref (counts.missing);
  g_hash_table_unref (counts.errors);
}

/* The floors are what the preview renders now (100% of 10 calls, and
 * 895 of 896): a change that loses calls fails here. */
static void
test_opentelemetry (void)
{
  check_site ("opentelemetry.io", 0.95);
}

static void
test_hugo_docs (void)
{
  check_site ("gohugo.io", 0.998);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/corpus-templates/opentelemetry", test_opentelemetry);
  g_test_add_func ("/core/corpus-templates/hugo-docs", test_hugo_docs);

  return g_test_run ();
}
