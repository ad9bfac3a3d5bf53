/* byline-front-matter.c — parsing a post's YAML front matter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The entries, their spans and the syntax errors; byline-front-matter-read.c
 * reads typed values from them, byline-front-matter-edit.c changes them.
 */

#define G_LOG_DOMAIN "byline-front-matter"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "byline-front-matter.h"
#include "byline-front-matter-private.h"

#include "byline-char-cursor-private.h"

#include <string.h>
#include <yaml.h>

/* Deeper nesting than this is refused; no front matter needs it, and it
 * keeps hostile input from costing anything. */
#define MAX_DEPTH 64

G_DEFINE_FINAL_TYPE (BylineFrontMatter, byline_front_matter, G_TYPE_OBJECT)

G_DEFINE_QUARK (byline-front-matter-error-quark, byline_front_matter_error)

static void
entry_free (gpointer data)
{
  BylineEntryData *entry = data;

  g_ptr_array_unref (entry->items);
  g_array_unref (entry->item_spans);
  g_free (entry);
}

static void
byline_front_matter_finalize (GObject *object)
{
  BylineFrontMatter *self = (BylineFrontMatter *) object;

  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->by_folded_key, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->anchors, g_array_unref);
  g_clear_pointer (&self->aliases, g_array_unref);
  g_clear_pointer (&self->last_alias, g_hash_table_unref);
  g_clear_pointer (&self->lines, byline_line_index_free);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (byline_front_matter_parent_class)->finalize (object);
}

static void
byline_front_matter_class_init (BylineFrontMatterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_front_matter_finalize;
}

static void
byline_front_matter_init (BylineFrontMatter *self)
{
  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->by_folded_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->anchors = g_array_new (FALSE, FALSE, sizeof (BylineYamlRef));
  self->aliases = g_array_new (FALSE, FALSE, sizeof (BylineYamlRef));
  self->last_alias = g_hash_table_new (g_str_hash, g_str_equal);
  self->strings = g_string_chunk_new (256);
}

/* Parsing */

typedef struct
{
  BylineFrontMatter *self;
  BylineCharCursor cursor;
  guint depth;
  gboolean expect_value;
  BylineEntryData *entry;           /* the entry whose value is being read */
  gsize complex_key_start;
  gboolean in_complex_key;
  gsize value_start;
  gsize value_content;    /* past the value's anchor and tag */
  const char *value_anchor;
  gsize item_start;
  gsize last_end;         /* the end of the last content read */
  /* The last scalar read, when it was quoted and ran over several lines:
   * an unclosed quote swallows the lines after it up to the next quote. */
  gboolean quoted_lines;
  gsize quoted_start;     /* in characters of the YAML text, as libyaml counts */
  gsize quoted_end_line;  /* 0-based, as libyaml counts */
  /* A forward scan for the YAML line starts of keys, which come in order:
   * scanning back from each key would be quadratic on a long flow line. */
  gsize line_scan;
  gsize line_start;
  gsize line_end_from;
  gsize line_end;
  GHashTable *anchors;    /* the names defined so far */
} ParseState;

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

static const char *
chunk_insert (BylineFrontMatter *self,
              const char        *text,
              gsize              length)
{
  return g_string_chunk_insert_len (self->strings, text, length);
}

static BylineScalarStyle
scalar_style (yaml_scalar_style_t style)
{
  switch (style)
    {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE:
      return BYLINE_SCALAR_SINGLE_QUOTED;
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
      return BYLINE_SCALAR_DOUBLE_QUOTED;
    case YAML_LITERAL_SCALAR_STYLE:
      return BYLINE_SCALAR_LITERAL;
    case YAML_FOLDED_SCALAR_STYLE:
      return BYLINE_SCALAR_FOLDED;
    case YAML_ANY_SCALAR_STYLE:
    case YAML_PLAIN_SCALAR_STYLE:
    default:
      return BYLINE_SCALAR_PLAIN;
    }
}

