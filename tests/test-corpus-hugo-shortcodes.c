/* test-corpus-hugo-shortcodes.c — every page of the corpus sites rendered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders every Markdown page of the two real sites in
 * $BYLINE_CORPUS/sites/ (the OpenTelemetry website and Hugo's
 * documentation) with the site model, as the preview does. These pages
 * build with Hugo, so none of Hugo's own shortcodes may come out as a box
 * (data-shortcode-fallback). The boxes left are the sites' own shortcodes,
 * which the template engine is to render; their count is printed.
 */

#include "config.h"

#include "byline-hugo-shortcodes.h"
#include "byline-renderer.h"

#include <string.h>

/* A box as HTML, as the text of an attribute, and percent-encoded (a call
 * in a link's destination), each with what ends the name. */
static const struct
{
  const char *mark;
  const char *end;
} fallback_marks[] = {
  { "data-shortcode-fallback=\"", "\"" },
  { "data-shortcode-fallback=&quot;", "&" },
  { "data-shortcode-fallback%3D%22", "%" },
};

static char *
site_root (const char *name)
{
  const char *corpus = g_getenv ("BYLINE_CORPUS");
  g_autofree char *path = NULL;

  if (corpus == NULL)
    return NULL;
  path = g_build_filename (corpus, "sites", name, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return NULL;
  return g_steal_pointer (&path);
}

/* Counts the boxes of @html by shortcode name into @counts; returns the
 * number of boxes. */
static guint
count_fallbacks (const char *html,
                 GHashTable *counts)
{
  guint n = 0;

  for (guint m = 0; m < G_N_ELEMENTS (fallback_marks); m++)
    for (const char *p = strstr (html, fallback_marks[m].mark); p != NULL;
         p = strstr (p, fallback_marks[m].mark))
      {
        const char *name = p + strlen (fallback_marks[m].mark);
        gsize len = strcspn (name, fallback_marks[m].end);
        g_autofree char *key = g_strndup (name, len);
        guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));

        g_hash_table_replace (counts, g_steal_pointer (&key), GUINT_TO_POINTER (count + 1));
        n++;
        p = name;
      }

  return n;
}

static void
test_site (gconstpointer data)
{
  const char *name = data;
  g_autofree char *root = site_root (name);
  g_autoptr(GFile) root_file = NULL;
  g_autoptr(BylineSite) site = NULL;
  g_autoptr(BylineSitePages) pages = NULL;
  g_autoptr(BylineProfile) profile = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GString) builtin_failures = g_string_new (NULL);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GList) keys = NULL;
  guint n_pages = 0;
  guint n_boxes = 0;

  if (root == NULL)
    {
      g_test_skip ("$BYLINE_CORPUS/sites is not here");
      return;
    }

  root_file = g_file_new_for_path (root);
  site = byline_site_new (root_file);
  pages = byline_site_get_pages (site);
  profile = byline_profile_new_builtin ();
  counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < byline_site_pages_get_n_pages (pages); i++)
    {
      const BylineSitePage *page = byline_site_pages_get_page (pages, i);
      const char *file = byline_site_page_get_file (page);
      g_autoptr(GFile) post_file = NULL;
      g_autoptr(GFile) folder = NULL;
      g_autoptr(BylinePost) post = NULL;
      g_autoptr(BylineBundle) bundle = NULL;
      g_autoptr(BylineRenderer) renderer = NULL;
      g_autoptr(BylineRendering) rendering = NULL;
      g_autoptr(GHashTable) page_counts = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *html = NULL;
      g_autofree char *base_uri = NULL;
      GHashTableIter iter;
      gpointer key;

      if (file == NULL || !g_str_has_suffix (file, ".md"))
        continue;

      post_file = g_file_new_for_path (file);
      post = byline_post_new_from_file (post_file, NULL, &error);
      g_assert_no_error (error);
      bundle = byline_bundle_new (post_file);
      folder = g_file_get_parent (post_file);
      base_uri = g_file_get_uri (folder);
      renderer = byline_renderer_new (profile, bundle);
      byline_renderer_set_site (renderer, site);
      byline_renderer_set_base_uri (renderer, base_uri);
      rendering = byline_renderer_render (renderer, post);
      html = byline_rendering_get_html (rendering);
      n_pages++;

      page_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      n_boxes += count_fallbacks (html, page_counts);
      g_hash_table_iter_init (&iter, page_counts);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));
          guint more = GPOINTER_TO_UINT (g_hash_table_lookup (page_counts, key));

          if (byline_hugo_shortcode_is_builtin (key))
            g_string_append_printf (builtin_failures, "\n  %s: %s", file, (const char *) key);
          g_hash_table_replace (counts, g_strdup (key), GUINT_TO_POINTER (count + more));
        }
    }

  keys = g_hash_table_get_keys (counts);
  keys = g_list_sort (keys, (GCompareFunc) strcmp);
  for (GList *l = keys; l != NULL; l = l->next)
    g_string_append_printf (summary, " %s=%u", (const char *) l->data,
                            GPOINTER_TO_UINT (g_hash_table_lookup (counts, l->data)));
  g_test_message ("%s: %u pages rendered, %u fallback boxes (site shortcodes):%s",
                  name, n_pages, n_boxes, summary->str);

  g_assert_cmpuint (n_pages, >, 100);
  if (builtin_failures->len > 0)
    g_error ("Hugo's own shortcodes shown as boxes:%s", builtin_failures->str);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/corpus/hugo-shortcodes/opentelemetry", "opentelemetry.io", test_site);
  g_test_add_data_func ("/corpus/hugo-shortcodes/gohugo", "gohugo.io", test_site);

  return g_test_run ();
}
