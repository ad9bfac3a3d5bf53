/* byline-shortcode-catalog.c — the shortcodes a post can call, with their parameters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-shortcode-catalog"

#include "config.h"

#include "byline-shortcode-catalog.h"

#include "byline-gotmpl.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Partials calling partials: deep enough for real themes, bounded for
 * hostile ones. */
#define MAX_PARTIAL_DEPTH 4

struct _BylineShortcodeCatalog
{
  GObject     parent_instance;

  GWeakRef    site;
  GMutex      lock;      /* guards the analysis of entries */
  GPtrArray  *entries;   /* of BylineShortcodeEntry, by name */
  GHashTable *by_name;   /* name → BylineShortcodeEntry */
};

G_DEFINE_FINAL_TYPE (BylineShortcodeCatalog, byline_shortcode_catalog, G_TYPE_OBJECT)

void
byline_shortcode_param_info_free (BylineShortcodeParamInfo *param)
{
  if (param == NULL)
    return;
  g_free (param->name);
  g_free (param->default_value);
  g_free (param->help);
  g_free (param);
}

static void
entry_free (gpointer data)
{
  BylineShortcodeEntry *entry = data;

  g_free (entry->name);
  g_free (entry->path);
  g_free (entry->component);
  g_free (entry->help);
  g_clear_pointer (&entry->params, g_ptr_array_unref);
  g_strfreev (entry->known_names);
  g_free (entry->error);
  g_free (entry);
}

static BylineShortcodeEntry *
entry_new (const char            *name,
           BylineShortcodeOrigin  origin)
{
  BylineShortcodeEntry *entry = g_new0 (BylineShortcodeEntry, 1);

  entry->name = g_strdup (name);
  entry->origin = origin;
  entry->params = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_shortcode_param_info_free);
  return entry;
}

static void
add_entry (BylineShortcodeCatalog *self,
           BylineShortcodeEntry   *entry)
{
  g_ptr_array_add (self->entries, entry);
  g_hash_table_insert (self->by_name, entry->name, entry);
}

static GStrv
named_params (GPtrArray *params)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < params->len; i++)
    {
      const BylineShortcodeParamInfo *param = g_ptr_array_index (params, i);

      if (param->name != NULL)
        g_strv_builder_add (builder, param->name);
    }
  return g_strv_builder_end (builder);
}

/* The profile's declaration, as what a template would tell. */
static BylineShortcodeEntry *
entry_from_profile (const BylineShortcodeSpec *spec)
{
  BylineShortcodeEntry *entry = entry_new (spec->name, BYLINE_SHORTCODE_ORIGIN_PROFILE);

  entry->help = g_strdup (spec->help);
  entry->analysed = TRUE;
  entry->paired = spec->paired;
  entry->any_params = spec->any_params;
  for (guint i = 0; spec->params != NULL && i < spec->params->len; i++)
    {
      const BylineParamSpec *spec_param = g_ptr_array_index (spec->params, i);
      BylineShortcodeParamInfo *param = g_new0 (BylineShortcodeParamInfo, 1);
      guint64 position;

      if (g_ascii_string_to_unsigned (spec_param->name, 10, 0, 999, &position, NULL))
        param->position = (int) position;
      else
        {
          param->name = g_strdup (spec_param->name);
          param->position = -1;
        }
      param->help = g_strdup (spec_param->help);
      param->required = spec_param->required;
      g_ptr_array_add (entry->params, param);
    }
  entry->known_names = named_params (entry->params);
  return entry;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const BylineShortcodeEntry *x = *(BylineShortcodeEntry * const *) a;
  const BylineShortcodeEntry *y = *(BylineShortcodeEntry * const *) b;

  return strcmp (x->name, y->name);
}

