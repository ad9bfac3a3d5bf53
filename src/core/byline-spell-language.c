/* byline-spell-language.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-spell"

#include "config.h"

#include "byline-spell-language.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <yaml.h>

/* Configuration files are small; a huge one is not read. */
#define MAX_CONFIG_BYTES (4 * 1024 * 1024)
#define MAX_DEPTH 4

struct _BylineLanguages
{
  GFile      *site_root;
  /* Dotted, lower-case key paths of the configuration → scalar values:
   * "defaultcontentlanguage", "languages.de.languagecode", … */
  GHashTable *values;
};

static void
set_value (GHashTable *values,
           const char *path,
           const char *value)
{
  g_hash_table_replace (values, g_ascii_strdown (path, -1), g_strdup (value));
}

/* TOML: [table] and [[array]] headers, key = "string" | 'string' | bool,
 * dotted and quoted keys. Everything else is skipped line by line. */
static char *
toml_key_path (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ".", -1);
  GString *path = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      gsize n = strlen (part);

      if (n >= 2 && (part[0] == '"' || part[0] == '\'') && part[n - 1] == part[0])
        {
          part[n - 1] = '\0';
          part++;
        }
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, part);
    }
  return g_string_free (path, FALSE);
}

static void
read_toml (GHashTable *values,
           const char *text,
           const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *table = g_strdup (prefix);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      char *eq;

      if (line[0] == '#' || line[0] == '\0')
        continue;

      if (line[0] == '[')
        {
          gboolean array = line[1] == '[';
          char *close = strchr (line, ']');
          g_autofree char *path = NULL;

          if (close == NULL)
            continue;
          *close = '\0';
          path = toml_key_path (line + (array ? 2 : 1));
          g_free (table);
          table = prefix[0] != '\0' ? g_strconcat (prefix, ".", path, NULL) : g_strdup (path);
          continue;
        }

      eq = strchr (line, '=');
      if (eq == NULL)
        continue;
      *eq = '\0';
      {
        g_autofree char *key = toml_key_path (line);
        g_autofree char *path = table[0] != '\0' ? g_strconcat (table, ".", key, NULL)
                                                 : g_strdup (key);
        char *value = g_strstrip (eq + 1);
        char quote = value[0];

        if (quote == '"' || quote == '\'')
          {
            char *end = strchr (value + 1, quote);

            if (end != NULL)
              {
                *end = '\0';
                set_value (values, path, value + 1);
              }
          }
        else if (g_str_has_prefix (value, "true") || g_str_has_prefix (value, "false"))
          set_value (values, path, value[0] == 't' ? "true" : "false");
      }
    }
}

static void
flatten_yaml (GHashTable      *values,
              yaml_document_t *document,
              yaml_node_t     *node,
              const char      *path,
              guint            depth)
{
  if (node == NULL || depth > MAX_DEPTH)
    return;

  if (node->type == YAML_SCALAR_NODE && path[0] != '\0')
    {
      g_autofree char *value = g_strndup ((const char *) node->data.scalar.value,
                                          node->data.scalar.length);

      set_value (values, path, value);
      return;
    }
  if (node->type != YAML_MAPPING_NODE)
    return;

  for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
       pair < node->data.mapping.pairs.top; pair++)
    {
      yaml_node_t *key = yaml_document_get_node (document, pair->key);
      g_autofree char *child = NULL;

      if (key == NULL || key->type != YAML_SCALAR_NODE)
        continue;
      child = path[0] != '\0' ? g_strconcat (path, ".", key->data.scalar.value, NULL)
                              : g_strdup ((const char *) key->data.scalar.value);
      flatten_yaml (values, document, yaml_document_get_node (document, pair->value), child,
                    depth + 1);
    }
}

static void
read_yaml (GHashTable *values,
           const char *text,
           gsize       length,
           const char *prefix)
{
  yaml_parser_t parser;
  yaml_document_t document;

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *) text, length);
  if (yaml_parser_load (&parser, &document))
    {
      flatten_yaml (values, &document, yaml_document_get_root_node (&document), prefix, 0);
      yaml_document_delete (&document);
    }
  yaml_parser_delete (&parser);
}

