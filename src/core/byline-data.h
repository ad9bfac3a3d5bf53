/* byline-data.h — a neutral value tree for configuration, data and front
 * matter, read from YAML, TOML or JSON with the source span of every node
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One tree serves the three formats Hugo reads: ordered maps, lists, and
 * string, integer, float, boolean and date-time scalars. Every node knows
 * where it was written ([start, end) bytes, 1-based line and character
 * column, as BylineSpan), and every map entry knows where its key was
 * written, so that an editor can replace one value's text and leave the
 * rest of the file byte for byte as it was.
 *
 * Maps keep every entry in source order, duplicates included (a linter can
 * report them); lookups return the last one, as Hugo's decoders keep the
 * last. Lookups with _fold match keys the way Hugo does: case-insensitively.
 *
 * A tree is read-only once a reader returns it and is then safe to share
 * between threads (nodes are reference-counted atomically). The builder
 * functions at the end are for code that makes new trees, such as the site
 * configuration's merge; they must not be used on a node others can see.
 */

#pragma once

#include <glib-object.h>

#include "byline-text.h"

G_BEGIN_DECLS

#define BYLINE_DATA_ERROR (byline_data_error_quark ())

typedef enum
{
  BYLINE_DATA_ERROR_SYNTAX,        /* not valid YAML / TOML / JSON */
  BYLINE_DATA_ERROR_TOO_DEEP,      /* nesting past BYLINE_DATA_MAX_DEPTH */
  BYLINE_DATA_ERROR_TOO_LARGE,     /* the text, or YAML aliases, past the limits */
  BYLINE_DATA_ERROR_INVALID_UTF8,  /* bad UTF-8 or a NUL byte */
  BYLINE_DATA_ERROR_UNREADABLE,    /* the file cannot be read */
} BylineDataError;

/* Limits that keep hostile input cheap. No configuration or front matter
 * comes near them. */
#define BYLINE_DATA_MAX_DEPTH 100
#define BYLINE_DATA_MAX_SIZE (64 * 1024 * 1024)
/* Nodes that YAML aliases may stand for, summed over every alias. */
#define BYLINE_DATA_MAX_ALIASED_NODES 1000000

typedef enum
{
  BYLINE_DATA_FORMAT_YAML,
  BYLINE_DATA_FORMAT_TOML,
  BYLINE_DATA_FORMAT_JSON,
} BylineDataFormat;

typedef enum
{
  BYLINE_DATA_NULL,
  BYLINE_DATA_BOOL,
  BYLINE_DATA_INT,
  BYLINE_DATA_FLOAT,
  BYLINE_DATA_STRING,
  BYLINE_DATA_DATE_TIME,
  BYLINE_DATA_LIST,
  BYLINE_DATA_MAP,
} BylineDataKind;

/* How a node is written, as far as an editor needs to know to keep its
 * form; each format writes its own syntax for it. */
typedef enum
{
  BYLINE_DATA_STYLE_PLAIN,      /* a bare scalar (2024, true, plain YAML), a block collection */
  BYLINE_DATA_STYLE_QUOTED,     /* a one-line string between quotes */
  BYLINE_DATA_STYLE_MULTILINE,  /* YAML | and >, TOML """ and ''' */
  BYLINE_DATA_STYLE_FLOW,       /* a collection written inline: [a, b], {a: b}, TOML's {a = b} */
} BylineDataStyle;

/* A date, a time of day, or both, as written. TOML's local dates and
 * times and YAML's timestamps keep what they say; a missing zone is not
 * UTC, it is "the site's time zone". */
typedef struct
{
  int year;
  int month;
  int day;
  int hour;
  int minute;
  int second;
  int nanosecond;
  int offset_minutes;      /* east of UTC, when has_offset */
  guint has_date : 1;
  guint has_time : 1;
  guint has_offset : 1;
} BylineDataDateTime;

typedef struct _BylineData BylineData;

#define BYLINE_TYPE_DATA (byline_data_get_type ())

GType              byline_data_get_type          (void) G_GNUC_CONST;
GQuark             byline_data_error_quark       (void);

