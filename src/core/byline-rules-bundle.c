/* byline-rules-bundle.c — rules about the files of the post's page bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-linter"

#include "config.h"

#include "byline-linter-private.h"

#include "byline-photo.h"

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
      g_autofree char *shown = NULL;

      if (g_hash_table_contains (ctx->references, files[i]))
        continue;

      /* File names need not be UTF-8; messages must be. */
      shown = g_filename_display_name (files[i]);
      byline_lint_report (ctx, where, where, NULL,
                          _("“%s” in the post’s folder is not used by the post: link it "
                            "or remove the file, the site publishes it anyway"),
                          shown);
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

/* Where the post shows @name, or the front matter's first line when it
 * does not. */
static void
locate_file (BylineLintContext *ctx,
             const char        *name,
             gsize             *start,
             gsize             *end)
{
  const BylineSpan *reference = g_hash_table_lookup (ctx->references, name);

  *start = reference != NULL ? reference->start : ctx->layout->block_start;
  *end = reference != NULL ? reference->end : *start;
}

static BylinePhotoInfo *
lookup_photo (BylineLintContext *ctx,
              const char        *name)
{
  g_autoptr(GFile) file = g_file_get_child (byline_bundle_get_folder (ctx->bundle), name);

  return byline_photo_info_lookup (file);
}

static gboolean
is_svg_name (const char *name)
{
  gsize len = strlen (name);

  return len > 4 && g_ascii_strcasecmp (name + len - 4, ".svg") == 0;
}

void
byline_rule_bundle_large_image (BylineLintContext *ctx)
{
  const char * const *files;
  guint64 limit;
  guint max_width;

  if (ctx->bundle == NULL || byline_bundle_get_folder (ctx->bundle) == NULL ||
      !byline_bundle_is_page_bundle (ctx->bundle))
    return;

  limit = byline_profile_get_large_image_bytes (ctx->profile);
  max_width = byline_profile_get_image_max_width (ctx->profile);
  if (limit == 0 && max_width == 0)
    return;

  files = byline_bundle_get_files (ctx->bundle);
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      g_autoptr(BylinePhotoInfo) info = NULL;
      guint64 size;
      gsize start, end;
      gboolean heavy;
      gboolean wide;
      g_autofree char *size_text = NULL;
      g_autofree char *limit_text = NULL;
      g_autofree char *shown = NULL;

      if (!is_image_name (files[i]))
        continue;
      size = byline_bundle_get_file_size (ctx->bundle, files[i]);
      heavy = limit > 0 && size > limit;

      /* An SVG scales without losing anything: only its bytes count. */
      if ((heavy || max_width > 0) && !is_svg_name (files[i]))
        info = lookup_photo (ctx, files[i]);
      wide = info != NULL && max_width > 0 && info->width > (int) max_width;
      if (!heavy && !wide)
        continue;

      locate_file (ctx, files[i], &start, &end);
      size_text = g_format_size (size);
      limit_text = g_format_size (limit);
      shown = g_filename_display_name (files[i]);

      if (wide && heavy)
        byline_lint_report (ctx, start, end, NULL,
                            _("Image “%s” is %d×%d pixels and %s, more than the site’s %u "
                              "pixels wide and %s: scale it down, readers download it with "
                              "the page"),
                            shown, info->width, info->height, size_text, max_width,
                            limit_text);
      else if (wide)
        byline_lint_report (ctx, start, end, NULL,
                            _("Image “%s” is %d×%d pixels, wider than the site’s %u: scale "
                              "it down, readers download more than the page shows"),
                            shown, info->width, info->height, max_width);
      else if (info != NULL && info->width > 0)
        byline_lint_report (ctx, start, end, NULL,
                            _("Image “%s” is %d×%d pixels and %s, more than %s: compress it, "
                              "readers download it with the page"),
                            shown, info->width, info->height, size_text, limit_text);
      else
        byline_lint_report (ctx, start, end, NULL,
                            _("Image “%s” is %s, more than %s: scale it down or compress it, "
                              "readers download it with the page"),
                            shown, size_text, limit_text);

      if (wide && byline_photo_format_can_encode (info->format))
        {
          g_autoptr(GFile) file = g_file_get_child (byline_bundle_get_folder (ctx->bundle),
                                                    files[i]);
          BylineFileFix *fix;

          fix = byline_file_fix_new (BYLINE_FILE_FIX_SHRINK, file,
                                     g_strdup_printf (_("Resize “%s” to %u pixels wide"),
                                                      shown, max_width));
          fix->max_width = max_width;
          fix->jpeg_quality = byline_profile_get_jpeg_quality (ctx->profile);
          byline_lint_attach_file_fix (ctx, fix);
        }
    }
}

void
byline_rule_bundle_photo_location (BylineLintContext *ctx)
{
  const char * const *files;

  /* A loose post's folder holds other posts' pictures too. */
  if (ctx->bundle == NULL || byline_bundle_get_folder (ctx->bundle) == NULL ||
      !byline_bundle_is_page_bundle (ctx->bundle))
    return;

  files = byline_bundle_get_files (ctx->bundle);
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      g_autoptr(BylinePhotoInfo) info = NULL;
      g_autoptr(GFile) file = NULL;
      g_autofree char *where = NULL;
      g_autofree char *shown = NULL;
      gsize start, end;

      if (!is_image_name (files[i]) || is_svg_name (files[i]))
        continue;
      info = lookup_photo (ctx, files[i]);
      if (info == NULL || !info->has_location)
        continue;
      shown = g_filename_display_name (files[i]);

      /* Unused pictures are published too: every one counts. */
      locate_file (ctx, files[i], &start, &end);
      where = byline_photo_info_dup_location (info);
      if (where != NULL)
        byline_lint_report (ctx, start, end, NULL,
                            _("“%s” records where it was taken, near %s: remove the location, "
                              "anyone can read it from the published picture"),
                            shown, where);
      else
        byline_lint_report (ctx, start, end, NULL,
                            _("“%s” carries GPS tags: remove the location, anyone can read it "
                              "from the published picture"),
                            shown);

      file = g_file_get_child (byline_bundle_get_folder (ctx->bundle), files[i]);
      byline_lint_attach_file_fix (ctx,
                                   byline_file_fix_new (BYLINE_FILE_FIX_REMOVE_LOCATION, file,
                                                        g_strdup_printf (_("Remove the location "
                                                                           "from “%s”"),
                                                                         shown)));
    }
}
