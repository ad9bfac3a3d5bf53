/* bench-util.h — what the benchmarks measure with, and the long sample post
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>
#include <time.h>

/* Orders doubles for qsort() and g_array_sort(). */
static inline int
bench_compare_doubles (const void *a,
                       const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Orders gint64 times for qsort() and g_array_sort(). */
static inline int
bench_compare_times (const void *a,
                     const void *b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* CPU time of the process (all threads), in microseconds: on a shared
 * machine it varies less than the wall clock. */
static inline gint64
bench_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* The monotonic clock in milliseconds. */
static inline double
bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* A post with its body repeated: the front matter of @text (YAML, between
 * "---" lines) once, then its body @copies times, a newline after each. */
static inline char *
bench_repeat_body (const char *text,
                   guint       copies)
{
  const char *body = strstr (text + 3, "\n---\n");
  GString *out;

  g_assert (g_str_has_prefix (text, "---\n") && body != NULL);
  body += strlen ("\n---\n");
  out = g_string_new_len (text, body - text);
  for (guint i = 0; i < copies; i++)
    {
      g_string_append (out, body);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
