/* byline-gotmpl-funcs-fmt.c — print, printf, println, errorf, warnf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo's fmt namespace (tpl/fmt/fmt.go) over a port of Go's fmt verbs for
 * the values templates hold: %v %s %q %d %x %X %o %b %c %U %e %E %f %F %g %G
 * %t %T %%, flags + - # 0 and space, width and precision (also *), and
 * fmt's error forms (%!d(string=x), %!v(MISSING), %!(EXTRA …)).
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-funcs.h"

#include <math.h>

#include "byline-gotmpl-objects-private.h"
#include <string.h>

typedef struct
{
  gboolean plus;
  gboolean minus;
  gboolean sharp;
  gboolean space;
  gboolean zero;
  gboolean has_width;
  gboolean has_prec;
  int      width;
  int      prec;
} Spec;

/* Pads @s to the width (runes, as fmt counts them). */
static void
pad (GString    *out,
     const Spec *spec,
     const char *s,
     gsize       len,
     gboolean    zero_ok)
{
  glong runes = g_utf8_strlen (s, len);
  int n = spec->has_width ? spec->width - (int) runes : 0;

  if (n <= 0)
    {
      g_string_append_len (out, s, len);
      return;
    }
  if (spec->minus)
    {
      g_string_append_len (out, s, len);
      for (int i = 0; i < n; i++)
        g_string_append_c (out, ' ');
      return;
    }
  if (spec->zero && zero_ok)
    {
      /* Zeros go after a sign. */
      gsize sign = len > 0 && (s[0] == '-' || s[0] == '+' || s[0] == ' ') ? 1 : 0;

      g_string_append_len (out, s, sign);
      for (int i = 0; i < n; i++)
        g_string_append_c (out, '0');
      g_string_append_len (out, s + sign, len - sign);
      return;
    }
  for (int i = 0; i < n; i++)
    g_string_append_c (out, ' ');
  g_string_append_len (out, s, len);
}

static void
bad_verb (GString                 *out,
          char                     verb,
          const BylineGotmplValue *arg)
{
  g_string_append_printf (out, "%%!%c(", verb);
  if (arg->kind == BYLINE_GOTMPL_NIL)
    g_string_append (out, "<nil>");
  else
    {
      g_string_append (out, byline_gotmpl_value_type_name (arg));
      g_string_append_c (out, '=');
      byline_gotmpl_value_print (arg, out);
    }
  g_string_append_c (out, ')');
}

static void
fmt_integer (GString    *out,
             const Spec *spec,
             gint64      v,
             char        verb)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GString) digits = g_string_new (NULL);
  guint64 u = v < 0 ? (guint64) 0 - (guint64) v : (guint64) v;
  const char *prefix = "";

  switch (verb)
    {
    case 'b':
      if (u == 0)
        g_string_append_c (digits, '0');
      for (; u > 0; u /= 2)
        g_string_prepend_c (digits, '0' + (u & 1));
      if (spec->sharp)
        prefix = "0b";
      break;
    case 'o':
    case 'O':
      g_string_append_printf (digits, "%" G_GINT64_MODIFIER "o", u);
      if (verb == 'O')
        prefix = "0o";
      else if (spec->sharp)
        prefix = "0";
      break;
    case 'x':
      g_string_append_printf (digits, "%" G_GINT64_MODIFIER "x", u);
      if (spec->sharp)
        prefix = "0x";
      break;
    case 'X':
      g_string_append_printf (digits, "%" G_GINT64_MODIFIER "X", u);
      if (spec->sharp)
        prefix = "0X";
      break;
    default:
      g_string_append_printf (digits, "%" G_GINT64_MODIFIER "u", u);
      break;
    }
  if (spec->has_prec && (int) digits->len < spec->prec)
    {
      /* At once: a precision of up to a million digits is allowed. */
      gsize zeros = (gsize) spec->prec - digits->len;
      g_autofree char *fill = g_malloc (zeros);

      memset (fill, '0', zeros);
      g_string_prepend_len (digits, fill, (gssize) zeros);
    }
  if (spec->has_prec)
    {
      /* %.0d of zero prints nothing. */
      if (spec->prec == 0 && v == 0)
        g_string_truncate (digits, 0);
    }
  if (v < 0)
    g_string_append_c (s, '-');
  else if (spec->plus)
    g_string_append_c (s, '+');
  else if (spec->space)
    g_string_append_c (s, ' ');
  g_string_append (s, prefix);
  g_string_append_len (s, digits->str, digits->len);
  pad (out, spec, s->str, s->len, !spec->has_prec);
}

