/* byline-shortcode-dialog.h — choose a shortcode, fill its parameters, see it rendered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog lists every shortcode of the catalog (the site's, the
 * profile's and Hugo's), builds a form from the parameters the chosen
 * one's template reads (required ones first, defaults as placeholders),
 * shows the call it writes and renders it with the post's renderer.
 */

#pragma once

#include <adwaita.h>

#include "byline-shortcode.h"
#include "byline-site.h"
#include "byline-shortcode-catalog.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_SHORTCODE_DIALOG (byline_shortcode_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BylineShortcodeDialog, byline_shortcode_dialog, BYLINE, SHORTCODE_DIALOG,
                      AdwWindow)

/* @post_file (nullable) places the preview: pictures and links of the
 * post's bundle. */
BylineShortcodeDialog *byline_shortcode_dialog_new          (BylineShortcodeCatalog *catalog,
                                                             BylineProfile          *profile,
                                                             GFile                  *post_file);
/* The post's site (nullable): its shortcodes preview through their
 * templates, as in the window's preview. */
void                   byline_shortcode_dialog_set_site     (BylineShortcodeDialog  *self,
                                                             BylineSite             *site);
/* Chooses the shortcode @name in the list; FALSE when the catalog lacks it. */
gboolean               byline_shortcode_dialog_select       (BylineShortcodeDialog  *self,
                                                             const char             *name);
/* The chosen shortcode's name, or NULL. */
const char            *byline_shortcode_dialog_get_name     (BylineShortcodeDialog  *self);
/* Fills the dialog from an existing call (@text is the post's text it was
 * scanned from): Apply then rewrites the call's opening tag, which
 * byline_shortcode_dialog_dup_shortcode() returns. */
void                   byline_shortcode_dialog_set_call     (BylineShortcodeDialog  *self,
                                                             const char             *text,
                                                             const BylineShortcode  *call);
gboolean               byline_shortcode_dialog_get_editing  (BylineShortcodeDialog  *self);
/* The inner text a new paired call gets (the selected text). */
void                   byline_shortcode_dialog_set_inner    (BylineShortcodeDialog  *self,
                                                             const char             *inner);
/* The entry of a named parameter (@name) or a positional one (@name NULL),
 * or NULL when the form has none. */
GtkEditable           *byline_shortcode_dialog_get_field    (BylineShortcodeDialog  *self,
                                                             const char             *name,
                                                             int                     position);
/* What Insert writes: the whole call, or the opening tag when editing.
 * NULL when nothing is chosen. */
char                  *byline_shortcode_dialog_dup_shortcode (BylineShortcodeDialog *self);
/* Why Insert is disabled (a required value missing, named and positional
 * values mixed), or NULL. */
const char            *byline_shortcode_dialog_get_error    (BylineShortcodeDialog  *self);

/* Signals:
 *   "insert" (void): the user chose Insert (or Apply); whoever opened the
 *       dialog writes the text and closes it.
 *
 * Actions: "shortcode.insert".
 */

G_END_DECLS
