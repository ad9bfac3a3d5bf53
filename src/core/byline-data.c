/* byline-data.c — the neutral value tree: nodes, builders, lookups, conversions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-data"

#include "config.h"

#include "byline-data.h"
#include "byline-data-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Maps with more entries than this get a hash index of their folded keys. */
#define INDEX_THRESHOLD 8

typedef struct
{
  char *key;
  char *folded;
  BylineSpan key_span;
  BylineData *value;
} Entry;

struct _BylineData
{
  gatomicrefcount ref_count;
  BylineDataKind kind;
  BylineDataStyle style;
  guint height;
  guint64 weight;
  const char *file_name;        /* interned */
  BylineSpan span;
  char *text;                   /* a string's value, another scalar's literal */
  union
  {
    gboolean b;
    gint64 i;
    double f;
    BylineDataDateTime dt;
    struct
    {
      GPtrArray *items;         /* BylineData* of a list, Entry* of a map */
      GHashTable *index;        /* folded key → last position + 1 */
    } c;
  } v;
};

G_DEFINE_BOXED_TYPE (BylineData, byline_data, byline_data_ref, byline_data_unref)

G_DEFINE_QUARK (byline-data-error-quark, byline_data_error)

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->key);
  g_free (entry->folded);
  byline_data_unref (entry->value);
  g_free (entry);
}

static BylineData *
data_new (BylineDataKind kind)
{
  BylineData *self = g_new0 (BylineData, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->weight = 1;
  if (kind == BYLINE_DATA_LIST)
    self->v.c.items = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_data_unref);
  else if (kind == BYLINE_DATA_MAP)
    self->v.c.items = g_ptr_array_new_with_free_func (entry_free);
  return self;
}

BylineData *
byline_data_ref (BylineData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
byline_data_unref (BylineData *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  /* Readers refuse trees deeper than BYLINE_DATA_MAX_DEPTH, so this
   * recursion through the children stays shallow. */
  if (self->kind == BYLINE_DATA_LIST || self->kind == BYLINE_DATA_MAP)
    {
      g_ptr_array_unref (self->v.c.items);
      g_clear_pointer (&self->v.c.index, g_hash_table_unref);
    }
  g_free (self->text);
  g_free (self);
}

/* Folding keys */

char *
byline_data_fold_key (const char *key)
{
  const char *p;

  g_return_val_if_fail (key != NULL, NULL);

  for (p = key; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return g_utf8_validate (key, -1, NULL) ? g_utf8_strdown (key, -1) : g_ascii_strdown (key, -1);
  return g_ascii_strdown (key, -1);
}

gboolean
byline_data_key_folds_to (const char *key,
                          const char *folded)
{
  const char *k = key, *f = folded;

  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (folded != NULL, FALSE);

  for (; *k != '\0' && (guchar) *k < 0x80; k++, f++)
    if (g_ascii_tolower (*k) != *f)
      return FALSE;
  if (*k == '\0')
    return *f == '\0';

  /* A key beyond ASCII folds as a whole. */
  {
    g_autofree char *key_folded = byline_data_fold_key (key);

    return strcmp (key_folded, folded) == 0;
  }
}

/* Builders */

BylineData *
byline_data_new_null (void)
{
  return data_new (BYLINE_DATA_NULL);
}

BylineData *
byline_data_new_bool (gboolean value)
{
  BylineData *self = data_new (BYLINE_DATA_BOOL);

  self->v.b = !!value;
  return self;
}

BylineData *
byline_data_new_int (gint64 value)
{
  BylineData *self = data_new (BYLINE_DATA_INT);

  self->v.i = value;
  return self;
}

BylineData *
byline_data_new_float (double value)
{
  BylineData *self = data_new (BYLINE_DATA_FLOAT);

  self->v.f = value;
  return self;
}

BylineData *
byline_data_new_string (const char *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  return byline_data_new_string_len (value, strlen (value));
}

BylineData *
byline_data_new_string_len (const char *value,
                            gsize       length)
{
  BylineData *self = data_new (BYLINE_DATA_STRING);

  self->text = g_strndup (value, length);
  return self;
}

BylineData *
byline_data_new_date_time (const BylineDataDateTime *value)
{
  BylineData *self = data_new (BYLINE_DATA_DATE_TIME);

  g_return_val_if_fail (value != NULL, NULL);

  self->v.dt = *value;
  return self;
}

BylineData *
byline_data_new_list (void)
{
  return data_new (BYLINE_DATA_LIST);
}

BylineData *
byline_data_new_map (void)
{
  return data_new (BYLINE_DATA_MAP);
}

void
byline_data_set_span (BylineData       *self,
                      const BylineSpan *span)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (span != NULL);

  self->span = *span;
}

void
byline_data_set_style (BylineData      *self,
                       BylineDataStyle  style)
{
  g_return_if_fail (self != NULL);

  self->style = style;
}

void
byline_data_set_literal (BylineData *self,
                         const char *literal,
                         gsize       length)
{
  g_return_if_fail (self != NULL && self->kind != BYLINE_DATA_STRING);

  g_free (self->text);
  self->text = g_strndup (literal, length);
}

void
byline_data_set_file_name (BylineData *self,
                           const char *interned)
{
  self->file_name = interned;
}

static void
add_child_measures (BylineData       *self,
                    const BylineData *child)
{
  self->height = MAX (self->height, child->height + 1);
  if (self->weight > G_MAXUINT64 - child->weight)
    self->weight = G_MAXUINT64;
  else
    self->weight += child->weight;
}

void
byline_data_list_append (BylineData *self,
                         BylineData *item)
{
  g_return_if_fail (self != NULL && self->kind == BYLINE_DATA_LIST);
  g_return_if_fail (item != NULL);

  add_child_measures (self, item);
  g_ptr_array_add (self->v.c.items, item);
}

static void
index_entry (BylineData *self,
             guint       position)
{
  Entry *entry = g_ptr_array_index (self->v.c.items, position);

  g_hash_table_replace (self->v.c.index, entry->folded, GUINT_TO_POINTER (position + 1));
}

static void
rebuild_index (BylineData *self)
{
  g_clear_pointer (&self->v.c.index, g_hash_table_unref);
  if (self->v.c.items->len <= INDEX_THRESHOLD)
    return;
  self->v.c.index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->v.c.items->len; i++)
    index_entry (self, i);
}

