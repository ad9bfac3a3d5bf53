/* byline-front-matter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-front-matter"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "byline-front-matter.h"

#include <string.h>
#include <yaml.h>

/* Deeper nesting than this is refused; no front matter needs it, and it
 * keeps hostile input from costing anything. */
#define MAX_DEPTH 64

typedef struct
{
  BylineFrontMatterEntry pub;
  gsize colon_end;        /* just past the ':' after the key */
  GPtrArray *items;       /* const char *, in the string chunk, NULL-terminated */
  GArray *item_spans;     /* BylineSpan */
} Entry;

struct _BylineFrontMatter
{
  GObject parent_instance;

  /* The post up to the end of the front-matter block: all that edits need. */
  char *text;
  gsize text_len;
  BylinePostLayout layout;
  BylineLineIndex *lines;
  GStringChunk *strings;
  GPtrArray *entries;     /* Entry */
  gboolean flow_root;     /* the whole front matter is one {flow} mapping */
};

G_DEFINE_FINAL_TYPE (BylineFrontMatter, byline_front_matter, G_TYPE_OBJECT)

G_DEFINE_QUARK (byline-front-matter-error-quark, byline_front_matter_error)

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_ptr_array_unref (entry->items);
  g_array_unref (entry->item_spans);
  g_free (entry);
}

static void
byline_front_matter_finalize (GObject *object)
{
  BylineFrontMatter *self = (BylineFrontMatter *) object;

  g_clear_pointer (&self->entries, g_ptr_array_unref);
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
  self->strings = g_string_chunk_new (256);
}

/* Parsing */

/* libyaml counts positions in characters (a CRLF counts two). This walks a
 * cursor over the YAML text to turn them into byte offsets; events come in
 * document order, so the walk stays linear in the text's size. */
typedef struct
{
  const char *text;
  gsize start;
  gsize end;
  gsize chars;
  gsize pos;
} CharCursor;

static gsize
char_cursor_seek (CharCursor *c,
                  gsize       index)
{
  while (c->chars < index && c->pos < c->end)
    {
      c->pos++;
      while (c->pos < c->end && ((guchar) c->text[c->pos] & 0xC0) == 0x80)
        c->pos++;
      c->chars++;
    }
  while (c->chars > index && c->pos > c->start)
    {
      c->pos--;
      while (c->pos > c->start && ((guchar) c->text[c->pos] & 0xC0) == 0x80)
        c->pos--;
      c->chars--;
    }
  return c->pos;
}

typedef struct
{
  BylineFrontMatter *self;
  CharCursor cursor;
  guint depth;
  gboolean expect_value;
  Entry *entry;           /* the entry whose value is being read */
  gsize complex_key_start;
  gboolean in_complex_key;
  gsize value_start;
  gsize item_start;
  gsize last_end;         /* the end of the last content read */
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

static Entry *
entry_new (BylineFrontMatter *self,
           const char        *key,
           gsize              key_start,
           gsize              key_end)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->pub.key = key;
  set_span (self, &entry->pub.key_span, key_start, key_end);
  entry->items = g_ptr_array_new ();
  entry->item_spans = g_array_new (FALSE, TRUE, sizeof (BylineSpan));
  return entry;
}

