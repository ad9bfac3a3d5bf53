/* byline-gotmpl-page-content.c — Page.Content, RenderShortcodes and what Hugo reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page's content as Hugo renders it (hugolib/page__content.go): the
 * output of its {{% %}} calls goes into the Markdown, its {{< >}} calls
 * stand there as placeholders that take their output after Goldmark, a
 * placeholder alone in its paragraph taking the paragraph's place
 * (expandShortcodeTokens); the summary divider is taken out. The Markdown
 * is rendered with the site's Goldmark settings (the environment's, as for
 * markdownify), its headings kept for Page.Fragments (byline-gotmpl-
 * fragments.c). Plain, PlainWords, WordCount, FuzzyWordCount and
 * ReadingTime are read from it as page__content.go's contentPlain does.
 * RenderShortcodes gives the Markdown with the calls' output in it.
 *
 * One render of a post renders each page's content once: the contents
 * are kept in a scope hung on the page the execution runs for (the post's
 * page, one per render) and handed to each page whose content is being
 * rendered, with the pages on the way. A page that asks for its own
 * content, or pages that ask for each other's, fail with an error where
 * Hugo waits until it times out; the nesting is bounded too.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-content-private.h"

#include <string.h>

#include "byline-gotmpl-fragments.h"
#include "byline-gotmpl-funcs-private.h"
#include "byline-gotmpl-objects-private.h"
#include "byline-gotmpl-site-env.h"
#include "byline-hugo-shortcodes.h"

/* Hugo's placeholders (shortcode.go): letters and digits, which Goldmark
 * leaves as they are. */
#define PLACEHOLDER_PREFIX "HAHAHUGOSHORTCODE"
#define PLACEHOLDER_SUFFIX "HBHB"
/* What the summary divider becomes in the Markdown (page__content.go). */
#define SUMMARY_DIVIDER "<!--more-->"
#define DIVIDER_MARK "HUGOMORE42"

struct _BylineGotmplContentScope
{
  gint        ref_count;
  GHashTable *rendered;   /* page file → Rendered */
  GHashTable *active;     /* keys of the pages whose content is being rendered */
};

/* A page's content, or why it failed: the same answer when asked again. */
typedef struct
{
  BylineGotmplStatus  status;   /* OK, ERROR, UNSUPPORTED or LIMIT */
  char               *text;     /* the HTML; the message; what is missing */
  BylineGotmplValue   fragments;   /* its Page.Fragments, when OK */
} Rendered;

static void
rendered_free (gpointer data)
{
  Rendered *r = data;

  g_free (r->text);
  byline_gotmpl_value_clear (&r->fragments);
  g_free (r);
}

static BylineGotmplContentScope *
scope_new (void)
{
  BylineGotmplContentScope *scope = g_new0 (BylineGotmplContentScope, 1);

  scope->ref_count = 1;
  scope->rendered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, rendered_free);
  scope->active = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return scope;
}

static BylineGotmplContentScope *
scope_ref (BylineGotmplContentScope *scope)
{
  g_atomic_int_inc (&scope->ref_count);
  return scope;
}

void
byline_gotmpl_content_scope_unref (BylineGotmplContentScope *scope)
{
  if (scope == NULL || !g_atomic_int_dec_and_test (&scope->ref_count))
    return;
  g_hash_table_unref (scope->rendered);
  g_hash_table_unref (scope->active);
  g_free (scope);
}

/* What the scope knows a page by: its file; a page without one (a post
 * never saved) by the object, which is then not cached. */
static char *
page_key (const BylineGotmplValue *page)
{
  const char *file = byline_gotmpl_page_get_file (page);

  return file != NULL ? g_strdup (file) : g_strdup_printf ("object:%p", page->o);
}

/* Pages rendered inside the rendering of pages on this thread
 * (RenderShortcodes, Content), each in an execution of its own: the
 * nesting is bounded, whichever way they nest. */
static GPrivate nesting_key;