BylineShortcodeCatalog *
byline_shortcode_catalog_new (BylineSite    *site,
                              BylineProfile *profile)
{
  BylineShortcodeCatalog *self;

  g_return_val_if_fail (site == NULL || BYLINE_IS_SITE (site), NULL);
  g_return_val_if_fail (profile == NULL || BYLINE_IS_PROFILE (profile), NULL);

  self = g_object_new (BYLINE_TYPE_SHORTCODE_CATALOG, NULL);
  g_weak_ref_set (&self->site, site);

  if (site != NULL)
    {
      const GPtrArray *templates = byline_site_get_shortcodes (site);

      for (guint i = 0; i < templates->len; i++)
        {
          const BylineSiteTemplate *tmpl = g_ptr_array_index (templates, i);
          BylineShortcodeEntry *entry;

          if (g_hash_table_contains (self->by_name, tmpl->name))
            continue;
          /* The variant Hugo uses when nothing else applies. */
          tmpl = byline_site_lookup_shortcode (site, tmpl->name);
          if (tmpl == NULL)
            continue;
          entry = entry_new (tmpl->name, tmpl->component != NULL ? BYLINE_SHORTCODE_ORIGIN_THEME
                                                                 : BYLINE_SHORTCODE_ORIGIN_SITE);
          entry->path = g_strdup (tmpl->path);
          entry->component = g_strdup (tmpl->component);
          add_entry (self, entry);
        }
    }

  if (profile != NULL)
    {
      const char * const *names = byline_profile_get_shortcode_names (profile);

      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        if (!g_hash_table_contains (self->by_name, names[i]))
          add_entry (self, entry_from_profile (byline_profile_lookup_shortcode (profile,
                                                                                names[i])));
    }

  for (guint i = 0; i < byline_shortcode_catalog_get_n_builtins (); i++)
    {
      BylineShortcodeEntry *entry = entry_new (NULL, BYLINE_SHORTCODE_ORIGIN_BUILTIN);

      byline_shortcode_catalog_fill_builtin (i, entry);
      if (g_hash_table_contains (self->by_name, entry->name))
        entry_free (entry);
      else
        add_entry (self, entry);
    }

  g_ptr_array_sort (self->entries, compare_entries);
  return self;
}

/* Analysis */

