/* byline-hugo-shortcodes-figure.c — the figure shortcode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As Hugo's figure.html (tpl/tplimpl/embedded/templates/_shortcodes/, at
 * gohugoio/hugo d31a927) writes it, white space included; src is looked up
 * as that template looks it up.
 */

#define G_LOG_DOMAIN "byline-hugo-shortcodes"

#include "config.h"

#include "byline-hugo-shortcodes-private.h"

#include "byline-gotmpl-funcs-private.h"

#include <string.h>

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
      post_file = byline_hugo_post_file_path (self);

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

char *
byline_hugo_render_figure (const BylineHugoShortcodeCall *self)
{
  const BylineShortcode *call = self->call;
  const char *link = byline_hugo_get (call, "link", -1);
  const char *alt = byline_hugo_get (call, "alt", -1);
  const char *caption = byline_hugo_get (call, "caption", -1);
  const char *title = byline_hugo_get (call, "title", -1);
  const char *attr = byline_hugo_get (call, "attr", -1);
  const char *attrlink = byline_hugo_get (call, "attrlink", -1);
  gboolean has_link = byline_hugo_truthy (link, call, "link");
  gboolean has_caption = byline_hugo_truthy (caption, call, "caption");
  gboolean has_title = byline_hugo_truthy (title, call, "title");
  gboolean has_attr = byline_hugo_truthy (attr, call, "attr");
  g_autofree char *src = NULL;
  gboolean trusted;
  GString *out = g_string_new ("<figure");

  byline_hugo_append_param_attr (out, call, "class");
  g_string_append_c (out, '>');

  if (has_link)
    {
      g_string_append (out, "<a href=\"");
      byline_hugo_append_url (out, link, FALSE);
      g_string_append_c (out, '"');
      byline_hugo_append_param_attr (out, call, "target");
      byline_hugo_append_param_attr (out, call, "rel");
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
          g_autofree char *html = byline_hugo_markdownify (self->goldmark, self->tagfilter, caption, FALSE);
          g_autofree char *plain = byline_gotmpl_strip_html (html);

          byline_hugo_append_attr (out, plain);
        }
      g_string_append_c (out, '"');
    }

  byline_hugo_append_param_attr (out, call, "width");
  byline_hugo_append_param_attr (out, call, "height");
  byline_hugo_append_param_attr (out, call, "loading");
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
          g_autofree char *caption_html = byline_hugo_markdownify (self->goldmark, self->tagfilter, caption, FALSE);
          g_autofree char *attr_html = byline_hugo_markdownify (self->goldmark, self->tagfilter, attr, FALSE);
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
