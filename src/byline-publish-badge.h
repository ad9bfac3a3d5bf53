/* byline-publish-badge.h — "Draft", "Scheduled for 12 March", "Expired"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "byline-publish.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_PUBLISH_BADGE (byline_publish_badge_get_type ())

G_DECLARE_FINAL_TYPE (BylinePublishBadge, byline_publish_badge, BYLINE, PUBLISH_BADGE, GtkWidget)

GtkWidget          *byline_publish_badge_new       (void);
/* Shows the state of a post with @front_matter (nullable) at @now. */
void                byline_publish_badge_update    (BylinePublishBadge *self,
                                                    BylineFrontMatter  *front_matter,
                                                    GDateTime          *now);
BylinePublishState  byline_publish_badge_get_state (BylinePublishBadge *self);
const char         *byline_publish_badge_get_text  (BylinePublishBadge *self);
/* What the state means for the post: "Hugo leaves drafts out of the site
 * (draft: true)". */
const char         *byline_publish_badge_get_description (BylinePublishBadge *self);

G_END_DECLS