static gboolean
nesting_enter (void)
{
  guint depth = GPOINTER_TO_UINT (g_private_get (&nesting_key));

  if (depth >= 8)
    return FALSE;
  g_private_set (&nesting_key, GUINT_TO_POINTER (depth + 1));
  return TRUE;
}

static void
nesting_leave (void)
{
  guint depth = GPOINTER_TO_UINT (g_private_get (&nesting_key));

  g_assert (depth > 0);
  g_private_set (&nesting_key, GUINT_TO_POINTER (depth - 1));
}

/* From call *@index on, the next outermost call of @list (not a closing
 * tag) that starts at or after @pos: TRUE with *@index at it and *@end
 * where it ends, past its closing tag. */
static gboolean
next_outer_call (const BylineShortcodeList *list,
                 guint                     *index,
                 gsize                      pos,
                 gsize                     *end)
{
  for (; *index < list->calls->len; (*index)++)
    {
      const BylineShortcode *sc = g_ptr_array_index (list->calls, *index);

      if (sc->parent >= 0 || sc->kind == BYLINE_SHORTCODE_CLOSE || sc->span.start < pos)
        continue;
      *end = sc->pair >= 0 && sc->kind == BYLINE_SHORTCODE_OPEN
        ? ((const BylineShortcode *) g_ptr_array_index (list->calls, sc->pair))->span.end
        : sc->span.end;
      return TRUE;
    }
  return FALSE;
}

/* Rendering */

/* A placeholder prefix that the Markdown holds nowhere. */
static char *
placeholder_prefix (const char *raw)
{
  GString *prefix = g_string_new (PLACEHOLDER_PREFIX);

  while (strstr (raw, prefix->str) != NULL)
    g_string_append_c (prefix, 'X');
  return g_string_free (prefix, FALSE);
}

/* Appends Markdown text, with the summary divider (its first occurrence
 * in the page) as the paragraph Hugo puts in its place. */
static void
append_text (GString    *md,
             const char *text,
             gsize       len,
             gboolean   *divider_seen)
{
  const char *divider = *divider_seen ? NULL : g_strstr_len (text, len, SUMMARY_DIVIDER);

  if (divider == NULL)
    {
      g_string_append_len (md, text, len);
      return;
    }
  *divider_seen = TRUE;
  g_string_append_len (md, text, divider - text);
  g_string_append (md, "\n\n" DIVIDER_MARK "\n\n");
  g_string_append_len (md, divider + strlen (SUMMARY_DIVIDER),
                       len - (divider - text) - strlen (SUMMARY_DIVIDER));
}

/* Why a call of the page failed, as the answer for the whole content. */
static void
fail_with_call (Rendered                 *r,
                const BylineShortcode    *sc,
                const BylineGotmplResult *nested)
{
  if (nested->status == BYLINE_GOTMPL_UNSUPPORTED && nested->missing != NULL)
    {
      r->status = BYLINE_GOTMPL_UNSUPPORTED;
      r->text = g_strdup (nested->missing);
    }
  else if (nested->status == BYLINE_GOTMPL_NOT_FOUND && byline_hugo_shortcode_is_builtin (sc->name))
    {
      /* Hugo's own shortcodes are the renderer's, not the engine's. */
      r->status = BYLINE_GOTMPL_UNSUPPORTED;
      r->text = g_strdup_printf ("{{< %s >}} in .Content", sc->name);
    }
  else
    {
      r->status = nested->status == BYLINE_GOTMPL_LIMIT ? BYLINE_GOTMPL_LIMIT : BYLINE_GOTMPL_ERROR;
      r->text = g_strdup (nested->message != NULL ? nested->message : "failed");
    }
}

/* @html with each placeholder replaced by its call's output; a
 * placeholder that is a whole paragraph replaces the paragraph. */
