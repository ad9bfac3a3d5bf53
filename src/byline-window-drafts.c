/* byline-window-drafts.c — unsaved changes kept as drafts, and offered back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While a post has unsaved changes, its text goes into a draft
 * (BylineDraftStore) two seconds after typing pauses, and at least every
 * ten seconds while typing goes on. A save, a reload or "Discard" removes
 * the draft. Opening a post that has one offers it back in a bar: restoring
 * puts the draft's text into the buffer as one unsaved, undoable change;
 * the post itself is only written when the user saves. With the autosave
 * preference, a pause in typing saves the post itself instead.
 */

#define G_LOG_DOMAIN "byline-window"

#include "config.h"

#include "byline-window-private.h"

#include "byline-diff.h"

#include <glib/gi18n.h>

/* How long a draft waits while the post is being loaded or saved. */
#define BUSY_RETRY_MSEC 500

static void
remove_draft_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* A draft that cannot be removed is offered again next time, and the user
   * can discard it then; nothing is lost. */
  if (!byline_draft_store_remove_finish (BYLINE_DRAFT_STORE (object), result, &error))
    g_debug ("Could not remove a draft: %s", error->message);
}

static void
remove_draft (BylineWindow *self,
              GFile        *post)
{
  if (post != NULL)
    byline_draft_store_remove_async (self->draft_store, post, NULL, remove_draft_cb, NULL);
}

/* The offer */

static void
clear_offer (BylineWindow *self)
{
  g_clear_pointer (&self->offered_draft, byline_draft_unref);
  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
}

static char *
format_draft_time (BylineDraft *draft)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (byline_draft_get_modified (draft));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_date_time_get_year (local) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* TRANSLATORS: the time of day a draft was written, as in "from 14:32". */
    return g_date_time_format (local, _("%H:%M"));

  /* TRANSLATORS: the day a draft was written, as in "from 3 March 14:32". */
  return g_date_time_format (local, _("%e %B %H:%M"));
}

static void
offer_draft (BylineWindow     *self,
             BylineDraft      *draft,
             BylineDraftState  state)
{
  g_autofree char *when = format_draft_time (draft);
  g_autofree char *message = NULL;

  g_clear_pointer (&self->offered_draft, byline_draft_unref);
  self->offered_draft = byline_draft_ref (draft);
  self->offered_state = state;

  if (state == BYLINE_DRAFT_STATE_STALE)
    message = g_strdup_printf (_("Unsaved changes to this post from %s were recovered, but the "
                                 "file changed on disk since then. Restoring them replaces the "
                                 "file’s newer text in the editor."), g_strstrip (when));
  else
    message = g_strdup_printf (_("Unsaved changes to this post from %s were recovered. They are "
                                 "not in the file."), g_strstrip (when));

  gtk_label_set_label (self->draft_label, message);
  gtk_revealer_set_reveal_child (self->draft_revealer, TRUE);
}

/* Replaces the buffer's text by @text as one undo step (through the
 * document's one write path), touching only the part that differs, so that
 * one undo brings the file's text back and the cursor lands where the
 * changes start. */
static void
replace_text (BylineWindow *self,
              const char   *text,
              gsize         length)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  g_autofree char *current = byline_document_dup_text (self->document);
  gsize current_length = strlen (current);
  gsize max = MIN (current_length, length);
  gsize prefix = 0, suffix = 0;
  g_autofree char *replacement = NULL;
  g_autoptr(BylineTextPatch) patch = NULL;
  const BylineTextPatch *patches[1];
  g_autoptr(GError) error = NULL;
  GtkTextIter start;

  while (prefix < max && current[prefix] == text[prefix])
    prefix++;
  while (prefix > 0 && (current[prefix] & 0xc0) == 0x80)
    prefix--;

  while (suffix < max - prefix
         && current[current_length - 1 - suffix] == text[length - 1 - suffix])
    suffix++;
  while (suffix > 0 && (current[current_length - suffix] & 0xc0) == 0x80)
    suffix--;

  replacement = g_strndup (text + prefix, length - prefix - suffix);
  patch = byline_text_patch_new (prefix, current_length - prefix - suffix, replacement);
  patches[0] = patch;
  if (!byline_document_apply_patches (self->document,
                                      byline_document_get_generation (self->document),
                                      patches, 1, &error))
    {
      byline_window_add_toast (self, error->message);
      return;
    }

  gtk_text_buffer_get_iter_at_offset (buffer, &start,
                                      (int) g_utf8_pointer_to_offset (current, current + prefix));
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (byline_editor_get_view (self->editor)),
                                gtk_text_buffer_get_insert (buffer), 0.25, FALSE, 0, 0);
}