BylineData        *byline_data_ref               (BylineData        *self);
void               byline_data_unref             (BylineData        *self);

/* Readers. They read text[start, end) and give spans in the coordinates of
 * the whole @text (so a front-matter block keeps the lines of its post).
 * @file_name, when not NULL, names the file in error messages. On error
 * they return NULL and, when @error_span is not NULL, fill it with the
 * place of the problem. They never expand YAML aliases into copies: an
 * alias shares its anchor's node. */
BylineData        *byline_data_read              (BylineDataFormat   format,
                                                  const char        *text,
                                                  gsize              start,
                                                  gsize              end,
                                                  const char        *file_name,
                                                  BylineSpan        *error_span,
                                                  GError           **error);
BylineData        *byline_data_read_yaml         (const char        *text,
                                                  gsize              start,
                                                  gsize              end,
                                                  const char        *file_name,
                                                  BylineSpan        *error_span,
                                                  GError           **error);
BylineData        *byline_data_read_toml         (const char        *text,
                                                  gsize              start,
                                                  gsize              end,
                                                  const char        *file_name,
                                                  BylineSpan        *error_span,
                                                  GError           **error);
BylineData        *byline_data_read_json         (const char        *text,
                                                  gsize              start,
                                                  gsize              end,
                                                  const char        *file_name,
                                                  BylineSpan        *error_span,
                                                  GError           **error);
/* Reads a whole file, its format taken from its extension (.yaml, .yml,
 * .toml, .json); NULL with UNREADABLE for other extensions. Files over
 * @max_size bytes are refused with TOO_LARGE. */
BylineData        *byline_data_read_file         (const char        *path,
                                                  gsize              max_size,
                                                  BylineSpan        *error_span,
                                                  GError           **error);
/* The format of a file name's extension; FALSE when it is none of them. */
gboolean           byline_data_format_for_name   (const char        *name,
                                                  BylineDataFormat  *format);
/* Where a JSON object that starts at text[start] ('{') ends: the offset
 * just past its closing brace, strings and escapes taken into account, as
 * Hugo finds JSON front matter. 0 when it is not closed. */
gsize              byline_data_json_object_end   (const char        *text,
                                                  gsize              start,
                                                  gsize              end);

/* Any node */
BylineDataKind     byline_data_get_kind          (const BylineData  *self);
BylineDataStyle    byline_data_get_style         (const BylineData  *self);
/* Where the node is written: a scalar's text with its quotes, a block
 * collection from its first to its last item. */
const BylineSpan  *byline_data_get_span          (const BylineData  *self);
/* The file the node was read from (as given to the reader), or NULL. */
const char        *byline_data_get_file_name     (const BylineData  *self);

/* Scalars. get_string is a string's value, or NULL for other kinds;
 * get_literal is any scalar as written in its source (1.10 stays "1.10",
 * a string's quotes are removed); to_string converts as Go's cast.ToString
 * does (bool "true", int "42", a list or map NULL). */
const char        *byline_data_get_string        (const BylineData  *self);
const char        *byline_data_get_literal       (const BylineData  *self);
char              *byline_data_to_string         (const BylineData  *self);
gboolean           byline_data_get_bool          (const BylineData  *self,
                                                  gboolean          *value);
gboolean           byline_data_get_int           (const BylineData  *self,
                                                  gint64            *value);
/* Floats, and integers as floats. */
gboolean           byline_data_get_float         (const BylineData  *self,
                                                  double            *value);
const BylineDataDateTime *byline_data_get_date_time (const BylineData *self);

/* Lists and maps: their number of items or entries. */
guint              byline_data_get_length        (const BylineData  *self);
BylineData        *byline_data_list_get          (const BylineData  *self,
                                                  guint              index);
const char        *byline_data_map_get_key       (const BylineData  *self,
                                                  guint              index);
const BylineSpan  *byline_data_map_get_key_span  (const BylineData  *self,
                                                  guint              index);
BylineData        *byline_data_map_get_value     (const BylineData  *self,
                                                  guint              index);
