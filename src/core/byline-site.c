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

#define PROFILE_FILE_NAME ".byline.yml"

struct _BylineSite
{
  GObject parent_instance;

  GFile *post_file;                 /* NULL for byline_site_new() */
  GFile *root;
  GFile *profile_file;
  GFile *blog_folder;
  GFile *content_folder;            /* set on first use (g_once) */

  BylineSiteModel *model;           /* NULL without a root */
  GPtrArray *empty;                 /* what the array getters give without a root */
};

G_DEFINE_FINAL_TYPE (BylineSite, byline_site, G_TYPE_OBJECT)

G_DEFINE_QUARK (byline-site-error-quark, byline_site_error)

static void
byline_site_finalize (GObject *object)
{
  BylineSite *self = (BylineSite *) object;

  g_clear_pointer (&self->model, byline_site_model_unref);
  g_clear_pointer (&self->empty, g_ptr_array_unref);
  g_clear_object (&self->content_folder);
  g_clear_object (&self->blog_folder);
  g_clear_object (&self->profile_file);
  g_clear_object (&self->root);
  g_clear_object (&self->post_file);

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
  self->empty = g_ptr_array_new ();
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

BylineSite *
byline_site_new (GFile *root)
{
  BylineSite *self;

  g_return_val_if_fail (G_IS_FILE (root), NULL);

  self = g_object_new (BYLINE_TYPE_SITE, NULL);
  self->root = g_object_ref (root);
  self->model = byline_site_model_new (root);
  self->model->root_kind = has_config (self->model->root_path) ? BYLINE_SITE_ROOT_CONFIG
                                                               : BYLINE_SITE_ROOT_CONTENT_ONLY;
  return self;
}

/* One model per root for the whole process: every post of a site shares
 * its configuration and its page index. */
G_LOCK_DEFINE_STATIC (models);
static GHashTable *models;

static BylineSiteModel *
shared_model (GFile              *root,
              BylineSiteRootKind  kind)
{
  g_autofree char *path = g_file_get_path (root);
  BylineSiteModel *model;

  G_LOCK (models);
  if (models == NULL)
    models = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) byline_site_model_unref);
  model = g_hash_table_lookup (models, path);
  /* A site whose configuration, themes or templates changed is read
   * again; the front matter of unchanged pages is kept. Sites that hold
   * the old model keep it intact. */
  if (model == NULL || byline_site_model_is_stale (model) || model->root_kind != kind)
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
  return model;
}

static gboolean
has_ancestor_named (GFile      *file,
                    const char *name)
{
  g_autoptr(GFile) up = g_file_get_parent (file);

  while (up != NULL)
    {
      g_autofree char *base = g_file_get_basename (up);
      GFile *next;

      if (g_strcmp0 (base, name) == 0)
        return TRUE;
      next = g_file_get_parent (up);
      g_set_object (&up, next);
      g_clear_object (&next);
    }
  return FALSE;
}

/* The profile file and the blog folder: one walk up from the post. */
static void
find_profile_and_blog (BylineSite   *self,
                       GCancellable *cancellable)
{
  g_autoptr(GFile) folder = g_file_get_parent (self->post_file);
  gboolean profile_done = FALSE;

  while (folder != NULL && !g_cancellable_is_cancelled (cancellable))
    {
      g_autofree char *path = g_file_get_path (folder);
      GFile *parent;

      if (path == NULL)
        break;
      if (!profile_done)
        {
          if (has_child (path, PROFILE_FILE_NAME, G_FILE_TEST_IS_REGULAR))
            {
              self->profile_file = g_file_get_child (folder, PROFILE_FILE_NAME);
              profile_done = TRUE;
            }
          /* .git is a folder in a clone and a file in a worktree. */
          else if (has_child (path, ".git", G_FILE_TEST_EXISTS))
            profile_done = TRUE;
        }

      if (self->blog_folder == NULL)
        {
          g_autofree char *name = g_file_get_basename (folder);

          if (g_strcmp0 (name, "blog") == 0 && has_ancestor_named (folder, "content"))
            self->blog_folder = g_object_ref (folder);
        }

      parent = g_file_get_parent (folder);
      g_set_object (&folder, parent);
      g_clear_object (&parent);
    }
}

BylineSite *
byline_site_lookup (GFile        *post_file,
                    GCancellable *cancellable)
{
  BylineSite *self;
  BylineSiteRootKind kind = BYLINE_SITE_ROOT_CONFIG;

  g_return_val_if_fail (G_IS_FILE (post_file), NULL);

  self = g_object_new (BYLINE_TYPE_SITE, NULL);
  self->post_file = g_object_ref (post_file);
  find_profile_and_blog (self, cancellable);
  if (g_cancellable_is_cancelled (cancellable))
    return self;

  self->root = byline_site_find_root (post_file, &kind);
  if (self->root != NULL)
    self->model = shared_model (self->root, kind);
  return self;
}

/* The model, loaded; NULL without a root. */
static BylineSiteModel *
loaded (BylineSite *self)
{
  if (self->model != NULL)
    byline_site_model_ensure_loaded (self->model);
  return self->model;
}

