/* test-editor.c — BylineEditor: the Byline Markdown language, search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-editor.h"
#include "byline-search-bar.h"

#include <adwaita.h>

#include "byline-test-gui.h"

static char *tmpdir;

static const char *post =
  "---\n"                                                     /* 1 */
  "title: \"A Post\"  # a comment\n"                          /* 2 */
  "draft: true\n"                                             /* 3 */
  "---\n"                                                     /* 4 */
  "\n"                                                        /* 5 */
  "Text {{< image width=\"75%\" caption=`raw` >}} more.\n"    /* 6 */
  "{{% notice %}}inner{{% /notice %}}\n"                      /* 7 */
  "{{</* image */>}}\n"                                       /* 8 */
  "\n"                                                        /* 9 */
  "---\n"                                                     /* 10 */
  "## Heading\n";                                             /* 11 */

/* The style ids the test scheme gives a colour each: #0000NN for the N-th. */
static const char *styles[] = {
  "byline-markdown:front-matter-fence",
  "byline-markdown:shortcode-delimiter",
  "byline-markdown:shortcode-name",
  "byline-markdown:shortcode-parameter",
  "byline-markdown:shortcode-value",
  "byline-markdown:shortcode-escape",
  "yaml:map-key",
  "yaml:string",
  "yaml:comment",
  "yaml:bool",
  "byline-markdown:thematic-break",
  "byline-markdown:heading",
  "toml:variable",
  "toml:string",
  "toml:datetime-value",
  "byline-markdown:json-key",
  "byline-markdown:json-string",
  "byline-markdown:json-boolean",
  "byline-markdown:emphasis",
  "byline-markdown:strong-emphasis",
  "byline-markdown:strikethrough",
  "byline-markdown:backslash-escape",
  "byline-markdown:code-span",
  "byline-markdown:code-block",
  "byline-markdown:link-text",
  "byline-markdown:url",
  "byline-markdown:image-marker",
  "byline-markdown:label",
  "byline-markdown:list-marker",
  "byline-markdown:blockquote-marker",
  "byline-markdown:html-comment",
  "byline-markdown:html-tag",
};

static GtkSourceStyleScheme *
create_test_scheme (void)
{
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  g_autofree char *dir = g_build_filename (tmpdir, "styles", NULL);
  g_autofree char *path = g_build_filename (dir, "byline-test.xml", NULL);
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n"
                                         "<style-scheme id=\"byline-test\" name=\"Test\" "
                                         "version=\"1.0\">\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    g_string_append_printf (xml, "  <style name=\"%s\" foreground=\"#0000%02x\"/>\n",
                            styles[i], i + 1);
  g_string_append (xml, "</style-scheme>\n");

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path, xml->str, (gssize) xml->len, &error);
  g_assert_no_error (error);
  gtk_source_style_scheme_manager_prepend_search_path (manager, dir);

  return gtk_source_style_scheme_manager_get_scheme (manager, "byline-test");
}

/* The style id whose colour the text has at a line and character column,
 * "" for text without a style. */
static const char *
style_at (BylineDocument *document,
          int             line,
          int             column)
{
  const char *style = "";
  GtkTextIter iter;
  GSList *tags;

  gtk_text_buffer_get_iter_at_line_offset (GTK_TEXT_BUFFER (document), &iter,
                                           line - 1, column - 1);
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      g_autoptr(GdkRGBA) color = NULL;
      gboolean set = FALSE;
      int index;

      g_object_get (l->data, "foreground-set", &set, "foreground-rgba", &color, NULL);
      if (!set || color == NULL)
        continue;

      /* The innermost context's tag is the highest priority one, last. */
      index = (int) (color->blue * 255.0 + 0.5) - 1;
      if (index >= 0 && index < (int) G_N_ELEMENTS (styles))
        style = styles[index];
    }
  g_slist_free (tags);

  return style;
}

typedef struct
{
  int         line;
  int         column;
  const char *style;
} TagCase;

