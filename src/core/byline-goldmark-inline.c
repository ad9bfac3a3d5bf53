/* byline-goldmark-inline.c — inline nodes as Goldmark and Hugo write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Links, images and autolinks go through Hugo's renderers
 * (markup/goldmark/render_hooks.go): a hook when there is one, otherwise
 * Goldmark's own HTML. Raw HTML is omitted as Hugo omits it
 * (markup/goldmark/hugocontext/hugocontext.go).
 */

#define G_LOG_DOMAIN "byline-goldmark"

#include "config.h"

#include "byline-goldmark-private.h"

#include <string.h>

#define IMAGE_FILTER \
  "align,border,crossorigin,decoding,height,importance,intrinsicsize,ismap,loading," \
  "referrerpolicy,sizes,srcset,usemap,width"

/* GFM's tagfilter: the tags that are escaped even in raw HTML. @p follows a
 * "<" in a NUL-terminated string. */
static gboolean
is_filtered_tag (const char *p)
{
  static const char * const tags[] = {
    "title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext",
  };

  if (*p == '/')
    p++;

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    {
      gsize len = strlen (tags[i]);

      if (g_ascii_strncasecmp (p, tags[i], len) == 0 &&
          (p[len] == '\0' || strchr (" \t\n\v\f\r/>", p[len]) != NULL))
        return TRUE;
    }

  return FALSE;
}

void
byline_goldmark_write_raw_html (BylineGoldmark *self,
                                GString        *out,
                                const char     *html)
{
  const char *run = html;

  if (!self->tagfilter)
    {
      g_string_append (out, html);
      return;
    }

  for (const char *p = html; *p != '\0'; p++)
    if (*p == '<' && is_filtered_tag (p + 1))
      {
        g_string_append_len (out, run, p - run);
        g_string_append (out, "&lt;");
        run = p + 1;
      }
  g_string_append (out, run);
}

/* Hugo drops HTML comments silently and writes a marker for other raw HTML;
 * Goldmark writes raw HTML only when unsafe. */
static void
write_html_inline (Walk       *walk,
                   cmark_node *node)
{
  const char *literal = cmark_node_get_literal (node);

  if (literal == NULL)
    return;

  if (walk->gm->settings->unsafe)
    byline_goldmark_write_raw_html (walk->gm, walk->out, literal);
  else if (!g_str_has_prefix (literal, "<!--"))
    g_string_append (walk->out, "<!-- raw HTML omitted -->");
}

static void
write_break (Walk    *walk,
             gboolean hard)
{
  if (hard || walk->gm->settings->hard_wraps)
    g_string_append (walk->out, walk->gm->settings->xhtml ? "<br />\n" : "<br>\n");
  else
    g_string_append_c (walk->out, '\n');
}

/* cmark makes links of <https://…> autolinks too. */
static gboolean
is_autolink (Walk       *walk,
             cmark_node *node)
{
  int line = cmark_node_get_start_line (node);
  int column = cmark_node_get_start_column (node);
  gsize offset;

  if (line <= 0 || column <= 0)
    return FALSE;
  offset = byline_goldmark_source_offset (walk->source, line, column);

  return offset < walk->source->length && walk->source->text[offset] == '<';
}

void
byline_goldmark_push_capture (Walk *walk)
{
  gsize pos = walk->out->len;

  if (walk->captures == NULL)
    walk->captures = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_append_val (walk->captures, pos);
}

/* The HTML written since the matching push_capture(), taken out of the
 * output. */
char *
byline_goldmark_pop_capture (Walk *walk)
{
  gsize pos;
  char *text;

  g_assert (walk->captures != NULL && walk->captures->len > 0);
  pos = g_array_index (walk->captures, gsize, walk->captures->len - 1);
  g_array_set_size (walk->captures, walk->captures->len - 1);

  text = g_strndup (walk->out->str + pos, walk->out->len - pos);
  g_string_truncate (walk->out, pos);

  return text;
}

gboolean
byline_goldmark_call_hook (Walk                      *walk,
                           BylineGoldmarkHookContext *context)
{
  BylineGoldmark *self = walk->gm;
  gsize before = walk->out->len;

  if (self->hooks[context->kind] (context, walk->out, self->hook_data[context->kind]))
    return TRUE;

  g_string_truncate (walk->out, before);
  return FALSE;
}

static void
hook_position (Walk                      *walk,
               cmark_node                *node,
               BylineGoldmarkHookContext *context)
{
  context->line = (guint) MAX (cmark_node_get_start_line (node), 0);
  context->column = (guint) MAX (cmark_node_get_start_column (node), 0);
}

