/* byline-editor-spell.h — spell checking in the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "byline-document.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_EDITOR_SPELL (byline_editor_spell_get_type ())

G_DECLARE_FINAL_TYPE (BylineEditorSpell, byline_editor_spell, BYLINE, EDITOR_SPELL, GObject)

/* Checks the spelling of the view's document while the "spell-checking"
 * setting is on, and adds the word menu to the view's context menu. The
 * view must outlive it. */
BylineEditorSpell *byline_editor_spell_new          (GtkSourceView     *view);
void               byline_editor_spell_set_document (BylineEditorSpell *self,
                                                     BylineDocument    *document);
gboolean           byline_editor_spell_get_enabled  (BylineEditorSpell *self);
void               byline_editor_spell_set_enabled  (BylineEditorSpell *self,
                                                     gboolean           enabled);
/* The checker in use, once loaded ("notify::checker"); NULL while off,
 * loading, or without a dictionary for the post's language. */
BylineSpellChecker *byline_editor_spell_get_checker (BylineEditorSpell *self);
/* Why nothing is checked (no dictionary for the post's language), or NULL. */
const char        *byline_editor_spell_get_problem  (BylineEditorSpell *self);
/* Fills the word menu for the unknown word at @iter, as a right click
 * there does; FALSE (and an empty menu) when no unknown word is there. */
gboolean           byline_editor_spell_prepare_menu (BylineEditorSpell *self,
                                                     const GtkTextIter *iter);
/* The word menu: the view's extra menu. */
GMenuModel        *byline_editor_spell_get_menu     (BylineEditorSpell *self);

/* Signals:
 *   "message" (const char *text): something the user should read (a word
 *       could not be added).
 */

G_END_DECLS
