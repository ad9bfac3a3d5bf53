/* byline-gotmpl-walk.c — walking a template's nodes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Go's text/template walk (exec.go): text and actions, printed or, in
 * .html templates, passed through the escapers html/template's context
 * calls for (escapeAction, at run time); if and with, range with break and
 * continue, and {{ template }} calls.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-exec-private.h"

#include <string.h>

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
  return byline_gotmpl_exec_write_out (exec, node, s->str, s->len);
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
    return byline_gotmpl_exec_fail (exec, node, "%s", error);

  for (guint i = 0; i < pipe->pipe.n_cmds; i++)
    {
      const char *name;

      if (!is_predefined_escaper (pipe->pipe.cmds[i], &name))
        continue;
      if (i + 1 < pipe->pipe.n_cmds ||
          (c.state == BYLINE_GOTMPL_STATE_ATTR && c.delim == BYLINE_GOTMPL_DELIM_SPACE_OR_TAG_END &&
           strcmp (name, "html") == 0))
        return byline_gotmpl_exec_fail (exec, node,
                                        "predefined escaper \"%s\" disallowed in template", name);
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
          BylineGotmplValue *args = byline_gotmpl_eval_args (exec, dot, last, 1, &none, &n_args);
          g_autoptr(GString) joined = g_string_new (NULL);

          if (args == NULL)
            return FALSE;
          byline_gotmpl_sprint (joined, args, n_args);
          byline_gotmpl_eval_free_args (args, n_args);
          value = byline_gotmpl_string_len (joined->str, joined->len);
        }
      else if (!byline_gotmpl_eval_pipeline_cmds (exec, dot, pipe, pipe->pipe.n_cmds - 1, &value))
        return FALSE;
    }
  else if (!byline_gotmpl_eval_pipeline (exec, dot, pipe, &value))
    return FALSE;

  s = byline_gotmpl_escape_value (&value, escapers, n_escapers);
  exec->ctx = c;
  return byline_gotmpl_exec_write_out (exec, node, s->str, s->len);
}

/* Walking */

