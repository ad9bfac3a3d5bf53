/* byline-window-new-post.c — the window's New Post action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline"

#include "config.h"

#include "byline-window-private.h"

#include "byline-new-post-dialog.h"

/* The new post opens as any file does: in this window when it shows
 * nothing, else in a new one. */
static void
created_cb (BylineNewPostDialog *dialog,
            GFile               *file,
            BylineWindow        *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (application != NULL)
    g_application_open (G_APPLICATION (application), &file, 1, "");
}

static void
new_post_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  GFile *post = byline_document_get_file (byline_window_get_document (self));
  BylineNewPostDialog *dialog = byline_new_post_dialog_new (post);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "created", G_CALLBACK (created_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
byline_window_class_init_new_post (BylineWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (BYLINE_TYPE_NEW_POST_DIALOG);
  gtk_widget_class_install_action (widget_class, "win.new-post", NULL, new_post_action);
}
