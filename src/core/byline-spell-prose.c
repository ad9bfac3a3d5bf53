/* byline-spell-prose.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cmark-gfm gives every text node a line and columns, but columns of a
 * paragraph's continuation lines leave out the white space it strips (and
 * the container prefix of lazy lines), and a text node's literal differs
 * from its source where entities and backslash escapes were decoded. So a
 * node's place is computed as the linter computes it, then checked against
 * the start of its literal, and searched for on its line when that fails;
 * nodes that cannot be placed are left out rather than misplaced. The
 * words themselves are always read from the post's own bytes.
 */

#define G_LOG_DOMAIN "byline-spell"

#include "config.h"

#include "byline-spell-prose.h"

#include <string.h>

#include "byline-markdown.h"

/* Enough of a literal to recognise it on its line. */
#define MAX_PREFIX 32

static void
add_range (GArray *ranges,
           gsize   start,
           gsize   end)
{
  BylineProseRange range = { start, end };

  if (end > start)
    g_array_append_val (ranges, range);
}

static char
parsed_at (const BylineSourceMap *map,
           gsize                  offset)
{
  if (offset < map->parsed_start || offset - map->parsed_start >= map->parsed_length)
    return '\0';
  return map->parsed[offset - map->parsed_start];
}

static gsize
line_end_of (const BylineSourceMap *map,
             gsize                  offset)
{
  gsize end = offset;

  while (end < map->length && map->text[end] != '\n' && map->text[end] != '\r')
    end++;
  return end;
}

static gsize
line_start_of (const BylineSourceMap *map,
               gsize                  offset)
{
  gsize start = MIN (offset, map->length);

  while (start > map->parsed_start && map->text[start - 1] != '\n')
    start--;
  return start;
}

static gboolean
matches_at (const BylineSourceMap *map,
            gsize                  offset,
            const char            *prefix,
            gsize                  n)
{
  for (gsize i = 0; i < n; i++)
    if (parsed_at (map, offset + i) != prefix[i])
      return FALSE;
  return TRUE;
}

/* The text of an autolink (www.x.com, https://…, a@b.org) is an address. */
static gboolean
is_autolink_text (cmark_node *node,
                  const char *literal)
{
  cmark_node *parent = cmark_node_parent (node);
  const char *url;

  if (parent == NULL || cmark_node_get_type (parent) != CMARK_NODE_LINK)
    return FALSE;
  url = cmark_node_get_url (parent);
  if (url == NULL)
    return FALSE;
  if (strcmp (url, literal) == 0)
    return TRUE;
  for (const char *scheme = url; *scheme != '\0' && *scheme != '/'; scheme++)
    if (*scheme == ':')
      {
        const char *rest = scheme + 1;

        while (*rest == '/')
          rest++;
        return strcmp (rest, literal) == 0;
      }
  return FALSE;
}

/* The leading part of a literal that stands in the source as written: up
 * to the first & (an entity's, most likely) or backslash. A non-ASCII character
 * written as an entity makes the prefix fail to match, and the node is
 * then searched for; not found, it is left out. */
static gsize
literal_prefix (const char *literal)
{
  gsize n = 0;

  while (n < MAX_PREFIX && literal[n] != '\0' && (guchar) literal[n] >= 0x20 &&
         literal[n] != '&' && literal[n] != '\\')
    n++;
  /* Whole characters only. */
  while (n > 0 && n < strlen (literal) && ((guchar) literal[n] & 0xC0) == 0x80)
    n--;
  return n;
}

