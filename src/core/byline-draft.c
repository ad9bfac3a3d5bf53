/* byline-draft.c — unsaved changes kept outside the post, for crash recovery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A draft file is a short header and the text:
 *
 *   Byline draft 1
 *   post: file:///home/me/site/content/blog/x/index.md
 *   base: 3a7bd3e2360a3d…
 *
 *   ---
 *   title: …
 *
 * The header ends at the first empty line; the text is everything after
 * it, byte for byte. Keys that a later version adds are skipped.
 */

#define G_LOG_DOMAIN "byline-draft"

#include "config.h"

#include "byline-draft.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#define DRAFT_MAGIC "Byline draft 1\n"
#define DRAFT_SUFFIX ".draft"

G_DEFINE_QUARK (byline-draft-error-quark, byline_draft_error)

char *
byline_draft_checksum (const char *text,
                       gssize      length)
{
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = (gssize) strlen (text);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, (gsize) length);
}

gint64
byline_draft_next_write (gint64 first_change,
                         gint64 last_change)
{
  g_return_val_if_fail (first_change <= last_change, last_change);

  return MIN (last_change + BYLINE_DRAFT_PAUSE, first_change + BYLINE_DRAFT_MAX_INTERVAL);
}

/* BylineDraft */

struct _BylineDraft
{
  GFile     *post;
  char      *text;
  gsize      length;
  char      *base_checksum;
  GDateTime *modified;
};

static void
byline_draft_clear (BylineDraft *self)
{
  g_clear_object (&self->post);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->base_checksum, g_free);
  g_clear_pointer (&self->modified, g_date_time_unref);
}

BylineDraft *
byline_draft_ref (BylineDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
byline_draft_unref (BylineDraft *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) byline_draft_clear);
}

G_DEFINE_BOXED_TYPE (BylineDraft, byline_draft, byline_draft_ref, byline_draft_unref)

GFile *
byline_draft_get_post (BylineDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->post;
}

const char *
byline_draft_get_text (BylineDraft *self,
                       gsize       *length)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (length != NULL)
    *length = self->length;

  return self->text;
}

const char *
byline_draft_get_base_checksum (BylineDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->base_checksum;
}

GDateTime *
byline_draft_get_modified (BylineDraft *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->modified;
}

BylineDraftState
byline_draft_compare (BylineDraft *self,
                      const char  *text,
                      gssize       length)
{
  g_autofree char *checksum = NULL;

  g_return_val_if_fail (self != NULL, BYLINE_DRAFT_STATE_SAME);
  g_return_val_if_fail (text != NULL || length == 0, BYLINE_DRAFT_STATE_SAME);

  if (length < 0)
    length = (gssize) strlen (text);

  if ((gsize) length == self->length && memcmp (text, self->text, self->length) == 0)
    return BYLINE_DRAFT_STATE_SAME;

  checksum = byline_draft_checksum (text, length);

  return g_str_equal (checksum, self->base_checksum)
         ? BYLINE_DRAFT_STATE_NEWER : BYLINE_DRAFT_STATE_STALE;
}

/* Reading and writing one draft file; these run on the store's thread. */

static gboolean
is_checksum (const char *text)
{
  gsize length = strlen (text);

  if (length != 64)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isxdigit (text[i]) || g_ascii_isupper (text[i]))
      return FALSE;

  return TRUE;
}

static GError *
invalid_draft_error (GFile      *draft_file,
                     const char *reason)
{
  g_autofree char *name = g_file_get_parse_name (draft_file);

  return g_error_new (BYLINE_DRAFT_ERROR, BYLINE_DRAFT_ERROR_INVALID,
                      /* TRANSLATORS: "The draft “…/3a7b….draft” is damaged (no text)". */
                      _("The draft “%s” is damaged (%s); it was left as it is."),
                      name, reason);
}

