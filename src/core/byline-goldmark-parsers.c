/* byline-goldmark-parsers.c — the text parsers Hugo adds to Goldmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Goldmark's typographer (extension/typographer.go), linkify
 * (extension/linkify.go, with Hugo's linkifyProtocol) and goldmark-emoji's
 * parser, ported to run over a text node's source. Goldmark runs them from
 * its inline parser at the characters that trigger them; the caller,
 * byline_goldmark_write_text(), does the same.
 */

#define G_LOG_DOMAIN "byline-goldmark"

#include "config.h"

#include "byline-goldmark-private.h"

#include <string.h>

/* Character classes, as Goldmark's util and Go's unicode package see them */

guint16 byline_goldmark_chars[256];

static void
set_class (const char *chars,
           guint16     class)
{
  for (const char *p = chars; *p != '\0'; p++)
    byline_goldmark_chars[(guchar) *p] |= class;
}

void
byline_goldmark_chars_init (void)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;

  for (int c = 0; c < 128; c++)
    {
      if (g_ascii_ispunct (c))
        byline_goldmark_chars[c] |= CHAR_PUNCT;
      if (g_ascii_isalnum (c))
        byline_goldmark_chars[c] |= CHAR_URL_SAFE | CHAR_EMAIL | CHAR_DOMAIN | CHAR_PATH;
    }
  set_class (" \t\n\r", CHAR_SPACE);
  set_class ("'\"-.<>", CHAR_TYPOGRAPHY);
  set_class (" \t*_~(", CHAR_LINKIFY);
  set_class ("!#$&'()*+,-./:;=?@_~", CHAR_URL_SAFE);
  set_class ("!#$%&'*+-./=?^_`{|}~", CHAR_EMAIL);
  set_class ("-@:%._+~#=", CHAR_DOMAIN);
  set_class ("-@:%_+.~#!?&/=();,'\">^{}[]`", CHAR_PATH);
  set_class ("&<>\"", CHAR_ESCAPE);
  set_class ("?!.,:*_~", CHAR_TRIM);

  g_once_init_leave (&done, 1);
}

gunichar
byline_goldmark_rune_at (const char *text,
                         gsize       length,
                         gsize       pos)
{
  gunichar c;

  if (pos >= length)
    return ' ';
  c = g_utf8_get_char_validated (text + pos, length - pos);
  return c == (gunichar) -1 || c == (gunichar) -2 ? 0xfffd : c;
}

/* util.IsPunctRune: punctuation or symbol. */
static gboolean
is_punct_rune (gunichar c)
{
  return g_unichar_ispunct (c);
}

/* util.IsSpaceRune */
static gboolean
is_space_rune (gunichar c)
{
  return (c < 128 && byline_goldmark_ascii_space (c)) || g_unichar_isspace (c);
}

