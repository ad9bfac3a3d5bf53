/* byline-site-links.c — does this link resolve on the site? ref and relref
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One place answers for the linter and the preview: a link leads to a
 * page (its permalink, with or without the trailing slash or index.html),
 * an alias of a page, a file of a page bundle (published beside the page),
 * a file of a static folder, or an asset. ref and relref follow Hugo's
 * hugolib/pagecollections.go (getContentNode and getContentNodeForRef)
 * and site.go (siteRefLinker.refLink).
 */

#define G_LOG_DOMAIN "byline-site"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "byline-site.h"
#include "byline-site-private.h"

#include <string.h>

/* Hugo's paths.HasExt: path.Ext of the last element is not empty. */
static gboolean
has_extension (const char *path)
{
  const char *slash = strrchr (path, '/');
  const char *last = slash != NULL ? slash + 1 : path;
  const char *dot = strrchr (last, '.');

  return dot != NULL;
}

/* ParseBaseAndBaseNameNoIdentifier for a content path with an extension:
 * "/blog/post/index.de.md" → "/blog/post", "post". */
static char *
content_base (BylineSiteModel  *self,
              const char       *ref,
              char            **base_name)
{
  g_autofree char *clean = byline_site_clean_path (ref);
  g_autofree char *normalized = byline_site_normalize_path (clean);
  const char *slash = strrchr (normalized, '/');
  const char *name = slash != NULL ? slash + 1 : normalized;
  g_autofree char *dir = slash != NULL ? g_strndup (normalized, slash - normalized) : g_strdup ("");
  g_autofree char *stem = NULL;
  const char *ext = strrchr (name, '.');
  char *result;

  stem = ext != NULL && ext != name ? g_strndup (name, ext - name) : g_strdup (name);
  /* A language identifier before the extension. */
  {
    const char *dot = strrchr (stem, '.');

    if (dot != NULL && byline_site_model_lookup_language (self, dot + 1) != NULL)
      stem[dot - stem] = '\0';
  }

  if (strcmp (stem, "index") == 0 || strcmp (stem, "_index") == 0)
    {
      result = dir[0] != '\0' ? g_strdup (dir) : g_strdup ("/");
      if (base_name != NULL)
        {
          const char *last = strrchr (result, '/');

          *base_name = g_strdup (last != NULL ? last + 1 : result);
        }
    }
  else
    {
      result = g_strconcat (dir, "/", stem, NULL);
      if (base_name != NULL)
        *base_name = g_strdup (stem);
    }
  if (result[0] != '/')
    {
      char *rooted = g_strconcat ("/", result, NULL);

      g_free (result);
      result = rooted;
    }
  return result;
}

static char *
parent_of (const char *path)
{
  const char *slash = strrchr (path, '/');

  if (slash == NULL || slash == path)
    return g_strdup ("/");
  return g_strndup (path, slash - path);
}

/* getContentNodeFromRefReverseLookup: the page of the file @ref names
 * beside @beside (a content file), if the build publishes it. */
static const BylineSitePage *
page_of_file_beside (BylineSitePages *pages,
                     const char      *beside,
                     const char      *ref,
                     const char      *lang)
{
  g_autofree char *dir = g_path_get_dirname (beside);
  g_autofree char *file = g_build_filename (dir, ref, NULL);
  g_autofree char *canonical = g_canonicalize_filename (file, NULL);
  const BylineSitePage *found = byline_site_pages_lookup_file (pages, canonical);

  if (found != NULL && strcmp (found->lang, lang) == 0 &&
      byline_site_pages_is_published (pages, found))
    return found;
  return NULL;
}

