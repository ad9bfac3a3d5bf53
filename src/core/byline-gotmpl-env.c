/* byline-gotmpl-env.c — what the template engine needs from a Hugo site
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-env.h"

G_DEFINE_INTERFACE (BylineGotmplEnv, byline_gotmpl_env, G_TYPE_OBJECT)

static void
byline_gotmpl_env_default_init (BylineGotmplEnvInterface *iface)
{
}

void
byline_gotmpl_resource_info_free (BylineGotmplResourceInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info->path);
  g_free (info->rel_permalink);
  g_free (info->permalink);
  g_free (info->media_type);
  g_free (info);
}

char *
byline_gotmpl_env_find_template (BylineGotmplEnv          *self,
                                 BylineGotmplTemplateKind  kind,
                                 const char               *name)
{
  BylineGotmplEnvInterface *iface;

  g_return_val_if_fail (BYLINE_IS_GOTMPL_ENV (self), NULL);
  iface = BYLINE_GOTMPL_ENV_GET_IFACE (self);
  return iface->find_template != NULL ? iface->find_template (self, kind, name) : NULL;
}

BylineGotmplValue
byline_gotmpl_env_get_config (BylineGotmplEnv *self)
{
  BylineGotmplEnvInterface *iface;

  g_return_val_if_fail (BYLINE_IS_GOTMPL_ENV (self), byline_gotmpl_nil ());
  iface = BYLINE_GOTMPL_ENV_GET_IFACE (self);
  return iface->get_config != NULL ? iface->get_config (self) : byline_gotmpl_nil ();
}

BylineGotmplValue
byline_gotmpl_env_get_data (BylineGotmplEnv *self)
{
  BylineGotmplEnvInterface *iface;

  g_return_val_if_fail (BYLINE_IS_GOTMPL_ENV (self), byline_gotmpl_nil ());
  iface = BYLINE_GOTMPL_ENV_GET_IFACE (self);
  return iface->get_data != NULL ? iface->get_data (self) : byline_gotmpl_nil ();
}

char *
byline_gotmpl_env_translate (BylineGotmplEnv         *self,
                             const char              *lang,
                             const char              *id,
                             const BylineGotmplValue *count)
{
  BylineGotmplEnvInterface *iface;

  g_return_val_if_fail (BYLINE_IS_GOTMPL_ENV (self), NULL);
  iface = BYLINE_GOTMPL_ENV_GET_IFACE (self);
  return iface->translate != NULL ? iface->translate (self, lang, id, count) : NULL;
}

BylineGotmplValue
byline_gotmpl_env_get_page (BylineGotmplEnv *self,
                            const char      *path)
{
  BylineGotmplEnvInterface *iface;

  g_return_val_if_fail (BYLINE_IS_GOTMPL_ENV (self), byline_gotmpl_nil ());
  iface = BYLINE_GOTMPL_ENV_GET_IFACE (self);
  return iface->get_page != NULL ? iface->get_page (self, path) : byline_gotmpl_nil ();
}

BylineGotmplValue
byline_gotmpl_env_list_pages (BylineGotmplEnv      *self,
                              const char           *path,
                              const char           *lang,
                              BylineGotmplPageList  which)
{
  BylineGotmplEnvInterface *iface;

  g_return_val_if_fail (BYLINE_IS_GOTMPL_ENV (self), byline_gotmpl_nil ());
  iface = BYLINE_GOTMPL_ENV_GET_IFACE (self);
  if (iface->list_pages == NULL)
    return byline_gotmpl_list_value (byline_gotmpl_list_new (0));
  return iface->list_pages (self, path, lang, which);
}

GBytes *
byline_gotmpl_env_read_file (BylineGotmplEnv  *self,
                             const char       *path,
                             GError          **error)
{
  BylineGotmplEnvInterface *iface;

  g_return_val_if_fail (BYLINE_IS_GOTMPL_ENV (self), NULL);
  iface = BYLINE_GOTMPL_ENV_GET_IFACE (self);
  if (iface->read_file == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "no files to read");
      return NULL;
    }
  return iface->read_file (self, path, error);
}

gboolean
byline_gotmpl_env_stat_file (BylineGotmplEnv *self,
                             const char      *path,
                             gboolean        *is_dir,
                             goffset         *size,
                             gint64          *mtime)
{
  BylineGotmplEnvInterface *iface;

  g_return_val_if_fail (BYLINE_IS_GOTMPL_ENV (self), FALSE);
  iface = BYLINE_GOTMPL_ENV_GET_IFACE (self);
  return iface->stat_file != NULL && iface->stat_file (self, path, is_dir, size, mtime);
}

BylineGotmplResourceInfo *
byline_gotmpl_env_get_asset (BylineGotmplEnv *self,
                             const char      *path)
{
  BylineGotmplEnvInterface *iface;

  g_return_val_if_fail (BYLINE_IS_GOTMPL_ENV (self), NULL);
  iface = BYLINE_GOTMPL_ENV_GET_IFACE (self);
  return iface->get_asset != NULL ? iface->get_asset (self, path) : NULL;
}

GPtrArray *
byline_gotmpl_env_list_page_resources (BylineGotmplEnv *self,
                                       const char      *page_file)
{
  BylineGotmplEnvInterface *iface;

  g_return_val_if_fail (BYLINE_IS_GOTMPL_ENV (self), NULL);
  iface = BYLINE_GOTMPL_ENV_GET_IFACE (self);
  return iface->list_page_resources != NULL ? iface->list_page_resources (self, page_file) : NULL;
}

char *
byline_gotmpl_env_render_markdown (BylineGotmplEnv  *self,
                                   const char       *markdown,
                                   gboolean          inline_only,
                                   GError          **error)
{
  BylineGotmplEnvInterface *iface;

  g_return_val_if_fail (BYLINE_IS_GOTMPL_ENV (self), NULL);
  iface = BYLINE_GOTMPL_ENV_GET_IFACE (self);
  if (iface->render_markdown == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "no Markdown renderer");
      return NULL;
    }
  return iface->render_markdown (self, markdown, inline_only, error);
}
