/* byline-profile-private.h — what the profile's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-profile.h"

G_BEGIN_DECLS

/* A profile is a small hand-written file. This limit only exists so that a
 * huge one fails fast and cleanly. */
#define BYLINE_PROFILE_MAX_BYTES (1024 * 1024)

typedef struct
{
  gboolean        has_severity;
  BylineSeverity  severity;
  GHashTable     *options;  /* char* → char* */
} RuleSetting;

struct _BylineProfile
{
  GObject parent_instance;

  char           *name;
  char           *description;     /* translated */
  gboolean        hugo_keys;       /* keys match as Hugo matches them */
  gboolean        learned;         /* learned for one post (byline-profile-learn.c) */
  GPtrArray      *fields;          /* of BylineFieldSpec */
  GPtrArray      *field_order;     /* of const char *, NULL-terminated */
  GHashTable     *shortcodes;      /* name → BylineShortcodeSpec */
  GPtrArray      *shortcode_names; /* of const char *, sorted, NULL-terminated */
  GHashTable     *rules;           /* rule id → RuleSetting */

  char           *site_url;
  char           *github_url;
  char          **allowed_absolute_paths;
  guint64         large_image_bytes;
  guint           image_max_width;
  guint           jpeg_quality;
  char          **image_widths;
  char          **words;           /* correct in every post of the site */

  BylineTemplate *post_template;
  GString        *stylesheet;
};

void             byline_field_spec_free           (gpointer        data);
void             byline_param_spec_free           (gpointer        data);
void             byline_shortcode_spec_free       (gpointer        data);
void             byline_rule_setting_free         (gpointer        data);
/* The position of a field, or -1. */
int              byline_profile_find_field        (BylineProfile  *self,
                                                   const char     *key);
BylineParamSpec *byline_param_specs_lookup        (GPtrArray      *params,
                                                   const char     *name);
/* Merges one YAML document over @self (byline-profile-loader.c). Labels
 * and help go through the message catalogue when @translate is set. The
 * caller rebuilds the indexes and notifies. */
gboolean         byline_profile_load_yaml         (BylineProfile  *self,
                                                   const char     *data,
                                                   gsize           length,
                                                   const char     *file,
                                                   gboolean        translate,
                                                   GError        **error);

/* Rebuilds the arrays that the getters hand out (byline-profile.c). */
void             byline_profile_update_indexes    (BylineProfile  *self);

/* byline-profile-presets.c */
void             byline_profile_set_rule_severity (BylineProfile  *self,
                                                   const char     *rule_id,
                                                   BylineSeverity  severity);
BylineFieldSpec *byline_profile_add_field         (BylineProfile  *self,
                                                   const char     *key,
                                                   const char     *label,
                                                   BylineFieldType type);
/* @params: space-separated names ("0" for the first position), or NULL
 * for a shortcode that takes any. Replaces one of the same name. */
BylineShortcodeSpec *byline_profile_add_shortcode (BylineProfile  *self,
                                                   const char     *name,
                                                   gboolean        paired,
                                                   const char     *params);
void             byline_profile_add_taxonomies    (BylineProfile  *self,
                                                   BylineSite     *site);
const char      *byline_profile_preset_for_url    (const char     *base_url);
char            *byline_profile_read_extends      (const char     *data,
                                                   gsize           length);

/* byline-profile-learn.c */
void             byline_profile_learn             (BylineProfile  *self,
                                                   BylineSite     *site,
                                                   const char     *post_file);

G_END_DECLS
