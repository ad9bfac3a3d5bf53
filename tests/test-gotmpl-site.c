/* test-gotmpl-site.c — shortcode calls, Hugo's objects, analysis and limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Posts with shortcode calls rendered through the templates of the fixture
 * site tests/data/gotmpl-site, and what the expected outputs rest on:
 * hugolib/shortcode.go (ShortcodeWithPage.Get returns "" for a missing
 * name, nil for a name asked of positional parameters; bare parameters are
 * typed by pageparser's ValTyped; Parent, Ordinal, Inner as template.HTML),
 * resources/page (the page's fields and front matter dates), tpl/lang
 * (go-i18n messages run as templates), tpl/partials (a partial's output is
 * template.HTML, return gives a value), html/template escaping of what the
 * templates print.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "byline-analysis.h"
#include "byline-gotmpl.h"
#include "byline-gotmpl-site-env.h"
#include "byline-gotmpl-objects.h"
#include "byline-post.h"

#include "byline-test-util.h"

typedef struct
{
  BylineGotmplEnv   *env;
  BylineGotmplSet   *set;
  BylinePost        *post;
  BylineGotmplValue  page;
  char              *file;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *root = g_test_build_filename (G_TEST_DIST, "data", "gotmpl-site", NULL);
  g_autoptr(GFile) file = NULL;

  f->env = byline_gotmpl_site_env_new_for_root (root);
  f->set = byline_gotmpl_set_new (f->env);
  f->file = g_build_filename (root, "content", "blog", "bundle", "index.md", NULL);
  file = g_file_new_for_path (f->file);
  f->post = byline_post_new_from_file (file, NULL, NULL);
  g_assert_nonnull (f->post);
  f->page = byline_gotmpl_env_get_page (f->env, "blog/bundle");
  g_assert_cmpint (f->page.kind, ==, BYLINE_GOTMPL_OBJECT);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  byline_gotmpl_value_clear (&f->page);
  g_clear_object (&f->post);
  g_clear_object (&f->set);
  g_clear_object (&f->env);
  g_free (f->file);
}

/* Renders the first call of @text. */
static void
render_first (Fixture            *f,
              const char         *text,
              BylineGotmplResult *result)
{
  g_autoptr(BylineShortcodeList) list = byline_shortcode_scan (text, 0, strlen (text), NULL);

  g_assert_cmpuint (list->calls->len, >, 0);
  byline_gotmpl_set_render_call (f->set, &f->page, text, "content/post.md", list, 0, result);
}

typedef struct
{
  const char *text;
  const char *expected;
} CallCase;

/* Renders @source with the bundle as its page and returns the result. */
static void
render_string (Fixture            *f,
               const char         *source,
               BylineGotmplResult *result)
{
  byline_gotmpl_set_render_string (f->set, "t.html", source, &f->page, &f->page, result);
}

/* Renders each case's text as an HTML template with the bundle as its
 * page, and compares the output. */
static void
render_cases (Fixture        *f,
              const CallCase *cases,
              guint           n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_auto(BylineGotmplResult) result = { 0 };

      render_string (f, cases[i].text, &result);
      if (result.status != BYLINE_GOTMPL_OK)
        g_error ("%s failed: %s", cases[i].text, result.message);
      g_assert_cmpstr (result.output, ==, cases[i].expected);
    }
}

static const CallCase call_cases[] = {
  /* .Get with a default, an escaped attribute, .Inner as template.HTML */
  { "{{< note type=\"warning\" title=\"T & C\" >}}Hello <b>x</b>{{< /note >}}",
    "<div class=\"note note-warning\" title=\"T &amp; C\">Hello <b>x</b></div>\n" },
  { "{{< note >}}x{{< /note >}}", "<div class=\"note note-info\">x</div>\n" },
  /* .Page.Resources.GetMatch, image size, markdownify of the caption */
  { "{{< figure src=\"photo.png\" alt=\"A photo\" caption=\"A *nice* photo\" >}}",
    "<figure><img src=\"/docs/blog/bundle/photo.png\" width=\"40\" height=\"20\" alt=\"A photo\">"
    "<figcaption>A <em>nice</em> photo</figcaption></figure>\n" },
  /* Nested calls: the inner calls run first with .Parent, whose Scratch
   * they fill; the outer call then reads it. */
  { "{{< tabs >}}{{< tab \"One\" >}}first{{< /tab >}}{{< tab \"Two\" >}}<i>second</i>{{< /tab >}}{{< /tabs >}}",
    "<ul><li data-i=\"0\">One: first</li><li data-i=\"1\">Two: <i>second</i></li></ul>\n" },
  /* Typed positional parameters, "" past the last one, nil for a name
   * asked of positional parameters (printed as nothing in HTML); the
   * legacy layouts/shortcodes/ folder. */
  { "{{< legacy \"a\" 2 3.5 true >}}", "legacy#0 false 4 string int float64 bool |\n" },
  /* A .md shortcode is a text template: a missing value prints as Go's
   * <no value>. */
  { "{{< md \"bold\" >}}", "**bold** <no value>\n" },
  /* i18n/en.yaml with plural forms and a message that is a template */
  { "{{< i18n >}}", "Hello / 1 item / 3 items / Welcome to Test Site / []\n" },
  { "{{< site >}}", "Test Site|https://example.org/docs/|Jane|janedoe|en-us|en|Ada,Grace,|/docs/|**BatMan**\n" },
  { "{{< page >}}",
    "Bundle|A page bundle|Ann|2023-09-29|Jan 2, 2024|blog|blog|page|blog/bundle/index.md|bundle|"
    "blog/bundle/|en|/docs/blog/bundle/|https://example.org/docs/blog/bundle/|true|false|1|photo.png|"
    "A &lt;b&gt;bold&lt;/b&gt; claim\n" },
};

