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
#include "byline-profile-yaml.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <yaml.h>

#define MAX_DEPTH 32
#define MAX_ALIASES 256

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

/* Site facts. */

static gboolean
read_allowed_paths (BylineLoader        *loader,
                    const yaml_node_t   *value,
                    const char          *what,
                    char              ***slot,
                    GError             **error)
{
  g_auto(GStrv) paths = NULL;

  if (!byline_loader_read_string_list (loader, value, what, &paths, error))
    return FALSE;
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GRegex) regex = NULL;
      g_autoptr(GError) regex_error = NULL;

      regex = g_regex_new (paths[i], G_REGEX_OPTIMIZE, 0, &regex_error);
      if (regex == NULL)
        return byline_loader_fail_at (loader, value, error,
                                      _("“%s” is not a valid regular expression: %s"),
                                      paths[i], regex_error->message);
    }
  g_strfreev (*slot);
  *slot = g_steal_pointer (&paths);
  return TRUE;
}

static gboolean
read_byte_count (BylineLoader       *loader,
                 const yaml_node_t  *value,
                 const char         *what,
                 guint64            *slot,
                 GError            **error)
{
  return byline_loader_read_uint64 (loader, value, what, G_MAXUINT64, slot, error);
}

static gboolean
read_image_width (BylineLoader       *loader,
                  const yaml_node_t  *value,
                  const char         *what,
                  guint              *slot,
                  GError            **error)
{
  guint64 width = 0;

  if (!byline_loader_read_uint64 (loader, value, what, G_MAXINT, &width, error))
    return FALSE;
  *slot = (guint) width;
  return TRUE;
}

static gboolean
read_jpeg_quality (BylineLoader       *loader,
                   const yaml_node_t  *value,
                   const char         *what,
                   guint              *slot,
                   GError            **error)
{
  guint64 quality = 0;

  if (!byline_loader_read_uint64 (loader, value, what, 100, &quality, error))
    return FALSE;
  *slot = (guint) quality;
  return TRUE;
}

static const BylineKeySpec site_keys[] = {
  KEY ("url", byline_loader_read_text, BylineProfile, site_url),
  KEY ("github_url", byline_loader_read_text, BylineProfile, github_url),
  KEY ("allowed_absolute_paths", read_allowed_paths, BylineProfile, allowed_absolute_paths),
  KEY ("large_image_bytes", read_byte_count, BylineProfile, large_image_bytes),
  KEY ("image_widths", byline_loader_read_string_list, BylineProfile, image_widths),
  KEY ("image_max_width", read_image_width, BylineProfile, image_max_width),
  KEY ("jpeg_quality", read_jpeg_quality, BylineProfile, jpeg_quality),
};

static const BylineKeySection site_section = SECTION_KEY ("site", site_keys);

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

          if (byline_data_key_folds_to (spec->key, folded))
            return i;
        }
    }

  return -1;
}

static gboolean
read_max_length (BylineLoader       *loader,
                 const yaml_node_t  *value,
                 const char         *what,
                 guint              *slot,
                 GError            **error)
{
  guint64 max = 0;

  if (!byline_loader_read_uint64 (loader, value, what, G_MAXUINT, &max, error))
    return FALSE;
  *slot = max;
  return TRUE;
}

