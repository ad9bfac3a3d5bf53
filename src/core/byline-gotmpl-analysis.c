/* byline-gotmpl-analysis.c — what a shortcode template reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A static look at a parsed shortcode template, for the linter, completion
 * and the Insert Shortcode dialog: the parameters it reads (.Get "name",
 * .Get 0, .Params.name, index .Params "name", isset .Params "name"), their
 * defaults (x | default "v", default "v" x, through variables), which ones
 * it requires (an errorf in the branch taken when the parameter is
 * missing), whether it uses .Inner (a paired shortcode, as Hugo decides
 * it), the partials it calls by name and the functions it calls, with
 * those the preview lacks.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl.h"

#include <string.h>

#include "byline-gotmpl-exec.h"
#include "byline-gotmpl-funcs.h"

typedef struct
{
  BylineGotmplShortcodeInfo *info;
  GHashTable                *vars;   /* variable name → BylineGotmplParamInfo* */
  GHashTable                *seen_functions;
  GHashTable                *seen_unsupported;
  int                        depth;
} Analysis;

static BylineGotmplParamInfo *
param_for (Analysis   *a,
           const char *name,
           int         position)
{
  BylineGotmplParamInfo *p;

  for (guint i = 0; i < a->info->params->len; i++)
    {
      p = g_ptr_array_index (a->info->params, i);
      if (name != NULL ? g_strcmp0 (p->name, name) == 0 : p->position == position)
        return p;
    }
  p = g_new0 (BylineGotmplParamInfo, 1);
  p->name = g_strdup (name);
  p->position = name != NULL ? -1 : position;
  g_ptr_array_add (a->info->params, p);
  return p;
}

static gboolean
is_shortcode_ref (const BylineGotmplNode *n,
                  guint                  *skip)
{
  /* . (the root dot) or $, then the fields. */
  if (n->type == BYLINE_GOTMPL_NODE_FIELD)
    {
      *skip = 0;
      return TRUE;
    }
  if (n->type == BYLINE_GOTMPL_NODE_VARIABLE && strcmp (n->field.idents[0], "$") == 0)
    {
      *skip = 1;
      return TRUE;
    }
  return FALSE;
}

/* The parameter a command reads, if it is .Get LITERAL, .Params.NAME,
 * index .Params "NAME", isset .Params "NAME", or a variable bound to one. */
static BylineGotmplParamInfo *
param_of_command (Analysis               *a,
                  const BylineGotmplNode *cmd)
{
  const BylineGotmplNode *first = cmd->cmd.args[0];
  guint skip;

  if (cmd->type != BYLINE_GOTMPL_NODE_COMMAND)
    return NULL;
  if (is_shortcode_ref (first, &skip) && first->field.n == skip + 1 &&
      strcmp (first->field.idents[skip], "Get") == 0 && cmd->cmd.n == 2)
    {
      const BylineGotmplNode *arg = cmd->cmd.args[1];

      if (arg->type == BYLINE_GOTMPL_NODE_STRING)
        return param_for (a, arg->string.text, -1);
      if (arg->type == BYLINE_GOTMPL_NODE_NUMBER && !arg->number.is_float && arg->number.i >= 0 &&
          arg->number.i < 1000)
        return param_for (a, NULL, (int) arg->number.i);
      /* .Get $name: a name worked out at run time, so any may be read. */
      a->info->reads_all_params = TRUE;
      return NULL;
    }
  if (is_shortcode_ref (first, &skip) && first->field.n == skip + 2 &&
      strcmp (first->field.idents[skip], "Params") == 0 && cmd->cmd.n == 1)
    return param_for (a, first->field.idents[skip + 1], -1);
  if (first->type == BYLINE_GOTMPL_NODE_IDENTIFIER && cmd->cmd.n == 3 &&
      (strcmp (first->ident.name, "index") == 0 || strcmp (first->ident.name, "isset") == 0) &&
      is_shortcode_ref (cmd->cmd.args[1], &skip) && cmd->cmd.args[1]->field.n == skip + 1 &&
      strcmp (cmd->cmd.args[1]->field.idents[skip], "Params") == 0)
    {
      const BylineGotmplNode *arg = cmd->cmd.args[2];

      if (arg->type == BYLINE_GOTMPL_NODE_STRING)
        return param_for (a, arg->string.text, -1);
      if (arg->type == BYLINE_GOTMPL_NODE_NUMBER && !arg->number.is_float && arg->number.i >= 0 &&
          arg->number.i < 1000)
        return param_for (a, NULL, (int) arg->number.i);
      a->info->reads_all_params = TRUE;
      return NULL;
    }
  if (first->type == BYLINE_GOTMPL_NODE_VARIABLE && first->field.n == 1 && cmd->cmd.n == 1)
    return g_hash_table_lookup (a->vars, first->field.idents[0]);
  return NULL;
}