static void
test_calls (Fixture       *f,
            gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (call_cases); i++)
    {
      g_auto(BylineGotmplResult) result = { 0 };

      render_first (f, call_cases[i].text, &result);
      if (result.status != BYLINE_GOTMPL_OK)
        g_error ("%s failed: %s", call_cases[i].text, result.message);
      g_assert_cmpstr (result.output, ==, call_cases[i].expected);
    }
}

static void
test_call_ordinal (Fixture       *f,
                   gconstpointer  data)
{
  const char *text = "{{< note >}}a{{< /note >}} and {{< legacy 1 >}}";
  g_autoptr(BylineShortcodeList) list = byline_shortcode_scan (text, 0, strlen (text), NULL);
  g_auto(BylineGotmplResult) result = { 0 };

  /* The legacy call is the second top-level call: ordinal 1. */
  g_assert_true (byline_gotmpl_set_render_call (f->set, &f->page, text, "post.md", list, 2, &result));
  g_assert_cmpstr (result.output, ==, "legacy#1 false 1 int string string string |\n");
}

static void
test_call_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(BylineGotmplResult) result = { 0 };
  g_auto(BylineGotmplResult) missing = { 0 };

  /* errorf fails the call with its message and where it was called. */
  render_first (f, "\n  {{< figure alt=\"x\" >}}", &result);
  g_assert_cmpint (result.status, ==, BYLINE_GOTMPL_ERROR);
  g_assert_cmpstr (result.message, ==, "figure: missing src at \"content/post.md:2:3\"");
  g_assert_true (g_str_has_suffix (result.file, "layouts/_shortcodes/figure.html"));
  g_assert_cmpuint (result.line, ==, 3);
  g_assert_cmpuint (result.messages->len, ==, 1);

  render_first (f, "{{< nothere >}}", &missing);
  g_assert_cmpint (missing.status, ==, BYLINE_GOTMPL_NOT_FOUND);
}

