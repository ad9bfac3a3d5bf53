/* byline-site.h — the Hugo site a post belongs to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything Byline knows about the site around a post, read the way Hugo
 * reads it: the root, the merged configuration, the languages and their
 * content folders, the themes and modules with the folders they mount, the
 * site's templates (shortcodes, partials, render hooks, archetypes), and
 * its pages with their permalinks, which answer "does this link resolve?".
 * Beside the site, the lookup finds what Byline itself reads near a post:
 *
 *   profile file  the nearest .byline.yml, in the post's folder or a
 *                 parent, not looking above the folder holding .git;
 *   blog folder   the nearest folder named "blog" inside a folder named
 *                 "content" (the posts the form suggests keywords from).
 *
 * Each may be missing: a post outside any site still gets a BylineSite,
 * without a root; then the getters of the site return NULL, 0, FALSE or
 * an empty array.
 *
 * Every post of a site shares one reading of it (the process keeps one per
 * root, read again when its configuration, themes or layouts change). The
 * configuration, themes and template lists are read on first use; the
 * pages on the first call that needs them. Once read, everything a getter
 * returns is immutable and the site may be used from any thread.
 * byline_site_refresh_pages() reads again what changed in the content
 * folders and swaps in a new page index; callers holding the old one
 * (byline_site_get_pages) keep it intact.
 */

#pragma once

#include <gio/gio.h>

#include "byline-data.h"

G_BEGIN_DECLS

#define BYLINE_SITE_ERROR (byline_site_error_quark ())

typedef enum
{
  BYLINE_SITE_ERROR_REF_NOT_FOUND,    /* Hugo: REF_NOT_FOUND, "page not found" */
  BYLINE_SITE_ERROR_REF_AMBIGUOUS,    /* Hugo: "page reference … is ambiguous" */
  BYLINE_SITE_ERROR_NO_LANGUAGE,      /* Hugo: "no site found with lang …" */
} BylineSiteError;

/* What made a folder the site's root. */
typedef enum
{
  BYLINE_SITE_ROOT_CONFIG,        /* hugo.* / config.* / config/_default/ */
  BYLINE_SITE_ROOT_CONTENT_ONLY,  /* no configuration, only a content/ folder */
} BylineSiteRootKind;

/* Problems with the site's files, for one warning or info each. */
typedef enum
{
  BYLINE_SITE_PROBLEM_CONFIG_UNREADABLE,   /* a config file Byline cannot read */
  BYLINE_SITE_PROBLEM_COMPONENT_MISSING,   /* a theme or module is not there */
  BYLINE_SITE_PROBLEM_CONTENT_GUESSED,     /* content/<lang>/ read as each language's content */
} BylineSiteProblemKind;

typedef struct
{
  BylineSiteProblemKind kind;
  char *message;          /* a sentence for the user */
  char *file;             /* the file concerned, or NULL */
  guint line;             /* 0 when unknown */
  guint column;
  char *component;        /* COMPONENT_MISSING: the theme or module as the site names it */
} BylineSiteProblem;

typedef struct
{
  char *code;             /* "en", "pt-br" (lower case, as Hugo keys it) */
  char *label;            /* languageName / label */
  char *locale;           /* languageCode / locale */
  char *direction;        /* languageDirection / direction, or NULL */
  int weight;
  char *prefix;           /* the URL prefix, "" for the default language outside a subfolder */
  char *title;            /* the language's own title, or NULL */
} BylineSiteLanguage;

typedef struct
{
  char *singular;         /* "tag" */
  char *plural;           /* "tags": the front-matter key and the section */
} BylineSiteTaxonomy;

typedef enum
{
  BYLINE_SITE_COMPONENT_THEME,     /* themes/<name>/, named by theme or a module path */
  BYLINE_SITE_COMPONENT_MODULE,    /* a Hugo Module: _vendor/, a go.mod replace, the cache */
} BylineSiteComponentKind;

typedef enum
{
  BYLINE_SITE_COMPONENT_FOUND,
  BYLINE_SITE_COMPONENT_NOT_CHECKED_OUT,   /* a git submodule whose folder is empty or absent */
  BYLINE_SITE_COMPONENT_NOT_IN_CACHE,      /* a Hugo Module not in _vendor/ nor the module cache */
  BYLINE_SITE_COMPONENT_ABSENT,            /* nowhere to be found */
} BylineSiteComponentState;

typedef struct
{
  char *name;             /* as imported: "docsy/theme", "github.com/google/docsy" */
  BylineSiteComponentKind kind;
  BylineSiteComponentState state;
  char *path;             /* its folder (where Hugo would look when not FOUND) */
} BylineSiteComponent;

