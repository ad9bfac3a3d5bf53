/* byline-image-dialog.c — the fields of an image shortcode, with a thumbnail and the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-image-dialog"

#include "config.h"

#include "byline-image-dialog-private.h"

#include "byline-bundle.h"
#include "byline-image-files.h"
#include "byline-photo-ui.h"
#include "byline-photo.h"

#include <glib/gi18n.h>
#include <string.h>

/* The thumbnail is decoded at its shown size, so a 40-megapixel photo does
 * not sit in memory; a GtkPicture asks for its texture's size in pixels, so
 * a bigger one would widen the dialog's picture column. */
#define THUMBNAIL_WIDTH 260
#define THUMBNAIL_HEIGHT 195

G_DEFINE_FINAL_TYPE (BylineImageDialog, byline_image_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_PROFILE,
  PROP_FOLDER,
  PROP_FILE,
  PROP_EDITING,
  N_PROPS
};

enum {
  INSERT,
  ADD_PHOTOS,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Fields */

static char *
dup_entry_text (GtkEntry *entry)
{
  return byline_photo_dup_entry_text (GTK_EDITABLE (entry));
}

static void
set_entry_text (BylineImageDialog *self,
                GtkEntry          *entry,
                const char        *text)
{
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  self->updating = FALSE;
}

static guint
custom_width_position (BylineImageDialog *self)
{
  return g_strv_length (self->widths);
}

static char *
dup_width (BylineImageDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->width_dropdown);

  if (selected < custom_width_position (self))
    return g_strdup (self->widths[selected]);
  return dup_entry_text (self->width_entry);
}

static void
set_width (BylineImageDialog *self,
           const char        *width)
{
  guint position = custom_width_position (self);

  if (width != NULL)
    for (guint i = 0; self->widths[i] != NULL; i++)
      if (g_str_equal (self->widths[i], width))
        position = i;

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->width_dropdown, position);
  gtk_editable_set_text (GTK_EDITABLE (self->width_entry),
                         position == custom_width_position (self) && width != NULL ? width : "");
  gtk_widget_set_visible (GTK_WIDGET (self->width_entry), position == custom_width_position (self));
  self->updating = FALSE;
}

/* The bundle file a link names, or NULL for links that leave the bundle. */
static GFile *
resolve_link (BylineImageDialog *self,
              const char        *link)
{
  g_autofree char *name = NULL;

  if (byline_bundle_classify_link (link, &name) != BYLINE_LINK_BUNDLE || name == NULL)
    return NULL;
  return g_file_resolve_relative_path (self->folder, name);
}

gboolean
byline_image_dialog_file_is_in_bundle (BylineImageDialog *self,
                   GFile             *file)
{
  return g_file_has_prefix (file, self->folder);
}

gboolean
byline_image_dialog_ratio_is_written (BylineImageDialog *self,
                  const char        *link)
{
  return self->had_ratio || self->ratio_edited ||
         byline_image_needs_ratio (self->profile, link);
}

BylineImageFields *
byline_image_dialog_dup_fields (BylineImageDialog *self)
{
  BylineImageFields *fields;
  g_autofree char *caption = NULL;
  g_autofree char *alt = NULL;
  g_autofree char *title = NULL;
  g_autofree char *width = NULL;
  g_autofree char *link = NULL;
  g_autofree char *ratio = NULL;

  g_return_val_if_fail (BYLINE_IS_IMAGE_DIALOG (self), NULL);

  caption = dup_entry_text (self->caption_entry);
  alt = dup_entry_text (self->alt_entry);
  title = dup_entry_text (self->title_entry);
  width = dup_width (self);
  link = dup_entry_text (self->link_entry);
  ratio = dup_entry_text (self->ratio_entry);

  fields = byline_image_fields_new ();
  byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_CAPTION, caption);
  byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_ALT, alt);
  byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_TITLE, title);
  byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_WIDTH, width);
  byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_LINK, link);
  if (byline_image_dialog_ratio_is_written (self, link))
    byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_RATIO, ratio);
  for (guint i = 0; i < self->extra->len; i++)
    g_ptr_array_add (fields->extra, g_strdup (g_ptr_array_index (self->extra, i)));

  return fields;
}