/* Completes an entry once its value's extent is known. */
static void
entry_finish (ParseState *state,
              gsize       value_start,
              gsize       value_end)
{
  BylineFrontMatter *self = state->self;
  Entry *entry = g_steal_pointer (&state->entry);
  gsize p = entry->pub.key_span.end;
  gsize end;
  const char *nl;

  set_span (self, &entry->pub.value_span, value_start, value_end);
  entry->pub.raw = chunk_insert (self, self->text + value_start,
                                 entry->pub.value_span.end - value_start);

  while (p < self->layout.yaml_end && (self->text[p] == ' ' || self->text[p] == '\t'))
    p++;
  entry->colon_end = p < self->layout.yaml_end && self->text[p] == ':' ? p + 1 : value_start;

  end = MAX (entry->pub.key_span.end, entry->pub.value_span.end);
  end = MAX (end, entry->colon_end);
  if (!(end > 0 && self->text[end - 1] == '\n'))
    {
      nl = end < self->layout.yaml_end
           ? memchr (self->text + end, '\n', self->layout.yaml_end - end)
           : NULL;
      end = nl != NULL ? (gsize) (nl - self->text) + 1 : self->layout.yaml_end;
    }
  set_span (self, &entry->pub.lines_span,
            byline_line_index_line_start (self->lines, entry->pub.key_span.line), end);

  g_ptr_array_add (entry->items, NULL);
  entry->pub.n_items = entry->item_spans->len;
  entry->pub.items = (const char * const *) entry->items->pdata;
  entry->pub.item_spans = (const BylineSpan *) (gpointer) entry->item_spans->data;
  for (guint i = 0; i < entry->item_spans->len; i++)
    byline_line_index_fill_span (self->lines, &g_array_index (entry->item_spans, BylineSpan, i));

  g_ptr_array_add (self->entries, entry);
  state->expect_value = FALSE;
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

/* Block scalars end past their trailing line breaks; the value as written
 * ends with its last character. */
static gsize
trim_block_end (BylineFrontMatter *self,
                gsize              start,
                gsize              end)
{
  while (end > start + 1 && g_ascii_isspace (self->text[end - 1]))
    end--;
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
  gsize start = base + char_cursor_seek (&state->cursor, event->start_mark.index);
  gsize end = base + char_cursor_seek (&state->cursor, event->end_mark.index);
  guint level = state->depth;
  gboolean opens = event->type == YAML_SEQUENCE_START_EVENT ||
                   event->type == YAML_MAPPING_START_EVENT;

  g_assert (start <= self->layout.yaml_end && end <= self->layout.yaml_end);

  if (opens && level == 0 && event->type != YAML_MAPPING_START_EVENT)
    goto not_mapping;

  switch ((int) event->type)
    {
    case YAML_SCALAR_EVENT:
      if (event->data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
          event->data.scalar.style == YAML_FOLDED_SCALAR_STYLE)
        end = trim_block_end (self, start, end);
      state->last_end = MAX (state->last_end, end);

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
                  CharCursor        *cursor,
                  BylineSpan        *error_span,
                  GError           **error)
{
  gsize offset;
  guint line, column;
  const char *problem = parser->problem != NULL ? parser->problem : "invalid YAML";

  /* Reader errors (bad encoding, control characters) count bytes; the
   * scanner's and parser's count characters. */
  if (parser->error == YAML_READER_ERROR)
    offset = MIN (parser->problem_offset, self->layout.yaml_end - self->layout.yaml_start);
  else
    offset = char_cursor_seek (cursor, parser->problem_mark.index);
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

  if (layout->kind != BYLINE_FRONT_MATTER_YAML || layout->closing_fence_line == 0)
    {
      if (error_span != NULL)
        *error_span = (BylineSpan) { layout->block_start, layout->block_start, 1, 1, 1, 1 };
      g_set_error_literal (error, BYLINE_FRONT_MATTER_ERROR, BYLINE_FRONT_MATTER_ERROR_NO_BLOCK,
                           layout->kind == BYLINE_FRONT_MATTER_TOML
                           ? _("Line 1: TOML front matter is not supported; "
                               "rewrite it as YAML between “---” lines")
                           : _("Line 1: the post has no YAML front matter between “---” lines"));
      return NULL;
    }

  self = g_object_new (BYLINE_TYPE_FRONT_MATTER, NULL);
  self->text = g_strndup (text, layout->block_end);
  self->text_len = layout->block_end;
  self->layout = *layout;
  self->lines = byline_line_index_new (self->text, self->text_len);

  state.self = self;
  state.cursor.text = self->text + layout->yaml_start;
  state.cursor.start = 0;
  state.cursor.end = layout->yaml_end - layout->yaml_start;

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
          set_syntax_error (self, &parser, &state.cursor, error_span, error);
          ok = FALSE;
          break;
        }

      type = event.type;
      if (type == YAML_DOCUMENT_START_EVENT)
        documents++;

      /* A second document cannot be front matter; Hugo reads the first. */
      if (documents > 1 || type == YAML_STREAM_END_EVENT)
        {
          yaml_event_delete (&event);
          break;
        }

      ok = handle_event (&state, &event, error_span, error);
      yaml_event_delete (&event);
    }

  yaml_parser_delete (&parser);

  if (state.entry != NULL)
    entry_free (g_steal_pointer (&state.entry));

  if (!ok)
    return NULL;

  return g_steal_pointer (&self);
}

