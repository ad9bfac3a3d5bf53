/* byline-gotmpl-value.h — the values a Go template computes with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A BylineGotmplValue is a small tagged union passed by value; strings,
 * lists, maps and objects live in reference-counted blocks (atomic counts,
 * so trees built once per site can be shared between threads as long as
 * nobody changes them). Lists and maps are immutable once handed out, except
 * where a function documents otherwise (Scratch).
 *
 * The kinds mirror what Hugo's templates see through Go's reflection:
 * nil (Go's "no value" and untyped nil alike), bool, int (int64), float
 * (float64), string (with html/template's content type: a template.HTML is a
 * string marked HTML), []interface{}, map[string]interface{} and objects
 * (pages, sites, shortcodes, resources, times, namespaces) whose fields and
 * methods a class table answers.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  BYLINE_GOTMPL_NIL,
  BYLINE_GOTMPL_BOOL,
  BYLINE_GOTMPL_INT,
  BYLINE_GOTMPL_FLOAT,
  BYLINE_GOTMPL_STRING,
  BYLINE_GOTMPL_LIST,
  BYLINE_GOTMPL_MAP,
  BYLINE_GOTMPL_OBJECT,
} BylineGotmplKind;

/* html/template's content types (content.go); PLAIN for ordinary strings. */
typedef enum
{
  BYLINE_GOTMPL_PLAIN,
  BYLINE_GOTMPL_CSS,
  BYLINE_GOTMPL_HTML,
  BYLINE_GOTMPL_HTML_ATTR,
  BYLINE_GOTMPL_JS,
  BYLINE_GOTMPL_JS_STR,
  BYLINE_GOTMPL_URL,
  BYLINE_GOTMPL_SRCSET,
} BylineGotmplContent;

typedef struct _BylineGotmplList   BylineGotmplList;
typedef struct _BylineGotmplMap    BylineGotmplMap;
typedef struct _BylineGotmplObject BylineGotmplObject;
typedef struct _BylineGotmplClass  BylineGotmplClass;
typedef struct _BylineGotmplCall   BylineGotmplCall;

typedef struct
{
  guint8 kind;      /* BylineGotmplKind */
  guint8 content;   /* BylineGotmplContent, for strings */
  union
  {
    gboolean            b;
    gint64              i;
    double              f;
    char               *s;   /* a GRefString */
    BylineGotmplList   *l;
    BylineGotmplMap    *m;
    BylineGotmplObject *o;
  };
} BylineGotmplValue;

#define BYLINE_GOTMPL_VALUE_INIT { .kind = BYLINE_GOTMPL_NIL }

/* A function or method. @self is the receiver for methods, NULL for
 * functions. On failure it returns FALSE after byline_gotmpl_call_error(). */
typedef gboolean (*BylineGotmplFunc) (BylineGotmplCall        *call,
                                      const BylineGotmplValue *self,
                                      const BylineGotmplValue *args,
                                      guint                    n_args,
                                      BylineGotmplValue       *result);

typedef struct
{
  const char       *name;
  BylineGotmplFunc  func;
  gint8             min_args;
  gint8             max_args;   /* -1: any number */
} BylineGotmplMethod;

/* Methods must be sorted by name (strcmp): they are found by binary search. */
struct _BylineGotmplClass
{
  const char               *type_name;   /* what printf "%T" shows */
  const BylineGotmplMethod *methods;
  guint                     n_methods;
  void                    (*finalize)  (BylineGotmplObject *self);
  /* fmt's %v; NULL prints the type name in braces. */
  void                    (*print)     (BylineGotmplObject *self,
                                        GString            *out);
  /* Hugo's truthiness (IsZero); NULL means always true, as for Go structs. */
  gboolean                (*truth)     (BylineGotmplObject *self);
  /* A field that is not a method (e.g. a data map's keys); NULL if none.
   * Returns FALSE when there is no such field. */
  gboolean                (*field)     (BylineGotmplObject *self,
                                        const char         *name,
                                        BylineGotmplValue  *result);
  /* reflect.DeepEqual between two objects of this class; NULL: identity. */
  gboolean                (*equal)     (BylineGotmplObject *self,
                                        BylineGotmplObject *other);
  /* The number that Hugo's lt/gt compare (a time's Unix seconds); NULL if
   * the class has none. */
  gboolean                (*as_number) (BylineGotmplObject *self,
                                        double             *number);
  /* compare.Comparer: -1, 0 or 1 against another value (hugo.Version
   * against "0.80"); NULL if the class has none. */
  int                     (*compare)   (BylineGotmplObject      *self,
                                        const BylineGotmplValue *other);
  /* TRUE when the methods are all Hugo's type has: then an unknown name is
   * Go's "can't evaluate field" error, not a method the preview lacks. */
  gboolean                  complete;
};

