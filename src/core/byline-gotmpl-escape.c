/* byline-gotmpl-escape.c — html/template's contexts and their transitions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * transition.go, the context part of escape.go (escapeText, escapeAction,
 * nudge, contextAfterText) and attr.go, ported from Hugo's copy of Go's html/template. Function names follow Go's
 * so that the two can be read side by side.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-escape.h"
#include "byline-gotmpl-escape-private.h"

#include <string.h>


void
byline_gotmpl_context_init (BylineGotmplContext *ctx)
{
  memset (ctx, 0, sizeof *ctx);
}

static const char * const state_names[] = {
  "stateText", "stateTag", "stateAttrName", "stateAfterName", "stateBeforeValue",
  "stateHTMLCmt", "stateRCDATA", "stateAttr", "stateURL", "stateSrcset", "stateJS",
  "stateJSDqStr", "stateJSSqStr", "stateJSTmplLit", "stateJSRegexp", "stateJSBlockCmt",
  "stateJSLineCmt", "stateJSHTMLOpenCmt", "stateJSHTMLCloseCmt", "stateCSS", "stateCSSDqStr",
  "stateCSSSqStr", "stateCSSDqURL", "stateCSSSqURL", "stateCSSURL", "stateCSSBlockCmt",
  "stateCSSLineCmt", "stateError", "stateMetaContent", "stateMetaContentURL",
};

char *
byline_gotmpl_context_describe (const BylineGotmplContext *c)
{
  static const char * const delims[] = {
    "delimNone", "delimDoubleQuote", "delimSingleQuote", "delimSpaceOrTagEnd",
  };
  static const char * const url_parts[] = {
    "urlPartNone", "urlPartPreQuery", "urlPartQueryOrFrag", "urlPartUnknown",
  };
  static const char * const js_ctxs[] = { "jsCtxRegexp", "jsCtxDivOp", "jsCtxUnknown" };
  static const char * const attrs[] = {
    "attrNone", "attrScript", "attrScriptType", "attrStyle", "attrURL", "attrSrcset",
    "attrMetaContent",
  };
  static const char * const elements[] = {
    "elementNone", "elementScript", "elementStyle", "elementTextarea", "elementTitle",
    "elementMeta",
  };
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "{%s %s %s %s [", state_names[c->state], delims[c->delim],
                          url_parts[c->url_part], js_ctxs[c->js_ctx]);
  for (guint i = 0; i < c->n_braces; i++)
    g_string_append_printf (s, i > 0 ? " %d" : "%d", c->braces[i]);
  g_string_append_printf (s, "] %s %s <nil>}", attrs[c->attr], elements[c->element]);
  return g_string_free (s, FALSE);
}

static gboolean
is_comment (guint8 state)
{
  switch (state)
    {
    case S (HTML_CMT):
    case S (JS_BLOCK_CMT):
    case S (JS_LINE_CMT):
    case S (JS_HTML_OPEN_CMT):
    case S (JS_HTML_CLOSE_CMT):
    case S (CSS_BLOCK_CMT):
    case S (CSS_LINE_CMT):
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_in_tag (guint8 state)
{
  switch (state)
    {
    case S (TAG):
    case S (ATTR_NAME):
    case S (AFTER_NAME):
    case S (BEFORE_VALUE):
    case S (ATTR):
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_in_script_literal (guint8 state)
{
  switch (state)
    {
    case S (JS_DQ_STR):
    case S (JS_SQ_STR):
    case S (JS_TMPL_LIT):
    case S (JS_REGEXP):
      return TRUE;
    default:
      return FALSE;
    }
}

/* A fresh context, as Go's context{…} literals make them. */
static Ctx
ctx_new (guint8 state,
         guint8 element)
{
  Ctx c;

  byline_gotmpl_context_init (&c);
  c.state = state;
  c.element = element;
  return c;
}

gsize
byline_gotmpl_escape_set_error (Ctx        *c,
                                char      **error,
                                gsize       consumed,
                                char       *message)
{
  *c = ctx_new (S (ERROR), ELEMENT_NONE);
  if (*error == NULL)
    *error = message;
  else
    g_free (message);
  return consumed;
}

char *
byline_gotmpl_escape_quote (const char *s,
                            gsize       len,
                            gssize      max_runes)
{
  GString *q = g_string_new (NULL);

  byline_gotmpl_quote (q, s, len, max_runes);
  return g_string_free (q, FALSE);
}

/* attr.go */

typedef enum
{
  CONTENT_PLAIN,
  CONTENT_CSS,
  CONTENT_HTML,
  CONTENT_HTML_ATTR,
  CONTENT_JS,
  CONTENT_JS_STR,
  CONTENT_URL,
  CONTENT_SRCSET,
  CONTENT_UNSAFE,
} ContentType;

