/* byline-goldmark-elements.c — block elements as Goldmark and Hugo write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Goldmark's renderer/html/html.go for paragraphs, lists, code and raw HTML,
 * with Hugo's renderers where Hugo replaces Goldmark's: headings
 * (markup/goldmark/render_hooks.go), code blocks
 * (markup/goldmark/codeblocks/render.go), blockquotes
 * (markup/goldmark/blockquotes/blockquotes.go) and raw HTML
 * (markup/goldmark/hugocontext/hugocontext.go).
 */

#define G_LOG_DOMAIN "byline-goldmark"

#include "config.h"

#include "byline-goldmark-private.h"

#include <cmark-gfm-core-extensions.h>
#include <string.h>

#define BLOCKQUOTE_FILTER "cite"
#define LIST_FILTER "start,reversed,type"
#define LIST_ITEM_FILTER "value"
#define THEMATIC_FILTER "align,color,noshade,size,width"

/* Cheaper than printf, which the writer would otherwise call per block. */
static void
append_int (GString *out,
            int      value)
{
  char digits[16];
  guint n = 0;
  guint v = (guint) MAX (value, 0);

  do
    {
      digits[n++] = (char) ('0' + v % 10);
      v /= 10;
    }
  while (v > 0);
  while (n > 0)
    g_string_append_c (out, digits[--n]);
}

void
byline_goldmark_write_sourcepos_range (Walk       *walk,
                                       cmark_node *first,
                                       cmark_node *last)
{
  int start_line = cmark_node_get_start_line (first);

  if (!walk->gm->sourcepos || !walk->source->positions || start_line <= 0 ||
      cmark_node_get_end_line (last) <= 0)
    return;

  g_string_append (walk->out, " data-sourcepos=\"");
  append_int (walk->out, start_line);
  g_string_append_c (walk->out, ':');
  append_int (walk->out, cmark_node_get_start_column (first));
  g_string_append_c (walk->out, '-');
  append_int (walk->out, cmark_node_get_end_line (last));
  g_string_append_c (walk->out, ':');
  append_int (walk->out, cmark_node_get_end_column (last));
  g_string_append_c (walk->out, '"');
}

void
byline_goldmark_write_sourcepos (Walk       *walk,
                                 cmark_node *node)
{
  byline_goldmark_write_sourcepos_range (walk, node, node);
}

static GPtrArray *
node_attrs (BylineGoldmark *self,
            cmark_node     *node)
{
  NodeInfo *info = byline_goldmark_info (self, node, FALSE);

  return info != NULL ? info->attrs : NULL;
}

/* Goldmark renders the paragraphs of tight lists and tight definitions
 * without <p>, as text blocks. */
static gboolean
is_tight_paragraph (Walk       *walk,
                    cmark_node *node)
{
  cmark_node *parent = cmark_node_parent (node);

  if (parent == NULL)
    return FALSE;
  if (parent == walk->tight_parent)
    return TRUE;

  return cmark_node_get_type (parent) == CMARK_NODE_ITEM &&
         cmark_node_get_list_tight (cmark_node_parent (parent));
}

static gboolean
is_unwrapped_image (Walk       *walk,
                    cmark_node *node)
{
  cmark_node *child = cmark_node_first_child (node);

  return !walk->gm->settings->wrap_standalone_image && child != NULL &&
         cmark_node_get_type (child) == CMARK_NODE_IMAGE &&
         byline_goldmark_is_only_child (walk->gm, child);
}

static gboolean
is_task_item (cmark_node *item)
{
  const char *type = cmark_node_get_type_string (item);

  return type != NULL && strcmp (type, "tasklist") == 0;
}

static void
write_checkbox (Walk       *walk,
                cmark_node *paragraph)
{
  cmark_node *item = cmark_node_parent (paragraph);

  if (item == NULL || cmark_node_get_type (item) != CMARK_NODE_ITEM ||
      cmark_node_first_child (item) != paragraph || !is_task_item (item))
    return;

  if (cmark_gfm_extensions_get_tasklist_item_checked (item))
    g_string_append (walk->out, "<input checked=\"\" disabled=\"\" type=\"checkbox\"");
  else
    g_string_append (walk->out, "<input disabled=\"\" type=\"checkbox\"");
  g_string_append (walk->out, walk->gm->settings->xhtml ? " /> " : "> ");
}