void
byline_data_map_append (BylineData       *self,
                        const char       *key,
                        const BylineSpan *key_span,
                        BylineData       *value)
{
  Entry *entry;

  g_return_if_fail (self != NULL && self->kind == BYLINE_DATA_MAP);
  g_return_if_fail (key != NULL);
  g_return_if_fail (value != NULL);

  entry = g_new0 (Entry, 1);
  entry->key = g_strdup (key);
  entry->folded = byline_data_fold_key (key);
  if (key_span != NULL)
    entry->key_span = *key_span;
  entry->value = value;
  add_child_measures (self, value);
  g_ptr_array_add (self->v.c.items, entry);

  if (self->v.c.index != NULL)
    index_entry (self, self->v.c.items->len - 1);
  else if (self->v.c.items->len > INDEX_THRESHOLD)
    rebuild_index (self);
}

static void
recompute_measures (BylineData *self)
{
  self->height = 0;
  self->weight = 1;
  for (guint i = 0; i < self->v.c.items->len; i++)
    {
      gpointer item = g_ptr_array_index (self->v.c.items, i);

      add_child_measures (self, self->kind == BYLINE_DATA_MAP ? ((Entry *) item)->value : item);
    }
}

void
byline_data_map_set_fold (BylineData *self,
                          const char *key,
                          BylineData *value)
{
  guint index;

  g_return_if_fail (self != NULL && self->kind == BYLINE_DATA_MAP);
  g_return_if_fail (key != NULL);
  g_return_if_fail (value != NULL);

  if (byline_data_map_lookup_fold (self, key, &index) != NULL)
    {
      Entry *entry = g_ptr_array_index (self->v.c.items, index);

      byline_data_unref (entry->value);
      entry->value = value;
      recompute_measures (self);
      return;
    }
  byline_data_map_append (self, key, NULL, value);
}

