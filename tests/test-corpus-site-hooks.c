/* test-corpus-site-hooks.c — the OpenTelemetry site's render hooks on a real post
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The OpenTelemetry website (Docsy theme) writes links through its own
 * layouts/_markup/render-link.html (the partial hooks/render-link.html) and
 * headings through render-heading.html (Docsy's td/render-heading.html); it
 * has no image hook, and neither has Docsy at the site's pin, so as a
 * multilingual single-host site it gets Hugo's embedded render-image.html
 * (markup.goldmark.renderHooks.image.useEmbedded "auto", gohugo.io
 * content/en/configuration/markup.md; the template at gohugoio/hugo
 * tpl/tplimpl/embedded/templates/_markup/render-image.html). The expected
 * HTML below is what those templates write, worked out by hand from them
 * (and from gohugo.io content/en/render-hooks/links.md, images.md and
 * headings.md for the contexts: .Destination, .Text, .Title, .Attributes,
 * .Anchor, .Level). The post is rendered as the preview renders it (the
 * analysis) and by byline-cli render. Skipped, visibly, without the corpus.
 */

#include "config.h"

#include "corpus-sites.h"

#include <string.h>

#include "byline-analysis.h"

#define POST "content/en/blog/2023/opamp-status/index.md"

/* render-link.html: a destination starting with "/" is looked up with
 * GetPage, then as a resource; when neither finds it (the docs section is
 * not in this copy) it stays as written. An http(s) link opens in a new
 * tab with the external-link class, unless its text says
 * hk-no-external-icon. Whitespace as the template's {{- -}} trim it. */
static const char *const links[] = {
  "<a href=\"/docs/collector/management/\">Open Agent Management Protocol (OpAMP)</a>",
  "<a href=\"/docs/specs/opamp/\">OpAMP specification</a>",
  "<a href=\"https://fluentbit.io/\" target=\"_blank\" rel=\"noopener\" "
  "class=\"external-link\">Fluent Bit</a>",
};

/* td/render-heading.html: the level, the attributes (the id among them),
 * the text, then the self-link to the anchor. Ids are Hugo's github
 * autoHeadingIDType: "What’s next?" → "whats-next". */
static const char *const headings[] = {
  "<h2 id=\"opamp-extension\">OpAMP extension<a class=\"td-heading-self-link\" "
  "href=\"#opamp-extension\" aria-label=\"Heading self-link\"></a></h2>",
  "<h2 id=\"whats-next\">What’s next?<a class=\"td-heading-self-link\" "
  "href=\"#whats-next\" aria-label=\"Heading self-link\"></a></h2>",
};

/* The embedded render-image.html: src, then alt (.PlainText). Hugo
 * writes a page resource's .RelPermalink as src; the preview and byline-cli
 * render show the bundle's file itself (its file:// URI), as for every
 * picture. The site's wrapStandAloneImageWithinParagraph: false leaves it
 * out of a <p>. */
static char *
expected_image (const char *src)
{
  return g_strdup_printf ("<img src=\"%s\" alt=\"OpAMP high-level concept: control plane an "
                          "agents\">", src);
}

static void
assert_hooks_applied (const char *html,
                      const char *image_src)
{
  g_autofree char *image = expected_image (image_src);

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      if (strstr (html, links[i]) == NULL)
        g_test_message ("no %s in:\n%s", links[i], html);
      g_assert_nonnull (strstr (html, links[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      if (strstr (html, headings[i]) == NULL)
        g_test_message ("no %s in:\n%s", headings[i], html);
      g_assert_nonnull (strstr (html, headings[i]));
    }
  if (strstr (html, image) == NULL)
    g_test_message ("no %s in:\n%s", image, html);
  g_assert_nonnull (strstr (html, image));
  /* Goldmark's own link writing is gone: no plain external link. */
  g_assert_null (strstr (html, "<a href=\"https://fluentbit.io/\">"));
}

/* The analysis as the preview has it: the site, its learned profile, and
 * the bundle folder as the base pictures are shown from. */
static void
test_preview (void)
{
  g_autofree char *root = corpus_site ("opentelemetry.io");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;
  g_autofree char *image_src = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) svg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineAnalysisContext) context = NULL;
  g_autoptr(BylineAnalysis) analysis = NULL;
  BylineRendering *rendering;
  gboolean standalone = FALSE;

  if (root == NULL)
    {
      g_test_skip ("$BYLINE_CORPUS/sites is not here");
      return;
    }
  path = g_build_filename (root, POST, NULL);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  file = g_file_new_for_path (path);
  context = byline_analysis_context_new_for_file (file, &error);
  g_assert_no_error (error);
  analysis = byline_analysis_new (context, text, -1, 0, BYLINE_ANALYSIS_NO_LINT);
  rendering = byline_analysis_get_rendering (analysis);
  html = byline_rendering_get_html (rendering);

  /* The preview shows the bundle's picture from the disk. */
  svg = g_file_new_build_filename (root, "content/en/blog/2023/opamp-status",
                                   "opamp-concept.svg", NULL);
  image_src = g_file_get_uri (svg);
  assert_hooks_applied (html, image_src);

  for (guint i = 0; i < rendering->blocks->len; i++)
    {
      const BylineBlock *block = g_ptr_array_index (rendering->blocks, i);
      g_autofree char *image = expected_image (image_src);

      if (strcmp (block->html, image) == 0 || g_str_has_prefix (block->html, image))
        {
          standalone = TRUE;
          g_assert_cmpuint (block->first_line, ==, 29);
        }
    }
  g_assert_true (standalone);
  /* No hook failed. */
  for (guint i = 0; i < rendering->diagnostics->len; i++)
    g_test_message ("%s", ((BylineDiagnostic *) g_ptr_array_index (rendering->diagnostics,
                                                                    i))->message);
  g_assert_cmpuint (rendering->diagnostics->len, ==, 0);
}

static void
test_cli_render (void)
{
  g_autofree char *root = corpus_site ("opentelemetry.io");
  const char *cli = g_getenv ("BYLINE_CLI");
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *image_src = NULL;
  g_autoptr(GFile) svg = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (root == NULL || cli == NULL)
    {
      g_test_skip ("$BYLINE_CORPUS/sites or $BYLINE_CLI is not here");
      return;
    }
  path = g_build_filename (root, POST, NULL);
  {
    const char *argv[] = { cli, "render", path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                  &error);
  }
  g_assert_no_error (error);
  g_test_message ("%s", err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  svg = g_file_new_build_filename (root, "content/en/blog/2023/opamp-status",
                                   "opamp-concept.svg", NULL);
  image_src = g_file_get_uri (svg);
  assert_hooks_applied (out, image_src);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/corpus-site-hooks/preview", test_preview);
  g_test_add_func ("/core/corpus-site-hooks/cli-render", test_cli_render);

  return g_test_run ();
}