static void
write_heading_open (Walk       *walk,
                    cmark_node *node,
                    GString    *out)
{
  g_string_append_printf (out, "<h%d", cmark_node_get_heading_level (node));
  if (out == walk->out)
    byline_goldmark_write_sourcepos (walk, node);
  byline_goldmark_write_attrs (out, node_attrs (walk->gm, node), NULL);
  g_string_append_c (out, '>');
}

static void
write_blockquote_open (Walk       *walk,
                       cmark_node *node)
{
  GPtrArray *attrs = node_attrs (walk->gm, node);

  g_string_append (walk->out, "<blockquote");
  byline_goldmark_write_sourcepos (walk, node);
  if (attrs != NULL)
    {
      byline_goldmark_write_attrs (walk->out, attrs, BLOCKQUOTE_FILTER);
      g_string_append_c (walk->out, '>');
    }
  else
    g_string_append (walk->out, ">\n");
}

/* The raw HTML block types of CommonMark 4.6 that end on a line of their own:
 * their closing pattern, or NULL. */
static const char *
html_block_closer (const char *html)
{
  static const char * const type1[] = { "script", "pre", "style", "textarea" };

  if (html[0] != '<')
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (type1); i++)
    {
      gsize len = strlen (type1[i]);

      if (g_ascii_strncasecmp (html + 1, type1[i], len) == 0 &&
          (html[1 + len] == '\0' || strchr (" \t\r\n>", html[1 + len]) != NULL))
        return "</";
    }
  if (g_str_has_prefix (html, "<!--"))
    return "-->";
  if (g_str_has_prefix (html, "<?"))
    return "?>";
  if (g_str_has_prefix (html, "<![CDATA["))
    return "]]>";
  if (html[1] == '!' && g_ascii_isalpha (html[2]))
    return ">";

  return NULL;
}

static gboolean
line_has_closer (const char *line,
                 gsize       len,
                 const char *closer)
{
  static const char * const type1[] = { "</script>", "</pre>", "</style>", "</textarea>" };

  if (strcmp (closer, "</") != 0)
    return g_strstr_len (line, len, closer) != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (type1); i++)
    for (const char *p = line; p + strlen (type1[i]) <= line + len; p++)
      if (g_ascii_strncasecmp (p, type1[i], strlen (type1[i])) == 0)
        return TRUE;

  return FALSE;
}

/* Goldmark keeps the line that closes a raw HTML block apart, and omits it
 * with a marker of its own. */
static gboolean
html_block_has_closure (const char *html)
{
  const char *closer = html_block_closer (html);
  const char *first_end = strchr (html, '\n');
  gsize len = strlen (html);
  const char *last;

  if (closer == NULL || first_end == NULL || first_end + 1 >= html + len)
    return FALSE;
  if (line_has_closer (html, first_end - html, closer))
    return FALSE;

  while (len > 0 && html[len - 1] == '\n')
    len--;
  last = g_strrstr_len (html, len, "\n");
  last = last != NULL ? last + 1 : html;

  return line_has_closer (last, html + len - last, closer);
}

static void
write_html_block (Walk       *walk,
                  cmark_node *node)
{
  const char *html = cmark_node_get_literal (node);

  if (html == NULL)
    return;

  if (walk->gm->settings->unsafe)
    {
      byline_goldmark_write_raw_html (walk->gm, walk->out, html);
      return;
    }

  /* Hugo leaves HTML comments out without a trace. */
  if (g_str_has_prefix (html, "<!--"))
    return;

  g_string_append (walk->out, "<!-- raw HTML omitted -->\n");
  if (html_block_has_closure (html))
    g_string_append (walk->out, "<!-- raw HTML omitted -->\n");
}

static char *
code_language (const char *info)
{
  if (info == NULL || *info == '\0')
    return NULL;

  return g_strndup (info, strcspn (info, " "));
}

