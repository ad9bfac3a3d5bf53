/* byline-spell-tokens.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text is cut into chunks at white space first, because most of what a
 * spell checker must leave alone is recognised as a whole chunk (an address,
 * a path, a version). Quotes and brackets around a chunk and the
 * punctuation after it are trimmed before it is judged; what remains of an
 * ordinary chunk is then split into words.
 */

#define G_LOG_DOMAIN "byline-spell"

#include "config.h"

#include "byline-spell-tokens.h"

#include <string.h>

/* Longer "words" are hashes, keys or encoded data. */
#define MAX_WORD_CHARS 40

gboolean
byline_spell_is_cjk_char (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HANGUL:
    case G_UNICODE_SCRIPT_BOPOMOFO:
      return TRUE;
    default:
      /* CJK punctuation, the prolonged sound mark and full-width forms. */
      return (c >= 0x3000 && c <= 0x30FF) || (c >= 0xFF00 && c <= 0xFFEF);
    }
}

gboolean
byline_spell_is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

gboolean
byline_spell_is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

/* Most prose is ASCII: these take the short way for it. */
static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return (g_unichar_isalpha (c) || g_unichar_ismark (c) || g_unichar_isdigit (c)) &&
         !byline_spell_is_cjk_char (c);
}

static inline gboolean
is_space (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isspace (c);
  return g_unichar_isspace (c);
}

static inline gunichar
char_at (const char *text,
         gsize       offset)
{
  guchar c = text[offset];

  return c < 0x80 ? c : g_utf8_get_char (text + offset);
}

static inline gsize
next_offset (const char *text,
             gsize       offset)
{
  if ((guchar) text[offset] < 0x80)
    return offset + 1;
  return g_utf8_next_char (text + offset) - text;
}

static gsize
previous_offset (const char *text,
                 gsize       offset)
{
  return g_utf8_prev_char (text + offset) - text;
}

/* What an ASCII character can be, looked up rather than searched for:
 * every character of the prose goes through these. */
enum
{
  LEADING_TRIM   = 1 << 0,  /* ([{"'*~ before a word */
  TRAILING_TRIM  = 1 << 1,  /* )]}"'.,;:!?*~% after it */
  SKIP_START     = 1 << 2,  /* @#$%~/.-\<=+ starting a chunk that is no prose */
  NUMBER_PUNCT   = 1 << 3,  /* +-., in a number */
};

static const guint8 ascii_classes[128] = {
  ['('] = LEADING_TRIM, ['['] = LEADING_TRIM, ['{'] = LEADING_TRIM,
  ['"'] = LEADING_TRIM | TRAILING_TRIM, ['\''] = LEADING_TRIM | TRAILING_TRIM,
  ['*'] = LEADING_TRIM | TRAILING_TRIM, ['~'] = LEADING_TRIM | TRAILING_TRIM | SKIP_START,
  [')'] = TRAILING_TRIM, [']'] = TRAILING_TRIM, ['}'] = TRAILING_TRIM,
  ['.'] = TRAILING_TRIM | SKIP_START | NUMBER_PUNCT, [','] = TRAILING_TRIM | NUMBER_PUNCT,
  [';'] = TRAILING_TRIM, [':'] = TRAILING_TRIM, ['!'] = TRAILING_TRIM, ['?'] = TRAILING_TRIM,
  ['%'] = TRAILING_TRIM | SKIP_START,
  ['@'] = SKIP_START, ['#'] = SKIP_START, ['$'] = SKIP_START, ['/'] = SKIP_START,
  ['-'] = SKIP_START | NUMBER_PUNCT, ['\\'] = SKIP_START, ['<'] = SKIP_START,
  ['='] = SKIP_START, ['+'] = SKIP_START | NUMBER_PUNCT,
};

static inline gboolean
ascii_is (gunichar c,
          guint8   classes)
{
  return c < 0x80 && (ascii_classes[c] & classes) != 0;
}

static gboolean
is_leading_trim (gunichar c)
{
  return ascii_is (c, LEADING_TRIM) ||
         (c >= 0x80 && (c == 0x201C || c == 0x2018 || c == 0x00AB || c == 0x2039 ||
                        c == 0x00BF || c == 0x00A1 || c == 0x2019));
}

static gboolean
is_trailing_trim (gunichar c)
{
  return ascii_is (c, TRAILING_TRIM) ||
         (c >= 0x80 && (c == 0x201D || c == 0x2019 || c == 0x00BB || c == 0x203A ||
                        c == 0x2026));
}

