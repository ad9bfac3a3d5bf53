/* byline-spell.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-spell"

#include "config.h"

#include "byline-spell.h"
#include "byline-spell-private.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#define PERSONAL_FILE_NAME "personal-dictionary.txt"

GMutex byline_spell_enchant_lock;
static EnchantBroker *broker;
static GHashTable *shared_dicts;   /* tag → BylineSpellSharedDict */

G_DEFINE_FINAL_TYPE (BylineSpellChecker, byline_spell_checker, G_TYPE_OBJECT)

static void shared_dict_release (BylineSpellSharedDict *shared);

G_DEFINE_QUARK (byline-spell-error-quark, byline_spell_error)

GHashTable *
byline_spell_word_set_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
byline_spell_normalize_into (char       *buf,
                const char *word,
                gsize       length)
{
  gsize out = 0;

  for (gsize i = 0; i < length; )
    {
      guchar c = word[i];

      if (c == 0xE2 && i + 2 < length &&
          (guchar) word[i + 1] == 0x80 && (guchar) word[i + 2] == 0x99)
        {
          buf[out++] = '\'';
          i += 3;
        }
      else if (c == 0xCA && i + 1 < length && (guchar) word[i + 1] == 0xBC)
        {
          buf[out++] = '\'';
          i += 2;
        }
      else
        buf[out++] = word[i++];
    }
  buf[out] = '\0';
}

char *
byline_spell_normalize_word (const char *word,
                gssize      length)
{
  char *normalized;

  if (length < 0)
    length = strlen (word);
  normalized = g_malloc (length + 1);
  byline_spell_normalize_into (normalized, word, length);
  return normalized;
}

static char *
fold_word (const char *word,
           gssize      length)
{
  g_autofree char *normalized = byline_spell_normalize_word (word, length);

  return g_utf8_casefold (normalized, -1);
}

void
byline_spell_word_set_add (GHashTable *set,
                           const char *word,
                           gssize      length)
{
  char *folded;

  g_return_if_fail (set != NULL);
  g_return_if_fail (word != NULL);

  if (length < 0)
    length = strlen (word);
  while (length > 0 && g_ascii_isspace (word[0]))
    {
      word++;
      length--;
    }
  while (length > 0 && g_ascii_isspace (word[length - 1]))
    length--;
  if (length == 0 || !g_utf8_validate_len (word, length, NULL))
    return;

  folded = fold_word (word, length);
  g_hash_table_add (set, folded);
}

/* A list changed: verdicts and near words may be different now. */
static void
forget_locked (BylineSpellChecker *self)
{
  g_hash_table_remove_all (self->verdicts);
  g_hash_table_remove_all (self->listed_suggestions);
}

static void
byline_spell_checker_finalize (GObject *object)
{
  BylineSpellChecker *self = (BylineSpellChecker *)object;

  if (self->shared != NULL)
    shared_dict_release (g_steal_pointer (&self->shared));
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->site_words, g_hash_table_unref);
  g_clear_pointer (&self->file_words, g_hash_table_unref);
  g_clear_pointer (&self->personal_words, g_hash_table_unref);
  g_clear_pointer (&self->session_words, g_hash_table_unref);
  g_clear_object (&self->personal_file);
  g_clear_pointer (&self->verdicts, g_hash_table_unref);
  g_clear_pointer (&self->listed_suggestions, g_hash_table_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (byline_spell_checker_parent_class)->finalize (object);
}

static void
byline_spell_checker_class_init (BylineSpellCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_spell_checker_finalize;
}

static void
byline_spell_checker_init (BylineSpellChecker *self)
{
  g_mutex_init (&self->lock);
  self->site_words = byline_spell_word_set_new ();
  self->file_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_hash_table_unref);
  self->personal_words = byline_spell_word_set_new ();
  self->session_words = byline_spell_word_set_new ();
  self->verdicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->listed_suggestions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                    (GDestroyNotify) g_strfreev);
}

/* "en-us" → "en_US", "pt-BR" → "pt_BR", "de" → "de". Script subtags
 * (zh-Hans) are dropped: dictionaries are named by language and region. */
