/* test-cli.c — byline-cli render and new, run as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built byline-cli ($BYLINE_CLI) in a child process and checks its
 * exit status, output and files. The check subcommand has its own tests in
 * test-cli-check.c.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "byline-test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs byline-cli with @envp (NULL: this process's environment) and the
 * arguments in @args, and waits for it. */
static void
run_cli_va (Run     *run,
            char   **envp,
            va_list  args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("BYLINE_CLI");
  const char *arg;
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  memset (run, 0, sizeof *run);
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);

  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  g_test_message ("exit %d\nstdout: %.2000s\nstderr: %s", run->status, run->out, run->err);
}

/* Runs byline-cli with the arguments (NULL-terminated) and waits for it. */
static void
run_cli (Run *run,
         ...)
{
  va_list args;

  va_start (args, run);
  run_cli_va (run, NULL, args);
  va_end (args);
}

/* Runs byline-cli in Simplified Chinese. The test environment sets
 * LC_ALL=C.UTF-8, whose glibc still honours LANGUAGE, so no zh_CN locale
 * needs to be installed; BYLINE_LOCALEDIR points at <build>/po. */
static void
run_cli_in_chinese (Run *run,
                    ...)
{
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "LANGUAGE", "zh_CN", TRUE);
  va_list args;

  g_assert_nonnull (g_environ_getenv (envp, "BYLINE_LOCALEDIR"));
  va_start (args, run);
  run_cli_va (run, envp, args);
  va_end (args);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = haystack; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;

  return n;
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("byline-cli-XXXXXX", &error);
  g_autofree char *profile = g_build_filename (dir, ".byline.yml", NULL);

  g_assert_no_error (error);
  /* The tests' posts are istio.io blog posts. */
  g_file_set_contents (profile, "extends: istio\n", -1, &error);
  g_assert_no_error (error);
  return dir;
}

static void
test_render_to_file (void)
{
  g_autofree char *post = g_test_build_filename (G_TEST_DIST, "data", "cli", "post", "index.md",
                                                 NULL);
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "cli", "post", NULL);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *out = g_build_filename (dir, "page.html", NULL);
  g_autofree char *page = NULL;
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autofree char *folder_uri = g_file_get_uri (folder_file);
  g_autofree char *first_src = g_strconcat ("src=\"", folder_uri, "/first.svg\"", NULL);
  g_auto(Run) run;

  run_cli (&run, "render", post, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");

  g_assert_true (g_file_get_contents (out, &page, NULL, NULL));
  g_assert_true (g_str_has_prefix (page, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (page, "<title>Fixture post: &lt;rendering&gt; &amp; more</title>"));
  g_assert_nonnull (strstr (page, "<h1>Fixture post: &lt;rendering&gt; &amp; more</h1>"));
  g_assert_nonnull (strstr (page, "script-src 'none'"));
  g_assert_cmpuint (count (page, "<figure"), ==, 2);
  g_assert_cmpuint (count (page, "<figcaption>"), ==, 2);
  /* Pictures load from the post's folder wherever the page is. */
  g_assert_nonnull (strstr (page, first_src));
  g_assert_nonnull (strstr (page, "<pre><code class=\"language-bash\">"
                                  "$ byline-cli render index.md</code></pre>"));
  /* Headings carry the id Hugo gives them. */
  g_assert_nonnull (strstr (page, "<h2 data-sourcepos=\"16:1-16:11\" id=\"commands\">Commands</h2>"));

  byline_test_remove_tree (dir);
}

static void
test_render_to_stdout (void)
{
  g_autofree char *post = g_test_build_filename (G_TEST_DIST, "data", "cli", "post", "index.md",
                                                 NULL);
  g_auto(Run) run;

  run_cli (&run, "render", post, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "<!DOCTYPE html>"));
  g_assert_true (g_str_has_suffix (run.out, "</html>\n"));
  g_assert_cmpuint (count (run.out, "<figure"), ==, 2);
}

/* With the post's site: its shortcodes render through their templates,
 * and what a template cannot do is said on stderr with the template's
 * place, the page written all the same. */
