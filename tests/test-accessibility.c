/* test-accessibility.c — every control of the window and of its dialogs has
 * an accessible name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 names a widget for assistive technologies from its "label"
 * property and from the "label" properties of the widgets it is "labelled
 * by" (gtk_at_context_get_name); a tooltip is no name. An icon button is
 * labelled by its image, which has none, and a screen reader says
 * "GtkImage". The test walks each window's widgets — the hidden parts too
 * (stack pages, revealers), since they show later — and reads the names
 * with GTK's test accessibility backend.
 */

#include "config.h"

#include "byline-draft.h"
#include "byline-image-dialog.h"
#include "byline-preferences-window.h"
#include "byline-preview.h"

#include "byline-test-window.h"

static char *tmpdir;
static BylineApplication *app;

/* What a user operates: each of these needs a name. */
static const GtkAccessibleRole control_roles[] = {
  GTK_ACCESSIBLE_ROLE_BUTTON,
  GTK_ACCESSIBLE_ROLE_CHECKBOX,
  GTK_ACCESSIBLE_ROLE_COMBO_BOX,
  GTK_ACCESSIBLE_ROLE_LINK,
  GTK_ACCESSIBLE_ROLE_MENU_ITEM,
  GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX,
  GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO,
  GTK_ACCESSIBLE_ROLE_RADIO,
  GTK_ACCESSIBLE_ROLE_SEARCH_BOX,
  GTK_ACCESSIBLE_ROLE_SLIDER,
  GTK_ACCESSIBLE_ROLE_SPIN_BUTTON,
  GTK_ACCESSIBLE_ROLE_SWITCH,
  GTK_ACCESSIBLE_ROLE_TEXT_BOX,
};

static gboolean
is_control (GtkAccessibleRole role)
{
  for (guint i = 0; i < G_N_ELEMENTS (control_roles); i++)
    if (control_roles[i] == role)
      return TRUE;

  return FALSE;
}

/* The "label" property, "" when there is none. The test backend prints
 * the value it holds when it differs from the one asked for. */
static char *
dup_label (GtkAccessible *accessible)
{
  char *value;

  if (!gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return g_strdup ("");

  value = gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              "\001");
  return value != NULL ? value : g_strdup ("\001");
}

static void
collect_widgets (GtkWidget  *widget,
                 GHashTable *widgets)
{
  g_hash_table_add (widgets, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, widgets);
}

/* The name as GTK 4.8 computes it: the label, then the labels of the
 * widgets the accessible is labelled by ("GtkLabel<0x…>, …" in the test
 * backend's print of the relation). Only widgets of @widgets are read. */
static char *
dup_name (GtkAccessible *accessible,
          GHashTable    *widgets)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *label = dup_label (accessible);
  g_autofree char *relation = NULL;

  g_string_append (name, g_strstrip (label));

  if (gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    relation = gtk_test_accessible_check_relation (accessible,
                                                   GTK_ACCESSIBLE_RELATION_LABELLED_BY, NULL);

  for (const char *p = relation; p != NULL && (p = strstr (p, "<0x")) != NULL; p++)
    {
      gpointer target = NULL;

      if (sscanf (p + 1, "%p", &target) != 1 || !g_hash_table_contains (widgets, target))
        continue;

      {
        g_autofree char *target_label = dup_label (GTK_ACCESSIBLE (target));

        if (*g_strstrip (target_label) != '\0')
          {
            if (name->len > 0)
              g_string_append_c (name, ' ');
            g_string_append (name, target_label);
          }
      }
    }

  return g_string_free (g_steal_pointer (&name), FALSE);
}

static char *
describe (GtkWidget *widget)
{
  g_autoptr(GString) path = g_string_new (G_OBJECT_TYPE_NAME (widget));
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  const char *icon = GTK_IS_BUTTON (widget) ? gtk_button_get_icon_name (GTK_BUTTON (widget)) : NULL;

  for (GtkWidget *parent = gtk_widget_get_parent (widget);
       parent != NULL;
       parent = gtk_widget_get_parent (parent))
    g_string_prepend (g_string_prepend (path, " > "), G_OBJECT_TYPE_NAME (parent));

  if (tooltip != NULL)
    g_string_append_printf (path, " (tooltip “%s”)", tooltip);
  if (icon != NULL)
    g_string_append_printf (path, " (icon %s)", icon);

  return g_string_free (g_steal_pointer (&path), FALSE);
}

static gboolean
is_hidden (GtkAccessible *accessible)
{
  g_autofree char *differs = NULL;

  if (!gtk_test_accessible_has_state (accessible, GTK_ACCESSIBLE_STATE_HIDDEN))
    return FALSE;

  differs = gtk_test_accessible_check_state (accessible, GTK_ACCESSIBLE_STATE_HIDDEN, FALSE);
  return differs != NULL;
}

