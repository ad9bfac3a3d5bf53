/* byline-gotmpl-funcs-query.c — where, sort and the set functions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo's collections functions that compare elements: in, uniq, complement,
 * intersect, union, symdiff (tpl/collections/collections.go,
 * complement.go, symdiff.go, whose "normalize" makes 1 and 1.0 the same),
 * sort (sort.go, with the language collator's order for strings) and where
 * (where.go's operators), and index, isset, merge and querify, which look
 * into maps (index.go, merge.go, querify.go).
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-funcs.h"

#include <string.h>

#include "byline-gotmpl-escape.h"
#include "byline-gotmpl-funcs-private.h"
#include "byline-gotmpl-objects-private.h"

/* collections' normalize: numbers compare as float64. */
gboolean
byline_gotmpl_same_identity (const BylineGotmplValue *a,
               const BylineGotmplValue *b)
{
  if ((a->kind == BYLINE_GOTMPL_INT || a->kind == BYLINE_GOTMPL_FLOAT) &&
      (b->kind == BYLINE_GOTMPL_INT || b->kind == BYLINE_GOTMPL_FLOAT))
    {
      double x = a->kind == BYLINE_GOTMPL_INT ? (double) a->i : a->f;
      double y = b->kind == BYLINE_GOTMPL_INT ? (double) b->i : b->f;

      return x == y;
    }
  if (a->kind == BYLINE_GOTMPL_STRING && b->kind == BYLINE_GOTMPL_STRING && a->content != b->content)
    return FALSE;
  return byline_gotmpl_value_equal (a, b);
}

gboolean
byline_gotmpl_fn_in (BylineGotmplCall        *call,
       const BylineGotmplValue *self,
       const BylineGotmplValue *args,
       guint                    n_args,
       BylineGotmplValue       *result)
{
  const BylineGotmplValue *l = &args[0], *v = &args[1];
  g_autofree char *ls = NULL;
  g_autofree char *vs = NULL;

  *result = byline_gotmpl_bool (FALSE);
  if (l->kind == BYLINE_GOTMPL_NIL || v->kind == BYLINE_GOTMPL_NIL)
    return TRUE;
  if (l->kind == BYLINE_GOTMPL_LIST)
    {
      for (guint i = 0; i < byline_gotmpl_list_length (l->l); i++)
        if (byline_gotmpl_same_identity (byline_gotmpl_list_get (l->l, i), v))
          {
            *result = byline_gotmpl_bool (TRUE);
            return TRUE;
          }
    }
  /* Then as strings: in "abc" "b". */
  ls = byline_gotmpl_value_to_string (l);
  vs = byline_gotmpl_value_to_string (v);
  if (ls != NULL && vs != NULL)
    *result = byline_gotmpl_bool (strstr (ls, vs) != NULL);
  return TRUE;
}

gboolean
byline_gotmpl_fn_uniq (BylineGotmplCall        *call,
         const BylineGotmplValue *self,
         const BylineGotmplValue *args,
         guint                    n_args,
         BylineGotmplValue       *result)
{
  BylineGotmplList *list;

  if (args[0].kind == BYLINE_GOTMPL_NIL)
    {
      *result = byline_gotmpl_list_value (byline_gotmpl_list_new (0));
      return TRUE;
    }
  if (args[0].kind != BYLINE_GOTMPL_LIST)
    return byline_gotmpl_call_error (call, "type %s not supported",
                                     byline_gotmpl_value_type_name (&args[0]));
  if (!byline_gotmpl_call_step (call, byline_gotmpl_list_length (args[0].l)))
    return FALSE;
  list = byline_gotmpl_list_new_like (&args[0], byline_gotmpl_list_length (args[0].l));
  for (guint i = 0; i < byline_gotmpl_list_length (args[0].l); i++)
    {
      const BylineGotmplValue *v = byline_gotmpl_list_get (args[0].l, i);
      gboolean seen = FALSE;

      for (guint k = 0; k < byline_gotmpl_list_length (list) && !seen; k++)
        seen = byline_gotmpl_same_identity (byline_gotmpl_list_get (list, k), v);
      if (!seen)
        byline_gotmpl_list_append (list, byline_gotmpl_value_copy (v));
    }
  *result = byline_gotmpl_list_value (list);
  return TRUE;
}

