/* test-hugo-shortcodes.c — Hugo's built-in shortcodes in the preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case renders a post through BylineRenderer and compares the body's
 * HTML with what Hugo writes. The expected HTML of figure, details, param,
 * ref, relref and comment is that of Hugo's embedded templates
 * (gohugoio/hugo tpl/tplimpl/embedded/templates/_shortcodes/ at
 * d31a927, white space as html/template leaves it) and of the cases in
 * Hugo's tpl/tplimpl/shortcodes_integration_test.go (TestFigureShortcode,
 * TestDetailsShortcode, TestParamShortcode, TestRefShortcode,
 * TestCommentShortcode); the figure cases also agree with the output that
 * hugoDocs content/en/shortcodes/figure.md documents, and the alt text
 * from a Markdown caption with the output of Debian's hugo 0.111. highlight
 * writes Chroma's HTML structure and class names (alecthomas/chroma
 * types.go: chroma, line, cl, ln, lnt, lntd, lntable, hl) without colours.
 * The embeds are Byline's offline cards. Every call Byline cannot render is
 * a box carrying data-shortcode-fallback.
 */

#include "config.h"

#include "byline-hugo-shortcodes.h"
#include "byline-renderer.h"

#include <string.h>

#define FRONT_MATTER \
  "---\n" \
  "title: Test\n" \
  "Foo: bar\n" \
  "flag: false\n" \
  "params:\n" \
  "  a: 1\n" \
  "  html: \"<b>&\"\n" \
  "  list: [x, y]\n" \
  "  nested:\n" \
  "    Key: deep\n" \
  "---\n"

typedef enum
{
  MODE_PLAIN,     /* no site, no bundle: text as Hugo would see it without files */
  MODE_SITE,      /* the fixture site and bundle, as byline-cli render writes */
  MODE_PREVIEW,   /* the same with the preview's base URI */
} Mode;

typedef struct
{
  const char *name;
  Mode        mode;
  const char *body;
  const char *expected;   /* @ROOT@ is the fixture's file URI */
} Case;

static BylineProfile *
get_profile (void)
{
  static BylineProfile *profile;

  if (profile == NULL)
    profile = byline_profile_new_builtin ();

  return profile;
}

static char *
fixture_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "hugo-shortcodes", NULL);
}

static char *
strip_sourcepos (const char *html)
{
  g_autoptr(GRegex) regex = g_regex_new (" data-sourcepos=\"[0-9:-]*\"", 0, 0, NULL);

  return g_regex_replace_literal (regex, html, -1, 0, "", 0, NULL);
}

static char *
render (const char *body,
        Mode        mode)
{
  g_autofree char *root = fixture_path ();
  g_autofree char *post_path = g_build_filename (root, "content", "posts", "p1", "index.md",
                                                 NULL);
  g_autofree char *text = g_strconcat (FRONT_MATTER, body, NULL);
  g_autoptr(GFile) root_file = g_file_new_for_path (root);
  g_autoptr(GFile) post_file = g_file_new_for_path (post_path);
  g_autoptr(BylinePost) post = byline_post_new (text, -1);
  g_autoptr(BylineBundle) bundle = NULL;
  g_autoptr(BylineSite) site = NULL;
  g_autoptr(BylineRenderer) renderer = NULL;
  g_autoptr(BylineRendering) rendering = NULL;
  g_autofree char *html = NULL;

  if (mode != MODE_PLAIN)
    {
      bundle = byline_bundle_new (post_file);
      site = byline_site_new (root_file);
    }
  renderer = byline_renderer_new (get_profile (), bundle);
  byline_renderer_set_site (renderer, site);
  if (mode == MODE_PREVIEW)
    {
      g_autoptr(GFile) folder = g_file_get_parent (post_file);
      g_autofree char *uri = g_file_get_uri (folder);

      byline_renderer_set_base_uri (renderer, uri);
    }

  rendering = byline_renderer_render (renderer, post);
  html = byline_rendering_get_html (rendering);
  return strip_sourcepos (html);
}

