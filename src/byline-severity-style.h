/* byline-severity-style.h — how a severity looks: its icon and its style class
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place that maps a finding's severity to what the window shows:
 * the problems list, the underlines' tooltips, the problems button, the
 * front-matter form's rows and the image dialog's fields all use it.
 */

#pragma once

#include <gtk/gtk.h>

#include "byline-diagnostic.h"

G_BEGIN_DECLS

/* A symbolic icon name; NULL for BYLINE_SEVERITY_OFF (nothing to show). */
const char *byline_severity_get_icon_name   (BylineSeverity  severity);
/* "error", "warning" or "accent" (libadwaita's style classes); NULL for OFF. */
const char *byline_severity_get_style_class (BylineSeverity  severity);
/* Gives @widget the style class of @severity and takes the others away. */
void        byline_severity_style_widget    (GtkWidget      *widget,
                                             BylineSeverity  severity);

G_END_DECLS
