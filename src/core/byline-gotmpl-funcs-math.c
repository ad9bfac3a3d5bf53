/* byline-gotmpl-funcs-math.c — math, cast, crypto and encoding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo's tpl/math (with common/math's DoArithmetic: integers stay integers,
 * so div 10 4 is 2), tpl/cast (int, float, string), tpl/crypto (md5, sha1,
 * sha256, hmac) and tpl/encoding (base64Encode, base64Decode, jsonify).
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-funcs.h"

#include <math.h>
#include <string.h>

#include "byline-gotmpl-escape.h"
#include "byline-gotmpl-objects-private.h"

gboolean
byline_gotmpl_arithmetic (BylineGotmplCall        *call,
                          const BylineGotmplValue *a,
                          const BylineGotmplValue *b,
                          char                     op,
                          BylineGotmplValue       *result)
{
  gboolean a_num = a->kind == BYLINE_GOTMPL_INT || a->kind == BYLINE_GOTMPL_FLOAT;
  gboolean b_num = b->kind == BYLINE_GOTMPL_INT || b->kind == BYLINE_GOTMPL_FLOAT;

  if (a->kind == BYLINE_GOTMPL_STRING)
    {
      if (b->kind == BYLINE_GOTMPL_STRING && op == '+')
        {
          GString *s = g_string_new_len (a->s, byline_gotmpl_string_length (a));

          g_string_append_len (s, b->s, byline_gotmpl_string_length (b));
          *result = byline_gotmpl_string_take (s);
          return TRUE;
        }
      return byline_gotmpl_call_error (call, "can't apply the operator to the values");
    }
  if (!a_num || !b_num)
    return byline_gotmpl_call_error (call, "can't apply the operator to the values");

  if (a->kind == BYLINE_GOTMPL_INT && b->kind == BYLINE_GOTMPL_INT)
    {
      /* Go's int64 arithmetic wraps around. */
      guint64 x = (guint64) a->i, y = (guint64) b->i;

      switch (op)
        {
        case '+':
          *result = byline_gotmpl_int ((gint64) (x + y));
          return TRUE;
        case '-':
          *result = byline_gotmpl_int ((gint64) (x - y));
          return TRUE;
        case '*':
          *result = byline_gotmpl_int ((gint64) (x * y));
          return TRUE;
        default:
          if (b->i == 0)
            return byline_gotmpl_call_error (call, "can't divide the value by 0");
          if (a->i == G_MININT64 && b->i == -1)
            *result = byline_gotmpl_int (G_MININT64);
          else
            *result = byline_gotmpl_int (a->i / b->i);
          return TRUE;
        }
    }
  {
    double x = a->kind == BYLINE_GOTMPL_INT ? (double) a->i : a->f;
    double y = b->kind == BYLINE_GOTMPL_INT ? (double) b->i : b->f;

    switch (op)
      {
      case '+':
        *result = byline_gotmpl_float (x + y);
        return TRUE;
      case '-':
        *result = byline_gotmpl_float (x - y);
        return TRUE;
      case '*':
        *result = byline_gotmpl_float (x * y);
        return TRUE;
      default:
        if (y == 0)
          return byline_gotmpl_call_error (call, "can't divide the value by 0");
        *result = byline_gotmpl_float (x / y);
        return TRUE;
      }
  }
}

static gboolean
do_arithmetic (BylineGotmplCall        *call,
               const BylineGotmplValue *args,
               guint                    n_args,
               char                     op,
               BylineGotmplValue       *result)
{
  g_auto(BylineGotmplValue) acc = BYLINE_GOTMPL_VALUE_INIT;

  if (n_args < 2)
    return byline_gotmpl_call_error (call, "must provide at least two numbers");
  acc = byline_gotmpl_value_copy (&args[0]);
  for (guint i = 1; i < n_args; i++)
    {
      BylineGotmplValue next;

      if (!byline_gotmpl_arithmetic (call, &acc, &args[i], op, &next))
        return FALSE;
      byline_gotmpl_value_clear (&acc);
      acc = next;
    }
  *result = byline_gotmpl_value_steal (&acc);
  return TRUE;
}

