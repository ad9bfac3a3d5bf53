/* byline-publish.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-publish"

#include "config.h"

#include "byline-publish.h"

#include <string.h>

/* The key as written in the front matter that matches @name without regard
 * to case, or NULL. */
static const char *
find_key (BylineFrontMatter *front_matter,
          const char        *name)
{
  guint n = byline_front_matter_get_n_entries (front_matter);

  for (guint i = 0; i < n; i++)
    {
      const BylineFrontMatterEntry *entry = byline_front_matter_get_entry (front_matter, i);

      if (g_ascii_strcasecmp (entry->key, name) == 0)
        return entry->key;
    }
  return NULL;
}

/* The first of @names set to a date. */
static GDateTime *
first_date (BylineFrontMatter  *front_matter,
            const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *key = find_key (front_matter, names[i]);
      GDateTime *value = NULL;

      if (key != NULL && byline_front_matter_get_date (front_matter, key, &value, NULL))
        return value;
    }
  return NULL;
}

static gboolean
is_draft (BylineFrontMatter *front_matter)
{
  const char *key = find_key (front_matter, "draft");
  const char *text;
  gboolean draft = FALSE;

  if (key == NULL)
    return FALSE;
  if (byline_front_matter_get_bool (front_matter, key, &draft))
    return draft;
  /* Hugo reads the value with cast.ToBool, which takes "true" in quotes
   * (strconv.ParseBool) too. */
  text = byline_front_matter_get_string (front_matter, key);
  return text != NULL && (strcmp (text, "true") == 0 || strcmp (text, "True") == 0 ||
                          strcmp (text, "TRUE") == 0 || strcmp (text, "t") == 0 ||
                          strcmp (text, "T") == 0 || strcmp (text, "1") == 0);
}

BylinePublishState
byline_publish_state_get (BylineFrontMatter  *front_matter,
                          GDateTime          *now,
                          GDateTime         **date)
{
  static const char * const publish_keys[] = { "publishDate", "pubdate", "published", "date",
                                               NULL };
  static const char * const expiry_keys[] = { "expiryDate", "unpublishdate", NULL };
  g_autoptr(GDateTime) publish = NULL;
  g_autoptr(GDateTime) expiry = NULL;

  g_return_val_if_fail (front_matter == NULL || BYLINE_IS_FRONT_MATTER (front_matter),
                        BYLINE_PUBLISH_PUBLISHED);
  g_return_val_if_fail (now != NULL, BYLINE_PUBLISH_PUBLISHED);

  if (date != NULL)
    *date = NULL;
  if (front_matter == NULL)
    return BYLINE_PUBLISH_PUBLISHED;

  if (is_draft (front_matter))
    return BYLINE_PUBLISH_DRAFT;

  publish = first_date (front_matter, publish_keys);
  if (publish != NULL && g_date_time_compare (publish, now) > 0)
    {
      if (date != NULL)
        *date = g_steal_pointer (&publish);
      return BYLINE_PUBLISH_SCHEDULED;
    }

  expiry = first_date (front_matter, expiry_keys);
  if (expiry != NULL && g_date_time_compare (expiry, now) < 0)
    {
      if (date != NULL)
        *date = g_steal_pointer (&expiry);
      return BYLINE_PUBLISH_EXPIRED;
    }

  return BYLINE_PUBLISH_PUBLISHED;
}

const char *
byline_publish_state_to_string (BylinePublishState state)
{
  switch (state)
    {
    case BYLINE_PUBLISH_DRAFT:
      return "draft";
    case BYLINE_PUBLISH_SCHEDULED:
      return "scheduled";
    case BYLINE_PUBLISH_EXPIRED:
      return "expired";
    case BYLINE_PUBLISH_PUBLISHED:
    default:
      return "published";
    }
}
