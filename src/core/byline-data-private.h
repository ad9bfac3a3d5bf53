/* byline-data-private.h — what the YAML, TOML and JSON readers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-data.h"

G_BEGIN_DECLS

/* Positions in a block text[start, end) of a larger text: offsets are
 * bytes of the whole text, lines and columns those of the whole text. */
typedef struct
{
  const char *text;
  gsize start;
  gsize end;
  BylineLineIndex *lines;     /* over text[start, end) */
  guint base_line;            /* line of text[start] in the whole text */
  guint base_column;          /* its column */
} BylineDataPositions;

void        byline_data_positions_init     (BylineDataPositions       *self,
                                            const char                *text,
                                            gsize                      start,
                                            gsize                      end);
void        byline_data_positions_clear    (BylineDataPositions       *self);
/* Fills line and column of a span from its (whole-text) offsets. */
void        byline_data_positions_fill     (const BylineDataPositions *self,
                                            BylineSpan                *span,
                                            gsize                      start,
                                            gsize                      end);
/* The whole-text offset of a line and character column counted from the
 * block's start (both 1-based, as a parser of the block counts them). */
gsize       byline_data_positions_offset   (const BylineDataPositions *self,
                                            guint                      line,
                                            guint                      column);

/* Sets @error (BYLINE_DATA_ERROR, @code) to "FILE, line L, column C: MESSAGE"
 * for the whole-text @offset, and @error_span to that place. */
void        byline_data_set_error          (const BylineDataPositions *positions,
                                            const char                *file_name,
                                            gsize                      offset,
                                            BylineSpan                *error_span,
                                            GError                   **error,
                                            int                        code,
                                            const char                *format,
                                            ...) G_GNUC_PRINTF (7, 8);
/* Checks the text for invalid UTF-8 and NUL bytes before a parser sees it. */
gboolean    byline_data_check_text         (const BylineDataPositions *positions,
                                            const char                *file_name,
                                            BylineSpan                *error_span,
                                            GError                   **error);

/* Levels of nesting below a node (0 for a scalar), and the number of nodes
 * it stands for (saturating), kept up to date by the builders. */
guint       byline_data_get_height         (const BylineData          *self);
guint64     byline_data_get_weight         (const BylineData          *self);

/* A scalar node whose value or literal is given as a counted string. */
BylineData *byline_data_new_string_len     (const char                *value,
                                            gsize                      length);
void        byline_data_set_literal        (BylineData                *self,
                                            const char                *literal,
                                            gsize                      length);
void        byline_data_set_file_name      (BylineData                *self,
                                            const char                *interned);
void        byline_data_set_span_offsets   (BylineData                *self,
                                            const BylineDataPositions *positions,
                                            gsize                      start,
                                            gsize                      end);
/* Widens a collection's span to cover a child's. */
void        byline_data_extend_span        (BylineData                *self,
                                            const BylineDataPositions *positions,
                                            gsize                      end);
/* Moves the entries of a map into source order of their keys. */
void        byline_data_map_sort_by_key_span (BylineData              *self);

G_END_DECLS
