/* byline-gotmpl-funcs.c — the function registry, Go's builtins, comparisons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Go's text/template builtins (funcs.go: not, len, html, js, urlquery,
 * call) and Hugo's compare namespace (tpl/compare/compare.go: eq, ne, lt,
 * le, gt, ge, cond, default), which Hugo puts in place of Go's eq…ge.
 * and/or short-circuit and are evaluated by the executor itself.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-funcs.h"

#include <stdlib.h>
#include <string.h>

#include "byline-gotmpl-escape.h"

/* Every top-level function name Hugo knows (Go's builtins, Hugo's aliases
 * in tpl/<namespace>/init.go, and the namespaces), so that a name the
 * preview lacks can be told from one Hugo itself rejects. */
static const char * const hugo_names[] = {
  "T", "absLangURL", "absURL", "add", "after", "anchorize", "and", "append", "apply", "babel",
  "base64Decode", "base64Encode", "call", "cast", "chomp", "collections", "compare",
  "complement", "cond", "countrunes", "countwords", "crypto", "css", "dateFormat", "debug",
  "default", "delimit", "diagrams", "dict", "div", "doDefer", "duration", "emojify",
  "encoding", "eq", "errorf", "erroridf", "fileExists", "findRE", "findRESubmatch",
  "fingerprint", "first", "float", "fmt", "ge", "getenv", "group", "gt", "hasPrefix",
  "hasSuffix", "hash", "highlight", "hmac", "html", "htmlEscape", "htmlUnescape", "hugo",
  "humanize", "i18n", "imageConfig", "images", "in", "index", "inflect", "inner", "int",
  "intersect", "isSet", "isset", "js", "jsonify", "keyVals", "lang", "last", "le", "len",
  "lower", "lt", "markdownify", "math", "md5", "merge", "minify", "mod", "modBool", "mul",
  "ne", "newScratch", "not", "now", "openapi3", "or", "os", "page", "partial",
  "partialCached", "partials", "path", "plainify", "pluralize", "pow", "print", "printf",
  "println", "querify", "readDir", "readFile", "ref", "reflect", "relLangURL", "relURL",
  "relref", "replace", "replaceRE", "resources", "return", "safe", "safeCSS", "safeHTML",
  "safeHTMLAttr", "safeJS", "safeJSStr", "safeURL", "seq", "sha1", "sha256", "shuffle",
  "singularize", "site", "slice", "slicestr", "sort", "split", "string", "strings", "sub",
  "substr", "symdiff", "templates", "time", "title", "transform", "trim", "truncate", "try",
  "union", "uniq", "unmarshal", "upper", "urlize", "urlquery", "urls", "warnf", "warnidf",
  "where",
};

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

gboolean
byline_gotmpl_funcs_is_hugo (const char *name)
{
  return bsearch (&name, hugo_names, G_N_ELEMENTS (hugo_names), sizeof (char *),
                  compare_names) != NULL;
}

static GHashTable *
registry (void)
{
  static gsize initialized = 0;
  static GHashTable *table = NULL;

  if (g_once_init_enter (&initialized))
    {
      const BylineGotmplFuncTable *families[] = {
        &byline_gotmpl_funcs_go, &byline_gotmpl_funcs_fmt, &byline_gotmpl_funcs_strings,
        &byline_gotmpl_funcs_collections, &byline_gotmpl_funcs_math, &byline_gotmpl_funcs_urls,
        &byline_gotmpl_funcs_transform, &byline_gotmpl_funcs_time, &byline_gotmpl_funcs_site,
        &byline_gotmpl_funcs_inflect,
      };

      table = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint f = 0; f < G_N_ELEMENTS (families); f++)
        for (guint i = 0; i < families[f]->n_methods; i++)
          {
            const BylineGotmplMethod *m = &families[f]->methods[i];

            g_assert (!g_hash_table_contains (table, m->name));
            g_hash_table_insert (table, (gpointer) m->name, (gpointer) m);
          }
      g_once_init_leave (&initialized, 1);
    }
  return table;
}

