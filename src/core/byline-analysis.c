/* byline-analysis.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-analysis"

#include "config.h"

#include "byline-analysis.h"

struct _BylineAnalysis
{
  GObject                parent_instance;

  BylineAnalysisContext *context;
  guint64                generation;
  BylineAnalysisFlags    flags;
  BylinePost            *post;
  BylineBody            *body;
  BylineRendering       *rendering;
  GPtrArray             *diagnostics;
  const char            *title;
};

G_DEFINE_FINAL_TYPE (BylineAnalysis, byline_analysis, G_TYPE_OBJECT)

static void
byline_analysis_finalize (GObject *object)
{
  BylineAnalysis *self = (BylineAnalysis *) object;

  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  g_clear_pointer (&self->rendering, byline_rendering_unref);
  g_clear_pointer (&self->body, byline_body_unref);
  g_clear_object (&self->post);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (byline_analysis_parent_class)->finalize (object);
}

static void
byline_analysis_class_init (BylineAnalysisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_analysis_finalize;
}

static void
byline_analysis_init (BylineAnalysis *self)
{
}

static int
compare_by_position (gconstpointer a,
                     gconstpointer b)
{
  const BylineDiagnostic *da = *(const BylineDiagnostic * const *) a;
  const BylineDiagnostic *db = *(const BylineDiagnostic * const *) b;

  return da->span.start < db->span.start ? -1 : da->span.start > db->span.start;
}

BylineAnalysis *
byline_analysis_new (BylineAnalysisContext *context,
                     const char            *text,
                     gssize                 length,
                     guint64                generation,
                     BylineAnalysisFlags    flags)
{
  BylineAnalysis *self;
  BylineFrontMatter *front_matter;

  g_return_val_if_fail (BYLINE_IS_ANALYSIS_CONTEXT (context), NULL);
  g_return_val_if_fail (text != NULL || length <= 0, NULL);

  self = g_object_new (BYLINE_TYPE_ANALYSIS, NULL);
  self->context = g_object_ref (context);
  self->generation = generation;
  self->flags = flags;

  self->post = byline_post_new (text, length);
  self->body = byline_renderer_parse (byline_analysis_context_get_renderer (context), self->post);

  if (!(flags & BYLINE_ANALYSIS_NO_RENDER))
    self->rendering = byline_renderer_render_body (byline_analysis_context_get_renderer (context),
                                                   self->body);

  if (!(flags & BYLINE_ANALYSIS_NO_LINT))
    self->diagnostics = byline_linter_check_body (byline_analysis_context_get_linter (context),
                                                  self->body);
  else
    self->diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_diagnostic_free);

  /* What the preview could not render as the site does is a finding too;
   * without a render, the site's shortcode templates run on their own. */
  if (self->rendering != NULL && !(flags & BYLINE_ANALYSIS_NO_LINT) &&
      self->rendering->diagnostics->len > 0)
    {
      for (guint i = 0; i < self->rendering->diagnostics->len; i++)
        g_ptr_array_add (self->diagnostics,
                         byline_diagnostic_copy (g_ptr_array_index (self->rendering->diagnostics, i)));
      g_ptr_array_sort (self->diagnostics, compare_by_position);
    }
  else if (self->rendering == NULL && !(flags & BYLINE_ANALYSIS_NO_LINT))
    {
      g_autoptr(GPtrArray) found =
        byline_renderer_check_site_templates (byline_analysis_context_get_renderer (context),
                                              self->body);

      for (guint i = 0; i < found->len; i++)
        g_ptr_array_add (self->diagnostics, g_steal_pointer (&g_ptr_array_index (found, i)));
      if (found->len > 0)
        g_ptr_array_sort (self->diagnostics, compare_by_position);
      g_ptr_array_set_free_func (found, NULL);
    }

  front_matter = byline_post_get_front_matter (self->post);
  if (front_matter != NULL)
    self->title = byline_front_matter_get_string (front_matter, "title");
  if (self->title != NULL && self->title[0] == '\0')
    self->title = NULL;

  return self;
}

