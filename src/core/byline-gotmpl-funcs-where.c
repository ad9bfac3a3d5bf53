/* byline-gotmpl-funcs-where.c — Hugo's where
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tpl/collections/where.go: the elements of a list (or entries of a map)
 * whose value at a key path compares with a value: = == eq, != <> ne,
 * >= ge, > gt, <= le, < lt, in, not in, intersect and like (a regexp).
 * Comparisons follow checkCondition: nil only equals nil, numbers of mixed
 * kinds compare as floats, times by Unix seconds, strings by bytes.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-funcs.h"

#include <string.h>

#include "byline-gotmpl-funcs-private.h"
#include "byline-gotmpl-objects-private.h"

typedef enum { CMP_NONE, CMP_INT, CMP_FLOAT, CMP_STRING } CmpKind;

static gboolean
is_number (const BylineGotmplValue *v)
{
  return v->kind == BYLINE_GOTMPL_INT || v->kind == BYLINE_GOTMPL_FLOAT;
}

static double
as_double (const BylineGotmplValue *v)
{
  return v->kind == BYLINE_GOTMPL_INT ? (double) v->i : v->f;
}

static gboolean
time_unix (const BylineGotmplValue *v,
           gint64                  *unix_time)
{
  GDateTime *dt = byline_gotmpl_time_get (v);

  if (dt == NULL)
    return FALSE;
  *unix_time = g_date_time_to_unix (dt);
  return TRUE;
}

static gboolean
op_is (const char *op,
       const char *a,
       const char *b,
       const char *c)
{
  return strcmp (op, a) == 0 || strcmp (op, b) == 0 || (c != NULL && strcmp (op, c) == 0);
}

static gboolean
match_like (BylineGotmplCall *call,
            const char       *s,
            const char       *pattern,
            gboolean         *matched)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) re = g_regex_new (pattern, 0, 0, &error);

  if (re == NULL)
    return byline_gotmpl_call_error (call, "error parsing regexp: %s", error->message);
  *matched = g_regex_match (re, s, 0, NULL);
  return TRUE;
}

/* checkCondition. FALSE with the call failed on errors. */
static gboolean
check_condition (BylineGotmplCall        *call,
                 const BylineGotmplValue *v,
                 const BylineGotmplValue *mv,
                 const char              *op,
                 gboolean                *ok)
{
  gboolean eq_op = op_is (op, "", "=", "==") || strcmp (op, "eq") == 0;
  gboolean ne_op = op_is (op, "!=", "<>", "ne");
  CmpKind kind = CMP_NONE;
  gint64 iv = 0, imv = 0;
  double fv = 0, fmv = 0;
  const char *sv = NULL, *smv = NULL;
  gint64 t;

  *ok = FALSE;
  if (v->kind == BYLINE_GOTMPL_NIL || mv->kind == BYLINE_GOTMPL_NIL)
    {
      gboolean vnil = v->kind == BYLINE_GOTMPL_NIL, mvnil = mv->kind == BYLINE_GOTMPL_NIL;

      if (eq_op)
        *ok = vnil == mvnil;
      else if (ne_op)
        *ok = vnil != mvnil;
      return TRUE;
    }
  if (v->kind == BYLINE_GOTMPL_BOOL && mv->kind == BYLINE_GOTMPL_BOOL)
    {
      if (eq_op)
        *ok = v->b == mv->b;
      else if (ne_op)
        *ok = v->b != mv->b;
      return TRUE;
    }
  /* tryEq: Hugo's objects compare by identity. */
  if ((eq_op || ne_op) && v->kind == BYLINE_GOTMPL_OBJECT && mv->kind == BYLINE_GOTMPL_OBJECT &&
      byline_gotmpl_time_get (v) == NULL)
    {
      gboolean eq = byline_gotmpl_value_equal (v, mv);

      *ok = ne_op ? !eq : eq;
      return TRUE;
    }

  if (v->kind == mv->kind && v->kind != BYLINE_GOTMPL_LIST)
    {
      switch (v->kind)
        {
        case BYLINE_GOTMPL_INT:
          kind = CMP_INT, iv = v->i, imv = mv->i;
          break;
        case BYLINE_GOTMPL_FLOAT:
          kind = CMP_FLOAT, fv = v->f, fmv = mv->f;
          break;
        case BYLINE_GOTMPL_STRING:
          kind = CMP_STRING, sv = v->s, smv = mv->s;
          break;
        case BYLINE_GOTMPL_OBJECT:
          if (time_unix (v, &iv) && time_unix (mv, &imv))
            kind = CMP_INT;
          break;
        default:
          break;
        }
    }
  else if (is_number (v) && is_number (mv))
    {
      kind = CMP_FLOAT;
      fv = as_double (v);
      fmv = as_double (mv);
    }
  else if (v->kind == BYLINE_GOTMPL_LIST && mv->kind == BYLINE_GOTMPL_LIST)
    {
      if (strcmp (op, "intersect") == 0)
        {
          for (guint i = 0; i < byline_gotmpl_list_length (v->l) && !*ok; i++)
            for (guint k = 0; k < byline_gotmpl_list_length (mv->l) && !*ok; k++)
              *ok = byline_gotmpl_same_identity (byline_gotmpl_list_get (v->l, i),
                                                 byline_gotmpl_list_get (mv->l, k));
        }
      return TRUE;
    }
  else if (mv->kind == BYLINE_GOTMPL_LIST)
    {
      /* in / not in: the value against the list's elements of its kind. */
      gboolean found = FALSE;
      guint n = byline_gotmpl_list_length (mv->l);

      if (n == 0)
        {
          *ok = strcmp (op, "not in") == 0;
          return TRUE;
        }
      if (!op_is (op, "in", "not in", NULL))
        return TRUE;
      for (guint i = 0; i < n && !found; i++)
        {
          const BylineGotmplValue *e = byline_gotmpl_list_get (mv->l, i);

          if (v->kind == BYLINE_GOTMPL_STRING && e->kind == BYLINE_GOTMPL_STRING)
            found = strcmp (v->s, e->s) == 0;
          else if (v->kind == BYLINE_GOTMPL_INT && is_number (e))
            found = (double) v->i == as_double (e);
          else if (v->kind == BYLINE_GOTMPL_FLOAT && is_number (e))
            found = v->f == as_double (e);
          else if (time_unix (v, &iv) && time_unix (e, &t))
            found = iv == t;
        }
      *ok = strcmp (op, "not in") == 0 ? !found : found;
      return TRUE;
    }
  else
    return TRUE;

  if (eq_op || ne_op)
    {
      gboolean eq = kind == CMP_INT ? iv == imv : kind == CMP_FLOAT ? fv == fmv
                    : kind == CMP_STRING ? strcmp (sv, smv) == 0 : FALSE;

      *ok = kind != CMP_NONE && (ne_op ? !eq : eq);
      return TRUE;
    }
  if (kind == CMP_NONE)
    return TRUE;
  {
    int c = kind == CMP_INT ? (iv > imv) - (iv < imv)
            : kind == CMP_FLOAT ? (fv > fmv) - (fv < fmv)
            : strcmp (sv, smv);

    if (op_is (op, ">=", "ge", NULL))
      *ok = c >= 0;
    else if (op_is (op, ">", "gt", NULL))
      *ok = c > 0;
    else if (op_is (op, "<=", "le", NULL))
      *ok = c <= 0;
    else if (op_is (op, "<", "lt", NULL))
      *ok = c < 0;
    else if (op_is (op, "in", "not in", NULL))
      {
        /* in with a string: substring. */
        gboolean found = kind == CMP_STRING && strstr (smv, sv) != NULL;

        *ok = strcmp (op, "not in") == 0 ? !found : found;
      }
    else if (strcmp (op, "like") == 0)
      {
        if (kind == CMP_STRING)
          return match_like (call, sv, smv, ok);
      }
    else if (strcmp (op, "intersect") != 0)
      return byline_gotmpl_call_error (call, "no such operator");
  }
  return TRUE;
}

