/* test-publish.c — whether Hugo publishes a post
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expected states follow Hugo's shouldBuild (hugolib/page__meta.go,
 * v0.111.3): a draft is never built, then a publish date after now, then an
 * expiry date before now; and its default front-matter dates
 * (config/pagemeta: publishDate ← publishDate, pubdate, published, date;
 * expiryDate ← expiryDate, unpublishdate), whose keys match in any case.
 */

#include "config.h"

#include "byline-post.h"
#include "byline-publish.h"

typedef struct
{
  const char         *front_matter;
  BylinePublishState  state;
  const char         *date;   /* ISO 8601 of the date returned, or NULL */
} Case;

static void
test_states (void)
{
  /* "Now" is 2024-06-01T12:00:00Z in every case. */
  static const Case cases[] = {
    { "title: A", BYLINE_PUBLISH_PUBLISHED, NULL },
    { "draft: true", BYLINE_PUBLISH_DRAFT, NULL },
    { "draft: false\ndate: 2024-05-01", BYLINE_PUBLISH_PUBLISHED, NULL },
    { "Draft: True", BYLINE_PUBLISH_DRAFT, NULL },
    /* cast.ToBool reads a quoted "true" as true. */
    { "draft: \"true\"", BYLINE_PUBLISH_DRAFT, NULL },
    { "draft: \"no\"", BYLINE_PUBLISH_PUBLISHED, NULL },
    /* A draft stays a draft whatever its dates. */
    { "draft: true\ndate: 2030-01-01\nexpiryDate: 2020-01-01", BYLINE_PUBLISH_DRAFT, NULL },
    { "date: 2024-06-02", BYLINE_PUBLISH_SCHEDULED, "2024-06-02T00:00:00Z" },
    { "date: 2024-06-01T12:00:01Z", BYLINE_PUBLISH_SCHEDULED, "2024-06-01T12:00:01Z" },
    /* Exactly now is not after now. */
    { "date: 2024-06-01T12:00:00Z", BYLINE_PUBLISH_PUBLISHED, NULL },
    /* publishDate wins over date, both ways. */
    { "date: 2030-01-01\npublishDate: 2024-01-01", BYLINE_PUBLISH_PUBLISHED, NULL },
    { "date: 2024-01-01\npublishdate: 2024-07-04", BYLINE_PUBLISH_SCHEDULED,
      "2024-07-04T00:00:00Z" },
    { "pubdate: 2025-02-03T10:00:00+02:00", BYLINE_PUBLISH_SCHEDULED, "2025-02-03T08:00:00Z" },
    { "published: 2025-02-03", BYLINE_PUBLISH_SCHEDULED, "2025-02-03T00:00:00Z" },
    { "expiryDate: 2024-05-31", BYLINE_PUBLISH_EXPIRED, "2024-05-31T00:00:00Z" },
    { "unpublishdate: 2024-05-31", BYLINE_PUBLISH_EXPIRED, "2024-05-31T00:00:00Z" },
    { "expirydate: 2024-06-02", BYLINE_PUBLISH_PUBLISHED, NULL },
    /* Scheduled comes before expired: the future page is not built. */
    { "date: 2024-07-01\nexpiryDate: 2024-01-01", BYLINE_PUBLISH_SCHEDULED,
      "2024-07-01T00:00:00Z" },
    /* A value that is not a date is no date. */
    { "date: soon\nexpiryDate: never", BYLINE_PUBLISH_PUBLISHED, NULL },
  };
  g_autoptr(GDateTime) now = g_date_time_new_utc (2024, 6, 1, 12, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("---\n%s\n---\n\nBody.\n", cases[i].front_matter);
      g_autoptr(BylinePost) post = byline_post_new (text, -1);
      g_autoptr(GDateTime) date = NULL;
      BylineFrontMatter *front_matter = byline_post_get_front_matter (post);
      BylinePublishState state;

      g_test_message ("%s", cases[i].front_matter);
      g_assert_nonnull (front_matter);
      state = byline_publish_state_get (front_matter, now, &date);
      g_assert_cmpstr (byline_publish_state_to_string (state), ==,
                       byline_publish_state_to_string (cases[i].state));
      if (cases[i].date == NULL)
        g_assert_null (date);
      else
        {
          g_autoptr(GDateTime) utc = g_date_time_to_utc (date);
          g_autofree char *iso = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

          g_assert_cmpstr (iso, ==, cases[i].date);
        }
    }
}

static void
test_no_front_matter (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) date = NULL;

  g_assert_cmpint (byline_publish_state_get (NULL, now, &date), ==, BYLINE_PUBLISH_PUBLISHED);
  g_assert_null (date);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/publish/states", test_states);
  g_test_add_func ("/core/publish/no-front-matter", test_no_front_matter);

  return g_test_run ();
}
