/* byline-front-matter-data.c — TOML (+++) and JSON ({…}) front matter,
 * read through the neutral value tree into the same model as YAML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-front-matter"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "byline-data.h"
#include "byline-front-matter.h"
#include "byline-front-matter-private.h"

#include <string.h>

static const char *
chunk_insert (BylineFrontMatter *self,
              const char        *text,
              gsize              length)
{
  return g_string_chunk_insert_len (self->strings, text, length);
}

static void
set_span (BylineFrontMatter *self,
          BylineSpan        *span,
          gsize              start,
          gsize              end)
{
  span->start = start;
  span->end = MAX (start, end);
  byline_line_index_fill_span (self->lines, span);
}

/* How the node is written, in the model's terms. A TOML literal string
 * ('…') is the model's single-quoted style, a basic one ("…") its
 * double-quoted style. */
static BylineScalarStyle
scalar_style (BylineFrontMatter *self,
              const BylineData  *node)
{
  const BylineSpan *span = byline_data_get_span (node);

  switch (byline_data_get_style (node))
    {
    case BYLINE_DATA_STYLE_QUOTED:
      return span->end > span->start && self->text[span->start] == '\''
             ? BYLINE_SCALAR_SINGLE_QUOTED : BYLINE_SCALAR_DOUBLE_QUOTED;
    case BYLINE_DATA_STYLE_MULTILINE:
      return BYLINE_SCALAR_LITERAL;
    case BYLINE_DATA_STYLE_PLAIN:
    case BYLINE_DATA_STYLE_FLOW:
    default:
      return BYLINE_SCALAR_PLAIN;
    }
}

/* A scalar's value as the model holds it: a string's text, any other
 * scalar as written (true, 42, 2024-01-02T10:00:00Z). */
static const char *
scalar_value (BylineFrontMatter *self,
              const BylineData  *node)
{
  const char *value = byline_data_get_string (node);

  if (value == NULL)
    value = byline_data_get_literal (node);
  if (value == NULL && byline_data_get_kind (node) == BYLINE_DATA_NULL)
    value = "null";
  return chunk_insert (self, value != NULL ? value : "", -1);
}

static gsize
line_start_of (BylineFrontMatter *self,
               gsize              offset)
{
  while (offset > self->layout.yaml_start && self->text[offset - 1] != '\n')
    offset--;
  return offset;
}

/* Past the newline ending the line that holds @offset (or its last
 * character when it is a newline), not past the block's data. */
static gsize
line_end_of (BylineFrontMatter *self,
             gsize              offset)
{
  const char *nl;

  if (offset > self->layout.yaml_start && self->text[offset - 1] == '\n')
    return offset;
  nl = memchr (self->text + offset, '\n', self->layout.yaml_end - offset);
  return nl != NULL ? (gsize) (nl - self->text) + 1 : self->layout.yaml_end;
}

