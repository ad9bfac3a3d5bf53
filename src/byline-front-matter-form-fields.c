/* byline-front-matter-form-fields.c — one row of the form per field type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-front-matter-form"

#include "config.h"

#include "byline-front-matter-form-private.h"

#include "byline-severity-style.h"
#include "byline-tag-list.h"

#include <glib/gi18n.h>
#include <string.h>

void
form_field_free (FormField *field)
{
  g_clear_handle_id (&field->commit_source, g_source_remove);
  g_clear_pointer (&field->error, g_free);
  g_free (field);
}

gboolean
form_field_has_focus (FormField *field)
{
  return gtk_event_controller_focus_contains_focus (GTK_EVENT_CONTROLLER_FOCUS (field->focus));
}

/* Signal handlers: edits by the user */

static void
editable_changed_cb (GtkEditable *editable,
                     FormField   *field)
{
  byline_front_matter_form_field_edited (field->form, field, FALSE);
}

static void
entry_activated_cb (AdwEntryRow *row,
                    FormField   *field)
{
  byline_front_matter_form_commit_field (field->form, field, COMMIT_ACTIVATE);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                FormField               *field)
{
  byline_front_matter_form_field_left (field->form, field);
}

/* The count follows every keystroke, and the text the form shows. */
static void
update_count (FormField *field)
{
  g_autofree char *label = NULL;
  int count = gtk_text_buffer_get_char_count (field->text);

  if (field->spec->max_length > 0)
    label = g_strdup_printf ("%d / %u", count, field->spec->max_length);
  else
    label = g_strdup_printf ("%d", count);
  gtk_label_set_label (field->count, label);

  if (field->spec->max_length > 0 && (guint) count > field->spec->max_length)
    gtk_widget_add_css_class (GTK_WIDGET (field->count), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (field->count), "error");
}

static void
text_changed_cb (GtkTextBuffer *buffer,
                 FormField     *field)
{
  update_count (field);
  byline_front_matter_form_field_edited (field->form, field, FALSE);
}

static void
tag_list_changed_cb (BylineTagList *list,
                     FormField     *field)
{
  byline_front_matter_form_field_edited (field->form, field, TRUE);
}

static void
switch_active_cb (GtkSwitch  *widget,
                  GParamSpec *pspec,
                  FormField  *field)
{
  byline_front_matter_form_field_edited (field->form, field, TRUE);
}

/* Dates: an entry and a calendar */

static void
calendar_show_cb (GtkPopover *popover,
                  FormField  *field)
{
  g_autoptr(GDateTime) date = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (field->control));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (!byline_parse_date (stripped, &date, NULL))
    date = g_date_time_new_now_local ();
  gtk_calendar_select_day (field->calendar, date);
}

static void
calendar_day_selected_cb (GtkCalendar *calendar,
                          FormField   *field)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (field->control));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *value = NULL;

  /* A date-time keeps its time and zone: only the day is picked here. */
  if (byline_parse_date (stripped, NULL, NULL) && strlen (stripped) > 10)
    value = g_strconcat (date, stripped + 10, NULL);
  else
    value = g_steal_pointer (&date);

  gtk_editable_set_text (GTK_EDITABLE (field->control), value);
  gtk_popover_popdown (field->popover);
  byline_front_matter_form_commit_field (field->form, field, COMMIT_NOW);
}

static GtkWidget *
make_calendar_button (FormField *field)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  g_autofree char *name = g_strdup_printf (_("Choose the %s"), field->spec->label);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (calendar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, field->spec->label,
                                  -1);

  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);

  field->calendar = GTK_CALENDAR (calendar);
  field->popover = GTK_POPOVER (popover);
  g_signal_connect (popover, "show", G_CALLBACK (calendar_show_cb), field);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb), field);

  return button;
}

/* Rows */

static GtkWidget *
make_problem_icon (void)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (icon, FALSE);
  gtk_widget_add_css_class (icon, "byline-form-problem");
  return icon;
}

static void
build_entry_row (FormField *field)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field->spec->label);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);

  field->problem = make_problem_icon ();
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), field->problem);
  if (field->spec->type == BYLINE_FIELD_DATE)
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), make_calendar_button (field));

  g_signal_connect (row, "changed", G_CALLBACK (editable_changed_cb), field);
  g_signal_connect (row, "entry-activated", G_CALLBACK (entry_activated_cb), field);

  field->row = row;
  field->control = row;
}

/* A row with the label above its own control, for the long text and lists
 * that do not fit in an entry row. */
