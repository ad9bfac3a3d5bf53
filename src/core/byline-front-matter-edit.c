/* byline-front-matter-edit.c — edits of the front matter as text patches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-front-matter"

#include "config.h"

#include "byline-front-matter.h"
#include "byline-front-matter-private.h"

#include <glib/gi18n-lib.h>

#include <string.h>

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

/* A new value keeps the anchor of the old one, which aliases may use; a
 * tag goes, since it typed what was there before. */
static GString *
value_with_anchor (BylineEntryData *entry,
                   const char      *text)
{
  GString *out = g_string_new (NULL);

  if (entry->anchor != NULL)
    g_string_append_printf (out, "&%s ", entry->anchor);
  g_string_append (out, text);
  return out;
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

/* Writes the value of a key that has no colon: "{a}" or "? a". */
static BylineTextPatch *
add_colon (BylineFrontMatter *self,
           BylineEntryData   *entry,
           const char        *value)
{
  gsize key_start = entry->pub.key_span.start;
  gsize question = key_start;
  gsize line_start;
  g_autofree char *text = NULL;

  /* Back to the "?" of an explicit key, on the key's line or alone on a
   * line above it. */
  while (question > self->layout.yaml_start &&
         strchr (" \t\r\n", self->text[question - 1]) != NULL)
    question--;
  line_start = question > self->layout.yaml_start
               ? byline_yaml_line_start (self->text, self->layout.yaml_start, question - 1)
               : question;

  /* After an explicit "? key" of a block mapping, "key: value" would be a
   * mapping as the key: the ": value" line goes below, under the "?". */
  if (!self->flow_root && question > line_start && self->text[question - 1] == '?' &&
      only_chars (self->text, line_start, question - 1, " "))
    text = g_strdup_printf ("%s%.*s: %s", newline (self), (int) (question - 1 - line_start),
                            self->text + line_start, value);
  else
    text = g_strdup_printf (": %s", value);

  /* The value is empty (its mark may lie on a later line): insert. */
  return replace (entry->pub.key_span.end, entry->pub.key_span.end, text);
}

/* Replaces an entry's value by @text, a value that fits on the key's line. */
static BylineTextPatch *
replace_value (BylineFrontMatter *self,
               BylineEntryData   *entry,
               const char        *text)
{
  const BylineSpan *span = &entry->pub.value_span;
  g_autoptr(GString) value = value_with_anchor (entry, text);
  gsize start, end;

  if (!entry->has_colon)
    return add_colon (self, entry, value->str);

  if (span->end > span->start && span->line == entry->pub.key_span.line &&
      (entry->pub.kind == BYLINE_VALUE_SCALAR || entry->pub.kind == BYLINE_VALUE_ALIAS ||
       entry->pub.flow))
    return replace (span->start, span->end, value->str);

  /* An empty value or one on the lines below: write it after the colon. */
  start = entry->colon_end;
  end = MAX (span->end, start);
  if (span->end == span->start)
    {
      gsize p = end;

      while (p < self->layout.yaml_end && (self->text[p] == ' ' || self->text[p] == '\t'))
        p++;
      if (p == self->layout.yaml_end ||
          byline_yaml_break_at (self->text, p, self->layout.yaml_end) > 0)
        end = p;
    }
  g_string_prepend_c (value, ' ');
  return replace (start, end, value->str);
}

/* The separator between the first two items of a one-line flow list,
 * such as "," or ", ", or NULL. */
static char *
flow_separator (BylineFrontMatter *self,
                BylineEntryData   *entry)
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
      byline_yaml_append_scalar (out, values[i], style, TRUE);
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
  BylineEntryData *first = self->entries->len > 0 ? g_ptr_array_index (self->entries, 0) : NULL;
  BylineEntryData *after = NULL;
  g_autofree char *indent = NULL;
  gsize offset;

  if (key_order != NULL && g_strv_contains (key_order, key))
    {
      for (guint i = 0; key_order[i] != NULL && g_strcmp0 (key_order[i], key) != 0; i++)
        {
          BylineEntryData *entry = byline_front_matter_find_entry (self, key_order[i]);

          if (entry != NULL &&
              (after == NULL || entry->pub.key_span.start > after->pub.key_span.start))
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

  /* Keep the indentation of the existing keys. libyaml skips a BOM at the
   * start of a line but counts it as a column: a space stands for it. */
  indent = g_strdup ("");
  if (first != NULL)
    {
      g_autoptr(GString) spaces = g_string_new (NULL);
      gsize p = first->pub.lines_span.start;

      while (p < first->pub.key_span.start)
        {
          if (self->text[p] == ' ')
            p++;
          else if (g_str_has_prefix (self->text + p, "\xEF\xBB\xBF"))
            p += 3;
          else
            break;
          g_string_append_c (spaces, ' ');
        }
      if (p == first->pub.key_span.start)
        {
          g_free (indent);
          indent = g_string_free (g_steal_pointer (&spaces), FALSE);
        }
    }
  g_string_append (line, indent);

  /* The last line of the YAML may lack its line break only when nothing
   * follows; give the new line one either way. */
  if (!byline_yaml_line_starts_at (self->text, self->layout.yaml_start, offset))
    g_string_prepend (line, newline (self));

  {
    g_autoptr(GString) written = g_string_new (NULL);

    if (byline_yaml_is_plain_safe (key, FALSE))
      g_string_append (written, key);
    else
      byline_yaml_append_double_quoted (written, key);

    /* YAML limits a key without "?" to 1024 characters. */
    if (g_utf8_strlen (written->str, -1) > 1000)
      g_string_append_printf (line, "? %s%s%s", written->str, newline (self), indent);
    else
      g_string_append (line, written->str);
  }
  g_string_append (line, ": ");
  g_string_append (line, value_text);

  /* After a line that ends in a CR, NEL, LS or PS alone, the new line ends
   * the same way: the post's layout reads lines ending in line feeds, and a
   * line feed here would put what follows at the start of a line. */
  {
    gsize p = offset;

    if (offset > self->layout.yaml_start && self->text[offset - 1] != '\n' &&
        byline_yaml_line_starts_at (self->text, self->layout.yaml_start, offset))
      {
        p = byline_yaml_line_start (self->text, self->layout.yaml_start, offset - 1);
        while (byline_yaml_break_at (self->text, p, offset) == 0)
          p++;
        g_string_append_len (line, self->text + p, offset - p);
      }
    else
      g_string_append (line, newline (self));
  }

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
  if (byline_yaml_has_control (value, TRUE))
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
             BylineEntryData   *entry,
             const char        *value)
{
  g_autoptr(GString) out = NULL;
  g_auto(GStrv) lines = NULL;
  const BylineSpan *span = &entry->pub.value_span;
  gsize len = strlen (value);
  gboolean clip = value[len - 1] == '\n';
  g_autofree char *indent = NULL;
  gsize p;
  guint n;

  /* Re-indent like the block's first line, or two spaces past the key. */
  p = byline_yaml_line_end (self->text, entry->content_start, span->end);
  if (p < span->end)
    {
      gsize q = p;

      while (q < span->end && self->text[q] == ' ')
        q++;
      indent = g_strndup (self->text + p, q - p);
    }
  if (indent == NULL || indent[0] == '\0' || strlen (indent) <= entry->pub.key_span.column - 1)
    {
      g_free (indent);
      indent = g_strnfill (entry->pub.key_span.column + 1, ' ');
    }

  out = value_with_anchor (entry, entry->pub.style == BYLINE_SCALAR_FOLDED ? ">" : "|");
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
  BylineEntryData *entry;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  if (!byline_front_matter_can_edit (self, key, FALSE, NULL))
    return NULL;

  entry = byline_front_matter_find_entry (self, key);
  if (entry == NULL)
    {
      byline_yaml_append_scalar (out, value, BYLINE_SCALAR_PLAIN, FALSE);
      return insert_entry (self, key, out->str, key_order);
    }

  if (entry->pub.kind == BYLINE_VALUE_SCALAR &&
      (entry->pub.style == BYLINE_SCALAR_LITERAL || entry->pub.style == BYLINE_SCALAR_FOLDED) &&
      entry->has_colon && block_fits (value, entry->pub.style))
    return write_block (self, entry, value);

  byline_yaml_append_scalar (out, value,
                 entry->pub.kind == BYLINE_VALUE_SCALAR ? entry->pub.style : BYLINE_SCALAR_PLAIN,
                 self->flow_root);
  return replace_value (self, entry, out->str);
}

BylineTextPatch *
byline_front_matter_set_plain (BylineFrontMatter  *self,
                               const char         *key,
                               const char         *yaml_scalar,
                               const char * const *key_order)
{
  BylineEntryData *entry;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (yaml_scalar != NULL, NULL);

  if (!byline_front_matter_can_edit (self, key, FALSE, NULL))
    return NULL;

  entry = byline_front_matter_find_entry (self, key);
  if (entry == NULL)
    return insert_entry (self, key, yaml_scalar, key_order);
  return replace_value (self, entry, yaml_scalar);
}

/* Rewrites a block list, one item a line, each with the first item's
 * "  - "; NULL when the list is not written in a way this can follow. */
static BylineTextPatch *
write_block_list (BylineFrontMatter  *self,
                  BylineEntryData    *entry,
                  const char * const *values)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const BylineSpan *first = &entry->pub.item_spans[0];
  gsize dash = entry->content_start;
  gsize line_start;
  g_autofree char *prefix = NULL;

  if (dash >= self->layout.yaml_end || self->text[dash] != '-')
    return NULL;
  line_start = byline_yaml_line_start (self->text, self->layout.yaml_start, dash);
  if (!only_chars (self->text, line_start, dash, " "))
    return NULL;

  /* "  - item", or "  -" alone above the item, or "  - " with no item. */
  if (first->start > dash + 1 && only_chars (self->text, dash + 1, first->start, " "))
    prefix = g_strndup (self->text + line_start, first->start - line_start);
  else
    prefix = g_strdup_printf ("%.*s- ", (int) (dash - line_start), self->text + line_start);

  for (guint i = 0; values[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, newline (self));
      g_string_append (out, prefix);
      byline_yaml_append_scalar (out, values[i], entry->pub.style, FALSE);
    }
  return replace (line_start, MAX (entry->pub.value_span.end, dash + 1), out->str);
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
  BylineEntryData *entry;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (values == NULL)
    values = empty;

  if (!byline_front_matter_can_edit (self, key, FALSE, NULL))
    return NULL;

  entry = byline_front_matter_find_entry (self, key);

  if (entry != NULL && entry->pub.kind == BYLINE_VALUE_SEQUENCE && entry->pub.flow)
    {
      const BylineSpan *span = &entry->pub.value_span;
      gsize open = entry->content_start;
      g_autofree char *open_pad = NULL;
      g_autofree char *close_pad = NULL;
      g_autoptr(GString) value = NULL;

      separator = flow_separator (self, entry);
      if (separator == NULL)
        separator = document_separator (self);

      /* Keep "[ a, b ]" padding as found. */
      if (entry->pub.n_items > 0)
        {
          gsize first = entry->pub.item_spans[0].start;
          gsize last = entry->pub.item_spans[entry->pub.n_items - 1].end;

          if (first > open && only_chars (self->text, open + 1, first, " "))
            open_pad = g_strndup (self->text + open + 1, first - open - 1);
          if (last < span->end && only_chars (self->text, last, span->end - 1, " "))
            close_pad = g_strndup (self->text + last, span->end - 1 - last);
        }

      append_flow_list (out, values, entry->pub.style, separator,
                        open_pad != NULL ? open_pad : "", close_pad != NULL ? close_pad : "");
      value = value_with_anchor (entry, out->str);
      return replace (span->start, span->end, value->str);
    }

  if (entry != NULL && entry->pub.kind == BYLINE_VALUE_SEQUENCE && values[0] != NULL &&
      entry->pub.n_items > 0)
    {
      BylineTextPatch *patch = write_block_list (self, entry, values);

      if (patch != NULL)
        return patch;
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

/* The end of the last line of [start, end), which ends with a line break,
 * before that break. */
static gsize
last_line_end (BylineFrontMatter *self,
               gsize              start,
               gsize              end)
{
  gsize p = byline_yaml_line_start (self->text, start, end - 1);

  while (p < end && byline_yaml_break_at (self->text, p, end) == 0)
    p++;
  return p;
}

BylineTextPatch *
byline_front_matter_remove (BylineFrontMatter *self,
                            const char        *key)
{
  BylineEntryData *entry;
  gsize start, end;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  entry = byline_front_matter_find_entry (self, key);
  if (entry == NULL || !byline_front_matter_can_edit (self, key, TRUE, NULL))
    return NULL;

  start = entry->pub.lines_span.start;
  end = entry->pub.lines_span.end;

  /* The post's layout reads lines ending in line feeds only. Where the
   * entry's lines start after one but end after another YAML line break
   * (CR, NEL, LS, PS), or the other way round, a "---" after them would
   * move to or from the start of such a line, ending the front matter
   * early, or no more: the final break stays. */
  if (end > start && g_str_has_prefix (self->text + end, "---"))
    {
      gboolean starts_after_lf = start == self->layout.yaml_start || self->text[start - 1] == '\n';
      gboolean ends_after_lf = self->text[end - 1] == '\n';

      if (starts_after_lf != ends_after_lf)
        end = last_line_end (self, start, end);
    }

  return replace (start, end, "");
}

/* An anchor defined in [start, end) that an alias after @end uses, or NULL.
 * Anchors are in document order and each name knows its last alias, so
 * this costs the anchors in the range only. */
static const BylineYamlRef *
find_used_anchor (BylineFrontMatter    *self,
                  gsize                 start,
                  gsize                 end,
                  const BylineYamlRef **alias)
{
  guint lo = 0;
  guint hi = self->anchors->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->anchors, BylineYamlRef, mid).offset < start)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (guint i = lo; i < self->anchors->len; i++)
    {
      const BylineYamlRef *anchor = &g_array_index (self->anchors, BylineYamlRef, i);
      guint last;

      if (anchor->offset >= end)
        break;
      last = GPOINTER_TO_UINT (g_hash_table_lookup (self->last_alias, anchor->name));
      if (last > 0 && g_array_index (self->aliases, BylineYamlRef, last - 1).offset >= end)
        {
          *alias = &g_array_index (self->aliases, BylineYamlRef, last - 1);
          return anchor;
        }
    }
  return NULL;
}

gboolean
byline_front_matter_can_edit (BylineFrontMatter  *self,
                              const char         *key,
                              gboolean            remove,
                              GError            **error)
{
  BylineEntryData *entry;
  const BylineYamlRef *anchor;
  const BylineYamlRef *alias = NULL;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  entry = byline_front_matter_find_entry (self, key);
  if (entry == NULL && remove)
    return TRUE;

  if (self->flow_root && (remove || entry == NULL))
    {
      g_set_error_literal (error, BYLINE_FRONT_MATTER_ERROR, BYLINE_FRONT_MATTER_ERROR_CANNOT_EDIT,
                           _("The front matter is one “{…}” mapping, where a key cannot be "
                             "added or removed on its own line: edit it in the text"));
      return FALSE;
    }
  if (entry == NULL)
    return TRUE;

  /* Without its last key, the front matter would be the YAML document that
   * follows it in the block. */
  if (remove && self->more_documents && self->entries->len == 1)
    {
      g_set_error (error, BYLINE_FRONT_MATTER_ERROR, BYLINE_FRONT_MATTER_ERROR_CANNOT_EDIT,
                   _("“%s” is the only key before a second YAML document (a “---” line "
                     "inside the front matter): remove that document first"), key);
      return FALSE;
    }

  /* A value keeps its own anchor, but not the ones inside it; a removed
   * entry keeps none. */
  if (remove)
    anchor = find_used_anchor (self, entry->pub.lines_span.start, entry->pub.lines_span.end,
                               &alias);
  else
    anchor = find_used_anchor (self, entry->pub.value_span.start + 1, entry->pub.value_span.end,
                               &alias);
  if (anchor != NULL)
    {
      guint line;

      byline_line_index_locate (self->lines, alias->offset, &line, NULL);
      g_set_error (error, BYLINE_FRONT_MATTER_ERROR, BYLINE_FRONT_MATTER_ERROR_CANNOT_EDIT,
                   remove ? _("“%s” holds the anchor “&%s” that the alias “*%s” on line %u "
                              "uses: write that value in place of the alias first")
                          : _("The value of “%s” holds the anchor “&%s” that the alias “*%s” on "
                              "line %u uses: write that value in place of the alias first"),
                   key, anchor->name, alias->name, line);
      return FALSE;
    }

  return TRUE;
}
