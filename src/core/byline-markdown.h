/* byline-markdown.h — the one cmark-gfm set-up: options and extensions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every Markdown parse of the core goes through here, so that the preview
 * and the rules read the same dialect: source positions, raw HTML kept
 * (the tagfilter extension makes it safe at render time), footnotes, and
 * the GFM extensions table, strikethrough, autolink, tagfilter and
 * tasklist. Safe to call from any thread.
 */

#pragma once

#include <cmark-gfm.h>
#include <glib.h>

G_BEGIN_DECLS

#define BYLINE_MARKDOWN_OPTIONS (CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES)

/* Parses @text with the options and extensions above. Free with
 * cmark_node_free(). */
cmark_node  *byline_markdown_parse           (const char *text,
                                              gsize       length);
/* The extensions, for cmark_render_html(); owned by the process. */
cmark_llist *byline_markdown_get_extensions  (void);
/* cmark-gfm turns a node's strings into C strings on first read, writing to
 * the node: after this, reading every string of the tree writes nothing, so
 * that threads may read and render it at once. */
void         byline_markdown_freeze          (cmark_node *root);

G_END_DECLS
