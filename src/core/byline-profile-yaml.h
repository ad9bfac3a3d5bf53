/* byline-profile-yaml.h — reading a profile's YAML values, by key tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to the profile loader: typed readers for the values of a YAML
 * document, with errors that name the file and line, and key tables that
 * read a mapping into a struct (see byline-profile-loader.c for the tables
 * of the format's sections).
 */

#pragma once

#include <yaml.h>

#include "byline-profile-private.h"

G_BEGIN_DECLS

typedef struct
{
  BylineProfile   *profile;
  yaml_document_t *document;
  const char      *file;       /* how errors name the source */
  gboolean         translate;  /* labels and help go through the message catalogue */
  guint            visits;
} BylineLoader;

/* Calls @func for each key: value pair of a mapping, keys being values. */
typedef gboolean (*BylinePairFunc)    (BylineLoader       *loader,
                                       const yaml_node_t  *key,
                                       const yaml_node_t  *value,
                                       gpointer            user_data,
                                       GError            **error);

/* Key tables: each section of the format lists its keys once, with the
 * function that reads a key's value into its slot of the section's struct.
 * The same table answers an unknown key with the keys it knows. */
typedef gboolean (*BylineKeyReadFunc) (BylineLoader       *loader,
                                       const yaml_node_t  *value,
                                       const char         *what,
                                       gpointer            slot,
                                       GError            **error);

typedef struct
{
  const char        *name;
  BylineKeyReadFunc  read;    /* NULL: read by the section's own walk (key, after, remove) */
  gsize              offset;  /* of the slot in the section's struct */
} BylineKeySpec;

typedef struct
{
  const char          *where;      /* how "unknown key" names the section */
  gboolean             translate;  /* @where is an N_() text rather than a key */
  const BylineKeySpec *keys;
  guint                n_keys;
} BylineKeySection;

/* A key read into the struct's @member with @read (a reader below, or one
 * of the same shape); the whole struct for KEY_WHOLE. */
#define KEY(name, read, type, member) \
  { name, (BylineKeyReadFunc) (read), G_STRUCT_OFFSET (type, member) }
#define KEY_WHOLE(name, read) { name, (BylineKeyReadFunc) (read), 0 }
#define KEY_ELSEWHERE(name) { name, NULL, 0 }
#define SECTION(where, keys) { where, TRUE, keys, G_N_ELEMENTS (keys) }
#define SECTION_KEY(key, keys) { key, FALSE, keys, G_N_ELEMENTS (keys) }

/* Sets @error to "file:line: message" at @node; returns FALSE. */
gboolean           byline_loader_fail_at            (BylineLoader            *loader,
                                                     const yaml_node_t       *node,
                                                     GError                 **error,
                                                     const char              *format,
                                                     ...) G_GNUC_PRINTF (4, 5);
/* A node of the document, counting the visits against a limit. */
yaml_node_t       *byline_loader_get_node           (BylineLoader            *loader,
                                                     int                      index,
                                                     GError                 **error);
gboolean           byline_loader_expect_type        (BylineLoader            *loader,
                                                     const yaml_node_t       *node,
                                                     yaml_node_type_t         type,
                                                     const char              *what,
                                                     GError                 **error);
const char        *byline_loader_scalar             (const yaml_node_t       *node);
/* YAML's null ("", "~", "null" unquoted) reads as no value. */
gboolean           byline_loader_scalar_is_null     (const yaml_node_t       *node);

/* Readers of one value into its slot. */
gboolean           byline_loader_read_string        (BylineLoader            *loader,
                                                     const yaml_node_t       *node,
                                                     const char              *what,
                                                     char                   **out,
                                                     GError                 **error);
/* A null value reads as "": for the profile's own texts, never absent. */
gboolean           byline_loader_read_text          (BylineLoader            *loader,
                                                     const yaml_node_t       *node,
                                                     const char              *what,
                                                     char                   **out,
                                                     GError                 **error);
/* Through the message catalogue when the loader translates. */
gboolean           byline_loader_read_translatable  (BylineLoader            *loader,
                                                     const yaml_node_t       *node,
                                                     const char              *what,
                                                     char                   **out,
                                                     GError                 **error);
gboolean           byline_loader_read_bool          (BylineLoader            *loader,
                                                     const yaml_node_t       *node,
                                                     const char              *what,
                                                     gboolean                *out,
                                                     GError                 **error);
gboolean           byline_loader_read_uint64        (BylineLoader            *loader,
                                                     const yaml_node_t       *node,
                                                     const char              *what,
                                                     guint64                  max,
                                                     guint64                 *out,
                                                     GError                 **error);
gboolean           byline_loader_read_severity      (BylineLoader            *loader,
                                                     const yaml_node_t       *node,
                                                     const char              *what,
                                                     BylineSeverity          *out,
                                                     GError                 **error);
/* A list of values; a single value counts as a list of one. */
gboolean           byline_loader_read_string_list   (BylineLoader            *loader,
                                                     const yaml_node_t       *node,
                                                     const char              *what,
                                                     char                  ***out,
                                                     GError                 **error);

gboolean           byline_loader_for_each_pair      (BylineLoader            *loader,
                                                     const yaml_node_t       *node,
                                                     const char              *what,
                                                     BylinePairFunc           func,
                                                     gpointer                 user_data,
                                                     GError                 **error);
/* The value of @key in a mapping, or NULL; *@failed on a walk error. */
const yaml_node_t *byline_loader_find_value         (BylineLoader            *loader,
                                                     const yaml_node_t       *mapping,
                                                     const char              *key,
                                                     GError                 **error,
                                                     gboolean                *failed);
gboolean           byline_loader_unknown_key        (BylineLoader            *loader,
                                                     const yaml_node_t       *key,
                                                     const char              *where,
                                                     const char              *known,
                                                     GError                 **error);
/* Reads every key: value pair of the mapping @node into @target by the
 * section's key table. */
gboolean           byline_loader_read_section       (BylineLoader            *loader,
                                                     const yaml_node_t       *node,
                                                     const char              *what,
                                                     const BylineKeySection  *section,
                                                     gpointer                 target,
                                                     GError                 **error);

G_END_DECLS
