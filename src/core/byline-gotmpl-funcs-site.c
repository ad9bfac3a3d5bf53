/* byline-gotmpl-funcs-site.c — the site, hugo, partials and i18n
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Site object (resources/page/site.go) and its Language, Hugo's hugo
 * namespace (common/hugo HugoInfo), and the functions that reach into the
 * site: site, page, hugo, partial, partialCached (tpl/partials), T and i18n
 * (tpl/lang with go-i18n's templated messages), resources.Get, images.Config.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-funcs.h"

#include <stdio.h>
#include <string.h>

#include "byline-gotmpl-funcs-private.h"
#include "byline-gotmpl-objects-private.h"

/* The Hugo whose behaviour the engine follows, as hugo.Version says it. */
#define HUGO_VERSION "0.147.0"
/* The Go release Hugo 0.147.0's own builds were made with (its release
 * workflow's Go 1.24); hugo.GoVersion prints it with Go's "go" prefix. */
#define HUGO_GO_VERSION "go1.24.0"

typedef struct
{
  BylineGotmplObject  parent;
  BylineGotmplEnv    *env;
  BylineGotmplValue   config;   /* maps.Params: keys lower-cased */
  GMutex              lock;
  gboolean            data_read;
  BylineGotmplValue   data;
  char               *lang;
  char               *base_url;
  char               *lang_prefix;
} Site;

static void
site_finalize (BylineGotmplObject *object)
{
  Site *s = (Site *) object;

  g_clear_object (&s->env);
  byline_gotmpl_value_clear (&s->config);
  byline_gotmpl_value_clear (&s->data);
  g_mutex_clear (&s->lock);
  g_free (s->lang);
  g_free (s->base_url);
  g_free (s->lang_prefix);
}

static const BylineGotmplValue *
config_get (Site       *s,
            const char *key)
{
  return byline_gotmpl_params_get (&s->config, key);
}

static const char *
config_string (Site       *s,
               const char *key)
{
  const BylineGotmplValue *v = config_get (s, key);

  return v != NULL && v->kind == BYLINE_GOTMPL_STRING ? v->s : NULL;
}

#define SITE(v) ((Site *) (v)->o)

const char *
byline_gotmpl_site_get_string (const BylineGotmplValue *site,
                               const char              *key)
{
  Site *s = byline_gotmpl_value_get_object (site, &byline_gotmpl_site_class);

  if (s == NULL)
    return NULL;
  if (strcmp (key, "baseURL") == 0)
    return s->base_url;
  if (strcmp (key, "languagePrefix") == 0)
    return s->lang_prefix;
  return config_string (s, key);
}

const BylineGotmplValue *
byline_gotmpl_site_get_config (const BylineGotmplValue *site,
                               const char              *key)
{
  Site *s = byline_gotmpl_value_get_object (site, &byline_gotmpl_site_class);

  return s != NULL ? config_get (s, key) : NULL;
}

const char *
byline_gotmpl_site_get_lang (const BylineGotmplValue *site)
{
  Site *s = byline_gotmpl_value_get_object (site, &byline_gotmpl_site_class);

  return s != NULL ? s->lang : "en";
}

const BylineGotmplValue *
byline_gotmpl_site_get_params (const BylineGotmplValue *site)
{
  Site *s = byline_gotmpl_value_get_object (site, &byline_gotmpl_site_class);

  return s != NULL ? config_get (s, "params") : NULL;
}

static const BylineGotmplValue *
site_data (Site *s)
{
  g_mutex_lock (&s->lock);
  if (!s->data_read)
    {
      s->data = s->env != NULL ? byline_gotmpl_env_get_data (s->env) : byline_gotmpl_nil ();
      if (s->data.kind == BYLINE_GOTMPL_NIL)
        s->data = byline_gotmpl_map_value (byline_gotmpl_map_new (FALSE));
      s->data_read = TRUE;
    }
  g_mutex_unlock (&s->lock);
  return &s->data;
}

/* Language */