static const TagCase tag_cases[] = {
  { 1, 1, "byline-markdown:front-matter-fence" },
  { 2, 1, "yaml:map-key" },
  { 2, 9, "yaml:string" },
  { 2, 20, "yaml:comment" },
  { 3, 8, "yaml:bool" },
  { 4, 1, "byline-markdown:front-matter-fence" },
  { 6, 1, "" },
  { 6, 6, "byline-markdown:shortcode-delimiter" },
  { 6, 10, "byline-markdown:shortcode-name" },
  { 6, 16, "byline-markdown:shortcode-parameter" },
  { 6, 23, "byline-markdown:shortcode-value" },
  { 6, 28, "byline-markdown:shortcode-parameter" },
  { 6, 37, "byline-markdown:shortcode-value" },
  { 6, 42, "byline-markdown:shortcode-delimiter" },
  { 6, 46, "" },
  { 7, 1, "byline-markdown:shortcode-delimiter" },
  { 7, 5, "byline-markdown:shortcode-name" },
  { 7, 15, "" },
  { 7, 24, "byline-markdown:shortcode-delimiter" },
  { 7, 25, "byline-markdown:shortcode-name" },
  { 7, 33, "byline-markdown:shortcode-delimiter" },
  { 8, 5, "byline-markdown:shortcode-escape" },
  /* A later fence is Markdown again (a lone "---" underlines a setext
   * heading), not a second front matter. */
  { 10, 1, "byline-markdown:heading" },
  { 11, 1, "byline-markdown:heading" },
};

/* The editor has its language from the start. */
static GtkWidget *
show_editor (BylineDocument *document)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *editor = byline_editor_new ();

  gtk_window_set_child (GTK_WINDOW (window), editor);
  byline_editor_set_document (BYLINE_EDITOR (editor), document);
  gtk_window_present (GTK_WINDOW (window));
  byline_test_wait_for (gtk_source_buffer_get_language (GTK_SOURCE_BUFFER (document)) != NULL);

  return window;
}

static void
test_language_tags (void)
{
  g_autoptr(BylineDocument) document = byline_document_new ();
  GtkWidget *window = show_editor (document);
  GtkTextIter start, end;

  g_assert_true (gtk_source_buffer_get_language (GTK_SOURCE_BUFFER (document))
                 == byline_editor_get_language ());

  gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (document), create_test_scheme ());
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (document), post, -1);
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (document), &start, &end);
  gtk_source_buffer_ensure_highlight (GTK_SOURCE_BUFFER (document), &start, &end);

  for (guint i = 0; i < G_N_ELEMENTS (tag_cases); i++)
    {
      g_test_message ("line %d column %d", tag_cases[i].line, tag_cases[i].column);
      g_assert_cmpstr (style_at (document, tag_cases[i].line, tag_cases[i].column),
                       ==, tag_cases[i].style);
    }

  byline_test_destroy_window (GTK_WINDOW (window));
  /* The editor let go of the document: nothing of it outlives the window. */
  byline_test_finalize_object (g_steal_pointer (&document));
}

/* TOML and JSON front matter are highlighted as such, and the body after
 * them as Markdown with shortcodes. */
typedef struct
{
  const char *text;
  TagCase     cases[6];
} FormatCase;

static const FormatCase format_cases[] = {
  /* (toml.lang of GtkSourceView 5.6 styles date-times, not bare dates.) */
  { "+++\ntitle = \"Hi\"\ndate = 2024-01-02T10:00:00Z\n+++\n\nBody {{< x >}}\n",
    { { 1, 1, "byline-markdown:front-matter-fence" },
      { 2, 1, "toml:variable" },
      { 2, 9, "toml:string" },
      { 3, 8, "toml:datetime-value" },
      { 4, 1, "byline-markdown:front-matter-fence" },
      { 6, 6, "byline-markdown:shortcode-delimiter" } } },
  { "{\n  \"title\": \"Hi\",\n  \"draft\": true\n}\nBody {{< x >}}\n",
    { { 2, 3, "byline-markdown:json-key" },
      { 2, 12, "byline-markdown:json-string" },
      { 3, 12, "byline-markdown:json-boolean" },
      { 5, 1, "" },
      { 5, 6, "byline-markdown:shortcode-delimiter" },
      { 5, 10, "byline-markdown:shortcode-name" } } },
};