static void
collect_text (cmark_node            *node,
              cmark_node            *block,
              const BylineSourceMap *map,
              gsize                 *last_end,
              GArray                *ranges)
{
  const char *literal = cmark_node_get_literal (node);
  int line = cmark_node_get_start_line (node);
  int start_column = cmark_node_get_start_column (node);
  int end_column = cmark_node_get_end_column (node);
  gsize start, end, line_start, line_end, prefix;
  gsize located;
  gsize shift = 0;

  if (literal == NULL || literal[0] == '\0' || line <= 0 || start_column <= 0 ||
      is_autolink_text (node, literal))
    return;

  start = map->locate (map->data, line, start_column);

  /* Continuation lines: put back the white space cmark-gfm stripped. */
  if (block != NULL && line != cmark_node_get_start_line (block))
    {
      gsize p = map->locate (map->data, line, MAX (cmark_node_get_start_column (block), 1));

      while (p + shift < map->length &&
             (map->text[p + shift] == ' ' || map->text[p + shift] == '\t'))
        shift++;
      start += shift;
    }
  located = start;
  if (start >= map->length)
    return;

  line_start = line_start_of (map, start);
  line_end = line_end_of (map, start);
  prefix = literal_prefix (literal);

  if (prefix > 0 && !matches_at (map, start, literal, prefix))
    {
      gsize best = G_MAXSIZE;
      gsize from = MAX (line_start, *last_end);

      /* The nearest place on the line where the literal starts. */
      for (gsize p = from; p + prefix <= line_end; p++)
        if (matches_at (map, p, literal, prefix) &&
            (best == G_MAXSIZE || (p > start ? p - start : start - p) <
                                  (best > start ? best - start : start - best)))
          best = p;
      if (best == G_MAXSIZE)
        return;
      start = best;
    }

  /* A literal that stands in the source as written ends where it does:
   * cmark-gfm's autolinker shortens the text before an address without
   * moving its end column. Otherwise the end column gives the end, mapped
   * like the start: the parsed text may hold a shorter stand-in for a
   * shortcode call than the call itself. */
  if (matches_at (map, start, literal, strlen (literal)))
    end = start + strlen (literal);
  else if (cmark_node_get_end_line (node) == line && end_column >= start_column)
    {
      /* Moved as far as the search moved the start. */
      end = map->locate (map->data, line, end_column) + shift + 1;
      end = start >= located ? end + (start - located) : end - MIN (end, located - start);
      end = MIN (end, line_end);
    }
  else
    end = MIN (start + (gsize) MAX (end_column - start_column + 1, 0), line_end);
  if (end <= start)
    return;
  *last_end = end;

  /* Shortcode calls and code inside the node are not prose. */
  for (gsize p = start; p < end; )
    {
      gsize run;

      while (p < end && map->hidden != NULL && (map->hidden[p] & map->hidden_flags) != 0)
        p++;
      run = p;
      while (p < end && (map->hidden == NULL || (map->hidden[p] & map->hidden_flags) == 0))
        p++;
      add_range (ranges, run, p);
    }
}

void
byline_spell_prose_collect_body (cmark_node            *document,
                                 const BylineSourceMap *map,
                                 GArray                *ranges)
{
  cmark_iter *iter;
  cmark_event_type event;
  cmark_node *block = NULL;
  cmark_node *enclosing;
  gsize last_end = 0;

  g_return_if_fail (document != NULL);
  g_return_if_fail (map != NULL && map->locate != NULL);
  g_return_if_fail (ranges != NULL);

  iter = cmark_iter_new (document);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event != CMARK_EVENT_ENTER || cmark_node_get_type (node) != CMARK_NODE_TEXT)
        continue;

      /* Places only move forward within a block. */
      enclosing = byline_markdown_enclosing_block (node);
      if (enclosing != block)
        {
          block = enclosing;
          last_end = 0;
        }
      collect_text (node, block, map, &last_end, ranges);
    }
  cmark_iter_free (iter);
}

/* A front-matter value or a parameter is Markdown too: its `code` and
 * link destinations ](…) are not prose. */
