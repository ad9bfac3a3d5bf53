/* byline-diagnostic.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-diagnostic"

#include "config.h"

#include "byline-diagnostic.h"
#include "byline-enums.h"

#include <string.h>

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
  copy->subject_kind = self->subject_kind;
  copy->subject = g_strdup (self->subject);
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
  g_free (self->subject);
  g_clear_pointer (&self->fix, byline_text_patch_free);
  g_clear_pointer (&self->file_fix, byline_file_fix_free);
  g_free (self);
}

void
byline_diagnostic_set_subject (BylineDiagnostic  *self,
                               BylineSubjectKind  kind,
                               const char        *subject)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail ((kind == BYLINE_SUBJECT_NONE) == (subject == NULL));

  g_free (self->subject);
  self->subject_kind = kind;
  self->subject = g_strdup (subject);
}

gboolean
byline_diagnostic_is_about (const BylineDiagnostic *self,
                            BylineSubjectKind       kind,
                            const char             *subject)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (subject != NULL, FALSE);

  return self->subject_kind == kind && g_strcmp0 (self->subject, subject) == 0;
}

const char *
byline_severity_to_string (BylineSeverity severity)
{
  GEnumClass *klass = g_type_class_ref (BYLINE_TYPE_SEVERITY);
  GEnumValue *value = g_enum_get_value (klass, severity);

  g_type_class_unref (klass);
  g_return_val_if_fail (value != NULL, NULL);

  /* The nicks live as long as the (static) type does. */
  return value->value_nick;
}

gboolean
byline_severity_from_string (const char     *text,
                             BylineSeverity *severity)
{
  GEnumClass *klass;
  gboolean found = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);

  klass = g_type_class_ref (BYLINE_TYPE_SEVERITY);
  for (guint i = 0; i < klass->n_values && !found; i++)
    {
      if (g_ascii_strcasecmp (text, klass->values[i].value_nick) == 0)
        {
          if (severity != NULL)
            *severity = klass->values[i].value;
          found = TRUE;
        }
    }
  g_type_class_unref (klass);

  return found;
}
