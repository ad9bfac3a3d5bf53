/* byline-cli-add-photos.c — byline-cli add-photos: pictures into a post, for scripts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-cli"

#include "config.h"

#include "byline-cli.h"

#include "byline-image-shortcode.h"
#include "byline-photo.h"
#include "byline-post.h"
#include "byline-profile.h"

#include <glib/gi18n.h>
#include <string.h>

static void
print_failure (const char *message)
{
  g_printerr ("byline-cli add-photos: %s\n", message);
}

/* Where the pictures go: after line @after_line (1-based), or at the end
 * of the text for -1. FALSE with a message when the line is not one of the
 * body's. */
static gboolean
find_offset (BylinePost  *post,
             int          after_line,
             gsize       *offset,
             char       **message)
{
  const BylineLineIndex *lines = byline_post_get_lines (post);
  const BylinePostLayout *layout = byline_post_get_layout (post);
  guint n_lines = byline_line_index_get_n_lines (lines);
  guint first;

  if (after_line < 0)
    {
      *offset = byline_post_get_length (post);
      return TRUE;
    }

  /* A final newline ends the last line rather than starting another. */
  if (n_lines > 0 &&
      byline_line_index_line_start (lines, n_lines) == byline_post_get_length (post))
    n_lines--;

  first = layout->closing_fence_line > 0 ? layout->closing_fence_line : 0;
  if ((guint) after_line < first)
    {
      /* TRANSLATORS: %d is a line number, %u the last line of the front matter. */
      *message = g_strdup_printf (_("Line %d is inside the front matter: give a line from %u "
                                    "on"), after_line, first);
      return FALSE;
    }
  if ((guint) after_line > n_lines)
    {
      *message = g_strdup_printf (ngettext ("The post has %u line: give a line from %u to %u",
                                            "The post has %u lines: give a line from %u to %u",
                                            n_lines),
                                  n_lines, first, n_lines);
      return FALSE;
    }

  *offset = byline_line_index_line_start (lines, after_line + 1);
  return TRUE;
}

/* The calls, one per picture, a blank line between them, with the post's
 * own line ends. */
static char *
calls_text (GPtrArray     *imports,
            BylineProfile *profile)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < imports->len; i++)
    {
      g_autoptr(BylineImageFields) fields =
        byline_photo_import_to_fields (g_ptr_array_index (imports, i), profile);
      g_autofree char *call = byline_image_fields_to_shortcode (fields);

      if (i > 0)
        g_string_append (out, "\n\n");
      g_string_append (out, call);
    }
  return g_string_free (out, FALSE);
}

static char *
with_crlf (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strjoinv ("\r\n", lines);
}

static void
remove_copies (GPtrArray *imports)
{
  for (guint i = 0; imports != NULL && i < imports->len; i++)
    {
      const BylinePhotoImport *import = g_ptr_array_index (imports, i);

      if (import->copied)
        g_file_delete (import->file, NULL, NULL);
    }
}

static void
print_import (const BylinePhotoImport  *import,
              const BylinePhotoOptions *options)
{
  g_autofree char *name = g_file_get_basename (import->file);
  g_autofree char *source = g_file_get_basename (import->source);
  g_autofree char *changes = NULL;

  if (!import->copied)
    {
      /* TRANSLATORS: %s is a picture already in the post's folder. */
      g_print (_("%s: already in the post’s folder, used as it is"), name);
      g_print ("\n");
      return;
    }

  changes = byline_photo_changes_describe (import->changes, import->info->width,
                                           import->info->height);
  if (changes != NULL)
    /* TRANSLATORS: "img-1.jpg: from IMG_1.JPG, resized from …" */
    g_print (_("%s: from %s, %s"), name, source, changes);
  else
    g_print (_("%s: from %s, copied as it is"), name, source);
  g_print ("\n");

  if (options->max_width > 0 && import->width > (int) options->max_width)
    {
      /* GIF and WebP keep their bytes; bundle/large-image will say so too. */
      g_autofree char *message =
        g_strdup_printf (_("%s is still %d pixels wide: Byline resizes JPEG and PNG only, "
                           "make it smaller with another program"), name, import->width);

      g_printerr ("byline-cli add-photos: %s\n", message);
    }
}

