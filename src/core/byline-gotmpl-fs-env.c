/* byline-gotmpl-fs-env.c — the template environment of a site folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-fs-env.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <stdlib.h>
#include <string.h>

#include "byline-front-matter.h"
#include "byline-gotmpl-objects.h"
#include "byline-gotmpl-objects-private.h"

struct _BylineGotmplFsEnv
{
  GObject            parent_instance;

  char              *root;
  GMutex             lock;
  gboolean           loaded;
  BylineGotmplValue  config;
  GPtrArray         *site_dirs;   /* the site's folder, then each theme's */
  char              *content_dir; /* the default language's content folder */
  gboolean           data_loaded;
  BylineGotmplValue  data;
  GHashTable        *i18n;        /* lang → map of messages */
};

static void env_iface_init (BylineGotmplEnvInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BylineGotmplFsEnv, byline_gotmpl_fs_env, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BYLINE_TYPE_GOTMPL_ENV, env_iface_init))

static void
boxed_value_free (gpointer data)
{
  byline_gotmpl_value_clear (data);
  g_free (data);
}

static void
byline_gotmpl_fs_env_finalize (GObject *object)
{
  BylineGotmplFsEnv *self = BYLINE_GOTMPL_FS_ENV (object);

  g_free (self->root);
  g_mutex_clear (&self->lock);
  byline_gotmpl_value_clear (&self->config);
  byline_gotmpl_value_clear (&self->data);
  g_clear_pointer (&self->site_dirs, g_ptr_array_unref);
  g_free (self->content_dir);
  g_clear_pointer (&self->i18n, g_hash_table_unref);

  G_OBJECT_CLASS (byline_gotmpl_fs_env_parent_class)->finalize (object);
}

static void
byline_gotmpl_fs_env_class_init (BylineGotmplFsEnvClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = byline_gotmpl_fs_env_finalize;
}

static void
byline_gotmpl_fs_env_init (BylineGotmplFsEnv *self)
{
  g_mutex_init (&self->lock);
  self->i18n = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, boxed_value_free);
}

BylineGotmplEnv *
byline_gotmpl_fs_env_new (const char *root)
{
  BylineGotmplFsEnv *self;

  g_return_val_if_fail (root != NULL, NULL);
  self = g_object_new (BYLINE_TYPE_GOTMPL_FS_ENV, NULL);
  self->root = g_canonicalize_filename (root, NULL);
  return BYLINE_GOTMPL_ENV (self);
}

const char *
byline_gotmpl_fs_env_get_root (BylineGotmplFsEnv *self)
{
  g_return_val_if_fail (BYLINE_IS_GOTMPL_FS_ENV (self), NULL);
  return self->root;
}

/* Reading YAML files into values */

static gboolean
read_yaml_file (const char        *path,
                gboolean           params,
                BylineGotmplValue *value)
{
  g_autofree char *contents = NULL;
  gsize len;

  *value = byline_gotmpl_nil ();
  if (!g_file_get_contents (path, &contents, &len, NULL))
    return FALSE;
  return byline_gotmpl_parse_yaml (contents, len, params, value, NULL);
}

/* Deep merge of @src under @dst (dst's values win), into a new map. */
static BylineGotmplValue
merge_under (const BylineGotmplValue *dst,
             const BylineGotmplValue *src)
{
  BylineGotmplMap *out;

  if (dst->kind != BYLINE_GOTMPL_MAP)
    return byline_gotmpl_value_copy (src->kind == BYLINE_GOTMPL_MAP ? src : dst);
  if (src->kind != BYLINE_GOTMPL_MAP)
    return byline_gotmpl_value_copy (dst);
  out = byline_gotmpl_map_copy (dst->m);
  for (guint i = 0; i < byline_gotmpl_map_length (src->m); i++)
    {
      const char *key = byline_gotmpl_map_key_at (src->m, i);
      const BylineGotmplValue *sv = byline_gotmpl_map_value_at (src->m, i);
      const BylineGotmplValue *dv = byline_gotmpl_map_lookup (out, key);

      if (dv == NULL)
        byline_gotmpl_map_set (out, key, byline_gotmpl_value_copy (sv));
      else if (dv->kind == BYLINE_GOTMPL_MAP && sv->kind == BYLINE_GOTMPL_MAP)
        byline_gotmpl_map_set (out, key, merge_under (dv, sv));
    }
  return byline_gotmpl_map_value (out);
}

