/* byline-gotmpl-funcs-remarshal.c — transform.Remarshal and TOML data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo's transform.Remarshal (tpl/transform/remarshal.go): data given as a
 * map, or as text in JSON, YAML or TOML (the format guessed from the text
 * as metadecoders.FormatFromContentString guesses it), written out again
 * in the format asked for, as parser.InterfaceToConfig writes it:
 *
 *   json  encoding/json's MarshalIndent with a three-space indent;
 *   yaml  keys sorted, sequences at their key's indentation, scalars
 *         quoted only where YAML would read them otherwise;
 *   toml  go-toml v2 with indented tables: keys sorted, plain keys before
 *         tables, strings as literal 'strings' where they can be.
 *
 * Whole floats are written as integers (Hugo's applyMarshalTypes).
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-funcs.h"

#include <math.h>
#include <string.h>

#include "byline-data.h"
#include "byline-gotmpl-escape.h"
#include "byline-gotmpl-funcs-private.h"
#include "byline-gotmpl-objects-private.h"

/* Indexes as metadecoders.FormatFromContentString compares them. */
static gboolean
is_lower_index (gssize        first,
                const gssize *others,
                guint         n)
{
  if (first < 0)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (others[i] >= 0 && others[i] < first)
      return FALSE;
  return TRUE;
}

static gssize
index_of (const char *s,
          char        c)
{
  const char *p = strchr (s, c);

  return p != NULL ? p - s : -1;
}

/* "json", "yaml", "toml", "xml", "csv", or NULL. */
static const char *
format_from_content (const char *s)
{
  gssize csv = index_of (s, ','), json = index_of (s, '{'), yaml = index_of (s, ':');
  gssize xml = index_of (s, '<'), toml = index_of (s, '=');

  if (is_lower_index (csv, (gssize[]) { json, yaml, xml, toml }, 4))
    return "csv";
  if (is_lower_index (json, (gssize[]) { yaml, xml, toml }, 3))
    return "json";
  if (is_lower_index (yaml, (gssize[]) { xml, toml }, 2))
    return "yaml";
  if (is_lower_index (xml, (gssize[]) { toml }, 1))
    return "xml";
  return toml >= 0 ? "toml" : NULL;
}

gboolean
byline_gotmpl_read_toml (BylineGotmplCall  *call,
                         const char        *text,
                         BylineGotmplValue *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineData) data = NULL;

  if (!byline_gotmpl_call_step (call, strlen (text) / 64))
    return FALSE;
  data = byline_data_read_toml (text, 0, strlen (text), NULL, NULL, &error);
  if (data == NULL)
    return byline_gotmpl_call_error (call, "failed to unmarshal TOML: %s", error->message);
  *result = byline_gotmpl_value_from_data (data, FALSE, NULL);
  return TRUE;
}

/* Writers */

static void
indent (GString *out,
        guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append (out, "  ");
}

static gboolean
is_whole (double f)
{
  return isfinite (f) && f == floor (f) && fabs (f) < 9007199254740992.0;
}

static void
write_number (GString                 *out,
              const BylineGotmplValue *v)
{
  if (v->kind == BYLINE_GOTMPL_INT)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, v->i);
  else if (is_whole (v->f))
    g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) v->f);
  else
    byline_gotmpl_format_float (out, v->f, 'g', -1);
}

static gboolean
is_table (const BylineGotmplValue *v)
{
  return v->kind == BYLINE_GOTMPL_MAP;
}

static gboolean
is_table_array (const BylineGotmplValue *v)
{
  guint n;

  if (v->kind != BYLINE_GOTMPL_LIST || (n = byline_gotmpl_list_length (v->l)) == 0)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (byline_gotmpl_list_get (v->l, i)->kind != BYLINE_GOTMPL_MAP)
      return FALSE;
  return TRUE;
}

/* A "…" string with the escapes TOML and YAML share. */
static void
double_quoted (GString    *out,
               const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p != '\0'; p++)
    switch (*p)
      {
      case '"': g_string_append (out, "\\\""); break;
      case '\\': g_string_append (out, "\\\\"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\t': g_string_append (out, "\\t"); break;
      case '\r': g_string_append (out, "\\r"); break;
      default:
        if ((guchar) *p < 0x20 || *p == 0x7f)
          g_string_append_printf (out, "\\u%04X", (guchar) *p);
        else
          g_string_append_c (out, *p);
      }
  g_string_append_c (out, '"');
}

