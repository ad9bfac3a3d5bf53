/* test-goldmark.c — the Markdown dialect of Hugo's Goldmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Markdown in, the HTML Hugo writes out. Each case names where its expected
 * HTML comes from: Hugo's tests (gohugoio/hugo @ 7b5199f, paths under
 * markup/goldmark/ unless said otherwise), Goldmark's (yuin/goldmark @
 * 6ed00da), goldmark-emoji's (v1.0.6), or the code they document. Where
 * Hugo's test checks parts of the page (AssertFileContent), so does the case.
 */

#include "config.h"

#include "goldmark-test-util.h"

typedef struct
{
  const char *source;     /* where the expected HTML comes from */
  const char *settings;   /* see test_settings() */
  const char *markdown;
  const char *html;       /* the whole output, or NULL */
  const char *expect;     /* else: lines that must (not) occur */
} Case;

#define HUGO_TEST_CONVERT \
  "\n## Links\n\nhttps://github.com/gohugoio/hugo/issues/6528\n" \
  "[Live Demo here!](https://docuapi.netlify.com/)\n\n" \
  "[I'm an inline-style link with title](https://www.google.com \"Google's Homepage\")\n" \
  "<https://foo.bar/>\nhttps://bar.baz/\n<fake@example.com>\n<mailto:fake2@example.com>\n\n\n" \
  "## Code Fences\n\n```bash\nLINE1\n```\n\n## Code Fences No Lexer\n\n```moo\nLINE1\n```\n\n" \
  "## Custom ID {#custom}\n\n## Auto ID\n\n* Autolink: https://gohugo.io/\n" \
  "* Strikethrough:~~Hi~~ Hello, world!\n\n## Table\n\n| foo | bar |\n| --- | --- |\n" \
  "| baz | bim |\n\n## Task Lists (default on)\n\n- [x] Finish my changes[^1]\n" \
  "- [ ] Push my commits to GitHub\n- [ ] Open a pull request\n\n\n" \
  "## Smartypants (default on)\n\n" \
  "* Straight double \"quotes\" and single 'quotes' into “curly” quote HTML entities\n" \
  "* Dashes (“--” and “---”) into en- and em-dash entities\n" \
  "* Three consecutive dots (“...”) into an ellipsis entity\n" \
  "* Apostrophes are also converted: \"That was back in the '90s, that's a long time ago\"\n\n" \
  "## Footnotes\n\nThat's some text with a footnote.[^1]\n\n## Definition Lists\n\n" \
  "date\n: the datetime assigned to this page.\n\ndescription\n" \
  ": the description for the content.\n\n\n## 神真美好\n\n## 神真美好\n\n## 神真美好\n\n" \
  "[^1]: And that's the footnote.\n\n"

#define HUGO_RAW_COMMENTS \
  "# HTML comments\n\n## Simple\n<!-- This is a comment -->\n\n" \
  "    <!-- This is a comment indented -->\n\n" \
  "\t**Hello**<!-- This is a comment indented with markup surrounding. -->_world_.\n" \
  "## With HTML\n\n<!-- <p>This is another paragraph </p> -->\n\n## With HTML and JS\n\n" \
  "<!-- <script>alert('hello');</script> -->\n\n## With Block\n\n<!--\n" \
  "<p>Look at this cool image:</p>\n<img border=\"0\" src=\"pic_trulli.jpg\" alt=\"Trulli\">\n" \
  "-->\n\n## XSS\n\n<!-- --><script>alert(\"I just escaped the HTML comment\")</script><!-- -->\n" \
  "\n\n## More\n\nThis is a <!--hidden--> word.\n\nThis is a <!-- hidden--> word.\n\n" \
  "This is a <!-- hidden --> word.\n\nThis is a <!--\nhidden --> word.\n\n" \
  "This is a <!--\nhidden\n--> word.\n"

#define HUGO_ATTRIBUTES_INTEGRATION \
  "## Title with id set {#title-with-id}\n\n## Title with id set duplicate {#title-with-id}\n\n" \
  "## My Title\n\nBase Name\n: Base name of the file.\n\nBase Name\n: Duplicate term name.\n\n" \
  "My Title\n: Term with same name as title.\n\nFoo@Bar\n: The foo bar.\n\n" \
  "foo [something](/a/b/) bar\n: A foo bar.\n\n良善天父\n: The good father.\n\n" \
  "Ā ā Ă ă Ą ą Ć ć Ĉ ĉ Ċ ċ Č č Ď\n: Testing accents.\n\n" \
  "Multiline set text header\nSecond line\n---------------\n\n" \
  "## Example [hyperlink](https://example.com/) in a header\n"

