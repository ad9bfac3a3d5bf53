/* byline-gotmpl-funcs-strings.c — Hugo's strings namespace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tpl/strings/strings.go, regexp.go and truncate.go, with their aliases
 * (chomp, findRE, hasPrefix, replace, replaceRE, slicestr, split, substr,
 * title, lower, upper, trim, truncate, countwords, countrunes). Regular
 * expressions run on GLib's GRegex (PCRE2), which accepts the RE2 syntax
 * templates use; replacements are expanded with Go's $1/${name} rules.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-funcs.h"

#include <string.h>

#include "byline-gotmpl-escape.h"
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

#define ARG_STRING(i, var) \
  if (!byline_gotmpl_to_string (call, &args[i], &var)) \
    return FALSE

static gboolean
is_go_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x85 || c == 0xa0;
}

char *
byline_gotmpl_strip_html (const char *s)
{
  g_autofree char *stripped = NULL;
  GString *pre, *out;
  gboolean replaced = FALSE, was_space = FALSE;

  if (strpbrk (s, "<>") == NULL)
    return g_strdup (s);

  /* stripHTMLReplacerPre: newlines become spaces; </p> and <br> newlines. */
  pre = g_string_new (NULL);
  for (const char *p = s; *p != '\0';)
    {
      if (*p == '\n')
        {
          g_string_append_c (pre, ' ');
          p++;
          replaced = TRUE;
        }
      else if (g_str_has_prefix (p, "</p>") || g_str_has_prefix (p, "<br>") ||
               g_str_has_prefix (p, "<br />"))
        {
          g_string_append (pre, "___hugonl_");
          p += g_str_has_prefix (p, "<br />") ? 6 : 4;
          replaced = TRUE;
        }
      else
        g_string_append_c (pre, *p++);
    }
  stripped = byline_gotmpl_strip_tags (pre->str);
  g_string_free (pre, TRUE);

  out = g_string_new (NULL);
  for (const char *p = stripped; *p != '\0';)
    {
      gunichar c;

      if (replaced && g_str_has_prefix (p, "___hugonl_"))
        {
          if (!was_space)
            g_string_append_c (out, '\n');
          was_space = TRUE;
          p += 10;
          continue;
        }
      c = g_utf8_get_char_validated (p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_c (out, *p++);
          was_space = FALSE;
          continue;
        }
      if (!(is_go_space (c) && was_space))
        g_string_append_unichar (out, c);
      was_space = is_go_space (c);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

/* Regular expressions, compiled once per process. */

static GRegex *
get_regex (BylineGotmplCall *call,
           const char       *pattern)
{
  static GMutex lock;
  static GHashTable *cache = NULL;
  g_autoptr(GError) error = NULL;
  GRegex *re;

  g_mutex_lock (&lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_regex_unref);
  re = g_hash_table_lookup (cache, pattern);
  if (re != NULL)
    g_regex_ref (re);
  g_mutex_unlock (&lock);
  if (re != NULL)
    return re;

  re = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, &error);
  if (re == NULL)
    {
      byline_gotmpl_call_error (call, "error parsing regexp: %s", error->message);
      return NULL;
    }
  g_mutex_lock (&lock);
  if (g_hash_table_size (cache) > 500)
    g_hash_table_remove_all (cache);
  g_hash_table_replace (cache, g_strdup (pattern), g_regex_ref (re));
  g_mutex_unlock (&lock);
  return re;
}

