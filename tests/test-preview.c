/* test-preview.c — BylinePreview in a real window: patches, safety, scroll sync
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-preview.h"
#include "byline-preview-patch.h"

#include <glib/gstdio.h>

#include "byline-test-gui.h"

/* Main-loop iterations a wait may take; a 10 ms tick keeps them coming, so
 * this bounds every wait to a few tens of seconds on a slow machine. */
#define MAX_ITERATIONS 4000

typedef struct
{
  const char *html;
  guint       first_line;
  guint       last_line;
} BlockSpec;

typedef struct
{
  GtkWidget     *window;
  BylinePreview *preview;
  char          *folder_path;
  char          *outside_path;
  guint          n_patched;
  GArray        *top_lines;
  GArray        *activated_lines;
  GPtrArray     *opened_uris;
} Fixture;

static char *runtime_dir;

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
iterate_until (const gboolean *flag)
{
  guint tick = g_timeout_add (10, tick_cb, NULL);

  for (guint i = 0; i < MAX_ITERATIONS && !*flag; i++)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  g_assert_true (*flag);
}

static void
free_block (gpointer data)
{
  BylineBlock *block = data;

  g_free (block->html);
  g_free (block);
}

static void
add_block (GPtrArray  *blocks,
           const char *html,
           guint       first_line,
           guint       last_line)
{
  g_ptr_array_add (blocks, byline_block_new (html, first_line, last_line));
}

/* Renderings built by hand, so that these tests do not depend on the renderer. */
static BylineRendering *
rendering_new (const BlockSpec *specs,
               gsize            n_specs)
{
  BylineRendering *rendering = byline_rendering_new (NULL, NULL);

  for (gsize i = 0; i < n_specs; i++)
    add_block (rendering->blocks, specs[i].html, specs[i].first_line, specs[i].last_line);
  return rendering;
}

static void
rendering_free (BylineRendering *rendering)
{
  byline_rendering_unref (rendering);
}

/* Paragraphs of one line each, with a blank line between them. */
static BylineRendering *
rendering_new_paragraphs (guint n)
{
  BylineRendering *rendering = byline_rendering_new (NULL, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *html = g_strdup_printf ("<p>Paragraph %u</p>", i);

      add_block (rendering->blocks, html, 2 * i + 1, 2 * i + 1);
    }
  return rendering;
}

static void
patched_cb (BylinePreview *preview,
            Fixture       *fixture)
{
  fixture->n_patched++;
}

static void
top_line_changed_cb (BylinePreview *preview,
                     guint          line,
                     Fixture       *fixture)
{
  g_array_append_val (fixture->top_lines, line);
}

static void
line_activated_cb (BylinePreview *preview,
                   guint          line,
                   Fixture       *fixture)
{
  g_array_append_val (fixture->activated_lines, line);
}

static gboolean
open_uri_cb (BylinePreview *preview,
             const char    *uri,
             Fixture       *fixture)
{
  g_ptr_array_add (fixture->opened_uris, g_strdup (uri));
  return TRUE;
}

static void
write_png (const char *path,
           guint32     color)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 40, 30);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, color);
  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *image = NULL;
  g_autofree char *outside_image = NULL;
  WebKitSettings *settings;

  /* Characters that mean something in a URI or a policy, in the folder name. */
  fixture->folder_path = g_build_filename (runtime_dir, "my bündle;a,b'c", NULL);
  fixture->outside_path = g_build_filename (runtime_dir, "outside", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->folder_path, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (fixture->outside_path, 0700), ==, 0);
  image = g_build_filename (fixture->folder_path, "photo.png", NULL);
  outside_image = g_build_filename (fixture->outside_path, "secret.png", NULL);
  write_png (image, 0x3366ccff);
  write_png (outside_image, 0xcc3333ff);

  fixture->top_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  fixture->activated_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  fixture->opened_uris = g_ptr_array_new_with_free_func (g_free);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 600);
  fixture->preview = BYLINE_PREVIEW (byline_preview_new ());
  settings = webkit_web_view_get_settings (byline_preview_get_web_view (fixture->preview));
  webkit_settings_set_hardware_acceleration_policy (settings,
                                                    WEBKIT_HARDWARE_ACCELERATION_POLICY_NEVER);
  folder = g_file_new_for_path (fixture->folder_path);
  byline_preview_set_folder (fixture->preview, folder);
  byline_preview_set_stylesheet (fixture->preview,
                                 "body { margin: 0; font: 16px/20px sans-serif; }"
                                 "p { margin: 0; height: 20px; }"
                                 "img { display: block; }");
  g_signal_connect (fixture->preview, "patched", G_CALLBACK (patched_cb), fixture);
  g_signal_connect (fixture->preview, "top-line-changed",
                    G_CALLBACK (top_line_changed_cb), fixture);
  g_signal_connect (fixture->preview, "line-activated", G_CALLBACK (line_activated_cb), fixture);
  g_signal_connect (fixture->preview, "open-uri", G_CALLBACK (open_uri_cb), fixture);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->preview));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gpointer preview = fixture->preview;

  /* The preview goes with its window, WebKit view and all. */
  g_object_add_weak_pointer (preview, &preview);
  byline_test_destroy_window (GTK_WINDOW (fixture->window));
  byline_test_wait_for (preview == NULL);
  g_clear_pointer (&fixture->top_lines, g_array_unref);
  g_clear_pointer (&fixture->activated_lines, g_array_unref);
  g_clear_pointer (&fixture->opened_uris, g_ptr_array_unref);
  g_clear_pointer (&fixture->folder_path, g_free);
  g_clear_pointer (&fixture->outside_path, g_free);
}

