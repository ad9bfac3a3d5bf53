/* byline-gotmpl-resources.c — resources, images and the resources namespace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo's resources as templates see them: .RelPermalink, .Permalink, .Name,
 * .Title, .MediaType, .ResourceType, .Width, .Height, .Params, and the image
 * operations Resize, Fill, Fit, Crop and Process, which here return the same
 * picture with the size Hugo would give it (no file is written; the preview
 * scales the original). page.Resources is a list with ByType, GetMatch and
 * Match (Hugo's glob rules); resources.Get and images.Config read assets/.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-funcs.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <string.h>

#include "byline-gotmpl-objects-private.h"

typedef struct
{
  BylineGotmplObject        parent;
  BylineGotmplResourceInfo  info;
} Resource;

static void
resource_finalize (BylineGotmplObject *object)
{
  Resource *r = (Resource *) object;

  g_free (r->info.name);
  g_free (r->info.path);
  g_free (r->info.rel_permalink);
  g_free (r->info.permalink);
  g_free (r->info.media_type);
}

static void
resource_print (BylineGotmplObject *object,
                GString            *out)
{
  g_string_append (out, ((Resource *) object)->info.rel_permalink);
}

#define RES(v) (&((Resource *) (v)->o)->info)

static const char *
main_type (const BylineGotmplResourceInfo *info)
{
  return info->media_type != NULL ? info->media_type : "application/octet-stream";
}

static gboolean
res_string (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  const BylineGotmplResourceInfo *info = RES (self);
  const char *name = call->name;

  if (strcmp (name, "RelPermalink") == 0)
    *result = byline_gotmpl_string (info->rel_permalink);
  else if (strcmp (name, "Permalink") == 0)
    *result = byline_gotmpl_string (info->permalink);
  else if (strcmp (name, "Name") == 0 || strcmp (name, "Title") == 0)
    *result = byline_gotmpl_string (info->name);
  else if (strcmp (name, "ResourceType") == 0)
    {
      g_autofree char *type = g_strdup (main_type (info));
      char *slash = strchr (type, '/');

      if (slash != NULL)
        *slash = '\0';
      *result = byline_gotmpl_string (type);
    }
  else if (strcmp (name, "MediaType") == 0)
    *result = byline_gotmpl_string (main_type (info));
  else if (strcmp (name, "Content") == 0)
    {
      g_autofree char *contents = NULL;
      gsize len;

      if (!g_file_get_contents (info->path, &contents, &len, NULL))
        return byline_gotmpl_call_error (call, "failed to read resource %s", info->name);
      *result = byline_gotmpl_string_len (contents, len);
    }
  else
    return byline_gotmpl_call_unsupported (call, name);
  return TRUE;
}

static gboolean
res_size (BylineGotmplCall        *call,
          const BylineGotmplValue *self,
          const BylineGotmplValue *args,
          guint                    n_args,
          BylineGotmplValue       *result)
{
  const BylineGotmplResourceInfo *info = RES (self);

  if (!g_str_has_prefix (main_type (info), "image/"))
    return byline_gotmpl_call_error (call, "%s is not an image", info->name);
  *result = byline_gotmpl_int (strcmp (call->name, "Width") == 0 ? info->width : info->height);
  return TRUE;
}

static gboolean
res_params (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  *result = byline_gotmpl_map_value (byline_gotmpl_map_new (TRUE));
  return TRUE;
}

/* The size of Resize, Fill, Fit and Crop for an options string such as
 * "600x", "x300", "600x400 q80 Center webp" (resources/images/config.go). */
