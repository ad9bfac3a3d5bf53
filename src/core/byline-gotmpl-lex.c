/* byline-gotmpl-lex.c — the lexer of Go's text/template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A port of Go's text/template/parse lex.go (as vendored by Hugo in
 * tpl/internal/go_templates/texttemplate/parse): delimiters, trim markers,
 * comments, keywords, numbers, strings and Go's lexer error messages. An
 * error is a token (ITEM_ERROR); the parser turns it into its message.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-lex.h"

#include <stdlib.h>
#include <string.h>

/* Arena */



gpointer
byline_gotmpl_arena_alloc (Arena *arena,
                           gsize  size)
{
  Chunk *c = arena->chunks;

  size = (size + 7) & ~(gsize) 7;
  if (c == NULL || c->used + size > c->size)
    {
      gsize chunk_size = MAX (size, 8192);

      c = g_malloc (sizeof (Chunk) + chunk_size);
      c->used = 0;
      c->size = chunk_size;
      c->next = arena->chunks;
      arena->chunks = c;
    }
  c->used += size;
  return memset (c->data + c->used - size, 0, size);
}

char *
byline_gotmpl_arena_strndup (Arena      *arena,
                             const char *s,
                             gsize       len)
{
  char *copy = byline_gotmpl_arena_alloc (arena, len + 1);

  memcpy (copy, s, len);
  copy[len] = '\0';
  return copy;
}

void
byline_gotmpl_arena_free (Arena *arena)
{
  while (arena->chunks != NULL)
    {
      Chunk *next = arena->chunks->next;

      g_free (arena->chunks);
      arena->chunks = next;
    }
  g_free (arena);
}

/* Lexer */



#define LEX_EOF ((gunichar) -1)

static const struct { const char *word; ItemType type; } keywords[] = {
  { "block", ITEM_BLOCK },
  { "break", ITEM_BREAK },
  { "continue", ITEM_CONTINUE },
  { "define", ITEM_DEFINE },
  { "else", ITEM_ELSE },
  { "end", ITEM_END },
  { "if", ITEM_IF },
  { "nil", ITEM_NIL },
  { "range", ITEM_RANGE },
  { "template", ITEM_TEMPLATE },
  { "with", ITEM_WITH },
};

static const char *
find_bytes (const char *haystack,
            gsize       len,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (haystack[i] == needle[0] && memcmp (haystack + i, needle, n) == 0)
      return haystack + i;
  return NULL;
}

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static gboolean
is_alnum (gunichar c)
{
  return c != LEX_EOF && (c == '_' || g_unichar_isalpha (c) || g_unichar_isdigit (c));
}

static gboolean
has_prefix_at (Lexer      *l,
               gsize       pos,
               const char *prefix)
{
  gsize n = strlen (prefix);

  return pos <= l->length && l->length - pos >= n && memcmp (l->input + pos, prefix, n) == 0;
}

/* The next rune, LEX_EOF at the end. Invalid UTF-8 reads as U+FFFD, one
 * byte at a time, as Go's DecodeRuneInString does. */
static gunichar
lex_next (Lexer *l)
{
  gunichar c;
  int w = 1;

  if (l->pos >= l->length)
    {
      l->last = LEX_EOF;
      l->last_width = 0;
      return LEX_EOF;
    }
  c = (guchar) l->input[l->pos];
  if (c >= 0x80)
    {
      const char *p = l->input + l->pos;
      gunichar u = g_utf8_get_char_validated (p, l->length - l->pos);

      if (u == (gunichar) -1 || u == (gunichar) -2)
        c = 0xfffd;
      else
        {
          c = u;
          w = g_utf8_skip[(guchar) *p];
        }
    }
  l->pos += w;
  if (c == '\n')
    l->line++;
  l->last = c;
  l->last_width = w;
  return c;
}

/* Steps back over the rune the last lex_next read (never twice in a row). */
static void
lex_backup (Lexer *l)
{
  if (l->last_width == 0)
    return;
  l->pos -= l->last_width;
  if (l->last == '\n')
    l->line--;
  l->last_width = 0;
}

static gunichar
lex_peek (Lexer *l)
{
  gunichar c = lex_next (l);

  lex_backup (l);
  return c;
}

static void
lex_emit (Lexer    *l,
          ItemType  type,
          Item     *item)
{
  item->type = type;
  item->pos = l->start;
  item->val = l->input + l->start;
  item->len = l->pos - l->start;
  item->line = l->start_line;
  l->start = l->pos;
  l->start_line = l->line;
}

