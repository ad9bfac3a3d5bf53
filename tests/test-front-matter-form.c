/* test-front-matter-form.c — the front-matter form, two-way with the YAML text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-application.h"
#include "byline-front-matter-form.h"
#include "byline-preview.h"
#include "byline-tag-list.h"
#include "byline-window.h"

#include "byline-test-gui.h"
#include "byline-test-window.h"

static char *tmpdir;
static BylineApplication *app;

typedef struct
{
  BylineWindow          *window;
  BylineDocument        *document;
  BylineFrontMatterForm *form;
  char                  *original;
} Fixture;

static gboolean
is_shown_label (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget)
         && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* Whether a label at or below @widget shows @text. */
static gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  return byline_test_find_widget_by (widget, is_shown_label, text) != NULL;
}

static char *
buffer_text (BylineDocument *document)
{
  return byline_test_dup_buffer_text (GTK_TEXT_BUFFER (document));
}

/* Opens a copy of a fixture (tests/data/form/NAME, or the sample post for
 * "sample") in a window with the form shown. */
static void
fixture_open (Fixture    *fixture,
              const char *name)
{
  g_autofree char *source = NULL;
  g_autofree char *target = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  if (g_str_equal (name, "sample"))
    source = g_test_build_filename (G_TEST_DIST, "..", "data", "sample", "index.md", NULL);
  else
    source = g_test_build_filename (G_TEST_DIST, "data", "form", name, NULL);
  target = g_build_filename (tmpdir, g_str_equal (name, "sample") ? "index.md" : name, NULL);
  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (target, contents, (gssize) length, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (target);

  fixture->window = byline_window_new (GTK_APPLICATION (app));
  fixture->document = byline_window_get_document (fixture->window);
  fixture->form = BYLINE_FRONT_MATTER_FORM (byline_test_find_widget (GTK_WIDGET (fixture->window),
                                                         BYLINE_TYPE_FRONT_MATTER_FORM));
  g_assert_nonnull (fixture->form);

  gtk_window_present (GTK_WINDOW (fixture->window));
  g_object_set (fixture->window, "show-sidebar", TRUE, NULL);
  byline_window_load (fixture->window, file);
  byline_test_wait_for (byline_document_get_file (fixture->document) != NULL
                        && !byline_document_get_busy (fixture->document));
  byline_document_analyze_now (fixture->document);

  /* The buffer holds the file but its last line break, which GtkSourceView
   * keeps implicit and writes back on save. */
  fixture->original = buffer_text (fixture->document);
  if (g_str_has_suffix (contents, "\n"))
    contents[length - 1] = '\0';
  g_assert_cmpstr (fixture->original, ==, contents);
}

static void
fixture_close (Fixture *fixture)
{
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (fixture->document), FALSE);
  byline_test_destroy_window (GTK_WINDOW (fixture->window));
  g_clear_pointer (&fixture->original, g_free);
}

/* Asserts that the buffer is the original text with @old replaced by @new. */
static void
assert_replaced (Fixture    *fixture,
                 const char *old,
                 const char *replacement)
{
  g_autofree char *text = buffer_text (fixture->document);
  const char *at = strstr (fixture->original, old);
  g_autofree char *expected = NULL;

  g_assert_nonnull (at);
  expected = g_strdup_printf ("%.*s%s%s", (int) (at - fixture->original), fixture->original,
                              replacement, at + strlen (old));
  g_assert_cmpstr (text, ==, expected);
}

/* Setting each field type through its widget */

typedef enum { ENTRY, TEXT_VIEW, LIST_ADD, LIST_REMOVE, SWITCH } Control;

typedef struct
{
  const char *name;
  const char *fixture;
  const char *key;
  Control     control;
  const char *value;
  const char *old;
  const char *replacement;
} SetCase;

