/* byline-goldmark-attributes.c — Markdown attributes and heading ids
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The attribute syntax is Goldmark's (parser/attribute.go); the ids are
 * Hugo's (markup/goldmark/autoid.go): the "github" and "github-ascii"
 * sanitizers, Blackfriday's, and the -1, -2 suffixes of duplicates.
 */

#define G_LOG_DOMAIN "byline-goldmark"

#include "config.h"

#include "byline-goldmark-private.h"

#include <string.h>

/* Attribute lists */

void
byline_goldmark_attr_free (gpointer data)
{
  Attr *attr = data;

  g_free (attr->name);
  g_free (attr->value);
  g_free (attr);
}

static Attr *
attr_new (const char *name,
          gssize      name_len,
          AttrType    type,
          char       *value)
{
  Attr *attr = g_new0 (Attr, 1);

  attr->name = g_strndup (name, name_len < 0 ? strlen (name) : (gsize) name_len);
  attr->type = type;
  attr->value = value;

  return attr;
}

const Attr *
byline_goldmark_attrs_find (GPtrArray  *attrs,
                            const char *name)
{
  if (attrs == NULL)
    return NULL;

  for (guint i = 0; i < attrs->len; i++)
    {
      const Attr *attr = g_ptr_array_index (attrs, i);

      if (strcmp (attr->name, name) == 0)
        return attr;
    }

  return NULL;
}

void
byline_goldmark_attrs_set (GPtrArray  *attrs,
                           const Attr *attr,
                           gboolean    keep)
{
  for (guint i = 0; i < attrs->len; i++)
    {
      Attr *old = g_ptr_array_index (attrs, i);

      if (strcmp (old->name, attr->name) == 0)
        {
          if (keep)
            return;
          g_free (old->value);
          old->type = attr->type;
          old->value = g_strdup (attr->value);
          return;
        }
    }

  g_ptr_array_add (attrs, attr_new (attr->name, -1, attr->type, g_strdup (attr->value)));
}

/* Parsing, after Goldmark's parser/attribute.go */

/* Values nest ({a={b=[1]}}); deeper than this is no attribute list, so
 * that hostile nesting costs no stack. */
#define MAX_NESTING 16

typedef struct
{
  const char *text;
  gsize       length;
  gsize       pos;
  guint       depth;
} Reader;

static inline int
peek (Reader *r)
{
  return r->pos < r->length ? (guchar) r->text[r->pos] : -1;
}

static inline gboolean
is_space (int c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

static inline gboolean
is_punct (int c)
{
  return c >= 0 && c < 128 && g_ascii_ispunct (c);
}

static void
skip_spaces (Reader *r)
{
  while (is_space (peek (r)))
    r->pos++;
}

static gboolean
is_name_start (int c)
{
  return g_ascii_isalpha (c) || c == '_' || c == ':';
}

static gboolean
is_name_char (int c)
{
  return g_ascii_isalnum (c) || c == '_' || c == ':' || c == '.' || c == '-';
}

static gsize
scan_name (Reader *r)
{
  gsize start = r->pos;

  if (!is_name_start (peek (r)))
    return 0;
  while (is_name_char (peek (r)))
    r->pos++;

  return r->pos - start;
}

/* strconv.FormatFloat (f, 'f', -1, 64), which cast.ToString uses. */
static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == (double) (gint64) value && value > -1e15 && value < 1e15)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);

  return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
}

static gboolean parse_list (Reader *r, GPtrArray *attrs);
static gboolean parse_value (Reader *r, AttrType *type, char **value);

static gboolean
parse_string (Reader   *r,
              char    **value)
{
  GString *buffer = g_string_new (NULL);

  r->pos++;
  while (r->pos < r->length && r->text[r->pos] != '\n')
    {
      char c = r->text[r->pos];

      if (c == '\\' && r->pos + 1 < r->length && r->text[r->pos + 1] != '\n')
        {
          static const char escapes[] = "\"\"//\\\\b\bf\fn\nr\rt\t";
          const char *e = NULL;

          for (guint i = 0; escapes[i] != '\0'; i += 2)
            if (escapes[i] == r->text[r->pos + 1])
              e = escapes + i;

          if (e != NULL)
            {
              g_string_append_c (buffer, e[1]);
              r->pos += 2;
            }
          else
            {
              g_string_append_c (buffer, '\\');
              r->pos++;
            }
          continue;
        }

      if (c == '"')
        {
          r->pos++;
          *value = g_string_free (buffer, FALSE);
          return TRUE;
        }

      g_string_append_c (buffer, c);
      r->pos++;
    }

  g_string_free (buffer, TRUE);
  return FALSE;
}

