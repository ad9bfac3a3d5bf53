/* byline-gotmpl-site-pages.c — the site's pages as the template engine sees them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Page objects of the site model's pages (GetPage), the lists of a
 * section's or the site's pages (resources/page: RegularPages, Pages,
 * Sections), and the page of the post being edited.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-site-env-private.h"

#include <string.h>

#include "byline-gotmpl-objects.h"

/* Pages */

static const char *
page_kind_name (BylineSitePageKind kind)
{
  switch (kind)
    {
    case BYLINE_SITE_PAGE_HOME:
      return "home";
    case BYLINE_SITE_PAGE_SECTION:
      return "section";
    case BYLINE_SITE_PAGE_TAXONOMY:
      return "taxonomy";
    case BYLINE_SITE_PAGE_TERM:
      return "term";
    case BYLINE_SITE_PAGE_PAGE:
    default:
      return "page";
    }
}

/* The path of @file below the content folder that holds it; NULL for a
 * page without a file (a section or taxonomy page Hugo makes itself). */
static char *
content_path_of (BylineGotmplSiteEnv *self,
                 const char          *file)
{
  const GPtrArray *folders = byline_site_get_folders (self->site, BYLINE_SITE_FOLDER_CONTENT);

  if (file == NULL)
    return NULL;

  for (guint i = 0; folders != NULL && i < folders->len; i++)
    {
      const BylineSiteFolder *folder = g_ptr_array_index (folders, i);
      gsize len = strlen (folder->source);

      if (strncmp (file, folder->source, len) == 0 && file[len] == '/')
        return folder->target != NULL && folder->target[0] != '\0'
          ? g_strconcat (folder->target, "/", file + len + 1, NULL)
          : g_strdup (file + len + 1);
    }
  return g_path_get_basename (file);
}

static BylineGotmplValue
page_value (BylineGotmplSiteEnv  *self,
            const BylineSitePage *page)
{
  g_auto(BylineGotmplValue) front_matter = BYLINE_GOTMPL_VALUE_INIT;
  g_autofree char *content_path = content_path_of (self, byline_site_page_get_file (page));
  BylineGotmplPageInfo info = { 0 };

  front_matter = byline_gotmpl_value_from_data (byline_site_page_get_front_matter (page), TRUE,
                                                byline_site_get_time_zone (self->site));
  info.file = byline_site_page_get_file (page);
  info.content_path = content_path;
  info.kind = page_kind_name (byline_site_page_get_kind (page));
  info.lang = byline_site_page_get_lang (page);
  info.rel_permalink = byline_site_page_get_rel_permalink (page);
  info.permalink = byline_site_page_get_permalink (page);
  info.front_matter = &front_matter;
  info.path = byline_site_page_get_path (page);
  return byline_gotmpl_page_new (BYLINE_GOTMPL_ENV (self), &info);
}

BylineGotmplValue
byline_gotmpl_site_env_get_page (BylineGotmplEnv *env,
                                 const char      *path)
{
  BylineGotmplSiteEnv *self = BYLINE_GOTMPL_SITE_ENV (env);
  g_autoptr(BylineSitePages) pages = byline_site_get_pages (self->site);
  const BylineSitePage *page;

  if (pages == NULL)
    return byline_gotmpl_nil ();
  page = byline_site_get_page (self->site, pages, NULL, NULL, path);
  return page != NULL ? page_value (self, page) : byline_gotmpl_nil ();
}

/* A page path as the lists compare it: lower case (as the site model
 * keys pages), without a trailing slash, "" for home. */
static char *
list_key (const char *path)
{
  char *key = g_utf8_strdown (path, -1);
  gsize len = strlen (key);

  while (len > 0 && key[len - 1] == '/')
    key[--len] = '\0';
  return key;
}

static gboolean
is_child_of (const char *path,
             const char *parent)
{
  const char *slash = strrchr (path, '/');

  return slash != NULL && (gsize) (slash - path) == strlen (parent) &&
         strncmp (path, parent, slash - path) == 0 && slash[1] != '\0';
}