static BylineEntryData *
entry_new (BylineFrontMatter *self,
           const char        *key,
           gsize              key_start,
           gsize              key_end)
{
  BylineEntryData *entry = g_new0 (BylineEntryData, 1);

  entry->pub.key = key;
  set_span (self, &entry->pub.key_span, key_start, key_end);
  entry->items = g_ptr_array_new ();
  entry->item_spans = g_array_new (FALSE, TRUE, sizeof (BylineSpan));
  return entry;
}

/* The start of the YAML line holding @offset; offsets come in order. */
static gsize
parse_line_start (ParseState *state,
                  gsize       offset)
{
  BylineFrontMatter *self = state->self;

  if (offset < state->line_scan)
    return byline_yaml_line_start (self->text, self->layout.yaml_start, offset);

  while (state->line_scan < offset)
    {
      gsize n = byline_yaml_break_at (self->text, state->line_scan, self->layout.yaml_end);

      state->line_scan += MAX (n, 1);
      if (n > 0 && state->line_scan <= offset)
        state->line_start = state->line_scan;
    }
  return state->line_start;
}

/* Past the line break ending the YAML line that holds @offset; offsets
 * come in order, and many entries may share one long line. */
static gsize
parse_line_end (ParseState *state,
                gsize       offset)
{
  BylineFrontMatter *self = state->self;

  if (offset < state->line_end_from || offset >= state->line_end)
    state->line_end = byline_yaml_line_end (self->text, offset, self->layout.yaml_end);
  state->line_end_from = offset;
  return state->line_end;
}

/* Past the ':' that follows the key at @p, across blanks, line breaks and
 * comments (an explicit "? key" may have it on the next line), or 0 when
 * the key has none: "{a, b}", or "? a" alone. */
static gsize
find_colon (BylineFrontMatter *self,
            gsize              p,
            gsize              limit)
{
  const char *text = self->text;
  gsize end = self->layout.yaml_end;

  while (p < end)
    {
      gsize n = byline_yaml_break_at (text, p, end);

      if (text[p] == ':')
        return p + 1;
      if (n > 0)
        p += n;
      else if (text[p] == ' ' || text[p] == '\t')
        p++;
      else if (text[p] == '#' && p < limit)
        p = byline_yaml_line_end (text, p, end);
      else
        break;
    }
  return 0;
}

/* Past a node's anchor and tag, and the blanks after them. */
static gsize
skip_properties (BylineFrontMatter *self,
                 gsize              p,
                 gsize              end)
{
  const char *text = self->text;

  while (p < end && (text[p] == '&' || text[p] == '!'))
    {
      if (text[p] == '!' && p + 1 < end && text[p + 1] == '<')
        {
          while (p < end && text[p] != '>')
            p++;
          p = MIN (p + 1, end);
        }
      else
        while (p < end && !g_ascii_isspace (text[p]) && strchr (",[]{}", text[p]) == NULL &&
               byline_yaml_break_at (text, p, end) == 0)
          p++;

      for (;;)
        {
          gsize n = byline_yaml_break_at (text, p, end);

          if (n > 0)
            p += n;
          else if (p < end && (text[p] == ' ' || text[p] == '\t'))
            p++;
          else if (p < end && text[p] == '#')
            p = byline_yaml_line_end (text, p, end);
          else
            break;
        }
    }
  return MIN (p, end);
}

/* Where an entry's lines start: its key's line, or the line above holding
 * the "?" alone of an explicit key written below it ("?" / "  key"). */
