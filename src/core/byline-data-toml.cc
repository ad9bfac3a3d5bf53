/* byline-data-toml.cc — TOML into the neutral value tree, with toml++
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core's only C++: toml++ (header-only, C++17) parses, and this unit
 * copies its tree into BylineData through a C entry point. toml++ keeps
 * a table's keys sorted, so entries are put back in source order by the
 * position of their keys. TOML dates and date-times stay dates, as Hugo
 * reads them.
 *
 * toml++ limits nested arrays and inline tables, but not tables made by
 * dotted keys and headers ([a.b.c…]), and it walks them recursively; the
 * nesting is therefore measured on the text before toml++ sees it.
 */

#define G_LOG_DOMAIN "byline-data"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "byline-data.h"
#include "byline-data-private.h"

#include <cstring>
#include <new>
#include <string>
#include <string_view>

#define TOML_ENABLE_FORMATTERS 0
#include <toml++/toml.h>

namespace {

struct Context
{
  BylineDataPositions positions;
  const char *file_name;
  BylineSpan *error_span;
  GError **error;
  bool failed;
};

void
fail (Context    &ctx,
      gsize       offset,
      int         code,
      const char *message)
{
  if (ctx.failed)
    return;
  ctx.failed = true;
  byline_data_set_error (&ctx.positions, ctx.file_name, offset, ctx.error_span, ctx.error,
                         code, "%s", message);
}

gsize
offset_of (const Context               &ctx,
           const toml::source_position &position)
{
  return byline_data_positions_offset (&ctx.positions, position.line, position.column);
}

/* The nesting measure. Outside strings and comments: a header's dotted
 * segments set the base depth of the lines under it; a key's segments add
 * to it; brackets and braces in values add one each, and keys inside
 * inline tables add their own segments. This never counts less than the
 * depth toml++ would build. */
struct Scope
{
  guint base;        /* depth of the values in this scope */
  bool is_table;     /* { } reads keys, [ ] reads values */
};

bool
too_deep (Context &ctx,
          gsize    offset,
          guint    depth)
{
  if (depth <= BYLINE_DATA_MAX_DEPTH)
    return false;
  fail (ctx, offset, BYLINE_DATA_ERROR_TOO_DEEP, _("the values are nested too deeply"));
  return true;
}

/* Skips a string that starts at text[p]; returns the offset past it. */
gsize
skip_string (const char *text,
             gsize       p,
             gsize       end)
{
  char quote = text[p];
  bool triple = end - p >= 3 && text[p + 1] == quote && text[p + 2] == quote;

  p += triple ? 3 : 1;
  while (p < end)
    {
      if (quote == '"' && text[p] == '\\')
        p += 2;
      else if (text[p] == quote &&
               (!triple || (end - p >= 3 && text[p + 1] == quote && text[p + 2] == quote)))
        return p + (triple ? 3 : 1);
      else if (!triple && text[p] == '\n')
        return p;
      else
        p++;
    }
  return end;
}

bool
check_nesting (Context &ctx)
{
  const char *text = ctx.positions.text;
  gsize p = ctx.positions.start;
  gsize end = ctx.positions.end;
  Scope scopes[BYLINE_DATA_MAX_DEPTH + 1];
  guint n_scopes = 0;
  guint header_base = 1;     /* depth of the values of keys under the last header */
  guint key_dots = 0;        /* dots of the key being read */
  guint value_depth = 0;     /* depth of the value being read */
  bool in_value = false;
  bool line_start = true;

  while (p < end)
    {
      char c = text[p];

      if (c == '#')
        {
          while (p < end && text[p] != '\n')
            p++;
          continue;
        }
      if (c == '"' || c == '\'')
        {
          p = skip_string (text, p, end);
          line_start = false;
          continue;
        }
      if (c == '\n')
        {
          if (n_scopes == 0)
            {
              in_value = false;
              key_dots = 0;
              line_start = true;
            }
          p++;
          continue;
        }
      if (c == ' ' || c == '\t' || c == '\r')
        {
          p++;
          continue;
        }

      if (line_start && n_scopes == 0 && c == '[')
        {
          /* A header, [a.b] or [[a.b]]: its keys' values lie one deeper
           * than its segments. */
          guint dots = 0;

          while (p < end && text[p] != '\n' && text[p] != ']')
            {
              if (text[p] == '"' || text[p] == '\'')
                {
                  p = skip_string (text, p, end);
                  continue;
                }
              if (text[p] == '.')
                dots++;
              p++;
            }
          header_base = dots + 2;
          if (too_deep (ctx, p, header_base))
            return false;
          line_start = false;
          continue;
        }
      line_start = false;

      if (!in_value)
        {
          guint key_base = n_scopes > 0 ? scopes[n_scopes - 1].base : header_base;

          if (c == '.')
            key_dots++;
          else if (c == '=')
            {
              in_value = true;
              value_depth = key_base + key_dots;
              key_dots = 0;
              if (too_deep (ctx, p, value_depth))
                return false;
            }
          else if (c == '}' && n_scopes > 0)
            {
              /* An empty inline table, or a comma before its brace. */
              n_scopes--;
              in_value = true;
              value_depth = n_scopes > 0 ? scopes[n_scopes - 1].base : header_base;
            }
          p++;
          continue;
        }

      if (c == '{' || c == '[')
        {
          if (n_scopes >= BYLINE_DATA_MAX_DEPTH || too_deep (ctx, p, value_depth + 1))
            {
              if (!ctx.failed)
                fail (ctx, p, BYLINE_DATA_ERROR_TOO_DEEP, _("the values are nested too deeply"));
              return false;
            }
          scopes[n_scopes++] = Scope { value_depth + 1, c == '{' };
          if (c == '{')
            {
              in_value = false;
              key_dots = 0;
            }
          else
            value_depth++;
        }
      else if ((c == ']' || c == '}') && n_scopes > 0)
        {
          n_scopes--;
          value_depth = n_scopes > 0 ? scopes[n_scopes - 1].base : header_base;
        }
      else if (c == ',' && n_scopes > 0)
        {
          if (scopes[n_scopes - 1].is_table)
            {
              in_value = false;
              key_dots = 0;
            }
          else
            value_depth = scopes[n_scopes - 1].base;
        }
      p++;
    }
  return true;
}

BylineData *convert (Context          &ctx,
                     const toml::node &node,
                     guint             depth);

void
set_span (Context                   &ctx,
          BylineData                *data,
          const toml::source_region &region)
{
  gsize start = offset_of (ctx, region.begin);
  gsize end = offset_of (ctx, region.end);

  byline_data_set_span_offsets (data, &ctx.positions, start, MAX (start, end));
}

BylineDataDateTime
date_time_of (const toml::date *date,
              const toml::time *time,
              const toml::time_offset *offset)
{
  BylineDataDateTime dt = {};

  if (date != nullptr)
    {
      dt.year = date->year;
      dt.month = date->month;
      dt.day = date->day;
      dt.has_date = TRUE;
    }
  if (time != nullptr)
    {
      dt.hour = time->hour;
      dt.minute = time->minute;
      dt.second = time->second;
      dt.nanosecond = (int) time->nanosecond;
      dt.has_time = TRUE;
    }
  if (offset != nullptr)
    {
      dt.offset_minutes = offset->minutes;
      dt.has_offset = TRUE;
    }
  return dt;
}

BylineData *
convert_scalar (Context          &ctx,
                const toml::node &node)
{
  BylineData *data = nullptr;
  gsize start = offset_of (ctx, node.source().begin);
  gsize end = MAX (start, offset_of (ctx, node.source().end));
  const char *literal = ctx.positions.text + start;
  gsize literal_length = end - start;

  if (auto s = node.as_string ())
    {
      const std::string &value = s->get ();

      data = byline_data_new_string_len (value.data (), value.size ());
      if (literal_length >= 3 && (std::strncmp (literal, "\"\"\"", 3) == 0 ||
                                  std::strncmp (literal, "'''", 3) == 0))
        byline_data_set_style (data, BYLINE_DATA_STYLE_MULTILINE);
      else
        byline_data_set_style (data, BYLINE_DATA_STYLE_QUOTED);
      return data;
    }

  if (auto i = node.as_integer ())
    data = byline_data_new_int (i->get ());
  else if (auto f = node.as_floating_point ())
    data = byline_data_new_float (f->get ());
  else if (auto b = node.as_boolean ())
    data = byline_data_new_bool (b->get ());
  else if (auto d = node.as_date ())
    {
      BylineDataDateTime dt = date_time_of (&d->get (), nullptr, nullptr);

      data = byline_data_new_date_time (&dt);
    }
  else if (auto t = node.as_time ())
    {
      BylineDataDateTime dt = date_time_of (nullptr, &t->get (), nullptr);

      data = byline_data_new_date_time (&dt);
    }
  else if (auto dtv = node.as_date_time ())
    {
      const toml::date_time &value = dtv->get ();
      BylineDataDateTime dt = date_time_of (&value.date, &value.time,
                                            value.offset ? &*value.offset : nullptr);

      data = byline_data_new_date_time (&dt);
    }
  else
    data = byline_data_new_null ();

  byline_data_set_literal (data, literal, literal_length);
  return data;
}

BylineData *
convert (Context          &ctx,
         const toml::node &node,
         guint             depth)
{
  BylineData *data;

  if (depth > BYLINE_DATA_MAX_DEPTH + 1)
    {
      /* The nesting was measured before; this only guards the recursion. */
      fail (ctx, offset_of (ctx, node.source ().begin), BYLINE_DATA_ERROR_TOO_DEEP,
            _("the values are nested too deeply"));
      return nullptr;
    }

  if (auto table = node.as_table ())
    {
      data = byline_data_new_map ();
      if (table->is_inline ())
        byline_data_set_style (data, BYLINE_DATA_STYLE_FLOW);
      set_span (ctx, data, node.source ());
      for (auto &&[key, value] : *table)
        {
          BylineSpan key_span;
          gsize key_start = offset_of (ctx, key.source ().begin);
          BylineData *child = convert (ctx, value, depth + 1);

          if (child == nullptr)
            {
              byline_data_unref (data);
              return nullptr;
            }
          byline_data_positions_fill (&ctx.positions, &key_span, key_start,
                                      MAX (key_start, offset_of (ctx, key.source ().end)));
          byline_data_extend_span (data, &ctx.positions, byline_data_get_span (child)->end);
          byline_data_map_append (data, std::string (key.str ()).c_str (), &key_span, child);
        }
      byline_data_map_sort_by_key_span (data);
    }
  else if (auto array = node.as_array ())
    {
      data = byline_data_new_list ();
      set_span (ctx, data, node.source ());
      /* An array of tables ([[x]]) is written as blocks, not inline. */
      if (!array->is_array_of_tables () || array->empty () ||
          array->front ().as_table ()->is_inline ())
        byline_data_set_style (data, BYLINE_DATA_STYLE_FLOW);
      for (auto &&item : *array)
        {
          BylineData *child = convert (ctx, item, depth + 1);

          if (child == nullptr)
            {
              byline_data_unref (data);
              return nullptr;
            }
          byline_data_extend_span (data, &ctx.positions, byline_data_get_span (child)->end);
          byline_data_list_append (data, child);
        }
    }
  else
    {
      data = convert_scalar (ctx, node);
      set_span (ctx, data, node.source ());
    }

  byline_data_set_file_name (data, ctx.file_name);
  return data;
}

} /* namespace */

