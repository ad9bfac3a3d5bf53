/* byline-gotmpl-env.h — what the template engine needs from a Hugo site
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BylineGotmplEnv is the engine's only window on the site. The engine asks
 * it for template files (shortcodes and partials, across the site's and its
 * themes' layout folders), the merged configuration, the data/ tree, i18n
 * strings, other pages, files inside the site, resources and Markdown
 * rendering. Everything is pulled lazily, when a template asks.
 *
 * BylineGotmplSiteEnv (byline-gotmpl-site-env.h) implements it on the
 * site model, BylineSite.
 * Implementations must be safe to call from the analysis worker thread.
 */

#pragma once

#include <gio/gio.h>

#include "byline-gotmpl-value.h"

G_BEGIN_DECLS

typedef enum
{
  BYLINE_GOTMPL_SHORTCODE_TEMPLATE,   /* {{< NAME >}}: layouts/_shortcodes/NAME.html, … */
  BYLINE_GOTMPL_PARTIAL_TEMPLATE,     /* partial "NAME": layouts/_partials/NAME, … */
} BylineGotmplTemplateKind;

/* Which pages a list holds (resources/page: Page.RegularPages, .Pages,
 * .Sections, .RegularPagesRecursive; Site.RegularPages, .Pages). */
typedef enum
{
  BYLINE_GOTMPL_PAGES_REGULAR,             /* regular pages directly in the section */
  BYLINE_GOTMPL_PAGES_ALL,                 /* its regular pages and its sections */
  BYLINE_GOTMPL_PAGES_SECTIONS,            /* its sections */
  BYLINE_GOTMPL_PAGES_REGULAR_RECURSIVE,   /* regular pages anywhere below it */
} BylineGotmplPageList;

/* A file of a page bundle or of assets/, as Hugo's resources show it. */
typedef struct
{
  char  *name;            /* .Name: the path relative to the bundle or assets/ */
  char  *path;            /* absolute file name */
  char  *rel_permalink;   /* .RelPermalink */
  char  *permalink;       /* .Permalink */
  char  *media_type;      /* "image/png", "text/plain", … */
  int    width;           /* images: pixel size; 0 otherwise */
  int    height;
} BylineGotmplResourceInfo;

void byline_gotmpl_resource_info_free (BylineGotmplResourceInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineGotmplResourceInfo, byline_gotmpl_resource_info_free)

#define BYLINE_TYPE_GOTMPL_ENV (byline_gotmpl_env_get_type ())

G_DECLARE_INTERFACE (BylineGotmplEnv, byline_gotmpl_env, BYLINE, GOTMPL_ENV, GObject)

struct _BylineGotmplEnvInterface
{
  GTypeInterface parent_iface;

  /* The file that holds the template, NULL when the site has none. The
   * engine reads and caches it (see byline_gotmpl_set_invalidate). A
   * shortcode NAME may hold slashes ("blog/card"); a partial NAME is given
   * as written in the template, with or without extension. */
  char              *(*find_template)   (BylineGotmplEnv          *self,
                                         BylineGotmplTemplateKind  kind,
                                         const char               *name);
  /* The merged site configuration as a map with Hugo's keys (title,
   * baseURL, languageCode, params, taxonomies, …); nil when unknown. */
  BylineGotmplValue  (*get_config)      (BylineGotmplEnv          *self);
  /* The data/ folder as a tree of maps (.Site.Data). */
  BylineGotmplValue  (*get_data)        (BylineGotmplEnv          *self);
  /* An i18n string for the language (the site's, then the themes' files),
   * NULL when there is none. @count is the value given to T (nil when
   * none), which picks the plural form. */
  char              *(*translate)       (BylineGotmplEnv          *self,
                                         const char               *lang,
                                         const char               *id,
                                         const BylineGotmplValue  *count);
  /* Another page of the site by path ("/blog/2024/x", "blog/x.md"), as a
   * page object (byline_gotmpl_page_new); nil when there is none. */
  BylineGotmplValue  (*get_page)        (BylineGotmplEnv          *self,
                                         const char               *path);
  /* The pages of the section (or home) at @path (Hugo's .Path, "/" for
   * home) in the language @lang (NULL: any), as a list of page objects in
   * no particular order; with @path NULL, the whole site's (REGULAR: every
   * regular page, ALL: every page). Drafts are left out, as hugo server
   * leaves them out by default. */
  BylineGotmplValue  (*list_pages)      (BylineGotmplEnv          *self,
                                         const char               *path,
                                         const char               *lang,
                                         BylineGotmplPageList      which);
  /* A file inside the site, by a path relative to its root (Hugo's
   * readFile, fileExists, os.Stat). Paths that leave the site fail with
   * G_IO_ERROR_PERMISSION_DENIED. */
  GBytes            *(*read_file)       (BylineGotmplEnv          *self,
                                         const char               *path,
                                         GError                  **error);
  gboolean           (*stat_file)       (BylineGotmplEnv          *self,
                                         const char               *path,
                                         gboolean                 *is_dir,
                                         goffset                  *size,
                                         gint64                   *mtime);
  /* resources.Get: a file of the site's (and themes') assets/. */
  BylineGotmplResourceInfo *(*get_asset) (BylineGotmplEnv         *self,
                                          const char              *path);
  /* The files of the page bundle that holds @page_file (not the content
   * files themselves), sorted by name; NULL or empty when none. */
  GPtrArray         *(*list_page_resources) (BylineGotmplEnv      *self,
                                             const char           *page_file);
  /* Markdown to HTML the way the site renders it (markdownify,
   * .RenderString, the inner text of {{% %}} calls). With @inline_only, a
   * single paragraph comes back without its <p> wrapper. */
  char              *(*render_markdown) (BylineGotmplEnv          *self,
                                         const char               *markdown,
                                         gboolean                  inline_only,
                                         GError                  **error);
};

char              *byline_gotmpl_env_find_template       (BylineGotmplEnv          *self,
                                                          BylineGotmplTemplateKind  kind,
                                                          const char               *name);
BylineGotmplValue  byline_gotmpl_env_get_config          (BylineGotmplEnv          *self);
BylineGotmplValue  byline_gotmpl_env_get_data            (BylineGotmplEnv          *self);
char              *byline_gotmpl_env_translate           (BylineGotmplEnv          *self,
                                                          const char               *lang,
                                                          const char               *id,
                                                          const BylineGotmplValue  *count);
BylineGotmplValue  byline_gotmpl_env_get_page            (BylineGotmplEnv          *self,
                                                          const char               *path);
BylineGotmplValue  byline_gotmpl_env_list_pages          (BylineGotmplEnv          *self,
                                                          const char               *path,
                                                          const char               *lang,
                                                          BylineGotmplPageList      which);
GBytes            *byline_gotmpl_env_read_file           (BylineGotmplEnv          *self,
                                                          const char               *path,
                                                          GError                  **error);
gboolean           byline_gotmpl_env_stat_file           (BylineGotmplEnv          *self,
                                                          const char               *path,
                                                          gboolean                 *is_dir,
                                                          goffset                  *size,
                                                          gint64                   *mtime);
BylineGotmplResourceInfo *byline_gotmpl_env_get_asset    (BylineGotmplEnv          *self,
                                                          const char               *path);
GPtrArray         *byline_gotmpl_env_list_page_resources (BylineGotmplEnv          *self,
                                                          const char               *page_file);
char              *byline_gotmpl_env_render_markdown     (BylineGotmplEnv          *self,
                                                          const char               *markdown,
                                                          gboolean                  inline_only,
                                                          GError                  **error);

G_END_DECLS
