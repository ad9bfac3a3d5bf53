/* byline-image-size.c — the pixel size of a picture file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SVGs are sized the way a browser sizes them, from the width, height and
 * viewBox of their <svg> tag; other pictures by gdk-pixbuf, which reads only
 * their header.
 */

#define G_LOG_DOMAIN "byline-image-size"

#include "config.h"

#include "byline-image-size.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>
#include <string.h>

/* The <svg> start tag sits near the top of the file; a prefix this long
 * is enough for files with long comments or DOCTYPEs before it. */
#define SVG_HEAD_MAX (256 * 1024)

/* An SVG length in CSS pixels; FALSE for percentages and what does not
 * parse, which leave the size to the viewBox. */
static gboolean
parse_svg_length (const char *text,
                  double     *pixels)
{
  static const struct { const char *unit; double scale; } units[] = {
    { "", 1.0 }, { "px", 1.0 }, { "pt", 96.0 / 72.0 }, { "pc", 16.0 }, { "in", 96.0 },
    { "cm", 96.0 / 2.54 }, { "mm", 96.0 / 25.4 }, { "em", 16.0 }, { "ex", 8.0 },
  };
  char *end = NULL;
  double value;

  while (g_ascii_isspace (*text))
    text++;
  value = g_ascii_strtod (text, &end);
  if (end == text || !isfinite (value) || value <= 0)
    return FALSE;
  while (g_ascii_isspace (*end))
    end++;
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      gsize len = strlen (units[i].unit);

      if (g_ascii_strncasecmp (end, units[i].unit, len) == 0)
        {
          const char *rest = end + len;

          while (g_ascii_isspace (*rest))
            rest++;
          if (*rest != '\0')
            continue;
          *pixels = value * units[i].scale;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
parse_view_box (const char *text,
                double     *width,
                double     *height)
{
  double numbers[4];
  const char *p = text;

  for (guint i = 0; i < 4; i++)
    {
      char *end = NULL;

      while (g_ascii_isspace (*p) || *p == ',')
        p++;
      numbers[i] = g_ascii_strtod (p, &end);
      if (end == p || !isfinite (numbers[i]))
        return FALSE;
      p = end;
    }
  if (numbers[2] <= 0 || numbers[3] <= 0)
    return FALSE;
  *width = numbers[2];
  *height = numbers[3];
  return TRUE;
}

/* Reads width, height and viewBox from the <svg> start tag. */
static gboolean
svg_size_from_text (const char *text,
                    gsize       length,
                    int        *width,
                    int        *height)
{
  const char *end = text + length;
  const char *p = text;
  g_autofree char *w_text = NULL;
  g_autofree char *h_text = NULL;
  g_autofree char *box_text = NULL;
  double w = 0;
  double h = 0;
  double box_w = 0;
  double box_h = 0;
  gboolean has_w;
  gboolean has_h;
  gboolean has_box;

  /* Find "<svg" (or a prefixed "<svg:svg") followed by a space or the end
   * of the tag, outside comments. */
  for (;;)
    {
      const char *lt = memchr (p, '<', end - p);

      if (lt == NULL)
        return FALSE;
      p = lt + 1;
      if (end - p >= 3 && memcmp (p, "!--", 3) == 0)
        {
          const char *q = p + 3;

          while (q + 3 <= end && memcmp (q, "-->", 3) != 0)
            q++;
          if (q + 3 > end)
            return FALSE;
          p = q + 3;
          continue;
        }
      if (end - p >= 8 && memcmp (p, "svg:svg", 7) == 0)
        p += 4;
      if (end - p >= 4 && memcmp (p, "svg", 3) == 0 &&
          (g_ascii_isspace (p[3]) || p[3] == '>' || p[3] == '/'))
        {
          p += 3;
          break;
        }
    }

  while (p < end && *p != '>')
    {
      const char *name_start;
      gsize name_len;
      char quote;
      const char *value_start;
      const char *value_end;
      char **target;

      while (p < end && (g_ascii_isspace (*p) || *p == '/'))
        p++;
      name_start = p;
      while (p < end && !g_ascii_isspace (*p) && *p != '=' && *p != '>' && *p != '/')
        p++;
      name_len = p - name_start;
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p >= end || *p != '=')
        {
          if (name_len == 0 && p < end && *p != '>')
            p++;
          continue;
        }
      p++;
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p >= end || (*p != '"' && *p != '\''))
        return FALSE;
      quote = *p++;
      value_start = p;
      value_end = memchr (p, quote, end - p);
      if (value_end == NULL)
        return FALSE;
      p = value_end + 1;

      if (name_len == 5 && memcmp (name_start, "width", 5) == 0)
        target = &w_text;
      else if (name_len == 6 && memcmp (name_start, "height", 6) == 0)
        target = &h_text;
      else if (name_len == 7 && memcmp (name_start, "viewBox", 7) == 0)
        target = &box_text;
      else
        continue;
      g_free (*target);
      *target = g_strndup (value_start, value_end - value_start);
    }

  has_w = w_text != NULL && parse_svg_length (w_text, &w);
  has_h = h_text != NULL && parse_svg_length (h_text, &h);
  has_box = box_text != NULL && parse_view_box (box_text, &box_w, &box_h);

  /* A missing or relative dimension follows the viewBox's aspect ratio. */
  if (has_box && has_w && !has_h)
    h = w * box_h / box_w;
  else if (has_box && has_h && !has_w)
    w = h * box_w / box_h;
  else if (has_box && !has_w && !has_h)
    {
      w = box_w;
      h = box_h;
    }
  else if (!has_w || !has_h)
    return FALSE;

  if (w > G_MAXINT || h > G_MAXINT)
    return FALSE;

  *width = MAX (1, (int) (w + 0.5));
  *height = MAX (1, (int) (h + 0.5));
  return TRUE;
}

