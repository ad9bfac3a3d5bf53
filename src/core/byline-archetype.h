/* byline-archetype.h — new posts from the site's archetypes, as "hugo new content" makes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new post is made the way Hugo's create package makes one
 * (create/content.go, hugolib/content_factory.go):
 *
 *   kind       the --kind given, else the target's section: the first
 *              folder of its path below the content folder
 *              ("blog/2026/x.md" → "blog"), none for a file at the top;
 *   archetype  for a file target ("x.md"): archetypes/<kind>.md, then
 *              archetypes/default.md, each first in the project and then in
 *              the themes (Hugo's union file system); for a bundle target
 *              (a folder, no extension): the folder archetypes/<kind>/, then
 *              archetypes/default/ — and, where Hugo would stop with "failed
 *              to resolve to an archetype template", Byline uses the file
 *              archetypes of a file target as the bundle's index.md;
 *   context    Hugo's archetypeFileData: .Type (the kind, else the
 *              section, else "page"), .Date (the date in RFC 3339), .Name
 *              (.File.ContentBaseName), .File and its fields promoted
 *              (.File.ContentBaseName, .Dir, .Section…), .Page, .Site; every
 *              template function of the engine (now, replace, title,
 *              humanize, time, dateFormat…);
 *   text       the template's output as it is, in whatever front-matter
 *              format the archetype is written (YAML, TOML, JSON); shortcode
 *              calls ({{< >}}, {{% %}}) are kept, not run, as Hugo keeps them;
 *   bundles    a folder archetype's content files are rendered, each with
 *              its own .File, and its other files copied as they are.
 *
 * A site without any archetype gets the profile's post template, and a
 * profile without one Hugo's built-in default archetype. An existing file
 * is never replaced: the whole post is refused before anything is written.
 * A title given by the user replaces the value of the front matter's title
 * (Hugo derives it from the file name; the dialog asks for it).
 */

#pragma once

#include <gio/gio.h>

#include "byline-gotmpl-env.h"
#include "byline-site.h"

G_BEGIN_DECLS

#define BYLINE_ARCHETYPE_ERROR (byline_archetype_error_quark ())

typedef enum
{
  BYLINE_ARCHETYPE_ERROR_EXISTS,          /* a file of the new post is already there */
  BYLINE_ARCHETYPE_ERROR_OUTSIDE_CONTENT, /* the target is not in a content folder of the site */
  BYLINE_ARCHETYPE_ERROR_TEMPLATE,        /* the archetype does not parse or fails to run */
  BYLINE_ARCHETYPE_ERROR_INVALID,         /* an empty title, a target with no name */
} BylineArchetypeError;

typedef struct
{
  /* Absolute. With an extension a content file ("…/blog/x.md"); without,
   * the folder of a page bundle ("…/blog/2026/x"). */
  const char      *target;
  /* The archetype kind (hugo new --kind), or NULL for the target's section. */
  const char      *kind;
  /* The post's title, or NULL to keep what the archetype writes. */
  const char      *title;
  /* For the profile's post template only: the attribution, NULL for the
   * user's real name. */
  const char      *author;
  /* .Date; NULL for now, in the local time zone as Hugo does. */
  GDateTime       *date;
  /* The template environment for .Site and site functions; NULL for the
   * site's own (byline_gotmpl_site_env_new()). */
  BylineGotmplEnv *env;
} BylineArchetypeRequest;

typedef struct
{
  char      *content_file;   /* the post's file: the target, or target/index.md */
  char      *archetype;      /* the archetype file or folder used; NULL for a template */
  GPtrArray *files;          /* every file written, absolute, in order */
} BylineArchetypeResult;

void      byline_archetype_result_clear (BylineArchetypeResult *result);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BylineArchetypeResult, byline_archetype_result_clear)

GQuark    byline_archetype_error_quark (void);

/* Creates the post. Blocking I/O. */
gboolean  byline_archetype_create      (BylineSite                   *site,
                                        const BylineArchetypeRequest *request,
                                        BylineArchetypeResult        *result,
                                        GError                      **error);

/* The text of one content file made from an archetype file (not a
 * folder): @content_path is the file below the content folder
 * ("blog/x/index.md"), @content_file its absolute name. */
char     *byline_archetype_render      (BylineSite                   *site,
                                        BylineGotmplEnv              *env,
                                        const char                   *archetype_file,
                                        const char                   *content_file,
                                        const char                   *content_path,
                                        const char                   *kind,
                                        GDateTime                    *date,
                                        GError                      **error);

/* A file or folder name for a title: lower case, words joined by hyphens,
 * what Hugo's anchorize keeps ("Why We Chose C: a Story" →
 * "why-we-chose-c-a-story"). NULL when nothing is left. */
char     *byline_archetype_slug        (const char                   *title);

/* The folders of the default language's content that hold posts,
 * relative to @content_folder ("blog/2025", "news"), sorted; for the New
 * Post dialog. @content_folder gets that content folder (absolute). */
GPtrArray *byline_archetype_list_sections (BylineSite                *site,
                                           char                     **content_folder);

G_END_DECLS