static BylineDraft *
parse_draft (GFile       *draft_file,
             GFile       *post,
             char        *contents,
             gsize        length,
             GError     **error)
{
  g_autofree char *post_uri = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GFile) recorded = NULL;
  const char *p = contents;
  const char *end = contents + length;
  BylineDraft *draft;

  if (length < strlen (DRAFT_MAGIC) || memcmp (contents, DRAFT_MAGIC, strlen (DRAFT_MAGIC)) != 0)
    {
      g_propagate_error (error, invalid_draft_error (draft_file, _("no draft header")));
      return NULL;
    }
  p += strlen (DRAFT_MAGIC);

  /* "key: value" lines up to the empty line. */
  for (;;)
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      const char *colon;

      if (eol == NULL)
        {
          g_propagate_error (error, invalid_draft_error (draft_file, _("no text")));
          return NULL;
        }

      if (eol == p)
        {
          p = eol + 1;
          break;
        }

      colon = memchr (p, ':', (gsize) (eol - p));
      if (colon != NULL && colon + 1 < eol && colon[1] == ' ')
        {
          g_autofree char *key = g_strndup (p, (gsize) (colon - p));
          g_autofree char *value = g_strndup (colon + 2, (gsize) (eol - colon - 2));

          if (g_str_equal (key, "post"))
            {
              g_free (post_uri);
              post_uri = g_steal_pointer (&value);
            }
          else if (g_str_equal (key, "base"))
            {
              g_free (base);
              base = g_steal_pointer (&value);
            }
        }

      p = eol + 1;
    }

  if (post_uri == NULL || base == NULL || !is_checksum (base))
    {
      g_propagate_error (error, invalid_draft_error (draft_file, _("no post or version")));
      return NULL;
    }

  if (!g_utf8_validate (p, end - p, NULL))
    {
      g_propagate_error (error, invalid_draft_error (draft_file, _("not UTF-8 text")));
      return NULL;
    }

  /* Names are checksums of the post's location; the header says which post
   * it really is. */
  recorded = g_file_new_for_uri (post_uri);
  if (!g_file_equal (recorded, post))
    return NULL;

  draft = g_atomic_rc_box_new0 (BylineDraft);
  draft->post = g_object_ref (post);
  draft->length = (gsize) (end - p);
  draft->text = g_strndup (p, draft->length);
  draft->base_checksum = g_steal_pointer (&base);

  return draft;
}

