/* byline-tag-list.c — a list of short strings shown as removable chips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-tag-list"

#include "config.h"

#include "byline-tag-list.h"

#include <glib/gi18n.h>
#include <string.h>

struct _BylineTagList
{
  GtkWidget           parent_instance;

  GtkFlowBox         *chips;
  GtkEntry           *entry;
  GtkEntryCompletion *completion;
  GtkListStore       *suggestions;

  GPtrArray          *items;
  char               *label;
  char               *item_name;

  /* The entry's text is being split at a comma: its own change is not new input. */
  guint               splitting : 1;
};

G_DEFINE_FINAL_TYPE (BylineTagList, byline_tag_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_ITEM_NAME,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* g_set_str() is newer than the GLib this builds against. */
static gboolean
set_str (char       **target,
         const char  *value)
{
  if (g_strcmp0 (*target, value) == 0)
    return FALSE;
  g_free (*target);
  *target = g_strdup (value);
  return TRUE;
}

static void
chip_clicked_cb (GtkButton     *button,
                 BylineTagList *self)
{
  const char *item = g_object_get_data (G_OBJECT (button), "byline-item");
  g_autofree char *owned = g_strdup (item);

  byline_tag_list_remove (self, owned);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static char *
dup_remove_name (BylineTagList *self,
                 const char    *item)
{
  /* Translators: "Remove keyword istio": the first %s is what one item is called. */
  return g_strdup_printf (_("Remove %s %s"),
                          self->item_name != NULL ? self->item_name : _("item"), item);
}

static void
byline_tag_list_rebuild (BylineTagList *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips))) != NULL)
    gtk_flow_box_remove (self->chips, child);

  for (guint i = 0; i < self->items->len; i++)
    {
      const char *item = g_ptr_array_index (self->items, i);
      g_autofree char *name = dup_remove_name (self, item);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *label = gtk_label_new (item);
      GtkWidget *icon = gtk_image_new_from_icon_name ("window-close-symbolic");

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      gtk_image_set_pixel_size (GTK_IMAGE (icon), 12);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "byline-chip");
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      g_object_set_data_full (G_OBJECT (button), "byline-item", g_strdup (item), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (chip_clicked_cb), self, 0);

      gtk_flow_box_append (self->chips, button);
      /* The chip's button takes the focus, not the flow box's child around it. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->chips), self->items->len > 0);
}

static gboolean
byline_tag_list_contains (BylineTagList *self,
                          const char    *item)
{
  for (guint i = 0; i < self->items->len; i++)
    if (g_str_equal (g_ptr_array_index (self->items, i), item))
      return TRUE;
  return FALSE;
}

/* Adds the comma-separated items of @text without telling anyone. */
static gboolean
add_items (BylineTagList *self,
           const char    *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  gboolean added = FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *item = g_strstrip (parts[i]);

      if (*item == '\0' || byline_tag_list_contains (self, item))
        continue;
      g_ptr_array_add (self->items, g_strdup (item));
      added = TRUE;
    }

  return added;
}

gboolean
byline_tag_list_add (BylineTagList *self,
                     const char    *text)
{
  g_return_val_if_fail (BYLINE_IS_TAG_LIST (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!add_items (self, text))
    return FALSE;

  byline_tag_list_rebuild (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
byline_tag_list_remove (BylineTagList *self,
                        const char    *item)
{
  g_return_val_if_fail (BYLINE_IS_TAG_LIST (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  for (guint i = 0; i < self->items->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->items, i), item))
        {
          g_ptr_array_remove_index (self->items, i);
          byline_tag_list_rebuild (self);
          g_signal_emit (self, signals[CHANGED], 0);
          return TRUE;
        }
    }

  return FALSE;
}

static void
entry_activate_cb (BylineTagList *self,
                   GtkEntry      *entry)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  byline_tag_list_add (self, text);
}

static void
entry_changed_cb (BylineTagList *self,
                  GtkEditable   *editable)
{
  const char *text = gtk_editable_get_text (editable);
  const char *comma;
  g_autofree char *done = NULL;
  g_autofree char *rest = NULL;

  if (self->splitting || (comma = strrchr (text, ',')) == NULL)
    return;

  /* A comma ends an item; what follows the last one is still being typed. */
  done = g_strndup (text, comma - text);
  rest = g_strdup (comma + 1);

  self->splitting = TRUE;
  gtk_editable_set_text (editable, g_strchug (rest));
  self->splitting = FALSE;

  byline_tag_list_add (self, done);
}

static gboolean
completion_match_cb (GtkEntryCompletion *completion,
                     const char         *key,
                     GtkTreeIter        *iter,
                     gpointer            user_data)
{
  BylineTagList *self = user_data;
  g_autofree char *word = NULL;
  g_autofree char *folded = NULL;

  gtk_tree_model_get (GTK_TREE_MODEL (self->suggestions), iter, 0, &word, -1);
  if (word == NULL || byline_tag_list_contains (self, word))
    return FALSE;

  /* @key comes case-folded; words match from their start or a word's start. */
  folded = g_utf8_casefold (word, -1);
  if (g_str_has_prefix (folded, key))
    return TRUE;
  for (const char *p = folded; (p = strpbrk (p, " -_")) != NULL; p++)
    if (g_str_has_prefix (p + 1, key))
      return TRUE;
  return FALSE;
}

static gboolean
completion_match_selected_cb (BylineTagList      *self,
                              GtkTreeModel       *model,
                              GtkTreeIter        *iter,
                              GtkEntryCompletion *completion)
{
  g_autofree char *word = NULL;

  gtk_tree_model_get (model, iter, 0, &word, -1);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  if (word != NULL)
    byline_tag_list_add (self, word);

  return TRUE;
}

/* Public API */

GtkWidget *
byline_tag_list_new (void)
{
  return g_object_new (BYLINE_TYPE_TAG_LIST, NULL);
}

const char *
byline_tag_list_get_label (BylineTagList *self)
{
  g_return_val_if_fail (BYLINE_IS_TAG_LIST (self), NULL);

  return self->label;
}

void
byline_tag_list_set_label (BylineTagList *self,
                           const char    *label)
{
  g_return_if_fail (BYLINE_IS_TAG_LIST (self));

  if (!set_str (&self->label, label))
    return;

  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
byline_tag_list_get_item_name (BylineTagList *self)
{
  g_return_val_if_fail (BYLINE_IS_TAG_LIST (self), NULL);

  return self->item_name;
}

void
byline_tag_list_set_item_name (BylineTagList *self,
                               const char    *item_name)
{
  g_return_if_fail (BYLINE_IS_TAG_LIST (self));

  if (!set_str (&self->item_name, item_name))
    return;

  byline_tag_list_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM_NAME]);
}

