/* byline-photo-private.h — what the photo units share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * byline-photo.c reads what a picture is; byline-photo-metadata.c holds
 * every call into gexiv2; byline-photo-write.c the pixels and the files it
 * writes; byline-photo-import.c brings pictures into a bundle, one or a
 * batch, and makes their calls.
 */

#pragma once

#include "byline-photo.h"

G_BEGIN_DECLS

/* Metadata (byline-photo-metadata.c). Each call opens the file at @path
 * itself; exiv2 is entered by one thread at a time. */

/* Fills orientation, description, title, alt_text, taken, the location and
 * has_metadata. A file exiv2 does not know (SVG, GIF) has none: TRUE. */
gboolean byline_photo_metadata_read      (const char       *path,
                                          BylinePhotoInfo  *info,
                                          GError          **error);
/* Rewrites the metadata of the file at @path in place, pixels untouched:
 * without the location, and without anything else unless @keep. */
gboolean byline_photo_metadata_clean     (const char       *path,
                                          gboolean          keep,
                                          GError          **error);
/* Writes @source's metadata, less the location, the orientation and the
 * EXIF thumbnail and with the new pixel size, into the picture at @target
 * (whose colour profile stays). */
gboolean byline_photo_metadata_transfer  (const char       *source,
                                          const char       *target,
                                          int               width,
                                          int               height,
                                          GError          **error);

/* Parsers, public for the tests. */

/* EXIF's "47/1 22/1 3679/100" (degrees, minutes, seconds as rationals) and
 * a reference ("N", "S", "E", "W"). */
gboolean byline_photo_parse_exif_coordinate (const char *value,
                                             const char *reference,
                                             double     *degrees);
/* XMP's "47,22.61322N" or "47,22,36.79N". */
gboolean byline_photo_parse_xmp_coordinate  (const char *value,
                                             double     *degrees);
/* EXIF's "2024:06:15 14:03:07" with an optional offset ("+02:00"); UTC
 * without one. NULL for the blank or zero dates cameras write. */
GDateTime *byline_photo_parse_exif_date     (const char *value,
                                             const char *offset);
/* The text of an XMP language alternative without its lang="…" prefix,
 * trimmed; NULL for what cameras write when nobody wrote anything
 * ("OLYMPUS DIGITAL CAMERA", blanks). */
char      *byline_photo_clean_text          (const char *value);

/* Pixels and files (byline-photo-write.c). */

/* Writes the picture @source, as @options want it, into the new file
 * @target; sets the copy's size and what changed. @info is @source's. */
gboolean byline_photo_write              (GFile                    *source,
                                          const BylinePhotoInfo    *info,
                                          const BylinePhotoOptions *options,
                                          GFile                    *target,
                                          int                      *width,
                                          int                      *height,
                                          BylinePhotoChanges       *changes,
                                          GCancellable             *cancellable,
                                          GError                  **error);
/* A new hidden file name in @folder for a file being written. */
GFile   *byline_photo_temporary_file     (GFile                    *folder);

G_END_DECLS
