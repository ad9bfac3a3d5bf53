/* byline-renderer-shortcodes.c — the HTML of one shortcode call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A call renders through its profile template. The template sees the call's
 * parameters by name and by position, and the values the renderer adds
 * (inner, inner_raw, src, ratio, params; see byline-renderer.h), each worked
 * out only when the template asks for it.
 */

#define G_LOG_DOMAIN "byline-renderer"

#include "config.h"

#include "byline-renderer-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

enum {
  VALUE_INNER,
  VALUE_INNER_RAW,
  VALUE_SRC,
  VALUE_RATIO,
  VALUE_PARAMS,
  N_VALUES
};

static const char * const value_names[N_VALUES] = {
  "inner", "inner_raw", "src", "ratio", "params",
};

typedef struct
{
  BylineRenderPass      *pass;
  BylineRenderJob       *job;
  const BylineShortcode *call;
  guint                  index;
  int                    close;
  gboolean               markdown;
  guint                  depth;
  gboolean               computed[N_VALUES];
  char                  *values[N_VALUES];
} ExpandContext;

static const BylineShortcode *
job_get_call (BylineRenderJob *job,
              guint            index)
{
  return g_ptr_array_index (job->calls, index);
}

gboolean
byline_render_job_call_is_block (BylineRenderJob *job,
                                 guint            index)
{
  const BylineShortcode *call = job_get_call (job, index);
  const BylineShortcodeSpec *spec;

  switch (call->kind)
    {
    case BYLINE_SHORTCODE_ESCAPED:
      return FALSE;

    case BYLINE_SHORTCODE_CLOSE:
      return TRUE;

    case BYLINE_SHORTCODE_OPEN:
    case BYLINE_SHORTCODE_SELF_CLOSING:
    default:
      spec = call->name != NULL ? byline_profile_lookup_shortcode (job->profile, call->name) : NULL;
      return spec == NULL || !spec->inline_;
    }
}

gboolean
byline_render_job_inner_is_markdown (BylineRenderJob *job,
                                     guint            index,
                                     gboolean        *for_hugo)
{
  const BylineShortcode *call = job_get_call (job, index);
  const BylineShortcodeSpec *spec = NULL;
  gboolean hugo;

  if (call->kind != BYLINE_SHORTCODE_OPEN || call->pair < 0)
    {
      *for_hugo = FALSE;
      return FALSE;
    }

  if (call->name != NULL)
    spec = byline_profile_lookup_shortcode (job->profile, call->name);

  /* {{% %}} calls hand Hugo Markdown, whatever the shortcode; the site's
   * own shortcodes say what they do with theirs, and an unknown one is
   * taken at its word as Markdown. */
  hugo = call->delim == BYLINE_SHORTCODE_PERCENT || spec == NULL || spec->markdown_inner;
  *for_hugo = hugo;

  /* The box shown for a call without a preview renders its inner text as
   * Markdown too. */
  return hugo || spec->template == NULL;
}

/* The text Hugo shows for an escaped call: the call without its comment marks. */
static char *
escaped_call_text (BylineRenderJob       *job,
                   const BylineShortcode *call)
{
  const char *text = job->text + call->span.start;
  gsize len = call->span.end - call->span.start;
  const char *open_mark = NULL;
  const char *close_mark = NULL;
  GString *result;

  for (gsize i = 3; i + 1 < len; i++)
    if (text[i] == '/' && text[i + 1] == '*')
      {
        open_mark = text + i;
        break;
      }

  for (gssize i = (gssize) len - 4; open_mark != NULL && text + i >= open_mark + 2; i--)
    if (text[i] == '*' && text[i + 1] == '/')
      {
        close_mark = text + i;
        break;
      }

  if (open_mark == NULL || close_mark == NULL)
    return g_strndup (text, len);

  result = g_string_new_len (text, open_mark - text);
  g_string_append_len (result, open_mark + 2, close_mark - (open_mark + 2));
  g_string_append_len (result, close_mark + 2, (text + len) - (close_mark + 2));

  return g_string_free (result, FALSE);
}

char *
byline_renderer_dedent_text (const char *text,
                             gsize       length)
{
  const char *start = text;
  const char *end = text + length;
  guint indent = G_MAXUINT;
  GString *result;

  while (start < end && (*start == '\n' || *start == '\r'))
    start++;
  while (end > start && (end[-1] == '\n' || end[-1] == '\r' || end[-1] == ' ' || end[-1] == '\t'))
    end--;

  for (const char *line = start; line < end;)
    {
      const char *nl = memchr (line, '\n', end - line);
      const char *line_end = nl != NULL ? nl : end;
      guint n = 0;

      while (line + n < line_end && (line[n] == ' ' || line[n] == '\t'))
        n++;
      if (line + n < line_end && line[n] != '\r')
        indent = MIN (indent, n);

      line = nl != NULL ? nl + 1 : end;
    }

  if (indent == G_MAXUINT)
    indent = 0;

  result = g_string_sized_new (end - start);
  for (const char *line = start; line < end;)
    {
      const char *nl = memchr (line, '\n', end - line);
      const char *line_end = nl != NULL ? nl + 1 : end;
      guint n = 0;

      while (n < indent && line + n < line_end && (line[n] == ' ' || line[n] == '\t'))
        n++;
      g_string_append_len (result, line + n, line_end - (line + n));

      line = line_end;
    }

  return g_string_free (result, FALSE);
}

