/* test-shortcuts.c — the keyboard shortcuts window lists every accelerator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Collects the accelerators the application sets for its actions and the
 * key bindings Byline's own widgets install, and checks each one against
 * the accelerators of src/gtk/help-overlay.ui, so that a new shortcut
 * cannot be left out of the shortcuts window.
 */

#include "config.h"

#include <adwaita.h>

#include "byline-application.h"
#include "byline-window.h"

#include "byline-test-gui.h"
#include "byline-test-window.h"

static char *tmpdir;
static BylineApplication *app;

/* One spelling per accelerator: "<Control><Shift>c", "<Shift><Control>C"
 * and GDK_KEY_C with both modifiers all become the same string. */
static char *
normalize (const char *accelerator)
{
  guint key = 0;
  GdkModifierType mods = 0;

  if (!gtk_accelerator_parse (accelerator, &key, &mods) || key == 0)
    return NULL;

  return gtk_accelerator_name (gdk_keyval_to_lower (key), mods);
}

static void
add_normalized (GHashTable *set,
                const char *accelerator)
{
  char *name = normalize (accelerator);

  g_assert_nonnull (name);
  g_hash_table_add (set, name);
}

/* The accelerators the shortcuts window shows. */
static GHashTable *
listed_accelerators (void)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource (RESOURCE_BASE "/byline-shortcuts-window.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) parts = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;

      g_object_get (l->data, "accelerator", &accelerator, NULL);
      if (accelerator == NULL)
        continue;

      parts = g_strsplit (accelerator, " ", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        if (parts[i][0] != '\0')
          add_normalized (set, parts[i]);
    }

  /* The window is a toplevel of the builder; it is not in a parent. */
  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_WINDOW (l->data))
      gtk_window_destroy (GTK_WINDOW (l->data));

  return set;
}

/* Key bindings of Byline's widgets under @widget: their class shortcuts sit
 * in a GtkShortcutController of each instance. Escape, which closes what is
 * open wherever it is pressed, needs no entry. */
static void
collect_bindings (GtkWidget  *widget,
                  GHashTable *set)
{
  if (g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Byline"))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;

          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = NULL;
              GtkShortcutTrigger *trigger;
              GtkShortcutAction *action;
              g_autofree char *text = NULL;
              GdkModifierType mods;
              guint keyval;

              shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              trigger = gtk_shortcut_get_trigger (shortcut);
              action = gtk_shortcut_get_action (shortcut);

              /* Byline binds keys to its actions by name; the bindings
               * GTK's parent classes bring (a flow box's Ctrl+arrows) are
               * signals or callbacks. */
              if (!GTK_IS_KEYVAL_TRIGGER (trigger) || !GTK_IS_NAMED_ACTION (action))
                continue;
              g_test_message ("%s: %s", G_OBJECT_TYPE_NAME (widget),
                              gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
              keyval = gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger));
              mods = gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger));
              if (keyval == GDK_KEY_Escape)
                continue;

              text = gtk_accelerator_name (keyval, mods);
              add_normalized (set, text);
            }
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_bindings (child, set);
}

static void
assert_listed (GHashTable *listed,
               GHashTable *used,
               const char *what)
{
  GHashTableIter iter;
  const char *name;

  g_assert_cmpuint (g_hash_table_size (used), >, 0);

  g_hash_table_iter_init (&iter, used);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    {
      g_test_message ("%s %s", what, name);
      if (!g_hash_table_contains (listed, name))
        g_error ("%s %s is missing from src/gtk/help-overlay.ui", what, name);
    }
}

static void
test_application_accelerators (void)
{
  g_autoptr(GHashTable) listed = listed_accelerators ();
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                    actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        add_normalized (used, accels[j]);
    }

  assert_listed (listed, used, "The application's accelerator");
}

static void
test_widget_bindings (void)
{
  g_autoptr(GHashTable) listed = listed_accelerators ();
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  BylineWindow *window = byline_window_new (GTK_APPLICATION (app));
  GtkWidget *widget = GTK_WIDGET (window);

  gtk_window_present (GTK_WINDOW (window));
  collect_bindings (widget, used);
  assert_listed (listed, used, "The key binding");

  byline_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!byline_test_gui_init (&argc, &argv, &tmpdir))
    return 0;

  app = byline_test_application_new ();

  g_test_add_func ("/gui/shortcuts/application-accelerators", test_application_accelerators);
  g_test_add_func ("/gui/shortcuts/widget-bindings", test_widget_bindings);

  ret = g_test_run ();

  g_clear_object (&app);
  byline_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return ret;
}
