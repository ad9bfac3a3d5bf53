/* byline-gotmpl-escape-funcs.c — html/template's escaping functions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * html.go, js.go, css.go, url.go and content.go's stringify from Hugo's copy
 * of Go's html/template, with text/template's HTMLEscape/JSEscape, Go's
 * url.QueryEscape, html.UnescapeString and encoding/json's Marshal for the
 * values templates hold.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-escape.h"

#include <math.h>
#include <string.h>

#define FILTER_FAILSAFE "ZgotmplZ"

GString *
byline_gotmpl_stringify (const BylineGotmplValue *value,
                         BylineGotmplContent     *content)
{
  GString *s = g_string_new (NULL);

  *content = BYLINE_GOTMPL_PLAIN;
  if (value->kind == BYLINE_GOTMPL_STRING)
    {
      *content = value->content;
      g_string_append_len (s, value->s, byline_gotmpl_string_length (value));
    }
  /* Untyped nil arguments are skipped, not printed as <nil>. */
  else if (value->kind != BYLINE_GOTMPL_NIL)
    byline_gotmpl_value_print (value, s);
  return s;
}

/* html.go */

typedef const char *const ReplacementTable[128];

static ReplacementTable html_replacement_table = {
  [0] = "\xef\xbf\xbd", ['"'] = "&#34;", ['&'] = "&amp;", ['\''] = "&#39;",
  ['+'] = "&#43;", ['<'] = "&lt;", ['>'] = "&gt;",
};

static ReplacementTable html_norm_replacement_table = {
  [0] = "\xef\xbf\xbd", ['"'] = "&#34;", ['\''] = "&#39;", ['+'] = "&#43;",
  ['<'] = "&lt;", ['>'] = "&gt;",
};

static ReplacementTable html_nospace_replacement_table = {
  [0] = "&#xfffd;", ['\t'] = "&#9;", ['\n'] = "&#10;", ['\v'] = "&#11;", ['\f'] = "&#12;",
  ['\r'] = "&#13;", [' '] = "&#32;", ['"'] = "&#34;", ['&'] = "&amp;", ['\''] = "&#39;",
  ['+'] = "&#43;", ['<'] = "&lt;", ['='] = "&#61;", ['>'] = "&gt;", ['`'] = "&#96;",
};

static ReplacementTable html_nospace_norm_replacement_table = {
  [0] = "&#xfffd;", ['\t'] = "&#9;", ['\n'] = "&#10;", ['\v'] = "&#11;", ['\f'] = "&#12;",
  ['\r'] = "&#13;", [' '] = "&#32;", ['"'] = "&#34;", ['\''] = "&#39;", ['+'] = "&#43;",
  ['<'] = "&lt;", ['='] = "&#61;", ['>'] = "&gt;", ['`'] = "&#96;",
};

/* htmlReplacer: invalid UTF-8 bytes count as U+FFFD runes, which are
 * above the table and kept as they are. */
static void
html_replacer (GString          *b,
               const char       *s,
               gsize             len,
               ReplacementTable  table,
               gboolean          bad_runes)
{
  const char *p = s, *end = s + len;

  while (p < end)
    {
      guchar c = *p;

      if (c < 0x80)
        {
          if (table[c] != NULL)
            g_string_append (b, table[c]);
          else
            g_string_append_c (b, c);
          p++;
          continue;
        }
      {
        gunichar r = g_utf8_get_char_validated (p, end - p);
        int w = (r == (gunichar) -1 || r == (gunichar) -2) ? 1 : g_utf8_skip[c];

        if (!bad_runes && r != (gunichar) -1 && r != (gunichar) -2 &&
            ((r >= 0xfdd0 && r <= 0xfdef) || (r >= 0xfff0 && r <= 0xffff)))
          g_string_append_printf (b, "&#x%x;", r);
        else
          g_string_append_len (b, p, w);
        p += w;
      }
    }
}

static void
html_nospace_escaper (GString                 *out,
                      const BylineGotmplValue *v)
{
  BylineGotmplContent t;
  g_autoptr(GString) s = byline_gotmpl_stringify (v, &t);

  if (s->len == 0)
    {
      g_string_append (out, FILTER_FAILSAFE);
      return;
    }
  if (t == BYLINE_GOTMPL_HTML)
    {
      g_autofree char *stripped = byline_gotmpl_strip_tags (s->str);

      html_replacer (out, stripped, strlen (stripped), html_nospace_norm_replacement_table, FALSE);
      return;
    }
  html_replacer (out, s->str, s->len, html_nospace_replacement_table, FALSE);
}

