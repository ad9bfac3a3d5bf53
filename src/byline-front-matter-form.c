/* byline-front-matter-form.c — the front matter as typed fields beside the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form never keeps its own copy of the front matter: it shows what the
 * document's analysis found, the rules' findings on the row of the key they
 * are about, and writes back through the core's text patches, made from the
 * analysis of the current text and applied by byline_document_apply_patches()
 * as one undo step each. A field with the focus or with edits of its own is
 * left alone when the text changes under it.
 */

#define G_LOG_DOMAIN "byline-front-matter-form"

#include "config.h"

#include "byline-front-matter-form-private.h"

#include "byline-site-words.h"
#include "byline-tag-list.h"

#include <glib/gi18n.h>
#include <string.h>

/* How long a pause in typing commits a field. */
#define COMMIT_DELAY_MS 500

G_DEFINE_FINAL_TYPE (BylineFrontMatterForm, byline_front_matter_form, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_EDITABLE,
  N_PROPS
};

enum {
  JUMP_TO_LINE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Keys of list fields whose values other posts of the site can suggest;
 * aliases and the like are unique to each post. */
static const char * const suggested_keys[] = { "keywords", "tags", "categories", NULL };

static FormField *
find_field (BylineFrontMatterForm *self,
            const char            *key)
{
  for (guint i = 0; self->fields != NULL && i < self->fields->len; i++)
    {
      FormField *field = g_ptr_array_index (self->fields, i);

      if (g_str_equal (field->spec->key, key))
        return field;
    }
  return NULL;
}

static BylineAnalysis *
current_analysis (BylineFrontMatterForm *self)
{
  return self->document != NULL ? byline_document_get_analysis (self->document) : NULL;
}

static BylineFrontMatter *
current_front_matter (BylineFrontMatterForm *self)
{
  BylineAnalysis *analysis = current_analysis (self);

  return analysis != NULL ? byline_analysis_get_front_matter (analysis) : NULL;
}

/* Writing */

/* The analysis of the text as it is now, so that a patch never lands on
 * offsets of an older text: run now when it is due, NULL while a large
 * post's analysis is on its way (the form writes when it arrives). */
static BylineAnalysis *
analysis_of_current_text (BylineFrontMatterForm *self)
{
  if (!byline_document_is_analyzed (self->document))
    byline_document_analyze_now (self->document);

  return byline_document_is_analyzed (self->document) ? current_analysis (self) : NULL;
}

static void
toast_undo_cb (BylineFrontMatterForm *self,
               AdwToast              *toast)
{
  GtkTextBuffer *buffer = self->document != NULL ? GTK_TEXT_BUFFER (self->document) : NULL;

  /* After other edits the last undo step is no longer the removal. */
  if (buffer != NULL && byline_document_get_generation (self->document) == self->removal_generation
      && gtk_text_buffer_get_can_undo (buffer))
    gtk_text_buffer_undo (buffer);
}

static void
show_removal_toast (BylineFrontMatterForm *self,
                    FormField             *field)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *title = NULL;
  AdwToast *toast;

  self->removal_generation = byline_document_get_generation (self->document);

  if (overlay == NULL)
    return;

  title = g_strdup_printf (_("Removed %s from the front matter"), field->spec->label);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 6);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_undo_cb), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
