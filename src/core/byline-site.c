/* byline-site.c — the one walk up from a post to its site
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-site"

#include "config.h"

#include "byline-site.h"
#include "byline-bundle-private.h"

#include <string.h>

#define PROFILE_FILE_NAME ".byline.yml"

struct _BylineSite
{
  GObject    parent_instance;

  GFile     *post_file;
  GFile     *root;
  GFile     *profile_file;
  GFile     *content_folder;
  GFile     *blog_folder;

  /* content/<lang>/ and content/, read on the first site-path check. */
  GMutex     lock;
  GPtrArray *content_bases;
};

G_DEFINE_FINAL_TYPE (BylineSite, byline_site, G_TYPE_OBJECT)

static void
byline_site_finalize (GObject *object)
{
  BylineSite *self = (BylineSite *) object;

  g_clear_pointer (&self->content_bases, g_ptr_array_unref);
  g_mutex_clear (&self->lock);
  g_clear_object (&self->blog_folder);
  g_clear_object (&self->content_folder);
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
  g_mutex_init (&self->lock);
}

/* The walk */

static GFileType
child_type (GFile        *folder,
            const char   *path,
            GCancellable *cancellable)
{
  g_autoptr(GFile) child = g_file_resolve_relative_path (folder, path);

  return g_file_query_file_type (child, G_FILE_QUERY_INFO_NONE, cancellable);
}

static gboolean
is_site_root (GFile        *folder,
              GCancellable *cancellable)
{
  static const char * const configs[] = {
    "hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
    "config.toml", "config.yaml", "config.yml", "config.json",
  };

  if (child_type (folder, "content", cancellable) != G_FILE_TYPE_DIRECTORY)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (configs); i++)
    if (child_type (folder, configs[i], cancellable) == G_FILE_TYPE_REGULAR)
      return TRUE;
  return child_type (folder, "config", cancellable) == G_FILE_TYPE_DIRECTORY;
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

BylineSite *
byline_site_lookup (GFile        *post_file,
                    GCancellable *cancellable)
{
  g_autoptr(BylineSite) self = NULL;
  g_autoptr(GFile) folder = NULL;
  gboolean profile_done = FALSE;

  g_return_val_if_fail (G_IS_FILE (post_file), NULL);

  self = g_object_new (BYLINE_TYPE_SITE, NULL);
  self->post_file = g_object_ref (post_file);

  folder = g_file_get_parent (post_file);
  while (folder != NULL && !g_cancellable_is_cancelled (cancellable))
    {
      GFile *parent;

      if (!profile_done)
        {
          if (child_type (folder, PROFILE_FILE_NAME, cancellable) == G_FILE_TYPE_REGULAR)
            {
              self->profile_file = g_file_get_child (folder, PROFILE_FILE_NAME);
              profile_done = TRUE;
            }
          /* .git is a folder in a clone and a file in a worktree. */
          else if (child_type (folder, ".git", cancellable) != G_FILE_TYPE_UNKNOWN)
            profile_done = TRUE;
        }

      if (self->root == NULL && is_site_root (folder, cancellable))
        self->root = g_object_ref (folder);

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

  if (self->root != NULL)
    self->content_folder = g_file_get_child (self->root, "content");

  return g_steal_pointer (&self);
}

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

GFile *
byline_site_get_profile_file (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  return self->profile_file;
}

GFile *
byline_site_get_content_folder (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  return self->content_folder;
}

GFile *
byline_site_get_blog_folder (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  return self->blog_folder;
}

/* Site paths */

/* With the lock held. */
static GPtrArray *
ensure_content_bases (BylineSite *self)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;

  if (self->content_bases != NULL)
    return self->content_bases;

  self->content_bases = g_ptr_array_new_with_free_func (g_object_unref);
  enumerator = g_file_enumerate_children (self->content_folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (enumerator != NULL)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, NULL, NULL) || info == NULL)
        break;
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        g_ptr_array_add (self->content_bases, g_object_ref (child));
    }

  /* A site with a single language keeps its pages right in content/. */
  g_ptr_array_add (self->content_bases, g_object_ref (self->content_folder));
  return self->content_bases;
}

static gboolean
is_regular (GFile      *parent,
            const char *path)
{
  return child_type (parent, path, NULL) == G_FILE_TYPE_REGULAR;
}

gboolean
byline_site_path_exists (BylineSite *self,
                         const char *path)
{
  g_autofree char *decoded = NULL;
  g_autoptr(GFile) static_folder = NULL;
  GPtrArray *bases;
  const char *rel;
  gsize length;

  g_return_val_if_fail (BYLINE_IS_SITE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (path[0] != '/' || self->root == NULL)
    return FALSE;

  decoded = byline_link_decode_path (path, strcspn (path, "?#"));
  if (byline_link_has_dot_dot_segment (decoded))
    return FALSE;

  /* Relative to the language folders, without the slashes around it. */
  g_strstrip (decoded);
  length = strlen (decoded);
  while (length > 0 && decoded[length - 1] == '/')
    decoded[--length] = '\0';
  rel = decoded;
  while (*rel == '/')
    rel++;

  g_mutex_lock (&self->lock);
  bases = g_ptr_array_ref (ensure_content_bases (self));
  g_mutex_unlock (&self->lock);

  for (guint i = 0; i < bases->len; i++)
    {
      GFile *base = g_ptr_array_index (bases, i);
      g_autofree char *index = NULL;
      g_autofree char *section = NULL;
      g_autofree char *leaf = NULL;

      if (rel[0] == '\0')
        {
          if (is_regular (base, "_index.md"))
            {
              g_ptr_array_unref (bases);
              return TRUE;
            }
          continue;
        }

      index = g_strconcat (rel, "/index.md", NULL);
      section = g_strconcat (rel, "/_index.md", NULL);
      leaf = g_strconcat (rel, ".md", NULL);
      if (is_regular (base, rel) || is_regular (base, index) ||
          is_regular (base, section) || is_regular (base, leaf))
        {
          g_ptr_array_unref (bases);
          return TRUE;
        }
    }
  g_ptr_array_unref (bases);

  if (rel[0] == '\0')
    return FALSE;
  static_folder = g_file_get_child (self->root, "static");
  return is_regular (static_folder, rel);
}
