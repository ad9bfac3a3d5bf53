/* byline-preferences-window.c — the editor and preview settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-preferences"

#include "config.h"

#include "byline-preferences-window.h"

#include "byline-editor.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

struct _BylinePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkFontButton        *font_button;
  AdwComboRow          *scheme_row;
  GtkSwitch            *line_numbers_switch;
  GtkSwitch            *wrap_switch;
  GtkSpinButton        *tab_width_spin;
  GtkSwitch            *spaces_switch;
  GtkSwitch            *autosave_switch;
  GtkSwitch            *show_preview_switch;
  GtkSwitch            *scroll_sync_switch;
  GtkSwitch            *remote_images_switch;
  GtkSwitch            *keep_metadata_switch;
  AdwActionRow         *profile_row;

  GSettings            *settings;
  GtkFileChooserNative *profile_chooser;
  /* Scheme ids in the combo row's order: those of the current style. */
  GPtrArray            *scheme_ids;
  /* The list is being filled: its selection is not the user's. */
  guint                 loading_schemes : 1;
};

G_DEFINE_FINAL_TYPE (BylinePreferencesWindow, byline_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static void
scheme_selected_cb (BylinePreferencesWindow *self,
                    GParamSpec              *pspec,
                    AdwComboRow             *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (!self->loading_schemes && selected < self->scheme_ids->len)
    g_settings_set_string (self->settings, "style-scheme",
                           g_ptr_array_index (self->scheme_ids, selected));
}

/* The schemes of the style the window has now (light or dark); the editor
 * shows the counterpart of the chosen one in the other style. */
static void
byline_preferences_window_load_schemes (BylinePreferencesWindow *self)
{
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  const char * const *ids = gtk_source_style_scheme_manager_get_scheme_ids (manager);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *current = g_settings_get_string (self->settings, "style-scheme");
  GtkSourceStyleScheme *shown = byline_editor_resolve_style_scheme (current, dark);
  guint selected = GTK_INVALID_LIST_POSITION;

  self->loading_schemes = TRUE;
  g_ptr_array_set_size (self->scheme_ids, 0);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      GtkSourceStyleScheme *scheme = gtk_source_style_scheme_manager_get_scheme (manager, ids[i]);
      const char *variant = gtk_source_style_scheme_get_metadata (scheme, "variant");

      if (variant != NULL && !g_str_equal (variant, dark ? "dark" : "light"))
        continue;

      /* Schemes without metadata pair up by name: "X" and "X-dark". */
      if (variant == NULL && g_str_has_suffix (ids[i], "-dark"))
        {
          g_autofree char *base = g_strndup (ids[i], strlen (ids[i]) - strlen ("-dark"));

          if (gtk_source_style_scheme_manager_get_scheme (manager, base) != NULL)
            continue;
        }

      if (scheme == shown)
        selected = self->scheme_ids->len;
      g_ptr_array_add (self->scheme_ids, g_strdup (ids[i]));
      gtk_string_list_append (names, gtk_source_style_scheme_get_name (scheme));
    }

  adw_combo_row_set_model (self->scheme_row, G_LIST_MODEL (names));
  if (selected != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->scheme_row, selected);

  self->loading_schemes = FALSE;
}

static void
dark_changed_cb (BylinePreferencesWindow *self,
                 GParamSpec              *pspec,
                 AdwStyleManager         *style_manager)
{
  byline_preferences_window_load_schemes (self);
}

static void
profile_file_changed_cb (BylinePreferencesWindow *self,
                         const char              *key,
                         GSettings               *settings)
{
  g_autofree char *path = g_settings_get_string (settings, "profile-file");

  if (path[0] == '\0')
    adw_action_row_set_subtitle (self->profile_row,
                                 _("The built-in profile for the istio.io blog"));
  else
    adw_action_row_set_subtitle (self->profile_row, path);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.clear-profile",
                                 path[0] != '\0');
}

static void
profile_chosen_cb (BylinePreferencesWindow *self,
                   int                      response,
                   GtkFileChooserNative    *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      /* The setting holds a path: a profile is read again whenever a post
       * opens, so a URI without a local path would not do. */
      if (path != NULL)
        g_settings_set_string (self->settings, "profile-file", path);
    }

  g_clear_object (&self->profile_chooser);
}

