/* byline-window-profile.c — the window and the post's site profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview follows the profile's style sheet, and a profile file that
 * cannot be used keeps a banner in view for as long as it is broken: which
 * file, where, what to fix, and which profile the post is checked with
 * meanwhile, with a button that opens the file.
 */

#define G_LOG_DOMAIN "byline-window"

#include "config.h"

#include "byline-window-private.h"

#include <glib/gi18n.h>

static void
update_banner (BylineWindow *self)
{
  const GError *error = byline_document_get_profile_error (self->document);
  BylineProfile *profile = byline_document_get_profile (self->document);
  g_autofree char *detail = NULL;

  if (error != NULL)
    {
      /* Translators: the profile file's error (it names the file and the
       * line), then the name of the profile the post is checked with. */
      detail = g_strdup_printf (_("%s. Until it is fixed, the post is checked with the “%s” "
                                  "profile."),
                                error->message, byline_profile_get_name (profile));
      gtk_label_set_label (self->profile_detail, detail);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-profile",
                                 byline_document_get_profile_error_file (self->document) != NULL);
  gtk_revealer_set_reveal_child (self->profile_revealer, error != NULL);
}

static void
profile_changed_cb (BylineWindow   *self,
                    GParamSpec     *pspec,
                    BylineDocument *document)
{
  const char *stylesheet = byline_profile_get_stylesheet (byline_document_get_profile (document));
  g_auto(GStrv) site_folders = byline_site_picture_folders (byline_document_get_site (document));

  if (stylesheet != NULL)
    byline_preview_pane_set_stylesheet (self->preview, stylesheet);
  byline_preview_pane_set_site_folders (self->preview, (const char * const *) site_folders);
  update_banner (self);
}

static void
profile_error_changed_cb (BylineWindow   *self,
                          GParamSpec     *pspec,
                          BylineDocument *document)
{
  update_banner (self);
}

static void
show_uri_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BylineWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    byline_window_add_toast (self, error->message);
}

static void
open_profile_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  GFile *file = byline_document_get_profile_error_file (self->document);
  g_autofree char *uri = NULL;

  if (file == NULL)
    return;

  uri = g_file_get_uri (file);
  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, self->cancellable,
                     show_uri_cb, g_object_ref (self));
}

void
byline_window_init_profile (BylineWindow *self)
{
  g_signal_connect_object (self->document, "notify::profile",
                           G_CALLBACK (profile_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::profile-error",
                           G_CALLBACK (profile_error_changed_cb), self, G_CONNECT_SWAPPED);
  profile_changed_cb (self, NULL, self->document);
}

void
byline_window_class_init_profile (BylineWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, BylineWindow, profile_revealer);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, profile_detail);
  gtk_widget_class_install_action (widget_class, "win.open-profile", NULL, open_profile_action);
}