/* The start of a getter of the model: returns @empty without a root. */
#define GET_MODEL(empty)                              \
  BylineSiteModel *model;                             \
  g_return_val_if_fail (BYLINE_IS_SITE (self), empty); \
  model = loaded (self);                              \
  if (model == NULL)                                  \
    return empty

/* Getters */

GFile *
byline_site_get_post_file (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  return self->post_file;
}

GFile *
byline_site_get_root (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  return self->root;
}

BylineSiteRootKind
byline_site_get_root_kind (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), BYLINE_SITE_ROOT_CONTENT_ONLY);

  return self->model != NULL ? self->model->root_kind : BYLINE_SITE_ROOT_CONTENT_ONLY;
}

GFile *
byline_site_get_profile_file (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  return self->profile_file;
}

GFile *
byline_site_get_blog_folder (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  return self->blog_folder;
}

GFile *
byline_site_get_content_folder (BylineSite *self)
{
  GET_MODEL (NULL);

  if (g_once_init_enter (&self->content_folder))
    {
      g_autofree char *dir = byline_site_dir_setting (model->config, "contentDir", "content");
      g_autofree char *path = byline_site_absolute_path (model->root_path, dir);

      g_once_init_leave (&self->content_folder, g_file_new_for_path (path));
    }
  return self->content_folder;
}

BylineData *
byline_site_get_config (BylineSite *self)
{
  GET_MODEL (NULL);

  return model->config;
}

const char * const *
byline_site_get_config_files (BylineSite *self)
{
  static const char * const no_files[] = { NULL };

  GET_MODEL (no_files);

  return (const char * const *) model->config_files->pdata;
}

const char *
byline_site_get_base_url (BylineSite *self)
{
  GET_MODEL (NULL);

  return model->base_url;
}

const char *
byline_site_get_title (BylineSite *self)
{
  GET_MODEL (NULL);

  return model->title;
}

BylineData *
byline_site_get_params (BylineSite *self)
{
  GET_MODEL (NULL);

  return byline_data_lookup_path (model->config, "params");
}

BylineData *
byline_site_get_goldmark (BylineSite *self)
{
  GET_MODEL (NULL);

  return byline_data_lookup_path (model->config, "markup.goldmark");
}

BylineData *
byline_site_get_privacy (BylineSite *self)
{
  GET_MODEL (NULL);

  return byline_data_lookup_path (model->config, "privacy");
}

gboolean
byline_site_get_ugly_urls (BylineSite *self,
                           const char *section)
{
  GET_MODEL (FALSE);

  if (model->ugly_url_sections != NULL)
    return section != NULL &&
           byline_data_lookup_bool (model->ugly_url_sections, section, FALSE);
  return model->ugly_urls;
}

GTimeZone *
byline_site_get_time_zone (BylineSite *self)
{
  GET_MODEL (NULL);

  return model->time_zone;
}

const GPtrArray *
byline_site_get_problems (BylineSite *self)
{
  GET_MODEL (self->empty);

  return model->problems;
}

guint
byline_site_get_n_languages (BylineSite *self)
{
  GET_MODEL (0);

  return model->languages->len;
}

const BylineSiteLanguage *
byline_site_get_language (BylineSite *self,
                          guint       index)
{
  GET_MODEL (NULL);

  g_return_val_if_fail (index < model->languages->len, NULL);
  return g_ptr_array_index (model->languages, index);
}

