/* fuzz-post.c — a post through the analysis: parse, render and rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a whole post (index.md) of the bundle tests/data/problems,
 * analysed with the built-in profile as the window and byline-cli analyse
 * it (byline_analysis_new(): one parse for the renderer and the rules). Whatever it holds: the HTML and every
 * message are valid UTF-8, every finding lies inside the text with the line
 * and column of its offsets, and every fix applies to the text and keeps it
 * valid UTF-8.
 */

#include "config.h"

#include "fuzz-common.h"

#include "byline-analysis.h"

typedef struct
{
  BylineProfile         *profile;
  BylineBundle          *bundle;
  BylineAnalysisContext *context;
} Fixture;

static Fixture *
get_fixture (void)
{
  static Fixture fixture;
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_autoptr(GFile) file = g_file_new_build_filename (FUZZ_DATA_DIR, "problems", "index.md",
                                                         NULL);
      g_autoptr(GDateTime) now = g_date_time_new_utc (2024, 6, 1, 12, 0, 0);

      fixture.profile = byline_profile_new_builtin ();
      fixture.bundle = byline_bundle_new (file);
      fixture.context = byline_analysis_context_new (fixture.profile, NULL, fixture.bundle,
                                                     "file:///bundle/", now);
      g_once_init_leave (&done, 1);
    }
  return &fixture;
}

static void
check_span (BylinePost       *post,
            const BylineSpan *span,
            const char       *what)
{
  const BylineLineIndex *lines = byline_post_get_lines (post);
  gsize length = byline_post_get_length (post);
  BylineSpan expected = *span;

  FUZZ_CHECK (span->start <= span->end && span->end <= length,
              "%s: span %" G_GSIZE_FORMAT "–%" G_GSIZE_FORMAT " outside the text of %"
              G_GSIZE_FORMAT " bytes", what, span->start, span->end, length);
  byline_line_index_fill_span (lines, &expected);
  FUZZ_CHECK (span->line == expected.line && span->column == expected.column &&
              span->end_line == expected.end_line && span->end_column == expected.end_column,
              "%s: span %u:%u–%u:%u, but its offsets are at %u:%u–%u:%u", what,
              span->line, span->column, span->end_line, span->end_column,
              expected.line, expected.column, expected.end_line, expected.end_column);
}

static void
check_diagnostic (BylinePost             *post,
                  const BylineDiagnostic *diagnostic)
{
  const char *text = byline_post_get_text (post);
  gsize length = byline_post_get_length (post);
  const BylineTextPatch *fix = diagnostic->fix;

  FUZZ_CHECK (byline_linter_lookup_rule (diagnostic->rule_id) != NULL,
              "unknown rule “%s”", diagnostic->rule_id);
  fuzz_check_utf8 (diagnostic->rule_id, diagnostic->message, -1);
  FUZZ_CHECK (diagnostic->message[0] != '\0', "%s: empty message", diagnostic->rule_id);
  check_span (post, &diagnostic->span, diagnostic->rule_id);

  if (fix == NULL)
    return;

  FUZZ_CHECK (fix->offset <= length && fix->length <= length - fix->offset,
              "%s: fix %" G_GSIZE_FORMAT "+%" G_GSIZE_FORMAT " outside the text",
              diagnostic->rule_id, fix->offset, fix->length);
  fuzz_check_utf8 ("fix", fix->text, -1);

  /* A fix of readable text leaves readable text. */
  if (byline_post_get_layout_error (post) == NULL)
    {
      g_autoptr(GString) fixed = g_string_new_len (text, length);

      byline_text_patch_apply (fix, fixed);
      fuzz_check_utf8 ("the fixed text", fixed->str, fixed->len);
    }
}

/* The input as a link target: a bundle file's name never leads out of the
 * bundle, however it is escaped, and is UTF-8 when the link is. */
static void
check_link (const uint8_t *data,
            size_t         size)
{
  g_autofree char *link = fuzz_dup (data, size);
  g_autofree char *name = NULL;
  g_auto(GStrv) segments = NULL;

  if (byline_bundle_classify_link (link, &name) != BYLINE_LINK_BUNDLE || name == NULL)
    return;

  FUZZ_CHECK (name[0] != '/', "“%s” is a bundle file named “%s”", link, name);
  segments = g_strsplit (name, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    FUZZ_CHECK (strcmp (segments[i], "..") != 0, "“%s” is a bundle file named “%s”", link, name);
  if (g_utf8_validate (link, -1, NULL))
    fuzz_check_utf8 ("a bundle file's name", name, -1);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  Fixture *fixture;
  g_autoptr(BylineAnalysis) analysis = NULL;
  BylinePost *post;
  BylineRendering *rendering;
  GPtrArray *diagnostics;
  g_autofree char *html = NULL;
  g_autofree char *page = NULL;
  guint n_lines;

  fuzz_init ();
  fixture = get_fixture ();
  check_link (data, MIN (size, 4096));

  analysis = byline_analysis_new (fixture->context, (const char *) data, (gssize) size, 0,
                                  BYLINE_ANALYSIS_DEFAULT);
  post = byline_analysis_get_post (analysis);
  n_lines = byline_line_index_get_n_lines (byline_post_get_lines (post));

  rendering = byline_analysis_get_rendering (analysis);
  for (guint i = 0; i < rendering->blocks->len; i++)
    {
      const BylineBlock *block = g_ptr_array_index (rendering->blocks, i);

      fuzz_check_utf8 ("a block's HTML", block->html, -1);
      FUZZ_CHECK (block->first_line >= 1 && block->first_line <= block->last_line &&
                  block->last_line <= n_lines,
                  "block %u: lines %u–%u of %u", i, block->first_line, block->last_line, n_lines);
    }
  html = byline_rendering_get_html (rendering);
  fuzz_check_utf8 ("the HTML", html, -1);

  page = byline_renderer_render_page (byline_analysis_context_get_renderer (fixture->context),
                                      post, rendering);
  fuzz_check_utf8 ("the page", page, -1);

  diagnostics = byline_analysis_get_diagnostics (analysis);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const BylineDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      check_diagnostic (post, diagnostic);
      if (i > 0)
        {
          const BylineDiagnostic *previous = g_ptr_array_index (diagnostics, i - 1);

          FUZZ_CHECK (previous->span.start <= diagnostic->span.start,
                      "findings out of order: %s before %s",
                      previous->rule_id, diagnostic->rule_id);
        }
    }

  return 0;
}
