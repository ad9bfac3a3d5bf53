/* byline-document-analysis.c — the document's analysis, and its one worker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After each pause in typing the document analyses a snapshot of its text
 * (byline_analysis_new()): on the main thread for posts under
 * BYLINE_DOCUMENT_WORKER_THRESHOLD, in a worker thread above, and in the
 * worker too for the first analysis with a new spell checker, which looks
 * every word of the post up (a tenth of a second for a short one). There is at
 * most one analysis in flight, owned by the document: edits meanwhile only
 * mark the text dirty, and the next analysis starts when it returns. A
 * reload or a new context supersedes what is in flight: its result, when
 * it comes, is dropped, so that an older text never lands over a newer one.
 * The worker gets a copy of the text and the context, which is immutable,
 * and shares nothing else with the window.
 */

#define G_LOG_DOMAIN "byline-document"

#include "config.h"

#include "byline-document-private.h"

typedef struct
{
  BylineAnalysisContext *context;
  char                  *text;
  gsize                  length;
  guint64                generation;
  guint64                request;
  BylineAnalysis        *analysis;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->context);
  g_clear_object (&job->analysis);
  g_free (job->text);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static void
job_run (Job *job)
{
  job->analysis = byline_analysis_new (job->context, job->text, (gssize) job->length,
                                       job->generation, BYLINE_ANALYSIS_DEFAULT);
}

static void
apply_analysis (BylineDocument *self,
                BylineAnalysis *analysis)
{
  const char *title = byline_analysis_get_title (analysis);

  g_set_object (&self->analysis, analysis);

  if (g_strcmp0 (title, self->title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
      g_object_notify (G_OBJECT (self), "title");
    }

  byline_document_apply_diagnostics (self, analysis);
  g_object_notify (G_OBJECT (self), "analysis");
}

static Job *
take_snapshot (BylineDocument *self)
{
  Job *job = g_new0 (Job, 1);

  job->context = g_object_ref (self->context);
  job->generation = self->generation;
  job->request = self->request;
  job->text = byline_document_dup_text (self);
  job->length = strlen (job->text);

  self->analysis_dirty = FALSE;

  return job;
}

static void
analysis_thread_cb (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  job_run (task_data);
  g_task_return_boolean (task, TRUE);
}

static void
analysis_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  BylineDocument *self = BYLINE_DOCUMENT (object);
  Job *job = g_task_get_task_data (G_TASK (result));

  self->analysis_in_flight = FALSE;

  /* Only the newest request counts: a reload or a new context since it
   * started has made this one stale. */
  if (job->request == self->request && job->analysis != NULL)
    apply_analysis (self, job->analysis);

  if (self->analysis_dirty)
    byline_document_queue_analysis (self);
}

static void
start_analysis (BylineDocument *self,
                gboolean        wait)
{
  g_autoptr(Job) job = NULL;
  g_autoptr(GTask) task = NULL;
  gboolean in_worker;

  g_assert (!self->analysis_in_flight);

  job = take_snapshot (self);
  in_worker = job->length >= BYLINE_DOCUMENT_WORKER_THRESHOLD
              || (self->analysis_in_worker && !wait);
  self->analysis_in_worker = FALSE;

  if (!in_worker)
    {
      job_run (job);
      apply_analysis (self, job->analysis);
      return;
    }

  /* Large posts are analysed off the main thread so that typing never
   * waits, and so is a slow first spell check so that the window does not.
   * The task holds the document until the worker is done. */
  self->analysis_in_flight = TRUE;
  task = g_task_new (self, self->analysis_cancellable, analysis_done_cb, NULL);
  g_task_set_source_tag (task, start_analysis);
  g_task_set_task_data (task, g_steal_pointer (&job), (GDestroyNotify) job_free);
  g_task_run_in_thread (task, analysis_thread_cb);
}

static gboolean
analysis_idle_cb (gpointer user_data)
{
  BylineDocument *self = user_data;

  self->analysis_source = 0;

  if (!self->analysis_in_flight && !self->loading)
    start_analysis (self, FALSE);

  return G_SOURCE_REMOVE;
}

void
byline_document_queue_analysis (BylineDocument *self)
{
  self->analysis_dirty = TRUE;

  /* One analysis at a time: the dirty flag makes the one in flight start
   * another when it is done. */
  if (self->loading || self->analysis_in_flight || self->analysis_source != 0)
    return;

  self->analysis_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, analysis_idle_cb, self, NULL);
}

void
byline_document_queue_analysis_in_worker (BylineDocument *self)
{
  self->analysis_in_worker = TRUE;
  byline_document_queue_analysis (self);
}

void
byline_document_supersede_analysis (BylineDocument *self)
{
  self->request++;
  byline_document_queue_analysis (self);
}

void
byline_document_analyze_now (BylineDocument *self)
{
  g_return_if_fail (BYLINE_IS_DOCUMENT (self));

  if (self->analysis_in_flight || self->loading)
    return;

  g_clear_handle_id (&self->analysis_source, g_source_remove);
  start_analysis (self, TRUE);
}

void
byline_document_dispose_analysis (BylineDocument *self)
{
  g_cancellable_cancel (self->analysis_cancellable);
  g_clear_handle_id (&self->analysis_source, g_source_remove);
}

BylineAnalysis *
byline_document_get_analysis (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);

  return self->analysis;
}

guint64
byline_document_get_generation (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), 0);

  return self->generation;
}

gboolean
byline_document_is_analyzed (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), FALSE);

  return self->analysis != NULL &&
         byline_analysis_get_generation (self->analysis) == self->generation;
}
