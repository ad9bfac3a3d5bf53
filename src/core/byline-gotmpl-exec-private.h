/* byline-gotmpl-exec-private.h — what the executor's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The state of a run and of each frame in it, and the helpers that
 * byline-gotmpl-exec.c (entry points, failures, limits, variables),
 * byline-gotmpl-eval.c (pipelines) and byline-gotmpl-walk.c (nodes) call
 * across.
 */

#pragma once

#include "byline-gotmpl-escape.h"
#include "byline-gotmpl-exec.h"

G_BEGIN_DECLS

typedef struct
{
  const BylineGotmplExecOptions *options;
  BylineGotmplResult            *result;
  guint64                        steps;
  gsize                          output;
  gboolean                       failed;
} Run;

typedef enum
{
  FLOW_NORMAL,
  FLOW_BREAK,
  FLOW_CONTINUE,
  FLOW_RETURN,
} Flow;

typedef struct
{
  const char        *name;
  BylineGotmplValue  value;
} Variable;

struct _BylineGotmplExec
{
  Run                  *run;
  BylineGotmplTemplate *tmpl;
  GArray               *vars;      /* of Variable */
  GString              *out;
  BylineGotmplContext   ctx;       /* html/template's context, .html only */
  guint                 depth;
  Flow                  flow;
  gboolean              has_return_value;
  BylineGotmplValue     return_value;
};

/* Go's "missing" final value: no value came down the pipeline. */
typedef struct
{
  gboolean          present;
  BylineGotmplValue value;
} Final;

/* byline-gotmpl-exec.c: failures and limits. The fail functions record the
 * run's first failure and return FALSE, for tail calls. */
char     *byline_gotmpl_exec_node_text  (BylineGotmplExec       *exec,
                                         const BylineGotmplNode *node);
gboolean  byline_gotmpl_exec_fail_at    (BylineGotmplExec       *exec,
                                         const BylineGotmplNode *node,
                                         BylineGotmplStatus      status,
                                         const char             *missing,
                                         gboolean                decorate,
                                         const char             *message);
gboolean  byline_gotmpl_exec_fail       (BylineGotmplExec       *exec,
                                         const BylineGotmplNode *node,
                                         const char             *format,
                                         ...) G_GNUC_PRINTF (3, 4);
gboolean  byline_gotmpl_exec_fail_plain (BylineGotmplExec       *exec,
                                         const BylineGotmplNode *node,
                                         const char             *format,
                                         ...) G_GNUC_PRINTF (3, 4);
guint     byline_gotmpl_exec_line_of    (BylineGotmplExec       *exec,
                                         const BylineGotmplNode *node);
gboolean  byline_gotmpl_exec_step       (BylineGotmplExec       *exec,
                                         const BylineGotmplNode *node,
                                         guint64                 n);
gboolean  byline_gotmpl_exec_write_out  (BylineGotmplExec       *exec,
                                         const BylineGotmplNode *node,
                                         const char             *text,
                                         gsize                   len);

extern const BylineGotmplValue byline_gotmpl_exec_nil_value;

/* byline-gotmpl-exec.c: the frame's variables, a stack. */
guint     byline_gotmpl_exec_mark       (BylineGotmplExec       *exec);
void      byline_gotmpl_exec_pop        (BylineGotmplExec       *exec,
                                         guint                   to);
void      byline_gotmpl_exec_push       (BylineGotmplExec       *exec,
                                         const char             *name,
                                         BylineGotmplValue       value);
Variable *byline_gotmpl_exec_find_var   (BylineGotmplExec       *exec,
                                         const char             *name);

/* byline-gotmpl-exec.c: runs @root of @tmpl in a new frame of the same
 * output (template calls); @at is the call, for messages. */
gboolean  byline_gotmpl_exec_run_tree   (BylineGotmplExec        *exec,
                                         BylineGotmplTemplate    *tmpl,
                                         const BylineGotmplNode  *root,
                                         const BylineGotmplValue *dot,
                                         const BylineGotmplNode  *at);

/* byline-gotmpl-eval.c */
gboolean           byline_gotmpl_eval_pipeline      (BylineGotmplExec        *exec,
                                                     const BylineGotmplValue *dot,
                                                     const BylineGotmplNode  *pipe,
                                                     BylineGotmplValue       *result);
/* The first @n_cmds commands of @pipe, without its declarations. */
gboolean           byline_gotmpl_eval_pipeline_cmds (BylineGotmplExec        *exec,
                                                     const BylineGotmplValue *dot,
                                                     const BylineGotmplNode  *pipe,
                                                     guint                    n_cmds,
                                                     BylineGotmplValue       *result);
/* Evaluates the arguments args[first..] of a command, then the final
 * value, into a new array (freed with byline_gotmpl_eval_free_args). */
BylineGotmplValue *byline_gotmpl_eval_args          (BylineGotmplExec        *exec,
                                                     const BylineGotmplValue *dot,
                                                     const BylineGotmplNode  *cmd,
                                                     guint                    first,
                                                     const Final             *final,
                                                     guint                   *n_args);
void               byline_gotmpl_eval_free_args     (BylineGotmplValue       *args,
                                                     guint                    n);

/* byline-gotmpl-walk.c: walks the nodes of @list; TRUE also when a break,
 * continue or return stopped it (see exec->flow). */
gboolean           byline_gotmpl_walk_list          (BylineGotmplExec        *exec,
                                                     const BylineGotmplValue *dot,
                                                     const BylineGotmplNode  *list);

G_END_DECLS
