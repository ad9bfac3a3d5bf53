/* corpus-sites.h — the whole Hugo sites of the corpus, for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * $BYLINE_CORPUS/sites/ holds the OpenTelemetry website and Hugo's
 * documentation; tests skip, visibly, when it is not there.
 */

#pragma once

#include <gio/gio.h>
#include <string.h>

#include "byline-shortcode.h"

/* Adds the path of every Markdown file below @folder to @paths, in no
 * particular order (sort them for one). */
G_GNUC_UNUSED static void
corpus_collect_pages (const char *folder,
                      GPtrArray  *paths)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          corpus_collect_pages (path, paths);
          g_free (path);
        }
      else if (g_str_has_suffix (name, ".md"))
        g_ptr_array_add (paths, path);
      else
        g_free (path);
    }
}

/* $BYLINE_CORPUS/sites/NAME, or NULL when it is not there. */
G_GNUC_UNUSED static char *
corpus_site (const char *name)
{
  const char *corpus = g_getenv ("BYLINE_CORPUS");
  char *path;

  if (corpus == NULL)
    return NULL;
  path = g_build_filename (corpus, "sites", name, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_free (path);
      return NULL;
    }
  return path;
}

/* The ref and relref calls of a page's @text (@length bytes), in order:
 * Hugo runs shortcodes everywhere in the content, code blocks included.
 * The calls belong to *@scan (all the calls found), which the caller frees
 * after the array. */
G_GNUC_UNUSED static GPtrArray *
corpus_scan_refs (const char           *text,
                  gsize                 length,
                  BylineShortcodeList **scan)
{
  GPtrArray *refs = g_ptr_array_new ();

  *scan = byline_shortcode_scan (text, 0, length, NULL);
  for (guint i = 0; i < (*scan)->calls->len; i++)
    {
      const BylineShortcode *call = g_ptr_array_index ((*scan)->calls, i);

      if (call->kind != BYLINE_SHORTCODE_ESCAPED && call->kind != BYLINE_SHORTCODE_CLOSE &&
          (strcmp (call->name, "ref") == 0 || strcmp (call->name, "relref") == 0))
        g_ptr_array_add (refs, (gpointer) call);
    }
  return refs;
}
