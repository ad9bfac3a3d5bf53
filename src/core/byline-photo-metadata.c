/* byline-photo-metadata.c — a picture's EXIF, XMP and IPTC through gexiv2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-photo"

#include "config.h"

#include "byline-photo-private.h"

#include <gexiv2/gexiv2.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* Exiv2's XMP toolkit keeps global state (its namespace registry) that is
 * not safe to use from two threads at once, and imports, previews and the
 * linter may all read pictures on workers: one thread at a time. Reading
 * metadata takes a millisecond; the pixels, which take the time, are
 * decoded and encoded outside the lock. */
static GMutex exiv2_lock;

static void
log_cb (GExiv2LogLevel  level,
        const char     *message)
{
  /* Exiv2 warns about every oddity of a camera's maker notes: debug
   * output, not warnings (which the tests make fatal). */
  g_debug ("exiv2: %s", message);
}

static void
ensure_initialized (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      gexiv2_log_set_handler (log_cb);
      gexiv2_log_set_level (GEXIV2_LOG_LEVEL_WARN);
      gexiv2_initialize ();
      g_once_init_leave (&initialized, 1);
    }
}

static GExiv2Metadata *
open_metadata (const char  *path,
               GError     **error)
{
  g_autoptr(GExiv2Metadata) metadata = gexiv2_metadata_new ();
  g_autoptr(GError) local_error = NULL;

  if (!gexiv2_metadata_open_path (metadata, path, &local_error))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, BYLINE_PHOTO_ERROR, BYLINE_PHOTO_ERROR_METADATA,
                   _("Could not read the metadata of “%s”: %s"), name, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&metadata);
}

static gboolean
save_metadata (GExiv2Metadata  *metadata,
               const char      *path,
               GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!gexiv2_metadata_save_file (metadata, path, &local_error))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, BYLINE_PHOTO_ERROR, BYLINE_PHOTO_ERROR_METADATA,
                   _("Could not write the metadata of “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Parsers */

static gboolean
parse_rational (const char  *text,
                const char **end,
                double      *value)
{
  char *after = NULL;
  double numerator;
  double denominator = 1;

  while (g_ascii_isspace (*text))
    text++;
  numerator = g_ascii_strtod (text, &after);
  if (after == text)
    return FALSE;
  if (*after == '/')
    {
      const char *start = after + 1;

      denominator = g_ascii_strtod (start, &after);
      if (after == start)
        return FALSE;
    }
  if (denominator == 0 || !isfinite (numerator) || !isfinite (denominator))
    return FALSE;

  *value = numerator / denominator;
  *end = after;
  return TRUE;
}

gboolean
byline_photo_parse_exif_coordinate (const char *value,
                                    const char *reference,
                                    double     *degrees)
{
  double parts[3] = { 0, 0, 0 };
  const char *p = value;
  double result;
  guint n = 0;

  g_return_val_if_fail (degrees != NULL, FALSE);

  if (value == NULL)
    return FALSE;

  while (n < 3 && parse_rational (p, &p, &parts[n]))
    n++;
  while (g_ascii_isspace (*p))
    p++;
  if (n == 0 || *p != '\0')
    return FALSE;

  result = parts[0] + parts[1] / 60 + parts[2] / 3600;
  if (reference != NULL && (reference[0] == 'S' || reference[0] == 'W' ||
                            reference[0] == 's' || reference[0] == 'w'))
    result = -result;
  if (!isfinite (result) || fabs (result) > 180)
    return FALSE;

  *degrees = result;
  return TRUE;
}

gboolean
byline_photo_parse_xmp_coordinate (const char *value,
                                   double     *degrees)
{
  g_auto(GStrv) parts = NULL;
  gsize length;
  char direction;
  double numbers[3] = { 0, 0, 0 };
  guint n;
  double result;

  g_return_val_if_fail (degrees != NULL, FALSE);

  if (value == NULL)
    return FALSE;
  length = strlen (value);
  if (length < 2)
    return FALSE;

  /* "DDD,MM.mmk" or "DDD,MM,SSk" (XMP specification part 2, GPSCoordinate). */
  direction = g_ascii_toupper (value[length - 1]);
  if (direction != 'N' && direction != 'S' && direction != 'E' && direction != 'W')
    return FALSE;
  {
    g_autofree char *numbers_text = g_strndup (value, length - 1);

    parts = g_strsplit (numbers_text, ",", -1);
  }
  n = g_strv_length (parts);
  if (n < 2 || n > 3)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      char *end = NULL;

      numbers[i] = g_ascii_strtod (parts[i], &end);
      if (end == parts[i] || *end != '\0' || !isfinite (numbers[i]))
        return FALSE;
    }

  result = numbers[0] + numbers[1] / 60 + numbers[2] / 3600;
  if (direction == 'S' || direction == 'W')
    result = -result;
  if (fabs (result) > 180)
    return FALSE;

  *degrees = result;
  return TRUE;
}

