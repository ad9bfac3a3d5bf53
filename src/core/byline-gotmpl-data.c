/* byline-gotmpl-data.c — YAML (and JSON) to template values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Front matter, data files and transform.Unmarshal as Hugo decodes them
 * (parser/metadecoders): maps with string keys, lists, and plain scalars
 * typed the YAML 1.2 way goccy/go-yaml types them (null, true/false,
 * integers, floats); quoted scalars stay strings. JSON is read by the same
 * parser, being YAML's flow syntax. Aliases share the anchored value; like
 * Hugo, a document that uses one collection through too many aliases is
 * rejected, and nesting is bounded.
 *
 * Configuration, data files and the pages of a site come from the site
 * model's tree (byline-data.h) through byline_gotmpl_value_from_data().
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-objects.h"

#include <gio/gio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#define MAX_DEPTH 100

typedef struct
{
  BylineGotmplValue value;
  char             *key;      /* for a map: the key waiting for its value */
  char             *anchor;
  gboolean          is_key;   /* the next scalar is a key */
} Frame;

static gboolean
all_digits (const char *s,
            const char *digits)
{
  if (*s == '\0')
    return FALSE;
  for (; *s != '\0'; s++)
    if (strchr (digits, *s) == NULL)
      return FALSE;
  return TRUE;
}

static BylineGotmplValue
plain_scalar (const char *s)
{
  const char *p = s;
  gint64 i;

  if (*s == '\0' || strcmp (s, "~") == 0 || strcmp (s, "null") == 0 || strcmp (s, "Null") == 0 ||
      strcmp (s, "NULL") == 0)
    return byline_gotmpl_nil ();
  if (strcmp (s, "true") == 0 || strcmp (s, "True") == 0 || strcmp (s, "TRUE") == 0)
    return byline_gotmpl_bool (TRUE);
  if (strcmp (s, "false") == 0 || strcmp (s, "False") == 0 || strcmp (s, "FALSE") == 0)
    return byline_gotmpl_bool (FALSE);

  if (*p == '-' || *p == '+')
    p++;
  if ((p[0] == '0' && (p[1] == 'x' || p[1] == 'X') && all_digits (p + 2, "0123456789abcdefABCDEF")) ||
      (p[0] == '0' && (p[1] == 'o' || p[1] == 'O') && all_digits (p + 2, "01234567")) ||
      (p[0] == '0' && (p[1] == 'b' || p[1] == 'B') && all_digits (p + 2, "01")))
    {
      guint base = p[1] == 'x' || p[1] == 'X' ? 16 : p[1] == 'o' || p[1] == 'O' ? 8 : 2;
      guint64 u;

      if (g_ascii_string_to_unsigned (p + 2, base, 0, G_MAXINT64, &u, NULL))
        return byline_gotmpl_int (s[0] == '-' ? -(gint64) u : (gint64) u);
      return byline_gotmpl_string (s);
    }
  if (all_digits (p, "0123456789"))
    {
      if (g_ascii_string_to_signed (s[0] == '+' ? s + 1 : s, 10, G_MININT64, G_MAXINT64, &i, NULL))
        return byline_gotmpl_int (i);
      return byline_gotmpl_float (g_ascii_strtod (s, NULL));
    }
  if (g_ascii_strcasecmp (p, ".inf") == 0)
    return byline_gotmpl_float (s[0] == '-' ? -INFINITY : INFINITY);
  if (g_ascii_strcasecmp (s, ".nan") == 0)
    return byline_gotmpl_float (NAN);
  {
    /* [0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)? or \.[0-9]+… */
    const char *q = p;
    gboolean mantissa = FALSE;

    while (g_ascii_isdigit (*q))
      q++, mantissa = TRUE;
    if (*q == '.')
      {
        q++;
        while (g_ascii_isdigit (*q))
          q++, mantissa = TRUE;
      }
    if (mantissa && (*q == 'e' || *q == 'E'))
      {
        q++;
        if (*q == '+' || *q == '-')
          q++;
        if (!g_ascii_isdigit (*q))
          return byline_gotmpl_string (s);
        while (g_ascii_isdigit (*q))
          q++;
      }
    if (mantissa && *q == '\0' && strpbrk (p, ".eE") != NULL)
      return byline_gotmpl_float (g_ascii_strtod (s, NULL));
  }
  return byline_gotmpl_string (s);
}

static void
boxed_value_free (gpointer data)
{
  byline_gotmpl_value_clear (data);
  g_free (data);
}

static void
frame_clear (Frame *frame)
{
  byline_gotmpl_value_clear (&frame->value);
  g_free (frame->key);
  g_free (frame->anchor);
}

