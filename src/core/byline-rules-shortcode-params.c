/* byline-rules-shortcode-params.c — calls against what the site's templates read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo passes every parameter of a call to the shortcode's template and
 * says nothing about the ones it never reads: a misspelt name is silently
 * lost. A template that calls errorf when a parameter is missing fails the
 * site's build instead. Both are known from the template
 * (byline-shortcode-catalog.h); when it could not be read or parsed, or
 * reads names it works out at run time, nothing is reported. Shortcodes
 * the profile declares are checked against the profile by
 * shortcode/missing-param and shortcode/unknown-param instead.
 */

#define G_LOG_DOMAIN "byline-linter"

#include "config.h"

#include "byline-linter-private.h"

#include <glib/gi18n-lib.h>

/* The site template @call runs, analysed, or NULL when these rules have
 * nothing to say about it. */
static const BylineShortcodeEntry *
template_of (BylineLintContext     *ctx,
             const BylineShortcode *call)
{
  const BylineShortcodeSpec *spec;
  const BylineShortcodeEntry *entry;

  if (ctx->site == NULL || call->name == NULL ||
      (call->kind != BYLINE_SHORTCODE_OPEN && call->kind != BYLINE_SHORTCODE_SELF_CLOSING))
    return NULL;
  spec = byline_profile_lookup_shortcode (ctx->profile, call->name);
  if (spec != NULL && !spec->any_params)
    return NULL;

  if (ctx->catalog == NULL)
    ctx->catalog = byline_shortcode_catalog_new (ctx->site, NULL);
  entry = byline_shortcode_catalog_lookup (ctx->catalog, call->name);
  if (entry == NULL || entry->path == NULL || !entry->analysed)
    return NULL;
  return entry;
}

void
byline_rule_sc_template_param (BylineLintContext *ctx)
{
  for (guint i = 0; i < ctx->shortcodes->calls->len; i++)
    {
      const BylineShortcode *call = g_ptr_array_index (ctx->shortcodes->calls, i);
      const BylineShortcodeEntry *entry = template_of (ctx, call);

      if (entry == NULL || entry->any_params)
        continue;

      for (guint j = 0; j < call->params->len; j++)
        {
          const BylineShortcodeParam *param = g_ptr_array_index (call->params, j);
          gsize name_end;
          const char *suggestion;

          if (param->name == NULL ||
              g_strv_contains ((const char * const *) entry->known_names, param->name))
            continue;

          name_end = param->span.start + strlen (param->name);
          suggestion = byline_lint_did_you_mean (param->name,
                                                 (const char * const *) entry->known_names);
          if (suggestion != NULL && byline_shortcode_get_param (call, suggestion) == NULL)
            byline_lint_report (ctx, param->span.start, name_end,
                                byline_text_patch_new (param->span.start,
                                                       name_end - param->span.start,
                                                       suggestion),
                                _("The template of {{< %s >}} never reads “%s”: did you "
                                  "mean “%s”?"),
                                call->name, param->name, suggestion);
          else
            byline_lint_report (ctx, param->span.start, name_end, NULL,
                                _("The template of {{< %s >}} never reads “%s”: the site "
                                  "ignores it"),
                                call->name, param->name);
        }
    }
}

void
byline_rule_sc_template_required (BylineLintContext *ctx)
{
  for (guint i = 0; i < ctx->shortcodes->calls->len; i++)
    {
      const BylineShortcode *call = g_ptr_array_index (ctx->shortcodes->calls, i);
      const BylineShortcodeEntry *entry = template_of (ctx, call);
      gboolean named, positional;

      if (entry == NULL)
        continue;

      /* A template may take a value by name or by position (.Get "src" |
       * default (.Get 0)): a call is held only to the kind it uses. */
      named = call->params->len == 0 ||
              ((const BylineShortcodeParam *) g_ptr_array_index (call->params, 0))->name != NULL;
      positional = call->params->len == 0 || !named;

      for (guint j = 0; j < entry->params->len; j++)
        {
          const BylineShortcodeParamInfo *param = g_ptr_array_index (entry->params, j);

          if (!param->required)
            continue;
          if (param->name != NULL && named && byline_shortcode_get_param (call, param->name) == NULL)
            byline_lint_report (ctx, call->name_span.start, call->name_span.end, NULL,
                                _("{{< %s >}} needs the “%s” parameter: its template stops "
                                  "the site’s build without it"),
                                call->name, param->name);
          else if (param->name == NULL && positional &&
                   byline_shortcode_get_nth (call, (guint) param->position) == NULL)
            byline_lint_report (ctx, call->name_span.start, call->name_span.end, NULL,
                                _("{{< %s >}} needs a value at position %d: its template "
                                  "stops the site’s build without it"),
                                call->name, param->position);
        }
    }
}