static void
test_partials (Fixture       *f,
               gconstpointer  data)
{
  static const CallCase cases[] = {
    /* A partial's output is template.HTML: not escaped again. */
    { "{{ partial \"card.html\" (dict \"title\" \"<T>\") }}", "<div class=\"card\">&lt;T&gt;</div>" },
    { "{{ partial \"card\" (dict \"title\" \"x\") }}", "<div class=\"card\">x</div>" },
    /* return gives the partial's value. */
    { "{{ $s := partial \"sum.html\" (dict \"a\" 1 \"b\" 2) }}{{ printf \"%T %v\" $s $s }}", "int 3" },
    { "{{ resources.Get \"images/logo.png\" | printf \"%v\" }} {{ with resources.Get \"images/logo.png\" }}{{ .Width }}x{{ .Height }} {{ .MediaType }} {{ (.Resize \"4x\").Height }} {{ (.Fit \"100x1\").Width }}{{ end }}",
      "/docs/images/logo.png 8x4 image/png 2 2" },
    /* Filters (gohugo.io/functions/images/filter/): the preview shows the
     * picture as it is, at its size. */
    { "{{ with resources.Get \"images/logo.png\" }}{{ with images.Filter images.Grayscale (images.Process \"resize 4x\") . }}{{ .Width }}x{{ .Height }} {{ .RelPermalink }}{{ end }}{{ end }}",
      "8x4 /docs/images/logo.png" },
    { "{{ (images.Config \"assets/images/logo.png\").Width }} {{ fileExists \"files/README.txt\" }} {{ fileExists \"nope\" }}",
      "8 true false" },
    { "{{ readFile \"../../etc/passwd\" }}", NULL },
    /* Inline partials, defined in the calling template (Hugo's
     * "partials/inline/…" convention; gohugo.io's img.html uses
     * "_partials/inline/get-resource.html"). */
    { "{{ partial \"inline/x.html\" 2 }}{{ define \"_partials/inline/x.html\" }}{{ return add . 1 }}{{ end }}", "3" },
    { "{{ partial \"inline/y.html\" \"<b>\" }}{{ define \"partials/inline/y.html\" }}<i>{{ . }}</i>{{ end }}",
      "<i>&lt;b&gt;</i>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(BylineGotmplResult) result = { 0 };

      byline_gotmpl_set_render_string (f->set, "t.html", cases[i].text, &f->page, &f->page, &result);
      if (cases[i].expected == NULL)
        {
          g_assert_cmpint (result.status, ==, BYLINE_GOTMPL_ERROR);
          continue;
        }
      if (result.status != BYLINE_GOTMPL_OK)
        g_error ("%s failed: %s", cases[i].text, result.message);
      g_assert_cmpstr (result.output, ==, cases[i].expected);
    }
}

/* Lists of pages and try, over the fixture site (content/blog/: the
 * bundle, dated 2023-09-29, and hugo-rocks.md, titled "**BatMan**" with
 * no date; blog/ has no _index.md, a section all the same; content/docs/
 * with two sections and four regular pages, for .Content):
 * gohugo.io/methods/page/regularpages/ (the section's regular pages),
 * /methods/page/pages/ (its regular pages and sections), /methods/page/
 * sections/, /methods/site/regularpages/; /methods/pages/bytitle/;
 * Hugo's default sort (weight, then date, newest first: /templates/
 * lists/#default-sort); /functions/hugo/goversion/ ("go1.21.1": the
 * version of Go Hugo was built with); /functions/go-template/try/ (.Err
 * is the error, nil without one, .Value the value). */
static void
test_page_lists (Fixture       *f,
                 gconstpointer  data)
{
  static const CallCase cases[] = {
    { "{{ range (site.GetPage \"/blog\").RegularPages }}{{ .Title }};{{ end }}",
      "Bundle;**BatMan**;" },
    { "{{ range (site.GetPage \"/blog\").RegularPages.ByTitle }}{{ .Title }};{{ end }}",
      "**BatMan**;Bundle;" },
    { "{{ range (site.GetPage \"/blog\").Pages.ByTitle.Reverse }}{{ .Path }};{{ end }}",
      "/blog/bundle;/blog/hugo-rocks;" },
    { "{{ with site.GetPage \"/blog\" }}{{ .Kind }} {{ .Path }} {{ .RegularPages.Len }}{{ end }}",
      "section /blog 2" },
    { "{{ range site.Home.Sections }}{{ .Path }};{{ end }}", "/blog;/docs;" },
    { "{{ len site.Sections }} {{ len site.RegularPages }} {{ printf \"%T\" site.RegularPages }}",
      "2 6 page.Pages" },
    /* A regular page lists nothing. */
    { "{{ len (site.GetPage \"/blog/bundle\").RegularPages }}{{ with .Pages }}x{{ end }}", "0" },
    /* A page prints as Page(path), as its String method says
     * (hugolib/page.go, pageState.String); the site's render-link hooks
     * use it in their messages. */
    { "{{ site.GetPage \"/docs/ping\" }} {{ (site.GetPage \"/blog/bundle\").String }}",
      "Page(/docs/ping) Page(/blog/bundle)" },
    { "{{ hugo.GoVersion | strings.ReplaceRE `go(\\d+\\.\\d+)\\..*` `$1.0` }}", "1.24.0" },
    { "{{ with try (add 1 2) }}{{ .Value }} {{ if .Err }}error{{ else }}no error{{ end }}{{ end }}",
      "3 no error" },
    /* Hugo's div: "can't divide the value by 0" (tpl/math). */
    { "{{ with try (div 1 0) }}{{ with .Err }}caught: {{ . }}{{ else }}no{{ end }}{{ end }}",
      "caught: error calling div: can&#39;t divide the value by 0" },
  };

  render_cases (f, cases, G_N_ELEMENTS (cases));

  /* What the preview lacks is not an error try catches. */
  {
    g_auto(BylineGotmplResult) result = { 0 };

    byline_gotmpl_set_render_string (f->set, "t.html",
                                     "{{ with try (resources.GetRemote \"https://x\") }}{{ .Err }}{{ end }}",
                                     &f->page, &f->page, &result);
    g_assert_cmpint (result.status, ==, BYLINE_GOTMPL_UNSUPPORTED);
  }
}


/* Page.Content (gohugo.io/methods/page/content/): the page's Markdown
 * with its shortcodes, as Goldmark writes it with Hugo's defaults (a
 * heading's id from its text; hugolib/page__content.go): a {{< >}} call's
 * output where its placeholder was, the placeholder's paragraph dropped
 * when it stands alone (expandShortcodeTokens); a {{% %}} call's output
 * read as Markdown; an escaped call as text; the summary divider taken
 * out, the content then trimmed (HtmlSummary.Content). Plain, WordCount,
 * ReadingTime as page__content.go's contentPlain counts them. */
static void
test_content (Fixture       *f,
              gconstpointer  data)
{
  static const CallCase cases[] = {
    { "{{ (site.GetPage \"/docs/basics\").Content }}",
      "<h2 id=\"first-steps\">First steps</h2>\n"
      "<p>Read <em>this</em> first, <div class=\"note note-tip\">inline</div>\n then:</p>\n"
      "<div class=\"note note-tip\">Mind the gap</div>\n\n"
      "<p><em>LOUD</em>\nand {{&lt; note &gt;}}</p>\n" },
    { "{{ printf \"%T\" (site.GetPage \"/docs/basics\").Content }}", "template.HTML" },
    /* Rendered once: the same page's shortcodes do not run again. */
    { "{{ $p := site.GetPage \"/docs/advanced\" }}{{ $p.Content }}|{{ $p.Content }}|{{ $p.Scratch.Get \"n\" }}",
      "<p>Intro.</p>\n<p>Rest, 1 2.</p>|<p>Intro.</p>\n<p>Rest, 1 2.</p>|2" },
    { "{{ with site.GetPage \"/docs/basics\" }}{{ .Plain }}|{{ .WordCount }} {{ .FuzzyWordCount }} {{ .ReadingTime }} {{ len .PlainWords }}{{ end }}",
      "First steps Read this first, inline then:\nMind the gap LOUD and {{&amp;lt; note &amp;gt;}}\n"
      "|15 100 1 15" },
    /* A regular page; a section whose _index.md has no body; one
     * without an _index.md. */
    { "{{ (site.GetPage \"/docs/basics/start\").Content }}|{{ (site.GetPage \"/docs\").Content }}|"
      "{{ (site.GetPage \"/blog\").Content }}|",
      "<p>Start here.</p>\n<h2 id=\"install\">Install</h2>\n<h3 id=\"os\">Linux</h3>\n"
      "<h3 id=\"install-1\">Install</h3>\n<h2 id=\"os\">Use</h2>\n"
      "<h4 id=\"deep-dive\">Deep dive</h4>\n|||" },
  };

  render_cases (f, cases, G_N_ELEMENTS (cases));
}

/* Page.Fragments (gohugo.io/methods/page/fragments/), over docs/basics/
 * start.md: headings "Install" (h2), "Linux {#os}" (h3), "Install" (h3),
 * "Use {#os}" (h2), "Deep dive" (h4). The ids are the ones Goldmark
 * writes (a repeated text gets -1, markup/goldmark/autoid.go); an id
 * written twice is given twice, so Identifiers holds it twice (idFactory.
 * put keeps duplicates) and Count says 2 (collections.SortedStringSlice,
 * common/collections/slice.go), sorted (Builder.SetIdentifiers). The
 * headings nest as Builder.AddAt puts them (markup/tableofcontents/
 * tableofcontents.go): the first heading starts row 0, an empty heading
 * heads the row, an h4 under an h2 hangs under an empty h3; HeadingsMap
 * keeps the last heading walked for an id; ToHTML writes tocBuilder's
 * HTML, levels 2 to 3 here. */
static void
test_fragments (Fixture       *f,
                gconstpointer  data)
{
  static const CallCase cases[] = {
    { "{{ with site.GetPage \"/docs/basics/start\" }}{{ delimit .Fragments.Identifiers \",\" }} "
      "{{ printf \"%T %T\" .Fragments .Fragments.Identifiers }}{{ end }}",
      "deep-dive,install,install-1,os,os "
      "*tableofcontents.Fragments collections.SortedStringSlice" },
    { "{{ with (site.GetPage \"/docs/basics/start\").Fragments.Identifiers }}"
      "{{ .Contains \"install-1\" }} {{ .Contains \"nope\" }} {{ .Count \"os\" }} "
      "{{ .Count \"install\" }} {{ .Count \"nope\" }}{{ end }}",
      "true false 2 1 0" },
    { "{{ with (site.GetPage \"/docs/basics/start\").Fragments.HeadingsMap }}"
      "{{ with index . \"os\" }}{{ .ID }} {{ .Level }} {{ .Title }}{{ end }}|"
      "{{ .install.Title }} {{ .install.Level }}|{{ len . }}{{ end }}",
      "os 2 Use|Install 2|4" },
    /* The empty heading is false to if and with (Heading.IsZero, which
     * Hugo's templates ask: common/hreflect IsTruthfulValue). */
    { "{{ $h := index (site.GetPage \"/docs/basics/start\").Fragments.Headings 0 }}"
      "[{{ $h.ID }}|{{ $h.Level }}|{{ $h.IsZero }}|{{ if $h }}yes{{ else }}no{{ end }}]"
      "{{ range $h.Headings }}{{ .ID }}:{{ .Level }}({{ range .Headings }}{{ .ID }}"
      "{{ range .Headings }}({{ .ID }}:{{ .Level }}){{ end }},{{ end }});{{ end }}",
      "[|0|true|no]install:2(os,install-1,);os:2((deep-dive:4),);" },
    { "{{ (site.GetPage \"/docs/basics/start\").Fragments.ToHTML 2 3 false }}",
      "<nav id=\"TableOfContents\">\n"
      "  <ul>\n"
      "    <li><a href=\"#install\">Install</a>\n"
      "      <ul>\n"
      "        <li><a href=\"#os\">Linux</a></li>\n"
      "        <li><a href=\"#install-1\">Install</a></li>\n"
      "      </ul>\n"
      "    </li>\n"
      "    <li><a href=\"#os\">Use</a>\n"
      "      <ul>\n"
      "        <li></li>\n"
      "      </ul>\n"
      "    </li>\n"
      "  </ul>\n"
      "</nav>" },
    /* A page without headings has none (tableofcontents.Empty). */
    { "{{ with (site.GetPage \"/docs/advanced\").Fragments }}"
      "{{ len .Identifiers }} {{ len .Headings }} "
      "{{ len .HeadingsMap }}{{ end }}",
      "0 0 0" },
  };

  render_cases (f, cases, G_N_ELEMENTS (cases));
}

/* gohugo.io's quick-reference.html: a section's child sections, each
 * with its content. */
static void
test_content_sections (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(BylineGotmplResult) result = { 0 };

  render_first (f, "{{% sections section=\"/docs\" %}}", &result);
  if (result.status != BYLINE_GOTMPL_OK)
    g_error ("sections failed: %s", result.message);
  g_assert_cmpstr (result.output, ==,
                   "\n## basics\n"
                   "<h2 id=\"first-steps\">First steps</h2>\n"
                   "<p>Read <em>this</em> first, <div class=\"note note-tip\">inline</div>\n then:</p>\n"
                   "<div class=\"note note-tip\">Mind the gap</div>\n\n"
                   "<p><em>LOUD</em>\nand {{&lt; note &gt;}}</p>\n\n"
                   "## Advanced\n"
                   "<p>Intro.</p>\n<p>Rest, 1 2.</p>\n");
}

/* A page whose content asks for itself, through one of its shortcodes or
 * through another page, fails with a template error (Hugo waits for the
 * content it is rendering until it times out). */
static void
test_content_recursion (Fixture       *f,
                        gconstpointer  data)
{
  static const struct
  {
    const char *source;
    const char *message;
  } cases[] = {
    { "{{ (site.GetPage \"/docs/self\").Content }}", "the content of /docs/self includes itself" },
    { "{{ (site.GetPage \"/docs/ping\").Content }}", "the content of /docs/ping includes itself" },
    /* The page the execution renders. */
    { "{{ .Content }}", "the content of /blog/bundle includes itself" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(BylineGotmplResult) result = { 0 };

      render_string (f, cases[i].source, &result);
      g_assert_cmpint (result.status, ==, BYLINE_GOTMPL_ERROR);
      g_assert_null (result.output);
      if (!g_str_has_suffix (result.message, cases[i].message))
        g_error ("%s: %s", cases[i].source, result.message);
    }
}

/* What a site's pages may hold: bytes that are not UTF-8 (read as
 * U+FFFD), more text than the step budget pays Goldmark for, a template
 * that runs into a limit, pages that include each other's content deeper
 * than the preview follows, shortcodes the engine has no template for.
 * None hangs or crashes; each fails as what it is. */
static void
test_content_hostile (void)
{
  g_autofree char *root = g_dir_make_tmp ("byline-gotmpl-content-XXXXXX", NULL);
  g_autoptr(GString) big = g_string_new ("---\ntitle: Big\n---\n");
  g_autoptr(GString) heads = g_string_new (NULL);
  g_autoptr(BylineGotmplEnv) env = NULL;
  g_autoptr(BylineGotmplSet) set = NULL;
  BylineGotmplLimits limits = { 20000, 16, 1024 * 1024 };
  static const struct
  {
    const char         *source;
    BylineGotmplStatus  status;
    const char         *expected;   /* the output, or the end of the message */
  } cases[] = {
    { "{{ (site.GetPage \"/bad\").Content }}", BYLINE_GOTMPL_OK,
      "<p>\xef\xbf\xbd <em>a</em> \xef\xbf\xbd</p>\n" },
    { "{{ (site.GetPage \"/big\").Content }}", BYLINE_GOTMPL_LIMIT, NULL },
    { "{{ (site.GetPage \"/loop\").Content }}", BYLINE_GOTMPL_LIMIT, NULL },
    { "{{ (site.GetPage \"/p0\").Content }}", BYLINE_GOTMPL_ERROR,
      "error calling Content: pages include each other's content too deeply" },
    /* Hugo's own shortcodes are the renderer's: what the engine lacks;
     * one that Hugo lacks too fails Hugo's build. */
    { "{{ (site.GetPage \"/builtin\").Content }}", BYLINE_GOTMPL_UNSUPPORTED,
      "“{{< highlight >}} in .Content” is not supported by the preview" },
    { "{{ (site.GetPage \"/unknown\").Content }}", BYLINE_GOTMPL_ERROR,
      "error calling Content: The site has no template for the shortcode “nope”" },
    /* Page.Fragments: of a page whose shortcode asks for the page's own
     * fragments; of a heading that is not UTF-8 (U+FFFD is dropped from
     * the id, the space kept as "-": sanitizeAnchorNameWithHook in
     * markup/goldmark/autoid.go); of many equal headings,
     * each id -N as Goldmark gives them; of more text than the budget. */
    { "{{ (site.GetPage \"/tocself\").Fragments }}", BYLINE_GOTMPL_ERROR,
      "error calling Fragments: the content of /tocself includes itself" },
    { "{{ range (site.GetPage \"/badhead\").Fragments.Headings }}{{ .ID }}={{ .Title }}{{ end }}",
      BYLINE_GOTMPL_OK, "-x=\xef\xbf\xbd x" },
    { "{{ with (site.GetPage \"/heads\").Fragments.Identifiers }}{{ len . }} {{ .Count \"same\" }} "
      "{{ .Contains \"same-4999\" }} {{ .Contains \"same-5000\" }}{{ end }}",
      BYLINE_GOTMPL_OK, "5000 1 true false" },
    { "{{ (site.GetPage \"/big\").Fragments }}", BYLINE_GOTMPL_LIMIT, NULL },
  };

  byline_test_write_file (root, "hugo.yaml", "title: Hostile\n", -1);
  byline_test_write_file (root, "content/bad.md", "---\ntitle: Bad\n---\n\xff *a* \xc3\n", -1);
  byline_test_write_file (root, "content/badhead.md", "# \xff x\n", -1);
  for (guint i = 0; i < 5000; i++)
    g_string_append (heads, "## Same\n\n");
  byline_test_write_file (root, "content/heads.md", heads->str, heads->len);
  byline_test_write_file (root, "layouts/_shortcodes/toc.html",
                          "{{ (site.GetPage (.Get 0)).Fragments.ToHTML 2 3 false }}", -1);
  byline_test_write_file (root, "content/tocself.md", "{{< toc \"/tocself\" >}}\n\n## A\n", -1);
  for (guint i = 0; i < 20000; i++)
    g_string_append (big, "Some words of text.\n");
  byline_test_write_file (root, "content/big.md", big->str, big->len);
  byline_test_write_file (root, "layouts/_partials/loop.html", "{{ partial \"loop.html\" . }}", -1);
  byline_test_write_file (root, "layouts/_shortcodes/loop.html", "{{ partial \"loop.html\" . }}", -1);
  byline_test_write_file (root, "content/loop.md", "{{< loop >}}\n", -1);
  byline_test_write_file (root, "layouts/_shortcodes/content.html",
                          "{{ (site.GetPage (.Get 0)).Content }}", -1);
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("content/p%u.md", i);
      g_autofree char *text = g_strdup_printf ("{{< content \"/p%u\" >}}\n", i + 1);

      byline_test_write_file (root, name, text, -1);
    }
  byline_test_write_file (root, "content/p10.md", "End.\n", -1);
  byline_test_write_file (root, "content/builtin.md", "{{< highlight go >}}x{{< /highlight >}}\n", -1);
  byline_test_write_file (root, "content/unknown.md", "{{< nope >}}\n", -1);

  env = byline_gotmpl_site_env_new_for_root (root);
  set = byline_gotmpl_set_new (env);
  byline_gotmpl_set_set_limits (set, &limits);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(BylineGotmplResult) result = { 0 };

      byline_gotmpl_set_render_string (set, "t.html", cases[i].source, NULL, NULL, &result);
      if (result.status != cases[i].status)
        g_error ("%s: status %d (%s)", cases[i].source, result.status, result.message);
      if (cases[i].status == BYLINE_GOTMPL_OK)
        g_assert_cmpstr (result.output, ==, cases[i].expected);
      else if (cases[i].expected != NULL && !g_str_has_suffix (result.message, cases[i].expected))
        g_error ("%s: %s", cases[i].source, result.message);
    }

  byline_test_remove_tree (root);
}

