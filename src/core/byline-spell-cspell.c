/* byline-spell-cspell.c — cspell's configuration files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cspell reads its settings from JSON (with comments and trailing commas)
 * or YAML: "words" and "ignoreWords" are words, "dictionaryDefinitions"
 * name word files, and "overrides" and "languageSettings" hold more of
 * the same for some files or languages.
 */

#define G_LOG_DOMAIN "byline-spell"

#include "config.h"

#include "byline-spell-lists.h"
#include "byline-spell-private.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

/* The offset of the first byte at or after @i that is neither white space
 * nor inside a // or block comment. */
static gsize
next_significant (const char *s,
                  gsize       i,
                  gsize       length)
{
  while (i < length)
    {
      if (g_ascii_isspace (s[i]))
        i++;
      else if (s[i] == '/' && i + 1 < length && s[i + 1] == '/')
        {
          while (i < length && s[i] != '\n')
            i++;
        }
      else if (s[i] == '/' && i + 1 < length && s[i + 1] == '*')
        {
          const char *close = g_strstr_len (s + i + 2, length - i - 2, "*/");

          i = close != NULL ? (gsize) (close - s) + 2 : length;
        }
      else
        break;
    }
  return i;
}

/* cspell accepts JSON with comments and trailing commas; json-glib accepts
 * neither // comments nor trailing commas. Both become spaces (newlines
 * stay, so that lines in errors stay right). */
static char *
strip_jsonc (const char *text,
             gsize       length)
{
  char *out = g_strndup (text, length);
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (in_string)
        {
          if (out[i] == '\\' && i + 1 < length)
            i++;
          else if (out[i] == '"')
            in_string = FALSE;
        }
      else if (out[i] == '"')
        in_string = TRUE;
      else if (out[i] == '/' && i + 1 < length && (out[i + 1] == '/' || out[i + 1] == '*'))
        {
          gsize end = next_significant (out, i, length);

          for (; i < end; i++)
            if (out[i] != '\n')
              out[i] = ' ';
          i--;
        }
      else if (out[i] == ',')
        {
          gsize next = next_significant (out, i + 1, length);

          if (next < length && (out[next] == '}' || out[next] == ']'))
            out[i] = ' ';
        }
    }

  return out;
}

static void
json_strings (JsonObject *object,
              const char *member,
              GPtrArray  *words)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
        byline_spell_add_words_of (words, json_node_get_string (item), strlen (json_node_get_string (item)));
    }
}

/* "words", "ignoreWords" and the dictionary files of one settings object;
 * "overrides" and "languageSettings" hold more of them. */
static void
json_settings (JsonObject *object,
               GPtrArray  *words,
               GPtrArray  *word_files,
               guint       depth)
{
  static const char * const nested[] = { "overrides", "languageSettings" };
  JsonNode *definitions;

  json_strings (object, "words", words);
  json_strings (object, "ignoreWords", words);

  definitions = json_object_get_member (object, "dictionaryDefinitions");
  if (definitions != NULL && JSON_NODE_HOLDS_ARRAY (definitions))
    {
      JsonArray *array = json_node_get_array (definitions);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          JsonObject *definition;
          const char *path;

          if (!JSON_NODE_HOLDS_OBJECT (item))
            continue;
          definition = json_node_get_object (item);
          path = json_object_get_string_member_with_default (definition, "path", NULL);
          if (path != NULL)
            g_ptr_array_add (word_files, g_strdup (path));
        }
    }

  for (guint n = 0; n < G_N_ELEMENTS (nested) && depth == 0; n++)
    {
      JsonNode *node = json_object_get_member (object, nested[n]);

      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        continue;
      for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
        {
          JsonNode *item = json_array_get_element (json_node_get_array (node), i);

          if (JSON_NODE_HOLDS_OBJECT (item))
            json_settings (json_node_get_object (item), words, word_files, depth + 1);
        }
    }
}

static gboolean
parse_cspell_json (const char  *text,
                   gsize        length,
                   const char  *file_name,
                   GPtrArray   *words,
                   GPtrArray   *word_files,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *clean = strip_jsonc (text, length);
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, clean, length, &local_error))
    {
      const char *message = local_error->message;
      int line = 0, column = 0, consumed = 0;

      /* json-glib says "<data>:LINE:COLUMN: Parse error: …". */
      if (sscanf (message, "<data>:%d:%d: %n", &line, &column, &consumed) == 2 && consumed > 0)
        message += consumed;
      /* Translators: a file name, its line, then json-glib's description. */
      g_set_error (error, BYLINE_SPELL_ERROR, BYLINE_SPELL_ERROR_INVALID_LIST,
                   _("%s:%lu: Not valid JSON: %s"), file_name, (gulong) MAX (line, 1), message);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, BYLINE_SPELL_ERROR, BYLINE_SPELL_ERROR_INVALID_LIST,
                   _("%s:1: A cspell configuration is an object of settings"), file_name);
      return FALSE;
    }

  json_settings (json_node_get_object (root), words, word_files, 0);
  return TRUE;
}

