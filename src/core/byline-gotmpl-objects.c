/* byline-gotmpl-objects.c — the shortcode, the site and the Scratch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo's ShortcodeWithPage (hugolib/shortcode.go), text.Position
 * (common/text/position.go), hstore.Scratch (common/hstore/scratch.go) and
 * the Site (resources/page/site.go) as template objects.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-objects.h"

#include <string.h>

#include "byline-gotmpl-funcs.h"
#include "byline-gotmpl-objects-private.h"

/* Scratch */

typedef struct
{
  BylineGotmplObject  parent;
  BylineGotmplMap    *values;
} Scratch;

static void
scratch_finalize (BylineGotmplObject *object)
{
  Scratch *self = (Scratch *) object;

  byline_gotmpl_map_unref (self->values);
}

static gboolean
scratch_key (BylineGotmplCall        *call,
             const BylineGotmplValue *key,
             char                   **result)
{
  return byline_gotmpl_to_string (call, key, result);
}

static gboolean
scratch_add (BylineGotmplCall        *call,
             const BylineGotmplValue *self,
             const BylineGotmplValue *args,
             guint                    n_args,
             BylineGotmplValue       *result)
{
  Scratch *scratch = (Scratch *) self->o;
  g_autofree char *key = NULL;
  const BylineGotmplValue *existing;
  BylineGotmplValue value;

  if (!scratch_key (call, &args[0], &key))
    return FALSE;
  existing = byline_gotmpl_map_lookup (scratch->values, key);
  if (existing == NULL)
    value = byline_gotmpl_value_copy (&args[1]);
  else if (existing->kind == BYLINE_GOTMPL_LIST)
    {
      if (!byline_gotmpl_collections_append (call, existing, &args[1], 1, &value))
        return FALSE;
    }
  else if (!byline_gotmpl_arithmetic (call, existing, &args[1], '+', &value))
    return FALSE;
  byline_gotmpl_map_set (scratch->values, key, value);
  *result = byline_gotmpl_string ("");
  return TRUE;
}

static gboolean
scratch_set (BylineGotmplCall        *call,
             const BylineGotmplValue *self,
             const BylineGotmplValue *args,
             guint                    n_args,
             BylineGotmplValue       *result)
{
  Scratch *scratch = (Scratch *) self->o;
  g_autofree char *key = NULL;

  if (!scratch_key (call, &args[0], &key))
    return FALSE;
  byline_gotmpl_map_set (scratch->values, key, byline_gotmpl_value_copy (&args[1]));
  *result = byline_gotmpl_string ("");
  return TRUE;
}

static gboolean
scratch_delete (BylineGotmplCall        *call,
                const BylineGotmplValue *self,
                const BylineGotmplValue *args,
                guint                    n_args,
                BylineGotmplValue       *result)
{
  Scratch *scratch = (Scratch *) self->o;
  g_autofree char *key = NULL;

  if (!scratch_key (call, &args[0], &key))
    return FALSE;
  byline_gotmpl_map_remove (scratch->values, key);
  *result = byline_gotmpl_string ("");
  return TRUE;
}

static gboolean
scratch_get (BylineGotmplCall        *call,
             const BylineGotmplValue *self,
             const BylineGotmplValue *args,
             guint                    n_args,
             BylineGotmplValue       *result)
{
  Scratch *scratch = (Scratch *) self->o;
  g_autofree char *key = NULL;
  const BylineGotmplValue *v;

  if (!scratch_key (call, &args[0], &key))
    return FALSE;
  v = byline_gotmpl_map_lookup (scratch->values, key);
  if (v != NULL)
    *result = byline_gotmpl_value_copy (v);
  return TRUE;
}

static gboolean
scratch_values (BylineGotmplCall        *call,
                const BylineGotmplValue *self,
                const BylineGotmplValue *args,
                guint                    n_args,
                BylineGotmplValue       *result)
{
  Scratch *scratch = (Scratch *) self->o;

  *result = byline_gotmpl_map_value (byline_gotmpl_map_copy (scratch->values));
  return TRUE;
}

