/* byline-site-decode.c — the keys of a site's configuration Byline uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From the merged configuration, as Hugo's config/allconfig decodes it:
 * baseURL and its path, title, the languages (langs/config.go: label and
 * the older languageName, locale and languageCode, weight, disabled) and
 * their URL prefixes, taxonomies (Hugo's default when unset), permalinks
 * in the map forms and the list form (resources/page/permalinks.go),
 * [frontmatter] dates, uglyURLs, disablePathToLower, removePathAccents,
 * the list titles' settings, disableKinds, buildDrafts and timeZone.
 * Keys compare case-insensitively, as Hugo's do.
 */

#define G_LOG_DOMAIN "byline-site"

#include "config.h"

#include "byline-site.h"
#include "byline-site-private.h"

#include <string.h>

static char *
config_string (BylineSiteModel *self,
               const char      *path,
               const char      *fallback)
{
  char *value = byline_data_lookup_string (self->config, path);

  return value != NULL ? value : g_strdup (fallback);
}

static gint64
config_int (BylineData *map,
            const char *key,
            gint64      fallback)
{
  BylineData *node = byline_data_lookup_path (map, key);
  gint64 value;
  double f;

  if (node == NULL)
    return fallback;
  if (byline_data_get_int (node, &value))
    return value;
  if (byline_data_get_float (node, &f))
    return (gint64) f;
  if (byline_data_get_string (node) != NULL)
    return g_ascii_strtoll (byline_data_get_string (node), NULL, 10);
  return fallback;
}

static void
decode_base_url (BylineSiteModel *self)
{
  g_autoptr(GUri) uri = NULL;

  self->base_url = config_string (self, "baseURL", "");
  self->base_path = g_strdup ("");
  if (self->base_url[0] == '\0')
    return;

  uri = g_uri_parse (self->base_url, G_URI_FLAGS_ENCODED_PATH, NULL);
  if (uri != NULL)
    {
      const char *path = g_uri_get_path (uri);
      gsize length = strlen (path);

      if (g_uri_get_host (uri) != NULL)
        self->base_host = g_ascii_strdown (g_uri_get_host (uri), -1);
      while (length > 0 && path[length - 1] == '/')
        length--;
      {
        g_autofree char *trimmed = g_strndup (path, length);
        char *decoded = byline_site_unescape_path (trimmed);

        if (decoded != NULL)
          {
            g_free (self->base_path);
            self->base_path = decoded;
          }
      }
    }
}

static int
compare_languages (gconstpointer a,
                   gconstpointer b)
{
  const BylineSiteLanguage *la = *(const BylineSiteLanguage * const *) a;
  const BylineSiteLanguage *lb = *(const BylineSiteLanguage * const *) b;

  /* langs: a non-zero weight sorts first, then the code. */
  if (la->weight != lb->weight)
    {
      if (la->weight == 0)
        return 1;
      if (lb->weight == 0)
        return -1;
      return la->weight < lb->weight ? -1 : 1;
    }
  return strcmp (la->code, lb->code);
}

static char *
first_string (BylineData *map,
              const char *key,
              const char *legacy)
{
  char *value = byline_data_lookup_string (map, key);

  if (value == NULL || value[0] == '\0')
    {
      g_free (value);
      value = byline_data_lookup_string (map, legacy);
    }
  return value;
}

