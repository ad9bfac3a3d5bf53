/* byline-window.h — a window editing one post beside its preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "byline-document.h"
#include "byline-image-dialog.h"
#include "byline-shortcode-dialog.h"
#include "byline-photo-sheet.h"
#include "byline-photos-view.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_WINDOW (byline_window_get_type ())

G_DECLARE_FINAL_TYPE (BylineWindow, byline_window, BYLINE, WINDOW, AdwApplicationWindow)

BylineWindow   *byline_window_new          (GtkApplication *application);
BylineDocument *byline_window_get_document (BylineWindow   *self);
/* TRUE while the window shows no post and has nothing to lose: a file opened
 * from elsewhere may go into it. */
gboolean        byline_window_is_empty     (BylineWindow   *self);
/* Loads @file into this window; errors are shown as a toast. */
void            byline_window_load         (BylineWindow   *self,
                                            GFile          *file);
/* The text shown in the header bar: the post's title (with "• " when
 * modified) and the bundle folder. */
const char     *byline_window_get_title_text    (BylineWindow *self);
const char     *byline_window_get_subtitle_text (BylineWindow *self);
void            byline_window_add_toast    (BylineWindow   *self,
                                            const char     *message);

/* Shortcodes (byline-window-shortcode.c): the Insert Shortcode dialog the
 * window shows ("win.insert-shortcode"), or NULL. */
BylineShortcodeDialog *byline_window_get_shortcode_dialog (BylineWindow *self);

/* Pictures (byline-window-image.c). */
/* The image dialog the window shows ("win.insert-image"), or NULL. */
BylineImageDialog *byline_window_get_image_dialog (BylineWindow      *self);
/* Dropped pictures (other files are left out, with a toast): one opens the
 * image dialog on it, several the photo sheet, inserting at @iter; they
 * are imported into the post's folder on Insert. FALSE without a post
 * folder. */
gboolean        byline_window_drop_images  (BylineWindow      *self,
                                            GSList            *files,
                                            const GtkTextIter *iter);
/* Keeps a pasted picture as PNG in a temporary folder and opens the image
 * dialog on it, for the cursor's position; Insert imports it into the
 * post's folder, Cancel leaves nothing there. FALSE without a post
 * folder. */
gboolean        byline_window_paste_image  (BylineWindow      *self,
                                            GdkTexture        *texture);

/* Photos (byline-window-photos.c). */
/* The photo sheet the window shows ("win.add-photos", several pictures
 * dropped), or NULL. */
BylinePhotoSheet *byline_window_get_photo_sheet (BylineWindow     *self);
/* The sidebar's Photos page ("win.show-photos"). */
BylinePhotosView *byline_window_get_photos_view (BylineWindow     *self);

G_END_DECLS
