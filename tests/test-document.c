/* test-document.c — BylineDocument: load, save, modified state, analysis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-document.h"

#include "byline-test-gui.h"

static char *tmpdir;

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Result;

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Result *r = user_data;

  r->ok = byline_document_load_finish (BYLINE_DOCUMENT (object), result, &r->error);
  r->done = TRUE;
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Result *r = user_data;

  r->ok = byline_document_save_finish (BYLINE_DOCUMENT (object), result, &r->error);
  r->done = TRUE;
}

static gboolean
load (BylineDocument *document,
      GFile          *file,
      GError        **error)
{
  Result r = { 0 };

  byline_document_load_async (document, file, NULL, load_cb, &r);
  /* Busy until done, whatever the outcome: the text must not be edited. */
  g_assert_true (byline_document_get_busy (document));
  byline_test_wait_for (r.done);
  g_assert_false (byline_document_get_busy (document));
  if (r.error != NULL)
    g_propagate_error (error, r.error);

  return r.ok;
}

static gboolean
save_full (BylineDocument *document,
           GFile          *file,
           gboolean        overwrite,
           GError        **error)
{
  Result r = { 0 };

  byline_document_save_async (document, file, overwrite, NULL, save_cb, &r);
  byline_test_wait_for (r.done);
  if (r.error != NULL)
    g_propagate_error (error, r.error);

  return r.ok;
}

static gboolean
save (BylineDocument *document,
      GFile          *file,
      GError        **error)
{
  return save_full (document, file, FALSE, error);
}

static char *
get_text (BylineDocument *document)
{
  return byline_test_dup_buffer_text (GTK_TEXT_BUFFER (document));
}

static void
test_load_title (void)
{
  BylineDocument *document = byline_document_new ();
  g_autoptr(BylineProfile) builtin = byline_profile_new_builtin ();
  g_autoptr(GFile) file = byline_test_copy_fixture ("post-lf.md", tmpdir);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_assert_null (byline_document_get_title (document));
  g_assert_null (byline_document_get_file (document));
  g_assert_nonnull (byline_document_get_profile (document));

  g_assert_true (load (document, file, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_equal (byline_document_get_file (document), file));
  g_assert_null (byline_document_get_profile_error (document));
  g_assert_cmpstr (byline_profile_get_name (byline_document_get_profile (document)), ==,
                   byline_profile_get_name (builtin));
  g_assert_cmpstr (byline_document_get_title (document), ==, "A Fixture Post");
  name = byline_document_dup_display_name (document);
  g_assert_cmpstr (name, ==, "A Fixture Post");
  g_assert_nonnull (byline_document_get_analysis (document));
  g_assert_nonnull (byline_analysis_get_rendering (byline_document_get_analysis (document)));
  g_assert_true (byline_document_is_analyzed (document));
  g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
  g_assert_false (byline_document_get_busy (document));

  /* Nothing it started (file monitor, analysis) keeps it alive. */
  g_assert_finalize_object (document);
}

/* Opening and saving without edits must leave every kind of file as it was.
 * A plain save of an unchanged post writes nothing; "Save As" writes what
 * the loader and the saver make of it, which must be the same bytes. */
static void
test_save_unchanged (gconstpointer data)
{
  const char *fixture = data;
  g_autoptr(BylineDocument) document = byline_document_new ();
  g_autoptr(GFile) file = byline_test_copy_fixture (fixture, tmpdir);
  g_autofree char *copy_name = g_strconcat ("copy-", fixture, NULL);
  g_autofree char *copy_path = g_build_filename (tmpdir, copy_name, NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(GBytes) before = byline_test_read_bytes (file);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) copied = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (load (document, file, &error));
  g_assert_no_error (error);
  g_assert_true (save (document, NULL, &error));
  g_assert_no_error (error);
  after = byline_test_read_bytes (file);
  g_assert_cmpmem (g_bytes_get_data (before, NULL), g_bytes_get_size (before),
                   g_bytes_get_data (after, NULL), g_bytes_get_size (after));

  g_assert_true (save (document, copy, &error));
  g_assert_no_error (error);
  copied = byline_test_read_bytes (copy);
  g_assert_cmpmem (g_bytes_get_data (before, NULL), g_bytes_get_size (before),
                   g_bytes_get_data (copied, NULL), g_bytes_get_size (copied));
}

/* Mixed line endings: the saver would normalise them, so an unchanged post
 * must not be written at all. */
static void
test_save_unchanged_mixed (void)
{
  g_autoptr(BylineDocument) document = byline_document_new ();
  g_autoptr(GFile) file = byline_test_copy_fixture ("post-mixed.md", tmpdir);
  g_autoptr(GBytes) before = byline_test_read_bytes (file);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter iter;

  g_assert_true (load (document, file, &error));
  /* An edit undone leaves the buffer unmodified again. */
  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (document), &iter);
  gtk_text_buffer_begin_user_action (GTK_TEXT_BUFFER (document));
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &iter, "x", -1);
  gtk_text_buffer_end_user_action (GTK_TEXT_BUFFER (document));
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
  gtk_text_buffer_undo (GTK_TEXT_BUFFER (document));
  g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));

  g_assert_true (save (document, NULL, &error));
  g_assert_no_error (error);
  after = byline_test_read_bytes (file);
  g_assert_true (g_bytes_equal (before, after));
}