struct _BylineGotmplObject
{
  gint                     ref_count;
  const BylineGotmplClass *klass;
};

/* Constructors. Those named _take take ownership of their argument. */
static inline BylineGotmplValue
byline_gotmpl_nil (void)
{
  BylineGotmplValue v = BYLINE_GOTMPL_VALUE_INIT;
  return v;
}

static inline BylineGotmplValue
byline_gotmpl_bool (gboolean b)
{
  BylineGotmplValue v = { .kind = BYLINE_GOTMPL_BOOL, .b = b != FALSE };
  return v;
}

static inline BylineGotmplValue
byline_gotmpl_int (gint64 i)
{
  BylineGotmplValue v = { .kind = BYLINE_GOTMPL_INT, .i = i };
  return v;
}

static inline BylineGotmplValue
byline_gotmpl_float (double f)
{
  BylineGotmplValue v = { .kind = BYLINE_GOTMPL_FLOAT, .f = f };
  return v;
}

BylineGotmplValue  byline_gotmpl_string        (const char              *s);
BylineGotmplValue  byline_gotmpl_string_len    (const char              *s,
                                                gsize                    len);
BylineGotmplValue  byline_gotmpl_string_take   (GString                 *s);
BylineGotmplValue  byline_gotmpl_string_own    (char                    *s);
BylineGotmplValue  byline_gotmpl_string_printf (const char              *format,
                                                ...) G_GNUC_PRINTF (1, 2);
/* A string with an html/template content type (template.HTML, …). */
BylineGotmplValue  byline_gotmpl_safe          (const char              *s,
                                                BylineGotmplContent      content);
BylineGotmplValue  byline_gotmpl_safe_take     (GString                 *s,
                                                BylineGotmplContent      content);
BylineGotmplValue  byline_gotmpl_list_value    (BylineGotmplList        *list);
BylineGotmplValue  byline_gotmpl_map_value     (BylineGotmplMap         *map);
BylineGotmplValue  byline_gotmpl_object_value  (gpointer                 object);

BylineGotmplValue  byline_gotmpl_value_copy    (const BylineGotmplValue *value);
void               byline_gotmpl_value_clear   (BylineGotmplValue       *value);
/* Moves @value out, leaving nil behind. */
BylineGotmplValue  byline_gotmpl_value_steal   (BylineGotmplValue       *value);

static inline gsize
byline_gotmpl_string_length (const BylineGotmplValue *value)
{
  return g_ref_string_length (value->s);
}

/* Lists. */
BylineGotmplList  *byline_gotmpl_list_new      (guint                    reserve);
BylineGotmplList  *byline_gotmpl_list_ref      (BylineGotmplList        *list);
void               byline_gotmpl_list_unref    (BylineGotmplList        *list);
void               byline_gotmpl_list_append   (BylineGotmplList        *list,
                                                BylineGotmplValue        value);
guint              byline_gotmpl_list_length   (const BylineGotmplList  *list);
const BylineGotmplValue *byline_gotmpl_list_get (const BylineGotmplList *list,
                                                 guint                   index);
/* A list whose elements have a Go type other than interface{} ("[]string",
 * "[]int", "page.Pages"), and optionally methods (Resources.GetMatch). */
void               byline_gotmpl_list_set_class (BylineGotmplList        *list,
                                                 const BylineGotmplClass *klass);