static gboolean
target_size (BylineGotmplCall               *call,
             const BylineGotmplResourceInfo *info,
             const char                     *op,
             const char                     *options,
             int                            *width,
             int                            *height)
{
  g_auto(GStrv) parts = g_strsplit_set (options, " ", -1);
  int w = 0, h = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *p = parts[i];
      const char *x = strchr (p, 'x');

      if (x != NULL && (x == p || g_ascii_isdigit (p[0])) && strspn (p, "0123456789x") == strlen (p))
        {
          guint64 pw = g_ascii_strtoull (p, NULL, 10);
          guint64 ph = g_ascii_strtoull (x + 1, NULL, 10);

          /* No picture is this large; it keeps the sums below in range. */
          if (pw > 65536 || ph > 65536)
            return byline_gotmpl_call_error (call, "image size %s is too large", p);
          w = (int) pw;
          h = (int) ph;
        }
    }
  if (w == 0 && h == 0)
    return byline_gotmpl_call_error (call, "must provide Width or Height");
  if (info->width <= 0 || info->height <= 0)
    return byline_gotmpl_call_error (call, "%s: image has no size", info->name);

  if (strcmp (op, "Resize") == 0)
    {
      if (w == 0)
        w = (int) ((double) info->width * h / info->height + 0.5);
      else if (h == 0)
        h = (int) ((double) info->height * w / info->width + 0.5);
    }
  else if (strcmp (op, "Fit") == 0)
    {
      double scale;

      if (w == 0 || h == 0)
        return byline_gotmpl_call_error (call, "must provide Width and Height");
      /* Downscale only, keeping the ratio, to fit inside the box. */
      scale = MIN ((double) w / info->width, (double) h / info->height);
      if (scale > 1)
        scale = 1;
      w = (int) (info->width * scale + 0.5);
      h = (int) (info->height * scale + 0.5);
    }
  else
    {
      /* Fill and Crop give exactly the box (no upscaling past the source). */
      if (w == 0 || h == 0)
        return byline_gotmpl_call_error (call, "must provide Width and Height");
    }
  *width = MAX (w, 1);
  *height = MAX (h, 1);
  return TRUE;
}

static gboolean
res_process (BylineGotmplCall        *call,
             const BylineGotmplValue *self,
             const BylineGotmplValue *args,
             guint                    n_args,
             BylineGotmplValue       *result)
{
  const BylineGotmplResourceInfo *info = RES (self);
  g_autofree char *options = NULL;
  g_autofree char *op = NULL;
  BylineGotmplResourceInfo copy = *info;
  int w = 0, h = 0;

  if (!g_str_has_prefix (main_type (info), "image/"))
    return byline_gotmpl_call_error (call, "%s is not an image", info->name);
  if (!byline_gotmpl_to_string (call, &args[0], &options))
    return FALSE;
  if (strcmp (call->name, "Process") == 0)
    {
      /* "resize 600x", "fill 300x200 center", … */
      g_auto(GStrv) words = g_strsplit (options, " ", 2);

      op = g_strdup (words[0] != NULL ? words[0] : "");
      if (op[0] != '\0')
        op[0] = g_ascii_toupper (op[0]);
      g_free (options);
      options = g_strdup (words[0] != NULL && words[1] != NULL ? words[1] : "");
      if (strcmp (op, "Resize") != 0 && strcmp (op, "Fill") != 0 && strcmp (op, "Fit") != 0 &&
          strcmp (op, "Crop") != 0)
        {
          /* Only a format or quality change: same size. */
          *result = byline_gotmpl_value_copy (self);
          return TRUE;
        }
    }
  else
    op = g_strdup (call->name);
  if (!target_size (call, info, op, options, &w, &h))
    return FALSE;
  copy.width = w;
  copy.height = h;
  *result = byline_gotmpl_resource_new (&copy);
  return TRUE;
}

static gboolean
res_self (BylineGotmplCall        *call,
          const BylineGotmplValue *self,
          const BylineGotmplValue *args,
          guint                    n_args,
          BylineGotmplValue       *result)
{
  /* Filter and the like change pixels, not size or place. */
  *result = byline_gotmpl_value_copy (self);
  return TRUE;
}

static const BylineGotmplMethod resource_methods[] = {
  { "Content", res_string, 0, 0 },
  { "Crop", res_process, 1, 1 },
  { "Fill", res_process, 1, 1 },
  { "Filter", res_self, 0, -1 },
  { "Fit", res_process, 1, 1 },
  { "Height", res_size, 0, 0 },
  { "MediaType", res_string, 0, 0 },
  { "Name", res_string, 0, 0 },
  { "Params", res_params, 0, 0 },
  { "Permalink", res_string, 0, 0 },
  { "Process", res_process, 1, 1 },
  { "RelPermalink", res_string, 0, 0 },
  { "Resize", res_process, 1, 1 },
  { "ResourceType", res_string, 0, 0 },
  { "Title", res_string, 0, 0 },
  { "Width", res_size, 0, 0 },
};

const BylineGotmplClass byline_gotmpl_resource_class = {
  .type_name = "*resources.genericResource",
  .methods = resource_methods,
  .n_methods = G_N_ELEMENTS (resource_methods),
  .finalize = resource_finalize,
  .print = resource_print,
};

