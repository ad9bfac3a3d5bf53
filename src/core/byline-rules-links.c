/* byline-rules-links.c — rules over the body's links and image references
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The links come from the body's one parse (ctx->links, byline-body.c: the
 * tree Hugo's Markdown sees, with shortcode calls as placeholders, so that
 * nothing inside code is seen), plus the link parameters of image shortcodes.
 */

#define G_LOG_DOMAIN "byline-linter"

#include "config.h"

#include "byline-linter-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static gsize
link_place (const BylineBodyLink *link,
            gsize                *end)
{
  if (link->url_end > link->url_start)
    {
      *end = link->url_end;
      return link->url_start;
    }
  *end = link->end;
  return link->start;
}

static gboolean
has_prefix_ci (const char *text,
               const char *prefix)
{
  return g_ascii_strncasecmp (text, prefix, strlen (prefix)) == 0;
}

static gboolean
path_is_allowed (BylineLintContext *ctx,
                 const char        *path)
{
  const char * const *patterns = byline_profile_get_allowed_absolute_paths (ctx->profile);

  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    {
      g_autoptr(GRegex) regex = g_regex_new (patterns[i], G_REGEX_OPTIMIZE, 0, NULL);

      if (regex == NULL)
        continue;
      if (g_regex_match (regex, path, 0, NULL) ||
          (path[0] == '/' && g_regex_match (regex, path + 1, 0, NULL)))
        return TRUE;
    }
  return FALSE;
}

