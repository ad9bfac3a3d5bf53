/* byline-gotmpl-objects-page.c — Hugo's Page, File, Language and Site
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page (resources/page/page.go) from what the environment or the post
 * gives: title, parameters (lower-cased keys, as maps.Params), the dates
 * Hugo takes from the front matter (date, publishDate, lastmod with their
 * aliases), description, summary, section, type, kind, file, language,
 * permalinks, bundle resources, Scratch and Store, RenderString and GetPage;
 * its content (RenderShortcodes, Content and what is read from it) in
 * byline-gotmpl-page-content.c.
 * The site (resources/page/site.go) from the merged configuration: title,
 * baseURL, params, data, language, home, GetPage, taxonomies by name.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-objects.h"

#include <string.h>

#include "byline-data.h"
#include "byline-front-matter.h"
#include "byline-gotmpl-content-private.h"
#include "byline-gotmpl-fragments.h"
#include "byline-gotmpl-funcs-private.h"
#include "byline-gotmpl-objects-private.h"

typedef struct
{
  BylineGotmplObject  parent;
  BylineGotmplEnv    *env;
  char               *file;
  char               *content_path;
  char               *kind;
  char               *lang;
  char               *rel_permalink;
  char               *permalink;
  char               *raw_content;
  char               *path;          /* .Path of a page without a file, or NULL */
  gboolean            raw_read;      /* raw_content read from the file */
  BylineGotmplValue   params;
  BylineGotmplValue   scratch;
  BylineGotmplValue   store;
  BylineGotmplValue   resources;   /* read on first use */
  BylineGotmplContentScope *content_scope;   /* .Content's, shared; NULL until asked */
  BylineGotmplValue   fragments;   /* set by the renderer on the page it renders */
} Page;

static void
page_finalize (BylineGotmplObject *object)
{
  Page *p = (Page *) object;

  g_clear_object (&p->env);
  g_free (p->file);
  g_free (p->content_path);
  g_free (p->kind);
  g_free (p->lang);
  g_free (p->rel_permalink);
  g_free (p->permalink);
  g_free (p->raw_content);
  g_free (p->path);
  byline_gotmpl_value_clear (&p->params);
  byline_gotmpl_value_clear (&p->scratch);
  byline_gotmpl_value_clear (&p->store);
  byline_gotmpl_value_clear (&p->resources);
  byline_gotmpl_content_scope_unref (p->content_scope);
  byline_gotmpl_value_clear (&p->fragments);
}

/* Page's String: Page(/path/to/file.md). */
static char *page_path (Page *p);

/* What Hugo prints for a page, and its String method: "Page(/docs/a)"
 * (hugolib/page.go, pageState.String). */
static char *
page_string (Page *p)
{
  g_autofree char *path = page_path (p);

  return g_strdup_printf ("Page(%s)", path);
}

static void
page_print (BylineGotmplObject *object,
            GString            *out)
{
  g_autofree char *text = page_string ((Page *) object);

  g_string_append (out, text);
}

#define PAGE(v) ((Page *) (v)->o)

/* The Markdown body: given when the page was made, or read from its file
 * when a template first asks (pages found by GetPage). */
static const char *
raw_content_of (Page *p)
{
  if (p->raw_content == NULL && !p->raw_read && p->file != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (p->file);
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
      g_autoptr(BylinePost) post = NULL;
      const BylinePostLayout *layout;

      p->raw_read = TRUE;
      /* A file no page comes near is not read whole. */
      if (info == NULL || g_file_info_get_size (info) > BYLINE_DATA_MAX_SIZE)
        return NULL;
      post = byline_post_new_from_file (file, NULL, NULL);
      layout = post != NULL ? byline_post_get_layout (post) : NULL;
      if (layout != NULL && layout->length >= layout->body_start)
        p->raw_content = g_strndup (byline_post_get_text (post) + layout->body_start,
                                    layout->length - layout->body_start);
    }
  return p->raw_content;
}

const BylineGotmplValue *
byline_gotmpl_params_get (const BylineGotmplValue *params,
                          const char              *key)
{
  g_auto(GStrv) parts = g_strsplit (key, ".", -1);
  const BylineGotmplValue *v = params;

  for (guint i = 0; parts[i] != NULL && v != NULL; i++)
    {
      if (v->kind != BYLINE_GOTMPL_MAP)
        return NULL;
      v = byline_gotmpl_map_lookup (v->m, parts[i]);
    }
  return v;
}

