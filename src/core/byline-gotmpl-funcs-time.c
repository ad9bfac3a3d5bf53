/* byline-gotmpl-funcs-time.c — times, durations and Go's layouts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Go's time.Time and time.Duration as template objects (Format with Go's
 * reference-time layouts, Year, Month, Unix, AddDate, …), and Hugo's time
 * namespace (tpl/time/time.go): time / time.AsTime, now, dateFormat /
 * time.Format (with Hugo's English ":date_long" and friends from
 * common/htime), time.ParseDuration, duration.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-funcs.h"

#include <stdio.h>
#include <string.h>

#include "byline-front-matter.h"
#include "byline-gotmpl-objects-private.h"

static const char * const long_months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};
static const char * const long_days[] = {
  "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
};

/* time.Time */

typedef struct
{
  BylineGotmplObject  parent;
  GDateTime          *dt;
} Time;

static void
time_finalize (BylineGotmplObject *object)
{
  g_date_time_unref (((Time *) object)->dt);
}

static gboolean
is_zero_time (GDateTime *dt)
{
  return g_date_time_get_year (dt) == 1 && g_date_time_get_month (dt) == 1 &&
         g_date_time_get_day_of_month (dt) == 1 && g_date_time_get_hour (dt) == 0 &&
         g_date_time_get_minute (dt) == 0 && g_date_time_get_second (dt) == 0 &&
         g_date_time_get_utc_offset (dt) == 0;
}

/* Go's nextStdChunk and appendFormat. */
static void
append_zone (GString   *out,
             GDateTime *dt,
             gboolean   iso,
             gboolean   colon,
             gboolean   seconds,
             gboolean   short_form)
{
  gint64 offset = g_date_time_get_utc_offset (dt) / G_TIME_SPAN_SECOND;
  gint64 zone = offset / 60, abs_offset;

  if (iso && offset == 0)
    {
      g_string_append_c (out, 'Z');
      return;
    }
  if (zone < 0 || (zone == 0 && offset < 0))
    {
      g_string_append_c (out, '-');
      abs_offset = -offset;
    }
  else
    {
      g_string_append_c (out, '+');
      abs_offset = offset;
    }
  g_string_append_printf (out, "%02" G_GINT64_FORMAT, abs_offset / 3600);
  if (!short_form)
    {
      if (colon)
        g_string_append_c (out, ':');
      g_string_append_printf (out, "%02" G_GINT64_FORMAT, (abs_offset / 60) % 60);
    }
  if (seconds)
    {
      if (colon)
        g_string_append_c (out, ':');
      g_string_append_printf (out, "%02" G_GINT64_FORMAT, abs_offset % 60);
    }
}

static gboolean
starts_lower (const char *s)
{
  return *s >= 'a' && *s <= 'z';
}

