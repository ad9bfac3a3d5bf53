/* byline-image-shortcode.h — the image shortcode's fields and text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fields of an {{< image >}} call (byline-image-fields.c) and the exact
 * text the site writes for them (one parameter per line, indented four
 * spaces), read back from a scanned call and turned into text patches
 * (byline-image-shortcode.c). The image dialog checks a call with the
 * post's own rules (byline-analysis.h); pictures come into the bundle
 * through byline-image-files.h.
 */

#pragma once

#include <gio/gio.h>

#include "byline-profile.h"
#include "byline-shortcode.h"
#include "byline-text.h"

G_BEGIN_DECLS

typedef enum
{
  BYLINE_IMAGE_FIELD_LINK,
  BYLINE_IMAGE_FIELD_WIDTH,
  BYLINE_IMAGE_FIELD_RATIO,
  BYLINE_IMAGE_FIELD_ALT,
  BYLINE_IMAGE_FIELD_TITLE,
  BYLINE_IMAGE_FIELD_CAPTION,
} BylineImageField;

/* The shortcode parameter a field is written as ("link"), and the field of a
 * parameter name; FALSE for a name that is no field's (class="…"). */
const char        *byline_image_field_get_param      (BylineImageField         field);
gboolean           byline_image_field_from_param     (const char              *name,
                                                      BylineImageField        *field);

/* Values are plain text (unescaped); NULL or "" leaves an optional
 * parameter out. link is always written. */
typedef struct
{
  char      *width;    /* "75%" */
  char      *ratio;    /* "56.25%": height / width */
  char      *link;     /* "./photo.jpg" */
  char      *alt;
  char      *title;
  char      *caption;
  /* Other named parameters of an edited call (class="…"), kept in their
   * order after the known ones: name, value, name, value, … */
  GPtrArray *extra;
} BylineImageFields;

#define BYLINE_TYPE_IMAGE_FIELDS (byline_image_fields_get_type ())

GType              byline_image_fields_get_type      (void) G_GNUC_CONST;
BylineImageFields *byline_image_fields_new           (void);
BylineImageFields *byline_image_fields_copy          (const BylineImageFields *self);
void               byline_image_fields_free          (BylineImageFields       *self);
gboolean           byline_image_fields_equal         (const BylineImageFields *a,
                                                      const BylineImageFields *b);
const char        *byline_image_fields_get           (const BylineImageFields *self,
                                                      BylineImageField         field);
/* Takes a copy of @value; NULL or "" clears the field. */
void               byline_image_fields_set           (BylineImageFields       *self,
                                                      BylineImageField         field,
                                                      const char              *value);

/* The shortcode in the site's style, without a final newline:
 *
 *   {{< image width="75%" ratio="56.25%"
 *       link="./photo.jpg"
 *       alt="…"
 *       title="…"
 *       caption="…"
 *       >}}
 *
 * width and ratio share the first line (link takes it when both are empty).
 * " becomes \", a \ that would otherwise be read as an escape becomes \\,
 * and line breaks become spaces (a quoted value ends at the end of its line).
 */
char              *byline_image_fields_to_shortcode  (const BylineImageFields *self);

/* The fields of an image call (named parameters only); NULL when @call is not
 * an opening or self-closing call named "image". */
BylineImageFields *byline_image_fields_new_from_call (const BylineShortcode   *call);

/* The image call whose span holds @offset (its ends included), or NULL. */
const BylineShortcode *byline_image_find_call        (const BylineShortcodeList *list,
                                                      gsize                    offset);

/* Replaces exactly @call's span with the shortcode for @fields. */
BylineTextPatch   *byline_image_replace_patch        (const BylineShortcode   *call,
                                                      const BylineImageFields *fields);
/* Inserts @shortcode at @offset of @text on its own lines, a blank line
 * before and after it unless the text already has them (the start and end
 * of the text need none before or after). *@shortcode_offset, when not NULL,
 * is set to where the shortcode itself starts in the patched text. */
BylineTextPatch   *byline_image_insert_patch         (const char              *text,
                                                      gsize                    length,
                                                      gsize                    offset,
                                                      const char              *shortcode,
                                                      gsize                   *shortcode_offset);

/* Height divided by width as a percentage with at most two decimals
 * ("56.25%", "60%"); NULL unless both are positive. */
char              *byline_image_format_ratio         (int                      width,
                                                      int                      height);
/* The width a new picture starts with: 75%, the site's most used one, when
 * the profile lists it, else the profile's first width; NULL without any. */
const char        *byline_image_get_default_width    (BylineProfile           *profile);
/* Whether the image shortcode needs a ratio for @link: always for external
 * pictures (the site cannot measure them), and for all when the profile
 * makes the image shortcode's ratio parameter required. */
gboolean           byline_image_needs_ratio          (BylineProfile           *profile,
                                                      const char              *link);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineImageFields, byline_image_fields_free)

G_END_DECLS
