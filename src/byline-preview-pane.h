/* byline-preview-pane.h — the window's place for the preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "byline-renderer.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_PREVIEW_PANE (byline_preview_pane_get_type ())

G_DECLARE_FINAL_TYPE (BylinePreviewPane, byline_preview_pane, BYLINE, PREVIEW_PANE, GtkWidget)

GtkWidget  *byline_preview_pane_new                    (void);
/* The BylinePreview, once its library is loaded; NULL until then. */
GtkWidget  *byline_preview_pane_get_preview            (BylinePreviewPane *self);
/* The preview has painted the post; until then the pane looks empty. */
gboolean    byline_preview_pane_get_painted            (BylinePreviewPane *self);

/* What the window tells the preview; the pane keeps it until the preview
 * exists. See BylinePreview for what each does. */
void        byline_preview_pane_set_folder             (BylinePreviewPane *self,
                                                        GFile             *folder);
void        byline_preview_pane_set_site_folders       (BylinePreviewPane  *self,
                                                        const char * const *folders);
void        byline_preview_pane_set_stylesheet         (BylinePreviewPane *self,
                                                        const char        *stylesheet);
void        byline_preview_pane_set_load_remote_images (BylinePreviewPane *self,
                                                        gboolean           load_remote_images);
/* Keeps a reference to @rendering (immutable) until the preview exists. */
void        byline_preview_pane_update                 (BylinePreviewPane *self,
                                                        BylineRendering   *rendering);
void        byline_preview_pane_scroll_to_line         (BylinePreviewPane *self,
                                                        guint              line);
void        byline_preview_pane_set_band               (BylinePreviewPane *self,
                                                        const char        *kind,
                                                        const char        *text);

G_END_DECLS
