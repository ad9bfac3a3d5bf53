/* byline-photos-view.c — the pictures of a post's folder, with what is wrong with them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-photos-view"

#include "config.h"

#include "byline-photos-view.h"

#include "byline-photo-ui.h"
#include "byline-photo.h"
#include "byline-problem.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#define THUMBNAIL_WIDTH 148
#define THUMBNAIL_HEIGHT 111
#define CARD_CHARS 16

/* A picture of the folder, as read on the worker. */
typedef struct
{
  GFile           *file;
  char            *name;   /* display name */
  BylinePhotoInfo *info;
} Photo;

static void
photo_free (Photo *photo)
{
  g_clear_object (&photo->file);
  g_clear_pointer (&photo->info, byline_photo_info_unref);
  g_free (photo->name);
  g_free (photo);
}

struct _BylinePhotosView
{
  GtkWidget       parent_instance;

  /* Template children */
  GtkStack       *stack;
  GtkFlowBox     *flow_box;

  BylineDocument *document;
  GSignalGroup   *document_signals;
  GSignalGroup   *problems_signals;
  GPtrArray      *photos;       /* of Photo, shown, in name order */
  GCancellable   *cancellable;  /* the current read and its thumbnails */
  guint           reload_source;
  guint           reading : 1;
};

G_DEFINE_FINAL_TYPE (BylinePhotosView, byline_photos_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_BUSY,
  N_PROPS
};

enum {
  ACTIVATE_PHOTO,
  SHOW_MESSAGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
dup_text (BylinePhotosView *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->document), &start, &end);
  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->document), &start, &end, TRUE);
}

/* Where the post's text names @name, as a link of the folder ("./x.jpg")
 * or at all (raw HTML, front matter); -1 when it does not. The linter
 * counts a file as used the same way for raw HTML. */
static gssize
find_mention (const char *text,
              const char *name)
{
  g_autofree char *link = g_strconcat ("./", name, NULL);
  const char *found = strstr (text, link);

  if (found == NULL)
    found = strstr (text, name);
  return found != NULL ? found - text : -1;
}

/* Fixes */

typedef struct
{
  BylinePhotosView *self;
  BylineFileFix    *fix;
} FixRequest;

static void
fix_request_free (FixRequest *request)
{
  g_clear_object (&request->self);
  g_clear_pointer (&request->fix, byline_file_fix_free);
  g_free (request);
}

static void
fix_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  FixRequest *request = task_data;
  GError *error = NULL;
  char *message = byline_file_fix_apply (request->fix, cancellable, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, message, g_free);
}

static void
fix_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  FixRequest *request = g_task_get_task_data (G_TASK (result));
  BylinePhotosView *self = request->self;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  message = g_task_propagate_pointer (G_TASK (result), &error);
  if (error != NULL)
    {
      g_autofree char *name = g_file_get_basename (request->fix->file);

      message = g_strdup_printf (_("“%s” was not changed: %s"), name, error->message);
    }
  if (message != NULL)
    g_signal_emit (self, signals[SHOW_MESSAGE], 0, message);

  /* The document sees the folder change and checks again; the view reads
   * the picture again meanwhile. */
  byline_photos_view_reload (self);
}

static void
fix_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 FixRequest       *request)
{
  g_autoptr(GTask) task = NULL;

  if (g_strcmp0 (response, "apply") != 0)
    {
      fix_request_free (request);
      return;
    }

  task = g_task_new (NULL, NULL, fix_done_cb, NULL);
  g_task_set_source_tag (task, fix_response_cb);
  g_task_set_task_data (task, request, (GDestroyNotify) fix_request_free);
  g_task_run_in_thread (task, fix_thread);
}

/* A fix rewrites a file of the folder: asked first, as the issue wants
 * for changes the undo of the editor cannot take back. */