void
byline_gotmpl_time_format (GString    *out,
                           GDateTime  *dt,
                           const char *layout)
{
  const char *p = layout;
  int year = g_date_time_get_year (dt), month = g_date_time_get_month (dt);
  int day = g_date_time_get_day_of_month (dt), hour = g_date_time_get_hour (dt);
  int min = g_date_time_get_minute (dt), sec = g_date_time_get_second (dt);
  int wday = g_date_time_get_day_of_week (dt) % 7, yday = g_date_time_get_day_of_year (dt);
  int nsec = g_date_time_get_microsecond (dt) * 1000;

  while (*p != '\0')
    {
      switch (*p)
        {
        case 'J':
          if (g_str_has_prefix (p, "January"))
            {
              g_string_append (out, long_months[month - 1]);
              p += 7;
              continue;
            }
          if (g_str_has_prefix (p, "Jan") && !starts_lower (p + 3))
            {
              g_string_append_len (out, long_months[month - 1], 3);
              p += 3;
              continue;
            }
          break;
        case 'M':
          if (g_str_has_prefix (p, "Monday"))
            {
              g_string_append (out, long_days[wday]);
              p += 6;
              continue;
            }
          if (g_str_has_prefix (p, "Mon") && !starts_lower (p + 3))
            {
              g_string_append_len (out, long_days[wday], 3);
              p += 3;
              continue;
            }
          if (g_str_has_prefix (p, "MST"))
            {
              const char *abbrev = g_date_time_get_timezone_abbreviation (dt);

              if (abbrev != NULL && abbrev[0] != '\0' && abbrev[0] != '+' && abbrev[0] != '-')
                g_string_append (out, abbrev);
              else
                append_zone (out, dt, FALSE, FALSE, FALSE, FALSE);
              p += 3;
              continue;
            }
          break;
        case '0':
          if (p[1] >= '1' && p[1] <= '6')
            {
              switch (p[1])
                {
                case '1': g_string_append_printf (out, "%02d", month); break;
                case '2': g_string_append_printf (out, "%02d", day); break;
                case '3': g_string_append_printf (out, "%02d", hour % 12 == 0 ? 12 : hour % 12); break;
                case '4': g_string_append_printf (out, "%02d", min); break;
                case '5': g_string_append_printf (out, "%02d", sec); break;
                default: g_string_append_printf (out, "%02d", year % 100); break;
                }
              p += 2;
              continue;
            }
          if (p[1] == '0' && p[2] == '2')
            {
              g_string_append_printf (out, "%03d", yday);
              p += 3;
              continue;
            }
          break;
        case '1':
          if (p[1] == '5')
            {
              g_string_append_printf (out, "%02d", hour);
              p += 2;
              continue;
            }
          g_string_append_printf (out, "%d", month);
          p++;
          continue;
        case '2':
          if (g_str_has_prefix (p, "2006"))
            {
              g_string_append_printf (out, "%04d", year);
              p += 4;
              continue;
            }
          g_string_append_printf (out, "%d", day);
          p++;
          continue;
        case '_':
          if (p[1] == '2')
            {
              if (g_str_has_prefix (p + 1, "2006"))
                {
                  g_string_append_c (out, '_');
                  g_string_append_printf (out, "%04d", year);
                  p += 5;
                  continue;
                }
              g_string_append_printf (out, "%2d", day);
              p += 2;
              continue;
            }
          if (p[1] == '_' && p[2] == '2')
            {
              g_string_append_printf (out, "%3d", yday);
              p += 3;
              continue;
            }
          break;
        case '3':
          g_string_append_printf (out, "%d", hour % 12 == 0 ? 12 : hour % 12);
          p++;
          continue;
        case '4':
          g_string_append_printf (out, "%d", min);
          p++;
          continue;
        case '5':
          g_string_append_printf (out, "%d", sec);
          p++;
          continue;
        case 'P':
          if (p[1] == 'M')
            {
              g_string_append (out, hour >= 12 ? "PM" : "AM");
              p += 2;
              continue;
            }
          break;
        case 'p':
          if (p[1] == 'm')
            {
              g_string_append (out, hour >= 12 ? "pm" : "am");
              p += 2;
              continue;
            }
          break;
        case '-':
        case 'Z':
          {
            gboolean iso = *p == 'Z';
            const char *q = p + 1;

            if (g_str_has_prefix (q, "070000"))
              append_zone (out, dt, iso, FALSE, TRUE, FALSE), p += 7;
            else if (g_str_has_prefix (q, "07:00:00"))
              append_zone (out, dt, iso, TRUE, TRUE, FALSE), p += 9;
            else if (g_str_has_prefix (q, "0700"))
              append_zone (out, dt, iso, FALSE, FALSE, FALSE), p += 5;
            else if (g_str_has_prefix (q, "07:00"))
              append_zone (out, dt, iso, TRUE, FALSE, FALSE), p += 6;
            else if (g_str_has_prefix (q, "07"))
              append_zone (out, dt, iso, FALSE, FALSE, TRUE), p += 3;
            else
              break;
            continue;
          }
        case '.':
        case ',':
          if (p[1] == '0' || p[1] == '9')
            {
              char ch = p[1];
              int n = 0;

              while (p[1 + n] == ch)
                n++;
              if (!g_ascii_isdigit (p[1 + n]))
                {
                  char digits[10];

                  g_snprintf (digits, sizeof digits, "%09d", nsec);
                  if (n > 9)
                    n = 9;
                  if (ch == '0')
                    {
                      g_string_append_c (out, *p);
                      g_string_append_len (out, digits, n);
                    }
                  else
                    {
                      int k = n;

                      while (k > 0 && digits[k - 1] == '0')
                        k--;
                      if (k > 0)
                        {
                          g_string_append_c (out, *p);
                          g_string_append_len (out, digits, k);
                        }
                    }
                  p += 1 + n;
                  while (*p == ch)
                    p++;
                  continue;
                }
            }
          break;
        default:
          break;
        }
      g_string_append_c (out, *p++);
    }
}

