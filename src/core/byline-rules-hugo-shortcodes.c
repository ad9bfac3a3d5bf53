/* byline-rules-hugo-shortcodes.c — Hugo's own shortcodes that fail the build
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo's embedded ref, relref and param templates (tpl/tplimpl/embedded/
 * templates/_shortcodes/) stop the build when what they name is not there:
 * ref and relref log REF_NOT_FOUND at the level refLinksErrorLevel says
 * (ERROR by default, which fails the build: hugolib/site.go,
 * siteRefLinker.logNotFound), param calls errorf "Param %q not found". The
 * rules ask the same code that renders these calls for the preview
 * (byline-hugo-shortcodes-page.c), so that a call the preview shows is a
 * call the rules accept. Every call counts, inside code blocks too, as
 * Hugo runs shortcodes everywhere; an escaped call (comment marks inside
 * the braces) is text.
 */

#define G_LOG_DOMAIN "byline-linter"

#include "config.h"

#include "byline-linter-private.h"
#include "byline-hugo-shortcodes-private.h"
#include "byline-site.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef char *(*RenderFunc) (const BylineShortcode *call,
                             BylineHugoShortcodeCall *context,
                             GError               **error);

static char *
render_ref_cb (const BylineShortcode   *call,
               BylineHugoShortcodeCall *context,
               GError                 **error)
{
  return byline_hugo_render_ref (context, strcmp (call->name, "relref") == 0, error);
}

static char *
render_param_cb (const BylineShortcode   *call,
                 BylineHugoShortcodeCall *context,
                 GError                 **error)
{
  return byline_hugo_render_param (context, error);
}

/* Runs @render over the site's calls to Hugo's own @names (a site template
 * of the same name replaces Hugo's) and reports the errors of @domain. */
static void
check_calls (BylineLintContext  *ctx,
             const char * const *names,
             RenderFunc          render,
             GQuark              domain,
             const char         *why)
{
  g_autoptr(BylineGoldmarkSettings) settings = NULL;
  BylineHugoShortcodeCall context = { 0 };

  if (ctx->site == NULL || byline_site_get_root (ctx->site) == NULL)
    return;

  settings = byline_goldmark_settings_new ();
  context.site = ctx->site;
  context.bundle = ctx->bundle;
  context.post = ctx->post;
  context.goldmark = settings;

  for (guint i = 0; i < ctx->shortcodes->calls->len; i++)
    {
      const BylineShortcode *call = g_ptr_array_index (ctx->shortcodes->calls, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *html = NULL;

      if ((call->kind != BYLINE_SHORTCODE_OPEN && call->kind != BYLINE_SHORTCODE_SELF_CLOSING) ||
          call->name == NULL || !g_strv_contains (names, call->name) ||
          byline_site_lookup_shortcode (ctx->site, call->name) != NULL)
        continue;

      context.call = call;
      html = render (call, &context, &error);
      if (html == NULL && error != NULL && error->domain == domain)
        byline_lint_report (ctx, call->span.start, call->span.end, NULL,
                            /* Translators: the first %s says what is wrong, the second
                             * why it matters. */
                            _("%s. %s"), error->message, why);
    }
}

void
byline_rule_link_ref_not_found (BylineLintContext *ctx)
{
  static const char * const names[] = { "ref", "relref", NULL };
  g_autofree char *level = NULL;
  BylineSeverity severity = ctx->severity;
  BylineData *config;

  if (ctx->site == NULL || byline_site_get_root (ctx->site) == NULL)
    return;

  /* refLinksErrorLevel: WARNING logs a warning and the build goes on. */
  config = byline_site_get_config (ctx->site);
  if (config != NULL)
    level = byline_data_lookup_string (config, "refLinksErrorLevel");
  if (level != NULL && g_ascii_strcasecmp (level, "warning") == 0 &&
      ctx->severity == BYLINE_SEVERITY_ERROR)
    ctx->severity = BYLINE_SEVERITY_WARNING;
  check_calls (ctx, names, render_ref_cb, BYLINE_SITE_ERROR,
               ctx->severity == BYLINE_SEVERITY_ERROR
                 ? _("Hugo’s build fails on it (REF_NOT_FOUND)")
                 : _("Hugo warns about it (REF_NOT_FOUND)"));
  ctx->severity = severity;
}

void
byline_rule_sc_param_not_found (BylineLintContext *ctx)
{
  static const char * const names[] = { "param", NULL };

  check_calls (ctx, names, render_param_cb, BYLINE_HUGO_SHORTCODE_ERROR,
               _("Add the key to the front matter or to the site’s params"));
}