static void
fmt_float (GString    *out,
           const Spec *spec,
           double      f,
           char        verb)
{
  g_autoptr(GString) s = g_string_new (NULL);
  int prec = spec->has_prec ? spec->prec : -1;
  char fmt = verb;

  if (verb == 'v')
    fmt = 'g';
  else if (verb == 'F')
    fmt = 'f';
  if ((fmt == 'e' || fmt == 'E' || fmt == 'f') && prec < 0)
    prec = 6;

  byline_gotmpl_format_float (s, f, fmt, prec);
  if (s->str[0] != '-' && s->str[0] != '+')
    {
      if (spec->plus)
        g_string_prepend_c (s, '+');
      else if (spec->space)
        g_string_prepend_c (s, ' ');
    }
  else if (s->str[0] == '+' && !spec->plus)
    /* +Inf prints as +Inf only with the plus flag. */
    g_string_erase (s, 0, 1);
  pad (out, spec, s->str, s->len, isfinite (f));
}

static void
fmt_string (GString    *out,
            const Spec *spec,
            const char *str,
            gsize       len,
            char        verb)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (spec->has_prec)
    {
      /* Precision limits the runes of the input. */
      const char *end = str;

      for (int i = 0; i < spec->prec && end < str + len; i++)
        end = g_utf8_find_next_char (end, str + len) != NULL ? g_utf8_find_next_char (end, str + len)
                                                             : str + len;
      len = end - str;
    }
  switch (verb)
    {
    case 'q':
      if (spec->sharp && memchr (str, '`', len) == NULL &&
          g_utf8_validate (str, len, NULL))
        {
          g_string_append_c (s, '`');
          g_string_append_len (s, str, len);
          g_string_append_c (s, '`');
        }
      else
        byline_gotmpl_quote (s, str, len, -1);
      break;
    case 'x':
    case 'X':
      for (gsize i = 0; i < len; i++)
        {
          if (i > 0 && spec->space)
            g_string_append_c (s, ' ');
          if (spec->sharp && (i == 0 || spec->space))
            g_string_append (s, verb == 'x' ? "0x" : "0X");
          g_string_append_printf (s, verb == 'x' ? "%02x" : "%02X", (guchar) str[i]);
        }
      break;
    default:
      g_string_append_len (s, str, len);
      break;
    }
  pad (out, spec, s->str, s->len, TRUE);
}

static void fmt_value (GString *out, const Spec *spec, const BylineGotmplValue *arg, char verb);

static void
fmt_value (GString                 *out,
           const Spec              *spec,
           const BylineGotmplValue *arg,
           char                     verb)
{
  switch ((BylineGotmplKind) arg->kind)
    {
    case BYLINE_GOTMPL_NIL:
      if (verb == 'v')
        pad (out, spec, "<nil>", 5, FALSE);
      else
        bad_verb (out, verb, arg);
      return;
    case BYLINE_GOTMPL_BOOL:
      if (verb == 'v' || verb == 't')
        pad (out, spec, arg->b ? "true" : "false", arg->b ? 4 : 5, FALSE);
      else
        bad_verb (out, verb, arg);
      return;
    case BYLINE_GOTMPL_INT:
      switch (verb)
        {
        case 'v':
        case 'd':
        case 'b':
        case 'o':
        case 'O':
        case 'x':
        case 'X':
          fmt_integer (out, spec, arg->i, verb == 'v' ? 'd' : verb);
          return;
        case 'c':
        case 'q':
        case 'U':
          {
            gunichar c = arg->i < 0 || arg->i > 0x10ffff ? 0xfffd : (gunichar) arg->i;
            g_autoptr(GString) s = g_string_new (NULL);
            char utf8[8] = { 0 };

            g_unichar_to_utf8 (c, utf8);
            if (verb == 'c')
              g_string_append (s, utf8);
            else if (verb == 'U')
              {
                g_string_append_printf (s, "U+%04" G_GINT64_MODIFIER "X", arg->i);
                if (spec->sharp)
                  g_string_append_printf (s, " '%s'", utf8);
              }
            else
              {
                g_autoptr(GString) q = g_string_new (NULL);

                byline_gotmpl_quote (q, utf8, strlen (utf8), -1);
                g_string_append_c (s, '\'');
                g_string_append_len (s, q->str + 1, q->len - 2);
                g_string_append_c (s, '\'');
              }
            pad (out, spec, s->str, s->len, FALSE);
            return;
          }
        default:
          bad_verb (out, verb, arg);
          return;
        }
    case BYLINE_GOTMPL_FLOAT:
      switch (verb)
        {
        case 'v':
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
          fmt_float (out, spec, arg->f, verb);
          return;
        default:
          bad_verb (out, verb, arg);
          return;
        }
    case BYLINE_GOTMPL_STRING:
      switch (verb)
        {
        case 'v':
        case 's':
        case 'q':
        case 'x':
        case 'X':
          fmt_string (out, spec, arg->s, byline_gotmpl_string_length (arg), verb == 'v' ? 's' : verb);
          return;
        default:
          bad_verb (out, verb, arg);
          return;
        }
    case BYLINE_GOTMPL_LIST:
      {
        Spec inner = *spec;

        /* fmt formats the elements with the verb; width applies to each. */
        g_string_append_c (out, '[');
        for (guint i = 0; i < byline_gotmpl_list_length (arg->l); i++)
          {
            if (i > 0)
              g_string_append_c (out, ' ');
            fmt_value (out, &inner, byline_gotmpl_list_get (arg->l, i), verb);
          }
        g_string_append_c (out, ']');
        return;
      }
    case BYLINE_GOTMPL_MAP:
      g_string_append (out, "map[");
      for (guint i = 0; i < byline_gotmpl_map_length (arg->m); i++)
        {
          BylineGotmplValue key = byline_gotmpl_string (byline_gotmpl_map_key_at (arg->m, i));

          if (i > 0)
            g_string_append_c (out, ' ');
          fmt_value (out, spec, &key, verb);
          g_string_append_c (out, ':');
          fmt_value (out, spec, byline_gotmpl_map_value_at (arg->m, i), verb);
          byline_gotmpl_value_clear (&key);
        }
      g_string_append_c (out, ']');
      return;
    case BYLINE_GOTMPL_OBJECT:
      {
        g_autoptr(GString) s = g_string_new (NULL);

        byline_gotmpl_value_print (arg, s);
        if (verb == 'v' || verb == 's' || verb == 'q' || verb == 'x' || verb == 'X')
          fmt_string (out, spec, s->str, s->len, verb == 'v' ? 's' : verb);
        else
          bad_verb (out, verb, arg);
        return;
      }
    }
}

