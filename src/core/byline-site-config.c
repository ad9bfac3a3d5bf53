/* byline-site-config.c — reading and merging a Hugo site's configuration
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As Hugo's config/configLoader.go and config/allconfig/load.go do it:
 * the first of hugo.{toml,yaml,yml,json} and config.{…} in the folder,
 * then config/_default/ read recursively, each file the value of the key
 * of its name (params.toml → params, menus.en.toml → languages.en.menus),
 * set over it. A theme's or module's configuration is then merged under
 * the project's by the merge strategy of each key
 * (config/defaultConfigProvider.go): params deep, menus, outputFormats and
 * mediaTypes shallow, everything else not at all unless "_merge" says so;
 * top-level values the project lacks are taken.
 */

#define G_LOG_DOMAIN "byline-site"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "byline-site.h"
#include "byline-site-private.h"

#include <string.h>

/* No site configuration is this large; larger files are refused unread. */
#define MAX_CONFIG_SIZE (8 * 1024 * 1024)

static const char * const config_names[] = { "hugo", "config", NULL };
static const char * const config_extensions[] = { "toml", "yaml", "yml", "json", NULL };

static BylineData *
read_config_file (BylineSiteModel *self,
                  const char      *path,
                  GPtrArray       *files)
{
  g_autoptr(GError) error = NULL;
  BylineSpan span = { 0 };
  g_autoptr(BylineData) data = NULL;

  byline_site_model_watch (self, path);
  data = byline_data_read_file (path, MAX_CONFIG_SIZE, &span, &error);

  if (data == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("Byline cannot read the site configuration: %s. "
                           "It works with what it can tell without it."), error->message);

      byline_site_model_add_problem (self, BYLINE_SITE_PROBLEM_CONFIG_UNREADABLE, path,
                                     span.line, span.column, NULL, message);
      return NULL;
    }
  if (files != NULL)
    g_ptr_array_add (files, g_strdup (path));

  if (byline_data_get_kind (data) == BYLINE_DATA_NULL)
    return byline_data_new_map ();
  if (byline_data_get_kind (data) != BYLINE_DATA_MAP)
    {
      const BylineSpan *where = byline_data_get_span (data);
      g_autofree char *message =
        g_strdup_printf (_("Byline cannot read the site configuration %s: it must be a map of "
                           "keys and values. It works with what it can tell without it."), path);

      byline_site_model_add_problem (self, BYLINE_SITE_PROBLEM_CONFIG_UNREADABLE, path,
                                     where->line, where->column, NULL, message);
      return NULL;
    }
  return g_steal_pointer (&data);
}

/* Hugo's Set: values of @src over those of @dst, maps merged key by key. */
BylineData *
byline_site_config_set (BylineData *dst,
                        BylineData *src)
{
  BylineData *result;

  g_return_val_if_fail (dst != NULL && src != NULL, NULL);

  result = byline_data_map_copy (dst);
  for (guint i = 0; i < byline_data_get_length (src); i++)
    {
      const char *key = byline_data_map_get_key (src, i);
      BylineData *value = byline_data_map_get_value (src, i);
      BylineData *existing = byline_data_map_lookup_fold (result, key, NULL);

      if (existing != NULL && byline_data_get_kind (existing) == BYLINE_DATA_MAP &&
          byline_data_get_kind (value) == BYLINE_DATA_MAP)
        byline_data_map_set_fold (result, key, byline_site_config_set (existing, value));
      else
        byline_data_map_set_fold (result, key, byline_data_ref (value));
    }
  return result;
}