static gboolean
contains_identity (const BylineGotmplValue *list,
                   const BylineGotmplValue *v)
{
  if (list->kind != BYLINE_GOTMPL_LIST)
    return FALSE;
  for (guint i = 0; i < byline_gotmpl_list_length (list->l); i++)
    if (byline_gotmpl_same_identity (byline_gotmpl_list_get (list->l, i), v))
      return TRUE;
  return FALSE;
}

gboolean
byline_gotmpl_fn_complement (BylineGotmplCall        *call,
               const BylineGotmplValue *self,
               const BylineGotmplValue *args,
               guint                    n_args,
               BylineGotmplValue       *result)
{
  const BylineGotmplValue *universe = &args[n_args - 1];
  BylineGotmplList *list;

  if (n_args < 2)
    return byline_gotmpl_call_error (call, "complement needs at least two arguments");
  for (guint i = 0; i + 1 < n_args; i++)
    if (args[i].kind != BYLINE_GOTMPL_LIST && args[i].kind != BYLINE_GOTMPL_NIL)
      return byline_gotmpl_call_error (call, "failed to get identities from collections");
  if (universe->kind != BYLINE_GOTMPL_LIST)
    return byline_gotmpl_call_error (call, "arguments to complement must be slices or arrays");
  list = byline_gotmpl_list_new_like (universe, byline_gotmpl_list_length (universe->l));
  for (guint i = 0; i < byline_gotmpl_list_length (universe->l); i++)
    {
      const BylineGotmplValue *v = byline_gotmpl_list_get (universe->l, i);
      gboolean found = FALSE;

      for (guint k = 0; k + 1 < n_args && !found; k++)
        found = contains_identity (&args[k], v);
      if (!found)
        byline_gotmpl_list_append (list, byline_gotmpl_value_copy (v));
    }
  *result = byline_gotmpl_list_value (list);
  return TRUE;
}

gboolean
byline_gotmpl_fn_intersect (BylineGotmplCall        *call,
              const BylineGotmplValue *self,
              const BylineGotmplValue *args,
              guint                    n_args,
              BylineGotmplValue       *result)
{
  BylineGotmplList *list;

  if (args[0].kind == BYLINE_GOTMPL_NIL || args[1].kind == BYLINE_GOTMPL_NIL)
    {
      *result = byline_gotmpl_list_value (byline_gotmpl_list_new (0));
      return TRUE;
    }
  if (args[0].kind != BYLINE_GOTMPL_LIST || args[1].kind != BYLINE_GOTMPL_LIST)
    return byline_gotmpl_call_error (call, "can't iterate over %s",
                                     byline_gotmpl_value_type_name (args[0].kind != BYLINE_GOTMPL_LIST
                                                                    ? &args[0] : &args[1]));
  list = byline_gotmpl_list_new_like (&args[0], 4);
  for (guint i = 0; i < byline_gotmpl_list_length (args[0].l); i++)
    {
      const BylineGotmplValue *v = byline_gotmpl_list_get (args[0].l, i);

      if (contains_identity (&args[1], v))
        {
          BylineGotmplValue tmp = byline_gotmpl_list_value (list);

          if (!contains_identity (&tmp, v))
            byline_gotmpl_list_append (list, byline_gotmpl_value_copy (v));
        }
    }
  *result = byline_gotmpl_list_value (list);
  return TRUE;
}

