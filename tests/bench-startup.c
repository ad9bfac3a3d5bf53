/* bench-startup.c — time from process start to the first painted window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-startup POST [RUNS]        runs itself RUNS times (default 10) and
 *                                    prints the median, minimum and maximum
 *   bench-startup --child POST       one start: prints "frame <ms> <ms>" when
 *                                    the window first paints the loaded post
 *
 * The parent measures from spawning the child to reading its line, so the
 * figure includes exec, dynamic linking and GTK's start-up. The child also
 * reports the time from main() to its first frame and to the first frame
 * that shows the post. Run it under Xvfb with GSK_RENDERER=cairo (as meson's
 * benchmark environment sets): figures are for that renderer.
 */

#include "config.h"

#include "byline-application.h"
#include "byline-window.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

static gint64 main_start;
static gint64 first_frame;

static void
after_paint_cb (GdkFrameClock *clock,
                BylineWindow  *window)
{
  BylineDocument *document = byline_window_get_document (window);
  gint64 now = g_get_monotonic_time ();

  if (first_frame == 0)
    first_frame = now;

  /* The frame that counts shows the post: loaded and analysed. */
  if (byline_document_get_analysis (document) == NULL)
    return;

  g_print ("frame %.1f %.1f\n",
           (first_frame - main_start) / 1000.0, (now - main_start) / 1000.0);
  fflush (stdout);

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

static void
window_realized_cb (GtkWidget *widget)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (after_paint_cb), widget, 0);
}

static void
window_added_cb (GtkApplication *application,
                 GtkWindow      *window)
{
  g_signal_connect (window, "realize", G_CALLBACK (window_realized_cb), NULL);
}

static int
run_child (const char *post)
{
  g_autoptr(BylineApplication) app = byline_application_new ();
  char *argv[] = { (char *) "byline", (char *) post, NULL };

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);

  return g_application_run (G_APPLICATION (app), 2, argv);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
print_stats (const char *what,
             GArray     *values)
{
  g_array_sort (values, compare_doubles);
  g_print ("%-40s median %6.1f ms   min %6.1f ms   max %6.1f ms\n", what,
           g_array_index (values, double, values->len / 2),
           g_array_index (values, double, 0),
           g_array_index (values, double, values->len - 1));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) in_first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) in_post = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *runtime = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *self_path = NULL;
  guint runs = 10;

  main_start = g_get_monotonic_time ();

  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);

  if (argc < 2)
    {
      g_printerr ("Usage: %s POST [RUNS]\n", argv[0]);
      return EXIT_FAILURE;
    }
  if (argc > 2)
    runs = (guint) CLAMP (atoi (argv[2]), 1, 1000);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("No display: run the benchmark under xvfb-run.\n");
      return EXIT_SUCCESS;
    }

  /* Private runtime and data folders, as in the GUI tests; no session bus,
   * no accessibility bridge. */
  runtime = g_dir_make_tmp ("byline-bench-XXXXXX", NULL);
  data_home = g_build_filename (runtime, "data", NULL);
  g_mkdir_with_parents (data_home, 0700);
  g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_setenv ("G_DEBUG", "gc-friendly", TRUE);

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (self_path == NULL)
    self_path = g_strdup (argv[0]);

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GDataInputStream) out = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *line = NULL;
      gint64 start = g_get_monotonic_time ();
      double elapsed, first, shown;

      child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                self_path, "--child", argv[1], NULL);
      g_assert_no_error (error);

      out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
      line = g_data_input_stream_read_line (out, NULL, NULL, &error);
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);

      if (line == NULL || sscanf (line, "frame %lf %lf", &first, &shown) != 2)
        {
          g_printerr ("The child did not report a frame (%s)\n", line ? line : "no output");
          return EXIT_FAILURE;
        }

      g_subprocess_wait (child, NULL, NULL);

      g_array_append_val (total, elapsed);
      g_array_append_val (in_first, first);
      g_array_append_val (in_post, shown);
    }

  g_print ("Startup of %s, %u runs (GSK_RENDERER=%s)\n", argv[1], runs,
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  print_stats ("spawn -> first frame showing the post", total);
  print_stats ("main() -> first frame", in_first);
  print_stats ("main() -> first frame showing the post", in_post);

  return EXIT_SUCCESS;
}
