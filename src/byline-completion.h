/* byline-completion.h — completion of shortcode names and parameters in the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After {{< or {{% the provider offers the shortcodes of the catalog (the
 * site's, the profile's and Hugo's); inside a call, the named parameters
 * its template reads that the call does not give yet. Each comes with one
 * line about it.
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "byline-shortcode-catalog.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_COMPLETION (byline_completion_get_type ())

G_DECLARE_FINAL_TYPE (BylineCompletion, byline_completion, BYLINE, COMPLETION, GObject)

BylineCompletion       *byline_completion_new             (void);
/* The shortcodes offered ("catalog"); Hugo's built-in ones until set. */
BylineShortcodeCatalog *byline_completion_get_catalog     (BylineCompletion       *self);
void                    byline_completion_set_catalog     (BylineCompletion       *self,
                                                           BylineShortcodeCatalog *catalog);
/* What completion offers with the cursor at @iter: a new list of
 * BylineCompletionProposal, empty outside a shortcode call. */
GListModel             *byline_completion_list_proposals  (BylineCompletion       *self,
                                                           const GtkTextIter      *iter);
/* Writes @proposal (a BylineCompletionProposal) over the word being typed
 * at the cursor of @buffer, as one undo step: a name as it is, a parameter
 * as name="" with the cursor between the quotes. */
void                    byline_completion_apply           (BylineCompletion       *self,
                                                           GtkTextBuffer          *buffer,
                                                           gpointer                proposal);

G_END_DECLS
