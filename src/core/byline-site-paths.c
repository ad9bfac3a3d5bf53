/* byline-site-paths.c — Hugo's rules for paths and URLs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ports of what Hugo does to the paths it builds: common/paths.Sanitize
 * and NormalizePathStringBasic, helpers.MakePathSanitized (lower case,
 * removePathAccents), the escaping of paths.PathEscape (Go's
 * url.URL.EscapedPath), Go's path.Clean, and gobwas/glob as Hugo compiles
 * it for paths (hugofs/hglob, "/" as the separator).
 */

#define G_LOG_DOMAIN "byline-site"

#include "config.h"

#include "byline-site-private.h"

#include <string.h>

/* A glob match gives up after this many steps: configuration is the
 * site's own, but a pathological pattern must not hang the editor. */
#define GLOB_MAX_STEPS 200000

/* paths.isAllowedPathCharacter */
static gboolean
is_allowed_path_character (const char *s,
                           const char *p,
                           gunichar    c)
{
  gsize length = strlen (s);
  gsize i = p - s;

  if (c == ' ')
    return FALSE;
  if (g_unichar_isalpha (c) || g_unichar_isdigit (c))
    return TRUE;
  if (c == '.' || c == '/' || c == '\\' || c == '_' || c == '#' || c == '+' || c == '~' ||
      c == '-' || c == '@')
    return TRUE;
  if (g_unichar_ismark (c))
    return TRUE;
  return c == '%' && i + 2 < length && g_ascii_isxdigit (s[i + 1]) && g_ascii_isxdigit (s[i + 2]);
}

static char *
remove_accents (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  GString *out = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (out, c);
    }
  {
    g_autofree char *joined = g_string_free (out, FALSE);

    return g_utf8_normalize (joined, -1, G_NORMALIZE_NFC);
  }
}

char *
byline_site_sanitize_path (const char *path,
                           gboolean    keep_case,
                           gboolean    remove_accents_too)
{
  GString *target;
  gboolean prepend_hyphen = FALSE;
  gboolean was_hyphen = FALSE;
  g_autofree char *sanitized = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  /* Most paths are plain ASCII that Sanitize keeps: only case to change. */
  {
    const char *p = path;

    for (; *p != '\0'; p++)
      if (!g_ascii_isalnum (*p) && strchr ("./\\_#+~-@", *p) == NULL)
        break;
    if (*p == '\0')
      return keep_case ? g_strdup (path) : g_ascii_strdown (path, -1);
  }

  if (!g_utf8_validate (path, -1, NULL))
    return g_strdup ("");

  target = g_string_sized_new (strlen (path));
  for (const char *p = path; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_allowed_path_character (path, p, c))
        {
          /* An explicit hyphen needs no hyphen before it. */
          was_hyphen = c == '-';
          if (prepend_hyphen)
            {
              if (!was_hyphen)
                g_string_append_c (target, '-');
              prepend_hyphen = FALSE;
            }
          g_string_append_unichar (target, c);
        }
      else if (target->len > 0 && !was_hyphen && g_unichar_isspace (c))
        prepend_hyphen = TRUE;
    }
  sanitized = g_string_free (target, FALSE);

  if (remove_accents_too)
    {
      char *plain = remove_accents (sanitized);

      g_free (sanitized);
      sanitized = plain;
    }
  if (keep_case)
    return g_steal_pointer (&sanitized);
  return g_utf8_strdown (sanitized, -1);
}

char *
byline_site_normalize_path (const char *path)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  for (const char *p = path; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      {
        lower = g_utf8_validate (path, -1, NULL) ? g_utf8_strdown (path, -1)
                                                 : g_ascii_strdown (path, -1);
        break;
      }
  if (lower == NULL)
    lower = g_ascii_strdown (path, -1);
  g_strdelimit (lower, " ", '-');
  return g_steal_pointer (&lower);
}

/* Go's shouldEscape (c, encodePath). */
static gboolean
should_escape (guchar c)
{
  if (g_ascii_isalnum (c))
    return FALSE;
  switch (c)
    {
    case '-': case '_': case '.': case '~':
    case '$': case '&': case '+': case ',': case '/': case ':': case ';': case '=': case '@':
      return FALSE;
    default:
      return TRUE;
    }
}

