/* bench-preview.c — keystroke → DOM patched → next frame, in a real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each edit types a few characters into one paragraph of the post; the time
 * runs from the edit through parsing and rendering the post in the core and
 * byline_preview_update() until the page's requestAnimationFrame callback
 * after the patch reports back ("patched"). Median and p95 over 100 edits,
 * on the sample post and on a version of it with the body 100 times over;
 * then on a real OpenTelemetry blog post of $BYLINE_CORPUS/sites, rendered
 * with its site (its shortcodes through their templates, its render hooks
 * and Goldmark settings), typing into its first paragraph. That one is
 * skipped, visibly, without the corpus.
 */

#include "config.h"

#include "byline-preview.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-util.h"
#include "byline-test-util.h"
#include "corpus-sites.h"

#define N_EDITS 100
#define N_WARM_UP 10
/* The paragraph the edits type into, near the top of the sample. */
#define EDITED_LINE_START "This post is a look back at the event"
/* An OpenTelemetry post that calls the site's shortcodes. */
#define OTEL_POST "content/en/blog/2023/tyk-api-gateway/index.md"

static guint n_patched;

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
patched_cb (BylinePreview *preview,
            gpointer       user_data)
{
  n_patched++;
}

static gboolean
wait_for_patch (guint target)
{
  for (guint i = 0; i < 3000 && n_patched < target; i++)
    g_main_context_iteration (NULL, TRUE);
  return n_patched >= target;
}

/* Parses and renders @text and shows it: what the window does per change. */
static gboolean
show_text (BylinePreview  *preview,
           BylineRenderer *renderer,
           const char     *text,
           double         *render_ms)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(BylinePost) post = byline_post_new (text, -1);
  g_autoptr(BylineRendering) rendering = byline_renderer_render (renderer, post);
  guint target = n_patched + 1;

  if (render_ms != NULL)
    *render_ms = (g_get_monotonic_time () - start) / 1000.0;
  byline_preview_update (preview, rendering);
  return wait_for_patch (target);
}

static double
median (double *values)
{
  qsort (values, N_EDITS, sizeof values[0], bench_compare_doubles);
  return (values[N_EDITS / 2 - 1] + values[N_EDITS / 2]) / 2;
}

static double
p95 (double *values)
{
  qsort (values, N_EDITS, sizeof values[0], bench_compare_doubles);
  return values[(N_EDITS * 95) / 100 - 1];
}

/* The first line of the body's first paragraph: a line of text after a
 * blank line, past the front matter. */
static const char *
first_paragraph_line (const char *text)
{
  const char *body = strstr (text + 3, "\n---\n");
  const char *p;

  if (body == NULL)
    return NULL;
  for (p = body + strlen ("\n---\n"); (p = strstr (p, "\n\n")) != NULL; p++)
    if (g_ascii_isalpha (p[2]))
      return p + 2;
  return NULL;
}

static gboolean
run (BylinePreview  *preview,
     BylineRenderer *renderer,
     const char     *label,
     const char     *text,
     const char     *line)
{
  g_autoptr(GString) edited = g_string_new (text);
  gsize insert_at;
  double times[N_EDITS];
  double render_times[N_EDITS];
  g_autoptr(BylinePost) post = byline_post_new (text, -1);
  g_autoptr(BylineRendering) rendering = byline_renderer_render (renderer, post);

  g_assert (line != NULL);
  insert_at = strchr (line, '\n') - text;

  if (!show_text (preview, renderer, text, NULL))
    return FALSE;

  for (guint edit = 0; edit < N_WARM_UP + N_EDITS; edit++)
    {
      gint64 start = g_get_monotonic_time ();
      double render_ms;

      /* A word typed at the end of the paragraph. */
      g_string_insert (edited, insert_at, " word");
      insert_at += strlen (" word");
      if (!show_text (preview, renderer, edited->str, &render_ms))
        return FALSE;
      if (edit >= N_WARM_UP)
        {
          times[edit - N_WARM_UP] = (g_get_monotonic_time () - start) / 1000.0;
          render_times[edit - N_WARM_UP] = render_ms;
        }
    }

  printf ("%-7s %5u blocks, %7zu bytes of Markdown: median %6.2f ms, p95 %6.2f ms "
          "(parse + render in the core: median %.2f ms)\n",
          label, rendering->blocks->len, strlen (text),
          median (times), p95 (times), median (render_times));
  return TRUE;
}

