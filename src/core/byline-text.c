/* byline-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-text"

#include "config.h"

#include "byline-text.h"

#include <string.h>

/* Columns count characters from the start of their line, so locating an
 * offset far into a long line must not count the whole line each time (one
 * line of 40,000 shortcode calls would take seconds). The index keeps the
 * number of characters before every CHECKPOINT_BYTES-th byte: counting from
 * the nearest checkpoint costs at most that many bytes. */
#define CHECKPOINT_BYTES 256

struct _BylineLineIndex
{
  const char *text;
  gsize length;
  GArray *starts;   /* gsize: byte offset of each line's first character */
  GArray *chars;    /* gsize: characters before byte i * CHECKPOINT_BYTES */
};

static gsize
count_chars (const char *p,
             const char *end)
{
  gsize n = 0;

  /* Counts UTF-8 lead bytes; stray continuation bytes of invalid text count
   * as nothing, which keeps the result monotonic. */
  for (; p < end; p++)
    if (((guchar) *p & 0xC0) != 0x80)
      n++;
  return n;
}

BylineLineIndex *
byline_line_index_new (const char *text,
                       gsize       length)
{
  BylineLineIndex *self;
  const char *p;
  const char *end;
  gsize chars = 0;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  self = g_new0 (BylineLineIndex, 1);
  self->text = text;
  self->length = length;
  self->starts = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 64 + length / 40);
  self->chars = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 1 + length / CHECKPOINT_BYTES);

  {
    gsize zero = 0;
    g_array_append_val (self->starts, zero);
  }

  end = text + length;
  for (p = text; p < end; p++)
    {
      p = memchr (p, '\n', end - p);
      if (p == NULL)
        break;
      {
        gsize next = (gsize) (p - text) + 1;
        g_array_append_val (self->starts, next);
      }
    }

  for (gsize block = 0; block <= length; block += CHECKPOINT_BYTES)
    {
      g_array_append_val (self->chars, chars);
      if (length > 0)
        chars += count_chars (text + block, text + MIN (block + CHECKPOINT_BYTES, length));
    }

  return self;
}

void
byline_line_index_free (BylineLineIndex *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->starts);
  g_array_unref (self->chars);
  g_free (self);
}

guint
byline_line_index_get_n_lines (const BylineLineIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->starts->len;
}

gsize
byline_line_index_line_start (const BylineLineIndex *self,
                              guint                  line)
{
  g_return_val_if_fail (self != NULL, 0);

  if (line == 0)
    return 0;
  if (line > self->starts->len)
    return self->length;
  return g_array_index (self->starts, gsize, line - 1);
}

/* Characters before @offset (at most the text's length) in the whole text. */
static gsize
chars_before (const BylineLineIndex *self,
              gsize                  offset)
{
  gsize block = offset / CHECKPOINT_BYTES;
  gsize from = block * CHECKPOINT_BYTES;

  /* An empty index may have no text at all: no pointer arithmetic on NULL. */
  if (self->length == 0)
    return 0;
  return g_array_index (self->chars, gsize, block) +
         count_chars (self->text + from, self->text + offset);
}

/* The 0-based line holding @offset (at most the text's length). */
static guint
line_of (const BylineLineIndex *self,
         gsize                  offset)
{
  guint lo = 0;
  guint hi = self->starts->len;

  /* Binary search for the last line start <= offset. */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->starts, gsize, mid) <= offset)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

void
byline_line_index_locate (const BylineLineIndex *self,
                          gsize                  offset,
                          guint                 *line,
                          guint                 *column)
{
  guint index;

  g_return_if_fail (self != NULL);

  offset = MIN (offset, self->length);
  index = line_of (self, offset);

  if (line != NULL)
    *line = index + 1;
  if (column != NULL)
    *column = (guint) (chars_before (self, offset) -
                       chars_before (self, g_array_index (self->starts, gsize, index))) + 1;
}

gsize
byline_line_index_offset (const BylineLineIndex *self,
                          guint                  line,
                          guint                  column)
{
  gsize start, end, p, wanted;
  guint lo, hi;

  g_return_val_if_fail (self != NULL, 0);

  if (line == 0)
    line = 1;
  if (line > self->starts->len)
    return self->length;

  start = g_array_index (self->starts, gsize, line - 1);
  end = line < self->starts->len ? g_array_index (self->starts, gsize, line) - 1 : self->length;
  /* The '\r' of a CRLF ending belongs to the line break, not to the line,
   * so that a clamped column never lands between '\r' and '\n'. */
  if (end > start && end < self->length && self->text[end - 1] == '\r')
    end--;
  if (column <= 1 || end == start)
    return start;

  /* The character wanted is the one with this many characters before it;
   * start counting from the last checkpoint before it inside the line. */
  wanted = chars_before (self, start) + column - 1;
  lo = start / CHECKPOINT_BYTES + 1;
  hi = end / CHECKPOINT_BYTES + 1;
  p = start;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->chars, gsize, mid) <= wanted)
        {
          p = (gsize) mid * CHECKPOINT_BYTES;
          lo = mid + 1;
        }
      else
        hi = mid;
    }

  /* Step on by characters: to the first byte after the wanted number of
   * lead bytes, so that a column never lands inside a character. */
  while (p < end && ((guchar) self->text[p] & 0xC0) == 0x80)
    p++;
  {
    gsize have = chars_before (self, p);

    while (p < end && have < wanted)
      {
        p++;
        while (p < end && ((guchar) self->text[p] & 0xC0) == 0x80)
          p++;
        have++;
      }
  }

  return p;
}

