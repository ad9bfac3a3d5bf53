/* byline-site.c — the Hugo site a post belongs to: finding it, loading it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-site"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "byline-site.h"
#include "byline-site-private.h"

#include <string.h>

struct _BylineSite
{
  GObject parent_instance;

  BylineSiteModel *model;
};

G_DEFINE_FINAL_TYPE (BylineSite, byline_site, G_TYPE_OBJECT)

G_DEFINE_QUARK (byline-site-error-quark, byline_site_error)

static void
byline_site_finalize (GObject *object)
{
  BylineSite *self = (BylineSite *) object;

  g_clear_pointer (&self->model, byline_site_model_unref);

  G_OBJECT_CLASS (byline_site_parent_class)->finalize (object);
}

static void
byline_site_class_init (BylineSiteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_site_finalize;
}

static void
byline_site_init (BylineSite *self)
{
}

/* Finding the root */

static gboolean
has_child (const char *dir,
           const char *name,
           GFileTest   test)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_test (path, test);
}

static gboolean
has_config (const char *dir)
{
  static const char * const names[] = {
    "hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
    "config.toml", "config.yaml", "config.yml", "config.json", NULL
  };

  for (guint i = 0; names[i] != NULL; i++)
    if (has_child (dir, names[i], G_FILE_TEST_IS_REGULAR))
      return TRUE;
  return has_child (dir, "config/_default", G_FILE_TEST_IS_DIR);
}

/* The nearest folder named "content" at or above @dir, or NULL. */
static char *
enclosing_content_folder (const char *dir)
{
  g_autofree char *path = g_strdup (dir);

  for (;;)
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *parent = NULL;

      if (strcmp (base, "content") == 0)
        return g_steal_pointer (&path);
      parent = g_path_get_dirname (path);
      if (strcmp (parent, path) == 0)
        return NULL;
      g_free (path);
      path = g_steal_pointer (&parent);
    }
}

GFile *
byline_site_find_root (GFile              *file,
                       BylineSiteRootKind *kind)
{
  g_autofree char *start = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *content_folder = NULL;
  g_autofree char *content_root = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  start = g_file_get_path (file);
  if (start == NULL)
    return NULL;
  dir = g_file_test (start, G_FILE_TEST_IS_DIR) ? g_strdup (start) : g_path_get_dirname (start);
  content_folder = enclosing_content_folder (dir);

  for (;;)
    {
      g_autofree char *parent = g_path_get_dirname (dir);
      g_autofree char *parent_name = g_path_get_basename (parent);
      /* A bundle may hold a config.yaml of its own: inside the content
       * folder, no folder is the site's root; nor is config/_default/,
       * which holds a hugo.yaml. */
      gboolean in_content = content_folder != NULL && g_str_has_prefix (dir, content_folder) &&
                            (dir[strlen (content_folder)] == '\0' ||
                             dir[strlen (content_folder)] == '/');
      gboolean in_config = strcmp (parent_name, "config") == 0;

      if (!in_content && !in_config && has_config (dir))
        {
          if (kind != NULL)
            *kind = BYLINE_SITE_ROOT_CONFIG;
          return g_file_new_for_path (dir);
        }
      if (content_root == NULL && !in_content && has_child (dir, "content", G_FILE_TEST_IS_DIR))
        content_root = g_strdup (dir);

      /* The repository's top is as far as a site reaches. */
      if (has_child (dir, ".git", G_FILE_TEST_EXISTS))
        break;
      if (strcmp (parent, dir) == 0)
        break;
      g_free (dir);
      dir = g_steal_pointer (&parent);
    }

  if (content_root != NULL)
    {
      if (kind != NULL)
        *kind = BYLINE_SITE_ROOT_CONTENT_ONLY;
      return g_file_new_for_path (content_root);
    }
  return NULL;
}

static BylineSite *
site_for_model (BylineSiteModel *model)
{
  BylineSite *self = g_object_new (BYLINE_TYPE_SITE, NULL);

  self->model = model;
  return self;
}

