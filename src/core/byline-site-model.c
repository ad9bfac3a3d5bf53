/* byline-site-model.c — what is known of the site at one root
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One BylineSiteModel per site root, shared by the BylineSite of every
 * post of that site and by the threads that use them: it reads the
 * configuration, the components and the templates once, under its lock,
 * and keeps the page index (byline-site-pages.c).
 */

#define G_LOG_DOMAIN "byline-site"

#include "config.h"

#include "byline-site.h"
#include "byline-site-private.h"

#include <string.h>
#include <sys/stat.h>

typedef struct
{
  gint64 mtime;                 /* microseconds */
  gint64 size;                  /* -1: absent */
} BylineSiteStamp;

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

BylineSiteModel *
byline_site_model_new (GFile *root)
{
  BylineSiteModel *self = g_new0 (BylineSiteModel, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->root = g_object_ref (root);
  self->root_path = g_file_get_path (root);
  if (self->root_path == NULL)
    self->root_path = g_strdup ("/");
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
  self->page_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            byline_site_page_cache_free);
  self->stamps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

BylineSiteModel *
byline_site_model_ref (BylineSiteModel *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
byline_site_model_unref (BylineSiteModel *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

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
  g_clear_pointer (&self->stamps, g_hash_table_unref);
  g_mutex_clear (&self->lock);
  g_mutex_clear (&self->pages_lock);
  g_free (self);
}

void
byline_site_model_add_problem (BylineSiteModel       *self,
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
byline_site_model_ensure_loaded (BylineSiteModel *self)
{
  g_mutex_lock (&self->lock);
  if (!self->loaded)
    {
      g_autoptr (BylineData)
        project = byline_site_read_config_dir (self, self->root_path, self->config_files);

      if (project == NULL)
        project = byline_data_new_map ();
      byline_site_load_components (self, project);
      byline_site_scan_templates (self);
      g_ptr_array_add (self->config_files, NULL);
      self->loaded = TRUE;
    }
  g_mutex_unlock (&self->lock);
}

const BylineSiteLanguage *
byline_site_model_lookup_language (BylineSiteModel *self,
                                   const char      *code)
{
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

/* Out-of-date models */

static void
stamp_of (const char      *path,
          BylineSiteStamp *stamp)
{
  struct stat st;

  if (stat (path, &st) != 0)
    {
      stamp->mtime = 0;
      stamp->size = -1;
      return;
    }
  stamp->mtime = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
  stamp->size = st.st_size;
}

void
byline_site_model_watch (BylineSiteModel *self,
                         const char      *path)
{
  BylineSiteStamp *stamp;

  if (g_hash_table_contains (self->stamps, path))
    return;
  stamp = g_new (BylineSiteStamp, 1);
  stamp_of (path, stamp);
  g_hash_table_insert (self->stamps, g_strdup (path), stamp);
}

gboolean
byline_site_model_is_stale (BylineSiteModel *self)
{
  GHashTableIter iter;
  gpointer key, value;
  gboolean stale = FALSE;

  g_mutex_lock (&self->lock);
  if (self->loaded)
    {
      g_hash_table_iter_init (&iter, self->stamps);
      while (!stale && g_hash_table_iter_next (&iter, &key, &value))
        {
          const BylineSiteStamp *then = value;
          BylineSiteStamp now;

          stamp_of (key, &now);
          stale = now.mtime != then->mtime || now.size != then->size;
        }
    }
  g_mutex_unlock (&self->lock);
  return stale;
}

void
byline_site_model_adopt_page_cache (BylineSiteModel *self,
                                    BylineSiteModel *old)
{
  GHashTableIter iter;
  gpointer key, value;

  g_mutex_lock (&old->pages_lock);
  g_mutex_lock (&self->pages_lock);
  g_hash_table_iter_init (&iter, old->page_cache);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const BylineSiteCachedFile *cached = value;
      BylineSiteCachedFile *copy = g_new0 (BylineSiteCachedFile, 1);

      copy->mtime = cached->mtime;
      copy->size = cached->size;
      copy->front_matter = cached->front_matter != NULL ? byline_data_ref (cached->front_matter)
                                                        : NULL;
      copy->error = g_strdup (cached->error);
      g_hash_table_replace (self->page_cache, g_strdup (key), copy);
    }
  g_mutex_unlock (&self->pages_lock);
  g_mutex_unlock (&old->pages_lock);
}