static GtkWidget *
make_tall_row (FormField  *field,
               GtkWidget **header)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (field->spec->label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field->spec->label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "byline-form-tall-row");

  *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "byline-form-title");
  gtk_box_append (GTK_BOX (*header), title);

  field->problem = make_problem_icon ();
  gtk_box_append (GTK_BOX (*header), field->problem);

  gtk_box_append (GTK_BOX (box), *header);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static void
build_text_row (FormField *field)
{
  GtkWidget *header;
  GtkWidget *row = make_tall_row (field, &header);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_widget_add_css_class (count, "caption");
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (header), count);
  field->count = GTK_LABEL (count);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 90);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (gtk_widget_get_parent (header)), frame);

  field->text = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_signal_connect (field->text, "changed", G_CALLBACK (text_changed_cb), field);

  field->row = row;
  field->control = view;
}

/* What one item of a list is called in "Remove keyword istio". */
static const char *
item_name_for (const BylineFieldSpec *spec)
{
  if (g_str_equal (spec->key, "keywords"))
    return _("keyword");
  if (g_str_equal (spec->key, "aliases"))
    return _("alias");
  if (g_str_equal (spec->key, "tags"))
    return _("tag");
  if (g_str_equal (spec->key, "categories"))
    return _("category");
  return spec->label;
}

static void
build_list_row (FormField *field)
{
  GtkWidget *header;
  GtkWidget *row = make_tall_row (field, &header);
  GtkWidget *list = byline_tag_list_new ();

  byline_tag_list_set_label (BYLINE_TAG_LIST (list), field->spec->label);
  byline_tag_list_set_item_name (BYLINE_TAG_LIST (list), item_name_for (field->spec));
  gtk_box_append (GTK_BOX (gtk_widget_get_parent (header)), list);
  g_signal_connect (list, "changed", G_CALLBACK (tag_list_changed_cb), field);

  field->row = row;
  field->control = list;
}

static void
build_bool_row (FormField *field)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *widget = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field->spec->label);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  if (field->spec->help != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), field->spec->help);

  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  field->problem = make_problem_icon ();
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), field->problem);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), widget);
  g_signal_connect (widget, "notify::active", G_CALLBACK (switch_active_cb), field);

  field->row = row;
  field->control = widget;
}