#define ARITHMETIC(name, op) \
  static gboolean \
  name (BylineGotmplCall *call, const BylineGotmplValue *self, const BylineGotmplValue *args, \
        guint n_args, BylineGotmplValue *result) \
  { \
    return do_arithmetic (call, args, n_args, op, result); \
  }

ARITHMETIC (fn_add, '+')
ARITHMETIC (fn_sub, '-')
ARITHMETIC (fn_mul, '*')
ARITHMETIC (fn_div, '/')

/* Functions of one float: math.Abs and friends, with Hugo's messages. */
typedef double (*FloatFunc) (double);

static const struct
{
  const char *name;
  FloatFunc   func;
  const char *message;
} float_funcs[] = {
  { "Abs", fabs, "the math.Abs function requires a numeric argument" },
  { "Acos", acos, "requires a numeric argument" },
  { "Asin", asin, "requires a numeric argument" },
  { "Atan", atan, "requires a numeric argument" },
  { "Ceil", ceil, "Ceil operator can't be used with non-float value" },
  { "Cos", cos, "requires a numeric argument" },
  { "Floor", floor, "Floor operator can't be used with non-float value" },
  { "Log", log, "Log operator can't be used with non integer or float value" },
  { "Round", round, "Round operator can't be used with non-float value" },
  { "Sin", sin, "requires a numeric argument" },
  { "Sqrt", sqrt, "Sqrt operator can't be used with non integer or float value" },
  { "Tan", tan, "requires a numeric argument" },
};

static gboolean
one_float (BylineGotmplCall        *call,
           const BylineGotmplValue *arg,
           const char              *message,
           double                  *x)
{
  if (!byline_gotmpl_value_to_float (arg, x))
    return byline_gotmpl_call_error (call, "%s", message);
  return TRUE;
}

static gboolean
fn_float_func (BylineGotmplCall        *call,
               const BylineGotmplValue *self,
               const BylineGotmplValue *args,
               guint                    n_args,
               BylineGotmplValue       *result)
{
  for (guint i = 0; i < G_N_ELEMENTS (float_funcs); i++)
    if (strcmp (call->name, float_funcs[i].name) == 0)
      {
        double x;

        if (!one_float (call, &args[0], float_funcs[i].message, &x))
          return FALSE;
        *result = byline_gotmpl_float (float_funcs[i].func (x));
        return TRUE;
      }
  return byline_gotmpl_call_unsupported (call, call->name);
}

static gboolean
fn_to_degrees (BylineGotmplCall        *call,
               const BylineGotmplValue *self,
               const BylineGotmplValue *args,
               guint                    n_args,
               BylineGotmplValue       *result)
{
  double x;

  if (!one_float (call, &args[0], "requires a numeric argument", &x))
    return FALSE;
  *result = byline_gotmpl_float (x * 180 / G_PI);
  return TRUE;
}

static gboolean
fn_to_radians (BylineGotmplCall        *call,
               const BylineGotmplValue *self,
               const BylineGotmplValue *args,
               guint                    n_args,
               BylineGotmplValue       *result)
{
  double x;

  if (!one_float (call, &args[0], "requires a numeric argument", &x))
    return FALSE;
  *result = byline_gotmpl_float (x * G_PI / 180);
  return TRUE;
}

static gboolean
fn_atan2 (BylineGotmplCall        *call,
          const BylineGotmplValue *self,
          const BylineGotmplValue *args,
          guint                    n_args,
          BylineGotmplValue       *result)
{
  double x, y;

  if (!byline_gotmpl_to_float (call, &args[0], &x) || !byline_gotmpl_to_float (call, &args[1], &y))
    return FALSE;
  *result = byline_gotmpl_float (atan2 (x, y));
  return TRUE;
}

static gboolean
fn_pow (BylineGotmplCall        *call,
        const BylineGotmplValue *self,
        const BylineGotmplValue *args,
        guint                    n_args,
        BylineGotmplValue       *result)
{
  double x, y;

  if (!byline_gotmpl_to_float (call, &args[0], &x) || !byline_gotmpl_to_float (call, &args[1], &y))
    return FALSE;
  *result = byline_gotmpl_float (pow (x, y));
  return TRUE;
}