static void
update (Fixture         *fixture,
        const char      *header_html,
        BylineRendering *rendering)
{
  guint target = fixture->n_patched + 1;
  gboolean done = FALSE;
  guint tick = g_timeout_add (10, tick_cb, NULL);
  g_autoptr(BylineRendering) shown = byline_rendering_new (NULL, header_html);

  /* The tests change their renderings between updates, and a rendering is
   * immutable once shown: the preview gets a copy of this one's state. */
  for (guint i = 0; i < rendering->blocks->len; i++)
    {
      const BylineBlock *block = g_ptr_array_index (rendering->blocks, i);

      g_ptr_array_add (shown->blocks,
                       byline_block_new (block->html, block->first_line, block->last_line));
    }
  byline_preview_update (fixture->preview, shown);
  for (guint i = 0; i < MAX_ITERATIONS && !done; i++)
    {
      g_main_context_iteration (NULL, TRUE);
      done = fixture->n_patched >= target;
    }
  g_source_remove (tick);
  g_assert_true (done);
}

typedef struct
{
  gboolean  done;
  char     *result;
  GError   *error;
} Evaluation;

static void
evaluate_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Evaluation *evaluation = user_data;
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object), result,
                                                      &evaluation->error);
  if (value != NULL)
    evaluation->result = jsc_value_to_string (value);
  evaluation->done = TRUE;
}

/* Runs @script in @world (NULL: the page's own world) and returns its value
 * as a string. */
static char *
evaluate (Fixture    *fixture,
          const char *world,
          const char *script)
{
  Evaluation evaluation = { 0 };

  webkit_web_view_evaluate_javascript (byline_preview_get_web_view (fixture->preview),
                                       script, -1, world, NULL, NULL,
                                       evaluate_done_cb, &evaluation);
  iterate_until (&evaluation.done);
  g_assert_no_error (evaluation.error);
  return evaluation.result;
}

static void
assert_js (Fixture    *fixture,
           const char *script,
           const char *expected)
{
  g_autofree char *result = evaluate (fixture, "byline", script);

  g_assert_cmpstr (result, ==, expected);
}

#define BODY_HTML "Array.from(document.getElementById('byline-body').children)" \
                  ".map(e => e.outerHTML).join('\\n')"

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_properties (void)
{
  BylinePreview *preview = BYLINE_PREVIEW (g_object_ref_sink (byline_preview_new ()));
  g_autoptr(GFile) folder = g_file_new_for_path ("/tmp/byline-bundle");
  g_autoptr(GFile) same_folder = g_file_new_for_path ("/tmp/byline-bundle");
  guint notified = 0;

  g_assert_null (byline_preview_get_folder (preview));
  g_assert_false (byline_preview_get_load_remote_images (preview));
  g_assert_true (WEBKIT_IS_WEB_VIEW (byline_preview_get_web_view (preview)));
  g_assert_false (webkit_settings_get_enable_javascript_markup (
                    webkit_web_view_get_settings (byline_preview_get_web_view (preview))));

  g_signal_connect_swapped (preview, "notify::folder", G_CALLBACK (count_cb), &notified);
  byline_preview_set_folder (preview, folder);
  byline_preview_set_folder (preview, same_folder);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (byline_preview_get_folder (preview) == folder);
  byline_preview_set_folder (preview, NULL);
  g_assert_cmpuint (notified, ==, 2);

  notified = 0;
  g_signal_connect_swapped (preview, "notify::load-remote-images",
                            G_CALLBACK (count_cb), &notified);
  byline_preview_set_load_remote_images (preview, TRUE);
  byline_preview_set_load_remote_images (preview, TRUE);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (byline_preview_get_load_remote_images (preview));

  notified = 0;
  g_signal_connect_swapped (preview, "notify::stylesheet", G_CALLBACK (count_cb),
                            &notified);
  byline_preview_set_stylesheet (preview, "p { color: red; }");
  byline_preview_set_stylesheet (preview, "p { color: red; }");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (byline_preview_get_stylesheet (preview), ==, "p { color: red; }");

  g_assert_finalize_object (preview);
}

typedef struct
{
  const char *name;
  const char *old_header;
  BlockSpec   old_blocks[4];    /* up to the first with html NULL */
  gboolean    old_empty;        /* an empty page: old_blocks NULL */
  const char *new_header;
  BlockSpec   new_blocks[4];
  const char *expected;
} PatchCase;