static gboolean
scratch_set_in_map (BylineGotmplCall        *call,
                    const BylineGotmplValue *self,
                    const BylineGotmplValue *args,
                    guint                    n_args,
                    BylineGotmplValue       *result)
{
  Scratch *scratch = (Scratch *) self->o;
  g_autofree char *key = NULL;
  g_autofree char *map_key = NULL;
  const BylineGotmplValue *existing;
  BylineGotmplMap *map;

  if (!scratch_key (call, &args[0], &key) || !scratch_key (call, &args[1], &map_key))
    return FALSE;
  existing = byline_gotmpl_map_lookup (scratch->values, key);
  if (existing != NULL && existing->kind == BYLINE_GOTMPL_MAP)
    map = byline_gotmpl_map_copy (existing->m);
  else
    map = byline_gotmpl_map_new (FALSE);
  byline_gotmpl_map_set (map, map_key, byline_gotmpl_value_copy (&args[2]));
  byline_gotmpl_map_set (scratch->values, key, byline_gotmpl_map_value (map));
  *result = byline_gotmpl_string ("");
  return TRUE;
}

static gboolean
scratch_delete_in_map (BylineGotmplCall        *call,
                       const BylineGotmplValue *self,
                       const BylineGotmplValue *args,
                       guint                    n_args,
                       BylineGotmplValue       *result)
{
  Scratch *scratch = (Scratch *) self->o;
  g_autofree char *key = NULL;
  g_autofree char *map_key = NULL;
  const BylineGotmplValue *existing;

  if (!scratch_key (call, &args[0], &key) || !scratch_key (call, &args[1], &map_key))
    return FALSE;
  existing = byline_gotmpl_map_lookup (scratch->values, key);
  if (existing != NULL && existing->kind == BYLINE_GOTMPL_MAP)
    {
      BylineGotmplMap *map = byline_gotmpl_map_copy (existing->m);

      byline_gotmpl_map_remove (map, map_key);
      byline_gotmpl_map_set (scratch->values, key, byline_gotmpl_map_value (map));
    }
  *result = byline_gotmpl_string ("");
  return TRUE;
}

static gboolean
scratch_get_sorted_map_values (BylineGotmplCall        *call,
                               const BylineGotmplValue *self,
                               const BylineGotmplValue *args,
                               guint                    n_args,
                               BylineGotmplValue       *result)
{
  Scratch *scratch = (Scratch *) self->o;
  g_autofree char *key = NULL;
  const BylineGotmplValue *existing;
  BylineGotmplList *list;

  if (!scratch_key (call, &args[0], &key))
    return FALSE;
  existing = byline_gotmpl_map_lookup (scratch->values, key);
  if (existing == NULL || existing->kind != BYLINE_GOTMPL_MAP)
    return TRUE;
  list = byline_gotmpl_list_new (byline_gotmpl_map_length (existing->m));
  for (guint i = 0; i < byline_gotmpl_map_length (existing->m); i++)
    byline_gotmpl_list_append (list, byline_gotmpl_value_copy (byline_gotmpl_map_value_at (existing->m, i)));
  *result = byline_gotmpl_list_value (list);
  return TRUE;
}

static const BylineGotmplMethod scratch_methods[] = {
  { "Add", scratch_add, 2, 2 },
  { "Delete", scratch_delete, 1, 1 },
  { "DeleteInMap", scratch_delete_in_map, 2, 2 },
  { "Get", scratch_get, 1, 1 },
  { "GetSortedMapValues", scratch_get_sorted_map_values, 1, 1 },
  { "Set", scratch_set, 2, 2 },
  { "SetInMap", scratch_set_in_map, 3, 3 },
  { "Values", scratch_values, 0, 0 },
};

static const BylineGotmplClass scratch_class = {
  .type_name = "*hstore.Scratch",
  .methods = scratch_methods,
  .n_methods = G_N_ELEMENTS (scratch_methods),
  .finalize = scratch_finalize,
};

BylineGotmplValue
byline_gotmpl_scratch_new (void)
{
  Scratch *scratch = byline_gotmpl_object_new (&scratch_class, sizeof (Scratch));

  scratch->values = byline_gotmpl_map_new (FALSE);
  return byline_gotmpl_object_value (scratch);
}

/* text.Position */

typedef struct
{
  BylineGotmplObject  parent;
  char               *filename;
  guint               line;
  guint               column;
} Position;

static void
position_finalize (BylineGotmplObject *object)
{
  g_free (((Position *) object)->filename);
}

