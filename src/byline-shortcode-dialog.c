/* byline-shortcode-dialog.c — choose a shortcode, fill its parameters, see it rendered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-shortcode-dialog"

#include "config.h"

#include "byline-shortcode-dialog.h"

#include "byline-bundle.h"
#include "byline-preview-pane.h"
#include "byline-renderer.h"

#include <glib/gi18n.h>
#include <string.h>

/* Typing in a field renders the call again after this pause. */
#define PREVIEW_DELAY_MS 150

/* One parameter of the form. */
typedef struct
{
  char     *name;      /* NULL for a positional one */
  int       position;
  gboolean  required;
  GtkEntry *entry;
} Field;

struct _BylineShortcodeDialog
{
  AdwWindow               parent_instance;

  /* Template children */
  GtkButton              *insert_button;
  GtkSearchEntry         *search_entry;
  GtkListBox             *list_box;
  GtkLabel               *name_label;
  GtkLabel               *summary_label;
  GtkGrid                *form_grid;
  GtkLabel               *no_params_label;
  GtkWidget              *inner_box;
  GtkTextView            *inner_view;
  GtkLabel               *error_label;
  GtkLabel               *call_label;
  BylinePreviewPane      *preview;

  BylineShortcodeCatalog *catalog;
  BylineRenderer         *renderer;
  const BylineShortcodeEntry *entry;   /* the chosen one, owned by the catalog */
  GPtrArray              *fields;      /* of Field */
  GPtrArray              *call_params; /* of char *: name, value pairs of the edited call */
  char                   *call_inner;  /* the edited call's inner text, for the preview */
  char                   *error;
  BylineShortcodeDelim    delim;
  guint                   preview_source;
  guint                   editing : 1;
};

G_DEFINE_FINAL_TYPE (BylineShortcodeDialog, byline_shortcode_dialog, ADW_TYPE_WINDOW)

enum {
  INSERT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update (BylineShortcodeDialog *self);

static void
field_free (gpointer data)
{
  Field *field = data;

  g_free (field->name);
  g_free (field);
}

/* The call */

static char *
dup_inner (BylineShortcodeDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->inner_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
field_value (const Field *field)
{
  return gtk_editable_get_text (GTK_EDITABLE (field->entry));
}

/* Writes the opening tag into @out; returns why it cannot be inserted,
 * or NULL. */
static char *
check_and_write (BylineShortcodeDialog *self,
                 GString               *out)
{
  char *error = NULL;
  gboolean has_named = FALSE;
  int last_position = -1;
  const char *left = self->delim == BYLINE_SHORTCODE_PERCENT ? "{{%" : "{{<";
  const char *right = self->delim == BYLINE_SHORTCODE_PERCENT ? "%}}" : ">}}";

  for (guint i = 0; i < self->fields->len; i++)
    {
      const Field *field = g_ptr_array_index (self->fields, i);

      if (field_value (field)[0] == '\0')
        continue;
      if (field->name != NULL)
        has_named = TRUE;
      else
        last_position = MAX (last_position, field->position);
    }
  if (has_named && last_position >= 0)
    error = g_strdup (_("A call takes named or positional values, not both: empty one kind"));

  for (guint i = 0; i < self->fields->len && error == NULL; i++)
    {
      const Field *field = g_ptr_array_index (self->fields, i);

      /* A template may take a value by name or by position: a call is held
       * to the kind it uses, as by the linter. */
      if (field->required && field_value (field)[0] == '\0' &&
          (field->name != NULL ? last_position < 0 : !has_named))
        error = field->name != NULL
                ? g_strdup_printf (_("“%s” is required"), field->name)
                : g_strdup_printf (_("Value %d is required"), field->position + 1);
    }

  g_string_append_printf (out, "%s %s", left, self->entry->name);
  if (has_named)
    for (guint i = 0; i < self->fields->len; i++)
      {
        const Field *field = g_ptr_array_index (self->fields, i);

        if (field->name != NULL && field_value (field)[0] != '\0')
          byline_shortcode_append_param (out, field->name, field_value (field));
      }
  /* Positions in order; an empty one before a given one is written empty. */
  for (int position = 0; position <= last_position; position++)
    {
      const char *value = "";

      for (guint i = 0; i < self->fields->len; i++)
        {
          const Field *field = g_ptr_array_index (self->fields, i);

          if (field->name == NULL && field->position == position)
            value = field_value (field);
        }
      byline_shortcode_append_param (out, NULL, value);
    }
  g_string_append_printf (out, " %s", right);
  return error;
}

/* The whole call as a new one, for the preview and for inserting. */
static char *
dup_full_call (BylineShortcodeDialog *self,
               gboolean               with_inner)
{
  GString *out = g_string_new (NULL);
  g_autofree char *error = check_and_write (self, out);
  g_autofree char *inner = NULL;

  if (self->entry->paired && with_inner)
    {
      inner = self->editing ? g_strdup (self->call_inner) : dup_inner (self);
      g_string_append_printf (out, "%s%s /%s %s", inner != NULL ? inner : "",
                              self->delim == BYLINE_SHORTCODE_PERCENT ? "{{%" : "{{<",
                              self->entry->name,
                              self->delim == BYLINE_SHORTCODE_PERCENT ? "%}}" : ">}}");
    }
  return g_string_free (out, FALSE);
}

char *
byline_shortcode_dialog_dup_shortcode (BylineShortcodeDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_SHORTCODE_DIALOG (self), NULL);

  if (self->entry == NULL)
    return NULL;
  return dup_full_call (self, !self->editing);
}

const char *
byline_shortcode_dialog_get_error (BylineShortcodeDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_SHORTCODE_DIALOG (self), NULL);
  return self->error;
}