static const BylineGotmplValue *
param (Page       *p,
       const char *key)
{
  return byline_gotmpl_params_get (&p->params, key);
}

static const char *
param_string (Page       *p,
              const char *key)
{
  const BylineGotmplValue *v = param (p, key);

  return v != NULL && v->kind == BYLINE_GOTMPL_STRING ? v->s : NULL;
}

const BylineGotmplValue *
byline_gotmpl_page_get_params (const BylineGotmplValue *page)
{
  Page *p = byline_gotmpl_value_get_object (page, &byline_gotmpl_page_class);

  return p != NULL ? &p->params : NULL;
}

const char *
byline_gotmpl_page_get_file (const BylineGotmplValue *page)
{
  Page *p = byline_gotmpl_value_get_object (page, &byline_gotmpl_page_class);

  return p != NULL ? p->file : NULL;
}

const char *
byline_gotmpl_page_get_raw_content (const BylineGotmplValue *page)
{
  Page *p = byline_gotmpl_value_get_object (page, &byline_gotmpl_page_class);

  return p != NULL ? raw_content_of (p) : NULL;
}

BylineGotmplContentScope **
byline_gotmpl_page_get_content_slot (const BylineGotmplValue *page)
{
  Page *p = byline_gotmpl_value_get_object (page, &byline_gotmpl_page_class);

  return p != NULL ? &p->content_scope : NULL;
}

void
byline_gotmpl_page_set_fragments (const BylineGotmplValue *page,
                                  const BylineGotmplValue *fragments)
{
  Page *p = byline_gotmpl_value_get_object (page, &byline_gotmpl_page_class);

  if (p == NULL)
    return;
  byline_gotmpl_value_clear (&p->fragments);
  p->fragments = byline_gotmpl_value_copy (fragments);
}

const BylineGotmplValue *
byline_gotmpl_page_get_fragments (const BylineGotmplValue *page)
{
  Page *p = byline_gotmpl_value_get_object (page, &byline_gotmpl_page_class);

  return p != NULL && p->fragments.kind != BYLINE_GOTMPL_NIL ? &p->fragments : NULL;
}

/* Hugo's default front matter date keys (config/pagemeta). */
static BylineGotmplValue
date_from (Page               *p,
           const char * const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const BylineGotmplValue *v = param (p, keys[i]);
      GDateTime *dt = NULL;
      gboolean has_time;

      if (v == NULL)
        continue;
      if (byline_gotmpl_time_get (v) != NULL)
        return byline_gotmpl_value_copy (v);
      if (v->kind == BYLINE_GOTMPL_STRING && byline_parse_date (v->s, &dt, &has_time))
        {
          BylineGotmplValue t = byline_gotmpl_time_new (dt);

          g_date_time_unref (dt);
          return t;
        }
    }
  {
    g_autoptr(GDateTime) zero = g_date_time_new_utc (1, 1, 1, 0, 0, 0);

    return byline_gotmpl_time_new (zero);
  }
}

/* Hugo's .Path: "/" and the content path without its extension, a
 * bundle's without its index file. */
static char *
page_path (Page *p)
{
  char *path;
  char *dot;

  if (p->path != NULL && p->content_path == NULL)
    return g_strdup (p->path);
  path = g_strconcat ("/", p->content_path != NULL ? p->content_path : "", NULL);
  dot = strrchr (path, '.');
  if (dot != NULL && strchr (dot, '/') == NULL)
    *dot = '\0';
  if (g_str_has_suffix (path, "/index") || g_str_has_suffix (path, "/_index"))
    *strrchr (path, '/') = '\0';
  if (path[0] == '\0')
    {
      g_free (path);
      path = g_strdup ("/");
    }
  return path;
}

char *
byline_gotmpl_page_dup_path (const BylineGotmplValue *page)
{
  Page *p = byline_gotmpl_value_get_object (page, &byline_gotmpl_page_class);

  return p != NULL ? page_path (p) : NULL;
}

