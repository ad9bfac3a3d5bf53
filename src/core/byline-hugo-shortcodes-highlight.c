/* byline-hugo-shortcodes-highlight.c — the highlight shortcode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo hands the inner text, de-indented and trimmed of newlines, to
 * Chroma (tpl/tplimpl/embedded/templates/_shortcodes/highlight.html). The
 * preview writes Chroma's HTML structure with its class names (the wrapper,
 * one span.line per line, line numbers inline or in a table, highlighted
 * lines, inline code) but does not colour tokens: the page's style sheet
 * styles the block. The options are those of Hugo's syntax-highlighting
 * options (hugoDocs content/en/_common/syntax-highlighting-options.md).
 */

#define G_LOG_DOMAIN "byline-hugo-shortcodes"

#include "config.h"

#include "byline-hugo-shortcodes-private.h"

#include "byline-renderer-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef enum
{
  LINE_NUMBERS_NONE,
  LINE_NUMBERS_INLINE,
  LINE_NUMBERS_TABLE,
} LineNumbers;

typedef struct
{
  LineNumbers  line_numbers;
  gboolean     line_numbers_given_true;
  gboolean     in_table;         /* lineNumbersInTable, true by default */
  gint64       start;            /* lineNoStart */
  gboolean     anchors;          /* anchorLineNos */
  char        *anchor_prefix;    /* lineAnchors */
  char        *wrapper_class;    /* wrapperClass */
  gboolean     inline_;          /* hl_inline */
  GArray      *highlighted;      /* of guint pairs: first, last (1-based) */
} Options;