static gboolean
read_field_type (BylineLoader       *loader,
                 const yaml_node_t  *value,
                 const char         *what,
                 BylineFieldType    *slot,
                 GError            **error)
{
  if (!byline_loader_expect_type (loader, value, YAML_SCALAR_NODE, what, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (field_type_names); i++)
    if (strcmp (byline_loader_scalar (value), field_type_names[i]) == 0)
      {
        *slot = i;
        return TRUE;
      }
  return byline_loader_fail_at (loader, value, error,
                                _("Unknown field type “%s”; use string, text, date, "
                                  "string_list, bool, number or integer"),
                                byline_loader_scalar (value));
}

static const BylineKeySpec field_keys[] = {
  KEY_ELSEWHERE ("key"),
  KEY ("label", byline_loader_read_translatable, BylineFieldSpec, label),
  KEY ("help", byline_loader_read_translatable, BylineFieldSpec, help),
  KEY ("type", read_field_type, BylineFieldSpec, type),
  KEY ("missing", byline_loader_read_severity, BylineFieldSpec, missing),
  KEY ("max_length", read_max_length, BylineFieldSpec, max_length),
  KEY_ELSEWHERE ("after"),
  KEY_ELSEWHERE ("remove"),
};

static const BylineKeySection field_section = SECTION (N_("a field"), field_keys);

static gboolean
field_item (BylineLoader       *loader,
            const yaml_node_t  *node,
            GError            **error)
{
  BylineProfile *self = loader->profile;
  const yaml_node_t *key_node, *after_node, *remove_node;
  BylineFieldSpec *spec;
  gboolean failed;
  gboolean remove = FALSE;
  gint position;

  if (!byline_loader_expect_type (loader, node, YAML_MAPPING_NODE, "fields", error))
    return FALSE;

  key_node = byline_loader_find_value (loader, node, "key", error, &failed);
  if (failed)
    return FALSE;
  if (key_node == NULL)
    return byline_loader_fail_at (loader, node, error,
                                  _("A field needs a key: add “key:” with the front-matter "
                                    "key it edits"));
  if (!byline_loader_expect_type (loader, key_node, YAML_SCALAR_NODE, "key", error))
    return FALSE;
  if (byline_loader_scalar_is_null (key_node))
    return byline_loader_fail_at (loader, key_node, error, _("A field's key cannot be empty"));

  remove_node = byline_loader_find_value (loader, node, "remove", error, &failed);
  if (failed || (remove_node != NULL &&
                 !byline_loader_read_bool (loader, remove_node, "remove", &remove, error)))
    return FALSE;

  position = byline_profile_find_field (self, byline_loader_scalar (key_node));

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
      spec->key = g_strdup (byline_loader_scalar (key_node));
      spec->type = BYLINE_FIELD_STRING;
      spec->missing = BYLINE_SEVERITY_OFF;
    }

  if (!byline_loader_read_section (loader, node, "fields", &field_section, spec, error))
    {
      byline_field_spec_free (spec);
      return FALSE;
    }

  if (spec->label == NULL)
    spec->label = g_strdup (spec->key);

  after_node = byline_loader_find_value (loader, node, "after", error, &failed);
  if (failed)
    {
      byline_field_spec_free (spec);
      return FALSE;
    }

  if (after_node != NULL)
    {
      gint after;

      if (!byline_loader_expect_type (loader, after_node, YAML_SCALAR_NODE, "after", error))
        {
          byline_field_spec_free (spec);
          return FALSE;
        }
      after = byline_profile_find_field (self, byline_loader_scalar (after_node));
      if (after < 0)
        {
          byline_loader_fail_at (loader, after_node, error,
                                 _("“after: %s” names no field; use the key of a field "
                                   "listed before"),
                                 byline_loader_scalar (after_node));
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

static const BylineKeySpec param_keys[] = {
  KEY_ELSEWHERE ("name"),
  KEY ("help", byline_loader_read_translatable, BylineParamSpec, help),
  KEY ("required", byline_loader_read_bool, BylineParamSpec, required),
};

static const BylineKeySection param_section = SECTION (N_("a parameter"), param_keys);

static gboolean
read_params (BylineLoader         *loader,
             const yaml_node_t    *node,
             BylineShortcodeSpec  *spec,
             GError              **error)
{
  yaml_node_item_t *item;

  if (!byline_loader_expect_type (loader, node, YAML_SEQUENCE_NODE, "params", error))
    return FALSE;

  for (item = node->data.sequence.items.start; item < node->data.sequence.items.top; item++)
    {
      const yaml_node_t *child = byline_loader_get_node (loader, *item, error);
      const yaml_node_t *name_node;
      BylineParamSpec *param;
      gboolean failed;

      if (child == NULL)
        return FALSE;

      /* A bare name is a parameter without help. */
      if (child->type == YAML_SCALAR_NODE)
        {
          if (byline_param_specs_lookup (spec->params, byline_loader_scalar (child)) == NULL)
            {
              param = g_new0 (BylineParamSpec, 1);
              param->name = g_strdup (byline_loader_scalar (child));
              g_ptr_array_add (spec->params, param);
            }
          continue;
        }

      if (!byline_loader_expect_type (loader, child, YAML_MAPPING_NODE, "params", error))
        return FALSE;
      name_node = byline_loader_find_value (loader, child, "name", error, &failed);
      if (failed)
        return FALSE;
      if (name_node == NULL)
        return byline_loader_fail_at (loader, child, error,
                                      _("A parameter needs a name: add “name:” (use “0”, "
                                        "“1” for positional parameters)"));
      if (!byline_loader_expect_type (loader, name_node, YAML_SCALAR_NODE, "name", error))
        return FALSE;

      param = byline_param_specs_lookup (spec->params, byline_loader_scalar (name_node));
      if (param == NULL)
        {
          param = g_new0 (BylineParamSpec, 1);
          param->name = g_strdup (byline_loader_scalar (name_node));
          g_ptr_array_add (spec->params, param);
        }
      if (!byline_loader_read_section (loader, child, "params", &param_section, param, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_shortcode_template (BylineLoader         *loader,
                         const yaml_node_t    *value,
                         const char           *what,
                         BylineShortcodeSpec  *spec,
                         GError              **error)
{
  g_autoptr(GError) template_error = NULL;
  BylineTemplate *template;

  if (!byline_loader_expect_type (loader, value, YAML_SCALAR_NODE, what, error))
    return FALSE;
  if (byline_loader_scalar_is_null (value))
    {
      g_clear_pointer (&spec->template, byline_template_free);
      return TRUE;
    }
  template = byline_template_new (byline_loader_scalar (value), &template_error);
  if (template == NULL)
    /* Translators: a shortcode name, then the template's own error. */
    return byline_loader_fail_at (loader, value, error, _("The template of “%s” is wrong: %s"),
                                  spec->name, template_error->message);
  g_clear_pointer (&spec->template, byline_template_free);
  spec->template = template;
  return TRUE;
}

static gboolean
read_shortcode_params (BylineLoader         *loader,
                       const yaml_node_t    *value,
                       const char           *what,
                       BylineShortcodeSpec  *spec,
                       GError              **error)
{
  return read_params (loader, value, spec, error);
}

static const BylineKeySpec shortcode_keys[] = {
  KEY ("help", byline_loader_read_translatable, BylineShortcodeSpec, help),
  KEY ("paired", byline_loader_read_bool, BylineShortcodeSpec, paired),
  KEY ("inline", byline_loader_read_bool, BylineShortcodeSpec, inline_),
  KEY ("markdown_inner", byline_loader_read_bool, BylineShortcodeSpec, markdown_inner),
  KEY ("multiline", byline_loader_read_bool, BylineShortcodeSpec, multiline),
  KEY ("any_params", byline_loader_read_bool, BylineShortcodeSpec, any_params),
  KEY ("parent", byline_loader_read_string, BylineShortcodeSpec, parent),
  KEY_WHOLE ("params", read_shortcode_params),
  KEY_WHOLE ("template", read_shortcode_template),
  KEY_ELSEWHERE ("remove"),
};

static const BylineKeySection shortcode_section = SECTION (N_("a shortcode"), shortcode_keys);

static gboolean
shortcodes_pair (BylineLoader       *loader,
                 const yaml_node_t  *key,
                 const yaml_node_t  *value,
                 gpointer            user_data,
                 GError            **error)
{
  BylineProfile *self = loader->profile;
  const char *name = byline_loader_scalar (key);
  const yaml_node_t *remove_node;
  BylineShortcodeSpec *spec;
  gboolean remove = FALSE;
  gboolean failed;

  if (name[0] == '\0' || strpbrk (name, " \t\n\"'`<>%{}/") != NULL)
    return byline_loader_fail_at (loader, key, error,
                                  _("“%s” cannot be a shortcode name; use letters, digits, "
                                    "“_” and “-”"),
                                  name);

  if (!byline_loader_expect_type (loader, value, YAML_MAPPING_NODE, name, error))
    return FALSE;

  remove_node = byline_loader_find_value (loader, value, "remove", error, &failed);
  if (failed || (remove_node != NULL &&
                 !byline_loader_read_bool (loader, remove_node, "remove", &remove, error)))
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

  return byline_loader_read_section (loader, value, name, &shortcode_section, spec, error);
}

/* Rules. */

static gboolean
rule_option_pair (BylineLoader       *loader,
                  const yaml_node_t  *key,
                  const yaml_node_t  *value,
                  gpointer            user_data,
                  GError            **error)
{
  RuleSetting *rule = user_data;
  const char *name = byline_loader_scalar (key);

  if (strcmp (name, "severity") == 0)
    {
      if (!byline_loader_read_severity (loader, value, name, &rule->severity, error))
        return FALSE;
      rule->has_severity = TRUE;
      return TRUE;
    }

  if (!byline_loader_expect_type (loader, value, YAML_SCALAR_NODE, name, error))
    return FALSE;
  g_hash_table_replace (rule->options, g_strdup (name), g_strdup (byline_loader_scalar (value)));
  return TRUE;
}

static gboolean
rules_pair (BylineLoader       *loader,
            const yaml_node_t  *key,
            const yaml_node_t  *value,
            gpointer            user_data,
            GError            **error)
{
  BylineProfile *self = loader->profile;
  const char *rule_id = byline_loader_scalar (key);
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
      if (!byline_loader_read_severity (loader, value, rule_id, &rule->severity, error))
        return FALSE;
      rule->has_severity = TRUE;
      return TRUE;
    }

  return byline_loader_for_each_pair (loader, value, rule_id, rule_option_pair, rule, error);
}

/* The document. */

static gboolean
read_site (BylineLoader       *loader,
           const yaml_node_t  *value,
           const char         *what,
           BylineProfile      *self,
           GError            **error)
{
  return byline_loader_read_section (loader, value, what, &site_section, self, error);
}

static gboolean
read_fields (BylineLoader       *loader,
             const yaml_node_t  *value,
             const char         *what,
             BylineProfile      *self,
             GError            **error)
{
  if (!byline_loader_expect_type (loader, value, YAML_SEQUENCE_NODE, what, error))
    return FALSE;
  for (yaml_node_item_t *item = value->data.sequence.items.start;
       item < value->data.sequence.items.top;
       item++)
    {
      const yaml_node_t *child = byline_loader_get_node (loader, *item, error);

      if (child == NULL || !field_item (loader, child, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_shortcodes (BylineLoader       *loader,
                 const yaml_node_t  *value,
                 const char         *what,
                 BylineProfile      *self,
                 GError            **error)
{
  return byline_loader_for_each_pair (loader, value, what, shortcodes_pair, NULL, error);
}

static gboolean
read_rules (BylineLoader       *loader,
            const yaml_node_t  *value,
            const char         *what,
            BylineProfile      *self,
            GError            **error)
{
  return byline_loader_for_each_pair (loader, value, what, rules_pair, NULL, error);
}

static gboolean
read_post_template (BylineLoader       *loader,
                    const yaml_node_t  *value,
                    const char         *what,
                    BylineTemplate    **slot,
                    GError            **error)
{
  g_autoptr(GError) template_error = NULL;
  BylineTemplate *template;

  if (!byline_loader_expect_type (loader, value, YAML_SCALAR_NODE, what, error))
    return FALSE;
  template = byline_template_new (byline_loader_scalar (value), &template_error);
  if (template == NULL)
    return byline_loader_fail_at (loader, value, error, _("The new-post template is wrong: %s"),
                                  template_error->message);
  g_clear_pointer (slot, byline_template_free);
  *slot = template;
  return TRUE;
}

/* CSS adds to what the profiles before it gave. */
static gboolean
read_css (BylineLoader       *loader,
          const yaml_node_t  *value,
          const char         *what,
          GString           **slot,
          GError            **error)
{
  if (!byline_loader_expect_type (loader, value, YAML_SCALAR_NODE, what, error))
    return FALSE;
  if ((*slot)->len > 0)
    g_string_append_c (*slot, '\n');
  g_string_append (*slot, byline_loader_scalar (value));
  return TRUE;
}

/* The preset the file builds on: byline_profile_new_for_site() reads it. */
static gboolean
read_extends (BylineLoader       *loader,
              const yaml_node_t  *value,
              const char         *what,
              BylineProfile      *self,
              GError            **error)
{
  return byline_loader_expect_type (loader, value, YAML_SCALAR_NODE, what, error);
}

static const BylineKeySpec top_keys[] = {
  KEY ("name", byline_loader_read_text, BylineProfile, name),
  KEY_WHOLE ("extends", read_extends),
  KEY_WHOLE ("site", read_site),
  KEY_WHOLE ("fields", read_fields),
  KEY_WHOLE ("shortcodes", read_shortcodes),
  KEY_WHOLE ("rules", read_rules),
  KEY ("new_post", read_post_template, BylineProfile, post_template),
  KEY ("words", byline_loader_read_string_list, BylineProfile, words),
  KEY ("css", read_css, BylineProfile, stylesheet),
};

static const BylineKeySection top_section = SECTION (N_("the profile"), top_keys);

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
  BylineLoader loader = { self, &document, file, translate, 0 };

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

      /* What runs to the end of the file (an unclosed quote or bracket) is
       * reported where it starts, as for front matter. */
      if (parser.context != NULL && parser.problem_mark.index >= length)
        mark = &parser.context_mark;

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
  if (root == NULL || (root->type == YAML_SCALAR_NODE && byline_loader_scalar_is_null (root)))
    ok = TRUE;  /* An empty .byline.yml changes nothing. */
  else
    ok = byline_loader_read_section (&loader, root, "the profile", &top_section, self, error);

  yaml_document_delete (&document);
  yaml_parser_delete (&parser);
  return ok;
}
