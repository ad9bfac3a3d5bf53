/* bench-hostile.c — posts that once took seconds: time against size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input of issue 12's fuzzing findings is made at two sizes, the second
 * twice the first, and goes through what the window does with a post: parse,
 * render and check. The figures show the time of each (median of 5 runs) and
 * the ratio between the sizes: about 2 for work that grows linearly, 4 for
 * quadratic work. Target: every input under a second at its larger size.
 *
 *   one-line calls   {{< x >}} repeated on a single line (40,000: 360 KB)
 *   flow keywords    keywords: [w0, w1, …] in the front matter
 *   block keywords   keywords: with one "- wN" line per item (50,000 items)
 *   table bomb       a header of N columns, its delimiter row, then N one-cell
 *                    lines (cmark-gfm would fill in N × N cells)
 *
 * and inputs that the fuzzing and this benchmark found quadratic since:
 *
 *   one-line callouts  {{% tip %}}x{{% /tip %}} repeated on a single line
 *   curly quotes       “ repeated on a single line, none of them closed
 *   flow mapping       the whole front matter as one {k0: 0, k1: 1, …} line
 */

#include "config.h"

#include "byline-linter.h"
#include "byline-renderer.h"

#include "bench-util.h"

#include <stdlib.h>

typedef GString *(*MakeFunc) (guint n);

static GString *
make_calls (guint n)
{
  GString *text = g_string_new ("---\ntitle: Calls\n---\n");

  for (guint i = 0; i < n; i++)
    g_string_append (text, "{{< x >}}");
  g_string_append_c (text, '\n');
  return text;
}

static GString *
make_flow_keywords (guint n)
{
  GString *text = g_string_new ("---\ntitle: Keywords\nkeywords: [");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, i > 0 ? ", w%u" : "w%u", i);
  g_string_append (text, "]\n---\nBody.\n");
  return text;
}

static GString *
make_block_keywords (guint n)
{
  GString *text = g_string_new ("---\ntitle: Keywords\nkeywords:\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "  - w%u\n", i);
  g_string_append (text, "---\nBody.\n");
  return text;
}

static GString *
make_table_bomb (guint n)
{
  GString *text = g_string_new ("---\ntitle: Table\n---\n\n");

  for (guint i = 0; i < n; i++)
    g_string_append (text, "|x");
  g_string_append (text, "|\n");
  for (guint i = 0; i < n; i++)
    g_string_append (text, "|-");
  g_string_append (text, "|\n");
  for (guint i = 0; i < n; i++)
    g_string_append (text, "a\n");
  return text;
}

static GString *
make_callouts (guint n)
{
  GString *text = g_string_new ("---\ntitle: Callouts\n---\n");

  for (guint i = 0; i < n; i++)
    g_string_append (text, "{{% tip %}}x{{% /tip %}}");
  g_string_append_c (text, '\n');
  return text;
}

static GString *
make_curly_quotes (guint n)
{
  GString *text = g_string_new ("---\ntitle: Quotes\n---\n");

  for (guint i = 0; i < n; i++)
    g_string_append (text, "“a ");
  g_string_append_c (text, '\n');
  return text;
}

static GString *
make_flow_mapping (guint n)
{
  GString *text = g_string_new ("---\n{title: Keys");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, ", k%u: %u", i, i);
  g_string_append (text, "}\n---\nBody.\n");
  return text;
}

/* The median time in seconds of parsing, rendering and checking @text. */
static double
measure (BylineRenderer *renderer,
         BylineLinter   *linter,
         const GString  *text)
{
  gint64 times[5];

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(BylinePost) post = byline_post_new (text->str, text->len);
      g_autoptr(BylineRendering) rendering = byline_renderer_render (renderer, post);
      g_autofree char *header = byline_renderer_render_header (renderer, post);
      g_autoptr(GPtrArray) diagnostics = byline_linter_check (linter, post);

      times[i] = g_get_monotonic_time () - start;
    }

  qsort (times, G_N_ELEMENTS (times), sizeof (gint64), bench_compare_times);
  return times[G_N_ELEMENTS (times) / 2] / 1e6;
}

int
main (int    argc,
      char **argv)
{
  static const struct {
    const char *label;
    MakeFunc    make;
    guint       n;
  } inputs[] = {
    { "one-line calls", make_calls, 20000 },
    { "flow keywords", make_flow_keywords, 10000 },
    { "block keywords", make_block_keywords, 25000 },
    { "table bomb", make_table_bomb, 1000 },
    { "one-line callouts", make_callouts, 10000 },
    { "curly quotes", make_curly_quotes, 20000 },
    { "flow mapping", make_flow_mapping, 10000 },
  };
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(BylineRenderer) renderer = byline_renderer_new (profile, NULL);
  g_autoptr(BylineLinter) linter = byline_linter_new (profile, NULL, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2024, 6, 1, 0, 0, 0);
  gboolean slow = FALSE;

  byline_linter_set_now (linter, now);

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GString) small = inputs[i].make (inputs[i].n);
      g_autoptr(GString) large = inputs[i].make (inputs[i].n * 2);
      double t_small = measure (renderer, linter, small);
      double t_large = measure (renderer, linter, large);

      g_print ("%-17s n=%-6u %8zu bytes %8.3f s   n=%-6u %8zu bytes %8.3f s   ratio %.2f\n",
               inputs[i].label, inputs[i].n, small->len, t_small, inputs[i].n * 2, large->len,
               t_large, t_large / MAX (t_small, 1e-6));
      if (t_large >= 1.0)
        slow = TRUE;
    }

  if (slow)
    g_print ("bench-hostile: some input took a second or more\n");
  return 0;
}
