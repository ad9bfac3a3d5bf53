/* test-corpus-site.c — the site model on the two real sites of the corpus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * $BYLINE_CORPUS/sites/ holds the OpenTelemetry website (Docsy, YAML
 * configuration in config/_default/) and Hugo's documentation (hugo.toml,
 * content mounted from content/en). Both build with Hugo, so every page
 * has a URL and every ref resolves; the test checks that Byline agrees,
 * and that the site links in their content resolve, reporting those that
 * do not and why. Skipped, visibly, without the corpus.
 */

#include "config.h"

#include "corpus-sites.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "byline-shortcode.h"
#include "byline-site.h"

#include <string.h>

typedef struct
{
  guint pages;
  guint refs;
  guint refs_resolved;
  guint links;                  /* to the site, not elsewhere */
  guint by_kind[BYLINE_SITE_LINK_GENERATED + 1];
  guint by_render_hook;         /* found as the site's render-link hook finds pages */
  guint unrendered;             /* pages Hugo does not render */
  guint templated;              /* a destination a shortcode writes */
  guint outside_snapshot;       /* a section the corpus copy leaves out */
  guint hook_names;             /* a bare word the site's hook gives a meaning */
  GPtrArray *unexplained;
} Counts;

static gboolean
has_render_link_hook (BylineSite *site)
{
  const GPtrArray *hooks = byline_site_get_render_hooks (site);

  for (guint i = 0; i < hooks->len; i++)
    if (g_strcmp0 (((BylineSiteTemplate *) g_ptr_array_index (hooks, i))->name, "render-link") == 0)
      return TRUE;
  return FALSE;
}

/* Whether the top folder of a site path is in the copy at all: a content
 * section or a folder of static or assets. */
static gboolean
top_folder_exists (BylineSite *site,
                   const char *link)
{
  g_autofree char *path = g_strndup (link, strcspn (link, "?#"));
  const char *base = byline_site_get_base_url (site);
  const char *rest = path;
  g_autofree char *first = NULL;
  const BylineSiteFolderKind kinds[] = {
    BYLINE_SITE_FOLDER_CONTENT, BYLINE_SITE_FOLDER_STATIC, BYLINE_SITE_FOLDER_ASSETS,
  };

  if (g_str_has_prefix (rest, base))
    rest += strlen (base) - 1;
  while (*rest == '/')
    rest++;
  first = g_strndup (rest, strcspn (rest, "/"));
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const GPtrArray *folders = byline_site_get_folders (site, kinds[k]);

      for (guint i = 0; i < folders->len; i++)
        {
          const BylineSiteFolder *folder = g_ptr_array_index (folders, i);
          g_autofree char *candidate = g_build_filename (folder->source, first, NULL);

          if (g_file_test (candidate, G_FILE_TEST_EXISTS))
            return TRUE;
        }
    }
  return FALSE;
}

/* Whether "render: never" cascades to @page: from the _index file of a
 * folder above it, or from the configuration to a path with an "_" folder
 * (OpenTelemetry's _includes). */
static gboolean
render_never_cascades_to (BylineSite           *site,
                          BylineSitePages      *pages,
                          const BylineSitePage *page)
{
  g_autofree char *dir = g_path_get_dirname (byline_site_page_get_file (page));
  BylineData *cascade = byline_data_lookup_path (byline_site_get_config (site), "cascade");
  g_autofree char *config_cascade = NULL;

  if (cascade != NULL && byline_data_get_kind (cascade) == BYLINE_DATA_LIST &&
      byline_data_get_length (cascade) > 0)
    config_cascade = byline_data_lookup_string (byline_data_list_get (cascade, 0), "build.render");

  for (guint depth = 0; depth < 64; depth++)
    {
      g_autofree char *index = g_build_filename (dir, "_index.md", NULL);
      const BylineSitePage *section = byline_site_pages_lookup_file (pages, index);
      char *parent;

      if (section != NULL && section != page && byline_site_page_get_front_matter (section) != NULL)
        {
          g_autofree char *cascaded = byline_data_lookup_string (
            byline_site_page_get_front_matter (section), "cascade.build.render");

          if (g_strcmp0 (cascaded, "never") == 0)
            return TRUE;
        }
      parent = g_path_get_dirname (dir);
      if (strcmp (parent, dir) == 0)
        {
          g_free (parent);
          break;
        }
      g_free (dir);
      dir = parent;
    }
  return g_strcmp0 (config_cascade, "never") == 0 &&
         strstr (byline_site_page_get_path (page), "/_") != NULL;
}

static void
check_link (BylineSite      *site,
            BylineSitePages *pages,
            const char      *file,
            const char      *url,
            Counts          *counts)
{
  BylineSiteLinkKind kind;

  if (url == NULL || url[0] == '\0' || url[0] == '#')
    return;
  kind = byline_site_resolve_link (site, file, url, NULL, NULL);
  if (kind == BYLINE_SITE_LINK_EXTERNAL)
    return;
  counts->links++;
  counts->by_kind[kind]++;
  if (kind != BYLINE_SITE_LINK_NOT_FOUND)
    return;

  /* What the sites' render-link hooks do (Hugo's embedded hook and both
   * sites' own): look the destination up as a page path. */
  if (has_render_link_hook (site) && strchr (url, ':') == NULL)
    {
      g_autofree char *path = g_strndup (url, strcspn (url, "?#"));
      const BylineSitePage *from = byline_site_pages_lookup_file (pages, file);

      if (path[0] != '\0' && byline_site_get_page (site, pages, from, NULL, path) != NULL)
        {
          counts->by_render_hook++;
          return;
        }
    }

  if (strstr (url, "{{") != NULL)
    counts->templated++;
  else if (strpbrk (url, "/.:") == NULL && has_render_link_hook (site))
    counts->hook_names++;
  else if ((url[0] == '/' || strchr (url, ':') != NULL) && !top_folder_exists (site, url))
    counts->outside_snapshot++;
  else
    g_ptr_array_add (counts->unexplained, g_strdup_printf ("%s: %s", file, url));
}

