/* byline-photo-sheet-rows.c — the photo sheet's rows: built, named, ordered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-photo-sheet"

#include "config.h"

#include "byline-photo-sheet-private.h"

#include "byline-photo-ui.h"

#include <glib/gi18n.h>

#define THUMBNAIL_WIDTH 128
#define THUMBNAIL_HEIGHT 96

void
byline_photo_item_free (PhotoItem *item)
{
  g_clear_object (&item->source);
  g_clear_pointer (&item->info, byline_photo_info_unref);
  g_clear_object (&item->row);
  g_free (item->planned);
  g_free (item);
}

char *
byline_photo_sheet_dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}


static guint
item_position (BylinePhotoSheet *self,
               PhotoItem        *item)
{
  guint position = 0;
  gboolean found = g_ptr_array_find (self->items, item, &position);

  g_assert (found);
  return position;
}

/* The list */

int
byline_photo_sheet_sort_rows (GtkListBoxRow *a,
                              GtkListBoxRow *b,
                              gpointer       user_data)
{
  BylinePhotoSheet *self = user_data;
  PhotoItem *item_a = g_object_get_data (G_OBJECT (a), "byline-photo-item");
  PhotoItem *item_b = g_object_get_data (G_OBJECT (b), "byline-photo-item");
  guint position_a = item_position (self, item_a);
  guint position_b = item_position (self, item_b);

  return position_a < position_b ? -1 : position_a > position_b;
}

/* Names the copies will get, in the list's order, as the import names
 * them one after the other. */
void
byline_photo_sheet_plan_names (BylinePhotoSheet *self)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      PhotoItem *item = g_ptr_array_index (self->items, i);
      g_autofree char *shown = byline_photo_sheet_dup_display_name (item->source);
      g_autofree char *label = NULL;

      g_free (item->planned);
      item->planned = byline_photo_plan_name (self->folder, item->source, taken);
      /* Translators: a picture's file name and the name of its copy in
       * the post's folder: "IMG_2041.JPG → ./img-2041.jpg". */
      label = g_strdup_printf (_("%s → ./%s"), shown, item->planned);
      gtk_label_set_label (item->name_label, label);

      gtk_widget_set_sensitive (item->up_button, i > 0);
      gtk_widget_set_sensitive (item->down_button, i + 1 < self->items->len);
    }
}

void
byline_photo_sheet_move (BylinePhotoSheet *self,
                         guint             from,
                         guint             to)
{
  PhotoItem *item;

  g_return_if_fail (BYLINE_IS_PHOTO_SHEET (self));
  g_return_if_fail (from < self->items->len && to < self->items->len);

  if (from == to || self->importing)
    return;

  item = g_ptr_array_steal_index (self->items, from);
  g_ptr_array_insert (self->items, to, item);
  gtk_list_box_invalidate_sort (self->list_box);
  byline_photo_sheet_plan_names (self);
  byline_photo_sheet_update (self);
}

static void
move_up_cb (GtkButton *button,
            PhotoItem *item)
{
  BylinePhotoSheet *self = BYLINE_PHOTO_SHEET (gtk_widget_get_root (GTK_WIDGET (button)));
  guint position = item_position (self, item);

  if (position > 0)
    byline_photo_sheet_move (self, position, position - 1);
  gtk_widget_grab_focus (position > 1 ? item->up_button : item->down_button);
}

static void
move_down_cb (GtkButton *button,
              PhotoItem *item)
{
  BylinePhotoSheet *self = BYLINE_PHOTO_SHEET (gtk_widget_get_root (GTK_WIDGET (button)));
  guint position = item_position (self, item);

  if (position + 1 < self->items->len)
    byline_photo_sheet_move (self, position, position + 1);
  gtk_widget_grab_focus (position + 2 < self->items->len ? item->down_button : item->up_button);
}

static void
remove_cb (GtkButton *button,
           PhotoItem *item)
{
  BylinePhotoSheet *self = BYLINE_PHOTO_SHEET (gtk_widget_get_root (GTK_WIDGET (button)));

  if (self->importing)
    return;

  gtk_list_box_remove (self->list_box, item->row);
  g_ptr_array_remove (self->items, item);
  byline_photo_sheet_plan_names (self);
  byline_photo_sheet_update (self);
}

static void
entry_changed_cb (GtkEditable      *editable,
                  BylinePhotoSheet *self)
{
  byline_photo_sheet_update (self);
}

static GtkWidget *
new_icon_button (const char *icon_name,
                 const char *accessible_name,
                 GCallback   callback,
                 PhotoItem  *item)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, accessible_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  g_signal_connect (button, "clicked", callback, item);
  return button;
}

