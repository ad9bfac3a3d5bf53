/* test-photo-import.c — batches of pictures into a bundle, their order and their calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-photo.h"
#include "byline-thread.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "byline-test-photo-fixture.h"

typedef struct
{
  GMainLoop    *loop;
  GPtrArray    *imports;
  GError       *error;
  GString      *progress;
  GCancellable *cancel_after_first;
  const char   *release;         /* a named pipe a worker may wait on */
  guint         release_source;
} Batch;

/* A worker that reached the pipe before the cancel waits in open() for a
 * writer; one that comes after it skips the pipe. Opening it for writing
 * without blocking succeeds only while a reader waits, and closing it then
 * gives that reader an empty file: try until the batch is over. */
static gboolean
release_cb (gpointer user_data)
{
  Batch *batch = user_data;
  int fd = g_open (batch->release, O_WRONLY | O_NONBLOCK, 0);

  if (fd >= 0)
    g_close (fd, NULL);
  return G_SOURCE_CONTINUE;
}

static void
progress_cb (guint     done,
             guint     total,
             GFile    *source,
             gpointer  user_data)
{
  Batch *batch = user_data;
  g_autofree char *name = g_file_get_basename (source);

  g_string_append_printf (batch->progress, "%u/%u %s;", done, total, name);
  if (batch->cancel_after_first != NULL)
    g_cancellable_cancel (batch->cancel_after_first);
  if (batch->release != NULL && batch->release_source == 0)
    batch->release_source = g_timeout_add (5, release_cb, batch);
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Batch *batch = user_data;

  batch->imports = byline_photo_import_finish (result, &batch->error);
  g_clear_handle_id (&batch->release_source, g_source_remove);
  g_main_loop_quit (batch->loop);
}

static void
run_batch (BylinePhotoFixture *fixture,
           Batch              *batch,
           GPtrArray          *sources,
           GCancellable       *cancellable)
{
  BylinePhotoOptions options = byline_photo_fixture_options ();

  batch->loop = g_main_loop_new (NULL, FALSE);
  batch->progress = g_string_new (NULL);
  byline_photo_import_async (fixture->folder, (GFile * const *) sources->pdata, sources->len,
                             &options, progress_cb, batch, NULL, cancellable, imported_cb,
                             batch);
  g_main_loop_run (batch->loop);
  g_main_loop_unref (batch->loop);
}

static void
batch_clear (Batch *batch)
{
  g_clear_pointer (&batch->imports, g_ptr_array_unref);
  g_clear_error (&batch->error);
  g_string_free (batch->progress, TRUE);
}

static GPtrArray *
make_sources (BylinePhotoFixture *fixture)
{
  static const char * const names[] = { "c.png", "a.png", "b.png" };
  GPtrArray *sources = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = byline_photo_fixture_make (fixture, names[i], 40, 20, 1, NULL);

      g_ptr_array_add (sources, g_file_new_for_path (path));
    }
  return sources;
}

static void
test_batch (BylinePhotoFixture *fixture,
            gconstpointer       data)
{
  g_autoptr(GPtrArray) sources = make_sources (fixture);
  g_autofree char *listing = NULL;
  Batch batch = { 0 };

  run_batch (fixture, &batch, sources, NULL);
  g_assert_no_error (batch.error);
  /* The pictures are written side by side: they may finish in any order,
   * but each once, and the count goes up by one. */
  g_assert_true (g_regex_match_simple ("^1/3 ([abc])\\.png;2/3 (?!\\1)([abc])\\.png;"
                                       "3/3 (?!\\1|\\2)[abc]\\.png;$",
                                       batch.progress->str, 0, 0));
  g_assert_cmpuint (batch.imports->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const BylinePhotoImport *import = g_ptr_array_index (batch.imports, i);

      g_assert_true (g_file_equal (import->source, g_ptr_array_index (sources, i)));
    }
  listing = byline_photo_fixture_list (fixture);
  g_assert_cmpstr (listing, ==, "a.png b.png c.png index.md");
  batch_clear (&batch);
}

