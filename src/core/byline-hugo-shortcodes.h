/* byline-hugo-shortcodes.h — Hugo's built-in shortcodes, rendered for the preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo ships shortcodes of its own (tpl/tplimpl/embedded/templates/
 * _shortcodes/). A site's template of the same name wins over them, so the
 * renderer asks here only for calls that neither the profile nor the site
 * can render.
 *
 * figure, details, highlight, param, ref, relref, qr and comment write the
 * HTML Hugo's templates write (qr as a labelled box holding its text, not
 * an image). The embeds that would fetch from the network (youtube, vimeo,
 * x, twitter and tweet, instagram, gist) become an offline card: what it
 * is, its id or URL, its title, and a link that opens in the browser; never
 * an iframe, an image from elsewhere or a script.
 */

#pragma once

#include <glib.h>

#include "byline-bundle.h"
#include "byline-goldmark.h"
#include "byline-post.h"
#include "byline-shortcode.h"
#include "byline-site.h"

G_BEGIN_DECLS

#define BYLINE_HUGO_SHORTCODE_ERROR (byline_hugo_shortcode_error_quark ())

typedef enum
{
  BYLINE_HUGO_SHORTCODE_ERROR_BAD_PARAMS,   /* Hugo's errorf: a missing id, a bad level */
  BYLINE_HUGO_SHORTCODE_ERROR_NOT_FOUND,    /* a param, or the page a ref names */
  BYLINE_HUGO_SHORTCODE_ERROR_NO_SITE,      /* ref/relref outside a site */
} BylineHugoShortcodeError;

typedef struct _BylineHugoShortcodeCall BylineHugoShortcodeCall;

/* What a built-in shortcode sees of its call and its page. Everything but
 * @call and @goldmark may be NULL. */
struct _BylineHugoShortcodeCall
{
  const BylineShortcode        *call;       /* the opening (or only) call */
  /* The text between the call and its closing tag as written (NULL when
   * the call is not paired). */
  const char                   *inner;
  gsize                         inner_len;
  BylineSite                   *site;
  BylineBundle                 *bundle;     /* its post file is the page's */
  BylinePost                   *post;       /* for param: the front matter as edited */
  /* The preview's base (file:///…/bundle/): images are shown from the
   * disk. Without it, URLs are written as Hugo publishes them. */
  const char                   *base_uri;
  const BylineGoldmarkSettings *goldmark;
  gboolean                      tagfilter;
  /* The inner text rendered as Markdown blocks, as the renderer renders
   * it (calls inside it included); NULL when the renderer cannot. */
  char                       *(*render_inner) (gpointer user_data);
  gpointer                      user_data;
};

GQuark    byline_hugo_shortcode_error_quark (void);

/* Whether Hugo knows a shortcode of this name, one of its removed ones
 * (gist, twitter, tweet) included. */
gboolean  byline_hugo_shortcode_is_builtin  (const char                    *name);
/* Whether its output is text of the paragraph (param, ref, relref) rather
 * than a block of its own when the call is alone on its lines. */
gboolean  byline_hugo_shortcode_is_inline   (const char                    *name);
/* The HTML of the call, or NULL with @error saying why Hugo would not
 * render it (its errorf) or why Byline cannot. */
char     *byline_hugo_shortcode_render      (const BylineHugoShortcodeCall *call,
                                             GError                       **error);

/* Hugo's markdownify: @markdown rendered with the site's settings, the
 * <p> around a single paragraph removed; with @block, every block kept
 * (RenderString with display "block"). */
char     *byline_hugo_markdownify           (const BylineGoldmarkSettings  *settings,
                                             gboolean                       tagfilter,
                                             const char                    *markdown,
                                             gboolean                       block);

G_END_DECLS