static const struct { const char *name; guint8 type; } attr_types[] = {
  { "accept", CONTENT_PLAIN }, { "accept-charset", CONTENT_UNSAFE }, { "action", CONTENT_URL },
  { "alt", CONTENT_PLAIN }, { "archive", CONTENT_URL }, { "async", CONTENT_UNSAFE },
  { "autocomplete", CONTENT_PLAIN }, { "autofocus", CONTENT_PLAIN },
  { "autoplay", CONTENT_PLAIN }, { "background", CONTENT_URL }, { "border", CONTENT_PLAIN },
  { "challenge", CONTENT_UNSAFE }, { "charset", CONTENT_UNSAFE }, { "checked", CONTENT_PLAIN },
  { "cite", CONTENT_URL }, { "class", CONTENT_PLAIN }, { "classid", CONTENT_URL },
  { "codebase", CONTENT_URL }, { "cols", CONTENT_PLAIN }, { "colspan", CONTENT_PLAIN },
  { "content", CONTENT_UNSAFE }, { "contenteditable", CONTENT_PLAIN },
  { "contextmenu", CONTENT_PLAIN }, { "controls", CONTENT_PLAIN }, { "coords", CONTENT_PLAIN },
  { "crossorigin", CONTENT_UNSAFE }, { "data", CONTENT_URL }, { "datetime", CONTENT_PLAIN },
  { "default", CONTENT_PLAIN }, { "defer", CONTENT_UNSAFE }, { "dir", CONTENT_PLAIN },
  { "dirname", CONTENT_PLAIN }, { "disabled", CONTENT_PLAIN }, { "draggable", CONTENT_PLAIN },
  { "dropzone", CONTENT_PLAIN }, { "enctype", CONTENT_UNSAFE }, { "for", CONTENT_PLAIN },
  { "form", CONTENT_UNSAFE }, { "formaction", CONTENT_URL }, { "formenctype", CONTENT_UNSAFE },
  { "formmethod", CONTENT_UNSAFE }, { "formnovalidate", CONTENT_UNSAFE },
  { "formtarget", CONTENT_PLAIN }, { "headers", CONTENT_PLAIN }, { "height", CONTENT_PLAIN },
  { "hidden", CONTENT_PLAIN }, { "high", CONTENT_PLAIN }, { "href", CONTENT_URL },
  { "hreflang", CONTENT_PLAIN }, { "http-equiv", CONTENT_UNSAFE }, { "icon", CONTENT_URL },
  { "id", CONTENT_PLAIN }, { "ismap", CONTENT_PLAIN }, { "keytype", CONTENT_UNSAFE },
  { "kind", CONTENT_PLAIN }, { "label", CONTENT_PLAIN }, { "lang", CONTENT_PLAIN },
  { "language", CONTENT_UNSAFE }, { "list", CONTENT_PLAIN }, { "longdesc", CONTENT_URL },
  { "loop", CONTENT_PLAIN }, { "low", CONTENT_PLAIN }, { "manifest", CONTENT_URL },
  { "max", CONTENT_PLAIN }, { "maxlength", CONTENT_PLAIN }, { "media", CONTENT_PLAIN },
  { "mediagroup", CONTENT_PLAIN }, { "method", CONTENT_UNSAFE }, { "min", CONTENT_PLAIN },
  { "multiple", CONTENT_PLAIN }, { "name", CONTENT_PLAIN }, { "novalidate", CONTENT_UNSAFE },
  { "open", CONTENT_PLAIN }, { "optimum", CONTENT_PLAIN }, { "pattern", CONTENT_UNSAFE },
  { "placeholder", CONTENT_PLAIN }, { "poster", CONTENT_URL }, { "preload", CONTENT_PLAIN },
  { "profile", CONTENT_URL }, { "pubdate", CONTENT_PLAIN }, { "radiogroup", CONTENT_PLAIN },
  { "readonly", CONTENT_PLAIN }, { "rel", CONTENT_UNSAFE }, { "required", CONTENT_PLAIN },
  { "reversed", CONTENT_PLAIN }, { "rows", CONTENT_PLAIN }, { "rowspan", CONTENT_PLAIN },
  { "sandbox", CONTENT_UNSAFE }, { "scope", CONTENT_PLAIN }, { "scoped", CONTENT_PLAIN },
  { "seamless", CONTENT_PLAIN }, { "selected", CONTENT_PLAIN }, { "shape", CONTENT_PLAIN },
  { "size", CONTENT_PLAIN }, { "sizes", CONTENT_PLAIN }, { "span", CONTENT_PLAIN },
  { "spellcheck", CONTENT_PLAIN }, { "src", CONTENT_URL }, { "srcdoc", CONTENT_HTML },
  { "srclang", CONTENT_PLAIN }, { "srcset", CONTENT_SRCSET }, { "start", CONTENT_PLAIN },
  { "step", CONTENT_PLAIN }, { "style", CONTENT_CSS }, { "tabindex", CONTENT_PLAIN },
  { "target", CONTENT_PLAIN }, { "title", CONTENT_PLAIN }, { "type", CONTENT_UNSAFE },
  { "usemap", CONTENT_URL }, { "value", CONTENT_UNSAFE }, { "width", CONTENT_PLAIN },
  { "wrap", CONTENT_PLAIN }, { "xmlns", CONTENT_URL },
};

