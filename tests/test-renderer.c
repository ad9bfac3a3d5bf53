/* test-renderer.c — Markdown and shortcodes to HTML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-renderer.h"
#include "byline-renderer-private.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>

#define FRONT_MATTER "---\ntitle: T\n---\n"

static BylineProfile *
get_profile (void)
{
  static BylineProfile *profile;

  if (profile == NULL)
    profile = byline_profile_new_builtin ();

  return profile;
}

static char *
strip_sourcepos (const char *html)
{
  g_autoptr(GRegex) regex = g_regex_new (" data-sourcepos=\"[0-9:-]*\"", 0, 0, NULL);

  return g_regex_replace_literal (regex, html, -1, 0, "", 0, NULL);
}

static BylineRendering *
render_post (const char   *text,
             BylineBundle *bundle,
             const char   *base_uri)
{
  g_autoptr(BylinePost) post = byline_post_new (text, -1);
  g_autoptr(BylineRenderer) renderer = byline_renderer_new (get_profile (), bundle);

  byline_renderer_set_base_uri (renderer, base_uri);
  return byline_renderer_render (renderer, post);
}

/* The body's HTML, source positions left out. */
static char *
render_body (const char *body,
             const char *base_uri)
{
  g_autofree char *text = g_strconcat (FRONT_MATTER, body, NULL);
  g_autoptr(BylineRendering) rendering = render_post (text, NULL, base_uri);
  g_autofree char *html = byline_rendering_get_html (rendering);

  return strip_sourcepos (html);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  gsize haystack_len = strlen (haystack);
  gsize needle_len = strlen (needle);
  guint count = 0;

  /* Without strstr: under AddressSanitizer each call measures the rest of
   * the haystack, and counting 100,000 needles becomes quadratic. */
  for (gsize i = 0; i + needle_len <= haystack_len;)
    {
      if (memcmp (haystack + i, needle, needle_len) == 0)
        {
          count++;
          i += needle_len;
        }
      else
        i++;
    }

  return count;
}

typedef struct
{
  const char *name;
  const char *body;
  const char *html;
} Case;

#define FIGURE_A \
  "<figure style=\"width:75%\"><div class=\"wrapper-with-intrinsic-ratio\"><a href=\"./a.png\" " \
  "title=\"Cap\"><img class=\"element-to-stretch\" src=\"./a.png\" alt=\"Cap\"></a></div>" \
  "<figcaption>Cap</figcaption></figure>"

static const Case markdown_cases[] = {
  { "paragraph", "Hello *world*.\n", "<p>Hello <em>world</em>.</p>\n" },
  /* The Markdown is written as Hugo's Goldmark writes it: test-goldmark.c
   * checks that in detail. */
  { "heading", "## Two & three\n", "<h2 id=\"two--three\">Two &amp; three</h2>\n" },
  { "strikethrough", "~~gone~~\n", "<p><del>gone</del></p>\n" },
  { "autolink", "See https://istio.io.\n",
    "<p>See <a href=\"https://istio.io\">https://istio.io</a>.</p>\n" },
  { "tasklist", "- [x] done\n- [ ] todo\n",
    "<ul>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> done</li>\n"
    "<li><input disabled=\"\" type=\"checkbox\"> todo</li>\n</ul>\n" },
  { "table", "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "<table>\n\t<thead>\n\t\t\t<tr>\n\t\t\t\t\t<th>a</th>\n\t\t\t\t\t<th>b</th>\n"
    "\t\t\t</tr>\n\t</thead>\n\t<tbody>\n\t\t\t<tr>\n\t\t\t\t\t<td>1</td>\n"
    "\t\t\t\t\t<td>2</td>\n\t\t\t</tr>\n\t</tbody>\n</table>\n" },
  { "fenced-code", "```yaml\na: <b>\n```\n",
    "<pre><code class=\"language-yaml\">a: &lt;b&gt;\n</code></pre>\n" },
  { "footnote", "A[^1].\n\n[^1]: Note.\n",
    "<p>A<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1"
    "</a></sup>.</p>\n"
    "<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n"
    "<p>Note.&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">"
    "&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>\n" },
  { "raw-html-kept", "<div class=\"x\">raw</div>\n", "<div class=\"x\">raw</div>\n" },
  { "script-filtered", "<script>alert(1)</script>\n", "&lt;script>alert(1)&lt;/script>\n" },
  { "iframe-filtered", "Text <iframe src=\"https://x\"></iframe>\n",
    "<p>Text &lt;iframe src=\"https://x\">&lt;/iframe></p>\n" },
};

