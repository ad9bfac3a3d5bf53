/* byline-hugo-shortcodes.c — figure, details, param, ref, relref, qr, comment
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
#include "byline-gotmpl-funcs-private.h"
#include "byline-post-layout.h"

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

char *
byline_hugo_markdownify (const BylineGoldmarkSettings *settings,
                         gboolean                      tagfilter,
                         const char                   *markdown,
                         gboolean                      block)
{
  g_autoptr(BylineGoldmarkSettings) defaults = NULL;
  g_autoptr(BylineGoldmark) writer = NULL;
  cmark_parser *parser;
  cmark_node *document;
  cmark_node *first;
  GString *html = g_string_new (NULL);
  gsize length = markdown != NULL ? strlen (markdown) : 0;

  if (length == 0)
    return g_string_free (html, FALSE);

  if (settings == NULL)
    settings = defaults = byline_goldmark_settings_new ();

  parser = byline_goldmark_parser_new (settings);
  cmark_parser_feed (parser, markdown, length);
  document = cmark_parser_finish (parser);
  writer = byline_goldmark_new (settings, document, markdown, length);
  byline_goldmark_set_tagfilter (writer, tagfilter);

  first = cmark_node_first_child (document);
  if (!block && first != NULL && cmark_node_next (first) == NULL &&
      cmark_node_get_type (first) == CMARK_NODE_PARAGRAPH)
    {
      g_autoptr(GString) para = g_string_new (NULL);

      byline_goldmark_render_block (writer, first, para, NULL);
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
  cmark_parser_free (parser);

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
static char *
post_file_path (const BylineHugoShortcodeCall *self)
{
  GFile *file = self->bundle != NULL ? byline_bundle_get_post_file (self->bundle) : NULL;

  return file != NULL ? g_file_get_path (file) : NULL;
}

/* The front matter as the post has it now (not as last saved), or NULL. */
static BylineData *
read_front_matter (const BylineHugoShortcodeCall *self)
{
  const BylinePostLayout *layout;
  const char *text;

  if (self->post == NULL)
    return NULL;
  layout = byline_post_get_layout (self->post);
  text = byline_post_get_text (self->post);
  if (layout == NULL || layout->yaml_end <= layout->yaml_start)
    return NULL;

  switch (layout->kind)
    {
    case BYLINE_FRONT_MATTER_YAML:
      return byline_data_read_yaml (text, layout->yaml_start, layout->yaml_end, NULL, NULL, NULL);
    case BYLINE_FRONT_MATTER_TOML:
      return byline_data_read_toml (text, layout->yaml_start, layout->yaml_end, NULL, NULL, NULL);
    case BYLINE_FRONT_MATTER_NONE:
    default:
      return NULL;
    }
}

/* figure */

static gboolean
has_scheme (const char *url)
{
  g_autofree char *scheme = g_uri_parse_scheme (url);

  return scheme != NULL || g_str_has_prefix (url, "//");
}

static char *
file_uri (const char *path)
{
  return g_filename_to_uri (path, NULL, NULL);
}

/* Hugo looks the path of src up as a page resource, then as a global
 * resource (assets/), and uses its .RelPermalink; other sources stay as
 * written. The preview shows the file from the disk: the bundle's through
 * its base URI, a site file by its own URI. static/ is looked in last, so
 * that the preview finds an image the site serves from there. */
