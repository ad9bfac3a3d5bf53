/* byline-rules-shortcodes.c — rules about {{< shortcode >}} calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-linter"

#include "config.h"

#include "byline-linter-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static const BylineShortcode *
call_at (BylineLintContext *ctx,
         guint              i)
{
  return g_ptr_array_index (ctx->shortcodes->calls, i);
}

/* An opening or standalone call: the ones that take parameters. */
static gboolean
is_invocation (const BylineShortcode *call)
{
  return call->kind == BYLINE_SHORTCODE_OPEN || call->kind == BYLINE_SHORTCODE_SELF_CLOSING;
}

static void
report_problems (BylineLintContext          *ctx,
                 BylineShortcodeProblemKind  kind,
                 BylineShortcodeProblemKind  other_kind)
{
  GPtrArray *problems = ctx->shortcodes->problems;

  for (guint i = 0; i < problems->len; i++)
    {
      const BylineShortcodeProblem *problem = g_ptr_array_index (problems, i);

      if (problem->kind == kind || problem->kind == other_kind)
        byline_lint_report (ctx, problem->span.start, problem->span.end, NULL,
                            "%s", problem->message);
    }
}

void
byline_rule_sc_unterminated (BylineLintContext *ctx)
{
  report_problems (ctx, BYLINE_SHORTCODE_PROBLEM_UNTERMINATED,
                   BYLINE_SHORTCODE_PROBLEM_UNTERMINATED);
}

void
byline_rule_sc_syntax (BylineLintContext *ctx)
{
  report_problems (ctx, BYLINE_SHORTCODE_PROBLEM_BAD_QUOTING,
                   BYLINE_SHORTCODE_PROBLEM_NO_NAME);
  report_problems (ctx, BYLINE_SHORTCODE_PROBLEM_MISMATCHED,
                   BYLINE_SHORTCODE_PROBLEM_MISMATCHED);
}

void
byline_rule_sc_stray_close (BylineLintContext *ctx)
{
  report_problems (ctx, BYLINE_SHORTCODE_PROBLEM_STRAY_CLOSE,
                   BYLINE_SHORTCODE_PROBLEM_STRAY_CLOSE);
}

void
byline_rule_sc_unclosed (BylineLintContext *ctx)
{
  for (guint i = 0; i < ctx->shortcodes->calls->len; i++)
    {
      const BylineShortcode *call = call_at (ctx, i);
      const BylineShortcodeSpec *spec;

      if (call->kind != BYLINE_SHORTCODE_OPEN || call->pair >= 0)
        continue;
      spec = byline_profile_lookup_shortcode (ctx->profile, call->name);
      if (spec == NULL || !spec->paired)
        continue;

      byline_lint_report (ctx, call->span.start, call->span.end, NULL,
                          _("{{< %s >}} is never closed: add {{< /%s >}} after its content"),
                          call->name, call->name);
    }
}

void
byline_rule_sc_unknown (BylineLintContext *ctx)
{
  const char * const *names = byline_profile_get_shortcode_names (ctx->profile);
  /* Without the site's every theme (or outside a site), Byline cannot know
   * each shortcode the build has. */
  gboolean all_known = ctx->site != NULL && byline_site_get_root (ctx->site) != NULL &&
                       byline_site_is_complete (ctx->site);

  for (guint i = 0; i < ctx->shortcodes->calls->len; i++)
    {
      const BylineShortcode *call = call_at (ctx, i);
      const char *suggestion;

      if (!is_invocation (call) || call->name == NULL ||
          byline_profile_lookup_shortcode (ctx->profile, call->name) != NULL)
        continue;

      suggestion = byline_lint_did_you_mean (call->name, names);
      if (suggestion != NULL)
        {
          /* A paired call would need its closing tag renamed too: only a
           * standalone call gets a one-patch fix. */
          BylineTextPatch *fix = NULL;

          if (call->pair < 0)
            fix = byline_text_patch_new (call->name_span.start,
                                         call->name_span.end - call->name_span.start,
                                         suggestion);
          byline_lint_report (ctx, call->name_span.start, call->name_span.end, fix,
                              _("Unknown shortcode “%s”: did you mean “%s”? The site’s "
                                "build fails on unknown shortcodes"),
                              call->name, suggestion);
        }
      else if (all_known)
        byline_lint_report (ctx, call->name_span.start, call->name_span.end, NULL,
                            _("Unknown shortcode “%s”: the site’s build fails on it; "
                              "use one of the site’s shortcodes"),
                            call->name);
      else
        byline_lint_report (ctx, call->name_span.start, call->name_span.end, NULL,
                            _("Unknown shortcode “%s”: Byline cannot see all of the site’s "
                              "themes; unless one of them has it, the site’s build fails "
                              "on it"),
                            call->name);
    }
}

