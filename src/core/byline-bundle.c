/* byline-bundle.c — a post's page bundle: its folder and the files beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file list and the picture sizes are read on first use and kept: a
 * bundle is shared by the window and the analysis worker, so what it caches
 * is filled under its lock and never changes afterwards. When the folder
 * changes, the document makes a new bundle.
 */

#define G_LOG_DOMAIN "byline-bundle"

#include "config.h"

#include "byline-bundle.h"
#include "byline-image-size.h"

#include <string.h>

typedef struct
{
  gboolean ok;
  int      width;
  int      height;
} ImageSize;

struct _BylineBundle
{
  GObject     parent_instance;

  GFile      *post_file;
  GFile      *folder;

  /* Filled on first use, under the lock; never changed afterwards. */
  GMutex      lock;
  GPtrArray  *files;        /* of char *, sorted, NULL-terminated */
  GHashTable *sizes;        /* name → guint64 * */
  GHashTable *image_sizes;  /* name → ImageSize *, added to as names are asked for */
};

G_DEFINE_FINAL_TYPE (BylineBundle, byline_bundle, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_POST_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
byline_bundle_finalize (GObject *object)
{
  BylineBundle *self = (BylineBundle *) object;

  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->sizes, g_hash_table_unref);
  g_clear_pointer (&self->image_sizes, g_hash_table_unref);
  g_mutex_clear (&self->lock);
  g_clear_object (&self->folder);
  g_clear_object (&self->post_file);

  G_OBJECT_CLASS (byline_bundle_parent_class)->finalize (object);
}