char *
byline_image_dialog_dup_shortcode (BylineImageDialog *self)
{
  g_autoptr(BylineImageFields) fields = NULL;

  g_return_val_if_fail (BYLINE_IS_IMAGE_DIALOG (self), NULL);

  fields = byline_image_dialog_dup_fields (self);
  return byline_image_fields_to_shortcode (fields);
}

/* The picture */

/* The picture, once decoded, replaces the empty frame. */
static void
picture_paintable_cb (BylineImageDialog *self,
                      GParamSpec        *pspec,
                      GtkPicture        *picture)
{
  gtk_stack_set_visible_child_name (self->picture_stack,
                                    gtk_picture_get_paintable (picture) != NULL
                                    ? "picture" : "empty");
}

static void
byline_image_dialog_load_thumbnail (BylineImageDialog *self)
{
  g_cancellable_cancel (self->thumbnail_cancellable);
  g_clear_object (&self->thumbnail_cancellable);
  gtk_picture_set_paintable (self->picture, NULL);
  gtk_stack_set_visible_child_name (self->picture_stack, "empty");

  if (self->file == NULL || !self->file_readable)
    return;

  self->thumbnail_cancellable = g_cancellable_new ();
  byline_photo_thumbnail_show (self->file, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT,
                               self->thumbnail_cancellable, GTK_WIDGET (self->picture));
}

/* What the import will do to a picture from elsewhere ("Its copy: resized
 * from 4000×3000 pixels, location removed"), or NULL. */
static char *
describe_import (BylineImageDialog     *self,
                 const BylinePhotoInfo *photo)
{
  g_autofree char *changes = byline_photo_describe_import (photo, self->profile);

  if (changes == NULL)
    return NULL;
  /* Translators: what copying a picture into the post's folder will do:
   * "Its copy: resized from 4000×3000 pixels, location removed". */
  return g_strdup_printf (_("Its copy: %s"), changes);
}

/* Reads what the file info shows: whether the file exists, its size in
 * bytes and in pixels. Reading a picture's header is quick enough for the
 * main thread; its pixels are decoded in a thread. */
static void
byline_image_dialog_read_file (BylineImageDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *info = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *import_note = NULL;
  g_autoptr(GFileInfo) file_info = NULL;

  self->file_exists = FALSE;
  self->file_readable = FALSE;
  self->pixel_width = 0;
  self->pixel_height = 0;
  self->file_size = 0;
  g_clear_pointer (&self->computed_ratio, g_free);

  if (self->file != NULL)
    {
      file_info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," \
                                     G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                                     NULL, NULL);
      self->file_exists = file_info != NULL &&
                          g_file_info_get_file_type (file_info) == G_FILE_TYPE_REGULAR;
      if (self->file_exists)
        {
          g_autoptr(BylinePhotoInfo) photo = byline_photo_info_new_for_file (self->file, NULL,
                                                                             NULL);

          self->file_size = (guint64) g_file_info_get_size (file_info);

          /* The size as shown, which is the copy's once the import has
           * turned it upright: the ratio is that of the copy. */
          if (photo != NULL && photo->width > 0 && photo->height > 0)
            {
              self->file_readable = TRUE;
              self->pixel_width = photo->width;
              self->pixel_height = photo->height;
              if (!byline_image_dialog_file_is_in_bundle (self, self->file))
                import_note = describe_import (self, photo);
            }
          else
            {
              self->file_readable = byline_image_read_size (self->file, &self->pixel_width,
                                                            &self->pixel_height);
            }
        }
      name = g_file_get_basename (self->file);
    }

  if (self->file_readable)
    self->computed_ratio = byline_image_format_ratio (self->pixel_width, self->pixel_height);

  gtk_label_set_label (self->file_name_label, name != NULL ? name : _("No picture chosen"));

  if (self->file_exists)
    {
      if (self->file_readable)
        info = byline_photo_describe_size (self->pixel_width, self->pixel_height,
                                           (goffset) self->file_size);
      else
        info = g_format_size (self->file_size);
      if (import_note != NULL)
        {
          char *with_note = g_strdup_printf ("%s\n%s", info, import_note);

          g_free (info);
          info = with_note;
        }
      else
        {
          /* A copy is scaled down: its size before says nothing. */
          warning = byline_image_dup_size_warning (self->profile, name, self->file_size);
        }
    }
  gtk_label_set_label (self->file_info_label, info != NULL ? info : "");
  gtk_widget_set_visible (GTK_WIDGET (self->file_info_label), info != NULL);
  gtk_label_set_label (self->size_warning_label, warning != NULL ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->size_warning_label), warning != NULL);

  /* A ratio the user typed or the edited call had is theirs to keep. */
  if (!self->had_ratio && !self->ratio_edited)
    set_entry_text (self, self->ratio_entry, self->computed_ratio);

  byline_image_dialog_load_thumbnail (self);
}

