/* byline-archetype.c — running an archetype as Hugo's ContentFactory does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The archetype's context, its rendering through the template engine, the
 * title put into the rendered front matter, file names from titles and the
 * folders that hold posts. Creating the files is in byline-archetype-create.c.
 */

#define G_LOG_DOMAIN "byline-archetype"

#include "config.h"

#include "byline-archetype.h"
#include "byline-archetype-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "byline-data.h"
#include "byline-front-matter.h"
#include "byline-gotmpl.h"
#include "byline-gotmpl-objects.h"
#include "byline-gotmpl-objects-private.h"
#include "byline-gotmpl-site-env.h"

G_DEFINE_QUARK (byline-archetype-error-quark, byline_archetype_error)

/* Hugo parses an archetype as a Go template after hiding the delimiters
 * of shortcode calls, which it writes back afterwards
 * (hugolib/content_factory.go, shortcodeReplacerPre and Post). */
static const char *const shortcode_hidden[][2] = {
  { "{{<", "{x{<" },
  { "{{%", "{x{%" },
  { ">}}", ">}x}" },
  { "%}}", "%}x}" },
};

/* Go's strings.Replacer: at each position the first pattern that matches,
 * scanning left to right without rescanning what was written. */
static char *
replace_all (const char *text,
             gboolean    hide)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0';)
    {
      gboolean replaced = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (shortcode_hidden) && !replaced; i++)
        {
          const char *from = shortcode_hidden[i][hide ? 0 : 1];
          const char *to = shortcode_hidden[i][hide ? 1 : 0];
          gsize len = strlen (from);

          if (strncmp (p, from, len) == 0)
            {
              g_string_append (out, to);
              p += len;
              replaced = TRUE;
            }
        }
      if (!replaced)
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* Go's time.RFC3339 layout, "2006-01-02T15:04:05Z07:00": Z for UTC. */
static char *
format_rfc3339 (GDateTime *date)
{
  g_autofree char *base = g_date_time_format (date, "%Y-%m-%dT%H:%M:%S");

  if (g_date_time_get_utc_offset (date) == 0)
    return g_strconcat (base, "Z", NULL);
  else
    {
      g_autofree char *zone = g_date_time_format (date, "%:z");

      return g_strconcat (base, zone, NULL);
    }
}

/* The page's source.File as the page object gives it (.File). */
static BylineGotmplValue
page_file_value (const BylineGotmplValue *page)
{
  const BylineGotmplClass *klass = &byline_gotmpl_page_class;
  BylineGotmplValue file = BYLINE_GOTMPL_VALUE_INIT;

  for (guint i = 0; i < klass->n_methods; i++)
    if (strcmp (klass->methods[i].name, "File") == 0)
      {
        /* The page's File method reads only the page, never the call. */
        klass->methods[i].func (NULL, page, NULL, 0, &file);
        break;
      }
  return file;
}

static const char *
content_lang (BylineSite *site,
              const char *content_file)
{
  const GPtrArray *folders = byline_site_get_folders (site, BYLINE_SITE_FOLDER_CONTENT);

  for (guint i = 0; folders != NULL && i < folders->len; i++)
    {
      const BylineSiteFolder *folder = g_ptr_array_index (folders, i);
      gsize len = strlen (folder->source);

      if (strncmp (content_file, folder->source, len) == 0 && content_file[len] == '/' &&
          folder->languages != NULL)
        return folder->languages[0];
    }
  return byline_site_get_default_language (site);
}

static BylineGotmplEnv *
default_env (BylineSite *site)
{
  return byline_gotmpl_site_env_new (site);
}