static gsize
entry_lines_start (ParseState      *state,
                   BylineEntryData *entry)
{
  BylineFrontMatter *self = state->self;
  gsize start = parse_line_start (state, entry->pub.key_span.start);
  gsize p = start;
  gsize question_line;

  for (gsize q = start; q < entry->pub.key_span.start; q++)
    if (self->text[q] != ' ' && self->text[q] != '\t')
      return start;
  while (p > self->layout.yaml_start && strchr (" \t\r\n", self->text[p - 1]) != NULL)
    p--;
  if (p == self->layout.yaml_start || p == start || self->text[p - 1] != '?')
    return start;
  question_line = byline_yaml_line_start (self->text, self->layout.yaml_start, p - 1);
  for (gsize q = question_line; q < p - 1; q++)
    if (self->text[q] != ' ')
      return start;
  return question_line;
}

/* Completes an entry once its value's extent is known. */
static void
entry_finish (ParseState *state,
              gsize       value_start,
              gsize       value_end)
{
  BylineFrontMatter *self = state->self;
  BylineEntryData *entry = g_steal_pointer (&state->entry);
  gsize colon;
  gsize end;

  set_span (self, &entry->pub.value_span, value_start, value_end);
  entry->anchor = state->value_anchor;
  entry->content_start = MIN (MAX (state->value_content, value_start), entry->pub.value_span.end);
  entry->pub.raw = chunk_insert (self, self->text + entry->content_start,
                                 entry->pub.value_span.end - entry->content_start);

  colon = find_colon (self, entry->pub.key_span.end, value_start);
  entry->has_colon = colon > 0 && colon <= MAX (value_start, entry->pub.key_span.end + 1);
  entry->colon_end = entry->has_colon ? colon : entry->pub.key_span.end;

  end = MAX (entry->pub.key_span.end, entry->pub.value_span.end);
  end = MAX (end, entry->colon_end);
  if (!byline_yaml_line_starts_at (self->text, self->layout.yaml_start, end))
    end = parse_line_end (state, end);
  set_span (self, &entry->pub.lines_span, entry_lines_start (state, entry), end);

  g_ptr_array_add (entry->items, NULL);
  entry->pub.n_items = entry->item_spans->len;
  entry->pub.items = (const char * const *) entry->items->pdata;
  entry->pub.item_spans = (const BylineSpan *) (gpointer) entry->item_spans->data;
  for (guint i = 0; i < entry->item_spans->len; i++)
    byline_line_index_fill_span (self->lines, &g_array_index (entry->item_spans, BylineSpan, i));

  g_ptr_array_add (self->entries, entry);
  if (!g_hash_table_contains (self->by_key, entry->pub.key))
    g_hash_table_insert (self->by_key, (gpointer) entry->pub.key, entry);
  state->expect_value = FALSE;
  state->value_anchor = NULL;
  state->value_content = 0;
}

static void
entry_add_item (ParseState *state,
                const char *value,
                gsize       start,
                gsize       end)
{
  BylineSpan span = { start, end, 0, 0, 0, 0 };

  g_ptr_array_add (state->entry->items, (gpointer) value);
  g_array_append_val (state->entry->item_spans, span);
}

/* Block scalars end past their trailing line breaks and blank lines; the
 * value as written ends with its last line, trailing blanks included, so
 * that replacing it leaves none of them behind. */
static gsize
trim_block_end (BylineFrontMatter *self,
                gsize              start,
                gsize              end)
{
  const guchar *t = (const guchar *) self->text;
  gsize last = end;

  while (end > start + 1)
    {
      if (t[end - 1] == ' ' || t[end - 1] == '\t' || t[end - 1] == '\n' || t[end - 1] == '\r')
        end--;
      else if (end - start > 2 && t[end - 2] == 0xC2 && t[end - 1] == 0x85)
        end -= 2;
      else if (end - start > 3 && t[end - 3] == 0xE2 && t[end - 2] == 0x80 &&
               (t[end - 1] == 0xA8 || t[end - 1] == 0xA9))
        end -= 3;
      else
        break;
    }
  while (end < last && (t[end] == ' ' || t[end] == '\t'))
    end++;
  return end;
}

static void
set_error_at (BylineFrontMatter  *self,
              gsize               offset,
              BylineSpan         *error_span,
              GError            **error,
              int                 code,
              const char         *format,
              ...) G_GNUC_PRINTF (6, 7);

