/* byline-gotmpl-site-env.h — the template engine's environment on a BylineSite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The BylineGotmplEnv of a Hugo site as the site model reads it: templates
 * through its mounts (the project's layouts, then each theme's and
 * module's), the merged configuration whatever its format (YAML, TOML,
 * JSON), data/ and i18n/ files of every mount, pages with the permalinks
 * the site model computes, assets and bundle resources, and Markdown
 * through the Goldmark writer with the site's markup.goldmark settings.
 *
 * One environment and one template set serve every post of a site:
 * byline_gotmpl_site_env_dup_set() gives every BylineSite of the same
 * reading of a site the same set, so templates are parsed once per site,
 * whichever post or window asks. Safe to use from several threads.
 */

#pragma once

#include "byline-goldmark.h"
#include "byline-gotmpl.h"
#include "byline-post.h"
#include "byline-site.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_GOTMPL_SITE_ENV (byline_gotmpl_site_env_get_type ())

G_DECLARE_FINAL_TYPE (BylineGotmplSiteEnv, byline_gotmpl_site_env, BYLINE, GOTMPL_SITE_ENV, GObject)

BylineGotmplEnv *byline_gotmpl_site_env_new      (BylineSite          *site);
/* The environment of the site whose root folder is @root, read afresh
 * (tests, benchmarks, the fuzzer). */
BylineGotmplEnv *byline_gotmpl_site_env_new_for_root (const char  *root);
BylineSite      *byline_gotmpl_site_env_get_site (BylineGotmplSiteEnv *self);
/* The template set of @site's reading of its site (one per site model,
 * shared by every BylineSite of a post of it and by every thread), made on
 * first use; a new reference. NULL without a root. */
BylineGotmplSet *byline_gotmpl_site_env_dup_set  (BylineSite          *site);
/* The site's markup.goldmark settings (Hugo's defaults when it sets none),
 * which its Markdown is rendered with. */
const BylineGoldmarkSettings *byline_gotmpl_site_env_get_goldmark (BylineGotmplSiteEnv *self);
/* The page object of @post, written at @file (may be NULL for a post never
 * saved): its front matter in whatever format, its URL as the site
 * publishes it, its bundle's resources. */
BylineGotmplValue byline_gotmpl_site_env_page_for_post (BylineGotmplSiteEnv *self,
                                                        BylinePost          *post,
                                                        const char          *file);

G_END_DECLS
