/* byline-post-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-post-layout"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "byline-data.h"
#include "byline-post-layout.h"
#include "byline-text.h"

#include <string.h>

G_DEFINE_QUARK (byline-post-layout-error-quark, byline_post_layout_error)

/* The end of the line starting at @pos: the offset of its '\n', or @length. */
static gsize
line_end (const char *text,
          gsize       length,
          gsize       pos)
{
  const char *nl;

  if (pos >= length)
    return length;
  nl = memchr (text + pos, '\n', length - pos);
  return nl != NULL ? (gsize) (nl - text) : length;
}

/* Whether the line [pos, end) is exactly @fence, allowing trailing blanks
 * and the '\r' of a CRLF line ending, as Hugo does.
 */
static gboolean
line_is_fence (const char *text,
               gsize       pos,
               gsize       end,
               const char *fence)
{
  if (end - pos < 3 || memcmp (text + pos, fence, 3) != 0)
    return FALSE;
  for (pos += 3; pos < end; pos++)
    if (text[pos] != ' ' && text[pos] != '\t' && text[pos] != '\r')
      return FALSE;
  return TRUE;
}

static guint
line_of_offset (const char *text,
                gsize       length,
                gsize       offset)
{
  g_autoptr(BylineLineIndex) index = byline_line_index_new (text, length);
  guint line = 1;

  byline_line_index_locate (index, offset, &line, NULL);
  return line;
}

gboolean
byline_post_layout_parse (BylinePostLayout  *layout,
                          const char        *text,
                          gsize              length,
                          GError           **error)
{
  gsize start = 0;
  gsize first_end;
  const char *fence;
  gsize bad_offset = 0;
  gboolean is_nul = FALSE;
  gboolean invalid;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (layout, 0, sizeof *layout);
  layout->length = length;

  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      layout->has_bom = TRUE;
      start = 3;
    }

  first_end = line_end (text, length, start);
  layout->crlf = first_end < length && first_end > start && text[first_end - 1] == '\r';

  /* Without front matter, everything after the BOM is body. */
  layout->kind = BYLINE_FRONT_MATTER_NONE;
  layout->block_start = layout->block_end = start;
  layout->yaml_start = layout->yaml_end = start;
  layout->yaml_first_line = 1;
  layout->body_start = start;
  layout->body_first_line = 1;

  if (line_is_fence (text, start, first_end, "---"))
    {
      layout->kind = BYLINE_FRONT_MATTER_YAML;
      fence = "---";
    }
  else if (line_is_fence (text, start, first_end, "+++"))
    {
      layout->kind = BYLINE_FRONT_MATTER_TOML;
      fence = "+++";
    }
  /* "{{" is no JSON object but a shortcode call: Byline reads it as body
   * (Hugo would try it as JSON and fail), so that a shortcode on its own,
   * as the image dialog checks one, stays a shortcode. */
  else if (start < length && text[start] == '{' && (start + 1 >= length || text[start + 1] != '{'))
    {
      /* JSON: Hugo reads the object up to its matching brace. */
      gsize object_end = byline_data_json_object_end (text, start, length);

      layout->kind = BYLINE_FRONT_MATTER_JSON;
      fence = "{";
      if (object_end > 0)
        {
          gsize end = object_end;

          /* The rest of the closing brace's line goes with the block when
           * it is blank. */
          while (end < length && (text[end] == ' ' || text[end] == '\t' || text[end] == '\r'))
            end++;
          layout->yaml_start = start;
          layout->yaml_end = object_end;
          layout->yaml_first_line = 1;
          layout->closing_fence_line = line_of_offset (text, length, object_end - 1);
          if (end < length && text[end] == '\n')
            {
              layout->block_end = end + 1;
              layout->body_first_line = layout->closing_fence_line + 1;
            }
          else
            {
              layout->block_end = end == length ? length : object_end;
              layout->body_first_line = layout->closing_fence_line;
            }
          layout->body_start = layout->block_end;
        }
    }
  else
    fence = NULL;

  if (fence != NULL && layout->kind != BYLINE_FRONT_MATTER_JSON)
    {
      gsize pos = first_end < length ? first_end + 1 : length;
      guint line = 2;

      while (pos < length)
        {
          gsize end = line_end (text, length, pos);

          if (line_is_fence (text, pos, end, fence))
            {
              layout->block_end = end < length ? end + 1 : length;
              layout->yaml_start = first_end + 1;
              layout->yaml_end = pos;
              layout->yaml_first_line = 2;
              layout->closing_fence_line = line;
              layout->body_start = layout->block_end;
              layout->body_first_line = line + 1;
              break;
            }

          pos = end < length ? end + 1 : length;
          line++;
        }
    }

  invalid = byline_text_find_invalid (text, length, &bad_offset, &is_nul);

  if (invalid && is_nul)
    {
      g_set_error (error, BYLINE_POST_LAYOUT_ERROR, BYLINE_POST_LAYOUT_ERROR_BINARY,
                   _("Line %u contains a NUL byte: this looks like a binary file, "
                     "not a post; open a text file instead"),
                   line_of_offset (text, length, bad_offset));
      return FALSE;
    }

  if (invalid)
    {
      g_set_error (error, BYLINE_POST_LAYOUT_ERROR, BYLINE_POST_LAYOUT_ERROR_INVALID_UTF8,
                   _("Line %u is not valid UTF-8 text: save the file as UTF-8"),
                   line_of_offset (text, length, bad_offset));
      return FALSE;
    }

  if (fence != NULL && layout->closing_fence_line == 0 && layout->kind == BYLINE_FRONT_MATTER_JSON)
    {
      g_set_error (error, BYLINE_POST_LAYOUT_ERROR, BYLINE_POST_LAYOUT_ERROR_UNTERMINATED,
                   _("The JSON front matter opened by “{” on line 1 is never closed: "
                     "add the “}” that ends it"));
      return FALSE;
    }

  if (fence != NULL && layout->closing_fence_line == 0)
    {
      g_set_error (error, BYLINE_POST_LAYOUT_ERROR, BYLINE_POST_LAYOUT_ERROR_UNTERMINATED,
                   _("The front matter opened on line 1 is never closed: "
                     "add a line with just “%s” after its last key"),
                   fence);
      return FALSE;
    }

  return TRUE;
}
