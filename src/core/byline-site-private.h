/* byline-site-private.h — the site model's parts, shared by its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   byline-site.c             the object, the root lookup, getters
 *   byline-site-config.c      reading and merging the configuration
 *   byline-site-decode.c      the configuration's keys into the site's fields
 *   byline-site-modules.c     themes and modules: finding them, their configuration
 *   byline-site-mounts.c      the folders the project and its components mount
 *   byline-site-templates.c   layouts: shortcodes, render hooks, archetypes; files
 *   byline-site-paths.c       Hugo's path rules: sanitizing, globs, escapes
 *   byline-site-permalinks.c  permalink patterns and page URLs
 *   byline-site-content.c     the content files and their front matter
 *   byline-site-cascade.c     front matter cascaded from sections and the configuration
 *   byline-site-pages.c       building the page index
 *   byline-site-index.c       the page index's lookups and pages' accessors
 *   byline-site-links.c       link resolution, ref and relref
 */

#pragma once

#include "byline-site.h"

G_BEGIN_DECLS

typedef enum
{
  MERGE_UNSET,
  MERGE_NONE,
  MERGE_SHALLOW,
  MERGE_DEEP,
} BylineSiteMerge;

/* One permalink rule: the first whose kind and path glob match a page wins. */
typedef struct
{
  char *kind;             /* a glob over kinds, "page", "{home,section}", or NULL for any */
  char *path;             /* a glob over the page's path, or NULL for any */
  char *environment;      /* a glob over environments, or NULL for any */
  char **languages;       /* the languages it is for, or NULL for all */
  char *pattern;          /* "/:year/:month/:slug/" */
} BylinePermalinkRule;

/* A configuration with where it came from, before and while merging. */
typedef struct
{
  BylineData *config;     /* a map */
  GPtrArray *files;       /* char*: the files read */
} BylineSiteConfigFiles;

/* What is known of the site at one root, shared by every BylineSite of a
 * post of it (byline_site_lookup) and by the threads that use them. */
typedef struct _BylineSiteModel BylineSiteModel;

struct _BylineSiteModel
{
  gatomicrefcount ref_count;

  GFile *root;
  char *root_path;
  BylineSiteRootKind root_kind;

  GMutex lock;
  gboolean loaded;
  GHashTable *stamps;               /* path → BylineSiteStamp: what loading read */

  /* Configuration */
  BylineData *config;
  GPtrArray *config_files;          /* char*, NULL-terminated */
  char *base_url;
  char *base_host;                  /* "example.org" (lower case), or NULL */
  char *base_path;                  /* "/docs" (no trailing slash) or "" */
  char *link_prefix;                /* what comes before a page's link in its RelPermalink:
                                     * the base path, or "" with canonifyURLs */
  char *title;
  GPtrArray *problems;              /* BylineSiteProblem */
  GPtrArray *languages;             /* BylineSiteLanguage, sorted */
  char *default_language;
  gboolean default_language_in_subdir;
  GPtrArray *taxonomies;            /* BylineSiteTaxonomy */
  GTimeZone *time_zone;
  gboolean ugly_urls;
  BylineData *ugly_url_sections;    /* uglyURLs as a map of sections, or NULL */
  gboolean disable_path_to_lower;
  gboolean remove_path_accents;
  gboolean pluralize_list_titles;
  gboolean capitalize_list_titles;
  GPtrArray *permalinks;            /* BylinePermalinkRule */
  char **date_keys;                 /* [frontmatter] date sources, lower case */
  char **disabled_kinds;            /* lower case */
  gboolean build_drafts;

  /* Themes, modules, mounts */
  GPtrArray *components;            /* BylineSiteComponent */
  GPtrArray *folders[BYLINE_SITE_N_FOLDER_KINDS];   /* BylineSiteFolder */

  /* Templates */
  GPtrArray *shortcodes;            /* BylineSiteTemplate */
  GHashTable *shortcode_index;      /* name → the first BylineSiteTemplate */
  GPtrArray *render_hooks;          /* BylineSiteTemplate */