static void
attr_escaper (GString                 *out,
              const BylineGotmplValue *v)
{
  BylineGotmplContent t;
  g_autoptr(GString) s = byline_gotmpl_stringify (v, &t);

  if (t == BYLINE_GOTMPL_HTML)
    {
      g_autofree char *stripped = byline_gotmpl_strip_tags (s->str);

      html_replacer (out, stripped, strlen (stripped), html_norm_replacement_table, TRUE);
      return;
    }
  html_replacer (out, s->str, s->len, html_replacement_table, TRUE);
}

static void
rcdata_escaper (GString                 *out,
                const BylineGotmplValue *v)
{
  BylineGotmplContent t;
  g_autoptr(GString) s = byline_gotmpl_stringify (v, &t);

  html_replacer (out, s->str, s->len, t == BYLINE_GOTMPL_HTML ? html_norm_replacement_table
                                                               : html_replacement_table, TRUE);
}

static void
html_escaper (GString                 *out,
              const BylineGotmplValue *v)
{
  BylineGotmplContent t;
  g_autoptr(GString) s = byline_gotmpl_stringify (v, &t);

  if (t == BYLINE_GOTMPL_HTML)
    g_string_append_len (out, s->str, s->len);
  else
    html_replacer (out, s->str, s->len, html_replacement_table, TRUE);
}

static void
html_name_filter (GString                 *out,
                  const BylineGotmplValue *v)
{
  BylineGotmplContent t;
  g_autoptr(GString) s = byline_gotmpl_stringify (v, &t);
  g_autofree char *lower = NULL;

  if (t == BYLINE_GOTMPL_HTML_ATTR)
    {
      g_string_append_len (out, s->str, s->len);
      return;
    }
  if (s->len == 0 || memchr (s->str, '\0', s->len) != NULL)
    {
      g_string_append (out, FILTER_FAILSAFE);
      return;
    }
  lower = g_utf8_strdown (s->str, s->len);
  if (!byline_gotmpl_attr_is_plain (lower))
    {
      g_string_append (out, FILTER_FAILSAFE);
      return;
    }
  for (const char *p = lower; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'z'))
      {
        g_string_append (out, FILTER_FAILSAFE);
        return;
      }
  g_string_append (out, lower);
}

/* js.go */

static const char * const low_unicode_replacement_table[32] = {
  "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
  "\\u0008", "\\t", "\\n", "\\u000b", "\\f", "\\r", "\\u000e", "\\u000f",
  "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
  "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f",
};

static ReplacementTable js_str_replacement_table = {
  [0] = "\\u0000", ['\t'] = "\\t", ['\n'] = "\\n", ['\v'] = "\\u000b", ['\f'] = "\\f",
  ['\r'] = "\\r", ['"'] = "\\u0022", ['`'] = "\\u0060", ['&'] = "\\u0026", ['\''] = "\\u0027",
  ['+'] = "\\u002b", ['/'] = "\\/", ['<'] = "\\u003c", ['>'] = "\\u003e", ['\\'] = "\\\\",
};

static ReplacementTable js_bq_str_replacement_table = {
  [0] = "\\u0000", ['\t'] = "\\t", ['\n'] = "\\n", ['\v'] = "\\u000b", ['\f'] = "\\f",
  ['\r'] = "\\r", ['"'] = "\\u0022", ['`'] = "\\u0060", ['&'] = "\\u0026", ['\''] = "\\u0027",
  ['+'] = "\\u002b", ['/'] = "\\/", ['<'] = "\\u003c", ['>'] = "\\u003e", ['\\'] = "\\\\",
  ['$'] = "\\u0024", ['{'] = "\\u007b", ['}'] = "\\u007d",
};

static ReplacementTable js_str_norm_replacement_table = {
  [0] = "\\u0000", ['\t'] = "\\t", ['\n'] = "\\n", ['\v'] = "\\u000b", ['\f'] = "\\f",
  ['\r'] = "\\r", ['"'] = "\\u0022", ['&'] = "\\u0026", ['\''] = "\\u0027", ['`'] = "\\u0060",
  ['+'] = "\\u002b", ['/'] = "\\/", ['<'] = "\\u003c", ['>'] = "\\u003e",
};