/* The inner text of a plain shortcode with the calls in it replaced by their
 * output, as Hugo hands .Inner to a shortcode. */
static char *
substitute_inner (ExpandContext *ctx,
                  gsize          start,
                  gsize          end)
{
  BylineRenderJob *job = ctx->job;
  GString *result = g_string_sized_new (end - start);
  guint index = ctx->index + 1;
  gsize pos = start;
  guint call;
  int close;
  gsize extent_end;

  while (byline_render_job_next_call (job, &index, (guint) ctx->close, pos, end,
                                      &call, &close, &extent_end))
    {
      const BylineShortcode *nested = job_get_call (job, call);

      g_string_append_len (result, job->text + pos, nested->span.start - pos);
      if (nested->kind == BYLINE_SHORTCODE_ESCAPED)
        {
          g_autofree char *literal = escaped_call_text (job, nested);

          g_string_append (result, literal);
        }
      else
        {
          g_autofree char *html = byline_render_pass_expand_call (ctx->pass, call, close, FALSE,
                                                                  ctx->depth + 1);

          g_string_append (result, html);
        }
      pos = extent_end;
    }
  g_string_append_len (result, job->text + pos, end - pos);

  return g_string_free (result, FALSE);
}

static char *
compute_inner (ExpandContext *ctx)
{
  BylineRenderJob *job = ctx->job;
  const BylineShortcode *closing;
  g_autofree char *text = NULL;
  g_autofree char *dedented = NULL;
  gsize start;
  gsize end;

  if (ctx->close < 0)
    return NULL;

  closing = job_get_call (job, ctx->close);
  start = ctx->call->span.end;
  end = closing->span.start;

  if (ctx->depth + 1 < BYLINE_RENDERER_MAX_DEPTH)
    {
      if (ctx->markdown)
        return byline_render_pass_render_inner (ctx->pass, ctx->index, ctx->close,
                                                ctx->depth + 1);

      text = substitute_inner (ctx, start, end);
      dedented = byline_renderer_dedent_text (text, strlen (text));
      return byline_html_escape (dedented, -1);
    }

  /* Too deep: the rest is shown as the text it is, calls included. */
  dedented = byline_renderer_dedent_text (job->text + start, end - start);
  if (!ctx->markdown)
    return byline_html_escape (dedented, -1);

  text = byline_html_escape (dedented, -1);
  return g_strconcat ("<pre class=\"byline-too-deep\">", text, "</pre>", NULL);
}

static const char *
param_value (const BylineShortcode *call,
             const char            *name)
{
  const BylineShortcodeParam *param = byline_shortcode_get_param (call, name);

  return param != NULL ? param->value : NULL;
}

static char *
compute_src (ExpandContext *ctx)
{
  const char *link = param_value (ctx->call, "src");
  char *resolved;

  if (link == NULL || *link == '\0')
    link = param_value (ctx->call, "link");
  if (link == NULL || *link == '\0')
    return NULL;

  resolved = byline_render_job_resolve_link (ctx->job, link);
  return resolved != NULL ? resolved : g_strdup (link);
}

/* height / width as a percentage, the way the site's image shortcode sizes
 * its intrinsic-ratio wrapper: "56.25%". */
static char *
format_ratio (int width,
              int height)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  gsize len;

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", (double) height * 100.0 / (double) width);
  len = strlen (buffer);
  while (len > 0 && buffer[len - 1] == '0')
    len--;
  if (len > 0 && buffer[len - 1] == '.')
    len--;
  buffer[len] = '\0';

  return g_strconcat (buffer, "%", NULL);
}

static char *
compute_ratio (ExpandContext *ctx)
{
  const char *given = param_value (ctx->call, "ratio");
  const char *link;
  g_autofree char *name = NULL;
  int width = 0;
  int height = 0;

  if (given != NULL && *given != '\0')
    return g_strdup (given);

  link = param_value (ctx->call, "link");
  if (link == NULL)
    link = param_value (ctx->call, "src");
  if (link == NULL || ctx->job->bundle == NULL ||
      byline_bundle_classify_link (link, &name) != BYLINE_LINK_BUNDLE || name == NULL ||
      !byline_bundle_get_image_size (ctx->job->bundle, name, &width, &height) ||
      width <= 0 || height <= 0)
    return NULL;

  return format_ratio (width, height);
}

static char *
compute_params (const BylineShortcode *call)
{
  GString *result = g_string_new (NULL);

  for (guint i = 0; call->params != NULL && i < call->params->len; i++)
    {
      const BylineShortcodeParam *param = g_ptr_array_index (call->params, i);

      if (result->len > 0)
        g_string_append_c (result, ' ');
      if (param->name != NULL)
        g_string_append_printf (result, "%s=", param->name);
      g_string_append (result, param->value != NULL ? param->value : "");
    }

  return g_string_free (result, FALSE);
}

