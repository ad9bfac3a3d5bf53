/* byline-hugo-shortcodes.c — dispatch, helpers, details, qr and comment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The HTML follows Hugo's embedded templates (tpl/tplimpl/embedded/
 * templates/_shortcodes/, at gohugoio/hugo d31a927), white space
 * included, so that the preview and `byline-cli render` show what the site
 * publishes. Values are escaped as html/template escapes them there.
 */

#define G_LOG_DOMAIN "byline-hugo-shortcodes"

#include "config.h"

#include "byline-hugo-shortcodes-private.h"

#include "byline-gotmpl-escape.h"

#include <glib/gi18n-lib.h>
#include <string.h>

GQuark
byline_hugo_shortcode_error_quark (void)
{
  return g_quark_from_static_string ("byline-hugo-shortcode-error-quark");
}

/* Helpers */

const char *
byline_hugo_get (const BylineShortcode *call,
                 const char            *name,
                 int                    position)
{
  const BylineShortcodeParam *param = NULL;

  if (name != NULL)
    param = byline_shortcode_get_param (call, name);
  if (param == NULL && position >= 0)
    param = byline_shortcode_get_nth (call, (guint) position);

  return param != NULL ? param->value : NULL;
}

static const BylineShortcodeParam *
find_param_by_value (const BylineShortcode *call,
                     const char            *value)
{
  for (guint i = 0; call->params != NULL && i < call->params->len; i++)
    {
      const BylineShortcodeParam *param = g_ptr_array_index (call->params, i);

      if (param->value == value)
        return param;
    }
  return NULL;
}

gboolean
byline_hugo_truthy (const char            *value,
                    const BylineShortcode *call,
                    const char            *name)
{
  const BylineShortcodeParam *param;

  if (value == NULL || *value == '\0')
    return FALSE;

  param = name != NULL ? byline_shortcode_get_param (call, name) : NULL;
  if (param == NULL || param->value != value)
    param = find_param_by_value (call, value);
  if (param != NULL && param->quote == BYLINE_PARAM_BARE &&
      (strcmp (value, "false") == 0 || strcmp (value, "0") == 0))
    return FALSE;

  return TRUE;
}

int
byline_hugo_get_bool (const BylineShortcode *call,
                      const char            *name)
{
  const BylineShortcodeParam *param = byline_shortcode_get_param (call, name);
  gboolean bare;

  if (param == NULL || param->value == NULL)
    return -1;

  /* Bare true, false and numbers are typed by Hugo's parser; quoted
   * "true" and "false" match the strings in the slice, a quoted "1" does
   * not match the number. */
  bare = param->quote == BYLINE_PARAM_BARE;
  if (strcmp (param->value, "true") == 0 || (bare && strcmp (param->value, "1") == 0))
    return 1;
  if (strcmp (param->value, "false") == 0 || (bare && strcmp (param->value, "0") == 0))
    return 0;

  return -1;
}

static void
append_escaped (GString                   *out,
                const char                *value,
                const BylineGotmplEscaper *escapers,
                guint                      n_escapers)
{
  g_auto(BylineGotmplValue) v = byline_gotmpl_string (value != NULL ? value : "");
  GString *escaped = byline_gotmpl_escape_value (&v, escapers, n_escapers);

  g_string_append_len (out, escaped->str, escaped->len);
  g_string_free (escaped, TRUE);
}

void
byline_hugo_append_text (GString    *out,
                         const char *value)
{
  static const BylineGotmplEscaper escapers[] = { BYLINE_GOTMPL_ESC_HTML };

  append_escaped (out, value, escapers, G_N_ELEMENTS (escapers));
}

void
byline_hugo_append_attr (GString    *out,
                         const char *value)
{
  static const BylineGotmplEscaper escapers[] = { BYLINE_GOTMPL_ESC_ATTR };

  append_escaped (out, value, escapers, G_N_ELEMENTS (escapers));
}

void
byline_hugo_append_url (GString    *out,
                        const char *value,
                        gboolean    trusted)
{
  static const BylineGotmplEscaper untrusted_escapers[] = {
    BYLINE_GOTMPL_ESC_URL_FILTER, BYLINE_GOTMPL_ESC_URL_NORMALIZER, BYLINE_GOTMPL_ESC_ATTR,
  };

  if (trusted)
    append_escaped (out, value, untrusted_escapers + 1, G_N_ELEMENTS (untrusted_escapers) - 1);
  else
    append_escaped (out, value, untrusted_escapers, G_N_ELEMENTS (untrusted_escapers));
}

void
byline_hugo_append_param_attr (GString               *out,
                               const BylineShortcode *call,
                               const char            *name)
{
  const char *value = byline_hugo_get (call, name, -1);

  if (!byline_hugo_truthy (value, call, name))
    return;
  g_string_append_printf (out, " %s=\"", name);
  byline_hugo_append_attr (out, value);
  g_string_append_c (out, '"');
}