static ReplacementTable js_regexp_replacement_table = {
  [0] = "\\u0000", ['\t'] = "\\t", ['\n'] = "\\n", ['\v'] = "\\u000b", ['\f'] = "\\f",
  ['\r'] = "\\r", ['"'] = "\\u0022", ['$'] = "\\$", ['&'] = "\\u0026", ['\''] = "\\u0027",
  ['('] = "\\(", [')'] = "\\)", ['*'] = "\\*", ['+'] = "\\u002b", ['-'] = "\\-", ['.'] = "\\.",
  ['/'] = "\\/", ['<'] = "\\u003c", ['>'] = "\\u003e", ['?'] = "\\?", ['['] = "\\[",
  ['\\'] = "\\\\", [']'] = "\\]", ['^'] = "\\^", ['{'] = "\\{", ['|'] = "\\|", ['}'] = "\\}",
};

/* js.go's replace: low code points first, then the table, then U+2028/9. */
static void
js_replace (GString          *b,
            const GString    *s,
            ReplacementTable  table)
{
  const char *p = s->str, *end = s->str + s->len;

  while (p < end)
    {
      guchar c = *p;

      if (c < 0x80)
        {
          if (c < 0x20)
            g_string_append (b, low_unicode_replacement_table[c]);
          else if (table[c] != NULL)
            g_string_append (b, table[c]);
          else
            g_string_append_c (b, c);
          p++;
          continue;
        }
      if (end - p >= 3 && memcmp (p, "\xe2\x80\xa8", 3) == 0)
        {
          g_string_append (b, "\\u2028");
          p += 3;
        }
      else if (end - p >= 3 && memcmp (p, "\xe2\x80\xa9", 3) == 0)
        {
          g_string_append (b, "\\u2029");
          p += 3;
        }
      else
        {
          gunichar r = g_utf8_get_char_validated (p, end - p);
          int w = (r == (gunichar) -1 || r == (gunichar) -2) ? 1 : g_utf8_skip[c];

          g_string_append_len (b, p, w);
          p += w;
        }
    }
}

static void
js_str_escaper (GString                 *out,
                const BylineGotmplValue *v)
{
  BylineGotmplContent t;
  g_autoptr(GString) s = byline_gotmpl_stringify (v, &t);

  js_replace (out, s, t == BYLINE_GOTMPL_JS_STR ? js_str_norm_replacement_table
                                                : js_str_replacement_table);
}

static void
js_tmpl_lit_escaper (GString                 *out,
                     const BylineGotmplValue *v)
{
  BylineGotmplContent t;
  g_autoptr(GString) s = byline_gotmpl_stringify (v, &t);

  js_replace (out, s, js_bq_str_replacement_table);
}

static void
js_regexp_escaper (GString                 *out,
                   const BylineGotmplValue *v)
{
  BylineGotmplContent t;
  g_autoptr(GString) s = byline_gotmpl_stringify (v, &t);
  gsize before = out->len;

  js_replace (out, s, js_regexp_replacement_table);
  if (out->len == before)
    g_string_append (out, "(?:)");
}

static gboolean
is_js_ident_part (gunichar r)
{
  return r == '$' || r == '_' || (r >= '0' && r <= '9') || (r >= 'A' && r <= 'Z') ||
         (r >= 'a' && r <= 'z');
}

static void
js_val_escaper (GString                 *out,
                const BylineGotmplValue *v)
{
  g_autoptr(GString) b = g_string_new (NULL);
  gboolean pad;

  if (v->kind == BYLINE_GOTMPL_STRING && v->content == BYLINE_GOTMPL_JS)
    {
      g_string_append_len (out, v->s, byline_gotmpl_string_length (v));
      return;
    }
  if (v->kind == BYLINE_GOTMPL_STRING && v->content == BYLINE_GOTMPL_JS_STR)
    {
      g_string_append_c (out, '"');
      g_string_append_len (out, v->s, byline_gotmpl_string_length (v));
      g_string_append_c (out, '"');
      return;
    }
  if (!byline_gotmpl_json_marshal (b, v, TRUE))
    {
      g_string_append_printf (out, " /* json: unsupported value of type %s */null ",
                              byline_gotmpl_value_type_name (v));
      return;
    }
  if (b->len == 0)
    {
      g_string_append (out, " null ");
      return;
    }
  pad = is_js_ident_part ((guchar) b->str[0]) || is_js_ident_part ((guchar) b->str[b->len - 1]);
  if (pad)
    g_string_append_c (out, ' ');
  /* json.Marshal already writes U+2028 and U+2029 as escapes. */
  g_string_append_len (out, b->str, b->len);
  if (pad)
    g_string_append_c (out, ' ');
}

