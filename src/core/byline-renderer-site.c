/* byline-renderer-site.c — the site's own shortcodes and render hooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When the renderer knows the post's site, a call to a shortcode the site
 * (or one of its themes) defines runs through that template with the
 * context Hugo gives it (hugolib/shortcode.go), and the site's render hooks
 * (layouts/_markup/render-*.html, markup/converter/hooks) write links,
 * images, headings, code blocks, blockquotes and tables. Both run in the
 * Go-template engine (byline-gotmpl.h), parsed once per site.
 *
 * A template the engine cannot run (a function it lacks, an error, a
 * limit) never breaks the preview: a shortcode becomes the fallback box
 * with the reason, a hook the plain Markdown rendering, and an info
 * finding names the template's file and line.
 */

#define G_LOG_DOMAIN "byline-renderer"

#include "config.h"

#include "byline-renderer-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "byline-gotmpl-fragments.h"
#include "byline-gotmpl-objects.h"
#include "byline-gotmpl-site-env.h"

struct _BylineRenderSite
{
  BylineSite                *site;
  BylineGotmplSet           *set;
  BylinePost                *post;
  const BylineShortcodeList *shortcodes;
  char                      *file;        /* the post's file, or NULL */
  char                      *page_path;   /* Hugo's .Path of the post: "/blog/x" */
  const char                *lang;
  gboolean                   page_made;
  BylineGotmplValue          page;
  GPtrArray                 *diagnostics; /* of BylineDiagnostic */
  GHashTable                *reported;    /* "start end severity message" of diagnostics */
  GPtrArray                 *bindings;    /* of HookBinding, the hooks' user data */
};

/* What a hook callback needs: the render and the fragment it writes. */
typedef struct
{
  BylineRenderSite *site;
  BylineFragment   *frag;
} HookBinding;

static const char * const hook_names[BYLINE_GOLDMARK_N_HOOKS] = {
  [BYLINE_GOLDMARK_HOOK_LINK] = "render-link",
  [BYLINE_GOLDMARK_HOOK_IMAGE] = "render-image",
  [BYLINE_GOLDMARK_HOOK_HEADING] = "render-heading",
  [BYLINE_GOLDMARK_HOOK_CODEBLOCK] = "render-codeblock",
  [BYLINE_GOLDMARK_HOOK_BLOCKQUOTE] = "render-blockquote",
  [BYLINE_GOLDMARK_HOOK_TABLE] = "render-table",
};

BylineRenderSite *
byline_render_site_new (BylineSite *site,
                        BylinePost *post)
{
  BylineRenderSite *self;
  BylineGotmplSet *set;
  GFile *file;

  if (site == NULL || (set = byline_gotmpl_site_env_dup_set (site)) == NULL)
    return NULL;

  /* Layout files edited since the last render are read again. */
  byline_gotmpl_set_revalidate (set);
  self = g_new0 (BylineRenderSite, 1);
  self->site = g_object_ref (site);
  self->set = set;
  self->post = g_object_ref (post);
  self->shortcodes = byline_post_get_shortcodes (post);
  self->diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_diagnostic_free);
  self->reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->bindings = g_ptr_array_new_with_free_func (g_free);
  file = byline_site_get_post_file (site);
  if (file != NULL)
    {
      g_autoptr(BylineSitePages) pages = byline_site_get_pages (site);
      const BylineSitePage *page;

      self->file = g_file_get_path (file);
      page = pages != NULL && self->file != NULL ? byline_site_pages_lookup_file (pages, self->file)
                                                 : NULL;
      if (page != NULL)
        {
          self->page_path = g_strdup (byline_site_page_get_path (page));
          self->lang = byline_site_page_get_lang (page);
        }
    }
  if (self->lang == NULL)
    self->lang = byline_site_get_default_language (site);
  return self;
}