/* A folder's configuration: hugo.yaml or config.yaml at the root, then
 * config/_default/ where hugo.yaml is the root and NAME.yaml goes under
 * the key NAME. */
static BylineGotmplValue
read_config_dir (const char *dir)
{
  static const char * const roots[] = { "hugo.yaml", "hugo.yml", "config.yaml", "config.yml" };
  g_auto(BylineGotmplValue) config = byline_gotmpl_map_value (byline_gotmpl_map_new (TRUE));
  g_autofree char *defaults = g_build_filename (dir, "config", "_default", NULL);
  g_autoptr(GDir) d = NULL;
  const char *name;

  for (guint i = 0; i < G_N_ELEMENTS (roots); i++)
    {
      g_autofree char *path = g_build_filename (dir, roots[i], NULL);
      g_auto(BylineGotmplValue) v = BYLINE_GOTMPL_VALUE_INIT;

      if (read_yaml_file (path, TRUE, &v) && v.kind == BYLINE_GOTMPL_MAP)
        {
          BylineGotmplValue merged = merge_under (&v, &config);

          byline_gotmpl_value_clear (&config);
          config = merged;
        }
    }
  d = g_dir_open (defaults, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (defaults, name, NULL);
      g_autofree char *key = NULL;
      g_auto(BylineGotmplValue) v = BYLINE_GOTMPL_VALUE_INIT;
      BylineGotmplValue merged;

      if (!g_str_has_suffix (name, ".yaml") && !g_str_has_suffix (name, ".yml"))
        continue;
      if (!read_yaml_file (path, TRUE, &v) || v.kind != BYLINE_GOTMPL_MAP)
        continue;
      key = g_strndup (name, strrchr (name, '.') - name);
      if (strcmp (key, "hugo") == 0 || strcmp (key, "config") == 0)
        merged = merge_under (&config, &v);
      else
        {
          BylineGotmplMap *wrap = byline_gotmpl_map_new (TRUE);
          BylineGotmplValue wrapped;

          byline_gotmpl_map_set (wrap, key, byline_gotmpl_value_steal (&v));
          wrapped = byline_gotmpl_map_value (wrap);
          merged = merge_under (&config, &wrapped);
          byline_gotmpl_value_clear (&wrapped);
        }
      byline_gotmpl_value_clear (&config);
      config = merged;
    }
  return byline_gotmpl_value_steal (&config);
}

static const char *
config_string (const BylineGotmplValue *map,
               const char              *key)
{
  const BylineGotmplValue *v = map->kind == BYLINE_GOTMPL_MAP
    ? byline_gotmpl_map_lookup (map->m, key) : NULL;

  return v != NULL && v->kind == BYLINE_GOTMPL_STRING ? v->s : NULL;
}

/* contentDir, or the default language's (languages.en.contentDir:
 * content/en on multilingual sites); "content" when neither is set. */
static char *
find_content_dir (BylineGotmplFsEnv *self)
{
  const char *lang = config_string (&self->config, "defaultContentLanguage");
  const char *dir = config_string (&self->config, "contentDir");
  const BylineGotmplValue *languages = self->config.kind == BYLINE_GOTMPL_MAP
    ? byline_gotmpl_map_lookup (self->config.m, "languages") : NULL;

  if (languages != NULL && languages->kind == BYLINE_GOTMPL_MAP)
    {
      const BylineGotmplValue *language =
        byline_gotmpl_map_lookup (languages->m, lang != NULL ? lang : "en");

      if (language != NULL && config_string (language, "contentDir") != NULL)
        dir = config_string (language, "contentDir");
    }
  if (dir == NULL || strstr (dir, "..") != NULL || g_path_is_absolute (dir))
    dir = "content";
  return g_build_filename (self->root, dir, NULL);
}