/* Position.String with Hugo's default format, "\":file::line::col\"". */
static void
position_print (BylineGotmplObject *object,
                GString            *out)
{
  Position *self = (Position *) object;

  g_string_append_printf (out, "\"%s:%u:%u\"",
                          self->filename != NULL && self->filename[0] != '\0' ? self->filename
                                                                               : "<stream>",
                          self->line, self->column);
}

static gboolean
position_field (BylineGotmplObject *object,
                const char         *name,
                BylineGotmplValue  *result)
{
  Position *self = (Position *) object;

  if (strcmp (name, "Filename") == 0)
    *result = byline_gotmpl_string (self->filename);
  else if (strcmp (name, "LineNumber") == 0)
    *result = byline_gotmpl_int (self->line);
  else if (strcmp (name, "ColumnNumber") == 0)
    *result = byline_gotmpl_int (self->column);
  else if (strcmp (name, "Offset") == 0)
    *result = byline_gotmpl_int (-1);
  else
    return FALSE;
  return TRUE;
}

static gboolean
position_string (BylineGotmplCall        *call,
                 const BylineGotmplValue *self,
                 const BylineGotmplValue *args,
                 guint                    n_args,
                 BylineGotmplValue       *result)
{
  GString *s = g_string_new (NULL);

  position_print (self->o, s);
  *result = byline_gotmpl_string_take (s);
  return TRUE;
}

static gboolean
position_is_valid (BylineGotmplCall        *call,
                   const BylineGotmplValue *self,
                   const BylineGotmplValue *args,
                   guint                    n_args,
                   BylineGotmplValue       *result)
{
  *result = byline_gotmpl_bool (((Position *) self->o)->line > 0);
  return TRUE;
}

static const BylineGotmplMethod position_methods[] = {
  { "IsValid", position_is_valid, 0, 0 },
  { "String", position_string, 0, 0 },
};

static const BylineGotmplClass position_class = {
  .type_name = "text.Position",
  .methods = position_methods,
  .n_methods = G_N_ELEMENTS (position_methods),
  .finalize = position_finalize,
  .print = position_print,
  .field = position_field,
};

BylineGotmplValue
byline_gotmpl_position_new (const char *filename,
                            guint       line,
                            guint       column)
{
  Position *pos = byline_gotmpl_object_new (&position_class, sizeof (Position));

  pos->filename = g_strdup (filename);
  pos->line = line;
  pos->column = column;
  return byline_gotmpl_object_value (pos);
}

/* Records: the contexts of render hooks (markup/converter/hooks), whose
 * fields are plain values known before the hook runs. */

typedef struct
{
  BylineGotmplObject  parent;
  BylineGotmplMap    *fields;
} Record;

static void
record_finalize (BylineGotmplObject *object)
{
  Record *self = (Record *) object;

  byline_gotmpl_map_unref (self->fields);
}

static gboolean
record_field (BylineGotmplObject *object,
              const char         *name,
              BylineGotmplValue  *result)
{
  const BylineGotmplValue *v = byline_gotmpl_map_lookup (((Record *) object)->fields, name);

  if (v == NULL)
    return FALSE;
  *result = byline_gotmpl_value_copy (v);
  return TRUE;
}

static const BylineGotmplClass record_class = {
  .type_name = "hooks.Context",
  .finalize = record_finalize,
  .field = record_field,
};

BylineGotmplValue
byline_gotmpl_record_new (BylineGotmplMap *fields)
{
  Record *record = byline_gotmpl_object_new (&record_class, sizeof (Record));

  record->fields = fields;
  return byline_gotmpl_object_value (record);
}

/* ShortcodeWithPage */

typedef struct
{
  BylineGotmplObject  parent;
  char               *name;
  BylineGotmplValue   params;
  char               *inner;
  char               *indentation;
  BylineGotmplValue   page;
  BylineGotmplValue   parent_shortcode;
  int                 ordinal;
  BylineGotmplValue   position;
  BylineGotmplValue   store;   /* made on first use */
} Shortcode;

static void
shortcode_finalize (BylineGotmplObject *object)
{
  Shortcode *self = (Shortcode *) object;

  g_free (self->name);
  byline_gotmpl_value_clear (&self->params);
  g_free (self->inner);
  g_free (self->indentation);
  byline_gotmpl_value_clear (&self->page);
  byline_gotmpl_value_clear (&self->parent_shortcode);
  byline_gotmpl_value_clear (&self->position);
  byline_gotmpl_value_clear (&self->store);
}

