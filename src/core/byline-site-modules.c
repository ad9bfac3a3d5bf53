/* byline-site-modules.c — themes, Hugo Modules, and the folders they mount
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo's modules/config.go and modules/collect.go: the project imports
 * module.imports, then each entry of "theme" (a string or a list). An
 * import is found, in this order, through module.replacements, the
 * project's _vendor/ folder, a go.mod "replace" to a local folder, Hugo's
 * module cache (<cacheDir>/modules/filecache/modules/pkg/mod/<path>@<v>,
 * the version from go.mod), and finally <themesDir>/<path>. Each
 * component's own configuration is read and merged under the project's,
 * and its imports are followed in turn (each path once).
 *
 * Mounts: the project's module.mounts, and for each component folder it
 * does not mount, Hugo's defaults (contentDir, per-language contentDir,
 * staticDir, …; modules.ApplyProjectConfigDefaults). A component mounts
 * what its import or its module.mounts say, or every component folder it
 * has (collector.applyMounts).
 */

#define G_LOG_DOMAIN "byline-site"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "byline-site.h"
#include "byline-site-private.h"

#include <string.h>


typedef struct
{
  BylineSiteModel *site;
  BylineData *project_config;
  char *themes_dir;
  GHashTable *replacements;     /* module path → folder */
  GHashTable *go_requires;      /* module path → version */
  GHashTable *go_replaces;      /* module path → local folder */
  char *module_cache;           /* …/pkg/mod, or NULL */
  GHashTable *seen;             /* import paths already followed */
  char **submodules;            /* .gitmodules paths, absolute */
  GPtrArray *component_configs; /* BylineData, in component order */
  GPtrArray *component_mounts;  /* per component: the import's mounts, or NULL */
} Collector;

static gboolean
folder_is_empty (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);

  return dir == NULL || g_dir_read_name (dir) == NULL;
}

