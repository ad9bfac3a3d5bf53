/* byline-markdown.h — the one cmark-gfm parse of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every Markdown parse of a post goes through here, so that the preview
 * and the rules read the same tree: cmark-gfm set up for the Goldmark
 * writer (byline_goldmark_parser_new(): source positions, raw HTML kept,
 * footnotes and the GFM extensions the site's settings enable; cmark's own
 * autolink and tagfilter stay off, the writer does Goldmark's linkify).
 * Safe to call from any thread.
 */

#pragma once

#include <cmark-gfm.h>
#include <glib.h>

#include "byline-goldmark.h"

G_BEGIN_DECLS

/* Parses @text for the writer with @settings. Free with cmark_node_free(). */
cmark_node  *byline_markdown_parse           (const BylineGoldmarkSettings *settings,
                                              const char                   *text,
                                              gsize                         length);
/* cmark-gfm turns a node's strings into C strings on first read, writing to
 * the node: after this, reading every string of the tree writes nothing, so
 * that threads may read and render it at once. */
void         byline_markdown_freeze          (cmark_node                   *root);
/* The nearest block around @node that has a place in the source (a line),
 * or NULL. */
cmark_node  *byline_markdown_enclosing_block (cmark_node                   *node);

G_END_DECLS
