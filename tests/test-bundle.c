/* test-bundle.c — page bundles: files, links, image sizes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-bundle.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "byline-test-util.h"

typedef struct
{
  char *root;    /* the temporary folder, removed at teardown */
  char *site;    /* root/site, a Hugo site */
  char *post;    /* the bundle's index.md */
} Fixture;

static void
write_file (const char *folder,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
write_png (const char *folder,
           const char *name,
           int         width,
           int         height)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bundle = NULL;

  f->root = g_dir_make_tmp ("byline-bundle-XXXXXX", &error);
  g_assert_no_error (error);
  f->site = g_build_filename (f->root, "site", NULL);
  bundle = g_build_filename (f->site, "content", "en", "blog", "2019", "post", NULL);
  f->post = g_build_filename (bundle, "index.md", NULL);

  write_file (f->site, "hugo.toml", "baseURL = 'https://example.org/'\n");
  write_file (f->site, "content/en/blog/_index.md", "---\n---\n");
  write_file (f->site, "content/en/blog/2019/other/index.md", "---\n---\n");
  write_file (f->site, "content/en/blog/2019/leaf.md", "---\n---\n");
  write_file (f->site, "content/en/docs/ops/_index.md", "---\n---\n");
  write_file (f->site, "content/en/docs/a.svg", "<svg/>");
  write_file (f->site, "content/zh/blog/2019/only-zh/index.md", "---\n---\n");
  write_file (f->site, "static/img/logo.png", "not really a png");

  write_file (bundle, "index.md", "---\ntitle: x\n---\n");
  write_file (bundle, "notes.md", "draft");
  write_file (bundle, ".hidden", "x");
  write_file (bundle, "b file.txt", "12345");
  write_file (bundle, "sub/inner.txt", "abc");
  write_file (bundle, "diagram.svg",
              "<?xml version=\"1.0\"?>\n<!-- <svg width=\"1\" height=\"1\"> -->\n"
              "<svg xmlns=\"http://www.w3.org/2000/svg\"\n  width=\"120\" height='80px'>\n"
              "<rect/></svg>\n");
  write_file (bundle, "box.svg", "<svg viewBox=\"0 0 300 150\"><g/></svg>");
  write_file (bundle, "half.svg", "<svg width=\"200\" viewBox=\"0,0,100,50\"></svg>");
  write_file (bundle, "percent.svg", "<svg width=\"100%\" height=\"100%\" viewBox=\"0 0 40 20\"/>");
  write_file (bundle, "inches.svg", "<svg width=\"1in\" height=\"0.5in\"/>");
  write_file (bundle, "nosize.svg", "<svg width=\"100%\"></svg>");
  write_file (bundle, "broken.png", "\x89PNG\r\n\x1a\n garbage");
  write_file (bundle, "svg-named.png", "\xef\xbb\xbf  <svg width=\"10\" height=\"20\"/>");
  write_file (bundle, "unsized.png", "<svg/>");
  write_png (bundle, "Photo.png", 7, 5);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  byline_test_remove_tree (f->root);
  g_free (f->root);
  g_free (f->site);
  g_free (f->post);
}

static BylineBundle *
open_bundle (Fixture *f)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->post);

  return byline_bundle_new (file);
}

