/* test-new-post-dialog.c — the New Post dialog creates the post from the site's archetype
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The site is data/archetype-site.txtar (see test-archetype.c, whose
 * expected texts are hugo 0.111's); the dialog adds the user's title, the
 * chosen section, form and day (its midnight, here in UTC).
 */

#include "config.h"

#include <string.h>

#include "byline-application.h"
#include "byline-new-post-dialog.h"
#include "byline-test-gui.h"
#include "byline-test-window.h"
#include "byline-window.h"
#include "site-fixture.h"

static BylineApplication *app;
static char *tmpdir;

static char *
write_site (void)
{
  g_autofree char *txtar = fixture_read_data ("archetype-site.txtar");

  return fixture_write (txtar);
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GtkWidget *
nth_widget (GtkWidget *root,
            GType      type,
            guint      n)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, type, found);
  g_assert_cmpuint (found->len, >, n);
  return found->pdata[n];
}

static void
test_accessible_names (void)
{
  BylineNewPostDialog *dialog = byline_new_post_dialog_new (NULL);
  GtkWidget *root = GTK_WIDGET (dialog);
  static const struct
  {
    GType (*type) (void);
    guint n;
    const char *name;
  } controls[] = {
    { adw_entry_row_get_type, 0, "Title" },
    { adw_combo_row_get_type, 0, "Section" },
    { adw_combo_row_get_type, 1, "Form" },
    { gtk_menu_button_get_type, 0, "Date" },
    { gtk_calendar_get_type, 0, "Calendar" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (nth_widget (root, controls[i].type (),
                                                                     controls[i].n)),
                                         GTK_ACCESSIBLE_PROPERTY_LABEL, controls[i].name);
  /* The header's buttons are named by their labels; the site's by its own. */
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    gboolean site_button = FALSE;

    collect (root, GTK_TYPE_BUTTON, buttons);
    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]),
                     "new-post.choose-site") == 0)
        {
          gtk_test_accessible_assert_property (GTK_ACCESSIBLE (buttons->pdata[i]),
                                               GTK_ACCESSIBLE_PROPERTY_LABEL,
                                               "Choose the site’s folder");
          site_button = TRUE;
        }
    g_assert_true (site_button);
  }
  /* Nothing to create without a site and a title. */
  g_assert_null (byline_new_post_dialog_dup_path (dialog));
  byline_test_destroy_window (GTK_WINDOW (dialog));
}

static void
created_cb (BylineNewPostDialog *dialog,
            GFile               *file,
            GFile              **out)
{
  g_set_object (out, file);
}

/* Fills the dialog in and presses Create; returns the file it reports. */
static GFile *
create (const char *root,
        const char *title,
        const char *section,
        gboolean    bundle,
        BylineNewPostDialog **kept)
{
  g_autofree char *near_path = g_build_filename (root, "content", "blog", "existing-post.md", NULL);
  g_autoptr(GFile) near = g_file_new_for_path (near_path);
  g_autoptr(GDateTime) day = g_date_time_new_utc (2026, 3, 5, 0, 0, 0);
  BylineNewPostDialog *dialog = byline_new_post_dialog_new (near);
  GFile *created = NULL;

  g_signal_connect (dialog, "created", G_CALLBACK (created_cb), &created);
  gtk_window_present (GTK_WINDOW (dialog));
  byline_test_wait_for (byline_new_post_dialog_is_ready (dialog));

  /* The sections holding posts; the post's own is chosen first. */
  g_assert_cmpuint (g_list_model_get_n_items (byline_new_post_dialog_get_sections (dialog)), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (
    nth_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 0))), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (nth_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, 0)),
                         title);
  byline_new_post_dialog_set_section (dialog, section);
  byline_new_post_dialog_set_bundle (dialog, bundle);
  byline_new_post_dialog_set_date (dialog, day);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "new-post.create", NULL));

  if (created == NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
      *kept = dialog;
      return NULL;
    }
  /* The dialog closes once the post is made. */
  byline_test_wait_for (dialog == NULL);
  return created;
}