void
byline_gotmpl_page_get_sort_key (const BylineGotmplValue *page,
                                 BylineGotmplPageSortKey *key)
{
  static const char * const date_keys[] = { "date", "publishdate", "pubdate", "published",
                                            "lastmod", "modified", NULL };
  Page *p = byline_gotmpl_value_get_object (page, &byline_gotmpl_page_class);
  const BylineGotmplValue *w;
  g_auto(BylineGotmplValue) date = BYLINE_GOTMPL_VALUE_INIT;
  GDateTime *dt;

  memset (key, 0, sizeof *key);
  key->title = key->link_title = key->path = "";
  if (p == NULL)
    return;
  w = param (p, "weight");
  key->weight = w != NULL && w->kind == BYLINE_GOTMPL_INT ? w->i : 0;
  date = date_from (p, date_keys);
  dt = byline_gotmpl_time_get (&date);
  key->date = dt != NULL ? g_date_time_to_unix (dt) : 0;
  if (param_string (p, "title") != NULL)
    key->title = param_string (p, "title");
  key->link_title = param_string (p, "linktitle") != NULL ? param_string (p, "linktitle") : key->title;
  if (p->content_path != NULL)
    key->path = p->content_path;
}

/* RegularPages, Pages, Sections, RegularPagesRecursive: a regular page
 * has none. */
static gboolean
page_list (BylineGotmplCall        *call,
           const BylineGotmplValue *self,
           const BylineGotmplValue *args,
           guint                    n_args,
           BylineGotmplValue       *result)
{
  Page *p = PAGE (self);
  const char *name = call->name;
  BylineGotmplPageList which = BYLINE_GOTMPL_PAGES_REGULAR;
  g_autofree char *path = NULL;

  if (p->kind == NULL || strcmp (p->kind, "page") == 0)
    {
      *result = byline_gotmpl_pages_new (byline_gotmpl_nil ());
      return TRUE;
    }
  if (strcmp (name, "Pages") == 0)
    which = BYLINE_GOTMPL_PAGES_ALL;
  else if (strcmp (name, "Sections") == 0)
    which = BYLINE_GOTMPL_PAGES_SECTIONS;
  else if (strcmp (name, "RegularPagesRecursive") == 0)
    which = BYLINE_GOTMPL_PAGES_REGULAR_RECURSIVE;
  path = page_path (p);
  return byline_gotmpl_pages_list (call, p->env != NULL ? p->env : byline_gotmpl_call_get_env (call),
                                   path, p->lang, which, result);
}

