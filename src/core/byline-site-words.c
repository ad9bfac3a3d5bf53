/* byline-site-words.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-site-words"

#include "config.h"

#include "byline-site-words.h"

#include "byline-front-matter.h"
#include "byline-post-layout.h"

/* Limits of the walk through the site. */
#define SCAN_MAX_DEPTH 6
#define SCAN_MAX_FILES 5000
#define SCAN_MAX_FILE_SIZE (1024 * 1024)

typedef struct
{
  GFile      *root;
  GStrv       keys;
  GHashTable *counts;   /* key → (word → count) */
  guint       n_files;
} Scan;

static void
scan_free (Scan *scan)
{
  g_clear_object (&scan->root);
  g_clear_pointer (&scan->keys, g_strfreev);
  g_clear_pointer (&scan->counts, g_hash_table_unref);
  g_free (scan);
}

static void
scan_post (Scan       *scan,
           GFile      *file,
           GFileInfo  *info)
{
  g_autofree char *contents = NULL;
  g_autoptr(BylineFrontMatter) front_matter = NULL;
  BylinePostLayout layout;
  gsize length = 0;

  if (g_file_info_get_size (info) > SCAN_MAX_FILE_SIZE
      || !g_file_load_contents (file, NULL, &contents, &length, NULL, NULL)
      || !byline_post_layout_parse (&layout, contents, length, NULL)
      || layout.kind != BYLINE_FRONT_MATTER_YAML)
    return;

  front_matter = byline_front_matter_parse (contents, &layout, NULL, NULL);
  if (front_matter == NULL)
    return;

  for (guint k = 0; scan->keys[k] != NULL; k++)
    {
      g_auto(GStrv) words = byline_front_matter_get_strv (front_matter, scan->keys[k]);
      const char *single = byline_front_matter_get_string (front_matter, scan->keys[k]);
      GHashTable *counts;

      /* A single value (a title) counts as a list of one. */
      if (words == NULL && single != NULL && single[0] != '\0')
        words = g_strdupv ((char *[]) { (char *) single, NULL });
      if (words == NULL)
        continue;

      counts = g_hash_table_lookup (scan->counts, scan->keys[k]);
      if (counts == NULL)
        {
          counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_insert (scan->counts, g_strdup (scan->keys[k]), counts);
        }
      for (guint i = 0; words[i] != NULL; i++)
        {
          gpointer count = g_hash_table_lookup (counts, words[i]);

          g_hash_table_replace (counts, g_strdup (words[i]),
                                GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
        }
    }
}

static void
scan_folder (Scan         *scan,
             GFile        *folder,
             guint         depth,
             GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  if (depth > SCAN_MAX_DEPTH)
    return;

  children = g_file_enumerate_children (folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);
  if (children == NULL)
    return;

  while (scan->n_files < SCAN_MAX_FILES
         && !g_cancellable_is_cancelled (cancellable)
         && (info = g_file_enumerator_next_file (children, cancellable, NULL)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      const char *name = g_file_info_get_name (info);
      g_autoptr(GFile) child = g_file_get_child (folder, name);

      if (name[0] == '.')
        continue;

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          scan_folder (scan, child, depth + 1, cancellable);
        }
      else if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR
               && (g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".markdown")))
        {
          scan->n_files++;
          scan_post (scan, child, info);
        }
    }
}

typedef struct
{
  const char *word;
  guint       count;
} WordCount;

static int
compare_word_counts (gconstpointer a,
                     gconstpointer b)
{
  const WordCount *wa = a;
  const WordCount *wb = b;

  if (wa->count != wb->count)
    return wa->count > wb->count ? -1 : 1;
  return g_utf8_collate (wa->word, wb->word);
}

/* Words of each key, the most used first. */
static GHashTable *
scan_result (Scan *scan)
{
  GHashTable *result = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_strfreev);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, scan->counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (WordCount));
      GHashTableIter word_iter;
      gpointer word, count;
      char **strv;

      g_hash_table_iter_init (&word_iter, value);
      while (g_hash_table_iter_next (&word_iter, &word, &count))
        {
          WordCount wc = { word, GPOINTER_TO_UINT (count) };

          g_array_append_val (words, wc);
        }
      g_array_sort (words, compare_word_counts);

      strv = g_new0 (char *, words->len + 1);
      for (guint i = 0; i < words->len; i++)
        strv[i] = g_strdup (g_array_index (words, WordCount, i).word);
      g_hash_table_insert (result, g_strdup (key), strv);
    }

  return result;
}

static void
scan_thread_cb (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Scan *scan = task_data;

  scan_folder (scan, scan->root, 0, cancellable);
  g_task_return_pointer (task, scan_result (scan), (GDestroyNotify) g_hash_table_unref);
}

void
byline_site_words_scan_async (BylineSite          *site,
                              const char * const  *keys,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GFile *blog;
  Scan *scan;

  g_return_if_fail (BYLINE_IS_SITE (site));
  g_return_if_fail (keys != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_site_words_scan_async);

  blog = byline_site_get_blog_folder (site);
  if (blog == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  scan = g_new0 (Scan, 1);
  scan->root = g_object_ref (blog);
  scan->keys = g_strdupv ((char **) keys);
  scan->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_hash_table_unref);

  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, scan, (GDestroyNotify) scan_free);
  g_task_run_in_thread (task, scan_thread_cb);
}

GHashTable *
byline_site_words_scan_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
