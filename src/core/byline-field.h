/* byline-field.h — a typed form field over the front matter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the front-matter form needs from the core, without any widget: the
 * value a field shows for a front matter, and the one text patch that a new
 * value makes (or why the value cannot be written). The front-matter form
 * of the app and the corpus tests both go through these functions, so that
 * what the tests check is what the form does.
 */

#pragma once

#include <gio/gio.h>

#include "byline-front-matter.h"
#include "byline-profile.h"

G_BEGIN_DECLS

#define BYLINE_FIELD_ERROR (byline_field_error_quark ())

typedef enum
{
  BYLINE_FIELD_ERROR_INVALID_DATE,
  BYLINE_FIELD_ERROR_INVALID_NUMBER,
  BYLINE_FIELD_ERROR_INVALID_INTEGER,
  BYLINE_FIELD_ERROR_REQUIRED,         /* a required date or number cannot be empty */
} BylineFieldError;

/* What a set_* call asks of the text. */
typedef enum
{
  BYLINE_FIELD_EDIT_NONE,     /* the value is already there: no patch */
  BYLINE_FIELD_EDIT_CHANGE,   /* the key's value changes */
  BYLINE_FIELD_EDIT_INSERT,   /* the key is added at the profile's position */
  BYLINE_FIELD_EDIT_REMOVE,   /* an optional field was cleared: the key goes */
} BylineFieldEdit;

GQuark           byline_field_error_quark  (void);

/* Whether the front matter has the field's key. */
gboolean         byline_field_is_present   (const BylineFieldSpec *spec,
                                            BylineFrontMatter     *front_matter);
/* The text a STRING, TEXT, DATE, NUMBER or INTEGER field shows: the scalar's
 * value (unquoted; a block scalar without its final line breaks), the source
 * text of a value of another kind, "" when the key is absent or empty. */
char            *byline_field_dup_text     (const BylineFieldSpec *spec,
                                            BylineFrontMatter     *front_matter);
/* The items of a STRING_LIST field: a single scalar is one item, an empty
 * value none. Never NULL. */
char           **byline_field_dup_strv     (const BylineFieldSpec *spec,
                                            BylineFrontMatter     *front_matter);
/* The value of a BOOL field; FALSE when absent or not a boolean. */
gboolean         byline_field_get_bool     (const BylineFieldSpec *spec,
                                            BylineFrontMatter     *front_matter);

/* Checks a text a user typed for a field: dates in one of Hugo's formats,
 * numbers and integers as YAML reads them, and no empty value for a
 * required typed field. The message says what to type. */
gboolean         byline_field_validate     (const BylineFieldSpec *spec,
                                            const char            *text,
                                            GError               **error);

/* The patch that gives the field a new value, NULL when there is nothing
 * to do (@edit is then NONE) or the value is invalid (@error is set).
 * STRING and TEXT keep the entry's quoting when they can; DATE, NUMBER and
 * INTEGER are written as plain scalars (or in the entry's quotes when it
 * had them); clearing an optional field removes its key. Surrounding
 * white space of a typed value is dropped. @key_order is the profile's
 * field order, for keys that must be inserted. */
BylineTextPatch *byline_field_set_text     (const BylineFieldSpec *spec,
                                            BylineFrontMatter     *front_matter,
                                            const char            *text,
                                            const char * const    *key_order,
                                            BylineFieldEdit       *edit,
                                            GError               **error);
/* For STRING_LIST fields: an empty list removes an optional field's key. */
BylineTextPatch *byline_field_set_strv     (const BylineFieldSpec *spec,
                                            BylineFrontMatter     *front_matter,
                                            const char * const    *values,
                                            const char * const    *key_order,
                                            BylineFieldEdit       *edit);
/* For BOOL fields: writes true or false. */
BylineTextPatch *byline_field_set_bool     (const BylineFieldSpec *spec,
                                            BylineFrontMatter     *front_matter,
                                            gboolean               value,
                                            const char * const    *key_order,
                                            BylineFieldEdit       *edit);

G_END_DECLS