/* Parses @markdown as the writer wants it; the caller frees the document. */
static cmark_node *
parse_markdown (const BylineGoldmarkSettings *settings,
                const char                   *markdown,
                gsize                         length)
{
  cmark_parser *parser = byline_goldmark_parser_new (settings);
  cmark_node *document;

  cmark_parser_feed (parser, markdown, length);
  document = cmark_parser_finish (parser);
  cmark_parser_free (parser);

  return document;
}

static cmark_node *
single_paragraph (cmark_node *document)
{
  cmark_node *first = cmark_node_first_child (document);

  if (first != NULL && cmark_node_next (first) == NULL &&
      cmark_node_get_type (first) == CMARK_NODE_PARAGRAPH)
    return first;
  return NULL;
}

char *
byline_hugo_markdownify (const BylineGoldmarkSettings *settings,
                         gboolean                      tagfilter,
                         const char                   *markdown,
                         gboolean                      block)
{
  g_autoptr(BylineGoldmarkSettings) defaults = NULL;
  g_autoptr(BylineGoldmark) writer = NULL;
  cmark_node *document;
  cmark_node *paragraph;
  GString *html = g_string_new (NULL);
  gsize length = markdown != NULL ? strlen (markdown) : 0;

  if (length == 0)
    return g_string_free (html, FALSE);

  if (settings == NULL)
    settings = defaults = byline_goldmark_settings_new ();

  document = parse_markdown (settings, markdown, length);
  writer = byline_goldmark_new (settings, document, markdown, length);
  byline_goldmark_set_tagfilter (writer, tagfilter);

  paragraph = block ? NULL : single_paragraph (document);
  if (paragraph != NULL)
    {
      g_autoptr(GString) para = g_string_new (NULL);

      byline_goldmark_render_block (writer, paragraph, para, NULL);
      while (para->len > 0 && para->str[para->len - 1] == '\n')
        g_string_truncate (para, para->len - 1);
      if (g_str_has_prefix (para->str, "<p>") && g_str_has_suffix (para->str, "</p>"))
        g_string_append_len (html, para->str + 3, para->len - 7);
      else
        g_string_append_len (html, para->str, para->len);
    }
  else
    {
      byline_goldmark_render_document (writer, html);
      /* Hugo trims what markdownify returns; RenderString for a block keeps
       * the last newline. */
      while (!block && html->len > 0 && html->str[html->len - 1] == '\n')
        g_string_truncate (html, html->len - 1);
    }

  g_clear_pointer (&writer, byline_goldmark_free);
  cmark_node_free (document);

  return g_string_free (html, FALSE);
}

static char *
markdownify (const BylineHugoShortcodeCall *self,
             const char                    *markdown,
             gboolean                       block)
{
  return byline_hugo_markdownify (self->goldmark, self->tagfilter, markdown, block);
}

/* The page's file, as the site's page index names it; NULL without one. */
char *
byline_hugo_post_file_path (const BylineHugoShortcodeCall *self)
{
  GFile *file = self->bundle != NULL ? byline_bundle_get_post_file (self->bundle) : NULL;

  return file != NULL ? g_file_get_path (file) : NULL;
}

/* details */

static char *
render_details (const BylineHugoShortcodeCall *self)
{
  const BylineShortcode *call = self->call;
  const char *summary = byline_hugo_get (call, "summary", -1);
  g_autofree char *summary_html = NULL;
  g_autofree char *inner_html = NULL;
  GString *out = g_string_new ("<details");

  byline_hugo_append_param_attr (out, call, "class");
  byline_hugo_append_param_attr (out, call, "name");
  if (byline_hugo_get_bool (call, "open") == 1)
    g_string_append (out, " open");
  byline_hugo_append_param_attr (out, call, "title");

  if (!byline_hugo_truthy (summary, call, "summary"))
    summary = "Details";
  summary_html = markdownify (self, summary, FALSE);
  g_string_append_printf (out, ">\n\t<summary>%s</summary>\n\t", summary_html);

  if (self->inner != NULL && self->render_inner != NULL)
    inner_html = self->render_inner (self->user_data);
  if (inner_html != NULL && *inner_html != '\0' && !g_str_has_suffix (inner_html, "\n"))
    {
      /* The renderer ends each block with a newline but writes a lone
       * paragraph as markdownify does, without its <p> (and newline);
       * RenderString for a block keeps it. */
      g_string_append_printf (out, "<p>%s</p>\n", inner_html);
    }
  else if (inner_html != NULL)
    {
      g_string_append (out, inner_html);
    }
  else if (self->inner != NULL)
    {
      g_autofree char *inner = g_strndup (self->inner, self->inner_len);

      inner_html = markdownify (self, inner, TRUE);
      g_string_append (out, inner_html);
    }
  g_string_append (out, "</details>");

  return g_string_free (out, FALSE);
}

/* qr: Hugo writes a PNG of the code; the preview shows its text. */