static gboolean
fn_mod (BylineGotmplCall        *call,
        const BylineGotmplValue *self,
        const BylineGotmplValue *args,
        guint                    n_args,
        BylineGotmplValue       *result)
{
  gint64 a, b;

  if (!byline_gotmpl_to_int (call, &args[0], &a) || !byline_gotmpl_to_int (call, &args[1], &b))
    return FALSE;
  if (b == 0)
    return byline_gotmpl_call_error (call, "the number can't be divided by zero at modulo operation");
  *result = byline_gotmpl_int (b == -1 ? 0 : a % b);
  return TRUE;
}

static gboolean
fn_mod_bool (BylineGotmplCall        *call,
             const BylineGotmplValue *self,
             const BylineGotmplValue *args,
             guint                    n_args,
             BylineGotmplValue       *result)
{
  g_auto(BylineGotmplValue) m = BYLINE_GOTMPL_VALUE_INIT;

  if (!fn_mod (call, self, args, n_args, &m))
    return FALSE;
  *result = byline_gotmpl_bool (m.i == 0);
  return TRUE;
}

/* applyOpToScalarsOrSlices: Max, Min, Product, Sum over numbers and lists. */
static gboolean
fold (BylineGotmplCall        *call,
      const BylineGotmplValue *args,
      guint                    n_args,
      char                     op,
      const char              *name,
      BylineGotmplValue       *result)
{
  double acc = 0;
  guint count = 0;
  gboolean has_value = FALSE;

  for (guint i = 0; i < n_args; i++)
    {
      const BylineGotmplValue *items = &args[i];
      guint n = 1;

      if (args[i].kind == BYLINE_GOTMPL_LIST)
        {
          n = byline_gotmpl_list_length (args[i].l);
          items = n > 0 ? byline_gotmpl_list_get (args[i].l, 0) : NULL;
          has_value = TRUE;
        }
      for (guint k = 0; k < n; k++)
        {
          double x;

          if (!byline_gotmpl_to_float (call, &items[k], &x))
            return FALSE;
          has_value = TRUE;
          if (count++ == 0)
            acc = x;
          else if (op == '>')
            acc = fmax (acc, x);
          else if (op == '<')
            acc = fmin (acc, x);
          else if (op == '*')
            acc *= x;
          else
            acc += x;
        }
    }
  if (!has_value)
    return byline_gotmpl_call_error (call, "must provide at least one number");
  (void) name;
  *result = byline_gotmpl_float (acc);
  return TRUE;
}

#define FOLD(fname, op, label) \
  static gboolean \
  fname (BylineGotmplCall *call, const BylineGotmplValue *self, const BylineGotmplValue *args, \
         guint n_args, BylineGotmplValue *result) \
  { \
    return fold (call, args, n_args, op, label, result); \
  }

FOLD (fn_max, '>', "Max")
FOLD (fn_min, '<', "Min")
FOLD (fn_product, '*', "Product")
FOLD (fn_sum, '+', "Sum")

static gboolean
fn_pi (BylineGotmplCall        *call,
       const BylineGotmplValue *self,
       const BylineGotmplValue *args,
       guint                    n_args,
       BylineGotmplValue       *result)
{
  *result = byline_gotmpl_float (G_PI);
  return TRUE;
}

static gboolean
fn_max_int64 (BylineGotmplCall        *call,
              const BylineGotmplValue *self,
              const BylineGotmplValue *args,
              guint                    n_args,
              BylineGotmplValue       *result)
{
  *result = byline_gotmpl_int (G_MAXINT64);
  return TRUE;
}

static gboolean
fn_rand (BylineGotmplCall        *call,
         const BylineGotmplValue *self,
         const BylineGotmplValue *args,
         guint                    n_args,
         BylineGotmplValue       *result)
{
  *result = byline_gotmpl_float (g_random_double ());
  return TRUE;
}

