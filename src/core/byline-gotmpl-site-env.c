/* byline-gotmpl-site-env.c — the template engine's environment on a BylineSite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-site-env.h"
#include "byline-gotmpl-site-env-private.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <stdlib.h>
#include <string.h>

#include "byline-goldmark.h"
#include "byline-gotmpl-objects.h"
#include "byline-gotmpl-objects-private.h"

/* Data and i18n files larger than this are not read for a preview. */
#define MAX_DATA_FILE (16 * 1024 * 1024)

static void env_iface_init (BylineGotmplEnvInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BylineGotmplSiteEnv, byline_gotmpl_site_env, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BYLINE_TYPE_GOTMPL_ENV, env_iface_init))

static void
boxed_value_free (gpointer data)
{
  byline_gotmpl_value_clear (data);
  g_free (data);
}

static void
byline_gotmpl_site_env_finalize (GObject *object)
{
  BylineGotmplSiteEnv *self = BYLINE_GOTMPL_SITE_ENV (object);

  g_clear_object (&self->site);
  g_free (self->root);
  g_mutex_clear (&self->lock);
  byline_gotmpl_value_clear (&self->config);
  byline_gotmpl_value_clear (&self->data);
  g_clear_pointer (&self->i18n, g_hash_table_unref);
  g_clear_pointer (&self->goldmark, byline_goldmark_settings_free);

  G_OBJECT_CLASS (byline_gotmpl_site_env_parent_class)->finalize (object);
}

static void
byline_gotmpl_site_env_class_init (BylineGotmplSiteEnvClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = byline_gotmpl_site_env_finalize;
}

static void
byline_gotmpl_site_env_init (BylineGotmplSiteEnv *self)
{
  g_mutex_init (&self->lock);
  self->i18n = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, boxed_value_free);
}

static BylineGotmplEnv *
site_env_new (BylineSite *site)
{
  BylineGotmplSiteEnv *self;
  GFile *root;

  self = g_object_new (BYLINE_TYPE_GOTMPL_SITE_ENV, NULL);
  self->site = g_object_ref (site);
  root = byline_site_get_root (site);
  if (root != NULL)
    self->root = g_file_get_path (root);
  self->goldmark = byline_goldmark_settings_new_from_config (byline_site_get_config (site));
  return BYLINE_GOTMPL_ENV (self);
}

BylineGotmplEnv *
byline_gotmpl_site_env_new (BylineSite *site)
{
  g_return_val_if_fail (BYLINE_IS_SITE (site), NULL);

  return site_env_new (site);
}

BylineGotmplEnv *
byline_gotmpl_site_env_new_for_root (const char *root)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(BylineSite) site = NULL;

  g_return_val_if_fail (root != NULL, NULL);

  file = g_file_new_for_path (root);
  site = byline_site_new (file);
  return site_env_new (site);
}

BylineSite *
byline_gotmpl_site_env_get_site (BylineGotmplSiteEnv *self)
{
  g_return_val_if_fail (BYLINE_IS_GOTMPL_SITE_ENV (self), NULL);

  return self->site;
}

const BylineGoldmarkSettings *
byline_gotmpl_site_env_get_goldmark (BylineGotmplSiteEnv *self)
{
  g_return_val_if_fail (BYLINE_IS_GOTMPL_SITE_ENV (self), NULL);

  return self->goldmark;
}

/* One set for every BylineSite of a post of the same site read once (one
 * site model, byline-site.c): the windows of several posts and the posts
 * byline-cli checks share the parsed templates. A model is known by its
 * list of layout folders, which lives as long as the model does, and the
 * set's environment holds a site of that model: the key cannot be reused
 * while the set is kept. A site read again (its configuration or its
 * layout folders changed) gets a new set; the sets of the last few
 * readings are kept, for the posts still open on an older one. */
#define MAX_SHARED_SETS 8

G_LOCK_DEFINE_STATIC (shared_sets);
static GHashTable *shared_sets;   /* layout folders → BylineGotmplSet */
static GQueue shared_order = G_QUEUE_INIT;

