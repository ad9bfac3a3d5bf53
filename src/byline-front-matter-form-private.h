/* byline-front-matter-form-private.h — what the form's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-front-matter-form.h"

#include "byline-field.h"
#include "byline-profile.h"

G_BEGIN_DECLS

/* What made a field write its value: a pause in typing never removes a
 * key, so that clearing a field to retype it does not flash a toast. */
typedef enum
{
  COMMIT_PAUSE,
  COMMIT_ACTIVATE,
  COMMIT_FOCUS_OUT,
  COMMIT_NOW,
} CommitReason;

typedef struct
{
  BylineFrontMatterForm *form;
  const BylineFieldSpec *spec;       /* owned by the form's profile */

  GtkWidget             *row;        /* in the fields group */
  GtkWidget             *control;    /* the widget named after the label */
  GtkWidget             *problem;    /* an icon shown for a missing or invalid value */
  GtkLabel              *count;      /* long text: characters against the limit */
  GtkTextBuffer         *text;       /* long text */
  GtkCalendar           *calendar;   /* dates */
  GtkPopover            *popover;    /* dates */
  GtkEventController    *focus;      /* on the row: whether the focus is inside */

  char                  *error;      /* why the typed value cannot be written */
  guint                  commit_source;

  /* The user changed the value since it was last written or shown. */
  guint                  dirty : 1;
  /* The text changed while the field had the focus: shown when it leaves. */
  guint                  stale : 1;
} FormField;

struct _BylineFrontMatterForm
{
  GtkWidget             parent_instance;

  /* Template children */
  GtkWidget            *scroller;
  GtkWidget            *status_box;
  GtkLabel             *status_title;
  GtkLabel             *status_detail;
  GtkButton            *jump_button;
  GtkButton            *add_button;
  AdwPreferencesGroup  *fields_group;
  AdwPreferencesGroup  *other_group;

  BylineDocument       *document;
  BylineProfile        *profile;
  GPtrArray            *fields;       /* FormField */
  GPtrArray            *other_rows;   /* GtkWidget, in other_group */
  GCancellable         *scan_cancellable;

  /* The document's generation after a removal, so that Undo in a toast
   * only undoes the removal it announced. */
  guint64               removal_generation;
  guint                 jump_line;

  /* Values are being put into the widgets: their change signals are not edits. */
  guint                 updating : 1;
  guint                 editable : 1;
  /* A field waits to be written until the current text is analysed. */
  guint                 commit_pending : 1;
  /* What waits for the form to be shown. */
  guint                 profile_stale : 1;
  guint                 values_stale : 1;
};

/* byline-front-matter-form-fields.c: one row per field type */
FormField *byline_front_matter_form_add_field    (BylineFrontMatterForm *self,
                                                  const BylineFieldSpec *spec);
void       form_field_free                       (FormField             *field);
/* Puts the front matter's value into the widgets (@front_matter: NULL for empty). */
void       form_field_show_value                 (FormField             *field,
                                                  BylineFrontMatter     *front_matter);
void       form_field_update_problem             (FormField             *field,
                                                  BylineFrontMatter     *front_matter);
gboolean   form_field_has_focus                  (FormField             *field);
/* The patch that the widgets' value makes, NULL with @error for an invalid one. */
BylineTextPatch *form_field_make_patch           (FormField             *field,
                                                  BylineFrontMatter     *front_matter,
                                                  BylineFieldEdit       *edit,
                                                  GError               **error);

/* byline-front-matter-form.c: called by the rows */
void       byline_front_matter_form_field_edited (BylineFrontMatterForm *self,
                                                  FormField             *field,
                                                  gboolean               now);
void       byline_front_matter_form_commit_field (BylineFrontMatterForm *self,
                                                  FormField             *field,
                                                  CommitReason           reason);
void       byline_front_matter_form_field_left   (BylineFrontMatterForm *self,
                                                  FormField             *field);

G_END_DECLS
