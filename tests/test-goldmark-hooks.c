/* test-goldmark-hooks.c — render hooks as C callbacks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each callback does what the hook template of a Hugo test does
 * (gohugoio/hugo @ 7b5199f, paths under markup/goldmark/ unless said
 * otherwise), and the test checks what that Hugo test checks; Go templates
 * range over maps in key order and print them as map[k:v …].
 */

#include "config.h"

#include "goldmark-test-util.h"

static char *
render (const char             *words,
        const char             *markdown,
        BylineGoldmarkHookKind  kind,
        BylineGoldmarkHookFunc  func,
        gpointer                data)
{
  g_autoptr(BylineGoldmarkSettings) settings = test_settings (words);
  cmark_parser *parser = byline_goldmark_parser_new (settings);
  g_autoptr(BylineGoldmark) writer = NULL;
  GString *out = g_string_new (NULL);
  cmark_node *document;

  cmark_parser_feed (parser, markdown, strlen (markdown));
  document = cmark_parser_finish (parser);
  cmark_parser_free (parser);

  writer = byline_goldmark_new (settings, document, markdown, strlen (markdown));
  byline_goldmark_set_hook (writer, kind, func, data);
  byline_goldmark_render_document (writer, out);
  g_clear_pointer (&writer, byline_goldmark_free);
  cmark_node_free (document);

  return g_string_free (out, FALSE);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const BylineGoldmarkAttribute *) a)->name,
                 ((const BylineGoldmarkAttribute *) b)->name);
}

/* {{ .Attributes }} */
static void
append_map (GString                       *out,
            const BylineGoldmarkAttribute *attributes,
            guint                          n)
{
  g_autofree BylineGoldmarkAttribute *sorted = g_memdup2 (attributes, n * sizeof *attributes);

  if (n > 1)
    qsort (sorted, n, sizeof *sorted, compare_names);
  g_string_append (out, "map[");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%s:%s", i > 0 ? " " : "", sorted[i].name, sorted[i].value);
  g_string_append_c (out, ']');
}

static const char *
attribute (const BylineGoldmarkHookContext *context,
           const char                      *name)
{
  for (guint i = 0; i < context->n_attributes; i++)
    if (strcmp (context->attributes[i].name, name) == 0)
      return context->attributes[i].value;

  return "";
}

/* goldmark_integration_test.go TestLinkifyProtocol: <a href="{{ .Destination
 * | safeURL }}">{{ .Text }}</a> */
static gboolean
link_hook_cb (const BylineGoldmarkHookContext *context,
              GString                         *out,
              gpointer                         user_data)
{
  g_string_append_printf (out, "<a href=\"%s\">%s</a>", context->destination, context->text);
  return TRUE;
}

static void
test_link (void)
{
  static const char markdown[] =
    "Link no procol: www.example.org\nLink http procol: http://www.example.org\n"
    "Link https procol: https://www.example.org\n";
  g_autofree char *html = render (NULL, markdown, BYLINE_GOLDMARK_HOOK_LINK, link_hook_cb, NULL);

  assert_content (html,
                  "Link no procol: <a href=\"https://www.example.org\">www.example.org</a>\n"
                  "Link http procol: <a href=\"http://www.example.org\">"
                  "http://www.example.org</a>\n"
                  "Link https procol: <a href=\"https://www.example.org\">"
                  "https://www.example.org</a></p>",
                  "TestLinkifyProtocol with hook");
}

/* TestAttributeExclusionWithRenderHook: <h{{ .Level }}{{ range $k, $v :=
 * .Attributes }} {{ printf "%s=%q" $k $v }}{{ end }}>{{ .Text }}</h{{ .Level }}>,
 * then the anchor, plain text and ordinal. */
static gboolean
heading_hook_cb (const BylineGoldmarkHookContext *context,
                 GString                         *out,
                 gpointer                         user_data)
{
  g_autofree BylineGoldmarkAttribute *sorted =
    g_memdup2 (context->attributes, context->n_attributes * sizeof *context->attributes);

  if (context->n_attributes > 1)
    qsort (sorted, context->n_attributes, sizeof *sorted, compare_names);
  g_string_append_printf (out, "<h%d", context->level);
  for (guint i = 0; i < context->n_attributes; i++)
    g_string_append_printf (out, " %s=\"%s\"", sorted[i].name, sorted[i].value);
  g_string_append_printf (out, ">%s</h%d>|%s|%s|%u", context->text, context->level,
                          context->anchor, context->plain_text, context->ordinal);
  return TRUE;
}

