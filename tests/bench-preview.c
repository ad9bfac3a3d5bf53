/* bench-preview.c — update → DOM patched → next frame, in a real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each edit changes one block's HTML; the time runs from
 * byline_preview_update() until the page's requestAnimationFrame callback
 * after the patch reports back ("patched"). Median and p95 over 100 edits,
 * on a typical post (about 8 KB of Markdown) and on a 100x version of it.
 */

#include "config.h"

#include "byline-preview.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#define N_EDITS 100
#define N_WARM_UP 10

static guint n_patched;

/* The shape of a typical recap post: headings, paragraphs, a list, a code
 * block and figures: 39 blocks, about 5 KB of HTML. */
static const char * const post_blocks[] = {
  "<p>The first Istio meetup in the region took place last week, with more than two hundred "
  "people in the room and many more online. Here is a recap of the talks, the questions and "
  "what comes next for the community.</p>",
  "<h2 id=\"keynote\">Keynote</h2>",
  "<p>The day opened with a look back at the year: <a href=\"https://istio.io/latest/news/\">"
  "four releases</a>, ambient mode reaching beta, and a steady stream of new contributors. "
  "The speakers thanked everyone who reviewed pull requests and answered questions.</p>",
  "<figure style=\"width: 75%\"><div class=\"wrapper-with-intrinsic-ratio\" "
  "style=\"padding-bottom: 56.25%\"><a data-skipendnotes=\"true\" href=\"photo.png\" "
  "title=\"The audience\"><img class=\"element-to-stretch\" src=\"photo.png\" "
  "alt=\"The audience\"></a></div><figcaption>The audience</figcaption></figure>",
  "<p>Adoption keeps growing: more teams run the mesh in production, and more of them run it "
  "without sidecars. The <em>ambient</em> data plane cuts the memory cost per pod and makes "
  "upgrades less disruptive.</p>",
  "<ul>\n<li>Ambient mode is now beta.</li>\n<li>The Gateway API is the default way to "
  "configure ingress.</li>\n<li>Multi-cluster setups got simpler to install.</li>\n</ul>",
  "<h2 id=\"talks\">Talks</h2>",
  "<h3 id=\"zero-trust\">Zero trust without the pain</h3>",
  "<p>The first talk showed how a payment company moved two thousand services to mutual TLS "
  "in a quarter, one namespace at a time, with <code>PeerAuthentication</code> in permissive "
  "mode first and strict mode once the traffic looked right.</p>",
  "<pre><code class=\"language-yaml\">apiVersion: security.istio.io/v1\nkind: "
  "PeerAuthentication\nmetadata:\n  name: default\n  namespace: istio-system\nspec:\n  mtls:\n"
  "    mode: STRICT\n</code></pre>",
  "<p>Questions from the audience were mostly about certificates: how to rotate the root, how "
  "to plug in an existing CA, and how long the workload certificates live.</p>",
  "<h3 id=\"observability\">Observability at scale</h3>",
  "<p>The second talk walked through a telemetry pipeline that handles a million requests per "
  "second. The trick is to sample traces at the edge and keep metrics cardinality in check "
  "with the <code>Telemetry</code> API.</p>",
  "<blockquote>\n<p>Measure first, then decide what to keep.</p>\n</blockquote>",
  "<p>They showed dashboards before and after: the storage bill went down by half while the "
  "alerts that mattered stayed.</p>",
  "<h3 id=\"ambient\">Ambient in production</h3>",
  "<p>A retail company shared its move to ambient mode: what broke, what got faster, and how "
  "the waypoint proxies changed their view of layer 7 policy.</p>",
  "<ol>\n<li>Install with the ambient profile.</li>\n<li>Label one namespace.</li>\n<li>Watch "
  "the traffic, then move on.</li>\n</ol>",
  "<figure style=\"width: 100%\"><div class=\"wrapper-with-intrinsic-ratio\" "
  "style=\"padding-bottom: 50%\"><img class=\"element-to-stretch\" src=\"photo.png\" "
  "alt=\"Architecture\"></div><figcaption>Architecture</figcaption></figure>",
  "<p>The numbers: 30% less memory across the cluster, no restarts for upgrades, and a "
  "smaller blast radius when a proxy misbehaves.</p>",
  "<h2 id=\"workshop\">Workshop</h2>",
  "<p>In the afternoon, forty people followed a hands-on workshop. Everyone left with a "
  "cluster running the Bookinfo sample, a gateway and a few authorization policies.</p>",
  "<pre><code class=\"language-bash\">$ istioctl install --set profile=ambient\n$ kubectl "
  "label namespace default istio.io/dataplane-mode=ambient\n</code></pre>",
  "<p>The most common stumbling block was the cluster's network plugin; the workshop notes "
  "now cover it.</p>",
  "<table>\n<thead>\n<tr>\n<th>Track</th>\n<th>Talks</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
  "<td>Security</td>\n<td>4</td>\n</tr>\n<tr>\n<td>Operations</td>\n<td>5</td>\n</tr>\n"
  "</tbody>\n</table>",
  "<h2 id=\"community\">Community</h2>",
  "<p>The meetup was also a chance to meet the people behind the project. Maintainers held "
  "office hours, and new contributors found issues to start with.</p>",
  "<div class=\"callout tip\"><div class=\"type\">Tip</div><div class=\"content\">"
  "<p>Join the community meeting every other Thursday.</p></div></div>",
  "<p>Thanks to the sponsors who made the day possible, and to the volunteers who ran the "
  "registration desk, the stream and the coffee.</p>",
  "<h2 id=\"next\">What comes next</h2>",
  "<p>The next meetup is planned for the spring. Talk proposals are open until the end of the "
  "month; first-time speakers are welcome.</p>",
  "<ul>\n<li><a href=\"https://istio.io/latest/get-involved/\">Get involved</a></li>\n"
  "<li><a href=\"https://discuss.istio.io/\">Discuss</a></li>\n<li><a "
  "href=\"https://slack.istio.io/\">Slack</a></li>\n</ul>",
  "<p>See you there!</p>",
  "<hr>",
  "<p>The slides of every talk are linked from the event page; recordings follow within two "
  "weeks.</p>",
  "<p>If you could not make it, the community calendar lists the next online events, and the "
  "blog will carry the next recap.</p>",
  "<p>Photos by the organisers, shared with the speakers' permission.</p>",
  "<p>Questions about this post? Open an issue on the website repository.</p>",
  "<p>Last updated after the event, with the links to the slides.</p>",
};