static void
test_render_site_templates (void)
{
  g_autofree char *post = g_test_build_filename (G_TEST_DIST, "data", "render-site", "content",
                                                 "posts", "boxes", "index.md", NULL);
  g_autofree char *expected = NULL;
  g_auto(Run) run;

  run_cli (&run, "render", post, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "<span class=\"greet\">Hello, CLI!</span>"));
  g_assert_nonnull (strstr (run.out, "data-shortcode-fallback=\"remote\""));
  expected = g_strdup_printf ("%s:6:1: info: The preview shows “remote” as a box: "
                              "“.GetRemote (*resources.Namespace)” is not supported by the preview "
                              "(layouts/_shortcodes/remote.html:1) [preview/template]\n", post);
  g_assert_cmpstr (run.err, ==, expected);
}

/* check runs the site's shortcode templates without rendering: a call
 * whose template calls errorf, which fails Hugo's build, is an error at
 * the call's line. */
static void
test_check_site_template_error (void)
{
  g_autofree char *post = g_test_build_filename (G_TEST_DIST, "data", "render-site", "content",
                                                 "posts", "errorf", "index.md", NULL);
  g_autofree char *expected = NULL;
  g_auto(Run) run;

  run_cli (&run, "check", post, NULL);
  g_assert_cmpint (run.status, ==, 1);
  expected = g_strdup_printf ("%s:6:1: error: The preview shows “broken” as a box: broken on "
                              "purpose (layouts/_shortcodes/broken.html:2) [preview/template]\n",
                              post);
  g_assert_nonnull (strstr (run.out, expected));
}

static gpointer
read_fifo_cb (gpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  /* Blocks until byline-cli opens the FIFO, then reads to its end. */
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&contents);
}

/* -o never replaces what is not a regular file (issue 12, §3 bug 1): a
 * FIFO is written through, and so is /dev/stdout, whose link leads through
 * /proc to the pipe byline-cli writes to. */
static void
test_render_through_special_files (void)
{
  g_autofree char *post = g_test_build_filename (G_TEST_DIST, "data", "cli", "post", "index.md",
                                                 NULL);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autofree char *received = NULL;
  g_auto(Run) expected;
  g_auto(Run) run;
  g_auto(Run) proc;
  GThread *reader;
  GStatBuf info;

  run_cli (&expected, "render", post, NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  reader = g_thread_new ("fifo-reader", read_fifo_cb, fifo);
  run_cli (&run, "render", post, "-o", fifo, NULL);
  received = g_thread_join (reader);

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (received, ==, expected.out);
  g_assert_cmpint (g_lstat (fifo, &info), ==, 0);
  g_assert_true (S_ISFIFO (info.st_mode));

  run_cli (&proc, "render", post, "-o", "/dev/stdout", NULL);
  g_assert_cmpint (proc.status, ==, 0);
  g_assert_cmpstr (proc.out, ==, expected.out);

  byline_test_remove_tree (dir);
}

/* A symbolic link is followed: its target is replaced atomically, with its
 * permissions, and the link stays a link, as the window's save does. */
static void
test_render_through_symlink (void)
{
  g_autofree char *post = g_test_build_filename (G_TEST_DIST, "data", "cli", "post", "index.md",
                                                 NULL);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *target = g_build_filename (dir, "target.html", NULL);
  g_autofree char *link = g_build_filename (dir, "link.html", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.html", NULL);
  g_autofree char *new_target = g_build_filename (dir, "sub", "new.html", NULL);
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *link_target = NULL;
  g_auto(Run) expected;
  g_auto(Run) run;
  g_auto(Run) run_dangling;
  g_auto(Run) run_folder;
  GStatBuf info;

  run_cli (&expected, "render", post, NULL);
  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (g_chmod (target, 0640), ==, 0);
  g_assert_cmpint (symlink ("target.html", link), ==, 0);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_cmpint (symlink ("sub/new.html", dangling), ==, 0);

  run_cli (&run, "render", post, "-o", link, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (g_lstat (link, &info), ==, 0);
  g_assert_true (S_ISLNK (info.st_mode));
  link_target = g_file_read_link (link, NULL);
  g_assert_cmpstr (link_target, ==, "target.html");
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected.out);
  g_assert_cmpint (g_stat (target, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0640);

  /* A link to a file that does not exist yet creates that file. */
  run_cli (&run_dangling, "render", post, "-o", dangling, NULL);
  g_assert_cmpint (run_dangling.status, ==, 0);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (new_target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected.out);
  g_assert_cmpint (g_lstat (dangling, &info), ==, 0);
  g_assert_true (S_ISLNK (info.st_mode));

  /* A folder is refused, and stays a folder. */
  run_cli (&run_folder, "render", post, "-o", sub, NULL);
  g_assert_cmpint (run_folder.status, ==, 2);
  g_assert_true (g_str_has_prefix (run_folder.err, "byline-cli render: Could not write “"));
  g_assert_true (g_str_has_suffix (run_folder.err, "”: Is a directory\n"));
  g_assert_true (g_file_test (sub, G_FILE_TEST_IS_DIR));

  byline_test_remove_tree (dir);
}

static void
test_render_missing (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-post.md", NULL);
  g_auto(Run) run;

  run_cli (&run, "render", missing, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, missing));

  byline_test_remove_tree (dir);
}

static void
test_render_unterminated (void)
{
  g_autofree char *post = g_test_build_filename (G_TEST_DIST, "data", "cli", "unterminated.md",
                                                 NULL);
  g_autofree char *prefix = g_strconcat (post, ":1:1: error: ", NULL);
  g_auto(Run) run;

  run_cli (&run, "render", post, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, prefix));
  g_assert_true (g_str_has_suffix (run.err, "\n"));
  g_assert_cmpuint (count (run.err, "\n"), ==, 1);
}

static void
test_render_usage (void)
{
  g_auto(Run) none;
  g_auto(Run) bad_option;
  g_auto(Run) help;

  run_cli (&none, "render", NULL);
  g_assert_cmpint (none.status, ==, 2);
  g_assert_true (g_str_has_prefix (none.err, "byline-cli render: "));

  run_cli (&bad_option, "render", "--frobnicate", "x.md", NULL);
  g_assert_cmpint (bad_option.status, ==, 2);
  g_assert_nonnull (strstr (bad_option.err, "--frobnicate"));

  run_cli (&help, "render", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "byline-cli render [OPTION…] POST"));
  g_assert_nonnull (strstr (help.out, "--output=FILE"));
}

