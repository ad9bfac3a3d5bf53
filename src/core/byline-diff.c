/* byline-diff.c — the lines two versions of a text differ in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Myers' O((N+M)D) algorithm ("An O(ND) Difference Algorithm and Its
 * Variations", 1986) over lines, after the common first and last lines are
 * set aside, written out in the unified format GNU diff documents
 * ("Detailed Description of Unified Format" in the diffutils manual).
 */

#define G_LOG_DOMAIN "byline-diff"

#include "config.h"

#include "byline-diff.h"

#include <string.h>

/* Beyond this many differing lines the script is not worth its memory
 * (the trace grows with the square of it): the middle is shown replaced. */
#define MAX_EDITS 1000

typedef struct
{
  const char *start;
  gsize       length;  /* with the line's '\n', when it has one */
  guint       hash;
} Line;

typedef enum
{
  EDIT_EQUAL,
  EDIT_DELETE,
  EDIT_INSERT,
} EditKind;

typedef struct
{
  EditKind kind;
  int      old_line;  /* 0-based; -1 for an insertion */
  int      new_line;  /* 0-based; -1 for a deletion */
} Edit;

static GArray *
split_lines (const char *text)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  const char *p = text;

  while (*p != '\0')
    {
      const char *eol = strchr (p, '\n');
      Line line;

      line.start = p;
      line.length = eol != NULL ? (gsize) (eol - p + 1) : strlen (p);
      line.hash = 5381;
      for (gsize i = 0; i < line.length; i++)
        line.hash = line.hash * 33 + (guchar) p[i];
      g_array_append_val (lines, line);

      p += line.length;
    }

  return lines;
}

static gboolean
line_equal (const Line *a,
            const Line *b)
{
  return a->hash == b->hash && a->length == b->length
         && memcmp (a->start, b->start, a->length) == 0;
}

static void
push_edit (GArray   *script,
           EditKind  kind,
           int       old_line,
           int       new_line)
{
  Edit edit = { kind, old_line, new_line };

  g_array_append_val (script, edit);
}

/* Appends the edits from a[0..n) to b[0..m) to @script, the shortest way;
 * FALSE (and nothing appended) when that takes more than MAX_EDITS. The
 * line numbers written are offset by @old_base and @new_base. */
static gboolean
myers (const Line *a,
       int         n,
       const Line *b,
       int         m,
       int         old_base,
       int         new_base,
       GArray     *script)
{
  int max = n + m;
  int limit = MIN (max, MAX_EDITS);
  int offset = max + 1;
  g_autofree int *v = g_new0 (int, 2 * (gsize) max + 3);
  g_autoptr(GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) reversed = g_array_new (FALSE, FALSE, sizeof (Edit));
  int found = -1;
  int x, y;

  for (int d = 0; d <= limit && found < 0; d++)
    {
      /* The furthest x of each diagonal k in [-d-1, d+1] before this step. */
      g_ptr_array_add (trace, g_memdup2 (v + offset - d - 1, (2 * (gsize) d + 3) * sizeof (int)));

      for (int k = -d; k <= d; k += 2)
        {
          if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
            x = v[offset + k + 1];
          else
            x = v[offset + k - 1] + 1;
          y = x - k;

          while (x < n && y < m && line_equal (&a[x], &b[y]))
            x++, y++;

          v[offset + k] = x;
          if (x >= n && y >= m)
            {
              found = d;
              break;
            }
        }
    }

  if (found < 0)
    return FALSE;

  /* Back from (n, m) to (0, 0), one step of the trace at a time. */
  x = n;
  y = m;
  for (int d = found; d >= 0; d--)
    {
      const int *snapshot = g_ptr_array_index (trace, d);
      int k = x - y;
      int prev_k, prev_x, prev_y;

#define SNAPSHOT(kk) snapshot[(kk) + d + 1]
      if (k == -d || (k != d && SNAPSHOT (k - 1) < SNAPSHOT (k + 1)))
        prev_k = k + 1;
      else
        prev_k = k - 1;
      prev_x = SNAPSHOT (prev_k);
#undef SNAPSHOT
      prev_y = prev_x - prev_k;

      while (x > prev_x && y > prev_y)
        {
          push_edit (reversed, EDIT_EQUAL, old_base + x - 1, new_base + y - 1);
          x--;
          y--;
        }

      if (d > 0)
        {
          if (x == prev_x)
            push_edit (reversed, EDIT_INSERT, -1, new_base + y - 1);
          else
            push_edit (reversed, EDIT_DELETE, old_base + x - 1, -1);
        }

      x = prev_x;
      y = prev_y;
    }

  for (guint i = reversed->len; i > 0; i--)
    g_array_append_val (script, g_array_index (reversed, Edit, i - 1));

  return TRUE;
}

