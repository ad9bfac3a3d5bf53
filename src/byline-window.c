/* byline-window.c — a window editing one post beside its preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-window"

#include "config.h"

#include "byline-window-private.h"

#include "byline-start-page.h"

#include <glib/gi18n.h>
#include <string.h>

/* How long one side of the scroll sync ignores its own scroll reports after
 * the other side moved it: long enough for a smooth scroll to settle. */
#define SCROLL_SYNC_GUARD_USEC (250 * G_TIME_SPAN_MILLISECOND)

G_DEFINE_FINAL_TYPE (BylineWindow, byline_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SHOW_PREVIEW,
  PROP_SHOW_SIDEBAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_folder_display (GFile *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *path = g_file_get_path (folder != NULL ? folder : file);
  const char *home = g_get_home_dir ();
  gsize home_len = home != NULL ? strlen (home) : 0;

  if (path == NULL)
    return g_file_get_parse_name (folder != NULL ? folder : file);

  if (home_len > 1 && g_str_has_prefix (path, home)
      && (path[home_len] == '/' || path[home_len] == '\0'))
    return g_strconcat ("~", path + home_len, NULL);

  return g_steal_pointer (&path);
}

/* Which site and profile the post is checked against: "OpenTelemetry ·
 * Hugo profile learned from the site", "istio.io blog · istio.io preset". */
static char *
dup_profile_display (BylineProfile *profile)
{
  const char *name = profile != NULL ? byline_profile_get_name (profile) : NULL;
  const char *description = profile != NULL ? byline_profile_get_description (profile) : NULL;

  if (name == NULL || name[0] == '\0')
    return g_strdup (description);
  if (description == NULL || description[0] == '\0' || strcmp (name, _("Hugo")) == 0)
    return g_strdup (description != NULL && description[0] != '\0' ? description : name);
  /* Translators: the site or profile's name, then what kind of profile it is. */
  return g_strdup_printf (_("%s · %s"), name, description);
}

static void
byline_window_update_title (BylineWindow *self)
{
  GFile *file = byline_document_get_file (self->document);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *profile = NULL;

  if (file == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Byline"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Byline"));
      return;
    }

  name = byline_document_dup_display_name (self->document);
  if (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document)))
    title = g_strconcat ("• ", name, NULL);
  else
    title = g_steal_pointer (&name);

  folder = dup_folder_display (file);
  profile = dup_profile_display (byline_document_get_profile (self->document));
  /* Translators: which site and profile the post is checked against, then
   * its folder. */
  subtitle = g_strdup_printf (_("%s — %s"), profile, folder);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

const char *
byline_window_get_title_text (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);

  return adw_window_title_get_title (self->window_title);
}

const char *
byline_window_get_subtitle_text (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);

  return adw_window_title_get_subtitle (self->window_title);
}

void
byline_window_add_toast (BylineWindow *self,
                         const char   *message)
{
  AdwToast *toast;

  g_return_if_fail (BYLINE_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
byline_window_update_changed_bar (BylineWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  GFile *file = byline_document_get_file (self->document);
  gboolean changed = byline_document_get_externally_modified (self->document);

  if (changed && file != NULL)
    {
      name = g_file_get_basename (file);

      if (byline_document_get_deleted (self->document))
        message = g_strdup_printf (_("“%s” was deleted or moved. Save the post to keep it."),
                                   name);
      else if (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document)))
        message = g_strdup_printf (_("“%s” changed on disk. Reload it to see the new version "
                                     "instead of your unsaved changes, or keep your version "
                                     "and save it."), name);
      else
        message = g_strdup_printf (_("“%s” changed on disk. Reload it to see the new version."),
                                   name);

      gtk_label_set_label (self->changed_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->reload_button),
                              !byline_document_get_deleted (self->document));
    }

  gtk_revealer_set_reveal_child (self->changed_revealer, changed);
}

static void
document_modified_changed_cb (BylineWindow   *self,
                              BylineDocument *document)
{
  byline_window_update_title (self);
  byline_window_update_changed_bar (self);
}

static void
document_title_changed_cb (BylineWindow   *self,
                           GParamSpec     *pspec,
                           BylineDocument *document)
{
  byline_window_update_title (self);
}

static void
document_file_changed_cb (BylineWindow   *self,
                          GParamSpec     *pspec,
                          BylineDocument *document)
{
  GFile *file = byline_document_get_file (document);
  g_autoptr(GFile) folder = file != NULL ? g_file_get_parent (file) : NULL;

  if (folder != NULL)
    byline_preview_pane_set_folder (self->preview, folder);

  gtk_stack_set_visible_child_name (self->stack, file != NULL ? "editor" : "start");
  byline_window_update_title (self);
  byline_window_update_actions (self);
}

