/* byline-preferences-window.c — the editor and preview settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-preferences"

#include "config.h"

#include "byline-preferences-window.h"

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
  GtkSwitch            *scroll_sync_switch;
  GtkSwitch            *remote_images_switch;

  GSettings            *settings;
  /* Scheme ids in the combo row's order: one per light/dark pair. */
  GPtrArray            *scheme_ids;
};

G_DEFINE_FINAL_TYPE (BylinePreferencesWindow, byline_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static void
scheme_selected_cb (BylinePreferencesWindow *self,
                    GParamSpec              *pspec,
                    AdwComboRow             *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected < self->scheme_ids->len)
    g_settings_set_string (self->settings, "style-scheme",
                           g_ptr_array_index (self->scheme_ids, selected));
}

static void
byline_preferences_window_load_schemes (BylinePreferencesWindow *self)
{
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  const char * const *ids = gtk_source_style_scheme_manager_get_scheme_ids (manager);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *current = g_settings_get_string (self->settings, "style-scheme");
  guint selected = GTK_INVALID_LIST_POSITION;

  /* The editor picks the "-dark" variant itself with the dark style, so a
   * pair shows once, under its light name. */
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      GtkSourceStyleScheme *scheme;

      if (g_str_has_suffix (ids[i], "-dark"))
        {
          g_autofree char *base = g_strndup (ids[i], strlen (ids[i]) - strlen ("-dark"));

          if (gtk_source_style_scheme_manager_get_scheme (manager, base) != NULL)
            continue;
        }

      scheme = gtk_source_style_scheme_manager_get_scheme (manager, ids[i]);
      if (g_strcmp0 (ids[i], current) == 0)
        selected = self->scheme_ids->len;
      g_ptr_array_add (self->scheme_ids, g_strdup (ids[i]));
      gtk_string_list_append (names, gtk_source_style_scheme_get_name (scheme));
    }

  adw_combo_row_set_model (self->scheme_row, G_LIST_MODEL (names));
  if (selected != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->scheme_row, selected);

  g_signal_connect_object (self->scheme_row, "notify::selected",
                           G_CALLBACK (scheme_selected_cb), self, G_CONNECT_SWAPPED);
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
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesWindow,
                                        scroll_sync_switch);
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesWindow,
                                        remote_images_switch);
}

static void
byline_preferences_window_init (BylinePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

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
  g_settings_bind (self->settings, "scroll-sync", self->scroll_sync_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "load-remote-images", self->remote_images_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  byline_preferences_window_load_schemes (self);
}
