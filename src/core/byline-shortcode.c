/* byline-shortcode.c — Hugo shortcode calls: tokenizer and pairing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-shortcode"

#include "config.h"

#include "byline-shortcode.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define NOT_FOUND G_MAXSIZE

typedef struct
{
  gsize offset;
  guint line;
  guint column;
} Pos;

typedef struct
{
  const char            *text;
  gsize                  end;
  const BylineLineIndex *lines;
  BylineShortcodeList   *list;

  /* Opens waiting for their close, as indexes into list->calls, and how
   * many of each name are on the stack, so that a close with no open of
   * its name is found without walking the stack (which would make a run
   * of stray closes quadratic). */
  GArray     *stack;
  GHashTable *open_counts;

  /* Where the last search for "*" "/>}}" (or "*" "/%}}") found it, or
   * NOT_FOUND; searches only move forward, so a remembered answer that
   * is still ahead of the scan is the answer to a later search too. */
  gsize       comment_close[2];
  gboolean    comment_close_known[2];
  /* No backtick at or after this offset (NOT_FOUND while unknown). */
  gsize       no_backtick_from;
} Scanner;

static const char *
left_delim (BylineShortcodeDelim delim)
{
  return delim == BYLINE_SHORTCODE_ANGLE ? "{{<" : "{{%";
}

static const char *
right_delim (BylineShortcodeDelim delim)
{
  return delim == BYLINE_SHORTCODE_ANGLE ? ">}}" : "%}}";
}

static BylineShortcodeDelim
other_delim (BylineShortcodeDelim delim)
{
  return delim == BYLINE_SHORTCODE_ANGLE ? BYLINE_SHORTCODE_PERCENT : BYLINE_SHORTCODE_ANGLE;
}

static gboolean
has_prefix (const Scanner *s,
            gsize          pos,
            const char    *prefix)
{
  gsize len = strlen (prefix);

  return pos <= s->end && s->end - pos >= len && memcmp (s->text + pos, prefix, len) == 0;
}

static gboolean
is_opener (const Scanner *s,
           gsize          pos)
{
  return has_prefix (s, pos, "{{<") || has_prefix (s, pos, "{{%");
}

