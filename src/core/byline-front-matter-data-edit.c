/* byline-front-matter-data-edit.c — edits of TOML and JSON front matter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same contract as the YAML edits (byline-front-matter.h): one patch
 * that changes only the edited key's text, or inserts one new entry;
 * comments, key order, quoting, tables and dates elsewhere stay byte for
 * byte. Values are written as TOML 1.0 and RFC 8259 write them: strings
 * as basic ("…") strings, whose escapes the two formats share.
 */

#define G_LOG_DOMAIN "byline-front-matter"

#include "config.h"

#include "byline-front-matter.h"
#include "byline-front-matter-private.h"

#include <string.h>

static gboolean
is_toml (BylineFrontMatter *self)
{
  return self->layout.kind == BYLINE_FRONT_MATTER_TOML;
}

static const char *
newline (BylineFrontMatter *self)
{
  return self->layout.crlf ? "\r\n" : "\n";
}

/* A string in double quotes, escaped for both TOML basic strings and JSON. */
static void
append_quoted (GString    *out,
               const char *value)
{
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20 || c == 0x7F)
            g_string_append_printf (out, "\\u%04X", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

static gboolean
matches (const char *pattern,
         const char *value)
{
  return g_regex_match_simple (pattern, value, G_REGEX_DEFAULT, G_REGEX_MATCH_DEFAULT);
}

/* Whether @value can be written bare as a typed value of the format:
 * a boolean, a number, and in TOML a date or date-time (TOML 1.0.0,
 * "Offset Date-Time" to "Local Date"). */
static gboolean
is_bare_literal (BylineFrontMatter *self,
                 const char        *value)
{
  if (strcmp (value, "true") == 0 || strcmp (value, "false") == 0)
    return TRUE;
  if (matches ("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$", value))
    return TRUE;
  if (!is_toml (self))
    return strcmp (value, "null") == 0;
  if (matches ("^\\+(0|[1-9][0-9]*)(\\.[0-9]+)?$", value))
    return TRUE;
  return matches ("^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?"
                  "([Zz]|[+-][0-9]{2}:[0-9]{2})?)?$", value);
}

static void
append_value (BylineFrontMatter *self,
              GString           *out,
              const char        *value,
              gboolean           typed)
{
  if (typed && is_bare_literal (self, value))
    g_string_append (out, value);
  else
    append_quoted (out, value);
}

static void
append_key (BylineFrontMatter *self,
            GString           *out,
            const char        *key)
{
  if (is_toml (self) && matches ("^[A-Za-z0-9_-]+$", key))
    g_string_append (out, key);
  else
    append_quoted (out, key);
}

/* Whether an entry is a TOML key = value line, not a [table] or
 * [[array of tables]] section. */
static gboolean
is_inline (BylineFrontMatter *self,
           BylineEntryData   *entry)
{
  const char *line = self->text + entry->pub.lines_span.start;

  while (*line == ' ' || *line == '\t')
    line++;
  return !is_toml (self) || *line != '[';
}

/* Where a new key goes: after the last inline entry that precedes it in
 * @key_order, else after the last inline entry; NULL when there is none. */
static BylineEntryData *
insertion_point (BylineFrontMatter  *self,
                 const char         *key,
                 const char * const *key_order)
{
  BylineEntryData *last = NULL;

  for (guint i = 0; i < self->entries->len; i++)
    {
      BylineEntryData *entry = g_ptr_array_index (self->entries, i);

      if (is_inline (self, entry))
        last = entry;
    }

  if (key_order != NULL && g_strv_contains (key_order, key))
    {
      BylineEntryData *before = NULL;

      for (guint i = 0; key_order[i] != NULL && strcmp (key_order[i], key) != 0; i++)
        {
          BylineEntryData *entry = byline_front_matter_find_entry (self, key_order[i]);

          if (entry != NULL && is_inline (self, entry))
            before = entry;
        }
      if (before != NULL)
        return before;
    }
  return last;
}

/* The blanks before @offset on its line. */
static char *
indentation_at (BylineFrontMatter *self,
                gsize              offset)
{
  gsize start = offset;

  while (start > self->layout.yaml_start && (self->text[start - 1] == ' ' ||
                                             self->text[start - 1] == '\t'))
    start--;
  if (start > self->layout.yaml_start && self->text[start - 1] != '\n')
    return g_strdup ("  ");
  return g_strndup (self->text + start, offset - start);
}

static BylineTextPatch *
insert_entry (BylineFrontMatter  *self,
              const char         *key,
              const char         *value_text,
              const char * const *key_order)
{
  BylineEntryData *after = insertion_point (self, key, key_order);
  g_autoptr(GString) out = g_string_new (NULL);

  if (is_toml (self))
    {
      gsize at = after != NULL ? after->pub.lines_span.end : self->layout.yaml_start;

      /* An entry on the block's last line may end without its newline. */
      if (at > self->layout.yaml_start && self->text[at - 1] != '\n')
        g_string_append (out, newline (self));
      append_key (self, out, key);
      g_string_append (out, " = ");
      g_string_append (out, value_text);
      if (out->str[0] != '\n' && out->str[0] != '\r')
        g_string_append (out, newline (self));
      return byline_text_patch_new (at, 0, out->str);
    }

  if (after == NULL)
    {
      /* An empty object: the key goes inside its braces. */
      append_key (self, out, key);
      g_string_append (out, ": ");
      g_string_append (out, value_text);
      return byline_text_patch_new (self->layout.yaml_start + 1, 0, out->str);
    }
  else
    {
      g_autofree char *indent = indentation_at (self, after->pub.key_span.start);
      /* A one-line object stays on one line. */
      gboolean same_line = after->pub.key_span.line == self->layout.yaml_first_line;

      g_string_append_c (out, ',');
      if (same_line)
        g_string_append_c (out, ' ');
      else
        {
          g_string_append (out, newline (self));
          g_string_append (out, indent);
        }
      append_key (self, out, key);
      g_string_append (out, ": ");
      g_string_append (out, value_text);
      return byline_text_patch_new (after->pub.value_span.end, 0, out->str);
    }
}

BylineTextPatch *
byline_front_matter_data_set_value (BylineFrontMatter  *self,
                                    const char         *key,
                                    const char         *value,
                                    gboolean            typed,
                                    const char * const *key_order)
{
  BylineEntryData *entry = byline_front_matter_find_entry (self, key);
  g_autoptr(GString) out = g_string_new (NULL);

  append_value (self, out, value, typed);
  if (entry == NULL)
    return insert_entry (self, key, out->str, key_order);
  return byline_text_patch_new (entry->pub.value_span.start,
                                entry->pub.value_span.end - entry->pub.value_span.start,
                                out->str);
}

BylineTextPatch *
byline_front_matter_data_set_strv (BylineFrontMatter  *self,
                                   const char         *key,
                                   const char * const *values,
                                   const char * const *key_order)
{
  BylineEntryData *entry = byline_front_matter_find_entry (self, key);
  g_autoptr(GString) out = g_string_new ("[");

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      append_quoted (out, values[i]);
    }
  g_string_append_c (out, ']');

  if (entry == NULL)
    return insert_entry (self, key, out->str, key_order);
  return byline_text_patch_new (entry->pub.value_span.start,
                                entry->pub.value_span.end - entry->pub.value_span.start,
                                out->str);
}

