/* byline-cli-render.c — byline-cli render: a post to a standalone HTML page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-cli"

#include "config.h"

#include "byline-cli.h"

#include "byline-analysis.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Where a layout error lies: the first bad byte for text errors, the opening
 * fence otherwise. */
static void
locate_layout_error (BylinePost   *post,
                     const GError *error,
                     guint        *line,
                     guint        *column)
{
  const BylinePostLayout *layout = byline_post_get_layout (post);
  const char *text = byline_post_get_text (post);
  gsize length = byline_post_get_length (post);
  gsize offset = layout->block_start;
  gboolean is_nul = FALSE;

  if (g_error_matches (error, BYLINE_POST_LAYOUT_ERROR, BYLINE_POST_LAYOUT_ERROR_INVALID_UTF8) ||
      g_error_matches (error, BYLINE_POST_LAYOUT_ERROR, BYLINE_POST_LAYOUT_ERROR_BINARY))
    {
      gsize line_start = 0;

      if (!byline_text_find_invalid (text, length, &offset, &is_nul))
        offset = 0;

      /* The text before the bad byte is valid, so its characters count. */
      *line = 1;
      for (gsize i = 0; i < offset; i++)
        if (text[i] == '\n')
          {
            (*line)++;
            line_start = i + 1;
          }
      *column = (guint) g_utf8_strlen (text + line_start, offset - line_start) + 1;
      return;
    }

  byline_line_index_locate (byline_post_get_lines (post), MIN (offset, length), line, column);
}

/* Reports what keeps the post from rendering; FALSE when nothing does. */
static gboolean
report_post_errors (BylinePost *post,
                    const char *display_name)
{
  const GError *error = byline_post_get_layout_error (post);
  BylineSpan span = { 0, };
  guint line = 1;
  guint column = 1;

  if (error != NULL)
    {
      locate_layout_error (post, error, &line, &column);
      byline_cli_print_error (display_name, line, column, error->message);
      return TRUE;
    }

  error = byline_post_get_front_matter_error (post, &span);
  if (error != NULL)
    {
      byline_cli_print_error (display_name, MAX (span.line, 1), MAX (span.column, 1),
                              error->message);
      return TRUE;
    }

  return FALSE;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= n;
    }
  return TRUE;
}

/* Writes @page through @path into whatever it is: a device, a FIFO, a
 * file descriptor of /proc. No temporary file, no rename. */
static gboolean
write_through (const char  *path,
               const char  *page,
               gsize        length,
               GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_NOCTTY | O_CLOEXEC, 0);
  int saved_errno;

  if (fd < 0 || !write_all (fd, page, length))
    {
      saved_errno = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  if (close (fd) != 0)
    {
      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Sets @target to the file a chain of symbolic links at @path ends in
 * (which may not exist yet), or to NULL when the chain passes through
 * /proc, whose links name open files rather than paths (/dev/stdout). */
static gboolean
follow_links (const char  *path,
              char       **target,
              GError     **error)
{
  g_autofree char *current = g_strdup (path);

  *target = NULL;
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *next = NULL;
      GStatBuf info;

      if (g_str_has_prefix (current, "/proc/"))
        return TRUE;
      if (g_lstat (current, &info) != 0 || !S_ISLNK (info.st_mode))
        {
          *target = g_steal_pointer (&current);
          return TRUE;
        }

      next = g_file_read_link (current, error);
      if (next == NULL)
        return FALSE;
      if (!g_path_is_absolute (next))
        {
          g_autofree char *dir = g_path_get_dirname (current);
          char *joined = g_build_filename (dir, next, NULL);

          g_free (next);
          next = joined;
        }
      g_free (current);
      current = g_steal_pointer (&next);
    }

  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_LOOP, _("Could not write “%s”: %s"), path,
               g_strerror (ELOOP));
  return FALSE;
}

/* Writes the page to standard output ("-" or no file), through a file that
 * is not a regular one, or into a regular file atomically: a temporary
 * file renamed over the one a symbolic link points at, the link kept. */
static gboolean
write_page (const char  *output,
            const char  *page,
            GError     **error)
{
  gsize length = strlen (page);
  g_autofree char *target = NULL;
  GStatBuf info;
  int mode = 0666;

  if (output == NULL || g_strcmp0 (output, "-") == 0)
    {
      if (fwrite (page, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Could not write to the standard output"));
          return FALSE;
        }
      return TRUE;
    }

  /* A device (/dev/null), a FIFO or a socket must never be replaced by a
   * regular file: that broke /dev/null for a whole machine once. */
  if (g_stat (output, &info) == 0)
    {
      if (!S_ISREG (info.st_mode))
        return write_through (output, page, length, error);
      mode = info.st_mode & 07777;
    }

  if (!follow_links (output, &target, error))
    return FALSE;
  if (target == NULL)
    return write_through (output, page, length, error);

  return g_file_set_contents_full (target, page, length, G_FILE_SET_CONTENTS_CONSISTENT, mode,
                                   error);
}

int
byline_cli_render (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(BylineAnalysisContext) analysis_context = NULL;
  g_autoptr(BylineAnalysis) analysis = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *page = NULL;
  gsize length = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the page to FILE instead of the standard output"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  g_set_prgname ("byline-cli render");
  context = g_option_context_new (_("POST"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Renders a post (its index.md) to a standalone HTML page, "
                                  "with its pictures shown from the post’s folder."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("byline-cli render: %s\n", error->message);
      return BYLINE_CLI_USAGE;
    }

  if (argc != 2)
    {
      g_printerr ("byline-cli render: %s\n",
                  argc < 2 ? _("Name the post to render, such as content/en/blog/x/index.md")
                           : _("Render one post at a time"));
      return BYLINE_CLI_USAGE;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
    {
      g_printerr ("byline-cli render: %s\n", error->message);
      return BYLINE_CLI_USAGE;
    }

  /* Pictures load from the bundle wherever the page is written: the
   * context's base URI is the post's folder. */
  analysis_context = byline_analysis_context_new_for_file (file, &error);
  if (analysis_context == NULL)
    {
      g_printerr ("byline-cli render: %s\n", error->message);
      return BYLINE_CLI_USAGE;
    }

  analysis = byline_analysis_new (analysis_context, contents, (gssize) length, 0,
                                  BYLINE_ANALYSIS_NO_LINT);
  if (report_post_errors (byline_analysis_get_post (analysis), argv[1]))
    return BYLINE_CLI_FINDINGS;

  page = byline_renderer_render_page (byline_analysis_context_get_renderer (analysis_context),
                                      byline_analysis_get_post (analysis),
                                      byline_analysis_get_rendering (analysis));
  if (!write_page (output, page, &error))
    {
      g_printerr ("byline-cli render: %s\n", error->message);
      return BYLINE_CLI_USAGE;
    }

  return BYLINE_CLI_OK;
}
