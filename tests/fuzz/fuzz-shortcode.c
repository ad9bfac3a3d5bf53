/* fuzz-shortcode.c — the shortcode tokenizer and its pairing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a post body. The calls come in order, each inside the text
 * and inside the one before it only when paired around it; their names and
 * parameters lie inside their own span, with the line and column of their
 * offsets; pairs point at each other; names, values and messages are valid
 * UTF-8.
 */

#include "config.h"

#include "fuzz-common.h"

#include "byline-shortcode.h"

static void
check_span (const BylineLineIndex *lines,
            const BylineSpan      *span,
            gsize                  start,
            gsize                  end,
            const char            *what)
{
  BylineSpan expected = *span;

  FUZZ_CHECK (span->start >= start && span->start <= span->end && span->end <= end,
              "%s: span %" G_GSIZE_FORMAT "–%" G_GSIZE_FORMAT " outside %" G_GSIZE_FORMAT
              "–%" G_GSIZE_FORMAT, what, span->start, span->end, start, end);
  byline_line_index_fill_span (lines, &expected);
  FUZZ_CHECK (span->line == expected.line && span->column == expected.column &&
              span->end_line == expected.end_line && span->end_column == expected.end_column,
              "%s: span %u:%u–%u:%u, but its offsets are at %u:%u–%u:%u", what,
              span->line, span->column, span->end_line, span->end_column,
              expected.line, expected.column, expected.end_line, expected.end_column);
}

static void
check_call (const char            *text,
            const BylineLineIndex *lines,
            GPtrArray             *calls,
            guint                  index,
            gsize                  length)
{
  const BylineShortcode *call = g_ptr_array_index (calls, index);
  const BylineSpan *span = &call->span;

  check_span (lines, span, 0, length, "a call");
  FUZZ_CHECK (span->end - span->start >= 4 && strncmp (text + span->start, "{{", 2) == 0 &&
              strncmp (text + span->end - 2, "}}", 2) == 0,
              "call %u: “%.*s” is not delimited", index, (int) (span->end - span->start),
              text + span->start);
  fuzz_check_utf8 ("a name", call->name, -1);

  if (call->kind != BYLINE_SHORTCODE_ESCAPED)
    check_span (lines, &call->name_span, span->start, span->end, "a name");

  for (guint i = 0; i < call->params->len; i++)
    {
      const BylineShortcodeParam *param = g_ptr_array_index (call->params, i);

      check_span (lines, &param->span, span->start, span->end, "a parameter");
      check_span (lines, &param->value_span, param->span.start, param->span.end, "a value");
      if (param->name != NULL)
        fuzz_check_utf8 ("a parameter name", param->name, -1);
      fuzz_check_utf8 ("a value", param->value, -1);
      if (i > 0)
        {
          const BylineShortcodeParam *previous = g_ptr_array_index (call->params, i - 1);

          FUZZ_CHECK (previous->span.end <= param->span.start, "call %u: parameters overlap",
                      index);
        }
    }

  if (call->pair >= 0)
    {
      const BylineShortcode *other;

      FUZZ_CHECK ((guint) call->pair < calls->len, "call %u: pair %d out of range", index,
                  call->pair);
      other = g_ptr_array_index (calls, call->pair);
      FUZZ_CHECK (other->pair == (int) index, "call %u pairs with %d, which pairs with %d",
                  index, call->pair, other->pair);
      FUZZ_CHECK ((call->kind == BYLINE_SHORTCODE_OPEN && other->kind == BYLINE_SHORTCODE_CLOSE &&
                   call->pair > (int) index) ||
                  (call->kind == BYLINE_SHORTCODE_CLOSE && other->kind == BYLINE_SHORTCODE_OPEN &&
                   call->pair < (int) index),
                  "call %u: a pair of kinds %d and %d", index, call->kind, other->kind);
      FUZZ_CHECK (g_strcmp0 (call->name, other->name) == 0, "call %u: “%s” pairs with “%s”",
                  index, call->name, other->name);
    }

  if (call->pair >= 0 || call->kind == BYLINE_SHORTCODE_ESCAPED)
    check_span (lines, &call->inner, 0, length, "an inner text");

  if (call->parent >= 0)
    {
      const BylineShortcode *parent;

      FUZZ_CHECK (call->parent < (int) index, "call %u: parent %d comes after it", index,
                  call->parent);
      parent = g_ptr_array_index (calls, call->parent);
      FUZZ_CHECK (parent->pair >= 0 && parent->kind == BYLINE_SHORTCODE_OPEN &&
                  parent->inner.start <= span->start && span->end <= parent->inner.end,
                  "call %u is not inside its parent %d", index, call->parent);
    }

  if (index > 0)
    {
      const BylineShortcode *previous = g_ptr_array_index (calls, index - 1);

      FUZZ_CHECK (previous->span.end <= span->start, "calls %u and %u overlap", index - 1, index);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autoptr(BylineLineIndex) lines = NULL;
  g_autoptr(BylineShortcodeList) list = NULL;
  gsize length;

  fuzz_init ();

  /* Posts with NUL bytes or invalid UTF-8 never reach the tokenizer. */
  text = fuzz_dup (data, size);
  length = strlen (text);
  if (!g_utf8_validate (text, length, NULL))
    return 0;

  lines = byline_line_index_new (text, length);
  list = byline_shortcode_scan (text, 0, length, lines);

  for (guint i = 0; i < list->calls->len; i++)
    check_call (text, lines, list->calls, i, length);

  for (guint i = 0; i < list->problems->len; i++)
    {
      const BylineShortcodeProblem *problem = g_ptr_array_index (list->problems, i);

      check_span (lines, &problem->span, 0, length, "a problem");
      fuzz_check_utf8 ("a problem", problem->message, -1);
    }

  return 0;
}