typedef struct
{
  const char *fixture;
  int         line;       /* 0-based line to insert at */
  const char *insert;
  const char *expected;
} EditCase;

static const EditCase edit_cases[] = {
  { "post-lf.md", 8, "Inserted. ",
    "---\ntitle: \"A Fixture Post\"\ndescription: Used by the GUI tests.\n"
    "publishdate: 2024-05-01\nattribution: The Byline Tests\nkeywords: [byline,tests]\n---\n\n"
    "Inserted. The first paragraph of the fixture.\n\n"
    "{{< image width=\"75%\" link=\"./photo.jpg\" caption=\"A photo\" >}}\n\n"
    "## A heading\n\nThe last paragraph.\n" },
  /* A line typed into a CRLF post gets CRLF too, as the rest of the file. */
  { "post-crlf.md", 8, "A new line.\n",
    "---\r\ntitle: \"A Fixture Post\"\r\ndescription: Used by the GUI tests.\r\n"
    "publishdate: 2024-05-01\r\nattribution: The Byline Tests\r\nkeywords: [byline,tests]\r\n"
    "---\r\n\r\nA new line.\r\nThe first paragraph of the fixture.\r\n\r\n"
    "{{< image width=\"75%\" link=\"./photo.jpg\" caption=\"A photo\" >}}\r\n\r\n"
    "## A heading\r\n\r\nThe last paragraph.\r\n" },
  { "post-no-newline.md", 4, "Still ",
    "---\ntitle: No Final Newline\n---\n\nStill The text ends without a newline." },
};

static void
test_save_edit (gconstpointer data)
{
  const EditCase *c = data;
  g_autoptr(BylineDocument) document = byline_document_new ();
  g_autoptr(GFile) file = byline_test_copy_fixture (c->fixture, tmpdir);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter iter;

  g_assert_true (load (document, file, &error));
  g_assert_no_error (error);

  gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (document), &iter, c->line);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &iter, c->insert, -1);
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));

  g_assert_true (save (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));

  after = byline_test_read_bytes (file);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after),
                   c->expected, strlen (c->expected));
}

typedef struct
{
  const char *fixture;
  int         code;
  const char *message;
} RefuseCase;