static void
test_limits (Fixture       *f,
             gconstpointer  data)
{
  BylineGotmplLimits limits = { 10000, 16, 1000 };
  static const char * const sources[] = {
    "{{ range 100000000 }}{{ end }}",
    "{{ define \"r\" }}{{ template \"r\" . }}{{ end }}{{ template \"r\" . }}",
    "{{ range 1000 }}xxxxxxxxxx{{ end }}",
    "{{ partial \"loop.html\" . }}",
    "{{ strings.Repeat 100000000 \"x\" }}",
  };

  byline_gotmpl_set_set_limits (f->set, &limits);
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_auto(BylineGotmplResult) result = { 0 };

      byline_gotmpl_set_render_string (f->set, "t.html", sources[i], NULL, NULL, &result);
      if (result.status != BYLINE_GOTMPL_LIMIT && result.status != BYLINE_GOTMPL_ERROR)
        g_error ("%s: status %d, wanted a limit", sources[i], result.status);
      g_assert_null (result.output);
      g_assert_nonnull (result.message);
    }
}

typedef struct
{
  const char *source;
  const char *params;   /* name[=default][!] ; positional as #N */
  gboolean    uses_inner;
  const char *unsupported;
} AnalysisCase;

static const AnalysisCase analysis_cases[] = {
  { "{{ $type := .Get \"type\" | default \"info\" }}{{ with .Get \"title\" }}{{ . }}{{ end }}{{ .Inner }}",
    "type=info title", TRUE, "" },
  { "{{ $src := .Get \"src\" }}{{ if not $src }}{{ errorf \"no src\" }}{{ end }}{{ .Get \"alt\" }}",
    "src! alt", FALSE, "" },
  { "{{ with .Get \"id\" }}{{ . }}{{ else }}{{ errorf \"id?\" }}{{ end }}", "id!", FALSE, "" },
  { "{{ .Get 0 }} {{ $.Get 1 | default 5 }} {{ default \"x\" (.Get \"w\") }} {{ .Params.h }}",
    "#0 #1=5 w=x h", FALSE, "" },
  { "{{ if eq (.Get \"k\") \"\" }}{{ errorf \"k\" }}{{ end }}{{ index .Params \"z\" }}{{ .InnerDeindent }}",
    "k! z", TRUE, "" },
  { "{{ emojify .Inner }}{{ strings.Diff 1 2 3 4 }}{{ notafunction }}", "", TRUE,
    "emojify strings.Diff notafunction" },
};

