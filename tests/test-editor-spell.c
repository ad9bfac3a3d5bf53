/* test-editor-spell.c — spell checking in the editor: underlines, the word
 * menu, adding and ignoring words, the setting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-editor.h"
#include "byline-spell-language.h"
#include "byline-underlines.h"

#include "byline-test-window.h"

#include <string.h>

static char *tmpdir;
static BylineApplication *app;

static const char post_text[] =
  "---\n"
  "title: \"Spelling\"\n"
  "recieve: true\n"
  "---\n"
  "\n"
  "Teh mesh is ready. Call `recieve` from your code.\n"
  "\n"
  "```bash\n"
  "recieve --now\n"
  "```\n";

typedef struct
{
  char              *folder;
  BylineWindow      *window;
  BylineDocument    *document;
  GtkSourceView     *view;
  BylineEditorSpell *spell;
  GtkTextTag        *tag;
} Fixture;

static gboolean
have_dictionary (void)
{
  if (byline_spell_dictionary_exists ("en_US"))
    return TRUE;
  g_test_skip ("no en_US dictionary for Enchant (hunspell-en-us)");
  return FALSE;
}

/* The offset of the @nth (from 0) @needle in the buffer's text. */
static int
find_offset (Fixture    *fixture,
             const char *needle,
             guint       nth)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  const char *p;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (fixture->document), &start, &end);
  text = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (fixture->document), &start, &end, TRUE);
  p = strstr (text, needle);
  for (guint i = 0; i < nth && p != NULL; i++)
    p = strstr (p + 1, needle);
  g_assert_nonnull (p);
  return (int) g_utf8_pointer_to_offset (text, p);
}

/* Whether every character of the @nth @word has the spelling tag, or none
 * has; fails when some have it. */
static gboolean
word_tagged (Fixture    *fixture,
             const char *word,
             guint       nth)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (fixture->document);
  int offset = find_offset (fixture, word, nth);
  glong length = g_utf8_strlen (word, -1);
  guint tagged = 0;

  for (glong i = 0; i < length; i++)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset + (int) i);
      tagged += gtk_text_iter_has_tag (&iter, fixture->tag);
    }
  g_assert_true (tagged == 0 || tagged == length);
  return tagged == length;
}

/* Opens the post, with @site_list as the .spelling beside it (the lists'
 * start outside a site) when not NULL. */
static void
fixture_open (Fixture    *fixture,
              const char *site_list)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  GtkTextTagTable *table;
  BylineEditor *editor;

  fixture->folder = g_build_filename (tmpdir, "post-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (fixture->folder));
  path = g_build_filename (fixture->folder, "index.md", NULL);
  g_assert_true (g_file_set_contents (path, post_text, -1, NULL));
  file = g_file_new_for_path (path);
  if (site_list != NULL)
    {
      g_autofree char *list_path = g_build_filename (fixture->folder, ".spelling", NULL);

      g_assert_true (g_file_set_contents (list_path, site_list, -1, NULL));
    }

  fixture->window = byline_test_open_window (app, file);
  fixture->document = byline_window_get_document (fixture->window);
  editor = BYLINE_EDITOR (byline_test_find_widget (GTK_WIDGET (fixture->window),
                                                   BYLINE_TYPE_EDITOR));
  fixture->view = byline_editor_get_view (editor);
  fixture->spell = byline_editor_get_spell (editor);
  table = gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (fixture->document));

  /* The checker loads on a thread; the analysis after it underlines. */
  byline_test_wait_for (byline_editor_spell_get_checker (fixture->spell) != NULL);
  byline_test_wait_for (gtk_text_tag_table_lookup (table, BYLINE_UNDERLINE_TAG_SPELLING) != NULL);
  fixture->tag = gtk_text_tag_table_lookup (table, BYLINE_UNDERLINE_TAG_SPELLING);
  byline_test_wait_for (byline_document_is_analyzed (fixture->document) &&
                        word_tagged (fixture, "Teh", 0));
}

static void
fixture_close (Fixture *fixture)
{
  byline_test_close_window (fixture->window);
  byline_test_remove_tree (fixture->folder);
  g_free (fixture->folder);
}

/* The labels of the menu's items, section by section, "|" between them. */
static char *
menu_labels (GMenuModel *menu)
{
  GString *out = g_string_new (NULL);

  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      GMenuModel *section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      if (s > 0)
        g_string_append (out, " | ");
      for (int i = 0; i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *label = NULL;

          g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", label);
        }
      g_object_unref (section);
    }
  return g_string_free (out, FALSE);
}

static gboolean
prepare_menu_at (Fixture    *fixture,
                 const char *word,
                 guint       nth)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (fixture->document), &iter,
                                      find_offset (fixture, word, nth) + 1);
  return byline_editor_spell_prepare_menu (fixture->spell, &iter);
}