static gboolean
is_position (const char *name)
{
  if (*name == '\0')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static const char *
lookup_cb (const char *name,
           gpointer    user_data)
{
  ExpandContext *ctx = user_data;

  for (guint i = 0; i < N_VALUES; i++)
    {
      if (strcmp (name, value_names[i]) != 0)
        continue;

      if (!ctx->computed[i])
        {
          ctx->computed[i] = TRUE;
          switch (i)
            {
            case VALUE_INNER:
              ctx->values[i] = compute_inner (ctx);
              break;

            case VALUE_INNER_RAW:
              if (ctx->close >= 0)
                {
                  const BylineShortcode *closing = job_get_call (ctx->job, ctx->close);

                  ctx->values[i] = g_strndup (ctx->job->text + ctx->call->span.end,
                                              closing->span.start - ctx->call->span.end);
                }
              break;

            case VALUE_SRC:
              ctx->values[i] = compute_src (ctx);
              break;

            case VALUE_RATIO:
              ctx->values[i] = compute_ratio (ctx);
              break;

            case VALUE_PARAMS:
              ctx->values[i] = compute_params (ctx->call);
              break;

            default:
              g_assert_not_reached ();
            }
        }

      return ctx->values[i];
    }

  if (is_position (name))
    {
      guint64 position = g_ascii_strtoull (name, NULL, 10);
      const BylineShortcodeParam *param = position <= G_MAXUINT
        ? byline_shortcode_get_nth (ctx->call, (guint) position)
        : NULL;

      return param != NULL ? param->value : NULL;
    }

  return param_value (ctx->call, name);
}

/* What the preview shows instead of a call it cannot render: a labelled box
 * naming the call and its parameters, its inner text kept visible. */
static char *
placeholder_box (ExpandContext *ctx,
                 const char    *label,
                 gboolean       block)
{
  const char *tag = block ? "div" : "span";
  g_autofree char *params = compute_params (ctx->call);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "<%s class=\"byline-unknown-shortcode\">"
                               "<span class=\"byline-unknown-shortcode-label\">", tag);
  byline_html_escape_append (out, label, -1);
  g_string_append (out, "</span> <code class=\"byline-unknown-shortcode-name\">");
  if (ctx->call->kind == BYLINE_SHORTCODE_CLOSE)
    g_string_append_c (out, '/');
  byline_html_escape_append (out, ctx->call->name != NULL ? ctx->call->name : "", -1);
  g_string_append (out, "</code>");

  if (*params != '\0')
    {
      g_string_append (out, " <span class=\"byline-unknown-shortcode-params\">");
      byline_html_escape_append (out, params, -1);
      g_string_append (out, "</span>");
    }

  if (ctx->close >= 0)
    {
      g_autofree char *inner = NULL;

      /* A block box shows its inner text rendered, an inline one as text. */
      ctx->markdown = block;
      inner = compute_inner (ctx);
      g_string_append_printf (out, "<%s class=\"byline-unknown-shortcode-inner\">%s</%s>",
                              tag, inner != NULL ? inner : "", tag);
    }

  g_string_append_printf (out, "</%s>", tag);

  return g_string_free (out, FALSE);
}

char *
byline_render_pass_expand_call (BylineRenderPass *pass,
                                guint             index,
                                int               close,
                                gboolean          block,
                                guint             depth)
{
  BylineRenderJob *job = pass->job;
  ExpandContext ctx = { 0, };
  const BylineShortcodeSpec *spec = NULL;
  GString *out;

  ctx.pass = pass;
  ctx.job = job;
  ctx.call = job_get_call (job, index);
  ctx.index = index;
  ctx.close = close;
  ctx.depth = depth;

  if (ctx.call->kind == BYLINE_SHORTCODE_ESCAPED)
    {
      g_autofree char *literal = escaped_call_text (job, ctx.call);

      return byline_html_escape (literal, -1);
    }

  if (ctx.call->kind == BYLINE_SHORTCODE_CLOSE)
    return placeholder_box (&ctx, _("Closing tag without an opening one"), block);

  if (ctx.call->name != NULL)
    spec = byline_profile_lookup_shortcode (job->profile, ctx.call->name);
  if (spec == NULL)
    return placeholder_box (&ctx, _("Unknown shortcode"), block);
  if (spec->template == NULL)
    return placeholder_box (&ctx, _("Shortcode without a preview"), block);

  /* {{% %}} calls hand Hugo Markdown, whatever the shortcode. */
  ctx.markdown = spec->markdown_inner || ctx.call->delim == BYLINE_SHORTCODE_PERCENT;

  out = g_string_new (NULL);
  byline_template_expand (spec->template, out, lookup_cb, &ctx);

  for (guint i = 0; i < N_VALUES; i++)
    g_free (ctx.values[i]);

  return g_string_free (out, FALSE);
}
