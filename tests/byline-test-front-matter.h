/* byline-test-front-matter.h — what the front matter tests check after an edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-front-matter.h"

/* Every key of @before but @edited_key is in @after with its text as it
 * was: an edit changes its own key only. */
static inline void
byline_test_assert_others_kept (BylineFrontMatter *before,
                                BylineFrontMatter *after,
                                const char        *edited_key)
{
  for (guint i = 0; i < byline_front_matter_get_n_entries (before); i++)
    {
      const BylineFrontMatterEntry *e = byline_front_matter_get_entry (before, i);
      const BylineFrontMatterEntry *a = byline_front_matter_lookup (after, e->key);

      if (g_strcmp0 (e->key, edited_key) == 0)
        continue;
      g_assert_nonnull (a);
      g_assert_cmpstr (a->raw, ==, e->raw);
    }
}
