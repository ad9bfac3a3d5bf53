/* byline-site-templates.c — the site's layouts: shortcodes, render hooks,
 * partials and archetypes, and files found through mounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where Hugo looks (tpl/tplimpl/templatestore.go, hugoDocs
 * "new-templatesystem-overview"): layouts/_shortcodes/NAME[.lang][.format].html
 * since 0.146, the legacy layouts/shortcodes/ mapped onto it, folders below
 * giving "dir/name"; _shortcodes/ and _markup/ may also sit below a page
 * path (layouts/docs/_shortcodes/), limited to those pages. Render hooks
 * are _markup/render-KIND[-VARIANT].html, legacy _default/_markup/. The
 * project's layouts come first, then each theme's in import order. Files of
 * any kind of folder (data, i18n) are listed or found through the mounts.
 */

#define G_LOG_DOMAIN "byline-site"

#include "config.h"

#include "byline-site.h"
#include "byline-site-private.h"

#include <string.h>

/* Layout trees are small; this only bounds a hostile one. */
#define MAX_LAYOUT_DEPTH 12

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
sorted_names (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  return names;
}

/* Splits "name.en.amp.html" into its name and the identifiers Hugo reads
 * between the name and the extension. */
static BylineSiteTemplate *
template_from_file (BylineSiteModel *self,
                    const char      *prefix,
                    const char      *file_name,
                    const char      *path,
                    const char      *scope,
                    const char      *component)
{
  g_auto(GStrv) parts = g_strsplit (file_name, ".", -1);
  guint n = g_strv_length (parts);
  BylineSiteTemplate *template_;

  if (n < 2 || parts[0][0] == '\0')
    return NULL;

  template_ = g_new0 (BylineSiteTemplate, 1);
  template_->name = prefix != NULL && prefix[0] != '\0'
                      ? g_strdup_printf ("%s/%s", prefix, parts[0])
                      : g_strdup (parts[0]);
  template_->path = g_strdup (path);
  template_->scope = g_strdup (scope);
  template_->component = g_strdup (component);
  for (guint i = 1; i + 1 < n; i++)
    {
      if (template_->lang == NULL && byline_site_model_lookup_language (self, parts[i]) != NULL)
        template_->lang = g_ascii_strdown (parts[i], -1);
      else if (template_->output_format == NULL)
        template_->output_format = g_ascii_strdown (parts[i], -1);
    }
  return template_;
}

/* The files of a _shortcodes/ tree; @prefix names the folders below it. */
static void
scan_shortcodes (BylineSiteModel *self,
                 const char      *folder,
                 const char      *prefix,
                 const char      *scope,
                 const char      *component,
                 guint            depth)
{
  g_autoptr(GPtrArray) names = NULL;

  if (depth > MAX_LAYOUT_DEPTH)
    return;
  byline_site_model_watch (self, folder);
  names = sorted_names (folder);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *child = prefix[0] != '\0' ? g_strdup_printf ("%s/%s", prefix, name)
                                                     : g_strdup (name);

          scan_shortcodes (self, path, child, scope, component, depth + 1);
        }
      else if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          BylineSiteTemplate *template_ = template_from_file (self, prefix, name, path, scope,
                                                              component);

          if (template_ != NULL)
            g_ptr_array_add (self->shortcodes, template_);
        }
    }
}

static void
scan_markup (BylineSiteModel *self,
             const char      *folder,
             const char      *scope,
             const char      *component)
{
  g_autoptr(GPtrArray) names = NULL;

  byline_site_model_watch (self, folder);
  names = sorted_names (folder);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      BylineSiteTemplate *template_;

      if (!g_str_has_prefix (name, "render-") || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      template_ = template_from_file (self, NULL, name, path, scope, component);
      if (template_ != NULL)
        g_ptr_array_add (self->render_hooks, template_);
    }
}

/* Walks a layouts tree for _shortcodes/ and _markup/ folders; @scope is
 * the page path of the folders above ("" at the top). */
static void
scan_layouts (BylineSiteModel *self,
              const char      *folder,
              const char      *scope,
              const char      *component,
              guint            depth)
{
  g_autoptr(GPtrArray) names = NULL;

  if (depth > MAX_LAYOUT_DEPTH)
    return;
  byline_site_model_watch (self, folder);
  names = sorted_names (folder);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      const char *own_scope = scope[0] != '\0' ? scope : NULL;

      if (!g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;

      if (strcmp (name, "_shortcodes") == 0 || (depth == 0 && strcmp (name, "shortcodes") == 0))
        scan_shortcodes (self, path, "", own_scope, component, 0);
      else if (strcmp (name, "_markup") == 0)
        scan_markup (self, path, depth == 1 && strcmp (scope, "_default") == 0 ? NULL : own_scope,
                     component);
      else if (name[0] != '_' || strcmp (name, "_default") == 0)
        {
          /* partials/ and _partials/ hold no shortcodes of their own. */
          g_autofree char *child = scope[0] != '\0' ? g_strdup_printf ("%s/%s", scope, name)
                                                    : g_strdup (name);

          if (depth == 0 && (strcmp (name, "partials") == 0 || strcmp (name, "_partials") == 0))
            continue;
          scan_layouts (self, path, child, component, depth + 1);
        }
    }
}

