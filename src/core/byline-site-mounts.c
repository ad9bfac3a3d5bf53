/* byline-site-mounts.c — the folders a site and its components mount
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo's modules.ApplyProjectConfigDefaults and collector.applyMounts: the
 * project's module.mounts, and for each component folder it does not
 * mount, Hugo's defaults (contentDir, a language's contentDir, staticDir,
 * layoutDir, …); a component mounts what its import or its module.mounts
 * say, or every component folder it has. The project's folders come
 * first, then each component's in import order.
 */

#define G_LOG_DOMAIN "byline-site"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "byline-site.h"
#include "byline-site-private.h"

#include <string.h>

static const char * const folder_names[BYLINE_SITE_N_FOLDER_KINDS] = {
  "content", "layouts", "static", "assets", "data", "i18n", "archetypes",
};

char *
byline_site_absolute_path (const char *base,
                           const char *path)
{
  g_autofree char *joined = g_path_is_absolute (path) ? g_strdup (path)
                                                      : g_build_filename (base, path, NULL);

  return g_canonicalize_filename (joined, NULL);
}

/* Mounts */

static void
add_folder (BylineSiteModel       *self,
            BylineSiteFolderKind   kind,
            const char            *source,
            const char            *target,
            char                 **languages,
            char                 **files,
            const char            *component)
{
  BylineSiteFolder *folder = g_new0 (BylineSiteFolder, 1);

  folder->kind = kind;
  folder->source = g_strdup (source);
  folder->target = g_strdup (target != NULL ? target : "");
  folder->languages = languages != NULL && languages[0] != NULL ? g_strdupv (languages) : NULL;
  folder->files = files != NULL && files[0] != NULL ? g_strdupv (files) : NULL;
  folder->component = g_strdup (component);
  g_ptr_array_add (self->folders[kind], folder);
}

static gboolean
folder_kind_of (const char            *target,
                BylineSiteFolderKind  *kind,
                const char           **rest)
{
  for (guint k = 0; k < BYLINE_SITE_N_FOLDER_KINDS; k++)
    {
      gsize length = strlen (folder_names[k]);

      if (strncmp (target, folder_names[k], length) == 0 &&
          (target[length] == '\0' || target[length] == '/'))
        {
          *kind = k;
          *rest = target[length] == '/' ? target + length + 1 : target + length;
          return TRUE;
        }
    }
  return FALSE;
}

/* Adds the mounts of a module.mounts list; returns which kinds it mounts. */
static guint
add_mounts (BylineSiteModel *self,
            const char      *base,
            BylineData      *mounts,
            const char      *component)
{
  guint mounted = 0;

  for (guint i = 0; mounts != NULL && i < byline_data_get_length (mounts); i++)
    {
      BylineData *mount = byline_data_list_get (mounts, i);
      g_autofree char *source = byline_data_lookup_string (mount, "source");
      g_autofree char *target = byline_data_lookup_string (mount, "target");
      g_autofree char *lang = byline_data_lookup_string (mount, "lang");
      g_auto(GStrv) languages = byline_data_lookup_strv (mount, "sites.matrix.languages");
      g_auto(GStrv) files = byline_data_lookup_strv (mount, "files");
      g_auto(GStrv) include = byline_data_lookup_strv (mount, "includeFiles");
      g_auto(GStrv) exclude = byline_data_lookup_strv (mount, "excludeFiles");
      g_autoptr(GPtrArray) patterns = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *clean_target = NULL;
      g_autofree char *path = NULL;
      BylineSiteFolderKind kind;
      const char *rest;

      if (byline_data_get_kind (mount) != BYLINE_DATA_MAP || source == NULL || target == NULL)
        continue;
      clean_target = byline_site_clean_path (target);
      if (!folder_kind_of (clean_target, &kind, &rest))
        continue;
      mounted |= 1u << kind;

      path = byline_site_absolute_path (base, source);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;

      if (lang != NULL && lang[0] != '\0' && languages == NULL)
        languages = g_strdupv ((char *[]) { lang, NULL });
      for (guint j = 0; files != NULL && files[j] != NULL; j++)
        g_ptr_array_add (patterns, g_strdup (files[j]));
      for (guint j = 0; include != NULL && include[j] != NULL; j++)
        g_ptr_array_add (patterns, g_strdup (include[j]));
      for (guint j = 0; exclude != NULL && exclude[j] != NULL; j++)
        g_ptr_array_add (patterns, g_strconcat ("! ", exclude[j], NULL));
      g_ptr_array_add (patterns, NULL);

      add_folder (self, kind, path, rest, languages, (char **) patterns->pdata, component);
    }
  return mounted;
}

