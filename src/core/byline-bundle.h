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
  BYLINE_LINK_SITE_RELATIVE,  /* ../other/, sub/: relative to the page's URL, leaving the bundle */
} BylineLinkKind;

#define BYLINE_TYPE_BUNDLE (byline_bundle_get_type ())

G_DECLARE_FINAL_TYPE (BylineBundle, byline_bundle, BYLINE, BUNDLE, GObject)

/* The bundle of the post at @post_file (its parent folder). The file list is
 * read on the first call that needs it and kept: make a new bundle to see
 * the folder's files again. A bundle may be used from several threads. */
BylineBundle       *byline_bundle_new                (GFile         *post_file);
GFile              *byline_bundle_get_folder         (BylineBundle  *self);
GFile              *byline_bundle_get_post_file      (BylineBundle  *self);
/* Whether the post is a page bundle's own page (index.md or _index.md),
 * whose folder holds its resources; a loose x.md shares its folder with
 * unrelated files. */
gboolean            byline_bundle_is_page_bundle     (BylineBundle  *self);
/* Names of the regular files directly in the folder, other than Markdown
 * (*.md) and hidden files (.name: editor and system leftovers), sorted by
 * byte value. */
const char * const *byline_bundle_get_files          (BylineBundle  *self);
/* Case-sensitive, as the site's build is. @name may be a path below the
 * folder (img/x.png); ".." never leads out of it. */
gboolean            byline_bundle_has_file           (BylineBundle  *self,
                                                      const char    *name);
guint64             byline_bundle_get_file_size      (BylineBundle  *self,
                                                      const char    *name);
/* Classifies a link target; for BUNDLE links sets @name to the file name in the
 * bundle (query and fragment stripped, percent-decoded, "./" removed), a
 * name that never leads out of the bundle. A relative path with a ".."
 * segment, ending in "/", or starting with "/" once decoded ("%2fetc"),
 * points at another page rather than a bundle file: SITE_RELATIVE. Escapes
 * that do not decode to UTF-8 are kept as written. For SITE_ABSOLUTE and
 * SITE_RELATIVE, @name is the path, stripped and decoded the same way; for
 * the other kinds it is NULL. A link made of only a query or a fragment
 * points at the page itself: ANCHOR. @name may be NULL. */
BylineLinkKind      byline_bundle_classify_link      (const char    *link,
                                                      char         **name);
/* Pixel size of an image of the bundle (cached); FALSE when unreadable.
 * SVGs are sized from their width, height and viewBox. */
gboolean            byline_bundle_get_image_size     (BylineBundle  *self,
                                                      const char    *name,
                                                      int           *width,
                                                      int           *height);

G_END_DECLS