static void
test_files (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(BylineBundle) bundle = open_bundle (f);
  g_autofree char *joined = g_strjoinv ("|", (char **) byline_bundle_get_files (bundle));
  g_autofree char *folder = g_path_get_dirname (f->post);
  g_autofree char *folder_path = g_file_get_path (byline_bundle_get_folder (bundle));

  /* Sorted by byte value: upper case first; no Markdown, hidden files or
   * folders. */
  g_assert_cmpstr (joined, ==,
                   "Photo.png|b file.txt|box.svg|broken.png|diagram.svg|half.svg|inches.svg|"
                   "nosize.svg|percent.svg|svg-named.png|unsized.png");
  g_assert_cmpstr (folder_path, ==, folder);
  g_assert_true (byline_bundle_is_page_bundle (bundle));
  {
    g_autofree char *notes = g_build_filename (folder, "notes.md", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (notes);
    g_autoptr(BylineBundle) loose = byline_bundle_new (file);

    /* A loose page shares its folder: it is no bundle of its own. */
    g_assert_false (byline_bundle_is_page_bundle (loose));
  }

  g_assert_true (byline_bundle_has_file (bundle, "Photo.png"));
  g_assert_false (byline_bundle_has_file (bundle, "photo.png"));
  g_assert_false (byline_bundle_has_file (bundle, "index.md"));
  g_assert_false (byline_bundle_has_file (bundle, "sub"));
  g_assert_true (byline_bundle_has_file (bundle, "sub/inner.txt"));
  g_assert_false (byline_bundle_has_file (bundle, "sub/../b file.txt"));
  g_assert_false (byline_bundle_has_file (bundle, "../other/index.md"));

  g_assert_cmpuint (byline_bundle_get_file_size (bundle, "b file.txt"), ==, 5);
  g_assert_cmpuint (byline_bundle_get_file_size (bundle, "sub/inner.txt"), ==, 3);
  g_assert_cmpuint (byline_bundle_get_file_size (bundle, "missing.png"), ==, 0);
}

static void
test_cached (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BylineBundle) bundle = open_bundle (f);
  g_autoptr(BylineBundle) fresh = NULL;
  g_autofree char *folder = g_path_get_dirname (f->post);
  int width = 0;
  int height = 0;

  g_assert_false (byline_bundle_has_file (bundle, "new.jpg"));
  g_assert_true (byline_bundle_get_image_size (bundle, "Photo.png", &width, &height));
  g_assert_cmpint (width, ==, 7);

  /* The list and sizes are kept for the bundle's life: a bundle that is
   * shared with the analysis worker never changes under it. */
  write_file (folder, "new.jpg", "x");
  write_png (folder, "Photo.png", 3, 2);
  g_assert_false (byline_bundle_has_file (bundle, "new.jpg"));
  g_assert_true (byline_bundle_get_image_size (bundle, "Photo.png", &width, &height));
  g_assert_cmpint (width, ==, 7);

  /* A new bundle reads the folder again. */
  fresh = open_bundle (f);
  g_assert_true (byline_bundle_has_file (fresh, "new.jpg"));
  g_assert_cmpstr (byline_bundle_get_files (fresh)[0], ==, "Photo.png");
  g_assert_cmpstr (byline_bundle_get_files (fresh)[7], ==, "new.jpg");
  g_assert_cmpstr (byline_bundle_get_files (fresh)[9], ==, "percent.svg");
  g_assert_cmpstr (byline_bundle_get_files (fresh)[11], ==, "unsized.png");
  g_assert_null (byline_bundle_get_files (fresh)[12]);
  g_assert_true (byline_bundle_get_image_size (fresh, "Photo.png", &width, &height));
  g_assert_cmpint (width, ==, 3);
  g_assert_cmpint (height, ==, 2);
}

static const char * const thread_names[] = {
  "Photo.png", "diagram.svg", "box.svg", "half.svg", "percent.svg", "inches.svg",
  "nosize.svg", "broken.png", "svg-named.png", "unsized.png", "missing.png",
};

static gpointer
hammer_thread (gpointer data)
{
  BylineBundle *bundle = data;
  guint found = 0;

  for (guint round = 0; round < 50; round++)
    for (guint i = 0; i < G_N_ELEMENTS (thread_names); i++)
      {
        int width = 0;

        if (byline_bundle_has_file (bundle, thread_names[i]))
          found++;
        byline_bundle_get_image_size (bundle, thread_names[i], &width, NULL);
        g_assert_cmpstr (byline_bundle_get_files (bundle)[0], ==, "Photo.png");
      }

  return GUINT_TO_POINTER (found);
}

/* The window and the analysis worker share a bundle: its first reads may
 * come from several threads at once (run under ASan by build-aux/test). */
static void
test_threads (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BylineBundle) bundle = open_bundle (f);
  GThread *threads[8];
  int width = 0;
  int height = 0;

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("bundle", hammer_thread, bundle);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (threads[i])), ==,
                      50 * (G_N_ELEMENTS (thread_names) - 1));

  g_assert_true (byline_bundle_get_image_size (bundle, "diagram.svg", &width, &height));
  g_assert_cmpint (width, ==, 120);
  g_assert_cmpint (height, ==, 80);
}

typedef struct
{
  const char *name;
  gboolean    ok;
  int         width;
  int         height;
} ImageCase;

static void
test_image_sizes (Fixture       *f,
                  gconstpointer  data)
{
  static const ImageCase cases[] = {
    { "Photo.png", TRUE, 7, 5 },
    { "diagram.svg", TRUE, 120, 80 },
    { "box.svg", TRUE, 300, 150 },
    { "half.svg", TRUE, 200, 100 },
    { "percent.svg", TRUE, 40, 20 },
    { "inches.svg", TRUE, 96, 48 },
    { "nosize.svg", FALSE, 0, 0 },
    { "broken.png", FALSE, 0, 0 },
    { "svg-named.png", TRUE, 10, 20 },
    { "unsized.png", FALSE, 0, 0 },
    { "b file.txt", FALSE, 0, 0 },
    { "missing.png", FALSE, 0, 0 },
    { "../other/index.md", FALSE, 0, 0 },
  };
  g_autoptr(BylineBundle) bundle = open_bundle (f);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int width = -1;
      int height = -1;

      g_test_message ("%s", cases[i].name);
      g_assert_cmpint (byline_bundle_get_image_size (bundle, cases[i].name, &width, &height),
                       ==, cases[i].ok);
      g_assert_cmpint (width, ==, cases[i].width);
      g_assert_cmpint (height, ==, cases[i].height);
    }
}

typedef struct
{
  const char     *link;
  BylineLinkKind  kind;
  const char     *name;
} LinkCase;

