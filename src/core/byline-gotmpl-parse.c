/* byline-gotmpl-parse.c — the parser of Go's text/template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A port of Go's text/template/parse parse.go (as vendored by
 * Hugo in tpl/internal/go_templates/texttemplate/parse). Errors unwind with
 * longjmp: every node and string lives in one arena, and the other
 * allocations (the scratch stack, temp_string) are freed by the entry point.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-lex.h"
#include "byline-gotmpl-parse.h"

#include <gio/gio.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 500

/* Parser */

typedef struct
{
  Lexer               lex;
  Arena              *arena;
  BylineGotmplParsed *parsed;
  const char         *name;
  Item                token[3];
  int                 peek_count;
  GPtrArray          *vars;        /* variable names in scope (arena strings) */
  guint               vars_base;   /* where the current tree's variables start */
  GPtrArray          *stack;       /* scratch for child lists */
  int                 range_depth;
  int                 depth;
  guint               action_line;
  jmp_buf             fail;
  char               *error;
  guint               error_line;
  GPtrArray          *temps;       /* GStrings freed after parsing */
} Parser;

/* A parser error longjmps out of the functions below, past any g_auto
 * cleanup, so they take their scratch strings from here or the arena. */
static GString *
temp_string (Parser *p)
{
  GString *s = g_string_new (NULL);

  g_ptr_array_add (p->temps, s);
  return s;
}

static void
temp_string_free (gpointer s)
{
  g_string_free (s, TRUE);
}

static void parser_errorf (Parser *p, const char *format, ...) G_GNUC_PRINTF (2, 3) G_GNUC_NORETURN;

static void
parser_errorf (Parser     *p,
               const char *format,
               ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  p->error_line = p->token[0].line;
  p->error = g_strdup_printf ("template: %s:%u: %s", p->name, p->error_line, message);
  g_free (message);
  longjmp (p->fail, 1);
}

static Item
next_item (Parser *p)
{
  if (p->peek_count > 0)
    p->peek_count--;
  else
    byline_gotmpl_lex_item (&p->lex, &p->token[0]);
  return p->token[p->peek_count];
}

static void
backup (Parser *p)
{
  p->peek_count++;
}

static void
backup2 (Parser *p,
         Item    t1)
{
  p->token[1] = t1;
  p->peek_count = 2;
}

static void
backup3 (Parser *p,
         Item    t2,
         Item    t1)
{
  p->token[1] = t1;
  p->token[2] = t2;
  p->peek_count = 3;
}

static Item
peek_item (Parser *p)
{
  if (p->peek_count > 0)
    return p->token[p->peek_count - 1];
  p->peek_count = 1;
  byline_gotmpl_lex_item (&p->lex, &p->token[0]);
  return p->token[0];
}

static Item
next_non_space (Parser *p)
{
  Item t;

  do
    t = next_item (p);
  while (t.type == ITEM_SPACE);
  return t;
}

static Item
peek_non_space (Parser *p)
{
  Item t = next_non_space (p);

  backup (p);
  return t;
}

static char *
item_string (Parser *p,
             Item    t)
{
  switch (t.type)
    {
    case ITEM_EOF:
      return g_strdup ("EOF");
    case ITEM_ERROR:
      return g_strndup (t.val, t.len);
    default:
      break;
    }
  if (t.type >= ITEM_BLOCK && t.type != ITEM_DOT && t.type != ITEM_NIL)
    return g_strdup_printf ("<%.*s>", (int) t.len, t.val);
  if (t.len > 10)
    return g_strdup_printf ("\"%.10s\"...", t.val);
  (void) p;
  return g_strdup_printf ("\"%.*s\"", (int) t.len, t.val);
}

static void G_GNUC_NORETURN
unexpected (Parser     *p,
            Item        t,
            const char *context)
{
  char *item = item_string (p, t);
  char *s = byline_gotmpl_arena_strndup (p->arena, item, strlen (item));

  g_free (item);
  if (t.type == ITEM_ERROR)
    {
      if (p->action_line != 0 && p->action_line != t.line)
        {
          gboolean action = t.len >= 7 && memcmp (t.val + t.len - 7, " action", 7) == 0;

          parser_errorf (p, "%s%s started at %s:%u", s, action ? "" : " in action", p->name,
                         p->action_line);
        }
      parser_errorf (p, "%s", s);
    }
  parser_errorf (p, "unexpected %s in %s", s, context);
}

