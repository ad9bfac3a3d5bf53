/* byline-renderer.c — a post's body and header to HTML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The renderer object, its settings and the page around a render. A render
 * runs as a job (see byline-renderer-private.h): byline-renderer-source.c
 * makes the text cmark reads, byline-renderer-markdown.c runs cmark and
 * byline-renderer-shortcodes.c renders the calls.
 */

#define G_LOG_DOMAIN "byline-renderer"

#include "config.h"

#include "byline-renderer.h"
#include "byline-renderer-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _BylineRenderer
{
  GObject        parent_instance;

  BylineProfile *profile;
  BylineBundle  *bundle;
  char          *base_uri;
  BylineGoldmarkSettings *goldmark;
  gboolean       tagfilter;
};

G_DEFINE_FINAL_TYPE (BylineRenderer, byline_renderer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROFILE,
  PROP_BUNDLE,
  PROP_BASE_URI,
  PROP_GOLDMARK_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rendering */

BylineBlock *
byline_block_new (const char *html,
                  guint       first_line,
                  guint       last_line)
{
  BylineBlock *block = g_new0 (BylineBlock, 1);

  block->html = g_strdup (html != NULL ? html : "");
  block->first_line = first_line;
  block->last_line = last_line;
  return block;
}

void
byline_block_free (BylineBlock *block)
{
  if (block == NULL)
    return;
  g_free (block->html);
  g_free (block);
}

static void
rendering_clear (BylineRendering *self)
{
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->header_html, g_free);
}

BylineRendering *
byline_rendering_ref (BylineRendering *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
byline_rendering_unref (BylineRendering *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) rendering_clear);
}

G_DEFINE_BOXED_TYPE (BylineRendering, byline_rendering, byline_rendering_ref,
                     byline_rendering_unref)

char *
byline_rendering_get_html (BylineRendering *self)
{
  GString *html;

  g_return_val_if_fail (self != NULL, NULL);

  html = g_string_new (NULL);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const BylineBlock *block = g_ptr_array_index (self->blocks, i);

      g_string_append (html, block->html);
      g_string_append_c (html, '\n');
    }

  return g_string_free (html, FALSE);
}

BylineRendering *
byline_rendering_new (GPtrArray  *blocks,
                      const char *header_html)
{
  BylineRendering *rendering = g_atomic_rc_box_new0 (BylineRendering);

  rendering->blocks = blocks != NULL
                      ? blocks
                      : g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_free);
  rendering->header_html = g_strdup (header_html != NULL ? header_html : "");

  return rendering;
}

/* Links */

char *
byline_render_job_resolve_link (BylineRenderJob *job,
                                const char      *link)
{
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  const char *suffix;

  if (job->base_uri == NULL)
    return NULL;

  switch (byline_bundle_classify_link (link, &name))
    {
    case BYLINE_LINK_BUNDLE:
      if (name == NULL || *name == '\0')
        return NULL;
      suffix = link + strcspn (link, "?#");
      escaped = g_uri_escape_string (name, "/", TRUE);
      return g_strconcat (job->base_uri, escaped, suffix, NULL);

    case BYLINE_LINK_SITE_ABSOLUTE:
      if (job->site_url == NULL || link[0] != '/' || link[1] == '/')
        return NULL;
      return g_strconcat (job->site_url, link + 1, NULL);

    case BYLINE_LINK_EXTERNAL:
    case BYLINE_LINK_ANCHOR:
    case BYLINE_LINK_EMPTY:
    default:
      return NULL;
    }
}

/* Jobs */

static const char *
find_stem (const char *p,
           const char *stop,
           const char *stem,
           gsize       stem_len)
{
  while ((gsize) (stop - p) >= stem_len && (p = memchr (p, stem[0], stop - p)) != NULL)
    {
      if ((gsize) (stop - p) < stem_len)
        return NULL;
      if (memcmp (p, stem, stem_len) == 0)
        return p;
      p++;
    }

  return NULL;
}