/* The last entry with exactly this key; NULL when absent or not a map. */
BylineData        *byline_data_map_lookup        (const BylineData  *self,
                                                  const char        *key);
/* The same, keys compared as Hugo does (Unicode lower case); @index, when
 * not NULL, gets the entry's position. */
BylineData        *byline_data_map_lookup_fold   (const BylineData  *self,
                                                  const char        *key,
                                                  guint             *index);
/* Follows a dotted path of case-insensitive keys through maps:
 * "markup.goldmark.renderer.unsafe". */
BylineData        *byline_data_lookup_path       (const BylineData  *self,
                                                  const char        *path);
/* Typed shortcuts over lookup_path: the string of a string node (other
 * scalars converted as to_string does; NULL when absent or a collection),
 * a boolean (also from "true"/"false" strings, as Hugo's cast does). */
char              *byline_data_lookup_string     (const BylineData  *self,
                                                  const char        *path);
gboolean           byline_data_lookup_bool       (const BylineData  *self,
                                                  const char        *path,
                                                  gboolean           fallback);
/* A list of scalars as strings, or a single scalar as a one-item list
 * (Go's cast.ToStringSlice); NULL when absent. */
char             **byline_data_lookup_strv       (const BylineData  *self,
                                                  const char        *path);
char             **byline_data_to_strv           (const BylineData  *self);

/* Hugo's date values: a date-time node, or a string in one of the layouts
 * Hugo's cast accepts (RFC 3339 with or without zone or seconds' fraction,
 * "2006-01-02", "2006-01-02 15:04:05", "2006-01-02T15:04"). Without a zone
 * the date is in @zone (UTC when NULL). NULL when it is not a date. */
GDateTime         *byline_data_to_date_time      (const BylineData  *self,
                                                  GTimeZone         *zone);
/* Parses a date-time in one of those layouts; FALSE when it is none. */
gboolean           byline_data_parse_date_time   (const char        *text,
                                                  BylineDataDateTime *value);
GDateTime         *byline_data_date_time_to_g    (const BylineDataDateTime *value,
                                                  GTimeZone         *zone);

/* Building new trees. Spans of built nodes are empty unless set. */
BylineData        *byline_data_new_null          (void);
BylineData        *byline_data_new_bool          (gboolean           value);
BylineData        *byline_data_new_int           (gint64             value);
BylineData        *byline_data_new_float         (double             value);
BylineData        *byline_data_new_string        (const char        *value);
BylineData        *byline_data_new_date_time     (const BylineDataDateTime *value);
BylineData        *byline_data_new_list          (void);
BylineData        *byline_data_new_map           (void);
void               byline_data_set_span          (BylineData        *self,
                                                  const BylineSpan  *span);
void               byline_data_set_style         (BylineData        *self,
                                                  BylineDataStyle    style);
/* Takes ownership of @item / @value. */
void               byline_data_list_append       (BylineData        *self,
                                                  BylineData        *item);
void               byline_data_map_append        (BylineData        *self,
                                                  const char        *key,
                                                  const BylineSpan  *key_span,
                                                  BylineData        *value);
/* Replaces the value of the last entry whose key matches @key as Hugo
 * matches keys, or appends an entry; takes ownership of @value. */
void               byline_data_map_set_fold      (BylineData        *self,
                                                  const char        *key,
                                                  BylineData        *value);
/* Removes every entry whose key matches @key as Hugo matches keys. */
void               byline_data_map_remove_fold   (BylineData        *self,
                                                  const char        *key);
/* A new map holding the same entries (values shared), to change. */
BylineData        *byline_data_map_copy          (const BylineData  *self);
/* How Hugo compares keys: the Unicode lower case of @key. */
char              *byline_data_fold_key          (const char        *key);
/* Whether byline_data_fold_key (@key) is @folded; without allocating when
 * @key is ASCII, as front-matter keys nearly always are. */
gboolean           byline_data_key_folds_to      (const char        *key,
                                                  const char        *folded);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineData, byline_data_unref)

G_END_DECLS
