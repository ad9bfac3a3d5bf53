/* byline-start-page.h — what a window shows before a post is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BYLINE_TYPE_START_PAGE (byline_start_page_get_type ())

G_DECLARE_FINAL_TYPE (BylineStartPage, byline_start_page, BYLINE, START_PAGE, GtkWidget)

GtkWidget *byline_start_page_new (void);

/* Its "Open Post…" button activates "win.open"; a recent post activates
 * "win.open-uri" with the post's URI. */

G_END_DECLS
