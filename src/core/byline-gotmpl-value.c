/* byline-gotmpl-value.c — the values a Go template computes with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-value.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct _BylineGotmplList
{
  gint                     ref_count;
  guint                    len;
  guint                    alloc;
  const BylineGotmplClass *klass;
  BylineGotmplValue       *items;
};

typedef struct
{
  char              *key;
  BylineGotmplValue  value;
} MapEntry;

struct _BylineGotmplMap
{
  gint      ref_count;
  gboolean  params;
  guint     len;
  guint     alloc;
  MapEntry *entries;
};

BylineGotmplValue
byline_gotmpl_string_len (const char *s,
                          gsize       len)
{
  BylineGotmplValue v = { .kind = BYLINE_GOTMPL_STRING, .content = BYLINE_GOTMPL_PLAIN };

  v.s = g_ref_string_new_len (s != NULL ? s : "", s != NULL ? (gssize) len : 0);
  return v;
}

BylineGotmplValue
byline_gotmpl_string (const char *s)
{
  return byline_gotmpl_string_len (s, s != NULL ? strlen (s) : 0);
}

BylineGotmplValue
byline_gotmpl_string_take (GString *s)
{
  BylineGotmplValue v = byline_gotmpl_string_len (s->str, s->len);

  g_string_free (s, TRUE);
  return v;
}

BylineGotmplValue
byline_gotmpl_string_own (char *s)
{
  BylineGotmplValue v = byline_gotmpl_string (s);

  g_free (s);
  return v;
}

BylineGotmplValue
byline_gotmpl_string_printf (const char *format,
                             ...)
{
  GString *s = g_string_new (NULL);
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (s, format, args);
  va_end (args);
  return byline_gotmpl_string_take (s);
}

BylineGotmplValue
byline_gotmpl_safe (const char          *s,
                    BylineGotmplContent  content)
{
  BylineGotmplValue v = byline_gotmpl_string (s);

  v.content = content;
  return v;
}

BylineGotmplValue
byline_gotmpl_safe_take (GString             *s,
                         BylineGotmplContent  content)
{
  BylineGotmplValue v = byline_gotmpl_string_take (s);

  v.content = content;
  return v;
}

BylineGotmplValue
byline_gotmpl_list_value (BylineGotmplList *list)
{
  BylineGotmplValue v = { .kind = BYLINE_GOTMPL_LIST, .l = list };
  return v;
}

BylineGotmplValue
byline_gotmpl_map_value (BylineGotmplMap *map)
{
  BylineGotmplValue v = { .kind = BYLINE_GOTMPL_MAP, .m = map };
  return v;
}

BylineGotmplValue
byline_gotmpl_object_value (gpointer object)
{
  BylineGotmplValue v = { .kind = BYLINE_GOTMPL_OBJECT, .o = object };
  return v;
}

BylineGotmplValue
byline_gotmpl_value_copy (const BylineGotmplValue *value)
{
  BylineGotmplValue v = *value;

  switch (v.kind)
    {
    case BYLINE_GOTMPL_STRING:
      g_ref_string_acquire (v.s);
      break;
    case BYLINE_GOTMPL_LIST:
      byline_gotmpl_list_ref (v.l);
      break;
    case BYLINE_GOTMPL_MAP:
      byline_gotmpl_map_ref (v.m);
      break;
    case BYLINE_GOTMPL_OBJECT:
      byline_gotmpl_object_ref (v.o);
      break;
    default:
      break;
    }
  return v;
}

void
byline_gotmpl_value_clear (BylineGotmplValue *value)
{
  switch (value->kind)
    {
    case BYLINE_GOTMPL_STRING:
      g_ref_string_release (value->s);
      break;
    case BYLINE_GOTMPL_LIST:
      byline_gotmpl_list_unref (value->l);
      break;
    case BYLINE_GOTMPL_MAP:
      byline_gotmpl_map_unref (value->m);
      break;
    case BYLINE_GOTMPL_OBJECT:
      byline_gotmpl_object_unref (value->o);
      break;
    default:
      break;
    }
  *value = byline_gotmpl_nil ();
}

BylineGotmplValue
byline_gotmpl_value_steal (BylineGotmplValue *value)
{
  BylineGotmplValue v = *value;

  *value = byline_gotmpl_nil ();
  return v;
}

/* Lists */