byline_front_matter_form_commit_field (BylineFrontMatterForm *self,
                                       FormField             *field,
                                       CommitReason           reason)
{
  g_autoptr(BylineTextPatch) patch = NULL;
  g_autoptr(GError) error = NULL;
  BylineFrontMatter *front_matter;
  BylineAnalysis *analysis;
  BylineFieldEdit edit = BYLINE_FIELD_EDIT_NONE;

  g_clear_handle_id (&field->commit_source, g_source_remove);

  if (!field->dirty || self->document == NULL || !self->editable
      || byline_document_get_busy (self->document))
    return;

  analysis = analysis_of_current_text (self);
  if (analysis == NULL)
    {
      self->commit_pending = TRUE;
      return;
    }

  /* Text that does not parse is never written over. */
  front_matter = byline_analysis_get_front_matter (analysis);
  if (front_matter == NULL)
    return;

  patch = form_field_make_patch (field, front_matter, &edit, &error);
  g_clear_pointer (&field->error, g_free);
  if (error != NULL)
    {
      field->error = g_strdup (error->message);
      form_field_update_problem (field, front_matter);
      return;
    }

  /* Clearing a field to type a new value is not yet removing the key. */
  if (edit == BYLINE_FIELD_EDIT_REMOVE && reason == COMMIT_PAUSE)
    return;

  field->dirty = FALSE;
  form_field_update_problem (field, front_matter);

  if (patch == NULL)
    return;

  if (!byline_document_apply_patches (self->document, byline_analysis_get_generation (analysis),
                                      (const BylineTextPatch * const *) &patch, 1, &error))
    {
      g_warning ("The form could not write %s: %s", field->spec->key, error->message);
      return;
    }

  if (edit == BYLINE_FIELD_EDIT_REMOVE)
    show_removal_toast (self, field);
}

static gboolean
commit_timeout_cb (gpointer user_data)
{
  FormField *field = user_data;

  field->commit_source = 0;
  byline_front_matter_form_commit_field (field->form, field, COMMIT_PAUSE);

  return G_SOURCE_REMOVE;
}

void
byline_front_matter_form_field_edited (BylineFrontMatterForm *self,
                                       FormField             *field,
                                       gboolean               now)
{
  if (self->updating)
    return;

  field->dirty = TRUE;

  if (now)
    {
      byline_front_matter_form_commit_field (self, field, COMMIT_NOW);
      return;
    }

  g_clear_handle_id (&field->commit_source, g_source_remove);
  field->commit_source = g_timeout_add (COMMIT_DELAY_MS, commit_timeout_cb, field);
}

static void
show_field (BylineFrontMatterForm *self,
            FormField             *field,
            BylineFrontMatter     *front_matter)
{
  self->updating = TRUE;
  form_field_show_value (field, front_matter);
  self->updating = FALSE;
  form_field_update_problem (field, front_matter);
}

void
byline_front_matter_form_field_left (BylineFrontMatterForm *self,
                                     FormField             *field)
{
  BylineFrontMatter *front_matter;

  byline_front_matter_form_commit_field (self, field, COMMIT_FOCUS_OUT);

  /* The text changed while the field was in use: show what it says now. */
  front_matter = current_front_matter (self);
  if (field->stale && !field->dirty && front_matter != NULL)
    show_field (self, field, front_matter);
}

void
byline_front_matter_form_commit (BylineFrontMatterForm *self)
{
  g_return_if_fail (BYLINE_IS_FRONT_MATTER_FORM (self));

  for (guint i = 0; self->fields != NULL && i < self->fields->len; i++)
    byline_front_matter_form_commit_field (self, g_ptr_array_index (self->fields, i),
                                           COMMIT_NOW);
}

/* Reading: the status, the fields and the other keys */

static void
set_status (BylineFrontMatterForm *self,
            const char            *title,
            const char            *detail,
            guint                  jump_line,
            gboolean               can_add)
{
  gtk_widget_set_visible (self->status_box, title != NULL);
  gtk_label_set_label (self->status_title, title);
  gtk_label_set_label (self->status_detail, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->status_detail), detail != NULL);

  self->jump_line = jump_line;
  gtk_widget_set_visible (GTK_WIDGET (self->jump_button), jump_line > 0);
  if (jump_line > 0)
    {
      g_autofree char *label = g_strdup_printf (_("_Go to Line %u"), jump_line);

      gtk_button_set_label (self->jump_button, label);
      gtk_button_set_use_underline (self->jump_button, TRUE);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.jump", jump_line > 0);

  /* Anything but a missing block is a problem to fix. */
  if (title != NULL && !can_add)
    gtk_widget_add_css_class (self->status_box, "error");
  else
    gtk_widget_remove_css_class (self->status_box, "error");

  gtk_widget_set_visible (GTK_WIDGET (self->add_button), can_add);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.add-front-matter", can_add);
}

