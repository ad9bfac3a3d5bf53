/* byline-bundle-private.h — link paths, shared by the bundle and the site
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-bundle.h"

G_BEGIN_DECLS

/* The first @length bytes of a link's path, percent-decoded; an invalid
 * escape is kept as written (the file name it would have to match). */
char     *byline_link_decode_path          (const char *path,
                                            gsize       length);
/* Whether a "/"-separated path has a ".." segment. */
gboolean  byline_link_has_dot_dot_segment  (const char *path);

G_END_DECLS