static const PatchCase patch_cases[] = {
  { "empty-page", NULL, { { NULL } }, TRUE,
    "<h1>T</h1>", { { "<p>a</p>", 1, 1 }, { "<p>b</p>", 3, 4 } },
    "bylinePatch({seq:7,start:0,remove:0,header:\"<h1>T</h1>\","
    "insert:[[\"<p>a</p>\",1,1],[\"<p>b</p>\",3,4]],lines:[]});" },
  { "one-block-grows", "H", { { "a", 1, 1 }, { "b", 3, 3 }, { "c", 5, 5 } }, FALSE,
    "H", { { "a", 1, 1 }, { "B", 3, 4 }, { "c", 6, 6 } },
    "bylinePatch({seq:7,start:1,remove:1,insert:[[\"B\",3,4]],lines:[[2,1,1,1]]});" },
  { "front-matter-grows", "H", { { "a", 1, 1 }, { "b", 3, 4 } }, FALSE,
    "H2", { { "a", 2, 2 }, { "b", 4, 5 } },
    "bylinePatch({seq:7,start:2,remove:0,header:\"H2\",insert:[],lines:[[0,2,1,1]]});" },
  { "block-removed", "", { { "a", 1, 1 }, { "b", 3, 3 }, { "c", 5, 5 } }, FALSE,
    "", { { "a", 1, 1 }, { "c", 3, 3 } },
    "bylinePatch({seq:7,start:1,remove:1,insert:[],lines:[[1,1,-2,-2]]});" },
  { "repeated-blocks", "", { { "x", 1, 1 }, { "x", 3, 3 }, { "x", 5, 5 } }, FALSE,
    "", { { "x", 1, 1 }, { "x", 3, 3 } },
    "bylinePatch({seq:7,start:2,remove:1,insert:[],lines:[]});" },
  { "unchanged", "", { { "a", 1, 1 } }, FALSE,
    "", { { "a", 1, 1 } },
    "bylinePatch({seq:7,start:1,remove:0,insert:[],lines:[]});" },
  { "escapes", "", { { NULL } }, FALSE,
    "", { { "<p title=\"q\">\\ </script>\n\t\x01\xe2\x80\xa8\xff</p>", 1, 2 } },
    "bylinePatch({seq:7,start:0,remove:0,insert:[[\"<p title=\\\"q\\\">\\\\ "
    "</script>\\n\\t\\u0001\\u2028\xef\xbf\xbd</p>\",1,2]],lines:[]});" },
};

static GPtrArray *
blocks_from_specs (const BlockSpec *specs,
                   gsize            max)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func (free_block);

  for (gsize i = 0; i < max && specs[i].html != NULL; i++)
    add_block (blocks, specs[i].html, specs[i].first_line, specs[i].last_line);
  return blocks;
}

static void
test_patch_script (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (patch_cases); i++)
    {
      const PatchCase *c = &patch_cases[i];
      g_autoptr(GPtrArray) old_blocks = NULL;
      g_autoptr(GPtrArray) new_blocks = NULL;
      g_autofree char *script = NULL;

      g_test_message ("case %s", c->name);
      if (!c->old_empty)
        old_blocks = blocks_from_specs (c->old_blocks, G_N_ELEMENTS (c->old_blocks));
      new_blocks = blocks_from_specs (c->new_blocks, G_N_ELEMENTS (c->new_blocks));
      script = byline_preview_patch_build (7, c->old_header, old_blocks,
                                           c->new_header, new_blocks);
      g_assert_cmpstr (script, ==, c->expected);
    }
}

static void
test_first_update (Fixture       *fixture,
                   gconstpointer  user_data)
{
  static const BlockSpec specs[] = {
    { "<h2 id=\"intro\">Intro</h2>\n", 5, 5 },
    { "<p>One <em>two</em></p>\n", 7, 8 },
    { "<p>First</p>\n<p>Second</p>\n", 10, 12 },
    { "<ul>\n<li>Item</li>\n</ul>\n", 14, 15 },
  };
  BylineRendering *rendering = rendering_new (specs, G_N_ELEMENTS (specs));
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->folder_path);
  g_autofree char *uri = g_file_get_uri (folder);
  g_autofree char *folder_uri = g_strconcat (uri, "/", NULL);

  update (fixture, "<h1>A &amp; B</h1>", rendering);

  assert_js (fixture, "document.getElementById('byline-header').innerHTML",
             "<h1>A &amp; B</h1>");
  assert_js (fixture, BODY_HTML,
             "<h2 id=\"intro\" data-line-first=\"5\" data-line-last=\"5\">Intro</h2>\n"
             "<p data-line-first=\"7\" data-line-last=\"8\">One <em>two</em></p>\n"
             "<div class=\"byline-block\" data-line-first=\"10\" data-line-last=\"12\">"
             "<p>First</p>\n<p>Second</p>\n</div>\n"
             "<ul data-line-first=\"14\" data-line-last=\"15\">\n<li>Item</li>\n</ul>");
  assert_js (fixture, "location.href", folder_uri);
  rendering_free (rendering);
}