/* Time.String: "2006-01-02 15:04:05.999999999 -0700 MST". */
static void
time_print (BylineGotmplObject *object,
            GString            *out)
{
  byline_gotmpl_time_format (out, ((Time *) object)->dt, "2006-01-02 15:04:05.999999999 -0700 MST");
}

static gboolean
time_truth (BylineGotmplObject *object)
{
  return !is_zero_time (((Time *) object)->dt);
}

static gboolean
time_equal (BylineGotmplObject *a,
            BylineGotmplObject *b)
{
  return g_date_time_equal (((Time *) a)->dt, ((Time *) b)->dt) &&
         g_date_time_get_utc_offset (((Time *) a)->dt) == g_date_time_get_utc_offset (((Time *) b)->dt);
}

static gboolean
time_as_number (BylineGotmplObject *object,
                double             *number)
{
  *number = (double) g_date_time_to_unix (((Time *) object)->dt);
  return TRUE;
}

#define TIME(v) (((Time *) (v)->o)->dt)

static gboolean
time_format_method (BylineGotmplCall        *call,
                    const BylineGotmplValue *self,
                    const BylineGotmplValue *args,
                    guint                    n_args,
                    BylineGotmplValue       *result)
{
  GString *out;

  if (args[0].kind != BYLINE_GOTMPL_STRING)
    return byline_gotmpl_call_error (call, "wrong type for value; expected string; got %s",
                                     byline_gotmpl_value_type_name (&args[0]));
  out = g_string_new (NULL);
  byline_gotmpl_time_format (out, TIME (self), args[0].s);
  *result = byline_gotmpl_string_take (out);
  return TRUE;
}

#define TIME_INT_GETTER(name, expr) \
  static gboolean \
  name (BylineGotmplCall *call, const BylineGotmplValue *self, const BylineGotmplValue *args, \
        guint n_args, BylineGotmplValue *result) \
  { \
    GDateTime *dt = TIME (self); \
    *result = byline_gotmpl_int (expr); \
    return TRUE; \
  }

TIME_INT_GETTER (time_year, g_date_time_get_year (dt))
TIME_INT_GETTER (time_day, g_date_time_get_day_of_month (dt))
TIME_INT_GETTER (time_hour, g_date_time_get_hour (dt))
TIME_INT_GETTER (time_minute, g_date_time_get_minute (dt))
TIME_INT_GETTER (time_second, g_date_time_get_second (dt))
TIME_INT_GETTER (time_nanosecond, (gint64) g_date_time_get_microsecond (dt) * 1000)
TIME_INT_GETTER (time_year_day, g_date_time_get_day_of_year (dt))
TIME_INT_GETTER (time_unix, g_date_time_to_unix (dt))
TIME_INT_GETTER (time_unix_milli, g_date_time_to_unix (dt) * 1000 + g_date_time_get_microsecond (dt) / 1000)
TIME_INT_GETTER (time_unix_micro, g_date_time_to_unix (dt) * 1000000 + g_date_time_get_microsecond (dt))
TIME_INT_GETTER (time_unix_nano, (g_date_time_to_unix (dt) * 1000000 + g_date_time_get_microsecond (dt)) * 1000)

/* time.Month and time.Weekday print their English names. */
typedef struct
{
  BylineGotmplObject parent;
  int                number;
  const char        *name;
} Named;

static void
named_print (BylineGotmplObject *object,
             GString            *out)
{
  g_string_append (out, ((Named *) object)->name);
}

static gboolean
named_as_number (BylineGotmplObject *object,
                 double             *number)
{
  *number = ((Named *) object)->number;
  return TRUE;
}

static gboolean
named_equal (BylineGotmplObject *a,
             BylineGotmplObject *b)
{
  return ((Named *) a)->number == ((Named *) b)->number;
}

static gboolean
named_string (BylineGotmplCall        *call,
              const BylineGotmplValue *self,
              const BylineGotmplValue *args,
              guint                    n_args,
              BylineGotmplValue       *result)
{
  *result = byline_gotmpl_string (((Named *) self->o)->name);
  return TRUE;
}

static const BylineGotmplMethod named_methods[] = {
  { "String", named_string, 0, 0 },
};

static const BylineGotmplClass month_class = {
  .type_name = "time.Month", .methods = named_methods, .n_methods = 1,
  .print = named_print, .as_number = named_as_number, .equal = named_equal, .complete = TRUE,
};

static const BylineGotmplClass weekday_class = {
  .type_name = "time.Weekday", .methods = named_methods, .n_methods = 1,
  .print = named_print, .as_number = named_as_number, .equal = named_equal, .complete = TRUE,
};

