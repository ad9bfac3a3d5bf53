/* byline-rules-markdown.c — the body's Markdown structure and the rules over it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The body is parsed once with cmark-gfm, with source positions, after its
 * shortcode calls are masked: a call becomes a run of "x" of the same length
 * (so that it stays one word and a link destination holding one still parses),
 * and the inner text of shortcodes whose inner text is not Markdown (text)
 * keeps only its whitespace. Byte offsets therefore mean the same in the
 * masked copy and in the post, and nothing inside code reaches the rules.
 */

#define G_LOG_DOMAIN "byline-linter"

#include "config.h"

#include "byline-linter-private.h"

#include <cmark-gfm-core-extensions.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#define MASK_FILL 'x'

/* memmem() without _GNU_SOURCE. */
static const char *
find_bytes (const char *haystack,
            gsize       length,
            const char *needle,
            gsize       needle_len)
{
  const char *end = haystack + length;
  const char *p = haystack;

  if (needle_len == 0 || needle_len > length)
    return NULL;

  while (p + needle_len <= end && (p = memchr (p, needle[0], end - p - needle_len + 1)) != NULL)
    {
      if (memcmp (p, needle, needle_len) == 0)
        return p;
      p++;
    }
  return NULL;
}

static gpointer
register_extensions_cb (gpointer data)
{
  cmark_gfm_core_extensions_ensure_registered ();
  return NULL;
}

/* Offset in the post of the start of a line of the body as cmark-gfm counts
 * them (1-based, the body's first line is 1). */
static gsize
body_line_start (BylineLintContext *ctx,
                 int                line)
{
  guint post_line;

  if (line <= 1)
    return ctx->layout->body_start;
  post_line = ctx->layout->body_first_line + (guint) line - 1;
  return MAX (byline_line_index_line_start (ctx->lines, post_line), ctx->layout->body_start);
}

static gsize
body_line_end (BylineLintContext *ctx,
               gsize              offset)
{
  guint line;
  gsize end;

  /* From the line index: searching for the line feed would cost the rest
   * of the line on every call, quadratic over one long line. */
  byline_line_index_locate (ctx->lines, offset, &line, NULL);
  end = byline_line_index_line_start (ctx->lines, line + 1);
  if (end > offset && ctx->text[end - 1] == '\n')
    end--;
  if (end > offset && ctx->text[end - 1] == '\r')
    end--;
  return end;
}

static gsize
clamp_offset (BylineLintContext *ctx,
              gsize              offset)
{
  return MIN (offset, ctx->length);
}

gsize
byline_lint_node_offset (BylineLintContext *ctx,
                         cmark_node        *node)
{
  int line = cmark_node_get_start_line (node);
  int column = cmark_node_get_start_column (node);

  if (line <= 0)
    return ctx->layout->body_start;
  return clamp_offset (ctx, body_line_start (ctx, line) + (gsize) MAX (column, 1) - 1);
}

gsize
byline_lint_node_end (BylineLintContext *ctx,
                      cmark_node        *node)
{
  int line = cmark_node_get_end_line (node);

  if (line <= 0)
    return byline_lint_node_offset (ctx, node);
  return body_line_end (ctx, clamp_offset (ctx, body_line_start (ctx, line)));
}