/* Reading */

guint
byline_front_matter_get_n_entries (BylineFrontMatter *self)
{
  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), 0);

  return self->entries->len;
}

const BylineFrontMatterEntry *
byline_front_matter_get_entry (BylineFrontMatter *self,
                               guint              position)
{
  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), NULL);

  if (position >= self->entries->len)
    return NULL;
  return &((Entry *) g_ptr_array_index (self->entries, position))->pub;
}

static Entry *
lookup (BylineFrontMatter *self,
        const char        *key)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (entry->pub.key, key) == 0)
        return entry;
    }
  return NULL;
}

const BylineFrontMatterEntry *
byline_front_matter_lookup (BylineFrontMatter *self,
                            const char        *key)
{
  Entry *entry;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  entry = lookup (self, key);
  return entry != NULL ? &entry->pub : NULL;
}

static gboolean
is_null_scalar (const BylineFrontMatterEntry *entry)
{
  static const char * const nulls[] = { "", "~", "null", "Null", "NULL", NULL };

  return entry->style == BYLINE_SCALAR_PLAIN && g_strv_contains (nulls, entry->value);
}

const char *
byline_front_matter_get_string (BylineFrontMatter *self,
                                const char        *key)
{
  Entry *entry;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  entry = lookup (self, key);
  if (entry == NULL || entry->pub.kind != BYLINE_VALUE_SCALAR || is_null_scalar (&entry->pub))
    return NULL;
  return entry->pub.value;
}

gboolean
byline_front_matter_get_bool (BylineFrontMatter *self,
                              const char        *key,
                              gboolean          *value)
{
  static const char * const trues[] = { "true", "True", "TRUE", NULL };
  static const char * const falses[] = { "false", "False", "FALSE", NULL };
  Entry *entry;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  /* Hugo reads YAML with go-yaml, whose core schema knows only these
   * spellings; "yes" or a quoted "true" is a string there. */
  entry = lookup (self, key);
  if (entry == NULL || entry->pub.kind != BYLINE_VALUE_SCALAR ||
      entry->pub.style != BYLINE_SCALAR_PLAIN)
    return FALSE;

  if (g_strv_contains (trues, entry->pub.value))
    {
      if (value != NULL)
        *value = TRUE;
      return TRUE;
    }
  if (g_strv_contains (falses, entry->pub.value))
    {
      if (value != NULL)
        *value = FALSE;
      return TRUE;
    }
  return FALSE;
}

gboolean
byline_front_matter_get_date (BylineFrontMatter  *self,
                              const char         *key,
                              GDateTime         **value,
                              gboolean           *has_time)
{
  Entry *entry;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  entry = lookup (self, key);
  if (entry == NULL || entry->pub.kind != BYLINE_VALUE_SCALAR)
    return FALSE;
  return byline_parse_date (entry->pub.value, value, has_time);
}

char **
byline_front_matter_get_strv (BylineFrontMatter *self,
                              const char        *key)
{
  Entry *entry;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  entry = lookup (self, key);
  if (entry == NULL || entry->pub.kind != BYLINE_VALUE_SEQUENCE)
    return NULL;
  return g_strdupv ((char **) entry->items->pdata);
}

const char *
byline_front_matter_get_raw (BylineFrontMatter *self,
                             const char        *key)
{
  Entry *entry;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  entry = lookup (self, key);
  return entry != NULL ? entry->pub.raw : NULL;
}

/* Dates */

static gboolean
read_digits (const char **p,
             guint        n,
             int         *out)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }
  *p += n;
  *out = v;
  return TRUE;
}