static const Case shortcode_cases[] = {
  { "image",
    "{{< image width=\"75%\" link=\"./a.png\" caption=\"Cap\" >}}\n",
    FIGURE_A "\n" },
  { "image/multi-line",
    "{{< image width=\"75%\"\n    link=\"./a.png\"\n    caption=\"Cap\"\n    >}}\n",
    FIGURE_A "\n" },
  { "image/escaped-params",
    "{{< image link=\"a.png\" caption=\"A <b> & \\\"c\\\"\" >}}\n",
    "<figure style=\"width:100%\"><div class=\"wrapper-with-intrinsic-ratio\"><a href=\"a.png\" "
    "title=\"A &lt;b&gt; &amp; &quot;c&quot;\"><img class=\"element-to-stretch\" src=\"a.png\" "
    "alt=\"A &lt;b&gt; &amp; &quot;c&quot;\"></a></div><figcaption>A &lt;b&gt; &amp; "
    "&quot;c&quot;</figcaption></figure>\n" },
  { "image/alt-wins",
    "{{< image link=\"a.png\" alt=\"Alt\" title=\"Title\" caption=\"Cap\" >}}\n",
    "<figure style=\"width:100%\"><div class=\"wrapper-with-intrinsic-ratio\"><a href=\"a.png\" "
    "title=\"Title\"><img class=\"element-to-stretch\" src=\"a.png\" alt=\"Alt\"></a></div>"
    "<figcaption>Cap</figcaption></figure>\n" },
  { "image/alt-from-title",
    "{{< image link=\"a.png\" title=\"Title\" caption=\"Cap\" >}}\n",
    "<figure style=\"width:100%\"><div class=\"wrapper-with-intrinsic-ratio\"><a href=\"a.png\" "
    "title=\"Title\"><img class=\"element-to-stretch\" src=\"a.png\" alt=\"Title\"></a></div>"
    "<figcaption>Cap</figcaption></figure>\n" },
  { "image/given-ratio",
    "{{< image link=\"a.png\" ratio=\"60%\" caption=\"C\" >}}\n",
    "<figure style=\"width:100%\"><div class=\"wrapper-with-intrinsic-ratio\" "
    "style=\"padding-bottom:60%\"><a href=\"a.png\" title=\"C\"><img class=\"element-to-stretch\" "
    "src=\"a.png\" alt=\"C\"></a></div><figcaption>C</figcaption></figure>\n" },
  { "image/between-lines",
    "Before\n{{< image width=\"75%\" link=\"./a.png\" caption=\"Cap\" >}}\nAfter\n",
    "<p>Before</p>\n" FIGURE_A "\n<p>After</p>\n" },
  { "image/two-in-a-row",
    "{{< image width=\"75%\" link=\"./a.png\" caption=\"Cap\" >}}\n"
    "{{< image width=\"75%\" link=\"./a.png\" caption=\"Cap\" >}}\n",
    FIGURE_A "\n" FIGURE_A "\n" },
  { "image/in-list-item",
    "1. Step\n\n    {{< image width=\"75%\" link=\"./a.png\" caption=\"Cap\" >}}\n",
    "<ol>\n<li>\n<p>Step</p>\n" FIGURE_A "\n</li>\n</ol>\n" },
  { "image/in-quote",
    "> {{< image width=\"75%\" link=\"./a.png\" caption=\"Cap\" >}}\n",
    "<blockquote>\n" FIGURE_A "\n</blockquote>\n" },
  { "image/mid-sentence",
    "A {{< image width=\"75%\" link=\"./a.png\" caption=\"Cap\" >}} B\n",
    "<p>A " FIGURE_A " B</p>\n" },
  { "text",
    "{{< text bash >}}\n$ echo \"<hi>\" & done\n{{< /text >}}\n",
    "<pre><code class=\"language-bash\">$ echo &quot;&lt;hi&gt;&quot; &amp; done</code></pre>\n" },
  { "text/named-syntax",
    "{{< text syntax=\"yaml\" >}}\na: 1\n{{< /text >}}\n",
    "<pre><code class=\"language-yaml\">a: 1</code></pre>\n" },
  { "text/dedent",
    "{{< text bash >}}\n    $ kubectl get pods\n      NAME\n\n    done\n{{< /text >}}\n",
    "<pre><code class=\"language-bash\">$ kubectl get pods\n  NAME\n\ndone</code></pre>\n" },
  { "text/blank-lines-inside",
    "{{< text plain >}}\na\n\n\nb\n{{< /text >}}\n",
    "<pre><code class=\"language-plain\">a\n\n\nb</code></pre>\n" },
  { "text/in-list-item",
    "- Create it\n\n    {{< text bash >}}\n$ kubectl apply -f a.yaml\n    {{< /text >}}\n",
    "<ul>\n<li>\n<p>Create it</p>\n<pre><code class=\"language-bash\">$ kubectl apply -f a.yaml"
    "</code></pre>\n</li>\n</ul>\n" },
  { "text/markdown-stays-text",
    "{{< text markdown >}}\n# Not a heading *really*\n{{< /text >}}\n",
    "<pre><code class=\"language-markdown\"># Not a heading *really*</code></pre>\n" },
  { "text/escaped-call-inside",
    "{{< text markdown >}}\n{{</* image link=\"x.png\" */>}}\n{{< /text >}}\n",
    "<pre><code class=\"language-markdown\">{{&lt; image link=&quot;x.png&quot; &gt;}}"
    "</code></pre>\n" },
  { "tip",
    "{{< tip >}}\nSome **bold** text.\n{{< /tip >}}\n",
    "<aside class=\"callout tip\">Some <strong>bold</strong> text.</aside>\n" },
  { "tip/two-paragraphs",
    "{{< warning >}}\nOne.\n\nTwo.\n{{< /warning >}}\n",
    "<aside class=\"callout warning\"><p>One.</p>\n<p>Two.</p>\n</aside>\n" },
  { "tip/indented-in-list",
    "1. Step\n\n    {{< tip >}}\n    Change the [issuer](https://x.io/a).\n    {{< /tip >}}\n",
    "<ol>\n<li>\n<p>Step</p>\n<aside class=\"callout tip\">Change the "
    "<a href=\"https://x.io/a\">issuer</a>.</aside>\n</li>\n</ol>\n" },
  { "tip/nested-shortcodes",
    "{{< tip >}}\nRun:\n\n{{< text bash >}}\n$ ls\n{{< /text >}}\n{{< /tip >}}\n",
    "<aside class=\"callout tip\"><p>Run:</p>\n"
    "<pre><code class=\"language-bash\">$ ls</code></pre>\n</aside>\n" },
  { "quote/caption",
    "{{< quote caption=\"A & B\" >}}\nHi.\n{{< /quote >}}\n",
    "<aside class=\"callout quote\">Hi.<footer>A &amp; B</footer></aside>\n" },
  { "gloss/inline",
    "The {{<gloss>}}Envoy{{</gloss>}} proxies.\n",
    "<p>The <span class=\"gloss\">Envoy</span> proxies.</p>\n" },
  /* Hugo makes the id of a heading with a {{< >}} call from its own
   * placeholder, numbered per build; Byline's placeholder stands in. */
  { "istioctl/in-heading",
    "## Installing with {{< istioctl >}}\n",
    "<h2 id=\"installing-with-bylsca0x\">Installing with istioctl</h2>\n" },
  { "istioctl/in-link-text",
    "[{{< istioctl >}} upgrade](/docs/upgrade/)\n",
    "<p><a href=\"/docs/upgrade/\">istioctl upgrade</a></p>\n" },
  { "github-file/in-link-url",
    "See [a.yaml]({{< github_file >}}/samples/a.yaml).\n",
    "<p>See <a href=\"https://raw.githubusercontent.com/istio/istio/master/samples/a.yaml\">"
    "a.yaml</a>.</p>\n" },
  { "github-tree/in-reference-link",
    "See [the samples][s].\n\n[s]: {{< github_tree >}}/samples\n",
    "<p>See <a href=\"https://github.com/istio/istio/tree/master/samples\">the samples</a>."
    "</p>\n" },
  { "shortcode/in-image-alt",
    "![Using {{< istioctl >}}](x.png)\n",
    "<p><img src=\"x.png\" alt=\"Using istioctl\"></p>\n" },
  { "shortcode/in-table-cell",
    "| tool |\n|---|\n| {{< istioctl >}} |\n",
    "<table>\n\t<thead>\n\t\t\t<tr>\n\t\t\t\t\t<th>tool</th>\n\t\t\t</tr>\n\t</thead>\n"
    "\t<tbody>\n\t\t\t<tr>\n\t\t\t\t\t<td>istioctl</td>\n\t\t\t</tr>\n\t</tbody>\n"
    "</table>\n" },
  { "shortcode/in-code-span",
    "Type `{{< istioctl >}} version`.\n",
    "<p>Type <code>istioctl version</code>.</p>\n" },
  { "escaped",
    "Use {{</* image link=\"x\" */>}} here.\n",
    "<p>Use {{&lt; image link=&quot;x&quot; &gt;}} here.</p>\n" },
  { "escaped/percent",
    "Use {{%/* tip */%}}.\n",
    "<p>Use {{% tip %}}.</p>\n" },
  { "escaped/in-code-span",
    "`{{</* tip */>}}`\n",
    "<p><code>{{&lt; tip &gt;}}</code></p>\n" },
  { "unknown",
    "{{< foo a=\"<b>\" 7 >}}\n",
    "<div class=\"byline-unknown-shortcode\"><span class=\"byline-unknown-shortcode-label\">"
    "Unknown shortcode</span> <code class=\"byline-unknown-shortcode-name\">foo</code> "
    "<span class=\"byline-unknown-shortcode-params\">a=&lt;b&gt; 7</span></div>\n" },
  { "unknown/inline",
    "A {{< foo >}} b.\n",
    "<p>A <span class=\"byline-unknown-shortcode\"><span class=\"byline-unknown-shortcode-label\">"
    "Unknown shortcode</span> <code class=\"byline-unknown-shortcode-name\">foo</code></span> "
    "b.</p>\n" },
  { "unknown/paired",
    "{{< foo >}}\n*Kept*\n{{< /foo >}}\n",
    "<div class=\"byline-unknown-shortcode\"><span class=\"byline-unknown-shortcode-label\">"
    "Unknown shortcode</span> <code class=\"byline-unknown-shortcode-name\">foo</code>"
    "<div class=\"byline-unknown-shortcode-inner\"><em>Kept</em></div></div>\n" },
  { "unknown/stray-close",
    "{{< /tip >}}\n",
    "<div class=\"byline-unknown-shortcode\"><span class=\"byline-unknown-shortcode-label\">"
    "Closing tag without an opening one</span> <code class=\"byline-unknown-shortcode-name\">/tip"
    "</code></div>\n" },
  { "unterminated-call-stays-text",
    "A {{< image\n\nB\n",
    "<p>A {{&lt; image</p>\n<p>B</p>\n" },
  { "prefix-lookalike-text",
    "BylSca1x BylScb {{< istioctl >}}\n",
    "<p>BylSca1x BylScb istioctl</p>\n" },
};