gboolean
byline_gotmpl_fn_union (BylineGotmplCall        *call,
          const BylineGotmplValue *self,
          const BylineGotmplValue *args,
          guint                    n_args,
          BylineGotmplValue       *result)
{
  BylineGotmplList *list;

  if (args[0].kind == BYLINE_GOTMPL_NIL && args[1].kind == BYLINE_GOTMPL_NIL)
    {
      *result = byline_gotmpl_list_value (byline_gotmpl_list_new (0));
      return TRUE;
    }
  if (args[0].kind == BYLINE_GOTMPL_NIL || args[1].kind == BYLINE_GOTMPL_NIL)
    {
      *result = byline_gotmpl_value_copy (args[0].kind == BYLINE_GOTMPL_NIL ? &args[1] : &args[0]);
      return TRUE;
    }
  if (args[0].kind != BYLINE_GOTMPL_LIST || args[1].kind != BYLINE_GOTMPL_LIST)
    return byline_gotmpl_call_error (call, "can't iterate over %s",
                                     byline_gotmpl_value_type_name (args[0].kind != BYLINE_GOTMPL_LIST
                                                                    ? &args[0] : &args[1]));
  list = byline_gotmpl_list_new_like (&args[0], 4);
  for (guint s = 0; s < 2; s++)
    for (guint i = 0; i < byline_gotmpl_list_length (args[s].l); i++)
      {
        const BylineGotmplValue *v = byline_gotmpl_list_get (args[s].l, i);
        BylineGotmplValue tmp = byline_gotmpl_list_value (list);

        if (v->kind != BYLINE_GOTMPL_NIL && !contains_identity (&tmp, v))
          byline_gotmpl_list_append (list, byline_gotmpl_value_copy (v));
      }
  *result = byline_gotmpl_list_value (list);
  return TRUE;
}

gboolean
byline_gotmpl_fn_symdiff (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  const BylineGotmplValue *s2 = &args[0], *s1 = &args[1];
  BylineGotmplList *list;

  if ((s1->kind != BYLINE_GOTMPL_LIST && s1->kind != BYLINE_GOTMPL_NIL) ||
      (s2->kind != BYLINE_GOTMPL_LIST && s2->kind != BYLINE_GOTMPL_NIL))
    return byline_gotmpl_call_error (call, "failed to get identities from collections");
  list = s1->kind == BYLINE_GOTMPL_LIST ? byline_gotmpl_list_new_like (s1, 4) : byline_gotmpl_list_new (4);
  for (guint s = 0; s < 2; s++)
    {
      const BylineGotmplValue *from = s == 0 ? s1 : s2, *other = s == 0 ? s2 : s1;

      if (from->kind != BYLINE_GOTMPL_LIST)
        continue;
      for (guint i = 0; i < byline_gotmpl_list_length (from->l); i++)
        {
          const BylineGotmplValue *v = byline_gotmpl_list_get (from->l, i);

          if (!contains_identity (other, v))
            byline_gotmpl_list_append (list, byline_gotmpl_value_copy (v));
        }
    }
  *result = byline_gotmpl_list_value (list);
  return TRUE;
}

/* Collation for sort: primary letters without case or accents, then
 * accents, then lower case before upper (the order of Unicode's default
 * collation for the Latin script, which Hugo's language collator uses). */
static int
collate (const char *a,
         const char *b)
{
  g_autofree char *na = NULL;
  g_autofree char *nb = NULL;
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;
  GString *pa, *pb;
  int c;

  if (!g_utf8_validate (a, -1, NULL) || !g_utf8_validate (b, -1, NULL))
    return strcmp (a, b);
  na = g_utf8_normalize (a, -1, G_NORMALIZE_NFD);
  nb = g_utf8_normalize (b, -1, G_NORMALIZE_NFD);
  fa = g_utf8_casefold (na, -1);
  fb = g_utf8_casefold (nb, -1);
  pa = g_string_new (NULL);
  pb = g_string_new (NULL);
  for (const char *p = fa; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_type (g_utf8_get_char (p)) != G_UNICODE_NON_SPACING_MARK)
      g_string_append_unichar (pa, g_utf8_get_char (p));
  for (const char *p = fb; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_type (g_utf8_get_char (p)) != G_UNICODE_NON_SPACING_MARK)
      g_string_append_unichar (pb, g_utf8_get_char (p));
  c = strcmp (pa->str, pb->str);
  g_string_free (pa, TRUE);
  g_string_free (pb, TRUE);
  if (c != 0)
    return c;
  c = strcmp (fa, fb);
  if (c != 0)
    return c;
  /* Lower case first: compare with the case inverted. */
  for (const char *p = na, *q = nb; *p != '\0' && *q != '\0';
       p = g_utf8_next_char (p), q = g_utf8_next_char (q))
    {
      gunichar x = g_utf8_get_char (p), y = g_utf8_get_char (q);

      if (x != y)
        return g_unichar_islower (x) ? -1 : g_unichar_islower (y) ? 1 : (x < y ? -1 : 1);
    }
  return strcmp (a, b);
}

