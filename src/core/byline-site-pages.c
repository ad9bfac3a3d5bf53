/* byline-site-pages.c — building the site's page index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every content file of every content mount becomes a page of its
 * language, as Hugo's content map makes them: "_index.*" is a branch (the
 * home page, a section, a taxonomy or a term), "index.*" a leaf bundle,
 * any other file a page. "name.de.md" is German when "de" is a language of
 * the site. Top-level folders are sections even without an _index file,
 * and the taxonomies' terms used in front matter get their pages. Cascades
 * apply, then every page gets its URLs and its place in the lookups.
 */

#define G_LOG_DOMAIN "byline-site"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "byline-site.h"
#include "byline-site-private.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const BylineSiteTaxonomy *
taxonomy_of_section (BylineSiteModel *self,
                     const char      *section)
{
  for (guint i = 0; i < self->taxonomies->len; i++)
    {
      const BylineSiteTaxonomy *taxonomy = g_ptr_array_index (self->taxonomies, i);

      if (strcmp (taxonomy->plural, section) == 0)
        return taxonomy;
    }
  return NULL;
}

static gboolean
kind_enabled (BylineSiteModel *self,
              const char      *kind)
{
  return !g_strv_contains ((const char * const *) self->disabled_kinds, kind);
}

static char *
last_element (const char *path)
{
  const char *slash = strrchr (path, '/');

  return g_strdup (slash != NULL ? slash + 1 : path);
}

static BylineSitePage *
new_page (const char         *lang,
          const char         *unnormalized_path,
          BylineSitePageKind  kind)
{
  BylineSitePage *page = g_new0 (BylineSitePage, 1);
  const char *rest;

  page->lang = g_strdup (lang);
  page->unnormalized_path = g_strdup (unnormalized_path);
  page->path = byline_site_normalize_path (unnormalized_path);
  page->kind = kind;
  page->render = TRUE;
  page->unnormalized_base_name = last_element (unnormalized_path);
  page->base_name = byline_site_normalize_path (page->unnormalized_base_name);
  rest = page->path[0] == '/' ? page->path + 1 : page->path;
  page->section = g_strndup (rest, strcspn (rest, "/"));
  return page;
}

/* pagemeta.DecodeBuildConfig: render "never" (or false) publishes no page. */
static gboolean
never_rendered (BylineData *build)
{
  g_autofree char *render = byline_data_lookup_string (build, "render");

  return render != NULL &&
         (g_ascii_strcasecmp (render, "never") == 0 || g_ascii_strcasecmp (render, "false") == 0);
}

/* Reads what the URL and the index need from the front matter. */
static void
apply_front_matter (BylineSiteModel      *self,
                    BylineSitePage       *page,
                    BylineSiteCachedFile *cached)
{
  BylineData *fm = cached->front_matter;
  BylineData *build;

  page->error = g_strdup (cached->error);
  if (fm == NULL)
    return;
  page->front_matter = byline_data_ref (fm);
  page->title = byline_data_lookup_string (fm, "title");
  page->url = byline_data_lookup_string (fm, "url");
  {
    g_autofree char *slug = byline_data_lookup_string (fm, "slug");

    /* page__meta.go: a slug neither starts nor ends with "-". */
    if (slug != NULL)
      {
        const char *start = slug;
        gsize length;

        while (*start == '-')
          start++;
        length = strlen (start);
        while (length > 0 && start[length - 1] == '-')
          length--;
        page->slug = g_strndup (start, length);
      }
  }
  page->raw_aliases = byline_data_lookup_strv (fm, "aliases");
  page->draft = byline_data_lookup_bool (fm, "draft", FALSE);

  if (byline_data_lookup_bool (fm, "headless", FALSE))
    page->render = FALSE;
  build = byline_data_map_lookup_fold (fm, "build", NULL);
  if (build == NULL)
    build = byline_data_map_lookup_fold (fm, "_build", NULL);
  if (build != NULL && never_rendered (build))
    page->render = FALSE;

  for (guint i = 0; self->date_keys[i] != NULL && page->date == NULL; i++)
    {
      const char *key = self->date_keys[i];

      if (strcmp (key, ":filemodtime") == 0)
        page->date = g_date_time_new_from_unix_utc (cached->mtime / G_USEC_PER_SEC);
      else if (strcmp (key, ":filename") == 0)
        {
          BylineDataDateTime dt;
          g_autofree char *prefix = g_strndup (page->translation_base_name, 10);

          if (strlen (prefix) == 10 && byline_data_parse_date_time (prefix, &dt))
            page->date = byline_data_date_time_to_g (&dt, self->time_zone);
        }
      else if (key[0] != ':')
        {
          BylineData *node = byline_data_map_lookup_fold (fm, key, NULL);

          if (node != NULL)
            page->date = byline_data_to_date_time (node, self->time_zone);
        }
    }
}