BylineGotmplValue
byline_gotmpl_resource_new (const BylineGotmplResourceInfo *info)
{
  Resource *r = byline_gotmpl_object_new (&byline_gotmpl_resource_class, sizeof (Resource));

  r->info.name = g_strdup (info->name);
  r->info.path = g_strdup (info->path);
  r->info.rel_permalink = g_strdup (info->rel_permalink);
  r->info.permalink = g_strdup (info->permalink);
  r->info.media_type = g_strdup (info->media_type);
  r->info.width = info->width;
  r->info.height = info->height;
  return byline_gotmpl_object_value (r);
}

/* Hugo's resource globs (common/hugio glob, case-insensitive): * within a
 * path segment, ** across them, ? one character. */
static gboolean
glob_match (const char *pattern,
            const char *name)
{
  while (*pattern != '\0')
    {
      if (pattern[0] == '*' && pattern[1] == '*')
        {
          pattern += 2;
          if (*pattern == '/')
            pattern++;
          for (const char *n = name;; n++)
            {
              if (glob_match (pattern, n))
                return TRUE;
              if (*n == '\0')
                return FALSE;
            }
        }
      if (*pattern == '*')
        {
          pattern++;
          for (const char *n = name;; n++)
            {
              if (glob_match (pattern, n))
                return TRUE;
              if (*n == '\0' || *n == '/')
                return FALSE;
            }
        }
      if (*name == '\0')
        return FALSE;
      if (*pattern != '?' && g_ascii_tolower (*pattern) != g_ascii_tolower (*name))
        return FALSE;
      pattern++;
      name++;
    }
  return *name == '\0';
}

static gboolean
list_match (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            gboolean                 first,
            BylineGotmplValue       *result)
{
  g_autofree char *pattern = NULL;
  BylineGotmplList *list = NULL;

  if (!byline_gotmpl_to_string (call, &args[0], &pattern))
    return FALSE;
  /* A leading slash is ignored. */
  if (!byline_gotmpl_call_step (call, byline_gotmpl_list_length (self->l)))
    return FALSE;
  for (guint i = 0; i < byline_gotmpl_list_length (self->l); i++)
    {
      const BylineGotmplValue *r = byline_gotmpl_list_get (self->l, i);
      Resource *res = byline_gotmpl_value_get_object (r, &byline_gotmpl_resource_class);

      if (res == NULL || !glob_match (pattern[0] == '/' ? pattern + 1 : pattern, res->info.name))
        continue;
      if (first)
        {
          *result = byline_gotmpl_value_copy (r);
          return TRUE;
        }
      if (list == NULL)
        list = byline_gotmpl_list_new (4);
      byline_gotmpl_list_append (list, byline_gotmpl_value_copy (r));
    }
  if (list != NULL)
    {
      byline_gotmpl_list_set_class (list, byline_gotmpl_list_get_class (self->l));
      *result = byline_gotmpl_list_value (list);
    }
  return TRUE;
}

static gboolean
resources_get_match (BylineGotmplCall        *call,
                     const BylineGotmplValue *self,
                     const BylineGotmplValue *args,
                     guint                    n_args,
                     BylineGotmplValue       *result)
{
  return list_match (call, self, args, TRUE, result);
}

static gboolean
resources_match (BylineGotmplCall        *call,
                 const BylineGotmplValue *self,
                 const BylineGotmplValue *args,
                 guint                    n_args,
                 BylineGotmplValue       *result)
{
  return list_match (call, self, args, FALSE, result);
}

static gboolean
resources_by_type (BylineGotmplCall        *call,
                   const BylineGotmplValue *self,
                   const BylineGotmplValue *args,
                   guint                    n_args,
                   BylineGotmplValue       *result)
{
  g_autofree char *type = NULL;
  BylineGotmplList *list = byline_gotmpl_list_new (4);

  if (!byline_gotmpl_to_string (call, &args[0], &type))
    {
      byline_gotmpl_list_unref (list);
      return FALSE;
    }
  for (guint i = 0; i < byline_gotmpl_list_length (self->l); i++)
    {
      const BylineGotmplValue *r = byline_gotmpl_list_get (self->l, i);
      Resource *res = byline_gotmpl_value_get_object (r, &byline_gotmpl_resource_class);
      gsize n = strlen (type);

      if (res != NULL && g_str_has_prefix (main_type (&res->info), type) &&
          main_type (&res->info)[n] == '/')
        byline_gotmpl_list_append (list, byline_gotmpl_value_copy (r));
    }
  byline_gotmpl_list_set_class (list, byline_gotmpl_list_get_class (self->l));
  *result = byline_gotmpl_list_value (list);
  return TRUE;
}