static gboolean
sort_less (const BylineGotmplValue *a,
           const BylineGotmplValue *b)
{
  double l, r;

  if (a->kind == BYLINE_GOTMPL_STRING && b->kind == BYLINE_GOTMPL_STRING)
    return collate (a->s, b->s) < 0;
  byline_gotmpl_compare_get (a, b, &l, &r);
  return l < r;
}

typedef struct
{
  BylineGotmplValue key;
  BylineGotmplValue value;
} SortPair;

/* Follows a dotted path of fields and keys (where and sort). */
gboolean
byline_gotmpl_evaluate_path (BylineGotmplCall        *call,
                             const BylineGotmplValue *value,
                             char                   **path,
                             BylineGotmplValue       *result)
{
  g_auto(BylineGotmplValue) v = byline_gotmpl_value_copy (value);

  for (guint i = 0; path[i] != NULL; i++)
    {
      BylineGotmplValue next = BYLINE_GOTMPL_VALUE_INIT;

      if (path[i][0] == '\0')
        continue;
      switch ((BylineGotmplKind) v.kind)
        {
        case BYLINE_GOTMPL_MAP:
          {
            const BylineGotmplValue *found = byline_gotmpl_map_lookup (v.m, path[i]);

            if (found != NULL)
              next = byline_gotmpl_value_copy (found);
          }
          break;
        case BYLINE_GOTMPL_OBJECT:
          {
            const BylineGotmplMethod *m = byline_gotmpl_class_find_method (v.o->klass, path[i]);

            if (m != NULL && m->min_args == 0)
              {
                if (!m->func (call, &v, NULL, 0, &next))
                  return FALSE;
              }
            else if (v.o->klass->field == NULL || !v.o->klass->field (v.o, path[i], &next))
              return byline_gotmpl_call_error (call, "%s is neither a struct field, a method nor "
                                               "a map element of type %s", path[i],
                                               v.o->klass->type_name);
          }
          break;
        case BYLINE_GOTMPL_NIL:
          break;
        default:
          return byline_gotmpl_call_error (call, "%s is neither a struct field, a method nor a map "
                                           "element of type %s", path[i],
                                           byline_gotmpl_value_type_name (&v));
        }
      byline_gotmpl_value_clear (&v);
      v = next;
    }
  *result = byline_gotmpl_value_steal (&v);
  return TRUE;
}