void
byline_line_index_fill_span (const BylineLineIndex *self,
                             BylineSpan            *span)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (span != NULL);

  byline_line_index_locate (self, span->start, &span->line, &span->column);
  byline_line_index_locate (self, span->end, &span->end_line, &span->end_column);
}

G_DEFINE_BOXED_TYPE (BylineTextPatch, byline_text_patch,
                     byline_text_patch_copy, byline_text_patch_free)

BylineTextPatch *
byline_text_patch_new (gsize       offset,
                       gsize       length,
                       const char *text)
{
  BylineTextPatch *self = g_new0 (BylineTextPatch, 1);

  self->offset = offset;
  self->length = length;
  self->text = g_strdup (text != NULL ? text : "");
  return self;
}

BylineTextPatch *
byline_text_patch_copy (const BylineTextPatch *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return byline_text_patch_new (self->offset, self->length, self->text);
}

void
byline_text_patch_free (BylineTextPatch *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_free (self);
}

void
byline_text_patch_apply (const BylineTextPatch *self,
                         GString               *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);
  /* Written so that a huge offset or length cannot wrap around. */
  g_return_if_fail (self->offset <= text->len);
  g_return_if_fail (self->length <= text->len - self->offset);

  g_string_erase (text, self->offset, self->length);
  g_string_insert (text, self->offset, self->text);
}

void
byline_html_escape_append (GString    *out,
                           const char *text,
                           gssize      length)
{
  const char *p, *end, *run;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;
  if (length < 0)
    length = strlen (text);

  end = text + length;
  run = text;
  for (p = text; p < end; p++)
    {
      const char *entity;

      switch (*p)
        {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = "&quot;"; break;
        case '\'': entity = "&#39;"; break;
        default: continue;
        }

      g_string_append_len (out, run, p - run);
      g_string_append (out, entity);
      run = p + 1;
    }
  g_string_append_len (out, run, end - run);
}

char *
byline_html_escape (const char *text,
                    gssize      length)
{
  GString *out = g_string_new (NULL);

  byline_html_escape_append (out, text, length);
  return g_string_free (out, FALSE);
}

gboolean
byline_text_find_invalid (const char *text,
                          gsize       length,
                          gsize      *bad_offset,
                          gboolean   *is_nul)
{
  const char *end = NULL;
  const char *nul;
  gboolean valid;

  g_return_val_if_fail (text != NULL || length == 0, FALSE);

  /* memchr() must not see a NULL pointer, even for no bytes. */
  if (length == 0)
    return FALSE;

  valid = g_utf8_validate_len (text, length, &end);
  /* g_utf8_validate_len() also stops at a NUL, so tell the two apart. */
  nul = memchr (text, '\0', valid ? length : (gsize) (end - text) + 1);

  if (valid && nul == NULL)
    return FALSE;

  if (nul != NULL && (gsize) (nul - text) < length)
    {
      if (bad_offset != NULL)
        *bad_offset = nul - text;
      if (is_nul != NULL)
        *is_nul = TRUE;
      return TRUE;
    }

  if (bad_offset != NULL)
    *bad_offset = end - text;
  if (is_nul != NULL)
    *is_nul = FALSE;
  return TRUE;
}

void
byline_json_string_append (GString    *out,
                           const char *text)
{
  g_autofree char *valid = NULL;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case 0xE2:
          /* U+2028 and U+2029 end a line in JavaScript before ES2019. */
          if ((guchar) p[1] == 0x80 && ((guchar) p[2] == 0xA8 || (guchar) p[2] == 0xA9))
            {
              g_string_append_printf (out, "\\u%04x", (guchar) p[2] == 0xA8 ? 0x2028 : 0x2029);
              p += 2;
            }
          else
            g_string_append_c (out, (char) c);
          break;
        default:
          if (c < 0x20 || c == 0x7F)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

const char *
byline_text_find_bytes (const char *haystack,
                        gsize       length,
                        const char *needle,
                        gsize       needle_len)
{
  const char *end = haystack + length;
  const char *p = haystack;

  if (needle_len == 0 || needle_len > length)
    return NULL;

  while (p + needle_len <= end && (p = memchr (p, needle[0], end - p - needle_len + 1)) != NULL)
    {
      if (memcmp (p, needle, needle_len) == 0)
        return p;
      p++;
    }
  return NULL;
}