void
byline_data_map_remove_fold (BylineData *self,
                             const char *key)
{
  g_autofree char *folded = NULL;
  gboolean removed = FALSE;

  g_return_if_fail (self != NULL && self->kind == BYLINE_DATA_MAP);
  g_return_if_fail (key != NULL);

  folded = byline_data_fold_key (key);
  for (guint i = self->v.c.items->len; i > 0; i--)
    {
      Entry *entry = g_ptr_array_index (self->v.c.items, i - 1);

      if (strcmp (entry->folded, folded) == 0)
        {
          g_ptr_array_remove_index (self->v.c.items, i - 1);
          removed = TRUE;
        }
    }
  if (removed)
    {
      rebuild_index (self);
      recompute_measures (self);
    }
}

BylineData *
byline_data_map_copy (const BylineData *self)
{
  BylineData *copy;

  g_return_val_if_fail (self != NULL && self->kind == BYLINE_DATA_MAP, NULL);

  copy = byline_data_new_map ();
  copy->span = self->span;
  copy->style = self->style;
  copy->file_name = self->file_name;
  for (guint i = 0; i < self->v.c.items->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->v.c.items, i);

      byline_data_map_append (copy, entry->key, &entry->key_span, byline_data_ref (entry->value));
    }
  return copy;
}

static int
compare_entries_by_key_span (gconstpointer a,
                             gconstpointer b)
{
  const Entry *ea = *(const Entry * const *) a;
  const Entry *eb = *(const Entry * const *) b;

  if (ea->key_span.start != eb->key_span.start)
    return ea->key_span.start < eb->key_span.start ? -1 : 1;
  return 0;
}

void
byline_data_map_sort_by_key_span (BylineData *self)
{
  g_return_if_fail (self != NULL && self->kind == BYLINE_DATA_MAP);

  /* A stable sort would keep equal positions in order, but no two keys of
   * one map are written at the same place. */
  g_ptr_array_sort (self->v.c.items, compare_entries_by_key_span);
  rebuild_index (self);
}

guint
byline_data_get_height (const BylineData *self)
{
  return self->height;
}

guint64
byline_data_get_weight (const BylineData *self)
{
  return self->weight;
}

/* Any node */

BylineDataKind
byline_data_get_kind (const BylineData *self)
{
  g_return_val_if_fail (self != NULL, BYLINE_DATA_NULL);

  return self->kind;
}

BylineDataStyle
byline_data_get_style (const BylineData *self)
{
  g_return_val_if_fail (self != NULL, BYLINE_DATA_STYLE_PLAIN);

  return self->style;
}

const BylineSpan *
byline_data_get_span (const BylineData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->span;
}

const char *
byline_data_get_file_name (const BylineData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->file_name;
}

/* Scalars */

const char *
byline_data_get_string (const BylineData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->kind == BYLINE_DATA_STRING ? self->text : NULL;
}

const char *
byline_data_get_literal (const BylineData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->kind == BYLINE_DATA_LIST || self->kind == BYLINE_DATA_MAP)
    return NULL;
  return self->text;
}

/* Go's strconv.FormatFloat (f, 'f', -1, 64): the shortest decimal that
 * reads back as the same double, never with an exponent. */
static char *
format_float (double value)
{
  char shortest[G_ASCII_DTOSTR_BUF_SIZE];
  const char *e;
  const char *dot;
  int mantissa_decimals;

  if (isnan (value))
    return g_strdup ("NaN");
  if (isinf (value))
    return g_strdup (value > 0 ? "+Inf" : "-Inf");

  for (int digits = 1; digits <= 17; digits++)
    {
      char format[16];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (shortest, sizeof shortest, format, value);
      if (g_ascii_strtod (shortest, NULL) == value)
        break;
    }

  /* Plain notation with as many decimals as the shortest form needs. */
  e = strpbrk (shortest, "eE");
  if (e == NULL)
    return g_strdup (shortest);
  dot = strchr (shortest, '.');
  mantissa_decimals = dot != NULL && dot < e ? (int) (e - dot - 1) : 0;
  {
    /* %f of a double has at most 309 integer digits; decimals stay below 400. */
    char plain[800];
    char format[16];

    g_snprintf (format, sizeof format, "%%.%df", CLAMP (mantissa_decimals - atoi (e + 1), 0, 400));
    g_ascii_formatd (plain, sizeof plain, format, value);
    return g_strdup (plain);
  }
}

