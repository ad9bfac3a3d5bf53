/* byline-data-yaml.c — YAML into the neutral value tree, with libyaml
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain scalars are typed by YAML 1.2's core schema, which is what Hugo's
 * YAML decoder (goccy/go-yaml since Hugo 0.152) follows: "yes" and "no"
 * stay strings. Unquoted timestamps become date-times. Merge keys ("<<")
 * are applied. An alias shares its anchor's node; the nodes all aliases
 * stand for are counted and capped, so a "billion laughs" text is refused
 * instead of costing memory or time in whoever walks the tree.
 */

#define G_LOG_DOMAIN "byline-data"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "byline-data.h"
#include "byline-data-private.h"
#include "byline-char-cursor-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

typedef struct
{
  BylineData *node;
  gboolean have_key;
  gboolean key_is_merge;     /* the pending key is a plain "<<" */
  char *key;
  BylineSpan key_span;
  GPtrArray *merges;         /* values of "<<" keys, applied at the end */
  gsize last_end;            /* the end of the last child, with its line and column */
  guint last_end_line;
  guint last_end_column;
} Frame;

typedef struct
{
  BylineDataPositions positions;
  const char *file_name;
  BylineCharCursor cursor;
  GArray *stack;             /* Frame */
  GHashTable *anchors;       /* name → BylineData */
  guint64 aliased;
  BylineData *root;
  BylineSpan *error_span;
  GError **error;
  gboolean failed;
} Reader;

static void
frame_clear (Frame *frame)
{
  g_clear_pointer (&frame->node, byline_data_unref);
  g_clear_pointer (&frame->key, g_free);
  g_clear_pointer (&frame->merges, g_ptr_array_unref);
}

static gsize
mark_offset (Reader           *reader,
             const yaml_mark_t *mark)
{
  return byline_char_cursor_seek (&reader->cursor, mark->index);
}

/* libyaml's marks also count lines and columns (0-based, in characters),
 * which spares locating every node in the text again. */
static void
mark_position (Reader            *reader,
               const yaml_mark_t *mark,
               guint             *line,
               guint             *column)
{
  *line = reader->positions.base_line + (guint) mark->line;
  *column = (mark->line == 0 ? reader->positions.base_column : 1) + (guint) mark->column;
}

static void
set_marks (Reader            *reader,
           BylineData        *node,
           const yaml_mark_t *start,
           const yaml_mark_t *end)
{
  BylineSpan span;

  span.start = mark_offset (reader, start);
  mark_position (reader, start, &span.line, &span.column);
  span.end = mark_offset (reader, end);
  mark_position (reader, end, &span.end_line, &span.end_column);
  byline_data_set_span (node, &span);
}

static void
reader_fail (Reader     *reader,
             gsize       offset,
             int         code,
             const char *message)
{
  if (reader->failed)
    return;
  reader->failed = TRUE;
  byline_data_set_error (&reader->positions, reader->file_name, offset, reader->error_span,
                         reader->error, code, "%s", message);
}

/* Typing of plain scalars */

static gboolean
is_one_of (const char         *text,
           const char * const *words)
{
  return g_strv_contains (words, text);
}

static gboolean
parse_int (const char *text,
           gint64     *value)
{
  const char *p = text;
  const char *digits;
  gboolean negative = FALSE;
  guint64 magnitude = 0;
  int base = 10;

  if (*p == '+' || *p == '-')
    negative = *p++ == '-';
  if (p[0] == '0' && (p[1] == 'x' || p[1] == 'o') && p == text)
    {
      base = p[1] == 'x' ? 16 : 8;
      p += 2;
    }
  digits = p;
  if (*p == '\0')
    return FALSE;
  for (; *p != '\0'; p++)
    {
      int digit;

      if (g_ascii_isdigit (*p))
        digit = *p - '0';
      else if (base == 16 && g_ascii_isxdigit (*p))
        digit = g_ascii_xdigit_value (*p);
      else
        return FALSE;
      if (digit >= base)
        return FALSE;
      if (magnitude > (G_MAXUINT64 - digit) / base)
        return FALSE;
      magnitude = magnitude * base + digit;
    }
  if (p == digits)
    return FALSE;
  if (negative ? magnitude > (guint64) G_MAXINT64 + 1 : magnitude > G_MAXINT64)
    return FALSE;
  *value = negative ? (gint64) (0 - magnitude) : (gint64) magnitude;
  return TRUE;
}

