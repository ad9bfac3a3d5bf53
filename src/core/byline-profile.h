/* byline-profile.h — what a site expects of its posts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A profile describes the front-matter fields, the shortcodes (with the HTML
 * templates the preview uses for them), rule settings, site facts and the
 * template of a new post. The built-in istio.io blog profile ships as the
 * resource /org/byline/Byline/profiles/istio.yml; the .byline.yml of the
 * post's site (see byline-site.h) is merged over it.
 * docs/profile.md documents the format.
 */

#pragma once

#include <gio/gio.h>

#include "byline-diagnostic.h"
#include "byline-site.h"
#include "byline-template.h"

G_BEGIN_DECLS

#define BYLINE_PROFILE_ERROR (byline_profile_error_quark ())

typedef enum
{
  BYLINE_PROFILE_ERROR_SYNTAX,    /* not YAML */
  BYLINE_PROFILE_ERROR_INVALID,   /* YAML, but not a profile: the message says where */
} BylineProfileError;

typedef enum
{
  BYLINE_FIELD_STRING,       /* one line of text */
  BYLINE_FIELD_TEXT,         /* longer text (description) */
  BYLINE_FIELD_DATE,         /* date or date-time in one of Hugo's formats */
  BYLINE_FIELD_STRING_LIST,  /* keywords, aliases */
  BYLINE_FIELD_BOOL,
  BYLINE_FIELD_NUMBER,       /* kept as written: target_release: 1.10 */
  BYLINE_FIELD_INTEGER,
  BYLINE_FIELD_ANY,          /* any value (tables, lists of tables): known, not checked */
} BylineFieldType;

typedef struct
{
  char            *key;
  char            *label;       /* translated, "Publish date" */
  char            *help;        /* translated, nullable */
  BylineFieldType  type;
  BylineSeverity   missing;     /* OFF: optional; WARNING: recommended; ERROR: required */
  guint            max_length;  /* characters, 0 for no limit */
  gboolean         hidden;      /* a key the site knows that the form does not show */
} BylineFieldSpec;

typedef struct
{
  char     *name;        /* a named parameter, or "0", "1" for positions */
  char     *help;
  gboolean  required;
} BylineParamSpec;

typedef struct
{
  char           *name;
  char           *help;
  gboolean        paired;            /* needs a closing tag */
  gboolean        inline_;           /* renders inside a paragraph (istioctl) */
  gboolean        markdown_inner;    /* the inner text is rendered as Markdown */
  gboolean        multiline;         /* its call must span several lines (callouts) */
  gboolean        any_params;        /* accepts parameters not listed */
  char           *parent;            /* must sit inside this shortcode (tab: tabset) */
  GPtrArray      *params;            /* of BylineParamSpec */
  BylineTemplate *template;          /* nullable: then the renderer's "unknown" box */
} BylineShortcodeSpec;

#define BYLINE_TYPE_PROFILE (byline_profile_get_type ())

G_DECLARE_FINAL_TYPE (BylineProfile, byline_profile, BYLINE, PROFILE, GObject)

GQuark                     byline_profile_error_quark         (void);
/* The built-in istio.io blog profile (the "istio" preset). */
BylineProfile             *byline_profile_new_builtin         (void);
/* The Hugo profile: Hugo's keys and shortcodes, the rules of every Hugo site. */
BylineProfile             *byline_profile_new_hugo            (void);
/* A built-in preset by name: "hugo" or "istio". */
BylineProfile             *byline_profile_new_preset          (const char     *name,
                                                               GError        **error);
/* The profile of a post of @site: the preset its .byline.yml extends or its
 * baseURL calls for, else the Hugo profile with what the site's pages show
 * learned into it; the site's .byline.yml merged over either. */
BylineProfile             *byline_profile_new_for_site        (BylineSite     *site,
                                                               GError        **error);
/* The preset @file extends (the Hugo profile when it names none) with
 * @file merged over it. */