static gboolean
parse_number (Reader  *r,
              char   **value)
{
  GString *buffer = g_string_new (NULL);
  char *end;
  double number;

  if (peek (r) == '-' || peek (r) == '+')
    g_string_append_c (buffer, r->text[r->pos++]);
  if (!g_ascii_isdigit (peek (r)))
    {
      g_string_free (buffer, TRUE);
      return FALSE;
    }
  while (g_ascii_isdigit (peek (r)))
    g_string_append_c (buffer, r->text[r->pos++]);
  if (peek (r) == '.')
    {
      g_string_append_c (buffer, r->text[r->pos++]);
      while (g_ascii_isdigit (peek (r)))
        g_string_append_c (buffer, r->text[r->pos++]);
    }
  if (peek (r) == 'e' || peek (r) == 'E')
    {
      g_string_append_c (buffer, r->text[r->pos++]);
      if (peek (r) == '-' || peek (r) == '+')
        g_string_append_c (buffer, r->text[r->pos++]);
      while (g_ascii_isdigit (peek (r)))
        g_string_append_c (buffer, r->text[r->pos++]);
    }

  number = g_ascii_strtod (buffer->str, &end);
  if (*end != '\0')
    {
      g_string_free (buffer, TRUE);
      return FALSE;
    }

  g_string_free (buffer, TRUE);
  *value = format_number (number);
  return TRUE;
}

static gboolean
parse_array (Reader  *r,
             char   **value)
{
  GString *joined = g_string_new (NULL);

  r->pos++;
  for (guint i = 0;; i++)
    {
      int c = peek (r);
      gboolean comma = FALSE;
      AttrType type;
      char *item = NULL;

      if (i != 0 && c == ',')
        {
          r->pos++;
          comma = TRUE;
        }
      if (c == ']')
        {
          if (comma)
            break;
          r->pos++;
          *value = g_string_free (joined, FALSE);
          return TRUE;
        }

      skip_spaces (r);
      if (!parse_value (r, &type, &item))
        {
          g_free (item);
          break;
        }
      if (joined->len > 0)
        g_string_append (joined, ", ");
      g_string_append (joined, item);
      g_free (item);
      skip_spaces (r);
    }

  g_string_free (joined, TRUE);
  return FALSE;
}

static gboolean
parse_value (Reader    *r,
             AttrType  *type,
             char     **value)
{
  int c;

  skip_spaces (r);
  c = peek (r);
  *value = NULL;

  if (c < 0)
    return FALSE;

  if ((c == '{' || c == '[') && r->depth >= MAX_NESTING)
    return FALSE;

  if (c == '{')
    {
      g_autoptr(GPtrArray) map = g_ptr_array_new_with_free_func (byline_goldmark_attr_free);
      gboolean ok;

      *type = ATTR_MAP;
      *value = g_strdup ("");
      r->depth++;
      ok = parse_list (r, map);
      r->depth--;
      return ok;
    }

  if (c == '[')
    {
      gboolean ok;

      *type = ATTR_ARRAY;
      r->depth++;
      ok = parse_array (r, value);
      r->depth--;
      return ok;
    }

  if (c == '"')
    {
      *type = ATTR_STRING;
      return parse_string (r, value);
    }

  if (c == '-' || c == '+' || g_ascii_isdigit (c))
    {
      *type = ATTR_NUMBER;
      return parse_number (r, value);
    }

  {
    gsize start = r->pos;
    gsize len = scan_name (r);

    if (len == 0)
      return FALSE;

    if (len == 4 && memcmp (r->text + start, "true", 4) == 0)
      *type = ATTR_BOOL;
    else if (len == 5 && memcmp (r->text + start, "false", 5) == 0)
      *type = ATTR_BOOL;
    else if (len == 4 && memcmp (r->text + start, "null", 4) == 0)
      *type = ATTR_NULL;
    else
      *type = ATTR_STRING;

    *value = *type == ATTR_NULL ? g_strdup ("") : g_strndup (r->text + start, len);
    return TRUE;
  }
}

