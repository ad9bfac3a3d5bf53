/* bench-startup.c — from process start to the painted preview, step by step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-startup POST [RUNS]              runs itself RUNS times (default
 *                                          10) and prints the median, minimum
 *                                          and maximum of every step
 *   bench-startup --child POST SPAWN_USEC  one start, timed from SPAWN_USEC
 *                                          (the parent's monotonic clock)
 *
 * Every step is timed from the moment the parent spawns the child, so the
 * figures include exec, dynamic linking and GTK's start-up:
 *
 *   main()          dynamic linking and libraries' constructors before main()
 *   GTK ready       GApplication::startup done: display open, GTK and
 *                   libadwaita initialised, the application's actions
 *   window built    the window and its children constructed
 *   first frame     the first frame the window paints
 *   post shown      the first frame that shows the post's text
 *   analysed        the post's first analysis applied (render, rules)
 *   web process     WebKit asks for the preview's web process
 *   page committed  the preview's first page is in its web process
 *   page loaded     and loaded (the shell page with its scripts)
 *   preview painted the preview reports its first rendering painted: the
 *                   page ran the frame after the one that showed it
 *
 * The child prints one line, "step=ms ..." in that order; the parent also
 * runs one child with LD_DEBUG=statistics and reports what the dynamic
 * loader did before main(). Run it under Xvfb with GSK_RENDERER=cairo (as
 * meson's benchmark environment sets): the figures are for that renderer.
 * build-aux/compare-startup measures the same from the screen, side by
 * side with other editors.
 */

#include "config.h"

#include "byline-application.h"
#include "byline-preview-pane.h"
#include "byline-window.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <webkit/webkit.h>

#include "bench-util.h"
#include "byline-test-gui.h"

typedef enum
{
  STEP_MAIN,
  STEP_GTK,
  STEP_WINDOW,
  STEP_FIRST_FRAME,
  STEP_TEXT,
  STEP_ANALYSED,
  STEP_WEB_PROCESS,
  STEP_COMMITTED,
  STEP_LOADED,
  STEP_PREVIEW,
  N_STEPS
} Step;

static const struct {
  const char *key;
  const char *label;
} steps[N_STEPS] = {
  { "main", "main()" },
  { "gtk", "GTK ready" },
  { "window", "window built" },
  { "first-frame", "first frame" },
  { "text", "post shown" },
  { "analysed", "first analysis applied" },
  { "web-process", "web process asked for" },
  { "committed", "preview page committed" },
  { "loaded", "preview page loaded" },
  { "preview", "preview painted" },
};

static gint64 spawned;
static gint64 marks[N_STEPS];
/* The main thread's CPU time at each step: what the step cost this process
 * itself, whatever else the machine was doing. */
static gint64 cpu_marks[N_STEPS];
static BylineWindow *bench_window;

static void
mark (Step step)
{
  struct timespec cpu;

  if (marks[step] != 0)
    return;
  marks[step] = g_get_monotonic_time ();
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu);
  cpu_marks[step] = cpu.tv_sec * G_USEC_PER_SEC + cpu.tv_nsec / 1000;
}

static void
finish (void)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < N_STEPS; i++)
    g_string_append_printf (line, "%s%s=%.1f/%.1f", i > 0 ? " " : "", steps[i].key,
                            marks[i] != 0 ? (marks[i] - spawned) / 1000.0 : -1.0,
                            marks[i] != 0 ? cpu_marks[i] / 1000.0 : -1.0);
  g_print ("%s\n", line->str);
  fflush (stdout);
  /* Nothing of the shutdown is measured. */
  _exit (0);
}

static void
after_paint_cb (GdkFrameClock *clock,
                BylineWindow  *window)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (byline_window_get_document (window));

  mark (STEP_FIRST_FRAME);
  if (gtk_text_buffer_get_char_count (buffer) > 0
      && byline_document_get_file (byline_window_get_document (window)) != NULL)
    mark (STEP_TEXT);
}