static char *
normalize_tag (const char *language)
{
  g_auto(GStrv) parts = g_strsplit_set (language, "-_.@", -1);
  GString *tag = g_string_new (NULL);

  if (parts[0] == NULL)
    return g_string_free (tag, FALSE);

  for (char *p = parts[0]; *p != '\0'; p++)
    g_string_append_c (tag, g_ascii_tolower (*p));

  for (guint i = 1; parts[i] != NULL; i++)
    {
      gsize length = strlen (parts[i]);

      if (length == 2 || (length == 3 && g_ascii_isdigit (parts[i][0])))
        {
          g_string_append_c (tag, '_');
          for (char *p = parts[i]; *p != '\0'; p++)
            g_string_append_c (tag, g_ascii_toupper (*p));
          break;
        }
    }

  return g_string_free (tag, FALSE);
}

typedef struct
{
  const char *language;   /* "de" */
  char       *first;      /* the first installed "de_*" */
} FindDict;

static void
find_dict_cb (const char * const lang_tag,
              const char * const provider_name,
              const char * const provider_desc,
              const char * const provider_file,
              void              *user_data)
{
  FindDict *find = user_data;
  gsize n = strlen (find->language);

  if (find->first == NULL && strncmp (lang_tag, find->language, n) == 0 &&
      (lang_tag[n] == '_' || lang_tag[n] == '-'))
    find->first = g_strdup (lang_tag);
}

/* The installed dictionary's tag for @language, or NULL. */
static char *
resolve_tag (EnchantBroker *the_broker,
             const char    *language)
{
  g_autofree char *tag = normalize_tag (language);
  g_autofree char *base = NULL;
  g_autofree char *usual = NULL;
  FindDict find = { NULL, NULL };

  if (tag[0] == '\0')
    return NULL;
  if (enchant_broker_dict_exists (the_broker, tag))
    return g_steal_pointer (&tag);

  base = g_strndup (tag, strcspn (tag, "_"));
  if (strcmp (base, tag) != 0 && enchant_broker_dict_exists (the_broker, base))
    return g_steal_pointer (&base);

  /* A bare language: its own country first (de_DE, fr_FR), en_US for
   * English, else whatever is installed. */
  usual = strcmp (base, "en") == 0 ? g_strdup ("en_US") : g_strdup_printf ("%s_%s", base, base);
  for (char *p = usual + strlen (base) + 1; *p != '\0'; p++)
    *p = g_ascii_toupper (*p);
  if (enchant_broker_dict_exists (the_broker, usual))
    return g_steal_pointer (&usual);

  find.language = base;
  enchant_broker_list_dicts (the_broker, find_dict_cb, &find);
  return find.first;
}

/* The process may end while a thread is inside Enchant (a spell checker
 * still loading as the last window closes). Enchant's providers are torn
 * down at exit, by destructors registered when the broker loads them, so
 * a handler registered after each load runs before them: it waits for
 * that thread's call to return and lets nobody in after it. */
static void
close_enchant_at_exit (void)
{
  static gboolean closed;

  if (closed)
    return;
  g_mutex_lock (&byline_spell_enchant_lock);
  closed = TRUE;
}

static EnchantBroker *
broker_get_locked (void)
{
  if (broker == NULL)
    {
      broker = enchant_broker_init ();
      atexit (close_enchant_at_exit);
    }
  return broker;
}

/* The broker goes when no dictionary is in use. */
static void
broker_release_locked (void)
{
  if (shared_dicts != NULL && g_hash_table_size (shared_dicts) > 0)
    return;
  g_clear_pointer (&shared_dicts, g_hash_table_unref);
  g_clear_pointer (&broker, enchant_broker_free);
}

static BylineSpellSharedDict *
shared_dict_acquire (const char *language)
{
  g_autofree char *tag = NULL;
  BylineSpellSharedDict *shared = NULL;

  g_mutex_lock (&byline_spell_enchant_lock);

  if (broker_get_locked () != NULL)
    tag = resolve_tag (broker, language);
  if (tag != NULL)
    {
      if (shared_dicts == NULL)
        shared_dicts = g_hash_table_new (g_str_hash, g_str_equal);
      shared = g_hash_table_lookup (shared_dicts, tag);
      if (shared == NULL)
        {
          EnchantDict *dict = enchant_broker_request_dict (broker, tag);

          if (dict != NULL)
            {
              shared = g_new0 (BylineSpellSharedDict, 1);
              shared->tag = g_steal_pointer (&tag);
              shared->dict = dict;
              shared->verdicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
              shared->suggestions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) g_strfreev);
              g_hash_table_insert (shared_dicts, shared->tag, shared);
            }
        }
      if (shared != NULL)
        shared->n_users++;
    }
  if (shared == NULL)
    broker_release_locked ();

  g_mutex_unlock (&byline_spell_enchant_lock);
  return shared;
}