static Item
expect (Parser     *p,
        ItemType    type,
        const char *context)
{
  Item t = next_non_space (p);

  if (t.type != type)
    unexpected (p, t, context);
  return t;
}

static BylineGotmplNode *
new_node (Parser              *p,
          BylineGotmplNodeType type,
          guint32              pos)
{
  BylineGotmplNode *n = byline_gotmpl_arena_alloc (p->arena, sizeof (BylineGotmplNode));

  n->type = type;
  n->pos = pos;
  n->end = pos;
  return n;
}

static guint
stack_mark (Parser *p)
{
  return p->stack->len;
}

static gpointer *
stack_take (Parser *p,
            guint   mark,
            guint  *n)
{
  gpointer *items;

  *n = p->stack->len - mark;
  items = byline_gotmpl_arena_alloc (p->arena, MAX (*n, 1) * sizeof (gpointer));
  if (*n > 0)
    memcpy (items, p->stack->pdata + mark, *n * sizeof (gpointer));
  g_ptr_array_set_size (p->stack, mark);
  return items;
}

/* strconv.Unquote of a "…", `…` or '…' token. */
static gboolean
unquote (const char *s,
         gsize       len,
         GString    *out)
{
  char q;

  if (len < 2 || s[len - 1] != s[0])
    return FALSE;
  q = s[0];
  s++;
  len -= 2;
  if (q == '`')
    {
      for (gsize i = 0; i < len; i++)
        if (s[i] != '\r')
          g_string_append_c (out, s[i]);
      return TRUE;
    }

  for (gsize i = 0; i < len;)
    {
      guchar c = s[i];

      if (c == '\n' || (c == (guchar) q && q == '\''))
        return FALSE;
      if (c != '\\')
        {
          g_string_append_c (out, c);
          i++;
          continue;
        }
      if (++i >= len)
        return FALSE;
      c = s[i++];
      switch (c)
        {
        case 'a': g_string_append_c (out, '\a'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'v': g_string_append_c (out, '\v'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '\'':
        case '"':
          if (c != (guchar) q)
            return FALSE;
          g_string_append_c (out, c);
          break;
        case 'x':
        case 'u':
        case 'U':
          {
            int n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            gunichar v = 0;

            if (i + n > len)
              return FALSE;
            for (int k = 0; k < n; k++)
              {
                int d = g_ascii_xdigit_value (s[i + k]);

                if (d < 0)
                  return FALSE;
                v = v * 16 + d;
              }
            i += n;
            if (c == 'x')
              g_string_append_c (out, (char) v);
            else
              {
                if (v > 0x10ffff || (v >= 0xd800 && v < 0xe000))
                  return FALSE;
                g_string_append_unichar (out, v);
              }
          }
          break;
        default:
          if (c >= '0' && c <= '7')
            {
              int v = c - '0';

              if (i + 2 > len)
                return FALSE;
              for (int k = 0; k < 2; k++)
                {
                  if (s[i + k] < '0' || s[i + k] > '7')
                    return FALSE;
                  v = v * 8 + (s[i + k] - '0');
                }
              if (v > 255)
                return FALSE;
              i += 2;
              g_string_append_c (out, (char) v);
              break;
            }
          return FALSE;
        }
    }
  if (q == '\'' && g_utf8_strlen (out->str, out->len) != 1)
    return FALSE;
  return TRUE;
}

/* strconv.ParseInt (s, 0, 64) with underscores; FALSE on syntax or range. */
static gboolean
parse_go_int (const char *s,
              gsize       len,
              gint64     *value)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean neg = FALSE;
  guint base = 10;
  guint64 v = 0;
  gsize i = 0;

  if (i < len && (s[i] == '+' || s[i] == '-'))
    neg = s[i++] == '-';
  if (i + 1 < len && s[i] == '0')
    {
      char b = g_ascii_tolower (s[i + 1]);

      if (b == 'x')
        base = 16, i += 2;
      else if (b == 'o')
        base = 8, i += 2;
      else if (b == 'b')
        base = 2, i += 2;
      else
        base = 8, i += 1;
    }
  for (; i < len; i++)
    if (s[i] != '_')
      g_string_append_c (digits, s[i]);
  if (digits->len == 0)
    {
      if (base == 8 && len - (neg || s[0] == '+') == 1)
        {
          *value = 0;
          return TRUE;
        }
      return FALSE;
    }
  for (gsize k = 0; k < digits->len; k++)
    {
      int d = g_ascii_xdigit_value (digits->str[k]);

      if (d < 0 || (guint) d >= base)
        return FALSE;
      if (v > (G_MAXUINT64 - d) / base)
        return FALSE;
      v = v * base + d;
    }
  if ((!neg && v > G_MAXINT64) || (neg && v > (guint64) G_MAXINT64 + 1))
    return FALSE;
  *value = neg ? (gint64) (0 - v) : (gint64) v;
  return TRUE;
}

static BylineGotmplNode *
new_number (Parser *p,
            Item    t)
{
  BylineGotmplNode *n = new_node (p, BYLINE_GOTMPL_NODE_NUMBER, t.pos);
  char *text = byline_gotmpl_arena_strndup (p->arena, t.val, t.len);

  n->end = t.pos + t.len;
  if (t.type == ITEM_CHAR_CONSTANT)
    {
      GString *s = temp_string (p);

      if (!unquote (t.val, t.len, s))
        parser_errorf (p, "malformed character constant: %s", text);
      n->number.i = g_utf8_get_char (s->str);
      n->number.f = n->number.i;
      return n;
    }
  if (t.type == ITEM_COMPLEX)
    parser_errorf (p, "complex constants are not supported: %s", text);

  if (parse_go_int (t.val, t.len, &n->number.i))
    {
      n->number.f = (double) n->number.i;
      return n;
    }
  {
    GString *clean = temp_string (p);
    gboolean hex = t.len > 2 && t.val[t.val[0] == '+' || t.val[0] == '-'] == '0' &&
                   strpbrk (text, "xX") != NULL;
    char *end = NULL;

    for (gsize i = 0; i < t.len; i++)
      if (t.val[i] != '_')
        g_string_append_c (clean, t.val[i]);
    n->number.f = g_ascii_strtod (clean->str, &end);
    /* Go's ParseFloat wants a p exponent in hex floats. */
    if (end == NULL || *end != '\0' || (hex && strpbrk (text, "pP") == NULL))
      parser_errorf (p, "illegal number syntax: \"%s\"", text);
    if (strpbrk (text, ".eEpP") == NULL)
      parser_errorf (p, "integer overflow: \"%s\"", text);
    n->number.is_float = TRUE;
    /* 2^63 itself is out of int64's range: converting it is undefined. */
    n->number.i = n->number.f >= 0x1p63 ? G_MAXINT64
                : n->number.f < -0x1p63 ? G_MININT64
                : n->number.f == n->number.f ? (gint64) n->number.f : 0;
  }
  return n;
}

static BylineGotmplNode *pipeline (Parser *p, const char *context, ItemType end);

static void
enter (Parser *p)
{
  if (++p->depth > MAX_DEPTH)
    parser_errorf (p, "max expression depth exceeded");
}

static BylineGotmplNode *
new_variable (Parser     *p,
              guint32     pos,
              const char *text,
              gsize       len)
{
  BylineGotmplNode *n = new_node (p, BYLINE_GOTMPL_NODE_VARIABLE, pos);
  g_auto(GStrv) parts = NULL;
  g_autofree char *s = g_strndup (text, len);

  parts = g_strsplit (s, ".", -1);
  n->field.n = g_strv_length (parts);
  n->field.idents = byline_gotmpl_arena_alloc (p->arena, n->field.n * sizeof (char *));
  for (guint i = 0; i < n->field.n; i++)
    n->field.idents[i] = byline_gotmpl_arena_strndup (p->arena, parts[i], strlen (parts[i]));
  n->end = pos + len;
  return n;
}

static BylineGotmplNode *
new_field (Parser     *p,
           guint32     pos,
           const char *text,
           gsize       len)
{
  BylineGotmplNode *n = new_variable (p, pos, text + 1, len - 1);

  n->type = BYLINE_GOTMPL_NODE_FIELD;
  n->end = pos + len;
  return n;
}

static BylineGotmplNode *
use_var (Parser *p,
         Item    t)
{
  BylineGotmplNode *v = new_variable (p, t.pos, t.val, t.len);

  for (guint i = p->vars_base; i < p->vars->len; i++)
    if (strcmp (g_ptr_array_index (p->vars, i), v->field.idents[0]) == 0)
      return v;
  parser_errorf (p, "undefined variable \"%s\"", v->field.idents[0]);
}

static BylineGotmplNode *
term (Parser *p)
{
  Item t = next_non_space (p);
  BylineGotmplNode *n;

  switch (t.type)
    {
    case ITEM_IDENTIFIER:
      n = new_node (p, BYLINE_GOTMPL_NODE_IDENTIFIER, t.pos);
      n->ident.name = byline_gotmpl_arena_strndup (p->arena, t.val, t.len);
      n->end = t.pos + t.len;
      return n;
    case ITEM_DOT:
      n = new_node (p, BYLINE_GOTMPL_NODE_DOT, t.pos);
      n->end = t.pos + 1;
      return n;
    case ITEM_NIL:
      n = new_node (p, BYLINE_GOTMPL_NODE_NIL, t.pos);
      n->end = t.pos + 3;
      return n;
    case ITEM_VARIABLE:
      return use_var (p, t);
    case ITEM_FIELD:
      return new_field (p, t.pos, t.val, t.len);
    case ITEM_BOOL:
      n = new_node (p, BYLINE_GOTMPL_NODE_BOOL, t.pos);
      n->boolean = t.len == 4;
      n->end = t.pos + t.len;
      return n;
    case ITEM_CHAR_CONSTANT:
    case ITEM_COMPLEX:
    case ITEM_NUMBER:
      return new_number (p, t);
    case ITEM_LEFT_PAREN:
      enter (p);
      n = pipeline (p, "parenthesized pipeline", ITEM_RIGHT_PAREN);
      p->depth--;
      n->pos = t.pos;
      n->end = n->end + 1;
      return n;
    case ITEM_STRING:
    case ITEM_RAW_STRING:
      {
        GString *s = temp_string (p);

        if (!unquote (t.val, t.len, s))
          parser_errorf (p, "invalid syntax");
        n = new_node (p, BYLINE_GOTMPL_NODE_STRING, t.pos);
        n->string.text = byline_gotmpl_arena_strndup (p->arena, s->str, s->len);
        n->string.len = s->len;
        n->end = t.pos + t.len;
        return n;
      }
    default:
      backup (p);
      return NULL;
    }
}

static BylineGotmplNode *
operand (Parser *p)
{
  BylineGotmplNode *node = term (p);
  Item t;

  if (node == NULL)
    return NULL;
  t = peek_item (p);
  if (t.type == ITEM_FIELD)
    {
      guint mark = stack_mark (p);
      guint32 end = t.pos;
      guint n;
      const char **fields;

      while ((t = peek_item (p)).type == ITEM_FIELD)
        {
          next_item (p);
          g_ptr_array_add (p->stack, byline_gotmpl_arena_strndup (p->arena, t.val + 1, t.len - 1));
          end = t.pos + t.len;
        }
      fields = (const char **) stack_take (p, mark, &n);

      switch (node->type)
        {
        case BYLINE_GOTMPL_NODE_FIELD:
        case BYLINE_GOTMPL_NODE_VARIABLE:
          {
            const char **idents = byline_gotmpl_arena_alloc (p->arena, (node->field.n + n) * sizeof (char *));

            memcpy (idents, node->field.idents, node->field.n * sizeof (char *));
            memcpy (idents + node->field.n, fields, n * sizeof (char *));
            node->field.idents = idents;
            node->field.n += n;
            node->end = end;
          }
          break;
        case BYLINE_GOTMPL_NODE_BOOL:
        case BYLINE_GOTMPL_NODE_STRING:
        case BYLINE_GOTMPL_NODE_NUMBER:
        case BYLINE_GOTMPL_NODE_NIL:
        case BYLINE_GOTMPL_NODE_DOT:
          parser_errorf (p, "unexpected . after term \"%.*s\"", (int) (node->end - node->pos),
                         p->lex.input + node->pos);
        default:
          {
            BylineGotmplNode *chain = new_node (p, BYLINE_GOTMPL_NODE_CHAIN, node->pos);

            chain->chain.node = node;
            chain->chain.fields = fields;
            chain->chain.n = n;
            chain->end = end;
            node = chain;
          }
          break;
        }
    }
  return node;
}

static BylineGotmplNode *
command (Parser *p)
{
  BylineGotmplNode *cmd = new_node (p, BYLINE_GOTMPL_NODE_COMMAND, peek_non_space (p).pos);
  guint mark = stack_mark (p);

  for (;;)
    {
      BylineGotmplNode *op;
      Item t;

      peek_non_space (p);
      op = operand (p);
      if (op != NULL)
        {
          g_ptr_array_add (p->stack, op);
          cmd->end = op->end;
        }
      t = next_item (p);
      if (t.type == ITEM_SPACE)
        continue;
      if (t.type == ITEM_RIGHT_DELIM || t.type == ITEM_RIGHT_PAREN)
        backup (p);
      else if (t.type != ITEM_PIPE)
        unexpected (p, t, "operand");
      break;
    }
  cmd->cmd.args = (BylineGotmplNode **) stack_take (p, mark, &cmd->cmd.n);
  if (cmd->cmd.n == 0)
    parser_errorf (p, "empty command");
  return cmd;
}

static void
check_pipeline (Parser           *p,
                BylineGotmplNode *pipe,
                const char       *context)
{
  if (pipe->pipe.n_cmds == 0)
    parser_errorf (p, "missing value for %s", context);
  for (guint i = 1; i < pipe->pipe.n_cmds; i++)
    switch (pipe->pipe.cmds[i]->cmd.args[0]->type)
      {
      case BYLINE_GOTMPL_NODE_BOOL:
      case BYLINE_GOTMPL_NODE_DOT:
      case BYLINE_GOTMPL_NODE_NIL:
      case BYLINE_GOTMPL_NODE_NUMBER:
      case BYLINE_GOTMPL_NODE_STRING:
        parser_errorf (p, "non executable command in pipeline stage %u", i + 1);
      default:
        break;
      }
}

static BylineGotmplNode *
pipeline (Parser     *p,
          const char *context,
          ItemType    end)
{
  Item t = peek_non_space (p);
  BylineGotmplNode *pipe = new_node (p, BYLINE_GOTMPL_NODE_PIPE, t.pos);
  guint decl_mark = stack_mark (p);
  guint cmd_mark;
  BylineGotmplNode **decl;
  guint n_decl;

decls:
  t = peek_non_space (p);
  if (t.type == ITEM_VARIABLE)
    {
      Item v = next_item (p);
      Item after = peek_item (p);
      Item next = peek_non_space (p);

      if (next.type == ITEM_ASSIGN || next.type == ITEM_DECLARE)
        {
          pipe->pipe.is_assign = next.type == ITEM_ASSIGN;
          next_non_space (p);
          g_ptr_array_add (p->stack, new_variable (p, v.pos, v.val, v.len));
          g_ptr_array_add (p->vars, byline_gotmpl_arena_strndup (p->arena, v.val, v.len));
        }
      else if (next.type == ITEM_CHAR && next.len == 1 && next.val[0] == ',')
        {
          next_non_space (p);
          g_ptr_array_add (p->stack, new_variable (p, v.pos, v.val, v.len));
          g_ptr_array_add (p->vars, byline_gotmpl_arena_strndup (p->arena, v.val, v.len));
          if (strcmp (context, "range") == 0 && p->stack->len - decl_mark < 2)
            {
              Item k = peek_non_space (p);

              if (k.type == ITEM_VARIABLE || k.type == ITEM_RIGHT_DELIM ||
                  k.type == ITEM_RIGHT_PAREN)
                goto decls;
              parser_errorf (p, "range can only initialize variables");
            }
          parser_errorf (p, "too many declarations in %s", context);
        }
      else if (after.type == ITEM_SPACE)
        backup3 (p, v, after);
      else
        backup2 (p, v);
    }
  decl = (BylineGotmplNode **) stack_take (p, decl_mark, &n_decl);
  pipe->pipe.decl = decl;
  pipe->pipe.n_decl = n_decl;

  cmd_mark = stack_mark (p);
  for (;;)
    {
      t = next_non_space (p);
      if (t.type == end)
        {
          pipe->pipe.cmds = (BylineGotmplNode **) stack_take (p, cmd_mark, &pipe->pipe.n_cmds);
          pipe->end = t.pos;
          check_pipeline (p, pipe, context);
          return pipe;
        }
      switch (t.type)
        {
        case ITEM_BOOL:
        case ITEM_CHAR_CONSTANT:
        case ITEM_COMPLEX:
        case ITEM_DOT:
        case ITEM_FIELD:
        case ITEM_IDENTIFIER:
        case ITEM_NUMBER:
        case ITEM_NIL:
        case ITEM_RAW_STRING:
        case ITEM_STRING:
        case ITEM_VARIABLE:
        case ITEM_LEFT_PAREN:
          backup (p);
          g_ptr_array_add (p->stack, command (p));
          break;
        default:
          unexpected (p, t, context);
        }
    }
}

static char *
parse_template_name (Parser     *p,
                     Item        t,
                     const char *context)
{
  GString *s = temp_string (p);

  if (t.type != ITEM_STRING && t.type != ITEM_RAW_STRING)
    unexpected (p, t, context);
  if (!unquote (t.val, t.len, s))
    parser_errorf (p, "invalid syntax");
  return byline_gotmpl_arena_strndup (p->arena, s->str, s->len);
}

/* Go's IsEmptyTree: nothing but comments and white space. */
static gboolean
list_is_empty (const BylineGotmplNode *list)
{
  for (guint i = 0; i < list->list.n; i++)
    {
      const BylineGotmplNode *n = list->list.nodes[i];

      if (n->type != BYLINE_GOTMPL_NODE_COMMENT &&
          (n->type != BYLINE_GOTMPL_NODE_TEXT ||
           byline_gotmpl_left_trim_length (n->text.text, n->text.len) != n->text.len))
        return FALSE;
    }
  return TRUE;
}

static void
add_define (Parser           *p,
            const char       *name,
            BylineGotmplNode *list)
{
  BylineGotmplNode *old = g_hash_table_lookup (p->parsed->defines, name);

  /* Go's Tree.add: a redefinition is an error unless one side is empty. */
  if (old != NULL)
    {
      gboolean old_empty = list_is_empty (old);
      gboolean new_empty = list_is_empty (list);
      if (!old_empty && !new_empty)
        parser_errorf (p, "template: multiple definition of template \"%s\"", name);
      if (new_empty)
        return;
    }
  g_hash_table_insert (p->parsed->defines, (gpointer) name, list);
}

/* Markers item_list returns for {{end}} and {{else}}. */
static BylineGotmplNode end_marker = { .type = BYLINE_GOTMPL_NODE_LIST };
static BylineGotmplNode else_marker = { .type = BYLINE_GOTMPL_NODE_BREAK };

static BylineGotmplNode *item_list (Parser *p, BylineGotmplNode **next);

/* A nested tree (define, block) starts with its own variables, as Go's
 * startParse does for a new Tree. */
static BylineGotmplNode *
parse_nested_list (Parser     *p,
                   const char *context)
{
  guint saved_base = p->vars_base;
  guint saved_len = p->vars->len;
  int saved_range = p->range_depth;
  BylineGotmplNode *list, *end;

  p->vars_base = p->vars->len;
  g_ptr_array_add (p->vars, (gpointer) "$");
  p->range_depth = 0;
  list = item_list (p, &end);
  if (end != &end_marker)
    parser_errorf (p, "unexpected {{else}} in %s", context);
  g_ptr_array_set_size (p->vars, saved_len);
  p->vars_base = saved_base;
  p->range_depth = saved_range;
  return list;
}

static BylineGotmplNode *text_or_action (Parser *p);

static BylineGotmplNode *
item_list (Parser            *p,
           BylineGotmplNode **next)
{
  BylineGotmplNode *list = new_node (p, BYLINE_GOTMPL_NODE_LIST, peek_non_space (p).pos);
  guint mark = stack_mark (p);

  while (peek_non_space (p).type != ITEM_EOF)
    {
      BylineGotmplNode *n = text_or_action (p);

      if (n == &end_marker || n == &else_marker)
        {
          list->list.nodes = (BylineGotmplNode **) stack_take (p, mark, &list->list.n);
          *next = n;
          return list;
        }
      g_ptr_array_add (p->stack, n);
    }
  parser_errorf (p, "unexpected EOF");
}

static BylineGotmplNode *
parse_control (Parser              *p,
               BylineGotmplNodeType type,
               const char          *context,
               guint32              pos)
{
  BylineGotmplNode *n = new_node (p, type, pos);
  guint n_vars = p->vars->len;
  BylineGotmplNode *next;

  enter (p);
  n->branch.pipe = pipeline (p, context, ITEM_RIGHT_DELIM);
  if (type == BYLINE_GOTMPL_NODE_RANGE)
    p->range_depth++;
  n->branch.list = item_list (p, &next);
  if (type == BYLINE_GOTMPL_NODE_RANGE)
    p->range_depth--;
  if (next == &else_marker)
    {
      Item t = peek_item (p);

      if (type == BYLINE_GOTMPL_NODE_IF && t.type == ITEM_IF)
        {
          BylineGotmplNode *list = new_node (p, BYLINE_GOTMPL_NODE_LIST, t.pos);

          next_item (p);
          list->list.nodes = byline_gotmpl_arena_alloc (p->arena, sizeof (gpointer));
          list->list.nodes[0] = parse_control (p, BYLINE_GOTMPL_NODE_IF, "if", t.pos);
          list->list.n = 1;
          n->branch.else_list = list;
        }
      else if (type == BYLINE_GOTMPL_NODE_WITH && t.type == ITEM_WITH)
        {
          BylineGotmplNode *list = new_node (p, BYLINE_GOTMPL_NODE_LIST, t.pos);

          next_item (p);
          list->list.nodes = byline_gotmpl_arena_alloc (p->arena, sizeof (gpointer));
          list->list.nodes[0] = parse_control (p, BYLINE_GOTMPL_NODE_WITH, "with", t.pos);
          list->list.n = 1;
          n->branch.else_list = list;
        }
      else
        {
          n->branch.else_list = item_list (p, &next);
          if (next != &end_marker)
            parser_errorf (p, "expected end; found {{else}}");
        }
    }
  g_ptr_array_set_size (p->vars, n_vars);
  p->depth--;
  return n;
}

static BylineGotmplNode *
action (Parser *p)
{
  Item t = next_non_space (p);
  BylineGotmplNode *n;

  switch (t.type)
    {
    case ITEM_BLOCK:
      {
        Item name_token = next_non_space (p);
        const char *name = parse_template_name (p, name_token, "block clause");
        BylineGotmplNode *pipe = pipeline (p, "block clause", ITEM_RIGHT_DELIM);
        BylineGotmplNode *list;

        enter (p);
        list = parse_nested_list (p, "block clause");
        p->depth--;
        add_define (p, name, list);
        n = new_node (p, BYLINE_GOTMPL_NODE_TEMPLATE, name_token.pos);
        n->tmpl.name = name;
        n->tmpl.pipe = pipe;
        return n;
      }
    case ITEM_BREAK:
    case ITEM_CONTINUE:
      {
        Item close = next_non_space (p);
        gboolean is_break = t.type == ITEM_BREAK;

        if (close.type != ITEM_RIGHT_DELIM)
          unexpected (p, close, is_break ? "{{break}}" : "{{continue}}");
        if (p->range_depth == 0)
          parser_errorf (p, is_break ? "{{break}} outside {{range}}"
                                     : "{{continue}} outside {{range}}");
        n = new_node (p, is_break ? BYLINE_GOTMPL_NODE_BREAK : BYLINE_GOTMPL_NODE_CONTINUE,
                      t.pos);
        n->end = t.pos + t.len;
        return n;
      }
    case ITEM_ELSE:
      {
        Item peek = peek_non_space (p);

        if (peek.type != ITEM_IF && peek.type != ITEM_WITH)
          expect (p, ITEM_RIGHT_DELIM, "else");
        return &else_marker;
      }
    case ITEM_END:
      expect (p, ITEM_RIGHT_DELIM, "end");
      return &end_marker;
    case ITEM_IF:
      return parse_control (p, BYLINE_GOTMPL_NODE_IF, "if", t.pos);
    case ITEM_RANGE:
      return parse_control (p, BYLINE_GOTMPL_NODE_RANGE, "range", t.pos);
    case ITEM_WITH:
      return parse_control (p, BYLINE_GOTMPL_NODE_WITH, "with", t.pos);
    case ITEM_TEMPLATE:
      {
        Item name_token = next_non_space (p);
        const char *name = parse_template_name (p, name_token, "template clause");
        BylineGotmplNode *pipe = NULL;

        if (next_non_space (p).type != ITEM_RIGHT_DELIM)
          {
            backup (p);
            pipe = pipeline (p, "template clause", ITEM_RIGHT_DELIM);
          }
        n = new_node (p, BYLINE_GOTMPL_NODE_TEMPLATE, t.pos);
        n->tmpl.name = name;
        n->tmpl.pipe = pipe;
        n->end = p->token[0].pos;
        return n;
      }
    default:
      break;
    }
  backup (p);
  t = peek_item (p);
  n = new_node (p, BYLINE_GOTMPL_NODE_ACTION, t.pos);
  n->action.pipe = pipeline (p, "command", ITEM_RIGHT_DELIM);
  n->end = n->action.pipe->end;
  return n;
}

static BylineGotmplNode *
text_or_action (Parser *p)
{
  Item t = next_non_space (p);
  BylineGotmplNode *n;

  switch (t.type)
    {
    case ITEM_TEXT:
      n = new_node (p, BYLINE_GOTMPL_NODE_TEXT, t.pos);
      n->text.text = byline_gotmpl_arena_strndup (p->arena, t.val, t.len);
      n->text.len = t.len;
      n->end = t.pos + t.len;
      return n;
    case ITEM_LEFT_DELIM:
      {
        guint saved = p->action_line;

        p->action_line = t.line;
        n = action (p);
        p->action_line = saved;
        return n;
      }
    default:
      unexpected (p, t, "input");
    }
}

static void
parse_definition (Parser *p)
{
  Item t = next_non_space (p);
  const char *name;
  BylineGotmplNode *list;

  if (t.type != ITEM_STRING && t.type != ITEM_RAW_STRING)
    unexpected (p, t, "define clause");
  name = parse_template_name (p, t, "define clause");
  expect (p, ITEM_RIGHT_DELIM, "define clause");
  enter (p);
  list = parse_nested_list (p, "define clause");
  p->depth--;
  add_define (p, name, list);
}

static void
parse_root (Parser *p)
{
  BylineGotmplNode *root = new_node (p, BYLINE_GOTMPL_NODE_LIST, 0);
  guint mark = stack_mark (p);

  while (peek_item (p).type != ITEM_EOF)
    {
      BylineGotmplNode *n;

      if (peek_item (p).type == ITEM_LEFT_DELIM)
        {
          Item delim = next_item (p);

          if (next_non_space (p).type == ITEM_DEFINE)
            {
              parse_definition (p);
              continue;
            }
          backup2 (p, delim);
        }
      n = text_or_action (p);
      if (n == &end_marker)
        parser_errorf (p, "unexpected {{end}}");
      if (n == &else_marker)
        parser_errorf (p, "unexpected {{else}}");
      g_ptr_array_add (p->stack, n);
    }
  root->list.nodes = (BylineGotmplNode **) stack_take (p, mark, &root->list.n);
  root->end = p->parsed->length;
  p->parsed->root = root;
}

/* Apart, so that no local of the caller lives across setjmp. */
static void
run_parser (Parser *p)
{
  if (setjmp (p->fail) == 0)
    parse_root (p);
}

BylineGotmplParsed *
byline_gotmpl_parse (const char  *name,
                     const char  *source,
                     gsize        length,
                     guint       *line,
                     GError     **error)
{
  g_autoptr(BylineGotmplParsed) parsed = g_new0 (BylineGotmplParsed, 1);
  Parser p = { 0 };

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (source != NULL || length == 0, NULL);

  parsed->name = g_strdup (name);
  parsed->source = g_strndup (source != NULL ? source : "", length);
  parsed->length = length;
  parsed->defines = g_hash_table_new (g_str_hash, g_str_equal);
  parsed->arena = g_new0 (Arena, 1);

  p.arena = parsed->arena;
  p.parsed = parsed;
  p.name = parsed->name;
  p.lex.input = parsed->source;
  p.lex.length = length;
  p.lex.line = p.lex.start_line = 1;
  p.lex.arena = p.arena;
  p.vars = g_ptr_array_new ();
  g_ptr_array_add (p.vars, (gpointer) "$");
  p.stack = g_ptr_array_new ();
  p.temps = g_ptr_array_new_with_free_func (temp_string_free);

  run_parser (&p);

  g_ptr_array_unref (p.vars);
  g_ptr_array_unref (p.stack);
  g_ptr_array_unref (p.temps);

  if (p.error != NULL)
    {
      if (line != NULL)
        *line = p.error_line;
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, p.error);
      g_free (p.error);
      return NULL;
    }
  return g_steal_pointer (&parsed);
}

void
byline_gotmpl_parsed_free (BylineGotmplParsed *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->source);
  g_clear_pointer (&self->defines, g_hash_table_unref);
  if (self->arena != NULL)
    byline_gotmpl_arena_free (self->arena);
  g_free (self);
}

void
byline_gotmpl_parsed_locate (const BylineGotmplParsed *self,
                             guint32                   pos,
                             guint                    *line,
                             guint                    *column)
{
  guint l = 1;
  gsize line_start = 0;

  pos = MIN (pos, self->length);
  for (gsize i = 0; i < pos; i++)
    if (self->source[i] == '\n')
      {
        l++;
        line_start = i + 1;
      }
  if (line != NULL)
    *line = l;
  if (column != NULL)
    *column = pos - line_start;
}
