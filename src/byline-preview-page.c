/* byline-preview-page.c — the preview's page: its shell, band and patches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The web view loads one shell page (resources/preview/shell.html), with the
 * latest rendering already in it when there is one, and, from then on, every
 * rendering reaches it as a patch: the C side keeps the blocks
 * the page shows, finds the range of blocks whose HTML changed (common prefix
 * and suffix by string equality) and sends only that range, plus the line
 * numbers of the blocks that merely moved. preview.js, injected in an
 * isolated world, applies the patch without touching the other nodes (their
 * pictures are not reloaded) and keeps the reader's place.
 *
 * The band over the header (a draft, a scheduled or an expired post) goes
 * with the rendering the page starts with, or by itself once it is ready.
 */

#define G_LOG_DOMAIN "byline-preview"

#include "config.h"

#include "byline-preview-private.h"
#include "byline-preview-patch.h"

#define SHELL_RESOURCE RESOURCE_BASE "/preview/shell.html"

static void
evaluate_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object), result, &error);
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("The preview could not run its script: %s", error->message);
}

static void
run_script (BylinePreview *self,
            GString       *script)
{
  webkit_web_view_evaluate_javascript (self->web_view, script->str, script->len,
                                       SCRIPT_WORLD, NULL, self->cancellable,
                                       evaluate_done_cb, NULL);
}

/* [kind, text] for bylineSetBand(), or null. */
static void
append_band (BylinePreview *self,
             GString       *json)
{
  if (self->band_kind == NULL)
    {
      g_string_append (json, "null,null");
      return;
    }
  byline_json_string_append (json, self->band_kind);
  g_string_append_c (json, ',');
  byline_json_string_append (json, self->band_text != NULL ? self->band_text : "");
}

void
byline_preview_send_band (BylinePreview *self)
{
  g_autoptr(GString) script = g_string_new ("bylineSetBand(");

  append_band (self, script);
  g_string_append (script, ");");
  run_script (self, script);
}

/* The rendering the page starts with, as JSON for preview.js: {"header":
 * HTML, "band": [kind, text], "blocks": [[HTML, first line, last line], …]}. */
static char *
build_initial (BylinePreview *self)
{
  g_autoptr(GString) json = g_string_new ("{\"header\":");

  byline_json_string_append (json, self->rendering->header_html);
  g_string_append (json, ",\"band\":[");
  append_band (self, json);
  g_string_append_c (json, ']');
  g_string_append (json, ",\"blocks\":[");
  for (guint i = 0; i < self->rendering->blocks->len; i++)
    {
      const BylineBlock *block = g_ptr_array_index (self->rendering->blocks, i);

      if (i > 0)
        g_string_append_c (json, ',');
      g_string_append_c (json, '[');
      byline_json_string_append (json, block->html);
      g_string_append_printf (json, ",%u,%u]", block->first_line, block->last_line);
    }
  g_string_append (json, "]}");

  return g_string_free (g_steal_pointer (&json), FALSE);
}

void
byline_preview_load_shell (BylinePreview *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) html = NULL;
  g_autofree char *policy = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *generation = NULL;
  g_autofree char *initial = NULL;
  g_autofree char *escaped_initial = NULL;

  bytes = g_resources_lookup_data (SHELL_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (bytes != NULL);

  self->generation++;
  self->shell_loaded = TRUE;
  self->ready = FALSE;

  /* The page paints the latest rendering in its first frame: no empty page
   * shows before a patch. From here on the page shows it. */
  if (self->pending != NULL)
    {
      g_clear_pointer (&self->rendering, byline_rendering_unref);
      self->rendering = g_steal_pointer (&self->pending);
    }
  initial = self->rendering != NULL ? build_initial (self) : g_strdup ("null");
  escaped_initial = g_markup_escape_text (initial, -1);

  policy = byline_preview_build_policy (self);
  escaped = g_markup_escape_text (policy, -1);
  generation = g_strdup_printf ("%u", self->generation);

  html = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_string_replace (html, "@POLICY@", escaped, 1);
  g_string_replace (html, "@GENERATION@", generation, 1);
  g_string_replace (html, "@INITIAL@", escaped_initial, 1);

  webkit_web_view_load_html (self->web_view, html->str,
                             self->base_uri != NULL ? self->base_uri : "about:blank");
}

