/* byline-gotmpl-funcs-private.h — helpers the function families share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-gotmpl-funcs.h"

G_BEGIN_DECLS

/* A []string value (Go's type name for %T and DeepEqual). */
BylineGotmplValue byline_gotmpl_string_slice_new (GPtrArray  *strings);
/* Hugo's tpl.StripHTML (plainify, countwords). */
char             *byline_gotmpl_strip_html       (const char *s);
/* prose's AP-style title case, Hugo's default titleCaseStyle. */
char             *byline_gotmpl_title_case       (const char *s);

/* collections' normalize: whether two elements are the same (numbers
 * compare as float64). */
gboolean          byline_gotmpl_same_identity    (const BylineGotmplValue *a,
                                                  const BylineGotmplValue *b);
/* A new, empty list with the element type of @list. */
BylineGotmplList *byline_gotmpl_list_new_like    (const BylineGotmplValue *list,
                                                  guint                    reserve);
/* Follows a dotted path of map keys and argument-less methods. */
gboolean          byline_gotmpl_evaluate_path    (BylineGotmplCall        *call,
                                                  const BylineGotmplValue *value,
                                                  char                   **path,
                                                  BylineGotmplValue       *result);

/* The string form of argument @i into @var, or the call fails: for the
 * strings functions, whose parameters are named call and args. */
#define ARG_STRING(i, var) \
  if (!byline_gotmpl_to_string (call, &args[i], &var)) \
    return FALSE

/* Go's unicode.IsSpace. */
gboolean byline_gotmpl_is_go_space (gunichar c);

/* Functions of byline-gotmpl-funcs-prose.c in the strings table. */
gboolean byline_gotmpl_fn_count_runes      (BylineGotmplCall *call, const BylineGotmplValue *self,
                                            const BylineGotmplValue *args, guint n_args,
                                            BylineGotmplValue *result);
gboolean byline_gotmpl_fn_count_words      (BylineGotmplCall *call, const BylineGotmplValue *self,
                                            const BylineGotmplValue *args, guint n_args,
                                            BylineGotmplValue *result);
gboolean byline_gotmpl_fn_title            (BylineGotmplCall *call, const BylineGotmplValue *self,
                                            const BylineGotmplValue *args, guint n_args,
                                            BylineGotmplValue *result);
gboolean byline_gotmpl_fn_truncate         (BylineGotmplCall *call, const BylineGotmplValue *self,
                                            const BylineGotmplValue *args, guint n_args,
                                            BylineGotmplValue *result);
/* Functions of byline-gotmpl-funcs-regexp.c in the strings table. */
gboolean byline_gotmpl_fn_find_re          (BylineGotmplCall *call, const BylineGotmplValue *self,
                                            const BylineGotmplValue *args, guint n_args,
                                            BylineGotmplValue *result);
gboolean byline_gotmpl_fn_find_re_submatch (BylineGotmplCall *call, const BylineGotmplValue *self,
                                            const BylineGotmplValue *args, guint n_args,
                                            BylineGotmplValue *result);
gboolean byline_gotmpl_fn_replace_re       (BylineGotmplCall *call, const BylineGotmplValue *self,
                                            const BylineGotmplValue *args, guint n_args,
                                            BylineGotmplValue *result);

/* Functions of byline-gotmpl-funcs-query.c in the collections table. */
gboolean byline_gotmpl_fn_in         (BylineGotmplCall *call, const BylineGotmplValue *self,
                                      const BylineGotmplValue *args, guint n_args,
                                      BylineGotmplValue *result);
gboolean byline_gotmpl_fn_uniq       (BylineGotmplCall *call, const BylineGotmplValue *self,
                                      const BylineGotmplValue *args, guint n_args,
                                      BylineGotmplValue *result);
gboolean byline_gotmpl_fn_complement (BylineGotmplCall *call, const BylineGotmplValue *self,
                                      const BylineGotmplValue *args, guint n_args,
                                      BylineGotmplValue *result);
gboolean byline_gotmpl_fn_intersect  (BylineGotmplCall *call, const BylineGotmplValue *self,
                                      const BylineGotmplValue *args, guint n_args,
                                      BylineGotmplValue *result);
gboolean byline_gotmpl_fn_union      (BylineGotmplCall *call, const BylineGotmplValue *self,
                                      const BylineGotmplValue *args, guint n_args,
                                      BylineGotmplValue *result);
gboolean byline_gotmpl_fn_symdiff    (BylineGotmplCall *call, const BylineGotmplValue *self,
                                      const BylineGotmplValue *args, guint n_args,
                                      BylineGotmplValue *result);
gboolean byline_gotmpl_fn_sort       (BylineGotmplCall *call, const BylineGotmplValue *self,
                                      const BylineGotmplValue *args, guint n_args,
                                      BylineGotmplValue *result);
gboolean byline_gotmpl_fn_index      (BylineGotmplCall *call, const BylineGotmplValue *self,
                                      const BylineGotmplValue *args, guint n_args,
                                      BylineGotmplValue *result);
gboolean byline_gotmpl_fn_is_set     (BylineGotmplCall *call, const BylineGotmplValue *self,
                                      const BylineGotmplValue *args, guint n_args,
                                      BylineGotmplValue *result);
gboolean byline_gotmpl_fn_merge      (BylineGotmplCall *call, const BylineGotmplValue *self,
                                      const BylineGotmplValue *args, guint n_args,
                                      BylineGotmplValue *result);
gboolean byline_gotmpl_fn_querify    (BylineGotmplCall *call, const BylineGotmplValue *self,
                                      const BylineGotmplValue *args, guint n_args,
                                      BylineGotmplValue *result);
gboolean byline_gotmpl_fn_where      (BylineGotmplCall *call, const BylineGotmplValue *self,
                                      const BylineGotmplValue *args, guint n_args,
                                      BylineGotmplValue *result);

/* byline-gotmpl-funcs-remarshal.c */
gboolean byline_gotmpl_fn_remarshal  (BylineGotmplCall *call, const BylineGotmplValue *self,
                                      const BylineGotmplValue *args, guint n_args,
                                      BylineGotmplValue *result);
/* TOML text to a value (transform.Unmarshal, Remarshal). */
gboolean byline_gotmpl_read_toml     (BylineGotmplCall  *call,
                                      const char        *text,
                                      BylineGotmplValue *result);

G_END_DECLS