gboolean
byline_parse_date (const char  *text,
                   GDateTime  **value,
                   gboolean    *has_time)
{
  const char *p = text;
  int year, month, day, hour = 0, minute = 0, second = 0;
  double fraction = 0;
  gboolean with_time = FALSE;
  g_autoptr(GTimeZone) tz = NULL;
  GDateTime *dt;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!read_digits (&p, 4, &year) || *p++ != '-' ||
      !read_digits (&p, 2, &month) || *p++ != '-' ||
      !read_digits (&p, 2, &day))
    return FALSE;

  if (*p == 'T' || *p == 't' || *p == ' ')
    {
      p++;
      if (!read_digits (&p, 2, &hour) || *p++ != ':' ||
          !read_digits (&p, 2, &minute) || *p++ != ':' ||
          !read_digits (&p, 2, &second))
        return FALSE;
      with_time = TRUE;

      if (*p == '.')
        {
          double scale = 0.1;

          p++;
          if (!g_ascii_isdigit (*p))
            return FALSE;
          for (; g_ascii_isdigit (*p); p++, scale /= 10)
            fraction += (*p - '0') * scale;
        }

      if (*p == 'Z' || *p == 'z')
        {
          p++;
          tz = g_time_zone_new_utc ();
        }
      else if (*p == '+' || *p == '-')
        {
          int sign = *p++ == '-' ? -1 : 1;
          int zh, zm;

          if (!read_digits (&p, 2, &zh))
            return FALSE;
          if (*p == ':')
            p++;
          if (!read_digits (&p, 2, &zm) || zh > 23 || zm > 59)
            return FALSE;
          tz = g_time_zone_new_offset (sign * (zh * 3600 + zm * 60));
        }
    }

  if (*p != '\0')
    return FALSE;

  /* Hugo takes a date without a zone as UTC. */
  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  if (hour > 23 || minute > 59 || second > 59)
    return FALSE;
  dt = g_date_time_new (tz, year, month, day, hour, minute, second + fraction);
  if (dt == NULL)
    return FALSE;

  if (has_time != NULL)
    *has_time = with_time;
  if (value != NULL)
    *value = dt;
  else
    g_date_time_unref (dt);
  return TRUE;
}

/* Writing YAML scalars */

/* Line breaks and marks that YAML reads specially even inside a plain or
 * single-quoted scalar: NEL, LINE and PARAGRAPH SEPARATOR, and the BOM. */
static const char *
special_char (const char *p)
{
  static const char * const specials[] = {
    "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF", NULL
  };

  for (guint i = 0; specials[i] != NULL; i++)
    if (g_str_has_prefix (p, specials[i]))
      return specials[i];
  return NULL;
}

