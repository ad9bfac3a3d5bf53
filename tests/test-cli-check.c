/* test-cli-check.c — byline-cli check run as a process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "byline-test-photos.h"
#include "byline-test-util.h"

#define HEAD \
  "---\n" \
  "title: \"A post\"\n" \
  "description: \"What it is about.\"\n" \
  "publishdate: 2023-01-02\n" \
  "attribution: \"A. Writer\"\n" \
  "keywords: [istio, mesh]\n" \
  "---\n" \
  "\n"

#define CLEAN_POST HEAD "## Section\n\nText.\n"
#define BAD_POST HEAD "{{< image link=\"./a.png\" caption=\"A cat.\" >}}\n\nText \n"

typedef struct
{
  char *root;     /* a temporary folder */
} Fixture;

static char *
write_file (Fixture    *fixture,
            const char *relative,
            const char *data,
            gssize      length)
{
  g_autofree char *path = g_build_filename (fixture->root, relative, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->root = g_dir_make_tmp ("byline-cli-check-XXXXXX", &error);
  g_assert_no_error (error);
  /* The posts are istio.io blog posts. */
  g_free (write_file (fixture, ".byline.yml", "extends: istio\n", -1));
  g_free (write_file (fixture, "clean/index.md", CLEAN_POST, -1));
  g_free (write_file (fixture, "bad/index.md", BAD_POST, -1));
  g_free (write_file (fixture, "bad/a.png", "", 0));
  g_free (write_file (fixture, "section/_index.md", "---\ntitle: Section\n---\n", -1));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  byline_test_remove_tree (fixture->root);
  g_free (fixture->root);
}

/* Runs byline-cli check in the fixture's folder with the arguments, NULL,
 * then stdout and stderr (char **, nullable); returns the exit status. */
static int
run_check (Fixture     *fixture,
           const char  *first,
           ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;
  char **stdout_out;
  char **stderr_out;

  g_ptr_array_add (args, (gpointer) "check");
  g_ptr_array_add (args, (gpointer) first);
  va_start (ap, first);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  stdout_out = va_arg (ap, char **);
  stderr_out = va_arg (ap, char **);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return byline_test_run_cli (fixture->root, (const char **) args->pdata, stdout_out,
                              stderr_out);
}

static void
test_exit_clean (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (run_check (fixture, "clean/index.md", NULL, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "0 errors, 0 warnings, 0 infos in 1 file\n");
}

static void
test_text_format (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (run_check (fixture, "bad/index.md", NULL, &out, NULL), ==, 1);
  g_assert_cmpstr (out, ==,
                   "bad/index.md:9:40: error: Image caption ends with a period: remove it, "
                   "captions are not sentences on the site [image/caption-period]\n"
                   "bad/index.md:11:5: warning: Trailing whitespace: remove the spaces at the "
                   "end of the line [markdown/trailing-space]\n"
                   "1 error, 1 warning, 0 infos in 1 file\n");
}

static void
test_no_warnings (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (run_check (fixture, "--no-warnings", "bad/index.md", NULL, &out, NULL),
                   ==, 1);
  g_assert_null (strstr (out, "warning:"));
  g_assert_true (g_str_has_suffix (out, "1 error, 0 warnings, 0 infos in 1 file\n"));
}

static void
test_folders (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *with_index = NULL;

  g_assert_cmpint (run_check (fixture, ".", NULL, &out, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "./bad/index.md:9:40: error:"));
  g_assert_null (strstr (out, "_index.md"));
  g_assert_true (g_str_has_suffix (out, " in 2 files\n"));

  g_assert_cmpint (run_check (fixture, "--include-index", ".", NULL, &with_index, NULL), ==, 1);
  g_assert_nonnull (strstr (with_index, "./section/_index.md:"));
  g_assert_true (g_str_has_suffix (with_index, " in 3 files\n"));
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;

  g_assert_cmpint (run_check (fixture, "--format=yaml", "clean/index.md", NULL, NULL, &err),
                   ==, 2);
  g_assert_nonnull (strstr (err, "yaml"));
  g_assert_cmpint (run_check (fixture, "--no-such-option", NULL, NULL, NULL), ==, 2);
  g_assert_cmpint (run_check (fixture, "missing/index.md", NULL, NULL, &err2), ==, 2);
  g_assert_true (g_str_has_prefix (err2, "missing/index.md: error: "));
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;

  g_free (write_file (fixture, "binary/index.md", binary, sizeof binary - 1));
  g_free (write_file (fixture, "latin1/index.md", HEAD "Caf\xe9.\n", -1));

  g_assert_cmpint (run_check (fixture, "binary/index.md", NULL, &out, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (out, "binary/index.md:"));
  g_assert_nonnull (strstr (out, "[post/encoding]"));

  g_assert_cmpint (run_check (fixture, "latin1/index.md", NULL, &out2, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (out2, "latin1/index.md:9:4: error: "));
  g_assert_nonnull (strstr (out2, "[post/encoding]"));
}

static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "locked/index.md", CLEAN_POST, -1);
  g_autofree char *err = NULL;

  if (getuid () == 0)
    {
      g_test_skip ("root reads files whatever their mode");
      return;
    }
  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  g_assert_cmpint (run_check (fixture, "locked/index.md", NULL, NULL, &err), ==, 2);
  g_assert_true (g_str_has_prefix (err, "locked/index.md: error: "));
}

/* Validates a document with Python's json module and a few assertions. */
static void
assert_python (const char *document,
               const char *script)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int fd = g_file_open_tmp ("byline-check-XXXXXX.json", &path, &error);
  int status = -1;
  const char *argv[] = { "python3", "-c", script, NULL, NULL };
  g_autofree char *python = g_find_program_in_path ("python3");

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, document, -1, &error);
  g_assert_no_error (error);

  if (python == NULL)
    {
      g_remove (path);
      g_test_skip ("python3 is not installed to parse the JSON");
      return;
    }

  argv[0] = python;
  argv[3] = path;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  g_remove (path);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("python3: %s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (run_check (fixture, "--format=json", "clean/index.md", "bad/index.md", NULL,
                              &out, NULL), ==, 1);
  assert_python (out,
                 "import json, sys\n"
                 "d = json.load(open(sys.argv[1], encoding='utf-8'))\n"
                 "assert d['version'] == 1\n"
                 "assert d['tool']['name'] == 'byline-cli'\n"
                 "assert d['summary'] == {'files': 2, 'errors': 1, 'warnings': 1,"
                 " 'infos': 0, 'failed': 0}, d['summary']\n"
                 "f = d['files'][1]\n"
                 "assert f['path'] == 'bad/index.md' and f['error'] is None\n"
                 "x = f['diagnostics'][0]\n"
                 "assert x['ruleId'] == 'image/caption-period', x\n"
                 "assert x['severity'] == 'error'\n"
                 "assert (x['line'], x['column'], x['endLine'], x['endColumn']) == (9, 40, 9, 41)\n"
                 "assert x['fix']['length'] == 1 and x['fix']['text'] == ''\n"
                 "assert d['files'][0]['diagnostics'] == []\n");
}