static int
attr_type_compare (const void *key,
                   const void *item)
{
  const char *name = key;

  return strcmp (name, ((const typeof (attr_types[0]) *) item)->name);
}

/* attrType: the content type of an attribute's value (name lower-cased). */
static ContentType
attr_type (const char *name)
{
  const typeof (attr_types[0]) *found;
  const char *colon;

  if (g_str_has_prefix (name, "data-"))
    name += 5;
  else if ((colon = strchr (name, ':')) != NULL)
    {
      if (colon - name == 5 && strncmp (name, "xmlns", 5) == 0)
        return CONTENT_URL;
      name = colon + 1;
    }
  found = bsearch (name, attr_types, G_N_ELEMENTS (attr_types), sizeof attr_types[0],
                   attr_type_compare);
  if (found != NULL)
    return found->type;
  if (g_str_has_prefix (name, "on"))
    return CONTENT_JS;
  if (strstr (name, "src") != NULL || strstr (name, "uri") != NULL || strstr (name, "url") != NULL)
    return CONTENT_URL;
  return CONTENT_PLAIN;
}

gboolean
byline_gotmpl_attr_is_plain (const char *lower_name)
{
  return attr_type (lower_name) == CONTENT_PLAIN;
}

/* transition.go helpers */

static gsize
eat_white_space (const char *s,
                 gsize       len,
                 gsize       i)
{
  for (gsize j = i; j < len; j++)
    switch (s[j])
      {
      case ' ':
      case '\t':
      case '\n':
      case '\f':
      case '\r':
        break;
      default:
        return j;
      }
  return len;
}

static gboolean
ascii_alpha (char c)
{
  return g_ascii_isalpha (c);
}

static gboolean
ascii_alnum (char c)
{
  return g_ascii_isalnum (c);
}

static gsize
eat_tag_name (const char *s,
              gsize       len,
              gsize       i,
              guint8     *element)
{
  gsize j;

  *element = ELEMENT_NONE;
  if (i == len || !ascii_alpha (s[i]))
    return i;
  j = i + 1;
  while (j < len)
    {
      char x = s[j];

      if (ascii_alnum (x))
        {
          j++;
          continue;
        }
      if ((x == ':' || x == '-') && j + 1 < len && ascii_alnum (s[j + 1]))
        {
          j += 2;
          continue;
        }
      break;
    }
  {
    g_autofree char *name = g_ascii_strdown (s + i, j - i);

    if (strcmp (name, "script") == 0)
      *element = ELEMENT_SCRIPT;
    else if (strcmp (name, "style") == 0)
      *element = ELEMENT_STYLE;
    else if (strcmp (name, "textarea") == 0)
      *element = ELEMENT_TEXTAREA;
    else if (strcmp (name, "title") == 0)
      *element = ELEMENT_TITLE;
    else if (strcmp (name, "meta") == 0)
      *element = ELEMENT_META;
  }
  return j;
}

/* eatAttrName: -1 with @error set on a quote or < in the name. */
static gssize
eat_attr_name (const char *s,
               gsize       len,
               gsize       i,
               char      **error)
{
  for (gsize j = i; j < len; j++)
    switch (s[j])
      {
      case ' ':
      case '\t':
      case '\n':
      case '\f':
      case '\r':
      case '=':
      case '>':
        return j;
      case '\'':
      case '"':
      case '<':
        {
          g_autofree char *a = byline_gotmpl_escape_quote (s + j, 1, -1);
          g_autofree char *b = byline_gotmpl_escape_quote (s, len, 32);

          *error = g_strdup_printf ("%s in attribute name: %s", a, b);
          return -1;
        }
      default:
        break;
      }
  return len;
}

const char *
byline_gotmpl_find_any (const char *s,
                        gsize       len,
                        const char *chars)
{
  for (gsize i = 0; i < len; i++)
    if (s[i] != '\0' && strchr (chars, s[i]) != NULL)
      return s + i;
  return NULL;
}

const char *
byline_gotmpl_find_str (const char *s,
                        gsize       len,
                        const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (s + i, needle, n) == 0)
      return s + i;
  return NULL;
}

static const guint8 element_content_type[] = {
  [ELEMENT_NONE] = S (TEXT),
  [ELEMENT_SCRIPT] = S (JS),
  [ELEMENT_STYLE] = S (CSS),
  [ELEMENT_TEXTAREA] = S (RCDATA),
  [ELEMENT_TITLE] = S (RCDATA),
  [ELEMENT_META] = S (TEXT),
};

static const guint8 attr_start_states[] = {
  [ATTR_NONE] = S (ATTR),
  [ATTR_SCRIPT] = S (JS),
  [ATTR_SCRIPT_TYPE] = S (ATTR),
  [ATTR_STYLE] = S (CSS),
  [ATTR_URL] = S (URL),
  [ATTR_SRCSET] = S (SRCSET),
  [ATTR_META_CONTENT] = S (META_CONTENT),
};

/* Transitions: each takes the context and text, consumes a prefix and
 * returns its length, leaving the new context in @c. */

