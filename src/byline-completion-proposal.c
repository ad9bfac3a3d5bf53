/* byline-completion-proposal.c — one shortcode name or parameter offered by completion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-completion"

#include "config.h"

#include "byline-completion-proposal.h"

struct _BylineCompletionProposal
{
  GObject               parent_instance;
  BylineCompletionKind  kind;
  char                 *text;
  char                 *comment;
};

static char *
byline_completion_proposal_get_typed_text (GtkSourceCompletionProposal *proposal)
{
  return g_strdup (BYLINE_COMPLETION_PROPOSAL (proposal)->text);
}

static void
proposal_iface_init (GtkSourceCompletionProposalInterface *iface)
{
  iface->get_typed_text = byline_completion_proposal_get_typed_text;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (BylineCompletionProposal, byline_completion_proposal, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GTK_SOURCE_TYPE_COMPLETION_PROPOSAL,
                                                      proposal_iface_init))

static void
byline_completion_proposal_finalize (GObject *object)
{
  BylineCompletionProposal *self = BYLINE_COMPLETION_PROPOSAL (object);

  g_free (self->text);
  g_free (self->comment);

  G_OBJECT_CLASS (byline_completion_proposal_parent_class)->finalize (object);
}

static void
byline_completion_proposal_class_init (BylineCompletionProposalClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = byline_completion_proposal_finalize;
}

static void
byline_completion_proposal_init (BylineCompletionProposal *self)
{
}

BylineCompletionProposal *
byline_completion_proposal_new (BylineCompletionKind  kind,
                                const char           *text,
                                const char           *comment)
{
  BylineCompletionProposal *self;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (BYLINE_TYPE_COMPLETION_PROPOSAL, NULL);
  self->kind = kind;
  self->text = g_strdup (text);
  self->comment = g_strdup (comment);
  return self;
}

BylineCompletionKind
byline_completion_proposal_get_kind (BylineCompletionProposal *self)
{
  g_return_val_if_fail (BYLINE_IS_COMPLETION_PROPOSAL (self), BYLINE_COMPLETION_NAME);
  return self->kind;
}

const char *
byline_completion_proposal_get_text (BylineCompletionProposal *self)
{
  g_return_val_if_fail (BYLINE_IS_COMPLETION_PROPOSAL (self), NULL);
  return self->text;
}

const char *
byline_completion_proposal_get_comment (BylineCompletionProposal *self)
{
  g_return_val_if_fail (BYLINE_IS_COMPLETION_PROPOSAL (self), NULL);
  return self->comment;
}