static void
fix_clicked_cb (GtkButton *button,
                gpointer   user_data)
{
  BylinePhotosView *self = BYLINE_PHOTOS_VIEW (user_data);
  const BylineDiagnostic *diagnostic = g_object_get_data (G_OBJECT (button), "byline-diagnostic");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = g_file_get_basename (diagnostic->file_fix->file);
  g_autofree char *heading = NULL;
  FixRequest *request;
  GtkWidget *dialog;

  /* Translators: the question before a file fix; %s is a file name. */
  heading = g_strdup_printf (_("Change “%s”?"), name);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s\n\nThe file in the post’s folder is rewritten; this "
                                    "cannot be undone."), diagnostic->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "apply", diagnostic->file_fix->label,
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  request = g_new0 (FixRequest, 1);
  request->self = g_object_ref (self);
  request->fix = byline_file_fix_copy (diagnostic->file_fix);
  g_signal_connect (dialog, "response", G_CALLBACK (fix_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Cards */

/* Dragging */

BylinePhotoDrag *
byline_photo_drag_copy (const BylinePhotoDrag *self)
{
  BylinePhotoDrag *copy = g_new0 (BylinePhotoDrag, 1);

  copy->file = g_object_ref (self->file);
  copy->info = byline_photo_info_ref (self->info);
  return copy;
}

void
byline_photo_drag_free (BylinePhotoDrag *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->file);
  g_clear_pointer (&self->info, byline_photo_info_unref);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (BylinePhotoDrag, byline_photo_drag, byline_photo_drag_copy,
                     byline_photo_drag_free)

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 Photo         *photo)
{
  g_autoptr(GSList) files = g_slist_prepend (NULL, photo->file);
  BylinePhotoDrag drag = { photo->file, photo->info };
  GdkContentProvider *providers[2];

  /* A card dropped on the text writes its call there; other programs,
   * and Byline's other windows, get the file. The providers keep copies. */
  providers[0] = gdk_content_provider_new_typed (BYLINE_TYPE_PHOTO_DRAG, &drag);
  providers[1] = gdk_content_provider_new_typed (GDK_TYPE_FILE_LIST, files);
  return gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  /* Cards of one width: no label asks for more. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), CARD_CHARS);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
build_card (BylinePhotosView *self,
            Photo            *photo,
            const char       *text)
{
  GListModel *problems = byline_document_get_problems (self->document);
  g_autofree char *pixels = byline_photo_describe_size (photo->info->width,
                                                       photo->info->height, photo->info->size);
  g_autofree char *accessible = NULL;
  g_autoptr(GString) findings = g_string_new (NULL);
  gboolean used = find_mention (text, photo->name) >= 0;
  GtkWidget *child, *card, *box, *picture, *details;
  GtkDragSource *drag;

  child = gtk_flow_box_child_new ();
  g_object_set_data (G_OBJECT (child), "byline-photo", photo);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  /* Cards as tall as their content, in columns of the same width. */
  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_size_request (card, THUMBNAIL_WIDTH + 12, -1);
  gtk_widget_set_valign (card, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (card), box);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), card);

  /* A square of fixed size, portrait or not: a GtkImage asks for its
   * pixel size whatever its parent offers, where a GtkPicture's size
   * follows the other side's and a flow box's measuring runs away. */
  picture = gtk_image_new ();
  gtk_image_set_pixel_size (GTK_IMAGE (picture), THUMBNAIL_WIDTH);
  gtk_box_append (GTK_BOX (box), picture);
  byline_photo_thumbnail_show (photo->file, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT,
                               self->cancellable, picture);

  gtk_box_append (GTK_BOX (box), new_label (photo->name, "heading"));
  details = new_label (pixels, "caption");
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_NONE);
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_box_append (GTK_BOX (box), details);
  gtk_box_append (GTK_BOX (box), new_label (used ? _("Used in the post")
                                                 : _("Not used in the post"),
                                            used ? "dim-label" : "warning"));

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(BylineProblem) problem = g_list_model_get_item (problems, i);
      const BylineDiagnostic *diagnostic = byline_problem_get_diagnostic (problem);
      GtkWidget *row, *icon, *button;

      if (diagnostic->file_fix == NULL || !g_file_equal (diagnostic->file_fix->file, photo->file))
        continue;

      row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      icon = gtk_image_new_from_icon_name (byline_problem_get_icon_name (problem));
      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, diagnostic->message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      diagnostic->message, -1);
      gtk_box_append (GTK_BOX (row), icon);

      button = gtk_button_new_with_label (diagnostic->file_fix->label);
      gtk_widget_set_hexpand (button, TRUE);
      gtk_widget_set_tooltip_text (button, diagnostic->message);
      gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))),
                                     CARD_CHARS);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, diagnostic->message,
                                      -1);
      /* A copy: the document updates its problems in place. */
      g_object_set_data_full (G_OBJECT (button), "byline-diagnostic",
                              byline_diagnostic_copy (diagnostic),
                              (GDestroyNotify) byline_diagnostic_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (fix_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (row), button);
      gtk_box_append (GTK_BOX (box), row);

      g_string_append (findings, ", ");
      g_string_append (findings, diagnostic->message);
    }

  /* Translators: what a screen reader says of a picture of the folder:
   * "photo.jpg, 2400 × 1800 pixels, 1.2 MB, used in the post". */
  accessible = g_strdup_printf ("%s, %s, %s%s", photo->name, pixels,
                                used ? _("used in the post") : _("not used in the post"),
                                findings->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), photo);
  gtk_widget_add_controller (child, GTK_EVENT_CONTROLLER (drag));

  return child;
}

