/* byline-image-shortcode.c — the image shortcode's text, read and written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text the site writes for an image call, the fields read back from a
 * scanned call, the patches that put it into a post, and what the profile
 * says about widths and ratios.
 */

#define G_LOG_DOMAIN "byline-image"

#include "config.h"

#include "byline-image-shortcode.h"

#include "byline-bundle.h"

#include <string.h>

/* Text */

static gboolean
is_set (const char *value)
{
  return value != NULL && value[0] != '\0';
}

/* Writes a double-quoted value that byline_shortcode_scan() and Hugo both
 * read back as @value. Hugo only unescapes \", so a backslash is doubled
 * only where it would otherwise join the next character into an escape
 * (before " or \) or swallow the closing quote; elsewhere it stays single
 * and the site shows it as written. */
static void
append_value (GString    *out,
              const char *value)
{
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;

        case '\\':
          if (p[1] == '\\' || p[1] == '"' || p[1] == '\0')
            g_string_append (out, "\\\\");
          else
            g_string_append_c (out, '\\');
          break;

        case '\r':
          if (p[1] != '\n')
            g_string_append_c (out, ' ');
          break;

        case '\n':
        case '\t':
          g_string_append_c (out, ' ');
          break;

        default:
          g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_param (GString    *out,
              gboolean    own_line,
              const char *name,
              const char *value)
{
  g_string_append (out, own_line ? "\n    " : " ");
  g_string_append (out, name);
  g_string_append_c (out, '=');
  append_value (out, value);
}

char *
byline_image_fields_to_shortcode (const BylineImageFields *self)
{
  GString *out;
  gboolean link_first;
  gboolean multiline = FALSE;
  const char *rest[][2] = {
    { "alt", self != NULL ? self->alt : NULL },
    { "title", self != NULL ? self->title : NULL },
    { "caption", self != NULL ? self->caption : NULL },
  };

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new ("{{< image");

  /* The site keeps the figure's size on the first line and gives every
   * other parameter a line of its own. */
  if (is_set (self->width))
    append_param (out, FALSE, "width", self->width);
  if (is_set (self->ratio))
    append_param (out, FALSE, "ratio", self->ratio);

  link_first = !is_set (self->width) && !is_set (self->ratio);
  append_param (out, !link_first, "link", self->link != NULL ? self->link : "");
  multiline = !link_first;

  for (guint i = 0; i < G_N_ELEMENTS (rest); i++)
    if (is_set (rest[i][1]))
      {
        append_param (out, TRUE, rest[i][0], rest[i][1]);
        multiline = TRUE;
      }

  for (guint i = 0; i + 1 < self->extra->len; i += 2)
    {
      append_param (out, TRUE, g_ptr_array_index (self->extra, i),
                    g_ptr_array_index (self->extra, i + 1));
      multiline = TRUE;
    }

  g_string_append (out, multiline ? "\n    >}}" : " >}}");
  return g_string_free (out, FALSE);
}

static gboolean
is_image_call (const BylineShortcode *call)
{
  return (call->kind == BYLINE_SHORTCODE_OPEN || call->kind == BYLINE_SHORTCODE_SELF_CLOSING) &&
         g_strcmp0 (call->name, "image") == 0;
}

BylineImageFields *
byline_image_fields_new_from_call (const BylineShortcode *call)
{
  BylineImageFields *self;
  guint seen = 0;

  g_return_val_if_fail (call != NULL, NULL);

  if (!is_image_call (call))
    return NULL;

  self = byline_image_fields_new ();
  for (guint i = 0; i < call->params->len; i++)
    {
      const BylineShortcodeParam *param = g_ptr_array_index (call->params, i);
      BylineImageField field;

      if (param->name == NULL)
        continue;

      /* Hugo reads the first of repeated names, as byline_shortcode_get_param() does. */
      if (byline_image_field_from_param (param->name, &field))
        {
          if ((seen & (1u << field)) == 0)
            {
              seen |= 1u << field;
              byline_image_fields_set (self, field, param->value);
            }
        }
      else
        {
          g_ptr_array_add (self->extra, g_strdup (param->name));
          g_ptr_array_add (self->extra, g_strdup (param->value));
        }
    }

  return self;
}

const BylineShortcode *
byline_image_find_call (const BylineShortcodeList *list,
                        gsize                      offset)
{
  g_return_val_if_fail (list != NULL, NULL);

  for (guint i = 0; i < list->calls->len; i++)
    {
      const BylineShortcode *call = g_ptr_array_index (list->calls, i);

      if (call->span.start > offset)
        break;
      if (offset <= call->span.end && is_image_call (call))
        return call;
    }

  return NULL;
}

BylineTextPatch *
byline_image_replace_patch (const BylineShortcode   *call,
                            const BylineImageFields *fields)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (call != NULL, NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  text = byline_image_fields_to_shortcode (fields);
  return byline_text_patch_new (call->span.start, call->span.end - call->span.start, text);
}

BylineTextPatch *
byline_image_insert_patch (const char *text,
                           gsize       length,
                           gsize       offset,
                           const char *shortcode,
                           gsize      *shortcode_offset)
{
  const char *lead;
  const char *trail;
  guint before = 0;
  guint after = 0;
  g_autofree char *insert = NULL;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (offset <= length, NULL);
  g_return_val_if_fail (shortcode != NULL, NULL);

  while (before < 2 && before < offset && text[offset - 1 - before] == '\n')
    before++;
  while (after < 2 && offset + after < length && text[offset + after] == '\n')
    after++;

  /* A figure is a block of its own: a blank line keeps it out of the
   * paragraph before and after it. */
  if (offset == 0 || before >= 2)
    lead = "";
  else if (before == 1)
    lead = "\n";
  else
    lead = "\n\n";

  if (offset == length)
    trail = "\n";
  else if (after >= 2 || (after == 1 && offset + 1 == length))
    trail = "";
  else if (after == 1)
    trail = "\n";
  else
    trail = "\n\n";

  if (shortcode_offset != NULL)
    *shortcode_offset = offset + strlen (lead);

  insert = g_strconcat (lead, shortcode, trail, NULL);
  return byline_text_patch_new (offset, 0, insert);
}

/* Sizes */

char *
byline_image_format_ratio (int width,
                           int height)
{
  guint64 hundredths;
  guint64 whole;
  guint64 fraction;

  if (width <= 0 || height <= 0)
    return NULL;

  /* Integer arithmetic keeps the text free of the locale's decimal mark. */
  hundredths = ((guint64) height * 10000 + (guint64) width / 2) / (guint64) width;
  whole = hundredths / 100;
  fraction = hundredths % 100;

  if (fraction == 0)
    return g_strdup_printf ("%" G_GUINT64_FORMAT "%%", whole);
  if (fraction % 10 == 0)
    return g_strdup_printf ("%" G_GUINT64_FORMAT ".%" G_GUINT64_FORMAT "%%", whole, fraction / 10);
  return g_strdup_printf ("%" G_GUINT64_FORMAT ".%02" G_GUINT64_FORMAT "%%", whole, fraction);
}

const char *
byline_image_get_default_width (BylineProfile *profile)
{
  const char * const *widths;

  g_return_val_if_fail (BYLINE_IS_PROFILE (profile), NULL);

  widths = byline_profile_get_image_widths (profile);
  if (g_strv_contains (widths, "75%"))
    return "75%";
  return widths[0];
}

gboolean
byline_image_needs_ratio (BylineProfile *profile,
                          const char    *link)
{
  const BylineShortcodeSpec *spec;
  const BylineParamSpec *param;

  g_return_val_if_fail (profile == NULL || BYLINE_IS_PROFILE (profile), FALSE);

  if (link != NULL && byline_bundle_classify_link (link, NULL) == BYLINE_LINK_EXTERNAL)
    return TRUE;
  if (profile == NULL)
    return FALSE;

  spec = byline_profile_lookup_shortcode (profile, "image");
  param = spec != NULL ? byline_shortcode_spec_lookup_param (spec, "ratio") : NULL;
  return param != NULL && param->required;
}