static gboolean
page_method (BylineGotmplCall        *call,
             const BylineGotmplValue *self,
             const BylineGotmplValue *args,
             guint                    n_args,
             BylineGotmplValue       *result)
{
  static const char * const date_keys[] = { "date", "publishdate", "pubdate", "published",
                                            "lastmod", "modified", NULL };
  static const char * const publish_keys[] = { "publishdate", "pubdate", "published", "date", NULL };
  static const char * const lastmod_keys[] = { "lastmod", "modified", "date", "publishdate",
                                               "pubdate", "published", NULL };
  static const char * const expiry_keys[] = { "expirydate", "unpublishdate", NULL };
  Page *p = PAGE (self);
  const char *name = call->name;
  const char *s;

  if (strcmp (name, "Title") == 0 || strcmp (name, "LinkTitle") == 0)
    {
      s = strcmp (name, "LinkTitle") == 0 && param_string (p, "linktitle") != NULL
        ? param_string (p, "linktitle") : param_string (p, "title");
      *result = byline_gotmpl_string (s);
    }
  else if (strcmp (name, "Params") == 0)
    *result = byline_gotmpl_value_copy (&p->params);
  else if (strcmp (name, "Date") == 0)
    *result = date_from (p, date_keys);
  else if (strcmp (name, "PublishDate") == 0)
    *result = date_from (p, publish_keys);
  else if (strcmp (name, "Lastmod") == 0)
    *result = date_from (p, lastmod_keys);
  else if (strcmp (name, "ExpiryDate") == 0)
    *result = date_from (p, expiry_keys);
  else if (strcmp (name, "Description") == 0)
    *result = byline_gotmpl_string (param_string (p, "description"));
  else if (strcmp (name, "Slug") == 0)
    *result = byline_gotmpl_string (param_string (p, "slug"));
  else if (strcmp (name, "Draft") == 0)
    *result = byline_gotmpl_bool (param (p, "draft") != NULL && byline_gotmpl_value_truth (param (p, "draft")));
  else if (strcmp (name, "Weight") == 0)
    {
      const BylineGotmplValue *w = param (p, "weight");

      *result = byline_gotmpl_int (w != NULL && w->kind == BYLINE_GOTMPL_INT ? w->i : 0);
    }
  else if (strcmp (name, "Kind") == 0)
    *result = byline_gotmpl_string (p->kind != NULL ? p->kind : "page");
  else if (strcmp (name, "IsPage") == 0)
    *result = byline_gotmpl_bool (p->kind == NULL || strcmp (p->kind, "page") == 0);
  else if (strcmp (name, "IsHome") == 0)
    *result = byline_gotmpl_bool (g_strcmp0 (p->kind, "home") == 0);
  else if (strcmp (name, "IsSection") == 0)
    *result = byline_gotmpl_bool (g_strcmp0 (p->kind, "section") == 0);
  else if (strcmp (name, "IsNode") == 0)
    *result = byline_gotmpl_bool (p->kind != NULL && strcmp (p->kind, "page") != 0);
  else if (strcmp (name, "Section") == 0 || strcmp (name, "Type") == 0)
    {
      g_autofree char *section = NULL;
      const char *slash = p->content_path != NULL ? strchr (p->content_path, '/') : NULL;

      /* The first folder under content/ ("" for a file at the top). */
      section = slash != NULL ? g_strndup (p->content_path, slash - p->content_path) : g_strdup ("");
      if (strcmp (name, "Type") == 0 && param_string (p, "type") != NULL)
        *result = byline_gotmpl_string (param_string (p, "type"));
      else if (strcmp (name, "Type") == 0 && section[0] == '\0')
        *result = byline_gotmpl_string ("page");
      else
        *result = byline_gotmpl_string (section);
    }
  else if (strcmp (name, "Lang") == 0)
    *result = byline_gotmpl_string (p->lang != NULL ? p->lang : "en");
  else if (strcmp (name, "RelPermalink") == 0)
    *result = byline_gotmpl_string (p->rel_permalink);
  else if (strcmp (name, "Permalink") == 0)
    *result = byline_gotmpl_string (p->permalink);
  else if (strcmp (name, "RawContent") == 0)
    *result = byline_gotmpl_string (raw_content_of (p));
  else if (strcmp (name, "Path") == 0)
    *result = byline_gotmpl_string_own (page_path (p));
  else if (strcmp (name, "String") == 0)
    *result = byline_gotmpl_string_own (page_string (p));
  else if (strcmp (name, "Keywords") == 0 || strcmp (name, "Aliases") == 0)
    {
      const BylineGotmplValue *v = param (p, strcmp (name, "Keywords") == 0 ? "keywords" : "aliases");

      *result = v != NULL ? byline_gotmpl_value_copy (v) : byline_gotmpl_nil ();
    }
  else if (strcmp (name, "Page") == 0)
    *result = byline_gotmpl_value_copy (self);
  else if (strcmp (name, "Site") == 0)
    *result = byline_gotmpl_value_copy (byline_gotmpl_call_get_site (call));
  else if (strcmp (name, "Scratch") == 0 || strcmp (name, "Store") == 0)
    {
      BylineGotmplValue *slot = name[1] == 'c' ? &p->scratch : &p->store;

      if (slot->kind == BYLINE_GOTMPL_NIL)
        *slot = byline_gotmpl_scratch_new ();
      *result = byline_gotmpl_value_copy (slot);
    }
  else
    return byline_gotmpl_call_unsupported (call, name);
  return TRUE;
}

static gboolean
page_param (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  g_autofree char *key = NULL;
  const BylineGotmplValue *v;

  if (!byline_gotmpl_to_string (call, &args[0], &key))
    return FALSE;
  /* The page's parameters, then the site's (resource.Param). */
  v = param (PAGE (self), key);
  if (v == NULL)
    {
      const BylineGotmplValue *site_params =
        byline_gotmpl_site_get_params (byline_gotmpl_call_get_site (call));

      v = site_params != NULL ? byline_gotmpl_params_get (site_params, key) : NULL;
    }
  if (v != NULL)
    *result = byline_gotmpl_value_copy (v);
  return TRUE;
}

