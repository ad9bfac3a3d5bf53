/* byline-data-json.c — JSON into the neutral value tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib parses and reports malformed input with its line and column,
 * but its nodes carry no positions, and it accepts more than JSON (comments,
 * single quotes, hexadecimal numbers), where Hugo's decoder (Go's
 * encoding/json) is strict. So a second pass walks the text json-glib
 * accepted, as strict JSON, and builds the tree with the exact span of
 * every key and value. json-glib's parser recurses once per level and
 * overflows the stack on deep nesting, so the nesting is measured first.
 */

#define G_LOG_DOMAIN "byline-data"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "byline-data.h"
#include "byline-data-private.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct
{
  BylineDataPositions positions;
  const char *file_name;
  const char *text;
  gsize pos;
  gsize end;
  BylineSpan *error_span;
  GError **error;
  gboolean failed;
} Walker;

static void
walker_fail (Walker     *w,
             gsize       offset,
             const char *message)
{
  if (w->failed)
    return;
  w->failed = TRUE;
  byline_data_set_error (&w->positions, w->file_name, offset, w->error_span, w->error,
                         BYLINE_DATA_ERROR_SYNTAX, "%s", message);
}

static void
skip_space (Walker *w)
{
  while (w->pos < w->end &&
         (w->text[w->pos] == ' ' || w->text[w->pos] == '\t' ||
          w->text[w->pos] == '\n' || w->text[w->pos] == '\r'))
    w->pos++;
}

/* Where a string that starts at text[start] ('"') ends, past its closing
 * quote; 0 when it does not close. */
static gsize
string_end (const char *text,
            gsize       start,
            gsize       end)
{
  for (gsize p = start + 1; p < end; p++)
    {
      if (text[p] == '\\')
        p++;
      else if (text[p] == '"')
        return p + 1;
    }
  return 0;
}

gsize
byline_data_json_object_end (const char *text,
                             gsize       start,
                             gsize       end)
{
  gsize depth = 0;

  g_return_val_if_fail (text != NULL, 0);

  for (gsize p = start; p < end; p++)
    {
      switch (text[p])
        {
        case '"':
          p = string_end (text, p, end);
          if (p == 0)
            return 0;
          p--;
          break;
        case '{':
        case '[':
          depth++;
          break;
        case '}':
        case ']':
          if (depth == 0)
            return 0;
          if (--depth == 0)
            return p + 1;
          break;
        default:
          break;
        }
    }
  return 0;
}

/* Decodes a strict JSON string at w->pos; NULL with an error otherwise. */
static char *
read_string (Walker *w)
{
  GString *out = g_string_new (NULL);
  gsize start = w->pos;

  w->pos++;
  while (w->pos < w->end)
    {
      guchar c = w->text[w->pos];

      if (c == '"')
        {
          w->pos++;
          return g_string_free (out, FALSE);
        }
      if (c < 0x20)
        {
          walker_fail (w, w->pos,
                       _("a JSON string cannot hold a line break or a control character; "
                          "write it as an escape such as \\n"));
          break;
        }
      if (c != '\\')
        {
          g_string_append_c (out, c);
          w->pos++;
          continue;
        }

      if (w->pos + 1 >= w->end)
        break;
      c = w->text[w->pos + 1];
      w->pos += 2;
      switch (c)
        {
        case '"': g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/': g_string_append_c (out, '/'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            gunichar u = 0;

            for (int i = 0; i < 4; i++)
              {
                if (w->pos >= w->end || !g_ascii_isxdigit (w->text[w->pos]))
                  {
                    walker_fail (w, w->pos, _("\\u must be followed by four hexadecimal digits"));
                    g_string_free (out, TRUE);
                    return NULL;
                  }
                u = u * 16 + g_ascii_xdigit_value (w->text[w->pos++]);
              }
            /* A surrogate pair; a lone surrogate becomes U+FFFD, as in Go. */
            if (u >= 0xD800 && u < 0xDC00 && w->pos + 6 <= w->end &&
                w->text[w->pos] == '\\' && w->text[w->pos + 1] == 'u')
              {
                gunichar low = 0;
                gboolean ok = TRUE;

                for (int i = 0; i < 4; i++)
                  {
                    if (!g_ascii_isxdigit (w->text[w->pos + 2 + i]))
                      ok = FALSE;
                    else
                      low = low * 16 + g_ascii_xdigit_value (w->text[w->pos + 2 + i]);
                  }
                if (ok && low >= 0xDC00 && low < 0xE000)
                  {
                    u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
                    w->pos += 6;
                  }
              }
            if ((u >= 0xD800 && u < 0xE000) || u == 0)
              u = u == 0 ? 0 : 0xFFFD;
            if (u == 0)
              /* The tree keeps C strings; a NUL would cut them short. */
              g_string_append (out, "\xEF\xBF\xBD");
            else
              g_string_append_unichar (out, u);
          }
          break;
        default:
          walker_fail (w, w->pos - 2, _("this is not a JSON escape"));
          g_string_free (out, TRUE);
          return NULL;
        }
    }

  if (!w->failed)
    walker_fail (w, start, _("this JSON string is not closed"));
  g_string_free (out, TRUE);
  return NULL;
}

