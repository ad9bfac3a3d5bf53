/* byline-photo-ui.h — what the windows that show pictures share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Thumbnails decoded at the size they are shown, turned upright as the
 * picture will be, on one worker of low priority so that typing never
 * waits for them; the name a picture from elsewhere gets in a post's
 * bundle; and what the image dialog, the photo sheet and the Photos page
 * say and check alike.
 */

#pragma once

#include <gtk/gtk.h>

#include "byline-analysis-context.h"
#include "byline-photo.h"

G_BEGIN_DECLS

/* Decodes @file at most @width × @height, its EXIF orientation applied.
 * Thumbnails are decoded one at a time on a worker thread of their own,
 * at a lower CPU priority than the window's, and @callback runs at
 * G_PRIORITY_LOW: a batch of photos does not delay a keystroke. */
void        byline_photo_thumbnail_load_async  (GFile               *file,
                                                int                  width,
                                                int                  height,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GdkTexture *byline_photo_thumbnail_load_finish (GAsyncResult        *result,
                                                GError             **error);
/* The same, shown in @image (a GtkImage or a GtkPicture) once decoded;
 * nothing changes when the picture cannot be decoded. */
void        byline_photo_thumbnail_show        (GFile               *file,
                                                int                  width,
                                                int                  height,
                                                GCancellable        *cancellable,
                                                GtkWidget           *image);

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

/* "4000 × 3000 pixels, 2.1 MB". */
char       *byline_photo_describe_size         (int                  width,
                                                int                  height,
                                                goffset              bytes);

/* The fields of the call for @file (named "./NAME" in its post's folder)
 * as an import fills them: the profile's width, and the alt text, title
 * and caption of the picture's own metadata (@info is @file's). */
BylineImageFields *
            byline_photo_fields_for_file       (GFile               *file,
                                                BylinePhotoInfo     *info,
                                                BylineProfile       *profile);

/* The context that checks a call alone, without the post's text: the
 * profile's rules, and the bundle of @folder for the files it names. */
BylineAnalysisContext *
            byline_photo_check_context_new     (BylineProfile       *profile,
                                                GFile               *folder);

/* The text of @editable without the spaces around it, which are never
 * meant: the site would show them. */
char       *byline_photo_dup_entry_text        (GtkEditable         *editable);

/* GTK 4.8's drop-down shows its button to screen readers as a button of
 * its own, without a name: it takes @drop_down's. */
void        byline_photo_name_drop_down        (GtkDropDown         *drop_down);

G_END_DECLS
