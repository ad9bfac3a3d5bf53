/* byline-image-files.c — pictures coming into a post's bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pictures come into a bundle under a safe file name that never replaces a
 * file already there, copied from elsewhere or saved from the clipboard.
 */

#define G_LOG_DOMAIN "byline-image"

#include "config.h"

#include "byline-image-files.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* A bundle holding this many pictures of one name is not going to want the
 * next number: stop rather than loop over a hostile folder. */
#define MAX_NUMBERED_NAMES 10000

/* File names */

char *
byline_image_safe_file_name (const char *name)
{
  g_autofree char *base = NULL;
  g_autofree char *ascii = NULL;
  const char *dot;
  GString *out;
  gsize stem_end;
  gboolean dash = FALSE;

  g_return_val_if_fail (name != NULL, NULL);

  base = g_path_get_basename (name);
  if (!g_utf8_validate (base, -1, NULL))
    {
      char *valid = g_utf8_make_valid (base, -1);

      g_free (base);
      base = valid;
    }
  ascii = g_str_to_ascii (base, "C");

  /* A leading dot makes a hidden file, not an extension. */
  dot = strrchr (ascii, '.');
  if (dot == ascii)
    dot = NULL;
  stem_end = dot != NULL ? (gsize) (dot - ascii) : strlen (ascii);

  out = g_string_new (NULL);
  for (gsize i = 0; i < stem_end; i++)
    {
      char c = g_ascii_tolower (ascii[i]);

      if (g_ascii_isalnum (c))
        {
          if (dash && out->len > 0)
            g_string_append_c (out, '-');
          g_string_append_c (out, c);
          dash = FALSE;
        }
      else
        {
          dash = TRUE;
        }
    }
  if (out->len == 0)
    g_string_append (out, "image");

  if (dot != NULL)
    {
      gsize mark = out->len;

      g_string_append_c (out, '.');
      for (const char *p = dot + 1; *p != '\0'; p++)
        if (g_ascii_isalnum (*p))
          g_string_append_c (out, g_ascii_tolower (*p));
      if (out->len == mark + 1)
        g_string_truncate (out, mark);
    }

  return g_string_free (out, FALSE);
}

char *
byline_image_numbered_name (const char *name,
                            guint       number)
{
  const char *dot;

  g_return_val_if_fail (name != NULL, NULL);

  if (number <= 1)
    return g_strdup (name);

  dot = strrchr (name, '.');
  if (dot == NULL || dot == name)
    return g_strdup_printf ("%s-%u", name, number);
  return g_strdup_printf ("%.*s-%u%s", (int) (dot - name), name, number, dot);
}

char *
byline_image_pasted_name (GDateTime *time)
{
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  stamp = g_date_time_format (time, "%Y%m%d-%H%M%S");
  return g_strdup_printf ("pasted-image-%s.png", stamp);
}

/* Copies */

/* Tries name, name-2, name-3, … until @create makes a file that did not
 * exist: the create itself refuses existing files, so two copies racing
 * for one name never replace each other. */
GFile *
byline_image_create_in_bundle (GFile                  *folder,
                               const char             *name,
                               BylineImageCreateFunc   create,
                               gpointer                data,
                               GCancellable           *cancellable,
                               GError                **error)
{
  g_autofree char *safe = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (create != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  safe = byline_image_safe_file_name (name);

  for (guint number = 1; number <= MAX_NUMBERED_NAMES; number++)
    {
      g_autofree char *candidate = byline_image_numbered_name (safe, number);
      g_autoptr(GFile) target = g_file_get_child (folder, candidate);
      g_autoptr(GError) local_error = NULL;

      if (create (target, data, cancellable, &local_error))
        return g_steal_pointer (&target);

      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_autofree char *folder_name = g_file_get_parse_name (folder);

          g_set_error (error, local_error->domain, local_error->code,
                       _("Could not put “%s” into the post’s folder %s: %s"),
                       candidate, folder_name, local_error->message);
          return NULL;
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("The post’s folder already holds too many pictures named like “%s”: "
                 "rename the picture first"), safe);
  return NULL;
}

static gboolean
copy_create (GFile         *target,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  /* Without G_FILE_COPY_OVERWRITE the copy fails with EXISTS. */
  return g_file_copy (data, target, G_FILE_COPY_NONE, cancellable, NULL, NULL, error);
}

static gboolean
bytes_create (GFile         *target,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  GBytes *bytes = data;
  gsize written = 0;

  stream = g_file_create (target, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes), &written, cancellable, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error))
    {
      /* A half-written picture is worse than none. */
      g_file_delete (target, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

GFile *
byline_image_copy_into_bundle (GFile         *source,
                               GFile         *folder,
                               const char    *name,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (G_IS_FILE (source), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parent = g_file_get_parent (source);
  if (parent != NULL && g_file_equal (parent, folder))
    return g_object_ref (source);

  if (name == NULL)
    basename = g_file_get_basename (source);
  return byline_image_create_in_bundle (folder, name != NULL ? name : basename, copy_create,
                                        source, cancellable, error);
}

GFile *
byline_image_save_into_bundle (GBytes        *bytes,
                               GFile         *folder,
                               const char    *name,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return byline_image_create_in_bundle (folder, name, bytes_create, bytes, cancellable, error);
}

char *
byline_image_dup_size_warning (BylineProfile *profile,
                               const char    *name,
                               guint64        size)
{
  guint64 limit;
  g_autofree char *size_text = NULL;
  g_autofree char *limit_text = NULL;

  g_return_val_if_fail (BYLINE_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  limit = byline_profile_get_large_image_bytes (profile);
  if (limit == 0 || size <= limit)
    return NULL;

  size_text = g_format_size (size);
  limit_text = g_format_size (limit);
  return g_strdup_printf (_("“%s” is %s, more than the %s a picture should be: make it "
                            "smaller so that the page loads quickly"),
                          name, size_text, limit_text);
}