/* A number as written in prose: 10,000 or 2.8 or -3. */
static gboolean
is_number (const char *text,
           gsize       start,
           gsize       end)
{
  gboolean digit = FALSE;

  for (gsize i = start; i < end; i++)
    {
      if (g_ascii_isdigit (text[i]))
        digit = TRUE;
      else if (!ascii_is ((guchar) text[i], NUMBER_PUNCT))
        return FALSE;
    }
  return digit;
}

static gboolean
has_prefix_ascii_ci (const char *text,
                     gsize       start,
                     gsize       end,
                     const char *prefix)
{
  gsize n = strlen (prefix);

  return end - start >= n && g_ascii_strncasecmp (text + start, prefix, n) == 0;
}

/* An HTML entity at @offset: &amp; &#8217; &#x2019; */
static gboolean
is_entity_at (const char *text,
              gsize       offset,
              gsize       end)
{
  gsize i = offset + 1;

  if (text[offset] != '&')
    return FALSE;
  while (i < end && (g_ascii_isalnum (text[i]) || text[i] == '#'))
    i++;
  return i > offset + 1 && i < end && text[i] == ';';
}

/* An entity on its own stands for punctuation (&amp;); glued to letters
 * (caf&eacute;) it hides a word that cannot be checked as written. */
static gboolean
has_entity (const char *text,
            gsize       start,
            gsize       end)
{
  for (gsize i = start; i < end; i++)
    if (is_entity_at (text, i, end))
      return TRUE;
  return FALSE;
}

/* Whether a whole (trimmed) chunk is something other than prose. */
static gboolean
skip_chunk (const char *text,
            gsize       start,
            gsize       end)
{
  guint slashes = 0;
  gboolean dot = FALSE;

  if (ascii_is ((guchar) text[start], SKIP_START))
    return TRUE;  /* handles, anchors, variables, paths, options */
  if (has_prefix_ascii_ci (text, start, end, "www.") ||
      has_prefix_ascii_ci (text, start, end, "mailto:"))
    return TRUE;

  for (gsize i = start; i < end; i++)
    {
      char c = text[i];
      gboolean inner = i > start && i + 1 < end;

      switch (c)
        {
        case '@':  /* e-mail addresses */
        case '_':  /* snake_case */
        case '\\': case '=': case '<': case '>': case '{': case '}':
        case '|': case '[': case ']': case '`':
          return TRUE;

        case '/':
          slashes++;
          if (i + 2 < end && text[i + 1] == '/' && i > start && text[i - 1] == ':')
            return TRUE;  /* scheme:// */
          if (i == start || i + 1 == end)
            return TRUE;
          break;

        case '(': case ')':
          /* f(x), word(s): code and abbreviations, not a word to check. */
          if (inner)
            return TRUE;
          break;

        case '.': case ':':
          /* index.md, istio.io, e.g, Node.js, 1.2, istio:latest */
          if (inner && g_ascii_isalnum (text[i + 1]) &&
              (g_ascii_isalnum (text[i - 1]) || (guchar) text[i - 1] >= 0x80))
            return TRUE;
          if (c == '.')
            dot = TRUE;
          break;


        default:
          break;
        }
    }

  /* docs/setup and a/b/c.txt are paths; and/or is two words. */
  return slashes > 1 || (slashes == 1 && dot);
}

