/* byline-document-problems.c — the linter's findings about the post
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules run in the document's analysis (byline-document-analysis.c),
 * over the same parse the preview renders, so that findings come with every
 * pause in typing and never cost a second parse. The findings of the last
 * analysis are kept here as a list of BylineProblem, each pointing into it.
 */

#define G_LOG_DOMAIN "byline-document"

#include "config.h"

#include "byline-document-private.h"

#include <glib/gi18n.h>

/* Copying files into a bundle or checking out a branch makes bursts of
 * events: look at the folder once they are over. */
#define FOLDER_SETTLE_MSEC 250

void
byline_document_init_problems (BylineDocument *self)
{
  self->problems = g_list_store_new (BYLINE_TYPE_PROBLEM);
}

void
byline_document_dispose_problems (BylineDocument *self)
{
  g_clear_handle_id (&self->folder_check_source, g_source_remove);

  if (self->folder_monitor != NULL)
    {
      g_file_monitor_cancel (self->folder_monitor);
      g_clear_object (&self->folder_monitor);
    }
  g_clear_object (&self->folder);
}

void
byline_document_finalize_problems (BylineDocument *self)
{
  g_clear_object (&self->spell_checker);
  g_clear_object (&self->problems);
}

/* Moves the problem at @position of the list onto @problem's diagnostic. */
static void
update_in_place (BylineDocument *self,
                 guint           position,
                 BylineProblem  *problem,
                 BylineAnalysis *analysis)
{
  g_autoptr(BylineProblem) old = g_list_model_get_item (G_LIST_MODEL (self->problems), position);

  byline_problem_update (old, analysis, byline_problem_get_diagnostic (problem));
}

void
byline_document_apply_diagnostics (BylineDocument *self,
                                   BylineAnalysis *analysis)
{
  GPtrArray *diagnostics = byline_analysis_get_diagnostics (analysis);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model = G_LIST_MODEL (self->problems);
  guint n_old = g_list_model_get_n_items (model);
  guint n_errors = 0, n_warnings = 0, n_infos = 0;
  guint prefix = 0, suffix = 0;

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const BylineDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      g_ptr_array_add (problems, byline_problem_new (analysis, diagnostic));

      if (diagnostic->severity == BYLINE_SEVERITY_ERROR)
        n_errors++;
      else if (diagnostic->severity == BYLINE_SEVERITY_WARNING)
        n_warnings++;
      else
        n_infos++;
    }

  self->n_errors = n_errors;
  self->n_warnings = n_warnings;
  self->n_infos = n_infos;

  /* An edit changes the findings near it and moves the ones after it. The
   * findings that stay (the same from the start, and from the end) keep
   * their items, moved in place, so that the problems panel does not
   * rebuild hundreds of rows on every keystroke; only the middle is
   * replaced. */
  while (prefix < n_old && prefix < problems->len)
    {
      g_autoptr(BylineProblem) old = g_list_model_get_item (model, prefix);

      if (!byline_problem_same_finding (old, g_ptr_array_index (problems, prefix)))
        break;
      prefix++;
    }
  while (suffix < n_old - prefix && suffix < problems->len - prefix)
    {
      g_autoptr(BylineProblem) old = g_list_model_get_item (model, n_old - 1 - suffix);

      if (!byline_problem_same_finding (old, g_ptr_array_index (problems,
                                                                problems->len - 1 - suffix)))
        break;
      suffix++;
    }

  for (guint i = 0; i < prefix; i++)
    update_in_place (self, i, g_ptr_array_index (problems, i), analysis);
  for (guint i = 0; i < suffix; i++)
    update_in_place (self, n_old - 1 - i, g_ptr_array_index (problems, problems->len - 1 - i),
                     analysis);

  if (n_old - prefix - suffix > 0 || problems->len - prefix - suffix > 0)
    g_list_store_splice (self->problems, prefix, n_old - prefix - suffix,
                         problems->pdata + prefix, problems->len - prefix - suffix);
}

/* Watching the bundle's folder */

static gboolean
folder_check_cb (gpointer user_data)
{
  BylineDocument *self = user_data;

  self->folder_check_source = 0;

  /* A new bundle rather than a changed one: an analysis on the worker
   * thread may be reading the old one right now. */
  byline_document_renew_bundle (self);

  return G_SOURCE_REMOVE;
}

static gboolean
is_bundle_file (BylineDocument *self,
                GFile          *file)
{
  g_autofree char *name = NULL;

  if (file == NULL)
    return FALSE;

  /* The post itself is watched by the file monitor; hidden files are editor
   * and saver leftovers (.goutputstream-XXXXXX) the bundle ignores. */
  if (self->file != NULL && g_file_equal (file, self->file))
    return FALSE;

  name = g_file_get_basename (file);
  return name != NULL && name[0] != '.';
}

static void
folder_changed_cb (BylineDocument    *self,
                   GFile             *file,
                   GFile             *other_file,
                   GFileMonitorEvent  event,
                   GFileMonitor      *monitor)
{
  if (!byline_document_is_settled_event (event)
      || (!is_bundle_file (self, file) && !is_bundle_file (self, other_file)))
    return;

  g_clear_handle_id (&self->folder_check_source, g_source_remove);
  self->folder_check_source = g_timeout_add (FOLDER_SETTLE_MSEC, folder_check_cb, self);
}