FormField *
byline_front_matter_form_add_field (BylineFrontMatterForm *self,
                                    const BylineFieldSpec *spec)
{
  FormField *field = g_new0 (FormField, 1);

  field->form = self;
  field->spec = spec;

  switch (spec->type)
    {
    case BYLINE_FIELD_TEXT:
      build_text_row (field);
      break;

    case BYLINE_FIELD_STRING_LIST:
      build_list_row (field);
      break;

    case BYLINE_FIELD_BOOL:
      build_bool_row (field);
      break;

    case BYLINE_FIELD_STRING:
    case BYLINE_FIELD_DATE:
    case BYLINE_FIELD_NUMBER:
    case BYLINE_FIELD_INTEGER:
    default:
      build_entry_row (field);
      break;
    }

  /* Screen readers and UI tests find each field by its visible label. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->control),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spec->label,
                                  -1);
  if (spec->help != NULL)
    {
      gtk_widget_set_tooltip_text (field->row, spec->help);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field->control),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, spec->help,
                                      -1);
    }

  field->focus = gtk_event_controller_focus_new ();
  g_signal_connect (field->focus, "leave", G_CALLBACK (focus_leave_cb), field);
  gtk_widget_add_controller (field->row, field->focus);

  if (field->count != NULL)
    update_count (field);

  adw_preferences_group_add (self->fields_group, field->row);
  return field;
}

/* Values */

static char *
dup_text_buffer (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
form_field_show_value (FormField         *field,
                       BylineFrontMatter *front_matter)
{
  switch (field->spec->type)
    {
    case BYLINE_FIELD_STRING_LIST:
      {
        static const char * const none[] = { NULL };
        g_auto(GStrv) items = front_matter != NULL
                              ? byline_field_dup_strv (field->spec, front_matter) : NULL;
        g_auto(GStrv) shown = byline_tag_list_dup_items (BYLINE_TAG_LIST (field->control));
        const char * const *value = items != NULL ? (const char * const *) items : none;

        if (!g_strv_equal ((const char * const *) shown, value))
          byline_tag_list_set_items (BYLINE_TAG_LIST (field->control), value);
      }
      break;

    case BYLINE_FIELD_BOOL:
      gtk_switch_set_active (GTK_SWITCH (field->control),
                             front_matter != NULL
                             && byline_field_get_bool (field->spec, front_matter));
      break;

    case BYLINE_FIELD_TEXT:
      {
        g_autofree char *value = front_matter != NULL
                                 ? byline_field_dup_text (field->spec, front_matter)
                                 : g_strdup ("");
        g_autofree char *shown = dup_text_buffer (field->text);

        if (!g_str_equal (value, shown))
          gtk_text_buffer_set_text (field->text, value, -1);
      }
      break;

    case BYLINE_FIELD_STRING:
    case BYLINE_FIELD_DATE:
    case BYLINE_FIELD_NUMBER:
    case BYLINE_FIELD_INTEGER:
    default:
      {
        g_autofree char *value = front_matter != NULL
                                 ? byline_field_dup_text (field->spec, front_matter)
                                 : g_strdup ("");

        if (!g_str_equal (value, gtk_editable_get_text (GTK_EDITABLE (field->control))))
          gtk_editable_set_text (GTK_EDITABLE (field->control), value);
      }
      break;
    }

  g_clear_pointer (&field->error, g_free);
  field->dirty = FALSE;
  field->stale = FALSE;
}

/* The most severe of the rules' findings about the field's key: a missing
 * or empty value, a wrong type, a description without a period. */
static const BylineDiagnostic *
find_finding (FormField *field)
{
  BylineAnalysis *analysis = field->form->document != NULL
                             ? byline_document_get_analysis (field->form->document) : NULL;
  const BylineDiagnostic *found = NULL;
  GPtrArray *diagnostics;

  if (analysis == NULL)
    return NULL;

  diagnostics = byline_analysis_get_diagnostics (analysis);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const BylineDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      if (byline_diagnostic_is_about (diagnostic, BYLINE_SUBJECT_FRONT_MATTER_KEY,
                                      field->spec->key) &&
          (found == NULL || diagnostic->severity > found->severity))
        found = diagnostic;
    }

  return found;
}

void
form_field_update_problem (FormField         *field,
                           BylineFrontMatter *front_matter)
{
  const BylineDiagnostic *finding = NULL;
  const char *message = NULL;
  BylineSeverity severity = BYLINE_SEVERITY_OFF;
  GtkWidget *row = field->row;

  /* A value the form cannot write comes first: it is what was just typed. */
  if (field->error != NULL)
    {
      severity = BYLINE_SEVERITY_ERROR;
      message = field->error;
    }
  else if ((finding = find_finding (field)) != NULL)
    {
      severity = finding->severity;
      message = finding->message;
    }

  gtk_widget_set_visible (field->problem, message != NULL);
  gtk_widget_set_tooltip_text (field->problem, message);
  if (message != NULL)
    gtk_image_set_from_icon_name (GTK_IMAGE (field->problem),
                                  byline_severity_get_icon_name (severity));

  /* Rows show errors and warnings; an info is there in the icon only. */
  byline_severity_style_widget (row, severity >= BYLINE_SEVERITY_WARNING ? severity
                                                                         : BYLINE_SEVERITY_OFF);

  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (field->control),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                    -1);
  else if (field->spec->help != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (field->control),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, field->spec->help,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (field->control),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  gtk_accessible_update_state (GTK_ACCESSIBLE (field->control),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               field->error != NULL ? GTK_ACCESSIBLE_INVALID_TRUE
                                                    : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

BylineTextPatch *
form_field_make_patch (FormField          *field,
                       BylineFrontMatter  *front_matter,
                       BylineFieldEdit    *edit,
                       GError            **error)
{
  BylineFrontMatterForm *self = field->form;
  const char * const *order = byline_profile_get_field_order (self->profile);

  switch (field->spec->type)
    {
    case BYLINE_FIELD_STRING_LIST:
      {
        g_auto(GStrv) items = byline_tag_list_dup_items (BYLINE_TAG_LIST (field->control));

        return byline_field_set_strv (field->spec, front_matter, (const char * const *) items,
                                      order, edit);
      }

    case BYLINE_FIELD_BOOL:
      return byline_field_set_bool (field->spec, front_matter,
                                    gtk_switch_get_active (GTK_SWITCH (field->control)),
                                    order, edit);

    case BYLINE_FIELD_TEXT:
      {
        g_autofree char *text = dup_text_buffer (field->text);

        return byline_field_set_text (field->spec, front_matter, text, order, edit, error);
      }

    case BYLINE_FIELD_STRING:
    case BYLINE_FIELD_DATE:
    case BYLINE_FIELD_NUMBER:
    case BYLINE_FIELD_INTEGER:
    default:
      return byline_field_set_text (field->spec, front_matter,
                                    gtk_editable_get_text (GTK_EDITABLE (field->control)),
                                    order, edit, error);
    }
}
