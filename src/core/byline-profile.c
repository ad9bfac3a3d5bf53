/* byline-profile.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The profile object and its getters; byline-profile-loader.c reads the
 * YAML files into it.
 */

#define G_LOG_DOMAIN "byline-profile"

#include "config.h"

#include "byline-profile.h"
#include "byline-profile-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define BUILTIN_PROFILE RESOURCE_BASE "/profiles/istio.yml"
#define BUILTIN_STYLESHEET RESOURCE_BASE "/style/post.css"

G_DEFINE_FINAL_TYPE (BylineProfile, byline_profile, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (byline-profile-error-quark, byline_profile_error)

static void
byline_profile_finalize (GObject *object)
{
  BylineProfile *self = (BylineProfile *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->field_order, g_ptr_array_unref);
  g_clear_pointer (&self->shortcodes, g_hash_table_unref);
  g_clear_pointer (&self->shortcode_names, g_ptr_array_unref);
  g_clear_pointer (&self->rules, g_hash_table_unref);
  g_clear_pointer (&self->site_url, g_free);
  g_clear_pointer (&self->github_url, g_free);
  g_clear_pointer (&self->allowed_absolute_paths, g_strfreev);
  g_clear_pointer (&self->image_widths, g_strfreev);
  g_clear_pointer (&self->words, g_strfreev);
  g_clear_pointer (&self->post_template, byline_template_free);
  if (self->stylesheet != NULL)
    g_string_free (g_steal_pointer (&self->stylesheet), TRUE);

  G_OBJECT_CLASS (byline_profile_parent_class)->finalize (object);
}

static void
byline_profile_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BylineProfile *self = BYLINE_PROFILE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_profile_class_init (BylineProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_profile_finalize;
  object_class->get_property = byline_profile_get_property;

  /**
   * BylineProfile:name:
   *
   * The profile's name, as its files give it ("istio.io blog").
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_profile_init (BylineProfile *self)
{
  self->name = g_strdup ("");
  self->fields = g_ptr_array_new_with_free_func (byline_field_spec_free);
  self->field_order = g_ptr_array_new ();
  g_ptr_array_add (self->field_order, NULL);
  self->shortcodes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, byline_shortcode_spec_free);
  self->shortcode_names = g_ptr_array_new ();
  g_ptr_array_add (self->shortcode_names, NULL);
  self->rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, byline_rule_setting_free);
  self->site_url = g_strdup ("");
  self->github_url = g_strdup ("");
  self->allowed_absolute_paths = g_new0 (char *, 1);
  self->image_widths = g_new0 (char *, 1);
  /* Wide enough for a photo across a high-density screen's text column,
   * small enough to load quickly; quality 85 is where JPEG's artefacts
   * stop showing in photos. */
  self->image_max_width = 2400;
  self->jpeg_quality = 85;
  self->words = g_new0 (char *, 1);
  self->stylesheet = g_string_new (NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Rebuilds the arrays that the getters hand out. */
static void
update_indexes (BylineProfile *self)
{
  GHashTableIter iter;
  gpointer key;
  guint i;

  g_ptr_array_set_size (self->field_order, 0);
  for (i = 0; i < self->fields->len; i++)
    {
      const BylineFieldSpec *spec = g_ptr_array_index (self->fields, i);

      g_ptr_array_add (self->field_order, spec->key);
    }
  g_ptr_array_add (self->field_order, NULL);

  g_ptr_array_set_size (self->shortcode_names, 0);
  g_hash_table_iter_init (&iter, self->shortcodes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (self->shortcode_names, key);
  g_ptr_array_sort (self->shortcode_names, compare_names);
  g_ptr_array_add (self->shortcode_names, NULL);
}

/* Public API. */

/**
 * byline_profile_new_builtin:
 *
 * Returns: (transfer full): the built-in istio.io blog profile.
 */
BylineProfile *
byline_profile_new_builtin (void)
{
  g_autoptr(BylineProfile) self = g_object_new (BYLINE_TYPE_PROFILE, NULL);
  g_autoptr(GBytes) profile = NULL;
  g_autoptr(GBytes) css = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data;

  profile = g_resources_lookup_data (BUILTIN_PROFILE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (profile, &length);
  if (!byline_profile_load_yaml (self, data, length, "resource://" BUILTIN_PROFILE, TRUE,
                                 &error))
    g_error ("The built-in profile is broken: %s", error->message);

  css = g_resources_lookup_data (BUILTIN_STYLESHEET, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (css, &length);
  g_string_prepend_len (self->stylesheet, data, length);

  update_indexes (self);
  return g_steal_pointer (&self);
}

/**
 * byline_profile_merge_data:
 * @data: the YAML text of a profile
 * @file: how errors name the source, usually its path
 *
 * Merges the profile over this one: fields by key, shortcodes by name, rule
 * settings by rule id; site facts, the new-post template and the name are
 * replaced; CSS is appended. On error the profile may be partly merged.
 *
 * Returns: %TRUE on success, %FALSE with @error naming the file and line.
 */
gboolean
byline_profile_merge_data (BylineProfile  *self,
                           const char     *data,
                           gsize           length,
                           const char     *file,
                           GError        **error)
{
  g_autofree char *old_name = NULL;
  gboolean ok;

  g_return_val_if_fail (BYLINE_IS_PROFILE (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  old_name = g_strdup (self->name);
  ok = byline_profile_load_yaml (self, data != NULL ? data : "", length, file, FALSE, error);
  update_indexes (self);
  if (strcmp (old_name, self->name) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  return ok;
}

/**
 * byline_profile_new_from_file:
 *
 * Returns: (transfer full) (nullable): the built-in profile with @file
 *   merged over it, or %NULL with @error set.
 */
BylineProfile *
byline_profile_new_from_file (GFile   *file,
                              GError **error)
{
  g_autoptr(BylineProfile) self = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);

  /* Check the size first, so that a huge file is never read in. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > BYLINE_PROFILE_MAX_BYTES)
    {
      g_set_error (error, BYLINE_PROFILE_ERROR, BYLINE_PROFILE_ERROR_INVALID,
                   _("%s: The profile is larger than %u KiB; a profile never needs that"),
                   name, BYLINE_PROFILE_MAX_BYTES / 1024);
      return NULL;
    }

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;

  self = byline_profile_new_builtin ();
  if (!byline_profile_merge_data (self, contents, length, name, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * byline_profile_new_for_site:
 *
 * Returns: (transfer full) (nullable): the profile that applies to the
 *   site's post: the built-in one, with the site's .byline.yml merged over
 *   it when there is one; %NULL when that cannot be read or is not a profile.
 */
BylineProfile *
byline_profile_new_for_site (BylineSite  *site,
                             GError     **error)
{
  GFile *file;

  g_return_val_if_fail (BYLINE_IS_SITE (site), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = byline_site_get_profile_file (site);
  if (file == NULL)
    return byline_profile_new_builtin ();

  return byline_profile_new_from_file (file, error);
}

/**
 * byline_profile_new_for_post:
 *
 * Returns: (transfer full) (nullable): byline_profile_new_for_site() for the
 *   site @post belongs to.
 */
BylineProfile *
byline_profile_new_for_post (GFile   *post,
                             GError **error)
{
  g_autoptr(BylineSite) site = NULL;

  g_return_val_if_fail (G_IS_FILE (post), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  site = byline_site_lookup (post, NULL);
  return byline_profile_new_for_site (site, error);
}

const char *
byline_profile_get_name (BylineProfile *self)
{
  g_return_val_if_fail (BYLINE_IS_PROFILE (self), NULL);

  return self->name;
}

guint
byline_profile_get_n_fields (BylineProfile *self)
{
  g_return_val_if_fail (BYLINE_IS_PROFILE (self), 0);

  return self->fields->len;
}

const BylineFieldSpec *
byline_profile_get_field (BylineProfile *self,
                          guint          position)
{
  g_return_val_if_fail (BYLINE_IS_PROFILE (self), NULL);
  g_return_val_if_fail (position < self->fields->len, NULL);

  return g_ptr_array_index (self->fields, position);
}

const BylineFieldSpec *
byline_profile_lookup_field (BylineProfile *self,
                             const char    *key)
{
  gint position;

  g_return_val_if_fail (BYLINE_IS_PROFILE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  position = byline_profile_find_field (self, key);
  return position >= 0 ? g_ptr_array_index (self->fields, position) : NULL;
}

/**
 * byline_profile_get_field_order:
 *
 * Returns: (transfer none): the field keys in order, %NULL-terminated; valid
 *   until the next merge.
 */
const char * const *
byline_profile_get_field_order (BylineProfile *self)
{
  g_return_val_if_fail (BYLINE_IS_PROFILE (self), NULL);

  return (const char * const *) self->field_order->pdata;
}

const BylineShortcodeSpec *
byline_profile_lookup_shortcode (BylineProfile *self,
                                 const char    *name)
{
  g_return_val_if_fail (BYLINE_IS_PROFILE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (self->shortcodes, name);
}

/**
 * byline_profile_get_shortcode_names:
 *
 * Returns: (transfer none): the shortcode names, sorted, %NULL-terminated;
 *   valid until the next merge.
 */
const char * const *
byline_profile_get_shortcode_names (BylineProfile *self)
{
  g_return_val_if_fail (BYLINE_IS_PROFILE (self), NULL);

  return (const char * const *) self->shortcode_names->pdata;
}

const BylineParamSpec *
byline_shortcode_spec_lookup_param (const BylineShortcodeSpec *spec,
                                    const char                *name)
{
  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return byline_param_specs_lookup (spec->params, name);
}

BylineSeverity
byline_profile_get_rule_severity (BylineProfile  *self,
                                  const char     *rule_id,
                                  BylineSeverity  default_severity)
{
  const RuleSetting *rule;

  g_return_val_if_fail (BYLINE_IS_PROFILE (self), default_severity);
  g_return_val_if_fail (rule_id != NULL, default_severity);

  rule = g_hash_table_lookup (self->rules, rule_id);
  if (rule == NULL || !rule->has_severity)
    return default_severity;

  return rule->severity;
}

const char *
byline_profile_get_rule_option (BylineProfile *self,
                                const char    *rule_id,
                                const char    *option)
{
  const RuleSetting *rule;

  g_return_val_if_fail (BYLINE_IS_PROFILE (self), NULL);
  g_return_val_if_fail (rule_id != NULL, NULL);
  g_return_val_if_fail (option != NULL, NULL);

  rule = g_hash_table_lookup (self->rules, rule_id);
  if (rule == NULL)
    return NULL;

  return g_hash_table_lookup (rule->options, option);
}

const char *
byline_profile_get_site_url (BylineProfile *self)
{
  g_return_val_if_fail (BYLINE_IS_PROFILE (self), NULL);

  return self->site_url;
}

const char * const *
byline_profile_get_allowed_absolute_paths (BylineProfile *self)
{
  g_return_val_if_fail (BYLINE_IS_PROFILE (self), NULL);

  return (const char * const *) self->allowed_absolute_paths;
}

const char *
byline_profile_get_github_url (BylineProfile *self)
{
  g_return_val_if_fail (BYLINE_IS_PROFILE (self), NULL);

  return self->github_url;
}

guint64
byline_profile_get_large_image_bytes (BylineProfile *self)
{
  g_return_val_if_fail (BYLINE_IS_PROFILE (self), 0);

  return self->large_image_bytes;
}

guint
byline_profile_get_image_max_width (BylineProfile *self)
{
  g_return_val_if_fail (BYLINE_IS_PROFILE (self), 0);

  return self->image_max_width;
}

guint
byline_profile_get_jpeg_quality (BylineProfile *self)
{
  g_return_val_if_fail (BYLINE_IS_PROFILE (self), 85);

  return CLAMP (self->jpeg_quality, 1, 100);
}

const char * const *
byline_profile_get_image_widths (BylineProfile *self)
{
  g_return_val_if_fail (BYLINE_IS_PROFILE (self), NULL);

  return (const char * const *) self->image_widths;
}

const char * const *
byline_profile_get_words (BylineProfile *self)
{
  g_return_val_if_fail (BYLINE_IS_PROFILE (self), NULL);

  return (const char * const *) self->words;
}

/**
 * byline_profile_get_post_template:
 *
 * Returns: (transfer none) (nullable): the template of a new post. It uses
 *   {{{title}}}, {{{date}}} and {{{author}}} unescaped, so the caller passes
 *   values ready to sit in a double-quoted YAML string.
 */
const BylineTemplate *
byline_profile_get_post_template (BylineProfile *self)
{
  g_return_val_if_fail (BYLINE_IS_PROFILE (self), NULL);

  return self->post_template;
}

const char *
byline_profile_get_stylesheet (BylineProfile *self)
{
  g_return_val_if_fail (BYLINE_IS_PROFILE (self), NULL);

  return self->stylesheet->str;
}

