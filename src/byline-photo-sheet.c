/* byline-photo-sheet.c — several pictures into a post at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-photo-sheet"

#include "config.h"

#include "byline-photo-sheet.h"
#include "byline-photo-sheet-private.h"

#include "byline-analysis.h"
#include "byline-photo-ui.h"

#include <glib/gi18n.h>

G_DEFINE_FINAL_TYPE (BylinePhotoSheet, byline_photo_sheet, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_PROFILE,
  PROP_FOLDER,
  PROP_LOADING,
  PROP_IMPORTING,
  PROP_KEEP_METADATA,
  N_PROPS
};

enum {
  INSERT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
get_width (BylinePhotoSheet *self)
{
  guint selected = gtk_drop_down_get_selected (self->width_dropdown);

  return selected < g_strv_length (self->widths) ? self->widths[selected] : NULL;
}

/* The fields of @item's call, with @link (its planned or real one). */
static BylineImageFields *
item_fields (BylinePhotoSheet *self,
             PhotoItem        *item,
             BylineImageFields *fields)
{
  g_autofree char *alt = byline_photo_dup_entry_text (item->alt_entry);
  g_autofree char *caption = byline_photo_dup_entry_text (item->caption_entry);

  byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_WIDTH, get_width (self));
  byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_ALT, alt);
  byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_CAPTION, caption);
  return fields;
}

static int
compare_arriving (gconstpointer a,
                  gconstpointer b)
{
  const PhotoItem *item_a = *(const PhotoItem * const *) a;
  const PhotoItem *item_b = *(const PhotoItem * const *) b;

  return byline_photo_compare (item_a->source, item_a->info, item_b->source, item_b->info,
                               BYLINE_PHOTO_ORDER_TIME);
}

/* What every copy will be, under the list while nothing runs. */
static void
show_limits (BylinePhotoSheet *self)
{
  BylinePhotoOptions options;
  g_autofree char *text = NULL;

  byline_photo_options_init (&options, self->profile);
  if (options.max_width > 0)
    /* Translators: under the photo sheet's list; %u is the site's limit. */
    text = g_strdup_printf (_("Copies are at most %u pixels wide and never record where they "
                              "were taken"), options.max_width);
  else
    text = g_strdup (_("Copies never record where they were taken"));
  gtk_label_set_label (self->status_label, text);
}

/* Every picture of a batch has its metadata: they join the list in the
 * order they were taken, pictures without a time last by name. */
static void
list_arrived (BylinePhotoSheet *self)
{
  g_autoptr(GString) skipped = NULL;

  /* Stable: equal pictures keep the order given. */
  g_ptr_array_sort (self->arriving, compare_arriving);
  for (guint i = 0; i < self->arriving->len; i++)
    {
      PhotoItem *item = g_ptr_array_index (self->arriving, i);

      g_ptr_array_add (self->items, item);
      byline_photo_sheet_build_row (self, item);
    }
  g_ptr_array_set_free_func (self->arriving, NULL);
  g_ptr_array_set_size (self->arriving, 0);
  g_ptr_array_set_free_func (self->arriving, (GDestroyNotify) byline_photo_item_free);

  byline_photo_sheet_plan_names (self);
  show_limits (self);

  if (self->skipped->len > 0)
    {
      skipped = g_string_new (NULL);
      for (guint i = 0; i < self->skipped->len; i++)
        {
          if (i > 0)
            g_string_append (skipped, _(", "));
          g_string_append_printf (skipped, "“%s”", (char *) g_ptr_array_index (self->skipped, i));
        }
      {
        g_autofree char *message =
          g_strdup_printf (ngettext ("Left out, not a picture: %s",
                                     "Left out, not pictures: %s", self->skipped->len),
                           skipped->str);

        gtk_label_set_label (self->skipped_label, message);
      }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->skipped_label), self->skipped->len > 0);

  byline_photo_sheet_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

typedef struct
{
  BylinePhotoSheet *self;
  PhotoItem        *item;
} InfoRequest;

static void
info_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  InfoRequest *request = user_data;
  g_autoptr(BylinePhotoSheet) self = request->self;
  PhotoItem *item = request->item;
  g_autoptr(GError) error = NULL;

  g_free (request);
  item->info = byline_photo_info_new_for_file_finish (result, &error);
  if (item->info == NULL || item->info->width <= 0)
    {
      if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_ptr_array_add (self->skipped, byline_photo_sheet_dup_display_name (item->source));
      g_ptr_array_remove (self->arriving, item);
    }

  g_assert (self->pending > 0);
  if (--self->pending == 0)
    list_arrived (self);
}