BylineData *
byline_data_read_toml (const char  *text,
                       gsize        start,
                       gsize        end,
                       const char  *file_name,
                       BylineSpan  *error_span,
                       GError     **error)
{
  Context ctx = {};
  BylineData *result = nullptr;

  g_return_val_if_fail (text != nullptr || end == 0, nullptr);
  g_return_val_if_fail (start <= end, nullptr);

  byline_data_positions_init (&ctx.positions, text, start, end);
  ctx.file_name = file_name != nullptr ? g_intern_string (file_name) : nullptr;
  ctx.error_span = error_span;
  ctx.error = error;

  if (!byline_data_check_text (&ctx.positions, file_name, error_span, error) ||
      !check_nesting (ctx))
    {
      byline_data_positions_clear (&ctx.positions);
      return nullptr;
    }

  try
    {
      toml::table root = toml::parse (std::string_view (text + start, end - start));

      result = convert (ctx, root, 1);
      if (result != nullptr)
        /* The root spans the whole text, comments and all. */
        byline_data_set_span_offsets (result, &ctx.positions, start, end);
    }
  catch (const toml::parse_error &e)
    {
      g_autofree char *message = g_strdup_printf (_("this is not valid TOML (%.*s)"),
                                                  (int) e.description ().size (),
                                                  e.description ().data ());

      fail (ctx, offset_of (ctx, e.source ().begin), BYLINE_DATA_ERROR_SYNTAX, message);
    }
  catch (const std::bad_alloc &)
    {
      fail (ctx, start, BYLINE_DATA_ERROR_TOO_LARGE, _("the text is too large to read"));
    }

  byline_data_positions_clear (&ctx.positions);
  return result;
}
