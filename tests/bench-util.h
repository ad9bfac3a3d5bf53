/* bench-util.h — what the benchmarks measure with, and the long sample post
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>

/* Orders doubles for qsort() and g_array_sort(). */
static inline int
bench_compare_doubles (const void *a,
                       const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
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
