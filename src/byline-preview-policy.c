/* byline-preview-policy.c — what the preview's page may load, run and open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page is the post, which is not to be trusted: its scripts never run,
 * its content security policy (in the shell page) lets it load files from
 * the post's folder only, pictures also from the site's static and assets
 * folders and, when the setting allows, from the web. It never navigates:
 * a link the reader follows opens outside, and the context menu keeps only
 * what makes sense on a preview.
 */

#define G_LOG_DOMAIN "byline-preview"

#include "config.h"

#include "byline-preview-private.h"

#include <string.h>

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

char *
byline_preview_build_policy (BylinePreview *self)
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

  g_signal_emit_by_name (self, "open-uri", uri, &handled);
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

WebKitSettings *
byline_preview_create_settings (void)
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

void
byline_preview_init_policy (BylinePreview *self)
{
  g_signal_connect_swapped (self->web_view, "decide-policy",
                            G_CALLBACK (decide_policy_cb), self);
  g_signal_connect_swapped (self->web_view, "context-menu",
                            G_CALLBACK (context_menu_cb), self);
}