/* The site's configuration and its themes' folders, read once. */
static void
ensure_loaded (BylineGotmplFsEnv *self)
{
  const BylineGotmplValue *theme;

  g_mutex_lock (&self->lock);
  if (self->loaded)
    {
      g_mutex_unlock (&self->lock);
      return;
    }
  self->config = read_config_dir (self->root);
  self->site_dirs = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->site_dirs, g_strdup (self->root));
  self->content_dir = find_content_dir (self);
  theme = byline_gotmpl_map_lookup (self->config.m, "theme");
  if (theme != NULL)
    {
      guint n = theme->kind == BYLINE_GOTMPL_LIST ? byline_gotmpl_list_length (theme->l) : 1;

      for (guint i = 0; i < n; i++)
        {
          const BylineGotmplValue *t = theme->kind == BYLINE_GOTMPL_LIST
            ? byline_gotmpl_list_get (theme->l, i) : theme;
          g_autofree char *dir = NULL;

          if (t->kind != BYLINE_GOTMPL_STRING || strstr (t->s, "..") != NULL)
            continue;
          dir = g_build_filename (self->root, "themes", t->s, NULL);
          if (g_file_test (dir, G_FILE_TEST_IS_DIR))
            {
              g_auto(BylineGotmplValue) theme_config = read_config_dir (dir);
              BylineGotmplValue merged = merge_under (&self->config, &theme_config);

              byline_gotmpl_value_clear (&self->config);
              self->config = merged;
              g_ptr_array_add (self->site_dirs, g_steal_pointer (&dir));
            }
        }
    }
  self->loaded = TRUE;
  g_mutex_unlock (&self->lock);
}

GPtrArray *
byline_gotmpl_fs_env_list_layout_dirs (BylineGotmplFsEnv *self)
{
  GPtrArray *dirs = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (BYLINE_IS_GOTMPL_FS_ENV (self), dirs);
  ensure_loaded (self);
  for (guint i = 0; i < self->site_dirs->len; i++)
    g_ptr_array_add (dirs, g_build_filename (g_ptr_array_index (self->site_dirs, i), "layouts", NULL));
  return dirs;
}

/* BylineGotmplEnv */

static char *
find_template (BylineGotmplEnv          *env,
               BylineGotmplTemplateKind  kind,
               const char               *name)
{
  BylineGotmplFsEnv *self = BYLINE_GOTMPL_FS_ENV (env);
  static const char * const shortcode_dirs[] = { "_shortcodes", "shortcodes" };
  static const char * const partial_dirs[] = { "_partials", "partials" };
  const char * const *subdirs = kind == BYLINE_GOTMPL_SHORTCODE_TEMPLATE ? shortcode_dirs : partial_dirs;

  if (name[0] == '\0' || name[0] == '/' || strstr (name, "..") != NULL)
    return NULL;
  ensure_loaded (self);
  for (guint i = 0; i < self->site_dirs->len; i++)
    for (guint k = 0; k < 2; k++)
      {
        g_autofree char *base = g_build_filename (g_ptr_array_index (self->site_dirs, i), "layouts",
                                                  subdirs[k], name, NULL);
        g_autofree char *html = g_strconcat (base, ".html", NULL);
        g_autofree char *md = g_strconcat (base, ".md", NULL);

        /* Shortcodes are named without extension; partials either way. */
        if (kind == BYLINE_GOTMPL_PARTIAL_TEMPLATE && g_file_test (base, G_FILE_TEST_IS_REGULAR))
          return g_steal_pointer (&base);
        if (g_file_test (html, G_FILE_TEST_IS_REGULAR))
          return g_steal_pointer (&html);
        if (g_file_test (md, G_FILE_TEST_IS_REGULAR))
          return g_steal_pointer (&md);
      }
  return NULL;
}

