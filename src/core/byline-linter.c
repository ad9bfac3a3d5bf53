/* byline-linter.c — the rule table and the engine that runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-linter"

#include "config.h"

#include "byline-linter.h"
#include "byline-linter-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _BylineLinter
{
  GObject        parent_instance;
  BylineProfile *profile;
  BylineSite    *site;
  BylineBundle  *bundle;
  GDateTime     *now;
  BylineSpellChecker *spell_checker;
};

G_DEFINE_FINAL_TYPE (BylineLinter, byline_linter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROFILE,
  PROP_SITE,
  PROP_BUNDLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define E BYLINE_SEVERITY_ERROR
#define W BYLINE_SEVERITY_WARNING
#define I BYLINE_SEVERITY_INFO

/* Every rule, once. The order is the order of docs/rules.md; rules that
 * make a later rule pointless (an unreadable post) come first. */
static const BylineRule rules[] = {
  { { "post/encoding", E, N_("The post is UTF-8 text without NUL bytes") },
    byline_rule_encoding },

  { { "front-matter/unterminated", E, N_("The front matter block is closed by a --- line") },
    byline_rule_fm_unterminated },
  { { "front-matter/syntax", E, N_("The front matter is valid YAML, TOML or JSON") },
    byline_rule_fm_syntax },
  { { "front-matter/duplicate-key", E, N_("Each front matter key appears once") },
    byline_rule_fm_duplicate_key },
  { { "front-matter/required", E, N_("Required front matter keys are present") },
    byline_rule_fm_required },
  { { "front-matter/recommended", W, N_("Recommended front matter keys are present") },
    byline_rule_fm_recommended },
  { { "front-matter/type", E, N_("Front matter values have the type the site expects") },
    byline_rule_fm_type },
  { { "front-matter/unknown-key", W, N_("Front matter keys are known to the site") },
    byline_rule_fm_unknown_key },
  { { "front-matter/description-period", W, N_("The description ends with a period") },
    byline_rule_fm_description_period },
  { { "front-matter/description-length", W, N_("The description is not too long") },
    byline_rule_fm_description_length },
  { { "front-matter/target-release", W, N_("target_release reads as the version written") },
    byline_rule_fm_target_release },
  { { "front-matter/draft", I, N_("The post is not a draft") },
    byline_rule_fm_draft },
  { { "front-matter/future-date", I, N_("The publish date is not in the future") },
    byline_rule_fm_future_date },
  { { "front-matter/social-image", E, N_("social_image names a file of the bundle") },
    byline_rule_fm_social_image },

  { { "shortcode/unterminated", E, N_("Every {{< is closed by >}}") },
    byline_rule_sc_unterminated },
  { { "shortcode/syntax", E, N_("Shortcode calls are well formed") },
    byline_rule_sc_syntax },
  { { "shortcode/stray-close", E, N_("Every closing tag has an opening tag") },
    byline_rule_sc_stray_close },
  { { "shortcode/unclosed", E, N_("Paired shortcodes are closed") },
    byline_rule_sc_unclosed },
  { { "shortcode/unknown", E, N_("Shortcodes are known to the site") },
    byline_rule_sc_unknown },
  { { "shortcode/missing-param", E, N_("Required shortcode parameters are present") },
    byline_rule_sc_missing_param },
  { { "shortcode/unknown-param", W, N_("Shortcode parameters are known") },
    byline_rule_sc_unknown_param },
  { { "shortcode/template-param", W, N_("Named parameters are read by the shortcode's template") },
    byline_rule_sc_template_param },
  { { "shortcode/template-required", E,
      N_("Parameters the shortcode's template requires are present") },
    byline_rule_sc_template_required },
  { { "shortcode/parent", E, N_("Shortcodes sit inside the shortcode they belong to") },
    byline_rule_sc_parent },
  { { "shortcode/param-not-found", E,
      N_("Hugo's param shortcode names a parameter of the page or the site") },
    byline_rule_sc_param_not_found },
  { { "shortcode/single-line", E, N_("Callouts span several lines") },
    byline_rule_sc_single_line },
  { { "image/missing-file", E, N_("An image shortcode's link names a file of the bundle") },
    byline_rule_image_missing_file },
  { { "image/caption-period", E, N_("An image caption does not end with a period") },
    byline_rule_image_caption_period },
  { { "image/external-ratio", E, N_("An external image has a ratio") },
    byline_rule_image_external_ratio },
  { { "image/missing-alt", W, N_("An image has an alt text or a caption") },
    byline_rule_image_missing_alt },
  { { "image/width", W, N_("An image's width is a percentage or a pixel size") },
    byline_rule_image_width },
  { { "text/missing-syntax", E, N_("A text block names its syntax") },
    byline_rule_text_missing_syntax },
  { { "text/bash-prompt", E, N_("A bash text block starts with a $ command") },
    byline_rule_text_bash_prompt },

  { { "markdown/fenced-code", E, N_("Code blocks use the text shortcode") },
    byline_rule_md_fenced_code },
  { { "markdown/h1", W, N_("The body has no level 1 heading") },
    byline_rule_md_h1 },
  { { "markdown/heading-skip", W, N_("Heading levels go down one at a time") },
    byline_rule_md_heading_skip },
  { { "markdown/curly-quote", E, N_("Text uses straight double quotes") },
    byline_rule_md_curly_quote },
  { { "markdown/blockquote", W, N_("Quotations use the quote shortcode") },
    byline_rule_md_blockquote },
  { { "markdown/trailing-space", W, N_("Lines do not end with spaces") },
    byline_rule_md_trailing_space },
  { { "markdown/hard-tab", W, N_("Lines hold no tab characters") },
    byline_rule_md_hard_tab },
  { { "markdown/large-table", W, N_("Tables are small enough to lay out safely") },
    byline_rule_md_large_table },
  { { "link/site-domain", E, N_("Links to the site itself are relative") },
    byline_rule_link_site_domain },
  { { "link/github", E, N_("Links to the project's GitHub files use the github_* shortcodes") },
    byline_rule_link_github },
  { { "link/empty", W, N_("Links have a target") },
    byline_rule_link_empty },
  { { "link/missing-file", E, N_("Links and images to bundle files find the file") },
    byline_rule_link_missing_file },
  { { "link/ref-not-found", E, N_("ref and relref name a page of the site") },
    byline_rule_link_ref_not_found },
  { { "link/site-path-missing", W, N_("Site-absolute links point at a page of the site") },
    byline_rule_link_site_path_missing },
  { { "link/site-path-unchecked", I, N_("Site-absolute links outside a site checkout") },
    byline_rule_link_site_path_unchecked },

  { { "bundle/unreferenced", W, N_("Every file of the bundle is used by the post") },
    byline_rule_bundle_unreferenced },
  { { "bundle/large-image", W, N_("Images of the bundle are not very large") },
    byline_rule_bundle_large_image },
  { { "bundle/photo-location", W, N_("Pictures of the bundle do not record where they were taken") },
    byline_rule_bundle_photo_location },

  { { "spelling/unknown-word", I, N_("Words of the prose are in the dictionary") },
    byline_rule_spelling_unknown_word },

  { { "site/config-unreadable", W, N_("The site's configuration can be read") },
    byline_rule_site_config_unreadable },
  { { "site/component-missing", I, N_("The site's themes and modules are there") },
    byline_rule_site_component_missing },
};