char *
byline_site_unescape_path (const char *path)
{
  GString *out;

  g_return_val_if_fail (path != NULL, NULL);

  out = g_string_sized_new (strlen (path));
  for (const char *p = path; *p != '\0'; p++)
    {
      if (*p == '%')
        {
          if (!g_ascii_isxdigit (p[1]) || !g_ascii_isxdigit (p[2]))
            {
              g_string_free (out, TRUE);
              return NULL;
            }
          g_string_append_c (
            out, (char)(g_ascii_xdigit_value (p[1]) * 16 + g_ascii_xdigit_value (p[2])));
          p += 2;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

char *
byline_site_escape_path (const char *path)
{
  g_autofree char *decoded = NULL;
  gboolean valid = TRUE;
  GString *out;

  g_return_val_if_fail (path != NULL, NULL);

  /* EscapedPath keeps the text as written when it is a valid encoding:
   * every byte either needs no escape or is one of the reserved ones Go
   * accepts unescaped, and its escapes are well formed. */
  decoded = byline_site_unescape_path (path);
  for (const char *p = path; *p != '\0' && valid; p++)
    if (should_escape (*p) && strchr ("!$&'()*+,;=:@[]%", *p) == NULL)
      valid = FALSE;
  if (valid && decoded != NULL)
    return g_strdup (path);

  out = g_string_new (NULL);
  for (const char *p = decoded != NULL ? decoded : path; *p != '\0'; p++)
    {
      if (should_escape (*p))
        g_string_append_printf (out, "%%%02X", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

char *
byline_site_clean_path (const char *path)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  gboolean rooted;
  GString *result;

  g_return_val_if_fail (path != NULL, NULL);

  if (path[0] == '\0')
    return g_strdup (".");
  rooted = path[0] == '/';
  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = parts[i];

      if (part[0] == '\0' || strcmp (part, ".") == 0)
        continue;
      if (strcmp (part, "..") == 0)
        {
          if (out->len > 0 && strcmp (g_ptr_array_index (out, out->len - 1), "..") != 0)
            g_ptr_array_set_size (out, out->len - 1);
          else if (!rooted)
            g_ptr_array_add (out, (gpointer) part);
          continue;
        }
      g_ptr_array_add (out, (gpointer) part);
    }

  result = g_string_new (rooted ? "/" : "");
  for (guint i = 0; i < out->len; i++)
    {
      if (i > 0)
        g_string_append_c (result, '/');
      g_string_append (result, g_ptr_array_index (out, i));
    }
  if (result->len == 0)
    g_string_append_c (result, '.');
  return g_string_free (result, FALSE);
}

/* Globs */

typedef struct
{
  guint steps;
} GlobState;

static gboolean glob_match_at (GlobState  *state,
                               const char *pattern,
                               const char *text);

/* The end of a {…} group starting at @p ('{'), or NULL when unclosed. */
static const char *
brace_end (const char *p)
{
  int depth = 0;

  for (; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '{')
        depth++;
      else if (*p == '}' && --depth == 0)
        return p;
    }
  return NULL;
}

static gboolean
match_class (const char **pattern,
             gunichar     c)
{
  const char *p = *pattern + 1;
  gboolean negate = FALSE;
  gboolean matched = FALSE;

  if (*p == '!')
    {
      negate = TRUE;
      p++;
    }
  while (*p != '\0' && *p != ']')
    {
      gunichar lo = g_utf8_get_char (p);
      gunichar hi = lo;

      p = g_utf8_next_char (p);
      if (*p == '-' && p[1] != ']' && p[1] != '\0')
        {
          hi = g_utf8_get_char (p + 1);
          p = g_utf8_next_char (p + 1);
        }
      if (c >= lo && c <= hi)
        matched = TRUE;
    }
  *pattern = *p == ']' ? p + 1 : p;
  return matched != negate && c != '/';
}

static gboolean
glob_match_at (GlobState  *state,
               const char *pattern,
               const char *text)
{
  while (*pattern != '\0')
    {
      if (++state->steps > GLOB_MAX_STEPS)
        return FALSE;

      switch (*pattern)
        {
        case '*':
          {
            gboolean super = pattern[1] == '*';
            const char *rest = pattern + (super ? 2 : 1);

            for (const char *t = text;; t = g_utf8_next_char (t))
              {
                if (glob_match_at (state, rest, t))
                  return TRUE;
                if (*t == '\0' || (!super && *t == '/'))
                  return FALSE;
              }
          }
        case '?':
          if (*text == '\0' || *text == '/')
            return FALSE;
          text = g_utf8_next_char (text);
          pattern++;
          break;
        case '[':
          if (*text == '\0' || !match_class (&pattern, g_utf8_get_char (text)))
            return FALSE;
          text = g_utf8_next_char (text);
          break;
        case '{':
          {
            const char *end = brace_end (pattern);
            const char *alt = pattern + 1;
            int depth = 0;

            if (end == NULL)
              return FALSE;
            /* Each alternative followed by the rest of the pattern. */
            for (const char *p = alt; p <= end; p++)
              {
                if (*p == '\\' && p + 1 < end)
                  {
                    p++;
                    continue;
                  }
                if (*p == '{')
                  depth++;
                else if (*p == '}' && depth > 0 && p != end)
                  depth--;
                else if ((*p == ',' && depth == 0) || p == end)
                  {
                    g_autofree char *candidate = g_strdup_printf ("%.*s%s", (int)(p - alt), alt,
                                                                  end + 1);

                    if (glob_match_at (state, candidate, text))
                      return TRUE;
                    alt = p + 1;
                  }
              }
            return FALSE;
          }
        case '\\':
          if (pattern[1] != '\0')
            pattern++;
          G_GNUC_FALLTHROUGH;
        default:
          {
            gunichar want = g_utf8_get_char (pattern);

            if (*text == '\0' || g_utf8_get_char (text) != want)
              return FALSE;
            pattern = g_utf8_next_char (pattern);
            text = g_utf8_next_char (text);
          }
          break;
        }
    }
  return *text == '\0';
}

gboolean
byline_site_glob_match (const char *pattern,
                        const char *text)
{
  GlobState state = { 0 };

  g_return_val_if_fail (pattern != NULL && text != NULL, FALSE);

  if (!g_utf8_validate (pattern, -1, NULL) || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  return glob_match_at (&state, pattern, text);
}

gboolean
byline_site_is_content_file (const char *name)
{
  static const char * const extensions[] = {
    "md", "mdown", "markdown", "html", "htm", "adoc", "asciidoc", "ad",
    "pandoc", "pdc", "rst", "org", NULL
  };
  const char *dot;

  g_return_val_if_fail (name != NULL, FALSE);

  dot = strrchr (name, '.');
  if (dot == NULL || dot == name)
    return FALSE;
  for (guint i = 0; extensions[i] != NULL; i++)
    if (g_ascii_strcasecmp (dot + 1, extensions[i]) == 0)
      return TRUE;
  return FALSE;
}
