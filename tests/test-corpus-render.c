/* test-corpus-render.c — the renderer over the istio.io blog posts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every post of the corpus must render, and the HTML must agree with what
 * the site's Hugo shortcodes make of the same post on the facts that matter
 * to readers: one figure per image call with the picture, alt text and
 * caption Hugo would use, one <h2> per "## " heading, the code languages of
 * text blocks, and no shortcode left unrendered.
 */

#include "config.h"

#include "byline-renderer.h"

#include <string.h>

#include "corpus-sites.h"

static BylineProfile *profile;

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static const char *
param (const BylineShortcode *call,
       const char            *name)
{
  const BylineShortcodeParam *p = byline_shortcode_get_param (call, name);

  return p != NULL && p->value != NULL && *p->value != '\0' ? p->value : NULL;
}

static GPtrArray *
match_all (const char *pattern,
           const char *html)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  g_regex_match (regex, html, 0, &match);
  while (g_match_info_matches (match))
    {
      g_ptr_array_add (found, g_match_info_fetch (match, 1));
      g_match_info_next (match, NULL);
    }

  return found;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = haystack; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;

  return n;
}

/* Whether the line at @offset lies inside the extent of a text shortcode. */
static gboolean
in_text_block (const BylineShortcodeList *list,
               gsize                      offset)
{
  for (guint i = 0; i < list->calls->len; i++)
    {
      const BylineShortcode *call = g_ptr_array_index (list->calls, i);
      const BylineShortcode *closing;

      if (call->kind != BYLINE_SHORTCODE_OPEN || call->pair < 0 ||
          g_strcmp0 (call->name, "text") != 0)
        continue;
      closing = g_ptr_array_index (list->calls, call->pair);
      if (offset >= call->span.start && offset < closing->span.end)
        return TRUE;
    }

  return FALSE;
}

static guint
count_h2_lines (BylinePost *post)
{
  const char *text = byline_post_get_text (post);
  const BylinePostLayout *layout = byline_post_get_layout (post);
  const BylineShortcodeList *list = byline_post_get_shortcodes (post);
  gboolean fenced = FALSE;
  guint n = 0;

  for (gsize offset = layout->body_start; offset < byline_post_get_length (post);)
    {
      const char *line = text + offset;
      const char *nl = strchr (line, '\n');
      gsize next = nl != NULL ? (gsize) (nl - text) + 1 : byline_post_get_length (post);

      if (g_str_has_prefix (line, "```"))
        fenced = !fenced;
      else if (!fenced && g_str_has_prefix (line, "## ") && !in_text_block (list, offset))
        n++;

      offset = next;
    }

  return n;
}

/* Checks that @expected appear in @found in order, others allowed between. */
static void
assert_subsequence (GPtrArray  *expected,
                    GPtrArray  *found,
                    const char *what,
                    const char *path)
{
  guint j = 0;

  for (guint i = 0; i < expected->len; i++)
    {
      const char *want = g_ptr_array_index (expected, i);

      while (j < found->len && g_strcmp0 (g_ptr_array_index (found, j), want) != 0)
        j++;
      if (j == found->len)
        g_error ("%s: %s “%s” (number %u) missing from the render", path, what, want, i + 1);
      j++;
    }
}

