/* byline-photos-view.h — the pictures of a post's folder, with what is wrong with them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A grid of the bundle's pictures: thumbnail, name, pixels and bytes,
 * whether the post's text names it, and the findings about the file (GPS
 * position, too wide) with their file fixes as buttons, applied after
 * asking. The view follows a document: its folder, its text and its
 * problems, and reads the pictures again when they change.
 */

#pragma once

#include <gtk/gtk.h>

#include "byline-document.h"
#include "byline-photo.h"

G_BEGIN_DECLS

/* What a card carries when it is dragged within Byline (beside the file
 * list other programs read): the picture of the post's folder and what
 * was read of it, for its call. */
typedef struct
{
  GFile           *file;
  BylinePhotoInfo *info;
} BylinePhotoDrag;

#define BYLINE_TYPE_PHOTO_DRAG (byline_photo_drag_get_type ())

GType            byline_photo_drag_get_type (void) G_GNUC_CONST;
BylinePhotoDrag *byline_photo_drag_copy     (const BylinePhotoDrag *self);
void             byline_photo_drag_free     (BylinePhotoDrag       *self);

#define BYLINE_TYPE_PHOTOS_VIEW (byline_photos_view_get_type ())

G_DECLARE_FINAL_TYPE (BylinePhotosView, byline_photos_view, BYLINE, PHOTOS_VIEW, GtkWidget)

GtkWidget      *byline_photos_view_new           (void);
BylineDocument *byline_photos_view_get_document  (BylinePhotosView *self);
void            byline_photos_view_set_document  (BylinePhotosView *self,
                                                  BylineDocument   *document);
/* Reads the folder again (soon, once). */
void            byline_photos_view_reload        (BylinePhotosView *self);
/* Whether a read of the folder is under way or due. */
gboolean        byline_photos_view_get_busy      (BylinePhotosView *self);
guint           byline_photos_view_get_n_photos  (BylinePhotosView *self);
/* The card of the picture at @position (in name order): for tests and
 * screen readers' sake, its accessible label says all it shows. Dragged,
 * it offers a BylinePhotoDrag and a GDK_TYPE_FILE_LIST. */
GtkWidget      *byline_photos_view_get_card      (BylinePhotosView *self,
                                                  guint             position);

/* Signals:
 *   "activate-photo" (GFile *file, guint offset): the user activated a
 *       picture the post uses; @offset is the byte offset of its first
 *       mention in the text.
 *   "show-message" (const char *message): a fix was applied (or failed).
 */

G_END_DECLS
