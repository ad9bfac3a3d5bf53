/* byline-gotmpl-escape-script.c — html/template's JS and CSS transitions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tJS, tJSTmpl, tJSDelimited, tBlockCmt, tLineCmt, tCSS and tCSSStr of
 * transition.go, nextJSCtx of js.go and decodeCSS of css.go, ported from
 * Hugo's copy of Go's html/template like byline-gotmpl-escape.c.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-escape-private.h"

#include <string.h>

static gboolean
is_js_ident_part (gunichar r)
{
  return r == '$' || r == '_' || (r >= '0' && r <= '9') || (r >= 'A' && r <= 'Z') ||
         (r >= 'a' && r <= 'z');
}

static gboolean
is_js_whitespace (gunichar c)
{
  switch (c)
    {
    case '\f': case '\n': case '\r': case '\t': case '\v': case ' ': case 0xa0: case 0x1680:
    case 0x2000: case 0x2001: case 0x2002: case 0x2003: case 0x2004: case 0x2005: case 0x2006:
    case 0x2007: case 0x2008: case 0x2009: case 0x200a: case 0x2028: case 0x2029: case 0x202f:
    case 0x205f: case 0x3000: case 0xfeff:
      return TRUE;
    default:
      return FALSE;
    }
}

/* js.go's nextJSCtx: whether a / after @s starts a regexp or a division. */
static guint8
next_js_ctx (const char *s,
             gsize       n,
             guint8      preceding)
{
  char c;

  /* bytes.TrimRight (s, jsWhitespace), rune by rune from the end. */
  while (n > 0)
    {
      const char *start = g_utf8_find_prev_char (s, s + n);
      gunichar r;

      if (start == NULL)
        start = s;
      r = g_utf8_get_char_validated (start, s + n - start);
      if (r == (gunichar) -1 || r == (gunichar) -2 || !is_js_whitespace (r))
        break;
      n = start - s;
    }
  if (n == 0)
    return preceding;

  c = s[n - 1];
  switch (c)
    {
    case '+':
    case '-':
      {
        gsize start = n - 1;

        while (start > 0 && s[start - 1] == c)
          start--;
        return ((n - start) & 1) == 1 ? JS_CTX_REGEXP : JS_CTX_DIV_OP;
      }
    case '.':
      if (n != 1 && s[n - 2] >= '0' && s[n - 2] <= '9')
        return JS_CTX_DIV_OP;
      return JS_CTX_REGEXP;
    case ',': case '<': case '>': case '=': case '*': case '%': case '&': case '|': case '^':
    case '?': case '!': case '~': case '(': case '[': case ':': case ';': case '{': case '}':
      return JS_CTX_REGEXP;
    default:
      {
        static const char * const keywords[] = {
          "break", "case", "continue", "delete", "do", "else", "finally", "in", "instanceof",
          "return", "throw", "try", "typeof", "void",
        };
        gsize j = n;

        while (j > 0 && is_js_ident_part ((guchar) s[j - 1]))
          j--;
        for (guint k = 0; k < G_N_ELEMENTS (keywords); k++)
          if (strlen (keywords[k]) == n - j && memcmp (keywords[k], s + j, n - j) == 0)
            return JS_CTX_REGEXP;
      }
      return JS_CTX_DIV_OP;
    }
}