static gboolean
is_closer (const Scanner        *s,
           gsize                 pos,
           BylineShortcodeDelim  delim)
{
  return has_prefix (s, pos, right_delim (delim));
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static gsize
skip_space (const Scanner *s,
            gsize          pos)
{
  while (pos < s->end && is_space (s->text[pos]))
    pos++;
  return pos;
}

static gsize
skip_blank (const Scanner *s,
            gsize          pos)
{
  while (pos < s->end && (s->text[pos] == ' ' || s->text[pos] == '\t'))
    pos++;
  return pos;
}

/* Hugo names start with a letter, a digit or an underscore; bytes of
 * multibyte characters are let through, as Hugo accepts Unicode letters. */
static gboolean
is_name_start (char c)
{
  return g_ascii_isalnum (c) || c == '_' || (guchar) c >= 0x80;
}

static gboolean
is_name_char (char c)
{
  return is_name_start (c) || c == '-' || c == '/' || c == '.';
}

/* Whether pos ends the call: its own right delimiter, the other kind's
 * (reported as a mismatch), either one after a "/" (self-closing) or the
 * start of another call, which means this one was never terminated. */
static gboolean
is_call_boundary (const Scanner *s,
                  gsize          pos)
{
  char c = s->text[pos];

  if (c == '>' || c == '%')
    return is_closer (s, pos, BYLINE_SHORTCODE_ANGLE) ||
           is_closer (s, pos, BYLINE_SHORTCODE_PERCENT);
  if (c == '/')
    return is_closer (s, pos + 1, BYLINE_SHORTCODE_ANGLE) ||
           is_closer (s, pos + 1, BYLINE_SHORTCODE_PERCENT);
  if (c == '{')
    return is_opener (s, pos);
  return FALSE;
}

static gboolean
is_bare_char (const Scanner *s,
              gsize          pos)
{
  char c = s->text[pos];

  return !is_space (c) && c != '"' && c != '`' && c != '=' && !is_call_boundary (s, pos);
}

static Pos
locate (Scanner *s,
        gsize    offset)
{
  Pos pos = { offset, 1, 1 };

  byline_line_index_locate (s->lines, offset, &pos.line, &pos.column);
  return pos;
}

static BylineSpan
span_between (Pos start,
              Pos end)
{
  BylineSpan span = { start.offset, end.offset, start.line, start.column, end.line, end.column };

  return span;
}

static BylineSpan
make_span (Scanner *s,
           gsize    start,
           gsize    end)
{
  Pos start_pos = locate (s, start);

  return span_between (start_pos, locate (s, end));
}

/* Takes ownership of @message. */
static void
add_problem (Scanner                    *s,
             BylineShortcodeProblemKind  kind,
             BylineSpan                  span,
             char                       *message)
{
  BylineShortcodeProblem *problem = g_new0 (BylineShortcodeProblem, 1);

  problem->kind = kind;
  problem->span = span;
  problem->message = message;
  g_ptr_array_add (s->list->problems, problem);
}

/* Values and names end up in widgets and HTML, which want UTF-8. */
static char *
dup_valid (const char *text,
           gsize       length)
{
  if (g_utf8_validate (text, length, NULL))
    return g_strndup (text, length);
  return g_utf8_make_valid (text, length);
}

static void
param_free (gpointer data)
{
  BylineShortcodeParam *param = data;

  g_free (param->name);
  g_free (param->value);
  g_free (param);
}

static void
shortcode_free (gpointer data)
{
  BylineShortcode *call = data;

  g_free (call->name);
  g_clear_pointer (&call->params, g_ptr_array_unref);
  g_free (call);
}

static void
problem_free (gpointer data)
{
  BylineShortcodeProblem *problem = data;

  g_free (problem->message);
  g_free (problem);
}

static BylineShortcode *
shortcode_new (BylineShortcodeDelim delim)
{
  BylineShortcode *call = g_new0 (BylineShortcode, 1);

  call->delim = delim;
  call->params = g_ptr_array_new_with_free_func (param_free);
  call->pair = -1;
  call->parent = -1;
  return call;
}

typedef enum
{
  VALUE_OK,
  VALUE_UNCLOSED_QUOTE,
  VALUE_UNCLOSED_BACKTICK,
} ValueResult;

/* Reads a value at @pos: "quoted", `raw` or bare. On success sets @value,
 * @quote and @value_end; on failure @value_end is where scanning may
 * resume. */
static ValueResult
read_value (Scanner           *s,
            gsize              pos,
            char             **value,
            BylineParamQuote  *quote,
            gsize             *value_end)
{
  const char *text = s->text;

  if (pos < s->end && text[pos] == '"')
    {
      g_autoptr(GString) str = g_string_new (NULL);
      gsize p = pos + 1;

      /* Hugo ends a quoted value at the end of the line, so a missing
       * quote costs at most the rest of that line. */
      while (p < s->end && text[p] != '"' && text[p] != '\n')
        {
          if (text[p] == '\\' && p + 1 < s->end && (text[p + 1] == '"' || text[p + 1] == '\\'))
            {
              g_string_append_c (str, text[p + 1]);
              p += 2;
              continue;
            }
          g_string_append_c (str, text[p]);
          p++;
        }
      if (p >= s->end || text[p] != '"')
        {
          *value_end = p;
          return VALUE_UNCLOSED_QUOTE;
        }
      *value = dup_valid (str->str, str->len);
      *quote = BYLINE_PARAM_DOUBLE_QUOTED;
      *value_end = p + 1;
      return VALUE_OK;
    }

  if (pos < s->end && text[pos] == '`')
    {
      const char *close = NULL;

      if (pos + 1 < s->no_backtick_from)
        close = memchr (text + pos + 1, '`', s->end - pos - 1);
      if (close == NULL)
        {
          s->no_backtick_from = MIN (s->no_backtick_from, pos + 1);
          *value_end = pos + 1;
          return VALUE_UNCLOSED_BACKTICK;
        }
      *value = dup_valid (text + pos + 1, close - (text + pos + 1));
      *quote = BYLINE_PARAM_RAW;
      *value_end = close - text + 1;
      return VALUE_OK;
    }

  {
    gsize p = pos;

    while (p < s->end && is_bare_char (s, p))
      p++;
    *value = dup_valid (text + pos, p - pos);
    *quote = BYLINE_PARAM_BARE;
    *value_end = p;
    return VALUE_OK;
  }
}

static void
report_bad_value (Scanner     *s,
                  ValueResult  result,
                  gsize        pos,
                  gsize        value_end)
{
  BylineSpan span = make_span (s, pos, result == VALUE_UNCLOSED_QUOTE ? value_end : pos + 1);

  if (result == VALUE_UNCLOSED_QUOTE)
    add_problem (s, BYLINE_SHORTCODE_PROBLEM_BAD_QUOTING, span,
                 g_strdup_printf (_("The quoted value on line %u is not closed: "
                                    "add a \" before the end of the line"),
                                  span.line));
  else
    add_problem (s, BYLINE_SHORTCODE_PROBLEM_BAD_QUOTING, span,
                 g_strdup_printf (_("The raw value starting with ` on line %u is not closed: "
                                    "add a closing `"),
                                  span.line));
}

static gsize
find_comment_close (Scanner              *s,
                    gsize                 from,
                    BylineShortcodeDelim  delim)
{
  char terminator[6];
  gsize p = from;

  if (s->comment_close_known[delim] &&
      (s->comment_close[delim] == NOT_FOUND || s->comment_close[delim] >= from))
    return s->comment_close[delim];

  terminator[0] = '*';
  terminator[1] = '/';
  memcpy (terminator + 2, right_delim (delim), 4);

  s->comment_close_known[delim] = TRUE;
  s->comment_close[delim] = NOT_FOUND;
  while (p < s->end)
    {
      const char *star = memchr (s->text + p, '*', s->end - p);

      if (star == NULL)
        break;
      p = star - s->text;
      if (has_prefix (s, p, terminator))
        {
          s->comment_close[delim] = p;
          break;
        }
      p++;
    }
  return s->comment_close[delim];
}

static gsize
scan_escaped (Scanner              *s,
              gsize                 start,
              BylineShortcodeDelim  delim)
{
  gsize inner_start = start + 5;
  gsize close = find_comment_close (s, inner_start, delim);
  BylineShortcode *call;
  Pos start_pos;
  Pos inner_start_pos;
  Pos close_pos;
  gsize p;
  gsize name_start;

  if (close == NOT_FOUND)
    {
      BylineSpan span = make_span (s, start, inner_start);

      add_problem (s, BYLINE_SHORTCODE_PROBLEM_UNTERMINATED, span,
                   g_strdup_printf (_("The escaped shortcode on line %u is not closed: "
                                      "end it with */%s"),
                                    span.line, right_delim (delim)));
      return start + 3;
    }

  call = shortcode_new (delim);
  call->kind = BYLINE_SHORTCODE_ESCAPED;
  start_pos = locate (s, start);
  inner_start_pos = locate (s, inner_start);

  /* The name of the call shown is worth knowing (the editor highlights it),
   * even though nothing is called. */
  p = skip_space (s, inner_start);
  if (p < close && s->text[p] == '/')
    p = skip_space (s, p + 1);
  name_start = p;
  if (p < close && is_name_start (s->text[p]))
    while (p < close && is_name_char (s->text[p]))
      p++;
  call->name = dup_valid (s->text + name_start, p - name_start);
  call->name_span = make_span (s, name_start, p);

  close_pos = locate (s, close);
  call->inner = span_between (inner_start_pos, close_pos);
  call->span = span_between (start_pos, locate (s, close + 5));

  g_ptr_array_add (s->list->calls, call);
  return close + 5;
}

static void
pair_close (Scanner *s,
            guint    close_index)
{
  GPtrArray *calls = s->list->calls;
  BylineShortcode *close = g_ptr_array_index (calls, close_index);
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (s->open_counts, close->name));
  BylineShortcode *open = NULL;
  guint open_index = 0;
  BylineSpan inner;

  if (count == 0)
    {
      add_problem (s, BYLINE_SHORTCODE_PROBLEM_STRAY_CLOSE, close->span,
                   g_strdup_printf (_("“%s” on line %u closes a shortcode that is not open: "
                                      "remove it or open it with %s %s %s before"),
                                    close->name, close->span.line, left_delim (close->delim),
                                    close->name, right_delim (close->delim)));
      return;
    }

  /* Opens passed over stay standalone: Hugo decides from the template
   * whether a shortcode takes inner text, so an open without a close is
   * not an error here. */
  while (s->stack->len > 0)
    {
      open_index = g_array_index (s->stack, guint, s->stack->len - 1);
      open = g_ptr_array_index (calls, open_index);
      g_array_set_size (s->stack, s->stack->len - 1);
      count = GPOINTER_TO_UINT (g_hash_table_lookup (s->open_counts, open->name));
      g_hash_table_insert (s->open_counts, open->name, GUINT_TO_POINTER (count - 1));
      if (strcmp (open->name, close->name) == 0)
        break;
    }

  g_assert (open != NULL && strcmp (open->name, close->name) == 0);

  /* Both ends are located already. */
  inner.start = open->span.end;
  inner.line = open->span.end_line;
  inner.column = open->span.end_column;
  inner.end = close->span.start;
  inner.end_line = close->span.line;
  inner.end_column = close->span.column;
  open->pair = close_index;
  open->inner = inner;
  close->pair = open_index;
  close->inner = inner;

  if (open->delim != close->delim)
    add_problem (s, BYLINE_SHORTCODE_PROBLEM_MISMATCHED, close->span,
                 g_strdup_printf (_("The shortcode “%s” is opened with %s on line %u but closed "
                                    "with %s on line %u: use the same delimiters for both"),
                                  open->name, left_delim (open->delim), open->span.line,
                                  left_delim (close->delim), close->span.line));
}

