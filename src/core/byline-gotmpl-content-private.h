/* byline-gotmpl-content-private.h — a page's rendered content (private to the engine)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What byline-gotmpl-page-content.c (Page.RenderShortcodes, Content and
 * the methods read from it) and the page object
 * (byline-gotmpl-objects-page.c) share.
 */

#pragma once

#include "byline-gotmpl-exec.h"
#include "byline-gotmpl-value.h"

G_BEGIN_DECLS

/* The contents rendered in one render of a post, and the pages whose
 * content is being rendered. Pages of one render share it. */
typedef struct _BylineGotmplContentScope BylineGotmplContentScope;

void byline_gotmpl_content_scope_unref (BylineGotmplContentScope *scope);

/* Implemented by the page object. */

/* The Markdown body of @page (read from its file on first use; NULL
 * without one, or for a file too large to be a page). */
const char                *byline_gotmpl_page_get_raw_content  (const BylineGotmplValue *page);
/* Where @page keeps the scope it shares, NULL when @page is no page. */
BylineGotmplContentScope **byline_gotmpl_page_get_content_slot (const BylineGotmplValue *page);
/* Hugo's .Path of @page ("/blog/x"). */
char                      *byline_gotmpl_page_dup_path         (const BylineGotmplValue *page);

/* Page methods (byline-gotmpl-page-content.c) */

/* RenderShortcodes; Content; Plain, PlainWords, WordCount, FuzzyWordCount,
 * ReadingTime. */
gboolean byline_gotmpl_page_render_shortcodes (BylineGotmplCall        *call,
                                               const BylineGotmplValue *self,
                                               const BylineGotmplValue *args,
                                               guint                    n_args,
                                               BylineGotmplValue       *result);
gboolean byline_gotmpl_page_content          (BylineGotmplCall        *call,
                                               const BylineGotmplValue *self,
                                               const BylineGotmplValue *args,
                                               guint                    n_args,
                                               BylineGotmplValue       *result);
/* Page.Fragments of a page other than the one being rendered: those of
 * its content, rendered once per scope (byline-gotmpl-fragments.c). */
gboolean byline_gotmpl_page_content_fragments (BylineGotmplCall        *call,
                                               const BylineGotmplValue *page,
                                               BylineGotmplValue       *fragments);
gboolean byline_gotmpl_page_content_words    (BylineGotmplCall        *call,
                                               const BylineGotmplValue *self,
                                               const BylineGotmplValue *args,
                                               guint                    n_args,
                                               BylineGotmplValue       *result);

G_END_DECLS