typedef struct
{
  BylineSiteModel *site;
  BylineSitePages *pages;
} Builder;

static void
index_page (Builder        *b,
            BylineSitePage *page)
{
  g_autofree char *key = byline_site_page_key (page->lang, page->path);

  g_ptr_array_add (b->pages->pages, page);
  g_hash_table_insert (b->pages->by_path, g_steal_pointer (&key), page);
  if (page->file != NULL && !g_hash_table_contains (b->pages->by_file, page->file))
    g_hash_table_insert (b->pages->by_file, page->file, page);
}

static BylineSitePage *
find_page (Builder    *b,
           const char *lang,
           const char *path)
{
  g_autofree char *key = byline_site_page_key (lang, path);

  return g_hash_table_lookup (b->pages->by_path, key);
}

const char *
byline_site_page_kind_name (BylineSitePageKind kind)
{
  switch (kind)
    {
    case BYLINE_SITE_PAGE_HOME: return "home";
    case BYLINE_SITE_PAGE_SECTION: return "section";
    case BYLINE_SITE_PAGE_TAXONOMY: return "taxonomy";
    case BYLINE_SITE_PAGE_TERM: return "term";
    case BYLINE_SITE_PAGE_PAGE:
    default: return "page";
    }
}

/* Hugo's Path for a content file "dir/name[.lang].ext". */
static void
add_file_page (Builder               *b,
               BylineSiteContentFile *entry,
               const char            *lang_override)
{
  BylineSiteModel *self = b->site;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *file_lang = NULL;
  g_autofree char *unnormalized = NULL;
  const char *slash;
  const char *lang;
  BylineSitePageKind kind = BYLINE_SITE_PAGE_PAGE;
  gboolean bundle = FALSE;
  BylineSitePage *page;
  BylineSiteCachedFile *cached;

  slash = strrchr (entry->rel, '/');
  dir = slash != NULL ? g_strndup (entry->rel, slash - entry->rel) : g_strdup ("");
  base = byline_site_split_content_name (self, entry->rel, &file_lang);
  lang = lang_override != NULL ? lang_override
         : file_lang != NULL   ? file_lang
                               : self->default_language;

  if (strcmp (base, "_index") == 0)
    {
      unnormalized = dir[0] != '\0' ? g_strconcat ("/", dir, NULL) : g_strdup ("/");
      if (dir[0] == '\0')
        kind = BYLINE_SITE_PAGE_HOME;
      else
        {
          const char *first_slash = strchr (dir, '/');
          g_autofree char *first = g_utf8_strdown (dir,
                                                   first_slash != NULL ? first_slash - dir : -1);

          if (taxonomy_of_section (self, first) != NULL)
            kind = first_slash == NULL                     ? BYLINE_SITE_PAGE_TAXONOMY
                   : strchr (first_slash + 1, '/') == NULL ? BYLINE_SITE_PAGE_TERM
                                                           : BYLINE_SITE_PAGE_SECTION;
          else
            kind = BYLINE_SITE_PAGE_SECTION;
        }
    }
  else if (strcmp (base, "index") == 0)
    {
      unnormalized = dir[0] != '\0' ? g_strconcat ("/", dir, NULL) : g_strdup ("/index");
      bundle = dir[0] != '\0';
    }
  else
    unnormalized = dir[0] != '\0' ? g_strconcat ("/", dir, "/", base, NULL)
                                  : g_strconcat ("/", base, NULL);

  if (!kind_enabled (self, byline_site_page_kind_name (kind)))
    return;
  page = new_page (lang, unnormalized, kind);
  if (find_page (b, lang, page->path) != NULL)
    {
      /* The first mount to have it wins, as in Hugo's union file system. */
      byline_site_page_free (page);
      return;
    }
  if (kind == BYLINE_SITE_PAGE_HOME)
    {
      g_free (page->base_name);
      g_free (page->unnormalized_base_name);
      page->base_name = g_strdup ("");
      page->unnormalized_base_name = g_strdup ("");
    }
  page->file = g_strdup (entry->file);
  page->bundle = bundle;
  page->translation_base_name = g_strdup (base);

  cached = g_hash_table_lookup (self->page_cache, entry->file);
  if (cached != NULL)
    apply_front_matter (self, page, cached);
  index_page (b, page);
}