/* A width or precision written in the format, as Go's fmt reads it
 * (parsenum): a number over a million is no number, and the rest of the
 * format goes with it. Returns FALSE then; *@i is past the digits. */
static gboolean
parse_number (const char *format,
              gsize       format_len,
              gsize      *i,
              int        *number)
{
  *number = 0;
  for (; *i < format_len && g_ascii_isdigit (format[*i]); (*i)++)
    {
      if (*number > 1000000)
        return FALSE;
      *number = *number * 10 + (format[*i] - '0');
    }
  return TRUE;
}

void
byline_gotmpl_sprintf (GString                 *out,
                       const char              *format,
                       gsize                    format_len,
                       const BylineGotmplValue *args,
                       guint                    n_args)
{
  guint arg = 0;
  gsize i = 0;

  while (i < format_len)
    {
      Spec spec = { 0 };
      gunichar verb;
      const char *next;

      if (format[i] != '%')
        {
          const char *pct = memchr (format + i, '%', format_len - i);
          gsize end = pct != NULL ? (gsize) (pct - format) : format_len;

          g_string_append_len (out, format + i, end - i);
          i = end;
          continue;
        }
      i++;
      /* Flags */
      for (; i < format_len; i++)
        {
          char c = format[i];

          if (c == '+')
            spec.plus = TRUE;
          else if (c == '-')
            spec.minus = TRUE;
          else if (c == '#')
            spec.sharp = TRUE;
          else if (c == ' ')
            spec.space = TRUE;
          else if (c == '0')
            spec.zero = !spec.minus;
          else
            break;
        }
      /* Width */
      if (i < format_len && format[i] == '*')
        {
          i++;
          if (arg < n_args && args[arg].kind == BYLINE_GOTMPL_INT)
            {
              spec.has_width = TRUE;
              spec.width = (int) args[arg].i;
              if (spec.width < 0)
                {
                  spec.minus = TRUE;
                  spec.width = -spec.width;
                }
            }
          /* Go's fmt takes no width over a million (intFromArg). */
          if (!spec.has_width || args[arg].i > 1000000 || args[arg].i < -1000000)
            {
              spec.has_width = FALSE;
              spec.width = 0;
              g_string_append (out, "%!(BADWIDTH)");
            }
          arg++;
        }
      else if (i < format_len && g_ascii_isdigit (format[i]))
        {
          spec.has_width = parse_number (format, format_len, &i, &spec.width);
          if (!spec.has_width)
            {
              g_string_append (out, "%!(NOVERB)");
              break;
            }
        }
      /* Precision */
      if (i < format_len && format[i] == '.')
        {
          i++;
          spec.has_prec = TRUE;
          if (i < format_len && format[i] == '*')
            {
              i++;
              if (arg < n_args && args[arg].kind == BYLINE_GOTMPL_INT && args[arg].i >= 0
                  && args[arg].i <= 1000000)
                spec.prec = (int) args[arg].i;
              else
                {
                  spec.has_prec = FALSE;
                  g_string_append (out, "%!(BADPREC)");
                }
              arg++;
            }
          else if (!parse_number (format, format_len, &i, &spec.prec))
            {
              g_string_append (out, "%!(NOVERB)");
              break;
            }
        }
      if (i >= format_len)
        {
          g_string_append (out, "%!(NOVERB)");
          break;
        }
      verb = g_utf8_get_char_validated (format + i, format_len - i);
      next = g_utf8_find_next_char (format + i, format + format_len);
      i = next != NULL ? (gsize) (next - format) : format_len;
      if (verb == (gunichar) -1 || verb == (gunichar) -2)
        verb = 0xfffd;

      if (verb == '%')
        {
          g_string_append_c (out, '%');
          continue;
        }
      if (arg >= n_args)
        {
          char utf8[8] = { 0 };

          g_unichar_to_utf8 (verb, utf8);
          g_string_append_printf (out, "%%!%s(MISSING)", utf8);
          continue;
        }
      if (verb == 'T')
        {
          const char *t = byline_gotmpl_value_type_name (&args[arg]);

          pad (out, &spec, t, strlen (t), FALSE);
        }
      else if (verb == 'v' && spec.sharp && args[arg].kind == BYLINE_GOTMPL_STRING)
        byline_gotmpl_quote (out, args[arg].s, byline_gotmpl_string_length (&args[arg]), -1);
      else if (verb < 0x80 && strchr ("vdsqxXobOcUeEfFgGt", (int) verb) != NULL && verb != 0)
        fmt_value (out, &spec, &args[arg], (char) verb);
      else
        {
          char utf8[8] = { 0 };

          g_unichar_to_utf8 (verb, utf8);
          g_string_append_printf (out, "%%!%s(", utf8);
          if (args[arg].kind == BYLINE_GOTMPL_NIL)
            g_string_append (out, "<nil>");
          else
            {
              g_string_append (out, byline_gotmpl_value_type_name (&args[arg]));
              g_string_append_c (out, '=');
              byline_gotmpl_value_print (&args[arg], out);
            }
          g_string_append_c (out, ')');
        }
      arg++;
    }

  if (arg < n_args)
    {
      g_string_append (out, "%!(EXTRA ");
      for (guint k = arg; k < n_args; k++)
        {
          if (k > arg)
            g_string_append (out, ", ");
          if (args[k].kind == BYLINE_GOTMPL_NIL)
            g_string_append (out, "<nil>");
          else
            {
              g_string_append (out, byline_gotmpl_value_type_name (&args[k]));
              g_string_append_c (out, '=');
              byline_gotmpl_value_print (&args[k], out);
            }
        }
      g_string_append_c (out, ')');
    }
}