static gboolean
time_month (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  Named *m = byline_gotmpl_object_new (&month_class, sizeof (Named));

  m->number = g_date_time_get_month (TIME (self));
  m->name = long_months[m->number - 1];
  *result = byline_gotmpl_object_value (m);
  return TRUE;
}

static gboolean
time_weekday (BylineGotmplCall        *call,
              const BylineGotmplValue *self,
              const BylineGotmplValue *args,
              guint                    n_args,
              BylineGotmplValue       *result)
{
  Named *d = byline_gotmpl_object_new (&weekday_class, sizeof (Named));

  d->number = g_date_time_get_day_of_week (TIME (self)) % 7;
  d->name = long_days[d->number];
  *result = byline_gotmpl_object_value (d);
  return TRUE;
}

static gboolean
time_is_zero (BylineGotmplCall        *call,
              const BylineGotmplValue *self,
              const BylineGotmplValue *args,
              guint                    n_args,
              BylineGotmplValue       *result)
{
  *result = byline_gotmpl_bool (is_zero_time (TIME (self)));
  return TRUE;
}

static gboolean
time_compare_method (BylineGotmplCall        *call,
                     const BylineGotmplValue *self,
                     const BylineGotmplValue *args,
                     guint                    n_args,
                     BylineGotmplValue       *result)
{
  GDateTime *other = byline_gotmpl_time_get (&args[0]);
  int c;

  if (other == NULL)
    return byline_gotmpl_call_error (call, "wrong type for value; expected time.Time; got %s",
                                     byline_gotmpl_value_type_name (&args[0]));
  c = g_date_time_compare (TIME (self), other);
  if (strcmp (call->name, "Before") == 0)
    *result = byline_gotmpl_bool (c < 0);
  else if (strcmp (call->name, "After") == 0)
    *result = byline_gotmpl_bool (c > 0);
  else
    *result = byline_gotmpl_bool (c == 0);
  return TRUE;
}

static gboolean
time_add_date (BylineGotmplCall        *call,
               const BylineGotmplValue *self,
               const BylineGotmplValue *args,
               guint                    n_args,
               BylineGotmplValue       *result)
{
  gint64 y, m, d;
  GDateTime *dt;

  if (!byline_gotmpl_to_int (call, &args[0], &y) || !byline_gotmpl_to_int (call, &args[1], &m) ||
      !byline_gotmpl_to_int (call, &args[2], &d))
    return FALSE;
  if (ABS (y) > 9000 || ABS (m) > 120000 || ABS (d) > 3300000)
    return byline_gotmpl_call_error (call, "date out of range");
  dt = g_date_time_add_full (TIME (self), (int) y, (int) m, (int) d, 0, 0, 0);
  if (dt == NULL)
    return byline_gotmpl_call_error (call, "date out of range");
  *result = byline_gotmpl_time_new (dt);
  g_date_time_unref (dt);
  return TRUE;
}

/* time.Duration: nanoseconds, printed the way Duration.String does. */
typedef struct
{
  BylineGotmplObject parent;
  gint64             ns;
} Duration;

static void
duration_print (BylineGotmplObject *object,
                GString            *out)
{
  gint64 d = ((Duration *) object)->ns;
  guint64 u = d < 0 ? (guint64) 0 - (guint64) d : (guint64) d;

  if (d < 0)
    g_string_append_c (out, '-');
  if (u < G_GUINT64_CONSTANT (1000000000))
    {
      /* Under a second: the largest unit with a whole part. */
      const char *unit;
      guint64 scale;
      char frac[16];
      int k;

      if (u == 0)
        {
          g_string_append (out, "0s");
          return;
        }
      if (u < 1000)
        {
          g_string_append_printf (out, "%" G_GUINT64_FORMAT "ns", u);
          return;
        }
      if (u < 1000000)
        unit = "µs", scale = 1000;
      else
        unit = "ms", scale = 1000000;
      g_string_append_printf (out, "%" G_GUINT64_FORMAT, u / scale);
      g_snprintf (frac, sizeof frac, scale == 1000 ? "%03" G_GUINT64_FORMAT : "%06" G_GUINT64_FORMAT,
                  u % scale);
      k = strlen (frac);
      while (k > 0 && frac[k - 1] == '0')
        frac[--k] = '\0';
      if (k > 0)
        g_string_append_printf (out, ".%s", frac);
      g_string_append (out, unit);
      return;
    }
  {
    guint64 secs = u / G_GUINT64_CONSTANT (1000000000), ns = u % G_GUINT64_CONSTANT (1000000000);
    char frac[16];
    int k;

    if (secs >= 3600)
      g_string_append_printf (out, "%" G_GUINT64_FORMAT "h", secs / 3600);
    if (secs >= 60)
      g_string_append_printf (out, "%" G_GUINT64_FORMAT "m", (secs / 60) % 60);
    g_string_append_printf (out, "%" G_GUINT64_FORMAT, secs % 60);
    g_snprintf (frac, sizeof frac, "%09" G_GUINT64_FORMAT, ns);
    k = strlen (frac);
    while (k > 0 && frac[k - 1] == '0')
      frac[--k] = '\0';
    if (k > 0)
      g_string_append_printf (out, ".%s", frac);
    g_string_append_c (out, 's');
  }
}