BylineGotmplList *
byline_gotmpl_list_new (guint reserve)
{
  BylineGotmplList *list = g_new0 (BylineGotmplList, 1);

  list->ref_count = 1;
  list->alloc = MAX (reserve, 1);
  list->items = g_new (BylineGotmplValue, list->alloc);
  return list;
}

BylineGotmplList *
byline_gotmpl_list_ref (BylineGotmplList *list)
{
  g_atomic_int_inc (&list->ref_count);
  return list;
}

void
byline_gotmpl_list_unref (BylineGotmplList *list)
{
  if (!g_atomic_int_dec_and_test (&list->ref_count))
    return;
  for (guint i = 0; i < list->len; i++)
    byline_gotmpl_value_clear (&list->items[i]);
  g_free (list->items);
  g_free (list);
}

void
byline_gotmpl_list_append (BylineGotmplList  *list,
                           BylineGotmplValue  value)
{
  if (list->len == list->alloc)
    {
      list->alloc *= 2;
      list->items = g_renew (BylineGotmplValue, list->items, list->alloc);
    }
  list->items[list->len++] = value;
}

guint
byline_gotmpl_list_length (const BylineGotmplList *list)
{
  return list->len;
}

const BylineGotmplValue *
byline_gotmpl_list_get (const BylineGotmplList *list,
                        guint                   index)
{
  g_return_val_if_fail (index < list->len, NULL);
  return &list->items[index];
}

void
byline_gotmpl_list_set_class (BylineGotmplList        *list,
                              const BylineGotmplClass *klass)
{
  list->klass = klass;
}

const BylineGotmplClass *
byline_gotmpl_list_get_class (const BylineGotmplList *list)
{
  return list->klass;
}

/* Maps */

BylineGotmplMap *
byline_gotmpl_map_new (gboolean params)
{
  BylineGotmplMap *map = g_new0 (BylineGotmplMap, 1);

  map->ref_count = 1;
  map->params = params;
  return map;
}

BylineGotmplMap *
byline_gotmpl_map_ref (BylineGotmplMap *map)
{
  g_atomic_int_inc (&map->ref_count);
  return map;
}

void
byline_gotmpl_map_unref (BylineGotmplMap *map)
{
  if (!g_atomic_int_dec_and_test (&map->ref_count))
    return;
  for (guint i = 0; i < map->len; i++)
    {
      g_free (map->entries[i].key);
      byline_gotmpl_value_clear (&map->entries[i].value);
    }
  g_free (map->entries);
  g_free (map);
}

gboolean
byline_gotmpl_map_is_params (const BylineGotmplMap *map)
{
  return map->params;
}