BylineGotmplValue
byline_gotmpl_site_env_list_pages (BylineGotmplEnv      *env,
                                   const char           *path,
                                   const char           *lang,
                                   BylineGotmplPageList  which)
{
  BylineGotmplSiteEnv *self = BYLINE_GOTMPL_SITE_ENV (env);
  g_autoptr(BylineSitePages) pages = byline_site_get_pages (self->site);
  g_autofree char *parent = path != NULL ? list_key (path) : NULL;
  BylineGotmplList *list = byline_gotmpl_list_new (0);

  for (guint i = 0; pages != NULL && i < byline_site_pages_get_n_pages (pages); i++)
    {
      const BylineSitePage *page = byline_site_pages_get_page (pages, i);
      BylineSitePageKind kind = byline_site_page_get_kind (page);
      const char *page_lang = byline_site_page_get_lang (page);
      g_autofree char *key = NULL;
      gboolean wanted;

      if (byline_site_page_is_draft (page) ||
          (lang != NULL && page_lang != NULL && strcmp (lang, page_lang) != 0))
        continue;
      key = list_key (byline_site_page_get_path (page));
      switch (which)
        {
        case BYLINE_GOTMPL_PAGES_REGULAR:
          wanted = kind == BYLINE_SITE_PAGE_PAGE && (parent == NULL || is_child_of (key, parent));
          break;
        case BYLINE_GOTMPL_PAGES_SECTIONS:
          wanted = kind == BYLINE_SITE_PAGE_SECTION && parent != NULL && is_child_of (key, parent);
          break;
        case BYLINE_GOTMPL_PAGES_REGULAR_RECURSIVE:
          wanted = kind == BYLINE_SITE_PAGE_PAGE &&
                   (parent == NULL || parent[0] == '\0' ||
                    (g_str_has_prefix (key, parent) && key[strlen (parent)] == '/'));
          break;
        case BYLINE_GOTMPL_PAGES_ALL:
        default:
          wanted = parent == NULL
            ? TRUE
            : (kind == BYLINE_SITE_PAGE_PAGE || kind == BYLINE_SITE_PAGE_SECTION) &&
              is_child_of (key, parent);
          break;
        }
      if (wanted)
        byline_gotmpl_list_append (list, page_value (self, page));
    }
  return byline_gotmpl_list_value (list);
}

/* The post being edited: its front matter as written (YAML, TOML), the
 * rest from the site's reading of the file when it has one. */
BylineGotmplValue
byline_gotmpl_site_env_page_for_post (BylineGotmplSiteEnv *self,
                                      BylinePost          *post,
                                      const char          *file)
{
  const BylinePostLayout *layout = byline_post_get_layout (post);
  const char *text = byline_post_get_text (post);
  g_autoptr(BylineSitePages) pages = NULL;
  g_autoptr(BylineData) tree = NULL;
  g_autofree char *content_path = NULL;
  g_autofree char *body = NULL;
  g_auto(BylineGotmplValue) front_matter = BYLINE_GOTMPL_VALUE_INIT;
  const BylineSitePage *page = NULL;
  BylineGotmplPageInfo info = { 0 };

  g_return_val_if_fail (BYLINE_IS_GOTMPL_SITE_ENV (self), byline_gotmpl_nil ());
  g_return_val_if_fail (BYLINE_IS_POST (post), byline_gotmpl_nil ());

  if (layout != NULL && layout->kind != BYLINE_FRONT_MATTER_NONE &&
      layout->yaml_end > layout->yaml_start)
    tree = byline_data_read (layout->kind == BYLINE_FRONT_MATTER_TOML ? BYLINE_DATA_FORMAT_TOML
                                                                      : BYLINE_DATA_FORMAT_YAML,
                             text, layout->yaml_start, layout->yaml_end, file, NULL, NULL);
  front_matter = byline_gotmpl_value_from_data (tree, TRUE, byline_site_get_time_zone (self->site));
  if (layout != NULL && layout->length >= layout->body_start)
    body = g_strndup (text + layout->body_start, layout->length - layout->body_start);

  if (file != NULL)
    {
      pages = byline_site_get_pages (self->site);
      page = pages != NULL ? byline_site_pages_lookup_file (pages, file) : NULL;
      content_path = content_path_of (self, file);
    }
  info.file = file;
  info.content_path = content_path;
  info.kind = page != NULL ? page_kind_name (byline_site_page_get_kind (page)) : "page";
  info.lang = page != NULL ? byline_site_page_get_lang (page)
                           : byline_site_get_default_language (self->site);
  info.rel_permalink = page != NULL ? byline_site_page_get_rel_permalink (page) : NULL;
  info.permalink = page != NULL ? byline_site_page_get_permalink (page) : NULL;
  info.raw_content = body;
  info.front_matter = &front_matter;
  return byline_gotmpl_page_new (BYLINE_GOTMPL_ENV (self), &info);
}
