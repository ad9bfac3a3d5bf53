/* bench-util.h — what the benchmarks measure with, and the long sample post
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>
#include <time.h>

#include "byline-post.h"

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

/* A post with its body repeated: the front matter of @text once, as the
 * post's layout finds it, then its body @copies times, a newline after
 * each. */
static inline char *
bench_repeat_body (const char *text,
                   guint       copies)
{
  g_autoptr(BylinePost) post = byline_post_new (text, -1);
  gsize body_start = byline_post_get_layout (post)->body_start;
  GString *out = g_string_new_len (text, body_start);

  for (guint i = 0; i < copies; i++)
    {
      g_string_append (out, text + body_start);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
