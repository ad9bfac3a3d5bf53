/* byline-document.c — one post: its file, its text and what the core makes of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-document"

#include "config.h"

#include "byline-document.h"

#include "byline-bundle.h"
#include "byline-profile.h"

#include <glib/gi18n.h>

/* Larger files are refused: a post is a few kilobytes, and GtkTextView gets
 * slow long before this. */
#define MAX_FILE_SIZE (64 * 1024 * 1024)

struct _BylineDocument
{
  GtkSourceBuffer   parent_instance;

  GtkSourceFile    *source_file;
  GFile            *file;
  GFileMonitor     *monitor;
  guint             monitor_check_source;

  BylineRenderer   *renderer;
  GError           *profile_error;

  BylinePost       *post;
  BylineRendering  *rendering;
  char             *header_html;
  char             *title;

  guint             analysis_source;
  GCancellable     *analysis_cancellable;

  guint             loading : 1;
  guint             saving : 1;
  guint             externally_modified : 1;
  guint             deleted : 1;
  /* The text changed since the last analysis started. */
  guint             analysis_dirty : 1;
  guint             analysis_in_flight : 1;
};

G_DEFINE_FINAL_TYPE (BylineDocument, byline_document, GTK_SOURCE_TYPE_BUFFER)

enum {
  PROP_0,
  PROP_FILE,
  PROP_TITLE,
  PROP_BUSY,
  PROP_EXTERNALLY_MODIFIED,
  PROP_POST,
  N_PROPS
};

enum {
  ANALYZED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (byline-document-error-quark, byline_document_error)

typedef struct
{
  BylineRenderer  *renderer;
  char            *text;
  gsize            length;
  BylinePost      *post;
  BylineRendering *rendering;
  char            *header_html;
} Analysis;

static void
analysis_free (Analysis *analysis)
{
  g_clear_object (&analysis->renderer);
  g_clear_pointer (&analysis->text, g_free);
  g_clear_object (&analysis->post);
  g_clear_pointer (&analysis->rendering, byline_rendering_free);
  g_clear_pointer (&analysis->header_html, g_free);
  g_free (analysis);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Analysis, analysis_free)

static void
analysis_run (Analysis *analysis)
{
  analysis->post = byline_post_new (analysis->text, analysis->length);
  analysis->rendering = byline_renderer_render (analysis->renderer, analysis->post);
  analysis->header_html = byline_renderer_render_header (analysis->renderer, analysis->post);
}

static void
byline_document_set_busy (BylineDocument *self,
                          gboolean        loading,
                          gboolean        saving)
{
  gboolean was_busy = self->loading || self->saving;

  self->loading = !!loading;
  self->saving = !!saving;

  if (was_busy != (self->loading || self->saving))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
byline_document_set_externally_modified (BylineDocument *self,
                                         gboolean        externally_modified,
                                         gboolean        deleted)
{
  externally_modified = !!externally_modified;
  deleted = !!deleted;

  if (self->externally_modified == externally_modified && self->deleted == deleted)
    return;

  self->externally_modified = externally_modified;
  self->deleted = deleted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTERNALLY_MODIFIED]);
}

static void
byline_document_apply_analysis (BylineDocument *self,
                                Analysis       *analysis)
{
  BylineFrontMatter *front_matter;
  const char *title = NULL;

  g_set_object (&self->post, analysis->post);
  g_clear_pointer (&self->rendering, byline_rendering_free);
  self->rendering = g_steal_pointer (&analysis->rendering);
  g_free (self->header_html);
  self->header_html = g_steal_pointer (&analysis->header_html);

  front_matter = byline_post_get_front_matter (self->post);
  if (front_matter != NULL)
    title = byline_front_matter_get_string (front_matter, "title");
  if (title != NULL && *title == '\0')
    title = NULL;

  if (g_strcmp0 (title, self->title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POST]);
  g_signal_emit (self, signals[ANALYZED], 0);
}