/* getContentNodeForRef */
static const BylineSitePage *
page_for_ref (BylineSiteModel      *self,
              BylineSitePages      *pages,
              const BylineSitePage *context,
              const char           *lang,
              gboolean              is_reflink,
              gboolean              had_extension,
              const char           *in_ref,
              const char           *ref,
              gboolean             *ambiguous)
{
  const BylineSitePage *found;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  if (context != NULL && ref[0] != '/')
    {
      /* Page-relative first. A branch resolves from its own folder, as
       * does "../x.md"; other pages from the folder that contains them. */
      g_autofree char *base_dir = NULL;
      g_autofree char *joined = NULL;
      g_autofree char *rel_base = NULL;

      if (context->kind != BYLINE_SITE_PAGE_PAGE ||
          (had_extension && g_str_has_prefix (ref, "../")))
        base_dir = g_strdup (context->path);
      else
        base_dir = parent_of (context->path);
      joined = g_strconcat (base_dir, "/", ref, NULL);
      rel_base = content_base (self, joined, NULL);
      found = byline_site_pages_lookup_path (pages, lang, rel_base);
      if (found != NULL)
        return found;

      /* The file next to the page's own file. */
      if (had_extension && context->file != NULL)
        {
          found = page_of_file_beside (pages, context->file, in_ref, lang);
          if (found != NULL)
            return found;
        }
    }

  if (ref[0] == '.')
    return NULL;

  base = content_base (self, ref, &name);
  found = byline_site_pages_lookup_path (pages, lang, base);
  if (found != NULL)
    return found;

  if (had_extension)
    {
      /* The file below the home page's folder. */
      const BylineSitePage *home = byline_site_pages_lookup_path (pages, lang, "/");

      if (home != NULL && home->file != NULL)
        {
          found = page_of_file_beside (pages, home->file, in_ref, lang);
          if (found != NULL)
            return found;
        }
    }

  /* A bare name: the only page with that base name. */
  if ((is_reflink || context == NULL) && strchr (in_ref, '/') == NULL)
    return byline_site_pages_lookup_base_name (pages, lang, name, ambiguous);
  return NULL;
}

/* getContentNode */
static const BylineSitePage *
find_page (BylineSiteModel      *self,
           BylineSitePages      *pages,
           const BylineSitePage *context,
           const char           *lang,
           gboolean              is_reflink,
           const char           *ref_in,
           gboolean             *ambiguous)
{
  g_autofree char *ref = g_strdup (ref_in);
  gsize length = strlen (ref);
  const BylineSitePage *found;

  *ambiguous = FALSE;
  /* ToSlashTrimTrailing */
  if (length > 0 && ref[length - 1] == '/')
    ref[length - 1] = '\0';

  if (ref[0] == '\0')
    return page_for_ref (self, pages, context, lang, is_reflink, FALSE, ref, "/_index.md",
                         ambiguous);
  if (has_extension (ref))
    return page_for_ref (self, pages, context, lang, is_reflink, TRUE, ref, ref, ambiguous);
  if (g_str_has_suffix (ref, "/index"))
    {
      g_autofree char *bundle = g_strconcat (ref, "/index.md", NULL);
      g_autofree char *file = g_strconcat (ref, ".md", NULL);

      found = page_for_ref (self, pages, context, lang, is_reflink, FALSE, ref, bundle, ambiguous);
      if (found != NULL || *ambiguous)
        return found;
      return page_for_ref (self, pages, context, lang, is_reflink, FALSE, ref, file, ambiguous);
    }
  {
    g_autofree char *file = g_strconcat (ref, ".md", NULL);

    return page_for_ref (self, pages, context, lang, is_reflink, FALSE, ref, file, ambiguous);
  }
}

