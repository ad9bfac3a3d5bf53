/* main.c — starts Byline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "byline-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BylineApplication) app = NULL;
  /* Tests and screenshots run the app from the build tree, in another
   * language, with the catalogues that the build compiled into <build>/po. */
  const char *localedir = g_getenv ("BYLINE_LOCALEDIR");

  byline_application_init_environment ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Byline"));

  app = byline_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
