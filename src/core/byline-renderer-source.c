/* byline-renderer-source.c — the text the renderer gives cmark, and the way back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A range of the post (the body, or the inner text of a shortcode) becomes
 * Markdown that cmark can read: each shortcode call, with everything up to
 * its closing tag, becomes one placeholder token of letters and digits. A
 * segment map remembers where every byte of that text came from, so that
 * cmark's lines can be turned back into the post's.
 */

#define G_LOG_DOMAIN "byline-renderer"

#include "config.h"

#include "byline-renderer-private.h"

#include <string.h>

/* The 1-based post line holding @offset, by bisection over line starts. */
guint
byline_render_job_line_of (BylineRenderJob *job,
                           gsize            offset,
                           gsize           *line_start)
{
  guint lo = 1;
  guint hi = byline_line_index_get_n_lines (job->lines);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo + 1) / 2;

      if (byline_line_index_line_start (job->lines, mid) <= offset)
        lo = mid;
      else
        hi = mid - 1;
    }

  if (line_start != NULL)
    *line_start = byline_line_index_line_start (job->lines, lo);

  return lo;
}

static const BylineFragmentSegment *
fragment_find_segment (BylineFragment *frag,
                       gsize           out_offset)
{
  guint lo = 0;
  guint hi;

  if (frag->segments->len == 0)
    return NULL;

  hi = frag->segments->len - 1;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo + 1) / 2;

      if (g_array_index (frag->segments, BylineFragmentSegment, mid).out_start <= out_offset)
        lo = mid;
      else
        hi = mid - 1;
    }

  return &g_array_index (frag->segments, BylineFragmentSegment, lo);
}

/* The post offset of the byte at @out_offset; a placeholder maps to the start
 * of its call (@last FALSE) or to the last byte of it (@last TRUE). */
gsize
byline_fragment_map (BylineFragment *frag,
                     gsize           out_offset,
                     gboolean        last)
{
  const BylineFragmentSegment *seg = fragment_find_segment (frag, out_offset);
  gsize delta;

  if (seg == NULL)
    return 0;

  if (seg->token)
    return last && seg->orig_len > 0 ? seg->orig_start + seg->orig_len - 1 : seg->orig_start;

  delta = out_offset - seg->out_start;
  if (delta >= seg->orig_len)
    delta = seg->orig_len > 0 ? seg->orig_len - 1 : 0;

  return seg->orig_start + delta;
}

guint
byline_fragment_n_out_lines (BylineFragment *frag)
{
  return frag->out_lines->len;
}

gsize
byline_fragment_out_line_start (BylineFragment *frag,
                                guint           line)
{
  if (line < 1)
    return 0;
  if (line > frag->out_lines->len)
    return frag->out->len;

  return g_array_index (frag->out_lines, gsize, line - 1);
}

guint
byline_fragment_out_line_of (BylineFragment *frag,
                             gsize           out_offset)
{
  guint lo = 0;
  guint hi = frag->out_lines->len - 1;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo + 1) / 2;

      if (g_array_index (frag->out_lines, gsize, mid) <= out_offset)
        lo = mid;
      else
        hi = mid - 1;
    }

  return lo + 1;
}

/* The post line where cmark's line @line begins. */
guint
byline_fragment_first_post_line (BylineFragment *frag,
                                 guint           line)
{
  if (frag->out->len == 0)
    return byline_render_job_line_of (frag->job, 0, NULL);

  line = CLAMP (line, 1, byline_fragment_n_out_lines (frag));
  return byline_render_job_line_of (frag->job,
                       byline_fragment_map (frag, byline_fragment_out_line_start (frag, line),
                                            FALSE),
                       NULL);
}

/* The post line where cmark's line @line ends: placeholders at its end stand
 * for calls that may end lines further down. */
guint
byline_fragment_last_post_line (BylineFragment *frag,
                                guint           line)
{
  gsize start;
  gsize end;

  if (frag->out->len == 0)
    return byline_render_job_line_of (frag->job, 0, NULL);

  line = CLAMP (line, 1, byline_fragment_n_out_lines (frag));
  start = byline_fragment_out_line_start (frag, line);
  end = byline_fragment_out_line_start (frag, line + 1);
  if (end > start)
    end--;

  return byline_render_job_line_of (frag->job, byline_fragment_map (frag, end, TRUE), NULL);
}

