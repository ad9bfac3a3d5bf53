/* byline-editor-spell.c — spell checking in the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is prose and which words are unknown is the core's business: with a
 * checker, the document's analysis runs the rule spelling/unknown-word over
 * the prose the core's walker finds (never code, shortcode calls or
 * front-matter keys), in the analysis worker for large posts, and
 * BylineUnderlines gives its findings the spelling tag. Typing never waits
 * for it: the tags follow the text until the next analysis.
 *
 * This object loads the checker for the post (its language from the site,
 * its words from the site's lists) on a thread, and makes the context menu
 * of a flagged word: suggestions, adding the word to the site's .spelling
 * list or the personal dictionary, and ignoring it.
 */

#define G_LOG_DOMAIN "byline-editor-spell"

#include "config.h"

#include "byline-editor-spell.h"

#include "byline-site.h"
#include "byline-spell-language.h"
#include "byline-spell-lists.h"
#include "byline-underlines.h"

#include <glib/gi18n.h>
#include <string.h>

#define MAX_SUGGESTIONS 6

/* Posts whose site names no language, and users whose locale has no
 * dictionary, are checked in American English. */
#define FALLBACK_LANGUAGE "en_US"

struct _BylineEditorSpell
{
  GObject             parent_instance;

  GtkSourceView      *view;
  BylineDocument     *document;
  GSettings          *settings;
  GSimpleActionGroup *actions;
  GMenu              *menu;
  GtkGesture         *click;
  GtkEventController *keys;

  BylineSpellChecker *checker;
  GFile              *site_list;   /* the site's .spelling, or NULL */
  char               *problem;
  GCancellable       *loading;

  /* The word of the open menu. */
  GtkTextMark        *word_start;
  GtkTextMark        *word_end;
  char               *word;

  gboolean            enabled;
};

G_DEFINE_FINAL_TYPE (BylineEditorSpell, byline_editor_spell, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ENABLED,
  PROP_CHECKER,
  N_PROPS
};

enum
{
  MESSAGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Loading the checker */

typedef struct
{
  GFile              *file;       /* nullable */
  GFile              *site_root;  /* nullable */
  BylineProfile      *profile;
  char               *fallback;
  /* results */
  BylineSpellChecker *checker;
  GFile              *site_list;
  char               *problem;
} Load;

static void
load_free (Load *load)
{
  g_clear_object (&load->file);
  g_clear_object (&load->site_root);
  g_clear_object (&load->profile);
  g_clear_pointer (&load->fallback, g_free);
  g_clear_object (&load->checker);
  g_clear_object (&load->site_list);
  g_clear_pointer (&load->problem, g_free);
  g_free (load);
}

static void
load_thread_cb (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Load *load = task_data;
  g_autoptr(BylineLanguages) languages = NULL;
  g_autoptr(GFile) start = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *language = NULL;
  GFile *site_root = load->site_root;

  /* The user's language when it has a dictionary. Asking Enchant loads its
   * providers, which is why it happens here and not as the window opens. */
  if (load->fallback == NULL || !byline_spell_dictionary_exists (load->fallback))
    {
      g_free (load->fallback);
      load->fallback = g_strdup (FALLBACK_LANGUAGE);
    }

  if (load->file != NULL)
    start = byline_spell_lists_start (load->file, site_root);
  languages = byline_languages_read (site_root);
  language = load->file != NULL
             ? byline_spell_language_for_post (languages, load->file, NULL, load->fallback)
             : g_strdup (load->fallback);

  /* Chinese, Japanese and Korean text is not checked word by word. */
  if (byline_spell_language_is_cjk (language))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  load->checker = byline_spell_checker_new_for_site (language, start, load->profile, warnings,
                                                     &error);
  if (load->checker == NULL)
    load->problem = g_strdup (error->message);
  for (guint i = 0; i < warnings->len; i++)
    g_message ("%s", (const char *) g_ptr_array_index (warnings, i));
  if (start != NULL)
    load->site_list = byline_spell_lists_find_mdspell (start);

  g_task_return_boolean (task, TRUE);
}

static void
set_checker (BylineEditorSpell  *self,
             BylineSpellChecker *checker)
{
  if (self->document != NULL)
    byline_document_set_spell_checker (self->document, checker);
  if (g_set_object (&self->checker, checker))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKER]);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  BylineEditorSpell *self;
  GTask *task = G_TASK (result);
  Load *load;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return;

  self = BYLINE_EDITOR_SPELL (object);
  load = g_task_get_task_data (task);
  g_clear_object (&self->loading);

  g_set_object (&self->site_list, load->site_list);
  g_free (self->problem);
  self->problem = g_steal_pointer (&load->problem);
  if (self->problem != NULL)
    g_signal_emit (self, signals[MESSAGE], 0, self->problem);
  set_checker (self, load->checker);
}