BylineProfile             *byline_profile_new_from_file       (GFile          *file,
                                                               GError        **error);
/* Merges a profile's YAML text over this one (file names the source in errors). */
gboolean                   byline_profile_merge_data          (BylineProfile  *self,
                                                               const char     *data,
                                                               gsize           length,
                                                               const char     *file,
                                                               GError        **error);
/* byline_profile_new_for_site() for the site of @post (blocking I/O). */
BylineProfile             *byline_profile_new_for_post        (GFile          *post,
                                                               GError        **error);

const char                *byline_profile_get_name            (BylineProfile  *self);
/* What the profile is, for the window: "Hugo profile learned from the site". */
const char                *byline_profile_get_description     (BylineProfile  *self);
/* Whether the profile was learned from the site for one post, which it
 * leaves out of what it learns: another post of the site needs its own. */
gboolean                   byline_profile_is_learned          (BylineProfile  *self);
/* Whether keys and values are read as Hugo reads them: keys match
 * case-insensitively, a single string is a list of one. */
gboolean                   byline_profile_get_hugo_keys       (BylineProfile  *self);
/* Fields in the profile's order. */
guint                      byline_profile_get_n_fields        (BylineProfile  *self);
const BylineFieldSpec     *byline_profile_get_field           (BylineProfile  *self,
                                                               guint           position);
const BylineFieldSpec     *byline_profile_lookup_field        (BylineProfile  *self,
                                                               const char     *key);
/* The field keys in order, for the front matter's key_order arguments. */
const char * const        *byline_profile_get_field_order     (BylineProfile  *self);
const BylineShortcodeSpec *byline_profile_lookup_shortcode    (BylineProfile  *self,
                                                               const char     *name);
/* Names of the known shortcodes, sorted. */
const char * const        *byline_profile_get_shortcode_names (BylineProfile  *self);
const BylineParamSpec     *byline_shortcode_spec_lookup_param (const BylineShortcodeSpec *spec,
                                                               const char     *name);

/* The severity a rule has in this profile: @default_severity unless the
 * profile re-grades it or switches it off. */
BylineSeverity             byline_profile_get_rule_severity   (BylineProfile  *self,
                                                               const char     *rule_id,
                                                               BylineSeverity  default_severity);
/* A rule's option from the profile's rules section, or NULL. */
const char                *byline_profile_get_rule_option     (BylineProfile  *self,
                                                               const char     *rule_id,
                                                               const char     *option);

/* Site facts. */
const char                *byline_profile_get_site_url        (BylineProfile  *self);  /* "https://istio.io/" */
/* Regular expressions of paths on the site's own domain that may be linked absolutely. */
const char * const        *byline_profile_get_allowed_absolute_paths (BylineProfile *self);
const char                *byline_profile_get_github_url      (BylineProfile  *self);  /* "https://github.com/istio/istio" */
guint64                    byline_profile_get_large_image_bytes (BylineProfile *self);
/* Pixels: pictures wider than this are scaled down when they come into a
 * bundle; 0 for no limit. */
guint                      byline_profile_get_image_max_width (BylineProfile *self);
/* 1–100: the quality of the JPEG pictures Byline encodes. */
guint                      byline_profile_get_jpeg_quality    (BylineProfile *self);
/* Widths the site's image shortcode uses ("100%", "75%", …). */
const char * const        *byline_profile_get_image_widths    (BylineProfile  *self);
/* Words that are spelled correctly in every post of the site. */
const char * const        *byline_profile_get_words           (BylineProfile  *self);

/* The front matter and body of a new post, with {{title}}, {{date}} and
 * {{author}} to fill in (see byline-template.h). */
const BylineTemplate      *byline_profile_get_post_template   (BylineProfile  *self);
/* CSS for the preview and for byline-cli render. */
const char                *byline_profile_get_stylesheet      (BylineProfile  *self);

G_END_DECLS
