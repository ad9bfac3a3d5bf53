/* byline-site-permalinks.c — permalink patterns and the URLs of pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ports of Hugo's resources/page/permalinks.go (the :attributes, Go date
 * layouts, :sections[1:] slices, "\:" escapes), hugolib/page__paths.go
 * (createTargetPathDescriptor: slug, url, language prefix, the first
 * matching rule) and resources/page/page_paths.go (CreateTargetPaths for
 * the HTML output format: index.html, uglyURLs, sanitizing, escaping).
 */

#define G_LOG_DOMAIN "byline-site"

#include "config.h"

#include "byline-site.h"
#include "byline-site-private.h"

#include <stdlib.h>
#include <string.h>

char *
byline_site_urlize (BylineSiteModel *self,
                    const char      *text)
{
  return byline_site_sanitize_path (text, self->disable_path_to_lower, self->remove_path_accents);
}

/* Go's time.Format for the layout elements a permalink can use. */
static const char * const month_names[] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};
static const char * const day_names[] = {
  "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
};

static void
append_zone (GString   *out,
             GDateTime *date,
             gboolean   z_for_utc,
             gboolean   colon,
             gboolean   minutes)
{
  gint64 offset = g_date_time_get_utc_offset (date) / G_TIME_SPAN_MINUTE;
  int hours, mins;

  if (offset == 0 && z_for_utc)
    {
      g_string_append_c (out, 'Z');
      return;
    }
  g_string_append_c (out, offset < 0 ? '-' : '+');
  offset = ABS (offset);
  hours = (int) (offset / 60);
  mins = (int) (offset % 60);
  g_string_append_printf (out, "%02d", hours);
  if (minutes)
    g_string_append_printf (out, colon ? ":%02d" : "%02d", mins);
}

static char *
format_go_date (GDateTime  *date,
                const char *layout)
{
  GString *out = g_string_new (NULL);
  const char *p = layout;

#define TAKE(token) (g_str_has_prefix (p, token) ? (p += strlen (token), TRUE) : FALSE)
  while (*p != '\0')
    {
      int year = g_date_time_get_year (date);
      int month = g_date_time_get_month (date);
      int day = g_date_time_get_day_of_month (date);
      int hour = g_date_time_get_hour (date);
      int hour12 = hour % 12 == 0 ? 12 : hour % 12;

      if (TAKE ("January"))
        g_string_append (out, month_names[month - 1]);
      else if (TAKE ("Jan"))
        g_string_append_len (out, month_names[month - 1], 3);
      else if (TAKE ("Monday"))
        g_string_append (out, day_names[g_date_time_get_day_of_week (date) % 7]);
      else if (TAKE ("Mon"))
        g_string_append_len (out, day_names[g_date_time_get_day_of_week (date) % 7], 3);
      else if (TAKE ("MST"))
        g_string_append (out, g_date_time_get_timezone_abbreviation (date));
      else if (TAKE ("2006"))
        g_string_append_printf (out, "%04d", year);
      else if (TAKE ("002"))
        g_string_append_printf (out, "%03d", g_date_time_get_day_of_year (date));
      else if (TAKE ("01"))
        g_string_append_printf (out, "%02d", month);
      else if (TAKE ("02"))
        g_string_append_printf (out, "%02d", day);
      else if (TAKE ("03"))
        g_string_append_printf (out, "%02d", hour12);
      else if (TAKE ("04"))
        g_string_append_printf (out, "%02d", g_date_time_get_minute (date));
      else if (TAKE ("05"))
        g_string_append_printf (out, "%02d", g_date_time_get_second (date));
      else if (TAKE ("06"))
        g_string_append_printf (out, "%02d", year % 100);
      else if (TAKE ("15"))
        g_string_append_printf (out, "%02d", hour);
      else if (TAKE ("_2"))
        g_string_append_printf (out, "%2d", day);
      else if (TAKE ("1"))
        g_string_append_printf (out, "%d", month);
      else if (TAKE ("2"))
        g_string_append_printf (out, "%d", day);
      else if (TAKE ("3"))
        g_string_append_printf (out, "%d", hour12);
      else if (TAKE ("4"))
        g_string_append_printf (out, "%d", g_date_time_get_minute (date));
      else if (TAKE ("5"))
        g_string_append_printf (out, "%d", g_date_time_get_second (date));
      else if (TAKE ("PM"))
        g_string_append (out, hour >= 12 ? "PM" : "AM");
      else if (TAKE ("pm"))
        g_string_append (out, hour >= 12 ? "pm" : "am");
      else if (TAKE ("Z07:00"))
        append_zone (out, date, TRUE, TRUE, TRUE);
      else if (TAKE ("Z0700"))
        append_zone (out, date, TRUE, FALSE, TRUE);
      else if (TAKE ("Z07"))
        append_zone (out, date, TRUE, FALSE, FALSE);
      else if (TAKE ("-07:00"))
        append_zone (out, date, FALSE, TRUE, TRUE);
      else if (TAKE ("-0700"))
        append_zone (out, date, FALSE, FALSE, TRUE);
      else if (TAKE ("-07"))
        append_zone (out, date, FALSE, FALSE, FALSE);
      else if ((p[0] == '.' || p[0] == ',') && (p[1] == '0' || p[1] == '9'))
        {
          /* Fractional seconds: as many digits as written; 9s drop zeros. */
          char digit = p[1];
          int n = 0;
          g_autofree char *fraction = NULL;

          while (p[1 + n] == digit)
            n++;
          if (g_ascii_isdigit (p[1 + n]))
            {
              g_string_append_c (out, *p++);
              continue;
            }
          fraction = g_strdup_printf ("%06d", g_date_time_get_microsecond (date));
          {
            GString *digits = g_string_new_len (fraction, MIN (n, 6));

            while (digits->len < (gsize) n)
              g_string_append_c (digits, '0');
            if (digit == '9')
              while (digits->len > 0 && digits->str[digits->len - 1] == '0')
                g_string_truncate (digits, digits->len - 1);
            if (digits->len > 0)
              {
                g_string_append_c (out, p[0]);
                g_string_append (out, digits->str);
              }
            g_string_free (digits, TRUE);
          }
          p += 1 + n;
        }
      else
        g_string_append_c (out, *p++);
    }
#undef TAKE
  return g_string_free (out, FALSE);
}

