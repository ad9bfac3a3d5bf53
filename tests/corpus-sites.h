/* corpus-sites.h — the whole Hugo sites of the corpus, for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * $BYLINE_CORPUS/sites/ holds the OpenTelemetry website and Hugo's
 * documentation; tests skip, visibly, when it is not there.
 */

#pragma once

#include <gio/gio.h>

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