/* Prose is checked; code spans, code blocks and front-matter keys are not. */
static void
test_underlines (void)
{
  Fixture fixture = { 0 };

  if (!have_dictionary ())
    return;
  fixture_open (&fixture, NULL);

  g_assert_true (word_tagged (&fixture, "Teh", 0));
  g_assert_false (word_tagged (&fixture, "mesh", 0));
  g_assert_false (word_tagged (&fixture, "recieve", 0));   /* front-matter key */
  g_assert_false (word_tagged (&fixture, "recieve", 1));   /* code span */
  g_assert_false (word_tagged (&fixture, "recieve", 2));   /* code block */
  g_assert_false (word_tagged (&fixture, "Spelling", 0));

  fixture_close (&fixture);
}

/* A flagged word's menu offers suggestions; choosing one replaces the word
 * as one undo step, and the underline goes with the word. */
static void
test_replace (void)
{
  Fixture fixture = { 0 };
  GtkTextBuffer *buffer;
  g_autofree char *labels = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  GtkTextIter start, end;

  if (!have_dictionary ())
    return;
  fixture_open (&fixture, NULL);
  buffer = GTK_TEXT_BUFFER (fixture.document);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  before = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);

  g_assert_false (prepare_menu_at (&fixture, "mesh", 0));
  g_assert_cmpint (g_menu_model_get_n_items (byline_editor_spell_get_menu (fixture.spell)), ==, 0);

  g_assert_true (prepare_menu_at (&fixture, "Teh", 0));
  labels = menu_labels (byline_editor_spell_get_menu (fixture.spell));
  g_test_message ("menu: %s", labels);
  /* The swap of two letters comes first; the second section is fixed. */
  g_assert_true (g_str_has_prefix (labels, "The"));
  g_assert_true (g_str_has_suffix (labels, " | Add to Personal Dictionary, Ignore"));

  gtk_widget_activate_action (GTK_WIDGET (fixture.view), "spelling.replace", "s", "The");
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  after = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_nonnull (strstr (after, "\nThe mesh is ready."));
  byline_test_wait_for (byline_document_is_analyzed (fixture.document));
  g_assert_false (word_tagged (&fixture, "The mesh", 0));

  /* One undo step brings the word back. */
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_undo (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  undone = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_cmpstr (undone, ==, before);

  fixture_close (&fixture);
}

/* "Ignore" accepts the word for the session; "Add" writes it to the site's
 * .spelling when the site has one, and says so in the menu. */
static void
test_ignore_and_add (void)
{
  Fixture fixture = { 0 };
  g_autofree char *labels = NULL;
  g_autofree char *list_path = NULL;
  g_autofree char *list = NULL;

  if (!have_dictionary ())
    return;
  fixture_open (&fixture, NULL);

  g_assert_true (prepare_menu_at (&fixture, "Teh", 0));
  gtk_widget_activate_action (GTK_WIDGET (fixture.view), "spelling.ignore", NULL);
  byline_test_wait_for (byline_document_is_analyzed (fixture.document) &&
                        !word_tagged (&fixture, "Teh", 0));
  fixture_close (&fixture);

  /* A site list in the post's folder (the lists' start outside a site). */
  memset (&fixture, 0, sizeof fixture);
  fixture_open (&fixture, "# words\nIstio\n");
  list_path = g_build_filename (fixture.folder, ".spelling", NULL);

  g_assert_true (prepare_menu_at (&fixture, "Teh", 0));
  labels = menu_labels (byline_editor_spell_get_menu (fixture.spell));
  g_assert_true (g_str_has_suffix (labels, " | Add to Site Word List (.spelling), Ignore"));
  gtk_widget_activate_action (GTK_WIDGET (fixture.view), "spelling.add", NULL);
  g_assert_true (g_file_get_contents (list_path, &list, NULL, NULL));
  g_assert_cmpstr (list, ==, "# words\nIstio\nTeh\n");
  byline_test_wait_for (byline_document_is_analyzed (fixture.document) &&
                        !word_tagged (&fixture, "Teh", 0));

  fixture_close (&fixture);
}

/* The setting switches checking off: the underlines go. */
static void
test_setting (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  if (!have_dictionary ())
    return;
  fixture_open (&fixture, NULL);

  g_settings_set_boolean (settings, "spell-checking", FALSE);
  g_assert_false (byline_editor_spell_get_enabled (fixture.spell));
  g_assert_null (byline_editor_spell_get_checker (fixture.spell));
  byline_test_wait_for (byline_document_is_analyzed (fixture.document) &&
                        !word_tagged (&fixture, "Teh", 0));
  g_assert_false (prepare_menu_at (&fixture, "Teh", 0));

  g_settings_set_boolean (settings, "spell-checking", TRUE);
  byline_test_wait_for (byline_document_is_analyzed (fixture.document) &&
                        word_tagged (&fixture, "Teh", 0));

  fixture_close (&fixture);
}