/* Picks a placeholder prefix that occurs nowhere in @haystacks: "BylSc"
 * followed by enough letters that some combination is free, found in one
 * pass however many near-misses a hostile post holds. */
static void
job_choose_prefix (BylineRenderJob    *job,
                   const char * const *haystacks,
                   const gsize        *lengths,
                   guint               n_haystacks)
{
  static const char stem[] = "BylSc";
  const gsize stem_len = strlen (stem);
  g_autofree guint8 *used = NULL;
  gsize count = 0;
  guint letters = 1;
  gsize combinations = 26;
  gsize pick = 0;

  for (guint h = 0; h < n_haystacks; h++)
    for (const char *p = haystacks[h], *stop = p + lengths[h];
         (p = find_stem (p, stop, stem, stem_len)) != NULL;
         p += stem_len)
      count++;

  while (combinations <= count && letters < 8)
    {
      letters++;
      combinations *= 26;
    }

  used = g_new0 (guint8, combinations);
  for (guint h = 0; h < n_haystacks; h++)
    for (const char *p = haystacks[h], *stop = p + lengths[h];
         (p = find_stem (p, stop, stem, stem_len)) != NULL;
         p += stem_len)
      {
        gsize code = 0;
        guint k;

        for (k = 0; k < letters && p + stem_len + k < stop; k++)
          {
            char c = p[stem_len + k];

            if (c < 'a' || c > 'z')
              break;
            code = code * 26 + (gsize) (c - 'a');
          }
        if (k == letters)
          used[code] = 1;
      }

  while (pick < combinations && used[pick])
    pick++;

  memcpy (job->prefix, stem, stem_len);
  for (guint k = 0; k < letters; k++)
    {
      job->prefix[stem_len + letters - 1 - k] = (char) ('a' + pick % 26);
      pick /= 26;
    }
  job->prefix_len = stem_len + letters;
  job->prefix[job->prefix_len] = '\0';
}

void
byline_renderer_init_job (BylineRenderer   *self,
                          BylinePost       *post,
                          BylineRenderJob  *job,
                          char            **site_url)
{
  const BylineShortcodeList *shortcodes = byline_post_get_shortcodes (post);
  const char *haystacks[2];
  gsize lengths[2];
  guint n = 0;

  memset (job, 0, sizeof *job);
  job->profile = self->profile;
  job->bundle = self->bundle;
  job->base_uri = self->base_uri;
  job->goldmark = self->goldmark;
  job->tagfilter = self->tagfilter;
  job->text = byline_post_get_text (post);
  job->length = byline_post_get_length (post);
  job->lines = byline_post_get_lines (post);
  job->calls = shortcodes->calls;

  *site_url = NULL;
  if (self->base_uri != NULL)
    {
      const char *url = byline_profile_get_site_url (self->profile);

      if (url != NULL && *url != '\0')
        *site_url = g_str_has_suffix (url, "/") ? g_strdup (url) : g_strconcat (url, "/", NULL);
    }
  job->site_url = *site_url;

  haystacks[n] = job->text;
  lengths[n++] = job->length;
  if (job->base_uri != NULL)
    {
      haystacks[n] = job->base_uri;
      lengths[n++] = strlen (job->base_uri);
    }
  job_choose_prefix (job, haystacks, lengths, n);
}

gboolean
byline_renderer_post_is_renderable (BylinePost *post)
{
  const GError *error = byline_post_get_layout_error (post);

  return error == NULL ||
         !(g_error_matches (error, BYLINE_POST_LAYOUT_ERROR,
                            BYLINE_POST_LAYOUT_ERROR_INVALID_UTF8) ||
           g_error_matches (error, BYLINE_POST_LAYOUT_ERROR,
                            BYLINE_POST_LAYOUT_ERROR_BINARY));
}

/* GObject */