static void
analysis_cb (BylineDocument *document)
{
  if (byline_document_get_analysis (document) != NULL)
    mark (STEP_ANALYSED);
}

static void
painted_cb (BylinePreviewPane *pane)
{
  mark (STEP_PREVIEW);
  finish ();
}

static void
load_changed_cb (GtkWidget       *web_view,
                 WebKitLoadEvent  event)
{
  if (event == WEBKIT_LOAD_COMMITTED)
    mark (STEP_COMMITTED);
  else if (event == WEBKIT_LOAD_FINISHED)
    mark (STEP_LOADED);
}

static void
web_process_cb (GObject *context)
{
  mark (STEP_WEB_PROCESS);
}

/* This program does not link WebKit, as Byline does not: the preview's
 * library loads as it does in Byline, and its objects are reached through
 * their signals and properties. */
static void
preview_created_cb (BylinePreviewPane *pane)
{
  GtkWidget *web_view = gtk_widget_get_first_child (byline_preview_pane_get_preview (pane));
  g_autoptr(GObject) context = NULL;

  g_object_get (web_view, "web-context", &context, NULL);
  g_signal_connect (web_view, "load-changed", G_CALLBACK (load_changed_cb), NULL);
  g_signal_connect (context, "initialize-web-process-extensions",
                    G_CALLBACK (web_process_cb), NULL);
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
  BylinePreviewPane *pane;

  if (!BYLINE_IS_WINDOW (window) || bench_window != NULL)
    return;
  mark (STEP_WINDOW);
  bench_window = BYLINE_WINDOW (window);
  g_signal_connect (window, "realize", G_CALLBACK (window_realized_cb), NULL);
  g_signal_connect (byline_window_get_document (bench_window), "notify::analysis",
                    G_CALLBACK (analysis_cb), NULL);
  pane = BYLINE_PREVIEW_PANE (byline_test_find_widget (GTK_WIDGET (window),
                                                       BYLINE_TYPE_PREVIEW_PANE));
  g_signal_connect (pane, "notify::painted", G_CALLBACK (painted_cb), NULL);
  if (byline_preview_pane_get_preview (pane) != NULL)
    preview_created_cb (pane);
  else
    g_signal_connect (pane, "notify::preview", G_CALLBACK (preview_created_cb), NULL);
}

static void
startup_cb (GApplication *application)
{
  mark (STEP_GTK);
}

static gboolean
timeout_cb (gpointer user_data)
{
  g_printerr ("The preview did not paint within 30 seconds\n");
  finish ();
  return G_SOURCE_REMOVE;
}

static int
run_child (const char *post)
{
  g_autoptr(BylineApplication) app = NULL;
  char *argv[] = { (char *) "byline", (char *) post, NULL };

  /* What Byline's main() does first. */
  byline_application_init_environment ();
  app = byline_application_new ();

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "startup", G_CALLBACK (startup_cb), NULL);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  g_timeout_add_seconds (30, timeout_cb, NULL);

  return g_application_run (G_APPLICATION (app), 2, argv);
}