/* Sources of one name are numbered in the order given, however the
 * workers finish. */
static void
test_batch_same_names (BylinePhotoFixture *fixture,
                       gconstpointer       data)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  Batch batch = { 0 };

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *sub = g_strdup_printf ("card-%u", i);
      g_autofree char *dir = g_build_filename (fixture->originals, sub, NULL);
      g_autofree char *path = g_build_filename (dir, "IMG_1.PNG", NULL);
      g_autoptr(GdkPixbuf) pixbuf = byline_test_draw_photo (40 + 10 * i, 20, 1, FALSE);

      g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
      byline_test_save_photo (pixbuf, path, "png");
      g_ptr_array_add (sources, g_file_new_for_path (path));
    }

  run_batch (fixture, &batch, sources, NULL);
  g_assert_no_error (batch.error);
  for (guint i = 0; i < 4; i++)
    {
      const BylinePhotoImport *import = g_ptr_array_index (batch.imports, i);
      g_autofree char *name = g_file_get_basename (import->file);
      g_autofree char *expected = i == 0 ? g_strdup ("img-1.png")
                                         : g_strdup_printf ("img-1-%u.png", i + 1);

      g_assert_cmpstr (name, ==, expected);
      g_assert_cmpint (import->width, ==, 40 + 10 * (int) i);
    }
  batch_clear (&batch);
}

/* Cancelled after the first picture: the bundle is left as it was, with no
 * temporary file either. The second source is a named pipe, so that the
 * worker waits there until the cancel has happened. */
static void
test_batch_cancelled (BylinePhotoFixture *fixture,
                      gconstpointer       data)
{
  g_autoptr(GPtrArray) sources = make_sources (fixture);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *fifo = g_build_filename (fixture->originals, "waiting.jpg", NULL);
  g_autofree char *listing = NULL;
  Batch batch = { 0 };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_ptr_array_insert (sources, 1, g_file_new_for_path (fifo));
  batch.cancel_after_first = cancellable;
  batch.release = fifo;
  run_batch (fixture, &batch, sources, cancellable);
  g_assert_true (g_str_has_prefix (batch.progress->str, "1/4 "));
  g_assert_error (batch.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (batch.imports);
  listing = byline_photo_fixture_list (fixture);
  g_assert_cmpstr (listing, ==, "index.md");
  batch_clear (&batch);

  /* Cancelled before it starts. */
  run_batch (fixture, &batch, sources, cancellable);
  g_assert_error (batch.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_pointer (&listing, g_free);
  listing = byline_photo_fixture_list (fixture);
  g_assert_cmpstr (listing, ==, "index.md");
  batch_clear (&batch);
}

/* The nice value of each of the process's threads but the calling one. */
static GArray *
other_threads_nice (void)
{
  GArray *values = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  g_autofree char *self = g_strdup_printf ("%ld", (long) syscall (SYS_gettid));
  const char *tid;

  while (dir != NULL && (tid = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc/self/task", tid, "stat", NULL);
      g_autofree char *stat = NULL;
      g_auto(GStrv) fields = NULL;
      const char *after_name;
      int nice;

      if (strcmp (tid, self) == 0 || !g_file_get_contents (path, &stat, NULL, NULL) ||
          (after_name = strrchr (stat, ')')) == NULL)
        continue;
      /* proc_pid_stat(5): after "(comm) ", state is field 3, nice 19. */
      fields = g_strsplit (after_name + 2, " ", -1);
      if (g_strv_length (fields) < 17)
        continue;
      nice = atoi (fields[16]);
      g_array_append_val (values, nice);
    }
  return values;
}

typedef struct
{
  Batch    batch;
  gint64   give_up;          /* monotonic time */
  gboolean seen_background;
} PriorityBatch;

static gboolean
watch_priority_cb (gpointer user_data)
{
  PriorityBatch *watch = user_data;
  g_autoptr(GArray) values = other_threads_nice ();

  for (guint i = 0; i < values->len; i++)
    watch->seen_background |= g_array_index (values, int, i) == BYLINE_THREAD_BACKGROUND_NICE;
  if (!watch->seen_background && g_get_monotonic_time () < watch->give_up)
    return G_SOURCE_CONTINUE;
  /* The worker waits on the pipe (at its lower priority, or the test
   * fails): let it go on. */
  release_cb (&watch->batch);
  return G_SOURCE_CONTINUE;
}

/* Imported from the window, the pictures are prepared on threads of the
 * batch's own at a lower priority, so that typing stays quick; the
 * window's thread keeps its own. The source is a named pipe, so that the
 * worker is seen while it waits there. */
static void
test_batch_priority (BylinePhotoFixture *fixture,
                     gconstpointer       data)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *fifo = g_build_filename (fixture->originals, "waiting.jpg", NULL);
  PriorityBatch watch = { 0 };
  int main_nice;
  guint source;

  errno = 0;
  main_nice = getpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid));
  g_assert_cmpint (errno, ==, 0);
  if (main_nice >= BYLINE_THREAD_BACKGROUND_NICE)
    {
      g_test_skip ("The tests already run at the background priority");
      return;
    }

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_ptr_array_add (sources, g_file_new_for_path (fifo));
  watch.batch.release = fifo;
  watch.give_up = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  source = g_timeout_add (5, watch_priority_cb, &watch);
  run_batch (fixture, &watch.batch, sources, NULL);
  g_source_remove (source);

  g_assert_true (watch.seen_background);
  g_assert_cmpint (getpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid)), ==, main_nice);
  /* The pipe gave an empty file, which is no picture. */
  g_assert_nonnull (watch.batch.error);
  g_assert_null (watch.batch.imports);
  batch_clear (&watch.batch);
}