BylineGotmplSet *
byline_gotmpl_site_env_dup_set (BylineSite *site)
{
  const GPtrArray *key;
  BylineGotmplSet *set;

  g_return_val_if_fail (BYLINE_IS_SITE (site), NULL);

  if (byline_site_get_root (site) == NULL)
    return NULL;

  key = byline_site_get_folders (site, BYLINE_SITE_FOLDER_LAYOUTS);
  if (key == NULL)
    {
      g_autoptr(BylineGotmplEnv) env = site_env_new (site);

      return byline_gotmpl_set_new (env);
    }
  G_LOCK (shared_sets);
  if (shared_sets == NULL)
    shared_sets = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  set = g_hash_table_lookup (shared_sets, key);
  if (set == NULL)
    {
      g_autoptr(BylineGotmplEnv) env = site_env_new (site);

      set = byline_gotmpl_set_new (env);
      g_hash_table_insert (shared_sets, (gpointer) key, set);
      g_queue_push_tail (&shared_order, (gpointer) key);
      if (g_queue_get_length (&shared_order) > MAX_SHARED_SETS)
        g_hash_table_remove (shared_sets, g_queue_pop_head (&shared_order));
    }
  g_object_ref (set);
  G_UNLOCK (shared_sets);
  return set;
}

/* The configuration */

static const BylineGotmplValue *
ensure_config (BylineGotmplSiteEnv *self)
{
  g_mutex_lock (&self->lock);
  if (!self->config_loaded)
    {
      BylineData *config = byline_site_get_config (self->site);

      self->config = config != NULL
        ? byline_gotmpl_value_from_data (config, TRUE, byline_site_get_time_zone (self->site))
        : byline_gotmpl_map_value (byline_gotmpl_map_new (TRUE));
      if (self->config.kind != BYLINE_GOTMPL_MAP)
        {
          byline_gotmpl_value_clear (&self->config);
          self->config = byline_gotmpl_map_value (byline_gotmpl_map_new (TRUE));
        }
      self->config_loaded = TRUE;
    }
  g_mutex_unlock (&self->lock);
  return &self->config;
}

static BylineGotmplValue
get_config (BylineGotmplEnv *env)
{
  return byline_gotmpl_value_copy (ensure_config (BYLINE_GOTMPL_SITE_ENV (env)));
}

static const char *
base_url (BylineGotmplSiteEnv *self)
{
  const char *url = byline_site_get_base_url (self->site);

  return url != NULL && url[0] != '\0' ? url : "/";
}

/* Templates */

static char *
find_template (BylineGotmplEnv          *env,
               BylineGotmplTemplateKind  kind,
               const char               *name)
{
  BylineGotmplSiteEnv *self = BYLINE_GOTMPL_SITE_ENV (env);
  g_autofree char *path = NULL;

  if (name[0] == '\0' || name[0] == '/' || strstr (name, "..") != NULL)
    return NULL;

  if (kind == BYLINE_GOTMPL_SHORTCODE_TEMPLATE)
    {
      const BylineSiteTemplate *tmpl = byline_site_lookup_shortcode (self->site, name);

      return tmpl != NULL ? g_strdup (tmpl->path) : NULL;
    }

  /* Partials are named with or without their extension. */
  path = g_strconcat ("_partials/", name, NULL);
  {
    char *found = byline_site_find_template (self->site, path);
    g_autofree char *html = NULL;

    if (found != NULL)
      return found;
    html = g_strconcat (path, ".html", NULL);
    return byline_site_find_template (self->site, html);
  }
}

/* data/ */

static void
add_data_file (BylineGotmplMap   *root,
               const char        *name,
               BylineGotmplValue  value)
{
  g_auto(GStrv) parts = g_strsplit (name, "/", -1);
  guint n = g_strv_length (parts);
  BylineGotmplMap *into = root;
  char *dot;

  for (guint i = 0; i + 1 < n; i++)
    {
      const BylineGotmplValue *existing = byline_gotmpl_map_lookup (into, parts[i]);

      if (existing == NULL || existing->kind != BYLINE_GOTMPL_MAP)
        {
          byline_gotmpl_map_set (into, parts[i], byline_gotmpl_map_value (byline_gotmpl_map_new (FALSE)));
          existing = byline_gotmpl_map_lookup (into, parts[i]);
        }
      into = existing->m;
    }
  dot = strrchr (parts[n - 1], '.');
  if (dot != NULL)
    *dot = '\0';
  if (byline_gotmpl_map_lookup (into, parts[n - 1]) == NULL)
    byline_gotmpl_map_set (into, parts[n - 1], value);
  else
    byline_gotmpl_value_clear (&value);
}