static const BylineGotmplMethod math_methods[] = {
  { "Abs", fn_float_func, 1, 1 },
  { "Acos", fn_float_func, 1, 1 },
  { "Add", fn_add, 0, -1 },
  { "Asin", fn_float_func, 1, 1 },
  { "Atan", fn_float_func, 1, 1 },
  { "Atan2", fn_atan2, 2, 2 },
  { "Ceil", fn_float_func, 1, 1 },
  { "Cos", fn_float_func, 1, 1 },
  { "Div", fn_div, 0, -1 },
  { "Floor", fn_float_func, 1, 1 },
  { "Log", fn_float_func, 1, 1 },
  { "Max", fn_max, 0, -1 },
  { "MaxInt64", fn_max_int64, 0, 0 },
  { "Min", fn_min, 0, -1 },
  { "Mod", fn_mod, 2, 2 },
  { "ModBool", fn_mod_bool, 2, 2 },
  { "Mul", fn_mul, 0, -1 },
  { "Pi", fn_pi, 0, 0 },
  { "Pow", fn_pow, 2, 2 },
  { "Product", fn_product, 0, -1 },
  { "Rand", fn_rand, 0, 0 },
  { "Round", fn_float_func, 1, 1 },
  { "Sin", fn_float_func, 1, 1 },
  { "Sqrt", fn_float_func, 1, 1 },
  { "Sub", fn_sub, 0, -1 },
  { "Sum", fn_sum, 0, -1 },
  { "Tan", fn_float_func, 1, 1 },
  { "ToDegrees", fn_to_degrees, 1, 1 },
  { "ToRadians", fn_to_radians, 1, 1 },
};

static const BylineGotmplClass math_class = {
  .type_name = "*math.Namespace",
  .methods = math_methods,
  .n_methods = G_N_ELEMENTS (math_methods),
};

static gboolean
fn_math (BylineGotmplCall        *call,
         const BylineGotmplValue *self,
         const BylineGotmplValue *args,
         guint                    n_args,
         BylineGotmplValue       *result)
{
  *result = byline_gotmpl_namespace_value (&math_class);
  return TRUE;
}

/* cast */

static gboolean
fn_to_int (BylineGotmplCall        *call,
           const BylineGotmplValue *self,
           const BylineGotmplValue *args,
           guint                    n_args,
           BylineGotmplValue       *result)
{
  gint64 i;

  if (!byline_gotmpl_to_int (call, &args[0], &i))
    return FALSE;
  *result = byline_gotmpl_int (i);
  return TRUE;
}

static gboolean
fn_to_float (BylineGotmplCall        *call,
             const BylineGotmplValue *self,
             const BylineGotmplValue *args,
             guint                    n_args,
             BylineGotmplValue       *result)
{
  double f;

  if (!byline_gotmpl_to_float (call, &args[0], &f))
    return FALSE;
  *result = byline_gotmpl_float (f);
  return TRUE;
}

static gboolean
fn_to_string (BylineGotmplCall        *call,
              const BylineGotmplValue *self,
              const BylineGotmplValue *args,
              guint                    n_args,
              BylineGotmplValue       *result)
{
  char *s;

  if (!byline_gotmpl_to_string (call, &args[0], &s))
    return FALSE;
  *result = byline_gotmpl_string_own (s);
  return TRUE;
}

static const BylineGotmplMethod cast_methods[] = {
  { "ToFloat", fn_to_float, 1, 1 },
  { "ToInt", fn_to_int, 1, 1 },
  { "ToString", fn_to_string, 1, 1 },
};

static const BylineGotmplClass cast_class = {
  .type_name = "*cast.Namespace",
  .methods = cast_methods,
  .n_methods = G_N_ELEMENTS (cast_methods),
};

static gboolean
fn_cast (BylineGotmplCall        *call,
         const BylineGotmplValue *self,
         const BylineGotmplValue *args,
         guint                    n_args,
         BylineGotmplValue       *result)
{
  *result = byline_gotmpl_namespace_value (&cast_class);
  return TRUE;
}

/* crypto */