static gsize
t_text (Ctx        *c,
        const char *s,
        gsize       len,
        char      **error)
{
  gsize k = 0;

  for (;;)
    {
      const char *lt = k < len ? memchr (s + k, '<', len - k) : NULL;
      gsize i, j;
      gboolean end = FALSE;
      guint8 element;

      if (lt == NULL || (gsize) (lt - s) + 1 == len)
        return len;
      i = lt - s;
      if (i + 4 <= len && memcmp (s + i, "<!--", 4) == 0)
        {
          *c = ctx_new (S (HTML_CMT), ELEMENT_NONE);
          return i + 4;
        }
      i++;
      if (s[i] == '/')
        {
          if (i + 1 == len)
            return len;
          end = TRUE;
          i++;
        }
      j = eat_tag_name (s, len, i, &element);
      if (j != i)
        {
          *c = ctx_new (S (TAG), end ? ELEMENT_NONE : element);
          return j;
        }
      k = j;
    }
}

static gsize
t_tag (Ctx        *c,
       const char *s,
       gsize       len,
       char      **error)
{
  gsize i = eat_white_space (s, len, 0);
  gssize j;
  guint8 attr = ATTR_NONE, element = c->element;
  g_autofree char *name = NULL;
  char *err = NULL;

  if (i == len)
    return len;
  if (s[i] == '>')
    {
      if (element == ELEMENT_META)
        *c = ctx_new (S (TEXT), ELEMENT_NONE);
      else
        *c = ctx_new (element_content_type[element], element);
      return i + 1;
    }
  j = eat_attr_name (s, len, i, &err);
  if (j < 0)
    return byline_gotmpl_escape_set_error (c, error, len, err);
  if ((gsize) j == i)
    {
      g_autofree char *q = byline_gotmpl_escape_quote (s + i, len - i, -1);

      return byline_gotmpl_escape_set_error (c, error, len,
                        g_strdup_printf ("expected space, attr name, or end of tag, but got %s", q));
    }

  name = g_ascii_strdown (s + i, j - i);
  if (element == ELEMENT_SCRIPT && strcmp (name, "type") == 0)
    attr = ATTR_SCRIPT_TYPE;
  else if (element == ELEMENT_META && strcmp (name, "content") == 0)
    attr = ATTR_META_CONTENT;
  else
    switch (attr_type (name))
      {
      case CONTENT_URL:
        attr = ATTR_URL;
        break;
      case CONTENT_CSS:
        attr = ATTR_STYLE;
        break;
      case CONTENT_JS:
        attr = ATTR_SCRIPT;
        break;
      case CONTENT_SRCSET:
        attr = ATTR_SRCSET;
        break;
      default:
        break;
      }
  *c = ctx_new ((gsize) j == len ? S (ATTR_NAME) : S (AFTER_NAME), element);
  c->attr = attr;
  return j;
}

static gsize
t_attr_name (Ctx        *c,
             const char *s,
             gsize       len,
             char      **error)
{
  char *err = NULL;
  gssize i = eat_attr_name (s, len, 0, &err);

  if (i < 0)
    return byline_gotmpl_escape_set_error (c, error, len, err);
  if ((gsize) i != len)
    c->state = S (AFTER_NAME);
  return i;
}

static gsize
t_after_name (Ctx        *c,
              const char *s,
              gsize       len,
              char      **error)
{
  gsize i = eat_white_space (s, len, 0);

  if (i == len)
    return len;
  if (s[i] != '=')
    {
      /* An attribute with no value: "<input checked>". */
      c->state = S (TAG);
      return i;
    }
  c->state = S (BEFORE_VALUE);
  return i + 1;
}

static gsize
t_before_value (Ctx        *c,
                const char *s,
                gsize       len,
                char      **error)
{
  gsize i = eat_white_space (s, len, 0);
  guint8 delim = BYLINE_GOTMPL_DELIM_SPACE_OR_TAG_END;

  if (i == len)
    return len;
  if (s[i] == '\'')
    {
      delim = BYLINE_GOTMPL_DELIM_SINGLE_QUOTE;
      i++;
    }
  else if (s[i] == '"')
    {
      delim = BYLINE_GOTMPL_DELIM_DOUBLE_QUOTE;
      i++;
    }
  c->state = attr_start_states[c->attr];
  c->delim = delim;
  return i;
}

static gsize
t_html_cmt (Ctx        *c,
            const char *s,
            gsize       len,
            char      **error)
{
  const char *end = byline_gotmpl_find_str (s, len, "-->");

  if (end != NULL)
    {
      *c = ctx_new (S (TEXT), ELEMENT_NONE);
      return end - s + 3;
    }
  return len;
}

/* indexTagEnd: where "</tag" followed by a separator starts, or -1. */
static gssize
index_tag_end (const char *s,
               gsize       len,
               const char *tag)
{
  gsize tag_len = strlen (tag);
  gsize res = 0;

  while (len > 0)
    {
      const char *found = byline_gotmpl_find_str (s, len, "</");
      gsize i;

      if (found == NULL)
        return -1;
      i = found - s;
      s += i + 2;
      len -= i + 2;
      if (tag_len <= len && g_ascii_strncasecmp (s, tag, tag_len) == 0)
        {
          s += tag_len;
          len -= tag_len;
          if (len > 0 && strchr ("> \t\n\f/", s[0]) != NULL && s[0] != '\0')
            return res + i;
          res += tag_len;
        }
      res += i + 2;
    }
  return -1;
}

