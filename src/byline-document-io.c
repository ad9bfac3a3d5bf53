/* byline-document-io.c — loading, saving and watching a post's file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-document"

#include "config.h"

#include "byline-document-private.h"

#include <glib/gi18n.h>

/* Larger files are refused: a post is a few kilobytes, and GtkTextView gets
 * slow long before this. */
#define MAX_FILE_SIZE (64 * 1024 * 1024)

static gboolean
monitor_check_cb (gpointer user_data)
{
  BylineDocument *self = user_data;
  gboolean deleted;
  gboolean changed;

  self->monitor_check_source = 0;

  /* Our own save changes the file too; the saver records the new time when
   * it is done, and the check runs again then. */
  if (self->loading || self->saving)
    return G_SOURCE_REMOVE;

  gtk_source_file_check_file_on_disk (self->source_file);
  deleted = gtk_source_file_is_deleted (self->source_file);
  changed = deleted || gtk_source_file_is_externally_modified (self->source_file);
  byline_document_set_externally_modified (self, changed, deleted);

  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (BylineDocument    *self,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
      /* Editors and git write in several steps; look once they are done. */
      g_clear_handle_id (&self->monitor_check_source, g_source_remove);
      self->monitor_check_source = g_timeout_add (200, monitor_check_cb, self);
      break;

    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }
}

/* @context, when not NULL, was read for @file; otherwise a new location's
 * context is read in the background. */
static void
byline_document_set_location (BylineDocument      *self,
                              GFile               *file,
                              BylineContextResult *context)
{
  gboolean moved = self->file == NULL || !g_file_equal (self->file, file);

  if (moved)
    g_set_object (&self->file, file);
  if (context != NULL)
    byline_document_install_context (self, context);
  else if (moved)
    byline_document_reload_context (self);
  if (moved)
    g_object_notify (G_OBJECT (self), "file");

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, monitor_changed_cb, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  /* Without a monitor (some remote file systems) the document still works;
   * it just cannot tell when the file changes. */
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed",
                             G_CALLBACK (monitor_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) "text/markdown",
    .app_name = (char *) "Byline",
    .app_exec = (char *) "byline %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* Loading */

typedef struct
{
  GFile               *file;
  GtkSourceFile       *source_file;
  BylineContextResult *context;  /* the file's site and profile, read first */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->source_file);
  g_clear_pointer (&data->context, byline_context_result_free);
  g_free (data);
}

static guint
line_of_offset (const char *text,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n')
      line++;

  return line;
}

/* Every way out of a load that did not reach the loader ends here, so that
 * the document is not left busy. */
static void
load_failed (GTask  *task,
             GError *error)
{
  BylineDocument *self = g_task_get_source_object (task);

  byline_document_set_busy (self, FALSE, self->saving);
  g_task_return_error (task, error);
}

static void
loader_load_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GtkSourceFileLoader *loader = GTK_SOURCE_FILE_LOADER (object);
  g_autoptr(GTask) task = user_data;
  BylineDocument *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GtkTextIter start;

  if (!gtk_source_file_loader_load_finish (loader, result, &error))
    {
      byline_document_set_busy (self, FALSE, self->saving);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self), &start);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (self), &start);
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self), FALSE);

  byline_document_set_busy (self, FALSE, self->saving);
  g_set_object (&self->source_file, data->source_file);
  byline_document_set_location (self, data->file, data->context);
  byline_document_set_externally_modified (self, FALSE, FALSE);
  add_to_recent (data->file);

  /* An analysis still running on the old text is dropped when it returns
   * (a large post's worker cannot be stopped midway), and the new text's
   * follows it. The first analysis runs at once when none is in flight, so
   * that the window's first frames show the title and the preview gets its
   * content without waiting for idle. */
  byline_document_supersede_analysis (self);
  byline_document_analyze_now (self);

  g_task_return_boolean (task, TRUE);
}

static void
load_contents_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GFile *file = G_FILE (object);
  g_autoptr(GTask) task = user_data;
  BylineDocument *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr(GtkSourceFileLoader) loader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GSList) encodings = NULL;
  GCancellable *cancellable;
  gsize length = 0;
  gsize bad_offset = 0;
  gboolean is_nul = FALSE;

  if (!g_file_load_contents_finish (file, result, &contents, &length, NULL, &error))
    {
      load_failed (task, g_steal_pointer (&error));
      return;
    }

  name = g_file_get_basename (file);

  /* Checked before the buffer is touched: GtkSourceFileLoader would guess a
   * legacy encoding or show escapes, and saving that would garble the post. */
  if (byline_text_find_invalid (contents, length, &bad_offset, &is_nul))
    {
      guint line = line_of_offset (contents, bad_offset);

      if (is_nul)
        load_failed (task, g_error_new (BYLINE_DOCUMENT_ERROR, BYLINE_DOCUMENT_ERROR_BINARY,
                                        _("“%s” is not a text file: line %u holds a NUL "
                                          "byte. Open the post’s Markdown file instead."),
                                        name, line));
      else
        load_failed (task, g_error_new (BYLINE_DOCUMENT_ERROR, BYLINE_DOCUMENT_ERROR_INVALID_UTF8,
                                        _("“%s” is not valid UTF-8 text (line %u). Byline only "
                                          "opens UTF-8 files: convert it first, for example "
                                          "with iconv."),
                                        name, line));
      return;
    }

  /* The buffer hides one final newline and the saver writes it back; a file
   * without one must stay without one. */
  gtk_source_buffer_set_implicit_trailing_newline (GTK_SOURCE_BUFFER (self),
                                                   length > 0
                                                   && (contents[length - 1] == '\n'
                                                       || contents[length - 1] == '\r'));

  g_clear_handle_id (&self->analysis_source, g_source_remove);
  g_clear_handle_id (&self->monitor_check_source, g_source_remove);

  /* A fresh GtkSourceFile records what the loader finds (encoding, line
   * endings, modification time); it replaces the document's one only when
   * loading worked. */
  data->source_file = gtk_source_file_new ();
  gtk_source_file_set_location (data->source_file, file);

  loader = gtk_source_file_loader_new (GTK_SOURCE_BUFFER (self), data->source_file);
  encodings = g_slist_prepend (NULL, (gpointer) gtk_source_encoding_get_utf8 ());
  gtk_source_file_loader_set_candidate_encodings (loader, encodings);
  cancellable = g_task_get_cancellable (task);
  gtk_source_file_loader_load_async (loader, G_PRIORITY_DEFAULT, cancellable,
                                     NULL, NULL, NULL,
                                     loader_load_cb, g_steal_pointer (&task));
}