gboolean
byline_gotmpl_site_language (BylineGotmplCall  *call,
                             const char        *lang,
                             BylineGotmplValue *result)
{
  const BylineGotmplValue *site = byline_gotmpl_call_get_site (call);
  Site *s = byline_gotmpl_value_get_object (site, &byline_gotmpl_site_class);
  BylineGotmplMap *l = byline_gotmpl_map_new (FALSE);
  const BylineGotmplValue *entry = NULL;
  const char *code = lang != NULL ? lang : s != NULL ? s->lang : "en";

  /* langs.Language's fields from languages.<lang> in the configuration. */
  if (s != NULL)
    {
      g_autofree char *key = g_strdup_printf ("languages.%s", code);

      entry = config_get (s, key);
    }
  byline_gotmpl_map_set (l, "Lang", byline_gotmpl_string (code));
  {
    const BylineGotmplValue *name = entry != NULL ? byline_gotmpl_params_get (entry, "languagename") : NULL;
    const BylineGotmplValue *lcode = entry != NULL ? byline_gotmpl_params_get (entry, "languagecode") : NULL;
    const BylineGotmplValue *weight = entry != NULL ? byline_gotmpl_params_get (entry, "weight") : NULL;
    const BylineGotmplValue *dir = entry != NULL ? byline_gotmpl_params_get (entry, "languagedirection") : NULL;
    const char *site_code = s != NULL ? config_string (s, "languagecode") : NULL;

    byline_gotmpl_map_set (l, "LanguageName", name != NULL ? byline_gotmpl_value_copy (name)
                                                           : byline_gotmpl_string (""));
    byline_gotmpl_map_set (l, "LanguageCode",
                           lcode != NULL ? byline_gotmpl_value_copy (lcode)
                           : byline_gotmpl_string (site_code != NULL ? site_code : code));
    byline_gotmpl_map_set (l, "Weight", weight != NULL ? byline_gotmpl_value_copy (weight)
                                                       : byline_gotmpl_int (0));
    byline_gotmpl_map_set (l, "LanguageDirection", dir != NULL ? byline_gotmpl_value_copy (dir)
                                                               : byline_gotmpl_string (""));
  }
  *result = byline_gotmpl_map_value (l);
  return TRUE;
}

/* Site methods */

