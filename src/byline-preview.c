/* byline-preview.c — the rendered post, patched in place as the source changes
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
 * Opening a post: the page loads as soon as the folder is known, so that the
 * web process starts while the window is built and the post is read; and
 * "painted" says when the page has painted its first rendering, which the
 * window's pane (byline-preview-pane.c) waits for before it shows the view,
 * so that no empty or half-built page ever shows.
 */

#define G_LOG_DOMAIN "byline-preview"

#include "config.h"

#include "byline-preview.h"
#include "byline-preview-patch.h"

#include <glib/gi18n.h>
#include <string.h>

#define SCRIPT_WORLD "byline"
#define MESSAGE_HANDLER "byline"
#define SHELL_RESOURCE RESOURCE_BASE "/preview/shell.html"
#define SCRIPT_RESOURCE RESOURCE_BASE "/preview/preview.js"
#define DEFAULT_STYLESHEET_RESOURCE RESOURCE_BASE "/style/post.css"

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

  guint                     load_source;   /* a load_shell() to come */
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

G_DEFINE_FINAL_TYPE (BylinePreview, byline_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_LOAD_REMOTE_IMAGES,
  PROP_PAINTED,
  PROP_STYLESHEET,
  PROP_SITE_FOLDERS,
  N_PROPS
};

enum {
  TOP_LINE_CHANGED,
  LINE_ACTIVATED,
  PATCHED,
  OPEN_URI,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* " file://" "*" "/the/folder/": a policy source with a path matches that
 * folder and below. File URIs have no host, which only the wildcard host matches.
 * Every character that could end the source is escaped in the path. */
static void
append_folder_source (GString    *out,
                      const char *path)
{
  g_autofree char *escaped_path = g_uri_escape_string (path, "/", FALSE);

  g_string_append_printf (out, " file://*%s%s", escaped_path,
                          g_str_has_suffix (escaped_path, "/") ? "" : "/");
}

static char *
build_policy (BylinePreview *self)
{
  GString *policy = g_string_new ("default-src 'none'; script-src 'none'; "
                                  "base-uri 'none'; form-action 'none'; ");
  g_autofree char *path = NULL;
  g_autofree char *files = NULL;
  g_autoptr(GString) pictures = g_string_new (NULL);

  /* Only the folder's files. */
  if (self->folder != NULL && (path = g_file_get_path (self->folder)) != NULL)
    {
      GString *folder = g_string_new (NULL);

      append_folder_source (folder, path);
      files = g_string_free (folder, FALSE);
    }
  else
    files = g_strdup ("");

  /* Pictures also from the site's static and assets folders, where Hugo's
   * figure shortcode finds them; nothing else of theirs loads. */
  g_string_append (pictures, files);
  for (guint i = 0; self->site_folders != NULL && self->site_folders[i] != NULL; i++)
    append_folder_source (pictures, self->site_folders[i]);

  g_string_append_printf (policy, "img-src data:%s%s; ", pictures->str,
                          self->load_remote_images ? " https: http:" : "");
  g_string_append_printf (policy, "media-src%s; ", files[0] != '\0' ? files : " 'none'");
  g_string_append_printf (policy, "font-src data:%s; ", files);
  g_string_append_printf (policy, "style-src 'unsafe-inline'%s", files);

  return g_string_free (policy, FALSE);
}

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

static void
send_band (BylinePreview *self)
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

static void
load_shell (BylinePreview *self)
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

  policy = build_policy (self);
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
  load_shell (self);

  return G_SOURCE_REMOVE;
}

/* Loads the shell page once the caller is done, so that a folder and a
 * rendering given one after the other (as a post opens) make one page that
 * shows the rendering from its first frame. Meanwhile the page is not
 * ready: renderings wait for it. */
static void
queue_load_shell (BylinePreview *self)
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
static void
show_pending (BylinePreview *self)
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
    show_pending (self);
}

static void
send_scroll_to_line (BylinePreview *self,
                     guint          line)
{
  g_autoptr(GString) script = g_string_new (NULL);

  g_string_printf (script, "bylineScrollToLine(%u);", line);
  run_script (self, script);
}