/* The site and profile are read before the text, so that the first
 * analysis of the text already uses them. */
static void
read_context_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  data->context = byline_document_read_context_finish (result);
  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      load_failed (task, error);
      return;
    }

  g_file_load_contents_async (data->file, cancellable, load_contents_cb, g_steal_pointer (&task));
}

static void
query_info_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GFile *file = G_FILE (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  BylineDocument *self;
  GCancellable *cancellable;

  info = g_file_query_info_finish (file, result, &error);
  if (info == NULL)
    {
      load_failed (task, g_steal_pointer (&error));
      return;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      load_failed (task, g_error_new (BYLINE_DOCUMENT_ERROR, BYLINE_DOCUMENT_ERROR_NOT_REGULAR,
                                      _("“%s” is not a file. Choose the post’s index.md."),
                                      name));
      return;
    }

  if (g_file_info_get_size (info) > MAX_FILE_SIZE)
    {
      load_failed (task, g_error_new (BYLINE_DOCUMENT_ERROR, BYLINE_DOCUMENT_ERROR_TOO_LARGE,
                                      _("“%s” is too large to be a post (more than %d MB)."),
                                      name, MAX_FILE_SIZE / (1024 * 1024)));
      return;
    }

  cancellable = g_task_get_cancellable (task);
  self = g_task_get_source_object (task);
  byline_document_read_context_async (self, file, cancellable, read_context_cb,
                                      g_steal_pointer (&task));
}

void
byline_document_load_async (BylineDocument      *self,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (BYLINE_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_document_load_async);

  if (self->loading || self->saving)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("The post is being loaded or saved. Try again in a moment."));
      return;
    }

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);

  /* Busy from the start: the text must not be edited while it is being
   * replaced, and the editor waits with its highlighting. */
  byline_document_set_busy (self, TRUE, self->saving);

  g_file_query_info_async (file,
                           G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                           G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT, cancellable,
                           query_info_cb, g_steal_pointer (&task));
}

gboolean
byline_document_load_finish (BylineDocument  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Saving */

static void
saver_save_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GtkSourceFileSaver *saver = GTK_SOURCE_FILE_SAVER (object);
  g_autoptr(GTask) task = user_data;
  BylineDocument *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  GFile *location;

  byline_document_set_busy (self, self->loading, FALSE);

  if (!gtk_source_file_saver_save_finish (saver, result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  location = gtk_source_file_saver_get_location (saver);
  byline_document_set_location (self, location, NULL);
  byline_document_set_externally_modified (self, FALSE, FALSE);
  add_to_recent (location);

  /* Links and images resolve against the new folder after a "Save As". */
  byline_document_queue_analysis (self);

  g_task_return_boolean (task, TRUE);
}

void
byline_document_save_async (BylineDocument      *self,
                            GFile               *file,
                            gboolean             overwrite,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GtkSourceFileSaver) saver = NULL;
  g_autoptr(GTask) task = NULL;
  GFile *location;
  GtkSourceFileSaverFlags flags = GTK_SOURCE_FILE_SAVER_FLAGS_NONE;

  g_return_if_fail (BYLINE_IS_DOCUMENT (self));
  g_return_if_fail (!file || G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_document_save_async);

  location = self->file;
  if (file == NULL && location == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                               _("The post has no file yet. Use “Save As…”."));
      return;
    }

  if (self->loading || self->saving)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("The post is being loaded or saved. Try again in a moment."));
      return;
    }

  /* Saving a post that has not changed since it was loaded or saved writes
   * nothing: the file stays byte for byte as it is, even where the saver
   * would normalise it (mixed line endings). */
  if ((file == NULL || (location != NULL && g_file_equal (file, location)))
      && !gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self))
      && !self->externally_modified)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (file != NULL && (location == NULL || !g_file_equal (file, location)))
    saver = gtk_source_file_saver_new_with_target (GTK_SOURCE_BUFFER (self),
                                                   self->source_file, file);
  else
    saver = gtk_source_file_saver_new (GTK_SOURCE_BUFFER (self), self->source_file);

  /* The saver keeps the encoding and the line endings the loader found; a new
   * post gets UTF-8 and \n. g_file_replace() writes a temporary file and
   * renames it over the old one, so a failed save leaves the old file. */
  if (overwrite)
    flags |= GTK_SOURCE_FILE_SAVER_FLAGS_IGNORE_MODIFICATION_TIME;
  gtk_source_file_saver_set_flags (saver, flags);

  byline_document_set_busy (self, self->loading, TRUE);
  gtk_source_file_saver_save_async (saver, G_PRIORITY_DEFAULT, cancellable,
                                    NULL, NULL, NULL,
                                    saver_save_cb, g_steal_pointer (&task));
}

gboolean
byline_document_save_finish (BylineDocument  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
