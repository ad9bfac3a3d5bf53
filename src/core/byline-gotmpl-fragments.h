/* byline-gotmpl-fragments.h — Page.Fragments (private to the engine and the renderer)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo's *tableofcontents.Fragments: a page's headings, nested as in a
 * table of contents, by id, and the ids Goldmark gave out.
 */

#pragma once

#include "byline-goldmark.h"
#include "byline-gotmpl-exec.h"
#include "byline-gotmpl-value.h"

G_BEGIN_DECLS

/* The fragments of the document @writer has read (its first pass is
 * enough: they are known before anything is written). */
BylineGotmplValue byline_gotmpl_fragments_new (BylineGoldmark *writer);

/* The page object keeps the fragments of the page being rendered, given
 * by the renderer once it has read the page's Markdown: hooks running
 * while it is written read them there. A page that is no page ignores it. */
void     byline_gotmpl_page_set_fragments (const BylineGotmplValue *page,
                                           const BylineGotmplValue *fragments);
/* The fragments set on @page, or NULL. */
const BylineGotmplValue *byline_gotmpl_page_get_fragments (const BylineGotmplValue *page);

/* The Page.Fragments method. */
gboolean byline_gotmpl_page_fragments     (BylineGotmplCall        *call,
                                           const BylineGotmplValue *self,
                                           const BylineGotmplValue *args,
                                           guint                    n_args,
                                           BylineGotmplValue       *result);

G_END_DECLS
