/* byline-photo.h — pictures coming into a bundle: upright, web-sized, without their location
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What Byline reads from a picture (its size as shown, its EXIF orientation,
 * the description, title and alt text its author gave it, when it was
 * taken, whether it records where) and how a picture comes into a post's
 * bundle: turned upright, no wider than the site wants, without its GPS tags
 * (always) and the rest of the camera metadata (unless kept), with its
 * colour profile, under a name that replaces nothing. gexiv2 reads and
 * writes the metadata; gdk-pixbuf decodes, turns, scales and encodes.
 *
 * Byline never writes a picture that carries a location, and never changes
 * the picture it was given: an import writes a new file in the bundle (a
 * temporary file first, renamed when complete), a fix in place replaces the
 * bundle's file by rename.
 *
 * Everything here blocks and may be called from any thread, except the
 * batch import, which runs on a worker and reports to the caller's main
 * context.
 */

#pragma once

#include <gio/gio.h>

#include "byline-image-files.h"
#include "byline-image-shortcode.h"
#include "byline-profile.h"

G_BEGIN_DECLS

#define BYLINE_PHOTO_ERROR (byline_photo_error_quark ())

typedef enum
{
  BYLINE_PHOTO_ERROR_UNREADABLE,  /* not a picture Byline can read */
  BYLINE_PHOTO_ERROR_METADATA,    /* its metadata could not be read or written */
} BylinePhotoError;

typedef enum
{
  BYLINE_PHOTO_FORMAT_UNKNOWN,
  BYLINE_PHOTO_FORMAT_JPEG,
  BYLINE_PHOTO_FORMAT_PNG,
  BYLINE_PHOTO_FORMAT_GIF,
  BYLINE_PHOTO_FORMAT_WEBP,
  BYLINE_PHOTO_FORMAT_SVG,
} BylinePhotoFormat;

/* Read-only once made; shared by reference. */
typedef struct
{
  BylinePhotoFormat  format;
  int                width;            /* as shown, the orientation applied; 0 when unknown */
  int                height;
  int                orientation;      /* EXIF 1–8; 1 without the tag */
  goffset            size;             /* bytes */
  char              *description;      /* nullable: XMP dc:description, IPTC caption, EXIF */
  char              *title;            /* nullable: XMP dc:title, IPTC object name, XPTitle */
  char              *alt_text;         /* nullable: IPTC's alt text (Iptc4xmpCore) */
  GDateTime         *taken;            /* nullable: DateTimeOriginal (UTC unless an offset says) */
  gboolean           has_location;     /* any GPS tag, EXIF or XMP */
  gboolean           has_coordinates;  /* latitude and longitude could be read */
  double             latitude;         /* degrees, north positive */
  double             longitude;        /* degrees, east positive */
  gboolean           has_metadata;     /* EXIF, XMP, IPTC or a comment */
} BylinePhotoInfo;

#define BYLINE_TYPE_PHOTO_INFO (byline_photo_info_get_type ())

GQuark           byline_photo_error_quark        (void);
GType            byline_photo_info_get_type      (void) G_GNUC_CONST;
/* Reads the picture's header and metadata, not its pixels. */
BylinePhotoInfo *byline_photo_info_new_for_file  (GFile                 *file,
                                                  GCancellable          *cancellable,
                                                  GError               **error);
/* The same on a worker thread, for a list that shows pictures before they
 * are imported (thumbnails, captions from the metadata, time order). */