/* What the picture is and what its copy will be: "3000 × 4000 pixels,
 * 4.2 MB · Its copy: resized from 3000×4000 pixels, location removed". */
static char *
describe_item (BylinePhotoSheet *self,
               PhotoItem        *item)
{
  const BylinePhotoInfo *info = item->info;
  g_autofree char *changes = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (item->source);

  /* A picture already in the folder is used as it is. */
  if (parent == NULL || !g_file_equal (parent, self->folder))
    changes = byline_photo_describe_import (info, self->profile);

  if (changes != NULL)
    {
      g_autofree char *size = g_format_size (info->size);

      /* Translators: a picture's size, then what its copy will be. */
      return g_strdup_printf (_("%d × %d pixels, %s · Its copy: %s"), info->width,
                              info->height, size, changes);
    }
  return byline_photo_describe_size (info->width, info->height, info->size);
}

void
byline_photo_sheet_build_row (BylinePhotoSheet *self,
                              PhotoItem        *item)
{
  g_autofree char *shown = byline_photo_sheet_dup_display_name (item->source);
  g_autofree char *alt_name = NULL;
  g_autofree char *caption_name = NULL;
  g_autofree char *up_name = NULL;
  g_autofree char *down_name = NULL;
  g_autofree char *remove_name = NULL;
  g_autofree char *details = describe_item (self, item);
  g_autoptr(BylineImageFields) fields = NULL;
  GtkWidget *row, *box, *picture, *column, *label, *entry, *buttons;

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "byline-photo-item", item);
  item->row = g_object_ref (row);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* A fixed column, portrait or landscape, so that the texts line up. */
  /* A GtkImage asks for its pixel size whatever its parent offers, where
   * a GtkPicture's size follows the other side's. */
  picture = gtk_image_new ();
  gtk_image_set_pixel_size (GTK_IMAGE (picture), THUMBNAIL_WIDTH);
  gtk_widget_set_valign (picture, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  shown, -1);
  gtk_box_append (GTK_BOX (box), picture);
  byline_photo_thumbnail_show (item->source, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT,
                               self->cancellable, picture);

  column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_box_append (GTK_BOX (box), column);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (label, "heading");
  item->name_label = GTK_LABEL (label);
  gtk_box_append (GTK_BOX (column), label);

  label = gtk_label_new (details);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (column), label);

  /* Filled as the import will fill them from the picture's metadata. */
  fields = byline_photo_fields_for_file (item->source, item->info, self->profile);

  /* Translators: the accessible name of a picture's alt text entry. */
  alt_name = g_strdup_printf (_("Alt text of %s"), shown);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Alt text: what the picture shows"));
  gtk_editable_set_text (GTK_EDITABLE (entry), fields->alt != NULL ? fields->alt : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  alt_name, -1);
  g_signal_connect_object (entry, "changed", G_CALLBACK (entry_changed_cb), self, 0);
  item->alt_entry = GTK_EDITABLE (entry);
  gtk_box_append (GTK_BOX (column), entry);

  /* Translators: the accessible name of a picture's caption entry. */
  caption_name = g_strdup_printf (_("Caption of %s"), shown);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Caption"));
  gtk_editable_set_text (GTK_EDITABLE (entry), fields->caption != NULL ? fields->caption : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  caption_name, -1);
  g_signal_connect_object (entry, "changed", G_CALLBACK (entry_changed_cb), self, 0);
  item->caption_entry = GTK_EDITABLE (entry);
  gtk_box_append (GTK_BOX (column), entry);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_visible (label, FALSE);
  item->message_label = GTK_LABEL (label);
  gtk_box_append (GTK_BOX (column), label);

  buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), buttons);
  /* Translators: accessible names of the buttons that order the pictures. */
  up_name = g_strdup_printf (_("Move %s Up"), shown);
  down_name = g_strdup_printf (_("Move %s Down"), shown);
  remove_name = g_strdup_printf (_("Leave Out %s"), shown);
  item->up_button = new_icon_button ("go-up-symbolic", up_name, G_CALLBACK (move_up_cb), item);
  item->down_button = new_icon_button ("go-down-symbolic", down_name, G_CALLBACK (move_down_cb),
                                       item);
  gtk_box_append (GTK_BOX (buttons), item->up_button);
  gtk_box_append (GTK_BOX (buttons), item->down_button);
  gtk_box_append (GTK_BOX (buttons), new_icon_button ("list-remove-symbolic", remove_name,
                                                      G_CALLBACK (remove_cb), item));

  gtk_list_box_append (self->list_box, row);
}
