/* byline-preview-private.h — what the preview's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-preview.h"

G_BEGIN_DECLS

/* The isolated world of preview.js, which Byline's scripts run in. */
#define SCRIPT_WORLD "byline"

struct _BylinePreview
{
  GtkWidget                 parent_instance;

  WebKitWebView            *web_view;
  WebKitUserContentManager *content_manager;
  GCancellable             *cancellable;

  GFile                    *folder;
  char                     *base_uri;
  /* The site's static and assets folders, which Hugo's figure shortcode
   * takes pictures from besides the bundle (NULL: none). */
  char                    **site_folders;
  char                     *stylesheet;
  /* The band over the header for a post Hugo leaves out of the site:
   * "draft", "scheduled" or "expired", and what it says; NULL: none. */
  char                     *band_kind;
  char                     *band_text;

  /* What the page shows, or starts with when it loads. Renderings are
   * immutable and shared with the analysis: kept, not copied. NULL before
   * the first. */
  BylineRendering          *rendering;
  /* A later rendering, waiting for the patch in flight. */
  BylineRendering          *pending;

  guint                     load_source;   /* a byline_preview_load_shell() to come */
  guint                     generation;    /* of the shell page, bumped per load */
  guint                     next_seq;
  guint                     pending_line;

  guint                     load_remote_images : 1;
  guint                     painted : 1;
  guint                     shell_loaded : 1;
  guint                     ready : 1;
  guint                     has_pending_line : 1;
  guint                     patch_in_flight : 1;
};

/* byline-preview-page.c */
/* Loads the shell page now, with the latest rendering in it. */
void            byline_preview_load_shell           (BylinePreview *self);
/* Loads the shell page once the caller is done; renderings wait for it. */
void            byline_preview_queue_load_shell     (BylinePreview *self);
/* Sends the band to a ready page. */
void            byline_preview_send_band            (BylinePreview *self);
/* Sends the latest rendering that waited, if any. */
void            byline_preview_show_pending         (BylinePreview *self);
void            byline_preview_send_scroll_to_line  (BylinePreview *self,
                                                     guint          line);

/* byline-preview-policy.c */
/* The shell page's content security policy. */
char           *byline_preview_build_policy         (BylinePreview *self);
/* The settings of a preview's web view: no scripts of the post's, no
 * access beyond its files. */
WebKitSettings *byline_preview_create_settings      (void);
/* Decides where the web view may navigate and what its menu offers. */
void            byline_preview_init_policy          (BylinePreview *self);

G_END_DECLS