static void
test_patch_keeps_nodes (Fixture       *fixture,
                        gconstpointer  user_data)
{
  static const BlockSpec before[] = {
    { "<p>Alpha</p>", 1, 1 },
    { "<figure><img src=\"photo.png\" alt=\"Photo\"></figure>", 3, 3 },
    { "<p>Gamma</p>", 5, 5 },
    { "<p>Delta</p>", 7, 7 },
  };
  /* Gamma gains a line and a word: Delta moves down without changing. */
  static const BlockSpec after[] = {
    { "<p>Alpha</p>", 1, 1 },
    { "<figure><img src=\"photo.png\" alt=\"Photo\"></figure>", 3, 3 },
    { "<p>Gamma\nrays</p>", 5, 6 },
    { "<p>Delta</p>", 8, 8 },
  };
  /* A new block in front: everything after it shifts by two lines. */
  static const BlockSpec inserted[] = {
    { "<p>Zero</p>", 1, 1 },
    { "<p>Alpha</p>", 3, 3 },
    { "<figure><img src=\"photo.png\" alt=\"Photo\"></figure>", 5, 5 },
    { "<p>Gamma\nrays</p>", 7, 8 },
    { "<p>Delta</p>", 10, 10 },
  };
  BylineRendering *rendering = rendering_new (before, G_N_ELEMENTS (before));
  g_autofree char *marked = NULL;

  update (fixture, "", rendering);
  rendering_free (rendering);

  marked = evaluate (fixture, "byline",
                     "const c = document.getElementById('byline-body').children;"
                     "for (let i = 0; i < c.length; i++) c[i].bylineMark = i;"
                     "document.querySelector('img').bylineMark = 'image';"
                     "c.length");
  g_assert_cmpstr (marked, ==, "4");

  rendering = rendering_new (after, G_N_ELEMENTS (after));
  update (fixture, "", rendering);
  rendering_free (rendering);

  assert_js (fixture, "Array.from(document.getElementById('byline-body').children)"
                      ".map(e => String(e.bylineMark)).join(',')",
             "0,1,undefined,3");
  assert_js (fixture, "String(document.querySelector('img').bylineMark)", "image");
  assert_js (fixture, BODY_HTML,
             "<p data-line-first=\"1\" data-line-last=\"1\">Alpha</p>\n"
             "<figure data-line-first=\"3\" data-line-last=\"3\">"
             "<img src=\"photo.png\" alt=\"Photo\" loading=\"lazy\"></figure>\n"
             "<p data-line-first=\"5\" data-line-last=\"6\">Gamma\nrays</p>\n"
             "<p data-line-first=\"8\" data-line-last=\"8\">Delta</p>");

  rendering = rendering_new (inserted, G_N_ELEMENTS (inserted));
  update (fixture, "", rendering);
  rendering_free (rendering);

  assert_js (fixture, "Array.from(document.getElementById('byline-body').children)"
                      ".map(e => String(e.bylineMark)).join(',')",
             "undefined,0,1,undefined,3");
  assert_js (fixture, "String(document.querySelector('img').bylineMark)", "image");
  assert_js (fixture, "Array.from(document.getElementById('byline-body').children)"
                      ".map(e => e.dataset.lineFirst + '-' + e.dataset.lineLast).join(',')",
             "1-1,3-3,5-5,7-8,10-10");

  /* Removing a block in the middle leaves its neighbours alone. */
  rendering = rendering_new (inserted, G_N_ELEMENTS (inserted));
  g_ptr_array_remove_index (rendering->blocks, 2);
  update (fixture, "", rendering);
  rendering_free (rendering);
  assert_js (fixture, "Array.from(document.getElementById('byline-body').children)"
                      ".map(e => String(e.bylineMark)).join(',')",
             "undefined,0,undefined,3");
}

static void
load_finished_cb (WebKitWebView   *web_view,
                  WebKitLoadEvent  event,
                  gboolean        *finished)
{
  if (event == WEBKIT_LOAD_FINISHED)
    *finished = TRUE;
}

static void
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
count_painted_cb (BylinePreview *preview,
                  GParamSpec    *pspec,
                  guint         *count)
{
  (*count)++;
}

/* The page loads as soon as the folder is known, empty: it never reports
 * itself painted before a rendering (the window keeps it covered), and
 * reports it once, after the frame that shows the first rendering. */