static void
document_busy_changed_cb (BylineWindow   *self,
                          GParamSpec     *pspec,
                          BylineDocument *document)
{
  byline_window_update_actions (self);
}

static void
document_externally_modified_cb (BylineWindow   *self,
                                 GParamSpec     *pspec,
                                 BylineDocument *document)
{
  byline_window_update_changed_bar (self);
}

static void
document_analysis_cb (BylineWindow   *self,
                      GParamSpec     *pspec,
                      BylineDocument *document)
{
  BylineAnalysis *analysis = byline_document_get_analysis (document);

  if (analysis != NULL && byline_analysis_get_rendering (analysis) != NULL)
    byline_preview_pane_update (self->preview, byline_analysis_get_rendering (analysis));
}

/* Scroll sync */

static gboolean
byline_window_scroll_sync_enabled (BylineWindow *self)
{
  return self->show_preview
         && byline_document_get_file (self->document) != NULL
         && g_settings_get_boolean (self->settings, "scroll-sync");
}

static void
editor_top_line_changed_cb (BylineWindow *self,
                            guint         line,
                            BylineEditor *editor)
{
  gint64 now = g_get_monotonic_time ();

  if (!byline_window_scroll_sync_enabled (self) || now < self->ignore_editor_scroll_until)
    return;

  self->ignore_preview_scroll_until = now + SCROLL_SYNC_GUARD_USEC;
  byline_preview_pane_scroll_to_line (self->preview, line);
}

static void
preview_top_line_changed_cb (BylineWindow      *self,
                             guint              line,
                             BylinePreviewPane *preview)
{
  gint64 now = g_get_monotonic_time ();

  if (!byline_window_scroll_sync_enabled (self) || now < self->ignore_preview_scroll_until
      || line == 0)
    return;

  self->ignore_editor_scroll_until = now + SCROLL_SYNC_GUARD_USEC;
  byline_editor_scroll_to_line (self->editor, line);
}

static void
preview_line_activated_cb (BylineWindow      *self,
                           guint              line,
                           BylinePreviewPane *preview)
{
  if (line == 0)
    return;

  self->ignore_editor_scroll_until = g_get_monotonic_time () + SCROLL_SYNC_GUARD_USEC;
  byline_editor_goto_line (self->editor, line);
}

/* A link in the preview to another post of the site opens in Byline; the
 * preview opens everything else in the default application. */
static gboolean
preview_open_uri_cb (BylineWindow      *self,
                     const char        *uri,
                     BylinePreviewPane *preview)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *scheme = g_uri_parse_scheme (uri);
  g_autofree char *path = NULL;

  if (scheme == NULL || g_ascii_strcasecmp (scheme, "file") != 0)
    return FALSE;

  file = g_file_new_for_uri (uri);
  path = g_file_get_path (file);
  if (path == NULL || !(g_str_has_suffix (path, ".md") || g_str_has_suffix (path, ".markdown")))
    return FALSE;

  g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                      &file, 1, "");

  return TRUE;
}

/* Settings */

static void
byline_window_set_show_preview (BylineWindow *self,
                                gboolean      show_preview)
{
  show_preview = !!show_preview;

  if (self->show_preview == show_preview)
    return;

  self->show_preview = show_preview;
  if (self->show_preview_action != NULL)
    g_simple_action_set_state (self->show_preview_action, g_variant_new_boolean (show_preview));

  /* A hidden end child gives the whole width to the editor. */
  gtk_widget_set_visible (GTK_WIDGET (self->preview), show_preview);
  g_settings_set_boolean (self->settings, "show-preview", show_preview);

  if (show_preview)
    editor_top_line_changed_cb (self, byline_editor_get_top_line (self->editor), self->editor);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PREVIEW]);
}

static void
show_preview_change_state_cb (GSimpleAction *action,
                              GVariant      *state,
                              BylineWindow  *self)
{
  byline_window_set_show_preview (self, g_variant_get_boolean (state));
}

/* Front matter sidebar */

static void
byline_window_set_show_sidebar (BylineWindow *self,
                                gboolean      show_sidebar)
{
  show_sidebar = !!show_sidebar;

  if (self->show_sidebar == show_sidebar)
    return;

  self->show_sidebar = show_sidebar;
  adw_flap_set_reveal_flap (self->flap, show_sidebar);
  g_settings_set_boolean (self->settings, "show-sidebar", show_sidebar);

  /* Hiding the form writes what was typed into it. */
  if (!show_sidebar)
    byline_front_matter_form_commit (self->form);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIDEBAR]);
}

