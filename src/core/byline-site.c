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

G_DEFINE_FINAL_TYPE (BylineSite, byline_site, G_TYPE_OBJECT)

G_DEFINE_QUARK (byline-site-error-quark, byline_site_error)

void
byline_site_problem_free (BylineSiteProblem *problem)
{
  g_free (problem->message);
  g_free (problem->file);
  g_free (problem->component);
  g_free (problem);
}

void
byline_site_folder_free (BylineSiteFolder *folder)
{
  g_free (folder->source);
  g_free (folder->target);
  g_strfreev (folder->languages);
  g_strfreev (folder->files);
  g_free (folder->component);
  g_free (folder);
}

void
byline_site_template_free (BylineSiteTemplate *template_)
{
  g_free (template_->name);
  g_free (template_->path);
  g_free (template_->lang);
  g_free (template_->output_format);
  g_free (template_->scope);
  g_free (template_->component);
  g_free (template_);
}

void
byline_site_component_free (BylineSiteComponent *component)
{
  g_free (component->name);
  g_free (component->path);
  g_free (component);
}

void
byline_site_language_free (BylineSiteLanguage *language)
{
  g_free (language->code);
  g_free (language->label);
  g_free (language->locale);
  g_free (language->direction);
  g_free (language->prefix);
  g_free (language->title);
  g_free (language);
}

void
byline_site_taxonomy_free (BylineSiteTaxonomy *taxonomy)
{
  g_free (taxonomy->singular);
  g_free (taxonomy->plural);
  g_free (taxonomy);
}

void
byline_permalink_rule_free (BylinePermalinkRule *rule)
{
  g_free (rule->kind);
  g_free (rule->path);
  g_free (rule->environment);
  g_strfreev (rule->languages);
  g_free (rule->pattern);
  g_free (rule);
}

static void
byline_site_finalize (GObject *object)
{
  BylineSite *self = (BylineSite *) object;

  g_clear_object (&self->root);
  g_free (self->root_path);
  g_clear_pointer (&self->config, byline_data_unref);
  g_clear_pointer (&self->config_files, g_ptr_array_unref);
  g_free (self->base_url);
  g_free (self->base_host);
  g_free (self->base_path);
  g_free (self->link_prefix);
  g_free (self->title);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_free (self->default_language);
  g_clear_pointer (&self->taxonomies, g_ptr_array_unref);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  g_clear_pointer (&self->ugly_url_sections, byline_data_unref);
  g_clear_pointer (&self->permalinks, g_ptr_array_unref);
  g_strfreev (self->date_keys);
  g_strfreev (self->disabled_kinds);
  g_clear_pointer (&self->components, g_ptr_array_unref);
  for (guint k = 0; k < BYLINE_SITE_N_FOLDER_KINDS; k++)
    g_clear_pointer (&self->folders[k], g_ptr_array_unref);
  g_clear_pointer (&self->shortcodes, g_ptr_array_unref);
  g_clear_pointer (&self->shortcode_index, g_hash_table_unref);
  g_clear_pointer (&self->render_hooks, g_ptr_array_unref);
  g_clear_pointer (&self->pages, byline_site_pages_unref);
  g_clear_pointer (&self->page_cache, g_hash_table_unref);
  g_mutex_clear (&self->lock);
  g_mutex_clear (&self->pages_lock);

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
  g_mutex_init (&self->lock);
  g_mutex_init (&self->pages_lock);
  self->config_files = g_ptr_array_new_with_free_func (g_free);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_site_problem_free);
  self->languages = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_site_language_free);
  self->taxonomies = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_site_taxonomy_free);
  self->permalinks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_permalink_rule_free);
  self->components = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_site_component_free);
  for (guint k = 0; k < BYLINE_SITE_N_FOLDER_KINDS; k++)
    self->folders[k] = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_site_folder_free);
  self->shortcodes = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_site_template_free);
  self->shortcode_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->render_hooks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_site_template_free);
  self->page_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, byline_site_page_cache_free);
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
      gboolean in_content = content_folder != NULL &&
                            g_str_has_prefix (dir, content_folder) &&
                            (dir[strlen (content_folder)] == '\0' || dir[strlen (content_folder)] == '/');
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
  self->root_path = g_file_get_path (root);
  if (self->root_path == NULL)
    self->root_path = g_strdup ("/");
  self->root_kind = has_config (self->root_path) ? BYLINE_SITE_ROOT_CONFIG : BYLINE_SITE_ROOT_CONTENT_ONLY;
  return self;
}

G_LOCK_DEFINE_STATIC (sites);
static GHashTable *sites;

BylineSite *
byline_site_lookup (GFile *file)
{
  g_autoptr(GFile) root = NULL;
  g_autofree char *path = NULL;
  BylineSite *site;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  root = byline_site_find_root (file, NULL);
  if (root == NULL)
    return NULL;
  path = g_file_get_path (root);

  G_LOCK (sites);
  if (sites == NULL)
    sites = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  site = g_hash_table_lookup (sites, path);
  if (site == NULL)
    {
      site = byline_site_new (root);
      g_hash_table_insert (sites, g_strdup (path), site);
    }
  g_object_ref (site);
  G_UNLOCK (sites);
  return site;
}

