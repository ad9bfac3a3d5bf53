/* byline-text.h — positions, spans and text patches shared by the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A region of a document's text. Offsets are bytes from the start of the
 * whole file text (not of a sub-block), so that a span can be used directly
 * on the editor buffer. Lines and columns are 1-based; columns count
 * characters (Unicode code points) of the line, as an editor shows them.
 * [start, end) is half open; end_line/end_column point at the character
 * just past the region.
 */
typedef struct
{
  gsize start;
  gsize end;
  guint line;
  guint column;
  guint end_line;
  guint end_column;
} BylineSpan;

/* Line starts of a text, for offset <-> line/column conversions. It keeps
 * a pointer to the text, which must outlive it.
 */
typedef struct _BylineLineIndex BylineLineIndex;

BylineLineIndex *byline_line_index_new          (const char            *text,
                                                 gsize                  length);
void             byline_line_index_free         (BylineLineIndex       *self);
guint            byline_line_index_get_n_lines  (const BylineLineIndex *self);
/* Byte offset of the start of a 1-based line; the text length past the end. */
gsize            byline_line_index_line_start   (const BylineLineIndex *self,
                                                 guint                  line);
/* 1-based line and character column of a byte offset. */
void             byline_line_index_locate       (const BylineLineIndex *self,
                                                 gsize                  offset,
                                                 guint                 *line,
                                                 guint                 *column);
/* Byte offset of a 1-based line and character column (clamped to the line). */
gsize            byline_line_index_offset       (const BylineLineIndex *self,
                                                 guint                  line,
                                                 guint                  column);
/* Fills a span's line/column fields from its start and end offsets. */
void             byline_line_index_fill_span    (const BylineLineIndex *self,
                                                 BylineSpan            *span);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineLineIndex, byline_line_index_free)

/* A replacement of [offset, offset + length) by text: how the core asks its
 * callers to change a document, so that nothing else in it moves.
 */
typedef struct
{
  gsize offset;
  gsize length;
  char *text;
} BylineTextPatch;

#define BYLINE_TYPE_TEXT_PATCH (byline_text_patch_get_type ())

GType            byline_text_patch_get_type     (void) G_GNUC_CONST;
BylineTextPatch *byline_text_patch_new          (gsize                  offset,
                                                 gsize                  length,
                                                 const char            *text);
BylineTextPatch *byline_text_patch_copy         (const BylineTextPatch *self);
void             byline_text_patch_free         (BylineTextPatch       *self);
/* Applies the patch to a GString holding the whole document. */
void             byline_text_patch_apply        (const BylineTextPatch *self,
                                                 GString               *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineTextPatch, byline_text_patch_free)

/* Escapes &, <, >, " and ' for HTML text and attribute values. */
char            *byline_html_escape             (const char            *text,
                                                 gssize                 length);
void             byline_html_escape_append      (GString               *out,
                                                 const char            *text,
                                                 gssize                 length);

/* Appends @text as a JSON string literal, quotes included. It is also a valid
 * JavaScript literal (U+2028 and U+2029 are escaped). Invalid UTF-8 is
 * replaced by U+FFFD, so the output is always valid. */
void             byline_json_string_append      (GString               *out,
                                                 const char            *text);

/* Finds the first invalid UTF-8 sequence or NUL byte; FALSE if the text is clean. */
gboolean         byline_text_find_invalid       (const char            *text,
                                                 gsize                  length,
                                                 gsize                 *bad_offset,
                                                 gboolean              *is_nul);

/* memmem() without _GNU_SOURCE: the first @needle (@needle_len bytes) in the
 * @length bytes at @haystack, or NULL (also for an empty needle). Unlike
 * strstr() it never looks past @length, so a search loop over a large text
 * stays linear (AddressSanitizer's strstr() measures the haystack first). */
const char      *byline_text_find_bytes         (const char            *haystack,
                                                 gsize                  length,
                                                 const char            *needle,
                                                 gsize                  needle_len);

G_END_DECLS
