/* test-shortcode-dialog.c — the Insert Shortcode dialog: a form from the template, insert, edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window opens a post of the fixture site tests/data/shortcode-site/
 * and its "win.insert-shortcode" dialog writes calls into the post.
 */

#include "config.h"

#include "byline-completion.h"
#include "byline-editor.h"

#include "byline-test-window.h"

#include <string.h>

static char *tmpdir;
static BylineApplication *app;

#define HEAD "---\ntitle: Hello\n---\n\n"

typedef struct
{
  char          *root;
  BylineWindow  *window;
  GtkTextBuffer *buffer;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "shortcode-site", NULL);
  g_autofree char *post = NULL;
  g_autoptr(GFile) file = NULL;
  BylineEditor *editor;

  f->root = g_build_filename (tmpdir, "site", NULL);
  byline_test_copy_tree (source, f->root);
  post = g_build_filename (f->root, "content", "posts", "hello.md", NULL);
  file = g_file_new_for_path (post);
  f->window = byline_test_open_window (app, file);
  f->buffer = GTK_TEXT_BUFFER (byline_window_get_document (f->window));
  editor = BYLINE_EDITOR (byline_test_find_widget (GTK_WIDGET (f->window), BYLINE_TYPE_EDITOR));
  byline_test_wait_for (byline_shortcode_catalog_lookup (
                          byline_completion_get_catalog (byline_editor_get_completion (editor)),
                          "alert") != NULL);
}

/* @data is non-NULL for a test that selects text: GTK 4.8 leaks a text
 * buffer once it had a selection (its clipboard content holds the buffer),
 * so only the window is waited for then, as in test-editor. */
static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_text_buffer_set_modified (f->buffer, FALSE);
  byline_test_destroy_window_full (GTK_WINDOW (f->window), data == NULL);
  byline_test_remove_tree (f->root);
  g_free (f->root);
}

static char *
dup_text (Fixture *f)
{
  return byline_test_dup_buffer_text (f->buffer);
}

static void
place_cursor (Fixture *f,
              int      offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (f->buffer, &iter, offset);
  gtk_text_buffer_place_cursor (f->buffer, &iter);
}

static BylineShortcodeDialog *
open_dialog (Fixture *f)
{
  BylineShortcodeDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.insert-shortcode", NULL);
  dialog = byline_window_get_shortcode_dialog (f->window);
  g_assert_nonnull (dialog);
  return dialog;
}

/* The form's fields from top to bottom, by the names their accessible
 * labels start with. */
static char *
describe_form (BylineShortcodeDialog *dialog)
{
  GString *out = g_string_new (NULL);
  static const char * const names[] = { "src", "poster", "color", "title", "titel", NULL };

  for (guint i = 0; names[i] != NULL; i++)
    {
      GtkEditable *field = byline_shortcode_dialog_get_field (dialog, names[i], -1);

      if (field == NULL)
        continue;
      g_string_append_printf (out, "%s%s=%s", out->len > 0 ? " " : "", names[i],
                              gtk_editable_get_text (field));
      if (gtk_entry_get_placeholder_text (GTK_ENTRY (field)) != NULL)
        g_string_append_printf (out, "[%s]", gtk_entry_get_placeholder_text (GTK_ENTRY (field)));
    }
  return g_string_free (out, FALSE);
}

static void
test_insert (Fixture       *f,
             gconstpointer  data)
{
  BylineShortcodeDialog *dialog;
  g_autofree char *form = NULL;
  g_autofree char *shortcode = NULL;
  g_autofree char *text = NULL;

  gtk_text_buffer_set_text (f->buffer, HEAD "Before after.\n", -1);
  place_cursor (f, (int) strlen (HEAD "Before "));
  dialog = open_dialog (f);
  g_assert_false (byline_shortcode_dialog_get_editing (dialog));

  /* The required src comes first; Insert waits for it. */
  g_assert_true (byline_shortcode_dialog_select (dialog, "video"));
  form = describe_form (dialog);
  g_assert_cmpstr (form, ==, "src= poster=");
  g_assert_cmpstr (byline_shortcode_dialog_get_error (dialog), ==, "“src” is required");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "shortcode.insert", NULL);
  g_assert_true (byline_window_get_shortcode_dialog (f->window) == dialog);
  text = dup_text (f);
  g_assert_cmpstr (text, ==, HEAD "Before after.\n");
  g_clear_pointer (&text, g_free);

  gtk_editable_set_text (byline_shortcode_dialog_get_field (dialog, "src", -1), "clip \"1\".mp4");
  g_assert_null (byline_shortcode_dialog_get_error (dialog));
  shortcode = byline_shortcode_dialog_dup_shortcode (dialog);
  g_assert_cmpstr (shortcode, ==, "{{< video src=\"clip \\\"1\\\".mp4\" >}}");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "shortcode.insert", NULL);
  byline_test_wait_for (byline_window_get_shortcode_dialog (f->window) == NULL);
  text = dup_text (f);
  g_assert_cmpstr (text, ==, HEAD "Before {{< video src=\"clip \\\"1\\\".mp4\" >}}after.\n");

  /* One undo step takes it back out. */
  gtk_text_buffer_undo (f->buffer);
  g_free (text);
  text = dup_text (f);
  g_assert_cmpstr (text, ==, HEAD "Before after.\n");
}

