/* byline-front-matter-private.h — shared by the parser, the values and the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-front-matter.h"

G_BEGIN_DECLS

typedef struct
{
  BylineFrontMatterEntry pub;
  gsize colon_end;        /* just past the ':' after the key, or the key's end */
  gboolean has_colon;     /* FALSE for a key written without one ({a, b}, ? a) */
  gsize content_start;    /* the value past its anchor and tag */
  const char *anchor;     /* the value's own anchor, without the '&', or NULL */
  GPtrArray *items;       /* const char *, in the string chunk, NULL-terminated */
  GArray *item_spans;     /* BylineSpan */
} BylineEntryData;

/* An anchor (&name) or an alias (*name) and where its node starts. */
typedef struct
{
  const char *name;
  gsize offset;
} BylineYamlRef;

struct _BylineFrontMatter
{
  GObject parent_instance;

  /* The post up to the end of the front-matter block: all that edits need. */
  char *text;
  gsize text_len;
  BylinePostLayout layout;
  BylineLineIndex *lines;
  GStringChunk *strings;
  GPtrArray *entries;     /* BylineEntryData */
  GHashTable *by_key;     /* key → its first BylineEntryData */
  gboolean flow_root;     /* the whole front matter is one {flow} mapping */
  gboolean more_documents; /* a second YAML document follows the first */
  GArray *anchors;        /* BylineYamlRef, every anchor defined, in order */
  GArray *aliases;        /* BylineYamlRef, every alias used, in order */
  GHashTable *last_alias; /* alias name → 1 + the index of its last use in aliases */
};

BylineEntryData *byline_front_matter_find_entry (BylineFrontMatter *self,
                                                 const char        *key);

/* byline-front-matter-yaml.c: YAML text as libyaml reads it. */

/* The length of the line break at @p as YAML reads it (LF, CR, CRLF, NEL,
 * LINE SEPARATOR, PARAGRAPH SEPARATOR), or 0. */
gsize            byline_yaml_break_at           (const char        *text,
                                                 gsize              p,
                                                 gsize              end);
/* Whether a YAML line break ends just before @p, or @p is @start. */
gboolean         byline_yaml_line_starts_at     (const char        *text,
                                                 gsize              start,
                                                 gsize              p);
/* The start of the YAML line holding @p, not before @start. */
gsize            byline_yaml_line_start         (const char        *text,
                                                 gsize              start,
                                                 gsize              p);
/* Past the end of the line break that ends the YAML line holding @p, or @end. */
gsize            byline_yaml_line_end           (const char        *text,
                                                 gsize              p,
                                                 gsize              end);
/* Whether @value holds characters a plain, single-quoted or block scalar
 * cannot hold as they are (controls, line breaks but LF when @allow_newline,
 * the BOM, U+FFFE, U+FFFF; tabs too). */
gboolean         byline_yaml_has_control        (const char        *value,
                                                 gboolean           allow_newline);
/* Whether @value written plain reads back as the same string. */
gboolean         byline_yaml_is_plain_safe      (const char        *value,
                                                 gboolean           in_flow);
void             byline_yaml_append_double_quoted (GString         *out,
                                                   const char      *value);
/* Appends @value as a scalar in @style if it can hold it: plain when that
 * reads back as the same string, single quotes without line breaks, double
 * quotes with escapes otherwise. */
void             byline_yaml_append_scalar      (GString           *out,
                                                 const char        *value,
                                                 BylineScalarStyle  style,
                                                 gboolean           in_flow);

G_END_DECLS