const BylineGotmplClass *byline_gotmpl_list_get_class (const BylineGotmplList *list);

/* Maps with string keys, kept sorted by key (Go ranges over maps in key
 * order). A "params" map (Hugo's maps.Params) stores keys lower-cased and
 * looks them up without regard to case. */
BylineGotmplMap   *byline_gotmpl_map_new       (gboolean                 params);
BylineGotmplMap   *byline_gotmpl_map_ref       (BylineGotmplMap         *map);
void               byline_gotmpl_map_unref     (BylineGotmplMap         *map);
gboolean           byline_gotmpl_map_is_params (const BylineGotmplMap   *map);
/* Replaces any value under the key. */
void               byline_gotmpl_map_set       (BylineGotmplMap         *map,
                                                const char              *key,
                                                BylineGotmplValue        value);
gboolean           byline_gotmpl_map_remove    (BylineGotmplMap         *map,
                                                const char              *key);
const BylineGotmplValue *byline_gotmpl_map_lookup (const BylineGotmplMap *map,
                                                   const char            *key);
guint              byline_gotmpl_map_length    (const BylineGotmplMap   *map);
const char        *byline_gotmpl_map_key_at    (const BylineGotmplMap   *map,
                                                guint                    index);
const BylineGotmplValue *byline_gotmpl_map_value_at (const BylineGotmplMap *map,
                                                     guint                  index);
/* A copy one level deep (the values are shared). */
BylineGotmplMap   *byline_gotmpl_map_copy      (const BylineGotmplMap   *map);

/* Objects: allocate @size bytes (at least sizeof (BylineGotmplObject)). */
gpointer           byline_gotmpl_object_new    (const BylineGotmplClass *klass,
                                                gsize                    size);
gpointer           byline_gotmpl_object_ref    (gpointer                 object);
void               byline_gotmpl_object_unref  (gpointer                 object);
const BylineGotmplMethod *byline_gotmpl_class_find_method (const BylineGotmplClass *klass,
                                                           const char              *name);
/* The object if @value is one of @klass, else NULL. */
gpointer           byline_gotmpl_value_get_object (const BylineGotmplValue *value,
                                                   const BylineGotmplClass *klass);

/* Go semantics. */
/* Hugo's hreflect.IsTruthfulValue. */
gboolean           byline_gotmpl_value_truth   (const BylineGotmplValue *value);
/* Go's type name as %T prints it: "int", "float64", "template.HTML", … */
const char        *byline_gotmpl_value_type_name (const BylineGotmplValue *value);
/* Length as Go's len sees it; -1 for kinds without one. */
gssize             byline_gotmpl_value_length  (const BylineGotmplValue *value);
/* reflect.DeepEqual after Hugo's compare.Eq normalisation (numbers of one
 * kind, strings whatever their content type). */
gboolean           byline_gotmpl_value_equal   (const BylineGotmplValue *a,
                                                const BylineGotmplValue *b);

/* fmt.Sprint of one value (%v), appended to @out. */
void               byline_gotmpl_value_print   (const BylineGotmplValue *value,
                                                GString                 *out);
/* strconv.Quote of @len bytes (at most @max_runes runes of them when not
 * negative, as %.Nq does), appended to @out. */
void               byline_gotmpl_quote         (GString                 *out,
                                                const char              *s,
                                                gsize                    len,
                                                gssize                   max_runes);
/* fmt.Sprint: operands printed with %v, a space between two operands when
 * neither is a string. */
void               byline_gotmpl_sprint        (GString                 *out,
                                                const BylineGotmplValue *args,
                                                guint                    n_args);
/* strconv.FormatFloat (f, fmt, prec, 64) with fmt one of e E f g G and
 * prec -1 for the shortest representation that reads back exactly. */
void               byline_gotmpl_format_float  (GString                 *out,
                                                double                   f,
                                                char                     fmt,
                                                int                      prec);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BylineGotmplValue, byline_gotmpl_value_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineGotmplList, byline_gotmpl_list_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineGotmplMap, byline_gotmpl_map_unref)

G_END_DECLS