void
byline_render_site_free (BylineRenderSite *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->set);
  g_clear_object (&self->post);
  g_clear_object (&self->site);
  g_free (self->file);
  g_free (self->page_path);
  byline_gotmpl_value_clear (&self->page);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  g_clear_pointer (&self->reported, g_hash_table_unref);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_free (self);
}

const BylineGoldmarkSettings *
byline_render_site_get_settings (BylineSite *site)
{
  g_autoptr(BylineGotmplSet) set = NULL;

  if (site == NULL || byline_site_get_root (site) == NULL ||
      byline_site_get_root_kind (site) != BYLINE_SITE_ROOT_CONFIG ||
      (set = byline_gotmpl_site_env_dup_set (site)) == NULL)
    return NULL;
  /* The site's shared set keeps the settings for as long as the site's
   * reading is in use. */
  return byline_gotmpl_site_env_get_goldmark (BYLINE_GOTMPL_SITE_ENV (byline_gotmpl_set_get_env (set)));
}

GPtrArray *
byline_render_site_steal_diagnostics (BylineRenderSite *self)
{
  GPtrArray *diagnostics;

  g_return_val_if_fail (self != NULL, NULL);

  diagnostics = g_steal_pointer (&self->diagnostics);
  self->diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_diagnostic_free);
  g_hash_table_remove_all (self->reported);
  return diagnostics;
}

/* The post's page object, made when a template first needs it. */
static const BylineGotmplValue *
ensure_page (BylineRenderSite *self)
{
  if (!self->page_made)
    {
      BylineGotmplEnv *env = byline_gotmpl_set_get_env (self->set);

      self->page = byline_gotmpl_site_env_page_for_post (BYLINE_GOTMPL_SITE_ENV (env), self->post,
                                                         self->file);
      self->page_made = TRUE;
    }
  return &self->page;
}

/* "layouts/_shortcodes/x.html:3": where a failure lies, for messages. */
static char *
describe_place (const BylineGotmplResult *result)
{
  const char *file = result->file;
  const char *layouts;

  if (file == NULL)
    return NULL;
  layouts = g_strrstr (file, "/layouts/");
  if (layouts != NULL)
    file = layouts + 1;
  if (result->line > 0)
    return g_strdup_printf ("%s:%u", file, result->line);
  return g_strdup (file);
}

/* Why the engine gave up, in the engine's words ("“x” is not supported by
 * the preview", a limit, Hugo's error message). */
static char *
describe_failure (const BylineGotmplResult *result)
{
  return g_strdup (result->message != NULL ? result->message : _("The template failed"));
}

/* An error for what fails Hugo's build too (errorf, a runtime or parse
 * error); an info for what only the preview lacks (a function, a limit). */
static BylineSeverity
severity_of (const BylineGotmplResult *result)
{
  return result->status == BYLINE_GOTMPL_ERROR ? BYLINE_SEVERITY_ERROR : BYLINE_SEVERITY_INFO;
}

static void
add_finding (BylineRenderSite *self,
             BylineRenderJob  *job,
             BylineSeverity    severity,
             gsize             start,
             gsize             end,
             char             *message)
{
  BylineSpan span = { 0, };

  span.start = MIN (start, job->length);
  span.end = MIN (MAX (end, span.start), job->length);

  /* The same failure at the same place is said once: a render hook that
   * fails for each of the hundred links a {{% %}} call writes, say. */
  if (!g_hash_table_add (self->reported,
                         g_strdup_printf ("%" G_GSIZE_FORMAT " %" G_GSIZE_FORMAT " %d %s",
                                          span.start, span.end, severity, message)))
    {
      g_free (message);
      return;
    }

  byline_line_index_fill_span (job->lines, &span);
  g_ptr_array_add (self->diagnostics,
                   byline_diagnostic_new (severity, "preview/template", &span, message));
}

/* Shortcodes */