#undef E
#undef W
#undef I

guint
byline_linter_get_n_rules (void)
{
  return G_N_ELEMENTS (rules);
}

const BylineRuleInfo *
byline_linter_get_rule (guint position)
{
  g_return_val_if_fail (position < G_N_ELEMENTS (rules), NULL);
  return &rules[position].info;
}

const BylineRuleInfo *
byline_linter_lookup_rule (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (strcmp (rules[i].info.id, id) == 0)
      return &rules[i].info;
  return NULL;
}

static void
byline_linter_finalize (GObject *object)
{
  BylineLinter *self = (BylineLinter *)object;

  g_clear_object (&self->profile);
  g_clear_object (&self->site);
  g_clear_object (&self->bundle);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_object (&self->spell_checker);

  G_OBJECT_CLASS (byline_linter_parent_class)->finalize (object);
}

static void
byline_linter_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BylineLinter *self = BYLINE_LINTER (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;

    case PROP_SITE:
      g_value_set_object (value, self->site);
      break;

    case PROP_BUNDLE:
      g_value_set_object (value, self->bundle);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_linter_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BylineLinter *self = BYLINE_LINTER (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      self->profile = g_value_dup_object (value);
      break;

    case PROP_SITE:
      self->site = g_value_dup_object (value);
      break;

    case PROP_BUNDLE:
      self->bundle = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_linter_class_init (BylineLinterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_linter_finalize;
  object_class->get_property = byline_linter_get_property;
  object_class->set_property = byline_linter_set_property;

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL,
                         BYLINE_TYPE_PROFILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_SITE] =
    g_param_spec_object ("site", NULL, NULL,
                         BYLINE_TYPE_SITE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_BUNDLE] =
    g_param_spec_object ("bundle", NULL, NULL,
                         BYLINE_TYPE_BUNDLE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_linter_init (BylineLinter *self)
{
}

BylineLinter *
byline_linter_new (BylineProfile *profile,
                   BylineSite    *site,
                   BylineBundle  *bundle)
{
  g_return_val_if_fail (BYLINE_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (site == NULL || BYLINE_IS_SITE (site), NULL);
  g_return_val_if_fail (bundle == NULL || BYLINE_IS_BUNDLE (bundle), NULL);

  return g_object_new (BYLINE_TYPE_LINTER,
                       "profile", profile,
                       "site", site,
                       "bundle", bundle,
                       NULL);
}

BylineSite *
byline_linter_get_site (BylineLinter *self)
{
  g_return_val_if_fail (BYLINE_IS_LINTER (self), NULL);
  return self->site;
}

BylineProfile *
byline_linter_get_profile (BylineLinter *self)
{
  g_return_val_if_fail (BYLINE_IS_LINTER (self), NULL);
  return self->profile;
}

BylineBundle *
byline_linter_get_bundle (BylineLinter *self)
{
  g_return_val_if_fail (BYLINE_IS_LINTER (self), NULL);
  return self->bundle;
}

void
byline_linter_set_now (BylineLinter *self,
                       GDateTime    *now)
{
  g_return_if_fail (BYLINE_IS_LINTER (self));

  if (now != NULL)
    g_date_time_ref (now);
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = now;
}

static void
report_valist (BylineLintContext *ctx,
               BylineSubjectKind  kind,
               const char        *subject,
               gsize              start,
               gsize              end,
               BylineTextPatch   *fix,
               const char        *format,
               va_list            args)
{
  BylineDiagnostic *diagnostic;
  BylineSpan span = { 0 };

  g_assert (ctx->rule != NULL);

  span.start = MIN (start, ctx->length);
  span.end = CLAMP (end, span.start, ctx->length);
  byline_line_index_fill_span (ctx->lines, &span);

  diagnostic = byline_diagnostic_new (ctx->severity, ctx->rule->info.id, &span,
                                      g_strdup_vprintf (format, args));
  diagnostic->fix = fix;
  if (kind != BYLINE_SUBJECT_NONE)
    byline_diagnostic_set_subject (diagnostic, kind, subject);
  g_ptr_array_add (ctx->diagnostics, diagnostic);
}

void
byline_linter_set_spell_checker (BylineLinter       *self,
                                 BylineSpellChecker *checker)
{
  g_return_if_fail (BYLINE_IS_LINTER (self));
  g_return_if_fail (checker == NULL || BYLINE_IS_SPELL_CHECKER (checker));

  g_set_object (&self->spell_checker, checker);
}

void
byline_lint_report (BylineLintContext *ctx,
                    gsize              start,
                    gsize              end,
                    BylineTextPatch   *fix,
                    const char        *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  report_valist (ctx, BYLINE_SUBJECT_NONE, NULL, start, end, fix, format, args);
  va_end (args);
}

void
byline_lint_report_about (BylineLintContext *ctx,
                          BylineSubjectKind  kind,
                          const char        *subject,
                          gsize              start,
                          gsize              end,
                          BylineTextPatch   *fix,
                          const char        *format,
                          ...)
{
  va_list args;

  va_start (args, format);
  report_valist (ctx, kind, subject, start, end, fix, format, args);
  va_end (args);
}

void
byline_lint_attach_file_fix (BylineLintContext *ctx,
                             BylineFileFix     *fix)
{
  BylineDiagnostic *last;

  g_assert (ctx->diagnostics->len > 0);

  last = g_ptr_array_index (ctx->diagnostics, ctx->diagnostics->len - 1);
  g_clear_pointer (&last->file_fix, byline_file_fix_free);
  last->file_fix = fix;
}

gboolean
byline_lint_is_masked (BylineLintContext *ctx,
                       gsize              start,
                       gsize              end,
                       guint8             flags)
{
  end = MIN (end, ctx->length);
  for (gsize i = start; i < end; i++)
    if (ctx->mask[i] & flags)
      return TRUE;
  return FALSE;
}

void
byline_lint_add_reference (BylineLintContext *ctx,
                           const char        *name,
                           gsize              start,
                           gsize              end)
{
  BylineSpan *span;

  if (g_hash_table_contains (ctx->references, name))
    return;

  span = g_new0 (BylineSpan, 1);
  span->start = start;
  span->end = end;
  g_hash_table_insert (ctx->references, g_strdup (name), span);
}

char *
byline_lint_bundle_name (const char *link)
{
  g_autofree char *name = NULL;

  if (byline_bundle_classify_link (link, &name) != BYLINE_LINK_BUNDLE || name == NULL)
    return NULL;

  /* Bundles are flat: a path with a folder in it points at another page
   * (../other-post/), which the bundle rules cannot judge. */
  if (name[0] == '\0' || strchr (name, '/') != NULL || strcmp (name, "..") == 0 ||
      strcmp (name, ".") == 0)
    return NULL;

  return g_steal_pointer (&name);
}

static guint
edit_distance (const char *a,
               const char *b,
               guint       limit)
{
  guint la = strlen (a);
  guint lb = strlen (b);
  guint row[65];

  /* Keys and names are short; anything longer is no near miss. */
  if (la > 64 || lb > 64 || (la > lb ? la - lb : lb - la) > limit)
    return limit + 1;

  for (guint j = 0; j <= lb; j++)
    row[j] = j;

  for (guint i = 1; i <= la; i++)
    {
      guint diagonal = row[0];
      guint best;

      row[0] = i;
      best = row[0];
      for (guint j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
          best = MIN (best, row[j]);
        }
      if (best > limit)
        return limit + 1;
    }

  return row[lb];
}

const char *
byline_lint_did_you_mean (const char         *word,
                          const char * const *candidates)
{
  const char *best = NULL;
  guint best_distance;
  guint limit;

  if (candidates == NULL || word == NULL)
    return NULL;

  /* Short words have too many neighbours for two edits to mean anything. */
  limit = strlen (word) <= 4 ? 1 : 2;
  best_distance = limit + 1;

  for (guint i = 0; candidates[i] != NULL; i++)
    {
      guint distance;

      if (strcmp (word, candidates[i]) == 0)
        return NULL;
      /* A suggestion goes into messages and fixes, which must be UTF-8:
       * a file name that is not can be no suggestion. */
      if (!g_utf8_validate (candidates[i], -1, NULL))
        continue;
      if (g_ascii_strcasecmp (word, candidates[i]) == 0)
        return candidates[i];

      distance = edit_distance (word, candidates[i], limit);
      if (distance < best_distance)
        {
          best_distance = distance;
          best = candidates[i];
        }
    }

  return best;
}

static int
compare_diagnostics (gconstpointer a,
                     gconstpointer b)
{
  const BylineDiagnostic *da = *(const BylineDiagnostic * const *)a;
  const BylineDiagnostic *db = *(const BylineDiagnostic * const *)b;

  if (da->span.start != db->span.start)
    return da->span.start < db->span.start ? -1 : 1;
  if (da->severity != db->severity)
    return da->severity > db->severity ? -1 : 1;
  return strcmp (da->rule_id, db->rule_id);
}

GPtrArray *
byline_linter_check_body (BylineLinter *self,
                          BylineBody   *body)
{
  BylineLintContext ctx = { 0 };
  BylinePost *post;
  GPtrArray *diagnostics;

  g_return_val_if_fail (BYLINE_IS_LINTER (self), NULL);
  g_return_val_if_fail (body != NULL, NULL);

  post = body->post;
  diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_diagnostic_free);

  ctx.profile = self->profile;
  ctx.site = self->site;
  ctx.bundle = self->bundle;
  ctx.now = self->now != NULL ? g_date_time_ref (self->now) : g_date_time_new_now_utc ();
  ctx.post = post;
  ctx.body = body;
  ctx.text = byline_post_get_text (post);
  ctx.length = byline_post_get_length (post);
  ctx.lines = byline_post_get_lines (post);
  ctx.layout = byline_post_get_layout (post);
  ctx.front_matter = byline_post_get_front_matter (post);
  ctx.shortcodes = byline_post_get_shortcodes (post);
  ctx.spell_checker = self->spell_checker;
  ctx.diagnostics = diagnostics;
  ctx.references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* Text that is not UTF-8 has nothing further worth checking: every other
   * rule would trip over the same bytes. */
  {
    const GError *error = byline_post_get_layout_error (post);
    gboolean unreadable = g_error_matches (error, BYLINE_POST_LAYOUT_ERROR,
                                           BYLINE_POST_LAYOUT_ERROR_INVALID_UTF8) ||
                          g_error_matches (error, BYLINE_POST_LAYOUT_ERROR,
                                           BYLINE_POST_LAYOUT_ERROR_BINARY);

    if (!unreadable)
      byline_lint_analyse_body (&ctx);

    for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
      {
        BylineSeverity severity;

        if (unreadable && i > 0)
          break;

        severity = byline_profile_get_rule_severity (self->profile,
                                                     rules[i].info.id,
                                                     rules[i].info.default_severity);
        if (severity == BYLINE_SEVERITY_OFF)
          continue;

        ctx.rule = &rules[i];
        ctx.severity = severity;
        rules[i].func (&ctx);
      }
  }

  byline_lint_clear_body (&ctx);
  g_clear_pointer (&ctx.references, g_hash_table_unref);
  g_clear_object (&ctx.catalog);
  g_clear_pointer (&ctx.now, g_date_time_unref);

  g_ptr_array_sort (diagnostics, compare_diagnostics);

  return diagnostics;
}

GPtrArray *
byline_linter_check (BylineLinter *self,
                     BylinePost   *post)
{
  g_autoptr(BylineRenderer) renderer = NULL;
  g_autoptr(BylineBody) body = NULL;

  g_return_val_if_fail (BYLINE_IS_LINTER (self), NULL);
  g_return_val_if_fail (BYLINE_IS_POST (post), NULL);

  renderer = byline_renderer_new (self->profile, self->bundle);
  body = byline_renderer_parse (renderer, post);
  return byline_linter_check_body (self, body);
}
