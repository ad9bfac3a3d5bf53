/* byline-profile-presets.c — the Hugo base profile, the built-in presets,
 * and the profile of a site
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every site gets the Hugo profile: Hugo's own front-matter keys with their
 * types (hugoDocs content/en/content-management/front-matter.md, "Fields"),
 * Hugo's embedded shortcodes (tpl/tplimpl/embedded/templates/_shortcodes/)
 * and only the rules that hold on every Hugo site. A site without a
 * .byline.yml adds what its own posts show (byline-profile-learn.c). The
 * istio.io blog's profile is a preset, chosen by the site's baseURL or by
 * "extends: istio" in a .byline.yml; its house rules apply only there.
 */

#define G_LOG_DOMAIN "byline-profile"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "byline-data.h"
#include "byline-profile.h"
#include "byline-profile-private.h"

#include <string.h>

#define BUILTIN_STYLESHEET RESOURCE_BASE "/style/post.css"

typedef struct
{
  const char      *key;
  const char      *label;
  BylineFieldType  type;
} HugoField;

/* Hugo's predefined keys, in the order a form shows them. Hugo reads
 * aliases, keywords, images and outputs with cast.ToStringSlice, so a
 * single string is a list of one (resources/page/pagemeta/page_frontmatter.go). */
static const HugoField hugo_fields[] = {
  { "title", N_("Title"), BYLINE_FIELD_STRING },
  { "linkTitle", N_("Link title"), BYLINE_FIELD_STRING },
  { "date", N_("Date"), BYLINE_FIELD_DATE },
  { "publishDate", N_("Publish date"), BYLINE_FIELD_DATE },
  { "lastmod", N_("Last modified"), BYLINE_FIELD_DATE },
  { "expiryDate", N_("Expiry date"), BYLINE_FIELD_DATE },
  { "draft", N_("Draft"), BYLINE_FIELD_BOOL },
  { "description", N_("Description"), BYLINE_FIELD_TEXT },
  { "summary", N_("Summary"), BYLINE_FIELD_TEXT },
  { "keywords", N_("Keywords"), BYLINE_FIELD_STRING_LIST },
  { "slug", N_("Slug"), BYLINE_FIELD_STRING },
  { "url", N_("URL"), BYLINE_FIELD_STRING },
  { "aliases", N_("Aliases"), BYLINE_FIELD_STRING_LIST },
  { "weight", N_("Weight"), BYLINE_FIELD_INTEGER },
  { "images", N_("Images"), BYLINE_FIELD_STRING_LIST },
  { "layout", N_("Layout"), BYLINE_FIELD_STRING },
  { "type", N_("Content type"), BYLINE_FIELD_STRING },
  { "markup", N_("Markup"), BYLINE_FIELD_STRING },
  { "headless", N_("Headless"), BYLINE_FIELD_BOOL },
  { "isCJKLanguage", N_("CJK language"), BYLINE_FIELD_BOOL },
  { "translationKey", N_("Translation key"), BYLINE_FIELD_STRING },
  { "outputs", N_("Output formats"), BYLINE_FIELD_STRING_LIST },
  /* Values that are tables or lists of tables. */
  { "params", N_("Parameters"), BYLINE_FIELD_ANY },
  { "resources", N_("Resources"), BYLINE_FIELD_ANY },
  { "build", N_("Build options"), BYLINE_FIELD_ANY },
  { "cascade", N_("Cascade"), BYLINE_FIELD_ANY },
  { "sitemap", N_("Sitemap"), BYLINE_FIELD_ANY },
  { "menus", N_("Menus"), BYLINE_FIELD_ANY },
  { "menu", N_("Menus"), BYLINE_FIELD_ANY },
  { "sites", N_("Sites"), BYLINE_FIELD_ANY },
  /* The other names Hugo's date fields answer to. */
  { "pubdate", N_("Publish date"), BYLINE_FIELD_DATE },
  { "published", N_("Publish date"), BYLINE_FIELD_DATE },
  { "modified", N_("Last modified"), BYLINE_FIELD_DATE },
  { "unpublishdate", N_("Expiry date"), BYLINE_FIELD_DATE },
};

typedef struct
{
  const char *name;
  gboolean    paired;        /* its template uses .Inner */
  const char *params;        /* space-separated; "0" for the first position */
} HugoShortcode;

/* Hugo's embedded shortcodes and their parameters (hugo-sites.md §3).
 * gist, twitter and tweet were removed in Hugo 0.156 but still build on
 * the many sites that pin an older Hugo. */
