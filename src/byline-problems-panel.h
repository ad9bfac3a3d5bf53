/* byline-problems-panel.h — the list of the post's problems
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "byline-document.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_PROBLEMS_PANEL (byline_problems_panel_get_type ())

G_DECLARE_FINAL_TYPE (BylineProblemsPanel, byline_problems_panel, BYLINE, PROBLEMS_PANEL, GtkWidget)

GtkWidget      *byline_problems_panel_new          (void);
BylineDocument *byline_problems_panel_get_document (BylineProblemsPanel *self);
void            byline_problems_panel_set_document (BylineProblemsPanel *self,
                                                    BylineDocument      *document);
/* The list's rows, one per problem (tests and keyboard focus). */
GtkListBox     *byline_problems_panel_get_list_box (BylineProblemsPanel *self);

/* Signals:
 *   "problem-activated" (BylineProblem *problem): the user chose a row; the
 *       window moves the cursor to the problem.
 */

G_END_DECLS
