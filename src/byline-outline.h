/* byline-outline.h — the post's headings, figures and shortcode calls, as a
 * sidebar list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "byline-analysis.h"

G_BEGIN_DECLS

typedef enum
{
  BYLINE_OUTLINE_HEADING,
  BYLINE_OUTLINE_FIGURE,     /* a picture: the site's image or figure call, or ![alt](…) */
  BYLINE_OUTLINE_SHORTCODE,  /* any other shortcode call */
} BylineOutlineKind;

/* One row of the outline, as the core found it. */
typedef struct
{
  BylineOutlineKind kind;
  /* A heading's level, 1 … 6; for the other rows, the level of the heading
   * they are under (0 before the first), which is what they are indented by. */
  guint             level;
  /* A heading's text; a figure's caption or alt text (its file name when it
   * has neither); a shortcode call as written without its parameters,
   * "{{< tip >}}". */
  char             *text;
  guint             line;    /* 1-based line of the post's text */
  guint             column;  /* 1-based character column */
} BylineOutlineItem;

void       byline_outline_item_free           (BylineOutlineItem *item);
/* The headings, pictures and shortcode calls of @analysis (nullable), in
 * post order (of BylineOutlineItem). byline-outline-items.c */
GPtrArray *byline_outline_items_from_analysis (BylineAnalysis    *analysis);

#define BYLINE_TYPE_OUTLINE (byline_outline_get_type ())

G_DECLARE_FINAL_TYPE (BylineOutline, byline_outline, BYLINE, OUTLINE, GtkWidget)

GtkWidget *byline_outline_new              (void);
/* Shows @items (of BylineOutlineItem, in post order; a reference is taken).
 * Only the rows whose kind, level or text changed are made again: lines
 * that merely moved change no row. */
void       byline_outline_set_items        (BylineOutline *self,
                                            GPtrArray     *items);
guint      byline_outline_get_n_items      (BylineOutline *self);
const BylineOutlineItem *
           byline_outline_get_item         (BylineOutline *self,
                                            guint          index);
/* The row of the item at @index. */
GtkWidget *byline_outline_get_row          (BylineOutline *self,
                                            guint          index);
/* Highlights the heading of the section holding @line (1-based), or none
 * before the first heading. Figures and shortcode calls are never
 * highlighted: they are places in a section, not sections. */
void       byline_outline_set_current_line (BylineOutline *self,
                                            guint          line);
/* The index of the highlighted heading's item, or -1. */
int        byline_outline_get_current      (BylineOutline *self);
/* The index of the first heading after @line (@forward), or of the last
 * heading before it; -1 when there is none. */
int        byline_outline_find_heading     (BylineOutline *self,
                                            guint          line,
                                            gboolean       forward);

/* Signals:
 *   "item-activated" (guint line, guint column): the user chose the row of
 *       the heading, figure or call that starts there.
 */

G_END_DECLS
