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

void
byline_yaml_escape_append (GString    *out,
                           const char *value)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (value != NULL);

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
}

static void
append_double_quoted (GString    *out,
                      const char *value)
{
  g_string_append_c (out, '"');
  byline_yaml_escape_append (out, value);
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
               BylineEntryData             *entry,
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
                BylineEntryData             *entry)
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
  BylineEntryData *first = self->entries->len > 0 ? g_ptr_array_index (self->entries, 0) : NULL;
  BylineEntryData *after = NULL;
  gsize offset;

  /* One line cannot be added to a {flow} mapping without rewriting it. */
  if (self->flow_root)
    return NULL;

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
             BylineEntryData             *entry,
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
  BylineEntryData *entry;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  entry = byline_front_matter_find_entry (self, key);
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
  BylineEntryData *entry;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (yaml_scalar != NULL, NULL);

  entry = byline_front_matter_find_entry (self, key);
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
  BylineEntryData *entry;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (values == NULL)
    values = empty;

  entry = byline_front_matter_find_entry (self, key);

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
  BylineEntryData *entry;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  entry = byline_front_matter_find_entry (self, key);
  if (entry == NULL || self->flow_root)
    return NULL;
  return replace (entry->pub.lines_span.start, entry->pub.lines_span.end, "");
}

gboolean
byline_front_matter_can_edit (BylineFrontMatter  *self,
                              const char         *key,
                              gboolean            remove,
                              GError            **error)
{
  BylineEntryData *entry;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  entry = byline_front_matter_find_entry (self, key);
  if (self->flow_root && (remove || entry == NULL))
    {
      g_set_error_literal (error, BYLINE_FRONT_MATTER_ERROR, BYLINE_FRONT_MATTER_ERROR_CANNOT_EDIT,
                           _("The front matter is one “{…}” mapping, where a key cannot be "
                             "added or removed on its own line: edit it in the text"));
      return FALSE;
    }
  return TRUE;
}