static void
byline_bundle_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BylineBundle *self = BYLINE_BUNDLE (object);

  switch (prop_id)
    {
    case PROP_POST_FILE:
      g_value_set_object (value, self->post_file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_bundle_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BylineBundle *self = BYLINE_BUNDLE (object);

  switch (prop_id)
    {
    case PROP_POST_FILE:
      g_set_object (&self->post_file, g_value_get_object (value));
      g_clear_object (&self->folder);
      if (self->post_file != NULL)
        self->folder = g_file_get_parent (self->post_file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_bundle_class_init (BylineBundleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_bundle_finalize;
  object_class->get_property = byline_bundle_get_property;
  object_class->set_property = byline_bundle_set_property;

  properties[PROP_POST_FILE] =
    g_param_spec_object ("post-file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_bundle_init (BylineBundle *self)
{
  g_mutex_init (&self->lock);
  self->image_sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

BylineBundle *
byline_bundle_new (GFile *post_file)
{
  g_return_val_if_fail (G_IS_FILE (post_file), NULL);

  return g_object_new (BYLINE_TYPE_BUNDLE, "post-file", post_file, NULL);
}

GFile *
byline_bundle_get_folder (BylineBundle *self)
{
  g_return_val_if_fail (BYLINE_IS_BUNDLE (self), NULL);

  return self->folder;
}

GFile *
byline_bundle_get_post_file (BylineBundle *self)
{
  g_return_val_if_fail (BYLINE_IS_BUNDLE (self), NULL);

  return self->post_file;
}

gboolean
byline_bundle_is_page_bundle (BylineBundle *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (BYLINE_IS_BUNDLE (self), FALSE);

  name = self->post_file != NULL ? g_file_get_basename (self->post_file) : NULL;
  return g_strcmp0 (name, "index.md") == 0 || g_strcmp0 (name, "_index.md") == 0;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
read_files (BylineBundle *self,
            GPtrArray    *files,
            GHashTable   *sizes)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) error = NULL;

  if (self->folder == NULL)
    return;

  /* Symbolic links are followed, as Hugo does when it builds the site. */
  enumerator = g_file_enumerate_children (self->folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                          G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                          G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (enumerator == NULL)
    {
      g_debug ("Cannot list the bundle folder: %s", error->message);
      return;
    }

  for (;;)
    {
      GFileInfo *info = NULL;
      const char *name;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, &error))
        {
          g_debug ("Cannot list the bundle folder: %s", error->message);
          break;
        }
      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
          name[0] == '.' || g_str_has_suffix (name, ".md"))
        continue;

      g_ptr_array_add (files, g_strdup (name));
      g_hash_table_insert (sizes, g_strdup (name),
                           g_memdup2 (&(guint64) { g_file_info_get_size (info) },
                                      sizeof (guint64)));
    }
}

/* The file list, read once; it never changes afterwards, so callers may
 * use it without the lock. */
static void
byline_bundle_ensure_files (BylineBundle *self)
{
  g_mutex_lock (&self->lock);
  if (self->files == NULL)
    {
      GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
      GHashTable *sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      read_files (self, files, sizes);
      g_ptr_array_sort (files, compare_names);
      g_ptr_array_add (files, NULL);
      self->sizes = sizes;
      self->files = files;
    }
  g_mutex_unlock (&self->lock);
}

const char * const *
byline_bundle_get_files (BylineBundle *self)
{
  g_return_val_if_fail (BYLINE_IS_BUNDLE (self), NULL);

  byline_bundle_ensure_files (self);
  return (const char * const *) self->files->pdata;
}

/* A file below the folder for @name, or NULL when @name is empty, absolute
 * or climbs out of the folder. */
static GFile *
resolve_name (BylineBundle *self,
              const char   *name)
{
  g_auto(GStrv) segments = NULL;

  if (self->folder == NULL || name[0] == '\0' || name[0] == '/')
    return NULL;

  segments = g_strsplit (name, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    if (strcmp (segments[i], "..") == 0)
      return NULL;

  return g_file_resolve_relative_path (self->folder, name);
}

gboolean
byline_bundle_has_file (BylineBundle *self,
                        const char   *name)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (BYLINE_IS_BUNDLE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  byline_bundle_ensure_files (self);
  if (g_hash_table_contains (self->sizes, name))
    return TRUE;
  if (strchr (name, '/') == NULL)
    return FALSE;

  /* Bundles may keep resources in sub-folders (img/x.png). */
  file = resolve_name (self, name);
  return file != NULL &&
         g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_REGULAR;
}

guint64
byline_bundle_get_file_size (BylineBundle *self,
                             const char   *name)
{
  const guint64 *size;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (BYLINE_IS_BUNDLE (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  byline_bundle_ensure_files (self);
  size = g_hash_table_lookup (self->sizes, name);
  if (size != NULL)
    return *size;

  file = resolve_name (self, name);
  if (file != NULL)
    info = g_file_query_info (file,
                              G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                              G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return 0;
  return g_file_info_get_size (info);
}

gboolean
byline_bundle_get_image_size (BylineBundle *self,
                              const char   *name,
                              int          *width,
                              int          *height)
{
  ImageSize found = { FALSE, 0, 0 };
  const ImageSize *cached;

  g_return_val_if_fail (BYLINE_IS_BUNDLE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  g_mutex_lock (&self->lock);
  cached = g_hash_table_lookup (self->image_sizes, name);
  if (cached != NULL)
    found = *cached;
  g_mutex_unlock (&self->lock);

  /* Read outside the lock: two threads asking for the same new picture
   * both read it and store the same size. */
  if (cached == NULL)
    {
      g_autoptr(GFile) file = resolve_name (self, name);

      if (file != NULL && byline_bundle_has_file (self, name))
        found.ok = byline_image_read_size (file, &found.width, &found.height);

      g_mutex_lock (&self->lock);
      if (!g_hash_table_contains (self->image_sizes, name))
        g_hash_table_insert (self->image_sizes, g_strdup (name),
                             g_memdup2 (&found, sizeof found));
      g_mutex_unlock (&self->lock);
    }

  if (width != NULL)
    *width = found.ok ? found.width : 0;
  if (height != NULL)
    *height = found.ok ? found.height : 0;
  return found.ok;
}