/* A section's slug, or its title (pageToPermalinkSlugElseTitle). */
static char *
slug_else_title (BylineSiteModel      *self,
                 const BylineSitePage *page)
{
  if (page->slug != NULL && page->slug[0] != '\0')
    return byline_site_urlize (self, page->slug);
  return byline_site_urlize (self, page->title != NULL ? page->title : "");
}

/* The sections from the top down to @page's current section. */
static GPtrArray *
section_chain (const BylineSitePage *page)
{
  GPtrArray *chain = g_ptr_array_new ();

  for (const BylineSitePage *s = page->current_section; s != NULL; s = s->parent_section)
    if (s->kind != BYLINE_SITE_PAGE_HOME)
      g_ptr_array_insert (chain, 0, (gpointer) s);
  return chain;
}

/* PermalinkExpander.toSliceFunc: [low:high], [n], [last], lenient. */
static GPtrArray *
slice_entries (GPtrArray  *entries,
               const char *cut)
{
  g_autofree char *spec = g_ascii_strdown (cut, -1);
  GPtrArray *result = g_ptr_array_new ();
  gsize length;
  char *colon;
  int n = (int) entries->len;

  g_strstrip (spec);
  length = strlen (spec);
  if (length == 0)
    {
      for (guint i = 0; i < entries->len; i++)
        g_ptr_array_add (result, g_ptr_array_index (entries, i));
      return result;
    }
  if (length < 3 || spec[0] != '[' || spec[length - 1] != ']' || n == 0)
    return result;
  spec[length - 1] = '\0';
  colon = strchr (spec + 1, ':');

#define INDEX(s, low) \
  ((s)[0] == '\0' ? ((low) ? 0 : n) \
   : strcmp ((s), "last") == 0 ? n - 1 \
   : MAX (0, atoi (s)) >= n ? ((low) ? -1 : n) : MAX (0, atoi (s)))
  if (colon == NULL)
    {
      int i = INDEX (spec + 1, TRUE);

      if (i >= 0)
        g_ptr_array_add (result, g_ptr_array_index (entries, i));
    }
  else
    {
      int lo, hi;

      *colon = '\0';
      lo = INDEX (spec + 1, TRUE);
      hi = INDEX (colon + 1, FALSE);
      for (int i = lo; lo >= 0 && i < hi; i++)
        g_ptr_array_add (result, g_ptr_array_index (entries, i));
    }
#undef INDEX
  return result;
}