static char *
describe_params (BylineGotmplShortcodeInfo *info)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < info->params->len; i++)
    {
      BylineGotmplParamInfo *p = g_ptr_array_index (info->params, i);

      if (i > 0)
        g_string_append_c (s, ' ');
      if (p->name != NULL)
        g_string_append (s, p->name);
      else
        g_string_append_printf (s, "#%d", p->position);
      if (p->default_value != NULL)
        g_string_append_printf (s, "=%s", p->default_value);
      if (p->required)
        g_string_append_c (s, '!');
    }
  return g_string_free (s, FALSE);
}

static void
test_analysis (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (analysis_cases); i++)
    {
      const AnalysisCase *c = &analysis_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineGotmplShortcodeInfo) info = byline_gotmpl_analyze_source ("t.html", c->source, &error);
      g_autofree char *params = NULL;
      g_autofree char *unsupported = NULL;

      g_assert_no_error (error);
      params = describe_params (info);
      g_assert_cmpstr (params, ==, c->params);
      g_assert_cmpint (info->uses_inner, ==, c->uses_inner);
      g_ptr_array_add (info->unsupported, NULL);
      unsupported = g_strjoinv (" ", (char **) info->unsupported->pdata);
      g_ptr_array_remove_index (info->unsupported, info->unsupported->len - 1);
      g_assert_cmpstr (unsupported, ==, c->unsupported);
    }
}

