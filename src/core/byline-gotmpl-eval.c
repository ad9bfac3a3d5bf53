/* byline-gotmpl-eval.c — evaluating pipelines, commands and arguments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Go's text/template evalPipeline, evalCommand, evalArg, evalField and
 * evalCall (exec.go): fields, map keys and methods of a value, functions
 * with their argument counts, and Hugo's specials: and/or that stop at the
 * first deciding value, try with its TryValue, and the return of partials.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-exec-private.h"

#include <string.h>

#include "byline-gotmpl-funcs.h"

/* Evaluation */

static gboolean eval_arg (BylineGotmplExec *exec, const BylineGotmplValue *dot,
                          const BylineGotmplNode *node, BylineGotmplValue *result);

static gboolean
not_a_function (BylineGotmplExec       *exec,
                const BylineGotmplNode *cmd,
                const Final            *final)
{
  if (cmd->cmd.n > 1 || final->present)
    {
      g_autofree char *text = byline_gotmpl_exec_node_text (exec, cmd->cmd.args[0]);

      return byline_gotmpl_exec_fail (exec, cmd->cmd.args[0],
                                      "can't give argument to non-function %s", text);
    }
  return TRUE;
}

/* Evaluates the arguments args[first..] of a command, then the final
 * value, into a new array. */
BylineGotmplValue *
byline_gotmpl_eval_args (BylineGotmplExec        *exec,
                         const BylineGotmplValue *dot,
                         const BylineGotmplNode  *cmd,
                         guint                    first,
                         const Final             *final,
                         guint                   *n_args)
{
  guint n = (cmd != NULL && cmd->cmd.n > first ? cmd->cmd.n - first : 0) + (final->present ? 1 : 0);
  BylineGotmplValue *args = g_new0 (BylineGotmplValue, MAX (n, 1));
  guint i = 0;

  for (; cmd != NULL && first + i < cmd->cmd.n; i++)
    if (!eval_arg (exec, dot, cmd->cmd.args[first + i], &args[i]))
      {
        for (guint k = 0; k < i; k++)
          byline_gotmpl_value_clear (&args[k]);
        g_free (args);
        return NULL;
      }
  if (final->present)
    args[i] = byline_gotmpl_value_copy (&final->value);
  *n_args = n;
  return args;
}

void
byline_gotmpl_eval_free_args (BylineGotmplValue *args,
                              guint              n)
{
  for (guint i = 0; i < n; i++)
    byline_gotmpl_value_clear (&args[i]);
  g_free (args);
}

static gboolean
call_method (BylineGotmplExec         *exec,
             const BylineGotmplValue  *dot,
             const BylineGotmplNode   *node,
             const BylineGotmplNode   *cmd,
             guint                     first_arg,
             const Final              *final,
             const BylineGotmplMethod *method,
             const BylineGotmplValue  *self,
             BylineGotmplValue        *result)
{
  BylineGotmplCall call = { exec, node, cmd, method->name };
  BylineGotmplValue *args;
  guint n_args = 0;
  gboolean ok;

  args = byline_gotmpl_eval_args (exec, dot, cmd, first_arg, final, &n_args);
  if (args == NULL)
    return FALSE;
  if (method->max_args >= 0 && method->min_args == method->max_args &&
      n_args != (guint) method->min_args)
    {
      byline_gotmpl_eval_free_args (args, n_args);
      return byline_gotmpl_exec_fail (exec, node, "wrong number of args for %s: want %d got %u",
                                      method->name, method->min_args, n_args);
    }
  if ((int) n_args < method->min_args)
    {
      byline_gotmpl_eval_free_args (args, n_args);
      return byline_gotmpl_exec_fail (exec, node,
                                      "wrong number of args for %s: want at least %d got %u",
                                      method->name, method->min_args, n_args);
    }
  if (method->max_args >= 0 && (int) n_args > method->max_args)
    {
      byline_gotmpl_eval_free_args (args, n_args);
      return byline_gotmpl_exec_fail (exec, node,
                                      "wrong number of args for %s: want at most %d got %u",
                                      method->name, method->max_args, n_args);
    }
  if (!byline_gotmpl_exec_step (exec, node, 1))
    {
      byline_gotmpl_eval_free_args (args, n_args);
      return FALSE;
    }

  *result = byline_gotmpl_nil ();
  ok = method->func (&call, self, args, n_args, result);
  byline_gotmpl_eval_free_args (args, n_args);
  if (!ok)
    {
      byline_gotmpl_value_clear (result);
      /* A function that fails without saying why still fails the run. */
      if (!exec->run->failed)
        byline_gotmpl_exec_fail (exec, node, "error calling %s", method->name);
      return FALSE;
    }
  return TRUE;
}