static BylineGotmplParamInfo *param_of_node (Analysis *a, const BylineGotmplNode *n);

/* A literal's text as a default value shows it; NULL for non-literals. */
static char *
literal_text (const BylineGotmplNode *n)
{
  switch (n->type)
    {
    case BYLINE_GOTMPL_NODE_STRING:
      return g_strdup (n->string.text);
    case BYLINE_GOTMPL_NODE_BOOL:
      return g_strdup (n->boolean ? "true" : "false");
    case BYLINE_GOTMPL_NODE_NUMBER:
      {
        GString *out = g_string_new (NULL);
        BylineGotmplValue v = n->number.is_float ? byline_gotmpl_float (n->number.f)
                                                 : byline_gotmpl_int (n->number.i);

        byline_gotmpl_value_print (&v, out);
        return g_string_free (out, FALSE);
      }
    default:
      return NULL;
    }
}

/* A pipeline's parameter: its last command's, through "| default". */
static BylineGotmplParamInfo *
param_of_pipe (Analysis               *a,
               const BylineGotmplNode *pipe)
{
  BylineGotmplParamInfo *p = NULL;

  if (pipe == NULL)
    return NULL;
  for (guint i = 0; i < pipe->pipe.n_cmds; i++)
    {
      const BylineGotmplNode *cmd = pipe->pipe.cmds[i];
      const BylineGotmplNode *first = cmd->cmd.args[0];

      if (i > 0 && p != NULL && first->type == BYLINE_GOTMPL_NODE_IDENTIFIER &&
          strcmp (first->ident.name, "default") == 0 && cmd->cmd.n == 2)
        {
          /* x | default "v" */
          if (p->default_value == NULL)
            p->default_value = literal_text (cmd->cmd.args[1]);
          continue;
        }
      p = param_of_command (a, cmd);
      if (p == NULL && first->type == BYLINE_GOTMPL_NODE_IDENTIFIER &&
          strcmp (first->ident.name, "default") == 0 && cmd->cmd.n == 3)
        {
          /* default "v" x */
          p = param_of_node (a, cmd->cmd.args[2]);
          if (p != NULL && p->default_value == NULL)
            p->default_value = literal_text (cmd->cmd.args[1]);
        }
    }
  return p;
}

static BylineGotmplParamInfo *
param_of_node (Analysis               *a,
               const BylineGotmplNode *n)
{
  if (n->type == BYLINE_GOTMPL_NODE_PIPE)
    return param_of_pipe (a, n);
  if (n->type == BYLINE_GOTMPL_NODE_VARIABLE && n->field.n == 1)
    return g_hash_table_lookup (a->vars, n->field.idents[0]);
  return NULL;
}

/* The parameter a condition tests and whether the test is for its absence
 * (not X, eq X "", eq X nil, not (isset …)). */