static gboolean
page_summary (BylineGotmplCall        *call,
              const BylineGotmplValue *self,
              const BylineGotmplValue *args,
              guint                    n_args,
              BylineGotmplValue       *result)
{
  Page *p = PAGE (self);
  const char *summary = param_string (p, "summary");
  g_autofree char *source = NULL;
  g_autofree char *html = NULL;
  const char *more;

  /* The front matter's summary, the text before <!--more-->, or the first
   * 70 words of the content (Hugo's summaryLength). */
  if (summary != NULL)
    source = g_strdup (summary);
  else if (raw_content_of (p) != NULL && (more = strstr (p->raw_content, "<!--more-->")) != NULL)
    source = g_strndup (p->raw_content, more - p->raw_content);
  if (source != NULL)
    {
      html = byline_gotmpl_call_markdown (call, source, FALSE);
      if (html == NULL)
        return FALSE;
      *result = byline_gotmpl_safe (html, BYLINE_GOTMPL_HTML);
      return TRUE;
    }
  html = p->raw_content != NULL ? byline_gotmpl_call_markdown (call, p->raw_content, FALSE)
                                : g_strdup ("");
  if (html == NULL)
    return FALSE;
  {
    g_autofree char *plain = byline_gotmpl_strip_html (html);
    g_auto(GStrv) words = g_strsplit_set (plain, " \t\n\r", -1);
    GString *out = g_string_new (NULL);
    guint n = 0;

    for (guint i = 0; words[i] != NULL && n < 70; i++)
      if (words[i][0] != '\0')
        {
          if (n++ > 0)
            g_string_append_c (out, ' ');
          g_string_append (out, words[i]);
        }
    *result = byline_gotmpl_safe_take (out, BYLINE_GOTMPL_HTML);
  }
  return TRUE;
}

static gboolean
page_file (BylineGotmplCall        *call,
           const BylineGotmplValue *self,
           const BylineGotmplValue *args,
           guint                    n_args,
           BylineGotmplValue       *result)
{
  Page *p = PAGE (self);
  BylineGotmplMap *f;
  g_autofree char *base = NULL;
  g_autofree char *dir = NULL;
  const char *path = p->content_path != NULL ? p->content_path : "";
  const char *slash = strrchr (path, '/');
  const char *dot;

  if (p->content_path == NULL && p->file == NULL)
    return TRUE;   /* nil, as for a page without a file */
  /* source.File's fields, as map keys the template reads like methods. */
  f = byline_gotmpl_map_new (FALSE);
  byline_gotmpl_map_set (f, "Path", byline_gotmpl_string (path));
  byline_gotmpl_map_set (f, "Filename", byline_gotmpl_string (p->file));
  dir = slash != NULL ? g_strndup (path, slash - path + 1) : g_strdup ("");
  byline_gotmpl_map_set (f, "Dir", byline_gotmpl_string (dir));
  base = g_strdup (slash != NULL ? slash + 1 : path);
  byline_gotmpl_map_set (f, "LogicalName", byline_gotmpl_string (base));
  dot = strrchr (base, '.');
  byline_gotmpl_map_set (f, "Ext", byline_gotmpl_string (dot != NULL ? dot + 1 : ""));
  if (dot != NULL)
    base[dot - base] = '\0';
  byline_gotmpl_map_set (f, "BaseFileName", byline_gotmpl_string (base));
  byline_gotmpl_map_set (f, "TranslationBaseName", byline_gotmpl_string (base));
  /* ContentBaseName: the bundle's folder for index.md and _index.md. */
  if ((strcmp (base, "index") == 0 || strcmp (base, "_index") == 0) && slash != NULL)
    {
      g_autofree char *d = g_strndup (path, slash - path);
      const char *s2 = strrchr (d, '/');

      byline_gotmpl_map_set (f, "ContentBaseName", byline_gotmpl_string (s2 != NULL ? s2 + 1 : d));
    }
  else
    byline_gotmpl_map_set (f, "ContentBaseName", byline_gotmpl_string (base));
  {
    const char *sec_end = strchr (path, '/');
    g_autofree char *section = sec_end != NULL ? g_strndup (path, sec_end - path) : g_strdup ("");

    byline_gotmpl_map_set (f, "Section", byline_gotmpl_string (section));
  }
  byline_gotmpl_map_set (f, "Lang", byline_gotmpl_string (p->lang != NULL ? p->lang : "en"));
  *result = byline_gotmpl_map_value (f);
  return TRUE;
}

