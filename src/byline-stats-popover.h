/* byline-stats-popover.h — words, characters and reading time of the post
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "byline-stats.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_STATS_POPOVER (byline_stats_popover_get_type ())

G_DECLARE_FINAL_TYPE (BylineStatsPopover, byline_stats_popover, BYLINE, STATS_POPOVER, GtkPopover)

GtkWidget  *byline_stats_popover_new            (void);
/* Shows the figures of the post, and of the selection when @selection is
 * not NULL. */
void        byline_stats_popover_set_stats      (BylineStatsPopover *self,
                                                 const BylineStats  *post,
                                                 const BylineStats  *selection);
/* The text shown for a figure ("words", "characters", "paragraphs",
 * "pictures", "reading-time") of the post or of the selection; for tests. */
const char *byline_stats_popover_get_figure     (BylineStatsPopover *self,
                                                 const char         *figure,
                                                 gboolean            of_selection);
/* "3 minutes" */
char       *byline_stats_format_reading_time    (guint               minutes);

G_END_DECLS