  /* Pages */
  GMutex pages_lock;
  BylineSitePages *pages;
  GHashTable *page_cache;           /* file → cached front matter (byline-site-pages.c) */
};

/* byline-site.c */
BylineSiteModel *byline_site_model_new         (GFile                 *root);
BylineSiteModel *byline_site_model_ref         (BylineSiteModel       *self);
void        byline_site_model_unref            (BylineSiteModel       *self);
/* Reads the configuration, the components and the templates, once. */
void        byline_site_model_ensure_loaded    (BylineSiteModel       *self);
/* While loading: remembers the state of a file or folder (present or
 * not, its modification time and size) that what is loaded depends on. */
void        byline_site_model_watch            (BylineSiteModel       *self,
                                                const char            *path);
/* Whether any file or folder watched while loading has changed since. */
gboolean    byline_site_model_is_stale         (BylineSiteModel       *self);
/* Takes over the front matter @old read, for the files that have not
 * changed since (the cache checks each file again). */
void        byline_site_model_adopt_page_cache (BylineSiteModel       *self,
                                                BylineSiteModel       *old);
const BylineSiteLanguage *byline_site_model_lookup_language (BylineSiteModel *self,
                                                const char            *code);
void        byline_site_model_add_problem      (BylineSiteModel       *self,
                                                BylineSiteProblemKind  kind,
                                                const char            *file,
                                                guint                  line,
                                                guint                  column,
                                                const char            *component,
                                                const char            *message);
void        byline_site_folder_free            (BylineSiteFolder      *folder);
void        byline_site_template_free          (BylineSiteTemplate    *template_);
void        byline_site_component_free         (BylineSiteComponent   *component);
void        byline_site_language_free          (BylineSiteLanguage    *language);
void        byline_site_taxonomy_free          (BylineSiteTaxonomy    *taxonomy);
void        byline_permalink_rule_free         (BylinePermalinkRule   *rule);

/* The implementations of byline-site.h's functions of the same names. */
char       *byline_site_model_find_template    (BylineSiteModel       *self,
                                                const char            *name);
char       *byline_site_model_find_archetype   (BylineSiteModel       *self,
                                                const char            *kind);
char       *byline_site_model_find_file        (BylineSiteModel       *self,
                                                BylineSiteFolderKind   kind,
                                                const char            *path);
GPtrArray  *byline_site_model_list_files       (BylineSiteModel       *self,
                                                BylineSiteFolderKind   kind,
                                                const char            *prefix);
BylineSitePages *byline_site_model_get_pages   (BylineSiteModel       *self);
void        byline_site_model_refresh_pages    (BylineSiteModel       *self);
BylineSiteLinkKind byline_site_model_resolve_link (BylineSiteModel    *self,
                                                const char            *from_file,
                                                const char            *link,
                                                const BylineSitePage **page,
                                                char                 **file);
char       *byline_site_model_ref_link         (BylineSiteModel       *self,
                                                const char            *from_file,
                                                const char            *ref,
                                                const char            *lang,
                                                gboolean               relative,
                                                GError               **error);
const BylineSitePage *byline_site_model_get_page (BylineSiteModel     *self,
                                                BylineSitePages       *pages,
                                                const BylineSitePage  *from,
                                                const char            *lang,
                                                const char            *path);

/* byline-site-config.c */
/* Reads hugo.* / config.* of @dir and its config/_default/ folder into one
 * map (the folder's files override the root file); records the files read
 * and a problem for each that cannot be read. NULL when @dir has neither. */
BylineData *byline_site_read_config_dir        (BylineSiteModel       *self,
                                                const char            *dir,
                                                GPtrArray             *files);
/* Hugo's Set: @src's values over @dst's, maps merged recursively. New node. */
BylineData *byline_site_config_set             (BylineData            *dst,
                                                BylineData            *src);
/* Hugo's Merge of a theme's or module's configuration under the project's,
 * by each key's merge strategy (params deep, menus shallow, …). New node. */
BylineData *byline_site_config_merge_component (BylineData            *project,
                                                BylineData            *component);
/* byline-site-decode.c */
/* Reads the merged configuration's keys into the site's fields. */
void        byline_site_decode_config          (BylineSiteModel       *self);

