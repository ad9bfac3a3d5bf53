/* byline-image-dialog.h — the fields of an image shortcode, with a thumbnail and the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "byline-analysis.h"
#include "byline-image-shortcode.h"
#include "byline-profile.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_IMAGE_DIALOG (byline_image_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BylineImageDialog, byline_image_dialog, BYLINE, IMAGE_DIALOG, AdwWindow)

/* @folder is the post's bundle: links are relative to it. */
BylineImageDialog *byline_image_dialog_new            (BylineProfile           *profile,
                                                       GFile                   *folder);
BylineProfile     *byline_image_dialog_get_profile    (BylineImageDialog       *self);
GFile             *byline_image_dialog_get_folder     (BylineImageDialog       *self);
/* The picture: chosen, dropped or pasted (maybe outside the bundle, to be
 * copied on insertion), or the bundle file the link names. */
GFile             *byline_image_dialog_get_file       (BylineImageDialog       *self);
/* Starts from a picture file: Link becomes its name in the bundle (the name
 * a copy will get when it lives elsewhere), Ratio its computed ratio. */
void               byline_image_dialog_set_file       (BylineImageDialog       *self,
                                                       GFile                   *file);
/* Fills the fields from an existing call; with @editing the dialog applies
 * to that call ("Apply") rather than inserting a new one. */
void               byline_image_dialog_set_fields     (BylineImageDialog       *self,
                                                       const BylineImageFields *fields,
                                                       gboolean                 editing);
gboolean           byline_image_dialog_get_editing    (BylineImageDialog       *self);
/* Where the call goes: it replaces [start, end) of the text of @analysis
 * (the post's), or is inserted at @start on lines of its own when @end is
 * @start. The fields are checked by the post's own rules on the text the
 * call would make; without a target, on the call alone. */
void               byline_image_dialog_set_target     (BylineImageDialog       *self,
                                                       BylineAnalysis          *analysis,
                                                       gsize                    start,
                                                       gsize                    end);
/* What Insert writes, and its text (as the preview shows it). */
BylineImageFields *byline_image_dialog_dup_fields     (BylineImageDialog       *self);
char              *byline_image_dialog_dup_shortcode  (BylineImageDialog       *self);
/* Whether a field shows an error, or Link is empty (Insert is disabled
 * meanwhile). */
gboolean           byline_image_dialog_has_errors     (BylineImageDialog       *self);
/* The entry (or drop-down, for Width) that edits @field, and the label
 * under it that shows its problem (hidden when there is none). */
GtkWidget         *byline_image_dialog_get_field_widget  (BylineImageDialog    *self,
                                                          BylineImageField      field);
GtkLabel          *byline_image_dialog_get_field_message (BylineImageDialog    *self,
                                                          BylineImageField      field);

/* Signals:
 *   "insert" (void): the user chose Insert (or Apply) and no field has an
 *       error; whoever opened the dialog writes the text and closes it.
 *
 * Actions: "image.insert", "image.choose" (the file chooser).
 */

G_END_DECLS
