/* byline-table-limit.h — GFM tables too large for cmark-gfm to lay out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* cmark-gfm 0.29.0.gfm.6 (Debian 12) pads every row of a table to the
 * header's number of columns and spends, for each cell it writes, time that
 * grows with the cell's column: a table costs about columns² × rows. Fixed
 * upstream in 0.29.0.gfm.12 (CVE-2023-37463), which cannot be used here, so
 * tables past this cost are shown as text instead: 10,000,000 takes about
 * 10 ms and allows, for instance, 100 columns by 1,000 rows. */
#define BYLINE_TABLE_LIMIT_COST 10000000

typedef struct
{
  gsize offset;   /* of the delimiter row (|---|---|) in the text given */
  guint columns;
  guint rows;     /* the header and the lines that would become rows after it */
} BylineLargeTable;

/* Finds the tables of @text (Markdown as cmark-gfm is about to read it)
 * whose cost passes the limit, and breaks each one's delimiter row in
 * place, without changing the text's length or its other bytes, so that
 * cmark-gfm reads it as a paragraph. Returns the tables it broke (an array
 * of BylineLargeTable), or NULL when there were none. Linear in @length. */
GArray *byline_table_limit_apply (char  *text,
                                  gsize  length);

G_END_DECLS
