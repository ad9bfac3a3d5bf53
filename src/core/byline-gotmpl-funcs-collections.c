/* byline-gotmpl-funcs-collections.c — Hugo's collections namespace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tpl/collections (collections.go, append.go, merge.go, where.go, sort.go,
 * index.go, querify.go, complement.go, symdiff.go) and common/collections
 * (Slice, Append). Go's slice types matter to Hugo's results (slice "a" "b"
 * is a []string, and append flattens only same-typed slices), so lists carry
 * their element type as a class.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-funcs.h"

#include <string.h>

#include "byline-gotmpl-escape.h"
#include "byline-gotmpl-funcs-private.h"
#include "byline-gotmpl-objects-private.h"

/* Element types */

typedef enum
{
  ELEM_ANY,
  ELEM_STRING,
  ELEM_INT,
  ELEM_FLOAT,
  ELEM_BOOL,
  ELEM_MAP,
  ELEM_HTML,
  ELEM_OTHER,
} ElemType;

static const BylineGotmplClass slice_classes[] = {
  [ELEM_STRING] = { .type_name = "[]string", .complete = TRUE },
  [ELEM_INT] = { .type_name = "[]int", .complete = TRUE },
  [ELEM_FLOAT] = { .type_name = "[]float64", .complete = TRUE },
  [ELEM_BOOL] = { .type_name = "[]bool", .complete = TRUE },
  [ELEM_MAP] = { .type_name = "[]map[string]interface {}", .complete = TRUE },
  [ELEM_HTML] = { .type_name = "[]template.HTML", .complete = TRUE },
};

static ElemType
value_elem_type (const BylineGotmplValue *v)
{
  switch ((BylineGotmplKind) v->kind)
    {
    case BYLINE_GOTMPL_STRING:
      return v->content == BYLINE_GOTMPL_PLAIN ? ELEM_STRING
             : v->content == BYLINE_GOTMPL_HTML ? ELEM_HTML : ELEM_OTHER;
    case BYLINE_GOTMPL_INT:
      return ELEM_INT;
    case BYLINE_GOTMPL_FLOAT:
      return ELEM_FLOAT;
    case BYLINE_GOTMPL_BOOL:
      return ELEM_BOOL;
    case BYLINE_GOTMPL_MAP:
      return v->m != NULL && byline_gotmpl_map_is_params (v->m) ? ELEM_OTHER : ELEM_MAP;
    default:
      return ELEM_OTHER;
    }
}

/* The element type of a list: ELEM_ANY for []interface{}, ELEM_OTHER for
 * lists of Hugo's own types (pages, resources). */
static ElemType
list_elem_type (const BylineGotmplValue *list)
{
  const BylineGotmplClass *klass = byline_gotmpl_list_get_class (list->l);

  if (klass == NULL)
    return ELEM_ANY;
  for (guint i = 0; i < G_N_ELEMENTS (slice_classes); i++)
    if (klass == &slice_classes[i])
      return i;
  if (strcmp (klass->type_name, "[]string") == 0)
    return ELEM_STRING;
  return ELEM_OTHER;
}

static void
set_elem_type (BylineGotmplList *list,
               ElemType          type)
{
  if (type != ELEM_ANY && type != ELEM_OTHER)
    byline_gotmpl_list_set_class (list, &slice_classes[type]);
}

BylineGotmplList *
byline_gotmpl_list_new_like (const BylineGotmplValue *list,
               guint                    reserve)
{
  BylineGotmplList *copy = byline_gotmpl_list_new (reserve);

  byline_gotmpl_list_set_class (copy, byline_gotmpl_list_get_class (list->l));
  return copy;
}

/* common/collections.Slice: a typed slice when all arguments share a type. */
static BylineGotmplValue
make_slice (const BylineGotmplValue *args,
            guint                    n_args)
{
  BylineGotmplList *list = byline_gotmpl_list_new (n_args);
  ElemType type = n_args > 0 ? value_elem_type (&args[0]) : ELEM_ANY;

  for (guint i = 0; i < n_args; i++)
    {
      if (value_elem_type (&args[i]) != type ||
          (args[i].kind == BYLINE_GOTMPL_NIL || args[0].kind == BYLINE_GOTMPL_NIL))
        type = ELEM_ANY;
      byline_gotmpl_list_append (list, byline_gotmpl_value_copy (&args[i]));
    }
  set_elem_type (list, type);
  return byline_gotmpl_list_value (list);
}