static const Case cases[] = {
  /* Everything on by default */
  { "convert_test.go TestConvert (unsafe; Chroma's code fences left out)", "unsafe",
    HUGO_TEST_CONVERT, NULL,
    "<a href=\"https://docuapi.netlify.com/\">Live Demo here!</a>\n"
    "<a href=\"https://foo.bar/\">https://foo.bar/</a>\n"
    "<a href=\"https://bar.baz/\">https://bar.baz/</a>\n"
    "<a href=\"mailto:fake@example.com\">fake@example.com</a>\n"
    "<a href=\"mailto:fake2@example.com\">mailto:fake2@example.com</a></p>\n"
    "<h2 id=\"custom\">Custom ID</h2>\n<h2 id=\"auto-id\">Auto ID</h2>\n"
    "<h2 id=\"神真美好\">神真美好</h2>\n<h2 id=\"神真美好-1\">神真美好</h2>\n"
    "<h2 id=\"神真美好-2\">神真美好</h2>\n"
    "Autolink: <a href=\"https://gohugo.io/\">https://gohugo.io/</a>\n"
    "Strikethrough:<del>Hi</del> Hello, world\n"
    "<li><input disabled=\"\" type=\"checkbox\"> Push my commits to GitHub</li>\n"
    "Straight double &ldquo;quotes&rdquo; and single &lsquo;quotes&rsquo;\n"
    "Dashes (“&ndash;” and “&mdash;”)\nThree consecutive dots (“&hellip;”)\n"
    "&ldquo;That was back in the &rsquo;90s, that&rsquo;s a long time ago&rdquo;\n"
    "footnote.<sup id=\"fnref1:1\"><a href=\"#fn:1\" class=\"footnote-ref\" "
    "role=\"doc-noteref\">1</a></sup>\n"
    "<div class=\"footnotes\" role=\"doc-endnotes\">\n<dt>date</dt>" },

  /* Heading ids */
  { "convert_test.go TestConvert, its headings", NULL,
    "## Custom ID {#custom}\n\n## Auto ID\n\n## 神真美好\n\n## 神真美好\n\n## 神真美好\n",
    "<h2 id=\"custom\">Custom ID</h2>\n<h2 id=\"auto-id\">Auto ID</h2>\n"
    "<h2 id=\"神真美好\">神真美好</h2>\n<h2 id=\"神真美好-1\">神真美好</h2>\n"
    "<h2 id=\"神真美好-2\">神真美好</h2>\n", NULL },
  { "convert_test.go TestConvertAutoIDAsciiOnly", "ascii",
    "## God is Good: 神真美好\n", NULL, "<h2 id=\"god-is-good-\">" },
  { "convert_test.go TestConvertAutoIDBlackfriday", "blackfriday",
    "## Let's try this, shall we?\n", NULL, "<h2 id=\"let-s-try-this-shall-we\">" },
  { "internal/extensions/attributes/attributes_integration_test.go TestDescriptionListAutoID",
    "ascii termIds", HUGO_ATTRIBUTES_INTEGRATION, NULL,
    "<dt id=\"base-name\">Base Name</dt>\n<dt id=\"base-name-1\">Base Name</dt>\n"
    "<dt id=\"foobar\">Foo@Bar</dt>\n<h2 id=\"my-title\">My Title</h2>\n"
    "<dt id=\"foo-something-bar\">foo <a href=\"/a/b/\">something</a> bar</dt>\n"
    "<h2 id=\"title-with-id\">Title with id set</h2>\n"
    "<h2 id=\"title-with-id\">Title with id set duplicate</h2>\n"
    "<dt id=\"my-title-1\">My Title</dt>\n<dt id=\"term\">良善天父</dt>\n"
    "<dt id=\"a-a-a-a-a-a-c-c-c-c-c-c-c-c-d\">Ā ā Ă ă Ą ą Ć ć Ĉ ĉ Ċ ċ Č č Ď</dt>\n"
    "<h2 id=\"second-line\">\n<h2 id=\"example-hyperlink-in-a-header\">" },
  { "attributes.go textHeadingID: the id comes from the text as written, typographer's "
    "entities resolved (Hugo 0.144 and later)", NULL,
    "## Hello \"World\" -- it's here...\n",
    "<h2 id=\"hello-world--its-here\">Hello &ldquo;World&rdquo; &ndash; it&rsquo;s "
    "here&hellip;</h2>\n", NULL },
  { "autoid.go Generate: an empty id is \"heading\"", NULL, "## ?!?\n\n## !!!\n",
    "<h2 id=\"heading\">?!?</h2>\n<h2 id=\"heading-1\">!!!</h2>\n", NULL },

  /* Markdown attributes */
  { "convert_test.go TestConvertAttributes Title", NULL,
    "## heading {#id .className attrName=attrValue class=\"class1 class2\"}", NULL,
    "<h2 id=\"id\" class=\"className class1 class2\" attrName=\"attrValue\">heading</h2>" },
  { "convert_test.go TestConvertAttributes Blockquote", "block noTitle",
    "> foo\n> bar\n{#id .className attrName=attrValue class=\"class1 class2\"}\n",
    "<blockquote id=\"id\" class=\"className class1 class2\"><p>foo\nbar</p>\n</blockquote>\n",
    NULL },
  { "convert_test.go TestConvertAttributes Paragraph", "block noTitle",
    "\nHi there.\n{.myclass }", "<p class=\"myclass\">Hi there.</p>\n", NULL },
  { "convert_test.go TestConvertAttributes Ordered list", "block noTitle",
    "\n1. First\n2. Second\n{.myclass }",
    "<ol class=\"myclass\">\n<li>First</li>\n<li>Second</li>\n</ol>\n", NULL },
  { "convert_test.go TestConvertAttributes Unordered list", "block noTitle",
    "\n* First\n* Second\n{.myclass }",
    "<ul class=\"myclass\">\n<li>First</li>\n<li>Second</li>\n</ul>\n", NULL },
  { "convert_test.go TestConvertAttributes Unordered list, indented", "block noTitle",
    "* Fruit\n  * Apple\n  * Orange\n  * Banana\n  {.fruits}\n* Dairy\n  * Milk\n  * Cheese\n"
    "  {.dairies}\n{.list}", NULL,
    "<ul class=\"list\">\n<li>Fruit\n<ul class=\"fruits\">\n<li>Dairy\n<ul class=\"dairies\">" },
  { "convert_test.go TestConvertAttributes Title and Blockquote", "block",
    "## heading {#id .className attrName=attrValue class=\"class1 class2\"}\n> foo\n> bar\n"
    "{.myclass}",
    "<h2 id=\"id\" class=\"className class1 class2\" attrName=\"attrValue\">heading</h2>\n"
    "<blockquote class=\"myclass\"><p>foo\nbar</p>\n</blockquote>\n", NULL },
  { "goldmark_integration_test.go TestAttributeExclusion (Chroma's fence left out)", "block",
    "## Heading {class=\"a\" onclick=\"alert('heading')\"}\n\n> Blockquote\n"
    "{class=\"b\" ondblclick=\"alert('blockquote')\"}\n", NULL,
    "<h2 class=\"a\" id=\"heading\">\n<blockquote class=\"b\">\n! onclick\n! ondblclick" },
  { "goldmark_integration_test.go TestAttributesDefaultRenderer", NULL,
    "## Heading Attribute Which Needs Escaping { class=\"a < b\" }\n", NULL,
    "class=\"a &lt; b\"" },
  { "tables/tables_integration_test.go TestTableDefault", "block",
    "## Table 1\n\n| Item | In Stock | Price |\n| :--- | :---: | ---: |\n"
    "| Python Hat | True | 23.99 |\n"
    "{.foo}\n\n## Table 2\n\na|b\n---|---\n1|2\n{id=\"\\\"><script>alert()</script>\"}\n", NULL,
    "<table class=\"foo\">\n<table id=\"&#34;&gt;&lt;script&gt;alert()&lt;/script&gt;\">" },
  { "internal/extensions/attributes/attributes_integration_test.go TestSolitaryAttributesCrash",
    "block", "1. a\n\n{.x}\n\n1. b\n\n{.x}\n\n\n\n",
    "<ol>\n<li>a</li>\n</ol>\n<ol>\n<li>b</li>\n</ol>\n", NULL },
  { "attributes.go Transform: an attribute line keeps what the block has", "block",
    "## Heading\n{#other .extra}\n",
    "<h2 id=\"heading\" class=\"extra\">Heading</h2>\n", NULL },

  /* The typographer */
  { "goldmark_integration_test.go (typographer = false)", "noTypographer",
    "!['a'](b.jpg)\n", "<p><img src=\"b.jpg\" alt=\"'a'\"></p>\n", NULL },
  { "goldmark_integration_test.go (typographer = false), double quotes", "noTypographer",
    "![\"a\"](b.jpg)\n", NULL, "<img src=\"b.jpg\" alt=\"&quot;a&quot;\">" },
  { "typographer.go: escaped quotes and dashes are left alone", NULL,
    "\\\"Not\\\" \\-- quoted\n", "<p>&quot;Not&quot; -- quoted</p>\n", NULL },

  /* Footnotes */
  { "extension/footnote_test.go TestFootnoteOptions with Hugo's one option, backlinkHTML",
    "noTypographer backlink=^",
    "That's some text with a footnote.[^1]\n\nSame footnote.[^1]\n\nAnother one.[^2]\n\n"
    "[^1]: And that's the footnote.\n[^2]: Another footnote.\n",
    "<p>That's some text with a footnote.<sup id=\"fnref:1\"><a href=\"#fn:1\" "
    "class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup></p>\n"
    "<p>Same footnote.<sup id=\"fnref1:1\"><a href=\"#fn:1\" class=\"footnote-ref\" "
    "role=\"doc-noteref\">1</a></sup></p>\n"
    "<p>Another one.<sup id=\"fnref:2\"><a href=\"#fn:2\" class=\"footnote-ref\" "
    "role=\"doc-noteref\">2</a></sup></p>\n"
    "<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n"
    "<p>And that's the footnote.&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" "
    "role=\"doc-backlink\">^</a>&#160;<a href=\"#fnref1:1\" class=\"footnote-backref\" "
    "role=\"doc-backlink\">^</a></p>\n</li>\n<li id=\"fn:2\">\n"
    "<p>Another footnote.&#160;<a href=\"#fnref:2\" class=\"footnote-backref\" "
    "role=\"doc-backlink\">^</a></p>\n</li>\n</ol>\n</div>\n", NULL },

  /* Linkify */
  { "goldmark_integration_test.go TestLinkifyProtocol https", NULL,
    "Link no procol: www.example.org\nLink http procol: http://www.example.org\n"
    "Link https procol: https://www.example.org\n", NULL,
    "Link no procol: <a href=\"https://www.example.org\">www.example.org</a>\n"
    "Link http procol: <a href=\"http://www.example.org\">http://www.example.org</a>\n"
    "Link https procol: <a href=\"https://www.example.org\">https://www.example.org</a></p>" },
  { "goldmark_integration_test.go TestLinkifyProtocol http", "http",
    "Link no procol: www.example.org\nLink http procol: http://www.example.org\n"
    "Link https procol: https://www.example.org\n", NULL,
    "Link no procol: <a href=\"http://www.example.org\">www.example.org</a>\n"
    "Link http procol: <a href=\"http://www.example.org\">http://www.example.org</a>\n"
    "Link https procol: <a href=\"https://www.example.org\">https://www.example.org</a></p>" },

  /* Tables */
  { "tpl/tplimpl/embedded/templates/_markup/render-table.html (Hugo 0.162 and later)", NULL,
    "| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n",
    "<table>\n\t<thead>\n\t\t\t<tr>\n\t\t\t\t\t<th style=\"text-align: left\">a</th>"
    "\n\t\t\t\t\t<th style=\"text-align: center\">b</th>"
    "\n\t\t\t\t\t<th style=\"text-align: right\">c</th>\n\t\t\t</tr>\n\t</thead>\n\t<tbody>"
    "\n\t\t\t<tr>\n\t\t\t\t\t<td style=\"text-align: left\">1</td>"
    "\n\t\t\t\t\t<td style=\"text-align: center\">2</td>"
    "\n\t\t\t\t\t<td style=\"text-align: right\">3</td>\n\t\t\t</tr>\n\t</tbody>\n</table>\n",
    NULL },
  { "extension/table.go: Goldmark's own tables (Hugo before 0.134), HTML5", "goldmarkTables",
    "| a | b |\n|:--|--:|\n| 1 | 2 |\n",
    "<table>\n<thead>\n<tr>\n<th style=\"text-align:left\">a</th>\n"
    "<th style=\"text-align:right\">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
    "<td style=\"text-align:left\">1</td>\n<td style=\"text-align:right\">2</td>\n</tr>\n"
    "</tbody>\n</table>\n", NULL },

  /* Raw HTML */
  { "goldmark_integration_test.go TestGoldmarkRawHTMLWarningBlocks", NULL,
    "<div>Some raw HTML</div>\n", "<!-- raw HTML omitted -->\n", NULL },
  { "goldmark_integration_test.go TestGoldmarkRawHTMLWarningBlocks (unsafe)", "unsafe",
    "<div>Some raw HTML</div>\n", "<div>Some raw HTML</div>\n", NULL },
  { "goldmark_integration_test.go TestGoldmarkRawHTMLWarningInline", NULL,
    "<em>raw HTML</em>\n",
    "<p><!-- raw HTML omitted -->raw HTML<!-- raw HTML omitted --></p>\n", NULL },
  { "goldmark_integration_test.go TestGoldmarkRawHTMLWarningInline (unsafe)", "unsafe",
    "<em>raw HTML</em>\n", "<p><em>raw HTML</em></p>\n", NULL },
  { "goldmark_integration_test.go TestGoldmarkRawHTMLCommentNoWarning", NULL,
    HUGO_RAW_COMMENTS, NULL,
    "! <!-- raw HTML omitted -->\n! <!-- hidden -->\n! <!-- This is a comment -->\n! script" },
  { "goldmark_integration_test.go TestGoldmarkRawHTMLCommentNoWarning (unsafe)", "unsafe",
    HUGO_RAW_COMMENTS, NULL,
    "! <!-- raw HTML omitted -->\n<!-- hidden -->\n<!-- This is a comment -->" },
  { "renderer/html/html.go renderHTMLBlock: a closing line of its own is omitted apart",
    NULL, "<pre>\ncode\n</pre>\n\n<div>\nx\n</div>\n",
    "<!-- raw HTML omitted -->\n<!-- raw HTML omitted -->\n<!-- raw HTML omitted -->\n", NULL },
  { "renderer/html/html.go: dangerous URLs are emptied", NULL,
    "[a](javascript:alert(1)) ![b](data:text/html,x) ![c](data:image/png;base64,AA)\n",
    "<p><a href=\"\">a</a> <img src=\"\" alt=\"b\"> "
    "<img src=\"data:image/png;base64,AA\" alt=\"c\"></p>\n", NULL },

  /* Line breaks, void elements */
  { "renderer/html/html.go renderText, hardWraps", "hardWraps", "a\nb  \nc\n",
    "<p>a<br>\nb<br>\nc</p>\n", NULL },
  { "renderer/html/html.go, xhtml", "xhtml", "a  \nb\n\n***\n\n![i](i.png)\n",
    "<p>a<br />\nb</p>\n<hr />\n<p><img src=\"i.png\" alt=\"i\" /></p>\n", NULL },
  { "renderer/html/html.go, HTML5 void elements", NULL, "a  \nb\n\n***\n\n![i](i.png)\n",
    "<p>a<br>\nb</p>\n<hr>\n<p><img src=\"i.png\" alt=\"i\"></p>\n", NULL },

  /* Images */
  { "images/images_integration_test.go No Hook, no wrap", "block noWrap",
    "This is an inline image: ![Inline Image](/inline.jpg). Some more text.\n\n"
    "![Block Image](/block.jpg)\n{.b}\n\n\n", NULL,
    "<p>This is an inline image: <img src=\"/inline.jpg\" alt=\"Inline Image\">. Some more "
    "text.</p>\n<img src=\"/block.jpg\" alt=\"Block Image\" class=\"b\">" },
  { "images/images_integration_test.go No Hook, wrap", "block",
    "This is an inline image: ![Inline Image](/inline.jpg). Some more text.\n\n"
    "![Block Image](/block.jpg)\n{.b}\n\n\n", NULL,
    "<p class=\"b\"><img src=\"/block.jpg\" alt=\"Block Image\"></p>" },
  { "extension/_test/typographer.txt 19 (alt texts keep only text)", NULL,
    "![Nice & day, **isn't** it?](https://example.com/image.jpg)\n",
    "<p><img src=\"https://example.com/image.jpg\" alt=\"Nice &amp; day, isn&rsquo;t it?\"></p>\n",
    NULL },

  /* Code */
  { "renderer/html/html.go renderFencedCodeBlock (Hugo with markup.highlight.codeFences off)",
    NULL, "```go {.x}\nfmt.Println(\"<hi>\")\n```\n\n```\nplain\n```\n\n    indented\n",
    "<pre><code class=\"language-go\">fmt.Println(&quot;&lt;hi&gt;&quot;)\n</code></pre>\n"
    "<pre><code>plain\n</code></pre>\n<pre><code>indented\n</code></pre>\n", NULL },

  /* Blockquotes and alerts */
  { "blockquotes/blockquotes.go renderBlockquoteDefault: no hook, no alert markup", NULL,
    "> [!NOTE]\n> Useful information.\n",
    "<blockquote>\n<p>[!NOTE]\nUseful information.</p>\n</blockquote>\n", NULL },
  { "blockquotes/blockquotes_integration_test.go TestBlockquoteEmptyIssue12756", NULL, ">\n",
    "<blockquote>\n</blockquote>\n", NULL },

  /* Emoji */
  { "goldmark_integration_test.go TestEmojiDisabled", NULL, ":x:\n", "<p>:x:</p>\n", NULL },
  { "goldmark_integration_test.go TestGoldmarkEmojiExtension (Chroma left out)", "emoji",
    "~~~text\n:x:\n~~~\n\n:heavy_check_mark:\n", NULL,
    "<p>&#x2714;&#xfe0f;</p>\n<code class=\"language-text\">:x:\n</code>" },
  { "goldmark-emoji emoji_test.go TestOptions default", "emoji", "Lucky :ok_man:",
    "<p>Lucky &#x1f646;&zwj;&#x2642;&#xfe0f;</p>\n", NULL },
  { "goldmark-emoji emoji.go: unknown names stay text", "emoji", ":not_an_emoji: :+1:",
    "<p>:not_an_emoji: &#x1f44d;</p>\n", NULL },

  /* Definition lists */
  { "extension/_test/definition_list.txt 3, with Hugo's typographer", NULL,
    "Term 1\nTerm 2\n:   Definition \"a\"\n\nTerm 3\n:   Definition b\n",
    "<dl>\n<dt>Term 1</dt>\n<dt>Term 2</dt>\n<dd>Definition &ldquo;a&rdquo;</dd>\n"
    "<dt>Term 3</dt>\n<dd>Definition b</dd>\n</dl>\n", NULL },
};

