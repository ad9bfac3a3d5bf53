/* byline-hugo-shortcodes-page.c — param, ref and relref
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shortcodes that read the page and its site: the page's parameters
 * (its front matter as edited, then the site's params) and the site's
 * pages, as Hugo's param.html, ref.html and relref.html do
 * (tpl/tplimpl/embedded/templates/_shortcodes/, at gohugoio/hugo d31a927).
 */

#define G_LOG_DOMAIN "byline-hugo-shortcodes"

#include "config.h"

#include "byline-hugo-shortcodes-private.h"

#include "byline-post-layout.h"

#include <glib/gi18n-lib.h>
#include <string.h>

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
    case BYLINE_FRONT_MATTER_JSON:
      return byline_data_read_json (text, layout->yaml_start, layout->yaml_end, NULL, NULL, NULL);
    case BYLINE_FRONT_MATTER_NONE:
    default:
      return NULL;
    }
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

char *
byline_hugo_render_param (const BylineHugoShortcodeCall  *self,
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

char *
byline_hugo_render_ref (const BylineHugoShortcodeCall  *self,
            gboolean                        relative,
            GError                        **error)
{
  const BylineShortcode *call = self->call;
  const char *path = byline_hugo_get (call, "path", 0);
  const char *lang = byline_hugo_get (call, "lang", -1);
  const char *format = byline_hugo_get (call, "outputFormat", -1);
  g_autofree char *url = NULL;
  g_autofree char *post_file = byline_hugo_post_file_path (self);
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