/* The home page, top-level sections and taxonomy pages Hugo makes
 * without a file, for one language. */
static BylineSitePage *
ensure_branch (Builder            *b,
               const char         *lang,
               const char         *unnormalized_path,
               BylineSitePageKind  kind,
               const char         *title)
{
  g_autofree char *path = byline_site_normalize_path (unnormalized_path);
  BylineSitePage *page = find_page (b, lang, path);

  if (page != NULL || !kind_enabled (b->site, byline_site_page_kind_name (kind)))
    return page;

  page = new_page (lang, unnormalized_path, kind);
  if (kind == BYLINE_SITE_PAGE_HOME)
    {
      g_free (page->base_name);
      g_free (page->unnormalized_base_name);
      page->base_name = g_strdup ("");
      page->unnormalized_base_name = g_strdup ("");
    }
  page->title = g_strdup (title);
  index_page (b, page);
  return page;
}

/* The title Hugo gives a section without a file: its folder's name,
 * pluralized and capitalized as pluralizeListTitles and
 * capitalizeListTitles say (regular English plurals). */
static char *
section_title (BylineSiteModel *self,
               const char      *name,
               gboolean         pluralize)
{
  GString *title = g_string_new (name);

  if (pluralize && self->pluralize_list_titles && title->len > 0)
    {
      char last = title->str[title->len - 1];
      char before = title->len > 1 ? title->str[title->len - 2] : '\0';

      if (last == 's' || last == 'x' || last == 'z' ||
          (last == 'h' && (before == 'c' || before == 's')))
        g_string_append (title, "es");
      else if (last == 'y' && before != '\0' && strchr ("aeiou", before) == NULL)
        {
          g_string_truncate (title, title->len - 1);
          g_string_append (title, "ies");
        }
      else
        g_string_append_c (title, 's');
    }
  if (self->capitalize_list_titles && title->len > 0)
    title->str[0] = g_ascii_toupper (title->str[0]);
  return g_string_free (title, FALSE);
}

static void
add_generated_pages (Builder *b)
{
  BylineSiteModel *self = b->site;
  guint n_file_pages = b->pages->pages->len;

  for (guint l = 0; l < self->languages->len; l++)
    {
      const BylineSiteLanguage *language = g_ptr_array_index (self->languages, l);

      ensure_branch (b, language->code, "/", BYLINE_SITE_PAGE_HOME, self->title);
    }

  for (guint i = 0; i < n_file_pages; i++)
    {
      BylineSitePage *page = g_ptr_array_index (b->pages->pages, i);
      g_autofree char *first = NULL;
      const char *rest = page->unnormalized_path + 1;
      const char *slash = strchr (rest, '/');

      /* Top-level folders are sections. */
      if (slash != NULL || page->kind == BYLINE_SITE_PAGE_SECTION)
        {
          first = g_strndup (rest, slash != NULL ? (gsize) (slash - rest) : strlen (rest));
          if (taxonomy_of_section (self, page->section) == NULL)
            {
              g_autofree char *path = g_strconcat ("/", first, NULL);
              g_autofree char *title = section_title (self, first, TRUE);

              ensure_branch (b, page->lang, path, BYLINE_SITE_PAGE_SECTION, title);
            }
        }

      /* Terms of the taxonomies the page is in. */
      for (guint t = 0; page->front_matter != NULL && t < self->taxonomies->len; t++)
        {
          const BylineSiteTaxonomy *taxonomy = g_ptr_array_index (self->taxonomies, t);
          BylineData *node = byline_data_map_lookup_fold (page->front_matter, taxonomy->plural,
                                                          NULL);
          g_auto(GStrv) terms = NULL;
          g_autofree char *taxonomy_path = g_strconcat ("/", taxonomy->plural, NULL);

          if (node == NULL)
            continue;
          terms = byline_data_get_kind (node) == BYLINE_DATA_STRING
                    ? g_strdupv ((char *[]) { (char *) byline_data_get_string (node), NULL })
                    : byline_data_to_strv (node);
          if (terms == NULL || terms[0] == NULL)
            continue;
          {
            g_autofree char *title = section_title (self, taxonomy->plural, FALSE);

            ensure_branch (b, page->lang, taxonomy_path, BYLINE_SITE_PAGE_TAXONOMY, title);
          }
          for (guint k = 0; terms[k] != NULL; k++)
            {
              g_autofree char *key = byline_site_urlize (self, terms[k]);
              g_autofree char *path = NULL;

              if (key[0] == '\0')
                continue;
              path = g_strconcat (taxonomy_path, "/", key, NULL);
              ensure_branch (b, page->lang, path, BYLINE_SITE_PAGE_TERM, terms[k]);
            }
        }
    }
}

