/* byline-goldmark-text.c — text as Goldmark writes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cmark hands over text with escapes and entities already resolved, but the
 * typographer, linkify and emoji parsers Hugo adds to Goldmark read the
 * source: "\"" is no quote, and what comes before and after a quote decides
 * which quote it is, even when that is emphasis syntax. So each text node is
 * matched back to its span of the source (cmark-gfm records the columns of
 * inline nodes), and the Goldmark parsers run over that span; where the two
 * do not line up the literal stands in for the source.
 */

#define G_LOG_DOMAIN "byline-goldmark"

#include "config.h"

#include "byline-goldmark-private.h"

#include <string.h>

/* Escaping */

void
byline_goldmark_escape (GString    *out,
                        const char *text,
                        gssize      length)
{
  const char *end;
  const char *run;

  if (length < 0)
    length = strlen (text);
  end = text + length;
  run = text;

  for (const char *p = text; p < end; p++)
    {
      if ((byline_goldmark_chars[(guchar) *p] & CHAR_ESCAPE) == 0)
        continue;

      g_string_append_len (out, run, p - run);
      switch (*p)
        {
        case '&': g_string_append_len (out, "&amp;", 5); break;
        case '<': g_string_append_len (out, "&lt;", 4); break;
        case '>': g_string_append_len (out, "&gt;", 4); break;
        default: g_string_append_len (out, "&quot;", 6); break;
        }
      run = p + 1;
    }
  g_string_append_len (out, run, end - run);
}

/* util.URLEscape's characters that stay as they are. */
static gboolean
is_url_safe (guchar c)
{
  return (byline_goldmark_chars[c] & CHAR_URL_SAFE) != 0;
}

static gboolean
has_prefix_nocase (const char *text,
                   const char *prefix)
{
  return g_ascii_strncasecmp (text, prefix, strlen (prefix)) == 0;
}

/* html.IsDangerousURL */
static gboolean
is_dangerous_url (const char *url)
{
  if (has_prefix_nocase (url, "data:image/") && strlen (url) >= 11)
    {
      const char *v = url + 11;

      return !(has_prefix_nocase (v, "png;") || has_prefix_nocase (v, "gif;") ||
               has_prefix_nocase (v, "jpeg;") || has_prefix_nocase (v, "webp;"));
    }

  return has_prefix_nocase (url, "javascript:") || has_prefix_nocase (url, "vbscript:") ||
         has_prefix_nocase (url, "file:") || has_prefix_nocase (url, "data:");
}

void
byline_goldmark_write_url (BylineGoldmark *self,
                           GString        *out,
                           const char     *url)
{
  g_autoptr(GString) escaped = g_string_new (NULL);
  gsize len = strlen (url);

  for (gsize i = 0; i < len;)
    {
      guchar c = url[i];
      gsize char_len;

      if (is_url_safe (c))
        {
          g_string_append_c (escaped, c);
          i++;
          continue;
        }
      /* Goldmark checks the first hex digit twice. */
      if (c == '%' && i + 2 < len && g_ascii_isxdigit (url[i + 1]))
        {
          g_string_append_len (escaped, url + i, 3);
          i += 3;
          continue;
        }
      if (c == ' ')
        {
          g_string_append (escaped, "%20");
          i++;
          continue;
        }
      if ((c >= 0x80 && c < 0xc0) || c >= 0xf8)
        {
          g_string_append_c (escaped, c);
          i++;
          continue;
        }
      char_len = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
      if (i + char_len > len)
        break;
      for (gsize k = 0; k < char_len; k++)
        g_string_append_printf (escaped, "%%%02X", (guchar) url[i + k]);
      i += char_len;
    }

  if (!self->settings->unsafe && is_dangerous_url (escaped->str))
    return;

  if (self->url_func != NULL)
    {
      g_autofree char *rewritten = self->url_func (url, self->url_data);

      if (rewritten != NULL)
        {
          byline_goldmark_escape (out, rewritten, -1);
          return;
        }
    }

  byline_goldmark_escape (out, escaped->str, escaped->len);
}

