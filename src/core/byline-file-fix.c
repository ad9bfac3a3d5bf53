/* byline-file-fix.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-file-fix"

#include "config.h"

#include "byline-file-fix.h"

#include "byline-photo.h"

#include <glib/gi18n-lib.h>

G_DEFINE_BOXED_TYPE (BylineFileFix, byline_file_fix, byline_file_fix_copy, byline_file_fix_free)

BylineFileFix *
byline_file_fix_new (BylineFileFixKind  kind,
                     GFile             *file,
                     char              *label)
{
  BylineFileFix *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_new0 (BylineFileFix, 1);
  self->kind = kind;
  self->file = g_object_ref (file);
  self->label = label;
  return self;
}

BylineFileFix *
byline_file_fix_copy (const BylineFileFix *self)
{
  BylineFileFix *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = byline_file_fix_new (self->kind, self->file, g_strdup (self->label));
  copy->max_width = self->max_width;
  copy->jpeg_quality = self->jpeg_quality;
  return copy;
}

void
byline_file_fix_free (BylineFileFix *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->file);
  g_free (self->label);
  g_free (self);
}

const char *
byline_file_fix_kind_to_string (BylineFileFixKind kind)
{
  switch (kind)
    {
    case BYLINE_FILE_FIX_REMOVE_LOCATION:
      return "remove-location";
    case BYLINE_FILE_FIX_SHRINK:
      return "shrink";
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
byline_file_fix_apply (const BylineFileFix  *self,
                       GCancellable         *cancellable,
                       GError              **error)
{
  g_autofree char *name = NULL;
  gboolean changed = FALSE;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_basename (self->file);

  switch (self->kind)
    {
    case BYLINE_FILE_FIX_REMOVE_LOCATION:
      if (!byline_photo_remove_location (self->file, &changed, cancellable, error) || !changed)
        return NULL;
      return g_strdup_printf (_("Removed the location from “%s”"), name);

    case BYLINE_FILE_FIX_SHRINK:
      {
        BylinePhotoOptions options = { 0, };
        g_autoptr(BylinePhotoInfo) before = NULL;
        g_autoptr(BylinePhotoInfo) after = NULL;

        options.max_width = self->max_width;
        options.jpeg_quality = self->jpeg_quality;
        options.keep_metadata = TRUE;
        before = byline_photo_info_new_for_file (self->file, cancellable, error);
        if (before == NULL ||
            !byline_photo_shrink (self->file, &options, &changed, cancellable, error) ||
            !changed)
          return NULL;
        after = byline_photo_info_new_for_file (self->file, cancellable, error);
        if (after == NULL)
          return NULL;
        /* A picture Byline encodes never keeps its location. */
        if (before->has_location)
          return g_strdup_printf (_("Resized “%s” from %d×%d to %d×%d pixels and removed its "
                                    "location"), name,
                                  before->width, before->height, after->width, after->height);
        return g_strdup_printf (_("Resized “%s” from %d×%d to %d×%d pixels"), name,
                                before->width, before->height, after->width, after->height);
      }

    default:
      g_return_val_if_reached (NULL);
    }
}