static gboolean
site_method (BylineGotmplCall        *call,
             const BylineGotmplValue *self,
             const BylineGotmplValue *args,
             guint                    n_args,
             BylineGotmplValue       *result)
{
  Site *s = SITE (self);
  const char *name = call->name;

  if (strcmp (name, "Title") == 0)
    *result = byline_gotmpl_string (config_string (s, "title"));
  else if (strcmp (name, "BaseURL") == 0)
    *result = byline_gotmpl_string (s->base_url);
  else if (strcmp (name, "Copyright") == 0)
    *result = byline_gotmpl_string (config_string (s, "copyright"));
  else if (strcmp (name, "LanguageCode") == 0)
    {
      const char *code = config_string (s, "languagecode");

      *result = byline_gotmpl_string (code != NULL ? code : s->lang);
    }
  else if (strcmp (name, "LanguagePrefix") == 0)
    *result = byline_gotmpl_string_own (s->lang_prefix[0] != '\0'
                                        ? g_strconcat ("/", s->lang_prefix, NULL) : g_strdup (""));
  else if (strcmp (name, "Params") == 0)
    {
      const BylineGotmplValue *params = config_get (s, "params");

      *result = params != NULL ? byline_gotmpl_value_copy (params)
                               : byline_gotmpl_map_value (byline_gotmpl_map_new (TRUE));
    }
  else if (strcmp (name, "Data") == 0)
    *result = byline_gotmpl_value_copy (site_data (s));
  else if (strcmp (name, "Language") == 0)
    return byline_gotmpl_site_language (call, s->lang, result);
  else if (strcmp (name, "BuildDrafts") == 0)
    *result = byline_gotmpl_bool (config_get (s, "builddrafts") != NULL &&
                                  byline_gotmpl_value_truth (config_get (s, "builddrafts")));
  else if (strcmp (name, "IsMultiLingual") == 0)
    {
      const BylineGotmplValue *langs = config_get (s, "languages");

      *result = byline_gotmpl_bool (langs != NULL && byline_gotmpl_value_length (langs) > 1);
    }
  else if (strcmp (name, "Home") == 0)
    {
      g_autofree char *rel = byline_gotmpl_rel_url (s->base_url, "", NULL);
      g_autofree char *permalink = byline_gotmpl_abs_url (s->base_url, "", NULL);
      BylineGotmplPageInfo info = { .kind = "home", .lang = s->lang, .rel_permalink = rel,
                                    .permalink = permalink };
      g_auto(BylineGotmplValue) fm = byline_gotmpl_map_value (byline_gotmpl_map_new (TRUE));

      byline_gotmpl_map_set (fm.m, "title", byline_gotmpl_string (config_string (s, "title")));
      info.front_matter = &fm;
      *result = byline_gotmpl_page_new (s->env, &info);
    }
  else if (strcmp (name, "GetPage") == 0)
    {
      g_autofree char *path = NULL;

      if (!byline_gotmpl_to_string (call, &args[n_args - 1], &path))
        return FALSE;
      if (s->env != NULL)
        *result = byline_gotmpl_env_get_page (s->env, path);
    }
  else if (strcmp (name, "Taxonomies") == 0)
    {
      /* The configured taxonomies, without their terms: those need every
       * page of the site. */
      const BylineGotmplValue *taxonomies = config_get (s, "taxonomies");
      BylineGotmplMap *m = byline_gotmpl_map_new (FALSE);

      if (taxonomies != NULL && taxonomies->kind == BYLINE_GOTMPL_MAP)
        for (guint i = 0; i < byline_gotmpl_map_length (taxonomies->m); i++)
          {
            const BylineGotmplValue *plural = byline_gotmpl_map_value_at (taxonomies->m, i);

            if (plural->kind == BYLINE_GOTMPL_STRING)
              byline_gotmpl_map_set (m, plural->s, byline_gotmpl_map_value (byline_gotmpl_map_new (FALSE)));
          }
      else
        {
          byline_gotmpl_map_set (m, "categories", byline_gotmpl_map_value (byline_gotmpl_map_new (FALSE)));
          byline_gotmpl_map_set (m, "tags", byline_gotmpl_map_value (byline_gotmpl_map_new (FALSE)));
        }
      *result = byline_gotmpl_map_value (m);
    }
  else if (strcmp (name, "Config") == 0)
    {
      /* SiteConfig: Services and Privacy from the configuration. */
      BylineGotmplMap *m = byline_gotmpl_map_new (FALSE);
      const BylineGotmplValue *services = config_get (s, "services");
      const BylineGotmplValue *privacy = config_get (s, "privacy");

      byline_gotmpl_map_set (m, "Services", services != NULL ? byline_gotmpl_value_copy (services)
                                            : byline_gotmpl_map_value (byline_gotmpl_map_new (TRUE)));
      byline_gotmpl_map_set (m, "Privacy", privacy != NULL ? byline_gotmpl_value_copy (privacy)
                                           : byline_gotmpl_map_value (byline_gotmpl_map_new (TRUE)));
      *result = byline_gotmpl_map_value (m);
    }
  else if (strcmp (name, "RegularPages") == 0)
    return byline_gotmpl_pages_list (call, s->env, NULL, s->lang, BYLINE_GOTMPL_PAGES_REGULAR,
                                     result);
  else if (strcmp (name, "Pages") == 0)
    return byline_gotmpl_pages_list (call, s->env, NULL, s->lang, BYLINE_GOTMPL_PAGES_ALL, result);
  else if (strcmp (name, "Sections") == 0)
    return byline_gotmpl_pages_list (call, s->env, "/", s->lang, BYLINE_GOTMPL_PAGES_SECTIONS,
                                     result);
  else if (strcmp (name, "MainSections") == 0)
    {
      const BylineGotmplValue *v = config_get (s, "params.mainsections");

      *result = v != NULL ? byline_gotmpl_value_copy (v) : byline_gotmpl_nil ();
    }
  else
    return byline_gotmpl_call_unsupported (call, name);
  return TRUE;
}

static gboolean
site_hugo (BylineGotmplCall        *call,
           const BylineGotmplValue *self,
           const BylineGotmplValue *args,
           guint                    n_args,
           BylineGotmplValue       *result)
{
  const BylineGotmplMethod *fn = byline_gotmpl_funcs_lookup ("hugo");

  return fn->func (call, NULL, NULL, 0, result);
}