void
byline_document_watch_folder (BylineDocument *self)
{
  g_autoptr(GFile) folder = self->file != NULL ? g_file_get_parent (self->file) : NULL;

  if (folder == self->folder || (folder != NULL && self->folder != NULL
                                 && g_file_equal (folder, self->folder)))
    return;

  g_clear_handle_id (&self->folder_check_source, g_source_remove);
  if (self->folder_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->folder_monitor, folder_changed_cb, self);
      g_file_monitor_cancel (self->folder_monitor);
      g_clear_object (&self->folder_monitor);
    }
  g_set_object (&self->folder, folder);

  if (folder == NULL)
    return;

  /* Without a monitor the findings about files are updated on the next
   * load or save instead. */
  self->folder_monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES,
                                                   NULL, NULL);
  if (self->folder_monitor != NULL)
    g_signal_connect_object (self->folder_monitor, "changed",
                             G_CALLBACK (folder_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

GListModel *
byline_document_get_problems (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->problems);
}

guint
byline_document_get_n_errors (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), 0);

  return self->n_errors;
}

guint
byline_document_get_n_warnings (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), 0);

  return self->n_warnings;
}

guint
byline_document_get_n_infos (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), 0);

  return self->n_infos;
}

char *
byline_document_dup_problems_summary (BylineDocument *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);

  if (self->n_errors > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u error", "%u errors", self->n_errors),
                                             self->n_errors));
  if (self->n_warnings > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u warning", "%u warnings",
                                                       self->n_warnings),
                                             self->n_warnings));
  if (self->n_infos > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u info", "%u infos", self->n_infos),
                                             self->n_infos));

  if (parts->len == 0)
    return g_strdup (_("No problems found"));

  g_ptr_array_add (parts, NULL);
  /* TRANSLATORS: the separator between "2 errors", "1 warning" and "1 info". */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

/* The span of a problem's text in the buffer; a span that is empty (a
 * missing key, a missing closing tag) covers the character after it, or
 * the one before at the end of a line, so that there is something to
 * underline and to hover. FALSE when the problem is older than the text. */
gboolean
byline_document_get_problem_bounds (BylineDocument *self,
                                    BylineProblem  *problem,
                                    GtkTextIter    *start,
                                    GtkTextIter    *end)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  const BylineDiagnostic *diagnostic;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_PROBLEM (problem), FALSE);

  if (byline_problem_get_generation (problem) != self->generation)
    return FALSE;

  diagnostic = byline_problem_get_diagnostic (problem);
  gtk_text_buffer_get_iter_at_line_offset (buffer, start,
                                           (int) MAX (diagnostic->span.line, 1) - 1,
                                           (int) MAX (diagnostic->span.column, 1) - 1);
  gtk_text_buffer_get_iter_at_line_offset (buffer, end,
                                           (int) MAX (diagnostic->span.end_line, 1) - 1,
                                           (int) MAX (diagnostic->span.end_column, 1) - 1);
  if (gtk_text_iter_compare (end, start) < 0)
    *end = *start;

  if (gtk_text_iter_equal (start, end))
    {
      if (!gtk_text_iter_ends_line (end))
        gtk_text_iter_forward_char (end);
      else if (!gtk_text_iter_starts_line (start))
        gtk_text_iter_backward_char (start);
    }

  return TRUE;
}

gboolean
byline_document_apply_fix (BylineDocument  *self,
                           BylineProblem   *problem,
                           GError         **error)
{
  const BylineTextPatch *fix;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_PROBLEM (problem), FALSE);
  g_return_val_if_fail (!error || !*error, FALSE);

  fix = byline_problem_get_diagnostic (problem)->fix;
  g_return_val_if_fail (fix != NULL, FALSE);

  /* The patch's offsets belong to the text the problem was found in. */
  return byline_document_apply_patches (self, byline_problem_get_generation (problem),
                                        &fix, 1, error);
}

/* Spelling */

void
byline_document_set_spell_checker (BylineDocument     *self,
                                   BylineSpellChecker *checker)
{
  g_return_if_fail (BYLINE_IS_DOCUMENT (self));
  g_return_if_fail (checker == NULL || BYLINE_IS_SPELL_CHECKER (checker));

  if (!g_set_object (&self->spell_checker, checker))
    return;

  /* A worker may be analysing in the current context: it is replaced, never
   * changed. A new checker looks every word up: that runs in the worker. */
  byline_document_renew_context (self);
  byline_document_queue_analysis_in_worker (self);
}

BylineSpellChecker *
byline_document_get_spell_checker (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);

  return self->spell_checker;
}

void
byline_document_recheck_spelling (BylineDocument *self)
{
  g_return_if_fail (BYLINE_IS_DOCUMENT (self));

  if (self->spell_checker != NULL)
    byline_document_queue_analysis (self);
}
