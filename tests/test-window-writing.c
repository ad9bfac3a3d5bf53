/* test-window-writing.c — the window's writing aids: the outline, the
 * statistics popover and the publish badge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "byline-editor.h"
#include "byline-outline.h"
#include "byline-preview.h"
#include "byline-preview-pane.h"
#include "byline-publish-badge.h"
#include "byline-stats-popover.h"

#include "byline-test-window.h"

#include <string.h>

static char *tmpdir;
static BylineApplication *app;

/* tests/data/writing/index.md. Hugo 0.111.3 (Debian's hugo) renders it,
 * with draft: false, with a template printing {{ .WordCount }},
 * {{ .ReadingTime }} and {{ .Plain | countrunes }} as 33, 1 and 166. */
typedef struct
{
  BylineWindow   *window;
  BylineDocument *document;
} Fixture;

static void
fixture_open_named (Fixture    *fixture,
                    const char *name)
{
  g_autoptr(GFile) file = byline_test_copy_fixture_apart (name, tmpdir);

  fixture->window = byline_test_open_window (app, file);
  fixture->document = byline_window_get_document (fixture->window);
  byline_test_wait_for (byline_document_is_analyzed (fixture->document));
}

static void
fixture_open (Fixture *fixture)
{
  fixture_open_named (fixture, "writing-post.md");
}

static GtkWidget *
find (Fixture *fixture,
      GType    type)
{
  GtkWidget *widget = byline_test_find_widget (GTK_WIDGET (fixture->window), type);

  g_assert_nonnull (widget);
  return widget;
}

static guint
cursor_line (BylineDocument *document)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (document), &iter,
                                    gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (document)));
  return (guint) gtk_text_iter_get_line (&iter) + 1;
}

/* 1-based, in characters. */
static guint
cursor_column (BylineDocument *document)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (document), &iter,
                                    gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (document)));
  return (guint) gtk_text_iter_get_line_offset (&iter) + 1;
}

static void
place_cursor (BylineDocument *document,
              guint           line)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (document), &iter, (int) line - 1);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (document), &iter);
}

/* Replaces the first @old of the text with @new, as typing would. */
static void
replace_text (BylineDocument *document,
              const char     *old,
              const char     *new)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (document);
  GtkTextIter start, end, match_start, match_end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_assert_true (gtk_text_iter_forward_search (&start, old, 0, &match_start, &match_end, NULL));
  gtk_text_buffer_delete (buffer, &match_start, &match_end);
  gtk_text_buffer_insert (buffer, &match_start, new, -1);
  byline_document_analyze_now (document);
  byline_test_wait_for (byline_document_is_analyzed (document));
}

/* The outline lists the headings with their levels and lines; choosing one
 * moves the cursor there; the section holding the cursor is highlighted. */
static void
test_outline (void)
{
  static const struct { guint level; const char *text; guint line; } expected[] = {
    { 2, "Getting started", 7 },
    { 3, "Installing", 11 },
    /* The typographer's ’ and the & are characters, not entities. */
    { 2, "Results & what’s next", 15 },
  };
  Fixture fixture = { 0 };
  BylineOutline *outline;

  fixture_open (&fixture);
  outline = BYLINE_OUTLINE (find (&fixture, BYLINE_TYPE_OUTLINE));

  /* Ctrl+Shift+O's action shows the sidebar at its outline page. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.show-outline", NULL);
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (find (&fixture, ADW_TYPE_FLAP))));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (
                     GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (outline)))), ==, "outline");

  g_assert_cmpuint (byline_outline_get_n_items (outline), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const BylineOutlineItem *heading = byline_outline_get_item (outline, i);

      g_assert_cmpint (heading->kind, ==, BYLINE_OUTLINE_HEADING);
      g_assert_cmpuint (heading->level, ==, expected[i].level);
      g_assert_cmpstr (heading->text, ==, expected[i].text);
      g_assert_cmpuint (heading->line, ==, expected[i].line);
      g_assert_cmpuint (heading->column, ==, 1);
    }

  /* Choosing the last heading puts the cursor on its line. */
  gtk_widget_activate (byline_outline_get_row (outline, 2));
  g_assert_cmpuint (cursor_line (fixture.document), ==, 15);
  g_assert_cmpint (byline_outline_get_current (outline), ==, 2);

  /* The cursor in "Installing"'s section; before the first heading. */
  place_cursor (fixture.document, 13);
  g_assert_cmpint (byline_outline_get_current (outline), ==, 1);
  place_cursor (fixture.document, 2);
  g_assert_cmpint (byline_outline_get_current (outline), ==, -1);

  /* A new heading shows after the analysis. */
  replace_text (fixture.document, "what’s next", "what’s next\n\n#### Details");
  g_assert_cmpuint (byline_outline_get_n_items (outline), ==, 4);
  g_assert_cmpstr (byline_outline_get_item (outline, 3)->text, ==, "Details");
  g_assert_cmpuint (byline_outline_get_item (outline, 3)->level, ==, 4);
  g_assert_cmpuint (byline_outline_get_item (outline, 3)->line, ==, 17);

  byline_test_close_window (fixture.window);
}

