/* byline-image-files.h — pictures coming into a post's bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-image-size.h"
#include "byline-profile.h"

G_BEGIN_DECLS

/* A file name for the bundle: ASCII, lower case, words joined by dashes, the
 * extension kept in lower case ("My Photo (1).JPG" → "my-photo-1.jpg").
 * "image" stands in for a name with nothing left. */
char              *byline_image_safe_file_name       (const char              *name);
/* @name for @number 1, "stem-N.ext" after it ("photo-2.jpg"). */
char              *byline_image_numbered_name        (const char              *name,
                                                      guint                    number);
/* "pasted-image-YYYYMMDD-HHMMSS.png" in @time's own time zone. */
char              *byline_image_pasted_name          (GDateTime               *time);

/* Makes a file that did not exist: fails with G_IO_ERROR_EXISTS, and
 * changes nothing, when @target is already there. */
typedef gboolean (*BylineImageCreateFunc) (GFile         *target,
                                           gpointer       data,
                                           GCancellable  *cancellable,
                                           GError       **error);
/* Calls @create for byline_image_safe_file_name() of @name in @folder, then
 * for its numbered names (byline_image_numbered_name()) until one is free;
 * returns the file made. Other errors from @create stop the search. */
GFile             *byline_image_create_in_bundle     (GFile                   *folder,
                                                      const char              *name,
                                                      BylineImageCreateFunc   create,
                                                      gpointer                 data,
                                                      GCancellable            *cancellable,
                                                      GError                 **error);

/* Copies @source into @folder as byline_image_safe_file_name() of its name
 * (or of @name when not NULL), numbering the name on a clash; an existing
 * file is never replaced. A @source directly inside @folder is returned as
 * it is, without a copy. Returns the file in the bundle. Blocking: call it
 * from a worker thread for big files. */
GFile             *byline_image_copy_into_bundle     (GFile                   *source,
                                                      GFile                   *folder,
                                                      const char              *name,
                                                      GCancellable            *cancellable,
                                                      GError                 **error);
/* Writes @bytes into @folder as @name (made safe), numbered on a clash. */
GFile             *byline_image_save_into_bundle     (GBytes                  *bytes,
                                                      GFile                   *folder,
                                                      const char              *name,
                                                      GCancellable            *cancellable,
                                                      GError                 **error);
/* A warning naming @name and its size when @size is over the profile's
 * large_image_bytes; NULL otherwise. */
char              *byline_image_dup_size_warning     (BylineProfile           *profile,
                                                      const char              *name,
                                                      guint64                  size);

G_END_DECLS