gsize
byline_gotmpl_t_js (Ctx        *c,
                    const char *s,
                    gsize       len,
                    char      **error)
{
  const char *found = byline_gotmpl_find_any (s, len, "\"`'/{}<-#");
  gsize i;

  if (found == NULL)
    {
      c->js_ctx = next_js_ctx (s, len, c->js_ctx);
      return len;
    }
  i = found - s;
  c->js_ctx = next_js_ctx (s, i, c->js_ctx);
  switch (s[i])
    {
    case '"':
      c->state = S (JS_DQ_STR);
      c->js_ctx = JS_CTX_REGEXP;
      break;
    case '\'':
      c->state = S (JS_SQ_STR);
      c->js_ctx = JS_CTX_REGEXP;
      break;
    case '`':
      c->state = S (JS_TMPL_LIT);
      c->js_ctx = JS_CTX_REGEXP;
      break;
    case '/':
      if (i + 1 < len && s[i + 1] == '/')
        {
          c->state = S (JS_LINE_CMT);
          i++;
        }
      else if (i + 1 < len && s[i + 1] == '*')
        {
          c->state = S (JS_BLOCK_CMT);
          i++;
        }
      else if (c->js_ctx == JS_CTX_REGEXP)
        c->state = S (JS_REGEXP);
      else if (c->js_ctx == JS_CTX_DIV_OP)
        c->js_ctx = JS_CTX_REGEXP;
      else
        {
          g_autofree char *q = byline_gotmpl_escape_quote (s + i, len - i, 32);

          return byline_gotmpl_escape_set_error (c, error, len,
                            g_strdup_printf ("'/' could start a division or regexp: %s", q));
        }
      break;
    case '<':
      if (i + 3 < len && memcmp (s + i, "<!--", 4) == 0)
        {
          c->state = S (JS_HTML_OPEN_CMT);
          i += 3;
        }
      break;
    case '-':
      if (i + 2 < len && memcmp (s + i, "-->", 3) == 0)
        {
          c->state = S (JS_HTML_CLOSE_CMT);
          i += 2;
        }
      break;
    case '#':
      if (i + 1 < len && s[i + 1] == '!')
        {
          c->state = S (JS_LINE_CMT);
          i++;
        }
      break;
    case '{':
      if (c->n_braces == 0)
        {
          c->js_ctx = next_js_ctx (s + i, 1, c->js_ctx);
          return i + 1;
        }
      c->braces[c->n_braces - 1]++;
      c->js_ctx = next_js_ctx (s + i, 1, c->js_ctx);
      break;
    case '}':
      if (c->n_braces == 0)
        {
          c->js_ctx = next_js_ctx (s + i, 1, c->js_ctx);
          return i + 1;
        }
      c->braces[c->n_braces - 1]--;
      if (c->braces[c->n_braces - 1] >= 0)
        {
          c->js_ctx = next_js_ctx (s + i, 1, c->js_ctx);
          return i + 1;
        }
      c->n_braces--;
      c->state = S (JS_TMPL_LIT);
      break;
    default:
      g_assert_not_reached ();
    }
  return i + 1;
}

gsize
byline_gotmpl_t_js_tmpl (Ctx        *c,
                         const char *s,
                         gsize       len,
                         char      **error)
{
  gsize k = 0;

  for (;;)
    {
      const char *found = byline_gotmpl_find_any (s + k, len - k, "`\\$");
      gsize i;

      if (found == NULL)
        break;
      i = found - s;
      switch (s[i])
        {
        case '\\':
          i++;
          if (i == len)
            {
              g_autofree char *q = byline_gotmpl_escape_quote (s, len, -1);

              return byline_gotmpl_escape_set_error (c, error, len,
                                g_strdup_printf ("unfinished escape sequence in JS string: %s", q));
            }
          break;
        case '$':
          if (len >= i + 2 && s[i + 1] == '{')
            {
              if (c->n_braces == G_N_ELEMENTS (c->braces))
                return byline_gotmpl_escape_set_error (c, error, len,
                                  g_strdup ("JS template literals nest too deeply"));
              c->braces[c->n_braces++] = 0;
              c->state = S (JS);
              return i + 2;
            }
          break;
        case '`':
          c->state = S (JS);
          return i + 1;
        }
      k = i + 1;
    }
  return len;
}