const BylineGotmplMethod *
byline_gotmpl_funcs_lookup (const char *name)
{
  return g_hash_table_lookup (registry (), name);
}

BylineGotmplValue
byline_gotmpl_namespace_value (const BylineGotmplClass *klass)
{
  /* Namespaces hold no state: a new object each time costs one malloc. */
  return byline_gotmpl_object_value (byline_gotmpl_object_new (klass, sizeof (BylineGotmplObject)));
}

/* Conversions (spf13/cast) */

char *
byline_gotmpl_value_to_string (const BylineGotmplValue *value)
{
  GString *s;

  switch ((BylineGotmplKind) value->kind)
    {
    case BYLINE_GOTMPL_NIL:
      return g_strdup ("");
    case BYLINE_GOTMPL_STRING:
      return g_strndup (value->s, byline_gotmpl_string_length (value));
    case BYLINE_GOTMPL_BOOL:
    case BYLINE_GOTMPL_INT:
      s = g_string_new (NULL);
      byline_gotmpl_value_print (value, s);
      return g_string_free (s, FALSE);
    case BYLINE_GOTMPL_FLOAT:
      s = g_string_new (NULL);
      byline_gotmpl_format_float (s, value->f, 'f', -1);
      return g_string_free (s, FALSE);
    case BYLINE_GOTMPL_OBJECT:
      /* A fmt.Stringer. */
      if (value->o->klass->print != NULL)
        {
          s = g_string_new (NULL);
          byline_gotmpl_value_print (value, s);
          return g_string_free (s, FALSE);
        }
      return NULL;
    default:
      return NULL;
    }
}

/* cast's %#v of a value in its messages. */
static char *
go_syntax (const BylineGotmplValue *value)
{
  GString *s = g_string_new (NULL);

  if (value->kind == BYLINE_GOTMPL_STRING)
    byline_gotmpl_quote (s, value->s, byline_gotmpl_string_length (value), -1);
  else
    byline_gotmpl_value_print (value, s);
  return g_string_free (s, FALSE);
}

static gboolean
cast_error (BylineGotmplCall        *call,
            const BylineGotmplValue *value,
            const char              *to)
{
  g_autofree char *v = go_syntax (value);

  return byline_gotmpl_call_error (call, "unable to cast %s of type %s to %s", v,
                                   byline_gotmpl_value_type_name (value), to);
}

gboolean
byline_gotmpl_to_string (BylineGotmplCall        *call,
                         const BylineGotmplValue *value,
                         char                   **result)
{
  *result = byline_gotmpl_value_to_string (value);
  if (*result == NULL)
    return cast_error (call, value, "string");
  return TRUE;
}

/* cast's trimZeroDecimal: "10.00" → "10". */
static char *
trim_zero_decimal (const char *s)
{
  const char *dot = strrchr (s, '.');

  if (dot != NULL && dot[1] != '\0' && strspn (dot + 1, "0") == strlen (dot + 1))
    return g_strndup (s, dot - s);
  return g_strdup (s);
}

gboolean
byline_gotmpl_to_int (BylineGotmplCall        *call,
                      const BylineGotmplValue *value,
                      gint64                  *result)
{
  switch ((BylineGotmplKind) value->kind)
    {
    case BYLINE_GOTMPL_NIL:
      *result = 0;
      return TRUE;
    case BYLINE_GOTMPL_BOOL:
      *result = value->b ? 1 : 0;
      return TRUE;
    case BYLINE_GOTMPL_INT:
      *result = value->i;
      return TRUE;
    case BYLINE_GOTMPL_FLOAT:
      if (value->f != value->f || value->f >= 0x1p63 || value->f < -0x1p63)
        return cast_error (call, value, "int");
      *result = (gint64) value->f;
      return TRUE;
    case BYLINE_GOTMPL_STRING:
      {
        g_autofree char *t = trim_zero_decimal (value->s);
        const char *p = t;
        gboolean neg = FALSE;
        guint base = 10;
        char *end = NULL;
        guint64 v;

        if (*p == '+' || *p == '-')
          neg = *p++ == '-';
        if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
          base = 16, p += 2;
        else if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B'))
          base = 2, p += 2;
        else if (p[0] == '0' && (p[1] == 'o' || p[1] == 'O'))
          base = 8, p += 2;
        else if (p[0] == '0' && p[1] != '\0')
          base = 8, p += 1;
        if (*p == '\0' || !g_ascii_isxdigit (*p) ||
            !g_ascii_string_to_unsigned (p, base, 0, neg ? (guint64) G_MAXINT64 + 1 : G_MAXINT64,
                                         &v, NULL))
          return cast_error (call, value, "int");
        (void) end;
        *result = neg ? (gint64) (0 - v) : (gint64) v;
        return TRUE;
      }
    default:
      return cast_error (call, value, "int");
    }
}