static void
set_error_at (BylineFrontMatter  *self,
              gsize               offset,
              BylineSpan         *error_span,
              GError            **error,
              int                 code,
              const char         *format,
              ...)
{
  BylineSpan span = { 0, };
  va_list args;
  g_autofree char *message = NULL;

  set_span (self, &span, offset, offset);
  if (error_span != NULL)
    *error_span = span;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, BYLINE_FRONT_MATTER_ERROR, code, message);
}

/* Records anchors and aliases, so that an edit never leaves an alias
 * without its anchor, and the properties of a value about to be read.
 * An alias with no anchor before it is an error, as it is to Hugo. */
static gboolean
record_references (ParseState   *state,
                   yaml_event_t *event,
                   gsize         start,
                   BylineSpan   *error_span,
                   GError      **error)
{
  BylineFrontMatter *self = state->self;
  const char *anchor = NULL;
  const char *tag = NULL;

  switch ((int) event->type)
    {
    case YAML_SCALAR_EVENT:
      anchor = (const char *) event->data.scalar.anchor;
      tag = (const char *) event->data.scalar.tag;
      break;
    case YAML_SEQUENCE_START_EVENT:
      anchor = (const char *) event->data.sequence_start.anchor;
      tag = (const char *) event->data.sequence_start.tag;
      break;
    case YAML_MAPPING_START_EVENT:
      anchor = (const char *) event->data.mapping_start.anchor;
      tag = (const char *) event->data.mapping_start.tag;
      break;
    case YAML_ALIAS_EVENT:
      {
        const char *name = (const char *) event->data.alias.anchor;
        BylineYamlRef ref = { chunk_insert (self, name, strlen (name)), start };

        if (!g_hash_table_contains (state->anchors, name))
          {
            guint line, column;

            byline_line_index_locate (self->lines, start, &line, &column);
            set_error_at (self, start, error_span, error, BYLINE_FRONT_MATTER_ERROR_SYNTAX,
                          _("Line %u, column %u: the alias “*%s” refers to no anchor “&%s” "
                            "before it; define the anchor first or write the value itself"),
                          line, column, ref.name, ref.name);
            return FALSE;
          }
        g_array_append_val (self->aliases, ref);
        g_hash_table_insert (self->last_alias, (gpointer) ref.name,
                             GUINT_TO_POINTER (self->aliases->len));
      }
      return TRUE;
    default:
      return TRUE;
    }

  if (anchor != NULL)
    {
      BylineYamlRef ref = { chunk_insert (self, anchor, strlen (anchor)), start };

      g_array_append_val (self->anchors, ref);
      g_hash_table_add (state->anchors, (gpointer) ref.name);
    }

  if (state->depth == 1 && state->expect_value && !state->in_complex_key)
    {
      state->value_anchor = anchor != NULL ? chunk_insert (self, anchor, strlen (anchor)) : NULL;
      state->value_content = anchor != NULL || tag != NULL
                             ? skip_properties (self, start, self->layout.yaml_end)
                             : start;
    }
  return TRUE;
}

/* Handles one event; returns FALSE with @error set when the front matter
 * is not one this model can hold. */
