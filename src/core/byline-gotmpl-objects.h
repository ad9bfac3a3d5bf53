/* byline-gotmpl-objects.h — Hugo's page, site and shortcode objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The objects a shortcode template sees: the shortcode (Hugo's
 * ShortcodeWithPage), its page, the site, a Scratch, resources, times. They
 * are BylineGotmplValue objects; these constructors are how the renderer
 * and the environment make them.
 */

#pragma once

#include "byline-data.h"
#include "byline-gotmpl-env.h"
#include "byline-gotmpl-value.h"
#include "byline-post.h"
#include "byline-shortcode.h"

G_BEGIN_DECLS

/* What a page object is made from. Strings are copied; NULL means empty. */
typedef struct
{
  const char              *file;           /* absolute path of the content file */
  const char              *content_path;   /* under content/: "blog/2024/x/index.md" */
  const char              *kind;           /* "page" (default), "section", "home" */
  const char              *lang;           /* "en" (default) */
  const char              *rel_permalink;  /* "/blog/2024/x/" */
  const char              *permalink;      /* "https://example.org/blog/2024/x/" */
  const char              *raw_content;    /* the Markdown body (.RawContent, .Summary) */
  const BylineGotmplValue *front_matter;   /* a map of the front matter, or NULL */
  const char              *path;           /* .Path of a page without a file ("/blog"), or
                                            * NULL to derive it from content_path */
} BylineGotmplPageInfo;

/* A page; @env (may be NULL) answers .Resources, .GetPage and .Site. */
BylineGotmplValue        byline_gotmpl_page_new          (BylineGotmplEnv            *env,
                                                          const BylineGotmplPageInfo *info);
/* The page of a post being edited: its front matter (YAML) read into
 * values, and the rest from @info (whose front_matter is ignored). */
BylineGotmplValue        byline_gotmpl_page_new_for_post (BylineGotmplEnv            *env,
                                                          BylinePost                 *post,
                                                          const BylineGotmplPageInfo *info);
BylineGotmplValue        byline_gotmpl_site_new          (BylineGotmplEnv            *env);

/* A shortcode call. @params is a map (named parameters), a list
 * (positional) or nil (none); the values typed as Hugo types them (bare
 * true/false and numbers become booleans and numbers). @inner is the inner
 * content as the template sees it (HTML for {{< >}}, and for nested {{% %}}
 * calls the rendered Markdown), or NULL. @position is the call's place
 * ("file:line:col"), @parent the enclosing call's object or NULL. */
BylineGotmplValue        byline_gotmpl_shortcode_new     (const char                 *name,
                                                          const BylineGotmplValue    *params,
                                                          const char                 *inner,
                                                          const char                 *indentation,
                                                          const BylineGotmplValue    *page,
                                                          const BylineGotmplValue    *parent,
                                                          int                         ordinal,
                                                          const char                 *filename,
                                                          guint                       line,
                                                          guint                       column);
/* Sets the inner text of a shortcode object nobody else holds yet. */
void                     byline_gotmpl_shortcode_set_inner (const BylineGotmplValue *shortcode,
                                                            const char              *inner);
/* The shortcode's page (nil when it has none). */
const BylineGotmplValue *byline_gotmpl_shortcode_get_page (const BylineGotmplValue   *shortcode);
/* A shortcode parameter as Hugo types it: quoted values stay strings, bare
 * true/false become booleans, bare integers and decimals numbers. */
BylineGotmplValue        byline_gotmpl_shortcode_param_value (const BylineShortcodeParam *param);
/* The parameters of a scanned call: a map, a list or nil. */
BylineGotmplValue        byline_gotmpl_shortcode_params  (const BylineShortcode      *call);

/* A fresh Scratch (newScratch, .Scratch, .Store). */
BylineGotmplValue        byline_gotmpl_scratch_new       (void);

/* A time.Time for @dt (which is referenced). */
BylineGotmplValue        byline_gotmpl_time_new          (GDateTime                  *dt);
/* The GDateTime of a time value, or NULL. */
GDateTime               *byline_gotmpl_time_get          (const BylineGotmplValue    *value);

/* A resource (an image, a file of a bundle or of assets/). */
BylineGotmplValue        byline_gotmpl_resource_new      (const BylineGotmplResourceInfo *info);

/* Hugo's YAML front matter and data files as values: maps, lists and typed
 * scalars (dates become times). With @params, maps are Hugo's maps.Params
 * (keys lower-cased), as for front matter and site parameters. NULL with
 * @error on a syntax error. Depth and size are bounded. */
gboolean                 byline_gotmpl_parse_yaml        (const char                 *text,
                                                          gsize                       length,
                                                          gboolean                    params,
                                                          BylineGotmplValue          *result,
                                                          GError                    **error);
/* A value tree of the site model (configuration, data files, front matter)
 * as values; with @params, maps are maps.Params. Date-times without a zone
 * are in @zone (UTC when NULL). */
BylineGotmplValue        byline_gotmpl_value_from_data   (const BylineData           *data,
                                                          gboolean                    params,
                                                          GTimeZone                  *zone);
/* A text.Position ("file:line:col" when printed), as .Position gives it. */
BylineGotmplValue        byline_gotmpl_position_new      (const char                 *filename,
                                                          guint                       line,
                                                          guint                       column);
/* An object whose fields are the entries of @fields (which it takes): the
 * contexts Hugo hands render hooks. A name it lacks is reported as
 * unsupported, not as Go's error. */
BylineGotmplValue        byline_gotmpl_record_new        (BylineGotmplMap            *fields);
/* A copy of a value tree with every map made a maps.Params. */
BylineGotmplValue        byline_gotmpl_value_to_params   (const BylineGotmplValue    *value);

G_END_DECLS