static char *
expand_root (const char *expected)
{
  g_autofree char *root = fixture_path ();
  g_autofree char *uri = g_filename_to_uri (root, NULL, NULL);
  g_auto(GStrv) parts = g_strsplit (expected, "@ROOT@", -1);

  return g_strjoinv (uri, parts);
}

static void
check_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *html = render (c->body, c->mode);
  g_autofree char *expected = expand_root (c->expected);

  g_assert_cmpstr (html, ==, expected);
}

/* The box for a call that is not rendered, with its label. */
#define BOX(name, label) \
  "<div class=\"byline-unknown-shortcode\" data-shortcode-fallback=\"" name "\">" \
  "<span class=\"byline-unknown-shortcode-label\">" label "</span> " \
  "<code class=\"byline-unknown-shortcode-name\">" name "</code>"

static const Case cases[] = {
  /* figure: Hugo's TestFigureShortcode call. */
  { "figure/all-parameters", MODE_PLAIN,
    "{{< figure\n  src=\"a.jpg\"\n  alt=\"alternate text\"\n  width=600\n  height=400\n"
    "  loading=\"lazy\"\n  class=\"my-class\"\n  link=\"https://example.org\"\n"
    "  target=\"_blank\"\n  rel=\"noopener\"\n  title=\"my-title\"\n"
    "  caption=\"a **bold** word\"\n  attr=\"an _emphasized_ word\"\n"
    "  attrlink=\"https://example.org/foo\"\n>}}\n",
    "<figure class=\"my-class\"><a href=\"https://example.org\" target=\"_blank\" "
    "rel=\"noopener\"><img src=\"a.jpg\"\n\t\t\talt=\"alternate text\" width=\"600\" "
    "height=\"400\" loading=\"lazy\"></a><figcaption>\n\t\t\t<h4>my-title</h4><p>a "
    "<strong>bold</strong> word\n\t\t\t\t\t\t<a href=\"https://example.org/foo\">an "
    "<em>emphasized</em> word</a></p>\n\t\t</figcaption>\n</figure>\n" },
  /* hugoDocs content/en/shortcodes/figure.md's example. */
  { "figure/documented", MODE_PLAIN,
    "{{< figure src=\"/images/examples/zion-national-park.jpg\" "
    "alt=\"A photograph of Zion National Park\" link=\"https://www.nps.gov/zion/index.htm\" "
    "caption=\"Zion National Park\" class=\"ma0 w-75\" >}}\n",
    "<figure class=\"ma0 w-75\"><a href=\"https://www.nps.gov/zion/index.htm\"><img "
    "src=\"/images/examples/zion-national-park.jpg\"\n\t\t\talt=\"A photograph of Zion "
    "National Park\"></a><figcaption>\n\t\t\t<p>Zion National Park</p>\n\t\t</figcaption>\n"
    "</figure>\n" },
  { "figure/src-only", MODE_PLAIN,
    "{{< figure src=\"/b.png\" >}}\n",
    "<figure><img src=\"/b.png\">\n</figure>\n" },
  /* alt falls back to the caption, rendered then stripped of its tags,
   * escaped once more as an attribute: hugo 0.111 writes the same alt. */
  { "figure/alt-from-caption", MODE_PLAIN,
    "{{< figure src=\"a.jpg\" caption=\"Cap <b>x</b> & \\\"q\\\"\" >}}\n",
    "<figure><img src=\"a.jpg\"\n\t\t\talt=\"Cap x &amp;amp; &amp;ldquo;q&amp;rdquo;\">"
    "<figcaption>\n\t\t\t<p>Cap <b>x</b> &amp; &ldquo;q&rdquo;</p>\n\t\t</figcaption>\n"
    "</figure>\n" },
  /* Without attrlink the template trims everything between caption and attr. */
  { "figure/attr-without-link", MODE_PLAIN,
    "{{< figure src=\"a.jpg\" caption=\"Cap\" attr=\"Someone\" >}}\n",
    "<figure><img src=\"a.jpg\"\n\t\t\talt=\"Cap\"><figcaption>\n\t\t\t<p>CapSomeone</p>\n"
    "\t\t</figcaption>\n</figure>\n" },
  /* A bare 0 is Go's false: no width attribute. */
  { "figure/zero-width", MODE_PLAIN,
    "{{< figure src=\"a.jpg\" width=0 height=\"0\" >}}\n",
    "<figure><img src=\"a.jpg\" height=\"0\">\n</figure>\n" },
  /* html/template's escaping: unsafe URL schemes, quotes, markup. */
  { "figure/hostile", MODE_PLAIN,
    "{{< figure src=\"javascript:alert(1)\" link=\" JavaScript:alert(1)\" "
    "title=\"<i>T</i>\" class=\"a\\\"b\" alt=\"\\\"><script>\" >}}\n",
    "<figure class=\"a&#34;b\"><a href=\"#ZgotmplZ\"><img src=\"#ZgotmplZ\"\n\t\t\t"
    "alt=\"&#34;&gt;&lt;script&gt;\"></a><figcaption>\n\t\t\t<h4>&lt;i&gt;T&lt;/i&gt;</h4>\n"
    "\t\t</figcaption>\n</figure>\n" },
  /* The preview's tagfilter (GFM spec, "Disallowed Raw HTML") escapes the
   * script's "<"; plainify finds no tag left, and the attribute escaper
   * escapes what remains. */
  { "figure/script-caption", MODE_PLAIN,
    "{{< figure src=\"a.jpg\" caption=\"<script>alert(1)</script>\" >}}\n",
    "<figure><img src=\"a.jpg\"\n\t\t\talt=\"&amp;lt;script&gt;alert(1)&amp;lt;/script&gt;\">"
    "<figcaption>\n\t\t\t<p>&lt;script>alert(1)&lt;/script></p>\n\t\t</figcaption>\n"
    "</figure>\n" },
  /* src: a page resource, then assets/, then (for the preview) static/. */
  { "figure/bundle-file-preview", MODE_PREVIEW,
    "{{< figure src=\"a.jpg\" >}}\n",
    "<figure><img src=\"@ROOT@/content/posts/p1/a.jpg\">\n</figure>\n" },
  { "figure/bundle-file-published", MODE_SITE,
    "{{< figure src=\"a.jpg\" >}}\n",
    "<figure><img src=\"/posts/p1/a.jpg\">\n</figure>\n" },
  { "figure/asset-preview", MODE_PREVIEW,
    "{{< figure src=\"images/logo.png\" >}}\n",
    "<figure><img src=\"@ROOT@/assets/images/logo.png\">\n</figure>\n" },
  { "figure/asset-published", MODE_SITE,
    "{{< figure src=\"/images/logo.png\" >}}\n",
    "<figure><img src=\"/images/logo.png\">\n</figure>\n" },
  { "figure/static-preview", MODE_PREVIEW,
    "{{< figure src=\"/img/s.png\" >}}\n",
    "<figure><img src=\"@ROOT@/static/img/s.png\">\n</figure>\n" },
  { "figure/missing-file", MODE_PREVIEW,
    "{{< figure src=\"nope.jpg\" >}}\n",
    "<figure><img src=\"nope.jpg\">\n</figure>\n" },

  /* details: Hugo's TestDetailsShortcode (its assertion trims each line;
   * the tabs are the template's). */
  { "details/default", MODE_PLAIN,
    "{{< details >}}\nA: An _emphasized_ word.\n{{< /details >}}\n",
    "<details>\n\t<summary>Details</summary>\n\t<p>A: An <em>emphasized</em> word.</p>\n"
    "</details>\n" },
  { "details/all-parameters", MODE_PLAIN,
    "{{< details\n  class=\"my-class\"\n  name=\"my-name\"\n  open=true\n"
    "  summary=\"A **bold** word\"\n  title=\"my-title\"\n>}}\nB: An _emphasized_ word.\n"
    "{{< /details >}}\n",
    "<details class=\"my-class\" name=\"my-name\" open title=\"my-title\">\n\t<summary>A "
    "<strong>bold</strong> word</summary>\n\t<p>B: An <em>emphasized</em> word.</p>\n"
    "</details>\n" },
  { "details/open-false", MODE_PLAIN,
    "{{< details open=false >}}\nC\n{{< /details >}}\n",
    "<details>\n\t<summary>Details</summary>\n\t<p>C</p>\n</details>\n" },
  { "details/open-quoted-false", MODE_PLAIN,
    "{{< details open=\"false\" >}}\nD\n{{< /details >}}\n",
    "<details>\n\t<summary>Details</summary>\n\t<p>D</p>\n</details>\n" },
  { "details/open-zero", MODE_PLAIN,
    "{{< details open=0 >}}\nE\n{{< /details >}}\n",
    "<details>\n\t<summary>Details</summary>\n\t<p>E</p>\n</details>\n" },
  /* A quoted "1" is a string, not in (slice "true" true 1). */
  { "details/open-quoted-one", MODE_PLAIN,
    "{{< details open=\"1\" summary=\"<i>S</i> & x\" >}}\nF\n{{< /details >}}\n",
    "<details>\n\t<summary><i>S</i> &amp; x</summary>\n\t<p>F</p>\n</details>\n" },
  /* A shortcode alone in it is a block of its own, not a paragraph. */
  { "details/shortcode-inside", MODE_PLAIN,
    "{{< details >}}\n{{< figure src=\"a.jpg\" >}}\n{{< /details >}}\n",
    "<details>\n\t<summary>Details</summary>\n\t<figure><img src=\"a.jpg\">\n</figure>\n"
    "</details>\n" },
  { "details/blocks", MODE_PLAIN,
    "{{< details title=\"a\\\"b\" >}}\nOne.\n\n- two\n{{< /details >}}\n",
    "<details title=\"a&#34;b\">\n\t<summary>Details</summary>\n\t<p>One.</p>\n<ul>\n"
    "<li>two</li>\n</ul>\n</details>\n" },

  /* highlight */
  { "highlight/lang", MODE_PLAIN,
    "{{< highlight go >}}\nfunc main() {\n    x := 1 < 2\n}\n{{< /highlight >}}\n",
    "<div class=\"highlight\"><pre tabindex=\"0\" class=\"chroma\"><code class=\"language-go\" "
    "data-lang=\"go\"><span class=\"line\"><span class=\"cl\">func main() {\n</span></span>"
    "<span class=\"line\"><span class=\"cl\">    x := 1 &lt; 2\n</span></span>"
    "<span class=\"line\"><span class=\"cl\">}\n</span></span></code></pre></div>\n" },
  /* InnerDeindent: the indentation common to every line goes. */
  { "highlight/deindent", MODE_PLAIN,
    "{{< highlight text >}}\n    a\n      b\n{{< /highlight >}}\n",
    "<div class=\"highlight\"><pre tabindex=\"0\" class=\"chroma\"><code class=\"language-text\" "
    "data-lang=\"text\"><span class=\"line\"><span class=\"cl\">a\n</span></span>"
    "<span class=\"line\"><span class=\"cl\">  b\n</span></span></code></pre></div>\n" },
  { "highlight/inline-numbers", MODE_PLAIN,
    "{{< highlight go \"linenos=inline, hl_Lines=2, lineNoStart=42\" >}}\na\nb\n"
    "{{< /highlight >}}\n",
    "<div class=\"highlight\"><pre tabindex=\"0\" class=\"chroma\"><code class=\"language-go\" "
    "data-lang=\"go\"><span class=\"line\"><span class=\"ln\">42</span><span class=\"cl\">a\n"
    "</span></span><span class=\"line hl\"><span class=\"ln\">43</span><span class=\"cl\">b\n"
    "</span></span></code></pre></div>\n" },
  { "highlight/table", MODE_PLAIN,
    "{{< highlight sh \"linenos=true\" >}}\nls\n{{< /highlight >}}\n",
    "<div class=\"highlight\"><div class=\"chroma\">\n<table class=\"lntable\"><tr>"
    "<td class=\"lntd\">\n<pre tabindex=\"0\" class=\"chroma\"><code><span class=\"lnt\">1\n"
    "</span></code></pre></td>\n<td class=\"lntd\">\n<pre tabindex=\"0\" class=\"chroma\">"
    "<code class=\"language-sh\" data-lang=\"sh\"><span class=\"line\"><span class=\"cl\">ls\n"
    "</span></span></code></pre></td></tr></table>\n</div>\n</div>\n" },
  { "highlight/anchors-wrapper", MODE_PLAIN,
    "{{< highlight go \"linenos=inline,linenumbersintable=false,anchorlinenos=true,"
    "lineanchors=foo,wrapperclass=my-class\" >}}\nx\n{{< /highlight >}}\n",
    "<div class=\"my-class\"><pre tabindex=\"0\" class=\"chroma\"><code class=\"language-go\" "
    "data-lang=\"go\"><span class=\"line\"><span class=\"ln\" id=\"foo-1\"><a class=\"lnlinks\" "
    "href=\"#foo-1\">1</a></span><span class=\"cl\">x\n</span></span></code></pre></div>\n" },
  { "highlight/inline", MODE_PLAIN,
    "An inline {{< highlight go \"hl_inline=true\" >}}fmt.Println(\"<i>\"){{< /highlight >}} "
    "statement.\n",
    "<p>An inline <code class=\"code-inline language-go\">fmt.Println(&#34;&lt;i&gt;&#34;)"
    "</code> statement.</p>\n" },
  { "highlight/hostile-lang", MODE_PLAIN,
    "{{< highlight \"x\\\" onmouseover=\\\"alert(1)\" >}}\nz\n{{< /highlight >}}\n",
    "<div class=\"highlight\"><pre tabindex=\"0\" class=\"chroma\"><code "
    "class=\"language-x&#34; onmouseover=&#34;alert(1)\" data-lang=\"x&#34; "
    "onmouseover=&#34;alert(1)\"><span class=\"line\"><span class=\"cl\">z\n</span></span>"
    "</code></pre></div>\n" },
  { "highlight/bad-option", MODE_PLAIN,
    "{{< highlight go \"linenostart=x\" >}}\nz\n{{< /highlight >}}\n",
    BOX ("highlight", "The highlight option “linenostart” has a value Hugo cannot read: “x”")
    " <span class=\"byline-unknown-shortcode-params\">go linenostart=x</span>"
    "<div class=\"byline-unknown-shortcode-inner\">z</div></div>\n" },

  /* param: Hugo's TestParamShortcode (a in the page's params, b in the
   * site's), case-insensitive keys, nested keys, escaping. */
  { "param/page-params", MODE_SITE,
    "A: {{% param \"a\" %}}\nB: {{% param \"b\" %}}\n",
    "<p>A: 1\nB: 2</p>\n" },
  { "param/case-insensitive", MODE_SITE,
    "{{< param \"FOO\" >}} {{< param \"author\" >}} {{< param \"social.Mastodon\" >}}\n",
    "<p>bar Site &lt;Author&gt; @site@example.org</p>\n" },
  { "param/nested-list-escaped", MODE_SITE,
    "{{< param \"nested.key\" >}} {{< param list >}} {{< param html >}}\n",
    "<p>deep [x y] &lt;b&gt;&amp;</p>\n" },
  { "param/missing", MODE_SITE,
    "{{< param \"nope\" >}}\n",
    "<p><span class=\"byline-unknown-shortcode\" data-shortcode-fallback=\"param\">"
    "<span class=\"byline-unknown-shortcode-label\">Param “nope” not found in the page’s "
    "front matter nor the site’s params: Hugo fails the build</span> "
    "<code class=\"byline-unknown-shortcode-name\">param</code> "
    "<span class=\"byline-unknown-shortcode-params\">nope</span></span></p>\n" },
  /* with: a false value is not found. */
  { "param/false", MODE_SITE,
    "{{< param \"flag\" >}}\n",
    "<p><span class=\"byline-unknown-shortcode\" data-shortcode-fallback=\"param\">"
    "<span class=\"byline-unknown-shortcode-label\">Param “flag” not found in the page’s "
    "front matter nor the site’s params: Hugo fails the build</span> "
    "<code class=\"byline-unknown-shortcode-name\">param</code> "
    "<span class=\"byline-unknown-shortcode-params\">flag</span></span></p>\n" },

  /* ref, relref: Hugo's TestRefShortcode and TestRelRefShortcode forms. */
  { "ref/positional", MODE_SITE,
    "A: {{% ref \"/posts/p2.md\" %}}\n\nB: {{% relref path=\"/posts/p2.md\" %}}\n",
    "<p>A: https://example.org/posts/p2/</p>\n<p>B: /posts/p2/</p>\n" },
  { "ref/relative", MODE_SITE,
    "[next]({{< relref \"../p2.md#top\" >}})\n",
    "<p><a href=\"/posts/p2/#top\">next</a></p>\n" },
  { "ref/no-site", MODE_PLAIN,
    "{{< ref \"/posts/p2.md\" >}}\n",
    "<p><span class=\"byline-unknown-shortcode\" data-shortcode-fallback=\"ref\">"
    "<span class=\"byline-unknown-shortcode-label\">The post is not in a Hugo site: its "
    "pages are unknown</span> <code class=\"byline-unknown-shortcode-name\">ref</code> "
    "<span class=\"byline-unknown-shortcode-params\">/posts/p2.md</span></span></p>\n" },

  /* comment: Hugo's TestCommentShortcode. */
  { "comment", MODE_PLAIN,
    "a{{< comment >}}b{{< /comment >}}c\n",
    "<p>ac</p>\n" },

  /* Offline cards. */
  { "youtube/positional", MODE_PLAIN,
    "{{< youtube 0RKpf3rK57I >}}\n",
    "<div class=\"byline-embed byline-embed-youtube\"><span class=\"byline-embed-kind\">"
    "YouTube video</span><a class=\"byline-embed-link\" "
    "href=\"https://www.youtube.com/watch?v=0RKpf3rK57I\">"
    "https://www.youtube.com/watch?v=0RKpf3rK57I</a></div>\n" },
  { "youtube/named-start-title", MODE_PLAIN,
    "{{< youtube id=\"0RKpf3rK57I\" start=30 loading=lazy title=\"A <talk> & more\" >}}\n",
    "<div class=\"byline-embed byline-embed-youtube\"><span class=\"byline-embed-kind\">"
    "YouTube video</span><span class=\"byline-embed-title\">A &lt;talk&gt; &amp; more</span>"
    "<a class=\"byline-embed-link\" href=\"https://www.youtube.com/watch?v=0RKpf3rK57I&amp;t=30s\">"
    "https://www.youtube.com/watch?v=0RKpf3rK57I&amp;t=30s</a></div>\n" },
  { "youtube/hostile-id", MODE_PLAIN,
    "{{< youtube \"\\\"><script>alert(1)</script>\" >}}\n",
    "<div class=\"byline-embed byline-embed-youtube\"><span class=\"byline-embed-kind\">"
    "YouTube video</span><a class=\"byline-embed-link\" "
    "href=\"https://www.youtube.com/watch?v=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E\">"
    "https://www.youtube.com/watch?v=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E</a></div>\n" },
  { "youtube/no-id", MODE_PLAIN,
    "{{< youtube title=\"x\" >}}\n",
    BOX ("youtube", "The youtube shortcode needs the video’s id, as its first argument or as id")
    " <span class=\"byline-unknown-shortcode-params\">title=x</span></div>\n" },
  { "vimeo", MODE_PLAIN,
    "{{< vimeo id=19899678 title=\"My Video\" >}}\n",
    "<div class=\"byline-embed byline-embed-vimeo\"><span class=\"byline-embed-kind\">"
    "Vimeo video</span><span class=\"byline-embed-title\">My Video</span>"
    "<a class=\"byline-embed-link\" href=\"https://vimeo.com/19899678\">"
    "https://vimeo.com/19899678</a></div>\n" },
  /* The fixture's privacy.vimeo.disable: Hugo writes nothing (the body
   * is then one empty block). */
  { "vimeo/disabled", MODE_SITE,
    "{{< vimeo 19899678 >}}\n",
    "\n" },
  { "x", MODE_PLAIN,
    "{{< x user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}}\n",
    "<div class=\"byline-embed byline-embed-x\"><span class=\"byline-embed-kind\">Post on X"
    "</span><a class=\"byline-embed-link\" "
    "href=\"https://x.com/SanDiegoZoo/status/1453110110599868418\">"
    "https://x.com/SanDiegoZoo/status/1453110110599868418</a></div>\n" },
  { "x/missing-user", MODE_PLAIN,
    "{{< x id=\"1\" >}}\n",
    BOX ("x", "The x shortcode needs two named arguments: user and id")
    " <span class=\"byline-unknown-shortcode-params\">id=1</span></div>\n" },
  { "tweet/id-only", MODE_PLAIN,
    "{{< tweet 877500564405444608 >}}\n",
    "<div class=\"byline-embed byline-embed-tweet\"><span class=\"byline-embed-kind\">"
    "Post on X</span><a class=\"byline-embed-link\" "
    "href=\"https://x.com/i/status/877500564405444608\">"
    "https://x.com/i/status/877500564405444608</a></div>\n" },
  { "instagram", MODE_PLAIN,
    "{{< instagram CxOWiQNP2MO >}}\n",
    "<div class=\"byline-embed byline-embed-instagram\"><span class=\"byline-embed-kind\">"
    "Instagram post</span><a class=\"byline-embed-link\" "
    "href=\"https://www.instagram.com/p/CxOWiQNP2MO\">"
    "https://www.instagram.com/p/CxOWiQNP2MO</a></div>\n" },
  { "gist", MODE_PLAIN,
    "{{< gist spf13 7896402 \"img.html\" >}}\n",
    "<div class=\"byline-embed byline-embed-gist\"><span class=\"byline-embed-kind\">"
    "GitHub gist</span><span class=\"byline-embed-title\">img.html</span>"
    "<a class=\"byline-embed-link\" href=\"https://gist.github.com/spf13/7896402\">"
    "https://gist.github.com/spf13/7896402</a></div>\n" },

  /* qr: a labelled box with the text Hugo would encode. */
  { "qr/text", MODE_PLAIN,
    "{{< qr text=\"https://gohugo.io\" class=\"my-class\" id=\"my-id\" title=\"My Title\" >}}\n",
    "<div class=\"byline-qr my-class\" id=\"my-id\" title=\"My Title\" role=\"img\" "
    "aria-label=\"QR code: https://gohugo.io\"><span class=\"byline-qr-label\">QR code</span> "
    "<span class=\"byline-qr-text\">https://gohugo.io</span></div>\n" },
  { "qr/inner", MODE_PLAIN,
    "{{< qr alt=\"Go <there>\" >}}\nhttps://gohugo.io\"\n{{< /qr >}}\n",
    "<div class=\"byline-qr\" role=\"img\" aria-label=\"Go &lt;there&gt;\">"
    "<span class=\"byline-qr-label\">QR code</span> "
    "<span class=\"byline-qr-text\">https://gohugo.io&#34;</span></div>\n" },
  { "qr/bad-level", MODE_PLAIN,
    "{{< qr text=\"x\" level=\"extreme\" >}}\n",
    BOX ("qr", "The qr shortcode’s level must be one of low, medium, quartile, or high")
    " <span class=\"byline-unknown-shortcode-params\">text=x level=extreme</span></div>\n" },
  { "qr/bad-scale", MODE_PLAIN,
    "{{< qr text=\"x\" scale=1 >}}\n",
    BOX ("qr", "The qr shortcode’s scale must be an integer greater than or equal to 2")
    " <span class=\"byline-unknown-shortcode-params\">text=x scale=1</span></div>\n" },

  /* Names that are not Hugo's stay unknown. */
  { "unknown", MODE_PLAIN,
    "{{< figures src=\"a.jpg\" >}}\n",
    BOX ("figures", "Unknown shortcode")
    " <span class=\"byline-unknown-shortcode-params\">src=a.jpg</span></div>\n" },
};