static void
options_clear (Options *options)
{
  g_clear_pointer (&options->anchor_prefix, g_free);
  g_clear_pointer (&options->wrapper_class, g_free);
  g_clear_pointer (&options->highlighted, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
parse_bool (const char *value,
            gboolean   *result)
{
  if (g_ascii_strcasecmp (value, "true") == 0 || strcmp (value, "1") == 0)
    *result = TRUE;
  else if (g_ascii_strcasecmp (value, "false") == 0 || strcmp (value, "0") == 0)
    *result = FALSE;
  else
    return FALSE;
  return TRUE;
}

/* hl_lines: "2-4 7", numbers and ranges separated by spaces. */
static gboolean
parse_lines (const char *value,
             GArray     *ranges)
{
  g_auto(GStrv) items = g_strsplit_set (value, " \t[],\"", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) bounds = NULL;
      guint64 first;
      guint64 last;

      if (items[i][0] == '\0')
        continue;
      bounds = g_strsplit (items[i], "-", 2);
      if (!g_ascii_string_to_unsigned (bounds[0], 10, 1, G_MAXUINT, &first, NULL))
        return FALSE;
      last = first;
      if (bounds[1] != NULL &&
          !g_ascii_string_to_unsigned (bounds[1], 10, first, G_MAXUINT, &last, NULL))
        return FALSE;
      g_array_append_val (ranges, first);
      g_array_append_val (ranges, last);
    }
  return TRUE;
}

static gboolean
parse_options (const char  *text,
               Options     *options,
               GError     **error)
{
  g_auto(GStrv) items = NULL;

  options->in_table = TRUE;
  options->start = 1;
  options->highlighted = g_array_new (FALSE, FALSE, sizeof (guint64));
  if (text == NULL)
    return TRUE;

  items = g_strsplit (text, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      char *item = g_strstrip (items[i]);
      char *equals = strchr (item, '=');
      g_autofree char *key = NULL;
      const char *value;
      gboolean ok = TRUE;
      gboolean flag;

      if (*item == '\0')
        continue;
      key = g_ascii_strdown (item, equals != NULL ? equals - item : -1);
      g_strstrip (key);
      value = equals != NULL ? g_strstrip (equals + 1) : "true";

      if (strcmp (key, "linenos") == 0)
        {
          if (g_ascii_strcasecmp (value, "inline") == 0)
            options->line_numbers = LINE_NUMBERS_INLINE;
          else if (g_ascii_strcasecmp (value, "table") == 0)
            options->line_numbers = LINE_NUMBERS_TABLE;
          else if ((ok = parse_bool (value, &flag)))
            options->line_numbers_given_true = flag;
        }
      else if (strcmp (key, "linenumbersintable") == 0)
        ok = parse_bool (value, &options->in_table);
      else if (strcmp (key, "linenostart") == 0)
        ok = g_ascii_string_to_signed (value, 10, G_MININT32, G_MAXINT32, &options->start, NULL);
      else if (strcmp (key, "anchorlinenos") == 0)
        ok = parse_bool (value, &options->anchors);
      else if (strcmp (key, "lineanchors") == 0)
        {
          g_free (options->anchor_prefix);
          options->anchor_prefix = g_strdup (value);
        }
      else if (strcmp (key, "wrapperclass") == 0)
        {
          g_free (options->wrapper_class);
          options->wrapper_class = g_strdup (value);
        }
      else if (strcmp (key, "hl_inline") == 0)
        ok = parse_bool (value, &options->inline_);
      else if (strcmp (key, "hl_lines") == 0)
        ok = parse_lines (value, options->highlighted);
      /* Colours (style, noClasses, tabWidth, guessSyntax, …) are the
       * style sheet's business in the preview. */

      if (!ok)
        {
          g_set_error (error, BYLINE_HUGO_SHORTCODE_ERROR, BYLINE_HUGO_SHORTCODE_ERROR_BAD_PARAMS,
                       _("The highlight option “%s” has a value Hugo cannot read: “%s”"),
                       key, value);
          return FALSE;
        }
    }

  if (options->line_numbers == LINE_NUMBERS_NONE && options->line_numbers_given_true)
    options->line_numbers = options->in_table ? LINE_NUMBERS_TABLE : LINE_NUMBERS_INLINE;

  return TRUE;
}

static gboolean
is_highlighted (const Options *options,
                guint          line)
{
  for (guint i = 0; i + 1 < options->highlighted->len; i += 2)
    if (line >= g_array_index (options->highlighted, guint64, i) &&
        line <= g_array_index (options->highlighted, guint64, i + 1))
      return TRUE;
  return FALSE;
}

static void
append_code_open (GString    *out,
                  const char *lang,
                  const char *extra_class)
{
  g_string_append (out, "<code");
  if (lang[0] != '\0' || extra_class != NULL)
    {
      g_string_append (out, " class=\"");
      if (extra_class != NULL)
        g_string_append_printf (out, "%s%s", extra_class, lang[0] != '\0' ? " " : "");
      if (lang[0] != '\0')
        {
          g_string_append (out, "language-");
          byline_hugo_append_attr (out, lang);
        }
      g_string_append_c (out, '"');
    }
  if (lang[0] != '\0' && extra_class == NULL)
    {
      g_string_append (out, " data-lang=\"");
      byline_hugo_append_attr (out, lang);
      g_string_append_c (out, '"');
    }
  g_string_append_c (out, '>');
}

static void
append_line_number (GString       *out,
                    const Options *options,
                    const char    *class,
                    gint64         number,
                    const char    *after)
{
  g_string_append_printf (out, "<span class=\"%s\"", class);
  if (options->anchors)
    {
      g_autofree char *id = options->anchor_prefix != NULL && options->anchor_prefix[0] != '\0'
        ? g_strdup_printf ("%s-%" G_GINT64_FORMAT, options->anchor_prefix, number)
        : g_strdup_printf ("%" G_GINT64_FORMAT, number);

      g_string_append (out, " id=\"");
      byline_hugo_append_attr (out, id);
      g_string_append (out, "\"><a class=\"lnlinks\" href=\"#");
      byline_hugo_append_attr (out, id);
      g_string_append_printf (out, "\">%" G_GINT64_FORMAT "%s</a></span>", number, after);
    }
  else
    {
      g_string_append_printf (out, ">%" G_GINT64_FORMAT "%s</span>", number, after);
    }
}

char *
byline_hugo_render_highlight (const BylineHugoShortcodeCall  *self,
                              GError                        **error)
{
  const char *lang = byline_hugo_get (self->call, NULL, 0);
  g_auto(Options) options = { 0, };
  g_autofree char *code = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_lines;
  gsize length;
  GString *out;

  if (!parse_options (byline_hugo_get (self->call, NULL, 1), &options, error))
    return NULL;
  if (lang == NULL)
    lang = "";

  code = self->inner != NULL ? byline_renderer_dedent_text (self->inner, self->inner_len)
                             : g_strdup ("");
  /* Hugo trims newlines only; the dedent above also drops trailing blanks. */
  length = strlen (code);
  while (length > 0 && (code[length - 1] == '\n' || code[length - 1] == '\r'))
    code[--length] = '\0';

  out = g_string_new (NULL);
  if (options.inline_)
    {
      append_code_open (out, lang, "code-inline");
      byline_hugo_append_text (out, code);
      g_string_append (out, "</code>");
      return g_string_free (out, FALSE);
    }

  lines = g_strsplit (code, "\n", -1);
  n_lines = g_strv_length (lines);
  if (n_lines == 0)
    n_lines = 1;

  g_string_append (out, "<div class=\"");
  byline_hugo_append_attr (out, options.wrapper_class != NULL ? options.wrapper_class
                                                              : "highlight");
  g_string_append (out, "\">");

  if (options.line_numbers == LINE_NUMBERS_TABLE)
    {
      g_string_append (out, "<div class=\"chroma\">\n<table class=\"lntable\"><tr>"
                            "<td class=\"lntd\">\n<pre tabindex=\"0\" class=\"chroma\"><code>");
      for (guint i = 0; i < n_lines; i++)
        append_line_number (out, &options, is_highlighted (&options, i + 1) ? "lnt hl" : "lnt",
                            options.start + i, "\n");
      g_string_append (out, "</code></pre></td>\n<td class=\"lntd\">\n");
    }

  g_string_append (out, "<pre tabindex=\"0\" class=\"chroma\">");
  append_code_open (out, lang, NULL);
  for (guint i = 0; i < n_lines; i++)
    {
      const char *line = lines[0] != NULL ? lines[i] : "";

      g_string_append_printf (out, "<span class=\"%s\">",
                              is_highlighted (&options, i + 1) ? "line hl" : "line");
      if (options.line_numbers == LINE_NUMBERS_INLINE)
        append_line_number (out, &options, "ln", options.start + i, "");
      g_string_append (out, "<span class=\"cl\">");
      byline_hugo_append_text (out, line);
      g_string_append (out, "\n</span></span>");
    }
  g_string_append (out, "</code></pre>");

  if (options.line_numbers == LINE_NUMBERS_TABLE)
    g_string_append (out, "</td></tr></table>\n</div>\n");
  g_string_append (out, "</div>");

  return g_string_free (out, FALSE);
}