/* Go's Regexp.Expand of @template for the match in @info. */
static void
expand (GString     *out,
        const char  *template,
        GMatchInfo  *info)
{
  for (const char *p = template; *p != '\0';)
    {
      const char *start;
      g_autofree char *name = NULL;
      g_autofree char *group = NULL;
      gboolean braces = FALSE;

      if (*p != '$')
        {
          g_string_append_c (out, *p++);
          continue;
        }
      p++;
      if (*p == '$')
        {
          g_string_append_c (out, '$');
          p++;
          continue;
        }
      if (*p == '{')
        {
          braces = TRUE;
          p++;
        }
      start = p;
      while (g_ascii_isalnum (*p) || *p == '_')
        p++;
      if (p == start || (braces && *p != '}'))
        {
          /* Malformed: Go writes the $ and goes on. */
          g_string_append_c (out, '$');
          p = braces ? start - 1 : start;
          continue;
        }
      name = g_strndup (start, p - start);
      if (braces)
        p++;
      if (g_ascii_isdigit (name[0]) && strspn (name, "0123456789") == strlen (name))
        {
          guint64 n;

          if (g_ascii_string_to_unsigned (name, 10, 0, G_MAXINT, &n, NULL))
            group = g_match_info_fetch (info, (int) n);
        }
      else
        group = g_match_info_fetch_named (info, name);
      if (group != NULL)
        g_string_append (out, group);
    }
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
      found = !is_go_space (g_utf8_get_char (p));
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
fn_count_runes (BylineGotmplCall        *call,
                const BylineGotmplValue *self,
                const BylineGotmplValue *args,
                guint                    n_args,
                BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  g_autofree char *plain = NULL;
  gint64 n = 0;
  ARG_STRING (0, s);

  plain = byline_gotmpl_strip_html (s);
  for (const char *p = plain; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_go_space (g_utf8_get_char (p)))
      n++;
  *result = byline_gotmpl_int (n);
  return TRUE;
}

static gboolean
is_cjk (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HANGUL ||
         script == G_UNICODE_SCRIPT_HIRAGANA || script == G_UNICODE_SCRIPT_KATAKANA;
}

static gboolean
fn_count_words (BylineGotmplCall        *call,
                const BylineGotmplValue *self,
                const BylineGotmplValue *args,
                guint                    n_args,
                BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  g_autofree char *plain = NULL;
  gboolean cjk = FALSE;
  gint64 n = 0;
  const char *p;
  ARG_STRING (0, s);

  if (!g_utf8_validate (s, -1, NULL))
    return byline_gotmpl_call_error (call, "failed to convert content to string");
  for (p = s; *p != '\0' && !cjk; p = g_utf8_next_char (p))
    cjk = is_cjk (g_utf8_get_char (p));
  plain = byline_gotmpl_strip_html (s);
  p = plain;
  while (*p != '\0')
    {
      const char *start;
      glong runes;

      while (*p != '\0' && is_go_space (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && !is_go_space (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      runes = g_utf8_strlen (start, p - start);
      /* In CJK text a word of wide characters counts each one. */
      n += cjk && runes != p - start ? runes : 1;
    }
  *result = byline_gotmpl_int (n);
  return TRUE;
}

static gboolean
fn_find_re (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  g_autofree char *pattern = NULL;
  g_autofree char *s = NULL;
  g_autoptr(GRegex) re = NULL;
  g_autoptr(GMatchInfo) info = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  gint64 limit = -1;
  ARG_STRING (0, pattern);
  ARG_STRING (1, s);

  if (n_args > 2 && !byline_gotmpl_to_int (call, &args[2], &limit))
    return FALSE;
  if ((re = get_regex (call, pattern)) == NULL)
    return FALSE;
  g_regex_match (re, s, 0, &info);
  while (g_match_info_matches (info) && (limit < 0 || found->len < (guint64) limit))
    {
      g_ptr_array_add (found, g_match_info_fetch (info, 0));
      if (!g_match_info_next (info, NULL))
        break;
    }
  /* Go's FindAllString returns nil for no match. */
  if (found->len == 0)
    return TRUE;
  *result = byline_gotmpl_string_slice_new (found);
  return TRUE;
}

static gboolean
fn_find_re_submatch (BylineGotmplCall        *call,
                     const BylineGotmplValue *self,
                     const BylineGotmplValue *args,
                     guint                    n_args,
                     BylineGotmplValue       *result)
{
  g_autofree char *pattern = NULL;
  g_autofree char *s = NULL;
  g_autoptr(GRegex) re = NULL;
  g_autoptr(GMatchInfo) info = NULL;
  BylineGotmplList *list;
  gint64 limit = -1;
  ARG_STRING (0, pattern);
  ARG_STRING (1, s);

  if (n_args > 2 && !byline_gotmpl_to_int (call, &args[2], &limit))
    return FALSE;
  if ((re = get_regex (call, pattern)) == NULL)
    return FALSE;
  list = byline_gotmpl_list_new (4);
  g_regex_match (re, s, 0, &info);
  while (g_match_info_matches (info) && (limit < 0 || byline_gotmpl_list_length (list) < (guint64) limit))
    {
      g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
      int n = g_regex_get_capture_count (re) + 1;

      for (int i = 0; i < n; i++)
        {
          char *g = g_match_info_fetch (info, i);

          g_ptr_array_add (groups, g != NULL ? g : g_strdup (""));
        }
      byline_gotmpl_list_append (list, byline_gotmpl_string_slice_new (groups));
      if (!g_match_info_next (info, NULL))
        break;
    }
  if (byline_gotmpl_list_length (list) == 0)
    {
      byline_gotmpl_list_unref (list);
      return TRUE;
    }
  *result = byline_gotmpl_list_value (list);
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
fn_replace_re (BylineGotmplCall        *call,
               const BylineGotmplValue *self,
               const BylineGotmplValue *args,
               guint                    n_args,
               BylineGotmplValue       *result)
{
  g_autofree char *pattern = NULL;
  g_autofree char *repl = NULL;
  g_autofree char *s = NULL;
  g_autoptr(GRegex) re = NULL;
  g_autoptr(GMatchInfo) info = NULL;
  GString *out;
  gint64 n = -1;
  gsize last = 0;
  ARG_STRING (0, pattern);
  ARG_STRING (1, repl);
  ARG_STRING (2, s);

  if (n_args > 3 && !byline_gotmpl_to_int (call, &args[3], &n))
    return FALSE;
  if ((re = get_regex (call, pattern)) == NULL)
    return FALSE;

  out = g_string_new (NULL);
  g_regex_match (re, s, 0, &info);
  while (g_match_info_matches (info))
    {
      int start, end;

      g_match_info_fetch_pos (info, 0, &start, &end);
      g_string_append_len (out, s + last, start - last);
      if (n == 0)
        g_string_append_len (out, s + start, end - start);
      else
        {
          /* Hugo replaces each match with re.ReplaceAllString of the match
           * alone, so anchors and groups see the matched text. */
          g_autofree char *m = g_strndup (s + start, end - start);
          g_autoptr(GMatchInfo) inner = NULL;
          gsize inner_last = 0;

          g_regex_match (re, m, 0, &inner);
          while (g_match_info_matches (inner))
            {
              int is, ie;

              g_match_info_fetch_pos (inner, 0, &is, &ie);
              g_string_append_len (out, m + inner_last, is - inner_last);
              expand (out, repl, inner);
              inner_last = ie;
              if (!g_match_info_next (inner, NULL))
                break;
            }
          g_string_append (out, m + inner_last);
          if (n > 0)
            n--;
        }
      last = end;
      if (!g_match_info_next (info, NULL))
        break;
    }
  g_string_append (out, s + last);
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

/* prose's TitleConverter with APStyle, Hugo's default titleCaseStyle. */
static const char * const small_words[] = {
  "a", "an", "and", "as", "at", "but", "by", "en", "for", "if", "in", "nor", "of", "on", "or",
  "per", "the", "to", "v", "v.", "via", "vs", "vs.",
};

static gboolean
is_small_word (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (small_words); i++)
    if (strcmp (word, small_words[i]) == 0)
      return TRUE;
  return FALSE;
}

static char
char_at (const char *s,
         gsize       len,
         gssize      i)
{
  return i >= 0 && (gsize) i < len ? s[i] : s[0];
}

char *
byline_gotmpl_title_case (const char *s)
{
  GString *out = g_string_new (NULL);
  gsize len = strlen (s);
  const char *p = s;

  if (!g_utf8_validate (s, -1, NULL))
    {
      g_string_append (out, s);
      return g_string_free (out, FALSE);
    }
  /* Words are [\p{N}\p{L}]+[^\s-/]*. */
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *start, *q;
      g_autofree char *word = NULL;
      g_autofree char *lower = NULL;
      gssize pos;
      gsize ext;
      char prev;

      if (!g_unichar_isalnum (c))
        {
          g_string_append_unichar (out, c);
          p = g_utf8_next_char (p);
          continue;
        }
      start = p;
      q = p;
      while (*q != '\0' && g_unichar_isalnum (g_utf8_get_char (q)))
        q = g_utf8_next_char (q);
      while (*q != '\0' && !g_unichar_isspace (g_utf8_get_char (q)) && *q != '-' && *q != '/')
        q = g_utf8_next_char (q);
      word = g_strndup (start, q - start);
      lower = g_utf8_strdown (word, -1);
      pos = start - s;
      ext = q - start;
      prev = char_at (s, len, pos - 1);
      if (!(pos == 0 || (gsize) pos + ext == len) && is_small_word (lower) &&
          (prev == ' ' || prev == '-' || prev == '/') &&
          char_at (s, len, pos - 2) != ':' && char_at (s, len, pos - 2) != '-' &&
          (char_at (s, len, pos + ext) != '-' || char_at (s, len, pos - 1) == '-'))
        g_string_append (out, lower);
      else
        {
          g_string_append_unichar (out, g_unichar_totitle (g_utf8_get_char (word)));
          g_string_append (out, g_utf8_next_char (word));
        }
      p = q;
    }
  return g_string_free (out, FALSE);
}

static gboolean
fn_title (BylineGotmplCall        *call,
          const BylineGotmplValue *self,
          const BylineGotmplValue *args,
          guint                    n_args,
          BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  ARG_STRING (0, s);

  *result = byline_gotmpl_string_own ((byline_gotmpl_title_case (s)));
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
      while (start < end && is_go_space (g_utf8_get_char (start)))
        start = g_utf8_next_char (start);
      while (end > start && is_go_space (g_utf8_get_char (g_utf8_prev_char (end))))
        end = g_utf8_prev_char (end);
    }
  *result = byline_gotmpl_string_len (start, end - start);
  return TRUE;
}

/* truncate.go */
typedef struct
{
  char     *name;
  gsize     pos;
  gboolean  open;
} HtmlTag;

static gboolean
fn_truncate (BylineGotmplCall        *call,
             const BylineGotmplValue *self,
             const BylineGotmplValue *args,
             guint                    n_args,
             BylineGotmplValue       *result)
{
  static const char * const singlets[] = {
    "br", "col", "link", "base", "img", "param", "area", "hr", "input",
  };
  g_autoptr(GRegex) tag_re = NULL;
  g_autoptr(GArray) tags = NULL;
  g_autofree char *ellipsis = NULL;
  g_autofree char *text = NULL;
  const BylineGotmplValue *text_arg;
  gint64 length;
  gboolean is_html;
  gsize last_word = 0, last_non_space = 0, end_text_pos = 0, next_tag = 0;
  gint64 current = 0;

  if (!byline_gotmpl_to_int (call, &args[0], &length))
    return FALSE;
  if (n_args == 1)
    return byline_gotmpl_call_error (call, "truncate requires a length and a string");
  if (n_args > 3)
    return byline_gotmpl_call_error (call, "too many arguments passed to truncate");
  if (n_args == 2)
    {
      text_arg = &args[1];
      ellipsis = g_strdup (" …");
    }
  else
    {
      g_autofree char *e = NULL;

      text_arg = &args[2];
      if (!byline_gotmpl_to_string (call, &args[1], &e))
        return FALSE;
      if (args[1].kind == BYLINE_GOTMPL_STRING && args[1].content == BYLINE_GOTMPL_HTML)
        ellipsis = g_steal_pointer (&e);
      else
        {
          GString *escaped = g_string_new (NULL);

          byline_gotmpl_html_escape (escaped, e, strlen (e));
          ellipsis = g_string_free (escaped, FALSE);
        }
    }
  if (!byline_gotmpl_to_string (call, text_arg, &text))
    return FALSE;
  is_html = text_arg->kind == BYLINE_GOTMPL_STRING && text_arg->content == BYLINE_GOTMPL_HTML;
  if (!g_utf8_validate (text, -1, NULL))
    return byline_gotmpl_call_error (call, "text must be a string");

  if (g_utf8_strlen (text, -1) <= length)
    {
      if (is_html)
        *result = byline_gotmpl_safe (text, BYLINE_GOTMPL_HTML);
      else
        {
          GString *escaped = g_string_new (NULL);

          byline_gotmpl_html_escape (escaped, text, strlen (text));
          *result = byline_gotmpl_safe_take (escaped, BYLINE_GOTMPL_HTML);
        }
      return TRUE;
    }

  tag_re = g_regex_new ("^<(/)?([^ ]+?)(?:(\\s*/)| .*?)?>", 0, 0, NULL);
  tags = g_array_new (FALSE, FALSE, sizeof (HtmlTag));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize i = p - text;
      gunichar r = g_utf8_get_char (p);

      if (i < next_tag)
        continue;
      if (is_html)
        {
          g_autoptr(GMatchInfo) info = NULL;

          if (g_regex_match (tag_re, p, 0, &info))
            {
              int s0, e0, s1, e1, s2, e2, s3, e3;
              g_autofree char *name = NULL;
              gboolean singlet = FALSE;

              g_match_info_fetch_pos (info, 0, &s0, &e0);
              g_match_info_fetch_pos (info, 1, &s1, &e1);
              g_match_info_fetch_pos (info, 2, &s2, &e2);
              if (!g_match_info_fetch_pos (info, 3, &s3, &e3))
                s3 = -1;
              next_tag = i + e0;
              name = g_strndup (p + s2, e2 - s2);
              g_strstrip (name);
              last_word = last_non_space;
              for (guint k = 0; k < G_N_ELEMENTS (singlets); k++)
                singlet |= strcmp (name, singlets[k]) == 0;
              if (!singlet && s3 == -1)
                {
                  HtmlTag tag = { g_steal_pointer (&name), i, s1 == -1 };

                  g_array_append_val (tags, tag);
                }
              continue;
            }
        }
      current++;
      if (is_go_space (r))
        last_word = last_non_space;
      else if (is_cjk (r))
        {
          last_word = last_non_space;
          last_non_space = i + g_unichar_to_utf8 (r, NULL);
          if (current <= length)
            last_word = last_non_space;
        }
      else
        last_non_space = i + g_unichar_to_utf8 (r, NULL);

      if (current > length)
        {
          GString *out = g_string_new (NULL);

          end_text_pos = last_word == 0 ? i : last_word;
          g_string_append_len (out, text, end_text_pos);
          if (is_html)
            {
              const char *closing = NULL;

              g_string_append (out, ellipsis);
              /* Close the tags still open at the cut, innermost first; a
               * closing tag hides its opening one. */

              for (guint k = tags->len; k > 0; k--)
                {
                  HtmlTag *tag = &g_array_index (tags, HtmlTag, k - 1);

                  if (tag->pos >= end_text_pos || closing != NULL)
                    {
                      if (closing != NULL && strcmp (closing, tag->name) == 0)
                        closing = NULL;
                      continue;
                    }
                  if (tag->open)
                    g_string_append_printf (out, "</%s>", tag->name);
                  else
                    closing = tag->name;
                }
            }
          else
            {
              GString *escaped = g_string_new (NULL);

              byline_gotmpl_html_escape (escaped, out->str, out->len);
              g_string_assign (out, escaped->str);
              g_string_free (escaped, TRUE);
              g_string_append (out, ellipsis);
            }
          for (guint k = 0; k < tags->len; k++)
            g_free (g_array_index (tags, HtmlTag, k).name);
          *result = byline_gotmpl_safe_take (out, BYLINE_GOTMPL_HTML);
          return TRUE;
        }
    }
  for (guint k = 0; k < tags->len; k++)
    g_free (g_array_index (tags, HtmlTag, k).name);
  *result = is_html ? byline_gotmpl_safe (text, BYLINE_GOTMPL_HTML)
                    : byline_gotmpl_safe_take (g_string_new (text), BYLINE_GOTMPL_HTML);
  return TRUE;
}

static const BylineGotmplMethod strings_methods[] = {
  { "Chomp", fn_chomp, 1, 1 },
  { "Contains", fn_contains, 2, 2 },
  { "ContainsAny", fn_contains_any, 2, 2 },
  { "ContainsNonSpace", fn_contains_non_space, 1, 1 },
  { "Count", fn_count, 2, 2 },
  { "CountRunes", fn_count_runes, 1, 1 },
  { "CountWords", fn_count_words, 1, 1 },
  { "FindRE", fn_find_re, 2, 3 },
  { "FindRESubmatch", fn_find_re_submatch, 2, 3 },
  { "FirstUpper", fn_first_upper, 1, 1 },
  { "HasPrefix", fn_has_prefix, 2, 2 },
  { "HasSuffix", fn_has_suffix, 2, 2 },
  { "Repeat", fn_repeat, 2, 2 },
  { "Replace", fn_replace, 3, 4 },
  { "ReplacePairs", fn_replace_pairs, 1, -1 },
  { "ReplaceRE", fn_replace_re, 3, 4 },
  { "RuneCount", fn_rune_count, 1, 1 },
  { "SliceString", fn_slice_string, 1, 3 },
  { "Split", fn_split, 2, 2 },
  { "Substr", fn_substr, 1, 3 },
  { "Title", fn_title, 1, 1 },
  { "ToLower", fn_to_lower, 1, 1 },
  { "ToUpper", fn_to_upper, 1, 1 },
  { "Trim", fn_trim, 2, 2 },
  { "TrimLeft", fn_trim_left, 2, 2 },
  { "TrimPrefix", fn_trim_prefix, 2, 2 },
  { "TrimRight", fn_trim_right, 2, 2 },
  { "TrimSpace", fn_trim_space, 1, 1 },
  { "TrimSuffix", fn_trim_suffix, 2, 2 },
  { "Truncate", fn_truncate, 1, 3 },
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
  { "countrunes", fn_count_runes, 1, 1 },
  { "countwords", fn_count_words, 1, 1 },
  { "findRE", fn_find_re, 2, 3 },
  { "findRESubmatch", fn_find_re_submatch, 2, 3 },
  { "hasPrefix", fn_has_prefix, 2, 2 },
  { "hasSuffix", fn_has_suffix, 2, 2 },
  { "lower", fn_to_lower, 1, 1 },
  { "replace", fn_replace, 3, 4 },
  { "replaceRE", fn_replace_re, 3, 4 },
  { "slicestr", fn_slice_string, 1, 3 },
  { "split", fn_split, 2, 2 },
  { "strings", fn_strings, 0, -1 },
  { "substr", fn_substr, 1, 3 },
  { "title", fn_title, 1, 1 },
  { "trim", fn_trim, 2, 2 },
  { "truncate", fn_truncate, 1, 3 },
  { "upper", fn_to_upper, 1, 1 },
};

const BylineGotmplFuncTable byline_gotmpl_funcs_strings = { methods, G_N_ELEMENTS (methods) };