static gboolean
page_language (BylineGotmplCall        *call,
               const BylineGotmplValue *self,
               const BylineGotmplValue *args,
               guint                    n_args,
               BylineGotmplValue       *result)
{
  return byline_gotmpl_site_language (call, PAGE (self)->lang, result);
}

static gboolean
page_resources (BylineGotmplCall        *call,
                const BylineGotmplValue *self,
                const BylineGotmplValue *args,
                guint                    n_args,
                BylineGotmplValue       *result)
{
  Page *p = PAGE (self);

  /* Read on first use; the page belongs to one execution. */
  if (p->resources.kind == BYLINE_GOTMPL_NIL)
    {
      g_autoptr(GPtrArray) infos = p->env != NULL && p->file != NULL
        ? byline_gotmpl_env_list_page_resources (p->env, p->file) : NULL;

      p->resources = byline_gotmpl_resources_list (infos);
    }
  *result = byline_gotmpl_value_copy (&p->resources);
  return TRUE;
}

static gboolean
page_render_string (BylineGotmplCall        *call,
                    const BylineGotmplValue *self,
                    const BylineGotmplValue *args,
                    guint                    n_args,
                    BylineGotmplValue       *result)
{
  g_autofree char *markdown = NULL;
  gboolean inline_only = TRUE;
  char *html;

  if (n_args == 2)
    {
      const BylineGotmplValue *display = args[0].kind == BYLINE_GOTMPL_MAP
        ? byline_gotmpl_map_lookup (args[0].m, "display") : NULL;

      if (args[0].kind != BYLINE_GOTMPL_MAP)
        return byline_gotmpl_call_error (call, "first argument must be a map");
      inline_only = display == NULL || display->kind != BYLINE_GOTMPL_STRING ||
                    strcmp (display->s, "block") != 0;
    }
  if (!byline_gotmpl_to_string (call, &args[n_args - 1], &markdown))
    return FALSE;
  html = byline_gotmpl_call_markdown (call, markdown, inline_only);
  if (html == NULL)
    return FALSE;
  *result = byline_gotmpl_safe (html, BYLINE_GOTMPL_HTML);
  g_free (html);
  return TRUE;
}

static gboolean
page_get_page (BylineGotmplCall        *call,
               const BylineGotmplValue *self,
               const BylineGotmplValue *args,
               guint                    n_args,
               BylineGotmplValue       *result)
{
  g_autofree char *path = NULL;
  BylineGotmplEnv *env = byline_gotmpl_call_get_env (call);

  if (!byline_gotmpl_to_string (call, &args[n_args - 1], &path))
    return FALSE;
  if (env != NULL)
    *result = byline_gotmpl_env_get_page (env, path);
  return TRUE;
}