static cmark_node *
enclosing_block (cmark_node *node)
{
  for (cmark_node *p = cmark_node_parent (node); p != NULL; p = cmark_node_parent (p))
    if ((cmark_node_get_type (p) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK &&
        cmark_node_get_start_line (p) > 0)
      return p;
  return NULL;
}

/* cmark-gfm gives inline nodes columns that leave out the whitespace it
 * strips from a paragraph's continuation lines; this puts it back. */
static gsize
inline_offset (BylineLintContext *ctx,
               cmark_node        *block,
               int                line,
               int                column)
{
  gsize start = body_line_start (ctx, line);
  gsize shift = 0;

  if (block != NULL && line != cmark_node_get_start_line (block))
    {
      gsize p = start + (gsize) MAX (cmark_node_get_start_column (block), 1) - 1;
      gsize end = body_line_end (ctx, clamp_offset (ctx, start));

      while (p < end && (ctx->text[p] == ' ' || ctx->text[p] == '\t'))
        {
          shift++;
          p++;
        }
    }

  return clamp_offset (ctx, start + (gsize) MAX (column, 1) - 1 + shift);
}

static const char *
find_in_masked (BylineLintContext *ctx,
                gsize              from,
                gsize              to,
                const char        *needle,
                gsize              needle_len)
{
  const char *body = ctx->masked - ctx->layout->body_start;

  if (needle_len == 0 || from >= to || to > ctx->length || from < ctx->layout->body_start)
    return NULL;
  return find_bytes (body + from, to - from, needle, needle_len);
}

static void
mark (BylineLintContext *ctx,
      gsize              start,
      gsize              end,
      guint8             flag)
{
  end = MIN (end, ctx->length);
  for (gsize i = start; i < end; i++)
    ctx->mask[i] |= flag;
}

static void
mask_shortcodes (BylineLintContext *ctx)
{
  GPtrArray *calls = ctx->shortcodes->calls;

  for (guint i = 0; i < calls->len; i++)
    {
      const BylineShortcode *call = g_ptr_array_index (calls, i);
      const BylineShortcodeSpec *spec;

      mark (ctx, call->span.start, call->span.end, BYLINE_MASK_CALL);

      if (call->kind != BYLINE_SHORTCODE_OPEN || call->pair < 0 ||
          call->delim != BYLINE_SHORTCODE_ANGLE)
        continue;

      spec = byline_profile_lookup_shortcode (ctx->profile, call->name);
      if (spec != NULL && !spec->markdown_inner)
        mark (ctx, call->inner.start, call->inner.end, BYLINE_MASK_CODE | BYLINE_MASK_VERBATIM);
    }
}

static void
locate_code_span (BylineLintContext *ctx,
                  cmark_node        *node,
                  cmark_node        *block)
{
  gsize start, end, block_end;

  if (cmark_node_get_start_line (node) <= 0 || block == NULL)
    return;

  /* The columns point at the content, inside the backticks. */
  start = inline_offset (ctx, block, cmark_node_get_start_line (node),
                         cmark_node_get_start_column (node));
  end = inline_offset (ctx, block, cmark_node_get_end_line (node),
                       cmark_node_get_end_column (node)) + 1;
  block_end = byline_lint_node_end (ctx, block);
  end = MIN (end, block_end);

  /* Widen to the backticks (and the one space cmark-gfm strips inside them). */
  {
    gsize low = body_line_start (ctx, cmark_node_get_start_line (node));
    gsize s = start;

    if (s > low && ctx->text[s - 1] == ' ')
      s--;
    if (s > low && ctx->text[s - 1] == '`')
      {
        while (s > low && ctx->text[s - 1] == '`')
          s--;
        start = s;
      }
  }
  {
    gsize e = end;

    if (e < block_end && ctx->text[e] == ' ')
      e++;
    if (e < block_end && ctx->text[e] == '`')
      {
        while (e < block_end && ctx->text[e] == '`')
          e++;
        end = e;
      }
  }

  if (start < end)
    mark (ctx, start, end, BYLINE_MASK_CODE);
}

static void
locate_link (BylineLintContext *ctx,
             cmark_node        *node,
             cmark_node        *block)
{
  BylineLintLink link = { 0 };
  gsize block_start, block_end;
  const char *found;
  gsize url_len;

  link.node = node;
  link.image = cmark_node_get_type (node) == CMARK_NODE_IMAGE;
  link.url = cmark_node_get_url (node);
  if (link.url == NULL)
    link.url = "";
  url_len = strlen (link.url);

  block_start = block != NULL ? byline_lint_node_offset (ctx, block) : ctx->layout->body_start;
  block_end = block != NULL ? byline_lint_node_end (ctx, block) : ctx->length;

  if (cmark_node_get_start_line (node) > 0)
    {
      const char *opener = link.image ? "![" : "[";

      link.start = inline_offset (ctx, block, cmark_node_get_start_line (node),
                                  cmark_node_get_start_column (node));
      found = find_in_masked (ctx, link.start, block_end, opener, strlen (opener));
      if (found != NULL)
        link.start = found - (ctx->masked - ctx->layout->body_start);
      link.end = inline_offset (ctx, block, cmark_node_get_end_line (node),
                                cmark_node_get_end_column (node)) + 1;
      link.end = CLAMP (link.end, link.start + 1, MAX (block_end, link.start + 1));

      found = find_in_masked (ctx, link.start, block_end, link.url, url_len);
      if (found != NULL)
        {
          link.url_start = found - (ctx->masked - ctx->layout->body_start);
          link.url_end = link.url_start + url_len;
          if (link.url_end > link.end)
            link.end = MIN (link.url_end + 1, block_end);
        }
      else
        link.url_start = link.url_end = link.start;
    }
  else
    {
      /* Autolinks (www.x.com, https://…) carry no position: find their text
       * in the block. */
      cmark_node *child = cmark_node_first_child (node);
      const char *literal = child != NULL ? cmark_node_get_literal (child) : NULL;
      const char *needle = literal != NULL ? literal : link.url;
      gsize from = block_start;

      /* Later autolinks of the same block follow the earlier ones. */
      if (ctx->links->len > 0)
        {
          const BylineLintLink *last = &g_array_index (ctx->links, BylineLintLink,
                                                        ctx->links->len - 1);
          if (last->end > from && last->end <= block_end)
            from = last->end;
        }

      found = find_in_masked (ctx, from, block_end, needle, strlen (needle));
      if (found == NULL)
        return;
      link.start = found - (ctx->masked - ctx->layout->body_start);
      link.end = link.start + strlen (needle);
      if (needle == link.url)
        {
          link.url_start = link.start;
          link.url_end = link.end;
        }
      else
        link.url_start = link.url_end = link.start;
    }

  if (link.url_end > link.url_start)
    link.generated = byline_lint_is_masked (ctx, link.url_start, link.url_end, BYLINE_MASK_CALL);
  else
    /* A reference link's destination is written in its definition, not
     * here: one that the post's text does not hold came out of a masked
     * shortcode call ([a]: <{{% param url %}}>). */
    link.generated = strstr (link.url, "xxx") != NULL &&
                     (byline_lint_is_masked (ctx, link.start, link.end, BYLINE_MASK_CALL) ||
                      strstr (ctx->text + ctx->layout->body_start, link.url) == NULL);

  g_array_append_val (ctx->links, link);
}

static void
collect_references (BylineLintContext *ctx)
{
  GPtrArray *calls = ctx->shortcodes->calls;

  for (guint i = 0; i < ctx->links->len; i++)
    {
      const BylineLintLink *link = &g_array_index (ctx->links, BylineLintLink, i);
      g_autofree char *name = NULL;

      if (link->generated || (name = byline_lint_bundle_name (link->url)) == NULL)
        continue;
      if (link->url_end > link->url_start)
        byline_lint_add_reference (ctx, name, link->url_start, link->url_end);
      else
        byline_lint_add_reference (ctx, name, link->start, link->end);
    }

  /* A post may link its own files by their site path
   * (/blog/2019/x/deployment.yaml). */
  for (guint i = 0; i < ctx->links->len && ctx->bundle != NULL; i++)
    {
      const BylineLintLink *link = &g_array_index (ctx->links, BylineLintLink, i);
      g_autofree char *path = NULL;
      const char *base;

      if (link->generated ||
          byline_bundle_classify_link (link->url, NULL) != BYLINE_LINK_SITE_ABSOLUTE)
        continue;
      path = g_strndup (link->url, strcspn (link->url, "?#"));
      base = strrchr (path, '/');
      if (base != NULL && base[1] != '\0' && byline_bundle_has_file (ctx->bundle, base + 1))
        byline_lint_add_reference (ctx, base + 1, link->start, link->end);
    }

  for (guint i = 0; i < calls->len; i++)
    {
      const BylineShortcode *call = g_ptr_array_index (calls, i);

      if (call->kind != BYLINE_SHORTCODE_OPEN && call->kind != BYLINE_SHORTCODE_SELF_CLOSING)
        continue;

      for (guint j = 0; j < call->params->len; j++)
        {
          const BylineShortcodeParam *param = g_ptr_array_index (call->params, j);
          g_autofree char *name = byline_lint_bundle_name (param->value);

          if (name != NULL && ctx->bundle != NULL && byline_bundle_has_file (ctx->bundle, name))
            byline_lint_add_reference (ctx, name, param->value_span.start,
                                       param->value_span.end);
        }
    }

  if (ctx->front_matter != NULL)
    {
      guint n = byline_front_matter_get_n_entries (ctx->front_matter);

      for (guint i = 0; i < n; i++)
        {
          const BylineFrontMatterEntry *entry =
            byline_front_matter_get_entry (ctx->front_matter, i);
          g_autofree char *name = NULL;

          if (entry->value == NULL || ctx->bundle == NULL)
            continue;
          name = byline_lint_bundle_name (entry->value);
          if (name != NULL && byline_bundle_has_file (ctx->bundle, name))
            byline_lint_add_reference (ctx, name, entry->value_span.start,
                                       entry->value_span.end);
        }
    }
}

/* Raw HTML (<img src="x.png">) refers to files by name too. */
static void
collect_html_references (BylineLintContext *ctx,
                         cmark_node        *node)
{
  const char * const *files;
  const char *literal = cmark_node_get_literal (node);
  gsize start = byline_lint_node_offset (ctx, node);

  if (ctx->bundle == NULL || literal == NULL)
    return;

  files = byline_bundle_get_files (ctx->bundle);
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    if (strstr (literal, files[i]) != NULL)
      byline_lint_add_reference (ctx, files[i], start, start);
}

void
byline_lint_analyse_body (BylineLintContext *ctx)
{
  static GOnce registered = G_ONCE_INIT;
  gsize body_start = ctx->layout->body_start;
  gsize body_length = ctx->length - MIN (body_start, ctx->length);
  cmark_parser *parser;
  cmark_iter *iter;
  cmark_event_type event;
  static const char * const extensions[] = { "table", "strikethrough", "autolink", "tasklist" };

  g_once (&registered, register_extensions_cb, NULL);

  ctx->mask = g_malloc0 (ctx->length + 1);
  ctx->headings = g_ptr_array_new ();
  ctx->code_blocks = g_ptr_array_new ();
  ctx->block_quotes = g_ptr_array_new ();
  ctx->links = g_array_new (FALSE, TRUE, sizeof (BylineLintLink));

  mask_shortcodes (ctx);

  ctx->masked = g_malloc (body_length + 1);
  for (gsize i = 0; i < body_length; i++)
    {
      char c = ctx->text[body_start + i];
      guint8 flags = ctx->mask[body_start + i];

      if (c == '\n' || c == '\r' || flags == 0)
        ctx->masked[i] = c;
      else if (flags & BYLINE_MASK_CALL)
        ctx->masked[i] = MASK_FILL;
      else
        ctx->masked[i] = (c == ' ' || c == '\t') ? c : MASK_FILL;
    }
  ctx->masked[body_length] = '\0';

  parser = cmark_parser_new (CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      cmark_syntax_extension *extension = cmark_find_syntax_extension (extensions[i]);

      if (extension != NULL)
        cmark_parser_attach_syntax_extension (parser, extension);
    }
  ctx->large_tables = byline_table_limit_apply (ctx->masked, body_length);
  cmark_parser_feed (parser, ctx->masked, body_length);
  ctx->document = cmark_parser_finish (parser);
  cmark_parser_free (parser);

  iter = cmark_iter_new (ctx->document);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event != CMARK_EVENT_ENTER)
        continue;

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_HEADING:
          g_ptr_array_add (ctx->headings, node);
          break;

        case CMARK_NODE_CODE_BLOCK:
          g_ptr_array_add (ctx->code_blocks, node);
          mark (ctx, body_line_start (ctx, cmark_node_get_start_line (node)),
                byline_lint_node_end (ctx, node), BYLINE_MASK_CODE);
          break;

        case CMARK_NODE_BLOCK_QUOTE:
          g_ptr_array_add (ctx->block_quotes, node);
          break;

        case CMARK_NODE_CODE:
          locate_code_span (ctx, node, enclosing_block (node));
          break;

        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
          locate_link (ctx, node, enclosing_block (node));
          break;

        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE:
          collect_html_references (ctx, node);
          break;

        default:
          break;
        }
    }
  cmark_iter_free (iter);

  collect_references (ctx);
}

