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
 *
 * This file holds the entry points (a template, a partial, template text
 * run within a call) and the frames they and {{ template }} run in, and the
 * state all of the run shares: its failures, the step, output and depth
 * limits, the variables, and what the functions see of it through
 * BylineGotmplCall. Pipelines are evaluated in byline-gotmpl-eval.c, the
 * nodes walked in byline-gotmpl-walk.c.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-exec.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "byline-gotmpl-exec-private.h"

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

char *
byline_gotmpl_exec_node_text (BylineGotmplExec       *exec,
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
gboolean
byline_gotmpl_exec_fail_at (BylineGotmplExec       *exec,
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
      g_autofree char *context = byline_gotmpl_exec_node_text (exec, node);

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

  return byline_gotmpl_exec_fail_at (exec, node, BYLINE_GOTMPL_ERROR, NULL, with_context, message);
}

gboolean
byline_gotmpl_exec_fail (BylineGotmplExec       *exec,
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
gboolean
byline_gotmpl_exec_fail_plain (BylineGotmplExec       *exec,
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

guint
byline_gotmpl_exec_line_of (BylineGotmplExec       *exec,
                            const BylineGotmplNode *node)
{
  guint line = 0;

  byline_gotmpl_parsed_locate (exec->tmpl->parsed, node->pos, &line, NULL);
  return line;
}

gboolean
byline_gotmpl_exec_step (BylineGotmplExec       *exec,
                         const BylineGotmplNode *node,
                         guint64                 n)
{
  exec->run->steps += n;
  if (exec->run->steps > exec->run->options->limits.max_steps)
    {
      g_autofree char *message =
        g_strdup_printf (_("The template ran past the preview’s limit of %lu steps"),
                         (gulong) exec->run->options->limits.max_steps);

      return byline_gotmpl_exec_fail_at (exec, node, BYLINE_GOTMPL_LIMIT, NULL, FALSE, message);
    }
  return TRUE;
}

gboolean
byline_gotmpl_exec_write_out (BylineGotmplExec       *exec,
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

      return byline_gotmpl_exec_fail_at (exec, node, BYLINE_GOTMPL_LIMIT, NULL, FALSE, message);
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
  return byline_gotmpl_exec_fail (call->exec, call->node, "error calling %s: %s", call->name,
                                  message);
}

char *
byline_gotmpl_call_arg_text (BylineGotmplCall *call,
                             guint             index)
{
  const BylineGotmplNode *node = call->cmd;

  if (node == NULL || index + 1 >= node->cmd.n)
    return NULL;
  return byline_gotmpl_exec_node_text (call->exec, node->cmd.args[index + 1]);
}

gboolean
byline_gotmpl_call_unsupported (BylineGotmplCall *call,
                                const char       *what)
{
  g_autofree char *message =
    g_strdup_printf (_("“%s” is not supported by the preview"), what);

  return byline_gotmpl_exec_fail_at (call->exec, call->node, BYLINE_GOTMPL_UNSUPPORTED, what, FALSE,
                                     message);
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
  return byline_gotmpl_exec_step (call->exec, call->node, steps);
}

const BylineGotmplValue byline_gotmpl_exec_nil_value = BYLINE_GOTMPL_VALUE_INIT;

const BylineGotmplValue *
byline_gotmpl_call_get_page (BylineGotmplCall *call)
{
  const BylineGotmplValue *page = call->exec->run->options->page;

  return page != NULL ? page : &byline_gotmpl_exec_nil_value;
}

const BylineGotmplValue *
byline_gotmpl_call_get_site (BylineGotmplCall *call)
{
  const BylineGotmplValue *site = call->exec->run->options->site;

  return site != NULL ? site : &byline_gotmpl_exec_nil_value;
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

guint
byline_gotmpl_exec_mark (BylineGotmplExec *exec)
{
  return exec->vars->len;
}

void
byline_gotmpl_exec_pop (BylineGotmplExec *exec,
                        guint             to)
{
  for (guint i = to; i < exec->vars->len; i++)
    byline_gotmpl_value_clear (&g_array_index (exec->vars, Variable, i).value);
  g_array_set_size (exec->vars, to);
}

void
byline_gotmpl_exec_push (BylineGotmplExec  *exec,
                         const char        *name,
                         BylineGotmplValue  value)
{
  Variable v = { name, value };

  g_array_append_val (exec->vars, v);
}

Variable *
byline_gotmpl_exec_find_var (BylineGotmplExec *exec,
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

/* Frames */

/* Runs @root of @tmpl in a new frame of the same output (template calls). */
gboolean
byline_gotmpl_exec_run_tree (BylineGotmplExec        *exec,
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

      return byline_gotmpl_exec_fail_at (exec, at, BYLINE_GOTMPL_LIMIT, NULL, FALSE, message);
    }
  frame.tmpl = tmpl;
  frame.vars = g_array_new (FALSE, FALSE, sizeof (Variable));
  frame.depth = exec->depth + 1;
  frame.flow = FLOW_NORMAL;
  frame.has_return_value = FALSE;
  frame.return_value = byline_gotmpl_nil ();
  byline_gotmpl_exec_push (&frame, "$", byline_gotmpl_value_copy (dot));
  ok = byline_gotmpl_walk_list (&frame, dot, root);
  exec->ctx = frame.ctx;
  byline_gotmpl_exec_pop (&frame, 0);
  g_array_unref (frame.vars);
  byline_gotmpl_value_clear (&frame.return_value);
  /* A bare return ends only the template it is in. */
  if (!ok && !exec->run->failed && frame.flow == FLOW_RETURN)
    {
      if (frame.has_return_value)
        return byline_gotmpl_exec_fail (exec, at,
                                        "return with a value is only supported in partials");
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

      return byline_gotmpl_exec_fail_at (exec, call->node, BYLINE_GOTMPL_LIMIT, NULL, FALSE,
                                         message);
    }

  frame.run = exec->run;
  frame.tmpl = tmpl;
  frame.vars = g_array_new (FALSE, FALSE, sizeof (Variable));
  frame.out = out;
  frame.depth = exec->depth + 1;
  byline_gotmpl_context_init (&frame.ctx);
  byline_gotmpl_exec_push (&frame, "$", byline_gotmpl_value_copy (context));
  ok = byline_gotmpl_walk_list (&frame, context, root != NULL ? root : tmpl->parsed->root);
  byline_gotmpl_exec_pop (&frame, 0);
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
    return byline_gotmpl_exec_fail (exec, call->node,
                                    "html/template:%s: ends in a non-text context",
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

      return byline_gotmpl_exec_fail_at (exec, call->node, BYLINE_GOTMPL_LIMIT, NULL, FALSE,
                                         message);
    }
  frame.run = exec->run;
  frame.tmpl = tmpl;
  frame.vars = g_array_new (FALSE, FALSE, sizeof (Variable));
  frame.out = out;
  frame.depth = exec->depth + 1;
  byline_gotmpl_context_init (&frame.ctx);
  byline_gotmpl_exec_push (&frame, "$", byline_gotmpl_value_copy (dot));
  ok = byline_gotmpl_walk_list (&frame, dot, tmpl->parsed->root);
  byline_gotmpl_exec_pop (&frame, 0);
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
  byline_gotmpl_exec_push (&exec, "$", byline_gotmpl_value_copy (dot));

  ok = byline_gotmpl_walk_list (&exec, dot, tmpl->parsed->root);
  if (!ok && !run.failed && exec.flow == FLOW_RETURN)
    {
      if (exec.has_return_value)
        ok = byline_gotmpl_exec_fail (&exec, NULL,
                                      "return with a value is only supported in partials");
      else
        ok = TRUE;
    }
  if (ok && tmpl->is_html && exec.ctx.state != BYLINE_GOTMPL_STATE_TEXT)
    {
      g_autofree char *context = byline_gotmpl_context_describe (&exec.ctx);

      ok = byline_gotmpl_exec_fail (&exec, NULL, "html/template:%s: ends in a non-text context: %s",
                                    tmpl->parsed->name, context);
    }
  byline_gotmpl_exec_pop (&exec, 0);
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
