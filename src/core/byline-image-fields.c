/* byline-image-fields.c — the fields of an image shortcode call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-image"

#include "config.h"

#include "byline-image-shortcode.h"

#include <string.h>

G_DEFINE_BOXED_TYPE (BylineImageFields, byline_image_fields,
                     byline_image_fields_copy, byline_image_fields_free)

BylineImageFields *
byline_image_fields_new (void)
{
  BylineImageFields *self = g_new0 (BylineImageFields, 1);

  self->extra = g_ptr_array_new_with_free_func (g_free);
  return self;
}

BylineImageFields *
byline_image_fields_copy (const BylineImageFields *self)
{
  BylineImageFields *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = byline_image_fields_new ();
  copy->width = g_strdup (self->width);
  copy->ratio = g_strdup (self->ratio);
  copy->link = g_strdup (self->link);
  copy->alt = g_strdup (self->alt);
  copy->title = g_strdup (self->title);
  copy->caption = g_strdup (self->caption);
  for (guint i = 0; i < self->extra->len; i++)
    g_ptr_array_add (copy->extra, g_strdup (g_ptr_array_index (self->extra, i)));
  return copy;
}

void
byline_image_fields_free (BylineImageFields *self)
{
  if (self == NULL)
    return;

  g_free (self->width);
  g_free (self->ratio);
  g_free (self->link);
  g_free (self->alt);
  g_free (self->title);
  g_free (self->caption);
  g_ptr_array_unref (self->extra);
  g_free (self);
}

static char **
field_slot (BylineImageFields *self,
            BylineImageField   field)
{
  switch (field)
    {
    case BYLINE_IMAGE_FIELD_LINK:
      return &self->link;
    case BYLINE_IMAGE_FIELD_WIDTH:
      return &self->width;
    case BYLINE_IMAGE_FIELD_RATIO:
      return &self->ratio;
    case BYLINE_IMAGE_FIELD_ALT:
      return &self->alt;
    case BYLINE_IMAGE_FIELD_TITLE:
      return &self->title;
    case BYLINE_IMAGE_FIELD_CAPTION:
      return &self->caption;
    default:
      g_assert_not_reached ();
    }
}

/* In BylineImageField's order. */
static const char * const param_names[] = {
  "link", "width", "ratio", "alt", "title", "caption",
};

const char *
byline_image_field_get_param (BylineImageField field)
{
  g_return_val_if_fail ((guint) field < G_N_ELEMENTS (param_names), NULL);

  return param_names[field];
}

gboolean
byline_image_field_from_param (const char       *name,
                               BylineImageField *field)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (param_names); i++)
    if (strcmp (name, param_names[i]) == 0)
      {
        if (field != NULL)
          *field = (BylineImageField) i;
        return TRUE;
      }
  return FALSE;
}

const char *
byline_image_fields_get (const BylineImageFields *self,
                         BylineImageField         field)
{
  const char *value;

  g_return_val_if_fail (self != NULL, NULL);

  value = *field_slot ((BylineImageFields *) self, field);
  return value != NULL ? value : "";
}

void
byline_image_fields_set (BylineImageFields *self,
                         BylineImageField   field,
                         const char        *value)
{
  char **slot;

  g_return_if_fail (self != NULL);

  slot = field_slot (self, field);
  g_free (*slot);
  *slot = value != NULL && value[0] != '\0' ? g_strdup (value) : NULL;
}

gboolean
byline_image_fields_equal (const BylineImageFields *a,
                           const BylineImageFields *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  for (BylineImageField field = BYLINE_IMAGE_FIELD_LINK; field <= BYLINE_IMAGE_FIELD_CAPTION;
       field++)
    if (strcmp (byline_image_fields_get (a, field), byline_image_fields_get (b, field)) != 0)
      return FALSE;

  if (a->extra->len != b->extra->len)
    return FALSE;
  for (guint i = 0; i < a->extra->len; i++)
    if (strcmp (g_ptr_array_index (a->extra, i), g_ptr_array_index (b->extra, i)) != 0)
      return FALSE;

  return TRUE;
}
