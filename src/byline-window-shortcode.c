/* byline-window-shortcode.c — the post's shortcodes: completion and the Insert Shortcode dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window keeps one catalog of the shortcodes the post can call (its
 * site's, its profile's, Hugo's), made on a worker thread when the post's
 * site or profile changes, since listing the site's templates may read its
 * configuration and layouts. Completion and the dialog share it.
 */

#define G_LOG_DOMAIN "byline-window"

#include "config.h"

#include "byline-window-private.h"

#include "byline-post.h"

#include <glib/gi18n.h>

/* The catalog */

typedef struct
{
  BylineSite    *site;
  BylineProfile *profile;
} CatalogJob;

static void
catalog_job_free (CatalogJob *job)
{
  g_clear_object (&job->site);
  g_clear_object (&job->profile);
  g_free (job);
}

static void
catalog_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CatalogJob *job = task_data;

  g_task_return_pointer (task, byline_shortcode_catalog_new (job->site, job->profile),
                         g_object_unref);
}

static void
set_catalog (BylineWindow           *self,
             BylineShortcodeCatalog *catalog)
{
  g_set_object (&self->shortcode_catalog, catalog);
  byline_completion_set_catalog (byline_editor_get_completion (self->editor), catalog);
}

static void
catalog_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BylineShortcodeCatalog) catalog = g_task_propagate_pointer (G_TASK (result), NULL);

  if (catalog != NULL)
    set_catalog (BYLINE_WINDOW (object), catalog);
}

static void
update_catalog (BylineWindow *self)
{
  BylineSite *site = byline_document_get_site (self->document);
  BylineProfile *profile = byline_document_get_profile (self->document);
  g_autoptr(BylineShortcodeCatalog) known = NULL;
  g_autoptr(GTask) task = NULL;
  CatalogJob *job;

  if (self->shortcode_catalog != NULL && site == self->shortcode_site &&
      profile == self->shortcode_profile)
    return;
  g_set_object (&self->shortcode_site, site);
  g_set_object (&self->shortcode_profile, profile);
  known = byline_shortcode_catalog_new (NULL, profile);

  g_cancellable_cancel (self->shortcode_cancellable);
  g_clear_object (&self->shortcode_cancellable);

  /* The profile's and Hugo's shortcodes at once; the site's follow. */
  set_catalog (self, known);
  if (site == NULL)
    return;

  self->shortcode_cancellable = g_cancellable_new ();
  job = g_new0 (CatalogJob, 1);
  job->site = g_object_ref (site);
  job->profile = g_object_ref (profile);
  task = g_task_new (self, self->shortcode_cancellable, catalog_cb, NULL);
  g_task_set_source_tag (task, update_catalog);
  g_task_set_task_data (task, job, (GDestroyNotify) catalog_job_free);
  g_task_run_in_thread (task, catalog_thread);
}

/* The site and the profile change together, with a new analysis. */
static void
document_analysis_changed_cb (BylineWindow   *self,
                              GParamSpec     *pspec,
                              BylineDocument *document)
{
  update_catalog (self);
}

/* Writing the call */

typedef struct
{
  GtkTextBuffer *buffer;
  GtkTextMark   *start;
  GtkTextMark   *end;
  char          *original;  /* the text between the marks when the dialog opened */
} ShortcodeTarget;

static void
shortcode_target_free (ShortcodeTarget *target)
{
  if (!gtk_text_mark_get_deleted (target->start))
    gtk_text_buffer_delete_mark (target->buffer, target->start);
  if (!gtk_text_mark_get_deleted (target->end))
    gtk_text_buffer_delete_mark (target->buffer, target->end);
  g_clear_object (&target->start);
  g_clear_object (&target->end);
  g_clear_object (&target->buffer);
  g_free (target->original);
  g_free (target);
}

static GtkTextMark *
add_mark (GtkTextBuffer     *buffer,
          const GtkTextIter *iter,
          gboolean           left_gravity)
{
  GtkTextMark *mark = gtk_text_mark_new (NULL, left_gravity);

  gtk_text_buffer_add_mark (buffer, mark, iter);
  return mark;
}