static void
test_heading (void)
{
  g_autofree char *html = render (NULL,
                                  "## Heading {onclick=\"alert('renderhook')\" "
                                  "data-foo=\"bar\"}\n\n# *Second* `one`\n",
                                  BYLINE_GOLDMARK_HOOK_HEADING, heading_hook_cb, NULL);
  g_autofree char *escaping = render (NULL,
                                      "## Heading Attribute Which Needs Escaping "
                                      "{ class=\"Smith & Wesson\" }\n",
                                      BYLINE_GOLDMARK_HOOK_HEADING, heading_hook_cb, NULL);

  /* goldmark_integration_test.go TestAttributeExclusionWithRenderHook; the
   * rest (anchor, plain text, ordinal) from render_hooks.go renderHeading. */
  g_assert_cmpstr (html, ==,
                   "<h2 data-foo=\"bar\" id=\"heading\">Heading</h2>|heading|Heading|0"
                   "<h1 id=\"second-one\"><em>Second</em> <code>one</code></h1>"
                   "|second-one|Second one|1");
  /* TestAttributesHookNoEscape: hooks get the values as written. */
  assert_content (escaping,
                  "class=\"Smith & Wesson\" id=\"heading-attribute-which-needs-escaping\"",
                  "TestAttributesHookNoEscape");
}

/* images/images_integration_test.go TestDisableWrapStandAloneImageWithinParagraph */
static gboolean
image_hook_cb (const BylineGoldmarkHookContext *context,
               GString                         *out,
               gpointer                         user_data)
{
  gboolean with_ordinal = GPOINTER_TO_INT (user_data);
  g_autofree char *alt = with_ordinal ? g_strdup_printf ("%s|%u", context->text, context->ordinal)
                                      : g_strdup (context->text);

  if (context->is_block)
    g_string_append_printf (out, "\n<figure class=\"%s\">\n\t<img src=\"%s\" alt=\"%s\" />\n"
                            "</figure>\n", attribute (context, "class"), context->destination, alt);
  else
    g_string_append_printf (out, "\n\t<img src=\"%s\" alt=\"%s\" />\n", context->destination, alt);
  return TRUE;
}

static void
test_image (void)
{
  static const char markdown[] =
    "This is an inline image: ![Inline Image](/inline.jpg). Some more text.\n\n"
    "![Block Image](/block.jpg)\n{.b}\n\n\n";
  g_autofree char *no_wrap = render ("block noWrap", markdown, BYLINE_GOLDMARK_HOOK_IMAGE,
                                     image_hook_cb, GINT_TO_POINTER (TRUE));
  g_autofree char *wrap = render ("block", markdown, BYLINE_GOLDMARK_HOOK_IMAGE,
                                  image_hook_cb, GINT_TO_POINTER (FALSE));

  assert_content (no_wrap,
                  "This is an inline image: \n"
                  "\t<img src=\"/inline.jpg\" alt=\"Inline Image|0\" />\n"
                  ". Some more text.</p>\n"
                  "<figure class=\"b\">\n\t<img src=\"/block.jpg\" alt=\"Block Image|1\" />",
                  "With Hook, no wrap");
  assert_content (wrap,
                  "This is an inline image: \n\t<img src=\"/inline.jpg\" alt=\"Inline Image\" />\n"
                  ". Some more text.</p>\n"
                  "<p class=\"b\">\n\t<img src=\"/block.jpg\" alt=\"Block Image\" />\n</p>",
                  "With Hook, wrap");
}

/* codeblocks/codeblocks_integration_test.go TestCodeblocks:
 * render-codeblock-go.html and render-codeblock-goat.html; other languages
 * have no hook. */
static gboolean
code_hook_cb (const BylineGoldmarkHookContext *context,
              GString                         *out,
              gpointer                         user_data)
{
  if (strcmp (context->type, "go") == 0)
    g_string_append_printf (out, "Go Code: %s|\nGo Language: %s|\n", context->inner, context->type);
  else if (strcmp (context->type, "goat") == 0)
    g_string_append_printf (out, "Goat Attribute: %s|\n", attribute (context, "width"));
  else if (strcmp (context->type, "bash") == 0)
    {
      g_string_append (out, "Attributes: ");
      append_map (out, context->attributes, context->n_attributes);
      g_string_append (out, "|Options: ");
      append_map (out, context->options, context->n_options);
      g_string_append_printf (out, "|%u|%u:%u\n", context->ordinal, context->line, context->column);
    }
  else
    return FALSE;

  return TRUE;
}