static guint
message_get_uint (JSCValue   *message,
                  const char *name)
{
  g_autoptr(JSCValue) value = jsc_value_object_get_property (message, name);

  if (!jsc_value_is_number (value))
    return 0;
  return (guint) CLAMP (jsc_value_to_double (value), 0, G_MAXUINT);
}

static void
script_message_received_cb (BylinePreview            *self,
                            JSCValue                 *message,
                            WebKitUserContentManager *content_manager)
{
  g_autoptr(JSCValue) type_value = NULL;
  g_autofree char *type = NULL;

  g_assert (BYLINE_IS_PREVIEW (self));

  if (!jsc_value_is_object (message))
    return;
  /* Messages from a shell page that has since been replaced are stale. */
  if (message_get_uint (message, "generation") != self->generation)
    return;

  type_value = jsc_value_object_get_property (message, "type");
  type = jsc_value_to_string (type_value);

  if (g_strcmp0 (type, "ready") == 0)
    {
      /* The page shows what it was loaded with: only what came since goes. */
      self->ready = TRUE;
      /* The band may have changed since the page was made (or the page was
       * made without a rendering, and so without a band). */
      send_band (self);
      if (!self->patch_in_flight)
        show_pending (self);
      if (self->has_pending_line)
        {
          self->has_pending_line = FALSE;
          send_scroll_to_line (self, self->pending_line);
        }
    }
  else if (g_strcmp0 (type, "patched") == 0)
    g_signal_emit (self, signals[PATCHED], 0);
  else if (g_strcmp0 (type, "painted") == 0 && !self->painted)
    {
      self->painted = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAINTED]);
    }
  else if (g_strcmp0 (type, "top-line-changed") == 0)
    g_signal_emit (self, signals[TOP_LINE_CHANGED], 0, message_get_uint (message, "line"));
  else if (g_strcmp0 (type, "line-activated") == 0)
    g_signal_emit (self, signals[LINE_ACTIVATED], 0, message_get_uint (message, "line"));
}

static void
show_uri_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Nothing to undo when no application takes the link; the preview stays. */
  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error))
    g_debug ("Could not open a link from the preview: %s", error->message);
}

static gboolean
is_in_folder (BylinePreview *self,
              const char    *uri)
{
  g_autoptr(GFile) file = NULL;

  if (self->folder == NULL)
    return FALSE;
  file = g_file_new_for_uri (uri);
  return g_file_has_prefix (file, self->folder);
}

/* A link the reader followed: it opens outside, never in the preview. */
static void
open_link (BylinePreview *self,
           const char    *uri)
{
  g_autofree char *scheme = g_uri_parse_scheme (uri);
  gboolean handled = FALSE;
  GtkRoot *root;

  if (scheme == NULL)
    return;
  /* Files outside the bundle stay out of reach, as they do for the page. */
  if (g_ascii_strcasecmp (scheme, "file") == 0 && !is_in_folder (self, uri))
    return;
  if (g_ascii_strcasecmp (scheme, "javascript") == 0
      || g_ascii_strcasecmp (scheme, "data") == 0
      || g_ascii_strcasecmp (scheme, "about") == 0)
    return;

  g_signal_emit (self, signals[OPEN_URI], 0, uri, &handled);
  if (handled)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  gtk_show_uri_full (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME,
                     NULL, show_uri_done_cb, NULL);
}

/* The shell page itself, or a jump to an anchor inside it. */
static gboolean
is_shell_uri (BylinePreview *self,
              const char    *uri)
{
  const char *shell = self->base_uri != NULL ? self->base_uri : "about:blank";
  gsize length = strlen (shell);

  return strncmp (uri, shell, length) == 0 && (uri[length] == '\0' || uri[length] == '#');
}

