/* test-problems.c — the post's problems in the window: panel, underlines,
 * fixes, "Check post", and agreement with byline-cli check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-application.h"
#include "byline-editor.h"
#include "byline-problems-panel.h"
#include "byline-underlines.h"
#include "byline-window.h"

#include "byline-test-gui.h"
#include "corpus.h"

static char *tmpdir;
static BylineApplication *app;

/* The fixture's text, and the findings byline-cli check gives for it. */
static const char fixture_text[] =
  "---\n"
  "title: \"Problems Fixture\"\n"
  "description: A post with known problems, for the problems panel tests.\n"
  "publishDate: 2024-05-01\n"
  "attribution: \"Byline Tests\"\n"
  "keywords: [byline,tests]\n"
  "---\n"
  "\n"
  "This post has a few problems that the checks find. \n"
  "\n"
  "{{< image width=\"75%\"\n"
  "    link=\"./photo.svg\"\n"
  "    caption=\"A photo of the stage.\"\n"
  "    >}}\n"
  "\n"
  "The speaker said \xe2\x80\x9chello\xe2\x80\x9d to everyone.\n"
  "\n"
  "{{< image width=\"50%\" link=\"./missing.png\" caption=\"A missing picture\" >}}\n"
  "\n"
  "```bash\n"
  "$ kubectl get pods\n"
  "```\n"
  "\n"
  "The last paragraph.\n";

typedef struct
{
  const char *rule_id;
  guint       line;
  gboolean    has_fix;
  const char *accessible_name;
} ExpectedRow;

static const ExpectedRow expected_rows[] = {
  { "front-matter/required", 1, FALSE,
    "Error: The front matter has no “publishdate” (Publish date): add it, line 1" },
  { "bundle/unreferenced", 1, FALSE,
    "Warning: “unused.svg” in the post’s folder is not used by the post: link it or remove "
    "the file, the site publishes it anyway, line 1" },
  { "front-matter/unknown-key", 4, TRUE,
    "Warning: Unknown front matter key “publishDate”: did you mean “publishdate”?, line 4" },
  { "markdown/trailing-space", 9, TRUE,
    "Warning: Trailing whitespace: remove the spaces at the end of the line, line 9" },
  { "image/caption-period", 13, TRUE,
    "Error: Image caption ends with a period: remove it, captions are not sentences on the "
    "site, line 13" },
  { "markdown/curly-quote", 16, TRUE,
    "Error: Curly quotation mark “: use a straight \" instead, as the site’s lint requires, "
    "line 16" },
  { "image/missing-file", 18, FALSE,
    "Error: Image “missing.png” is not in the post’s folder: add the file or fix the link, "
    "line 18" },
  { "markdown/fenced-code", 20, TRUE,
    "Error: Fenced code block: write it as a {{< text bash >}} … {{< /text >}} block, as "
    "the site requires, line 20" },
};

/* Helpers */

/* Whether a label below @widget, but not below a widget of type @skip,
 * shows @text. */
static gboolean
find_label_outside (GtkWidget  *widget,
                    const char *text,
                    GType       skip)
{
  if (skip != G_TYPE_INVALID && G_TYPE_CHECK_INSTANCE_TYPE (widget, skip))
    return FALSE;

  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (find_label_outside (child, text, skip))
        return TRUE;
    }

  return FALSE;
}

static gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  return find_label_outside (widget, text, G_TYPE_INVALID);
}