static void
flatten_json (GHashTable *values,
              JsonNode   *node,
              const char *path,
              guint       depth)
{
  if (node == NULL || depth > MAX_DEPTH)
    return;

  if (JSON_NODE_HOLDS_VALUE (node) && path[0] != '\0')
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_STRING)
        set_value (values, path, json_node_get_string (node));
      else if (type == G_TYPE_BOOLEAN)
        set_value (values, path, json_node_get_boolean (node) ? "true" : "false");
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;

  {
    JsonObject *object = json_node_get_object (node);
    g_autoptr(GList) members = json_object_get_members (object);

    for (GList *l = members; l != NULL; l = l->next)
      {
        g_autofree char *child = path[0] != '\0' ? g_strconcat (path, ".", l->data, NULL)
                                                 : g_strdup (l->data);

        flatten_json (values, json_object_get_member (object, l->data), child, depth + 1);
      }
  }
}

static void
read_json (GHashTable *values,
           const char *text,
           gsize       length,
           const char *prefix)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (json_parser_load_from_data (parser, text, length, NULL))
    flatten_json (values, json_parser_get_root (parser), prefix, 0);
}

/* Reads @folder/@base.{toml,yaml,yml,json}, the first that exists. */
static void
read_config (GHashTable *values,
             GFile      *folder,
             const char *base,
             const char *prefix)
{
  static const char * const extensions[] = { "toml", "yaml", "yml", "json" };

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", base, extensions[i]);
      g_autoptr(GFile) file = g_file_get_child (folder, name);
      g_autoptr(GFileInfo) info = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;

      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                                NULL, NULL);
      if (info == NULL || g_file_info_get_size (info) > MAX_CONFIG_BYTES ||
          !g_file_load_contents (file, NULL, &contents, &length, NULL, NULL) ||
          !g_utf8_validate_len (contents, length, NULL))
        continue;

      if (i == 0)
        read_toml (values, contents, prefix);
      else if (i == 3)
        read_json (values, contents, length, prefix);
      else
        read_yaml (values, contents, length, prefix);
      return;
    }
}

BylineLanguages *
byline_languages_read (GFile *site_root)
{
  BylineLanguages *self = g_new0 (BylineLanguages, 1);

  g_return_val_if_fail (site_root == NULL || G_IS_FILE (site_root), self);

  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (site_root == NULL)
    return self;

  self->site_root = g_object_ref (site_root);

  /* Hugo reads hugo.* before config.*; config/_default/ is merged over
   * them, with languages.* holding the languages table. */
  {
    g_autoptr(GFile) defaults = g_file_resolve_relative_path (site_root, "config/_default");

    read_config (self->values, site_root, "config", "");
    read_config (self->values, site_root, "hugo", "");
    read_config (self->values, defaults, "config", "");
    read_config (self->values, defaults, "hugo", "");
    read_config (self->values, defaults, "languages", "languages");
  }

  return self;
}

void
byline_languages_free (BylineLanguages *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->site_root);
  g_clear_pointer (&self->values, g_hash_table_unref);
  g_free (self);
}

/* languages.<key>.<field> */
static const char *
get_value (const BylineLanguages *self,
           const char            *key,
           const char            *field)
{
  g_autofree char *path = g_strconcat ("languages.", key, ".", field, NULL);
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_hash_table_lookup (self->values, lower);
}

static gboolean
is_language (const BylineLanguages *self,
             const char            *key)
{
  g_autofree char *prefix = g_strdup_printf ("languages.%s.", key);
  GHashTableIter iter;
  gpointer path;

  g_hash_table_iter_init (&iter, self->values);
  while (g_hash_table_iter_next (&iter, &path, NULL))
    if (g_str_has_prefix (path, prefix))
      return TRUE;
  return FALSE;
}

static gboolean
has_languages (const BylineLanguages *self)
{
  GHashTableIter iter;
  gpointer path;

  g_hash_table_iter_init (&iter, self->values);
  while (g_hash_table_iter_next (&iter, &path, NULL))
    if (g_str_has_prefix (path, "languages."))
      return TRUE;
  return FALSE;
}

static const char *
default_key (const BylineLanguages *self)
{
  const char *key = g_hash_table_lookup (self->values, "defaultcontentlanguage");

  return key != NULL && key[0] != '\0' ? key : "en";
}

