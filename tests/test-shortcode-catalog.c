/* test-shortcode-catalog.c — the shortcodes a post can call, and the rules on their parameters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixture site tests/data/shortcode-site/ has templates for each case
 * the analysis must tell apart: defaults, errorf on a missing parameter,
 * names read in a partial, positional values, .Params read whole, a name
 * worked out at run time, a partial that is missing, a template that does
 * not parse, a site template over one of Hugo's, and a theme's. The corpus
 * test runs the two rules over every page of the real sites in
 * $BYLINE_CORPUS/sites/, which build with Hugo: none of them may report.
 */

#include "config.h"

#include "byline-linter.h"
#include "byline-shortcode-catalog.h"
#include "corpus-sites.h"

#include <string.h>

static char *
fixture_root (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "shortcode-site", NULL);
}

static BylineSite *
fixture_site (void)
{
  g_autofree char *root = fixture_root ();
  g_autoptr(GFile) file = g_file_new_for_path (root);

  return byline_site_new (file);
}

/* "name=default" for each parameter, "!" after a required one, "#N" for
 * positional ones. */
static char *
describe (const BylineShortcodeEntry *entry)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < entry->params->len; i++)
    {
      const BylineShortcodeParamInfo *p = g_ptr_array_index (entry->params, i);

      if (i > 0)
        g_string_append_c (s, ' ');
      if (p->name != NULL)
        g_string_append (s, p->name);
      else
        g_string_append_printf (s, "#%d", p->position);
      if (p->default_value != NULL)
        g_string_append_printf (s, "=%s", p->default_value);
      if (p->required)
        g_string_append_c (s, '!');
    }
  return g_string_free (s, FALSE);
}