static void
byline_editor_spell_reload (BylineEditorSpell *self)
{
  g_autoptr(GTask) task = NULL;
  Load *load;

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_object (&self->site_list);
  g_clear_pointer (&self->problem, g_free);
  set_checker (self, NULL);

  if (!self->enabled || self->document == NULL)
    return;

  load = g_new0 (Load, 1);
  load->file = byline_document_get_file (self->document) != NULL
               ? g_object_ref (byline_document_get_file (self->document)) : NULL;
  if (byline_document_get_site (self->document) != NULL &&
      byline_site_get_root (byline_document_get_site (self->document)) != NULL)
    load->site_root = g_object_ref (byline_site_get_root (byline_document_get_site (self->document)));
  load->profile = byline_document_get_profile (self->document) != NULL
                  ? g_object_ref (byline_document_get_profile (self->document)) : NULL;
  load->fallback = g_strdup (pango_language_to_string (pango_language_get_default ()));

  self->loading = g_cancellable_new ();
  task = g_task_new (self, self->loading, load_done_cb, NULL);
  g_task_set_source_tag (task, byline_editor_spell_reload);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  g_task_run_in_thread (task, load_thread_cb);
}

static void
file_changed_cb (BylineEditorSpell *self,
                 GParamSpec        *pspec,
                 BylineDocument    *document)
{
  byline_editor_spell_reload (self);
}

/* The menu */

static GtkTextTag *
spelling_tag (BylineEditorSpell *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (self->document));

  return gtk_text_tag_table_lookup (table, BYLINE_UNDERLINE_TAG_SPELLING);
}

/* Quick suggestions first: they put the site's own words before the
 * dictionary's; then Enchant's. */
static char **
suggest (BylineEditorSpell *self,
         const char        *word)
{
  g_auto(GStrv) quick = byline_spell_checker_quick_suggest (self->checker, word, MAX_SUGGESTIONS);
  g_auto(GStrv) more = byline_spell_checker_suggest (self->checker, word, MAX_SUGGESTIONS);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; quick[i] != NULL && n < MAX_SUGGESTIONS; i++, n++)
    g_strv_builder_add (builder, quick[i]);
  for (guint i = 0; more[i] != NULL && n < MAX_SUGGESTIONS; i++)
    if (!g_strv_contains ((const char * const *) quick, more[i]) && strcmp (more[i], word) != 0)
      {
        g_strv_builder_add (builder, more[i]);
        n++;
      }
  return g_strv_builder_end (builder);
}

gboolean
byline_editor_spell_prepare_menu (BylineEditorSpell *self,
                                  const GtkTextIter *iter)
{
  GtkTextBuffer *buffer;
  GtkTextTag *tag;
  GtkTextIter start, end;
  g_auto(GStrv) suggestions = NULL;
  g_autoptr(GMenu) replace = NULL;
  g_autoptr(GMenu) others = NULL;
  g_autofree char *add_label = NULL;

  g_return_val_if_fail (BYLINE_IS_EDITOR_SPELL (self), FALSE);
  g_return_val_if_fail (iter != NULL, FALSE);

  g_menu_remove_all (self->menu);
  g_clear_pointer (&self->word, g_free);

  if (self->document == NULL || self->checker == NULL)
    return FALSE;
  tag = spelling_tag (self);
  if (tag == NULL || !gtk_text_iter_has_tag (iter, tag))
    return FALSE;

  buffer = GTK_TEXT_BUFFER (self->document);
  start = end = *iter;
  if (!gtk_text_iter_starts_tag (&start, tag))
    gtk_text_iter_backward_to_tag_toggle (&start, tag);
  gtk_text_iter_forward_to_tag_toggle (&end, tag);
  self->word = gtk_text_iter_get_slice (&start, &end);
  gtk_text_buffer_move_mark (buffer, self->word_start, &start);
  gtk_text_buffer_move_mark (buffer, self->word_end, &end);

  replace = g_menu_new ();
  suggestions = suggest (self, self->word);
  for (guint i = 0; suggestions[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (suggestions[i], NULL);

      g_menu_item_set_action_and_target_value (item, "spelling.replace",
                                               g_variant_new_string (suggestions[i]));
      g_menu_append_item (replace, item);
    }
  if (suggestions[0] == NULL)
    g_menu_append (replace, _("No Suggestions"), "spelling.none");

  others = g_menu_new ();
  if (self->site_list != NULL)
    {
      g_autofree char *name = g_file_get_basename (self->site_list);

      /* Translators: %s is the site's word list file, ".spelling". */
      add_label = g_strdup_printf (_("Add to Site Word List (%s)"), name);
    }
  else
    add_label = g_strdup (_("Add to Personal Dictionary"));
  g_menu_append (others, add_label, "spelling.add");
  g_menu_append (others, _("Ignore"), "spelling.ignore");

  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (replace));
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (others));
  return TRUE;
}