/* Go's evalField: a method, a field or a map key of @receiver. */
static gboolean
eval_field (BylineGotmplExec        *exec,
            const BylineGotmplValue *dot,
            const char              *name,
            const BylineGotmplNode  *node,
            const BylineGotmplNode  *cmd,
            const Final             *final,
            const BylineGotmplValue *receiver,
            BylineGotmplValue       *result)
{
  gboolean has_args = (cmd != NULL && cmd->cmd.n > 1) || final->present;
  const BylineGotmplClass *klass = NULL;
  const BylineGotmplMethod *method;

  *result = byline_gotmpl_nil ();
  switch ((BylineGotmplKind) receiver->kind)
    {
    case BYLINE_GOTMPL_NIL:
      /* Hugo's evalField: an invalid receiver yields no value. */
      return TRUE;
    case BYLINE_GOTMPL_MAP:
      {
        const BylineGotmplValue *v;

        if (has_args)
          return byline_gotmpl_exec_fail (exec, node, "%s is not a method but has arguments", name);
        v = byline_gotmpl_map_lookup (receiver->m, name);
        if (v != NULL)
          *result = byline_gotmpl_value_copy (v);
        return TRUE;
      }
    case BYLINE_GOTMPL_OBJECT:
      klass = receiver->o->klass;
      break;
    case BYLINE_GOTMPL_LIST:
      klass = byline_gotmpl_list_get_class (receiver->l);
      break;
    default:
      break;
    }

  method = byline_gotmpl_class_find_method (klass, name);
  if (method != NULL)
    return call_method (exec, dot, node, cmd, 1, final, method, receiver, result);

  if (klass != NULL && klass->field != NULL && receiver->kind == BYLINE_GOTMPL_OBJECT &&
      klass->field (receiver->o, name, result))
    {
      if (has_args)
        {
          byline_gotmpl_value_clear (result);
          return byline_gotmpl_exec_fail (exec, node,
                                          "%s has arguments but cannot be invoked as function",
                                          name);
        }
      return TRUE;
    }

  if (receiver->kind == BYLINE_GOTMPL_OBJECT && !klass->complete)
    {
      g_autofree char *what = g_strdup_printf (".%s (%s)", name, klass->type_name);
      BylineGotmplCall call = { exec, node, NULL, name };

      return byline_gotmpl_call_unsupported (&call, what);
    }
  return byline_gotmpl_exec_fail (exec, node, "can't evaluate field %s in type %s", name,
                                  byline_gotmpl_value_type_name (receiver));
}

static gboolean
eval_field_chain (BylineGotmplExec        *exec,
                  const BylineGotmplValue *dot,
                  const BylineGotmplValue *receiver,
                  const BylineGotmplNode  *node,
                  const char * const      *idents,
                  guint                    n,
                  const BylineGotmplNode  *cmd,
                  const Final             *final,
                  BylineGotmplValue       *result)
{
  g_auto(BylineGotmplValue) current = byline_gotmpl_value_copy (receiver);
  Final none = { FALSE, BYLINE_GOTMPL_VALUE_INIT };

  for (guint i = 0; i + 1 < n; i++)
    {
      BylineGotmplValue next;

      if (!eval_field (exec, dot, idents[i], node, NULL, &none, &current, &next))
        return FALSE;
      byline_gotmpl_value_clear (&current);
      current = next;
    }
  return eval_field (exec, dot, idents[n - 1], node, cmd, final, &current, result);
}