static void
check_cases (const Case *cases,
             guint       n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *html = render_body (cases[i].body, NULL);

      g_test_message ("case %s", cases[i].name);
      g_assert_cmpstr (html, ==, cases[i].html);
    }
}

static void
test_markdown (void)
{
  check_cases (markdown_cases, G_N_ELEMENTS (markdown_cases));
}

static void
test_shortcodes (void)
{
  check_cases (shortcode_cases, G_N_ELEMENTS (shortcode_cases));
}

typedef struct
{
  guint       first_line;
  guint       last_line;
  const char *html_start;
} ExpectedBlock;

static void
test_block_lines (void)
{
  static const char text[] =
    "---\n"                                   /* 1 */
    "title: Lines\n"                          /* 2 */
    "---\n"                                   /* 3 */
    "\n"                                      /* 4 */
    "First paragraph\n"                       /* 5 */
    "on two lines.\n"                         /* 6 */
    "\n"                                      /* 7 */
    "{{< text bash >}}\n"                     /* 8 */
    "$ one\n"                                 /* 9 */
    "\n"                                      /* 10 */
    "$ two\n"                                 /* 11 */
    "{{< /text >}}\n"                         /* 12 */
    "\n"                                      /* 13 */
    "## Heading\n"                            /* 14 */
    "\n"                                      /* 15 */
    "Text before\n"                           /* 16 */
    "{{< image link=\"a.png\"\n"              /* 17 */
    "    caption=\"C\"\n"                     /* 18 */
    "    >}}\n"                               /* 19 */
    "text after.\n"                           /* 20 */
    "\n"                                      /* 21 */
    "- item {{< istioctl >}}\n"               /* 22 */
    "- item\n"                                /* 23 */
    "\n"                                      /* 24 */
    "{{< tip >}}\n"                           /* 25 */
    "Inside.\n"                               /* 26 */
    "{{< /tip >}} Trailing words.\n"          /* 27 */
    "\n"                                      /* 28 */
    "    code\n"                              /* 29 */
    "\n"                                      /* 30 */
    "Last.\n";                                /* 31 */
  static const ExpectedBlock expected[] = {
    { 5, 6, "<p data-sourcepos=\"5:1-6:13\">First paragraph" },
    { 8, 12, "<pre><code class=\"language-bash\">$ one\n\n$ two</code></pre>" },
    { 14, 14, "<h2 data-sourcepos=\"14:1-14:10\" id=\"heading\">Heading</h2>" },
    { 16, 16, "<p>Text before</p>" },
    { 17, 19, "<figure style=\"width:100%\">" },
    { 20, 20, "<p>text after.</p>" },
    { 22, 23, "<ul data-sourcepos=\"22:1-24:0\">\n"
              "<li data-sourcepos=\"22:1-22:23\">item istioctl</li>" },
    { 25, 27, "<p data-sourcepos=\"25:1-27:28\">"
              "<aside class=\"callout tip\">Inside.</aside> Trailing" },
    { 29, 29, "<pre data-sourcepos=\"29:5-30:0\"><code>code\n</code></pre>" },
    { 31, 31, "<p data-sourcepos=\"31:1-31:5\">Last.</p>" },
  };
  g_autoptr(BylineRendering) rendering = render_post (text, NULL, NULL);

  g_assert_cmpuint (rendering->blocks->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const BylineBlock *block = g_ptr_array_index (rendering->blocks, i);

      g_test_message ("block %u: %s", i, block->html);
      g_assert_cmpuint (block->first_line, ==, expected[i].first_line);
      g_assert_cmpuint (block->last_line, ==, expected[i].last_line);
      g_assert_true (g_str_has_prefix (block->html, expected[i].html_start));
    }
}