static Analysis *
byline_document_take_snapshot (BylineDocument *self)
{
  GtkTextIter start, end;
  Analysis *analysis;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self), &start, &end);

  analysis = g_new0 (Analysis, 1);
  analysis->renderer = g_object_ref (self->renderer);
  analysis->text = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self), &start, &end, TRUE);
  analysis->length = strlen (analysis->text);

  self->analysis_dirty = FALSE;

  return analysis;
}

static void byline_document_queue_analysis (BylineDocument *self);

static void
analysis_thread_cb (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  analysis_run (task_data);
  g_task_return_boolean (task, TRUE);
}

static void
analysis_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  BylineDocument *self = BYLINE_DOCUMENT (object);
  GTask *task = G_TASK (result);

  self->analysis_in_flight = FALSE;

  /* A cancelled analysis belongs to a text that was replaced by a load. */
  if (!g_task_had_error (task) && !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    byline_document_apply_analysis (self, g_task_get_task_data (task));

  if (self->analysis_dirty)
    byline_document_queue_analysis (self);
}

static void
byline_document_start_analysis (BylineDocument *self)
{
  g_autoptr(Analysis) analysis = NULL;
  g_autoptr(GTask) task = NULL;

  g_assert (!self->analysis_in_flight);

  analysis = byline_document_take_snapshot (self);

  if (analysis->length < BYLINE_DOCUMENT_WORKER_THRESHOLD)
    {
      analysis_run (analysis);
      byline_document_apply_analysis (self, analysis);
      return;
    }

  /* Large posts render off the main thread so that typing never waits; the
   * worker gets its own copy of the text and a reference to the renderer,
   * which is replaced rather than changed when the file moves. */
  self->analysis_in_flight = TRUE;
  task = g_task_new (self, self->analysis_cancellable, analysis_done_cb, NULL);
  g_task_set_source_tag (task, byline_document_start_analysis);
  g_task_set_task_data (task, g_steal_pointer (&analysis), (GDestroyNotify) analysis_free);
  g_task_run_in_thread (task, analysis_thread_cb);
}

static gboolean
analysis_idle_cb (gpointer user_data)
{
  BylineDocument *self = user_data;

  self->analysis_source = 0;

  if (!self->analysis_in_flight && !self->loading)
    byline_document_start_analysis (self);

  return G_SOURCE_REMOVE;
}

static void
byline_document_queue_analysis (BylineDocument *self)
{
  self->analysis_dirty = TRUE;

  /* One analysis at a time: the dirty flag makes the one in flight start
   * another when it is done. */
  if (self->loading || self->analysis_in_flight || self->analysis_source != 0)
    return;

  self->analysis_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, analysis_idle_cb, self, NULL);
}

void
byline_document_analyze_now (BylineDocument *self)
{
  g_return_if_fail (BYLINE_IS_DOCUMENT (self));

  if (self->analysis_in_flight || self->loading)
    return;

  g_clear_handle_id (&self->analysis_source, g_source_remove);
  byline_document_start_analysis (self);
}

static void
byline_document_changed (GtkTextBuffer *buffer)
{
  BylineDocument *self = BYLINE_DOCUMENT (buffer);

  GTK_TEXT_BUFFER_CLASS (byline_document_parent_class)->changed (buffer);

  byline_document_queue_analysis (self);
}

static void
byline_document_update_renderer (BylineDocument *self)
{
  g_autoptr(BylineProfile) profile = NULL;
  g_autoptr(BylineBundle) bundle = NULL;
  GFile *file = self->file;

  g_clear_error (&self->profile_error);

  if (file != NULL)
    {
      g_autofree char *base_uri = NULL;
      g_autofree char *folder_uri = NULL;

      profile = byline_profile_new_for_post (file, &self->profile_error);
      if (profile == NULL)
        profile = byline_profile_new_builtin ();

      bundle = byline_bundle_new (file);
      folder_uri = g_file_get_uri (byline_bundle_get_folder (bundle));
      base_uri = g_str_has_suffix (folder_uri, "/")
                 ? g_strdup (folder_uri) : g_strconcat (folder_uri, "/", NULL);

      g_clear_object (&self->renderer);
      self->renderer = byline_renderer_new (profile, bundle);
      byline_renderer_set_base_uri (self->renderer, base_uri);
    }
  else
    {
      profile = byline_profile_new_builtin ();
      g_clear_object (&self->renderer);
      self->renderer = byline_renderer_new (profile, NULL);
    }
}