static void
update_status (BylineFrontMatterForm *self,
               BylinePost            *post)
{
  const GError *layout_error;
  const GError *error;
  BylineSpan span = { 0, };

  if (post == NULL)
    {
      set_status (self, NULL, NULL, 0, FALSE);
      return;
    }

  layout_error = byline_post_get_layout_error (post);
  error = byline_post_get_front_matter_error (post, &span);

  if (layout_error != NULL)
    {
      guint line = 0;

      byline_line_index_locate (byline_post_get_lines (post),
                                byline_post_get_layout (post)->block_start, &line, NULL);
      set_status (self, _("The front matter cannot be read"), layout_error->message,
                  MAX (line, 1), FALSE);
    }
  else if (error != NULL)
    {
      g_autofree char *title =
        g_strdup_printf (_("The front matter has a syntax error on line %u"), MAX (span.line, 1));

      set_status (self, title, error->message, MAX (span.line, 1), FALSE);
    }
  else if (byline_post_get_layout (post)->kind == BYLINE_FRONT_MATTER_NONE)
    {
      set_status (self, _("This post has no front matter"),
                  _("Add the site’s block of title, date and keywords to fill it in here."),
                  0, TRUE);
    }
  else
    {
      set_status (self, NULL, NULL, 0, FALSE);
    }
}

static void
update_other_keys (BylineFrontMatterForm *self,
                   BylineFrontMatter     *front_matter)
{
  guint n = front_matter != NULL ? byline_front_matter_get_n_entries (front_matter) : 0;
  guint shown = 0;

  for (guint i = 0; i < self->other_rows->len; i++)
    adw_preferences_group_remove (self->other_group, g_ptr_array_index (self->other_rows, i));
  g_ptr_array_set_size (self->other_rows, 0);

  for (guint i = 0; i < n; i++)
    {
      const BylineFrontMatterEntry *entry = byline_front_matter_get_entry (front_matter, i);
      GtkWidget *row;

      if (self->profile != NULL && byline_profile_lookup_field (self->profile, entry->key) != NULL)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->key);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), entry->raw != NULL ? entry->raw : "");
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      gtk_widget_add_css_class (row, "property");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, entry->key,
                                      -1);
      adw_preferences_group_add (self->other_group, row);
      g_ptr_array_add (self->other_rows, row);
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->other_group), shown > 0);
}

/* Whether the other keys' rows show exactly these entries. */
static gboolean
other_keys_match (BylineFrontMatterForm *self,
                  BylineFrontMatter     *front_matter)
{
  guint n = front_matter != NULL ? byline_front_matter_get_n_entries (front_matter) : 0;
  guint row = 0;

  for (guint i = 0; i < n; i++)
    {
      const BylineFrontMatterEntry *entry = byline_front_matter_get_entry (front_matter, i);
      AdwActionRow *other;

      if (self->profile != NULL && byline_profile_lookup_field (self->profile, entry->key) != NULL)
        continue;
      if (row >= self->other_rows->len)
        return FALSE;

      other = g_ptr_array_index (self->other_rows, row++);
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (other)), entry->key) != 0
          || g_strcmp0 (adw_action_row_get_subtitle (other),
                        entry->raw != NULL ? entry->raw : "") != 0)
        return FALSE;
    }

  return row == self->other_rows->len;
}