static void
add_call (Scanner         *s,
          BylineShortcode *call)
{
  guint index = s->list->calls->len;

  g_ptr_array_add (s->list->calls, call);

  if (call->kind == BYLINE_SHORTCODE_OPEN)
    {
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (s->open_counts, call->name));

      g_array_append_val (s->stack, index);
      g_hash_table_insert (s->open_counts, call->name, GUINT_TO_POINTER (count + 1));
    }
  else if (call->kind == BYLINE_SHORTCODE_CLOSE)
    pair_close (s, index);
}

/* Scans the call starting at @start ({{< or {{%) and returns where the
 * main scan goes on, always past @start. */
static gsize
scan_call (Scanner *s,
           gsize    start)
{
  const char *text = s->text;
  BylineShortcodeDelim delim = text[start + 2] == '<' ? BYLINE_SHORTCODE_ANGLE
                                                      : BYLINE_SHORTCODE_PERCENT;
  g_autoptr(GPtrArray) params = NULL;
  gboolean closing = FALSE;
  gboolean self_closing = FALSE;
  gboolean seen_named = FALSE;
  gboolean seen_positional = FALSE;
  gboolean reported_mixed = FALSE;
  gboolean reported_bad_param = FALSE;
  BylineShortcodeDelim end_delim = delim;
  guint n_problems = s->list->problems->len;
  g_autofree char *name = NULL;
  BylineShortcode *call;
  BylineSpan name_span;
  BylineSpan span;
  Pos start_pos;
  gsize name_start;
  gsize name_end;
  gsize p = start + 3;
  gsize call_end;

  if (has_prefix (s, p, "/*"))
    return scan_escaped (s, start, delim);

  params = g_ptr_array_new_with_free_func (param_free);
  start_pos = locate (s, start);

  p = skip_space (s, p);
  if (p < s->end && text[p] == '/' && !is_call_boundary (s, p))
    {
      closing = TRUE;
      p = skip_space (s, p + 1);
    }

  name_start = p;
  if (p < s->end && is_name_start (text[p]))
    while (p < s->end && is_name_char (text[p]) && !is_call_boundary (s, p))
      p++;
  name_end = p;
  name = dup_valid (text + name_start, name_end - name_start);
  name_span = make_span (s, name_start, name_end);

  for (;;)
    {
      BylineShortcodeParam *param;
      gsize token_start;
      gsize token_end;
      gsize value_start;
      gsize value_end;
      char *value = NULL;
      BylineParamQuote quote = BYLINE_PARAM_BARE;
      ValueResult result;
      gboolean named = FALSE;

      p = skip_space (s, p);

      if (p >= s->end || is_opener (s, p))
        {
          char *message;

          if (name[0] != '\0')
            message = g_strdup_printf (_("The shortcode “%s” on line %u is not terminated: "
                                         "end the call with %s"),
                                       name, start_pos.line, right_delim (delim));
          else
            message = g_strdup_printf (_("The shortcode call on line %u is not terminated: "
                                         "end it with %s"),
                                       start_pos.line, right_delim (delim));
          /* What was found inside a call that never ends is noise. */
          g_ptr_array_set_size (s->list->problems, n_problems);
          if (name_end > start + 3)
            span = span_between (start_pos, locate (s, name_end));
          else
            span = make_span (s, start, start + 3);
          add_problem (s, BYLINE_SHORTCODE_PROBLEM_UNTERMINATED, span, message);
          return MIN (p, s->end);
        }

      if (is_closer (s, p, delim) || is_closer (s, p, other_delim (delim)))
        {
          end_delim = is_closer (s, p, delim) ? delim : other_delim (delim);
          call_end = p + 3;
          break;
        }
      if (text[p] == '/' &&
          (is_closer (s, p + 1, delim) || is_closer (s, p + 1, other_delim (delim))))
        {
          end_delim = is_closer (s, p + 1, delim) ? delim : other_delim (delim);
          self_closing = TRUE;
          call_end = p + 4;
          break;
        }

      token_start = p;
      if (text[p] == '=')
        {
          /* A value with no name before it: read it to find the end of the
           * call, and drop it. */
          value_start = skip_blank (s, p + 1);
          result = read_value (s, value_start, &value, &quote, &value_end);
          if (result != VALUE_OK)
            {
              g_ptr_array_set_size (s->list->problems, n_problems);
              report_bad_value (s, result, value_start, value_end);
              return value_end;
            }
          g_free (value);
          span = make_span (s, token_start, value_end);
          if (!reported_bad_param)
            add_problem (s, BYLINE_SHORTCODE_PROBLEM_BAD_PARAM, span,
                         g_strdup_printf (_("A value on line %u of the shortcode “%s” has no "
                                            "parameter name: write name=value"),
                                          span.line, name));
          reported_bad_param = TRUE;
          p = value_end;
          continue;
        }

      if (text[p] == '"' || text[p] == '`')
        {
          token_end = p;
          value_start = p;
        }
      else
        {
          gsize after;

          while (p < s->end && is_bare_char (s, p))
            p++;
          token_end = p;
          after = skip_blank (s, p);
          if (after < s->end && text[after] == '=')
            {
              named = TRUE;
              value_start = skip_blank (s, after + 1);
            }
          else
            value_start = token_start;
        }

      result = read_value (s, value_start, &value, &quote, &value_end);
      if (result != VALUE_OK)
        {
          g_ptr_array_set_size (s->list->problems, n_problems);
          report_bad_value (s, result, value_start, value_end);
          return value_end;
        }

      param = g_new0 (BylineShortcodeParam, 1);
      param->name = named ? dup_valid (text + token_start, token_end - token_start) : NULL;
      param->value = value;
      param->quote = quote;
      {
        Pos token_pos = locate (s, token_start);
        Pos value_pos = locate (s, value_start);
        Pos end_pos = locate (s, value_end);

        param->span = span_between (token_pos, end_pos);
        param->value_span = span_between (value_pos, end_pos);
      }
      g_ptr_array_add (params, param);

      if ((named && seen_positional) || (!named && seen_named))
        {
          if (!reported_mixed)
            add_problem (s, BYLINE_SHORTCODE_PROBLEM_MIXED_PARAMS, param->span,
                         g_strdup_printf (_("The shortcode “%s” on line %u mixes named and "
                                            "positional parameters, which Hugo rejects: "
                                            "use only one kind"),
                                          name, param->span.line));
          reported_mixed = TRUE;
        }
      seen_named |= named;
      seen_positional |= !named;
      p = value_end;
    }

  if (closing && params->len > 0)
    {
      BylineShortcodeParam *first = g_ptr_array_index (params, 0);

      span = make_span (s, first->span.start, call_end - (self_closing ? 4 : 3));
      add_problem (s, BYLINE_SHORTCODE_PROBLEM_BAD_PARAM, span,
                   g_strdup_printf (_("The closing shortcode “%s” on line %u takes no "
                                      "parameters: remove them"),
                                    name, start_pos.line));
    }

  span = span_between (start_pos, locate (s, call_end));

  if (name[0] == '\0')
    {
      add_problem (s, BYLINE_SHORTCODE_PROBLEM_NO_NAME, span,
                   g_strdup_printf (_("The shortcode call on line %u has no name: "
                                      "write the shortcode’s name right after %s"),
                                    start_pos.line, left_delim (delim)));
      return call_end;
    }

  if (end_delim != delim)
    add_problem (s, BYLINE_SHORTCODE_PROBLEM_MISMATCHED, span,
                 g_strdup_printf (_("The shortcode “%s” on line %u starts with %s but ends "
                                    "with %s: end it with %s"),
                                  name, start_pos.line, left_delim (delim),
                                  right_delim (end_delim), right_delim (delim)));

  call = shortcode_new (delim);
  g_clear_pointer (&call->params, g_ptr_array_unref);
  call->params = g_steal_pointer (&params);
  call->name = g_steal_pointer (&name);
  call->kind = closing ? BYLINE_SHORTCODE_CLOSE
             : self_closing ? BYLINE_SHORTCODE_SELF_CLOSING
             : BYLINE_SHORTCODE_OPEN;
  call->span = span;
  call->name_span = name_span;

  add_call (s, call);
  return call_end;
}