/* Figures and shortcode calls are lighter rows in post order, under their
 * heading: choosing one puts the cursor on the call or the picture, and the
 * highlight stays on the section's heading. */
static void
test_outline_places (void)
{
  static const struct {
    BylineOutlineKind kind;
    guint level;
    const char *text;
    guint line, column;
    const char *name;
  } expected[] = {
    /* Before the first heading: not indented. */
    { BYLINE_OUTLINE_FIGURE, 0, "A mesh diagram", 5, 12, "Figure: A mesh diagram" },
    { BYLINE_OUTLINE_HEADING, 2, "Setup", 7, 1, "Heading 2: Setup" },
    /* The caption, not the alt text or the file. */
    { BYLINE_OUTLINE_FIGURE, 2, "The architecture", 9, 1, "Figure: The architecture" },
    { BYLINE_OUTLINE_SHORTCODE, 2, "{{< tip >}}", 14, 17, "Shortcode: {{< tip >}}" },
    { BYLINE_OUTLINE_HEADING, 3, "Details", 16, 1, "Heading 3: Details" },
    /* No alt text: the file's name. */
    { BYLINE_OUTLINE_FIGURE, 3, "plain.png", 18, 1, "Figure: plain.png" },
    { BYLINE_OUTLINE_SHORTCODE, 3, "{{% notice %}}", 20, 1, "Shortcode: {{% notice %}}" },
    /* In the call's Markdown inner text. */
    { BYLINE_OUTLINE_FIGURE, 3, "Inside", 21, 10, "Figure: Inside" },
    /* Hugo's own figure, by its alt text. */
    { BYLINE_OUTLINE_FIGURE, 3, "A figure", 24, 1, "Figure: A figure" },
    { BYLINE_OUTLINE_HEADING, 2, "End", 26, 1, "Heading 2: End" },
  };
  Fixture fixture = { 0 };
  BylineOutline *outline;

  fixture_open_named (&fixture, "writing-outline.md");
  outline = BYLINE_OUTLINE (find (&fixture, BYLINE_TYPE_OUTLINE));
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.show-outline", NULL);

  g_assert_cmpuint (byline_outline_get_n_items (outline), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const BylineOutlineItem *item = byline_outline_get_item (outline, i);
      GtkWidget *row = byline_outline_get_row (outline, i);
      GtkWidget *child = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      g_test_message ("row %u: %s", i, item->text);
      g_assert_cmpint (item->kind, ==, expected[i].kind);
      g_assert_cmpuint (item->level, ==, expected[i].level);
      g_assert_cmpstr (item->text, ==, expected[i].text);
      g_assert_cmpuint (item->line, ==, expected[i].line);
      g_assert_cmpuint (item->column, ==, expected[i].column);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           expected[i].name);
      /* Places are lighter than headings, and never the highlighted row. */
      if (expected[i].kind != BYLINE_OUTLINE_HEADING)
        {
          g_assert_true (gtk_widget_has_css_class (child, "dim-label"));
          g_assert_false (gtk_list_box_row_get_selectable (GTK_LIST_BOX_ROW (row)));
        }
    }

  /* The picture inside {{% notice %}}: the cursor goes to its "!". */
  gtk_widget_activate (byline_outline_get_row (outline, 7));
  g_assert_cmpuint (cursor_line (fixture.document), ==, 21);
  g_assert_cmpuint (cursor_column (fixture.document), ==, 10);
  g_assert_cmpint (byline_outline_get_current (outline), ==, 4);

  /* The call in the middle of a line: its "{{". */
  gtk_widget_activate (byline_outline_get_row (outline, 3));
  g_assert_cmpuint (cursor_line (fixture.document), ==, 14);
  g_assert_cmpuint (cursor_column (fixture.document), ==, 17);
  g_assert_cmpint (byline_outline_get_current (outline), ==, 1);

  /* Before the first heading, the figure there highlights nothing. */
  gtk_widget_activate (byline_outline_get_row (outline, 0));
  g_assert_cmpuint (cursor_line (fixture.document), ==, 5);
  g_assert_cmpint (byline_outline_get_current (outline), ==, -1);

  /* A new call shows after the analysis; the rows before it stay. */
  {
    GtkWidget *first = byline_outline_get_row (outline, 1);

    replace_text (fixture.document, "## End", "{{< gist user 1 >}}\n\n## End");
    g_assert_cmpuint (byline_outline_get_n_items (outline), ==, G_N_ELEMENTS (expected) + 1);
    g_assert_cmpstr (byline_outline_get_item (outline, 9)->text, ==, "{{< gist >}}");
    g_assert_cmpuint (byline_outline_get_item (outline, 9)->line, ==, 26);
    g_assert_cmpuint (byline_outline_get_item (outline, 10)->line, ==, 28);
    g_assert_true (byline_outline_get_row (outline, 1) == first);
  }

  byline_test_close_window (fixture.window);
}