gsize
byline_gotmpl_t_js_delimited (Ctx        *c,
                              const char *s,
                              gsize       len,
                              char      **error)
{
  const char *specials = "\\\"";
  gsize k = 0;
  gboolean in_charset = FALSE;

  if (c->state == S (JS_SQ_STR))
    specials = "\\'";
  else if (c->state == S (JS_REGEXP))
    specials = "\\/[]";

  for (;;)
    {
      const char *found = byline_gotmpl_find_any (s + k, len - k, specials);
      gsize i;

      if (found == NULL)
        break;
      i = found - s;
      switch (s[i])
        {
        case '\\':
          i++;
          if (i == len)
            {
              g_autofree char *q = byline_gotmpl_escape_quote (s, len, -1);

              return byline_gotmpl_escape_set_error (c, error, len,
                                g_strdup_printf ("unfinished escape sequence in JS string: %s", q));
            }
          break;
        case '[':
          in_charset = TRUE;
          break;
        case ']':
          in_charset = FALSE;
          break;
        case '/':
          /* "</script" inside a regexp literal does not end it. */
          if (i > 0 && i + 7 <= len && g_ascii_strncasecmp (s + i - 1, "</script", 8) == 0)
            i++;
          else if (!in_charset)
            {
              c->state = S (JS);
              c->js_ctx = JS_CTX_DIV_OP;
              return i + 1;
            }
          break;
        default:
          if (!in_charset)
            {
              c->state = S (JS);
              c->js_ctx = JS_CTX_DIV_OP;
              return i + 1;
            }
          break;
        }
      k = i + 1;
    }

  if (in_charset)
    {
      g_autofree char *q = byline_gotmpl_escape_quote (s, len, -1);

      return byline_gotmpl_escape_set_error (c, error, len, g_strdup_printf ("unfinished JS regexp charset: %s", q));
    }
  return len;
}

gsize
byline_gotmpl_t_block_cmt (Ctx        *c,
                           const char *s,
                           gsize       len,
                           char      **error)
{
  const char *end = byline_gotmpl_find_str (s, len, "*/");

  if (end == NULL)
    return len;
  c->state = c->state == S (JS_BLOCK_CMT) ? S (JS) : S (CSS);
  return end - s + 2;
}

gsize
byline_gotmpl_t_line_cmt (Ctx        *c,
                          const char *s,
                          gsize       len,
                          char      **error)
{
  gboolean js = c->state != S (CSS_LINE_CMT);

  for (gsize i = 0; i < len; i++)
    {
      if (s[i] == '\n' || s[i] == '\r' || (!js && s[i] == '\f') ||
          (js && i + 2 < len && memcmp (s + i, "\xe2\x80", 2) == 0 &&
           (s[i + 2] == '\xa8' || s[i + 2] == '\xa9')))
        {
          c->state = js ? S (JS) : S (CSS);
          return i;
        }
    }
  return len;
}

static gboolean
is_css_nmchar (gunichar r)
{
  return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') ||
         r == '-' || r == '_' || (r >= 0x80 && r <= 0xd7ff) || (r >= 0xe000 && r <= 0xfffd) ||
         (r >= 0x10000 && r <= 0x10ffff);
}

static gboolean
ends_with_css_keyword (const char *b,
                       gsize       len,
                       const char *kw)
{
  gsize n = strlen (kw);

  if (len < n)
    return FALSE;
  if (len != n)
    {
      const char *prev = g_utf8_find_prev_char (b, b + len - n);

      if (prev != NULL)
        {
          gunichar r = g_utf8_get_char_validated (prev, b + len - n - prev);

          if (r != (gunichar) -1 && r != (gunichar) -2 && is_css_nmchar (r))
            return FALSE;
        }
    }
  return g_ascii_strncasecmp (b + len - n, kw, n) == 0;
}