/* byline-site-modules.c */
/* Finds the themes and modules the project configuration imports (and
 * theirs), merges their configuration under it into self->config, decodes
 * it (byline_site_decode_config), and builds self->folders from the
 * project's and the components' mounts. */
void        byline_site_load_components        (BylineSiteModel       *self,
                                                BylineData            *project_config);

/* byline-site-mounts.c */
/* Builds self->folders from the project's mounts (or Hugo's defaults) and
 * the mounts of each component found (@component_mounts: BylineData lists,
 * or NULL for a component's default folders, in component order). */
void        byline_site_build_folders          (BylineSiteModel       *self,
                                                BylineData            *project_config,
                                                GPtrArray             *component_mounts);
/* A folder setting (contentDir, themesDir, …) or Hugo's default. */
char       *byline_site_dir_setting            (BylineData            *config,
                                                const char            *key,
                                                const char            *fallback);
/* @path made absolute against @base, "." and ".." resolved. */
char       *byline_site_absolute_path          (const char            *base,
                                                const char            *path);

/* byline-site-templates.c */
void        byline_site_scan_templates         (BylineSiteModel       *self);

/* byline-site-paths.c */
/* Hugo's paths.Sanitize, then lower case unless @keep_case, then
 * (@remove_accents) without accents: what Hugo does to every element of a
 * URL it builds. */
char       *byline_site_sanitize_path          (const char            *path,
                                                gboolean               keep_case,
                                                gboolean               remove_accents);
/* Go's url.URL.EscapedPath() of a path, as paths.PathEscape uses it. */
char       *byline_site_escape_path            (const char            *path);
/* Percent-decodes a URL path; NULL for invalid escapes. */
char       *byline_site_unescape_path          (const char            *path);
/* Go's path.Clean. */
char       *byline_site_clean_path             (const char            *path);
/* gobwas/glob with "/" as separator, as Hugo's hglob: * ? [..] {a,b} **. */
gboolean    byline_site_glob_match             (const char            *pattern,
                                                const char            *text);
/* Hugo's content file extensions: md, markdown, html, adoc, org, … */
gboolean    byline_site_is_content_file        (const char            *name);
/* Hugo's paths.NormalizePathStringBasic: lower case, spaces as hyphens. */
char       *byline_site_normalize_path         (const char            *path);

/* A page of the index. Paths follow Hugo's paths.Path for the content
 * file: "/blog/2023/post/index.md" has the path "/blog/2023/post", the
 * base name "post" and the container "/blog/2023"; "/blog/post.md" has
 * "/blog/post", "post" and "/blog". */
struct _BylineSitePage
{
  char *file;                       /* absolute, or NULL for a page without a file */
  char *path;                       /* normalized: "/" for the home page */
  char *unnormalized_path;          /* as written (disablePathToLower) */
  char *base_name;                  /* BaseNameNoIdentifier, normalized */
  char *unnormalized_base_name;
  char *translation_base_name;      /* File.TranslationBaseName: "index", "_index", "post" */
  BylineSitePageKind kind;
  gboolean bundle;                  /* a leaf bundle */
  char *lang;
  char *section;                    /* the first element of the path, "" for the home page */
  BylineSitePage *current_section;  /* the nearest section at or above it */
  BylineSitePage *parent_section;   /* the section above a section */

  /* From the front matter (shared with the file cache) */
  BylineData *front_matter;
  char *title;
  char *slug;
  char *url;
  char **raw_aliases;
  gboolean draft;
  gboolean render;                  /* build.render is not "never" (nor headless) */
  gboolean rss;                     /* its outputs hold RSS: <link>index.xml */
  GDateTime *date;
  char *error;

  /* Computed */
  char *link; /* the decoded link, without the baseURL's path; NULL if unpublished */
  char *rel_permalink;
  char *permalink;
  char **aliases;                   /* decoded, server-relative */
};

/* byline-site-permalinks.c */
/* Hugo's page.CreateTargetPaths for the HTML output of @page: sets
 * link, rel_permalink and permalink (NULL when the page is not rendered). */