void
byline_lint_clear_body (BylineLintContext *ctx)
{
  g_clear_pointer (&ctx->document, cmark_node_free);
  g_clear_pointer (&ctx->mask, g_free);
  g_clear_pointer (&ctx->masked, g_free);
  g_clear_pointer (&ctx->headings, g_ptr_array_unref);
  g_clear_pointer (&ctx->code_blocks, g_ptr_array_unref);
  g_clear_pointer (&ctx->block_quotes, g_ptr_array_unref);
  g_clear_pointer (&ctx->links, g_array_unref);
  g_clear_pointer (&ctx->large_tables, g_array_unref);
}

/* Rules. */

static char *
first_word (const char *info)
{
  const char *end;

  while (*info == ' ' || *info == '\t')
    info++;
  for (end = info; *end != '\0' && *end != ' ' && *end != '\t' && *end != '{'; end++)
    ;
  return g_strndup (info, end - info);
}

void
byline_rule_md_fenced_code (BylineLintContext *ctx)
{
  for (guint i = 0; i < ctx->code_blocks->len; i++)
    {
      cmark_node *node = g_ptr_array_index (ctx->code_blocks, i);
      gsize start, line_start, end;
      g_autofree char *syntax = NULL;
      g_autofree char *indent = NULL;
      g_auto(GStrv) content_lines = NULL;
      GString *replacement;
      const char *literal;
      int fence_length = 0, fence_offset = 0;
      char fence_char = 0;

      if (!cmark_node_get_fenced (node, &fence_length, &fence_offset, &fence_char))
        continue;

      start = byline_lint_node_offset (ctx, node);
      end = byline_lint_node_end (ctx, node);
      line_start = body_line_start (ctx, cmark_node_get_start_line (node));

      syntax = first_word (cmark_node_get_fence_info (node) != NULL ?
                           cmark_node_get_fence_info (node) : "");
      if (syntax[0] == '\0')
        {
          g_free (syntax);
          syntax = g_strdup ("plain");
        }

      /* Lines keep the indentation of the fence (a block in a list item). */
      indent = g_strndup (ctx->text + line_start, start - line_start);
      for (char *p = indent; *p != '\0'; p++)
        if (*p != ' ' && *p != '\t')
          {
            indent[0] = '\0';
            break;
          }

      literal = cmark_node_get_literal (node);
      replacement = g_string_new (NULL);
      g_string_append_printf (replacement, "{{< text %s >}}\n", syntax);
      if (literal != NULL && literal[0] != '\0')
        {
          gsize len = strlen (literal);

          content_lines = g_strsplit (literal, "\n", -1);
          for (guint j = 0; content_lines[j] != NULL; j++)
            {
              /* The literal ends with a newline: skip the empty tail. */
              if (content_lines[j + 1] == NULL && literal[len - 1] == '\n')
                break;
              if (content_lines[j][0] != '\0')
                g_string_append (replacement, indent);
              g_string_append (replacement, content_lines[j]);
              g_string_append_c (replacement, '\n');
            }
        }
      g_string_append_printf (replacement, "%s{{< /text >}}", indent);

      byline_lint_report (ctx, start, body_line_end (ctx, start),
                          byline_text_patch_new (start, end - start, replacement->str),
                          _("Fenced code block: write it as a {{< text %s >}} … "
                            "{{< /text >}} block, as the site requires"),
                          syntax);
      g_string_free (replacement, TRUE);
    }
}