/* Wraps @value in the maps of @path: ["languages", "en", "menus"]. */
static BylineData *
wrap_in_keys (const char * const *path,
              BylineData         *value)
{
  BylineData *result = value;
  guint n = g_strv_length ((char **) path);

  for (guint i = n; i > 0; i--)
    {
      BylineData *map = byline_data_new_map ();

      byline_data_map_append (map, path[i - 1], NULL, result);
      result = map;
    }
  return result;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* config/_default/ as config.LoadConfigFromDir reads it. */
static void
read_config_folder (BylineSiteModel  *self,
                    const char       *folder,
                    BylineData      **config,
                    GPtrArray        *files,
                    guint             depth)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL || depth > 16)
    return;
  byline_site_model_watch (self, folder);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  /* afero.Walk visits names in lexical order. */
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      const char *child = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (folder, child, NULL);
      g_autofree char *base = NULL;
      g_autoptr(BylineData) item = NULL;
      g_autoptr(BylineData) wrapped = NULL;
      BylineData *value;
      const char *dot;
      char *lang;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          read_config_folder (self, path, config, files, depth + 1);
          continue;
        }
      if (!byline_data_format_for_name (child, NULL) || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;

      item = read_config_file (self, path, files);
      if (item == NULL)
        continue;

      dot = strrchr (child, '.');
      base = g_strndup (child, dot - child);
      if (g_strv_contains (config_names, base))
        {
          wrapped = byline_data_ref (item);
        }
      else
        {
          /* params.de → languages.de.params; menus.en → languages.en.menus;
           * languages.en → languages.en; markup → markup. */
          lang = strrchr (base, '.');
          if (lang != NULL)
            *lang++ = '\0';

          /* A file may repeat its own key as its only top-level key. */
          value = item;
          if (byline_data_get_length (item) == 1 &&
              strcmp (byline_data_map_get_key (item, 0), base) == 0)
            value = byline_data_map_get_value (item, 0);

          if (lang == NULL || lang[0] == '\0')
            wrapped = wrap_in_keys ((const char * const[]) { base, NULL }, byline_data_ref (value));
          else if (g_ascii_strcasecmp (base, "menu") == 0 ||
                   g_ascii_strcasecmp (base, "menus") == 0)
            wrapped = wrap_in_keys ((const char * const[]) { "languages", lang, "menus", NULL },
                                    byline_data_ref (value));
          else if (g_ascii_strcasecmp (base, "params") == 0)
            wrapped = wrap_in_keys ((const char * const[]) { "languages", lang, "params", NULL },
                                    byline_data_ref (value));
          else
            wrapped = wrap_in_keys ((const char * const[]) { "languages", lang, NULL },
                                    byline_data_ref (value));
        }

      {
        BylineData *merged = byline_site_config_set (*config, wrapped);

        byline_data_unref (*config);
        *config = merged;
      }
    }
}

BylineData *
byline_site_read_config_dir (BylineSiteModel *self,
                             const char      *dir,
                             GPtrArray       *files)
{
  g_autofree char *folder = g_build_filename (dir, "config", "_default", NULL);
  g_autoptr(BylineData) config = NULL;
  gboolean found = FALSE;

  for (guint n = 0; config_names[n] != NULL && !found; n++)
    for (guint e = 0; config_extensions[e] != NULL && !found; e++)
      {
        g_autofree char *file = g_strdup_printf ("%s.%s", config_names[n], config_extensions[e]);
        g_autofree char *path = g_build_filename (dir, file, NULL);

        byline_site_model_watch (self, path);
        if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
          continue;
        /* Only the first file is read, even when it cannot be. */
        found = TRUE;
        config = read_config_file (self, path, files);
      }

  byline_site_model_watch (self, folder);
  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      found = TRUE;
      if (config == NULL)
        config = byline_data_new_map ();
      read_config_folder (self, folder, &config, files, 0);
    }

  if (!found)
    return NULL;
  return config != NULL ? g_steal_pointer (&config) : byline_data_new_map ();
}

/* Merging a component's configuration */

static BylineSiteMerge
user_strategy (BylineData *map)
{
  g_autofree char *value = byline_data_lookup_string (map, "_merge");

  if (value == NULL)
    return MERGE_UNSET;
  if (g_ascii_strcasecmp (value, "none") == 0)
    return MERGE_NONE;
  if (g_ascii_strcasecmp (value, "shallow") == 0)
    return MERGE_SHALLOW;
  if (g_ascii_strcasecmp (value, "deep") == 0)
    return MERGE_DEEP;
  return MERGE_UNSET;
}

typedef struct
{
  guint depth;                 /* 1 for a key of the root */
  const char *first_key;       /* folded key of the root the path starts with */
} KeyPath;

/* determineMergeStrategy: the strategy a project map gets by default.
 * @parent is its parent's; a root's only when the user set one. */
static BylineSiteMerge
default_strategy (BylineSiteMerge  parent,
                  gboolean         parent_is_root,
                  const char      *folded_key,
                  const KeyPath   *path)
{
  if (strcmp (folded_key, "params") == 0)
    return MERGE_DEEP;
  if (strcmp (folded_key, "outputformats") == 0 || strcmp (folded_key, "mediatypes") == 0)
    return parent_is_root ? MERGE_SHALLOW : parent;
  if (strcmp (folded_key, "menus") == 0)
    {
      /* Also below languages: root > languages > en > menus. */
      if (parent_is_root || (path->depth == 3 && g_strcmp0 (path->first_key, "languages") == 0))
        return MERGE_SHALLOW;
      return parent;
    }
  return parent == MERGE_UNSET ? MERGE_NONE : parent;
}

static BylineSiteMerge
own_strategy (BylineData      *map,
              BylineSiteMerge  parent,
              gboolean         parent_is_root,
              const char      *key,
              const KeyPath   *path)
{
  BylineSiteMerge user = user_strategy (map);
  g_autofree char *folded = NULL;

  if (user != MERGE_UNSET)
    return user;
  folded = byline_data_fold_key (key);
  return default_strategy (parent, parent_is_root, folded, path);
}