static void
show_photos (BylinePhotosView *self)
{
  g_autofree char *text = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box))) != NULL)
    gtk_flow_box_remove (self->flow_box, child);

  if (self->document != NULL)
    {
      text = dup_text (self);
      for (guint i = 0; i < self->photos->len; i++)
        gtk_flow_box_append (self->flow_box,
                             build_card (self, g_ptr_array_index (self->photos, i), text));
    }

  gtk_stack_set_visible_child_name (self->stack, self->photos->len > 0 ? "photos" : "empty");
}

static void
child_activated_cb (BylinePhotosView *self,
                    GtkFlowBoxChild  *child)
{
  Photo *photo = g_object_get_data (G_OBJECT (child), "byline-photo");
  g_autofree char *text = NULL;
  gssize offset;

  if (photo == NULL || self->document == NULL)
    return;

  text = dup_text (self);
  offset = find_mention (text, photo->name);
  if (offset >= 0)
    g_signal_emit (self, signals[ACTIVATE_PHOTO], 0, photo->file, (guint) offset);
}

/* Reading the folder */

static int
compare_photos (gconstpointer a,
                gconstpointer b)
{
  const Photo *photo_a = *(const Photo * const *) a;
  const Photo *photo_b = *(const Photo * const *) b;

  return byline_photo_compare (photo_a->file, photo_a->info, photo_b->file, photo_b->info,
                               BYLINE_PHOTO_ORDER_NAME);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *folder = task_data;
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) photos = g_ptr_array_new_with_free_func ((GDestroyNotify) photo_free);
  GError *error = NULL;

  enumerator = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (enumerator == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (;;)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;
      BylinePhotoInfo *photo_info;
      Photo *photo;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      if (info == NULL)
        break;

      /* Hidden files are leftovers the site ignores, as the bundle does. */
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
          g_file_info_get_name (info)[0] == '.' ||
          g_str_has_suffix (g_file_info_get_name (info), ".md"))
        continue;

      photo_info = byline_photo_info_lookup (child);
      if (photo_info == NULL)
        continue;

      photo = g_new0 (Photo, 1);
      photo->file = g_object_ref (child);
      photo->name = g_filename_display_name (g_file_info_get_name (info));
      photo->info = photo_info;
      g_ptr_array_add (photos, photo);
    }

  g_ptr_array_sort (photos, compare_photos);
  g_task_return_pointer (task, g_steal_pointer (&photos), (GDestroyNotify) g_ptr_array_unref);
}

static void
set_reading (BylinePhotosView *self,
             gboolean          reading)
{
  if (self->reading == !!reading)
    return;

  self->reading = !!reading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(BylinePhotosView) self = user_data;
  g_autoptr(GPtrArray) photos = NULL;
  g_autoptr(GError) error = NULL;

  photos = g_task_propagate_pointer (G_TASK (result), &error);
  if (photos == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("Cannot read the post's folder: %s", error->message);
      photos = g_ptr_array_new_with_free_func ((GDestroyNotify) photo_free);
    }

  g_clear_pointer (&self->photos, g_ptr_array_unref);
  self->photos = g_steal_pointer (&photos);
  show_photos (self);
  if (self->reload_source == 0)
    set_reading (self, FALSE);
}

static gboolean
reload_cb (gpointer user_data)
{
  BylinePhotosView *self = user_data;
  GFile *file = self->document != NULL ? byline_document_get_file (self->document) : NULL;
  g_autoptr(GTask) task = NULL;

  self->reload_source = 0;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (file == NULL)
    {
      g_ptr_array_set_size (self->photos, 0);
      show_photos (self);
      set_reading (self, FALSE);
      return G_SOURCE_REMOVE;
    }

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, read_cb, g_object_ref (self));
  g_task_set_source_tag (task, reload_cb);
  g_task_set_task_data (task, g_file_get_parent (file), g_object_unref);
  g_task_run_in_thread (task, read_thread);
  return G_SOURCE_REMOVE;
}

