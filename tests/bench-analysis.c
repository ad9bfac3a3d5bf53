/* bench-analysis.c — the document's analysis (render + lint) per edit, and
 * what typing costs beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs in a real window (under xvfb-run, GSK_RENDERER=cairo from the test
 * environment) on a copy of the sample bundle, then on the same bundle with
 * the sample's body 100 times over, and on the problems fixture with its
 * body 100 times over (some 600 findings to underline and list). For each
 * of 100 edits (one character in
 * a paragraph, typed then deleted) it measures:
 *
 *   typing     gtk_text_buffer_insert/delete with every handler of the
 *              document and the window: what a keystroke costs;
 *   core       byline_analysis_new(): parse + render + lint of the text,
 *              as the window and byline-cli make it (also without the
 *              rendering, as byline-cli check makes it, and without the
 *              rules, as byline-cli render makes it);
 *   main       the main thread's share of one analysis: for the sample the
 *              whole analysis, run at once, and the window's "analyzed"
 *              handlers (preview patch, underlines, problems panel); for the
 *              100x post only the snapshot and those handlers, the rest runs
 *              on the worker;
 *   round trip for the 100x post: from the edit to the new analysis;
 *   handlers   the window's handlers of the document's "analysis" property,
 *              with the problems panel open (preview patch sent, underlines
 *              re-tagged, problems list and header button), timed by
 *              notifying the property again once the edit's analysis is in.
 */

#include "config.h"

#include "byline-analysis.h"
#include "byline-application.h"
#include "byline-window.h"

#include "bench-util.h"
#include "byline-test-gui.h"
#include "byline-test-window.h"

#include <stdio.h>

#define N_EDITS   100
#define N_WARM_UP 5

static BylineApplication *app;

static void
print_stats (const char *label,
             double     *values)
{
  qsort (values, N_EDITS, sizeof values[0], bench_compare_doubles);
  printf ("  %-44s median %8.3f ms   p95 %8.3f ms\n", label,
          (values[N_EDITS / 2 - 1] + values[N_EDITS / 2]) / 2,
          values[(N_EDITS * 95) / 100 - 1]);
}

/* A copy of the sample's folder with @text as its index.md. */
static GFile *
make_bundle (const char *sample_folder,
             const char *text)
{
  g_autofree char *dir = g_dir_make_tmp ("byline-bench-analysis-XXXXXX", NULL);
  g_autoptr(GDir) handle = g_dir_open (sample_folder, 0, NULL);
  g_autofree char *index = g_build_filename (dir, "index.md", NULL);
  g_autoptr(GError) error = NULL;
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *source = g_build_filename (sample_folder, name, NULL);
      g_autofree char *target = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_str_has_suffix (name, ".md") || !g_file_get_contents (source, &contents, &length, NULL))
        continue;
      g_file_set_contents (target, contents, (gssize) length, &error);
      g_assert_no_error (error);
    }

  g_file_set_contents (index, text, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (index);
}

static void
bench_core (GFile      *file,
            const char *text)
{
  g_autoptr(BylineAnalysisContext) context = NULL;
  g_autoptr(GString) edited = g_string_new (text);
  g_autoptr(GError) error = NULL;
  gsize at = strlen (text) / 2;
  double all[N_EDITS], check[N_EDITS], render[N_EDITS];

  context = byline_analysis_context_new_for_file (file, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_EDITS + N_WARM_UP; i++)
    {
      g_autoptr(BylineAnalysis) analysis = NULL;
      g_autoptr(BylineAnalysis) checked = NULL;
      g_autoptr(BylineAnalysis) rendered = NULL;
      double t0, t1, t2, t3;

      /* A different text each time, as after a keystroke. */
      if (i % 2 == 0)
        g_string_insert_c (edited, (gssize) at, 'x');
      else
        g_string_erase (edited, (gssize) at, 1);

      t0 = bench_now_ms ();
      analysis = byline_analysis_new (context, edited->str, (gssize) edited->len, i,
                                      BYLINE_ANALYSIS_DEFAULT);
      t1 = bench_now_ms ();
      checked = byline_analysis_new (context, edited->str, (gssize) edited->len, i,
                                     BYLINE_ANALYSIS_NO_RENDER);
      t2 = bench_now_ms ();
      rendered = byline_analysis_new (context, edited->str, (gssize) edited->len, i,
                                      BYLINE_ANALYSIS_NO_LINT);
      t3 = bench_now_ms ();

      if (i >= N_WARM_UP)
        {
          all[i - N_WARM_UP] = t1 - t0;
          check[i - N_WARM_UP] = t2 - t1;
          render[i - N_WARM_UP] = t3 - t2;
        }
    }

  print_stats ("core: parse + render + lint", all);
  print_stats ("core: parse + lint (byline-cli check)", check);
  print_stats ("core: parse + render (byline-cli render)", render);
}

typedef struct
{
  guint    analyses;
} Timing;

