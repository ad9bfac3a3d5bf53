/* byline-preview-pane.c — the window's place for the preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview (BylinePreview, byline-preview.c) is WebKit, and WebKit with
 * the hundred libraries it links takes longer to load than GTK and the rest
 * of Byline together: linked into the program, it would be loaded and
 * relocated before main() and hold back the first frame. So the preview
 * lives in a library of its own, libbyline-preview.so, which a thread loads
 * once the window has painted its first frame, the post in its editor. This
 * pane holds the preview's place in the window from that first frame on:
 * it keeps what the window tells the preview until the preview exists, and
 * looks like the empty window behind it until the preview has painted the
 * post, which then appears in one step, complete: never an empty or
 * half-built page, and no layout moves.
 */

#define G_LOG_DOMAIN "byline-preview"

#include "config.h"

#include "byline-preview-pane.h"
#include "byline-preview-patch.h"

#include <adwaita.h>
#include <gmodule.h>
#include <glib/gi18n.h>
#include <stdlib.h>

#define LIBRARY_NAME "libbyline-preview.so"

/* The functions of the preview's library that the pane calls; everything
 * else goes through properties and signals. */
typedef struct
{
  GType (*get_type)       (void);
  void  (*update)         (GtkWidget       *preview,
                           BylineRendering *rendering);
  void  (*scroll_to_line) (GtkWidget       *preview,
                           guint            line);
  void  (*set_band)       (GtkWidget       *preview,
                           const char      *kind,
                           const char      *text);
} PreviewLibrary;

typedef enum
{
  LIBRARY_NOT_LOADED,
  LIBRARY_LOADING,
  LIBRARY_LOADED,
  LIBRARY_FAILED,
} LibraryState;

static LibraryState library_state;
static PreviewLibrary library;
static char *library_error;
/* The panes that wait for the library (not owned). */
static GSList *waiting_panes;

struct _BylinePreviewPane
{
  GtkWidget        parent_instance;

  GtkWidget       *preview;
  /* Over the preview until it has painted the post. */
  GtkWidget       *cover;

  /* What the preview gets once it exists. */
  GFile           *folder;
  char            *stylesheet;
  char           **site_folders;
  BylineRendering *rendering;       /* immutable, shared: a reference */
  char            *band_kind;
  char            *band_text;
  guint            pending_line;

  guint            load_remote_images : 1;
  guint            has_pending_line : 1;
  guint            painted : 1;
};

G_DEFINE_FINAL_TYPE (BylinePreviewPane, byline_preview_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PREVIEW,
  PROP_PAINTED,
  N_PROPS
};

enum {
  TOP_LINE_CHANGED,
  LINE_ACTIVATED,
  OPEN_URI,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void create_preview (BylinePreviewPane *self);
static gboolean library_in_process (void);
static void show_library_error (BylinePreviewPane *self);

/* The library: next to the program when it runs from its build folder,
 * else where it is installed. BYLINE_PREVIEW_LIBRARY names another. */
static char *
find_library (void)
{
  const char *path = g_getenv ("BYLINE_PREVIEW_LIBRARY");
  g_autofree char *program = NULL;
  g_autofree char *beside = NULL;

  if (path != NULL && path[0] != '\0')
    return g_strdup (path);

  program = g_file_read_link ("/proc/self/exe", NULL);
  if (program != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (program);

      beside = g_build_filename (folder, LIBRARY_NAME, NULL);
      if (g_file_test (beside, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&beside);
    }

  return g_build_filename (PKGLIBDIR, LIBRARY_NAME, NULL);
}

static gboolean
find_functions (GModule         *module,
                PreviewLibrary  *functions)
{
  return g_module_symbol (module, "byline_preview_get_type", (gpointer *) &functions->get_type)
         && g_module_symbol (module, "byline_preview_update", (gpointer *) &functions->update)
         && g_module_symbol (module, "byline_preview_scroll_to_line",
                             (gpointer *) &functions->scroll_to_line)
         && g_module_symbol (module, "byline_preview_set_band", (gpointer *) &functions->set_band);
}

static gboolean
open_library (PreviewLibrary  *functions,
              GError         **error)
{
  g_autofree char *path = find_library ();
  GModule *module;

  /* Local binding: WebKit's symbols stay out of the program's scope. */
  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", g_module_error ());
      return FALSE;
    }
  /* Its types stay registered: it is never unloaded. */
  g_module_make_resident (module);

  if (!find_functions (module, functions))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", g_module_error ());
      return FALSE;
    }

