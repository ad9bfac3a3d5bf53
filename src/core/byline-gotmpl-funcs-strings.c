/* byline-gotmpl-funcs-strings.c — Hugo's strings namespace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tpl/strings/strings.go with its aliases (chomp, hasPrefix, replace,
 * slicestr, split, substr, lower, upper, trim), and the tables of the
 * whole namespace. The functions that read text as words (countwords,
 * countrunes, title, truncate) are in byline-gotmpl-funcs-prose.c, the
 * regular expressions (findRE, findRESubmatch, replaceRE) in
 * byline-gotmpl-funcs-regexp.c.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-funcs.h"

#include <string.h>

#include "byline-gotmpl-funcs-private.h"

static const BylineGotmplClass string_slice_class = { .type_name = "[]string", .complete = TRUE };

BylineGotmplValue
byline_gotmpl_string_slice_new (GPtrArray *strings)
{
  BylineGotmplValue v = byline_gotmpl_strv_value (strings);

  byline_gotmpl_list_set_class (v.l, &string_slice_class);
  return v;
}

/* Helpers */

gboolean
byline_gotmpl_is_go_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x85 || c == 0xa0;
}

/* Functions */

static gboolean
fn_chomp (BylineGotmplCall        *call,
          const BylineGotmplValue *self,
          const BylineGotmplValue *args,
          guint                    n_args,
          BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  gsize len;
  ARG_STRING (0, s);

  len = strlen (s);
  while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r'))
    len--;
  s[len] = '\0';
  if (args[0].kind == BYLINE_GOTMPL_STRING && args[0].content == BYLINE_GOTMPL_HTML)
    *result = byline_gotmpl_safe (s, BYLINE_GOTMPL_HTML);
  else
    *result = byline_gotmpl_string (s);
  return TRUE;
}

static gboolean
fn_contains (BylineGotmplCall        *call,
             const BylineGotmplValue *self,
             const BylineGotmplValue *args,
             guint                    n_args,
             BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  g_autofree char *sub = NULL;
  ARG_STRING (0, s);
  ARG_STRING (1, sub);

  *result = byline_gotmpl_bool (strstr (s, sub) != NULL);
  return TRUE;
}

static gboolean
fn_contains_any (BylineGotmplCall        *call,
                 const BylineGotmplValue *self,
                 const BylineGotmplValue *args,
                 guint                    n_args,
                 BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  g_autofree char *chars = NULL;
  gboolean found = FALSE;
  ARG_STRING (0, s);
  ARG_STRING (1, chars);

  for (const char *c = chars; *c != '\0' && !found; c = g_utf8_next_char (c))
    {
      char utf8[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (c), utf8);
      found = strstr (s, utf8) != NULL;
    }
  *result = byline_gotmpl_bool (found);
  return TRUE;
}

static gboolean
fn_contains_non_space (BylineGotmplCall        *call,
                       const BylineGotmplValue *self,
                       const BylineGotmplValue *args,
                       guint                    n_args,
                       BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  gboolean found = FALSE;
  ARG_STRING (0, s);

  if (g_utf8_validate (s, -1, NULL))
    for (const char *p = s; *p != '\0' && !found; p = g_utf8_next_char (p))
      found = !byline_gotmpl_is_go_space (g_utf8_get_char (p));
  *result = byline_gotmpl_bool (found);
  return TRUE;
}

static gboolean
fn_count (BylineGotmplCall        *call,
          const BylineGotmplValue *self,
          const BylineGotmplValue *args,
          guint                    n_args,
          BylineGotmplValue       *result)
{
  g_autofree char *sub = NULL;
  g_autofree char *s = NULL;
  gint64 n = 0;
  ARG_STRING (0, sub);
  ARG_STRING (1, s);

  if (sub[0] == '\0')
    n = g_utf8_strlen (s, -1) + 1;
  else
    for (const char *p = strstr (s, sub); p != NULL; p = strstr (p + strlen (sub), sub))
      n++;
  *result = byline_gotmpl_int (n);
  return TRUE;
}

static gboolean
fn_rune_count (BylineGotmplCall        *call,
               const BylineGotmplValue *self,
               const BylineGotmplValue *args,
               guint                    n_args,
               BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  ARG_STRING (0, s);

  *result = byline_gotmpl_int (g_utf8_strlen (s, -1));
  return TRUE;
}