static void
decode_languages (BylineSiteModel *self)
{
  BylineData *languages = byline_data_lookup_path (self->config, "languages");
  g_auto(GStrv) disabled = byline_data_lookup_strv (self->config, "disableLanguages");
  gboolean multilingual;

  {
    g_autofree char *code = config_string (self, "defaultContentLanguage", "en");

    self->default_language = g_ascii_strdown (code[0] != '\0' ? code : "en", -1);
  }
  self->default_language_in_subdir =
    byline_data_lookup_bool (self->config, "defaultContentLanguageInSubdir", FALSE);

  if (languages != NULL && byline_data_get_kind (languages) == BYLINE_DATA_MAP)
    {
      for (guint i = 0; i < byline_data_get_length (languages); i++)
        {
          BylineData *entry = byline_data_map_get_value (languages, i);
          g_autofree char *code = g_ascii_strdown (byline_data_map_get_key (languages, i), -1);
          BylineSiteLanguage *language;

          if (byline_data_get_kind (entry) != BYLINE_DATA_MAP ||
              byline_data_lookup_bool (entry, "disabled", FALSE) ||
              (disabled != NULL && g_strv_contains ((const char * const *) disabled, code)))
            continue;
          if (byline_site_model_lookup_language (self, code) != NULL)
            continue;

          language = g_new0 (BylineSiteLanguage, 1);
          language->code = g_steal_pointer (&code);
          language->label = first_string (entry, "label", "languageName");
          language->locale = first_string (entry, "locale", "languageCode");
          language->direction = first_string (entry, "direction", "languageDirection");
          language->title = byline_data_lookup_string (entry, "title");
          language->weight = (int) config_int (entry, "weight", 0);
          g_ptr_array_add (self->languages, language);
        }
    }

  if (byline_site_model_lookup_language (self, self->default_language) == NULL)
    {
      BylineSiteLanguage *language = g_new0 (BylineSiteLanguage, 1);

      language->code = g_strdup (self->default_language);
      language->locale = first_string (self->config, "locale", "languageCode");
      g_ptr_array_add (self->languages, language);
    }
  g_ptr_array_sort (self->languages, compare_languages);

  /* ConfigLanguage.LanguagePrefix */
  multilingual = self->languages->len > 1;
  for (guint i = 0; i < self->languages->len; i++)
    {
      BylineSiteLanguage *language = g_ptr_array_index (self->languages, i);
      gboolean is_default = strcmp (language->code, self->default_language) == 0;

      if (is_default && self->default_language_in_subdir)
        language->prefix = g_strdup (language->code);
      else if (!multilingual || is_default)
        language->prefix = g_strdup ("");
      else
        language->prefix = g_strdup (language->code);
    }
}

static void
decode_taxonomies (BylineSiteModel *self)
{
  BylineData *taxonomies = byline_data_lookup_path (self->config, "taxonomies");

  if (taxonomies == NULL)
    {
      /* Hugo's default. */
      const char *defaults[][2] = { { "category", "categories" }, { "tag", "tags" } };

      for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
        {
          BylineSiteTaxonomy *taxonomy = g_new0 (BylineSiteTaxonomy, 1);

          taxonomy->singular = g_strdup (defaults[i][0]);
          taxonomy->plural = g_strdup (defaults[i][1]);
          g_ptr_array_add (self->taxonomies, taxonomy);
        }
      return;
    }

  for (guint i = 0; i < byline_data_get_length (taxonomies); i++)
    {
      g_autofree char *plural = NULL;
      BylineSiteTaxonomy *taxonomy;

      if (byline_data_get_kind (taxonomies) != BYLINE_DATA_MAP)
        break;
      plural = byline_data_to_string (byline_data_map_get_value (taxonomies, i));
      if (plural == NULL || plural[0] == '\0')
        continue;
      taxonomy = g_new0 (BylineSiteTaxonomy, 1);
      taxonomy->singular = g_ascii_strdown (byline_data_map_get_key (taxonomies, i), -1);
      taxonomy->plural = g_ascii_strdown (plural, -1);
      g_ptr_array_add (self->taxonomies, taxonomy);
    }
}

