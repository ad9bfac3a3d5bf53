/* byline-post.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-post"

#include "config.h"

#include "byline-post.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _BylinePost
{
  GObject parent_instance;

  char *text;
  gsize length;
  BylineLineIndex *lines;
  BylinePostLayout layout;
  GError *layout_error;
  BylineFrontMatter *front_matter;
  GError *front_matter_error;
  BylineSpan front_matter_error_span;
  BylineShortcodeList *shortcodes;
};

G_DEFINE_FINAL_TYPE (BylinePost, byline_post, G_TYPE_OBJECT)

static void
byline_post_finalize (GObject *object)
{
  BylinePost *self = (BylinePost *) object;

  g_clear_pointer (&self->shortcodes, byline_shortcode_list_free);
  g_clear_object (&self->front_matter);
  g_clear_error (&self->front_matter_error);
  g_clear_error (&self->layout_error);
  g_clear_pointer (&self->lines, byline_line_index_free);
  g_free (self->text);

  G_OBJECT_CLASS (byline_post_parent_class)->finalize (object);
}

static void
byline_post_class_init (BylinePostClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_post_finalize;
}

static void
byline_post_init (BylinePost *self)
{
}

static gboolean
is_text_error (const GError *error)
{
  return g_error_matches (error, BYLINE_POST_LAYOUT_ERROR, BYLINE_POST_LAYOUT_ERROR_INVALID_UTF8) ||
         g_error_matches (error, BYLINE_POST_LAYOUT_ERROR, BYLINE_POST_LAYOUT_ERROR_BINARY);
}

static void
byline_post_parse (BylinePost *self)
{
  self->lines = byline_line_index_new (self->text, self->length);

  byline_post_layout_parse (&self->layout, self->text, self->length, &self->layout_error);

  /* Text that is not UTF-8 is not parsed further: every later stage assumes
   * valid UTF-8, and the user must fix the file before anything else. */
  if (is_text_error (self->layout_error))
    {
      self->shortcodes = byline_shortcode_scan (self->text, 0, 0, self->lines);
      return;
    }

  if (self->layout.kind != BYLINE_FRONT_MATTER_NONE && self->layout_error == NULL)
    self->front_matter = byline_front_matter_parse (self->text, &self->layout,
                                                    &self->front_matter_error_span,
                                                    &self->front_matter_error);

  self->shortcodes = byline_shortcode_scan (self->text, self->layout.body_start,
                                            self->length, self->lines);
}

BylinePost *
byline_post_new (const char *text,
                 gssize      length)
{
  BylinePost *self;

  g_return_val_if_fail (text != NULL || length <= 0, NULL);

  if (text == NULL)
    text = "";
  if (length < 0)
    length = strlen (text);

  self = g_object_new (BYLINE_TYPE_POST, NULL);
  self->text = g_strndup (text, length);
  self->length = length;
  byline_post_parse (self);

  return self;
}

BylinePost *
byline_post_new_from_file (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  BylinePost *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  self = g_object_new (BYLINE_TYPE_POST, NULL);
  self->text = g_steal_pointer (&contents);
  self->length = length;
  byline_post_parse (self);

  return self;
}

const char *
byline_post_get_text (BylinePost *self)
{
  g_return_val_if_fail (BYLINE_IS_POST (self), NULL);
  return self->text;
}

gsize
byline_post_get_length (BylinePost *self)
{
  g_return_val_if_fail (BYLINE_IS_POST (self), 0);
  return self->length;
}

const BylineLineIndex *
byline_post_get_lines (BylinePost *self)
{
  g_return_val_if_fail (BYLINE_IS_POST (self), NULL);
  return self->lines;
}

const BylinePostLayout *
byline_post_get_layout (BylinePost *self)
{
  g_return_val_if_fail (BYLINE_IS_POST (self), NULL);
  return &self->layout;
}

const GError *
byline_post_get_layout_error (BylinePost *self)
{
  g_return_val_if_fail (BYLINE_IS_POST (self), NULL);
  return self->layout_error;
}

BylineFrontMatter *
byline_post_get_front_matter (BylinePost *self)
{
  g_return_val_if_fail (BYLINE_IS_POST (self), NULL);
  return self->front_matter;
}

const GError *
byline_post_get_front_matter_error (BylinePost *self,
                                    BylineSpan *span)
{
  g_return_val_if_fail (BYLINE_IS_POST (self), NULL);

  if (span != NULL && self->front_matter_error != NULL)
    *span = self->front_matter_error_span;
  return self->front_matter_error;
}

const BylineShortcodeList *
byline_post_get_shortcodes (BylinePost *self)
{
  g_return_val_if_fail (BYLINE_IS_POST (self), NULL);
  return self->shortcodes;
}