static gboolean
is_unit (const char *word,
         gsize       length)
{
  static const char * const units[] = {
    "b", "bps", "em", "gb", "gbps", "ghz", "gi", "gib", "h", "hr", "hrs", "hz", "k", "kb",
    "kbps", "khz", "ki", "kib", "m", "mb", "mbps", "mcpu", "mhz", "mi", "mib", "min", "mins",
    "ms", "ns", "pt", "px", "qps", "rem", "rps", "s", "sec", "secs", "tb", "tib", "us",
    "vcpu", "vcpus", "x", "\xc2\xb5s", "\xce\xbcs",
  };
  g_autofree char *lower = g_utf8_strdown (word, length);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (strcmp (lower, units[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Whether one part of a word (no hyphen in it) is a word of the language at
 * all: not a number, an acronym or an identifier. */
static gboolean
part_is_checkable (const char *text,
                   gsize       start,
                   gsize       end)
{
  guint n_chars = 0, n_letters = 0, n_upper = 0;
  gboolean previous_lower = FALSE;
  gboolean camel = FALSE;
  gboolean plural_s = FALSE;

  for (gsize i = start; i < end; i = next_offset (text, i))
    {
      gunichar c = char_at (text, i);

      n_chars++;
      if (c < 0x80)
        {
          if (g_ascii_isdigit (c))
            return FALSE;
          if (g_ascii_isupper (c))
            {
              n_letters++;
              n_upper++;
              camel |= previous_lower;
              previous_lower = FALSE;
            }
          else if (g_ascii_islower (c))
            {
              n_letters++;
              previous_lower = TRUE;
            }
        }
      else if (g_unichar_isdigit (c))
        return FALSE;
      else if (g_unichar_isalpha (c))
        {
          n_letters++;
          if (g_unichar_isupper (c) || g_unichar_istitle (c))
            {
              n_upper++;
              if (previous_lower)
                camel = TRUE;
            }
          previous_lower = g_unichar_islower (c);
        }
      plural_s = c == 's';
    }

  if (n_chars < 2 || n_chars > MAX_WORD_CHARS || camel)
    return FALSE;
  /* TLS, APIs, CRDs */
  if (n_upper >= 2 && (n_upper == n_letters || (plural_s && n_upper == n_letters - 1)))
    return FALSE;
  return TRUE;
}

static void
add_token (GArray   *tokens,
           gsize     start,
           gsize     end,
           gboolean  hyphenated)
{
  BylineSpellToken token = { start, end, hyphenated };

  g_array_append_val (tokens, token);
}

static void
emit_word (const char *text,
           gsize       start,
           gsize       end,
           gboolean    hyphenated,
           gboolean    after_number,
           GArray     *tokens)
{
  gsize part_start = start;
  gboolean all_checkable = TRUE;
  guint first = tokens->len;

  if (after_number && !hyphenated && is_unit (text + start, end - start))
    return;

  if (!hyphenated)
    {
      if (part_is_checkable (text, start, end))
        add_token (tokens, start, end, FALSE);
      return;
    }

  /* Each part on its own first; the whole word is one token when every part
   * is a word (so that "well-known" can be found as written). */
  for (gsize i = start; i <= end; )
    {
      if (i == end || byline_spell_is_hyphen (char_at (text, i)))
        {
          if (part_is_checkable (text, part_start, i))
            add_token (tokens, part_start, i, FALSE);
          else
            all_checkable = FALSE;
          if (i == end)
            break;
          i = next_offset (text, i);
          part_start = i;
          continue;
        }
      i = next_offset (text, i);
    }

  if (all_checkable)
    {
      g_array_set_size (tokens, first);
      add_token (tokens, start, end, TRUE);
    }
}

static void
split_words (const char *text,
             gsize       start,
             gsize       end,
             gboolean    after_number,
             GArray     *tokens)
{
  gsize i = start;
  gboolean first_word = TRUE;

  while (i < end)
    {
      gsize word_start;
      gboolean hyphenated = FALSE;

      if (!is_word_char (char_at (text, i)))
        {
          i = next_offset (text, i);
          continue;
        }

      word_start = i;
      while (i < end)
        {
          gunichar c = char_at (text, i);
          gsize next = next_offset (text, i);

          if (is_word_char (c))
            {
              i = next;
              continue;
            }
          /* A joiner belongs to the word between two word characters. */
          if ((byline_spell_is_apostrophe (c) || byline_spell_is_hyphen (c)) &&
              next < end && is_word_char (char_at (text, next)))
            {
              if (byline_spell_is_hyphen (c))
                hyphenated = TRUE;
              i = next;
              continue;
            }
          break;
        }

      emit_word (text, word_start, i, hyphenated, after_number && first_word, tokens);
      first_word = FALSE;
    }
}

void
byline_spell_tokenize (const char *text,
                       gsize       start,
                       gsize       end,
                       GArray     *tokens)
{
  gboolean after_number = FALSE;
  gsize i = start;

  g_return_if_fail (text != NULL);
  g_return_if_fail (tokens != NULL);

  while (i < end)
    {
      gsize chunk_start, chunk_end;
      gsize trim_start, trim_end;

      if (is_space (char_at (text, i)))
        {
          i = next_offset (text, i);
          continue;
        }

      chunk_start = i;
      while (i < end && !is_space (char_at (text, i)))
        i = next_offset (text, i);
      chunk_end = i;

      trim_start = chunk_start;
      while (trim_start < chunk_end && is_leading_trim (char_at (text, trim_start)))
        trim_start = next_offset (text, trim_start);
      trim_end = chunk_end;
      while (trim_end > trim_start &&
             is_trailing_trim (char_at (text, previous_offset (text, trim_end))))
        trim_end = previous_offset (text, trim_end);

      if (trim_start >= trim_end || has_entity (text, chunk_start, chunk_end))
        {
          after_number = FALSE;
          continue;
        }

      if (is_number (text, trim_start, trim_end))
        {
          after_number = TRUE;
          continue;
        }

      if (!skip_chunk (text, trim_start, trim_end))
        split_words (text, trim_start, trim_end, after_number, tokens);
      after_number = FALSE;
    }
}