void
byline_photo_sheet_add_files (BylinePhotoSheet *self,
                              GFile * const    *files,
                              guint             n_files)
{
  gboolean was_loading;

  g_return_if_fail (BYLINE_IS_PHOTO_SHEET (self));
  g_return_if_fail (files != NULL || n_files == 0);
  g_return_if_fail (!self->importing);

  was_loading = self->pending > 0;
  for (guint i = 0; i < n_files; i++)
    {
      PhotoItem *item = g_new0 (PhotoItem, 1);
      InfoRequest *request = g_new0 (InfoRequest, 1);

      item->source = g_object_ref (files[i]);
      g_ptr_array_add (self->arriving, item);
      request->self = g_object_ref (self);
      request->item = item;
      self->pending++;
      byline_photo_info_new_for_file_async (files[i], self->cancellable, info_cb, request);
    }

  if (!was_loading && self->pending > 0)
    {
      gtk_label_set_label (self->status_label, _("Reading the pictures…"));
      byline_photo_sheet_update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
}

/* Checks */

static BylineAnalysisContext *
check_context (BylinePhotoSheet *self)
{
  if (self->context == NULL)
    self->context = byline_photo_check_context_new (self->profile, self->folder);
  return self->context;
}

void
byline_photo_sheet_update (BylinePhotoSheet *self)
{
  gboolean has_errors = FALSE;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < self->items->len; i++)
    {
      PhotoItem *item = g_ptr_array_index (self->items, i);
      g_autofree char *link = g_strconcat ("./", item->planned, NULL);
      g_autoptr(BylineImageFields) fields = byline_image_fields_new ();
      g_autoptr(BylineAnalysis) analysis = NULL;
      g_autofree char *shortcode = NULL;
      g_autoptr(GString) text = g_string_new (NULL);
      BylineSeverity worst = BYLINE_SEVERITY_OFF;
      GPtrArray *problems;

      byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_LINK, link);
      item_fields (self, item, fields);
      /* The call alone, checked by the post's rules as the image dialog
       * checks it without a place. */
      shortcode = byline_image_fields_to_shortcode (fields);
      analysis = byline_analysis_new (check_context (self), shortcode, -1, 0,
                                      BYLINE_ANALYSIS_NO_RENDER);
      problems = byline_analysis_get_diagnostics (analysis);

      gtk_widget_remove_css_class (GTK_WIDGET (item->alt_entry), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (item->caption_entry), "error");
      for (guint j = 0; j < problems->len; j++)
        {
          const BylineDiagnostic *problem = g_ptr_array_index (problems, j);
          BylineImageField field;

          /* Only what the sheet lets the user change; the width and the
           * ratio are the site's own, the link the import's. */
          if (problem->subject_kind != BYLINE_SUBJECT_SHORTCODE_PARAM ||
              !byline_image_field_from_param (problem->subject, &field) ||
              (field != BYLINE_IMAGE_FIELD_ALT && field != BYLINE_IMAGE_FIELD_CAPTION))
            continue;
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, problem->message);
          worst = MAX (worst, problem->severity);
          if (problem->severity >= BYLINE_SEVERITY_ERROR)
            gtk_widget_add_css_class (GTK_WIDGET (field == BYLINE_IMAGE_FIELD_ALT
                                                  ? item->alt_entry : item->caption_entry),
                                      "error");
        }

      gtk_label_set_label (item->message_label, text->str);
      gtk_widget_set_visible (GTK_WIDGET (item->message_label), text->len > 0);
      gtk_widget_remove_css_class (GTK_WIDGET (item->message_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (item->message_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (item->message_label),
                                worst >= BYLINE_SEVERITY_ERROR ? "error" : "warning");
      if (worst >= BYLINE_SEVERITY_ERROR)
        has_errors = TRUE;
    }

  self->has_errors = has_errors;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.insert",
                                 !has_errors && !self->importing && self->pending == 0 &&
                                 self->items->len > 0);

  if (self->pending > 0)
    summary = g_strdup (_("Reading the pictures…"));
  else if (self->items->len == 0)
    summary = g_strdup (_("No pictures to add."));
  else
    {
      g_autofree char *folder_name = g_file_get_basename (self->folder);

      summary = g_strdup_printf (ngettext ("%u picture goes into the post’s folder “%s”, in "
                                           "the order they were taken, a figure each at the "
                                           "cursor.",
                                           "%u pictures go into the post’s folder “%s”, in "
                                           "the order they were taken, a figure each at the "
                                           "cursor.", self->items->len),
                                 self->items->len, folder_name);
    }
  gtk_label_set_label (self->summary_label, summary);
}

/* Import */