static void
check_widget (GtkWidget  *widget,
              GHashTable *widgets,
              GPtrArray  *unnamed,
              guint      *checked)
{
  GtkAccessibleRole role;

  /* What is not shown, or hidden from assistive technologies, is not in
   * the accessible tree (gtk_accessible_should_present); a widget that is
   * merely unmapped (another stack page, a closed revealer) will be. */
  if (!gtk_widget_get_visible (widget) || is_hidden (GTK_ACCESSIBLE (widget)))
    return;

  role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));
  if (is_control (role))
    {
      g_autofree char *name = dup_name (GTK_ACCESSIBLE (widget), widgets);

      (*checked)++;
      if (name[0] == '\0')
        g_ptr_array_add (unnamed, describe (widget));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_widget (child, widgets, unnamed, checked);
}

/* Fails with the list of every control of @root without a name. */
static void
assert_all_named (GtkWidget *root)
{
  g_autoptr(GHashTable) widgets = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);
  guint checked = 0;

  collect_widgets (root, widgets);
  check_widget (root, widgets, unnamed, &checked);
  g_test_message ("%s: %u controls", G_OBJECT_TYPE_NAME (root), checked);
  g_assert_cmpuint (checked, >, 0);

  if (unnamed->len > 0)
    {
      g_autoptr(GString) message = g_string_new (NULL);

      for (guint i = 0; i < unnamed->len; i++)
        g_string_append_printf (message, "\n  %s", (const char *) g_ptr_array_index (unnamed, i));
      g_error ("%u controls of %s have no accessible name:%s", unnamed->len,
               G_OBJECT_TYPE_NAME (root), message->str);
    }
}

static GtkWindow *
find_toplevel (GType      type,
               GtkWindow *transient_for)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type)
          && (transient_for == NULL || gtk_window_get_transient_for (window) == transient_for))
        return window;
    }

  return NULL;
}

static gboolean
draft_offered (BylineWindow *window)
{
  GtkWidget *bar = byline_test_find_by_css_class (GTK_WIDGET (window), "byline-draft-bar");

  return gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (bar)));
}

static BylineWindow *
open_window (GFile *file)
{
  return byline_test_open_window (app, file);
}

/* The controls the issue found without a name, one by one: the Show
 * Preview toggle, the main menu, the search bar's buttons, "Keep My
 * Version" and the preview itself. */
static void
test_named_controls (void)
{
  g_autoptr(GFile) file = byline_test_copy_fixture ("post-lf.md", tmpdir);
  BylineWindow *window = open_window (file);
  GtkWidget *preview = byline_test_find_widget (GTK_WIDGET (window), BYLINE_TYPE_PREVIEW);
  GtkWidget *menu_button = byline_test_find_main_menu_button (GTK_WIDGET (window));
  g_autoptr(GHashTable) widgets = g_hash_table_new (NULL, NULL);
  static const struct {
    const char *tooltip;
    const char *name;
  } buttons[] = {
    { "Show Preview (Ctrl+Alt+P)", "Show Preview" },
    { "Previous Match", "Previous Match" },
    { "Next Match", "Next Match" },
    { "Search Options", "Search Options" },
    { "Show Replace", "Show Replace" },
    { "Close Search", "Close Search" },
    { "Keep My Version", "Keep My Version" },
  };

  collect_widgets (GTK_WIDGET (window), widgets);

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (menu_button),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Main Menu");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (byline_preview_get_web_view (
                                         BYLINE_PREVIEW (preview))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Preview");

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *found = NULL;
      GHashTableIter iter;
      gpointer widget;

      g_hash_table_iter_init (&iter, widgets);
      while (found == NULL && g_hash_table_iter_next (&iter, &widget, NULL))
        if (GTK_IS_BUTTON (widget)
            && g_strcmp0 (gtk_widget_get_tooltip_text (widget), buttons[i].tooltip) == 0)
          found = widget;

      g_test_message ("%s", buttons[i].name);
      g_assert_nonnull (found);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (found), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           buttons[i].name);
    }

  byline_test_close_window (window);
}

/* The window: start page, editor, form, search bar, problems, bars. */
static void
test_window (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "window", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) problems = NULL;
  BylineWindow *window;

  g_mkdir_with_parents (dir, 0700);
  file = byline_test_copy_fixture ("post-lf.md", dir);
  {
    g_autofree char *problems_dir = g_build_filename (tmpdir, "problems", NULL);

    g_mkdir_with_parents (problems_dir, 0700);
    problems = byline_test_copy_fixture ("problems/index.md", tmpdir);
  }

  /* A recent post with a draft: the start page shows its Restore button. */
  window = open_window (file);
  byline_test_close_window (window);
  {
    g_autofree char *base = byline_draft_checksum ("", 0);
    gboolean written = FALSE;

    byline_draft_store_save_async (byline_draft_store_get_default (), file, "Draft.", -1, base,
                                   NULL, NULL, NULL);
    while (!written)
      {
        g_main_context_iteration (NULL, FALSE);
        written = byline_draft_store_has_draft (byline_draft_store_get_default (), file);
      }
  }

  window = byline_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  assert_all_named (GTK_WIDGET (window));
  byline_test_destroy_window (GTK_WINDOW (window));

  /* A post with problems, the form, the search bar with its replace and
   * options rows, the problems panel. */
  window = open_window (problems);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-replace", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-problems", NULL);
  byline_test_wait_for (byline_document_is_analyzed (byline_window_get_document (window)));
  assert_all_named (GTK_WIDGET (window));
  byline_test_close_window (window);
}

