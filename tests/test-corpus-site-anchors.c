/* test-corpus-site-anchors.c — the sites' own #fragment links find their anchors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every link of a corpus site's pages with a #fragment that leads to a page
 * of the same site (another page, or the page itself) is looked up among
 * the ids of the target page as Byline renders it — the analysis that the
 * preview and byline-cli render use, with the site's Goldmark settings and
 * render hooks — and, for comparison, among the ids that plain cmark-gfm
 * writes for the same body (Byline's rendering before the Goldmark
 * dialect: no heading ids at all). The counts are printed; the test fails
 * when fewer fragments find a heading than the floor measured when it was
 * written, so that a change to heading ids that breaks the sites' links
 * shows. The fragments that find no id are listed: each is a broken link
 * of the site, or an anchor that no heading makes (a shortcode's, a
 * generated list's). Skipped, visibly, without the corpus.
 */

#include "config.h"

#include "corpus-sites.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <string.h>

#include "byline-analysis.h"
#include "byline-shortcode.h"

typedef struct
{
  GHashTable *heading_ids;   /* after: ids of h1–h6 */
  GHashTable *ids;           /* after: every id */
  GHashTable *before_ids;    /* plain cmark-gfm: every id */
} Anchors;

typedef struct
{
  BylineSite      *site;
  BylineSitePages *pages;
  GHashTable      *anchors;   /* target file → Anchors */
  gboolean         has_link_hook;
  guint            links;     /* with a fragment, to a page of the site */
  guint            same_page;
  guint            headings_before;
  guint            headings_after;
  guint            other_ids;      /* after: an id, but not a heading's */
  guint            any_before;
  GPtrArray       *misses;
} Counts;

static void
anchors_free (gpointer data)
{
  Anchors *anchors = data;

  g_hash_table_unref (anchors->heading_ids);
  g_hash_table_unref (anchors->ids);
  g_hash_table_unref (anchors->before_ids);
  g_free (anchors);
}

static void
collect_ids (GHashTable *ids,
             const char *html,
             const char *pattern)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (regex, html, 0, &match);
  while (g_match_info_matches (match))
    {
      char *id = g_match_info_fetch (match, 1);

      /* The HTML escapes the id's & and quotes; links name them as text. */
      g_autoptr(GString) text = g_string_new (id);

      g_string_replace (text, "&amp;", "&", 0);
      g_string_replace (text, "&quot;", "\"", 0);
      g_string_replace (text, "&#39;", "'", 0);
      g_free (id);
      g_hash_table_add (ids, g_string_free (g_steal_pointer (&text), FALSE));
      g_match_info_next (match, NULL);
    }
}

/* cmark-gfm as Byline used it before the dialect: GFM's extensions,
 * footnotes, raw HTML kept. */
static char *
render_plain_cmark (const char *body)
{
  const char *names[] = { "table", "strikethrough", "autolink", "tasklist" };
  cmark_parser *parser = cmark_parser_new (CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES);
  cmark_node *document;
  char *html;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    cmark_parser_attach_syntax_extension (parser, cmark_find_syntax_extension (names[i]));
  cmark_parser_feed (parser, body, strlen (body));
  document = cmark_parser_finish (parser);
  html = cmark_render_html (document, CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES,
                            cmark_parser_get_syntax_extensions (parser));
  cmark_node_free (document);
  cmark_parser_free (parser);
  return html;
}