/* Adds a finished value to the collection on top of the stack. */
static gboolean
add_value (GArray             *stack,
           BylineGotmplValue   value,
           BylineGotmplValue  *root,
           gboolean            params)
{
  Frame *top;

  if (stack->len == 0)
    {
      byline_gotmpl_value_clear (root);
      *root = value;
      return TRUE;
    }
  top = &g_array_index (stack, Frame, stack->len - 1);
  if (top->value.kind == BYLINE_GOTMPL_LIST)
    {
      byline_gotmpl_list_append (top->value.l, value);
      return TRUE;
    }
  if (top->is_key)
    {
      /* Keys are strings; Hugo's ToStringMap prints others. */
      GString *s = g_string_new (NULL);

      if (value.kind != BYLINE_GOTMPL_NIL)
        byline_gotmpl_value_print (&value, s);
      byline_gotmpl_value_clear (&value);
      top->key = g_string_free (s, FALSE);
      top->is_key = FALSE;
      return TRUE;
    }
  byline_gotmpl_map_set (top->value.m, top->key, value);
  g_clear_pointer (&top->key, g_free);
  top->is_key = TRUE;
  return TRUE;
}

gboolean
byline_gotmpl_parse_yaml (const char         *text,
                          gsize               length,
                          gboolean            params,
                          BylineGotmplValue  *result,
                          GError            **error)
{
  yaml_parser_t parser;
  yaml_event_t event;
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Frame));
  g_autoptr(GHashTable) anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         boxed_value_free);
  gboolean done = FALSE, ok = TRUE;
  guint aliases = 0;
  guint alias_limit = length / 1024 < 2 ? 100 : length / 1024 < 10 ? 5000 : 10000;

  *result = byline_gotmpl_nil ();
  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *) text, length);

  while (!done && ok)
    {
      if (!yaml_parser_parse (&parser, &event))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "line %zu: %s",
                       parser.problem_mark.line + 1,
                       parser.problem != NULL ? parser.problem : "invalid YAML");
          ok = FALSE;
          break;
        }
      switch (event.type)
        {
        case YAML_STREAM_END_EVENT:
        case YAML_DOCUMENT_END_EVENT:
          done = event.type == YAML_STREAM_END_EVENT || stack->len == 0;
          break;
        case YAML_MAPPING_START_EVENT:
        case YAML_SEQUENCE_START_EVENT:
          {
            Frame frame = { 0 };

            if (stack->len >= MAX_DEPTH)
              {
                g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             "line %zu: nesting deeper than %d levels",
                             event.start_mark.line + 1, MAX_DEPTH);
                ok = FALSE;
                break;
              }
            if (event.type == YAML_MAPPING_START_EVENT)
              {
                frame.value = byline_gotmpl_map_value (byline_gotmpl_map_new (params));
                frame.is_key = TRUE;
                frame.anchor = g_strdup ((const char *) event.data.mapping_start.anchor);
              }
            else
              {
                frame.value = byline_gotmpl_list_value (byline_gotmpl_list_new (4));
                frame.anchor = g_strdup ((const char *) event.data.sequence_start.anchor);
              }
            g_array_append_val (stack, frame);
          }
          break;
        case YAML_MAPPING_END_EVENT:
        case YAML_SEQUENCE_END_EVENT:
          {
            Frame frame = g_array_index (stack, Frame, stack->len - 1);

            g_array_set_size (stack, stack->len - 1);
            if (frame.anchor != NULL)
              {
                BylineGotmplValue *copy = g_new (BylineGotmplValue, 1);

                *copy = byline_gotmpl_value_copy (&frame.value);
                g_hash_table_replace (anchors, g_strdup (frame.anchor), copy);
              }
            add_value (stack, byline_gotmpl_value_steal (&frame.value), result, params);
            frame_clear (&frame);
          }
          break;
        case YAML_SCALAR_EVENT:
          {
            const char *s = (const char *) event.data.scalar.value;
            const char *tag = (const char *) event.data.scalar.tag;
            BylineGotmplValue v;

            if (event.data.scalar.style != YAML_PLAIN_SCALAR_STYLE ||
                (tag != NULL && strcmp (tag, YAML_STR_TAG) == 0))
              v = byline_gotmpl_string_len (s, event.data.scalar.length);
            else
              v = plain_scalar (s);
            if (event.data.scalar.anchor != NULL)
              {
                BylineGotmplValue *copy = g_new (BylineGotmplValue, 1);

                *copy = byline_gotmpl_value_copy (&v);
                g_hash_table_replace (anchors, g_strdup ((const char *) event.data.scalar.anchor),
                                      copy);
              }
            add_value (stack, v, result, params);
          }
          break;
        case YAML_ALIAS_EVENT:
          {
            BylineGotmplValue *anchored =
              g_hash_table_lookup (anchors, (const char *) event.data.alias.anchor);

            if (anchored == NULL)
              {
                g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             "line %zu: unknown anchor", event.start_mark.line + 1);
                ok = FALSE;
                break;
              }
            if ((anchored->kind == BYLINE_GOTMPL_MAP || anchored->kind == BYLINE_GOTMPL_LIST) &&
                ++aliases > alias_limit)
              {
                g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             "too many YAML aliases for non-scalar nodes");
                ok = FALSE;
                break;
              }
            add_value (stack, byline_gotmpl_value_copy (anchored), result, params);
          }
          break;
        default:
          break;
        }
      yaml_event_delete (&event);
    }

  yaml_parser_delete (&parser);
  for (guint i = 0; i < stack->len; i++)
    frame_clear (&g_array_index (stack, Frame, i));
  if (!ok)
    byline_gotmpl_value_clear (result);
  return ok;
}