static gboolean
decide_policy_cb (BylinePreview            *self,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  WebKitWebView            *web_view)
{
  WebKitNavigationAction *action;
  WebKitURIRequest *request;
  WebKitNavigationType navigation_type;
  const char *uri;

  if (type != WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION
      && type != WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION)
    return FALSE;

  action = webkit_navigation_policy_decision_get_navigation_action (
             WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  request = webkit_navigation_action_get_request (action);
  uri = webkit_uri_request_get_uri (request);
  navigation_type = webkit_navigation_action_get_navigation_type (action);

  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION
      && webkit_navigation_action_is_redirect (action) == FALSE
      && is_shell_uri (self, uri)
      && (navigation_type == WEBKIT_NAVIGATION_TYPE_OTHER
          || navigation_type == WEBKIT_NAVIGATION_TYPE_RELOAD
          || (navigation_type == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED && strchr (uri, '#'))))
    {
      webkit_policy_decision_use (decision);
      return TRUE;
    }

  if (navigation_type == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED)
    open_link (self, uri);

  webkit_policy_decision_ignore (decision);
  return TRUE;
}

static gboolean
context_menu_cb (BylinePreview       *self,
                 WebKitContextMenu   *menu,
                 WebKitHitTestResult *hit_test_result,
                 WebKitWebView       *web_view)
{
  GList *items = g_list_copy (webkit_context_menu_get_items (menu));

  /* Only what makes sense on a preview stays: copying, mostly. Anything that
   * would navigate the view, open a window or download is taken out. */
  for (const GList *l = items; l != NULL; l = l->next)
    {
      WebKitContextMenuItem *item = l->data;

      switch ((int) webkit_context_menu_item_get_stock_action (item))
        {
        case WEBKIT_CONTEXT_MENU_ACTION_OPEN_LINK:
        case WEBKIT_CONTEXT_MENU_ACTION_OPEN_LINK_IN_NEW_WINDOW:
        case WEBKIT_CONTEXT_MENU_ACTION_DOWNLOAD_LINK_TO_DISK:
        case WEBKIT_CONTEXT_MENU_ACTION_OPEN_IMAGE_IN_NEW_WINDOW:
        case WEBKIT_CONTEXT_MENU_ACTION_DOWNLOAD_IMAGE_TO_DISK:
        case WEBKIT_CONTEXT_MENU_ACTION_OPEN_FRAME_IN_NEW_WINDOW:
        case WEBKIT_CONTEXT_MENU_ACTION_GO_BACK:
        case WEBKIT_CONTEXT_MENU_ACTION_GO_FORWARD:
        case WEBKIT_CONTEXT_MENU_ACTION_STOP:
        case WEBKIT_CONTEXT_MENU_ACTION_RELOAD:
        case WEBKIT_CONTEXT_MENU_ACTION_OPEN_VIDEO_IN_NEW_WINDOW:
        case WEBKIT_CONTEXT_MENU_ACTION_OPEN_AUDIO_IN_NEW_WINDOW:
        case WEBKIT_CONTEXT_MENU_ACTION_DOWNLOAD_VIDEO_TO_DISK:
        case WEBKIT_CONTEXT_MENU_ACTION_DOWNLOAD_AUDIO_TO_DISK:
          webkit_context_menu_remove (menu, item);
          break;
        default:
          break;
        }
    }
  g_list_free (items);

  return webkit_context_menu_get_n_items (menu) == 0;
}

static void
web_process_terminated_cb (BylinePreview                     *self,
                           WebKitWebProcessTerminationReason  reason,
                           WebKitWebView                     *web_view)
{
  /* A crash of the page's process must not leave a blank preview: load the
   * shell again, and the blocks follow once it is ready. A process that did
   * not get as far as the ready shell is not restarted in a loop: the next
   * update tries again. */
  if (reason == WEBKIT_WEB_PROCESS_TERMINATED_BY_API || !self->shell_loaded)
    return;
  g_message ("The preview's web process ended; reloading the preview");
  if (self->ready)
    load_shell (self);
  else
    {
      self->shell_loaded = FALSE;
      self->ready = FALSE;
    }
}

