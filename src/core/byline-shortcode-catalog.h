/* byline-shortcode-catalog.h — the shortcodes a post can call, with their parameters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One list for the linter, completion and the Insert Shortcode dialog: the
 * site's shortcode templates (the project's, then its themes' and
 * modules'), the profile's shortcodes, and Hugo's built-in ones. A name
 * the site has a template for is the site's (Hugo uses the site's template
 * over its own); then the profile's; then Hugo's.
 *
 * The parameters of a site shortcode are what its template reads
 * (byline_gotmpl_analyze_source()); they are worked out when the entry is
 * first looked up, from the template file as it is then, and again when
 * the file changes. A catalog is safe to use from several threads.
 */

#pragma once

#include <gio/gio.h>

#include "byline-profile.h"
#include "byline-site.h"

G_BEGIN_DECLS

typedef enum
{
  BYLINE_SHORTCODE_ORIGIN_SITE,     /* a template of the project's layouts */
  BYLINE_SHORTCODE_ORIGIN_THEME,    /* a template of a theme or module */
  BYLINE_SHORTCODE_ORIGIN_PROFILE,  /* declared by the site's Byline profile */
  BYLINE_SHORTCODE_ORIGIN_BUILTIN,  /* one of Hugo's embedded shortcodes */
} BylineShortcodeOrigin;

typedef struct
{
  char     *name;           /* a named parameter, or NULL for a positional one */
  int       position;       /* a positional parameter's index, -1 for named ones */
  char     *default_value;  /* nullable */
  char     *help;           /* one line, nullable; translated for the profile's */
  gboolean  required;
} BylineShortcodeParamInfo;

typedef struct
{
  char                  *name;
  BylineShortcodeOrigin  origin;
  char                  *path;        /* the template file, or NULL */
  char                  *component;   /* the theme or module, or NULL */
  char                  *help;        /* one line, nullable: Hugo's (untranslated) or the profile's */

  /* Known after byline_shortcode_catalog_lookup(). */
  gboolean               analysed;    /* the parameters are known: the template parsed */
  gboolean               paired;      /* takes inner text (.Inner) */
  /* Reads parameters the analysis cannot name (.Params whole, .Get $k, a
   * partial named at run time or one that could not be read): any name
   * may be meant. */
  gboolean               any_params;
  GPtrArray             *params;      /* of BylineShortcodeParamInfo: required first */
  /* Every name read by the template and the partials it calls: a named
   * parameter outside it is never read. */
  GStrv                  known_names;
  char                  *error;       /* why the template was not analysed, or NULL */
} BylineShortcodeEntry;

#define BYLINE_TYPE_SHORTCODE_CATALOG (byline_shortcode_catalog_get_type ())

G_DECLARE_FINAL_TYPE (BylineShortcodeCatalog, byline_shortcode_catalog, BYLINE,
                      SHORTCODE_CATALOG, GObject)

/* @site and @profile may be NULL. */
BylineShortcodeCatalog     *byline_shortcode_catalog_new         (BylineSite             *site,
                                                                  BylineProfile          *profile);
/* Every name once, sorted. Entries from get_entry() may not be analysed
 * yet: look them up for their parameters. */
guint                       byline_shortcode_catalog_get_n_entries (BylineShortcodeCatalog *self);
const BylineShortcodeEntry *byline_shortcode_catalog_get_entry   (BylineShortcodeCatalog *self,
                                                                  guint                   position);
/* The entry of @name, analysed, or NULL when nobody knows it. */
const BylineShortcodeEntry *byline_shortcode_catalog_lookup      (BylineShortcodeCatalog *self,
                                                                  const char             *name);

void                        byline_shortcode_param_info_free     (BylineShortcodeParamInfo   *param);
/* The parameter @name, or the positional one at @position when @name is
 * NULL; NULL when the entry does not list it. */
const BylineShortcodeParamInfo *byline_shortcode_entry_get_param (const BylineShortcodeEntry *self,
                                                                  const char                 *name,
                                                                  int                         position);

/* One translated line about the entry: its help, or where its template
 * is ("layouts/shortcodes/alert.html"). */
char                       *byline_shortcode_entry_dup_summary   (const BylineShortcodeEntry *self);
/* One translated line about a parameter: its help, or that it is required,
 * or its default; NULL when there is nothing to say. */
char                       *byline_shortcode_param_dup_summary   (const BylineShortcodeParamInfo *param);

/* Hugo's embedded shortcodes (byline-shortcode-catalog-builtins.c). */
guint                       byline_shortcode_catalog_get_n_builtins (void);
/* Fills @entry (zeroed, with an empty params array that frees its items
 * with byline_shortcode_param_info_free()) with built-in @position. */
void                        byline_shortcode_catalog_fill_builtin (guint                 position,
                                                                   BylineShortcodeEntry *entry);

G_END_DECLS
