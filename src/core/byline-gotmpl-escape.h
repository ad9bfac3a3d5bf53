/* byline-gotmpl-escape.h — html/template's contextual escaping
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A port of Go's html/template (context.go, transition.go, escape.go,
 * html.go, js.go, css.go, url.go, attr.go) as Hugo vendors it in
 * tpl/internal/go_templates/htmltemplate. The context records where in an
 * HTML document the output is (text, a tag, an attribute value, a URL, a
 * script, a style sheet, …); text moves it on, and each value printed goes
 * through the escapers that context calls for.
 */

#pragma once

#include <glib.h>

#include "byline-gotmpl-value.h"

G_BEGIN_DECLS

typedef enum
{
  BYLINE_GOTMPL_STATE_TEXT,
  BYLINE_GOTMPL_STATE_TAG,
  BYLINE_GOTMPL_STATE_ATTR_NAME,
  BYLINE_GOTMPL_STATE_AFTER_NAME,
  BYLINE_GOTMPL_STATE_BEFORE_VALUE,
  BYLINE_GOTMPL_STATE_HTML_CMT,
  BYLINE_GOTMPL_STATE_RCDATA,
  BYLINE_GOTMPL_STATE_ATTR,
  BYLINE_GOTMPL_STATE_URL,
  BYLINE_GOTMPL_STATE_SRCSET,
  BYLINE_GOTMPL_STATE_JS,
  BYLINE_GOTMPL_STATE_JS_DQ_STR,
  BYLINE_GOTMPL_STATE_JS_SQ_STR,
  BYLINE_GOTMPL_STATE_JS_TMPL_LIT,
  BYLINE_GOTMPL_STATE_JS_REGEXP,
  BYLINE_GOTMPL_STATE_JS_BLOCK_CMT,
  BYLINE_GOTMPL_STATE_JS_LINE_CMT,
  BYLINE_GOTMPL_STATE_JS_HTML_OPEN_CMT,
  BYLINE_GOTMPL_STATE_JS_HTML_CLOSE_CMT,
  BYLINE_GOTMPL_STATE_CSS,
  BYLINE_GOTMPL_STATE_CSS_DQ_STR,
  BYLINE_GOTMPL_STATE_CSS_SQ_STR,
  BYLINE_GOTMPL_STATE_CSS_DQ_URL,
  BYLINE_GOTMPL_STATE_CSS_SQ_URL,
  BYLINE_GOTMPL_STATE_CSS_URL,
  BYLINE_GOTMPL_STATE_CSS_BLOCK_CMT,
  BYLINE_GOTMPL_STATE_CSS_LINE_CMT,
  BYLINE_GOTMPL_STATE_ERROR,
  BYLINE_GOTMPL_STATE_META_CONTENT,
  BYLINE_GOTMPL_STATE_META_CONTENT_URL,
} BylineGotmplState;

typedef enum
{
  BYLINE_GOTMPL_DELIM_NONE,
  BYLINE_GOTMPL_DELIM_DOUBLE_QUOTE,
  BYLINE_GOTMPL_DELIM_SINGLE_QUOTE,
  BYLINE_GOTMPL_DELIM_SPACE_OR_TAG_END,
} BylineGotmplDelim;

typedef struct
{
  guint8 state;      /* BylineGotmplState */
  guint8 delim;      /* BylineGotmplDelim */
  guint8 url_part;
  guint8 js_ctx;
  guint8 attr;
  guint8 element;
  guint8 n_braces;   /* depth of JS template literal ${…} nesting */
  gint16 braces[16]; /* braces open inside each ${ */
} BylineGotmplContext;

