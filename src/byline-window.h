/* byline-window.h — a window editing one post beside its preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "byline-document.h"

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

G_END_DECLS