  return TRUE;
}

/* The process must not end while the thread is inside dlopen(): WebKit's
 * libraries would be set up and torn down at once. exit() waits for it. */
static GMutex thread_lock;
static GCond thread_done;
static gboolean thread_running;

static void
wait_for_library_thread (void)
{
  g_mutex_lock (&thread_lock);
  while (thread_running)
    g_cond_wait (&thread_done, &thread_lock);
  g_mutex_unlock (&thread_lock);
}

static void
load_library_thread_cb (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  PreviewLibrary *functions = g_new0 (PreviewLibrary, 1);
  GError *error = NULL;

  gboolean opened = open_library (functions, &error);

  g_mutex_lock (&thread_lock);
  thread_running = FALSE;
  g_cond_broadcast (&thread_done);
  g_mutex_unlock (&thread_lock);

  if (opened)
    g_task_return_pointer (task, functions, g_free);
  else
    {
      g_free (functions);
      g_task_return_error (task, error);
    }
}

static void
library_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree PreviewLibrary *functions = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GSList) panes = g_steal_pointer (&waiting_panes);

  /* Found in the program meanwhile. */
  if (library_state == LIBRARY_LOADED)
    return;

  if (functions != NULL)
    {
      library = *functions;
      library_state = LIBRARY_LOADED;
    }
  else
    {
      library_error = g_strdup (error->message);
      library_state = LIBRARY_FAILED;
      g_warning ("The preview cannot start: %s", library_error);
    }

  for (GSList *l = panes; l != NULL; l = l->next)
    {
      if (library_state == LIBRARY_LOADED)
        create_preview (l->data);
      else
        show_library_error (l->data);
    }
}

static void
preload (void)
{
  g_autoptr(GTask) task = NULL;

  if (library_state != LIBRARY_NOT_LOADED || library_in_process ())
    return;

  library_state = LIBRARY_LOADING;
  g_mutex_lock (&thread_lock);
  thread_running = TRUE;
  g_mutex_unlock (&thread_lock);
  atexit (wait_for_library_thread);
  task = g_task_new (NULL, NULL, library_loaded_cb, NULL);
  g_task_set_source_tag (task, preload);
  g_task_run_in_thread (task, load_library_thread_cb);
}

/* A program that links the library, as the tests do, has it at once. */
static gboolean
library_in_process (void)
{
  GModule *program;

  if (library_state == LIBRARY_LOADED)
    return TRUE;
  if (library_state == LIBRARY_FAILED)
    return FALSE;

  program = g_module_open (NULL, 0);
  if (program == NULL || !find_functions (program, &library))
    return FALSE;
  library_state = LIBRARY_LOADED;
  return TRUE;
}

/* The preview's signals, passed on */

static void
top_line_changed_cb (BylinePreviewPane *self,
                     guint              line,
                     GtkWidget         *preview)
{
  g_signal_emit (self, signals[TOP_LINE_CHANGED], 0, line);
}

static void
line_activated_cb (BylinePreviewPane *self,
                   guint              line,
                   GtkWidget         *preview)
{
  g_signal_emit (self, signals[LINE_ACTIVATED], 0, line);
}

static gboolean
open_uri_cb (BylinePreviewPane *self,
             const char        *uri,
             GtkWidget         *preview)
{
  gboolean handled = FALSE;

  g_signal_emit (self, signals[OPEN_URI], 0, uri, &handled);
  return handled;
}

static void
preview_painted_cb (BylinePreviewPane *self,
                    GParamSpec        *pspec,
                    GtkWidget         *preview)
{
  gboolean painted = FALSE;

  g_object_get (preview, "painted", &painted, NULL);
  if (!painted || self->painted)
    return;

  self->painted = TRUE;
  gtk_widget_set_visible (self->cover, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAINTED]);
}