static void
check_post (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylinePost) post = byline_post_new_from_file (file, NULL, &error);
  g_autoptr(BylineBundle) bundle = byline_bundle_new (file);
  g_autoptr(BylineRenderer) renderer = byline_renderer_new (profile, bundle);
  g_autoptr(BylineRendering) rendering = NULL;
  g_autoptr(GPtrArray) srcs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) alts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) captions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) languages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) found_srcs = NULL;
  g_autoptr(GPtrArray) found_alts = NULL;
  g_autoptr(GPtrArray) found_captions = NULL;
  g_autoptr(GPtrArray) found_languages = NULL;
  g_autofree char *html = NULL;
  g_autofree char *page = NULL;
  const BylineShortcodeList *list;
  guint n_images = 0;
  guint last_line = 0;

  g_assert_no_error (error);
  g_assert_null (byline_post_get_layout_error (post));

  rendering = byline_renderer_render (renderer, post);
  g_assert_nonnull (rendering);
  g_assert_cmpuint (rendering->blocks->len, >, 0);
  html = byline_rendering_get_html (rendering);

  /* Blocks come in source order with sane line ranges. */
  for (guint i = 0; i < rendering->blocks->len; i++)
    {
      const BylineBlock *block = g_ptr_array_index (rendering->blocks, i);

      g_assert_cmpuint (block->first_line, <=, block->last_line);
      g_assert_cmpuint (block->last_line, <=,
                        byline_line_index_get_n_lines (byline_post_get_lines (post)));
      if (!g_str_has_prefix (block->html, "<section class=\"footnotes\""))
        {
          g_assert_cmpuint (block->first_line, >, last_line);
          last_line = block->last_line;
        }
    }

  /* What Hugo's image and text shortcodes make of each call. */
  list = byline_post_get_shortcodes (post);
  for (guint i = 0; i < list->calls->len; i++)
    {
      const BylineShortcode *call = g_ptr_array_index (list->calls, i);

      if (call->kind != BYLINE_SHORTCODE_OPEN && call->kind != BYLINE_SHORTCODE_SELF_CLOSING)
        continue;

      if (g_strcmp0 (call->name, "image") == 0)
        {
          const char *caption = param (call, "caption");
          const char *title = param (call, "title") ? param (call, "title") : caption;
          const char *alt = param (call, "alt") ? param (call, "alt") : title;
          const char *link = param (call, "link");

          n_images++;
          g_ptr_array_add (srcs, byline_html_escape (link != NULL ? link : "", -1));
          g_ptr_array_add (alts, byline_html_escape (alt ? alt : "", -1));
          g_ptr_array_add (captions, byline_html_escape (caption ? caption : "", -1));
        }
      else if (g_strcmp0 (call->name, "text") == 0)
        {
          const char *syntax = param (call, "syntax");
          const BylineShortcodeParam *first = byline_shortcode_get_nth (call, 0);

          if (syntax == NULL && first != NULL)
            syntax = first->value;
          g_ptr_array_add (languages, byline_html_escape (syntax ? syntax : "", -1));
        }
    }

  found_srcs = match_all ("<img class=\"element-to-stretch\" src=\"([^\"]*)\"", html);
  found_alts = match_all ("<img class=\"element-to-stretch\" src=\"[^\"]*\" alt=\"([^\"]*)\"",
                          html);
  found_captions = match_all ("<figcaption>(.*?)</figcaption>", html);
  found_languages = match_all ("<pre><code class=\"language-([^\"]*)\">", html);

  g_assert_cmpuint (count (html, "<figure"), ==, n_images);
  g_assert_cmpuint (count (html, "{{<"), ==, 0);
  g_assert_cmpuint (count (html, "{{%"), ==, 0);
  g_assert_cmpuint (count (html, "byline-unknown-shortcode"), ==, 0);
  g_assert_cmpuint (count (html, "<h2"), ==, count_h2_lines (post));

  assert_subsequence (srcs, found_srcs, "picture", path);
  assert_subsequence (alts, found_alts, "alt text", path);
  assert_subsequence (captions, found_captions, "caption", path);
  assert_subsequence (languages, found_languages, "code language", path);
  g_assert_cmpuint (found_srcs->len, ==, n_images);

  /* The page wraps the same body. */
  page = byline_renderer_render_page (renderer, post, NULL);
  g_assert_nonnull (strstr (page, html));
}

static void
test_corpus (void)
{
  const char *corpus = g_getenv ("BYLINE_CORPUS");
  g_autofree char *blog = NULL;
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_free);

  if (corpus == NULL || !g_file_test (corpus, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("BYLINE_CORPUS is not set or is not a folder: no corpus to render");
      return;
    }

  blog = g_build_filename (corpus, "istio-blog", NULL);
  if (!g_file_test (blog, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("The corpus has no istio-blog folder");
      return;
    }

  corpus_collect_pages (blog, posts);
  g_ptr_array_sort (posts, compare_paths);
  g_assert_cmpuint (posts->len, >, 0);

  for (guint i = 0; i < posts->len; i++)
    {
      g_test_message ("rendering %s", (const char *) g_ptr_array_index (posts, i));
      check_post (g_ptr_array_index (posts, i));
    }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  profile = byline_profile_new_builtin ();
  g_test_add_func ("/core/corpus-render/istio-blog", test_corpus);
  status = g_test_run ();
  g_clear_object (&profile);

  return status;
}