GDateTime *
byline_photo_parse_exif_date (const char *value,
                              const char *offset)
{
  g_autoptr(GTimeZone) zone = NULL;
  int year, month, day, hour, minute;
  double seconds;
  char *end = NULL;

  if (value == NULL)
    return NULL;
  while (g_ascii_isspace (*value))
    value++;

  /* "YYYY:MM:DD HH:MM:SS" (EXIF 2.32, DateTimeOriginal), exactly. */
  if (strlen (value) < 19 || value[4] != ':' || value[7] != ':' || value[10] != ' ' ||
      value[13] != ':' || value[16] != ':')
    return NULL;
  for (guint i = 0; i < 19; i++)
    if (i != 4 && i != 7 && i != 10 && i != 13 && i != 16 && !g_ascii_isdigit (value[i]))
      return NULL;

  year = (int) g_ascii_strtoll (value, NULL, 10);
  month = (int) g_ascii_strtoll (value + 5, NULL, 10);
  day = (int) g_ascii_strtoll (value + 8, NULL, 10);
  hour = (int) g_ascii_strtoll (value + 11, NULL, 10);
  minute = (int) g_ascii_strtoll (value + 14, NULL, 10);
  seconds = g_ascii_strtod (value + 17, &end);
  if (year == 0 || month < 1 || month > 12 || day < 1 || day > 31 ||
      hour > 23 || minute > 59 || seconds >= 60)
    return NULL;

  if (offset != NULL)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (offset));

      if ((trimmed[0] == '+' || trimmed[0] == '-') && strlen (trimmed) == 6 && trimmed[3] == ':')
        zone = g_time_zone_new_identifier (trimmed);
    }
  if (zone == NULL)
    zone = g_time_zone_new_utc ();

  return g_date_time_new (zone, year, month, day, hour, minute, seconds);
}

/* Adds SubSecTimeOriginal's digits ("07" is 0.07 s), which tell apart the
 * pictures of a burst taken within one second. */
static GDateTime *
add_subseconds (GDateTime  *time,
                const char *digits)
{
  double fraction = 0;
  double scale = 0.1;

  if (time == NULL || digits == NULL)
    return time;
  for (const char *p = digits; g_ascii_isdigit (*p) && scale > 1e-7; p++, scale /= 10)
    fraction += (*p - '0') * scale;
  if (fraction > 0)
    {
      GDateTime *later = g_date_time_add (time, (GTimeSpan) (fraction * G_TIME_SPAN_SECOND));

      g_date_time_unref (time);
      return later;
    }
  return time;
}