BylineGotmplValue
byline_gotmpl_value_to_params (const BylineGotmplValue *value)
{
  switch (value->kind)
    {
    case BYLINE_GOTMPL_MAP:
      {
        BylineGotmplMap *map = byline_gotmpl_map_new (TRUE);

        for (guint i = 0; i < byline_gotmpl_map_length (value->m); i++)
          byline_gotmpl_map_set (map, byline_gotmpl_map_key_at (value->m, i),
                                 byline_gotmpl_value_to_params (byline_gotmpl_map_value_at (value->m, i)));
        return byline_gotmpl_map_value (map);
      }
    case BYLINE_GOTMPL_LIST:
      {
        BylineGotmplList *list = byline_gotmpl_list_new (byline_gotmpl_list_length (value->l));

        for (guint i = 0; i < byline_gotmpl_list_length (value->l); i++)
          byline_gotmpl_list_append (list, byline_gotmpl_value_to_params (byline_gotmpl_list_get (value->l, i)));
        return byline_gotmpl_list_value (list);
      }
    default:
      return byline_gotmpl_value_copy (value);
    }
}

/* The site model's value tree (byline-data.h) as template values, the way
 * Hugo's decoders hand YAML, TOML and JSON to templates: date-times become
 * times (in @zone when they have none), the rest keeps its kind. */
BylineGotmplValue
byline_gotmpl_value_from_data (const BylineData *data,
                               gboolean          params,
                               GTimeZone        *zone)
{
  if (data == NULL)
    return byline_gotmpl_nil ();

  switch (byline_data_get_kind (data))
    {
    case BYLINE_DATA_BOOL:
      {
        gboolean b = FALSE;

        byline_data_get_bool (data, &b);
        return byline_gotmpl_bool (b);
      }
    case BYLINE_DATA_INT:
      {
        gint64 i = 0;

        byline_data_get_int (data, &i);
        return byline_gotmpl_int (i);
      }
    case BYLINE_DATA_FLOAT:
      {
        double f = 0;

        byline_data_get_float (data, &f);
        return byline_gotmpl_float (f);
      }
    case BYLINE_DATA_STRING:
      return byline_gotmpl_string (byline_data_get_string (data));
    case BYLINE_DATA_DATE_TIME:
      {
        g_autoptr(GDateTime) dt = byline_data_to_date_time (data, zone);

        if (dt == NULL)
          return byline_gotmpl_string (byline_data_get_literal (data));
        return byline_gotmpl_time_new (dt);
      }
    case BYLINE_DATA_LIST:
      {
        guint n = byline_data_get_length (data);
        BylineGotmplList *list = byline_gotmpl_list_new (n);

        for (guint i = 0; i < n; i++)
          byline_gotmpl_list_append (list, byline_gotmpl_value_from_data (byline_data_list_get (data, i),
                                                                          params, zone));
        return byline_gotmpl_list_value (list);
      }
    case BYLINE_DATA_MAP:
      {
        guint n = byline_data_get_length (data);
        BylineGotmplMap *map = byline_gotmpl_map_new (params);

        /* Entries in source order: a repeated key keeps the last value. */
        for (guint i = 0; i < n; i++)
          byline_gotmpl_map_set (map, byline_data_map_get_key (data, i),
                                 byline_gotmpl_value_from_data (byline_data_map_get_value (data, i),
                                                                params, zone));
        return byline_gotmpl_map_value (map);
      }
    case BYLINE_DATA_NULL:
    default:
      return byline_gotmpl_nil ();
    }
}
