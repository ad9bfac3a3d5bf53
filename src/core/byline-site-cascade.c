/* byline-site-cascade.c — front matter cascaded from sections and the
 * configuration
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * hugoDocs content-management/front-matter.md, "Cascade": a branch page's
 * "cascade" (a map, or a list of maps) gives its descendants the values
 * they do not set themselves, limited by a "target" page matcher (path,
 * kind, environment, sites.matrix; the older "_target" and "lang"); the
 * configuration's "cascade" does the same for every page. Hugo prepends
 * each level's cascades as it walks down the tree
 * (hugolib/content_map_page_assembler.go), so the nearest ancestor wins,
 * and the configuration comes last; a page's own cascade is not its own.
 */

#define G_LOG_DOMAIN "byline-site"

#include "config.h"

#include "byline-site.h"
#include "byline-site-private.h"

#include <string.h>

typedef struct
{
  char *path;             /* globs, lower case, or NULL for any */
  char *kind;
  char *environment;
  char **languages;
  BylineData *values;     /* the cascaded keys */
} Cascade;

static void
cascade_free (Cascade *cascade)
{
  g_free (cascade->path);
  g_free (cascade->kind);
  g_free (cascade->environment);
  g_strfreev (cascade->languages);
  g_clear_pointer (&cascade->values, byline_data_unref);
  g_free (cascade);
}

static char *
lower_or_null (BylineData *target,
               const char *key)
{
  g_autofree char *value = target != NULL ? byline_data_lookup_string (target, key) : NULL;

  return value != NULL && value[0] != '\0' ? g_utf8_strdown (value, -1) : NULL;
}

static void
add_cascade (GPtrArray  *out,
             BylineData *map)
{
  Cascade *cascade;
  BylineData *target;

  if (byline_data_get_kind (map) != BYLINE_DATA_MAP)
    return;
  target = byline_data_map_lookup_fold (map, "target", NULL);
  if (target == NULL)
    target = byline_data_map_lookup_fold (map, "_target", NULL);

  cascade = g_new0 (Cascade, 1);
  cascade->path = lower_or_null (target, "path");
  cascade->kind = lower_or_null (target, "kind");
  cascade->environment = lower_or_null (target, "environment");
  if (target != NULL)
    {
      cascade->languages = byline_data_lookup_strv (target, "sites.matrix.languages");
      if (cascade->languages == NULL)
        {
          g_autofree char *lang = lower_or_null (target, "lang");

          if (lang != NULL)
            cascade->languages = g_strdupv ((char *[]) { lang, NULL });
        }
    }
  cascade->values = byline_data_ref (map);
  g_ptr_array_add (out, cascade);
}

/* The cascades of a "cascade" value; an empty array when there are none. */
static GPtrArray *
parse_cascades (BylineData *value)
{
  GPtrArray *cascades = g_ptr_array_new_with_free_func ((GDestroyNotify) cascade_free);

  if (value == NULL)
    return cascades;
  if (byline_data_get_kind (value) == BYLINE_DATA_LIST)
    for (guint i = 0; i < byline_data_get_length (value); i++)
      add_cascade (cascades, byline_data_list_get (value, i));
  else
    add_cascade (cascades, value);
  return cascades;
}

/* PageMatcher.Match */
static gboolean
cascade_matches (const Cascade        *cascade,
                 const BylineSitePage *page)
{
  if (cascade->kind != NULL &&
      !byline_site_glob_match (cascade->kind, byline_site_page_kind_name (page->kind)))
    return FALSE;
  if (cascade->path != NULL)
    {
      g_autofree char *path = g_utf8_strdown (page->path, -1);

      if (!byline_site_glob_match (cascade->path, path))
        return FALSE;
    }
  /* Byline checks what "hugo build" publishes: the production site. */
  if (cascade->environment != NULL && !byline_site_glob_match (cascade->environment, "production"))
    return FALSE;
  if (cascade->languages != NULL &&
      !g_strv_contains ((const char *const *)cascade->languages, page->lang))
    return FALSE;
  return TRUE;
}

struct _BylineSiteCascades
{
  GPtrArray *config;            /* Cascade */
  GHashTable *by_page;          /* BylineSitePage → GPtrArray of Cascade */
};

BylineSiteCascades *
byline_site_cascades_new (BylineSiteModel *self)
{
  BylineSiteCascades *cascades = g_new0 (BylineSiteCascades, 1);

  cascades->config = parse_cascades (byline_data_lookup_path (self->config, "cascade"));
  cascades->by_page = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  return cascades;
}

void
byline_site_cascades_free (BylineSiteCascades *cascades)
{
  g_ptr_array_unref (cascades->config);
  g_hash_table_unref (cascades->by_page);
  g_free (cascades);
}

static GPtrArray *
cascades_of (BylineSiteCascades   *cascades,
             const BylineSitePage *page)
{
  GPtrArray *found = g_hash_table_lookup (cascades->by_page, page);

  if (found == NULL)
    {
      BylineData *value = page->front_matter != NULL
                            ? byline_data_map_lookup_fold (page->front_matter, "cascade", NULL)
                            : NULL;

      found = parse_cascades (value);
      g_hash_table_insert (cascades->by_page, (gpointer) page, found);
    }
  return found;
}

static BylineData *
first_value (GPtrArray            *list,
             const BylineSitePage *page,
             const char           *key)
{
  for (guint i = 0; i < list->len; i++)
    {
      const Cascade *cascade = g_ptr_array_index (list, i);
      BylineData *value = byline_data_map_lookup_fold (cascade->values, key, NULL);

      if (value != NULL && cascade_matches (cascade, page))
        return value;
    }
  return NULL;
}

BylineData *
byline_site_cascaded_value (BylineSiteCascades   *cascades,
                            const BylineSitePage *page,
                            const char           *key)
{
  /* A branch's own cascade is for what lies below it. */
  const BylineSitePage *ancestor = page->kind == BYLINE_SITE_PAGE_PAGE ? page->current_section
                                                                       : page->parent_section;
  guint steps = 0;

  for (; ancestor != NULL && steps < 256; ancestor = ancestor->parent_section, steps++)
    {
      BylineData *value = first_value (cascades_of (cascades, ancestor), page, key);

      if (value != NULL)
        return value;
    }
  return first_value (cascades->config, page, key);
}