static gboolean
fn_slice (BylineGotmplCall        *call,
          const BylineGotmplValue *self,
          const BylineGotmplValue *args,
          guint                    n_args,
          BylineGotmplValue       *result)
{
  *result = make_slice (args, n_args);
  return TRUE;
}

static gboolean
assignable (const BylineGotmplValue *v,
            ElemType                 to)
{
  if (to == ELEM_ANY)
    return TRUE;
  return v->kind != BYLINE_GOTMPL_NIL && value_elem_type (v) == to;
}

static BylineGotmplValue
to_interface_slice (const BylineGotmplValue *to,
                    const BylineGotmplValue *from,
                    guint                    n_from,
                    gboolean                 flatten_from)
{
  BylineGotmplList *list = byline_gotmpl_list_new (byline_gotmpl_list_length (to->l) + n_from);

  for (guint i = 0; i < byline_gotmpl_list_length (to->l); i++)
    byline_gotmpl_list_append (list, byline_gotmpl_value_copy (byline_gotmpl_list_get (to->l, i)));
  for (guint i = 0; i < n_from; i++)
    if (flatten_from && from[i].kind == BYLINE_GOTMPL_LIST)
      for (guint k = 0; k < byline_gotmpl_list_length (from[i].l); k++)
        byline_gotmpl_list_append (list, byline_gotmpl_value_copy (byline_gotmpl_list_get (from[i].l, k)));
    else
      byline_gotmpl_list_append (list, byline_gotmpl_value_copy (&from[i]));
  return byline_gotmpl_list_value (list);
}

gboolean
byline_gotmpl_collections_append (BylineGotmplCall        *call,
                                  const BylineGotmplValue *to,
                                  const BylineGotmplValue *from,
                                  guint                    n_from,
                                  BylineGotmplValue       *result)
{
  ElemType tot;
  BylineGotmplList *list;

  if (n_from == 0)
    {
      *result = byline_gotmpl_value_copy (to);
      return TRUE;
    }
  if (to->kind == BYLINE_GOTMPL_NIL)
    {
      *result = make_slice (from, n_from);
      return TRUE;
    }
  if (to->kind != BYLINE_GOTMPL_LIST)
    return byline_gotmpl_call_error (call, "expected a slice, got %s",
                                     byline_gotmpl_value_type_name (to));
  if (!byline_gotmpl_call_step (call, byline_gotmpl_list_length (to->l) / 16))
    return FALSE;

  tot = list_elem_type (to);
  if (byline_gotmpl_list_length (to->l) == 0)
    {
      if (n_from == 1 && from[0].kind == BYLINE_GOTMPL_LIST)
        *result = byline_gotmpl_value_copy (&from[0]);
      else
        *result = make_slice (from, n_from);
      return TRUE;
    }
  if (n_from == 1 && from[0].kind == BYLINE_GOTMPL_LIST)
    {
      ElemType fromt = list_elem_type (&from[0]);

      if (fromt == tot && tot != ELEM_OTHER)
        {
          list = byline_gotmpl_list_new_like (to, byline_gotmpl_list_length (to->l) +
                                    byline_gotmpl_list_length (from[0].l));
          for (guint i = 0; i < byline_gotmpl_list_length (to->l); i++)
            byline_gotmpl_list_append (list, byline_gotmpl_value_copy (byline_gotmpl_list_get (to->l, i)));
          for (guint i = 0; i < byline_gotmpl_list_length (from[0].l); i++)
            byline_gotmpl_list_append (list, byline_gotmpl_value_copy (byline_gotmpl_list_get (from[0].l, i)));
          *result = byline_gotmpl_list_value (list);
          return TRUE;
        }
      if (tot != ELEM_ANY)
        {
          *result = to_interface_slice (to, from, 1, TRUE);
          return TRUE;
        }
    }
  for (guint i = 0; i < n_from; i++)
    if (!assignable (&from[i], tot))
      {
        *result = to_interface_slice (to, from, n_from, FALSE);
        return TRUE;
      }
  list = byline_gotmpl_list_new_like (to, byline_gotmpl_list_length (to->l) + n_from);
  for (guint i = 0; i < byline_gotmpl_list_length (to->l); i++)
    byline_gotmpl_list_append (list, byline_gotmpl_value_copy (byline_gotmpl_list_get (to->l, i)));
  for (guint i = 0; i < n_from; i++)
    byline_gotmpl_list_append (list, byline_gotmpl_value_copy (&from[i]));
  *result = byline_gotmpl_list_value (list);
  return TRUE;
}

