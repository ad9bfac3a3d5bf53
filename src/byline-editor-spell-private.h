/* byline-editor-spell-private.h — what the editor's spell checking files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-editor-spell.h"

G_BEGIN_DECLS

struct _BylineEditorSpell
{
  GObject             parent_instance;

  GtkSourceView      *view;
  BylineDocument     *document;
  GSettings          *settings;
  GSimpleActionGroup *actions;
  GMenu              *menu;
  GtkGesture         *click;
  GtkEventController *keys;

  BylineSpellChecker *checker;
  GFile              *site_list;   /* the site's .spelling, or NULL */
  char               *problem;
  GCancellable       *loading;
  /* The language chosen by hand for the post, or NULL; the language the
   * post is checked in (or would be, with a dictionary); the installed
   * dictionaries, once a load has listed them. */
  char               *choice;
  char               *language;
  char              **dictionaries;
  /* Problems already told, so that each is told once. */
  GHashTable         *told;

  /* The word of the open menu. */
  GtkTextMark        *word_start;
  GtkTextMark        *word_end;
  char               *word;

  gboolean            enabled;
};

/* byline-editor-spell-menu.c */
/* Makes the word menu and its actions. */
void byline_editor_spell_init_menu   (BylineEditorSpell *self);
/* Gives @view the word menu and its actions, and fills the menu for the
 * word under a right click, or at the cursor for the menu keys. */
void byline_editor_spell_attach_menu (BylineEditorSpell *self,
                                      GtkSourceView     *view);

G_END_DECLS