/* A text node against its source */

typedef enum
{
  PIECE_ESCAPE,     /* "\*" */
  PIECE_NAMED,      /* "&eacute;" */
  PIECE_NUMERIC,    /* "&#233;" */
} PieceKind;

typedef struct
{
  gsize     raw;        /* where it starts in the raw span */
  gsize     raw_len;
  gsize     lit;        /* and in the literal */
  gsize     lit_len;
  PieceKind kind;
} Piece;

typedef struct
{
  const char *lit;
  gsize       lit_len;
  const char *raw;       /* the source span, or the literal */
  gsize       raw_len;
  gsize       look_len;  /* bytes of raw the typographer may look at */
  gunichar    before;    /* the character before raw[0] */
  Piece       pieces[64];
  guint       n_pieces;
} Run;

static gsize
utf8_len (guchar c)
{
  return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

/* Matches @raw against the literal cmark made of it, noting the escapes and
 * entities. FALSE when they do not line up (or hold too many of them). */
static gboolean
run_match (Run        *run,
           const char *raw,
           gsize       raw_len)
{
  gsize r = 0;
  gsize l = 0;

  run->n_pieces = 0;

  while (r < raw_len && l < run->lit_len)
    {
      guchar c = raw[r];

      if (c == '\\' && r + 1 < raw_len && byline_goldmark_ascii_punct (raw[r + 1]) &&
          run->lit[l] == raw[r + 1])
        {
          if (run->n_pieces == G_N_ELEMENTS (run->pieces))
            return FALSE;
          run->pieces[run->n_pieces++] = (Piece) { r, 2, l, 1, PIECE_ESCAPE };
          r += 2;
          l += 1;
          continue;
        }

      if (c == '&')
        {
          gsize e = r + 1;
          gboolean numeric = e < raw_len && raw[e] == '#';

          while (e < raw_len && e - r < 40 && (g_ascii_isalnum (raw[e]) || raw[e] == '#'))
            e++;
          if (e < raw_len && raw[e] == ';' && e > r + 1 &&
              !(l + (e + 1 - r) <= run->lit_len && memcmp (run->lit + l, raw + r, e + 1 - r) == 0))
            {
              gsize after = e + 1;
              gsize decoded = 0;

              /* An entity stands for one or two characters: the one whose end
               * meets the rest of the source. */
              for (guint chars = 1; chars <= 2 && decoded == 0; chars++)
                {
                  gsize len = 0;

                  for (guint k = 0; k < chars && l + len < run->lit_len; k++)
                    len += utf8_len (run->lit[l + len]);
                  if (l + len > run->lit_len)
                    continue;
                  if ((after == raw_len && l + len == run->lit_len) ||
                      (after < raw_len && l + len < run->lit_len &&
                       raw[after] == run->lit[l + len]) ||
                      (after < raw_len && (raw[after] == '\\' || raw[after] == '&')))
                    decoded = len;
                }
              if (decoded == 0 || run->n_pieces == G_N_ELEMENTS (run->pieces))
                return FALSE;
              run->pieces[run->n_pieces++] =
                (Piece) { r, after - r, l, decoded, numeric ? PIECE_NUMERIC : PIECE_NAMED };
              r = after;
              l += decoded;
              continue;
            }
        }

      if (raw[r] != run->lit[l])
        return FALSE;
      r++;
      l++;
    }

  if (l != run->lit_len)
    return FALSE;
  /* cmark drops the spaces before a line break. */
  for (; r < raw_len; r++)
    if (raw[r] != ' ' && raw[r] != '\t')
      return FALSE;

  run->raw_len = raw_len;
  return TRUE;
}

static gboolean
is_block_node (cmark_node *node)
{
  cmark_node_type type = cmark_node_get_type (node);

  return (type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
}

/* What precedes a node when its source is not known: Goldmark sees a line
 * start, or the closing syntax of the inline node before it. */
static gunichar
guess_before (cmark_node *node)
{
  cmark_node *prev = cmark_node_previous (node);
  const char *literal;
  gsize len;

  if (prev == NULL)
    return is_block_node (cmark_node_parent (node)) ? '\n' : '*';

  switch ((int) cmark_node_get_type (prev))
    {
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      return '\n';

    case CMARK_NODE_TEXT:
      literal = cmark_node_get_literal (prev);
      len = literal != NULL ? strlen (literal) : 0;
      if (len == 0)
        return ' ';
      return g_utf8_get_char_validated (g_utf8_find_prev_char (literal, literal + len), -1);

    default:
      return '*';
    }
}

/* Finds the node's span in the source. cmark gives the lazy lines of a
 * paragraph the columns of its first line, so a span that does not match
 * the literal is looked for again from the start of its line. */
static gboolean
run_locate (Run        *run,
            Source     *source,
            cmark_node *node,
            gsize      *offset)
{
  int line = cmark_node_get_start_line (node);
  int start = cmark_node_get_start_column (node);
  int end = cmark_node_get_end_column (node);
  gsize raw_len;
  gsize line_start;
  const char *line_end;
  guint tries = 0;

  if (line <= 0 || start <= 0 || end < start - 1 || line != cmark_node_get_end_line (node))
    return FALSE;

  *offset = byline_goldmark_source_offset (source, line, start);
  raw_len = (gsize) (end - start + 1);
  if (*offset + raw_len <= source->length &&
      run_match (run, source->text + *offset, raw_len))
    return TRUE;

  if (run->lit_len == 0)
    return FALSE;
  line_start = byline_goldmark_source_offset (source, line, 1);
  line_end = memchr (source->text + line_start, '\n', source->length - line_start);
  line_end = line_end != NULL ? line_end : source->text + source->length;

  for (gsize o = line_start; o + raw_len <= (gsize) (line_end - source->text) && tries < 4; o++)
    {
      char c = source->text[o];

      if (c != run->lit[0] && c != '\\' && c != '&')
        continue;
      tries++;
      if (run_match (run, source->text + o, raw_len))
        {
          *offset = o;
          return TRUE;
        }
    }

  return FALSE;
}

static void
run_init (Run        *run,
          Walk       *walk,
          cmark_node *node,
          gboolean    block_start)
{
  Source *source = walk->source;
  cmark_node *prev = cmark_node_previous (node);
  gsize offset;

  run->lit = cmark_node_get_literal (node);
  run->lit = run->lit != NULL ? run->lit : "";
  run->lit_len = strlen (run->lit);

  if (run_locate (run, source, node, &offset))
    {
      const char *line_end = memchr (source->text + offset + run->raw_len, '\n',
                                     source->length - offset - run->raw_len);

      run->raw = source->text + offset;
      run->look_len = (line_end != NULL ? (gsize) (line_end - run->raw) + 1
                                        : source->length - offset);
      if (block_start || (prev == NULL && is_block_node (cmark_node_parent (node))) ||
          (prev != NULL && (cmark_node_get_type (prev) == CMARK_NODE_SOFTBREAK ||
                            cmark_node_get_type (prev) == CMARK_NODE_LINEBREAK)) ||
          offset == 0)
        run->before = '\n';
      else
        run->before = g_utf8_get_char_validated (
          g_utf8_find_prev_char (source->text, source->text + offset), -1);
      if (run->before == (gunichar) -1 || run->before == (gunichar) -2)
        run->before = 0xfffd;
      return;
    }

  run->raw = run->lit;
  run->raw_len = run->lit_len;
  run->look_len = run->lit_len;
  run->n_pieces = 0;
  run->before = block_start ? '\n' : guess_before (node);
}

static gunichar
run_before (Run   *run,
            gsize  r)
{
  const char *prev;
  gunichar c;

  if (r == 0)
    return run->before;
  prev = g_utf8_find_prev_char (run->raw, run->raw + r);
  if (prev == NULL)
    return run->before;
  c = g_utf8_get_char_validated (prev, run->raw + r - prev);
  return c == (gunichar) -1 || c == (gunichar) -2 ? 0xfffd : c;
}

/* Plain text */

/* The entities Hugo's TextPlain resolves in the typographer's output. */
static void
append_resolved (GString    *out,
                 const char *text)
{
  static const struct { const char *name; const char *utf8; } entities[] = {
    { "&lsquo;", "‘" }, { "&rsquo;", "’" }, { "&ldquo;", "“" }, { "&rdquo;", "”" },
    { "&ndash;", "–" }, { "&mdash;", "—" }, { "&hellip;", "…" }, { "&laquo;", "«" },
    { "&raquo;", "»" }, { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
    { "&quot;", "\"" }, { "&apos;", "'" }, { "&nbsp;", "\xc2\xa0" },
  };

  for (const char *p = text; *p != '\0';)
    {
      gboolean done = FALSE;

      if (*p == '&')
        for (guint i = 0; i < G_N_ELEMENTS (entities) && !done; i++)
          if (g_str_has_prefix (p, entities[i].name))
            {
              g_string_append (out, entities[i].utf8);
              p += strlen (entities[i].name);
              done = TRUE;
            }
      if (!done)
        g_string_append_c (out, *p++);
    }
}

/* Writing a text node */

static inline gboolean
needs_scan (const BylineGoldmarkSettings *settings,
            const char                   *text,
            gsize                         len,
            gboolean                      plain)
{
  /* Text where no Goldmark text parser can act is written as it is: most
   * text. */
  for (gsize i = 0; i < len; i++)
    switch (text[i])
      {
      case '\'': case '"':
        if (settings->typographer)
          return TRUE;
        break;
      case '-': case '.': case '<': case '>':
        if (settings->typographer && i + 1 < len && text[i + 1] == text[i])
          return TRUE;
        break;
      case ':':
        if (settings->emoji || (settings->linkify && i + 2 < len && text[i + 1] == '/'))
          return TRUE;
        break;
      case '@':
        if (settings->linkify)
          return TRUE;
        break;
      case 'w':
        if (settings->linkify && i + 3 < len && memcmp (text + i, "www.", 4) == 0)
          return TRUE;
        break;
      case '\\': case '&':
        if (plain)
          return TRUE;
        break;
      default:
        break;
      }

  return FALSE;
}

void
byline_goldmark_write_text (Walk       *walk,
                            cmark_node *node,
                            gsize       skip,
                            gsize       length,
                            gboolean    plain,
                            gboolean    first_only)
{
  const BylineGoldmarkSettings *settings = walk->gm->settings;
  GString *out = walk->out;
  const char *literal = cmark_node_get_literal (node);
  gboolean text_parsers = walk->in_autolink == 0;
  guint16 triggers = 0;
  gboolean head;
  gsize pending;
  guint k = 0;
  gsize r = 0;
  gsize l = 0;
  Run run;

  literal = literal != NULL ? literal : "";
  length = MIN (length, strlen (literal));
  if (skip >= length)
    return;

  if (!text_parsers || !needs_scan (settings, literal + skip, length - skip, plain))
    {
      if (plain)
        g_string_append_len (out, literal + skip, length - skip);
      else
        byline_goldmark_escape (out, literal + skip, length - skip);
      return;
    }

  run_init (&run, walk, node, skip > 0);
  if (settings->typographer)
    triggers |= CHAR_TYPOGRAPHY;
  if (settings->linkify && walk->in_link == 0)
    triggers |= CHAR_LINKIFY;

  /* Find where the literal's byte @skip is in the source. */
  while (l < skip)
    {
      if (k < run.n_pieces && run.pieces[k].raw == r)
        {
          r += run.pieces[k].raw_len;
          l += run.pieces[k].lit_len;
          k++;
        }
      else
        {
          r++;
          l++;
        }
    }

  head = TRUE;
  pending = l;

#define FLUSH() G_STMT_START {                                              \
    if (l > pending)                                                        \
      {                                                                     \
        if (plain)                                                          \
          g_string_append_len (out, run.lit + pending, l - pending);        \
        else                                                                \
          byline_goldmark_escape (out, run.lit + pending, l - pending);     \
      }                                                                     \
  } G_STMT_END

  while (l < length && r < run.raw_len)
    {
      const char *line = run.raw + r;
      gsize look = run.look_len - r;
      gsize here = MIN (run.raw_len - r, length - l);
      guchar c = line[0];
      BylineGoldmarkPunctuation which;
      Linkified link;
      gsize n;

      if (k < run.n_pieces && run.pieces[k].raw == r)
        {
          const Piece *piece = &run.pieces[k++];

          FLUSH ();
          if (plain && piece->kind != PIECE_NAMED)
            g_string_append_len (out, line, piece->raw_len);
          else if (plain)
            g_string_append_len (out, run.lit + l, piece->lit_len);
          else
            byline_goldmark_escape (out, run.lit + l, piece->lit_len);
          r += piece->raw_len;
          l += piece->lit_len;
          pending = l;
          head = FALSE;
          continue;
        }

      /* Most characters start nothing: copy them in one go, up to the next
       * escape or entity. */
      if (!head && (byline_goldmark_chars[c] & triggers) == 0 && !(c == ':' && settings->emoji))
        {
          gsize stop = k < run.n_pieces ? run.pieces[k].raw : run.raw_len;

          stop = MIN (stop, r + here);
          do
            {
              r++;
              l++;
            }
          while (r < stop && (byline_goldmark_chars[(guchar) run.raw[r]] & triggers) == 0 &&
                 !(run.raw[r] == ':' && settings->emoji));
          continue;
        }

      if (settings->typographer && (byline_goldmark_chars[c] & CHAR_TYPOGRAPHY) != 0 &&
          (n = byline_goldmark_typographer (walk, line, look, run_before (&run, r), &which)) > 0 &&
          n <= here)
        {
          const char *sub = settings->typographer_strings[which];

          if (first_only && l > pending)
            break;
          FLUSH ();
          if (plain)
            append_resolved (out, sub);
          else
            g_string_append (out, sub);
          r += n;
          l += n;
          pending = l;
          head = TRUE;
          if (first_only)
            break;
          continue;
        }

      if (settings->linkify && walk->in_link == 0 &&
          ((byline_goldmark_chars[c] & CHAR_LINKIFY) != 0 ||
           (head && !byline_goldmark_ascii_punct (c))) &&
          byline_goldmark_linkify (line, here, &link))
        {
          if (first_only && (l > pending || link.start > 0))
            {
              l += link.start;
              break;
            }
          l += link.start;
          FLUSH ();
          if (!plain)
            byline_goldmark_write_linkified (walk, line, &link);
          r += link.consumed;
          l += link.length;
          pending = l;
          head = FALSE;
          if (first_only)
            break;
          continue;
        }

      if (settings->emoji && c == ':' && (n = byline_goldmark_emoji_name_length (line, here)) > 0)
        {
          g_autoptr(GString) html = g_string_new (NULL);

          /* goldmark-emoji's node has no text: image alt texts lose it. */
          if (byline_goldmark_emoji_write (line + 1, n, html))
            {
              if (first_only && l > pending)
                break;
              FLUSH ();
              if (plain)
                g_string_append_len (out, line + 1, n);
              else if (walk->in_alt == 0)
                g_string_append_len (out, html->str, html->len);
              r += n + 2;
              l += n + 2;
              pending = l;
              head = TRUE;
              if (first_only)
                break;
              continue;
            }
        }

      /* A plain character: UTF-8 sequences are copied whole. */
      n = c < 0x80 ? 1 : MIN (utf8_len (c), here);
      r += n;
      l += n;
      head = FALSE;
    }

  l = MIN (l, length);
  FLUSH ();

#undef FLUSH
}
