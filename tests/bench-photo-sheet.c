/* bench-photo-sheet.c — typing while the photo sheet imports ten photos
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In a real window on a copy of the sample post (under xvfb-run,
 * GSK_RENDERER=cairo from the test environment), each edit types or
 * deletes one character in a paragraph and runs the analysis the idle
 * would run; the time goes from the keystroke to the preview's "patched"
 * (the patch has reached the page's DOM). First without anything else
 * running, then while the photo sheet imports ten 4000 × 3000 JPEGs stored
 * sideways (orientation 6) into the post's folder: they are turned
 * upright, scaled to 2400 pixels and re-encoded on worker threads, so the
 * keystroke path should not notice. Before that, while the sheet decodes
 * the ten photos' thumbnails (one worker of low priority, results applied
 * at low priority). Prints the import's time, the thumbnails' time, and
 * median, p95 and worst latency of each phase.
 */

#include "config.h"

#include "byline-photo-sheet.h"
#include "byline-preview-pane.h"
#include "byline-window.h"

#include "byline-test-photos.h"
#include "bench-util.h"
#include "byline-test-window.h"

#include <stdio.h>
#include <stdlib.h>

#define N_PHOTOS  10
/* The sheet is opened on ten new photos this many times, the last time
 * for the import: thumbnails of new files each time. */
#define N_THUMBNAIL_ROUNDS 5
#define N_BASE    60
#define N_WARM_UP 5
#define MAX_EDITS 2000

static guint n_patched;

static void
patched_cb (GtkWidget *preview,
            gpointer   user_data)
{
  n_patched++;
}

static void
print_stats (const char *label,
             GArray     *values)
{
  double *v = (double *) values->data;
  guint n = values->len;

  g_assert_cmpuint (n, >, 0);
  qsort (v, n, sizeof v[0], bench_compare_doubles);
  printf ("  %-40s n %4u   median %7.2f ms   p95 %7.2f ms   max %7.2f ms\n", label, n,
          n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2,
          v[MAX ((n * 95 + 99) / 100, 1) - 1], v[n - 1]);
}

/* One keystroke at @line (typed on even @i, deleted on odd), its analysis
 * and the preview's patch; returns the latency, and in @main_ms the main
 * thread's share (the keystroke's handlers and the analysis). */
static double
edit (BylineWindow *window,
      int           line,
      guint         i,
      double       *main_ms)
{
  BylineDocument *document = byline_window_get_document (window);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (document);
  guint target = n_patched + 1;
  GtkTextIter start;
  double t0;

  gtk_text_buffer_get_iter_at_line_offset (buffer, &start, line, 20);
  t0 = bench_now_ms ();
  byline_test_keystroke (buffer, &start, i % 2 == 0);
  byline_document_analyze_now (document);
  *main_ms = bench_now_ms () - t0;
  byline_test_wait_for (n_patched >= target);
  return bench_now_ms () - t0;
}

/* How many of the sheet's thumbnails show their picture. */
static guint
count_thumbnails (GtkWidget *widget)
{
  guint n = GTK_IS_IMAGE (widget) &&
            gtk_image_get_storage_type (GTK_IMAGE (widget)) == GTK_IMAGE_PAINTABLE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_thumbnails (child);
  return n;
}