#define SHORTCODE(v) ((Shortcode *) (v)->o)

/* ShortcodeWithPage.Get: by name for named parameters, by position for
 * positional ones; "" for a name or position not given, nil otherwise. */
static gboolean
shortcode_get (BylineGotmplCall        *call,
               const BylineGotmplValue *self,
               const BylineGotmplValue *args,
               guint                    n_args,
               BylineGotmplValue       *result)
{
  Shortcode *sc = SHORTCODE (self);
  const BylineGotmplValue *key = &args[0];

  if (sc->params.kind == BYLINE_GOTMPL_NIL || byline_gotmpl_value_length (&sc->params) == 0)
    return TRUE;
  if (key->kind == BYLINE_GOTMPL_INT)
    {
      if (sc->params.kind == BYLINE_GOTMPL_MAP)
        return TRUE;
      if (key->i < 0)
        return byline_gotmpl_call_error (call, "reflect: slice index out of range");
      if (key->i >= byline_gotmpl_list_length (sc->params.l))
        *result = byline_gotmpl_string ("");
      else
        *result = byline_gotmpl_value_copy (byline_gotmpl_list_get (sc->params.l, key->i));
      return TRUE;
    }
  if (key->kind == BYLINE_GOTMPL_STRING)
    {
      const BylineGotmplValue *v;

      if (sc->params.kind == BYLINE_GOTMPL_LIST)
        return TRUE;
      v = byline_gotmpl_map_lookup (sc->params.m, key->s);
      *result = v != NULL ? byline_gotmpl_value_copy (v) : byline_gotmpl_string ("");
      return TRUE;
    }
  /* Go's reflect would panic on x.Interface() of the zero Value. */
  return byline_gotmpl_call_error (call, "reflect: call of reflect.Value.Interface on zero Value");
}

static gboolean
shortcode_params (BylineGotmplCall        *call,
                  const BylineGotmplValue *self,
                  const BylineGotmplValue *args,
                  guint                    n_args,
                  BylineGotmplValue       *result)
{
  *result = byline_gotmpl_value_copy (&SHORTCODE (self)->params);
  return TRUE;
}

static gboolean
shortcode_is_named_params (BylineGotmplCall        *call,
                           const BylineGotmplValue *self,
                           const BylineGotmplValue *args,
                           guint                    n_args,
                           BylineGotmplValue       *result)
{
  *result = byline_gotmpl_bool (SHORTCODE (self)->params.kind == BYLINE_GOTMPL_MAP);
  return TRUE;
}

static gboolean
shortcode_inner (BylineGotmplCall        *call,
                 const BylineGotmplValue *self,
                 const BylineGotmplValue *args,
                 guint                    n_args,
                 BylineGotmplValue       *result)
{
  *result = byline_gotmpl_safe (SHORTCODE (self)->inner, BYLINE_GOTMPL_HTML);
  return TRUE;
}

/* InnerDeindent: the inner text with the call's indentation removed from
 * the start of each line after the first. */
static gboolean
shortcode_inner_deindent (BylineGotmplCall        *call,
                          const BylineGotmplValue *self,
                          const BylineGotmplValue *args,
                          guint                    n_args,
                          BylineGotmplValue       *result)
{
  Shortcode *sc = SHORTCODE (self);
  const char *indent = sc->indentation != NULL ? sc->indentation : "";
  gsize indent_len = strlen (indent);
  GString *out;
  const char *p;

  if (indent_len == 0 || sc->inner == NULL)
    {
      *result = byline_gotmpl_safe (sc->inner, BYLINE_GOTMPL_HTML);
      return TRUE;
    }
  out = g_string_new (NULL);
  p = sc->inner;
  while (*p != '\0')
    {
      const char *nl = strchr (p, '\n');
      gsize len = nl != NULL ? (gsize) (nl - p + 1) : strlen (p);

      if (strncmp (p, indent, MIN (indent_len, len)) == 0 && len >= indent_len)
        g_string_append_len (out, p + indent_len, len - indent_len);
      else
        g_string_append_len (out, p, len);
      p += len;
    }
  *result = byline_gotmpl_safe_take (out, BYLINE_GOTMPL_HTML);
  return TRUE;
}

