/* byline-template.h — the small template language of profile shortcodes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A template is HTML with mustache-like tags:
 *
 *   {{name}}          the value, HTML-escaped
 *   {{{name}}}        the value as is (for markup the renderer made: inner)
 *   {{a|b|c}}         the first of a, b, c that is not empty
 *   {{a|"text"}}      a literal fallback
 *   {{#name}}…{{/name}}  the section when name is not empty
 *   {{^name}}…{{/name}}  the section when name is empty
 *
 * Names are shortcode parameter names, positions ("0", "1") and the values
 * the renderer adds (see byline-renderer.h). Sections nest. "{{<" and "{{%"
 * are Hugo shortcode calls and stay text (templates of new posts use them).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BYLINE_TEMPLATE_ERROR (byline_template_error_quark ())

typedef enum
{
  BYLINE_TEMPLATE_ERROR_SYNTAX,
} BylineTemplateError;

typedef struct _BylineTemplate BylineTemplate;

/* Returns the value of a name, or NULL when it has none. */
typedef const char *(*BylineTemplateLookup) (const char *name,
                                             gpointer    user_data);

GQuark          byline_template_error_quark (void);
BylineTemplate *byline_template_new         (const char           *source,
                                             GError              **error);
void            byline_template_free        (BylineTemplate       *self);
const char     *byline_template_get_source  (const BylineTemplate *self);
void            byline_template_expand      (const BylineTemplate *self,
                                             GString              *out,
                                             BylineTemplateLookup  lookup,
                                             gpointer              user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineTemplate, byline_template_free)

G_END_DECLS
