/* byline-rules-bundle.c — rules about the files of the post's page bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-linter"

#include "config.h"

#include "byline-linter-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

void
byline_rule_bundle_unreferenced (BylineLintContext *ctx)
{
  const char * const *files;
  gsize where;

  /* A loose x.md shares its folder with files that are not its own. */
  if (ctx->bundle == NULL || !byline_bundle_is_page_bundle (ctx->bundle))
    return;

  /* The finding is about the folder, not a line: name the front matter's
   * first line, where an editor shows findings about the whole post. */
  where = ctx->layout->block_start;

  files = byline_bundle_get_files (ctx->bundle);
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      if (g_hash_table_contains (ctx->references, files[i]))
        continue;

      byline_lint_report (ctx, where, where, NULL,
                          _("“%s” in the post’s folder is not used by the post: link it "
                            "or remove the file, the site publishes it anyway"),
                          files[i]);
    }
}

static gboolean
is_image_name (const char *name)
{
  static const char * const suffixes[] = {
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif", ".bmp", ".tif", ".tiff",
  };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      gsize len = strlen (name);
      gsize slen = strlen (suffixes[i]);

      if (len > slen && g_ascii_strcasecmp (name + len - slen, suffixes[i]) == 0)
        return TRUE;
    }
  return FALSE;
}

void
byline_rule_bundle_large_image (BylineLintContext *ctx)
{
  const char * const *files;
  guint64 limit;

  if (ctx->bundle == NULL || !byline_bundle_is_page_bundle (ctx->bundle))
    return;

  limit = byline_profile_get_large_image_bytes (ctx->profile);
  if (limit == 0)
    return;

  files = byline_bundle_get_files (ctx->bundle);
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      guint64 size;
      const BylineSpan *reference;
      gsize start, end;
      g_autofree char *size_text = NULL;
      g_autofree char *limit_text = NULL;

      if (!is_image_name (files[i]))
        continue;
      size = byline_bundle_get_file_size (ctx->bundle, files[i]);
      if (size <= limit)
        continue;

      /* Name the place that shows the image, when the post shows it. */
      reference = g_hash_table_lookup (ctx->references, files[i]);
      start = reference != NULL ? reference->start : ctx->layout->block_start;
      end = reference != NULL ? reference->end : start;

      size_text = g_format_size (size);
      limit_text = g_format_size (limit);
      byline_lint_report (ctx, start, end, NULL,
                          _("Image “%s” is %s, more than %s: scale it down or compress it, "
                            "readers download it with the page"),
                          files[i], size_text, limit_text);
    }
}
