/* test-photo-metadata.c — reading what cameras write: coordinates, dates, texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-photo-private.h"

#include <string.h>

static void
test_parse_exif_coordinate (void)
{
  static const struct {
    const char *value;
    const char *reference;
    gboolean ok;
    double degrees;
  } cases[] = {
    { "47/1 22/1 3679/100", "N", TRUE, 47.376886 },
    { "8/1 32/1 3010/100", "E", TRUE, 8.541694 },
    { "33/1 51/1 54/1", "S", TRUE, -33.865 },
    { "118/1 14/1 0/1", "W", TRUE, -118.233333 },
    { "47/1 2261322/100000 0/1", "N", TRUE, 47.376887 },  /* minutes with decimals */
    { "47/1 22/0 0/1", "N", FALSE, 0 },                    /* a zero denominator */
    { "north", "N", FALSE, 0 },
    { "", "N", FALSE, 0 },
    { "200/1 0/1 0/1", "E", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double degrees = 0;

      g_assert_cmpint (byline_photo_parse_exif_coordinate (cases[i].value, cases[i].reference,
                                                           &degrees), ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_cmpfloat_with_epsilon (degrees, cases[i].degrees, 1e-5);
    }
}

static void
test_parse_xmp_coordinate (void)
{
  /* XMP Specification Part 2, 1.2.7.4 GPSCoordinate: "DDD,MM,SSk" or
   * "DDD,MM.mmk". */
  static const struct {
    const char *value;
    gboolean ok;
    double degrees;
  } cases[] = {
    { "47,22.61322N", TRUE, 47.376887 },
    { "8,32,30.1E", TRUE, 8.541694 },
    { "33,51.9S", TRUE, -33.865 },
    { "118,14W", TRUE, -118.233333 },
    { "47.37N", FALSE, 0 },
    { "47,22.6X", FALSE, 0 },
    { "N", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double degrees = 0;

      g_assert_cmpint (byline_photo_parse_xmp_coordinate (cases[i].value, &degrees), ==,
                       cases[i].ok);
      if (cases[i].ok)
        g_assert_cmpfloat_with_epsilon (degrees, cases[i].degrees, 1e-5);
    }
}

static void
test_parse_exif_date (void)
{
  static const struct {
    const char *value;
    const char *offset;
    const char *iso;  /* NULL: no date */
  } cases[] = {
    { "2024:06:15 14:03:07", NULL, "2024-06-15T14:03:07Z" },
    { "2024:06:15 14:03:07", "+02:00", "2024-06-15T14:03:07+02" },
    { "2024:06:15 14:03:07", "-05:30", "2024-06-15T14:03:07-05:30" },
    { "2024:06:15 14:03:07", "garbage", "2024-06-15T14:03:07Z" },
    { "0000:00:00 00:00:00", NULL, NULL },
    { "    :  :     :  :  ", NULL, NULL },
    { "2024-06-15 14:03:07", NULL, NULL },
    { "2024:13:15 14:03:07", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) time = byline_photo_parse_exif_date (cases[i].value,
                                                               cases[i].offset);

      if (cases[i].iso == NULL)
        g_assert_null (time);
      else
        {
          g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
          g_autoptr(GDateTime) expected = g_date_time_new_from_iso8601 (cases[i].iso, utc);

          g_assert_nonnull (time);
          g_assert_nonnull (expected);
          g_assert_true (g_date_time_equal (time, expected));
        }
    }
}

static void
test_clean_text (void)
{
  static const struct {
    const char *value;
    const char *text;
  } cases[] = {
    { "lang=\"x-default\" Stage at dusk, from the back", "Stage at dusk, from the back" },
    { "lang=\"x-default\" Keynote, lang=\"de-DE\" Vortrag", "Keynote" },
    { "Stage at dusk.   ", "Stage at dusk." },
    { "OLYMPUS DIGITAL CAMERA         ", NULL },
    { "SONY DSC", NULL },
    { "   ", NULL },
    { "", NULL },
    { "Caf\xe9", "Caf\xef\xbf\xbd" },  /* Latin-1 from an old camera: made valid */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = byline_photo_clean_text (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/photo-metadata/exif-coordinate", test_parse_exif_coordinate);
  g_test_add_func ("/core/photo-metadata/xmp-coordinate", test_parse_xmp_coordinate);
  g_test_add_func ("/core/photo-metadata/exif-date", test_parse_exif_date);
  g_test_add_func ("/core/photo-metadata/clean-text", test_clean_text);

  return g_test_run ();
}
