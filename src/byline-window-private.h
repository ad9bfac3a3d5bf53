/* byline-window-private.h — what the window's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-window.h"

#include "byline-editor.h"
#include "byline-front-matter-form.h"
#include "byline-image-dialog.h"
#include "byline-preview.h"
#include "byline-problems-panel.h"

G_BEGIN_DECLS

struct _BylineWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkPaned             *paned;
  BylineEditor         *editor;
  BylinePreview        *preview;
  GtkRevealer          *changed_revealer;
  GtkLabel             *changed_label;
  GtkButton            *reload_button;
  /* The profile banner: byline-window-profile.c */
  GtkRevealer          *profile_revealer;
  GtkLabel             *profile_detail;
  /* form */
  AdwFlap              *flap;
  BylineFrontMatterForm *form;
  /* Problems: byline-window-problems.c */
  GtkToggleButton      *problems_button;
  GtkImage             *problems_icon;
  GtkLabel             *problems_label;
  GtkRevealer          *problems_revealer;
  BylineProblemsPanel  *problems_panel;

  BylineDocument       *document;
  GSettings            *settings;
  GCancellable         *cancellable;
  /* image */
  BylineImageDialog    *image_dialog;  /* the open one, not owned */

  /* Scroll sync: after one side moves the other, the other side's own
   * scroll reports are ignored until this time (monotonic µs). */
  gint64                ignore_editor_scroll_until;
  gint64                ignore_preview_scroll_until;

  guint                 show_preview : 1;
  guint                 show_sidebar : 1;
  /* The user chose to close: the unsaved-changes question was answered. */
  guint                 close_confirmed : 1;
  /* "Check post" shows its toast after the next analysis of the text. */
  guint                 check_pending : 1;
};

void byline_window_class_init_actions (BylineWindowClass *klass);
void byline_window_update_actions     (BylineWindow      *self);
/* Saves the post, asking where for a new one; closes the window afterwards
 * when @close_after and the save worked. */
void byline_window_save               (BylineWindow      *self,
                                       gboolean           save_as,
                                       gboolean           close_after);
void byline_window_save_state         (BylineWindow      *self);

/* byline-window-image.c */
void byline_window_class_init_image   (BylineWindowClass *klass);
void byline_window_init_image         (BylineWindow      *self);

/* byline-window-profile.c */
void byline_window_class_init_profile (BylineWindowClass *klass);
void byline_window_init_profile       (BylineWindow      *self);

/* byline-window-problems.c */
void byline_window_class_init_problems (BylineWindowClass *klass);
void byline_window_init_problems       (BylineWindow      *self);

G_END_DECLS