static BylineGotmplParamInfo *
condition (Analysis               *a,
           const BylineGotmplNode *pipe,
           gboolean               *negated)
{
  const BylineGotmplNode *cmd, *first;

  *negated = FALSE;
  if (pipe == NULL || pipe->pipe.n_cmds != 1)
    return NULL;
  cmd = pipe->pipe.cmds[0];
  first = cmd->cmd.args[0];
  if (first->type == BYLINE_GOTMPL_NODE_IDENTIFIER && strcmp (first->ident.name, "not") == 0 &&
      cmd->cmd.n == 2)
    {
      *negated = TRUE;
      return param_of_node (a, cmd->cmd.args[1]);
    }
  if (first->type == BYLINE_GOTMPL_NODE_IDENTIFIER && strcmp (first->ident.name, "eq") == 0 &&
      cmd->cmd.n == 3)
    {
      const BylineGotmplNode *x = cmd->cmd.args[1], *y = cmd->cmd.args[2];

      if ((y->type == BYLINE_GOTMPL_NODE_STRING && y->string.len == 0) ||
          y->type == BYLINE_GOTMPL_NODE_NIL)
        {
          *negated = TRUE;
          return param_of_node (a, x);
        }
      return NULL;
    }
  return param_of_pipe (a, pipe);
}

static gboolean
calls_errorf (const BylineGotmplNode *n)
{
  if (n == NULL)
    return FALSE;
  switch ((BylineGotmplNodeType) n->type)
    {
    case BYLINE_GOTMPL_NODE_LIST:
      for (guint i = 0; i < n->list.n; i++)
        if (calls_errorf (n->list.nodes[i]))
          return TRUE;
      return FALSE;
    case BYLINE_GOTMPL_NODE_ACTION:
      return calls_errorf (n->action.pipe);
    case BYLINE_GOTMPL_NODE_PIPE:
      for (guint i = 0; i < n->pipe.n_cmds; i++)
        if (calls_errorf (n->pipe.cmds[i]))
          return TRUE;
      return FALSE;
    case BYLINE_GOTMPL_NODE_COMMAND:
      for (guint i = 0; i < n->cmd.n; i++)
        if (calls_errorf (n->cmd.args[i]))
          return TRUE;
      return FALSE;
    case BYLINE_GOTMPL_NODE_IDENTIFIER:
      return strcmp (n->ident.name, "errorf") == 0 || strcmp (n->ident.name, "erroridf") == 0;
    case BYLINE_GOTMPL_NODE_IF:
    case BYLINE_GOTMPL_NODE_WITH:
    case BYLINE_GOTMPL_NODE_RANGE:
      return calls_errorf (n->branch.list) || calls_errorf (n->branch.else_list);
    default:
      return FALSE;
    }
}

static void
add_unique (GHashTable *seen,
            GPtrArray  *into,
            const char *name)
{
  if (g_hash_table_contains (seen, name))
    return;
  g_hash_table_add (seen, g_strdup (name));
  g_ptr_array_add (into, g_strdup (name));
}

/* Whether namespace @ns has @method, by asking the namespace function for
 * its object: only namespaces, which need nothing of the execution. */
static gboolean
namespace_has (const char *ns,
               const char *method)
{
  static const char * const namespaces[] = {
    "cast", "collections", "compare", "crypto", "encoding", "fmt", "hugo", "images", "inflect",
    "lang", "math", "os", "partials", "path", "reflect", "resources", "safe", "strings",
    "templates", "transform", "urls",
  };
  const BylineGotmplMethod *fn;
  BylineGotmplValue v = BYLINE_GOTMPL_VALUE_INIT;
  gboolean has;

  for (guint i = 0; i < G_N_ELEMENTS (namespaces); i++)
    if (strcmp (ns, namespaces[i]) == 0)
      {
        fn = byline_gotmpl_funcs_lookup (ns);
        if (fn == NULL || !fn->func (NULL, NULL, NULL, 0, &v) || v.kind != BYLINE_GOTMPL_OBJECT)
          return FALSE;
        has = byline_gotmpl_class_find_method (v.o->klass, method) != NULL;
        byline_gotmpl_value_clear (&v);
        return has;
      }
  return TRUE;   /* site, page, time: objects whose members vary */
}

static void walk (Analysis *a, const BylineGotmplNode *n);

/* index .Params "name" and isset .Params "name" read one parameter, not
 * .Params whole. */
