/* byline-post-layout.h — where the front matter and body of a post lie
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BYLINE_POST_LAYOUT_ERROR (byline_post_layout_error_quark ())

typedef enum
{
  BYLINE_POST_LAYOUT_ERROR_INVALID_UTF8,
  BYLINE_POST_LAYOUT_ERROR_BINARY,
  BYLINE_POST_LAYOUT_ERROR_UNTERMINATED,
  BYLINE_POST_LAYOUT_ERROR_UNSUPPORTED,
} BylinePostLayoutError;

typedef enum
{
  BYLINE_FRONT_MATTER_NONE,
  BYLINE_FRONT_MATTER_YAML,
  BYLINE_FRONT_MATTER_TOML,
  BYLINE_FRONT_MATTER_JSON,
} BylineFrontMatterKind;

/* Where the parts of a post lie in its text. Offsets are bytes from the
 * start of the text (a BOM included); lines are 1-based.
 *
 * With YAML front matter (TOML is the same between "+++" fences):
 *   block_start .. block_end   "---\n" … "---\n" (both fences, end of line included)
 *   yaml_start  .. yaml_end    the YAML between the fences
 *   body_start  .. length      everything after the closing fence line
 * With JSON front matter, a "{ … }" object at the start of the text as
 * Hugo finds it: yaml_start .. yaml_end is the object, braces included,
 * block_end and body_start are past the end of the line of its closing
 * brace, and closing_fence_line is that line.
 * Without: block_* and yaml_* are empty at the BOM's end, body_start is there.
 */
typedef struct
{
  BylineFrontMatterKind kind;
  gboolean has_bom;
  gboolean crlf;               /* the first line ends in \r\n */
  gsize block_start;
  gsize block_end;
  gsize yaml_start;
  gsize yaml_end;
  guint yaml_first_line;       /* line of the first YAML line */
  guint closing_fence_line;    /* line of the closing fence, 0 when unterminated */
  gsize body_start;
  guint body_first_line;
  gsize length;
} BylinePostLayout;

GQuark   byline_post_layout_error_quark (void);

/* Fills @layout and returns TRUE, or returns FALSE with an error (message
 * naming the line) and still fills @layout as well as it can: an
 * unterminated block leaves the whole text as body, so a caller can go on.
 *
 * Errors: INVALID_UTF8 and BINARY (a NUL byte) name the first bad line;
 * UNTERMINATED names the line of the opening fence (or brace).
 */
gboolean byline_post_layout_parse (BylinePostLayout  *layout,
                                   const char        *text,
                                   gsize              length,
                                   GError           **error);

G_END_DECLS