static GtkWidget *
find_by_css_class (GtkWidget  *widget,
                   const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_css_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkToggleButton *
find_problems_button (BylineWindow *window)
{
  return GTK_TOGGLE_BUTTON (find_by_css_class (GTK_WIDGET (window), "byline-problems-button"));
}

/* A copy of tests/data/problems/ (the post, a photo it shows and one it
 * does not) in a folder of its own. */
static GFile *
copy_problems_bundle (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "problems-XXXXXX", NULL);
  const char * const names[] = { "index.md", "photo.svg", "unused.svg" };

  g_assert_nonnull (g_mkdtemp (dir));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = g_build_filename ("problems", names[i], NULL);
      g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
      g_autofree char *target = g_build_filename (dir, names[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;
      g_autoptr(GError) error = NULL;

      g_file_get_contents (source, &contents, &length, &error);
      g_assert_no_error (error);
      g_file_set_contents (target, contents, (gssize) length, &error);
      g_assert_no_error (error);
    }

  return g_file_new_build_filename (dir, "index.md", NULL);
}

static BylineWindow *
open_window (GFile *file)
{
  BylineWindow *window = byline_window_new (GTK_APPLICATION (app));
  BylineDocument *document = byline_window_get_document (window);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  byline_window_load (window, file);
  byline_test_wait_for (byline_document_get_file (document) != NULL
                        && !byline_document_get_busy (document)
                        && byline_document_is_analyzed (document));

  return window;
}

static void
destroy_window (BylineWindow *window)
{
  /* Nothing of the tests is meant to be saved. */
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (byline_window_get_document (window)), FALSE);
  byline_test_destroy_window (GTK_WINDOW (window));
}

static char *
dup_buffer_text (BylineDocument *document)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (document), &start, &end);
  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (document), &start, &end, TRUE);
}

static void
wait_for_analysis (BylineDocument *document)
{
  byline_test_wait_for (byline_document_is_analyzed (document));
}

static GtkListBoxRow *
get_row (BylineWindow *window,
         int           index)
{
  BylineProblemsPanel *panel =
    BYLINE_PROBLEMS_PANEL (byline_test_find_widget (GTK_WIDGET (window), BYLINE_TYPE_PROBLEMS_PANEL));

  return gtk_list_box_get_row_at_index (byline_problems_panel_get_list_box (panel), index);
}

static GtkListBoxRow *
find_row (BylineWindow *window,
          const char   *rule_id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = get_row (window, i)) != NULL; i++)
    {
      BylineProblem *problem = g_object_get_data (G_OBJECT (row), "byline-problem");

      if (g_strcmp0 (byline_problem_get_rule_id (problem), rule_id) == 0)
        return row;
    }

  return NULL;
}

static GtkTextTag *
lookup_tag (BylineDocument *document,
            const char     *name)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (document));

  return gtk_text_tag_table_lookup (table, name);
}

/* The panel lists the fixture's findings, in order, with their lines, a
 * Fix button where the rule has a fix, and accessible names that read
 * severity, message and line. */
static void
test_panel_lists (void)
{
  g_autoptr(GFile) file = copy_problems_bundle ();
  BylineWindow *window = open_window (file);
  BylineDocument *document = byline_window_get_document (window);
  GtkWidget *button;
  GtkListBoxRow *row;
  guint i;

  g_assert_cmpuint (byline_document_get_n_errors (document), ==, 5);
  g_assert_cmpuint (byline_document_get_n_warnings (document), ==, 3);
  g_assert_cmpuint (byline_document_get_n_infos (document), ==, 0);

  for (i = 0; (row = get_row (window, (int) i)) != NULL; i++)
    {
      BylineProblem *problem = g_object_get_data (G_OBJECT (row), "byline-problem");
      g_autofree char *line = NULL;
      gboolean has_fix_button;

      g_assert_cmpuint (i, <, G_N_ELEMENTS (expected_rows));
      g_assert_cmpstr (byline_problem_get_rule_id (problem), ==, expected_rows[i].rule_id);
      g_assert_cmpuint (byline_problem_get_line (problem), ==, expected_rows[i].line);

      line = g_strdup_printf ("Line %u", expected_rows[i].line);
      g_assert_true (find_label (GTK_WIDGET (row), line));
      g_assert_true (find_label (GTK_WIDGET (row), expected_rows[i].rule_id));
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           expected_rows[i].accessible_name);

      button = byline_test_find_widget (GTK_WIDGET (row), GTK_TYPE_BUTTON);
      has_fix_button = button != NULL;
      g_assert_cmpint (has_fix_button, ==, expected_rows[i].has_fix);
      if (button != NULL)
        {
          g_autofree char *name = g_strdup_printf ("Fix: %s", byline_problem_get_message (problem));

          gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button),
                                               GTK_ACCESSIBLE_PROPERTY_LABEL, name);
        }
    }
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (expected_rows));

  /* The header button counts errors and warnings. */
  g_assert_true (find_label (GTK_WIDGET (find_problems_button (window)), "8"));

  destroy_window (window);
}