static gboolean
monitor_check_cb (gpointer user_data)
{
  BylineDocument *self = user_data;

  self->monitor_check_source = 0;

  /* Our own save changes the file too; the saver records the new time when
   * it is done, and the check runs again then. */
  if (self->loading || self->saving)
    return G_SOURCE_REMOVE;

  gtk_source_file_check_file_on_disk (self->source_file);
  byline_document_set_externally_modified (self,
                                           gtk_source_file_is_externally_modified (self->source_file)
                                           || gtk_source_file_is_deleted (self->source_file),
                                           gtk_source_file_is_deleted (self->source_file));

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

static void
byline_document_set_location (BylineDocument *self,
                              GFile          *file)
{
  if (self->file == NULL || !g_file_equal (self->file, file))
    {
      g_set_object (&self->file, file);
      byline_document_update_renderer (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }

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
  GFile         *file;
  GtkSourceFile *source_file;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->source_file);
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
  byline_document_set_location (self, data->file);
  byline_document_set_externally_modified (self, FALSE, FALSE);
  add_to_recent (data->file);

  /* The first analysis runs at once so that the window's first frames show
   * the title and the preview gets its content without waiting for idle. */
  g_cancellable_cancel (self->analysis_cancellable);
  g_clear_object (&self->analysis_cancellable);
  self->analysis_cancellable = g_cancellable_new ();
  self->analysis_in_flight = FALSE;
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
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  name = g_file_get_basename (file);

  /* Checked before the buffer is touched: GtkSourceFileLoader would guess a
   * legacy encoding or show escapes, and saving that would garble the post. */
  if (byline_text_find_invalid (contents, length, &bad_offset, &is_nul))
    {
      guint line = line_of_offset (contents, bad_offset);

      if (is_nul)
        g_task_return_new_error (task, BYLINE_DOCUMENT_ERROR, BYLINE_DOCUMENT_ERROR_BINARY,
                                 _("“%s” is not a text file: line %u holds a NUL byte. "
                                   "Open the post’s Markdown file instead."),
                                 name, line);
      else
        g_task_return_new_error (task, BYLINE_DOCUMENT_ERROR, BYLINE_DOCUMENT_ERROR_INVALID_UTF8,
                                 _("“%s” is not valid UTF-8 text (line %u). Byline only opens "
                                   "UTF-8 files: convert it first, for example with iconv."),
                                 name, line);
      return;
    }

  /* The buffer hides one final newline and the saver writes it back; a file
   * without one must stay without one. */
  gtk_source_buffer_set_implicit_trailing_newline (GTK_SOURCE_BUFFER (self),
                                                   length > 0
                                                   && (contents[length - 1] == '\n'
                                                       || contents[length - 1] == '\r'));

  g_cancellable_cancel (self->analysis_cancellable);
  g_clear_handle_id (&self->analysis_source, g_source_remove);
  g_clear_handle_id (&self->monitor_check_source, g_source_remove);
  byline_document_set_busy (self, TRUE, self->saving);

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
  GCancellable *cancellable;

  info = g_file_query_info_finish (file, result, &error);
  if (info == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_task_return_new_error (task, BYLINE_DOCUMENT_ERROR, BYLINE_DOCUMENT_ERROR_NOT_REGULAR,
                               _("“%s” is not a file. Choose the post’s index.md."), name);
      return;
    }

  if (g_file_info_get_size (info) > MAX_FILE_SIZE)
    {
      g_task_return_new_error (task, BYLINE_DOCUMENT_ERROR, BYLINE_DOCUMENT_ERROR_TOO_LARGE,
                               _("“%s” is too large to be a post (more than %d MB)."),
                               name, MAX_FILE_SIZE / (1024 * 1024));
      return;
    }

  cancellable = g_task_get_cancellable (task);
  g_file_load_contents_async (file, cancellable, load_contents_cb, g_steal_pointer (&task));
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
  byline_document_set_location (self, location);
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

/* Accessors */

BylineDocument *
byline_document_new (void)
{
  return g_object_new (BYLINE_TYPE_DOCUMENT, NULL);
}

GFile *
byline_document_get_file (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);

  return self->file;
}

GtkSourceFile *
byline_document_get_source_file (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);

  return self->source_file;
}