static void schedule_draft (BylineWindow *self);

static void
restore_draft (BylineWindow *self,
               BylineDraft  *draft)
{
  g_autoptr(BylineDraft) kept = byline_draft_ref (draft);
  const char *text;
  gsize length = 0;

  clear_offer (self);

  text = byline_draft_get_text (kept, &length);
  replace_text (self, text, length);
  gtk_widget_grab_focus (GTK_WIDGET (self->editor));

  /* The draft is written again against the post as it is now, so that a
   * stale draft is not stale any more once its text was taken. */
  self->first_unsaved_change = self->last_change = g_get_monotonic_time ();
  schedule_draft (self);
}

static void
restore_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  if (self->offered_draft != NULL)
    restore_draft (self, self->offered_draft);
}

static void
discard_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  if (self->offered_draft == NULL)
    return;

  remove_draft (self, byline_draft_get_post (self->offered_draft));
  clear_offer (self);

  /* What was typed meanwhile gets a draft of its own. */
  if (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document)))
    {
      self->first_unsaved_change = self->last_change = g_get_monotonic_time ();
      schedule_draft (self);
    }
}

/* "Show Changes": the lines the draft changes, as a diff. */

static void
changes_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     BylineWindow     *self)
{
  if (g_str_equal (response, "restore"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.restore-draft", NULL);
  else if (g_str_equal (response, "discard"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.discard-draft", NULL);
}

static GtkWidget *
create_diff_view (BylineWindow *self,
                  const char   *diff)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  g_autoptr(GtkSourceBuffer) buffer = NULL;
  GtkWidget *view, *scroller;

  buffer = gtk_source_buffer_new_with_language (
    gtk_source_language_manager_get_language (languages, "diff"));
  gtk_source_buffer_set_style_scheme (buffer, gtk_source_buffer_get_style_scheme (
                                        GTK_SOURCE_BUFFER (self->document)));
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), diff, -1);

  view = gtk_source_view_new_with_buffer (buffer);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Differences"),
                                  -1);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 560);
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_add_css_class (scroller, "byline-diff");

  return scroller;
}

static void
show_draft_changes_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autofree char *current = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *diff = NULL;
  GtkWidget *dialog;

  if (self->offered_draft == NULL)
    return;

  current = byline_document_dup_text (self->document);
  draft = g_strdup (byline_draft_get_text (self->offered_draft, NULL));

  /* The buffer hides the file's last newline; the diff shows the files as
   * they are, not a missing newline on both sides. */
  if (gtk_source_buffer_get_implicit_trailing_newline (GTK_SOURCE_BUFFER (self->document)))
    {
      g_autofree char *with_newline = g_strconcat (current, "\n", NULL);

      g_free (current);
      current = g_steal_pointer (&with_newline);
      with_newline = g_strconcat (draft, "\n", NULL);
      g_free (draft);
      draft = g_steal_pointer (&with_newline);
    }

  diff = byline_diff_unified (current, draft, 3);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Unsaved Changes"), NULL);
  if (self->offered_state == BYLINE_DRAFT_STATE_STALE)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                 _("Lines marked “+” are in the unsaved changes, lines marked "
                                   "“-” in the post as it is now. The file changed on disk "
                                   "after these changes were made: restoring them replaces its "
                                   "newer lines too."));
  else
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                 _("Lines marked “+” are in the unsaved changes, lines marked "
                                   "“-” in the post as it is now."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      create_diff_view (self, diff != NULL ? diff : ""));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, -1);
  g_signal_connect_object (dialog, "response", G_CALLBACK (changes_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Writing drafts */

static void write_draft (BylineWindow *self);

static void
draft_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BylineWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  self->draft_writing = FALSE;
  saved = byline_draft_store_save_finish (BYLINE_DRAFT_STORE (object), result, &error);

  /* A window that is gone writes and says no more. */
  if (self->draft_cancellable == NULL
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* A failure is said once, not at every pause in typing, until a draft
   * works again. */
  if (!saved && !self->draft_failed)
    {
      g_autofree char *message = g_strdup_printf (_("Unsaved changes could not be kept as a "
                                                    "draft: %s"), error->message);

      byline_window_add_toast (self, message);
    }
  self->draft_failed = !saved;

  if (self->draft_pending)
    {
      self->draft_pending = FALSE;
      write_draft (self);
    }
}

static void
write_draft (BylineWindow *self)
{
  GFile *file = byline_document_get_file (self->document);
  g_autofree char *text = NULL;

  if (file == NULL || self->base_checksum == NULL
      || !gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document)))
    return;

  /* One write at a time; the newest text follows the one in flight. */
  if (self->draft_writing)
    {
      self->draft_pending = TRUE;
      return;
    }

  text = byline_document_dup_text (self->document);
  self->draft_writing = TRUE;
  self->first_unsaved_change = 0;
  byline_draft_store_save_async (self->draft_store, file, text, -1, self->base_checksum,
                                 self->draft_cancellable, draft_saved_cb, g_object_ref (self));
}

