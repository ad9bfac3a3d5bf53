/* byline-document-context.c — the site and profile a post is analysed in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document's analysis context (byline-analysis-context.h) follows the
 * file, the preferences' default profile, edits of the profile file and
 * changes of the bundle's folder. Finding the site and reading the profile
 * touch the disk, so they run in a worker thread; the result replaces the
 * context on the main thread, and the post is analysed again with it.
 */

#define G_LOG_DOMAIN "byline-document"

#include "config.h"

#include "byline-document-private.h"

#include <glib/gi18n.h>

/* Editors write a file in several steps: read it once they are done. */
#define PROFILE_SETTLE_MSEC 200

struct _BylineContextResult
{
  GFile         *file;
  BylineSite    *site;
  GFile         *profile_file;  /* the file the profile came from; NULL: the built-in one */
  BylineProfile *profile;       /* NULL when the profile file cannot be used */
  GError        *error;
};

void
byline_context_result_free (BylineContextResult *result)
{
  g_clear_object (&result->file);
  g_clear_object (&result->site);
  g_clear_object (&result->profile_file);
  g_clear_object (&result->profile);
  g_clear_error (&result->error);
  g_free (result);
}

/* Reading, in a worker thread */

typedef struct
{
  GFile *file;
  char  *default_profile;  /* the preferences' profile-file, "" for none */
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_clear_object (&data->file);
  g_free (data->default_profile);
  g_free (data);
}

static void
read_context_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ReadData *data = task_data;
  BylineContextResult *result = g_new0 (BylineContextResult, 1);

  result->file = g_object_ref (data->file);
  result->site = byline_site_lookup (data->file, cancellable);

  /* The site's own .byline.yml, else the preferences' default profile. */
  if (byline_site_get_profile_file (result->site) != NULL)
    result->profile_file = g_object_ref (byline_site_get_profile_file (result->site));
  else if (data->default_profile[0] != '\0')
    result->profile_file = g_file_new_for_path (data->default_profile);

  if (result->profile_file == NULL)
    result->profile = byline_profile_new_builtin ();
  else
    result->profile = byline_profile_new_from_file (result->profile_file, &result->error);

  g_task_return_pointer (task, result, (GDestroyNotify) byline_context_result_free);
}

void
byline_document_read_context_async (BylineDocument      *self,
                                    GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  /* Not the document's task: the worker thread may let go of the task a
   * little after the callback ran, and the document must not wait for that
   * to be finalized. A cancelled read never touches the document. */
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ReadData *data = g_new0 (ReadData, 1);

  data->file = g_object_ref (file);
  data->default_profile = g_settings_get_string (self->settings, "profile-file");

  g_task_set_source_tag (task, byline_document_read_context_async);
  g_task_set_task_data (task, data, (GDestroyNotify) read_data_free);
  g_task_run_in_thread (task, read_context_thread);
}

BylineContextResult *
byline_document_read_context_finish (GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), NULL);
}

/* Installing, on the main thread */

static void follow_profile_file (BylineDocument *self,
                                 GFile          *file);

static void
set_context (BylineDocument *self,
             BylineProfile  *profile,
             BylineSite     *site,
             BylineBundle   *bundle)
{
  BylineProfile *old_profile = self->context != NULL
                               ? byline_analysis_context_get_profile (self->context) : NULL;
  BylineAnalysisContext *context;
  g_autofree char *base_uri = NULL;

  if (bundle != NULL)
    {
      g_autofree char *folder_uri = g_file_get_uri (byline_bundle_get_folder (bundle));

      base_uri = g_str_has_suffix (folder_uri, "/")
                 ? g_strdup (folder_uri) : g_strconcat (folder_uri, "/", NULL);
    }

  /* A new context rather than a changed one: the worker may be using the
   * old one right now. Made before the old one goes: the arguments may be
   * the old one's own. */
  context = byline_analysis_context_new (profile, site, bundle, base_uri, NULL);
  g_clear_object (&self->context);
  self->context = context;

  if (profile != old_profile)
    g_object_notify (G_OBJECT (self), "profile");

  byline_document_supersede_analysis (self);
}

static void
set_profile_error (BylineDocument *self,
                   GFile          *file,
                   const GError   *error)
{
  gboolean changed = (error == NULL) != (self->profile_error == NULL) ||
                     (error != NULL && g_strcmp0 (error->message,
                                                  self->profile_error->message) != 0);

  g_clear_error (&self->profile_error);
  g_clear_object (&self->profile_error_file);
  if (error != NULL)
    {
      self->profile_error = g_error_copy (error);
      self->profile_error_file = file != NULL ? g_object_ref (file) : NULL;
    }

  if (changed)
    g_object_notify (G_OBJECT (self), "profile-error");
}