static gboolean
fn_append (BylineGotmplCall        *call,
           const BylineGotmplValue *self,
           const BylineGotmplValue *args,
           guint                    n_args,
           BylineGotmplValue       *result)
{
  if (n_args < 2)
    return byline_gotmpl_call_error (call, "need at least 2 arguments to append");
  return byline_gotmpl_collections_append (call, &args[n_args - 1], args, n_args - 1, result);
}

/* A list or a string as a sequence (first, last, after). */
static gboolean
check_seq (BylineGotmplCall        *call,
           const BylineGotmplValue *limit,
           const BylineGotmplValue *seq,
           gint64                  *n,
           gboolean                 length)
{
  if (limit->kind == BYLINE_GOTMPL_NIL || seq->kind == BYLINE_GOTMPL_NIL)
    return byline_gotmpl_call_error (call, "both limit and seq must be provided");
  if (!byline_gotmpl_to_int (call, limit, n))
    return FALSE;
  if (*n < 0)
    return length ? byline_gotmpl_call_error (call, "sequence length must be non-negative")
                  : byline_gotmpl_call_error (call, "sequence bounds out of range [%" G_GINT64_FORMAT ":]", *n);
  if (seq->kind != BYLINE_GOTMPL_LIST && seq->kind != BYLINE_GOTMPL_STRING)
    return byline_gotmpl_call_error (call, "can't iterate over %s",
                                     byline_gotmpl_value_type_name (seq));
  return TRUE;
}

static BylineGotmplValue
subseq (const BylineGotmplValue *seq,
        gsize                    from,
        gsize                    to)
{
  if (seq->kind == BYLINE_GOTMPL_STRING)
    {
      BylineGotmplValue v = byline_gotmpl_string_len (seq->s + from, to - from);

      v.content = seq->content;
      return v;
    }
  {
    BylineGotmplList *list = byline_gotmpl_list_new_like (seq, to - from);

    for (gsize i = from; i < to; i++)
      byline_gotmpl_list_append (list, byline_gotmpl_value_copy (byline_gotmpl_list_get (seq->l, i)));
    return byline_gotmpl_list_value (list);
  }
}

static gboolean
fn_first (BylineGotmplCall        *call,
          const BylineGotmplValue *self,
          const BylineGotmplValue *args,
          guint                    n_args,
          BylineGotmplValue       *result)
{
  gint64 n;
  gsize len;

  if (!check_seq (call, &args[0], &args[1], &n, TRUE))
    return FALSE;
  len = byline_gotmpl_value_length (&args[1]);
  *result = subseq (&args[1], 0, MIN ((gsize) n, len));
  return TRUE;
}

static gboolean
fn_last (BylineGotmplCall        *call,
         const BylineGotmplValue *self,
         const BylineGotmplValue *args,
         guint                    n_args,
         BylineGotmplValue       *result)
{
  gint64 n;
  gsize len;

  if (!check_seq (call, &args[0], &args[1], &n, TRUE))
    return FALSE;
  len = byline_gotmpl_value_length (&args[1]);
  *result = subseq (&args[1], len - MIN ((gsize) n, len), len);
  return TRUE;
}

static gboolean
fn_after (BylineGotmplCall        *call,
          const BylineGotmplValue *self,
          const BylineGotmplValue *args,
          guint                    n_args,
          BylineGotmplValue       *result)
{
  gint64 n;
  gsize len;

  if (!check_seq (call, &args[0], &args[1], &n, FALSE))
    return FALSE;
  len = byline_gotmpl_value_length (&args[1]);
  *result = subseq (&args[1], MIN ((gsize) n, len), len);
  return TRUE;
}