/* A broken ref names the problem as Hugo does. */
static void
test_ref_broken_message (void)
{
  g_autofree char *html = render ("{{< relref \"/posts/none.md\" >}}\n", MODE_SITE);

  g_assert_nonnull (strstr (html, "data-shortcode-fallback=\"relref\""));
  g_assert_nonnull (strstr (html, "/posts/none.md"));
}

/* The names Hugo knows, and nothing else. */
static void
test_builtin_names (void)
{
  static const char * const names[] = {
    "comment", "details", "figure", "gist", "highlight", "instagram", "param", "qr", "ref",
    "relref", "tweet", "twitter", "vimeo", "x", "youtube",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_true (byline_hugo_shortcode_is_builtin (names[i]));
  g_assert_false (byline_hugo_shortcode_is_builtin ("Figure"));
  g_assert_false (byline_hugo_shortcode_is_builtin ("image"));
  g_assert_false (byline_hugo_shortcode_is_builtin (""));
  g_assert_false (byline_hugo_shortcode_is_builtin (NULL));
  g_assert_true (byline_hugo_shortcode_is_inline ("param"));
  g_assert_true (byline_hugo_shortcode_is_inline ("relref"));
  g_assert_false (byline_hugo_shortcode_is_inline ("figure"));
}

static char *
render_with_profile (const char *profile_yaml,
                     const char *body)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strconcat (FRONT_MATTER, body, NULL);
  g_autoptr(BylinePost) post = byline_post_new (text, -1);
  g_autoptr(BylineRenderer) renderer = NULL;
  g_autoptr(BylineRendering) rendering = NULL;
  g_autofree char *html = NULL;

  byline_profile_merge_data (profile, profile_yaml, strlen (profile_yaml), "test.yml", &error);
  g_assert_no_error (error);
  renderer = byline_renderer_new (profile, NULL);
  rendering = byline_renderer_render (renderer, post);
  html = byline_rendering_get_html (rendering);

  return strip_sourcepos (html);
}

