/* byline-window-image-private.h — what the window's picture files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * byline-window-image.c: the image dialog and writing image calls;
 * byline-window-image-copy.c: copying pictures into the bundle in a thread;
 * byline-window-image-dnd.c: pictures dropped on the editor or the outline,
 * or pasted.
 */

#pragma once

#include "byline-window-private.h"

#include "byline-photo.h"

G_BEGIN_DECLS

typedef enum
{
  /* Which sources are pictures: copies gets them, skipped the others. */
  BYLINE_COPY_JOB_SORT,
  /* The pasted png, written as name into a temporary folder (scratch)
   * outside the bundle until the dialog's Insert: copies gets it. */
  BYLINE_COPY_JOB_PASTE,
  /* The one source imported into the bundle as name (upright, resized,
   * without its location): copies gets the copy. */
  BYLINE_COPY_JOB_IMPORT,
} BylineCopyJobKind;

/* Pictures on their way into the bundle, and what came of it. */
typedef struct
{
  BylineCopyJobKind   kind;
  GPtrArray          *sources;  /* of GFile */
  char               *name;     /* for one source: the name it gets */
  GBytes             *png;      /* instead of sources: a pasted picture */
  GFile              *folder;
  BylinePhotoOptions  options;  /* IMPORT */
  /* Results */
  GPtrArray          *copies;   /* of GFile */
  GPtrArray          *skipped;  /* of char *: display names of files that are not pictures */
  char               *scratch;  /* PASTE: the temporary folder, for its new owner to take */
} BylineCopyJob;

/* byline-window-image-copy.c */
BylineCopyJob *byline_copy_job_new            (GFile               *folder);
void           byline_copy_job_free           (BylineCopyJob       *job);
/* Runs @job in a worker thread (owning it); @callback gets the window. */
void           byline_window_run_copy_job     (BylineWindow        *self,
                                               BylineCopyJob       *job,
                                               gpointer             source_tag,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);

/* Removes a PASTE job's temporary folder and the picture in it. */
void           byline_window_remove_scratch   (const char          *scratch);

/* byline-window-image.c */
/* The post's folder, or NULL (and a toast) for a post never saved. */
GFile         *byline_window_dup_image_folder (BylineWindow        *self);
void           byline_window_add_size_warning (BylineWindow        *self,
                                               BylineProfile       *profile,
                                               GFile               *file);
/* Opens the image dialog writing at @iter: on the image call there when
 * @file is NULL and the cursor sits in one, else a new picture (@file,
 * when given, is the picture it starts from). */
void           byline_window_open_image_dialog (BylineWindow       *self,
                                                const GtkTextIter  *iter,
                                                GFile              *file);
/* Writes @shortcode at @mark on lines of its own, after the front matter at
 * the earliest, as one undo step; the cursor goes after it. The caller may
 * delete @mark once this returns, even when the write waits for the
 * analysis of a large post. */
void           byline_window_insert_shortcode (BylineWindow        *self,
                                               GtkTextMark         *mark,
                                               const char          *shortcode);
GtkTextMark   *byline_window_create_mark      (BylineWindow        *self,
                                               const GtkTextIter   *iter,
                                               gboolean             left_gravity);

/* The open image dialog (on a pasted picture) owns @scratch (transfer
 * full) and removes it when it closes. */
void           byline_window_take_image_scratch (BylineWindow      *self,
                                                 char              *scratch);

/* byline-window-image-dnd.c */
void           byline_window_init_image_dnd   (BylineWindow        *self);

G_END_DECLS