int
byline_cli_add_photos (int    argc,
                       char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sort = NULL;
  g_autofree char *profile_path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *calls = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GFile) post_file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(BylineProfile) profile = NULL;
  g_autoptr(BylinePost) post = NULL;
  g_autoptr(BylineTextPatch) patch = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  gboolean keep_metadata = FALSE;
  int after_line = -1;
  gsize length = 0;
  gsize offset = 0;
  BylinePhotoOrder order = BYLINE_PHOTO_ORDER_GIVEN;
  BylinePhotoOptions options;
  const GOptionEntry entries[] = {
    { "after-line", 'l', 0, G_OPTION_ARG_INT, &after_line,
      N_("Insert the pictures after this line of the post (default: at the end)"),
      N_("LINE") },
    { "sort", 's', 0, G_OPTION_ARG_STRING, &sort,
      N_("Order of the pictures: given (the default), name, or time taken"),
      N_("ORDER") },
    { "keep-metadata", 0, 0, G_OPTION_ARG_NONE, &keep_metadata,
      N_("Keep the camera’s metadata in the copies (never the location)"), NULL },
    { "profile", 'p', 0, G_OPTION_ARG_FILENAME, &profile_path,
      N_("Use this profile instead of the .byline.yml found beside the post"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  g_set_prgname ("byline-cli add-photos");
  context = g_option_context_new (_("POST PICTURE…"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Copies pictures into the post’s folder — upright, no wider "
                                  "than the site wants, without their location — and adds one "
                                  "image call per picture to the post, in one write.\n\n"
                                  "Exit status: 0 when the pictures were added, 1 when the post "
                                  "cannot take them, 2 on usage or I/O problems (nothing is "
                                  "changed then)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_failure (error->message);
      return BYLINE_CLI_USAGE;
    }
  if (argc < 3)
    {
      print_failure (argc < 2 ? _("Name the post and at least one picture")
                              : _("Name at least one picture to add"));
      return BYLINE_CLI_USAGE;
    }
  if (sort != NULL && !byline_photo_order_from_string (sort, &order))
    {
      /* TRANSLATORS: %s is the order the user asked for. */
      message = g_strdup_printf (_("Unknown order “%s”: use given, name or time"), sort);
      print_failure (message);
      return BYLINE_CLI_USAGE;
    }
  if (after_line < -1)
    {
      print_failure (_("Give --after-line a line number, 0 or more"));
      return BYLINE_CLI_USAGE;
    }

  post_file = g_file_new_for_commandline_arg (argv[1]);
  if (!g_file_load_contents (post_file, NULL, &contents, &length, &etag, &error))
    {
      byline_cli_print_error (argv[1], 0, 0, error->message);
      return BYLINE_CLI_USAGE;
    }
  post = byline_post_new (contents, length);
  {
    const GError *layout_error = byline_post_get_layout_error (post);

    if (g_error_matches (layout_error, BYLINE_POST_LAYOUT_ERROR,
                         BYLINE_POST_LAYOUT_ERROR_INVALID_UTF8) ||
        g_error_matches (layout_error, BYLINE_POST_LAYOUT_ERROR,
                         BYLINE_POST_LAYOUT_ERROR_BINARY))
      {
        byline_cli_print_error (argv[1], 0, 0, layout_error->message);
        return BYLINE_CLI_FINDINGS;
      }
  }
  if (!find_offset (post, after_line, &offset, &message))
    {
      byline_cli_print_error (argv[1], 0, 0, message);
      return BYLINE_CLI_USAGE;
    }

  if (profile_path != NULL)
    {
      profile = byline_cli_load_profile (profile_path);
      if (profile == NULL)
        return BYLINE_CLI_USAGE;
    }
  else
    {
      profile = byline_profile_new_for_post (post_file, &error);
      if (profile == NULL)
        {
          print_failure (error->message);
          return BYLINE_CLI_USAGE;
        }
    }

  byline_photo_options_init (&options, profile);
  options.keep_metadata = keep_metadata;
  sources = g_ptr_array_new_with_free_func (g_object_unref);
  for (int i = 2; i < argc; i++)
    g_ptr_array_add (sources, g_file_new_for_commandline_arg (argv[i]));

  folder = g_file_get_parent (post_file);
  imports = byline_photo_import_files (folder, (GFile * const *) sources->pdata, sources->len,
                                       &options, NULL, &error);
  if (imports == NULL)
    {
      print_failure (error->message);
      return BYLINE_CLI_USAGE;
    }

  byline_photo_imports_sort (imports, order);
  calls = calls_text (imports, profile);
  patch = byline_image_insert_patch (contents, length, offset, calls, NULL);
  if (byline_post_get_layout (post)->crlf)
    {
      char *crlf = with_crlf (patch->text);

      g_free (patch->text);
      patch->text = crlf;
    }
  text = g_string_new_len (contents, length);
  byline_text_patch_apply (patch, text);

  /* One write: a temporary file renamed over the post, and only if nobody
   * changed the post since it was read. */
  if (!g_file_replace_contents (post_file, text->str, text->len, etag, FALSE,
                                G_FILE_CREATE_NONE, NULL, NULL, &error))
    {
      remove_copies (imports);
      byline_cli_print_error (argv[1], 0, 0, error->message);
      return BYLINE_CLI_USAGE;
    }

  for (guint i = 0; i < imports->len; i++)
    print_import (g_ptr_array_index (imports, i), &options);

  return BYLINE_CLI_OK;
}