static char *
render_qr (const BylineHugoShortcodeCall  *self,
           GError                        **error)
{
  static const char * const levels[] = { "low", "medium", "quartile", "high" };
  const BylineShortcode *call = self->call;
  const char *level = byline_hugo_get (call, "level", -1);
  const char *scale = byline_hugo_get (call, "scale", -1);
  const char *alt = byline_hugo_get (call, "alt", -1);
  const char *class = byline_hugo_get (call, "class", -1);
  g_autofree char *text = g_strdup (byline_hugo_get (call, "text", -1));
  g_autofree char *label = NULL;
  gint64 scale_value;
  gboolean level_ok = FALSE;
  GString *out;

  if (text == NULL || *text == '\0')
    {
      g_free (text);
      text = self->inner != NULL ? g_strstrip (g_strndup (self->inner, self->inner_len)) : NULL;
    }
  if (text == NULL || *text == '\0')
    {
      g_set_error (error, BYLINE_HUGO_SHORTCODE_ERROR, BYLINE_HUGO_SHORTCODE_ERROR_BAD_PARAMS,
                   _("The qr shortcode needs a text argument or inner text"));
      return NULL;
    }
  if (level == NULL || *level == '\0')
    level = "medium";
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    level_ok |= strcmp (level, levels[i]) == 0;
  if (!level_ok)
    {
      g_set_error (error, BYLINE_HUGO_SHORTCODE_ERROR, BYLINE_HUGO_SHORTCODE_ERROR_BAD_PARAMS,
                   _("The qr shortcode’s level must be one of low, medium, quartile, or high"));
      return NULL;
    }
  if (scale != NULL && *scale != '\0' &&
      (!g_ascii_string_to_signed (scale, 10, G_MININT64, G_MAXINT64, &scale_value, NULL) ||
       scale_value < 2))
    {
      g_set_error (error, BYLINE_HUGO_SHORTCODE_ERROR, BYLINE_HUGO_SHORTCODE_ERROR_BAD_PARAMS,
                   _("The qr shortcode’s scale must be an integer greater than or equal to 2"));
      return NULL;
    }

  out = g_string_new ("<div class=\"byline-qr");
  if (byline_hugo_truthy (class, call, "class"))
    {
      g_string_append_c (out, ' ');
      byline_hugo_append_attr (out, class);
    }
  g_string_append_c (out, '"');
  byline_hugo_append_param_attr (out, call, "id");
  byline_hugo_append_param_attr (out, call, "title");
  label = byline_hugo_truthy (alt, call, "alt")
    ? g_strdup (alt)
    : g_strdup_printf (_("QR code: %s"), text);
  g_string_append (out, " role=\"img\" aria-label=\"");
  byline_hugo_append_attr (out, label);
  g_string_append (out, "\"><span class=\"byline-qr-label\">");
  byline_hugo_append_text (out, _("QR code"));
  g_string_append (out, "</span> <span class=\"byline-qr-text\">");
  byline_hugo_append_text (out, text);
  g_string_append (out, "</span></div>");

  return g_string_free (out, FALSE);
}

/* Dispatch */

static const char * const builtins[] = {
  "comment", "details", "figure", "gist", "highlight", "instagram", "param", "qr", "ref",
  "relref", "tweet", "twitter", "vimeo", "x", "youtube",
};

gboolean
byline_hugo_shortcode_is_builtin (const char *name)
{
  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    if (strcmp (name, builtins[i]) == 0)
      return TRUE;

  return FALSE;
}

gboolean
byline_hugo_shortcode_is_inline (const char *name)
{
  return name != NULL &&
         (strcmp (name, "param") == 0 || strcmp (name, "ref") == 0 || strcmp (name, "relref") == 0);
}

char *
byline_hugo_shortcode_render (const BylineHugoShortcodeCall  *self,
                              GError                        **error)
{
  const char *name;

  g_return_val_if_fail (self != NULL && self->call != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = self->call->name;
  if (!byline_hugo_shortcode_is_builtin (name))
    {
      g_set_error (error, BYLINE_HUGO_SHORTCODE_ERROR, BYLINE_HUGO_SHORTCODE_ERROR_BAD_PARAMS,
                   _("“%s” is not one of Hugo’s shortcodes"), name != NULL ? name : "");
      return NULL;
    }

  if (strcmp (name, "comment") == 0)
    return g_strdup ("");
  if (strcmp (name, "figure") == 0)
    return byline_hugo_render_figure (self);
  if (strcmp (name, "details") == 0)
    return render_details (self);
  if (strcmp (name, "highlight") == 0)
    return byline_hugo_render_highlight (self, error);
  if (strcmp (name, "param") == 0)
    return byline_hugo_render_param (self, error);
  if (strcmp (name, "ref") == 0 || strcmp (name, "relref") == 0)
    return byline_hugo_render_ref (self, strcmp (name, "relref") == 0, error);
  if (strcmp (name, "qr") == 0)
    return render_qr (self, error);

  g_assert (byline_hugo_is_embed (name));
  return byline_hugo_render_embed (self, error);
}