static void
test_code_block (void)
{
  static const char markdown[] =
    "## Ascii Diagram\n\n```goat { width=\"600\" }\n--->\n```\n\n## Go Code\n\n```go\n"
    "fmt.Println(\"Hello, World!\");\n```\n\n## Golang Code\n\n```go\n"
    "fmt.Println(\"Hello, Golang!\");\n```\n\n## Bash Code\n\n"
    "```bash { linenos=inline,hl_lines=[2,\"5-6\"],linenostart=32 class=blue }\n"
    "echo \"l1\";\n```\n\n```text\nno hook\n```\n";
  g_autofree char *html = render (NULL, markdown, BYLINE_GOLDMARK_HOOK_CODEBLOCK,
                                  code_hook_cb, NULL);

  assert_content (html,
                  "Goat Attribute: 600|\n"
                  "<h2 id=\"go-code\">Go Code</h2>\nGo Code: fmt.Println(\"Hello, World!\");\n"
                  "|\nGo Language: go|\n"
                  "<h2 id=\"golang-code\">Golang Code</h2>\n"
                  "Go Code: fmt.Println(\"Hello, Golang!\");\n"
                  "|\nGo Language: go|",
                  "TestCodeblocks");
  /* attributes.go: Chroma's settings are .Options, the rest .Attributes;
   * ordinals count fenced blocks; a declined hook writes the block. */
  assert_content (html,
                  "Attributes: map[class:blue]|Options: map[hl_lines:2, 5-6 linenos:inline "
                  "linenostart:32]|3|21:1\n"
                  "<pre><code class=\"language-text\">no hook\n</code></pre>",
                  "code block context");
}

/* blockquotes/blockquotes_integration_test.go TestBlockquoteHook */
static gboolean
blockquote_hook_cb (const BylineGoldmarkHookContext *context,
                    GString                         *out,
                    gpointer                         user_data)
{
  if (strcmp (context->type, "alert") == 0)
    {
      g_string_append_printf (out, "\nBlockquote Alert: |%s|%s|\nBlockquote Alert Attributes: |%s|",
                              context->text, context->type, context->text);
      append_map (out, context->attributes, context->n_attributes);
      g_string_append_printf (out, "|\nPosition: %u:%u\n", context->line, context->column);
    }
  else
    g_string_append_printf (out, "Blockquote: |%s|%s|\n", context->text, context->type);

  return TRUE;
}

/* TestBlockquObsidianWithTitleAndSign and TestBlockquoteRenderHookTextParsing */
static gboolean
alert_hook_cb (const BylineGoldmarkHookContext *context,
               GString                         *out,
               gpointer                         user_data)
{
  g_string_append_printf (out, "AlertType: %s|AlertTitle: %s|AlertSign: %s|Text: %s|\n",
                          context->alert_type, context->alert_title, context->alert_sign,
                          context->text);
  return TRUE;
}

