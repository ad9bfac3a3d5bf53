/* byline-application.c — the Byline application: windows, app actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-application"

#include "config.h"

#include "byline-application.h"

#include "byline-preferences-window.h"
#include "byline-window.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

struct _BylineApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (BylineApplication, byline_application, ADW_TYPE_APPLICATION)

static BylineWindow *
byline_application_new_window (BylineApplication *self)
{
  return byline_window_new (GTK_APPLICATION (self));
}

static BylineWindow *
find_window_for_file (BylineApplication *self,
                      GFile             *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GFile *shown;

      if (!BYLINE_IS_WINDOW (l->data))
        continue;

      shown = byline_document_get_file (byline_window_get_document (l->data));
      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }

  return NULL;
}

static void
byline_application_activate (GApplication *application)
{
  BylineApplication *self = BYLINE_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (byline_application_new_window (self));

  gtk_window_present (window);
}

/* A new window shows once its post is in the editor, so that its first
 * frame shows the post rather than an empty editor; a post that takes longer
 * to read than this does not keep the window from showing. */
#define PRESENT_TIMEOUT_MSEC 300

static void
present_when_loaded_cb (BylineWindow   *window,
                        GParamSpec     *pspec,
                        BylineDocument *document)
{
  if (byline_document_get_busy (document))
    return;
  g_signal_handlers_disconnect_by_func (document, present_when_loaded_cb, window);
  /* The timeout holds the last reference it may have. */
  gtk_window_present (GTK_WINDOW (window));
  g_source_remove_by_user_data (window);
}

static gboolean
present_timeout_cb (gpointer user_data)
{
  BylineWindow *window = user_data;

  g_signal_handlers_disconnect_by_func (byline_window_get_document (window),
                                        present_when_loaded_cb, window);
  gtk_window_present (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static void
present_when_loaded (BylineWindow *window)
{
  BylineDocument *document = byline_window_get_document (window);

  if (!byline_document_get_busy (document))
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }
  g_signal_connect_object (document, "notify::busy",
                           G_CALLBACK (present_when_loaded_cb), window, G_CONNECT_SWAPPED);
  g_timeout_add_full (G_PRIORITY_DEFAULT, PRESENT_TIMEOUT_MSEC, present_timeout_cb,
                      g_object_ref (window), g_object_unref);
}

static void
byline_application_open (GApplication  *application,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  BylineApplication *self = BYLINE_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      BylineWindow *window = find_window_for_file (self, files[i]);
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

      /* A post already open is brought forward rather than opened twice; an
       * empty window (the start page) takes the first post. */
      if (window == NULL)
        {
          if (BYLINE_IS_WINDOW (active) && byline_window_is_empty (BYLINE_WINDOW (active)))
            window = BYLINE_WINDOW (active);
          else
            {
              window = byline_application_new_window (self);
              byline_window_load (window, files[i]);
              present_when_loaded (window);
              continue;
            }

          byline_window_load (window, files[i]);
        }

      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (byline_application_new_window (user_data)));
}

static void
open_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  BylineApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (byline_application_new_window (self));
      gtk_window_present (window);
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  BylineApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Each window asks about its own unsaved changes; the application ends
   * when the last one is gone. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static GtkWidget *
find_window_title_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_WINDOW_TITLE) != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_window_title_label (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The title of a page of the About window: the label of the window title
 * in the header bar the page starts with. */
static GtkWidget *
find_page_title (GtkWidget *page)
{
  GtkWidget *header = gtk_widget_get_first_child (page);

  return header != NULL && GTK_IS_HEADER_BAR (header) ? find_window_title_label (header) : NULL;
}

/* libadwaita 1.2's About window leaves its Back buttons, its text views and
 * its version button without names for screen readers: each is named after
 * what it shows (its tooltip, its page's title, its label). */
static void
name_about_controls (GtkWidget *widget,
                     GtkWidget *page_title)
{
  GtkWidget *title = find_page_title (widget);
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (title != NULL)
    page_title = title;

  if (GTK_IS_BUTTON (widget) && gtk_widget_get_tooltip_text (widget) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_widget_get_tooltip_text (widget),
                                    -1);
  else if (GTK_IS_BUTTON (widget) && child != NULL && GTK_IS_LABEL (child))
    gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, child, NULL,
                                    -1);
  else if (GTK_IS_TEXT_VIEW (widget) && page_title != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, page_title, NULL,
                                    -1);

  for (; child != NULL; child = gtk_widget_get_next_sibling (child))
    name_about_controls (child, page_title);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  BylineApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Byline authors"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "application-name", _("Byline"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Write Hugo blog posts beside their live preview"),
                        "developer-name", _("The Byline authors"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  name_about_controls (about, NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  BylineApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (byline_preferences_window_new (window)));
}