const BylineSiteLanguage *
byline_site_lookup_language (BylineSite *self,
                             const char *code)
{
  GET_MODEL (NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return byline_site_model_lookup_language (model, code);
}

const char *
byline_site_get_default_language (BylineSite *self)
{
  GET_MODEL (NULL);

  return model->default_language;
}

guint
byline_site_get_n_taxonomies (BylineSite *self)
{
  GET_MODEL (0);

  return model->taxonomies->len;
}

const BylineSiteTaxonomy *
byline_site_get_taxonomy (BylineSite *self,
                          guint       index)
{
  GET_MODEL (NULL);

  g_return_val_if_fail (index < model->taxonomies->len, NULL);
  return g_ptr_array_index (model->taxonomies, index);
}

guint
byline_site_get_n_components (BylineSite *self)
{
  GET_MODEL (0);

  return model->components->len;
}

const BylineSiteComponent *
byline_site_get_component (BylineSite *self,
                           guint       index)
{
  GET_MODEL (NULL);

  g_return_val_if_fail (index < model->components->len, NULL);
  return g_ptr_array_index (model->components, index);
}

gboolean
byline_site_is_complete (BylineSite *self)
{
  GET_MODEL (FALSE);

  for (guint i = 0; i < model->components->len; i++)
    {
      const BylineSiteComponent *component = g_ptr_array_index (model->components, i);

      if (component->state != BYLINE_SITE_COMPONENT_FOUND)
        return FALSE;
    }
  for (guint i = 0; i < model->problems->len; i++)
    {
      const BylineSiteProblem *problem = g_ptr_array_index (model->problems, i);

      if (problem->kind == BYLINE_SITE_PROBLEM_CONFIG_UNREADABLE)
        return FALSE;
    }
  return TRUE;
}

const GPtrArray *
byline_site_get_folders (BylineSite           *self,
                         BylineSiteFolderKind  kind)
{
  GET_MODEL (self->empty);
  g_return_val_if_fail (kind < BYLINE_SITE_N_FOLDER_KINDS, NULL);

  return model->folders[kind];
}

char **
byline_site_picture_folders (BylineSite *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  const BylineSiteFolderKind kinds[] = { BYLINE_SITE_FOLDER_STATIC, BYLINE_SITE_FOLDER_ASSETS };

  g_return_val_if_fail (self == NULL || BYLINE_IS_SITE (self), NULL);

  if (self == NULL || byline_site_get_root (self) == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const GPtrArray *folders = byline_site_get_folders (self, kinds[k]);

      for (guint i = 0; folders != NULL && i < folders->len; i++)
        {
          const BylineSiteFolder *folder = g_ptr_array_index ((GPtrArray *) folders, i);

          if (g_file_test (folder->source, G_FILE_TEST_IS_DIR))
            g_strv_builder_add (builder, folder->source);
        }
    }
  return g_strv_builder_end (builder);
}

const GPtrArray *
byline_site_get_shortcodes (BylineSite *self)
{
  GET_MODEL (self->empty);

  return model->shortcodes;
}

const BylineSiteTemplate *
byline_site_lookup_shortcode (BylineSite *self,
                              const char *name)
{
  GET_MODEL (NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (model->shortcode_index, name);
}

const GPtrArray *
byline_site_get_render_hooks (BylineSite *self)
{
  GET_MODEL (self->empty);

  return model->render_hooks;
}

/* The rest lives with its concern (byline-site-templates.c, -pages.c,
 * -links.c); these give each a site's model. */

char *
byline_site_find_template (BylineSite *self,
                           const char *name)
{
  GET_MODEL (NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return byline_site_model_find_template (model, name);
}

char *
byline_site_find_archetype (BylineSite *self,
                            const char *kind)
{
  GET_MODEL (NULL);

  return byline_site_model_find_archetype (model, kind);
}

char *
byline_site_find_file (BylineSite           *self,
                       BylineSiteFolderKind  kind,
                       const char           *path)
{
  GET_MODEL (NULL);
  g_return_val_if_fail (kind < BYLINE_SITE_N_FOLDER_KINDS, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return byline_site_model_find_file (model, kind, path);
}

GPtrArray *
byline_site_list_files (BylineSite           *self,
                        BylineSiteFolderKind  kind,
                        const char           *prefix)
{
  GET_MODEL (g_ptr_array_new ());
  g_return_val_if_fail (kind < BYLINE_SITE_N_FOLDER_KINDS, NULL);

  return byline_site_model_list_files (model, kind, prefix);
}

BylineSitePages *
byline_site_get_pages (BylineSite *self)
{
  GET_MODEL (NULL);

  return byline_site_model_get_pages (model);
}

void
byline_site_refresh_pages (BylineSite *self)
{
  g_return_if_fail (BYLINE_IS_SITE (self));

  if (self->model != NULL)
    byline_site_model_refresh_pages (loaded (self));
}

BylineSiteLinkKind
byline_site_resolve_link (BylineSite            *self,
                          const char            *from_file,
                          const char            *link,
                          const BylineSitePage **page,
                          char                 **file)
{
  GET_MODEL (BYLINE_SITE_LINK_NOT_FOUND);
  g_return_val_if_fail (link != NULL, BYLINE_SITE_LINK_NOT_FOUND);

  return byline_site_model_resolve_link (model, from_file, link, page, file);
}

gboolean
byline_site_path_exists (BylineSite *self,
                         const char *path)
{
  GET_MODEL (FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (path[0] != '/' || path[1] == '/')
    return FALSE;
  switch (byline_site_model_resolve_link (model, NULL, path, NULL, NULL))
    {
    case BYLINE_SITE_LINK_PAGE:
    case BYLINE_SITE_LINK_ALIAS:
    case BYLINE_SITE_LINK_PAGE_RESOURCE:
    case BYLINE_SITE_LINK_STATIC:
    case BYLINE_SITE_LINK_ASSET:
    case BYLINE_SITE_LINK_GENERATED:
      return TRUE;
    case BYLINE_SITE_LINK_NOT_FOUND:
    case BYLINE_SITE_LINK_EXTERNAL:
    default:
      return FALSE;
    }
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

  if (self->model == NULL)
    {
      g_set_error (error, BYLINE_SITE_ERROR, BYLINE_SITE_ERROR_REF_NOT_FOUND,
                   _("ref “%s”: page not found"), ref);
      return NULL;
    }
  return byline_site_model_ref_link (loaded (self), from_file, ref, lang, relative, error);
}

const BylineSitePage *
byline_site_get_page (BylineSite           *self,
                      BylineSitePages      *pages,
                      const BylineSitePage *from,
                      const char           *lang,
                      const char           *path)
{
  GET_MODEL (NULL);
  g_return_val_if_fail (pages != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return byline_site_model_get_page (model, pages, from, lang, path);
}
