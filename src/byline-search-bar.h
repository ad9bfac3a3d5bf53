/* byline-search-bar.h — find and replace in the source editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define BYLINE_TYPE_SEARCH_BAR (byline_search_bar_get_type ())

G_DECLARE_FINAL_TYPE (BylineSearchBar, byline_search_bar, BYLINE, SEARCH_BAR, GtkWidget)

GtkWidget  *byline_search_bar_new                (void);
/* The view whose buffer is searched; the bar follows buffer changes. */
void        byline_search_bar_set_view           (BylineSearchBar *self,
                                                  GtkSourceView   *view);
/* Takes the selection (when on one line) as the search text and focuses the
 * search entry; @replace also shows the replace row. */
void        byline_search_bar_begin              (BylineSearchBar *self,
                                                  gboolean         replace);
/* Hides the highlights; the search text is kept for the next time. */
void        byline_search_bar_end                (BylineSearchBar *self);
void        byline_search_bar_move               (BylineSearchBar *self,
                                                  gboolean         backward);
/* "3 of 12", "12 matches", "No matches" or "" — what the bar shows. */
const char *byline_search_bar_get_status         (BylineSearchBar *self);

G_END_DECLS