static void
test_entries (void)
{
  g_autoptr(BylineSite) site = fixture_site ();
  g_autoptr(BylineShortcodeCatalog) catalog = byline_shortcode_catalog_new (site, NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  const BylineShortcodeEntry *entry;

  for (guint i = 0; i < byline_shortcode_catalog_get_n_entries (catalog); i++)
    {
      entry = byline_shortcode_catalog_get_entry (catalog, i);
      g_string_append_printf (names, "%s%s", i > 0 ? " " : "", entry->name);
    }
  /* The site's youtube replaces Hugo's. */
  g_assert_cmpstr (names->str, ==,
                   "alert attrs broken card cite comment details figure gist highlight "
                   "instagram lost param pick qr ref relref tip video vimeo x youtube");

  entry = byline_shortcode_catalog_lookup (catalog, "youtube");
  g_assert_cmpint (entry->origin, ==, BYLINE_SHORTCODE_ORIGIN_SITE);
  g_assert_true (g_str_has_suffix (entry->path, "/layouts/shortcodes/youtube.html"));
  entry = byline_shortcode_catalog_lookup (catalog, "tip");
  g_assert_cmpint (entry->origin, ==, BYLINE_SHORTCODE_ORIGIN_THEME);
  g_assert_cmpstr (entry->component, ==, "lite");
  entry = byline_shortcode_catalog_lookup (catalog, "figure");
  g_assert_cmpint (entry->origin, ==, BYLINE_SHORTCODE_ORIGIN_BUILTIN);
  g_assert_null (entry->path);
  g_assert_nonnull (entry->help);
  g_assert_null (byline_shortcode_catalog_lookup (catalog, "nothere"));
}

typedef struct
{
  const char *name;
  gboolean    analysed;
  const char *params;
  const char *known_names;
  gboolean    any_params;
  gboolean    paired;
} EntryCase;

static const EntryCase entry_cases[] = {
  { "alert", TRUE, "color=primary title", "color title", FALSE, TRUE },
  { "video", TRUE, "src! poster", "src poster", FALSE, FALSE },
  /* Names read by the partial count as read, but only the template's own
   * ones are offered. */
  { "card", TRUE, "", "header footer", FALSE, FALSE },
  { "cite", TRUE, "#0!", "", FALSE, FALSE },
  { "attrs", TRUE, "", "", TRUE, FALSE },
  { "pick", TRUE, "kind", "kind", TRUE, FALSE },
  { "lost", TRUE, "a", "a", TRUE, FALSE },
  { "broken", FALSE, "", NULL, FALSE, FALSE },
  { "youtube", TRUE, "id title=Video", "id title", FALSE, FALSE },
  { "tip", TRUE, "icon", "icon", FALSE, TRUE },
  /* Hugo's, from its documentation. */
  { "figure", TRUE, "src! alt width height loading class link target rel title caption attr attrlink",
    "src alt width height loading class link target rel title caption attr attrlink", FALSE, FALSE },
  { "details", TRUE, "summary=Details open class name title", "summary open class name title",
    FALSE, TRUE },
  { "param", TRUE, "#0!", "", FALSE, FALSE },
  { "x", TRUE, "user! id!", "user id", FALSE, FALSE },
};

static void
test_analysis (void)
{
  g_autoptr(BylineSite) site = fixture_site ();
  g_autoptr(BylineShortcodeCatalog) catalog = byline_shortcode_catalog_new (site, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (entry_cases); i++)
    {
      const EntryCase *c = &entry_cases[i];
      const BylineShortcodeEntry *entry = byline_shortcode_catalog_lookup (catalog, c->name);
      g_autofree char *params = NULL;
      g_autofree char *known = NULL;

      g_test_message ("%s", c->name);
      g_assert_nonnull (entry);
      g_assert_cmpint (entry->analysed, ==, c->analysed);
      params = describe (entry);
      g_assert_cmpstr (params, ==, c->params);
      known = entry->known_names != NULL ? g_strjoinv (" ", entry->known_names) : NULL;
      g_assert_cmpstr (known, ==, c->known_names);
      g_assert_cmpint (entry->any_params, ==, c->any_params);
      g_assert_cmpint (entry->paired, ==, c->paired);
      if (!c->analysed)
        g_assert_nonnull (entry->error);
    }
}

static void
test_profile (void)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(BylineSite) site = fixture_site ();
  g_autoptr(BylineShortcodeCatalog) catalog = byline_shortcode_catalog_new (site, profile);
  const BylineShortcodeEntry *entry;
  const BylineShortcodeParamInfo *param;

  entry = byline_shortcode_catalog_lookup (catalog, "image");
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->origin, ==, BYLINE_SHORTCODE_ORIGIN_PROFILE);
  g_assert_cmpstr (entry->help, ==, "A figure with a picture of the bundle, its caption and its width.");
  param = byline_shortcode_entry_get_param (entry, "link", -1);
  g_assert_nonnull (param);
  g_assert_true (param->required);
  g_assert_null (byline_shortcode_entry_get_param (entry, "lnk", -1));

  /* The site's template comes before the profile's declaration. */
  entry = byline_shortcode_catalog_lookup (catalog, "tip");
  g_assert_cmpint (entry->origin, ==, BYLINE_SHORTCODE_ORIGIN_THEME);
}

/* Linting */

typedef struct
{
  const char *body;
  const char *expected;  /* "rule-id “span”[→fix]" per finding, "; " between them */
} LintCase;

static const LintCase lint_cases[] = {
  { "{{< alert titel=\"Note\" >}}Hi{{< /alert >}}", "template-param “titel”→title" },
  { "{{< alert color=\"info\" title=\"Note\" >}}Hi{{< /alert >}}", "" },
  { "{{< video poster=\"a.png\" >}}", "template-required “video”" },
  { "{{< video >}}", "template-required “video”" },
  { "{{< video src=\"a.mp4\" size=\"big\" >}}", "template-param “size”" },
  /* A positional call is not held to the named parameters. */
  { "{{< video \"a.mp4\" >}}", "" },
  { "{{< card header=\"H\" footer=\"F\" >}}", "" },
  { "{{< card heder=\"H\" >}}", "template-param “heder”→header" },
  { "{{< cite >}}", "template-required “cite”" },
  { "{{< cite \"Dune\" >}}", "" },
  { "{{< attrs anything=\"1\" >}}", "" },
  { "{{< pick kind=\"a\" a-label=\"x\" >}}", "" },
  { "{{< lost b=\"1\" >}}", "" },
  { "{{< broken y=\"1\" >}}", "" },
  { "{{< youtube idd=\"abc\" >}}", "template-param “idd”→id" },
  /* The suggestion is given already: no fix that would repeat it. */
  { "{{< alert title=\"A\" titel=\"B\" >}}x{{< /alert >}}", "template-param “titel”" },
  /* The profile declares tip: its own rules apply. Hugo's figure is not a
   * template of the site. Escaped calls are text. */
  { "{{< tip iconn=\"x\" >}}\nx\n{{< /tip >}}", "" },
  { "{{< figure srcc=\"a.png\" >}}", "" },
  { "{{</* alert titel=\"x\" */>}}", "" },
};