char *
byline_data_to_string (const BylineData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->kind)
    {
    case BYLINE_DATA_NULL:
      return g_strdup ("");
    case BYLINE_DATA_BOOL:
      return g_strdup (self->v.b ? "true" : "false");
    case BYLINE_DATA_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, self->v.i);
    case BYLINE_DATA_FLOAT:
      return format_float (self->v.f);
    case BYLINE_DATA_STRING:
    case BYLINE_DATA_DATE_TIME:
      return g_strdup (self->text != NULL ? self->text : "");
    case BYLINE_DATA_LIST:
    case BYLINE_DATA_MAP:
    default:
      return NULL;
    }
}

gboolean
byline_data_get_bool (const BylineData *self,
                      gboolean         *value)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->kind != BYLINE_DATA_BOOL)
    return FALSE;
  if (value != NULL)
    *value = self->v.b;
  return TRUE;
}

gboolean
byline_data_get_int (const BylineData *self,
                     gint64           *value)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->kind != BYLINE_DATA_INT)
    return FALSE;
  if (value != NULL)
    *value = self->v.i;
  return TRUE;
}

gboolean
byline_data_get_float (const BylineData *self,
                       double           *value)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->kind == BYLINE_DATA_FLOAT)
    {
      if (value != NULL)
        *value = self->v.f;
      return TRUE;
    }
  if (self->kind == BYLINE_DATA_INT)
    {
      if (value != NULL)
        *value = (double) self->v.i;
      return TRUE;
    }
  return FALSE;
}

const BylineDataDateTime *
byline_data_get_date_time (const BylineData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->kind == BYLINE_DATA_DATE_TIME ? &self->v.dt : NULL;
}

/* Lists and maps */

guint
byline_data_get_length (const BylineData *self)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->kind != BYLINE_DATA_LIST && self->kind != BYLINE_DATA_MAP)
    return 0;
  return self->v.c.items->len;
}

BylineData *
byline_data_list_get (const BylineData *self,
                      guint             index)
{
  g_return_val_if_fail (self != NULL && self->kind == BYLINE_DATA_LIST, NULL);
  g_return_val_if_fail (index < self->v.c.items->len, NULL);

  return g_ptr_array_index (self->v.c.items, index);
}

static Entry *
map_entry (const BylineData *self,
           guint             index)
{
  g_return_val_if_fail (self != NULL && self->kind == BYLINE_DATA_MAP, NULL);
  g_return_val_if_fail (index < self->v.c.items->len, NULL);

  return g_ptr_array_index (self->v.c.items, index);
}

const char *
byline_data_map_get_key (const BylineData *self,
                         guint             index)
{
  Entry *entry = map_entry (self, index);

  return entry != NULL ? entry->key : NULL;
}

const BylineSpan *
byline_data_map_get_key_span (const BylineData *self,
                              guint             index)
{
  Entry *entry = map_entry (self, index);

  return entry != NULL ? &entry->key_span : NULL;
}

BylineData *
byline_data_map_get_value (const BylineData *self,
                           guint             index)
{
  Entry *entry = map_entry (self, index);

  return entry != NULL ? entry->value : NULL;
}

BylineData *
byline_data_map_lookup (const BylineData *self,
                        const char       *key)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (self->kind != BYLINE_DATA_MAP)
    return NULL;
  for (guint i = self->v.c.items->len; i > 0; i--)
    {
      Entry *entry = g_ptr_array_index (self->v.c.items, i - 1);

      if (strcmp (entry->key, key) == 0)
        return entry->value;
    }
  return NULL;
}

/* Whether @folded is the lower case of the ASCII @key. */
static gboolean
equal_folded_ascii (const char *folded,
                    const char *key)
{
  for (; *key != '\0'; key++, folded++)
    if (*folded != g_ascii_tolower (*key))
      return FALSE;
  return *folded == '\0';
}

static gboolean
is_ascii (const char *text)
{
  for (; *text != '\0'; text++)
    if ((guchar) *text >= 0x80)
      return FALSE;
  return TRUE;
}