/* Runs @source as an archetype with Hugo's archetypeFileData as its dot. */
static char *
render_source (BylineSite      *site,
               BylineGotmplEnv *env,
               const char      *name,
               const char      *source,
               const char      *content_file,
               const char      *content_path,
               const char      *kind,
               GDateTime       *date,
               GError         **error)
{
  g_autoptr(BylineGotmplEnv) own_env = env == NULL ? default_env (site) : NULL;
  g_autoptr(BylineGotmplSet) set = NULL;
  g_autoptr(BylineGotmplMap) dot = byline_gotmpl_map_new (FALSE);
  g_auto(BylineGotmplValue) page = BYLINE_GOTMPL_VALUE_INIT;
  g_auto(BylineGotmplValue) file = BYLINE_GOTMPL_VALUE_INIT;
  g_auto(BylineGotmplValue) dot_value = BYLINE_GOTMPL_VALUE_INIT;
  g_auto(BylineGotmplResult) result = { 0 };
  g_autofree char *hidden = replace_all (source, TRUE);
  g_autofree char *date_text = format_rfc3339 (date);
  const BylineGotmplValue *section;
  const char *type = kind;
  BylineGotmplPageInfo info = {
    .file = content_file,
    .content_path = content_path,
    .kind = "page",
    .lang = content_lang (site, content_file),
  };

  if (env == NULL)
    env = own_env;
  set = byline_gotmpl_set_new (env);
  page = byline_gotmpl_page_new (env, &info);
  file = page_file_value (&page);

  /* source.File is embedded in archetypeFileData: its methods answer on
   * the dot itself (.ContentBaseName, .Dir, .Section…). */
  for (guint i = 0; file.kind == BYLINE_GOTMPL_MAP && i < byline_gotmpl_map_length (file.m); i++)
    byline_gotmpl_map_set (dot, byline_gotmpl_map_key_at (file.m, i),
                           byline_gotmpl_value_copy (byline_gotmpl_map_value_at (file.m, i)));
  section = file.kind == BYLINE_GOTMPL_MAP ? byline_gotmpl_map_lookup (file.m, "Section") : NULL;
  /* Page.Type(): the section, else "page" (no front matter yet). */
  if (type == NULL || type[0] == '\0')
    type = section != NULL && section->kind == BYLINE_GOTMPL_STRING && section->s[0] != '\0'
           ? section->s : "page";
  byline_gotmpl_map_set (dot, "Type", byline_gotmpl_string (type));
  byline_gotmpl_map_set (dot, "Date", byline_gotmpl_string (date_text));
  /* archetypeFileData.Name(): the file's ContentBaseName. */
  if (file.kind == BYLINE_GOTMPL_MAP && byline_gotmpl_map_lookup (file.m, "ContentBaseName") != NULL)
    byline_gotmpl_map_set (dot, "Name", byline_gotmpl_value_copy (
                             byline_gotmpl_map_lookup (file.m, "ContentBaseName")));
  byline_gotmpl_map_set (dot, "Page", byline_gotmpl_value_copy (&page));
  byline_gotmpl_map_set (dot, "File", byline_gotmpl_value_copy (&file));
  byline_gotmpl_map_set (dot, "Site", byline_gotmpl_site_new (env));
  dot_value = byline_gotmpl_map_value (g_steal_pointer (&dot));

  if (!byline_gotmpl_set_render_string (set, name, hidden, &dot_value, &page, &result))
    {
      g_set_error (error, BYLINE_ARCHETYPE_ERROR, BYLINE_ARCHETYPE_ERROR_TEMPLATE,
                   /* TRANSLATORS: %s is the template engine's message, which names the file
                    * and line. */
                   _("The archetype cannot be used: %s"),
                   result.message != NULL ? result.message : "");
      return NULL;
    }
  return replace_all (result.output, FALSE);
}

char *
byline_archetype_render (BylineSite      *site,
                         BylineGotmplEnv *env,
                         const char      *archetype_file,
                         const char      *content_file,
                         const char      *content_path,
                         const char      *kind,
                         GDateTime       *date,
                         GError         **error)
{
  g_autofree char *source = NULL;
  g_autoptr(GDateTime) now = NULL;
  gsize length;

  g_return_val_if_fail (BYLINE_IS_SITE (site), NULL);
  g_return_val_if_fail (archetype_file != NULL, NULL);
  g_return_val_if_fail (content_file != NULL && content_path != NULL, NULL);

  if (!g_file_get_contents (archetype_file, &source, &length, error))
    return NULL;
  if (!g_utf8_validate (source, length, NULL) || memchr (source, '\0', length) != NULL)
    {
      g_set_error (error, BYLINE_ARCHETYPE_ERROR, BYLINE_ARCHETYPE_ERROR_TEMPLATE,
                   /* TRANSLATORS: %s is a file name. */
                   _("The archetype %s is not UTF-8 text"), archetype_file);
      return NULL;
    }
  if (date == NULL)
    date = now = g_date_time_new_now_local ();

  return render_source (site, env, archetype_file, source, content_file, content_path, kind,
                        date, error);
}

/* The title Hugo's built-in and documented default archetypes write:
 * {{ replace .File.ContentBaseName "-" " " | title }}. */
char *
byline_archetype_default_title (BylineSite *site,
                                const char *content_file,
                                const char *content_path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return render_source (site, NULL, "title.md",
                        "{{ replace .File.ContentBaseName \"-\" \" \" | title }}",
                        content_file, content_path, NULL, now, NULL);
}

char *
byline_archetype_render_string (BylineSite      *site,
                                BylineGotmplEnv *env,
                                const char      *source,
                                const char      *content_file,
                                const char      *content_path,
                                const char      *kind,
                                GDateTime       *date,
                                GError         **error)
{
  return render_source (site, env, "archetype.md", source, content_file, content_path, kind,
                        date, error);
}