static void
set_importing (BylinePhotoSheet *self,
               gboolean          importing)
{
  importing = !!importing;
  if (self->importing == importing)
    return;

  self->importing = importing;
  gtk_stack_set_visible_child_name (self->status_stack, importing ? "progress" : "status");
  gtk_widget_set_sensitive (GTK_WIDGET (self->width_dropdown), !importing);
  for (guint i = 0; i < self->items->len; i++)
    {
      PhotoItem *item = g_ptr_array_index (self->items, i);

      /* The order is fixed once the copies are being named; the texts go
       * into the calls at the end and stay editable meanwhile. */
      gtk_widget_set_sensitive (gtk_widget_get_parent (item->up_button), !importing);
    }
  byline_photo_sheet_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTING]);
}

static void
progress_cb (guint     done,
             guint     total,
             GFile    *source,
             gpointer  user_data)
{
  BylinePhotoSheet *self = user_data;
  g_autofree char *text = NULL;

  /* Translators: progress of an import: "3 of 10 pictures ready". */
  text = g_strdup_printf (ngettext ("%u of %u picture ready", "%u of %u pictures ready", total),
                          done, total);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BylinePhotoSheet) self = user_data;
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->import_cancellable);
  imports = byline_photo_import_finish (result, &error);
  if (imports == NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_label_set_label (self->status_label,
                               _("Stopped: nothing was added to the post’s folder"));
        }
      else
        {
          g_autofree char *message =
            g_strdup_printf (_("Nothing was added to the post’s folder: %s"), error->message);

          gtk_label_set_label (self->status_label, message);
          gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
        }
      set_importing (self, FALSE);
      return;
    }

  g_assert (imports->len == self->items->len);
  text = g_string_new (NULL);
  for (guint i = 0; i < imports->len; i++)
    {
      g_autoptr(BylineImageFields) fields =
        byline_photo_import_to_fields (g_ptr_array_index (imports, i), self->profile);
      g_autofree char *shortcode = NULL;

      item_fields (self, g_ptr_array_index (self->items, i), fields);
      shortcode = byline_image_fields_to_shortcode (fields);
      if (i > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, shortcode);
    }

  gtk_label_set_label (self->status_label, "");
  set_importing (self, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.insert", FALSE);
  g_signal_emit (self, signals[INSERT], 0, text->str);
}

static void
insert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BylinePhotoSheet *self = BYLINE_PHOTO_SHEET (widget);
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  BylinePhotoOptions options;

  byline_photo_sheet_update (self);
  if (self->importing || self->pending > 0 || self->has_errors || self->items->len == 0)
    return;

  for (guint i = 0; i < self->items->len; i++)
    g_ptr_array_add (sources, ((PhotoItem *) g_ptr_array_index (self->items, i))->source);

  byline_photo_options_init (&options, self->profile);
  options.keep_metadata = self->keep_metadata;
  self->import_cancellable = g_cancellable_new ();
  progress_cb (0, self->items->len, NULL, self);
  set_importing (self, TRUE);

  byline_photo_import_async (self->folder, (GFile * const *) sources->pdata, sources->len,
                             &options, progress_cb, g_object_ref (self), g_object_unref,
                             self->import_cancellable, import_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BylinePhotoSheet *self = BYLINE_PHOTO_SHEET (widget);

  if (self->importing)
    g_cancellable_cancel (self->import_cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* Public API */

BylinePhotoSheet *
byline_photo_sheet_new (BylineProfile *profile,
                        GFile         *folder)
{
  g_return_val_if_fail (BYLINE_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  return g_object_new (BYLINE_TYPE_PHOTO_SHEET,
                       "profile", profile,
                       "folder", folder,
                       NULL);
}

gboolean
byline_photo_sheet_get_loading (BylinePhotoSheet *self)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO_SHEET (self), FALSE);

  return self->pending > 0;
}

gboolean
byline_photo_sheet_get_keep_metadata (BylinePhotoSheet *self)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO_SHEET (self), FALSE);

  return self->keep_metadata;
}

void
byline_photo_sheet_set_keep_metadata (BylinePhotoSheet *self,
                                      gboolean          keep_metadata)
{
  g_return_if_fail (BYLINE_IS_PHOTO_SHEET (self));

  keep_metadata = !!keep_metadata;
  if (self->keep_metadata == keep_metadata)
    return;

  self->keep_metadata = keep_metadata;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEEP_METADATA]);
}

gboolean
byline_photo_sheet_get_importing (BylinePhotoSheet *self)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO_SHEET (self), FALSE);

  return self->importing;
}

guint
byline_photo_sheet_get_n_photos (BylinePhotoSheet *self)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO_SHEET (self), 0);

  return self->items->len;
}

static PhotoItem *
get_item (BylinePhotoSheet *self,
          guint             position)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO_SHEET (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return g_ptr_array_index (self->items, position);
}

GFile *
byline_photo_sheet_get_source (BylinePhotoSheet *self,
                               guint             position)
{
  PhotoItem *item = get_item (self, position);

  return item != NULL ? item->source : NULL;
}

