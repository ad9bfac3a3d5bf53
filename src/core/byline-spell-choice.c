/* byline-spell-choice.c — the spelling language chosen for a post
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A post whose language the site does not say, or says wrongly, can be
 * given one by hand. The choice is the author's, not the site's: it is kept
 * on this machine, in $XDG_STATE_HOME/byline/spelling-languages.ini, one
 * group per post (named by a checksum of the file's URI, which any
 * character of a path may be part of), with the URI and the language.
 */

#define G_LOG_DOMAIN "byline-spell"

#include "config.h"

#include "byline-spell-language.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#define STATE_FILE_NAME "spelling-languages.ini"
/* Past this many posts the oldest choices are forgotten. */
#define MAX_CHOICES 2000

static GMutex choice_lock;

static char *
state_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "byline", STATE_FILE_NAME, NULL);
}

static char *
group_of (GFile *post_file)
{
  g_autofree char *uri = g_file_get_uri (post_file);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
}

/* The choices; an unreadable file is none. */
static GKeyFile *
load_locked (const char *path)
{
  GKeyFile *keys = g_key_file_new ();

  if (!g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, NULL))
    {
      g_key_file_free (keys);
      keys = g_key_file_new ();
    }
  return keys;
}

char *
byline_spell_language_get_choice (GFile *post_file)
{
  g_autofree char *path = NULL;
  g_autofree char *group = NULL;
  g_autoptr(GKeyFile) keys = NULL;
  char *language;

  g_return_val_if_fail (G_IS_FILE (post_file), NULL);

  path = state_path ();
  group = group_of (post_file);
  g_mutex_lock (&choice_lock);
  keys = load_locked (path);
  g_mutex_unlock (&choice_lock);

  language = g_key_file_get_string (keys, group, "language", NULL);
  if (language != NULL && language[0] == '\0')
    g_clear_pointer (&language, g_free);
  return language;
}

gboolean
byline_spell_language_set_choice (GFile       *post_file,
                                  const char  *language,
                                  GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *group = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GKeyFile) keys = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean saved;

  g_return_val_if_fail (G_IS_FILE (post_file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = state_path ();
  folder = g_path_get_dirname (path);
  group = group_of (post_file);
  uri = g_file_get_uri (post_file);

  g_mutex_lock (&choice_lock);
  keys = load_locked (path);
  g_key_file_remove_group (keys, group, NULL);
  if (language != NULL && language[0] != '\0')
    {
      gsize n_groups = 0;
      g_auto(GStrv) groups = g_key_file_get_groups (keys, &n_groups);

      /* The newest choices are at the end. */
      for (gsize i = 0; n_groups >= MAX_CHOICES && i <= n_groups - MAX_CHOICES; i++)
        g_key_file_remove_group (keys, groups[i], NULL);
      g_key_file_set_string (keys, group, "uri", uri);
      g_key_file_set_string (keys, group, "language", language);
    }
  saved = g_mkdir_with_parents (folder, 0700) == 0 &&
          g_key_file_save_to_file (keys, path, &local_error);
  g_mutex_unlock (&choice_lock);

  if (!saved)
    {
      /* Translators: the first %s is a file, the second the reason. */
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("Cannot remember the spelling language in %s: %s"), path,
                   local_error != NULL ? local_error->message : g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}