static gsize
skip_blanks_back (BylineFrontMatter *self,
                  gsize              offset)
{
  while (offset > self->layout.yaml_start && g_ascii_isspace (self->text[offset - 1]))
    offset--;
  return offset;
}

BylineTextPatch *
byline_front_matter_data_remove (BylineFrontMatter *self,
                                 const char        *key)
{
  BylineEntryData *entry = byline_front_matter_find_entry (self, key);
  guint index;
  gsize start, end;

  if (entry == NULL || !g_ptr_array_find (self->entries, entry, &index))
    return NULL;

  if (is_toml (self))
    return byline_text_patch_new (entry->pub.lines_span.start,
                                  entry->pub.lines_span.end - entry->pub.lines_span.start, "");

  if (index + 1 < self->entries->len)
    {
      /* "key": value, and what separates it from the next key. */
      BylineEntryData *next = g_ptr_array_index (self->entries, index + 1);

      start = entry->pub.key_span.start;
      end = next->pub.key_span.start;
    }
  else if (index > 0)
    {
      /* The last key: from the end of the value before it, comma included. */
      BylineEntryData *previous = g_ptr_array_index (self->entries, index - 1);

      start = previous->pub.value_span.end;
      end = entry->pub.value_span.end;
    }
  else
    {
      start = entry->pub.key_span.start;
      end = entry->pub.value_span.end;
      start = MAX (skip_blanks_back (self, start), self->layout.yaml_start + 1);
    }
  return byline_text_patch_new (start, end - start, "");
}