gboolean
byline_gotmpl_value_to_float (const BylineGotmplValue *value,
                              double                  *result)
{
  switch ((BylineGotmplKind) value->kind)
    {
    case BYLINE_GOTMPL_NIL:
      *result = 0;
      return TRUE;
    case BYLINE_GOTMPL_BOOL:
      *result = value->b ? 1 : 0;
      return TRUE;
    case BYLINE_GOTMPL_INT:
      *result = (double) value->i;
      return TRUE;
    case BYLINE_GOTMPL_FLOAT:
      *result = value->f;
      return TRUE;
    case BYLINE_GOTMPL_STRING:
      {
        char *end = NULL;
        const char *s = value->s;

        if (s[0] == '\0' || g_ascii_isspace (s[0]))
          return FALSE;
        *result = g_ascii_strtod (s, &end);
        return end != NULL && *end == '\0';
      }
    default:
      return FALSE;
    }
}

gboolean
byline_gotmpl_to_float (BylineGotmplCall        *call,
                        const BylineGotmplValue *value,
                        double                  *result)
{
  if (!byline_gotmpl_value_to_float (value, result))
    return cast_error (call, value, "float64");
  return TRUE;
}

GPtrArray *
byline_gotmpl_to_strv (BylineGotmplCall        *call,
                       const BylineGotmplValue *value)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  if (value->kind == BYLINE_GOTMPL_LIST)
    {
      for (guint i = 0; i < byline_gotmpl_list_length (value->l); i++)
        {
          char *s = byline_gotmpl_value_to_string (byline_gotmpl_list_get (value->l, i));

          g_ptr_array_add (out, s != NULL ? s : g_strdup (""));
        }
      return out;
    }
  if (value->kind == BYLINE_GOTMPL_STRING)
    {
      /* cast.ToStringSlice splits a string on white space. */
      g_auto(GStrv) words = g_strsplit_set (value->s, " \t\n\r\f\v", -1);

      for (guint i = 0; words[i] != NULL; i++)
        if (words[i][0] != '\0')
          g_ptr_array_add (out, g_strdup (words[i]));
      return out;
    }
  if (value->kind != BYLINE_GOTMPL_NIL)
    {
      char *s = byline_gotmpl_value_to_string (value);

      if (s != NULL)
        g_ptr_array_add (out, s);
    }
  return out;
}

BylineGotmplValue
byline_gotmpl_strv_value (GPtrArray *strings)
{
  BylineGotmplList *list = byline_gotmpl_list_new (strings->len);

  for (guint i = 0; i < strings->len; i++)
    byline_gotmpl_list_append (list, byline_gotmpl_string (g_ptr_array_index (strings, i)));
  return byline_gotmpl_list_value (list);
}

/* Go's builtins */

static gboolean
fn_not (BylineGotmplCall        *call,
        const BylineGotmplValue *self,
        const BylineGotmplValue *args,
        guint                    n_args,
        BylineGotmplValue       *result)
{
  *result = byline_gotmpl_bool (!byline_gotmpl_value_truth (&args[0]));
  return TRUE;
}