/* The dialogs: pictures, shortcodes, preferences, shortcuts, the questions, the
 * draft's changes, About. */
static void
test_dialogs (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "dialogs", NULL);
  g_autoptr(GFile) file = NULL;
  BylineWindow *window;
  GtkWindow *dialog;
  GtkTextIter end;

  g_mkdir_with_parents (dir, 0700);
  file = byline_test_copy_fixture ("post-lf.md", dir);
  {
    g_autofree char *base = NULL;
    g_autofree char *contents = NULL;
    g_autofree char *path = g_file_get_path (file);

    g_file_get_contents (path, &contents, NULL, NULL);
    contents[strlen (contents) - 1] = '\0';
    base = byline_draft_checksum (contents, -1);
    byline_draft_store_save_async (byline_draft_store_get_default (), file, "Draft.", -1, base,
                                   NULL, NULL, NULL);
    while (!byline_draft_store_has_draft (byline_draft_store_get_default (), file))
      g_main_context_iteration (NULL, FALSE);
  }
  window = open_window (file);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.insert-image", NULL);
  dialog = GTK_WINDOW (byline_window_get_image_dialog (window));
  g_assert_nonnull (dialog);
  assert_all_named (GTK_WIDGET (dialog));
  gtk_window_destroy (dialog);

  /* A form with fields: figure's, from Hugo's table. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.insert-shortcode", NULL);
  dialog = GTK_WINDOW (byline_window_get_shortcode_dialog (window));
  g_assert_nonnull (dialog);
  g_assert_true (byline_shortcode_dialog_select (BYLINE_SHORTCODE_DIALOG (dialog), "figure"));
  assert_all_named (GTK_WIDGET (dialog));
  gtk_window_destroy (dialog);
  /* The photo sheet on two pictures, and the sidebar's Photos page. */
  {
    g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 40, 30);
    g_autoslist(GFile) files = NULL;
    BylinePhotosView *view;
    GtkTextIter start;

    gdk_pixbuf_fill (pixbuf, 0x3366aaff);
    for (guint i = 0; i < 2; i++)
      {
        g_autofree char *name = g_strdup_printf ("photo-%u.png", i);
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", NULL, NULL));
        files = g_slist_append (files, g_file_new_for_path (path));
      }
    gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (byline_window_get_document (window)),
                                    &start);
    g_assert_true (byline_window_drop_images (window, files, &start));
    byline_test_wait_for (byline_window_get_photo_sheet (window) != NULL &&
                          !byline_photo_sheet_get_loading (byline_window_get_photo_sheet (window)));
    dialog = GTK_WINDOW (byline_window_get_photo_sheet (window));
    assert_all_named (GTK_WIDGET (dialog));
    gtk_window_destroy (dialog);

    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-photos", NULL);
    view = byline_window_get_photos_view (window);
    byline_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (view)) &&
                          !byline_photos_view_get_busy (view) &&
                          byline_photos_view_get_n_photos (view) == 2);
    assert_all_named (GTK_WIDGET (window));
  }

  dialog = GTK_WINDOW (byline_preferences_window_new (GTK_WINDOW (window)));
  gtk_window_present (dialog);
  assert_all_named (GTK_WIDGET (dialog));
  gtk_window_destroy (dialog);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  dialog = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW, NULL);
  g_assert_nonnull (dialog);
  assert_all_named (GTK_WIDGET (dialog));
  gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);

  /* The draft's changes. */
  byline_test_wait_for (draft_offered (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-draft-changes", NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  assert_all_named (GTK_WIDGET (dialog));
  gtk_window_destroy (dialog);

  /* The unsaved-changes question, then Reload's. */
  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (byline_window_get_document (window)), &end);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (byline_window_get_document (window)), &end, "x", -1);
  gtk_window_close (GTK_WINDOW (window));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  assert_all_named (GTK_WIDGET (dialog));
  gtk_window_destroy (dialog);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  assert_all_named (GTK_WIDGET (dialog));
  gtk_window_destroy (dialog);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  dialog = find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL);
  g_assert_nonnull (dialog);
  assert_all_named (GTK_WIDGET (dialog));
  gtk_window_destroy (dialog);

  byline_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* The test backend keeps the accessible attributes for the test to read. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!byline_test_gui_init (&argc, &argv, &tmpdir))
    return 0;

  app = byline_test_application_new ();

  g_test_add_func ("/gui/accessibility/named-controls", test_named_controls);
  g_test_add_func ("/gui/accessibility/window", test_window);
  g_test_add_func ("/gui/accessibility/dialogs", test_dialogs);

  ret = g_test_run ();

  g_clear_object (&app);
  byline_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return ret;
}