static char *
figure_source (const BylineHugoShortcodeCall *self,
               const char                    *src,
               gboolean                      *trusted)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *found = NULL;
  const char *relative;

  *trusted = FALSE;
  if (src == NULL || *src == '\0' || has_scheme (src))
    return g_strdup (src != NULL ? src : "");

  if (self->bundle != NULL && byline_bundle_classify_link (src, &name) == BYLINE_LINK_BUNDLE &&
      name != NULL && *name != '\0' && byline_bundle_has_file (self->bundle, name))
    {
      g_autofree char *escaped = g_uri_escape_string (name, "/", TRUE);
      g_autofree char *post_file = NULL;

      if (self->base_uri != NULL)
        {
          *trusted = TRUE;
          return g_strconcat (self->base_uri, escaped, NULL);
        }
      post_file = post_file_path (self);

      if (self->site != NULL && post_file != NULL)
        {
          g_autoptr(BylineSitePages) pages = byline_site_get_pages (self->site);
          const BylineSitePage *page = pages != NULL
            ? byline_site_pages_lookup_file (pages, post_file) : NULL;

          if (page != NULL)
            return g_strconcat (byline_site_page_get_rel_permalink (page), escaped, NULL);
        }
      return g_strdup (src);
    }

  if (self->site == NULL || byline_site_get_root (self->site) == NULL)
    return g_strdup (src);

  path = g_uri_unescape_segment (src, src + strcspn (src, "?#"), NULL);
  if (path == NULL)
    return g_strdup (src);
  for (relative = path; *relative == '/'; relative++)
    ;
  if (*relative == '\0')
    return g_strdup (src);

  found = byline_site_find_file (self->site, BYLINE_SITE_FOLDER_ASSETS, relative);
  if (found != NULL)
    {
      if (self->base_uri != NULL)
        {
          *trusted = TRUE;
          return file_uri (found);
        }
      return g_strconcat ("/", relative, NULL);
    }

  found = byline_site_find_file (self->site, BYLINE_SITE_FOLDER_STATIC, relative);
  if (found != NULL && self->base_uri != NULL)
    {
      *trusted = TRUE;
      return file_uri (found);
    }

  return g_strdup (src);
}

static char *
render_figure (const BylineHugoShortcodeCall *self)
{
  const BylineShortcode *call = self->call;
  const char *class = byline_hugo_get (call, "class", -1);
  const char *link = byline_hugo_get (call, "link", -1);
  const char *target = byline_hugo_get (call, "target", -1);
  const char *rel = byline_hugo_get (call, "rel", -1);
  const char *alt = byline_hugo_get (call, "alt", -1);
  const char *caption = byline_hugo_get (call, "caption", -1);
  const char *title = byline_hugo_get (call, "title", -1);
  const char *attr = byline_hugo_get (call, "attr", -1);
  const char *attrlink = byline_hugo_get (call, "attrlink", -1);
  static const char * const sizes[] = { "width", "height", "loading" };
  gboolean has_link = byline_hugo_truthy (link, call, "link");
  gboolean has_caption = byline_hugo_truthy (caption, call, "caption");
  gboolean has_title = byline_hugo_truthy (title, call, "title");
  gboolean has_attr = byline_hugo_truthy (attr, call, "attr");
  g_autofree char *src = NULL;
  gboolean trusted;
  GString *out = g_string_new ("<figure");

  if (byline_hugo_truthy (class, call, "class"))
    {
      g_string_append (out, " class=\"");
      byline_hugo_append_attr (out, class);
      g_string_append_c (out, '"');
    }
  g_string_append_c (out, '>');

  if (has_link)
    {
      g_string_append (out, "<a href=\"");
      byline_hugo_append_url (out, link, FALSE);
      g_string_append_c (out, '"');
      if (byline_hugo_truthy (target, call, "target"))
        {
          g_string_append (out, " target=\"");
          byline_hugo_append_attr (out, target);
          g_string_append_c (out, '"');
        }
      if (byline_hugo_truthy (rel, call, "rel"))
        {
          g_string_append (out, " rel=\"");
          byline_hugo_append_attr (out, rel);
          g_string_append_c (out, '"');
        }
      g_string_append_c (out, '>');
    }

  src = figure_source (self, byline_hugo_get (call, "src", -1), &trusted);
  g_string_append (out, "<img src=\"");
  byline_hugo_append_url (out, src, trusted);
  g_string_append_c (out, '"');

  if (byline_hugo_truthy (alt, call, "alt") || has_caption)
    {
      g_string_append (out, "\n\t\t\talt=\"");
      if (byline_hugo_truthy (alt, call, "alt"))
        {
          byline_hugo_append_attr (out, alt);
        }
      else
        {
          g_autofree char *html = markdownify (self, caption, FALSE);
          g_autofree char *plain = byline_gotmpl_strip_html (html);

          byline_hugo_append_attr (out, plain);
        }
      g_string_append_c (out, '"');
    }

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      const char *value = byline_hugo_get (call, sizes[i], -1);

      if (!byline_hugo_truthy (value, call, sizes[i]))
        continue;
      g_string_append_printf (out, " %s=\"", sizes[i]);
      byline_hugo_append_attr (out, value);
      g_string_append_c (out, '"');
    }
  g_string_append_c (out, '>');

  if (has_link)
    g_string_append (out, "</a>");

  if (has_title || has_caption || has_attr)
    {
      g_string_append (out, "<figcaption>\n\t\t\t");
      if (has_title)
        {
          g_string_append (out, "<h4>");
          byline_hugo_append_text (out, title);
          g_string_append (out, "</h4>");
        }
      if (has_caption || has_attr)
        {
          g_autofree char *caption_html = markdownify (self, caption, FALSE);
          g_autofree char *attr_html = markdownify (self, attr, FALSE);
          gboolean has_attrlink = byline_hugo_truthy (attrlink, call, "attrlink");

          g_string_append (out, "<p>");
          g_string_append (out, caption_html);
          if (has_attrlink)
            {
              g_string_append (out, "\n\t\t\t\t\t\t<a href=\"");
              byline_hugo_append_url (out, attrlink, FALSE);
              g_string_append (out, "\">");
            }
          g_string_append (out, attr_html);
          if (has_attrlink)
            g_string_append (out, "</a>");
          g_string_append (out, "</p>");
        }
      g_string_append (out, "\n\t\t</figcaption>");
    }
  g_string_append (out, "\n</figure>");

  return g_string_free (out, FALSE);
}