static void
update_stylesheet (BylinePreview *self)
{
  g_autoptr(WebKitUserStyleSheet) sheet = NULL;

  webkit_user_content_manager_remove_all_style_sheets (self->content_manager);
  if (self->stylesheet == NULL || self->stylesheet[0] == '\0')
    return;
  sheet = webkit_user_style_sheet_new (self->stylesheet,
                                       WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                       WEBKIT_USER_STYLE_LEVEL_AUTHOR,
                                       NULL, NULL);
  webkit_user_content_manager_add_style_sheet (self->content_manager, sheet);
}

static char *
load_default_stylesheet (void)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resources_lookup_data (DEFAULT_STYLESHEET_RESOURCE,
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    return g_strdup ("");
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static WebKitSettings *
create_settings (void)
{
  WebKitSettings *settings = webkit_settings_new ();

  /* Byline's own script goes through the user content manager, which this
   * does not affect; the post's <script>s and on* attributes never run. */
  webkit_settings_set_enable_javascript_markup (settings, FALSE);
  webkit_settings_set_javascript_can_open_windows_automatically (settings, FALSE);
  webkit_settings_set_javascript_can_access_clipboard (settings, FALSE);
  webkit_settings_set_allow_file_access_from_file_urls (settings, FALSE);
  webkit_settings_set_allow_universal_access_from_file_urls (settings, FALSE);
  webkit_settings_set_enable_page_cache (settings, FALSE);
  webkit_settings_set_enable_html5_local_storage (settings, FALSE);
  webkit_settings_set_enable_html5_database (settings, FALSE);
  webkit_settings_set_enable_webaudio (settings, FALSE);
  webkit_settings_set_enable_webgl (settings, FALSE);
  webkit_settings_set_enable_back_forward_navigation_gestures (settings, FALSE);
  webkit_settings_set_media_playback_requires_user_gesture (settings, TRUE);
  /* A post is a static page: the web process paints it on the CPU, without
   * a GL context of its own and its buffers (half the memory of the
   * preview under software GL), and its frames reach the view in order
   * with its messages, so that "painted" means painted. */
  webkit_settings_set_hardware_acceleration_policy (settings,
                                                    WEBKIT_HARDWARE_ACCELERATION_POLICY_NEVER);

  return settings;
}

/* What every preview of the application shares: one web context with
 * small memory caches, and one ephemeral network session (no cache or
 * cookies on disk), so that previews add no processes of their own. */
static WebKitNetworkSession *
get_network_session (void)
{
  static WebKitNetworkSession *session;

  if (session == NULL)
    {
      webkit_web_context_set_cache_model (webkit_web_context_get_default (),
                                          WEBKIT_CACHE_MODEL_DOCUMENT_VIEWER);
      session = webkit_network_session_new_ephemeral ();
    }
  return session;
}

static void
byline_preview_dispose (GObject *object)
{
  BylinePreview *self = BYLINE_PREVIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->load_source, g_source_remove);
  if (self->content_manager != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->content_manager, self);
      webkit_user_content_manager_unregister_script_message_handler (self->content_manager,
                                                                      MESSAGE_HANDLER,
                                                                      SCRIPT_WORLD);
    }
  if (self->web_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->web_view, self);
      gtk_widget_unparent (GTK_WIDGET (self->web_view));
      self->web_view = NULL;
    }
  g_clear_object (&self->content_manager);

  G_OBJECT_CLASS (byline_preview_parent_class)->dispose (object);
}

static void
byline_preview_finalize (GObject *object)
{
  BylinePreview *self = BYLINE_PREVIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->base_uri, g_free);
  g_clear_pointer (&self->site_folders, g_strfreev);
  g_clear_pointer (&self->stylesheet, g_free);
  g_clear_pointer (&self->band_kind, g_free);
  g_clear_pointer (&self->band_text, g_free);
  g_clear_pointer (&self->rendering, byline_rendering_unref);
  g_clear_pointer (&self->pending, byline_rendering_unref);

  G_OBJECT_CLASS (byline_preview_parent_class)->finalize (object);
}