/* The index of @key, or of where it would go (as ~index). */
static gssize
map_find (const BylineGotmplMap *map,
          const char            *key)
{
  gsize lo = 0, hi = map->len;

  /* Appending in order is the common case (data files, dict). */
  if (map->len > 0 && strcmp (map->entries[map->len - 1].key, key) < 0)
    return ~(gssize) map->len;

  while (lo < hi)
    {
      gsize mid = (lo + hi) / 2;
      int c = strcmp (map->entries[mid].key, key);

      if (c == 0)
        return mid;
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return ~(gssize) lo;
}

static char *
map_key (const BylineGotmplMap *map,
         const char            *key)
{
  return map->params ? g_utf8_strdown (key, -1) : g_strdup (key);
}

void
byline_gotmpl_map_set (BylineGotmplMap   *map,
                       const char        *key,
                       BylineGotmplValue  value)
{
  g_autofree char *k = map_key (map, key);
  gssize at = map_find (map, k);
  gsize pos;

  if (at >= 0)
    {
      byline_gotmpl_value_clear (&map->entries[at].value);
      map->entries[at].value = value;
      return;
    }

  pos = ~at;
  if (map->len == map->alloc)
    {
      map->alloc = MAX (4, map->alloc * 2);
      map->entries = g_renew (MapEntry, map->entries, map->alloc);
    }
  memmove (&map->entries[pos + 1], &map->entries[pos], (map->len - pos) * sizeof (MapEntry));
  map->entries[pos].key = g_steal_pointer (&k);
  map->entries[pos].value = value;
  map->len++;
}

gboolean
byline_gotmpl_map_remove (BylineGotmplMap *map,
                          const char      *key)
{
  g_autofree char *k = map_key (map, key);
  gssize at = map_find (map, k);

  if (at < 0)
    return FALSE;
  g_free (map->entries[at].key);
  byline_gotmpl_value_clear (&map->entries[at].value);
  memmove (&map->entries[at], &map->entries[at + 1], (map->len - at - 1) * sizeof (MapEntry));
  map->len--;
  return TRUE;
}

const BylineGotmplValue *
byline_gotmpl_map_lookup (const BylineGotmplMap *map,
                          const char            *key)
{
  gssize at;

  if (map->params)
    {
      g_autofree char *k = g_utf8_strdown (key, -1);

      at = map_find (map, k);
    }
  else
    at = map_find (map, key);

  return at >= 0 ? &map->entries[at].value : NULL;
}

guint
byline_gotmpl_map_length (const BylineGotmplMap *map)
{
  return map->len;
}

const char *
byline_gotmpl_map_key_at (const BylineGotmplMap *map,
                          guint                  index)
{
  g_return_val_if_fail (index < map->len, NULL);
  return map->entries[index].key;
}

const BylineGotmplValue *
byline_gotmpl_map_value_at (const BylineGotmplMap *map,
                            guint                  index)
{
  g_return_val_if_fail (index < map->len, NULL);
  return &map->entries[index].value;
}

BylineGotmplMap *
byline_gotmpl_map_copy (const BylineGotmplMap *map)
{
  BylineGotmplMap *copy = byline_gotmpl_map_new (map->params);

  copy->alloc = MAX (map->len, 4);
  copy->entries = g_new (MapEntry, copy->alloc);
  for (guint i = 0; i < map->len; i++)
    {
      copy->entries[i].key = g_strdup (map->entries[i].key);
      copy->entries[i].value = byline_gotmpl_value_copy (&map->entries[i].value);
    }
  copy->len = map->len;
  return copy;
}

/* Objects */

gpointer
byline_gotmpl_object_new (const BylineGotmplClass *klass,
                          gsize                    size)
{
  BylineGotmplObject *object;

  g_return_val_if_fail (size >= sizeof (BylineGotmplObject), NULL);
  object = g_malloc0 (size);
  object->ref_count = 1;
  object->klass = klass;
  return object;
}

gpointer
byline_gotmpl_object_ref (gpointer object)
{
  BylineGotmplObject *self = object;

  g_atomic_int_inc (&self->ref_count);
  return object;
}

void
byline_gotmpl_object_unref (gpointer object)
{
  BylineGotmplObject *self = object;

  if (!g_atomic_int_dec_and_test (&self->ref_count))
    return;
  if (self->klass->finalize != NULL)
    self->klass->finalize (self);
  g_free (self);
}

const BylineGotmplMethod *
byline_gotmpl_class_find_method (const BylineGotmplClass *klass,
                                 const char              *name)
{
  gsize lo = 0, hi;

  if (klass == NULL)
    return NULL;
  hi = klass->n_methods;
  while (lo < hi)
    {
      gsize mid = (lo + hi) / 2;
      int c = strcmp (klass->methods[mid].name, name);

      if (c == 0)
        return &klass->methods[mid];
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

gpointer
byline_gotmpl_value_get_object (const BylineGotmplValue *value,
                                const BylineGotmplClass *klass)
{
  if (value->kind == BYLINE_GOTMPL_OBJECT && value->o->klass == klass)
    return value->o;
  return NULL;
}

/* Go semantics */

gboolean
byline_gotmpl_value_truth (const BylineGotmplValue *value)
{
  switch ((BylineGotmplKind) value->kind)
    {
    case BYLINE_GOTMPL_NIL:
      return FALSE;
    case BYLINE_GOTMPL_BOOL:
      return value->b;
    case BYLINE_GOTMPL_INT:
      return value->i != 0;
    case BYLINE_GOTMPL_FLOAT:
      return value->f != 0;
    case BYLINE_GOTMPL_STRING:
      return byline_gotmpl_string_length (value) > 0;
    case BYLINE_GOTMPL_LIST:
      return value->l->len > 0;
    case BYLINE_GOTMPL_MAP:
      return value->m->len > 0;
    case BYLINE_GOTMPL_OBJECT:
      return value->o->klass->truth == NULL || value->o->klass->truth (value->o);
    }
  return FALSE;
}

const char *
byline_gotmpl_value_type_name (const BylineGotmplValue *value)
{
  static const char * const content_names[] = {
    [BYLINE_GOTMPL_PLAIN] = "string",
    [BYLINE_GOTMPL_CSS] = "template.CSS",
    [BYLINE_GOTMPL_HTML] = "template.HTML",
    [BYLINE_GOTMPL_HTML_ATTR] = "template.HTMLAttr",
    [BYLINE_GOTMPL_JS] = "template.JS",
    [BYLINE_GOTMPL_JS_STR] = "template.JSStr",
    [BYLINE_GOTMPL_URL] = "template.URL",
    [BYLINE_GOTMPL_SRCSET] = "template.Srcset",
  };

  switch ((BylineGotmplKind) value->kind)
    {
    case BYLINE_GOTMPL_NIL:
      return "<nil>";
    case BYLINE_GOTMPL_BOOL:
      return "bool";
    case BYLINE_GOTMPL_INT:
      return "int";
    case BYLINE_GOTMPL_FLOAT:
      return "float64";
    case BYLINE_GOTMPL_STRING:
      return content_names[value->content];
    case BYLINE_GOTMPL_LIST:
      return value->l->klass != NULL ? value->l->klass->type_name : "[]interface {}";
    case BYLINE_GOTMPL_MAP:
      return value->m->params ? "maps.Params" : "map[string]interface {}";
    case BYLINE_GOTMPL_OBJECT:
      return value->o->klass->type_name;
    }
  return "<nil>";
}

gssize
byline_gotmpl_value_length (const BylineGotmplValue *value)
{
  switch (value->kind)
    {
    case BYLINE_GOTMPL_STRING:
      return byline_gotmpl_string_length (value);
    case BYLINE_GOTMPL_LIST:
      return value->l->len;
    case BYLINE_GOTMPL_MAP:
      return value->m->len;
    default:
      return -1;
    }
}

static gboolean
deep_equal (const BylineGotmplValue *a,
            const BylineGotmplValue *b,
            gboolean                 top)
{
  if (a->kind != b->kind)
    return FALSE;

  switch ((BylineGotmplKind) a->kind)
    {
    case BYLINE_GOTMPL_NIL:
      return TRUE;
    case BYLINE_GOTMPL_BOOL:
      return a->b == b->b;
    case BYLINE_GOTMPL_INT:
      return a->i == b->i;
    case BYLINE_GOTMPL_FLOAT:
      return a->f == b->f;
    case BYLINE_GOTMPL_STRING:
      /* compare.Eq turns every string kind into a plain string at the top;
       * inside slices and maps DeepEqual sees the types. */
      if (!top && a->content != b->content)
        return FALSE;
      return byline_gotmpl_string_length (a) == byline_gotmpl_string_length (b) &&
             memcmp (a->s, b->s, byline_gotmpl_string_length (a)) == 0;
    case BYLINE_GOTMPL_LIST:
      if (a->l == b->l)
        return TRUE;
      if (a->l->len != b->l->len || a->l->klass != b->l->klass)
        return FALSE;
      for (guint i = 0; i < a->l->len; i++)
        if (!deep_equal (&a->l->items[i], &b->l->items[i], FALSE))
          return FALSE;
      return TRUE;
    case BYLINE_GOTMPL_MAP:
      if (a->m == b->m)
        return TRUE;
      if (a->m->len != b->m->len || a->m->params != b->m->params)
        return FALSE;
      for (guint i = 0; i < a->m->len; i++)
        if (strcmp (a->m->entries[i].key, b->m->entries[i].key) != 0 ||
            !deep_equal (&a->m->entries[i].value, &b->m->entries[i].value, FALSE))
          return FALSE;
      return TRUE;
    case BYLINE_GOTMPL_OBJECT:
      if (a->o == b->o)
        return TRUE;
      return a->o->klass == b->o->klass && a->o->klass->equal != NULL &&
             a->o->klass->equal (a->o, b->o);
    }
  return FALSE;
}

gboolean
byline_gotmpl_value_equal (const BylineGotmplValue *a,
                           const BylineGotmplValue *b)
{
  return deep_equal (a, b, TRUE);
}

/* Floats the way Go's strconv writes them. */

typedef struct
{
  char digits[24];  /* significant decimal digits, no trailing zeros */
  int  nd;          /* number of digits */
  int  dp;          /* decimal point position: value = 0.digits × 10^dp */
} Decimal;

/* The shortest digits that read back as @f (|f| finite, not zero). */
static void
decimal_shortest (double   f,
                  Decimal *d)
{
  char buf[40];
  char *e;
  int exp10;

  for (int p = 1; p <= 17; p++)
    {
      snprintf (buf, sizeof buf, "%.*e", p - 1, fabs (f));
      if (strtod (buf, NULL) == fabs (f))
        break;
    }

  d->nd = 0;
  for (const char *p = buf; *p != '\0' && *p != 'e'; p++)
    if (g_ascii_isdigit (*p))
      d->digits[d->nd++] = *p;
  e = strchr (buf, 'e');
  exp10 = e != NULL ? atoi (e + 1) : 0;
  while (d->nd > 1 && d->digits[d->nd - 1] == '0')
    d->nd--;
  d->digits[d->nd] = '\0';
  d->dp = exp10 + 1;
}

static void
decimal_fmt_e (GString       *out,
               const Decimal *d,
               int            prec,
               char           e)
{
  int exp = d->dp - 1;

  g_string_append_c (out, d->digits[0]);
  if (prec > 0)
    {
      g_string_append_c (out, '.');
      for (int i = 1; i <= prec; i++)
        g_string_append_c (out, i < d->nd ? d->digits[i] : '0');
    }
  g_string_append_c (out, e);
  if (d->digits[0] == '0')
    exp = 0;
  g_string_append_c (out, exp < 0 ? '-' : '+');
  g_string_append_printf (out, "%02d", ABS (exp));
}

static void
decimal_fmt_f (GString       *out,
               const Decimal *d,
               int            prec)
{
  if (d->dp > 0)
    for (int i = 0; i < d->dp; i++)
      g_string_append_c (out, i < d->nd ? d->digits[i] : '0');
  else
    g_string_append_c (out, '0');

  if (prec > 0)
    {
      g_string_append_c (out, '.');
      for (int i = 1; i <= prec; i++)
        {
          int j = d->dp + i - 1;

          g_string_append_c (out, j >= 0 && j < d->nd ? d->digits[j] : '0');
        }
    }
}

void
byline_gotmpl_format_float (GString *out,
                            double   f,
                            char     fmt,
                            int      prec)
{
  Decimal d;

  if (isnan (f))
    {
      g_string_append (out, "NaN");
      return;
    }
  if (isinf (f))
    {
      g_string_append (out, f > 0 ? "+Inf" : "-Inf");
      return;
    }

  if (prec >= 0)
    {
      /* Fixed precisions round exactly in both C and Go. */
      prec = MIN (prec, 400);
      switch (fmt)
        {
        case 'e':
          g_string_append_printf (out, "%.*e", prec, f);
          break;
        case 'E':
          g_string_append_printf (out, "%.*E", prec, f);
          break;
        case 'g':
          g_string_append_printf (out, "%.*g", prec, f);
          break;
        case 'G':
          g_string_append_printf (out, "%.*G", prec, f);
          break;
        default:
          g_string_append_printf (out, "%.*f", prec, f);
          break;
        }
      return;
    }

  if (signbit (f))
    g_string_append_c (out, '-');
  if (f == 0)
    {
      d.digits[0] = '0';
      d.digits[1] = '\0';
      d.nd = 1;
      d.dp = 1;
    }
  else
    decimal_shortest (f, &d);

  switch (fmt)
    {
    case 'e':
    case 'E':
      decimal_fmt_e (out, &d, d.nd - 1, fmt);
      break;
    case 'f':
    case 'F':
      decimal_fmt_f (out, &d, MAX (d.nd - d.dp, 0));
      break;
    default:
      {
        int exp = d.dp - 1;

        /* strconv: with the shortest digits, %e when the exponent is
         * below -4 or at least 6 (so 1e+06 but 100000). */
        if (f != 0 && (exp < -4 || exp >= 6))
          decimal_fmt_e (out, &d, d.nd - 1, fmt == 'G' ? 'E' : 'e');
        else
          decimal_fmt_f (out, &d, MAX (d.nd - d.dp, 0));
      }
      break;
    }
}

void
byline_gotmpl_value_print (const BylineGotmplValue *value,
                           GString                 *out)
{
  switch ((BylineGotmplKind) value->kind)
    {
    case BYLINE_GOTMPL_NIL:
      g_string_append (out, "<nil>");
      break;
    case BYLINE_GOTMPL_BOOL:
      g_string_append (out, value->b ? "true" : "false");
      break;
    case BYLINE_GOTMPL_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, value->i);
      break;
    case BYLINE_GOTMPL_FLOAT:
      byline_gotmpl_format_float (out, value->f, 'g', -1);
      break;
    case BYLINE_GOTMPL_STRING:
      g_string_append_len (out, value->s, byline_gotmpl_string_length (value));
      break;
    case BYLINE_GOTMPL_LIST:
      g_string_append_c (out, '[');
      for (guint i = 0; i < value->l->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ' ');
          byline_gotmpl_value_print (&value->l->items[i], out);
        }
      g_string_append_c (out, ']');
      break;
    case BYLINE_GOTMPL_MAP:
      g_string_append (out, "map[");
      for (guint i = 0; i < value->m->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ' ');
          g_string_append (out, value->m->entries[i].key);
          g_string_append_c (out, ':');
          byline_gotmpl_value_print (&value->m->entries[i].value, out);
        }
      g_string_append_c (out, ']');
      break;
    case BYLINE_GOTMPL_OBJECT:
      if (value->o->klass->print != NULL)
        value->o->klass->print (value->o, out);
      else
        g_string_append_printf (out, "{%s}", value->o->klass->type_name);
      break;
    }
}

void
byline_gotmpl_quote (GString    *out,
                     const char *s,
                     gsize       len,
                     gssize      max_runes)
{
  const char *p = s, *end = s + len;
  gssize runes = 0;

  g_string_append_c (out, '"');
  while (p < end && (max_runes < 0 || runes < max_runes))
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      int w;

      runes++;
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      w = g_utf8_skip[(guchar) *p];
      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\a':
          g_string_append (out, "\\a");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\v':
          g_string_append (out, "\\v");
          break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\x%02x", c);
          else if (c >= 0x80 && !g_unichar_isprint (c))
            g_string_append_printf (out, c > 0xffff ? "\\U%08x" : "\\u%04x", c);
          else
            g_string_append_len (out, p, w);
          break;
        }
      p += w;
    }
  g_string_append_c (out, '"');
}

void
byline_gotmpl_sprint (GString                 *out,
                      const BylineGotmplValue *args,
                      guint                    n_args)
{
  for (guint i = 0; i < n_args; i++)
    {
      if (i > 0 && args[i].kind != BYLINE_GOTMPL_STRING && args[i - 1].kind != BYLINE_GOTMPL_STRING)
        g_string_append_c (out, ' ');
      byline_gotmpl_value_print (&args[i], out);
    }
}
