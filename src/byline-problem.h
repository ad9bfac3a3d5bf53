/* byline-problem.h — one finding of the linter, as an item of a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "byline-analysis.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_PROBLEM (byline_problem_get_type ())

G_DECLARE_FINAL_TYPE (BylineProblem, byline_problem, BYLINE, PROBLEM, GObject)

/* The finding @diagnostic of @analysis (which owns it; the problem keeps
 * the analysis). Its offsets are valid for the analysis's generation of the
 * text only. */
BylineProblem          *byline_problem_new            (BylineAnalysis         *analysis,
                                                       const BylineDiagnostic *diagnostic);
const BylineDiagnostic *byline_problem_get_diagnostic (BylineProblem    *self);
guint64                 byline_problem_get_generation (BylineProblem    *self);
/* For the document: the same finding in a newer analysis, maybe moved by an
 * edit. @diagnostic must say the same as the current one
 * (byline_problem_same_finding); notifies "line" and "column" when they
 * change. */
void                    byline_problem_update         (BylineProblem          *self,
                                                       BylineAnalysis         *analysis,
                                                       const BylineDiagnostic *diagnostic);
/* Whether two problems say the same thing (severity, rule, message, whether
 * there is a fix), wherever they are. */
gboolean                byline_problem_same_finding   (BylineProblem    *self,
                                                       BylineProblem    *other);
BylineSeverity          byline_problem_get_severity   (BylineProblem    *self);
const char             *byline_problem_get_rule_id    (BylineProblem    *self);
const char             *byline_problem_get_message    (BylineProblem    *self);
guint                   byline_problem_get_line       (BylineProblem    *self);
guint                   byline_problem_get_column     (BylineProblem    *self);
gboolean                byline_problem_has_fix        (BylineProblem    *self);
/* "Error", "Warning" or "Info", translated. */
const char             *byline_problem_get_severity_label (BylineProblem *self);
/* A symbolic icon name for the severity. */
const char             *byline_problem_get_icon_name  (BylineProblem    *self);
/* Where the problem is, for the list: "Line 12", or the name of the site's
 * file it is about ("hugo.toml"). */
char                   *byline_problem_dup_place      (BylineProblem    *self);
/* What a screen reader reads for the problem: "Error: <message>, line 12",
 * or "Warning: <message>, in hugo.toml". */
char                   *byline_problem_dup_description (BylineProblem   *self);
/* Whether two problems say the same thing at the same place with the same fix. */
gboolean                byline_problem_equal          (BylineProblem    *self,
                                                       BylineProblem    *other);

G_END_DECLS