static BylineDraft *
read_draft (GFile         *draft_file,
            GFile         *post,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  BylineDraft *draft;

  if (!g_file_load_contents (draft_file, cancellable, &contents, &length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return NULL;

      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  info = g_file_query_info (draft_file, G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);

  draft = parse_draft (draft_file, post, contents, length, error);
  if (draft != NULL)
    {
      if (info != NULL)
        draft->modified = g_file_info_get_modification_date_time (info);
      if (draft->modified == NULL)
        draft->modified = g_date_time_new_now_utc ();
    }

  return draft;
}

static gboolean
write_draft (GFile         *folder,
             GFile         *draft_file,
             GFile         *post,
             GBytes        *text,
             const char    *base_checksum,
             GError       **error)
{
  g_autofree char *uri = g_file_get_uri (post);
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autofree char *path = g_file_get_path (draft_file);
  g_autoptr(GString) contents = g_string_new (DRAFT_MAGIC);
  gsize length = 0;
  const char *data = g_bytes_get_data (text, &length);

  if (folder_path == NULL || path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Drafts can only be kept in a local folder."));
      return FALSE;
    }

  /* Drafts are private: they may hold what was never meant to be saved. */
  if (g_mkdir_with_parents (folder_path, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not make the drafts folder “%s”: %s"),
                   folder_path, g_strerror (saved_errno));
      return FALSE;
    }

  g_string_append_printf (contents, "post: %s\nbase: %s\n\n", uri, base_checksum);
  g_string_append_len (contents, data, (gssize) length);

  /* A temporary file renamed over the old draft: a crash in the middle
   * leaves the old draft or the new one, never half of one. */
  return g_file_set_contents_full (path, contents->str, (gssize) contents->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT
                                   | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

/* BylineDraftStore */

struct _BylineDraftStore
{
  GObject      parent_instance;

  GFile       *folder;
  /* One thread: operations run in the order they were asked for. */
  GThreadPool *pool;
};

G_DEFINE_FINAL_TYPE (BylineDraftStore, byline_draft_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FOLDER,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef enum
{
  OP_SAVE,
  OP_REMOVE,
  OP_LOAD,
} OpKind;

typedef struct
{
  OpKind  kind;
  GFile  *post;
  GFile  *draft_file;
  GBytes *text;
  char   *base_checksum;
} Op;

static Op *
op_new (OpKind  kind,
        GFile  *post)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->post = g_object_ref (post);

  return op;
}

static void
op_free (Op *op)
{
  g_clear_object (&op->post);
  g_clear_object (&op->draft_file);
  g_clear_pointer (&op->text, g_bytes_unref);
  g_clear_pointer (&op->base_checksum, g_free);
  g_free (op);
}

/* The end of an operation, in the main context of whoever asked for it:
 * the "changed" signal, and the last reference the worker held on the task
 * (so that neither the task nor the store is ever finalized on the store's
 * own thread). */
typedef struct
{
  GTask    *task;
  gboolean  changed;
} Finish;

static gboolean
finish_cb (gpointer user_data)
{
  Finish *finish = user_data;
  Op *op = g_task_get_task_data (finish->task);

  if (finish->changed)
    g_signal_emit (g_task_get_source_object (finish->task), signals[CHANGED], 0, op->post);

  g_object_unref (finish->task);
  g_free (finish);

  return G_SOURCE_REMOVE;
}

static gboolean
run_op (GTask *task)
{
  BylineDraftStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return FALSE;

  switch (op->kind)
    {
    case OP_LOAD:
      {
        BylineDraft *draft = read_draft (op->draft_file, op->post,
                                         g_task_get_cancellable (task), &error);

        if (error != NULL)
          g_task_return_error (task, g_steal_pointer (&error));
        else
          g_task_return_pointer (task, draft, (GDestroyNotify) byline_draft_unref);
        return FALSE;
      }

    case OP_SAVE:
      if (!write_draft (self->folder, op->draft_file, op->post, op->text, op->base_checksum,
                        &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return FALSE;
        }
      break;

    case OP_REMOVE:
      if (!g_file_delete (op->draft_file, NULL, &error)
          && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return FALSE;
        }
      break;

    default:
      g_assert_not_reached ();
    }

  g_task_return_boolean (task, TRUE);

  return TRUE;
}

static void
run_op_cb (gpointer data,
           gpointer user_data)
{
  GTask *task = data;
  Finish *finish = g_new0 (Finish, 1);
  GSource *source;

  finish->changed = run_op (task);
  finish->task = task;

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, finish_cb, finish, NULL);
  g_source_set_static_name (source, "[byline] draft store finish");
  g_source_attach (source, g_task_get_context (task));
  g_source_unref (source);
}

static void
byline_draft_store_queue (BylineDraftStore    *self,
                          Op                  *op,
                          gpointer             source_tag,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, (GDestroyNotify) op_free);
  op->draft_file = byline_draft_store_dup_file (self, op->post);

  g_thread_pool_push (self->pool, task, NULL);
}

BylineDraftStore *
byline_draft_store_new (GFile *folder)
{
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  return g_object_new (BYLINE_TYPE_DRAFT_STORE, "folder", folder, NULL);
}

BylineDraftStore *
byline_draft_store_get_default (void)
{
  static BylineDraftStore *store;

  if (g_once_init_enter (&store))
    {
      g_autoptr(GFile) folder = g_file_new_build_filename (g_get_user_state_dir (),
                                                           "byline", "drafts", NULL);

      g_once_init_leave (&store, byline_draft_store_new (folder));
    }

  return store;
}

GFile *
byline_draft_store_get_folder (BylineDraftStore *self)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);

  return self->folder;
}

GFile *
byline_draft_store_dup_file (BylineDraftStore *self,
                             GFile            *post)
{
  g_autofree char *uri = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (post), NULL);

  uri = g_file_get_uri (post);
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  name = g_strconcat (checksum, DRAFT_SUFFIX, NULL);

  return g_file_get_child (self->folder, name);
}