static gsize
t_special_tag_end (Ctx        *c,
                   const char *s,
                   gsize       len,
                   char      **error)
{
  static const char * const markers[] = {
    [ELEMENT_SCRIPT] = "script",
    [ELEMENT_STYLE] = "style",
    [ELEMENT_TEXTAREA] = "textarea",
    [ELEMENT_TITLE] = "title",
    [ELEMENT_META] = "",
  };

  if (c->element != ELEMENT_NONE)
    {
      gssize i;

      /* A script literal or comment may hold "</script" text. */
      if (c->element == ELEMENT_SCRIPT &&
          (is_in_script_literal (c->state) || is_comment (c->state)))
        return len;
      i = index_tag_end (s, len, markers[c->element]);
      if (i != -1)
        {
          *c = ctx_new (S (TEXT), ELEMENT_NONE);
          return i;
        }
    }
  return len;
}

static gsize
t_attr (Ctx        *c,
        const char *s,
        gsize       len,
        char      **error)
{
  return len;
}

gsize
byline_gotmpl_t_url (Ctx        *c,
                     const char *s,
                     gsize       len,
                     char      **error)
{
  if (byline_gotmpl_find_any (s, len, "#?") != NULL)
    c->url_part = URL_PART_QUERY_OR_FRAG;
  else if (len != eat_white_space (s, len, 0) && c->url_part == URL_PART_NONE)
    c->url_part = URL_PART_PRE_QUERY;
  return len;
}

static gsize
t_error (Ctx        *c,
         const char *s,
         gsize       len,
         char      **error)
{
  return len;
}

static gsize
t_meta_content (Ctx        *c,
                const char *s,
                gsize       len,
                char      **error)
{
  for (gsize i = 0; i < len; i++)
    if (i + 3 <= len - 1 && g_ascii_strncasecmp (s + i, "url", 3) == 0)
      {
        gsize j = eat_white_space (s, len, i + 3);

        if (j < len && s[j] == '=')
          {
            c->state = S (META_CONTENT_URL);
            return j + 1;
          }
      }
  return len;
}

static gsize
t_meta_content_url (Ctx        *c,
                    const char *s,
                    gsize       len,
                    char      **error)
{
  for (gsize i = 0; i < len; i++)
    if (s[i] == ';')
      {
        c->state = S (META_CONTENT);
        return i + 1;
      }
  return len;
}

typedef gsize (*TransitionFunc) (Ctx *c, const char *s, gsize len, char **error);

static const TransitionFunc transition_func[] = {
  [S (TEXT)] = t_text,
  [S (TAG)] = t_tag,
  [S (ATTR_NAME)] = t_attr_name,
  [S (AFTER_NAME)] = t_after_name,
  [S (BEFORE_VALUE)] = t_before_value,
  [S (HTML_CMT)] = t_html_cmt,
  [S (RCDATA)] = t_special_tag_end,
  [S (ATTR)] = t_attr,
  [S (URL)] = byline_gotmpl_t_url,
  [S (SRCSET)] = byline_gotmpl_t_url,
  [S (JS)] = byline_gotmpl_t_js,
  [S (JS_DQ_STR)] = byline_gotmpl_t_js_delimited,
  [S (JS_SQ_STR)] = byline_gotmpl_t_js_delimited,
  [S (JS_TMPL_LIT)] = byline_gotmpl_t_js_tmpl,
  [S (JS_REGEXP)] = byline_gotmpl_t_js_delimited,
  [S (JS_BLOCK_CMT)] = byline_gotmpl_t_block_cmt,
  [S (JS_LINE_CMT)] = byline_gotmpl_t_line_cmt,
  [S (JS_HTML_OPEN_CMT)] = byline_gotmpl_t_line_cmt,
  [S (JS_HTML_CLOSE_CMT)] = byline_gotmpl_t_line_cmt,
  [S (CSS)] = byline_gotmpl_t_css,
  [S (CSS_DQ_STR)] = byline_gotmpl_t_css_str,
  [S (CSS_SQ_STR)] = byline_gotmpl_t_css_str,
  [S (CSS_DQ_URL)] = byline_gotmpl_t_css_str,
  [S (CSS_SQ_URL)] = byline_gotmpl_t_css_str,
  [S (CSS_URL)] = byline_gotmpl_t_css_str,
  [S (CSS_BLOCK_CMT)] = byline_gotmpl_t_block_cmt,
  [S (CSS_LINE_CMT)] = byline_gotmpl_t_line_cmt,
  [S (ERROR)] = t_error,
  [S (META_CONTENT)] = t_meta_content,
  [S (META_CONTENT_URL)] = t_meta_content_url,
};

