/* byline-image-dialog-private.h — what the image dialog's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-image-dialog.h"

G_BEGIN_DECLS

struct _BylineImageDialog
{
  AdwWindow      parent_instance;

  /* Template children */
  GtkButton     *insert_button;
  GtkStack      *picture_stack;
  GtkPicture    *picture;
  GtkLabel      *file_name_label;
  GtkLabel      *file_info_label;
  GtkLabel      *size_warning_label;
  GtkEntry      *caption_entry;
  GtkEntry      *alt_entry;
  GtkEntry      *title_entry;
  GtkDropDown   *width_dropdown;
  GtkEntry      *width_entry;
  GtkEntry      *link_entry;
  GtkEntry      *ratio_entry;
  GtkLabel      *caption_message;
  GtkLabel      *alt_message;
  GtkLabel      *title_message;
  GtkLabel      *width_message;
  GtkLabel      *link_message;
  GtkLabel      *ratio_message;
  GtkLabel      *preview_label;

  BylineProfile *profile;
  GFile         *folder;
  GFile         *file;
  /* Where the call goes: the post's analysis and the span it replaces (an
   * insertion when empty). Without one, the call is checked alone. */
  BylineAnalysis        *target;
  gsize                  target_start;
  gsize                  target_end;
  BylineAnalysisContext *context;     /* made when checking without a target */
  GStrv          widths;         /* the drop-down's items before "Custom" */
  GPtrArray     *extra;          /* parameters of an edited call the dialog does not show */
  char          *computed_ratio;
  GCancellable  *thumbnail_cancellable;

  /* What is known of self->file. */
  int            pixel_width;
  int            pixel_height;
  guint64        file_size;

  guint          file_exists : 1;
  guint          file_readable : 1;
  guint          editing : 1;
  guint          had_ratio : 1;       /* the edited call has a ratio: keep writing it */
  guint          ratio_edited : 1;    /* the user typed a ratio: write it */
  guint          updating : 1;        /* filling entries from code, not from the user */
  guint          has_errors : 1;
};

/* byline-image-dialog.c */
gboolean byline_image_dialog_file_is_in_bundle (BylineImageDialog *self,
                                                GFile             *file);
/* Whether Ratio is written for @link (needed, typed, or in the edited call). */
gboolean byline_image_dialog_ratio_is_written  (BylineImageDialog *self,
                                                const char        *link);

/* byline-image-dialog-check.c */
/* Checks the fields and shows what the rules say on them. */
void     byline_image_dialog_update            (BylineImageDialog *self);

G_END_DECLS