static gboolean
checksum (BylineGotmplCall        *call,
          const BylineGotmplValue *arg,
          GChecksumType            type,
          BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;

  if (!byline_gotmpl_to_string (call, arg, &s))
    return FALSE;
  *result = byline_gotmpl_string_own (g_compute_checksum_for_string (type, s, -1));
  return TRUE;
}

static gboolean
fn_md5 (BylineGotmplCall *call, const BylineGotmplValue *self, const BylineGotmplValue *args,
        guint n_args, BylineGotmplValue *result)
{
  return checksum (call, &args[0], G_CHECKSUM_MD5, result);
}

static gboolean
fn_sha1 (BylineGotmplCall *call, const BylineGotmplValue *self, const BylineGotmplValue *args,
         guint n_args, BylineGotmplValue *result)
{
  return checksum (call, &args[0], G_CHECKSUM_SHA1, result);
}

static gboolean
fn_sha256 (BylineGotmplCall *call, const BylineGotmplValue *self, const BylineGotmplValue *args,
           guint n_args, BylineGotmplValue *result)
{
  return checksum (call, &args[0], G_CHECKSUM_SHA256, result);
}

static gboolean
fn_hmac (BylineGotmplCall        *call,
         const BylineGotmplValue *self,
         const BylineGotmplValue *args,
         guint                    n_args,
         BylineGotmplValue       *result)
{
  g_autofree char *hash = NULL;
  g_autofree char *key = NULL;
  g_autofree char *msg = NULL;
  g_autofree char *enc = NULL;
  GChecksumType type;
  gchar *hex;

  if (!byline_gotmpl_to_string (call, &args[0], &hash) ||
      !byline_gotmpl_to_string (call, &args[1], &key) ||
      !byline_gotmpl_to_string (call, &args[2], &msg))
    return FALSE;
  if (n_args > 3 && !byline_gotmpl_to_string (call, &args[3], &enc))
    return FALSE;
  if (strcmp (hash, "md5") == 0)
    type = G_CHECKSUM_MD5;
  else if (strcmp (hash, "sha1") == 0)
    type = G_CHECKSUM_SHA1;
  else if (strcmp (hash, "sha256") == 0)
    type = G_CHECKSUM_SHA256;
  else if (strcmp (hash, "sha512") == 0)
    type = G_CHECKSUM_SHA512;
  else
    return byline_gotmpl_call_error (call, "hmac: %s is not a supported hash function", hash);
  if (enc != NULL && strcmp (enc, "hex") != 0)
    return byline_gotmpl_call_unsupported (call, "hmac with encoding other than hex");
  hex = g_compute_hmac_for_string (type, (const guchar *) key, strlen (key), msg, -1);
  *result = byline_gotmpl_string_own (hex);
  return TRUE;
}

static const BylineGotmplMethod crypto_methods[] = {
  { "HMAC", fn_hmac, 3, 4 },
  { "MD5", fn_md5, 1, 1 },
  { "SHA1", fn_sha1, 1, 1 },
  { "SHA256", fn_sha256, 1, 1 },
};

static const BylineGotmplClass crypto_class = {
  .type_name = "*crypto.Namespace",
  .methods = crypto_methods,
  .n_methods = G_N_ELEMENTS (crypto_methods),
};

static gboolean
fn_crypto (BylineGotmplCall        *call,
           const BylineGotmplValue *self,
           const BylineGotmplValue *args,
           guint                    n_args,
           BylineGotmplValue       *result)
{
  *result = byline_gotmpl_namespace_value (&crypto_class);
  return TRUE;
}

/* encoding */

static gboolean
fn_base64_encode (BylineGotmplCall        *call,
                  const BylineGotmplValue *self,
                  const BylineGotmplValue *args,
                  guint                    n_args,
                  BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;

  if (!byline_gotmpl_to_string (call, &args[0], &s))
    return FALSE;
  *result = byline_gotmpl_string_own (g_base64_encode ((const guchar *) s, strlen (s)));
  return TRUE;
}