/* The style the windows take: the system's, or always light or dark. With
 * GTK_THEME set to a dark theme the desktop asked for dark outside the
 * style manager, and following the system means following that. */
static void
style_variant_changed_cb (BylineApplication *self,
                          const char        *key,
                          GSettings         *settings)
{
  g_autofree char *variant = g_settings_get_string (settings, "style-variant");
  const char *theme = g_getenv ("GTK_THEME");
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (variant, "light"))
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (variant, "dark"))
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  else if (theme != NULL && (g_str_has_suffix (theme, ":dark") || g_str_has_suffix (theme, "-dark")))
    scheme = ADW_COLOR_SCHEME_PREFER_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

static void
byline_application_startup (GApplication *application)
{
  BylineApplication *self = BYLINE_APPLICATION (application);
  g_autoptr(GAction) scroll_sync = NULL;
  g_autoptr(GAction) style_variant = NULL;
  static const GActionEntry actions[] = {
    { "new-window", new_window_action },
    { "open", open_action },
    { "quit", quit_action },
    { "about", about_action },
    { "preferences", preferences_action },
  };
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new-window", { "<Control><Shift>n", NULL } },
    { "win.new-post", { "<Control>n", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.show-preview", { "<Control><Alt>p", NULL } },
    { "win.insert-image", { "<Control><Shift>i", NULL } },
    { "win.insert-shortcode", { "<Control><Shift>k", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.find-replace", { "<Control>h", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (byline_application_parent_class)->startup (application);
  /* GtkSourceView's own style sheet: the completion popover needs it. */
  gtk_source_init ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);

  self->settings = g_settings_new (APPLICATION_ID);
  scroll_sync = g_settings_create_action (self->settings, "scroll-sync");
  g_action_map_add_action (G_ACTION_MAP (self), scroll_sync);
  style_variant = g_settings_create_action (self->settings, "style-variant");
  g_action_map_add_action (G_ACTION_MAP (self), style_variant);
  g_signal_connect_object (self->settings, "changed::style-variant",
                           G_CALLBACK (style_variant_changed_cb), self, G_CONNECT_SWAPPED);
  style_variant_changed_cb (self, "style-variant", self->settings);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);
}

void
byline_application_init_environment (void)
{
  /* GTK opens OpenGL as it opens an X11 display, to choose the windows'
   * visual, even when it is going to draw with cairo; with software GL that
   * loads and sets up Mesa's LLVM compiler for nothing. */
  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") == 0)
    {
      const char *debug = g_getenv ("GDK_DEBUG");
      g_autofree char *flags = NULL;

      flags = debug != NULL && debug[0] != '\0' ? g_strconcat (debug, ",gl-disable", NULL)
                                                : g_strdup ("gl-disable");
      g_setenv ("GDK_DEBUG", flags, TRUE);
    }
}

BylineApplication *
byline_application_new (void)
{
  return g_object_new (BYLINE_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

static void
byline_application_finalize (GObject *object)
{
  BylineApplication *self = BYLINE_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (byline_application_parent_class)->finalize (object);
}

static void
byline_application_class_init (BylineApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = byline_application_finalize;

  application_class->activate = byline_application_activate;
  application_class->open = byline_application_open;
  application_class->startup = byline_application_startup;
}

static void
byline_application_init (BylineApplication *self)
{
}