void
byline_photos_view_reload (BylinePhotosView *self)
{
  g_return_if_fail (BYLINE_IS_PHOTOS_VIEW (self));

  /* Problems come in bursts as an analysis replaces them: one read. */
  set_reading (self, TRUE);
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (100, reload_cb, self);
}

static void
document_changed_cb (BylinePhotosView *self)
{
  /* Nobody sees a hidden view: it reads the folder when it is shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    byline_photos_view_reload (self);
}

/* Public API */

GtkWidget *
byline_photos_view_new (void)
{
  return g_object_new (BYLINE_TYPE_PHOTOS_VIEW, NULL);
}

BylineDocument *
byline_photos_view_get_document (BylinePhotosView *self)
{
  g_return_val_if_fail (BYLINE_IS_PHOTOS_VIEW (self), NULL);

  return self->document;
}

void
byline_photos_view_set_document (BylinePhotosView *self,
                                 BylineDocument   *document)
{
  g_return_if_fail (BYLINE_IS_PHOTOS_VIEW (self));
  g_return_if_fail (document == NULL || BYLINE_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  g_signal_group_set_target (self->document_signals, document);
  g_signal_group_set_target (self->problems_signals,
                             document != NULL ? byline_document_get_problems (document) : NULL);
  document_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

gboolean
byline_photos_view_get_busy (BylinePhotosView *self)
{
  g_return_val_if_fail (BYLINE_IS_PHOTOS_VIEW (self), FALSE);

  return self->reading;
}

guint
byline_photos_view_get_n_photos (BylinePhotosView *self)
{
  g_return_val_if_fail (BYLINE_IS_PHOTOS_VIEW (self), 0);

  return self->photos->len;
}

GtkWidget *
byline_photos_view_get_card (BylinePhotosView *self,
                             guint             position)
{
  g_return_val_if_fail (BYLINE_IS_PHOTOS_VIEW (self), NULL);

  return GTK_WIDGET (gtk_flow_box_get_child_at_index (self->flow_box, (int) position));
}

/* GObject */

static void
byline_photos_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (byline_photos_view_parent_class)->map (widget);

  byline_photos_view_reload (BYLINE_PHOTOS_VIEW (widget));
}

static void
byline_photos_view_dispose (GObject *object)
{
  BylinePhotosView *self = BYLINE_PHOTOS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  if (self->problems_signals != NULL)
    g_signal_group_set_target (self->problems_signals, NULL);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_PHOTOS_VIEW);

  G_OBJECT_CLASS (byline_photos_view_parent_class)->dispose (object);
}

static void
byline_photos_view_finalize (GObject *object)
{
  BylinePhotosView *self = BYLINE_PHOTOS_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->problems_signals);
  g_clear_pointer (&self->photos, g_ptr_array_unref);

  G_OBJECT_CLASS (byline_photos_view_parent_class)->finalize (object);
}

static void
byline_photos_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BylinePhotosView *self = BYLINE_PHOTOS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->reading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_photos_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BylinePhotosView *self = BYLINE_PHOTOS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      byline_photos_view_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_photos_view_class_init (BylinePhotosViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_photos_view_dispose;
  object_class->finalize = byline_photos_view_finalize;
  object_class->get_property = byline_photos_view_get_property;
  object_class->set_property = byline_photos_view_set_property;
  widget_class->map = byline_photos_view_map;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         BYLINE_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTIVATE_PHOTO] =
    g_signal_new ("activate-photo",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_UINT);

  signals[SHOW_MESSAGE] =
    g_signal_new ("show-message",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/byline-photos-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BylinePhotosView, stack);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotosView, flow_box);
  gtk_widget_class_bind_template_callback (widget_class, child_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "photosview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
byline_photos_view_init (BylinePhotosView *self)
{
  self->photos = g_ptr_array_new_with_free_func ((GDestroyNotify) photo_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->document_signals = g_signal_group_new (BYLINE_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "notify::file",
                                  G_CALLBACK (document_changed_cb), self);
  self->problems_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->problems_signals, "items-changed",
                                  G_CALLBACK (document_changed_cb), self);
}