/* Language tests: a post of its own name, its window made by hand so that
 * the "message" signal is followed from the start. */
typedef struct
{
  char              *folder;
  GFile             *file;
  BylineWindow      *window;
  BylineDocument    *document;
  BylineEditorSpell *spell;
  guint              n_messages;
} LanguageFixture;

static void
count_message_cb (BylineEditorSpell *spell,
                  const char        *message,
                  LanguageFixture   *fixture)
{
  g_test_message ("message: %s", message);
  fixture->n_messages++;
}

/* Opens the post and waits until it is checked (or not) in @language. */
static void
language_open (LanguageFixture *fixture,
               const char      *language)
{
  BylineEditor *editor;

  fixture->window = byline_window_new (GTK_APPLICATION (app));
  fixture->document = byline_window_get_document (fixture->window);
  editor = BYLINE_EDITOR (byline_test_find_widget (GTK_WIDGET (fixture->window),
                                                   BYLINE_TYPE_EDITOR));
  fixture->spell = byline_editor_get_spell (editor);
  fixture->n_messages = 0;
  g_signal_connect (fixture->spell, "message", G_CALLBACK (count_message_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));
  byline_window_load (fixture->window, fixture->file);
  byline_test_wait_for (byline_document_get_file (fixture->document) != NULL &&
                        !byline_document_get_busy (fixture->document));
  /* The window's first checker is loaded before the post, for no file. */
  byline_test_wait_for (g_strcmp0 (byline_editor_spell_get_language (fixture->spell),
                                   language) == 0 &&
                        (g_strcmp0 (language, "en_US") != 0 ||
                         byline_editor_spell_get_checker (fixture->spell) != NULL));
  byline_test_wait_for (byline_document_is_analyzed (fixture->document));
}

static void
language_create (LanguageFixture *fixture,
                 const char      *name,
                 const char      *text,
                 const char      *language)
{
  g_autofree char *path = NULL;

  fixture->folder = g_build_filename (tmpdir, "post-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (fixture->folder));
  path = g_build_filename (fixture->folder, name, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  fixture->file = g_file_new_for_path (path);
  language_open (fixture, language);
}

static void
language_close_window (LanguageFixture *fixture)
{
  g_signal_handlers_disconnect_by_data (fixture->spell, fixture);
  byline_test_close_window (fixture->window);
}

static void
language_close (LanguageFixture *fixture)
{
  language_close_window (fixture);
  byline_test_remove_tree (fixture->folder);
  g_free (fixture->folder);
  g_object_unref (fixture->file);
}

/* Whether any character of the first @word of the text has the spelling tag. */
static gboolean
any_tagged (BylineDocument *document,
            const char     *word)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (document);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                               BYLINE_UNDERLINE_TAG_SPELLING);
  GtkTextIter start, match_start, match_end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, word, 0, &match_start, &match_end, NULL));
  for (GtkTextIter i = match_start; !gtk_text_iter_equal (&i, &match_end);
       gtk_text_iter_forward_char (&i))
    if (tag != NULL && gtk_text_iter_has_tag (&i, tag))
      return TRUE;
  return FALSE;
}

static char *
action_state (BylineWindow *window)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window),
                                                               "spell-language");

  return g_variant_dup_string (state, NULL);
}

/* index.eo.md is in Esperanto (Hugo's language suffix), for which no
 * dictionary is installed: the window says so once, underlines nothing,
 * and checks it in the language chosen by hand, remembered for the file. */