/* The header button and Ctrl+Shift+M's action show and hide the panel; the
 * button's accessible name gives the counts. */
static void
test_toggle_panel (void)
{
  g_autoptr(GFile) file = copy_problems_bundle ();
  BylineWindow *window = open_window (file);
  GtkToggleButton *button = find_problems_button (window);
  GtkWidget *panel = byline_test_find_widget (GTK_WIDGET (window), BYLINE_TYPE_PROBLEMS_PANEL);
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_parent (panel));

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (button), "error"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Problems: 5 errors, 3 warnings");

  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-problems", NULL);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_true (gtk_toggle_button_get_active (button));
  gtk_toggle_button_set_active (button, FALSE);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  destroy_window (window);
}

/* Activating a row puts the cursor at the problem and scrolls there. */
static void
test_activate_row (void)
{
  g_autoptr(GFile) file = copy_problems_bundle ();
  BylineWindow *window = open_window (file);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (byline_window_get_document (window));
  GtkTextIter cursor;
  GtkListBoxRow *row;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-problems", NULL);

  row = find_row (window, "markdown/curly-quote");
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_line (&cursor), ==, 15);
  g_assert_cmpint (gtk_text_iter_get_line_offset (&cursor), ==, 17);

  row = find_row (window, "markdown/fenced-code");
  g_signal_emit_by_name (row, "activate");
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_line (&cursor), ==, 19);
  g_assert_cmpint (gtk_text_iter_get_line_offset (&cursor), ==, 0);

  destroy_window (window);
}

/* An edit above a problem moves its row rather than replacing it: the row
 * shows the new line, reads it out, and its Fix still lands on its text. */
static void
test_rows_follow_edits (void)
{
  g_autoptr(GFile) file = copy_problems_bundle ();
  BylineWindow *window = open_window (file);
  BylineDocument *document = byline_window_get_document (window);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (document);
  g_autofree char *text = NULL;
  GtkListBoxRow *row;
  GtkWidget *button;
  GtkTextIter iter;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-problems", NULL);
  row = find_row (window, "markdown/curly-quote");
  g_assert_nonnull (row);
  g_object_add_weak_pointer (G_OBJECT (row), (gpointer *) &row);

  /* A new paragraph after line 9. */
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 9);
  gtk_text_buffer_insert (buffer, &iter, "A new paragraph.\n\n", -1);
  wait_for_analysis (document);

  g_assert_nonnull (row);
  g_assert_true (find_row (window, "markdown/curly-quote") == row);
  g_assert_true (find_label (GTK_WIDGET (row), "Line 18"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Error: Curly quotation mark “: use a straight \" "
                                       "instead, as the site’s lint requires, line 18");

  button = byline_test_find_widget (GTK_WIDGET (row), GTK_TYPE_BUTTON);
  g_signal_emit_by_name (button, "clicked");
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 17);
  {
    GtkTextIter end = iter;

    gtk_text_iter_forward_to_line_end (&end);
    text = gtk_text_buffer_get_text (buffer, &iter, &end, TRUE);
  }
  g_assert_cmpstr (text, ==, "The speaker said \"hello\" to everyone.");

  g_object_remove_weak_pointer (G_OBJECT (row), (gpointer *) &row);
  destroy_window (window);
}

static char *
replace_once (const char *text,
              const char *old,
              const char *replacement)
{
  const char *at = strstr (text, old);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (at);
  g_string_append_len (out, text, at - text);
  g_string_append (out, replacement);
  g_string_append (out, at + strlen (old));

  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *rule_id;
  const char *old;
  const char *replacement;
} FixCase;