static BylineGotmplValue
get_config (BylineGotmplEnv *env)
{
  BylineGotmplFsEnv *self = BYLINE_GOTMPL_FS_ENV (env);

  ensure_loaded (self);
  return byline_gotmpl_value_copy (&self->config);
}

/* data/: each file a key of its folder's map; themes' under the site's. */
static void
read_data_dir (const char      *dir,
               BylineGotmplMap *into,
               int              depth)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL || depth > 20)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          const BylineGotmplValue *existing = byline_gotmpl_map_lookup (into, name);

          if (existing == NULL || existing->kind != BYLINE_GOTMPL_MAP)
            {
              byline_gotmpl_map_set (into, name, byline_gotmpl_map_value (byline_gotmpl_map_new (FALSE)));
              existing = byline_gotmpl_map_lookup (into, name);
            }
          read_data_dir (path, existing->m, depth + 1);
        }
      else if (g_str_has_suffix (name, ".yaml") || g_str_has_suffix (name, ".yml") ||
               g_str_has_suffix (name, ".json"))
        {
          g_autofree char *key = g_strndup (name, strrchr (name, '.') - name);
          BylineGotmplValue v;

          if (byline_gotmpl_map_lookup (into, key) != NULL)
            continue;   /* the site's file wins over a theme's */
          if (read_yaml_file (path, FALSE, &v))
            byline_gotmpl_map_set (into, key, v);
        }
    }
}

static BylineGotmplValue
get_data (BylineGotmplEnv *env)
{
  BylineGotmplFsEnv *self = BYLINE_GOTMPL_FS_ENV (env);
  BylineGotmplValue v;

  ensure_loaded (self);
  g_mutex_lock (&self->lock);
  if (!self->data_loaded)
    {
      BylineGotmplMap *data = byline_gotmpl_map_new (FALSE);

      for (guint i = 0; i < self->site_dirs->len; i++)
        {
          g_autofree char *dir = g_build_filename (g_ptr_array_index (self->site_dirs, i), "data", NULL);

          read_data_dir (dir, data, 0);
        }
      self->data = byline_gotmpl_map_value (data);
      self->data_loaded = TRUE;
    }
  v = byline_gotmpl_value_copy (&self->data);
  g_mutex_unlock (&self->lock);
  return v;
}

/* i18n/LANG.yaml: "id: text", "id: {one: …, other: …}" or go-i18n's list
 * of {id, translation}. The site's messages win over the themes'. */