static guint
count_newlines (const char *s,
                gsize       len)
{
  guint n = 0;

  for (gsize i = 0; i < len; i++)
    n += s[i] == '\n';
  return n;
}

static void
lex_ignore (Lexer *l)
{
  l->line += count_newlines (l->input + l->start, l->pos - l->start);
  l->start = l->pos;
  l->start_line = l->line;
}

static void lex_errorf (Lexer *l, Item *item, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
lex_errorf (Lexer      *l,
            Item       *item,
            const char *format,
            ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  item->type = ITEM_ERROR;
  item->pos = l->start;
  item->val = byline_gotmpl_arena_strndup (l->arena, message, strlen (message));
  item->len = strlen (message);
  item->line = l->start_line;
  /* Go empties the input so that lexing stops: what follows is EOF. */
  l->length = 0;
  l->pos = l->start = 0;
  l->inside_action = FALSE;
}

/* Go's %#U: U+0041 'A'. */
static char *
format_rune (gunichar c)
{
  char utf8[8] = { 0 };

  if (c == LEX_EOF)
    return g_strdup ("U+FFFFFFFFFFFFFFFF");
  if (!g_unichar_isprint (c))
    return g_strdup_printf ("U+%04X", c);
  g_unichar_to_utf8 (c, utf8);
  return g_strdup_printf ("U+%04X '%s'", c, utf8);
}

static gboolean
accept (Lexer      *l,
        const char *valid)
{
  gunichar c = lex_next (l);

  if (c != LEX_EOF && c < 0x80 && c != 0 && strchr (valid, (int) c) != NULL)
    return TRUE;
  lex_backup (l);
  return FALSE;
}

static void
accept_run (Lexer      *l,
            const char *valid)
{
  while (accept (l, valid))
    ;
}

static gboolean
has_left_trim_marker (Lexer *l,
                      gsize  pos)
{
  return pos + 2 <= l->length && l->input[pos] == '-' && is_space ((guchar) l->input[pos + 1]);
}

static gboolean
has_right_trim_marker (Lexer *l,
                       gsize  pos)
{
  return pos + 2 <= l->length && is_space ((guchar) l->input[pos]) && l->input[pos + 1] == '-';
}

/* Whether the input at pos is the right delimiter, with or without marker. */
static gboolean
at_right_delim (Lexer    *l,
                gboolean *trim)
{
  if (has_right_trim_marker (l, l->pos) && has_prefix_at (l, l->pos + 2, "}}"))
    {
      *trim = TRUE;
      return TRUE;
    }
  *trim = FALSE;
  return has_prefix_at (l, l->pos, "}}");
}

static gsize
right_trim_length (const char *s,
                   gsize       len)
{
  gsize n = 0;

  while (n < len && is_space ((guchar) s[len - 1 - n]))
    n++;
  return n;
}

gsize
byline_gotmpl_left_trim_length (const char *s,
                                gsize       len)
{
  gsize n = 0;

  while (n < len && is_space ((guchar) s[n]))
    n++;
  return n;
}

static gboolean
at_terminator (Lexer *l)
{
  gunichar c = lex_peek (l);

  if (is_space (c))
    return TRUE;
  switch (c)
    {
    case LEX_EOF:
    case '.':
    case ',':
    case '|':
    case ':':
    case ')':
    case '(':
      return TRUE;
    default:
      return has_prefix_at (l, l->pos, "}}");
    }
}

static gboolean
scan_number (Lexer *l)
{
  const char *digits = "0123456789_";

  accept (l, "+-");
  if (accept (l, "0"))
    {
      if (accept (l, "xX"))
        digits = "0123456789abcdefABCDEF_";
      else if (accept (l, "oO"))
        digits = "01234567_";
      else if (accept (l, "bB"))
        digits = "01_";
    }
  accept_run (l, digits);
  if (accept (l, "."))
    accept_run (l, digits);
  if (strlen (digits) == 10 + 1 && accept (l, "eE"))
    {
      accept (l, "+-");
      accept_run (l, "0123456789_");
    }
  if (strlen (digits) == 16 + 6 + 1 && accept (l, "pP"))
    {
      accept (l, "+-");
      accept_run (l, "0123456789_");
    }
  accept (l, "i");
  if (is_alnum (lex_peek (l)))
    {
      lex_next (l);
      return FALSE;
    }
  return TRUE;
}

/* lexText and lexLeftDelim/lexComment: text up to the next action;
 * comments are skipped. */
static void
lex_text (Lexer *l,
          Item  *item)
{
  for (;;)
    {
      const char *found = l->pos < l->length
        ? find_bytes (l->input + l->pos, l->length - l->pos, "{{") : NULL;
      gboolean trim_space;
      gsize after_marker;

      if (found == NULL)
        {
          l->pos = l->length;
          if (l->pos > l->start)
            {
              l->line += count_newlines (l->input + l->start, l->pos - l->start);
              lex_emit (l, ITEM_TEXT, item);
              return;
            }
          lex_emit (l, ITEM_EOF, item);
          return;
        }

      if ((gsize) (found - l->input) > l->pos)
        {
          gsize trim = 0;
          Item text;

          l->pos = found - l->input;
          if (has_left_trim_marker (l, l->pos + 2))
            trim = right_trim_length (l->input + l->start, l->pos - l->start);
          l->pos -= trim;
          l->line += count_newlines (l->input + l->start, l->pos - l->start);
          lex_emit (l, ITEM_TEXT, &text);
          l->pos += trim;
          lex_ignore (l);
          if (text.len > 0)
            {
              *item = text;
              return;
            }
        }

      /* lexLeftDelim */
      l->pos += 2;
      trim_space = has_left_trim_marker (l, l->pos);
      after_marker = trim_space ? 2 : 0;
      if (!has_prefix_at (l, l->pos + after_marker, "/*"))
        {
          Item delim;

          lex_emit (l, ITEM_LEFT_DELIM, &delim);
          l->inside_action = TRUE;
          l->pos += after_marker;
          lex_ignore (l);
          l->paren_depth = 0;
          *item = delim;
          return;
        }

      /* lexComment */
      {
        const char *end;
        gboolean trim_right;

        l->pos += after_marker;
        lex_ignore (l);
        l->pos += 2;
        end = find_bytes (l->input + l->pos, l->length - l->pos, "*/");
        if (end == NULL)
          {
            lex_errorf (l, item, "unclosed comment");
            return;
          }
        l->pos = end - l->input + 2;
        if (!at_right_delim (l, &trim_right))
          {
            lex_errorf (l, item, "comment ends before closing delimiter");
            return;
          }
        if (trim_right)
          l->pos += 2;
        l->pos += 2;
        if (trim_right)
          l->pos += byline_gotmpl_left_trim_length (l->input + l->pos, l->length - l->pos);
        lex_ignore (l);
      }
    }
}

static void
lex_right_delim (Lexer *l,
                 Item  *item)
{
  gboolean trim;

  at_right_delim (l, &trim);
  if (trim)
    {
      l->pos += 2;
      lex_ignore (l);
    }
  l->pos += 2;
  lex_emit (l, ITEM_RIGHT_DELIM, item);
  if (trim)
    {
      l->pos += byline_gotmpl_left_trim_length (l->input + l->pos, l->length - l->pos);
      lex_ignore (l);
    }
  l->inside_action = FALSE;
}

static void
lex_bad_character (Lexer *l,
                   Item  *item)
{
  g_autofree char *r = format_rune (lex_peek (l));

  lex_errorf (l, item, "bad character %s", r);
}

static void
lex_field_or_variable (Lexer    *l,
                       ItemType  type,
                       Item     *item)
{
  if (at_terminator (l))
    {
      lex_emit (l, type == ITEM_VARIABLE ? ITEM_VARIABLE : ITEM_DOT, item);
      return;
    }
  while (is_alnum (lex_next (l)))
    ;
  lex_backup (l);
  if (!at_terminator (l))
    {
      lex_bad_character (l, item);
      return;
    }
  lex_emit (l, type, item);
}

static void
lex_quote (Lexer    *l,
           gunichar  quote,
           Item     *item)
{
  for (;;)
    {
      gunichar c = lex_next (l);

      if (quote == '`')
        {
          if (c == LEX_EOF)
            {
              lex_errorf (l, item, "unterminated raw quoted string");
              return;
            }
          if (c == '`')
            break;
          continue;
        }
      if (c == '\\')
        {
          c = lex_next (l);
          if (c != LEX_EOF && c != '\n')
            continue;
        }
      if (c == LEX_EOF || c == '\n')
        {
          lex_errorf (l, item, quote == '"' ? "unterminated quoted string"
                                            : "unterminated character constant");
          return;
        }
      if (c == quote)
        break;
    }
  lex_emit (l, quote == '"' ? ITEM_STRING : quote == '`' ? ITEM_RAW_STRING : ITEM_CHAR_CONSTANT,
            item);
}

static void
lex_identifier (Lexer *l,
                Item  *item)
{
  const char *word;
  gsize len;

  while (is_alnum (lex_next (l)))
    ;
  lex_backup (l);
  word = l->input + l->start;
  len = l->pos - l->start;
  if (!at_terminator (l))
    {
      lex_bad_character (l, item);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    if (strlen (keywords[i].word) == len && memcmp (keywords[i].word, word, len) == 0)
      {
        lex_emit (l, keywords[i].type, item);
        return;
      }
  if ((len == 4 && memcmp (word, "true", 4) == 0) || (len == 5 && memcmp (word, "false", 5) == 0))
    lex_emit (l, ITEM_BOOL, item);
  else
    lex_emit (l, ITEM_IDENTIFIER, item);
}

static void
lex_number (Lexer *l,
            Item  *item)
{
  if (!scan_number (l))
    {
      lex_errorf (l, item, "bad number syntax: \"%.*s\"", (int) (l->pos - l->start),
                  l->input + l->start);
      return;
    }
  if (l->pos < l->length && (l->input[l->pos] == '+' || l->input[l->pos] == '-'))
    {
      if (!scan_number (l) || l->input[l->pos - 1] != 'i')
        {
          lex_errorf (l, item, "bad number syntax: \"%.*s\"", (int) (l->pos - l->start),
                      l->input + l->start);
          return;
        }
      lex_emit (l, ITEM_COMPLEX, item);
      return;
    }
  lex_emit (l, ITEM_NUMBER, item);
}

static void
lex_inside_action (Lexer *l,
                   Item  *item)
{
  gboolean trim;
  gunichar c;

  if (at_right_delim (l, &trim))
    {
      if (l->paren_depth == 0)
        lex_right_delim (l, item);
      else
        lex_errorf (l, item, "unclosed left paren");
      return;
    }

  c = lex_next (l);
  if (c == LEX_EOF)
    {
      lex_errorf (l, item, "unclosed action");
      return;
    }
  if (is_space (c))
    {
      /* lexSpace */
      int n_spaces = 1;

      while (is_space (lex_next (l)))
        n_spaces++;
      lex_backup (l);
      /* " -}}": the last space belongs to the trim marker. */
      if (has_right_trim_marker (l, l->pos - 1) && has_prefix_at (l, l->pos + 1, "}}"))
        {
          l->pos--;
          if (l->input[l->pos] == '\n')
            l->line--;
          if (n_spaces == 1)
            {
              lex_right_delim (l, item);
              return;
            }
        }
      lex_emit (l, ITEM_SPACE, item);
      return;
    }

  switch (c)
    {
    case '=':
      lex_emit (l, ITEM_ASSIGN, item);
      return;
    case ':':
      if (lex_next (l) != '=')
        lex_errorf (l, item, "expected :=");
      else
        lex_emit (l, ITEM_DECLARE, item);
      return;
    case '|':
      lex_emit (l, ITEM_PIPE, item);
      return;
    case '"':
    case '`':
    case '\'':
      lex_quote (l, c, item);
      return;
    case '$':
      lex_field_or_variable (l, ITEM_VARIABLE, item);
      return;
    case '(':
      l->paren_depth++;
      lex_emit (l, ITEM_LEFT_PAREN, item);
      return;
    case ')':
      l->paren_depth--;
      if (l->paren_depth < 0)
        lex_errorf (l, item, "unexpected right paren");
      else
        lex_emit (l, ITEM_RIGHT_PAREN, item);
      return;
    default:
      break;
    }

  if (c == '.' && l->pos < l->length && (l->input[l->pos] < '0' || l->input[l->pos] > '9'))
    {
      lex_field_or_variable (l, ITEM_FIELD, item);
      return;
    }
  if (c == '.' || c == '+' || c == '-' || (c >= '0' && c <= '9'))
    {
      lex_backup (l);
      lex_number (l, item);
      return;
    }
  if (is_alnum (c))
    {
      lex_backup (l);
      lex_identifier (l, item);
      return;
    }
  if (c < 0x80 && g_ascii_isprint (c))
    {
      lex_emit (l, ITEM_CHAR, item);
      return;
    }
  {
    g_autofree char *r = format_rune (c);

    lex_errorf (l, item, "unrecognized character in action: %s", r);
  }
}

void
byline_gotmpl_lex_item (Lexer *l,
                        Item  *item)
{
  if (l->inside_action)
    lex_inside_action (l, item);
  else
    lex_text (l, item);
}
