/* byline-new-post-dialog.h — a new post from the site's archetype: title, section, form, date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "byline-site.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_NEW_POST_DIALOG (byline_new_post_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BylineNewPostDialog, byline_new_post_dialog, BYLINE, NEW_POST_DIALOG, AdwWindow)

/* @near is a file or folder inside the site (the post being edited: its
 * section is chosen), or NULL: the dialog then asks for the site's folder.
 * The site and its sections are read on a worker thread. */
BylineNewPostDialog *byline_new_post_dialog_new          (GFile               *near);
void                 byline_new_post_dialog_set_near     (BylineNewPostDialog *self,
                                                          GFile               *near);
/* The site, once read; NULL before. */
BylineSite          *byline_new_post_dialog_get_site     (BylineNewPostDialog *self);
/* Whether the sections of the site have been read (for tests). */
gboolean             byline_new_post_dialog_is_ready     (BylineNewPostDialog *self);
/* The sections offered, relative to the content folder ("blog/2026"). */
GListModel          *byline_new_post_dialog_get_sections (BylineNewPostDialog *self);
void                 byline_new_post_dialog_set_title_text (BylineNewPostDialog *self,
                                                          const char          *title);
void                 byline_new_post_dialog_set_section  (BylineNewPostDialog *self,
                                                          const char          *section);
void                 byline_new_post_dialog_set_bundle   (BylineNewPostDialog *self,
                                                          gboolean             bundle);
/* The day of the post; today means now, another day its midnight here. */
void                 byline_new_post_dialog_set_date     (BylineNewPostDialog *self,
                                                          GDateTime           *date);
/* The file the post will be (absolute), or NULL while the title is empty. */
char                *byline_new_post_dialog_dup_path     (BylineNewPostDialog *self);
/* The message shown under the fields, or NULL. */
const char          *byline_new_post_dialog_get_error    (BylineNewPostDialog *self);

/* Signals:
 *   "created" (GFile *file): the post was written; the window opens it and
 *       the dialog closes.
 *
 * Actions: "new-post.create", "new-post.choose-site" (a folder chooser).
 */

G_END_DECLS
