/* byline-bundle.h — a post's page bundle: its folder and the files beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  BYLINE_LINK_BUNDLE,         /* ./x.png, x.png: a file of the bundle */
  BYLINE_LINK_SITE_ABSOLUTE,  /* /docs/x.svg: a path on the site */
  BYLINE_LINK_EXTERNAL,       /* http:, https:, mailto:, … */
  BYLINE_LINK_ANCHOR,         /* #section */
  BYLINE_LINK_EMPTY,
} BylineLinkKind;

#define BYLINE_TYPE_BUNDLE (byline_bundle_get_type ())

G_DECLARE_FINAL_TYPE (BylineBundle, byline_bundle, BYLINE, BUNDLE, GObject)

/* The bundle of the post at @post_file (its parent folder). The file list is
 * read on the first call that needs it; byline_bundle_reload() reads again. */
BylineBundle       *byline_bundle_new                (GFile         *post_file);
GFile              *byline_bundle_get_folder         (BylineBundle  *self);
GFile              *byline_bundle_get_post_file      (BylineBundle  *self);
void                byline_bundle_reload             (BylineBundle  *self);
/* Names of the regular files directly in the folder, other than Markdown
 * (*.md), sorted. */
const char * const *byline_bundle_get_files          (BylineBundle  *self);
/* Case-sensitive, as the site's build is. */
gboolean            byline_bundle_has_file           (BylineBundle  *self,
                                                      const char    *name);
guint64             byline_bundle_get_file_size      (BylineBundle  *self,
                                                      const char    *name);
/* Classifies a link target; for BUNDLE links sets @name to the file name in the
 * bundle (query and fragment stripped, percent-decoded, "./" removed). */
BylineLinkKind      byline_bundle_classify_link      (const char    *link,
                                                      char         **name);
/* Pixel size of an image of the bundle (cached); FALSE when unreadable. */
gboolean            byline_bundle_get_image_size     (BylineBundle  *self,
                                                      const char    *name,
                                                      int           *width,
                                                      int           *height);
/* The Hugo site the bundle sits in: the nearest parent folder holding a
 * content/ folder and a Hugo config (hugo.toml|yaml|json, config.*). NULL
 * outside a site checkout. */
GFile              *byline_bundle_get_site_root      (BylineBundle  *self);
/* Whether a site-absolute path (/blog/2019/x/, /docs/a.svg) exists under the
 * site's content/<lang>/ tree or static/. Only meaningful with a site root. */
gboolean            byline_bundle_site_path_exists   (BylineBundle  *self,
                                                      const char    *path);

G_END_DECLS