static void
test_block_lines_crlf_and_bom (void)
{
  static const char text[] =
    "\xef\xbb\xbf---\r\ntitle: X\r\n---\r\n{{< text bash >}}\r\n$ a\r\n{{< /text >}}\r\nEnd\r\n";
  g_autoptr(BylineRendering) rendering = render_post (text, NULL, NULL);
  const BylineBlock *block;

  g_assert_cmpuint (rendering->blocks->len, ==, 2);
  block = g_ptr_array_index (rendering->blocks, 0);
  g_assert_cmpuint (block->first_line, ==, 4);
  g_assert_cmpuint (block->last_line, ==, 6);
  block = g_ptr_array_index (rendering->blocks, 1);
  g_assert_cmpuint (block->first_line, ==, 7);
  g_assert_cmpuint (block->last_line, ==, 7);
  /* Split out of the paragraph it shared with the call: no cmark position. */
  g_assert_cmpstr (block->html, ==, "<p>End</p>");
}

static void
test_no_front_matter (void)
{
  g_autoptr(BylineRendering) rendering = render_post ("# Title\n\nText\n", NULL, NULL);
  g_autofree char *html = byline_rendering_get_html (rendering);

  g_assert_cmpstr (html, ==,
                   "<h1 data-sourcepos=\"1:1-1:7\" id=\"title\">Title</h1>\n"
                   "<p data-sourcepos=\"3:1-3:4\">Text</p>\n");
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(BylineRendering) rendering = render_post ("---\ntitle: \xff\n---\nText\n", NULL, NULL);

  g_assert_cmpuint (rendering->blocks->len, ==, 0);
}

