/* byline-site.h — the Hugo site a post belongs to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BylineSite is what Byline knows about the site around a post, found by
 * one walk up the post's folders (byline_site_lookup()):
 *
 *   root            the nearest folder holding a content/ folder and a
 *                   Hugo configuration (hugo.toml|yaml|yml|json,
 *                   config.toml|yaml|yml|json, or a config/ folder);
 *   profile file    the nearest .byline.yml, in the post's folder or a
 *                   parent, not looking above the folder holding .git;
 *   content folder  <root>/content;
 *   blog folder     the nearest folder named "blog" inside a folder named
 *                   "content" (the posts the form suggests keywords from).
 *
 * Each may be missing: a post outside any checkout still gets a site,
 * without a root. A site is immutable once looked up, so the analysis
 * worker and the window may share it; lookups that need the file system
 * later (site paths) cache what they read under the site's own lock.
 *
 * This is the home of the site model: the site's configuration, themes,
 * pages and permalinks grow here (byline-site-*.c), behind this object.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BYLINE_TYPE_SITE (byline_site_get_type ())

G_DECLARE_FINAL_TYPE (BylineSite, byline_site, BYLINE, SITE, GObject)

/* Walks up from @post_file's folder once, checking each folder for the
 * marks above. Blocking I/O: the window calls it on a worker thread. Never
 * NULL. */
BylineSite *byline_site_lookup              (GFile        *post_file,
                                             GCancellable *cancellable);
/* The post the site was looked up for. */
GFile      *byline_site_get_post_file       (BylineSite   *self);
/* The site's root folder, or NULL outside a Hugo site. */
GFile      *byline_site_get_root            (BylineSite   *self);
/* The .byline.yml that applies to the post, or NULL when there is none. */
GFile      *byline_site_get_profile_file    (BylineSite   *self);
/* <root>/content, or NULL without a root. */
GFile      *byline_site_get_content_folder  (BylineSite   *self);
/* The blog folder above the post (see above), or NULL. */
GFile      *byline_site_get_blog_folder     (BylineSite   *self);
/* Whether a site-absolute path (/blog/2019/x/, /docs/a.svg) names a page
 * or a file of the site: a file, x/index.md, x/_index.md or x.md under
 * content/ or any of its language folders (content/<lang>/), or a file
 * under static/. Query and fragment are ignored; a path with a ".."
 * segment never matches. FALSE without a root. */
gboolean    byline_site_path_exists         (BylineSite   *self,
                                             const char   *path);

G_END_DECLS