char *
byline_site_dir_setting (BylineData *config,
                         const char *key,
                         const char *fallback)
{
  char *value = byline_data_lookup_string (config, key);

  if (value == NULL || value[0] == '\0')
    {
      g_free (value);
      return g_strdup (fallback);
    }
  return value;
}

/* OpenTelemetry's layout, where a git-ignored file mounts content/<lang>:
 * with no mounts and no contentDir per language, a content folder that
 * holds only folders named after the site's languages is read as one
 * folder per language. */
static gboolean
guess_language_folders (BylineSiteModel *self,
                        const char      *content)
{
  g_autoptr(GDir) dir = g_dir_open (content, 0, NULL);
  const char *name;
  guint found = 0;

  if (dir == NULL || self->languages->len < 2)
    return FALSE;
  byline_site_model_watch (self, content);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (content, name, NULL);

      if (name[0] == '.')
        continue;
      if (!g_file_test (path, G_FILE_TEST_IS_DIR) ||
          byline_site_model_lookup_language (self, name) == NULL)
        return FALSE;
      found++;
    }
  if (found == 0)
    return FALSE;

  {
    g_autofree char *default_folder = g_build_filename (content, self->default_language, NULL);

    if (!g_file_test (default_folder, G_FILE_TEST_IS_DIR))
      return FALSE;
  }

  for (guint i = 0; i < self->languages->len; i++)
    {
      BylineSiteLanguage *language = g_ptr_array_index (self->languages, i);
      g_autofree char *path = g_build_filename (content, language->code, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        add_folder (self, BYLINE_SITE_FOLDER_CONTENT, path, "",
                    (char *[]) { language->code, NULL }, NULL, NULL);
    }
  return TRUE;
}

