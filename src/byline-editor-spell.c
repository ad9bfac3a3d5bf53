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
 * This object loads the checker for the post (its language chosen by hand,
 * else the site's, else the preference; its words from the site's lists) on
 * a thread, and makes the context menu of a flagged word
 * (byline-editor-spell-menu.c): suggestions, adding the word to the site's
 * .spelling list or the personal dictionary, and ignoring it. A post in a
 * language without a dictionary says so once and nothing in it is
 * underlined; Chinese, Japanese and Korean posts are not checked word by
 * word at all.
 */

#define G_LOG_DOMAIN "byline-editor-spell"

#include "config.h"

#include "byline-editor-spell-private.h"

#include "byline-site.h"
#include "byline-spell-language.h"
#include "byline-spell-lists.h"

/* Posts whose site names no language, and users whose locale has no
 * dictionary, are checked in American English. */
#define FALLBACK_LANGUAGE "en_US"

G_DEFINE_FINAL_TYPE (BylineEditorSpell, byline_editor_spell, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ENABLED,
  PROP_CHECKER,
  PROP_LANGUAGE,
  PROP_CHOICE,
  PROP_DICTIONARIES,
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
  char               *choice;     /* nullable */
  gboolean            list_dictionaries;
  /* results */
  BylineSpellChecker *checker;
  GFile              *site_list;
  char               *problem;
  char               *language;
  char              **dictionaries;
} Load;

static void
load_free (Load *load)
{
  g_clear_object (&load->file);
  g_clear_object (&load->site_root);
  g_clear_object (&load->profile);
  g_clear_pointer (&load->fallback, g_free);
  g_clear_pointer (&load->choice, g_free);
  g_clear_object (&load->checker);
  g_clear_object (&load->site_list);
  g_clear_pointer (&load->problem, g_free);
  g_clear_pointer (&load->language, g_free);
  g_clear_pointer (&load->dictionaries, g_strfreev);
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
  if (load->list_dictionaries)
    load->dictionaries = byline_spell_list_dictionaries ();
  languages = byline_languages_read (site_root);
  language = load->file != NULL
             ? byline_spell_language_for_post (languages, load->file, load->choice,
                                               load->fallback)
             : g_strdup (load->choice != NULL ? load->choice : load->fallback);
  load->language = g_strdup (language);

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
  if (self->problem != NULL && !g_hash_table_contains (self->told, self->problem))
    {
      g_hash_table_add (self->told, g_strdup (self->problem));
      g_signal_emit (self, signals[MESSAGE], 0, self->problem);
    }
  if (load->dictionaries != NULL)
    {
      g_strfreev (self->dictionaries);
      self->dictionaries = g_steal_pointer (&load->dictionaries);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DICTIONARIES]);
    }
  if (g_strcmp0 (self->language, load->language) != 0)
    {
      g_free (self->language);
      self->language = g_steal_pointer (&load->language);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
    }
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
  load->choice = g_strdup (self->choice);
  load->list_dictionaries = self->dictionaries == NULL;

  self->loading = g_cancellable_new ();
  task = g_task_new (self, self->loading, load_done_cb, NULL);
  g_task_set_source_tag (task, byline_editor_spell_reload);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  g_task_run_in_thread (task, load_thread_cb);
}

/* The choice made for the document's file, if any. */
static void
read_choice (BylineEditorSpell *self)
{
  GFile *file = self->document != NULL ? byline_document_get_file (self->document) : NULL;
  g_autofree char *choice = file != NULL ? byline_spell_language_get_choice (file) : NULL;

  if (g_strcmp0 (choice, self->choice) == 0)
    return;
  g_free (self->choice);
  self->choice = g_steal_pointer (&choice);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOICE]);
}

static void
file_changed_cb (BylineEditorSpell *self,
                 GParamSpec        *pspec,
                 BylineDocument    *document)
{
  read_choice (self);
  byline_editor_spell_reload (self);
}

static void
profile_changed_cb (BylineEditorSpell *self,
                    GParamSpec        *pspec,
                    BylineDocument    *document)
{
  byline_editor_spell_reload (self);
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
      g_signal_connect_object (document, "notify::profile", G_CALLBACK (profile_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  read_choice (self);
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

const char *
byline_editor_spell_get_language (BylineEditorSpell *self)
{
  g_return_val_if_fail (BYLINE_IS_EDITOR_SPELL (self), NULL);

  return self->language;
}

const char *
byline_editor_spell_get_choice (BylineEditorSpell *self)
{
  g_return_val_if_fail (BYLINE_IS_EDITOR_SPELL (self), NULL);

  return self->choice;
}

const char * const *
byline_editor_spell_get_dictionaries (BylineEditorSpell *self)
{
  g_return_val_if_fail (BYLINE_IS_EDITOR_SPELL (self), NULL);

  return (const char * const *) self->dictionaries;
}

gboolean
byline_editor_spell_set_choice (BylineEditorSpell  *self,
                                const char         *language,
                                GError            **error)
{
  GFile *file;

  g_return_val_if_fail (BYLINE_IS_EDITOR_SPELL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (language != NULL && language[0] == '\0')
    language = NULL;
  if (g_strcmp0 (self->choice, language) == 0)
    return TRUE;

  /* A post without a file keeps the choice until it is closed. */
  file = self->document != NULL ? byline_document_get_file (self->document) : NULL;
  if (file != NULL && !byline_spell_language_set_choice (file, language, error))
    return FALSE;

  g_free (self->choice);
  self->choice = g_strdup (language);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOICE]);
  byline_editor_spell_reload (self);
  return TRUE;
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
  g_clear_pointer (&self->choice, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->dictionaries, g_strfreev);
  g_clear_pointer (&self->told, g_hash_table_unref);

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
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_CHOICE:
      g_value_set_string (value, self->choice);
      break;
    case PROP_DICTIONARIES:
      g_value_set_boxed (value, self->dictionaries);
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
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CHOICE] =
    g_param_spec_string ("choice", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DICTIONARIES] =
    g_param_spec_boxed ("dictionaries", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
byline_editor_spell_init (BylineEditorSpell *self)
{
  self->told = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  byline_editor_spell_init_menu (self);
}

BylineEditorSpell *
byline_editor_spell_new (GtkSourceView *view)
{
  BylineEditorSpell *self;

  g_return_val_if_fail (GTK_SOURCE_IS_VIEW (view), NULL);

  self = g_object_new (BYLINE_TYPE_EDITOR_SPELL, NULL);
  self->view = view;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->view);

  byline_editor_spell_attach_menu (self, view);

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "spell-checking", self, "enabled", G_SETTINGS_BIND_GET);

  return self;
}
