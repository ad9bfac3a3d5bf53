/* byline-document.c — one post: its text and what the core makes of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-document"

#include "config.h"

#include "byline-document-private.h"

#include "byline-bundle.h"
#include "byline-profile.h"

#include <glib/gi18n.h>

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
  BylineLinter    *linter;
  guint64          generation;
  char            *text;
  gsize            length;
  BylinePost      *post;
  BylineRendering *rendering;
  char            *header_html;
  GPtrArray       *diagnostics;
} Analysis;

static void
analysis_free (Analysis *analysis)
{
  g_clear_object (&analysis->renderer);
  g_clear_object (&analysis->linter);
  g_clear_pointer (&analysis->diagnostics, g_ptr_array_unref);
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
  analysis->diagnostics = byline_linter_check (analysis->linter, analysis->post);
}

void
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

void
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

  byline_document_apply_diagnostics (self, analysis->diagnostics, analysis->generation);

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
  analysis->linter = g_object_ref (self->linter);
  analysis->generation = self->generation;
  analysis->text = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self), &start, &end, TRUE);
  analysis->length = strlen (analysis->text);

  self->analysis_dirty = FALSE;

  return analysis;
}

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

void
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

  self->generation++;
  byline_document_queue_analysis (self);
}

/* The post's profile: the built-in one with the .byline.yml found for the
 * post merged over it or, for a post without one, the default profile file
 * chosen in the preferences. */
static BylineProfile *
byline_document_load_profile (BylineDocument  *self,
                              GFile           *file,
                              GError         **error)
{
  g_autoptr(GFile) site_profile = byline_profile_find_for_post (file);
  g_autofree char *default_path = NULL;

  if (site_profile == NULL)
    {
      default_path = g_settings_get_string (self->settings, "profile-file");
      if (default_path[0] != '\0')
        site_profile = g_file_new_for_path (default_path);
    }

  if (site_profile == NULL)
    return byline_profile_new_builtin ();

  return byline_profile_new_from_file (site_profile, error);
}

static void
profile_file_changed_cb (BylineDocument *self,
                         const char     *key,
                         GSettings      *settings)
{
  if (self->file == NULL)
    return;

  byline_document_update_renderer (self);
  byline_document_queue_analysis (self);
}

void
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

      profile = byline_document_load_profile (self, file, &self->profile_error);
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

  /* The linter shares the renderer's profile and bundle; both are replaced,
   * never changed, while a worker may be using them. */
  g_clear_object (&self->linter);
  self->linter = byline_linter_new (profile, bundle);
  byline_linter_set_spell_checker (self->linter, self->spell_checker);
  byline_document_watch_folder (self);
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

BylineProfile *
byline_document_get_profile (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);

  return byline_renderer_get_profile (self->renderer);
}

const GError *
byline_document_get_profile_error (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);

  return self->profile_error;
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

  byline_document_dispose_problems (self);

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
  g_clear_object (&self->settings);
  g_clear_object (&self->post);
  g_clear_pointer (&self->rendering, byline_rendering_free);
  g_clear_pointer (&self->header_html, g_free);
  g_clear_pointer (&self->title, g_free);
  byline_document_finalize_problems (self);

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
  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::profile-file",
                           G_CALLBACK (profile_file_changed_cb), self, G_CONNECT_SWAPPED);
  byline_document_init_problems (self);

  byline_document_update_renderer (self);
}