static const RefuseCase refuse_cases[] = {
  { "invalid-utf8.md", BYLINE_DOCUMENT_ERROR_INVALID_UTF8,
    "“invalid-utf8.md” is not valid UTF-8 text (line 5). Byline only opens UTF-8 files: "
    "convert it first, for example with iconv." },
  { "binary.md", BYLINE_DOCUMENT_ERROR_BINARY,
    "“binary.md” is not a text file: line 4 holds a NUL byte. "
    "Open the post’s Markdown file instead." },
};

/* A file that is not UTF-8 text is refused before anything is touched: the
 * buffer keeps its text and the file its bytes. */
static void
test_load_refused (gconstpointer data)
{
  const RefuseCase *c = data;
  g_autoptr(BylineDocument) document = byline_document_new ();
  g_autoptr(GFile) file = byline_test_copy_fixture (c->fixture, tmpdir);
  g_autoptr(GBytes) before = byline_test_read_bytes (file);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (document), "kept", -1);
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (document), FALSE);

  g_assert_false (load (document, file, &error));
  g_assert_error (error, BYLINE_DOCUMENT_ERROR, c->code);
  g_assert_cmpstr (error->message, ==, c->message);

  text = get_text (document);
  g_assert_cmpstr (text, ==, "kept");
  g_assert_null (byline_document_get_file (document));
  g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
  g_assert_false (byline_document_get_busy (document));

  after = byline_test_read_bytes (file);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_load_folder (void)
{
  g_autoptr(BylineDocument) document = byline_document_new ();
  g_autoptr(GFile) folder = g_file_new_for_path (tmpdir);
  g_autoptr(GError) error = NULL;

  g_assert_false (load (document, folder, &error));
  g_assert_error (error, BYLINE_DOCUMENT_ERROR, BYLINE_DOCUMENT_ERROR_NOT_REGULAR);
}

/* Connected swapped, so that the counter comes first whatever the signal. */
static void
count_cb (guint *counter)
{
  (*counter)++;
}