static gboolean
reads_one_param (const BylineGotmplNode *cmd)
{
  const BylineGotmplNode *first = cmd->cmd.args[0];
  guint skip;

  return first->type == BYLINE_GOTMPL_NODE_IDENTIFIER && cmd->cmd.n == 3 &&
         (strcmp (first->ident.name, "index") == 0 || strcmp (first->ident.name, "isset") == 0) &&
         is_shortcode_ref (cmd->cmd.args[1], &skip) && cmd->cmd.args[1]->field.n == skip + 1 &&
         strcmp (cmd->cmd.args[1]->field.idents[skip], "Params") == 0 &&
         (cmd->cmd.args[2]->type == BYLINE_GOTMPL_NODE_STRING ||
          cmd->cmd.args[2]->type == BYLINE_GOTMPL_NODE_NUMBER);
}

static void
walk_pipe (Analysis               *a,
           const BylineGotmplNode *pipe)
{
  BylineGotmplParamInfo *p;

  if (pipe == NULL)
    return;
  for (guint i = 0; i < pipe->pipe.n_cmds; i++)
    walk (a, pipe->pipe.cmds[i]);
  p = param_of_pipe (a, pipe);
  for (guint i = 0; i < pipe->pipe.n_decl; i++)
    {
      const char *var = pipe->pipe.decl[i]->field.idents[0];

      if (p != NULL)
        g_hash_table_replace (a->vars, g_strdup (var), p);
      else if (!pipe->pipe.is_assign)
        g_hash_table_remove (a->vars, var);
    }
}

static void
walk (Analysis               *a,
      const BylineGotmplNode *n)
{
  if (n == NULL || ++a->depth > 600)
    {
      a->depth -= n != NULL;
      return;
    }
  switch ((BylineGotmplNodeType) n->type)
    {
    case BYLINE_GOTMPL_NODE_LIST:
      for (guint i = 0; i < n->list.n; i++)
        walk (a, n->list.nodes[i]);
      break;
    case BYLINE_GOTMPL_NODE_ACTION:
      walk_pipe (a, n->action.pipe);
      break;
    case BYLINE_GOTMPL_NODE_IF:
    case BYLINE_GOTMPL_NODE_WITH:
    case BYLINE_GOTMPL_NODE_RANGE:
      {
        gboolean negated;
        BylineGotmplParamInfo *p;

        walk_pipe (a, n->branch.pipe);
        p = n->type != BYLINE_GOTMPL_NODE_RANGE ? condition (a, n->branch.pipe, &negated) : NULL;
        if (p != NULL && p->default_value == NULL &&
            ((negated && calls_errorf (n->branch.list)) ||
             (!negated && calls_errorf (n->branch.else_list))))
          p->required = TRUE;
        walk (a, n->branch.list);
        walk (a, n->branch.else_list);
      }
      break;
    case BYLINE_GOTMPL_NODE_TEMPLATE:
      walk_pipe (a, n->tmpl.pipe);
      break;
    case BYLINE_GOTMPL_NODE_PIPE:
      walk_pipe (a, n);
      break;
    case BYLINE_GOTMPL_NODE_COMMAND:
      {
        const BylineGotmplNode *first = n->cmd.args[0];

        param_of_command (a, n);
        if (first->type == BYLINE_GOTMPL_NODE_IDENTIFIER &&
            (strcmp (first->ident.name, "partial") == 0 ||
             strcmp (first->ident.name, "partialCached") == 0) &&
            n->cmd.n > 1)
          {
            /* A partial named at run time may read any parameter. */
            if (n->cmd.args[1]->type == BYLINE_GOTMPL_NODE_STRING)
              add_unique (a->seen_functions, a->info->partials, n->cmd.args[1]->string.text);
            else
              a->info->reads_all_params = TRUE;
          }
        for (guint i = 0; i < n->cmd.n; i++)
          if (i != 1 || !reads_one_param (n))
            walk (a, n->cmd.args[i]);
      }
      break;
    case BYLINE_GOTMPL_NODE_IDENTIFIER:
      add_unique (a->seen_functions, a->info->functions, n->ident.name);
      if (byline_gotmpl_funcs_lookup (n->ident.name) == NULL &&
          strcmp (n->ident.name, "and") != 0 && strcmp (n->ident.name, "or") != 0 &&
          strcmp (n->ident.name, "return") != 0 &&
          strcmp (n->ident.name, "try") != 0)
        add_unique (a->seen_unsupported, a->info->unsupported, n->ident.name);
      break;
    case BYLINE_GOTMPL_NODE_FIELD:
    case BYLINE_GOTMPL_NODE_VARIABLE:
      for (guint i = 0; i < n->field.n; i++)
        if (strcmp (n->field.idents[i], "Inner") == 0 ||
            strcmp (n->field.idents[i], "InnerDeindent") == 0)
          a->info->uses_inner = TRUE;
      {
        guint skip;

        if (is_shortcode_ref (n, &skip) && n->field.n == skip + 1 &&
            strcmp (n->field.idents[skip], "Params") == 0)
          a->info->reads_all_params = TRUE;
      }
      break;
    case BYLINE_GOTMPL_NODE_CHAIN:
      walk (a, n->chain.node);
      for (guint i = 0; i < n->chain.n; i++)
        if (strcmp (n->chain.fields[i], "Inner") == 0 ||
            strcmp (n->chain.fields[i], "InnerDeindent") == 0)
          a->info->uses_inner = TRUE;
      if (n->chain.node->type == BYLINE_GOTMPL_NODE_IDENTIFIER && n->chain.n >= 1 &&
          !namespace_has (n->chain.node->ident.name, n->chain.fields[0]))
        {
          g_autofree char *what = g_strdup_printf ("%s.%s", n->chain.node->ident.name,
                                                   n->chain.fields[0]);

          add_unique (a->seen_unsupported, a->info->unsupported, what);
        }
      break;
    default:
      break;
    }
  a->depth--;
}