/* module.CheckPath's main condition: the first element is a host name. */
static gboolean
is_probably_module (const char *path)
{
  const char *slash = strchr (path, '/');
  g_autofree char *first = NULL;

  if (slash == NULL || slash == path)
    return FALSE;
  first = g_strndup (path, slash - path);
  if (strchr (first, '.') == NULL || first[0] == '.')
    return FALSE;
  for (const char *p = first; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-')
      return FALSE;
  return TRUE;
}

/* Go's module.EscapePath: upper-case letters become "!" and lower case. */
static char *
escape_module_path (const char *path)
{
  GString *out = g_string_new (NULL);

  for (const char *p = path; *p != '\0'; p++)
    {
      if (g_ascii_isupper (*p))
        {
          g_string_append_c (out, '!');
          g_string_append_c (out, g_ascii_tolower (*p));
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* go.mod: require and local replace directives. */
static void
read_go_mod (Collector *c)
{
  g_autofree char *path = g_build_filename (c->site->root_path, "go.mod", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  const char *block = NULL;

  byline_site_model_watch (c->site, path);
  if (!g_file_get_contents (path, &text, NULL, NULL))
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      char *comment = strstr (line, "//");
      g_auto(GStrv) words = NULL;
      guint n;

      if (comment != NULL)
        *comment = '\0';
      g_strstrip (line);
      if (line[0] == '\0')
        continue;
      if (strcmp (line, ")") == 0)
        {
          block = NULL;
          continue;
        }
      if (g_str_has_suffix (line, "("))
        {
          block = g_str_has_prefix (line, "require") ? "require"
                  : g_str_has_prefix (line, "replace") ? "replace" : "other";
          continue;
        }

      words = g_strsplit_set (line, " \t", -1);
      {
        /* Drop empty words (runs of spaces). */
        guint k = 0;

        for (guint j = 0; words[j] != NULL; j++)
          {
            if (words[j][0] != '\0')
              words[k++] = words[j];
            else
              g_free (words[j]);
          }
        words[k] = NULL;
        n = k;
      }
      if (n == 0)
        continue;

      if (block == NULL && (strcmp (words[0], "require") == 0 || strcmp (words[0], "replace") == 0))
        {
          const char *kind = words[0];
          char **rest = words + 1;

          if (strcmp (kind, "require") == 0 && n >= 3)
            g_hash_table_replace (c->go_requires, g_strdup (rest[0]), g_strdup (rest[1]));
          else if (strcmp (kind, "replace") == 0)
            {
              for (guint j = 0; rest[j] != NULL; j++)
                if (strcmp (rest[j], "=>") == 0 && rest[j + 1] != NULL &&
                    (rest[j + 1][0] == '.' || rest[j + 1][0] == '/'))
                  g_hash_table_replace (
                    c->go_replaces, g_strdup (rest[0]),
                    byline_site_absolute_path (c->site->root_path, rest[j + 1]));
            }
        }
      else if (g_strcmp0 (block, "require") == 0 && n >= 2)
        g_hash_table_replace (c->go_requires, g_strdup (words[0]), g_strdup (words[1]));
      else if (g_strcmp0 (block, "replace") == 0)
        {
          for (guint j = 0; words[j] != NULL; j++)
            if (strcmp (words[j], "=>") == 0 && words[j + 1] != NULL &&
                (words[j + 1][0] == '.' || words[j + 1][0] == '/'))
              g_hash_table_replace (c->go_replaces, g_strdup (words[0]),
                                    byline_site_absolute_path (c->site->root_path, words[j + 1]));
        }
    }
}

/* .gitmodules: the folders that are submodules. */
static void
read_git_modules (Collector *c)
{
  g_autofree char *path = g_build_filename (c->site->root_path, ".gitmodules", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();

  byline_site_model_watch (c->site, path);
  if (g_file_get_contents (path, &text, NULL, NULL))
    {
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          char *line = g_strstrip (lines[i]);
          char *equals;

          if (!g_str_has_prefix (line, "path"))
            continue;
          equals = strchr (line, '=');
          if (equals == NULL)
            continue;
          g_ptr_array_add (paths,
                           byline_site_absolute_path (c->site->root_path, g_strstrip (equals + 1)));
        }
    }
  g_ptr_array_add (paths, NULL);
  c->submodules = (char **) g_ptr_array_steal (paths, NULL);
}

/* Hugo's cache folder: cacheDir, $HUGO_CACHEDIR, then the user's cache. */
static void
find_module_cache (Collector *c)
{
  g_autofree char *configured = byline_data_lookup_string (c->project_config, "cacheDir");
  const char *env = g_getenv ("HUGO_CACHEDIR");
  g_autofree char *user_cache = g_build_filename (g_get_user_cache_dir (), "hugo_cache", NULL);
  g_autofree char *tmp_user = g_strdup_printf ("hugo_cache_%s", g_get_user_name ());
  g_autofree char *tmp_cache_user = g_build_filename (g_get_tmp_dir (), tmp_user, NULL);
  g_autofree char *tmp_cache = g_build_filename (g_get_tmp_dir (), "hugo_cache", NULL);
  const char *candidates[] = {
    configured != NULL && configured[0] != '\0' ? configured : NULL,
    env, user_cache, tmp_cache_user, tmp_cache,
  };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *base = NULL;
      g_autofree char *mod = NULL;

      if (candidates[i] == NULL || candidates[i][0] == '\0')
        continue;
      base = byline_site_absolute_path (c->site->root_path, candidates[i]);
      mod = g_build_filename (base, "modules", "filecache", "modules", "pkg", "mod", NULL);
      if (g_file_test (mod, G_FILE_TEST_IS_DIR))
        {
          c->module_cache = g_steal_pointer (&mod);
          return;
        }
    }
}

/* The newest "<path>@<version>" folder of the cache, for a module that
 * go.mod does not pin. */
static char *
find_cached_module (Collector  *c,
                    const char *module)
{
  g_autofree char *escaped = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *version = g_hash_table_lookup (c->go_requires, module);
  char *best = NULL;
  const char *name;

  if (c->module_cache == NULL)
    return NULL;
  escaped = escape_module_path (module);
  if (version != NULL)
    {
      g_autofree char *escaped_version = escape_module_path (version);
      g_autofree char *folder = g_strdup_printf ("%s@%s", escaped, escaped_version);
      char *path = g_build_filename (c->module_cache, folder, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        return path;
      g_free (path);
    }

  parent = g_path_get_dirname (escaped);
  base = g_path_get_basename (escaped);
  {
    g_autofree char *parent_path = g_build_filename (c->module_cache, parent, NULL);
    g_autofree char *prefix = g_strdup_printf ("%s@", base);

    dir = g_dir_open (parent_path, 0, NULL);
    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_prefix (name, prefix) && (best == NULL || strcmp (name, best) > 0))
        {
          g_free (best);
          best = g_strdup (name);
        }
    if (best != NULL)
      {
        char *path = g_build_filename (parent_path, best, NULL);

        g_free (best);
        return path;
      }
  }
  return NULL;
}

static gboolean
is_unchecked_submodule (Collector  *c,
                        const char *folder)
{
  for (guint i = 0; c->submodules[i] != NULL; i++)
    {
      const char *submodule = c->submodules[i];
      gsize length = strlen (submodule);

      /* The component lies in (or is) a submodule that is not there. */
      if ((strcmp (folder, submodule) == 0 ||
           (g_str_has_prefix (folder, submodule) && folder[length] == G_DIR_SEPARATOR)) &&
          folder_is_empty (submodule))
        return TRUE;
    }
  return FALSE;
}

static void
add_component (Collector                *c,
               const char               *name,
               BylineSiteComponentKind   kind,
               BylineSiteComponentState  state,
               const char               *path)
{
  BylineSiteComponent *component = g_new0 (BylineSiteComponent, 1);

  component->name = g_strdup (name);
  component->kind = kind;
  component->state = state;
  component->path = g_strdup (path);
  g_ptr_array_add (c->site->components, component);

  if (state != BYLINE_SITE_COMPONENT_FOUND)
    {
      g_autofree char *message = NULL;

      switch (state)
        {
        case BYLINE_SITE_COMPONENT_NOT_CHECKED_OUT:
          message = g_strdup_printf (
            _("The theme %s is not checked out (its git submodule is empty): "
               "its shortcodes and templates are not known."),
            name);
          break;
        case BYLINE_SITE_COMPONENT_NOT_IN_CACHE:
          message = g_strdup_printf (
            _("The Hugo Module %s is not in the module cache nor in _vendor/ "
               "(run “hugo mod get”): its shortcodes and templates are not known."),
            name);
          break;
        case BYLINE_SITE_COMPONENT_ABSENT:
        case BYLINE_SITE_COMPONENT_FOUND:
        default:
          message = g_strdup_printf (
            _("The theme %s is not in %s: its shortcodes and templates are "
               "not known."),
            name, path);
          break;
        }
      byline_site_model_add_problem (c->site, BYLINE_SITE_PROBLEM_COMPONENT_MISSING, path, 0, 0,
                                     name, message);
    }
}

/* The imports of a configuration: module.imports, then theme. */
static GPtrArray *
decode_imports (BylineData *config)
{
  GPtrArray *imports = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_data_unref);
  BylineData *module_imports = byline_data_lookup_path (config, "module.imports");
  BylineData *theme = byline_data_lookup_path (config, "theme");

  if (module_imports != NULL && byline_data_get_kind (module_imports) == BYLINE_DATA_LIST)
    for (guint i = 0; i < byline_data_get_length (module_imports); i++)
      {
        BylineData *item = byline_data_list_get (module_imports, i);

        if (byline_data_get_kind (item) == BYLINE_DATA_MAP)
          g_ptr_array_add (imports, byline_data_ref (item));
      }

  if (theme != NULL)
    {
      /* config.GetStringSlicePreserveString: a string is one theme. */
      g_auto(GStrv) names = NULL;

      if (byline_data_get_kind (theme) == BYLINE_DATA_STRING)
        names = g_strsplit (byline_data_get_string (theme), ",", -1);
      else
        names = byline_data_to_strv (theme);
      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        {
          BylineData *item = byline_data_new_map ();

          g_strstrip (names[i]);
          if (names[i][0] == '\0')
            {
              byline_data_unref (item);
              continue;
            }
          byline_data_map_append (item, "path", NULL, byline_data_new_string (names[i]));
          g_ptr_array_add (imports, item);
        }
    }
  return imports;
}

static void collect_imports (Collector  *c,
                             BylineData *config,
                             guint       depth);

static void
follow_import (Collector  *c,
               BylineData *import,
               guint       depth)
{
  g_autofree char *path = byline_data_lookup_string (import, "path");
  g_autofree char *folder = NULL;
  BylineSiteComponentKind kind = BYLINE_SITE_COMPONENT_THEME;
  BylineSiteComponentState state = BYLINE_SITE_COMPONENT_FOUND;
  const char *replacement;

  if (path == NULL || path[0] == '\0' || byline_data_lookup_bool (import, "disable", FALSE))
    return;
  if (g_hash_table_contains (c->seen, path))
    return;
  g_hash_table_add (c->seen, g_strdup (path));

  replacement = g_hash_table_lookup (c->replacements, path);
  if (replacement != NULL)
    folder = byline_site_absolute_path (c->themes_dir, replacement);
  else
    {
      g_autofree char *vendored = g_build_filename (c->site->root_path, "_vendor", path, NULL);
      const char *replaced = g_hash_table_lookup (c->go_replaces, path);

      byline_site_model_watch (c->site, vendored);

      if (g_file_test (vendored, G_FILE_TEST_IS_DIR))
        {
          folder = g_steal_pointer (&vendored);
          kind = BYLINE_SITE_COMPONENT_MODULE;
        }
      else if (replaced != NULL)
        {
          folder = g_strdup (replaced);
          kind = BYLINE_SITE_COMPONENT_MODULE;
        }
      else if (is_probably_module (path))
        {
          folder = find_cached_module (c, path);
          kind = BYLINE_SITE_COMPONENT_MODULE;
          if (folder == NULL)
            {
              /* Hugo falls back to <themesDir>/<path>. */
              g_autofree char *theme = byline_site_absolute_path (c->themes_dir, path);

              if (g_file_test (theme, G_FILE_TEST_IS_DIR))
                {
                  folder = g_steal_pointer (&theme);
                  kind = BYLINE_SITE_COMPONENT_THEME;
                }
              else
                {
                  folder = g_steal_pointer (&theme);
                  state = BYLINE_SITE_COMPONENT_NOT_IN_CACHE;
                }
            }
        }
      else
        folder = byline_site_absolute_path (c->themes_dir, path);
    }

  if (state == BYLINE_SITE_COMPONENT_FOUND && !g_file_test (folder, G_FILE_TEST_IS_DIR))
    state = is_unchecked_submodule (c, folder) ? BYLINE_SITE_COMPONENT_NOT_CHECKED_OUT
                                               : BYLINE_SITE_COMPONENT_ABSENT;
  else if (state == BYLINE_SITE_COMPONENT_FOUND && folder_is_empty (folder))
    state = BYLINE_SITE_COMPONENT_NOT_CHECKED_OUT;

  /* A theme checked out or a module vendored later changes the site. */
  byline_site_model_watch (c->site, folder);
  add_component (c, path, kind, state, folder);
  if (state != BYLINE_SITE_COMPONENT_FOUND)
    {
      g_ptr_array_add (c->component_configs, NULL);
      g_ptr_array_add (c->component_mounts, NULL);
      return;
    }

  {
    g_autoptr(BylineData) config = NULL;
    gboolean no_mounts = byline_data_lookup_bool (import, "noMounts", FALSE);
    BylineData *mounts = byline_data_lookup_path (import, "mounts");

    if (!byline_data_lookup_bool (import, "ignoreConfig", FALSE))
      config = byline_site_read_config_dir (c->site, folder, NULL);
    if (mounts == NULL && config != NULL)
      mounts = byline_data_lookup_path (config, "module.mounts");

    g_ptr_array_add (c->component_configs, config != NULL ? byline_data_ref (config) : NULL);
    if (no_mounts)
      g_ptr_array_add (c->component_mounts, byline_data_new_list ());
    else
      g_ptr_array_add (c->component_mounts, mounts != NULL ? byline_data_ref (mounts) : NULL);

    if (config != NULL && !byline_data_lookup_bool (import, "ignoreImports", FALSE))
      collect_imports (c, config, depth + 1);
  }
}

static void
collect_imports (Collector  *c,
                 BylineData *config,
                 guint       depth)
{
  g_autoptr(GPtrArray) imports = NULL;

  /* A chain of themes this long is a loop Byline did not see. */
  if (depth > 32)
    return;
  imports = decode_imports (config);
  for (guint i = 0; i < imports->len; i++)
    follow_import (c, g_ptr_array_index (imports, i), depth);
}

static void
read_replacements (Collector *c)
{
  g_auto(GStrv) items = byline_data_lookup_strv (c->project_config, "module.replacements");
  BylineData *node = byline_data_lookup_path (c->project_config, "module.replacements");

  if (node != NULL && byline_data_get_kind (node) == BYLINE_DATA_STRING)
    {
      g_strfreev (items);
      items = g_strsplit (byline_data_get_string (node), ",", -1);
    }
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], "->", 2);

      if (parts[0] != NULL && parts[1] != NULL)
        g_hash_table_replace (c->replacements, g_strdup (g_strstrip (parts[0])),
                              g_strdup (g_strstrip (parts[1])));
    }
}