/* details */

static gboolean
is_single_paragraph (const BylineHugoShortcodeCall *self,
                     const char                    *markdown,
                     gsize                          length)
{
  g_autoptr(BylineGoldmarkSettings) defaults = NULL;
  cmark_parser *parser;
  cmark_node *document;
  cmark_node *first;
  gboolean single;

  if (markdown == NULL)
    return FALSE;

  parser = byline_goldmark_parser_new (self->goldmark != NULL
                                       ? self->goldmark
                                       : (defaults = byline_goldmark_settings_new ()));
  cmark_parser_feed (parser, markdown, length);
  document = cmark_parser_finish (parser);
  first = cmark_node_first_child (document);
  single = first != NULL && cmark_node_next (first) == NULL &&
           cmark_node_get_type (first) == CMARK_NODE_PARAGRAPH;
  cmark_node_free (document);
  cmark_parser_free (parser);

  return single;
}

static char *
render_details (const BylineHugoShortcodeCall *self)
{
  const BylineShortcode *call = self->call;
  static const char * const attrs[] = { "class", "name" };
  const char *summary = byline_hugo_get (call, "summary", -1);
  const char *title = byline_hugo_get (call, "title", -1);
  g_autofree char *summary_html = NULL;
  g_autofree char *inner_html = NULL;
  GString *out = g_string_new ("<details");

  for (guint i = 0; i < G_N_ELEMENTS (attrs); i++)
    {
      const char *value = byline_hugo_get (call, attrs[i], -1);

      if (!byline_hugo_truthy (value, call, attrs[i]))
        continue;
      g_string_append_printf (out, " %s=\"", attrs[i]);
      byline_hugo_append_attr (out, value);
      g_string_append_c (out, '"');
    }
  if (byline_hugo_get_bool (call, "open") == 1)
    g_string_append (out, " open");
  if (byline_hugo_truthy (title, call, "title"))
    {
      g_string_append (out, " title=\"");
      byline_hugo_append_attr (out, title);
      g_string_append_c (out, '"');
    }

  if (!byline_hugo_truthy (summary, call, "summary"))
    summary = "Details";
  summary_html = markdownify (self, summary, FALSE);
  g_string_append_printf (out, ">\n\t<summary>%s</summary>\n\t", summary_html);

  if (self->inner != NULL && self->render_inner != NULL)
    inner_html = self->render_inner (self->user_data);
  if (inner_html != NULL && is_single_paragraph (self, self->inner, self->inner_len))
    {
      /* The renderer writes a lone paragraph as markdownify does, without
       * its <p>; RenderString for a block keeps it. */
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

/* param */

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void
append_go_value (GString          *out,
                 const BylineData *value)
{
  guint n;

  switch (byline_data_get_kind (value))
    {
    case BYLINE_DATA_LIST:
      /* fmt's %v of a slice. */
      n = byline_data_get_length (value);
      g_string_append_c (out, '[');
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append_c (out, ' ');
          append_go_value (out, byline_data_list_get (value, i));
        }
      g_string_append_c (out, ']');
      break;

    case BYLINE_DATA_MAP:
      {
        g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

        /* fmt prints a map's keys sorted, as Hugo lower-cases them. */
        n = byline_data_get_length (value);
        for (guint i = 0; i < n; i++)
          g_ptr_array_add (keys, byline_data_fold_key (byline_data_map_get_key (value, i)));
        g_ptr_array_sort (keys, compare_keys);
        g_string_append (out, "map[");
        for (guint i = 0; i < keys->len; i++)
          {
            const char *key = g_ptr_array_index (keys, i);

            if (i > 0 && strcmp (key, g_ptr_array_index (keys, i - 1)) == 0)
              continue;
            if (i > 0)
              g_string_append_c (out, ' ');
            g_string_append_printf (out, "%s:", key);
            append_go_value (out, byline_data_map_lookup_fold (value, key, NULL));
          }
        g_string_append_c (out, ']');
      }
      break;

    case BYLINE_DATA_NULL:
      break;

    default:
      {
        g_autofree char *text = byline_data_to_string (value);

        g_string_append (out, text != NULL ? text : byline_data_get_literal (value));
      }
      break;
    }
}

/* Go's truth of the value .Param returns: `with` skips false, 0, "" and
 * empty collections. */
static gboolean
data_is_truthy (const BylineData *value)
{
  gboolean b;
  gint64 i;
  double f;

  switch (byline_data_get_kind (value))
    {
    case BYLINE_DATA_NULL:
      return FALSE;
    case BYLINE_DATA_BOOL:
      return byline_data_get_bool (value, &b) && b;
    case BYLINE_DATA_INT:
      return byline_data_get_int (value, &i) && i != 0;
    case BYLINE_DATA_FLOAT:
      return byline_data_get_float (value, &f) && f != 0.0;
    case BYLINE_DATA_STRING:
      return *byline_data_get_string (value) != '\0';
    case BYLINE_DATA_LIST:
    case BYLINE_DATA_MAP:
      return byline_data_get_length (value) > 0;
    default:
      return TRUE;
    }
}

/* Hugo's Page.Param: the page's parameters (its front matter, whose
 * params map Hugo merges in), then the site's params; keys match
 * case-insensitively and a dotted key walks nested maps. */
static BylineData *
lookup_param (const BylineHugoShortcodeCall *self,
              BylineData                    *front_matter,
              const char                    *key)
{
  BylineData *value = NULL;

  if (front_matter != NULL)
    {
      BylineData *params = byline_data_map_lookup_fold (front_matter, "params", NULL);

      value = byline_data_lookup_path (front_matter, key);
      if (value == NULL && params != NULL)
        value = byline_data_lookup_path (params, key);
    }
  if (value == NULL && self->site != NULL)
    {
      BylineData *site_params = byline_site_get_params (self->site);

      if (site_params != NULL)
        value = byline_data_lookup_path (site_params, key);
    }

  return value;
}

static char *
render_param (const BylineHugoShortcodeCall  *self,
              GError                        **error)
{
  const char *key = byline_hugo_get (self->call, NULL, 0);
  g_autoptr(BylineData) front_matter = NULL;
  BylineData *value;
  g_autoptr(GString) text = NULL;
  GString *out;

  if (!byline_hugo_truthy (key, self->call, NULL))
    {
      g_set_error (error, BYLINE_HUGO_SHORTCODE_ERROR, BYLINE_HUGO_SHORTCODE_ERROR_BAD_PARAMS,
                   _("Missing param key: name the parameter, as in {{< param \"title\" >}}"));
      return NULL;
    }

  front_matter = read_front_matter (self);
  value = lookup_param (self, front_matter, key);
  if (value == NULL || !data_is_truthy (value))
    {
      g_set_error (error, BYLINE_HUGO_SHORTCODE_ERROR, BYLINE_HUGO_SHORTCODE_ERROR_NOT_FOUND,
                   _("Param “%s” not found in the page’s front matter nor the site’s params: "
                     "Hugo fails the build"), key);
      return NULL;
    }

  text = g_string_new (NULL);
  append_go_value (text, value);
  out = g_string_new (NULL);
  byline_hugo_append_text (out, text->str);

  return g_string_free (out, FALSE);
}

/* ref, relref */

static char *
render_ref (const BylineHugoShortcodeCall  *self,
            gboolean                        relative,
            GError                        **error)
{
  const BylineShortcode *call = self->call;
  const char *path = byline_hugo_get (call, "path", 0);
  const char *lang = byline_hugo_get (call, "lang", -1);
  const char *format = byline_hugo_get (call, "outputFormat", -1);
  g_autofree char *url = NULL;
  g_autofree char *post_file = post_file_path (self);
  GString *out;

  if (self->site == NULL || byline_site_get_root (self->site) == NULL)
    {
      g_set_error (error, BYLINE_HUGO_SHORTCODE_ERROR, BYLINE_HUGO_SHORTCODE_ERROR_NO_SITE,
                   _("The post is not in a Hugo site: its pages are unknown"));
      return NULL;
    }
  if (format != NULL && *format != '\0' && g_ascii_strcasecmp (format, "html") != 0)
    {
      g_set_error (error, BYLINE_HUGO_SHORTCODE_ERROR, BYLINE_HUGO_SHORTCODE_ERROR_BAD_PARAMS,
                   _("Links to the “%s” output format are not shown in the preview"), format);
      return NULL;
    }

  url = byline_site_ref (self->site, post_file, path != NULL ? path : "",
                         lang != NULL && *lang != '\0' ? lang : NULL, relative, error);
  if (url == NULL)
    return NULL;

  out = g_string_new (NULL);
  byline_hugo_append_text (out, url);

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
  const char *id = byline_hugo_get (call, "id", -1);
  const char *title = byline_hugo_get (call, "title", -1);
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
  if (byline_hugo_truthy (id, call, "id"))
    {
      g_string_append (out, " id=\"");
      byline_hugo_append_attr (out, id);
      g_string_append_c (out, '"');
    }
  if (byline_hugo_truthy (title, call, "title"))
    {
      g_string_append (out, " title=\"");
      byline_hugo_append_attr (out, title);
      g_string_append_c (out, '"');
    }
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
    return render_figure (self);
  if (strcmp (name, "details") == 0)
    return render_details (self);
  if (strcmp (name, "highlight") == 0)
    return byline_hugo_render_highlight (self, error);
  if (strcmp (name, "param") == 0)
    return render_param (self, error);
  if (strcmp (name, "ref") == 0 || strcmp (name, "relref") == 0)
    return render_ref (self, strcmp (name, "relref") == 0, error);
  if (strcmp (name, "qr") == 0)
    return render_qr (self, error);

  g_assert (byline_hugo_is_embed (name));
  return byline_hugo_render_embed (self, error);
}
