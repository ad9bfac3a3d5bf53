/* byline-shortcode-catalog-builtins.c — Hugo's embedded shortcodes and their parameters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo documents these in content/en/shortcodes/ of its documentation
 * (hugoDocs); the parameter lists follow that documentation and the
 * templates in tpl/tplimpl/embedded/templates/_shortcodes/ (summarised in
 * the project's research notes, hugo-sites.md §3). gist was removed in
 * Hugo 0.156; Debian's Hugo still has it.
 */

#define G_LOG_DOMAIN "byline-shortcode-catalog"

#include "config.h"

#include "byline-shortcode-catalog.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Parameters as "name", "name=default", "name!" (required), or "#N(what)"
 * for the Nth positional one, separated by "|". */
typedef struct
{
  const char *name;
  const char *help;
  gboolean    paired;
  const char *params;
} Builtin;

static const Builtin builtins[] = {
  { "comment", N_("Text left out of the page"), TRUE, "" },
  { "details", N_("A disclosure box that shows its content when opened"), TRUE,
    "summary=Details|open|class|name|title" },
  { "figure", N_("A picture with an optional caption"), FALSE,
    "src!|alt|width|height|loading|class|link|target|rel|title|caption|attr|attrlink" },
  { "gist", N_("A GitHub gist (removed in Hugo 0.156)"), FALSE,
    "#0(user)!|#1(id)!|#2(file)" },
  { "highlight", N_("Code highlighted by Hugo"), TRUE, "#0(lang)|#1(options)" },
  { "instagram", N_("An Instagram post"), FALSE, "#0(id)!" },
  { "param", N_("A parameter of the page, or else of the site"), FALSE, "#0(key)!" },
  { "qr", N_("A QR code of the text"), FALSE,
    "text|level=medium|scale=4|targetDir|alt|class|id|title|loading" },
  { "ref", N_("The absolute link of another page"), FALSE, "#0(path)|path|lang|outputFormat" },
  { "relref", N_("The relative link of another page"), FALSE,
    "#0(path)|path|lang|outputFormat" },
  { "vimeo", N_("A Vimeo video"), FALSE, "#0(id)|id|class|loading|title|allowFullScreen" },
  { "x", N_("A post on X"), FALSE, "user!|id!" },
  { "youtube", N_("A YouTube video"), FALSE,
    "#0(id)|id|allowFullScreen=true|autoplay=false|class|controls=true|end|loading=eager|"
    "loop=false|mute=false|start|title=YouTube video" },
};

guint
byline_shortcode_catalog_get_n_builtins (void)
{
  return G_N_ELEMENTS (builtins);
}

static BylineShortcodeParamInfo *
parse_param (const char *spec)
{
  BylineShortcodeParamInfo *param = g_new0 (BylineShortcodeParamInfo, 1);
  g_autofree char *text = g_strdup (spec);
  gsize length = strlen (text);
  char *equals;

  if (length > 0 && text[length - 1] == '!')
    {
      param->required = TRUE;
      text[--length] = '\0';
    }
  if (text[0] == '#')
    {
      char *open = strchr (text, '(');

      param->position = (int) g_ascii_strtoll (text + 1, NULL, 10);
      if (open != NULL && g_str_has_suffix (open, ")"))
        param->help = g_strndup (open + 1, strlen (open) - 2);
      return param;
    }
  param->position = -1;
  equals = strchr (text, '=');
  if (equals != NULL)
    {
      *equals = '\0';
      param->default_value = g_strdup (equals + 1);
    }
  param->name = g_strdup (text);
  return param;
}

void
byline_shortcode_catalog_fill_builtin (guint                 position,
                                       BylineShortcodeEntry *entry)
{
  const Builtin *builtin;
  g_auto(GStrv) specs = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_return_if_fail (position < G_N_ELEMENTS (builtins));

  builtin = &builtins[position];
  entry->name = g_strdup (builtin->name);
  entry->origin = BYLINE_SHORTCODE_ORIGIN_BUILTIN;
  entry->help = g_strdup (_(builtin->help));
  entry->analysed = TRUE;
  entry->paired = builtin->paired;

  specs = g_strsplit (builtin->params, "|", -1);
  for (guint i = 0; specs[i] != NULL; i++)
    {
      BylineShortcodeParamInfo *param;

      if (specs[i][0] == '\0')
        continue;
      param = parse_param (specs[i]);
      g_ptr_array_add (entry->params, param);
      if (param->name != NULL)
        g_ptr_array_add (names, param->name);
    }
  g_ptr_array_add (names, NULL);
  entry->known_names = g_strdupv ((char **) names->pdata);
}