BylineSite *
byline_site_new (GFile *root)
{
  BylineSiteModel *model;

  g_return_val_if_fail (G_IS_FILE (root), NULL);

  model = byline_site_model_new (root);
  model->root_kind = has_config (model->root_path) ? BYLINE_SITE_ROOT_CONFIG
                                                   : BYLINE_SITE_ROOT_CONTENT_ONLY;
  return site_for_model (model);
}

/* One model per root for the whole process: every post of a site shares
 * its configuration and its page index. */
G_LOCK_DEFINE_STATIC (models);
static GHashTable *models;

BylineSite *
byline_site_lookup (GFile *file)
{
  g_autoptr(GFile) root = NULL;
  g_autofree char *path = NULL;
  BylineSiteRootKind kind = BYLINE_SITE_ROOT_CONFIG;
  BylineSiteModel *model;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  root = byline_site_find_root (file, &kind);
  if (root == NULL)
    return NULL;
  path = g_file_get_path (root);

  G_LOCK (models);
  if (models == NULL)
    models = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify)byline_site_model_unref);
  model = g_hash_table_lookup (models, path);
  /* A site whose configuration, themes or templates changed is read
   * again; the front matter of unchanged pages is kept. Sites that hold
   * the old model keep it intact. */
  if (model == NULL || byline_site_model_is_stale (model))
    {
      BylineSiteModel *old = model;

      model = byline_site_model_new (root);
      model->root_kind = kind;
      if (old != NULL)
        byline_site_model_adopt_page_cache (model, old);
      g_hash_table_replace (models, g_strdup (path), model);
    }
  byline_site_model_ref (model);
  G_UNLOCK (models);
  return site_for_model (model);
}

/* The model, loaded. */
static BylineSiteModel *
loaded (BylineSite *self)
{
  byline_site_model_ensure_loaded (self->model);
  return self->model;
}

/* Getters */

GFile *
byline_site_get_root (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  return self->model->root;
}

BylineSiteRootKind
byline_site_get_root_kind (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), BYLINE_SITE_ROOT_CONTENT_ONLY);

  return self->model->root_kind;
}

BylineData *
byline_site_get_config (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  return loaded (self)->config;
}

const char * const *
byline_site_get_config_files (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  return (const char * const *) loaded (self)->config_files->pdata;
}

const char *
byline_site_get_base_url (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  return loaded (self)->base_url;
}

const char *
byline_site_get_title (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  return loaded (self)->title;
}

BylineData *
byline_site_get_params (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  return byline_data_lookup_path (loaded (self)->config, "params");
}

BylineData *
byline_site_get_goldmark (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  return byline_data_lookup_path (loaded (self)->config, "markup.goldmark");
}

BylineData *
byline_site_get_privacy (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  return byline_data_lookup_path (loaded (self)->config, "privacy");
}

gboolean
byline_site_get_ugly_urls (BylineSite *self,
                           const char *section)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), FALSE);

  if (loaded (self)->ugly_url_sections != NULL)
    return section != NULL &&
           byline_data_lookup_bool (loaded (self)->ugly_url_sections, section, FALSE);
  return loaded (self)->ugly_urls;
}

GTimeZone *
byline_site_get_time_zone (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  return loaded (self)->time_zone;
}

const GPtrArray *
byline_site_get_problems (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  return loaded (self)->problems;
}

guint
byline_site_get_n_languages (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), 0);

  return loaded (self)->languages->len;
}

const BylineSiteLanguage *
byline_site_get_language (BylineSite *self,
                          guint       index)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  g_return_val_if_fail (index < loaded (self)->languages->len, NULL);
  return g_ptr_array_index (loaded (self)->languages, index);
}

const BylineSiteLanguage *
byline_site_lookup_language (BylineSite *self,
                             const char *code)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return byline_site_model_lookup_language (loaded (self), code);
}

const char *
byline_site_get_default_language (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  return loaded (self)->default_language;
}

guint
byline_site_get_n_taxonomies (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), 0);

  return loaded (self)->taxonomies->len;
}