static gboolean
fn_len (BylineGotmplCall        *call,
        const BylineGotmplValue *self,
        const BylineGotmplValue *args,
        guint                    n_args,
        BylineGotmplValue       *result)
{
  gssize n = byline_gotmpl_value_length (&args[0]);

  if (args[0].kind == BYLINE_GOTMPL_NIL)
    return byline_gotmpl_call_error (call, "len of nil pointer");
  if (n < 0)
    return byline_gotmpl_call_error (call, "len of type %s",
                                     byline_gotmpl_value_type_name (&args[0]));
  *result = byline_gotmpl_int (n);
  return TRUE;
}

/* text/template's evalArgs for html, js and urlquery. */
static char *
eval_args (const BylineGotmplValue *args,
           guint                    n_args)
{
  GString *s = g_string_new (NULL);

  if (n_args == 1 && args[0].kind == BYLINE_GOTMPL_STRING)
    g_string_append_len (s, args[0].s, byline_gotmpl_string_length (&args[0]));
  else
    byline_gotmpl_sprint (s, args, n_args);
  return g_string_free (s, FALSE);
}

/* html, js and urlquery: text/template's escapers of the printed
 * arguments. */
static gboolean
escape_args (const BylineGotmplValue *args,
             guint                    n_args,
             void                   (*escape) (GString *, const char *, gsize),
             BylineGotmplValue       *result)
{
  g_autofree char *s = eval_args (args, n_args);
  GString *out = g_string_new (NULL);

  escape (out, s, strlen (s));
  *result = byline_gotmpl_string_take (out);
  return TRUE;
}

static gboolean
fn_html (BylineGotmplCall *call, const BylineGotmplValue *self,
         const BylineGotmplValue *args, guint n_args, BylineGotmplValue *result)
{
  return escape_args (args, n_args, byline_gotmpl_html_escape, result);
}

static gboolean
fn_js (BylineGotmplCall *call, const BylineGotmplValue *self,
       const BylineGotmplValue *args, guint n_args, BylineGotmplValue *result)
{
  return escape_args (args, n_args, byline_gotmpl_js_escape, result);
}

static gboolean
fn_urlquery (BylineGotmplCall *call, const BylineGotmplValue *self,
             const BylineGotmplValue *args, guint n_args, BylineGotmplValue *result)
{
  return escape_args (args, n_args, byline_gotmpl_query_escape, result);
}

/* No value a template sees here is a Go func, so call always fails the way
 * Go's call does for non-functions. */
static gboolean
fn_call (BylineGotmplCall        *call,
         const BylineGotmplValue *self,
         const BylineGotmplValue *args,
         guint                    n_args,
         BylineGotmplValue       *result)
{
  g_autofree char *name = byline_gotmpl_call_arg_text (call, 0);

  if (args[0].kind == BYLINE_GOTMPL_NIL)
    return byline_gotmpl_call_error (call, "call of nil");
  return byline_gotmpl_call_error (call, "non-function %s of type %s",
                                   name != NULL ? name : "value",
                                   byline_gotmpl_value_type_name (&args[0]));
}

/* Hugo's compare namespace */

static gboolean
fn_default (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  const BylineGotmplValue *given = n_args > 1 ? &args[1] : NULL;
  gboolean set = FALSE;

  if (n_args > 2)
    return byline_gotmpl_call_error (call, "wrong number of args for default: want 2 got %u", n_args);
  if (given != NULL)
    switch ((BylineGotmplKind) given->kind)
      {
      case BYLINE_GOTMPL_NIL:
        break;
      case BYLINE_GOTMPL_BOOL:
        set = TRUE;   /* false is a value too */
        break;
      case BYLINE_GOTMPL_OBJECT:
        /* Structs are set, except a zero time. */
        set = byline_gotmpl_value_truth (given);
        break;
      default:
        set = byline_gotmpl_value_truth (given);
        break;
      }
  *result = byline_gotmpl_value_copy (set ? given : &args[0]);
  return TRUE;
}