/* Names worked out at run time: any parameter may be read. */
static void
test_analysis_dynamic (void)
{
  static const struct
  {
    const char *source;
    gboolean    reads_all;
  } cases[] = {
    { "{{ .Get \"a\" }}{{ .Get 0 }}{{ index .Params \"b\" }}{{ partial \"p.html\" . }}", FALSE },
    { "{{ .Params }}", TRUE },
    { "{{ $k := \"a\" }}{{ .Get $k }}", TRUE },
    { "{{ range slice \"a\" \"b\" }}{{ index $.Params . }}{{ end }}", TRUE },
    { "{{ $p := printf \"%s.html\" (.Get \"kind\") }}{{ partial $p . }}", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineGotmplShortcodeInfo) info =
        byline_gotmpl_analyze_source ("t.html", cases[i].source, &error);

      g_assert_no_error (error);
      g_assert_cmpint (info->reads_all_params, ==, cases[i].reads_all);
    }
}

static void
test_analysis_site (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineGotmplShortcodeInfo) info = byline_gotmpl_set_analyze_shortcode (f->set, "figure", &error);
  g_autoptr(BylineGotmplShortcodeInfo) none = NULL;
  g_autofree char *params = NULL;

  g_assert_no_error (error);
  params = describe_params (info);
  g_assert_cmpstr (params, ==, "src! alt caption");
  g_assert_false (info->uses_inner);

  none = byline_gotmpl_set_analyze_shortcode (f->set, "nothere", &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_invalidate (void)
{
  g_autofree char *dir = g_dir_make_tmp ("byline-gotmpl-XXXXXX", NULL);
  g_autofree char *layouts = g_build_filename (dir, "layouts", "_shortcodes", NULL);
  g_autofree char *path = g_build_filename (layouts, "x.html", NULL);
  g_autoptr(BylineGotmplEnv) env = NULL;
  g_autoptr(BylineGotmplSet) set = NULL;
  g_auto(BylineGotmplValue) sc = byline_gotmpl_shortcode_new ("x", NULL, NULL, NULL, NULL, NULL, 0,
                                                              "p.md", 1, 1);
  g_auto(BylineGotmplResult) first = { 0 };
  g_auto(BylineGotmplResult) cached = { 0 };
  g_auto(BylineGotmplResult) fresh = { 0 };

  g_mkdir_with_parents (layouts, 0755);
  g_file_set_contents (path, "one", -1, NULL);
  /* The site's list of templates is read with the site. */
  env = byline_gotmpl_site_env_new_for_root (dir);
  set = byline_gotmpl_set_new (env);
  byline_gotmpl_set_render_shortcode (set, "x", &sc, &first);
  g_assert_cmpstr (first.output, ==, "one");
  /* Parsed once: within one generation (a render) a change is seen only
   * after invalidate; the next generation checks the file again. */
  g_file_set_contents (path, "two", -1, NULL);
  byline_gotmpl_set_render_shortcode (set, "x", &sc, &cached);
  g_assert_cmpstr (cached.output, ==, "one");
  byline_gotmpl_set_invalidate (set, path);
  byline_gotmpl_set_render_shortcode (set, "x", &sc, &fresh);
  g_assert_cmpstr (fresh.output, ==, "two");
  g_assert_cmpuint (byline_gotmpl_set_get_n_parsed (set), ==, 2);
  g_file_set_contents (path, "three", -1, NULL);
  byline_gotmpl_set_revalidate (set);
  byline_gotmpl_result_clear (&fresh);
  byline_gotmpl_set_render_shortcode (set, "x", &sc, &fresh);
  g_assert_cmpstr (fresh.output, ==, "three");
  /* Unchanged: not parsed again. */
  byline_gotmpl_set_revalidate (set);
  byline_gotmpl_result_clear (&fresh);
  byline_gotmpl_set_render_shortcode (set, "x", &sc, &fresh);
  g_assert_cmpstr (fresh.output, ==, "three");
  g_assert_cmpuint (byline_gotmpl_set_get_n_parsed (set), ==, 3);

  g_remove (path);
  g_rmdir (layouts);
  {
    g_autofree char *l = g_path_get_dirname (layouts);

    g_rmdir (l);
  }
  g_rmdir (dir);
}

/* Analyses the post at @root/@relative with its site, as a window does
 * (the site looked up when *@site is NULL, as a window opening the post
 * does, else the one it keeps), and returns its HTML. */
static char *
analyse (const char  *root,
         const char  *relative,
         BylineSite **site_inout)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  BylineSite *site = *site_inout != NULL ? *site_inout : byline_site_lookup (file, NULL);
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(BylineBundle) bundle = byline_bundle_new (file);
  g_autoptr(BylineAnalysisContext) context = NULL;
  g_autoptr(BylineAnalysis) analysis = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  context = byline_analysis_context_new (profile, site, bundle, NULL, NULL);
  analysis = byline_analysis_new (context, text, -1, 0, 0);
  *site_inout = site;
  return byline_rendering_get_html (byline_analysis_get_rendering (analysis));
}