gboolean
byline_gotmpl_fn_sort (BylineGotmplCall        *call,
         const BylineGotmplValue *self,
         const BylineGotmplValue *args,
         guint                    n_args,
         BylineGotmplValue       *result)
{
  const BylineGotmplValue *seq = &args[0];
  g_autofree char *field = NULL;
  g_auto(GStrv) path = NULL;
  gboolean asc = TRUE;
  SortPair *pairs;
  guint n;
  BylineGotmplList *list;

  if (seq->kind == BYLINE_GOTMPL_NIL)
    return byline_gotmpl_call_error (call, "sequence must be provided");
  if (seq->kind != BYLINE_GOTMPL_LIST && seq->kind != BYLINE_GOTMPL_MAP)
    return byline_gotmpl_call_error (call, "can't sort %s", byline_gotmpl_value_type_name (seq));
  if (n_args > 1)
    field = byline_gotmpl_value_to_string (&args[1]);
  if (n_args > 2)
    {
      g_autofree char *order = byline_gotmpl_value_to_string (&args[2]);

      asc = g_strcmp0 (order, "desc") != 0;
    }
  if (field == NULL)
    field = g_strdup ("");
  {
    g_autofree char *trimmed = g_strdup (field);

    g_strstrip (trimmed);
    while (trimmed[0] == '.')
      memmove (trimmed, trimmed + 1, strlen (trimmed));
    path = g_strsplit (trimmed, ".", -1);
  }

  n = byline_gotmpl_value_length (seq);
  if (!byline_gotmpl_call_step (call, n))
    return FALSE;
  pairs = g_new0 (SortPair, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const BylineGotmplValue *value = seq->kind == BYLINE_GOTMPL_LIST
        ? byline_gotmpl_list_get (seq->l, i) : byline_gotmpl_map_value_at (seq->m, i);

      pairs[i].value = byline_gotmpl_value_copy (value);
      if (field[0] == '\0' && seq->kind == BYLINE_GOTMPL_MAP)
        pairs[i].key = byline_gotmpl_string (byline_gotmpl_map_key_at (seq->m, i));
      else if (field[0] == '\0' || strcmp (field, "value") == 0)
        pairs[i].key = byline_gotmpl_value_copy (value);
      else if (!byline_gotmpl_evaluate_path (call, value, path, &pairs[i].key))
        {
          for (guint k = 0; k <= i; k++)
            {
              byline_gotmpl_value_clear (&pairs[k].key);
              byline_gotmpl_value_clear (&pairs[k].value);
            }
          g_free (pairs);
          return FALSE;
        }
    }

  /* sort.Stable (insertion into a merge would do; lists are small). */
  for (guint i = 1; i < n; i++)
    {
      SortPair x = pairs[i];
      guint j = i;

      while (j > 0 && (asc ? sort_less (&x.key, &pairs[j - 1].key)
                           : sort_less (&pairs[j - 1].key, &x.key)))
        {
          pairs[j] = pairs[j - 1];
          j--;
        }
      pairs[j] = x;
    }

  list = seq->kind == BYLINE_GOTMPL_LIST ? byline_gotmpl_list_new_like (seq, n) : byline_gotmpl_list_new (n);
  for (guint i = 0; i < n; i++)
    {
      byline_gotmpl_list_append (list, pairs[i].value);
      byline_gotmpl_value_clear (&pairs[i].key);
    }
  g_free (pairs);
  *result = byline_gotmpl_list_value (list);
  return TRUE;
}

/* Hugo's Index: nil instead of an error for missing keys and indexes. */
gboolean
byline_gotmpl_fn_index (BylineGotmplCall        *call,
          const BylineGotmplValue *self,
          const BylineGotmplValue *args,
          guint                    n_args,
          BylineGotmplValue       *result)
{
  g_auto(BylineGotmplValue) v = byline_gotmpl_value_copy (&args[0]);
  const BylineGotmplValue *indices = args + 1;
  guint n = n_args - 1;

  if (v.kind == BYLINE_GOTMPL_NIL)
    return TRUE;
  if (n == 1 && args[1].kind == BYLINE_GOTMPL_LIST)
    {
      indices = byline_gotmpl_list_get (args[1].l, 0);
      n = byline_gotmpl_list_length (args[1].l);
      if (n == 0)
        indices = NULL;
    }

  for (guint i = 0; i < n; i++)
    {
      const BylineGotmplValue *index = &indices[i];
      BylineGotmplValue next = BYLINE_GOTMPL_VALUE_INIT;

      switch ((BylineGotmplKind) v.kind)
        {
        case BYLINE_GOTMPL_NIL:
          return TRUE;
        case BYLINE_GOTMPL_LIST:
        case BYLINE_GOTMPL_STRING:
          if (index->kind == BYLINE_GOTMPL_NIL)
            return byline_gotmpl_call_error (call, "index of type %s with args %s failed: "
                                             "cannot index slice/array with nil",
                                             byline_gotmpl_value_type_name (&args[0]), "[<nil>]");
          if (index->kind != BYLINE_GOTMPL_INT)
            return byline_gotmpl_call_error (call, "index of type %s failed: cannot index "
                                             "slice/array with type %s",
                                             byline_gotmpl_value_type_name (&args[0]),
                                             byline_gotmpl_value_type_name (index));
          if (index->i < 0 || index->i >= byline_gotmpl_value_length (&v))
            return TRUE;
          if (v.kind == BYLINE_GOTMPL_LIST)
            next = byline_gotmpl_value_copy (byline_gotmpl_list_get (v.l, index->i));
          else
            next = byline_gotmpl_int ((guchar) v.s[index->i]);
          break;
        case BYLINE_GOTMPL_MAP:
          {
            g_autofree char *key = byline_gotmpl_value_to_string (index);
            const BylineGotmplValue *found;

            if (index->kind == BYLINE_GOTMPL_NIL)
              return byline_gotmpl_call_error (call, "index of type %s failed: value is nil; "
                                               "should be of type string",
                                               byline_gotmpl_value_type_name (&args[0]));
            if (key == NULL || index->kind != BYLINE_GOTMPL_STRING)
              return byline_gotmpl_call_error (call, "index of type %s failed: value has type "
                                               "%s; should be string",
                                               byline_gotmpl_value_type_name (&args[0]),
                                               byline_gotmpl_value_type_name (index));
            found = byline_gotmpl_map_lookup (v.m, key);
            if (found == NULL)
              return TRUE;
            next = byline_gotmpl_value_copy (found);
          }
          break;
        default:
          return byline_gotmpl_call_error (call, "index of type %s failed: can't index item of "
                                           "type %s", byline_gotmpl_value_type_name (&args[0]),
                                           byline_gotmpl_value_type_name (&v));
        }
      byline_gotmpl_value_clear (&v);
      v = next;
    }
  *result = byline_gotmpl_value_steal (&v);
  return TRUE;
}