BylineAnalysisContext *
byline_analysis_get_context (BylineAnalysis *self)
{
  g_return_val_if_fail (BYLINE_IS_ANALYSIS (self), NULL);

  return self->context;
}

BylineProfile *
byline_analysis_get_profile (BylineAnalysis *self)
{
  g_return_val_if_fail (BYLINE_IS_ANALYSIS (self), NULL);

  return byline_analysis_context_get_profile (self->context);
}

guint64
byline_analysis_get_generation (BylineAnalysis *self)
{
  g_return_val_if_fail (BYLINE_IS_ANALYSIS (self), 0);

  return self->generation;
}

BylineAnalysisFlags
byline_analysis_get_flags (BylineAnalysis *self)
{
  g_return_val_if_fail (BYLINE_IS_ANALYSIS (self), 0);

  return self->flags;
}

BylinePost *
byline_analysis_get_post (BylineAnalysis *self)
{
  g_return_val_if_fail (BYLINE_IS_ANALYSIS (self), NULL);

  return self->post;
}

const char *
byline_analysis_get_text (BylineAnalysis *self)
{
  g_return_val_if_fail (BYLINE_IS_ANALYSIS (self), NULL);

  return byline_post_get_text (self->post);
}

gsize
byline_analysis_get_length (BylineAnalysis *self)
{
  g_return_val_if_fail (BYLINE_IS_ANALYSIS (self), 0);

  return byline_post_get_length (self->post);
}

BylineFrontMatter *
byline_analysis_get_front_matter (BylineAnalysis *self)
{
  g_return_val_if_fail (BYLINE_IS_ANALYSIS (self), NULL);

  return byline_post_get_front_matter (self->post);
}

const char *
byline_analysis_get_title (BylineAnalysis *self)
{
  g_return_val_if_fail (BYLINE_IS_ANALYSIS (self), NULL);

  return self->title;
}

const BylineShortcodeList *
byline_analysis_get_shortcodes (BylineAnalysis *self)
{
  g_return_val_if_fail (BYLINE_IS_ANALYSIS (self), NULL);

  return byline_post_get_shortcodes (self->post);
}

BylineBody *
byline_analysis_get_body (BylineAnalysis *self)
{
  g_return_val_if_fail (BYLINE_IS_ANALYSIS (self), NULL);

  return self->body;
}

cmark_node *
byline_analysis_get_document (BylineAnalysis *self)
{
  g_return_val_if_fail (BYLINE_IS_ANALYSIS (self), NULL);

  return byline_body_get_document (self->body);
}

GPtrArray *
byline_analysis_get_headings (BylineAnalysis *self)
{
  g_return_val_if_fail (BYLINE_IS_ANALYSIS (self), NULL);

  return byline_body_get_headings (self->body);
}

guint
byline_analysis_get_word_count (BylineAnalysis *self)
{
  g_return_val_if_fail (BYLINE_IS_ANALYSIS (self), 0);

  return byline_body_get_word_count (self->body);
}

BylineRendering *
byline_analysis_get_rendering (BylineAnalysis *self)
{
  g_return_val_if_fail (BYLINE_IS_ANALYSIS (self), NULL);

  return self->rendering;
}

GPtrArray *
byline_analysis_get_diagnostics (BylineAnalysis *self)
{
  g_return_val_if_fail (BYLINE_IS_ANALYSIS (self), NULL);

  return self->diagnostics;
}

guint
byline_analysis_count (BylineAnalysis *self,
                       BylineSeverity  severity)
{
  guint count = 0;

  g_return_val_if_fail (BYLINE_IS_ANALYSIS (self), 0);

  for (guint i = 0; i < self->diagnostics->len; i++)
    {
      const BylineDiagnostic *diagnostic = g_ptr_array_index (self->diagnostics, i);

      if (diagnostic->severity == severity)
        count++;
    }
  return count;
}
