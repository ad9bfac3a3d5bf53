/* test-renderer-site.c — the site's shortcodes and render hooks in the body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders texts as the post content/posts/hello/index.md of the fixture site
 * tests/data/render-site/, whose project and theme define shortcodes and
 * render hooks. The expected HTML follows Hugo's documented behaviour:
 *
 *   [shortcodes]  gohugo.io/templates/shortcode/ (.Get by name and position,
 *                 .Inner, .Parent, .Ordinal, .Position, .Page, .Site) and
 *                 gohugo.io/content-management/shortcodes/ ({{% %}} output
 *                 is rendered as Markdown with the page, {{< >}} output is
 *                 inserted as HTML);
 *   [lookup]      gohugo.io/templates/lookup-order/: the project's
 *                 layouts win over a theme's; layouts/shortcodes/ is the
 *                 legacy name of layouts/_shortcodes/;
 *   [hooks]       gohugo.io/render-hooks/ (links: .Destination .Text
 *                 .Title; headings: .Level .Anchor .Text; code blocks:
 *                 render-codeblock-LANG with .Inner; blockquotes:
 *                 render-blockquote-alert with .AlertType .Text);
 *   [escaping]    pkg.go.dev/html/template: strings are escaped in HTML
 *                 text, template.HTML (.Inner, .Text) is not;
 *   [markdown]    gohugo.io/content-management/shortcodes/#notation: with
 *                 the % notation "Hugo renders the shortcode output as
 *                 Markdown", inserted into the page's content before it is
 *                 rendered (hugolib/page__content.go, contentToRender: a
 *                 % shortcode's output is written into the content, a <
 *                 one's placeholder is replaced after Markdown), so its
 *                 headings get ids unique in the page ("-1" for a repeat,
 *                 gohugo.io/configuration/markup/#autoheadingidtype) and
 *                 the page's render hooks, its reference links resolve
 *                 against the page's definitions, and a call inside a
 *                 paragraph stays in it.
 */

#include "config.h"

#include "byline-body.h"
#include "byline-renderer.h"

#include <glib/gstdio.h>
#include <string.h>

static char *
fixture_post_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "render-site", "content", "posts", "hello",
                                "index.md", NULL);
}

static BylineRendering *
render_text (const char *body)
{
  g_autofree char *path = fixture_post_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BylineSite) site = byline_site_lookup (file, NULL);
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(BylineRenderer) renderer = byline_renderer_new (profile, NULL);
  g_autofree char *text = g_strconcat ("---\ntitle: Hello <World>\ndate: 2024-03-05\n"
                                       "author: Grace\n---\n", body, NULL);
  g_autoptr(BylinePost) post = byline_post_new (text, -1);

  byline_renderer_set_site (renderer, site);
  return byline_renderer_render (renderer, post);
}

static char *
render_html (const char  *body,
             GPtrArray  **diagnostics)
{
  g_autoptr(BylineRendering) rendering = render_text (body);
  g_autoptr(GRegex) regex = g_regex_new (" data-sourcepos=\"[0-9:-]*\"", 0, 0, NULL);
  g_autofree char *html = byline_rendering_get_html (rendering);

  if (diagnostics != NULL)
    *diagnostics = g_ptr_array_ref (rendering->diagnostics);
  return g_regex_replace_literal (regex, html, -1, 0, "", 0, NULL);
}

typedef struct
{
  const char *body;
  const char *html;
} Case;

static void
check_cases (const Case *cases,
             guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autofree char *html = render_html (cases[i].body, &diagnostics);

      g_test_message ("%s", cases[i].body);
      g_assert_cmpstr (html, ==, cases[i].html);
      g_assert_cmpuint (diagnostics->len, ==, 0);
    }
}