void
byline_rule_md_h1 (BylineLintContext *ctx)
{
  for (guint i = 0; i < ctx->headings->len; i++)
    {
      cmark_node *node = g_ptr_array_index (ctx->headings, i);
      gsize start;
      BylineTextPatch *fix = NULL;

      if (cmark_node_get_heading_level (node) != 1)
        continue;

      start = byline_lint_node_offset (ctx, node);
      if (ctx->text[start] == '#')
        fix = byline_text_patch_new (start, 0, "#");

      byline_lint_report (ctx, start, body_line_end (ctx, start), fix,
                          _("Level 1 heading in the body: the title is the page’s only "
                            "level 1 heading, so start sections at ##"));
    }
}

void
byline_rule_md_heading_skip (BylineLintContext *ctx)
{
  const char *top = byline_profile_get_rule_option (ctx->profile, ctx->rule->info.id, "top");
  int previous = 1;

  /* The level the body's sections start at; the title sits above it. */
  if (top != NULL && g_ascii_isdigit (top[0]))
    previous = CLAMP (atoi (top), 1, 6) - 1;

  for (guint i = 0; i < ctx->headings->len; i++)
    {
      cmark_node *node = g_ptr_array_index (ctx->headings, i);
      int level = cmark_node_get_heading_level (node);

      if (level > previous + 1)
        {
          gsize start = byline_lint_node_offset (ctx, node);

          byline_lint_report (ctx, start, body_line_end (ctx, start), NULL,
                              _("Heading level %d follows level %d: use level %d here, "
                                "so that levels go down one at a time"),
                              level, previous, previous + 1);
        }
      previous = level;
    }
}