/* Ctrl+Alt+Page Down and Page Up go from heading to heading. */
static void
test_heading_keys (void)
{
  static const struct { guint from; const char *action; guint to; } moves[] = {
    { 1, "win.next-heading", 7 },
    { 7, "win.next-heading", 16 },
    { 16, "win.next-heading", 26 },
    /* No heading below the last: the cursor stays. */
    { 26, "win.next-heading", 26 },
    { 26, "win.previous-heading", 16 },
    /* In a section: its own heading first. */
    { 20, "win.previous-heading", 16 },
    { 16, "win.previous-heading", 7 },
    { 7, "win.previous-heading", 7 },
    { 3, "win.previous-heading", 3 },
  };
  Fixture fixture = { 0 };

  fixture_open_named (&fixture, "writing-outline.md");

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      g_test_message ("%s from line %u", moves[i].action, moves[i].from);
      place_cursor (fixture.document, moves[i].from);
      gtk_widget_activate_action (GTK_WIDGET (fixture.window), moves[i].action, NULL);
      g_assert_cmpuint (cursor_line (fixture.document), ==, moves[i].to);
    }

  byline_test_close_window (fixture.window);
}

/* The popover shows Hugo's figures for the post and the selection. */
static void
test_stats (void)
{
  Fixture fixture = { 0 };
  BylineStatsPopover *popover;
  GtkMenuButton *button;
  fixture_open (&fixture);
  popover = BYLINE_STATS_POPOVER (find (&fixture, BYLINE_TYPE_STATS_POPOVER));
  button = GTK_MENU_BUTTON (gtk_widget_get_parent (GTK_WIDGET (popover)));

  gtk_menu_button_popup (button);
  byline_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  g_assert_cmpstr (byline_stats_popover_get_figure (popover, "words", FALSE), ==, "33");
  g_assert_cmpstr (byline_stats_popover_get_figure (popover, "characters", FALSE), ==, "166");
  g_assert_cmpstr (byline_stats_popover_get_figure (popover, "reading-time", FALSE), ==,
                   "1 minute");
  g_assert_cmpstr (byline_stats_popover_get_figure (popover, "paragraphs", FALSE), ==, "3");
  g_assert_cmpstr (byline_stats_popover_get_figure (popover, "pictures", FALSE), ==, "0");
  g_assert_null (byline_stats_popover_get_figure (popover, "words", TRUE));

  gtk_menu_button_popdown (button);
  byline_test_wait_for (!gtk_widget_get_mapped (GTK_WIDGET (popover)));
  byline_test_close_window (fixture.window);
}

typedef struct
{
  gboolean  done;
  char     *result;
} Evaluation;

static void
evaluate_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Evaluation *evaluation = user_data;
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object), result, &error);
  g_assert_no_error (error);
  evaluation->result = jsc_value_to_string (value);
  evaluation->done = TRUE;
}

/* Runs @script in the preview's page, once it has painted. */
static char *
preview_evaluate (Fixture    *fixture,
                  const char *script)
{
  BylinePreviewPane *pane = BYLINE_PREVIEW_PANE (find (fixture, BYLINE_TYPE_PREVIEW_PANE));
  BylinePreview *preview;
  Evaluation evaluation = { 0 };

  byline_test_wait_for (byline_preview_pane_get_painted (pane));
  preview = BYLINE_PREVIEW (byline_preview_pane_get_preview (pane));
  webkit_web_view_evaluate_javascript (byline_preview_get_web_view (preview), script, -1,
                                       "byline", NULL, NULL, evaluate_done_cb, &evaluation);
  byline_test_wait_for (evaluation.done);
  return evaluation.result;
}