static void
test_language_tags_formats (void)
{
  g_autoptr(BylineDocument) document = byline_document_new ();
  GtkWidget *window = show_editor (document);

  gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (document), create_test_scheme ());
  for (guint f = 0; f < G_N_ELEMENTS (format_cases); f++)
    {
      GtkTextIter start, end;

      gtk_text_buffer_set_text (GTK_TEXT_BUFFER (document), format_cases[f].text, -1);
      gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (document), &start, &end);
      gtk_source_buffer_ensure_highlight (GTK_SOURCE_BUFFER (document), &start, &end);

      for (guint i = 0; i < G_N_ELEMENTS (format_cases[f].cases); i++)
        {
          const TagCase *c = &format_cases[f].cases[i];

          g_test_message ("format %u: line %d column %d", f, c->line, c->column);
          g_assert_cmpstr (style_at (document, c->line, c->column), ==, c->style);
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The body's Markdown, one construct of CommonMark 0.30 (and GitHub's
 * strikethrough and task lists) per span: ATX headings (§4.2), code spans
 * (§6.1), emphasis (§6.2), backslash escapes (§2.4), links and images
 * (§6.3, §6.4), autolinks (§6.5), list items (§5.2), block quotes (§5.1),
 * fenced code (§4.5), HTML comments and tags (§6.6), link reference
 * definitions (§4.7), thematic breaks (§4.1). Hugo calls shortcodes in code
 * too, so they stand out there. Brackets and underscores inside words stay
 * prose. */
static const char *body =
  "# Title with `code` and {{< x >}}\n"                                        /* 1 */
  "\n"                                                                         /* 2 */
  "Some *emphasis*, **strong**, ~~gone~~ and \\* not emphasis.\n"             /* 3 */
  "A [link](https://example.com/a \"t\") and ![alt]({{< ref \"p\" >}}) and "
  "<https://gohugo.io>.\n"                                                     /* 4 */
  "- [ ] a task\n"                                                             /* 5 */
  "12. item\n"                                                                 /* 6 */
  "> quoted\n"                                                                 /* 7 */
  "```go\n"                                                                    /* 8 */
  "x := \"{{< y >}}\"\n"                                                       /* 9 */
  "```\n"                                                                      /* 10 */
  "<!-- note --> <span class=\"x\">hi</span>\n"                               /* 11 */
  "[label]: https://example.com \"Title\"\n"                                  /* 12 */
  "***\n"                                                                      /* 13 */
  "[x] stays prose and snake_case_word stays plain\n";                        /* 14 */

static const TagCase body_cases[] = {
  { 1, 1, "byline-markdown:heading" },
  { 1, 15, "byline-markdown:code-span" },
  { 1, 21, "byline-markdown:heading" },
  { 1, 25, "byline-markdown:shortcode-delimiter" },
  { 3, 1, "" },
  { 3, 7, "byline-markdown:emphasis" },
  { 3, 20, "byline-markdown:strong-emphasis" },
  { 3, 32, "byline-markdown:strikethrough" },
  { 3, 43, "byline-markdown:backslash-escape" },
  { 3, 46, "" },
  { 4, 4, "byline-markdown:link-text" },
  { 4, 10, "byline-markdown:url" },
  { 4, 41, "byline-markdown:image-marker" },
  { 4, 43, "byline-markdown:link-text" },
  { 4, 48, "byline-markdown:shortcode-delimiter" },
  { 4, 52, "byline-markdown:shortcode-name" },
  { 4, 70, "byline-markdown:url" },
  { 4, 88, "" },
  { 5, 1, "byline-markdown:list-marker" },
  { 5, 3, "byline-markdown:list-marker" },
  { 5, 7, "" },
  { 6, 1, "byline-markdown:list-marker" },
  { 6, 5, "" },
  { 7, 1, "byline-markdown:blockquote-marker" },
  { 7, 3, "" },
  { 8, 1, "byline-markdown:code-block" },
  { 9, 1, "byline-markdown:code-block" },
  { 9, 7, "byline-markdown:shortcode-delimiter" },
  { 10, 1, "byline-markdown:code-block" },
  { 11, 1, "byline-markdown:html-comment" },
  { 11, 6, "byline-markdown:html-comment" },
  { 11, 15, "byline-markdown:html-tag" },
  { 11, 31, "" },
  { 12, 1, "byline-markdown:label" },
  { 12, 10, "byline-markdown:url" },
  { 12, 30, "byline-markdown:link-text" },
  { 13, 1, "byline-markdown:thematic-break" },
  { 14, 2, "" },
  { 14, 26, "" },
  { 14, 27, "" },
};