static void
check_page (BylineSite      *site,
            BylineSitePages *pages,
            const char      *file,
            Counts          *counts)
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

  refs = corpus_scan_refs (text, length, &scan);
  for (guint i = 0; i < refs->len; i++)
    {
      const BylineShortcode *call = g_ptr_array_index (refs, i);
      const BylineShortcodeParam *path, *lang;
      g_autoptr(GError) error = NULL;
      g_autofree char *link = NULL;

      path = byline_shortcode_get_nth (call, 0);
      if (path == NULL)
        path = byline_shortcode_get_param (call, "path");
      lang = byline_shortcode_get_param (call, "lang");
      counts->refs++;
      link = byline_site_ref (site, file, path != NULL ? path->value : "",
                              lang != NULL ? lang->value : NULL, strcmp (call->name, "relref") == 0,
                              &error);
      if (link != NULL)
        counts->refs_resolved++;
      else
        g_test_message ("%s: %s", file, error->message);
    }

  parser = cmark_parser_new (CMARK_OPT_FOOTNOTES);
  cmark_parser_feed (parser, text, length);
  document = cmark_parser_finish (parser);
  iter = cmark_iter_new (document);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event == CMARK_EVENT_ENTER && (cmark_node_get_type (node) == CMARK_NODE_LINK ||
                                         cmark_node_get_type (node) == CMARK_NODE_IMAGE))
        check_link (site, pages, file, cmark_node_get_url (node), counts);
    }
  cmark_iter_free (iter);
  cmark_node_free (document);
  cmark_parser_free (parser);
}

static void
test_site (gconstpointer data)
{
  const char *name = data;
  g_autofree char *root = corpus_site (name);
  g_autoptr(GFile) file = NULL;
  g_autoptr(BylineSite) site = NULL;
  g_autoptr(BylineSitePages) pages = NULL;
  Counts counts = { 0 };

  if (root == NULL)
    {
      g_test_skip ("$BYLINE_CORPUS/sites is not here");
      return;
    }
  file = g_file_new_for_path (root);
  site = byline_site_new (file);
  pages = byline_site_get_pages (site);
  counts.unexplained = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < byline_site_pages_get_n_pages (pages); i++)
    {
      const BylineSitePage *page = byline_site_pages_get_page (pages, i);
      const char *path = byline_site_page_get_file (page);
      BylineData *front_matter = byline_site_page_get_front_matter (page);
      g_autofree char *render = NULL;

      if (path == NULL)
        continue;
      counts.pages++;
      /* Every page's front matter reads, and every page Hugo renders has a
       * URL: all but those whose build options say "render: never", their
       * own or cascaded from a section or the configuration. */
      g_assert_null (byline_site_page_get_error (page));
      if (front_matter != NULL)
        render = byline_data_lookup_string (front_matter, "build.render");
      if (byline_site_page_get_rel_permalink (page) == NULL)
        {
          counts.unrendered++;
          g_assert_true (g_strcmp0 (render, "never") == 0 ||
                         render_never_cascades_to (site, pages, page));
        }
      check_page (site, pages, path, &counts);
    }

  g_test_message (
    "%s: %u pages with a file (%u not rendered), %u in the index; refs %u, resolved %u", name,
    counts.pages, counts.unrendered, byline_site_pages_get_n_pages (pages), counts.refs,
    counts.refs_resolved);
  g_test_message (
    "site links %u: page %u, alias %u, bundle file %u, static %u, asset %u; "
    "by the render hook's page lookup %u; not found %u, of which: shortcode-built %u, "
    "in sections this copy leaves out %u, names the site's hook reads %u, unexplained %u",
    counts.links, counts.by_kind[BYLINE_SITE_LINK_PAGE], counts.by_kind[BYLINE_SITE_LINK_ALIAS],
    counts.by_kind[BYLINE_SITE_LINK_PAGE_RESOURCE], counts.by_kind[BYLINE_SITE_LINK_STATIC],
    counts.by_kind[BYLINE_SITE_LINK_ASSET], counts.by_render_hook,
    counts.by_kind[BYLINE_SITE_LINK_NOT_FOUND], counts.templated, counts.outside_snapshot,
    counts.hook_names, counts.unexplained->len);
  for (guint i = 0; i < counts.unexplained->len; i++)
    g_test_message ("unexplained: %s", (char *) g_ptr_array_index (counts.unexplained, i));

  g_assert_cmpuint (counts.pages, >, 200);
  /* Neither site uses ref or relref today; the fixtures of test-site-links
   * check them. Should they start, every one must resolve. */
  g_assert_cmpuint (counts.refs_resolved, ==, counts.refs);
  /* Every site link resolves, or lies where this copy cannot tell. */
  g_assert_cmpuint (counts.unexplained->len, ==, 0);
  g_assert_cmpuint (
    counts.by_kind[BYLINE_SITE_LINK_PAGE] + counts.by_kind[BYLINE_SITE_LINK_PAGE_RESOURCE], >, 100);
  g_ptr_array_unref (counts.unexplained);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  cmark_gfm_core_extensions_ensure_registered ();

  g_test_add_data_func ("/core/corpus-site/opentelemetry.io", "opentelemetry.io", test_site);
  g_test_add_data_func ("/core/corpus-site/gohugo.io", "gohugo.io", test_site);

  return g_test_run ();
}
