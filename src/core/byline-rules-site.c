/* byline-rules-site.c — what the post's site lacks for Byline to know it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Byline reads the site's configuration, themes and modules to know its
 * pages, shortcodes and settings. When one of them is missing or cannot be
 * read, Byline works with what it can tell, and says so: in the window
 * with each post (its problems list names the file), and in byline-cli
 * check once per site, at the file's own line.
 */

#define G_LOG_DOMAIN "byline-linter"

#include "config.h"

#include "byline-linter-private.h"

/* Each problem of @kind, at the post's start, about its file. */
static void
report_problems (BylineLintContext     *ctx,
                 BylineSiteProblemKind  kind)
{
  const GPtrArray *problems;

  if (ctx->site == NULL)
    return;
  problems = byline_site_get_problems (ctx->site);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const BylineSiteProblem *problem = g_ptr_array_index ((GPtrArray *) problems, i);

      if (problem->kind == kind)
        byline_lint_report_about (ctx, BYLINE_SUBJECT_SITE_FILE,
                                  problem->file != NULL ? problem->file : "", 0, 0, NULL,
                                  "%s", problem->message);
    }
}

void
byline_rule_site_config_unreadable (BylineLintContext *ctx)
{
  report_problems (ctx, BYLINE_SITE_PROBLEM_CONFIG_UNREADABLE);
}

void
byline_rule_site_component_missing (BylineLintContext *ctx)
{
  report_problems (ctx, BYLINE_SITE_PROBLEM_COMPONENT_MISSING);
}