static BylineData *read_value (Walker *w,
                               guint   depth);

static BylineData *
read_number (Walker *w)
{
  gsize start = w->pos;
  gsize p = w->pos;
  gboolean is_float = FALSE;
  g_autofree char *literal = NULL;
  BylineData *node;

  /* -? ( 0 | [1-9][0-9]* ) ( \. [0-9]+ )? ( [eE] [-+]? [0-9]+ )? */
  if (p < w->end && w->text[p] == '-')
    p++;
  if (p < w->end && w->text[p] == '0')
    p++;
  else if (p < w->end && w->text[p] >= '1' && w->text[p] <= '9')
    while (p < w->end && g_ascii_isdigit (w->text[p]))
      p++;
  else
    goto bad;
  if (p < w->end && w->text[p] == '.')
    {
      is_float = TRUE;
      p++;
      if (p >= w->end || !g_ascii_isdigit (w->text[p]))
        goto bad;
      while (p < w->end && g_ascii_isdigit (w->text[p]))
        p++;
    }
  if (p < w->end && (w->text[p] == 'e' || w->text[p] == 'E'))
    {
      is_float = TRUE;
      p++;
      if (p < w->end && (w->text[p] == '+' || w->text[p] == '-'))
        p++;
      if (p >= w->end || !g_ascii_isdigit (w->text[p]))
        goto bad;
      while (p < w->end && g_ascii_isdigit (w->text[p]))
        p++;
    }
  if (p < w->end && (g_ascii_isalnum (w->text[p]) || w->text[p] == '.'))
    goto bad;

  literal = g_strndup (w->text + start, p - start);
  w->pos = p;
  if (!is_float)
    {
      gint64 value;

      errno = 0;
      value = g_ascii_strtoll (literal, NULL, 10);
      if (errno == 0)
        node = byline_data_new_int (value);
      else
        node = byline_data_new_float (g_ascii_strtod (literal, NULL));
    }
  else
    node = byline_data_new_float (g_ascii_strtod (literal, NULL));
  byline_data_set_literal (node, literal, strlen (literal));
  return node;

bad:
  walker_fail (w, start, _("this is not a JSON number"));
  return NULL;
}

static gboolean
read_word (Walker     *w,
           const char *word)
{
  gsize length = strlen (word);

  if (w->end - w->pos >= length && memcmp (w->text + w->pos, word, length) == 0 &&
      (w->pos + length == w->end || !g_ascii_isalnum (w->text[w->pos + length])))
    {
      w->pos += length;
      return TRUE;
    }
  return FALSE;
}

static BylineData *
read_object (Walker *w,
             guint   depth)
{
  g_autoptr(BylineData) map = byline_data_new_map ();

  byline_data_set_style (map, BYLINE_DATA_STYLE_FLOW);
  w->pos++;
  skip_space (w);
  if (w->pos < w->end && w->text[w->pos] == '}')
    {
      w->pos++;
      return g_steal_pointer (&map);
    }

  while (!w->failed)
    {
      g_autofree char *key = NULL;
      BylineSpan key_span;
      gsize key_start;
      BylineData *value;

      skip_space (w);
      key_start = w->pos;
      if (w->pos >= w->end || w->text[w->pos] != '"')
        {
          walker_fail (w, w->pos, _("a JSON key must be a string in double quotes"));
          return NULL;
        }
      key = read_string (w);
      if (key == NULL)
        return NULL;
      byline_data_positions_fill (&w->positions, &key_span, key_start, w->pos);

      skip_space (w);
      if (w->pos >= w->end || w->text[w->pos] != ':')
        {
          walker_fail (w, w->pos, _("a colon must follow the key"));
          return NULL;
        }
      w->pos++;
      value = read_value (w, depth + 1);
      if (value == NULL)
        return NULL;
      byline_data_map_append (map, key, &key_span, value);

      skip_space (w);
      if (w->pos < w->end && w->text[w->pos] == ',')
        {
          w->pos++;
          continue;
        }
      if (w->pos < w->end && w->text[w->pos] == '}')
        {
          w->pos++;
          return g_steal_pointer (&map);
        }
      walker_fail (w, w->pos, _("a comma or a closing brace must follow the value"));
    }
  return NULL;
}

static BylineData *
read_array (Walker *w,
            guint   depth)
{
  g_autoptr(BylineData) list = byline_data_new_list ();

  byline_data_set_style (list, BYLINE_DATA_STYLE_FLOW);
  w->pos++;
  skip_space (w);
  if (w->pos < w->end && w->text[w->pos] == ']')
    {
      w->pos++;
      return g_steal_pointer (&list);
    }

  while (!w->failed)
    {
      BylineData *item = read_value (w, depth + 1);

      if (item == NULL)
        return NULL;
      byline_data_list_append (list, item);

      skip_space (w);
      if (w->pos < w->end && w->text[w->pos] == ',')
        {
          w->pos++;
          continue;
        }
      if (w->pos < w->end && w->text[w->pos] == ']')
        {
          w->pos++;
          return g_steal_pointer (&list);
        }
      walker_fail (w, w->pos, _("a comma or a closing bracket must follow the value"));
    }
  return NULL;
}