static const SetCase set_cases[] = {
  { "sample/title", "sample", "title", ENTRY, "Mesh Day Lisbon 2026: the wrap-up",
    "title: \"Mesh Day Lisbon 2026 wrap-up\"\n",
    "title: \"Mesh Day Lisbon 2026: the wrap-up\"\n" },
  { "sample/subtitle-inserted", "sample", "subtitle", ENTRY, "Notes from the river",
    "title: \"Mesh Day Lisbon 2026 wrap-up\"\n",
    "title: \"Mesh Day Lisbon 2026 wrap-up\"\nsubtitle: Notes from the river\n" },
  { "sample/description", "sample", "description", TEXT_VIEW, "Two days by the river.",
    "description: Two days of talks, a hands-on workshop and a busy booth by the river at "
    "the first Mesh Day in Lisbon.\n",
    "description: Two days by the river.\n" },
  { "sample/publishdate", "sample", "publishdate", ENTRY, "2026-10-13",
    "publishdate: 2026-10-12\n", "publishdate: 2026-10-13\n" },
  { "sample/keywords-add", "sample", "keywords", LIST_ADD, "mesh",
    "keywords: [Mesh Day,Tessera,service mesh,conference,Lisbon,community]\n",
    "keywords: [Mesh Day,Tessera,service mesh,conference,Lisbon,community,mesh]\n" },
  { "sample/keywords-remove", "sample", "keywords", LIST_REMOVE, "Tessera",
    "keywords: [Mesh Day,Tessera,service mesh,conference,Lisbon,community]\n",
    "keywords: [Mesh Day,service mesh,conference,Lisbon,community]\n" },
  { "sample/draft-inserted", "sample", "draft", SWITCH, "true",
    "keywords: [Mesh Day,Tessera,service mesh,conference,Lisbon,community]\n",
    "keywords: [Mesh Day,Tessera,service mesh,conference,Lisbon,community]\ndraft: true\n" },
  { "comments/title", "comments.md", "title", ENTRY, "Upgrading the Mesh, Carefully",
    "title: 'Upgrading the Mesh, Safely'   # single quotes on purpose\n",
    "title: 'Upgrading the Mesh, Carefully'   # single quotes on purpose\n" },
  { "comments/description-folded", "comments.md", "description", TEXT_VIEW, "Forty clusters.",
    "description: >\n  How we moved forty clusters to the new data plane\n"
    "  without a minute of downtime.\n",
    "description: >\n  Forty clusters.\n" },
  { "comments/publishdate-comment", "comments.md", "publishdate", ENTRY, "2024-03-06",
    "publishdate: 2024-03-05   # the day it goes out\n",
    "publishdate: 2024-03-06   # the day it goes out\n" },
  { "comments/keywords-block", "comments.md", "keywords", LIST_ADD, "rollout",
    "  - upgrade\n  - 'data plane'\n  - operations\n",
    "  - upgrade\n  - data plane\n  - operations\n  - rollout\n" },
  { "comments/target-release", "comments.md", "target_release", ENTRY, "1.11",
    "target_release: 1.10\n", "target_release: 1.11\n" },
  { "comments/draft", "comments.md", "draft", SWITCH, "false",
    "draft: true\n", "draft: false\n" },
  { "plain/publishdate-quoted", "plain.md", "publishdate", ENTRY, "2023-10-01",
    "publishdate: \"2023-09-29\"\n", "publishdate: \"2023-10-01\"\n" },
  { "plain/attribution-inserted", "plain.md", "attribution", ENTRY, "Jane Doe",
    "publishdate: \"2023-09-29\"\n", "publishdate: \"2023-09-29\"\nattribution: Jane Doe\n" },
  /* TOML and JSON: only the edited value's text changes; a TOML date is
   * a bare date (TOML 1.0.0 "Local Date"), a JSON one a string. */
  { "toml/title", "toml.md", "title", ENTRY, "Upgrading the Mesh, Carefully",
    "title = \"Upgrading the Mesh\"\n", "title = \"Upgrading the Mesh, Carefully\"\n" },
  { "toml/publishdate", "toml.md", "publishdate", ENTRY, "2024-03-06",
    "publishdate = 2024-03-05\n", "publishdate = 2024-03-06\n" },
  { "toml/keywords-add", "toml.md", "keywords", LIST_ADD, "rollout",
    "keywords = [\"upgrade\", \"operations\"]\n",
    "keywords = [\"upgrade\", \"operations\", \"rollout\"]\n" },
  { "json/title", "json.md", "title", ENTRY, "Upgrading the Mesh, Carefully",
    "\"title\": \"Upgrading the Mesh\",", "\"title\": \"Upgrading the Mesh, Carefully\"," },
  { "json/publishdate", "json.md", "publishdate", ENTRY, "2024-03-06",
    "\"publishdate\": \"2024-03-05\",", "\"publishdate\": \"2024-03-06\"," },
  { "json/keywords-add", "json.md", "keywords", LIST_ADD, "rollout",
    "\"keywords\": [\"upgrade\", \"operations\"]\n",
    "\"keywords\": [\"upgrade\", \"operations\", \"rollout\"]\n" },
};