static void
shared_dict_release (BylineSpellSharedDict *shared)
{
  g_mutex_lock (&byline_spell_enchant_lock);
  if (--shared->n_users == 0)
    {
      g_hash_table_remove (shared_dicts, shared->tag);
      enchant_broker_free_dict (broker, shared->dict);
      g_hash_table_unref (shared->verdicts);
      g_hash_table_unref (shared->suggestions);
      g_free (shared->tag);
      g_free (shared);
      broker_release_locked ();
    }
  g_mutex_unlock (&byline_spell_enchant_lock);
}

gboolean
byline_spell_dictionary_exists (const char *language)
{
  g_autofree char *tag = NULL;

  g_return_val_if_fail (language != NULL, FALSE);

  g_mutex_lock (&byline_spell_enchant_lock);
  if (broker_get_locked () != NULL)
    tag = resolve_tag (broker, language);
  broker_release_locked ();
  g_mutex_unlock (&byline_spell_enchant_lock);

  return tag != NULL;
}

static void
list_dict_cb (const char * const lang_tag,
              const char * const provider_name,
              const char * const provider_desc,
              const char * const provider_file,
              void              *user_data)
{
  GPtrArray *tags = user_data;

  if (!g_ptr_array_find_with_equal_func (tags, lang_tag, g_str_equal, NULL))
    g_ptr_array_add (tags, g_strdup (lang_tag));
}

static int
compare_tags (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char **
byline_spell_list_dictionaries (void)
{
  GPtrArray *tags = g_ptr_array_new ();

  g_mutex_lock (&byline_spell_enchant_lock);
  if (broker_get_locked () != NULL)
    enchant_broker_list_dicts (broker, list_dict_cb, tags);
  broker_release_locked ();
  g_mutex_unlock (&byline_spell_enchant_lock);

  g_ptr_array_sort (tags, compare_tags);
  g_ptr_array_add (tags, NULL);
  return (char **) g_ptr_array_free (tags, FALSE);
}

BylineSpellChecker *
byline_spell_checker_new (const char  *language,
                          GError     **error)
{
  g_autoptr(BylineSpellChecker) self = NULL;
  g_autoptr(GFile) personal = NULL;

  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (BYLINE_TYPE_SPELL_CHECKER, NULL);
  self->shared = shared_dict_acquire (language);
  if (self->shared == NULL)
    {
      /* Translators: %s is a language tag such as "de_DE". */
      g_set_error (error, BYLINE_SPELL_ERROR, BYLINE_SPELL_ERROR_NO_DICTIONARY,
                   _("No spelling dictionary for “%s” is installed"), language);
      return NULL;
    }

  self->language = g_strdup (self->shared->tag);

  personal = byline_spell_personal_file_default ();
  byline_spell_checker_set_personal_file (self, personal);

  return g_steal_pointer (&self);
}

const char *
byline_spell_checker_get_language (BylineSpellChecker *self)
{
  g_return_val_if_fail (BYLINE_IS_SPELL_CHECKER (self), NULL);

  return self->language;
}

void
byline_spell_checker_add_site_words (BylineSpellChecker *self,
                                     const char * const *words)
{
  g_return_if_fail (BYLINE_IS_SPELL_CHECKER (self));

  g_mutex_lock (&self->lock);
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    byline_spell_word_set_add (self->site_words, words[i], -1);
  forget_locked (self);
  g_mutex_unlock (&self->lock);
}

void
byline_spell_checker_add_file_words (BylineSpellChecker *self,
                                     const char         *path,
                                     const char * const *words)
{
  GHashTable *set;

  g_return_if_fail (BYLINE_IS_SPELL_CHECKER (self));
  g_return_if_fail (path != NULL);

  g_mutex_lock (&self->lock);
  set = g_hash_table_lookup (self->file_words, path);
  if (set == NULL)
    {
      set = byline_spell_word_set_new ();
      g_hash_table_insert (self->file_words, g_strdup (path), set);
    }
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    byline_spell_word_set_add (set, words[i], -1);
  g_mutex_unlock (&self->lock);
}

GHashTable *
byline_spell_checker_get_file_words (BylineSpellChecker *self,
                                     const char         *path)
{
  GHashTable *set;

  g_return_val_if_fail (BYLINE_IS_SPELL_CHECKER (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  g_mutex_lock (&self->lock);
  set = g_hash_table_lookup (self->file_words, path);
  g_mutex_unlock (&self->lock);
  return set;
}

GFile *
byline_spell_personal_file_default (void)
{
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "byline",
                                            PERSONAL_FILE_NAME, NULL);

  return g_file_new_for_path (path);
}

void
byline_spell_checker_set_personal_file (BylineSpellChecker *self,
                                        GFile              *file)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_if_fail (BYLINE_IS_SPELL_CHECKER (self));
  g_return_if_fail (G_IS_FILE (file));

  /* A missing or unreadable file is an empty dictionary; writing to it
   * later says what is wrong. */
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, NULL))
    g_clear_pointer (&contents, g_free);

  g_mutex_lock (&self->lock);
  g_set_object (&self->personal_file, file);
  g_hash_table_remove_all (self->personal_words);
  forget_locked (self);
  if (contents != NULL && g_utf8_validate_len (contents, length, NULL))
    {
      g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (lines[i][0] != '#')
          byline_spell_word_set_add (self->personal_words, lines[i], -1);
    }
  g_mutex_unlock (&self->lock);
}

