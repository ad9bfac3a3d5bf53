/* byline-gotmpl-funcs-transform.c — the transform namespace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo's tpl/transform (htmlEscape, htmlUnescape, markdownify through the
 * environment's Markdown, plainify, highlight as a plain code block,
 * transform.Unmarshal of JSON, YAML and TOML, xmlEscape).
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-funcs.h"

#include <string.h>

#include "byline-gotmpl-escape.h"
#include "byline-gotmpl-funcs-private.h"
#include "byline-gotmpl-objects-private.h"

/* Go's html.EscapeString: & ' < > " */
static void
html_escape_string (GString    *out,
                    const char *s)
{
  for (const char *p = s; *p != '\0'; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '\'': g_string_append (out, "&#39;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&#34;"); break;
      default: g_string_append_c (out, *p); break;
      }
}

static gboolean
fn_html_escape (BylineGotmplCall        *call,
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
  html_escape_string (out, s);
  *result = byline_gotmpl_string_take (out);
  return TRUE;
}

static gboolean
fn_html_unescape (BylineGotmplCall        *call,
                  const BylineGotmplValue *self,
                  const BylineGotmplValue *args,
                  guint                    n_args,
                  BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;

  if (!byline_gotmpl_to_string (call, &args[0], &s))
    return FALSE;
  *result = byline_gotmpl_string_own (byline_gotmpl_html_unescape (s, strlen (s), FALSE));
  return TRUE;
}

static gboolean
fn_xml_escape (BylineGotmplCall        *call,
               const BylineGotmplValue *self,
               const BylineGotmplValue *args,
               guint                    n_args,
               BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  GString *out;

  if (!byline_gotmpl_to_string (call, &args[0], &s))
    return FALSE;
  /* encoding/xml's EscapeText. */
  out = g_string_new (NULL);
  for (const char *p = s; *p != '\0'; p++)
    switch (*p)
      {
      case '"': g_string_append (out, "&#34;"); break;
      case '\'': g_string_append (out, "&#39;"); break;
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '\t': g_string_append (out, "&#x9;"); break;
      case '\n': g_string_append (out, "&#xA;"); break;
      case '\r': g_string_append (out, "&#xD;"); break;
      default: g_string_append_c (out, *p); break;
      }
  *result = byline_gotmpl_string_take (out);
  return TRUE;
}

static gboolean
fn_markdownify (BylineGotmplCall        *call,
                const BylineGotmplValue *self,
                const BylineGotmplValue *args,
                guint                    n_args,
                BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  char *html;

  if (!byline_gotmpl_to_string (call, &args[0], &s))
    return FALSE;
  html = byline_gotmpl_call_markdown (call, s, TRUE);
  if (html == NULL)
    return FALSE;
  *result = byline_gotmpl_safe (html, BYLINE_GOTMPL_HTML);
  g_free (html);
  return TRUE;
}

static gboolean
fn_plainify (BylineGotmplCall        *call,
             const BylineGotmplValue *self,
             const BylineGotmplValue *args,
             guint                    n_args,
             BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;

  if (!byline_gotmpl_to_string (call, &args[0], &s))
    return FALSE;
  *result = byline_gotmpl_string_own (byline_gotmpl_strip_html (s));
  return TRUE;
}

/* highlight: the code in Hugo's wrapper without Chroma's colours; the
 * preview's style sheet styles the block. */
static gboolean
fn_highlight (BylineGotmplCall        *call,
              const BylineGotmplValue *self,
              const BylineGotmplValue *args,
              guint                    n_args,
              BylineGotmplValue       *result)
{
  g_autofree char *code = NULL;
  g_autofree char *lang = NULL;
  GString *out;

  if (!byline_gotmpl_to_string (call, &args[0], &code))
    return FALSE;
  if (n_args > 1 && !byline_gotmpl_to_string (call, &args[1], &lang))
    return FALSE;
  out = g_string_new ("<div class=\"highlight\"><pre tabindex=\"0\" class=\"chroma\"><code");
  if (lang != NULL && lang[0] != '\0')
    {
      g_string_append (out, " class=\"language-");
      byline_gotmpl_html_escape (out, lang, strlen (lang));
      g_string_append (out, "\" data-lang=\"");
      byline_gotmpl_html_escape (out, lang, strlen (lang));
      g_string_append_c (out, '"');
    }
  g_string_append_c (out, '>');
  byline_gotmpl_html_escape (out, code, strlen (code));
  g_string_append (out, "</code></pre></div>");
  *result = byline_gotmpl_safe_take (out, BYLINE_GOTMPL_HTML);
  return TRUE;
}