static gboolean
shortcode_name (BylineGotmplCall        *call,
                const BylineGotmplValue *self,
                const BylineGotmplValue *args,
                guint                    n_args,
                BylineGotmplValue       *result)
{
  *result = byline_gotmpl_string (SHORTCODE (self)->name);
  return TRUE;
}

static gboolean
shortcode_ordinal (BylineGotmplCall        *call,
                   const BylineGotmplValue *self,
                   const BylineGotmplValue *args,
                   guint                    n_args,
                   BylineGotmplValue       *result)
{
  *result = byline_gotmpl_int (SHORTCODE (self)->ordinal);
  return TRUE;
}

static gboolean
shortcode_parent (BylineGotmplCall        *call,
                  const BylineGotmplValue *self,
                  const BylineGotmplValue *args,
                  guint                    n_args,
                  BylineGotmplValue       *result)
{
  *result = byline_gotmpl_value_copy (&SHORTCODE (self)->parent_shortcode);
  return TRUE;
}

static gboolean
shortcode_position (BylineGotmplCall        *call,
                    const BylineGotmplValue *self,
                    const BylineGotmplValue *args,
                    guint                    n_args,
                    BylineGotmplValue       *result)
{
  *result = byline_gotmpl_value_copy (&SHORTCODE (self)->position);
  return TRUE;
}

static gboolean
shortcode_page (BylineGotmplCall        *call,
                const BylineGotmplValue *self,
                const BylineGotmplValue *args,
                guint                    n_args,
                BylineGotmplValue       *result)
{
  *result = byline_gotmpl_value_copy (&SHORTCODE (self)->page);
  return TRUE;
}

static gboolean
shortcode_site (BylineGotmplCall        *call,
                const BylineGotmplValue *self,
                const BylineGotmplValue *args,
                guint                    n_args,
                BylineGotmplValue       *result)
{
  *result = byline_gotmpl_value_copy (byline_gotmpl_call_get_site (call));
  return TRUE;
}

static gboolean
shortcode_store (BylineGotmplCall        *call,
                 const BylineGotmplValue *self,
                 const BylineGotmplValue *args,
                 guint                    n_args,
                 BylineGotmplValue       *result)
{
  Shortcode *sc = SHORTCODE (self);

  /* Made on first use, as Hugo does; one execution owns the shortcode. */
  if (sc->store.kind == BYLINE_GOTMPL_NIL)
    sc->store = byline_gotmpl_scratch_new ();
  *result = byline_gotmpl_value_copy (&sc->store);
  return TRUE;
}

static gboolean
shortcode_ref (BylineGotmplCall        *call,
               const BylineGotmplValue *self,
               const BylineGotmplValue *args,
               guint                    n_args,
               BylineGotmplValue       *result)
{
  return byline_gotmpl_call_unsupported (call, call->name);
}

static const BylineGotmplMethod shortcode_methods[] = {
  { "Get", shortcode_get, 1, 1 },
  { "Inner", shortcode_inner, 0, 0 },
  { "InnerDeindent", shortcode_inner_deindent, 0, 0 },
  { "IsNamedParams", shortcode_is_named_params, 0, 0 },
  { "Name", shortcode_name, 0, 0 },
  { "Ordinal", shortcode_ordinal, 0, 0 },
  { "Page", shortcode_page, 0, 0 },
  { "Params", shortcode_params, 0, 0 },
  { "Parent", shortcode_parent, 0, 0 },
  { "Position", shortcode_position, 0, 0 },
  { "Ref", shortcode_ref, 1, 1 },
  { "RelRef", shortcode_ref, 1, 1 },
  { "Scratch", shortcode_store, 0, 0 },
  { "Site", shortcode_site, 0, 0 },
  { "Store", shortcode_store, 0, 0 },
};

const BylineGotmplClass byline_gotmpl_shortcode_class = {
  .type_name = "*hugolib.ShortcodeWithPage",
  .methods = shortcode_methods,
  .n_methods = G_N_ELEMENTS (shortcode_methods),
  .finalize = shortcode_finalize,
  .complete = TRUE,
};