static char *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_load_contents (file, NULL, &text, NULL, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_creates_post (void)
{
  g_autofree char *root = write_site ();
  g_autofree char *bundle_path = g_build_filename (root, "content", "blog", "launch-day-at-last",
                                                   "index.md", NULL);
  g_autofree char *note_path = g_build_filename (root, "content", "notes",
                                                 "launch-day-at-last.md", NULL);
  g_autoptr(GFile) bundle = NULL;
  g_autoptr(GFile) note = NULL;
  g_autoptr(GFile) again = NULL;
  g_autofree char *bundle_text = NULL;
  g_autofree char *note_text = NULL;
  g_autofree char *kept_text = NULL;
  BylineNewPostDialog *kept = NULL;

  /* The blog's YAML archetype as the bundle's index.md. */
  bundle = create (root, "Launch Day: at Last", "blog", TRUE, &kept);
  g_assert_nonnull (bundle);
  g_assert_cmpstr (g_file_peek_path (bundle), ==, bundle_path);
  bundle_text = read_file (bundle);
  g_assert_cmpstr (bundle_text, ==,
                   "---\n"
                   "title: \"Launch Day: at Last\"\n"
                   "date: 2026-03-05T00:00:00Z\n"
                   "draft: true\n"
                   "type: blog\n"
                   "section: blog\n"
                   "dir: blog/launch-day-at-last/\n"
                   "base: index\n"
                   "author: Ann Lee\n"
                   "site: Field Notes at https://example.org/notes/\n"
                   "---\n"
                   "{{< figure src=\"cover.jpg\" alt=\"Cover\" >}}\n"
                   "{{% note %}}Written on Thursday, March 5, 2026.{{% /note %}}\n"
                   "Launch day at last.\n");

  /* The notes' JSON archetype as a single file. */
  note = create (root, "Launch Day: at Last", "notes", FALSE, &kept);
  g_assert_nonnull (note);
  g_assert_cmpstr (g_file_peek_path (note), ==, note_path);
  note_text = read_file (note);
  g_assert_cmpstr (note_text, ==,
                   "{\n"
                   "  \"title\": \"Launch Day: at Last\",\n"
                   "  \"date\": \"2026-03-05T00:00:00Z\",\n"
                   "  \"type\": \"notes\"\n"
                   "}\n"
                   "Body of launch-day-at-last.md.\n");

  /* The same again: an inline error, the dialog stays, the post stays. */
  again = create (root, "Launch Day: at Last", "blog", TRUE, &kept);
  g_assert_null (again);
  g_assert_nonnull (kept);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (kept)));
  g_assert_nonnull (strstr (byline_new_post_dialog_get_error (kept), "already exists"));
  kept_text = read_file (bundle);
  g_assert_cmpstr (kept_text, ==, bundle_text);
  /* Changing the title clears the error. */
  gtk_editable_set_text (GTK_EDITABLE (nth_widget (GTK_WIDGET (kept), ADW_TYPE_ENTRY_ROW, 0)),
                         "Another");
  g_assert_null (byline_new_post_dialog_get_error (kept));
  byline_test_destroy_window (GTK_WINDOW (kept));

  byline_test_remove_tree (root);
}

/* win.new-post (Ctrl+N) opens the dialog over the window. */
static void
test_window_action (void)
{
  BylineWindow *window = byline_window_new (GTK_APPLICATION (app));
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                "win.new-post");
  GtkWindow *dialog = NULL;

  g_assert_cmpstr (accels[0], ==, "<Control>n");
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-post", NULL));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (BYLINE_IS_NEW_POST_DIALOG (l->data))
      dialog = l->data;
  if (dialog == NULL)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

          if (BYLINE_IS_NEW_POST_DIALOG (item))
            dialog = GTK_WINDOW (item);
        }
    }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  byline_test_destroy_window (dialog);
  byline_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* .Date is written in the local time zone, as Hugo writes it. */
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!byline_test_gui_init (&argc, &argv, &tmpdir))
    return 0;

  app = byline_test_application_new ();

  g_test_add_func ("/gui/new-post-dialog/accessible-names", test_accessible_names);
  g_test_add_func ("/gui/new-post-dialog/creates-post", test_creates_post);
  g_test_add_func ("/gui/new-post-dialog/window-action", test_window_action);

  ret = g_test_run ();

  g_clear_object (&app);
  byline_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return ret;
}
