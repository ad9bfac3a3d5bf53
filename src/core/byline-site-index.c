/* byline-site-index.c — the page index: lookups and pages' accessors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The index is immutable once built (byline-site-pages.c) and shared
 * between threads by reference counting.
 */

#define G_LOG_DOMAIN "byline-site"

#include "config.h"

#include "byline-site.h"
#include "byline-site-private.h"

#include <string.h>

/* Stands for "more than one page" in by_base_name. */
static const BylineSitePage ambiguous_page;

char *
byline_site_page_key (const char *lang,
                      const char *path)
{
  return g_strconcat (lang, "\n", path, NULL);
}

void
byline_site_page_free (BylineSitePage *page)
{
  g_free (page->file);
  g_free (page->path);
  g_free (page->unnormalized_path);
  g_free (page->base_name);
  g_free (page->unnormalized_base_name);
  g_free (page->translation_base_name);
  g_free (page->lang);
  g_free (page->section);
  g_clear_pointer (&page->front_matter, byline_data_unref);
  g_free (page->title);
  g_free (page->slug);
  g_free (page->url);
  g_strfreev (page->raw_aliases);
  g_clear_pointer (&page->date, g_date_time_unref);
  g_free (page->error);
  g_free (page->link);
  g_free (page->rel_permalink);
  g_free (page->permalink);
  g_strfreev (page->aliases);
  g_free (page);
}

BylineSitePages *
byline_site_pages_ref (BylineSitePages *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
byline_site_pages_unref (BylineSitePages *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->by_file);
  g_hash_table_unref (self->by_path);
  g_hash_table_unref (self->by_link);
  g_hash_table_unref (self->by_alias);
  g_hash_table_unref (self->by_base_name);
  g_ptr_array_unref (self->pages);
  g_free (self->default_language);
  g_free (self);
}

/* pageReverseIndex: the base names of pages, for ref "name"; a name two
 * pages share is ambiguous. */
void
byline_site_pages_add_base_name (BylineSitePages *self,
                                 BylineSitePage  *page)
{
  g_autofree char *key = byline_site_page_key (page->lang, page->base_name);
  const BylineSitePage *existing = g_hash_table_lookup (self->by_base_name, key);

  if (existing == NULL)
    g_hash_table_insert (self->by_base_name, g_steal_pointer (&key), page);
  else if (existing != &ambiguous_page)
    g_hash_table_replace (self->by_base_name, g_steal_pointer (&key), (gpointer) &ambiguous_page);
}

/* Index lookups */

guint
byline_site_pages_get_n_pages (BylineSitePages *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}

const BylineSitePage *
byline_site_pages_get_page (BylineSitePages *self,
                            guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->pages->len, NULL);

  return g_ptr_array_index (self->pages, index);
}

const BylineSitePage *
byline_site_pages_lookup_file (BylineSitePages *self,
                               const char      *file)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (file != NULL, NULL);

  return g_hash_table_lookup (self->by_file, file);
}

const BylineSitePage *
byline_site_pages_lookup_permalink (BylineSitePages *self,
                                    const char      *rel_permalink)
{
  const BylineSitePage *page;
  g_autofree char *other = NULL;
  gsize length;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (rel_permalink != NULL, NULL);

  page = g_hash_table_lookup (self->by_link, rel_permalink);
  if (page != NULL)
    return page;
  length = strlen (rel_permalink);
  if (length > 0 && rel_permalink[length - 1] == '/')
    other = g_strndup (rel_permalink, length - 1);
  else
    other = g_strconcat (rel_permalink, "/", NULL);
  return g_hash_table_lookup (self->by_link, other);
}

const BylineSitePage *
byline_site_pages_lookup_path (BylineSitePages *self,
                               const char      *lang,
                               const char      *path)
{
  g_autofree char *key = byline_site_page_key (lang, path);
  const BylineSitePage *page = g_hash_table_lookup (self->by_path, key);

  if (page != NULL && page->draft && !self->with_drafts)
    return NULL;
  return page;
}

const BylineSitePage *
byline_site_pages_lookup_alias (BylineSitePages *self,
                                const char      *alias)
{
  const BylineSitePage *page = g_hash_table_lookup (self->by_alias, alias);
  gsize length = strlen (alias);

  if (page == NULL && length > 1 && alias[length - 1] == '/')
    {
      g_autofree char *trimmed = g_strndup (alias, length - 1);

      page = g_hash_table_lookup (self->by_alias, trimmed);
    }
  return page;
}

const BylineSitePage *
byline_site_pages_lookup_base_name (BylineSitePages *self,
                                    const char      *lang,
                                    const char      *name,
                                    gboolean        *ambiguous)
{
  g_autofree char *key = byline_site_page_key (lang, name);
  const BylineSitePage *page = g_hash_table_lookup (self->by_base_name, key);

  *ambiguous = page == &ambiguous_page;
  return *ambiguous ? NULL : page;
}

gboolean
byline_site_pages_is_published (BylineSitePages      *self,
                                const BylineSitePage *page)
{
  return !page->draft || self->with_drafts;
}

const char *
byline_site_pages_get_default_language (BylineSitePages *self)
{
  return self->default_language;
}

gint64
byline_site_pages_get_build_time (BylineSitePages *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->build_time;
}

/* Page accessors */

const char *
byline_site_page_get_file (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->file;
}

const char *
byline_site_page_get_path (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

BylineSitePageKind
byline_site_page_get_kind (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, BYLINE_SITE_PAGE_PAGE);
  return self->kind;
}

const char *
byline_site_page_get_lang (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->lang;
}

const char *
byline_site_page_get_section (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->section;
}

const char *
byline_site_page_get_rel_permalink (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->rel_permalink;
}

const char *
byline_site_page_get_permalink (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->permalink;
}

const char *
byline_site_page_get_title (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

const char *
byline_site_page_get_slug (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->slug;
}

const char *
byline_site_page_get_url (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->url;
}

const char * const *
byline_site_page_get_aliases (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->aliases;
}

gboolean
byline_site_page_is_bundle (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->bundle;
}

gboolean
byline_site_page_is_draft (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->draft;
}

GDateTime *
byline_site_page_get_date (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->date;
}

BylineData *
byline_site_page_get_front_matter (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->front_matter;
}

const char *
byline_site_page_get_error (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->error;
}