BylineGotmplValue
byline_gotmpl_shortcode_new (const char              *name,
                             const BylineGotmplValue *params,
                             const char              *inner,
                             const char              *indentation,
                             const BylineGotmplValue *page,
                             const BylineGotmplValue *parent,
                             int                      ordinal,
                             const char              *filename,
                             guint                    line,
                             guint                    column)
{
  Shortcode *sc = byline_gotmpl_object_new (&byline_gotmpl_shortcode_class, sizeof (Shortcode));

  sc->name = g_strdup (name);
  sc->params = params != NULL ? byline_gotmpl_value_copy (params) : byline_gotmpl_nil ();
  sc->inner = g_strdup (inner != NULL ? inner : "");
  sc->indentation = g_strdup (indentation);
  sc->page = page != NULL ? byline_gotmpl_value_copy (page) : byline_gotmpl_nil ();
  sc->parent_shortcode = parent != NULL ? byline_gotmpl_value_copy (parent) : byline_gotmpl_nil ();
  sc->ordinal = ordinal;
  sc->position = byline_gotmpl_position_new (filename, line, column);
  return byline_gotmpl_object_value (sc);
}

void
byline_gotmpl_shortcode_set_inner (const BylineGotmplValue *shortcode,
                                   const char              *inner)
{
  Shortcode *sc = byline_gotmpl_value_get_object (shortcode, &byline_gotmpl_shortcode_class);

  g_return_if_fail (sc != NULL);
  g_free (sc->inner);
  sc->inner = g_strdup (inner != NULL ? inner : "");
}

const BylineGotmplValue *
byline_gotmpl_shortcode_get_page (const BylineGotmplValue *shortcode)
{
  static const BylineGotmplValue nil = BYLINE_GOTMPL_VALUE_INIT;
  Shortcode *sc = byline_gotmpl_value_get_object (shortcode, &byline_gotmpl_shortcode_class);

  return sc != NULL ? &sc->page : &nil;
}

/* pageparser's ValTyped: quoted values are strings; bare ones that match
 * ^(true|false)$, ^[-+]?\d+$ or ^[-+]?\d*\.\d+$ are typed. */
BylineGotmplValue
byline_gotmpl_shortcode_param_value (const BylineShortcodeParam *param)
{
  const char *v = param->value != NULL ? param->value : "";
  const char *p = v;
  gboolean digits_before = FALSE, dot = FALSE, digits_after = FALSE;

  if (param->quote != BYLINE_PARAM_BARE)
    return byline_gotmpl_string (v);
  if (strcmp (v, "true") == 0 || strcmp (v, "false") == 0)
    return byline_gotmpl_bool (v[0] == 't');
  if (*p == '+' || *p == '-')
    p++;
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (dot)
            digits_after = TRUE;
          else
            digits_before = TRUE;
        }
      else if (*p == '.' && !dot)
        dot = TRUE;
      else
        return byline_gotmpl_string (v);
    }
  if (!dot && digits_before)
    {
      gint64 i;

      /* strconv.Atoi fails on overflow: then it stays a string. */
      if (g_ascii_string_to_signed (v[0] == '+' ? v + 1 : v, 10, G_MININT64, G_MAXINT64, &i, NULL))
        return byline_gotmpl_int (i);
      return byline_gotmpl_string (v);
    }
  if (dot && digits_after)
    return byline_gotmpl_float (g_ascii_strtod (v, NULL));
  return byline_gotmpl_string (v);
}

BylineGotmplValue
byline_gotmpl_shortcode_params (const BylineShortcode *call)
{
  gboolean named;

  if (call->params == NULL || call->params->len == 0)
    return byline_gotmpl_nil ();
  named = ((BylineShortcodeParam *) g_ptr_array_index (call->params, 0))->name != NULL;
  if (named)
    {
      BylineGotmplMap *map = byline_gotmpl_map_new (FALSE);

      for (guint i = 0; i < call->params->len; i++)
        {
          const BylineShortcodeParam *param = g_ptr_array_index (call->params, i);

          if (param->name != NULL)
            byline_gotmpl_map_set (map, param->name, byline_gotmpl_shortcode_param_value (param));
        }
      return byline_gotmpl_map_value (map);
    }
  else
    {
      BylineGotmplList *list = byline_gotmpl_list_new (call->params->len);

      for (guint i = 0; i < call->params->len; i++)
        byline_gotmpl_list_append (list, byline_gotmpl_shortcode_param_value (
                                           g_ptr_array_index (call->params, i)));
      return byline_gotmpl_list_value (list);
    }
}