static gboolean
handle_event (ParseState   *state,
              yaml_event_t *event,
              BylineSpan   *error_span,
              GError      **error)
{
  BylineFrontMatter *self = state->self;
  gsize base = self->layout.yaml_start;
  gsize start = base + byline_char_cursor_seek (&state->cursor, event->start_mark.index);
  gsize end = base + byline_char_cursor_seek (&state->cursor, event->end_mark.index);
  guint level = state->depth;
  gboolean opens = event->type == YAML_SEQUENCE_START_EVENT ||
                   event->type == YAML_MAPPING_START_EVENT;

  g_assert (start <= self->layout.yaml_end && end <= self->layout.yaml_end);

  if (opens && level == 0 && event->type != YAML_MAPPING_START_EVENT)
    goto not_mapping;

  /* (An alias as the whole front matter is no mapping.) */
  if (!(level == 0 && event->type == YAML_ALIAS_EVENT) &&
      !record_references (state, event, start, error_span, error))
    return FALSE;

  switch ((int) event->type)
    {
    case YAML_SCALAR_EVENT:
      state->quoted_lines = (event->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
                             event->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE) &&
                            event->end_mark.line > event->start_mark.line;
      state->quoted_start = event->start_mark.index;
      state->quoted_end_line = event->end_mark.line;
      if (event->data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
          event->data.scalar.style == YAML_FOLDED_SCALAR_STYLE)
        end = trim_block_end (self, start, end);
      state->last_end = MAX (state->last_end, end);

      /* "---" with nothing after it inside the block ("--- # note"), or an
       * anchor or a map, null or local tag with nothing after it (what
       * removing the last key of an anchored or tagged mapping leaves;
       * a local tag such as "!x" on nothing is null to Go's YAML too), is
       * an empty document: no keys, as Hugo reads it, and where keys can
       * go. */
      if (level == 0 && event->data.scalar.length == 0 &&
          event->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
          (event->data.scalar.tag == NULL ||
           g_strcmp0 ((const char *) event->data.scalar.tag, YAML_MAP_TAG) == 0 ||
           g_strcmp0 ((const char *) event->data.scalar.tag, YAML_NULL_TAG) == 0 ||
           !g_str_has_prefix ((const char *) event->data.scalar.tag, "tag:yaml.org,2002:")))
        break;
      if (level == 0)
        goto not_mapping;

      if (level == 1 && !state->in_complex_key && !state->expect_value)
        {
          const char *key = chunk_insert (self, (const char *) event->data.scalar.value,
                                          event->data.scalar.length);

          state->entry = entry_new (self, key, start, end);
          state->expect_value = TRUE;
        }
      else if (level == 1 && state->expect_value && state->entry != NULL)
        {
          state->entry->pub.kind = BYLINE_VALUE_SCALAR;
          state->entry->pub.style = scalar_style (event->data.scalar.style);
          state->entry->pub.value = chunk_insert (self, (const char *) event->data.scalar.value,
                                                  event->data.scalar.length);
          entry_finish (state, start, end);
        }
      else if (level == 2 && state->entry != NULL &&
               state->entry->pub.kind == BYLINE_VALUE_SEQUENCE)
        {
          if (state->entry->item_spans->len == 0)
            state->entry->pub.style = scalar_style (event->data.scalar.style);
          entry_add_item (state,
                          chunk_insert (self, (const char *) event->data.scalar.value,
                                        event->data.scalar.length),
                          start, end);
        }
      break;

    case YAML_ALIAS_EVENT:
      state->last_end = MAX (state->last_end, end);

      if (level == 0)
        goto not_mapping;

      if (level == 1 && !state->in_complex_key && !state->expect_value)
        {
          state->entry = entry_new (self, chunk_insert (self, self->text + start, end - start),
                                    start, end);
          state->expect_value = TRUE;
        }
      else if (level == 1 && state->expect_value && state->entry != NULL)
        {
          state->entry->pub.kind = BYLINE_VALUE_ALIAS;
          entry_finish (state, start, end);
        }
      else if (level == 2 && state->entry != NULL &&
               state->entry->pub.kind == BYLINE_VALUE_SEQUENCE)
        entry_add_item (state, chunk_insert (self, self->text + start, end - start), start, end);
      break;

    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
      if (level + 1 > MAX_DEPTH)
        {
          guint line, column;

          byline_line_index_locate (self->lines, start, &line, &column);
          set_error_at (self, start, error_span, error, BYLINE_FRONT_MATTER_ERROR_TOO_DEEP,
                        _("Line %u, column %u: the front matter nests lists or maps more than "
                          "%d levels deep; flatten it"),
                        line, column, MAX_DEPTH);
          return FALSE;
        }
      state->depth++;

      if (level == 0)
        {
          self->flow_root = event->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
        }
      else if (level == 1 && !state->in_complex_key && !state->expect_value)
        {
          state->in_complex_key = TRUE;
          state->complex_key_start = start;
        }
      else if (level == 1 && state->expect_value && state->entry != NULL)
        {
          gboolean seq = event->type == YAML_SEQUENCE_START_EVENT;

          state->entry->pub.kind = seq ? BYLINE_VALUE_SEQUENCE : BYLINE_VALUE_MAPPING;
          state->entry->pub.flow =
            seq ? event->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                : event->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
          state->value_start = start;
        }
      else if (level == 2 && state->entry != NULL &&
               state->entry->pub.kind == BYLINE_VALUE_SEQUENCE)
        {
          /* A nested item: it is kept as raw text once it closes. */
          state->item_start = start;
        }
      break;

    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
      {
        /* A block collection's end mark lies at whatever follows it, comments
         * included; a flow collection ends at its bracket. */
        gboolean flow = end > start && (self->text[end - 1] == ']' || self->text[end - 1] == '}');

        if (flow)
          state->last_end = MAX (state->last_end, end);
        end = state->last_end;

        g_assert (state->depth > 0);
        state->depth--;
        level = state->depth;

        if (level == 1 && state->in_complex_key)
          {
            gsize key_start = state->complex_key_start;

            state->in_complex_key = FALSE;
            state->entry = entry_new (self,
                                      chunk_insert (self, self->text + key_start,
                                                    end - key_start),
                                      key_start, end);
            state->expect_value = TRUE;
          }
        else if (level == 1 && state->expect_value && state->entry != NULL)
          {
            entry_finish (state, state->value_start, end);
          }
        else if (level == 2 && state->entry != NULL &&
                 state->entry->pub.kind == BYLINE_VALUE_SEQUENCE)
          {
            gsize item_start = state->item_start;

            entry_add_item (state, chunk_insert (self, self->text + item_start, end - item_start),
                            item_start, end);
          }
      }
      break;

    default:
      break;
    }

  return TRUE;

not_mapping:
  {
    guint line;

    byline_line_index_locate (self->lines, start, &line, NULL);
    set_error_at (self, start, error_span, error, BYLINE_FRONT_MATTER_ERROR_NOT_MAPPING,
                  _("Line %u: the front matter must be a list of “key: value” lines, "
                    "not a single value or a list"),
                  line);
    return FALSE;
  }
}