static gboolean
fn_base64_decode (BylineGotmplCall        *call,
                  const BylineGotmplValue *self,
                  const BylineGotmplValue *args,
                  guint                    n_args,
                  BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  g_autofree guchar *bytes = NULL;
  gsize len = strlen ("");

  if (!byline_gotmpl_to_string (call, &args[0], &s))
    return FALSE;
  /* Go's StdEncoding is strict: padding and alphabet. */
  if (strlen (s) % 4 != 0 || strspn (s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                        "0123456789+/=") != strlen (s))
    return byline_gotmpl_call_error (call, "illegal base64 data");
  bytes = g_base64_decode (s, &len);
  *result = byline_gotmpl_string_len ((const char *) bytes, len);
  return TRUE;
}

static gboolean
fn_hex_encode (BylineGotmplCall        *call,
               const BylineGotmplValue *self,
               const BylineGotmplValue *args,
               guint                    n_args,
               BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  GString *out;

  if (!byline_gotmpl_to_string (call, &args[0], &s))
    return FALSE;
  out = g_string_new (NULL);
  for (const char *p = s; *p != '\0'; p++)
    g_string_append_printf (out, "%02x", (guchar) *p);
  *result = byline_gotmpl_string_take (out);
  return TRUE;
}

static gboolean
fn_hex_decode (BylineGotmplCall        *call,
               const BylineGotmplValue *self,
               const BylineGotmplValue *args,
               guint                    n_args,
               BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  GString *out;
  gsize len;

  if (!byline_gotmpl_to_string (call, &args[0], &s))
    return FALSE;
  len = strlen (s);
  if (len % 2 != 0)
    return byline_gotmpl_call_error (call, "encoding/hex: odd length hex string");
  out = g_string_new (NULL);
  for (gsize i = 0; i < len; i += 2)
    {
      int hi = g_ascii_xdigit_value (s[i]), lo = g_ascii_xdigit_value (s[i + 1]);

      if (hi < 0 || lo < 0)
        {
          g_string_free (out, TRUE);
          return byline_gotmpl_call_error (call, "encoding/hex: invalid byte: U+%04X", (guchar) s[hi < 0 ? i : i + 1]);
        }
      g_string_append_c (out, (char) (hi * 16 + lo));
    }
  *result = byline_gotmpl_string_len (out->str, out->len);
  g_string_free (out, TRUE);
  return TRUE;
}

