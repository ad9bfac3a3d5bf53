/* byline-front-matter-read.c — the front matter's keys and typed values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-front-matter"

#include "config.h"

#include "byline-data.h"
#include "byline-front-matter.h"
#include "byline-front-matter-private.h"

#include <string.h>

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
  return &((BylineEntryData *) g_ptr_array_index (self->entries, position))->pub;
}

BylineEntryData *
byline_front_matter_find_entry (BylineFrontMatter *self,
                                const char        *key)
{
  BylineEntryData *entry;
  g_autofree char *folded = NULL;

  /* Rules look keys up per key: a list scan would be quadratic. */
  if (key == NULL)
    return NULL;
  entry = g_hash_table_lookup (self->by_key, key);
  if (entry != NULL || g_hash_table_size (self->by_folded_key) == 0)
    return entry;
  /* Hugo matches front-matter keys case-insensitively. */
  folded = byline_data_fold_key (key);
  return g_hash_table_lookup (self->by_folded_key, folded);
}

void
byline_front_matter_index_keys (BylineFrontMatter *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      BylineEntryData *entry = g_ptr_array_index (self->entries, i);
      g_autofree char *folded = byline_data_fold_key (entry->pub.key);

      if (!g_hash_table_contains (self->by_folded_key, folded))
        g_hash_table_insert (self->by_folded_key,
                             g_string_chunk_insert (self->strings, folded), entry);
    }
}

const BylineFrontMatterEntry *
byline_front_matter_lookup (BylineFrontMatter *self,
                            const char        *key)
{
  BylineEntryData *entry;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  entry = byline_front_matter_find_entry (self, key);
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
  BylineEntryData *entry;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  entry = byline_front_matter_find_entry (self, key);
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
  BylineEntryData *entry;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  /* Hugo reads YAML with go-yaml, whose core schema knows only these
   * spellings; "yes" or a quoted "true" is a string there. */
  entry = byline_front_matter_find_entry (self, key);
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
  BylineEntryData *entry;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  entry = byline_front_matter_find_entry (self, key);
  if (entry == NULL || entry->pub.kind != BYLINE_VALUE_SCALAR)
    return FALSE;
  return byline_parse_date (entry->pub.value, value, has_time);
}

char **
byline_front_matter_get_strv (BylineFrontMatter *self,
                              const char        *key)
{
  BylineEntryData *entry;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  entry = byline_front_matter_find_entry (self, key);
  if (entry == NULL || entry->pub.kind != BYLINE_VALUE_SEQUENCE)
    return NULL;
  return g_strdupv ((char **) entry->items->pdata);
}

const char *
byline_front_matter_get_raw (BylineFrontMatter *self,
                             const char        *key)
{
  BylineEntryData *entry;

  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  entry = byline_front_matter_find_entry (self, key);
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