static void
test_language_tags_body (void)
{
  g_autoptr(BylineDocument) document = byline_document_new ();
  GtkWidget *window = show_editor (document);
  GtkTextIter start, end;

  gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (document), create_test_scheme ());
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (document), body, -1);
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (document), &start, &end);
  gtk_source_buffer_ensure_highlight (GTK_SOURCE_BUFFER (document), &start, &end);

  for (guint i = 0; i < G_N_ELEMENTS (body_cases); i++)
    {
      g_test_message ("line %d column %d", body_cases[i].line, body_cases[i].column);
      g_assert_cmpstr (style_at (document, body_cases[i].line, body_cases[i].column),
                       ==, body_cases[i].style);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The post shows in colour in the first frame: the editor colours the
 * start of a post that is there when it gets it, before any main loop turn
 * that could paint. */
static void
test_language_first_screen (void)
{
  g_autoptr(BylineDocument) document = byline_document_new ();
  GtkWidget *editor = g_object_ref_sink (byline_editor_new ());

  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (document), post, -1);
  byline_editor_set_document (BYLINE_EDITOR (editor), document);
  /* (A new scheme restyles the tags the editor made; it adds none.) */
  gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (document), create_test_scheme ());

  g_assert_cmpstr (style_at (document, 1, 1), ==, "byline-markdown:front-matter-fence");
  g_assert_cmpstr (style_at (document, 6, 10), ==, "byline-markdown:shortcode-name");
  g_assert_cmpstr (style_at (document, 11, 1), ==, "byline-markdown:heading");

  g_object_unref (editor);
}

static char *
get_text (BylineDocument *document)
{
  return byline_test_dup_buffer_text (GTK_TEXT_BUFFER (document));
}

/* Ctrl+F, type, next/previous with the match count, replace one, replace all. */
static void
test_search_replace (void)
{
  g_autoptr(BylineDocument) document = byline_document_new ();
  GtkWidget *window = show_editor (document);
  GtkWidget *editor = gtk_window_get_child (GTK_WINDOW (window));
  BylineSearchBar *bar;
  GtkWidget *search_entry;
  GtkWidget *replace_entry;
  g_autofree char *after_one = NULL;
  g_autofree char *after_all = NULL;
  GtkTextIter start;

  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (document),
                            "A cat, a Cat\nand a third cat.\n", -1);
  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (document), &start);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (document), &start);

  gtk_widget_activate_action (editor, "editor.find-replace", NULL);
  bar = BYLINE_SEARCH_BAR (byline_test_find_widget (editor, BYLINE_TYPE_SEARCH_BAR));
  search_entry = byline_test_find_widget (GTK_WIDGET (bar), GTK_TYPE_SEARCH_ENTRY);
  replace_entry = byline_test_find_widget (GTK_WIDGET (bar), GTK_TYPE_ENTRY);
  g_assert_nonnull (search_entry);
  g_assert_nonnull (replace_entry);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)),
                                         search_entry));

  gtk_editable_set_text (GTK_EDITABLE (search_entry), "cat");
  byline_test_wait_for (g_strcmp0 (byline_search_bar_get_status (bar), "1 of 3") == 0);

  gtk_widget_activate_action (GTK_WIDGET (bar), "search.next", NULL);
  byline_test_wait_for (g_strcmp0 (byline_search_bar_get_status (bar), "2 of 3") == 0);
  gtk_widget_activate_action (editor, "editor.find-next", NULL);
  byline_test_wait_for (g_strcmp0 (byline_search_bar_get_status (bar), "3 of 3") == 0);
  /* Wraps around. */
  gtk_widget_activate_action (editor, "editor.find-next", NULL);
  byline_test_wait_for (g_strcmp0 (byline_search_bar_get_status (bar), "1 of 3") == 0);
  gtk_widget_activate_action (editor, "editor.find-previous", NULL);
  byline_test_wait_for (g_strcmp0 (byline_search_bar_get_status (bar), "3 of 3") == 0);

  /* Replace changes the selected match and moves on to the next one. */
  gtk_editable_set_text (GTK_EDITABLE (replace_entry), "dog");
  gtk_widget_activate_action (GTK_WIDGET (bar), "search.replace", NULL);
  byline_test_wait_for (g_strcmp0 (byline_search_bar_get_status (bar), "1 of 2") == 0);
  after_one = get_text (document);
  g_assert_cmpstr (after_one, ==, "A cat, a Cat\nand a third dog.\n");

  gtk_widget_activate_action (GTK_WIDGET (bar), "search.replace-all", NULL);
  byline_test_wait_for (g_strcmp0 (byline_search_bar_get_status (bar), "No matches") == 0);
  after_all = get_text (document);
  g_assert_cmpstr (after_all, ==, "A dog, a dog\nand a third dog.\n");

  /* Escape closes the bar; the text keeps the focus. */
  gtk_widget_activate_action (editor, "search.close", NULL);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window))
                 == GTK_WIDGET (byline_editor_get_view (BYLINE_EDITOR (editor))));

  /* The editor goes with its window (the helper waits for it). Not the
   * document: GTK 4.8 leaks a text buffer once it had a selection (each
   * selection's clipboard content holds the buffer and never lets go), and
   * this test selects the matches. */
  byline_test_destroy_window (GTK_WINDOW (window));
}