/* Whether call @index is one the site's template renders: an opening or
 * self-closing call of a shortcode the site defines and the profile has no
 * template of its own for (the profile's win, as in the renderer). */
static gboolean
is_site_call (BylineRenderSite *self,
              BylineRenderJob  *job,
              guint             index)
{
  const BylineShortcode *call = g_ptr_array_index (job->calls, index);
  const BylineShortcodeSpec *spec;

  if (self == NULL || call->name == NULL ||
      (call->kind != BYLINE_SHORTCODE_OPEN && call->kind != BYLINE_SHORTCODE_SELF_CLOSING))
    return FALSE;
  spec = byline_profile_lookup_shortcode (job->profile, call->name);
  if (spec != NULL && spec->template != NULL)
    return FALSE;
  return byline_site_lookup_shortcode (self->site, call->name) != NULL;
}

/* Runs the template of call @index; on failure, adds the finding at the
 * call (up to its closing tag) and sets @reason. */
static char *
run_call (BylineRenderSite *self,
          BylineRenderJob  *job,
          guint             index,
          char            **reason)
{
  const BylineShortcode *call = g_ptr_array_index (job->calls, index);
  g_auto(BylineGotmplResult) result = { 0, };
  g_autofree char *why = NULL;
  g_autofree char *place = NULL;
  const BylineShortcode *last = call;

  if (byline_gotmpl_set_render_call (self->set, ensure_page (self), job->text, self->file,
                                     self->shortcodes, index, &result))
    return g_steal_pointer (&result.output);

  why = describe_failure (&result);
  place = describe_place (&result);
  if (call->pair >= 0)
    last = g_ptr_array_index (job->calls, call->pair);
  add_finding (self, job, severity_of (&result), call->span.start, last->span.end,
               place != NULL
                 ? g_strdup_printf (_("The preview shows “%s” as a box: %s (%s)"), call->name, why,
                                    place)
                 : g_strdup_printf (_("The preview shows “%s” as a box: %s"), call->name, why));
  if (reason != NULL)
    *reason = g_steal_pointer (&why);
  return NULL;
}

char *
byline_render_site_splice_call (BylineRenderSite *self,
                                BylineRenderJob  *job,
                                guint             index)
{
  const BylineShortcode *call = g_ptr_array_index (job->calls, index);
  g_auto(BylineGotmplResult) result = { 0, };

  if (call->delim != BYLINE_SHORTCODE_PERCENT || !is_site_call (self, job, index))
    return NULL;
  /* A failure is left to the render, which shows the box and says why. */
  if (!byline_gotmpl_set_render_call (self->set, ensure_page (self), job->text, self->file,
                                      self->shortcodes, index, &result))
    return NULL;
  return g_steal_pointer (&result.output);
}

char *
byline_render_site_expand_call (BylineRenderSite *self,
                                BylineRenderJob  *job,
                                guint             index,
                                gboolean          block,
                                char            **reason)
{
  const BylineShortcode *call = g_ptr_array_index (job->calls, index);
  BylineGotmplEnv *env;
  char *output;
  char *html;

  *reason = NULL;
  if (!is_site_call (self, job, index))
    return NULL;

  output = run_call (self, job, index, reason);
  if (output == NULL || call->delim != BYLINE_SHORTCODE_PERCENT)
    return output;

  /* A {{% %}} call that was not read with the page's Markdown (the body
   * splices those in, byline_render_site_splice_call): its output is
   * Markdown all the same; a call inside a paragraph stays inline. */
  env = byline_gotmpl_set_get_env (self->set);
  html = byline_gotmpl_env_render_markdown (env, output, !block, NULL);
  if (html == NULL)
    return output;
  g_free (output);
  /* Its blocks end where the page's next one begins. */
  if (g_str_has_suffix (html, "\n"))
    html[strlen (html) - 1] = '\0';
  return html;
}

