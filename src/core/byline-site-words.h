/* byline-site-words.h — words other posts of the site use in their front matter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The front-matter form suggests keywords that other posts of the same blog
 * already use, most used first. The scan reads the front matter of every
 * post under the site's blog folder (the nearest folder named "blog" inside
 * a "content" folder above the post), in a worker thread, within limits of
 * depth, file count and file size.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The blog folder of the Hugo site holding @post_file, or NULL. */
GFile      *byline_site_find_blog_folder (GFile               *post_file);
/* Scans the blog folder of @post_file for the values of @keys: the items of
 * list fields (keywords), or a string as one value (title; the spell
 * checker proposes their unknown words, byline_spell_checker_propose_words).
 * Finishes with NULL and no error when the post is not inside a site. */
void        byline_site_words_scan_async  (GFile               *post_file,
                                           const char * const  *keys,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* A table of key → NULL-terminated words, the most used first. */
GHashTable *byline_site_words_scan_finish (GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