static gboolean
parse_float (const char *text,
             double     *value)
{
  const char *p = text;
  gboolean digits = FALSE;

  if (is_one_of (text,
                 (const char *const[]) { ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", NULL }))
    {
      *value = INFINITY;
      return TRUE;
    }
  if (is_one_of (text, (const char * const[]) { "-.inf", "-.Inf", "-.INF", NULL }))
    {
      *value = -INFINITY;
      return TRUE;
    }
  if (is_one_of (text, (const char * const[]) { ".nan", ".NaN", ".NAN", NULL }))
    {
      *value = NAN;
      return TRUE;
    }

  /* [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )? */
  if (*p == '+' || *p == '-')
    p++;
  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++, digits = TRUE;
    }
  if (!digits)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p != '\0')
    return FALSE;
  *value = g_ascii_strtod (text, NULL);
  return TRUE;
}

typedef enum
{
  TAG_NONE,
  TAG_STR,
  TAG_INT,
  TAG_FLOAT,
  TAG_BOOL,
  TAG_NULL,
  TAG_TIMESTAMP,
} Tag;

static Tag
tag_of (const yaml_char_t *tag)
{
  const char *t = (const char *) tag;

  if (t == NULL)
    return TAG_NONE;
  if (strcmp (t, "!") == 0 || strcmp (t, YAML_STR_TAG) == 0 ||
      strcmp (t, "tag:yaml.org,2002:binary") == 0)
    return TAG_STR;
  if (strcmp (t, YAML_INT_TAG) == 0)
    return TAG_INT;
  if (strcmp (t, YAML_FLOAT_TAG) == 0)
    return TAG_FLOAT;
  if (strcmp (t, YAML_BOOL_TAG) == 0)
    return TAG_BOOL;
  if (strcmp (t, YAML_NULL_TAG) == 0)
    return TAG_NULL;
  if (strcmp (t, YAML_TIMESTAMP_TAG) == 0)
    return TAG_TIMESTAMP;
  return TAG_NONE;
}

static BylineData *
scalar_node (const yaml_event_t *event)
{
  const char *text = (const char *) event->data.scalar.value;
  gsize length = event->data.scalar.length;
  yaml_scalar_style_t style = event->data.scalar.style;
  gboolean plain = style == YAML_PLAIN_SCALAR_STYLE;
  Tag tag = tag_of (event->data.scalar.tag);
  BylineData *node = NULL;
  BylineDataDateTime dt;
  gint64 i;
  double f;

  /* A NUL inside the value would cut the strings below short; readers
   * refuse NUL bytes before parsing, and escapes ("\0") land here. */
  if ((tag == TAG_NONE && plain) || (tag != TAG_NONE && tag != TAG_STR) )
    {
      if (memchr (text, '\0', length) == NULL)
        {
          gboolean any = tag == TAG_NONE;
          char first = length > 0 ? text[0] : '\0';

          /* The first character rules most types out; plain text is the
           * common case and should cost nothing more. */
          if ((any || tag == TAG_NULL) &&
              (length == 0 ||
               ((first == '~' || first == 'n' || first == 'N') &&
                is_one_of (text, (const char * const[]) { "~", "null", "Null", "NULL", NULL }))))
            node = byline_data_new_null ();
          else if ((any || tag == TAG_BOOL) && (first == 't' || first == 'T') &&
                   is_one_of (text, (const char * const[]) { "true", "True", "TRUE", NULL }))
            node = byline_data_new_bool (TRUE);
          else if ((any || tag == TAG_BOOL) && (first == 'f' || first == 'F') &&
                   is_one_of (text, (const char * const[]) { "false", "False", "FALSE", NULL }))
            node = byline_data_new_bool (FALSE);
          else if (!any || g_ascii_isdigit (first) || first == '-' || first == '+' || first == '.')
            {
              if ((any || tag == TAG_INT) && parse_int (text, &i))
                node = byline_data_new_int (i);
              else if ((any || tag == TAG_FLOAT) && parse_float (text, &f))
                node = byline_data_new_float (f);
              else if ((any || tag == TAG_TIMESTAMP) && byline_data_parse_date_time (text, &dt))
                node = byline_data_new_date_time (&dt);
            }
        }
      if (node != NULL)
        byline_data_set_literal (node, text, length);
    }

  if (node == NULL)
    node = byline_data_new_string_len (text, length);

  switch (style)
    {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE:
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
      byline_data_set_style (node, BYLINE_DATA_STYLE_QUOTED);
      break;
    case YAML_LITERAL_SCALAR_STYLE:
    case YAML_FOLDED_SCALAR_STYLE:
      byline_data_set_style (node, BYLINE_DATA_STYLE_MULTILINE);
      break;
    case YAML_ANY_SCALAR_STYLE:
    case YAML_PLAIN_SCALAR_STYLE:
    default:
      break;
    }
  return node;
}

/* Building */

static Frame *
top_frame (Reader *reader)
{
  if (reader->stack->len == 0)
    return NULL;
  return &g_array_index (reader->stack, Frame, reader->stack->len - 1);
}

static void
apply_merges (Reader *reader,
              Frame  *frame)
{
  /* Keys written in the map win over merged ones, and earlier merged maps
   * over later ones, as YAML's merge key says. */
  for (guint m = 0; m < frame->merges->len; m++)
    {
      BylineData *source = g_ptr_array_index (frame->merges, m);
      guint n_maps = byline_data_get_kind (source) == BYLINE_DATA_LIST
                       ? byline_data_get_length (source)
                       : 1;

      for (guint j = 0; j < n_maps; j++)
        {
          BylineData *map = byline_data_get_kind (source) == BYLINE_DATA_LIST
                              ? byline_data_list_get (source, j) : source;

          for (guint k = 0; k < byline_data_get_length (map); k++)
            {
              const char *key = byline_data_map_get_key (map, k);

              if (byline_data_map_lookup (frame->node, key) == NULL)
                byline_data_map_append (frame->node, key, byline_data_map_get_key_span (map, k),
                                        byline_data_ref (byline_data_map_get_value (map, k)));
            }
        }
    }
}

static gboolean
is_map_or_maps (BylineData *node)
{
  if (byline_data_get_kind (node) == BYLINE_DATA_MAP)
    return TRUE;
  if (byline_data_get_kind (node) != BYLINE_DATA_LIST)
    return FALSE;
  for (guint i = 0; i < byline_data_get_length (node); i++)
    if (byline_data_get_kind (byline_data_list_get (node, i)) != BYLINE_DATA_MAP)
      return FALSE;
  return TRUE;
}

/* Takes @node. */
static void
attach (Reader     *reader,
        BylineData *node,
        gboolean    plain_scalar)
{
  Frame *frame = top_frame (reader);
  const BylineSpan *span = byline_data_get_span (node);

  if (frame == NULL)
    {
      g_clear_pointer (&reader->root, byline_data_unref);
      reader->root = node;
      return;
    }

  if (span->end >= frame->last_end)
    {
      frame->last_end = span->end;
      frame->last_end_line = span->end_line;
      frame->last_end_column = span->end_column;
    }

  if (byline_data_get_kind (frame->node) == BYLINE_DATA_LIST)
    {
      byline_data_list_append (frame->node, node);
      return;
    }

  if (!frame->have_key)
    {
      g_autofree char *key = NULL;

      if (byline_data_get_kind (node) == BYLINE_DATA_LIST ||
          byline_data_get_kind (node) == BYLINE_DATA_MAP)
        {
          reader_fail (reader, span->start, BYLINE_DATA_ERROR_SYNTAX,
                       _("a key must be a single value, not a list or a map"));
          byline_data_unref (node);
          return;
        }
      key = byline_data_get_kind (node) == BYLINE_DATA_STRING
              ? g_strdup (byline_data_get_string (node))
              : g_strdup (byline_data_get_literal (node) != NULL ? byline_data_get_literal (node)
                                                                 : "");
      frame->have_key = TRUE;
      frame->key_is_merge = plain_scalar && g_strcmp0 (key, "<<") == 0;
      frame->key = g_steal_pointer (&key);
      frame->key_span = *span;
      byline_data_unref (node);
      return;
    }

  if (frame->key_is_merge && is_map_or_maps (node))
    {
      if (frame->merges == NULL)
        frame->merges = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_data_unref);
      g_ptr_array_add (frame->merges, node);
    }
  else
    byline_data_map_append (frame->node, frame->key, &frame->key_span, node);

  frame->have_key = FALSE;
  g_clear_pointer (&frame->key, g_free);
}