static const FixCase fix_cases[] = {
  { "image/caption-period", "caption=\"A photo of the stage.\"",
    "caption=\"A photo of the stage\"" },
  { "markdown/trailing-space", "checks find. \n", "checks find.\n" },
  { "markdown/curly-quote", "\xe2\x80\x9chello\xe2\x80\x9d", "\"hello\"" },
  { "front-matter/unknown-key", "publishDate:", "publishdate:" },
  { "markdown/fenced-code", "```bash\n$ kubectl get pods\n```",
    "{{< text bash >}}\n$ kubectl get pods\n{{< /text >}}" },
};

/* Fix changes exactly the problem's text, as one undo step. */
static void
test_fix (gconstpointer data)
{
  const FixCase *c = data;
  g_autoptr(GFile) file = copy_problems_bundle ();
  BylineWindow *window = open_window (file);
  BylineDocument *document = byline_window_get_document (window);
  g_autofree char *expected = replace_once (fixture_text, c->old, c->replacement);
  g_autofree char *text = NULL;
  GtkListBoxRow *row;
  GtkWidget *button;

  text = dup_buffer_text (document);
  /* The buffer hides the final newline. */
  g_assert_cmpmem (text, strlen (text), fixture_text, strlen (fixture_text) - 1);
  g_clear_pointer (&text, g_free);

  row = find_row (window, c->rule_id);
  g_assert_nonnull (row);
  button = byline_test_find_widget (GTK_WIDGET (row), GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");

  text = dup_buffer_text (document);
  g_assert_cmpmem (text, strlen (text), expected, strlen (expected) - 1);
  g_clear_pointer (&text, g_free);

  /* The problem is gone after the next analysis. */
  wait_for_analysis (document);
  g_assert_null (find_row (window, c->rule_id));

  /* One undo restores the text, and there was nothing else to undo: the
   * fix was a single step. */
  g_assert_true (gtk_text_buffer_get_can_undo (GTK_TEXT_BUFFER (document)));
  gtk_text_buffer_undo (GTK_TEXT_BUFFER (document));
  text = dup_buffer_text (document);
  g_assert_cmpmem (text, strlen (text), fixture_text, strlen (fixture_text) - 1);
  g_assert_false (gtk_text_buffer_get_can_undo (GTK_TEXT_BUFFER (document)));

  destroy_window (window);
}

/* A fix found in an older text is refused, not applied at the wrong place. */
static void
test_fix_stale (void)
{
  g_autoptr(GFile) file = copy_problems_bundle ();
  BylineWindow *window = open_window (file);
  BylineDocument *document = byline_window_get_document (window);
  GListModel *problems = byline_document_get_problems (document);
  g_autoptr(BylineProblem) problem = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkTextIter start;

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(BylineProblem) item = g_list_model_get_item (problems, i);

      if (g_str_equal (byline_problem_get_rule_id (item), "image/caption-period"))
        problem = g_steal_pointer (&item);
    }
  g_assert_nonnull (problem);

  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (document), &start);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &start, "x", -1);
  before = dup_buffer_text (document);

  g_assert_false (byline_document_apply_fix (document, problem, &error));
  g_assert_error (error, BYLINE_DOCUMENT_ERROR, BYLINE_DOCUMENT_ERROR_STALE);
  after = dup_buffer_text (document);
  g_assert_cmpstr (before, ==, after);

  destroy_window (window);
}

/* Problems are underlined with their severity's tag, and typing the fix by
 * hand takes the underline away after the analysis. */