static gboolean eval_call_special (BylineGotmplExec *exec, const BylineGotmplValue *dot,
                                   const BylineGotmplNode *ident, const BylineGotmplNode *cmd,
                                   const Final *final, BylineGotmplValue *result,
                                   gboolean *handled);

static gboolean
eval_function (BylineGotmplExec        *exec,
               const BylineGotmplValue *dot,
               const BylineGotmplNode  *ident,
               const BylineGotmplNode  *cmd,
               const Final             *final,
               BylineGotmplValue       *result)
{
  const char *name = ident->ident.name;
  const BylineGotmplMethod *func;
  gboolean handled = FALSE;
  gboolean ok;

  ok = eval_call_special (exec, dot, ident, cmd, final, result, &handled);
  if (handled)
    return ok;

  func = byline_gotmpl_funcs_lookup (name);
  if (func == NULL)
    {
      BylineGotmplCall call = { exec, ident, NULL, name };

      if (byline_gotmpl_funcs_is_hugo (name))
        return byline_gotmpl_call_unsupported (&call, name);
      /* Hugo rejects the template when it parses it. */
      return byline_gotmpl_exec_fail_plain (exec, ident,
                                            "template: %s:%u: function \"%s\" not defined",
                                            exec->tmpl->parsed->name,
                                            byline_gotmpl_exec_line_of (exec, ident), name);
    }
  return call_method (exec, dot, cmd != NULL ? cmd : ident, cmd, 1, final, func, NULL, result);
}

static gboolean
eval_command (BylineGotmplExec        *exec,
              const BylineGotmplValue *dot,
              const BylineGotmplNode  *cmd,
              const Final             *final,
              BylineGotmplValue       *result)
{
  const BylineGotmplNode *first = cmd->cmd.args[0];

  *result = byline_gotmpl_nil ();
  if (!byline_gotmpl_exec_step (exec, cmd, 1))
    return FALSE;

  switch ((BylineGotmplNodeType) first->type)
    {
    case BYLINE_GOTMPL_NODE_FIELD:
      return eval_field_chain (exec, dot, dot, first, first->field.idents, first->field.n,
                               cmd, final, result);
    case BYLINE_GOTMPL_NODE_CHAIN:
      {
        g_auto(BylineGotmplValue) receiver = BYLINE_GOTMPL_VALUE_INIT;

        if (first->chain.node->type == BYLINE_GOTMPL_NODE_NIL)
          return byline_gotmpl_exec_fail (exec, first, "indirection through explicit nil in %s",
                                          "chain");
        if (!eval_arg (exec, dot, first->chain.node, &receiver))
          return FALSE;
        return eval_field_chain (exec, dot, &receiver, first, first->chain.fields,
                                 first->chain.n, cmd, final, result);
      }
    case BYLINE_GOTMPL_NODE_IDENTIFIER:
      return eval_function (exec, dot, first, cmd, final, result);
    case BYLINE_GOTMPL_NODE_PIPE:
      if (!not_a_function (exec, cmd, final))
        return FALSE;
      return byline_gotmpl_eval_pipeline (exec, dot, first, result);
    case BYLINE_GOTMPL_NODE_VARIABLE:
      {
        Variable *v = byline_gotmpl_exec_find_var (exec, first->field.idents[0]);

        if (v == NULL)
          return byline_gotmpl_exec_fail (exec, first, "undefined variable: %s",
                                          first->field.idents[0]);
        if (first->field.n == 1)
          {
            if (!not_a_function (exec, cmd, final))
              return FALSE;
            *result = byline_gotmpl_value_copy (&v->value);
            return TRUE;
          }
        {
          g_auto(BylineGotmplValue) receiver = byline_gotmpl_value_copy (&v->value);

          return eval_field_chain (exec, dot, &receiver, first, first->field.idents + 1,
                                   first->field.n - 1, cmd, final, result);
        }
      }
    default:
      break;
    }

  if (!not_a_function (exec, cmd, final))
    return FALSE;
  switch ((BylineGotmplNodeType) first->type)
    {
    case BYLINE_GOTMPL_NODE_BOOL:
      *result = byline_gotmpl_bool (first->boolean);
      return TRUE;
    case BYLINE_GOTMPL_NODE_DOT:
      *result = byline_gotmpl_value_copy (dot);
      return TRUE;
    case BYLINE_GOTMPL_NODE_NIL:
      return byline_gotmpl_exec_fail (exec, first, "nil is not a command");
    case BYLINE_GOTMPL_NODE_NUMBER:
      *result = first->number.is_float ? byline_gotmpl_float (first->number.f)
                                       : byline_gotmpl_int (first->number.i);
      return TRUE;
    case BYLINE_GOTMPL_NODE_STRING:
      *result = byline_gotmpl_string_len (first->string.text, first->string.len);
      return TRUE;
    default:
      return byline_gotmpl_exec_fail (exec, first, "can't evaluate command");
    }
}