/* The nearest section at or above each page (CurrentSection). */
static void
link_sections (Builder *b)
{
  for (guint i = 0; i < b->pages->pages->len; i++)
    {
      BylineSitePage *page = g_ptr_array_index (b->pages->pages, i);
      g_autofree char *path = g_strdup (page->path);
      gboolean is_branch = page->kind != BYLINE_SITE_PAGE_PAGE;

      if (is_branch)
        page->current_section = page;

      /* Walk up the path to the nearest branch. */
      for (;;)
        {
          char *slash = strrchr (path, '/');
          BylineSitePage *above;

          if (slash == NULL)
            break;
          if (slash == path)
            {
              if (strcmp (path, "/") == 0)
                break;
              path[1] = '\0';
            }
          else
            *slash = '\0';
          above = find_page (b, page->lang, path);
          if (above != NULL && above->kind != BYLINE_SITE_PAGE_PAGE)
            {
              if (is_branch)
                page->parent_section = above;
              else
                page->current_section = above;
              break;
            }
        }
      if (page->current_section == NULL)
        page->current_section = find_page (b, page->lang, "/");
    }
}

/* The values a page does not set and its sections or the configuration
 * cascade to it: those the index needs. */
static void
apply_cascades (Builder *b)
{
  BylineSiteCascades *cascades = byline_site_cascades_new (b->site);
  BylineData *config_outputs = byline_data_lookup_path (b->site->config, "outputs");

  for (guint i = 0; i < b->pages->pages->len; i++)
    {
      BylineSitePage *page = g_ptr_array_index (b->pages->pages, i);
      BylineData *fm = page->front_matter;
      BylineData *value;

      if (fm == NULL || byline_data_map_lookup_fold (fm, "url", NULL) == NULL)
        if ((value = byline_site_cascaded_value (cascades, page, "url")) != NULL)
          {
            g_free (page->url);
            page->url = byline_data_to_string (value);
          }
      if (fm == NULL || (byline_data_map_lookup_fold (fm, "build", NULL) == NULL &&
                         byline_data_map_lookup_fold (fm, "_build", NULL) == NULL))
        if ((value = byline_site_cascaded_value (cascades, page, "build")) != NULL &&
            never_rendered (value))
          page->render = FALSE;
      if (fm == NULL || byline_data_map_lookup_fold (fm, "headless", NULL) == NULL)
        if ((value = byline_site_cascaded_value (cascades, page, "headless")) != NULL)
          {
            gboolean headless = FALSE;

            if (byline_data_get_bool (value, &headless) && headless)
              page->render = FALSE;
          }
      if (fm == NULL || byline_data_map_lookup_fold (fm, "draft", NULL) == NULL)
        if ((value = byline_site_cascaded_value (cascades, page, "draft")) != NULL)
          byline_data_get_bool (value, &page->draft);

      /* Output formats: the page's, cascaded, the configuration's for its
       * kind, or Hugo's default (RSS for every kind of list). */
      value = fm != NULL ? byline_data_map_lookup_fold (fm, "outputs", NULL) : NULL;
      if (value == NULL)
        value = byline_site_cascaded_value (cascades, page, "outputs");
      if (value == NULL && config_outputs != NULL)
        value = byline_data_map_lookup_fold (config_outputs,
                                             byline_site_page_kind_name (page->kind), NULL);
      if (value != NULL)
        {
          g_auto(GStrv) formats = byline_data_to_strv (value);

          for (guint f = 0; formats != NULL && formats[f] != NULL; f++)
            if (g_ascii_strcasecmp (formats[f], "rss") == 0)
              page->rss = TRUE;
        }
      else
        page->rss = page->kind != BYLINE_SITE_PAGE_PAGE;
      if (!kind_enabled (b->site, "rss"))
        page->rss = FALSE;
    }
  byline_site_cascades_free (cascades);
}