static const BylineShortcodeParam *
lookup_param (const BylineShortcode *call,
              const char            *name)
{
  guint64 position;

  if (g_ascii_string_to_unsigned (name, 10, 0, 64, &position, NULL))
    return byline_shortcode_get_nth (call, (guint) position);
  return byline_shortcode_get_param (call, name);
}

void
byline_rule_sc_missing_param (BylineLintContext *ctx)
{
  for (guint i = 0; i < ctx->shortcodes->calls->len; i++)
    {
      const BylineShortcode *call = call_at (ctx, i);
      const BylineShortcodeSpec *spec;

      if (!is_invocation (call) ||
          (spec = byline_profile_lookup_shortcode (ctx->profile, call->name)) == NULL ||
          spec->params == NULL)
        continue;

      for (guint j = 0; j < spec->params->len; j++)
        {
          const BylineParamSpec *param = g_ptr_array_index (spec->params, j);
          const BylineShortcodeParam *given;

          /* An empty value (link="") gives the template nothing either. */
          if (!param->required ||
              ((given = lookup_param (call, param->name)) != NULL && given->value[0] != '\0'))
            continue;

          if (g_ascii_isdigit (param->name[0]))
            byline_lint_report_about (ctx, BYLINE_SUBJECT_SHORTCODE_PARAM, param->name,
                                      call->name_span.start, call->name_span.end, NULL,
                                      _("{{< %s >}} needs a value at position %s: add it "
                                        "after the name"),
                                      call->name, param->name);
          else
            byline_lint_report_about (ctx, BYLINE_SUBJECT_SHORTCODE_PARAM, param->name,
                                      call->name_span.start, call->name_span.end, NULL,
                                      _("{{< %s >}} needs the “%s” parameter: add %s=\"…\""),
                                      call->name, param->name, param->name);
        }
    }
}

void
byline_rule_sc_unknown_param (BylineLintContext *ctx)
{
  for (guint i = 0; i < ctx->shortcodes->calls->len; i++)
    {
      const BylineShortcode *call = call_at (ctx, i);
      const BylineShortcodeSpec *spec;
      g_autoptr(GPtrArray) names = NULL;
      guint position = 0;

      if (!is_invocation (call) ||
          (spec = byline_profile_lookup_shortcode (ctx->profile, call->name)) == NULL ||
          spec->any_params)
        continue;

      names = g_ptr_array_new ();
      for (guint j = 0; spec->params != NULL && j < spec->params->len; j++)
        {
          const BylineParamSpec *param = g_ptr_array_index (spec->params, j);

          if (!g_ascii_isdigit (param->name[0]))
            g_ptr_array_add (names, param->name);
        }
      g_ptr_array_add (names, NULL);

      for (guint j = 0; j < call->params->len; j++)
        {
          const BylineShortcodeParam *param = g_ptr_array_index (call->params, j);

          if (param->name == NULL)
            {
              char key[16];

              g_snprintf (key, sizeof key, "%u", position++);
              if (byline_shortcode_spec_lookup_param (spec, key) == NULL)
                byline_lint_report_about (ctx, BYLINE_SUBJECT_SHORTCODE_PARAM, key,
                                          param->span.start, param->span.end, NULL,
                                          _("{{< %s >}} takes no value at position %s: remove "
                                            "“%s”"),
                                          call->name, key, param->value);
              continue;
            }

          if (byline_shortcode_spec_lookup_param (spec, param->name) != NULL)
            continue;

          {
            const char *suggestion =
              byline_lint_did_you_mean (param->name, (const char * const *) names->pdata);

            if (suggestion != NULL)
              byline_lint_report_about (ctx, BYLINE_SUBJECT_SHORTCODE_PARAM, param->name,
                                        param->span.start, param->span.end,
                                        byline_text_patch_new (param->span.start,
                                                               strlen (param->name), suggestion),
                                        _("{{< %s >}} has no “%s” parameter: did you mean "
                                          "“%s”?"),
                                        call->name, param->name, suggestion);
            else
              byline_lint_report_about (ctx, BYLINE_SUBJECT_SHORTCODE_PARAM, param->name,
                                        param->span.start, param->span.end, NULL,
                                        _("{{< %s >}} has no “%s” parameter: the site ignores "
                                          "it; remove it"),
                                        call->name, param->name);
          }
        }
    }
}