static gboolean
fn_unmarshal (BylineGotmplCall        *call,
              const BylineGotmplValue *self,
              const BylineGotmplValue *args,
              guint                    n_args,
              BylineGotmplValue       *result)
{
  const BylineGotmplValue *data = &args[n_args - 1];
  g_autofree char *s = NULL;
  g_autoptr(GError) error = NULL;
  const char *p;

  if (n_args > 2)
    return byline_gotmpl_call_error (call, "unmarshal takes 1 or 2 arguments");
  if (n_args == 2)
    {
      const BylineGotmplValue *format = args[0].kind == BYLINE_GOTMPL_MAP
        ? byline_gotmpl_map_lookup (args[0].m, "format") : NULL;
      g_autofree char *f = format != NULL ? byline_gotmpl_value_to_string (format) : NULL;

      if (f != NULL && strcmp (f, "toml") == 0)
        {
          g_autofree char *text = NULL;

          if (!byline_gotmpl_to_string (call, data, &text))
            return FALSE;
          return byline_gotmpl_read_toml (call, text, result);
        }
      if (f != NULL && strcmp (f, "json") != 0 && strcmp (f, "yaml") != 0 && strcmp (f, "yml") != 0)
        {
          g_autofree char *what = g_strdup_printf ("unmarshal of %s", f);

          return byline_gotmpl_call_unsupported (call, what);
        }
    }
  if (data->kind == BYLINE_GOTMPL_OBJECT)
    return byline_gotmpl_call_unsupported (call, "unmarshal of a resource");
  if (!byline_gotmpl_to_string (call, data, &s))
    return FALSE;
  /* Hugo guesses the format from the content; the preview reads JSON,
   * YAML (which covers JSON's syntax) and TOML; CSV and XML are not read. */
  for (p = s; g_ascii_isspace (*p); p++)
    ;
  if (*p == '<')
    return byline_gotmpl_call_unsupported (call, "unmarshal of XML");
  if (!byline_gotmpl_call_step (call, strlen (s) / 64))
    return FALSE;
  if (!byline_gotmpl_parse_yaml (s, strlen (s), FALSE, result, &error))
    return byline_gotmpl_call_error (call, "failed to unmarshal: %s", error->message);
  /* Text that is neither YAML nor JSON data (TOML's "key = value", CSV)
   * reads as one scalar: say so rather than return it. */
  if (result->kind != BYLINE_GOTMPL_MAP && result->kind != BYLINE_GOTMPL_LIST &&
      strchr (s, '=') != NULL)
    {
      byline_gotmpl_value_clear (result);
      return byline_gotmpl_read_toml (call, s, result);
    }
  return TRUE;
}

static const BylineGotmplMethod transform_methods[] = {
  { "HTMLEscape", fn_html_escape, 1, 1 },
  { "HTMLUnescape", fn_html_unescape, 1, 1 },
  { "Highlight", fn_highlight, 1, 3 },
  { "Markdownify", fn_markdownify, 1, 1 },
  { "Plainify", fn_plainify, 1, 1 },
  { "Remarshal", byline_gotmpl_fn_remarshal, 2, 2 },
  { "Unmarshal", fn_unmarshal, 1, 2 },
  { "XMLEscape", fn_xml_escape, 1, 1 },
};

static const BylineGotmplClass transform_class = {
  .type_name = "*transform.Namespace",
  .methods = transform_methods,
  .n_methods = G_N_ELEMENTS (transform_methods),
};

static gboolean
fn_transform (BylineGotmplCall        *call,
              const BylineGotmplValue *self,
              const BylineGotmplValue *args,
              guint                    n_args,
              BylineGotmplValue       *result)
{
  *result = byline_gotmpl_namespace_value (&transform_class);
  return TRUE;
}

static const BylineGotmplMethod methods[] = {
  { "highlight", fn_highlight, 1, 3 },
  { "htmlEscape", fn_html_escape, 1, 1 },
  { "htmlUnescape", fn_html_unescape, 1, 1 },
  { "markdownify", fn_markdownify, 1, 1 },
  { "plainify", fn_plainify, 1, 1 },
  { "transform", fn_transform, 0, -1 },
  { "unmarshal", fn_unmarshal, 1, 2 },
};

const BylineGotmplFuncTable byline_gotmpl_funcs_transform = { methods, G_N_ELEMENTS (methods) };