static void
index_links (Builder *b)
{
  BylineSiteModel *self = b->site;

  for (guint i = 0; i < b->pages->pages->len; i++)
    {
      BylineSitePage *page = g_ptr_array_index (b->pages->pages, i);
      const BylineSiteLanguage *language = byline_site_model_lookup_language (self, page->lang);
      const char *prefix = language != NULL ? language->prefix : "";

      byline_site_page_compute_urls (self, page, prefix);
      byline_site_page_compute_aliases (self, page, prefix);

      /* Hugo builds no drafts unless told: links to them do not resolve. */
      if (page->draft && !self->build_drafts)
        continue;

      if (page->link != NULL)
        {
          char *key = g_strconcat (self->link_prefix, page->link, NULL);

          if (!g_hash_table_contains (b->pages->by_link, key))
            g_hash_table_insert (b->pages->by_link, key, page);
          else
            g_free (key);
        }
      for (guint a = 0; page->aliases != NULL && page->aliases[a] != NULL; a++)
        {
          char *key = g_strconcat (self->link_prefix, page->aliases[a], NULL);

          if (!g_hash_table_contains (b->pages->by_alias, key))
            g_hash_table_insert (b->pages->by_alias, key, page);
          else
            g_free (key);
        }

      byline_site_pages_add_base_name (b->pages, page);
    }
}

/* Reads the content folders; NULL when nothing changed since @previous
 * was built. */
static BylineSitePages *
build_pages (BylineSiteModel *self,
             BylineSitePages *previous)
{
  Builder b = { self, NULL };
  g_autoptr(GPtrArray) files = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GHashTable) seen_files = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean changed = FALSE;

  files = byline_site_collect_content (self);
  for (guint i = 0; i < files->len; i++)
    g_hash_table_add (seen_files, ((BylineSiteContentFile *) g_ptr_array_index (files, i))->file);
  changed = byline_site_update_page_cache (self, files);

  /* Files gone since the last build leave the cache. */
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, self->page_cache);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (!g_hash_table_contains (seen_files, key))
        {
          g_hash_table_iter_remove (&iter);
          changed = TRUE;
        }
  }
  if (previous != NULL && !changed)
    return NULL;

  b.pages = g_new0 (BylineSitePages, 1);
  g_atomic_ref_count_init (&b.pages->ref_count);
  b.pages->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_site_page_free);
  b.pages->by_file = g_hash_table_new (g_str_hash, g_str_equal);
  b.pages->by_path = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b.pages->by_link = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b.pages->by_alias = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b.pages->by_base_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b.pages->default_language = g_strdup (self->default_language);
  b.pages->with_drafts = self->build_drafts;

  for (guint i = 0; i < files->len; i++)
    {
      BylineSiteContentFile *entry = g_ptr_array_index (files, i);
      const char * const *languages = entry->languages;
      g_autofree char *file_lang = NULL;
      g_autofree char *name = byline_site_split_content_name (self, entry->rel, &file_lang);

      /* A mount for several languages gives a page in each; the file's
       * own language suffix wins over the mount's. */
      if (languages != NULL && file_lang == NULL)
        for (guint l = 0; languages[l] != NULL; l++)
          {
            g_autofree char *code = g_ascii_strdown (languages[l], -1);

            if (byline_site_model_lookup_language (self, code) != NULL)
              add_file_page (&b, entry, code);
          }
      else
        add_file_page (&b, entry, NULL);
    }

  add_generated_pages (&b);
  link_sections (&b);
  apply_cascades (&b);
  index_links (&b);

  b.pages->build_time = g_get_monotonic_time () - start;
  return b.pages;
}

BylineSitePages *
byline_site_model_get_pages (BylineSiteModel *self)
{
  BylineSitePages *pages;

  g_return_val_if_fail (self != NULL, NULL);

  byline_site_model_ensure_loaded (self);
  g_mutex_lock (&self->pages_lock);
  if (self->pages == NULL)
    self->pages = build_pages (self, NULL);
  pages = byline_site_pages_ref (self->pages);
  g_mutex_unlock (&self->pages_lock);
  return pages;
}

void
byline_site_model_refresh_pages (BylineSiteModel *self)
{
  BylineSitePages *old = NULL;
  BylineSitePages *fresh;

  g_return_if_fail (self != NULL);

  byline_site_model_ensure_loaded (self);
  g_mutex_lock (&self->pages_lock);
  /* The index stays when no content file changed. */
  fresh = build_pages (self, self->pages);
  if (fresh != NULL)
    {
      old = self->pages;
      self->pages = fresh;
    }
  g_mutex_unlock (&self->pages_lock);
  if (old != NULL)
    byline_site_pages_unref (old);
}