static void
test_sarif (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (run_check (fixture, "--format=sarif", "bad/index.md", NULL, &out, NULL),
                   ==, 1);
  assert_python (out,
                 "import json, sys\n"
                 "d = json.load(open(sys.argv[1], encoding='utf-8'))\n"
                 "assert d['version'] == '2.1.0'\n"
                 "run = d['runs'][0]\n"
                 "rules = run['tool']['driver']['rules']\n"
                 "ids = [r['id'] for r in rules]\n"
                 "assert 'image/caption-period' in ids and len(ids) == len(set(ids))\n"
                 "assert all(r['shortDescription']['text'] for r in rules)\n"
                 "res = run['results']\n"
                 "assert len(res) == 2, res\n"
                 "r = res[0]\n"
                 "assert r['ruleId'] == 'image/caption-period' and r['level'] == 'error'\n"
                 "assert rules[r['ruleIndex']]['id'] == r['ruleId']\n"
                 "loc = r['locations'][0]['physicalLocation']\n"
                 "assert loc['artifactLocation']['uri'] == 'bad/index.md'\n"
                 "assert loc['region']['startLine'] == 9 and loc['region']['startColumn'] == 40\n"
                 "assert res[1]['level'] == 'warning'\n");
}

/* What a site lacks for Byline to know it is said once per run, at the
 * site's own file and line, however many of its posts are checked; and an
 * unknown shortcode is then a warning, as Byline cannot know them all. */
