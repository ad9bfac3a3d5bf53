/* byline-markdown.c — the one cmark-gfm set-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-markdown"

#include "config.h"

#include "byline-markdown.h"

#include <cmark-gfm-core-extensions.h>

static const char * const extension_names[] = {
  "table", "strikethrough", "autolink", "tagfilter", "tasklist",
};

/* cmark's extension registry is not thread-safe: it is filled once, by
 * whichever thread parses first. */
static gpointer
init_extensions_cb (gpointer data)
{
  cmark_mem *mem = cmark_get_default_mem_allocator ();
  cmark_llist *list = NULL;

  cmark_gfm_core_extensions_ensure_registered ();
  for (guint i = 0; i < G_N_ELEMENTS (extension_names); i++)
    {
      cmark_syntax_extension *extension = cmark_find_syntax_extension (extension_names[i]);

      g_assert (extension != NULL);
      list = cmark_llist_append (mem, list, extension);
    }

  return list;
}

cmark_llist *
byline_markdown_get_extensions (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, init_extensions_cb, NULL);
}

cmark_node *
byline_markdown_parse (const char *text,
                       gsize       length)
{
  cmark_parser *parser = cmark_parser_new (BYLINE_MARKDOWN_OPTIONS);
  cmark_node *document;

  for (cmark_llist *l = byline_markdown_get_extensions (); l != NULL; l = l->next)
    cmark_parser_attach_syntax_extension (parser, l->data);

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