static void
test_underline_clears (void)
{
  g_autoptr(GFile) file = copy_problems_bundle ();
  BylineWindow *window = open_window (file);
  BylineDocument *document = byline_window_get_document (window);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (document);
  BylineEditor *editor = BYLINE_EDITOR (byline_test_find_widget (GTK_WIDGET (window),
                                                         BYLINE_TYPE_EDITOR));
  GtkTextTag *error_tag = lookup_tag (document, BYLINE_UNDERLINE_TAG_ERROR);
  GtkTextTag *warning_tag = lookup_tag (document, BYLINE_UNDERLINE_TAG_WARNING);
  GtkTextIter period, after, iter;
  gboolean in_caption;

  g_assert_nonnull (error_tag);
  g_assert_nonnull (warning_tag);

  /* Line 13: caption="A photo of the stage." — the period is underlined as
   * an error, and only the period. */
  gtk_text_buffer_get_iter_at_line_offset (buffer, &period, 12, 33);
  g_assert_cmpint (gtk_text_iter_get_char (&period), ==, '.');
  g_assert_true (gtk_text_iter_has_tag (&period, error_tag));
  iter = period;
  gtk_text_iter_backward_char (&iter);
  g_assert_false (gtk_text_iter_has_tag (&iter, error_tag));
  /* Line 4: the misspelt key is a warning. */
  gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, 3, 5);
  g_assert_true (gtk_text_iter_has_tag (&iter, warning_tag));
  g_assert_false (gtk_text_iter_has_tag (&iter, error_tag));

  /* The tooltip text at the period is the finding's message. */
  {
    GtkSourceView *view = byline_editor_get_view (editor);
    g_autoptr(BylineUnderlines) underlines = byline_underlines_new (view);
    g_autofree char *messages = NULL;

    byline_underlines_set_document (underlines, document);
    messages = byline_underlines_dup_messages_at (underlines, &period);
    g_assert_cmpstr (messages, ==, "Error: Image caption ends with a period: remove it, "
                                   "captions are not sentences on the site");
    g_clear_pointer (&messages, g_free);
    gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, 12, 20);
    messages = byline_underlines_dup_messages_at (underlines, &iter);
    g_assert_null (messages);
  }

  /* Typing: delete the period as a user would. */
  after = period;
  gtk_text_iter_forward_char (&after);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_interactive (buffer, &period, &after, TRUE);
  gtk_text_buffer_end_user_action (buffer);
  wait_for_analysis (document);

  gtk_text_buffer_get_iter_at_line (buffer, &iter, 12);
  in_caption = FALSE;
  while (!gtk_text_iter_ends_line (&iter))
    {
      in_caption |= gtk_text_iter_has_tag (&iter, error_tag);
      gtk_text_iter_forward_char (&iter);
    }
  g_assert_false (in_caption);
  g_assert_cmpuint (byline_document_get_n_errors (document), ==, 4);

  destroy_window (window);
}

/* Adding the missing picture to the folder clears its finding; removing
 * the unused one clears the other. */
static void
test_bundle_follows_folder (void)
{
  g_autoptr(GFile) file = copy_problems_bundle ();
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GFile) missing = g_file_get_child (folder, "missing.png");
  g_autoptr(GFile) unused = g_file_get_child (folder, "unused.svg");
  BylineWindow *window = open_window (file);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (find_row (window, "image/missing-file"));
  g_assert_nonnull (find_row (window, "bundle/unreferenced"));

  g_file_replace_contents (missing, "", 0, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  byline_test_wait_for (find_row (window, "image/missing-file") == NULL);

  g_file_delete (unused, NULL, &error);
  g_assert_no_error (error);
  byline_test_wait_for (find_row (window, "bundle/unreferenced") == NULL);

  destroy_window (window);
}

/* "Check post" analyses at once and says what it found; a clean post has
 * an empty panel and a clean header. */