/* Loading */

void
byline_site_add_problem (BylineSite            *self,
                         BylineSiteProblemKind  kind,
                         const char            *file,
                         guint                  line,
                         guint                  column,
                         const char            *component,
                         const char            *message)
{
  BylineSiteProblem *problem = g_new0 (BylineSiteProblem, 1);

  problem->kind = kind;
  problem->message = g_strdup (message);
  problem->file = g_strdup (file);
  problem->line = line;
  problem->column = column;
  problem->component = g_strdup (component);
  g_ptr_array_add (self->problems, problem);
}

void
byline_site_ensure_loaded (BylineSite *self)
{
  g_mutex_lock (&self->lock);
  if (!self->loaded)
    {
      g_autoptr(BylineData) project = byline_site_read_config_dir (self, self->root_path, self->config_files);

      if (project == NULL)
        project = byline_data_new_map ();
      byline_site_load_components (self, project);
      byline_site_scan_templates (self);
      g_ptr_array_add (self->config_files, NULL);
      self->loaded = TRUE;
    }
  g_mutex_unlock (&self->lock);
}

/* Getters */

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

  return self->root_kind;
}

BylineData *
byline_site_get_config (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  byline_site_ensure_loaded (self);
  return self->config;
}

const char * const *
byline_site_get_config_files (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  byline_site_ensure_loaded (self);
  return (const char * const *) self->config_files->pdata;
}

const char *
byline_site_get_base_url (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  byline_site_ensure_loaded (self);
  return self->base_url;
}

const char *
byline_site_get_title (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  byline_site_ensure_loaded (self);
  return self->title;
}

BylineData *
byline_site_get_params (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  byline_site_ensure_loaded (self);
  return byline_data_lookup_path (self->config, "params");
}

BylineData *
byline_site_get_goldmark (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  byline_site_ensure_loaded (self);
  return byline_data_lookup_path (self->config, "markup.goldmark");
}

BylineData *
byline_site_get_privacy (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  byline_site_ensure_loaded (self);
  return byline_data_lookup_path (self->config, "privacy");
}

gboolean
byline_site_get_ugly_urls (BylineSite *self,
                           const char *section)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), FALSE);

  byline_site_ensure_loaded (self);
  if (self->ugly_url_sections != NULL)
    return section != NULL && byline_data_lookup_bool (self->ugly_url_sections, section, FALSE);
  return self->ugly_urls;
}

GTimeZone *
byline_site_get_time_zone (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  byline_site_ensure_loaded (self);
  return self->time_zone;
}

const GPtrArray *
byline_site_get_problems (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  byline_site_ensure_loaded (self);
  return self->problems;
}

guint
byline_site_get_n_languages (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), 0);

  byline_site_ensure_loaded (self);
  return self->languages->len;
}

const BylineSiteLanguage *
byline_site_get_language (BylineSite *self,
                          guint       index)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  byline_site_ensure_loaded (self);
  g_return_val_if_fail (index < self->languages->len, NULL);
  return g_ptr_array_index (self->languages, index);
}

const BylineSiteLanguage *
byline_site_lookup_language (BylineSite *self,
                             const char *code)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  /* Called while loading, from inside the lock: no ensure_loaded. */
  for (guint i = 0; i < self->languages->len; i++)
    {
      const BylineSiteLanguage *language = g_ptr_array_index (self->languages, i);

      if (g_ascii_strcasecmp (language->code, code) == 0)
        return language;
    }
  return NULL;
}

const char *
byline_site_get_default_language (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  byline_site_ensure_loaded (self);
  return self->default_language;
}

guint
byline_site_get_n_taxonomies (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), 0);

  byline_site_ensure_loaded (self);
  return self->taxonomies->len;
}

const BylineSiteTaxonomy *
byline_site_get_taxonomy (BylineSite *self,
                          guint       index)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  byline_site_ensure_loaded (self);
  g_return_val_if_fail (index < self->taxonomies->len, NULL);
  return g_ptr_array_index (self->taxonomies, index);
}

guint
byline_site_get_n_components (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), 0);

  byline_site_ensure_loaded (self);
  return self->components->len;
}

const BylineSiteComponent *
byline_site_get_component (BylineSite *self,
                           guint       index)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  byline_site_ensure_loaded (self);
  g_return_val_if_fail (index < self->components->len, NULL);
  return g_ptr_array_index (self->components, index);
}

gboolean
byline_site_is_complete (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), FALSE);

  byline_site_ensure_loaded (self);
  for (guint i = 0; i < self->components->len; i++)
    {
      const BylineSiteComponent *component = g_ptr_array_index (self->components, i);

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

  byline_site_ensure_loaded (self);
  return self->folders[kind];
}

const GPtrArray *
byline_site_get_shortcodes (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  byline_site_ensure_loaded (self);
  return self->shortcodes;
}

const BylineSiteTemplate *
byline_site_lookup_shortcode (BylineSite *self,
                              const char *name)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  byline_site_ensure_loaded (self);
  return g_hash_table_lookup (self->shortcode_index, name);
}

const GPtrArray *
byline_site_get_render_hooks (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  byline_site_ensure_loaded (self);
  return self->render_hooks;
}
