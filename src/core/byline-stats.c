/* byline-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A port of what Hugo v0.111.3 runs to count a page: tpl.StripHTML
 * (tpl/template.go), html/template's stripTags (Hugo's copy in
 * tpl/internal/go_templates/htmltemplate/html.go and transition.go),
 * helpers.TotalWords (helpers/content.go), pageContentOutput.setWordCounts
 * (hugolib/page__per_output.go), the CJK detection of
 * hugolib/page__meta.go and strings.CountRunes (tpl/strings/strings.go).
 */

#define G_LOG_DOMAIN "byline-stats"

#include "config.h"

#include "byline-stats.h"

#include <string.h>

#define NEWLINE_PLACEHOLDER "___hugonl_"

/* Go's unicode.IsSpace. */
static gboolean
go_is_space (gunichar c)
{
  switch (c)
    {
    case '\t': case '\n': case '\v': case '\f': case '\r': case ' ': case 0x85: case 0xA0:
    case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
      return TRUE;
    default:
      return c >= 0x2000 && c <= 0x200A;
    }
}

/* Hugo's helpers.IsWhitespace, which countrunes uses. */
static gboolean
hugo_is_whitespace (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gboolean
ascii_alpha (char c)
{
  return g_ascii_isalpha (c);
}

/* html/template's eatTagName: a letter, then letters and digits, with
 * single ':' or '-' between them. */
static gsize
eat_tag_name (const char *s,
              gsize       i,
              gsize       n)
{
  gsize j;

  if (i == n || !ascii_alpha (s[i]))
    return i;
  j = i + 1;
  while (j < n)
    {
      if (g_ascii_isalnum (s[j]))
        j++;
      else if ((s[j] == ':' || s[j] == '-') && j + 1 < n && g_ascii_isalnum (s[j + 1]))
        j += 2;
      else
        break;
    }
  return j;
}

typedef enum
{
  ELEMENT_NONE,
  ELEMENT_SCRIPT,
  ELEMENT_STYLE,
  ELEMENT_TEXTAREA,
  ELEMENT_TITLE,
} Element;

static const char * const element_names[] = { NULL, "script", "style", "textarea", "title" };

static Element
element_of (const char *name,
            gsize       length)
{
  for (guint e = ELEMENT_SCRIPT; e <= ELEMENT_TITLE; e++)
    if (strlen (element_names[e]) == length &&
        g_ascii_strncasecmp (name, element_names[e], length) == 0)
      return e;
  return ELEMENT_NONE;
}

static gboolean
is_tag_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

/* indexTagEnd: the offset of "</name" followed by a separator, or n. */
static gsize
index_tag_end (const char *s,
               gsize       i,
               gsize       n,
               Element     element)
{
  const char *name = element_names[element];
  gsize length = strlen (name);

  for (gsize p = i; p + 1 < n; p++)
    if (s[p] == '<' && s[p + 1] == '/' && p + 2 + length <= n &&
        g_ascii_strncasecmp (s + p + 2, name, length) == 0 &&
        p + 2 + length < n && strchr ("> \t\n\f/", s[p + 2 + length]) != NULL &&
        s[p + 2 + length] != '\0')
      return p;
  return n;
}

/* Scans a tag from just after its name to just after its '>'. Returns n
 * when the tag does not end, or is malformed in a way that makes Go's
 * parser stop (a quote or '<' in an attribute name, '=' without a name). */
static gsize
skip_tag (const char *s,
          gsize       i,
          gsize       n)
{
  for (;;)
    {
      gsize name_start;

      while (i < n && is_tag_space (s[i]))
        i++;
      if (i >= n)
        return n;
      if (s[i] == '>')
        return i + 1;

      name_start = i;
      while (i < n && !is_tag_space (s[i]) && s[i] != '=' && s[i] != '>')
        {
          if (s[i] == '\'' || s[i] == '"' || s[i] == '<')
            return n;
          i++;
        }
      if (i == name_start)
        return n;

      while (i < n && is_tag_space (s[i]))
        i++;
      if (i >= n)
        return n;
      if (s[i] != '=')
        continue;
      i++;
      while (i < n && is_tag_space (s[i]))
        i++;
      if (i >= n)
        return n;

      if (s[i] == '"' || s[i] == '\'')
        {
          const char *close = memchr (s + i + 1, s[i], n - i - 1);

          if (close == NULL)
            return n;
          i = close - s + 1;
        }
      else
        {
          while (i < n && !is_tag_space (s[i]) && s[i] != '>')
            i++;
          if (i >= n)
            return n;
        }
    }
}

/* html/template's stripTags. */
static void
strip_tags (const char *s,
            gsize       n,
            GString    *out)
{
  gsize i = 0;

  while (i < n)
    {
      gsize k = i;
      gsize lt;

      /* Text up to the next tag or comment. */
      for (;;)
        {
          const char *found = memchr (s + k, '<', n - k);
          gsize name, name_end;
          gboolean end_tag = FALSE;

          if (found == NULL || (gsize) (found - s) + 1 == n)
            {
              g_string_append_len (out, s + i, n - i);
              return;
            }
          lt = found - s;
          if (lt + 4 <= n && memcmp (s + lt, "<!--", 4) == 0)
            {
              const char *close;

              g_string_append_len (out, s + i, lt - i);
              close = g_strstr_len (s + lt + 4, n - lt - 4, "-->");
              if (close == NULL)
                return;
              i = close - s + 3;
              break;
            }

          name = lt + 1;
          if (s[name] == '/')
            {
              if (name + 1 == n)
                {
                  g_string_append_len (out, s + i, n - i);
                  return;
                }
              end_tag = TRUE;
              name++;
            }
          name_end = eat_tag_name (s, name, n);
          if (name_end == name)
            {
              k = name;
              continue;
            }

          g_string_append_len (out, s + i, lt - i);
          i = skip_tag (s, name_end, n);
          if (i < n && !end_tag)
            {
              Element element = element_of (s + name, name_end - name);

              if (element == ELEMENT_SCRIPT || element == ELEMENT_STYLE)
                i = index_tag_end (s, i, n, element);
              else if (element != ELEMENT_NONE)
                {
                  gsize end = index_tag_end (s, i, n, element);

                  g_string_append_len (out, s + i, end - i);
                  i = end;
                }
            }
          break;
        }
    }
}

/* The placeholders back into newlines, in one pass. */
static void
restore_newlines (GString *text)
{
  gsize n = strlen (NEWLINE_PLACEHOLDER);
  gsize out = 0;

  for (gsize i = 0; i < text->len; )
    {
      if (text->str[i] == '_' && i + n <= text->len &&
          memcmp (text->str + i, NEWLINE_PLACEHOLDER, n) == 0)
        {
          text->str[out++] = '\n';
          i += n;
        }
      else
        text->str[out++] = text->str[i++];
    }
  g_string_truncate (text, out);
}

char *
byline_stats_strip_html (const char *html,
                         gssize      length)
{
  g_autoptr(GString) pre = NULL;
  g_autoptr(GString) stripped = NULL;
  GString *out;
  gboolean replaced = FALSE;
  gboolean was_space = FALSE;

  g_return_val_if_fail (html != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (html);
  if (memchr (html, '<', length) == NULL && memchr (html, '>', length) == NULL)
    return g_strndup (html, length);

  /* strings.NewReplacer("\n", " ", "</p>", nl, "<br>", nl, "<br />", nl):
   * one pass, the first match at each place. */
  pre = g_string_sized_new (length);
  for (gssize i = 0; i < length; )
    {
      if (html[i] == '\n')
        {
          g_string_append_c (pre, ' ');
          i++;
          replaced = TRUE;
        }
      else if (html[i] == '<' && i + 4 <= length && memcmp (html + i, "</p>", 4) == 0)
        {
          g_string_append (pre, NEWLINE_PLACEHOLDER);
          i += 4;
          replaced = TRUE;
        }
      else if (html[i] == '<' && i + 4 <= length && memcmp (html + i, "<br>", 4) == 0)
        {
          g_string_append (pre, NEWLINE_PLACEHOLDER);
          i += 4;
          replaced = TRUE;
        }
      else if (html[i] == '<' && i + 6 <= length && memcmp (html + i, "<br />", 6) == 0)
        {
          g_string_append (pre, NEWLINE_PLACEHOLDER);
          i += 6;
          replaced = TRUE;
        }
      else
        {
          gssize run = i + 1;

          while (run < length && html[run] != '\n' && html[run] != '<')
            run++;
          g_string_append_len (pre, html + i, run - i);
          i = run;
        }
    }

  stripped = g_string_sized_new (pre->len);
  strip_tags (pre->str, pre->len, stripped);
  if (replaced)
    restore_newlines (stripped);

  /* Runs of white space keep their first character. The renderer's HTML
   * is UTF-8, as Go expects. */
  out = g_string_sized_new (stripped->len);
  {
    char *o = out->str;

    for (const char *p = stripped->str; *p != '\0'; )
      {
        guchar byte = *p;
        gsize n = byte < 0x80 ? 1 : (gsize) (g_utf8_next_char (p) - p);
        gboolean space = byte < 0x80 ? go_is_space (byte) : go_is_space (g_utf8_get_char (p));

        if (!(space && was_space))
          {
            memcpy (o, p, n);
            o += n;
          }
        was_space = space;
        p += n;
      }
    *o = '\0';
    out->len = o - out->str;
  }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return g_strdup (stripped->str);
    }
  return g_string_free (out, FALSE);
}

static guint
count_pattern (const char *html,
               gsize       length,
               const char *tag,
               const char *followers)
{
  gsize n = strlen (tag);
  const char *end = html + length;
  guint count = 0;

  for (const char *p = html; (p = memchr (p, '<', end - p)) != NULL; p++)
    if ((gsize) (end - p) > n && memcmp (p, tag, n) == 0 && p[n] != '\0' &&
        strchr (followers, p[n]) != NULL)
      count++;
  return count;
}

void
byline_stats_count_html (const char  *html,
                         gssize       length,
                         gboolean     cjk,
                         BylineStats *stats)
{
  g_autofree char *plain = NULL;
  g_autofree char *plain_again = NULL;
  gboolean in_word = FALSE;
  guint words = 0;

  g_return_if_fail (html != NULL || length == 0);
  g_return_if_fail (stats != NULL);

  if (length < 0)
    length = strlen (html);

  memset (stats, 0, sizeof *stats);
  stats->cjk = cjk;
  plain = byline_stats_strip_html (html, length);

  if (!cjk)
    {
      /* helpers.TotalWords */
      for (const char *p = plain; *p != '\0'; )
        {
          guchar byte = *p;
          gboolean was_in_word = in_word;

          if (byte < 0x80)
            {
              in_word = !go_is_space (byte);
              p++;
            }
          else
            {
              in_word = !go_is_space (g_utf8_get_char (p));
              p = g_utf8_next_char (p);
            }
          if (in_word && !was_in_word)
            words++;
        }
    }
  else
    {
      /* strings.Fields, then 1 per ASCII field, else its characters. */
      const char *p = plain;

      while (*p != '\0')
        {
          const char *start;
          gboolean ascii = TRUE;
          guint chars = 0;

          while (*p != '\0' && go_is_space (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          if (*p == '\0')
            break;
          start = p;
          while (*p != '\0' && !go_is_space (g_utf8_get_char (p)))
            {
              if ((guchar) *p >= 0x80)
                ascii = FALSE;
              chars++;
              p = g_utf8_next_char (p);
            }
          words += (ascii && p > start) ? 1 : chars;
        }
    }

  stats->words = words;
  stats->reading_time = cjk ? (words + 500) / 501 : (words + 212) / 213;

  /* countrunes strips the HTML of .Plain once more. */
  plain_again = byline_stats_strip_html (plain, -1);
  /* Whole characters: the bytes that start one. */
  for (const char *p = plain_again; *p != '\0'; p++)
    if (((guchar) *p & 0xC0) != 0x80 && !hugo_is_whitespace ((guchar) *p))
      stats->characters++;

  stats->paragraphs = count_pattern (html, length, "<p", " >");
  stats->pictures = count_pattern (html, length, "<img", " >/");
}

static gboolean
parse_bool (const char *value,
            gboolean   *result)
{
  /* strconv.ParseBool, as spf13/cast uses it. */
  static const char * const truths[] = { "1", "t", "T", "TRUE", "true", "True" };
  static const char * const lies[] = { "0", "f", "F", "FALSE", "false", "False" };

  for (guint i = 0; i < G_N_ELEMENTS (truths); i++)
    if (strcmp (value, truths[i]) == 0)
      {
        *result = TRUE;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (lies); i++)
    if (strcmp (value, lies[i]) == 0)
      {
        *result = FALSE;
        return TRUE;
      }
  return FALSE;
}

gboolean
byline_stats_post_is_cjk (BylinePost *post,
                          gboolean    site_has_cjk_language)
{
  BylineFrontMatter *front_matter;
  const char *text;
  guint n_entries;

  g_return_val_if_fail (BYLINE_IS_POST (post), FALSE);

  front_matter = byline_post_get_front_matter (post);
  n_entries = front_matter != NULL ? byline_front_matter_get_n_entries (front_matter) : 0;
  for (guint i = 0; i < n_entries; i++)
    {
      const BylineFrontMatterEntry *entry = byline_front_matter_get_entry (front_matter, i);
      gboolean value;

      if (g_ascii_strcasecmp (entry->key, "isCJKLanguage") == 0 && entry->value != NULL &&
          parse_bool (entry->value, &value))
        return value;
    }

  if (!site_has_cjk_language)
    return FALSE;

  /* \p{Han}|\p{Hangul}|\p{Hiragana}|\p{Katakana} over the whole file. */
  text = byline_post_get_text (post);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      GUnicodeScript script;

      if ((guchar) *p < 0x80)
        continue;
      script = g_unichar_get_script (g_utf8_get_char (p));
      if (script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HANGUL ||
          script == G_UNICODE_SCRIPT_HIRAGANA || script == G_UNICODE_SCRIPT_KATAKANA)
        return TRUE;
    }
  return FALSE;
}

void
byline_stats_compute (BylineRenderer *renderer,
                      BylinePost     *post,
                      gboolean        site_has_cjk_language,
                      BylineStats    *stats)
{
  g_autoptr(BylineRendering) rendering = NULL;
  g_autofree char *html = NULL;

  g_return_if_fail (BYLINE_IS_RENDERER (renderer));
  g_return_if_fail (BYLINE_IS_POST (post));
  g_return_if_fail (stats != NULL);

  rendering = byline_renderer_render (renderer, post);
  html = byline_rendering_get_html (rendering);
  byline_stats_count_html (html, -1, byline_stats_post_is_cjk (post, site_has_cjk_language),
                           stats);
}

void
byline_stats_compute_range (BylineRenderer *renderer,
                            BylinePost     *post,
                            gsize           start,
                            gsize           end,
                            gboolean        site_has_cjk_language,
                            BylineStats    *stats)
{
  const BylinePostLayout *layout;
  const char *text;
  gsize length;
  g_autoptr(GString) part = NULL;
  g_autoptr(BylinePost) part_post = NULL;
  g_autoptr(BylineRendering) rendering = NULL;
  g_autofree char *html = NULL;

  g_return_if_fail (BYLINE_IS_RENDERER (renderer));
  g_return_if_fail (BYLINE_IS_POST (post));
  g_return_if_fail (stats != NULL);

  memset (stats, 0, sizeof *stats);
  stats->cjk = byline_stats_post_is_cjk (post, site_has_cjk_language);

  layout = byline_post_get_layout (post);
  text = byline_post_get_text (post);
  length = byline_post_get_length (post);
  start = CLAMP (start, layout->body_start, length);
  end = CLAMP (end, start, length);

  /* Keep the start and end of the selection on character boundaries. */
  while (start < end && (text[start] & 0xC0) == 0x80)
    start++;
  while (end > start && end < length && (text[end] & 0xC0) == 0x80)
    end--;
  if (start >= end)
    return;

  /* An empty front matter first, so that a selection starting with ---
   * stays body text. */
  part = g_string_new ("---\n---\n");
  g_string_append_len (part, text + start, end - start);
  part_post = byline_post_new (part->str, part->len);

  rendering = byline_renderer_render (renderer, part_post);
  html = byline_rendering_get_html (rendering);
  byline_stats_count_html (html, -1, stats->cjk, stats);
}