char *
byline_spell_file_language_suffix (const char *basename)
{
  const char *last = strrchr (basename, '.');
  const char *dot;
  gsize n;

  if (last == NULL || last == basename)
    return NULL;
  for (dot = last - 1; dot > basename && *dot != '.'; dot--)
    ;
  if (*dot != '.' || dot == basename)
    return NULL;

  /* de, pt-br, zh-hans: letters with an optional subtag. */
  n = last - dot - 1;
  if (n < 2 || n > 10 || !g_ascii_isalpha (dot[1]) || !g_ascii_isalpha (dot[2]))
    return NULL;
  for (const char *p = dot + 1; p < last; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return NULL;
  if (n > 3 && dot[3] != '-' && dot[3] != '_' && (n < 4 || dot[4] != '-'))
    return NULL;

  return g_ascii_strdown (dot + 1, n);
}

char *
byline_languages_post_key (const BylineLanguages *self,
                           GFile                 *post_file)
{
  g_autofree char *basename = NULL;
  g_autofree char *suffix = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (post_file), NULL);

  basename = g_file_get_basename (post_file);
  suffix = byline_spell_file_language_suffix (basename);
  if (suffix != NULL && (!has_languages (self) || is_language (self, suffix)))
    return g_steal_pointer (&suffix);

  /* The language whose contentDir holds the post. */
  if (self->site_root != NULL)
    {
      GHashTableIter iter;
      gpointer path, value;

      g_hash_table_iter_init (&iter, self->values);
      while (g_hash_table_iter_next (&iter, &path, &value))
        {
          const char *p = path;
          g_autoptr(GFile) dir = NULL;

          if (!g_str_has_prefix (p, "languages.") || !g_str_has_suffix (p, ".contentdir"))
            continue;
          dir = g_file_resolve_relative_path (self->site_root, value);
          if (g_file_has_prefix (post_file, dir))
            return g_strndup (p + strlen ("languages."),
                              strlen (p) - strlen ("languages.") - strlen (".contentdir"));
        }
    }

  return g_strdup (default_key (self));
}

const char *
byline_languages_get_code (const BylineLanguages *self,
                           const char            *key)
{
  const char *code;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  code = get_value (self, key, "languagecode");
  if (code == NULL)
    code = get_value (self, key, "locale");
  if (code == NULL && g_ascii_strcasecmp (key, default_key (self)) == 0)
    {
      code = g_hash_table_lookup (self->values, "languagecode");
      if (code == NULL)
        code = g_hash_table_lookup (self->values, "locale");
    }
  return code != NULL && code[0] != '\0' ? code : key;
}

gboolean
byline_languages_has_cjk_language (const BylineLanguages *self,
                                   const char            *key)
{
  const char *value;

  g_return_val_if_fail (self != NULL, FALSE);

  value = key != NULL ? get_value (self, key, "hascjklanguage") : NULL;
  if (value == NULL)
    value = g_hash_table_lookup (self->values, "hascjklanguage");
  return g_strcmp0 (value, "true") == 0;
}

char *
byline_spell_language_for_post (const BylineLanguages *languages,
                                GFile                 *post_file,
                                const char            *choice,
                                const char            *fallback)
{
  g_autofree char *basename = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (G_IS_FILE (post_file), NULL);

  if (choice != NULL && choice[0] != '\0')
    return g_strdup (choice);

  basename = g_file_get_basename (post_file);
  suffix = byline_spell_file_language_suffix (basename);

  if (languages != NULL)
    {
      gboolean configured = g_hash_table_contains (languages->values, "languagecode") ||
                            g_hash_table_contains (languages->values, "locale") ||
                            g_hash_table_contains (languages->values, "defaultcontentlanguage") ||
                            has_languages (languages);

      key = byline_languages_post_key (languages, post_file);
      if (configured || (suffix != NULL && g_strcmp0 (key, suffix) == 0))
        return g_strdup (byline_languages_get_code (languages, key));
    }
  else if (suffix != NULL)
    return g_steal_pointer (&suffix);

  return g_strdup (fallback);
}

gboolean
byline_spell_language_is_cjk (const char *language)
{
  g_return_val_if_fail (language != NULL, FALSE);

  if (strlen (language) < 2 || (language[2] != '\0' && language[2] != '-' && language[2] != '_'))
    return FALSE;
  return g_ascii_strncasecmp (language, "zh", 2) == 0 ||
         g_ascii_strncasecmp (language, "ja", 2) == 0 ||
         g_ascii_strncasecmp (language, "ko", 2) == 0;
}
