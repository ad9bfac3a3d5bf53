/* byline-profile-loader.c — reading profiles from YAML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The profile is built by merging YAML documents over an empty profile: the
 * built-in istio.io profile first, then a .byline.yml. The same code reads
 * both, so the built-in profile is also a worked example of the format that
 * docs/profile.md documents. The walk follows the format's schema, and the
 * limits below make a hostile file fail fast and cleanly.
 */

#define G_LOG_DOMAIN "byline-profile"

#include "config.h"

#include "byline-data.h"
#include "byline-profile-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <yaml.h>

#define MAX_DEPTH 32
#define MAX_ALIASES 256
#define MAX_VISITS 200000

void
byline_field_spec_free (gpointer data)
{
  BylineFieldSpec *spec = data;

  g_free (spec->key);
  g_free (spec->label);
  g_free (spec->help);
  g_free (spec);
}

void
byline_param_spec_free (gpointer data)
{
  BylineParamSpec *spec = data;

  g_free (spec->name);
  g_free (spec->help);
  g_free (spec);
}

void
byline_shortcode_spec_free (gpointer data)
{
  BylineShortcodeSpec *spec = data;

  g_free (spec->name);
  g_free (spec->help);
  g_free (spec->parent);
  g_clear_pointer (&spec->params, g_ptr_array_unref);
  g_clear_pointer (&spec->template, byline_template_free);
  g_free (spec);
}

void
byline_rule_setting_free (gpointer data)
{
  RuleSetting *rule = data;

  g_clear_pointer (&rule->options, g_hash_table_unref);
  g_free (rule);
}

typedef struct
{
  BylineProfile   *profile;
  yaml_document_t *document;
  const char      *file;
  gboolean         translate;
  guint            visits;
} Loader;

G_GNUC_PRINTF (4, 5)
static gboolean
fail_at (Loader      *loader,
         const yaml_node_t *node,
         GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, BYLINE_PROFILE_ERROR, BYLINE_PROFILE_ERROR_INVALID,
               "%s:%lu: %s", loader->file, (gulong) node->start_mark.line + 1, what);
  return FALSE;
}

static yaml_node_t *
get_node (Loader  *loader,
          int      index,
          GError **error)
{
  yaml_node_t *node = yaml_document_get_node (loader->document, index);

  g_assert (node != NULL);

  /* Aliases make the document a graph: a walk could visit the same nodes
   * over and over. Cap the total work instead of trusting the shape. */
  if (++loader->visits > MAX_VISITS)
    {
      fail_at (loader, node, error,
               _("The profile is too large or repeats itself through aliases too often; "
                 "write it out plainly"));
      return NULL;
    }

  return node;
}

static const char *
node_type_name (const yaml_node_t *node)
{
  switch (node->type)
    {
    case YAML_SCALAR_NODE: return _("a value");
    case YAML_SEQUENCE_NODE: return _("a list");
    case YAML_MAPPING_NODE: return _("a mapping");
    case YAML_NO_NODE:
    default: return _("nothing");
    }
}

static gboolean
expect_type (Loader            *loader,
             const yaml_node_t *node,
             yaml_node_type_t   type,
             const char        *what,
             GError           **error)
{
  const char *wanted;

  if (node->type == type)
    return TRUE;

  wanted = type == YAML_SCALAR_NODE ? _("a value")
         : type == YAML_SEQUENCE_NODE ? _("a list")
         : _("a mapping");
  /* Translators: “%s” is a key; then what it should be and what it is. */
  return fail_at (loader, node, error, _("“%s” should be %s, not %s"),
                  what, wanted, node_type_name (node));
}

static const char *
scalar (const yaml_node_t *node)
{
  return (const char *) node->data.scalar.value;
}

/* YAML's null ("", "~", "null" unquoted) reads as no value. */
static gboolean
scalar_is_null (const yaml_node_t *node)
{
  const char *value = scalar (node);

  return node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
         (value[0] == '\0' || strcmp (value, "~") == 0 ||
          g_ascii_strcasecmp (value, "null") == 0);
}

