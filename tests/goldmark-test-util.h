/* goldmark-test-util.h — what the Goldmark writer's tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-goldmark.h"

#include <string.h>

/* Settings from Hugo's defaults and words naming the site's changes:
 * unsafe, xhtml, hardWraps, block (parser.attribute.block), noTitle
 * (parser.attribute.title off), emoji (enableEmoji), ascii, blackfriday,
 * termIds (autoDefinitionTermID), noTypographer, http (linkifyProtocol),
 * noWrap (wrapStandAloneImageWithinParagraph off), goldmarkTables,
 * backlink=HTML (footnote.backlinkHTML). */
static inline BylineGoldmarkSettings *
test_settings (const char *words)
{
  BylineGoldmarkSettings *settings = byline_goldmark_settings_new ();
  g_auto(GStrv) list = g_strsplit (words != NULL ? words : "", " ", -1);

  for (guint i = 0; list[i] != NULL; i++)
    {
      const char *w = list[i];

      if (*w == '\0')
        continue;
      else if (strcmp (w, "unsafe") == 0)
        settings->unsafe = TRUE;
      else if (strcmp (w, "xhtml") == 0)
        settings->xhtml = TRUE;
      else if (strcmp (w, "hardWraps") == 0)
        settings->hard_wraps = TRUE;
      else if (strcmp (w, "block") == 0)
        settings->attribute_block = TRUE;
      else if (strcmp (w, "noTitle") == 0)
        settings->attribute_title = FALSE;
      else if (strcmp (w, "emoji") == 0)
        settings->emoji = TRUE;
      else if (strcmp (w, "ascii") == 0)
        settings->auto_id_type = BYLINE_GOLDMARK_ID_GITHUB_ASCII;
      else if (strcmp (w, "blackfriday") == 0)
        settings->auto_id_type = BYLINE_GOLDMARK_ID_BLACKFRIDAY;
      else if (strcmp (w, "termIds") == 0)
        settings->auto_definition_term_id = TRUE;
      else if (strcmp (w, "noTypographer") == 0)
        settings->typographer = FALSE;
      else if (strcmp (w, "http") == 0)
        byline_goldmark_settings_set_string (&settings->linkify_protocol, "http");
      else if (strcmp (w, "noWrap") == 0)
        settings->wrap_standalone_image = FALSE;
      else if (g_str_has_prefix (w, "backlink="))
        byline_goldmark_settings_set_string (&settings->footnote_backlink_html, w + 9);
      else if (strcmp (w, "goldmarkTables") == 0)
        settings->table_style = BYLINE_GOLDMARK_TABLES_GOLDMARK;
      else
        g_error ("unknown setting word %s", w);
    }

  return settings;
}

/* Hugo's AssertFileContent: each line of @expect, trimmed, occurs in
 * @html; a line starting with "! " must not. */
static inline void
assert_content (const char *html,
                const char *expect,
                const char *what)
{
  g_auto(GStrv) lines = g_strsplit (expect, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '\0')
        continue;
      if (g_str_has_prefix (line, "! "))
        {
          if (strstr (html, line + 2) != NULL)
            g_error ("%s: “%s” should not be in:\n%s", what, line + 2, html);
        }
      else if (strstr (html, line) == NULL)
        g_error ("%s: “%s” is missing from:\n%s", what, line, html);
    }
}