static gboolean
draft_due_cb (gpointer user_data)
{
  BylineWindow *self = user_data;
  gint64 now = g_get_monotonic_time ();

  self->draft_source = 0;

  if (byline_document_get_file (self->document) == NULL
      || !gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document)))
    {
      self->first_unsaved_change = 0;
      return G_SOURCE_REMOVE;
    }

  if (byline_document_get_busy (self->document))
    {
      self->draft_source = g_timeout_add (BUSY_RETRY_MSEC, draft_due_cb, self);
      return G_SOURCE_REMOVE;
    }

  /* An offered draft is not overwritten before the user has decided on it:
   * the text typed meanwhile waits. */
  if (self->offered_draft != NULL)
    return G_SOURCE_REMOVE;

  /* Saving the post itself waits for a pause in typing; while typing goes
   * on, drafts keep the changes. */
  if (g_settings_get_boolean (self->settings, "autosave")
      && !self->autosave_failed
      && !self->read_only
      && !byline_document_get_externally_modified (self->document)
      && now - self->last_change >= BYLINE_DRAFT_PAUSE)
    {
      self->first_unsaved_change = 0;
      byline_window_save (self, BYLINE_SAVE_AUTOMATIC);
      return G_SOURCE_REMOVE;
    }

  write_draft (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_draft (BylineWindow *self)
{
  gint64 due = byline_draft_next_write (self->first_unsaved_change, self->last_change);
  gint64 now = g_get_monotonic_time ();
  guint delay = due > now ? (guint) ((due - now + 999) / 1000) : 0;

  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add (delay, draft_due_cb, self);
}

static void
document_changed_cb (BylineWindow   *self,
                     BylineDocument *document)
{
  gint64 now;

  /* Loading fills the buffer; that is no change of the user's. */
  if (byline_document_get_busy (document)
      || byline_document_get_file (document) == NULL
      || !gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)))
    return;

  now = g_get_monotonic_time ();
  if (self->first_unsaved_change == 0)
    self->first_unsaved_change = now;
  self->last_change = now;

  schedule_draft (self);
}

static void
document_modified_changed_cb (BylineWindow   *self,
                              BylineDocument *document)
{
  /* Undoing every change leaves nothing to keep. Loading and saving clear
   * the flag too; they look after the draft themselves. */
  if (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document))
      || byline_document_get_busy (document)
      || self->offered_draft != NULL)
    return;

  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->first_unsaved_change = 0;
  remove_draft (self, byline_document_get_file (document));
}

/* Loading, saving, discarding */

typedef struct
{
  BylineWindow *self;
  GFile        *file;
  char         *text;
} DraftCheck;

static void
draft_check_free (DraftCheck *check)
{
  g_clear_object (&check->self);
  g_clear_object (&check->file);
  g_clear_pointer (&check->text, g_free);
  g_free (check);
}