static gboolean
fn_delimit (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  g_autofree char *sep = NULL;
  g_autofree char *last = NULL;
  GString *out;
  const BylineGotmplValue *seq = &args[0];
  g_auto(BylineGotmplValue) values = BYLINE_GOTMPL_VALUE_INIT;
  guint n;

  if (!byline_gotmpl_to_string (call, &args[1], &sep))
    return FALSE;
  if (n_args > 2)
    last = byline_gotmpl_value_to_string (&args[2]);
  if (seq->kind == BYLINE_GOTMPL_NIL)
    return byline_gotmpl_call_error (call, "can't iterate over a nil value");
  if (seq->kind == BYLINE_GOTMPL_MAP)
    {
      /* Sorted by key: the values in map order. */
      BylineGotmplList *list = byline_gotmpl_list_new (byline_gotmpl_map_length (seq->m));

      for (guint i = 0; i < byline_gotmpl_map_length (seq->m); i++)
        byline_gotmpl_list_append (list, byline_gotmpl_value_copy (byline_gotmpl_map_value_at (seq->m, i)));
      values = byline_gotmpl_list_value (list);
      seq = &values;
    }
  if (seq->kind == BYLINE_GOTMPL_STRING)
    {
      /* A string iterates over its bytes, printed as numbers. */
      out = g_string_new (NULL);
      n = byline_gotmpl_string_length (seq);
      for (guint i = 0; i < n; i++)
        {
          g_string_append_printf (out, "%u", (guchar) seq->s[i]);
          if (i + 2 == n && last != NULL)
            g_string_append (out, last);
          else if (i + 1 < n)
            g_string_append (out, sep);
        }
      *result = byline_gotmpl_string_take (out);
      return TRUE;
    }
  if (seq->kind != BYLINE_GOTMPL_LIST)
    return byline_gotmpl_call_error (call, "can't iterate over %s",
                                     byline_gotmpl_value_type_name (seq));
  out = g_string_new (NULL);
  n = byline_gotmpl_list_length (seq->l);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *s = byline_gotmpl_value_to_string (byline_gotmpl_list_get (seq->l, i));

      /* Values without a string form are skipped, separator and all. */
      if (s == NULL)
        continue;
      g_string_append (out, s);
      if (i + 2 == n && last != NULL)
        g_string_append (out, last);
      else if (i + 1 < n)
        g_string_append (out, sep);
    }
  *result = byline_gotmpl_string_take (out);
  return TRUE;
}

static gboolean
fn_dict (BylineGotmplCall        *call,
         const BylineGotmplValue *self,
         const BylineGotmplValue *args,
         guint                    n_args,
         BylineGotmplValue       *result)
{
  BylineGotmplMap *root;

  if (n_args % 2 != 0)
    return byline_gotmpl_call_error (call, "invalid dictionary call");
  root = byline_gotmpl_map_new (FALSE);
  for (guint i = 0; i < n_args; i += 2)
    {
      const BylineGotmplValue *key = &args[i];

      if (key->kind == BYLINE_GOTMPL_STRING)
        byline_gotmpl_map_set (root, key->s, byline_gotmpl_value_copy (&args[i + 1]));
      else if (key->kind == BYLINE_GOTMPL_LIST && list_elem_type (key) == ELEM_STRING &&
               byline_gotmpl_list_length (key->l) > 0)
        {
          /* A []string key makes nested maps: dict (slice "a" "b") 1. */
          BylineGotmplMap *m = root;
          guint n = byline_gotmpl_list_length (key->l);

          for (guint k = 0; k + 1 < n; k++)
            {
              const char *name = byline_gotmpl_list_get (key->l, k)->s;
              const BylineGotmplValue *existing = byline_gotmpl_map_lookup (m, name);

              if (existing == NULL || existing->kind != BYLINE_GOTMPL_MAP)
                {
                  byline_gotmpl_map_set (m, name, byline_gotmpl_map_value (byline_gotmpl_map_new (FALSE)));
                  existing = byline_gotmpl_map_lookup (m, name);
                }
              /* Maps made here are owned by their parent alone. */
              m = existing->m;
            }
          byline_gotmpl_map_set (m, byline_gotmpl_list_get (key->l, n - 1)->s,
                                 byline_gotmpl_value_copy (&args[i + 1]));
        }
      else
        {
          byline_gotmpl_map_unref (root);
          return byline_gotmpl_call_error (call, "invalid dictionary key");
        }
    }
  *result = byline_gotmpl_map_value (root);
  return TRUE;
}