static gboolean
fn_first_upper (BylineGotmplCall        *call,
                const BylineGotmplValue *self,
                const BylineGotmplValue *args,
                guint                    n_args,
                BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  GString *out;
  ARG_STRING (0, s);

  out = g_string_new (NULL);
  if (s[0] != '\0' && g_utf8_validate (s, -1, NULL))
    {
      g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (s)));
      g_string_append (out, g_utf8_next_char (s));
    }
  else
    g_string_append (out, s);
  *result = byline_gotmpl_string_take (out);
  return TRUE;
}

static gboolean
fn_has_prefix (BylineGotmplCall        *call,
               const BylineGotmplValue *self,
               const BylineGotmplValue *args,
               guint                    n_args,
               BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  g_autofree char *prefix = NULL;
  ARG_STRING (0, s);
  ARG_STRING (1, prefix);

  *result = byline_gotmpl_bool (g_str_has_prefix (s, prefix));
  return TRUE;
}

static gboolean
fn_has_suffix (BylineGotmplCall        *call,
               const BylineGotmplValue *self,
               const BylineGotmplValue *args,
               guint                    n_args,
               BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  g_autofree char *suffix = NULL;
  ARG_STRING (0, s);
  ARG_STRING (1, suffix);

  *result = byline_gotmpl_bool (g_str_has_suffix (s, suffix));
  return TRUE;
}

static gboolean
fn_repeat (BylineGotmplCall        *call,
           const BylineGotmplValue *self,
           const BylineGotmplValue *args,
           guint                    n_args,
           BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  gint64 n;
  GString *out;
  ARG_STRING (1, s);

  if (!byline_gotmpl_to_int (call, &args[0], &n))
    return FALSE;
  if (n < 0)
    return byline_gotmpl_call_error (call, "strings: negative Repeat count");
  if ((guint64) n * strlen (s) > 16 * 1024 * 1024)
    return byline_gotmpl_call_error (call, "strings: Repeat output length overflow");
  if (!byline_gotmpl_call_step (call, (guint64) n * strlen (s) / 64))
    return FALSE;
  out = g_string_new (NULL);
  for (gint64 i = 0; i < n; i++)
    g_string_append (out, s);
  *result = byline_gotmpl_string_take (out);
  return TRUE;
}

/* strings.Replace: @limit < 0 for all. */
static GString *
replace (const char *s,
         const char *old,
         const char *new_text,
         gint64      limit)
{
  GString *out = g_string_new (NULL);
  gsize old_len = strlen (old);
  const char *p = s;
  gint64 done = 0;

  if (old_len == 0)
    {
      /* Go inserts the replacement before each rune and at the end. */
      for (; limit < 0 || done < limit; done++)
        {
          g_string_append (out, new_text);
          if (*p == '\0')
            break;
          {
            const char *next = g_utf8_find_next_char (p, NULL);
            gsize w = next != NULL ? (gsize) (next - p) : strlen (p);

            g_string_append_len (out, p, w);
            p += w;
          }
        }
      g_string_append (out, p);
      return out;
    }
  while (limit < 0 || done < limit)
    {
      const char *found = strstr (p, old);

      if (found == NULL)
        break;
      g_string_append_len (out, p, found - p);
      g_string_append (out, new_text);
      p = found + old_len;
      done++;
    }
  g_string_append (out, p);
  return out;
}

static gboolean
fn_replace (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  g_autofree char *old = NULL;
  g_autofree char *new_text = NULL;
  gint64 limit = -1;
  ARG_STRING (0, s);
  ARG_STRING (1, old);
  ARG_STRING (2, new_text);

  if (n_args > 3 && !byline_gotmpl_to_int (call, &args[3], &limit))
    return FALSE;
  *result = byline_gotmpl_string_take (replace (s, old, new_text, limit));
  return TRUE;
}