static GString *
expand_placeholders (const char *html,
                     const char *prefix,
                     GPtrArray  *outputs)
{
  GString *out = g_string_sized_new (strlen (html));
  gsize prefix_len = strlen (prefix);
  const char *p = html;
  const char *hit;

  while ((hit = strstr (p, prefix)) != NULL)
    {
      const char *digits = hit + prefix_len;
      char *end = NULL;
      guint64 index = g_ascii_strtoull (digits, &end, 10);
      const char *after;

      if (end == digits || !g_str_has_prefix (end, PLACEHOLDER_SUFFIX) || index >= outputs->len)
        {
          g_string_append_len (out, p, digits - p);
          p = digits;
          continue;
        }
      after = end + strlen (PLACEHOLDER_SUFFIX);
      if (hit - html >= 3 && strncmp (hit - 3, "<p>", 3) == 0 && g_str_has_prefix (after, "</p>"))
        {
          g_string_append_len (out, p, hit - 3 - p);
          after += 4;
        }
      else
        g_string_append_len (out, p, hit - p);
      g_string_append (out, g_ptr_array_index (outputs, index));
      p = after;
    }
  g_string_append (out, p);
  return out;
}

/* Hugo's Content() with a summary divider: the HTML without the divider's
 * paragraph, trimmed. */
static void
remove_divider (GString *html)
{
  static const char mark[] = "<p>" DIVIDER_MARK "</p>";
  const char *hit = strstr (html->str, mark);
  gsize start, end;

  if (hit == NULL)
    return;
  start = hit - html->str;
  end = start + strlen (mark);
  while (end < html->len && g_ascii_isspace (html->str[end]))
    end++;
  g_string_erase (html, start, end - start);
  while (html->len > 0 && g_ascii_isspace (html->str[html->len - 1]))
    g_string_truncate (html, html->len - 1);
  start = 0;
  while (start < html->len && g_ascii_isspace (html->str[start]))
    start++;
  g_string_erase (html, 0, start);
}

/* Keeps the fragments of the Markdown the content was rendered from. */
static void
keep_fragments (BylineGoldmark *writer,
                gpointer        user_data)
{
  Rendered *r = user_data;

  r->fragments = byline_gotmpl_fragments_new (writer);
}

/* Renders the content of @page from @raw into @r. */
static void
render (BylineGotmplCall        *call,
        const BylineGotmplValue *page,
        const char              *raw,
        Rendered                *r)
{
  BylineGotmplSet *set = byline_gotmpl_call_get_set (call);
  BylineGotmplEnv *env = byline_gotmpl_call_get_env (call);
  const char *file = byline_gotmpl_page_get_file (page);
  g_autoptr(BylineShortcodeList) list = NULL;
  g_autoptr(GPtrArray) outputs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) md = g_string_sized_new (strlen (raw));
  g_autoptr(GError) error = NULL;
  g_autofree char *valid = g_utf8_validate (raw, -1, NULL) ? NULL : g_utf8_make_valid (raw, -1);
  g_autofree char *prefix = NULL;
  g_autofree char *html = NULL;
  GString *content;
  gboolean divider_seen = FALSE;
  gsize pos = 0;
  gsize end;

  /* Bytes that are not UTF-8 read as U+FFFD, as Go reads them. */
  if (valid != NULL)
    raw = valid;
  prefix = placeholder_prefix (raw);

  if (env == NULL)
    {
      r->status = BYLINE_GOTMPL_UNSUPPORTED;
      r->text = g_strdup ("Content");
      return;
    }
  list = byline_shortcode_scan (raw, 0, strlen (raw), NULL);
  for (guint i = 0; next_outer_call (list, &i, pos, &end); i++)
    {
      const BylineShortcode *sc = g_ptr_array_index (list->calls, i);
      g_auto(BylineGotmplResult) nested = { 0, };

      append_text (md, raw + pos, sc->span.start - pos, &divider_seen);
      pos = end;
      if (sc->kind == BYLINE_SHORTCODE_ESCAPED)
        {
          /* Written out without its comment marks. */
          g_string_append (md, sc->delim == BYLINE_SHORTCODE_PERCENT ? "{{%" : "{{<");
          g_string_append_len (md, raw + sc->inner.start, sc->inner.end - sc->inner.start);
          g_string_append (md, sc->delim == BYLINE_SHORTCODE_PERCENT ? "%}}" : ">}}");
          continue;
        }
      if (set == NULL ||
          !byline_gotmpl_set_render_call (set, page, raw, file, list, i, &nested))
        {
          if (set == NULL)
            nested.status = BYLINE_GOTMPL_NOT_FOUND;
          fail_with_call (r, sc, &nested);
          return;
        }
      if (sc->delim == BYLINE_SHORTCODE_PERCENT)
        g_string_append (md, nested.output);
      else
        {
          g_string_append_printf (md, "%s%u" PLACEHOLDER_SUFFIX, prefix, outputs->len);
          g_ptr_array_add (outputs, g_steal_pointer (&nested.output));
        }
    }
  append_text (md, raw + pos, strlen (raw + pos), &divider_seen);

  /* The site's Goldmark, as markdownify renders, with the fragments. */
  if (BYLINE_IS_GOTMPL_SITE_ENV (env))
    html = byline_goldmark_to_html_inspect (
      byline_gotmpl_site_env_get_goldmark (BYLINE_GOTMPL_SITE_ENV (env)),
      md->str, -1, keep_fragments, r);
  else
    html = byline_gotmpl_env_render_markdown (env, md->str, FALSE, &error);
  if (html == NULL)
    {
      r->status = BYLINE_GOTMPL_ERROR;
      r->text = g_strdup (error != NULL ? error->message : "no Markdown renderer");
      return;
    }
  content = expand_placeholders (html, prefix, outputs);
  if (divider_seen)
    remove_divider (content);
  r->status = BYLINE_GOTMPL_OK;
  r->text = g_string_free (content, FALSE);
}