static gboolean
format_arg (BylineGotmplCall        *call,
            const BylineGotmplValue *format,
            const char             **text,
            gsize                   *len)
{
  if (format->kind != BYLINE_GOTMPL_STRING)
    return byline_gotmpl_call_error (call, "wrong type for value; expected string; got %s",
                                     byline_gotmpl_value_type_name (format));
  *text = format->s;
  *len = byline_gotmpl_string_length (format);
  return TRUE;
}

static gboolean
fn_print (BylineGotmplCall        *call,
          const BylineGotmplValue *self,
          const BylineGotmplValue *args,
          guint                    n_args,
          BylineGotmplValue       *result)
{
  GString *s = g_string_new (NULL);

  byline_gotmpl_sprint (s, args, n_args);
  *result = byline_gotmpl_string_take (s);
  return TRUE;
}

static gboolean
fn_println (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n_args; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      byline_gotmpl_value_print (&args[i], s);
    }
  g_string_append_c (s, '\n');
  *result = byline_gotmpl_string_take (s);
  return TRUE;
}

static gboolean
fn_printf (BylineGotmplCall        *call,
           const BylineGotmplValue *self,
           const BylineGotmplValue *args,
           guint                    n_args,
           BylineGotmplValue       *result)
{
  GString *s;
  const char *format = NULL;
  gsize len = 0;

  if (!format_arg (call, &args[0], &format, &len))
    return FALSE;
  s = g_string_new (NULL);
  byline_gotmpl_sprintf (s, format, len, args + 1, n_args - 1);
  if (!byline_gotmpl_call_step (call, s->len / 64))
    {
      g_string_free (s, TRUE);
      return FALSE;
    }
  *result = byline_gotmpl_string_take (s);
  return TRUE;
}