static const BylineGotmplValue *
messages_for (BylineGotmplFsEnv *self,
              const char        *lang)
{
  BylineGotmplValue *messages;

  g_mutex_lock (&self->lock);
  messages = g_hash_table_lookup (self->i18n, lang);
  if (messages == NULL)
    {
      BylineGotmplMap *all = byline_gotmpl_map_new (FALSE);

      for (guint i = 0; i < self->site_dirs->len; i++)
        {
          g_autofree char *file = g_strdup_printf ("%s.yaml", lang);
          g_autofree char *path = g_build_filename (g_ptr_array_index (self->site_dirs, i), "i18n",
                                                    file, NULL);
          g_auto(BylineGotmplValue) v = BYLINE_GOTMPL_VALUE_INIT;

          if (!read_yaml_file (path, FALSE, &v))
            continue;
          if (v.kind == BYLINE_GOTMPL_MAP)
            for (guint k = 0; k < byline_gotmpl_map_length (v.m); k++)
              {
                const char *id = byline_gotmpl_map_key_at (v.m, k);

                if (byline_gotmpl_map_lookup (all, id) == NULL)
                  byline_gotmpl_map_set (all, id, byline_gotmpl_value_copy (byline_gotmpl_map_value_at (v.m, k)));
              }
          else if (v.kind == BYLINE_GOTMPL_LIST)
            for (guint k = 0; k < byline_gotmpl_list_length (v.l); k++)
              {
                const BylineGotmplValue *e = byline_gotmpl_list_get (v.l, k);
                const BylineGotmplValue *id, *translation;

                if (e->kind != BYLINE_GOTMPL_MAP)
                  continue;
                id = byline_gotmpl_map_lookup (e->m, "id");
                translation = byline_gotmpl_map_lookup (e->m, "translation");
                if (id != NULL && id->kind == BYLINE_GOTMPL_STRING && translation != NULL &&
                    byline_gotmpl_map_lookup (all, id->s) == NULL)
                  byline_gotmpl_map_set (all, id->s, byline_gotmpl_value_copy (translation));
              }
        }
      messages = g_new (BylineGotmplValue, 1);
      *messages = byline_gotmpl_map_value (all);
      g_hash_table_insert (self->i18n, g_strdup (lang), messages);
    }
  g_mutex_unlock (&self->lock);
  return messages;
}

static char *
translate (BylineGotmplEnv         *env,
           const char              *lang,
           const char              *id,
           const BylineGotmplValue *count)
{
  BylineGotmplFsEnv *self = BYLINE_GOTMPL_FS_ENV (env);
  const BylineGotmplValue *messages, *m;

  ensure_loaded (self);
  messages = messages_for (self, lang != NULL ? lang : "en");
  m = byline_gotmpl_map_lookup (messages->m, id);
  if (m == NULL)
    return NULL;
  if (m->kind == BYLINE_GOTMPL_MAP)
    {
      /* CLDR plural forms; English-like: one for 1, other otherwise. */
      gboolean one = (count->kind == BYLINE_GOTMPL_INT && count->i == 1) ||
                     (count->kind == BYLINE_GOTMPL_FLOAT && count->f == 1);
      const BylineGotmplValue *form = byline_gotmpl_map_lookup (m->m, one ? "one" : "other");

      if (form == NULL)
        form = byline_gotmpl_map_lookup (m->m, "other");
      m = form;
    }
  if (m == NULL || m->kind != BYLINE_GOTMPL_STRING)
    return NULL;
  return g_strdup (m->s);
}

/* Inside the site: relative, without "..", resolved below the root. */
static char *
site_path (BylineGotmplFsEnv  *self,
           const char         *path,
           GError            **error)
{
  g_autofree char *full = NULL;
  g_autofree char *prefix = g_strconcat (self->root, G_DIR_SEPARATOR_S, NULL);

  full = g_canonicalize_filename (path[0] == '/' ? path + 1 : path, self->root);
  if (!g_str_has_prefix (full, prefix) && strcmp (full, self->root) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   "%s is outside the site", path);
      return NULL;
    }
  return g_steal_pointer (&full);
}

static GBytes *
read_file (BylineGotmplEnv  *env,
           const char       *path,
           GError          **error)
{
  BylineGotmplFsEnv *self = BYLINE_GOTMPL_FS_ENV (env);
  g_autofree char *full = site_path (self, path, error);
  g_autofree char *contents = NULL;
  gsize len;

  if (full == NULL)
    return NULL;
  if (!g_file_get_contents (full, &contents, &len, error))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&contents), len);
}