/* Two posts of one site, each looked up on its own as two windows do,
 * share one parsed set; an edited layout file shows in the next analysis,
 * read again once. */
static void
test_shared_per_site (void)
{
  g_autofree char *root = g_dir_make_tmp ("byline-gotmpl-shared-XXXXXX", NULL);
  g_autofree char *layout = g_build_filename (root, "layouts", "_shortcodes", "x.html", NULL);
  g_autoptr(BylineSite) site_a = NULL;
  g_autoptr(BylineSite) site_b = NULL;
  g_autoptr(BylineGotmplSet) set_a = NULL;
  g_autoptr(BylineGotmplSet) set_b = NULL;
  g_autofree char *html_a = NULL;
  g_autofree char *html_b = NULL;
  g_autofree char *html_c = NULL;
  guint parsed;

  byline_test_write_file (root, "hugo.yaml", "title: Shared\n", -1);
  byline_test_write_file (root, "layouts/_shortcodes/x.html", "<b>one</b>", -1);
  byline_test_write_file (root, "content/blog/a/index.md", "---\ntitle: A\n---\n{{< x >}}\n", -1);
  byline_test_write_file (root, "content/blog/b.md", "---\ntitle: B\n---\n{{< x >}}\n", -1);

  html_a = analyse (root, "content/blog/a/index.md", &site_a);
  html_b = analyse (root, "content/blog/b.md", &site_b);
  g_assert_nonnull (strstr (html_a, "<b>one</b>"));
  g_assert_nonnull (strstr (html_b, "<b>one</b>"));
  g_assert_true (site_a != site_b);
  set_a = byline_gotmpl_site_env_dup_set (site_a);
  set_b = byline_gotmpl_site_env_dup_set (site_b);
  g_assert_true (set_a == set_b);
  parsed = byline_gotmpl_set_get_n_parsed (set_a);
  g_assert_cmpuint (parsed, ==, 1);

  /* The window of post a, after the layout file was saved. */
  g_assert_true (g_file_set_contents (layout, "<i>two</i>", -1, NULL));
  html_c = analyse (root, "content/blog/a/index.md", &site_a);
  g_assert_nonnull (strstr (html_c, "<i>two</i>"));
  g_assert_cmpuint (byline_gotmpl_set_get_n_parsed (set_a), ==, parsed + 1);

  byline_test_remove_tree (root);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/gotmpl/site/calls", Fixture, NULL, fixture_setup, test_calls, fixture_teardown);
  g_test_add ("/gotmpl/site/ordinal", Fixture, NULL, fixture_setup, test_call_ordinal,
              fixture_teardown);
  g_test_add ("/gotmpl/site/errors", Fixture, NULL, fixture_setup, test_call_errors,
              fixture_teardown);
  g_test_add ("/gotmpl/site/partials", Fixture, NULL, fixture_setup, test_partials, fixture_teardown);
  g_test_add ("/gotmpl/site/limits", Fixture, NULL, fixture_setup, test_limits, fixture_teardown);
  g_test_add ("/gotmpl/site/content", Fixture, NULL, fixture_setup, test_content, fixture_teardown);
  g_test_add ("/gotmpl/site/content-sections", Fixture, NULL, fixture_setup, test_content_sections,
              fixture_teardown);
  g_test_add ("/gotmpl/site/fragments", Fixture, NULL, fixture_setup, test_fragments,
              fixture_teardown);
  g_test_add ("/gotmpl/site/content-recursion", Fixture, NULL, fixture_setup,
              test_content_recursion, fixture_teardown);
  g_test_add ("/gotmpl/site/page-lists", Fixture, NULL, fixture_setup, test_page_lists,
              fixture_teardown);
  g_test_add ("/gotmpl/site/analysis-site", Fixture, NULL, fixture_setup, test_analysis_site,
              fixture_teardown);
  g_test_add_func ("/gotmpl/site/content-hostile", test_content_hostile);
  g_test_add_func ("/gotmpl/site/analysis", test_analysis);
  g_test_add_func ("/gotmpl/site/analysis-dynamic", test_analysis_dynamic);
  g_test_add_func ("/gotmpl/site/invalidate", test_invalidate);
  g_test_add_func ("/gotmpl/site/shared-per-site", test_shared_per_site);

  return g_test_run ();
}
