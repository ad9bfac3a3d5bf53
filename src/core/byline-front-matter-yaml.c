/* byline-front-matter-yaml.c — YAML text as libyaml reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the parser and the editor of the front matter share: where YAML
 * lines break, and how a scalar must be written to read back as itself.
 */

#define G_LOG_DOMAIN "byline-front-matter"

#include "config.h"

#include "byline-front-matter.h"
#include "byline-front-matter-private.h"

#include <string.h>

/* YAML lines: libyaml breaks lines at CR, LF, CRLF, NEL, LS and PS, and an
 * edit must keep to the lines as YAML sees them, or removing "a" from
 * "a: 1<CR>b: 2" would take "b" with it. */

gsize
byline_yaml_break_at (const char *text,
                      gsize       p,
                      gsize       end)
{
  const guchar *t = (const guchar *) text;

  if (p >= end)
    return 0;
  if (t[p] == '\n')
    return 1;
  if (t[p] == '\r')
    return p + 1 < end && t[p + 1] == '\n' ? 2 : 1;
  if (t[p] == 0xC2 && p + 1 < end && t[p + 1] == 0x85)
    return 2;
  if (t[p] == 0xE2 && p + 2 < end && t[p + 1] == 0x80 && (t[p + 2] == 0xA8 || t[p + 2] == 0xA9))
    return 3;
  return 0;
}

gboolean
byline_yaml_line_starts_at (const char *text,
                            gsize       start,
                            gsize       p)
{
  const guchar *t = (const guchar *) text;

  if (p <= start)
    return TRUE;
  if (t[p - 1] == '\n')
    return TRUE;
  /* Between the CR and the LF of a CRLF is no line start. */
  if (t[p - 1] == '\r')
    return t[p] != '\n';
  if (p - start >= 2 && t[p - 2] == 0xC2 && t[p - 1] == 0x85)
    return TRUE;
  return p - start >= 3 && t[p - 3] == 0xE2 && t[p - 2] == 0x80 &&
         (t[p - 1] == 0xA8 || t[p - 1] == 0xA9);
}

gsize
byline_yaml_line_start (const char *text,
                        gsize       start,
                        gsize       p)
{
  while (p > start && !byline_yaml_line_starts_at (text, start, p))
    p--;
  return p;
}

gsize
byline_yaml_line_end (const char *text,
                      gsize       p,
                      gsize       end)
{
  for (; p < end; p++)
    {
      gsize n = byline_yaml_break_at (text, p, end);

      if (n > 0)
        return p + n;
    }
  return end;
}

/* Writing YAML scalars */

/* Whether the character at @p must be escaped to reach YAML as itself:
 * control characters (C0 but tab and line feed, DEL, C1), which libyaml
 * refuses, line breaks other than LF (CR, NEL, LINE and PARAGRAPH
 * SEPARATOR), and the BOM, U+FFFE and U+FFFF. Tabs and line feeds are for
 * the caller to judge. Sets @length to the character's bytes. */
static gboolean
is_special (const char *p,
            gsize      *length,
            gunichar   *c)
{
  *c = g_utf8_get_char_validated (p, -1);
  if (*c == (gunichar) -1 || *c == (gunichar) -2)
    {
      /* Not UTF-8: escaped as a replacement character. */
      *c = 0xFFFD;
      *length = 1;
      return TRUE;
    }
  *length = g_utf8_next_char (p) - p;
  return (*c < 0x20 && *c != '\t' && *c != '\n') || (*c >= 0x7F && *c <= 0x9F) ||
         *c == 0x2028 || *c == 0x2029 || *c == 0xFEFF || *c == 0xFFFE || *c == 0xFFFF;
}

gboolean
byline_yaml_has_control (const char *value,
                         gboolean    allow_newline)
{
  for (const char *p = value; *p != '\0';)
    {
      gsize length;
      gunichar c;

      if (is_special (p, &length, &c) || *p == '\t' || (*p == '\n' && !allow_newline))
        return TRUE;
      p += length;
    }
  return FALSE;
}

/* Whether YAML would read the plain scalar as something else than a
 * string: null, a boolean (YAML 1.1 spellings too, to be safe), a number
 * or a date. */
static gboolean
looks_typed (const char *value)
{
  static const char * const words[] = {
    "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n",
    ".inf", "+.inf", "-.inf", ".nan", NULL
  };
  const char *p;

  for (guint i = 0; words[i] != NULL; i++)
    if (g_ascii_strcasecmp (value, words[i]) == 0)
      return TRUE;

  if (!(g_ascii_isdigit (value[0]) ||
        (strchr ("+-.", value[0]) != NULL &&
         (g_ascii_isdigit (value[1]) || value[1] == '.'))))
    return FALSE;

  for (p = value; *p != '\0'; p++)
    if (strchr ("0123456789abcdefABCDEFxXoO._:+- tTzZ", *p) == NULL)
      return FALSE;
  return TRUE;
}

gboolean
byline_yaml_is_plain_safe (const char *value,
                           gboolean    in_flow)
{
  gsize len = strlen (value);

  if (len == 0 || byline_yaml_has_control (value, FALSE))
    return FALSE;
  if (strchr ("-?:,[]{}#&*!|>'\"%@`", value[0]) != NULL)
    return FALSE;
  if (value[0] == ' ' || value[len - 1] == ' ' || value[len - 1] == ':')
    return FALSE;
  if (strstr (value, ": ") != NULL || strstr (value, " #") != NULL)
    return FALSE;
  /* In a flow list a colon may end the scalar ("a:?", "a:,"). */
  if (in_flow && strpbrk (value, ",[]{}:") != NULL)
    return FALSE;
  return !looks_typed (value);
}

void
byline_yaml_escape_append (GString    *out,
                           const char *value)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (value != NULL);

  for (const char *p = value; *p != '\0';)
    {
      gsize length;
      gunichar c;

      if (is_special (p, &length, &c))
        {
          switch (c)
            {
            case '\r': g_string_append (out, "\\r"); break;
            case 0x85: g_string_append (out, "\\N"); break;
            case 0x2028: g_string_append (out, "\\L"); break;
            case 0x2029: g_string_append (out, "\\P"); break;
            default:
              if (c <= 0xFF)
                g_string_append_printf (out, "\\x%02X", c);
              else
                g_string_append_printf (out, "\\u%04X", c);
            }
          p += length;
          continue;
        }

      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default: g_string_append_len (out, p, length);
        }
      p += length;
    }
}

void
byline_yaml_append_double_quoted (GString    *out,
                                  const char *value)
{
  g_string_append_c (out, '"');
  byline_yaml_escape_append (out, value);
  g_string_append_c (out, '"');
}

static void
append_single_quoted (GString    *out,
                      const char *value)
{
  g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (out, '\'');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

/* Appends @value as a scalar in @style if it can hold it: plain when that
 * reads back as the same string, single quotes without line breaks,
 * double quotes with escapes otherwise. */
void
byline_yaml_append_scalar (GString           *out,
                           const char        *value,
                           BylineScalarStyle  style,
                           gboolean           in_flow)
{
  if (style == BYLINE_SCALAR_SINGLE_QUOTED && !byline_yaml_has_control (value, FALSE))
    append_single_quoted (out, value);
  else if (style != BYLINE_SCALAR_SINGLE_QUOTED && style != BYLINE_SCALAR_DOUBLE_QUOTED &&
           byline_yaml_is_plain_safe (value, in_flow))
    g_string_append (out, value);
  else
    byline_yaml_append_double_quoted (out, value);
}