static gboolean
read_string (Loader             *loader,
             const yaml_node_t  *node,
             const char         *what,
             char              **out,
             GError            **error)
{
  if (!expect_type (loader, node, YAML_SCALAR_NODE, what, error))
    return FALSE;

  g_free (*out);
  *out = scalar_is_null (node) ? NULL : g_strdup (scalar (node));
  return TRUE;
}

/* Like read_string(), but a null value reads as the empty string: for the
 * profile's own texts, which are never absent. */
static gboolean
read_text (Loader             *loader,
           const yaml_node_t  *node,
           const char         *what,
           char              **out,
           GError            **error)
{
  if (!read_string (loader, node, what, out, error))
    return FALSE;
  if (*out == NULL)
    *out = g_strdup ("");
  return TRUE;
}

/* Labels and help of the built-in profile are in the program's message
 * catalogue; user profiles are written in the user's own language. */
static gboolean
read_translatable (Loader             *loader,
                   const yaml_node_t  *node,
                   const char         *what,
                   char              **out,
                   GError            **error)
{
  if (!read_string (loader, node, what, out, error))
    return FALSE;

  if (loader->translate && *out != NULL)
    {
      char *translated = g_strdup (g_dgettext (GETTEXT_PACKAGE, *out));

      g_free (*out);
      *out = translated;
    }

  return TRUE;
}

static gboolean
read_bool (Loader            *loader,
           const yaml_node_t *node,
           const char        *what,
           gboolean          *out,
           GError           **error)
{
  static const char * const yes[] = { "true", "yes", "on", NULL };
  static const char * const no[] = { "false", "no", "off", NULL };
  const char *value;
  guint i;

  if (!expect_type (loader, node, YAML_SCALAR_NODE, what, error))
    return FALSE;

  value = scalar (node);
  for (i = 0; yes[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (value, yes[i]) == 0)
        {
          *out = TRUE;
          return TRUE;
        }
      if (g_ascii_strcasecmp (value, no[i]) == 0)
        {
          *out = FALSE;
          return TRUE;
        }
    }

  return fail_at (loader, node, error, _("“%s” should be true or false, not “%s”"),
                  what, value);
}

static gboolean
read_uint64 (Loader            *loader,
             const yaml_node_t *node,
             const char        *what,
             guint64            max,
             guint64           *out,
             GError           **error)
{
  guint64 value;

  if (!expect_type (loader, node, YAML_SCALAR_NODE, what, error))
    return FALSE;

  if (!g_ascii_string_to_unsigned (scalar (node), 10, 0, max, &value, NULL))
    {
      /* The limit goes in as text: xgettext cuts a message at a
       * G_GUINT64_FORMAT macro, and translators would never see the rest. */
      g_autofree char *limit = g_strdup_printf ("%" G_GUINT64_FORMAT, max);

      return fail_at (loader, node, error,
                      _("“%s” should be a whole number from 0 to %s, not “%s”"),
                      what, limit, scalar (node));
    }

  *out = value;
  return TRUE;
}

static gboolean
read_severity (Loader            *loader,
               const yaml_node_t *node,
               const char        *what,
               BylineSeverity    *out,
               GError           **error)
{
  if (!expect_type (loader, node, YAML_SCALAR_NODE, what, error))
    return FALSE;

  if (!byline_severity_from_string (scalar (node), out))
    return fail_at (loader, node, error,
                    _("“%s” should be error, warning, info or off, not “%s”"),
                    what, scalar (node));

  return TRUE;
}