static char *
run_lint (BylineSite *site,
          const char *body)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(BylineLinter) linter = byline_linter_new (profile, site, NULL);
  g_autofree char *text = g_strconcat ("---\ntitle: T\n---\n\n", body, "\n", NULL);
  g_autoptr(BylinePost) post = byline_post_new (text, -1);
  g_autoptr(GPtrArray) diagnostics = NULL;
  GString *out = g_string_new (NULL);

  diagnostics = byline_linter_check (linter, post);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const BylineDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (!g_str_has_prefix (d->rule_id, "shortcode/template-"))
        continue;
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append_printf (out, "%s “%.*s”", d->rule_id + strlen ("shortcode/"),
                              (int) (d->span.end - d->span.start), text + d->span.start);
      if (d->fix != NULL)
        g_string_append_printf (out, "→%s", d->fix->text);
      g_assert_cmpint (d->severity, ==,
                       g_str_equal (d->rule_id, "shortcode/template-param")
                       ? BYLINE_SEVERITY_WARNING : BYLINE_SEVERITY_ERROR);
    }
  return g_string_free (out, FALSE);
}

static void
test_lint (void)
{
  g_autoptr(BylineSite) site = fixture_site ();

  for (guint i = 0; i < G_N_ELEMENTS (lint_cases); i++)
    {
      g_autofree char *found = run_lint (site, lint_cases[i].body);

      g_test_message ("%s", lint_cases[i].body);
      g_assert_cmpstr (found, ==, lint_cases[i].expected);
    }
}

static void
test_lint_messages (void)
{
  g_autoptr(BylineSite) site = fixture_site ();
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(BylineLinter) linter = byline_linter_new (profile, site, NULL);
  g_autoptr(BylineLinter) without = byline_linter_new (profile, NULL, NULL);
  g_autoptr(BylinePost) post =
    byline_post_new ("{{< alert titel=\"A\" >}}x{{< /alert >}}\n{{< cite >}}\n", -1);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) without_site = NULL;
  const BylineDiagnostic *d;

  diagnostics = byline_linter_check (linter, post);
  for (guint i = diagnostics->len; i > 0; i--)
    if (!g_str_has_prefix (((BylineDiagnostic *) g_ptr_array_index (diagnostics, i - 1))->rule_id,
                           "shortcode/template-"))
      g_ptr_array_remove_index (diagnostics, i - 1);
  g_assert_cmpuint (diagnostics->len, ==, 2);
  d = g_ptr_array_index (diagnostics, 0);
  g_assert_cmpstr (d->message, ==, "The template of {{< alert >}} never reads “titel”: did you "
                                   "mean “title”?");
  d = g_ptr_array_index (diagnostics, 1);
  g_assert_cmpstr (d->message, ==, "{{< cite >}} needs a value at position 0: its template "
                                   "stops the site’s build without it");

  /* Without the site, nothing is known of its templates. */
  without_site = byline_linter_check (without, post);
  for (guint i = 0; i < without_site->len; i++)
    g_assert_false (g_str_has_prefix (((BylineDiagnostic *) g_ptr_array_index (without_site, i))->rule_id,
                                      "shortcode/template-"));
}

/* The corpus */