gboolean
byline_draft_store_has_draft (BylineDraftStore *self,
                              GFile            *post)
{
  g_autoptr(GFile) draft_file = NULL;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (post), FALSE);

  draft_file = byline_draft_store_dup_file (self, post);

  return g_file_query_exists (draft_file, NULL);
}

void
byline_draft_store_save_async (BylineDraftStore    *self,
                               GFile               *post,
                               const char          *text,
                               gssize               length,
                               const char          *base_checksum,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Op *op;

  g_return_if_fail (BYLINE_IS_DRAFT_STORE (self));
  g_return_if_fail (G_IS_FILE (post));
  g_return_if_fail (text != NULL || length == 0);
  g_return_if_fail (base_checksum != NULL && is_checksum (base_checksum));

  if (length < 0)
    length = (gssize) strlen (text);

  op = op_new (OP_SAVE, post);
  op->text = g_bytes_new (text, (gsize) length);
  op->base_checksum = g_strdup (base_checksum);

  byline_draft_store_queue (self, op, byline_draft_store_save_async,
                            cancellable, callback, user_data);
}

gboolean
byline_draft_store_save_finish (BylineDraftStore  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
byline_draft_store_remove_async (BylineDraftStore    *self,
                                 GFile               *post,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (BYLINE_IS_DRAFT_STORE (self));
  g_return_if_fail (G_IS_FILE (post));

  byline_draft_store_queue (self, op_new (OP_REMOVE, post), byline_draft_store_remove_async,
                            cancellable, callback, user_data);
}

gboolean
byline_draft_store_remove_finish (BylineDraftStore  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  return byline_draft_store_save_finish (self, result, error);
}

void
byline_draft_store_load_async (BylineDraftStore    *self,
                               GFile               *post,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (BYLINE_IS_DRAFT_STORE (self));
  g_return_if_fail (G_IS_FILE (post));

  byline_draft_store_queue (self, op_new (OP_LOAD, post), byline_draft_store_load_async,
                            cancellable, callback, user_data);
}

BylineDraft *
byline_draft_store_load_finish (BylineDraftStore  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

BylineDraft *
byline_draft_store_load (BylineDraftStore  *self,
                         GFile             *post,
                         GCancellable      *cancellable,
                         GError           **error)
{
  g_autoptr(GFile) draft_file = NULL;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (post), NULL);

  draft_file = byline_draft_store_dup_file (self, post);

  return read_draft (draft_file, post, cancellable, error);
}

static void
byline_draft_store_constructed (GObject *object)
{
  BylineDraftStore *self = BYLINE_DRAFT_STORE (object);

  G_OBJECT_CLASS (byline_draft_store_parent_class)->constructed (object);

  g_assert (self->folder != NULL);
  self->pool = g_thread_pool_new (run_op_cb, self, 1, FALSE, NULL);
}

static void
byline_draft_store_finalize (GObject *object)
{
  BylineDraftStore *self = BYLINE_DRAFT_STORE (object);

  /* Every queued task holds a reference to the store, and the last one is
   * dropped in the main context: the pool is idle and this is not its
   * thread. */
  g_thread_pool_free (self->pool, FALSE, TRUE);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (byline_draft_store_parent_class)->finalize (object);
}

static void
byline_draft_store_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BylineDraftStore *self = BYLINE_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_draft_store_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BylineDraftStore *self = BYLINE_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      self->folder = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_draft_store_class_init (BylineDraftStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = byline_draft_store_constructed;
  object_class->finalize = byline_draft_store_finalize;
  object_class->get_property = byline_draft_store_get_property;
  object_class->set_property = byline_draft_store_set_property;

  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);
}

static void
byline_draft_store_init (BylineDraftStore *self)
{
}