/* Building the text */

static void
fragment_add_segment (BylineFragment *frag,
                      gsize           out_start,
                      gsize           out_len,
                      gsize           orig_start,
                      gsize           orig_len,
                      gboolean        token)
{
  if (!token && frag->segments->len > 0)
    {
      BylineFragmentSegment *prev =
        &g_array_index (frag->segments, BylineFragmentSegment, frag->segments->len - 1);

      if (!prev->token &&
          prev->orig_start + prev->orig_len == orig_start &&
          prev->out_start + prev->out_len == out_start)
        {
          prev->orig_len += orig_len;
          prev->out_len += out_len;
          return;
        }
    }

  g_array_append_val (frag->segments,
                      ((BylineFragmentSegment) {
                         out_start, out_len, orig_start, orig_len, token }));
}

/* Copies post text, dropping the indentation common to the inner text of a
 * shortcode so that an indented callout's text does not become code. */
static void
fragment_copy (BylineFragment *frag,
               gsize           from,
               gsize           to)
{
  const char *text = frag->job->text;

  if (from >= to)
    return;

  if (frag->dedent == 0)
    {
      fragment_add_segment (frag, frag->out->len, to - from, from, to - from, FALSE);
      g_string_append_len (frag->out, text + from, to - from);
      frag->at_line_start = text[to - 1] == '\n';
      return;
    }

  while (from < to)
    {
      const char *nl;
      gsize stop;

      if (frag->at_line_start)
        {
          for (guint skipped = 0;
               from < to && skipped < frag->dedent && byline_is_blank_char (text[from]);
               skipped++)
            from++;
          if (from >= to)
            break;
        }

      nl = memchr (text + from, '\n', to - from);
      stop = nl != NULL ? (gsize) (nl - text) + 1 : to;
      fragment_add_segment (frag, frag->out->len, stop - from, from, stop - from, FALSE);
      g_string_append_len (frag->out, text + from, stop - from);
      frag->at_line_start = nl != NULL;
      from = stop;
    }
}

static void
fragment_add_token (BylineFragment *frag,
                    guint           call,
                    int             close,
                    gsize           orig_start,
                    gsize           orig_end)
{
  BylineFragmentToken token = { call, close, frag->out->len, orig_start, orig_end, FALSE };
  gsize out_start = frag->out->len;

  g_string_append_len (frag->out, frag->job->prefix, frag->job->prefix_len);
  g_string_append_printf (frag->out, "%ux", frag->tokens->len);
  g_array_append_val (frag->tokens, token);

  fragment_add_segment (frag, out_start, frag->out->len - out_start,
                        orig_start, orig_end - orig_start, TRUE);
  frag->at_line_start = FALSE;
}

/* A {{% %}} call's output, in place of the call: Hugo's content holds it
 * when Goldmark reads the page. It maps back to the whole call. */
static void
fragment_add_spliced (BylineFragment *frag,
                      const char     *output,
                      gsize           orig_start,
                      gsize           orig_end)
{
  gsize out_start = frag->out->len;
  gsize len = strlen (output);

  if (len == 0)
    return;
  g_string_append_len (frag->out, output, len);
  fragment_add_segment (frag, out_start, len, orig_start, orig_end - orig_start, TRUE);
  frag->at_line_start = output[len - 1] == '\n';
}