static void
byline_front_matter_form_set_editable (BylineFrontMatterForm *self,
                                       gboolean               editable)
{
  editable = !!editable;

  if (self->editable == editable)
    return;

  self->editable = editable;
  gtk_widget_set_sensitive (GTK_WIDGET (self->fields_group), editable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

static void
byline_front_matter_form_refresh (BylineFrontMatterForm *self)
{
  BylineAnalysis *analysis = current_analysis (self);
  BylinePost *post = analysis != NULL ? byline_analysis_get_post (analysis) : NULL;
  BylineFrontMatter *front_matter = post != NULL ? byline_post_get_front_matter (post) : NULL;

  update_status (self, post);
  byline_front_matter_form_set_editable (self, front_matter != NULL);

  /* While the YAML does not parse the fields keep their last values,
   * greyed out, so that the author still sees what was there. */
  if (front_matter == NULL && post != NULL
      && byline_post_get_layout (post)->kind != BYLINE_FRONT_MATTER_NONE)
    return;

  for (guint i = 0; i < self->fields->len; i++)
    {
      FormField *field = g_ptr_array_index (self->fields, i);

      if (field->dirty || form_field_has_focus (field))
        {
          field->stale = TRUE;
          continue;
        }
      show_field (self, field, front_matter);
    }

  if (!other_keys_match (self, front_matter))
    update_other_keys (self, front_matter);
}

/* A form nobody sees — the sidebar is hidden when most posts open — builds
 * and fills its fields when it is shown, not before the window's first
 * frame: these say what is due then. */
static gboolean
defer_until_shown (BylineFrontMatterForm *self,
                   gboolean               profile_changed)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;

  self->profile_stale |= profile_changed;
  self->values_stale = TRUE;
  return TRUE;
}

static void
document_analysis_cb (BylineFrontMatterForm *self,
                      GParamSpec            *pspec,
                      BylineDocument        *document)
{
  /* Fields changed while a large post was being analysed write now. */
  if (self->commit_pending && byline_document_is_analyzed (document))
    {
      self->commit_pending = FALSE;
      byline_front_matter_form_commit (self);
    }

  if (!defer_until_shown (self, FALSE))
    byline_front_matter_form_refresh (self);
}

/* Keyword suggestions from the other posts of the site */

static void
scan_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(BylineFrontMatterForm) self = user_data;
  g_autoptr(GHashTable) words = byline_site_words_scan_finish (result, NULL);

  if (words == NULL)
    return;

  for (guint i = 0; i < self->fields->len; i++)
    {
      FormField *field = g_ptr_array_index (self->fields, i);
      const char * const *suggestions = g_hash_table_lookup (words, field->spec->key);

      if (field->spec->type == BYLINE_FIELD_STRING_LIST && suggestions != NULL)
        byline_tag_list_set_suggestions (BYLINE_TAG_LIST (field->control), suggestions);
    }
}

static void
start_scan (BylineFrontMatterForm *self)
{
  BylineSite *site = self->document != NULL ? byline_document_get_site (self->document) : NULL;

  g_cancellable_cancel (self->scan_cancellable);
  g_clear_object (&self->scan_cancellable);

  if (site == NULL)
    return;

  self->scan_cancellable = g_cancellable_new ();
  /* The scan holds the form until it ends; a cancelled scan ends at once. */
  byline_site_words_scan_async (site, suggested_keys, self->scan_cancellable,
                                scan_done_cb, g_object_ref (self));
}

/* The fields of the document's profile */

static void
clear_fields (BylineFrontMatterForm *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      FormField *field = g_ptr_array_index (self->fields, i);

      adw_preferences_group_remove (self->fields_group, field->row);
    }
  g_ptr_array_set_size (self->fields, 0);
}

static void
rebuild_fields (BylineFrontMatterForm *self)
{
  BylineProfile *profile = self->document != NULL
                           ? byline_document_get_profile (self->document) : NULL;

  if (profile == self->profile && self->fields->len > 0)
    return;

  clear_fields (self);
  g_set_object (&self->profile, profile);

  for (guint i = 0; profile != NULL && i < byline_profile_get_n_fields (profile); i++)
    {
      const BylineFieldSpec *spec = byline_profile_get_field (profile, i);

      /* Keys the site knows but its posts do not use stay out of the form. */
      if (!spec->hidden)
        g_ptr_array_add (self->fields, byline_front_matter_form_add_field (self, spec));
    }
}