/* decodeCSS (css.go): CSS escapes decoded. */
char *
byline_gotmpl_decode_css (const char *s,
                          gsize       len,
                          gsize      *out_len)
{
  GString *b = g_string_sized_new (len);
  gsize i = 0;

  while (i < len)
    {
      const char *bs = memchr (s + i, '\\', len - i);
      gsize j;

      if (bs == NULL)
        {
          g_string_append_len (b, s + i, len - i);
          break;
        }
      g_string_append_len (b, s + i, bs - (s + i));
      i = bs - s;
      if (len - i < 2)
        break;
      if (g_ascii_isxdigit (s[i + 1]))
        {
          gunichar r = 0;

          j = 2;
          while (i + j < len && j < 7 && g_ascii_isxdigit (s[i + j]))
            j++;
          for (gsize k = 1; k < j; k++)
            r = r * 16 + g_ascii_xdigit_value (s[i + k]);
          if (r > 0x10ffff)
            {
              r /= 16;
              j--;
            }
          g_string_append_unichar (b, r);
          i += j;
          /* skipCSSSpace */
          if (i < len)
            {
              if (s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == ' ')
                i++;
              else if (s[i] == '\r')
                i += (i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
            }
        }
      else
        {
          const char *next = g_utf8_find_next_char (s + i + 1, s + len);
          gsize n = (next != NULL ? next : s + len) - (s + i + 1);

          g_string_append_len (b, s + i + 1, n);
          i += 1 + n;
        }
    }
  *out_len = b->len;
  return g_string_free (b, FALSE);
}

gsize
byline_gotmpl_t_css (Ctx        *c,
                     const char *s,
                     gsize       len,
                     char      **error)
{
  gsize k = 0;

  for (;;)
    {
      const char *found = byline_gotmpl_find_any (s + k, len - k, "(\"'/");
      gsize i;

      if (found == NULL)
        return len;
      i = found - s;
      switch (s[i])
        {
        case '(':
          {
            gsize p = i;

            while (p > 0 && strchr ("\t\n\f\r ", s[p - 1]) != NULL)
              p--;
            if (ends_with_css_keyword (s, p, "url"))
              {
                gsize j = i + 1;

                while (j < len && strchr ("\t\n\f\r ", s[j]) != NULL && s[j] != '\0')
                  j++;
                if (j != len && s[j] == '"')
                  {
                    c->state = S (CSS_DQ_URL);
                    j++;
                  }
                else if (j != len && s[j] == '\'')
                  {
                    c->state = S (CSS_SQ_URL);
                    j++;
                  }
                else
                  c->state = S (CSS_URL);
                return j;
              }
          }
          break;
        case '/':
          if (i + 1 < len)
            {
              if (s[i + 1] == '/')
                {
                  c->state = S (CSS_LINE_CMT);
                  return i + 2;
                }
              if (s[i + 1] == '*')
                {
                  c->state = S (CSS_BLOCK_CMT);
                  return i + 2;
                }
            }
          break;
        case '"':
          c->state = S (CSS_DQ_STR);
          return i + 1;
        case '\'':
          c->state = S (CSS_SQ_STR);
          return i + 1;
        }
      k = i + 1;
    }
}

gsize
byline_gotmpl_t_css_str (Ctx        *c,
                         const char *s,
                         gsize       len,
                         char      **error)
{
  const char *end_and_esc;
  gsize k = 0;

  switch (c->state)
    {
    case S (CSS_DQ_STR):
    case S (CSS_DQ_URL):
      end_and_esc = "\\\"";
      break;
    case S (CSS_SQ_STR):
    case S (CSS_SQ_URL):
      end_and_esc = "\\'";
      break;
    default:
      end_and_esc = "\\\t\n\f\r )";
      break;
    }

  for (;;)
    {
      const char *found = byline_gotmpl_find_any (s + k, len - k, end_and_esc);
      gsize i, dlen;
      g_autofree char *decoded = NULL;

      if (found == NULL)
        {
          decoded = byline_gotmpl_decode_css (s + k, len - k, &dlen);
          byline_gotmpl_t_url (c, decoded, dlen, error);
          return len;
        }
      i = found - s;
      if (s[i] == '\\')
        {
          i++;
          if (i == len)
            {
              g_autofree char *q = byline_gotmpl_escape_quote (s, len, -1);

              return byline_gotmpl_escape_set_error (c, error, len,
                                g_strdup_printf ("unfinished escape sequence in CSS string: %s", q));
            }
        }
      else
        {
          c->state = S (CSS);
          return i + 1;
        }
      decoded = byline_gotmpl_decode_css (s, i + 1, &dlen);
      byline_gotmpl_t_url (c, decoded, dlen, error);
      k = i + 1;
    }
}