static void
test_blockquote (void)
{
  static const char hook[] =
    "> [!NOTE]\n> This is a note with some whitespace after the alert type.\n\n"
    "> [!TIP]\n> This is a tip.\n\n"
    ">   [!CAUTION]\n> This is a caution with some whitespace before the alert type.\n\n"
    "> A regular blockquote.\n\n"
    "> [!TIP]\n> This is a tip with attributes.\n{class=\"foo bar\" id=\"baz\"}\n\n"
    "> [!NOTE]\n> Note triggering showing the position.\n{showpos=\"true\"}\n\n"
    "> [!nOtE]\n> Mixed case alert type.\n";
  static const char obsidian[] =
    "> [!danger]\n> Do not approach or handle without protective gear.\n\n"
    "> [!tip] Callouts can have custom titles\n> Like this one.\n\n"
    "> [!tip] Title-only callout\n\n"
    "> [!faq]- Foldable negated callout\n> Yes! In a foldable callout, the contents are hidden "
    "when the callout is collapsed\n\n"
    "> [!faq]+ Foldable callout\n> Yes! In a foldable callout, the contents are hidden when "
    "the callout is collapsed\n\n"
    "> [!info] Can callouts be nested?\n> > [!important] Yes!, they can.\n"
    "> > > [!tip] You can even use multiple layers of nesting.\n";
  static const char parsing[] =
    "> [!one]\n\n> [!two] title\n\n> [!three]\n> line 1\n\n> [!four] title\n> line 1\n\n"
    "> [!five]\n> line 1\n> line 2\n\n> [!six] title\n> line 1\n> line 2\n\n"
    "> [!seven]\n> - list item\n\n> [!eight] title\n> - list item\n\n"
    "> [!nine]\n> line 1\n> - list item\n\n> [!ten] title\n> line 1\n> - list item\n\n"
    "> [!eleven]\n> line 1\n> - list item\n>\n> line 2\n\n"
    "> [!twelve] title\n> line 1\n> - list item\n>\n> line 2\n\n"
    "> [!thirteen]\n> ![alt](a.jpg)\n\n> [!fourteen] title\n> ![alt](a.jpg)\n\n"
    "> [!fifteen] _title_\n\n> [!sixteen] _title_\n> line one\n\n> seventeen\n";
  g_autofree char *html = render ("block unsafe", hook, BYLINE_GOLDMARK_HOOK_BLOCKQUOTE,
                                  blockquote_hook_cb, NULL);
  g_autofree char *signs = render (NULL, obsidian, BYLINE_GOLDMARK_HOOK_BLOCKQUOTE,
                                   alert_hook_cb, NULL);
  g_autofree char *texts = render (NULL, parsing, BYLINE_GOLDMARK_HOOK_BLOCKQUOTE,
                                   alert_hook_cb, NULL);

  /* AssertFileContentExact */
  g_assert_nonnull (strstr (html, "Blockquote Alert: |<p>This is a note with some whitespace "
                                  "after the alert type.</p>|alert|"));
  g_assert_nonnull (strstr (html, "Blockquote Alert: |<p>This is a tip.</p>"));
  g_assert_nonnull (strstr (html, "Blockquote Alert: |<p>This is a caution with some whitespace "
                                  "before the alert type.</p>|alert|"));
  g_assert_nonnull (strstr (html, "Blockquote: |<p>A regular blockquote.</p>\n|regular|"));
  g_assert_nonnull (strstr (html, "Blockquote Alert Attributes: |<p>This is a tip with "
                                  "attributes.</p>|map[class:foo bar id:baz]|"));
  g_assert_nonnull (strstr (html, "Blockquote Alert: |<p>Mixed case alert type.</p>|alert"));
  /* Hugo's /content/p1.md:20:1 counts the 4 lines of front matter before. */
  g_assert_nonnull (strstr (html, "|map[showpos:true]|\nPosition: 16:1"));

  assert_content (signs,
                  "AlertType: tip|AlertTitle: Callouts can have custom titles|AlertSign: |\n"
                  "AlertType: tip|AlertTitle: Title-only callout|AlertSign: |\n"
                  "AlertType: faq|AlertTitle: Foldable negated callout|AlertSign: -|Text: <p>Yes! "
                  "In a foldable callout, the contents are hidden when the callout is collapsed</p>|\n"
                  "AlertType: faq|AlertTitle: Foldable callout|AlertSign: +|Text: <p>Yes! In a "
                  "foldable callout, the contents are hidden when the callout is collapsed</p>|\n"
                  "AlertType: danger|AlertTitle: |AlertSign: |Text: <p>Do not approach or handle "
                  "without protective gear.</p>|\n"
                  "AlertTitle: Can callouts be nested?|\n"
                  "AlertTitle: You can even use multiple layers of nesting.|",
                  "TestBlockquObsidianWithTitleAndSign");
  assert_content (texts,
                  "AlertType: one|AlertTitle: |AlertSign: |Text: |\n"
                  "AlertType: two|AlertTitle: title|AlertSign: |Text: |\n"
                  "AlertType: three|AlertTitle: |AlertSign: |Text: <p>line 1</p>|\n"
                  "AlertType: four|AlertTitle: title|AlertSign: |Text: <p>line 1</p>|\n"
                  "AlertType: five|AlertTitle: |AlertSign: |Text: <p>line 1\nline 2</p>|\n"
                  "AlertType: seven|AlertTitle: |AlertSign: |Text: <ul>\n<li>list item</li>\n</ul>|\n"
                  "AlertType: nine|AlertTitle: |AlertSign: |Text: <p>line 1</p>\n<ul>\n"
                  "<li>list item</li>\n</ul>|\n"
                  "AlertType: eleven|AlertTitle: |AlertSign: |Text: <p>line 1</p>\n<ul>\n"
                  "<li>list item</li>\n</ul>\n<p>line 2</p>|\n"
                  "AlertType: thirteen|AlertTitle: |AlertSign: |Text: <p><img src=\"a.jpg\" "
                  "alt=\"alt\"></p>|\n"
                  "AlertType: fifteen|AlertTitle: <em>title</em>|AlertSign: |Text: |\n"
                  "AlertType: sixteen|AlertTitle: <em>title</em>|AlertSign: |Text: <p>line one</p>|\n"
                  "AlertType: |AlertTitle: |AlertSign: |Text: <p>seventeen</p>\n|",
                  "TestBlockquoteRenderHookTextParsing");
}