/* encoding/json's Indent. */
static void
json_indent (GString    *out,
             const char *src,
             const char *prefix,
             const char *indent)
{
  int depth = 0;
  gboolean in_string = FALSE, escaped = FALSE, need_indent = FALSE;

  for (const char *p = src; *p != '\0'; p++)
    {
      char c = *p;

      if (in_string)
        {
          g_string_append_c (out, c);
          if (escaped)
            escaped = FALSE;
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (need_indent && c != ']' && c != '}')
        {
          need_indent = FALSE;
          depth++;
          g_string_append_c (out, '\n');
          g_string_append (out, prefix);
          for (int i = 0; i < depth; i++)
            g_string_append (out, indent);
        }
      switch (c)
        {
        case '"':
          in_string = TRUE;
          g_string_append_c (out, c);
          break;
        case '{':
        case '[':
          g_string_append_c (out, c);
          need_indent = TRUE;
          break;
        case ',':
          g_string_append_c (out, c);
          g_string_append_c (out, '\n');
          g_string_append (out, prefix);
          for (int i = 0; i < depth; i++)
            g_string_append (out, indent);
          break;
        case ':':
          g_string_append (out, ": ");
          break;
        case '}':
        case ']':
          if (need_indent)
            need_indent = FALSE;   /* empty: {} or [] */
          else
            {
              depth--;
              g_string_append_c (out, '\n');
              g_string_append (out, prefix);
              for (int i = 0; i < depth; i++)
                g_string_append (out, indent);
            }
          g_string_append_c (out, c);
          break;
        default:
          g_string_append_c (out, c);
          break;
        }
    }
}

static gboolean
fn_jsonify (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  const BylineGotmplValue *obj;
  g_autoptr(GString) compact = g_string_new (NULL);
  g_autofree char *prefix = NULL;
  g_autofree char *indent = NULL;
  gboolean escape_html = TRUE;

  if (n_args == 0)
    {
      *result = byline_gotmpl_safe ("", BYLINE_GOTMPL_HTML);
      return TRUE;
    }
  if (n_args > 2)
    return byline_gotmpl_call_error (call, "too many arguments to jsonify");
  obj = &args[n_args - 1];
  if (n_args == 2)
    {
      const BylineGotmplValue *opts = &args[0], *v;

      if (opts->kind != BYLINE_GOTMPL_MAP)
        return byline_gotmpl_call_error (call, "unable to cast %s to map[string]interface{}",
                                         byline_gotmpl_value_type_name (opts));
      if ((v = byline_gotmpl_map_lookup (opts->m, "prefix")) != NULL)
        prefix = byline_gotmpl_value_to_string (v);
      if ((v = byline_gotmpl_map_lookup (opts->m, "indent")) != NULL)
        indent = byline_gotmpl_value_to_string (v);
      if ((v = byline_gotmpl_map_lookup (opts->m, "noHTMLEscape")) != NULL)
        escape_html = !byline_gotmpl_value_truth (v);
    }
  if (!byline_gotmpl_json_marshal (compact, obj, escape_html))
    return byline_gotmpl_call_error (call, "json: unsupported value");
  if ((prefix != NULL && prefix[0] != '\0') || (indent != NULL && indent[0] != '\0'))
    {
      GString *out = g_string_new (NULL);

      json_indent (out, compact->str, prefix != NULL ? prefix : "", indent != NULL ? indent : "");
      *result = byline_gotmpl_safe_take (out, BYLINE_GOTMPL_HTML);
    }
  else
    *result = byline_gotmpl_safe (compact->str, BYLINE_GOTMPL_HTML);
  return TRUE;
}

static const BylineGotmplMethod encoding_methods[] = {
  { "Base64Decode", fn_base64_decode, 1, 1 },
  { "Base64Encode", fn_base64_encode, 1, 1 },
  { "HexDecode", fn_hex_decode, 1, 1 },
  { "HexEncode", fn_hex_encode, 1, 1 },
  { "Jsonify", fn_jsonify, 0, -1 },
};

static const BylineGotmplClass encoding_class = {
  .type_name = "*encoding.Namespace",
  .methods = encoding_methods,
  .n_methods = G_N_ELEMENTS (encoding_methods),
};

static gboolean
fn_encoding (BylineGotmplCall        *call,
             const BylineGotmplValue *self,
             const BylineGotmplValue *args,
             guint                    n_args,
             BylineGotmplValue       *result)
{
  *result = byline_gotmpl_namespace_value (&encoding_class);
  return TRUE;
}

static const BylineGotmplMethod methods[] = {
  { "add", fn_add, 0, -1 },
  { "base64Decode", fn_base64_decode, 1, 1 },
  { "base64Encode", fn_base64_encode, 1, 1 },
  { "cast", fn_cast, 0, -1 },
  { "crypto", fn_crypto, 0, -1 },
  { "div", fn_div, 0, -1 },
  { "encoding", fn_encoding, 0, -1 },
  { "float", fn_to_float, 1, 1 },
  { "hmac", fn_hmac, 3, 4 },
  { "int", fn_to_int, 1, 1 },
  { "jsonify", fn_jsonify, 0, -1 },
  { "math", fn_math, 0, -1 },
  { "md5", fn_md5, 1, 1 },
  { "mod", fn_mod, 2, 2 },
  { "modBool", fn_mod_bool, 2, 2 },
  { "mul", fn_mul, 0, -1 },
  { "pow", fn_pow, 2, 2 },
  { "sha1", fn_sha1, 1, 1 },
  { "sha256", fn_sha256, 1, 1 },
  { "string", fn_to_string, 1, 1 },
  { "sub", fn_sub, 0, -1 },
};

const BylineGotmplFuncTable byline_gotmpl_funcs_math = { methods, G_N_ELEMENTS (methods) };
