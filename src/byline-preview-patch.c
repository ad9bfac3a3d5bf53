/* byline-preview-patch.c — what the preview's page needs to catch up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Typing changes one block, sometimes a few, and moves the line numbers of
 * the blocks below. The patch replaces the blocks between the common prefix
 * and the common suffix (compared by HTML, which is linear in the size of
 * the post) and sends the others only as runs of line shifts, so that their
 * nodes, and the pictures in them, stay as they are.
 */

#define G_LOG_DOMAIN "byline-preview"

#include "config.h"

#include "byline-preview-patch.h"

#include <string.h>

static void
append_line_run (GString  *script,
                 gboolean *first_run,
                 guint     start,
                 guint     count,
                 int       delta_first,
                 int       delta_last)
{
  if (count == 0 || (delta_first == 0 && delta_last == 0))
    return;
  g_string_append_printf (script, "%s[%u,%u,%d,%d]",
                          *first_run ? "" : ",", start, count, delta_first, delta_last);
  *first_run = FALSE;
}

/* Appends runs of blocks that kept their HTML but whose lines moved:
 * [first index, count, change of first_line, change of last_line]. */
static void
append_line_changes (GString    *script,
                     gboolean   *first_run,
                     GPtrArray  *old_blocks,
                     guint       old_start,
                     GPtrArray  *new_blocks,
                     guint       new_start,
                     guint       count)
{
  guint run_start = new_start;
  guint run_count = 0;
  int run_first = 0;
  int run_last = 0;

  for (guint i = 0; i < count; i++)
    {
      const BylineBlock *old_block = g_ptr_array_index (old_blocks, old_start + i);
      const BylineBlock *new_block = g_ptr_array_index (new_blocks, new_start + i);
      int delta_first = (int) new_block->first_line - (int) old_block->first_line;
      int delta_last = (int) new_block->last_line - (int) old_block->last_line;

      if (run_count > 0 && delta_first == run_first && delta_last == run_last)
        {
          run_count++;
          continue;
        }
      append_line_run (script, first_run, run_start, run_count, run_first, run_last);
      run_start = new_start + i;
      run_count = 1;
      run_first = delta_first;
      run_last = delta_last;
    }
  append_line_run (script, first_run, run_start, run_count, run_first, run_last);
}

static gboolean
same_html (GPtrArray *old_blocks,
           guint      old_index,
           GPtrArray *new_blocks,
           guint      new_index)
{
  const BylineBlock *old_block = g_ptr_array_index (old_blocks, old_index);
  const BylineBlock *new_block = g_ptr_array_index (new_blocks, new_index);

  return strcmp (old_block->html, new_block->html) == 0;
}

char *
byline_preview_patch_build (guint       seq,
                            const char *old_header,
                            GPtrArray  *old_blocks,
                            const char *new_header,
                            GPtrArray  *new_blocks)
{
  guint n_old = old_blocks != NULL ? old_blocks->len : 0;
  guint n_new = new_blocks->len;
  guint shorter = MIN (n_old, n_new);
  guint prefix = 0;
  guint suffix = 0;
  gboolean first_run = TRUE;
  GString *script = g_string_new (NULL);

  while (prefix < shorter && same_html (old_blocks, prefix, new_blocks, prefix))
    prefix++;
  while (suffix < shorter - prefix
         && same_html (old_blocks, n_old - 1 - suffix, new_blocks, n_new - 1 - suffix))
    suffix++;

  g_string_append_printf (script, "bylinePatch({seq:%u,start:%u,remove:%u,",
                          seq, prefix, n_old - prefix - suffix);

  if (old_blocks == NULL || g_strcmp0 (old_header, new_header) != 0)
    {
      g_string_append (script, "header:");
      byline_json_string_append (script, new_header);
      g_string_append_c (script, ',');
    }

  g_string_append (script, "insert:[");
  for (guint i = prefix; i < n_new - suffix; i++)
    {
      const BylineBlock *block = g_ptr_array_index (new_blocks, i);

      if (i > prefix)
        g_string_append_c (script, ',');
      g_string_append_c (script, '[');
      byline_json_string_append (script, block->html);
      g_string_append_printf (script, ",%u,%u]", block->first_line, block->last_line);
    }
  g_string_append (script, "],lines:[");
  if (old_blocks != NULL)
    {
      append_line_changes (script, &first_run, old_blocks, 0, new_blocks, 0, prefix);
      append_line_changes (script, &first_run, old_blocks, n_old - suffix,
                           new_blocks, n_new - suffix, suffix);
    }
  g_string_append (script, "]});");

  return g_string_free (script, FALSE);
}
