/* byline-editor-spell-menu.c — the word menu of the editor's spell checking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A right click, Shift+F10 or the Menu key on a flagged word fills the
 * view's extra menu for it: suggestions, adding the word to the site's
 * .spelling list or the personal dictionary, and ignoring it. The menu's
 * actions ("spelling.replace", "spelling.add", "spelling.ignore") act on
 * that word only while the text there is still that word.
 */

#define G_LOG_DOMAIN "byline-editor-spell"

#include "config.h"

#include "byline-editor-spell-private.h"

#include "byline-spell-lists.h"
#include "byline-underlines.h"

#include <glib/gi18n.h>
#include <string.h>

#define MAX_SUGGESTIONS 6

static GtkTextTag *
spelling_tag (BylineEditorSpell *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (self->document));

  return gtk_text_tag_table_lookup (table, BYLINE_UNDERLINE_TAG_SPELLING);
}

/* Quick suggestions first: they put the site's own words before the
 * dictionary's; then Enchant's. */
static char **
suggest (BylineEditorSpell *self,
         const char        *word)
{
  g_auto(GStrv) quick = byline_spell_checker_quick_suggest (self->checker, word, MAX_SUGGESTIONS);
  g_auto(GStrv) more = byline_spell_checker_suggest (self->checker, word, MAX_SUGGESTIONS);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; quick[i] != NULL && n < MAX_SUGGESTIONS; i++, n++)
    g_strv_builder_add (builder, quick[i]);
  for (guint i = 0; more[i] != NULL && n < MAX_SUGGESTIONS; i++)
    if (!g_strv_contains ((const char * const *) quick, more[i]) && strcmp (more[i], word) != 0)
      {
        g_strv_builder_add (builder, more[i]);
        n++;
      }
  return g_strv_builder_end (builder);
}

gboolean
byline_editor_spell_prepare_menu (BylineEditorSpell *self,
                                  const GtkTextIter *iter)
{
  GtkTextBuffer *buffer;
  GtkTextTag *tag;
  GtkTextIter start, end;
  g_auto(GStrv) suggestions = NULL;
  g_autoptr(GMenu) replace = NULL;
  g_autoptr(GMenu) others = NULL;
  g_autofree char *add_label = NULL;

  g_return_val_if_fail (BYLINE_IS_EDITOR_SPELL (self), FALSE);
  g_return_val_if_fail (iter != NULL, FALSE);

  g_menu_remove_all (self->menu);
  g_clear_pointer (&self->word, g_free);

  if (self->document == NULL || self->checker == NULL)
    return FALSE;
  tag = spelling_tag (self);
  if (tag == NULL || !gtk_text_iter_has_tag (iter, tag))
    return FALSE;

  buffer = GTK_TEXT_BUFFER (self->document);
  start = end = *iter;
  if (!gtk_text_iter_starts_tag (&start, tag))
    gtk_text_iter_backward_to_tag_toggle (&start, tag);
  gtk_text_iter_forward_to_tag_toggle (&end, tag);
  self->word = gtk_text_iter_get_slice (&start, &end);
  gtk_text_buffer_move_mark (buffer, self->word_start, &start);
  gtk_text_buffer_move_mark (buffer, self->word_end, &end);

  replace = g_menu_new ();
  suggestions = suggest (self, self->word);
  for (guint i = 0; suggestions[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (suggestions[i], NULL);

      g_menu_item_set_action_and_target_value (item, "spelling.replace",
                                               g_variant_new_string (suggestions[i]));
      g_menu_append_item (replace, item);
    }
  if (suggestions[0] == NULL)
    g_menu_append (replace, _("No Suggestions"), "spelling.none");

  others = g_menu_new ();
  if (self->site_list != NULL)
    {
      g_autofree char *name = g_file_get_basename (self->site_list);

      /* Translators: %s is the site's word list file, ".spelling". */
      add_label = g_strdup_printf (_("Add to Site Word List (%s)"), name);
    }
  else
    add_label = g_strdup (_("Add to Personal Dictionary"));
  g_menu_append (others, add_label, "spelling.add");
  g_menu_append (others, _("Ignore"), "spelling.ignore");

  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (replace));
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (others));
  return TRUE;
}

GMenuModel *
byline_editor_spell_get_menu (BylineEditorSpell *self)
{
  g_return_val_if_fail (BYLINE_IS_EDITOR_SPELL (self), NULL);

  return G_MENU_MODEL (self->menu);
}