/* Preview */

static gboolean
render_preview_cb (gpointer user_data)
{
  BylineShortcodeDialog *self = user_data;
  g_autofree char *call = NULL;
  g_autoptr(BylinePost) post = NULL;
  g_autoptr(BylineRendering) rendering = NULL;

  self->preview_source = 0;
  if (self->entry == NULL)
    return G_SOURCE_REMOVE;

  call = dup_full_call (self, TRUE);
  post = byline_post_new (call, -1);
  rendering = byline_renderer_render (self->renderer, post);
  byline_preview_pane_update (self->preview, rendering);
  return G_SOURCE_REMOVE;
}

static void
update (BylineShortcodeDialog *self)
{
  g_autoptr(GString) tag = g_string_new (NULL);
  g_autofree char *call = NULL;

  g_clear_pointer (&self->error, g_free);
  if (self->entry != NULL)
    {
      self->error = check_and_write (self, tag);
      call = dup_full_call (self, !self->editing);
    }
  gtk_label_set_text (self->call_label, call != NULL ? call : "");
  gtk_label_set_text (self->error_label, self->error != NULL ? self->error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), self->error != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "shortcode.insert",
                                 self->entry != NULL && self->error == NULL);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, render_preview_cb, self);
}

/* The form */

static void
field_changed_cb (BylineShortcodeDialog *self)
{
  update (self);
}

static void
add_field (BylineShortcodeDialog *self,
           const char            *name,
           int                    position,
           const char            *placeholder,
           const char            *help,
           gboolean               required)
{
  Field *field = g_new0 (Field, 1);
  g_autofree char *title = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *label;
  int row = (int) self->fields->len;

  field->name = g_strdup (name);
  field->position = position;
  field->required = required;

  if (name != NULL)
    title = required ? g_strdup_printf (_("%s (required)"), name) : g_strdup (name);
  else if (help != NULL)
    title = required ? g_strdup_printf (_("Value %d: %s (required)"), position + 1, help)
                     : g_strdup_printf (_("Value %d: %s"), position + 1, help);
  else
    title = required ? g_strdup_printf (_("Value %d (required)"), position + 1)
                     : g_strdup_printf (_("Value %d"), position + 1);

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_grid_attach (self->form_grid, label, 0, row, 1, 1);

  field->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (field->entry), TRUE);
  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (field->entry, placeholder);
  if (help != NULL && name != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (field->entry), help);
  accessible = help != NULL && name != NULL ? g_strdup_printf ("%s: %s", title, help)
                                            : g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_grid_attach (self->form_grid, GTK_WIDGET (field->entry), 1, row, 1, 1);
  g_signal_connect_object (field->entry, "changed", G_CALLBACK (field_changed_cb), self,
                           G_CONNECT_SWAPPED);

  g_ptr_array_add (self->fields, field);
}