static yaml_node_t *
yaml_lookup (yaml_document_t *document,
             yaml_node_t     *mapping,
             const char      *key)
{
  if (mapping == NULL || mapping->type != YAML_MAPPING_NODE)
    return NULL;

  for (yaml_node_pair_t *pair = mapping->data.mapping.pairs.start;
       pair < mapping->data.mapping.pairs.top; pair++)
    {
      yaml_node_t *k = yaml_document_get_node (document, pair->key);

      if (k != NULL && k->type == YAML_SCALAR_NODE &&
          strcmp ((const char *) k->data.scalar.value, key) == 0)
        return yaml_document_get_node (document, pair->value);
    }
  return NULL;
}

static void
yaml_strings (yaml_document_t *document,
              yaml_node_t     *mapping,
              const char      *key,
              GPtrArray       *words)
{
  yaml_node_t *list = yaml_lookup (document, mapping, key);

  if (list == NULL || list->type != YAML_SEQUENCE_NODE)
    return;
  for (yaml_node_item_t *item = list->data.sequence.items.start;
       item < list->data.sequence.items.top; item++)
    {
      yaml_node_t *node = yaml_document_get_node (document, *item);

      if (node != NULL && node->type == YAML_SCALAR_NODE)
        byline_spell_add_words_of (words, (const char *) node->data.scalar.value, node->data.scalar.length);
    }
}

static void
yaml_settings (yaml_document_t *document,
               yaml_node_t     *mapping,
               GPtrArray       *words,
               GPtrArray       *word_files,
               guint            depth)
{
  static const char * const nested[] = { "overrides", "languageSettings" };
  yaml_node_t *definitions;

  yaml_strings (document, mapping, "words", words);
  yaml_strings (document, mapping, "ignoreWords", words);

  definitions = yaml_lookup (document, mapping, "dictionaryDefinitions");
  if (definitions != NULL && definitions->type == YAML_SEQUENCE_NODE)
    for (yaml_node_item_t *item = definitions->data.sequence.items.start;
         item < definitions->data.sequence.items.top; item++)
      {
        yaml_node_t *path = yaml_lookup (document, yaml_document_get_node (document, *item),
                                         "path");

        if (path != NULL && path->type == YAML_SCALAR_NODE)
          g_ptr_array_add (word_files, g_strndup ((const char *) path->data.scalar.value,
                                                  path->data.scalar.length));
      }

  for (guint n = 0; n < G_N_ELEMENTS (nested) && depth == 0; n++)
    {
      yaml_node_t *list = yaml_lookup (document, mapping, nested[n]);

      if (list == NULL || list->type != YAML_SEQUENCE_NODE)
        continue;
      for (yaml_node_item_t *item = list->data.sequence.items.start;
           item < list->data.sequence.items.top; item++)
        yaml_settings (document, yaml_document_get_node (document, *item), words, word_files,
                       depth + 1);
    }
}

static gboolean
parse_cspell_yaml (const char  *text,
                   gsize        length,
                   const char  *file_name,
                   GPtrArray   *words,
                   GPtrArray   *word_files,
                   GError     **error)
{
  yaml_parser_t parser;
  yaml_document_t document;
  yaml_node_t *root;
  gboolean ok = TRUE;

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *) text, length);

  if (!yaml_parser_load (&parser, &document))
    {
      /* Translators: a file name, its line, then libyaml's description. */
      g_set_error (error, BYLINE_SPELL_ERROR, BYLINE_SPELL_ERROR_INVALID_LIST,
                   _("%s:%lu: Not valid YAML: %s"), file_name,
                   (gulong) parser.problem_mark.line + 1,
                   parser.problem != NULL ? parser.problem : "");
      yaml_parser_delete (&parser);
      return FALSE;
    }

  root = yaml_document_get_root_node (&document);
  if (root != NULL && root->type != YAML_MAPPING_NODE)
    {
      g_set_error (error, BYLINE_SPELL_ERROR, BYLINE_SPELL_ERROR_INVALID_LIST,
                   _("%s:%lu: A cspell configuration is a mapping of settings"), file_name,
                   (gulong) root->start_mark.line + 1);
      ok = FALSE;
    }
  else if (root != NULL)
    yaml_settings (&document, root, words, word_files, 0);

  yaml_document_delete (&document);
  yaml_parser_delete (&parser);
  return ok;
}

gboolean
byline_spell_parse_cspell (const char  *text,
                           gsize        length,
                           gboolean     yaml,
                           const char  *file_name,
                           GPtrArray   *words,
                           GPtrArray   *word_files,
                           GError     **error)
{
  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (file_name != NULL, FALSE);
  g_return_val_if_fail (words != NULL, FALSE);
  g_return_val_if_fail (word_files != NULL, FALSE);

  if (yaml)
    return parse_cspell_yaml (text, length, file_name, words, word_files, error);
  return parse_cspell_json (text, length, file_name, words, word_files, error);
}
