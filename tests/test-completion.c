/* test-completion.c — shortcode names and parameters offered in the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window opens a post of the fixture site tests/data/shortcode-site/;
 * text is typed into its editor and the provider the editor uses is asked
 * what it offers there.
 */

#include "config.h"

#include "byline-completion.h"
#include "byline-completion-proposal.h"
#include "byline-editor.h"

#include "byline-test-window.h"

#include <string.h>

static char *tmpdir;
static BylineApplication *app;

typedef struct
{
  char             *root;
  BylineWindow     *window;
  GtkTextBuffer    *buffer;
  BylineCompletion *completion;
} Fixture;

static BylineEditor *
find_editor (BylineWindow *window)
{
  return BYLINE_EDITOR (byline_test_find_widget (GTK_WIDGET (window), BYLINE_TYPE_EDITOR));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "shortcode-site", NULL);
  g_autofree char *post = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) root = NULL;
  g_autoptr(BylineSite) site = NULL;
  g_autoptr(BylineShortcodeCatalog) catalog = NULL;

  f->root = g_build_filename (tmpdir, "site", NULL);
  byline_test_copy_tree (source, f->root);
  post = g_build_filename (f->root, "content", "posts", "hello.md", NULL);
  file = g_file_new_for_path (post);
  f->window = byline_test_open_window (app, file);
  f->buffer = GTK_TEXT_BUFFER (byline_window_get_document (f->window));
  f->completion = byline_editor_get_completion (find_editor (f->window));

  /* The window finds the site's shortcodes on a worker thread. */
  byline_test_wait_for (byline_shortcode_catalog_lookup (byline_completion_get_catalog (f->completion),
                                                         "alert") != NULL);

  /* The site's and Hugo's only: the profile's differ from site to site. */
  root = g_file_new_for_path (f->root);
  site = byline_site_new (root);
  catalog = byline_shortcode_catalog_new (site, NULL);
  byline_completion_set_catalog (f->completion, catalog);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  byline_test_close_window (f->window);
  byline_test_remove_tree (f->root);
  g_free (f->root);
}

/* Types @text at the end of the post, as the keyboard would. */
static void
type_at_end (Fixture    *f,
             const char *text)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (f->buffer, &end);
  gtk_text_buffer_place_cursor (f->buffer, &end);
  gtk_text_buffer_insert_interactive_at_cursor (f->buffer, text, -1, TRUE);
}

/* The proposals at the cursor, "name" each, " " between them. */
static char *
proposals (Fixture *f)
{
  GtkTextIter cursor;
  g_autoptr(GListModel) model = NULL;
  GString *out = g_string_new (NULL);

  gtk_text_buffer_get_iter_at_mark (f->buffer, &cursor, gtk_text_buffer_get_insert (f->buffer));
  model = byline_completion_list_proposals (f->completion, &cursor);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BylineCompletionProposal) proposal = g_list_model_get_item (model, i);

      g_string_append_printf (out, "%s%s", i > 0 ? " " : "",
                              byline_completion_proposal_get_text (proposal));
    }
  return g_string_free (out, FALSE);
}

static void
test_names (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *names = NULL;
  g_autofree char *prefixed = NULL;
  GtkTextIter cursor;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(BylineCompletionProposal) first = NULL;

  type_at_end (f, "\n{{< ");
  names = proposals (f);
  /* The site's templates (youtube over Hugo's), the theme's tip, Hugo's. */
  g_assert_cmpstr (names, ==,
                   "alert attrs broken card cite comment details figure gist highlight "
                   "instagram lost param pick qr ref relref tip video vimeo x youtube");

  gtk_text_buffer_get_iter_at_mark (f->buffer, &cursor, gtk_text_buffer_get_insert (f->buffer));
  model = byline_completion_list_proposals (f->completion, &cursor);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (byline_completion_proposal_get_comment (first), ==,
                   "Site: layouts/shortcodes/alert.html");

  type_at_end (f, "vi");
  prefixed = proposals (f);
  g_assert_cmpstr (prefixed, ==, "video vimeo");
}

static void
test_params (Fixture       *f,
             gconstpointer  data)
{
  static const struct
  {
    const char *typed;
    const char *expected;
  } cases[] = {
    { "\n{{< alert ", "color title" },
    { "\n{{% alert color=\"info\" ", "title" },
    { "\n{{< alert color=\"info\" ti", "title" },
    { "\n{{< video ", "src poster" },
    /* A value is being typed, the call is positional, or closed. */
    { "\n{{< alert title=\"a ", "" },
    { "\n{{< cite \"Dune\" ", "" },
    { "\n{{< alert >}} ", "" },
    { "\n{{< /alert ", "" },
    { "\nPlain text ", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *found = NULL;

      gtk_text_buffer_set_text (f->buffer, "---\ntitle: Hello\n---\n", -1);
      type_at_end (f, cases[i].typed);
      found = proposals (f);
      g_test_message ("%s", cases[i].typed);
      g_assert_cmpstr (found, ==, cases[i].expected);
    }
}

static void
test_apply (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(BylineCompletionProposal) name =
    byline_completion_proposal_new (BYLINE_COMPLETION_NAME, "blocks/cover", NULL);
  g_autoptr(BylineCompletionProposal) param =
    byline_completion_proposal_new (BYLINE_COMPLETION_PARAM, "title", NULL);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_set_text (f->buffer, "", -1);
  type_at_end (f, "{{< blo");
  byline_completion_apply (f->completion, f->buffer, name);
  type_at_end (f, " color=\"x\" ti");
  byline_completion_apply (f->completion, f->buffer, param);

  gtk_text_buffer_get_bounds (f->buffer, &start, &end);
  text = gtk_text_buffer_get_text (f->buffer, &start, &end, TRUE);
  g_assert_cmpstr (text, ==, "{{< blocks/cover color=\"x\" title=\"\"");
  /* The cursor waits between the quotes. */
  gtk_text_buffer_get_iter_at_mark (f->buffer, &end, gtk_text_buffer_get_insert (f->buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&end), ==, (int) strlen (text) - 1);

  /* One undo step takes the parameter back out, as typed. */
  gtk_text_buffer_undo (f->buffer);
  g_free (text);
  gtk_text_buffer_get_bounds (f->buffer, &start, &end);
  text = gtk_text_buffer_get_text (f->buffer, &start, &end, TRUE);
  g_assert_cmpstr (text, ==, "{{< blocks/cover color=\"x\" ti");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!byline_test_gui_init (&argc, &argv, &tmpdir))
    return 0;

  app = byline_test_application_new ();

  g_test_add ("/gui/completion/names", Fixture, NULL, fixture_setup, test_names,
              fixture_teardown);
  g_test_add ("/gui/completion/params", Fixture, NULL, fixture_setup, test_params,
              fixture_teardown);
  g_test_add ("/gui/completion/apply", Fixture, NULL, fixture_setup, test_apply,
              fixture_teardown);

  status = g_test_run ();

  g_clear_object (&app);
  byline_test_remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