GtkEditable *
byline_shortcode_dialog_get_field (BylineShortcodeDialog *self,
                                   const char            *name,
                                   int                    position)
{
  g_return_val_if_fail (BYLINE_IS_SHORTCODE_DIALOG (self), NULL);

  for (guint i = 0; i < self->fields->len; i++)
    {
      const Field *field = g_ptr_array_index (self->fields, i);

      if (name != NULL ? g_strcmp0 (field->name, name) == 0
                       : field->name == NULL && field->position == position)
        return GTK_EDITABLE (field->entry);
    }
  return NULL;
}

static void
build_form (BylineShortcodeDialog *self)
{
  GtkWidget *child;
  g_autofree char *summary = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->form_grid))) != NULL)
    gtk_grid_remove (self->form_grid, child);
  g_ptr_array_set_size (self->fields, 0);

  gtk_label_set_text (self->name_label, self->entry != NULL ? self->entry->name : "");
  summary = self->entry != NULL ? byline_shortcode_entry_dup_summary (self->entry) : NULL;
  gtk_label_set_text (self->summary_label, summary != NULL ? summary : "");
  if (self->entry == NULL)
    {
      update (self);
      return;
    }

  for (guint i = 0; i < self->entry->params->len; i++)
    {
      const BylineShortcodeParamInfo *param = g_ptr_array_index (self->entry->params, i);

      add_field (self, param->name, param->position, param->default_value, param->help,
                 param->required);
    }

  /* What the edited call gives and the template does not read stays, so
   * that Apply loses nothing. */
  for (guint i = 0; self->call_params != NULL && i < self->call_params->len; i += 2)
    {
      const char *name = g_ptr_array_index (self->call_params, i);
      guint64 position = 0;
      gboolean positional = g_ascii_string_to_unsigned (name, 10, 0, 999, &position, NULL);

      if (byline_shortcode_dialog_get_field (self, positional ? NULL : name, (int) position) == NULL)
        add_field (self, positional ? NULL : name, (int) position, NULL, NULL, FALSE);
      gtk_editable_set_text (byline_shortcode_dialog_get_field (self, positional ? NULL : name,
                                                                (int) position),
                             g_ptr_array_index (self->call_params, i + 1));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->no_params_label), self->fields->len == 0);
  gtk_widget_set_visible (self->inner_box, self->entry->paired && !self->editing);
  update (self);
}

/* The list */

static GtkWidget *
create_row (const BylineShortcodeEntry *entry)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (entry->name);
  g_autofree char *summary_text = byline_shortcode_entry_dup_summary (entry);
  GtkWidget *summary = gtk_label_new (summary_text);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_ellipsize (GTK_LABEL (summary), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_widget_add_css_class (summary, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), summary);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  entry->name, -1);
  g_object_set_data_full (G_OBJECT (row), "byline-search-text",
                          g_utf8_casefold (entry->name, -1), g_free);
  g_object_set_data_full (G_OBJECT (row), "byline-name", g_strdup (entry->name), g_free);
  return row;
}

static gboolean
filter_row_cb (GtkListBoxRow *row,
               gpointer       user_data)
{
  BylineShortcodeDialog *self = user_data;
  g_autofree char *query = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                            -1);

  return strstr (g_object_get_data (G_OBJECT (row), "byline-search-text"), query) != NULL;
}

static void
search_changed_cb (BylineShortcodeDialog *self)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->list_box);

  gtk_list_box_invalidate_filter (self->list_box);
  if (selected != NULL && filter_row_cb (selected, self))
    return;
  /* The chosen shortcode is filtered out: the first one left instead. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && filter_row_cb (GTK_LIST_BOX_ROW (row), self))
      {
        gtk_list_box_select_row (self->list_box, GTK_LIST_BOX_ROW (row));
        return;
      }
}

static void
row_selected_cb (BylineShortcodeDialog *self,
                 GtkListBoxRow         *row)
{
  const char *name = row != NULL ? g_object_get_data (G_OBJECT (row), "byline-name") : NULL;
  const BylineShortcodeEntry *entry = name != NULL
                                      ? byline_shortcode_catalog_lookup (self->catalog, name)
                                      : NULL;

  if (entry == self->entry)
    return;
  /* Another shortcode: the edited call's values no longer apply. */
  if (self->entry != NULL)
    g_clear_pointer (&self->call_params, g_ptr_array_unref);
  self->entry = entry;
  build_form (self);
}