static void
form_jump_to_line_cb (BylineWindow          *self,
                      guint                  line,
                      BylineFrontMatterForm *form)
{
  byline_editor_goto_line (self->editor, line);
  gtk_widget_grab_focus (GTK_WIDGET (self->editor));
}

static void
load_remote_images_changed_cb (BylineWindow *self,
                               const char   *key,
                               GSettings    *settings)
{
  byline_preview_pane_set_load_remote_images (self->preview,
                                              g_settings_get_boolean (settings, key));
}

void
byline_window_save_state (BylineWindow *self)
{
  int width, height;

  g_return_if_fail (BYLINE_IS_WINDOW (self));

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));

  if (self->show_preview && gtk_widget_get_mapped (GTK_WIDGET (self->paned)))
    g_settings_set_int (self->settings, "pane-position", gtk_paned_get_position (self->paned));
}

static void
byline_window_restore_state (BylineWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");
  int position = g_settings_get_int (self->settings, "pane-position");

  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 300));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* -1 splits the window in half: the paned's own position is measured
   * from the left, so it is set once the width is known. */
  if (position >= 0)
    gtk_paned_set_position (self->paned, position);
  else
    gtk_paned_set_position (self->paned, MAX (width, 360) / 2);
}

/* Public API */

BylineWindow *
byline_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (BYLINE_TYPE_WINDOW, "application", application, NULL);
}

BylineDocument *
byline_window_get_document (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);

  return self->document;
}

gboolean
byline_window_is_empty (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), FALSE);

  return byline_document_get_file (self->document) == NULL
         && !byline_document_get_busy (self->document)
         && !gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document));
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(BylineWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!byline_document_load_finish (BYLINE_DOCUMENT (object), result, &error))
    {
      self->restore_on_load = FALSE;
      if (byline_document_get_file (self->document) == NULL)
        gtk_stack_set_visible_child_name (self->stack, "start");
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        byline_window_add_toast (self, error->message);
      return;
    }

  byline_window_drafts_loaded (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->editor));
}

void
byline_window_load (BylineWindow *self,
                    GFile        *file)
{
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (BYLINE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* The editor shows at once, so that a window opened on a post does not
   * flash its start page while the file is read; the preview starts its
   * page for the post's folder meanwhile. */
  gtk_stack_set_visible_child_name (self->stack, "editor");
  if ((folder = g_file_get_parent (file)) != NULL)
    byline_preview_pane_set_folder (self->preview, folder);
  byline_document_load_async (self->document, file, self->cancellable,
                              load_cb, g_object_ref (self));
}

/* GTK 4.8's shortcuts window shows its search button, search entry and
 * sections button to screen readers without names. */
static void
name_shortcuts_controls (GtkWidget *widget)
{
  const char *name = NULL;

  if (GTK_IS_SEARCH_ENTRY (widget)
      || (GTK_IS_TOGGLE_BUTTON (widget)
          && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)),
                        "edit-find-symbolic") == 0))
    name = _("Search Shortcuts");
  else if (GTK_IS_MENU_BUTTON (widget))
    name = _("Shortcut Sections");

  if (name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_shortcuts_controls (child);
}

/* The shortcuts window is built the first time it is asked for, not with
 * every window (GtkApplication would build it from gtk/help-overlay.ui as
 * each window is added: 10-15 ms before the first frame). */
static void
show_help_overlay_cb (GSimpleAction *action,
                      GVariant      *param,
                      BylineWindow  *self)
{
  GtkShortcutsWindow *help_overlay;

  help_overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));
  if (help_overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE
                                                                     "/byline-shortcuts-window.ui");

      help_overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      name_shortcuts_controls (GTK_WIDGET (help_overlay));
      /* The window keeps this action: GTK adds its own only without one. */
      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self), help_overlay);
    }

  gtk_widget_set_visible (GTK_WIDGET (help_overlay), TRUE);
}

/* GObject */

static void
byline_window_constructed (GObject *object)
{
  BylineWindow *self = BYLINE_WINDOW (object);

  G_OBJECT_CLASS (byline_window_parent_class)->constructed (object);

  byline_window_update_title (self);
  byline_window_update_actions (self);
}