static gboolean
eval_arg (BylineGotmplExec        *exec,
          const BylineGotmplValue *dot,
          const BylineGotmplNode  *node,
          BylineGotmplValue       *result)
{
  Final none = { FALSE, BYLINE_GOTMPL_VALUE_INIT };

  *result = byline_gotmpl_nil ();
  switch ((BylineGotmplNodeType) node->type)
    {
    case BYLINE_GOTMPL_NODE_DOT:
      *result = byline_gotmpl_value_copy (dot);
      return TRUE;
    case BYLINE_GOTMPL_NODE_NIL:
      return TRUE;
    case BYLINE_GOTMPL_NODE_FIELD:
      return eval_field_chain (exec, dot, dot, node, node->field.idents, node->field.n,
                               NULL, &none, result);
    case BYLINE_GOTMPL_NODE_VARIABLE:
      {
        Variable *v = byline_gotmpl_exec_find_var (exec, node->field.idents[0]);

        if (v == NULL)
          return byline_gotmpl_exec_fail (exec, node, "undefined variable: %s",
                                          node->field.idents[0]);
        if (node->field.n == 1)
          {
            *result = byline_gotmpl_value_copy (&v->value);
            return TRUE;
          }
        {
          g_auto(BylineGotmplValue) receiver = byline_gotmpl_value_copy (&v->value);

          return eval_field_chain (exec, dot, &receiver, node, node->field.idents + 1,
                                   node->field.n - 1, NULL, &none, result);
        }
      }
    case BYLINE_GOTMPL_NODE_PIPE:
      return byline_gotmpl_eval_pipeline (exec, dot, node, result);
    case BYLINE_GOTMPL_NODE_IDENTIFIER:
      return eval_function (exec, dot, node, NULL, &none, result);
    case BYLINE_GOTMPL_NODE_CHAIN:
      {
        g_auto(BylineGotmplValue) receiver = BYLINE_GOTMPL_VALUE_INIT;

        if (node->chain.node->type == BYLINE_GOTMPL_NODE_NIL)
          return byline_gotmpl_exec_fail (exec, node, "indirection through explicit nil in %s",
                                          "chain");
        if (!eval_arg (exec, dot, node->chain.node, &receiver))
          return FALSE;
        return eval_field_chain (exec, dot, &receiver, node, node->chain.fields,
                                 node->chain.n, NULL, &none, result);
      }
    case BYLINE_GOTMPL_NODE_BOOL:
      *result = byline_gotmpl_bool (node->boolean);
      return TRUE;
    case BYLINE_GOTMPL_NODE_NUMBER:
      *result = node->number.is_float ? byline_gotmpl_float (node->number.f)
                                      : byline_gotmpl_int (node->number.i);
      return TRUE;
    case BYLINE_GOTMPL_NODE_STRING:
      *result = byline_gotmpl_string_len (node->string.text, node->string.len);
      return TRUE;
    default:
      return byline_gotmpl_exec_fail (exec, node, "can't handle argument");
    }
}