void
byline_document_install_context (BylineDocument      *self,
                                 BylineContextResult *result)
{
  g_autoptr(BylineBundle) bundle = NULL;
  g_autoptr(BylineProfile) profile = NULL;
  BylineProfile *current = self->context != NULL
                           ? byline_analysis_context_get_profile (self->context) : NULL;

  if (result->profile != NULL)
    profile = g_object_ref (result->profile);
  /* A profile file broken by an edit in progress: the post keeps the
   * profile it had from that file, until the file works again. */
  else if (current != NULL && self->profile_file != NULL && result->profile_file != NULL &&
           g_file_equal (self->profile_file, result->profile_file))
    profile = g_object_ref (current);
  else
    profile = byline_profile_new_builtin ();

  set_profile_error (self, result->profile_file, result->error);
  follow_profile_file (self, result->profile_file);

  bundle = byline_bundle_new (result->file);
  set_context (self, profile, result->site, bundle);
  byline_document_watch_folder (self);
}

static void
reload_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  BylineDocument *self = user_data;
  g_autoptr(BylineContextResult) context = byline_document_read_context_finish (result);

  /* Cancelled: a newer read took over, or the document is gone. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))) || context == NULL)
    return;
  if (self->file == NULL || !g_file_equal (self->file, context->file))
    return;

  byline_document_install_context (self, context);
}

void
byline_document_reload_context (BylineDocument *self)
{
  if (self->file == NULL)
    return;

  g_cancellable_cancel (self->context_cancellable);
  g_clear_object (&self->context_cancellable);
  self->context_cancellable = g_cancellable_new ();
  byline_document_read_context_async (self, self->file, self->context_cancellable,
                                      reload_done_cb, self);
}

void
byline_document_renew_bundle (BylineDocument *self)
{
  g_autoptr(BylineBundle) bundle = NULL;

  if (self->file == NULL || self->context == NULL)
    return;

  bundle = byline_bundle_new (self->file);
  set_context (self, byline_analysis_context_get_profile (self->context),
               byline_analysis_context_get_site (self->context), bundle);
}

/* Following the profile file */

static gboolean
profile_check_cb (gpointer user_data)
{
  BylineDocument *self = user_data;

  self->profile_check_source = 0;
  byline_document_reload_context (self);

  return G_SOURCE_REMOVE;
}

gboolean
byline_document_is_settled_event (GFileMonitorEvent event)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_RENAMED:
      return TRUE;

    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      return FALSE;
    }
}

static void
profile_changed_cb (BylineDocument    *self,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor)
{
  if (!byline_document_is_settled_event (event))
    return;

  g_clear_handle_id (&self->profile_check_source, g_source_remove);
  self->profile_check_source = g_timeout_add (PROFILE_SETTLE_MSEC, profile_check_cb, self);
}

static void
follow_profile_file (BylineDocument *self,
                     GFile          *file)
{
  if (file == self->profile_file ||
      (file != NULL && self->profile_file != NULL && g_file_equal (file, self->profile_file)))
    return;

  g_clear_handle_id (&self->profile_check_source, g_source_remove);
  if (self->profile_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->profile_monitor, profile_changed_cb, self);
      g_file_monitor_cancel (self->profile_monitor);
      g_clear_object (&self->profile_monitor);
    }
  g_set_object (&self->profile_file, file);

  /* Without a monitor, an edited profile applies when the post is opened
   * again. */
  if (file != NULL)
    self->profile_monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->profile_monitor != NULL)
    g_signal_connect_object (self->profile_monitor, "changed",
                             G_CALLBACK (profile_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
default_profile_changed_cb (BylineDocument *self,
                            const char     *key,
                            GSettings      *settings)
{
  byline_document_reload_context (self);
}

/* Set-up */

void
byline_document_init_context (BylineDocument *self)
{
  g_autoptr(BylineProfile) builtin = byline_profile_new_builtin ();

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::profile-file",
                           G_CALLBACK (default_profile_changed_cb), self, G_CONNECT_SWAPPED);

  /* A post that was never saved has no site: the built-in profile. */
  self->context = byline_analysis_context_new (builtin, NULL, NULL, NULL, NULL);
}

void
byline_document_dispose_context (BylineDocument *self)
{
  g_cancellable_cancel (self->context_cancellable);
  g_clear_object (&self->context_cancellable);
  g_clear_handle_id (&self->profile_check_source, g_source_remove);
  if (self->profile_monitor != NULL)
    {
      g_file_monitor_cancel (self->profile_monitor);
      g_clear_object (&self->profile_monitor);
    }
  g_clear_object (&self->profile_file);
}