static void
write_link_open (Walk       *walk,
                 cmark_node *node)
{
  const char *url = cmark_node_get_url (node);
  const char *title = cmark_node_get_title (node);

  g_string_append (walk->out, "<a href=\"");
  byline_goldmark_write_url (walk->gm, walk->out, url != NULL ? url : "");
  g_string_append_c (walk->out, '"');
  if (title != NULL && *title != '\0')
    {
      g_string_append (walk->out, " title=\"");
      byline_goldmark_escape (walk->out, title, -1);
      g_string_append_c (walk->out, '"');
    }
  g_string_append_c (walk->out, '>');
}

static const char *
autolink_label (cmark_node *node)
{
  cmark_node *child = cmark_node_first_child (node);
  const char *label = child != NULL ? cmark_node_get_literal (child) : NULL;

  return label != NULL ? label : "";
}

static void
write_autolink (Walk       *walk,
                cmark_node *node)
{
  const char *url = cmark_node_get_url (node);
  const char *label = autolink_label (node);

  if (walk->gm->hooks[BYLINE_GOLDMARK_HOOK_LINK] != NULL)
    {
      BylineGoldmarkHookContext context = { 0 };

      context.kind = BYLINE_GOLDMARK_HOOK_LINK;
      context.ordinal = walk->gm->ordinals[BYLINE_GOLDMARK_N_HOOKS]++;
      hook_position (walk, node, &context);
      context.destination = url != NULL ? url : "";
      context.text = label;
      context.plain_text = label;
      context.is_autolink = TRUE;
      if (byline_goldmark_call_hook (walk, &context))
        return;
    }

  byline_goldmark_write_link (walk, url != NULL ? url : "", label, strlen (label));
}

/* The alt text: Goldmark writes only the text of an image's children. */
static void
write_alt (Walk       *walk,
           cmark_node *image)
{
  cmark_node *node = cmark_node_first_child (image);

  walk->in_alt++;
  walk->in_link++;
  while (node != NULL)
    {
      cmark_node *child;

      switch ((int) cmark_node_get_type (node))
        {
        case CMARK_NODE_TEXT:
          byline_goldmark_write_text (walk, node, 0, G_MAXSIZE, FALSE, FALSE);
          break;
        case CMARK_NODE_CODE:
          byline_goldmark_escape (walk->out, cmark_node_get_literal (node), -1);
          break;
        case CMARK_NODE_SOFTBREAK:
          g_string_append_c (walk->out, '\n');
          break;
        case CMARK_NODE_LINEBREAK:
          write_break (walk, TRUE);
          break;
        default:
          break;
        }

      child = cmark_node_first_child (node);
      if (child != NULL && cmark_node_get_type (node) != CMARK_NODE_CODE)
        {
          node = child;
          continue;
        }
      while (node != image && cmark_node_next (node) == NULL)
        node = cmark_node_parent (node);
      node = node == image ? NULL : cmark_node_next (node);
    }
  walk->in_link--;
  walk->in_alt--;
}

/* Hugo's images extension: with wrapStandAloneImageWithinParagraph off, an
 * image alone in its paragraph replaces it and takes its attributes. */

static void
write_image (Walk       *walk,
             cmark_node *node,
             const char *text)
{
  BylineGoldmark *self = walk->gm;
  const char *url = cmark_node_get_url (node);
  const char *title = cmark_node_get_title (node);
  cmark_node *parent = cmark_node_parent (node);
  NodeInfo *info = byline_goldmark_info (self, node, FALSE);
  GPtrArray *attrs = info != NULL ? info->attrs : NULL;
  gboolean block = !self->settings->wrap_standalone_image &&
                   byline_goldmark_is_only_child (self, node);
  gboolean unwrapped = block && cmark_node_get_type (parent) == CMARK_NODE_PARAGRAPH;
  NodeInfo *para_info = unwrapped ? byline_goldmark_info (self, parent, FALSE) : NULL;

  if (para_info != NULL && para_info->attrs != NULL)
    attrs = para_info->attrs;

  if (self->hooks[BYLINE_GOLDMARK_HOOK_IMAGE] != NULL)
    {
      BylineGoldmarkHookContext context = { 0 };
      g_autofree BylineGoldmarkAttribute *list = NULL;
      g_autofree char *plain = byline_goldmark_plain_text (self, walk->source, node);

      context.kind = BYLINE_GOLDMARK_HOOK_IMAGE;
      context.ordinal = self->ordinals[BYLINE_GOLDMARK_HOOK_IMAGE]++;
      hook_position (walk, node, &context);
      context.destination = url != NULL ? url : "";
      context.title = title != NULL && *title != '\0' ? title : NULL;
      context.text = text;
      context.plain_text = plain;
      context.is_block = block;
      list = byline_goldmark_hook_attrs (attrs, &context.n_attributes, NULL, NULL);
      context.attributes = list;
      if (byline_goldmark_call_hook (walk, &context))
        return;
    }
  else
    self->ordinals[BYLINE_GOLDMARK_HOOK_IMAGE]++;

  g_string_append (walk->out, "<img src=\"");
  byline_goldmark_write_url (self, walk->out, url != NULL ? url : "");
  g_string_append (walk->out, "\" alt=\"");
  write_alt (walk, node);
  g_string_append_c (walk->out, '"');
  if (title != NULL && *title != '\0')
    {
      g_string_append (walk->out, " title=\"");
      byline_goldmark_escape (walk->out, title, -1);
      g_string_append_c (walk->out, '"');
    }
  byline_goldmark_write_attrs (walk->out, attrs, IMAGE_FILTER);
  g_string_append (walk->out, self->settings->xhtml ? " />" : ">");
}

