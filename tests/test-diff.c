/* test-diff.c — byline_diff_unified() against GNU diff's unified format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expected hunks are what GNU diff 3.8 (`diff -u`, Debian 12) prints for
 * the same two texts, without its two file name lines; the format is the
 * one the diffutils manual describes under "Detailed Description of Unified
 * Format": "@@ -l,s +l,s @@", a range of one line written as its start
 * alone, an empty range as the line before it, and "\ No newline at end of
 * file" after a last line without one.
 */

#include "config.h"

#include "byline-diff.h"

typedef struct
{
  const char *name;
  const char *old_text;
  const char *new_text;
  const char *expected;
} DiffCase;

static const DiffCase cases[] = {
  { "equal", "a\nb\n", "a\nb\n", NULL },
  { "insert", "a\nb\nc\n", "a\nb\nX\nc\n",
    "@@ -1,3 +1,4 @@\n a\n b\n+X\n c\n" },
  { "delete", "a\nb\nc\n", "a\nc\n",
    "@@ -1,3 +1,2 @@\n a\n-b\n c\n" },
  { "into-empty", "", "one\n",
    "@@ -0,0 +1 @@\n+one\n" },
  { "all-removed", "one\ntwo\n", "",
    "@@ -1,2 +0,0 @@\n-one\n-two\n" },
  { "final-newline-added", "a\nb", "a\nb\n",
    "@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n" },
  /* seq 1 20, with 3 and 17 replaced: two hunks, three lines around each. */
  { "two-hunks",
    "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
    "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\nseventeen\n18\n19\n20\n",
    "@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n"
    "@@ -14,7 +14,7 @@\n 14\n 15\n 16\n-17\n+seventeen\n 18\n 19\n 20\n" },
  /* seq 1 12, with 3 and 9 replaced: five lines apart, so one hunk. */
  { "merged-hunks",
    "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n",
    "1\n2\nthree\n4\n5\n6\n7\n8\nnine\n10\n11\n12\n",
    "@@ -1,12 +1,12 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n 7\n 8\n-9\n+nine\n 10\n 11\n 12\n" },
  /* A paragraph typed at the end of a post. */
  { "appended",
    "---\ntitle: A\n---\n\nText.\n",
    "---\ntitle: A\n---\n\nText.\n\nA new paragraph.\n",
    "@@ -3,3 +3,5 @@\n ---\n \n Text.\n+\n+A new paragraph.\n" },
  /* Common lines in the middle of a change are kept, not replaced. */
  { "interleaved", "a\nb\nc\nd\n", "x\nb\ny\nd\n",
    "@@ -1,4 +1,4 @@\n-a\n+x\n b\n-c\n+y\n d\n" },
};

static void
test_case (gconstpointer data)
{
  const DiffCase *c = data;
  g_autofree char *diff = byline_diff_unified (c->old_text, c->new_text, 3);

  g_assert_cmpstr (diff, ==, c->expected);
}

/* Texts differing in every line beyond the limit of the minimal search
 * still give a correct diff: all old lines out, all new ones in. */
static void
test_large (void)
{
  g_autoptr(GString) old_text = g_string_new (NULL);
  g_autoptr(GString) new_text = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new ("@@ -1,3000 +1,3000 @@\n");
  g_autofree char *diff = NULL;

  for (guint i = 0; i < 3000; i++)
    {
      g_string_append_printf (old_text, "old %u\n", i);
      g_string_append_printf (new_text, "new %u\n", i);
    }
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (expected, "-old %u\n", i);
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (expected, "+new %u\n", i);

  diff = byline_diff_unified (old_text->str, new_text->str, 3);
  g_assert_cmpstr (diff, ==, expected->str);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/diff/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/core/diff/large", test_large);

  return g_test_run ();
}