static void
shortcode_dialog_insert_cb (BylineWindow          *self,
                            BylineShortcodeDialog *dialog)
{
  ShortcodeTarget *target = g_object_get_data (G_OBJECT (dialog), "byline-shortcode-target");
  g_autofree char *shortcode = byline_shortcode_dialog_dup_shortcode (dialog);
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_mark (target->buffer, &start, target->start);
  gtk_text_buffer_get_iter_at_mark (target->buffer, &end, target->end);
  current = gtk_text_buffer_get_text (target->buffer, &start, &end, TRUE);
  if (g_strcmp0 (current, target->original) != 0)
    {
      byline_window_add_toast (self, _("The text changed while the dialog was open: open the "
                                       "dialog again"));
      return;
    }

  /* One undo step replaces the call (or the selection) with the new one. */
  gtk_text_buffer_begin_user_action (target->buffer);
  gtk_text_buffer_delete (target->buffer, &start, &end);
  gtk_text_buffer_insert (target->buffer, &start, shortcode, -1);
  gtk_text_buffer_end_user_action (target->buffer);
  gtk_text_buffer_place_cursor (target->buffer, &start);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (byline_editor_get_view (self->editor)));
}

static void
shortcode_dialog_destroy_cb (BylineWindow          *self,
                             BylineShortcodeDialog *dialog)
{
  if (self->shortcode_dialog == dialog)
    self->shortcode_dialog = NULL;
}

/* The innermost call whose own {{< … >}} holds byte @offset. */
static const BylineShortcode *
find_call (const BylineShortcodeList *list,
           gsize                      offset)
{
  const BylineShortcode *found = NULL;

  for (guint i = 0; i < list->calls->len; i++)
    {
      const BylineShortcode *call = g_ptr_array_index (list->calls, i);

      if ((call->kind == BYLINE_SHORTCODE_OPEN || call->kind == BYLINE_SHORTCODE_SELF_CLOSING) &&
          call->span.start <= offset && offset <= call->span.end)
        found = call;
    }
  return found;
}

static void
insert_shortcode_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  g_autofree char *text = NULL;
  g_autoptr(BylinePost) post = NULL;
  const BylineShortcode *call;
  BylineShortcodeDialog *dialog;
  ShortcodeTarget *target;
  GtkTextIter start, end;
  gsize offset;

  if (self->shortcode_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->shortcode_dialog));

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  offset = (gsize) (g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (&start)) - text);
  post = byline_post_new (text, -1);
  call = find_call (byline_post_get_shortcodes (post), offset);

  dialog = byline_shortcode_dialog_new (self->shortcode_catalog,
                                        byline_document_get_profile (self->document),
                                        byline_document_get_file (self->document));
  byline_shortcode_dialog_set_site (dialog, byline_document_get_site (self->document));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  target = g_new0 (ShortcodeTarget, 1);
  target->buffer = g_object_ref (buffer);
  if (call != NULL)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &start,
                                          (int) g_utf8_pointer_to_offset (text,
                                                                          text + call->span.start));
      gtk_text_buffer_get_iter_at_offset (buffer, &end,
                                          (int) g_utf8_pointer_to_offset (text,
                                                                          text + call->span.end));
      byline_shortcode_dialog_set_call (dialog, text, call);
    }
  else
    {
      g_autofree char *selected = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);

      byline_shortcode_dialog_set_inner (dialog, selected);
    }
  target->start = add_mark (buffer, &start, TRUE);
  target->end = add_mark (buffer, &end, FALSE);
  target->original = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);

  g_object_set_data_full (G_OBJECT (dialog), "byline-shortcode-target", target,
                          (GDestroyNotify) shortcode_target_free);
  g_signal_connect_object (dialog, "insert", G_CALLBACK (shortcode_dialog_insert_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (shortcode_dialog_destroy_cb), self,
                           G_CONNECT_SWAPPED);

  self->shortcode_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

BylineShortcodeDialog *
byline_window_get_shortcode_dialog (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);

  return self->shortcode_dialog;
}

void
byline_window_class_init_shortcode (BylineWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.insert-shortcode", NULL,
                                   insert_shortcode_action);
}

void
byline_window_init_shortcode (BylineWindow *self)
{
  g_signal_connect_object (self->document, "notify::analysis",
                           G_CALLBACK (document_analysis_changed_cb), self, G_CONNECT_SWAPPED);
  update_catalog (self);
}

void
byline_window_dispose_shortcode (BylineWindow *self)
{
  g_cancellable_cancel (self->shortcode_cancellable);
  g_clear_object (&self->shortcode_cancellable);
  g_clear_object (&self->shortcode_catalog);
  g_clear_object (&self->shortcode_site);
  g_clear_object (&self->shortcode_profile);
}
