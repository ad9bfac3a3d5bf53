/* fuzz-image-shortcode.c — the image shortcode's text, written and read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a post body, optionally followed by field values after NUL
 * bytes (link, width, ratio, alt, title, caption):
 *
 *   BODY [\0 VALUE]…
 *
 * Fields made of the values, written as a shortcode, scan as one image call
 * without problems that reads back as the same fields. Each image call of
 * the body, rewritten from its own fields, reads back the same and leaves
 * the rest of the text as it was. Line breaks and tabs in values become
 * spaces, as byline_image_fields_to_shortcode() documents.
 */

#include "config.h"

#include "fuzz-common.h"

#include "byline-image-shortcode.h"
#include "byline-shortcode.h"

/* What a value reads back as once written. */
static char *
written_value (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\r' && p[1] == '\n')
        continue;
      g_string_append_c (out, *p == '\r' || *p == '\n' || *p == '\t' ? ' ' : *p);
    }
  return g_string_free (out, FALSE);
}

static BylineImageFields *
written_fields (const BylineImageFields *fields)
{
  BylineImageFields *copy = byline_image_fields_copy (fields);

  for (BylineImageField field = BYLINE_IMAGE_FIELD_LINK; field <= BYLINE_IMAGE_FIELD_CAPTION;
       field++)
    {
      g_autofree char *value = written_value (byline_image_fields_get (fields, field));

      byline_image_fields_set (copy, field, value);
    }
  for (guint i = 1; i < copy->extra->len; i += 2)
    {
      char *value = written_value (g_ptr_array_index (copy->extra, i));

      g_free (g_ptr_array_index (copy->extra, i));
      g_ptr_array_index (copy->extra, i) = value;
    }
  return copy;
}

static char *
describe (const BylineImageFields *fields)
{
  g_autofree char *text = byline_image_fields_to_shortcode (fields);

  return g_strescape (text, "\"");
}

/* The image call that starts at @offset of @text, scanned alone. */
static BylineImageFields *
read_back (const char *text,
           gsize       length,
           gsize       offset,
           gboolean    alone)
{
  g_autoptr(BylineLineIndex) lines = byline_line_index_new (text, length);
  g_autoptr(BylineShortcodeList) list = byline_shortcode_scan (text, 0, length, lines);

  if (alone)
    {
      g_autoptr(GString) problems = g_string_new (NULL);

      for (guint i = 0; i < list->problems->len; i++)
        g_string_append_printf (problems, " %s",
                                ((BylineShortcodeProblem *) list->problems->pdata[i])->message);
      FUZZ_CHECK (list->calls->len == 1 && list->problems->len == 0,
                  "“%s” scans as %u calls, with problems:%s", text, list->calls->len,
                  problems->str);
    }

  for (guint i = 0; i < list->calls->len; i++)
    {
      const BylineShortcode *call = g_ptr_array_index (list->calls, i);

      if (call->span.start == offset)
        return byline_image_fields_new_from_call (call);
    }
  return NULL;
}

static void
check_fields (const BylineImageFields *fields)
{
  g_autofree char *text = byline_image_fields_to_shortcode (fields);
  g_autoptr(BylineImageFields) expected = written_fields (fields);
  g_autoptr(BylineImageFields) back = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *got = NULL;

  fuzz_check_utf8 ("the shortcode", text, -1);
  back = read_back (text, strlen (text), 0, TRUE);
  FUZZ_CHECK (back != NULL, "“%s” is not an image call", text);
  wanted = describe (expected);
  got = back != NULL ? describe (back) : NULL;
  FUZZ_CHECK (byline_image_fields_equal (back, expected), "“%s” reads back as “%s”", wanted, got);
}

static void
check_body (const char *text,
            gsize       length)
{
  g_autoptr(BylineLineIndex) lines = byline_line_index_new (text, length);
  g_autoptr(BylineShortcodeList) list = byline_shortcode_scan (text, 0, length, lines);

  for (guint i = 0; i < list->calls->len; i++)
    {
      const BylineShortcode *call = g_ptr_array_index (list->calls, i);
      g_autoptr(BylineImageFields) fields = byline_image_fields_new_from_call (call);
      g_autoptr(BylineImageFields) expected = NULL;
      g_autoptr(BylineImageFields) back = NULL;
      g_autoptr(BylineTextPatch) patch = NULL;
      g_autoptr(GString) edited = NULL;

      if (fields == NULL)
        continue;

      check_fields (fields);

      patch = byline_image_replace_patch (call, fields);
      FUZZ_CHECK (patch->offset == call->span.start &&
                  patch->length == call->span.end - call->span.start,
                  "the patch of call %u is not its span", i);
      edited = g_string_new_len (text, length);
      byline_text_patch_apply (patch, edited);
      back = read_back (edited->str, edited->len, call->span.start, FALSE);
      expected = written_fields (fields);
      FUZZ_CHECK (back != NULL && byline_image_fields_equal (back, expected),
                  "call %u does not read back after its rewrite", i);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *input = NULL;
  g_autoptr(BylineImageFields) fields = byline_image_fields_new ();
  gsize length;
  BylineImageField field = BYLINE_IMAGE_FIELD_LINK;

  fuzz_init ();

  input = fuzz_dup (data, size);
  length = strlen (input);
  if (!g_utf8_validate (input, length, NULL))
    return 0;
  check_body (input, length);

  for (gsize p = length; p < size && field <= BYLINE_IMAGE_FIELD_CAPTION;
       p += strlen (input + p + 1) + 1, field++)
    {
      if (!g_utf8_validate (input + p + 1, -1, NULL))
        return 0;
      byline_image_fields_set (fields, field, input + p + 1);
    }
  check_fields (fields);

  return 0;
}