/* A list of values; a single value counts as a list of one. */
static gboolean
read_string_list (Loader             *loader,
                  const yaml_node_t  *node,
                  const char         *what,
                  char             ***out,
                  GError            **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  yaml_node_item_t *item;

  if (node->type == YAML_SCALAR_NODE)
    {
      if (!scalar_is_null (node))
        g_strv_builder_add (builder, scalar (node));
    }
  else if (expect_type (loader, node, YAML_SEQUENCE_NODE, what, error))
    {
      for (item = node->data.sequence.items.start; item < node->data.sequence.items.top; item++)
        {
          const yaml_node_t *child = get_node (loader, *item, error);

          if (child == NULL || !expect_type (loader, child, YAML_SCALAR_NODE, what, error))
            return FALSE;
          g_strv_builder_add (builder, scalar (child));
        }
    }
  else
    return FALSE;

  g_strfreev (*out);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

/* Calls @func for each key: value pair of a mapping, keys being values. */
typedef gboolean (*PairFunc) (Loader             *loader,
                              const yaml_node_t  *key,
                              const yaml_node_t  *value,
                              gpointer            user_data,
                              GError            **error);

static gboolean
for_each_pair (Loader             *loader,
               const yaml_node_t  *node,
               const char         *what,
               PairFunc            func,
               gpointer            user_data,
               GError            **error)
{
  yaml_node_pair_t *pair;

  if (!expect_type (loader, node, YAML_MAPPING_NODE, what, error))
    return FALSE;

  for (pair = node->data.mapping.pairs.start; pair < node->data.mapping.pairs.top; pair++)
    {
      const yaml_node_t *key = get_node (loader, pair->key, error);
      const yaml_node_t *value;

      if (key == NULL)
        return FALSE;
      if (key->type != YAML_SCALAR_NODE)
        return fail_at (loader, key, error, _("Keys in “%s” should be plain names"), what);
      if ((value = get_node (loader, pair->value, error)) == NULL)
        return FALSE;
      if (!func (loader, key, value, user_data, error))
        return FALSE;
    }

  return TRUE;
}

/* The value of @key in a mapping, or NULL. */
static const yaml_node_t *
find_value (Loader            *loader,
            const yaml_node_t *mapping,
            const char        *key,
            GError           **error,
            gboolean          *failed)
{
  yaml_node_pair_t *pair;

  *failed = FALSE;
  for (pair = mapping->data.mapping.pairs.start; pair < mapping->data.mapping.pairs.top; pair++)
    {
      const yaml_node_t *k = get_node (loader, pair->key, error);

      if (k == NULL)
        {
          *failed = TRUE;
          return NULL;
        }
      if (k->type == YAML_SCALAR_NODE && strcmp (scalar (k), key) == 0)
        {
          const yaml_node_t *v = get_node (loader, pair->value, error);

          *failed = v == NULL;
          return v;
        }
    }

  return NULL;
}

static gboolean
unknown_key (Loader            *loader,
             const yaml_node_t *key,
             const char        *where,
             const char        *known,
             GError           **error)
{
  /* Translators: a key of the profile, the section it is in (“a field”,
   * “a shortcode”, or the key “site”), then the keys that section knows. */
  return fail_at (loader, key, error, _("Unknown key “%s” in %s; use one of: %s"),
                  scalar (key), where, known);
}

/* Site facts. */

static gboolean
site_pair (Loader             *loader,
           const yaml_node_t  *key,
           const yaml_node_t  *value,
           gpointer            user_data,
           GError            **error)
{
  BylineProfile *self = loader->profile;
  const char *name = scalar (key);

  if (strcmp (name, "url") == 0)
    return read_text (loader, value, name, &self->site_url, error);
  if (strcmp (name, "github_url") == 0)
    return read_text (loader, value, name, &self->github_url, error);
  if (strcmp (name, "allowed_absolute_paths") == 0)
    {
      g_auto(GStrv) paths = NULL;
      guint i;

      if (!read_string_list (loader, value, name, &paths, error))
        return FALSE;
      for (i = 0; paths[i] != NULL; i++)
        {
          g_autoptr(GRegex) regex = NULL;
          g_autoptr(GError) regex_error = NULL;

          regex = g_regex_new (paths[i], G_REGEX_OPTIMIZE, 0, &regex_error);
          if (regex == NULL)
            return fail_at (loader, value, error,
                            _("“%s” is not a valid regular expression: %s"),
                            paths[i], regex_error->message);
        }
      g_strfreev (self->allowed_absolute_paths);
      self->allowed_absolute_paths = g_steal_pointer (&paths);
      return TRUE;
    }
  if (strcmp (name, "large_image_bytes") == 0)
    return read_uint64 (loader, value, name, G_MAXUINT64, &self->large_image_bytes, error);
  if (strcmp (name, "image_widths") == 0)
    return read_string_list (loader, value, name, &self->image_widths, error);
  if (strcmp (name, "image_max_width") == 0)
    {
      guint64 width;

      if (!read_uint64 (loader, value, name, G_MAXINT, &width, error))
        return FALSE;
      self->image_max_width = (guint) width;
      return TRUE;
    }
  if (strcmp (name, "jpeg_quality") == 0)
    {
      guint64 quality;

      if (!read_uint64 (loader, value, name, 100, &quality, error))
        return FALSE;
      self->jpeg_quality = (guint) quality;
      return TRUE;
    }

  return unknown_key (loader, key, "site",
                      "url, github_url, allowed_absolute_paths, large_image_bytes, "
                      "image_widths, image_max_width, jpeg_quality", error);
}

/* Fields. */

static const char * const field_type_names[] = {
  [BYLINE_FIELD_STRING] = "string",
  [BYLINE_FIELD_TEXT] = "text",
  [BYLINE_FIELD_DATE] = "date",
  [BYLINE_FIELD_STRING_LIST] = "string_list",
  [BYLINE_FIELD_BOOL] = "bool",
  [BYLINE_FIELD_NUMBER] = "number",
  [BYLINE_FIELD_INTEGER] = "integer",
};

int
byline_profile_find_field (BylineProfile *self,
                           const char    *key)
{
  guint i;

  for (i = 0; i < self->fields->len; i++)
    {
      const BylineFieldSpec *spec = g_ptr_array_index (self->fields, i);

      if (strcmp (spec->key, key) == 0)
        return i;
    }

  /* Hugo matches front-matter keys case-insensitively. */
  if (self->hugo_keys)
    {
      g_autofree char *folded = byline_data_fold_key (key);

      for (i = 0; i < self->fields->len; i++)
        {
          const BylineFieldSpec *spec = g_ptr_array_index (self->fields, i);
          g_autofree char *spec_folded = byline_data_fold_key (spec->key);

          if (strcmp (spec_folded, folded) == 0)
            return i;
        }
    }

  return -1;
}

static gboolean
field_pair (Loader             *loader,
            const yaml_node_t  *key,
            const yaml_node_t  *value,
            gpointer            user_data,
            GError            **error)
{
  BylineFieldSpec *spec = user_data;
  const char *name = scalar (key);

  if (strcmp (name, "key") == 0 || strcmp (name, "after") == 0 || strcmp (name, "remove") == 0)
    return TRUE;  /* read by field_item () */
  if (strcmp (name, "label") == 0)
    return read_translatable (loader, value, name, &spec->label, error);
  if (strcmp (name, "help") == 0)
    return read_translatable (loader, value, name, &spec->help, error);
  if (strcmp (name, "missing") == 0)
    return read_severity (loader, value, name, &spec->missing, error);
  if (strcmp (name, "max_length") == 0)
    {
      guint64 max = 0;

      if (!read_uint64 (loader, value, name, G_MAXUINT, &max, error))
        return FALSE;
      spec->max_length = max;
      return TRUE;
    }
  if (strcmp (name, "type") == 0)
    {
      guint i;

      if (!expect_type (loader, value, YAML_SCALAR_NODE, name, error))
        return FALSE;
      for (i = 0; i < G_N_ELEMENTS (field_type_names); i++)
        if (strcmp (scalar (value), field_type_names[i]) == 0)
          {
            spec->type = i;
            return TRUE;
          }
      return fail_at (loader, value, error,
                      _("Unknown field type “%s”; use string, text, date, string_list, bool, "
                        "number or integer"), scalar (value));
    }

  return unknown_key (loader, key, _("a field"),
                      "key, label, help, type, missing, max_length, after, remove", error);
}

static gboolean
field_item (Loader             *loader,
            const yaml_node_t  *node,
            GError            **error)
{
  BylineProfile *self = loader->profile;
  const yaml_node_t *key_node, *after_node, *remove_node;
  BylineFieldSpec *spec;
  gboolean failed;
  gboolean remove = FALSE;
  gint position;

  if (!expect_type (loader, node, YAML_MAPPING_NODE, "fields", error))
    return FALSE;

  key_node = find_value (loader, node, "key", error, &failed);
  if (failed)
    return FALSE;
  if (key_node == NULL)
    return fail_at (loader, node, error,
                    _("A field needs a key: add “key:” with the front-matter key it edits"));
  if (!expect_type (loader, key_node, YAML_SCALAR_NODE, "key", error))
    return FALSE;
  if (scalar_is_null (key_node))
    return fail_at (loader, key_node, error, _("A field's key cannot be empty"));

  remove_node = find_value (loader, node, "remove", error, &failed);
  if (failed || (remove_node != NULL &&
                 !read_bool (loader, remove_node, "remove", &remove, error)))
    return FALSE;

  position = byline_profile_find_field (self, scalar (key_node));

  if (remove)
    {
      if (position >= 0)
        g_ptr_array_remove_index (self->fields, position);
      return TRUE;
    }

  if (position >= 0)
    spec = g_ptr_array_steal_index (self->fields, position);
  else
    {
      spec = g_new0 (BylineFieldSpec, 1);
      spec->key = g_strdup (scalar (key_node));
      spec->type = BYLINE_FIELD_STRING;
      spec->missing = BYLINE_SEVERITY_OFF;
    }

  if (!for_each_pair (loader, node, "fields", field_pair, spec, error))
    {
      byline_field_spec_free (spec);
      return FALSE;
    }

  if (spec->label == NULL)
    spec->label = g_strdup (spec->key);

  after_node = find_value (loader, node, "after", error, &failed);
  if (failed)
    {
      byline_field_spec_free (spec);
      return FALSE;
    }

  if (after_node != NULL)
    {
      gint after;

      if (!expect_type (loader, after_node, YAML_SCALAR_NODE, "after", error))
        {
          byline_field_spec_free (spec);
          return FALSE;
        }
      after = byline_profile_find_field (self, scalar (after_node));
      if (after < 0)
        {
          fail_at (loader, after_node, error,
                   _("“after: %s” names no field; use the key of a field listed before"),
                   scalar (after_node));
          byline_field_spec_free (spec);
          return FALSE;
        }
      g_ptr_array_insert (self->fields, after + 1, spec);
    }
  else if (position >= 0)
    g_ptr_array_insert (self->fields, position, spec);
  else
    g_ptr_array_add (self->fields, spec);

  return TRUE;
}

/* Shortcodes. */

BylineParamSpec *
byline_param_specs_lookup (GPtrArray  *params,
                           const char *name)
{
  guint i;

  for (i = 0; i < params->len; i++)
    {
      BylineParamSpec *param = g_ptr_array_index (params, i);

      if (strcmp (param->name, name) == 0)
        return param;
    }

  return NULL;
}

static gboolean
param_pair (Loader             *loader,
            const yaml_node_t  *key,
            const yaml_node_t  *value,
            gpointer            user_data,
            GError            **error)
{
  BylineParamSpec *param = user_data;
  const char *name = scalar (key);

  if (strcmp (name, "name") == 0)
    return TRUE;
  if (strcmp (name, "help") == 0)
    return read_translatable (loader, value, name, &param->help, error);
  if (strcmp (name, "required") == 0)
    return read_bool (loader, value, name, &param->required, error);

  return unknown_key (loader, key, _("a parameter"), "name, help, required", error);
}

static gboolean
read_params (Loader             *loader,
             const yaml_node_t  *node,
             BylineShortcodeSpec *spec,
             GError            **error)
{
  yaml_node_item_t *item;

  if (!expect_type (loader, node, YAML_SEQUENCE_NODE, "params", error))
    return FALSE;

  for (item = node->data.sequence.items.start; item < node->data.sequence.items.top; item++)
    {
      const yaml_node_t *child = get_node (loader, *item, error);
      const yaml_node_t *name_node;
      BylineParamSpec *param;
      gboolean failed;

      if (child == NULL)
        return FALSE;

      /* A bare name is a parameter without help. */
      if (child->type == YAML_SCALAR_NODE)
        {
          if (byline_param_specs_lookup (spec->params, scalar (child)) == NULL)
            {
              param = g_new0 (BylineParamSpec, 1);
              param->name = g_strdup (scalar (child));
              g_ptr_array_add (spec->params, param);
            }
          continue;
        }

      if (!expect_type (loader, child, YAML_MAPPING_NODE, "params", error))
        return FALSE;
      name_node = find_value (loader, child, "name", error, &failed);
      if (failed)
        return FALSE;
      if (name_node == NULL)
        return fail_at (loader, child, error,
                        _("A parameter needs a name: add “name:” (use “0”, “1” for "
                          "positional parameters)"));
      if (!expect_type (loader, name_node, YAML_SCALAR_NODE, "name", error))
        return FALSE;

      param = byline_param_specs_lookup (spec->params, scalar (name_node));
      if (param == NULL)
        {
          param = g_new0 (BylineParamSpec, 1);
          param->name = g_strdup (scalar (name_node));
          g_ptr_array_add (spec->params, param);
        }
      if (!for_each_pair (loader, child, "params", param_pair, param, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
shortcode_pair (Loader             *loader,
                const yaml_node_t  *key,
                const yaml_node_t  *value,
                gpointer            user_data,
                GError            **error)
{
  BylineShortcodeSpec *spec = user_data;
  const char *name = scalar (key);

  if (strcmp (name, "remove") == 0)
    return TRUE;
  if (strcmp (name, "help") == 0)
    return read_translatable (loader, value, name, &spec->help, error);
  if (strcmp (name, "paired") == 0)
    return read_bool (loader, value, name, &spec->paired, error);
  if (strcmp (name, "inline") == 0)
    return read_bool (loader, value, name, &spec->inline_, error);
  if (strcmp (name, "markdown_inner") == 0)
    return read_bool (loader, value, name, &spec->markdown_inner, error);
  if (strcmp (name, "multiline") == 0)
    return read_bool (loader, value, name, &spec->multiline, error);
  if (strcmp (name, "any_params") == 0)
    return read_bool (loader, value, name, &spec->any_params, error);
  if (strcmp (name, "parent") == 0)
    return read_string (loader, value, name, &spec->parent, error);
  if (strcmp (name, "params") == 0)
    return read_params (loader, value, spec, error);
  if (strcmp (name, "template") == 0)
    {
      g_autoptr(GError) template_error = NULL;
      BylineTemplate *template;

      if (!expect_type (loader, value, YAML_SCALAR_NODE, name, error))
        return FALSE;
      if (scalar_is_null (value))
        {
          g_clear_pointer (&spec->template, byline_template_free);
          return TRUE;
        }
      template = byline_template_new (scalar (value), &template_error);
      if (template == NULL)
        /* Translators: a shortcode name, then the template's own error. */
        return fail_at (loader, value, error, _("The template of “%s” is wrong: %s"),
                        spec->name, template_error->message);
      g_clear_pointer (&spec->template, byline_template_free);
      spec->template = template;
      return TRUE;
    }

  return unknown_key (loader, key, _("a shortcode"),
                      "help, paired, inline, markdown_inner, multiline, any_params, parent, "
                      "params, template, remove", error);
}

static gboolean
shortcodes_pair (Loader             *loader,
                 const yaml_node_t  *key,
                 const yaml_node_t  *value,
                 gpointer            user_data,
                 GError            **error)
{
  BylineProfile *self = loader->profile;
  const char *name = scalar (key);
  const yaml_node_t *remove_node;
  BylineShortcodeSpec *spec;
  gboolean remove = FALSE;
  gboolean failed;

  if (name[0] == '\0' || strpbrk (name, " \t\n\"'`<>%{}/") != NULL)
    return fail_at (loader, key, error,
                    _("“%s” cannot be a shortcode name; use letters, digits, “_” and “-”"),
                    name);

  if (!expect_type (loader, value, YAML_MAPPING_NODE, name, error))
    return FALSE;

  remove_node = find_value (loader, value, "remove", error, &failed);
  if (failed || (remove_node != NULL &&
                 !read_bool (loader, remove_node, "remove", &remove, error)))
    return FALSE;
  if (remove)
    {
      g_hash_table_remove (self->shortcodes, name);
      return TRUE;
    }

  spec = g_hash_table_lookup (self->shortcodes, name);
  if (spec == NULL)
    {
      spec = g_new0 (BylineShortcodeSpec, 1);
      spec->name = g_strdup (name);
      spec->params = g_ptr_array_new_with_free_func (byline_param_spec_free);
      g_hash_table_insert (self->shortcodes, spec->name, spec);
    }

  return for_each_pair (loader, value, name, shortcode_pair, spec, error);
}

/* Rules. */

static gboolean
rule_option_pair (Loader             *loader,
                  const yaml_node_t  *key,
                  const yaml_node_t  *value,
                  gpointer            user_data,
                  GError            **error)
{
  RuleSetting *rule = user_data;
  const char *name = scalar (key);

  if (strcmp (name, "severity") == 0)
    {
      if (!read_severity (loader, value, name, &rule->severity, error))
        return FALSE;
      rule->has_severity = TRUE;
      return TRUE;
    }

  if (!expect_type (loader, value, YAML_SCALAR_NODE, name, error))
    return FALSE;
  g_hash_table_replace (rule->options, g_strdup (name), g_strdup (scalar (value)));
  return TRUE;
}

static gboolean
rules_pair (Loader             *loader,
            const yaml_node_t  *key,
            const yaml_node_t  *value,
            gpointer            user_data,
            GError            **error)
{
  BylineProfile *self = loader->profile;
  const char *rule_id = scalar (key);
  RuleSetting *rule;

  rule = g_hash_table_lookup (self->rules, rule_id);
  if (rule == NULL)
    {
      rule = g_new0 (RuleSetting, 1);
      rule->options = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (self->rules, g_strdup (rule_id), rule);
    }

  if (value->type == YAML_SCALAR_NODE)
    {
      if (!read_severity (loader, value, rule_id, &rule->severity, error))
        return FALSE;
      rule->has_severity = TRUE;
      return TRUE;
    }

  return for_each_pair (loader, value, rule_id, rule_option_pair, rule, error);
}

/* The document. */

static gboolean
top_pair (Loader             *loader,
          const yaml_node_t  *key,
          const yaml_node_t  *value,
          gpointer            user_data,
          GError            **error)
{
  BylineProfile *self = loader->profile;
  const char *name = scalar (key);

  if (strcmp (name, "name") == 0)
    return read_text (loader, value, name, &self->name, error);
  /* The preset the file builds on: byline_profile_new_for_site() reads it. */
  if (strcmp (name, "extends") == 0)
    return expect_type (loader, value, YAML_SCALAR_NODE, name, error);
  if (strcmp (name, "site") == 0)
    return for_each_pair (loader, value, name, site_pair, NULL, error);
  if (strcmp (name, "fields") == 0)
    {
      yaml_node_item_t *item;

      if (!expect_type (loader, value, YAML_SEQUENCE_NODE, name, error))
        return FALSE;
      for (item = value->data.sequence.items.start; item < value->data.sequence.items.top; item++)
        {
          const yaml_node_t *child = get_node (loader, *item, error);

          if (child == NULL || !field_item (loader, child, error))
            return FALSE;
        }
      return TRUE;
    }
  if (strcmp (name, "shortcodes") == 0)
    return for_each_pair (loader, value, name, shortcodes_pair, NULL, error);
  if (strcmp (name, "rules") == 0)
    return for_each_pair (loader, value, name, rules_pair, NULL, error);
  if (strcmp (name, "new_post") == 0)
    {
      g_autoptr(GError) template_error = NULL;
      BylineTemplate *template;

      if (!expect_type (loader, value, YAML_SCALAR_NODE, name, error))
        return FALSE;
      template = byline_template_new (scalar (value), &template_error);
      if (template == NULL)
        return fail_at (loader, value, error, _("The new-post template is wrong: %s"),
                        template_error->message);
      g_clear_pointer (&self->post_template, byline_template_free);
      self->post_template = template;
      return TRUE;
    }
  if (strcmp (name, "words") == 0)
    return read_string_list (loader, value, name, &self->words, error);
  if (strcmp (name, "css") == 0)
    {
      if (!expect_type (loader, value, YAML_SCALAR_NODE, name, error))
        return FALSE;
      if (self->stylesheet->len > 0)
        g_string_append_c (self->stylesheet, '\n');
      g_string_append (self->stylesheet, scalar (value));
      return TRUE;
    }

  return unknown_key (loader, key, _("the profile"),
                      "name, extends, site, fields, shortcodes, rules, new_post, words, css", error);
}

/* A first pass over the events refuses what the document loader would turn
 * into something expensive: deep nesting and many aliases. */
static gboolean
check_shape (const char  *data,
             gsize        length,
             const char  *file,
             GError     **error)
{
  yaml_parser_t parser;
  guint depth = 0;
  guint aliases = 0;
  gboolean ok = TRUE;
  gboolean done = FALSE;

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *) data, length);

  while (ok && !done)
    {
      yaml_event_t event;

      if (!yaml_parser_parse (&parser, &event))
        {
          /* The loader reports syntax errors with more context. */
          break;
        }

      switch (event.type)
        {
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
          if (++depth > MAX_DEPTH)
            {
              g_set_error (error, BYLINE_PROFILE_ERROR, BYLINE_PROFILE_ERROR_INVALID,
                           _("%s:%lu: The profile nests deeper than %u levels; "
                             "a profile never needs that"),
                           file, (gulong) event.start_mark.line + 1, MAX_DEPTH);
              ok = FALSE;
            }
          break;

        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          depth--;
          break;

        case YAML_ALIAS_EVENT:
          if (++aliases > MAX_ALIASES)
            {
              g_set_error (error, BYLINE_PROFILE_ERROR, BYLINE_PROFILE_ERROR_INVALID,
                           _("%s:%lu: The profile uses more than %u aliases (“*name”); "
                             "write the values out instead"),
                           file, (gulong) event.start_mark.line + 1, MAX_ALIASES);
              ok = FALSE;
            }
          break;

        case YAML_STREAM_END_EVENT:
          done = TRUE;
          break;

        case YAML_NO_EVENT:
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_START_EVENT:
        case YAML_DOCUMENT_END_EVENT:
        case YAML_SCALAR_EVENT:
        default:
          break;
        }

      yaml_event_delete (&event);
    }

  yaml_parser_delete (&parser);
  return ok;
}

gboolean
byline_profile_load_yaml (BylineProfile  *self,
                          const char     *data,
                          gsize           length,
                          const char     *file,
                          gboolean        translate,
                          GError        **error)
{
  yaml_parser_t parser;
  yaml_document_t document;
  yaml_node_t *root;
  gboolean ok;
  Loader loader = { self, &document, file, translate, 0 };

  if (length > BYLINE_PROFILE_MAX_BYTES)
    {
      g_set_error (error, BYLINE_PROFILE_ERROR, BYLINE_PROFILE_ERROR_INVALID,
                   _("%s: The profile is larger than %u KiB; a profile never needs that"),
                   file, BYLINE_PROFILE_MAX_BYTES / 1024);
      return FALSE;
    }

  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, BYLINE_PROFILE_ERROR, BYLINE_PROFILE_ERROR_SYNTAX,
                   _("%s: The profile is not UTF-8 text; save it as UTF-8"), file);
      return FALSE;
    }

  if (!check_shape (data, length, file, error))
    return FALSE;

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *) data, length);

  if (!yaml_parser_load (&parser, &document))
    {
      const yaml_mark_t *mark = parser.problem_mark.line || parser.problem_mark.column
                              ? &parser.problem_mark : &parser.context_mark;

      g_set_error (error, BYLINE_PROFILE_ERROR, BYLINE_PROFILE_ERROR_SYNTAX,
                   /* Translators: file, line, then libyaml's English description. */
                   _("%s:%lu: The profile is not valid YAML: %s%s%s"),
                   file, (gulong) mark->line + 1,
                   parser.problem != NULL ? parser.problem : "",
                   parser.context != NULL ? ", " : "",
                   parser.context != NULL ? parser.context : "");
      yaml_parser_delete (&parser);
      return FALSE;
    }

  root = yaml_document_get_root_node (&document);
  if (root == NULL || (root->type == YAML_SCALAR_NODE && scalar_is_null (root)))
    ok = TRUE;  /* An empty .byline.yml changes nothing. */
  else
    ok = for_each_pair (&loader, root, "the profile", top_pair, NULL, error);

  yaml_document_delete (&document);
  yaml_parser_delete (&parser);
  return ok;
}