static void
byline_renderer_finalize (GObject *object)
{
  BylineRenderer *self = (BylineRenderer *)object;

  g_clear_object (&self->profile);
  g_clear_object (&self->bundle);
  g_clear_pointer (&self->base_uri, g_free);
  g_clear_pointer (&self->goldmark, byline_goldmark_settings_free);

  G_OBJECT_CLASS (byline_renderer_parent_class)->finalize (object);
}

static void
byline_renderer_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BylineRenderer *self = BYLINE_RENDERER (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;

    case PROP_BUNDLE:
      g_value_set_object (value, self->bundle);
      break;

    case PROP_BASE_URI:
      g_value_set_string (value, self->base_uri);
      break;

    case PROP_GOLDMARK_SETTINGS:
      g_value_set_boxed (value, self->goldmark);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_renderer_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BylineRenderer *self = BYLINE_RENDERER (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      self->profile = g_value_dup_object (value);
      break;

    case PROP_BUNDLE:
      self->bundle = g_value_dup_object (value);
      break;

    case PROP_BASE_URI:
      byline_renderer_set_base_uri (self, g_value_get_string (value));
      break;

    case PROP_GOLDMARK_SETTINGS:
      byline_renderer_set_goldmark_settings (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_renderer_class_init (BylineRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_renderer_finalize;
  object_class->get_property = byline_renderer_get_property;
  object_class->set_property = byline_renderer_set_property;

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL,
                         BYLINE_TYPE_PROFILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BUNDLE] =
    g_param_spec_object ("bundle", NULL, NULL,
                         BYLINE_TYPE_BUNDLE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BASE_URI] =
    g_param_spec_string ("base-uri", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_GOLDMARK_SETTINGS] =
    g_param_spec_boxed ("goldmark-settings", NULL, NULL,
                        BYLINE_TYPE_GOLDMARK_SETTINGS,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static BylineGoldmarkSettings *
default_goldmark_settings (void)
{
  BylineGoldmarkSettings *settings = byline_goldmark_settings_new ();

  settings->unsafe = TRUE;

  return settings;
}

static void
byline_renderer_init (BylineRenderer *self)
{
  self->goldmark = default_goldmark_settings ();
  self->tagfilter = TRUE;
}

BylineRenderer *
byline_renderer_new (BylineProfile *profile,
                     BylineBundle  *bundle)
{
  g_return_val_if_fail (BYLINE_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (bundle == NULL || BYLINE_IS_BUNDLE (bundle), NULL);

  return g_object_new (BYLINE_TYPE_RENDERER,
                       "profile", profile,
                       "bundle", bundle,
                       NULL);
}

BylineProfile *
byline_renderer_get_profile (BylineRenderer *self)
{
  g_return_val_if_fail (BYLINE_IS_RENDERER (self), NULL);

  return self->profile;
}

BylineBundle *
byline_renderer_get_bundle (BylineRenderer *self)
{
  g_return_val_if_fail (BYLINE_IS_RENDERER (self), NULL);

  return self->bundle;
}

void
byline_renderer_set_base_uri (BylineRenderer *self,
                              const char     *base_uri)
{
  g_autofree char *normalized = NULL;

  g_return_if_fail (BYLINE_IS_RENDERER (self));

  /* Relative links resolve against the folder itself, not its parent. */
  if (base_uri != NULL && *base_uri != '\0' && !g_str_has_suffix (base_uri, "/"))
    normalized = g_strconcat (base_uri, "/", NULL);
  else if (base_uri != NULL && *base_uri != '\0')
    normalized = g_strdup (base_uri);

  if (g_strcmp0 (normalized, self->base_uri) == 0)
    return;

  g_free (self->base_uri);
  self->base_uri = g_steal_pointer (&normalized);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URI]);
}

const char *
byline_renderer_get_base_uri (BylineRenderer *self)
{
  g_return_val_if_fail (BYLINE_IS_RENDERER (self), NULL);

  return self->base_uri;
}

BylineBody *
byline_renderer_parse (BylineRenderer *self,
                       BylinePost     *post)
{
  g_return_val_if_fail (BYLINE_IS_RENDERER (self), NULL);
  g_return_val_if_fail (BYLINE_IS_POST (post), NULL);

  return byline_body_build (self, post);
}

BylineRendering *
byline_renderer_render_body (BylineRenderer *self,
                             BylineBody     *body)
{
  BylineRendering *rendering;
  BylineRenderPass pass;

  g_return_val_if_fail (BYLINE_IS_RENDERER (self), NULL);
  g_return_val_if_fail (body != NULL && body->renderer == self, NULL);

  rendering = byline_rendering_new (NULL, NULL);
  g_free (rendering->header_html);
  rendering->header_html = byline_renderer_render_header (self, body->post);

  byline_render_pass_init (&pass, body);
  byline_render_pass_render_blocks (&pass, rendering->blocks);
  byline_render_pass_clear (&pass);

  return rendering;
}

void
byline_renderer_set_goldmark_settings (BylineRenderer               *self,
                                       const BylineGoldmarkSettings *settings)
{
  g_autoptr(BylineGoldmarkSettings) copy = NULL;

  g_return_if_fail (BYLINE_IS_RENDERER (self));

  copy = settings != NULL ? byline_goldmark_settings_copy (settings) : default_goldmark_settings ();
  if (byline_goldmark_settings_equal (copy, self->goldmark))
    return;

  byline_goldmark_settings_free (self->goldmark);
  self->goldmark = g_steal_pointer (&copy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOLDMARK_SETTINGS]);
}

const BylineGoldmarkSettings *
byline_renderer_get_goldmark_settings (BylineRenderer *self)
{
  g_return_val_if_fail (BYLINE_IS_RENDERER (self), NULL);

  return self->goldmark;
}

void
byline_renderer_set_tagfilter (BylineRenderer *self,
                               gboolean        tagfilter)
{
  g_return_if_fail (BYLINE_IS_RENDERER (self));

  self->tagfilter = !!tagfilter;
}

BylineRendering *
byline_renderer_render (BylineRenderer *self,
                        BylinePost     *post)
{
  g_autoptr(BylineBody) body = NULL;

  g_return_val_if_fail (BYLINE_IS_RENDERER (self), NULL);
  g_return_val_if_fail (BYLINE_IS_POST (post), NULL);

  body = byline_body_build (self, post);
  return byline_renderer_render_body (self, body);
}

/* Header and page */

static const char * const month_names[] = {
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
};

static void
append_date (GString           *out,
             BylineFrontMatter *front_matter)
{
  static const char * const keys[] = { "publishdate", "date" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GDateTime) date = NULL;
      g_autofree char *machine = NULL;
      gboolean has_time = FALSE;

      if (!byline_front_matter_get_date (front_matter, keys[i], &date, &has_time) || date == NULL)
        continue;

      machine = has_time ? g_date_time_format_iso8601 (date)
                         : g_date_time_format (date, "%Y-%m-%d");
      /* The site writes dates in English whatever the reader's language. */
      g_string_append_printf (out, "<time datetime=\"%s\">%s %d, %d</time>",
                              machine,
                              month_names[g_date_time_get_month (date) - 1],
                              g_date_time_get_day_of_month (date),
                              g_date_time_get_year (date));
      return;
    }
}

#define META_OPEN "<p class=\"byline-post-byline\">"

char *
byline_renderer_render_header (BylineRenderer *self,
                               BylinePost     *post)
{
  BylineFrontMatter *front_matter;
  const char *title;
  const char *subtitle;
  const char *attribution;
  const char *description;
  GString *out;
  gsize meta_start;

  g_return_val_if_fail (BYLINE_IS_RENDERER (self), NULL);
  g_return_val_if_fail (BYLINE_IS_POST (post), NULL);

  front_matter = byline_post_get_front_matter (post);
  if (front_matter == NULL)
    return g_strdup ("");

  title = byline_front_matter_get_string (front_matter, "title");
  subtitle = byline_front_matter_get_string (front_matter, "subtitle");
  attribution = byline_front_matter_get_string (front_matter, "attribution");
  description = byline_front_matter_get_string (front_matter, "description");

  out = g_string_new ("<header class=\"byline-post-header\">");

  if (title != NULL && *title != '\0')
    {
      g_string_append (out, "<h1>");
      byline_html_escape_append (out, title, -1);
      g_string_append (out, "</h1>");
    }

  /* Both class names: the brief's and the ones the built-in style sheet
   * targets. */
  if (subtitle != NULL && *subtitle != '\0')
    {
      g_string_append (out, "<p class=\"byline-post-subtitle\">");
      byline_html_escape_append (out, subtitle, -1);
      g_string_append (out, "</p>");
    }

  g_string_append (out, META_OPEN);
  meta_start = out->len;
  append_date (out, front_matter);
  if (attribution != NULL && *attribution != '\0')
    {
      if (out->len > meta_start)
        g_string_append (out, " · ");
      byline_html_escape_append (out, attribution, -1);
    }
  if (out->len > meta_start)
    g_string_append (out, "</p>");
  else
    g_string_truncate (out, meta_start - strlen (META_OPEN));

  if (description != NULL && *description != '\0')
    {
      g_string_append (out, "<p class=\"byline-post-description\">");
      byline_html_escape_append (out, description, -1);
      g_string_append (out, "</p>");
    }

  g_string_append (out, "</header>");

  return g_string_free (out, FALSE);
}

/* Page scripts never run: the page may hold any raw HTML the post has. Images
 * and frames may come from the bundle or the web; nothing else loads. */
#define PAGE_CSP \
  "default-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; " \
  "form-action 'none'; style-src 'unsafe-inline'; img-src file: data: http: https:; " \
  "media-src file: http: https:; frame-src http: https:"

char *
byline_renderer_render_page (BylineRenderer  *self,
                             BylinePost      *post,
                             BylineRendering *rendering)
{
  g_autoptr(BylineRendering) owned = NULL;
  g_autofree char *body = NULL;
  BylineFrontMatter *front_matter;
  const char *title = NULL;
  const char *stylesheet;
  GString *page;

  g_return_val_if_fail (BYLINE_IS_RENDERER (self), NULL);
  g_return_val_if_fail (BYLINE_IS_POST (post), NULL);

  if (rendering == NULL)
    rendering = owned = byline_renderer_render (self, post);
  body = byline_rendering_get_html (rendering);

  front_matter = byline_post_get_front_matter (post);
  if (front_matter != NULL)
    title = byline_front_matter_get_string (front_matter, "title");
  if (title == NULL || *title == '\0')
    title = _("Untitled post");

  page = g_string_new ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
  g_string_append (page,
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"" PAGE_CSP "\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  g_string_append (page, "<meta name=\"generator\" content=\"Byline " PACKAGE_VERSION "\">\n");
  g_string_append (page, "<title>");
  byline_html_escape_append (page, title, -1);
  g_string_append (page, "</title>\n");

  stylesheet = byline_profile_get_stylesheet (self->profile);
  if (stylesheet != NULL && *stylesheet != '\0')
    {
      g_string_append (page, "<style>\n");
      /* A "<" in a style element could end it early ("</style>"): CSS reads
       * the escape \3c the same way wherever a "<" can appear. */
      for (const char *p = stylesheet; *p != '\0'; p++)
        {
          if (*p == '<')
            g_string_append (page, "\\3c ");
          else
            g_string_append_c (page, *p);
        }
      g_string_append (page, "\n</style>\n");
    }

  g_string_append (page, "</head>\n<body>\n<main class=\"byline-page\">\n");
  g_string_append (page, rendering->header_html);
  g_string_append (page, "\n<article class=\"byline-post\">\n");
  g_string_append (page, body);
  g_string_append (page, "</article>\n</main>\n</body>\n</html>\n");

  return g_string_free (page, FALSE);
}