static const HugoShortcode hugo_shortcodes[] = {
  { "comment", TRUE, "" },
  { "details", TRUE, "summary open class name title" },
  { "figure", FALSE, "src alt width height loading class link target rel title caption attr "
                     "attrlink" },
  { "gist", FALSE, "0 1 2" },
  { "highlight", TRUE, "0 1" },
  { "instagram", FALSE, "0 1" },
  { "param", FALSE, "0" },
  { "qr", TRUE, "text level scale targetDir alt class id title loading" },
  { "ref", FALSE, "0 path lang outputFormat" },
  { "relref", FALSE, "0 path lang outputFormat" },
  { "tweet", FALSE, "0 user id" },
  { "twitter", FALSE, "0 user id" },
  { "vimeo", FALSE, "0 id class title loading allowFullScreen" },
  { "x", FALSE, "user id" },
  { "youtube", FALSE, "0 id allowFullScreen autoplay class controls end loading loop mute "
                      "start title" },
};

/* The istio.io house rules, which the Hugo profile switches off: they
 * check the site's own shortcodes (image, text) and its lint script. */
static const char * const house_rules[] = {
  "front-matter/description-period",
  "front-matter/description-length",
  "front-matter/target-release",
  "front-matter/social-image",
  "image/missing-file",
  "image/caption-period",
  "image/external-ratio",
  "image/missing-alt",
  "text/missing-syntax",
  "text/bash-prompt",
  "markdown/fenced-code",
  "markdown/curly-quote",
  "markdown/blockquote",
  "markdown/h1",
  "markdown/heading-skip",
  "markdown/trailing-space",
  "markdown/hard-tab",
  "link/site-domain",
  "link/github",
  NULL
};

void
byline_profile_set_rule_severity (BylineProfile  *self,
                                  const char     *rule_id,
                                  BylineSeverity  severity)
{
  RuleSetting *rule = g_hash_table_lookup (self->rules, rule_id);

  if (rule == NULL)
    {
      rule = g_new0 (RuleSetting, 1);
      rule->options = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (self->rules, g_strdup (rule_id), rule);
    }
  rule->has_severity = TRUE;
  rule->severity = severity;
}

BylineFieldSpec *
byline_profile_add_field (BylineProfile   *self,
                          const char      *key,
                          const char      *label,
                          BylineFieldType  type)
{
  BylineFieldSpec *spec = g_new0 (BylineFieldSpec, 1);

  spec->key = g_strdup (key);
  spec->label = g_strdup (label != NULL ? label : key);
  spec->type = type;
  spec->missing = BYLINE_SEVERITY_OFF;
  g_ptr_array_add (self->fields, spec);
  return spec;
}

BylineShortcodeSpec *
byline_profile_add_shortcode (BylineProfile *self,
                              const char    *name,
                              gboolean       paired,
                              const char    *params)
{
  BylineShortcodeSpec *spec = g_new0 (BylineShortcodeSpec, 1);

  spec->name = g_strdup (name);
  spec->paired = paired;
  spec->any_params = params == NULL;
  spec->params = g_ptr_array_new_with_free_func (byline_param_spec_free);
  for (const char *p = params; p != NULL && *p != '\0';)
    {
      const char *end = strchr (p, ' ');

      if (end == NULL)
        end = p + strlen (p);

      if (end > p)
        {
          BylineParamSpec *param = g_new0 (BylineParamSpec, 1);

          param->name = g_strndup (p, end - p);
          g_ptr_array_add (spec->params, param);
        }
      p = *end == ' ' ? end + 1 : end;
    }
  g_hash_table_replace (self->shortcodes, spec->name, spec);
  return spec;
}

/**
 * byline_profile_new_hugo:
 *
 * Returns: (transfer full): the Hugo profile, which holds on every site.
 */
BylineProfile *
byline_profile_new_hugo (void)
{
  BylineProfile *self = g_object_new (BYLINE_TYPE_PROFILE, NULL);
  g_autoptr(GBytes) css = NULL;

  g_free (self->name);
  self->name = g_strdup (_("Hugo"));
  g_free (self->description);
  self->description = g_strdup (_("Hugo profile"));
  self->hugo_keys = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (hugo_fields); i++)
    byline_profile_add_field (self, hugo_fields[i].key, _(hugo_fields[i].label),
                              hugo_fields[i].type)->hidden = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (hugo_shortcodes); i++)
    byline_profile_add_shortcode (self, hugo_shortcodes[i].name, hugo_shortcodes[i].paired,
                                  hugo_shortcodes[i].params);
  for (guint i = 0; house_rules[i] != NULL; i++)
    byline_profile_set_rule_severity (self, house_rules[i], BYLINE_SEVERITY_OFF);

  css = g_resources_lookup_data (BUILTIN_STYLESHEET, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (css != NULL)
    g_string_append_len (self->stylesheet, g_bytes_get_data (css, NULL), g_bytes_get_size (css));

  byline_profile_update_indexes (self);
  return self;
}

/* The taxonomies of the site are keys of its front matter too. */
void
byline_profile_add_taxonomies (BylineProfile *self,
                               BylineSite    *site)
{
  guint n = byline_site_get_n_taxonomies (site);

  for (guint i = 0; i < n; i++)
    {
      const BylineSiteTaxonomy *taxonomy = byline_site_get_taxonomy (site, i);

      if (byline_profile_find_field (self, taxonomy->plural) < 0)
        byline_profile_add_field (self, taxonomy->plural, taxonomy->plural,
                                  BYLINE_FIELD_STRING_LIST)->hidden = TRUE;
    }
}

