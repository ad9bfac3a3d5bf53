/* byline-gotmpl-funcs.h — the functions templates can call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Go's builtins and Hugo's template functions, by family. Each family file
 * defines a table; the registry (byline-gotmpl-funcs.c) finds names in all
 * of them. Hugo's namespaces (strings, math, urls, …) are functions that
 * return a namespace object whose methods are the same functions, so that
 * both {{ trim … }} and {{ strings.Trim … }} work.
 */

#pragma once

#include "byline-gotmpl-exec.h"

G_BEGIN_DECLS

typedef struct
{
  const BylineGotmplMethod *methods;
  guint                     n_methods;
} BylineGotmplFuncTable;

/* The function called @name, or NULL. */
const BylineGotmplMethod *byline_gotmpl_funcs_lookup (const char *name);
/* Whether Hugo has a function (or namespace) of that name. */
gboolean                  byline_gotmpl_funcs_is_hugo (const char *name);

/* Family tables, sorted by name. */
extern const BylineGotmplFuncTable byline_gotmpl_funcs_go;          /* builtins, compare */
extern const BylineGotmplFuncTable byline_gotmpl_funcs_fmt;         /* print*, errorf, warnf */
extern const BylineGotmplFuncTable byline_gotmpl_funcs_strings;
extern const BylineGotmplFuncTable byline_gotmpl_funcs_collections;
extern const BylineGotmplFuncTable byline_gotmpl_funcs_math;        /* math, cast, crypto, encoding */
extern const BylineGotmplFuncTable byline_gotmpl_funcs_urls;        /* urls, path, os, safe */
extern const BylineGotmplFuncTable byline_gotmpl_funcs_transform;
extern const BylineGotmplFuncTable byline_gotmpl_funcs_inflect;
extern const BylineGotmplFuncTable byline_gotmpl_funcs_time;
extern const BylineGotmplFuncTable byline_gotmpl_funcs_site;        /* partials, lang, hugo, site, resources, images */

/* A namespace object (strings, math, …) of a class whose methods are
 * the namespace's functions. */
BylineGotmplValue byline_gotmpl_namespace_value (const BylineGotmplClass *klass);

/* Helpers for the families */

/* Hugo's cast.ToStringSlice / a list of strings from a list or a string. */
GPtrArray *byline_gotmpl_to_strv (BylineGotmplCall        *call,
                                  const BylineGotmplValue *value);
/* A list value of strings. */
BylineGotmplValue byline_gotmpl_strv_value (GPtrArray *strings);
/* fmt.Sprintf with Go's verbs. */
void      byline_gotmpl_sprintf  (GString                 *out,
                                  const char              *format,
                                  gsize                    format_len,
                                  const BylineGotmplValue *args,
                                  guint                    n_args);
/* Hugo's compareGet: the two numbers compare.Lt and friends compare. */
void      byline_gotmpl_compare_get (const BylineGotmplValue *a,
                                     const BylineGotmplValue *b,
                                     double                  *left,
                                     double                  *right);

G_END_DECLS
