/* byline-hugo-shortcodes-private.h — what the built-in shortcodes share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-hugo-shortcodes.h"

G_BEGIN_DECLS

/* .Get: the named parameter, else (@position >= 0) the positional one. */
const char *byline_hugo_get            (const BylineShortcode *call,
                                        const char            *name,
                                        int                    position);
/* Whether .Get is true to Go's templates: set, not empty, and not a bare
 * false or 0 (Hugo's shortcode parser types bare values). */
gboolean    byline_hugo_truthy         (const char            *value,
                                        const BylineShortcode *call,
                                        const char            *name);
/* Hugo's `in (slice "true" true 1) (.Get NAME)`: 1; the false
 * counterpart: 0; anything else (unset included): -1. */
int         byline_hugo_get_bool       (const BylineShortcode *call,
                                        const char            *name);

/* Values printed as html/template prints them: in text, in a quoted
 * attribute, in a quoted URL attribute (unsafe schemes become
 * "#ZgotmplZ"). A trusted URL is one Byline made itself (a file:// URI of
 * the bundle): only normalised and escaped. */
void        byline_hugo_append_text   (GString               *out,
                                        const char            *value);
void        byline_hugo_append_attr   (GString               *out,
                                        const char            *value);
void        byline_hugo_append_url    (GString               *out,
                                        const char            *value,
                                        gboolean               trusted);

/* ` NAME="value"` when .Get NAME is true, nothing otherwise. */
void        byline_hugo_append_param_attr (GString               *out,
                                           const BylineShortcode *call,
                                           const char            *name);

/* The page's file, as the site's page index names it; NULL without one. */
char       *byline_hugo_post_file_path (const BylineHugoShortcodeCall *self);

/* byline-hugo-shortcodes-figure.c */
char       *byline_hugo_render_figure  (const BylineHugoShortcodeCall *self);

/* byline-hugo-shortcodes-page.c */
char       *byline_hugo_render_param   (const BylineHugoShortcodeCall *self,
                                        GError               **error);
char       *byline_hugo_render_ref     (const BylineHugoShortcodeCall *self,
                                        gboolean               relative,
                                        GError               **error);

/* byline-hugo-shortcodes-embeds.c: youtube, vimeo, x, twitter, tweet,
 * instagram and gist as offline cards. */
gboolean    byline_hugo_is_embed       (const char            *name);
char       *byline_hugo_render_embed   (const BylineHugoShortcodeCall *self,
                                        GError               **error);

/* byline-hugo-shortcodes-highlight.c */
char       *byline_hugo_render_highlight (const BylineHugoShortcodeCall *self,
                                          GError               **error);

G_END_DECLS