static gboolean
duration_as_number (BylineGotmplObject *object,
                    double             *number)
{
  *number = (double) ((Duration *) object)->ns;
  return TRUE;
}

static gboolean
duration_equal (BylineGotmplObject *a,
                BylineGotmplObject *b)
{
  return ((Duration *) a)->ns == ((Duration *) b)->ns;
}

static BylineGotmplValue duration_new (gint64 ns);

#define DURATION_FLOAT(name, div) \
  static gboolean \
  name (BylineGotmplCall *call, const BylineGotmplValue *self, const BylineGotmplValue *args, \
        guint n_args, BylineGotmplValue *result) \
  { \
    *result = byline_gotmpl_float ((double) ((Duration *) self->o)->ns / (div)); \
    return TRUE; \
  }

DURATION_FLOAT (duration_hours, 3.6e12)
DURATION_FLOAT (duration_minutes, 6e10)
DURATION_FLOAT (duration_seconds, 1e9)

static gboolean
duration_milliseconds (BylineGotmplCall        *call,
                       const BylineGotmplValue *self,
                       const BylineGotmplValue *args,
                       guint                    n_args,
                       BylineGotmplValue       *result)
{
  *result = byline_gotmpl_int (((Duration *) self->o)->ns / 1000000);
  return TRUE;
}

static gboolean
duration_string (BylineGotmplCall        *call,
                 const BylineGotmplValue *self,
                 const BylineGotmplValue *args,
                 guint                    n_args,
                 BylineGotmplValue       *result)
{
  GString *s = g_string_new (NULL);

  duration_print (self->o, s);
  *result = byline_gotmpl_string_take (s);
  return TRUE;
}

static const BylineGotmplMethod duration_methods[] = {
  { "Hours", duration_hours, 0, 0 },
  { "Milliseconds", duration_milliseconds, 0, 0 },
  { "Minutes", duration_minutes, 0, 0 },
  { "Seconds", duration_seconds, 0, 0 },
  { "String", duration_string, 0, 0 },
};

static const BylineGotmplClass duration_class = {
  .type_name = "time.Duration",
  .methods = duration_methods,
  .n_methods = G_N_ELEMENTS (duration_methods),
  .print = duration_print,
  .as_number = duration_as_number,
  .equal = duration_equal,
};

static BylineGotmplValue
duration_new (gint64 ns)
{
  Duration *d = byline_gotmpl_object_new (&duration_class, sizeof (Duration));

  d->ns = ns;
  return byline_gotmpl_object_value (d);
}

static gboolean
time_sub (BylineGotmplCall        *call,
          const BylineGotmplValue *self,
          const BylineGotmplValue *args,
          guint                    n_args,
          BylineGotmplValue       *result)
{
  GDateTime *other = byline_gotmpl_time_get (&args[0]);

  if (other == NULL)
    return byline_gotmpl_call_error (call, "wrong type for value; expected time.Time; got %s",
                                     byline_gotmpl_value_type_name (&args[0]));
  *result = duration_new (g_date_time_difference (TIME (self), other) * 1000);
  return TRUE;
}

static gboolean
time_add (BylineGotmplCall        *call,
          const BylineGotmplValue *self,
          const BylineGotmplValue *args,
          guint                    n_args,
          BylineGotmplValue       *result)
{
  Duration *d = byline_gotmpl_value_get_object (&args[0], &duration_class);
  gint64 ns;
  GDateTime *dt;

  if (d != NULL)
    ns = d->ns;
  else if (!byline_gotmpl_to_int (call, &args[0], &ns))
    return FALSE;
  dt = g_date_time_add (TIME (self), ns / 1000);
  if (dt == NULL)
    return byline_gotmpl_call_error (call, "date out of range");
  *result = byline_gotmpl_time_new (dt);
  g_date_time_unref (dt);
  return TRUE;
}