gboolean
byline_render_job_next_call (BylineRenderJob *job,
                             guint           *index,
                             guint            end_call,
                             gsize            pos,
                             gsize            end,
                             guint           *call,
                             int             *close,
                             gsize           *extent_end)
{
  while (*index < end_call && *index < job->calls->len)
    {
      guint i = *index;
      const BylineShortcode *sc = g_ptr_array_index (job->calls, i);

      /* Calls the scanner paired across this range's edges are skipped
       * rather than rendered twice. */
      if (sc->span.start < pos || sc->span.end > end)
        {
          *index = i + 1;
          continue;
        }

      *call = i;
      *close = -1;
      *extent_end = sc->span.end;
      *index = i + 1;

      if (sc->kind == BYLINE_SHORTCODE_OPEN &&
          sc->pair > (int) i && (guint) sc->pair < end_call)
        {
          const BylineShortcode *closing = g_ptr_array_index (job->calls, sc->pair);

          if (closing->kind == BYLINE_SHORTCODE_CLOSE && closing->span.end <= end)
            {
              *close = sc->pair;
              *extent_end = closing->span.end;
              *index = sc->pair + 1;
            }
        }

      return TRUE;
    }

  return FALSE;
}

/* The indentation common to the lines of [start, end) outside the calls, so
 * that it can be dropped; lines with only blanks do not count. */
static guint
measure_indent (BylineRenderJob *job,
                gsize            start,
                gsize            end,
                guint            first_call,
                guint            end_call)
{
  const char *text = job->text;
  guint best = G_MAXUINT;
  gboolean at_line_start = start == 0 || text[start - 1] == '\n';
  guint index = first_call;
  gsize pos = start;

  for (;;)
    {
      guint call;
      int close;
      gsize extent_end;
      gboolean more = byline_render_job_next_call (job, &index, end_call, pos, end,
                                                   &call, &close, &extent_end);
      const BylineShortcode *sc = more ? g_ptr_array_index (job->calls, call) : NULL;
      gsize chunk_end = more ? sc->span.start : end;

      while (pos < chunk_end)
        {
          const char *nl;

          if (at_line_start)
            {
              guint n = 0;

              while (pos + n < chunk_end && byline_is_blank_char (text[pos + n]))
                n++;
              /* A line holding only blanks does not count; one whose
               * indentation runs into a call does. */
              if (pos + n < chunk_end ? text[pos + n] != '\n' && text[pos + n] != '\r' : more)
                best = MIN (best, n);
            }

          nl = memchr (text + pos, '\n', chunk_end - pos);
          if (nl == NULL)
            {
              at_line_start = FALSE;
              pos = chunk_end;
            }
          else
            {
              at_line_start = TRUE;
              pos = (gsize) (nl - text) + 1;
            }
        }

      if (!more)
        break;

      if (at_line_start)
        best = 0;
      at_line_start = FALSE;
      pos = extent_end;
    }

  return best == G_MAXUINT ? 0 : best;
}

void
byline_fragment_build (BylineFragment *frag,
                       gsize           start,
                       gsize           end,
                       guint           first_call,
                       guint           end_call,
                       gboolean        dedent)
{
  BylineRenderJob *job = frag->job;
  guint index = first_call;
  gsize pos = start;
  guint call;
  int close;
  gsize extent_end;

  frag->start = start;
  frag->end = end;
  frag->dedent = dedent ? measure_indent (job, start, end, first_call, end_call) : 0;
  frag->at_line_start = start == 0 || job->text[start - 1] == '\n';

  while (byline_render_job_next_call (job, &index, end_call, pos, end,
                                      &call, &close, &extent_end))
    {
      const BylineShortcode *sc = g_ptr_array_index (job->calls, call);
      g_autofree char *spliced = NULL;

      fragment_copy (frag, pos, sc->span.start);
      if (job->splice != NULL)
        spliced = byline_render_site_splice_call (job->splice, job, call);
      if (spliced != NULL)
        fragment_add_spliced (frag, spliced, sc->span.start, extent_end);
      else
        fragment_add_token (frag, call, close, sc->span.start, extent_end);
      pos = extent_end;
    }
  fragment_copy (frag, pos, end);

  g_array_append_val (frag->out_lines, (gsize) { 0 });
  for (const char *p = frag->out->str, *stop = p + frag->out->len;
       (p = memchr (p, '\n', stop - p)) != NULL;
       p++)
    {
      gsize next = (gsize) (p - frag->out->str) + 1;

      if (next < frag->out->len)
        g_array_append_val (frag->out_lines, next);
    }
}

/* Placeholders */