/* tables/tables_integration_test.go TestTableHook */
static gboolean
table_hook_cb (const BylineGoldmarkHookContext *context,
               GString                         *out,
               gpointer                         user_data)
{
  g_string_append (out, "Attributes: ");
  append_map (out, context->attributes, context->n_attributes);
  g_string_append (out, "|\n");

  for (guint part = 0; part < 2; part++)
    {
      const BylineGoldmarkTableRow *rows = part == 0 ? context->thead : context->tbody;
      guint n_rows = part == 0 ? context->n_thead : context->n_tbody;

      g_string_append_printf (out, "\n table-%u-%s:", context->ordinal,
                              part == 0 ? "thead" : "tbody");
      for (guint r = 0; r < n_rows; r++)
        {
          g_string_append_printf (out, " %u:", r);
          for (guint c = 0; c < rows[r].n_cells; c++)
            g_string_append_printf (out, " %u: %s: %s|", c, rows[r].cells[c].alignment,
                                    rows[r].cells[c].text);
        }
      g_string_append (out, "$\n");
    }

  return TRUE;
}

static void
test_table (void)
{
  static const char markdown[] =
    "## Table 1\n\n| Item              | In Stock | Price |\n| :---------------- | :------: | ----: |\n"
    "| Python Hat        |   True   | 23.99 |\n| SQL **Hat**       |   True   | 23.99 |\n"
    "| Codecademy Tee    |  False   | 19.99 |\n| Codecademy Hoodie |  False   | 42.99 |\n"
    "{.foo foo=\"bar\"}\n\n## Table 2\n\n| Month | Savings |\n| -------- | ------- |\n"
    "| January | $250 |\n| February | $80 |\n| March | $420 |\n\n";
  g_autofree char *html = render ("block", markdown, BYLINE_GOLDMARK_HOOK_TABLE,
                                  table_hook_cb, NULL);

  assert_content (html,
                  "Attributes: map[class:foo foo:bar]|\n"
                  "table-0-thead: 0: 0: left: Item| 1: center: In Stock| 2: right: Price|$\n"
                  "table-0-tbody: 0: 0: left: Python Hat| 1: center: True| 2: right: 23.99| 1: 0: "
                  "left: SQL <strong>Hat</strong>| 1: center: True| 2: right: 23.99| 2: 0: left: "
                  "Codecademy Tee| 1: center: False| 2: right: 19.99| 3: 0: left: Codecademy Hoodie| "
                  "1: center: False| 2: right: 42.99|$\n"
                  "table-1-thead: 0: 0: : Month| 1: : Savings|$\n"
                  "table-1-tbody: 0: 0: : January| 1: : $250| 1: 0: : February| 1: : $80| 2: 0: : "
                  "March| 1: : $420|$",
                  "TestTableHook");
}

/* A hook that declines leaves the default output, byte for byte. */
static gboolean
decline_cb (const BylineGoldmarkHookContext *context,
            GString                         *out,
            gpointer                         user_data)
{
  guint *calls = user_data;

  (*calls)++;
  g_string_append (out, "scribbled");
  return FALSE;
}

static void
test_decline (void)
{
  static const char markdown[] =
    "# Title\n\n> [!NOTE]\n> [link](/x \"T\") <https://a.example> ![i](i.png)\n\n"
    "| a |\n|---|\n| b |\n\n```go\ncode\n```\n";
  g_autofree char *plain = render (NULL, markdown, BYLINE_GOLDMARK_HOOK_LINK, NULL, NULL);

  for (guint kind = 0; kind < BYLINE_GOLDMARK_N_HOOKS; kind++)
    {
      guint calls = 0;
      g_autofree char *html = render (NULL, markdown, kind, decline_cb, &calls);

      g_assert_cmpstr (html, ==, plain);
      g_assert_cmpuint (calls, ==, kind == BYLINE_GOLDMARK_HOOK_LINK ? 2 : 1);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/goldmark/hooks/link", test_link);
  g_test_add_func ("/core/goldmark/hooks/heading", test_heading);
  g_test_add_func ("/core/goldmark/hooks/image", test_image);
  g_test_add_func ("/core/goldmark/hooks/code-block", test_code_block);
  g_test_add_func ("/core/goldmark/hooks/blockquote", test_blockquote);
  g_test_add_func ("/core/goldmark/hooks/table", test_table);
  g_test_add_func ("/core/goldmark/hooks/decline", test_decline);

  return g_test_run ();
}