static void
choose_profile_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  BylinePreferencesWindow *self = BYLINE_PREFERENCES_WINDOW (widget);
  g_autoptr(GtkFileFilter) yaml = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *current = g_settings_get_string (self->settings, "profile-file");

  if (self->profile_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->profile_chooser));
      return;
    }

  self->profile_chooser = gtk_file_chooser_native_new (_("Choose the Default Site Profile"),
                                                       GTK_WINDOW (self),
                                                       GTK_FILE_CHOOSER_ACTION_OPEN,
                                                       _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->profile_chooser), TRUE);

  gtk_file_filter_set_name (yaml, _("Site Profiles"));
  gtk_file_filter_add_pattern (yaml, "*.yml");
  gtk_file_filter_add_pattern (yaml, "*.yaml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->profile_chooser), yaml);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->profile_chooser), all);

  if (current[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_path (current);

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->profile_chooser), file, NULL);
    }

  g_signal_connect_object (self->profile_chooser, "response",
                           G_CALLBACK (profile_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->profile_chooser));
}

static void
clear_profile_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  BylinePreferencesWindow *self = BYLINE_PREFERENCES_WINDOW (widget);

  g_settings_reset (self->settings, "profile-file");
}

GtkWidget *
byline_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (BYLINE_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}

static void
byline_preferences_window_dispose (GObject *object)
{
  BylinePreferencesWindow *self = BYLINE_PREFERENCES_WINDOW (object);

  if (self->profile_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->profile_chooser));
  g_clear_object (&self->profile_chooser);

  gtk_widget_dispose_template (GTK_WIDGET (object), BYLINE_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (byline_preferences_window_parent_class)->dispose (object);
}

static void
byline_preferences_window_finalize (GObject *object)
{
  BylinePreferencesWindow *self = BYLINE_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->scheme_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (byline_preferences_window_parent_class)->finalize (object);
}

static void
byline_preferences_window_class_init (BylinePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_preferences_window_dispose;
  object_class->finalize = byline_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/byline-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesWindow, font_button);
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesWindow, scheme_row);
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesWindow,
                                        line_numbers_switch);
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesWindow, wrap_switch);
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesWindow, tab_width_spin);
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesWindow, spaces_switch);
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesWindow, autosave_switch);
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesWindow,
                                        show_preview_switch);
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesWindow,
                                        scroll_sync_switch);
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesWindow,
                                        remote_images_switch);
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesWindow,
                                        keep_metadata_switch);
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesWindow, profile_row);

  gtk_widget_class_install_action (widget_class, "preferences.choose-profile", NULL,
                                   choose_profile_action);
  gtk_widget_class_install_action (widget_class, "preferences.clear-profile", NULL,
                                   clear_profile_action);
}

/* Controls of GTK 4.8 and libadwaita 1.2 that screen readers find without
 * a name: the font button's own button, and the search entry the window
 * keeps even with search off. */
static void
name_inner_controls (BylinePreferencesWindow *self,
                     GtkWidget               *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Preferences"),
                                    -1);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_inner_controls (self, child);
}

static void
byline_preferences_window_init (BylinePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  name_inner_controls (self, GTK_WIDGET (self));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (gtk_widget_get_first_child (
                                    GTK_WIDGET (self->font_button))),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->font_button, NULL,
                                  -1);

  self->settings = g_settings_new (APPLICATION_ID);
  self->scheme_ids = g_ptr_array_new_with_free_func (g_free);

  g_settings_bind (self->settings, "editor-font", self->font_button, "font",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-line-numbers", self->line_numbers_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "wrap-text", self->wrap_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "tab-width", self->tab_width_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "insert-spaces", self->spaces_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "autosave", self->autosave_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  /* Each window writes its preview toggle here too, so this is also the
   * state the last toggled window left. */
  g_settings_bind (self->settings, "show-preview", self->show_preview_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "scroll-sync", self->scroll_sync_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "load-remote-images", self->remote_images_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "keep-photo-metadata", self->keep_metadata_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (self->settings, "changed::profile-file",
                           G_CALLBACK (profile_file_changed_cb), self, G_CONNECT_SWAPPED);
  profile_file_changed_cb (self, "profile-file", self->settings);

  byline_preferences_window_load_schemes (self);
  g_signal_connect_object (self->scheme_row, "notify::selected",
                           G_CALLBACK (scheme_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}
