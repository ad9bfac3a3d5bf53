/* byline-draft.h — unsaved changes kept outside the post, for crash recovery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A draft is the text of a post with unsaved changes, written into a folder
 * of its own ($XDG_STATE_HOME/byline/drafts/) under a name made from the
 * post's location. It records which version of the post the changes were
 * made to (a checksum of that text), so that a draft can tell whether the
 * post changed on disk since. Writing replaces a draft atomically, off the
 * calling thread; a store runs its writes, removals and reads one after the
 * other, in the order they were asked for.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A draft is written this long after typing pauses… */
#define BYLINE_DRAFT_PAUSE        (2 * G_TIME_SPAN_SECOND)
/* …and at least this often while typing goes on. */
#define BYLINE_DRAFT_MAX_INTERVAL (10 * G_TIME_SPAN_SECOND)

#define BYLINE_DRAFT_ERROR (byline_draft_error_quark ())

typedef enum
{
  BYLINE_DRAFT_ERROR_INVALID,  /* not a draft, or a damaged one */
} BylineDraftError;

typedef enum
{
  /* The draft holds the text the post has: there is nothing to restore. */
  BYLINE_DRAFT_STATE_SAME,
  /* Unsaved changes to the post as it is on disk. */
  BYLINE_DRAFT_STATE_NEWER,
  /* Unsaved changes to an older version: the post changed on disk since. */
  BYLINE_DRAFT_STATE_STALE,
} BylineDraftState;

GQuark            byline_draft_error_quark        (void);

/* The identity of a version of a post's text: its SHA-256, in hex. */
char             *byline_draft_checksum           (const char  *text,
                                                   gssize       length);
/* When the next draft is due (monotonic µs): BYLINE_DRAFT_PAUSE after the
 * last change, but no later than BYLINE_DRAFT_MAX_INTERVAL after the first
 * change that is not in a draft yet. */
gint64            byline_draft_next_write         (gint64       first_change,
                                                   gint64       last_change);

/* One draft as read back. */
typedef struct _BylineDraft BylineDraft;

#define BYLINE_TYPE_DRAFT (byline_draft_get_type ())

GType             byline_draft_get_type           (void) G_GNUC_CONST;
BylineDraft      *byline_draft_ref                (BylineDraft *self);
void              byline_draft_unref              (BylineDraft *self);
GFile            *byline_draft_get_post           (BylineDraft *self);
const char       *byline_draft_get_text           (BylineDraft *self,
                                                   gsize       *length);
/* The checksum of the post's text the changes were made to. */
const char       *byline_draft_get_base_checksum  (BylineDraft *self);
/* When the draft was written. */
GDateTime        *byline_draft_get_modified       (BylineDraft *self);
/* Compares the draft with the post's text as it is now. */
BylineDraftState  byline_draft_compare            (BylineDraft *self,
                                                   const char  *text,
                                                   gssize       length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineDraft, byline_draft_unref)

#define BYLINE_TYPE_DRAFT_STORE (byline_draft_store_get_type ())

G_DECLARE_FINAL_TYPE (BylineDraftStore, byline_draft_store, BYLINE, DRAFT_STORE, GObject)

BylineDraftStore *byline_draft_store_new          (GFile               *folder);
/* The store in $XDG_STATE_HOME/byline/drafts, shared by the whole process. */
BylineDraftStore *byline_draft_store_get_default  (void);
GFile            *byline_draft_store_get_folder   (BylineDraftStore    *self);
/* Where the draft of @post is (or would be) kept. */
GFile            *byline_draft_store_dup_file     (BylineDraftStore    *self,
                                                   GFile               *post);
/* Whether a draft of @post exists; a quick look on the calling thread. */
gboolean          byline_draft_store_has_draft    (BylineDraftStore    *self,
                                                   GFile               *post);

/* Writes the draft of @post (replacing one that is there) atomically. */
void              byline_draft_store_save_async   (BylineDraftStore    *self,
                                                   GFile               *post,
                                                   const char          *text,
                                                   gssize               length,
                                                   const char          *base_checksum,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean          byline_draft_store_save_finish  (BylineDraftStore    *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
/* Removes the draft of @post; no draft is not an error. */
void              byline_draft_store_remove_async (BylineDraftStore    *self,
                                                   GFile               *post,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean          byline_draft_store_remove_finish (BylineDraftStore   *self,
                                                    GAsyncResult       *result,
                                                    GError            **error);
/* Reads the draft of @post: NULL without an error when there is none. */
void              byline_draft_store_load_async   (BylineDraftStore    *self,
                                                   GFile               *post,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
BylineDraft      *byline_draft_store_load_finish  (BylineDraftStore    *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
/* The same on the calling thread. */
BylineDraft      *byline_draft_store_load         (BylineDraftStore    *self,
                                                   GFile               *post,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

/* Signals:
 *   "changed" (GFile *post): a draft of @post was written or removed; emitted
 *       in the thread-default main context of whoever asked for it.
 */

G_END_DECLS