void
byline_site_scan_templates (BylineSiteModel *self)
{
  GPtrArray *layouts = self->folders[BYLINE_SITE_FOLDER_LAYOUTS];

  for (guint i = 0; i < layouts->len; i++)
    {
      BylineSiteFolder *folder = g_ptr_array_index (layouts, i);

      /* A layouts folder made later holds templates too. */
      byline_site_model_watch (self, folder->source);
      if (folder->target[0] == '\0' && g_file_test (folder->source, G_FILE_TEST_IS_DIR))
        scan_layouts (self, folder->source, "", folder->component, 0);
      else if (g_str_has_prefix (folder->target, "_shortcodes") ||
               g_str_has_prefix (folder->target, "shortcodes"))
        {
          const char *slash = strchr (folder->target, '/');

          scan_shortcodes (self, folder->source, slash != NULL ? slash + 1 : "", NULL,
                           folder->component, 0);
        }
    }

  /* The one Hugo uses by default: the first without language or output
   * format, everywhere, else the first. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->shortcodes->len; i++)
      {
        BylineSiteTemplate *template_ = g_ptr_array_index (self->shortcodes, i);

        if (pass == 0 && (template_->lang != NULL || template_->output_format != NULL ||
                          template_->scope != NULL))
          continue;
        if (!g_hash_table_contains (self->shortcode_index, template_->name))
          g_hash_table_insert (self->shortcode_index, template_->name, template_);
      }
}

/* Lookups */

static char *
find_in_folders (GPtrArray          *folders,
                 const char * const *candidates,
                 GFileTest           test)
{
  for (guint i = 0; i < folders->len; i++)
    {
      BylineSiteFolder *folder = g_ptr_array_index (folders, i);
      gsize target_length = strlen (folder->target);

      for (guint c = 0; candidates[c] != NULL; c++)
        {
          const char *name = candidates[c];
          g_autofree char *path = NULL;

          if (target_length > 0)
            {
              if (strcmp (name, folder->target) == 0)
                path = g_strdup (folder->source);
              else if (g_str_has_prefix (name, folder->target) && name[target_length] == '/')
                path = g_build_filename (folder->source, name + target_length + 1, NULL);
              else
                continue;
            }
          else
            path = g_build_filename (folder->source, name, NULL);

          if (g_file_test (path, test))
            return g_steal_pointer (&path);
        }
    }
  return NULL;
}

static gboolean
is_safe_relative (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (path == NULL || path[0] == '\0' || path[0] == '/')
    return FALSE;
  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strcmp (parts[i], "..") == 0)
      return FALSE;
  return TRUE;
}

char *
byline_site_model_find_template (BylineSiteModel *self,
                                 const char      *name)
{
  const char *legacy[][2] = {
    { "_partials/", "partials/" },
    { "_shortcodes/", "shortcodes/" },
    { "_markup/", "_default/_markup/" },
  };
  const char *candidates[3] = { name, NULL, NULL };
  g_autofree char *other = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!is_safe_relative (name))
    return NULL;
  byline_site_model_ensure_loaded (self);

  for (guint i = 0; i < G_N_ELEMENTS (legacy) && other == NULL; i++)
    {
      if (g_str_has_prefix (name, legacy[i][0]))
        other = g_strconcat (legacy[i][1], name + strlen (legacy[i][0]), NULL);
      else if (g_str_has_prefix (name, legacy[i][1]))
        other = g_strconcat (legacy[i][0], name + strlen (legacy[i][1]), NULL);
    }
  candidates[1] = other;
  return find_in_folders (self->folders[BYLINE_SITE_FOLDER_LAYOUTS], candidates,
                          G_FILE_TEST_IS_REGULAR);
}