static void
add_project_defaults (BylineSiteModel *self,
                      BylineData      *config,
                      guint            mounted)
{
  g_autofree char *content_dir = byline_site_dir_setting (config, "contentDir", "content");

  if (!(mounted & (1u << BYLINE_SITE_FOLDER_CONTENT)))
    {
      BylineData *languages = byline_data_lookup_path (config, "languages");
      gboolean per_language = FALSE;

      for (guint i = 0; i < self->languages->len; i++)
        {
          BylineSiteLanguage *language = g_ptr_array_index (self->languages, i);
          BylineData *entry = languages != NULL
                                ? byline_data_map_lookup_fold (languages, language->code, NULL)
                                : NULL;
          g_autofree char *dir = entry != NULL ? byline_data_lookup_string (entry, "contentDir")
                                               : NULL;

          if (dir != NULL && dir[0] != '\0')
            per_language = TRUE;
        }

      if (per_language)
        {
          for (guint i = 0; i < self->languages->len; i++)
            {
              BylineSiteLanguage *language = g_ptr_array_index (self->languages, i);
              BylineData *entry = languages != NULL
                                    ? byline_data_map_lookup_fold (languages, language->code, NULL)
                                    : NULL;
              g_autofree char *dir = entry != NULL
                                       ? byline_site_dir_setting (entry, "contentDir", content_dir)
                                       : g_strdup (content_dir);
              g_autofree char *path = byline_site_absolute_path (self->root_path, dir);

              /* The language's own folder; the common one holds every language. */
              if (g_file_test (path, G_FILE_TEST_IS_DIR))
                add_folder (self, BYLINE_SITE_FOLDER_CONTENT, path, "",
                            strcmp (dir, content_dir) == 0 ? NULL
                                                           : (char *[]) { language->code, NULL },
                            NULL, NULL);
            }
        }
      else
        {
          g_autofree char *path = byline_site_absolute_path (self->root_path, content_dir);

          if (!guess_language_folders (self, path))
            add_folder (self, BYLINE_SITE_FOLDER_CONTENT, path, "", NULL, NULL, NULL);
          else
            byline_site_model_add_problem (
              self, BYLINE_SITE_PROBLEM_CONTENT_GUESSED, path, 0, 0, NULL,
              _("The site mounts no content folder and its content folder "
                 "holds one folder per language: each is read as that "
                 "language’s content."));
        }
    }

  if (!(mounted & (1u << BYLINE_SITE_FOLDER_STATIC)))
    {
      g_auto(GStrv) dirs = byline_data_lookup_strv (config, "staticDir");

      if (dirs == NULL || dirs[0] == NULL)
        {
          g_strfreev (dirs);
          dirs = g_strdupv ((char *[]) { (char *) "static", NULL });
        }
      for (guint i = 0; dirs[i] != NULL; i++)
        {
          g_autofree char *path = byline_site_absolute_path (self->root_path, dirs[i]);

          add_folder (self, BYLINE_SITE_FOLDER_STATIC, path, "", NULL, NULL, NULL);
        }
      /* staticDir0 … staticDir10, the old way of adding more. */
      for (guint i = 0; i <= 10; i++)
        {
          g_autofree char *key = g_strdup_printf ("staticDir%u", i);
          g_autofree char *dir = byline_data_lookup_string (config, key);

          if (dir != NULL && dir[0] != '\0')
            {
              g_autofree char *path = byline_site_absolute_path (self->root_path, dir);

              add_folder (self, BYLINE_SITE_FOLDER_STATIC, path, "", NULL, NULL, NULL);
            }
        }
    }

  {
    const struct
    {
      BylineSiteFolderKind kind;
      const char *key;
      const char *fallback;
    } defaults[] = {
      { BYLINE_SITE_FOLDER_LAYOUTS, "layoutDir", "layouts" },
      { BYLINE_SITE_FOLDER_ASSETS, "assetDir", "assets" },
      { BYLINE_SITE_FOLDER_DATA, "dataDir", "data" },
      { BYLINE_SITE_FOLDER_I18N, "i18nDir", "i18n" },
      { BYLINE_SITE_FOLDER_ARCHETYPES, "archetypeDir", "archetypes" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
      {
        g_autofree char *dir = NULL;
        g_autofree char *path = NULL;

        if (mounted & (1u << defaults[i].kind))
          continue;
        dir = byline_site_dir_setting (config, defaults[i].key, defaults[i].fallback);
        path = byline_site_absolute_path (self->root_path, dir);
        add_folder (self, defaults[i].kind, path, "", NULL, NULL, NULL);
      }
  }
}

void
byline_site_build_folders (BylineSiteModel *self,
                           BylineData      *project_config,
                           GPtrArray       *component_mounts)
{
  BylineData *project_mounts = byline_data_lookup_path (project_config, "module.mounts");
  guint mounted = add_mounts (self, self->root_path, project_mounts, NULL);

  add_project_defaults (self, project_config, mounted);

  for (guint i = 0; i < self->components->len; i++)
    {
      BylineSiteComponent *component = g_ptr_array_index (self->components, i);
      BylineData *mounts = g_ptr_array_index (component_mounts, i);

      if (component->state != BYLINE_SITE_COMPONENT_FOUND)
        continue;
      if (mounts != NULL)
        {
          add_mounts (self, component->path, mounts, component->name);
          continue;
        }
      /* Every component folder the theme has. */
      for (guint k = 0; k < BYLINE_SITE_N_FOLDER_KINDS; k++)
        {
          g_autofree char *path = g_build_filename (component->path, folder_names[k], NULL);

          if (g_file_test (path, G_FILE_TEST_IS_DIR))
            add_folder (self, k, path, "", NULL, NULL, component->name);
        }
    }
}
