/* byline-template.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A template is compiled once into a flat list of operations: text runs,
 * values, and sections that know where they end. Expanding walks that list
 * with jumps, so it neither re-parses nor recurses, however deep the
 * sections nest. "{{<" and "{{%" are Hugo shortcode calls and stay text.
 */

#define G_LOG_DOMAIN "byline-template"

#include "config.h"

#include "byline-template.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "byline-text.h"

typedef enum
{
  OP_TEXT,
  OP_VALUE,
  OP_SECTION,
  OP_INVERTED,
} OpKind;

/* One alternative of a {{a|b|"lit"}} tag. */
typedef struct
{
  char     *text;
  gboolean  is_literal;
} Alternative;

typedef struct
{
  OpKind kind;
  /* OP_VALUE: insert as is instead of escaped. */
  gboolean raw;
  /* OP_TEXT: a run of the source. */
  gsize offset;
  gsize length;
  /* OP_VALUE and sections: alternatives[first_alt, first_alt + n_alts). */
  guint first_alt;
  guint n_alts;
  /* Sections: the operation after the section's end. */
  guint jump;
  /* Sections while compiling: where the opening tag starts, for errors. */
  gsize tag_offset;
} Op;

struct _BylineTemplate
{
  char   *source;
  GArray *ops;           /* of Op */
  GArray *alternatives;  /* of Alternative */
};

G_DEFINE_QUARK (byline-template-error-quark, byline_template_error)

static void
alternative_clear (gpointer data)
{
  Alternative *alt = data;

  g_free (alt->text);
}

/* Sets a syntax error naming the 1-based line and character column of
 * @offset in the source. */
G_GNUC_PRINTF (4, 5)
static void
set_error (GError     **error,
           const char  *source,
           gsize        offset,
           const char  *format,
           ...)
{
  g_autofree char *what = NULL;
  guint line = 1;
  guint column = 1;
  const char *p;
  va_list args;

  for (p = source; p < source + offset; p = g_utf8_next_char (p))
    {
      if (*p == '\n')
        {
          line++;
          column = 1;
        }
      else
        column++;
    }

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: the first two values are a line and a column in a template. */
  g_set_error (error, BYLINE_TEMPLATE_ERROR, BYLINE_TEMPLATE_ERROR_SYNTAX,
               _("Line %u, column %u: %s"), line, column, what);
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-' || c == '.';
}

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Parses "a | b | \"lit\"" in [start, end) of the source into alternatives.
 * Literals are refused when @allow_literals is FALSE (section names). */
static gboolean
parse_alternatives (BylineTemplate  *self,
                    gsize            start,
                    gsize            end,
                    gboolean         allow_literals,
                    Op              *op,
                    GError         **error)
{
  const char *s = self->source;
  gsize p = start;

  op->first_alt = self->alternatives->len;
  op->n_alts = 0;

  for (;;)
    {
      Alternative alt = { NULL, FALSE };

      while (p < end && is_blank (s[p]))
        p++;

      if (p < end && s[p] == '"')
        {
          GString *text;
          gsize open = p;

          if (!allow_literals)
            {
              set_error (error, s, p,
                         _("a section needs a name, not a quoted text"));
              return FALSE;
            }

          text = g_string_new (NULL);
          for (p++; p < end && s[p] != '"'; p++)
            {
              if (s[p] == '\\' && p + 1 < end && (s[p + 1] == '"' || s[p + 1] == '\\'))
                p++;
              g_string_append_c (text, s[p]);
            }
          if (p >= end)
            {
              g_string_free (text, TRUE);
              set_error (error, s, open,
                         _("the quoted text is not closed; end it with \""));
              return FALSE;
            }
          p++;
          alt.text = g_string_free (text, FALSE);
          alt.is_literal = TRUE;
        }
      else
        {
          gsize name_start = p;

          while (p < end && is_name_char (s[p]))
            p++;
          if (p == name_start)
            {
              /* Quote the whole character: the source is UTF-8. */
              if (p < end && s[p] != '|')
                set_error (error, s, p,
                           _("“%.*s” cannot be part of a name; names use letters, digits, "
                             "“_”, “-” and “.”"),
                           (int) (g_utf8_next_char (s + p) - (s + p)), s + p);
              else
                set_error (error, s, p, _("a name is missing here"));
              return FALSE;
            }
          alt.text = g_strndup (s + name_start, p - name_start);
        }

      g_array_append_val (self->alternatives, alt);
      op->n_alts++;

      while (p < end && is_blank (s[p]))
        p++;
      if (p == end)
        return TRUE;
      if (s[p] != '|')
        {
          set_error (error, s, p,
                     _("expected “|” or the end of the tag; separate alternatives with “|”"));
          return FALSE;
        }
      p++;
    }
}