const char *
byline_document_get_title (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);

  return self->title;
}

char *
byline_document_dup_display_name (BylineDocument *self)
{
  GFile *file;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);

  if (self->title != NULL)
    return g_strdup (self->title);

  file = self->file;
  if (file != NULL)
    return g_file_get_basename (file);

  return g_strdup (_("Untitled Post"));
}

gboolean
byline_document_get_busy (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), FALSE);

  return self->loading || self->saving;
}

gboolean
byline_document_get_externally_modified (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), FALSE);

  return self->externally_modified;
}

gboolean
byline_document_get_deleted (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), FALSE);

  return self->deleted;
}

const GError *
byline_document_get_profile_error (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);

  return self->profile_error;
}

BylineProfile *
byline_document_get_profile (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);

  return byline_renderer_get_profile (self->renderer);
}

BylinePost *
byline_document_get_post (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);

  return self->post;
}

BylineRendering *
byline_document_get_rendering (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);

  return self->rendering;
}

const char *
byline_document_get_header_html (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);

  return self->header_html;
}

/* GObject */

static void
byline_document_dispose (GObject *object)
{
  BylineDocument *self = BYLINE_DOCUMENT (object);

  g_cancellable_cancel (self->analysis_cancellable);
  g_clear_handle_id (&self->analysis_source, g_source_remove);
  g_clear_handle_id (&self->monitor_check_source, g_source_remove);

  if (self->monitor != NULL)
    {
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  G_OBJECT_CLASS (byline_document_parent_class)->dispose (object);
}

static void
byline_document_finalize (GObject *object)
{
  BylineDocument *self = BYLINE_DOCUMENT (object);

  g_clear_object (&self->analysis_cancellable);
  g_clear_object (&self->source_file);
  g_clear_object (&self->file);
  g_clear_object (&self->renderer);
  g_clear_error (&self->profile_error);
  g_clear_object (&self->post);
  g_clear_pointer (&self->rendering, byline_rendering_free);
  g_clear_pointer (&self->header_html, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (byline_document_parent_class)->finalize (object);
}

static void
byline_document_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BylineDocument *self = BYLINE_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, byline_document_get_file (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, byline_document_get_busy (self));
      break;

    case PROP_EXTERNALLY_MODIFIED:
      g_value_set_boolean (value, self->externally_modified);
      break;

    case PROP_POST:
      g_value_set_object (value, self->post);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_document_class_init (BylineDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkTextBufferClass *buffer_class = GTK_TEXT_BUFFER_CLASS (klass);

  object_class->dispose = byline_document_dispose;
  object_class->finalize = byline_document_finalize;
  object_class->get_property = byline_document_get_property;

  buffer_class->changed = byline_document_changed;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EXTERNALLY_MODIFIED] =
    g_param_spec_boolean ("externally-modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_POST] =
    g_param_spec_object ("post", NULL, NULL,
                         BYLINE_TYPE_POST,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BylineDocument::analyzed:
   *
   * The post, its rendering and its header were made again from the text.
   */
  signals[ANALYZED] =
    g_signal_new ("analyzed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
byline_document_init (BylineDocument *self)
{
  self->source_file = gtk_source_file_new ();
  self->analysis_cancellable = g_cancellable_new ();

  byline_document_update_renderer (self);
}