static gboolean
stat_file (BylineGotmplEnv *env,
           const char      *path,
           gboolean        *is_dir,
           goffset         *size,
           gint64          *mtime)
{
  BylineGotmplFsEnv *self = BYLINE_GOTMPL_FS_ENV (env);
  g_autofree char *full = site_path (self, path, NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;

  if (full == NULL)
    return FALSE;
  file = g_file_new_for_path (full);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE
                            "," G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return FALSE;
  if (is_dir != NULL)
    *is_dir = g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY;
  if (size != NULL)
    *size = g_file_info_get_size (info);
  if (mtime != NULL)
    *mtime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
  return TRUE;
}

static BylineGotmplResourceInfo *
resource_info (const char *path,
               const char *name,
               const char *rel_permalink,
               const char *base_url)
{
  BylineGotmplResourceInfo *info = g_new0 (BylineGotmplResourceInfo, 1);
  g_autofree char *content_type = g_content_type_guess (path, NULL, 0, NULL);

  info->name = g_strdup (name);
  info->path = g_strdup (path);
  info->rel_permalink = g_strdup (rel_permalink);
  info->permalink = byline_gotmpl_abs_url (base_url, rel_permalink, NULL);
  info->media_type = g_content_type_get_mime_type (content_type);
  if (info->media_type == NULL)
    info->media_type = g_strdup ("application/octet-stream");
  if (g_str_has_prefix (info->media_type, "image/"))
    gdk_pixbuf_get_file_info (path, &info->width, &info->height);
  return info;
}

static const char *
base_url (BylineGotmplFsEnv *self)
{
  const BylineGotmplValue *v = byline_gotmpl_map_lookup (self->config.m, "baseurl");

  return v != NULL && v->kind == BYLINE_GOTMPL_STRING ? v->s : "/";
}

static BylineGotmplResourceInfo *
get_asset (BylineGotmplEnv *env,
           const char      *path)
{
  BylineGotmplFsEnv *self = BYLINE_GOTMPL_FS_ENV (env);
  const char *rel = path[0] == '/' ? path + 1 : path;

  if (strstr (path, "..") != NULL)
    return NULL;
  ensure_loaded (self);
  for (guint i = 0; i < self->site_dirs->len; i++)
    {
      g_autofree char *full = g_build_filename (g_ptr_array_index (self->site_dirs, i), "assets",
                                                rel, NULL);

      if (g_file_test (full, G_FILE_TEST_IS_REGULAR))
        {
          g_autofree char *permalink = byline_gotmpl_rel_url (base_url (self), rel, NULL);

          return resource_info (full, rel, permalink, base_url (self));
        }
    }
  return NULL;
}

/* A page's URL with Hugo's default permalinks: the path under content/
 * without extension (the folder for bundles), or the slug in its folder. */
static char *
page_rel_permalink (const char              *content_path,
                    const BylineGotmplValue *front_matter)
{
  g_autofree char *path = g_strdup (content_path);
  const BylineGotmplValue *url = front_matter->kind == BYLINE_GOTMPL_MAP
    ? byline_gotmpl_map_lookup (front_matter->m, "url") : NULL;
  const BylineGotmplValue *slug = front_matter->kind == BYLINE_GOTMPL_MAP
    ? byline_gotmpl_map_lookup (front_matter->m, "slug") : NULL;
  char *dot, *slash;

  if (url != NULL && url->kind == BYLINE_GOTMPL_STRING)
    return g_strdup (url->s);
  dot = strrchr (path, '.');
  if (dot != NULL && strchr (dot, '/') == NULL)
    *dot = '\0';
  slash = strrchr (path, '/');
  if (g_str_has_suffix (path, "index") &&
      (strcmp (slash != NULL ? slash + 1 : path, "index") == 0 ||
       strcmp (slash != NULL ? slash + 1 : path, "_index") == 0))
    {
      if (slash == NULL)
        return g_strdup ("/");
      *slash = '\0';
    }
  else if (slug != NULL && slug->kind == BYLINE_GOTMPL_STRING)
    {
      g_autofree char *dir = slash != NULL ? g_strndup (path, slash - path + 1) : g_strdup ("");

      return g_strconcat ("/", dir, slug->s, "/", NULL);
    }
  {
    g_autofree char *lower = g_utf8_strdown (path, -1);

    return g_strconcat ("/", lower, "/", NULL);
  }
}

static BylineGotmplValue
page_from_file (BylineGotmplFsEnv *self,
                const char        *file,
                const char        *content_path)
{
  g_autoptr(GFile) f = g_file_new_for_path (file);
  g_autoptr(BylinePost) post = byline_post_new_from_file (f, NULL, NULL);
  g_autofree char *rel = NULL;
  g_autofree char *abs = NULL;
  g_auto(BylineGotmplValue) fm = BYLINE_GOTMPL_VALUE_INIT;
  BylineGotmplPageInfo info = { 0 };
  const BylineGotmplValue *lang = byline_gotmpl_map_lookup (self->config.m, "defaultcontentlanguage");
  gboolean is_section;

  if (post == NULL)
    return byline_gotmpl_nil ();
  {
    const BylinePostLayout *layout = byline_post_get_layout (post);

    if (layout != NULL && layout->yaml_end > layout->yaml_start)
      byline_gotmpl_parse_yaml (byline_post_get_text (post) + layout->yaml_start,
                                layout->yaml_end - layout->yaml_start, TRUE, &fm, NULL);
  }
  {
    /* Pages live under the base URL's path: relURL of the path. */
    g_autofree char *path = page_rel_permalink (content_path, &fm);

    rel = byline_gotmpl_rel_url (base_url (self), path[0] == '/' ? path + 1 : path, NULL);
  }
  abs = byline_gotmpl_abs_url (base_url (self), rel, NULL);
  is_section = g_str_has_suffix (content_path, "_index.md");
  info.file = file;
  info.content_path = content_path;
  info.kind = strcmp (content_path, "_index.md") == 0 ? "home" : is_section ? "section" : "page";
  info.lang = lang != NULL && lang->kind == BYLINE_GOTMPL_STRING ? lang->s : "en";
  info.rel_permalink = rel;
  info.permalink = abs;
  return byline_gotmpl_page_new_for_post (BYLINE_GOTMPL_ENV (self), post, &info);
}

static BylineGotmplValue
get_page (BylineGotmplEnv *env,
          const char      *path)
{
  BylineGotmplFsEnv *self = BYLINE_GOTMPL_FS_ENV (env);
  g_autofree char *clean = NULL;
  static const char * const suffixes[] = { "", ".md", "/index.md", "/_index.md" };

  if (strstr (path, "..") != NULL)
    return byline_gotmpl_nil ();
  ensure_loaded (self);
  clean = g_strdup (path[0] == '/' ? path + 1 : path);
  while (clean[0] != '\0' && clean[strlen (clean) - 1] == '/')
    clean[strlen (clean) - 1] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *content_path = NULL;
      g_autofree char *file = NULL;

      if (clean[0] == '\0' && i != 3)
        continue;
      content_path = clean[0] == '\0' ? g_strdup ("_index.md")
                                      : g_strconcat (clean, suffixes[i], NULL);
      file = g_build_filename (self->content_dir, content_path, NULL);
      if (g_str_has_suffix (file, ".md") && g_file_test (file, G_FILE_TEST_IS_REGULAR))
        return page_from_file (self, file, content_path);
    }
  return byline_gotmpl_nil ();
}

