/* test-window-writing.c — the window's writing aids: the outline, the
 * statistics popover and the publish badge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "byline-editor.h"
#include "byline-outline.h"
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
fixture_open (Fixture *fixture)
{
  g_autoptr(GFile) file = byline_test_copy_fixture_apart ("writing-post.md", tmpdir);

  fixture->window = byline_test_open_window (app, file);
  fixture->document = byline_window_get_document (fixture->window);
  byline_test_wait_for (byline_document_is_analyzed (fixture->document));
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

  g_assert_cmpuint (byline_outline_get_n_headings (outline), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const BylineOutlineHeading *heading = byline_outline_get_heading (outline, i);

      g_assert_cmpuint (heading->level, ==, expected[i].level);
      g_assert_cmpstr (heading->text, ==, expected[i].text);
      g_assert_cmpuint (heading->line, ==, expected[i].line);
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
  g_assert_cmpuint (byline_outline_get_n_headings (outline), ==, 4);
  g_assert_cmpstr (byline_outline_get_heading (outline, 3)->text, ==, "Details");
  g_assert_cmpuint (byline_outline_get_heading (outline, 3)->level, ==, 4);
  g_assert_cmpuint (byline_outline_get_heading (outline, 3)->line, ==, 17);

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

/* The badge follows the front matter: draft, scheduled, expired,
 * published (byline-publish.h; test-publish.c covers Hugo's rules). */
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

  replace_text (fixture.document, "draft: true", "draft: false");
  g_assert_cmpint (byline_publish_badge_get_state (badge), ==, BYLINE_PUBLISH_PUBLISHED);
  g_assert_cmpstr (byline_publish_badge_get_text (badge), ==, "Published");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (badge), "draft"));

  replace_text (fixture.document, "date: 2024-01-15", "date: 2999-03-12T12:00:00Z");
  g_assert_cmpint (byline_publish_badge_get_state (badge), ==, BYLINE_PUBLISH_SCHEDULED);
  g_assert_cmpstr (byline_publish_badge_get_text (badge), ==, "Scheduled for 12 March 2999");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Publish State: Scheduled for 12 March 2999");

  replace_text (fixture.document, "date: 2999-03-12T12:00:00Z",
                "date: 2024-01-15\nexpiryDate: 2024-02-01");
  g_assert_cmpint (byline_publish_badge_get_state (badge), ==, BYLINE_PUBLISH_EXPIRED);
  g_assert_cmpstr (byline_publish_badge_get_text (badge), ==, "Expired");

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
  g_test_add_func ("/gui/window-writing/stats", test_stats);
  g_test_add_func ("/gui/window-writing/badge", test_badge);

  ret = g_test_run ();

  g_clear_object (&app);
  byline_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return ret;
}
