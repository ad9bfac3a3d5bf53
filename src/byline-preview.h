/* byline-preview.h — the rendered post, patched in place as the source changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <webkit/webkit.h>

#include "byline-renderer.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_PREVIEW (byline_preview_get_type ())

G_DECLARE_FINAL_TYPE (BylinePreview, byline_preview, BYLINE, PREVIEW, GtkWidget)

GtkWidget     *byline_preview_new                (void);
WebKitWebView *byline_preview_get_web_view       (BylinePreview   *self);
/* The post's bundle folder: images load from it, and file:// reads are
 * limited to it. Setting another folder reloads the shell page. */
void           byline_preview_set_folder         (BylinePreview   *self,
                                                  GFile           *folder);
GFile         *byline_preview_get_folder         (BylinePreview   *self);
/* Shows a rendering (its blocks and its header): the first call loads the
 * shell page, later calls patch only the blocks that changed (scroll
 * position kept). The preview keeps a reference to @rendering, which is
 * immutable, instead of a copy. */
void           byline_preview_update             (BylinePreview   *self,
                                                  BylineRendering *rendering);
/* Editor → preview scroll sync: brings the block holding @line to the top. */
gboolean       byline_preview_get_painted        (BylinePreview   *self);
void           byline_preview_scroll_to_line     (BylinePreview   *self,
                                                  guint            line);
/* The site's static and assets folders (paths): pictures load from them
 * too, as Hugo's figure shortcode takes them from there. Setting other
 * folders reloads the shell page. */
const char * const *byline_preview_get_site_folders (BylinePreview      *self);
void           byline_preview_set_site_folders   (BylinePreview      *self,
                                                  const char * const *folders);
gboolean       byline_preview_get_load_remote_images (BylinePreview *self);
void           byline_preview_set_load_remote_images (BylinePreview *self,
                                                      gboolean       load_remote_images);
/* The post's style sheet, from byline_profile_get_stylesheet(); until set, the
 * built-in one (resource /org/byline/Byline/style/post.css). No reload. */
const char    *byline_preview_get_stylesheet     (BylinePreview   *self);
void           byline_preview_set_stylesheet     (BylinePreview   *self,
                                                  const char      *stylesheet);

/* The band over the post's header that says Hugo leaves the post out of
 * the site: @kind is "draft", "scheduled" or "expired" (its style), @text
 * what it says; NULL @kind: no band. */
void           byline_preview_set_band           (BylinePreview   *self,
                                                  const char      *kind,
                                                  const char      *text);

/* Signals:
 *   "top-line-changed" (guint line): the user scrolled the preview; @line is the
 *       first source line of the block now at its top (preview → editor sync).
 *   "line-activated" (guint line): Ctrl+click on a block.
 *   "patched" (void): a byline_preview_update() has reached the page's DOM and the
 *       next frame was painted (tests and the benchmark wait for it).
 *   "open-uri" (const char *uri) → gboolean: a link clicked in the preview that
 *       leaves the page (the preview never navigates); return TRUE to handle it,
 *       otherwise it opens in the default application. Files outside the
 *       folder are never offered.
 */

G_END_DECLS