static void
add_value_range (GArray     *ranges,
                 const char *text,
                 gsize       start,
                 gsize       end)
{
  gsize from = start;
  gsize p = start;

  while (p < end)
    {
      if (text[p] == '`')
        {
          gsize ticks = 0, close;

          while (p + ticks < end && text[p + ticks] == '`')
            ticks++;
          for (close = p + ticks; close < end; close++)
            {
              gsize run = 0;

              while (close + run < end && text[close + run] == '`')
                run++;
              if (run == ticks)
                break;
              close += run;
            }
          if (close >= end)
            {
              p += ticks;
              continue;
            }
          add_range (ranges, from, p);
          p = from = close + ticks;
        }
      else if (text[p] == ']' && p + 1 < end && text[p + 1] == '(')
        {
          const char *close = memchr (text + p + 2, ')', end - p - 2);

          if (close == NULL)
            break;
          add_range (ranges, from, p + 1);
          p = from = close - text + 1;
        }
      else
        p++;
    }
  add_range (ranges, from, end);
}

static gboolean
is_prose_key (BylineProfile *profile,
              const char    *key)
{
  static const char * const keys[] = { "title", "linktitle", "subtitle", "description",
                                       "summary" };
  const BylineFieldSpec *field;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_ascii_strcasecmp (key, keys[i]) == 0)
      return TRUE;

  field = profile != NULL ? byline_profile_lookup_field (profile, key) : NULL;
  return field != NULL && field->type == BYLINE_FIELD_TEXT;
}

void
byline_spell_prose_collect_front_matter (const char        *text,
                                         BylineFrontMatter *front_matter,
                                         BylineProfile     *profile,
                                         GArray            *ranges)
{
  g_return_if_fail (text != NULL);
  g_return_if_fail (ranges != NULL);

  if (front_matter == NULL)
    return;

  for (guint i = 0; i < byline_front_matter_get_n_entries (front_matter); i++)
    {
      const BylineFrontMatterEntry *entry = byline_front_matter_get_entry (front_matter, i);

      if (entry->kind == BYLINE_VALUE_SCALAR && is_prose_key (profile, entry->key))
        add_value_range (ranges, text, entry->value_span.start, entry->value_span.end);
    }
}

void
byline_spell_prose_collect_shortcodes (const char                *text,
                                       const BylineShortcodeList *shortcodes,
                                       GArray                    *ranges)
{
  static const char * const names[] = { "caption", "alt", "title" };

  g_return_if_fail (text != NULL);
  g_return_if_fail (shortcodes != NULL);
  g_return_if_fail (ranges != NULL);

  for (guint i = 0; i < shortcodes->calls->len; i++)
    {
      const BylineShortcode *call = g_ptr_array_index (shortcodes->calls, i);

      if (call->kind != BYLINE_SHORTCODE_OPEN && call->kind != BYLINE_SHORTCODE_SELF_CLOSING)
        continue;

      for (guint j = 0; j < call->params->len; j++)
        {
          const BylineShortcodeParam *param = g_ptr_array_index (call->params, j);

          for (guint n = 0; param->name != NULL && n < G_N_ELEMENTS (names); n++)
            if (strcmp (param->name, names[n]) == 0)
              add_value_range (ranges, text, param->value_span.start, param->value_span.end);
        }
    }
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const BylineProseRange *ra = a;
  const BylineProseRange *rb = b;

  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  return ra->end < rb->end ? -1 : ra->end > rb->end;
}

void
byline_spell_prose_normalize (GArray *ranges)
{
  guint kept = 0;

  g_return_if_fail (ranges != NULL);

  if (ranges->len == 0)
    return;

  g_array_sort (ranges, compare_ranges);
  for (guint i = 1; i < ranges->len; i++)
    {
      BylineProseRange *last = &g_array_index (ranges, BylineProseRange, kept);
      const BylineProseRange *range = &g_array_index (ranges, BylineProseRange, i);

      if (range->start <= last->end)
        last->end = MAX (last->end, range->end);
      else
        g_array_index (ranges, BylineProseRange, ++kept) = *range;
    }
  g_array_set_size (ranges, kept + 1);
}