static const char expected_front_matter[] =
  "---\n"
  "title: \"Say \\\"hi\\\" to C:\\\\Users\"\n"
  "description: \"\"\n"
  "publishdate: 2024-05-06\n"
  "attribution: \"Jane Doe (Example)\"\n"
  "keywords: []\n"
  "---\n";

static void
test_new (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *folder = g_build_filename (dir, "content", "en", "blog", "2024", "hi", NULL);
  g_autofree char *post = g_build_filename (folder, "index.md", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *again = NULL;
  g_autofree char *rendered = g_build_filename (dir, "rendered.html", NULL);
  g_auto(Run) run;
  g_auto(Run) second;
  g_auto(Run) render;

  run_cli (&run, "new", "--title", "Say \"hi\" to C:\\Users", "--date", "2024-05-06",
           "--author", "Jane Doe (Example)", folder, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, post));

  g_assert_true (g_file_get_contents (post, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, expected_front_matter));

  /* A second run must not touch the post. */
  run_cli (&second, "new", "--title", "Other", folder, NULL);
  g_assert_cmpint (second.status, ==, 1);
  g_assert_nonnull (strstr (second.err, "already exists"));
  g_assert_true (g_file_get_contents (post, &again, NULL, NULL));
  g_assert_cmpstr (again, ==, contents);

  /* The new post renders. */
  run_cli (&render, "render", post, "-o", rendered, NULL);
  g_assert_cmpint (render.status, ==, 0);

  byline_test_remove_tree (dir);
}

static void
test_new_default_date (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *folder = g_build_filename (dir, "post", NULL);
  g_autofree char *post = g_build_filename (folder, "index.md", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "publishdate: %Y-%m-%d\n");
  g_auto(Run) run;

  run_cli (&run, "new", "--title", "Today", "--author", "", folder, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (post, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "title: \"Today\"\n"));
  /* Passes unless the day changed between the two clocks. */
  g_assert_nonnull (strstr (contents, today));

  byline_test_remove_tree (dir);
}