static void
set_syntax_error (BylineFrontMatter *self,
                  yaml_parser_t     *parser,
                  ParseState        *state,
                  BylineSpan        *error_span,
                  GError           **error)
{
  BylineCharCursor *cursor = &state->cursor;
  gsize offset;
  guint line, column;
  const char *problem = parser->problem != NULL ? parser->problem : "invalid YAML";
  gsize yaml_length = self->layout.yaml_end - self->layout.yaml_start;

  /* Reader errors (bad encoding, control characters) count bytes; the
   * scanner's and parser's count characters. */
  if (parser->error == YAML_READER_ERROR)
    offset = MIN (parser->problem_offset, yaml_length);
  else
    offset = byline_char_cursor_seek (cursor, parser->problem_mark.index);

  /* Where the problem starts: what runs to the end of the block (an
   * unclosed quote or [ or {) is reported at its start, not at the end of
   * the block where libyaml gives up. */
  if (parser->error != YAML_READER_ERROR && parser->context != NULL && offset >= yaml_length)
    offset = byline_char_cursor_seek (cursor, parser->context_mark.index);
  /* A quoted value that ran on to the line of the error: its quote was
   * never closed where it was meant to be. */
  else if (parser->error == YAML_PARSER_ERROR && state->quoted_lines &&
           parser->problem_mark.line == state->quoted_end_line)
    offset = byline_char_cursor_seek (cursor, state->quoted_start);

  offset += self->layout.yaml_start;

  byline_line_index_locate (self->lines, offset, &line, &column);
  if (parser->context != NULL)
    set_error_at (self, offset, error_span, error, BYLINE_FRONT_MATTER_ERROR_SYNTAX,
                  _("Line %u, column %u: the front matter is not valid YAML (%s: %s); "
                    "fix the syntax there"),
                  line, column, parser->context, problem);
  else
    set_error_at (self, offset, error_span, error, BYLINE_FRONT_MATTER_ERROR_SYNTAX,
                  _("Line %u, column %u: the front matter is not valid YAML (%s); "
                    "fix the syntax there"),
                  line, column, problem);
}

