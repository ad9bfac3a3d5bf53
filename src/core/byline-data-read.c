/* byline-data-read.c — positions, errors and reading a file of any format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-data"

#include "config.h"

#include <glib/gstdio.h>

#include <glib/gi18n-lib.h>

#include "byline-data.h"
#include "byline-data-private.h"

#include <string.h>

/* Positions and errors, shared by the readers */

void
byline_data_positions_init (BylineDataPositions *self,
                            const char          *text,
                            gsize                start,
                            gsize                end)
{
  const char *line_start = text;

  self->text = text;
  self->start = start;
  self->end = end;
  self->lines = byline_line_index_new (text + start, end - start);
  self->base_line = 1;

  for (const char *p = text; p < text + start; p++)
    {
      p = memchr (p, '\n', (text + start) - p);
      if (p == NULL)
        break;
      self->base_line++;
      line_start = p + 1;
    }
  self->base_column = 1;
  for (const char *p = line_start; p < text + start; p++)
    if (((guchar) *p & 0xC0) != 0x80)
      self->base_column++;
}

void
byline_data_positions_clear (BylineDataPositions *self)
{
  g_clear_pointer (&self->lines, byline_line_index_free);
}

static void
positions_locate (const BylineDataPositions *self,
                  gsize                      offset,
                  guint                     *line,
                  guint                     *column)
{
  guint l, c;

  offset = CLAMP (offset, self->start, self->end);
  byline_line_index_locate (self->lines, offset - self->start, &l, &c);
  *line = self->base_line + l - 1;
  *column = l == 1 ? self->base_column + c - 1 : c;
}

void
byline_data_positions_fill (const BylineDataPositions *self,
                            BylineSpan                *span,
                            gsize                      start,
                            gsize                      end)
{
  span->start = start;
  span->end = MAX (start, end);
  positions_locate (self, span->start, &span->line, &span->column);
  positions_locate (self, span->end, &span->end_line, &span->end_column);
}

gsize
byline_data_positions_offset (const BylineDataPositions *self,
                              guint                      line,
                              guint                      column)
{
  return self->start + byline_line_index_offset (self->lines, line, column);
}

void
byline_data_set_error (const BylineDataPositions *positions,
                       const char                *file_name,
                       gsize                      offset,
                       BylineSpan                *error_span,
                       GError                   **error,
                       int                        code,
                       const char                *format,
                       ...)
{
  g_autofree char *message = NULL;
  BylineSpan span;
  va_list args;

  byline_data_positions_fill (positions, &span, offset, offset);
  if (error_span != NULL)
    *error_span = span;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (file_name != NULL)
    /* TRANSLATORS: a file, a line and a column number, then what is wrong there */
    g_set_error (error, BYLINE_DATA_ERROR, code, _("%s, line %u, column %u: %s"),
                 file_name, span.line, span.column, message);
  else
    /* TRANSLATORS: a line and a column number, then what is wrong there */
    g_set_error (error, BYLINE_DATA_ERROR, code, _("Line %u, column %u: %s"),
                 span.line, span.column, message);
}

gboolean
byline_data_check_text (const BylineDataPositions *positions,
                        const char                *file_name,
                        BylineSpan                *error_span,
                        GError                   **error)
{
  gsize bad;
  gboolean is_nul;

  if (positions->end - positions->start > BYLINE_DATA_MAX_SIZE)
    {
      byline_data_set_error (positions, file_name, positions->start, error_span, error,
                             BYLINE_DATA_ERROR_TOO_LARGE,
                             _("the text is larger than %u MiB"),
                             (guint) (BYLINE_DATA_MAX_SIZE / (1024 * 1024)));
      return FALSE;
    }
  if (byline_text_find_invalid (positions->text + positions->start,
                                positions->end - positions->start, &bad, &is_nul))
    {
      byline_data_set_error (positions, file_name, positions->start + bad, error_span, error,
                             BYLINE_DATA_ERROR_INVALID_UTF8,
                             is_nul ? _("the text holds a NUL byte")
                                    : _("the text is not valid UTF-8"));
      return FALSE;
    }
  return TRUE;
}

/* Reading */

gboolean
byline_data_format_for_name (const char       *name,
                             BylineDataFormat *format)
{
  const char *dot;
  BylineDataFormat found;

  g_return_val_if_fail (name != NULL, FALSE);

  dot = strrchr (name, '.');
  if (dot == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (dot, ".yaml") == 0 || g_ascii_strcasecmp (dot, ".yml") == 0)
    found = BYLINE_DATA_FORMAT_YAML;
  else if (g_ascii_strcasecmp (dot, ".toml") == 0)
    found = BYLINE_DATA_FORMAT_TOML;
  else if (g_ascii_strcasecmp (dot, ".json") == 0)
    found = BYLINE_DATA_FORMAT_JSON;
  else
    return FALSE;
  if (format != NULL)
    *format = found;
  return TRUE;
}

BylineData *
byline_data_read (BylineDataFormat   format,
                  const char        *text,
                  gsize              start,
                  gsize              end,
                  const char        *file_name,
                  BylineSpan        *error_span,
                  GError           **error)
{
  switch (format)
    {
    case BYLINE_DATA_FORMAT_YAML:
      return byline_data_read_yaml (text, start, end, file_name, error_span, error);
    case BYLINE_DATA_FORMAT_TOML:
      return byline_data_read_toml (text, start, end, file_name, error_span, error);
    case BYLINE_DATA_FORMAT_JSON:
      return byline_data_read_json (text, start, end, file_name, error_span, error);
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
set_too_large (GError     **error,
               const char  *path,
               gsize        max_size)
{
  g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, BYLINE_DATA_ERROR, BYLINE_DATA_ERROR_TOO_LARGE,
               _("%s is larger than %s"), path, limit);
}

BylineData *
byline_data_read_file (const char  *path,
                       gsize        max_size,
                       BylineSpan  *error_span,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  BylineDataFormat format;
  GStatBuf info;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!byline_data_format_for_name (path, &format))
    {
      g_set_error (error, BYLINE_DATA_ERROR, BYLINE_DATA_ERROR_UNREADABLE,
                   _("%s: not a YAML, TOML or JSON file"), path);
      return NULL;
    }

  /* Read, not mapped: a file that another program shortens while it is
   * read (a git checkout, an editor saving in place) must not bring the
   * window down with it. The size is checked before anything is read. */
  if (g_stat (path, &info) == 0 && (guint64) info.st_size > max_size)
    {
      set_too_large (error, path, max_size);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, BYLINE_DATA_ERROR, BYLINE_DATA_ERROR_UNREADABLE,
                   _("%s cannot be read: %s"), path, local_error->message);
      return NULL;
    }
  /* It may have grown since. */
  if (length > max_size)
    {
      set_too_large (error, path, max_size);
      return NULL;
    }

  return byline_data_read (format, contents, 0, length, path, error_span, error);
}
