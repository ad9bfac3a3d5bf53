/* byline-new-post-dialog.c — a new post from the site's archetype: title, section, form, date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline"

#include "config.h"

#include "byline-new-post-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "byline-archetype.h"

struct _BylineNewPostDialog
{
  AdwWindow       parent_instance;

  GFile          *near;
  BylineSite     *site;
  char           *content_folder;
  char           *wanted_section;
  GtkStringList  *sections;
  GCancellable   *cancellable;
  gboolean        ready;
  GDateTime      *day;            /* the chosen day, local midnight */
  char           *error;

  AdwActionRow   *site_row;
  AdwEntryRow    *title_row;
  AdwComboRow    *section_row;
  AdwComboRow    *form_row;
  GtkMenuButton  *date_button;
  GtkCalendar    *calendar;
  GtkLabel       *path_label;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (BylineNewPostDialog, byline_new_post_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  BylineSite *site;
  char       *content_folder;
  GPtrArray  *sections;
  char       *near_section;   /* the section holding the near file, or NULL */
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_object (&loaded->site);
  g_free (loaded->content_folder);
  g_clear_pointer (&loaded->sections, g_ptr_array_unref);
  g_free (loaded->near_section);
  g_free (loaded);
}

static void
set_error (BylineNewPostDialog *self,
           const char          *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static const char *
selected_section (BylineNewPostDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->section_row);

  if (!self->ready || selected == GTK_INVALID_LIST_POSITION ||
      selected >= g_list_model_get_n_items (G_LIST_MODEL (self->sections)))
    return NULL;
  return gtk_string_list_get_string (self->sections, selected);
}

char *
byline_new_post_dialog_dup_path (BylineNewPostDialog *self)
{
  const char *section = selected_section (self);
  g_autofree char *slug = byline_archetype_slug (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  g_autofree char *name = NULL;

  g_return_val_if_fail (BYLINE_IS_NEW_POST_DIALOG (self), NULL);

  if (section == NULL || slug == NULL || self->content_folder == NULL)
    return NULL;
  if (adw_combo_row_get_selected (self->form_row) == 0)
    return g_build_filename (self->content_folder, section, slug, "index.md", NULL);
  name = g_strconcat (slug, ".md", NULL);
  return g_build_filename (self->content_folder, section, name, NULL);
}

static void
update (BylineNewPostDialog *self)
{
  g_autofree char *path = byline_new_post_dialog_dup_path (self);
  g_autofree char *day = g_date_time_format (self->day, "%Y-%m-%d");
  GFile *root = self->site != NULL ? byline_site_get_root (self->site) : NULL;
  g_autofree char *root_path = root != NULL ? g_file_get_path (root) : NULL;

  gtk_menu_button_set_label (self->date_button, day);
  if (root_path != NULL)
    adw_action_row_set_subtitle (self->site_row, root_path);
  else if (self->ready || self->near == NULL)
    adw_action_row_set_subtitle (self->site_row, _("Choose the folder of a Hugo site"));
  else
    adw_action_row_set_subtitle (self->site_row, _("Reading the site…"));

  if (path != NULL && root_path != NULL && g_str_has_prefix (path, root_path))
    {
      /* TRANSLATORS: %s is the file the dialog will create, below the site. */
      g_autofree char *text = g_strdup_printf (_("Creates %s"), path + strlen (root_path) + 1);

      gtk_label_set_text (self->path_label, text);
    }
  else
    gtk_label_set_text (self->path_label, "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-post.create", path != NULL);
}

static void
changed_cb (BylineNewPostDialog *self)
{
  set_error (self, NULL);
  update (self);
}

static void
select_section (BylineNewPostDialog *self,
                const char          *section)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sections));

  for (guint i = 0; section != NULL && i < n; i++)
    if (strcmp (gtk_string_list_get_string (self->sections, i), section) == 0)
      {
        adw_combo_row_set_selected (self->section_row, i);
        return;
      }
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *near = task_data;
  Loaded *loaded = g_new0 (Loaded, 1);
  g_autoptr(GFile) probe = NULL;
  g_autofree char *near_path = g_file_get_path (near);

  /* The site lookup starts from a file: a folder's own content counts. */
  if (g_file_query_file_type (near, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
    probe = g_file_get_child (near, "new-post.md");
  else
    probe = g_object_ref (near);
  loaded->site = byline_site_lookup (probe, cancellable);
  loaded->sections = byline_archetype_list_sections (loaded->site, &loaded->content_folder);

  /* The section of the near post: the longest one holding it. */
  for (guint i = 0; near_path != NULL && loaded->content_folder != NULL &&
                    i < loaded->sections->len; i++)
    {
      g_autofree char *folder = g_build_filename (loaded->content_folder,
                                                  loaded->sections->pdata[i], NULL);

      if (g_str_has_prefix (near_path, folder) && near_path[strlen (folder)] == '/' &&
          (loaded->near_section == NULL ||
           strlen (loaded->near_section) < strlen (loaded->sections->pdata[i])))
        {
          g_free (loaded->near_section);
          loaded->near_section = g_strdup (loaded->sections->pdata[i]);
        }
    }
  g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_free);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  BylineNewPostDialog *self = BYLINE_NEW_POST_DIALOG (object);
  Loaded *loaded = g_task_propagate_pointer (G_TASK (result), NULL);

  if (loaded == NULL)
    return;   /* cancelled: the dialog is closing or reading another site */

  g_set_object (&self->site, loaded->site);
  g_free (self->content_folder);
  self->content_folder = g_steal_pointer (&loaded->content_folder);
  gtk_string_list_splice (self->sections, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->sections)), NULL);
  for (guint i = 0; i < loaded->sections->len; i++)
    gtk_string_list_append (self->sections, loaded->sections->pdata[i]);
  self->ready = TRUE;
  select_section (self, self->wanted_section != NULL ? self->wanted_section
                                                     : loaded->near_section);
  if (self->content_folder == NULL)
    set_error (self, _("This folder is not in a Hugo site: choose the site’s folder"));
  else if (loaded->sections->len == 0)
    set_error (self, _("The site has no posts yet: create the first one with byline-cli new"));
  loaded_free (loaded);
  update (self);
}