/**
 * byline_profile_new_preset:
 * @name: "hugo" or "istio"
 *
 * Returns: (transfer full) (nullable): the preset, or %NULL with @error
 *   when there is none of that name.
 */
BylineProfile *
byline_profile_new_preset (const char  *name,
                           GError     **error)
{
  g_return_val_if_fail (name != NULL, NULL);

  if (g_ascii_strcasecmp (name, "istio") == 0)
    {
      BylineProfile *self = byline_profile_new_builtin ();

      g_free (self->description);
      self->description = g_strdup (_("istio.io preset"));
      return self;
    }
  if (g_ascii_strcasecmp (name, "hugo") == 0)
    return byline_profile_new_hugo ();

  g_set_error (error, BYLINE_PROFILE_ERROR, BYLINE_PROFILE_ERROR_INVALID,
               _("There is no built-in profile “%s”: extends takes hugo or istio"), name);
  return NULL;
}

/* The preset a site's address calls for: istio.io and its subdomains. */
const char *
byline_profile_preset_for_url (const char *base_url)
{
  g_autoptr(GUri) uri = NULL;
  const char *host;

  if (base_url == NULL || base_url[0] == '\0')
    return NULL;
  uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  if (host == NULL)
    return NULL;
  if (g_ascii_strcasecmp (host, "istio.io") == 0 || g_str_has_suffix (host, ".istio.io"))
    return "istio";
  return NULL;
}

/* The "extends" of a profile file's text, or NULL. */
char *
byline_profile_read_extends (const char *data,
                             gsize       length)
{
  g_autoptr(BylineData) root = byline_data_read_yaml (data, 0, length, NULL, NULL, NULL);
  BylineData *extends;

  if (root == NULL || byline_data_get_kind (root) != BYLINE_DATA_MAP)
    return NULL;
  extends = byline_data_map_lookup (root, "extends");
  return extends != NULL ? byline_data_to_string (extends) : NULL;
}

static gboolean
load_file (GFile   *file,
           char   **contents,
           gsize   *length,
           GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = g_file_get_parse_name (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, error);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_size (info) > BYLINE_PROFILE_MAX_BYTES)
    {
      g_set_error (error, BYLINE_PROFILE_ERROR, BYLINE_PROFILE_ERROR_INVALID,
                   _("%s: The profile is larger than %u KiB; a profile never needs that"),
                   name, BYLINE_PROFILE_MAX_BYTES / 1024);
      return FALSE;
    }
  return g_file_load_contents (file, NULL, contents, length, NULL, error);
}

/**
 * byline_profile_new_for_site:
 * @site: the post's site (byline_site_lookup())
 *
 * The profile a post of @site is checked against: the preset its
 * .byline.yml extends, or the one its baseURL calls for; otherwise the
 * Hugo profile with what the site's posts show learned into it. The
 * site's .byline.yml is merged over it.
 *
 * Returns: (transfer full) (nullable): the profile, or %NULL with @error
 *   when the .byline.yml cannot be read or is not a profile.
 */
BylineProfile *
byline_profile_new_for_site (BylineSite  *site,
                             GError     **error)
{
  g_autoptr(BylineProfile) self = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *extends = NULL;
  g_autofree char *file_name = NULL;
  GFile *file;
  GFile *post;
  const char *preset;
  gsize length = 0;

  g_return_val_if_fail (BYLINE_IS_SITE (site), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = byline_site_get_profile_file (site);
  if (file != NULL)
    {
      if (!load_file (file, &contents, &length, error))
        return NULL;
      file_name = g_file_get_parse_name (file);
      extends = byline_profile_read_extends (contents, length);
    }

  preset = extends != NULL ? extends : byline_profile_preset_for_url (byline_site_get_base_url (site));
  if (preset != NULL)
    {
      self = byline_profile_new_preset (preset, error);
      if (self == NULL)
        {
          g_prefix_error (error, "%s: ", file_name != NULL ? file_name : "");
          return NULL;
        }
    }
  else
    {
      self = byline_profile_new_hugo ();
      /* Outside a site, its shortcodes are not known. */
      if (byline_site_get_root (site) == NULL)
        byline_profile_set_rule_severity (self, "shortcode/unknown", BYLINE_SEVERITY_WARNING);
      else
        {
          g_autofree char *path = NULL;

          post = byline_site_get_post_file (site);
          path = post != NULL ? g_file_get_path (post) : NULL;
          byline_profile_learn (self, site, path);
        }
    }

  if (contents != NULL && !byline_profile_merge_data (self, contents, length, file_name, error))
    return NULL;

  return g_steal_pointer (&self);
}