/* Page.RenderShortcodes: the page's Markdown with its shortcode calls
 * replaced by their output, for a {{% %}} call to render with its own
 * page (hugoDocs' include). Pages that include each other stop at a
 * depth. */
gboolean
byline_gotmpl_page_render_shortcodes (BylineGotmplCall        *call,
                                      const BylineGotmplValue *self,
                                      const BylineGotmplValue *args,
                                      guint                    n_args,
                                      BylineGotmplValue       *result)
{
  const char *raw = byline_gotmpl_page_get_raw_content (self);
  BylineGotmplSet *set = byline_gotmpl_call_get_set (call);
  g_autoptr(BylineShortcodeList) list = NULL;
  g_autoptr(GString) out = NULL;
  gsize pos = 0;
  gsize end;
  gboolean ok = TRUE;

  if (raw == NULL || set == NULL)
    {
      *result = byline_gotmpl_safe (raw != NULL ? raw : "", BYLINE_GOTMPL_HTML);
      return TRUE;
    }
  if (!nesting_enter ())
    return byline_gotmpl_call_error (call, "RenderShortcodes: pages include each other too deeply");
  if (!byline_gotmpl_call_step (call, strlen (raw) / 64))
    {
      nesting_leave ();
      return FALSE;
    }

  list = byline_shortcode_scan (raw, 0, strlen (raw), NULL);
  out = g_string_sized_new (strlen (raw));
  for (guint i = 0; ok && next_outer_call (list, &i, pos, &end); i++)
    {
      const BylineShortcode *sc = g_ptr_array_index (list->calls, i);
      g_auto(BylineGotmplResult) nested = { 0, };

      g_string_append_len (out, raw + pos, sc->span.start - pos);
      pos = end;
      if (sc->kind == BYLINE_SHORTCODE_ESCAPED)
        {
          g_string_append_len (out, raw + sc->span.start, sc->span.end - sc->span.start);
          continue;
        }
      if (byline_gotmpl_set_render_call (set, self, raw, byline_gotmpl_page_get_file (self), list, i, &nested))
        g_string_append (out, nested.output);
      else if (nested.status == BYLINE_GOTMPL_UNSUPPORTED && nested.missing != NULL)
        ok = byline_gotmpl_call_unsupported (call, nested.missing);
      else
        ok = byline_gotmpl_call_error (call, "%s", nested.message != NULL ? nested.message : "failed");
    }
  nesting_leave ();
  if (!ok)
    return FALSE;
  g_string_append (out, raw + pos);
  *result = byline_gotmpl_safe_take (g_steal_pointer (&out), BYLINE_GOTMPL_HTML);
  return TRUE;
}