static gboolean
is_js_type (const char *s,
            gsize       len)
{
  static const char * const types[] = {
    "", "application/ecmascript", "application/javascript", "application/json",
    "application/ld+json", "application/x-ecmascript", "application/x-javascript", "module",
    "text/ecmascript", "text/javascript", "text/javascript1.0", "text/javascript1.1",
    "text/javascript1.2", "text/javascript1.3", "text/javascript1.4", "text/javascript1.5",
    "text/jscript", "text/livescript", "text/x-ecmascript", "text/x-javascript",
  };
  const char *semi = memchr (s, ';', len);
  g_autofree char *t = g_ascii_strdown (s, semi != NULL ? (gsize) (semi - s) : len);

  g_strstrip (t);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (strcmp (t, types[i]) == 0)
      return TRUE;
  return FALSE;
}

/* contextAfterText */
static gsize
context_after_text (Ctx        *c,
                    const char *s,
                    gsize       len,
                    char      **error)
{
  static const char * const delim_ends[] = {
    [BYLINE_GOTMPL_DELIM_DOUBLE_QUOTE] = "\"",
    [BYLINE_GOTMPL_DELIM_SINGLE_QUOTE] = "'",
    [BYLINE_GOTMPL_DELIM_SPACE_OR_TAG_END] = " \t\n\f\r>",
  };
  const char *found;
  gsize i;
  guint8 element;

  if (c->delim == BYLINE_GOTMPL_DELIM_NONE)
    {
      Ctx c1 = *c;
      gsize end = t_special_tag_end (&c1, s, len, error);

      if (end == 0)
        {
          *c = c1;
          return 0;
        }
      return transition_func[c->state] (c, s, end, error);
    }

  /* At the start of an attribute value. */
  found = byline_gotmpl_find_any (s, len, delim_ends[c->delim]);
  i = found != NULL ? (gsize) (found - s) : len;
  if (c->delim == BYLINE_GOTMPL_DELIM_SPACE_OR_TAG_END)
    {
      const char *bad = byline_gotmpl_find_any (s, i, "\"'<=`");

      if (bad != NULL)
        {
          g_autofree char *a = byline_gotmpl_escape_quote (bad, 1, -1);
          g_autofree char *b = byline_gotmpl_escape_quote (s, i, -1);

          return byline_gotmpl_escape_set_error (c, error, len, g_strdup_printf ("%s in unquoted attr: %s", a, b));
        }
    }
  if (i == len)
    {
      /* Decode the value so that the other rules can handle
       * <button onclick="alert(&quot;Hi!&quot;)">. */
      g_autofree char *u = byline_gotmpl_html_unescape (s, len, FALSE);
      gsize ulen = strlen (u), pos = 0;

      while (pos < ulen)
        {
          gsize n = transition_func[c->state] (c, u + pos, ulen - pos, error);

          /* Transitions always consume something inside an attribute. */
          pos += MAX (n, 1);
        }
      return len;
    }

  element = c->element;
  if (c->state == S (ATTR) && c->element == ELEMENT_SCRIPT && c->attr == ATTR_SCRIPT_TYPE &&
      !is_js_type (s, i))
    element = ELEMENT_NONE;
  if (c->delim != BYLINE_GOTMPL_DELIM_SPACE_OR_TAG_END)
    i++;
  *c = ctx_new (S (TAG), element);
  return i;
}

/* (?i)<(script|/script|!--) in a script literal becomes \x3C…. */
static gboolean
special_script_tag_at (const char *s,
                       gsize       len,
                       gsize      *n)
{
  if (len >= 7 && g_ascii_strncasecmp (s, "<script", 7) == 0)
    *n = 7;
  else if (len >= 8 && g_ascii_strncasecmp (s, "</script", 8) == 0)
    *n = 8;
  else if (len >= 4 && memcmp (s, "<!--", 4) == 0)
    *n = 4;
  else
    return FALSE;
  return TRUE;
}

static gboolean
contains_special_script_tag (const char *s,
                             gsize       len)
{
  gsize n;

  for (gsize i = 0; i < len; i++)
    if (s[i] == '<' && special_script_tag_at (s + i, len - i, &n))
      return TRUE;
  return FALSE;
}

static void
escape_special_script_tags (GString    *b,
                            const char *s,
                            gsize       len)
{
  gsize n;

  for (gsize i = 0; i < len; i++)
    if (s[i] == '<' && special_script_tag_at (s + i, len - i, &n))
      {
        g_string_append (b, "\\x3C");
        g_string_append_len (b, s + i + 1, n - 1);
        i += n - 1;
      }
    else
      g_string_append_c (b, s[i]);
}