static void
byline_image_dialog_take_file (BylineImageDialog *self,
                               GFile             *file)
{
  if (self->file == file || (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    {
      g_clear_object (&file);
      return;
    }

  g_clear_object (&self->file);
  self->file = file;
  byline_image_dialog_read_file (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

void
byline_image_dialog_set_file (BylineImageDialog *self,
                              GFile             *file)
{
  g_autofree char *link = NULL;

  g_return_if_fail (BYLINE_IS_IMAGE_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (byline_image_dialog_file_is_in_bundle (self, file))
    {
      g_autofree char *relative = g_file_get_relative_path (self->folder, file);

      link = g_strconcat ("./", relative, NULL);
    }
  else
    {
      g_autofree char *name = byline_photo_plan_name (self->folder, file, NULL);

      link = g_strconcat ("./", name, NULL);
    }

  /* A new picture gets its own ratio. */
  self->had_ratio = FALSE;
  self->ratio_edited = FALSE;
  set_entry_text (self, self->link_entry, link);
  byline_image_dialog_take_file (self, g_object_ref (file));
  byline_image_dialog_update (self);
}

void
byline_image_dialog_set_fields (BylineImageDialog       *self,
                                const BylineImageFields *fields,
                                gboolean                 editing)
{
  const char *link;

  g_return_if_fail (BYLINE_IS_IMAGE_DIALOG (self));
  g_return_if_fail (fields != NULL);

  link = byline_image_fields_get (fields, BYLINE_IMAGE_FIELD_LINK);

  set_entry_text (self, self->caption_entry, fields->caption);
  set_entry_text (self, self->alt_entry, fields->alt);
  set_entry_text (self, self->title_entry, fields->title);
  set_entry_text (self, self->link_entry, link);
  set_entry_text (self, self->ratio_entry, fields->ratio);
  /* Without a width the call stays without one (Custom, empty). */
  set_width (self, fields->width);

  self->had_ratio = fields->ratio != NULL && fields->ratio[0] != '\0';
  self->ratio_edited = FALSE;
  g_ptr_array_set_size (self->extra, 0);
  for (guint i = 0; i < fields->extra->len; i++)
    g_ptr_array_add (self->extra, g_strdup (g_ptr_array_index (fields->extra, i)));

  editing = !!editing;
  if (self->editing != editing)
    {
      self->editing = editing;
      gtk_window_set_title (GTK_WINDOW (self), editing ? _("Edit Image") : _("Insert Image"));
      gtk_button_set_label (self->insert_button, editing ? _("_Apply") : _("_Insert"));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
    }

  byline_image_dialog_take_file (self, resolve_link (self, link));
  byline_image_dialog_update (self);
}

/* Callbacks */

static void
entry_changed_cb (BylineImageDialog *self,
                  GtkEditable       *editable)
{
  if (self->updating)
    return;

  if (editable == GTK_EDITABLE (self->ratio_entry))
    {
      self->ratio_edited = TRUE;
    }
  else if (editable == GTK_EDITABLE (self->link_entry))
    {
      g_autofree char *link = dup_entry_text (self->link_entry);

      /* For a picture from elsewhere, Link is the name its copy will get;
       * otherwise it names the picture, which follows it. */
      if (self->file == NULL || byline_image_dialog_file_is_in_bundle (self, self->file))
        byline_image_dialog_take_file (self, resolve_link (self, link));
    }

  byline_image_dialog_update (self);
}

static void
width_selected_cb (BylineImageDialog *self,
                   GParamSpec        *pspec,
                   GtkDropDown       *dropdown)
{
  gboolean custom = gtk_drop_down_get_selected (dropdown) == custom_width_position (self);

  gtk_widget_set_visible (GTK_WIDGET (self->width_entry), custom);
  if (self->updating)
    return;

  if (custom)
    gtk_widget_grab_focus (GTK_WIDGET (self->width_entry));
  byline_image_dialog_update (self);
}

static void
chooser_response_cb (BylineImageDialog    *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      /* Several pictures are for the photo sheet, which whoever opened
       * the dialog shows instead of it. */
      if (g_list_model_get_n_items (files) > 1 && !self->editing)
        {
          g_signal_emit (self, signals[ADD_PHOTOS], 0, files);
        }
      else if (g_list_model_get_n_items (files) > 0)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, 0);

          byline_image_dialog_set_file (self, file);
        }
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BylineImageDialog *self = BYLINE_IMAGE_DIALOG (widget);
  g_autoptr(GtkFileFilter) pictures = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a Picture"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), !self->editing);

  gtk_file_filter_set_name (pictures, _("Pictures"));
  gtk_file_filter_add_pixbuf_formats (pictures);
  gtk_file_filter_add_mime_type (pictures, "image/svg+xml");
  gtk_file_filter_add_mime_type (pictures, "image/webp");
  gtk_file_filter_add_suffix (pictures, "svg");
  gtk_file_filter_add_suffix (pictures, "webp");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pictures);

  /* Pictures often wait in the post's folder already; else it is near them. */
  if (self->file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->file);

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), parent, NULL);
    }
  else
    {
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), self->folder, NULL);
    }

  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