static BylineBlock *
block_new (const char *html,
           guint       line)
{
  BylineBlock *block = g_new0 (BylineBlock, 1);

  block->html = g_strdup (html);
  block->first_line = line;
  block->last_line = line;
  return block;
}

static void
block_free (gpointer data)
{
  BylineBlock *block = data;

  g_free (block->html);
  g_free (block);
}

static BylineRendering *
rendering_new (guint copies)
{
  BylineRendering *rendering = g_new0 (BylineRendering, 1);
  guint line = 20;

  rendering->blocks = g_ptr_array_new_with_free_func (block_free);
  for (guint copy = 0; copy < copies; copy++)
    for (guint i = 0; i < G_N_ELEMENTS (post_blocks); i++)
      {
        g_ptr_array_add (rendering->blocks, block_new (post_blocks[i], line));
        line += 2;
      }
  return rendering;
}

static void
rendering_free (BylineRendering *rendering)
{
  g_ptr_array_unref (rendering->blocks);
  g_free (rendering);
}

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
update_and_wait (BylinePreview   *preview,
                 BylineRendering *rendering)
{
  guint target = n_patched + 1;

  byline_preview_update (preview, "<h1>A recap</h1>", rendering);
  for (guint i = 0; i < 3000 && n_patched < target; i++)
    g_main_context_iteration (NULL, TRUE);
  return n_patched >= target;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR)
          && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static const char *
