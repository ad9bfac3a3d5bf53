/* byline-diagnostic.h — one finding about a post
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "byline-file-fix.h"
#include "byline-text.h"

G_BEGIN_DECLS

typedef enum
{
  BYLINE_SEVERITY_OFF,      /* only in profiles: the rule is switched off */
  BYLINE_SEVERITY_INFO,
  BYLINE_SEVERITY_WARNING,
  BYLINE_SEVERITY_ERROR,
} BylineSeverity;

typedef struct
{
  BylineSeverity   severity;
  const char      *rule_id;   /* static string: "image/missing-file" */
  char            *message;   /* translated; says what to do */
  BylineSpan       span;      /* in the post's text */
  BylineTextPatch *fix;       /* nullable */
  BylineFileFix   *file_fix;  /* nullable: a change to a file of the bundle instead */
} BylineDiagnostic;

#define BYLINE_TYPE_DIAGNOSTIC (byline_diagnostic_get_type ())

GType             byline_diagnostic_get_type      (void) G_GNUC_CONST;
BylineDiagnostic *byline_diagnostic_new           (BylineSeverity          severity,
                                                   const char             *rule_id,
                                                   const BylineSpan       *span,
                                                   char                   *message);
BylineDiagnostic *byline_diagnostic_copy          (const BylineDiagnostic *self);
void              byline_diagnostic_free          (BylineDiagnostic       *self);
/* "error", "warning", "info", "off" and back; FALSE for an unknown name. */
const char       *byline_severity_to_string       (BylineSeverity          severity);
gboolean          byline_severity_from_string     (const char             *text,
                                                   BylineSeverity         *severity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineDiagnostic, byline_diagnostic_free)

G_END_DECLS