static void
remember_anchor (Reader            *reader,
                 const yaml_char_t *anchor,
                 BylineData        *node)
{
  if (anchor != NULL)
    g_hash_table_replace (reader->anchors, g_strdup ((const char *)anchor), byline_data_ref (node));
}

static void
start_collection (Reader             *reader,
                  const yaml_event_t *event,
                  gboolean            is_map)
{
  Frame frame = { 0 };
  gsize start = mark_offset (reader, &event->start_mark);
  gboolean flow;
  const yaml_char_t *anchor;
  Frame *parent = top_frame (reader);

  if (parent != NULL && byline_data_get_kind (parent->node) == BYLINE_DATA_MAP && !parent->have_key)
    {
      reader_fail (reader, start, BYLINE_DATA_ERROR_SYNTAX,
                   _("a key must be a single value, not a list or a map"));
      return;
    }
  if (reader->stack->len >= BYLINE_DATA_MAX_DEPTH)
    {
      reader_fail (reader, start, BYLINE_DATA_ERROR_TOO_DEEP,
                   _("the values are nested too deeply"));
      return;
    }

  if (is_map)
    {
      flow = event->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
      anchor = event->data.mapping_start.anchor;
    }
  else
    {
      flow = event->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
      anchor = event->data.sequence_start.anchor;
    }

  frame.node = is_map ? byline_data_new_map () : byline_data_new_list ();
  byline_data_set_file_name (frame.node, reader->file_name);
  if (flow)
    byline_data_set_style (frame.node, BYLINE_DATA_STYLE_FLOW);
  set_marks (reader, frame.node, &event->start_mark, &event->start_mark);
  frame.last_end = start;
  mark_position (reader, &event->start_mark, &frame.last_end_line, &frame.last_end_column);
  /* The anchor is known from here; an alias to it from inside the
   * collection would make a cycle, and add_alias refuses it. */
  remember_anchor (reader, anchor, frame.node);
  g_array_append_val (reader->stack, frame);
}