/* The fields follow the profile, which follows the file, the preferences
 * and edits of the site's .byline.yml; the suggestions follow the site. */
static void
document_profile_changed_cb (BylineFrontMatterForm *self,
                             GParamSpec            *pspec,
                             BylineDocument        *document)
{
  if (defer_until_shown (self, TRUE))
    return;

  rebuild_fields (self);
  start_scan (self);
  byline_front_matter_form_refresh (self);
}

static void
bring_up_to_date (BylineFrontMatterForm *self)
{
  if (self->profile_stale)
    {
      self->profile_stale = FALSE;
      rebuild_fields (self);
      start_scan (self);
    }
  if (self->values_stale)
    {
      self->values_stale = FALSE;
      byline_front_matter_form_refresh (self);
    }
}

/* Actions */

static void
jump_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BylineFrontMatterForm *self = BYLINE_FRONT_MATTER_FORM (widget);

  if (self->jump_line > 0)
    g_signal_emit (self, signals[JUMP_TO_LINE], 0, self->jump_line);
}

typedef struct
{
  const char *date;
  const char *author;
} TemplateValues;

static const char *
template_lookup_cb (const char *name,
                    gpointer    user_data)
{
  TemplateValues *values = user_data;

  if (g_str_equal (name, "date"))
    return values->date;
  if (g_str_equal (name, "author"))
    return values->author;
  return NULL;
}

static void
add_front_matter_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  BylineFrontMatterForm *self = BYLINE_FRONT_MATTER_FORM (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GString) post = g_string_new (NULL);
  g_autoptr(GString) block = NULL;
  g_autoptr(BylineTextPatch) patch = NULL;
  g_autoptr(GError) error = NULL;
  const char *real_name = g_get_real_name ();
  TemplateValues values = { date, NULL };
  BylinePostLayout layout;
  BylineAnalysis *analysis;
  const char *text;

  if (self->document == NULL || self->profile == NULL
      || byline_document_get_busy (self->document)
      || (analysis = analysis_of_current_text (self)) == NULL)
    return;

  if (byline_post_get_layout (byline_analysis_get_post (analysis))->kind !=
      BYLINE_FRONT_MATTER_NONE)
    return;
  text = byline_analysis_get_text (analysis);

  /* GLib says "Unknown" when it cannot tell: an empty attribution then. */
  if (real_name != NULL && g_strcmp0 (real_name, "Unknown") != 0)
    values.author = real_name;

  byline_template_expand (byline_profile_get_post_template (self->profile), post,
                          template_lookup_cb, &values);
  byline_post_layout_parse (&layout, post->str, post->len, NULL);
  if (layout.kind == BYLINE_FRONT_MATTER_NONE || layout.block_end <= layout.block_start)
    return;

  block = g_string_new_len (post->str + layout.block_start, layout.block_end - layout.block_start);
  if (text[0] != '\n' && text[0] != '\0')
    g_string_append_c (block, '\n');

  patch = byline_text_patch_new (0, 0, block->str);
  if (!byline_document_apply_patches (self->document, byline_analysis_get_generation (analysis),
                                      (const BylineTextPatch * const *) &patch, 1, &error))
    g_warning ("The form could not add the front matter: %s", error->message);
}

/* Public API */

GtkWidget *
byline_front_matter_form_new (void)
{
  return g_object_new (BYLINE_TYPE_FRONT_MATTER_FORM, NULL);
}

BylineDocument *
byline_front_matter_form_get_document (BylineFrontMatterForm *self)
{
  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER_FORM (self), NULL);

  return self->document;
}

