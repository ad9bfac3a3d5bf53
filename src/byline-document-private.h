/* byline-document-private.h — what the document's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-document.h"

G_BEGIN_DECLS

struct _BylineDocument
{
  GtkSourceBuffer        parent_instance;

  GtkSourceFile         *source_file;
  GFile                 *file;
  GFileMonitor          *monitor;
  guint                  monitor_check_source;

  /* The context of the analysis (byline-document-context.c): the site, its
   * profile, the bundle and the base URI. Replaced, never changed. */
  BylineAnalysisContext *context;
  GError                *profile_error;
  GFile                 *profile_error_file;
  /* The profile file the context came from, followed for edits. */
  GFile                 *profile_file;
  GFileMonitor          *profile_monitor;
  guint                  profile_check_source;
  GCancellable          *context_cancellable;
  /* Holds the default site profile (profile-file) of the preferences. */
  GSettings             *settings;

  /* The analysis (byline-document-analysis.c). The generation counts changes
   * of the text; an analysis, its problems and the patches made from them
   * belong to the generation they were made from. */
  BylineAnalysis        *analysis;
  char                  *title;
  guint64                generation;
  /* Counts what makes a running analysis useless (a reload, a new
   * context): a result is applied only if nothing superseded it. */
  guint64                request;
  guint                  analysis_source;
  GCancellable          *analysis_cancellable;

  /* Problems: byline-document-problems.c. */
  BylineSpellChecker    *spell_checker;
  GListStore            *problems;
  guint                  n_errors;
  guint                  n_warnings;
  guint                  n_infos;
  GFile                 *folder;
  GFileMonitor          *folder_monitor;
  guint                  folder_check_source;

  guint                  loading : 1;
  guint                  saving : 1;
  guint                  externally_modified : 1;
  guint                  deleted : 1;
  /* The text (or the context) changed since the last analysis started. */
  guint                  analysis_dirty : 1;
  guint                  analysis_in_flight : 1;
  guint                  analysis_in_worker : 1;
  /* A new context is being read: analyses wait for it. */
  guint                  context_loading : 1;
};

void byline_document_set_busy                (BylineDocument *self,
                                              gboolean        loading,
                                              gboolean        saving);
void byline_document_set_externally_modified (BylineDocument *self,
                                              gboolean        externally_modified,
                                              gboolean        deleted);

/* byline-document-analysis.c */
void byline_document_queue_analysis          (BylineDocument *self);
/* The same, in the worker even for a short post: a slow one-off. */
void byline_document_queue_analysis_in_worker
                                             (BylineDocument *self);
/* A reload or a new context: whatever is in flight will not be applied,
 * and a new analysis follows. */
void byline_document_supersede_analysis      (BylineDocument *self);
void byline_document_dispose_analysis        (BylineDocument *self);

/* byline-document-context.c */
typedef struct _BylineContextResult BylineContextResult;

void byline_document_init_context            (BylineDocument *self);
void byline_document_dispose_context         (BylineDocument *self);
/* Reads the site and profile of @file in a worker thread. */
void byline_document_read_context_async      (BylineDocument       *self,
                                              GFile                *file,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
BylineContextResult *
     byline_document_read_context_finish     (GAsyncResult         *result);
void byline_context_result_free              (BylineContextResult  *result);
/* Makes @result (read for the document's file) the document's context. */
void byline_document_install_context         (BylineDocument       *self,
                                              BylineContextResult  *result);
/* Reads the context of the document's file again, in the background. */
void byline_document_reload_context          (BylineDocument       *self);
/* The same site and profile with a new bundle (the folder changed). */
void byline_document_renew_bundle            (BylineDocument       *self);
/* The same context again, made anew: the spell checker changed. */
void byline_document_renew_context           (BylineDocument       *self);
/* Whether a file monitor's @event says that a file is written, came or went:
 * the events after which the document looks again, once things settle. */
gboolean byline_document_is_settled_event    (GFileMonitorEvent     event);

/* byline-document-problems.c */
void byline_document_init_problems           (BylineDocument *self);
void byline_document_dispose_problems        (BylineDocument *self);
void byline_document_finalize_problems       (BylineDocument *self);
void byline_document_apply_diagnostics       (BylineDocument *self,
                                              BylineAnalysis *analysis);
/* Follows the folder of the document's file, for the bundle's findings. */
void byline_document_watch_folder            (BylineDocument *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineContextResult, byline_context_result_free)

G_END_DECLS