static BylineGotmplValue
get_data (BylineGotmplEnv *env)
{
  BylineGotmplSiteEnv *self = BYLINE_GOTMPL_SITE_ENV (env);
  BylineGotmplValue v;

  g_mutex_lock (&self->lock);
  if (!self->data_loaded)
    {
      g_autoptr(GPtrArray) files = byline_site_list_files (self->site, BYLINE_SITE_FOLDER_DATA, NULL);
      BylineGotmplMap *data = byline_gotmpl_map_new (FALSE);

      for (guint i = 0; files != NULL && i < files->len; i++)
        {
          const BylineSiteFile *file = g_ptr_array_index (files, i);
          g_autoptr(BylineData) tree = NULL;
          BylineDataFormat format;

          if (!byline_data_format_for_name (file->name, &format))
            continue;
          tree = byline_data_read_file (file->path, MAX_DATA_FILE, NULL, NULL);
          if (tree != NULL)
            add_data_file (data, file->name,
                           byline_gotmpl_value_from_data (tree, FALSE,
                                                          byline_site_get_time_zone (self->site)));
        }
      self->data = byline_gotmpl_map_value (data);
      self->data_loaded = TRUE;
    }
  v = byline_gotmpl_value_copy (&self->data);
  g_mutex_unlock (&self->lock);
  return v;
}

/* i18n/: "id: text", "id: {one: …, other: …}", TOML tables, or
 * go-i18n's list of {id, translation}. Each mount's file of the language
 * is read; the project's messages win over the themes'. */