static void
create_preview (BylinePreviewPane *self)
{
  g_assert (library_state == LIBRARY_LOADED);
  g_assert (self->preview == NULL);

  self->preview = g_object_new (library.get_type (),
                                "load-remote-images", self->load_remote_images,
                                NULL);
  /* Below the cover, which goes once the preview has painted. */
  gtk_widget_insert_before (self->preview, GTK_WIDGET (self), self->cover);

  g_signal_connect_object (self->preview, "top-line-changed",
                           G_CALLBACK (top_line_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preview, "line-activated",
                           G_CALLBACK (line_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preview, "open-uri",
                           G_CALLBACK (open_uri_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preview, "notify::painted",
                           G_CALLBACK (preview_painted_cb), self, G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIEW]);

  /* The style and the policy first, so that the page loads once. */
  if (self->stylesheet != NULL)
    g_object_set (self->preview, "stylesheet", self->stylesheet, NULL);
  if (self->site_folders != NULL)
    g_object_set (self->preview, "site-folders", self->site_folders, NULL);
  if (self->folder != NULL)
    g_object_set (self->preview, "folder", self->folder, NULL);
  if (self->band_kind != NULL)
    library.set_band (self->preview, self->band_kind, self->band_text);
  if (self->rendering != NULL)
    library.update (self->preview, self->rendering);
  if (self->has_pending_line)
    library.scroll_to_line (self->preview, self->pending_line);

  g_clear_pointer (&self->rendering, byline_rendering_unref);
  g_clear_pointer (&self->band_kind, g_free);
  g_clear_pointer (&self->band_text, g_free);
  self->has_pending_line = FALSE;
}

static void
show_library_error (BylinePreviewPane *self)
{
  g_autofree char *message = g_strdup_printf (_("The preview cannot start: %s"),
                                              library_error);
  GtkWidget *label = gtk_label_new (message);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (label, 24);
  gtk_widget_set_margin_end (label, 24);
  gtk_widget_add_css_class (label, "dim-label");
  adw_bin_set_child (ADW_BIN (self->cover), label);
}

/* Public API */

GtkWidget *
byline_preview_pane_new (void)
{
  return g_object_new (BYLINE_TYPE_PREVIEW_PANE, NULL);
}

GtkWidget *
byline_preview_pane_get_preview (BylinePreviewPane *self)
{
  g_return_val_if_fail (BYLINE_IS_PREVIEW_PANE (self), NULL);

  return self->preview;
}

gboolean
byline_preview_pane_get_painted (BylinePreviewPane *self)
{
  g_return_val_if_fail (BYLINE_IS_PREVIEW_PANE (self), FALSE);

  return self->painted;
}

void
byline_preview_pane_set_folder (BylinePreviewPane *self,
                                GFile             *folder)
{
  g_return_if_fail (BYLINE_IS_PREVIEW_PANE (self));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  if (self->preview != NULL)
    g_object_set (self->preview, "folder", folder, NULL);
  else
    g_set_object (&self->folder, folder);
}

void
byline_preview_pane_set_site_folders (BylinePreviewPane  *self,
                                      const char * const *folders)
{
  g_return_if_fail (BYLINE_IS_PREVIEW_PANE (self));

  if (self->preview != NULL)
    g_object_set (self->preview, "site-folders", folders, NULL);
  else
    {
      g_strfreev (self->site_folders);
      self->site_folders = g_strdupv ((char **) folders);
    }
}

void
byline_preview_pane_set_stylesheet (BylinePreviewPane *self,
                                    const char        *stylesheet)
{
  g_return_if_fail (BYLINE_IS_PREVIEW_PANE (self));

  if (self->preview != NULL)
    g_object_set (self->preview, "stylesheet", stylesheet, NULL);
  else
    {
      g_free (self->stylesheet);
      self->stylesheet = g_strdup (stylesheet);
    }
}

void
byline_preview_pane_set_load_remote_images (BylinePreviewPane *self,
                                            gboolean           load_remote_images)
{
  g_return_if_fail (BYLINE_IS_PREVIEW_PANE (self));

  if (self->preview != NULL)
    g_object_set (self->preview, "load-remote-images", load_remote_images, NULL);
  else
    self->load_remote_images = !!load_remote_images;
}

void
byline_preview_pane_update (BylinePreviewPane *self,
                            BylineRendering   *rendering)
{
  g_return_if_fail (BYLINE_IS_PREVIEW_PANE (self));
  g_return_if_fail (rendering != NULL && rendering->blocks != NULL);

  if (self->preview != NULL)
    {
      library.update (self->preview, rendering);
      return;
    }

  /* Only the latest rendering matters; it is immutable, so kept, not
   * copied. */
  g_clear_pointer (&self->rendering, byline_rendering_unref);
  self->rendering = byline_rendering_ref (rendering);
}

void
byline_preview_pane_scroll_to_line (BylinePreviewPane *self,
                                    guint              line)
{
  g_return_if_fail (BYLINE_IS_PREVIEW_PANE (self));

  if (self->preview != NULL)
    library.scroll_to_line (self->preview, line);
  else
    {
      self->pending_line = line;
      self->has_pending_line = TRUE;
    }
}

void
byline_preview_pane_set_band (BylinePreviewPane *self,
                              const char        *kind,
                              const char        *text)
{
  g_return_if_fail (BYLINE_IS_PREVIEW_PANE (self));

  if (self->preview != NULL)
    {
      library.set_band (self->preview, kind, text);
      return;
    }
  g_free (self->band_kind);
  g_free (self->band_text);
  self->band_kind = g_strdup (kind);
  self->band_text = kind != NULL ? g_strdup (text) : NULL;
}

/* GObject */

static void
byline_preview_pane_dispose (GObject *object)
{
  BylinePreviewPane *self = BYLINE_PREVIEW_PANE (object);

  waiting_panes = g_slist_remove (waiting_panes, self);
  g_clear_pointer (&self->preview, gtk_widget_unparent);
  g_clear_pointer (&self->cover, gtk_widget_unparent);

  G_OBJECT_CLASS (byline_preview_pane_parent_class)->dispose (object);
}

static void
byline_preview_pane_finalize (GObject *object)
{
  BylinePreviewPane *self = BYLINE_PREVIEW_PANE (object);

  g_clear_object (&self->folder);
  g_clear_pointer (&self->stylesheet, g_free);
  g_clear_pointer (&self->site_folders, g_strfreev);
  g_clear_pointer (&self->band_kind, g_free);
  g_clear_pointer (&self->band_text, g_free);
  g_clear_pointer (&self->rendering, byline_rendering_unref);

  G_OBJECT_CLASS (byline_preview_pane_parent_class)->finalize (object);
}

static void
byline_preview_pane_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BylinePreviewPane *self = BYLINE_PREVIEW_PANE (object);

  switch (prop_id)
    {
    case PROP_PREVIEW:
      g_value_set_object (value, self->preview);
      break;
    case PROP_PAINTED:
      g_value_set_boolean (value, self->painted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The preview's library loads once the window has painted its first frame:
 * loading it sooner would take the processor from the frame that shows the
 * post, and the preview comes no sooner for it on a busy machine. A pane
 * that is not shown (the preview hidden) never loads it. */
static void
after_paint_cb (BylinePreviewPane *self,
                GdkFrameClock     *frame_clock)
{
  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, self);
  preload ();
}

static void
byline_preview_pane_map (GtkWidget *widget)
{
  BylinePreviewPane *self = BYLINE_PREVIEW_PANE (widget);

  GTK_WIDGET_CLASS (byline_preview_pane_parent_class)->map (widget);

  if (library_state == LIBRARY_NOT_LOADED)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (after_paint_cb), self, G_CONNECT_SWAPPED);
}

static void
byline_preview_pane_class_init (BylinePreviewPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_preview_pane_dispose;
  object_class->finalize = byline_preview_pane_finalize;
  object_class->get_property = byline_preview_pane_get_property;

  properties[PROP_PREVIEW] =
    g_param_spec_object ("preview", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PAINTED] =
    g_param_spec_boolean ("painted", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[TOP_LINE_CHANGED] =
    g_signal_new ("top-line-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[LINE_ACTIVATED] =
    g_signal_new ("line-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[OPEN_URI] =
    g_signal_new ("open-uri", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bylinepreviewpane");
  widget_class->map = byline_preview_pane_map;
}

static void
byline_preview_pane_init (BylinePreviewPane *self)
{
  /* The cover looks like the window behind an empty pane, so that the
   * preview appears in one step once it has painted. */
  self->cover = g_object_new (ADW_TYPE_BIN,
                              "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                              "css-classes", (const char *[]) { "cover", NULL },
                              NULL);
  gtk_widget_set_parent (self->cover, GTK_WIDGET (self));

  if (library_in_process ())
    create_preview (self);
  else if (library_state == LIBRARY_FAILED)
    show_library_error (self);
  else
    waiting_panes = g_slist_prepend (waiting_panes, self);
}
