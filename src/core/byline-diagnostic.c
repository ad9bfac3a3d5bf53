/* byline-diagnostic.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-diagnostic"

#include "config.h"

#include "byline-diagnostic.h"

G_DEFINE_BOXED_TYPE (BylineDiagnostic, byline_diagnostic, byline_diagnostic_copy, byline_diagnostic_free)

/**
 * byline_diagnostic_new:
 * @message: (transfer full): the translated message
 */
BylineDiagnostic *
byline_diagnostic_new (BylineSeverity    severity,
                       const char       *rule_id,
                       const BylineSpan *span,
                       char             *message)
{
  BylineDiagnostic *self;

  g_return_val_if_fail (rule_id != NULL, NULL);
  g_return_val_if_fail (span != NULL, NULL);

  self = g_new0 (BylineDiagnostic, 1);
  self->severity = severity;
  self->rule_id = rule_id;
  self->span = *span;
  self->message = message;
  return self;
}

BylineDiagnostic *
byline_diagnostic_copy (const BylineDiagnostic *self)
{
  BylineDiagnostic *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = byline_diagnostic_new (self->severity, self->rule_id, &self->span,
                                g_strdup (self->message));
  if (self->fix != NULL)
    copy->fix = byline_text_patch_copy (self->fix);
  if (self->file_fix != NULL)
    copy->file_fix = byline_file_fix_copy (self->file_fix);
  return copy;
}

void
byline_diagnostic_free (BylineDiagnostic *self)
{
  if (self == NULL)
    return;
  g_free (self->message);
  g_clear_pointer (&self->fix, byline_text_patch_free);
  g_clear_pointer (&self->file_fix, byline_file_fix_free);
  g_free (self);
}

static const char * const severity_names[] = {
  [BYLINE_SEVERITY_OFF] = "off",
  [BYLINE_SEVERITY_INFO] = "info",
  [BYLINE_SEVERITY_WARNING] = "warning",
  [BYLINE_SEVERITY_ERROR] = "error",
};

const char *
byline_severity_to_string (BylineSeverity severity)
{
  g_return_val_if_fail (severity <= BYLINE_SEVERITY_ERROR, NULL);
  return severity_names[severity];
}

gboolean
byline_severity_from_string (const char     *text,
                             BylineSeverity *severity)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (severity_names); i++)
    {
      if (g_ascii_strcasecmp (text, severity_names[i]) == 0)
        {
          if (severity != NULL)
            *severity = i;
          return TRUE;
        }
    }
  return FALSE;
}
