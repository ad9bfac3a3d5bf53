/* byline-diff.h — the lines two versions of a text differ in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The difference from @old_text to @new_text as the hunks of a unified diff
 * (the format of `diff -u`, without its two file name lines): each hunk
 * starts with "@@ -l,s +l,s @@" and shows @context unchanged lines around
 * its changes, removed lines with "-" and added ones with "+". NULL when
 * the texts are equal. The diff is minimal (Myers' algorithm) unless the
 * texts differ in very many lines; then the changed middle is shown as
 * removed and added as a whole. */
char *byline_diff_unified (const char *old_text,
                           const char *new_text,
                           guint       context);

G_END_DECLS
