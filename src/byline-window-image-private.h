/* byline-window-image-private.h — what the window's picture files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * byline-window-image.c: the image dialog and writing image calls;
 * byline-window-image-copy.c: copying pictures into the bundle in a thread;
 * byline-window-image-dnd.c: pictures dropped on or pasted into the editor.
 */

#pragma once

#include "byline-window-private.h"

G_BEGIN_DECLS

/* Pictures to copy into the bundle, and what came of it. */
typedef struct
{
  GPtrArray *sources;  /* of GFile */
  char      *name;     /* for one source: the name it gets in the bundle */
  GBytes    *png;      /* instead of sources: a pasted picture */
  GFile     *folder;
  /* Results */
  GPtrArray *copies;   /* of GFile, in the bundle */
  GPtrArray *skipped;  /* of char *: display names of files that are not pictures */
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
 * the earliest, as one undo step; the cursor goes after it. */
void           byline_window_insert_shortcode (BylineWindow        *self,
                                               GtkTextMark         *mark,
                                               const char          *shortcode);
GtkTextMark   *byline_window_create_mark      (BylineWindow        *self,
                                               const GtkTextIter   *iter,
                                               gboolean             left_gravity);

/* byline-window-image-dnd.c */
void           byline_window_init_image_dnd   (BylineWindow        *self);

G_END_DECLS