static gboolean
fn_new_scratch (BylineGotmplCall        *call,
                const BylineGotmplValue *self,
                const BylineGotmplValue *args,
                guint                    n_args,
                BylineGotmplValue       *result)
{
  *result = byline_gotmpl_scratch_new ();
  return TRUE;
}

static gboolean
fn_reverse (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  BylineGotmplList *list;
  guint n;

  if (args[0].kind == BYLINE_GOTMPL_NIL)
    return TRUE;
  if (args[0].kind != BYLINE_GOTMPL_LIST)
    return byline_gotmpl_call_error (call, "argument must be a slice");
  n = byline_gotmpl_list_length (args[0].l);
  list = byline_gotmpl_list_new_like (&args[0], n);
  for (guint i = n; i > 0; i--)
    byline_gotmpl_list_append (list, byline_gotmpl_value_copy (byline_gotmpl_list_get (args[0].l, i - 1)));
  *result = byline_gotmpl_list_value (list);
  return TRUE;
}

static gboolean
fn_seq (BylineGotmplCall        *call,
        const BylineGotmplValue *self,
        const BylineGotmplValue *args,
        guint                    n_args,
        BylineGotmplValue       *result)
{
  gint64 v[3] = { 0 }, first, last, inc = 1, size;
  BylineGotmplList *list;

  if (n_args > 3)
    return byline_gotmpl_call_error (call, "invalid number of arguments to Seq");
  for (guint i = 0; i < n_args; i++)
    if (!byline_gotmpl_to_int (call, &args[i], &v[i]))
      return byline_gotmpl_call_error (call, "invalid arguments to Seq");
  first = v[0];
  if (n_args == 1)
    {
      last = first;
      if (last == 0)
        {
          list = byline_gotmpl_list_new (0);
          set_elem_type (list, ELEM_INT);
          *result = byline_gotmpl_list_value (list);
          return TRUE;
        }
      if (last > 0)
        first = 1;
      else
        {
          first = -1;
          inc = -1;
        }
    }
  else if (n_args == 2)
    {
      last = v[1];
      if (last < first)
        inc = -1;
    }
  else
    {
      inc = v[1];
      last = v[2];
      if (inc == 0)
        return byline_gotmpl_call_error (call, "'increment' must not be 0");
      if (first < last && inc < 0)
        return byline_gotmpl_call_error (call, "'increment' must be > 0");
      if (first > last && inc > 0)
        return byline_gotmpl_call_error (call, "'increment' must be < 0");
    }
  if (last < -1000000 || last > G_MAXINT32 || first > G_MAXINT32 || first < G_MININT32)
    return byline_gotmpl_call_error (call, "size of result exceeds limit");
  size = (last - first) / inc + 1;
  if (size <= 0 || size > 1000000)
    return byline_gotmpl_call_error (call, "size of result exceeds limit");
  if (!byline_gotmpl_call_step (call, size / 16))
    return FALSE;
  list = byline_gotmpl_list_new (size);
  for (gint64 x = first;; x += inc)
    {
      byline_gotmpl_list_append (list, byline_gotmpl_int (x));
      if ((inc < 0 && x + inc < last) || (inc > 0 && x + inc > last))
        break;
    }
  set_elem_type (list, ELEM_INT);
  *result = byline_gotmpl_list_value (list);
  return TRUE;
}