void
byline_front_matter_form_set_document (BylineFrontMatterForm *self,
                                       BylineDocument        *document)
{
  g_return_if_fail (BYLINE_IS_FRONT_MATTER_FORM (self));
  g_return_if_fail (document == NULL || BYLINE_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  g_set_object (&self->document, document);

  if (document != NULL)
    {
      g_signal_connect_object (document, "notify::analysis",
                               G_CALLBACK (document_analysis_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::profile",
                               G_CALLBACK (document_profile_changed_cb), self, G_CONNECT_SWAPPED);
    }

  document_profile_changed_cb (self, NULL, document);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

GtkWidget *
byline_front_matter_form_get_field_widget (BylineFrontMatterForm *self,
                                           const char            *key)
{
  FormField *field;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER_FORM (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  bring_up_to_date (self);
  field = find_field (self, key);
  return field != NULL ? field->control : NULL;
}

gboolean
byline_front_matter_form_get_editable (BylineFrontMatterForm *self)
{
  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER_FORM (self), FALSE);

  bring_up_to_date (self);
  return self->editable;
}

/* GObject */

static void
byline_front_matter_form_map (GtkWidget *widget)
{
  bring_up_to_date (BYLINE_FRONT_MATTER_FORM (widget));

  GTK_WIDGET_CLASS (byline_front_matter_form_parent_class)->map (widget);
}

static void
byline_front_matter_form_dispose (GObject *object)
{
  BylineFrontMatterForm *self = BYLINE_FRONT_MATTER_FORM (object);

  g_cancellable_cancel (self->scan_cancellable);
  g_clear_object (&self->scan_cancellable);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);

  /* The rows point at their fields: the fields go first, with their timers. */
  if (self->fields != NULL)
    clear_fields (self);
  if (self->other_rows != NULL)
    g_ptr_array_set_size (self->other_rows, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_FRONT_MATTER_FORM);

  G_OBJECT_CLASS (byline_front_matter_form_parent_class)->dispose (object);
}

static void
byline_front_matter_form_finalize (GObject *object)
{
  BylineFrontMatterForm *self = BYLINE_FRONT_MATTER_FORM (object);

  g_clear_object (&self->profile);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->other_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (byline_front_matter_form_parent_class)->finalize (object);
}

static void
byline_front_matter_form_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  BylineFrontMatterForm *self = BYLINE_FRONT_MATTER_FORM (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_EDITABLE:
      g_value_set_boolean (value, byline_front_matter_form_get_editable (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_front_matter_form_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  BylineFrontMatterForm *self = BYLINE_FRONT_MATTER_FORM (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      byline_front_matter_form_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_front_matter_form_class_init (BylineFrontMatterFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_front_matter_form_dispose;
  object_class->finalize = byline_front_matter_form_finalize;
  object_class->get_property = byline_front_matter_form_get_property;
  object_class->set_property = byline_front_matter_form_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         BYLINE_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[JUMP_TO_LINE] =
    g_signal_new ("jump-to-line",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/byline-front-matter-form.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineFrontMatterForm, scroller);
  gtk_widget_class_bind_template_child (widget_class, BylineFrontMatterForm, status_box);
  gtk_widget_class_bind_template_child (widget_class, BylineFrontMatterForm, status_title);
  gtk_widget_class_bind_template_child (widget_class, BylineFrontMatterForm, status_detail);
  gtk_widget_class_bind_template_child (widget_class, BylineFrontMatterForm, jump_button);
  gtk_widget_class_bind_template_child (widget_class, BylineFrontMatterForm, add_button);
  gtk_widget_class_bind_template_child (widget_class, BylineFrontMatterForm, fields_group);
  gtk_widget_class_bind_template_child (widget_class, BylineFrontMatterForm, other_group);

  gtk_widget_class_install_action (widget_class, "form.jump", NULL, jump_action);
  gtk_widget_class_install_action (widget_class, "form.add-front-matter", NULL,
                                   add_front_matter_action);

  widget_class->map = byline_front_matter_form_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bylinefrontmatterform");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
byline_front_matter_form_init (BylineFrontMatterForm *self)
{
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) form_field_free);
  self->other_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Front Matter"),
                                  -1);
  set_status (self, NULL, NULL, 0, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fields_group), FALSE);
}