static gboolean
time_utc (BylineGotmplCall        *call,
          const BylineGotmplValue *self,
          const BylineGotmplValue *args,
          guint                    n_args,
          BylineGotmplValue       *result)
{
  GDateTime *dt = g_date_time_to_utc (TIME (self));

  *result = byline_gotmpl_time_new (dt);
  g_date_time_unref (dt);
  return TRUE;
}

static gboolean
time_local (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  GDateTime *dt = g_date_time_to_local (TIME (self));

  *result = byline_gotmpl_time_new (dt);
  g_date_time_unref (dt);
  return TRUE;
}

static gboolean
time_string (BylineGotmplCall        *call,
             const BylineGotmplValue *self,
             const BylineGotmplValue *args,
             guint                    n_args,
             BylineGotmplValue       *result)
{
  GString *s = g_string_new (NULL);

  time_print (self->o, s);
  *result = byline_gotmpl_string_take (s);
  return TRUE;
}

static const BylineGotmplMethod time_methods[] = {
  { "Add", time_add, 1, 1 },
  { "AddDate", time_add_date, 3, 3 },
  { "After", time_compare_method, 1, 1 },
  { "Before", time_compare_method, 1, 1 },
  { "Day", time_day, 0, 0 },
  { "Equal", time_compare_method, 1, 1 },
  { "Format", time_format_method, 1, 1 },
  { "Hour", time_hour, 0, 0 },
  { "IsZero", time_is_zero, 0, 0 },
  { "Local", time_local, 0, 0 },
  { "Minute", time_minute, 0, 0 },
  { "Month", time_month, 0, 0 },
  { "Nanosecond", time_nanosecond, 0, 0 },
  { "Second", time_second, 0, 0 },
  { "String", time_string, 0, 0 },
  { "Sub", time_sub, 1, 1 },
  { "UTC", time_utc, 0, 0 },
  { "Unix", time_unix, 0, 0 },
  { "UnixMicro", time_unix_micro, 0, 0 },
  { "UnixMilli", time_unix_milli, 0, 0 },
  { "UnixNano", time_unix_nano, 0, 0 },
  { "Weekday", time_weekday, 0, 0 },
  { "Year", time_year, 0, 0 },
  { "YearDay", time_year_day, 0, 0 },
};

const BylineGotmplClass byline_gotmpl_time_class = {
  .type_name = "time.Time",
  .methods = time_methods,
  .n_methods = G_N_ELEMENTS (time_methods),
  .finalize = time_finalize,
  .print = time_print,
  .truth = time_truth,
  .equal = time_equal,
  .as_number = time_as_number,
};

BylineGotmplValue
byline_gotmpl_time_new (GDateTime *dt)
{
  Time *t = byline_gotmpl_object_new (&byline_gotmpl_time_class, sizeof (Time));

  t->dt = g_date_time_ref (dt);
  return byline_gotmpl_object_value (t);
}

GDateTime *
byline_gotmpl_time_get (const BylineGotmplValue *value)
{
  Time *t = byline_gotmpl_value_get_object (value, &byline_gotmpl_time_class);

  return t != NULL ? t->dt : NULL;
}

/* cast.ToTimeE's string formats that sites use, zone-less times in UTC. */
static GDateTime *
parse_time_string (const char *s)
{
  static const char * const months[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  };
  GDateTime *dt = NULL;
  gboolean has_time;
  int day, year, h = 0, m = 0, sec = 0;
  char mon[4] = { 0 };

  if (byline_parse_date (s, &dt, &has_time))
    return dt;
  /* "02 Jan 2006" and RFC 1123 "Mon, 02 Jan 2006 15:04:05 MST". */
  if (sscanf (s, "%2d %3s %4d", &day, mon, &year) == 3 ||
      sscanf (s, "%*3s, %2d %3s %4d %2d:%2d:%2d", &day, mon, &year, &h, &m, &sec) >= 3)
    for (guint i = 0; i < G_N_ELEMENTS (months); i++)
      if (strcmp (mon, months[i]) == 0)
        return g_date_time_new_utc (year, i + 1, day, h, m, sec);
  return NULL;
}

