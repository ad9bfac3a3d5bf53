/* byline-gotmpl-escape-private.h — what the html/template transitions share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The context's enums and the helpers shared by byline-gotmpl-escape.c
 * (HTML, attributes, URLs) and byline-gotmpl-escape-script.c (JS, CSS).
 */

#pragma once

#include "byline-gotmpl-escape.h"

G_BEGIN_DECLS

enum { URL_PART_NONE, URL_PART_PRE_QUERY, URL_PART_QUERY_OR_FRAG, URL_PART_UNKNOWN };
enum { JS_CTX_REGEXP, JS_CTX_DIV_OP, JS_CTX_UNKNOWN };
enum { ELEMENT_NONE, ELEMENT_SCRIPT, ELEMENT_STYLE, ELEMENT_TEXTAREA, ELEMENT_TITLE, ELEMENT_META };
enum { ATTR_NONE, ATTR_SCRIPT, ATTR_SCRIPT_TYPE, ATTR_STYLE, ATTR_URL, ATTR_SRCSET, ATTR_META_CONTENT };

typedef BylineGotmplContext Ctx;

#define S(x) BYLINE_GOTMPL_STATE_##x

/* Helpers: an error context, Go's %q, strings.IndexAny and Index. */
gsize byline_gotmpl_escape_set_error (Ctx        *c,
                                      char      **error,
                                      gsize       consumed,
                                      char       *message);
char *byline_gotmpl_escape_quote (const char *s,
                                  gsize       len,
                                  gssize      max_runes);
const char *byline_gotmpl_find_any (const char *s,
                                    gsize       len,
                                    const char *chars);
const char *byline_gotmpl_find_str (const char *s,
                                    gsize       len,
                                    const char *needle);
/* A transition consumes a prefix of @s in context @c and returns its
 * length, updating @c; on an error it sets *@error (transition.go). */
gsize byline_gotmpl_t_url (Ctx        *c,
                           const char *s,
                           gsize       len,
                           char      **error);
gsize byline_gotmpl_t_js (Ctx        *c,
                          const char *s,
                          gsize       len,
                          char      **error);
gsize byline_gotmpl_t_js_tmpl (Ctx        *c,
                               const char *s,
                               gsize       len,
                               char      **error);
gsize byline_gotmpl_t_js_delimited (Ctx        *c,
                                    const char *s,
                                    gsize       len,
                                    char      **error);
gsize byline_gotmpl_t_block_cmt (Ctx        *c,
                                 const char *s,
                                 gsize       len,
                                 char      **error);
gsize byline_gotmpl_t_line_cmt (Ctx        *c,
                                const char *s,
                                gsize       len,
                                char      **error);
gsize byline_gotmpl_t_css (Ctx        *c,
                           const char *s,
                           gsize       len,
                           char      **error);
gsize byline_gotmpl_t_css_str (Ctx        *c,
                               const char *s,
                               gsize       len,
                               char      **error);

G_END_DECLS