static void
set_control (Fixture       *fixture,
             const SetCase *c)
{
  GtkWidget *widget = byline_front_matter_form_get_field_widget (fixture->form, c->key);

  g_assert_nonnull (widget);

  switch (c->control)
    {
    case ENTRY:
      g_assert_true (ADW_IS_ENTRY_ROW (widget));
      gtk_editable_set_text (GTK_EDITABLE (widget), c->value);
      g_signal_emit_by_name (widget, "entry-activated");
      break;

    case TEXT_VIEW:
      g_assert_true (GTK_IS_TEXT_VIEW (widget));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), c->value, -1);
      /* The pause in typing would write it; the form's commit does it now. */
      byline_front_matter_form_commit (fixture->form);
      break;

    case LIST_ADD:
      g_assert_true (BYLINE_IS_TAG_LIST (widget));
      {
        GtkEditable *entry = byline_tag_list_get_entry (BYLINE_TAG_LIST (widget));

        gtk_editable_set_text (entry, c->value);
        g_signal_emit_by_name (entry, "activate");
        g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
      }
      break;

    case LIST_REMOVE:
      g_assert_true (BYLINE_IS_TAG_LIST (widget));
      {
        GtkWidget *chip = byline_tag_list_get_chip (BYLINE_TAG_LIST (widget), c->value);

        g_assert_nonnull (chip);
        g_signal_emit_by_name (chip, "clicked");
      }
      break;

    case SWITCH:
      g_assert_true (GTK_IS_SWITCH (widget));
      gtk_switch_set_active (GTK_SWITCH (widget), g_str_equal (c->value, "true"));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
test_set (gconstpointer data)
{
  const SetCase *c = data;
  Fixture fixture = { 0, };

  fixture_open (&fixture, c->fixture);
  g_assert_true (byline_front_matter_form_get_editable (fixture.form));

  set_control (&fixture, c);
  assert_replaced (&fixture, c->old, c->replacement);

  /* One undo step brings back the exact text. */
  gtk_text_buffer_undo (GTK_TEXT_BUFFER (fixture.document));
  {
    g_autofree char *text = buffer_text (fixture.document);

    g_assert_cmpstr (text, ==, fixture.original);
  }

  /* The form follows the undo like any other change of the text. */
  byline_document_analyze_now (fixture.document);
  if (c->control == ENTRY)
    {
      GtkWidget *widget = byline_front_matter_form_get_field_widget (fixture.form, c->key);

      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget)), !=, c->value);
    }

  fixture_close (&fixture);
}

static gboolean
buffer_changed (Fixture *fixture)
{
  g_autofree char *text = buffer_text (fixture->document);

  return g_strcmp0 (text, fixture->original) != 0;
}

/* A pause in typing writes the field too. */
static void
test_pause_commits (void)
{
  Fixture fixture = { 0, };
  GtkWidget *title;

  fixture_open (&fixture, "plain.md");
  title = byline_front_matter_form_get_field_widget (fixture.form, "title");
  gtk_editable_set_text (GTK_EDITABLE (title), "A plainer post");

  byline_test_wait_for (buffer_changed (&fixture));
  assert_replaced (&fixture, "title: A plain post\n", "title: A plainer post\n");

  fixture_close (&fixture);
}

/* An optional field cleared removes its key, with a toast that undoes it. */
static void
test_clear_optional (void)
{
  Fixture fixture = { 0, };
  GtkWidget *subtitle;
  GtkWidget *undo;

  fixture_open (&fixture, "comments.md");
  subtitle = byline_front_matter_form_get_field_widget (fixture.form, "subtitle");
  gtk_editable_set_text (GTK_EDITABLE (subtitle), "");
  g_signal_emit_by_name (subtitle, "entry-activated");
  assert_replaced (&fixture, "subtitle: A field guide\n", "");

  byline_test_wait_for (find_label (GTK_WIDGET (fixture.window),
                                    "Removed Subtitle from the front matter"));
  undo = byline_test_find_button (GTK_WIDGET (fixture.window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  {
    g_autofree char *text = buffer_text (fixture.document);

    g_assert_cmpstr (text, ==, fixture.original);
  }

  fixture_close (&fixture);
}

/* A date that is not one stays in the field, marked, and is not written. */
static void
test_invalid_date (void)
{
  Fixture fixture = { 0, };
  GtkWidget *date;

  fixture_open (&fixture, "comments.md");
  date = byline_front_matter_form_get_field_widget (fixture.form, "publishdate");
  gtk_editable_set_text (GTK_EDITABLE (date), "next Tuesday");
  g_signal_emit_by_name (date, "entry-activated");

  {
    g_autofree char *text = buffer_text (fixture.document);

    g_assert_cmpstr (text, ==, fixture.original);
  }
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "next Tuesday");

  gtk_editable_set_text (GTK_EDITABLE (date), "2024-03-07");
  g_signal_emit_by_name (date, "entry-activated");
  g_assert_false (gtk_widget_has_css_class (date, "error"));
  assert_replaced (&fixture, "publishdate: 2024-03-05   #", "publishdate: 2024-03-07   #");

  fixture_close (&fixture);
}

/* The linter's front-matter findings show on the row of their key, and go
 * when the text is fixed. */
static void
test_linter_findings (void)
{
  Fixture fixture = { 0, };
  GtkWidget *release;
  GtkWidget *title;
  GtkTextIter start, end;
  const char *text;
  const char *at;

  fixture_open (&fixture, "lint.md");
  release = byline_front_matter_form_get_field_widget (fixture.form, "target_release");
  title = byline_front_matter_form_get_field_widget (fixture.form, "title");
  g_assert_true (gtk_widget_has_css_class (release, "warning"));
  g_assert_false (gtk_widget_has_css_class (title, "warning"));
  g_assert_false (gtk_widget_has_css_class (title, "error"));

  /* Quoting the version is the fix the rule asks for. */
  text = fixture.original;
  at = strstr (text, "1.10");
  g_assert_nonnull (at);
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (fixture.document), &start,
                                      (int) g_utf8_pointer_to_offset (text, at));
  end = start;
  gtk_text_iter_forward_chars (&end, 4);
  gtk_text_buffer_delete (GTK_TEXT_BUFFER (fixture.document), &start, &end);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (fixture.document), &start, "\"1.10\"", -1);
  byline_document_analyze_now (fixture.document);

  g_assert_false (gtk_widget_has_css_class (release, "warning"));

  fixture_close (&fixture);
}

