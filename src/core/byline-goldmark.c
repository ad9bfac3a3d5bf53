/* byline-goldmark.c — HTML as Hugo's Goldmark writes it, from a cmark-gfm tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The writer object and its walk over the tree, and the block elements as
 * Goldmark's renderer/html/html.go and Hugo's renderers write them.
 * byline-goldmark-blocks.c reads the tree first (ids, attributes, footnote
 * numbers, definition lists), byline-goldmark-inline.c and
 * byline-goldmark-text.c write inline content, byline-goldmark-table.c
 * tables and footnotes.
 */

#define G_LOG_DOMAIN "byline-goldmark"

#include "config.h"

#include "byline-goldmark-private.h"

#include <cmark-gfm-core-extensions.h>
#include <string.h>

/* The parser */

cmark_parser *
byline_goldmark_parser_new (const BylineGoldmarkSettings *settings)
{
  static gsize registered = 0;
  cmark_parser *parser;
  int options = CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE;
  const struct {
    gboolean    on;
    const char *name;
  } extensions[] = {
    { settings->table, "table" },
    { settings->strikethrough, "strikethrough" },
    { settings->task_list, "tasklist" },
  };

  if (g_once_init_enter (&registered))
    {
      cmark_gfm_core_extensions_ensure_registered ();
      g_once_init_leave (&registered, 1);
    }

  if (settings->footnote)
    options |= CMARK_OPT_FOOTNOTES;

  parser = cmark_parser_new (options);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (extensions[i].on)
      {
        cmark_syntax_extension *extension = cmark_find_syntax_extension (extensions[i].name);

        g_assert (extension != NULL);
        cmark_parser_attach_syntax_extension (parser, extension);
      }

  return parser;
}

/* Sources */

gsize
byline_goldmark_source_offset (Source *source,
                               int     line,
                               int     column)
{
  gsize start;

  if (source->line_starts == NULL)
    {
      gsize zero = 0;

      source->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
      g_array_append_val (source->line_starts, zero);
      for (const char *p = source->text, *end = source->text + source->length;
           (p = memchr (p, '\n', end - p)) != NULL;
           p++)
        {
          gsize next = (gsize) (p - source->text) + 1;

          g_array_append_val (source->line_starts, next);
        }
    }

  if (line < 1 || (guint) line > source->line_starts->len || column < 1)
    return source->length;

  start = g_array_index (source->line_starts, gsize, line - 1);
  return MIN (start + (gsize) column - 1, source->length);
}

static void
source_free (gpointer data)
{
  Source *source = data;

  g_clear_pointer (&source->line_starts, g_array_unref);
  g_free ((char *) source->text);
  g_free (source);
}

/* Node information: kept in the nodes' user data, which costs nothing to
 * look up, unless someone else uses it; then in a hash table. */

static void
node_info_free (gpointer data)
{
  NodeInfo *info = data;

  g_clear_pointer (&info->attrs, g_ptr_array_unref);
  g_clear_pointer (&info->dl, byline_goldmark_dl_group_free);
  g_free (info);
}

NodeInfo *
byline_goldmark_info (BylineGoldmark *self,
                      cmark_node     *node,
                      gboolean        create)
{
  NodeInfo *info = self->info != NULL ? g_hash_table_lookup (self->info, node)
                                      : cmark_node_get_user_data (node);

  if (info == NULL && create)
    {
      info = g_new0 (NodeInfo, 1);
      info->node = node;
      info->text_length = -1;
      g_ptr_array_add (self->infos, info);
      if (self->info != NULL)
        g_hash_table_insert (self->info, node, info);
      else
        cmark_node_set_user_data (node, info);
    }

  return info;
}

static gboolean
user_data_is_free (cmark_node *root)
{
  cmark_node *node = root;

  while (node != NULL)
    {
      if (cmark_node_get_user_data (node) != NULL)
        return FALSE;
      if (cmark_node_first_child (node) != NULL)
        {
          node = cmark_node_first_child (node);
          continue;
        }
      while (node != root && cmark_node_next (node) == NULL)
        node = cmark_node_parent (node);
      node = node == root ? NULL : cmark_node_next (node);
    }

  return TRUE;
}

gboolean
byline_goldmark_is_only_child (BylineGoldmark *self,
                               cmark_node     *node)
{
  cmark_node *parent = cmark_node_parent (node);
  NodeInfo *info = parent != NULL ? byline_goldmark_info (self, parent, FALSE) : NULL;
  cmark_node *next = cmark_node_next (node);

  return parent != NULL && cmark_node_first_child (parent) == node &&
         (next == NULL || (info != NULL && info->stop == next));
}

/* The writer */

static void
heading_clear (gpointer data)
{
  BylineGoldmarkHeading *heading = data;

  g_free (heading->id);
  g_free (heading->title);
}