insert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BylineImageDialog *self = BYLINE_IMAGE_DIALOG (widget);

  byline_image_dialog_update (self);
  if (self->has_errors)
    return;

  g_signal_emit (self, signals[INSERT], 0);
}

/* Public API */

BylineImageDialog *
byline_image_dialog_new (BylineProfile *profile,
                         GFile         *folder)
{
  g_return_val_if_fail (BYLINE_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  return g_object_new (BYLINE_TYPE_IMAGE_DIALOG,
                       "profile", profile,
                       "folder", folder,
                       NULL);
}

BylineProfile *
byline_image_dialog_get_profile (BylineImageDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_IMAGE_DIALOG (self), NULL);

  return self->profile;
}

GFile *
byline_image_dialog_get_folder (BylineImageDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_IMAGE_DIALOG (self), NULL);

  return self->folder;
}

GFile *
byline_image_dialog_get_file (BylineImageDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_IMAGE_DIALOG (self), NULL);

  return self->file;
}

gboolean
byline_image_dialog_get_editing (BylineImageDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_IMAGE_DIALOG (self), FALSE);

  return self->editing;
}

/* GObject */

static void
byline_image_dialog_constructed (GObject *object)
{
  BylineImageDialog *self = BYLINE_IMAGE_DIALOG (object);
  const char * const *widths;
  g_autoptr(GtkStringList) model = NULL;

  G_OBJECT_CLASS (byline_image_dialog_parent_class)->constructed (object);

  g_assert (self->profile != NULL);
  g_assert (self->folder != NULL);

  widths = byline_profile_get_image_widths (self->profile);
  self->widths = g_strdupv ((char **) widths);
  model = gtk_string_list_new ((const char * const *) self->widths);
  gtk_string_list_append (model, _("Custom"));
  self->updating = TRUE;
  gtk_drop_down_set_model (self->width_dropdown, G_LIST_MODEL (model));
  self->updating = FALSE;
  set_width (self, byline_image_get_default_width (self->profile));
  gtk_editable_set_text (GTK_EDITABLE (self->width_entry), "");

  byline_image_dialog_update (self);
}

