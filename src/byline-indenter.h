/* byline-indenter.h — auto-indentation for Markdown with shortcodes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define BYLINE_TYPE_INDENTER (byline_indenter_get_type ())

G_DECLARE_FINAL_TYPE (BylineIndenter, byline_indenter, BYLINE, INDENTER, GObject)

/* Return starts the new line at the previous line's indentation, as
 * GtkSourceView's own indenter does, except that
 *   - after the last line of a shortcode call that spans lines ("    >}}")
 *     the new line starts at column 0, where the call began;
 *   - a line that holds nothing but indentation is emptied when Return
 *     leaves it, so that no line of spaces is left behind. */
GtkSourceIndenter *byline_indenter_new (void);

G_END_DECLS