char *
byline_photo_clean_text (const char *value)
{
  /* What cameras and phones write into the description when their owner
   * wrote nothing (exiftool's list of "ImageDescription" defaults). */
  static const char * const blanks[] = {
    "DCIM", "Default", "Exif_JPEG_PICTURE", "Picasa", "SONY DSC", "SAMSUNG",
    "SAMSUNG CSC", "Samsung Camera",
  };
  g_autofree char *text = NULL;
  char *end;

  if (value == NULL)
    return NULL;

  text = g_utf8_make_valid (value, -1);

  /* An XMP language alternative: lang="x-default" The text, and further
   * languages after ", lang=". */
  if (g_str_has_prefix (text, "lang=\""))
    {
      const char *start = strchr (text + 6, '"');
      char *other;

      if (start == NULL)
        return NULL;
      memmove (text, start + 1, strlen (start + 1) + 1);
      other = strstr (text, ", lang=\"");
      if (other != NULL)
        *other = '\0';
    }

  /* EXIF ASCII values are padded with NULs or spaces. */
  g_strstrip (text);
  end = text + strlen (text);
  while (end > text && (end[-1] == ' ' || end[-1] == '\t'))
    *--end = '\0';

  if (text[0] == '\0')
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    if (g_ascii_strcasecmp (text, blanks[i]) == 0)
      return NULL;
  /* "OLYMPUS DIGITAL CAMERA", "KONICA MINOLTA DIGITAL CAMERA", … */
  if (g_str_has_suffix (text, "DIGITAL CAMERA"))
    return NULL;

  return g_steal_pointer (&text);
}

/* Reading */

static char *
get_text (GExiv2Metadata *metadata,
          const char     *tag)
{
  g_autofree char *value = NULL;

  if (!gexiv2_metadata_try_has_tag (metadata, tag, NULL))
    return NULL;

  /* EXIF's interpreted string decodes UCS-2 (XPTitle) and drops the
   * "charset=" of comments; XMP and IPTC values are already text. */
  if (gexiv2_metadata_is_exif_tag (tag))
    value = gexiv2_metadata_try_get_tag_interpreted_string (metadata, tag, NULL);
  else
    value = gexiv2_metadata_try_get_tag_string (metadata, tag, NULL);

  return byline_photo_clean_text (value);
}

/* The first of @tags that holds text, other than the camera's own name. */
static char *
first_text (GExiv2Metadata     *metadata,
            const char * const *tags,
            guint               n_tags)
{
  g_autofree char *make = get_text (metadata, "Exif.Image.Make");
  g_autofree char *model = get_text (metadata, "Exif.Image.Model");

  for (guint i = 0; i < n_tags; i++)
    {
      g_autofree char *text = get_text (metadata, tags[i]);

      if (text != NULL && g_strcmp0 (text, make) != 0 && g_strcmp0 (text, model) != 0)
        return g_steal_pointer (&text);
    }
  return NULL;
}

static gboolean
is_location_tag (const char *tag)
{
  /* Exif.GPSInfo.*, Xmp.exif.GPS*, and the GPS fields of IPTC's location
   * structures (Xmp.iptcExt.LocationCreated[1]/Iptc4xmpExt:GPSLatitude). */
  return g_str_has_prefix (tag, "Exif.GPSInfo.") || strstr (tag, "GPS") != NULL;
}

static gboolean
has_location_tags (GExiv2Metadata *metadata)
{
  g_auto(GStrv) exif = gexiv2_metadata_get_exif_tags (metadata);
  g_auto(GStrv) xmp = gexiv2_metadata_get_xmp_tags (metadata);

  for (guint i = 0; exif != NULL && exif[i] != NULL; i++)
    if (is_location_tag (exif[i]) && strcmp (exif[i], "Exif.Image.GPSTag") != 0)
      return TRUE;
  for (guint i = 0; xmp != NULL && xmp[i] != NULL; i++)
    if (is_location_tag (xmp[i]))
      return TRUE;
  return FALSE;
}

static void
read_coordinates (GExiv2Metadata  *metadata,
                  BylinePhotoInfo *info)
{
  g_autofree char *lat = NULL;
  g_autofree char *lat_ref = NULL;
  g_autofree char *lon = NULL;
  g_autofree char *lon_ref = NULL;

  /* gexiv2 0.14's own GPS getters mix up the axes: read the tags. */
  lat = gexiv2_metadata_try_get_tag_string (metadata, "Exif.GPSInfo.GPSLatitude", NULL);
  lat_ref = gexiv2_metadata_try_get_tag_string (metadata, "Exif.GPSInfo.GPSLatitudeRef", NULL);
  lon = gexiv2_metadata_try_get_tag_string (metadata, "Exif.GPSInfo.GPSLongitude", NULL);
  lon_ref = gexiv2_metadata_try_get_tag_string (metadata, "Exif.GPSInfo.GPSLongitudeRef", NULL);
  if (byline_photo_parse_exif_coordinate (lat, lat_ref, &info->latitude) &&
      byline_photo_parse_exif_coordinate (lon, lon_ref, &info->longitude))
    {
      info->has_coordinates = TRUE;
      return;
    }

  g_clear_pointer (&lat, g_free);
  g_clear_pointer (&lon, g_free);
  lat = gexiv2_metadata_try_get_tag_string (metadata, "Xmp.exif.GPSLatitude", NULL);
  lon = gexiv2_metadata_try_get_tag_string (metadata, "Xmp.exif.GPSLongitude", NULL);
  info->has_coordinates = byline_photo_parse_xmp_coordinate (lat, &info->latitude) &&
                          byline_photo_parse_xmp_coordinate (lon, &info->longitude);
}