/* errorf and warnf log and return "" (tpl/fmt/fmt.go); erroridf and
 * warnidf take an id first, used by Hugo to let sites silence them. */
static gboolean
report (BylineGotmplCall        *call,
        const BylineGotmplValue *args,
        guint                    n_args,
        gboolean                 is_error)
{
  g_autoptr(GString) s = g_string_new (NULL);
  const char *format = NULL;
  gsize len = 0;

  if (!format_arg (call, &args[0], &format, &len))
    return FALSE;
  byline_gotmpl_sprintf (s, format, len, args + 1, n_args - 1);
  byline_gotmpl_call_report (call, is_error, s->str);
  return TRUE;
}

static gboolean
fn_errorf (BylineGotmplCall        *call,
           const BylineGotmplValue *self,
           const BylineGotmplValue *args,
           guint                    n_args,
           BylineGotmplValue       *result)
{
  *result = byline_gotmpl_string ("");
  return report (call, args, n_args, TRUE);
}

static gboolean
fn_warnf (BylineGotmplCall        *call,
          const BylineGotmplValue *self,
          const BylineGotmplValue *args,
          guint                    n_args,
          BylineGotmplValue       *result)
{
  *result = byline_gotmpl_string ("");
  return report (call, args, n_args, FALSE);
}

/* Whether the site's ignoreErrors (or ignoreLogs) lists the id. */
static gboolean
ignored (BylineGotmplCall        *call,
         const BylineGotmplValue *id,
         const char              *key)
{
  const BylineGotmplValue *list =
    byline_gotmpl_site_get_config (byline_gotmpl_call_get_site (call), key);

  if (list == NULL || list->kind != BYLINE_GOTMPL_LIST || id->kind != BYLINE_GOTMPL_STRING)
    return FALSE;
  for (guint i = 0; i < byline_gotmpl_list_length (list->l); i++)
    {
      const BylineGotmplValue *e = byline_gotmpl_list_get (list->l, i);

      if (e->kind == BYLINE_GOTMPL_STRING && g_ascii_strcasecmp (e->s, id->s) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
fn_erroridf (BylineGotmplCall        *call,
             const BylineGotmplValue *self,
             const BylineGotmplValue *args,
             guint                    n_args,
             BylineGotmplValue       *result)
{
  *result = byline_gotmpl_string ("");
  if (ignored (call, &args[0], "ignoreerrors"))
    return TRUE;
  return report (call, args + 1, n_args - 1, TRUE);
}

static gboolean
fn_warnidf (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  *result = byline_gotmpl_string ("");
  if (ignored (call, &args[0], "ignorelogs"))
    return TRUE;
  return report (call, args + 1, n_args - 1, FALSE);
}

static const BylineGotmplMethod fmt_ns_methods[] = {
  { "Errorf", fn_errorf, 1, -1 },
  { "Erroridf", fn_erroridf, 2, -1 },
  { "Print", fn_print, 0, -1 },
  { "Printf", fn_printf, 1, -1 },
  { "Println", fn_println, 0, -1 },
  { "Warnf", fn_warnf, 1, -1 },
  { "Warnidf", fn_warnidf, 2, -1 },
};

static const BylineGotmplClass fmt_class = {
  "*fmt.Namespace", fmt_ns_methods, G_N_ELEMENTS (fmt_ns_methods),
};

static gboolean
fn_fmt (BylineGotmplCall        *call,
        const BylineGotmplValue *self,
        const BylineGotmplValue *args,
        guint                    n_args,
        BylineGotmplValue       *result)
{
  *result = byline_gotmpl_namespace_value (&fmt_class);
  return TRUE;
}

static const BylineGotmplMethod fmt_methods[] = {
  { "errorf", fn_errorf, 1, -1 },
  { "erroridf", fn_erroridf, 2, -1 },
  { "fmt", fn_fmt, 0, -1 },
  { "print", fn_print, 0, -1 },
  { "printf", fn_printf, 1, -1 },
  { "println", fn_println, 0, -1 },
  { "warnf", fn_warnf, 1, -1 },
  { "warnidf", fn_warnidf, 2, -1 },
};

const BylineGotmplFuncTable byline_gotmpl_funcs_fmt = { fmt_methods, G_N_ELEMENTS (fmt_methods) };