static gboolean
fn_cond (BylineGotmplCall        *call,
         const BylineGotmplValue *self,
         const BylineGotmplValue *args,
         guint                    n_args,
         BylineGotmplValue       *result)
{
  *result = byline_gotmpl_value_copy (byline_gotmpl_value_truth (&args[0]) ? &args[1] : &args[2]);
  return TRUE;
}

static gboolean
check_comparison (BylineGotmplCall *call,
                  guint             n_args)
{
  if (n_args < 2)
    return byline_gotmpl_call_error (call, "missing arguments for comparison");
  return TRUE;
}

static gboolean
fn_eq (BylineGotmplCall        *call,
       const BylineGotmplValue *self,
       const BylineGotmplValue *args,
       guint                    n_args,
       BylineGotmplValue       *result)
{
  if (!check_comparison (call, n_args))
    return FALSE;
  for (guint i = 1; i < n_args; i++)
    if (byline_gotmpl_value_equal (&args[0], &args[i]))
      {
        *result = byline_gotmpl_bool (TRUE);
        return TRUE;
      }
  *result = byline_gotmpl_bool (FALSE);
  return TRUE;
}

static gboolean
fn_ne (BylineGotmplCall        *call,
       const BylineGotmplValue *self,
       const BylineGotmplValue *args,
       guint                    n_args,
       BylineGotmplValue       *result)
{
  if (!check_comparison (call, n_args))
    return FALSE;
  for (guint i = 1; i < n_args; i++)
    if (byline_gotmpl_value_equal (&args[0], &args[i]))
      {
        *result = byline_gotmpl_bool (FALSE);
        return TRUE;
      }
  *result = byline_gotmpl_bool (TRUE);
  return TRUE;
}

/* compareGet: strings compare as strings unless both parse as numbers;
 * lengths of collections, booleans as 0/1, times as Unix seconds. */
static gboolean
compare_side (const BylineGotmplValue *v,
              double                  *number,
              const char             **str)
{
  *number = 0;
  *str = NULL;
  switch ((BylineGotmplKind) v->kind)
    {
    case BYLINE_GOTMPL_LIST:
    case BYLINE_GOTMPL_MAP:
      *number = (double) byline_gotmpl_value_length (v);
      return TRUE;
    case BYLINE_GOTMPL_INT:
      *number = (double) v->i;
      return TRUE;
    case BYLINE_GOTMPL_FLOAT:
      *number = v->f;
      return TRUE;
    case BYLINE_GOTMPL_STRING:
      {
        char *end = NULL;
        double f = v->s[0] != '\0' && !g_ascii_isspace (v->s[0])
          ? g_ascii_strtod (v->s, &end) : 0;

        if (end == NULL || *end != '\0' || f != f || f > G_MAXDOUBLE || f < -G_MAXDOUBLE)
          *str = v->s;
        else
          *number = f;
        return TRUE;
      }
    case BYLINE_GOTMPL_BOOL:
      *number = v->b ? 1 : 0;
      return TRUE;
    case BYLINE_GOTMPL_OBJECT:
      if (v->o->klass->as_number != NULL)
        v->o->klass->as_number (v->o, number);
      return TRUE;
    default:
      return TRUE;
    }
}

void
byline_gotmpl_compare_get (const BylineGotmplValue *a,
                           const BylineGotmplValue *b,
                           double                  *left,
                           double                  *right)
{
  const char *ls, *rs;

  /* compare.Comparer first, from either side. */
  if (a->kind == BYLINE_GOTMPL_OBJECT && a->o->klass->compare != NULL)
    {
      int c = a->o->klass->compare (a->o, b);

      *left = c > 0;
      *right = c < 0;
      return;
    }
  if (b->kind == BYLINE_GOTMPL_OBJECT && b->o->klass->compare != NULL)
    {
      int c = b->o->klass->compare (b->o, a);

      *left = c < 0;
      *right = c > 0;
      return;
    }
  if (a->kind == BYLINE_GOTMPL_STRING && b->kind == BYLINE_GOTMPL_STRING)
    {
      int c = strcmp (a->s, b->s);

      *left = c > 0;
      *right = c < 0;
      return;
    }
  compare_side (a, left, &ls);
  compare_side (b, right, &rs);
  if (ls != NULL && rs != NULL)
    {
      int c = strcmp (ls, rs);

      *left = c > 0;
      *right = c < 0;
    }
}

