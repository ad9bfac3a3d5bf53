/* byline-gotmpl-exec.c — running a parsed template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A port of Go's text/template exec.go with Hugo's changes (Hugo's
 * tpl/internal/go_templates/texttemplate/hugo_template.go): Hugo's
 * truthiness, map keys found without regard to case in maps.Params, and
 * the return keyword of partials. Errors do not unwind with panics: every
 * evaluation returns FALSE once the run has failed (or a partial returned),
 * and the first failure is what the caller sees.
 *
 * For .html templates html/template's escaping runs alongside: each text
 * node moves the escaping context on (byline-gotmpl-escape.c) and each
 * action's value goes through the escapers that context calls for. Go
 * computes those contexts before running the template; following the path
 * actually taken gives the same escapers for every template Go accepts.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-exec.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "byline-gotmpl-escape.h"
#include "byline-gotmpl-funcs.h"

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

/* Templates */

BylineGotmplTemplate *
byline_gotmpl_template_new (BylineGotmplParsed *parsed,
                            const char         *path,
                            gboolean            is_html)
{
  BylineGotmplTemplate *self = g_new0 (BylineGotmplTemplate, 1);

  self->ref_count = 1;
  self->parsed = parsed;
  self->path = g_strdup (path);
  self->is_html = is_html;
  return self;
}

