/* test-draft.c — drafts: naming, atomic writes, reading back, staleness, timing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-draft.h"

#include "byline-test-util.h"

#include <sys/stat.h>

static char *tmpdir;

/* SHA-256 test vectors of FIPS 180-2, appendix B.1, and of the empty
 * message. */
static void
test_checksum (void)
{
  g_autofree char *empty = byline_draft_checksum ("", 0);
  g_autofree char *abc = byline_draft_checksum ("abc", -1);
  g_autofree char *abc_length = byline_draft_checksum ("abcdef", 3);

  g_assert_cmpstr (empty, ==, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  g_assert_cmpstr (abc, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_cmpstr (abc_length, ==, abc);
}

/* Two seconds after typing pauses, at most ten seconds after the first
 * change that is not in a draft. */
static void
test_next_write (void)
{
  static const struct {
    gint64 first;
    gint64 last;
    gint64 due;
  } cases[] = {
    { 0, 0, 2 * G_USEC_PER_SEC },
    { 0, 5 * G_USEC_PER_SEC, 7 * G_USEC_PER_SEC },
    { 0, 8 * G_USEC_PER_SEC, 10 * G_USEC_PER_SEC },
    { 0, 9 * G_USEC_PER_SEC, 10 * G_USEC_PER_SEC },
    { 0, 30 * G_USEC_PER_SEC, 10 * G_USEC_PER_SEC },
    { 100, 100 + G_USEC_PER_SEC / 2, 100 + 5 * G_USEC_PER_SEC / 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (byline_draft_next_write (cases[i].first, cases[i].last), ==, cases[i].due);
}

typedef struct
{
  gboolean     done;
  gboolean     ok;
  GError      *error;
  BylineDraft *draft;
} Wait;

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = byline_draft_store_save_finish (BYLINE_DRAFT_STORE (object), result, &wait->error);
  wait->done = TRUE;
}

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = byline_draft_store_remove_finish (BYLINE_DRAFT_STORE (object), result,
                                               &wait->error);
  wait->done = TRUE;
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *wait = user_data;

  wait->draft = byline_draft_store_load_finish (BYLINE_DRAFT_STORE (object), result,
                                                &wait->error);
  wait->done = TRUE;
}

static void
wait_for (Wait *wait)
{
  while (!wait->done)
    g_main_context_iteration (NULL, TRUE);
}

static BylineDraftStore *
new_store (const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, "drafts", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);

  return byline_draft_store_new (folder);
}

static void
save_and_wait (BylineDraftStore *store,
               GFile            *post,
               const char       *text,
               const char       *base)
{
  g_autofree char *checksum = byline_draft_checksum (base, -1);
  Wait wait = { 0 };

  byline_draft_store_save_async (store, post, text, -1, checksum, NULL, saved_cb, &wait);
  wait_for (&wait);
  g_assert_no_error (wait.error);
  g_assert_true (wait.ok);
}

static guint
count_files (GFile *folder)
{
  g_autofree char *path = g_file_get_path (folder);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint count = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    count++;

  return count;
}

/* A draft is keyed by the post's location: a path and a URI of the same post
 * name one file; another post has its own. */
static void
test_naming (void)
{
  g_autoptr(BylineDraftStore) store = new_store ("naming");
  g_autoptr(GFile) post = g_file_new_for_path ("/srv/site/content/blog/a/index.md");
  g_autoptr(GFile) same = g_file_new_for_uri ("file:///srv/site/content/blog/a/index.md");
  g_autoptr(GFile) other = g_file_new_for_path ("/srv/site/content/blog/b/index.md");
  g_autoptr(GFile) file = byline_draft_store_dup_file (store, post);
  g_autoptr(GFile) same_file = byline_draft_store_dup_file (store, same);
  g_autoptr(GFile) other_file = byline_draft_store_dup_file (store, other);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *checksum = g_compute_checksum_for_string (
    G_CHECKSUM_SHA256, "file:///srv/site/content/blog/a/index.md", -1);
  g_autofree char *expected = g_strconcat (checksum, ".draft", NULL);

  g_assert_true (g_file_equal (parent, byline_draft_store_get_folder (store)));
  g_assert_cmpstr (name, ==, expected);
  g_assert_true (g_file_equal (file, same_file));
  g_assert_false (g_file_equal (file, other_file));
  g_assert_false (byline_draft_store_has_draft (store, post));
}

/* Written, read back byte for byte, private, and replaced atomically. */
static void
test_save_load (void)
{
  g_autoptr(BylineDraftStore) store = new_store ("save-load");
  g_autoptr(GFile) post = g_file_new_for_path ("/srv/site/content/blog/a/index.md");
  g_autoptr(GFile) file = byline_draft_store_dup_file (store, post);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *folder_path = g_file_get_path (byline_draft_store_get_folder (store));
  g_autofree char *contents = NULL;
  g_autofree char *base = byline_draft_checksum ("---\ntitle: A\n---\n", -1);
  g_autofree char *expected = NULL;
  g_autoptr(BylineDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  /* The text as it is, NUL-free UTF-8 with CRLF and no final newline. */
  const char *text = "---\r\ntitle: A — é\r\n---\r\n\r\nTyped.";
  const char *read_text;
  gsize length = 0;
  struct stat st;

  save_and_wait (store, post, text, "---\ntitle: A\n---\n");
  g_assert_true (byline_draft_store_has_draft (store, post));

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  expected = g_strdup_printf ("Byline draft 1\npost: file:///srv/site/content/blog/a/index.md\n"
                              "base: %s\n\n%s", base, text);
  g_assert_cmpstr (contents, ==, expected);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  draft = byline_draft_store_load (store, post, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);
  read_text = byline_draft_get_text (draft, &length);
  g_assert_cmpmem (read_text, length, text, strlen (text));
  g_assert_cmpstr (byline_draft_get_base_checksum (draft), ==, base);
  g_assert_true (g_file_equal (byline_draft_get_post (draft), post));
  g_assert_nonnull (byline_draft_get_modified (draft));

  /* A second draft replaces the first; no temporary file is left. */
  save_and_wait (store, post, "Second.", "---\ntitle: A\n---\n");
  g_clear_pointer (&draft, byline_draft_unref);
  draft = byline_draft_store_load (store, post, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_draft_get_text (draft, NULL), ==, "Second.");
  g_assert_cmpuint (count_files (byline_draft_store_get_folder (store)), ==, 1);
}

/* Same text: nothing to restore; the post as the draft's base: newer; the
 * post changed since: stale. */
static void
test_compare (void)
{
  g_autoptr(BylineDraftStore) store = new_store ("compare");
  g_autoptr(GFile) post = g_file_new_for_path ("/srv/site/content/blog/a/index.md");
  g_autoptr(BylineDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  save_and_wait (store, post, "Base text.\nTyped.\n", "Base text.\n");
  draft = byline_draft_store_load (store, post, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (byline_draft_compare (draft, "Base text.\nTyped.\n", -1), ==,
                   BYLINE_DRAFT_STATE_SAME);
  g_assert_cmpint (byline_draft_compare (draft, "Base text.\n", -1), ==,
                   BYLINE_DRAFT_STATE_NEWER);
  g_assert_cmpint (byline_draft_compare (draft, "Base text.\nChanged elsewhere.\n", -1), ==,
                   BYLINE_DRAFT_STATE_STALE);
  /* The length counts: a prefix of the draft is another text. */
  g_assert_cmpint (byline_draft_compare (draft, "Base text.\nTyped.\nMore", 18), ==,
                   BYLINE_DRAFT_STATE_SAME);
}

static void
count_changed_cb (BylineDraftStore *store,
                  GFile            *post,
                  guint            *count)
{
  (*count)++;
}

/* Operations run in the order they were asked for: a removal right after a
 * save leaves no draft, the last of two saves wins. */
static void
test_order (void)
{
  g_autoptr(BylineDraftStore) store = new_store ("order");
  g_autoptr(GFile) post = g_file_new_for_path ("/srv/site/content/blog/a/index.md");
  g_autofree char *base = byline_draft_checksum ("", 0);
  Wait first = { 0 }, second = { 0 }, removed = { 0 }, loaded = { 0 };
  guint changed = 0;

  g_signal_connect (store, "changed", G_CALLBACK (count_changed_cb), &changed);

  byline_draft_store_save_async (store, post, "one", -1, base, NULL, saved_cb, &first);
  byline_draft_store_save_async (store, post, "two", -1, base, NULL, saved_cb, &second);
  byline_draft_store_load_async (store, post, NULL, loaded_cb, &loaded);
  byline_draft_store_remove_async (store, post, NULL, removed_cb, &removed);
  wait_for (&first);
  wait_for (&second);
  wait_for (&loaded);
  wait_for (&removed);
  g_assert_no_error (first.error);
  g_assert_no_error (second.error);
  g_assert_no_error (loaded.error);
  g_assert_no_error (removed.error);
  g_assert_true (removed.ok);

  g_assert_nonnull (loaded.draft);
  g_assert_cmpstr (byline_draft_get_text (loaded.draft, NULL), ==, "two");
  g_clear_pointer (&loaded.draft, byline_draft_unref);
  g_assert_false (byline_draft_store_has_draft (store, post));

  /* Removing a draft that is not there is no error; reading it gives none. */
  memset (&removed, 0, sizeof removed);
  byline_draft_store_remove_async (store, post, NULL, removed_cb, &removed);
  wait_for (&removed);
  g_assert_no_error (removed.error);
  memset (&loaded, 0, sizeof loaded);
  byline_draft_store_load_async (store, post, NULL, loaded_cb, &loaded);
  wait_for (&loaded);
  g_assert_no_error (loaded.error);
  g_assert_null (loaded.draft);

  /* Two saves and two removals, each announced. */
  while (changed < 4)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (changed, ==, 4);
}

typedef struct
{
  const char *name;
  const char *contents;
} BadDraft;

/* A damaged draft is an error naming the file; it is not removed. A draft
 * of another post under the same name is no draft of this one. */
static void
test_invalid (void)
{
  static const BadDraft bad[] = {
    { "no-header", "title: A\n" },
    { "no-text", "Byline draft 1\npost: file:///srv/a/index.md\nbase: 00" },
    { "bad-checksum", "Byline draft 1\npost: file:///srv/a/index.md\nbase: 12\n\ntext" },
    { "no-post", "Byline draft 1\nbase: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n\ntext" },
    { "not-utf8", "Byline draft 1\npost: file:///srv/a/index.md\n"
                  "base: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n\n\xff" },
  };
  g_autoptr(BylineDraftStore) store = new_store ("invalid");
  g_autoptr(GFile) post = g_file_new_for_path ("/srv/a/index.md");
  g_autoptr(GFile) file = byline_draft_store_dup_file (store, post);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *folder_path = g_file_get_path (byline_draft_store_get_folder (store));

  g_mkdir_with_parents (folder_path, 0700);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineDraft) draft = NULL;

      g_test_message ("%s", bad[i].name);
      g_file_set_contents (path, bad[i].contents, -1, &error);
      g_assert_no_error (error);

      draft = byline_draft_store_load (store, post, NULL, &error);
      g_assert_error (error, BYLINE_DRAFT_ERROR, BYLINE_DRAFT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_null (draft);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BylineDraft) draft = NULL;

    g_file_set_contents (path, "Byline draft 1\npost: file:///srv/other/index.md\n"
                         "base: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
                         "\nfuture-key: kept for later\n\ntext", -1, &error);
    g_assert_no_error (error);
    draft = byline_draft_store_load (store, post, NULL, &error);
    g_assert_no_error (error);
    g_assert_null (draft);
  }
}

/* The shared store keeps its drafts under $XDG_STATE_HOME. */
static void
test_default_folder (void)
{
  BylineDraftStore *store = byline_draft_store_get_default ();
  g_autofree char *expected = g_build_filename (tmpdir, "state", "byline", "drafts", NULL);
  g_autofree char *path = g_file_get_path (byline_draft_store_get_folder (store));

  g_assert_true (store == byline_draft_store_get_default ());
  g_assert_cmpstr (path, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = NULL;
  int ret;

  tmpdir = g_dir_make_tmp ("byline-test-draft-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  state = g_build_filename (tmpdir, "state", NULL);
  /* Before anything asks GLib for the folder: it is read once. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/draft/checksum", test_checksum);
  g_test_add_func ("/core/draft/next-write", test_next_write);
  g_test_add_func ("/core/draft/naming", test_naming);
  g_test_add_func ("/core/draft/save-load", test_save_load);
  g_test_add_func ("/core/draft/compare", test_compare);
  g_test_add_func ("/core/draft/order", test_order);
  g_test_add_func ("/core/draft/invalid", test_invalid);
  g_test_add_func ("/core/draft/default-folder", test_default_folder);

  ret = g_test_run ();

  byline_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return ret;
}
