/* byline-gotmpl-funcs-inflect.c — the inflect namespace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo's tpl/inflect: humanize.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-funcs.h"

#include "byline-gotmpl-funcs-private.h"

/* inflect.Humanize, and Ordinalize for numbers. */
static gboolean
fn_humanize (BylineGotmplCall        *call,
             const BylineGotmplValue *self,
             const BylineGotmplValue *args,
             guint                    n_args,
             BylineGotmplValue       *result)
{
  g_autofree char *word = NULL;
  gint64 n;
  GString *out;
  gboolean last_lower = FALSE, pending_space = FALSE;

  if (!byline_gotmpl_to_string (call, &args[0], &word))
    return FALSE;
  if (word[0] == '\0')
    {
      *result = byline_gotmpl_string ("");
      return TRUE;
    }
  if (args[0].kind == BYLINE_GOTMPL_INT ||
      g_ascii_string_to_signed (word, 10, G_MININT64, G_MAXINT64, &n, NULL))
    {
      gint64 abs_n;
      const char *suffix = "th";

      if (!g_ascii_string_to_signed (word, 10, G_MININT64, G_MAXINT64, &n, NULL))
        n = args[0].i;
      abs_n = n < 0 ? -n : n;
      if (abs_n % 100 < 11 || abs_n % 100 > 13)
        switch (abs_n % 10)
          {
          case 1: suffix = "st"; break;
          case 2: suffix = "nd"; break;
          case 3: suffix = "rd"; break;
          default: break;
          }
      *result = byline_gotmpl_string_printf ("%s%s", word, suffix);
      return TRUE;
    }
  /* Words split at separators and before capitals, lower-cased, the
   * first letter then upper-cased. */
  out = g_string_new (NULL);
  if (g_utf8_validate (word, -1, NULL))
    for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        if (c == '_' || c == '-' || c == ' ' || c == '.')
          {
            pending_space = out->len > 0;
            last_lower = FALSE;
            continue;
          }
        if (g_unichar_isupper (c) && last_lower)
          pending_space = TRUE;
        if (pending_space)
          g_string_append_c (out, ' ');
        pending_space = FALSE;
        g_string_append_unichar (out, g_unichar_tolower (c));
        last_lower = g_unichar_islower (c) || g_unichar_isdigit (c);
      }
  else
    g_string_append (out, word);
  if (out->len > 0 && g_utf8_validate (out->str, -1, NULL))
    {
      gunichar first = g_utf8_get_char (out->str);
      g_autofree char *rest = g_strdup (g_utf8_next_char (out->str));

      g_string_truncate (out, 0);
      g_string_append_unichar (out, g_unichar_toupper (first));
      g_string_append (out, rest);
    }
  *result = byline_gotmpl_string_take (out);
  return TRUE;
}

static const BylineGotmplMethod inflect_methods[] = {
  { "Humanize", fn_humanize, 1, 1 },
};

static const BylineGotmplClass inflect_class = {
  .type_name = "*inflect.Namespace",
  .methods = inflect_methods,
  .n_methods = G_N_ELEMENTS (inflect_methods),
};

static gboolean
fn_inflect (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  *result = byline_gotmpl_namespace_value (&inflect_class);
  return TRUE;
}

static const BylineGotmplMethod methods[] = {
  { "humanize", fn_humanize, 1, 1 },
  { "inflect", fn_inflect, 0, -1 },
};

const BylineGotmplFuncTable byline_gotmpl_funcs_inflect = { methods, G_N_ELEMENTS (methods) };