char *
byline_site_model_find_archetype (BylineSiteModel *self,
                                  const char      *kind)
{
  g_autofree char *kind_file = NULL;
  char *found;

  g_return_val_if_fail (self != NULL, NULL);

  byline_site_model_ensure_loaded (self);
  if (kind != NULL && kind[0] != '\0' && is_safe_relative (kind))
    {
      kind_file = g_strconcat (kind, ".md", NULL);
      /* A bundle archetype is a folder of that name. */
      found = find_in_folders (self->folders[BYLINE_SITE_FOLDER_ARCHETYPES],
                               (const char *[]) { kind_file, NULL }, G_FILE_TEST_IS_REGULAR);
      if (found == NULL)
        found = find_in_folders (self->folders[BYLINE_SITE_FOLDER_ARCHETYPES],
                                 (const char *[]) { kind, NULL }, G_FILE_TEST_IS_DIR);
      if (found != NULL)
        return found;
    }
  found = find_in_folders (self->folders[BYLINE_SITE_FOLDER_ARCHETYPES],
                           (const char *[]) { "default.md", NULL }, G_FILE_TEST_IS_REGULAR);
  if (found == NULL)
    found = find_in_folders (self->folders[BYLINE_SITE_FOLDER_ARCHETYPES],
                             (const char *[]) { "default", NULL }, G_FILE_TEST_IS_DIR);
  return found;
}

char *
byline_site_model_find_file (BylineSiteModel      *self,
                             BylineSiteFolderKind  kind,
                             const char           *path)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (kind < BYLINE_SITE_N_FOLDER_KINDS, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  while (path[0] == '/')
    path++;
  if (!is_safe_relative (path))
    return NULL;
  byline_site_model_ensure_loaded (self);
  return find_in_folders (self->folders[kind], (const char *[]) { path, NULL },
                          G_FILE_TEST_IS_REGULAR);
}

static void
site_file_free (BylineSiteFile *file)
{
  g_free (file->name);
  g_free (file->path);
  g_free (file->component);
  g_free (file);
}

static void
list_folder (const char *dir,
             const char *name_prefix,
             const char *component,
             guint       depth,
             GHashTable *seen,
             GPtrArray  *out)
{
  g_autoptr(GPtrArray) names = NULL;

  if (depth > MAX_LAYOUT_DEPTH)
    return;
  names = sorted_names (dir);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *rel = name_prefix[0] != '\0' ? g_strconcat (name_prefix, "/", name, NULL)
                                                    : g_strdup (name);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        list_folder (path, rel, component, depth + 1, seen, out);
      else if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && !g_hash_table_contains (seen, rel))
        {
          BylineSiteFile *file = g_new0 (BylineSiteFile, 1);

          file->name = g_steal_pointer (&rel);
          file->path = g_steal_pointer (&path);
          file->component = g_strdup (component);
          g_hash_table_add (seen, file->name);
          g_ptr_array_add (out, file);
        }
    }
}

static int
compare_file_names (gconstpointer a,
                    gconstpointer b)
{
  const BylineSiteFile *fa = *(const BylineSiteFile * const *) a;
  const BylineSiteFile *fb = *(const BylineSiteFile * const *) b;

  return strcmp (fa->name, fb->name);
}

GPtrArray *
byline_site_model_list_files (BylineSiteModel      *self,
                              BylineSiteFolderKind  kind,
                              const char           *prefix)
{
  GPtrArray *files = g_ptr_array_new_with_free_func ((GDestroyNotify) site_file_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *folders;

  g_return_val_if_fail (self != NULL, files);
  g_return_val_if_fail (kind < BYLINE_SITE_N_FOLDER_KINDS, files);

  byline_site_model_ensure_loaded (self);
  folders = self->folders[kind];
  for (guint i = 0; i < folders->len; i++)
    {
      BylineSiteFolder *folder = g_ptr_array_index (folders, i);

      if (g_file_test (folder->source, G_FILE_TEST_IS_DIR))
        list_folder (folder->source, folder->target, folder->component, 0, seen, files);
      else if (g_file_test (folder->source, G_FILE_TEST_IS_REGULAR) &&
               !g_hash_table_contains (seen, folder->target))
        {
          BylineSiteFile *file = g_new0 (BylineSiteFile, 1);

          file->name = g_strdup (folder->target);
          file->path = g_strdup (folder->source);
          file->component = g_strdup (folder->component);
          g_hash_table_add (seen, file->name);
          g_ptr_array_add (files, file);
        }
    }

  if (prefix != NULL && prefix[0] != '\0')
    {
      gsize length = strlen (prefix);

      for (guint i = files->len; i > 0; i--)
        {
          const BylineSiteFile *file = g_ptr_array_index (files, i - 1);

          if (strncmp (file->name, prefix, length) != 0 ||
              (file->name[length] != '/' && file->name[length] != '\0'))
            g_ptr_array_remove_index (files, i - 1);
        }
    }
  g_ptr_array_sort (files, compare_file_names);
  return files;
}