static void
merge_messages (BylineGotmplMap         *all,
                const BylineGotmplValue *v)
{
  if (v->kind == BYLINE_GOTMPL_MAP)
    for (guint k = 0; k < byline_gotmpl_map_length (v->m); k++)
      {
        const char *id = byline_gotmpl_map_key_at (v->m, k);

        if (byline_gotmpl_map_lookup (all, id) == NULL)
          byline_gotmpl_map_set (all, id, byline_gotmpl_value_copy (byline_gotmpl_map_value_at (v->m, k)));
      }
  else if (v->kind == BYLINE_GOTMPL_LIST)
    for (guint k = 0; k < byline_gotmpl_list_length (v->l); k++)
      {
        const BylineGotmplValue *e = byline_gotmpl_list_get (v->l, k);
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

static const BylineGotmplValue *
messages_for (BylineGotmplSiteEnv *self,
              const char          *lang)
{
  static const char * const extensions[] = { "yaml", "yml", "toml", "json" };
  BylineGotmplValue *messages;

  g_mutex_lock (&self->lock);
  messages = g_hash_table_lookup (self->i18n, lang);
  if (messages == NULL)
    {
      const GPtrArray *folders = byline_site_get_folders (self->site, BYLINE_SITE_FOLDER_I18N);
      BylineGotmplMap *all = byline_gotmpl_map_new (FALSE);

      for (guint i = 0; folders != NULL && i < folders->len; i++)
        {
          const BylineSiteFolder *folder = g_ptr_array_index (folders, i);

          for (guint e = 0; e < G_N_ELEMENTS (extensions); e++)
            {
              g_autofree char *name = g_strdup_printf ("%s.%s", lang, extensions[e]);
              g_autofree char *path = g_build_filename (folder->source, name, NULL);
              g_autoptr(BylineData) tree = NULL;
              g_auto(BylineGotmplValue) v = BYLINE_GOTMPL_VALUE_INIT;

              if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
                continue;
              tree = byline_data_read_file (path, MAX_DATA_FILE, NULL, NULL);
              v = byline_gotmpl_value_from_data (tree, FALSE, NULL);
              merge_messages (all, &v);
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
  BylineGotmplSiteEnv *self = BYLINE_GOTMPL_SITE_ENV (env);
  const BylineGotmplValue *messages, *m;

  if (lang == NULL)
    lang = byline_site_get_default_language (self->site);
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

/* Files inside the site: relative, resolved below the root. */

static char *
site_path (BylineGotmplSiteEnv  *self,
           const char           *path,
           GError              **error)
{
  g_autofree char *full = NULL;
  g_autofree char *prefix = NULL;

  if (self->root == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s: the post has no site", path);
      return NULL;
    }
  prefix = g_strconcat (self->root, G_DIR_SEPARATOR_S, NULL);
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
  g_autofree char *full = site_path (BYLINE_GOTMPL_SITE_ENV (env), path, error);
  g_autofree char *contents = NULL;
  gsize len;

  if (full == NULL || !g_file_get_contents (full, &contents, &len, error))
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
  g_autofree char *full = site_path (BYLINE_GOTMPL_SITE_ENV (env), path, NULL);
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

/* Resources */

static BylineGotmplResourceInfo *
resource_info (const char *path,
               const char *name,
               const char *rel_permalink,
               const char *url)
{
  BylineGotmplResourceInfo *info = g_new0 (BylineGotmplResourceInfo, 1);
  g_autofree char *content_type = g_content_type_guess (path, NULL, 0, NULL);

  info->name = g_strdup (name);
  info->path = g_strdup (path);
  info->rel_permalink = g_strdup (rel_permalink);
  info->permalink = byline_gotmpl_abs_url (url, rel_permalink, NULL);
  info->media_type = g_content_type_get_mime_type (content_type);
  if (info->media_type == NULL)
    info->media_type = g_strdup ("application/octet-stream");
  if (g_str_has_prefix (info->media_type, "image/"))
    gdk_pixbuf_get_file_info (path, &info->width, &info->height);
  return info;
}

static BylineGotmplResourceInfo *
get_asset (BylineGotmplEnv *env,
           const char      *path)
{
  BylineGotmplSiteEnv *self = BYLINE_GOTMPL_SITE_ENV (env);
  const char *rel = path[0] == '/' ? path + 1 : path;
  g_autofree char *full = NULL;
  g_autofree char *permalink = NULL;

  if (strstr (path, "..") != NULL || rel[0] == '\0')
    return NULL;
  full = byline_site_find_file (self->site, BYLINE_SITE_FOLDER_ASSETS, rel);
  if (full == NULL || !g_file_test (full, G_FILE_TEST_IS_REGULAR))
    return NULL;
  permalink = byline_gotmpl_rel_url (base_url (self), rel, NULL);
  return resource_info (full, rel, permalink, base_url (self));
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
  BylineGotmplSiteEnv *self = BYLINE_GOTMPL_SITE_ENV (env);
  g_autofree char *base = g_path_get_basename (page_file);
  g_autofree char *dir = g_path_get_dirname (page_file);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(BylineSitePages) pages = NULL;
  const BylineSitePage *page;
  const char *page_rel = NULL;
  GPtrArray *infos;

  if (strcmp (base, "index.md") != 0 && strcmp (base, "_index.md") != 0)
    return NULL;
  collect_bundle (dir, "", names, 0);
  g_ptr_array_sort (names, compare_strings);
  pages = byline_site_get_pages (self->site);
  page = pages != NULL ? byline_site_pages_lookup_file (pages, page_file) : NULL;
  if (page != NULL)
    page_rel = byline_site_page_get_rel_permalink (page);

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

/* Markdown: Goldmark's output with the site's settings. markdownify and
 * RenderString's inline mode drop the <p> of a single paragraph (Hugo's
 * TrimShortHTML). */
static char *
render_markdown (BylineGotmplEnv  *env,
                 const char       *markdown,
                 gboolean          inline_only,
                 GError          **error)
{
  BylineGotmplSiteEnv *self = BYLINE_GOTMPL_SITE_ENV (env);
  char *html = byline_goldmark_to_html (self->goldmark, markdown, -1);

  if (inline_only)
    {
      const char *first = strstr (html, "<p>");
      char *trimmed;
      gsize len;

      if (first == NULL || strstr (first + 3, "<p>") != NULL)
        return html;
      trimmed = g_strstrip (html);
      len = strlen (trimmed);
      if (g_str_has_prefix (trimmed, "<p>") && g_str_has_suffix (trimmed, "</p>"))
        {
          char *inner = g_strndup (trimmed + 3, len - 7);

          g_free (html);
          return inner;
        }
    }
  return html;
}

static void
env_iface_init (BylineGotmplEnvInterface *iface)
{
  iface->find_template = find_template;
  iface->get_config = get_config;
  iface->get_data = get_data;
  iface->translate = translate;
  iface->get_page = byline_gotmpl_site_env_get_page;
  iface->list_pages = byline_gotmpl_site_env_list_pages;
  iface->read_file = read_file;
  iface->stat_file = stat_file;
  iface->get_asset = get_asset;
  iface->list_page_resources = list_page_resources;
  iface->render_markdown = render_markdown;
}