BylineData *
byline_data_map_lookup_fold (const BylineData *self,
                             const char       *key,
                             guint            *index)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (self->kind != BYLINE_DATA_MAP)
    return NULL;

  /* Small maps and ASCII keys, the common case, need no allocation. */
  if (self->v.c.index == NULL && is_ascii (key))
    {
      for (guint i = self->v.c.items->len; i > 0; i--)
        {
          Entry *entry = g_ptr_array_index (self->v.c.items, i - 1);

          if (equal_folded_ascii (entry->folded, key))
            {
              if (index != NULL)
                *index = i - 1;
              return entry->value;
            }
        }
      return NULL;
    }

  folded = byline_data_fold_key (key);
  if (self->v.c.index != NULL)
    {
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (self->v.c.index, folded));
      Entry *entry;

      if (position == 0)
        return NULL;
      entry = g_ptr_array_index (self->v.c.items, position - 1);
      if (index != NULL)
        *index = position - 1;
      return entry->value;
    }

  for (guint i = self->v.c.items->len; i > 0; i--)
    {
      Entry *entry = g_ptr_array_index (self->v.c.items, i - 1);

      if (strcmp (entry->folded, folded) == 0)
        {
          if (index != NULL)
            *index = i - 1;
          return entry->value;
        }
    }
  return NULL;
}

BylineData *
byline_data_lookup_path (const BylineData *self,
                         const char       *path)
{
  g_auto(GStrv) parts = NULL;
  const BylineData *node = self;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (strchr (path, '.') == NULL)
    return byline_data_map_lookup_fold (self, path, NULL);
  parts = g_strsplit (path, ".", -1);
  for (guint i = 0; parts[i] != NULL && node != NULL; i++)
    node = byline_data_map_lookup_fold (node, parts[i], NULL);
  return (BylineData *) node;
}

char *
byline_data_lookup_string (const BylineData *self,
                           const char       *path)
{
  BylineData *node = byline_data_lookup_path (self, path);

  if (node == NULL || node->kind == BYLINE_DATA_NULL)
    return NULL;
  return byline_data_to_string (node);
}

gboolean
byline_data_lookup_bool (const BylineData *self,
                         const char       *path,
                         gboolean          fallback)
{
  BylineData *node = byline_data_lookup_path (self, path);

  if (node == NULL)
    return fallback;
  switch (node->kind)
    {
    case BYLINE_DATA_BOOL:
      return node->v.b;
    case BYLINE_DATA_INT:
      return node->v.i != 0;
    case BYLINE_DATA_STRING:
      /* Go's strconv.ParseBool, which cast.ToBool uses. */
      if (g_strv_contains ((const char * const[]) { "1", "t", "T", "TRUE", "true", "True", NULL },
                           node->text))
        return TRUE;
      if (g_strv_contains ((const char *const[]) { "0", "f", "F", "FALSE", "false", "False", NULL },
                           node->text))
        return FALSE;
      return fallback;
    default:
      return fallback;
    }
}

char **
byline_data_to_strv (const BylineData *self)
{
  GPtrArray *strings;

  g_return_val_if_fail (self != NULL, NULL);

  strings = g_ptr_array_new ();
  if (self->kind == BYLINE_DATA_LIST)
    {
      for (guint i = 0; i < self->v.c.items->len; i++)
        {
          char *text = byline_data_to_string (g_ptr_array_index (self->v.c.items, i));

          if (text != NULL)
            g_ptr_array_add (strings, text);
        }
    }
  else if (self->kind != BYLINE_DATA_MAP && self->kind != BYLINE_DATA_NULL)
    {
      /* cast.ToStringSlice splits a string on white space. */
      g_autofree char *text = byline_data_to_string (self);
      g_auto(GStrv) words = g_strsplit_set (text, " \t\n\r", -1);

      for (guint i = 0; words[i] != NULL; i++)
        if (words[i][0] != '\0')
          g_ptr_array_add (strings, g_strdup (words[i]));
    }
  g_ptr_array_add (strings, NULL);
  return (char **) g_ptr_array_free (strings, FALSE);
}

char **
byline_data_lookup_strv (const BylineData *self,
                         const char       *path)
{
  BylineData *node = byline_data_lookup_path (self, path);

  return node != NULL ? byline_data_to_strv (node) : NULL;
}

/* Spans set by the readers */

void
byline_data_set_span_offsets (BylineData                *self,
                              const BylineDataPositions *positions,
                              gsize                      start,
                              gsize                      end)
{
  byline_data_positions_fill (positions, &self->span, start, end);
}

void
byline_data_extend_span (BylineData                *self,
                         const BylineDataPositions *positions,
                         gsize                      end)
{
  if (end > self->span.end)
    byline_data_positions_fill (positions, &self->span, self->span.start, end);
}