typedef enum
{
  SVG_SIZED,
  SVG_UNSIZED,
  NOT_SVG,
} SvgResult;

/* Files that start like XML (after spaces and a BOM) are sized from their
 * <svg> tag. They never reach gdk-pixbuf: its SVG loader may be missing,
 * and it trips over an assertion on SVGs without a size. */
static SvgResult
svg_size_from_file (GFile    *file,
                    gboolean  named_svg,
                    int      *width,
                    int      *height)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autofree char *buffer = NULL;
  gsize length = 0;
  gsize more = 0;
  gsize i = 0;

  if (stream == NULL)
    return named_svg ? SVG_UNSIZED : NOT_SVG;
  buffer = g_malloc (SVG_HEAD_MAX);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, 256, &length, NULL, NULL))
    return named_svg ? SVG_UNSIZED : NOT_SVG;

  if (length >= 3 && memcmp (buffer, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (buffer[i]))
    i++;
  if (!named_svg && (i >= length || buffer[i] != '<'))
    return NOT_SVG;

  if (length == 256 &&
      !g_input_stream_read_all (G_INPUT_STREAM (stream), buffer + length, SVG_HEAD_MAX - length,
                                &more, NULL, NULL))
    return SVG_UNSIZED;
  length += more;

  return svg_size_from_text (buffer, length, width, height) ? SVG_SIZED : SVG_UNSIZED;
}

gboolean
byline_image_read_size (GFile *file,
                        int   *width,
                        int   *height)
{
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *path = NULL;
  SvgResult svg;
  int w = 0;
  int h = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    goto done;

  name = g_file_get_basename (file);
  lower = g_ascii_strdown (name != NULL ? name : "", -1);
  svg = svg_size_from_file (file, g_str_has_suffix (lower, ".svg"), &w, &h);
  path = g_file_get_path (file);

  if (svg == SVG_SIZED)
    ok = TRUE;
  else if (svg == NOT_SVG && path != NULL)
    ok = gdk_pixbuf_get_file_info (path, &w, &h) != NULL && w > 0 && h > 0;

done:
  if (width != NULL)
    *width = ok ? w : 0;
  if (height != NULL)
    *height = ok ? h : 0;
  return ok;
}