static GDateTime *
read_taken (GExiv2Metadata *metadata)
{
  static const char * const iso_tags[] = {
    "Xmp.exif.DateTimeOriginal", "Xmp.photoshop.DateCreated",
  };
  g_autofree char *value = NULL;
  g_autofree char *offset = NULL;
  g_autofree char *subseconds = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  value = gexiv2_metadata_try_get_tag_string (metadata, "Exif.Photo.DateTimeOriginal", NULL);
  offset = gexiv2_metadata_try_get_tag_string (metadata, "Exif.Photo.OffsetTimeOriginal", NULL);
  subseconds = gexiv2_metadata_try_get_tag_string (metadata, "Exif.Photo.SubSecTimeOriginal",
                                                   NULL);
  if (value != NULL)
    {
      GDateTime *time = byline_photo_parse_exif_date (value, offset);

      if (time != NULL)
        return add_subseconds (time, subseconds);
    }

  for (guint i = 0; i < G_N_ELEMENTS (iso_tags); i++)
    {
      g_autofree char *iso = gexiv2_metadata_try_get_tag_string (metadata, iso_tags[i], NULL);
      GDateTime *time = iso != NULL ? g_date_time_new_from_iso8601 (iso, utc) : NULL;

      if (time != NULL)
        return time;
    }
  return NULL;
}

gboolean
byline_photo_metadata_read (const char       *path,
                            BylinePhotoInfo  *info,
                            GError          **error)
{
  static const char * const descriptions[] = {
    "Xmp.dc.description", "Iptc.Application2.Caption", "Exif.Image.ImageDescription",
  };
  static const char * const titles[] = {
    "Xmp.dc.title", "Iptc.Application2.ObjectName", "Exif.Image.XPTitle",
  };
  static const char * const alt_texts[] = {
    "Xmp.iptc.AltTextAccessibility",
  };
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GExiv2Metadata) metadata = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  info->orientation = 1;

  /* Exiv2 knows neither SVG nor GIF's metadata. */
  if (info->format == BYLINE_PHOTO_FORMAT_SVG || info->format == BYLINE_PHOTO_FORMAT_GIF)
    return TRUE;

  ensure_initialized ();
  locker = g_mutex_locker_new (&exiv2_lock);

  metadata = open_metadata (path, error);
  if (metadata == NULL)
    return FALSE;

  {
    GExiv2Orientation orientation = gexiv2_metadata_try_get_orientation (metadata, NULL);

    if (orientation >= GEXIV2_ORIENTATION_NORMAL && orientation <= GEXIV2_ORIENTATION_ROT_270)
      info->orientation = orientation;
  }

  info->description = first_text (metadata, descriptions, G_N_ELEMENTS (descriptions));
  info->title = first_text (metadata, titles, G_N_ELEMENTS (titles));
  info->alt_text = first_text (metadata, alt_texts, G_N_ELEMENTS (alt_texts));
  info->taken = read_taken (metadata);

  info->has_location = has_location_tags (metadata);
  if (info->has_location)
    read_coordinates (metadata, info);

  {
    g_auto(GStrv) exif = gexiv2_metadata_get_exif_tags (metadata);
    g_auto(GStrv) xmp = gexiv2_metadata_get_xmp_tags (metadata);
    g_auto(GStrv) iptc = gexiv2_metadata_get_iptc_tags (metadata);
    g_autofree char *comment = gexiv2_metadata_try_get_comment (metadata, NULL);

    info->has_metadata = (exif != NULL && exif[0] != NULL) || (xmp != NULL && xmp[0] != NULL) ||
                         (iptc != NULL && iptc[0] != NULL) ||
                         (comment != NULL && comment[0] != '\0');
  }

  /* The object goes before the lock: its finalizer is Exiv2 code too. */
  g_clear_object (&metadata);
  return TRUE;
}