gboolean
byline_gotmpl_fn_is_set (BylineGotmplCall        *call,
           const BylineGotmplValue *self,
           const BylineGotmplValue *args,
           guint                    n_args,
           BylineGotmplValue       *result)
{
  const BylineGotmplValue *c = &args[0], *key = &args[1];

  *result = byline_gotmpl_bool (FALSE);
  if (c->kind == BYLINE_GOTMPL_LIST)
    {
      gint64 k;

      if (!byline_gotmpl_to_int (call, key, &k))
        return byline_gotmpl_call_error (call, "isset unable to use key of type %s as index",
                                         byline_gotmpl_value_type_name (key));
      *result = byline_gotmpl_bool (byline_gotmpl_list_length (c->l) > k);
    }
  else if (c->kind == BYLINE_GOTMPL_MAP && key->kind == BYLINE_GOTMPL_STRING)
    *result = byline_gotmpl_bool (byline_gotmpl_map_lookup (c->m, key->s) != NULL);
  return TRUE;
}

static gboolean
merge_into (BylineGotmplMap       *out,
            const BylineGotmplMap *src)
{
  for (guint i = 0; i < byline_gotmpl_map_length (src); i++)
    {
      const char *key = byline_gotmpl_map_key_at (src, i);
      const BylineGotmplValue *sv = byline_gotmpl_map_value_at (src, i);
      const BylineGotmplValue *dv = NULL;

      /* caseInsensitiveLookup */
      for (guint k = 0; k < byline_gotmpl_map_length (out); k++)
        if (g_ascii_strcasecmp (byline_gotmpl_map_key_at (out, k), key) == 0)
          {
            dv = byline_gotmpl_map_value_at (out, k);
            key = byline_gotmpl_map_key_at (out, k);
            break;
          }
      if (dv == NULL)
        byline_gotmpl_map_set (out, key, byline_gotmpl_value_copy (sv));
      else if (dv->kind == BYLINE_GOTMPL_MAP && sv->kind == BYLINE_GOTMPL_MAP)
        {
          BylineGotmplMap *merged = byline_gotmpl_map_copy (dv->m);
          g_autofree char *k = g_strdup (key);

          merge_into (merged, sv->m);
          byline_gotmpl_map_set (out, k, byline_gotmpl_map_value (merged));
        }
    }
  return TRUE;
}