/* page.sectionToPathGlob */
static char *
section_path_glob (const char *section)
{
  g_autofree char *trimmed = g_strdup (section);
  char *start = trimmed;
  gsize length;

  while (*start == ' ' || *start == '/')
    start++;
  length = strlen (start);
  while (length > 0 && (start[length - 1] == ' ' || start[length - 1] == '/'))
    start[--length] = '\0';
  if (length == 0)
    return g_strdup ("/*");
  {
    g_autofree char *lower = g_utf8_strdown (start, -1);

    return g_strdup_printf ("/{%s,%s/**}", lower, lower);
  }
}

static BylinePermalinkRule *
add_permalink_rule (BylineSiteModel *self,
                    const char      *kind,
                    char            *path,
                    const char      *pattern)
{
  BylinePermalinkRule *rule = g_new0 (BylinePermalinkRule, 1);

  rule->kind = kind != NULL && kind[0] != '\0' ? g_ascii_strdown (kind, -1) : NULL;
  rule->path = path;
  rule->pattern = g_strdup (pattern);
  g_ptr_array_add (self->permalinks, rule);
  return rule;
}

/* page.DecodePermalinksConfig: the map forms and the list form. */
static void
decode_permalinks (BylineSiteModel *self)
{
  BylineData *permalinks = byline_data_lookup_path (self->config, "permalinks");
  static const char * const kinds[] = { "page", "home", "section", "taxonomy", "term", NULL };

  if (permalinks == NULL)
    return;

  if (byline_data_get_kind (permalinks) == BYLINE_DATA_MAP)
    {
      for (guint i = 0; i < byline_data_get_length (permalinks); i++)
        {
          const char *key = byline_data_map_get_key (permalinks, i);
          BylineData *value = byline_data_map_get_value (permalinks, i);
          g_autofree char *folded = byline_data_fold_key (key);

          if (strcmp (key, "_merge") == 0)
            continue;
          if (byline_data_get_kind (value) == BYLINE_DATA_STRING)
            {
              /* [permalinks] section = '…': pages and terms. */
              add_permalink_rule (self, "page", section_path_glob (key),
                                  byline_data_get_string (value));
              add_permalink_rule (self, "term", section_path_glob (key),
                                  byline_data_get_string (value));
            }
          else if (byline_data_get_kind (value) == BYLINE_DATA_MAP &&
                   g_strv_contains (kinds, folded))
            {
              for (guint j = 0; j < byline_data_get_length (value); j++)
                {
                  BylineData *pattern = byline_data_map_get_value (value, j);

                  if (byline_data_get_kind (pattern) == BYLINE_DATA_STRING)
                    add_permalink_rule (self, folded,
                                        section_path_glob (byline_data_map_get_key (value, j)),
                                        byline_data_get_string (pattern));
                }
            }
        }
    }
  else if (byline_data_get_kind (permalinks) == BYLINE_DATA_LIST)
    {
      for (guint i = 0; i < byline_data_get_length (permalinks); i++)
        {
          BylineData *item = byline_data_list_get (permalinks, i);
          g_autofree char *pattern = byline_data_lookup_string (item, "pattern");
          g_autofree char *kind = byline_data_lookup_string (item, "target.kind");
          g_autofree char *path = byline_data_lookup_string (item, "target.path");
          g_autofree char *environment = byline_data_lookup_string (item, "target.environment");
          g_autofree char *lang = byline_data_lookup_string (item, "target.lang");
          BylinePermalinkRule *rule;

          if (pattern == NULL)
            continue;
          rule = add_permalink_rule (
            self, kind, path != NULL && path[0] != '\0' ? g_utf8_strdown (path, -1) : NULL,
            pattern);
          if (environment != NULL && environment[0] != '\0')
            rule->environment = g_steal_pointer (&environment);
          rule->languages = byline_data_lookup_strv (item, "target.sites.matrix.languages");
          if (rule->languages == NULL && lang != NULL && lang[0] != '\0')
            rule->languages = g_strdupv ((char *[]) { lang, NULL });
        }
    }
}

