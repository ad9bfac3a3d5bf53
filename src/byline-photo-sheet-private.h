/* byline-photo-sheet-private.h — what the photo sheet's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * byline-photo-sheet.c reads the pictures, checks the texts and runs the
 * import; byline-photo-sheet-rows.c builds, names and orders the rows.
 */

#pragma once

#include "byline-photo-sheet.h"

#include "byline-analysis-context.h"
#include "byline-photo.h"

G_BEGIN_DECLS

/* One picture of the list. */
typedef struct
{
  GFile           *source;
  BylinePhotoInfo *info;
  char            *planned;   /* the name its copy gets */
  GtkWidget       *row;       /* owned by the list box; a reference kept */
  GtkLabel        *name_label;
  GtkLabel        *message_label;
  GtkEditable     *alt_entry;
  GtkEditable     *caption_entry;
  GtkWidget       *up_button;
  GtkWidget       *down_button;
} PhotoItem;

struct _BylinePhotoSheet
{
  AdwWindow      parent_instance;

  /* Template children */
  GtkButton     *insert_button;
  GtkLabel      *summary_label;
  GtkListBox    *list_box;
  GtkLabel      *skipped_label;
  GtkDropDown   *width_dropdown;
  GtkStack      *status_stack;
  GtkLabel      *status_label;
  GtkProgressBar *progress_bar;

  BylineProfile *profile;
  GFile         *folder;
  BylineAnalysisContext *context;  /* the rules that check the texts, made on first use */
  GStrv          widths;
  GPtrArray     *items;        /* of PhotoItem, in the list's order */
  GPtrArray     *arriving;     /* of PhotoItem whose metadata is being read */
  GPtrArray     *skipped;      /* of char *: names of files that are not pictures */
  GCancellable  *cancellable;  /* metadata and thumbnails: the sheet's life */
  GCancellable  *import_cancellable;
  guint          pending;      /* metadata reads not back yet */

  guint          importing : 1;
  guint          keep_metadata : 1;  /* the copies keep the camera's metadata, never GPS */
  guint          has_errors : 1;
};

void  byline_photo_item_free               (PhotoItem         *item);
char *byline_photo_sheet_dup_display_name  (GFile             *file);
/* Shows on each picture what the site would say about its call, and
 * whether Insert can run. */
void  byline_photo_sheet_update            (BylinePhotoSheet  *self);

/* byline-photo-sheet-rows.c */
int   byline_photo_sheet_sort_rows         (GtkListBoxRow     *a,
                                            GtkListBoxRow     *b,
                                            gpointer           user_data);
/* Names the copies will get, in the list's order. */
void  byline_photo_sheet_plan_names        (BylinePhotoSheet  *self);
/* Appends @item's row to the list and starts its thumbnail. */
void  byline_photo_sheet_build_row         (BylinePhotoSheet  *self,
                                            PhotoItem         *item);

G_END_DECLS