static const BylineGotmplMethod site_methods[] = {
  { "BaseURL", site_method, 0, 0 },
  { "BuildDrafts", site_method, 0, 0 },
  { "Config", site_method, 0, 0 },
  { "Copyright", site_method, 0, 0 },
  { "Data", site_method, 0, 0 },
  { "GetPage", site_method, 1, 2 },
  { "Home", site_method, 0, 0 },
  { "Hugo", site_hugo, 0, 0 },
  { "IsMultiLingual", site_method, 0, 0 },
  { "Language", site_method, 0, 0 },
  { "LanguageCode", site_method, 0, 0 },
  { "LanguagePrefix", site_method, 0, 0 },
  { "MainSections", site_method, 0, 0 },
  { "Pages", site_method, 0, 0 },
  { "Params", site_method, 0, 0 },
  { "RegularPages", site_method, 0, 0 },
  { "Sections", site_method, 0, 0 },
  { "Taxonomies", site_method, 0, 0 },
  { "Title", site_method, 0, 0 },
};

static void
site_print (BylineGotmplObject *object,
            GString            *out)
{
  g_string_append_printf (out, "Site(%s)", ((Site *) object)->base_url);
}

const BylineGotmplClass byline_gotmpl_site_class = {
  .type_name = "*hugolib.Site",
  .methods = site_methods,
  .n_methods = G_N_ELEMENTS (site_methods),
  .finalize = site_finalize,
  .print = site_print,
};

BylineGotmplValue
byline_gotmpl_site_new (BylineGotmplEnv *env)
{
  Site *s = byline_gotmpl_object_new (&byline_gotmpl_site_class, sizeof (Site));
  g_auto(BylineGotmplValue) config = env != NULL ? byline_gotmpl_env_get_config (env)
                                                 : byline_gotmpl_nil ();
  const char *base, *lang;
  const BylineGotmplValue *default_in_subdir;

  g_mutex_init (&s->lock);
  s->env = env != NULL ? g_object_ref (env) : NULL;
  s->config = config.kind == BYLINE_GOTMPL_MAP ? byline_gotmpl_value_to_params (&config)
                                               : byline_gotmpl_map_value (byline_gotmpl_map_new (TRUE));
  base = config_string (s, "baseurl");
  /* Hugo ensures the base URL ends in a slash. */
  s->base_url = base != NULL && base[0] != '\0'
    ? (g_str_has_suffix (base, "/") ? g_strdup (base) : g_strconcat (base, "/", NULL))
    : g_strdup ("/");
  lang = config_string (s, "defaultcontentlanguage");
  s->lang = g_strdup (lang != NULL ? lang : "en");
  default_in_subdir = config_get (s, "defaultcontentlanguageinsubdir");
  s->lang_prefix = g_strdup (default_in_subdir != NULL && byline_gotmpl_value_truth (default_in_subdir)
                             ? s->lang : "");
  return byline_gotmpl_object_value (s);
}

/* hugo */

/* hugo.VersionString: a string that compares as a version. */
static void
parse_version (const char *s,
               int         v[3])
{
  v[0] = v[1] = v[2] = 0;
  if (s[0] == 'v')
    s++;
  sscanf (s, "%d.%d.%d", &v[0], &v[1], &v[2]);
}

static int
version_compare (BylineGotmplObject      *self,
                 const BylineGotmplValue *other)
{
  g_autofree char *s = byline_gotmpl_value_to_string (other);
  int a[3], b[3];

  parse_version (HUGO_VERSION, a);
  parse_version (s != NULL ? s : "", b);
  for (int i = 0; i < 3; i++)
    if (a[i] != b[i])
      return a[i] < b[i] ? -1 : 1;
  return 0;
}

static void
version_print (BylineGotmplObject *object,
               GString            *out)
{
  g_string_append (out, HUGO_VERSION);
}

static gboolean
version_equal (BylineGotmplObject *a,
               BylineGotmplObject *b)
{
  return TRUE;
}

static const BylineGotmplClass version_class = {
  .type_name = "hugo.VersionString",
  .print = version_print,
  .equal = version_equal,
  .compare = version_compare,
  .complete = TRUE,
};

