/* byline-gotmpl-site-env-private.h — what the site environment's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   byline-gotmpl-site-env.c    the environment: templates, configuration,
 *                               data, i18n, files, resources, Markdown
 *   byline-gotmpl-site-pages.c  pages: GetPage, the lists of pages, the
 *                               post being edited
 */

#pragma once

#include "byline-gotmpl-site-env.h"

G_BEGIN_DECLS

struct _BylineGotmplSiteEnv
{
  GObject                 parent_instance;

  BylineSite             *site;
  char                   *root;
  GMutex                  lock;
  gboolean                config_loaded;
  BylineGotmplValue       config;
  gboolean                data_loaded;
  BylineGotmplValue       data;
  GHashTable             *i18n;       /* lang → map of messages */
  BylineGoldmarkSettings *goldmark;
};

/* BylineGotmplEnvInterface's get_page and list_pages. */
BylineGotmplValue byline_gotmpl_site_env_get_page   (BylineGotmplEnv      *env,
                                                     const char           *path);
BylineGotmplValue byline_gotmpl_site_env_list_pages (BylineGotmplEnv      *env,
                                                     const char           *path,
                                                     const char           *lang,
                                                     BylineGotmplPageList  which);

G_END_DECLS