/* Reads a placeholder at @p (at most @avail bytes): its token index. */
gboolean
byline_fragment_parse_token (BylineFragment *frag,
                             const char     *p,
                             gsize           avail,
                             guint          *index,
                             gsize          *token_len)
{
  const BylineRenderJob *job = frag->job;
  gsize i = job->prefix_len;
  guint64 value = 0;

  if (avail <= job->prefix_len + 1 || memcmp (p, job->prefix, job->prefix_len) != 0)
    return FALSE;

  while (i < avail && g_ascii_isdigit (p[i]) && value <= G_MAXUINT)
    value = value * 10 + (guint64) (p[i++] - '0');

  if (i == job->prefix_len || i >= avail || p[i] != 'x' || value >= frag->tokens->len)
    return FALSE;

  *index = (guint) value;
  *token_len = i + 1;
  return TRUE;
}

const char *
byline_fragment_get_expansion (BylineRenderPass *pass,
                               BylineFragment   *frag,
                               guint             index)
{
  const BylineFragmentToken *token = &g_array_index (frag->tokens, BylineFragmentToken, index);
  char **expansions = g_hash_table_lookup (pass->expansions, frag);

  if (expansions == NULL)
    {
      expansions = g_new0 (char *, frag->tokens->len + 1);
      g_hash_table_insert (pass->expansions, frag, expansions);
    }

  if (expansions[index] == NULL)
    expansions[index] = byline_render_pass_expand_call (pass, token->call, token->close,
                                                        token->block, frag->depth);

  return expansions[index];
}

typedef const char *(*TokenTextFunc) (BylineFragment *frag,
                                      guint           index,
                                      gpointer        user_data);

static char *
substitute (BylineFragment *frag,
            const char     *text,
            TokenTextFunc   func,
            gpointer        user_data)
{
  GString *result = g_string_new (NULL);
  gsize len = strlen (text);
  gsize copied = 0;

  for (gsize i = 0; i < len; i++)
    {
      guint index;
      gsize token_len;

      if (text[i] != frag->job->prefix[0] ||
          !byline_fragment_parse_token (frag, text + i, len - i, &index, &token_len))
        continue;

      g_string_append_len (result, text + copied, i - copied);
      g_string_append (result, func (frag, index, user_data));
      i += token_len - 1;
      copied = i + 1;
    }
  g_string_append_len (result, text + copied, len - copied);

  return g_string_free (result, FALSE);
}

static const char *
expansion_cb (BylineFragment *frag,
              guint           index,
              gpointer        user_data)
{
  return byline_fragment_get_expansion (user_data, frag, index);
}

/* @text with each placeholder replaced by its call's HTML, unescaped: for
 * link targets such as [x]({{< github_file >}}/a.yaml). */
char *
byline_fragment_substitute_raw (BylineRenderPass *pass,
                                BylineFragment   *frag,
                                const char       *text)
{
  return substitute (frag, text, expansion_cb, pass);
}

static const char *
source_cb (BylineFragment *frag,
           guint           index,
           gpointer        user_data)
{
  const BylineFragmentToken *token = &g_array_index (frag->tokens, BylineFragmentToken, index);
  GString *source = user_data;

  g_string_truncate (source, 0);
  g_string_append_len (source, frag->job->text + token->orig_start,
                       token->orig_end - token->orig_start);
  return source->str;
}

char *
byline_fragment_substitute_source (BylineFragment *frag,
                                   const char     *text)
{
  g_autoptr(GString) source = NULL;

  if (frag->tokens->len == 0 || strstr (text, frag->job->prefix) == NULL)
    return g_strdup (text);

  source = g_string_new (NULL);
  return substitute (frag, text, source_cb, source);
}

gsize
byline_fragment_map_position (BylineFragment *frag,
                              int             line,
                              int             column)
{
  gsize out;

  if (frag->out->len == 0)
    return frag->start;

  line = CLAMP (line, 1, (int) byline_fragment_n_out_lines (frag));
  out = byline_fragment_out_line_start (frag, (guint) line) + (gsize) MAX (column, 1) - 1;
  out = MIN (out, frag->out->len - 1);
  return byline_fragment_map (frag, out, FALSE);
}