typedef struct
{
  BylineGotmplObject  parent;
} HugoInfo;

static gboolean
hugo_method (BylineGotmplCall        *call,
             const BylineGotmplValue *self,
             const BylineGotmplValue *args,
             guint                    n_args,
             BylineGotmplValue       *result)
{
  const char *name = call->name;

  /* The preview is like hugo server: the development environment. */
  if (strcmp (name, "Version") == 0)
    *result = byline_gotmpl_namespace_value (&version_class);
  else if (strcmp (name, "Environment") == 0)
    *result = byline_gotmpl_string ("development");
  else if (strcmp (name, "GoVersion") == 0)
    *result = byline_gotmpl_string (HUGO_GO_VERSION);
  else if (strcmp (name, "IsProduction") == 0)
    *result = byline_gotmpl_bool (FALSE);
  else if (strcmp (name, "IsDevelopment") == 0 || strcmp (name, "IsServer") == 0 ||
           strcmp (name, "IsExtended") == 0)
    *result = byline_gotmpl_bool (TRUE);
  else if (strcmp (name, "Generator") == 0)
    *result = byline_gotmpl_safe ("<meta name=\"generator\" content=\"Hugo " HUGO_VERSION "\">",
                                  BYLINE_GOTMPL_HTML);
  else if (strcmp (name, "IsMultilingual") == 0)
    {
      const BylineGotmplValue *site = byline_gotmpl_call_get_site (call);
      Site *s = byline_gotmpl_value_get_object (site, &byline_gotmpl_site_class);
      const BylineGotmplValue *langs = s != NULL ? config_get (s, "languages") : NULL;

      *result = byline_gotmpl_bool (langs != NULL && byline_gotmpl_value_length (langs) > 1);
    }
  else if (strcmp (name, "Data") == 0)
    {
      const BylineGotmplValue *site = byline_gotmpl_call_get_site (call);
      Site *s = byline_gotmpl_value_get_object (site, &byline_gotmpl_site_class);

      *result = s != NULL ? byline_gotmpl_value_copy (site_data (s))
                          : byline_gotmpl_map_value (byline_gotmpl_map_new (FALSE));
    }
  else
    return byline_gotmpl_call_unsupported (call, name);
  return TRUE;
}

static const BylineGotmplMethod hugo_methods[] = {
  { "Data", hugo_method, 0, 0 },
  { "Environment", hugo_method, 0, 0 },
  { "Generator", hugo_method, 0, 0 },
  { "GoVersion", hugo_method, 0, 0 },
  { "IsDevelopment", hugo_method, 0, 0 },
  { "IsExtended", hugo_method, 0, 0 },
  { "IsMultilingual", hugo_method, 0, 0 },
  { "IsProduction", hugo_method, 0, 0 },
  { "IsServer", hugo_method, 0, 0 },
  { "Version", hugo_method, 0, 0 },
};

static void
hugo_print (BylineGotmplObject *object,
            GString            *out)
{
  g_string_append (out, HUGO_VERSION);
}

static const BylineGotmplClass hugo_class = {
  .type_name = "hugo.HugoInfo",
  .methods = hugo_methods,
  .n_methods = G_N_ELEMENTS (hugo_methods),
  .print = hugo_print,
};

static gboolean
fn_hugo (BylineGotmplCall        *call,
         const BylineGotmplValue *self,
         const BylineGotmplValue *args,
         guint                    n_args,
         BylineGotmplValue       *result)
{
  *result = byline_gotmpl_namespace_value (&hugo_class);
  return TRUE;
}

static gboolean
fn_site (BylineGotmplCall        *call,
         const BylineGotmplValue *self,
         const BylineGotmplValue *args,
         guint                    n_args,
         BylineGotmplValue       *result)
{
  *result = byline_gotmpl_value_copy (byline_gotmpl_call_get_site (call));
  return TRUE;
}

static gboolean
fn_page (BylineGotmplCall        *call,
         const BylineGotmplValue *self,
         const BylineGotmplValue *args,
         guint                    n_args,
         BylineGotmplValue       *result)
{
  *result = byline_gotmpl_value_copy (byline_gotmpl_call_get_page (call));
  return TRUE;
}

/* partials */