/* The first run of @count times @c in [from, end), or NULL. A plain loop
 * rather than strstr(), whose sanitizer interceptors measure the whole
 * remaining string on every call and turn a long template quadratic. */
static const char *
find_run (const char *from,
          const char *end,
          char        c,
          guint       count)
{
  const char *p;
  guint seen = 0;

  for (p = from; p < end; p++)
    {
      if (*p != c)
        seen = 0;
      else if (++seen == count)
        return p - count + 1;
    }

  return NULL;
}

static void
append_text (BylineTemplate *self,
             gsize           offset,
             gsize           length)
{
  Op op = { 0 };

  if (length == 0)
    return;
  op.kind = OP_TEXT;
  op.offset = offset;
  op.length = length;
  g_array_append_val (self->ops, op);
}

static gboolean
compile (BylineTemplate  *self,
         GError         **error)
{
  const char *s = self->source;
  gsize len = strlen (s);
  gsize pos = 0;
  /* Indexes of the open sections' operations, innermost last. */
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));

  while (pos < len)
    {
      const char *tag = find_run (s + pos, s + len, '{', 2);
      const char *closer;
      const char *next_open;
      gsize tag_offset, content, content_end, close_len;
      gboolean raw = FALSE;
      char sigil = 0;
      Op op = { 0 };

      if (tag == NULL)
        {
          append_text (self, pos, len - pos);
          break;
        }

      tag_offset = tag - s;
      append_text (self, pos, tag_offset - pos);

      content = tag_offset + 2;

      /* "{{<" and "{{%" open Hugo shortcodes, never tags: templates of new
       * posts contain them as text. */
      if (s[content] == '<' || s[content] == '%')
        {
          append_text (self, tag_offset, 2);
          pos = content;
          continue;
        }

      if (s[content] == '{')
        {
          raw = TRUE;
          content++;
        }
      else if (s[content] == '#' || s[content] == '^' || s[content] == '/')
        {
          sigil = s[content];
          content++;
        }

      closer = find_run (s + content, s + len, '}', raw ? 3 : 2);
      /* Look for a nested "{{" only up to the closer, to stay linear. */
      next_open = closer != NULL ? find_run (s + content, closer, '{', 2) : NULL;
      if (closer == NULL || next_open != NULL)
        {
          set_error (error, s, tag_offset,
                     raw ? _("the tag is not closed; end it with “}}}”")
                         : _("the tag is not closed; end it with “}}”"));
          return FALSE;
        }
      close_len = raw ? 3 : 2;
      content_end = closer - s;

      op.tag_offset = tag_offset;

      if (sigil == '/')
        {
          g_autoptr(GString) name = g_string_new (NULL);
          g_autoptr(GString) opened = g_string_new (NULL);
          const Op *section;
          gsize k;
          guint i;

          /* Blanks do not matter: {{/ a|b }} closes {{#a | b}}. */
          for (k = content; k < content_end; k++)
            if (!is_blank (s[k]))
              g_string_append_c (name, s[k]);

          if (open->len == 0)
            {
              set_error (error, s, tag_offset,
                         _("“{{/%s}}” closes no section; remove it or open the section "
                           "with “{{#%s}}”"), name->str, name->str);
              return FALSE;
            }

          i = g_array_index (open, guint, open->len - 1);
          section = &g_array_index (self->ops, Op, i);
          for (k = 0; k < section->n_alts; k++)
            {
              const Alternative *alt = &g_array_index (self->alternatives, Alternative,
                                                       section->first_alt + k);
              if (k > 0)
                g_string_append_c (opened, '|');
              g_string_append (opened, alt->text);
            }
          if (!g_string_equal (name, opened))
            {
              set_error (error, s, tag_offset,
                         _("“{{/%s}}” does not match the open section “%s”; "
                           "close that one first with “{{/%s}}”"),
                         name->str, opened->str, opened->str);
              return FALSE;
            }

          g_array_index (self->ops, Op, i).jump = self->ops->len;
          g_array_set_size (open, open->len - 1);
        }
      else
        {
          op.kind = sigil == '#' ? OP_SECTION : sigil == '^' ? OP_INVERTED : OP_VALUE;
          op.raw = raw;
          if (!parse_alternatives (self, content, content_end, sigil == 0, &op, error))
            return FALSE;
          if (sigil != 0)
            {
              guint index = self->ops->len;

              g_array_append_val (open, index);
            }
          g_array_append_val (self->ops, op);
        }

      pos = content_end + close_len;
    }

  if (open->len > 0)
    {
      const Op *section = &g_array_index (self->ops, Op,
                                          g_array_index (open, guint, open->len - 1));
      const Alternative *first = &g_array_index (self->alternatives, Alternative,
                                                 section->first_alt);

      set_error (error, s, section->tag_offset,
                 _("the section “%s” is not closed; end it with “{{/%s}}”"),
                 first->text, first->text);
      return FALSE;
    }

  return TRUE;
}