gboolean
byline_gotmpl_eval_pipeline_cmds (BylineGotmplExec        *exec,
                                  const BylineGotmplValue *dot,
                                  const BylineGotmplNode  *pipe,
                                  guint                    n_cmds,
                                  BylineGotmplValue       *result)
{
  Final final = { FALSE, BYLINE_GOTMPL_VALUE_INIT };

  for (guint i = 0; i < n_cmds; i++)
    {
      BylineGotmplValue value;

      if (!eval_command (exec, dot, pipe->pipe.cmds[i], &final, &value))
        {
          byline_gotmpl_value_clear (&final.value);
          return FALSE;
        }
      byline_gotmpl_value_clear (&final.value);
      final.value = value;
      final.present = TRUE;
    }
  *result = final.value;
  return TRUE;
}

gboolean
byline_gotmpl_eval_pipeline (BylineGotmplExec        *exec,
                             const BylineGotmplValue *dot,
                             const BylineGotmplNode  *pipe,
                             BylineGotmplValue       *result)
{
  *result = byline_gotmpl_nil ();
  if (pipe == NULL)
    return TRUE;
  if (!byline_gotmpl_eval_pipeline_cmds (exec, dot, pipe, pipe->pipe.n_cmds, result))
    return FALSE;

  for (guint i = 0; i < pipe->pipe.n_decl; i++)
    {
      const char *name = pipe->pipe.decl[i]->field.idents[0];

      if (pipe->pipe.is_assign)
        {
          Variable *v = byline_gotmpl_exec_find_var (exec, name);

          if (v == NULL)
            return byline_gotmpl_exec_fail (exec, pipe, "undefined variable: %s", name);
          byline_gotmpl_value_clear (&v->value);
          v->value = byline_gotmpl_value_copy (result);
        }
      else
        byline_gotmpl_exec_push (exec, name, byline_gotmpl_value_copy (result));
    }
  return TRUE;
}

/* Hugo 0.141's try (tpl/internal/go_templates/texttemplate/exec.go): the
 * value of its argument, or the error evaluating it, caught, in a
 * TryValue whose .Err is the error (nil when none) and .Value the value. */
typedef struct
{
  BylineGotmplObject parent;
  BylineGotmplValue  value;
  char              *err;
} TryValue;

static void
try_value_finalize (BylineGotmplObject *object)
{
  TryValue *t = (TryValue *) object;

  byline_gotmpl_value_clear (&t->value);
  g_free (t->err);
}

static gboolean
try_value_method (BylineGotmplCall        *call,
                  const BylineGotmplValue *self,
                  const BylineGotmplValue *args,
                  guint                    n_args,
                  BylineGotmplValue       *result)
{
  TryValue *t = (TryValue *) self->o;

  if (strcmp (call->name, "Err") == 0)
    *result = t->err != NULL ? byline_gotmpl_string (t->err) : byline_gotmpl_nil ();
  else
    *result = byline_gotmpl_value_copy (&t->value);
  return TRUE;
}

static const BylineGotmplMethod try_value_methods[] = {
  { "Err", try_value_method, 0, 0 },
  { "Value", try_value_method, 0, 0 },
};

static const BylineGotmplClass try_value_class = {
  .type_name = "*hugo.TryValue",
  .methods = try_value_methods,
  .n_methods = G_N_ELEMENTS (try_value_methods),
  .finalize = try_value_finalize,
  .complete = TRUE,
};

static BylineGotmplValue
try_value_new (BylineGotmplValue  value,
               char              *err)
{
  TryValue *t = byline_gotmpl_object_new (&try_value_class, sizeof (TryValue));

  t->value = value;
  t->err = err;
  return byline_gotmpl_object_value (t);
}

