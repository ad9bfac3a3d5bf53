/* byline-markdown.c — the one cmark-gfm set-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-markdown"

#include "config.h"

#include "byline-markdown.h"

cmark_node *
byline_markdown_parse (const BylineGoldmarkSettings *settings,
                       const char                   *text,
                       gsize                         length)
{
  cmark_parser *parser = byline_goldmark_parser_new (settings);
  cmark_node *document;

  cmark_parser_feed (parser, text, length);
  document = cmark_parser_finish (parser);
  cmark_parser_free (parser);

  return document;
}

void
byline_markdown_freeze (cmark_node *root)
{
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node;

      if (event != CMARK_EVENT_ENTER)
        continue;

      node = cmark_iter_get_node (iter);
      /* Each getter returns NULL for the node types that lack its string. */
      cmark_node_get_literal (node);
      cmark_node_get_url (node);
      cmark_node_get_title (node);
      cmark_node_get_fence_info (node);
      cmark_node_get_on_enter (node);
      cmark_node_get_on_exit (node);
    }
  cmark_iter_free (iter);
}

cmark_node *
byline_markdown_enclosing_block (cmark_node *node)
{
  for (cmark_node *p = cmark_node_parent (node); p != NULL; p = cmark_node_parent (p))
    if ((cmark_node_get_type (p) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK &&
        cmark_node_get_start_line (p) > 0)
      return p;
  return NULL;
}