static void
test_check (void)
{
  g_autoptr(GFile) file = copy_problems_bundle ();
  g_autoptr(GFile) clean = NULL;
  g_autofree char *clean_path = NULL;
  BylineWindow *window = open_window (file);
  GtkToggleButton *button;
  GtkWidget *panel;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.check", NULL);
  /* The panel shows the same words: the toast is the label outside it. */
  byline_test_wait_for (find_label_outside (GTK_WIDGET (window), "5 errors, 3 warnings",
                                            BYLINE_TYPE_PROBLEMS_PANEL));
  destroy_window (window);

  /* The sample post is clean (and the test does not change it). */
  clean_path = g_test_build_filename (G_TEST_DIST, "..", "data", "sample", "index.md", NULL);
  clean = g_file_new_for_path (clean_path);
  window = open_window (clean);
  g_assert_cmpuint (g_list_model_get_n_items (byline_document_get_problems (
                                                byline_window_get_document (window))), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.check", NULL);
  g_assert_true (find_label_outside (GTK_WIDGET (window), "No problems found",
                                     BYLINE_TYPE_PROBLEMS_PANEL));

  button = find_problems_button (window);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (button), "success"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Problems: none");
  panel = byline_test_find_widget (GTK_WIDGET (window), BYLINE_TYPE_PROBLEMS_PANEL);
  g_assert_true (find_label (panel, "No Problems"));

  /* A clean draft is not done: no green check, and its name says why. */
  {
    BylineDocument *document = byline_window_get_document (window);
    GtkTextIter at;

    gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (document), &at, 1);
    gtk_text_buffer_insert (GTK_TEXT_BUFFER (document), &at, "draft: true\n", -1);
    byline_document_analyze_now (document);
    /* (Being a draft is an info finding, not a problem of the count.) */
    g_assert_cmpuint (byline_document_get_n_errors (document), ==, 0);
    g_assert_cmpuint (byline_document_get_n_warnings (document), ==, 0);
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (button), "success"));
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Problems: none, but not on the site: Draft");

    gtk_text_buffer_undo (GTK_TEXT_BUFFER (document));
    byline_document_analyze_now (document);
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (button), "success"));
    gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (document), FALSE);
  }

  destroy_window (window);
}

/* GUI and CLI agree */

typedef struct
{
  char           *rule_id;
  char           *severity;
  guint           line;
  guint           column;
} Finding;

static char *
finding_to_string (const Finding *finding)
{
  return g_strdup_printf ("%u:%u %s %s", finding->line, finding->column,
                          finding->severity, finding->rule_id);
}

/* The findings of byline-cli check --format json, one string each. */
static GPtrArray *
run_cli (GFile *file)
{
  const char *cli = g_getenv ("BYLINE_CLI");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_free);
  const char *argv[] = { cli, "check", "--format", "json", path, NULL };
  int status = 0;

  g_assert_nonnull (cli);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);

  /* The output holds one diagnostic a line, in this key order. */
  regex = g_regex_new ("^\\s*\\{\"ruleId\": \"([^\"]+)\", \"severity\": \"([a-z]+)\", "
                       "\"message\": .*, \"line\": (\\d+), \"column\": (\\d+), \"endLine\"",
                       G_REGEX_MULTILINE | G_REGEX_UNGREEDY, 0, &error);
  g_assert_no_error (error);
  g_regex_match (regex, out, 0, &match);
  while (g_match_info_matches (match))
    {
      Finding finding;
      g_autofree char *line = g_match_info_fetch (match, 3);
      g_autofree char *column = g_match_info_fetch (match, 4);

      finding.rule_id = g_match_info_fetch (match, 1);
      finding.severity = g_match_info_fetch (match, 2);
      finding.line = (guint) g_ascii_strtoull (line, NULL, 10);
      finding.column = (guint) g_ascii_strtoull (column, NULL, 10);
      g_ptr_array_add (findings, finding_to_string (&finding));
      g_free (finding.rule_id);
      g_free (finding.severity);
      g_match_info_next (match, NULL);
    }
  g_assert_true (strstr (out, "\"error\": null") != NULL);

  return findings;
}

static GPtrArray *
window_findings (BylineWindow *window)
{
  GListModel *problems = byline_document_get_problems (byline_window_get_document (window));
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(BylineProblem) problem = g_list_model_get_item (problems, i);
      Finding finding = {
        .rule_id = (char *) byline_problem_get_rule_id (problem),
        .severity = (char *) byline_severity_to_string (byline_problem_get_severity (problem)),
        .line = byline_problem_get_line (problem),
        .column = byline_problem_get_column (problem),
      };

      g_ptr_array_add (findings, finding_to_string (&finding));
    }

  return findings;
}