static BylineGoldmark *
goldmark_new (const BylineGoldmarkSettings *settings,
              cmark_node                   *document,
              const char                   *source,
              gsize                         length,
              gboolean                      detached)
{
  BylineGoldmark *self;

  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (document != NULL, NULL);

  byline_goldmark_chars_init ();
  self = g_new0 (BylineGoldmark, 1);
  self->settings = byline_goldmark_settings_copy (settings);
  self->document = document;
  self->source.text = source != NULL ? source : "";
  self->source.length = source != NULL ? length : 0;
  self->source.positions = TRUE;
  self->infos = g_ptr_array_new_with_free_func (node_info_free);
  if (detached || !user_data_is_free (document))
    self->info = g_hash_table_new (NULL, NULL);
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->id_suffixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->id_list = g_ptr_array_new_with_free_func (g_free);
  self->headings = g_array_new (FALSE, FALSE, sizeof (BylineGoldmarkHeading));
  g_array_set_clear_func (self->headings, heading_clear);
  self->subdocs = g_ptr_array_new_with_free_func ((GDestroyNotify) cmark_node_free);
  self->sources = g_ptr_array_new_with_free_func (source_free);
  self->footnotes = g_ptr_array_new ();
  self->footnote_refs = g_array_new (FALSE, TRUE, sizeof (guint));

  byline_goldmark_scan (self);

  return self;
}

BylineGoldmark *
byline_goldmark_new (const BylineGoldmarkSettings *settings,
                     cmark_node                   *document,
                     const char                   *source,
                     gsize                         length)
{
  return goldmark_new (settings, document, source, length, FALSE);
}

BylineGoldmark *
byline_goldmark_new_detached (const BylineGoldmarkSettings *settings,
                              cmark_node                   *document,
                              const char                   *source,
                              gsize                         length)
{
  return goldmark_new (settings, document, source, length, TRUE);
}

void
byline_goldmark_free (BylineGoldmark *self)
{
  if (self == NULL)
    return;

  /* The nodes outlive the writer: take its notes out of them. */
  for (guint i = 0; self->info == NULL && i < self->infos->len; i++)
    cmark_node_set_user_data (((NodeInfo *) g_ptr_array_index (self->infos, i))->node, NULL);
  g_clear_pointer (&self->info, g_hash_table_unref);
  g_ptr_array_unref (self->infos);
  g_hash_table_unref (self->ids);
  g_hash_table_unref (self->id_suffixes);
  g_ptr_array_unref (self->id_list);
  g_array_unref (self->headings);
  g_ptr_array_unref (self->subdocs);
  g_ptr_array_unref (self->sources);
  g_ptr_array_unref (self->footnotes);
  g_array_unref (self->footnote_refs);
  g_clear_pointer (&self->source.line_starts, g_array_unref);
  byline_goldmark_settings_free (self->settings);
  g_free (self);
}

void
byline_goldmark_set_hook (BylineGoldmark         *self,
                          BylineGoldmarkHookKind  kind,
                          BylineGoldmarkHookFunc  func,
                          gpointer                user_data)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (kind < BYLINE_GOLDMARK_N_HOOKS);

  self->hooks[kind] = func;
  self->hook_data[kind] = user_data;
}

void
byline_goldmark_set_sourcepos (BylineGoldmark *self,
                               gboolean        sourcepos)
{
  g_return_if_fail (self != NULL);

  self->sourcepos = sourcepos;
}

void
byline_goldmark_set_url_func (BylineGoldmark        *self,
                              BylineGoldmarkUrlFunc  func,
                              gpointer               user_data)
{
  g_return_if_fail (self != NULL);

  self->url_func = func;
  self->url_data = user_data;
}

void
byline_goldmark_set_tagfilter (BylineGoldmark *self,
                               gboolean        tagfilter)
{
  g_return_if_fail (self != NULL);

  self->tagfilter = tagfilter;
}