static void
test_paired (Fixture       *f,
             gconstpointer  data)
{
  BylineShortcodeDialog *dialog;
  g_autofree char *form = NULL;
  g_autofree char *shortcode = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  /* The selected text becomes the content. */
  gtk_text_buffer_set_text (f->buffer, HEAD "Be careful.\n", -1);
  gtk_text_buffer_get_iter_at_offset (f->buffer, &start, (int) strlen (HEAD));
  gtk_text_buffer_get_iter_at_offset (f->buffer, &end, (int) strlen (HEAD "Be careful."));
  gtk_text_buffer_select_range (f->buffer, &start, &end);
  dialog = open_dialog (f);

  g_assert_true (byline_shortcode_dialog_select (dialog, "alert"));
  /* Defaults show as placeholders. */
  form = describe_form (dialog);
  g_assert_cmpstr (form, ==, "color=[primary] title=");
  gtk_editable_set_text (byline_shortcode_dialog_get_field (dialog, "title", -1), "Note");
  shortcode = byline_shortcode_dialog_dup_shortcode (dialog);
  g_assert_cmpstr (shortcode, ==, "{{< alert title=\"Note\" >}}Be careful.{{< /alert >}}");

  /* Named and positional values do not mix; a positional call is fine. */
  g_assert_true (byline_shortcode_dialog_select (dialog, "cite"));
  g_assert_cmpstr (byline_shortcode_dialog_get_error (dialog), ==, "Value 1 is required");
  gtk_editable_set_text (byline_shortcode_dialog_get_field (dialog, NULL, 0), "Dune");
  g_free (shortcode);
  shortcode = byline_shortcode_dialog_dup_shortcode (dialog);
  g_assert_cmpstr (shortcode, ==, "{{< cite \"Dune\" >}}");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "shortcode.insert", NULL);
  byline_test_wait_for (byline_window_get_shortcode_dialog (f->window) == NULL);
  text = dup_text (f);
  g_assert_cmpstr (text, ==, HEAD "{{< cite \"Dune\" >}}\n");
}

static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  const char *call = "{{< alert color=\"info\" titel=\"X\" >}}Body{{< /alert >}}";
  BylineShortcodeDialog *dialog;
  g_autofree char *form = NULL;
  g_autofree char *shortcode = NULL;
  g_autofree char *text = NULL;
  g_autofree char *original = g_strconcat (HEAD "Text ", call, " more.\n", NULL);

  gtk_text_buffer_set_text (f->buffer, original, -1);
  /* The cursor inside the call's tag, on "color". */
  place_cursor (f, (int) strlen (HEAD "Text {{< alert co"));
  dialog = open_dialog (f);

  g_assert_true (byline_shortcode_dialog_get_editing (dialog));
  g_assert_cmpstr (byline_shortcode_dialog_get_name (dialog), ==, "alert");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Shortcode");
  /* titel is not read by the template, but the call has it: it stays. */
  form = describe_form (dialog);
  g_assert_cmpstr (form, ==, "color=info[primary] title= titel=X");

  gtk_editable_set_text (byline_shortcode_dialog_get_field (dialog, "color", -1), "warning");
  gtk_editable_set_text (byline_shortcode_dialog_get_field (dialog, "titel", -1), "");
  gtk_editable_set_text (byline_shortcode_dialog_get_field (dialog, "title", -1), "Note");
  shortcode = byline_shortcode_dialog_dup_shortcode (dialog);
  g_assert_cmpstr (shortcode, ==, "{{< alert color=\"warning\" title=\"Note\" >}}");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "shortcode.insert", NULL);
  byline_test_wait_for (byline_window_get_shortcode_dialog (f->window) == NULL);
  text = dup_text (f);
  g_assert_cmpstr (text, ==,
                   HEAD "Text {{< alert color=\"warning\" title=\"Note\" >}}Body{{< /alert >}} more.\n");

  /* One undo step brings the call back as it was. */
  gtk_text_buffer_undo (f->buffer);
  g_free (text);
  text = dup_text (f);
  g_assert_cmpstr (text, ==, original);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!byline_test_gui_init (&argc, &argv, &tmpdir))
    return 0;

  app = byline_test_application_new ();

  g_test_add ("/gui/shortcode-dialog/insert", Fixture, NULL, fixture_setup, test_insert,
              fixture_teardown);
  g_test_add ("/gui/shortcode-dialog/paired", Fixture, "selects", fixture_setup, test_paired,
              fixture_teardown);
  g_test_add ("/gui/shortcode-dialog/edit", Fixture, NULL, fixture_setup, test_edit,
              fixture_teardown);

  status = g_test_run ();

  g_clear_object (&app);
  byline_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