BylineGotmplTemplate *
byline_gotmpl_template_ref (BylineGotmplTemplate *self)
{
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
byline_gotmpl_template_unref (BylineGotmplTemplate *self)
{
  if (!g_atomic_int_dec_and_test (&self->ref_count))
    return;
  byline_gotmpl_parsed_free (self->parsed);
  g_free (self->path);
  g_free (self);
}

/* Failures */

static char *
node_text (BylineGotmplExec       *exec,
           const BylineGotmplNode *node)
{
  const BylineGotmplParsed *parsed = exec->tmpl->parsed;
  gsize start = MIN (node->pos, parsed->length);
  gsize end = MIN (MAX (node->end, node->pos), parsed->length);

  while (end > start && g_ascii_isspace (parsed->source[end - 1]))
    end--;
  if (end - start > 60)
    return g_strdup_printf ("%.*s…", 57, parsed->source + start);
  return g_strndup (parsed->source + start, end - start);
}

/* Records the run's first failure. FALSE, for tail calls. */
static gboolean
fail_at (BylineGotmplExec       *exec,
         const BylineGotmplNode *node,
         BylineGotmplStatus      status,
         const char             *missing,
         gboolean                decorate,
         const char             *message)
{
  BylineGotmplResult *result = exec->run->result;
  guint line = 0, column = 0;

  if (exec->run->failed)
    return FALSE;
  exec->run->failed = TRUE;

  result->status = status;
  g_clear_pointer (&result->file, g_free);
  result->file = g_strdup (exec->tmpl->path);
  if (node != NULL)
    {
      g_autofree char *context = node_text (exec, node);

      byline_gotmpl_parsed_locate (exec->tmpl->parsed, node->pos, &line, &column);
      result->line = line;
      result->column = column + 1;
      if (decorate)
        result->message = g_strdup_printf ("template: %s:%u:%u: executing \"%s\" at <%s>: %s",
                                           exec->tmpl->parsed->name, line, column,
                                           exec->tmpl->parsed->name, context, message);
    }
  if (result->message == NULL)
    result->message = g_strdup (message);
  result->missing = g_strdup (missing);
  return FALSE;
}

static gboolean
fail_valist (BylineGotmplExec       *exec,
             const BylineGotmplNode *node,
             gboolean                with_context,
             const char             *format,
             va_list                 args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  return fail_at (exec, node, BYLINE_GOTMPL_ERROR, NULL, with_context, message);
}

static gboolean fail (BylineGotmplExec *exec, const BylineGotmplNode *node,
                      const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (BylineGotmplExec       *exec,
      const BylineGotmplNode *node,
      const char             *format,
      ...)
{
  va_list args;
  gboolean ok;

  va_start (args, format);
  ok = fail_valist (exec, node, TRUE, format, args);
  va_end (args);
  return ok;
}

/* A failure whose message is complete as it is (parse-time errors). */
static gboolean fail_plain (BylineGotmplExec *exec, const BylineGotmplNode *node,
                            const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail_plain (BylineGotmplExec       *exec,
            const BylineGotmplNode *node,
            const char             *format,
            ...)
{
  va_list args;
  gboolean ok;

  va_start (args, format);
  ok = fail_valist (exec, node, FALSE, format, args);
  va_end (args);
  return ok;
}

static guint
line_of (BylineGotmplExec       *exec,
         const BylineGotmplNode *node)
{
  guint line = 0;

  byline_gotmpl_parsed_locate (exec->tmpl->parsed, node->pos, &line, NULL);
  return line;
}

static gboolean
step (BylineGotmplExec       *exec,
      const BylineGotmplNode *node,
      guint64                 n)
{
  exec->run->steps += n;
  if (exec->run->steps > exec->run->options->limits.max_steps)
    {
      g_autofree char *message =
        g_strdup_printf (_("The template ran past the preview’s limit of %lu steps"),
                         (gulong) exec->run->options->limits.max_steps);

      return fail_at (exec, node, BYLINE_GOTMPL_LIMIT, NULL, FALSE, message);
    }
  return TRUE;
}

static gboolean
write_out (BylineGotmplExec       *exec,
           const BylineGotmplNode *node,
           const char             *text,
           gsize                   len)
{
  exec->run->output += len;
  if (exec->run->output > exec->run->options->limits.max_output)
    {
      g_autofree char *message =
        g_strdup_printf (_("The template wrote more than the preview’s limit of %lu bytes"),
                         (gulong) exec->run->options->limits.max_output);

      return fail_at (exec, node, BYLINE_GOTMPL_LIMIT, NULL, FALSE, message);
    }
  g_string_append_len (exec->out, text, len);
  return TRUE;
}

/* Calls */

gboolean
byline_gotmpl_call_error (BylineGotmplCall *call,
                          const char       *format,
                          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  return fail (call->exec, call->node, "error calling %s: %s", call->name, message);
}

char *
byline_gotmpl_call_arg_text (BylineGotmplCall *call,
                             guint             index)
{
  const BylineGotmplNode *node = call->cmd;

  if (node == NULL || index + 1 >= node->cmd.n)
    return NULL;
  return node_text (call->exec, node->cmd.args[index + 1]);
}

gboolean
byline_gotmpl_call_unsupported (BylineGotmplCall *call,
                                const char       *what)
{
  g_autofree char *message =
    g_strdup_printf (_("“%s” is not supported by the preview"), what);

  return fail_at (call->exec, call->node, BYLINE_GOTMPL_UNSUPPORTED, what, FALSE, message);
}

void
byline_gotmpl_call_report (BylineGotmplCall *call,
                           gboolean          is_error,
                           const char       *text)
{
  BylineGotmplResult *result = call->exec->run->result;
  BylineGotmplMessage *m = g_new0 (BylineGotmplMessage, 1);
  guint line, column;

  byline_gotmpl_parsed_locate (call->exec->tmpl->parsed, call->node->pos, &line, &column);
  m->is_error = is_error;
  m->text = g_strdup (text);
  m->file = g_strdup (call->exec->tmpl->path);
  m->line = line;
  m->column = column + 1;
  if (result->messages == NULL)
    result->messages = g_ptr_array_new ();
  if (result->messages->len < 1000)
    g_ptr_array_add (result->messages, m);
  else
    {
      g_free (m->text);
      g_free (m->file);
      g_free (m);
    }
}

BylineGotmplEnv *
byline_gotmpl_call_get_env (BylineGotmplCall *call)
{
  return call->exec->run->options->env;
}

BylineGotmplSet *
byline_gotmpl_call_get_set (BylineGotmplCall *call)
{
  return call->exec->run->options->set;
}

gboolean
byline_gotmpl_call_is_html (BylineGotmplCall *call)
{
  return call->exec->tmpl->is_html;
}

gboolean
byline_gotmpl_call_step (BylineGotmplCall *call,
                         guint64           steps)
{
  return step (call->exec, call->node, steps);
}

static const BylineGotmplValue nil_value = BYLINE_GOTMPL_VALUE_INIT;

const BylineGotmplValue *
byline_gotmpl_call_get_page (BylineGotmplCall *call)
{
  const BylineGotmplValue *page = call->exec->run->options->page;

  return page != NULL ? page : &nil_value;
}

const BylineGotmplValue *
byline_gotmpl_call_get_site (BylineGotmplCall *call)
{
  const BylineGotmplValue *site = call->exec->run->options->site;

  return site != NULL ? site : &nil_value;
}

char *
byline_gotmpl_call_markdown (BylineGotmplCall *call,
                             const char       *markdown,
                             gboolean          inline_only)
{
  g_autoptr(GError) error = NULL;
  BylineGotmplEnv *env = call->exec->run->options->env;
  char *html;

  if (env == NULL)
    {
      byline_gotmpl_call_unsupported (call, "markdownify");
      return NULL;
    }
  html = byline_gotmpl_env_render_markdown (env, markdown, inline_only, &error);
  if (html == NULL)
    byline_gotmpl_call_error (call, "%s", error != NULL ? error->message : "no Markdown renderer");
  return html;
}

/* Variables */

static guint
mark (BylineGotmplExec *exec)
{
  return exec->vars->len;
}

static void
pop (BylineGotmplExec *exec,
     guint             to)
{
  for (guint i = to; i < exec->vars->len; i++)
    byline_gotmpl_value_clear (&g_array_index (exec->vars, Variable, i).value);
  g_array_set_size (exec->vars, to);
}

static void
push (BylineGotmplExec  *exec,
      const char        *name,
      BylineGotmplValue  value)
{
  Variable v = { name, value };

  g_array_append_val (exec->vars, v);
}

static Variable *
find_var (BylineGotmplExec *exec,
          const char       *name)
{
  for (guint i = exec->vars->len; i > 0; i--)
    {
      Variable *v = &g_array_index (exec->vars, Variable, i - 1);

      if (strcmp (v->name, name) == 0)
        return v;
    }
  return NULL;
}

/* Evaluation */

/* Go's "missing" final value: no value came down the pipeline. */
typedef struct
{
  gboolean          present;
  BylineGotmplValue value;
} Final;

static gboolean eval_pipeline (BylineGotmplExec *exec, const BylineGotmplValue *dot,
                               const BylineGotmplNode *pipe, BylineGotmplValue *result);
static gboolean eval_arg (BylineGotmplExec *exec, const BylineGotmplValue *dot,
                          const BylineGotmplNode *node, BylineGotmplValue *result);
static gboolean walk (BylineGotmplExec *exec, const BylineGotmplValue *dot,
                      const BylineGotmplNode *node);

static gboolean
not_a_function (BylineGotmplExec       *exec,
                const BylineGotmplNode *cmd,
                const Final            *final)
{
  if (cmd->cmd.n > 1 || final->present)
    {
      g_autofree char *text = node_text (exec, cmd->cmd.args[0]);

      return fail (exec, cmd->cmd.args[0], "can't give argument to non-function %s", text);
    }
  return TRUE;
}

/* Evaluates the arguments args[first..] of a command, then the final
 * value, into a new array. */
static BylineGotmplValue *
eval_args (BylineGotmplExec        *exec,
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

static void
free_args (BylineGotmplValue *args,
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

  args = eval_args (exec, dot, cmd, first_arg, final, &n_args);
  if (args == NULL)
    return FALSE;
  if (method->max_args >= 0 && method->min_args == method->max_args &&
      n_args != (guint) method->min_args)
    {
      free_args (args, n_args);
      return fail (exec, node, "wrong number of args for %s: want %d got %u",
                   method->name, method->min_args, n_args);
    }
  if ((int) n_args < method->min_args)
    {
      free_args (args, n_args);
      return fail (exec, node, "wrong number of args for %s: want at least %d got %u",
                   method->name, method->min_args, n_args);
    }
  if (method->max_args >= 0 && (int) n_args > method->max_args)
    {
      free_args (args, n_args);
      return fail (exec, node, "wrong number of args for %s: want at most %d got %u",
                   method->name, method->max_args, n_args);
    }
  if (!step (exec, node, 1))
    {
      free_args (args, n_args);
      return FALSE;
    }

  *result = byline_gotmpl_nil ();
  ok = method->func (&call, self, args, n_args, result);
  free_args (args, n_args);
  if (!ok)
    {
      byline_gotmpl_value_clear (result);
      /* A function that fails without saying why still fails the run. */
      if (!exec->run->failed)
        fail (exec, node, "error calling %s", method->name);
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
          return fail (exec, node, "%s is not a method but has arguments", name);
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
          return fail (exec, node, "%s has arguments but cannot be invoked as function", name);
        }
      return TRUE;
    }

  if (receiver->kind == BYLINE_GOTMPL_OBJECT && !klass->complete)
    {
      g_autofree char *what = g_strdup_printf (".%s (%s)", name, klass->type_name);
      BylineGotmplCall call = { exec, node, NULL, name };

      return byline_gotmpl_call_unsupported (&call, what);
    }
  return fail (exec, node, "can't evaluate field %s in type %s", name,
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
      return fail_plain (exec, ident, "template: %s:%u: function \"%s\" not defined",
                         exec->tmpl->parsed->name, line_of (exec, ident), name);
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
  if (!step (exec, cmd, 1))
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
          return fail (exec, first, "indirection through explicit nil in %s", "chain");
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
      return eval_pipeline (exec, dot, first, result);
    case BYLINE_GOTMPL_NODE_VARIABLE:
      {
        Variable *v = find_var (exec, first->field.idents[0]);

        if (v == NULL)
          return fail (exec, first, "undefined variable: %s", first->field.idents[0]);
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
      return fail (exec, first, "nil is not a command");
    case BYLINE_GOTMPL_NODE_NUMBER:
      *result = first->number.is_float ? byline_gotmpl_float (first->number.f)
                                       : byline_gotmpl_int (first->number.i);
      return TRUE;
    case BYLINE_GOTMPL_NODE_STRING:
      *result = byline_gotmpl_string_len (first->string.text, first->string.len);
      return TRUE;
    default:
      return fail (exec, first, "can't evaluate command");
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
        Variable *v = find_var (exec, node->field.idents[0]);

        if (v == NULL)
          return fail (exec, node, "undefined variable: %s", node->field.idents[0]);
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
      return eval_pipeline (exec, dot, node, result);
    case BYLINE_GOTMPL_NODE_IDENTIFIER:
      return eval_function (exec, dot, node, NULL, &none, result);
    case BYLINE_GOTMPL_NODE_CHAIN:
      {
        g_auto(BylineGotmplValue) receiver = BYLINE_GOTMPL_VALUE_INIT;

        if (node->chain.node->type == BYLINE_GOTMPL_NODE_NIL)
          return fail (exec, node, "indirection through explicit nil in %s", "chain");
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
      return fail (exec, node, "can't handle argument");
    }
}

static gboolean
eval_pipeline_cmds (BylineGotmplExec        *exec,
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

static gboolean
eval_pipeline (BylineGotmplExec        *exec,
               const BylineGotmplValue *dot,
               const BylineGotmplNode  *pipe,
               BylineGotmplValue       *result)
{
  *result = byline_gotmpl_nil ();
  if (pipe == NULL)
    return TRUE;
  if (!eval_pipeline_cmds (exec, dot, pipe, pipe->pipe.n_cmds, result))
    return FALSE;

  for (guint i = 0; i < pipe->pipe.n_decl; i++)
    {
      const char *name = pipe->pipe.decl[i]->field.idents[0];

      if (pipe->pipe.is_assign)
        {
          Variable *v = find_var (exec, name);

          if (v == NULL)
            return fail (exec, pipe, "undefined variable: %s", name);
          byline_gotmpl_value_clear (&v->value);
          v->value = byline_gotmpl_value_copy (result);
        }
      else
        push (exec, name, byline_gotmpl_value_copy (result));
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
    return fail (exec, ident, "wrong number of args for try: want 1 got %u", n_args);
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
        return fail (exec, ident, "wrong number of args for %s: want at least 1 got 0", name);
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

/* Printing */

static gboolean
print_value (BylineGotmplExec        *exec,
             const BylineGotmplNode  *node,
             const BylineGotmplValue *value)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (value->kind == BYLINE_GOTMPL_NIL)
    g_string_append (s, "<no value>");
  else
    byline_gotmpl_value_print (value, s);
  return write_out (exec, node, s->str, s->len);
}

static gboolean
is_predefined_escaper (const BylineGotmplNode *cmd,
                       const char            **name)
{
  const BylineGotmplNode *first = cmd->cmd.args[0];

  if (first->type != BYLINE_GOTMPL_NODE_IDENTIFIER)
    return FALSE;
  if (strcmp (first->ident.name, "html") != 0 && strcmp (first->ident.name, "urlquery") != 0)
    return FALSE;
  *name = first->ident.name;
  return TRUE;
}

/* html/template's escapeAction and ensurePipelineContains, at run time. */
static gboolean
walk_html_action (BylineGotmplExec        *exec,
                  const BylineGotmplValue *dot,
                  const BylineGotmplNode  *node)
{
  const BylineGotmplNode *pipe = node->action.pipe;
  BylineGotmplEscaper escapers[4];
  guint n_escapers;
  g_autofree char *error = NULL;
  const char *predefined = NULL;
  gboolean merged = FALSE;
  g_auto(BylineGotmplValue) value = BYLINE_GOTMPL_VALUE_INIT;
  g_autoptr(GString) s = NULL;
  BylineGotmplContext c = exec->ctx;

  n_escapers = byline_gotmpl_escapers_for (&c, escapers, &error);
  if (error != NULL)
    return fail (exec, node, "%s", error);

  for (guint i = 0; i < pipe->pipe.n_cmds; i++)
    {
      const char *name;

      if (!is_predefined_escaper (pipe->pipe.cmds[i], &name))
        continue;
      if (i + 1 < pipe->pipe.n_cmds ||
          (c.state == BYLINE_GOTMPL_STATE_ATTR && c.delim == BYLINE_GOTMPL_DELIM_SPACE_OR_TAG_END &&
           strcmp (name, "html") == 0))
        return fail (exec, node, "predefined escaper \"%s\" disallowed in template", name);
      predefined = name;
    }

  if (predefined != NULL)
    {
      BylineGotmplEscaper own = predefined[0] == 'h' ? BYLINE_GOTMPL_ESC_HTML_BUILTIN
                                                      : BYLINE_GOTMPL_ESC_URLQUERY_BUILTIN;

      for (guint i = 0; i < n_escapers; i++)
        if (byline_gotmpl_escaper_equivalent (escapers[i], own))
          {
            escapers[i] = own;
            merged = TRUE;
          }
    }

  if (merged)
    {
      const BylineGotmplNode *last = pipe->pipe.cmds[pipe->pipe.n_cmds - 1];

      if (pipe->pipe.n_cmds == 1 && last->cmd.n > 1)
        {
          /* {{ html a b }} becomes {{ _eval_args_ a b | html }}. */
          Final none = { FALSE, BYLINE_GOTMPL_VALUE_INIT };
          guint n_args = 0;
          BylineGotmplValue *args = eval_args (exec, dot, last, 1, &none, &n_args);
          g_autoptr(GString) joined = g_string_new (NULL);

          if (args == NULL)
            return FALSE;
          byline_gotmpl_sprint (joined, args, n_args);
          free_args (args, n_args);
          value = byline_gotmpl_string_len (joined->str, joined->len);
        }
      else if (!eval_pipeline_cmds (exec, dot, pipe, pipe->pipe.n_cmds - 1, &value))
        return FALSE;
    }
  else if (!eval_pipeline (exec, dot, pipe, &value))
    return FALSE;

  s = byline_gotmpl_escape_value (&value, escapers, n_escapers);
  exec->ctx = c;
  return write_out (exec, node, s->str, s->len);
}

/* Walking */

static gboolean walk_list (BylineGotmplExec *exec, const BylineGotmplValue *dot,
                           const BylineGotmplNode *list);

static gboolean
walk_if_or_with (BylineGotmplExec        *exec,
                 const BylineGotmplValue *dot,
                 const BylineGotmplNode  *node)
{
  guint m = mark (exec);
  g_auto(BylineGotmplValue) value = BYLINE_GOTMPL_VALUE_INIT;
  gboolean ok;

  if (!eval_pipeline (exec, dot, node->branch.pipe, &value))
    {
      pop (exec, m);
      return FALSE;
    }
  if (byline_gotmpl_value_truth (&value))
    ok = walk_list (exec, node->type == BYLINE_GOTMPL_NODE_WITH ? &value : dot, node->branch.list);
  else if (node->branch.else_list != NULL)
    ok = walk_list (exec, dot, node->branch.else_list);
  else
    ok = TRUE;
  pop (exec, m);
  return ok;
}

/* One iteration of range; FALSE when the loop must stop (error, break). */
static gboolean
range_iteration (BylineGotmplExec        *exec,
                 const BylineGotmplNode  *node,
                 const BylineGotmplValue *index,
                 const BylineGotmplValue *elem,
                 gboolean                *stop)
{
  const BylineGotmplNode *pipe = node->branch.pipe;
  guint m = mark (exec);
  gboolean ok;

  *stop = FALSE;
  if (pipe->pipe.n_decl > 0)
    {
      if (pipe->pipe.is_assign)
        {
          Variable *v = find_var (exec, pipe->pipe.decl[0]->field.idents[0]);

          if (v != NULL)
            {
              byline_gotmpl_value_clear (&v->value);
              v->value = byline_gotmpl_value_copy (pipe->pipe.n_decl > 1 ? index : elem);
            }
          if (pipe->pipe.n_decl > 1 &&
              (v = find_var (exec, pipe->pipe.decl[1]->field.idents[0])) != NULL)
            {
              byline_gotmpl_value_clear (&v->value);
              v->value = byline_gotmpl_value_copy (elem);
            }
        }
      else
        {
          /* eval_pipeline pushed the declared variables: set them. */
          Variable *first = &g_array_index (exec->vars, Variable, m - pipe->pipe.n_decl);

          byline_gotmpl_value_clear (&first->value);
          first->value = byline_gotmpl_value_copy (pipe->pipe.n_decl > 1 ? index : elem);
          if (pipe->pipe.n_decl > 1)
            {
              Variable *second = &g_array_index (exec->vars, Variable, m - 1);

              byline_gotmpl_value_clear (&second->value);
              second->value = byline_gotmpl_value_copy (elem);
            }
        }
    }

  ok = walk_list (exec, elem, node->branch.list);
  pop (exec, m);
  if (!ok)
    {
      *stop = TRUE;
      return FALSE;
    }
  if (exec->flow == FLOW_BREAK)
    {
      exec->flow = FLOW_NORMAL;
      *stop = TRUE;
    }
  else if (exec->flow == FLOW_CONTINUE)
    exec->flow = FLOW_NORMAL;
  return TRUE;
}

static gboolean
walk_range (BylineGotmplExec        *exec,
            const BylineGotmplValue *dot,
            const BylineGotmplNode  *node)
{
  guint m = mark (exec);
  g_auto(BylineGotmplValue) value = BYLINE_GOTMPL_VALUE_INIT;
  gboolean ran = FALSE, stop = FALSE, ok = TRUE;

  if (!eval_pipeline (exec, dot, node->branch.pipe, &value))
    {
      pop (exec, m);
      return FALSE;
    }

  switch ((BylineGotmplKind) value.kind)
    {
    case BYLINE_GOTMPL_INT:
      if (node->branch.pipe->pipe.n_decl > 1)
        {
          pop (exec, m);
          return fail (exec, node, "can't use %" G_GINT64_FORMAT " to iterate over more than one variable",
                       value.i);
        }
      for (gint64 i = 0; i < value.i && !stop; i++)
        {
          BylineGotmplValue v = byline_gotmpl_int (i);

          ran = TRUE;
          ok = step (exec, node, 1) && range_iteration (exec, node, &nil_value, &v, &stop);
          if (!ok)
            break;
        }
      break;
    case BYLINE_GOTMPL_LIST:
      for (guint i = 0; i < byline_gotmpl_list_length (value.l) && !stop; i++)
        {
          BylineGotmplValue index = byline_gotmpl_int (i);

          ran = TRUE;
          ok = step (exec, node, 1) &&
               range_iteration (exec, node, &index, byline_gotmpl_list_get (value.l, i), &stop);
          if (!ok)
            break;
        }
      break;
    case BYLINE_GOTMPL_MAP:
      for (guint i = 0; i < byline_gotmpl_map_length (value.m) && !stop; i++)
        {
          g_auto(BylineGotmplValue) key = byline_gotmpl_string (byline_gotmpl_map_key_at (value.m, i));

          ran = TRUE;
          ok = step (exec, node, 1) &&
               range_iteration (exec, node, &key, byline_gotmpl_map_value_at (value.m, i), &stop);
          if (!ok)
            break;
        }
      break;
    case BYLINE_GOTMPL_NIL:
      break;
    default:
      {
        g_autoptr(GString) s = g_string_new (NULL);

        byline_gotmpl_value_print (&value, s);
        pop (exec, m);
        return fail (exec, node, "range can't iterate over %s", s->str);
      }
    }

  if (ok && !ran && node->branch.else_list != NULL)
    ok = walk_list (exec, dot, node->branch.else_list);
  pop (exec, m);
  return ok;
}

static gboolean run_tree (BylineGotmplExec *exec, BylineGotmplTemplate *tmpl,
                          const BylineGotmplNode *root, const BylineGotmplValue *dot,
                          const BylineGotmplNode *at);

static gboolean
walk_template (BylineGotmplExec        *exec,
               const BylineGotmplValue *dot,
               const BylineGotmplNode  *node)
{
  const BylineGotmplNode *root =
    g_hash_table_lookup (exec->tmpl->parsed->defines, node->tmpl.name);
  g_auto(BylineGotmplValue) value = BYLINE_GOTMPL_VALUE_INIT;

  if (root == NULL)
    return fail (exec, node, "template \"%s\" not defined", node->tmpl.name);
  if (!eval_pipeline (exec, dot, node->tmpl.pipe, &value))
    return FALSE;
  return run_tree (exec, exec->tmpl, root, &value, node);
}

static gboolean
walk (BylineGotmplExec        *exec,
      const BylineGotmplValue *dot,
      const BylineGotmplNode  *node)
{
  if (!step (exec, node, 1))
    return FALSE;

  switch ((BylineGotmplNodeType) node->type)
    {
    case BYLINE_GOTMPL_NODE_ACTION:
      if (exec->tmpl->is_html && node->action.pipe->pipe.n_decl == 0)
        return walk_html_action (exec, dot, node);
      {
        g_auto(BylineGotmplValue) value = BYLINE_GOTMPL_VALUE_INIT;

        if (!eval_pipeline (exec, dot, node->action.pipe, &value))
          return FALSE;
        if (node->action.pipe->pipe.n_decl == 0)
          return print_value (exec, node, &value);
        return TRUE;
      }
    case BYLINE_GOTMPL_NODE_BREAK:
      exec->flow = FLOW_BREAK;
      return TRUE;
    case BYLINE_GOTMPL_NODE_CONTINUE:
      exec->flow = FLOW_CONTINUE;
      return TRUE;
    case BYLINE_GOTMPL_NODE_COMMENT:
      return TRUE;
    case BYLINE_GOTMPL_NODE_IF:
    case BYLINE_GOTMPL_NODE_WITH:
      return walk_if_or_with (exec, dot, node);
    case BYLINE_GOTMPL_NODE_LIST:
      return walk_list (exec, dot, node);
    case BYLINE_GOTMPL_NODE_RANGE:
      return walk_range (exec, dot, node);
    case BYLINE_GOTMPL_NODE_TEMPLATE:
      return walk_template (exec, dot, node);
    case BYLINE_GOTMPL_NODE_TEXT:
      if (exec->tmpl->is_html)
        {
          g_autoptr(GString) s = g_string_new (NULL);
          g_autofree char *error = NULL;

          byline_gotmpl_escape_text (&exec->ctx, node->text.text, node->text.len, s, &error);
          if (error != NULL)
            {
              return fail_plain (exec, node, "html/template:%s:%u: %s",
                                 exec->tmpl->parsed->name, line_of (exec, node), error);
            }
          return write_out (exec, node, s->str, s->len);
        }
      return write_out (exec, node, node->text.text, node->text.len);
    default:
      return fail (exec, node, "unknown node");
    }
}

static gboolean
walk_list (BylineGotmplExec        *exec,
           const BylineGotmplValue *dot,
           const BylineGotmplNode  *list)
{
  for (guint i = 0; i < list->list.n; i++)
    {
      if (!walk (exec, dot, list->list.nodes[i]))
        return FALSE;
      if (exec->flow != FLOW_NORMAL)
        return TRUE;
    }
  return TRUE;
}

/* Runs @root of @tmpl in a new frame of the same output (template calls). */
static gboolean
run_tree (BylineGotmplExec        *exec,
          BylineGotmplTemplate    *tmpl,
          const BylineGotmplNode  *root,
          const BylineGotmplValue *dot,
          const BylineGotmplNode  *at)
{
  BylineGotmplExec frame = *exec;
  gboolean ok;

  if (exec->depth + 1 > exec->run->options->limits.max_depth)
    {
      g_autofree char *message =
        g_strdup_printf (_("Templates call each other deeper than the preview’s limit of %u"),
                         exec->run->options->limits.max_depth);

      return fail_at (exec, at, BYLINE_GOTMPL_LIMIT, NULL, FALSE, message);
    }
  frame.tmpl = tmpl;
  frame.vars = g_array_new (FALSE, FALSE, sizeof (Variable));
  frame.depth = exec->depth + 1;
  frame.flow = FLOW_NORMAL;
  frame.has_return_value = FALSE;
  frame.return_value = byline_gotmpl_nil ();
  push (&frame, "$", byline_gotmpl_value_copy (dot));
  ok = walk_list (&frame, dot, root);
  exec->ctx = frame.ctx;
  pop (&frame, 0);
  g_array_unref (frame.vars);
  byline_gotmpl_value_clear (&frame.return_value);
  /* A bare return ends only the template it is in. */
  if (!ok && !exec->run->failed && frame.flow == FLOW_RETURN)
    {
      if (frame.has_return_value)
        return fail (exec, at, "return with a value is only supported in partials");
      return TRUE;
    }
  return ok;
}

gboolean
byline_gotmpl_call_partial (BylineGotmplCall        *call,
                            const char              *name,
                            const BylineGotmplValue *context,
                            BylineGotmplValue       *result)
{
  BylineGotmplExec *exec = call->exec;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineGotmplTemplate) tmpl = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *inline_name = g_strconcat ("_partials/", name, NULL);
  const BylineGotmplNode *root;
  BylineGotmplExec frame = { 0 };
  guint error_line = 0;
  gboolean ok;

  /* An inline partial: {{ define "_partials/inline/x.html" }} (or
   * "partials/…") in the calling template. */
  root = g_hash_table_lookup (exec->tmpl->parsed->defines, inline_name);
  if (root == NULL)
    root = g_hash_table_lookup (exec->tmpl->parsed->defines, inline_name + 1);
  if (root != NULL)
    tmpl = byline_gotmpl_template_ref (exec->tmpl);
  else if (exec->run->options->set == NULL)
    return byline_gotmpl_call_unsupported (call, "partial");
  else
    tmpl = byline_gotmpl_set_lookup (exec->run->options->set, BYLINE_GOTMPL_PARTIAL_TEMPLATE,
                                     name, &path, &error_line, &error);
  if (tmpl == NULL)
    {
      BylineGotmplResult *run_result = exec->run->result;

      if (error == NULL)
        return byline_gotmpl_call_error (call, "partial \"%s\" not found", name);
      /* The partial does not parse: Hugo fails on it, at its line. */
      if (!exec->run->failed)
        {
          exec->run->failed = TRUE;
          run_result->status = BYLINE_GOTMPL_ERROR;
          run_result->message = g_strdup (error->message);
          run_result->file = g_steal_pointer (&path);
          run_result->line = error_line;
        }
      return FALSE;
    }
  if (exec->depth + 1 > exec->run->options->limits.max_depth)
    {
      g_autofree char *message =
        g_strdup_printf (_("Templates call each other deeper than the preview’s limit of %u"),
                         exec->run->options->limits.max_depth);

      return fail_at (exec, call->node, BYLINE_GOTMPL_LIMIT, NULL, FALSE, message);
    }

  frame.run = exec->run;
  frame.tmpl = tmpl;
  frame.vars = g_array_new (FALSE, FALSE, sizeof (Variable));
  frame.out = out;
  frame.depth = exec->depth + 1;
  byline_gotmpl_context_init (&frame.ctx);
  push (&frame, "$", byline_gotmpl_value_copy (context));
  ok = walk_list (&frame, context, root != NULL ? root : tmpl->parsed->root);
  pop (&frame, 0);
  g_array_unref (frame.vars);

  if (!ok && !exec->run->failed && frame.flow == FLOW_RETURN)
    {
      if (frame.has_return_value)
        {
          *result = frame.return_value;
          return TRUE;
        }
      ok = TRUE;
    }
  byline_gotmpl_value_clear (&frame.return_value);
  if (!ok)
    return FALSE;
  if (tmpl->is_html && frame.ctx.state != BYLINE_GOTMPL_STATE_TEXT)
    return fail (exec, call->node, "html/template:%s: ends in a non-text context",
                 tmpl->parsed->name);
  *result = tmpl->is_html ? byline_gotmpl_safe (out->str, BYLINE_GOTMPL_HTML)
                          : byline_gotmpl_string_len (out->str, out->len);
  return TRUE;
}

gboolean
byline_gotmpl_call_execute_string (BylineGotmplCall        *call,
                                   const char              *name,
                                   const char              *source,
                                   const BylineGotmplValue *dot,
                                   BylineGotmplValue       *result)
{
  BylineGotmplExec *exec = call->exec;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineGotmplTemplate) tmpl = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  BylineGotmplParsed *parsed;
  BylineGotmplExec frame = { 0 };
  gboolean ok;

  parsed = byline_gotmpl_parse (name, source, strlen (source), NULL, &error);
  if (parsed == NULL)
    return byline_gotmpl_call_error (call, "%s", error->message);
  tmpl = byline_gotmpl_template_new (parsed, exec->tmpl->path, FALSE);
  if (exec->depth + 1 > exec->run->options->limits.max_depth)
    {
      g_autofree char *message =
        g_strdup_printf (_("Templates call each other deeper than the preview’s limit of %u"),
                         exec->run->options->limits.max_depth);

      return fail_at (exec, call->node, BYLINE_GOTMPL_LIMIT, NULL, FALSE, message);
    }
  frame.run = exec->run;
  frame.tmpl = tmpl;
  frame.vars = g_array_new (FALSE, FALSE, sizeof (Variable));
  frame.out = out;
  frame.depth = exec->depth + 1;
  byline_gotmpl_context_init (&frame.ctx);
  push (&frame, "$", byline_gotmpl_value_copy (dot));
  ok = walk_list (&frame, dot, tmpl->parsed->root);
  pop (&frame, 0);
  g_array_unref (frame.vars);
  byline_gotmpl_value_clear (&frame.return_value);
  if (!ok && !exec->run->failed && frame.flow == FLOW_RETURN)
    ok = TRUE;
  if (!ok)
    return FALSE;
  *result = byline_gotmpl_string_len (out->str, out->len);
  return TRUE;
}

gboolean
byline_gotmpl_execute_template (BylineGotmplTemplate          *tmpl,
                                const BylineGotmplValue       *dot,
                                const BylineGotmplExecOptions *options,
                                GString                       *out,
                                BylineGotmplResult            *result)
{
  Run run = { options, result, 0, 0, FALSE };
  BylineGotmplExec exec = { 0 };
  gboolean ok;

  exec.run = &run;
  exec.tmpl = tmpl;
  exec.vars = g_array_new (FALSE, FALSE, sizeof (Variable));
  exec.out = out;
  byline_gotmpl_context_init (&exec.ctx);
  push (&exec, "$", byline_gotmpl_value_copy (dot));

  ok = walk_list (&exec, dot, tmpl->parsed->root);
  if (!ok && !run.failed && exec.flow == FLOW_RETURN)
    {
      if (exec.has_return_value)
        ok = fail (&exec, NULL, "return with a value is only supported in partials");
      else
        ok = TRUE;
    }
  if (ok && tmpl->is_html && exec.ctx.state != BYLINE_GOTMPL_STATE_TEXT)
    {
      g_autofree char *context = byline_gotmpl_context_describe (&exec.ctx);

      ok = fail (&exec, NULL, "html/template:%s: ends in a non-text context: %s",
                 tmpl->parsed->name, context);
    }
  pop (&exec, 0);
  g_array_unref (exec.vars);
  byline_gotmpl_value_clear (&exec.return_value);

  /* errorf fails the call as Hugo fails the build, after the template ran. */
  if (ok && result->messages != NULL)
    for (guint i = 0; i < result->messages->len; i++)
      {
        BylineGotmplMessage *m = g_ptr_array_index (result->messages, i);

        if (!m->is_error)
          continue;
        result->status = BYLINE_GOTMPL_ERROR;
        result->message = g_strdup (m->text);
        result->file = g_strdup (m->file);
        result->line = m->line;
        result->column = m->column;
        return FALSE;
      }
  if (ok)
    result->status = BYLINE_GOTMPL_OK;
  return ok;
}