static void
byline_window_dispose (GObject *object)
{
  BylineWindow *self = BYLINE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  byline_window_dispose_drafts (self);
  byline_window_dispose_shortcode (self);
  byline_window_dispose_writing (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_WINDOW);

  G_OBJECT_CLASS (byline_window_parent_class)->dispose (object);
}

static void
byline_window_finalize (GObject *object)
{
  BylineWindow *self = BYLINE_WINDOW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->show_preview_action);

  G_OBJECT_CLASS (byline_window_parent_class)->finalize (object);
}

static void
byline_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BylineWindow *self = BYLINE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SHOW_PREVIEW:
      g_value_set_boolean (value, self->show_preview);
      break;

    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->show_sidebar);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BylineWindow *self = BYLINE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_PREVIEW:
      byline_window_set_show_preview (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_SIDEBAR:
      byline_window_set_show_sidebar (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_window_class_init (BylineWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = byline_window_constructed;
  object_class->dispose = byline_window_dispose;
  object_class->finalize = byline_window_finalize;
  object_class->get_property = byline_window_get_property;
  object_class->set_property = byline_window_set_property;


  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         BYLINE_TYPE_DOCUMENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SHOW_PREVIEW] =
    g_param_spec_boolean ("show-preview", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BYLINE_TYPE_EDITOR);
  g_type_ensure (BYLINE_TYPE_FRONT_MATTER_FORM);
  g_type_ensure (BYLINE_TYPE_PREVIEW_PANE);
  g_type_ensure (BYLINE_TYPE_START_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/byline-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, preview);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, changed_revealer);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, changed_label);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, reload_button);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, form);

  byline_window_class_init_actions (klass);
  byline_window_class_init_save (klass);
  byline_window_class_init_drafts (klass);
  byline_window_class_init_image (klass);
  byline_window_class_init_shortcode (klass);
  byline_window_class_init_photos (klass);
  byline_window_class_init_new_post (klass);
  byline_window_class_init_problems (klass);
  byline_window_class_init_profile (klass);
  byline_window_class_init_writing (klass);
}

static void
byline_window_init (BylineWindow *self)
{
  g_autoptr(GSimpleAction) help_overlay_action = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APPLICATION_ID);
  self->document = byline_document_new ();
  byline_editor_set_document (self->editor, self->document);
  byline_front_matter_form_set_document (self->form, self->document);
  g_signal_connect_object (self->form, "jump-to-line",
                           G_CALLBACK (form_jump_to_line_cb), self, G_CONNECT_SWAPPED);
  byline_window_init_image (self);
  byline_window_init_shortcode (self);
  byline_window_init_photos (self);
  byline_window_init_problems (self);
  byline_window_init_profile (self);
  byline_window_init_save (self);
  byline_window_init_drafts (self);
  byline_window_init_writing (self);

  g_signal_connect_object (self->document, "modified-changed",
                           G_CALLBACK (document_modified_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::title",
                           G_CALLBACK (document_title_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file",
                           G_CALLBACK (document_file_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::busy",
                           G_CALLBACK (document_busy_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::externally-modified",
                           G_CALLBACK (document_externally_modified_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::analysis",
                           G_CALLBACK (document_analysis_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->editor, "top-line-changed",
                           G_CALLBACK (editor_top_line_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preview, "top-line-changed",
                           G_CALLBACK (preview_top_line_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preview, "line-activated",
                           G_CALLBACK (preview_line_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preview, "open-uri",
                           G_CALLBACK (preview_open_uri_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->settings, "changed::load-remote-images",
                           G_CALLBACK (load_remote_images_changed_cb), self,
                           G_CONNECT_SWAPPED);
  load_remote_images_changed_cb (self, "load-remote-images", self->settings);

  help_overlay_action = g_simple_action_new ("show-help-overlay", NULL);
  g_signal_connect_object (help_overlay_action, "activate",
                           G_CALLBACK (show_help_overlay_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (help_overlay_action));

  self->show_preview = TRUE;
  self->show_preview_action = g_simple_action_new_stateful ("show-preview", NULL,
                                                            g_variant_new_boolean (TRUE));
  g_signal_connect_object (self->show_preview_action, "change-state",
                           G_CALLBACK (show_preview_change_state_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (self->show_preview_action));
  byline_window_set_show_preview (self, g_settings_get_boolean (self->settings, "show-preview"));
  byline_window_set_show_sidebar (self, g_settings_get_boolean (self->settings, "show-sidebar"));
  byline_window_restore_state (self);

  gtk_stack_set_visible_child_name (self->stack, "start");
}
