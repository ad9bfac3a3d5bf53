/* byline-tag-list.h — a list of short strings shown as removable chips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BYLINE_TYPE_TAG_LIST (byline_tag_list_get_type ())

G_DECLARE_FINAL_TYPE (BylineTagList, byline_tag_list, BYLINE, TAG_LIST, GtkWidget)

GtkWidget   *byline_tag_list_new             (void);
/* The field's label: the accessible name of the entry that adds items. */
const char  *byline_tag_list_get_label       (BylineTagList      *self);
void         byline_tag_list_set_label       (BylineTagList      *self,
                                              const char         *label);
/* What one item is called ("keyword"): the chips' buttons are named
 * "Remove keyword istio". */
const char  *byline_tag_list_get_item_name   (BylineTagList      *self);
void         byline_tag_list_set_item_name   (BylineTagList      *self,
                                              const char         *item_name);
/* The items in order; never NULL. */
char       **byline_tag_list_dup_items       (BylineTagList      *self);
/* Replaces the items without emitting "changed" (the text changed them). */
void         byline_tag_list_set_items       (BylineTagList      *self,
                                              const char * const *items);
/* Adds items as the user does, splitting at commas, skipping empty ones and
 * items already there; emits "changed" once when something was added. */
gboolean     byline_tag_list_add             (BylineTagList      *self,
                                              const char         *text);
/* Removes an item as its chip's button does; emits "changed". */
gboolean     byline_tag_list_remove          (BylineTagList      *self,
                                              const char         *item);
/* Words offered while typing, most used first. */
void         byline_tag_list_set_suggestions (BylineTagList      *self,
                                              const char * const *suggestions);
GtkEditable *byline_tag_list_get_entry       (BylineTagList      *self);
/* The button that removes @item, or NULL. */
GtkWidget   *byline_tag_list_get_chip        (BylineTagList      *self,
                                              const char         *item);

/* Signals:
 *   "changed" (void): the user added or removed items.
 */

G_END_DECLS