/* One unreadable picture fails the batch and takes the others back out. */
static void
test_batch_failure (BylinePhotoFixture *fixture,
                    gconstpointer       data)
{
  g_autoptr(GPtrArray) sources = make_sources (fixture);
  g_autofree char *bad = g_build_filename (fixture->originals, "bad.jpg", NULL);
  g_autofree char *listing = NULL;
  Batch batch = { 0 };

  g_assert_true (g_file_set_contents (bad, "\xff\xd8\xff but nothing else", -1, NULL));
  g_ptr_array_add (sources, g_file_new_for_path (bad));
  run_batch (fixture, &batch, sources, NULL);
  g_assert_error (batch.error, BYLINE_PHOTO_ERROR, BYLINE_PHOTO_ERROR_UNREADABLE);
  listing = byline_photo_fixture_list (fixture);
  g_assert_cmpstr (listing, ==, "index.md");
  batch_clear (&batch);
}

static void
test_sort (BylinePhotoFixture *fixture,
           gconstpointer       data)
{
  static const struct { const char *name; const char *taken; } photos[] = {
    { "IMG_10.jpg", "2024:06:15 09:00:00" },
    { "IMG_2.jpg", NULL },
    { "IMG_1.jpg", "2024:06:15 11:00:00" },
    { "IMG_3.jpg", "2024:06:15 08:30:00" },
  };
  g_autoptr(GPtrArray) imports =
    g_ptr_array_new_with_free_func ((GDestroyNotify) byline_photo_import_free);
  BylinePhotoOrder order;
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (photos); i++)
    {
      g_autofree char *path = byline_photo_fixture_make (fixture, photos[i].name, 8, 8, 1, photos[i].taken);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      BylinePhotoImport *import = g_new0 (BylinePhotoImport, 1);

      import->source = g_object_ref (file);
      import->file = g_object_ref (file);
      import->info = byline_photo_info_new_for_file (file, NULL, NULL);
      g_assert_nonnull (import->info);
      g_ptr_array_add (imports, import);
    }

  g_assert_true (byline_photo_order_from_string ("time", &order));
  byline_photo_imports_sort (imports, order);
  for (guint i = 0; i < imports->len; i++)
    {
      g_autofree char *name = g_file_get_basename (((BylinePhotoImport *) imports->pdata[i])->source);

      g_string_append_printf (names, "%s ", name);
    }
  g_assert_cmpstr (names->str, ==, "IMG_3.jpg IMG_10.jpg IMG_1.jpg IMG_2.jpg ");

  g_string_truncate (names, 0);
  byline_photo_imports_sort (imports, BYLINE_PHOTO_ORDER_NAME);
  for (guint i = 0; i < imports->len; i++)
    {
      g_autofree char *name = g_file_get_basename (((BylinePhotoImport *) imports->pdata[i])->source);

      g_string_append_printf (names, "%s ", name);
    }
  g_assert_cmpstr (names->str, ==, "IMG_1.jpg IMG_2.jpg IMG_3.jpg IMG_10.jpg ");
  g_assert_false (byline_photo_order_from_string ("size", &order));
  g_string_free (names, TRUE);

  /* The same order for pictures not imported yet, as a list shows them. */
  {
    const BylinePhotoImport *first = g_ptr_array_index (imports, 0);   /* IMG_1, 11:00 */
    const BylinePhotoImport *second = g_ptr_array_index (imports, 1);  /* IMG_2, no time */

    g_assert_cmpint (byline_photo_compare (first->source, first->info, second->source,
                                           second->info, BYLINE_PHOTO_ORDER_TIME), <, 0);
    g_assert_cmpint (byline_photo_compare (second->source, NULL, first->source, first->info,
                                           BYLINE_PHOTO_ORDER_TIME), >, 0);
    g_assert_cmpint (byline_photo_compare (second->source, second->info, first->source,
                                           first->info, BYLINE_PHOTO_ORDER_NAME), >, 0);
    g_assert_cmpint (byline_photo_compare (second->source, second->info, first->source,
                                           first->info, BYLINE_PHOTO_ORDER_GIVEN), ==, 0);
  }
}

