/* test-corpus-sites-check.c — the linter on two real Hugo sites, with no
 * .byline.yml: the Hugo profile learned from each site
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * $BYLINE_CORPUS/sites/ holds the OpenTelemetry website and Hugo's own
 * documentation. Every page of them builds with Hugo, so the linter must
 * find no error there, and on average less than one warning a page. Then
 * defects planted into real posts (in memory: the corpus stays as it is)
 * must each be found, at their line. Skipped, visibly, without the corpus.
 */

#include "config.h"

#include "byline-linter.h"
#include "byline-site.h"
#include "corpus-sites.h"

#include <string.h>

typedef struct
{
  guint pages;
  guint errors;
  guint warnings;
  GHashTable *by_rule;   /* "severity rule" → count */
} Counts;

static GPtrArray *
check_text (const char *path,
            const char *text)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BylineSite) site = byline_site_lookup (file, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineProfile) profile = byline_profile_new_for_site (site, &error);
  g_autoptr(BylineBundle) bundle = byline_bundle_new (file);
  g_autoptr(BylineLinter) linter = NULL;
  g_autoptr(BylinePost) post = byline_post_new (text, -1);

  g_assert_no_error (error);
  g_assert_cmpstr (byline_profile_get_description (profile), ==,
                   "Hugo profile learned from the site");
  linter = byline_linter_new (profile, site, bundle);
  return byline_linter_check (linter, post);
}

static void
check_file (Counts     *counts,
            const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  diagnostics = check_text (path, text);
  counts->pages++;

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const BylineDiagnostic *d = g_ptr_array_index (diagnostics, i);
      g_autofree char *kind = NULL;

      if (d->severity == BYLINE_SEVERITY_ERROR)
        {
          counts->errors++;
          g_test_message ("error: %s:%u: %s [%s]", path, d->span.line, d->message, d->rule_id);
        }
      else if (d->severity == BYLINE_SEVERITY_WARNING)
        {
          counts->warnings++;
          /* A sample to look at: the missing recommended keys are many and
           * alike. */
          if (strcmp (d->rule_id, "front-matter/recommended") != 0)
            g_test_message ("warning: %s:%u: %s [%s]", path, d->span.line, d->message,
                            d->rule_id);
        }
      else
        continue;
      kind = g_strdup_printf ("%s %s", d->severity == BYLINE_SEVERITY_ERROR ? "error" : "warning",
                              d->rule_id);
      g_hash_table_insert (counts->by_rule, g_steal_pointer (&kind),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts->by_rule,
                                                                                     kind)) + 1));
    }
}

static void
check_site (const char *name,
            const char *content)
{
  g_autofree char *site = corpus_site (name);
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  Counts counts = { 0, };
  GHashTableIter iter;
  gpointer kind, count;

  if (site == NULL)
    {
      g_test_skip ("The sites of the corpus are not there (BYLINE_CORPUS)");
      return;
    }

  counts.by_rule = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  folder = g_build_filename (site, content, NULL);
  corpus_collect_pages (folder, paths);
  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < paths->len; i++)
    check_file (&counts, g_ptr_array_index (paths, i));

  g_test_message ("%s: %u pages, %u errors, %u warnings", name, counts.pages, counts.errors,
                  counts.warnings);
  g_hash_table_iter_init (&iter, counts.by_rule);
  while (g_hash_table_iter_next (&iter, &kind, &count))
    g_test_message ("  %s: %u", (const char *) kind, GPOINTER_TO_UINT (count));

  g_assert_cmpuint (counts.pages, >, 100);
  g_assert_cmpuint (counts.errors, ==, 0);
  g_assert_cmpuint (counts.warnings, <, counts.pages);
  g_hash_table_unref (counts.by_rule);
}

static void
test_opentelemetry (void)
{
  check_site ("opentelemetry.io", "content/en/blog");
}

static void
test_hugo_docs (void)
{
  check_site ("gohugo.io", "content");
}

typedef struct
{
  const char *name;
  const char *text;        /* put in place of the post's text */
  const char *rule;
  guint line;
} Planted;

/* The seven defects of issue 13. Hugo fails the build on each of these
 * (hugolib/shortcode.go: "unclosed shortcode", "must be closed or
 * self-closed", "template for shortcode not found"; a ref to no page;
 * parser/metadecoders: the front matter's syntax). */
static const Planted planted[] = {
  { "unterminated-call",
    "---\ntitle: A post\n---\n\nIntro.\n\n{{< youtube id=\"abc\"\n\nMore.\n",
    "shortcode/unterminated", 7 },
  { "unclosed-site-shortcode",
    "---\ntitle: A post\n---\n\nIntro.\n\n{{< center >}}\n\nCentered text.\n",
    "shortcode/unclosed", 7 },
  { "misspelt-shortcode",
    "---\ntitle: A post\n---\n\nIntro.\n\n{{< youtub id=\"abc\" >}}\n",
    "shortcode/unknown", 7 },
  /* hugolib/site.go (logNotFound): REF_NOT_FOUND, an error by default. */
  { "missing-relref",
    "---\ntitle: A post\n---\n\nIntro.\n\nSee [the post]({{< relref \"/blog/2022/no-such-post\" >}}).\n",
    "link/ref-not-found", 7 },
  { "missing-bundle-image",
    "---\ntitle: A post\n---\n\nIntro.\n\n![A diagram](not-there.png)\n",
    "link/missing-file", 7 },
  { "broken-yaml",
    "---\ntitle: A post\ntags: [unclosed\ndate: 2024-01-02\n---\n\nIntro.\n",
    "front-matter/syntax", 4 },
  { "broken-toml",
    "+++\ntitle = \"A post\"\ndate = 2024-01-02\ntags = [\"a\",\n+++\n\nIntro.\n",
    "front-matter/syntax", 4 },
};

static void
test_planted (gconstpointer data)
{
  const Planted *p = data;
  g_autofree char *site = corpus_site ("opentelemetry.io");
  g_autofree char *post = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  gboolean found = FALSE;

  if (site == NULL)
    {
      g_test_skip ("The sites of the corpus are not there (BYLINE_CORPUS)");
      return;
    }

  /* A real bundle of the blog, its text replaced. */
  post = g_build_filename (site, "content", "en", "blog", "2022", "apisix", "index.md", NULL);
  g_assert_true (g_file_test (post, G_FILE_TEST_EXISTS));
  diagnostics = check_text (post, p->text);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const BylineDiagnostic *d = g_ptr_array_index (diagnostics, i);

      g_test_message ("%u:%u: %s [%s]", d->span.line, d->span.column, d->message, d->rule_id);
      if (strcmp (d->rule_id, p->rule) == 0)
        {
          g_assert_cmpint (d->severity, ==, BYLINE_SEVERITY_ERROR);
          g_assert_cmpuint (d->span.line, ==, p->line);
          found = TRUE;
        }
    }
  g_assert_true (found);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/corpus-sites-check/opentelemetry", test_opentelemetry);
  g_test_add_func ("/corpus-sites-check/hugo-docs", test_hugo_docs);
  g_assert_cmpuint (G_N_ELEMENTS (planted), ==, 7);
  for (guint i = 0; i < G_N_ELEMENTS (planted); i++)
    {
      g_autofree char *path = g_strdup_printf ("/corpus-sites-check/planted/%s", planted[i].name);

      g_test_add_data_func (path, &planted[i], test_planted);
    }

  return g_test_run ();
}