GPtrArray *
byline_render_site_check_calls (BylineRenderSite *self,
                                BylineRenderJob  *job)
{
  gsize covered_end = 0;

  if (self == NULL)
    return NULL;

  for (guint i = 0; i < job->calls->len; i++)
    {
      const BylineShortcode *call = g_ptr_array_index (job->calls, i);
      g_autofree char *output = NULL;
      const BylineShortcode *last = call;

      /* The calls inside one that rendered ran with it. */
      if (call->span.start < covered_end || !is_site_call (self, job, i))
        continue;
      output = run_call (self, job, i, NULL);
      /* One that failed is a box showing its inner text, whose calls the
       * preview renders one by one: they are checked one by one too. */
      if (output == NULL)
        continue;
      if (call->pair > (int) i)
        last = g_ptr_array_index (job->calls, call->pair);
      covered_end = last->span.end;
    }
  return byline_render_site_steal_diagnostics (self);
}

GPtrArray *
byline_renderer_check_site_templates (BylineRenderer *renderer,
                                      BylineBody     *body)
{
  const GPtrArray *shortcodes;
  BylineRenderSite *self;
  GPtrArray *diagnostics;

  g_return_val_if_fail (BYLINE_IS_RENDERER (renderer), NULL);
  g_return_val_if_fail (body != NULL && body->renderer == renderer, NULL);

  shortcodes = body->job.site != NULL ? byline_site_get_shortcodes (body->job.site) : NULL;
  if (body->top == NULL || shortcodes == NULL || shortcodes->len == 0 ||
      (self = byline_render_site_new (body->job.site, body->post)) == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) byline_diagnostic_free);
  diagnostics = byline_render_site_check_calls (self, &body->job);
  byline_render_site_free (self);
  return diagnostics;
}

/* Render hooks */

/* Whether a hook template applies to the post: its language, the HTML
 * output format, and the page path it is limited to. */
static gboolean
hook_applies (BylineRenderSite         *self,
              const BylineSiteTemplate *tmpl)
{
  if (tmpl->output_format != NULL && strcmp (tmpl->output_format, "html") != 0)
    return FALSE;
  if (tmpl->lang != NULL && g_strcmp0 (tmpl->lang, self->lang) != 0)
    return FALSE;
  if (tmpl->scope != NULL && tmpl->scope[0] != '\0')
    {
      gsize len = strlen (tmpl->scope);
      const char *path = self->page_path != NULL ? self->page_path : "";

      if (path[0] == '/')
        path++;
      if (strncmp (path, tmpl->scope, len) != 0 || (path[len] != '/' && path[len] != '\0'))
        return FALSE;
    }
  return TRUE;
}

/* The hook for @name, or for @name-@variant first when there is one
 * (render-codeblock-mermaid, render-blockquote-alert). Project first. */
static const BylineSiteTemplate *
find_hook (BylineRenderSite *self,
           const char       *name,
           const char       *variant)
{
  const GPtrArray *hooks = byline_site_get_render_hooks (self->site);
  g_autofree char *specific = NULL;

  if (variant != NULL && variant[0] != '\0')
    specific = g_strconcat (name, "-", variant, NULL);
  for (guint pass = specific != NULL ? 0 : 1; pass < 2; pass++)
    for (guint i = 0; hooks != NULL && i < hooks->len; i++)
      {
        const BylineSiteTemplate *tmpl = g_ptr_array_index (hooks, i);

        if (strcmp (tmpl->name, pass == 0 ? specific : name) == 0 && hook_applies (self, tmpl))
          return tmpl;
      }
  return NULL;
}

static BylineGotmplValue
attributes_value (const BylineGoldmarkAttribute *attributes,
                  guint                          n)
{
  BylineGotmplMap *map = byline_gotmpl_map_new (FALSE);

  for (guint i = 0; i < n; i++)
    byline_gotmpl_map_set (map, attributes[i].name, byline_gotmpl_string (attributes[i].value));
  return byline_gotmpl_map_value (map);
}

