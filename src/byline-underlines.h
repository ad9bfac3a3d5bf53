/* byline-underlines.h — the post's problems underlined in the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "byline-document.h"

G_BEGIN_DECLS

/* The names of the tags in the document's tag table, one per severity, and
 * one for unknown words (rule spelling/unknown-word, whatever its severity). */
#define BYLINE_UNDERLINE_TAG_ERROR   "byline-problem-error"
#define BYLINE_UNDERLINE_TAG_WARNING "byline-problem-warning"
#define BYLINE_UNDERLINE_TAG_INFO    "byline-problem-info"
#define BYLINE_UNDERLINE_TAG_SPELLING "byline-spelling"

#define BYLINE_TYPE_UNDERLINES (byline_underlines_get_type ())

G_DECLARE_FINAL_TYPE (BylineUnderlines, byline_underlines, BYLINE, UNDERLINES, GObject)

/* Underlines the problems of the view's document after each analysis and
 * shows their messages as tooltips. The view must outlive it. */
BylineUnderlines *byline_underlines_new            (GtkSourceView    *view);
void              byline_underlines_set_document   (BylineUnderlines *self,
                                                    BylineDocument   *document);
/* The messages of the problems at @iter, one a line; NULL when there are none. */
char             *byline_underlines_dup_messages_at (BylineUnderlines *self,
                                                     const GtkTextIter *iter);

G_END_DECLS
