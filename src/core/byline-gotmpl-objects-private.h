/* byline-gotmpl-objects-private.h — what the objects share with the functions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-gotmpl-exec.h"
#include "byline-gotmpl-objects.h"

G_BEGIN_DECLS

extern const BylineGotmplClass byline_gotmpl_shortcode_class;
extern const BylineGotmplClass byline_gotmpl_page_class;
extern const BylineGotmplClass byline_gotmpl_site_class;
extern const BylineGotmplClass byline_gotmpl_time_class;
extern const BylineGotmplClass byline_gotmpl_resource_class;

/* collections.Append (tpl/collections/append.go): @to with @items added. */
gboolean byline_gotmpl_collections_append (BylineGotmplCall        *call,
                                           const BylineGotmplValue *to,
                                           const BylineGotmplValue *items,
                                           guint                    n_items,
                                           BylineGotmplValue       *result);
/* math.DoArithmetic (common/math/math.go): + - * / on numbers, + on strings. */
gboolean byline_gotmpl_arithmetic         (BylineGotmplCall        *call,
                                           const BylineGotmplValue *a,
                                           const BylineGotmplValue *b,
                                           char                     op,
                                           BylineGotmplValue       *result);
/* Page.Param's lookup: @key (dotted for nested keys, any case) in @params. */
const BylineGotmplValue *byline_gotmpl_params_get (const BylineGotmplValue *params,
                                                   const char              *key);
/* The site's language code ("en"). */
const char *byline_gotmpl_site_get_lang   (const BylineGotmplValue *site);
/* Site.Params (a map, possibly empty). */
const BylineGotmplValue *byline_gotmpl_site_get_params (const BylineGotmplValue *site);
/* A page's front-matter parameters and its file, when @page is a page. */
const BylineGotmplValue *byline_gotmpl_page_get_params (const BylineGotmplValue *page);
const char *byline_gotmpl_page_get_file   (const BylineGotmplValue *page);

/* Site */
const char *byline_gotmpl_site_get_string (const BylineGotmplValue *site,
                                           const char              *key);   /* baseURL, languagePrefix, config keys */
/* A configuration value by dotted, lower-case key, or NULL. */
const BylineGotmplValue *byline_gotmpl_site_get_config (const BylineGotmplValue *site,
                                                        const char              *key);
gboolean    byline_gotmpl_site_language   (BylineGotmplCall        *call,
                                           const char              *lang,
                                           BylineGotmplValue       *result);

/* Resources (byline-gotmpl-resources.c) */
BylineGotmplValue byline_gotmpl_resources_list (GPtrArray *infos);   /* of BylineGotmplResourceInfo */

/* What Hugo sorts pages by (resources/page/pages_sort.go). */
typedef struct
{
  gint64      weight;
  gint64      date;         /* Unix seconds */
  const char *title;        /* "" when none */
  const char *link_title;   /* linkTitle, else the title */
  const char *path;         /* the content path */
} BylineGotmplPageSortKey;

void              byline_gotmpl_page_get_sort_key (const BylineGotmplValue *page,
                                                   BylineGotmplPageSortKey *key);
/* A page.Pages of @list's pages (a list of page objects), in Hugo's
 * default order: weight (0 last), date (newest first), link title, path. */
BylineGotmplValue byline_gotmpl_pages_new        (BylineGotmplValue        list);
/* The pages of a page or the site (@path NULL), page.Pages for a template. */
gboolean          byline_gotmpl_pages_list       (BylineGotmplCall        *call,
                                                  BylineGotmplEnv         *env,
                                                  const char              *path,
                                                  const char              *lang,
                                                  BylineGotmplPageList     which,
                                                  BylineGotmplValue       *result);
gboolean byline_gotmpl_fn_resources    (BylineGotmplCall *call, const BylineGotmplValue *self,
                                        const BylineGotmplValue *args, guint n_args,
                                        BylineGotmplValue *result);
gboolean byline_gotmpl_fn_images       (BylineGotmplCall *call, const BylineGotmplValue *self,
                                        const BylineGotmplValue *args, guint n_args,
                                        BylineGotmplValue *result);
gboolean byline_gotmpl_fn_image_config (BylineGotmplCall *call, const BylineGotmplValue *self,
                                        const BylineGotmplValue *args, guint n_args,
                                        BylineGotmplValue *result);

/* URLs and paths (byline-gotmpl-funcs-urls.c, byline-gotmpl-url.c) */
gboolean byline_gotmpl_url_parse (BylineGotmplCall  *call,
                                  const char        *raw,
                                  BylineGotmplValue *result);
char    *byline_gotmpl_abs_url   (const char *base_url,
                                  const char *in,
                                  const char *lang_prefix);
char    *byline_gotmpl_rel_url   (const char *base_url,
                                  const char *in,
                                  const char *lang_prefix);
char    *byline_gotmpl_path_clean (const char *path);
char    *byline_gotmpl_anchorize  (const char *s);
char    *byline_gotmpl_urlize     (const char *s);

/* Times (byline-gotmpl-funcs-time.c) */
void     byline_gotmpl_time_format (GString    *out,
                                    GDateTime  *dt,
                                    const char *layout);   /* Go's reference-time layout */
gboolean byline_gotmpl_as_time     (BylineGotmplCall        *call,
                                    const BylineGotmplValue *value,
                                    GDateTime              **result);

G_END_DECLS