static void
test_site_files (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *post = "---\ntitle: A\n---\n\nText.\n\n{{< collapse >}}\n";
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *profile = g_build_filename (fixture->root, ".byline.yml", NULL);

  /* These sites have no profile of their own: they are learned. */
  g_assert_cmpint (g_remove (profile), ==, 0);

  /* A TOML string left open on line 2, from its quote at column 9. */
  g_free (write_file (fixture, "broken/hugo.toml",
                      "baseURL = \"https://example.org/\"\ntitle = \"T\n", -1));
  g_free (write_file (fixture, "broken/content/posts/a.md", post, -1));
  g_free (write_file (fixture, "broken/content/posts/b.md", post, -1));
  g_assert_cmpint (run_check (fixture, "broken/content/posts", NULL, &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "broken/hugo.toml:2:"));
  g_assert_nonnull (strstr (out, ": warning: Byline cannot read the site configuration: "));
  g_assert_true (g_str_has_suffix (out,
                                   "It works with what it can tell without it. "
                                   "[site/config-unreadable]\n"
                                   "broken/content/posts/a.md:7:5: warning: Unknown shortcode "
                                   "“collapse”: Byline cannot see all of the site’s themes; "
                                   "unless one of them has it, the site’s build fails on it "
                                   "[shortcode/unknown]\n"
                                   "broken/content/posts/b.md:7:5: warning: Unknown shortcode "
                                   "“collapse”: Byline cannot see all of the site’s themes; "
                                   "unless one of them has it, the site’s build fails on it "
                                   "[shortcode/unknown]\n"
                                   "0 errors, 3 warnings, 0 infos in 2 files\n"));
  g_assert_null (strstr (strstr (out, "[site/config-unreadable]") + 1,
                         "[site/config-unreadable]"));

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_check (fixture, "--format=json", "broken/content/posts/a.md", NULL, &out,
                              NULL), ==, 0);
  assert_python (out,
                 "import json, sys\n"
                 "d = json.load(open(sys.argv[1], encoding='utf-8'))\n"
                 "assert d['summary'] == {'files': 1, 'errors': 0, 'warnings': 2,"
                 " 'infos': 0, 'failed': 0}, d['summary']\n"
                 "[s] = d['site']\n"
                 "assert s['path'] == 'broken/hugo.toml', s\n"
                 "assert s['ruleId'] == 'site/config-unreadable' and s['severity'] == 'warning'\n"
                 "assert s['line'] == 2, s\n"
                 "[x] = d['files'][0]['diagnostics']\n"
                 "assert x['ruleId'] == 'shortcode/unknown', x\n");

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_check (fixture, "--format=sarif", "broken/content/posts/a.md", NULL, &out,
                              NULL), ==, 0);
  assert_python (out,
                 "import json, sys\n"
                 "d = json.load(open(sys.argv[1], encoding='utf-8'))\n"
                 "res = d['runs'][0]['results']\n"
                 "assert [r['ruleId'] for r in res] == ['shortcode/unknown',"
                 " 'site/config-unreadable'], res\n"
                 "loc = res[1]['locations'][0]['physicalLocation']\n"
                 "assert loc['artifactLocation']['uri'] == 'broken/hugo.toml', loc\n"
                 "assert loc['region']['startLine'] == 2, loc\n"
                 "assert res[1]['level'] == 'warning'\n");

  /* A theme the configuration names that is not there: one info. */
  g_free (write_file (fixture, "themeless/hugo.toml",
                      "baseURL = \"https://example.org/\"\ntheme = \"PaperMod\"\n", -1));
  g_free (write_file (fixture, "themeless/content/posts/a.md", post, -1));
  g_free (write_file (fixture, "themeless/content/posts/b.md", post, -1));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_check (fixture, "--no-warnings", "themeless/content/posts", NULL, &out,
                              NULL), ==, 0);
  g_assert_cmpstr (out, ==, "0 errors, 0 warnings, 0 infos in 2 files\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_check (fixture, "themeless/content/posts", NULL, &out, NULL), ==, 0);
  expected = g_strdup_printf ("themeless/themes/PaperMod: info: The theme PaperMod is not in "
                              "%s/themeless/themes/PaperMod: its shortcodes and templates are "
                              "not known. [site/component-missing]\n",
                              fixture->root);
  g_assert_true (g_str_has_prefix (out, expected));
  g_assert_true (g_str_has_suffix (out, "0 errors, 2 warnings, 1 info in 2 files\n"));
}

/* A picture that records where it was taken: reported with the place
 * rounded, and --fix strips the GPS tags (exiftool checks). */