/* Text → form: edits of the YAML show in the fields. */
static void
test_follows_text (void)
{
  Fixture fixture = { 0, };
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GtkWidget *title;
  GtkWidget *keywords;
  GtkWidget *draft;
  GtkWidget *description;
  g_auto(GStrv) items = NULL;
  const char * const expected_items[] = { "istio", "ambient", NULL };
  g_autofree char *described = NULL;

  fixture_open (&fixture, "plain.md");
  buffer = GTK_TEXT_BUFFER (fixture.document);
  title = byline_front_matter_form_get_field_widget (fixture.form, "title");
  keywords = byline_front_matter_form_get_field_widget (fixture.form, "keywords");
  draft = byline_front_matter_form_get_field_widget (fixture.form, "draft");
  description = byline_front_matter_form_get_field_widget (fixture.form, "description");

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "A plain post");

  gtk_text_buffer_get_iter_at_line (buffer, &start, 1);
  gtk_text_buffer_get_iter_at_line (buffer, &end, 4);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start,
                          "title: 'Typed in the editor'\n"
                          "description: |\n  Two lines\n  of text.\n"
                          "keywords:\n  - istio\n  - ambient\n"
                          "draft: true\n", -1);
  byline_test_wait_for (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (title)),
                                   "Typed in the editor") == 0);

  items = byline_tag_list_dup_items (BYLINE_TAG_LIST (keywords));
  g_assert_true (g_strv_equal ((const char * const *) items, expected_items));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (draft)));
  {
    GtkTextBuffer *view_buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (description));

    gtk_text_buffer_get_bounds (view_buffer, &start, &end);
    described = gtk_text_buffer_get_text (view_buffer, &start, &end, FALSE);
    g_assert_cmpstr (described, ==, "Two lines\nof text.");
  }

  /* Showing the text's values wrote nothing back. */
  {
    g_autofree char *before = buffer_text (fixture.document);
    g_autofree char *after = NULL;

    byline_front_matter_form_commit (fixture.form);
    after = buffer_text (fixture.document);
    g_assert_cmpstr (after, ==, before);
  }

  fixture_close (&fixture);
}

/* A field being typed in is not overwritten by the text. */
static void
test_focused_field_kept (void)
{
  Fixture fixture = { 0, };
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GtkWidget *title;
  GtkWidget *attribution;

  fixture_open (&fixture, "plain.md");
  buffer = GTK_TEXT_BUFFER (fixture.document);
  title = byline_front_matter_form_get_field_widget (fixture.form, "title");
  attribution = byline_front_matter_form_get_field_widget (fixture.form, "attribution");

  /* Typing without a pause yet: the field has its own edit. */
  gtk_editable_set_text (GTK_EDITABLE (title), "Half-typed");

  gtk_text_buffer_get_iter_at_line (buffer, &start, 1);
  gtk_text_buffer_get_iter_at_line (buffer, &end, 2);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, "title: From the editor\nattribution: Ann\n", -1);
  byline_test_wait_for (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (attribution)),
                                   "Ann") == 0);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Half-typed");

  fixture_close (&fixture);
}

