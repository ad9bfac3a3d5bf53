/* byline-window-private.h — what the window's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-window.h"

#include "byline-draft.h"
#include "byline-editor.h"
#include "byline-front-matter-form.h"
#include "byline-image-dialog.h"
#include "byline-outline.h"
#include "byline-photo-sheet.h"
#include "byline-photos-view.h"
#include "byline-preview-pane.h"
#include "byline-problems-panel.h"
#include "byline-publish-badge.h"
#include "byline-shortcode-dialog.h"
#include "byline-stats-popover.h"

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
  BylinePreviewPane    *preview;
  GtkRevealer          *changed_revealer;
  GtkLabel             *changed_label;
  GtkButton            *reload_button;
  /* The profile banner: byline-window-profile.c */
  GtkRevealer          *profile_revealer;
  GtkLabel             *profile_detail;
  /* Saving: byline-window-save.c */
  GtkRevealer          *save_error_revealer;
  GtkLabel             *save_error_label;
  GtkImage             *read_only_icon;
  /* Drafts: byline-window-drafts.c */
  GtkRevealer          *draft_revealer;
  GtkLabel             *draft_label;
  /* form */
  AdwFlap              *flap;
  BylineFrontMatterForm *form;
  /* Problems: byline-window-problems.c */
  GtkToggleButton      *problems_button;
  GtkImage             *problems_icon;
  GtkLabel             *problems_label;
  GtkRevealer          *problems_revealer;
  BylineProblemsPanel  *problems_panel;
  /* Writing aids: byline-window-writing.c */
  BylineOutline        *outline;
  BylinePublishBadge   *publish_badge;
  GtkMenuButton        *stats_button;
  BylineStatsPopover   *stats_popover;
  GMenu                *spell_language_menu;
  BylineRenderer       *stats_renderer;
  guint                 stats_source;
  gboolean              stats_site_cjk;

  BylineDocument       *document;
  GSettings            *settings;
  /* "win.show-preview": a stateful action, so that the menu shows a check. */
  GSimpleAction        *show_preview_action;
  GCancellable         *cancellable;
  /* image */
  BylineImageDialog    *image_dialog;  /* the open one, not owned */
  /* shortcodes: byline-window-shortcode.c */
  BylineShortcodeDialog *shortcode_dialog;  /* the open one, not owned */
  BylineShortcodeCatalog *shortcode_catalog;
  BylineSite           *shortcode_site;      /* what the catalog was made for */
  BylineProfile        *shortcode_profile;
  GCancellable         *shortcode_cancellable;
  /* photos: byline-window-photos.c */
  BylinePhotoSheet     *photo_sheet;   /* the open one, not owned */
  BylinePhotosView     *photos_view;
  /* The sidebar's pages: form, outline, photos. */
  GtkStack             *sidebar_stack;

  /* Drafts: the checksum of the post's text as it was loaded or saved (the
   * version unsaved changes are made to), the draft offered for restoring,
   * and when the text changed first and last since the last draft
   * (monotonic µs; 0: no change waits for a draft). */
  BylineDraftStore     *draft_store;
  GCancellable         *draft_cancellable;
  char                 *base_checksum;
  BylineDraft          *offered_draft;
  BylineDraftState      offered_state;
  guint                 draft_source;
  gint64                first_unsaved_change;
  gint64                last_change;

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
  /* A draft is being written; another one is due when it is done. */
  guint                 draft_writing : 1;
  guint                 draft_pending : 1;
  guint                 draft_failed : 1;
  /* The next load restores the post's draft without asking, when it is
   * not stale (the start page's "Restore"). */
  guint                 restore_on_load : 1;
  /* Saving automatically failed: drafts keep the changes until a save by
   * hand works. */
  guint                 autosave_failed : 1;
  guint                 read_only : 1;
};

void byline_window_class_init_actions (BylineWindowClass *klass);
void byline_window_update_actions     (BylineWindow      *self);
void byline_window_save_state         (BylineWindow      *self);
void byline_window_add_markdown_filters (GtkFileChooser *chooser);
/* A question about the post with two answers: Cancel, the default, and
 * @response, which loses something; present it once connected. */
GtkWidget *byline_window_new_question (BylineWindow *self,
                                       const char   *heading,
                                       const char   *response,
                                       const char   *response_label);

/* byline-window-save.c */
typedef enum
{
  BYLINE_SAVE_AS           = 1 << 0,  /* ask where, even for a post with a file */
  BYLINE_SAVE_CLOSE_AFTER  = 1 << 1,  /* close the window once it worked */
  BYLINE_SAVE_AUTOMATIC    = 1 << 2,  /* the autosave preference, not the user */
} BylineSaveFlags;

void byline_window_class_init_save    (BylineWindowClass *klass);
void byline_window_init_save          (BylineWindow      *self);
/* Saves the post, asking where for a new one. */
void byline_window_save               (BylineWindow      *self,
                                       BylineSaveFlags    flags);
/* Looks again whether the post's file can be written. */
void byline_window_check_read_only    (BylineWindow      *self);

/* byline-window-drafts.c */
void byline_window_class_init_drafts  (BylineWindowClass *klass);
void byline_window_init_drafts        (BylineWindow      *self);
void byline_window_dispose_drafts     (BylineWindow      *self);
/* The post was read from its file: the text is the new base of drafts, and
 * a draft of it is offered. */
void byline_window_drafts_loaded      (BylineWindow      *self);
/* The post was saved: its draft goes. */
void byline_window_drafts_saved       (BylineWindow      *self,
                                       GFile             *previous_file);
/* The user threw the unsaved changes away: the draft goes too. */
void byline_window_drafts_discard     (BylineWindow      *self);

/* byline-window-image.c */
void byline_window_class_init_image   (BylineWindowClass *klass);
void byline_window_init_image         (BylineWindow      *self);

/* byline-window-shortcode.c */
void byline_window_class_init_shortcode (BylineWindowClass *klass);
void byline_window_init_shortcode       (BylineWindow      *self);
void byline_window_dispose_shortcode    (BylineWindow      *self);
/* byline-window-photos.c */
void byline_window_class_init_photos  (BylineWindowClass *klass);
void byline_window_init_photos        (BylineWindow      *self);
/* Opens the photo sheet on @files, inserting at @iter. */
void byline_window_open_photo_sheet   (BylineWindow      *self,
                                       GFile * const     *files,
                                       guint              n_files,
                                       const GtkTextIter *iter);
/* byline-window-new-post.c */
void byline_window_class_init_new_post (BylineWindowClass *klass);

/* byline-window-profile.c */
void byline_window_class_init_profile (BylineWindowClass *klass);
void byline_window_init_profile       (BylineWindow      *self);

/* byline-window-problems.c */
void byline_window_class_init_problems (BylineWindowClass *klass);
void byline_window_init_problems       (BylineWindow      *self);
void byline_window_update_problems_button (BylineWindow   *self);

/* byline-window-writing.c */
void byline_window_class_init_writing (BylineWindowClass *klass);
void byline_window_init_writing       (BylineWindow      *self);
void byline_window_dispose_writing    (BylineWindow      *self);

G_END_DECLS