/* css.go */

static ReplacementTable css_replacement_table = {
  [0] = "\\0", ['\t'] = "\\9", ['\n'] = "\\a", ['\f'] = "\\c", ['\r'] = "\\d", ['"'] = "\\22",
  ['&'] = "\\26", ['\''] = "\\27", ['('] = "\\28", [')'] = "\\29", ['+'] = "\\2b",
  ['/'] = "\\2f", [':'] = "\\3a", [';'] = "\\3b", ['<'] = "\\3c", ['>'] = "\\3e",
  ['\\'] = "\\\\", ['{'] = "\\7b", ['}'] = "\\7d",
};

static gboolean
is_css_space (char c)
{
  return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

static void
css_escaper (GString                 *out,
             const BylineGotmplValue *v)
{
  BylineGotmplContent t;
  g_autoptr(GString) s = byline_gotmpl_stringify (v, &t);

  for (gsize i = 0; i < s->len; i++)
    {
      guchar c = s->str[i];
      const char *repl = c < 0x80 ? css_replacement_table[c] : NULL;

      if (repl == NULL)
        {
          g_string_append_c (out, c);
          continue;
        }
      g_string_append (out, repl);
      /* A hex digit or space after an escape would be read as part of it. */
      if (strcmp (repl, "\\\\") != 0 &&
          (i + 1 == s->len || g_ascii_isxdigit (s->str[i + 1]) || is_css_space (s->str[i + 1])))
        g_string_append_c (out, ' ');
    }
}

static gboolean
is_css_nmchar_byte (guchar c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_';
}

static void
css_value_filter (GString                 *out,
                  const BylineGotmplValue *v)
{
  BylineGotmplContent t;
  g_autoptr(GString) s = byline_gotmpl_stringify (v, &t);
  g_autofree char *b = NULL;
  g_autoptr(GString) id = g_string_new (NULL);
  gsize len;

  if (t == BYLINE_GOTMPL_CSS)
    {
      g_string_append_len (out, s->str, s->len);
      return;
    }
  b = byline_gotmpl_decode_css (s->str, s->len, &len);
  for (gsize i = 0; i < len; i++)
    {
      guchar c = b[i];

      switch (c)
        {
        case 0: case '"': case '\'': case '(': case ')': case '/': case ';': case '@':
        case '[': case '\\': case ']': case '`': case '{': case '}': case '<': case '>':
          g_string_append (out, FILTER_FAILSAFE);
          return;
        case '-':
          /* "--" ends a comment in old browsers. */
          if (i != 0 && b[i - 1] == '-')
            {
              g_string_append (out, FILTER_FAILSAFE);
              return;
            }
          G_GNUC_FALLTHROUGH;
        default:
          if (c < 0x80 && is_css_nmchar_byte (c))
            g_string_append_c (id, g_ascii_tolower (c));
          break;
        }
    }
  if (strstr (id->str, "expression") != NULL || strstr (id->str, "mozbinding") != NULL)
    {
      g_string_append (out, FILTER_FAILSAFE);
      return;
    }
  g_string_append_len (out, b, len);
}

/* url.go */

static gboolean
is_safe_url (const char *s,
             gsize       len)
{
  const char *colon = memchr (s, ':', len);

  if (colon != NULL && memchr (s, '/', colon - s) == NULL)
    {
      gsize n = colon - s;

      if (!(n == 4 && g_ascii_strncasecmp (s, "http", 4) == 0) &&
          !(n == 5 && g_ascii_strncasecmp (s, "https", 5) == 0) &&
          !(n == 6 && g_ascii_strncasecmp (s, "mailto", 6) == 0))
        return FALSE;
    }
  return TRUE;
}

static void
url_filter (GString                 *out,
            const BylineGotmplValue *v)
{
  BylineGotmplContent t;
  g_autoptr(GString) s = byline_gotmpl_stringify (v, &t);

  if (t == BYLINE_GOTMPL_URL || is_safe_url (s->str, s->len))
    g_string_append_len (out, s->str, s->len);
  else
    g_string_append (out, "#" FILTER_FAILSAFE);
}

/* processURLOnto */
static void
process_url_onto (GString    *b,
                  const char *s,
                  gsize       len,
                  gboolean    norm)
{
  for (gsize i = 0; i < len; i++)
    {
      guchar c = s[i];

      switch (c)
        {
        case '!': case '#': case '$': case '&': case '*': case '+': case ',': case '/':
        case ':': case ';': case '=': case '?': case '@': case '[': case ']':
          if (norm)
            {
              g_string_append_c (b, c);
              continue;
            }
          break;
        case '-': case '.': case '_': case '~':
          g_string_append_c (b, c);
          continue;
        case '%':
          if (norm && i + 2 < len && g_ascii_isxdigit (s[i + 1]) && g_ascii_isxdigit (s[i + 2]))
            {
              g_string_append_c (b, c);
              continue;
            }
          break;
        default:
          if (g_ascii_isalnum (c))
            {
              g_string_append_c (b, c);
              continue;
            }
          break;
        }
      g_string_append_printf (b, "%%%02x", c);
    }
}

static void
url_processor (GString                 *out,
               const BylineGotmplValue *v,
               gboolean                 norm)
{
  BylineGotmplContent t;
  g_autoptr(GString) s = byline_gotmpl_stringify (v, &t);

  if (t == BYLINE_GOTMPL_URL)
    norm = TRUE;
  process_url_onto (out, s->str, s->len, norm);
}

static gboolean
is_html_space (guchar c)
{
  return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

static void
filter_srcset_element (GString    *b,
                       const char *s,
                       gsize       left,
                       gsize       right)
{
  gsize start = left, end = right;

  while (start < right && is_html_space (s[start]))
    start++;
  for (gsize i = start; i < right; i++)
    if (is_html_space (s[i]))
      {
        end = i;
        break;
      }
  if (is_safe_url (s + start, end - start))
    {
      gboolean metadata_ok = TRUE;

      for (gsize i = end; i < right; i++)
        if (!is_html_space (s[i]) && !((guchar) s[i] < 0x80 && g_ascii_isalnum (s[i])))
          {
            metadata_ok = FALSE;
            break;
          }
      if (metadata_ok)
        {
          g_string_append_len (b, s + left, start - left);
          process_url_onto (b, s + start, end - start, TRUE);
          g_string_append_len (b, s + end, right - end);
          return;
        }
    }
  g_string_append (b, "#" FILTER_FAILSAFE);
}

static void
srcset_escaper (GString                 *out,
                const BylineGotmplValue *v)
{
  BylineGotmplContent t;
  g_autoptr(GString) s = byline_gotmpl_stringify (v, &t);
  gsize len = s->len, written = 0;

  if (t == BYLINE_GOTMPL_SRCSET)
    {
      g_string_append_len (out, s->str, s->len);
      return;
    }
  if (t == BYLINE_GOTMPL_URL)
    {
      g_autoptr(GString) b = g_string_new (NULL);

      process_url_onto (b, s->str, len, TRUE);
      for (gsize i = 0; i < b->len; i++)
        if (b->str[i] == ',')
          g_string_append (out, "%2c");
        else
          g_string_append_c (out, b->str[i]);
      return;
    }
  for (gsize i = 0; i < len; i++)
    if (s->str[i] == ',')
      {
        filter_srcset_element (out, s->str, written, i);
        g_string_append_c (out, ',');
        written = i + 1;
      }
  filter_srcset_element (out, s->str, written, len);
}

/* text/template's escapers (funcs.go) */

void
byline_gotmpl_html_escape (GString    *out,
                           const char *s,
                           gsize       len)
{
  for (gsize i = 0; i < len; i++)
    switch (s[i])
      {
      case '\0':
        g_string_append (out, "\xef\xbf\xbd");
        break;
      case '"':
        g_string_append (out, "&#34;");
        break;
      case '\'':
        g_string_append (out, "&#39;");
        break;
      case '&':
        g_string_append (out, "&amp;");
        break;
      case '<':
        g_string_append (out, "&lt;");
        break;
      case '>':
        g_string_append (out, "&gt;");
        break;
      default:
        g_string_append_c (out, s[i]);
        break;
      }
}

void
byline_gotmpl_js_escape (GString    *out,
                         const char *s,
                         gsize       len)
{
  for (gsize i = 0; i < len;)
    {
      guchar c = s[i];

      if (c < 0x80)
        {
          switch (c)
            {
            case '\\': g_string_append (out, "\\\\"); break;
            case '\'': g_string_append (out, "\\'"); break;
            case '"': g_string_append (out, "\\\""); break;
            case '<': g_string_append (out, "\\u003C"); break;
            case '>': g_string_append (out, "\\u003E"); break;
            case '&': g_string_append (out, "\\u0026"); break;
            case '=': g_string_append (out, "\\u003D"); break;
            default:
              if (c < ' ')
                g_string_append_printf (out, "\\u00%02X", c);
              else
                g_string_append_c (out, c);
              break;
            }
          i++;
          continue;
        }
      {
        gunichar r = g_utf8_get_char_validated (s + i, len - i);
        int w = (r == (gunichar) -1 || r == (gunichar) -2) ? 1 : g_utf8_skip[c];

        if (r == (gunichar) -1 || r == (gunichar) -2)
          r = 0xfffd;
        if (g_unichar_isprint (r))
          g_string_append_len (out, s + i, w);
        else
          g_string_append_printf (out, "\\u%04X", r);
        i += w;
      }
    }
}

void
byline_gotmpl_query_escape (GString    *out,
                            const char *s,
                            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      guchar c = s[i];

      if (g_ascii_isalnum (c) || c == '-' || c == '_' || c == '.' || c == '~')
        g_string_append_c (out, c);
      else if (c == ' ')
        g_string_append_c (out, '+');
      else
        g_string_append_printf (out, "%%%02X", c);
    }
}

/* text/template's evalArgs: a single string as it is, else fmt.Sprint. */
static GString *
eval_args_string (const BylineGotmplValue *v)
{
  GString *s = g_string_new (NULL);

  byline_gotmpl_sprint (s, v, 1);
  return s;
}

/* Go's html.UnescapeString. */

static const gunichar windows_1252[32] = {
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
};

char *
byline_gotmpl_html_unescape (const char *s,
                             gsize       len,
                             gboolean    attribute)
{
  GString *b = g_string_sized_new (len);
  gsize src = 0;

  while (src < len)
    {
      const char *amp = memchr (s + src, '&', len - src);
      const char *e;
      gsize n, i = 1;

      if (amp == NULL)
        {
          g_string_append_len (b, s + src, len - src);
          break;
        }
      g_string_append_len (b, s + src, amp - (s + src));
      src = amp - s;
      e = s + src;
      n = len - src;
      if (n <= 1)
        {
          g_string_append_c (b, '&');
          src++;
          continue;
        }
      if (e[1] == '#')
        {
          gboolean hex = FALSE;
          gunichar x = 0;

          if (n <= 3)
            {
              g_string_append_c (b, '&');
              src++;
              continue;
            }
          i = 2;
          if (e[i] == 'x' || e[i] == 'X')
            {
              hex = TRUE;
              i++;
            }
          while (i < n)
            {
              char c = e[i++];

              if (hex && g_ascii_isxdigit (c))
                {
                  x = MIN (x * 16 + g_ascii_xdigit_value (c), 0x110000);
                  continue;
                }
              if (!hex && g_ascii_isdigit (c))
                {
                  x = MIN (x * 10 + (c - '0'), 0x110000);
                  continue;
                }
              if (c != ';')
                i--;
              break;
            }
          if (i <= 3)
            {
              g_string_append_c (b, '&');
              src++;
              continue;
            }
          if (x >= 0x80 && x <= 0x9f)
            x = windows_1252[x - 0x80];
          else if (x == 0 || (x >= 0xd800 && x <= 0xdfff) || x > 0x10ffff)
            x = 0xfffd;
          g_string_append_unichar (b, x);
          src += i;
          continue;
        }

      while (i < n)
        {
          char c = e[i++];

          if (g_ascii_isalnum (c))
            continue;
          if (c != ';')
            i--;
          break;
        }
      {
        const char *name = e + 1;
        gsize name_len = i - 1;
        const char *utf8;

        if (name_len == 0)
          ;
        else if (attribute && name[name_len - 1] != ';' && n > i && e[i] == '=')
          ;
        else if ((utf8 = byline_gotmpl_entity_lookup (name, name_len)) != NULL)
          {
            g_string_append (b, utf8);
            src += i;
            continue;
          }
        else if (!attribute)
          {
            gsize max_len = MIN (name_len - 1, 6);
            gboolean found = FALSE;

            for (gsize j = max_len; j > 1; j--)
              if ((utf8 = byline_gotmpl_entity_lookup (name, j)) != NULL)
                {
                  g_string_append (b, utf8);
                  src += j + 1;
                  found = TRUE;
                  break;
                }
            if (found)
              continue;
          }
        g_string_append_len (b, e, i);
        src += i;
      }
    }
  return g_string_free (b, FALSE);
}

/* encoding/json */

static void
json_string (GString    *out,
             const char *s,
             gsize       len,
             gboolean    escape_html)
{
  static const char hex[] = "0123456789abcdef";

  g_string_append_c (out, '"');
  for (gsize i = 0; i < len;)
    {
      guchar c = s[i];

      if (c < 0x80)
        {
          if (c >= 0x20 && c != '"' && c != '\\' &&
              !(escape_html && (c == '<' || c == '>' || c == '&')))
            g_string_append_c (out, c);
          else
            switch (c)
              {
              case '\\': g_string_append (out, "\\\\"); break;
              case '"': g_string_append (out, "\\\""); break;
              case '\b': g_string_append (out, "\\b"); break;
              case '\f': g_string_append (out, "\\f"); break;
              case '\n': g_string_append (out, "\\n"); break;
              case '\r': g_string_append (out, "\\r"); break;
              case '\t': g_string_append (out, "\\t"); break;
              default:
                g_string_append (out, "\\u00");
                g_string_append_c (out, hex[c >> 4]);
                g_string_append_c (out, hex[c & 0xf]);
                break;
              }
          i++;
          continue;
        }
      {
        gunichar r = g_utf8_get_char_validated (s + i, len - i);

        if (r == (gunichar) -1 || r == (gunichar) -2)
          {
            g_string_append (out, "\\ufffd");
            i++;
            continue;
          }
        if (r == 0x2028 || r == 0x2029)
          g_string_append_printf (out, "\\u%04x", r);
        else
          g_string_append_len (out, s + i, g_utf8_skip[c]);
        i += g_utf8_skip[c];
      }
    }
  g_string_append_c (out, '"');
}

gboolean
byline_gotmpl_json_marshal (GString                 *out,
                            const BylineGotmplValue *value,
                            gboolean                 escape_html)
{
  switch ((BylineGotmplKind) value->kind)
    {
    case BYLINE_GOTMPL_NIL:
      g_string_append (out, "null");
      return TRUE;
    case BYLINE_GOTMPL_BOOL:
      g_string_append (out, value->b ? "true" : "false");
      return TRUE;
    case BYLINE_GOTMPL_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, value->i);
      return TRUE;
    case BYLINE_GOTMPL_FLOAT:
      {
        double abs = fabs (value->f);
        char fmt = 'f';
        gsize start = out->len;

        if (isnan (value->f) || isinf (value->f))
          return FALSE;
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21))
          fmt = 'e';
        byline_gotmpl_format_float (out, value->f, fmt, -1);
        if (fmt == 'e')
          {
            gsize n = out->len - start;
            char *b = out->str + start;

            /* e-09 becomes e-9 */
            if (n >= 4 && b[n - 4] == 'e' && b[n - 3] == '-' && b[n - 2] == '0')
              {
                b[n - 2] = b[n - 1];
                g_string_truncate (out, out->len - 1);
              }
          }
        return TRUE;
      }
    case BYLINE_GOTMPL_STRING:
      json_string (out, value->s, byline_gotmpl_string_length (value), escape_html);
      return TRUE;
    case BYLINE_GOTMPL_LIST:
      g_string_append_c (out, '[');
      for (guint i = 0; i < byline_gotmpl_list_length (value->l); i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          if (!byline_gotmpl_json_marshal (out, byline_gotmpl_list_get (value->l, i), escape_html))
            return FALSE;
        }
      g_string_append_c (out, ']');
      return TRUE;
    case BYLINE_GOTMPL_MAP:
      g_string_append_c (out, '{');
      for (guint i = 0; i < byline_gotmpl_map_length (value->m); i++)
        {
          const char *key = byline_gotmpl_map_key_at (value->m, i);

          if (i > 0)
            g_string_append_c (out, ',');
          json_string (out, key, strlen (key), escape_html);
          g_string_append_c (out, ':');
          if (!byline_gotmpl_json_marshal (out, byline_gotmpl_map_value_at (value->m, i), escape_html))
            return FALSE;
        }
      g_string_append_c (out, '}');
      return TRUE;
    case BYLINE_GOTMPL_OBJECT:
      {
        /* Hugo's objects marshal through their own MarshalJSON or fields;
         * their printed form is the closest the preview has. */
        g_autoptr(GString) s = g_string_new (NULL);

        byline_gotmpl_value_print (value, s);
        json_string (out, s->str, s->len, escape_html);
        return TRUE;
      }
    }
  return FALSE;
}