static const Anchors *
anchors_of (Counts     *counts,
            const char *file)
{
  Anchors *anchors = g_hash_table_lookup (counts->anchors, file);
  g_autoptr(GFile) gfile = NULL;
  g_autoptr(BylineAnalysisContext) context = NULL;
  g_autoptr(BylineAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;
  char *plain;
  const BylinePostLayout *layout;

  if (anchors != NULL)
    return anchors;

  anchors = g_new0 (Anchors, 1);
  anchors->heading_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  anchors->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  anchors->before_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (counts->anchors, g_strdup (file), anchors);

  g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
  gfile = g_file_new_for_path (file);
  context = byline_analysis_context_new_for_file (gfile, &error);
  g_assert_no_error (error);
  analysis = byline_analysis_new (context, text, -1, 0, BYLINE_ANALYSIS_NO_LINT);
  html = byline_rendering_get_html (byline_analysis_get_rendering (analysis));
  collect_ids (anchors->heading_ids, html, "<h[1-6][^>]*?\\sid=\"([^\"]*)\"");
  collect_ids (anchors->ids, html, "\\sid=\"([^\"]*)\"");

  layout = byline_post_get_layout (byline_analysis_get_post (analysis));
  plain = render_plain_cmark (text + MIN (layout->body_start, strlen (text)));
  collect_ids (anchors->before_ids, plain, "\\sid=\"([^\"]*)\"");
  free (plain);
  return anchors;
}

/* The page a site link leads to, or NULL (elsewhere, or not found). */
static const BylineSitePage *
target_of (Counts     *counts,
           const char *file,
           const char *url)
{
  const BylineSitePage *page = NULL;
  BylineSiteLinkKind kind;
  g_autofree char *path = g_strndup (url, strcspn (url, "?#"));

  if (path[0] == '\0')
    return byline_site_pages_lookup_file (counts->pages, file);
  kind = byline_site_resolve_link (counts->site, file, url, &page, NULL);
  if (kind == BYLINE_SITE_LINK_PAGE || kind == BYLINE_SITE_LINK_ALIAS)
    return page;
  /* What the sites' render-link hooks do: GetPage on the path. */
  if (kind == BYLINE_SITE_LINK_NOT_FOUND && counts->has_link_hook && strchr (url, ':') == NULL)
    return byline_site_get_page (counts->site, counts->pages,
                                 byline_site_pages_lookup_file (counts->pages, file), NULL, path);
  return NULL;
}

static void
check_link (Counts     *counts,
            const char *file,
            const char *url)
{
  const char *hash = strchr (url, '#');
  const BylineSitePage *target;
  const Anchors *anchors;
  g_autofree char *fragment = NULL;

  if (hash == NULL || hash[1] == '\0' || strstr (url, "{{") != NULL)
    return;
  target = target_of (counts, file, url);
  if (target == NULL || byline_site_page_get_file (target) == NULL)
    return;

  fragment = g_uri_unescape_string (hash + 1, NULL);
  if (fragment == NULL)
    fragment = g_strdup (hash + 1);
  counts->links++;
  counts->same_page += hash == url;
  anchors = anchors_of (counts, byline_site_page_get_file (target));

  if (g_hash_table_contains (anchors->before_ids, fragment))
    counts->any_before++;
  if (g_hash_table_contains (anchors->heading_ids, fragment))
    {
      counts->headings_after++;
      /* cmark-gfm writes ids only for footnotes and raw HTML. */
      counts->headings_before += g_hash_table_contains (anchors->before_ids, fragment);
    }
  else if (g_hash_table_contains (anchors->ids, fragment))
    counts->other_ids++;
  else
    g_ptr_array_add (counts->misses,
                     g_strdup_printf ("%s: %s → %s", file, url, byline_site_page_get_file (target)));
}

static void
check_page (Counts     *counts,
            const char *file)
{
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr(BylineShortcodeList) scan = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  cmark_parser *parser;
  cmark_node *document;
  cmark_iter *iter;
  cmark_event_type event;

  g_assert_true (g_file_get_contents (file, &text, &length, NULL));

  /* ref and relref with a fragment: the page they name. */
  refs = corpus_scan_refs (text, length, &scan);
  for (guint i = 0; i < refs->len; i++)
    {
      const BylineShortcode *call = g_ptr_array_index (refs, i);
      const BylineShortcodeParam *path;
      g_autofree char *link = NULL;

      path = byline_shortcode_get_nth (call, 0);
      if (path == NULL || strchr (path->value, '#') == NULL)
        continue;
      link = byline_site_ref (counts->site, file, path->value, NULL, TRUE, NULL);
      if (link != NULL)
        check_link (counts, file, link);
    }

  parser = cmark_parser_new (CMARK_OPT_FOOTNOTES);
  cmark_parser_attach_syntax_extension (parser, cmark_find_syntax_extension ("table"));
  cmark_parser_feed (parser, text, length);
  document = cmark_parser_finish (parser);
  iter = cmark_iter_new (document);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event == CMARK_EVENT_ENTER && cmark_node_get_type (node) == CMARK_NODE_LINK &&
          cmark_node_get_url (node) != NULL)
        check_link (counts, file, cmark_node_get_url (node));
    }
  cmark_iter_free (iter);
  cmark_node_free (document);
  cmark_parser_free (parser);
}