GFile *
byline_spell_checker_get_personal_file (BylineSpellChecker *self)
{
  g_return_val_if_fail (BYLINE_IS_SPELL_CHECKER (self), NULL);

  return self->personal_file;
}

static gboolean
is_valid_word (const char *word)
{
  if (word == NULL || word[0] == '\0' || !g_utf8_validate (word, -1, NULL))
    return FALSE;
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
byline_spell_checker_add_to_personal (BylineSpellChecker  *self,
                                      const char          *word,
                                      GError             **error)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autofree char *line = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (BYLINE_IS_SPELL_CHECKER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!is_valid_word (word))
    {
      g_set_error (error, BYLINE_SPELL_ERROR, BYLINE_SPELL_ERROR_INVALID_WORD,
                   _("Only a single word can be added to the dictionary"));
      return FALSE;
    }

  g_mutex_lock (&self->lock);

  folder = g_file_get_parent (self->personal_file);
  if (folder != NULL &&
      !g_file_make_directory_with_parents (folder, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    goto failed;
  g_clear_error (&local_error);

  stream = g_file_append_to (self->personal_file, G_FILE_CREATE_NONE, NULL, &local_error);
  line = g_strdup_printf ("%s\n", word);
  if (stream == NULL ||
      !g_output_stream_write_all (G_OUTPUT_STREAM (stream), line, strlen (line), NULL, NULL,
                                  &local_error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error))
    goto failed;

  byline_spell_word_set_add (self->personal_words, word, -1);
  forget_locked (self);
  g_mutex_unlock (&self->lock);
  return TRUE;

failed:
  {
    g_autofree char *path = g_file_get_parse_name (self->personal_file);

    g_mutex_unlock (&self->lock);
    /* Translators: the file of the personal dictionary, then the reason. */
    g_set_error (error, local_error->domain, local_error->code,
                 _("Cannot add the word to %s: %s"), path, local_error->message);
    g_error_free (local_error);
    return FALSE;
  }
}

void
byline_spell_checker_ignore_word (BylineSpellChecker *self,
                                  const char         *word)
{
  g_return_if_fail (BYLINE_IS_SPELL_CHECKER (self));
  g_return_if_fail (word != NULL);

  g_mutex_lock (&self->lock);
  byline_spell_word_set_add (self->session_words, word, -1);
  forget_locked (self);
  g_mutex_unlock (&self->lock);
}

gboolean
byline_spell_listed_locked (BylineSpellChecker *self,
               const char         *folded,
               GHashTable         *extra)
{
  return (extra != NULL && g_hash_table_contains (extra, folded)) ||
         g_hash_table_contains (self->site_words, folded) ||
         g_hash_table_contains (self->personal_words, folded) ||
         g_hash_table_contains (self->session_words, folded);
}

/* Whether @word, or the name whose possessive it is (Istio's), is in a
 * list: @extra, or the checker's own when @own. */
static gboolean
in_lists_locked (BylineSpellChecker *self,
                 const char         *word,
                 GHashTable         *extra,
                 gboolean            own)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);
  gsize length = strlen (folded);
  gboolean found;

  found = own ? byline_spell_listed_locked (self, folded, extra)
              : g_hash_table_contains (extra, folded);
  if (!found && length > 2 && strcmp (folded + length - 2, "'s") == 0)
    {
      folded[length - 2] = '\0';
      found = own ? byline_spell_listed_locked (self, folded, extra)
                  : g_hash_table_contains (extra, folded);
    }
  return found;
}