/* The OpenTelemetry post, with its site, in the same preview. */
static gboolean
run_site_post (BylinePreview *preview)
{
  g_autofree char *root = corpus_site ("opentelemetry.io");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *folder_uri = NULL;
  g_autofree char *base_uri = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(BylineSite) site = NULL;
  g_autoptr(BylineProfile) profile = NULL;
  g_autoptr(BylineBundle) bundle = NULL;
  g_autoptr(BylineRenderer) renderer = NULL;
  g_autoptr(BylinePost) post = NULL;
  g_autoptr(BylineRendering) rendering = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;
  guint fallbacks = 0;

  if (root != NULL)
    path = g_build_filename (root, OTEL_POST, NULL);
  if (path == NULL || !g_file_get_contents (path, &text, NULL, NULL))
    {
      printf ("SKIP otel: %s is not in the corpus (BYLINE_CORPUS/sites)\n", OTEL_POST);
      return TRUE;
    }
  line = first_paragraph_line (text);
  g_assert (line != NULL);

  file = g_file_new_for_path (path);
  folder = g_file_get_parent (file);
  folder_uri = g_file_get_uri (folder);
  base_uri = g_strconcat (folder_uri, "/", NULL);
  site = byline_site_lookup (file, NULL);
  profile = byline_profile_new_for_site (site, &error);
  g_assert_no_error (error);
  bundle = byline_bundle_new (file);
  renderer = byline_renderer_new (profile, bundle);
  byline_renderer_set_base_uri (renderer, base_uri);
  byline_renderer_set_site (renderer, site);
  byline_preview_set_folder (preview, folder);
  byline_preview_set_stylesheet (preview, byline_profile_get_stylesheet (profile));

  /* Say what the preview shows of the site's shortcodes. */
  post = byline_post_new (text, -1);
  rendering = byline_renderer_render (renderer, post);
  {
    g_autofree char *html = byline_rendering_get_html (rendering);

    for (const char *p = html; (p = strstr (p, "data-shortcode-fallback=")) != NULL; p++)
      fallbacks++;
  }
  printf ("# otel: %s, %u shortcode calls, %u fallback boxes, %u preview/template findings\n",
          OTEL_POST, byline_post_get_shortcodes (post)->calls->len, fallbacks,
          rendering->diagnostics->len);
  return run (preview, renderer, "otel", text, line);
}

static const char *
env_or (const char *name,
        const char *fallback)
{
  const char *value = g_getenv (name);

  return value != NULL ? value : fallback;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *runtime_dir = g_dir_make_tmp ("byline-bench-preview-XXXXXX", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(BylineProfile) profile = NULL;
  g_autoptr(BylineBundle) bundle = NULL;
  g_autoptr(BylineRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_100x = NULL;
  g_autofree char *folder_uri = NULL;
  g_autofree char *base_uri = NULL;
  const char *xauthority = g_getenv ("XAUTHORITY");
  GtkWidget *window;
  BylinePreview *preview;
  guint tick;
  gboolean ok;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s POST.md\n", argv[0]);
      return 2;
    }

  g_setenv ("XDG_RUNTIME_DIR", runtime_dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", runtime_dir, TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  /* The web process must not die of its own warnings (no accessibility bus
   * under Xvfb). */
  g_setenv ("G_DEBUG", "gc-friendly", TRUE);
  gtk_init ();
  g_set_prgname ("bench-preview");

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!g_file_load_contents (file, NULL, &text, NULL, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  text_100x = bench_repeat_body (text, 100);
  folder = g_file_get_parent (file);
  folder_uri = g_file_get_uri (folder);
  base_uri = g_strconcat (folder_uri, "/", NULL);
  profile = byline_profile_new_for_post (file, &error);
  g_assert_no_error (error);
  bundle = byline_bundle_new (file);
  renderer = byline_renderer_new (profile, bundle);
  byline_renderer_set_base_uri (renderer, base_uri);

  printf ("# keystroke → core render → DOM patched → next frame; GSK_RENDERER=%s "
          "WEBKIT_DISABLE_COMPOSITING_MODE=%s, display %s%s\n",
          env_or ("GSK_RENDERER", "(default)"),
          env_or ("WEBKIT_DISABLE_COMPOSITING_MODE", "(unset)"),
          env_or ("DISPLAY", "(none)"),
          xauthority != NULL && strstr (xauthority, "xvfb-run") != NULL ? " (Xvfb)" : "");

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 800);
  preview = BYLINE_PREVIEW (byline_preview_new ());
  webkit_settings_set_hardware_acceleration_policy (
    webkit_web_view_get_settings (byline_preview_get_web_view (preview)),
    WEBKIT_HARDWARE_ACCELERATION_POLICY_NEVER);
  byline_preview_set_folder (preview, folder);
  byline_preview_set_stylesheet (preview, byline_profile_get_stylesheet (profile));
  g_signal_connect (preview, "patched", G_CALLBACK (patched_cb), NULL);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (preview));
  gtk_window_present (GTK_WINDOW (window));

  /* A tick keeps the loop turning even when nothing else wakes it. */
  tick = g_timeout_add (10, tick_cb, NULL);
  ok = run (preview, renderer, "sample", text, strstr (text, EDITED_LINE_START)) &&
       run (preview, renderer, "100x", text_100x, strstr (text_100x, EDITED_LINE_START)) &&
       run_site_post (preview);
  g_source_remove (tick);

  gtk_window_destroy (GTK_WINDOW (window));
  byline_test_remove_tree (runtime_dir);
  if (!ok)
    {
      fprintf (stderr, "The preview never reported a patch\n");
      return 1;
    }
  return 0;
}