static const char *
scheme_id (BylineDocument *document)
{
  GtkSourceStyleScheme *scheme = gtk_source_buffer_get_style_scheme (GTK_SOURCE_BUFFER (document));

  return gtk_source_style_scheme_get_id (scheme);
}

/* The settings reach the view at once. */
static void
test_settings (void)
{
  g_autoptr(BylineDocument) document = byline_document_new ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWidget *window = show_editor (document);
  GtkWidget *editor = gtk_window_get_child (GTK_WINDOW (window));
  GtkSourceView *view = byline_editor_get_view (BYLINE_EDITOR (editor));

  g_assert_true (gtk_source_view_get_show_line_numbers (view));
  g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (view)), ==, GTK_WRAP_WORD_CHAR);
  g_assert_true (gtk_source_view_get_highlight_current_line (view));
  g_assert_true (gtk_text_view_get_monospace (GTK_TEXT_VIEW (view)));

  g_settings_set_boolean (settings, "show-line-numbers", FALSE);
  g_settings_set_boolean (settings, "wrap-text", FALSE);
  g_settings_set_uint (settings, "tab-width", 4);
  g_settings_set_boolean (settings, "insert-spaces", FALSE);
  g_assert_false (gtk_source_view_get_show_line_numbers (view));
  g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (view)), ==, GTK_WRAP_NONE);
  g_assert_cmpuint (gtk_source_view_get_tab_width (view), ==, 4);
  g_assert_false (gtk_source_view_get_insert_spaces_instead_of_tabs (view));

  g_settings_set_string (settings, "style-scheme", "solarized-light");
  g_assert_cmpstr (scheme_id (document), ==, "solarized-light");
  /* A dark variant given in the settings is taken as its pair. */
  g_settings_set_string (settings, "style-scheme", "Adwaita-dark");
  g_assert_cmpstr (scheme_id (document), ==, "Adwaita");

  g_settings_reset (settings, "show-line-numbers");
  g_settings_reset (settings, "wrap-text");
  g_settings_reset (settings, "tab-width");
  g_settings_reset (settings, "insert-spaces");
  g_settings_reset (settings, "style-scheme");
  byline_test_destroy_window (GTK_WINDOW (window));
  /* The editor let go of the document: nothing of it outlives the window. */
  byline_test_finalize_object (g_steal_pointer (&document));
}

/* Each chosen scheme shows as itself or as its counterpart of the other
 * variant, paired by the metadata of GtkSourceView's own schemes
 * (/usr/share/gtksourceview-5/styles: "variant", "light-variant",
 * "dark-variant"). */