GMenuModel *
byline_editor_spell_get_menu (BylineEditorSpell *self)
{
  g_return_val_if_fail (BYLINE_IS_EDITOR_SPELL (self), NULL);

  return G_MENU_MODEL (self->menu);
}

static void
pressed_cb (BylineEditorSpell *self,
            int                n_press,
            double             x,
            double             y,
            GtkGestureClick   *gesture)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->view);
  GtkTextIter iter;
  int bx, by;

  if (self->document == NULL)
    return;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y,
                                         &bx, &by);
  if (gtk_text_view_get_iter_at_location (view, &iter, bx, by))
    byline_editor_spell_prepare_menu (self, &iter);
  else
    g_menu_remove_all (self->menu);
}

/* Shift+F10 and the Menu key open the view's menu at the cursor: the word
 * menu is made for the cursor first. Not handled, so that the view's own
 * binding opens the menu. */
static gboolean
menu_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  BylineEditorSpell *self = user_data;
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  if (self->document == NULL)
    return FALSE;
  buffer = GTK_TEXT_BUFFER (self->document);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  byline_editor_spell_prepare_menu (self, &iter);
  return FALSE;
}

/* The word of the menu, when the text there is still that word. */
static gboolean
get_word_bounds (BylineEditorSpell *self,
                 GtkTextIter       *start,
                 GtkTextIter       *end)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  g_autofree char *text = NULL;

  if (self->word == NULL)
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (buffer, start, self->word_start);
  gtk_text_buffer_get_iter_at_mark (buffer, end, self->word_end);
  text = gtk_text_iter_get_slice (start, end);
  return g_strcmp0 (text, self->word) == 0;
}

static void
replace_cb (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  BylineEditorSpell *self = user_data;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  const char *replacement = g_variant_get_string (parameter, NULL);

  if (self->document == NULL || !get_word_bounds (self, &start, &end))
    return;

  /* One undo step. */
  buffer = GTK_TEXT_BUFFER (self->document);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, replacement, -1);
  gtk_text_buffer_end_user_action (buffer);
}

static void
add_cb (GSimpleAction *action,
        GVariant      *parameter,
        gpointer       user_data)
{
  BylineEditorSpell *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean added;

  if (self->checker == NULL || self->word == NULL)
    return;

  if (self->site_list != NULL)
    {
      added = byline_spell_lists_add_to_mdspell (self->site_list, self->word, &error);
      if (added)
        {
          const char *words[] = { self->word, NULL };

          byline_spell_checker_add_site_words (self->checker, words);
        }
    }
  else
    added = byline_spell_checker_add_to_personal (self->checker, self->word, &error);

  if (!added)
    g_signal_emit (self, signals[MESSAGE], 0, error->message);
  else if (self->document != NULL)
    byline_document_recheck_spelling (self->document);
}

static void
ignore_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  BylineEditorSpell *self = user_data;

  if (self->checker == NULL || self->word == NULL)
    return;

  byline_spell_checker_ignore_word (self->checker, self->word);
  if (self->document != NULL)
    byline_document_recheck_spelling (self->document);
}

/* Public API */