static void
test_painted (Fixture       *fixture,
              gconstpointer  user_data)
{
  static const BlockSpec specs[] = { { "<p>Painted</p>", 1, 1 } };
  BylineRendering *rendering = rendering_new (specs, G_N_ELEMENTS (specs));
  gboolean finished = FALSE;
  gboolean waited = FALSE;
  guint notified = 0;

  g_signal_connect (byline_preview_get_web_view (fixture->preview), "load-changed",
                    G_CALLBACK (load_finished_cb), &finished);
  g_signal_connect (fixture->preview, "notify::painted", G_CALLBACK (count_painted_cb),
                    &notified);
  iterate_until (&finished);
  assert_js (fixture, "String(document.getElementById('byline-body').children.length)", "0");
  /* Frames of the empty page come and go meanwhile. */
  g_timeout_add_once (300, set_flag_cb, &waited);
  iterate_until (&waited);
  g_assert_false (byline_preview_get_painted (fixture->preview));
  g_assert_cmpuint (notified, ==, 0);

  update (fixture, "<h1>Title</h1>", rendering);
  for (guint i = 0; i < MAX_ITERATIONS && !byline_preview_get_painted (fixture->preview); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (byline_preview_get_painted (fixture->preview));
  g_assert_cmpuint (notified, ==, 1);
  assert_js (fixture, BODY_HTML, "<p data-line-first=\"1\" data-line-last=\"1\">Painted</p>");

  update (fixture, "<h1>Title</h1>", rendering);
  g_assert_cmpuint (notified, ==, 1);
  rendering_free (rendering);
}

/* A page loaded after a rendering (the shell for a post opened later, a
 * reload for a new policy) carries the rendering in itself, so that its
 * first paint shows the post: it arrives whole, escaped on the way. */
static void
test_initial_rendering (Fixture       *fixture,
                        gconstpointer  user_data)
{
  static const BlockSpec specs[] = {
    { "<p title=\"&quot;q&quot; &amp; 'a'\">1 &lt; 2 &gt; 0 \\ \xe2\x80\xa8 \"</p>", 1, 1 },
    { "<p>First</p>\n<p>Second</p>", 3, 4 },
  };
  BylineRendering *rendering = rendering_new (specs, G_N_ELEMENTS (specs));
  static const char *expected_body =
    "<p title=\"&quot;q&quot; &amp; 'a'\" data-line-first=\"1\" data-line-last=\"1\">"
    "1 &lt; 2 &gt; 0 \\ \xe2\x80\xa8 \"</p>\n"
    "<div class=\"byline-block\" data-line-first=\"3\" data-line-last=\"4\">"
    "<p>First</p>\n<p>Second</p></div>";
  guint target;

  update (fixture, "<h1>A &amp; \"B\"</h1>", rendering);
  assert_js (fixture, BODY_HTML, expected_body);

  /* Allowing remote pictures loads the page again. */
  target = fixture->n_patched + 1;
  byline_preview_set_load_remote_images (fixture->preview, TRUE);
  for (guint i = 0; i < MAX_ITERATIONS && fixture->n_patched < target; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (fixture->n_patched, ==, target);

  assert_js (fixture, "document.querySelector('meta[http-equiv]').content.includes('https:')", "true");
  assert_js (fixture, BODY_HTML, expected_body);
  assert_js (fixture, "document.getElementById('byline-header').innerHTML",
             "<h1>A &amp; \"B\"</h1>");
  assert_js (fixture, "String(document.body.dataset.bylineInitial)", "undefined");
  rendering_free (rendering);
}

static void
test_scroll_kept (Fixture       *fixture,
                  gconstpointer  user_data)
{
  BylineRendering *rendering = rendering_new_paragraphs (300);
  BylineBlock *block;
  g_autofree char *anchor_top = NULL;

  update (fixture, "", rendering);
  assert_js (fixture, "window.scrollTo(0, 1000); window.scrollY", "1000");

  /* An edit far below the view. */
  block = g_ptr_array_index (rendering->blocks, 280);
  g_free (block->html);
  block->html = g_strdup ("<p>Paragraph 280, edited</p>");
  update (fixture, "", rendering);
  assert_js (fixture, "window.scrollY", "1000");
  assert_js (fixture, "document.getElementById('byline-body').children[280].textContent",
             "Paragraph 280, edited");

  /* An edit above the view that makes a block taller: what the reader looks
   * at stays where it was. */
  anchor_top = evaluate (fixture, "byline",
                         "String(document.getElementById('byline-body').children[60]"
                         ".getBoundingClientRect().top)");
  block = g_ptr_array_index (rendering->blocks, 3);
  g_free (block->html);
  block->html = g_strdup ("<div style=\"height: 100px\">Tall</div>");
  update (fixture, "", rendering);
  assert_js (fixture, "window.scrollY", "1080");
  assert_js (fixture, "String(document.getElementById('byline-body').children[60]"
                      ".getBoundingClientRect().top)", anchor_top);
  rendering_free (rendering);
}

static void
test_scripts_never_run (Fixture       *fixture,
                        gconstpointer  user_data)
{
  static const BlockSpec specs[] = {
    { "<script>document.title = 'script';"
      "document.documentElement.dataset.ran = 'script';</script>", 1, 1 },
    { "<p><img src=\"missing.png\" onerror=\"document.documentElement.dataset.ran = 'onerror'\""
      " alt=\"\"></p>", 3, 3 },
    { "<svg onload=\"document.documentElement.dataset.ran = 'svg'\"><rect/></svg>", 5, 5 },
    { "<details open ontoggle=\"document.documentElement.dataset.ran = 'toggle'\">"
      "<summary>S</summary>D</details>", 7, 7 },
    { "<iframe srcdoc=\"&lt;script&gt;parent.document.documentElement.dataset.ran = "
      "'iframe'&lt;/script&gt;\"></iframe>", 9, 9 },
    { "<p><a id=\"js\" href=\"javascript:document.documentElement.dataset.ran = 'href'\">"
      "x</a></p>", 11, 11 },
  };
  BylineRendering *rendering = rendering_new (specs, G_N_ELEMENTS (specs));
  g_autofree char *complete = NULL;

  update (fixture, "<h1 onmouseover=\"document.title = 'header'\">Title</h1>"
                   "<script>document.title = 'header';</script>", rendering);

  /* Give handlers every chance: wait until the image has failed, click the
   * javascript: link, and let another frame go by. */
  for (guint i = 0; i < 200; i++)
    {
      g_free (complete);
      complete = evaluate (fixture, "byline", "String(document.querySelector('img').complete)");
      if (g_str_equal (complete, "true"))
        break;
      g_usleep (10000);
    }
  g_assert_cmpstr (complete, ==, "true");
  assert_js (fixture, "document.getElementById('js').click(); 'clicked'", "clicked");
  update (fixture, "", rendering);
  rendering_free (rendering);

  assert_js (fixture, "document.title", "");
  assert_js (fixture, "String(document.documentElement.dataset.ran)", "undefined");
  assert_js (fixture, "document.getElementById('byline-body').children.length", "6");

  /* The page's own world works for Byline's API calls but cannot see the
   * preview's functions. */
  {
    g_autofree char *main_world = evaluate (fixture, NULL, "typeof window.bylinePatch");

    g_assert_cmpstr (main_world, ==, "undefined");
  }
}

static char *
wait_for_images (Fixture *fixture)
{
  char *state = NULL;

  for (guint i = 0; i < 300; i++)
    {
      g_free (state);
      state = evaluate (fixture, "byline",
                        "Array.from(document.images).every(i => i.complete) ?"
                        " Array.from(document.images).map(i => i.naturalWidth).join(',') :"
                        " 'loading'");
      if (!g_str_equal (state, "loading"))
        break;
      g_usleep (10000);
    }
  return state;
}

static void
test_file_access (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *outside_uri = NULL;
  g_autofree char *outside_html = NULL;
  g_autofree char *state = NULL;
  g_autofree char *policy = NULL;
  g_autofree char *expected_policy = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr(GFile) outside = NULL;
  BlockSpec specs[] = {
    { "<p><img src=\"photo.png\" alt=\"inside\"></p>", 1, 1 },
    { "<p><img src=\"../outside/secret.png\" alt=\"relative\"></p>", 3, 3 },
    { NULL, 5, 5 },
  };
  BylineRendering *rendering;

  outside = g_file_new_for_path (fixture->outside_path);
  outside_uri = g_file_get_uri (outside);
  outside_html = g_strdup_printf ("<p><img src=\"%s/secret.png\" alt=\"absolute\"></p>",
                                  outside_uri);
  specs[2].html = outside_html;
  rendering = rendering_new (specs, G_N_ELEMENTS (specs));
  update (fixture, "", rendering);

  state = wait_for_images (fixture);
  g_assert_cmpstr (state, ==, "40,0,0");

  escaped = g_uri_escape_string (fixture->folder_path, "/", FALSE);
  policy = evaluate (fixture, "byline",
                     "document.querySelector('meta[http-equiv]').getAttribute('content')");
  expected_policy = g_strdup_printf ("default-src 'none'; script-src 'none'; base-uri 'none'; "
                                     "form-action 'none'; img-src data: file://*%s/; "
                                     "media-src file://*%s/; font-src data: file://*%s/; "
                                     "style-src 'unsafe-inline' file://*%s/",
                                     escaped, escaped, escaped, escaped);
  g_assert_cmpstr (policy, ==, expected_policy);

  /* Allowing remote pictures reloads the shell with a wider policy, and the
   * blocks come back without another update. */
  byline_preview_set_load_remote_images (fixture->preview, TRUE);
  {
    guint target = fixture->n_patched + 1;
    gboolean done = FALSE;
    guint tick = g_timeout_add (10, tick_cb, NULL);

    for (guint i = 0; i < MAX_ITERATIONS && !done; i++)
      {
        g_main_context_iteration (NULL, TRUE);
        done = fixture->n_patched >= target;
      }
    g_source_remove (tick);
    g_assert_true (done);
  }
  g_free (policy);
  policy = evaluate (fixture, "byline",
                     "document.querySelector('meta[http-equiv]').getAttribute('content')");
  g_free (expected_policy);
  expected_policy = g_strdup_printf ("default-src 'none'; script-src 'none'; base-uri 'none'; "
                                     "form-action 'none'; img-src data: file://*%s/ https: http:; "
                                     "media-src file://*%s/; font-src data: file://*%s/; "
                                     "style-src 'unsafe-inline' file://*%s/",
                                     escaped, escaped, escaped, escaped);
  g_assert_cmpstr (policy, ==, expected_policy);
  assert_js (fixture, "document.getElementById('byline-body').children.length", "3");
  rendering_free (rendering);
}

static void
test_scroll_sync (Fixture       *fixture,
                  gconstpointer  user_data)
{
  BylineRendering *rendering = rendering_new_paragraphs (300);

  update (fixture, "", rendering);

  /* Line 101 is the first line of paragraph 50, 1000 px down the body. */
  byline_preview_scroll_to_line (fixture->preview, 101);
  update (fixture, "", rendering);
  assert_js (fixture, "String(document.getElementById('byline-body').children[50]"
                      ".getBoundingClientRect().top)", "0");
  /* A line between two blocks belongs to the one above. */
  byline_preview_scroll_to_line (fixture->preview, 122);
  update (fixture, "", rendering);
  update (fixture, "", rendering);
  assert_js (fixture, "window.scrollY", "1200");
  /* Our own scrolling is not reported back to the editor. */
  g_assert_cmpuint (fixture->top_lines->len, ==, 0);

  /* The reader's scrolling is, with the block now at the top. The report
   * comes on the frame after the scroll event's, hence two frames. */
  assert_js (fixture, "window.scrollTo(0, 410); 'scrolled'", "scrolled");
  update (fixture, "", rendering);
  update (fixture, "", rendering);
  g_assert_cmpuint (fixture->top_lines->len, ==, 1);
  g_assert_cmpuint (g_array_index (fixture->top_lines, guint, 0), ==, 41);

  /* Before the first block: the header. */
  byline_preview_scroll_to_line (fixture->preview, 0);
  update (fixture, "", rendering);
  update (fixture, "", rendering);
  assert_js (fixture, "window.scrollY", "0");
  g_assert_cmpuint (fixture->top_lines->len, ==, 1);
  rendering_free (rendering);
}

static void
test_links (Fixture       *fixture,
            gconstpointer  user_data)
{
  static const BlockSpec specs[] = {
    { "<p><a id=\"web\" href=\"https://istio.io/latest/blog/\">Blog</a></p>", 1, 1 },
    { "<p><a id=\"bundle\" href=\"other.html\">Other</a></p>", 3, 4 },
    { "<p><a id=\"outside\" href=\"file:///etc/hostname\">Host</a></p>", 6, 6 },
    { "<p><a id=\"blank\" target=\"_blank\" href=\"https://example.com/\">New</a></p>", 8, 8 },
    { "<h2 id=\"section\">Section</h2>", 10, 10 },
    { "<p><a id=\"anchor\" href=\"#section\">Anchor</a></p>", 12, 12 },
  };
  BylineRendering *rendering = rendering_new (specs, G_N_ELEMENTS (specs));
  g_autofree char *location = NULL;
  g_autofree char *bundle_uri = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GFile) other = NULL;

  update (fixture, "", rendering);
  location = evaluate (fixture, "byline", "location.href");

  assert_js (fixture, "document.getElementById('outside').click();"
                      "document.getElementById('bundle').click();"
                      "document.getElementById('web').click();"
                      "document.getElementById('blank').click(); 'clicked'", "clicked");
  for (guint i = 0; i < 100 && fixture->opened_uris->len < 3; i++)
    update (fixture, "", rendering);

  other = g_file_new_build_filename (fixture->folder_path, "other.html", NULL);
  bundle_uri = g_file_get_uri (other);
  g_assert_cmpuint (fixture->opened_uris->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (fixture->opened_uris, 0), ==, bundle_uri);
  g_assert_cmpstr (g_ptr_array_index (fixture->opened_uris, 1), ==,
                   "https://istio.io/latest/blog/");
  g_assert_cmpstr (g_ptr_array_index (fixture->opened_uris, 2), ==, "https://example.com/");

  /* The view never left the shell page, and its blocks are all there. */
  assert_js (fixture, "location.href", location);
  assert_js (fixture, "document.getElementById('byline-body').children.length", "6");

  /* An anchor stays inside the page. */
  assert_js (fixture, "document.getElementById('anchor').click(); 'clicked'", "clicked");
  update (fixture, "", rendering);
  expected = g_strconcat (location, "#section", NULL);
  assert_js (fixture, "location.href", expected);
  assert_js (fixture, "document.getElementById('byline-body').children.length", "6");
  g_assert_cmpuint (fixture->opened_uris->len, ==, 3);

  /* Ctrl+click puts the cursor on the block's first line, and follows no link. */
  assert_js (fixture, "document.getElementById('bundle').dispatchEvent(new MouseEvent('click',"
                      " { bubbles: true, cancelable: true, ctrlKey: true })); 'clicked'",
             "clicked");
  update (fixture, "", rendering);
  g_assert_cmpuint (fixture->activated_lines->len, ==, 1);
  g_assert_cmpuint (g_array_index (fixture->activated_lines, guint, 0), ==, 3);
  g_assert_cmpuint (fixture->opened_uris->len, ==, 3);
  rendering_free (rendering);
}

/* Hugo's figure shortcode takes pictures from the site's static and assets
 * folders too (byline-hugo-shortcodes-figure.c): those load, and still
 * nothing else outside the bundle does. */
static void
test_site_folders (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *static_path = g_build_filename (runtime_dir, "site", "static", NULL);
  g_autofree char *assets_path = g_build_filename (runtime_dir, "site", "assets", NULL);
  g_autofree char *static_image = g_build_filename (static_path, "img", "logo.png", NULL);
  g_autofree char *assets_image = g_build_filename (assets_path, "chart.png", NULL);
  g_autofree char *static_uri = g_filename_to_uri (static_image, NULL, NULL);
  g_autofree char *assets_uri = g_filename_to_uri (assets_image, NULL, NULL);
  g_autofree char *outside_image = g_build_filename (fixture->outside_path, "secret.png", NULL);
  g_autofree char *outside_uri = g_filename_to_uri (outside_image, NULL, NULL);
  g_autofree char *html = NULL;
  g_autofree char *state = NULL;
  g_autofree char *policy = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *escaped_folder = NULL;
  g_autofree char *escaped_static = NULL;
  g_autofree char *escaped_assets = NULL;
  const char *folders[] = { static_path, assets_path, NULL };
  BlockSpec specs[] = {
    { "<p><img src=\"photo.png\" alt=\"bundle\"></p>", 1, 1 },
    { NULL, 3, 3 },
  };
  BylineRendering *rendering;
  guint notified = 0;

  g_assert_cmpint (g_mkdir_with_parents (static_path, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (assets_path, 0700), ==, 0);
  {
    g_autofree char *img = g_path_get_dirname (static_image);

    g_assert_cmpint (g_mkdir_with_parents (img, 0700), ==, 0);
  }
  write_png (static_image, 0x33cc66ff);
  write_png (assets_image, 0x3366ccff);

  html = g_strdup_printf ("<figure><img src=\"%s\" alt=\"static\"><img src=\"%s\" "
                          "alt=\"assets\"><img src=\"%s\" alt=\"outside\"></figure>",
                          static_uri, assets_uri, outside_uri);
  specs[1].html = html;
  rendering = rendering_new (specs, G_N_ELEMENTS (specs));

  /* Without the site's folders, only the bundle's picture loads. */
  update (fixture, "", rendering);
  state = wait_for_images (fixture);
  g_assert_cmpstr (state, ==, "40,0,0,0");

  /* With them, the shell reloads under the wider policy, and the blocks
   * come back without another update. */
  g_signal_connect_swapped (fixture->preview, "notify::site-folders", G_CALLBACK (count_cb),
                            &notified);
  byline_preview_set_site_folders (fixture->preview, folders);
  byline_preview_set_site_folders (fixture->preview, folders);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstrv (byline_preview_get_site_folders (fixture->preview), folders);
  {
    guint target = fixture->n_patched + 1;
    gboolean done = FALSE;
    guint tick = g_timeout_add (10, tick_cb, NULL);

    for (guint i = 0; i < MAX_ITERATIONS && !done; i++)
      {
        g_main_context_iteration (NULL, TRUE);
        done = fixture->n_patched >= target;
      }
    g_source_remove (tick);
    g_assert_true (done);
  }
  g_free (state);
  state = wait_for_images (fixture);
  g_assert_cmpstr (state, ==, "40,40,40,0");

  escaped_folder = g_uri_escape_string (fixture->folder_path, "/", FALSE);
  escaped_static = g_uri_escape_string (static_path, "/", FALSE);
  escaped_assets = g_uri_escape_string (assets_path, "/", FALSE);
  policy = evaluate (fixture, "byline",
                     "document.querySelector('meta[http-equiv]').getAttribute('content')");
  expected = g_strdup_printf ("default-src 'none'; script-src 'none'; base-uri 'none'; "
                              "form-action 'none'; img-src data: file://*%s/ file://*%s/ "
                              "file://*%s/; media-src file://*%s/; font-src data: file://*%s/; "
                              "style-src 'unsafe-inline' file://*%s/",
                              escaped_folder, escaped_static, escaped_assets, escaped_folder,
                              escaped_folder, escaped_folder);
  g_assert_cmpstr (policy, ==, expected);

  /* None again: back to the bundle alone. */
  byline_preview_set_site_folders (fixture->preview, NULL);
  g_assert_null (byline_preview_get_site_folders (fixture->preview));
  g_assert_cmpuint (notified, ==, 2);
  rendering_free (rendering);
  byline_test_remove_tree (static_path);
  byline_test_remove_tree (assets_path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* WebKit keeps sockets and caches under these: keep them out of $HOME. */
  runtime_dir = g_dir_make_tmp ("byline-test-preview-XXXXXX", NULL);
  g_assert_nonnull (runtime_dir);
  g_setenv ("XDG_RUNTIME_DIR", runtime_dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", runtime_dir, TRUE);
  g_setenv ("XDG_DATA_HOME", runtime_dir, TRUE);

  /* GTK 4.8 ignores NO_AT_BRIDGE; without a session bus its accessibility
   * layer would warn, and warnings are fatal in tests. */
  g_setenv ("GTK_A11Y", "none", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  /* g_test_init sets an absolute program name, which WebKit's sandbox rejects. */
  g_set_prgname ("test-preview");
  /* The web process inherits the environment; its own warnings (no
   * accessibility bus under Xvfb) must not kill it. This process keeps its
   * fatal warnings: gtk_test_init has already set them. */
  g_setenv ("G_DEBUG", "gc-friendly", TRUE);

  g_test_add_func ("/gui/preview/properties", test_properties);
  g_test_add_func ("/gui/preview/patch-script", test_patch_script);
  g_test_add ("/gui/preview/first-update", Fixture, NULL,
              fixture_set_up, test_first_update, fixture_tear_down);
  g_test_add ("/gui/preview/patch-keeps-nodes", Fixture, NULL,
              fixture_set_up, test_patch_keeps_nodes, fixture_tear_down);
  g_test_add ("/gui/preview/painted", Fixture, NULL,
              fixture_set_up, test_painted, fixture_tear_down);
  g_test_add ("/gui/preview/initial-rendering", Fixture, NULL,
              fixture_set_up, test_initial_rendering, fixture_tear_down);
  g_test_add ("/gui/preview/scroll-kept", Fixture, NULL,
              fixture_set_up, test_scroll_kept, fixture_tear_down);
  g_test_add ("/gui/preview/scripts-never-run", Fixture, NULL,
              fixture_set_up, test_scripts_never_run, fixture_tear_down);
  g_test_add ("/gui/preview/file-access", Fixture, NULL,
              fixture_set_up, test_file_access, fixture_tear_down);
  g_test_add ("/gui/preview/site-folders", Fixture, NULL,
              fixture_set_up, test_site_folders, fixture_tear_down);
  g_test_add ("/gui/preview/scroll-sync", Fixture, NULL,
              fixture_set_up, test_scroll_sync, fixture_tear_down);
  g_test_add ("/gui/preview/links", Fixture, NULL,
              fixture_set_up, test_links, fixture_tear_down);

  status = g_test_run ();
  byline_test_remove_tree (runtime_dir);
  g_free (runtime_dir);
  return status;
}