void
byline_rule_md_curly_quote (BylineLintContext *ctx)
{
  static const char left[] = "\xe2\x80\x9c";   /* “ */
  static const char right[] = "\xe2\x80\x9d";  /* ” */
  const char *p = ctx->text;
  const char *end = ctx->text + ctx->length;

  /* The site's lint rejects the character anywhere in a post's text,
   * front matter included; code is the only exception. */
  while ((p = find_bytes (p, end - p, left, 3)) != NULL)
    {
      gsize start = p - ctx->text;
      gsize line_end = body_line_end (ctx, start);
      const char *close;
      const char *next_open;
      BylineTextPatch *fix;

      p += 3;
      if (ctx->mask != NULL && byline_lint_is_masked (ctx, start, start + 3, BYLINE_MASK_CODE))
        continue;

      /* Straighten the pair when the closing quote is on the same line,
       * before the next opening one (each search stops where the next
       * one starts: one long line stays linear). */
      next_open = find_bytes (p, ctx->text + line_end - p, left, 3);
      close = find_bytes (p, (next_open != NULL ? next_open : ctx->text + line_end) - p, right, 3);
      if (close != NULL)
        {
          g_autofree char *inner = g_strndup (p, close - p);
          g_autofree char *text = g_strdup_printf ("\"%s\"", inner);

          fix = byline_text_patch_new (start, (close + 3) - (ctx->text + start), text);
        }
      else
        fix = byline_text_patch_new (start, 3, "\"");

      byline_lint_report (ctx, start, start + 3, fix,
                          _("Curly quotation mark “: use a straight \" instead, "
                            "as the site’s lint requires"));
    }
}