/* The call for a picture, from its metadata, in the istio.io style: no
 * final period in the caption (the site's image/caption-period). */
static void
test_fields (BylinePhotoFixture *fixture,
             gconstpointer       data)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(BylinePhotoImport) import = NULL;
  g_autoptr(BylineImageFields) fields = NULL;
  g_autoptr(GError) error = NULL;
  BylinePhotoOptions options;

  byline_photo_options_init (&options, profile);
  path = byline_photo_fixture_make (fixture, "Stage.jpg", 40, 30, 1, "2024:06:15 14:03:07");
  source = g_file_new_for_path (path);
  import = byline_photo_import_file (source, fixture->folder, &options, NULL, &error);
  g_assert_no_error (error);
  fields = byline_photo_import_to_fields (import, profile);
  text = byline_image_fields_to_shortcode (fields);
  g_assert_cmpstr (text, ==,
                   "{{< image width=\"75%\"\n"
                   "    link=\"./stage.jpg\"\n"
                   "    alt=\"A speaker on a lit stage\"\n"
                   "    title=\"Keynote\"\n"
                   "    caption=\"Stage at dusk\"\n"
                   "    >}}");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/photo-import/" path, BylinePhotoFixture, NULL, byline_photo_fixture_set_up, func, \
              byline_photo_fixture_tear_down)

  if (!byline_test_have_exiftool ())
    {
      g_test_add_func ("/core/photo-import/exiftool", byline_test_skip_without_exiftool);
      return g_test_run ();
    }

  ADD ("batch", test_batch);
  ADD ("batch-same-names", test_batch_same_names);
  ADD ("batch-cancelled", test_batch_cancelled);
  ADD ("batch-failure", test_batch_failure);
  ADD ("batch-priority", test_batch_priority);
  ADD ("sort", test_sort);
  ADD ("fields", test_fields);

#undef ADD

  return g_test_run ();
}