/* A syntax error: the form says where, goes insensitive and writes nothing. */
static void
test_syntax_error (void)
{
  Fixture fixture = { 0, };
  GtkWidget *title;
  GtkTextIter cursor;

  fixture_open (&fixture, "syntax-error.md");

  g_assert_false (byline_front_matter_form_get_editable (fixture.form));
  g_assert_true (find_label (GTK_WIDGET (fixture.form),
                             "The front matter has a syntax error on line 3"));
  title = byline_front_matter_form_get_field_widget (fixture.form, "title");
  g_assert_false (gtk_widget_is_sensitive (title));

  /* Even a field that is changed anyway does not write. */
  gtk_editable_set_text (GTK_EDITABLE (title), "Overwritten");
  g_signal_emit_by_name (title, "entry-activated");
  byline_front_matter_form_commit (fixture.form);
  {
    g_autofree char *text = buffer_text (fixture.document);

    g_assert_cmpstr (text, ==, fixture.original);
  }

  /* The button goes to the line. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.form), "form.jump", NULL));
  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (fixture.document), &cursor,
                                    gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (fixture.document)));
  g_assert_cmpint (gtk_text_iter_get_line (&cursor), ==, 2);

  fixture_close (&fixture);
}

/* A post without front matter gets the profile's block. */
static void
test_add_front_matter (void)
{
  Fixture fixture = { 0, };
  g_autofree char *text = NULL;
  const char *prefix = "---\ntitle: \"\"\ndescription: \"\"\npublishdate: ";

  fixture_open (&fixture, "no-front-matter.md");
  g_assert_false (byline_front_matter_form_get_editable (fixture.form));
  g_assert_true (find_label (GTK_WIDGET (fixture.form), "This post has no front matter"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.form),
                                             "form.add-front-matter", NULL));
  text = buffer_text (fixture.document);
  g_assert_true (g_str_has_prefix (text, prefix));
  g_assert_true (g_str_has_suffix (text, "keywords: []\n---\n\n# A post without front matter\n"
                                   "\nJust a body."));

  byline_document_analyze_now (fixture.document);
  g_assert_true (byline_front_matter_form_get_editable (fixture.form));

  /* One undo step takes it away again. */
  gtk_text_buffer_undo (GTK_TEXT_BUFFER (fixture.document));
  g_free (text);
  text = buffer_text (fixture.document);
  g_assert_cmpstr (text, ==, fixture.original);

  fixture_close (&fixture);
}

/* Every field is named by its visible label; keys the profile does not
 * know are listed read-only. */
static void
test_accessible_names (void)
{
  static const char * const labels[] = {
    "title", "Title", "subtitle", "Subtitle", "description", "Description",
    "publishdate", "Publish date", "last_update", "Last update", "attribution", "Attribution",
    "twitter", "Twitter", "keywords", "Keywords", "target_release", "Target release",
    "aliases", "Aliases", "social_image", "Social image", "draft", "Draft", NULL
  };
  Fixture fixture = { 0, };
  GtkWidget *keywords;
  GtkWidget *chip;

  fixture_open (&fixture, "plain.md");

  for (guint i = 0; labels[i] != NULL; i += 2)
    {
      GtkWidget *widget = byline_front_matter_form_get_field_widget (fixture.form, labels[i]);

      g_assert_nonnull (widget);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, labels[i + 1]);
    }

  keywords = byline_front_matter_form_get_field_widget (fixture.form, "keywords");
  gtk_test_accessible_assert_property (byline_tag_list_get_entry (BYLINE_TAG_LIST (keywords)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Keywords");
  chip = byline_tag_list_get_chip (BYLINE_TAG_LIST (keywords), "security");
  g_assert_nonnull (chip);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Remove keyword security");

  g_assert_true (find_label (GTK_WIDGET (fixture.form), "Other Keys"));
  g_assert_true (find_label (GTK_WIDGET (fixture.form), "custom_key"));
  g_assert_true (find_label (GTK_WIDGET (fixture.form), "kept as is"));

  fixture_close (&fixture);
}

/* The header bar's toggle and F9 show the form; the setting follows. */
static void
test_toggle (void)
{
  Fixture fixture = { 0, };
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  gboolean shown = FALSE;

  fixture_open (&fixture, "plain.md");
  g_object_get (fixture.window, "show-sidebar", &shown, NULL);
  g_assert_true (shown);
  g_assert_true (g_settings_get_boolean (settings, "show-sidebar"));

  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.show-sidebar", NULL);
  g_object_get (fixture.window, "show-sidebar", &shown, NULL);
  g_assert_false (shown);
  g_assert_false (g_settings_get_boolean (settings, "show-sidebar"));

  fixture_close (&fixture);
}

/* A hidden form builds no fields: a post opens without the cost of a form
 * nobody sees. Shown, it has the fields and the post's values at once. */
static void
test_built_when_shown (void)
{
  Fixture fixture = { 0, };
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "form", "plain.md",
                                                   NULL);
  g_autoptr(GFile) file = g_file_new_for_path (source);
  GtkWidget *title;

  fixture.window = byline_window_new (GTK_APPLICATION (app));
  fixture.document = byline_window_get_document (fixture.window);
  fixture.form = BYLINE_FRONT_MATTER_FORM (byline_test_find_widget (GTK_WIDGET (fixture.window),
                                                        BYLINE_TYPE_FRONT_MATTER_FORM));
  g_object_set (fixture.window, "show-sidebar", FALSE, NULL);
  gtk_window_present (GTK_WINDOW (fixture.window));
  byline_window_load (fixture.window, file);
  byline_test_wait_for (byline_document_get_file (fixture.document) != NULL
                        && !byline_document_get_busy (fixture.document));
  byline_document_analyze_now (fixture.document);
  byline_test_wait_msec (200);

  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fixture.form)));
  g_assert_null (byline_test_find_widget (GTK_WIDGET (fixture.form), ADW_TYPE_ENTRY_ROW));

  g_object_set (fixture.window, "show-sidebar", TRUE, NULL);
  byline_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (fixture.form)));
  title = byline_test_find_widget (GTK_WIDGET (fixture.form), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (title);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "A plain post");

  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (fixture.document), FALSE);
  byline_test_destroy_window (GTK_WINDOW (fixture.window));
}