/* A template of the same name wins over Hugo's own, as a site's
 * layouts/_shortcodes/youtube.html does in Hugo; a profile that only
 * describes the parameters leaves the rendering to the built-in. */
static void
test_profile_first (void)
{
  g_autofree char *own = render_with_profile (
    "shortcodes:\n"
    "  youtube:\n"
    "    params: [\"0\"]\n"
    "    template: <div class=\"site-video\">{{0}}</div>\n",
    "{{< youtube abc >}}\n");
  g_autofree char *described = render_with_profile (
    "shortcodes:\n"
    "  youtube:\n"
    "    help: A video.\n"
    "    params: [\"0\"]\n",
    "{{< youtube abc >}}\n");

  g_assert_cmpstr (own, ==, "<div class=\"site-video\">abc</div>\n");
  g_assert_cmpstr (described, ==,
                   "<div class=\"byline-embed byline-embed-youtube\"><span class=\"byline-embed-kind\">"
                   "YouTube video</span><a class=\"byline-embed-link\" "
                   "href=\"https://www.youtube.com/watch?v=abc\">"
                   "https://www.youtube.com/watch?v=abc</a></div>\n");
}

/* Hugo's markdownify: the <p> of a single paragraph goes. */
static void
test_markdownify (void)
{
  static const struct { const char *in; gboolean block; const char *out; } rows[] = {
    { "a **b**", FALSE, "a <strong>b</strong>" },
    { "a **b**", TRUE, "<p>a <strong>b</strong></p>\n" },
    { "a\n\nb", FALSE, "<p>a</p>\n<p>b</p>" },
    { "", FALSE, "" },
    /* Hugo's default: raw HTML is left out (renderer.unsafe false). */
    { "<script>x</script>", FALSE, "<!-- raw HTML omitted -->" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *html = byline_hugo_markdownify (NULL, TRUE, rows[i].in, rows[i].block);
      g_autofree char *stripped = strip_sourcepos (html);

      g_assert_cmpstr (stripped, ==, rows[i].out);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strconcat ("/core/hugo-shortcodes/", cases[i].name, NULL);

      g_test_add_data_func (path, &cases[i], check_case);
    }
  g_test_add_func ("/core/hugo-shortcodes/ref/broken", test_ref_broken_message);
  g_test_add_func ("/core/hugo-shortcodes/names", test_builtin_names);
  g_test_add_func ("/core/hugo-shortcodes/markdownify", test_markdownify);
  g_test_add_func ("/core/hugo-shortcodes/profile-first", test_profile_first);

  return g_test_run ();
}
