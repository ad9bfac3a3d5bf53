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
  gsize colon_end;        /* just past the ':' after the key */
  GPtrArray *items;       /* const char *, in the string chunk, NULL-terminated */
  GArray *item_spans;     /* BylineSpan */
} BylineEntryData;

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
  gboolean flow_root;     /* the whole front matter is one {flow} mapping */
};

BylineEntryData *byline_front_matter_find_entry (BylineFrontMatter *self,
                                                 const char        *key);

G_END_DECLS