static gboolean
fn_partial (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  static const BylineGotmplValue nil = BYLINE_GOTMPL_VALUE_INIT;
  g_autofree char *name = NULL;

  if (!byline_gotmpl_to_string (call, &args[0], &name))
    return FALSE;
  /* partialCached's variant arguments only name the cache entry. */
  return byline_gotmpl_call_partial (call, name, n_args > 1 ? &args[1] : &nil, result);
}

/* T and i18n: the message for the language, run as a template with the
 * argument as its data (go-i18n), "" when there is none. */
static gboolean
fn_translate (BylineGotmplCall        *call,
              const BylineGotmplValue *self,
              const BylineGotmplValue *args,
              guint                    n_args,
              BylineGotmplValue       *result)
{
  static const BylineGotmplValue nil = BYLINE_GOTMPL_VALUE_INIT;
  g_autofree char *id = NULL;
  g_autofree char *message = NULL;
  const BylineGotmplValue *data = n_args > 1 ? &args[1] : &nil;
  const BylineGotmplValue *count = data;
  BylineGotmplEnv *env = byline_gotmpl_call_get_env (call);
  const char *lang = byline_gotmpl_site_get_lang (byline_gotmpl_call_get_site (call));

  if (!byline_gotmpl_to_string (call, &args[0], &id))
    return FALSE;
  if (data->kind == BYLINE_GOTMPL_MAP)
    {
      const BylineGotmplValue *c = byline_gotmpl_map_lookup (data->m, "Count");

      count = c != NULL ? c : &nil;
    }
  if (env != NULL)
    message = byline_gotmpl_env_translate (env, lang, id, count);
  if (message == NULL)
    {
      *result = byline_gotmpl_string ("");
      return TRUE;
    }
  if (strstr (message, "{{") != NULL)
    {
      /* go-i18n's data: a number becomes .Count, anything else is dot. */
      g_auto(BylineGotmplValue) dot = BYLINE_GOTMPL_VALUE_INIT;

      if (data->kind == BYLINE_GOTMPL_INT || data->kind == BYLINE_GOTMPL_FLOAT)
        {
          BylineGotmplMap *m = byline_gotmpl_map_new (FALSE);

          byline_gotmpl_map_set (m, "Count", byline_gotmpl_value_copy (data));
          dot = byline_gotmpl_map_value (m);
        }
      else
        dot = byline_gotmpl_value_copy (data);
      return byline_gotmpl_call_execute_string (call, id, message, &dot, result);
    }
  *result = byline_gotmpl_string (message);
  return TRUE;
}

static const BylineGotmplMethod lang_methods[] = {
  { "Translate", fn_translate, 1, 2 },
};

static const BylineGotmplClass lang_class = {
  .type_name = "*lang.Namespace",
  .methods = lang_methods,
  .n_methods = G_N_ELEMENTS (lang_methods),
};

static gboolean
fn_lang (BylineGotmplCall        *call,
         const BylineGotmplValue *self,
         const BylineGotmplValue *args,
         guint                    n_args,
         BylineGotmplValue       *result)
{
  *result = byline_gotmpl_namespace_value (&lang_class);
  return TRUE;
}

static const BylineGotmplMethod partials_methods[] = {
  { "Include", fn_partial, 1, 2 },
  { "IncludeCached", fn_partial, 2, -1 },
};

static const BylineGotmplClass partials_class = {
  .type_name = "*partials.Namespace",
  .methods = partials_methods,
  .n_methods = G_N_ELEMENTS (partials_methods),
};

static gboolean
fn_partials (BylineGotmplCall        *call,
             const BylineGotmplValue *self,
             const BylineGotmplValue *args,
             guint                    n_args,
             BylineGotmplValue       *result)
{
  *result = byline_gotmpl_namespace_value (&partials_class);
  return TRUE;
}

/* reflect and templates */

static gboolean
fn_is_map (BylineGotmplCall        *call,
           const BylineGotmplValue *self,
           const BylineGotmplValue *args,
           guint                    n_args,
           BylineGotmplValue       *result)
{
  *result = byline_gotmpl_bool (args[0].kind == BYLINE_GOTMPL_MAP);
  return TRUE;
}