/* Keywords of the site's other posts are offered while typing. */
static void
test_suggestions (void)
{
  const char *posts[] = { "2023/first", "2024/second" };
  g_autofree char *site = g_build_filename (tmpdir, "site", "content", "en", "blog", NULL);
  g_autoptr(GFile) file = NULL;
  BylineWindow *window;
  BylineFrontMatterForm *form;
  GtkWidget *keywords;
  GtkEntryCompletion *completion;
  GtkTreeModel *model;
  GtkTreeIter iter;
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (posts); i++)
    {
      g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "form", "site",
                                                       "content", "en", "blog", posts[i],
                                                       "index.md", NULL);
      g_autofree char *folder = g_build_filename (site, posts[i], NULL);
      g_autofree char *target = g_build_filename (folder, "index.md", NULL);
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
      g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
      g_assert_true (g_file_set_contents (target, contents, -1, NULL));
      if (i == 1)
        file = g_file_new_for_path (target);
    }

  window = byline_window_new (GTK_APPLICATION (app));
  form = BYLINE_FRONT_MATTER_FORM (byline_test_find_widget (GTK_WIDGET (window),
                                                BYLINE_TYPE_FRONT_MATTER_FORM));
  gtk_window_present (GTK_WINDOW (window));
  byline_window_load (window, file);
  byline_test_wait_for (byline_document_get_file (byline_window_get_document (window)) != NULL);

  keywords = byline_front_matter_form_get_field_widget (form, "keywords");
  completion = gtk_entry_get_completion (GTK_ENTRY (byline_tag_list_get_entry (
    BYLINE_TAG_LIST (keywords))));
  model = gtk_entry_completion_get_model (completion);
  byline_test_wait_for (gtk_tree_model_iter_n_children (model, NULL) == 4);

  g_assert_true (gtk_tree_model_get_iter_first (model, &iter));
  do
    {
      char *word = NULL;

      gtk_tree_model_get (model, &iter, 0, &word, -1);
      g_ptr_array_add (words, word);
    }
  while (gtk_tree_model_iter_next (model, &iter));

  /* The most used first, then in alphabetical order. */
  g_assert_cmpstr (g_ptr_array_index (words, 0), ==, "istio");
  g_assert_cmpstr (g_ptr_array_index (words, 1), ==, "ambient");
  g_assert_cmpstr (g_ptr_array_index (words, 2), ==, "mtls");
  g_assert_cmpstr (g_ptr_array_index (words, 3), ==, "security");
  g_ptr_array_unref (words);

  byline_test_destroy_window (GTK_WINDOW (window));
}

/* The finding of the rules about a key, on the key's row */

static GtkWidget *
field_row_of (BylineFrontMatterForm *form,
              const char            *key)
{
  GtkWidget *control = byline_front_matter_form_get_field_widget (form, key);

  g_assert_nonnull (control);
  return GTK_IS_LIST_BOX_ROW (control)
         ? control : gtk_widget_get_ancestor (control, GTK_TYPE_LIST_BOX_ROW);
}

