/* byline-archetype-private.h — what the archetype files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-archetype.h"

G_BEGIN_DECLS

/* Runs template text as an archetype (the built-in default). */
char     *byline_archetype_render_string (BylineSite      *site,
                                          BylineGotmplEnv *env,
                                          const char      *source,
                                          const char      *content_file,
                                          const char      *content_path,
                                          const char      *kind,
                                          GDateTime       *date,
                                          GError         **error);
/* {{ replace .File.ContentBaseName "-" " " | title }} for the file. */
char     *byline_archetype_default_title (BylineSite      *site,
                                          const char      *content_file,
                                          const char      *content_path);
/* Replaces the value of the front matter's title (YAML, TOML or JSON)
 * with @title, quoted as the format quotes strings. FALSE, leaving @text
 * as it was, when the front matter has no title or does not parse. */
gboolean  byline_archetype_set_title     (GString         *text,
                                          const char      *title);

G_END_DECLS