BylineFrontMatter *
byline_front_matter_parse (const char             *text,
                           const BylinePostLayout *layout,
                           BylineSpan             *error_span,
                           GError                **error)
{
  g_autoptr(BylineFrontMatter) self = NULL;
  yaml_parser_t parser;
  ParseState state = { 0, };
  gboolean ok = TRUE;
  guint documents = 0;

  g_return_val_if_fail (text != NULL || (layout != NULL && layout->length == 0), NULL);
  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (layout->yaml_start <= layout->yaml_end, NULL);
  g_return_val_if_fail (layout->yaml_end <= layout->block_end, NULL);
  g_return_val_if_fail (layout->block_end <= layout->length, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (layout->kind == BYLINE_FRONT_MATTER_NONE || layout->closing_fence_line == 0)
    {
      if (error_span != NULL)
        *error_span = (BylineSpan) { layout->block_start, layout->block_start, 1, 1, 1, 1 };
      g_set_error_literal (error, BYLINE_FRONT_MATTER_ERROR, BYLINE_FRONT_MATTER_ERROR_NO_BLOCK,
                           _("Line 1: the post has no front matter"));
      return NULL;
    }

  self = g_object_new (BYLINE_TYPE_FRONT_MATTER, NULL);
  self->text = g_strndup (text, layout->block_end);
  self->text_len = layout->block_end;
  self->layout = *layout;
  self->lines = byline_line_index_new (self->text, self->text_len);

  if (layout->kind != BYLINE_FRONT_MATTER_YAML)
    return byline_front_matter_parse_data (g_steal_pointer (&self), error_span, error);

  state.self = self;
  state.line_scan = state.line_start = layout->yaml_start;
  state.anchors = g_hash_table_new (g_str_hash, g_str_equal);
  byline_char_cursor_init (&state.cursor, self->text + layout->yaml_start, 0,
                           layout->yaml_end - layout->yaml_start);

  if (!yaml_parser_initialize (&parser))
    g_error ("libyaml could not allocate a parser");
  yaml_parser_set_input_string (&parser, (const guchar *) state.cursor.text, state.cursor.end);
  yaml_parser_set_encoding (&parser, YAML_UTF8_ENCODING);

  while (ok)
    {
      yaml_event_t event;
      yaml_event_type_t type;

      if (!yaml_parser_parse (&parser, &event))
        {
          set_syntax_error (self, &parser, &state, error_span, error);
          ok = FALSE;
          break;
        }

      type = event.type;
      if (type == YAML_DOCUMENT_START_EVENT)
        documents++;

      /* A second document cannot be front matter; Hugo reads the first. */
      if (documents > 1 || type == YAML_STREAM_END_EVENT)
        {
          self->more_documents = documents > 1;
          yaml_event_delete (&event);
          break;
        }

      ok = handle_event (&state, &event, error_span, error);
      yaml_event_delete (&event);
    }

  yaml_parser_delete (&parser);
  g_hash_table_unref (state.anchors);

  if (state.entry != NULL)
    entry_free (g_steal_pointer (&state.entry));

  if (!ok)
    return NULL;

  byline_front_matter_index_keys (self);
  return g_steal_pointer (&self);
}