static void
collect_bundle (const char *dir,
                const char *prefix,
                GPtrArray  *names,
                int         depth)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL || depth > 10)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *rel = prefix[0] != '\0' ? g_strconcat (prefix, "/", name, NULL) : g_strdup (name);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *index = g_build_filename (path, "index.md", NULL);

          /* A folder with its own index.md is another bundle. */
          if (!g_file_test (index, G_FILE_TEST_EXISTS))
            collect_bundle (path, rel, names, depth + 1);
        }
      else if (depth > 0 || (strcmp (name, "index.md") != 0 && strcmp (name, "_index.md") != 0))
        g_ptr_array_add (names, g_steal_pointer (&rel));
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
list_page_resources (BylineGotmplEnv *env,
                     const char      *page_file)
{
  BylineGotmplFsEnv *self = BYLINE_GOTMPL_FS_ENV (env);
  g_autofree char *base = g_path_get_basename (page_file);
  g_autofree char *dir = g_path_get_dirname (page_file);
  g_autofree char *content = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *page_rel = NULL;
  GPtrArray *infos;

  if (strcmp (base, "index.md") != 0 && strcmp (base, "_index.md") != 0)
    return NULL;
  ensure_loaded (self);
  content = g_strdup (self->content_dir);
  collect_bundle (dir, "", names, 0);
  g_ptr_array_sort (names, compare_strings);
  if (g_str_has_prefix (page_file, content))
    {
      g_auto(BylineGotmplValue) nil = BYLINE_GOTMPL_VALUE_INIT;
      g_autofree char *path = page_rel_permalink (page_file + strlen (content) + 1, &nil);

      page_rel = byline_gotmpl_rel_url (base_url (self), path + 1, NULL);
    }
  infos = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_gotmpl_resource_info_free);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *rel = g_strconcat (page_rel != NULL ? page_rel : "/", name, NULL);

      g_ptr_array_add (infos, resource_info (path, name, rel, base_url (self)));
    }
  return infos;
}