static const BylineGotmplMethod resources_list_methods[] = {
  { "ByType", resources_by_type, 1, 1 },
  { "Get", resources_get_match, 1, 1 },
  { "GetMatch", resources_get_match, 1, 1 },
  { "Match", resources_match, 1, 1 },
};

static const BylineGotmplClass resources_list_class = {
  .type_name = "resource.Resources",
  .methods = resources_list_methods,
  .n_methods = G_N_ELEMENTS (resources_list_methods),
};

BylineGotmplValue
byline_gotmpl_resources_list (GPtrArray *infos)
{
  BylineGotmplList *list = byline_gotmpl_list_new (infos != NULL ? infos->len : 0);

  for (guint i = 0; infos != NULL && i < infos->len; i++)
    byline_gotmpl_list_append (list, byline_gotmpl_resource_new (g_ptr_array_index (infos, i)));
  byline_gotmpl_list_set_class (list, &resources_list_class);
  return byline_gotmpl_list_value (list);
}

/* The resources namespace and images.Config */

static gboolean
fn_resources_get (BylineGotmplCall        *call,
                  const BylineGotmplValue *self,
                  const BylineGotmplValue *args,
                  guint                    n_args,
                  BylineGotmplValue       *result)
{
  g_autofree char *path = NULL;
  g_autoptr(BylineGotmplResourceInfo) info = NULL;
  BylineGotmplEnv *env = byline_gotmpl_call_get_env (call);

  if (!byline_gotmpl_to_string (call, &args[0], &path))
    return FALSE;
  if (env == NULL)
    return byline_gotmpl_call_unsupported (call, "resources.Get");
  info = byline_gotmpl_env_get_asset (env, path);
  if (info != NULL)
    *result = byline_gotmpl_resource_new (info);
  return TRUE;
}

static const BylineGotmplMethod resources_ns_methods[] = {
  { "Get", fn_resources_get, 1, 1 },
};

static const BylineGotmplClass resources_ns_class = {
  .type_name = "*resources.Namespace",
  .methods = resources_ns_methods,
  .n_methods = G_N_ELEMENTS (resources_ns_methods),
};

gboolean
byline_gotmpl_fn_resources (BylineGotmplCall        *call,
                            const BylineGotmplValue *self,
                            const BylineGotmplValue *args,
                            guint                    n_args,
                            BylineGotmplValue       *result)
{
  *result = byline_gotmpl_namespace_value (&resources_ns_class);
  return TRUE;
}

/* images.Config: the size of an image file under the site, without
 * decoding it. */
static gboolean
fn_images_config (BylineGotmplCall        *call,
                  const BylineGotmplValue *self,
                  const BylineGotmplValue *args,
                  guint                    n_args,
                  BylineGotmplValue       *result)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkPixbufLoader) loader = NULL;
  BylineGotmplEnv *env = byline_gotmpl_call_get_env (call);
  GdkPixbufFormat *format;
  BylineGotmplMap *config;
  int w = 0, h = 0;

  if (!byline_gotmpl_to_string (call, &args[0], &path))
    return FALSE;
  if (path[0] == '\0')
    return byline_gotmpl_call_error (call, "config needs a filename");
  if (env == NULL)
    return byline_gotmpl_call_unsupported (call, "images.Config");
  bytes = byline_gotmpl_env_read_file (env, path, &error);
  if (bytes == NULL)
    return byline_gotmpl_call_error (call, "%s", error->message);
  loader = gdk_pixbuf_loader_new ();
  if (!gdk_pixbuf_loader_write_bytes (loader, bytes, &error))
    {
      gdk_pixbuf_loader_close (loader, NULL);
      return byline_gotmpl_call_error (call, "image: unknown format");
    }
  gdk_pixbuf_loader_close (loader, NULL);
  format = gdk_pixbuf_loader_get_format (loader);
  if (gdk_pixbuf_loader_get_pixbuf (loader) != NULL)
    {
      w = gdk_pixbuf_get_width (gdk_pixbuf_loader_get_pixbuf (loader));
      h = gdk_pixbuf_get_height (gdk_pixbuf_loader_get_pixbuf (loader));
    }
  if (format == NULL || w == 0)
    return byline_gotmpl_call_error (call, "image: unknown format");
  config = byline_gotmpl_map_new (FALSE);
  byline_gotmpl_map_set (config, "Width", byline_gotmpl_int (w));
  byline_gotmpl_map_set (config, "Height", byline_gotmpl_int (h));
  *result = byline_gotmpl_map_value (config);
  return TRUE;
}

