/* byline-completion-proposal.h — one shortcode name or parameter offered by completion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

typedef enum
{
  BYLINE_COMPLETION_NAME,   /* a shortcode's name, after {{< or {{% */
  BYLINE_COMPLETION_PARAM,  /* a named parameter, inside a call */
} BylineCompletionKind;

#define BYLINE_TYPE_COMPLETION_PROPOSAL (byline_completion_proposal_get_type ())

G_DECLARE_FINAL_TYPE (BylineCompletionProposal, byline_completion_proposal, BYLINE,
                      COMPLETION_PROPOSAL, GObject)

BylineCompletionProposal *byline_completion_proposal_new         (BylineCompletionKind      kind,
                                                                  const char               *text,
                                                                  const char               *comment);
BylineCompletionKind      byline_completion_proposal_get_kind    (BylineCompletionProposal *self);
/* The name it writes. */
const char               *byline_completion_proposal_get_text    (BylineCompletionProposal *self);
/* The line shown beside it, or NULL. */
const char               *byline_completion_proposal_get_comment (BylineCompletionProposal *self);

G_END_DECLS
