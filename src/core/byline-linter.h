/* byline-linter.h — the rule engine: findings about a post and its bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A linter holds the site profile (which rules run and how severe they are)
 * and, optionally, the post's page bundle (for the rules about files). Every
 * rule is registered in one table; docs/rules.md documents each of them.
 * Checking a post is a pure function of the post, the profile, the bundle's
 * files and the current time, so it can run on a worker thread as long as
 * nobody changes the linter meanwhile.
 */

#pragma once

#include <gio/gio.h>

#include "byline-body.h"
#include "byline-bundle.h"
#include "byline-diagnostic.h"
#include "byline-post.h"
#include "byline-profile.h"
#include "byline-site.h"
#include "byline-spell.h"

G_BEGIN_DECLS

typedef struct
{
  const char     *id;                /* "image/caption-period" */
  BylineSeverity  default_severity;
  const char     *summary;           /* untranslated; pass it through _() */
} BylineRuleInfo;

#define BYLINE_TYPE_LINTER (byline_linter_get_type ())

G_DECLARE_FINAL_TYPE (BylineLinter, byline_linter, BYLINE, LINTER, GObject)

/* @site and @bundle may be NULL: then the rules about the site's pages and
 * the bundle's files do not run. */
BylineLinter         *byline_linter_new          (BylineProfile *profile,
                                                  BylineSite    *site,
                                                  BylineBundle  *bundle);
BylineProfile        *byline_linter_get_profile  (BylineLinter  *self);
BylineSite           *byline_linter_get_site     (BylineLinter  *self);
BylineBundle         *byline_linter_get_bundle   (BylineLinter  *self);
/* The time that "future publish date" compares with; NULL (the default)
 * means the time of each check. */
void                  byline_linter_set_now      (BylineLinter  *self,
                                                  GDateTime     *now);
/* The spelling rule runs only with a checker (for the post's language and
 * site, see byline-spell.h), at the severity the profile gives it. NULL,
 * the default, leaves spelling unchecked. */
void                  byline_linter_set_spell_checker (BylineLinter       *self,
                                                       BylineSpellChecker *checker);

/* Runs every rule the profile leaves on over a body parsed for the
 * analysis (byline_renderer_parse() with the same profile). Returns
 * BylineDiagnostic* sorted by position (then by severity, most severe
 * first, then by rule id), each with the severity the profile gives its
 * rule. Reads the body only: safe on a worker thread. */
GPtrArray            *byline_linter_check_body   (BylineLinter  *self,
                                                  BylineBody    *body);
/* Parses @post and checks it (byline_analysis_new() does both once for the
 * window and byline-cli). */
GPtrArray            *byline_linter_check        (BylineLinter  *self,
                                                  BylinePost    *post);

/* The rule table, in the order of docs/rules.md. */
guint                 byline_linter_get_n_rules  (void);
const BylineRuleInfo *byline_linter_get_rule     (guint          position);
const BylineRuleInfo *byline_linter_lookup_rule  (const char    *id);

G_END_DECLS