const char *
byline_photo_sheet_get_planned_name (BylinePhotoSheet *self,
                                     guint             position)
{
  PhotoItem *item = get_item (self, position);

  return item != NULL ? item->planned : NULL;
}

GtkEditable *
byline_photo_sheet_get_entry (BylinePhotoSheet *self,
                              guint             position,
                              BylineImageField  field)
{
  PhotoItem *item = get_item (self, position);

  g_return_val_if_fail (field == BYLINE_IMAGE_FIELD_ALT || field == BYLINE_IMAGE_FIELD_CAPTION,
                        NULL);

  if (item == NULL)
    return NULL;
  return field == BYLINE_IMAGE_FIELD_ALT ? item->alt_entry : item->caption_entry;
}

/* GObject */

static void
byline_photo_sheet_constructed (GObject *object)
{
  BylinePhotoSheet *self = BYLINE_PHOTO_SHEET (object);
  g_autoptr(GtkStringList) model = NULL;
  const char *default_width;

  G_OBJECT_CLASS (byline_photo_sheet_parent_class)->constructed (object);

  g_assert (self->profile != NULL);
  g_assert (self->folder != NULL);

  self->widths = g_strdupv ((char **) byline_profile_get_image_widths (self->profile));
  model = gtk_string_list_new ((const char * const *) self->widths);
  gtk_drop_down_set_model (self->width_dropdown, G_LIST_MODEL (model));
  default_width = byline_image_get_default_width (self->profile);
  for (guint i = 0; default_width != NULL && self->widths[i] != NULL; i++)
    if (g_str_equal (self->widths[i], default_width))
      gtk_drop_down_set_selected (self->width_dropdown, i);
  gtk_widget_set_sensitive (GTK_WIDGET (self->width_dropdown), self->widths[0] != NULL);

  byline_photo_sheet_update (self);
}

static void
byline_photo_sheet_dispose (GObject *object)
{
  BylinePhotoSheet *self = BYLINE_PHOTO_SHEET (object);

  /* A sheet closed while importing leaves the folder as it was. */
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->import_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_PHOTO_SHEET);

  G_OBJECT_CLASS (byline_photo_sheet_parent_class)->dispose (object);
}

static void
byline_photo_sheet_finalize (GObject *object)
{
  BylinePhotoSheet *self = BYLINE_PHOTO_SHEET (object);

  g_clear_object (&self->profile);
  g_clear_object (&self->folder);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_pointer (&self->widths, g_strfreev);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->arriving, g_ptr_array_unref);
  g_clear_pointer (&self->skipped, g_ptr_array_unref);

  G_OBJECT_CLASS (byline_photo_sheet_parent_class)->finalize (object);
}

static void
byline_photo_sheet_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BylinePhotoSheet *self = BYLINE_PHOTO_SHEET (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;

    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->pending > 0);
      break;

    case PROP_IMPORTING:
      g_value_set_boolean (value, self->importing);
      break;

    case PROP_KEEP_METADATA:
      g_value_set_boolean (value, self->keep_metadata);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_photo_sheet_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BylinePhotoSheet *self = BYLINE_PHOTO_SHEET (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      self->profile = g_value_dup_object (value);
      break;

    case PROP_FOLDER:
      self->folder = g_value_dup_object (value);
      break;

    case PROP_KEEP_METADATA:
      byline_photo_sheet_set_keep_metadata (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_photo_sheet_class_init (BylinePhotoSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = byline_photo_sheet_constructed;
  object_class->dispose = byline_photo_sheet_dispose;
  object_class->finalize = byline_photo_sheet_finalize;
  object_class->get_property = byline_photo_sheet_get_property;
  object_class->set_property = byline_photo_sheet_set_property;

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL,
                         BYLINE_TYPE_PROFILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_IMPORTING] =
    g_param_spec_boolean ("importing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KEEP_METADATA] =
    g_param_spec_boolean ("keep-metadata", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[INSERT] =
    g_signal_new ("insert",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/byline-photo-sheet.ui");
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoSheet, insert_button);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoSheet, summary_label);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoSheet, list_box);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoSheet, skipped_label);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoSheet, width_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoSheet, status_stack);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoSheet, status_label);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoSheet, progress_bar);

  gtk_widget_class_install_action (widget_class, "sheet.insert", NULL, insert_action);
  gtk_widget_class_install_action (widget_class, "sheet.cancel", NULL, cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "sheet.cancel", NULL);
}

static void
byline_photo_sheet_init (BylinePhotoSheet *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_photo_item_free);
  self->arriving = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_photo_item_free);
  self->skipped = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->insert_button));
  gtk_list_box_set_sort_func (self->list_box, byline_photo_sheet_sort_rows, self, NULL);

  byline_photo_name_drop_down (self->width_dropdown);
}