static void
pressed_cb (BylineEditorSpell *self,
            int                n_press,
            double             x,
            double             y,
            GtkGestureClick   *gesture)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->view);
  GtkTextIter iter;
  int bx, by;

  if (self->document == NULL)
    return;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y,
                                         &bx, &by);
  if (gtk_text_view_get_iter_at_location (view, &iter, bx, by))
    byline_editor_spell_prepare_menu (self, &iter);
  else
    g_menu_remove_all (self->menu);
}

/* Shift+F10 and the Menu key open the view's menu at the cursor: the word
 * menu is made for the cursor first. Not handled, so that the view's own
 * binding opens the menu. */
static gboolean
menu_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  BylineEditorSpell *self = user_data;
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  if (self->document == NULL)
    return FALSE;
  buffer = GTK_TEXT_BUFFER (self->document);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  byline_editor_spell_prepare_menu (self, &iter);
  return FALSE;
}

/* The word of the menu, when the text there is still that word. */
static gboolean
get_word_bounds (BylineEditorSpell *self,
                 GtkTextIter       *start,
                 GtkTextIter       *end)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  g_autofree char *text = NULL;

  if (self->word == NULL)
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (buffer, start, self->word_start);
  gtk_text_buffer_get_iter_at_mark (buffer, end, self->word_end);
  text = gtk_text_iter_get_slice (start, end);
  return g_strcmp0 (text, self->word) == 0;
}

static void
replace_cb (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  BylineEditorSpell *self = user_data;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  const char *replacement = g_variant_get_string (parameter, NULL);

  if (self->document == NULL || !get_word_bounds (self, &start, &end))
    return;

  /* One undo step. */
  buffer = GTK_TEXT_BUFFER (self->document);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, replacement, -1);
  gtk_text_buffer_end_user_action (buffer);
}

static void
add_cb (GSimpleAction *action,
        GVariant      *parameter,
        gpointer       user_data)
{
  BylineEditorSpell *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean added;

  if (self->checker == NULL || self->word == NULL)
    return;

  if (self->site_list != NULL)
    {
      added = byline_spell_lists_add_to_mdspell (self->site_list, self->word, &error);
      if (added)
        {
          const char *words[] = { self->word, NULL };

          byline_spell_checker_add_site_words (self->checker, words);
        }
    }
  else
    added = byline_spell_checker_add_to_personal (self->checker, self->word, &error);

  if (!added)
    g_signal_emit_by_name (self, "message", error->message);
  else if (self->document != NULL)
    byline_document_recheck_spelling (self->document);
}

static void
ignore_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  BylineEditorSpell *self = user_data;

  if (self->checker == NULL || self->word == NULL)
    return;

  byline_spell_checker_ignore_word (self->checker, self->word);
  if (self->document != NULL)
    byline_document_recheck_spelling (self->document);
}

void
byline_editor_spell_init_menu (BylineEditorSpell *self)
{
  static const GActionEntry entries[] = {
    { "replace", replace_cb, "s" },
    { "add", add_cb },
    { "ignore", ignore_cb },
  };
  g_autoptr(GSimpleAction) none = g_simple_action_new ("none", NULL);

  self->menu = g_menu_new ();
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries,
                                   G_N_ELEMENTS (entries), self);
  /* "No Suggestions" is shown, not chosen. */
  g_simple_action_set_enabled (none, FALSE);
  g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (none));
}

void
byline_editor_spell_attach_menu (BylineEditorSpell *self,
                                 GtkSourceView     *view)
{
  gtk_widget_insert_action_group (GTK_WIDGET (view), "spelling", G_ACTION_GROUP (self->actions));
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (view), G_MENU_MODEL (self->menu));

  /* Before the view's own handler, which opens the menu. */
  self->click = g_object_ref (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->click),
                                              GTK_PHASE_CAPTURE);
  g_signal_connect_object (self->click, "pressed", G_CALLBACK (pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (self->click));

  self->keys = g_object_ref (gtk_shortcut_controller_new ());
  gtk_event_controller_set_propagation_phase (self->keys, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < 2; i++)
    {
      GtkShortcutTrigger *trigger = i == 0 ? gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK)
                                           : gtk_keyval_trigger_new (GDK_KEY_Menu, 0);
      GtkShortcutAction *action = gtk_callback_action_new (menu_key_cb, self, NULL);

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (self->keys),
                                            gtk_shortcut_new (trigger, action));
    }
  gtk_widget_add_controller (GTK_WIDGET (view), self->keys);
}