static gboolean
fn_replace_pairs (BylineGotmplCall        *call,
                  const BylineGotmplValue *self,
                  const BylineGotmplValue *args,
                  guint                    n_args,
                  BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  GString *out;
  const char *p;
  ARG_STRING (n_args - 1, s);

  if (n_args < 2)
    return byline_gotmpl_call_error (call, "requires at least 2 arguments");
  if (n_args == 2)
    {
      if (args[0].kind != BYLINE_GOTMPL_LIST)
        return byline_gotmpl_call_error (call, "with 2 arguments, the first must be a slice of "
                                         "replacement pairs, got %s",
                                         byline_gotmpl_value_type_name (&args[0]));
      pairs = byline_gotmpl_to_strv (call, &args[0]);
    }
  else
    {
      pairs = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i + 1 < n_args; i++)
        {
          char *v = NULL;

          if (!byline_gotmpl_to_string (call, &args[i], &v))
            return FALSE;
          g_ptr_array_add (pairs, v);
        }
    }
  if (pairs->len == 0 || s[0] == '\0')
    {
      *result = byline_gotmpl_string (s);
      return TRUE;
    }
  if (pairs->len % 2 != 0)
    return byline_gotmpl_call_error (call, "uneven number of replacement pairs");

  /* strings.NewReplacer: at each position the first pair (in argument
   * order) whose old string matches wins; no rescanning of output. */
  out = g_string_new (NULL);
  p = s;
  while (*p != '\0')
    {
      gboolean matched = FALSE;

      for (guint i = 0; i < pairs->len; i += 2)
        {
          const char *old = g_ptr_array_index (pairs, i);
          gsize n = strlen (old);

          if (n > 0 && strncmp (p, old, n) == 0)
            {
              g_string_append (out, g_ptr_array_index (pairs, i + 1));
              p += n;
              matched = TRUE;
              break;
            }
        }
      if (!matched)
        g_string_append_c (out, *p++);
    }
  *result = byline_gotmpl_string_take (out);
  return TRUE;
}

static gboolean
fn_slice_string (BylineGotmplCall        *call,
                 const BylineGotmplValue *self,
                 const BylineGotmplValue *args,
                 guint                    n_args,
                 BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  gint64 start = 0, end = 0;
  glong len;
  const char *from, *to;
  ARG_STRING (0, s);

  if (n_args > 3)
    return byline_gotmpl_call_error (call, "too many arguments");
  if (n_args > 1 && !byline_gotmpl_to_int (call, &args[1], &start))
    return FALSE;
  if (n_args > 2 && !byline_gotmpl_to_int (call, &args[2], &end))
    return FALSE;
  if (!g_utf8_validate (s, -1, NULL))
    return byline_gotmpl_call_error (call, "invalid UTF-8");
  len = g_utf8_strlen (s, -1);
  if (n_args > 1 && (start < 0 || start >= len))
    return byline_gotmpl_call_error (call, "slice bounds out of range");
  if (n_args == 3 && (end < 0 || end > len))
    return byline_gotmpl_call_error (call, "slice bounds out of range");
  if (n_args < 3)
    end = len;
  if (end < start)
    return byline_gotmpl_call_error (call, "slice bounds out of range");
  from = g_utf8_offset_to_pointer (s, start);
  to = g_utf8_offset_to_pointer (s, end);
  *result = byline_gotmpl_string_len (from, to - from);
  return TRUE;
}

static gboolean
fn_split (BylineGotmplCall        *call,
          const BylineGotmplValue *self,
          const BylineGotmplValue *args,
          guint                    n_args,
          BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *delim;
  ARG_STRING (0, s);

  if (args[1].kind != BYLINE_GOTMPL_STRING)
    return byline_gotmpl_call_error (call, "wrong type for value; expected string; got %s",
                                     byline_gotmpl_value_type_name (&args[1]));
  delim = args[1].s;
  if (delim[0] == '\0')
    {
      for (const char *p = s; *p != '\0';)
        {
          const char *next = g_utf8_find_next_char (p, NULL);
          gsize w = next != NULL ? (gsize) (next - p) : strlen (p);

          g_ptr_array_add (parts, g_strndup (p, w));
          p += w;
        }
    }
  else
    {
      g_auto(GStrv) split = g_strsplit (s, delim, -1);

      for (guint i = 0; split[i] != NULL; i++)
        g_ptr_array_add (parts, g_strdup (split[i]));
    }
  *result = byline_gotmpl_string_slice_new (parts);
  return TRUE;
}

static gboolean
fn_substr (BylineGotmplCall        *call,
           const BylineGotmplValue *self,
           const BylineGotmplValue *args,
           guint                    n_args,
           BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  gint64 start = 0, length = 0, end;
  glong rlen;
  ARG_STRING (0, s);

  if (n_args == 1)
    return byline_gotmpl_call_error (call, "too few arguments");
  if (n_args > 3)
    return byline_gotmpl_call_error (call, "too many arguments");
  if (!byline_gotmpl_to_int (call, &args[1], &start))
    return FALSE;
  if (!g_utf8_validate (s, -1, NULL))
    return byline_gotmpl_call_error (call, "invalid UTF-8");
  rlen = g_utf8_strlen (s, -1);
  if (n_args == 3)
    {
      if (!byline_gotmpl_to_int (call, &args[2], &length))
        return FALSE;
    }
  else
    length = rlen;

  *result = byline_gotmpl_string ("");
  if (rlen == 0)
    return TRUE;
  if (start < 0)
    start += rlen;
  if (start < 0)
    start = 0;
  if (start > rlen - 1)
    return TRUE;
  end = rlen;
  if (length == 0)
    return TRUE;
  if (length < 0)
    end += length;
  else
    end = start + length;
  if (start >= end || end < 0)
    return TRUE;
  if (end > rlen)
    end = rlen;
  byline_gotmpl_value_clear (result);
  {
    const char *from = g_utf8_offset_to_pointer (s, start);
    const char *to = g_utf8_offset_to_pointer (s, end);

    *result = byline_gotmpl_string_len (from, to - from);
  }
  return TRUE;
}