/* Params.IsZero: empty, or holding nothing but "_merge". */
static gboolean
is_zero_map (BylineData *map)
{
  guint length = byline_data_get_length (map);

  return length == 0 || (length == 1 && strcmp (byline_data_map_get_key (map, 0), "_merge") == 0);
}

/* Hugo's Params.merge (ps, pp) on a project map with its own strategy. */
static BylineData *
merge_params (BylineData      *dst,
              BylineSiteMerge  own,
              BylineData      *src,
              BylineSiteMerge  ps,
              const KeyPath   *path)
{
  BylineSiteMerge ms = own != MERGE_UNSET ? own : ps;
  gboolean no_update = ms == MERGE_NONE || ps == MERGE_SHALLOW;
  BylineData *result = NULL;

  for (guint i = 0; i < byline_data_get_length (src); i++)
    {
      const char *key = byline_data_map_get_key (src, i);
      BylineData *value = byline_data_map_get_value (src, i);
      BylineData *existing;

      if (strcmp (key, "_merge") == 0)
        continue;
      existing = byline_data_map_lookup_fold (result != NULL ? result : dst, key, NULL);

      if (existing != NULL)
        {
          if (byline_data_get_kind (existing) == BYLINE_DATA_MAP &&
              byline_data_get_kind (value) == BYLINE_DATA_MAP)
            {
              g_autofree char *folded = byline_data_fold_key (key);
              KeyPath child_path = { path->depth + 1, path->depth == 0 ? folded : path->first_key };
              BylineSiteMerge child = own_strategy (existing, ms, FALSE, key, &child_path);
              BylineData *merged = merge_params (existing, child, value, ms, &child_path);

              if (merged != existing)
                {
                  if (result == NULL)
                    result = byline_data_map_copy (dst);
                  byline_data_map_set_fold (result, key, merged);
                }
              else
                byline_data_unref (merged);
            }
          else if (byline_data_get_kind (existing) == BYLINE_DATA_MAP && is_zero_map (existing) &&
                   user_strategy (existing) != MERGE_UNSET &&
                   user_strategy (existing) != MERGE_NONE)
            {
              if (result == NULL)
                result = byline_data_map_copy (dst);
              byline_data_map_set_fold (result, key, byline_data_ref (value));
            }
        }
      else if (!no_update)
        {
          if (result == NULL)
            result = byline_data_map_copy (dst);
          byline_data_map_append (result, key, byline_data_map_get_key_span (src, i),
                                  byline_data_ref (value));
        }
    }
  return result != NULL ? result : byline_data_ref (dst);
}

BylineData *
byline_site_config_merge_component (BylineData *project,
                                    BylineData *component)
{
  BylineSiteMerge root = user_strategy (project);
  BylineData *result;

  g_return_val_if_fail (project != NULL && component != NULL, NULL);

  if (root == MERGE_NONE)
    return byline_data_ref (project);

  result = byline_data_map_copy (project);
  for (guint i = 0; i < byline_data_get_length (component); i++)
    {
      const char *key = byline_data_map_get_key (component, i);
      BylineData *value = byline_data_map_get_value (component, i);
      BylineData *existing = byline_data_map_lookup_fold (result, key, NULL);
      g_autofree char *folded = byline_data_fold_key (key);
      KeyPath path = { 1, folded };

      if (strcmp (key, "_merge") == 0)
        continue;

      if (byline_data_get_kind (value) == BYLINE_DATA_MAP)
        {
          if (existing != NULL && byline_data_get_kind (existing) == BYLINE_DATA_MAP)
            {
              BylineSiteMerge own = own_strategy (existing, root, TRUE, key, &path);

              byline_data_map_set_fold (result, key,
                                        merge_params (existing, own, value, MERGE_UNSET, &path));
            }
          else if (existing == NULL && default_strategy (root, TRUE, folded, &path) != MERGE_NONE)
            byline_data_map_append (result, key, byline_data_map_get_key_span (component, i),
                                    byline_data_ref (value));
        }
      else if (existing == NULL)
        byline_data_map_append (result, key, byline_data_map_get_key_span (component, i),
                                byline_data_ref (value));
      else if (byline_data_get_kind (existing) == BYLINE_DATA_MAP && is_zero_map (existing) &&
               user_strategy (existing) != MERGE_UNSET && user_strategy (existing) != MERGE_NONE)
        /* A list from the theme where the project asks for it, as
         * [permalinks] _merge = 'deep' does for a theme's permalinks. */
        byline_data_map_set_fold (result, key, byline_data_ref (value));
    }
  return result;
}