/* Hugo's component folders. */
typedef enum
{
  BYLINE_SITE_FOLDER_CONTENT,
  BYLINE_SITE_FOLDER_LAYOUTS,
  BYLINE_SITE_FOLDER_STATIC,
  BYLINE_SITE_FOLDER_ASSETS,
  BYLINE_SITE_FOLDER_DATA,
  BYLINE_SITE_FOLDER_I18N,
  BYLINE_SITE_FOLDER_ARCHETYPES,
  BYLINE_SITE_N_FOLDER_KINDS,
} BylineSiteFolderKind;

/* One mount: a folder (or file) of the project or of a theme, seen at
 * @target below its component folder. */
typedef struct
{
  BylineSiteFolderKind kind;
  char *source;           /* absolute path of the folder or file */
  char *target;           /* below the component folder: "" or "docs/specs" */
  char **languages;       /* the languages it is for, or NULL for all */
  char **files;           /* Hugo's "files" globs ("! specs/x" excludes), or NULL */
  char *component;        /* NULL for the project, else the theme or module name */
} BylineSiteFolder;

/* A template file of the site or a theme. */
typedef struct
{
  char *name;             /* shortcodes "dir/name", hooks "render-link", partials "x.html" */
  char *path;             /* absolute */
  char *lang;             /* a language in the file name (name.en.html), or NULL */
  char *output_format;    /* an output format in it (name.amp.html), or NULL */
  char *scope;            /* the page path it is limited to ("docs"), or NULL for everywhere */
  char *component;        /* NULL for the project */
} BylineSiteTemplate;

typedef enum
{
  BYLINE_SITE_PAGE_HOME,
  BYLINE_SITE_PAGE_SECTION,
  BYLINE_SITE_PAGE_PAGE,
  BYLINE_SITE_PAGE_TAXONOMY,
  BYLINE_SITE_PAGE_TERM,
} BylineSitePageKind;

typedef struct _BylineSitePage BylineSitePage;
typedef struct _BylineSitePages BylineSitePages;

/* What a site link points at. */
typedef enum
{
  BYLINE_SITE_LINK_NOT_FOUND,
  BYLINE_SITE_LINK_PAGE,            /* a page's permalink */
  BYLINE_SITE_LINK_ALIAS,           /* an alias of a page (a redirect) */
  BYLINE_SITE_LINK_PAGE_RESOURCE,   /* a file of a page bundle, published beside the page */
  BYLINE_SITE_LINK_STATIC,          /* a file of a static folder */
  BYLINE_SITE_LINK_ASSET,           /* an assets file: published if a template uses it */
  BYLINE_SITE_LINK_GENERATED,       /* a file Hugo writes itself: sitemap.xml, robots.txt */
  BYLINE_SITE_LINK_EXTERNAL,        /* another host, or not http(s) */
} BylineSiteLinkKind;

#define BYLINE_TYPE_SITE (byline_site_get_type ())

G_DECLARE_FINAL_TYPE (BylineSite, byline_site, BYLINE, SITE, GObject)

GQuark              byline_site_error_quark         (void);

/* Finding the site. The root is the nearest folder above @file holding a
 * Hugo configuration (hugo.toml|yaml|yml|json, config.toml|yaml|yml|json
 * or config/_default/), not looking past the folder that holds .git nor
 * inside a content/ folder; failing that, the nearest folder holding
 * content/. NULL when there is none. */
GFile              *byline_site_find_root           (GFile              *file,
                                                     BylineSiteRootKind *kind);
/* The site of @post_file: its root (byline_site_find_root()), profile
 * file and blog folder. Blocking I/O: the window calls it on a worker
 * thread. Never NULL. */
BylineSite         *byline_site_lookup              (GFile              *post_file,
                                                     GCancellable       *cancellable);
/* The site at @root, read afresh and shared with nobody (tests, benchmarks). */
BylineSite         *byline_site_new                 (GFile              *root);
/* The post the site was looked up for, or NULL. */
GFile              *byline_site_get_post_file       (BylineSite         *self);
/* The site's root folder, or NULL outside a site. */
GFile              *byline_site_get_root            (BylineSite         *self);
BylineSiteRootKind  byline_site_get_root_kind       (BylineSite         *self);
/* The .byline.yml that applies to the post, or NULL. */
GFile              *byline_site_get_profile_file    (BylineSite         *self);
/* The blog folder above the post, or NULL. */
GFile              *byline_site_get_blog_folder     (BylineSite         *self);
/* The project's content folder (contentDir, "content" by default); the
 * content of each language is in byline_site_get_folders(). */
GFile              *byline_site_get_content_folder  (BylineSite         *self);

/* Configuration, merged as Hugo merges it: the root file, config/_default/
 * (each file the key of its name), then the themes' and modules'
 * configuration under it. Keys compare as Hugo compares them. */