static const BylineGotmplMethod page_methods[] = {
  { "Aliases", page_method, 0, 0 },
  { "Content", byline_gotmpl_page_content, 0, 0 },
  { "Date", page_method, 0, 0 },
  { "Description", page_method, 0, 0 },
  { "Draft", page_method, 0, 0 },
  { "ExpiryDate", page_method, 0, 0 },
  { "File", page_file, 0, 0 },
  { "Fragments", byline_gotmpl_page_fragments, 0, 0 },
  { "FuzzyWordCount", byline_gotmpl_page_content_words, 0, 0 },
  { "GetPage", page_get_page, 1, 2 },
  { "IsHome", page_method, 0, 0 },
  { "IsNode", page_method, 0, 0 },
  { "IsPage", page_method, 0, 0 },
  { "IsSection", page_method, 0, 0 },
  { "Keywords", page_method, 0, 0 },
  { "Kind", page_method, 0, 0 },
  { "Lang", page_method, 0, 0 },
  { "Language", page_language, 0, 0 },
  { "Lastmod", page_method, 0, 0 },
  { "LinkTitle", page_method, 0, 0 },
  { "Page", page_method, 0, 0 },
  { "Pages", page_list, 0, 0 },
  { "Param", page_param, 1, 1 },
  { "Params", page_method, 0, 0 },
  { "Path", page_method, 0, 0 },
  { "Permalink", page_method, 0, 0 },
  { "Plain", byline_gotmpl_page_content_words, 0, 0 },
  { "PlainWords", byline_gotmpl_page_content_words, 0, 0 },
  { "PublishDate", page_method, 0, 0 },
  { "RawContent", page_method, 0, 0 },
  { "ReadingTime", byline_gotmpl_page_content_words, 0, 0 },
  { "RegularPages", page_list, 0, 0 },
  { "RegularPagesRecursive", page_list, 0, 0 },
  { "RelPermalink", page_method, 0, 0 },
  { "RenderShortcodes", byline_gotmpl_page_render_shortcodes, 0, 0 },
  { "RenderString", page_render_string, 1, 2 },
  { "Resources", page_resources, 0, 0 },
  { "Scratch", page_method, 0, 0 },
  { "Section", page_method, 0, 0 },
  { "Sections", page_list, 0, 0 },
  { "Site", page_method, 0, 0 },
  { "Slug", page_method, 0, 0 },
  { "Store", page_method, 0, 0 },
  { "String", page_method, 0, 0 },
  { "Summary", page_summary, 0, 0 },
  { "Title", page_method, 0, 0 },
  { "Type", page_method, 0, 0 },
  { "Weight", page_method, 0, 0 },
  { "WordCount", byline_gotmpl_page_content_words, 0, 0 },
};

const BylineGotmplClass byline_gotmpl_page_class = {
  .type_name = "*hugolib.pageState",
  .methods = page_methods,
  .n_methods = G_N_ELEMENTS (page_methods),
  .finalize = page_finalize,
  .print = page_print,
};

BylineGotmplValue
byline_gotmpl_page_new (BylineGotmplEnv            *env,
                        const BylineGotmplPageInfo *info)
{
  Page *p = byline_gotmpl_object_new (&byline_gotmpl_page_class, sizeof (Page));

  p->env = env != NULL ? g_object_ref (env) : NULL;
  p->file = g_strdup (info->file);
  p->content_path = g_strdup (info->content_path);
  p->kind = g_strdup (info->kind);
  p->lang = g_strdup (info->lang);
  p->rel_permalink = g_strdup (info->rel_permalink);
  p->permalink = g_strdup (info->permalink);
  p->raw_content = g_strdup (info->raw_content);
  p->path = g_strdup (info->path);
  if (info->front_matter != NULL && info->front_matter->kind == BYLINE_GOTMPL_MAP)
    p->params = byline_gotmpl_value_to_params (info->front_matter);
  else
    p->params = byline_gotmpl_map_value (byline_gotmpl_map_new (TRUE));
  return byline_gotmpl_object_value (p);
}

BylineGotmplValue
byline_gotmpl_page_new_for_post (BylineGotmplEnv            *env,
                                 BylinePost                 *post,
                                 const BylineGotmplPageInfo *info)
{
  const BylinePostLayout *layout = byline_post_get_layout (post);
  const char *text = byline_post_get_text (post);
  BylineGotmplPageInfo copy = *info;
  g_auto(BylineGotmplValue) front_matter = BYLINE_GOTMPL_VALUE_INIT;
  g_autofree char *body = NULL;

  /* The YAML block as values; a front matter that does not parse leaves
   * the page without parameters (the linter reports it). */
  if (layout != NULL && byline_post_get_front_matter (post) != NULL &&
      layout->yaml_end > layout->yaml_start)
    byline_gotmpl_parse_yaml (text + layout->yaml_start, layout->yaml_end - layout->yaml_start,
                              TRUE, &front_matter, NULL);
  if (layout != NULL && layout->length >= layout->body_start)
    body = g_strndup (text + layout->body_start, layout->length - layout->body_start);
  copy.front_matter = &front_matter;
  if (copy.raw_content == NULL)
    copy.raw_content = body;
  return byline_gotmpl_page_new (env, &copy);
}