const BylineSiteTaxonomy *
byline_site_get_taxonomy (BylineSite *self,
                          guint       index)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  g_return_val_if_fail (index < loaded (self)->taxonomies->len, NULL);
  return g_ptr_array_index (loaded (self)->taxonomies, index);
}

guint
byline_site_get_n_components (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), 0);

  return loaded (self)->components->len;
}

const BylineSiteComponent *
byline_site_get_component (BylineSite *self,
                           guint       index)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  g_return_val_if_fail (index < loaded (self)->components->len, NULL);
  return g_ptr_array_index (loaded (self)->components, index);
}

gboolean
byline_site_is_complete (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), FALSE);

  for (guint i = 0; i < loaded (self)->components->len; i++)
    {
      const BylineSiteComponent *component = g_ptr_array_index (loaded (self)->components, i);

      if (component->state != BYLINE_SITE_COMPONENT_FOUND)
        return FALSE;
    }
  return TRUE;
}

const GPtrArray *
byline_site_get_folders (BylineSite           *self,
                         BylineSiteFolderKind  kind)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);
  g_return_val_if_fail (kind < BYLINE_SITE_N_FOLDER_KINDS, NULL);

  return loaded (self)->folders[kind];
}

const GPtrArray *
byline_site_get_shortcodes (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  return loaded (self)->shortcodes;
}

const BylineSiteTemplate *
byline_site_lookup_shortcode (BylineSite *self,
                              const char *name)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (loaded (self)->shortcode_index, name);
}

const GPtrArray *
byline_site_get_render_hooks (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  return loaded (self)->render_hooks;
}

/* The rest lives with its concern (byline-site-templates.c, -pages.c,
 * -links.c); these give each a site's model. */

char *
byline_site_find_template (BylineSite *self,
                           const char *name)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return byline_site_model_find_template (loaded (self), name);
}

char *
byline_site_find_archetype (BylineSite *self,
                            const char *kind)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  return byline_site_model_find_archetype (loaded (self), kind);
}

char *
byline_site_find_file (BylineSite           *self,
                       BylineSiteFolderKind  kind,
                       const char           *path)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);
  g_return_val_if_fail (kind < BYLINE_SITE_N_FOLDER_KINDS, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return byline_site_model_find_file (loaded (self), kind, path);
}

GPtrArray *
byline_site_list_files (BylineSite           *self,
                        BylineSiteFolderKind  kind,
                        const char           *prefix)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);
  g_return_val_if_fail (kind < BYLINE_SITE_N_FOLDER_KINDS, NULL);

  return byline_site_model_list_files (loaded (self), kind, prefix);
}

BylineSitePages *
byline_site_get_pages (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  return byline_site_model_get_pages (loaded (self));
}

void
byline_site_refresh_pages (BylineSite *self)
{
  g_return_if_fail (BYLINE_IS_SITE (self));

  byline_site_model_refresh_pages (loaded (self));
}

BylineSiteLinkKind
byline_site_resolve_link (BylineSite            *self,
                          const char            *from_file,
                          const char            *link,
                          const BylineSitePage **page,
                          char                 **file)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), BYLINE_SITE_LINK_NOT_FOUND);
  g_return_val_if_fail (link != NULL, BYLINE_SITE_LINK_NOT_FOUND);

  return byline_site_model_resolve_link (loaded (self), from_file, link, page, file);
}

char *
byline_site_ref (BylineSite  *self,
                 const char  *from_file,
                 const char  *ref,
                 const char  *lang,
                 gboolean     relative,
                 GError     **error)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);
  g_return_val_if_fail (ref != NULL, NULL);

  return byline_site_model_ref_link (loaded (self), from_file, ref, lang, relative, error);
}

const BylineSitePage *
byline_site_get_page (BylineSite           *self,
                      BylineSitePages      *pages,
                      const BylineSitePage *from,
                      const char           *lang,
                      const char           *path)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);
  g_return_val_if_fail (pages != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return byline_site_model_get_page (loaded (self), pages, from, lang, path);
}
