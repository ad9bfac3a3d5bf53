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
/* Why nothing is checked (no dictionary for the post's language), or NULL.
 * "message" tells each problem once. */
const char        *byline_editor_spell_get_problem  (BylineEditorSpell *self);
/* The language the post is checked in ("notify::language"), once a load
 * has worked it out: the choice, else the site's, else the preference's. */
const char        *byline_editor_spell_get_language (BylineEditorSpell *self);
/* The language chosen by hand for the post, or NULL. */
const char        *byline_editor_spell_get_choice   (BylineEditorSpell *self);
/* Chooses the post's language by hand (NULL or "": as the site says), and
 * remembers it for the post's file (byline-spell-language.h). */
gboolean           byline_editor_spell_set_choice   (BylineEditorSpell  *self,
                                                     const char         *language,
                                                     GError            **error);
/* The installed dictionaries ("notify::dictionaries"), NULL until a load
 * has listed them. */
const char * const *byline_editor_spell_get_dictionaries (BylineEditorSpell *self);
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
