/* byline-preview.c — the rendered post, patched in place as the source changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The widget: a web view, its properties and the signals that tell what
 * happens in its page. The page itself, its band and the patches that keep
 * it up to date are in byline-preview-page.c; what the page may load, run
 * and open is in byline-preview-policy.c.
 *
 * Opening a post: the page loads as soon as the folder is known, so that the
 * web process starts while the window is built and the post is read; and
 * "painted" says when the page has painted its first rendering, which the
 * window's pane (byline-preview-pane.c) waits for before it shows the view,
 * so that no empty or half-built page ever shows.
 */

#define G_LOG_DOMAIN "byline-preview"

#include "config.h"

#include "byline-preview-private.h"

#include <glib/gi18n.h>

#define MESSAGE_HANDLER "byline"
#define SCRIPT_RESOURCE RESOURCE_BASE "/preview/preview.js"
#define DEFAULT_STYLESHEET_RESOURCE RESOURCE_BASE "/style/post.css"

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
      byline_preview_send_band (self);
      if (!self->patch_in_flight)
        byline_preview_show_pending (self);
      if (self->has_pending_line)
        {
          self->has_pending_line = FALSE;
          byline_preview_send_scroll_to_line (self, self->pending_line);
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
    byline_preview_load_shell (self);
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
  g_autoptr(WebKitSettings) settings = byline_preview_create_settings ();
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
  byline_preview_init_policy (self);
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
    byline_preview_queue_load_shell (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDER]);
}

GFile *
byline_preview_get_folder (BylinePreview *self)
{
  g_return_val_if_fail (BYLINE_IS_PREVIEW (self), NULL);

  return self->folder;
}

gboolean
byline_preview_get_painted (BylinePreview *self)
{
  g_return_val_if_fail (BYLINE_IS_PREVIEW (self), FALSE);

  return self->painted;
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
    byline_preview_queue_load_shell (self);

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
    byline_preview_queue_load_shell (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SITE_FOLDERS]);
}