static gboolean
has_control (const char *value,
             gboolean    allow_newline)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = *p;

      if ((c < 0x20 && !(allow_newline && c == '\n')) || c == 0x7F || special_char (p) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Whether YAML would read the plain scalar as something else than a
 * string: null, a boolean (YAML 1.1 spellings too, to be safe), a number
 * or a date. */
static gboolean
looks_typed (const char *value)
{
  static const char * const words[] = {
    "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n",
    ".inf", "+.inf", "-.inf", ".nan", NULL
  };
  const char *p;

  for (guint i = 0; words[i] != NULL; i++)
    if (g_ascii_strcasecmp (value, words[i]) == 0)
      return TRUE;

  if (!(g_ascii_isdigit (value[0]) ||
        (strchr ("+-.", value[0]) != NULL &&
         (g_ascii_isdigit (value[1]) || value[1] == '.'))))
    return FALSE;

  for (p = value; *p != '\0'; p++)
    if (strchr ("0123456789abcdefABCDEFxXoO._:+- tTzZ", *p) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
is_plain_safe (const char *value,
               gboolean    in_flow)
{
  gsize len = strlen (value);

  if (len == 0 || has_control (value, FALSE))
    return FALSE;
  if (strchr ("-?:,[]{}#&*!|>'\"%@`", value[0]) != NULL)
    return FALSE;
  if (value[0] == ' ' || value[len - 1] == ' ' || value[len - 1] == ':')
    return FALSE;
  if (strstr (value, ": ") != NULL || strstr (value, " #") != NULL)
    return FALSE;
  if (in_flow && strpbrk (value, ",[]{}") != NULL)
    return FALSE;
  return !looks_typed (value);
}

static void
append_double_quoted (GString    *out,
                      const char *value)
{
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = *p;
      const char *special = special_char (p);

      if (special != NULL)
        {
          static const char * const escapes[] = { "\\N", "\\L", "\\P", "\\uFEFF" };
          static const char * const specials[] = {
            "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF"
          };

          for (guint i = 0; i < G_N_ELEMENTS (specials); i++)
            if (special == specials[i])
              g_string_append (out, escapes[i]);
          p += strlen (special) - 1;
          continue;
        }

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default:
          if (c < 0x20 || c == 0x7F)
            g_string_append_printf (out, "\\x%02X", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_single_quoted (GString    *out,
                      const char *value)
{
  g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (out, '\'');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

/* Appends @value as a scalar in @style if it can hold it: plain when that
 * reads back as the same string, single quotes without line breaks,
 * double quotes with escapes otherwise. */
static void
append_scalar (GString           *out,
               const char        *value,
               BylineScalarStyle  style,
               gboolean           in_flow)
{
  if (style == BYLINE_SCALAR_SINGLE_QUOTED && !has_control (value, FALSE))
    append_single_quoted (out, value);
  else if (style != BYLINE_SCALAR_SINGLE_QUOTED && style != BYLINE_SCALAR_DOUBLE_QUOTED &&
           is_plain_safe (value, in_flow))
    g_string_append (out, value);
  else
    append_double_quoted (out, value);
}

/* Edits */

static const char *
newline (BylineFrontMatter *self)
{
  return self->layout.crlf ? "\r\n" : "\n";
}

static BylineTextPatch *
replace (gsize       start,
         gsize       end,
         const char *text)
{
  return byline_text_patch_new (start, end - start, text);
}

/* Replaces an entry's value by @text, a value that fits on the key's line. */
static BylineTextPatch *
replace_value (BylineFrontMatter *self,
               Entry             *entry,
               const char        *text)
{
  const BylineSpan *span = &entry->pub.value_span;
  g_autofree char *spaced = NULL;
  gsize start, end;

  if (span->end > span->start && span->line == entry->pub.key_span.line &&
      (entry->pub.kind == BYLINE_VALUE_SCALAR || entry->pub.kind == BYLINE_VALUE_ALIAS ||
       entry->pub.flow))
    return replace (span->start, span->end, text);

  /* An empty value or one on the lines below: write it after the colon. */
  start = entry->colon_end;
  end = MAX (span->end, start);
  if (span->end == span->start)
    {
      gsize p = end;

      while (p < self->layout.yaml_end && (self->text[p] == ' ' || self->text[p] == '\t'))
        p++;
      if (p == self->layout.yaml_end || self->text[p] == '\r' || self->text[p] == '\n')
        end = p;
    }
  spaced = g_strconcat (" ", text, NULL);
  return replace (start, end, spaced);
}

static gboolean
only_chars (const char *text,
            gsize       start,
            gsize       end,
            const char *allowed)
{
  for (gsize p = start; p < end; p++)
    if (strchr (allowed, text[p]) == NULL || text[p] == '\0')
      return FALSE;
  return TRUE;
}

/* The separator between the first two items of a one-line flow list,
 * such as "," or ", ", or NULL. */
static char *
flow_separator (BylineFrontMatter *self,
                Entry             *entry)
{
  gsize a, b;

  if (entry->pub.kind != BYLINE_VALUE_SEQUENCE || !entry->pub.flow || entry->pub.n_items < 2)
    return NULL;
  a = entry->pub.item_spans[0].end;
  b = entry->pub.item_spans[1].start;
  if (b <= a || !only_chars (self->text, a, b, ", ") || memchr (self->text + a, ',', b - a) == NULL)
    return NULL;
  return g_strndup (self->text + a, b - a);
}

/* The habit of the file: the separator of its first flow list. */
static char *
document_separator (BylineFrontMatter *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      char *sep = flow_separator (self, g_ptr_array_index (self->entries, i));

      if (sep != NULL)
        return sep;
    }
  return g_strdup (", ");
}

static void
append_flow_list (GString            *out,
                  const char * const *values,
                  BylineScalarStyle   style,
                  const char         *separator,
                  const char         *open_pad,
                  const char         *close_pad)
{
  g_string_append_c (out, '[');
  if (values[0] != NULL)
    g_string_append (out, open_pad);
  for (guint i = 0; values[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, separator);
      append_scalar (out, values[i], style, TRUE);
    }
  if (values[0] != NULL)
    g_string_append (out, close_pad);
  g_string_append_c (out, ']');
}

/* Inserts "key: value" as a new line at the place @key_order gives it. */
static BylineTextPatch *
insert_entry (BylineFrontMatter  *self,
              const char         *key,
              const char         *value_text,
              const char * const *key_order)
{
  g_autoptr(GString) line = g_string_new (NULL);
  Entry *first = self->entries->len > 0 ? g_ptr_array_index (self->entries, 0) : NULL;
  Entry *after = NULL;
  gsize offset;

  /* One line cannot be added to a {flow} mapping without rewriting it. */
  if (self->flow_root)
    return NULL;

  if (key_order != NULL && g_strv_contains (key_order, key))
    {
      for (guint i = 0; key_order[i] != NULL && g_strcmp0 (key_order[i], key) != 0; i++)
        {
          Entry *entry = lookup (self, key_order[i]);

          if (entry != NULL && (after == NULL || entry->pub.key_span.start > after->pub.key_span.start))
            after = entry;
        }
    }
  else if (self->entries->len > 0)
    after = g_ptr_array_index (self->entries, self->entries->len - 1);

  if (after != NULL)
    offset = after->pub.lines_span.end;
  else if (first != NULL)
    offset = first->pub.lines_span.start;
  else
    offset = self->layout.yaml_end;

  /* Keep the indentation of the existing keys. */
  if (first != NULL && only_chars (self->text, first->pub.lines_span.start,
                                   first->pub.key_span.start, " "))
    g_string_append_len (line, self->text + first->pub.lines_span.start,
                         first->pub.key_span.start - first->pub.lines_span.start);

  /* The last line of the YAML may lack its line break only when nothing
   * follows; give the new line one either way. */
  if (offset > self->layout.yaml_start && self->text[offset - 1] != '\n')
    g_string_prepend (line, newline (self));

  if (is_plain_safe (key, FALSE))
    g_string_append (line, key);
  else
    append_double_quoted (line, key);
  g_string_append (line, ": ");
  g_string_append (line, value_text);
  g_string_append (line, newline (self));

  return byline_text_patch_new (offset, 0, line->str);
}

/* Whether a block scalar of @style can hold @value as written by
 * write_block(): no leading blank on the first line, nothing YAML would
 * read differently, at most one final line break. */
static gboolean
block_fits (const char        *value,
            BylineScalarStyle  style)
{
  gsize len = strlen (value);

  if (len == 0 || value[0] == ' ' || value[0] == '\t' || value[0] == '\n')
    return FALSE;
  if (len >= 2 && value[len - 1] == '\n' && value[len - 2] == '\n')
    return FALSE;
  if (has_control (value, TRUE))
    return FALSE;
  if (style == BYLINE_SCALAR_FOLDED)
    {
      const char *nl = strchr (value, '\n');

      /* Folding would turn inner line breaks into spaces. */
      if (nl != NULL && nl[1] != '\0')
        return FALSE;
      if (value[len - (nl != NULL ? 2 : 1)] == ' ')
        return FALSE;
    }
  return TRUE;
}

static BylineTextPatch *
write_block (BylineFrontMatter *self,
             Entry             *entry,
             const char        *value)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  const BylineSpan *span = &entry->pub.value_span;
  gsize len = strlen (value);
  gboolean clip = value[len - 1] == '\n';
  g_autofree char *indent = NULL;
  const char *nl;
  guint n;

  /* Re-indent like the block's first line, or two spaces past the key. */
  nl = memchr (self->text + span->start, '\n', span->end - span->start);
  if (nl != NULL)
    {
      gsize p = (gsize) (nl - self->text) + 1;
      gsize q = p;

      while (q < span->end && self->text[q] == ' ')
        q++;
      indent = g_strndup (self->text + p, q - p);
    }
  if (indent == NULL || indent[0] == '\0' || strlen (indent) < entry->pub.key_span.column)
    {
      g_free (indent);
      indent = g_strnfill (entry->pub.key_span.column + 1, ' ');
    }

  g_string_append_c (out, entry->pub.style == BYLINE_SCALAR_FOLDED ? '>' : '|');
  if (!clip)
    g_string_append_c (out, '-');

  lines = g_strsplit (value, "\n", -1);
  n = g_strv_length (lines);
  if (clip)
    n--;
  for (guint i = 0; i < n; i++)
    {
      g_string_append (out, newline (self));
      if (lines[i][0] != '\0')
        {
          g_string_append (out, indent);
          g_string_append (out, lines[i]);
        }
    }

  return replace (span->start, span->end, out->str);
}

BylineTextPatch *
byline_front_matter_set_string (BylineFrontMatter  *self,
                                const char         *key,
                                const char         *value,
                                const char * const *key_order)
{
  g_autoptr(GString) out = g_string_new (NULL);
  Entry *entry;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  entry = lookup (self, key);
  if (entry == NULL)
    {
      append_scalar (out, value, BYLINE_SCALAR_PLAIN, FALSE);
      return insert_entry (self, key, out->str, key_order);
    }

  if (entry->pub.kind == BYLINE_VALUE_SCALAR &&
      (entry->pub.style == BYLINE_SCALAR_LITERAL || entry->pub.style == BYLINE_SCALAR_FOLDED) &&
      block_fits (value, entry->pub.style))
    return write_block (self, entry, value);

  append_scalar (out, value,
                 entry->pub.kind == BYLINE_VALUE_SCALAR ? entry->pub.style : BYLINE_SCALAR_PLAIN,
                 FALSE);
  return replace_value (self, entry, out->str);
}

BylineTextPatch *
byline_front_matter_set_plain (BylineFrontMatter  *self,
                               const char         *key,
                               const char         *yaml_scalar,
                               const char * const *key_order)
{
  Entry *entry;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (yaml_scalar != NULL, NULL);

  entry = lookup (self, key);
  if (entry == NULL)
    return insert_entry (self, key, yaml_scalar, key_order);
  return replace_value (self, entry, yaml_scalar);
}

BylineTextPatch *
byline_front_matter_set_strv (BylineFrontMatter  *self,
                              const char         *key,
                              const char * const *values,
                              const char * const *key_order)
{
  static const char * const empty[] = { NULL };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *separator = NULL;
  Entry *entry;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (values == NULL)
    values = empty;

  entry = lookup (self, key);

  if (entry != NULL && entry->pub.kind == BYLINE_VALUE_SEQUENCE && entry->pub.flow)
    {
      const BylineSpan *span = &entry->pub.value_span;
      g_autofree char *open_pad = NULL;
      g_autofree char *close_pad = NULL;

      separator = flow_separator (self, entry);
      if (separator == NULL)
        separator = document_separator (self);

      /* Keep "[ a, b ]" padding as found. */
      if (entry->pub.n_items > 0)
        {
          gsize first = entry->pub.item_spans[0].start;
          gsize last = entry->pub.item_spans[entry->pub.n_items - 1].end;

          if (only_chars (self->text, span->start + 1, first, " "))
            open_pad = g_strndup (self->text + span->start + 1, first - span->start - 1);
          if (last < span->end && only_chars (self->text, last, span->end - 1, " "))
            close_pad = g_strndup (self->text + last, span->end - 1 - last);
        }

      append_flow_list (out, values, entry->pub.style, separator,
                        open_pad != NULL ? open_pad : "", close_pad != NULL ? close_pad : "");
      return replace (span->start, span->end, out->str);
    }

  if (entry != NULL && entry->pub.kind == BYLINE_VALUE_SEQUENCE && values[0] != NULL &&
      entry->pub.n_items > 0)
    {
      const BylineSpan *first = &entry->pub.item_spans[0];
      gsize line_start = byline_line_index_line_start (self->lines, first->line);
      g_autofree char *prefix = NULL;

      /* Each item on its own line, with the first item's "  - ". */
      if (only_chars (self->text, line_start, first->start, " -") &&
          memchr (self->text + line_start, '-', first->start - line_start) != NULL)
        prefix = g_strndup (self->text + line_start, first->start - line_start);
      else
        prefix = g_strdup ("  - ");

      for (guint i = 0; values[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (out, newline (self));
          g_string_append (out, prefix);
          append_scalar (out, values[i], entry->pub.style, FALSE);
        }
      return replace (line_start, entry->pub.value_span.end, out->str);
    }

  separator = document_separator (self);
  append_flow_list (out, values,
                    entry != NULL && entry->pub.kind == BYLINE_VALUE_SEQUENCE
                    ? entry->pub.style : BYLINE_SCALAR_PLAIN,
                    separator, "", "");
  if (entry == NULL)
    return insert_entry (self, key, out->str, key_order);
  return replace_value (self, entry, out->str);
}

BylineTextPatch *
byline_front_matter_remove (BylineFrontMatter *self,
                            const char        *key)
{
  Entry *entry;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  entry = lookup (self, key);
  if (entry == NULL || self->flow_root)
    return NULL;
  return replace (entry->pub.lines_span.start, entry->pub.lines_span.end, "");
}
