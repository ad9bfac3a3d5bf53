/* byline-editor.h — the post's source: GtkSourceView, search bar, settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

#include "byline-completion.h"
#include "byline-document.h"
#include "byline-editor-spell.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_EDITOR (byline_editor_get_type ())

G_DECLARE_FINAL_TYPE (BylineEditor, byline_editor, BYLINE, EDITOR, GtkWidget)

GtkWidget         *byline_editor_new             (void);
BylineDocument    *byline_editor_get_document    (BylineEditor   *self);
void               byline_editor_set_document    (BylineEditor   *self,
                                                  BylineDocument *document);
GtkSourceView     *byline_editor_get_view        (BylineEditor   *self);
/* Completion of shortcode names and parameters in the view. */
BylineCompletion  *byline_editor_get_completion  (BylineEditor   *self);
/* Spell checking of the text and the word menu. */
BylineEditorSpell *byline_editor_get_spell       (BylineEditor   *self);
/* The 1-based line at the top of the visible text. */
guint              byline_editor_get_top_line    (BylineEditor   *self);
/* Scrolls so that @line is at the top, without emitting "top-line-changed". */
void               byline_editor_scroll_to_line  (BylineEditor   *self,
                                                  guint           line);
/* Puts the cursor at the start of @line, shows it and focuses the text. */
void               byline_editor_goto_line       (BylineEditor   *self,
                                                  guint           line);
void               byline_editor_begin_search    (BylineEditor   *self,
                                                  gboolean        replace);

/* The scheme the editor shows for the style scheme @id chosen in the
 * preferences, in the dark or the light style: @id itself or its
 * counterpart of the other variant. NULL for an unknown @id. */
GtkSourceStyleScheme *byline_editor_resolve_style_scheme (const char *id,
                                                          gboolean    dark);

/* The Byline Markdown language (front matter and shortcodes highlighted). */
GtkSourceLanguage *byline_editor_get_language    (void);

/* Signals:
 *   "top-line-changed" (guint line): the user scrolled the text; @line is the
 *       1-based line now at the top (editor → preview sync).
 */

G_END_DECLS