static void
test_base_uri (void)
{
  static const Case cases[] = {
    { "image", "![a](./x.png)\n", "<p><img src=\"file:///tmp/b/x.png\" alt=\"a\"></p>\n" },
    { "bare-name", "[d](doc.pdf#page=2)\n",
      "<p><a href=\"file:///tmp/b/doc.pdf#page=2\">d</a></p>\n" },
    { "space-in-name", "![a](<my pic.png>)\n",
      "<p><img src=\"file:///tmp/b/my%20pic.png\" alt=\"a\"></p>\n" },
    { "site-path", "[d](/docs/setup/)\n",
      "<p><a href=\"https://istio.io/docs/setup/\">d</a></p>\n" },
    { "external", "[e](https://e.com/x)\n", "<p><a href=\"https://e.com/x\">e</a></p>\n" },
    { "anchor", "[s](#section)\n", "<p><a href=\"#section\">s</a></p>\n" },
    { "image-shortcode", "{{< image link=\"./a.png\" caption=\"C\" >}}\n",
      "<figure style=\"width:100%\"><div class=\"wrapper-with-intrinsic-ratio\">"
      "<a href=\"file:///tmp/b/a.png\" title=\"C\"><img class=\"element-to-stretch\" "
      "src=\"file:///tmp/b/a.png\" alt=\"C\"></a></div><figcaption>C</figcaption></figure>\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = render_body (cases[i].body, "file:///tmp/b");

      g_test_message ("case %s", cases[i].name);
      g_assert_cmpstr (html, ==, cases[i].html);
    }

  /* Without a base URI links stay as written. */
  {
    g_autofree char *html = render_body ("![a](./x.png) [d](/docs/)\n", NULL);

    g_assert_cmpstr (html, ==,
                     "<p><img src=\"./x.png\" alt=\"a\"> <a href=\"/docs/\">d</a></p>\n");
  }
}

static void
base_uri_notify_cb (GObject    *object,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_base_uri_notify (void)
{
  g_autoptr(BylineRenderer) renderer = byline_renderer_new (get_profile (), NULL);
  guint count = 0;

  g_signal_connect (renderer, "notify::base-uri", G_CALLBACK (base_uri_notify_cb), &count);

  g_assert_null (byline_renderer_get_base_uri (renderer));
  byline_renderer_set_base_uri (renderer, "file:///a/b");
  g_assert_cmpstr (byline_renderer_get_base_uri (renderer), ==, "file:///a/b/");
  byline_renderer_set_base_uri (renderer, "file:///a/b/");
  g_assert_cmpuint (count, ==, 1);
  byline_renderer_set_base_uri (renderer, NULL);
  g_assert_null (byline_renderer_get_base_uri (renderer));
  g_assert_cmpuint (count, ==, 2);
  g_assert_true (byline_renderer_get_profile (renderer) == get_profile ());
  g_assert_null (byline_renderer_get_bundle (renderer));
}

static void
goldmark_notify_cb (GObject    *object,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

/* The site's markup.goldmark settings reach the body; by default raw HTML
 * passes, as Byline has always shown it. */
static void
test_goldmark_settings (void)
{
  g_autoptr(BylineRenderer) renderer = byline_renderer_new (get_profile (), NULL);
  g_autoptr(BylineGoldmarkSettings) hugo = byline_goldmark_settings_new ();
  g_autoptr(BylinePost) post = byline_post_new (FRONT_MATTER
                                                "<div>raw</div>\n\n"
                                                "{{< image link=\"./a.png\" caption=\"C\" >}}\n\n"
                                                "![a](./x.png) [j](javascript:alert(1))\n", -1);
  guint count = 0;

  g_signal_connect (renderer, "notify::goldmark-settings", G_CALLBACK (goldmark_notify_cb), &count);
  g_assert_true (byline_renderer_get_goldmark_settings (renderer)->unsafe);
  g_assert_true (byline_renderer_get_goldmark_settings (renderer)->typographer);

  {
    g_autoptr(BylineRendering) rendering = byline_renderer_render (renderer, post);
    g_autofree char *html = byline_rendering_get_html (rendering);
    g_autofree char *stripped = strip_sourcepos (html);

    g_assert_true (g_str_has_prefix (stripped, "<div>raw</div>\n<figure"));
  }

  byline_renderer_set_goldmark_settings (renderer, hugo);
  byline_renderer_set_goldmark_settings (renderer, hugo);
  g_assert_cmpuint (count, ==, 1);
  g_assert_false (byline_renderer_get_goldmark_settings (renderer)->unsafe);
  byline_renderer_set_base_uri (renderer, "file:///tmp/b");

  {
    g_autoptr(BylineRendering) rendering = byline_renderer_render (renderer, post);
    g_autofree char *html = byline_rendering_get_html (rendering);
    g_autofree char *stripped = strip_sourcepos (html);

    /* Goldmark omits the raw HTML and empties the dangerous link; the
     * shortcode's HTML and the bundle's picture are the renderer's own. */
    g_assert_cmpstr (stripped, ==,
                     "<!-- raw HTML omitted -->\n"
                     "<figure style=\"width:100%\"><div class=\"wrapper-with-intrinsic-ratio\">"
                     "<a href=\"file:///tmp/b/a.png\" title=\"C\"><img class=\"element-to-stretch\" "
                     "src=\"file:///tmp/b/a.png\" alt=\"C\"></a></div><figcaption>C</figcaption>"
                     "</figure>\n"
                     "<p><img src=\"file:///tmp/b/x.png\" alt=\"a\"> <a href=\"\">j</a></p>\n");
  }

  byline_renderer_set_goldmark_settings (renderer, NULL);
  g_assert_cmpuint (count, ==, 2);
  g_assert_true (byline_renderer_get_goldmark_settings (renderer)->unsafe);
}

static void
write_png (const char *path,
           int         width,
           int         height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0x3366ccff);
  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);
}

static void
test_image_ratio (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("byline-renderer-XXXXXX", &error);
  g_autofree char *png = NULL;
  g_autofree char *png3 = NULL;
  g_autofree char *post_path = NULL;
  g_autoptr(GFile) post_file = NULL;
  g_autoptr(BylineBundle) bundle = NULL;
  g_autoptr(BylineRendering) rendering = NULL;
  g_autofree char *html = NULL;
  g_autofree char *stripped = NULL;
  static const char text[] =
    FRONT_MATTER
    "{{< image width=\"50%\" link=\"./wide.png\" caption=\"Wide\" >}}\n"
    "{{< image link=\"third.png\" caption=\"Third\" >}}\n"
    "{{< image link=\"./missing.png\" caption=\"Missing\" >}}\n";

  g_assert_no_error (error);
  png = g_build_filename (dir, "wide.png", NULL);
  png3 = g_build_filename (dir, "third.png", NULL);
  post_path = g_build_filename (dir, "index.md", NULL);
  write_png (png, 160, 90);
  write_png (png3, 300, 100);
  g_file_set_contents (post_path, text, -1, &error);
  g_assert_no_error (error);

  post_file = g_file_new_for_path (post_path);
  bundle = byline_bundle_new (post_file);
  rendering = render_post (text, bundle, NULL);
  html = byline_rendering_get_html (rendering);
  stripped = strip_sourcepos (html);

  g_assert_cmpstr (stripped, ==,
                   "<figure style=\"width:50%\"><div class=\"wrapper-with-intrinsic-ratio\" "
                   "style=\"padding-bottom:56.25%\"><a href=\"./wide.png\" title=\"Wide\"><img "
                   "class=\"element-to-stretch\" src=\"./wide.png\" alt=\"Wide\"></a></div>"
                   "<figcaption>Wide</figcaption></figure>\n"
                   "<figure style=\"width:100%\"><div class=\"wrapper-with-intrinsic-ratio\" "
                   "style=\"padding-bottom:33.33%\"><a href=\"third.png\" title=\"Third\"><img "
                   "class=\"element-to-stretch\" src=\"third.png\" alt=\"Third\"></a></div>"
                   "<figcaption>Third</figcaption></figure>\n"
                   "<figure style=\"width:100%\"><div class=\"wrapper-with-intrinsic-ratio\">"
                   "<a href=\"./missing.png\" title=\"Missing\"><img class=\"element-to-stretch\" "
                   "src=\"./missing.png\" alt=\"Missing\"></a></div>"
                   "<figcaption>Missing</figcaption></figure>\n");

  g_unlink (png);
  g_unlink (png3);
  g_unlink (post_path);
  g_rmdir (dir);
}

static void
test_dedent_text (void)
{
  static const struct {
    const char *in;
    const char *out;
  } cases[] = {
    { "", "" },
    { "\n\n", "" },
    { "\nabc\n", "abc" },
    { "\n  a\n    b\n  c\n  ", "a\n  b\nc" },
    { "\n\ta\n\tb\n", "a\nb" },
    { "\n  a\n\n  b\n", "a\n\nb" },
    { "\r\n  a\r\n  b\r\n", "a\r\nb" },
    { "x\n  y", "x\n  y" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = byline_renderer_dedent_text (cases[i].in, strlen (cases[i].in));

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static BylinePost *
new_post (const char *text)
{
  return byline_post_new (text, -1);
}

static void
test_header (void)
{
  g_autoptr(BylineRenderer) renderer = byline_renderer_new (get_profile (), NULL);
  g_autoptr(BylinePost) post = new_post ("---\n"
                                         "title: \"Cats & <Dogs>\"\n"
                                         "description: It's \"fine\".\n"
                                         "publishdate: 2023-09-29\n"
                                         "attribution: \"Jane Doe (Example & Co)\"\n"
                                         "---\nBody\n");
  g_autoptr(BylinePost) timed = new_post ("---\ntitle: T\ndate: 2024-02-03T10:20:30Z\n---\n");
  g_autoptr(BylinePost) bare = new_post ("Just text\n");
  g_autoptr(BylinePost) title_only = new_post ("---\ntitle: Only\nsubtitle: <Sub>\n---\n");
  g_autofree char *header = byline_renderer_render_header (renderer, post);
  g_autofree char *timed_header = byline_renderer_render_header (renderer, timed);
  g_autofree char *bare_header = byline_renderer_render_header (renderer, bare);
  g_autofree char *title_header = byline_renderer_render_header (renderer, title_only);

  g_assert_cmpstr (header, ==,
                   "<header class=\"byline-post-header\"><h1>Cats &amp; &lt;Dogs&gt;</h1>"
                   "<p class=\"byline-post-byline\">"
                   "<time datetime=\"2023-09-29\">September 29, 2023</time>"
                   " · Jane Doe (Example &amp; Co)</p>"
                   "<p class=\"byline-post-description\">"
                   "It&#39;s &quot;fine&quot;.</p></header>");
  g_assert_cmpstr (timed_header, ==,
                   "<header class=\"byline-post-header\"><h1>T</h1>"
                   "<p class=\"byline-post-byline\">"
                   "<time datetime=\"2024-02-03T10:20:30Z\">February 3, 2024</time></p></header>");
  g_assert_cmpstr (bare_header, ==, "");
  g_assert_cmpstr (title_header, ==,
                   "<header class=\"byline-post-header\"><h1>Only</h1>"
                   "<p class=\"byline-post-subtitle\">&lt;Sub&gt;</p></header>");
}

static void
test_page (void)
{
  g_autoptr(BylineRenderer) renderer = byline_renderer_new (get_profile (), NULL);
  g_autoptr(BylinePost) post = new_post ("---\ntitle: \"A </title><script>x()</script>\"\n---\n"
                                         "<script>alert(1)</script>\n\n"
                                         "<p onclick=\"x()\">Hi</p>\n");
  g_autofree char *page = byline_renderer_render_page (renderer, post, NULL);
  const char *csp = strstr (page, "<meta http-equiv=\"Content-Security-Policy\" content=\"");
  const char *style = strstr (page, "<style>");
  const char *stylesheet = byline_profile_get_stylesheet (get_profile ());
  g_autofree char *inline_style = g_strconcat ("<style>\n", stylesheet, "\n</style>\n", NULL);

  g_assert_true (g_str_has_prefix (page, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                                         "<meta charset=\"utf-8\">\n"));
  g_assert_nonnull (csp);
  g_assert_nonnull (strstr (csp, "script-src 'none'"));
  g_assert_nonnull (strstr (csp, "default-src 'none'"));
  /* The policy comes before anything it governs. */
  g_assert_nonnull (style);
  g_assert_true (csp < style);
  g_assert_null (strstr (page, "<script"));
  g_assert_nonnull (strstr (page,
                            "<title>A &lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;</title>"));
  g_assert_nonnull (strstr (page, "&lt;script>alert(1)&lt;/script>"));
  g_assert_nonnull (strstr (page, "<header class=\"byline-post-header\"><h1>A &lt;/title&gt;"));
  g_assert_nonnull (strstr (page, "<article class=\"byline-post\">\n"));
  g_assert_nonnull (stylesheet);
  g_assert_null (strchr (stylesheet, '<'));
  g_assert_nonnull (strstr (page, inline_style));
  g_assert_true (g_str_has_suffix (page, "</article>\n</main>\n</body>\n</html>\n"));
}

static void
test_hostile_unclosed (void)
{
  g_autoptr(GString) body = g_string_new (FRONT_MATTER);
  g_autoptr(BylineRendering) rendering = NULL;
  g_autofree char *html = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (body, "{{< ");
  g_string_append (body, "\n\n{{< image link=\"a.png\" caption=\"Still here\" >}}\n");

  rendering = render_post (body->str, NULL, NULL);
  html = byline_rendering_get_html (rendering);

  g_assert_cmpuint (count_occurrences (html, "{{&lt;"), ==, 100000);
  g_assert_null (strstr (html, "{{<"));
}

static void
test_hostile_huge (void)
{
  static const char sentence[] =
    "Some *text* with a [link](./x.png) and `code`, like a paragraph of a blog post. ";
  static const char tail[] =
    "\n"
    "\n"
    "{{< image link=\"./a.png\" caption=\"Cap\" >}}\n"
    "\n"
    "{{< text bash >}}\n"
    "$ kubectl get pods\n"
    "{{< /text >}}\n"
    "\n"
    "- a list item\n"
    "- another\n"
    "\n";
  const gsize target = 50 * 1024 * 1024;
  g_autoptr(GString) body = g_string_sized_new (target + 4096);
  g_autoptr(GString) chunk = g_string_new ("## A heading\n\n");
  g_autoptr(BylineRendering) rendering = NULL;
  const BylineBlock *last;
  guint n_chunks = 0;

  /* A typical post's mix of blocks, repeated: a heading, a long paragraph,
   * a figure, a code block and a list. */
  for (guint i = 0; i < 20; i++)
    g_string_append (chunk, sentence);
  g_string_append (chunk, tail);

  g_string_append (body, FRONT_MATTER);
  while (body->len < target)
    {
      g_string_append_len (body, chunk->str, chunk->len);
      n_chunks++;
    }
  g_string_append (body, "The end.\n");

  rendering = render_post (body->str, NULL, "file:///tmp/big/");

  /* A heading, a paragraph, a figure, a code block and a list per chunk,
   * then the last paragraph. */
  g_assert_cmpuint (rendering->blocks->len, ==, 5 * n_chunks + 1);
  last = g_ptr_array_index (rendering->blocks, rendering->blocks->len - 1);
  g_assert_cmpuint (last->first_line, ==, 3 + 13 * n_chunks + 1);
  g_assert_true (g_str_has_suffix (last->html, ">The end.</p>"));
}

static void
test_hostile_deep (void)
{
  g_autoptr(GString) body = g_string_new (FRONT_MATTER);
  g_autoptr(BylineRendering) rendering = NULL;
  g_autofree char *html = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append (body, "{{< tip >}}\n");
  g_string_append (body, "Deep <b>text</b>\n");
  for (guint i = 0; i < 1000; i++)
    g_string_append (body, "{{< /tip >}}\n");

  rendering = render_post (body->str, NULL, NULL);
  html = byline_rendering_get_html (rendering);

  g_assert_cmpuint (rendering->blocks->len, ==, 1);
  g_assert_cmpuint (count_occurrences (html, "<aside class=\"callout tip\">"), ==,
                    BYLINE_RENDERER_MAX_DEPTH);
  g_assert_cmpuint (count_occurrences (html, "<pre class=\"byline-too-deep\">"), ==, 1);
  /* The rest shows as escaped text. */
  g_assert_nonnull (strstr (html, "Deep &lt;b&gt;text&lt;/b&gt;"));
  g_assert_cmpuint (count_occurrences (html, "{{&lt; tip &gt;}}"), ==,
                    1000 - BYLINE_RENDERER_MAX_DEPTH);
  g_assert_null (strstr (html, "{{<"));
}

static void
test_hostile_deep_text (void)
{
  g_autoptr(GString) body = g_string_new (FRONT_MATTER);
  g_autoptr(BylineRendering) rendering = NULL;
  g_autofree char *html = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append (body, "{{< gloss >}}");
  g_string_append (body, "x");
  for (guint i = 0; i < 1000; i++)
    g_string_append (body, "{{< /gloss >}}");
  g_string_append (body, "\n");

  rendering = render_post (body->str, NULL, NULL);
  html = byline_rendering_get_html (rendering);

  g_assert_cmpuint (rendering->blocks->len, ==, 1);
  /* A plain shortcode's inner text is escaped, nested calls' HTML too. */
  g_assert_cmpuint (count_occurrences (html, "<span class=\"gloss\">"), ==, 1);
  g_assert_null (strstr (html, "{{<"));
}

static void
test_hostile_prefix_flood (void)
{
  g_autoptr(GString) body = g_string_new (FRONT_MATTER);
  g_autoptr(BylineRendering) rendering = NULL;
  g_autofree char *html = NULL;

  /* Every one-letter and two-letter placeholder prefix is taken. */
  for (char a = 'a'; a <= 'z'; a++)
    {
      g_string_append_printf (body, "BylSc%c0x ", a);
      for (char b = 'a'; b <= 'z'; b++)
        g_string_append_printf (body, "BylSc%c%c0x ", a, b);
    }
  g_string_append (body, "{{< istioctl >}}\n");

  rendering = render_post (body->str, NULL, NULL);
  html = byline_rendering_get_html (rendering);

  g_assert_nonnull (strstr (html, "BylSczz0x istioctl</p>"));
  g_assert_cmpuint (count_occurrences (html, "BylSc"), ==, 26 + 26 * 26);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/renderer/markdown", test_markdown);
  g_test_add_func ("/core/renderer/shortcodes", test_shortcodes);
  g_test_add_func ("/core/renderer/block-lines", test_block_lines);
  g_test_add_func ("/core/renderer/block-lines/crlf-and-bom", test_block_lines_crlf_and_bom);
  g_test_add_func ("/core/renderer/no-front-matter", test_no_front_matter);
  g_test_add_func ("/core/renderer/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/core/renderer/base-uri", test_base_uri);
  g_test_add_func ("/core/renderer/base-uri/notify", test_base_uri_notify);
  g_test_add_func ("/core/renderer/goldmark-settings", test_goldmark_settings);
  g_test_add_func ("/core/renderer/image-ratio", test_image_ratio);
  g_test_add_func ("/core/renderer/dedent-text", test_dedent_text);
  g_test_add_func ("/core/renderer/header", test_header);
  g_test_add_func ("/core/renderer/page", test_page);
  g_test_add_func ("/core/renderer/hostile/unclosed", test_hostile_unclosed);
  g_test_add_func ("/core/renderer/hostile/huge", test_hostile_huge);
  g_test_add_func ("/core/renderer/hostile/deep", test_hostile_deep);
  g_test_add_func ("/core/renderer/hostile/deep-inline", test_hostile_deep_text);
  g_test_add_func ("/core/renderer/hostile/prefix-flood", test_hostile_prefix_flood);

  return g_test_run ();
}