static void
test_dialect (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BylineGoldmarkSettings) settings = test_settings (cases[i].settings);
      g_autofree char *html = byline_goldmark_to_html (settings, cases[i].markdown, -1);

      g_test_message ("case %u: %s", i, cases[i].source);
      if (cases[i].html != NULL)
        g_assert_cmpstr (html, ==, cases[i].html);
      else
        assert_content (html, cases[i].expect, cases[i].source);
    }
}

/* autoid_test.go: Hugo's anchors, "tests generated manually on github.com" */
static void
test_anchorize (void)
{
  static const struct {
    BylineGoldmarkIdType type;
    const char          *text;
    const char          *anchor;
  } anchors[] = {
    { BYLINE_GOLDMARK_ID_GITHUB, "God is good: 神真美好", "god-is-good-神真美好" },
    { BYLINE_GOLDMARK_ID_GITHUB, "Number 32", "number-32" },
    { BYLINE_GOLDMARK_ID_GITHUB, "Question?", "question" },
    { BYLINE_GOLDMARK_ID_GITHUB, "1+2=3", "123" },
    { BYLINE_GOLDMARK_ID_GITHUB, "Special !\"#$%&(parens)=?´* chars", "special-parens-chars" },
    { BYLINE_GOLDMARK_ID_GITHUB, "Resumé", "resumé" },
    { BYLINE_GOLDMARK_ID_GITHUB, "One-Hyphen", "one-hyphen" },
    { BYLINE_GOLDMARK_ID_GITHUB, "Multiple--Hyphens", "multiple--hyphens" },
    { BYLINE_GOLDMARK_ID_GITHUB, "Trailing hyphen-", "trailing-hyphen-" },
    { BYLINE_GOLDMARK_ID_GITHUB, "Many   spaces  here", "many---spaces--here" },
    { BYLINE_GOLDMARK_ID_GITHUB, "Forward/slash", "forwardslash" },
    { BYLINE_GOLDMARK_ID_GITHUB, "Backward\\slash", "backwardslash" },
    { BYLINE_GOLDMARK_ID_GITHUB, "Under_score", "under_score" },
    { BYLINE_GOLDMARK_ID_GITHUB, "Nonbreaking\xc2\xa0Space", "nonbreakingspace" },
    { BYLINE_GOLDMARK_ID_GITHUB, "Tab\tSpace", "tabspace" },
    { BYLINE_GOLDMARK_ID_GITHUB, "Trailing Space ", "trailing-space" },
    { BYLINE_GOLDMARK_ID_GITHUB_ASCII, "god is神真美好 good", "god-is-good" },
    { BYLINE_GOLDMARK_ID_GITHUB_ASCII, "Resumé", "resume" },
    { BYLINE_GOLDMARK_ID_BLACKFRIDAY, "Let's try this, shall we?", "let-s-try-this-shall-we" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (anchors); i++)
    {
      g_autofree char *anchor = byline_goldmark_anchorize (anchors[i].text, anchors[i].type);

      g_assert_cmpstr (anchor, ==, anchors[i].anchor);
    }
}

static void
test_settings_defaults (void)
{
  g_autoptr(BylineGoldmarkSettings) settings = byline_goldmark_settings_new ();
  g_autoptr(BylineGoldmarkSettings) copy = byline_goldmark_settings_copy (settings);
  BylineGoldmarkIdType type = BYLINE_GOLDMARK_ID_GITHUB;

  /* goldmark_config.Default */
  g_assert_true (settings->definition_list && settings->footnote && settings->linkify &&
                 settings->strikethrough && settings->table && settings->task_list &&
                 settings->typographer && settings->auto_heading_id &&
                 settings->attribute_title && settings->wrap_standalone_image);
  g_assert_false (settings->attribute_block || settings->unsafe || settings->xhtml ||
                  settings->hard_wraps || settings->auto_definition_term_id || settings->emoji);
  g_assert_cmpstr (settings->linkify_protocol, ==, "https");
  g_assert_cmpstr (settings->footnote_backlink_html, ==, "&#x21a9;&#xfe0e;");
  g_assert_cmpstr (settings->typographer_strings[BYLINE_GOLDMARK_LEFT_DOUBLE_QUOTE], ==,
                   "&ldquo;");
  g_assert_cmpstr (settings->typographer_strings[BYLINE_GOLDMARK_APOSTROPHE], ==, "&rsquo;");
  g_assert_cmpint (settings->auto_id_type, ==, BYLINE_GOLDMARK_ID_GITHUB);

  g_assert_true (byline_goldmark_settings_equal (settings, copy));
  byline_goldmark_settings_set_string (&copy->typographer_strings[BYLINE_GOLDMARK_EN_DASH], NULL);
  g_assert_false (byline_goldmark_settings_equal (settings, copy));

  g_assert_true (byline_goldmark_id_type_from_string ("github-ascii", &type));
  g_assert_cmpint (type, ==, BYLINE_GOLDMARK_ID_GITHUB_ASCII);
  g_assert_false (byline_goldmark_id_type_from_string ("GitHub", &type));
  g_assert_true (G_TYPE_IS_BOXED (BYLINE_TYPE_GOLDMARK_SETTINGS));
}

/* Hugo's typographer settings replace substitutions; in Goldmark a missing
 * one (nil) turns that part off. */
static void
test_typographer_parts (void)
{
  g_autoptr(BylineGoldmarkSettings) settings = byline_goldmark_settings_new ();
  g_autofree char *html = NULL;
  char **strings = settings->typographer_strings;

  byline_goldmark_settings_set_string (&strings[BYLINE_GOLDMARK_LEFT_DOUBLE_QUOTE], "&laquo;");
  byline_goldmark_settings_set_string (&strings[BYLINE_GOLDMARK_RIGHT_DOUBLE_QUOTE], "&raquo;");
  byline_goldmark_settings_set_string (&strings[BYLINE_GOLDMARK_EN_DASH], NULL);
  html = byline_goldmark_to_html (settings, "\"Quoted\" -- and --- it's\n", -1);

  g_assert_cmpstr (html, ==, "<p>&laquo;Quoted&raquo; -- and &mdash; it&rsquo;s</p>\n");
}

/* The blocks one by one, as the renderer uses the writer. */
static void
test_blocks (void)
{
  static const char markdown[] =
    "# Title\n"                  /* 1 */
    "\n"                         /* 2 */
    "Term\n"                     /* 3 */
    ": Definition[^n]\n"         /* 4 */
    "\n"                         /* 5 */
    "Other\n"                    /* 6 */
    ": Second\n"                 /* 7 */
    "\n"                         /* 8 */
    "Para\n"                     /* 9 */
    "\n"                         /* 10 */
    "{.x}\n"                     /* 11 */
    "\n"                         /* 12 */
    "[^n]: Note.\n";             /* 13 */
  g_autoptr(BylineGoldmarkSettings) settings = test_settings ("block");
  cmark_parser *parser = byline_goldmark_parser_new (settings);
  cmark_node *document;
  g_autoptr(BylineGoldmark) writer = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  cmark_node *node;
  cmark_node *last = NULL;

  cmark_parser_feed (parser, markdown, strlen (markdown));
  document = cmark_parser_finish (parser);
  cmark_parser_free (parser);
  writer = byline_goldmark_new (settings, document, markdown, strlen (markdown));
  byline_goldmark_set_sourcepos (writer, TRUE);

  node = cmark_node_first_child (document);
  node = byline_goldmark_render_block (writer, node, out, &last);
  g_assert_cmpstr (out->str, ==, "<h1 data-sourcepos=\"1:1-1:7\" id=\"title\">Title</h1>\n");
  g_assert_cmpint (cmark_node_get_start_line (last), ==, 1);

  /* The definition list spans two paragraphs. */
  g_string_truncate (out, 0);
  node = byline_goldmark_render_block (writer, node, out, &last);
  g_assert_cmpstr (out->str, ==,
                   "<dl data-sourcepos=\"3:1-7:8\">\n<dt>Term</dt>\n"
                   "<dd>Definition<sup id=\"fnref:1\"><a href=\"#fn:1\" "
                   "class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup></dd>\n"
                   "<dt>Other</dt>\n<dd>Second</dd>\n</dl>\n");
  g_assert_cmpint (cmark_node_get_start_line (last), ==, 6);

  /* A paragraph of attributes after a blank line is dropped without a
   * trace; it goes with the block before it. */
  g_string_truncate (out, 0);
  node = byline_goldmark_render_block (writer, node, out, &last);
  g_assert_cmpstr (out->str, ==, "<p data-sourcepos=\"9:1-9:4\">Para</p>\n");
  g_assert_cmpint (cmark_node_get_start_line (last), ==, 11);

  /* Footnote definitions write nothing where they are. */
  g_string_truncate (out, 0);
  g_assert_cmpint (cmark_node_get_type (node), ==, CMARK_NODE_FOOTNOTE_DEFINITION);
  node = byline_goldmark_render_block (writer, node, out, &last);
  g_assert_null (node);
  g_assert_cmpstr (out->str, ==, "");

  byline_goldmark_render_footnotes (writer, out);
  g_assert_true (g_str_has_prefix (out->str, "<div class=\"footnotes\" role=\"doc-endnotes\">"));
  g_assert_nonnull (strstr (out->str, "<li id=\"fn:1\">\n<p data-sourcepos=\"13:7-13:11\">Note."));

  g_clear_pointer (&writer, byline_goldmark_free);
  cmark_node_free (document);
}

/* Hostile input: deep nesting costs no stack, bad bytes no crash. */
static void
test_hostile (void)
{
  g_autoptr(BylineGoldmarkSettings) settings = byline_goldmark_settings_new ();
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autofree char *html = NULL;
  g_autofree char *binary = NULL;
  static const char bytes[] = "\"a\xff\" -- ```\xc3\n: x\n[^\xfe]\n";

  for (guint i = 0; i < 20000; i++)
    g_string_append (deep, "> ");
  g_string_append (deep, "\"deep\"\n");
  for (guint i = 0; i < 5000; i++)
    g_string_append (deep, "*a ");
  g_string_append (deep, "\n");

  html = byline_goldmark_to_html (settings, deep->str, deep->len);
  g_assert_nonnull (strstr (html, "&ldquo;deep&rdquo;"));

  binary = byline_goldmark_to_html (settings, bytes, sizeof bytes - 1);
  g_assert_nonnull (binary);
}

/* Inputs that would take quadratic time or unbounded stack if the writer
 * were naive: nested attribute values, headings of braces, raw HTML full of
 * tags for the tagfilter. */
static void
test_hostile_attributes (void)
{
  g_autoptr(BylineGoldmarkSettings) settings = test_settings ("block unsafe");
  g_autoptr(GString) nested = g_string_new ("## Deep {a=");
  g_autoptr(GString) braces = g_string_new ("## ");
  g_autoptr(GString) tags = g_string_new ("<div>\n");
  g_autofree char *html = NULL;
  g_autofree char *html2 = NULL;
  cmark_parser *parser;
  cmark_node *document;
  g_autoptr(BylineGoldmark) writer = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < 100000; i++)
    g_string_append (nested, "{a=[");
  g_string_append (nested, "\n");
  html = byline_goldmark_to_html (settings, nested->str, nested->len);
  g_assert_true (g_str_has_prefix (html, "<h2 id=\"deep-aaaaaaaaaaa"));

  for (guint i = 0; i < 100000; i++)
    g_string_append (braces, "{\"x ");
  g_string_append (braces, "{#end}\n");
  html2 = byline_goldmark_to_html (settings, braces->str, braces->len);
  g_assert_true (g_str_has_prefix (html2, "<h2 id=\"x-x-x-x"));

  for (guint i = 0; i < 100000; i++)
    g_string_append (tags, "<script><b>");
  g_string_append (tags, "\n</div>\n");
  parser = byline_goldmark_parser_new (settings);
  cmark_parser_feed (parser, tags->str, tags->len);
  document = cmark_parser_finish (parser);
  cmark_parser_free (parser);
  writer = byline_goldmark_new (settings, document, tags->str, tags->len);
  byline_goldmark_set_tagfilter (writer, TRUE);
  byline_goldmark_render_document (writer, out);
  g_assert_true (g_str_has_prefix (out->str, "<div>\n&lt;script><b>&lt;script><b>"));
  g_clear_pointer (&writer, byline_goldmark_free);
  cmark_node_free (document);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/goldmark/dialect", test_dialect);
  g_test_add_func ("/core/goldmark/anchorize", test_anchorize);
  g_test_add_func ("/core/goldmark/settings", test_settings_defaults);
  g_test_add_func ("/core/goldmark/typographer-parts", test_typographer_parts);
  g_test_add_func ("/core/goldmark/blocks", test_blocks);
  g_test_add_func ("/core/goldmark/hostile", test_hostile);
  g_test_add_func ("/core/goldmark/hostile/attributes", test_hostile_attributes);

  return g_test_run ();
}