static void
test_modified (void)
{
  g_autoptr(BylineDocument) document = byline_document_new ();
  g_autoptr(GFile) file = byline_test_copy_fixture ("post-lf.md", tmpdir);
  g_autoptr(GError) error = NULL;
  guint changes = 0;
  GtkTextIter iter;

  g_assert_true (load (document, file, &error));
  g_signal_connect_swapped (document, "modified-changed", G_CALLBACK (count_cb), &changes);

  g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (document), &iter);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &iter, "a", -1);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &iter, "b", -1);
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
  g_assert_cmpuint (changes, ==, 1);

  g_assert_true (save (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
  g_assert_cmpuint (changes, ==, 2);
}

static void
test_save_as (void)
{
  g_autoptr(BylineDocument) document = byline_document_new ();
  g_autoptr(GFile) file = byline_test_copy_fixture ("post-crlf.md", tmpdir);
  g_autofree char *target_path = g_build_filename (tmpdir, "copy.md", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (target_path);
  g_autoptr(GBytes) before = byline_test_read_bytes (file);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  g_assert_true (load (document, file, &error));
  g_signal_connect_swapped (document, "notify::file", G_CALLBACK (count_cb), &notified);
  g_assert_true (save (document, target, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (g_file_equal (byline_document_get_file (document), target));
  after = byline_test_read_bytes (target);
  g_assert_true (g_bytes_equal (before, after));
}

/* A broken .byline.yml does not stop the post from opening: the built-in
 * profile is used and the error is kept for the window to show. */
static void
test_load_bad_profile (void)
{
  g_autoptr(BylineDocument) document = byline_document_new ();
  g_autofree char *site = g_build_filename (tmpdir, "site", NULL);
  g_autofree char *git = g_build_filename (site, ".git", NULL);
  g_autofree char *profile = g_build_filename (site, ".byline.yml", NULL);
  g_autofree char *bundle = g_build_filename (site, "post", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const GError *profile_error;

  g_mkdir_with_parents (git, 0700);
  g_mkdir_with_parents (bundle, 0700);
  g_file_set_contents (profile, "fields: [unclosed\n", -1, &error);
  g_assert_no_error (error);
  file = byline_test_copy_fixture ("post-lf.md", bundle);

  g_assert_true (load (document, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (byline_document_get_title (document), ==, "A Fixture Post");

  profile_error = byline_document_get_profile_error (document);
  g_assert_nonnull (profile_error);
  g_assert_true (profile_error->domain == BYLINE_PROFILE_ERROR);
  g_assert_nonnull (byline_document_get_profile (document));
}

/* A post without a .byline.yml gets the default profile chosen in the
 * preferences, and follows that setting while it is open; a post with one
 * keeps its own. */
static void
test_load_default_profile (void)
{
  g_autoptr(BylineDocument) document = byline_document_new ();
  g_autoptr(BylineDocument) local_document = byline_document_new ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *default_profile = g_build_filename (tmpdir, "default.yml", NULL);
  g_autofree char *missing_profile = g_build_filename (tmpdir, "missing.yml", NULL);
  g_autofree char *site = g_build_filename (tmpdir, "plain-site", NULL);
  g_autofree char *git = g_build_filename (site, ".git", NULL);
  g_autofree char *bundle = g_build_filename (site, "post", NULL);
  g_autofree char *local_site = g_build_filename (tmpdir, "local-site", NULL);
  g_autofree char *local_git = g_build_filename (local_site, ".git", NULL);
  g_autofree char *local_profile = g_build_filename (local_site, ".byline.yml", NULL);
  g_autofree char *local_bundle = g_build_filename (local_site, "post", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) local_file = NULL;
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (git, 0700);
  g_mkdir_with_parents (bundle, 0700);
  g_mkdir_with_parents (local_git, 0700);
  g_mkdir_with_parents (local_bundle, 0700);
  g_file_set_contents (default_profile, "name: Default Site\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (local_profile, "name: Local Site\n", -1, &error);
  g_assert_no_error (error);
  file = byline_test_copy_fixture ("post-lf.md", bundle);
  local_file = byline_test_copy_fixture ("post-lf.md", local_bundle);

  g_settings_set_string (settings, "profile-file", default_profile);
  g_assert_true (load (document, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (byline_profile_get_name (byline_document_get_profile (document)), ==,
                   "Default Site");
  g_assert_null (byline_document_get_profile_error (document));

  g_assert_true (load (local_document, local_file, &error));
  g_assert_cmpstr (byline_profile_get_name (byline_document_get_profile (local_document)), ==,
                   "Local Site");

  /* Live, read off the main thread: back to the site's own profile (a
   * checkout without a Hugo site: the Hugo profile), then a default that
   * is gone. */
  g_settings_reset (settings, "profile-file");
  byline_test_wait_for (g_strcmp0 (byline_profile_get_description (
                                     byline_document_get_profile (document)),
                                   "Hugo profile") == 0);
  g_settings_set_string (settings, "profile-file", missing_profile);
  byline_test_wait_for (byline_document_get_profile_error (document) != NULL);
  g_assert_cmpstr (byline_profile_get_name (byline_document_get_profile (document)), ==,
                   "istio.io blog");
  g_assert_cmpstr (byline_profile_get_name (byline_document_get_profile (local_document)), ==,
                   "Local Site");

  g_settings_reset (settings, "profile-file");
}

/* Another program changes the file: the document notices, a plain save
 * refuses to overwrite that version, an explicit overwrite does. */
static void
test_externally_modified (void)
{
  g_autoptr(BylineDocument) document = byline_document_new ();
  g_autoptr(GFile) file = byline_test_copy_fixture ("post-lf.md", tmpdir);
  g_autoptr(GBytes) original = byline_test_read_bytes (file);
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const char *other = "---\ntitle: Changed Elsewhere\n---\n";

  g_assert_true (load (document, file, &error));
  g_assert_false (byline_document_get_externally_modified (document));

  /* A later modification time, whatever the file system's resolution. */
  g_file_set_contents (path, other, -1, &error);
  g_assert_no_error (error);
  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                               (guint64) g_date_time_to_unix (now) + 10,
                               G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);

  byline_test_wait_for (byline_document_get_externally_modified (document));
  g_assert_false (byline_document_get_deleted (document));

  g_assert_false (save (document, NULL, &error));
  g_assert_error (error, GTK_SOURCE_FILE_SAVER_ERROR,
                  GTK_SOURCE_FILE_SAVER_ERROR_EXTERNALLY_MODIFIED);
  g_clear_error (&error);
  contents = byline_test_read_bytes (file);
  g_assert_cmpmem (g_bytes_get_data (contents, NULL), g_bytes_get_size (contents),
                   other, strlen (other));
  g_clear_pointer (&contents, g_bytes_unref);

  g_assert_true (save_full (document, NULL, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (byline_document_get_externally_modified (document));
  contents = byline_test_read_bytes (file);
  g_assert_true (g_bytes_equal (contents, original));

  g_assert_cmpint (g_unlink (path), ==, 0);
  byline_test_wait_for (byline_document_get_deleted (document));
  g_assert_true (byline_document_get_externally_modified (document));
}

/* Edits coalesce: a burst of changes gives one analysis, and a large post's
 * analysis in a worker is followed by exactly one more for the edits made
 * meanwhile, which sees the final text. */
static void
test_analysis_coalesces (void)
{
  g_autoptr(BylineDocument) document = byline_document_new ();
  g_autoptr(GString) large = g_string_new ("---\ntitle: Large\n---\n\n");
  g_autofree char *text = NULL;
  guint analyses = 0;
  GtkTextIter iter;

  g_signal_connect_swapped (document, "notify::analysis", G_CALLBACK (count_cb), &analyses);

  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (document), "---\ntitle: One\n---\n", -1);
  for (guint i = 0; i < 5; i++)
    {
      gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (document), &iter);
      gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &iter, "x", -1);
    }
  byline_test_wait_for (analyses == 1);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (analyses, ==, 1);
  g_assert_cmpstr (byline_document_get_title (document), ==, "One");

  while (large->len < BYLINE_DOCUMENT_WORKER_THRESHOLD * 2)
    g_string_append (large, "A paragraph of a long post, repeated until it is large.\n\n");
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (document), large->str, (int) large->len);

  /* The worker starts now; these edits land while it runs. */
  byline_document_analyze_now (document);
  for (guint i = 0; i < 3; i++)
    {
      gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (document), &iter);
      gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &iter, "tail ", -1);
    }

  byline_test_wait_for (analyses == 3);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (analyses, ==, 3);
  g_assert_cmpstr (byline_document_get_title (document), ==, "Large");

  text = get_text (document);
  g_assert_cmpstr (byline_analysis_get_text (byline_document_get_analysis (document)), ==, text);
}

/* A file added to the bundle's folder renews the bundle: the post is checked
 * again, with the same profile and site. */
static gboolean
has_finding (BylineDocument *document,
             const char     *rule_id)
{
  BylineAnalysis *analysis = byline_document_get_analysis (document);
  GPtrArray *diagnostics = analysis != NULL ? byline_analysis_get_diagnostics (analysis) : NULL;

  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      const BylineDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      if (g_strcmp0 (diagnostic->rule_id, rule_id) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_folder_change (void)
{
  g_autoptr(BylineDocument) document = byline_document_new ();
  g_autofree char *dir = g_build_filename (tmpdir, "folder-change", NULL);
  g_autofree char *path = g_build_filename (dir, "index.md", NULL);
  g_autofree char *extra = g_build_filename (dir, "unused.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BylineProfile *profile;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, "---\ntitle: Folder\n---\n\nA post.\n", -1, &error);
  g_assert_no_error (error);
  g_assert_true (load (document, file, &error));
  g_assert_no_error (error);
  byline_test_wait_for (byline_document_is_analyzed (document));
  g_assert_false (has_finding (document, "bundle/unreferenced"));
  profile = byline_document_get_profile (document);

  /* The new bundle comes in a new context, with the old one's profile and
   * site: taken over before the old context goes, which may hold the only
   * reference to them (build-aux/test runs this under ASan). */
  g_file_set_contents (extra, "<svg width=\"4\" height=\"3\"/>", -1, &error);
  g_assert_no_error (error);
  byline_test_wait_for (has_finding (document, "bundle/unreferenced"));
  g_assert_true (byline_document_get_profile (document) == profile);

  byline_test_finalize_object (g_steal_pointer (&document));
}

/* Reload during a running analysis */

#define RACE_ROUNDS 25

/* A large post (analysed in the worker) whose title names its version, with
 * a picture of the bundle that the renderer and the rules both look at. */
static void
write_race_version (const char *path,
                    guint       version)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_string_append_printf (text, "---\ntitle: \"Version %u\"\n---\n\n", version);
  while (text->len < BYLINE_DOCUMENT_WORKER_THRESHOLD * 2)
    g_string_append (text,
                     "A paragraph with [a picture](./a.png) of the bundle.\n\n"
                     "{{< image link=\"./a.png\" caption=\"The picture\" >}}\n\n");
  g_file_set_contents (path, text->str, (gssize) text->len, &error);
  g_assert_no_error (error);
}

static guint
title_version (BylineAnalysis *analysis)
{
  const char *title = byline_analysis_get_title (analysis);

  g_assert_nonnull (title);
  g_assert_true (g_str_has_prefix (title, "Version "));
  return (guint) g_ascii_strtoull (title + strlen ("Version "), NULL, 10);
}

static void
race_analysis_cb (BylineDocument *document,
                  GParamSpec     *pspec,
                  guint          *last_version)
{
  guint version = title_version (byline_document_get_analysis (document));

  /* An older text never lands after a newer one. */
  g_assert_cmpuint (version, >=, *last_version);
  *last_version = version;
}

/* Reloading a large post while its analysis runs in the worker, again and
 * again: one worker at a time, nothing shared but what is immutable or
 * locked (build-aux/test runs this under ASan), and the newest text wins. */
static void
test_reload_race (void)
{
  g_autoptr(BylineDocument) document = byline_document_new ();
  g_autofree char *dir = g_build_filename (tmpdir, "race", NULL);
  g_autofree char *path = g_build_filename (dir, "index.md", NULL);
  g_autofree char *picture = g_build_filename (dir, "a.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  guint last_version = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (picture, "<svg width=\"40\" height=\"30\"/>", -1, &error);
  g_assert_no_error (error);
  write_race_version (path, 0);
  g_assert_true (load (document, file, &error));
  g_assert_no_error (error);
  g_signal_connect (document, "notify::analysis", G_CALLBACK (race_analysis_cb), &last_version);

  for (guint round = 1; round <= RACE_ROUNDS; round++)
    {
      GtkTextIter end;

      /* An edit, then its analysis starts in the worker... */
      gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (document), &end);
      gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &end, "Typed.\n", -1);
      byline_document_analyze_now (document);

      /* ...and the file is reloaded meanwhile, in a new version. */
      write_race_version (path, round);
      g_assert_true (load (document, file, &error));
      g_assert_no_error (error);
    }

  byline_test_wait_for (byline_document_is_analyzed (document) &&
                        title_version (byline_document_get_analysis (document)) == RACE_ROUNDS);
  g_assert_cmpuint (last_version, ==, RACE_ROUNDS);

  text = get_text (document);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_analysis_get_text (byline_document_get_analysis (document)), ==, text);
  g_assert_true (g_str_has_prefix (contents, text));

  g_signal_handlers_disconnect_by_func (document, race_analysis_cb, &last_version);
  /* The worker's task lets go of the document on the worker's side, a moment
   * after its result arrived: wait for it, then nothing else holds it. */
  byline_test_finalize_object (g_steal_pointer (&document));
}

/* The one write path */

static void
test_apply_patches (void)
{
  g_autoptr(BylineDocument) document = byline_document_new ();
  g_autoptr(BylineTextPatch) first = byline_text_patch_new (4, 5, "Hello");
  g_autoptr(BylineTextPatch) second = byline_text_patch_new (15, 0, " there");
  g_autoptr(BylineTextPatch) split = byline_text_patch_new (1, 1, "x");
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  const BylineTextPatch *patches[2];
  guint64 generation;

  /* Byte offsets: the é before the patches counts two bytes, one character. */
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (document), "é: ~~~~~ world\n", -1);
  byline_document_analyze_now (document);
  generation = byline_document_get_generation (document);

  /* In any order, as one undo step. */
  patches[0] = second;
  patches[1] = first;
  g_assert_true (byline_document_apply_patches (document, generation, patches, 2, &error));
  g_assert_no_error (error);
  after = get_text (document);
  g_assert_cmpstr (after, ==, "é: Hello world there\n");
  g_assert_true (gtk_text_buffer_get_can_undo (GTK_TEXT_BUFFER (document)));
  gtk_text_buffer_undo (GTK_TEXT_BUFFER (document));
  undone = get_text (document);
  g_assert_cmpstr (undone, ==, "é: ~~~~~ world\n");

  /* Patches made for an older text are refused, the text untouched. */
  patches[0] = first;
  g_assert_false (byline_document_apply_patches (document, generation, patches, 1, &error));
  g_assert_error (error, BYLINE_DOCUMENT_ERROR, BYLINE_DOCUMENT_ERROR_STALE);
  g_clear_error (&error);

  /* So are overlapping ones and one that would split a character. */
  generation = byline_document_get_generation (document);
  patches[0] = first;
  patches[1] = first;
  g_assert_false (byline_document_apply_patches (document, generation, patches, 2, &error));
  g_assert_error (error, BYLINE_DOCUMENT_ERROR, BYLINE_DOCUMENT_ERROR_STALE);
  g_clear_error (&error);
  patches[0] = split;
  g_assert_false (byline_document_apply_patches (document, generation, patches, 1, &error));
  g_assert_error (error, BYLINE_DOCUMENT_ERROR, BYLINE_DOCUMENT_ERROR_STALE);
  g_clear_error (&error);

  g_free (undone);
  undone = get_text (document);
  g_assert_cmpstr (undone, ==, "é: ~~~~~ world\n");
}

/* Editing the site's .byline.yml re-reads it (off the main thread) and
 * analyses the post again with it; breaking it keeps the last profile that
 * worked and says why, with the file. */
static void
test_profile_follows_file (void)
{
  g_autoptr(BylineDocument) document = byline_document_new ();
  g_autofree char *site = g_build_filename (tmpdir, "followed-site", NULL);
  g_autofree char *git = g_build_filename (site, ".git", NULL);
  g_autofree char *profile_path = g_build_filename (site, ".byline.yml", NULL);
  g_autofree char *bundle = g_build_filename (site, "post", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  BylineAnalysis *analysis;
  guint profiles = 0;

  g_mkdir_with_parents (git, 0700);
  g_mkdir_with_parents (bundle, 0700);
  g_file_set_contents (profile_path, "name: Before\n", -1, &error);
  g_assert_no_error (error);
  file = byline_test_copy_fixture ("post-lf.md", bundle);

  g_assert_true (load (document, file, &error));
  g_assert_cmpstr (byline_profile_get_name (byline_document_get_profile (document)), ==,
                   "Before");
  g_signal_connect_swapped (document, "notify::profile", G_CALLBACK (count_cb), &profiles);

  g_file_set_contents (profile_path, "name: After\nrules:\n  markdown/trailing-space: off\n",
                       -1, &error);
  g_assert_no_error (error);
  byline_test_wait_for (g_strcmp0 (byline_profile_get_name (byline_document_get_profile (document)),
                                   "After") == 0);
  g_assert_cmpuint (profiles, ==, 1);
  byline_test_wait_for (byline_document_is_analyzed (document) &&
                        byline_analysis_get_profile (byline_document_get_analysis (document)) ==
                        byline_document_get_profile (document));
  analysis = byline_document_get_analysis (document);
  g_assert_cmpstr (byline_profile_get_name (byline_analysis_get_profile (analysis)), ==, "After");

  /* Broken: an error naming the file and line; the post keeps "After". */
  g_file_set_contents (profile_path, "name: After\nrules: [unclosed\n", -1, &error);
  g_assert_no_error (error);
  byline_test_wait_for (byline_document_get_profile_error (document) != NULL);
  g_assert_true (strstr (byline_document_get_profile_error (document)->message, profile_path) !=
                 NULL);
  {
    g_autoptr(GFile) profile_file = g_file_new_for_path (profile_path);

    g_assert_true (g_file_equal (byline_document_get_profile_error_file (document),
                                 profile_file));
  }
  g_assert_cmpstr (byline_profile_get_name (byline_document_get_profile (document)), ==,
                   "After");

  /* Mended: the error goes. */
  g_file_set_contents (profile_path, "name: Mended\n", -1, &error);
  g_assert_no_error (error);
  byline_test_wait_for (byline_document_get_profile_error (document) == NULL);
  g_assert_cmpstr (byline_profile_get_name (byline_document_get_profile (document)), ==,
                   "Mended");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!byline_test_gui_init (&argc, &argv, &tmpdir))
    return 0;

  g_test_add_func ("/gui/document/load/title", test_load_title);
  g_test_add_data_func ("/gui/document/save/unchanged/lf", "post-lf.md", test_save_unchanged);
  g_test_add_data_func ("/gui/document/save/unchanged/crlf", "post-crlf.md",
                        test_save_unchanged);
  g_test_add_data_func ("/gui/document/save/unchanged/no-final-newline", "post-no-newline.md",
                        test_save_unchanged);
  g_test_add_data_func ("/gui/document/save/unchanged/bom", "post-bom.md", test_save_unchanged);
  g_test_add_func ("/gui/document/save/unchanged/mixed-line-endings", test_save_unchanged_mixed);
  g_test_add_data_func ("/gui/document/save/edit/lf", &edit_cases[0], test_save_edit);
  g_test_add_data_func ("/gui/document/save/edit/crlf", &edit_cases[1], test_save_edit);
  g_test_add_data_func ("/gui/document/save/edit/no-final-newline", &edit_cases[2],
                        test_save_edit);
  g_test_add_func ("/gui/document/save/as", test_save_as);
  g_test_add_data_func ("/gui/document/load/refuses/invalid-utf8", &refuse_cases[0],
                        test_load_refused);
  g_test_add_data_func ("/gui/document/load/refuses/binary", &refuse_cases[1],
                        test_load_refused);
  g_test_add_func ("/gui/document/load/refuses/folder", test_load_folder);
  g_test_add_func ("/gui/document/load/bad-profile", test_load_bad_profile);
  g_test_add_func ("/gui/document/load/default-profile", test_load_default_profile);
  g_test_add_func ("/gui/document/modified", test_modified);
  g_test_add_func ("/gui/document/externally-modified", test_externally_modified);
  g_test_add_func ("/gui/document/analysis/coalesces", test_analysis_coalesces);
  g_test_add_func ("/gui/document/analysis/folder-change", test_folder_change);
  g_test_add_func ("/gui/document/analysis/reload-race", test_reload_race);
  g_test_add_func ("/gui/document/apply-patches", test_apply_patches);
  g_test_add_func ("/gui/document/profile/follows-file", test_profile_follows_file);

  ret = g_test_run ();

  byline_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return ret;
}