gboolean
byline_gotmpl_fn_where (BylineGotmplCall        *call,
                        const BylineGotmplValue *self,
                        const BylineGotmplValue *args,
                        guint                    n_args,
                        BylineGotmplValue       *result)
{
  const BylineGotmplValue *seq = &args[0], *key = &args[1], *mv;
  g_autofree char *op = NULL;
  g_auto(GStrv) path = NULL;

  if (seq->kind == BYLINE_GOTMPL_NIL)
    return byline_gotmpl_call_error (call, "can't iterate over a nil value");
  if (n_args == 3)
    {
      op = g_strdup ("");
      mv = &args[2];
    }
  else if (n_args == 4)
    {
      if (args[2].kind != BYLINE_GOTMPL_STRING)
        return byline_gotmpl_call_error (call, "operator argument must be string type");
      op = g_ascii_strdown (args[2].s, -1);
      g_strstrip (op);
      mv = &args[3];
    }
  else
    return byline_gotmpl_call_error (call, "can't evaluate the array by no match argument or "
                                     "more than or equal to two arguments");

  if (key->kind == BYLINE_GOTMPL_STRING)
    {
      g_autofree char *trimmed = g_strdup (key->s);
      char *p = trimmed;
      gsize len;

      while (*p == '.')
        p++;
      len = strlen (p);
      while (len > 0 && p[len - 1] == '.')
        p[--len] = '\0';
      path = g_strsplit (p, ".", -1);
    }
  if (!byline_gotmpl_call_step (call, byline_gotmpl_value_length (seq) > 0
                                      ? (guint64) byline_gotmpl_value_length (seq) : 0))
    return FALSE;

  if (seq->kind == BYLINE_GOTMPL_LIST)
    {
      BylineGotmplList *list = byline_gotmpl_list_new_like (seq, 4);

      for (guint i = 0; i < byline_gotmpl_list_length (seq->l); i++)
        {
          const BylineGotmplValue *e = byline_gotmpl_list_get (seq->l, i);
          g_auto(BylineGotmplValue) v = BYLINE_GOTMPL_VALUE_INIT;
          gboolean ok;

          if (path != NULL)
            {
              if (!byline_gotmpl_evaluate_path (call, e, path, &v))
                {
                  byline_gotmpl_list_unref (list);
                  return FALSE;
                }
            }
          else if (e->kind == BYLINE_GOTMPL_MAP && key->kind != BYLINE_GOTMPL_NIL)
            {
              g_autofree char *k = byline_gotmpl_value_to_string (key);
              const BylineGotmplValue *found = k != NULL ? byline_gotmpl_map_lookup (e->m, k) : NULL;

              if (found != NULL)
                v = byline_gotmpl_value_copy (found);
            }
          if (!check_condition (call, &v, mv, op, &ok))
            {
              byline_gotmpl_list_unref (list);
              return FALSE;
            }
          if (ok)
            byline_gotmpl_list_append (list, byline_gotmpl_value_copy (e));
        }
      *result = byline_gotmpl_list_value (list);
      return TRUE;
    }
  if (seq->kind == BYLINE_GOTMPL_MAP)
    {
      BylineGotmplMap *map = byline_gotmpl_map_new (byline_gotmpl_map_is_params (seq->m));

      for (guint i = 0; i < byline_gotmpl_map_length (seq->m); i++)
        {
          const BylineGotmplValue *e = byline_gotmpl_map_value_at (seq->m, i);
          g_auto(BylineGotmplValue) v = BYLINE_GOTMPL_VALUE_INIT;
          gboolean ok;

          if (path != NULL && !byline_gotmpl_evaluate_path (call, e, path, &v))
            {
              byline_gotmpl_map_unref (map);
              return FALSE;
            }
          if (!check_condition (call, &v, mv, op, &ok))
            {
              byline_gotmpl_map_unref (map);
              return FALSE;
            }
          if (ok)
            byline_gotmpl_map_set (map, byline_gotmpl_map_key_at (seq->m, i),
                                   byline_gotmpl_value_copy (e));
        }
      *result = byline_gotmpl_map_value (map);
      return TRUE;
    }
  return byline_gotmpl_call_error (call, "can't iterate over %s",
                                   byline_gotmpl_value_type_name (seq));
}