static BylineGotmplShortcodeInfo *
analyse_file (const char  *path,
              GError     **error)
{
  g_autofree char *source = NULL;
  g_autofree char *name = g_path_get_basename (path);

  if (!g_file_get_contents (path, &source, NULL, error))
    return NULL;
  if (!g_utf8_validate (source, -1, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s is not UTF-8 text", path);
      return NULL;
    }
  return byline_gotmpl_analyze_source (name, source, error);
}

static char *
find_partial (BylineSite *site,
              const char *name)
{
  g_autofree char *relative = g_strconcat ("_partials/", name, NULL);
  g_autofree char *with_suffix = NULL;
  char *path = byline_site_find_template (site, relative);

  /* partial "foo" finds foo.html as well. */
  if (path == NULL && strchr (name, '.') == NULL)
    {
      with_suffix = g_strconcat (relative, ".html", NULL);
      path = byline_site_find_template (site, with_suffix);
    }
  return path;
}

/* Adds the names the partials of @info read to @known; FALSE when one of
 * them could not be read, so that any name may be read. */
static gboolean
add_partial_names (BylineSite                *site,
                   BylineGotmplShortcodeInfo *info,
                   GHashTable                *visited,
                   GPtrArray                 *known,
                   int                        depth)
{
  gboolean complete = TRUE;

  for (guint i = 0; i < info->partials->len; i++)
    {
      const char *name = g_ptr_array_index (info->partials, i);
      g_autoptr(BylineGotmplShortcodeInfo) partial = NULL;
      g_autofree char *path = NULL;

      if (g_hash_table_contains (visited, name))
        continue;
      g_hash_table_add (visited, g_strdup (name));
      if (site == NULL || depth >= MAX_PARTIAL_DEPTH ||
          (path = find_partial (site, name)) == NULL ||
          (partial = analyse_file (path, NULL)) == NULL ||
          partial->reads_all_params)
        {
          complete = FALSE;
          continue;
        }
      for (guint j = 0; j < partial->params->len; j++)
        {
          const BylineGotmplParamInfo *p = g_ptr_array_index (partial->params, j);

          if (p->name != NULL)
            g_ptr_array_add (known, g_strdup (p->name));
        }
      complete &= add_partial_names (site, partial, visited, known, depth + 1);
    }
  return complete;
}

static void
analyse_template (BylineShortcodeCatalog *self,
                  BylineShortcodeEntry   *entry)
{
  g_autoptr(BylineSite) site = g_weak_ref_get (&self->site);
  g_autoptr(BylineGotmplShortcodeInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) visited = NULL;
  g_autoptr(GPtrArray) known = NULL;

  info = analyse_file (entry->path, &error);
  if (info == NULL)
    {
      entry->error = g_strdup (error->message);
      return;
    }

  /* Required ones first, each group in the order the template reads them. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < info->params->len; i++)
      {
        const BylineGotmplParamInfo *p = g_ptr_array_index (info->params, i);
        BylineShortcodeParamInfo *param;

        if (p->required != (pass == 0))
          continue;
        param = g_new0 (BylineShortcodeParamInfo, 1);
        param->name = g_strdup (p->name);
        param->position = p->position;
        param->default_value = g_strdup (p->default_value);
        param->required = p->required;
        g_ptr_array_add (entry->params, param);
      }

  known = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < entry->params->len; i++)
    {
      const BylineShortcodeParamInfo *param = g_ptr_array_index (entry->params, i);

      if (param->name != NULL)
        g_ptr_array_add (known, g_strdup (param->name));
    }
  visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  entry->any_params = info->reads_all_params ||
                      !add_partial_names (site, info, visited, known, 0);
  g_ptr_array_add (known, NULL);
  entry->known_names = (GStrv) g_ptr_array_free (g_steal_pointer (&known), FALSE);
  entry->paired = info->uses_inner;
  entry->analysed = TRUE;
}

const BylineShortcodeEntry *
byline_shortcode_catalog_lookup (BylineShortcodeCatalog *self,
                                 const char             *name)
{
  BylineShortcodeEntry *entry;

  g_return_val_if_fail (BYLINE_IS_SHORTCODE_CATALOG (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  entry = g_hash_table_lookup (self->by_name, name);
  if (entry == NULL || entry->path == NULL)
    return entry;

  g_mutex_lock (&self->lock);
  if (!entry->analysed && entry->error == NULL)
    analyse_template (self, entry);
  g_mutex_unlock (&self->lock);
  return entry;
}

guint
byline_shortcode_catalog_get_n_entries (BylineShortcodeCatalog *self)
{
  g_return_val_if_fail (BYLINE_IS_SHORTCODE_CATALOG (self), 0);

  return self->entries->len;
}

const BylineShortcodeEntry *
byline_shortcode_catalog_get_entry (BylineShortcodeCatalog *self,
                                    guint                   position)
{
  g_return_val_if_fail (BYLINE_IS_SHORTCODE_CATALOG (self), NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);

  return g_ptr_array_index (self->entries, position);
}

const BylineShortcodeParamInfo *
byline_shortcode_entry_get_param (const BylineShortcodeEntry *self,
                                  const char                 *name,
                                  int                         position)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; self->params != NULL && i < self->params->len; i++)
    {
      const BylineShortcodeParamInfo *param = g_ptr_array_index (self->params, i);

      if (name != NULL ? g_strcmp0 (param->name, name) == 0
                       : param->name == NULL && param->position == position)
        return param;
    }
  return NULL;
}

char *
byline_shortcode_entry_dup_summary (const BylineShortcodeEntry *self)
{
  const char *layouts;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->help != NULL && self->help[0] != '\0')
    return g_strdup (self->help);
  if (self->path == NULL)
    return g_strdup (_("Declared by the site’s profile"));

  /* The path as the site's writers know it: from layouts/ on. */
  layouts = g_strrstr (self->path, "/layouts/");
  layouts = layouts != NULL ? layouts + 1 : self->path;
  if (self->origin == BYLINE_SHORTCODE_ORIGIN_THEME)
    return g_strdup_printf (_("Theme %s: %s"), self->component, layouts);
  return g_strdup_printf (_("Site: %s"), layouts);
}

char *
byline_shortcode_param_dup_summary (const BylineShortcodeParamInfo *param)
{
  g_return_val_if_fail (param != NULL, NULL);

  if (param->help != NULL && param->help[0] != '\0')
    return g_strdup (param->help);
  if (param->required)
    return g_strdup (_("Required"));
  if (param->default_value != NULL)
    return g_strdup_printf (_("Default: %s"), param->default_value);
  return NULL;
}

/* GObject */

static void
byline_shortcode_catalog_finalize (GObject *object)
{
  BylineShortcodeCatalog *self = BYLINE_SHORTCODE_CATALOG (object);

  g_weak_ref_clear (&self->site);
  g_mutex_clear (&self->lock);
  g_hash_table_unref (self->by_name);
  g_ptr_array_unref (self->entries);

  G_OBJECT_CLASS (byline_shortcode_catalog_parent_class)->finalize (object);
}

static void
byline_shortcode_catalog_class_init (BylineShortcodeCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = byline_shortcode_catalog_finalize;
}

static void
byline_shortcode_catalog_init (BylineShortcodeCatalog *self)
{
  g_weak_ref_init (&self->site, NULL);
  g_mutex_init (&self->lock);
  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->by_name = g_hash_table_new (g_str_hash, g_str_equal);
}