static void
test_language_without_dictionary (void)
{
  LanguageFixture fixture = { 0 };
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *state = NULL;
  g_autofree char *remembered = NULL;

  if (!have_dictionary ())
    return;
  if (byline_spell_dictionary_exists ("eo"))
    {
      g_test_skip ("an Esperanto dictionary is installed");
      return;
    }

  language_create (&fixture, "index.eo.md",
                   "---\ntitle: \"Saluton\"\n---\n\nTeh mesh is ready.\n", "eo");
  g_assert_cmpstr (byline_editor_spell_get_language (fixture.spell), ==, "eo");
  g_assert_null (byline_editor_spell_get_checker (fixture.spell));
  g_assert_cmpstr (byline_editor_spell_get_problem (fixture.spell), ==,
                   "No spelling dictionary for “eo” is installed");
  g_assert_cmpuint (fixture.n_messages, ==, 1);
  byline_test_wait_for (byline_document_is_analyzed (fixture.document) &&
                        !any_tagged (fixture.document, "Teh"));
  g_assert_true (g_strv_contains (byline_editor_spell_get_dictionaries (fixture.spell),
                                  "en_US"));

  /* Loading again (checking off and on) does not say it again. */
  g_settings_set_boolean (settings, "spell-checking", FALSE);
  g_assert_null (byline_editor_spell_get_problem (fixture.spell));
  g_settings_set_boolean (settings, "spell-checking", TRUE);
  byline_test_wait_for (byline_editor_spell_get_problem (fixture.spell) != NULL);
  g_assert_cmpuint (fixture.n_messages, ==, 1);

  /* The main menu's choice: checked in American English from now on. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.spell-language", "s", "en_US");
  byline_test_wait_for (byline_editor_spell_get_checker (fixture.spell) != NULL);
  g_assert_cmpstr (byline_editor_spell_get_language (fixture.spell), ==, "en_US");
  g_assert_null (byline_editor_spell_get_problem (fixture.spell));
  byline_test_wait_for (byline_document_is_analyzed (fixture.document) &&
                        any_tagged (fixture.document, "Teh"));
  state = action_state (fixture.window);
  g_assert_cmpstr (state, ==, "en_US");
  remembered = byline_spell_language_get_choice (fixture.file);
  g_assert_cmpstr (remembered, ==, "en_US");

  /* A new window remembers the choice. */
  language_close_window (&fixture);
  language_open (&fixture, "en_US");
  g_assert_cmpstr (byline_editor_spell_get_choice (fixture.spell), ==, "en_US");
  byline_test_wait_for (byline_editor_spell_get_checker (fixture.spell) != NULL);
  byline_test_wait_for (byline_document_is_analyzed (fixture.document) &&
                        any_tagged (fixture.document, "Teh"));
  g_clear_pointer (&state, g_free);
  state = action_state (fixture.window);
  g_assert_cmpstr (state, ==, "en_US");
  g_assert_cmpuint (fixture.n_messages, ==, 0);

  /* "Automatic" forgets it: Esperanto again. */
  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.spell-language", "s", "");
  byline_test_wait_for (byline_editor_spell_get_problem (fixture.spell) != NULL);
  g_assert_null (byline_editor_spell_get_checker (fixture.spell));
  g_assert_cmpstr (byline_editor_spell_get_language (fixture.spell), ==, "eo");
  g_clear_pointer (&remembered, g_free);
  remembered = byline_spell_language_get_choice (fixture.file);
  g_assert_null (remembered);
  byline_test_wait_for (byline_document_is_analyzed (fixture.document) &&
                        !any_tagged (fixture.document, "Teh"));

  language_close (&fixture);
}

/* A Chinese post (index.zh.md) is not checked word by word, and that is no
 * problem to report. */
static void
test_language_cjk (void)
{
  LanguageFixture fixture = { 0 };

  if (!have_dictionary ())
    return;

  language_create (&fixture, "index.zh.md",
                   "---\ntitle: \"网格\"\n---\n\nTeh 网格已经准备好了。\n", "zh");
  g_assert_cmpstr (byline_editor_spell_get_language (fixture.spell), ==, "zh");
  g_assert_null (byline_editor_spell_get_checker (fixture.spell));
  g_assert_null (byline_editor_spell_get_problem (fixture.spell));
  g_assert_cmpuint (fixture.n_messages, ==, 0);
  byline_test_wait_for (byline_document_is_analyzed (fixture.document) &&
                        !any_tagged (fixture.document, "Teh"));
  g_assert_false (any_tagged (fixture.document, "网格已经准备好了"));

  language_close (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  /* The personal dictionary lives here during the tests; set before GTK
   * reads its settings from the folder. */
  g_autofree char *config = g_dir_make_tmp ("byline-test-config-XXXXXX", NULL);
  int ret;

  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  if (!byline_test_gui_init (&argc, &argv, &tmpdir))
    {
      byline_test_remove_tree (config);
      return 0;
    }

  app = byline_test_application_new ();

  g_test_add_func ("/gui/editor-spell/underlines", test_underlines);
  g_test_add_func ("/gui/editor-spell/replace", test_replace);
  g_test_add_func ("/gui/editor-spell/ignore-and-add", test_ignore_and_add);
  g_test_add_func ("/gui/editor-spell/setting", test_setting);
  g_test_add_func ("/gui/editor-spell/language-without-dictionary",
                   test_language_without_dictionary);
  g_test_add_func ("/gui/editor-spell/language-cjk", test_language_cjk);

  ret = g_test_run ();

  g_clear_object (&app);
  byline_test_remove_tree (tmpdir);
  byline_test_remove_tree (config);
  g_free (tmpdir);
  return ret;
}