static void
end_collection (Reader             *reader,
                const yaml_event_t *event)
{
  Frame *top = top_frame (reader);
  Frame frame;
  BylineSpan span;

  /* libyaml pairs every end with its start. */
  g_return_if_fail (top != NULL);
  frame = *top;
  g_array_set_size (reader->stack, reader->stack->len - 1);

  /* A flow collection ends at its bracket, a block one with its last item. */
  span = *byline_data_get_span (frame.node);
  if (byline_data_get_style (frame.node) == BYLINE_DATA_STYLE_FLOW)
    {
      span.end = mark_offset (reader, &event->end_mark);
      mark_position (reader, &event->end_mark, &span.end_line, &span.end_column);
    }
  else
    {
      span.end = frame.last_end;
      span.end_line = frame.last_end_line;
      span.end_column = frame.last_end_column;
    }
  byline_data_set_span (frame.node, &span);

  if (frame.merges != NULL)
    apply_merges (reader, &frame);

  attach (reader, g_steal_pointer (&frame.node), FALSE);
  frame_clear (&frame);
}

static void
add_alias (Reader             *reader,
           const yaml_event_t *event)
{
  const char *name = (const char *) event->data.alias.anchor;
  gsize start = mark_offset (reader, &event->start_mark);
  BylineData *node = g_hash_table_lookup (reader->anchors, name);

  if (node == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("the alias *%s names no anchor before it"),
                                                  name);

      reader_fail (reader, start, BYLINE_DATA_ERROR_SYNTAX, message);
      return;
    }
  for (guint i = 0; i < reader->stack->len; i++)
    if (g_array_index (reader->stack, Frame, i).node == node)
      {
        g_autofree char *message = g_strdup_printf (_("the alias *%s is inside its own anchor"),
                                                    name);

        reader_fail (reader, start, BYLINE_DATA_ERROR_SYNTAX, message);
        return;
      }
  if (reader->stack->len + byline_data_get_height (node) > BYLINE_DATA_MAX_DEPTH)
    {
      reader_fail (reader, start, BYLINE_DATA_ERROR_TOO_DEEP,
                   _("the values are nested too deeply"));
      return;
    }
  reader->aliased += byline_data_get_weight (node);
  if (reader->aliased > BYLINE_DATA_MAX_ALIASED_NODES)
    {
      reader_fail (reader, start, BYLINE_DATA_ERROR_TOO_LARGE,
                   _("the aliases stand for too many values"));
      return;
    }
  attach (reader, byline_data_ref (node), FALSE);
}