static BylineData *
read_value (Walker *w,
            guint   depth)
{
  BylineData *node = NULL;
  gsize start;

  skip_space (w);
  start = w->pos;
  if (depth > BYLINE_DATA_MAX_DEPTH + 1)
    {
      /* The nesting was measured before; this only guards the recursion. */
      walker_fail (w, start, _("the values are nested too deeply"));
      return NULL;
    }
  if (w->pos >= w->end)
    {
      walker_fail (w, start, _("a value is missing here"));
      return NULL;
    }

  switch (w->text[w->pos])
    {
    case '{':
      node = read_object (w, depth);
      break;
    case '[':
      node = read_array (w, depth);
      break;
    case '"':
      {
        g_autofree char *value = read_string (w);

        if (value != NULL)
          {
            node = byline_data_new_string (value);
            byline_data_set_style (node, BYLINE_DATA_STYLE_QUOTED);
          }
      }
      break;
    default:
      if (read_word (w, "true"))
        node = byline_data_new_bool (TRUE);
      else if (read_word (w, "false"))
        node = byline_data_new_bool (FALSE);
      else if (read_word (w, "null"))
        node = byline_data_new_null ();
      else
        {
          /* It sets its own literal. */
          node = read_number (w);
          break;
        }
      byline_data_set_literal (node, w->text + start, w->pos - start);
      break;
    }

  if (node != NULL)
    {
      byline_data_set_file_name (node, w->file_name);
      byline_data_set_span_offsets (node, &w->positions, start, w->pos);
    }
  return node;
}

/* The deepest nesting of brackets and braces, outside strings; FALSE with
 * an error when it passes the limit. */
static gboolean
check_depth (Walker *w)
{
  guint depth = 0;

  for (gsize p = w->positions.start; p < w->end; p++)
    {
      switch (w->text[p])
        {
        case '"':
          p = string_end (w->text, p, w->end);
          if (p == 0)
            return TRUE;  /* json-glib reports the open string. */
          p--;
          break;
        case '{':
        case '[':
          if (++depth > BYLINE_DATA_MAX_DEPTH)
            {
              w->failed = TRUE;
              byline_data_set_error (&w->positions, w->file_name, p, w->error_span, w->error,
                                     BYLINE_DATA_ERROR_TOO_DEEP,
                                     "%s", _("the values are nested too deeply"));
              return FALSE;
            }
          break;
        case '}':
        case ']':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }
  return TRUE;
}

/* json-glib says "<data>:LINE:COLUMN: Parse error: WHAT". */
static void
fail_from_json_glib (Walker       *w,
                     const GError *json_error)
{
  unsigned int line = 1, column = 1;
  const char *what = strstr (json_error->message, "Parse error: ");
  g_autofree char *message = NULL;

  if (sscanf (json_error->message, "<data>:%u:%u:", &line, &column) != 2)
    line = column = 1;
  what = what != NULL ? what + strlen ("Parse error: ") : json_error->message;
  message = g_strdup_printf (_("this is not valid JSON (%s)"), what);
  walker_fail (w, byline_data_positions_offset (&w->positions, line, column), message);
}

BylineData *
byline_data_read_json (const char  *text,
                       gsize        start,
                       gsize        end,
                       const char  *file_name,
                       BylineSpan  *error_span,
                       GError     **error)
{
  Walker w = { 0 };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) json_error = NULL;
  BylineData *root = NULL;

  g_return_val_if_fail (text != NULL || end == 0, NULL);
  g_return_val_if_fail (start <= end, NULL);

  byline_data_positions_init (&w.positions, text, start, end);
  w.file_name = file_name != NULL ? g_intern_string (file_name) : NULL;
  w.text = text;
  w.pos = start;
  w.end = end;
  w.error_span = error_span;
  w.error = error;

  if (!byline_data_check_text (&w.positions, file_name, error_span, error) || !check_depth (&w))
    goto out;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text + start, end - start, &json_error))
    {
      fail_from_json_glib (&w, json_error);
      goto out;
    }

  skip_space (&w);
  if (w.pos >= end)
    {
      /* Nothing at all: nothing is set. */
      root = byline_data_new_null ();
      byline_data_set_file_name (root, w.file_name);
      byline_data_set_span_offsets (root, &w.positions, start, start);
      goto out;
    }

  root = read_value (&w, 1);
  skip_space (&w);
  if (root != NULL && w.pos < end)
    {
      walker_fail (&w, w.pos, _("nothing may follow the JSON value"));
      g_clear_pointer (&root, byline_data_unref);
    }

out:
  byline_data_positions_clear (&w.positions);
  return root;
}
