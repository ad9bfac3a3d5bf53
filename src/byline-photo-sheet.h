/* byline-photo-sheet.h — several pictures into a post at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sheet lists the pictures given to it in the order they were taken
 * (else by name), each with its thumbnail, the name its copy will get in
 * the post's folder, what the import will change, and its alt text and
 * caption (filled from the picture's own metadata); the user reorders
 * them, chooses the width, and Insert imports them all on a worker thread
 * (byline_photo_import_async(): upright, no wider than the site wants,
 * without their location), with a progress bar and Cancel.
 */

#pragma once

#include <adwaita.h>

#include "byline-image-shortcode.h"
#include "byline-profile.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_PHOTO_SHEET (byline_photo_sheet_get_type ())

G_DECLARE_FINAL_TYPE (BylinePhotoSheet, byline_photo_sheet, BYLINE, PHOTO_SHEET, AdwWindow)

/* @folder is the post's bundle. */
BylinePhotoSheet *byline_photo_sheet_new               (BylineProfile     *profile,
                                                        GFile             *folder);
/* Reads the pictures' metadata on worker threads ("loading" is TRUE
 * meanwhile), then lists them; files that are not pictures are named
 * under the list and left out. */
void              byline_photo_sheet_add_files         (BylinePhotoSheet  *self,
                                                        GFile * const     *files,
                                                        guint              n_files);
gboolean          byline_photo_sheet_get_loading       (BylinePhotoSheet  *self);
gboolean          byline_photo_sheet_get_importing     (BylinePhotoSheet  *self);
/* Whether the copies keep the camera's metadata (the location never
 * stays); FALSE by default. */
gboolean          byline_photo_sheet_get_keep_metadata (BylinePhotoSheet  *self);
void              byline_photo_sheet_set_keep_metadata (BylinePhotoSheet  *self,
                                                        gboolean           keep_metadata);
guint             byline_photo_sheet_get_n_photos      (BylinePhotoSheet  *self);
GFile            *byline_photo_sheet_get_source        (BylinePhotoSheet  *self,
                                                        guint              position);
/* The name the picture's copy will get ("img-2041.jpg"). */
const char       *byline_photo_sheet_get_planned_name  (BylinePhotoSheet  *self,
                                                        guint              position);
/* The entry of BYLINE_IMAGE_FIELD_ALT or _CAPTION of a picture. */
GtkEditable      *byline_photo_sheet_get_entry         (BylinePhotoSheet  *self,
                                                        guint              position,
                                                        BylineImageField   field);
/* What the Move Up and Move Down buttons do. */
void              byline_photo_sheet_move              (BylinePhotoSheet  *self,
                                                        guint              from,
                                                        guint              to);

/* Signals:
 *   "insert" (const char *text): the pictures are in the post's folder;
 *       @text holds their calls, in order, a blank line between them.
 *       Whoever opened the sheet writes it and closes the sheet.
 *
 * Actions: "sheet.insert" (import, then "insert"), "sheet.cancel" (stops
 * an import, which leaves the folder as it was; else closes the sheet).
 */

G_END_DECLS
