/* byline-image-size.h — the pixel size of a picture file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Pixel size of a picture file (SVGs from their size attributes and
 * viewBox, without gdk-pixbuf's SVG loader); FALSE, with 0 × 0, when it is
 * not a regular file that reads as a picture. Blocking I/O. */
gboolean byline_image_read_size (GFile *file,
                                 int   *width,
                                 int   *height);

G_END_DECLS
