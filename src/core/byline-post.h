/* byline-post.h — one parse of a post's text, shared by renderer and linter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A BylinePost is immutable: the text it was made from and everything parsed
 * from it (layout, line index, front matter, shortcodes of the body). It is
 * made once per version of the text, so that the renderer and the linter do
 * not parse twice, and it can be handed to a worker thread.
 */

#pragma once

#include <gio/gio.h>

#include "byline-front-matter.h"
#include "byline-post-layout.h"
#include "byline-shortcode.h"
#include "byline-text.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_POST (byline_post_get_type ())

G_DECLARE_FINAL_TYPE (BylinePost, byline_post, BYLINE, POST, GObject)

/* Never fails: problems are kept and reported by the getters below. The text
 * is copied. Invalid UTF-8 or a NUL byte leaves everything but the text
 * error empty (nothing further is parsed). */
BylinePost                *byline_post_new                    (const char        *text,
                                                               gssize             length);
/* Reads a file: FALSE with an error naming the file on I/O problems. Invalid
 * UTF-8 is not an I/O problem; it comes back as get_text_error(). */
BylinePost                *byline_post_new_from_file          (GFile             *file,
                                                               GCancellable      *cancellable,
                                                               GError           **error);
const char                *byline_post_get_text               (BylinePost        *self);
gsize                      byline_post_get_length             (BylinePost        *self);
const BylineLineIndex     *byline_post_get_lines              (BylinePost        *self);
const BylinePostLayout    *byline_post_get_layout             (BylinePost        *self);
/* Invalid UTF-8, NUL, unterminated or TOML front matter; NULL when none. */
const GError              *byline_post_get_layout_error       (BylinePost        *self);
/* NULL without YAML front matter or on a YAML error. */
BylineFrontMatter         *byline_post_get_front_matter       (BylinePost        *self);
const GError              *byline_post_get_front_matter_error (BylinePost        *self,
                                                               BylineSpan        *span);
/* Shortcodes of the body (and their problems); never NULL. */
const BylineShortcodeList *byline_post_get_shortcodes         (BylinePost        *self);

G_END_DECLS
