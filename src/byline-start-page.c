/* byline-start-page.c — what a window shows before a post is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-start-page"

#include "config.h"

#include "byline-start-page.h"

#include "byline-draft.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#define MAX_RECENT_POSTS 8

struct _BylineStartPage
{
  GtkWidget   parent_instance;

  GtkWidget        *recent_box;
  GtkListBox       *recent_list;

  BylineDraftStore *draft_store;
};

G_DEFINE_FINAL_TYPE (BylineStartPage, byline_start_page, GTK_TYPE_WIDGET)

static int
compare_recent_cb (gconstpointer a,
                   gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;
  GDateTime *time_a = gtk_recent_info_get_modified (info_a);
  GDateTime *time_b = gtk_recent_info_get_modified (info_b);

  /* Newest first. */
  return g_date_time_compare (time_b, time_a);
}

static gboolean
is_recent_post (GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);

  return gtk_recent_info_has_application (info, "Byline")
         && gtk_recent_info_is_local (info)
         && (g_str_has_suffix (uri, ".md") || g_str_has_suffix (uri, ".markdown"))
         && gtk_recent_info_exists (info);
}

/* A post with unsaved changes in a draft says so, and offers them back. */
static void
add_draft_suffix (GtkWidget  *row,
                  const char *title,
                  const char *uri)
{
  g_autofree char *restore_name = NULL;
  GtkWidget *tag = gtk_label_new (_("Unsaved Changes"));
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));

  gtk_widget_add_css_class (tag, "byline-draft-tag");
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);

  /* TRANSLATORS: the accessible name of a recent post's Restore button;
   * %s is the post's name. */
  restore_name = g_strdup_printf (_("Restore Unsaved Changes to %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, restore_name,
                                  -1);
  gtk_widget_set_tooltip_text (button, _("Open the post with its unsaved changes"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.restore-draft-uri");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uri);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static GtkWidget *
create_row (BylineStartPage *self,
            GtkRecentInfo   *info)
{
  g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folder_name = folder != NULL ? g_file_get_basename (folder) : NULL;
  g_autofree char *path = g_file_get_path (folder != NULL ? folder : file);
  g_autofree char *home_path = NULL;
  const char *home = g_get_home_dir ();
  const char *title;
  GtkWidget *row;

  /* Posts are page bundles: index.md says little, its folder names the post. */
  if (path != NULL && home != NULL && g_str_has_prefix (path, home)
      && (path[strlen (home)] == '/' || path[strlen (home)] == '\0'))
    home_path = g_strconcat ("~", path + strlen (home), NULL);

  title = g_str_equal (name, "index.md") && folder_name != NULL ? folder_name : name;
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), home_path ? home_path : path);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (byline_draft_store_has_draft (self->draft_store, file))
    add_draft_suffix (row, title, gtk_recent_info_get_uri (info));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "uri",
                          g_strdup (gtk_recent_info_get_uri (info)), g_free);

  return row;
}

static void
byline_start_page_reload (BylineStartPage *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GPtrArray) posts = NULL;
  GList *items = gtk_recent_manager_get_items (manager);
  GtkWidget *child;

  posts = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (GList *l = items; l != NULL; l = l->next)
    {
      if (is_recent_post (l->data))
        g_ptr_array_add (posts, gtk_recent_info_ref (l->data));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_ptr_array_sort (posts, compare_recent_cb);

  for (guint i = 0; i < posts->len && i < MAX_RECENT_POSTS; i++)
    gtk_list_box_append (self->recent_list, create_row (self, g_ptr_array_index (posts, i)));

  gtk_widget_set_visible (self->recent_box, posts->len > 0);
}

static void
row_activated_cb (BylineStartPage *self,
                  GtkListBoxRow   *row,
                  GtkListBox      *list)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-uri", "s", uri);
}

GtkWidget *
byline_start_page_new (void)
{
  return g_object_new (BYLINE_TYPE_START_PAGE, NULL);
}

static void
byline_start_page_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), BYLINE_TYPE_START_PAGE);

  /* The template's root box has no id, so it is not disposed with it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (byline_start_page_parent_class)->dispose (object);
}

static void
byline_start_page_class_init (BylineStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_start_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/byline-start-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, BylineStartPage, recent_box);
  gtk_widget_class_bind_template_child (widget_class, BylineStartPage, recent_list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
byline_start_page_init (BylineStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->draft_store = byline_draft_store_get_default ();
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (byline_start_page_reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->draft_store, "changed",
                           G_CALLBACK (byline_start_page_reload), self, G_CONNECT_SWAPPED);
  byline_start_page_reload (self);
}
