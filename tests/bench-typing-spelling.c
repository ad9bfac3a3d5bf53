/* bench-typing-spelling.c — a keystroke to the patched preview, with spell
 * checking off and on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In a real window (under xvfb-run, GSK_RENDERER=cairo from the test
 * environment), on the sample post and on the sample with its body 100
 * times over, for 60 edits (one character typed, then deleted, in a
 * paragraph in the middle of the post):
 *
 *   typing      the keystroke itself, with every handler of the document
 *               and the window (spelling adds nothing here: its tags move
 *               with the text until the next analysis);
 *   analysis    from the keystroke to the new analysis (the 100x post is analysed
 *               on the worker thread, its spelling too);
 *   preview     from the keystroke to the preview's "patched", the page's
 *               next frame after the patch.
 *
 * The checker is loaded (and has seen the post's words once) before the
 * edits are timed.
 */

#include "config.h"

#include "byline-application.h"
#include "byline-editor.h"
#include "byline-preview.h"
#include "byline-window.h"

#include "bench-util.h"
#include "byline-test-gui.h"
#include "byline-test-window.h"

#include <stdio.h>
#include <string.h>

#define N_EDITS   60
#define N_WARM_UP 4

static BylineApplication *app;

static void
print_stats (const char *label,
             double     *values)
{
  qsort (values, N_EDITS, sizeof (double), bench_compare_doubles);
  printf ("  %-34s median %8.2f ms   p95 %8.2f ms\n", label, values[N_EDITS / 2],
          values[(N_EDITS * 95) / 100 - 1]);
}

static void
notify_flag_cb (gpointer    instance,
                GParamSpec *pspec,
                gboolean   *flag)
{
  *flag = TRUE;
}

static void
flag_cb (gpointer  instance,
         gboolean *flag)
{
  *flag = TRUE;
}

static void
bench (const char *dir,
       const char *label,
       const char *text,
       gboolean    spelling)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *path = g_build_filename (dir, "index.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  BylineWindow *window;
  BylineDocument *document;
  GtkTextBuffer *buffer;
  BylineEditor *editor;
  BylinePreview *preview;
  double typing[N_EDITS], analysis[N_EDITS], patched[N_EDITS];
  gboolean analyzed = FALSE, was_patched = FALSE;
  int line;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_settings_set_boolean (settings, "spell-checking", spelling);

  window = byline_window_new (GTK_APPLICATION (app));
  document = byline_window_get_document (window);
  buffer = GTK_TEXT_BUFFER (document);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  byline_window_load (window, file);
  byline_test_wait_for (byline_document_get_file (document) != NULL
                        && !byline_document_get_busy (document)
                        && byline_document_is_analyzed (document));
  editor = BYLINE_EDITOR (byline_test_find_widget (GTK_WIDGET (window), BYLINE_TYPE_EDITOR));
  if (spelling)
    byline_test_wait_for (byline_editor_spell_get_checker (byline_editor_get_spell (editor))
                          != NULL);
  byline_document_analyze_now (document);
  byline_test_wait_for (byline_document_is_analyzed (document));
  byline_test_wait_for ((preview = BYLINE_PREVIEW (byline_test_find_widget (
                           GTK_WIDGET (window), BYLINE_TYPE_PREVIEW))) != NULL);
  byline_test_wait_msec (1000);

  g_signal_connect (document, "notify::analysis", G_CALLBACK (notify_flag_cb), &analyzed);
  g_signal_connect (preview, "patched", G_CALLBACK (flag_cb), &was_patched);

  line = byline_test_middle_paragraph_line (buffer);

  for (guint i = 0; i < N_EDITS + N_WARM_UP; i++)
    {
      GtkTextIter start;
      double t0, t1, t2, t3;

      analyzed = was_patched = FALSE;
      gtk_text_buffer_get_iter_at_line_offset (buffer, &start, line, 20);

      t0 = bench_now_ms ();
      byline_test_keystroke (buffer, &start, i % 2 == 0);
      t1 = bench_now_ms ();
      byline_test_wait_for (analyzed);
      t2 = bench_now_ms ();
      byline_test_wait_for (was_patched);
      t3 = bench_now_ms ();

      if (i < N_WARM_UP)
        continue;
      typing[i - N_WARM_UP] = t1 - t0;
      analysis[i - N_WARM_UP] = t2 - t0;
      patched[i - N_WARM_UP] = t3 - t0;
    }

  printf ("%s, spelling %s (%.1f KB, %u findings):\n", label, spelling ? "on" : "off",
          strlen (text) / 1024.0,
          g_list_model_get_n_items (byline_document_get_problems (document)));
  print_stats ("typing: the keystroke", typing);
  print_stats ("keystroke to analyzed", analysis);
  print_stats ("keystroke to patched preview", patched);

  gtk_text_buffer_set_modified (buffer, FALSE);
  byline_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmpdir = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_100x = NULL;
  g_autofree char *small = NULL;
  g_autofree char *big = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s SAMPLE/index.md\n", argv[0]);
      return 2;
    }
  if (!byline_test_gui_init (&argc, &argv, &tmpdir))
    return 77;
  if (!byline_spell_dictionary_exists ("en_US"))
    {
      printf ("SKIP: no en_US dictionary for Enchant (hunspell-en-us)\n");
      return 77;
    }
  if (!g_file_get_contents (argv[1], &text, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  text_100x = bench_repeat_body (text, 100);
  small = g_build_filename (tmpdir, "sample", NULL);
  big = g_build_filename (tmpdir, "sample-100x", NULL);
  g_mkdir_with_parents (small, 0700);
  g_mkdir_with_parents (big, 0700);

  app = byline_test_application_new ();

  printf ("# GSK_RENDERER=%s\n", g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "");
  bench (small, "sample", text, FALSE);
  bench (small, "sample", text, TRUE);
  bench (big, "100x", text_100x, FALSE);
  bench (big, "100x", text_100x, TRUE);

  g_clear_object (&app);
  byline_test_remove_tree (tmpdir);
  return 0;
}