BylineData         *byline_site_get_config          (BylineSite         *self);
/* The files read, in order. */
const char * const *byline_site_get_config_files    (BylineSite         *self);
const char         *byline_site_get_base_url        (BylineSite         *self);
const char         *byline_site_get_title           (BylineSite         *self);
BylineData         *byline_site_get_params          (BylineSite         *self);
/* markup.goldmark, or NULL when the site does not set it. */
BylineData         *byline_site_get_goldmark        (BylineSite         *self);
/* privacy (the embedded shortcodes' settings: youtube.privacyEnhanced,
 * vimeo.simple, x.disable, …), or NULL. */
BylineData         *byline_site_get_privacy         (BylineSite         *self);
gboolean            byline_site_get_ugly_urls       (BylineSite         *self,
                                                     const char         *section);
/* Hugo's default time zone for dates without one (timeZone), or UTC. */
GTimeZone          *byline_site_get_time_zone       (BylineSite         *self);
/* Problems met reading the site: unreadable files, missing themes. */
const GPtrArray    *byline_site_get_problems        (BylineSite         *self);

/* Languages, by weight then code; the default language's prefix is "". */
guint               byline_site_get_n_languages     (BylineSite         *self);
const BylineSiteLanguage *byline_site_get_language  (BylineSite         *self,
                                                     guint               index);
const BylineSiteLanguage *byline_site_lookup_language (BylineSite       *self,
                                                     const char         *code);
const char         *byline_site_get_default_language (BylineSite        *self);
guint               byline_site_get_n_taxonomies    (BylineSite         *self);
const BylineSiteTaxonomy *byline_site_get_taxonomy  (BylineSite         *self,
                                                     guint               index);

/* Themes and modules, in Hugo's order. The site knows its whole set of
 * templates only when every component was found and every configuration
 * file could be read (one that could not may name more themes). */
guint               byline_site_get_n_components    (BylineSite         *self);
const BylineSiteComponent *byline_site_get_component (BylineSite        *self,
                                                     guint               index);
gboolean            byline_site_is_complete         (BylineSite         *self);

/* The mounted folders of one kind, in lookup order: the project's first,
 * then each component's. */
const GPtrArray    *byline_site_get_folders         (BylineSite         *self,
                                                     BylineSiteFolderKind kind);
/* A file seen through the mounts. */
typedef struct
{
  char *name;             /* below its kind of folder: "docs/books.yaml", "en.toml" */
  char *path;             /* absolute */
  char *component;        /* NULL for the project */
} BylineSiteFile;

/* Every file below a kind of folder (below @prefix, "" or NULL for all),
 * as Hugo's union file system shows them: where two mounts have a file of
 * the same name, the first's; sorted by name. For the data and i18n
 * folders the template engine reads. A new array of BylineSiteFile. */
GPtrArray          *byline_site_list_files          (BylineSite         *self,
                                                     BylineSiteFolderKind kind,
                                                     const char         *prefix);
/* A file below a kind of folder, as Hugo's union file system finds it:
 * the first mount that has it. @path is relative ("images/a.png"). */
char               *byline_site_find_file           (BylineSite         *self,
                                                     BylineSiteFolderKind kind,
                                                     const char         *path);

/* Templates. find_template looks a layouts-relative name up in the
 * project's layouts, then each component's, and maps Hugo's legacy folders
 * (shortcodes/ ↔ _shortcodes/, partials/ ↔ _partials/, _default/_markup/ ↔
 * _markup/): "_partials/head.html", "_shortcodes/note.html". */
char               *byline_site_find_template       (BylineSite         *self,
                                                     const char         *name);
/* Every shortcode template, project first; names may repeat (variants,
 * themes); lookup_shortcode gives the one Hugo uses by default. */
/* The folders Hugo's figure shortcode takes pictures from besides the
 * bundle: the static and assets folders of the project and its themes that
 * exist, as paths (free with g_strfreev()). NULL without a site root;
 * @self may be NULL. */
char              **byline_site_picture_folders     (BylineSite         *self);
const GPtrArray    *byline_site_get_shortcodes      (BylineSite         *self);
const BylineSiteTemplate *byline_site_lookup_shortcode (BylineSite      *self,
                                                     const char         *name);
/* Render hooks (_markup/render-*), project first. */
const GPtrArray    *byline_site_get_render_hooks    (BylineSite         *self);
/* The archetype "hugo new" would use for @kind (a section or type):
 * archetypes/<kind>.md or a <kind>/ bundle, then default.md, in the
 * project and then the components. NULL when there is none. */
char               *byline_site_find_archetype      (BylineSite         *self,
                                                     const char         *kind);

/* Pages */
BylineSitePages    *byline_site_get_pages           (BylineSite         *self);
/* Reads again the content files that changed (by size and modification
 * time), were added or removed, and publishes a new page index. */
