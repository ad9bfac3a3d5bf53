/* byline-gotmpl-lex.h — the lexer of Go's text/template (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the lexer (byline-gotmpl-lex.c) and the parser
 * (byline-gotmpl-parse.c): the arena that holds a parsed template's nodes
 * and strings, and the tokens of Go's text/template/parse lex.go.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Arena: freed whole with the parsed template. */

typedef struct Chunk Chunk;
struct Chunk
{
  Chunk *next;
  gsize  used;
  gsize  size;
  char   data[];
};

typedef struct
{
  Chunk *chunks;
} Arena;

gpointer byline_gotmpl_arena_alloc   (Arena      *arena,
                                      gsize       size);
char    *byline_gotmpl_arena_strndup (Arena      *arena,
                                      const char *s,
                                      gsize       len);
void     byline_gotmpl_arena_free    (Arena      *arena);

/* Lexer */

typedef enum
{
  ITEM_ERROR,
  ITEM_BOOL,
  ITEM_CHAR,
  ITEM_CHAR_CONSTANT,
  ITEM_COMPLEX,
  ITEM_ASSIGN,
  ITEM_DECLARE,
  ITEM_EOF,
  ITEM_FIELD,
  ITEM_IDENTIFIER,
  ITEM_LEFT_DELIM,
  ITEM_LEFT_PAREN,
  ITEM_NUMBER,
  ITEM_PIPE,
  ITEM_RAW_STRING,
  ITEM_RIGHT_DELIM,
  ITEM_RIGHT_PAREN,
  ITEM_SPACE,
  ITEM_STRING,
  ITEM_TEXT,
  ITEM_VARIABLE,
  /* keywords */
  ITEM_BLOCK,
  ITEM_BREAK,
  ITEM_CONTINUE,
  ITEM_DOT,
  ITEM_DEFINE,
  ITEM_ELSE,
  ITEM_END,
  ITEM_IF,
  ITEM_NIL,
  ITEM_RANGE,
  ITEM_TEMPLATE,
  ITEM_WITH,
} ItemType;

typedef struct
{
  ItemType    type;
  guint32     pos;
  const char *val;     /* into the source, or the error message (arena) */
  gsize       len;
  guint       line;
} Item;

typedef struct
{
  const char *input;
  gsize       length;
  gsize       pos;
  gsize       start;
  guint       line;
  guint       start_line;
  int         paren_depth;
  gboolean    inside_action;
  gunichar    last;         /* the rune the last lex_next read, for backup */
  int         last_width;   /* 0 at the end of the input */
  Arena      *arena;
} Lexer;

/* How many bytes of Go's white space (space, tab, CR, LF) start @s. */
gsize    byline_gotmpl_left_trim_length (const char *s,
                                         gsize       len);

/* The next token of @l into @item; after an ITEM_ERROR or ITEM_EOF, EOF. */
void     byline_gotmpl_lex_item      (Lexer      *l,
                                      Item       *item);

G_END_DECLS
