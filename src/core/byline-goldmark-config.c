/* byline-goldmark-config.c — the writer's settings from a site's configuration
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads markup.goldmark (and enableEmoji) the way Hugo decodes them into
 * goldmark_config.Config (markup/goldmark/goldmark_config/config.go): keys
 * compare without regard to case, anything the site leaves out keeps Hugo's
 * default, and values of the wrong type are ignored.
 */

#define G_LOG_DOMAIN "byline-goldmark"

#include "config.h"

#include "byline-goldmark.h"

#include <string.h>

static void
read_bool (BylineData *goldmark,
           const char *path,
           gboolean   *field)
{
  *field = byline_data_lookup_bool (goldmark, path, *field);
}

static void
read_string (BylineData  *goldmark,
             const char  *path,
             char       **field)
{
  g_autofree char *value = byline_data_lookup_string (goldmark, path);

  if (value != NULL)
    byline_goldmark_settings_set_string (field, value);
}

/* footnote is a boolean in older Hugo and a table (enable, backlinkHTML)
 * in newer releases. */
static void
read_footnote (BylineData             *goldmark,
               BylineGoldmarkSettings *settings)
{
  BylineData *footnote = byline_data_lookup_path (goldmark, "extensions.footnote");

  if (footnote == NULL)
    return;
  if (byline_data_get_kind (footnote) == BYLINE_DATA_MAP)
    {
      read_bool (footnote, "enable", &settings->footnote);
      read_string (footnote, "backlinkHTML", &settings->footnote_backlink_html);
    }
  else
    read_bool (goldmark, "extensions.footnote", &settings->footnote);
}

static void
read_typographer (BylineData             *goldmark,
                  BylineGoldmarkSettings *settings)
{
  static const char * const keys[BYLINE_GOLDMARK_N_PUNCTUATION] = {
    [BYLINE_GOLDMARK_LEFT_SINGLE_QUOTE] = "leftSingleQuote",
    [BYLINE_GOLDMARK_RIGHT_SINGLE_QUOTE] = "rightSingleQuote",
    [BYLINE_GOLDMARK_LEFT_DOUBLE_QUOTE] = "leftDoubleQuote",
    [BYLINE_GOLDMARK_RIGHT_DOUBLE_QUOTE] = "rightDoubleQuote",
    [BYLINE_GOLDMARK_EN_DASH] = "enDash",
    [BYLINE_GOLDMARK_EM_DASH] = "emDash",
    [BYLINE_GOLDMARK_ELLIPSIS] = "ellipsis",
    [BYLINE_GOLDMARK_LEFT_ANGLE_QUOTE] = "leftAngleQuote",
    [BYLINE_GOLDMARK_RIGHT_ANGLE_QUOTE] = "rightAngleQuote",
    [BYLINE_GOLDMARK_APOSTROPHE] = "apostrophe",
  };
  BylineData *typographer = byline_data_lookup_path (goldmark, "extensions.typographer");

  if (typographer == NULL)
    return;
  /* A plain boolean, as some sites write it, turns it on or off. */
  if (byline_data_get_kind (typographer) != BYLINE_DATA_MAP)
    {
      read_bool (goldmark, "extensions.typographer", &settings->typographer);
      return;
    }
  settings->typographer = !byline_data_lookup_bool (typographer, "disable", FALSE);
  for (guint i = 0; i < BYLINE_GOLDMARK_N_PUNCTUATION; i++)
    read_string (typographer, keys[i], &settings->typographer_strings[i]);
}

BylineGoldmarkSettings *
byline_goldmark_settings_new_from_config (BylineData *config)
{
  BylineGoldmarkSettings *settings = byline_goldmark_settings_new ();
  BylineData *goldmark;
  g_autofree char *id_type = NULL;

  if (config == NULL)
    return settings;

  settings->emoji = byline_data_lookup_bool (config, "enableEmoji", FALSE);
  goldmark = byline_data_lookup_path (config, "markup.goldmark");
  if (goldmark == NULL || byline_data_get_kind (goldmark) != BYLINE_DATA_MAP)
    return settings;

  read_bool (goldmark, "extensions.definitionList", &settings->definition_list);
  read_footnote (goldmark, settings);
  read_bool (goldmark, "extensions.linkify", &settings->linkify);
  read_string (goldmark, "extensions.linkifyProtocol", &settings->linkify_protocol);
  read_bool (goldmark, "extensions.strikethrough", &settings->strikethrough);
  read_bool (goldmark, "extensions.table", &settings->table);
  read_bool (goldmark, "extensions.taskList", &settings->task_list);
  read_typographer (goldmark, settings);

  read_bool (goldmark, "parser.autoHeadingID", &settings->auto_heading_id);
  read_bool (goldmark, "parser.autoDefinitionTermID", &settings->auto_definition_term_id);
  /* autoHeadingIDType is the name before Hugo 0.144, autoIDType after. */
  id_type = byline_data_lookup_string (goldmark, "parser.autoIDType");
  if (id_type == NULL)
    id_type = byline_data_lookup_string (goldmark, "parser.autoHeadingIDType");
  if (id_type != NULL)
    byline_goldmark_id_type_from_string (id_type, &settings->auto_id_type);
  read_bool (goldmark, "parser.attribute.title", &settings->attribute_title);
  read_bool (goldmark, "parser.attribute.block", &settings->attribute_block);
  read_bool (goldmark, "parser.wrapStandAloneImageWithinParagraph",
             &settings->wrap_standalone_image);

  read_bool (goldmark, "renderer.hardWraps", &settings->hard_wraps);
  read_bool (goldmark, "renderer.unsafe", &settings->unsafe);
  read_bool (goldmark, "renderer.xhtml", &settings->xhtml);

  return settings;
}