static void
add_scalar (Reader             *reader,
            const yaml_event_t *event)
{
  BylineData *node = scalar_node (event);

  byline_data_set_file_name (node, reader->file_name);
  set_marks (reader, node, &event->start_mark, &event->end_mark);
  remember_anchor (reader, event->data.scalar.anchor, node);
  attach (reader, node, event->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
                        event->data.scalar.tag == NULL);
}

static void
set_syntax_error (Reader        *reader,
                  yaml_parser_t *parser)
{
  g_autofree char *message = NULL;
  const char *problem = parser->problem != NULL ? parser->problem : "invalid YAML";
  gsize offset;

  /* Reader errors (bad encoding, control characters) count bytes; the
   * scanner's and parser's count characters. */
  if (parser->error == YAML_READER_ERROR)
    offset = reader->positions.start + MIN (parser->problem_offset,
                                            reader->positions.end - reader->positions.start);
  else
    offset = byline_char_cursor_seek (&reader->cursor, parser->problem_mark.index);

  if (parser->context != NULL)
    message = g_strdup_printf (_("this is not valid YAML (%s: %s)"), parser->context, problem);
  else
    message = g_strdup_printf (_("this is not valid YAML (%s)"), problem);
  reader_fail (reader, offset, BYLINE_DATA_ERROR_SYNTAX, message);
}

BylineData *
byline_data_read_yaml (const char  *text,
                       gsize        start,
                       gsize        end,
                       const char  *file_name,
                       BylineSpan  *error_span,
                       GError     **error)
{
  Reader reader = { 0 };
  yaml_parser_t parser;
  gboolean done = FALSE;
  BylineData *result = NULL;

  g_return_val_if_fail (text != NULL || end == 0, NULL);
  g_return_val_if_fail (start <= end, NULL);

  byline_data_positions_init (&reader.positions, text, start, end);
  reader.file_name = file_name != NULL ? g_intern_string (file_name) : NULL;
  reader.error_span = error_span;
  reader.error = error;

  if (!byline_data_check_text (&reader.positions, file_name, error_span, error))
    {
      byline_data_positions_clear (&reader.positions);
      return NULL;
    }

  byline_char_cursor_init (&reader.cursor, text, start, end);
  reader.stack = g_array_new (FALSE, TRUE, sizeof (Frame));
  reader.anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) byline_data_unref);

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *) text + start, end - start);
  yaml_parser_set_encoding (&parser, YAML_UTF8_ENCODING);

  while (!done && !reader.failed)
    {
      yaml_event_t event;

      if (!yaml_parser_parse (&parser, &event))
        {
          set_syntax_error (&reader, &parser);
          break;
        }

      switch (event.type)
        {
        case YAML_SCALAR_EVENT:
          add_scalar (&reader, &event);
          break;
        case YAML_SEQUENCE_START_EVENT:
          start_collection (&reader, &event, FALSE);
          break;
        case YAML_MAPPING_START_EVENT:
          start_collection (&reader, &event, TRUE);
          break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          end_collection (&reader, &event);
          break;
        case YAML_ALIAS_EVENT:
          add_alias (&reader, &event);
          break;
        case YAML_DOCUMENT_END_EVENT:
        case YAML_STREAM_END_EVENT:
          /* Hugo reads the first document of a file only. */
          done = TRUE;
          break;
        case YAML_NO_EVENT:
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_START_EVENT:
        default:
          break;
        }
      yaml_event_delete (&event);
    }

  yaml_parser_delete (&parser);

  if (!reader.failed)
    {
      if (reader.root == NULL)
        {
          /* An empty document: nothing is set. */
          reader.root = byline_data_new_null ();
          byline_data_set_file_name (reader.root, reader.file_name);
          byline_data_set_span_offsets (reader.root, &reader.positions, start, start);
        }
      result = g_steal_pointer (&reader.root);
    }

  for (guint i = 0; i < reader.stack->len; i++)
    frame_clear (&g_array_index (reader.stack, Frame, i));
  g_array_unref (reader.stack);
  g_hash_table_unref (reader.anchors);
  g_clear_pointer (&reader.root, byline_data_unref);
  byline_data_positions_clear (&reader.positions);
  return result;
}