static void
test_scheme_pairs (void)
{
  static const struct {
    const char *id;
    gboolean    dark;
    const char *shown;
  } cases[] = {
    { "Adwaita", FALSE, "Adwaita" },
    { "Adwaita", TRUE, "Adwaita-dark" },
    { "Adwaita-dark", FALSE, "Adwaita" },
    { "solarized-dark", FALSE, "solarized-light" },
    { "solarized-dark", TRUE, "solarized-dark" },
    { "solarized-light", TRUE, "solarized-dark" },
    { "kate", TRUE, "kate-dark" },
    { "classic-dark", FALSE, "classic" },
    /* cobalt names no counterpart; cobalt-light names it. */
    { "cobalt", FALSE, "cobalt-light" },
    { "cobalt-light", TRUE, "cobalt" },
    { "oblivion", FALSE, "tango" },
    { "tango", TRUE, "oblivion" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkSourceStyleScheme *scheme = byline_editor_resolve_style_scheme (cases[i].id,
                                                                         cases[i].dark);

      g_test_message ("%s, %s", cases[i].id, cases[i].dark ? "dark" : "light");
      g_assert_nonnull (scheme);
      g_assert_cmpstr (gtk_source_style_scheme_get_id (scheme), ==, cases[i].shown);
    }

  g_assert_null (byline_editor_resolve_style_scheme ("no-such-scheme", FALSE));
}

/* The editor follows the style manager's dark state: Solarized Dark shows
 * as Solarized (it showed light Adwaita), and the default scheme turns dark
 * with the dark style. */
static void
test_follows_dark (void)
{
  g_autoptr(BylineDocument) document = byline_document_new ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkWidget *window = show_editor (document);

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style_manager));
  g_assert_cmpstr (scheme_id (document), ==, "Adwaita-dark");

  g_settings_set_string (settings, "style-scheme", "solarized-dark");
  g_assert_cmpstr (scheme_id (document), ==, "solarized-dark");

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_cmpstr (scheme_id (document), ==, "solarized-light");

  g_settings_reset (settings, "style-scheme");
  g_assert_cmpstr (scheme_id (document), ==, "Adwaita");
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every character carries the tag that keeps Pango from drawing hyphens
 * where it breaks a word: loaded, typed, pasted and undone text alike. */
static void
assert_no_hyphens_everywhere (BylineDocument *document)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (document));
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, "byline-no-hyphens");
  gboolean insert_hyphens = TRUE, set = FALSE;
  GtkTextIter iter;

  g_assert_nonnull (tag);
  g_object_get (tag, "insert-hyphens", &insert_hyphens, "insert-hyphens-set", &set, NULL);
  g_assert_false (insert_hyphens);
  g_assert_true (set);

  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (document), &iter);
  while (!gtk_text_iter_is_end (&iter))
    {
      if (!gtk_text_iter_has_tag (&iter, tag))
        g_error ("no tag at offset %d", gtk_text_iter_get_offset (&iter));
      gtk_text_iter_forward_char (&iter);
    }
}

static void
test_no_hyphens (void)
{
  g_autoptr(BylineDocument) document = byline_document_new ();
  GtkWidget *window;
  GtkWidget *editor;
  GtkSourceView *view;
  GtkTextIter iter;

  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (document), "Set before the editor.\n", -1);
  window = show_editor (document);
  editor = gtk_window_get_child (GTK_WINDOW (window));
  view = byline_editor_get_view (BYLINE_EDITOR (editor));
  assert_no_hyphens_everywhere (document);

  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (document),
                            "KubeCon + CloudNativeCon in Shanghai, Kubernetes — é 😀\n", -1);
  assert_no_hyphens_everywhere (document);

  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (document), &iter, 8);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (document), &iter);
  g_signal_emit_by_name (view, "insert-at-cursor", "Typed ");
  assert_no_hyphens_everywhere (document);

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (document), &iter, &iter);
  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (document), &iter);
  {
    GtkTextIter end = iter;

    gtk_text_iter_forward_chars (&end, 5);
    gtk_text_buffer_begin_user_action (GTK_TEXT_BUFFER (document));
    gtk_text_buffer_delete (GTK_TEXT_BUFFER (document), &iter, &end);
    gtk_text_buffer_end_user_action (GTK_TEXT_BUFFER (document));
  }
  gtk_text_buffer_undo (GTK_TEXT_BUFFER (document));
  assert_no_hyphens_everywhere (document);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Return as GtkSourceView 5.6 handles it (gtk_source_view_key_pressed): a
 * newline as one user action, then, when the indenter takes the key, its
 * work as another. */