static void
test_new_usage (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *folder = g_build_filename (dir, "post", NULL);
  g_auto(Run) no_title;
  g_auto(Run) bad_date;
  g_auto(Run) no_folder;
  g_auto(Run) help;

  run_cli (&no_title, "new", "--section", "blog", NULL);
  g_assert_cmpint (no_title.status, ==, 2);
  g_assert_nonnull (strstr (no_title.err, "--title"));

  run_cli (&bad_date, "new", "--title", "T", "--date", "2024-02-30", folder, NULL);
  g_assert_cmpint (bad_date.status, ==, 2);
  g_assert_nonnull (strstr (bad_date.err, "2024-02-30"));

  run_cli (&no_folder, "new", "--title", "T", NULL);
  g_assert_cmpint (no_folder.status, ==, 2);

  /* Nothing was created by the failed runs. */
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  run_cli (&help, "new", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "byline-cli new [OPTION…] [PATH]"));
  g_assert_nonnull (strstr (help.out, "--section=SECTION"));
  g_assert_nonnull (strstr (help.out, "--kind=KIND"));
  g_assert_nonnull (strstr (help.out, "--title=TITLE"));
  g_assert_nonnull (strstr (help.out, "--date=DATE"));
  g_assert_nonnull (strstr (help.out, "--author=AUTHOR"));

  byline_test_remove_tree (dir);
}

static void
test_help_and_version (void)
{
  g_auto(Run) help;
  g_auto(Run) version;
  g_auto(Run) nothing;
  g_auto(Run) unknown;

  run_cli (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "render"));
  g_assert_nonnull (strstr (help.out, "new"));
  g_assert_nonnull (strstr (help.out, "check"));

  run_cli (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, "byline-cli " PACKAGE_VERSION "\n");

  run_cli (&nothing, NULL);
  g_assert_cmpint (nothing.status, ==, 2);

  run_cli (&unknown, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));
}

static void
test_chinese (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *post = g_build_filename (dir, "index.md", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(Run) help;
  g_auto(Run) check;

  run_cli_in_chinese (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_true (g_str_has_prefix (help.out, "用法：byline-cli 命令 [选项…] 参数\n"));
  g_assert_nonnull (strstr (help.out, "  render     将文章渲染为独立的 HTML 页面\n"));

  /* A message of the rule engine, with a field label of the built-in
   * profile (istio.yml, through istio-strings.c) inside it. */
  g_file_set_contents (post, "---\ntitle: Hello\n---\n\nText\n", -1, &error);
  g_assert_no_error (error);
  run_cli_in_chinese (&check, "check", "--no-warnings", post, NULL);
  g_assert_cmpint (check.status, ==, 1);
  g_assert_nonnull (strstr (check.out,
                            ":1:1: error: 前置元数据中没有“publishdate”（发布日期）：请添加它 "
                            "[front-matter/required]\n"));
  g_assert_true (g_str_has_suffix (check.out, "1 个文件中共有 1 个错误、0 个警告、0 条提示\n"));

  byline_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/render/to-file", test_render_to_file);
  g_test_add_func ("/cli/render/to-stdout", test_render_to_stdout);
  g_test_add_func ("/cli/render/site-templates", test_render_site_templates);
  g_test_add_func ("/cli/check/site-template-error", test_check_site_template_error);
  g_test_add_func ("/cli/render/through-special-files", test_render_through_special_files);
  g_test_add_func ("/cli/render/through-symlink", test_render_through_symlink);
  g_test_add_func ("/cli/render/missing-file", test_render_missing);
  g_test_add_func ("/cli/render/unterminated-front-matter", test_render_unterminated);
  g_test_add_func ("/cli/render/usage", test_render_usage);
  g_test_add_func ("/cli/new/creates-post", test_new);
  g_test_add_func ("/cli/new/default-date", test_new_default_date);
  g_test_add_func ("/cli/new/usage", test_new_usage);
  g_test_add_func ("/cli/help-and-version", test_help_and_version);
  g_test_add_func ("/cli/translated/zh-cn", test_chinese);

  return g_test_run ();
}