void        byline_site_page_compute_urls      (BylineSiteModel       *self,
                                                BylineSitePage        *page,
                                                const char            *prefix);
/* Hugo's urlize: MakePathSanitized. */
char       *byline_site_urlize                 (BylineSiteModel       *self,
                                                const char            *text);
/* Hugo's page.Aliases(): server-relative alias paths of @page. */
void        byline_site_page_compute_aliases   (BylineSiteModel       *self,
                                                BylineSitePage        *page,
                                                const char            *prefix);

/* The page index (byline-site-index.c); built by byline-site-pages.c. */
struct _BylineSitePages
{
  gatomicrefcount ref_count;
  gboolean with_drafts;         /* buildDrafts: drafts are published */
  GPtrArray *pages;             /* BylineSitePage, owned */
  GHashTable *by_file;          /* file → the first page of it */
  GHashTable *by_path;          /* "lang\npath" → page */
  GHashTable *by_link;          /* decoded rel permalink → page */
  GHashTable *by_alias;         /* decoded alias → page */
  GHashTable *by_base_name;     /* "lang\nbase name" → page, or the ambiguous marker */
  char *default_language;
  gint64 build_time;
};

char       *byline_site_page_key               (const char            *lang,
                                                const char            *path);
void        byline_site_page_free              (BylineSitePage        *page);
void        byline_site_pages_add_base_name    (BylineSitePages       *self,
                                                BylineSitePage        *page);

/* byline-site-content.c */
typedef struct
{
  char *file;
  char *rel;                    /* "blog/2023/post/index.md", as written */
  const char * const *languages;
  gint64 mtime;
  goffset size;
} BylineSiteContentFile;

typedef struct
{
  gint64 mtime;
  goffset size;
  BylineData *front_matter;     /* a map, or NULL */
  char *error;
} BylineSiteCachedFile;

void        byline_site_page_cache_free        (gpointer               data);
/* Every content file of the content mounts (BylineSiteContentFile). */
GPtrArray  *byline_site_collect_content        (BylineSiteModel       *self);
/* Reads the front matter of the files that are new or changed into
 * self->page_cache; whether anything changed. */
gboolean    byline_site_update_page_cache      (BylineSiteModel       *self,
                                                GPtrArray             *files);
/* "name[.lang].ext" → "name", and the language when it is the site's. */
char       *byline_site_split_content_name     (BylineSiteModel       *self,
                                                const char            *rel,
                                                char                 **lang);

/* byline-site-cascade.c */
typedef struct _BylineSiteCascades BylineSiteCascades;

BylineSiteCascades *byline_site_cascades_new   (BylineSiteModel       *self);
void        byline_site_cascades_free          (BylineSiteCascades    *cascades);
/* The value of @key that @page's sections (the nearest first) or the
 * configuration cascade to it, or NULL. */
BylineData *byline_site_cascaded_value         (BylineSiteCascades    *cascades,
                                                const BylineSitePage  *page,
                                                const char            *key);

/* byline-site-pages.c */
/* Hugo's kind names: "home", "section", "page", "taxonomy", "term". */
const char *byline_site_page_kind_name         (BylineSitePageKind     kind);
/* The page of a language at a (normalized) Hugo path. */
const BylineSitePage *byline_site_pages_lookup_path      (BylineSitePages *self,
                                                         const char      *lang,
                                                         const char      *path);
/* The page an alias (decoded, baseURL's path included) redirects to. */
const BylineSitePage *byline_site_pages_lookup_alias     (BylineSitePages *self,
                                                         const char      *alias);
/* Hugo's pageReverseIndex: the only page of a language with that base
 * name; NULL with @ambiguous set when there are several. */
const BylineSitePage *byline_site_pages_lookup_base_name (BylineSitePages *self,
                                                         const char      *lang,
                                                         const char      *name,
                                                         gboolean        *ambiguous);
const char           *byline_site_pages_get_default_language (BylineSitePages *self);
/* Whether the build publishes @page: not a draft, or buildDrafts. */
gboolean              byline_site_pages_is_published     (BylineSitePages      *self,
                                                         const BylineSitePage *page);

G_END_DECLS
