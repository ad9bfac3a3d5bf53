/* byline-gotmpl-funcs-prose.c — counting, title-casing and truncating text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The strings functions that read text as words (in the tables of
 * byline-gotmpl-funcs-strings.c): countrunes and countwords over the text
 * with its HTML stripped (Hugo's tpl.StripHTML, which plainify shares),
 * title with prose's AP-style title case, and truncate.go, which cuts at a
 * word and closes the HTML tags left open.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-funcs.h"

#include <string.h>

#include "byline-gotmpl-escape.h"
#include "byline-gotmpl-funcs-private.h"

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
      if (!(byline_gotmpl_is_go_space (c) && was_space))
        g_string_append_unichar (out, c);
      was_space = byline_gotmpl_is_go_space (c);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

gboolean
byline_gotmpl_fn_count_runes (BylineGotmplCall        *call,
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
    if (!byline_gotmpl_is_go_space (g_utf8_get_char (p)))
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

gboolean
byline_gotmpl_fn_count_words (BylineGotmplCall        *call,
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

      while (*p != '\0' && byline_gotmpl_is_go_space (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && !byline_gotmpl_is_go_space (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      runes = g_utf8_strlen (start, p - start);
      /* In CJK text a word of wide characters counts each one. */
      n += cjk && runes != p - start ? runes : 1;
    }
  *result = byline_gotmpl_int (n);
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

gboolean
byline_gotmpl_fn_title (BylineGotmplCall        *call,
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

/* truncate.go */
typedef struct
{
  char     *name;
  gsize     pos;
  gboolean  open;
} HtmlTag;

gboolean
byline_gotmpl_fn_truncate (BylineGotmplCall        *call,
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
      if (byline_gotmpl_is_go_space (r))
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