/* escapeText */
void
byline_gotmpl_escape_text (BylineGotmplContext  *ctx,
                           const char           *s,
                           gsize                 len,
                           GString              *out,
                           char                **error)
{
  Ctx c = *ctx;
  gsize written = 0, i = 0;
  GString *b = g_string_new (NULL);
  guint guard = 0;

  *error = NULL;
  while (i != len)
    {
      Ctx c1 = c;
      gsize nread = context_after_text (&c1, s + i, len - i, error);
      gsize i1 = i + nread;

      if (c.state == S (TEXT) || c.state == S (RCDATA))
        {
          gsize end = i1;

          if (c1.state != c.state)
            for (gsize j = end; j > i; j--)
              if (s[j - 1] == '<')
                {
                  end = j - 1;
                  break;
                }
          for (gsize j = i; j < end; j++)
            if (s[j] == '<' && !(len - j >= 9 && g_ascii_strncasecmp (s + j, "<!DOCTYPE", 9) == 0))
              {
                g_string_append_len (b, s + written, j - written);
                g_string_append (b, "&lt;");
                written = j + 1;
              }
        }
      else if (is_comment (c.state) && c.delim == BYLINE_GOTMPL_DELIM_NONE)
        {
          if (c.state == S (JS_BLOCK_CMT))
            {
              gboolean newline = FALSE;

              for (gsize j = written; j < i1; j++)
                if (s[j] == '\n' || s[j] == '\r' ||
                    (j + 2 < i1 && memcmp (s + j, "\xe2\x80", 2) == 0 &&
                     (s[j + 2] == '\xa8' || s[j + 2] == '\xa9')))
                  newline = TRUE;
              g_string_append_c (b, newline ? '\n' : ' ');
            }
          else if (c.state == S (CSS_BLOCK_CMT))
            g_string_append_c (b, ' ');
          written = i1;
        }
      if (c.state != c1.state && is_comment (c1.state) && c1.delim == BYLINE_GOTMPL_DELIM_NONE)
        {
          gsize cs = i1 - 2;

          if (c1.state == S (HTML_CMT) || c1.state == S (JS_HTML_OPEN_CMT))
            cs -= 2;
          else if (c1.state == S (JS_HTML_CLOSE_CMT))
            cs -= 1;
          if (cs > written)
            g_string_append_len (b, s + written, cs - written);
          written = i1;
        }
      if (is_in_script_literal (c.state) && contains_special_script_tag (s + i, i1 - i))
        {
          if (i > written)
            g_string_append_len (b, s + written, i - written);
          escape_special_script_tags (b, s + i, i1 - i);
          written = i1;
        }
      if (i == i1 && c.state == c1.state)
        {
          /* Go panics here ("infinite loop"); it cannot happen with these
           * transitions, but a preview must not spin on a bug. */
          if (*error == NULL)
            *error = g_strdup ("internal error: the escaper made no progress");
          c = ctx_new (S (ERROR), ELEMENT_NONE);
          break;
        }
      if (++guard > len * 4 + 16)
        break;
      c = c1;
      i = i1;
    }

  if (c.state == S (ERROR) && *error == NULL)
    *error = g_strdup ("the text leaves the HTML in an error state");
  if (written != 0 && c.state != S (ERROR))
    {
      if (!is_comment (c.state) || c.delim != BYLINE_GOTMPL_DELIM_NONE)
        g_string_append_len (b, s + written, len - written);
      g_string_append_len (out, b->str, b->len);
    }
  else
    g_string_append_len (out, s, len);
  g_string_free (b, TRUE);
  *ctx = c;
}

/* nudge */
static void
nudge (Ctx *c)
{
  switch (c->state)
    {
    case S (TAG):
      c->state = S (ATTR_NAME);
      break;
    case S (BEFORE_VALUE):
      c->state = attr_start_states[c->attr];
      c->delim = BYLINE_GOTMPL_DELIM_SPACE_OR_TAG_END;
      c->attr = ATTR_NONE;
      break;
    case S (AFTER_NAME):
      c->state = S (ATTR_NAME);
      c->attr = ATTR_NONE;
      break;
    default:
      break;
    }
}

