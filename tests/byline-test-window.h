/* byline-test-window.h — an application and windows for the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-application.h"
#include "byline-window.h"

#include "byline-test-gui.h"

/* A private instance: no D-Bus name, no single-instance forwarding. */
static inline BylineApplication *
byline_test_application_new (void)
{
  BylineApplication *app = byline_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

/* A window showing @file, once it is loaded. */
static inline BylineWindow *
byline_test_open_window (BylineApplication *app,
                         GFile             *file)
{
  BylineWindow *window = byline_window_new (GTK_APPLICATION (app));
  BylineDocument *document = byline_window_get_document (window);

  gtk_window_present (GTK_WINDOW (window));
  byline_window_load (window, file);
  byline_test_wait_for (byline_document_get_file (document) != NULL
                        && !byline_document_get_busy (document));

  return window;
}

/* Closes the window without saving or asking, and waits until it is gone. */
static inline void
byline_test_close_window (BylineWindow *window)
{
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (byline_window_get_document (window)), FALSE);
  byline_test_destroy_window (GTK_WINDOW (window));
}