static GtkWidget *
field_row (Fixture    *fixture,
           const char *key)
{
  return field_row_of (fixture->form, key);
}

static gboolean
is_problem_icon (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_IMAGE (widget) && gtk_widget_has_css_class (widget, "byline-form-problem");
}

static GtkWidget *
find_problem_icon (GtkWidget *widget)
{
  return byline_test_find_widget_by (widget, is_problem_icon, NULL);
}

/* The tooltip of a row's problem icon while it shows, else NULL. */
static const char *
row_problem (GtkWidget *row)
{
  GtkWidget *icon = find_problem_icon (row);

  g_assert_nonnull (icon);
  return gtk_widget_get_visible (icon) ? gtk_widget_get_tooltip_text (icon) : NULL;
}

/* byline-cli check on @path: its output, "path:line:column: severity:
 * message [rule]" per finding. */
static char *
run_cli_check (const char *path)
{
  const char *cli = g_getenv ("BYLINE_CLI");
  const char *argv[] = { cli, "check", path, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_nonnull (cli);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  return out;
}

/* title: "" is the missing title the site needs: the form shows the rule's
 * own finding on the Title row, and byline-cli check reports the same. */
static void
test_empty_title (void)
{
  Fixture fixture = { 0, };
  g_autofree char *path = g_build_filename (tmpdir, "empty-title.md", NULL);
  g_autofree char *output = NULL;
  g_autofree char *line = NULL;
  GtkWidget *title;
  const char *message;

  fixture_open (&fixture, "empty-title.md");
  title = field_row (&fixture, "title");
  message = row_problem (title);
  g_assert_nonnull (message);
  g_assert_cmpstr (message, ==,
                   "“title” (Title) is empty: give it a value, the site treats an empty value "
                   "as a missing one");
  g_assert_true (gtk_widget_has_css_class (title, "error"));
  g_assert_null (row_problem (field_row (&fixture, "description")));

  output = run_cli_check (path);
  line = g_strdup_printf ("%s:2:8: error: %s [front-matter/required]\n", path, message);
  g_assert_nonnull (strstr (output, line));

  /* A title fixes it, on the row as in the text. */
  gtk_editable_set_text (GTK_EDITABLE (byline_front_matter_form_get_field_widget (fixture.form,
                                                                                 "title")),
                         "A title");
  g_signal_emit_by_name (byline_front_matter_form_get_field_widget (fixture.form, "title"),
                         "entry-activated");
  byline_document_analyze_now (fixture.document);
  g_assert_null (row_problem (title));
  g_assert_false (gtk_widget_has_css_class (title, "error"));

  fixture_close (&fixture);
}

/* A site that switches a rule off has it off everywhere: neither the form
 * nor byline-cli check shows the missing attribution. */
static void
test_rule_off (void)
{
  g_autofree char *site = g_build_filename (tmpdir, "quiet-site", NULL);
  g_autofree char *bundle = g_build_filename (site, "post", NULL);
  g_autofree char *profile = g_build_filename (site, ".byline.yml", NULL);
  g_autofree char *path = g_build_filename (bundle, "index.md", NULL);
  g_autofree char *output = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BylineWindow *window;
  BylineDocument *document;
  BylineFrontMatterForm *form;
  GtkWidget *attribution;

  g_assert_cmpint (g_mkdir_with_parents (bundle, 0700), ==, 0);
  g_file_set_contents (path, "---\ntitle: T\ndescription: \"What.\"\npublishdate: 2024-03-05\n"
                       "keywords: [a]\n---\n\nBody.\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (profile, "extends: istio\nrules:\n  front-matter/recommended: off\n", -1,
                       &error);
  g_assert_no_error (error);

  window = byline_window_new (GTK_APPLICATION (app));
  document = byline_window_get_document (window);
  form = BYLINE_FRONT_MATTER_FORM (byline_test_find_widget (GTK_WIDGET (window),
                                                            BYLINE_TYPE_FRONT_MATTER_FORM));
  gtk_window_present (GTK_WINDOW (window));
  g_object_set (window, "show-sidebar", TRUE, NULL);
  byline_window_load (window, file);
  byline_test_wait_for (byline_document_get_file (document) != NULL &&
                        !byline_document_get_busy (document) &&
                        byline_document_is_analyzed (document));

  attribution = byline_front_matter_form_get_field_widget (form, "attribution");
  g_assert_false (gtk_widget_has_css_class (attribution, "warning"));
  g_assert_null (row_problem (attribution));

  output = run_cli_check (path);
  g_assert_null (strstr (output, "front-matter/recommended"));
  g_assert_true (g_str_has_prefix (output, "0 errors, 0 warnings"));

  byline_test_destroy_window (GTK_WINDOW (window));
}

/* An edited .byline.yml reaches the form's fields and the preview's style
 * sheet, not only the document's profile. */
static void
test_profile_change (void)
{
  g_autofree char *site = g_build_filename (tmpdir, "changing-site", NULL);
  g_autofree char *git = g_build_filename (site, ".git", NULL);
  g_autofree char *bundle = g_build_filename (site, "post", NULL);
  g_autofree char *profile = g_build_filename (site, ".byline.yml", NULL);
  g_autofree char *path = g_build_filename (bundle, "index.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BylineWindow *window;
  BylineDocument *document;
  BylineFrontMatterForm *form;
  BylinePreview *preview;

  g_assert_cmpint (g_mkdir_with_parents (git, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (bundle, 0700), ==, 0);
  g_file_set_contents (path, "---\ntitle: T\ndescription: \"What.\"\npublishdate: 2024-03-05\n"
                       "attribution: A\nkeywords: [a]\n---\n\nBody.\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (profile, "name: Changing\n", -1, &error);
  g_assert_no_error (error);

  window = byline_window_new (GTK_APPLICATION (app));
  document = byline_window_get_document (window);
  form = BYLINE_FRONT_MATTER_FORM (byline_test_find_widget (GTK_WIDGET (window),
                                                            BYLINE_TYPE_FRONT_MATTER_FORM));
  preview = BYLINE_PREVIEW (byline_test_find_widget (GTK_WIDGET (window), BYLINE_TYPE_PREVIEW));
  gtk_window_present (GTK_WINDOW (window));
  g_object_set (window, "show-sidebar", TRUE, NULL);
  byline_window_load (window, file);
  byline_test_wait_for (byline_document_get_file (document) != NULL &&
                        !byline_document_get_busy (document) &&
                        byline_document_is_analyzed (document));
  g_assert_null (byline_front_matter_form_get_field_widget (form, "series"));
  g_assert_null (strstr (byline_preview_get_stylesheet (preview), "byline-test-marker"));

  g_file_set_contents (profile,
                       "name: Changed\n"
                       "fields:\n"
                       "  - key: series\n"
                       "    label: Series\n"
                       "    missing: error\n"
                       "css: |\n"
                       "  .byline-test-marker { color: red; }\n", -1, &error);
  g_assert_no_error (error);
  byline_test_wait_for (byline_front_matter_form_get_field_widget (form, "series") != NULL);
  g_assert_nonnull (strstr (byline_preview_get_stylesheet (preview), "byline-test-marker"));

  /* The new required field is missing: its row says so, from the rules. */
  byline_test_wait_for (byline_document_is_analyzed (document) &&
                        row_problem (field_row_of (form, "series")) != NULL);
  g_assert_true (gtk_widget_has_css_class (field_row_of (form, "series"), "error"));

  byline_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* The test backend keeps the accessible properties the tests check. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!byline_test_gui_init (&argc, &argv, &tmpdir))
    return 0;

  app = byline_test_application_new ();

  for (guint i = 0; i < G_N_ELEMENTS (set_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/gui/front-matter-form/set/", set_cases[i].name, NULL);

      g_test_add_data_func (path, &set_cases[i], test_set);
    }
  g_test_add_func ("/gui/front-matter-form/pause-commits", test_pause_commits);
  g_test_add_func ("/gui/front-matter-form/clear-optional", test_clear_optional);
  g_test_add_func ("/gui/front-matter-form/invalid-date", test_invalid_date);
  g_test_add_func ("/gui/front-matter-form/linter-findings", test_linter_findings);
  g_test_add_func ("/gui/front-matter-form/follows-text", test_follows_text);
  g_test_add_func ("/gui/front-matter-form/focused-field-kept", test_focused_field_kept);
  g_test_add_func ("/gui/front-matter-form/syntax-error", test_syntax_error);
  g_test_add_func ("/gui/front-matter-form/add-front-matter", test_add_front_matter);
  g_test_add_func ("/gui/front-matter-form/accessible-names", test_accessible_names);
  g_test_add_func ("/gui/front-matter-form/toggle", test_toggle);
  g_test_add_func ("/gui/front-matter-form/suggestions", test_suggestions);
  g_test_add_func ("/gui/front-matter-form/built-when-shown", test_built_when_shown);
  g_test_add_func ("/gui/front-matter-form/empty-title", test_empty_title);
  g_test_add_func ("/gui/front-matter-form/rule-off", test_rule_off);
  g_test_add_func ("/gui/front-matter-form/profile-change", test_profile_change);

  ret = g_test_run ();

  g_clear_object (&app);
  byline_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return ret;
}