/* Escaper chains */

static gboolean
redundant (BylineGotmplEscaper before,
           BylineGotmplEscaper after)
{
  switch (before)
    {
    case BYLINE_GOTMPL_ESC_COMMENT:
      return after == BYLINE_GOTMPL_ESC_ATTR || after == BYLINE_GOTMPL_ESC_HTML;
    case BYLINE_GOTMPL_ESC_CSS:
    case BYLINE_GOTMPL_ESC_JS_REGEXP:
    case BYLINE_GOTMPL_ESC_JS_STR:
    case BYLINE_GOTMPL_ESC_JS_TMPL_LIT:
      return after == BYLINE_GOTMPL_ESC_ATTR;
    case BYLINE_GOTMPL_ESC_URL_ESCAPER:
      return after == BYLINE_GOTMPL_ESC_URL_NORMALIZER;
    default:
      return FALSE;
    }
}

static void
apply (BylineGotmplEscaper      escaper,
       const BylineGotmplValue *v,
       GString                 *out)
{
  switch (escaper)
    {
    case BYLINE_GOTMPL_ESC_ATTR:
      attr_escaper (out, v);
      break;
    case BYLINE_GOTMPL_ESC_COMMENT:
      break;
    case BYLINE_GOTMPL_ESC_CSS:
      css_escaper (out, v);
      break;
    case BYLINE_GOTMPL_ESC_CSS_VALUE_FILTER:
      css_value_filter (out, v);
      break;
    case BYLINE_GOTMPL_ESC_HTML_NAME_FILTER:
      html_name_filter (out, v);
      break;
    case BYLINE_GOTMPL_ESC_HTML:
      html_escaper (out, v);
      break;
    case BYLINE_GOTMPL_ESC_JS_REGEXP:
      js_regexp_escaper (out, v);
      break;
    case BYLINE_GOTMPL_ESC_JS_STR:
      js_str_escaper (out, v);
      break;
    case BYLINE_GOTMPL_ESC_JS_TMPL_LIT:
      js_tmpl_lit_escaper (out, v);
      break;
    case BYLINE_GOTMPL_ESC_JS_VAL:
      js_val_escaper (out, v);
      break;
    case BYLINE_GOTMPL_ESC_NOSPACE:
      html_nospace_escaper (out, v);
      break;
    case BYLINE_GOTMPL_ESC_RCDATA:
      rcdata_escaper (out, v);
      break;
    case BYLINE_GOTMPL_ESC_SRCSET:
      srcset_escaper (out, v);
      break;
    case BYLINE_GOTMPL_ESC_URL_ESCAPER:
      url_processor (out, v, FALSE);
      break;
    case BYLINE_GOTMPL_ESC_URL_FILTER:
      url_filter (out, v);
      break;
    case BYLINE_GOTMPL_ESC_URL_NORMALIZER:
      url_processor (out, v, TRUE);
      break;
    case BYLINE_GOTMPL_ESC_HTML_BUILTIN:
      {
        g_autoptr(GString) s = eval_args_string (v);

        byline_gotmpl_html_escape (out, s->str, s->len);
      }
      break;
    case BYLINE_GOTMPL_ESC_URLQUERY_BUILTIN:
      {
        g_autoptr(GString) s = eval_args_string (v);

        byline_gotmpl_query_escape (out, s->str, s->len);
      }
      break;
    }
}

GString *
byline_gotmpl_escape_value (const BylineGotmplValue   *value,
                            const BylineGotmplEscaper *escapers,
                            guint                      n_escapers)
{
  g_auto(BylineGotmplValue) current = byline_gotmpl_value_copy (value);
  GString *out = NULL;
  gboolean have_last = FALSE;
  BylineGotmplEscaper last = 0;

  for (guint i = 0; i < n_escapers; i++)
    {
      if (have_last && redundant (last, escapers[i]))
        continue;
      if (out != NULL)
        {
          byline_gotmpl_value_clear (&current);
          current = byline_gotmpl_string_len (out->str, out->len);
          g_string_free (out, TRUE);
        }
      out = g_string_new (NULL);
      apply (escapers[i], &current, out);
      last = escapers[i];
      have_last = TRUE;
    }
  if (out == NULL)
    {
      /* No escaper (an attribute value in a meta content, …): printed as
       * text/template prints it. */
      out = g_string_new (NULL);
      if (value->kind != BYLINE_GOTMPL_NIL)
        byline_gotmpl_value_print (value, out);
    }
  return out;
}