static gboolean
fn_shuffle (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  BylineGotmplList *list;
  guint n;

  if (args[0].kind == BYLINE_GOTMPL_NIL)
    return byline_gotmpl_call_error (call, "both count and seq must be provided");
  if (args[0].kind != BYLINE_GOTMPL_LIST)
    return byline_gotmpl_call_error (call, "can't iterate over %s",
                                     byline_gotmpl_value_type_name (&args[0]));
  n = byline_gotmpl_list_length (args[0].l);
  list = byline_gotmpl_list_new_like (&args[0], n);
  for (guint i = 0; i < n; i++)
    byline_gotmpl_list_append (list, byline_gotmpl_value_copy (byline_gotmpl_list_get (args[0].l, i)));
  /* Fisher–Yates on the copy's items. */
  for (guint i = n; i > 1; i--)
    {
      guint j = g_random_int_range (0, i);
      BylineGotmplValue *a = (BylineGotmplValue *) byline_gotmpl_list_get (list, i - 1);
      BylineGotmplValue *b = (BylineGotmplValue *) byline_gotmpl_list_get (list, j);
      BylineGotmplValue t = *a;

      *a = *b;
      *b = t;
    }
  *result = byline_gotmpl_list_value (list);
  return TRUE;
}

/* collections.Apply (tpl/collections/apply.go): @fname called on each item
 * of a list (or map value), with "." in the arguments standing for it. */
static gboolean
fn_apply (BylineGotmplCall        *call,
          const BylineGotmplValue *self,
          const BylineGotmplValue *args,
          guint                    n_args,
          BylineGotmplValue       *result)
{
  g_autofree char *fname = NULL;
  g_auto(BylineGotmplValue) receiver = BYLINE_GOTMPL_VALUE_INIT;
  const BylineGotmplMethod *func;
  const char *dot;
  g_autoptr(BylineGotmplList) out = NULL;
  guint n;

  if (args[0].kind == BYLINE_GOTMPL_NIL)
    return byline_gotmpl_call_error (call, "can't iterate over a nil value");
  if (!byline_gotmpl_to_string (call, &args[1], &fname))
    return FALSE;
  if (strcmp (fname, "apply") == 0)
    return byline_gotmpl_call_error (call, "can't apply myself (no turtles allowed)");

  /* "strings.FirstUpper": a method of the namespace the function gives. */
  dot = strchr (fname, '.');
  if (dot != NULL)
    {
      g_autofree char *ns = g_strndup (fname, dot - fname);
      const BylineGotmplMethod *ns_func = byline_gotmpl_funcs_lookup (ns);

      if (ns_func == NULL || !ns_func->func (call, NULL, NULL, 0, &receiver) ||
          receiver.kind != BYLINE_GOTMPL_OBJECT)
        return byline_gotmpl_call_error (call, "function \"%s\" not found", fname);
      func = byline_gotmpl_class_find_method (receiver.o->klass, dot + 1);
    }
  else
    func = byline_gotmpl_funcs_lookup (fname);
  if (func == NULL)
    {
      if (byline_gotmpl_funcs_is_hugo (fname))
        return byline_gotmpl_call_unsupported (call, fname);
      return byline_gotmpl_call_error (call, "function \"%s\" not found", fname);
    }
  if ((gint) (n_args - 2) < func->min_args || (func->max_args >= 0 && (gint) (n_args - 2) > func->max_args))
    return byline_gotmpl_call_error (call, "wrong number of args for %s", fname);

  if (args[0].kind == BYLINE_GOTMPL_LIST)
    n = byline_gotmpl_list_length (args[0].l);
  else if (args[0].kind == BYLINE_GOTMPL_MAP)
    n = byline_gotmpl_map_length (args[0].m);
  else
    return byline_gotmpl_call_error (call, "can't apply over %s",
                                     byline_gotmpl_value_type_name (&args[0]));
  out = byline_gotmpl_list_new (n);
  for (guint i = 0; i < n; i++)
    {
      const BylineGotmplValue *item = args[0].kind == BYLINE_GOTMPL_LIST
        ? byline_gotmpl_list_get (args[0].l, i) : byline_gotmpl_map_value_at (args[0].m, i);
      g_autofree BylineGotmplValue *call_args = g_new0 (BylineGotmplValue, MAX (n_args - 2, 1));
      BylineGotmplValue value = BYLINE_GOTMPL_VALUE_INIT;
      gboolean ok;

      if (!byline_gotmpl_call_step (call, 1))
        return FALSE;
      for (guint k = 2; k < n_args; k++)
        call_args[k - 2] = args[k].kind == BYLINE_GOTMPL_STRING && strcmp (args[k].s, ".") == 0
          ? *item : args[k];
      ok = func->func (call, dot != NULL ? &receiver : NULL, call_args, n_args - 2, &value);
      if (!ok)
        return FALSE;
      byline_gotmpl_list_append (out, value);
    }
  *result = byline_gotmpl_list_value (g_steal_pointer (&out));
  return TRUE;
}

