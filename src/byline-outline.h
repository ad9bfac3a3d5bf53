/* byline-outline.h — the post's headings, as a sidebar list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* One heading of the post, as the core found it. */
typedef struct
{
  guint  level;   /* 1 … 6 */
  char  *text;
  guint  line;    /* 1-based line of the post's text */
} BylineOutlineHeading;

void byline_outline_heading_free (BylineOutlineHeading *heading);

#define BYLINE_TYPE_OUTLINE (byline_outline_get_type ())

G_DECLARE_FINAL_TYPE (BylineOutline, byline_outline, BYLINE, OUTLINE, GtkWidget)

GtkWidget *byline_outline_new              (void);
/* Shows @headings (of BylineOutlineHeading, in post order; a reference is
 * taken). Rows are rebuilt only when the headings changed. */
void       byline_outline_set_headings     (BylineOutline *self,
                                            GPtrArray     *headings);
guint      byline_outline_get_n_headings   (BylineOutline *self);
const BylineOutlineHeading *
           byline_outline_get_heading      (BylineOutline *self,
                                            guint          index);
/* The row of the heading at @index. */
GtkWidget *byline_outline_get_row          (BylineOutline *self,
                                            guint          index);
/* Highlights the heading of the section holding @line (1-based), or none
 * before the first heading. */
void       byline_outline_set_current_line (BylineOutline *self,
                                            guint          line);
/* The index of the highlighted heading, or -1. */
int        byline_outline_get_current      (BylineOutline *self);

/* Signals:
 *   "heading-activated" (guint line): the user chose the heading on @line.
 */

G_END_DECLS