/* Hugo's code block hooks (markup/goldmark/codeblocks/render.go) */
static gboolean
hook_code_block (Walk       *walk,
                 cmark_node *node,
                 const char *info,
                 const char *lang,
                 guint       ordinal)
{
  BylineGoldmarkHookContext context = { 0 };
  g_autoptr(GPtrArray) attrs = g_ptr_array_new_with_free_func (byline_goldmark_attr_free);
  g_autofree BylineGoldmarkAttribute *list = NULL;
  g_autofree BylineGoldmarkAttribute *options = NULL;
  const char *language = lang != NULL ? lang : "";
  g_autofree char *type = g_strndup (language, strcspn (language, "{"));
  g_autofree char *inner = g_strdup (cmark_node_get_literal (node));
  const char *open = info != NULL ? strchr (info, '{') : NULL;
  const char *close = open != NULL ? strchr (open, '}') : NULL;
  gsize len = strlen (inner);

  while (len > 0 && (inner[len - 1] == '\n' || inner[len - 1] == '\r'))
    inner[--len] = '\0';
  if (close != NULL)
    byline_goldmark_parse_attrs (open, close + 1 - open, attrs);

  context.kind = BYLINE_GOLDMARK_HOOK_CODEBLOCK;
  context.ordinal = ordinal;
  context.line = (guint) MAX (cmark_node_get_start_line (node), 0);
  context.column = (guint) MAX (cmark_node_get_start_column (node), 0);
  context.type = type;
  context.inner = inner;
  list = byline_goldmark_hook_attrs (attrs, &context.n_attributes, &options, &context.n_options);
  context.attributes = list;
  context.options = options;

  return byline_goldmark_call_hook (walk, &context);
}

static void
write_code_block (Walk       *walk,
                  cmark_node *node)
{
  BylineGoldmark *self = walk->gm;
  const char *code = cmark_node_get_literal (node);
  const char *info = cmark_node_get_fence_info (node);
  g_autofree char *lang = NULL;
  int fence_length = 0;
  int fence_offset = 0;
  char fence_char = 0;

  if (cmark_node_get_fenced (node, &fence_length, &fence_offset, &fence_char))
    {
      guint ordinal = self->ordinals[BYLINE_GOLDMARK_HOOK_CODEBLOCK]++;

      lang = code_language (info);
      if (self->hooks[BYLINE_GOLDMARK_HOOK_CODEBLOCK] != NULL &&
          hook_code_block (walk, node, info, lang, ordinal))
        return;
    }

  g_string_append (walk->out, "<pre");
  byline_goldmark_write_sourcepos (walk, node);
  g_string_append (walk->out, "><code");
  if (lang != NULL && *lang != '\0')
    {
      g_string_append (walk->out, " class=\"language-");
      byline_goldmark_escape (walk->out, lang, -1);
      g_string_append_c (walk->out, '"');
    }
  g_string_append_c (walk->out, '>');
  byline_goldmark_escape (walk->out, code != NULL ? code : "", -1);
  g_string_append (walk->out, "</code></pre>\n");
}

static void
write_list_open (Walk       *walk,
                 cmark_node *node)
{
  gboolean ordered = cmark_node_get_list_type (node) == CMARK_ORDERED_LIST;
  int start = cmark_node_get_list_start (node);

  g_string_append (walk->out, ordered ? "<ol" : "<ul");
  byline_goldmark_write_sourcepos (walk, node);
  if (ordered && start != 1)
    g_string_append_printf (walk->out, " start=\"%d\"", start);
  byline_goldmark_write_attrs (walk->out, node_attrs (walk->gm, node), LIST_FILTER);
  g_string_append (walk->out, ">\n");
}

static void
write_item_open (Walk       *walk,
                 cmark_node *node)
{
  cmark_node *first = cmark_node_first_child (node);
  cmark_node *list = cmark_node_parent (node);

  g_string_append (walk->out, "<li");
  byline_goldmark_write_sourcepos (walk, node);
  byline_goldmark_write_attrs (walk->out, node_attrs (walk->gm, node), LIST_ITEM_FILTER);
  g_string_append_c (walk->out, '>');
  if (first != NULL && !(cmark_node_get_type (first) == CMARK_NODE_PARAGRAPH &&
                         cmark_node_get_list_tight (list)))
    g_string_append_c (walk->out, '\n');
}