env_or (const char *name,
        const char *fallback)
{
  const char *value = g_getenv (name);

  return value != NULL ? value : fallback;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static gboolean
run (BylinePreview *preview,
     const char    *label,
     guint          copies)
{
  BylineRendering *rendering = rendering_new (copies);
  double times[N_EDITS];
  gsize bytes = 0;

  for (guint i = 0; i < rendering->blocks->len; i++)
    bytes += strlen (((BylineBlock *) g_ptr_array_index (rendering->blocks, i))->html);

  if (!update_and_wait (preview, rendering))
    return FALSE;

  for (guint edit = 0; edit < N_WARM_UP + N_EDITS; edit++)
    {
      /* Typing happens where the reader looks: the edited block is among the
       * first screenfuls, and moves on each time. */
      guint index = (edit * 7) % MIN (rendering->blocks->len, 60);
      BylineBlock *block = g_ptr_array_index (rendering->blocks, index);
      gint64 start;

      g_free (block->html);
      block->html = g_strdup_printf ("<p>Edited paragraph number %u, which grows as the "
                                     "author types%.*s</p>", edit, (int) (edit % 40),
                                     "........................................");
      start = g_get_monotonic_time ();
      if (!update_and_wait (preview, rendering))
        return FALSE;
      if (edit >= N_WARM_UP)
        times[edit - N_WARM_UP] = (g_get_monotonic_time () - start) / 1000.0;
    }

  qsort (times, N_EDITS, sizeof times[0], compare_doubles);
  printf ("%-8s %5u blocks, %7zu bytes of HTML: median %6.2f ms, p95 %6.2f ms (%d edits)\n",
          label, rendering->blocks->len, bytes,
          (times[N_EDITS / 2 - 1] + times[N_EDITS / 2]) / 2, times[(N_EDITS * 95) / 100 - 1],
          N_EDITS);
  rendering_free (rendering);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *runtime_dir = g_dir_make_tmp ("byline-bench-preview-XXXXXX", NULL);
  g_autoptr(GFile) folder = NULL;
  GtkWidget *window;
  BylinePreview *preview;
  const char *xauthority = g_getenv ("XAUTHORITY");
  guint tick;
  gboolean ok;

  g_setenv ("XDG_RUNTIME_DIR", runtime_dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", runtime_dir, TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  /* The web process must not die of its own warnings (no accessibility bus
   * under Xvfb). */
  g_setenv ("G_DEBUG", "gc-friendly", TRUE);
  gtk_init ();
  g_set_prgname ("bench-preview");

  printf ("# update → DOM patched → next frame; GSK_RENDERER=%s "
          "WEBKIT_DISABLE_COMPOSITING_MODE=%s, display %s%s\n",
          env_or ("GSK_RENDERER", "(default)"),
          env_or ("WEBKIT_DISABLE_COMPOSITING_MODE", "(unset)"),
          env_or ("DISPLAY", "(none)"),
          xauthority != NULL && strstr (xauthority, "xvfb-run") != NULL ? " (Xvfb, xvfb-run)" : "");
  printf ("# synthetic blocks shaped like a recap post (the renderer is not on main yet)\n");

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 800);
  preview = BYLINE_PREVIEW (byline_preview_new ());
  webkit_settings_set_hardware_acceleration_policy (
    webkit_web_view_get_settings (byline_preview_get_web_view (preview)),
    WEBKIT_HARDWARE_ACCELERATION_POLICY_NEVER);
  folder = g_file_new_for_path (runtime_dir);
  {
    g_autoptr(GdkPixbuf) photo = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 1200, 675);
    g_autofree char *photo_path = g_build_filename (runtime_dir, "photo.png", NULL);

    gdk_pixbuf_fill (photo, 0x4a7ab8ff);
    gdk_pixbuf_save (photo, photo_path, "png", NULL, NULL);
  }
  byline_preview_set_folder (preview, folder);
  g_signal_connect (preview, "patched", G_CALLBACK (patched_cb), NULL);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (preview));
  gtk_window_present (GTK_WINDOW (window));

  /* A tick keeps the loop turning even when nothing else wakes it. */
  tick = g_timeout_add (10, tick_cb, NULL);
  ok = run (preview, "sample", 1) && run (preview, "100x", 100);
  g_source_remove (tick);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (runtime_dir);
  if (!ok)
    {
      fprintf (stderr, "The preview never reported a patch\n");
      return 1;
    }
  return 0;
}