static double
median_of (GArray *values)
{
  g_array_sort (values, bench_compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static void
print_stats (const char *what,
             GArray     *wall,
             GArray     *cpu)
{
  double median;

  if (wall->len == 0)
    {
      g_print ("%-26s (not reached)\n", what);
      return;
    }
  median = median_of (wall);
  g_print ("%-26s median %7.1f ms  (min %7.1f, max %7.1f)   main thread CPU %7.1f ms\n", what,
           median, g_array_index (wall, double, 0), g_array_index (wall, double, wall->len - 1),
           median_of (cpu));
}

/* One child; fills @wall and @cpu (one per step, -1 when not reached). */
static gboolean
run_once (const char  *self_path,
          const char  *post,
          gboolean     statistics,
          double      *wall,
          double      *cpu,
          GString     *loader)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *spawn_usec = NULL;
  g_auto(GStrv) fields = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | (statistics ? G_SUBPROCESS_FLAGS_STDERR_PIPE : 0));
  if (statistics)
    g_subprocess_launcher_setenv (launcher, "LD_DEBUG", "statistics", TRUE);

  spawn_usec = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  child = g_subprocess_launcher_spawn (launcher, &error, self_path, "--child", post, spawn_usec,
                                       NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (child, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  /* Each line is "PID: text"; only the first report counts, the one
   * before main(). */
  if (statistics && err != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (err, "\n", -1);
      gboolean in_report = FALSE;

      for (guint i = 0; lines[i] != NULL; i++)
        {
          char *text = strchr (lines[i], ':');

          if (text == NULL || *g_strstrip (++text) == '\0')
            continue;
          if (g_str_has_prefix (text, "runtime linker statistics"))
            {
              if (in_report)
                break;
              in_report = TRUE;
              continue;
            }
          if (in_report)
            g_string_append_printf (loader, "  %s\n", text);
        }
    }

  fields = g_strsplit (g_strstrip (out != NULL ? out : (char *) ""), " ", -1);
  if (g_strv_length (fields) != N_STEPS)
    {
      g_printerr ("The child reported no steps (%s)\n", out != NULL ? out : "no output");
      return FALSE;
    }
  for (guint i = 0; i < N_STEPS; i++)
    {
      const char *equals = strchr (fields[i], '=');
      const char *slash = strchr (fields[i], '/');

      wall[i] = equals != NULL ? g_ascii_strtod (equals + 1, NULL) : -1;
      cpu[i] = slash != NULL ? g_ascii_strtod (slash + 1, NULL) : -1;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  GArray *walls[N_STEPS];
  GArray *cpus[N_STEPS];
  g_autoptr(GString) loader = g_string_new (NULL);
  g_autofree char *runtime = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *self_path = NULL;
  g_autoptr(GFile) post = NULL;
  g_autofree char *post_path = NULL;
  double wall[N_STEPS];
  double cpu[N_STEPS];
  guint runs = 10;

  if (argc == 4 && g_str_equal (argv[1], "--child"))
    {
      mark (STEP_MAIN);
      spawned = g_ascii_strtoll (argv[3], NULL, 10);
      return run_child (argv[2]);
    }

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
  g_setenv ("XDG_CACHE_HOME", data_home, TRUE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_setenv ("G_DEBUG", "gc-friendly", TRUE);

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (self_path == NULL)
    self_path = g_strdup (argv[0]);
  post = g_file_new_for_commandline_arg (argv[1]);
  post_path = g_file_get_path (post);

  for (guint i = 0; i < N_STEPS; i++)
    {
      walls[i] = g_array_new (FALSE, FALSE, sizeof (double));
      cpus[i] = g_array_new (FALSE, FALSE, sizeof (double));
    }

  /* One run that is not counted warms the caches; it also reports what the
   * dynamic loader does before main(). */
  if (!run_once (self_path, post_path, TRUE, wall, cpu, loader))
    return EXIT_FAILURE;

  for (guint r = 0; r < runs; r++)
    {
      if (!run_once (self_path, post_path, FALSE, wall, cpu, loader))
        return EXIT_FAILURE;
      for (guint i = 0; i < N_STEPS; i++)
        if (wall[i] >= 0)
          {
            g_array_append_val (walls[i], wall[i]);
            g_array_append_val (cpus[i], cpu[i]);
          }
    }

  g_print ("Startup of %s, %u runs (GSK_RENDERER=%s), from spawning the process:\n", argv[1],
           runs, g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  for (guint i = 0; i < N_STEPS; i++)
    {
      print_stats (steps[i].label, walls[i], cpus[i]);
      g_array_unref (walls[i]);
      g_array_unref (cpus[i]);
    }
  g_print ("Dynamic loader before main() (LD_DEBUG=statistics):\n%s", loader->str);

  return EXIT_SUCCESS;
}