static void
write_footnote_ref (Walk       *walk,
                    cmark_node *node)
{
  NodeInfo *info = byline_goldmark_info (walk->gm, node, FALSE);
  guint index;
  guint ref;

  if (info == NULL || info->footnote == 0)
    return;
  index = info->footnote;
  ref = info->footnote_ref;

  g_string_append (walk->out, "<sup id=\"fnref");
  if (ref > 0)
    g_string_append_printf (walk->out, "%u", ref);
  g_string_append_printf (walk->out,
                          ":%u\"><a href=\"#fn:%u\" class=\"footnote-ref\" role=\"doc-noteref\">"
                          "%u</a></sup>",
                          index, index, index);
}

gboolean
byline_goldmark_enter_inline (Walk       *walk,
                              cmark_node *node)
{
  BylineGoldmark *self = walk->gm;
  cmark_node_type type = cmark_node_get_type (node);
  NodeInfo *info;

  switch ((int) type)
    {
    case CMARK_NODE_TEXT:
      info = byline_goldmark_info (self, node, FALSE);
      byline_goldmark_write_text (walk, node, info != NULL ? info->text_skip : 0,
                                  info != NULL && info->text_length >= 0
                                  ? (gsize) info->text_length : G_MAXSIZE,
                                  FALSE, FALSE);
      return FALSE;

    case CMARK_NODE_SOFTBREAK:
      write_break (walk, FALSE);
      return FALSE;

    case CMARK_NODE_LINEBREAK:
      write_break (walk, TRUE);
      return FALSE;

    case CMARK_NODE_CODE:
      g_string_append (walk->out, "<code>");
      byline_goldmark_escape (walk->out, cmark_node_get_literal (node), -1);
      g_string_append (walk->out, "</code>");
      return FALSE;

    case CMARK_NODE_HTML_INLINE:
      write_html_inline (walk, node);
      return FALSE;

    case CMARK_NODE_EMPH:
      g_string_append (walk->out, "<em>");
      return TRUE;

    case CMARK_NODE_STRONG:
      g_string_append (walk->out, "<strong>");
      return TRUE;

    case CMARK_NODE_LINK:
      if (is_autolink (walk, node))
        {
          write_autolink (walk, node);
          return FALSE;
        }
      walk->in_link++;
      if (self->hooks[BYLINE_GOLDMARK_HOOK_LINK] != NULL)
        byline_goldmark_push_capture (walk);
      else
        write_link_open (walk, node);
      return TRUE;

    case CMARK_NODE_IMAGE:
      if (self->hooks[BYLINE_GOLDMARK_HOOK_IMAGE] != NULL)
        {
          walk->in_link++;
          byline_goldmark_push_capture (walk);
          return TRUE;
        }
      write_image (walk, node, NULL);
      return FALSE;

    case CMARK_NODE_FOOTNOTE_REFERENCE:
      write_footnote_ref (walk, node);
      return FALSE;

    case CMARK_NODE_CUSTOM_INLINE:
      g_string_append (walk->out, cmark_node_get_on_enter (node));
      return TRUE;

    default:
      if (type == CMARK_NODE_STRIKETHROUGH)
        {
          g_string_append (walk->out, "<del>");
          return TRUE;
        }
      /* Nodes Goldmark has no equivalent for keep their text. */
      return TRUE;
    }
}

