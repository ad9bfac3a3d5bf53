/* byline-front-matter-form.h — the front matter as typed fields beside the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "byline-document.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_FRONT_MATTER_FORM (byline_front_matter_form_get_type ())

G_DECLARE_FINAL_TYPE (BylineFrontMatterForm, byline_front_matter_form,
                      BYLINE, FRONT_MATTER_FORM, GtkWidget)

GtkWidget      *byline_front_matter_form_new              (void);
BylineDocument *byline_front_matter_form_get_document     (BylineFrontMatterForm *self);
void            byline_front_matter_form_set_document     (BylineFrontMatterForm *self,
                                                           BylineDocument        *document);
/* The control that edits @key: an AdwEntryRow (text, dates, numbers), a
 * GtkTextView (long text), a BylineTagList (lists) or a GtkSwitch; its
 * accessible name is the field's label. NULL when the profile has no
 * such field. */
GtkWidget      *byline_front_matter_form_get_field_widget (BylineFrontMatterForm *self,
                                                           const char            *key);
/* Writes every field that has edits not yet in the text (before a save). */
void            byline_front_matter_form_commit           (BylineFrontMatterForm *self);
/* Whether the fields can be edited: FALSE while the front matter does not
 * parse, or the post has none. */
gboolean        byline_front_matter_form_get_editable     (BylineFrontMatterForm *self);

/* Signals:
 *   "jump-to-line" (guint line): the user asked to see a line of the post
 *       (the line of a syntax error).
 */

G_END_DECLS