/* Fails the call as the content's rendering failed. */
static gboolean
fail_call (BylineGotmplCall *call,
           const Rendered   *r)
{
  BylineGotmplLimits limits;

  switch (r->status)
    {
    case BYLINE_GOTMPL_UNSUPPORTED:
      return byline_gotmpl_call_unsupported (call, r->text);

    case BYLINE_GOTMPL_LIMIT:
      /* A limit the page's templates reached is the preview's, as here. */
      byline_gotmpl_set_get_limits (byline_gotmpl_call_get_set (call), &limits);
      return byline_gotmpl_call_step (call, limits.max_steps + 1);

    case BYLINE_GOTMPL_OK:
    case BYLINE_GOTMPL_ERROR:
    case BYLINE_GOTMPL_NOT_FOUND:
    default:
      return byline_gotmpl_call_error (call, "%s", r->text);
    }
}

/* The content of @page (a copy in *@html) and, with @fragments, its
 * fragments, rendered once per scope. FALSE with the call failed. */
static gboolean
content_of (BylineGotmplCall         *call,
            const BylineGotmplValue  *page,
            char                    **html,
            BylineGotmplValue        *fragments)
{
  const BylineGotmplValue *root = byline_gotmpl_call_get_page (call);
  BylineGotmplContentScope **root_slot = byline_gotmpl_page_get_content_slot (root);
  BylineGotmplContentScope **slot = byline_gotmpl_page_get_content_slot (page);
  BylineGotmplContentScope *scope;
  const char *raw = byline_gotmpl_page_get_raw_content (page);
  const char *file = byline_gotmpl_page_get_file (page);
  g_autofree char *key = page_key (page);
  g_autofree char *path = NULL;
  Rendered *r;
  gboolean ok;

  *html = NULL;
  if (raw == NULL || raw[0] == '\0')
    {
      *html = g_strdup ("");
      if (fragments != NULL)
        *fragments = byline_gotmpl_fragments_new (NULL);
      return TRUE;
    }

  /* The execution renders its page's content: the scope starts with it. */
  if (root_slot != NULL && *root_slot == NULL)
    {
      *root_slot = scope_new ();
      g_hash_table_add ((*root_slot)->active, page_key (root));
    }
  scope = root_slot != NULL ? scope_ref (*root_slot) : scope_new ();

  r = file != NULL ? g_hash_table_lookup (scope->rendered, file) : NULL;
  if (r == NULL)
    {
      if (g_hash_table_contains (scope->active, key))
        {
          path = byline_gotmpl_page_dup_path (page);
          byline_gotmpl_content_scope_unref (scope);
          return byline_gotmpl_call_error (call, "the content of %s includes itself", path);
        }
      /* Goldmark's work grows with the text. */
      if (!byline_gotmpl_call_step (call, strlen (raw) / 16 + 1))
        {
          byline_gotmpl_content_scope_unref (scope);
          return FALSE;
        }
      if (!nesting_enter ())
        {
          byline_gotmpl_content_scope_unref (scope);
          return byline_gotmpl_call_error (call, "pages include each other's content too deeply");
        }

      /* The page's own calls run with the scope, and with it on the way. */
      if (*slot != scope)
        {
          byline_gotmpl_content_scope_unref (*slot);
          *slot = scope_ref (scope);
        }
      r = g_new0 (Rendered, 1);
      g_hash_table_add (scope->active, g_strdup (key));
      render (call, page, raw, r);
      g_hash_table_remove (scope->active, key);
      nesting_leave ();
      if (file != NULL)
        g_hash_table_insert (scope->rendered, g_strdup (file), r);
    }

  ok = r->status == BYLINE_GOTMPL_OK;
  if (ok)
    {
      *html = g_strdup (r->text);
      if (fragments != NULL)
        *fragments = r->fragments.kind != BYLINE_GOTMPL_NIL
          ? byline_gotmpl_value_copy (&r->fragments) : byline_gotmpl_fragments_new (NULL);
    }
  else
    fail_call (call, r);
  if (file == NULL)
    rendered_free (r);
  byline_gotmpl_content_scope_unref (scope);
  return ok;
}

