/* byline-file-fix.h — a fix that changes a file of the bundle rather than the post's text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A diagnostic's text fix is a patch an editor applies to its buffer. Some
 * findings are about a picture beside the post instead: a file fix names
 * the file and what to do to it, as plain data (it can be copied to another
 * thread, shown, and written into JSON), and byline_file_fix_apply() does
 * it. Applying one rewrites the file in place through a temporary file, so
 * an editor asks first and the command line only does it on --fix.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  BYLINE_FILE_FIX_REMOVE_LOCATION,  /* strip a picture's GPS tags */
  BYLINE_FILE_FIX_SHRINK,           /* scale a picture down to max_width */
} BylineFileFixKind;

typedef struct
{
  BylineFileFixKind  kind;
  GFile             *file;
  char              *label;         /* translated: what applying it does, for a button */
  guint              max_width;     /* SHRINK */
  guint              jpeg_quality;  /* SHRINK */
} BylineFileFix;

#define BYLINE_TYPE_FILE_FIX (byline_file_fix_get_type ())

GType          byline_file_fix_get_type   (void) G_GNUC_CONST;
/* @label (transfer full) */
BylineFileFix *byline_file_fix_new        (BylineFileFixKind    kind,
                                           GFile               *file,
                                           char                *label);
BylineFileFix *byline_file_fix_copy       (const BylineFileFix *self);
void           byline_file_fix_free       (BylineFileFix       *self);
/* "remove-location", "shrink": for JSON. */
const char    *byline_file_fix_kind_to_string (BylineFileFixKind kind);
/* Does it, blocking. Returns a translated sentence saying what changed
 * ("Removed the location from “x.jpg”"), or NULL with no error when the
 * file no longer needed it. */
char          *byline_file_fix_apply      (const BylineFileFix *self,
                                           GCancellable        *cancellable,
                                           GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineFileFix, byline_file_fix_free)

G_END_DECLS
