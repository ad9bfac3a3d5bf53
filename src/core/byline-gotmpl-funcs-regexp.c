/* byline-gotmpl-funcs-regexp.c — the strings namespace's regular expressions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tpl/strings/regexp.go: findRE, findRESubmatch and replaceRE (in the
 * tables of byline-gotmpl-funcs-strings.c). Regular expressions run on
 * GLib's GRegex (PCRE2), which accepts the RE2 syntax templates use;
 * replacements are expanded with Go's $1/${name} rules.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-funcs.h"

#include <string.h>

#include "byline-gotmpl-funcs-private.h"

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

gboolean
byline_gotmpl_fn_find_re (BylineGotmplCall        *call,
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

gboolean
byline_gotmpl_fn_find_re_submatch (BylineGotmplCall        *call,
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

gboolean
byline_gotmpl_fn_replace_re (BylineGotmplCall        *call,
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