void
byline_rule_link_site_domain (BylineLintContext *ctx)
{
  const char *site = byline_profile_get_site_url (ctx->profile);
  g_autofree char *base = NULL;
  g_autofree char *plain = NULL;

  if (site == NULL || site[0] == '\0')
    return;

  /* "https://istio.io/" → "https://istio.io": the path keeps its slash. */
  base = g_strdup (site);
  if (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';
  if (g_str_has_prefix (base, "https://"))
    plain = g_strconcat ("http://", base + strlen ("https://"), NULL);

  for (guint i = 0; i < ctx->links->len; i++)
    {
      const BylineBodyLink *link = &g_array_index (ctx->links, BylineBodyLink, i);
      const char *prefix = NULL;
      const char *path;
      gsize start, end;
      gsize strip;
      BylineTextPatch *fix = NULL;

      if (link->generated)
        continue;
      if (has_prefix_ci (link->url, base))
        prefix = base;
      else if (plain != NULL && has_prefix_ci (link->url, plain))
        prefix = plain;
      else
        continue;

      /* The bare domain (https://istio.io) names the site, not a page; the
       * site's lint lets it through too. */
      path = link->url + strlen (prefix);
      if (path[0] != '/')
        continue;
      if (path_is_allowed (ctx, path))
        continue;

      start = link_place (link, &end);

      /* The site serves the current docs under /latest/ as well as at the
       * root, so /latest/docs/x is /docs/x. */
      strip = strlen (prefix);
      if (g_str_has_prefix (path, "/latest/"))
        strip += strlen ("/latest");
      if (link->url_end > link->url_start)
        fix = byline_text_patch_new (link->url_start, strip, "");

      byline_lint_report (ctx, start, end, fix,
                          _("Absolute link to the site itself: write it as the site path "
                            "%s, so that it works in previews and archived versions"),
                          link->url + strip);
    }
}

void
byline_rule_link_github (BylineLintContext *ctx)
{
  const char *github = byline_profile_get_github_url (ctx->profile);
  g_autofree char *blob = NULL;
  g_autofree char *tree = NULL;
  g_autofree char *raw = NULL;

  if (github == NULL || github[0] == '\0')
    return;

  blob = g_strconcat (github, g_str_has_suffix (github, "/") ? "" : "/", "blob/", NULL);
  tree = g_strconcat (github, g_str_has_suffix (github, "/") ? "" : "/", "tree/", NULL);
  if (g_str_has_prefix (github, "https://github.com/"))
    raw = g_strconcat ("https://raw.githubusercontent.com/",
                       github + strlen ("https://github.com/"),
                       g_str_has_suffix (github, "/") ? "" : "/", NULL);

  for (guint i = 0; i < ctx->links->len; i++)
    {
      const BylineBodyLink *link = &g_array_index (ctx->links, BylineBodyLink, i);
      const char *shortcode;
      const char *prefix;
      gsize start, end;
      BylineTextPatch *fix = NULL;

      if (link->generated)
        continue;
      if (g_str_has_prefix (link->url, blob))
        shortcode = "github_blob", prefix = blob;
      else if (g_str_has_prefix (link->url, tree))
        shortcode = "github_tree", prefix = tree;
      else if (raw != NULL && g_str_has_prefix (link->url, raw))
        shortcode = "github_file", prefix = raw;
      else
        continue;

      start = link_place (link, &end);

      /* The shortcodes stand for the branch the site is built from; a link
       * into master says the same thing. */
      if (link->url_end > link->url_start &&
          g_str_has_prefix (link->url + strlen (prefix), "master/"))
        {
          g_autofree char *text = g_strdup_printf ("{{< %s >}}", shortcode);

          fix = byline_text_patch_new (link->url_start,
                                       strlen (prefix) + strlen ("master"), text);
        }

      byline_lint_report (ctx, start, end, fix,
                          _("Link to the project’s GitHub files: start it with "
                            "{{< %s >}} so that it follows the site’s release branch"),
                          shortcode);
    }
}

void
byline_rule_link_empty (BylineLintContext *ctx)
{
  for (guint i = 0; i < ctx->links->len; i++)
    {
      const BylineBodyLink *link = &g_array_index (ctx->links, BylineBodyLink, i);

      if (link->url[0] != '\0' || link->generated)
        continue;

      byline_lint_report (ctx, link->start, link->end, NULL,
                          link->image ? _("Image without a source: put the file name "
                                          "between the parentheses")
                                      : _("Link without a target: put the address "
                                          "between the parentheses"));
    }
}

void
byline_rule_link_missing_file (BylineLintContext *ctx)
{
  const char * const *files;

  if (ctx->bundle == NULL)
    return;

  files = byline_bundle_get_files (ctx->bundle);

  for (guint i = 0; i < ctx->links->len; i++)
    {
      const BylineBodyLink *link = &g_array_index (ctx->links, BylineBodyLink, i);
      g_autofree char *name = NULL;
      const char *suggestion;
      gsize start, end;
      BylineTextPatch *fix = NULL;

      if (link->generated || (name = byline_lint_bundle_name (link->url)) == NULL)
        continue;
      if (byline_bundle_has_file (ctx->bundle, name))
        continue;

      start = link_place (link, &end);
      suggestion = byline_lint_did_you_mean (name, files);
      if (suggestion != NULL && link->url_end > link->url_start)
        {
          const char *at = strstr (link->url, name);

          if (at != NULL)
            fix = byline_text_patch_new (link->url_start + (at - link->url), strlen (name),
                                         suggestion);
          byline_lint_report (ctx, start, end, fix,
                              _("“%s” is not in the post’s folder; did you mean “%s”? "
                                "File names are case-sensitive"),
                              name, suggestion);
        }
      else
        byline_lint_report (ctx, start, end, NULL,
                            link->image ? _("Image “%s” is not in the post’s folder: add "
                                            "the file or fix the name")
                                        : _("Linked file “%s” is not in the post’s folder: "
                                            "add the file or fix the name"),
                            name);
    }
}

typedef void (*SiteLinkFunc) (BylineLintContext *ctx,
                              const char        *url,
                              gsize              start,
                              gsize              end,
                              gpointer           user_data);

static void
foreach_site_link (BylineLintContext *ctx,
                   SiteLinkFunc       func,
                   gpointer           user_data)
{
  GPtrArray *calls = ctx->shortcodes->calls;

  for (guint i = 0; i < ctx->links->len; i++)
    {
      const BylineBodyLink *link = &g_array_index (ctx->links, BylineBodyLink, i);
      gsize start, end;

      if (link->generated ||
          byline_bundle_classify_link (link->url, NULL) != BYLINE_LINK_SITE_ABSOLUTE)
        continue;
      start = link_place (link, &end);
      func (ctx, link->url, start, end, user_data);
    }

  for (guint i = 0; i < calls->len; i++)
    {
      const BylineShortcode *call = g_ptr_array_index (calls, i);
      const BylineShortcodeParam *param;

      if (call->kind == BYLINE_SHORTCODE_CLOSE || call->kind == BYLINE_SHORTCODE_ESCAPED ||
          strcmp (call->name, "image") != 0)
        continue;
      param = byline_shortcode_get_param (call, "link");
      if (param != NULL &&
          byline_bundle_classify_link (param->value, NULL) == BYLINE_LINK_SITE_ABSOLUTE)
        func (ctx, param->value, param->value_span.start, param->value_span.end, user_data);
    }
}

static void
site_path_missing_cb (BylineLintContext *ctx,
                      const char        *url,
                      gsize              start,
                      gsize              end,
                      gpointer           user_data)
{
  g_autofree char *path = g_strndup (url, strcspn (url, "?#"));

  if (!byline_site_path_exists (ctx->site, path))
    byline_lint_report (ctx, start, end, NULL,
                        _("“%s” is not a page or file of the site’s content/ or static/ "
                          "folders: fix the path"),
                        path);
}

void
byline_rule_link_site_path_missing (BylineLintContext *ctx)
{
  if (ctx->site == NULL || byline_site_get_root (ctx->site) == NULL)
    return;
  foreach_site_link (ctx, site_path_missing_cb, NULL);
}

typedef struct
{
  guint count;
  gsize start;
  gsize end;
  char *first;
} UncheckedLinks;

static void
site_path_unchecked_cb (BylineLintContext *ctx,
                        const char        *url,
                        gsize              start,
                        gsize              end,
                        gpointer           user_data)
{
  UncheckedLinks *unchecked = user_data;

  if (unchecked->count++ == 0)
    {
      unchecked->start = start;
      unchecked->end = end;
      unchecked->first = g_strdup (url);
    }
}

/* One finding per post, at its first site link: a line for every link would
 * bury the real findings of a post that is checked outside a site checkout. */
void
byline_rule_link_site_path_unchecked (BylineLintContext *ctx)
{
  UncheckedLinks unchecked = { 0 };

  if (ctx->site != NULL && byline_site_get_root (ctx->site) != NULL)
    return;
  foreach_site_link (ctx, site_path_unchecked_cb, &unchecked);

  if (unchecked.count == 1)
    byline_lint_report (ctx, unchecked.start, unchecked.end, NULL,
                        _("Site path “%s” not checked: the post is not inside a checkout "
                          "of the site"),
                        unchecked.first);
  else if (unchecked.count > 1)
    byline_lint_report (ctx, unchecked.start, unchecked.end, NULL,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%u site path, from “%s” on, not checked: the post is "
                                     "not inside a checkout of the site",
                                     "%u site paths, from “%s” on, not checked: the post is "
                                     "not inside a checkout of the site",
                                     unchecked.count),
                        unchecked.count, unchecked.first);
  g_free (unchecked.first);
}