/* Writing */

static void
remove_location (GExiv2Metadata *metadata)
{
  g_auto(GStrv) exif = NULL;
  g_auto(GStrv) xmp = NULL;

  gexiv2_metadata_try_delete_gps_info (metadata, NULL);

  /* What gexiv2 leaves: XMP structures holding GPS fields. */
  exif = gexiv2_metadata_get_exif_tags (metadata);
  for (guint i = 0; exif != NULL && exif[i] != NULL; i++)
    if (is_location_tag (exif[i]))
      gexiv2_metadata_try_clear_tag (metadata, exif[i], NULL);
  xmp = gexiv2_metadata_get_xmp_tags (metadata);
  for (guint i = 0; xmp != NULL && xmp[i] != NULL; i++)
    if (is_location_tag (xmp[i]))
      gexiv2_metadata_try_clear_tag (metadata, xmp[i], NULL);
}

gboolean
byline_photo_metadata_clean (const char  *path,
                             gboolean     keep,
                             GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GExiv2Metadata) metadata = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  ensure_initialized ();
  locker = g_mutex_locker_new (&exiv2_lock);

  metadata = open_metadata (path, error);
  if (metadata == NULL)
    return FALSE;

  if (keep)
    remove_location (metadata);
  else
    {
      /* One by one rather than gexiv2_metadata_clear(), whose Exiv2
       * counterpart also drops the colour profile. */
      gexiv2_metadata_clear_exif (metadata);
      gexiv2_metadata_clear_xmp (metadata);
      gexiv2_metadata_clear_iptc (metadata);
      gexiv2_metadata_clear_comment (metadata);
    }

  ok = save_metadata (metadata, path, error);
  g_clear_object (&metadata);
  return ok;
}

static void
update_long (GExiv2Metadata *metadata,
             const char     *tag,
             int             value)
{
  if (gexiv2_metadata_try_has_tag (metadata, tag, NULL))
    gexiv2_metadata_try_set_tag_long (metadata, tag, value, NULL);
}

gboolean
byline_photo_metadata_transfer (const char  *source,
                                const char  *target,
                                int          width,
                                int          height,
                                GError     **error)
{
  static const char * const orientation_tags[] = {
    "Exif.Image.Orientation", "Xmp.tiff.Orientation",
  };
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GExiv2Metadata) metadata = NULL;
  gboolean ok;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  ensure_initialized ();
  locker = g_mutex_locker_new (&exiv2_lock);

  metadata = open_metadata (source, error);
  if (metadata == NULL)
    return FALSE;

  remove_location (metadata);

  /* The pixels are upright now; the thumbnail shows the old ones. */
  for (guint i = 0; i < G_N_ELEMENTS (orientation_tags); i++)
    gexiv2_metadata_try_clear_tag (metadata, orientation_tags[i], NULL);
  gexiv2_metadata_try_erase_exif_thumbnail (metadata, NULL);

  update_long (metadata, "Exif.Photo.PixelXDimension", width);
  update_long (metadata, "Exif.Photo.PixelYDimension", height);
  update_long (metadata, "Exif.Image.ImageWidth", width);
  update_long (metadata, "Exif.Image.ImageLength", height);
  update_long (metadata, "Xmp.exif.PixelXDimension", width);
  update_long (metadata, "Xmp.exif.PixelYDimension", height);
  update_long (metadata, "Xmp.tiff.ImageWidth", width);
  update_long (metadata, "Xmp.tiff.ImageLength", height);

  ok = save_metadata (metadata, target, error);
  g_clear_object (&metadata);
  return ok;
}
