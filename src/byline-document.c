/* byline-document.c — one post: its text and what the core makes of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-document"

#include "config.h"

#include "byline-document-private.h"

#include <glib/gi18n.h>

G_DEFINE_FINAL_TYPE (BylineDocument, byline_document, GTK_SOURCE_TYPE_BUFFER)

enum {
  PROP_0,
  PROP_FILE,
  PROP_TITLE,
  PROP_BUSY,
  PROP_EXTERNALLY_MODIFIED,
  PROP_ANALYSIS,
  PROP_PROFILE,
  PROP_PROFILE_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (byline-document-error-quark, byline_document_error)

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
byline_document_changed (GtkTextBuffer *buffer)
{
  BylineDocument *self = BYLINE_DOCUMENT (buffer);

  GTK_TEXT_BUFFER_CLASS (byline_document_parent_class)->changed (buffer);

  self->generation++;
  byline_document_queue_analysis (self);
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
byline_document_dup_text (BylineDocument *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self), &start, &end);
  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self), &start, &end, TRUE);
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

  return byline_analysis_context_get_profile (self->context);
}

BylineSite *
byline_document_get_site (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);

  return byline_analysis_context_get_site (self->context);
}

const GError *
byline_document_get_profile_error (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);

  return self->profile_error;
}

GFile *
byline_document_get_profile_error_file (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);

  return self->profile_error_file;
}

/* The one write path */

static int
compare_patches (gconstpointer a,
                 gconstpointer b)
{
  const BylineTextPatch *pa = *(const BylineTextPatch * const *) a;
  const BylineTextPatch *pb = *(const BylineTextPatch * const *) b;

  return (pa->offset < pb->offset) - (pa->offset > pb->offset);
}

gboolean
byline_document_apply_patches (BylineDocument                *self,
                               guint64                        generation,
                               const BylineTextPatch * const *patches,
                               guint                          n_patches,
                               GError                       **error)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  g_autoptr(GPtrArray) order = NULL;
  g_autofree char *copy = NULL;
  g_autofree glong *starts = NULL;
  g_autofree glong *ends = NULL;
  const char *text;
  gsize length;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (patches != NULL || n_patches == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->loading || self->saving)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("The post is being loaded or saved. Try again in a moment."));
      return FALSE;
    }

  /* The offsets belong to the text the patches were made from. */
  if (generation != self->generation)
    {
      g_set_error_literal (error, BYLINE_DOCUMENT_ERROR, BYLINE_DOCUMENT_ERROR_STALE,
                           _("The post changed since this change was prepared. Try again "
                             "once the post is checked again."));
      return FALSE;
    }

  /* That text: the analysis's when it is current, else the buffer's. */
  if (byline_document_is_analyzed (self))
    {
      text = byline_analysis_get_text (self->analysis);
      length = byline_analysis_get_length (self->analysis);
    }
  else
    {
      text = copy = byline_document_dup_text (self);
      length = strlen (copy);
    }

  /* From the end, so that each patch leaves the offsets before it alone;
   * they must not overlap, and must fall on character boundaries. */
  order = g_ptr_array_sized_new (n_patches);
  for (guint i = 0; i < n_patches; i++)
    g_ptr_array_add (order, (gpointer) patches[i]);
  g_ptr_array_sort (order, compare_patches);

  starts = g_new (glong, n_patches);
  ends = g_new (glong, n_patches);
  for (guint i = 0; i < order->len; i++)
    {
      const BylineTextPatch *patch = g_ptr_array_index (order, i);
      const BylineTextPatch *after = i > 0 ? g_ptr_array_index (order, i - 1) : NULL;
      gsize end = patch->offset + patch->length;

      if (patch->offset > length || patch->length > length - patch->offset ||
          (after != NULL && end > after->offset) ||
          !g_utf8_validate_len (text + patch->offset, patch->length, NULL) ||
          (patch->offset < length && (text[patch->offset] & 0xC0) == 0x80) ||
          (end < length && (text[end] & 0xC0) == 0x80))
        {
          g_set_error_literal (error, BYLINE_DOCUMENT_ERROR, BYLINE_DOCUMENT_ERROR_STALE,
                               _("The change does not fit the post’s text. Try again once "
                                 "the post is checked again."));
          return FALSE;
        }
      starts[i] = g_utf8_pointer_to_offset (text, text + patch->offset);
      ends[i] = starts[i] + g_utf8_pointer_to_offset (text + patch->offset, text + end);
    }

  /* One user action is one undo step. */
  gtk_text_buffer_begin_user_action (buffer);
  for (guint i = 0; i < order->len; i++)
    {
      const BylineTextPatch *patch = g_ptr_array_index (order, i);
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) starts[i]);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) ends[i]);
      if (!gtk_text_iter_equal (&start, &end))
        gtk_text_buffer_delete (buffer, &start, &end);
      if (patch->text != NULL && patch->text[0] != '\0')
        gtk_text_buffer_insert (buffer, &start, patch->text, -1);
    }
  gtk_text_buffer_end_user_action (buffer);

  return TRUE;
}

/* GObject */

static void
byline_document_dispose (GObject *object)
{
  BylineDocument *self = BYLINE_DOCUMENT (object);

  byline_document_dispose_analysis (self);
  byline_document_dispose_context (self);
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
  g_clear_object (&self->context);
  g_clear_error (&self->profile_error);
  g_clear_object (&self->profile_error_file);
  g_clear_object (&self->settings);
  g_clear_object (&self->analysis);
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
      g_value_set_object (value, self->file);
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

    case PROP_ANALYSIS:
      g_value_set_object (value, self->analysis);
      break;

    case PROP_PROFILE:
      g_value_set_object (value, byline_document_get_profile (self));
      break;

    case PROP_PROFILE_ERROR:
      g_value_set_boxed (value, self->profile_error);
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

  /**
   * BylineDocument:analysis:
   *
   * The last analysis of the text: the post, its rendering and its
   * findings. Notified each time a new one is applied.
   */
  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL,
                         BYLINE_TYPE_ANALYSIS,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL,
                         BYLINE_TYPE_PROFILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PROFILE_ERROR] =
    g_param_spec_boxed ("profile-error", NULL, NULL,
                        G_TYPE_ERROR,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_document_init (BylineDocument *self)
{
  self->source_file = gtk_source_file_new ();
  self->analysis_cancellable = g_cancellable_new ();
  byline_document_init_problems (self);
  byline_document_init_context (self);
}