/* The band over the preview's header as the page has it:
 * "class|text|hidden|the id of what follows it". */
static char *
preview_band (Fixture *fixture)
{
  return preview_evaluate (fixture,
                           "(() => { const b = document.getElementById('byline-band');"
                           "return b.className + '|' + b.textContent + '|' + b.hidden + '|' +"
                           " b.nextElementSibling.id; })()");
}

/* Waits until the page's band is @expected. */
static void
assert_band (Fixture    *fixture,
             const char *expected)
{
  g_autofree char *band = NULL;

  for (guint i = 0; i < 200; i++)
    {
      g_free (band);
      band = preview_band (fixture);
      if (g_strcmp0 (band, expected) == 0)
        break;
      byline_test_wait_msec (20);
    }
  g_assert_cmpstr (band, ==, expected);
}

/* The badge follows the front matter: draft, scheduled, expired,
 * published (byline-publish.h; test-publish.c covers Hugo's rules); so does
 * the band over the preview's header. */
static void
test_badge (void)
{
  Fixture fixture = { 0 };
  BylinePublishBadge *badge;

  fixture_open (&fixture);
  badge = BYLINE_PUBLISH_BADGE (find (&fixture, BYLINE_TYPE_PUBLISH_BADGE));

  g_assert_cmpint (byline_publish_badge_get_state (badge), ==, BYLINE_PUBLISH_DRAFT);
  g_assert_cmpstr (byline_publish_badge_get_text (badge), ==, "Draft");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (badge), "draft"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Publish State: Draft");
  /* In the page from its first paint, above the post's header. */
  assert_band (&fixture,
               "draft|Draft — Hugo leaves drafts out of the site (draft: true)|false|byline-header");
  /* The light style's yellow (the tests run in the light style). */
  {
    g_autofree char *background = preview_evaluate (
      &fixture, "getComputedStyle(document.getElementById('byline-band')).backgroundColor");

    g_assert_cmpstr (background, ==, "rgb(249, 240, 107)");
  }

  replace_text (fixture.document, "draft: true", "draft: false");
  g_assert_cmpint (byline_publish_badge_get_state (badge), ==, BYLINE_PUBLISH_PUBLISHED);
  g_assert_cmpstr (byline_publish_badge_get_text (badge), ==, "Published");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (badge), "draft"));
  assert_band (&fixture, "||true|byline-header");

  replace_text (fixture.document, "date: 2024-01-15", "date: 2999-03-12T12:00:00Z");
  g_assert_cmpint (byline_publish_badge_get_state (badge), ==, BYLINE_PUBLISH_SCHEDULED);
  g_assert_cmpstr (byline_publish_badge_get_text (badge), ==, "Scheduled for 12 March 2999");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Publish State: Scheduled for 12 March 2999");
  assert_band (&fixture, "scheduled|Scheduled for 12 March 2999 — Hugo publishes the post once "
                         "its publish date has come|false|byline-header");

  replace_text (fixture.document, "date: 2999-03-12T12:00:00Z",
                "date: 2024-01-15\nexpiryDate: 2024-02-01");
  g_assert_cmpint (byline_publish_badge_get_state (badge), ==, BYLINE_PUBLISH_EXPIRED);
  g_assert_cmpstr (byline_publish_badge_get_text (badge), ==, "Expired");
  assert_band (&fixture, "expired|Expired — Hugo leaves the post out of the site: its expiry "
                         "date has passed|false|byline-header");

  byline_test_close_window (fixture.window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* The test backend keeps the accessible names. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  /* Dates are shown in local time: the expected ones are UTC. */
  g_setenv ("TZ", "UTC", TRUE);
  if (!byline_test_gui_init (&argc, &argv, &tmpdir))
    return 0;

  app = byline_test_application_new ();

  g_test_add_func ("/gui/window-writing/outline", test_outline);
  g_test_add_func ("/gui/window-writing/outline-places", test_outline_places);
  g_test_add_func ("/gui/window-writing/heading-keys", test_heading_keys);
  g_test_add_func ("/gui/window-writing/stats", test_stats);
  g_test_add_func ("/gui/window-writing/badge", test_badge);

  ret = g_test_run ();

  g_clear_object (&app);
  byline_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return ret;
}