char **
byline_tag_list_dup_items (BylineTagList *self)
{
  GStrvBuilder *builder;
  char **items;

  g_return_val_if_fail (BYLINE_IS_TAG_LIST (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->items->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->items, i));
  items = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return items;
}

void
byline_tag_list_set_items (BylineTagList      *self,
                           const char * const *items)
{
  g_return_if_fail (BYLINE_IS_TAG_LIST (self));

  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    g_ptr_array_add (self->items, g_strdup (items[i]));

  byline_tag_list_rebuild (self);
}

void
byline_tag_list_set_suggestions (BylineTagList      *self,
                                 const char * const *suggestions)
{
  g_return_if_fail (BYLINE_IS_TAG_LIST (self));

  gtk_list_store_clear (self->suggestions);
  for (guint i = 0; suggestions != NULL && suggestions[i] != NULL; i++)
    gtk_list_store_insert_with_values (self->suggestions, NULL, -1, 0, suggestions[i], -1);
}

GtkEditable *
byline_tag_list_get_entry (BylineTagList *self)
{
  g_return_val_if_fail (BYLINE_IS_TAG_LIST (self), NULL);

  return GTK_EDITABLE (self->entry);
}

GtkWidget *
byline_tag_list_get_chip (BylineTagList *self,
                          const char    *item)
{
  g_return_val_if_fail (BYLINE_IS_TAG_LIST (self), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->chips));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (g_strcmp0 (g_object_get_data (G_OBJECT (button), "byline-item"), item) == 0)
        return button;
    }

  return NULL;
}

/* GObject */

static void
byline_tag_list_dispose (GObject *object)
{
  BylineTagList *self = BYLINE_TAG_LIST (object);
  GtkWidget *child;

  if (self->entry != NULL)
    gtk_entry_set_completion (self->entry, NULL);
  g_clear_object (&self->completion);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->chips = NULL;
  self->entry = NULL;

  G_OBJECT_CLASS (byline_tag_list_parent_class)->dispose (object);
}

static void
byline_tag_list_finalize (GObject *object)
{
  BylineTagList *self = BYLINE_TAG_LIST (object);

  g_clear_object (&self->suggestions);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->item_name, g_free);

  G_OBJECT_CLASS (byline_tag_list_parent_class)->finalize (object);
}

static void
byline_tag_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BylineTagList *self = BYLINE_TAG_LIST (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_ITEM_NAME:
      g_value_set_string (value, self->item_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_tag_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BylineTagList *self = BYLINE_TAG_LIST (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      byline_tag_list_set_label (self, g_value_get_string (value));
      break;

    case PROP_ITEM_NAME:
      byline_tag_list_set_item_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_tag_list_class_init (BylineTagListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_tag_list_dispose;
  object_class->finalize = byline_tag_list_finalize;
  object_class->get_property = byline_tag_list_get_property;
  object_class->set_property = byline_tag_list_set_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ITEM_NAME] =
    g_param_spec_string ("item-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bylinetaglist");
}

static void
byline_tag_list_init (BylineTagList *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->items = g_ptr_array_new_with_free_func (g_free);

  self->chips = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->chips, GTK_SELECTION_NONE);
  gtk_flow_box_set_row_spacing (self->chips, 4);
  gtk_flow_box_set_column_spacing (self->chips, 4);
  gtk_flow_box_set_max_children_per_line (self->chips, 12);
  gtk_widget_set_visible (GTK_WIDGET (self->chips), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->chips), GTK_WIDGET (self));

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->entry, _("Add, then press Enter or a comma"));
  gtk_widget_set_parent (GTK_WIDGET (self->entry), GTK_WIDGET (self));
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (entry_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "changed", G_CALLBACK (entry_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->suggestions = gtk_list_store_new (1, G_TYPE_STRING);
  self->completion = gtk_entry_completion_new ();
  gtk_entry_completion_set_model (self->completion, GTK_TREE_MODEL (self->suggestions));
  gtk_entry_completion_set_text_column (self->completion, 0);
  gtk_entry_completion_set_minimum_key_length (self->completion, 1);
  gtk_entry_completion_set_match_func (self->completion, completion_match_cb, self, NULL);
  g_signal_connect_object (self->completion, "match-selected",
                           G_CALLBACK (completion_match_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_entry_set_completion (self->entry, self->completion);
}
