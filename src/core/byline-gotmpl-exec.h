/* byline-gotmpl-exec.h — running a parsed template (private to the engine)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the executor offers the function families (byline-gotmpl-funcs-*.c)
 * and the objects: errors with the call's position, errorf/warnf, the
 * environment, partials and Markdown, and the limits every call counts
 * against.
 */

#pragma once

#include "byline-gotmpl.h"
#include "byline-gotmpl-parse.h"
#include "byline-gotmpl-value.h"

G_BEGIN_DECLS

typedef struct _BylineGotmplExec BylineGotmplExec;

/* A parsed template file as the set caches it. */
typedef struct
{
  gint                ref_count;
  BylineGotmplParsed *parsed;
  char               *path;      /* absolute path, or the name for strings */
  gboolean            is_html;   /* .html: html/template's escaping applies */
} BylineGotmplTemplate;

BylineGotmplTemplate *byline_gotmpl_template_new   (BylineGotmplParsed   *parsed,
                                                    const char           *path,
                                                    gboolean              is_html);
BylineGotmplTemplate *byline_gotmpl_template_ref   (BylineGotmplTemplate *self);
void                  byline_gotmpl_template_unref (BylineGotmplTemplate *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineGotmplTemplate, byline_gotmpl_template_unref)

struct _BylineGotmplCall
{
  BylineGotmplExec       *exec;
  const BylineGotmplNode *node;   /* where the call is, for messages */
  const BylineGotmplNode *cmd;    /* the command holding the arguments, or NULL */
  const char             *name;   /* function or method name */
};

/* Fails the call: "error calling NAME: MESSAGE". Returns FALSE. */
gboolean          byline_gotmpl_call_error        (BylineGotmplCall  *call,
                                                   const char        *format,
                                                   ...) G_GNUC_PRINTF (2, 3);
/* The source text of the call's argument @index (0: the first after the
 * function name), for messages; NULL when it came down the pipeline. */
char             *byline_gotmpl_call_arg_text     (BylineGotmplCall  *call,
                                                   guint              index);
/* A function the preview does not support (an info finding). FALSE. */
gboolean          byline_gotmpl_call_unsupported  (BylineGotmplCall  *call,
                                                   const char        *what);
/* errorf and warnf: recorded, execution goes on (as in Hugo, where the
 * build fails at the end). */
void              byline_gotmpl_call_report       (BylineGotmplCall  *call,
                                                   gboolean           is_error,
                                                   const char        *message);
BylineGotmplEnv  *byline_gotmpl_call_get_env      (BylineGotmplCall  *call);
BylineGotmplSet  *byline_gotmpl_call_get_set      (BylineGotmplCall  *call);
/* Whether the template running is an HTML one (html/template). */
gboolean          byline_gotmpl_call_is_html      (BylineGotmplCall  *call);
/* Counts work against the step budget (e.g. per item a function loops
 * over); FALSE with the error set once it is spent. */
gboolean          byline_gotmpl_call_step         (BylineGotmplCall  *call,
                                                   guint64            steps);
/* The page and site of the execution (nil when unknown). */
const BylineGotmplValue *byline_gotmpl_call_get_page (BylineGotmplCall *call);
const BylineGotmplValue *byline_gotmpl_call_get_site (BylineGotmplCall *call);
/* partial/partialCached: runs layouts/_partials/NAME with @context. */
gboolean          byline_gotmpl_call_partial      (BylineGotmplCall        *call,
                                                   const char              *name,
                                                   const BylineGotmplValue *context,
                                                   BylineGotmplValue       *result);
/* Runs template text (a text template, e.g. an i18n message) with @dot
 * within the call's execution and limits; its output in @result. */
gboolean          byline_gotmpl_call_execute_string (BylineGotmplCall        *call,
                                                     const char              *name,
                                                     const char              *source,
                                                     const BylineGotmplValue *dot,
                                                     BylineGotmplValue       *result);
/* Markdown through the environment; NULL with the call failed. */
char             *byline_gotmpl_call_markdown     (BylineGotmplCall  *call,
                                                   const char        *markdown,
                                                   gboolean           inline_only);

/* Argument conversions in the manner of spf13/cast, failing the call with
 * cast's message ("unable to cast …") when they cannot. */
gboolean          byline_gotmpl_to_string         (BylineGotmplCall        *call,
                                                   const BylineGotmplValue *value,
                                                   char                   **result);
gboolean          byline_gotmpl_to_int            (BylineGotmplCall        *call,
                                                   const BylineGotmplValue *value,
                                                   gint64                  *result);
gboolean          byline_gotmpl_to_float          (BylineGotmplCall        *call,
                                                   const BylineGotmplValue *value,
                                                   double                  *result);
/* cast.ToFloat64E without a call. */
gboolean          byline_gotmpl_value_to_float    (const BylineGotmplValue *value,
                                                   double                  *result);
/* cast.ToStringE without a call: NULL when the value has no string form. */
char             *byline_gotmpl_value_to_string   (const BylineGotmplValue *value);

/* The template of a shortcode or partial, parsed once per set. NULL when
 * the site has none (no @error) or when it does not parse (@error with
 * Go's message, @error_line). @path receives the file. */
BylineGotmplTemplate *byline_gotmpl_set_lookup    (BylineGotmplSet           *self,
                                                   BylineGotmplTemplateKind   kind,
                                                   const char                *name,
                                                   char                     **path,
                                                   guint                     *error_line,
                                                   GError                   **error);

/* Runs @tmpl (its main tree) with @dot into @out. The execution state is
 * described by @options; the result's failure fields are filled on error. */
typedef struct
{
  BylineGotmplSet         *set;
  BylineGotmplEnv         *env;
  const BylineGotmplValue *page;
  const BylineGotmplValue *site;
  BylineGotmplLimits       limits;
} BylineGotmplExecOptions;

gboolean          byline_gotmpl_execute_template  (BylineGotmplTemplate          *tmpl,
                                                   const BylineGotmplValue       *dot,
                                                   const BylineGotmplExecOptions *options,
                                                   GString                       *out,
                                                   BylineGotmplResult            *result);

G_END_DECLS