void
byline_new_post_dialog_set_near (BylineNewPostDialog *self,
                                 GFile               *near)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BYLINE_IS_NEW_POST_DIALOG (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->near, near);
  g_clear_object (&self->site);
  self->ready = FALSE;
  if (near == NULL)
    {
      update (self);
      return;
    }
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, load_cb, NULL);
  g_task_set_source_tag (task, byline_new_post_dialog_set_near);
  g_task_set_task_data (task, g_object_ref (near), g_object_unref);
  g_task_run_in_thread (task, load_thread);
  update (self);
}

static void
chooser_response_cb (GtkNativeDialog     *chooser,
                     int                  response,
                     BylineNewPostDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      set_error (self, NULL);
      byline_new_post_dialog_set_near (self, folder);
    }
  g_object_unref (chooser);
}

static void
choose_site_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BylineNewPostDialog *self = BYLINE_NEW_POST_DIALOG (widget);
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Choose the Site’s Folder"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"), NULL);

  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Today means now, as "hugo new" dates a post; another day its midnight. */
static GDateTime *
post_date (BylineNewPostDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_date_time_get_year (now) == g_date_time_get_year (self->day) &&
      g_date_time_get_day_of_year (now) == g_date_time_get_day_of_year (self->day))
    return g_steal_pointer (&now);
  return g_date_time_ref (self->day);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BylineNewPostDialog *self = BYLINE_NEW_POST_DIALOG (widget);
  g_autofree char *path = byline_new_post_dialog_dup_path (self);
  g_autofree char *target = NULL;
  g_autoptr(GDateTime) date = post_date (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_auto(BylineArchetypeResult) result = { 0 };
  BylineArchetypeRequest request = { NULL, };

  if (path == NULL || self->site == NULL)
    return;
  /* A bundle is its folder: the archetype may be a folder too. */
  target = adw_combo_row_get_selected (self->form_row) == 0 ? g_path_get_dirname (path)
                                                            : g_strdup (path);
  request.target = target;
  request.title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  request.date = date;
  if (!byline_archetype_create (self->site, &request, &result, &error))
    {
      set_error (self, error->message);
      return;
    }

  file = g_file_new_for_path (result.content_file);
  g_signal_emit (self, signals[CREATED], 0, file);
  gtk_window_close (GTK_WINDOW (self));
}

static void
day_selected_cb (BylineNewPostDialog *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->calendar);

  g_clear_pointer (&self->day, g_date_time_unref);
  self->day = g_date_time_new_local (g_date_time_get_year (picked),
                                     g_date_time_get_month (picked),
                                     g_date_time_get_day_of_month (picked), 0, 0, 0);
  gtk_menu_button_popdown (self->date_button);
  set_error (self, NULL);
  update (self);
}