/* escapeAction */
guint
byline_gotmpl_escapers_for (BylineGotmplContext *c,
                            BylineGotmplEscaper  escapers[4],
                            char               **error)
{
  guint n = 0;

  *error = NULL;
  nudge (c);
  switch (c->state)
    {
    case S (ERROR):
      *error = g_strdup ("the output is in an HTML error state");
      return 0;
    case S (URL):
    case S (CSS_DQ_STR):
    case S (CSS_SQ_STR):
    case S (CSS_DQ_URL):
    case S (CSS_SQ_URL):
    case S (CSS_URL):
      switch (c->url_part)
        {
        case URL_PART_NONE:
          escapers[n++] = BYLINE_GOTMPL_ESC_URL_FILTER;
          G_GNUC_FALLTHROUGH;
        case URL_PART_PRE_QUERY:
          if (c->state == S (CSS_DQ_STR) || c->state == S (CSS_SQ_STR))
            escapers[n++] = BYLINE_GOTMPL_ESC_CSS;
          else
            escapers[n++] = BYLINE_GOTMPL_ESC_URL_NORMALIZER;
          break;
        case URL_PART_QUERY_OR_FRAG:
          escapers[n++] = BYLINE_GOTMPL_ESC_URL_ESCAPER;
          break;
        default:
          *error = g_strdup ("the action appears in an ambiguous context within a URL");
          return 0;
        }
      break;
    case S (META_CONTENT):
      break;
    case S (META_CONTENT_URL):
      escapers[n++] = BYLINE_GOTMPL_ESC_URL_FILTER;
      break;
    case S (JS):
      escapers[n++] = BYLINE_GOTMPL_ESC_JS_VAL;
      /* A slash after a value starts a division. */
      c->js_ctx = JS_CTX_DIV_OP;
      break;
    case S (JS_DQ_STR):
    case S (JS_SQ_STR):
      escapers[n++] = BYLINE_GOTMPL_ESC_JS_STR;
      break;
    case S (JS_TMPL_LIT):
      escapers[n++] = BYLINE_GOTMPL_ESC_JS_TMPL_LIT;
      break;
    case S (JS_REGEXP):
      escapers[n++] = BYLINE_GOTMPL_ESC_JS_REGEXP;
      break;
    case S (CSS):
      escapers[n++] = BYLINE_GOTMPL_ESC_CSS_VALUE_FILTER;
      break;
    case S (TEXT):
      escapers[n++] = BYLINE_GOTMPL_ESC_HTML;
      break;
    case S (RCDATA):
      escapers[n++] = BYLINE_GOTMPL_ESC_RCDATA;
      break;
    case S (ATTR):
      break;
    case S (ATTR_NAME):
    case S (TAG):
      c->state = S (ATTR_NAME);
      escapers[n++] = BYLINE_GOTMPL_ESC_HTML_NAME_FILTER;
      break;
    case S (SRCSET):
      escapers[n++] = BYLINE_GOTMPL_ESC_SRCSET;
      break;
    default:
      if (is_comment (c->state))
        escapers[n++] = BYLINE_GOTMPL_ESC_COMMENT;
      break;
    }
  switch (c->delim)
    {
    case BYLINE_GOTMPL_DELIM_NONE:
      break;
    case BYLINE_GOTMPL_DELIM_SPACE_OR_TAG_END:
      escapers[n++] = BYLINE_GOTMPL_ESC_NOSPACE;
      break;
    default:
      escapers[n++] = BYLINE_GOTMPL_ESC_ATTR;
      break;
    }
  return n;
}

gboolean
byline_gotmpl_escaper_equivalent (BylineGotmplEscaper escaper,
                                  BylineGotmplEscaper predefined)
{
  if (predefined == BYLINE_GOTMPL_ESC_HTML_BUILTIN)
    return escaper == BYLINE_GOTMPL_ESC_ATTR || escaper == BYLINE_GOTMPL_ESC_HTML ||
           escaper == BYLINE_GOTMPL_ESC_RCDATA;
  if (predefined == BYLINE_GOTMPL_ESC_URLQUERY_BUILTIN)
    return escaper == BYLINE_GOTMPL_ESC_URL_ESCAPER ||
           escaper == BYLINE_GOTMPL_ESC_URL_NORMALIZER;
  return FALSE;
}

/* html.go's stripTags. */
char *
byline_gotmpl_strip_tags (const char *html)
{
  gsize len = strlen (html), i = 0;
  GString *b = g_string_new (NULL);
  Ctx c = ctx_new (S (TEXT), ELEMENT_NONE);
  gboolean all_text = TRUE;
  g_autofree char *error = NULL;

  while (i != len)
    {
      if (c.delim == BYLINE_GOTMPL_DELIM_NONE)
        {
          guint8 st = c.state;
          Ctx d = c;
          gsize nread, i1;

          /* Inside a special element everything is RCDATA. */
          if (c.element != ELEMENT_NONE && !is_in_tag (st))
            st = S (RCDATA);
          nread = transition_func[st] (&d, html + i, len - i, &error);
          i1 = i + nread;
          if (c.state == S (TEXT) || c.state == S (RCDATA))
            {
              gsize j = i1;

              if (d.state != c.state)
                for (gsize j1 = j; j1 > i; j1--)
                  if (html[j1 - 1] == '<')
                    {
                      j = j1 - 1;
                      break;
                    }
              g_string_append_len (b, html + i, j - i);
            }
          else
            all_text = FALSE;
          if (nread == 0 && d.state == c.state)
            break;
          c = d;
          i = i1;
          continue;
        }
      {
        static const char * const delim_ends[] = {
          [BYLINE_GOTMPL_DELIM_DOUBLE_QUOTE] = "\"",
          [BYLINE_GOTMPL_DELIM_SINGLE_QUOTE] = "'",
          [BYLINE_GOTMPL_DELIM_SPACE_OR_TAG_END] = " \t\n\f\r>",
        };
        const char *found = byline_gotmpl_find_any (html + i, len - i, delim_ends[c.delim]);
        gsize i1;

        if (found == NULL)
          break;
        i1 = found - html;
        if (c.delim != BYLINE_GOTMPL_DELIM_SPACE_OR_TAG_END)
          i1++;
        c = ctx_new (S (TAG), c.element);
        i = i1;
      }
    }
  if (all_text)
    {
      g_string_free (b, TRUE);
      return g_strdup (html);
    }
  if (c.state == S (TEXT) || c.state == S (RCDATA))
    g_string_append (b, html + i);
  return g_string_free (b, FALSE);
}