gboolean
byline_gotmpl_fn_merge (BylineGotmplCall        *call,
          const BylineGotmplValue *self,
          const BylineGotmplValue *args,
          guint                    n_args,
          BylineGotmplValue       *result)
{
  g_auto(BylineGotmplValue) acc = BYLINE_GOTMPL_VALUE_INIT;

  if (n_args < 2)
    return byline_gotmpl_call_error (call, "merge requires at least two parameters");
  acc = byline_gotmpl_value_copy (&args[n_args - 1]);
  for (guint i = n_args - 1; i > 0; i--)
    {
      const BylineGotmplValue *src = &args[i - 1];
      BylineGotmplMap *merged;

      if (acc.kind != BYLINE_GOTMPL_MAP)
        return byline_gotmpl_call_error (call, "destination must be a map, got %s",
                                         byline_gotmpl_value_type_name (&acc));
      if (!byline_gotmpl_value_truth (src))
        continue;
      if (src->kind != BYLINE_GOTMPL_MAP)
        return byline_gotmpl_call_error (call, "source must be a map, got %s",
                                         byline_gotmpl_value_type_name (src));
      merged = byline_gotmpl_map_copy (acc.m);
      merge_into (merged, src->m);
      byline_gotmpl_value_clear (&acc);
      acc = byline_gotmpl_map_value (merged);
    }
  *result = byline_gotmpl_value_steal (&acc);
  return TRUE;
}

gboolean
byline_gotmpl_fn_querify (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  GString *out;

  if (n_args == 1 && args[0].kind == BYLINE_GOTMPL_MAP)
    {
      for (guint i = 0; i < byline_gotmpl_map_length (args[0].m); i++)
        {
          char *v = byline_gotmpl_value_to_string (byline_gotmpl_map_value_at (args[0].m, i));

          if (byline_gotmpl_map_key_at (args[0].m, i)[0] == '\0')
            {
              g_free (v);
              return byline_gotmpl_call_error (call, "key is an empty string");
            }
          if (v == NULL)
            return byline_gotmpl_call_error (call, "unable to cast value to string");
          g_ptr_array_add (pairs, g_strdup (byline_gotmpl_map_key_at (args[0].m, i)));
          g_ptr_array_add (pairs, v);
        }
    }
  else
    {
      const BylineGotmplValue *items = args;
      guint n = n_args;

      if (n_args == 1 && args[0].kind == BYLINE_GOTMPL_LIST)
        {
          items = byline_gotmpl_list_get (args[0].l, 0);
          n = byline_gotmpl_list_length (args[0].l);
        }
      else if (n_args == 1)
        return byline_gotmpl_call_error (call, "invalid arguments; the arguments must be an even "
                                         "number of key-value pairs, a slice of key-value pairs, "
                                         "or a map");
      if (n % 2 != 0)
        return byline_gotmpl_call_error (call, "invalid arguments; the arguments must be an even "
                                         "number of key-value pairs, a slice of key-value pairs, "
                                         "or a map");
      for (guint i = 0; i < n; i++)
        {
          char *v = byline_gotmpl_value_to_string (&items[i]);

          if (v == NULL)
            return byline_gotmpl_call_error (call, "unable to cast value to string");
          g_ptr_array_add (pairs, v);
        }
    }

  /* url.Values.Encode: sorted by key (stable), query-escaped. */
  {
    g_autoptr(GPtrArray) order = g_ptr_array_new ();

    for (guint i = 0; i < pairs->len; i += 2)
      g_ptr_array_add (order, GUINT_TO_POINTER (i));
    for (guint i = 1; i < order->len; i++)
      for (guint j = i; j > 0; j--)
        {
          guint a = GPOINTER_TO_UINT (order->pdata[j - 1]), b = GPOINTER_TO_UINT (order->pdata[j]);

          if (strcmp (g_ptr_array_index (pairs, a), g_ptr_array_index (pairs, b)) <= 0)
            break;
          order->pdata[j - 1] = GUINT_TO_POINTER (b);
          order->pdata[j] = GUINT_TO_POINTER (a);
        }
    out = g_string_new (NULL);
    for (guint i = 0; i < order->len; i++)
      {
        guint k = GPOINTER_TO_UINT (order->pdata[i]);
        const char *key = g_ptr_array_index (pairs, k);
        const char *value = g_ptr_array_index (pairs, k + 1);

        if (i > 0)
          g_string_append_c (out, '&');
        byline_gotmpl_query_escape (out, key, strlen (key));
        g_string_append_c (out, '=');
        byline_gotmpl_query_escape (out, value, strlen (value));
      }
  }
  *result = byline_gotmpl_string_take (out);
  return TRUE;
}