/* Image filters (images.Grayscale, images.Process, …): the preview shows
 * pictures as they are, so a filter is a value that images.Filter and
 * .Filter accept and leave the picture unchanged, as .Resize leaves its
 * pixels to the preview's scaling. */
static const BylineGotmplClass filter_class = {
  .type_name = "images.filter",
};

static gboolean
fn_images_make_filter (BylineGotmplCall        *call,
                       const BylineGotmplValue *self,
                       const BylineGotmplValue *args,
                       guint                    n_args,
                       BylineGotmplValue       *result)
{
  *result = byline_gotmpl_object_value (byline_gotmpl_object_new (&filter_class,
                                                                  sizeof (BylineGotmplObject)));
  return TRUE;
}

/* images.Filter FILTERS… IMAGE: the image. */
static gboolean
fn_images_filter (BylineGotmplCall        *call,
                  const BylineGotmplValue *self,
                  const BylineGotmplValue *args,
                  guint                    n_args,
                  BylineGotmplValue       *result)
{
  if (byline_gotmpl_value_get_object (&args[n_args - 1], &byline_gotmpl_resource_class) == NULL)
    return byline_gotmpl_call_error (call, "images.Filter: the last argument must be an image");
  *result = byline_gotmpl_value_copy (&args[n_args - 1]);
  return TRUE;
}

static const BylineGotmplMethod images_ns_methods[] = {
  { "AutoOrient", fn_images_make_filter, 0, 0 },
  { "Brightness", fn_images_make_filter, 1, 1 },
  { "ColorBalance", fn_images_make_filter, 3, 3 },
  { "Colorize", fn_images_make_filter, 3, 3 },
  { "Config", fn_images_config, 1, 1 },
  { "Contrast", fn_images_make_filter, 1, 1 },
  { "Dither", fn_images_make_filter, 0, -1 },
  { "Filter", fn_images_filter, 2, -1 },
  { "Gamma", fn_images_make_filter, 1, 1 },
  { "GaussianBlur", fn_images_make_filter, 1, 1 },
  { "Grayscale", fn_images_make_filter, 0, 0 },
  { "Hue", fn_images_make_filter, 1, 1 },
  { "Invert", fn_images_make_filter, 0, 0 },
  { "Mask", fn_images_make_filter, 1, 1 },
  { "Opacity", fn_images_make_filter, 1, 1 },
  { "Overlay", fn_images_make_filter, 3, 3 },
  { "Padding", fn_images_make_filter, 1, -1 },
  { "Pixelate", fn_images_make_filter, 1, 1 },
  { "Process", fn_images_make_filter, 1, 1 },
  { "Saturation", fn_images_make_filter, 1, 1 },
  { "Sepia", fn_images_make_filter, 1, 1 },
  { "Sigmoid", fn_images_make_filter, 2, 2 },
  { "Text", fn_images_make_filter, 1, 2 },
  { "UnsharpMask", fn_images_make_filter, 3, 3 },
};

static const BylineGotmplClass images_ns_class = {
  .type_name = "*images.Namespace",
  .methods = images_ns_methods,
  .n_methods = G_N_ELEMENTS (images_ns_methods),
};

gboolean
byline_gotmpl_fn_images (BylineGotmplCall        *call,
                         const BylineGotmplValue *self,
                         const BylineGotmplValue *args,
                         guint                    n_args,
                         BylineGotmplValue       *result)
{
  *result = byline_gotmpl_namespace_value (&images_ns_class);
  return TRUE;
}

gboolean
byline_gotmpl_fn_image_config (BylineGotmplCall        *call,
                               const BylineGotmplValue *self,
                               const BylineGotmplValue *args,
                               guint                    n_args,
                               BylineGotmplValue       *result)
{
  return fn_images_config (call, self, args, n_args, result);
}