static void
write_thematic_break (Walk       *walk,
                      cmark_node *node)
{
  g_string_append (walk->out, "<hr");
  byline_goldmark_write_sourcepos (walk, node);
  byline_goldmark_write_attrs (walk->out, node_attrs (walk->gm, node), THEMATIC_FILTER);
  g_string_append (walk->out, walk->gm->settings->xhtml ? " />\n" : ">\n");
}

static void
reset_block (Walk *walk)
{
  walk->open_single = 0;
  walk->open_double = 0;
}

static void
enter_paragraph (Walk       *walk,
                 cmark_node *node)
{
  reset_block (walk);
  if (!is_tight_paragraph (walk, node) && !is_unwrapped_image (walk, node))
    {
      g_string_append (walk->out, "<p");
      byline_goldmark_write_sourcepos (walk, node);
      byline_goldmark_write_attrs (walk->out, node_attrs (walk->gm, node), "");
      g_string_append_c (walk->out, '>');
    }
  write_checkbox (walk, node);
}

static void
exit_paragraph (Walk       *walk,
                cmark_node *node)
{
  if (node == walk->footnote_para)
    byline_goldmark_write_backlinks (walk, walk->footnote);

  if (is_unwrapped_image (walk, node))
    return;

  if (is_tight_paragraph (walk, node))
    {
      if (cmark_node_next (node) != NULL && cmark_node_first_child (node) != NULL)
        g_string_append_c (walk->out, '\n');
      return;
    }

  g_string_append (walk->out, "</p>\n");
}

static void
exit_heading (Walk       *walk,
              cmark_node *node)
{
  BylineGoldmark *self = walk->gm;
  int level = cmark_node_get_heading_level (node);

  if (self->hooks[BYLINE_GOLDMARK_HOOK_HEADING] != NULL)
    {
      g_autofree char *text = byline_goldmark_pop_capture (walk);
      g_autofree char *plain = byline_goldmark_plain_text (self, walk->source, node);
      g_autofree BylineGoldmarkAttribute *list = NULL;
      BylineGoldmarkHookContext context = { 0 };
      const Attr *id = byline_goldmark_attrs_find (node_attrs (self, node), "id");

      context.kind = BYLINE_GOLDMARK_HOOK_HEADING;
      context.ordinal = self->ordinals[BYLINE_GOLDMARK_HOOK_HEADING]++;
      context.line = (guint) MAX (cmark_node_get_start_line (node), 0);
      context.column = (guint) MAX (cmark_node_get_start_column (node), 0);
      context.level = level;
      context.anchor = id != NULL ? id->value : "";
      context.text = text;
      context.plain_text = plain;
      list = byline_goldmark_hook_attrs (node_attrs (self, node), &context.n_attributes,
                                         NULL, NULL);
      context.attributes = list;
      if (byline_goldmark_call_hook (walk, &context))
        return;

      write_heading_open (walk, node, walk->out);
      g_string_append (walk->out, text);
    }

  g_string_append_printf (walk->out, "</h%d>\n", level);
}

/* Hugo's blockquote renderer (markup/goldmark/blockquotes/blockquotes.go):
 * GitHub's [!NOTE] alerts reach hooks as such; without a hook they stay a
 * plain blockquote. */