/* Connected after the window's handlers, so it runs last. */
static void
analysis_cb (BylineDocument *document,
             GParamSpec     *pspec,
             Timing         *timing)
{
  timing->analyses++;
}

static void
bench_window (GFile      *file,
              const char *label,
              const char *text)
{
  BylineWindow *window = byline_window_new (GTK_APPLICATION (app));
  BylineDocument *document = byline_window_get_document (window);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (document);
  gboolean worker = strlen (text) >= BYLINE_DOCUMENT_WORKER_THRESHOLD;
  double typing[N_EDITS], main_thread[N_EDITS], round_trip[N_EDITS], handlers[N_EDITS];
  Timing timing = { 0 };
  int line;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  byline_window_load (window, file);
  byline_test_wait_for (byline_document_get_file (document) != NULL
                        && !byline_document_get_busy (document)
                        && byline_document_is_analyzed (document));

  /* With the problems panel open: its rows follow every analysis. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-problems", NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_signal_connect (document, "notify::analysis", G_CALLBACK (analysis_cb), &timing);

  /* A paragraph line in the middle of the post. */
  line = byline_test_middle_paragraph_line (buffer);

  for (guint i = 0; i < N_EDITS + N_WARM_UP; i++)
    {
      GtkTextIter start;
      guint analyses = timing.analyses;
      double t0, t1, t2, t3, t4;
      gtk_text_buffer_get_iter_at_line_offset (buffer, &start, line, 20);

      t0 = bench_now_ms ();
      byline_test_keystroke (buffer, &start, i % 2 == 0);
      t1 = bench_now_ms ();

      /* What the idle would run after the keystroke, run at once so that
       * each edit gets one analysis. */
      byline_document_analyze_now (document);
      t2 = bench_now_ms ();
      byline_test_wait_for (timing.analyses > analyses);
      t3 = bench_now_ms ();

      /* The window's handlers again, on the same analysis. */
      g_object_notify (G_OBJECT (document), "analysis");
      t4 = bench_now_ms ();

      /* Let the preview's patch and the repaint happen between edits. */
      while (g_main_context_iteration (NULL, FALSE))
        ;

      if (i < N_WARM_UP)
        continue;
      typing[i - N_WARM_UP] = t1 - t0;
      main_thread[i - N_WARM_UP] = worker ? (t2 - t1) + (t4 - t3) : t2 - t1;
      round_trip[i - N_WARM_UP] = t3 - t0;
      handlers[i - N_WARM_UP] = t4 - t3;
    }

  printf ("%s (%.1f KB, %u findings, %s):\n", label, strlen (text) / 1024.0,
          g_list_model_get_n_items (byline_document_get_problems (document)),
          worker ? "analysed on the worker" : "analysed on the main thread");
  bench_core (file, text);
  print_stats ("typing: one keystroke, all handlers", typing);
  print_stats (worker ? "main thread: snapshot + apply + handlers"
                      : "main thread: whole analysis + handlers", main_thread);
  if (worker)
    print_stats ("round trip: keystroke to new analysis", round_trip);
  print_stats ("window's \"analysis\" handlers", handlers);

  gtk_text_buffer_set_modified (buffer, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmpdir = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_100x = NULL;
  g_autofree char *sample_folder = NULL;
  g_autoptr(GFile) sample = NULL;
  g_autoptr(GFile) big = NULL;
  g_autofree char *problems_text = NULL;
  g_autofree char *problems_100x = NULL;
  g_autofree char *problems_folder = NULL;
  g_autoptr(GFile) problems = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 3)
    {
      fprintf (stderr, "Usage: %s SAMPLE/index.md PROBLEMS/index.md\n", argv[0]);
      return 2;
    }

  if (!byline_test_gui_init (&argc, &argv, &tmpdir))
    return 77;

  if (!g_file_get_contents (argv[1], &text, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  text_100x = bench_repeat_body (text, 100);
  sample_folder = g_path_get_dirname (argv[1]);
  sample = make_bundle (sample_folder, text);
  big = make_bundle (sample_folder, text_100x);

  if (!g_file_get_contents (argv[2], &problems_text, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  problems_100x = bench_repeat_body (problems_text, 100);
  problems_folder = g_path_get_dirname (argv[2]);
  problems = make_bundle (problems_folder, problems_100x);

  app = byline_test_application_new ();

  bench_window (sample, "sample", text);
  bench_window (big, "100x", text_100x);
  bench_window (problems, "problems fixture 100x", problems_100x);

  g_clear_object (&app);
  {
    g_autoptr(GFile) folder = g_file_get_parent (sample);
    g_autofree char *path = g_file_get_path (folder);

    byline_test_remove_tree (path);
  }
  {
    g_autoptr(GFile) folder = g_file_get_parent (big);
    g_autofree char *path = g_file_get_path (folder);

    byline_test_remove_tree (path);
  }
  {
    g_autoptr(GFile) folder = g_file_get_parent (problems);
    g_autofree char *path = g_file_get_path (folder);

    byline_test_remove_tree (path);
  }
  byline_test_remove_tree (tmpdir);

  return 0;
}