static void
press_return (GtkSourceView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkSourceIndenter *indenter = gtk_source_view_get_indenter (view);
  GtkTextIter iter;
  gboolean trigger;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  trigger = gtk_source_indenter_is_trigger (indenter, view, &iter, 0, GDK_KEY_Return);

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert (buffer, &iter, "\n", 1);
  gtk_text_buffer_end_user_action (buffer);
  if (!trigger)
    return;

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_source_indenter_indent (indenter, view, &iter);
  gtk_text_buffer_end_user_action (buffer);
}

typedef struct
{
  const char *name;
  const char *before;   /* the cursor at its end */
  guint       returns;
  const char *after;
  int         column;   /* of the cursor after the last Return */
} IndentCase;

static const IndentCase indent_cases[] = {
  /* A paragraph after a call over several lines starts at column 0, and
   * the blank line between them holds nothing. */
  { "after-call",
    "{{< image width=\"75%\"\n    link=\"./x.jpg\"\n    >}}", 2,
    "{{< image width=\"75%\"\n    link=\"./x.jpg\"\n    >}}\n\n", 0 },
  { "after-percent-call", "{{% notice\n    note %}}", 1, "{{% notice\n    note %}}\n", 0 },
  /* Inside a list item the call's own indentation is kept. */
  { "after-nested-call",
    "- item\n\n  {{< image link=\"./x.jpg\"\n      >}}", 1,
    "- item\n\n  {{< image link=\"./x.jpg\"\n      >}}\n  ", 2 },
  /* Parameters of an open call keep their indentation. */
  { "inside-call", "{{< image width=\"75%\"\n    link=\"./x.jpg\"", 1,
    "{{< image width=\"75%\"\n    link=\"./x.jpg\"\n    ", 4 },
  /* A call on one line is text like any other. */
  { "one-line-call", "  {{< image link=\"./x.jpg\" >}}", 1,
    "  {{< image link=\"./x.jpg\" >}}\n  ", 2 },
  /* A second Return leaves an empty line, not a line of spaces. */
  { "blank-line", "  indented text", 2, "  indented text\n\n  ", 2 },
};

static void
test_indent (gconstpointer data)
{
  const IndentCase *c = data;
  g_autoptr(BylineDocument) document = byline_document_new ();
  GtkWidget *window = show_editor (document);
  GtkSourceView *view = byline_editor_get_view (BYLINE_EDITOR (gtk_window_get_child (
                                                                  GTK_WINDOW (window))));
  g_autofree char *text = NULL;
  GtkTextIter iter;

  g_assert_true (gtk_source_view_get_auto_indent (view));
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (document), c->before, -1);
  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (document), &iter);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (document), &iter);

  for (guint i = 0; i < c->returns; i++)
    press_return (view);

  text = get_text (document);
  g_assert_cmpstr (text, ==, c->after);
  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (document), &iter,
                                    gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (document)));
  g_assert_true (gtk_text_iter_is_end (&iter));
  g_assert_cmpint (gtk_text_iter_get_line_offset (&iter), ==, c->column);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_language_id (void)
{
  GtkSourceLanguage *language = byline_editor_get_language ();

  g_assert_nonnull (language);
  g_assert_cmpstr (gtk_source_language_get_id (language), ==, "byline-markdown");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!byline_test_gui_init (&argc, &argv, &tmpdir))
    return 0;

  g_test_add_func ("/gui/editor/language/id", test_language_id);
  g_test_add_func ("/gui/editor/language/tags", test_language_tags);
  g_test_add_func ("/gui/editor/language/tags-toml-json", test_language_tags_formats);
  g_test_add_func ("/gui/editor/language/tags-body", test_language_tags_body);
  g_test_add_func ("/gui/editor/language/first-screen", test_language_first_screen);
  g_test_add_func ("/gui/editor/search/replace", test_search_replace);
  g_test_add_func ("/gui/editor/settings", test_settings);
  g_test_add_func ("/gui/editor/scheme/pairs", test_scheme_pairs);
  g_test_add_func ("/gui/editor/scheme/follows-dark", test_follows_dark);
  g_test_add_func ("/gui/editor/wrap/no-hyphens", test_no_hyphens);
  for (guint i = 0; i < G_N_ELEMENTS (indent_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gui/editor/indent/%s", indent_cases[i].name);

      g_test_add_data_func (path, &indent_cases[i], test_indent);
    }

  ret = g_test_run ();

  byline_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return ret;
}