static void
draft_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  DraftCheck *check = user_data;
  BylineWindow *self = check->self;
  GFile *file = byline_document_get_file (self->document);
  g_autoptr(BylineDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  gboolean restore = self->restore_on_load;
  BylineDraftState state;

  draft = byline_draft_store_load_finish (BYLINE_DRAFT_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || file == NULL || !g_file_equal (file, check->file))
    {
      draft_check_free (check);
      return;
    }

  self->restore_on_load = FALSE;

  if (error != NULL)
    {
      byline_window_add_toast (self, error->message);
      draft_check_free (check);
      return;
    }

  if (draft == NULL)
    {
      draft_check_free (check);
      return;
    }

  state = byline_draft_compare (draft, check->text, -1);
  if (state == BYLINE_DRAFT_STATE_SAME)
    remove_draft (self, check->file);
  else if (restore && state == BYLINE_DRAFT_STATE_NEWER)
    restore_draft (self, draft);
  else
    offer_draft (self, draft, state);

  draft_check_free (check);
}

void
byline_window_drafts_loaded (BylineWindow *self)
{
  GFile *file = byline_document_get_file (self->document);
  DraftCheck *check;

  g_return_if_fail (BYLINE_IS_WINDOW (self));

  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->first_unsaved_change = 0;
  self->draft_pending = FALSE;
  clear_offer (self);

  g_cancellable_cancel (self->draft_cancellable);
  g_clear_object (&self->draft_cancellable);
  self->draft_cancellable = g_cancellable_new ();

  check = g_new0 (DraftCheck, 1);
  check->self = g_object_ref (self);
  check->file = g_object_ref (file);
  check->text = byline_document_dup_text (self->document);

  g_free (self->base_checksum);
  self->base_checksum = byline_draft_checksum (check->text, -1);

  byline_draft_store_load_async (self->draft_store, file, self->draft_cancellable,
                                 draft_loaded_cb, check);
}

void
byline_window_drafts_saved (BylineWindow *self,
                            GFile        *previous_file)
{
  GFile *file = byline_document_get_file (self->document);
  g_autofree char *text = byline_document_dup_text (self->document);

  g_return_if_fail (BYLINE_IS_WINDOW (self));

  g_free (self->base_checksum);
  self->base_checksum = byline_draft_checksum (text, -1);

  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->first_unsaved_change = 0;
  self->draft_pending = FALSE;
  clear_offer (self);

  remove_draft (self, file);
  /* "Save As": the changes are saved, under another name. */
  if (previous_file != NULL && file != NULL && !g_file_equal (previous_file, file))
    remove_draft (self, previous_file);
}

void
byline_window_drafts_discard (BylineWindow *self)
{
  g_return_if_fail (BYLINE_IS_WINDOW (self));

  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->first_unsaved_change = 0;
  self->draft_pending = FALSE;
  clear_offer (self);

  remove_draft (self, byline_document_get_file (self->document));
}

/* The start page's "Restore": open the post and take its draft at once. */
static void
restore_draft_uri_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  if (!byline_window_is_empty (self))
    {
      g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                          &file, 1, "");
      return;
    }

  self->restore_on_load = TRUE;
  byline_window_load (self, file);
}

void
byline_window_dispose_drafts (BylineWindow *self)
{
  g_clear_handle_id (&self->draft_source, g_source_remove);
  g_cancellable_cancel (self->draft_cancellable);
  g_clear_object (&self->draft_cancellable);
  g_clear_pointer (&self->offered_draft, byline_draft_unref);
  g_clear_pointer (&self->base_checksum, g_free);
}

void
byline_window_init_drafts (BylineWindow *self)
{
  self->draft_store = byline_draft_store_get_default ();
  self->draft_cancellable = g_cancellable_new ();

  g_signal_connect_object (self->document, "changed",
                           G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->document, "modified-changed",
                           G_CALLBACK (document_modified_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

void
byline_window_class_init_drafts (BylineWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, BylineWindow, draft_revealer);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, draft_label);

  gtk_widget_class_install_action (widget_class, "win.restore-draft", NULL,
                                   restore_draft_action);
  gtk_widget_class_install_action (widget_class, "win.discard-draft", NULL,
                                   discard_draft_action);
  gtk_widget_class_install_action (widget_class, "win.show-draft-changes", NULL,
                                   show_draft_changes_action);
  gtk_widget_class_install_action (widget_class, "win.restore-draft-uri", "s",
                                   restore_draft_uri_action);
}