/* go-toml's strings: a literal '…' unless it holds a quote or a control
 * character, then a basic "…" with escapes. */
static void
toml_string (GString    *out,
             const char *s)
{
  gboolean literal = TRUE;

  for (const char *p = s; *p != '\0'; p++)
    if (*p == '\'' || (guchar) *p < 0x20 || *p == 0x7f)
      literal = FALSE;
  if (literal)
    g_string_append_printf (out, "'%s'", s);
  else
    double_quoted (out, s);
}

static void
toml_key (GString    *out,
          const char *key)
{
  gboolean bare = key[0] != '\0';

  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      bare = FALSE;
  if (bare)
    g_string_append (out, key);
  else
    toml_string (out, key);
}

static void
toml_inline (GString                 *out,
             const BylineGotmplValue *v)
{
  switch (v->kind)
    {
    case BYLINE_GOTMPL_BOOL:
      g_string_append (out, v->b ? "true" : "false");
      break;
    case BYLINE_GOTMPL_INT:
    case BYLINE_GOTMPL_FLOAT:
      write_number (out, v);
      break;
    case BYLINE_GOTMPL_LIST:
      g_string_append_c (out, '[');
      for (guint i = 0; i < byline_gotmpl_list_length (v->l); i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          toml_inline (out, byline_gotmpl_list_get (v->l, i));
        }
      g_string_append_c (out, ']');
      break;
    case BYLINE_GOTMPL_MAP:
      g_string_append_c (out, '{');
      for (guint i = 0; i < byline_gotmpl_map_length (v->m); i++)
        {
          g_string_append (out, i > 0 ? ", " : "");
          toml_key (out, byline_gotmpl_map_key_at (v->m, i));
          g_string_append (out, " = ");
          toml_inline (out, byline_gotmpl_map_value_at (v->m, i));
        }
      g_string_append_c (out, '}');
      break;
    case BYLINE_GOTMPL_OBJECT:
      {
        GDateTime *dt = byline_gotmpl_time_get (v);

        if (dt != NULL)
          {
            g_autofree char *iso = g_date_time_format_iso8601 (dt);

            g_string_append (out, iso);
            break;
          }
      }
      G_GNUC_FALLTHROUGH;
    case BYLINE_GOTMPL_STRING:
    default:
      {
        g_autofree char *s = byline_gotmpl_value_to_string (v);

        toml_string (out, s != NULL ? s : "");
      }
      break;
    }
}

/* go-toml v2's encodeTable: plain keys, then tables and arrays of
 * tables, a blank line between tables, nested ones indented. */
static void
toml_table (GString                 *out,
            const BylineGotmplMap   *map,
            const char              *path,
            guint                    depth)
{
  gboolean has_kv = FALSE;
  gboolean first = TRUE;
  guint n = byline_gotmpl_map_length (map);

  for (guint i = 0; i < n; i++)
    {
      const BylineGotmplValue *v = byline_gotmpl_map_value_at (map, i);

      if (v->kind == BYLINE_GOTMPL_NIL || is_table (v) || is_table_array (v))
        continue;
      has_kv = TRUE;
      indent (out, depth);
      toml_key (out, byline_gotmpl_map_key_at (map, i));
      g_string_append (out, " = ");
      toml_inline (out, v);
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < n; i++)
    {
      const BylineGotmplValue *v = byline_gotmpl_map_value_at (map, i);
      g_autoptr(GString) key = NULL;
      guint header_depth = path[0] != '\0' ? depth : 0;

      if (!is_table (v) && !is_table_array (v))
        continue;
      if (!first || has_kv)
        g_string_append_c (out, '\n');
      first = FALSE;
      key = g_string_new (path);
      if (path[0] != '\0')
        g_string_append_c (key, '.');
      toml_key (key, byline_gotmpl_map_key_at (map, i));
      if (is_table (v))
        {
          indent (out, header_depth);
          g_string_append_printf (out, "[%s]\n", key->str);
          toml_table (out, v->m, key->str, header_depth + 1);
        }
      else
        for (guint k = 0; k < byline_gotmpl_list_length (v->l); k++)
          {
            if (k > 0)
              g_string_append_c (out, '\n');
            indent (out, header_depth);
            g_string_append_printf (out, "[[%s]]\n", key->str);
            toml_table (out, byline_gotmpl_list_get (v->l, k)->m, key->str, header_depth + 1);
          }
    }
}

