/* byline-bundle-links.c — what a link in a post points at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Link targets as Markdown, shortcodes and front matter write them, sorted
 * into files of the bundle, paths of the site, other pages, anchors and the
 * web. Pure functions of the text: no file is read here.
 */

#define G_LOG_DOMAIN "byline-bundle"

#include "config.h"

#include "byline-bundle-private.h"

#include <string.h>

/* RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":" */
static gboolean
has_scheme (const char *link)
{
  const char *p = link;

  if (!g_ascii_isalpha (*p))
    return FALSE;
  for (p++; *p != '\0'; p++)
    {
      if (*p == ':')
        return TRUE;
      if (!g_ascii_isalnum (*p) && *p != '+' && *p != '-' && *p != '.')
        return FALSE;
    }
  return FALSE;
}

char *
byline_link_decode_path (const char *path,
                         gsize       length)
{
  g_autofree char *raw = g_strndup (path, length);
  g_autofree char *decoded = g_uri_unescape_string (raw, NULL);

  /* An invalid escape (%zz, an encoded NUL) is taken literally, as the
   * file name it would have to match, and so are escapes that decode to
   * bytes that are not UTF-8 (%ee): names reach messages and the editor,
   * which want UTF-8. */
  if (decoded == NULL || !g_utf8_validate (decoded, -1, NULL))
    return g_steal_pointer (&raw);
  return g_steal_pointer (&decoded);
}

gboolean
byline_link_has_dot_dot_segment (const char *path)
{
  g_auto(GStrv) segments = g_strsplit (path, "/", -1);

  for (guint i = 0; segments[i] != NULL; i++)
    if (strcmp (segments[i], "..") == 0)
      return TRUE;
  return FALSE;
}

BylineLinkKind
byline_bundle_classify_link (const char  *link,
                             char       **name)
{
  g_autofree char *path = NULL;
  const char *start;
  const char *end;

  if (name != NULL)
    *name = NULL;

  if (link == NULL)
    return BYLINE_LINK_EMPTY;

  /* Markdown trims the spaces around a link target. */
  start = link;
  while (g_ascii_isspace (*start))
    start++;
  end = start + strlen (start);
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  if (start == end)
    return BYLINE_LINK_EMPTY;
  if (start[0] == '#')
    return BYLINE_LINK_ANCHOR;
  if (start[0] == '/' && start[1] == '/')
    return BYLINE_LINK_EXTERNAL;
  {
    g_autofree char *trimmed = g_strndup (start, end - start);

    if (has_scheme (trimmed))
      return BYLINE_LINK_EXTERNAL;
  }

  /* The query and fragment are not part of the file name. */
  end = MIN (end, start + strcspn (start, "?#"));
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  if (start == end)
    return BYLINE_LINK_ANCHOR;

  if (start[0] == '/')
    {
      if (name != NULL)
        *name = byline_link_decode_path (start, end - start);
      return BYLINE_LINK_SITE_ABSOLUTE;
    }

  while (end - start >= 2 && start[0] == '.' && start[1] == '/')
    {
      start += 2;
      while (start < end && start[0] == '/')
        start++;
    }
  if (start == end || (end - start == 1 && start[0] == '.'))
    {
      /* "./" is the page's own folder, that is the page itself. */
      return BYLINE_LINK_ANCHOR;
    }

  /* The tests are on the decoded name: "%2fetc%2fpasswd" or "..%2f" lead
   * out of the bundle as surely as "/etc/passwd" and "../" do. */
  path = byline_link_decode_path (start, end - start);
  if (path[0] == '/' || byline_link_has_dot_dot_segment (path) ||
      g_str_has_suffix (path, "/"))
    {
      if (name != NULL)
        *name = g_steal_pointer (&path);
      return BYLINE_LINK_SITE_RELATIVE;
    }

  if (name != NULL)
    *name = g_steal_pointer (&path);
  return BYLINE_LINK_BUNDLE;
}