void
byline_rule_sc_parent (BylineLintContext *ctx)
{
  for (guint i = 0; i < ctx->shortcodes->calls->len; i++)
    {
      const BylineShortcode *call = call_at (ctx, i);
      const BylineShortcodeSpec *spec;

      if (!is_invocation (call) ||
          (spec = byline_profile_lookup_shortcode (ctx->profile, call->name)) == NULL ||
          spec->parent == NULL || spec->parent[0] == '\0')
        continue;

      if (call->parent >= 0 && g_strcmp0 (call_at (ctx, call->parent)->name, spec->parent) == 0)
        continue;

      byline_lint_report (ctx, call->span.start, call->span.end, NULL,
                          _("{{< %s >}} must sit inside {{< %s >}} … {{< /%s >}}"),
                          call->name, spec->parent, spec->parent);
    }
}

static gboolean
only_whitespace (const char *p,
                 const char *end)
{
  for (; p < end; p++)
    if (*p != ' ' && *p != '\t' && *p != '\r')
      return FALSE;
  return TRUE;
}

void
byline_rule_sc_single_line (BylineLintContext *ctx)
{
  for (guint i = 0; i < ctx->shortcodes->calls->len; i++)
    {
      const BylineShortcode *call = call_at (ctx, i);
      const BylineShortcode *close;
      const BylineShortcodeSpec *spec;
      const char *open_line_end;
      const char *close_line_start;

      if (call->kind != BYLINE_SHORTCODE_OPEN || call->pair < 0 ||
          (spec = byline_profile_lookup_shortcode (ctx->profile, call->name)) == NULL ||
          !spec->multiline)
        continue;

      close = call_at (ctx, call->pair);

      /* The opening tag ends its line and the closing tag starts its own.
       * The line index finds both ends at once: scanning for them would be
       * quadratic over many calls on one line. */
      open_line_end = ctx->text + byline_line_index_line_start (ctx->lines, call->span.end_line + 1);
      if (open_line_end > ctx->text + call->span.end && open_line_end[-1] == '\n')
        open_line_end--;
      close_line_start = ctx->text + byline_line_index_line_start (ctx->lines, close->span.line);

      if (open_line_end < ctx->text + close->span.start &&
          only_whitespace (ctx->text + call->span.end, open_line_end) &&
          only_whitespace (close_line_start, ctx->text + close->span.start))
        continue;

      byline_lint_report (ctx, call->span.start, close->span.end, NULL,
                          _("Put {{< %s >}} and {{< /%s >}} on lines of their own, with "
                            "the text between them"),
                          call->name, call->name);
    }
}

/* Image and text shortcodes. */

static gboolean
is_named (const BylineShortcode *call,
          const char            *name)
{
  return is_invocation (call) && g_strcmp0 (call->name, name) == 0;
}