const BylineSitePage *
byline_site_model_get_page (BylineSiteModel      *self,
                            BylineSitePages      *pages,
                            const BylineSitePage *from,
                            const char           *lang,
                            const char           *path)
{
  gboolean ambiguous;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (pages != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (lang == NULL)
    lang = from != NULL ? from->lang : self->default_language;
  return find_page (self, pages, from, lang, FALSE, path, &ambiguous);
}

char *
byline_site_model_ref_link (BylineSiteModel  *self,
                            const char       *from_file,
                            const char       *ref,
                            const char       *lang,
                            gboolean          relative,
                            GError          **error)
{
  g_autoptr(BylineSitePages) pages = NULL;
  const BylineSitePage *context = NULL;
  const BylineSitePage *target = NULL;
  g_autofree char *path = NULL;
  const char *fragment;
  const char *site_lang;
  gboolean ambiguous = FALSE;
  GString *link;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (ref != NULL, NULL);

  pages = byline_site_model_get_pages (self);
  if (from_file != NULL)
    context = byline_site_pages_lookup_file (pages, from_file);
  site_lang = context != NULL ? context->lang : self->default_language;

  if (lang != NULL && lang[0] != '\0')
    {
      if (byline_site_model_lookup_language (self, lang) == NULL)
        {
          g_set_error (error, BYLINE_SITE_ERROR, BYLINE_SITE_ERROR_NO_LANGUAGE,
                       _("ref “%s”: the site has no language “%s”"), ref, lang);
          return NULL;
        }
      site_lang = lang;
    }

  fragment = strchr (ref, '#');
  path = fragment != NULL ? g_strndup (ref, fragment - ref) : g_strdup (ref);
  /* url.Parse: the query is not part of the path. */
  if (strchr (path, '?') != NULL)
    *strchr (path, '?') = '\0';

  link = g_string_new (NULL);
  if (path[0] != '\0')
    {
      g_autofree char *decoded = byline_site_unescape_path (path);

      target = find_page (self, pages, context, site_lang, TRUE, decoded != NULL ? decoded : path,
                          &ambiguous);
      if (ambiguous)
        {
          g_set_error (error, BYLINE_SITE_ERROR, BYLINE_SITE_ERROR_REF_AMBIGUOUS,
                       _("ref “%s” is ambiguous: several pages have that name; write its path"),
                       ref);
          g_string_free (link, TRUE);
          return NULL;
        }
      if (target == NULL)
        {
          g_set_error (error, BYLINE_SITE_ERROR, BYLINE_SITE_ERROR_REF_NOT_FOUND,
                       _("ref “%s”: page not found"), ref);
          g_string_free (link, TRUE);
          return NULL;
        }
      if (target->link != NULL)
        g_string_append (link, relative ? target->rel_permalink : target->permalink);
    }
  if (fragment != NULL && fragment[1] != '\0')
    g_string_append (link, fragment);
  return g_string_free (link, FALSE);
}

/* Link resolution */

/* @path with its dot segments removed as a browser does (RFC 3986,
 * 5.2.4), keeping the trailing slash that @written (the link's path as
 * written) ends with. */
static char *
clean_link_path (const char *path,
                 const char *written)
{
  char *clean = byline_site_clean_path (path);
  gsize length = strlen (written);

  if (length > 0 && (written[length - 1] == '/' || g_str_has_suffix (written, "/.") ||
                     strcmp (written, ".") == 0 || strcmp (written, "..") == 0 ||
                     g_str_has_suffix (written, "/..")) && strcmp (clean, "/") != 0)
    {
      char *with_slash = g_strconcat (clean, "/", NULL);

      g_free (clean);
      clean = with_slash;
    }
  return clean;
}

/* The absolute, decoded path of @link seen from @from (a page's link),
 * without query and fragment; NULL for another site. */
static char *
site_path_of_link (BylineSiteModel      *self,
                   const BylineSitePage *from,
                   const char           *link,
                   gboolean             *external)
{
  g_autofree char *stripped = g_strndup (link, strcspn (link, "?#"));
  g_autofree char *decoded = NULL;
  const char *colon = strchr (stripped, ':');
  const char *slash = strchr (stripped, '/');

  *external = FALSE;
  if (g_str_has_prefix (stripped, "//") || (colon != NULL && (slash == NULL || colon < slash)))
    {
      g_autoptr(GUri) uri = NULL;
      g_autofree char *absolute = g_str_has_prefix (stripped, "//")
                                    ? g_strconcat ("https:", stripped, NULL)
                                    : g_strdup (stripped);

      uri = g_uri_parse (absolute, G_URI_FLAGS_ENCODED_PATH, NULL);
      if (uri == NULL || self->base_host == NULL || g_uri_get_host (uri) == NULL ||
          (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 &&
           g_strcmp0 (g_uri_get_scheme (uri), "https") != 0) ||
          g_ascii_strcasecmp (g_uri_get_host (uri), self->base_host) != 0)
        {
          *external = TRUE;
          return NULL;
        }
      g_free (stripped);
      stripped = g_strdup (g_uri_get_path (uri)[0] != '\0' ? g_uri_get_path (uri) : "/");
    }

  decoded = byline_site_unescape_path (stripped);
  if (decoded == NULL)
    decoded = g_strdup (stripped);

  if (decoded[0] == '/')
    return clean_link_path (decoded, decoded);
  if (from == NULL || from->link == NULL)
    return NULL;

  {
    /* RFC 3986: relative to the page URL's folder. */
    g_autofree char *page_url = g_strconcat (self->link_prefix, from->link, NULL);
    const char *last = strrchr (page_url, '/');
    g_autofree char *dir = g_strndup (page_url, last - page_url + 1);
    g_autofree char *joined = g_strconcat (dir, decoded, NULL);

    return clean_link_path (joined, decoded);
  }
}

/* The file @rest below the folder of a section or home page that has no
 * _index file, in the content folders of its language. Since Hugo 0.123
 * such a section is a branch bundle too, whose files are its resources
 * (gohugoio/hugo#11179). */
static char *
find_in_section_folders (BylineSiteModel      *self,
                         const BylineSitePage *page,
                         const char           *rest)
{
  GPtrArray *folders = self->folders[BYLINE_SITE_FOLDER_CONTENT];
  const char *path = page->unnormalized_path + 1;

  for (guint i = 0; i < folders->len; i++)
    {
      const BylineSiteFolder *folder = g_ptr_array_index (folders, i);
      gsize target_length = strlen (folder->target);
      const char *below = path;
      g_autofree char *candidate = NULL;

      if (folder->languages != NULL &&
          !g_strv_contains ((const char * const *) folder->languages, page->lang))
        continue;
      if (target_length > 0)
        {
          if (!g_str_has_prefix (path, folder->target) ||
              (path[target_length] != '/' && path[target_length] != '\0'))
            continue;
          below = path + target_length;
          while (*below == '/')
            below++;
        }
      candidate = g_build_filename (folder->source, below, rest, NULL);
      if (g_file_test (candidate, G_FILE_TEST_IS_REGULAR) &&
          !byline_site_is_content_file (candidate))
        return g_steal_pointer (&candidate);
    }
  return NULL;
}

/* A file of a page's folder: "/blog/post/img/a.png" is img/a.png of the
 * page at /blog/post/. */
static const BylineSitePage *
find_page_resource (BylineSiteModel  *self,
                    BylineSitePages  *pages,
                    const char       *path,
                    char            **file)
{
  for (const char *slash = strrchr (path, '/'); slash != NULL && slash > path;)
    {
      g_autofree char *dir = g_strndup (path, slash - path + 1);
      const BylineSitePage *page = byline_site_pages_lookup_permalink (pages, dir);
      const char *rest = slash + 1;

      if (page != NULL && page->file == NULL && rest[0] != '\0' && strstr (rest, "..") == NULL &&
          (page->kind == BYLINE_SITE_PAGE_SECTION || page->kind == BYLINE_SITE_PAGE_HOME))
        {
          *file = find_in_section_folders (self, page, rest);
          if (*file != NULL)
            return page;
        }
      /* Leaf and branch bundles have resources; a page file has none. */
      if (page != NULL && page->file != NULL &&
          (page->bundle || page->kind != BYLINE_SITE_PAGE_PAGE))
        {
          g_autofree char *folder = g_path_get_dirname (page->file);
          g_autofree char *candidate = g_build_filename (folder, rest, NULL);

          if (rest[0] != '\0' && strstr (rest, "..") == NULL &&
              g_file_test (candidate, G_FILE_TEST_IS_REGULAR) &&
              !byline_site_is_content_file (candidate))
            {
              *file = g_steal_pointer (&candidate);
              return page;
            }
        }

      /* The next folder up. */
      {
        const char *prev = slash - 1;

        while (prev > path && *prev != '/')
          prev--;
        slash = *prev == '/' ? prev : NULL;
      }
    }
  return NULL;
}

BylineSiteLinkKind
byline_site_model_resolve_link (BylineSiteModel       *self,
                                const char            *from_file,
                                const char            *link,
                                const BylineSitePage **page,
                                char                 **file)
{
  g_autoptr(BylineSitePages) pages = NULL;
  const BylineSitePage *from = NULL;
  const BylineSitePage *found;
  g_autofree char *path = NULL;
  g_autofree char *found_file = NULL;
  gboolean external;
  const char *rel;

  g_return_val_if_fail (self != NULL, BYLINE_SITE_LINK_NOT_FOUND);
  g_return_val_if_fail (link != NULL, BYLINE_SITE_LINK_NOT_FOUND);

  if (page != NULL)
    *page = NULL;
  if (file != NULL)
    *file = NULL;

  pages = byline_site_model_get_pages (self);
  if (from_file != NULL)
    from = byline_site_pages_lookup_file (pages, from_file);

  path = site_path_of_link (self, from, link, &external);
  if (external)
    return BYLINE_SITE_LINK_EXTERNAL;
  if (path == NULL)
    return BYLINE_SITE_LINK_NOT_FOUND;

  /* A page, also as "…/index.html". */
  found = byline_site_pages_lookup_permalink (pages, path);
  if (found == NULL && g_str_has_suffix (path, "/index.html"))
    {
      g_autofree char *dir = g_strndup (path, strlen (path) - strlen ("index.html"));

      found = byline_site_pages_lookup_permalink (pages, dir);
    }
  /* A list page's RSS feed, index.xml beside its index.html. */
  if (found == NULL && g_str_has_suffix (path, "/index.xml"))
    {
      g_autofree char *dir = g_strndup (path, strlen (path) - strlen ("index.xml"));
      const BylineSitePage *list = byline_site_pages_lookup_permalink (pages, dir);

      if (list != NULL && list->rss)
        found = list;
    }
  if (found != NULL)
    {
      if (page != NULL)
        *page = found;
      return BYLINE_SITE_LINK_PAGE;
    }

  found = byline_site_pages_lookup_alias (pages, path);
  if (found != NULL)
    {
      if (page != NULL)
        *page = found;
      return BYLINE_SITE_LINK_ALIAS;
    }

  found = find_page_resource (self, pages, path, &found_file);
  if (found != NULL)
    {
      if (page != NULL)
        *page = found;
      if (file != NULL)
        *file = g_steal_pointer (&found_file);
      return BYLINE_SITE_LINK_PAGE_RESOURCE;
    }

  /* Below the baseURL's path, the static and assets folders. */
  rel = path;
  if (self->link_prefix[0] != '\0')
    {
      gsize length = strlen (self->link_prefix);

      if (strncmp (path, self->link_prefix, length) != 0 ||
          (path[length] != '/' && path[length] != '\0'))
        return BYLINE_SITE_LINK_NOT_FOUND;
      rel = path + length;
    }
  while (rel[0] == '/')
    rel++;
  if (rel[0] == '\0')
    return BYLINE_SITE_LINK_NOT_FOUND;

  /* What Hugo writes besides pages: the sitemap (one per language on a
   * multilingual site, and an index of them) and robots.txt. */
  if (!g_strv_contains ((const char * const *) self->disabled_kinds, "sitemap"))
    for (guint i = 0; i < self->languages->len; i++)
      {
        const BylineSiteLanguage *language = g_ptr_array_index (self->languages, i);
        g_autofree char *sitemap = language->prefix[0] != '\0'
                                     ? g_strconcat (language->prefix, "/sitemap.xml", NULL)
                                     : g_strdup ("sitemap.xml");

        if (strcmp (rel, sitemap) == 0 || strcmp (rel, "sitemap.xml") == 0)
          return BYLINE_SITE_LINK_GENERATED;
      }
  if (strcmp (rel, "robots.txt") == 0 &&
      byline_data_lookup_bool (self->config, "enableRobotsTXT", FALSE))
    return BYLINE_SITE_LINK_GENERATED;

  found_file = byline_site_model_find_file (self, BYLINE_SITE_FOLDER_STATIC, rel);
  if (found_file != NULL)
    {
      if (file != NULL)
        *file = g_steal_pointer (&found_file);
      return BYLINE_SITE_LINK_STATIC;
    }
  found_file = byline_site_model_find_file (self, BYLINE_SITE_FOLDER_ASSETS, rel);
  if (found_file != NULL)
    {
      if (file != NULL)
        *file = g_steal_pointer (&found_file);
      return BYLINE_SITE_LINK_ASSET;
    }
  return BYLINE_SITE_LINK_NOT_FOUND;
}
