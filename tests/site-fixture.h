/* site-fixture.h — Hugo sites written from txtar text, for the site tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo's own integration tests describe a site as one text of files, each
 * after a "-- path --" line (hugolib.Test). The site tests use the same
 * form, so that a test ported from Hugo keeps Hugo's files as they are.
 * Each site is written to a fresh temporary folder with a .git folder at
 * its top, which stops the root lookup there.
 */

#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "byline-site.h"
#include "byline-test-util.h"

/* Writes the files of @txtar below a new temporary folder; returns it. */
G_GNUC_UNUSED static char *
fixture_write (const char *txtar)
{
  g_autoptr(GError) error = NULL;
  char *root = g_dir_make_tmp ("byline-site-XXXXXX", &error);
  g_auto(GStrv) lines = g_strsplit (txtar, "\n", -1);
  g_autofree char *git = g_build_filename (root, ".git", NULL);
  GString *content = NULL;
  g_autofree char *current = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (git, 0755), ==, 0);

  for (guint i = 0;; i++)
    {
      const char *line = lines[i];
      gboolean header = line != NULL && g_str_has_prefix (line, "-- ") &&
                        g_str_has_suffix (line, " --") && strlen (line) > 6;

      if (line == NULL || header)
        {
          if (current != NULL)
            {
              g_autofree char *path = g_build_filename (root, current, NULL);
              g_autofree char *dir = g_path_get_dirname (path);

              g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
              g_file_set_contents (path, content->str, content->len, &error);
              g_assert_no_error (error);
              g_string_free (content, TRUE);
              g_clear_pointer (&current, g_free);
            }
          if (line == NULL)
            break;
          current = g_strndup (line + 3, strlen (line) - 6);
          content = g_string_new (NULL);
          continue;
        }
      if (content != NULL)
        {
          g_string_append (content, line);
          g_string_append_c (content, '\n');
        }
    }
  return root;
}

typedef struct
{
  char *root;
  BylineSite *site;
  BylineSitePages *pages;
} SiteFixture;

G_GNUC_UNUSED static SiteFixture *
site_fixture_new (const char *txtar)
{
  SiteFixture *f = g_new0 (SiteFixture, 1);
  g_autoptr(GFile) root = NULL;

  f->root = fixture_write (txtar);
  root = g_file_new_for_path (f->root);
  f->site = byline_site_new (root);
  return f;
}

G_GNUC_UNUSED static void
site_fixture_free (SiteFixture *f)
{
  g_clear_pointer (&f->pages, byline_site_pages_unref);
  g_clear_object (&f->site);
  byline_test_remove_tree (f->root);
  g_free (f->root);
  g_free (f);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SiteFixture, site_fixture_free)

/* The text of tests/data/@name, a txtar file. */
G_GNUC_UNUSED static char *
fixture_read_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return byline_test_read_text (path);
}

/* The site written from tests/data/@name. */
G_GNUC_UNUSED static SiteFixture *
site_fixture_new_from_data (const char *name)
{
  g_autofree char *txtar = fixture_read_data (name);

  return site_fixture_new (txtar);
}

G_GNUC_UNUSED static char *
site_fixture_path (SiteFixture *f,
                   const char  *relative)
{
  return g_build_filename (f->root, relative, NULL);
}

/* The page of a content file, by its path below the site's root. */
G_GNUC_UNUSED static const BylineSitePage *
site_fixture_page (SiteFixture *f,
                   const char  *relative)
{
  g_autofree char *path = site_fixture_path (f, relative);

  if (f->pages == NULL)
    f->pages = byline_site_get_pages (f->site);
  return byline_site_pages_lookup_file (f->pages, path);
}

/* The relative permalink of the page at a Hugo path in a language. */
G_GNUC_UNUSED static const char *
site_fixture_link (SiteFixture *f,
                   const char  *lang,
                   const char  *path)
{
  const BylineSitePage *page;

  if (f->pages == NULL)
    f->pages = byline_site_get_pages (f->site);
  page = byline_site_get_page (f->site, f->pages, NULL, lang, path);
  return page != NULL ? byline_site_page_get_rel_permalink (page) : NULL;
}