static char *
join_entries (GPtrArray *entries)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      const char *entry = g_ptr_array_index (entries, i);

      if (entry[0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, '/');
      g_string_append (out, entry);
    }
  return g_string_free (out, FALSE);
}

/* The value of one :attribute, or NULL when Hugo does not know it. */
static char *
expand_attribute (BylineSiteModel      *self,
                  const BylineSitePage *page,
                  const char           *attr,
                  const char           *cut)
{
  g_autoptr(GDateTime) zero = NULL;
  GDateTime *date = page->date;

  if (date == NULL)
    date = zero = g_date_time_new_utc (1, 1, 1, 0, 0, 0);

  if (strcmp (attr, "year") == 0)
    return g_strdup_printf ("%d", g_date_time_get_year (date));
  if (strcmp (attr, "month") == 0)
    return g_strdup_printf ("%02d", g_date_time_get_month (date));
  if (strcmp (attr, "monthname") == 0)
    return g_strdup (month_names[g_date_time_get_month (date) - 1]);
  if (strcmp (attr, "day") == 0)
    return g_strdup_printf ("%02d", g_date_time_get_day_of_month (date));
  if (strcmp (attr, "weekday") == 0)
    return g_strdup_printf ("%d", g_date_time_get_day_of_week (date) % 7);
  if (strcmp (attr, "weekdayname") == 0)
    return g_strdup (day_names[g_date_time_get_day_of_week (date) % 7]);
  if (strcmp (attr, "yearday") == 0)
    return g_strdup_printf ("%d", g_date_time_get_day_of_year (date));
  if (strcmp (attr, "section") == 0)
    return g_strdup (page->section);
  if (strcmp (attr, "sectionslug") == 0)
    {
      g_autoptr(GPtrArray) chain = section_chain (page);

      return chain->len > 0 ? slug_else_title (self, g_ptr_array_index (chain, 0)) : g_strdup ("");
    }
  if (strcmp (attr, "sections") == 0 || strcmp (attr, "sectionslugs") == 0)
    {
      g_autoptr(GPtrArray) chain = section_chain (page);
      g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) sliced = NULL;

      if (strcmp (attr, "sections") == 0)
        {
          /* SectionsEntries: the elements of the current section's path. */
          if (page->current_section != NULL)
            {
              g_auto(GStrv) parts = g_strsplit (page->current_section->path, "/", -1);

              for (guint i = 0; parts[i] != NULL; i++)
                if (parts[i][0] != '\0')
                  g_ptr_array_add (entries, g_strdup (parts[i]));
            }
        }
      else
        for (guint i = 0; i < chain->len; i++)
          g_ptr_array_add (entries, slug_else_title (self, g_ptr_array_index (chain, i)));
      sliced = slice_entries (entries, cut != NULL ? cut : "");
      return join_entries (sliced);
    }
  if (strcmp (attr, "title") == 0)
    return byline_site_urlize (self, page->title != NULL ? page->title : "");
  if (strcmp (attr, "slug") == 0)
    return slug_else_title (self, page);
  if (strcmp (attr, "filename") == 0 || strcmp (attr, "slugorfilename") == 0)
    {
      const char *name = page->translation_base_name;

      if (strcmp (attr, "slugorfilename") == 0 && page->slug != NULL && page->slug[0] != '\0')
        return byline_site_urlize (self, page->slug);
      if (name == NULL || strcmp (name, "_index") == 0)
        return g_strdup ("");
      /* A bundle's folder names it better than "index". */
      if (strcmp (name, "index") == 0)
        name = page->unnormalized_base_name;
      return byline_site_urlize (self, name);
    }
  if (strcmp (attr, "contentbasename") == 0 || strcmp (attr, "slugorcontentbasename") == 0)
    {
      if (strcmp (attr, "slugorcontentbasename") == 0 && page->slug != NULL &&
          page->slug[0] != '\0')
        return byline_site_urlize (self, page->slug);
      return byline_site_urlize (self, page->unnormalized_base_name);
    }

  /* A Go date layout: "2006", "01", "Monday". The reference date of
   * permalinks.go formats differently from any layout. */
  {
    g_autoptr(GDateTime) reference = g_date_time_new_utc (2019, 11, 9, 23, 1, 42.000001);
    g_autofree char *probe = format_go_date (reference, attr);

    if (strcmp (probe, attr) != 0)
      return format_go_date (date, attr);
  }
  return NULL;
}