static gboolean
parse_attribute (Reader    *r,
                 GPtrArray *attrs)
{
  const char *name;
  gsize name_start;
  gsize name_len;
  AttrType type;
  char *value;
  int c;

  skip_spaces (r);
  c = peek (r);

  if (c == '#' || c == '.')
    {
      gsize start = ++r->pos;

      /* Goldmark keeps ids and classes to XHTML's characters. */
      while (r->pos < r->length && !is_space ((guchar) r->text[r->pos]) &&
             (!is_punct ((guchar) r->text[r->pos]) || strchr ("_-:.", r->text[r->pos]) != NULL))
        r->pos++;

      value = g_strndup (r->text + start, r->pos - start);
      name = c == '#' ? "id" : "class";
      name_len = strlen (name);
      type = ATTR_STRING;
    }
  else
    {
      name_start = r->pos;
      name_len = scan_name (r);
      if (name_len == 0)
        return FALSE;
      name = r->text + name_start;

      skip_spaces (r);
      if (peek (r) != '=')
        return FALSE;
      r->pos++;
      skip_spaces (r);

      if (!parse_value (r, &type, &value))
        {
          g_free (value);
          return FALSE;
        }
      if (name_len == 5 && memcmp (name, "class", 5) == 0 && type != ATTR_STRING)
        {
          g_free (value);
          return FALSE;
        }
    }

  /* Classes add up; anything else is appended as it comes. */
  if (name_len == 5 && memcmp (name, "class", 5) == 0)
    {
      for (guint i = 0; i < attrs->len; i++)
        {
          Attr *old = g_ptr_array_index (attrs, i);

          if (strcmp (old->name, "class") == 0)
            {
              char *joined = g_strconcat (old->value, " ", value, NULL);

              g_free (old->value);
              old->value = joined;
              g_free (value);
              return TRUE;
            }
        }
    }

  g_ptr_array_add (attrs, attr_new (name, name_len, type, value));
  return TRUE;
}

static gboolean
parse_list (Reader    *r,
            GPtrArray *attrs)
{
  skip_spaces (r);
  if (peek (r) != '{')
    return FALSE;
  r->pos++;

  for (;;)
    {
      if (peek (r) == '}')
        {
          r->pos++;
          return TRUE;
        }
      if (!parse_attribute (r, attrs))
        return FALSE;
      skip_spaces (r);
      if (peek (r) == ',')
        {
          r->pos++;
          skip_spaces (r);
        }
    }
}

gsize
byline_goldmark_parse_attrs (const char *text,
                             gsize       length,
                             GPtrArray  *attrs)
{
  Reader r = { text, length, 0, 0 };
  guint before = attrs->len;

  if (parse_list (&r, attrs))
    return r.pos;

  g_ptr_array_remove_range (attrs, before, attrs->len - before);
  return 0;
}

/* Writing */

#define GLOBAL_FILTER \
  "accesskey,autocapitalize,autofocus,class,contenteditable,dir,draggable,enterkeyhint," \
  "hidden,id,inert,inputmode,is,itemid,itemprop,itemref,itemscope,itemtype,lang,part,role," \
  "slot,spellcheck,style,tabindex,title,translate"

static gboolean
filter_contains (const char *filter,
                 const char *name)
{
  gsize len = strlen (name);

  if (g_str_has_prefix (name, "data-"))
    return TRUE;

  for (const char *lists[] = { GLOBAL_FILTER, filter }, **list = lists; list < lists + 2; list++)
    for (const char *p = *list; p != NULL && *p != '\0';)
      {
        const char *comma = strchr (p, ',');
        gsize item = comma != NULL ? (gsize) (comma - p) : strlen (p);

        if (item == len && memcmp (p, name, len) == 0)
          return TRUE;
        p = comma != NULL ? comma + 1 : p + item;
      }

  return FALSE;
}

void
byline_goldmark_write_attrs (GString    *out,
                             GPtrArray  *attrs,
                             const char *filter)
{
  if (attrs == NULL)
    return;

  for (guint i = 0; i < attrs->len; i++)
    {
      const Attr *attr = g_ptr_array_index (attrs, i);

      if (filter == NULL)
        {
          /* Hugo's RenderASTAttributes: no event handlers, values as
           * cast.ToString prints them. */
          if (g_ascii_strncasecmp (attr->name, "on", 2) == 0)
            continue;
          g_string_append_printf (out, " %s=\"", attr->name);
          if (attr->type == ATTR_STRING)
            byline_goldmark_escape (out, attr->value, -1);
          else if (attr->type == ATTR_NUMBER || attr->type == ATTR_BOOL)
            g_string_append (out, attr->value);
          g_string_append_c (out, '"');
          continue;
        }

      /* Goldmark's RenderAttributes: the element's attributes and data-*,
       * and only strings have a value. */
      if (!filter_contains (filter, attr->name))
        continue;
      g_string_append_printf (out, " %s=\"", attr->name);
      if (attr->type == ATTR_STRING)
        byline_goldmark_escape (out, attr->value, -1);
      g_string_append_c (out, '"');
    }
}