static BylineGotmplValue
rows_value (const BylineGoldmarkTableRow *rows,
            guint                         n)
{
  BylineGotmplList *list = byline_gotmpl_list_new (n);

  for (guint r = 0; r < n; r++)
    {
      BylineGotmplList *cells = byline_gotmpl_list_new (rows[r].n_cells);

      for (guint c = 0; c < rows[r].n_cells; c++)
        {
          BylineGotmplMap *cell = byline_gotmpl_map_new (FALSE);

          byline_gotmpl_map_set (cell, "Alignment", byline_gotmpl_string (rows[r].cells[c].alignment));
          byline_gotmpl_map_set (cell, "Text", byline_gotmpl_safe (rows[r].cells[c].text,
                                                                   BYLINE_GOTMPL_HTML));
          byline_gotmpl_list_append (cells, byline_gotmpl_record_new (cell));
        }
      byline_gotmpl_list_append (list, byline_gotmpl_list_value (cells));
    }
  return byline_gotmpl_list_value (list);
}

static void
set_string (BylineGotmplMap *fields,
            const char      *name,
            const char      *value)
{
  byline_gotmpl_map_set (fields, name, byline_gotmpl_string (value != NULL ? value : ""));
}

/* The context Hugo passes the hook (markup/converter/hooks/hooks.go). */
static BylineGotmplValue
hook_context (BylineRenderSite                *self,
              const BylineGoldmarkHookContext *context,
              guint                            post_line)
{
  BylineGotmplMap *fields = byline_gotmpl_map_new (FALSE);
  const BylineGotmplValue *page = ensure_page (self);

  byline_gotmpl_map_set (fields, "Page", byline_gotmpl_value_copy (page));
  byline_gotmpl_map_set (fields, "PageInner", byline_gotmpl_value_copy (page));
  byline_gotmpl_map_set (fields, "Ordinal", byline_gotmpl_int (context->ordinal));
  byline_gotmpl_map_set (fields, "Position",
                         byline_gotmpl_position_new (self->file, post_line, context->column));
  byline_gotmpl_map_set (fields, "Attributes",
                         attributes_value (context->attributes, context->n_attributes));

  switch (context->kind)
    {
    case BYLINE_GOLDMARK_HOOK_LINK:
    case BYLINE_GOLDMARK_HOOK_IMAGE:
      set_string (fields, "Destination", context->destination);
      set_string (fields, "Title", context->title);
      set_string (fields, "PlainText", context->plain_text);
      byline_gotmpl_map_set (fields, "Text", byline_gotmpl_safe (context->text != NULL ? context->text : "",
                                                                 BYLINE_GOTMPL_HTML));
      byline_gotmpl_map_set (fields, "IsBlock", byline_gotmpl_bool (context->is_block));
      break;

    case BYLINE_GOLDMARK_HOOK_HEADING:
      byline_gotmpl_map_set (fields, "Level", byline_gotmpl_int (context->level));
      set_string (fields, "Anchor", context->anchor);
      set_string (fields, "PlainText", context->plain_text);
      byline_gotmpl_map_set (fields, "Text", byline_gotmpl_safe (context->text != NULL ? context->text : "",
                                                                 BYLINE_GOTMPL_HTML));
      break;

    case BYLINE_GOLDMARK_HOOK_CODEBLOCK:
      set_string (fields, "Type", context->type);
      set_string (fields, "Inner", context->inner);
      byline_gotmpl_map_set (fields, "Options", attributes_value (context->options, context->n_options));
      break;

    case BYLINE_GOLDMARK_HOOK_BLOCKQUOTE:
      set_string (fields, "Type", context->type);
      set_string (fields, "AlertType", context->alert_type);
      set_string (fields, "AlertTitle", context->alert_title);
      set_string (fields, "AlertSign", context->alert_sign);
      byline_gotmpl_map_set (fields, "Text", byline_gotmpl_safe (context->text != NULL ? context->text : "",
                                                                 BYLINE_GOTMPL_HTML));
      break;

    case BYLINE_GOLDMARK_HOOK_TABLE:
      byline_gotmpl_map_set (fields, "THead", rows_value (context->thead, context->n_thead));
      byline_gotmpl_map_set (fields, "TBody", rows_value (context->tbody, context->n_tbody));
      break;

    case BYLINE_GOLDMARK_N_HOOKS:
    default:
      break;
    }
  return byline_gotmpl_record_new (fields);
}

