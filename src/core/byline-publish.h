/* byline-publish.h — whether Hugo publishes a post, from its front matter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo leaves a page out of the site (hugolib/page__meta.go, shouldBuild,
 * v0.111.3) when it is a draft (unless --buildDrafts), when its publish
 * date is after now (unless --buildFuture), or when it has an expiry date
 * before now (unless --buildExpired); "hugo list published" lists the pages
 * that are "not draft, future, or expired". The publish date is the first
 * of publishDate, pubdate, published and date that is set, the expiry date
 * the first of expiryDate and unpublishdate (Hugo's default front-matter
 * date configuration); keys match without regard to case, as in Hugo.
 */

#pragma once

#include "byline-front-matter.h"

G_BEGIN_DECLS

typedef enum
{
  BYLINE_PUBLISH_PUBLISHED,  /* on the site */
  BYLINE_PUBLISH_DRAFT,      /* draft: true */
  BYLINE_PUBLISH_SCHEDULED,  /* a publish date after now */
  BYLINE_PUBLISH_EXPIRED,    /* an expiry date before now */
} BylinePublishState;

/* The state of a post with @front_matter (NULL: none) at @now. A draft is
 * a draft whatever its dates, then a future post is scheduled whatever its
 * expiry. @date (nullable) receives the publish date of a scheduled post or
 * the expiry date of an expired one, else NULL. */
BylinePublishState byline_publish_state_get       (BylineFrontMatter  *front_matter,
                                                   GDateTime          *now,
                                                   GDateTime         **date);
/* "draft", "scheduled", "expired", "published". */
const char        *byline_publish_state_to_string (BylinePublishState  state);

G_END_DECLS