static void
test_photo_location (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *post = write_file (fixture, "photos/index.md",
                                      HEAD "{{< image link=\"./photo.jpg\" alt=\"A stage\" >}}\n",
                                      -1);
  g_autofree char *photo = g_build_filename (fixture->root, "photos", "photo.jpg", NULL);
  g_autoptr(GdkPixbuf) pixbuf = byline_test_draw_photo (60, 40, 1, FALSE);
  g_autofree char *out = NULL;
  g_autofree char *json = NULL;
  g_autofree char *fixed = NULL;
  g_autofree char *again = NULL;
  g_autofree char *gps = NULL;
  g_autofree char *camera = NULL;

  if (!byline_test_have_exiftool ())
    {
      byline_test_skip_without_exiftool ();
      return;
    }
  byline_test_save_photo (pixbuf, photo, "jpeg");
  byline_test_tag_photo (photo, 1, "2024:06:15 14:03:07");

  g_assert_cmpint (run_check (fixture, "photos/index.md", NULL, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "photos/index.md:9:16: warning: “photo.jpg” records where it was taken, near "
                   "47.38° N, 8.54° E: remove the location, anyone can read it from the "
                   "published picture [bundle/photo-location]\n"
                   "0 errors, 1 warning, 0 infos in 1 file\n");

  g_assert_cmpint (run_check (fixture, "--format", "json", "photos/index.md", NULL, &json, NULL),
                   ==, 0);
  g_assert_nonnull (strstr (json, "\"fileFix\": {\"kind\": \"remove-location\", \"file\": \""));

  g_assert_cmpint (run_check (fixture, "--fix", "photos/index.md", NULL, &fixed, NULL), ==, 0);
  g_assert_cmpstr (fixed, ==,
                   "photos/photo.jpg: Removed the location from “photo.jpg”\n"
                   "0 errors, 0 warnings, 0 infos in 1 file\n");
  gps = byline_test_gps_tags (photo);
  g_assert_cmpstr (gps, ==, "");
  camera = byline_test_exiftool ("-s", "-s", "-s", "-Make", photo, NULL);
  g_assert_cmpstr (camera, ==, "Canon\n");

  /* Nothing left to fix: nothing printed but the summary. */
  g_assert_cmpint (run_check (fixture, "--fix", "photos/index.md", NULL, &again, NULL), ==, 0);
  g_assert_cmpstr (again, ==, "0 errors, 0 warnings, 0 infos in 1 file\n");
}

/* JSON and SARIF are UTF-8 whatever the file names and links hold: a
 * folder and a picture whose names are not UTF-8, and a link whose escape
 * decodes to no UTF-8 (issue 12). */
static void
test_utf8_output (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const formats[] = { "--format=json", "--format=sarif" };

  g_free (write_file (fixture, "odd\xFF/index.md",
                      HEAD "{{< image link=\"%ee\" caption=\"A cat\" >}}\n", -1));
  g_free (write_file (fixture, "odd\xFF/ph\xFFoto.png", "", 0));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *out = NULL;

      g_assert_cmpint (run_check (fixture, formats[i], "odd\xFF", NULL, &out, NULL), ==, 1);
      g_assert_true (g_utf8_validate (out, -1, NULL));
      g_assert_nonnull (strstr (out, "Image “%ee” is not in the post’s folder"));
      g_assert_nonnull (strstr (out, "“ph\xEF\xBF\xBDoto.png” in the post’s folder"));
      assert_python (out,
                     i == 0
                     ? "import json, sys\n"
                       "d = json.load(open(sys.argv[1], encoding='utf-8'))\n"
                       "assert d['files'][0]['path'] == 'odd\\ufffd/index.md', d['files']\n"
                     : "import json, sys\n"
                       "d = json.load(open(sys.argv[1], encoding='utf-8'))\n"
                       "loc = d['runs'][0]['results'][0]['locations'][0]\n"
                       "uri = loc['physicalLocation']['artifactLocation']['uri']\n"
                       "assert uri == 'odd%FF/index.md', uri\n");
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cli/check/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("exit-clean", test_exit_clean);
  ADD ("text-format", test_text_format);
  ADD ("no-warnings", test_no_warnings);
  ADD ("folders", test_folders);
  ADD ("usage", test_usage);
  ADD ("bad-files", test_bad_files);
  ADD ("unreadable", test_unreadable);
  ADD ("json", test_json);
  ADD ("sarif", test_sarif);
  ADD ("site-files", test_site_files);
  ADD ("photo-location", test_photo_location);
  ADD ("utf8-output", test_utf8_output);

#undef ADD

  return g_test_run ();
}