void
byline_goldmark_exit_inline (Walk       *walk,
                             cmark_node *node)
{
  BylineGoldmark *self = walk->gm;
  cmark_node_type type = cmark_node_get_type (node);

  switch ((int) type)
    {
    case CMARK_NODE_EMPH:
      g_string_append (walk->out, "</em>");
      break;

    case CMARK_NODE_STRONG:
      g_string_append (walk->out, "</strong>");
      break;

    case CMARK_NODE_LINK:
      walk->in_link--;
      if (self->hooks[BYLINE_GOLDMARK_HOOK_LINK] != NULL)
        {
          g_autofree char *text = byline_goldmark_pop_capture (walk);
          g_autofree char *plain = byline_goldmark_plain_text (self, walk->source, node);
          BylineGoldmarkHookContext context = { 0 };
          const char *title = cmark_node_get_title (node);
          const char *url = cmark_node_get_url (node);

          context.kind = BYLINE_GOLDMARK_HOOK_LINK;
          context.ordinal = self->ordinals[BYLINE_GOLDMARK_HOOK_LINK]++;
          hook_position (walk, node, &context);
          context.destination = url != NULL ? url : "";
          context.title = title != NULL && *title != '\0' ? title : NULL;
          context.text = text;
          context.plain_text = plain;
          if (!byline_goldmark_call_hook (walk, &context))
            {
              write_link_open (walk, node);
              g_string_append (walk->out, text);
              g_string_append (walk->out, "</a>");
            }
        }
      else
        g_string_append (walk->out, "</a>");
      break;

    case CMARK_NODE_IMAGE:
      {
        g_autofree char *text = NULL;

        walk->in_link--;
        text = byline_goldmark_pop_capture (walk);
        write_image (walk, node, text);
      }
      break;

    case CMARK_NODE_CUSTOM_INLINE:
      g_string_append (walk->out, cmark_node_get_on_exit (node));
      break;

    default:
      if (type == CMARK_NODE_STRIKETHROUGH)
        g_string_append (walk->out, "</del>");
      break;
    }
}

/* Plain text: Hugo's render.TextPlain, which takes only the first child of
 * each inline container. */

static void
strip_html (GString    *out,
            const char *html)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean in_tag = FALSE;

  for (const char *p = html; *p != '\0'; p++)
    {
      if (*p == '<')
        in_tag = TRUE;
      else if (*p == '>' && in_tag)
        in_tag = FALSE;
      else if (!in_tag)
        g_string_append_c (text, *p);
    }

  g_string_append (out, g_strstrip (text->str));
}

static void
plain_node (Walk       *walk,
            cmark_node *node,
            gsize       skip,
            gboolean    first_only)
{
  /* Containers contribute their first child only, so this goes down one
   * chain of first children and needs no stack. */
  while (node != NULL)
    {
      switch ((int) cmark_node_get_type (node))
        {
        case CMARK_NODE_TEXT:
          {
            NodeInfo *info = byline_goldmark_info (walk->gm, node, FALSE);

            byline_goldmark_write_text (walk, node, skip,
                                        info != NULL && info->text_length >= 0
                                        ? (gsize) info->text_length : G_MAXSIZE,
                                        TRUE, first_only);
          }
          return;

        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (walk->out, '\n');
          return;

        case CMARK_NODE_CODE:
          g_string_append (walk->out, cmark_node_get_literal (node));
          return;

        case CMARK_NODE_HTML_INLINE:
          strip_html (walk->out, cmark_node_get_literal (node));
          return;

        case CMARK_NODE_FOOTNOTE_REFERENCE:
          return;

        case CMARK_NODE_LINK:
          if (is_autolink (walk, node))
            return;
          break;

        default:
          break;
        }

      node = cmark_node_first_child (node);
      first_only = TRUE;
      skip = 0;
    }
}

char *
byline_goldmark_plain_range (BylineGoldmark *self,
                             Source         *source,
                             cmark_node     *from,
                             cmark_node     *to,
                             gsize           skip)
{
  g_autoptr(GString) out = g_string_new (NULL);
  Walk walk;

  byline_goldmark_walk_init (&walk, self, source, out);

  for (cmark_node *node = from; node != NULL; node = cmark_node_next (node))
    {
      plain_node (&walk, node, node == from ? skip : 0, FALSE);
      if (node == to)
        break;
    }
  byline_goldmark_walk_clear (&walk);

  return g_strdup (out->str);
}

char *
byline_goldmark_plain_text (BylineGoldmark *self,
                            Source         *source,
                            cmark_node     *node)
{
  cmark_node *first = cmark_node_first_child (node);

  if (first == NULL)
    return g_strdup ("");

  return byline_goldmark_plain_range (self, source, first, cmark_node_last_child (node), 0);
}