/* The innermost paired call around each call. Pairs nest properly (a close
 * pops every open above its own), so one stack pass finds them. */
static void
set_parents (GPtrArray *calls)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < calls->len; i++)
    {
      BylineShortcode *call = g_ptr_array_index (calls, i);
      int top = stack->len > 0 ? g_array_index (stack, int, stack->len - 1) : -1;

      if (call->kind == BYLINE_SHORTCODE_CLOSE && call->pair >= 0)
        {
          BylineShortcode *open = g_ptr_array_index (calls, call->pair);

          g_assert (top == call->pair);
          g_array_set_size (stack, stack->len - 1);
          call->parent = open->parent;
          continue;
        }

      call->parent = top;
      if (call->kind == BYLINE_SHORTCODE_OPEN && call->pair >= 0)
        {
          int index = i;

          g_array_append_val (stack, index);
        }
    }
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const BylineShortcodeProblem *pa = *(BylineShortcodeProblem * const *) a;
  const BylineShortcodeProblem *pb = *(BylineShortcodeProblem * const *) b;

  if (pa->span.start != pb->span.start)
    return pa->span.start < pb->span.start ? -1 : 1;
  return 0;
}

BylineShortcodeList *
byline_shortcode_scan (const char            *text,
                       gsize                  start,
                       gsize                  end,
                       const BylineLineIndex *lines)
{
  g_autoptr(BylineLineIndex) own_lines = NULL;
  BylineShortcodeList *list;
  Scanner s = { 0 };
  gsize pos = start;

  g_return_val_if_fail (text != NULL || end == 0, NULL);
  g_return_val_if_fail (start <= end, NULL);

  if (lines == NULL)
    lines = own_lines = byline_line_index_new (text, end);

  list = g_new0 (BylineShortcodeList, 1);
  list->calls = g_ptr_array_new_with_free_func (shortcode_free);
  list->problems = g_ptr_array_new_with_free_func (problem_free);

  s.text = text;
  s.end = end;
  s.lines = lines;
  s.list = list;
  s.stack = g_array_new (FALSE, FALSE, sizeof (guint));
  s.open_counts = g_hash_table_new (g_str_hash, g_str_equal);
  s.no_backtick_from = NOT_FOUND;

  while (pos < end)
    {
      const char *brace = memchr (text + pos, '{', end - pos);
      gsize at;

      if (brace == NULL)
        break;
      at = brace - text;
      if (is_opener (&s, at))
        pos = scan_call (&s, at);
      else
        pos = at + 1;
    }

  set_parents (list->calls);
  g_ptr_array_sort (list->problems, compare_problems);

  g_array_unref (s.stack);
  g_hash_table_unref (s.open_counts);
  return list;
}