typedef enum { CMP_LT, CMP_LE, CMP_GT, CMP_GE } CompareOp;

static gboolean
compare_all (BylineGotmplCall        *call,
             const BylineGotmplValue *args,
             guint                    n_args,
             CompareOp                op,
             BylineGotmplValue       *result)
{
  if (!check_comparison (call, n_args))
    return FALSE;
  for (guint i = 1; i < n_args; i++)
    {
      double l, r;
      gboolean ok;

      byline_gotmpl_compare_get (&args[0], &args[i], &l, &r);
      switch (op)
        {
        case CMP_LT: ok = l < r; break;
        case CMP_LE: ok = l <= r; break;
        case CMP_GT: ok = l > r; break;
        default: ok = l >= r; break;
        }
      if (!ok)
        {
          *result = byline_gotmpl_bool (FALSE);
          return TRUE;
        }
    }
  *result = byline_gotmpl_bool (TRUE);
  return TRUE;
}

static gboolean
fn_lt (BylineGotmplCall *call, const BylineGotmplValue *self, const BylineGotmplValue *args,
       guint n_args, BylineGotmplValue *result)
{
  return compare_all (call, args, n_args, CMP_LT, result);
}

static gboolean
fn_le (BylineGotmplCall *call, const BylineGotmplValue *self, const BylineGotmplValue *args,
       guint n_args, BylineGotmplValue *result)
{
  return compare_all (call, args, n_args, CMP_LE, result);
}

static gboolean
fn_gt (BylineGotmplCall *call, const BylineGotmplValue *self, const BylineGotmplValue *args,
       guint n_args, BylineGotmplValue *result)
{
  return compare_all (call, args, n_args, CMP_GT, result);
}

static gboolean
fn_ge (BylineGotmplCall *call, const BylineGotmplValue *self, const BylineGotmplValue *args,
       guint n_args, BylineGotmplValue *result)
{
  return compare_all (call, args, n_args, CMP_GE, result);
}

static const BylineGotmplMethod compare_methods[] = {
  { "Conditional", fn_cond, 3, 3 },
  { "Default", fn_default, 1, -1 },
  { "Eq", fn_eq, 1, -1 },
  { "Ge", fn_ge, 1, -1 },
  { "Gt", fn_gt, 1, -1 },
  { "Le", fn_le, 1, -1 },
  { "Lt", fn_lt, 1, -1 },
  { "Ne", fn_ne, 1, -1 },
};

static const BylineGotmplClass compare_class = {
  "*compare.Namespace", compare_methods, G_N_ELEMENTS (compare_methods),
};

static gboolean
fn_compare (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  *result = byline_gotmpl_namespace_value (&compare_class);
  return TRUE;
}

static const BylineGotmplMethod go_methods[] = {
  { "call", fn_call, 1, -1 },
  { "compare", fn_compare, 0, -1 },
  { "cond", fn_cond, 3, 3 },
  { "default", fn_default, 1, -1 },
  { "eq", fn_eq, 1, -1 },
  { "ge", fn_ge, 1, -1 },
  { "gt", fn_gt, 1, -1 },
  { "html", fn_html, 0, -1 },
  { "js", fn_js, 0, -1 },
  { "le", fn_le, 1, -1 },
  { "len", fn_len, 1, 1 },
  { "lt", fn_lt, 1, -1 },
  { "ne", fn_ne, 1, -1 },
  { "not", fn_not, 1, 1 },
  { "urlquery", fn_urlquery, 0, -1 },
};

const BylineGotmplFuncTable byline_gotmpl_funcs_go = { go_methods, G_N_ELEMENTS (go_methods) };