/* A TOML basic string or a JSON string: the two share these escapes. */
static void
append_json_string (GString    *out,
                    const char *value)
{
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

/* The end of a fenced front-matter block opened by @fence on the first
 * line: the offset of its closing fence line, or 0. */
static gsize
fence_end (const char *text,
           const char *fence)
{
  gsize len = strlen (fence);
  const char *p;

  if (strncmp (text, fence, len) != 0 || (text[len] != '\n' && text[len] != '\r'))
    return 0;
  for (p = strchr (text, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    if (strncmp (p + 1, fence, len) == 0 &&
        (p[1 + len] == '\n' || p[1 + len] == '\r' || p[1 + len] == '\0'))
      return (gsize) (p + 1 - text);
  return 0;
}

gboolean
byline_archetype_set_title (GString    *text,
                            const char *title)
{
  g_autoptr(BylineData) front_matter = NULL;
  g_autoptr(GString) quoted = g_string_new (NULL);
  BylineDataFormat format;
  BylineData *value;
  const BylineSpan *span;
  gsize start, end;

  if ((end = fence_end (text->str, "---")) != 0)
    format = BYLINE_DATA_FORMAT_YAML, start = 4;
  else if ((end = fence_end (text->str, "+++")) != 0)
    format = BYLINE_DATA_FORMAT_TOML, start = 4;
  else if (text->str[0] == '{' && (end = byline_data_json_object_end (text->str, 0, text->len)) != 0)
    format = BYLINE_DATA_FORMAT_JSON, start = 0;
  else
    return FALSE;

  /* A front matter that does not parse is written as the archetype made it. */
  front_matter = byline_data_read (format, text->str, start, end, NULL, NULL, NULL);
  value = front_matter != NULL ? byline_data_map_lookup_fold (front_matter, "title", NULL) : NULL;
  if (value == NULL || byline_data_get_kind (value) == BYLINE_DATA_LIST ||
      byline_data_get_kind (value) == BYLINE_DATA_MAP)
    return FALSE;

  span = byline_data_get_span (value);
  if (format == BYLINE_DATA_FORMAT_YAML)
    {
      g_string_append_c (quoted, '"');
      byline_yaml_escape_append (quoted, title);
      g_string_append_c (quoted, '"');
    }
  else
    append_json_string (quoted, title);
  g_string_erase (text, span->start, span->end - span->start);
  g_string_insert (text, span->start, quoted->str);
  return TRUE;
}

char *
byline_archetype_slug (const char *title)
{
  g_autofree char *anchor = NULL;
  GString *out;

  g_return_val_if_fail (title != NULL, NULL);

  anchor = byline_gotmpl_anchorize (title);
  out = g_string_new (NULL);
  /* Runs of hyphens ("a - b") become one, and none starts or ends it. */
  for (const char *p = anchor; *p != '\0'; p++)
    if (*p != '-' || (out->len > 0 && out->str[out->len - 1] != '-'))
      g_string_append_c (out, *p);
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static const BylineSiteFolder *
default_content_folder (BylineSite *site)
{
  const GPtrArray *folders = byline_site_get_folders (site, BYLINE_SITE_FOLDER_CONTENT);
  const char *lang = byline_site_get_default_language (site);

  for (guint i = 0; folders != NULL && i < folders->len; i++)
    {
      const BylineSiteFolder *folder = g_ptr_array_index (folders, i);

      if (folder->component == NULL && folder->target[0] == '\0' &&
          (folder->languages == NULL || lang == NULL ||
           g_strv_contains ((const char * const *) folder->languages, lang)))
        return folder;
    }
  return NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

GPtrArray *
byline_archetype_list_sections (BylineSite  *site,
                                char       **content_folder)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(BylineSitePages) pages = NULL;
  const BylineSiteFolder *folder;
  GPtrArray *sections = g_ptr_array_new_with_free_func (g_free);
  gsize len;

  g_return_val_if_fail (BYLINE_IS_SITE (site), sections);

  if (content_folder != NULL)
    *content_folder = NULL;
  folder = byline_site_get_root (site) != NULL ? default_content_folder (site) : NULL;
  if (folder == NULL)
    return sections;
  if (content_folder != NULL)
    *content_folder = g_strdup (folder->source);

  len = strlen (folder->source);
  pages = byline_site_get_pages (site);
  for (guint i = 0; pages != NULL && i < byline_site_pages_get_n_pages (pages); i++)
    {
      const BylineSitePage *page = byline_site_pages_get_page (pages, i);
      const char *file = byline_site_page_get_file (page);
      g_autofree char *dir = NULL;

      if (byline_site_page_get_kind (page) != BYLINE_SITE_PAGE_PAGE || file == NULL ||
          strncmp (file, folder->source, len) != 0 || file[len] != '/')
        continue;
      /* A bundle's folder is the post; the folder above it holds it. */
      dir = g_path_get_dirname (file);
      if (byline_site_page_is_bundle (page))
        {
          char *up = g_path_get_dirname (dir);

          g_free (dir);
          dir = up;
        }
      if (strlen (dir) > len && !g_hash_table_contains (seen, dir + len + 1))
        g_hash_table_add (seen, g_strdup (dir + len + 1));
    }

  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, seen);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_ptr_array_add (sections, g_strdup (key));
  }
  g_ptr_array_sort (sections, compare_strings);
  return sections;
}

void
byline_archetype_result_clear (BylineArchetypeResult *result)
{
  g_clear_pointer (&result->content_file, g_free);
  g_clear_pointer (&result->archetype, g_free);
  g_clear_pointer (&result->files, g_ptr_array_unref);
}
