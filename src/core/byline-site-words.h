/* byline-site-words.h — words other posts of the site use in their front matter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The front-matter form suggests keywords that other posts of the same blog
 * already use, most used first. The scan reads the front matter of every
 * post under the site's blog folder (byline_site_get_blog_folder()), in a
 * worker thread, within limits of depth, file count and file size.
 */

#pragma once

#include <gio/gio.h>

#include "byline-site.h"

G_BEGIN_DECLS

/* Scans the blog folder of @site for the values of @keys: the items of
 * list fields (keywords), or a string as one value (title; the spell
 * checker proposes their unknown words, byline_spell_checker_propose_words).
 * Finishes with NULL and no error when the site has no blog folder. */
void        byline_site_words_scan_async  (BylineSite          *site,
                                           const char * const  *keys,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* A table of key → NULL-terminated words, the most used first. */
GHashTable *byline_site_words_scan_finish (GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