/* Whether YAML would read @s as something other than this string. */
static gboolean
yaml_needs_quotes (const char *s)
{
  static const char * const words[] = {
    "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n",
  };
  char *end;
  gsize len = strlen (s);

  if (len == 0 || strchr ("-?:,[]{}#&*!|>'\"%@`", s[0]) != NULL ||
      g_ascii_isspace (s[0]) || g_ascii_isspace (s[len - 1]) ||
      strstr (s, ": ") != NULL || strstr (s, " #") != NULL || s[len - 1] == ':')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strcasecmp (s, words[i]) == 0)
      return TRUE;
  g_ascii_strtod (s, &end);
  return *end == '\0';
}

static void
yaml_scalar (GString                 *out,
             const BylineGotmplValue *v)
{
  g_autofree char *s = NULL;

  switch (v->kind)
    {
    case BYLINE_GOTMPL_NIL:
      g_string_append (out, "null");
      return;
    case BYLINE_GOTMPL_BOOL:
      g_string_append (out, v->b ? "true" : "false");
      return;
    case BYLINE_GOTMPL_INT:
    case BYLINE_GOTMPL_FLOAT:
      write_number (out, v);
      return;
    default:
      break;
    }
  s = byline_gotmpl_value_to_string (v);
  if (s == NULL)
    s = g_strdup ("");
  if (strpbrk (s, "\n\t\r") != NULL)
    double_quoted (out, s);
  else if (yaml_needs_quotes (s))
    {
      g_string_append_c (out, '\'');
      for (const char *p = s; *p != '\0'; p++)
        {
          if (*p == '\'')
            g_string_append_c (out, '\'');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '\'');
    }
  else
    g_string_append (out, s);
}

static void yaml_node (GString *out, const BylineGotmplValue *v, guint depth, gboolean in_item);

static gboolean
is_empty_collection (const BylineGotmplValue *v)
{
  return (v->kind == BYLINE_GOTMPL_MAP && byline_gotmpl_map_length (v->m) == 0) ||
         (v->kind == BYLINE_GOTMPL_LIST && byline_gotmpl_list_length (v->l) == 0);
}

/* A map's entries or a list's items, each on its own line at @depth; in a
 * list item, the first entry follows "- " on the item's line. */
static void
yaml_node (GString                 *out,
           const BylineGotmplValue *v,
           guint                    depth,
           gboolean                 in_item)
{
  if (v->kind == BYLINE_GOTMPL_MAP)
    for (guint i = 0; i < byline_gotmpl_map_length (v->m); i++)
      {
        const BylineGotmplValue *value = byline_gotmpl_map_value_at (v->m, i);
        const char *key = byline_gotmpl_map_key_at (v->m, i);

        if (!(in_item && i == 0))
          indent (out, depth);
        if (yaml_needs_quotes (key))
          {
            g_auto(BylineGotmplValue) k = byline_gotmpl_string (key);

            yaml_scalar (out, &k);
          }
        else
          g_string_append (out, key);
        g_string_append_c (out, ':');
        if (is_empty_collection (value))
          g_string_append (out, value->kind == BYLINE_GOTMPL_MAP ? " {}\n" : " []\n");
        else if (value->kind == BYLINE_GOTMPL_MAP)
          {
            g_string_append_c (out, '\n');
            yaml_node (out, value, depth + 1, FALSE);
          }
        else if (value->kind == BYLINE_GOTMPL_LIST)
          {
            /* Sequences sit at their key's indentation. */
            g_string_append_c (out, '\n');
            yaml_node (out, value, depth, FALSE);
          }
        else
          {
            g_string_append_c (out, ' ');
            yaml_scalar (out, value);
            g_string_append_c (out, '\n');
          }
      }
  else if (v->kind == BYLINE_GOTMPL_LIST)
    for (guint i = 0; i < byline_gotmpl_list_length (v->l); i++)
      {
        const BylineGotmplValue *item = byline_gotmpl_list_get (v->l, i);

        if (!(in_item && i == 0))
          indent (out, depth);
        g_string_append (out, "- ");
        if (is_empty_collection (item))
          g_string_append (out, item->kind == BYLINE_GOTMPL_MAP ? "{}\n" : "[]\n");
        else if (item->kind == BYLINE_GOTMPL_MAP || item->kind == BYLINE_GOTMPL_LIST)
          yaml_node (out, item, depth + 1, TRUE);
        else
          {
            yaml_scalar (out, item);
            g_string_append_c (out, '\n');
          }
      }
  else
    {
      yaml_scalar (out, v);
      g_string_append_c (out, '\n');
    }
}