static gboolean
eval_try (BylineGotmplExec        *exec,
          const BylineGotmplValue *dot,
          const BylineGotmplNode  *ident,
          const BylineGotmplNode  *cmd,
          const Final             *final,
          guint                    n_args,
          BylineGotmplValue       *result)
{
  BylineGotmplResult *r = exec->run->result;
  BylineGotmplValue v = BYLINE_GOTMPL_VALUE_INIT;
  const char *message;
  const char *cause;

  if (n_args != 1)
    return byline_gotmpl_exec_fail (exec, ident, "wrong number of args for try: want 1 got %u",
                                    n_args);
  if (final->present)
    v = byline_gotmpl_value_copy (&final->value);
  else if (!eval_arg (exec, dot, cmd->cmd.args[1], &v))
    {
      byline_gotmpl_value_clear (&v);
      /* What the preview lacks, a limit, a return: not an error to catch. */
      if (!exec->run->failed || r->status != BYLINE_GOTMPL_ERROR)
        return FALSE;
      message = r->message != NULL ? r->message : "error";
      /* The error itself, without the place text/template puts before it. */
      cause = strstr (message, ">: ");
      *result = try_value_new (byline_gotmpl_nil (), g_strdup (cause != NULL ? cause + 3 : message));
      g_clear_pointer (&r->message, g_free);
      g_clear_pointer (&r->missing, g_free);
      g_clear_pointer (&r->file, g_free);
      r->status = BYLINE_GOTMPL_OK;
      r->line = r->column = 0;
      exec->run->failed = FALSE;
      return TRUE;
    }
  *result = try_value_new (v, NULL);
  return TRUE;
}

/* Hugo's specials: and/or short-circuit, return (partials), try, not, len. */
static gboolean
eval_call_special (BylineGotmplExec        *exec,
                   const BylineGotmplValue *dot,
                   const BylineGotmplNode  *ident,
                   const BylineGotmplNode  *cmd,
                   const Final             *final,
                   BylineGotmplValue       *result,
                   gboolean                *handled)
{
  const char *name = ident->ident.name;
  guint n_args = (cmd != NULL ? cmd->cmd.n - 1 : 0) + (final->present ? 1 : 0);

  *handled = TRUE;
  if (strcmp (name, "and") == 0 || strcmp (name, "or") == 0)
    {
      gboolean is_or = name[0] == 'o';

      if (n_args == 0)
        return byline_gotmpl_exec_fail (exec, ident,
                                        "wrong number of args for %s: want at least 1 got 0", name);
      for (guint i = 1; cmd != NULL && i < cmd->cmd.n; i++)
        {
          byline_gotmpl_value_clear (result);
          if (!eval_arg (exec, dot, cmd->cmd.args[i], result))
            return FALSE;
          if (byline_gotmpl_value_truth (result) == is_or)
            return TRUE;
        }
      if (final->present)
        {
          byline_gotmpl_value_clear (result);
          *result = byline_gotmpl_value_copy (&final->value);
        }
      return TRUE;
    }

  if (strcmp (name, "try") == 0)
    return eval_try (exec, dot, ident, cmd, final, n_args, result);

  if (strcmp (name, "return") == 0)
    {
      /* Hugo: everything after return is a command, so both
       * {{ return $v }} and {{ return add . 42 }} work. */
      byline_gotmpl_value_clear (&exec->return_value);
      exec->has_return_value = FALSE;
      if (cmd != NULL && cmd->cmd.n > 1)
        {
          BylineGotmplNode sub = *cmd;

          sub.cmd.args = cmd->cmd.args + 1;
          sub.cmd.n = cmd->cmd.n - 1;
          if (sub.cmd.n == 1 && sub.cmd.args[0]->type == BYLINE_GOTMPL_NODE_NIL && !final->present)
            exec->return_value = byline_gotmpl_nil ();
          else if (!eval_command (exec, dot, &sub, final, &exec->return_value))
            return FALSE;
          exec->has_return_value = TRUE;
        }
      else if (final->present)
        {
          exec->return_value = byline_gotmpl_value_copy (&final->value);
          exec->has_return_value = TRUE;
        }
      exec->flow = FLOW_RETURN;
      return FALSE;
    }

  *handled = FALSE;
  return TRUE;
}