static void
append_line (GString    *out,
             char        prefix,
             const Line *line)
{
  gboolean has_newline = line->length > 0 && line->start[line->length - 1] == '\n';

  g_string_append_c (out, prefix);
  g_string_append_len (out, line->start, (gssize) (line->length - (has_newline ? 1 : 0)));
  g_string_append_c (out, '\n');
  if (!has_newline)
    g_string_append (out, "\\ No newline at end of file\n");
}

/* "l,s", or "l" alone for one line; an empty range names the line before it. */
static void
append_range (GString *out,
              int      first,
              int      count)
{
  if (count == 1)
    g_string_append_printf (out, "%d", first + 1);
  else if (count == 0)
    g_string_append_printf (out, "%d,0", first);
  else
    g_string_append_printf (out, "%d,%d", first + 1, count);
}

static void
append_hunk (GString      *out,
             const GArray *script,
             guint         begin,
             guint         end,
             const GArray *old_lines,
             const GArray *new_lines,
             int           old_first,
             int           new_first)
{
  int old_count = 0;
  int new_count = 0;

  for (guint i = begin; i < end; i++)
    {
      const Edit *edit = &g_array_index (script, Edit, i);

      old_count += edit->kind != EDIT_INSERT;
      new_count += edit->kind != EDIT_DELETE;
    }

  g_string_append (out, "@@ -");
  append_range (out, old_first, old_count);
  g_string_append (out, " +");
  append_range (out, new_first, new_count);
  g_string_append (out, " @@\n");

  for (guint i = begin; i < end; i++)
    {
      const Edit *edit = &g_array_index (script, Edit, i);

      switch (edit->kind)
        {
        case EDIT_EQUAL:
          append_line (out, ' ', &g_array_index (old_lines, Line, edit->old_line));
          break;

        case EDIT_DELETE:
          append_line (out, '-', &g_array_index (old_lines, Line, edit->old_line));
          break;

        case EDIT_INSERT:
          append_line (out, '+', &g_array_index (new_lines, Line, edit->new_line));
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

char *
byline_diff_unified (const char *old_text,
                     const char *new_text,
                     guint       context)
{
  g_autoptr(GArray) old_lines = NULL;
  g_autoptr(GArray) new_lines = NULL;
  g_autoptr(GArray) script = NULL;
  g_autoptr(GString) out = NULL;
  const Line *a, *b;
  int n, m, prefix = 0, suffix = 0;
  guint i;

  g_return_val_if_fail (old_text != NULL, NULL);
  g_return_val_if_fail (new_text != NULL, NULL);

  if (g_str_equal (old_text, new_text))
    return NULL;

  old_lines = split_lines (old_text);
  new_lines = split_lines (new_text);
  a = (const Line *) (gpointer) old_lines->data;
  b = (const Line *) (gpointer) new_lines->data;
  n = (int) old_lines->len;
  m = (int) new_lines->len;

  while (prefix < n && prefix < m && line_equal (&a[prefix], &b[prefix]))
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix
         && line_equal (&a[n - 1 - suffix], &b[m - 1 - suffix]))
    suffix++;

  script = g_array_new (FALSE, FALSE, sizeof (Edit));
  for (int j = 0; j < prefix; j++)
    push_edit (script, EDIT_EQUAL, j, j);

  if (!myers (a + prefix, n - prefix - suffix, b + prefix, m - prefix - suffix,
              prefix, prefix, script))
    {
      for (int j = prefix; j < n - suffix; j++)
        push_edit (script, EDIT_DELETE, j, -1);
      for (int j = prefix; j < m - suffix; j++)
        push_edit (script, EDIT_INSERT, -1, j);
    }

  for (int j = 0; j < suffix; j++)
    push_edit (script, EDIT_EQUAL, n - suffix + j, m - suffix + j);

  /* Hunks: the changes with @context lines around them, merged where the
   * unchanged lines between two changes would not fill two contexts. */
  out = g_string_new (NULL);
  i = 0;
  while (i < script->len)
    {
      guint first_change, last_change, begin, end;
      int old_first = 0, new_first = 0;

      while (i < script->len && g_array_index (script, Edit, i).kind == EDIT_EQUAL)
        i++;
      if (i == script->len)
        break;

      first_change = last_change = i;
      for (guint j = i + 1; j < script->len; j++)
        {
          if (g_array_index (script, Edit, j).kind == EDIT_EQUAL)
            continue;
          if (j - last_change - 1 > 2 * context)
            break;
          last_change = j;
        }

      begin = first_change > context ? first_change - context : 0;
      end = MIN (last_change + 1 + context, script->len);

      /* Where the hunk starts in each text: the lines before it. */
      for (guint j = 0; j < begin; j++)
        {
          const Edit *edit = &g_array_index (script, Edit, j);

          old_first += edit->kind != EDIT_INSERT;
          new_first += edit->kind != EDIT_DELETE;
        }

      append_hunk (out, script, begin, end, old_lines, new_lines, old_first, new_first);
      i = end;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