static void
test_site (gconstpointer data)
{
  const char * const *spec = data;
  g_autofree char *root = corpus_site (spec[0]);
  g_autoptr(GFile) file = NULL;
  Counts counts = { 0 };
  const GPtrArray *hooks;
  guint floor = (guint) g_ascii_strtoull (spec[1], NULL, 10);

  if (root == NULL)
    {
      g_test_skip ("$BYLINE_CORPUS/sites is not here");
      return;
    }
  file = g_file_new_for_path (root);
  counts.site = byline_site_new (file);
  counts.pages = byline_site_get_pages (counts.site);
  counts.anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, anchors_free);
  counts.misses = g_ptr_array_new_with_free_func (g_free);
  hooks = byline_site_get_render_hooks (counts.site);
  for (guint i = 0; i < hooks->len; i++)
    counts.has_link_hook |= g_strcmp0 (((BylineSiteTemplate *) g_ptr_array_index (
                                          (GPtrArray *) hooks, i))->name, "render-link") == 0;

  for (guint i = 0; i < byline_site_pages_get_n_pages (counts.pages); i++)
    {
      const char *path = byline_site_page_get_file (byline_site_pages_get_page (counts.pages, i));

      if (path != NULL && g_str_has_suffix (path, ".md"))
        check_page (&counts, path);
    }

  g_test_message ("%s: %u links with a #fragment to a page of the site (%u to the same page), "
                  "%u target pages rendered", spec[0], counts.links, counts.same_page,
                  g_hash_table_size (counts.anchors));
  g_test_message ("%s: a heading's id: before (plain cmark-gfm) %u, after (Goldmark dialect) %u; "
                  "another element's id after: %u; any id before: %u; no id: %u", spec[0],
                  counts.headings_before, counts.headings_after, counts.other_ids,
                  counts.any_before, counts.misses->len);
  for (guint i = 0; i < counts.misses->len; i++)
    g_test_message ("no id: %s", (char *) g_ptr_array_index (counts.misses, i));

  g_assert_cmpuint (counts.links, >, 0);
  g_assert_cmpuint (counts.headings_after, >=, floor);
  g_assert_cmpuint (counts.headings_after, >, counts.headings_before);

  g_ptr_array_unref (counts.misses);
  g_hash_table_unref (counts.anchors);
  byline_site_pages_unref (counts.pages);
  g_object_unref (counts.site);
}

int
main (int   argc,
      char *argv[])
{
  /* The floors: the headings found when this test was written (of 22 and
   * 2706 links; before the dialect, cmark-gfm's HTML had no heading ids,
   * 0). gohugo.io's other 265: 264 ids of other elements (definition
   * terms, footnotes), and one of the glossary's terms, which its
   * shortcode writes from .Pages, which the preview cannot run yet. */
  static const char * const opentelemetry[] = { "opentelemetry.io", "22" };
  static const char * const hugo_docs[] = { "gohugo.io", "2441" };

  g_test_init (&argc, &argv, NULL);
  cmark_gfm_core_extensions_ensure_registered ();

  g_test_add_data_func ("/core/corpus-site-anchors/opentelemetry.io", opentelemetry, test_site);
  g_test_add_data_func ("/core/corpus-site-anchors/gohugo.io", hugo_docs, test_site);

  return g_test_run ();
}