gboolean
byline_gotmpl_page_content (BylineGotmplCall        *call,
                            const BylineGotmplValue *self,
                            const BylineGotmplValue *args,
                            guint                    n_args,
                            BylineGotmplValue       *result)
{
  g_autofree char *html = NULL;

  if (!content_of (call, self, &html, NULL))
    return FALSE;
  *result = byline_gotmpl_safe (html, BYLINE_GOTMPL_HTML);
  return TRUE;
}

gboolean
byline_gotmpl_page_content_fragments (BylineGotmplCall        *call,
                                      const BylineGotmplValue *page,
                                      BylineGotmplValue       *fragments)
{
  g_autofree char *html = NULL;

  return content_of (call, page, &html, fragments);
}

/* Go's unicode.IsSpace. */
static gboolean
is_space (gunichar c)
{
  return c == 0x85 || c == '\v' || g_unichar_isspace (c);
}

/* Hugo's isCJKLanguage: the front matter's, else with the site's
 * hasCJKLanguage whether the content holds Han, Hangul or kana. */
static gboolean
is_cjk (BylineGotmplCall        *call,
        const BylineGotmplValue *self,
        const char              *plain)
{
  const BylineGotmplValue *params = byline_gotmpl_page_get_params (self);
  const BylineGotmplValue *v = params != NULL ? byline_gotmpl_params_get (params, "iscjklanguage") : NULL;

  if (v != NULL)
    return byline_gotmpl_value_truth (v);
  v = byline_gotmpl_site_get_config (byline_gotmpl_call_get_site (call), "hascjklanguage");
  if (v == NULL || !byline_gotmpl_value_truth (v))
    return FALSE;
  for (const char *p = plain; *p != '\0'; p = g_utf8_next_char (p))
    switch (g_unichar_get_script (g_utf8_get_char (p)))
      {
      case G_UNICODE_SCRIPT_HAN:
      case G_UNICODE_SCRIPT_HANGUL:
      case G_UNICODE_SCRIPT_HIRAGANA:
      case G_UNICODE_SCRIPT_KATAKANA:
        return TRUE;
      default:
        break;
      }
  return FALSE;
}

gboolean
byline_gotmpl_page_content_words (BylineGotmplCall        *call,
                                  const BylineGotmplValue *self,
                                  const BylineGotmplValue *args,
                                  guint                    n_args,
                                  BylineGotmplValue       *result)
{
  const char *name = call->name;
  g_autofree char *html = NULL;
  g_autofree char *plain = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  gint64 count = 0;
  gboolean cjk;

  if (!content_of (call, self, &html, NULL))
    return FALSE;
  plain = byline_gotmpl_strip_html (html);
  if (strcmp (name, "Plain") == 0)
    {
      *result = byline_gotmpl_string_own (g_steal_pointer (&plain));
      return TRUE;
    }

  /* strings.Fields */
  for (const char *p = plain; *p != '\0';)
    {
      const char *start;

      while (*p != '\0' && is_space (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && !is_space (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        g_ptr_array_add (words, g_strndup (start, p - start));
    }
  if (strcmp (name, "PlainWords") == 0)
    {
      *result = byline_gotmpl_string_slice_new (words);
      return TRUE;
    }

  /* A CJK word counts its characters (helpers.TotalWords otherwise). */
  cjk = is_cjk (call, self, plain);
  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      glong runes = g_utf8_strlen (word, -1);

      count += cjk && (gsize) runes != strlen (word) ? runes : 1;
    }
  if (strcmp (name, "WordCount") == 0)
    *result = byline_gotmpl_int (count);
  else if (strcmp (name, "FuzzyWordCount") == 0)
    *result = byline_gotmpl_int ((count + 99) / 100 * 100);
  else
    *result = byline_gotmpl_int (cjk ? (count + 499) / 500 : (count + 211) / 212);
  return TRUE;
}