static void
unref_nullable (gpointer data)
{
  if (data != NULL)
    byline_data_unref (data);
}

static void
collector_free (Collector *c)
{
  g_ptr_array_unref (c->component_configs);
  g_ptr_array_unref (c->component_mounts);
  g_hash_table_unref (c->replacements);
  g_hash_table_unref (c->go_requires);
  g_hash_table_unref (c->go_replaces);
  g_hash_table_unref (c->seen);
  g_strfreev (c->submodules);
  g_free (c->module_cache);
  g_free (c->themes_dir);
  byline_data_unref (c->project_config);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Collector, collector_free)

void
byline_site_load_components (BylineSiteModel *self,
                             BylineData      *project_config)
{
  g_autoptr(Collector) c = g_new0 (Collector, 1);
  g_autoptr(BylineData) merged = byline_data_ref (project_config);
  g_autofree char *themes_dir = byline_site_dir_setting (project_config, "themesDir", "themes");

  c->site = self;
  c->project_config = byline_data_ref (project_config);
  c->themes_dir = byline_site_absolute_path (self->root_path, themes_dir);
  c->replacements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  c->go_requires = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  c->go_replaces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  c->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c->component_configs = g_ptr_array_new_with_free_func (unref_nullable);
  c->component_mounts = g_ptr_array_new_with_free_func (unref_nullable);

  read_replacements (c);
  read_go_mod (c);
  read_git_modules (c);
  find_module_cache (c);
  collect_imports (c, project_config, 0);

  for (guint i = 0; i < c->component_configs->len; i++)
    {
      BylineData *config = g_ptr_array_index (c->component_configs, i);

      if (config != NULL)
        {
          BylineData *next = byline_site_config_merge_component (merged, config);

          byline_data_unref (merged);
          merged = next;
        }
    }

  self->config = g_steal_pointer (&merged);
  /* The mounts need the languages of the merged configuration. */
  byline_site_decode_config (self);
  byline_site_build_folders (self, c->project_config, c->component_mounts);
}