void
byline_rule_image_missing_file (BylineLintContext *ctx)
{
  if (ctx->bundle == NULL)
    return;

  for (guint i = 0; i < ctx->shortcodes->calls->len; i++)
    {
      const BylineShortcode *call = call_at (ctx, i);
      const BylineShortcodeParam *link;
      g_autofree char *name = NULL;
      const char *suggestion;

      if (!is_named (call, "image") || (link = byline_shortcode_get_param (call, "link")) == NULL)
        continue;
      if ((name = byline_lint_bundle_name (link->value)) == NULL ||
          byline_bundle_has_file (ctx->bundle, name))
        continue;

      suggestion = byline_lint_did_you_mean (name, byline_bundle_get_files (ctx->bundle));
      if (suggestion != NULL)
        {
          const char *value = ctx->text + link->value_span.start;
          gsize value_len = link->value_span.end - link->value_span.start;
          const char *at = g_strstr_len (value, value_len, name);
          BylineTextPatch *fix = NULL;

          if (at != NULL)
            fix = byline_text_patch_new (at - ctx->text, strlen (name), suggestion);
          byline_lint_report_about (ctx, BYLINE_SUBJECT_SHORTCODE_PARAM, "link",
                                    link->value_span.start, link->value_span.end, fix,
                                    _("Image “%s” is not in the post’s folder; did you mean "
                                      "“%s”? File names are case-sensitive"),
                                    name, suggestion);
        }
      else
        byline_lint_report_about (ctx, BYLINE_SUBJECT_SHORTCODE_PARAM, "link",
                                  link->value_span.start, link->value_span.end, NULL,
                                  _("Image “%s” is not in the post’s folder: add the file or "
                                    "fix the link"),
                                  name);
    }
}

void
byline_rule_image_caption_period (BylineLintContext *ctx)
{
  for (guint i = 0; i < ctx->shortcodes->calls->len; i++)
    {
      const BylineShortcode *call = call_at (ctx, i);
      const BylineShortcodeParam *caption;
      gsize end;

      if (!is_named (call, "image") ||
          (caption = byline_shortcode_get_param (call, "caption")) == NULL)
        continue;

      /* Find the period in the source, inside the closing quote. */
      end = caption->value_span.end;
      if (caption->quote != BYLINE_PARAM_BARE && end > caption->value_span.start)
        end--;
      while (end > caption->value_span.start &&
             (ctx->text[end - 1] == ' ' || ctx->text[end - 1] == '\t'))
        end--;
      if (end == caption->value_span.start || ctx->text[end - 1] != '.')
        continue;

      byline_lint_report_about (ctx, BYLINE_SUBJECT_SHORTCODE_PARAM, "caption", end - 1, end,
                                byline_text_patch_new (end - 1, 1, ""),
                                _("Image caption ends with a period: remove it, captions are "
                                  "not sentences on the site"));
    }
}

void
byline_rule_image_external_ratio (BylineLintContext *ctx)
{
  for (guint i = 0; i < ctx->shortcodes->calls->len; i++)
    {
      const BylineShortcode *call = call_at (ctx, i);
      const BylineShortcodeParam *link;

      if (!is_named (call, "image") || (link = byline_shortcode_get_param (call, "link")) == NULL)
        continue;
      if (byline_bundle_classify_link (link->value, NULL) != BYLINE_LINK_EXTERNAL ||
          byline_shortcode_get_param (call, "ratio") != NULL)
        continue;

      byline_lint_report_about (ctx, BYLINE_SUBJECT_SHORTCODE_PARAM, "ratio",
                                link->value_span.start, link->value_span.end, NULL,
                                _("External image without a ratio: add ratio=\"…%%\" (height "
                                  "divided by width), the site cannot measure images it does "
                                  "not hold"));
    }
}