/* Chroma's options, which Hugo hands to code block hooks as .Options. */
static gboolean
is_chroma_option (const char *name)
{
  static const char * const names[] = {
    "anchorlinenos", "guesssyntax", "hl_lines", "hl_inline", "lineanchors", "linenos",
    "linenostart", "linenumbersintable", "noclasses", "style", "tabwidth",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return TRUE;

  return FALSE;
}

BylineGoldmarkAttribute *
byline_goldmark_hook_attrs (GPtrArray                *attrs,
                            guint                    *n,
                            BylineGoldmarkAttribute **options,
                            guint                    *n_options)
{
  BylineGoldmarkAttribute *list;
  guint len = attrs != NULL ? attrs->len : 0;

  list = g_new0 (BylineGoldmarkAttribute, len + 1);
  *n = 0;
  if (options != NULL)
    {
      *options = g_new0 (BylineGoldmarkAttribute, len + 1);
      *n_options = 0;
    }

  for (guint i = 0; i < len; i++)
    {
      const Attr *attr = g_ptr_array_index (attrs, i);

      /* Hugo drops event handlers from what hooks see. */
      if (g_ascii_strncasecmp (attr->name, "on", 2) == 0)
        continue;

      if (options != NULL && is_chroma_option (attr->name))
        {
          (*options)[*n_options].name = attr->name;
          (*options)[(*n_options)++].value = attr->value;
        }
      else
        {
          list[*n].name = attr->name;
          list[(*n)++].value = attr->value;
        }
    }

  return list;
}

/* Ids */

static gboolean
is_github_char (gunichar c)
{
  return c == '_' || g_unichar_isalpha (c) || g_unichar_isdigit (c);
}

static gboolean
is_number (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_DECIMAL_NUMBER || type == G_UNICODE_LETTER_NUMBER ||
         type == G_UNICODE_OTHER_NUMBER;
}

/* Hugo's text.RemoveAccents: NFD, drop the non-spacing marks, NFC. */
static char *
remove_accents (const char *text)
{
  g_autofree char *nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  GString *kept = g_string_new (NULL);

  for (const char *p = nfd; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (kept, c);
    }

  {
    char *nfc = g_utf8_normalize (kept->str, -1, G_NORMALIZE_NFC);

    g_string_free (kept, TRUE);
    return nfc;
  }
}

static void
sanitize (GString             *out,
          const char          *text,
          BylineGoldmarkIdType type)
{
  g_autofree char *unaccented = NULL;
  const char *end;

  if (type == BYLINE_GOLDMARK_ID_BLACKFRIDAY)
    {
      gboolean dash = FALSE;

      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isalpha (c) || is_number (c))
            {
              if (dash && out->len > 0)
                g_string_append_c (out, '-');
              dash = FALSE;
              g_string_append_unichar (out, g_unichar_tolower (c));
            }
          else
            dash = TRUE;
        }
      return;
    }

  if (type == BYLINE_GOLDMARK_ID_GITHUB_ASCII)
    text = unaccented = remove_accents (text);

  /* bytes.TrimSpace, then spaces and hyphens become hyphens and letters,
   * digits and underscores stay, lower-cased. */
  while (*text != '\0' && g_unichar_isspace (g_utf8_get_char (text)))
    text = g_utf8_next_char (text);
  end = text + strlen (text);
  while (end > text)
    {
      const char *prev = g_utf8_find_prev_char (text, end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (type == BYLINE_GOLDMARK_ID_GITHUB_ASCII && c >= 0x80)
        continue;
      if (c == '-' || c == ' ')
        g_string_append_c (out, '-');
      else if (is_github_char (c))
        g_string_append_unichar (out, g_unichar_tolower (c));
    }
}

char *
byline_goldmark_anchorize (const char           *text,
                           BylineGoldmarkIdType  type)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  if (g_utf8_validate (text, -1, NULL))
    sanitize (out, text, type);

  return g_string_free (out, FALSE);
}

void
byline_goldmark_use_id (BylineGoldmark *self,
                        const char     *id)
{
  g_hash_table_add (self->ids, g_strdup (id));
  g_ptr_array_add (self->id_list, g_strdup (id));
}

char *
byline_goldmark_make_id (BylineGoldmark *self,
                         const char     *text,
                         const char     *fallback)
{
  GString *id = g_string_new (NULL);
  gsize base;

  if (g_utf8_validate (text, -1, NULL))
    sanitize (id, text, self->settings->auto_id_type);
  if (id->len == 0)
    g_string_append (id, fallback);

  if (g_hash_table_contains (self->ids, id->str))
    {
      /* The first free suffix only grows, as ids are never given back:
       * start from the last one, so that many equal headings cost no more
       * than different ones. */
      guint next = GPOINTER_TO_UINT (g_hash_table_lookup (self->id_suffixes, id->str));
      char *key = g_strdup (id->str);

      g_string_append_c (id, '-');
      base = id->len;
      for (guint i = MAX (next, 1);; i++)
        {
          g_string_append_printf (id, "%u", i);
          if (!g_hash_table_contains (self->ids, id->str))
            {
              g_hash_table_insert (self->id_suffixes, key, GUINT_TO_POINTER (i + 1));
              break;
            }
          g_string_truncate (id, base);
        }
    }

  byline_goldmark_use_id (self, id->str);

  return g_string_free (id, FALSE);
}
