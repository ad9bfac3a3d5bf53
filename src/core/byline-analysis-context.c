/* byline-analysis-context.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-analysis"

#include "config.h"

#include "byline-analysis-context.h"

struct _BylineAnalysisContext
{
  GObject         parent_instance;

  BylineProfile  *profile;
  BylineSite     *site;
  BylineBundle   *bundle;
  BylineRenderer *renderer;
  BylineLinter   *linter;
};

G_DEFINE_FINAL_TYPE (BylineAnalysisContext, byline_analysis_context, G_TYPE_OBJECT)

static void
byline_analysis_context_finalize (GObject *object)
{
  BylineAnalysisContext *self = (BylineAnalysisContext *) object;

  g_clear_object (&self->linter);
  g_clear_object (&self->renderer);
  g_clear_object (&self->bundle);
  g_clear_object (&self->site);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (byline_analysis_context_parent_class)->finalize (object);
}

static void
byline_analysis_context_class_init (BylineAnalysisContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_analysis_context_finalize;
}

static void
byline_analysis_context_init (BylineAnalysisContext *self)
{
}

BylineAnalysisContext *
byline_analysis_context_new (BylineProfile *profile,
                             BylineSite    *site,
                             BylineBundle  *bundle,
                             const char    *base_uri,
                             GDateTime     *now)
{
  BylineAnalysisContext *self;

  g_return_val_if_fail (BYLINE_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (site == NULL || BYLINE_IS_SITE (site), NULL);
  g_return_val_if_fail (bundle == NULL || BYLINE_IS_BUNDLE (bundle), NULL);

  self = g_object_new (BYLINE_TYPE_ANALYSIS_CONTEXT, NULL);
  self->profile = g_object_ref (profile);
  self->site = site != NULL ? g_object_ref (site) : NULL;
  self->bundle = bundle != NULL ? g_object_ref (bundle) : NULL;

  /* Made here and never changed: the worker may use them any time. */
  self->renderer = byline_renderer_new (profile, bundle);
  byline_renderer_set_base_uri (self->renderer, base_uri);
  self->linter = byline_linter_new (profile, site, bundle);
  byline_linter_set_now (self->linter, now);

  return self;
}

BylineAnalysisContext *
byline_analysis_context_new_for_file (GFile   *file,
                                      GError **error)
{
  g_autoptr(BylineSite) site = NULL;
  g_autoptr(BylineProfile) profile = NULL;
  g_autoptr(BylineBundle) bundle = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *base_uri = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  site = byline_site_lookup (file, NULL);
  profile = byline_profile_new_for_site (site, error);
  if (profile == NULL)
    return NULL;

  bundle = byline_bundle_new (file);
  folder = g_file_get_parent (file);
  if (folder != NULL)
    base_uri = g_file_get_uri (folder);

  return byline_analysis_context_new (profile, site, bundle, base_uri, NULL);
}

BylineProfile *
byline_analysis_context_get_profile (BylineAnalysisContext *self)
{
  g_return_val_if_fail (BYLINE_IS_ANALYSIS_CONTEXT (self), NULL);

  return self->profile;
}

BylineSite *
byline_analysis_context_get_site (BylineAnalysisContext *self)
{
  g_return_val_if_fail (BYLINE_IS_ANALYSIS_CONTEXT (self), NULL);

  return self->site;
}

BylineBundle *
byline_analysis_context_get_bundle (BylineAnalysisContext *self)
{
  g_return_val_if_fail (BYLINE_IS_ANALYSIS_CONTEXT (self), NULL);

  return self->bundle;
}

const char *
byline_analysis_context_get_base_uri (BylineAnalysisContext *self)
{
  g_return_val_if_fail (BYLINE_IS_ANALYSIS_CONTEXT (self), NULL);

  return byline_renderer_get_base_uri (self->renderer);
}

BylineRenderer *
byline_analysis_context_get_renderer (BylineAnalysisContext *self)
{
  g_return_val_if_fail (BYLINE_IS_ANALYSIS_CONTEXT (self), NULL);

  return self->renderer;
}

void
byline_analysis_context_set_spell_checker (BylineAnalysisContext *self,
                                           BylineSpellChecker    *checker)
{
  g_return_if_fail (BYLINE_IS_ANALYSIS_CONTEXT (self));

  byline_linter_set_spell_checker (self->linter, checker);
}

BylineLinter *
byline_analysis_context_get_linter (BylineAnalysisContext *self)
{
  g_return_val_if_fail (BYLINE_IS_ANALYSIS_CONTEXT (self), NULL);

  return self->linter;
}
