/* byline-goldmark-settings.c — a site's markup.goldmark settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The defaults are Hugo's goldmark_config.Default
 * (markup/goldmark/goldmark_config/config.go).
 */

#define G_LOG_DOMAIN "byline-goldmark"

#include "config.h"

#include "byline-goldmark.h"

#include <string.h>

G_DEFINE_BOXED_TYPE (BylineGoldmarkSettings, byline_goldmark_settings,
                     byline_goldmark_settings_copy, byline_goldmark_settings_free)

static const char * const typographer_defaults[BYLINE_GOLDMARK_N_PUNCTUATION] = {
  [BYLINE_GOLDMARK_LEFT_SINGLE_QUOTE] = "&lsquo;",
  [BYLINE_GOLDMARK_RIGHT_SINGLE_QUOTE] = "&rsquo;",
  [BYLINE_GOLDMARK_LEFT_DOUBLE_QUOTE] = "&ldquo;",
  [BYLINE_GOLDMARK_RIGHT_DOUBLE_QUOTE] = "&rdquo;",
  [BYLINE_GOLDMARK_EN_DASH] = "&ndash;",
  [BYLINE_GOLDMARK_EM_DASH] = "&mdash;",
  [BYLINE_GOLDMARK_ELLIPSIS] = "&hellip;",
  [BYLINE_GOLDMARK_LEFT_ANGLE_QUOTE] = "&laquo;",
  [BYLINE_GOLDMARK_RIGHT_ANGLE_QUOTE] = "&raquo;",
  [BYLINE_GOLDMARK_APOSTROPHE] = "&rsquo;",
};

BylineGoldmarkSettings *
byline_goldmark_settings_new (void)
{
  BylineGoldmarkSettings *self = g_new0 (BylineGoldmarkSettings, 1);

  self->definition_list = TRUE;
  self->footnote = TRUE;
  self->footnote_backlink_html = g_strdup ("&#x21a9;&#xfe0e;");
  self->linkify = TRUE;
  self->linkify_protocol = g_strdup ("https");
  self->strikethrough = TRUE;
  self->table = TRUE;
  self->task_list = TRUE;
  self->typographer = TRUE;
  for (guint i = 0; i < BYLINE_GOLDMARK_N_PUNCTUATION; i++)
    self->typographer_strings[i] = g_strdup (typographer_defaults[i]);

  self->auto_heading_id = TRUE;
  self->auto_definition_term_id = FALSE;
  self->auto_id_type = BYLINE_GOLDMARK_ID_GITHUB;
  self->attribute_title = TRUE;
  self->attribute_block = FALSE;
  self->wrap_standalone_image = TRUE;

  self->hard_wraps = FALSE;
  self->unsafe = FALSE;
  self->xhtml = FALSE;

  self->emoji = FALSE;
  self->table_style = BYLINE_GOLDMARK_TABLES_HUGO;

  return self;
}

BylineGoldmarkSettings *
byline_goldmark_settings_new_commonmark (void)
{
  BylineGoldmarkSettings *self = byline_goldmark_settings_new ();

  self->definition_list = FALSE;
  self->footnote = FALSE;
  self->linkify = FALSE;
  self->strikethrough = FALSE;
  self->table = FALSE;
  self->task_list = FALSE;
  self->typographer = FALSE;
  self->auto_heading_id = FALSE;
  self->attribute_title = FALSE;
  self->table_style = BYLINE_GOLDMARK_TABLES_GOLDMARK;

  return self;
}

BylineGoldmarkSettings *
byline_goldmark_settings_copy (const BylineGoldmarkSettings *self)
{
  BylineGoldmarkSettings *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->footnote_backlink_html = g_strdup (self->footnote_backlink_html);
  copy->linkify_protocol = g_strdup (self->linkify_protocol);
  for (guint i = 0; i < BYLINE_GOLDMARK_N_PUNCTUATION; i++)
    copy->typographer_strings[i] = g_strdup (self->typographer_strings[i]);

  return copy;
}

void
byline_goldmark_settings_free (BylineGoldmarkSettings *self)
{
  if (self == NULL)
    return;

  g_free (self->footnote_backlink_html);
  g_free (self->linkify_protocol);
  for (guint i = 0; i < BYLINE_GOLDMARK_N_PUNCTUATION; i++)
    g_free (self->typographer_strings[i]);
  g_free (self);
}

void
byline_goldmark_settings_set_string (char       **field,
                                     const char  *value)
{
  g_return_if_fail (field != NULL);

  if (*field == value)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

gboolean
byline_goldmark_settings_equal (const BylineGoldmarkSettings *a,
                                const BylineGoldmarkSettings *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (g_strcmp0 (a->footnote_backlink_html, b->footnote_backlink_html) != 0 ||
      g_strcmp0 (a->linkify_protocol, b->linkify_protocol) != 0)
    return FALSE;
  for (guint i = 0; i < BYLINE_GOLDMARK_N_PUNCTUATION; i++)
    if (g_strcmp0 (a->typographer_strings[i], b->typographer_strings[i]) != 0)
      return FALSE;

  return a->definition_list == b->definition_list && a->footnote == b->footnote &&
         a->linkify == b->linkify && a->strikethrough == b->strikethrough &&
         a->table == b->table && a->task_list == b->task_list &&
         a->typographer == b->typographer && a->auto_heading_id == b->auto_heading_id &&
         a->auto_definition_term_id == b->auto_definition_term_id &&
         a->auto_id_type == b->auto_id_type && a->attribute_title == b->attribute_title &&
         a->attribute_block == b->attribute_block &&
         a->wrap_standalone_image == b->wrap_standalone_image &&
         a->hard_wraps == b->hard_wraps && a->unsafe == b->unsafe && a->xhtml == b->xhtml &&
         a->emoji == b->emoji && a->table_style == b->table_style;
}

gboolean
byline_goldmark_id_type_from_string (const char           *name,
                                     BylineGoldmarkIdType *type)
{
  static const struct {
    const char           *name;
    BylineGoldmarkIdType  type;
  } names[] = {
    { "github", BYLINE_GOLDMARK_ID_GITHUB },
    { "github-ascii", BYLINE_GOLDMARK_ID_GITHUB_ASCII },
    { "blackfriday", BYLINE_GOLDMARK_ID_BLACKFRIDAY },
  };

  g_return_val_if_fail (type != NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (names); i++)
    if (strcmp (name, names[i].name) == 0)
      {
        *type = names[i].type;
        return TRUE;
      }

  return FALSE;
}
