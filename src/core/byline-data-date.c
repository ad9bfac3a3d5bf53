/* byline-data-date.c — dates and date-times: parsing and conversion to GDateTime
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-data"

#include "config.h"

#include "byline-data.h"

static gboolean
read_digits (const char **p,
             int          min,
             int          max,
             int         *value)
{
  int n = 0;

  *value = 0;
  while (n < max && g_ascii_isdigit ((*p)[0]))
    {
      *value = *value * 10 + ((*p)[0] - '0');
      (*p)++;
      n++;
    }
  return n >= min;
}

gboolean
byline_data_parse_date_time (const char         *text,
                             BylineDataDateTime *value)
{
  BylineDataDateTime dt = { 0 };
  const char *p = text;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!read_digits (&p, 4, 4, &dt.year) || *p++ != '-' ||
      !read_digits (&p, 1, 2, &dt.month) || *p++ != '-' ||
      !read_digits (&p, 1, 2, &dt.day))
    return FALSE;
  if (dt.month < 1 || dt.month > 12 || dt.day < 1 ||
      dt.day > g_date_get_days_in_month (dt.month, CLAMP (dt.year, 1, 9999)))
    return FALSE;
  dt.has_date = TRUE;

  if (*p == 'T' || *p == 't' || (*p == ' ' && g_ascii_isdigit (p[1])))
    {
      p++;
      if (!read_digits (&p, 1, 2, &dt.hour) || *p++ != ':' ||
          !read_digits (&p, 2, 2, &dt.minute))
        return FALSE;
      if (*p == ':')
        {
          p++;
          if (!read_digits (&p, 2, 2, &dt.second))
            return FALSE;
          if (*p == '.' || *p == ',')
            {
              int scale = 100000000;

              p++;
              if (!g_ascii_isdigit (*p))
                return FALSE;
              while (g_ascii_isdigit (*p))
                {
                  dt.nanosecond += (*p - '0') * scale;
                  scale /= 10;
                  p++;
                }
            }
        }
      if (dt.hour > 23 || dt.minute > 59 || dt.second > 60)
        return FALSE;
      dt.has_time = TRUE;

      while (*p == ' ' || *p == '\t')
        p++;
      if (*p == 'Z' || *p == 'z')
        {
          p++;
          dt.has_offset = TRUE;
        }
      else if (*p == '+' || *p == '-')
        {
          int sign = *p == '-' ? -1 : 1;
          int hours, minutes = 0;

          p++;
          if (!read_digits (&p, 2, 2, &hours))
            return FALSE;
          if (*p == ':')
            p++;
          if (g_ascii_isdigit (*p) && !read_digits (&p, 2, 2, &minutes))
            return FALSE;
          if (hours > 23 || minutes > 59)
            return FALSE;
          dt.offset_minutes = sign * (hours * 60 + minutes);
          dt.has_offset = TRUE;
        }
      else if (g_str_has_prefix (p, "UTC"))
        {
          p += 3;
          dt.has_offset = TRUE;
        }
    }

  if (*p != '\0')
    return FALSE;
  if (value != NULL)
    *value = dt;
  return TRUE;
}

GDateTime *
byline_data_date_time_to_g (const BylineDataDateTime *value,
                            GTimeZone                *zone)
{
  g_autoptr(GTimeZone) own_zone = NULL;
  double seconds;

  g_return_val_if_fail (value != NULL, NULL);

  if (!value->has_date)
    return NULL;

  if (value->has_offset)
    {
      own_zone = g_time_zone_new_offset (value->offset_minutes * 60);
      zone = own_zone;
    }
  else if (zone == NULL)
    {
      own_zone = g_time_zone_new_utc ();
      zone = own_zone;
    }

  seconds = value->second + value->nanosecond / 1e9;
  return g_date_time_new (zone, value->year, value->month, value->day,
                          value->hour, value->minute, MIN (seconds, 59.999999));
}

GDateTime *
byline_data_to_date_time (const BylineData *self,
                          GTimeZone        *zone)
{
  BylineDataDateTime dt;

  g_return_val_if_fail (self != NULL, NULL);

  if (byline_data_get_kind (self) == BYLINE_DATA_DATE_TIME)
    return byline_data_date_time_to_g (byline_data_get_date_time (self), zone);
  if (byline_data_get_kind (self) == BYLINE_DATA_STRING)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (byline_data_get_string (self)));

      if (byline_data_parse_date_time (trimmed, &dt))
        return byline_data_date_time_to_g (&dt, zone);
    }
  return NULL;
}
