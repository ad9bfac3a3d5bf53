/* byline-table-limit.c — GFM tables too large for cmark-gfm to lay out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-table-limit"

#include "config.h"

#include "byline-table-limit.h"

#include <string.h>

typedef struct
{
  gsize start;
  gsize end;        /* before the line break */
  guint next_blank; /* the index of the first blank line from this one on */
} Line;

/* Where cmark-gfm would look for a table row on the line: past block-quote
 * markers and indentation, so that tables in quotes and lists count too. */
static gsize
content_start (const char *text,
               gsize       start,
               gsize       end)
{
  while (start < end && (text[start] == ' ' || text[start] == '\t' || text[start] == '>'))
    start++;
  return start;
}

static gsize
content_end (const char *text,
             gsize       start,
             gsize       end)
{
  while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r'))
    end--;
  return end;
}

/* The cells of a row as cmark-gfm splits it: at pipes not escaped by a
 * backslash, an outer pipe at either end opening or closing no cell. */
static guint
count_cells (const char *text,
             gsize       start,
             gsize       end)
{
  guint pipes = 0;
  guint cells;

  for (gsize p = start; p < end; p++)
    {
      if (text[p] == '\\' && p + 1 < end)
        p++;
      else if (text[p] == '|')
        pipes++;
    }

  cells = pipes + 1;
  if (end > start && text[start] == '|')
    cells--;
  if (end - start > 1 && text[end - 1] == '|' && text[end - 2] != '\\')
    cells--;
  return cells;
}

/* A delimiter row: cells of dashes with optional colons at their ends,
 * "|:---|--:|", with at least one pipe (one column costs nothing). */
static gboolean
is_delimiter_row (const char *text,
                  gsize       start,
                  gsize       end)
{
  gboolean pipe = FALSE;
  gboolean dash = FALSE;

  for (gsize p = start; p < end; p++)
    {
      switch (text[p])
        {
        case '|':
          pipe = TRUE;
          break;
        case '-':
          dash = TRUE;
          break;
        case ':':
        case ' ':
        case '\t':
          break;
        default:
          return FALSE;
        }
    }
  return pipe && dash;
}

GArray *
byline_table_limit_apply (char  *text,
                          gsize  length)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (Line));
  GArray *large = NULL;
  guint next_blank;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  for (gsize p = 0; p < length;)
    {
      const char *nl = memchr (text + p, '\n', length - p);
      gsize end = nl != NULL ? (gsize) (nl - text) : length;
      Line line;

      line.start = content_start (text, p, end);
      line.end = content_end (text, line.start, end);
      g_array_append_val (lines, line);
      p = nl != NULL ? end + 1 : length;
    }

  /* A table's rows run from its header to the next blank line (or fewer,
   * when another block starts: counting to the blank line errs on the safe
   * side). Walking backwards finds each line's next blank line once. */
  next_blank = lines->len;
  for (guint i = lines->len; i > 0; i--)
    {
      Line *line = &g_array_index (lines, Line, i - 1);

      if (line->start == line->end)
        next_blank = i - 1;
      line->next_blank = next_blank;
    }

  /* Forwards, as cmark-gfm reads: a broken delimiter row may be the header
   * of the next one. */
  for (guint i = 1; i < lines->len; i++)
    {
      const Line *header = &g_array_index (lines, Line, i - 1);
      const Line *delimiter = &g_array_index (lines, Line, i);
      BylineLargeTable table;

      if (header->start == header->end ||
          !is_delimiter_row (text, delimiter->start, delimiter->end))
        continue;

      table.columns = count_cells (text, delimiter->start, delimiter->end);
      if (table.columns < 2 || count_cells (text, header->start, header->end) != table.columns)
        continue;

      /* The header and the lines after the delimiter row up to the blank line. */
      table.rows = delimiter->next_blank - i;
      if ((double) table.columns * table.columns * table.rows <= BYLINE_TABLE_LIMIT_COST)
        continue;

      /* A backslash is no delimiter-row character: the line becomes text. */
      table.offset = delimiter->start;
      *(char *) memchr (text + delimiter->start, '-', delimiter->end - delimiter->start) = '\\';

      if (large == NULL)
        large = g_array_new (FALSE, FALSE, sizeof (BylineLargeTable));
      g_array_append_val (large, table);
    }

  return large;
}