static const BylineGotmplMethod collections_methods[] = {
  { "After", fn_after, 2, 2 },
  { "Append", fn_append, 1, -1 },
  { "Apply", fn_apply, 2, -1 },
  { "Complement", byline_gotmpl_fn_complement, 1, -1 },
  { "Delimit", fn_delimit, 2, 3 },
  { "Dictionary", fn_dict, 0, -1 },
  { "First", fn_first, 2, 2 },
  { "In", byline_gotmpl_fn_in, 2, 2 },
  { "Index", byline_gotmpl_fn_index, 1, -1 },
  { "Intersect", byline_gotmpl_fn_intersect, 2, 2 },
  { "IsSet", byline_gotmpl_fn_is_set, 2, 2 },
  { "Last", fn_last, 2, 2 },
  { "Merge", byline_gotmpl_fn_merge, 1, -1 },
  { "NewScratch", fn_new_scratch, 0, 0 },
  { "Querify", byline_gotmpl_fn_querify, 0, -1 },
  { "Reverse", fn_reverse, 1, 1 },
  { "Seq", fn_seq, 1, 3 },
  { "Shuffle", fn_shuffle, 1, 1 },
  { "Slice", fn_slice, 0, -1 },
  { "Sort", byline_gotmpl_fn_sort, 1, 3 },
  { "SymDiff", byline_gotmpl_fn_symdiff, 2, 2 },
  { "Union", byline_gotmpl_fn_union, 2, 2 },
  { "Uniq", byline_gotmpl_fn_uniq, 1, 1 },
  { "Where", byline_gotmpl_fn_where, 2, 4 },
};

static const BylineGotmplClass collections_class = {
  .type_name = "*collections.Namespace",
  .methods = collections_methods,
  .n_methods = G_N_ELEMENTS (collections_methods),
};

static gboolean
fn_collections (BylineGotmplCall        *call,
                const BylineGotmplValue *self,
                const BylineGotmplValue *args,
                guint                    n_args,
                BylineGotmplValue       *result)
{
  *result = byline_gotmpl_namespace_value (&collections_class);
  return TRUE;
}

static const BylineGotmplMethod methods[] = {
  { "after", fn_after, 2, 2 },
  { "append", fn_append, 1, -1 },
  { "apply", fn_apply, 2, -1 },
  { "collections", fn_collections, 0, -1 },
  { "complement", byline_gotmpl_fn_complement, 1, -1 },
  { "delimit", fn_delimit, 2, 3 },
  { "dict", fn_dict, 0, -1 },
  { "first", fn_first, 2, 2 },
  { "in", byline_gotmpl_fn_in, 2, 2 },
  { "index", byline_gotmpl_fn_index, 1, -1 },
  { "intersect", byline_gotmpl_fn_intersect, 2, 2 },
  { "isSet", byline_gotmpl_fn_is_set, 2, 2 },
  { "isset", byline_gotmpl_fn_is_set, 2, 2 },
  { "last", fn_last, 2, 2 },
  { "merge", byline_gotmpl_fn_merge, 1, -1 },
  { "newScratch", fn_new_scratch, 0, 0 },
  { "querify", byline_gotmpl_fn_querify, 0, -1 },
  { "seq", fn_seq, 1, 3 },
  { "shuffle", fn_shuffle, 1, 1 },
  { "slice", fn_slice, 0, -1 },
  { "sort", byline_gotmpl_fn_sort, 1, 3 },
  { "symdiff", byline_gotmpl_fn_symdiff, 2, 2 },
  { "union", byline_gotmpl_fn_union, 2, 2 },
  { "uniq", byline_gotmpl_fn_uniq, 1, 1 },
  { "where", byline_gotmpl_fn_where, 2, 4 },
};

const BylineGotmplFuncTable byline_gotmpl_funcs_collections = { methods, G_N_ELEMENTS (methods) };
