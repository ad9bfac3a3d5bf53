/* byline-gotmpl-shortcode.c — a post's shortcode calls through their templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds the ShortcodeWithPage of a scanned call the way hugolib/shortcode.go
 * prepares it: typed parameters, ordinal among its siblings, the call's
 * position and indentation, its parent, and the inner text with nested
 * calls rendered first. The inner text of a nested {{% %}} call is Markdown
 * rendered before its template sees it (without the <p> wrapper when it
 * has no newline); the outermost call's inner text is passed as written,
 * as in Hugo, where the page's Markdown renders a {{% %}} call's output.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl.h"

#include <string.h>

#include "byline-gotmpl-objects.h"

typedef struct
{
  BylineGotmplSet           *set;
  const BylineGotmplValue   *page;
  const char                *text;
  const char                *filename;
  const BylineShortcodeList *list;
  guint                      depth;
} Job;

static gboolean render_call (Job *job, guint index, const BylineGotmplValue *parent,
                             BylineGotmplResult *result);

static int
ordinal_of (const BylineShortcodeList *list,
            guint                      index)
{
  const BylineShortcode *call = g_ptr_array_index (list->calls, index);
  int ordinal = 0;

  for (guint i = 0; i < index; i++)
    {
      const BylineShortcode *other = g_ptr_array_index (list->calls, i);

      if (other->parent == call->parent &&
          (other->kind == BYLINE_SHORTCODE_OPEN || other->kind == BYLINE_SHORTCODE_SELF_CLOSING))
        ordinal++;
    }
  return ordinal;
}

static char *
indentation_of (const char *text,
                gsize       start)
{
  gsize line_start = start;

  while (line_start > 0 && text[line_start - 1] != '\n')
    line_start--;
  for (gsize i = line_start; i < start; i++)
    if (text[i] != ' ' && text[i] != '\t')
      return NULL;
  return g_strndup (text + line_start, start - line_start);
}

/* The inner text of @index with its nested calls replaced by their output. */
static gboolean
build_inner (Job                     *job,
             guint                    index,
             const BylineGotmplValue *self_value,
             GString                 *inner,
             BylineGotmplResult      *result)
{
  const BylineShortcode *call = g_ptr_array_index (job->list->calls, index);
  gsize pos = call->inner.start;

  for (guint i = index + 1; i < job->list->calls->len; i++)
    {
      const BylineShortcode *child = g_ptr_array_index (job->list->calls, i);
      gsize child_end;

      if (child->span.start >= call->inner.end)
        break;
      if (child->parent != (int) index || child->kind == BYLINE_SHORTCODE_CLOSE)
        continue;
      child_end = child->pair >= 0
        ? ((const BylineShortcode *) g_ptr_array_index (job->list->calls, child->pair))->span.end
        : child->span.end;
      if (child->span.start < pos)
        continue;
      g_string_append_len (inner, job->text + pos, child->span.start - pos);
      if (child->kind == BYLINE_SHORTCODE_ESCAPED)
        {
          /* An escaped call is written out without its comment marks. */
          g_string_append (inner, child->delim == BYLINE_SHORTCODE_PERCENT ? "{{%" : "{{<");
          g_string_append_len (inner, job->text + child->inner.start,
                               child->inner.end - child->inner.start);
          g_string_append (inner, child->delim == BYLINE_SHORTCODE_PERCENT ? "%}}" : ">}}");
        }
      else
        {
          BylineGotmplResult child_result = { 0 };

          if (!render_call (job, i, self_value, &child_result))
            {
              byline_gotmpl_result_clear (result);
              *result = child_result;
              return FALSE;
            }
          g_string_append (inner, child_result.output);
          byline_gotmpl_result_clear (&child_result);
        }
      pos = child_end;
    }
  if (pos < call->inner.end)
    g_string_append_len (inner, job->text + pos, call->inner.end - pos);
  return TRUE;
}

static gboolean
render_call (Job                     *job,
             guint                    index,
             const BylineGotmplValue *parent,
             BylineGotmplResult      *result)
{
  const BylineShortcode *call = g_ptr_array_index (job->list->calls, index);
  g_auto(BylineGotmplValue) params = byline_gotmpl_shortcode_params (call);
  g_auto(BylineGotmplValue) shortcode = BYLINE_GOTMPL_VALUE_INIT;
  g_autofree char *indentation = indentation_of (job->text, call->span.start);
  g_autoptr(GString) inner = g_string_new (NULL);
  BylineGotmplLimits limits;

  memset (result, 0, sizeof *result);
  byline_gotmpl_set_get_limits (job->set, &limits);
  if (++job->depth > limits.max_depth)
    {
      job->depth--;
      result->status = BYLINE_GOTMPL_LIMIT;
      result->message = g_strdup ("shortcodes nest too deeply");
      return FALSE;
    }

  /* The call itself first, so that its children see it as .Parent; the
   * inner text is set once the children are rendered. */
  shortcode = byline_gotmpl_shortcode_new (call->name, &params, NULL, indentation, job->page,
                                           parent, ordinal_of (job->list, index), job->filename,
                                           call->span.line, call->span.column);
  if (call->pair >= 0 && call->kind == BYLINE_SHORTCODE_OPEN)
    {
      if (!build_inner (job, index, &shortcode, inner, result))
        {
          job->depth--;
          return FALSE;
        }
      /* A nested {{% %}} call sees its inner text as rendered Markdown. */
      if (parent != NULL && call->delim == BYLINE_SHORTCODE_PERCENT)
        {
          g_autoptr(GError) error = NULL;
          BylineGotmplEnv *env = byline_gotmpl_set_get_env (job->set);
          char *html = env != NULL
            ? byline_gotmpl_env_render_markdown (env, inner->str, strchr (inner->str, '\n') == NULL,
                                                 &error)
            : NULL;

          if (html != NULL)
            {
              g_string_assign (inner, html);
              g_free (html);
            }
        }
      byline_gotmpl_shortcode_set_inner (&shortcode, inner->str);
    }
  job->depth--;
  return byline_gotmpl_set_render_shortcode (job->set, call->name, &shortcode, result);
}

gboolean
byline_gotmpl_set_render_call (BylineGotmplSet           *self,
                               const BylineGotmplValue   *page,
                               const char                *text,
                               const char                *filename,
                               const BylineShortcodeList *list,
                               guint                      index,
                               BylineGotmplResult        *result)
{
  Job job = { self, page, text, filename, list, 0 };
  const BylineShortcode *call;

  g_return_val_if_fail (BYLINE_IS_GOTMPL_SET (self), FALSE);
  g_return_val_if_fail (text != NULL && list != NULL && result != NULL, FALSE);
  g_return_val_if_fail (index < list->calls->len, FALSE);

  call = g_ptr_array_index (list->calls, index);
  g_return_val_if_fail (call->kind == BYLINE_SHORTCODE_OPEN ||
                        call->kind == BYLINE_SHORTCODE_SELF_CLOSING, FALSE);
  return render_call (&job, index, NULL, result);
}
