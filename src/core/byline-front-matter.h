/* byline-front-matter.h — the YAML front matter as an ordered, source-aware model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-post-layout.h"
#include "byline-text.h"

G_BEGIN_DECLS

#define BYLINE_FRONT_MATTER_ERROR (byline_front_matter_error_quark ())

typedef enum
{
  BYLINE_FRONT_MATTER_ERROR_SYNTAX,      /* libyaml rejected it */
  BYLINE_FRONT_MATTER_ERROR_NOT_MAPPING, /* the document is a list or a scalar */
  BYLINE_FRONT_MATTER_ERROR_TOO_DEEP,    /* nesting past the limit */
  BYLINE_FRONT_MATTER_ERROR_NO_BLOCK,    /* the post has no front matter */
  BYLINE_FRONT_MATTER_ERROR_CANNOT_EDIT, /* an edit would break what it must keep */
} BylineFrontMatterError;

typedef enum
{
  BYLINE_VALUE_SCALAR,
  BYLINE_VALUE_SEQUENCE,
  BYLINE_VALUE_MAPPING,
  BYLINE_VALUE_ALIAS,      /* *anchor: kept as written, never expanded */
} BylineValueKind;

typedef enum
{
  BYLINE_SCALAR_PLAIN,
  BYLINE_SCALAR_SINGLE_QUOTED,
  BYLINE_SCALAR_DOUBLE_QUOTED,
  BYLINE_SCALAR_LITERAL,   /* | */
  BYLINE_SCALAR_FOLDED,    /* > */
} BylineScalarStyle;

/* One top-level key of the front matter, owned by the model.
 * All spans are in the coordinates of the whole post text.
 */
typedef struct
{
  const char         *key;
  BylineSpan          key_span;
  BylineSpan          value_span;  /* the value node as written (quotes included) */
  BylineSpan          lines_span;  /* whole lines of the entry, from the key's line start
                                    * to past the newline ending its last line, comment
                                    * lines that follow the value excluded */
  BylineValueKind     kind;
  BylineScalarStyle   style;       /* of a scalar, or of the items of a sequence */
  gboolean            flow;        /* a [flow] sequence or {flow} mapping */
  const char         *value;       /* a scalar's value after YAML unquoting; NULL otherwise */
  const char         *raw;         /* the value's source text, e.g. "1.10", without the
                                    * anchor or tag before it */
  guint               n_items;     /* a sequence's items (scalars; others as raw text) */
  const char * const *items;
  const BylineSpan   *item_spans;
} BylineFrontMatterEntry;

#define BYLINE_TYPE_FRONT_MATTER (byline_front_matter_get_type ())

G_DECLARE_FINAL_TYPE (BylineFrontMatter, byline_front_matter, BYLINE, FRONT_MATTER, GObject)

GQuark                        byline_front_matter_error_quark    (void);

/* Parses the YAML block that @layout found in @text (the whole post). On a
 * syntax error returns NULL, sets @error with a message naming the line, and
 * fills @error_span (when not NULL) with the place in post coordinates.
 * Aliases are never expanded; nesting deeper than 64 levels is an error.
 */
BylineFrontMatter            *byline_front_matter_parse          (const char             *text,
                                                                  const BylinePostLayout *layout,
                                                                  BylineSpan             *error_span,
                                                                  GError                **error);
guint                         byline_front_matter_get_n_entries  (BylineFrontMatter      *self);
const BylineFrontMatterEntry *byline_front_matter_get_entry      (BylineFrontMatter      *self,
                                                                  guint                   position);
/* The first entry with that key, or NULL. */
const BylineFrontMatterEntry *byline_front_matter_lookup         (BylineFrontMatter      *self,
                                                                  const char             *key);

/* Typed getters: FALSE (or NULL) when the key is absent or of another type. */
const char                   *byline_front_matter_get_string     (BylineFrontMatter      *self,
                                                                  const char             *key);
gboolean                      byline_front_matter_get_bool       (BylineFrontMatter      *self,
                                                                  const char             *key,
                                                                  gboolean               *value);
/* Hugo's date formats: 2006-01-02, RFC 3339 date-times with or without zone,
 * "2006-01-02 15:04:05". Dates without a zone are taken as UTC. */
gboolean                      byline_front_matter_get_date       (BylineFrontMatter      *self,
                                                                  const char             *key,
                                                                  GDateTime             **value,
                                                                  gboolean               *has_time);
/* A sequence of scalars as a NULL-terminated vector; a single scalar is not a list. */
char                        **byline_front_matter_get_strv       (BylineFrontMatter      *self,
                                                                  const char             *key);
/* The value as written (plain "1.10" stays "1.10"). */
const char                   *byline_front_matter_get_raw        (BylineFrontMatter      *self,
                                                                  const char             *key);

/* Edits. Each returns one patch on the whole post text that changes only the
 * key's own lines (or inserts new ones): comments, blank lines, other keys and
 * the body stay as they are. An absent key is inserted after the last present
 * key that precedes it in @key_order (NULL: after the last key).
 *
 * set_string keeps the entry's quoting style when it can still hold the value,
 * otherwise it double-quotes and escapes. set_plain writes a YAML scalar as is
 * (true, 2023-09-29, 1.10) and is for typed fields. set_strv keeps flow or block
 * style as found (new keys: flow). remove deletes the entry's lines.
 *
 * NULL when there is nothing to do: remove of an absent key, or a line to add
 * or delete when the whole front matter is one {flow} mapping.
 */
BylineTextPatch              *byline_front_matter_set_string     (BylineFrontMatter      *self,
                                                                  const char             *key,
                                                                  const char             *value,
                                                                  const char * const     *key_order);
BylineTextPatch              *byline_front_matter_set_plain      (BylineFrontMatter      *self,
                                                                  const char             *key,
                                                                  const char             *yaml_scalar,
                                                                  const char * const     *key_order);
BylineTextPatch              *byline_front_matter_set_strv       (BylineFrontMatter      *self,
                                                                  const char             *key,
                                                                  const char * const     *values,
                                                                  const char * const     *key_order);
BylineTextPatch              *byline_front_matter_remove         (BylineFrontMatter      *self,
                                                                  const char             *key);
/* Whether @key can be set (@remove FALSE) or removed by the functions above;
 * FALSE with @error (CANNOT_EDIT) saying why when they would return NULL. */
gboolean                      byline_front_matter_can_edit       (BylineFrontMatter      *self,
                                                                  const char             *key,
                                                                  gboolean                remove,
                                                                  GError                **error);

/* Appends @value escaped for the inside of a YAML double-quoted scalar
 * (quotes, backslashes, control and line-breaking characters). */
void                          byline_yaml_escape_append          (GString                *out,
                                                                  const char             *value);

/* Parses one of Hugo's date formats (see get_date). */
gboolean                      byline_parse_date                  (const char             *text,
                                                                  GDateTime             **value,
                                                                  gboolean               *has_time);

G_END_DECLS