/* Expands a pattern; NULL when it holds an attribute Hugo does not know. */
static char *
expand_pattern (BylineSiteModel      *self,
                const BylineSitePage *page,
                const char           *pattern)
{
  GString *out = g_string_new (NULL);
  const char *p = pattern;

  /* :\w+(\[.+?\])?, and "\:" for a colon. */
  while (*p != '\0')
    {
      if (p[0] == '\\' && p[1] == ':')
        {
          g_string_append_c (out, ':');
          p += 2;
          continue;
        }
      if (p[0] == ':' && (g_ascii_isalnum (p[1]) || p[1] == '_'))
        {
          const char *start = ++p;
          g_autofree char *attr = NULL;
          g_autofree char *cut = NULL;
          g_autofree char *value = NULL;

          while (g_ascii_isalnum (*p) || *p == '_')
            p++;
          attr = g_strndup (start, p - start);
          if (*p == '[' && p[1] != '\0')
            {
              const char *close = strchr (p + 2, ']');

              if (close != NULL)
                {
                  cut = g_strndup (p, close - p + 1);
                  p = close + 1;
                }
            }
          if (cut != NULL && strcmp (attr, "sections") != 0 && strcmp (attr, "sectionslugs") != 0)
            {
              g_string_free (out, TRUE);
              return NULL;
            }
          value = expand_attribute (self, page, attr, cut);
          if (value == NULL)
            {
              g_string_free (out, TRUE);
              return NULL;
            }
          g_string_append (out, value);
          continue;
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* Go's url.QueryUnescape, which page__paths.go applies to expansions. */
static char *
query_unescape (const char *text)
{
  g_autofree char *spaced = g_strdup (text);
  char *decoded;

  g_strdelimit (spaced, "+", ' ');
  decoded = byline_site_unescape_path (spaced);
  return decoded != NULL ? decoded : g_strdup (text);
}

/* PermalinkExpander.Expand: the first rule whose kind and path match. */
static char *
expand_permalink (BylineSiteModel      *self,
                  const BylineSitePage *page)
{
  const char *kind = byline_site_page_kind_name (page->kind);

  for (guint i = 0; i < self->permalinks->len; i++)
    {
      BylinePermalinkRule *rule = g_ptr_array_index (self->permalinks, i);
      g_autofree char *path = NULL;
      g_autofree char *expanded = NULL;

      if (rule->kind != NULL && !byline_site_glob_match (rule->kind, kind))
        continue;
      /* Byline checks what "hugo build" publishes: the production site. */
      if (rule->environment != NULL && !byline_site_glob_match (rule->environment, "production"))
        continue;
      if (rule->languages != NULL &&
          !g_strv_contains ((const char *const *)rule->languages, page->lang))
        continue;
      if (rule->path != NULL)
        {
          path = g_utf8_strdown (page->path, -1);
          if (!byline_site_glob_match (rule->path, path))
            continue;
        }
      expanded = expand_pattern (self, page, rule->pattern);
      if (expanded == NULL)
        return NULL;
      {
        g_autofree char *unescaped = query_unescape (expanded);

        return byline_site_clean_path (unescaped);
      }
    }
  return NULL;
}

/* The directory of a path: "/a/b" → "/a", "/a" → "". */
static char *
parent_dir (const char *path)
{
  const char *slash = strrchr (path, '/');

  if (slash == NULL || slash == path)
    return g_strdup ("");
  return g_strndup (path, slash - path);
}

static void
add_elements (GPtrArray  *elements,
              const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (elements, g_strdup (parts[i]));
}

static gboolean
is_ugly_section (BylineSiteModel *self,
                 const char      *section)
{
  if (self->ugly_url_sections != NULL)
    return byline_data_lookup_bool (self->ugly_url_sections, section, FALSE);
  return self->ugly_urls;
}

void
byline_site_page_compute_urls (BylineSiteModel *self,
                               BylineSitePage  *page,
                               const char      *prefix)
{
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *expanded = NULL;
  g_autofree char *url = NULL;
  g_autofree char *link = NULL;
  gboolean is_branch = page->kind != BYLINE_SITE_PAGE_PAGE;
  gboolean ugly = is_ugly_section (self, page->section);
  gboolean force_prefix = FALSE;
  gboolean needs_base = TRUE;
  gboolean index_is_ugly_kind;
  gboolean base_name_same_as_type;
  int upper_offset = 0;
  const char *path = self->disable_path_to_lower ? page->unnormalized_path : page->path;
  const char *base_name;

  g_clear_pointer (&page->link, g_free);
  g_clear_pointer (&page->rel_permalink, g_free);
  g_clear_pointer (&page->permalink, g_free);
  if (!page->render)
    return;

  if (page->kind != BYLINE_SITE_PAGE_HOME && page->url != NULL && page->url[0] != '\0')
    {
      url = g_strdup (page->url);
      /* A url with :attributes is a pattern of its own. */
      if (strchr (url, ':') != NULL)
        {
          g_autofree char *pattern = expand_pattern (self, page, url);

          if (pattern != NULL)
            {
              g_free (url);
              url = query_unescape (pattern);
            }
        }
      if (url[0] != '/')
        force_prefix = TRUE;
      if (strstr (url, "..") != NULL)
        {
          g_autofree char *rooted = g_strconcat ("/", url, NULL);

          g_free (url);
          url = byline_site_clean_path (rooted);
        }
    }

  expanded = expand_permalink (self, page);
  if (page->slug != NULL && page->slug[0] != '\0')
    base_name = page->slug;
  else
    base_name = self->disable_path_to_lower ? page->unnormalized_base_name : page->base_name;

  base_name_same_as_type = !page->bundle && !is_branch && strcmp (base_name, "index") == 0;
  if (expanded == NULL && base_name_same_as_type)
    ugly = TRUE;
  index_is_ugly_kind = ugly && (page->kind == BYLINE_SITE_PAGE_HOME ||
                                page->kind == BYLINE_SITE_PAGE_SECTION ||
                                page->kind == BYLINE_SITE_PAGE_TAXONOMY);

  if (is_branch && url == NULL && strcmp (path, "/") != 0)
    {
      add_elements (elements, expanded != NULL ? expanded : path);
      needs_base = FALSE;
    }

  if (page->kind != BYLINE_SITE_PAGE_HOME && url != NULL)
    {
      gboolean has_dot = strchr (url, '.') != NULL;
      gboolean has_slash = g_str_has_suffix (url, "/");

      add_elements (elements, url);
      /* "/a/b/" and "/a/b" are folders; "/a/b.html" is the file. */
      if (has_slash || !has_dot)
        g_ptr_array_add (elements, g_strdup ("index.html"));
      if (elements->len > 0 &&
          strcmp (g_ptr_array_index (elements, elements->len - 1), "index.html") == 0)
        upper_offset = 1;
      /* Only a url relative to the site gets the language prefix. */
      if (!force_prefix)
        prefix = "";
    }
  else if (!is_branch)
    {
      if (expanded != NULL)
        add_elements (elements, expanded);
      else
        {
          /* Path.ContainerDir: a bundle's path is its folder, whose
           * parent contains it, as a file's folder contains the file. */
          g_autofree char *container = parent_dir (path);

          add_elements (elements, container);
          g_ptr_array_add (elements, g_strdup (base_name));
        }
      if (ugly)
        {
          if (elements->len == 0)
            g_ptr_array_add (elements, g_strdup (".html"));
          else
            {
              char *last = g_ptr_array_index (elements, elements->len - 1);

              g_ptr_array_index (elements, elements->len - 1) = g_strconcat (last, ".html", NULL);
              g_free (last);
            }
        }
      else
        g_ptr_array_add (elements, g_strdup ("index.html"));
      if (strcmp (g_ptr_array_index (elements, elements->len - 1), "index.html") == 0)
        upper_offset = 1;
    }
  else
    {
      if (needs_base || !ugly || index_is_ugly_kind)
        g_ptr_array_add (elements, g_strdup ("index.html"));
      else if (elements->len > 0)
        {
          char *last = g_ptr_array_index (elements, elements->len - 1);

          g_ptr_array_index (elements, elements->len - 1) = g_strconcat (last, ".html", NULL);
          g_free (last);
        }
      if (!index_is_ugly_kind &&
          strcmp (g_ptr_array_index (elements, elements->len - 1), "index.html") == 0)
        upper_offset = 1;
    }

  /* A url from the front matter is kept as written; the rest sanitized. */
  if (url == NULL)
    for (guint i = 0; i < elements->len; i++)
      {
        char *element = g_ptr_array_index (elements, i);

        g_ptr_array_index (elements, i) = byline_site_urlize (self, element);
        g_free (element);
      }

  {
    GString *out = g_string_new (NULL);
    guint upper = elements->len - MIN ((guint) upper_offset, elements->len);

    for (guint i = 0; i < upper; i++)
      {
        const char *element = g_ptr_array_index (elements, i);

        if (element[0] == '\0')
          continue;
        g_string_append_c (out, '/');
        g_string_append (out, element);
      }
    if (base_name_same_as_type && expanded == NULL && g_str_has_suffix (out->str, base_name))
      g_string_truncate (out, out->len - strlen (base_name));
    if (prefix[0] != '\0')
      {
        g_string_prepend (out, prefix);
        g_string_prepend_c (out, '/');
      }
    if (upper_offset > 0 && (out->len == 0 || out->str[out->len - 1] != '/'))
      g_string_append_c (out, '/');
    if (out->len == 0)
      g_string_append_c (out, '/');
    link = g_string_free (out, FALSE);
  }

  page->link = g_strdup (link);

  /* RelPermalink: escaped, '#' first, the baseURL's path before it. */
  {
    g_autofree char *hashes = NULL;
    g_autofree char *escaped = NULL;
    g_auto(GStrv) parts = g_strsplit (link, "#", -1);

    hashes = g_strjoinv ("%23", parts);
    escaped = byline_site_escape_path (hashes);
    page->rel_permalink = g_strconcat (self->link_prefix, escaped, NULL);

    /* PermalinkForBaseURL: the baseURL with one slash, then the link. */
    {
      const char *base = self->base_url != NULL ? self->base_url : "";
      gsize length = strlen (base);

      while (length > 0 && base[length - 1] == '/')
        length--;
      page->permalink = g_strdup_printf ("%.*s%s", (int) length, base, escaped);
    }
  }
}

void
byline_site_page_compute_aliases (BylineSiteModel *self,
                                  BylineSitePage  *page,
                                  const char      *prefix)
{
  g_autoptr(GPtrArray) aliases = g_ptr_array_new_with_free_func (g_free);
  gboolean ugly = is_ugly_section (self, page->section);

  g_clear_pointer (&page->aliases, g_strfreev);
  for (guint i = 0; page->raw_aliases != NULL && page->raw_aliases[i] != NULL; i++)
    {
      const char *alias = page->raw_aliases[i];
      g_autofree char *base = NULL;
      g_autofree char *joined = NULL;

      if (alias[0] == '\0' || g_str_has_prefix (alias, "http://") ||
          g_str_has_prefix (alias, "https://"))
        continue;
      if (alias[0] != '/')
        {
          /* Relative to the parent of the page's own folder. */
          g_autofree char *dir = NULL;

          if (page->link == NULL)
            continue;
          /* The page's target folder: "/blog/post/" or "/blog/post.html". */
          if (g_str_has_suffix (page->link, "/"))
            dir = g_strndup (page->link, strlen (page->link) - 1);
          else if (g_str_has_suffix (page->link, ".html"))
            dir = g_strndup (page->link, strlen (page->link) - strlen (".html"));
          else
            dir = parent_dir (page->link);
          base = g_strconcat (dir, "/..", NULL);
        }
      else
        base = prefix[0] != '\0' ? g_strconcat ("/", prefix, NULL) : g_strdup ("/");
      joined = g_strconcat (base, "/", alias, NULL);
      {
        char *clean = byline_site_clean_path (joined);

        if (ugly && !g_str_has_suffix (clean, ".html"))
          {
            char *with_suffix = g_strconcat (clean, ".html", NULL);

            g_free (clean);
            clean = with_suffix;
          }
        g_ptr_array_add (aliases, clean);
      }
    }
  g_ptr_array_add (aliases, NULL);
  page->aliases = (char **) g_ptr_array_steal (aliases, NULL);
}