static gboolean
write_json (BylineGotmplCall        *call,
            const BylineGotmplValue *data,
            BylineGotmplValue       *result)
{
  const BylineGotmplMethod *jsonify = byline_gotmpl_funcs_lookup ("jsonify");
  BylineGotmplMap *opts = byline_gotmpl_map_new (FALSE);
  BylineGotmplValue args[2];
  g_auto(BylineGotmplValue) json = BYLINE_GOTMPL_VALUE_INIT;
  gboolean ok;

  byline_gotmpl_map_set (opts, "indent", byline_gotmpl_string ("   "));
  args[0] = byline_gotmpl_map_value (opts);
  args[1] = byline_gotmpl_value_copy (data);
  ok = jsonify->func (call, NULL, args, 2, &json);
  byline_gotmpl_value_clear (&args[0]);
  byline_gotmpl_value_clear (&args[1]);
  if (!ok)
    return FALSE;
  *result = byline_gotmpl_string_printf ("%s\n", json.s);
  return TRUE;
}

gboolean
byline_gotmpl_fn_remarshal (BylineGotmplCall        *call,
                            const BylineGotmplValue *self,
                            const BylineGotmplValue *args,
                            guint                    n_args,
                            BylineGotmplValue       *result)
{
  g_autofree char *format = NULL;
  g_auto(BylineGotmplValue) parsed = BYLINE_GOTMPL_VALUE_INIT;
  const BylineGotmplValue *data = &args[1];
  g_autoptr(GString) out = NULL;

  if (!byline_gotmpl_to_string (call, &args[0], &format))
    return FALSE;
  g_strstrip (format);
  for (char *p = format; *p != '\0'; p++)
    *p = g_ascii_tolower (*p);
  if (strcmp (format, "yml") == 0)
    {
      g_free (format);
      format = g_strdup ("yaml");
    }
  if (strcmp (format, "json") != 0 && strcmp (format, "yaml") != 0 && strcmp (format, "toml") != 0)
    {
      if (strcmp (format, "xml") == 0)
        return byline_gotmpl_call_unsupported (call, "transform.Remarshal to XML");
      return byline_gotmpl_call_error (call, "failed to detect target data serialization format");
    }

  if (data->kind != BYLINE_GOTMPL_MAP)
    {
      g_autofree char *from = NULL;
      const char *kind;

      if (!byline_gotmpl_to_string (call, data, &from))
        return FALSE;
      g_strstrip (from);
      if (from[0] == '\0')
        {
          *result = byline_gotmpl_string ("");
          return TRUE;
        }
      kind = format_from_content (from);
      if (kind == NULL)
        return byline_gotmpl_call_error (call, "failed to detect format from content");
      if (strcmp (kind, "toml") == 0)
        {
          if (!byline_gotmpl_read_toml (call, from, &parsed))
            return FALSE;
        }
      else if (strcmp (kind, "json") == 0 || strcmp (kind, "yaml") == 0)
        {
          g_autoptr(GError) error = NULL;

          if (!byline_gotmpl_call_step (call, strlen (from) / 64))
            return FALSE;
          if (!byline_gotmpl_parse_yaml (from, strlen (from), FALSE, &parsed, &error))
            return byline_gotmpl_call_error (call, "failed to unmarshal: %s", error->message);
        }
      else
        {
          g_autofree char *what = g_strdup_printf ("transform.Remarshal from %s", kind);

          return byline_gotmpl_call_unsupported (call, what);
        }
      if (parsed.kind != BYLINE_GOTMPL_MAP)
        return byline_gotmpl_call_error (call, "failed to unmarshal: not a map");
      data = &parsed;
    }

  if (strcmp (format, "json") == 0)
    return write_json (call, data, result);
  out = g_string_new (NULL);
  if (strcmp (format, "yaml") == 0)
    {
      if (byline_gotmpl_map_length (data->m) == 0)
        g_string_append (out, "{}\n");
      else
        yaml_node (out, data, 0, FALSE);
    }
  else
    toml_table (out, data->m, "", 0);
  *result = byline_gotmpl_string_take (g_steal_pointer (&out));
  return TRUE;
}
