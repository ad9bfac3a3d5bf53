/* byline-document.h — one post: its file, its text and what the core makes of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "byline-analysis.h"
#include "byline-problem.h"
#include "byline-profile.h"

G_BEGIN_DECLS

#define BYLINE_DOCUMENT_ERROR (byline_document_error_quark ())

typedef enum
{
  BYLINE_DOCUMENT_ERROR_INVALID_UTF8,  /* the message names the line */
  BYLINE_DOCUMENT_ERROR_BINARY,        /* a NUL byte: not a text file */
  BYLINE_DOCUMENT_ERROR_TOO_LARGE,
  BYLINE_DOCUMENT_ERROR_NOT_REGULAR,   /* a folder or a special file */
  BYLINE_DOCUMENT_ERROR_STALE,         /* a fix for a text that has changed since */
} BylineDocumentError;

/* Posts at least this long are analysed in a worker thread. */
#define BYLINE_DOCUMENT_WORKER_THRESHOLD (64 * 1024)

#define BYLINE_TYPE_DOCUMENT (byline_document_get_type ())

G_DECLARE_FINAL_TYPE (BylineDocument, byline_document, BYLINE, DOCUMENT, GtkSourceBuffer)

GQuark           byline_document_error_quark          (void);
BylineDocument  *byline_document_new                  (void);
/* NULL for a post that was never saved. */
GFile           *byline_document_get_file             (BylineDocument       *self);
GtkSourceFile   *byline_document_get_source_file      (BylineDocument       *self);
/* The front matter's title, NULL when there is none. */
const char      *byline_document_get_title            (BylineDocument       *self);
/* The title, else the file name, else "Untitled Post". */
char            *byline_document_dup_display_name     (BylineDocument       *self);
/* TRUE while loading or saving: the text must not change meanwhile. */
gboolean         byline_document_get_busy             (BylineDocument       *self);
/* The file changed or vanished on disk since it was loaded or saved. */
gboolean         byline_document_get_externally_modified (BylineDocument    *self);
gboolean         byline_document_get_deleted          (BylineDocument       *self);
/* The site profile of the post ("profile", notified): the built-in one with
 * the site's .byline.yml merged over it, or the default profile file of the
 * preferences for a post outside any site. It follows the file, the
 * preferences and edits of the .byline.yml, which is read off the main
 * thread; each change re-analyses the post. */
BylineProfile   *byline_document_get_profile          (BylineDocument       *self);
/* The site the post belongs to (changes with the profile); NULL before a
 * file is loaded. */
BylineSite      *byline_document_get_site             (BylineDocument       *self);
/* Why the profile file could not be used ("profile-error", notified), with
 * the file and line; NULL when it could. Meanwhile the document keeps the
 * last profile that worked for the post, or the built-in one. */
const GError    *byline_document_get_profile_error    (BylineDocument       *self);
/* The profile file the error is about; NULL without an error. */
GFile           *byline_document_get_profile_error_file (BylineDocument     *self);

/* Refuses files that are not UTF-8 text with a BYLINE_DOCUMENT_ERROR before the
 * buffer is touched. The file is added to the recent files on success. */
void             byline_document_load_async           (BylineDocument       *self,
                                                       GFile                *file,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean         byline_document_load_finish          (BylineDocument       *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
/* Saves to @file, or to the document's own file when @file is NULL, replacing
 * it atomically with its encoding and line endings kept. Unless @overwrite,
 * a file changed on disk fails with GTK_SOURCE_FILE_SAVER_ERROR_EXTERNALLY_MODIFIED. */
void             byline_document_save_async           (BylineDocument       *self,
                                                       GFile                *file,
                                                       gboolean              overwrite,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean         byline_document_save_finish          (BylineDocument       *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

/* The last analysis of the text ("analysis", notified when it changes);
 * NULL before the first one. Widgets read the post, its rendering and its
 * findings from it: nobody parses the buffer again. Its generation is the
 * buffer's generation it was made from. */
BylineAnalysis  *byline_document_get_analysis         (BylineDocument       *self);
/* Counts the changes of the text: patches name the generation they were
 * made for. */
guint64          byline_document_get_generation       (BylineDocument       *self);
/* The buffer's whole text, as the analysis and the patches count it. */
char            *byline_document_dup_text             (BylineDocument       *self);
/* Runs the pending analysis now, on this thread (first paint, tests), unless
 * one is on its way in the worker. */
void             byline_document_analyze_now          (BylineDocument       *self);

/* The one way in which the form, the problems list and the dialogs change
 * the text: @patches (byte offsets into the text of @generation, not
 * overlapping) are applied as one undo step. Fails with
 * BYLINE_DOCUMENT_ERROR_STALE when the text changed since @generation, and
 * with G_IO_ERROR_BUSY while loading or saving. */
gboolean         byline_document_apply_patches        (BylineDocument       *self,
                                                       guint64               generation,
                                                       const BylineTextPatch * const *patches,
                                                       guint                 n_patches,
                                                       GError              **error);

/* Problems (byline-document-problems.c): the linter's findings from the
 * last analysis, as BylineProblem items sorted by position. The list
 * changes only when the findings do. */
GListModel      *byline_document_get_problems         (BylineDocument       *self);
guint            byline_document_get_n_errors         (BylineDocument       *self);
guint            byline_document_get_n_warnings       (BylineDocument       *self);
guint            byline_document_get_n_infos          (BylineDocument       *self);
/* "2 errors, 1 warning" (with infos when there are some), or "No problems
 * found". */
char            *byline_document_dup_problems_summary (BylineDocument       *self);
/* The last analysis (and so the problems list) is of the current text. */
gboolean         byline_document_is_analyzed          (BylineDocument       *self);
/* Where the problem's text is in the buffer; FALSE when the text changed
 * since it was found. */
gboolean         byline_document_get_problem_bounds   (BylineDocument       *self,
                                                       BylineProblem        *problem,
                                                       GtkTextIter          *start,
                                                       GtkTextIter          *end);
/* Applies the problem's fix as one undo step; fails with
 * BYLINE_DOCUMENT_ERROR_STALE when the text changed since it was found. */
gboolean         byline_document_apply_fix            (BylineDocument       *self,
                                                       BylineProblem        *problem,
                                                       GError              **error);

G_END_DECLS