static gboolean
fn_is_slice (BylineGotmplCall        *call,
             const BylineGotmplValue *self,
             const BylineGotmplValue *args,
             guint                    n_args,
             BylineGotmplValue       *result)
{
  *result = byline_gotmpl_bool (args[0].kind == BYLINE_GOTMPL_LIST);
  return TRUE;
}

static const BylineGotmplMethod reflect_methods[] = {
  { "IsMap", fn_is_map, 1, 1 },
  { "IsSlice", fn_is_slice, 1, 1 },
};

static const BylineGotmplClass reflect_class = {
  .type_name = "*reflect.Namespace",
  .methods = reflect_methods,
  .n_methods = G_N_ELEMENTS (reflect_methods),
};

static gboolean
fn_reflect (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  *result = byline_gotmpl_namespace_value (&reflect_class);
  return TRUE;
}

/* templates.Exists "_partials/x.html" (or "partials/…", "_shortcodes/…"). */
static gboolean
fn_templates_exists (BylineGotmplCall        *call,
                     const BylineGotmplValue *self,
                     const BylineGotmplValue *args,
                     guint                    n_args,
                     BylineGotmplValue       *result)
{
  static const struct { const char *prefix; BylineGotmplTemplateKind kind; } dirs[] = {
    { "_partials/", BYLINE_GOTMPL_PARTIAL_TEMPLATE },
    { "partials/", BYLINE_GOTMPL_PARTIAL_TEMPLATE },
    { "_shortcodes/", BYLINE_GOTMPL_SHORTCODE_TEMPLATE },
    { "shortcodes/", BYLINE_GOTMPL_SHORTCODE_TEMPLATE },
  };
  g_autofree char *name = NULL;
  BylineGotmplEnv *env = byline_gotmpl_call_get_env (call);

  if (!byline_gotmpl_to_string (call, &args[0], &name))
    return FALSE;
  *result = byline_gotmpl_bool (FALSE);
  for (guint i = 0; env != NULL && i < G_N_ELEMENTS (dirs); i++)
    if (g_str_has_prefix (name, dirs[i].prefix))
      {
        g_autofree char *rest = g_strdup (name + strlen (dirs[i].prefix));
        g_autofree char *path = NULL;

        if (dirs[i].kind == BYLINE_GOTMPL_SHORTCODE_TEMPLATE && g_str_has_suffix (rest, ".html"))
          rest[strlen (rest) - 5] = '\0';
        path = byline_gotmpl_env_find_template (env, dirs[i].kind, rest);
        *result = byline_gotmpl_bool (path != NULL);
        return TRUE;
      }
  return byline_gotmpl_call_unsupported (call, "templates.Exists outside partials and shortcodes");
}

static const BylineGotmplMethod templates_methods[] = {
  { "Exists", fn_templates_exists, 1, 1 },
};

static const BylineGotmplClass templates_class = {
  .type_name = "*templates.Namespace",
  .methods = templates_methods,
  .n_methods = G_N_ELEMENTS (templates_methods),
};

static gboolean
fn_templates (BylineGotmplCall        *call,
              const BylineGotmplValue *self,
              const BylineGotmplValue *args,
              guint                    n_args,
              BylineGotmplValue       *result)
{
  *result = byline_gotmpl_namespace_value (&templates_class);
  return TRUE;
}

static const BylineGotmplMethod methods[] = {
  { "T", fn_translate, 1, 2 },
  { "hugo", fn_hugo, 0, -1 },
  { "i18n", fn_translate, 1, 2 },
  { "imageConfig", byline_gotmpl_fn_image_config, 1, 1 },
  { "images", byline_gotmpl_fn_images, 0, -1 },
  { "lang", fn_lang, 0, -1 },
  { "page", fn_page, 0, -1 },
  { "partial", fn_partial, 1, 2 },
  { "partialCached", fn_partial, 2, -1 },
  { "partials", fn_partials, 0, -1 },
  { "reflect", fn_reflect, 0, -1 },
  { "resources", byline_gotmpl_fn_resources, 0, -1 },
  { "site", fn_site, 0, -1 },
  { "templates", fn_templates, 0, -1 },
};

const BylineGotmplFuncTable byline_gotmpl_funcs_site = { methods, G_N_ELEMENTS (methods) };