static void
byline_image_dialog_dispose (GObject *object)
{
  BylineImageDialog *self = BYLINE_IMAGE_DIALOG (object);

  g_cancellable_cancel (self->thumbnail_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_IMAGE_DIALOG);

  G_OBJECT_CLASS (byline_image_dialog_parent_class)->dispose (object);
}

static void
byline_image_dialog_finalize (GObject *object)
{
  BylineImageDialog *self = BYLINE_IMAGE_DIALOG (object);

  g_clear_object (&self->profile);
  g_clear_object (&self->folder);
  g_clear_object (&self->file);
  g_clear_object (&self->target);
  g_clear_object (&self->context);
  g_clear_object (&self->thumbnail_cancellable);
  g_clear_pointer (&self->widths, g_strfreev);
  g_clear_pointer (&self->extra, g_ptr_array_unref);
  g_clear_pointer (&self->computed_ratio, g_free);

  G_OBJECT_CLASS (byline_image_dialog_parent_class)->finalize (object);
}

static void
byline_image_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BylineImageDialog *self = BYLINE_IMAGE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;

    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_EDITING:
      g_value_set_boolean (value, self->editing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_image_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BylineImageDialog *self = BYLINE_IMAGE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      self->profile = g_value_dup_object (value);
      break;

    case PROP_FOLDER:
      self->folder = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_image_dialog_class_init (BylineImageDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = byline_image_dialog_constructed;
  object_class->dispose = byline_image_dialog_dispose;
  object_class->finalize = byline_image_dialog_finalize;
  object_class->get_property = byline_image_dialog_get_property;
  object_class->set_property = byline_image_dialog_set_property;

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL,
                         BYLINE_TYPE_PROFILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[INSERT] =
    g_signal_new ("insert",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[ADD_PHOTOS] =
    g_signal_new ("add-photos",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_LIST_MODEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/byline-image-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineImageDialog, insert_button);
  gtk_widget_class_bind_template_child (widget_class, BylineImageDialog, picture_stack);
  gtk_widget_class_bind_template_child (widget_class, BylineImageDialog, picture);
  gtk_widget_class_bind_template_child (widget_class, BylineImageDialog, file_name_label);
  gtk_widget_class_bind_template_child (widget_class, BylineImageDialog, file_info_label);
  gtk_widget_class_bind_template_child (widget_class, BylineImageDialog, size_warning_label);
  gtk_widget_class_bind_template_child (widget_class, BylineImageDialog, caption_entry);
  gtk_widget_class_bind_template_child (widget_class, BylineImageDialog, alt_entry);
  gtk_widget_class_bind_template_child (widget_class, BylineImageDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, BylineImageDialog, width_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BylineImageDialog, width_entry);
  gtk_widget_class_bind_template_child (widget_class, BylineImageDialog, link_entry);
  gtk_widget_class_bind_template_child (widget_class, BylineImageDialog, ratio_entry);
  gtk_widget_class_bind_template_child (widget_class, BylineImageDialog, caption_message);
  gtk_widget_class_bind_template_child (widget_class, BylineImageDialog, alt_message);
  gtk_widget_class_bind_template_child (widget_class, BylineImageDialog, title_message);
  gtk_widget_class_bind_template_child (widget_class, BylineImageDialog, width_message);
  gtk_widget_class_bind_template_child (widget_class, BylineImageDialog, link_message);
  gtk_widget_class_bind_template_child (widget_class, BylineImageDialog, ratio_message);
  gtk_widget_class_bind_template_child (widget_class, BylineImageDialog, preview_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, width_selected_cb);

  gtk_widget_class_install_action (widget_class, "image.insert", NULL, insert_action);
  gtk_widget_class_install_action (widget_class, "image.choose", NULL, choose_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
byline_image_dialog_init (BylineImageDialog *self)
{
  self->extra = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->insert_button));

  byline_photo_name_drop_down (self->width_dropdown);
  g_signal_connect_object (self->picture, "notify::paintable",
                           G_CALLBACK (picture_paintable_cb), self, G_CONNECT_SWAPPED);
}
