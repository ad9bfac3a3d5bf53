/* byline-hugo-shortcodes-embeds.c — youtube, vimeo, x, twitter, instagram, gist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo embeds these from their hosts: an iframe, an oEmbed fetch, a
 * script. The preview never asks the network, so each becomes an offline
 * card saying what it is, with its title when the call gives one and a
 * link to it that opens in the browser. Parameters are checked as Hugo's
 * templates check them, so that a call Hugo rejects is shown as such.
 */

#define G_LOG_DOMAIN "byline-hugo-shortcodes"

#include "config.h"

#include "byline-hugo-shortcodes-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef struct
{
  const char *name;
  const char *privacy;   /* the key under the site's privacy settings */
  const char *label;     /* translated when shown */
} EmbedKind;

static const EmbedKind kinds[] = {
  { "gist", NULL, N_("GitHub gist") },
  { "instagram", "instagram", N_("Instagram post") },
  { "tweet", "twitter", N_("Post on X") },
  { "twitter", "twitter", N_("Post on X") },
  { "vimeo", "vimeo", N_("Vimeo video") },
  { "x", "x", N_("Post on X") },
  { "youtube", "youtube", N_("YouTube video") },
};

static const EmbedKind *
lookup_kind (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (name, kinds[i].name) == 0)
      return &kinds[i];
  return NULL;
}

gboolean
byline_hugo_is_embed (const char *name)
{
  return lookup_kind (name) != NULL;
}

/* privacy.<service>.disable: Hugo writes nothing for the call. */
static gboolean
is_disabled (const BylineHugoShortcodeCall *self,
             const EmbedKind               *kind)
{
  g_autofree char *path = NULL;
  BylineData *privacy;

  if (self->site == NULL || kind->privacy == NULL)
    return FALSE;
  privacy = byline_site_get_privacy (self->site);
  if (privacy == NULL)
    return FALSE;

  path = g_strconcat (kind->privacy, ".disable", NULL);
  return byline_data_lookup_bool (privacy, path, FALSE);
}

static gboolean
set_missing (GError    **error,
             const char *message)
{
  g_set_error_literal (error, BYLINE_HUGO_SHORTCODE_ERROR,
                       BYLINE_HUGO_SHORTCODE_ERROR_BAD_PARAMS, message);
  return FALSE;
}

static void
append_segment (GString    *url,
                const char *segment)
{
  g_autofree char *escaped = g_uri_escape_string (segment, NULL, FALSE);

  g_string_append (url, escaped);
}

static gboolean
is_number (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* The address of what the call embeds, and the title or detail the card
 * shows under its kind; FALSE with @error as Hugo's errorf when the call
 * lacks what the shortcode needs. */
static gboolean
embed_target (const BylineHugoShortcodeCall  *self,
              const char                     *name,
              GString                        *url,
              const char                    **detail,
              GError                        **error)
{
  const BylineShortcode *call = self->call;
  const char *id;
  const char *user;

  *detail = NULL;

  if (strcmp (name, "youtube") == 0)
    {
      const char *start = byline_hugo_get (call, "start", -1);

      id = byline_hugo_get (call, "id", 0);
      if (!byline_hugo_truthy (id, call, "id"))
        return set_missing (error, _("The youtube shortcode needs the video’s id, as its first "
                                     "argument or as id"));
      g_string_append (url, "https://www.youtube.com/watch?v=");
      append_segment (url, id);
      if (is_number (start) && strcmp (start, "0") != 0)
        g_string_append_printf (url, "&t=%ss", start);
      *detail = byline_hugo_get (call, "title", -1);
      return TRUE;
    }

  if (strcmp (name, "vimeo") == 0)
    {
      id = byline_hugo_get (call, "id", 0);
      if (!byline_hugo_truthy (id, call, "id"))
        return set_missing (error, _("The vimeo shortcode needs the video’s id, as its first "
                                     "argument or as id"));
      g_string_append (url, "https://vimeo.com/");
      append_segment (url, id);
      *detail = byline_hugo_get (call, "title", -1);
      return TRUE;
    }

  if (strcmp (name, "x") == 0 || strcmp (name, "twitter") == 0 || strcmp (name, "tweet") == 0)
    {
      user = byline_hugo_get (call, "user", -1);
      id = byline_hugo_get (call, "id", -1);
      /* x wants both; the older twitter and tweet also took the id alone,
       * as their only argument. */
      if (name[0] != 'x' && !byline_hugo_truthy (user, call, "user") && id == NULL)
        id = byline_hugo_get (call, NULL, 0);
      if (!byline_hugo_truthy (id, call, "id") ||
          (name[0] == 'x' && !byline_hugo_truthy (user, call, "user")))
        return set_missing (error, _("The x shortcode needs two named arguments: user and id"));
      g_string_append (url, "https://x.com/");
      if (byline_hugo_truthy (user, call, "user"))
        append_segment (url, user);
      else
        g_string_append_c (url, 'i');
      g_string_append (url, "/status/");
      append_segment (url, id);
      return TRUE;
    }

  if (strcmp (name, "instagram") == 0)
    {
      id = byline_hugo_get (call, NULL, 0);
      if (!byline_hugo_truthy (id, call, NULL))
        return set_missing (error, _("The instagram shortcode needs the post’s id as its "
                                     "argument"));
      g_string_append (url, "https://www.instagram.com/p/");
      append_segment (url, id);
      return TRUE;
    }

  g_assert (strcmp (name, "gist") == 0);
  user = byline_hugo_get (call, NULL, 0);
  id = byline_hugo_get (call, NULL, 1);
  if (!byline_hugo_truthy (user, call, NULL) || !byline_hugo_truthy (id, call, NULL))
    return set_missing (error, _("The gist shortcode needs the user and the gist’s id as its "
                                 "arguments"));
  g_string_append (url, "https://gist.github.com/");
  append_segment (url, user);
  g_string_append_c (url, '/');
  append_segment (url, id);
  *detail = byline_hugo_get (call, NULL, 2);
  return TRUE;
}

char *
byline_hugo_render_embed (const BylineHugoShortcodeCall  *self,
                          GError                        **error)
{
  const EmbedKind *kind = lookup_kind (self->call->name);
  g_autoptr(GString) url = g_string_new (NULL);
  const char *detail;
  GString *out;

  g_assert (kind != NULL);

  if (!embed_target (self, kind->name, url, &detail, error))
    return NULL;
  if (is_disabled (self, kind))
    return g_strdup ("");

  out = g_string_new ("<div class=\"byline-embed byline-embed-");
  g_string_append (out, kind->name);
  g_string_append (out, "\"><span class=\"byline-embed-kind\">");
  byline_hugo_append_text (out, _(kind->label));
  g_string_append (out, "</span>");
  if (detail != NULL && *detail != '\0')
    {
      g_string_append (out, "<span class=\"byline-embed-title\">");
      byline_hugo_append_text (out, detail);
      g_string_append (out, "</span>");
    }
  g_string_append (out, "<a class=\"byline-embed-link\" href=\"");
  byline_hugo_append_url (out, url->str, TRUE);
  g_string_append (out, "\">");
  byline_hugo_append_text (out, url->str);
  g_string_append (out, "</a></div>");

  return g_string_free (out, FALSE);
}