static gboolean
load_shell_cb (gpointer user_data)
{
  BylinePreview *self = user_data;

  self->load_source = 0;
  byline_preview_load_shell (self);

  return G_SOURCE_REMOVE;
}

/* Loads the shell page once the caller is done, so that a folder and a
 * rendering given one after the other (as a post opens) make one page that
 * shows the rendering from its first frame. Meanwhile the page is not
 * ready: renderings wait for it. */
void
byline_preview_queue_load_shell (BylinePreview *self)
{
  self->shell_loaded = TRUE;
  self->ready = FALSE;
  if (self->load_source == 0)
    self->load_source = g_idle_add_full (G_PRIORITY_HIGH, load_shell_cb, self, NULL);
}

static void patch_done_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data);

/* Makes @rendering the preview's (taking it over) and sends the page the
 * difference from what it shows, @old (NULL: nothing). */
static void
show (BylinePreview   *self,
      BylineRendering *rendering,
      BylineRendering *old)
{
  g_autofree char *script = NULL;

  script = byline_preview_patch_build (++self->next_seq,
                                       old != NULL ? old->header_html : NULL,
                                       old != NULL ? old->blocks : NULL,
                                       rendering->header_html, rendering->blocks);
  g_clear_pointer (&self->rendering, byline_rendering_unref);
  self->rendering = rendering;

  self->patch_in_flight = TRUE;
  webkit_web_view_evaluate_javascript (self->web_view, script, -1, SCRIPT_WORLD, NULL,
                                       self->cancellable, patch_done_cb, self);
}

/* Renderings that came while a patch was on its way wait for it, and only
 * the latest of them goes next: a page slower than the typing gets one
 * patch per round trip rather than a growing queue. */
void
byline_preview_show_pending (BylinePreview *self)
{
  g_autoptr(BylineRendering) old = NULL;

  if (self->pending == NULL)
    return;
  old = self->rendering != NULL ? byline_rendering_ref (self->rendering) : NULL;
  show (self, g_steal_pointer (&self->pending), old);
}

static void
patch_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  BylinePreview *self;
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object), result, &error);
  /* Cancelled: the preview is gone, and user_data with it. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = BYLINE_PREVIEW (user_data);
  self->patch_in_flight = FALSE;
  if (error != NULL)
    g_warning ("The preview could not apply a change: %s", error->message);
  if (self->ready)
    byline_preview_show_pending (self);
}

void
byline_preview_send_scroll_to_line (BylinePreview *self,
                                    guint          line)
{
  g_autoptr(GString) script = g_string_new (NULL);

  g_string_printf (script, "bylineScrollToLine(%u);", line);
  run_script (self, script);
}

void
byline_preview_update (BylinePreview   *self,
                       BylineRendering *rendering)
{
  g_autoptr(BylineRendering) old = NULL;

  g_return_if_fail (BYLINE_IS_PREVIEW (self));
  g_return_if_fail (rendering != NULL && rendering->blocks != NULL);

  if (self->ready && !self->patch_in_flight)
    {
      old = self->rendering != NULL ? byline_rendering_ref (self->rendering) : NULL;
      show (self, byline_rendering_ref (rendering), old);
      return;
    }

  /* Until the shell is ready, or while a patch is on its way, only the
   * latest rendering matters. */
  g_clear_pointer (&self->pending, byline_rendering_unref);
  self->pending = byline_rendering_ref (rendering);

  if (!self->shell_loaded)
    byline_preview_queue_load_shell (self);
}

void
byline_preview_scroll_to_line (BylinePreview *self,
                               guint          line)
{
  g_return_if_fail (BYLINE_IS_PREVIEW (self));

  if (self->ready)
    byline_preview_send_scroll_to_line (self, line);
  else
    {
      self->pending_line = line;
      self->has_pending_line = TRUE;
    }
}

void
byline_preview_set_band (BylinePreview *self,
                         const char    *kind,
                         const char    *text)
{
  g_return_if_fail (BYLINE_IS_PREVIEW (self));

  if (kind == NULL)
    text = NULL;
  if (g_strcmp0 (self->band_kind, kind) == 0 && g_strcmp0 (self->band_text, text) == 0)
    return;

  g_free (self->band_kind);
  g_free (self->band_text);
  self->band_kind = g_strdup (kind);
  self->band_text = g_strdup (text);

  /* A page still loading gets the band with its first rendering, or once
   * it is ready. */
  if (self->ready)
    byline_preview_send_band (self);
}