/* pagemeta: the front-matter keys a page's date comes from. */
static void
decode_front_matter_dates (BylineSiteModel *self)
{
  g_auto(GStrv) configured = byline_data_lookup_strv (self->config, "frontmatter.date");
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  static const char * const defaults[] = { "date", "publishdate", "lastmod", NULL };

  if (configured == NULL || configured[0] == NULL)
    {
      g_strfreev (configured);
      configured = g_strdupv ((char **) defaults);
    }

  for (guint i = 0; configured[i] != NULL; i++)
    {
      g_autofree char *key = g_ascii_strdown (configured[i], -1);

      if (strcmp (key, ":default") == 0)
        {
          for (guint j = 0; defaults[j] != NULL; j++)
            g_ptr_array_add (keys, g_strdup (defaults[j]));
          continue;
        }
      g_ptr_array_add (keys, g_strdup (key));
    }

  /* Each key with its aliases (page_frontmatter.go). */
  {
    g_autoptr(GPtrArray) expanded = g_ptr_array_new ();

    for (guint i = 0; i < keys->len; i++)
      {
        char *key = g_ptr_array_index (keys, i);

        g_ptr_array_add (expanded, key);
        if (strcmp (key, "publishdate") == 0)
          {
            g_ptr_array_add (expanded, g_strdup ("pubdate"));
            g_ptr_array_add (expanded, g_strdup ("published"));
          }
        else if (strcmp (key, "lastmod") == 0)
          g_ptr_array_add (expanded, g_strdup ("modified"));
        else if (strcmp (key, "expirydate") == 0)
          g_ptr_array_add (expanded, g_strdup ("unpublishdate"));
      }
    g_ptr_array_add (expanded, NULL);
    self->date_keys = (char **) g_ptr_array_steal (expanded, NULL);
  }
}

void
byline_site_decode_config (BylineSiteModel *self)
{
  BylineData *ugly;

  decode_base_url (self);
  /* GetBasePath: canonifyURLs makes relative links absolute, without it. */
  self->link_prefix = g_strdup (
    byline_data_lookup_bool (self->config, "canonifyURLs", FALSE) ? "" : self->base_path);
  self->title = config_string (self, "title", "");
  decode_languages (self);
  decode_taxonomies (self);
  decode_permalinks (self);
  decode_front_matter_dates (self);

  ugly = byline_data_lookup_path (self->config, "uglyURLs");
  if (ugly != NULL && byline_data_get_kind (ugly) == BYLINE_DATA_MAP)
    self->ugly_url_sections = byline_data_ref (ugly);
  else
    self->ugly_urls = byline_data_lookup_bool (self->config, "uglyURLs", FALSE);

  self->disable_path_to_lower = byline_data_lookup_bool (self->config, "disablePathToLower", FALSE);
  self->build_drafts = byline_data_lookup_bool (self->config, "buildDrafts", FALSE);
  self->remove_path_accents = byline_data_lookup_bool (self->config, "removePathAccents", FALSE);
  self->pluralize_list_titles = byline_data_lookup_bool (self->config, "pluralizeListTitles", TRUE);
  self->capitalize_list_titles = byline_data_lookup_bool (self->config, "capitalizeListTitles",
                                                          TRUE);

  {
    g_auto(GStrv) kinds = byline_data_lookup_strv (self->config, "disableKinds");

    for (guint i = 0; kinds != NULL && kinds[i] != NULL; i++)
      {
        char *lower = g_ascii_strdown (kinds[i], -1);

        g_free (kinds[i]);
        kinds[i] = lower;
      }
    self->disabled_kinds = kinds != NULL ? g_steal_pointer (&kinds) : g_new0 (char *, 1);
  }

  {
    g_autofree char *zone = byline_data_lookup_string (self->config, "timeZone");

    if (zone != NULL && zone[0] != '\0')
      self->time_zone = g_time_zone_new_identifier (zone);
    if (self->time_zone == NULL)
      self->time_zone = g_time_zone_new_utc ();
  }
}