static void
exit_blockquote (Walk       *walk,
                 cmark_node *node)
{
  BylineGoldmark *self = walk->gm;

  if (self->hooks[BYLINE_GOLDMARK_HOOK_BLOCKQUOTE] != NULL)
    {
      g_autofree char *text = byline_goldmark_pop_capture (walk);
      g_autofree BylineGoldmarkAttribute *list = NULL;
      g_autofree char *alert_type = NULL;
      g_autofree char *alert_title = NULL;
      g_autofree char *alert_sign = NULL;
      g_autofree char *alert_text = NULL;
      BylineGoldmarkHookContext context = { 0 };

      context.kind = BYLINE_GOLDMARK_HOOK_BLOCKQUOTE;
      context.ordinal = self->ordinals[BYLINE_GOLDMARK_HOOK_BLOCKQUOTE]++;
      context.line = (guint) MAX (cmark_node_get_start_line (node), 0);
      context.column = (guint) MAX (cmark_node_get_start_column (node), 0);
      context.text = text;
      if (byline_goldmark_parse_alert (text, &alert_type, &alert_sign, &alert_title, &alert_text))
        {
          context.type = "alert";
          context.text = alert_text;
        }
      else
        context.type = "regular";
      context.alert_type = alert_type != NULL ? alert_type : "";
      context.alert_title = alert_title != NULL ? alert_title : "";
      context.alert_sign = alert_sign != NULL ? alert_sign : "";
      list = byline_goldmark_hook_attrs (node_attrs (self, node), &context.n_attributes,
                                         NULL, NULL);
      context.attributes = list;
      if (byline_goldmark_call_hook (walk, &context))
        return;

      write_blockquote_open (walk, node);
      g_string_append (walk->out, text);
    }

  g_string_append (walk->out, "</blockquote>\n");
}

WalkAction
byline_goldmark_enter_element (Walk       *walk,
                               cmark_node *node)
{
  BylineGoldmark *self = walk->gm;

  switch ((int) cmark_node_get_type (node))
    {
    case CMARK_NODE_DOCUMENT:
      return WALK_DESCEND;

    case CMARK_NODE_PARAGRAPH:
      enter_paragraph (walk, node);
      return WALK_DESCEND;

    case CMARK_NODE_HEADING:
      reset_block (walk);
      if (self->hooks[BYLINE_GOLDMARK_HOOK_HEADING] != NULL)
        byline_goldmark_push_capture (walk);
      else
        write_heading_open (walk, node, walk->out);
      return WALK_DESCEND;

    case CMARK_NODE_BLOCK_QUOTE:
      if (self->hooks[BYLINE_GOLDMARK_HOOK_BLOCKQUOTE] != NULL)
        byline_goldmark_push_capture (walk);
      else
        write_blockquote_open (walk, node);
      return WALK_DESCEND;

    case CMARK_NODE_LIST:
      write_list_open (walk, node);
      return WALK_DESCEND;

    case CMARK_NODE_ITEM:
      write_item_open (walk, node);
      return WALK_DESCEND;

    case CMARK_NODE_CODE_BLOCK:
      write_code_block (walk, node);
      return WALK_SKIP;

    case CMARK_NODE_HTML_BLOCK:
      write_html_block (walk, node);
      return WALK_SKIP;

    case CMARK_NODE_THEMATIC_BREAK:
      write_thematic_break (walk, node);
      return WALK_SKIP;

    case CMARK_NODE_CUSTOM_BLOCK:
      g_string_append (walk->out, cmark_node_get_on_enter (node));
      return WALK_DESCEND;

    case CMARK_NODE_FOOTNOTE_DEFINITION:
      return WALK_SKIP;

    default:
      if (cmark_node_get_type (node) == CMARK_NODE_TABLE)
        {
          byline_goldmark_write_table (walk, node);
          return WALK_SKIP;
        }
      return WALK_DESCEND;
    }
}

void
byline_goldmark_leave_element (Walk       *walk,
                               cmark_node *node)
{
  switch ((int) cmark_node_get_type (node))
    {
    case CMARK_NODE_PARAGRAPH:
      exit_paragraph (walk, node);
      break;

    case CMARK_NODE_HEADING:
      exit_heading (walk, node);
      break;

    case CMARK_NODE_BLOCK_QUOTE:
      exit_blockquote (walk, node);
      break;

    case CMARK_NODE_LIST:
      g_string_append (walk->out, cmark_node_get_list_type (node) == CMARK_ORDERED_LIST
                                  ? "</ol>\n" : "</ul>\n");
      break;

    case CMARK_NODE_ITEM:
      g_string_append (walk->out, "</li>\n");
      break;

    case CMARK_NODE_CUSTOM_BLOCK:
      g_string_append (walk->out, cmark_node_get_on_exit (node));
      g_string_append_c (walk->out, '\n');
      break;

    default:
      break;
    }
}
