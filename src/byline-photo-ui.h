/* byline-photo-ui.h — what the windows that show pictures share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Thumbnails decoded on a worker thread at the size they are shown, turned
 * upright as the picture will be, and the name a picture from elsewhere
 * gets in a post's bundle.
 */

#pragma once

#include <gtk/gtk.h>

#include "byline-photo.h"

G_BEGIN_DECLS

/* Decodes @file at most @width × @height, its EXIF orientation applied. */
void        byline_photo_thumbnail_load_async  (GFile               *file,
                                                int                  width,
                                                int                  height,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GdkTexture *byline_photo_thumbnail_load_finish (GAsyncResult        *result,
                                                GError             **error);

/* The name @source will have in @folder: its own for a file already
 * directly in @folder, else the first free numbered safe name
 * (byline_image_safe_file_name(), byline_image_numbered_name()), as
 * byline_image_create_in_bundle() will choose it. Names in @taken
 * (nullable; a set of names planned for other pictures of the same batch)
 * count as used; the result is added to it. The copy itself numbers
 * again, so a file appearing in between is never replaced. */
char       *byline_photo_plan_name             (GFile               *folder,
                                                GFile               *source,
                                                GHashTable          *taken);

/* What importing a picture described by @info with @profile's options
 * will change ("resized from 4000×3000 pixels, turned upright, location
 * removed"), or NULL when its copy keeps its pixels and has no location. */
char       *byline_photo_describe_import       (const BylinePhotoInfo *info,
                                                BylineProfile       *profile);

G_END_DECLS