/* [shortcodes] [lookup] [escaping] */
static void
test_shortcodes (void)
{
  static const Case cases[] = {
    /* .Get by name, with default; the template's last newline is output. */
    { "A {{< greet name=\"Ada\" >}} and {{< greet >}}.\n",
      "<p>A <span class=\"greet\">Hello, Ada!</span>\n and <span class=\"greet\">Hello, world!</span>\n.</p>\n" },
    /* A parameter is a string: escaped in HTML text. Alone on its line, the
     * output is not wrapped in <p>. */
    { "{{< greet name=\"<b>\" >}}\n",
      "<span class=\"greet\">Hello, &lt;b&gt;!</span>\n\n" },
    /* Positional parameters from layouts/shortcodes/, the legacy folder; a
     * position not given is "", which with skips. */
    { "{{< pos 1 \"two\" >}}\n", "<b>1-two</b>\n\n" },
    /* The theme's shortcode, with T from i18n/ and .Site.Data from data/. */
    { "{{< themed \"x<y\" >}}\n", "<p class=\"themed\">x&lt;y &amp; Hi there from Ada</p>\n\n" },
    /* {{< >}}: .Inner is the text as written; markdownify renders it and
     * drops the <p> of a single paragraph. */
    { "{{< note >}}Some *Markdown*{{< /note >}}\n",
      "<aside class=\"note\">Some <em>Markdown</em></aside>\n\n" },
    /* {{% %}}: the output is Markdown, rendered with the page. */
    { "{{% box \"Tip\" %}}Use *this*.{{% /box %}}\n",
      "<p><strong>Tip</strong>: Use <em>this</em>.</p>\n" },
    /* Nested calls are rendered first; .Inner is template.HTML, .Parent the
     * enclosing call, .Ordinal counts the siblings from 0. */
    { "{{< outer >}}{{< child a >}} {{< child b >}}{{< /outer >}}\n",
      "<div class=\"outer\" data-name=\"outer\"><span class=\"child\" data-parent=\"outer\" "
      "data-ordinal=\"0\">a</span>\n <span class=\"child\" data-parent=\"outer\" "
      "data-ordinal=\"1\">b</span>\n</div>\n\n" },
    /* Page.RenderShortcodes: another page's Markdown with its calls
     * rendered, then rendered as Markdown by this {{% %}} call, as
     * hugoDocs' include shortcode does. */
    { "{{% include \"snippets/shared\" %}}\n",
      "<p>Shared <em>text</em>.</p>\n<p><strong>Note</strong>: inner</p>\n" },
    /* .Page (front matter, .Params, .Date, .RelPermalink, the bundle's
     * .Resources), .Site (title, params) and .Position (line 8 of the
     * post: five lines of front matter, then the body). */
    { "x\n\n{{< page-info >}}\n",
      "<p>x</p>\n<p class=\"info\">Hello &lt;World&gt;|Grace|2024-03-05|/posts/hello/|Render Fixture|"
      "Example Org|/posts/hello/pic.png 3x2|8</p>\n\n" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* [markdown] */
static void
test_percent_markdown (void)
{
  static const Case cases[] = {
    /* A heading the template writes: the page's render-heading hook
     * writes it, with an id after the page's own "setup". */
    { "## Setup\n\n{{% section \"Setup\" %}}\n",
      "<h2 id=\"setup\">Setup <a href=\"#setup\">#</a></h2>\n"
      "<h2 id=\"setup-1\">Setup <a href=\"#setup-1\">#</a></h2>\n" },
    /* A Markdown list. */
    { "{{% steps one two %}}\n", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n" },
    /* Inside a paragraph, the output is part of it. */
    { "Say {{% emph hi %}} now.\n", "<p>Say <strong>hi</strong> now.</p>\n" },
    /* A reference link resolves against the page's definition, and the
     * page's render-link hook writes it. */
    { "[docs]: /docs/\n\nSee {{% refer \"the docs\" docs %}}.\n",
      "<p>See <a href=\"/docs/\" class=\"site-link\">the docs</a>.</p>\n" },
    /* The same template with {{< >}}: its output is HTML, inserted as
     * written. */
    { "Say {{< emph hi >}} now.\n", "<p>Say **hi** now.</p>\n" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* The headings a {{% %}} call writes are the page's: the outline has them,
 * at the call. */
static void
test_percent_headings (void)
{
  g_autofree char *path = fixture_post_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BylineSite) site = byline_site_lookup (file, NULL);
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(BylineRenderer) renderer = byline_renderer_new (profile, NULL);
  g_autoptr(BylinePost) post = byline_post_new ("---\ntitle: T\n---\n## Intro\n\n"
                                                "{{% section \"Details\" %}}\n", -1);
  g_autoptr(BylineBody) body = NULL;
  GPtrArray *headings;
  const BylineHeading *heading;

  byline_renderer_set_site (renderer, site);
  body = byline_renderer_parse (renderer, post);
  headings = byline_body_get_headings (body);
  g_assert_cmpuint (headings->len, ==, 2);
  heading = g_ptr_array_index (headings, 1);
  g_assert_cmpuint (heading->level, ==, 2);
  g_assert_cmpstr (heading->text, ==, "Details");
  g_assert_cmpuint (heading->span.line, ==, 6);
}

/* Without a render (byline-cli check), the templates of the calls still
 * run: errorf is an error at the call, as it fails Hugo's build; a
 * function the preview lacks is an info. */
static void
test_check_without_render (void)
{
  g_autofree char *path = fixture_post_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BylineSite) site = byline_site_lookup (file, NULL);
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(BylineRenderer) renderer = byline_renderer_new (profile, NULL);
  g_autoptr(BylinePost) post = byline_post_new ("---\ntitle: T\n---\n{{< greet >}}\n\n"
                                                "{{< broken >}}\n\n{{< remote >}}\n", -1);
  g_autoptr(BylineBody) body = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  const BylineDiagnostic *d;

  byline_renderer_set_site (renderer, site);
  body = byline_renderer_parse (renderer, post);
  diagnostics = byline_renderer_check_site_templates (renderer, body);
  g_assert_cmpuint (diagnostics->len, ==, 2);
  d = g_ptr_array_index (diagnostics, 0);
  g_assert_cmpint (d->severity, ==, BYLINE_SEVERITY_ERROR);
  g_assert_cmpstr (d->rule_id, ==, "preview/template");
  g_assert_cmpstr (d->message, ==, "The preview shows “broken” as a box: broken on purpose "
                                   "(layouts/_shortcodes/broken.html:2)");
  g_assert_cmpuint (d->span.line, ==, 6);
  d = g_ptr_array_index (diagnostics, 1);
  g_assert_cmpint (d->severity, ==, BYLINE_SEVERITY_INFO);
  g_assert_cmpuint (d->span.line, ==, 8);
}

/* [hooks] */
static void
test_hooks (void)
{
  static const Case cases[] = {
    /* render-link: .Destination, .Title and .Text, for autolinks too. */
    { "See [the docs](/docs/ \"Docs title\") and <https://example.com>.\n",
      "<p>See <a href=\"/docs/\" class=\"site-link\" title=\"Docs title\">the docs</a> and "
      "<a href=\"https://example.com\" class=\"site-link\">https://example.com</a>.</p>\n" },
    /* render-link asks .Page.Fragments.Identifiers.Contains for a link
     * to a fragment of the page (gohugo.io/methods/page/fragments/: the
     * ids of the page's headings, later ones too): "#later" is there,
     * "#gone" is not. */
    { "[Up](#later) and [gone](#gone).\n\n## Later\n",
      "<p><a href=\"#later\" class=\"site-link\">Up</a> and "
      "<a href=\"#gone\" class=\"site-link broken\">gone</a>.</p>\n"
      "<h2 id=\"later\">Later <a href=\"#later\">#</a></h2>\n" },
    /* The theme's legacy _default/_markup/render-heading: .Level, .Anchor
     * (Hugo's github ids) and .Text as HTML. */
    { "## Heading *one*\n",
      "<h2 id=\"heading-one\">Heading <em>one</em> <a href=\"#heading-one\">#</a></h2>\n" },
    /* render-codeblock-mermaid for mermaid fences; .Inner is a string,
     * escaped in HTML text. */
    { "```mermaid\ngraph TD; A-->B\n```\n", "<pre class=\"mermaid\">graph TD; A--&gt;B</pre>\n" },
    /* render-blockquote-alert for GitHub alerts: .AlertType in lower case
     * and .Text without the [!NOTE] line. */
    { "> [!NOTE]\n> Be careful.\n", "<div class=\"alert alert-note\"><p>Be careful.</p></div>\n" },
    /* A regular blockquote has no hook of its type here: Goldmark's own. */
    { "> Plain quote.\n", "<blockquote>\n<p>Plain quote.</p>\n</blockquote>\n" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* The site's markup.goldmark settings: the typographer is disabled, and
 * raw HTML is omitted as Hugo's default renderer.unsafe = false does
 * (gohugo.io/configuration/markup/#goldmark). */
static void
test_goldmark_settings (void)
{
  static const Case cases[] = {
    { "He said \"hi\" -- twice...\n", "<p>He said &quot;hi&quot; -- twice...</p>\n" },
    { "Raw <b>bold</b> here\n",
      "<p>Raw <!-- raw HTML omitted -->bold<!-- raw HTML omitted --> here</p>\n" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static const BylineDiagnostic *
only_diagnostic (GPtrArray      *diagnostics,
                 BylineSeverity  severity)
{
  const BylineDiagnostic *diagnostic;

  g_assert_cmpuint (diagnostics->len, ==, 1);
  diagnostic = g_ptr_array_index (diagnostics, 0);
  g_assert_cmpint (diagnostic->severity, ==, severity);
  g_assert_cmpstr (diagnostic->rule_id, ==, "preview/template");
  return diagnostic;
}

/* What the engine cannot run becomes the fallback box, with the reason,
 * and a finding at the call naming the template's file and line: an
 * error for what fails Hugo's build too (errorf, a template that does not
 * parse), an info for what only the preview lacks. */
static void
test_fallbacks (void)
{
  static const struct
  {
    const char *body;
    const char *name;
    const char *reason;
    const char *place;
    BylineSeverity severity;
  } cases[] = {
    /* errorf: Hugo fails the build with this message. */
    { "{{< broken >}}\n", "broken", "broken on purpose", "layouts/_shortcodes/broken.html:2",
      BYLINE_SEVERITY_ERROR },
    /* A function the preview lacks. */
    { "{{< remote >}}\n", "remote", "“.GetRemote (*resources.Namespace)” is not supported by the preview",
      "layouts/_shortcodes/remote.html:1", BYLINE_SEVERITY_INFO },
    /* A template that does not parse: Go's message (text/template's
     * parser, "missing value for if"). */
    { "{{< unparsable >}}\n", "unparsable",
      "template: _shortcodes/unparsable.html:2: missing value for if",
      "layouts/_shortcodes/unparsable.html:2", BYLINE_SEVERITY_ERROR },
    /* The step budget. */
    { "{{< forever >}}\n", "forever", "The template ran past the preview’s limit of 1000000 steps",
      "layouts/_shortcodes/forever.html:1", BYLINE_SEVERITY_INFO },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autofree char *html = render_html (cases[i].body, &diagnostics);
      g_autofree char *expected = g_strdup_printf (
        "<div class=\"byline-unknown-shortcode\" data-shortcode-fallback=\"%s\">"
        "<span class=\"byline-unknown-shortcode-label\">Shortcode the preview cannot render</span> "
        "<code class=\"byline-unknown-shortcode-name\">%s</code> "
        "<small class=\"byline-unknown-shortcode-reason\">%s</small></div>\n",
        cases[i].name, cases[i].name, cases[i].reason);
      g_autofree char *message = g_strdup_printf ("The preview shows “%s” as a box: %s (%s)",
                                                  cases[i].name, cases[i].reason, cases[i].place);
      const BylineDiagnostic *diagnostic;

      g_assert_cmpstr (html, ==, expected);
      diagnostic = only_diagnostic (diagnostics, cases[i].severity);
      g_assert_cmpstr (diagnostic->message, ==, message);
      /* The call itself, on line 6 (after five lines of front matter). */
      g_assert_cmpuint (diagnostic->span.line, ==, 6);
      g_assert_cmpuint (diagnostic->span.column, ==, 1);
      g_assert_cmpuint (diagnostic->span.end - diagnostic->span.start, ==,
                        strlen (cases[i].body) - 1);
    }
}

/* A nested call that fails fails its parent, which shows its inner text. */
static void
test_fallback_nested (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autofree char *html = render_html ("{{< outer >}}{{< remote >}}{{< /outer >}}\n", &diagnostics);

  g_assert_true (g_str_has_prefix (html, "<div class=\"byline-unknown-shortcode\" "
                                         "data-shortcode-fallback=\"outer\">"));
  g_assert_nonnull (strstr (html, "data-shortcode-fallback=\"remote\""));
  g_assert_cmpuint (diagnostics->len, ==, 2);
}

/* A page that includes itself stops at a depth: a box, not a crash. */
static void
test_fallback_recursion (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autofree char *html = render_html ("{{% include \"snippets/loop\" %}}\n", &diagnostics);

  g_assert_true (g_str_has_prefix (html, "<div class=\"byline-unknown-shortcode\" "
                                         "data-shortcode-fallback=\"include\">"));
  g_assert_nonnull (strstr (html, "pages include each other too deeply"));
  g_assert_cmpuint (diagnostics->len, ==, 1);
}

/* A hook that fails leaves the element as Goldmark writes it. */
static void
test_hook_fallback (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autofree char *html = render_html ("![alt text](pic.png)\n", &diagnostics);
  const BylineDiagnostic *diagnostic;

  g_assert_cmpstr (html, ==, "<p><img src=\"pic.png\" alt=\"alt text\"></p>\n");
  diagnostic = only_diagnostic (diagnostics, BYLINE_SEVERITY_INFO);
  g_assert_cmpstr (diagnostic->message, ==,
                   "The preview does not apply the site’s render-image hook here: "
                   "“.GetRemote (*resources.Namespace)” is not supported by the preview "
                   "(layouts/_markup/render-image.html:1)");
  g_assert_cmpuint (diagnostic->span.line, ==, 6);
}

/* A hook that fails for each element a {{% %}} call writes says so once:
 * the findings are all at the call, and alike. */
static void
test_hook_fallback_once (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autofree char *html = render_html ("{{% steps \"![a](a.png)\" \"![b](b.png)\" %}}\n",
                                       &diagnostics);
  const BylineDiagnostic *diagnostic;

  g_assert_cmpstr (html, ==,
                   "<ul>\n<li><img src=\"a.png\" alt=\"a\"></li>\n"
                   "<li><img src=\"b.png\" alt=\"b\"></li>\n</ul>\n");
  diagnostic = only_diagnostic (diagnostics, BYLINE_SEVERITY_INFO);
  g_assert_cmpstr (diagnostic->message, ==,
                   "The preview does not apply the site’s render-image hook here: "
                   "“.GetRemote (*resources.Namespace)” is not supported by the preview "
                   "(layouts/_markup/render-image.html:1)");
  g_assert_cmpuint (diagnostic->span.line, ==, 6);
}

/* Without a site, the same call is the unknown-shortcode box. */
static void
test_no_site (void)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(BylineRenderer) renderer = byline_renderer_new (profile, NULL);
  g_autoptr(BylinePost) post = byline_post_new ("{{< greet >}}\n", -1);
  g_autoptr(BylineRendering) rendering = byline_renderer_render (renderer, post);
  g_autofree char *html = byline_rendering_get_html (rendering);

  g_assert_nonnull (strstr (html, "Unknown shortcode"));
  g_assert_nonnull (strstr (html, "data-shortcode-fallback=\"greet\""));
}

/* markup.goldmark read as Hugo decodes it: keys in any case, footnote as a
 * boolean or a table, autoIDType and its older name. */
static void
test_settings_from_config (void)
{
  static const char yaml[] =
    "enableEmoji: true\n"
    "markup:\n"
    "  goldmark:\n"
    "    extensions:\n"
    "      Linkify: false\n"
    "      footnote: {enable: false, backlinkHTML: '^'}\n"
    "      typographer: {leftDoubleQuote: '&laquo;'}\n"
    "    parser:\n"
    "      autoHeadingIDType: blackfriday\n"
    "      attribute: {block: true}\n"
    "      wrapStandAloneImageWithinParagraph: false\n"
    "    renderer: {unsafe: true, hardWraps: true}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineData) config = byline_data_read_yaml (yaml, 0, strlen (yaml), NULL, NULL, &error);
  g_autoptr(BylineGoldmarkSettings) settings = NULL;
  g_autoptr(BylineGoldmarkSettings) defaults = byline_goldmark_settings_new_from_config (NULL);
  g_autoptr(BylineGoldmarkSettings) hugo = byline_goldmark_settings_new ();

  g_assert_no_error (error);
  settings = byline_goldmark_settings_new_from_config (config);
  g_assert_true (settings->emoji);
  g_assert_false (settings->linkify);
  g_assert_false (settings->footnote);
  g_assert_cmpstr (settings->footnote_backlink_html, ==, "^");
  g_assert_true (settings->typographer);
  g_assert_cmpstr (settings->typographer_strings[BYLINE_GOLDMARK_LEFT_DOUBLE_QUOTE], ==, "&laquo;");
  g_assert_cmpstr (settings->typographer_strings[BYLINE_GOLDMARK_RIGHT_DOUBLE_QUOTE], ==, "&rdquo;");
  g_assert_cmpint (settings->auto_id_type, ==, BYLINE_GOLDMARK_ID_BLACKFRIDAY);
  g_assert_true (settings->attribute_block);
  g_assert_false (settings->wrap_standalone_image);
  g_assert_true (settings->unsafe);
  g_assert_true (settings->hard_wraps);
  g_assert_true (settings->table);
  g_assert_true (byline_goldmark_settings_equal (defaults, hugo));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/renderer-site/shortcodes", test_shortcodes);
  g_test_add_func ("/core/renderer-site/percent-markdown", test_percent_markdown);
  g_test_add_func ("/core/renderer-site/percent-headings", test_percent_headings);
  g_test_add_func ("/core/renderer-site/check-without-render", test_check_without_render);
  g_test_add_func ("/core/renderer-site/hooks", test_hooks);
  g_test_add_func ("/core/renderer-site/goldmark-settings", test_goldmark_settings);
  g_test_add_func ("/core/renderer-site/fallbacks", test_fallbacks);
  g_test_add_func ("/core/renderer-site/fallback-nested", test_fallback_nested);
  g_test_add_func ("/core/renderer-site/fallback-recursion", test_fallback_recursion);
  g_test_add_func ("/core/renderer-site/hook-fallback", test_hook_fallback);
  g_test_add_func ("/core/renderer-site/hook-fallback-once", test_hook_fallback_once);
  g_test_add_func ("/core/renderer-site/no-site", test_no_site);
  g_test_add_func ("/core/renderer-site/settings-from-config", test_settings_from_config);

  return g_test_run ();
}