void
byline_rule_image_missing_alt (BylineLintContext *ctx)
{
  static const char * const names[] = { "alt", "caption", "title" };
  /* The site's image shortcode, and Hugo's own figure. */
  static const char * const shortcodes[] = { "image", "figure" };

  for (guint i = 0; i < ctx->shortcodes->calls->len; i++)
    {
      const BylineShortcode *call = call_at (ctx, i);
      gboolean described = FALSE;
      gboolean picture = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (shortcodes); j++)
        picture |= is_named (call, shortcodes[j]);
      if (!picture)
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (names); j++)
        {
          const BylineShortcodeParam *param = byline_shortcode_get_param (call, names[j]);

          if (param != NULL && param->value[0] != '\0')
            described = TRUE;
        }
      if (described)
        continue;

      byline_lint_report_about (ctx, BYLINE_SUBJECT_SHORTCODE_PARAM, "alt",
                                call->name_span.start, call->name_span.end, NULL,
                                _("Image without alt text or caption: add alt=\"…\" "
                                  "describing it for readers who cannot see it"));
    }

  /* Markdown's ![description](photo.jpg): the description is the alt text. */
  for (guint i = 0; i < ctx->links->len; i++)
    {
      const BylineBodyLink *link = &g_array_index (ctx->links, BylineBodyLink, i);

      if (!link->image || (link->alt != NULL && link->alt[0] != '\0'))
        continue;

      byline_lint_report (ctx, link->start, link->end, NULL,
                          _("Image without alt text: describe it between the brackets, "
                            "![What it shows](…), for readers who cannot see it"));
    }
}

/* The site's image shortcode sizes its figure in percent of the text
 * column, or in pixels. */
static gboolean
is_valid_width (const char *width)
{
  const char *p = width;
  gboolean digits = FALSE;

  while (g_ascii_isdigit (*p))
    {
      digits = TRUE;
      p++;
    }
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        {
          digits = TRUE;
          p++;
        }
    }

  return digits && (strcmp (p, "%") == 0 || strcmp (p, "px") == 0);
}

void
byline_rule_image_width (BylineLintContext *ctx)
{
  for (guint i = 0; i < ctx->shortcodes->calls->len; i++)
    {
      const BylineShortcode *call = call_at (ctx, i);
      const BylineShortcodeParam *width;

      if (!is_named (call, "image") ||
          (width = byline_shortcode_get_param (call, "width")) == NULL ||
          width->value[0] == '\0' || is_valid_width (width->value))
        continue;

      byline_lint_report_about (ctx, BYLINE_SUBJECT_SHORTCODE_PARAM, "width",
                                width->value_span.start, width->value_span.end, NULL,
                                _("Write the width “%s” as a percentage of the text column, "
                                  "such as 75%%, or in pixels, such as 600px"),
                                width->value);
    }
}

static const char *
text_syntax (const BylineShortcode *call)
{
  const BylineShortcodeParam *param = byline_shortcode_get_param (call, "syntax");

  if (param == NULL)
    param = byline_shortcode_get_nth (call, 0);
  return param != NULL ? param->value : NULL;
}

void
byline_rule_text_missing_syntax (BylineLintContext *ctx)
{
  for (guint i = 0; i < ctx->shortcodes->calls->len; i++)
    {
      const BylineShortcode *call = call_at (ctx, i);
      const char *syntax;

      if (!is_named (call, "text"))
        continue;
      syntax = text_syntax (call);
      if (syntax != NULL && syntax[0] != '\0')
        continue;

      byline_lint_report (ctx, call->name_span.start, call->name_span.end, NULL,
                          _("{{< text >}} needs a syntax: write {{< text bash >}}, "
                            "{{< text yaml >}}, {{< text plain >}}, …"));
    }
}

void
byline_rule_text_bash_prompt (BylineLintContext *ctx)
{
  for (guint i = 0; i < ctx->shortcodes->calls->len; i++)
    {
      const BylineShortcode *call = call_at (ctx, i);
      const char *p;
      const char *end;

      if (!is_named (call, "text") || call->pair < 0 ||
          g_strcmp0 (text_syntax (call), "bash") != 0)
        continue;

      /* The first line that holds something. */
      p = ctx->text + call->inner.start;
      end = ctx->text + call->inner.end;
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p == end || *p == '$')
        continue;

      {
        const char *line_end = memchr (p, '\n', end - p);

        if (line_end == NULL)
          line_end = end;
        byline_lint_report (ctx, p - ctx->text, line_end - ctx->text, NULL,
                            _("A bash block starts with a command: begin the line with "
                              "“$ ”, or use {{< text plain >}} for output"));
      }
    }
}