static char *
join_findings (GPtrArray *findings)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (findings, i));

  return g_string_free (out, FALSE);
}

static void
assert_agree (GFile *file)
{
  BylineWindow *window = open_window (file);
  g_autoptr(GPtrArray) gui = window_findings (window);
  g_autoptr(GPtrArray) cli = run_cli (file);
  g_autofree char *gui_text = join_findings (gui);
  g_autofree char *cli_text = join_findings (cli);

  g_assert_cmpstr (gui_text, ==, cli_text);
  destroy_window (window);
}

/* A theme the site's configuration names is not there: the problems list
 * says so in a row that names the theme's folder rather than a line, and
 * nothing of the text is underlined for it. */
static void
test_site_file_row (void)
{
  /* Apart from the tests' folder and its istio.io profile: learned. */
  g_autofree char *site = g_dir_make_tmp ("byline-themeless-XXXXXX", NULL);
  g_autofree char *config = g_build_filename (site, "hugo.toml", NULL);
  g_autofree char *post = g_build_filename (site, "content", "posts", "a.md", NULL);
  g_autofree char *posts = g_path_get_dirname (post);
  g_autofree char *expected = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (post);
  g_autoptr(GError) error = NULL;
  BylineWindow *window;
  BylineDocument *document;
  BylineProblem *problem;
  GtkListBoxRow *row;
  GtkTextTag *info_tag;
  GtkTextIter start;

  g_assert_cmpint (g_mkdir_with_parents (posts, 0700), ==, 0);
  g_file_set_contents (config, "baseURL = \"https://example.org/\"\ntheme = \"PaperMod\"\n", -1,
                       &error);
  g_assert_no_error (error);
  g_file_set_contents (post, "---\ntitle: A\n---\n\nText.\n", -1, &error);
  g_assert_no_error (error);

  window = open_window (file);
  document = byline_window_get_document (window);
  g_assert_cmpuint (byline_document_get_n_infos (document), ==, 1);
  row = get_row (window, 0);
  g_assert_nonnull (row);
  g_assert_null (get_row (window, 1));
  problem = g_object_get_data (G_OBJECT (row), "byline-problem");
  g_assert_cmpstr (byline_problem_get_rule_id (problem), ==, "site/component-missing");
  g_assert_true (find_label (GTK_WIDGET (row), "PaperMod"));
  g_assert_false (find_label (GTK_WIDGET (row), "Line 1"));
  expected = g_strdup_printf ("Info: The theme PaperMod is not in %s/themes/PaperMod: its "
                              "shortcodes and templates are not known., in PaperMod", site);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       expected);

  info_tag = lookup_tag (document, BYLINE_UNDERLINE_TAG_INFO);
  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (document), &start);
  g_assert_true (info_tag == NULL || !gtk_text_iter_has_tag (&start, info_tag));

  destroy_window (window);
  byline_test_remove_tree (site);
}

static void
test_agree_fixtures (void)
{
  const char * const fixtures[] = {
    "post-lf.md", "post-crlf.md", "post-bom.md", "post-no-newline.md", "post-mixed.md",
  };
  g_autoptr(GFile) problems = copy_problems_bundle ();
  g_autofree char *sample_path = g_test_build_filename (G_TEST_DIST, "..", "data", "sample",
                                                        "index.md", NULL);
  g_autoptr(GFile) sample = g_file_new_for_path (sample_path);

  assert_agree (problems);
  assert_agree (sample);

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(GFile) file = byline_test_copy_fixture (fixtures[i], tmpdir);

      g_test_message ("%s", fixtures[i]);
      assert_agree (file);
    }
}

static void
test_agree_corpus (void)
{
  g_autoptr(GPtrArray) posts = corpus_load ();

  if (posts == NULL)
    {
      g_test_skip ("BYLINE_CORPUS/istio-blog is not there");
      return;
    }
  g_assert_cmpuint (posts->len, >, 0);

  for (guint i = 0; i < posts->len; i++)
    {
      CorpusPost *post = g_ptr_array_index (posts, i);
      g_autoptr(GFile) file = g_file_new_for_path (post->path);

      g_test_message ("%s", post->name);
      assert_agree (file);
    }
}