static gboolean
walk_if_or_with (BylineGotmplExec        *exec,
                 const BylineGotmplValue *dot,
                 const BylineGotmplNode  *node)
{
  guint m = byline_gotmpl_exec_mark (exec);
  g_auto(BylineGotmplValue) value = BYLINE_GOTMPL_VALUE_INIT;
  gboolean ok;

  if (!byline_gotmpl_eval_pipeline (exec, dot, node->branch.pipe, &value))
    {
      byline_gotmpl_exec_pop (exec, m);
      return FALSE;
    }
  if (byline_gotmpl_value_truth (&value))
    ok = byline_gotmpl_walk_list (exec, node->type == BYLINE_GOTMPL_NODE_WITH ? &value : dot,
                                  node->branch.list);
  else if (node->branch.else_list != NULL)
    ok = byline_gotmpl_walk_list (exec, dot, node->branch.else_list);
  else
    ok = TRUE;
  byline_gotmpl_exec_pop (exec, m);
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
  guint m = byline_gotmpl_exec_mark (exec);
  gboolean ok;

  *stop = FALSE;
  if (pipe->pipe.n_decl > 0)
    {
      if (pipe->pipe.is_assign)
        {
          Variable *v = byline_gotmpl_exec_find_var (exec, pipe->pipe.decl[0]->field.idents[0]);

          if (v != NULL)
            {
              byline_gotmpl_value_clear (&v->value);
              v->value = byline_gotmpl_value_copy (pipe->pipe.n_decl > 1 ? index : elem);
            }
          if (pipe->pipe.n_decl > 1 &&
              (v = byline_gotmpl_exec_find_var (exec, pipe->pipe.decl[1]->field.idents[0])) != NULL)
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

  ok = byline_gotmpl_walk_list (exec, elem, node->branch.list);
  byline_gotmpl_exec_pop (exec, m);
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
  guint m = byline_gotmpl_exec_mark (exec);
  g_auto(BylineGotmplValue) value = BYLINE_GOTMPL_VALUE_INIT;
  gboolean ran = FALSE, stop = FALSE, ok = TRUE;

  if (!byline_gotmpl_eval_pipeline (exec, dot, node->branch.pipe, &value))
    {
      byline_gotmpl_exec_pop (exec, m);
      return FALSE;
    }

  switch ((BylineGotmplKind) value.kind)
    {
    case BYLINE_GOTMPL_INT:
      if (node->branch.pipe->pipe.n_decl > 1)
        {
          byline_gotmpl_exec_pop (exec, m);
          return byline_gotmpl_exec_fail (exec, node,
                                          "can't use %" G_GINT64_FORMAT
                                          " to iterate over more than one variable",
                                          value.i);
        }
      for (gint64 i = 0; i < value.i && !stop; i++)
        {
          BylineGotmplValue v = byline_gotmpl_int (i);

          ran = TRUE;
          ok = byline_gotmpl_exec_step (exec, node, 1) &&
               range_iteration (exec, node, &byline_gotmpl_exec_nil_value, &v, &stop);
          if (!ok)
            break;
        }
      break;
    case BYLINE_GOTMPL_LIST:
      for (guint i = 0; i < byline_gotmpl_list_length (value.l) && !stop; i++)
        {
          BylineGotmplValue index = byline_gotmpl_int (i);

          ran = TRUE;
          ok = byline_gotmpl_exec_step (exec, node, 1) &&
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
          ok = byline_gotmpl_exec_step (exec, node, 1) &&
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
        byline_gotmpl_exec_pop (exec, m);
        return byline_gotmpl_exec_fail (exec, node, "range can't iterate over %s", s->str);
      }
    }

  if (ok && !ran && node->branch.else_list != NULL)
    ok = byline_gotmpl_walk_list (exec, dot, node->branch.else_list);
  byline_gotmpl_exec_pop (exec, m);
  return ok;
}

static gboolean
walk_template (BylineGotmplExec        *exec,
               const BylineGotmplValue *dot,
               const BylineGotmplNode  *node)
{
  const BylineGotmplNode *root =
    g_hash_table_lookup (exec->tmpl->parsed->defines, node->tmpl.name);
  g_auto(BylineGotmplValue) value = BYLINE_GOTMPL_VALUE_INIT;

  if (root == NULL)
    return byline_gotmpl_exec_fail (exec, node, "template \"%s\" not defined", node->tmpl.name);
  if (!byline_gotmpl_eval_pipeline (exec, dot, node->tmpl.pipe, &value))
    return FALSE;
  return byline_gotmpl_exec_run_tree (exec, exec->tmpl, root, &value, node);
}

static gboolean
walk (BylineGotmplExec        *exec,
      const BylineGotmplValue *dot,
      const BylineGotmplNode  *node)
{
  if (!byline_gotmpl_exec_step (exec, node, 1))
    return FALSE;

  switch ((BylineGotmplNodeType) node->type)
    {
    case BYLINE_GOTMPL_NODE_ACTION:
      if (exec->tmpl->is_html && node->action.pipe->pipe.n_decl == 0)
        return walk_html_action (exec, dot, node);
      {
        g_auto(BylineGotmplValue) value = BYLINE_GOTMPL_VALUE_INIT;

        if (!byline_gotmpl_eval_pipeline (exec, dot, node->action.pipe, &value))
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
      return byline_gotmpl_walk_list (exec, dot, node);
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
              return byline_gotmpl_exec_fail_plain (exec, node, "html/template:%s:%u: %s",
                                                    exec->tmpl->parsed->name,
                                                    byline_gotmpl_exec_line_of (exec, node), error);
            }
          return byline_gotmpl_exec_write_out (exec, node, s->str, s->len);
        }
      return byline_gotmpl_exec_write_out (exec, node, node->text.text, node->text.len);
    default:
      return byline_gotmpl_exec_fail (exec, node, "unknown node");
    }
}

gboolean
byline_gotmpl_walk_list (BylineGotmplExec        *exec,
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
