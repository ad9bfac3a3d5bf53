/* byline-char-cursor-private.h — libyaml's character positions as byte offsets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the two readers of YAML with libyaml: the front matter parser
 * and the data reader.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* libyaml counts positions in characters (a CRLF counts two). A cursor
 * walked over the text turns them into byte offsets; events come in
 * document order, so the walk stays linear in the text's size. */
typedef struct
{
  const char *text;
  gsize start;
  gsize end;
  gsize chars;
  gsize pos;
} BylineCharCursor;

/* A cursor over text[start, end), whose character 0 is text[start]. */
static inline void
byline_char_cursor_init (BylineCharCursor *self,
                         const char       *text,
                         gsize             start,
                         gsize             end)
{
  *self = (BylineCharCursor) { text, start, end, 0, start };
}

/* The byte offset in text of character @index, clamped to [start, end]. */
static inline gsize
byline_char_cursor_seek (BylineCharCursor *self,
                         gsize             index)
{
  while (self->chars < index && self->pos < self->end)
    {
      self->pos++;
      while (self->pos < self->end && ((guchar) self->text[self->pos] & 0xC0) == 0x80)
        self->pos++;
      self->chars++;
    }
  while (self->chars > index && self->pos > self->start)
    {
      self->pos--;
      while (self->pos > self->start && ((guchar) self->text[self->pos] & 0xC0) == 0x80)
        self->pos--;
      self->chars--;
    }
  return self->pos;
}

G_END_DECLS