void
byline_rule_md_blockquote (BylineLintContext *ctx)
{
  for (guint i = 0; i < ctx->block_quotes->len; i++)
    {
      cmark_node *node = g_ptr_array_index (ctx->block_quotes, i);
      gsize start = byline_lint_node_offset (ctx, node);

      /* A quote inside a quote is the same finding. */
      if (cmark_node_get_type (cmark_node_parent (node)) == CMARK_NODE_BLOCK_QUOTE)
        continue;

      byline_lint_report (ctx, start, start + 1, NULL,
                          _("Markdown block quote: use the {{< quote >}} shortcode, "
                            "which the site styles as a quotation"));
    }
}

void
byline_rule_md_trailing_space (BylineLintContext *ctx)
{
  gsize offset = ctx->layout->body_start;

  while (offset < ctx->length)
    {
      gsize line_end = body_line_end (ctx, offset);
      gsize ws = line_end;
      const char *nl;

      while (ws > offset && (ctx->text[ws - 1] == ' ' || ctx->text[ws - 1] == '\t'))
        ws--;

      if (ws < line_end && !byline_lint_is_masked (ctx, ws, line_end, BYLINE_MASK_CODE))
        byline_lint_report (ctx, ws, line_end,
                            byline_text_patch_new (ws, line_end - ws, ""),
                            _("Trailing whitespace: remove the spaces at the end of the line"));

      nl = memchr (ctx->text + line_end, '\n', ctx->length - line_end);
      if (nl == NULL)
        break;
      offset = nl - ctx->text + 1;
    }
}

void
byline_rule_md_hard_tab (BylineLintContext *ctx)
{
  const char *p = ctx->text + ctx->layout->body_start;
  const char *end = ctx->text + ctx->length;

  while (p < end && (p = memchr (p, '\t', end - p)) != NULL)
    {
      gsize start = p - ctx->text;
      const char *nl;

      if (byline_lint_is_masked (ctx, start, start + 1, BYLINE_MASK_CODE))
        {
          p++;
          continue;
        }

      byline_lint_report (ctx, start, start + 1, NULL,
                          _("Tab character: indent with spaces, tabs render differently "
                            "in editors and in Markdown"));

      /* One finding per line is enough. */
      nl = memchr (p, '\n', end - p);
      if (nl == NULL)
        break;
      p = nl + 1;
    }
}

void
byline_rule_md_large_table (BylineLintContext *ctx)
{
  for (guint i = 0; ctx->large_tables != NULL && i < ctx->large_tables->len; i++)
    {
      const BylineLargeTable *table = &g_array_index (ctx->large_tables, BylineLargeTable, i);
      gsize start = ctx->layout->body_start + table->offset;
      const char *nl = memchr (ctx->text + start, '\n', ctx->length - start);

      byline_lint_report (ctx, start, nl != NULL ? (gsize) (nl - ctx->text) : ctx->length, NULL,
                          _("This table of %u columns and %u rows is too large to lay out "
                            "safely: the preview shows it as text. Split it into smaller "
                            "tables"),
                          table->columns, table->rows);
    }
}