typedef enum
{
  BYLINE_GOTMPL_ESC_ATTR,
  BYLINE_GOTMPL_ESC_COMMENT,
  BYLINE_GOTMPL_ESC_CSS,
  BYLINE_GOTMPL_ESC_CSS_VALUE_FILTER,
  BYLINE_GOTMPL_ESC_HTML_NAME_FILTER,
  BYLINE_GOTMPL_ESC_HTML,
  BYLINE_GOTMPL_ESC_JS_REGEXP,
  BYLINE_GOTMPL_ESC_JS_STR,
  BYLINE_GOTMPL_ESC_JS_TMPL_LIT,
  BYLINE_GOTMPL_ESC_JS_VAL,
  BYLINE_GOTMPL_ESC_NOSPACE,
  BYLINE_GOTMPL_ESC_RCDATA,
  BYLINE_GOTMPL_ESC_SRCSET,
  BYLINE_GOTMPL_ESC_URL_ESCAPER,
  BYLINE_GOTMPL_ESC_URL_FILTER,
  BYLINE_GOTMPL_ESC_URL_NORMALIZER,
  BYLINE_GOTMPL_ESC_HTML_BUILTIN,       /* text/template's html */
  BYLINE_GOTMPL_ESC_URLQUERY_BUILTIN,   /* text/template's urlquery */
} BylineGotmplEscaper;

void      byline_gotmpl_context_init       (BylineGotmplContext       *ctx);
char     *byline_gotmpl_context_describe   (const BylineGotmplContext *ctx);

/* Copies @text to @out as Go's escapeText rewrites it (HTML comments
 * dropped, a stray < in text escaped, …) and moves @ctx on. Sets @error to
 * html/template's message when the text leaves the document in an error
 * state ("\"<\" in attribute name", …). */
void      byline_gotmpl_escape_text        (BylineGotmplContext       *ctx,
                                            const char                *text,
                                            gsize                      len,
                                            GString                   *out,
                                            char                     **error);

/* Go's escapeAction: nudges @ctx for a value printed there and returns the
 * escapers it calls for (at most 4). @error when the context is ambiguous
 * or an error. */
guint     byline_gotmpl_escapers_for       (BylineGotmplContext       *ctx,
                                            BylineGotmplEscaper        escapers[4],
                                            char                     **error);
/* Whether a predefined escaper (html, urlquery) may stand in for @escaper
 * (escape.go, equivEscapers). */
gboolean  byline_gotmpl_escaper_equivalent (BylineGotmplEscaper        escaper,
                                            BylineGotmplEscaper        predefined);
/* Runs @value through @escapers, skipping those made redundant by the one
 * before (escape.go, redundantFuncs). */
GString  *byline_gotmpl_escape_value       (const BylineGotmplValue   *value,
                                            const BylineGotmplEscaper *escapers,
                                            guint                      n_escapers);

/* The text of a value as html/template's stringify sees it: a typed string
 * with its content type, anything else printed with fmt (nil: empty). */
GString  *byline_gotmpl_stringify          (const BylineGotmplValue   *value,
                                            BylineGotmplContent       *content);

/* Escaping functions that Hugo's own functions share. */
void      byline_gotmpl_html_escape        (GString                   *out,
                                            const char                *s,
                                            gsize                      len);   /* text/template HTMLEscape */
void      byline_gotmpl_js_escape          (GString                   *out,
                                            const char                *s,
                                            gsize                      len);   /* text/template JSEscape */
void      byline_gotmpl_query_escape       (GString                   *out,
                                            const char                *s,
                                            gsize                      len);   /* url.QueryEscape */
/* Go's html.UnescapeString. */
char     *byline_gotmpl_html_unescape      (const char                *s,
                                            gsize                      len,
                                            gboolean                   attribute);
/* encoding/json's Marshal of a value (maps sorted, HTML characters escaped
 * as \u003c…), appended to @out. FALSE for values JSON cannot hold. */
gboolean  byline_gotmpl_json_marshal       (GString                   *out,
                                            const BylineGotmplValue   *value,
                                            gboolean                   escape_html);
/* html/template's stripTags. */
char     *byline_gotmpl_strip_tags         (const char                *html);

/* Shared by the two halves of the escaper: attr.go's attrType is plain
 * for @lower_name; css.go's decodeCSS. */
gboolean  byline_gotmpl_attr_is_plain      (const char                *lower_name);
char     *byline_gotmpl_decode_css         (const char                *s,
                                            gsize                      len,
                                            gsize                     *out_len);

/* The entity table (byline-gotmpl-entities.c): NULL when @name is none. */
const char *byline_gotmpl_entity_lookup    (const char                *name,
                                            gsize                      len);

G_END_DECLS