void                byline_site_refresh_pages       (BylineSite         *self);

/* Links. @link is as a post writes it: "/blog/x/", "../y/#top",
 * "https://example.org/blog/x/", "/images/a.png", "/blog/index.xml" (a
 * list page's RSS feed). Relative links resolve
 * against the URL of the page of @from_file (may be NULL for none).
 * @page, when not NULL, gets the page it leads to (PAGE, ALIAS,
 * PAGE_RESOURCE); @file the file it is (PAGE_RESOURCE, STATIC, ASSET). */
BylineSiteLinkKind  byline_site_resolve_link        (BylineSite         *self,
                                                     const char         *from_file,
                                                     const char         *link,
                                                     const BylineSitePage **page,
                                                     char              **file);
/* Whether a site-absolute path ("/blog/2019/x/", "/docs/a.svg") leads to
 * something the site publishes: a page or its alias, a file of a page
 * bundle, a static file, an asset, a feed or file Hugo writes. Query and
 * fragment are ignored. FALSE without a root. */
gboolean            byline_site_path_exists         (BylineSite         *self,
                                                     const char         *path);
/* Hugo's ref and relref: the permalink (or relative permalink) of the page
 * @ref names, seen from the page of @from_file (NULL for none), in the
 * site of @lang (NULL: the page's language), with the #fragment kept. */
char               *byline_site_ref                 (BylineSite         *self,
                                                     const char         *from_file,
                                                     const char         *ref,
                                                     const char         *lang,
                                                     gboolean            relative,
                                                     GError            **error);
/* Hugo's GetPage: a page of @pages by its logical path ("/blog/x",
 * "x.md", "../y"), seen from @from (may be NULL), in @lang (NULL: @from's
 * language, or the default). */
const BylineSitePage *byline_site_get_page          (BylineSite         *self,
                                                     BylineSitePages    *pages,
                                                     const BylineSitePage *from,
                                                     const char         *lang,
                                                     const char         *path);

/* The page index. Immutable; safe to share between threads. */
BylineSitePages    *byline_site_pages_ref           (BylineSitePages    *self);
void                byline_site_pages_unref         (BylineSitePages    *self);
guint               byline_site_pages_get_n_pages   (BylineSitePages    *self);
const BylineSitePage *byline_site_pages_get_page    (BylineSitePages    *self,
                                                     guint               index);
/* The page of a content file (absolute path), or NULL. */
const BylineSitePage *byline_site_pages_lookup_file (BylineSitePages    *self,
                                                     const char         *file);
/* The page whose relative permalink is @rel_permalink (decoded, baseURL's
 * path included, with or without its trailing slash). */
const BylineSitePage *byline_site_pages_lookup_permalink (BylineSitePages *self,
                                                     const char         *rel_permalink);
/* Time spent reading the index, in microseconds, and files read again. */
gint64              byline_site_pages_get_build_time (BylineSitePages   *self);

const char         *byline_site_page_get_file       (const BylineSitePage *self);
/* Hugo's .Path: "/blog/2023/post" (lower case, no extension). */
const char         *byline_site_page_get_path       (const BylineSitePage *self);
BylineSitePageKind  byline_site_page_get_kind       (const BylineSitePage *self);
const char         *byline_site_page_get_lang       (const BylineSitePage *self);
const char         *byline_site_page_get_section    (const BylineSitePage *self);
/* "/blog/2023/post/" as Hugo writes it (percent-encoded, baseURL path
 * included); get_permalink is the absolute URL. */
const char         *byline_site_page_get_rel_permalink (const BylineSitePage *self);
const char         *byline_site_page_get_permalink  (const BylineSitePage *self);
const char         *byline_site_page_get_title      (const BylineSitePage *self);
const char         *byline_site_page_get_slug       (const BylineSitePage *self);
const char         *byline_site_page_get_url        (const BylineSitePage *self);
/* The aliases as server-relative paths, "/old/path". */
const char * const *byline_site_page_get_aliases    (const BylineSitePage *self);
/* A leaf bundle (index.md), whose folder's other files are its resources. */
gboolean            byline_site_page_is_bundle      (const BylineSitePage *self);
gboolean            byline_site_page_is_draft       (const BylineSitePage *self);
/* The page's date as Hugo's [frontmatter] date setting finds it, or NULL. */
GDateTime          *byline_site_page_get_date       (const BylineSitePage *self);
/* The page's front matter (a map), or NULL when it has none. */
BylineData         *byline_site_page_get_front_matter (const BylineSitePage *self);
/* Why the front matter could not be read, or NULL. */
const char         *byline_site_page_get_error      (const BylineSitePage *self);

void                byline_site_problem_free        (BylineSiteProblem  *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineSitePages, byline_site_pages_unref)

G_END_DECLS