/* "Mesh" → "mesh"; NULL unless @word is a capital and small letters. */
static char *
lower_of_capitalized (const char *word)
{
  gunichar first = g_utf8_get_char (word);
  const char *rest = g_utf8_next_char (word);

  if (!g_unichar_isupper (first) || *rest == '\0')
    return NULL;
  for (const char *p = rest; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isupper (g_utf8_get_char (p)) || g_unichar_istitle (g_utf8_get_char (p)))
      return NULL;
  return g_utf8_strdown (word, -1);
}

static void
remember_locked (BylineSpellSharedDict *shared,
                 char                  *word,
                 gboolean               correct)
{
  if (g_hash_table_size (shared->verdicts) >= BYLINE_SPELL_MAX_CACHED_WORDS)
    g_hash_table_remove_all (shared->verdicts);
  g_hash_table_insert (shared->verdicts, word,
                       GINT_TO_POINTER (correct ? BYLINE_SPELL_VERDICT_CORRECT
                                                : BYLINE_SPELL_VERDICT_WRONG));
}

/* The dictionary's verdict, asked of Enchant once per word and process.
 * Hunspell accepts a capitalized word whose small-letter form it knows
 * (and rejects it only when it rejects that form too): a sentence's first
 * "Mesh" needs no lookup once "mesh" has had one, and a rejected "Mesh"
 * says "mesh" is wrong. */
static gboolean
in_dictionary (BylineSpellSharedDict *shared,
               const char *word)
{
  gpointer verdict;

  g_mutex_lock (&byline_spell_enchant_lock);
  verdict = g_hash_table_lookup (shared->verdicts, word);
  if (verdict == NULL)
    {
      g_autofree char *lower = lower_of_capitalized (word);
      gpointer lower_verdict = lower != NULL ? g_hash_table_lookup (shared->verdicts, lower)
                                             : NULL;
      gboolean correct;

      if (GPOINTER_TO_INT (lower_verdict) == BYLINE_SPELL_VERDICT_CORRECT)
        correct = TRUE;
      else
        {
          correct = enchant_dict_check (shared->dict, word, -1) == 0;
          if (!correct && lower != NULL && lower_verdict == NULL)
            remember_locked (shared, g_steal_pointer (&lower), FALSE);
        }
      remember_locked (shared, g_strdup (word), correct);
      verdict = GINT_TO_POINTER (correct ? BYLINE_SPELL_VERDICT_CORRECT
                                         : BYLINE_SPELL_VERDICT_WRONG);
    }
  g_mutex_unlock (&byline_spell_enchant_lock);

  return GPOINTER_TO_INT (verdict) == BYLINE_SPELL_VERDICT_CORRECT;
}

gboolean
byline_spell_check_normalized_locked (BylineSpellChecker *self,
                                      const char         *word,
                                      GHashTable         *extra)
{
  gpointer verdict;

  /* The post's own words change from post to post: not cached. */
  if (extra != NULL && g_hash_table_size (extra) > 0 &&
      in_lists_locked (self, word, extra, FALSE))
    return TRUE;

  verdict = g_hash_table_lookup (self->verdicts, word);
  if (verdict == NULL)
    {
      gboolean correct = in_lists_locked (self, word, NULL, TRUE) ||
                         in_dictionary (self->shared, word);

      if (g_hash_table_size (self->verdicts) >= BYLINE_SPELL_MAX_CACHED_WORDS)
        g_hash_table_remove_all (self->verdicts);
      verdict = GINT_TO_POINTER (correct ? BYLINE_SPELL_VERDICT_CORRECT
                                         : BYLINE_SPELL_VERDICT_WRONG);
      g_hash_table_insert (self->verdicts, g_strdup (word), verdict);
    }

  return GPOINTER_TO_INT (verdict) == BYLINE_SPELL_VERDICT_CORRECT;
}

gboolean
byline_spell_checker_check_word (BylineSpellChecker *self,
                                 const char         *word,
                                 gssize              length,
                                 GHashTable         *extra)
{
  g_autofree char *normalized = NULL;
  gboolean correct;

  g_return_val_if_fail (BYLINE_IS_SPELL_CHECKER (self), FALSE);
  g_return_val_if_fail (word != NULL, FALSE);

  normalized = byline_spell_normalize_word (word, length);
  if (normalized[0] == '\0')
    return TRUE;

  g_mutex_lock (&self->lock);
  correct = byline_spell_check_normalized_locked (self, normalized, extra);
  g_mutex_unlock (&self->lock);
  return correct;
}