static WalkAction
enter_node (Walk        *walk,
            cmark_node  *node,
            cmark_node **jump)
{
  BylineGoldmark *self = walk->gm;
  NodeInfo *info = byline_goldmark_info (self, node, FALSE);
  cmark_node *parent = cmark_node_parent (node);
  NodeInfo *parent_info = parent != NULL ? byline_goldmark_info (self, parent, FALSE) : NULL;
  cmark_node_type type = cmark_node_get_type (node);

  /* A paragraph's last line that held attributes is not written. */
  if (parent_info != NULL && parent_info->stop == node)
    {
      *jump = cmark_node_last_child (parent);
      return WALK_SKIP;
    }

  if (info != NULL && info->removed)
    return WALK_SKIP;

  if (info != NULL && info->dl != NULL && walk->depth < BYLINE_GOLDMARK_MAX_DEPTH)
    {
      byline_goldmark_write_dl (walk, info->dl);
      *jump = info->dl->last;
      return WALK_SKIP;
    }

  if ((type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE)
    return byline_goldmark_enter_inline (walk, node) ? WALK_DESCEND : WALK_SKIP;

  return byline_goldmark_enter_element (walk, node);
}

static void
leave_node (Walk       *walk,
            cmark_node *node)
{
  if ((cmark_node_get_type (node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE)
    byline_goldmark_exit_inline (walk, node);
  else
    byline_goldmark_leave_element (walk, node);
}

/* Walks the subtree at @root without recursion: the tree may be as deep as
 * a hostile post makes it. */
void
byline_goldmark_walk (Walk       *walk,
                      cmark_node *root)
{
  cmark_node *node = root;
  gboolean entering = TRUE;

  for (;;)
    {
      if (entering)
        {
          cmark_node *jump = NULL;
          WalkAction action = enter_node (walk, node, &jump);
          cmark_node *child = action == WALK_DESCEND ? cmark_node_first_child (node) : NULL;

          if (jump != NULL)
            node = jump;
          else if (child != NULL)
            {
              node = child;
              continue;
            }
          else if (action != WALK_SKIP)
            leave_node (walk, node);
        }
      else
        leave_node (walk, node);

      if (node == root)
        break;
      if (cmark_node_next (node) != NULL)
        {
          node = cmark_node_next (node);
          entering = TRUE;
        }
      else
        {
          node = cmark_node_parent (node);
          entering = FALSE;
          if (node == NULL)
            break;
        }
    }
}

void
byline_goldmark_walk_range (Walk       *walk,
                            cmark_node *from,
                            cmark_node *to)
{
  for (cmark_node *node = from; node != NULL; node = cmark_node_next (node))
    {
      byline_goldmark_walk (walk, node);
      if (node == to)
        break;
    }
}

void
byline_goldmark_walk_init (Walk           *walk,
                           BylineGoldmark *self,
                           Source         *source,
                           GString        *out)
{
  memset (walk, 0, sizeof *walk);
  walk->gm = self;
  walk->source = source;
  walk->out = out;
}

void
byline_goldmark_walk_clear (Walk *walk)
{
  g_clear_pointer (&walk->captures, g_array_unref);
}

cmark_node *
byline_goldmark_render_block (BylineGoldmark  *self,
                              cmark_node      *node,
                              GString         *out,
                              cmark_node     **last)
{
  NodeInfo *info;
  cmark_node *end = node;
  Walk walk;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (out != NULL, NULL);

  byline_goldmark_walk_init (&walk, self, &self->source, out);
  info = byline_goldmark_info (self, node, FALSE);
  if (info != NULL && info->dl != NULL)
    {
      byline_goldmark_write_dl (&walk, info->dl);
      end = info->dl->last;
    }
  else
    byline_goldmark_walk (&walk, node);
  byline_goldmark_walk_clear (&walk);

  /* Attributes on a line of their own after a block go with it. */
  while (cmark_node_next (end) != NULL &&
         (info = byline_goldmark_info (self, cmark_node_next (end), FALSE)) != NULL &&
         info->removed)
    end = cmark_node_next (end);

  if (last != NULL)
    *last = end;

  return cmark_node_next (end);
}

void
byline_goldmark_render_document (BylineGoldmark *self,
                                 GString        *out)
{
  cmark_node *node;

  g_return_if_fail (self != NULL);

  node = cmark_node_first_child (self->document);
  while (node != NULL)
    node = byline_goldmark_render_block (self, node, out, NULL);
  byline_goldmark_render_footnotes (self, out);
}

const GArray *
byline_goldmark_get_headings (BylineGoldmark *self)
{
  return self->headings;
}

const GPtrArray *
byline_goldmark_get_ids (BylineGoldmark *self)
{
  return self->id_list;
}

char *
byline_goldmark_to_html (const BylineGoldmarkSettings *settings,
                         const char                   *markdown,
                         gssize                        length)
{
  return byline_goldmark_to_html_inspect (settings, markdown, length, NULL, NULL);
}

char *
byline_goldmark_to_html_inspect (const BylineGoldmarkSettings *settings,
                                 const char                   *markdown,
                                 gssize                        length,
                                 BylineGoldmarkInspectFunc     inspect,
                                 gpointer                      user_data)
{
  g_autoptr(BylineGoldmark) writer = NULL;
  cmark_parser *parser;
  cmark_node *document;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (markdown != NULL, NULL);

  if (length < 0)
    length = strlen (markdown);

  parser = byline_goldmark_parser_new (settings);
  cmark_parser_feed (parser, markdown, length);
  document = cmark_parser_finish (parser);
  cmark_parser_free (parser);

  writer = byline_goldmark_new (settings, document, markdown, length);
  byline_goldmark_render_document (writer, out);
  if (inspect != NULL)
    inspect (writer, user_data);
  g_clear_pointer (&writer, byline_goldmark_free);
  cmark_node_free (document);

  return g_string_free (out, FALSE);
}
