/* fuzz-template.c: Go templates (issue 14) through the parser, executor,
 * html/template escaper and analysis
 *
 * Copyright 2026 The Byline Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte chooses the template's name: an odd byte makes it
 * "fuzz.html" (html/template's contextual escaping), an even one "fuzz.txt"
 * (text/template). The rest is the template's text. It runs with a small
 * fixed dot (strings, numbers, a list, a map with params' case rules) and
 * tight limits, so that a looping template ends quickly. When the
 * environment variable BYLINE_FUZZ_SITE names a folder (tests/data/gotmpl-site),
 * that folder is the site: partials, data, i18n, pages and resources then
 * run too; without it site functions fail as they do without a site.
 * Whatever the template does, the run must end with a result and without a
 * sanitizer report. */

#include "config.h"

#include "fuzz-common.h"

#include "byline-gotmpl.h"
#include "byline-gotmpl-fs-env.h"
#include "byline-gotmpl-value.h"

static BylineGotmplSet *fuzz_set;
static BylineGotmplValue fuzz_dot;
static BylineGotmplValue fuzz_page;

static void
template_init (void)
{
  BylineGotmplMap *map = byline_gotmpl_map_new (TRUE);
  BylineGotmplMap *inner = byline_gotmpl_map_new (FALSE);
  BylineGotmplList *list = byline_gotmpl_list_new (3);
  BylineGotmplLimits limits;
  const char *site = g_getenv ("BYLINE_FUZZ_SITE");
  BylineGotmplEnv *env = NULL;

  if (site != NULL && *site != '\0')
    env = byline_gotmpl_fs_env_new (site);
  fuzz_set = byline_gotmpl_set_new (env);
  if (env != NULL)
    {
      fuzz_page = byline_gotmpl_env_get_page (env, "blog/bundle");
      g_object_unref (env);
    }

  byline_gotmpl_set_get_limits (fuzz_set, &limits);
  limits.max_steps = 20000;
  limits.max_depth = 16;
  limits.max_output = 64 * 1024;
  byline_gotmpl_set_set_limits (fuzz_set, &limits);

  /* The containers take the values they are given. */
  byline_gotmpl_list_append (list, byline_gotmpl_int (1));
  byline_gotmpl_list_append (list, byline_gotmpl_string ("<b>two</b>"));
  byline_gotmpl_list_append (list, byline_gotmpl_float (3.5));
  byline_gotmpl_map_set (inner, "s", byline_gotmpl_string ("x\"y<z>"));
  byline_gotmpl_map_set (inner, "b", byline_gotmpl_bool (TRUE));
  byline_gotmpl_map_set (map, "Title", byline_gotmpl_string ("Hello, World"));
  byline_gotmpl_map_set (map, "N", byline_gotmpl_int (-42));
  byline_gotmpl_map_set (map, "List", byline_gotmpl_list_value (list));
  byline_gotmpl_map_set (map, "Map", byline_gotmpl_map_value (inner));
  byline_gotmpl_map_set (map, "URL",
                         byline_gotmpl_string ("javascript:alert(1)"));
  fuzz_dot = byline_gotmpl_map_value (map);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_auto(BylineGotmplResult) result = { 0 };
  g_autoptr(BylineGotmplShortcodeInfo) info = NULL;
  g_autofree char *source = NULL;
  const char *name;

  if (fuzz_set == NULL)
    {
      fuzz_init ();
      template_init ();
    }
  if (size == 0)
    return 0;

  name = (data[0] & 1) ? "fuzz.html" : "fuzz.txt";
  source = g_strndup ((const char *) data + 1, size - 1);
  if (!g_utf8_validate (source, -1, NULL))
    return 0;

  byline_gotmpl_set_render_string (fuzz_set, name, source, &fuzz_dot,
                                   &fuzz_page, &result);
  g_assert (result.status == BYLINE_GOTMPL_OK || result.message != NULL);
  g_assert (result.output == NULL
            || strlen (result.output) <= 2 * 64 * 1024);

  info = byline_gotmpl_analyze_source (name, source, NULL);
  return 0;
}