static void
add_entry (BylineFrontMatter *self,
           const char        *key,
           const BylineSpan  *key_span,
           const BylineData  *value)
{
  BylineEntryData *entry = g_new0 (BylineEntryData, 1);
  const BylineSpan *span = byline_data_get_span (value);
  BylineDataKind kind = byline_data_get_kind (value);
  gsize value_start = span->start;
  gsize value_end = span->end;

  /* A TOML [table] has no value text of its own before its keys. */
  if (value_end <= value_start)
    value_start = value_end = key_span->end;

  entry->pub.key = chunk_insert (self, key, -1);
  set_span (self, &entry->pub.key_span, key_span->start, key_span->end);
  set_span (self, &entry->pub.value_span, value_start, value_end);
  set_span (self, &entry->pub.lines_span, line_start_of (self, MIN (key_span->start, value_start)),
            line_end_of (self, MAX (key_span->end, value_end)));
  entry->has_colon = TRUE;
  entry->colon_end = key_span->end;
  entry->content_start = value_start;
  entry->items = g_ptr_array_new ();
  entry->item_spans = g_array_new (FALSE, TRUE, sizeof (BylineSpan));
  entry->pub.raw = chunk_insert (self, self->text + value_start, value_end - value_start);
  entry->pub.flow = byline_data_get_style (value) == BYLINE_DATA_STYLE_FLOW;

  if (kind == BYLINE_DATA_MAP)
    entry->pub.kind = BYLINE_VALUE_MAPPING;
  else if (kind == BYLINE_DATA_LIST)
    {
      entry->pub.kind = BYLINE_VALUE_SEQUENCE;
      for (guint i = 0; i < byline_data_get_length (value); i++)
        {
          const BylineData *item = byline_data_list_get (value, i);
          const BylineSpan *item_span = byline_data_get_span (item);
          BylineSpan s = { 0, };
          BylineDataKind item_kind = byline_data_get_kind (item);
          const char *text;

          if (i == 0)
            entry->pub.style = scalar_style (self, item);
          if (item_kind == BYLINE_DATA_LIST || item_kind == BYLINE_DATA_MAP)
            text = chunk_insert (self, self->text + item_span->start,
                                 item_span->end - item_span->start);
          else
            text = scalar_value (self, item);
          g_ptr_array_add (entry->items, (gpointer) text);
          set_span (self, &s, item_span->start, item_span->end);
          g_array_append_val (entry->item_spans, s);
        }
    }
  else
    {
      entry->pub.kind = BYLINE_VALUE_SCALAR;
      entry->pub.style = scalar_style (self, value);
      entry->pub.value = scalar_value (self, value);
    }

  g_ptr_array_add (entry->items, NULL);
  entry->pub.n_items = entry->item_spans->len;
  entry->pub.items = (const char * const *) entry->items->pdata;
  entry->pub.item_spans = (const BylineSpan *) (gpointer) entry->item_spans->data;

  g_ptr_array_add (self->entries, entry);
  if (!g_hash_table_contains (self->by_key, entry->pub.key))
    g_hash_table_insert (self->by_key, (gpointer) entry->pub.key, entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const BylineEntryData *ea = *(BylineEntryData * const *) a;
  const BylineEntryData *eb = *(BylineEntryData * const *) b;

  if (ea->pub.key_span.start != eb->pub.key_span.start)
    return ea->pub.key_span.start < eb->pub.key_span.start ? -1 : 1;
  return 0;
}

BylineFrontMatter *
byline_front_matter_parse_data (BylineFrontMatter *self,
                                BylineSpan        *error_span,
                                GError           **error)
{
  g_autoptr(BylineData) root = NULL;
  g_autoptr(GError) local_error = NULL;
  BylineDataFormat format = self->layout.kind == BYLINE_FRONT_MATTER_TOML
                            ? BYLINE_DATA_FORMAT_TOML : BYLINE_DATA_FORMAT_JSON;
  guint n;

  root = byline_data_read (format, self->text, self->layout.yaml_start, self->layout.yaml_end,
                           NULL, error_span, &local_error);
  if (root == NULL)
    {
      int code = g_error_matches (local_error, BYLINE_DATA_ERROR, BYLINE_DATA_ERROR_TOO_DEEP)
                 ? BYLINE_FRONT_MATTER_ERROR_TOO_DEEP : BYLINE_FRONT_MATTER_ERROR_SYNTAX;

      g_set_error (error, BYLINE_FRONT_MATTER_ERROR, code,
                   format == BYLINE_DATA_FORMAT_TOML
                   ? _("%s (the front matter is not valid TOML; fix the syntax there)")
                   : _("%s (the front matter is not valid JSON; fix the syntax there)"),
                   local_error->message);
      g_object_unref (self);
      return NULL;
    }

  if (byline_data_get_kind (root) != BYLINE_DATA_MAP)
    {
      if (error_span != NULL)
        set_span (self, error_span, self->layout.yaml_start, self->layout.yaml_start);
      g_set_error (error, BYLINE_FRONT_MATTER_ERROR, BYLINE_FRONT_MATTER_ERROR_NOT_MAPPING,
                   _("Line %u: the front matter must be an object of keys and values"),
                   self->layout.yaml_first_line);
      g_object_unref (self);
      return NULL;
    }

  n = byline_data_get_length (root);
  for (guint i = 0; i < n; i++)
    add_entry (self, byline_data_map_get_key (root, i), byline_data_map_get_key_span (root, i),
               byline_data_map_get_value (root, i));
  /* TOML tables may come in any order in the tree; the model lists keys
   * as they are written. */
  g_ptr_array_sort (self->entries, compare_entries);
  byline_front_matter_index_keys (self);
  return self;
}