void
byline_editor_spell_set_document (BylineEditorSpell *self,
                                  BylineDocument    *document)
{
  g_return_if_fail (BYLINE_IS_EDITOR_SPELL (self));
  g_return_if_fail (document == NULL || BYLINE_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);

      g_signal_handlers_disconnect_by_data (self->document, self);
      gtk_text_buffer_delete_mark (buffer, self->word_start);
      gtk_text_buffer_delete_mark (buffer, self->word_end);
      g_clear_object (&self->word_start);
      g_clear_object (&self->word_end);
    }

  g_set_object (&self->document, document);
  g_menu_remove_all (self->menu);
  g_clear_pointer (&self->word, g_free);

  if (document != NULL)
    {
      GtkTextBuffer *buffer = GTK_TEXT_BUFFER (document);
      GtkTextIter start;

      gtk_text_buffer_get_start_iter (buffer, &start);
      self->word_start = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE));
      self->word_end = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &start, FALSE));
      g_signal_connect_object (document, "notify::file", G_CALLBACK (file_changed_cb), self,
                               G_CONNECT_SWAPPED);
      /* The site's profile (its words) is read after the file is set. */
      g_signal_connect_object (document, "notify::profile", G_CALLBACK (file_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  byline_editor_spell_reload (self);
}

gboolean
byline_editor_spell_get_enabled (BylineEditorSpell *self)
{
  g_return_val_if_fail (BYLINE_IS_EDITOR_SPELL (self), FALSE);

  return self->enabled;
}

void
byline_editor_spell_set_enabled (BylineEditorSpell *self,
                                 gboolean           enabled)
{
  g_return_if_fail (BYLINE_IS_EDITOR_SPELL (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;

  self->enabled = enabled;
  byline_editor_spell_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

BylineSpellChecker *
byline_editor_spell_get_checker (BylineEditorSpell *self)
{
  g_return_val_if_fail (BYLINE_IS_EDITOR_SPELL (self), NULL);

  return self->checker;
}

const char *
byline_editor_spell_get_problem (BylineEditorSpell *self)
{
  g_return_val_if_fail (BYLINE_IS_EDITOR_SPELL (self), NULL);

  return self->problem;
}

/* GObject */

static void
byline_editor_spell_dispose (GObject *object)
{
  BylineEditorSpell *self = BYLINE_EDITOR_SPELL (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  byline_editor_spell_set_document (self, NULL);
  if (self->view != NULL)
    {
      gtk_widget_insert_action_group (GTK_WIDGET (self->view), "spelling", NULL);
      gtk_widget_remove_controller (GTK_WIDGET (self->view),
                                    GTK_EVENT_CONTROLLER (self->click));
      gtk_widget_remove_controller (GTK_WIDGET (self->view), self->keys);
      g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *) &self->view);
      self->view = NULL;
    }
  g_clear_object (&self->click);
  g_clear_object (&self->keys);
  g_clear_object (&self->settings);
  g_clear_object (&self->actions);
  g_clear_object (&self->menu);
  g_clear_object (&self->checker);
  g_clear_object (&self->site_list);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->word, g_free);

  G_OBJECT_CLASS (byline_editor_spell_parent_class)->dispose (object);
}

static void
byline_editor_spell_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BylineEditorSpell *self = BYLINE_EDITOR_SPELL (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    case PROP_CHECKER:
      g_value_set_object (value, self->checker);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_editor_spell_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BylineEditorSpell *self = BYLINE_EDITOR_SPELL (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      byline_editor_spell_set_enabled (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_editor_spell_class_init (BylineEditorSpellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = byline_editor_spell_dispose;
  object_class->get_property = byline_editor_spell_get_property;
  object_class->set_property = byline_editor_spell_set_property;

  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CHECKER] =
    g_param_spec_object ("checker", NULL, NULL, BYLINE_TYPE_SPELL_CHECKER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
byline_editor_spell_init (BylineEditorSpell *self)
{
  static const GActionEntry entries[] = {
    { "replace", replace_cb, "s" },
    { "add", add_cb },
    { "ignore", ignore_cb },
  };
  g_autoptr(GSimpleAction) none = g_simple_action_new ("none", NULL);

  self->menu = g_menu_new ();
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries,
                                   G_N_ELEMENTS (entries), self);
  /* "No Suggestions" is shown, not chosen. */
  g_simple_action_set_enabled (none, FALSE);
  g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (none));
}

BylineEditorSpell *
byline_editor_spell_new (GtkSourceView *view)
{
  BylineEditorSpell *self;

  g_return_val_if_fail (GTK_SOURCE_IS_VIEW (view), NULL);

  self = g_object_new (BYLINE_TYPE_EDITOR_SPELL, NULL);
  self->view = view;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->view);

  gtk_widget_insert_action_group (GTK_WIDGET (view), "spelling", G_ACTION_GROUP (self->actions));
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (view), G_MENU_MODEL (self->menu));

  /* Before the view's own handler, which opens the menu. */
  self->click = g_object_ref (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->click),
                                              GTK_PHASE_CAPTURE);
  g_signal_connect_object (self->click, "pressed", G_CALLBACK (pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (self->click));

  self->keys = g_object_ref (gtk_shortcut_controller_new ());
  gtk_event_controller_set_propagation_phase (self->keys, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < 2; i++)
    {
      GtkShortcutTrigger *trigger = i == 0 ? gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK)
                                           : gtk_keyval_trigger_new (GDK_KEY_Menu, 0);
      GtkShortcutAction *action = gtk_callback_action_new (menu_key_cb, self, NULL);

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (self->keys),
                                            gtk_shortcut_new (trigger, action));
    }
  gtk_widget_add_controller (GTK_WIDGET (view), self->keys);

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "spell-checking", self, "enabled", G_SETTINGS_BIND_GET);

  return self;
}
