/* byline-gotmpl-fs-env.h — the template environment of a site folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A BylineGotmplEnv that reads a Hugo site from disk: layouts (the site's,
 * then its themes' in the order of the theme setting), the configuration
 * (hugo.yaml, config.yaml and the YAML files of config/_default/, themes' under the
 * site's), data/ and i18n/ (YAML and JSON), pages under content/, assets/
 * and page bundles, with Markdown through cmark-gfm. TOML files are not
 * read: the site model (BylineSite) will provide them.
 *
 * It serves the command line and the tests; the application binds the
 * environment to BylineSite instead. Everything is read on first use and
 * kept; safe to use from several threads.
 */

#pragma once

#include "byline-gotmpl-env.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_GOTMPL_FS_ENV (byline_gotmpl_fs_env_get_type ())

G_DECLARE_FINAL_TYPE (BylineGotmplFsEnv, byline_gotmpl_fs_env, BYLINE, GOTMPL_FS_ENV, GObject)

/* @root is the site's folder (the one holding content/ and layouts/). */
BylineGotmplEnv *byline_gotmpl_fs_env_new         (const char        *root);
const char      *byline_gotmpl_fs_env_get_root    (BylineGotmplFsEnv *self);
/* The layout folders searched, site first (absolute paths). */
GPtrArray       *byline_gotmpl_fs_env_list_layout_dirs (BylineGotmplFsEnv *self);

G_END_DECLS