/* A double click on Fix, or a click on the row that moved up under the
 * pointer, does not fix the next problem; the focus goes to that row. */
static void
test_fix_twice (void)
{
  g_autoptr(GFile) file = copy_problems_bundle ();
  BylineWindow *window = open_window (file);
  BylineDocument *document = byline_window_get_document (window);
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *fixed = replace_once (fixture_text, "checks find. \n", "checks find.\n");
  g_autofree char *text = NULL;
  GtkListBoxRow *row, *next;
  int index;

  g_object_set (settings, "gtk-double-click-time", 1000, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-problems", NULL);

  row = find_row (window, "markdown/trailing-space");
  index = gtk_list_box_row_get_index (row);
  g_signal_emit_by_name (byline_test_find_widget (GTK_WIDGET (row), GTK_TYPE_BUTTON), "clicked");
  wait_for_analysis (document);
  g_assert_null (find_row (window, "markdown/trailing-space"));

  next = get_row (window, index);
  g_assert_true (next == find_row (window, "image/caption-period"));
  byline_test_wait_for (gtk_window_get_focus (GTK_WINDOW (window)) == GTK_WIDGET (next));

  g_signal_emit_by_name (byline_test_find_widget (GTK_WIDGET (next), GTK_TYPE_BUTTON), "clicked");
  text = dup_buffer_text (document);
  g_assert_cmpmem (text, strlen (text), fixed, strlen (fixed) - 1);
  g_clear_pointer (&text, g_free);

  /* Once the pointer had time to see the new row, its own Fix works. */
  byline_test_wait_msec (1100);
  g_signal_emit_by_name (byline_test_find_widget (GTK_WIDGET (next), GTK_TYPE_BUTTON), "clicked");
  g_clear_pointer (&fixed, g_free);
  {
    g_autofree char *once = replace_once (fixture_text, "checks find. \n", "checks find.\n");

    fixed = replace_once (once, "the stage.\"", "the stage\"");
  }
  text = dup_buffer_text (document);
  g_assert_cmpmem (text, strlen (text), fixed, strlen (fixed) - 1);

  g_object_set (settings, "gtk-double-click-time", 400, NULL);
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  /* The test backend keeps the accessible names, so that the tests can
   * read what a screen reader would. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!byline_test_gui_init (&argc, &argv, &tmpdir))
    return 0;

  /* A private instance: no D-Bus name, no single-instance forwarding. */
  app = byline_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui/problems/panel/lists", test_panel_lists);
  g_test_add_func ("/gui/problems/panel/toggle", test_toggle_panel);
  g_test_add_func ("/gui/problems/panel/activate", test_activate_row);
  g_test_add_func ("/gui/problems/panel/rows-follow-edits", test_rows_follow_edits);
  for (guint i = 0; i < G_N_ELEMENTS (fix_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gui/problems/fix/%s", fix_cases[i].rule_id);

      g_test_add_data_func (path, &fix_cases[i], test_fix);
    }
  g_test_add_func ("/gui/problems/fix/stale", test_fix_stale);
  g_test_add_func ("/gui/problems/fix/twice", test_fix_twice);
  g_test_add_func ("/gui/problems/underline/clears", test_underline_clears);
  g_test_add_func ("/gui/problems/bundle/follows-folder", test_bundle_follows_folder);
  g_test_add_func ("/gui/problems/check", test_check);
  g_test_add_func ("/gui/problems/site-file", test_site_file_row);
  g_test_add_func ("/gui/problems/cli-agrees/fixtures", test_agree_fixtures);
  g_test_add_func ("/gui/problems/cli-agrees/corpus", test_agree_corpus);

  ret = g_test_run ();

  g_clear_object (&app);
  byline_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return ret;
}
