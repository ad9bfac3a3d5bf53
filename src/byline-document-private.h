/* byline-document-private.h — what the document's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-document.h"

#include "byline-linter.h"

G_BEGIN_DECLS

struct _BylineDocument
{
  GtkSourceBuffer   parent_instance;

  GtkSourceFile    *source_file;
  GFile            *file;
  GFileMonitor     *monitor;
  guint             monitor_check_source;

  BylineRenderer   *renderer;
  GError           *profile_error;
  /* Holds the default site profile (profile-file) of the preferences. */
  GSettings        *settings;

  BylinePost       *post;
  BylineRendering  *rendering;
  char             *header_html;
  char             *title;

  /* Problems: byline-document-problems.c. The generation counts changes
   * of the text; problems and fixes belong to the generation they were
   * found in. */
  BylineLinter     *linter;
  BylineSpellChecker *spell_checker;
  GListStore       *problems;
  guint             n_errors;
  guint             n_warnings;
  guint             n_infos;
  guint64           generation;
  guint64           analyzed_generation;
  GFile            *folder;
  GFileMonitor     *folder_monitor;
  guint             folder_check_source;

  guint             analysis_source;
  GCancellable     *analysis_cancellable;

  guint             loading : 1;
  guint             saving : 1;
  guint             externally_modified : 1;
  guint             deleted : 1;
  /* The text changed since the last analysis started. */
  guint             analysis_dirty : 1;
  guint             analysis_in_flight : 1;
};

void byline_document_set_busy                (BylineDocument *self,
                                              gboolean        loading,
                                              gboolean        saving);
void byline_document_set_externally_modified (BylineDocument *self,
                                              gboolean        externally_modified,
                                              gboolean        deleted);
/* A new renderer (profile, bundle, base URI) for the document's file. */
void byline_document_update_renderer         (BylineDocument *self);
void byline_document_queue_analysis          (BylineDocument *self);

void byline_document_init_problems           (BylineDocument *self);
void byline_document_dispose_problems        (BylineDocument *self);
void byline_document_finalize_problems       (BylineDocument *self);
/* Takes the diagnostics out of @diagnostics. */
void byline_document_apply_diagnostics       (BylineDocument *self,
                                              GPtrArray      *diagnostics,
                                              guint64         generation);
/* Follows the folder of the document's file, for the bundle's findings. */
void byline_document_watch_folder            (BylineDocument *self);

G_END_DECLS