static void
test_classify_link (void)
{
  static const LinkCase cases[] = {
    { "./x.png", BYLINE_LINK_BUNDLE, "x.png" },
    { "x.png", BYLINE_LINK_BUNDLE, "x.png" },
    { "x%20y.png", BYLINE_LINK_BUNDLE, "x y.png" },
    { "./x.png?width=2#frag", BYLINE_LINK_BUNDLE, "x.png" },
    { " ./././x.png ", BYLINE_LINK_BUNDLE, "x.png" },
    { "img/x.png", BYLINE_LINK_BUNDLE, "img/x.png" },
    { "100%zz.png", BYLINE_LINK_BUNDLE, "100%zz.png" },
    /* Escapes that decode to no UTF-8 stay as written; names are decoded
     * before they are tested, so none leads out of the bundle. */
    { "%ee.png", BYLINE_LINK_BUNDLE, "%ee.png" },
    { "caf%C3%A9.png", BYLINE_LINK_BUNDLE, "café.png" },
    { "%2fetc%2fpasswd", BYLINE_LINK_SITE_RELATIVE, "/etc/passwd" },
    { "./%2Fetc/passwd", BYLINE_LINK_SITE_RELATIVE, "/etc/passwd" },
    { "..%2f..%2fetc%2fpasswd", BYLINE_LINK_SITE_RELATIVE, "../../etc/passwd" },
    { "img/%2e%2e/%2e%2e/x.png", BYLINE_LINK_SITE_RELATIVE, "img/../../x.png" },
    { "%2f%2fevil.example/x.png", BYLINE_LINK_SITE_RELATIVE, "//evil.example/x.png" },
    { "/docs/x.svg", BYLINE_LINK_SITE_ABSOLUTE, "/docs/x.svg" },
    { "/blog/2019/a%20b/#top", BYLINE_LINK_SITE_ABSOLUTE, "/blog/2019/a b/" },
    { "../other/x.png", BYLINE_LINK_SITE_RELATIVE, "../other/x.png" },
    { "./../other/", BYLINE_LINK_SITE_RELATIVE, "../other/" },
    { "sibling/", BYLINE_LINK_SITE_RELATIVE, "sibling/" },
    { "http://istio.io/", BYLINE_LINK_EXTERNAL, NULL },
    { "HTTPS://istio.io/x.png", BYLINE_LINK_EXTERNAL, NULL },
    { "mailto:a@b.c", BYLINE_LINK_EXTERNAL, NULL },
    { "//cdn.example.org/x.js", BYLINE_LINK_EXTERNAL, NULL },
    { "#section", BYLINE_LINK_ANCHOR, NULL },
    { "?tab=2", BYLINE_LINK_ANCHOR, NULL },
    { "./", BYLINE_LINK_ANCHOR, NULL },
    { "", BYLINE_LINK_EMPTY, NULL },
    { "   ", BYLINE_LINK_EMPTY, NULL },
    { NULL, BYLINE_LINK_EMPTY, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = NULL;

      g_test_message ("%s", cases[i].link ? cases[i].link : "(null)");
      g_assert_cmpint (byline_bundle_classify_link (cases[i].link, &name), ==, cases[i].kind);
      g_assert_cmpstr (name, ==, cases[i].name);
    }

  g_assert_cmpint (byline_bundle_classify_link ("./x.png", NULL), ==, BYLINE_LINK_BUNDLE);
}

static void
test_missing_folder (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/byline/post/index.md");
  g_autoptr(BylineBundle) bundle = byline_bundle_new (file);

  g_assert_null (byline_bundle_get_files (bundle)[0]);
  g_assert_false (byline_bundle_has_file (bundle, "x.png"));
  g_assert_false (byline_bundle_get_image_size (bundle, "x.png", NULL, NULL));
}

static void
test_finalizes (Fixture       *f,
                gconstpointer  data)
{
  BylineBundle *bundle = open_bundle (f);

  byline_bundle_get_files (bundle);
  byline_bundle_get_image_size (bundle, "diagram.svg", NULL, NULL);
  g_assert_finalize_object (bundle);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/bundle/files", Fixture, NULL, fixture_set_up, test_files,
              fixture_tear_down);
  g_test_add ("/core/bundle/cached", Fixture, NULL, fixture_set_up, test_cached,
              fixture_tear_down);
  g_test_add ("/core/bundle/threads", Fixture, NULL, fixture_set_up, test_threads,
              fixture_tear_down);
  g_test_add ("/core/bundle/image-sizes", Fixture, NULL, fixture_set_up, test_image_sizes,
              fixture_tear_down);
  g_test_add_func ("/core/bundle/classify-link", test_classify_link);
  g_test_add_func ("/core/bundle/missing-folder", test_missing_folder);
  g_test_add ("/core/bundle/finalizes", Fixture, NULL, fixture_set_up, test_finalizes,
              fixture_tear_down);

  return g_test_run ();
}