static gboolean
fn_to_lower (BylineGotmplCall        *call,
             const BylineGotmplValue *self,
             const BylineGotmplValue *args,
             guint                    n_args,
             BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  ARG_STRING (0, s);

  *result = byline_gotmpl_string_own ((g_utf8_validate (s, -1, NULL)
                                                          ? g_utf8_strdown (s, -1)
                                                          : g_ascii_strdown (s, -1)));
  return TRUE;
}

static gboolean
fn_to_upper (BylineGotmplCall        *call,
             const BylineGotmplValue *self,
             const BylineGotmplValue *args,
             guint                    n_args,
             BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  ARG_STRING (0, s);

  *result = byline_gotmpl_string_own ((g_utf8_validate (s, -1, NULL)
                                                          ? g_utf8_strup (s, -1)
                                                          : g_ascii_strup (s, -1)));
  return TRUE;
}

static gboolean
in_cutset (const char *cutset,
           gunichar    c)
{
  for (const char *p = cutset; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char_validated (p, -1) == c)
      return TRUE;
  return FALSE;
}

/* strings.Trim/TrimLeft/TrimRight: runes of @cutset off either end. */
static char *
trim (const char *s,
      const char *cutset,
      gboolean    left,
      gboolean    right)
{
  const char *start = s, *end = s + strlen (s);

  if (!g_utf8_validate (s, -1, NULL) || !g_utf8_validate (cutset, -1, NULL))
    return g_strdup (s);
  while (left && start < end && in_cutset (cutset, g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (right && end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!in_cutset (cutset, g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

static gboolean
fn_trim (BylineGotmplCall        *call,
         const BylineGotmplValue *self,
         const BylineGotmplValue *args,
         guint                    n_args,
         BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  g_autofree char *cutset = NULL;
  ARG_STRING (0, s);
  ARG_STRING (1, cutset);

  *result = byline_gotmpl_string_own ((trim (s, cutset, TRUE, TRUE)));
  return TRUE;
}

static gboolean
fn_trim_left (BylineGotmplCall        *call,
              const BylineGotmplValue *self,
              const BylineGotmplValue *args,
              guint                    n_args,
              BylineGotmplValue       *result)
{
  g_autofree char *cutset = NULL;
  g_autofree char *s = NULL;
  ARG_STRING (0, cutset);
  ARG_STRING (1, s);

  *result = byline_gotmpl_string_own ((trim (s, cutset, TRUE, FALSE)));
  return TRUE;
}

static gboolean
fn_trim_right (BylineGotmplCall        *call,
               const BylineGotmplValue *self,
               const BylineGotmplValue *args,
               guint                    n_args,
               BylineGotmplValue       *result)
{
  g_autofree char *cutset = NULL;
  g_autofree char *s = NULL;
  ARG_STRING (0, cutset);
  ARG_STRING (1, s);

  *result = byline_gotmpl_string_own ((trim (s, cutset, FALSE, TRUE)));
  return TRUE;
}

static gboolean
fn_trim_prefix (BylineGotmplCall        *call,
                const BylineGotmplValue *self,
                const BylineGotmplValue *args,
                guint                    n_args,
                BylineGotmplValue       *result)
{
  g_autofree char *prefix = NULL;
  g_autofree char *s = NULL;
  ARG_STRING (0, prefix);
  ARG_STRING (1, s);

  *result = byline_gotmpl_string (g_str_has_prefix (s, prefix) ? s + strlen (prefix) : s);
  return TRUE;
}

static gboolean
fn_trim_suffix (BylineGotmplCall        *call,
                const BylineGotmplValue *self,
                const BylineGotmplValue *args,
                guint                    n_args,
                BylineGotmplValue       *result)
{
  g_autofree char *suffix = NULL;
  g_autofree char *s = NULL;
  ARG_STRING (0, suffix);
  ARG_STRING (1, s);

  if (g_str_has_suffix (s, suffix))
    s[strlen (s) - strlen (suffix)] = '\0';
  *result = byline_gotmpl_string (s);
  return TRUE;
}

static gboolean
fn_trim_space (BylineGotmplCall        *call,
               const BylineGotmplValue *self,
               const BylineGotmplValue *args,
               guint                    n_args,
               BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  const char *start, *end;
  ARG_STRING (0, s);

  start = s;
  end = s + strlen (s);
  if (g_utf8_validate (s, -1, NULL))
    {
      while (start < end && byline_gotmpl_is_go_space (g_utf8_get_char (start)))
        start = g_utf8_next_char (start);
      while (end > start && byline_gotmpl_is_go_space (g_utf8_get_char (g_utf8_prev_char (end))))
        end = g_utf8_prev_char (end);
    }
  *result = byline_gotmpl_string_len (start, end - start);
  return TRUE;
}

static const BylineGotmplMethod strings_methods[] = {
  { "Chomp", fn_chomp, 1, 1 },
  { "Contains", fn_contains, 2, 2 },
  { "ContainsAny", fn_contains_any, 2, 2 },
  { "ContainsNonSpace", fn_contains_non_space, 1, 1 },
  { "Count", fn_count, 2, 2 },
  { "CountRunes", byline_gotmpl_fn_count_runes, 1, 1 },
  { "CountWords", byline_gotmpl_fn_count_words, 1, 1 },
  { "FindRE", byline_gotmpl_fn_find_re, 2, 3 },
  { "FindRESubmatch", byline_gotmpl_fn_find_re_submatch, 2, 3 },
  { "FirstUpper", fn_first_upper, 1, 1 },
  { "HasPrefix", fn_has_prefix, 2, 2 },
  { "HasSuffix", fn_has_suffix, 2, 2 },
  { "Repeat", fn_repeat, 2, 2 },
  { "Replace", fn_replace, 3, 4 },
  { "ReplacePairs", fn_replace_pairs, 1, -1 },
  { "ReplaceRE", byline_gotmpl_fn_replace_re, 3, 4 },
  { "RuneCount", fn_rune_count, 1, 1 },
  { "SliceString", fn_slice_string, 1, 3 },
  { "Split", fn_split, 2, 2 },
  { "Substr", fn_substr, 1, 3 },
  { "Title", byline_gotmpl_fn_title, 1, 1 },
  { "ToLower", fn_to_lower, 1, 1 },
  { "ToUpper", fn_to_upper, 1, 1 },
  { "Trim", fn_trim, 2, 2 },
  { "TrimLeft", fn_trim_left, 2, 2 },
  { "TrimPrefix", fn_trim_prefix, 2, 2 },
  { "TrimRight", fn_trim_right, 2, 2 },
  { "TrimSpace", fn_trim_space, 1, 1 },
  { "TrimSuffix", fn_trim_suffix, 2, 2 },
  { "Truncate", byline_gotmpl_fn_truncate, 1, 3 },
};

static const BylineGotmplClass strings_class = {
  .type_name = "*strings.Namespace",
  .methods = strings_methods,
  .n_methods = G_N_ELEMENTS (strings_methods),
};

static gboolean
fn_strings (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  *result = byline_gotmpl_namespace_value (&strings_class);
  return TRUE;
}

static const BylineGotmplMethod methods[] = {
  { "chomp", fn_chomp, 1, 1 },
  { "countrunes", byline_gotmpl_fn_count_runes, 1, 1 },
  { "countwords", byline_gotmpl_fn_count_words, 1, 1 },
  { "findRE", byline_gotmpl_fn_find_re, 2, 3 },
  { "findRESubmatch", byline_gotmpl_fn_find_re_submatch, 2, 3 },
  { "hasPrefix", fn_has_prefix, 2, 2 },
  { "hasSuffix", fn_has_suffix, 2, 2 },
  { "lower", fn_to_lower, 1, 1 },
  { "replace", fn_replace, 3, 4 },
  { "replaceRE", byline_gotmpl_fn_replace_re, 3, 4 },
  { "slicestr", fn_slice_string, 1, 3 },
  { "split", fn_split, 2, 2 },
  { "strings", fn_strings, 0, -1 },
  { "substr", fn_substr, 1, 3 },
  { "title", byline_gotmpl_fn_title, 1, 1 },
  { "trim", fn_trim, 2, 2 },
  { "truncate", byline_gotmpl_fn_truncate, 1, 3 },
  { "upper", fn_to_upper, 1, 1 },
};

const BylineGotmplFuncTable byline_gotmpl_funcs_strings = { methods, G_N_ELEMENTS (methods) };