static void
byline_preview_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BylinePreview *self = BYLINE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;
    case PROP_LOAD_REMOTE_IMAGES:
      g_value_set_boolean (value, self->load_remote_images);
      break;
    case PROP_PAINTED:
      g_value_set_boolean (value, self->painted);
      break;
    case PROP_STYLESHEET:
      g_value_set_string (value, self->stylesheet);
      break;
    case PROP_SITE_FOLDERS:
      g_value_set_boxed (value, self->site_folders);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_preview_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BylinePreview *self = BYLINE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      byline_preview_set_folder (self, g_value_get_object (value));
      break;
    case PROP_LOAD_REMOTE_IMAGES:
      byline_preview_set_load_remote_images (self, g_value_get_boolean (value));
      break;
    case PROP_STYLESHEET:
      byline_preview_set_stylesheet (self, g_value_get_string (value));
      break;
    case PROP_SITE_FOLDERS:
      byline_preview_set_site_folders (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_preview_class_init (BylinePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_preview_dispose;
  object_class->finalize = byline_preview_finalize;
  object_class->get_property = byline_preview_get_property;
  object_class->set_property = byline_preview_set_property;

  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOAD_REMOTE_IMAGES] =
    g_param_spec_boolean ("load-remote-images", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * BylinePreview:painted:
   *
   * The page has painted a rendering: from now on the view shows the post,
   * never an empty page.
   */
  properties[PROP_PAINTED] =
    g_param_spec_boolean ("painted", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STYLESHEET] =
    g_param_spec_string ("stylesheet", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * BylinePreview:site-folders:
   *
   * The site's static and assets folders: pictures load from them too.
   */
  properties[PROP_SITE_FOLDERS] =
    g_param_spec_boxed ("site-folders", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[TOP_LINE_CHANGED] =
    g_signal_new ("top-line-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[LINE_ACTIVATED] =
    g_signal_new ("line-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[PATCHED] =
    g_signal_new ("patched", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[OPEN_URI] =
    g_signal_new ("open-uri", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bylinepreview");
}

static void
byline_preview_init (BylinePreview *self)
{
  g_autoptr(WebKitSettings) settings = create_settings ();
  g_autoptr(GBytes) script_bytes = NULL;
  g_autoptr(WebKitUserScript) script = NULL;
  g_autofree char *script_source = NULL;

  self->cancellable = g_cancellable_new ();
  self->stylesheet = load_default_stylesheet ();

  self->content_manager = webkit_user_content_manager_new ();
  script_bytes = g_resources_lookup_data (SCRIPT_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (script_bytes != NULL);
  script_source = g_strndup (g_bytes_get_data (script_bytes, NULL),
                             g_bytes_get_size (script_bytes));
  script = webkit_user_script_new_for_world (script_source,
                                             WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                             WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_END,
                                             SCRIPT_WORLD, NULL, NULL);
  webkit_user_content_manager_add_script (self->content_manager, script);
  webkit_user_content_manager_register_script_message_handler (self->content_manager,
                                                               MESSAGE_HANDLER, SCRIPT_WORLD);
  g_signal_connect_swapped (self->content_manager,
                            "script-message-received::" MESSAGE_HANDLER,
                            G_CALLBACK (script_message_received_cb), self);
  update_stylesheet (self);

  self->web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                                 "network-session", get_network_session (),
                                 "user-content-manager", self->content_manager,
                                 "settings", settings,
                                 NULL);
  g_signal_connect_swapped (self->web_view, "decide-policy",
                            G_CALLBACK (decide_policy_cb), self);
  g_signal_connect_swapped (self->web_view, "context-menu",
                            G_CALLBACK (context_menu_cb), self);
  g_signal_connect_swapped (self->web_view, "web-process-terminated",
                            G_CALLBACK (web_process_terminated_cb), self);
  /* The page is a document of its own for screen readers; the view says
   * what it is. WebKit keeps a text view of its own inside the view, out of
   * sight, to translate key bindings into editing commands: it is no text
   * box a user can reach, and would read as a nameless one. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->web_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preview"),
                                  -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->web_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TEXT_VIEW (child))
      gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_set_parent (GTK_WIDGET (self->web_view), GTK_WIDGET (self));
}

GtkWidget *
byline_preview_new (void)
{
  return g_object_new (BYLINE_TYPE_PREVIEW, NULL);
}

WebKitWebView *
byline_preview_get_web_view (BylinePreview *self)
{
  g_return_val_if_fail (BYLINE_IS_PREVIEW (self), NULL);

  return self->web_view;
}

void
byline_preview_set_folder (BylinePreview *self,
                           GFile         *folder)
{
  g_return_if_fail (BYLINE_IS_PREVIEW (self));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  if (self->folder == folder || (self->folder != NULL && folder != NULL
                                 && g_file_equal (self->folder, folder)))
    return;

  g_set_object (&self->folder, folder);
  g_clear_pointer (&self->base_uri, g_free);
  if (folder != NULL)
    {
      g_autofree char *uri = g_file_get_uri (folder);

      /* With the trailing slash, relative URIs resolve inside the folder. */
      self->base_uri = g_str_has_suffix (uri, "/") ? g_steal_pointer (&uri)
                                                   : g_strconcat (uri, "/", NULL);
    }

  /* The page for the folder loads now, with or without a rendering: the web
   * process starts while the post is read and analysed. */
  if (self->shell_loaded || folder != NULL)
    queue_load_shell (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDER]);
}

GFile *
byline_preview_get_folder (BylinePreview *self)
{
  g_return_val_if_fail (BYLINE_IS_PREVIEW (self), NULL);

  return self->folder;
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
    queue_load_shell (self);
}

gboolean
byline_preview_get_painted (BylinePreview *self)
{
  g_return_val_if_fail (BYLINE_IS_PREVIEW (self), FALSE);

  return self->painted;
}

void
byline_preview_scroll_to_line (BylinePreview *self,
                               guint          line)
{
  g_return_if_fail (BYLINE_IS_PREVIEW (self));

  if (self->ready)
    send_scroll_to_line (self, line);
  else
    {
      self->pending_line = line;
      self->has_pending_line = TRUE;
    }
}

gboolean
byline_preview_get_load_remote_images (BylinePreview *self)
{
  g_return_val_if_fail (BYLINE_IS_PREVIEW (self), FALSE);

  return self->load_remote_images;
}

void
byline_preview_set_load_remote_images (BylinePreview *self,
                                       gboolean       load_remote_images)
{
  g_return_if_fail (BYLINE_IS_PREVIEW (self));

  load_remote_images = !!load_remote_images;
  if (self->load_remote_images == load_remote_images)
    return;

  self->load_remote_images = load_remote_images;
  /* The policy is part of the shell page: a new one takes a reload. */
  if (self->shell_loaded)
    queue_load_shell (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_REMOTE_IMAGES]);
}

const char *
byline_preview_get_stylesheet (BylinePreview *self)
{
  g_return_val_if_fail (BYLINE_IS_PREVIEW (self), NULL);

  return self->stylesheet;
}

void
byline_preview_set_stylesheet (BylinePreview *self,
                               const char    *stylesheet)
{
  g_return_if_fail (BYLINE_IS_PREVIEW (self));

  if (g_strcmp0 (self->stylesheet, stylesheet) == 0)
    return;

  g_free (self->stylesheet);
  self->stylesheet = g_strdup (stylesheet);
  update_stylesheet (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STYLESHEET]);
}

const char * const *
byline_preview_get_site_folders (BylinePreview *self)
{
  g_return_val_if_fail (BYLINE_IS_PREVIEW (self), NULL);

  return (const char * const *) self->site_folders;
}

void
byline_preview_set_site_folders (BylinePreview      *self,
                                 const char * const *folders)
{
  g_return_if_fail (BYLINE_IS_PREVIEW (self));

  if (folders != NULL && folders[0] == NULL)
    folders = NULL;
  if (folders == NULL ? self->site_folders == NULL
                      : self->site_folders != NULL &&
                        g_strv_equal ((const char * const *) self->site_folders, folders))
    return;

  g_strfreev (self->site_folders);
  self->site_folders = g_strdupv ((char **) folders);
  /* The policy is part of the shell page: a new one takes a reload. */
  if (self->shell_loaded)
    queue_load_shell (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SITE_FOLDERS]);
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
    send_band (self);
}