gboolean
byline_shortcode_dialog_select (BylineShortcodeDialog *self,
                                const char            *name)
{
  g_return_val_if_fail (BYLINE_IS_SHORTCODE_DIALOG (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) &&
        g_strcmp0 (g_object_get_data (G_OBJECT (row), "byline-name"), name) == 0)
      {
        gtk_list_box_select_row (self->list_box, GTK_LIST_BOX_ROW (row));
        return TRUE;
      }
  return FALSE;
}

const char *
byline_shortcode_dialog_get_name (BylineShortcodeDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_SHORTCODE_DIALOG (self), NULL);
  return self->entry != NULL ? self->entry->name : NULL;
}

void
byline_shortcode_dialog_set_call (BylineShortcodeDialog *self,
                                  const char            *text,
                                  const BylineShortcode *call)
{
  g_return_if_fail (BYLINE_IS_SHORTCODE_DIALOG (self));
  g_return_if_fail (text != NULL && call != NULL);

  self->editing = TRUE;
  self->delim = call->delim;
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Shortcode"));
  gtk_button_set_label (self->insert_button, _("_Apply"));

  g_clear_pointer (&self->call_params, g_ptr_array_unref);
  self->call_params = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0, position = 0; i < call->params->len; i++)
    {
      const BylineShortcodeParam *param = g_ptr_array_index (call->params, i);

      g_ptr_array_add (self->call_params, param->name != NULL ? g_strdup (param->name)
                                                              : g_strdup_printf ("%u", position++));
      g_ptr_array_add (self->call_params, g_strdup (param->value));
    }
  g_free (self->call_inner);
  self->call_inner = call->pair >= 0 ? g_strndup (text + call->inner.start,
                                                  call->inner.end - call->inner.start)
                                     : NULL;

  /* Selecting the row that is selected already says nothing. */
  self->entry = NULL;
  if (!byline_shortcode_dialog_select (self, call->name))
    gtk_list_box_unselect_all (self->list_box);
  else if (self->entry == NULL)
    self->entry = byline_shortcode_catalog_lookup (self->catalog, call->name);
  build_form (self);
  if (self->fields->len > 0)
    gtk_window_set_focus (GTK_WINDOW (self),
                          GTK_WIDGET (((Field *) g_ptr_array_index (self->fields, 0))->entry));
}

gboolean
byline_shortcode_dialog_get_editing (BylineShortcodeDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_SHORTCODE_DIALOG (self), FALSE);
  return self->editing;
}

void
byline_shortcode_dialog_set_inner (BylineShortcodeDialog *self,
                                   const char            *inner)
{
  g_return_if_fail (BYLINE_IS_SHORTCODE_DIALOG (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->inner_view),
                            inner != NULL ? inner : "", -1);
}

/* Actions */

static void
insert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BylineShortcodeDialog *self = BYLINE_SHORTCODE_DIALOG (widget);

  if (self->entry != NULL && self->error == NULL)
    g_signal_emit (self, signals[INSERT], 0);
}

static void
inner_changed_cb (BylineShortcodeDialog *self)
{
  if (self->entry != NULL)
    update (self);
}

