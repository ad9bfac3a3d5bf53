/* byline-document-private.h — what the document's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-document.h"

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

G_END_DECLS