static void
param_info_free (gpointer data)
{
  BylineGotmplParamInfo *p = data;

  g_free (p->name);
  g_free (p->default_value);
  g_free (p);
}

void
byline_gotmpl_shortcode_info_free (BylineGotmplShortcodeInfo *info)
{
  if (info == NULL)
    return;
  g_ptr_array_unref (info->params);
  g_ptr_array_unref (info->partials);
  g_ptr_array_unref (info->functions);
  g_ptr_array_unref (info->unsupported);
  g_free (info);
}

static BylineGotmplShortcodeInfo *
analyze (const BylineGotmplParsed *parsed)
{
  Analysis a = { 0 };
  GHashTableIter iter;
  gpointer value;

  a.info = g_new0 (BylineGotmplShortcodeInfo, 1);
  a.info->params = g_ptr_array_new_with_free_func (param_info_free);
  a.info->partials = g_ptr_array_new_with_free_func (g_free);
  a.info->functions = g_ptr_array_new_with_free_func (g_free);
  a.info->unsupported = g_ptr_array_new_with_free_func (g_free);
  a.vars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  a.seen_functions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  a.seen_unsupported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  walk (&a, parsed->root);
  /* define'd templates run with whatever dot they get: only what they
   * call counts. */
  g_hash_table_iter_init (&iter, parsed->defines);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    walk (&a, value);

  g_hash_table_unref (a.vars);
  g_hash_table_unref (a.seen_functions);
  g_hash_table_unref (a.seen_unsupported);
  return a.info;
}

BylineGotmplShortcodeInfo *
byline_gotmpl_set_analyze_shortcode (BylineGotmplSet  *self,
                                     const char       *name,
                                     GError          **error)
{
  g_autoptr(BylineGotmplTemplate) tmpl = NULL;
  guint line = 0;

  g_return_val_if_fail (BYLINE_IS_GOTMPL_SET (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  tmpl = byline_gotmpl_set_lookup (self, BYLINE_GOTMPL_SHORTCODE_TEMPLATE, name, NULL, &line, error);
  if (tmpl == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     "the site has no template for the shortcode %s", name);
      return NULL;
    }
  return analyze (tmpl->parsed);
}

BylineGotmplShortcodeInfo *
byline_gotmpl_analyze_source (const char  *name,
                              const char  *source,
                              GError     **error)
{
  g_autoptr(BylineGotmplParsed) parsed = NULL;

  g_return_val_if_fail (name != NULL && source != NULL, NULL);
  parsed = byline_gotmpl_parse (name, source, strlen (source), NULL, error);
  return parsed != NULL ? analyze (parsed) : NULL;
}