BylineShortcodeDialog *
byline_shortcode_dialog_new (BylineShortcodeCatalog *catalog,
                             BylineProfile          *profile,
                             GFile                  *post_file)
{
  BylineShortcodeDialog *self;
  g_autoptr(BylineBundle) bundle = NULL;

  g_return_val_if_fail (BYLINE_IS_SHORTCODE_CATALOG (catalog), NULL);
  g_return_val_if_fail (BYLINE_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (post_file == NULL || G_IS_FILE (post_file), NULL);

  self = g_object_new (BYLINE_TYPE_SHORTCODE_DIALOG, NULL);
  self->catalog = g_object_ref (catalog);

  if (post_file != NULL)
    {
      g_autofree char *uri = NULL;
      g_autofree char *base_uri = NULL;

      bundle = byline_bundle_new (post_file);
      uri = g_file_get_uri (byline_bundle_get_folder (bundle));
      base_uri = g_str_has_suffix (uri, "/") ? g_strdup (uri) : g_strconcat (uri, "/", NULL);
      byline_preview_pane_set_folder (self->preview, byline_bundle_get_folder (bundle));
      self->renderer = byline_renderer_new (profile, bundle);
      byline_renderer_set_base_uri (self->renderer, base_uri);
    }
  else
    self->renderer = byline_renderer_new (profile, NULL);
  if (byline_profile_get_stylesheet (profile) != NULL)
    byline_preview_pane_set_stylesheet (self->preview, byline_profile_get_stylesheet (profile));

  for (guint i = 0; i < byline_shortcode_catalog_get_n_entries (catalog); i++)
    gtk_list_box_append (self->list_box,
                         create_row (byline_shortcode_catalog_get_entry (catalog, i)));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->search_entry));
  update (self);
  return self;
}

void
byline_shortcode_dialog_set_site (BylineShortcodeDialog *self,
                                  BylineSite            *site)
{
  g_return_if_fail (BYLINE_IS_SHORTCODE_DIALOG (self));
  g_return_if_fail (site == NULL || BYLINE_IS_SITE (site));

  byline_renderer_set_site (self->renderer, site);
  update (self);
}

/* GObject */

static void
byline_shortcode_dialog_dispose (GObject *object)
{
  BylineShortcodeDialog *self = BYLINE_SHORTCODE_DIALOG (object);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  /* The list box unselects its rows as it goes. */
  if (self->list_box != NULL)
    g_signal_handlers_disconnect_by_data (self->list_box, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_SHORTCODE_DIALOG);

  G_OBJECT_CLASS (byline_shortcode_dialog_parent_class)->dispose (object);
}

static void
byline_shortcode_dialog_finalize (GObject *object)
{
  BylineShortcodeDialog *self = BYLINE_SHORTCODE_DIALOG (object);

  g_clear_object (&self->catalog);
  g_clear_object (&self->renderer);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->call_params, g_ptr_array_unref);
  g_free (self->call_inner);
  g_free (self->error);

  G_OBJECT_CLASS (byline_shortcode_dialog_parent_class)->finalize (object);
}

static void
byline_shortcode_dialog_class_init (BylineShortcodeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_shortcode_dialog_dispose;
  object_class->finalize = byline_shortcode_dialog_finalize;

  signals[INSERT] = g_signal_new ("insert", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (BYLINE_TYPE_PREVIEW_PANE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/byline-shortcode-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineShortcodeDialog, insert_button);
  gtk_widget_class_bind_template_child (widget_class, BylineShortcodeDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BylineShortcodeDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, BylineShortcodeDialog, name_label);
  gtk_widget_class_bind_template_child (widget_class, BylineShortcodeDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, BylineShortcodeDialog, form_grid);
  gtk_widget_class_bind_template_child (widget_class, BylineShortcodeDialog, no_params_label);
  gtk_widget_class_bind_template_child (widget_class, BylineShortcodeDialog, inner_box);
  gtk_widget_class_bind_template_child (widget_class, BylineShortcodeDialog, inner_view);
  gtk_widget_class_bind_template_child (widget_class, BylineShortcodeDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, BylineShortcodeDialog, call_label);
  gtk_widget_class_bind_template_child (widget_class, BylineShortcodeDialog, preview);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);

  gtk_widget_class_install_action (widget_class, "shortcode.insert", NULL, insert_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
byline_shortcode_dialog_init (BylineShortcodeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields = g_ptr_array_new_with_free_func (field_free);
  self->delim = BYLINE_SHORTCODE_ANGLE;
  gtk_list_box_set_filter_func (self->list_box, filter_row_cb, self, NULL);
  g_signal_connect_object (gtk_text_view_get_buffer (self->inner_view), "changed",
                           G_CALLBACK (inner_changed_cb), self, G_CONNECT_SWAPPED);
}