typedef struct
{
  guint pages;
  guint calls;
  guint analysed;      /* calls to a site template the rules could check */
  guint named;         /* of those, named parameters checked by name */
  guint findings;
} CorpusCounts;

static void
check_corpus_site (const char   *root,
                   CorpusCounts *counts)
{
  g_autoptr(GFile) root_file = g_file_new_for_path (root);
  g_autoptr(BylineSite) site = byline_site_new (root_file);
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(BylineLinter) linter = byline_linter_new (profile, site, NULL);
  g_autoptr(BylineShortcodeCatalog) catalog = byline_shortcode_catalog_new (site, NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const GPtrArray *folders = byline_site_get_folders (site, BYLINE_SITE_FOLDER_CONTENT);

  for (guint i = 0; i < folders->len; i++)
    {
      const BylineSiteFolder *folder = g_ptr_array_index (folders, i);

      if (folder->component == NULL)
        corpus_collect_pages (folder->source, paths);
    }
  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (paths, i));
      g_autoptr(BylinePost) post = byline_post_new_from_file (file, NULL, NULL);
      g_autoptr(GPtrArray) diagnostics = NULL;
      const BylineShortcodeList *list;

      if (post == NULL)
        continue;
      counts->pages++;
      list = byline_post_get_shortcodes (post);
      for (guint j = 0; j < list->calls->len; j++)
        {
          const BylineShortcode *call = g_ptr_array_index (list->calls, j);
          const BylineShortcodeEntry *entry;

          if (call->kind != BYLINE_SHORTCODE_OPEN && call->kind != BYLINE_SHORTCODE_SELF_CLOSING)
            continue;
          counts->calls++;
          entry = byline_shortcode_catalog_lookup (catalog, call->name);
          if (entry != NULL && entry->path != NULL && entry->analysed)
            {
              counts->analysed++;
              for (guint k = 0; !entry->any_params && k < call->params->len; k++)
                counts->named += ((BylineShortcodeParam *) g_ptr_array_index (call->params, k))->name != NULL;
            }
        }

      diagnostics = byline_linter_check (linter, post);
      for (guint j = 0; j < diagnostics->len; j++)
        {
          const BylineDiagnostic *d = g_ptr_array_index (diagnostics, j);

          if (!g_str_has_prefix (d->rule_id, "shortcode/template-"))
            continue;
          counts->findings++;
          g_test_message ("%s:%u: %s: %s", (char *) g_ptr_array_index (paths, i),
                          d->span.line, d->rule_id, d->message);
        }
    }
}

static void
test_corpus (void)
{
  const char *corpus = g_getenv ("BYLINE_CORPUS");
  const char * const sites[] = { "opentelemetry.io", "gohugo.io" };

  for (guint i = 0; i < G_N_ELEMENTS (sites); i++)
    {
      g_autofree char *root = corpus != NULL ? g_build_filename (corpus, "sites", sites[i], NULL)
                                             : NULL;
      CorpusCounts counts = { 0 };

      if (root == NULL || !g_file_test (root, G_FILE_TEST_IS_DIR))
        {
          g_test_skip ("the corpus's sites are not here (meson option corpus)");
          return;
        }
      check_corpus_site (root, &counts);
      g_test_message ("%s: %u pages, %u shortcode calls, %u to an analysed site template "
                      "(%u named parameters checked by name), %u findings", sites[i],
                      counts.pages, counts.calls, counts.analysed, counts.named, counts.findings);
      g_assert_cmpuint (counts.pages, >, 0);
      g_assert_cmpuint (counts.analysed, >, 0);
      g_assert_cmpuint (counts.findings, ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shortcode-catalog/entries", test_entries);
  g_test_add_func ("/shortcode-catalog/analysis", test_analysis);
  g_test_add_func ("/shortcode-catalog/profile", test_profile);
  g_test_add_func ("/shortcode-catalog/lint", test_lint);
  g_test_add_func ("/shortcode-catalog/lint-messages", test_lint_messages);
  g_test_add_func ("/shortcode-catalog/corpus", test_corpus);

  return g_test_run ();
}
