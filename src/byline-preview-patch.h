/* byline-preview-patch.h — what the preview's page needs to catch up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to BylinePreview: block lists and the bylinePatch() call that
 * takes the page from one rendering to the next (see preview/preview.js).
 */

#pragma once

#include "byline-renderer.h"

G_BEGIN_DECLS

/* The script that turns the page from @old_header and @old_blocks (NULL: an
 * empty page) into @new_header and @new_blocks: the blocks between the
 * common prefix and suffix are replaced, the others keep their nodes and
 * only get their line numbers moved. The page reports @seq when done. */
char      *byline_preview_patch_build  (guint       seq,
                                        const char *old_header,
                                        GPtrArray  *old_blocks,
                                        const char *new_header,
                                        GPtrArray  *new_blocks);

G_END_DECLS