gboolean
byline_gotmpl_as_time (BylineGotmplCall        *call,
                       const BylineGotmplValue *v,
                       GDateTime              **result)
{
  GDateTime *dt = byline_gotmpl_time_get (v);

  if (dt != NULL)
    {
      *result = g_date_time_ref (dt);
      return TRUE;
    }
  switch (v->kind)
    {
    case BYLINE_GOTMPL_STRING:
      *result = parse_time_string (v->s);
      if (*result != NULL)
        return TRUE;
      return byline_gotmpl_call_error (call, "unable to parse date: %s", v->s);
    case BYLINE_GOTMPL_INT:
      *result = g_date_time_new_from_unix_utc (v->i);
      if (*result != NULL)
        return TRUE;
      break;
    case BYLINE_GOTMPL_NIL:
      *result = g_date_time_new_utc (1, 1, 1, 0, 0, 0);
      return TRUE;
    default:
      break;
    }
  return byline_gotmpl_call_error (call, "unable to cast %s of type %s to Time",
                                   v->kind == BYLINE_GOTMPL_STRING ? v->s : "value",
                                   byline_gotmpl_value_type_name (v));
}

static gboolean
fn_as_time (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  g_autoptr(GDateTime) dt = NULL;

  if (!byline_gotmpl_as_time (call, &args[0], &dt))
    return FALSE;
  if (n_args > 1)
    {
      g_autofree char *zone = byline_gotmpl_value_to_string (&args[1]);
      GTimeZone *tz = zone != NULL ? g_time_zone_new_identifier (zone) : NULL;

      if (tz == NULL)
        return byline_gotmpl_call_error (call, "unknown time zone %s", zone != NULL ? zone : "");
      /* A zone-less string is read in that zone. */
      if (args[0].kind == BYLINE_GOTMPL_STRING)
        {
          GDateTime *local = g_date_time_new (tz, g_date_time_get_year (dt),
                                              g_date_time_get_month (dt),
                                              g_date_time_get_day_of_month (dt),
                                              g_date_time_get_hour (dt),
                                              g_date_time_get_minute (dt),
                                              g_date_time_get_seconds (dt));
          g_date_time_unref (dt);
          dt = local;
        }
      g_time_zone_unref (tz);
      if (dt == NULL)
        return byline_gotmpl_call_error (call, "date out of range");
    }
  *result = byline_gotmpl_time_new (dt);
  return TRUE;
}

static gboolean
fn_now (BylineGotmplCall        *call,
        const BylineGotmplValue *self,
        const BylineGotmplValue *args,
        guint                    n_args,
        BylineGotmplValue       *result)
{
  g_autoptr(GDateTime) dt = g_date_time_new_now_utc ();

  *result = byline_gotmpl_time_new (dt);
  return TRUE;
}