void             byline_photo_info_new_for_file_async  (GFile               *file,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
BylinePhotoInfo *byline_photo_info_new_for_file_finish (GAsyncResult        *result,
                                                        GError             **error);
/* The same, remembered per file path, size and modification time, for the
 * rules that look at every picture of a bundle on each check. NULL when the
 * file is not a picture Byline can read. */
BylinePhotoInfo *byline_photo_info_lookup        (GFile                 *file);
BylinePhotoInfo *byline_photo_info_ref           (BylinePhotoInfo       *self);
void             byline_photo_info_unref         (BylinePhotoInfo       *self);
/* "47.38° N, 8.54° E": rounded to two decimals (about a kilometre), enough
 * for a writer to recognise the place without a log repeating the exact
 * spot. NULL without coordinates. */
char            *byline_photo_info_dup_location  (const BylinePhotoInfo *self);
/* Whether Byline can re-encode the format (to resize or turn it). */
gboolean         byline_photo_format_can_encode  (BylinePhotoFormat      format);

typedef struct
{
  guint    max_width;      /* pixels as shown; 0 for any width */
  guint    jpeg_quality;   /* 1–100 */
  gboolean keep_metadata;  /* keep EXIF, XMP and IPTC but the location */
} BylinePhotoOptions;

/* The profile's image_max_width and jpeg_quality, metadata not kept. */
void             byline_photo_options_init       (BylinePhotoOptions    *options,
                                                  BylineProfile         *profile);

typedef enum /*< flags >*/
{
  BYLINE_PHOTO_CHANGE_NONE              = 0,
  BYLINE_PHOTO_CHANGE_ROTATED           = 1 << 0,  /* the orientation went into the pixels */
  BYLINE_PHOTO_CHANGE_RESIZED           = 1 << 1,
  BYLINE_PHOTO_CHANGE_LOCATION_REMOVED  = 1 << 2,
  BYLINE_PHOTO_CHANGE_METADATA_REMOVED  = 1 << 3,
  BYLINE_PHOTO_CHANGE_REENCODED         = 1 << 4,  /* decoded and encoded again */
} BylinePhotoChanges;

/* A translated list of @changes ("resized from 4000×3000, location
 * removed"), or NULL for none. */
char            *byline_photo_changes_describe   (BylinePhotoChanges     changes,
                                                  int                    old_width,
                                                  int                    old_height);

typedef struct
{
  GFile             *source;   /* the picture given */
  GFile             *file;     /* its copy in the bundle (the source itself when already there) */
  BylinePhotoInfo   *info;     /* of the source: captions, time taken */
  int                width;    /* of the copy */
  int                height;
  BylinePhotoChanges changes;
  gboolean           copied;   /* FALSE for a source already in the bundle */
} BylinePhotoImport;

void               byline_photo_import_free      (BylinePhotoImport     *self);

/* Brings @source into @folder: JPEG and PNG wider than options->max_width
 * are scaled down, and turned upright when their orientation says so (JPEG
 * at options->jpeg_quality, PNG losslessly); other pictures keep their
 * bytes, less the metadata that must go. Named after @source
 * (byline_image_create_in_bundle()). A @source directly in @folder is used
 * as it is, untouched. */
BylinePhotoImport *byline_photo_import_file      (GFile                 *source,
                                                  GFile                 *folder,
                                                  const BylinePhotoOptions *options,
                                                  GCancellable          *cancellable,
                                                  GError               **error);

/* Called on the main context of the byline_photo_import_async() caller
 * after each picture: @done of @total are in the bundle, @source the last. */
typedef void (*BylinePhotoProgressFunc) (guint     done,
                                         guint     total,
                                         GFile    *source,
                                         gpointer  user_data);

/* Imports @sources in order on a worker thread. All or nothing: when one
 * fails or @cancellable is cancelled, the pictures this batch already put
 * into the bundle are removed again and no temporary file stays behind. */
void               byline_photo_import_async     (GFile                 *folder,
                                                  GFile * const         *sources,
                                                  guint                  n_sources,
                                                  const BylinePhotoOptions *options,
                                                  BylinePhotoProgressFunc progress,
                                                  gpointer               progress_data,
                                                  GDestroyNotify         progress_destroy,
                                                  GCancellable          *cancellable,
                                                  GAsyncReadyCallback    callback,
                                                  gpointer               user_data);
/* Returns: (transfer container): BylinePhotoImport* in the order given. */
GPtrArray         *byline_photo_import_finish    (GAsyncResult          *result,
                                                  GError               **error);
/* The same batch on the calling thread (it still uses a few workers), for
 * command-line tools. */
GPtrArray         *byline_photo_import_files     (GFile                 *folder,
                                                  GFile * const         *sources,
                                                  guint                  n_sources,
                                                  const BylinePhotoOptions *options,
                                                  GCancellable          *cancellable,
                                                  GError               **error);

typedef enum
{
  BYLINE_PHOTO_ORDER_GIVEN,
  BYLINE_PHOTO_ORDER_NAME,   /* the source's file name, numbers by value (IMG_2 before IMG_10) */
  BYLINE_PHOTO_ORDER_TIME,   /* time taken; pictures without one last, by name */
} BylinePhotoOrder;

/* Orders two pictures, their infos (nullable) read before: for a list
 * of pictures to be imported, as the sheet shows them. 0 for GIVEN. */
int                byline_photo_compare          (GFile                 *a,
                                                  const BylinePhotoInfo *info_a,
                                                  GFile                 *b,
                                                  const BylinePhotoInfo *info_b,
                                                  BylinePhotoOrder       order);
/* Sorts BylinePhotoImport* in place; equal keys keep their order. */
void               byline_photo_imports_sort     (GPtrArray             *imports,
                                                  BylinePhotoOrder       order);
gboolean           byline_photo_order_from_string (const char           *text,
                                                   BylinePhotoOrder     *order);

/* The image shortcode's fields for an imported picture: its link, the
 * profile's default width, a ratio when the profile needs one, the title,
 * alt text and caption its metadata gives (the caption without a final
 * period when the profile's image/caption-period rule is on). */
BylineImageFields *byline_photo_import_to_fields (const BylinePhotoImport *self,
                                                  BylineProfile         *profile);

/* In place, through a temporary file renamed over @file. FALSE only on
 * error; @changed (nullable) says whether the file changed. */
gboolean           byline_photo_remove_location  (GFile                 *file,
                                                  gboolean              *changed,
                                                  GCancellable          *cancellable,
                                                  GError               **error);
/* Scales @file down to options->max_width and turns it upright, keeping
 * its metadata but the location. */
gboolean           byline_photo_shrink           (GFile                 *file,
                                                  const BylinePhotoOptions *options,
                                                  gboolean              *changed,
                                                  GCancellable          *cancellable,
                                                  GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylinePhotoInfo, byline_photo_info_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylinePhotoImport, byline_photo_import_free)

G_END_DECLS
