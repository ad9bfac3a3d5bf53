/* byline-diagnostic.h — one finding about a post
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "byline-file-fix.h"
#include "byline-text.h"

G_BEGIN_DECLS

/* A GEnum (byline-enums.h, BYLINE_TYPE_SEVERITY): the nicks "off", "info",
 * "warning" and "error" are the names profiles and byline-cli use. */
typedef enum
{
  BYLINE_SEVERITY_OFF,      /* only in profiles: the rule is switched off */
  BYLINE_SEVERITY_INFO,
  BYLINE_SEVERITY_WARNING,
  BYLINE_SEVERITY_ERROR,
} BylineSeverity;

/* What a finding is about, when it is about one thing a form can show it
 * beside: the front-matter form puts a finding about a key on that key's
 * row, the image dialog one about a parameter on that parameter's field. */
typedef enum
{
  BYLINE_SUBJECT_NONE,
  BYLINE_SUBJECT_FRONT_MATTER_KEY,  /* subject: the key, "title" */
  BYLINE_SUBJECT_SHORTCODE_PARAM,   /* subject: a parameter's name ("caption", "0" for the
                                     * first positional one) of the call the span lies in */
  BYLINE_SUBJECT_SITE_FILE,         /* subject: the path of a file or folder of the site (its
                                     * configuration, a theme) the finding is about; the
                                     * span is the post's start */
} BylineSubjectKind;

typedef struct
{
  BylineSeverity     severity;
  const char        *rule_id;       /* static string: "image/missing-file" */
  char              *message;       /* translated; says what to do */
  BylineSpan         span;          /* in the post's text */
  BylineTextPatch   *fix;           /* nullable */
  BylineFileFix     *file_fix;      /* nullable: a change to a file of the bundle instead */
  BylineSubjectKind  subject_kind;
  char              *subject;       /* NULL for BYLINE_SUBJECT_NONE */
} BylineDiagnostic;

#define BYLINE_TYPE_DIAGNOSTIC (byline_diagnostic_get_type ())

GType             byline_diagnostic_get_type      (void) G_GNUC_CONST;
BylineDiagnostic *byline_diagnostic_new           (BylineSeverity          severity,
                                                   const char             *rule_id,
                                                   const BylineSpan       *span,
                                                   char                   *message);
BylineDiagnostic *byline_diagnostic_copy          (const BylineDiagnostic *self);
void              byline_diagnostic_free          (BylineDiagnostic       *self);
/* Sets what the finding is about (@subject is copied). */
void              byline_diagnostic_set_subject   (BylineDiagnostic       *self,
                                                   BylineSubjectKind       kind,
                                                   const char             *subject);
/* Whether the finding is about @subject of that kind. */
gboolean          byline_diagnostic_is_about      (const BylineDiagnostic *self,
                                                   BylineSubjectKind       kind,
                                                   const char             *subject);
/* "error", "warning", "info", "off" (the enum's nicks) and back, ignoring
 * case; FALSE for an unknown name. */
const char       *byline_severity_to_string       (BylineSeverity          severity);
gboolean          byline_severity_from_string     (const char             *text,
                                                   BylineSeverity         *severity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineDiagnostic, byline_diagnostic_free)

G_END_DECLS