/* Hugo's predefined layouts for English (common/htime/time.go). */
static const char *
custom_layout (const char *layout)
{
  static const struct { const char *name; const char *layout; } layouts[] = {
    { ":date_full", "Monday, January 2, 2006" },
    { ":date_long", "January 2, 2006" },
    { ":date_medium", "Jan 2, 2006" },
    { ":date_short", "1/2/06" },
    { ":time_full", "3:04:05\xe2\x80\xafpm MST" },
    { ":time_long", "3:04:05\xe2\x80\xafpm MST" },
    { ":time_medium", "3:04:05\xe2\x80\xafpm" },
    { ":time_short", "3:04\xe2\x80\xafpm" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    if (strcmp (layout, layouts[i].name) == 0)
      return layouts[i].layout;
  return layout;
}

static gboolean
fn_format (BylineGotmplCall        *call,
           const BylineGotmplValue *self,
           const BylineGotmplValue *args,
           guint                    n_args,
           BylineGotmplValue       *result)
{
  g_autoptr(GDateTime) dt = NULL;
  GString *out;

  if (args[0].kind != BYLINE_GOTMPL_STRING)
    return byline_gotmpl_call_error (call, "wrong type for value; expected string; got %s",
                                     byline_gotmpl_value_type_name (&args[0]));
  if (!byline_gotmpl_as_time (call, &args[1], &dt))
    return FALSE;
  out = g_string_new (NULL);
  byline_gotmpl_time_format (out, dt, custom_layout (args[0].s));
  *result = byline_gotmpl_string_take (out);
  return TRUE;
}

/* time.ParseDuration */
static gboolean
fn_parse_duration (BylineGotmplCall        *call,
                   const BylineGotmplValue *self,
                   const BylineGotmplValue *args,
                   guint                    n_args,
                   BylineGotmplValue       *result)
{
  static const struct { const char *unit; double ns; } units[] = {
    { "ns", 1 }, { "us", 1e3 }, { "µs", 1e3 }, { "μs", 1e3 }, { "ms", 1e6 }, { "s", 1e9 },
    { "m", 6e10 }, { "h", 3.6e12 },
  };
  g_autofree char *s = NULL;
  const char *p;
  double total = 0;
  gboolean neg = FALSE;

  if (!byline_gotmpl_to_string (call, &args[0], &s))
    return FALSE;
  p = s;
  if (*p == '-' || *p == '+')
    neg = *p++ == '-';
  if (strcmp (p, "0") == 0)
    {
      *result = duration_new (0);
      return TRUE;
    }
  if (*p == '\0')
    return byline_gotmpl_call_error (call, "time: invalid duration \"%s\"", s);
  while (*p != '\0')
    {
      char *end = NULL;
      double v = g_ascii_strtod (p, &end);
      gboolean found = FALSE;

      if (end == p || end == NULL || !(g_ascii_isdigit (*p) || *p == '.'))
        return byline_gotmpl_call_error (call, "time: invalid duration \"%s\"", s);
      p = end;
      for (guint i = 0; i < G_N_ELEMENTS (units); i++)
        if (g_str_has_prefix (p, units[i].unit) &&
            !(strcmp (units[i].unit, "m") == 0 && p[1] == 's'))
          {
            total += v * units[i].ns;
            p += strlen (units[i].unit);
            found = TRUE;
            break;
          }
      if (!found)
        return byline_gotmpl_call_error (call, "time: missing unit in duration \"%s\"", s);
    }
  if (total > 9.2e18)
    return byline_gotmpl_call_error (call, "time: invalid duration \"%s\"", s);
  *result = duration_new ((gint64) (neg ? -total : total));
  return TRUE;
}

static gboolean
fn_duration (BylineGotmplCall        *call,
             const BylineGotmplValue *self,
             const BylineGotmplValue *args,
             guint                    n_args,
             BylineGotmplValue       *result)
{
  static const struct { const char *unit; gint64 ns; } units[] = {
    { "nanosecond", 1 }, { "ns", 1 }, { "microsecond", 1000 }, { "us", 1000 },
    { "µs", 1000 }, { "millisecond", 1000000 }, { "ms", 1000000 },
    { "second", G_GINT64_CONSTANT (1000000000) }, { "s", G_GINT64_CONSTANT (1000000000) },
    { "minute", G_GINT64_CONSTANT (60000000000) }, { "m", G_GINT64_CONSTANT (60000000000) },
    { "hour", G_GINT64_CONSTANT (3600000000000) }, { "h", G_GINT64_CONSTANT (3600000000000) },
  };
  g_autofree char *unit = NULL;
  gint64 n;

  if (!byline_gotmpl_to_string (call, &args[0], &unit) || !byline_gotmpl_to_int (call, &args[1], &n))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (strcmp (unit, units[i].unit) == 0)
      {
        *result = duration_new (n * units[i].ns);
        return TRUE;
      }
  return byline_gotmpl_call_error (call, "\"%s\" is not a valid duration unit", unit);
}

static const BylineGotmplMethod time_ns_methods[] = {
  { "AsTime", fn_as_time, 1, 2 },
  { "Duration", fn_duration, 2, 2 },
  { "Format", fn_format, 2, 2 },
  { "Now", fn_now, 0, 0 },
  { "ParseDuration", fn_parse_duration, 1, 1 },
};

static const BylineGotmplClass time_ns_class = {
  .type_name = "*time.Namespace",
  .methods = time_ns_methods,
  .n_methods = G_N_ELEMENTS (time_ns_methods),
};

/* time with an argument is time.AsTime; without, the namespace. */
static gboolean
fn_time (BylineGotmplCall        *call,
         const BylineGotmplValue *self,
         const BylineGotmplValue *args,
         guint                    n_args,
         BylineGotmplValue       *result)
{
  if (n_args == 0)
    {
      *result = byline_gotmpl_namespace_value (&time_ns_class);
      return TRUE;
    }
  return fn_as_time (call, self, args, n_args, result);
}

static const BylineGotmplMethod methods[] = {
  { "dateFormat", fn_format, 2, 2 },
  { "duration", fn_duration, 2, 2 },
  { "now", fn_now, 0, 0 },
  { "time", fn_time, 0, 2 },
};

const BylineGotmplFuncTable byline_gotmpl_funcs_time = { methods, G_N_ELEMENTS (methods) };