static gboolean
importing (BylineWindow *window)
{
  BylinePhotoSheet *sheet = byline_window_get_photo_sheet (window);

  return sheet != NULL && byline_photo_sheet_get_importing (sheet);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmpdir = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bundle = NULL;
  g_autofree char *camera = NULL;
  g_autofree char *post_path = NULL;
  g_autofree char *first = NULL;
  g_autoptr(GFile) post = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GArray) base = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) during = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) base_main = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) during_main = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) thumbnails = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) thumbnails_main = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoslist(GFile) files = NULL;
  g_autoptr(GError) error = NULL;
  BylineApplication *app;
  BylineWindow *window;
  BylinePhotoSheet *sheet;
  GtkWidget *pane;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  double import_start, import_ms, thumbnails_ms;
  guint i;
  int line;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s SAMPLE/index.md\n", argv[0]);
      return 2;
    }
  if (!byline_test_gui_init (&argc, &argv, &tmpdir))
    return 77;
  if (!g_file_get_contents (argv[1], &text, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  bundle = g_build_filename (tmpdir, "post", NULL);
  camera = g_build_filename (tmpdir, "camera", NULL);
  g_mkdir_with_parents (bundle, 0700);
  g_mkdir_with_parents (camera, 0700);
  post_path = g_build_filename (bundle, "index.md", NULL);
  g_assert_true (g_file_set_contents (post_path, text, -1, NULL));
  post = g_file_new_for_path (post_path);

  /* Drawn once with a photo's grain (flat colours encode unrealistically
   * fast), then copied; tagged like a phone's when exiftool is there. */
  pixbuf = byline_test_draw_photo (4000, 3000, 6, TRUE);
  first = g_build_filename (camera, "IMG_2041.jpg", NULL);
  byline_test_save_photo (pixbuf, first, "jpeg");
  if (byline_test_have_exiftool ())
    byline_test_tag_photo (first, 6, "2024:06:15 13:00:00");
  for (i = 0; i < N_PHOTOS; i++)
    {
      g_autofree char *name = g_strdup_printf ("IMG_%u.jpg", 2041 + i);
      g_autofree char *path = g_build_filename (camera, name, NULL);
      g_autoptr(GFile) source = g_file_new_for_path (first);
      g_autoptr(GFile) copy = g_file_new_for_path (path);

      if (i > 0)
        {
          g_file_copy (source, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
          g_assert_no_error (error);
        }
      files = g_slist_append (files, g_steal_pointer (&copy));
    }

  app = byline_test_application_new ();
  window = byline_test_open_window (app, post);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  byline_test_wait_for (byline_document_is_analyzed (byline_window_get_document (window)));
  pane = byline_test_find_widget (GTK_WIDGET (window), BYLINE_TYPE_PREVIEW_PANE);
  byline_test_wait_for (byline_preview_pane_get_preview (BYLINE_PREVIEW_PANE (pane)) != NULL &&
                        byline_preview_pane_get_painted (BYLINE_PREVIEW_PANE (pane)));
  g_signal_connect (byline_preview_pane_get_preview (BYLINE_PREVIEW_PANE (pane)), "patched",
                    G_CALLBACK (patched_cb), NULL);

  /* A paragraph line in the middle of the post. */
  buffer = GTK_TEXT_BUFFER (byline_window_get_document (window));
  line = byline_test_middle_paragraph_line (buffer);

  for (i = 0; i < N_BASE + N_WARM_UP; i++)
    {
      double main_ms;
      double ms = edit (window, line, i, &main_ms);

      if (i >= N_WARM_UP)
        {
          g_array_append_val (base, ms);
          g_array_append_val (base_main, main_ms);
        }
    }

  /* The sheet on ten photos, dropped at the end; the writer types on while
   * the list's thumbnails are decoded. The last sheet imports them. */
  thumbnails_ms = 0;
  for (guint round = 0; round < N_THUMBNAIL_ROUNDS; round++)
    {
      g_autoslist(GFile) copies = NULL;
      GSList *dropped = files;
      double thumbnails_start;

      if (round + 1 < N_THUMBNAIL_ROUNDS)
        {
          for (GSList *l = files; l != NULL; l = l->next)
            {
              g_autofree char *original = g_file_get_basename (l->data);
              g_autofree char *name = g_strdup_printf ("R%u_%s", round, original);
              g_autofree char *path = g_build_filename (camera, name, NULL);
              GFile *copy = g_file_new_for_path (path);

              g_file_copy (l->data, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
              g_assert_no_error (error);
              copies = g_slist_append (copies, copy);
            }
          dropped = copies;
        }

      gtk_text_buffer_get_end_iter (buffer, &end);
      thumbnails_start = bench_now_ms ();
      g_assert_true (byline_window_drop_images (window, dropped, &end));
      byline_test_wait_for (byline_window_get_photo_sheet (window) != NULL &&
                            !byline_photo_sheet_get_loading (
                              byline_window_get_photo_sheet (window)));
      sheet = byline_window_get_photo_sheet (window);
      g_assert_cmpuint (byline_photo_sheet_get_n_photos (sheet), ==, N_PHOTOS);

      for (i = 0; count_thumbnails (GTK_WIDGET (sheet)) < N_PHOTOS && i < MAX_EDITS; i++)
        {
          double main_ms;
          double ms = edit (window, line, i, &main_ms);

          g_array_append_val (thumbnails, ms);
          g_array_append_val (thumbnails_main, main_ms);
        }
      byline_test_wait_for (count_thumbnails (GTK_WIDGET (sheet)) == N_PHOTOS);
      thumbnails_ms += bench_now_ms () - thumbnails_start;
      /* An even number of edits leaves the text as it was. */
      if (i % 2 == 1)
        {
          double main_ms;

          edit (window, line, i, &main_ms);
        }

      if (round + 1 < N_THUMBNAIL_ROUNDS)
        {
          byline_test_destroy_window (GTK_WINDOW (sheet));
          byline_test_wait_for (byline_window_get_photo_sheet (window) == NULL);
        }
    }
  thumbnails_ms /= N_THUMBNAIL_ROUNDS;

  /* A writer looks at the list before choosing Insert. */
  byline_test_wait_msec (1000);

  import_start = bench_now_ms ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.insert", NULL));
  for (i = 0; importing (window) && i < MAX_EDITS; i++)
    {
      double main_ms;
      double ms = edit (window, line, i, &main_ms);

      g_array_append_val (during, ms);
      g_array_append_val (during_main, main_ms);
    }
  byline_test_wait_for (byline_window_get_photo_sheet (window) == NULL);
  import_ms = bench_now_ms () - import_start;

  printf ("Keystroke to preview patched, sample post (%u cores here):\n",
          g_get_num_processors ());
  print_stats ("idle", base);
  if (thumbnails->len > 0)
    print_stats ("while the sheet decodes ten thumbnails", thumbnails);
  print_stats ("while importing ten 4000x3000 JPEGs", during);
  printf ("Of which the main thread (keystroke handlers + analysis):\n");
  print_stats ("idle", base_main);
  if (thumbnails_main->len > 0)
    print_stats ("while the sheet decodes ten thumbnails", thumbnails_main);
  print_stats ("while importing ten 4000x3000 JPEGs", during_main);
  printf ("  drop to ten thumbnails shown: %.2f s (mean of %u sheets)\n", thumbnails_ms / 1000,
          N_THUMBNAIL_ROUNDS);
  printf ("  import of %u photos through the sheet: %.2f s\n", N_PHOTOS, import_ms / 1000);

  byline_test_close_window (window);
  g_clear_object (&app);
  byline_test_remove_tree (tmpdir);
  return 0;
}