/* Markdown with cmark-gfm; raw HTML as the site's Goldmark unsafe setting
 * says, and Hugo's TrimShortHTML for inline results. */
static char *
render_markdown (BylineGotmplEnv  *env,
                 const char       *markdown,
                 gboolean          inline_only,
                 GError          **error)
{
  BylineGotmplFsEnv *self = BYLINE_GOTMPL_FS_ENV (env);
  static const char * const extensions[] = { "table", "strikethrough", "autolink", "tasklist" };
  const BylineGotmplValue *unsafe;
  int options = CMARK_OPT_DEFAULT;
  cmark_parser *parser;
  cmark_node *doc;
  char *html;
  gsize len;

  ensure_loaded (self);
  unsafe = byline_gotmpl_params_get (&self->config, "markup.goldmark.renderer.unsafe");
  if (unsafe != NULL && byline_gotmpl_value_truth (unsafe))
    options |= CMARK_OPT_UNSAFE;
  cmark_gfm_core_extensions_ensure_registered ();
  parser = cmark_parser_new (options);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      cmark_syntax_extension *ext = cmark_find_syntax_extension (extensions[i]);

      if (ext != NULL)
        cmark_parser_attach_syntax_extension (parser, ext);
    }
  cmark_parser_feed (parser, markdown, strlen (markdown));
  doc = cmark_parser_finish (parser);
  html = cmark_render_html (doc, options, cmark_parser_get_syntax_extensions (parser));
  cmark_node_free (doc);
  cmark_parser_free (parser);

  if (inline_only)
    {
      int count = 0;

      for (const char *p = strstr (html, "<p>"); p != NULL; p = strstr (p + 3, "<p>"))
        count++;
      if (count == 1)
        {
          char *trimmed = g_strstrip (html);

          len = strlen (trimmed);
          if (g_str_has_prefix (trimmed, "<p>") && g_str_has_suffix (trimmed, "</p>"))
            {
              char *inner = g_strndup (trimmed + 3, len - 7);

              free (html);
              return g_strstrip (inner);
            }
        }
    }
  {
    char *copy = g_strdup (html);

    free (html);
    return copy;
  }
}

static void
env_iface_init (BylineGotmplEnvInterface *iface)
{
  iface->find_template = find_template;
  iface->get_config = get_config;
  iface->get_data = get_data;
  iface->translate = translate;
  iface->get_page = get_page;
  iface->read_file = read_file;
  iface->stat_file = stat_file;
  iface->get_asset = get_asset;
  iface->list_page_resources = list_page_resources;
  iface->render_markdown = render_markdown;
}
