/* byline-application.h — the Byline application: windows, app actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BYLINE_TYPE_APPLICATION (byline_application_get_type ())

G_DECLARE_FINAL_TYPE (BylineApplication, byline_application, BYLINE, APPLICATION,
                      AdwApplication)

/* Settles what has to be settled before GTK starts; main() calls it first. */
void               byline_application_init_environment (void);
BylineApplication *byline_application_new              (void);

G_END_DECLS