void
byline_shortcode_list_free (BylineShortcodeList *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->calls, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_free (self);
}

const BylineShortcodeParam *
byline_shortcode_get_param (const BylineShortcode *self,
                            const char            *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->params->len; i++)
    {
      const BylineShortcodeParam *param = g_ptr_array_index (self->params, i);

      if (param->name != NULL && strcmp (param->name, name) == 0)
        return param;
    }
  return NULL;
}

const BylineShortcodeParam *
byline_shortcode_get_nth (const BylineShortcode *self,
                          guint                  position)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->params->len; i++)
    {
      const BylineShortcodeParam *param = g_ptr_array_index (self->params, i);

      if (param->name != NULL)
        continue;
      if (position == 0)
        return param;
      position--;
    }
  return NULL;
}

/* Hugo only unescapes \" in a quoted value, so a backslash is doubled
 * only where it would otherwise join the next character into an escape
 * (before " or \) or swallow the closing quote. A value cannot hold a
 * line break: it becomes a space. */
void
byline_shortcode_append_param (GString    *out,
                               const char *name,
                               const char *value)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (value != NULL);

  g_string_append_c (out, ' ');
  if (name != NULL)
    {
      g_string_append (out, name);
      g_string_append_c (out, '=');
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append (out, "\\\"");
      else if (*p == '\\' && (p[1] == '\\' || p[1] == '"' || p[1] == '\0'))
        g_string_append (out, "\\\\");
      else if (*p == '\n' || *p == '\t' || (*p == '\r' && p[1] != '\n'))
        g_string_append_c (out, ' ');
      else if (*p != '\r')
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}