static void
entry_activated_cb (BylineNewPostDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "new-post.create", NULL);
}

static void
byline_new_post_dialog_dispose (GObject *object)
{
  BylineNewPostDialog *self = BYLINE_NEW_POST_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_NEW_POST_DIALOG);

  G_OBJECT_CLASS (byline_new_post_dialog_parent_class)->dispose (object);
}

static void
byline_new_post_dialog_finalize (GObject *object)
{
  BylineNewPostDialog *self = BYLINE_NEW_POST_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->near);
  g_clear_object (&self->site);
  g_clear_object (&self->sections);
  g_free (self->content_folder);
  g_free (self->wanted_section);
  g_clear_pointer (&self->day, g_date_time_unref);
  g_free (self->error);

  G_OBJECT_CLASS (byline_new_post_dialog_parent_class)->finalize (object);
}

static void
byline_new_post_dialog_class_init (BylineNewPostDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_new_post_dialog_dispose;
  object_class->finalize = byline_new_post_dialog_finalize;

  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/byline/Byline/byline-new-post-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineNewPostDialog, site_row);
  gtk_widget_class_bind_template_child (widget_class, BylineNewPostDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, BylineNewPostDialog, section_row);
  gtk_widget_class_bind_template_child (widget_class, BylineNewPostDialog, form_row);
  gtk_widget_class_bind_template_child (widget_class, BylineNewPostDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, BylineNewPostDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, BylineNewPostDialog, path_label);
  gtk_widget_class_bind_template_child (widget_class, BylineNewPostDialog, error_label);

  gtk_widget_class_install_action (widget_class, "new-post.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "new-post.choose-site", NULL,
                                   choose_site_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
byline_new_post_dialog_init (BylineNewPostDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sections = gtk_string_list_new (NULL);
  adw_combo_row_set_model (self->section_row, G_LIST_MODEL (self->sections));
  self->day = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                     g_date_time_get_day_of_month (now), 0, 0, 0);
  gtk_calendar_select_day (self->calendar, self->day);

  g_signal_connect_object (self->title_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->section_row, "notify::selected", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form_row, "notify::selected", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->title_row, "entry-activated", G_CALLBACK (entry_activated_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->title_row));
  update (self);
}

BylineNewPostDialog *
byline_new_post_dialog_new (GFile *near)
{
  BylineNewPostDialog *self = g_object_new (BYLINE_TYPE_NEW_POST_DIALOG, NULL);

  byline_new_post_dialog_set_near (self, near);
  return self;
}

BylineSite *
byline_new_post_dialog_get_site (BylineNewPostDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_NEW_POST_DIALOG (self), NULL);

  return self->ready ? self->site : NULL;
}

gboolean
byline_new_post_dialog_is_ready (BylineNewPostDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_NEW_POST_DIALOG (self), FALSE);

  return self->ready;
}

GListModel *
byline_new_post_dialog_get_sections (BylineNewPostDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_NEW_POST_DIALOG (self), NULL);

  return G_LIST_MODEL (self->sections);
}

void
byline_new_post_dialog_set_title_text (BylineNewPostDialog *self,
                                       const char          *title)
{
  g_return_if_fail (BYLINE_IS_NEW_POST_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
}

void
byline_new_post_dialog_set_section (BylineNewPostDialog *self,
                                    const char          *section)
{
  g_return_if_fail (BYLINE_IS_NEW_POST_DIALOG (self));

  g_free (self->wanted_section);
  self->wanted_section = g_strdup (section);
  if (self->ready)
    select_section (self, section);
}

void
byline_new_post_dialog_set_bundle (BylineNewPostDialog *self,
                                   gboolean             bundle)
{
  g_return_if_fail (BYLINE_IS_NEW_POST_DIALOG (self));

  adw_combo_row_set_selected (self->form_row, bundle ? 0 : 1);
}

void
byline_new_post_dialog_set_date (BylineNewPostDialog *self,
                                 GDateTime           *date)
{
  g_return_if_fail (BYLINE_IS_NEW_POST_DIALOG (self));
  g_return_if_fail (date != NULL);

  /* The calendar's day-selected handler takes the day from it. */
  gtk_calendar_select_day (self->calendar, date);
  day_selected_cb (self);
}

const char *
byline_new_post_dialog_get_error (BylineNewPostDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_NEW_POST_DIALOG (self), NULL);

  return self->error;
}