static gboolean
hook_cb (const BylineGoldmarkHookContext *context,
         GString                         *out,
         gpointer                         user_data)
{
  HookBinding *binding = user_data;
  BylineFragment *frag = binding->frag;
  BylineRenderJob *job = frag->job;
  BylineRenderSite *self = binding->site;
  const char *variant = NULL;
  const BylineSiteTemplate *tmpl;
  g_auto(BylineGotmplValue) dot = BYLINE_GOTMPL_VALUE_INIT;
  g_auto(BylineGotmplResult) result = { 0, };
  guint post_line;

  if (context->kind == BYLINE_GOLDMARK_HOOK_CODEBLOCK)
    variant = context->type;
  else if (context->kind == BYLINE_GOLDMARK_HOOK_BLOCKQUOTE)
    variant = context->type;
  tmpl = find_hook (self, hook_names[context->kind], variant);
  if (tmpl == NULL)
    return FALSE;

  post_line = context->line > 0 ? byline_fragment_first_post_line (frag, context->line) : 0;
  dot = hook_context (self, context, post_line);
  if (byline_gotmpl_set_render_file (self->set, tmpl->path, &dot, ensure_page (self), &result))
    {
      g_string_append (out, result.output);
      return TRUE;
    }

  {
    g_autofree char *why = describe_failure (&result);
    g_autofree char *place = describe_place (&result);
    gsize start = post_line > 0 ? byline_line_index_line_start (job->lines, post_line) : 0;

    add_finding (self, job, severity_of (&result), start, start,
                 g_strdup_printf (_("The preview does not apply the site’s %s hook here: %s (%s)"),
                                  tmpl->name, why, place != NULL ? place : tmpl->path));
  }
  return FALSE;
}

void
byline_render_site_bind_hooks (BylineRenderSite *self,
                               BylineFragment   *frag,
                               BylineGoldmark   *writer)
{
  const GPtrArray *hooks;
  HookBinding *binding = NULL;

  if (self == NULL)
    return;
  hooks = byline_site_get_render_hooks (self->site);
  for (guint kind = 0; kind < BYLINE_GOLDMARK_N_HOOKS; kind++)
    {
      gsize len = strlen (hook_names[kind]);

      /* Only kinds the site has a hook for: the others keep the writer's
       * own, faster path. */
      for (guint i = 0; hooks != NULL && i < hooks->len; i++)
        {
          const BylineSiteTemplate *tmpl = g_ptr_array_index (hooks, i);

          if (strncmp (tmpl->name, hook_names[kind], len) == 0 &&
              (tmpl->name[len] == '\0' || tmpl->name[len] == '-') && hook_applies (self, tmpl))
            {
              if (binding == NULL)
                {
                  binding = g_new0 (HookBinding, 1);
                  binding->site = self;
                  binding->frag = frag;
                  g_ptr_array_add (self->bindings, binding);
                  /* The hooks of the body see its headings (Page.Fragments). */
                  if (frag->call < 0)
                    {
                      g_auto(BylineGotmplValue) fragments = byline_gotmpl_fragments_new (writer);

                      byline_gotmpl_page_set_fragments (ensure_page (self), &fragments);
                    }
                }
              byline_goldmark_set_hook (writer, kind, hook_cb, binding);
              break;
            }
        }
    }
}
