/* byline-rules-markdown.c — the body's Markdown structure and the rules over it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules read the body's one parse (byline-body.h): its headings, code
 * blocks, block quotes and links, with their places in the post. Before
 * they run, a mask notes for each byte of the post whether it lies in a
 * shortcode call or in code (code spans and blocks, and the inner text of
 * shortcodes whose inner text is not Markdown), so that nothing inside code
 * reaches the rules that scan the text.
 */

#define G_LOG_DOMAIN "byline-linter"

#include "config.h"

#include "byline-linter-private.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

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
collect_references (BylineLintContext *ctx)
{
  GPtrArray *calls = ctx->shortcodes->calls;

  for (guint i = 0; i < ctx->links->len; i++)
    {
      const BylineBodyLink *link = &g_array_index (ctx->links, BylineBodyLink, i);
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
      const BylineBodyLink *link = &g_array_index (ctx->links, BylineBodyLink, i);
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

  /* Raw HTML (<img src="x.png">) refers to files by name too. */
  for (guint i = 0; i < ctx->body->html->len && ctx->bundle != NULL; i++)
    {
      const BylineBodyHtml *html = &g_array_index (ctx->body->html, BylineBodyHtml, i);
      const char * const *files = byline_bundle_get_files (ctx->bundle);

      for (guint j = 0; files != NULL && files[j] != NULL; j++)
        if (strstr (html->literal, files[j]) != NULL)
          byline_lint_add_reference (ctx, files[j], html->start, html->start);
    }
}

void
byline_lint_analyse_body (BylineLintContext *ctx)
{
  GArray *code = ctx->body->code_ranges;

  ctx->links = ctx->body->links;
  ctx->mask = g_malloc0 (ctx->length + 1);

  mask_shortcodes (ctx);
  for (guint i = 0; i < code->len; i++)
    {
      const BylineRange *range = &g_array_index (code, BylineRange, i);

      mark (ctx, range->start, range->end, BYLINE_MASK_CODE);
    }

  collect_references (ctx);
}

void
byline_lint_clear_body (BylineLintContext *ctx)
{
  g_clear_pointer (&ctx->mask, g_free);
  ctx->links = NULL;
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
  GArray *code_blocks = ctx->body->code_blocks;

  for (guint i = 0; i < code_blocks->len; i++)
    {
      const BylineBodyCode *code = &g_array_index (code_blocks, BylineBodyCode, i);
      gsize start = code->start;
      gsize line_start = code->line_start;
      gsize end = code->end;
      g_autofree char *syntax = NULL;
      g_autofree char *indent = NULL;
      g_auto(GStrv) content_lines = NULL;
      GString *replacement;
      const char *literal;

      if (!code->fenced)
        continue;

      syntax = first_word (code->info);
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

      literal = code->literal;
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
  GPtrArray *headings = byline_body_get_headings (ctx->body);

  for (guint i = 0; i < headings->len; i++)
    {
      const BylineHeading *heading = g_ptr_array_index (headings, i);
      gsize start;
      BylineTextPatch *fix = NULL;

      if (heading->level != 1)
        continue;

      start = heading->span.start;
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
  GPtrArray *headings = byline_body_get_headings (ctx->body);
  int previous = 1;

  /* The level the body's sections start at; the title sits above it. */
  if (top != NULL && g_ascii_isdigit (top[0]))
    previous = CLAMP (atoi (top), 1, 6) - 1;

  for (guint i = 0; i < headings->len; i++)
    {
      const BylineHeading *heading = g_ptr_array_index (headings, i);
      int level = (int) heading->level;

      if (level > previous + 1)
        {
          gsize start = heading->span.start;

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
  while ((p = byline_text_find_bytes (p, end - p, left, 3)) != NULL)
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
      next_open = byline_text_find_bytes (p, ctx->text + line_end - p, left, 3);
      close = byline_text_find_bytes (p, (next_open != NULL ? next_open : ctx->text + line_end) - p,
                                      right, 3);
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
  GArray *quotes = ctx->body->block_quotes;

  for (guint i = 0; i < quotes->len; i++)
    {
      const BylineBodyQuote *quote = &g_array_index (quotes, BylineBodyQuote, i);
      gsize start = quote->start;

      /* A quote inside a quote is the same finding. */
      if (quote->nested)
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
  GArray *tables = ctx->body->large_tables;

  for (guint i = 0; i < tables->len; i++)
    {
      const BylineLargeTable *table = &g_array_index (tables, BylineLargeTable, i);
      gsize start = MIN (table->offset, ctx->length);
      const char *nl = memchr (ctx->text + start, '\n', ctx->length - start);

      byline_lint_report (ctx, start, nl != NULL ? (gsize) (nl - ctx->text) : ctx->length, NULL,
                          _("This table of %u columns and %u rows is too large to lay out "
                            "safely: the preview shows it as text. Split it into smaller "
                            "tables"),
                          table->columns, table->rows);
    }
}