/* unicode.IsPunct: punctuation only. */
static gboolean
is_go_punct (gunichar c)
{
  switch ((int) g_unichar_type (c))
    {
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The typographer (extension/typographer.go) */

typedef struct
{
  gboolean open;
  gboolean close;
} Flanking;

/* parser.ScanDelimiter for one quote character. */
static Flanking
scan_delimiter (const char *line,
                gsize       len,
                gunichar    before)
{
  gsize j = 0;
  gunichar after;
  gboolean before_punct = is_punct_rune (before);
  gboolean before_space = is_space_rune (before);
  gboolean after_punct;
  gboolean after_space;
  gboolean left;
  gboolean right;

  while (j < len && line[j] == line[0])
    j++;
  after = j < len ? byline_goldmark_rune_at (line, len, j) : ' ';
  after_punct = is_punct_rune (after);
  after_space = is_space_rune (after);

  left = !after_space && (!after_punct || before_space || before_punct);
  right = !before_space && (!before_punct || after_space || after_punct);

  return (Flanking) { left, right };
}

/* Whether an open quote closes here: a right-flanking quote, or one that
 * flanks both sides between punctuation, as in "word".) */
static gboolean
closes (Flanking    d,
        const char *line,
        gsize       len)
{
  gboolean maybe_close = d.close && d.open && len > 1 &&
                         is_go_punct (byline_goldmark_rune_at (line, len, 1)) &&
                         (len == 2 || (len > 2 && byline_goldmark_ascii_punct (line[2])) ||
                          byline_goldmark_ascii_space (line[2]));

  return (d.close && !d.open) || maybe_close;
}

/* Returns how many bytes of @line a substitution replaces (0 for none) and
 * which one in *@which. */
gsize
byline_goldmark_typographer (Walk                      *walk,
                             const char                *line,
                             gsize                      len,
                             gunichar                   before,
                             BylineGoldmarkPunctuation *which)
{
  char * const *subs = walk->gm->settings->typographer_strings;
  char c = line[0];
  Flanking d;

#define SUB(kind, n) do { *which = (kind); return (n); } while (0)

  if (len > 2)
    {
      if (c == '-')
        {
          if (subs[BYLINE_GOLDMARK_EM_DASH] != NULL && line[1] == '-' && line[2] == '-')
            SUB (BYLINE_GOLDMARK_EM_DASH, 3);
        }
      else if (c == '.')
        {
          if (subs[BYLINE_GOLDMARK_ELLIPSIS] != NULL && line[1] == '.' && line[2] == '.')
            SUB (BYLINE_GOLDMARK_ELLIPSIS, 3);
          return 0;
        }
    }
  if (len > 1)
    {
      if (c == '<')
        {
          if (subs[BYLINE_GOLDMARK_LEFT_ANGLE_QUOTE] != NULL && line[1] == '<')
            SUB (BYLINE_GOLDMARK_LEFT_ANGLE_QUOTE, 2);
          return 0;
        }
      else if (c == '>')
        {
          if (subs[BYLINE_GOLDMARK_RIGHT_ANGLE_QUOTE] != NULL && line[1] == '>')
            SUB (BYLINE_GOLDMARK_RIGHT_ANGLE_QUOTE, 2);
          return 0;
        }
      else if (subs[BYLINE_GOLDMARK_EN_DASH] != NULL && c == '-' && line[1] == '-')
        SUB (BYLINE_GOLDMARK_EN_DASH, 2);
    }

  if (c != '\'' && c != '"')
    return 0;

  d = scan_delimiter (line, len, before);

  if (c == '\'')
    {
      if (subs[BYLINE_GOLDMARK_APOSTROPHE] != NULL)
        {
          /* Decades: '90s */
          if (d.open && !d.close && len > 3 && g_ascii_isdigit (line[1]) &&
              g_ascii_isdigit (line[2]) && line[3] == 's')
            {
              gunichar after = len > 4 ? byline_goldmark_rune_at (line, len, 4) : ' ';

              if (len == 3 || is_space_rune (after) || is_punct_rune (after))
                SUB (BYLINE_GOLDMARK_APOSTROPHE, 1);
            }
          /* 'twas, 'em, 'net */
          if (len > 1 && (is_go_punct (before) || g_unichar_isspace (before)) &&
              (line[1] == 't' || line[1] == 'e' || line[1] == 'n' || line[1] == 'l'))
            SUB (BYLINE_GOLDMARK_APOSTROPHE, 1);
          /* Between letters or digits and a letter */
          if (len > 1 && (g_unichar_isdigit (before) || g_unichar_isalpha (before)) &&
              g_unichar_isalpha (byline_goldmark_rune_at (line, len, 1)))
            SUB (BYLINE_GOLDMARK_APOSTROPHE, 1);
        }
      if (subs[BYLINE_GOLDMARK_LEFT_SINGLE_QUOTE] != NULL && d.open && !d.close)
        {
          BylineGoldmarkPunctuation kind = BYLINE_GOLDMARK_LEFT_SINGLE_QUOTE;

          /* Alice's, I'm, Don't, You'd */
          if (len > 1 && (line[1] == 's' || line[1] == 'm' || line[1] == 't' || line[1] == 'd') &&
              (len < 3 || byline_goldmark_ascii_punct (line[2]) ||
               byline_goldmark_ascii_space (line[2])))
            kind = BYLINE_GOLDMARK_RIGHT_SINGLE_QUOTE;
          /* I've, I'll, You're */
          if (len > 2 &&
              ((line[1] == 'v' && line[2] == 'e') || (line[1] == 'l' && line[2] == 'l') ||
               (line[1] == 'r' && line[2] == 'e')) &&
              (len < 4 || byline_goldmark_ascii_punct (line[3]) ||
               byline_goldmark_ascii_space (line[3])))
            kind = BYLINE_GOLDMARK_RIGHT_SINGLE_QUOTE;
          if (kind == BYLINE_GOLDMARK_LEFT_SINGLE_QUOTE)
            walk->open_single++;
          SUB (kind, 1);
        }
      if (subs[BYLINE_GOLDMARK_RIGHT_SINGLE_QUOTE] != NULL)
        {
          /* Smiths', doin': Goldmark's condition, operator precedence and
           * all (the quote itself is always punctuation). */
          if (len > 2 && !g_unichar_isdigit (byline_goldmark_rune_at (line, len, 1)))
            SUB (BYLINE_GOLDMARK_RIGHT_SINGLE_QUOTE, 1);
        }
      if (subs[BYLINE_GOLDMARK_RIGHT_SINGLE_QUOTE] != NULL && walk->open_single > 0 &&
          closes (d, line, len))
        {
          walk->open_single--;
          SUB (BYLINE_GOLDMARK_RIGHT_SINGLE_QUOTE, 1);
        }
      return 0;
    }

  if (subs[BYLINE_GOLDMARK_LEFT_DOUBLE_QUOTE] != NULL && d.open && !d.close)
    {
      walk->open_double++;
      SUB (BYLINE_GOLDMARK_LEFT_DOUBLE_QUOTE, 1);
    }
  if (subs[BYLINE_GOLDMARK_RIGHT_DOUBLE_QUOTE] != NULL && walk->open_double > 0 &&
      closes (d, line, len))
    {
      /* "Monitor 21"" */
      if (len > 1 && line[1] == '"' && g_unichar_isdigit (before))
        return 0;
      walk->open_double--;
      SUB (BYLINE_GOLDMARK_RIGHT_DOUBLE_QUOTE, 1);
    }

#undef SUB

  return 0;
}

/* Linkify (extension/linkify.go) */

static gboolean
is_domain_char (guchar c)
{
  return (byline_goldmark_chars[c] & CHAR_DOMAIN) != 0;
}

static gboolean
is_path_char (guchar c,
              gboolean www)
{
  if (g_ascii_isalnum (c))
    return TRUE;
  if (c == '$')
    return !www;
  return (byline_goldmark_chars[c] & CHAR_PATH) != 0;
}

/* The host part of urlRegexp and wwwRegexp, from @p: the longest run of
 * domain characters (at most 256) followed by "." and lower-case letters.
 * Returns the end of the letters, or 0. */
static gsize
match_host (const char *line,
            gsize       len,
            gsize       p)
{
  gsize run = p;
  gsize best = 0;

  while (run < len && is_domain_char (line[run]))
    run++;

  for (gsize k = MIN (run, p + 256); k > p; k--)
    if (k < len && line[k] == '.' && k + 1 < len && g_ascii_islower (line[k + 1]))
      {
        best = k + 1;
        break;
      }
  if (best == 0)
    return 0;

  while (best < len && g_ascii_islower (line[best]))
    best++;

  return best;
}

static gsize
match_url (const char *line,
           gsize       len,
           gboolean    www)
{
  gsize p;

  if (www)
    p = strlen ("www.");
  else if (len >= 7 && memcmp (line, "http://", 7) == 0)
    p = 7;
  else if (len >= 8 && memcmp (line, "https://", 8) == 0)
    p = 8;
  else if (len >= 6 && memcmp (line, "ftp://", 6) == 0)
    p = 6;
  else
    return 0;

  p = match_host (line, len, p);
  if (p == 0)
    return 0;

  if (!www && p + 1 < len && line[p] == ':' && g_ascii_isdigit (line[p + 1]))
    {
      p++;
      while (p < len && g_ascii_isdigit (line[p]))
        p++;
    }

  if (p < len && (line[p] == '/' || line[p] == '#' || line[p] == '?'))
    {
      p++;
      while (p < len && is_path_char (line[p], www))
        p++;
    }

  return p;
}

/* util.FindEmailIndex */
static gsize
match_email (const char *line,
             gsize       len)
{
  gsize i = 0;
  gsize end;

  while (i < len && (byline_goldmark_chars[(guchar) line[i]] & CHAR_EMAIL) != 0)
    i++;
  if (i == 0 || i >= len || line[i] != '@')
    return 0;
  i++;

  /* Labels of letters, digits and inner hyphens, at most 63, joined by dots. */
  end = i;
  for (gsize p = i;;)
    {
      gsize q;
      gsize last_alnum;

      if (p >= len || !g_ascii_isalnum (line[p]))
        break;
      last_alnum = p;
      for (q = p + 1; q < len && q - p < 63 && (g_ascii_isalnum (line[q]) || line[q] == '-'); q++)
        if (g_ascii_isalnum (line[q]))
          last_alnum = q;
      end = last_alnum + 1;
      if (end < len && line[end] == '.' && end + 1 < len && g_ascii_isalnum (line[end + 1]))
        p = end + 1;
      else
        break;
    }

  return end > i ? end : 0;
}

gboolean
byline_goldmark_linkify (const char *line,
                         gsize       len,
                         Linkified  *link)
{
  gsize start = 0;
  gsize m = 0;
  gsize i;
  gboolean email = FALSE;
  gboolean www = FALSE;
  char last;

  if (len > 0 && line[0] != '\t' &&
      (byline_goldmark_chars[(guchar) line[0]] & CHAR_LINKIFY) != 0)
    start = 1;
  line += start;
  len -= start;
  if (len == 0)
    return FALSE;

  m = match_url (line, len, FALSE);
  if (m == 0 && len > 4 && memcmp (line, "www.", 4) == 0)
    {
      m = match_url (line, len, TRUE);
      www = m > 0;
    }

  if (m > 0)
    {
      last = line[m - 1];
      if (last == '.')
        m--;
      else if (last == ')')
        {
          int closing = 0;

          for (gsize k = m; k > 0; k--)
            {
              if (line[k - 1] == ')')
                closing++;
              else if (line[k - 1] == '(')
                closing--;
            }
          if (closing > 0)
            m -= closing;
        }
      else if (last == ';' && m >= 2)
        {
          gssize k = (gssize) m - 2;

          while (k >= 0 && g_ascii_isalnum (line[k]))
            k--;
          if (k != (gssize) m - 2 && k >= 0 && line[k] == '&')
            m = (gsize) k;
        }
    }
  else
    {
      gsize at;

      if (byline_goldmark_ascii_punct (line[0]))
        return FALSE;
      m = match_email (line, len);
      if (m == 0)
        return FALSE;
      at = (gsize) ((const char *) memchr (line, '@', len) - line);
      if (memchr (line + at, '.', m - 1 - at) == NULL)
        return FALSE;
      if (line[m - 1] == '.')
        m--;
      if (m < len && (line[m] == '-' || line[m] == '_'))
        return FALSE;
      email = TRUE;
    }

  for (i = m - 1; i > 0 && (byline_goldmark_chars[(guchar) line[i]] & CHAR_TRIM) != 0; i--)
    ;
  i++;

  link->consumed = start + i;
  link->start = start;
  link->length = i;
  link->email = email;
  link->www = www;
  return TRUE;
}

void
byline_goldmark_write_link (Walk       *walk,
                            const char *url,
                            const char *label,
                            gsize       label_length)
{
  GString *out = walk->out;

  g_string_append (out, "<a href=\"");
  byline_goldmark_write_url (walk->gm, out, url);
  g_string_append (out, "\">");
  byline_goldmark_escape (out, label, label_length);
  g_string_append (out, "</a>");
}

void
byline_goldmark_write_linkified (Walk       *walk,
                                 const char *text,
                                 Linkified  *link)
{
  const BylineGoldmarkSettings *settings = walk->gm->settings;
  g_autofree char *url = NULL;
  const char *label = text + link->start;

  if (link->email)
    url = g_strconcat (g_ascii_strncasecmp (label, "mailto:", 7) == 0 ? "" : "mailto:", NULL);
  else if (link->www)
    url = g_strconcat (settings->linkify_protocol != NULL ? settings->linkify_protocol : "http",
                       "://", NULL);
  else
    url = g_strdup ("");

  {
    g_autofree char *full = g_strdup_printf ("%s%.*s", url, (int) link->length, label);

    byline_goldmark_write_link (walk, full, label, link->length);
  }
}

/* Emoji (goldmark-emoji's parser) */

gsize
byline_goldmark_emoji_name_length (const char *line,
                                   gsize       len)
{
  gsize i = 1;

  while (i < len && (g_ascii_isalnum (line[i]) || line[i] == '_' || line[i] == '-' ||
                     line[i] == '+'))
    i++;

  return i < len && line[i] == ':' ? i - 1 : 0;
}

gboolean
byline_goldmark_next_linkified (const BylineGoldmarkSettings *settings,
                                const char                   *text,
                                gsize                         length,
                                gsize                        *from,
                                gsize                        *start,
                                gsize                        *end,
                                char                        **url)
{
  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (from != NULL && start != NULL && end != NULL && url != NULL, FALSE);

  if (!settings->linkify)
    return FALSE;

  byline_goldmark_chars_init ();
  for (gsize i = *from; i < length; i++)
    {
      guchar c = (guchar) text[i];
      Linkified link;
      const char *label;

      /* Where byline-goldmark-text.c looks: at the text's start, or at a
       * space or one of *_~( before the address. */
      if (!((byline_goldmark_chars[c] & CHAR_LINKIFY) != 0 ||
            (i == 0 && !byline_goldmark_ascii_punct (c))) ||
          !byline_goldmark_linkify (text + i, length - i, &link))
        continue;

      label = text + i + link.start;
      *start = i + link.start;
      *end = *start + link.length;
      *from = i + MAX (link.consumed, 1);
      if (link.email)
        *url = g_ascii_strncasecmp (label, "mailto:", 7) == 0
                 ? g_strndup (label, link.length)
                 : g_strdup_printf ("mailto:%.*s", (int) link.length, label);
      else if (link.www)
        *url = g_strdup_printf ("%s://%.*s",
                                settings->linkify_protocol != NULL ? settings->linkify_protocol
                                                                   : "http",
                                (int) link.length, label);
      else
        *url = g_strndup (label, link.length);
      return TRUE;
    }

  *from = length;
  return FALSE;
}