/**
 * byline_template_new:
 *
 * Compiles @source. Returns NULL and sets a %BYLINE_TEMPLATE_ERROR_SYNTAX
 * error naming the line and column of the problem when it is not a valid
 * template.
 */
BylineTemplate *
byline_template_new (const char  *source,
                     GError     **error)
{
  g_autoptr(BylineTemplate) self = NULL;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (BylineTemplate, 1);
  self->source = g_strdup (source);
  self->ops = g_array_new (FALSE, TRUE, sizeof (Op));
  self->alternatives = g_array_new (FALSE, TRUE, sizeof (Alternative));
  g_array_set_clear_func (self->alternatives, alternative_clear);

  if (!g_utf8_validate (source, -1, NULL))
    {
      g_set_error (error, BYLINE_TEMPLATE_ERROR, BYLINE_TEMPLATE_ERROR_SYNTAX,
                   _("The template is not valid UTF-8 text"));
      return NULL;
    }

  if (!compile (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
byline_template_free (BylineTemplate *self)
{
  if (self == NULL)
    return;
  g_free (self->source);
  g_clear_pointer (&self->ops, g_array_unref);
  g_clear_pointer (&self->alternatives, g_array_unref);
  g_free (self);
}

const char *
byline_template_get_source (const BylineTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->source;
}

/* The first alternative with a non-empty value, or NULL. */
static const char *
resolve (const BylineTemplate *self,
         const Op             *op,
         BylineTemplateLookup  lookup,
         gpointer              user_data)
{
  guint i;

  for (i = 0; i < op->n_alts; i++)
    {
      const Alternative *alt = &g_array_index (self->alternatives, Alternative,
                                               op->first_alt + i);
      const char *value = alt->is_literal ? alt->text : lookup (alt->text, user_data);

      if (value != NULL && value[0] != '\0')
        return value;
    }

  return NULL;
}

/**
 * byline_template_expand:
 * @lookup: gives the value of a name, or NULL
 *
 * Appends the template with its names filled in to @out: {{name}} values
 * HTML-escaped, {{{name}}} values as they are.
 */
void
byline_template_expand (const BylineTemplate *self,
                        GString              *out,
                        BylineTemplateLookup  lookup,
                        gpointer              user_data)
{
  const Op *ops;
  guint n_ops;
  guint i = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);
  g_return_if_fail (lookup != NULL);

  ops = (const Op *) (gpointer) self->ops->data;
  n_ops = self->ops->len;

  while (i < n_ops)
    {
      const Op *op = &ops[i];
      const char *value;

      switch (op->kind)
        {
        case OP_TEXT:
          g_string_append_len (out, self->source + op->offset, op->length);
          i++;
          break;

        case OP_VALUE:
          value = resolve (self, op, lookup, user_data);
          if (value != NULL)
            {
              if (op->raw)
                g_string_append (out, value);
              else
                byline_html_escape_append (out, value, -1);
            }
          i++;
          break;

        case OP_SECTION:
        case OP_INVERTED:
          value = resolve (self, op, lookup, user_data);
          if ((value != NULL) == (op->kind == OP_SECTION))
            i++;
          else
            i = op->jump;
          break;

        default:
          g_assert_not_reached ();
        }
    }
}
