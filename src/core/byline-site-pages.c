/* byline-site-pages.c — the site's pages: the content walk and the index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every content file of every content mount becomes a page of its
 * language, as Hugo's content map makes them: "_index.*" is a branch (the
 * home page, a section, a taxonomy or a term), "index.*" a leaf bundle
 * whose folder's other files are its resources, any other file a page.
 * "name.de.md" is German when "de" is a language of the site. Top-level
 * folders are sections even without an _index file, and the taxonomies'
 * terms used in front matter get their pages.
 *
 * Only the front matter of each file is read, and kept per file with its
 * size and modification time, so that a refresh reads again only what
 * changed.
 */

#define G_LOG_DOMAIN "byline-site"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "byline-site.h"
#include "byline-site-private.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The first read of a file; front matter longer than this costs a second. */
#define HEAD_SIZE 4096
/* Front matter is searched no further into a file than this. */
#define MAX_FRONT_MATTER_SIZE (4 * 1024 * 1024)
/* Content trees deeper than this are not walked further. */
#define MAX_CONTENT_DEPTH 64

typedef struct
{
  gint64 mtime;
  goffset size;
  BylineData *front_matter;     /* a map, or NULL */
  char *error;
} CachedFile;

struct _BylineSitePages
{
  gatomicrefcount ref_count;
  gboolean with_drafts;         /* buildDrafts: drafts are published */
  GPtrArray *pages;             /* BylineSitePage, owned */
  GHashTable *by_file;          /* file → the first page of it */
  GHashTable *by_path;          /* "lang\npath" → page */
  GHashTable *by_link;          /* decoded rel permalink → page */
  GHashTable *by_alias;         /* decoded alias → page */
  GHashTable *by_base_name;     /* "lang\nbase name" → page, or the ambiguous marker */
  char *default_language;
  gint64 build_time;
};

/* Stands for "more than one page" in by_base_name. */
static const BylineSitePage ambiguous_page;

void
byline_site_page_cache_free (gpointer data)
{
  CachedFile *cached = data;

  g_clear_pointer (&cached->front_matter, byline_data_unref);
  g_free (cached->error);
  g_free (cached);
}

static void
page_free (BylineSitePage *page)
{
  g_free (page->file);
  g_free (page->path);
  g_free (page->unnormalized_path);
  g_free (page->base_name);
  g_free (page->unnormalized_base_name);
  g_free (page->translation_base_name);
  g_free (page->lang);
  g_free (page->section);
  g_clear_pointer (&page->front_matter, byline_data_unref);
  g_free (page->title);
  g_free (page->slug);
  g_free (page->url);
  g_strfreev (page->raw_aliases);
  g_clear_pointer (&page->date, g_date_time_unref);
  g_free (page->error);
  g_free (page->link);
  g_free (page->rel_permalink);
  g_free (page->permalink);
  g_strfreev (page->aliases);
  g_free (page);
}

BylineSitePages *
byline_site_pages_ref (BylineSitePages *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
byline_site_pages_unref (BylineSitePages *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->by_file);
  g_hash_table_unref (self->by_path);
  g_hash_table_unref (self->by_link);
  g_hash_table_unref (self->by_alias);
  g_hash_table_unref (self->by_base_name);
  g_ptr_array_unref (self->pages);
  g_free (self->default_language);
  g_free (self);
}

/* Reading front matter */

/* Where the front matter of a post lies, as Hugo's page lexer
 * (parser/pageparser/pagelexer_intro.go) finds it: after a BOM and blank
 * space, "---" or "+++" on a line of its own up to the same line, or a
 * JSON object. Only the block's own text is checked later, by its reader,
 * so this works on the head of a file. */
typedef enum
{
  BLOCK_NONE,
  BLOCK_OPEN,          /* opened, not closed in the text */
  BLOCK_CLOSED,
} BlockState;

static gboolean
is_fence_line (const char *line,
               const char *end,
               const char *fence)
{
  if (end - line < 3 || memcmp (line, fence, 3) != 0)
    return FALSE;
  for (line += 3; line < end; line++)
    if (*line != ' ' && *line != '\t' && *line != '\r')
      return FALSE;
  return TRUE;
}

static BlockState
find_front_matter (const char       *text,
                   gsize             length,
                   BylineDataFormat *format,
                   gsize            *start,
                   gsize            *end)
{
  const char *p = text;
  const char *limit = text + length;
  const char *line_end;
  const char *fence;

  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < limit && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;
  if (p >= limit)
    return BLOCK_NONE;

  if (*p == '{')
    {
      *format = BYLINE_DATA_FORMAT_JSON;
      *start = p - text;
      *end = byline_data_json_object_end (text, *start, length);
      return *end > 0 ? BLOCK_CLOSED : BLOCK_OPEN;
    }

  line_end = memchr (p, '\n', limit - p);
  if (line_end == NULL)
    line_end = limit;
  if (is_fence_line (p, line_end, "---"))
    {
      fence = "---";
      *format = BYLINE_DATA_FORMAT_YAML;
    }
  else if (is_fence_line (p, line_end, "+++"))
    {
      fence = "+++";
      *format = BYLINE_DATA_FORMAT_TOML;
    }
  else
    return BLOCK_NONE;

  *start = line_end < limit ? (gsize) (line_end + 1 - text) : length;
  for (const char *line = text + *start; line < limit;)
    {
      const char *next = memchr (line, '\n', limit - line);

      if (next == NULL)
        next = limit;
      if (is_fence_line (line, next, fence))
        {
          *end = line - text;
          return BLOCK_CLOSED;
        }
      line = next + 1;
    }
  return BLOCK_OPEN;
}

/* The head of a file, read until its front matter closes. */
static char *
read_head (const char *path,
           gsize      *length,
           GError    **error)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  GString *text;

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s", g_strerror (saved));
      return NULL;
    }

  text = g_string_sized_new (HEAD_SIZE);
  for (;;)
    {
      gsize want = text->len < HEAD_SIZE ? HEAD_SIZE : text->len;
      gssize n;
      BylineDataFormat format;
      gsize start, end;

      if (text->len >= MAX_FRONT_MATTER_SIZE)
        break;
      g_string_set_size (text, text->len + want);
      do
        n = read (fd, text->str + text->len - want, want);
      while (n < 0 && errno == EINTR);
      if (n <= 0)
        {
          g_string_set_size (text, text->len - want);
          break;
        }
      g_string_set_size (text, text->len - want + n);

      /* Enough when the block is closed, or there is none. */
      if (find_front_matter (text->str, text->len, &format, &start, &end) != BLOCK_OPEN)
        break;
    }
  close (fd);
  *length = text->len;
  return g_string_free (text, FALSE);
}

static void
read_front_matter (const char *path,
                   CachedFile *cached)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  gsize start = 0, end = 0;
  BylineDataFormat format = BYLINE_DATA_FORMAT_YAML;

  text = read_head (path, &length, &error);
  if (text == NULL)
    {
      cached->error = g_strdup_printf (_("%s cannot be read: %s"), path, error->message);
      return;
    }

  switch (find_front_matter (text, length, &format, &start, &end))
    {
    case BLOCK_NONE:
      return;
    case BLOCK_OPEN:
      cached->error = g_strdup_printf (_("%s: the front matter is never closed"), path);
      return;
    case BLOCK_CLOSED:
    default:
      break;
    }

  {
    /* The file's name goes into the message, not into every node. */
    g_autoptr(BylineData) data = byline_data_read (format, text, start, end, NULL, NULL, &error);

    if (data == NULL)
      cached->error = g_strdup_printf ("%s: %s", path, error->message);
    else if (byline_data_get_kind (data) == BYLINE_DATA_MAP)
      cached->front_matter = g_steal_pointer (&data);
  }
}

/* The content walk */

typedef struct
{
  char *file;
  char *rel;                    /* "blog/2023/post/index.md", as written */
  const char * const *languages;
  gint64 mtime;
  goffset size;
} ContentFile;

typedef struct
{
  const char *file;
  CachedFile *cached;
} ReadJob;

static void
read_job_cb (gpointer data,
             gpointer user_data)
{
  ReadJob *job = data;

  read_front_matter (job->file, job->cached);
}

/* Brings the cache up to date with @files: reads the front matter of the
 * files that are new or changed (by size and modification time), on all
 * processors when there are many. Returns whether anything changed. */
static gboolean
update_cache (BylineSite *self,
              GPtrArray  *files)
{
  g_autoptr(GArray) jobs = g_array_new (FALSE, FALSE, sizeof (ReadJob));
  guint n_threads = MIN (g_get_num_processors (), 8);

  for (guint i = 0; i < files->len; i++)
    {
      ContentFile *entry = g_ptr_array_index (files, i);
      CachedFile *cached = g_hash_table_lookup (self->page_cache, entry->file);
      ReadJob job;

      if (cached != NULL && cached->mtime == entry->mtime && cached->size == entry->size)
        continue;
      cached = g_new0 (CachedFile, 1);
      cached->mtime = entry->mtime;
      cached->size = entry->size;
      g_hash_table_replace (self->page_cache, g_strdup (entry->file), cached);
      job.file = entry->file;
      job.cached = cached;
      g_array_append_val (jobs, job);
    }

  if (jobs->len >= 64 && n_threads > 1)
    {
      /* Each job fills its own record; the table is not touched meanwhile. */
      GThreadPool *pool = g_thread_pool_new (read_job_cb, NULL, n_threads, FALSE, NULL);

      for (guint i = 0; i < jobs->len; i++)
        g_thread_pool_push (pool, &g_array_index (jobs, ReadJob, i), NULL);
      g_thread_pool_free (pool, FALSE, TRUE);
    }
  else
    for (guint i = 0; i < jobs->len; i++)
      read_job_cb (&g_array_index (jobs, ReadJob, i), NULL);

  return jobs->len > 0;
}

static gint64
mtime_of (const struct stat *st)
{
  return (gint64) st->st_mtim.tv_sec * G_USEC_PER_SEC + st->st_mtim.tv_nsec / 1000;
}

static void
content_file_free (ContentFile *entry)
{
  g_free (entry->file);
  g_free (entry->rel);
  g_free (entry);
}

/* Hugo's mount "files" filters: "! glob" excludes, other globs include. */
static gboolean
passes_filters (char       **patterns,
                const char  *rel)
{
  gboolean has_include = FALSE;
  gboolean included = FALSE;

  if (patterns == NULL)
    return TRUE;
  for (guint i = 0; patterns[i] != NULL; i++)
    {
      const char *pattern = patterns[i];

      if (pattern[0] == '!')
        {
          pattern++;
          while (*pattern == ' ')
            pattern++;
          if (byline_site_glob_match (pattern, rel))
            return FALSE;
        }
      else
        {
          has_include = TRUE;
          if (byline_site_glob_match (pattern, rel))
            included = TRUE;
        }
    }
  return !has_include || included;
}

/* Hugo skips hidden files and editors' leftovers. */
static gboolean
is_ignored_name (const char *name)
{
  gsize length = strlen (name);

  return name[0] == '.' || name[0] == '#' || (length > 0 && name[length - 1] == '~');
}

static gboolean
is_leaf_index (BylineSite *self,
               const char *name)
{
  const char *ext;

  if (!g_str_has_prefix (name, "index.") || !byline_site_is_content_file (name))
    return FALSE;
  /* index.md, or index.de.md for a language of the site. */
  ext = strrchr (name, '.');
  if (ext == name + strlen ("index"))
    return TRUE;
  {
    g_autofree char *lang = g_strndup (name + strlen ("index."), ext - name - strlen ("index."));

    return strchr (lang, '.') == NULL && byline_site_lookup_language (self, lang) != NULL;
  }
}

typedef struct
{
  char *name;
  guchar type;          /* a dirent d_type */
} DirEntry;

static int
compare_dir_entries (gconstpointer a,
                     gconstpointer b)
{
  const DirEntry *ea = a;
  const DirEntry *eb = b;

  return strcmp (ea->name, eb->name);
}

static void
walk_content (BylineSite       *self,
              BylineSiteFolder *folder,
              const char       *dir,
              const char       *rel_dir,
              const char       *filter_dir,
              guint             depth,
              GPtrArray        *out)
{
  g_autoptr(GArray) entries = NULL;
  gboolean leaf = FALSE;
  DIR *handle;
  struct dirent *ent;

  if (depth > MAX_CONTENT_DEPTH)
    return;
  handle = opendir (dir);
  if (handle == NULL)
    return;
  entries = g_array_new (FALSE, FALSE, sizeof (DirEntry));
  while ((ent = readdir (handle)) != NULL)
    if (!is_ignored_name (ent->d_name))
      {
        DirEntry entry = { g_strdup (ent->d_name), ent->d_type };

        g_array_append_val (entries, entry);
        if (is_leaf_index (self, ent->d_name))
          leaf = TRUE;
      }
  closedir (handle);
  g_array_sort (entries, compare_dir_entries);

  for (guint i = 0; i < entries->len; i++)
    {
      DirEntry *child = &g_array_index (entries, DirEntry, i);
      g_autofree char *name = child->name;
      g_autofree char *path = NULL;
      g_autofree char *rel = NULL;
      g_autofree char *filter_rel = NULL;
      gboolean is_dir = child->type == DT_DIR;
      struct stat st;

      /* Only content files are stat'ed; folders by their type. */
      if (child->type != DT_DIR && child->type != DT_REG && child->type != DT_UNKNOWN && child->type != DT_LNK)
        continue;
      if (!is_dir && !byline_site_is_content_file (name) && child->type != DT_LNK && child->type != DT_UNKNOWN)
        continue;
      path = g_strconcat (dir, G_DIR_SEPARATOR_S, name, NULL);
      if (!is_dir)
        {
          if (stat (path, &st) != 0)
            continue;
          is_dir = S_ISDIR (st.st_mode);
          if (!is_dir && (!S_ISREG (st.st_mode) || !byline_site_is_content_file (name)))
            continue;
        }

      rel = rel_dir[0] != '\0' ? g_strconcat (rel_dir, "/", name, NULL) : g_strdup (name);
      filter_rel = filter_dir[0] != '\0' ? g_strconcat (filter_dir, "/", name, NULL) : g_strdup (name);
      if (is_dir)
        {
          /* Everything below a leaf bundle is its resources. */
          if (!leaf)
            walk_content (self, folder, path, rel, filter_rel, depth + 1, out);
          continue;
        }
      if (leaf && !is_leaf_index (self, name))
        continue;
      if (!passes_filters (folder->files, filter_rel))
        continue;

      {
        ContentFile *entry = g_new0 (ContentFile, 1);

        entry->file = g_steal_pointer (&path);
        entry->rel = g_steal_pointer (&rel);
        entry->languages = (const char * const *) folder->languages;
        entry->mtime = mtime_of (&st);
        entry->size = st.st_size;
        g_ptr_array_add (out, entry);
      }
    }
}

static GPtrArray *
collect_content (BylineSite *self)
{
  GPtrArray *files = g_ptr_array_new_with_free_func ((GDestroyNotify) content_file_free);
  GPtrArray *folders = self->folders[BYLINE_SITE_FOLDER_CONTENT];

  for (guint i = 0; i < folders->len; i++)
    {
      BylineSiteFolder *folder = g_ptr_array_index (folders, i);
      struct stat st;

      if (stat (folder->source, &st) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        walk_content (self, folder, folder->source, folder->target, "", 0, files);
      else if (S_ISREG (st.st_mode) && byline_site_is_content_file (folder->target))
        {
          ContentFile *entry = g_new0 (ContentFile, 1);

          entry->file = g_strdup (folder->source);
          entry->rel = g_strdup (folder->target);
          entry->languages = (const char * const *) folder->languages;
          entry->mtime = mtime_of (&st);
          entry->size = st.st_size;
          g_ptr_array_add (files, entry);
        }
    }
  return files;
}

/* Building pages */

static const BylineSiteTaxonomy *
taxonomy_of_section (BylineSite *self,
                     const char *section)
{
  for (guint i = 0; i < self->taxonomies->len; i++)
    {
      const BylineSiteTaxonomy *taxonomy = g_ptr_array_index (self->taxonomies, i);

      if (strcmp (taxonomy->plural, section) == 0)
        return taxonomy;
    }
  return NULL;
}

static gboolean
kind_enabled (BylineSite *self,
              const char *kind)
{
  return !g_strv_contains ((const char * const *) self->disabled_kinds, kind);
}

static char *
page_key (const char *lang,
          const char *path)
{
  return g_strconcat (lang, "\n", path, NULL);
}

static char *
last_element (const char *path)
{
  const char *slash = strrchr (path, '/');

  return g_strdup (slash != NULL ? slash + 1 : path);
}

static BylineSitePage *
new_page (const char         *lang,
          const char         *unnormalized_path,
          BylineSitePageKind  kind)
{
  BylineSitePage *page = g_new0 (BylineSitePage, 1);
  const char *rest;

  page->lang = g_strdup (lang);
  page->unnormalized_path = g_strdup (unnormalized_path);
  page->path = byline_site_normalize_path (unnormalized_path);
  page->kind = kind;
  page->render = TRUE;
  page->unnormalized_base_name = last_element (unnormalized_path);
  page->base_name = byline_site_normalize_path (page->unnormalized_base_name);
  rest = page->path[0] == '/' ? page->path + 1 : page->path;
  page->section = g_strndup (rest, strcspn (rest, "/"));
  return page;
}

/* Reads what the URL and the index need from the front matter. */
static void
apply_front_matter (BylineSite     *self,
                    BylineSitePage *page,
                    CachedFile     *cached)
{
  BylineData *fm = cached->front_matter;
  BylineData *build;

  page->error = g_strdup (cached->error);
  if (fm == NULL)
    return;
  page->front_matter = byline_data_ref (fm);
  page->title = byline_data_lookup_string (fm, "title");
  page->url = byline_data_lookup_string (fm, "url");
  {
    g_autofree char *slug = byline_data_lookup_string (fm, "slug");

    /* page__meta.go: a slug neither starts nor ends with "-". */
    if (slug != NULL)
      {
        const char *start = slug;
        gsize length;

        while (*start == '-')
          start++;
        length = strlen (start);
        while (length > 0 && start[length - 1] == '-')
          length--;
        page->slug = g_strndup (start, length);
      }
  }
  page->raw_aliases = byline_data_lookup_strv (fm, "aliases");
  page->draft = byline_data_lookup_bool (fm, "draft", FALSE);

  if (byline_data_lookup_bool (fm, "headless", FALSE))
    page->render = FALSE;
  build = byline_data_map_lookup_fold (fm, "build", NULL);
  if (build == NULL)
    build = byline_data_map_lookup_fold (fm, "_build", NULL);
  if (build != NULL)
    {
      g_autofree char *render = byline_data_lookup_string (build, "render");

      if (render != NULL && (g_ascii_strcasecmp (render, "never") == 0 || g_ascii_strcasecmp (render, "false") == 0))
        page->render = FALSE;
    }

  for (guint i = 0; self->date_keys[i] != NULL && page->date == NULL; i++)
    {
      const char *key = self->date_keys[i];

      if (strcmp (key, ":filemodtime") == 0)
        page->date = g_date_time_new_from_unix_utc (cached->mtime / G_USEC_PER_SEC);
      else if (strcmp (key, ":filename") == 0)
        {
          BylineDataDateTime dt;
          g_autofree char *prefix = g_strndup (page->translation_base_name, 10);

          if (strlen (prefix) == 10 && byline_data_parse_date_time (prefix, &dt))
            page->date = byline_data_date_time_to_g (&dt, self->time_zone);
        }
      else if (key[0] != ':')
        {
          BylineData *node = byline_data_map_lookup_fold (fm, key, NULL);

          if (node != NULL)
            page->date = byline_data_to_date_time (node, self->time_zone);
        }
    }
}

typedef struct
{
  BylineSite *site;
  BylineSitePages *pages;
} Builder;

static void
index_page (Builder        *b,
            BylineSitePage *page)
{
  g_autofree char *key = page_key (page->lang, page->path);

  g_ptr_array_add (b->pages->pages, page);
  g_hash_table_insert (b->pages->by_path, g_steal_pointer (&key), page);
  if (page->file != NULL && !g_hash_table_contains (b->pages->by_file, page->file))
    g_hash_table_insert (b->pages->by_file, page->file, page);
}

static BylineSitePage *
find_page (Builder    *b,
           const char *lang,
           const char *path)
{
  g_autofree char *key = page_key (lang, path);

  return g_hash_table_lookup (b->pages->by_path, key);
}

/* Splits a content file's name "name[.lang].ext" into the name without
 * identifiers and the language, when it names one of the site's. */
static char *
split_content_name (BylineSite *self,
                    const char *rel,
                    char      **lang)
{
  const char *slash = strrchr (rel, '/');
  const char *name = slash != NULL ? slash + 1 : rel;
  const char *ext = strrchr (name, '.');
  const char *dot;

  *lang = NULL;
  if (ext == NULL || ext == name)
    return g_strdup (name);
  for (dot = ext - 1; dot > name && *dot != '.'; dot--)
    ;
  if (*dot == '.' && dot > name)
    {
      g_autofree char *code = g_strndup (dot + 1, ext - dot - 1);

      if (byline_site_lookup_language (self, code) != NULL)
        {
          *lang = g_ascii_strdown (code, -1);
          return g_strndup (name, dot - name);
        }
    }
  return g_strndup (name, ext - name);
}

const char *
byline_site_page_kind_name (BylineSitePageKind kind)
{
  switch (kind)
    {
    case BYLINE_SITE_PAGE_HOME: return "home";
    case BYLINE_SITE_PAGE_SECTION: return "section";
    case BYLINE_SITE_PAGE_TAXONOMY: return "taxonomy";
    case BYLINE_SITE_PAGE_TERM: return "term";
    case BYLINE_SITE_PAGE_PAGE:
    default: return "page";
    }
}

/* Hugo's Path for a content file "dir/name[.lang].ext". */
static void
add_file_page (Builder     *b,
               ContentFile *entry,
               const char  *lang_override)
{
  BylineSite *self = b->site;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *file_lang = NULL;
  g_autofree char *unnormalized = NULL;
  const char *slash;
  const char *lang;
  BylineSitePageKind kind = BYLINE_SITE_PAGE_PAGE;
  gboolean bundle = FALSE;
  BylineSitePage *page;
  CachedFile *cached;

  slash = strrchr (entry->rel, '/');
  dir = slash != NULL ? g_strndup (entry->rel, slash - entry->rel) : g_strdup ("");
  base = split_content_name (self, entry->rel, &file_lang);
  lang = lang_override != NULL ? lang_override : file_lang != NULL ? file_lang : self->default_language;

  if (strcmp (base, "_index") == 0)
    {
      unnormalized = dir[0] != '\0' ? g_strconcat ("/", dir, NULL) : g_strdup ("/");
      if (dir[0] == '\0')
        kind = BYLINE_SITE_PAGE_HOME;
      else
        {
          const char *first_slash = strchr (dir, '/');
          g_autofree char *first = g_utf8_strdown (dir, first_slash != NULL ? first_slash - dir : -1);

          if (taxonomy_of_section (self, first) != NULL)
            kind = first_slash == NULL ? BYLINE_SITE_PAGE_TAXONOMY
                                       : strchr (first_slash + 1, '/') == NULL ? BYLINE_SITE_PAGE_TERM
                                                                               : BYLINE_SITE_PAGE_SECTION;
          else
            kind = BYLINE_SITE_PAGE_SECTION;
        }
    }
  else if (strcmp (base, "index") == 0)
    {
      unnormalized = dir[0] != '\0' ? g_strconcat ("/", dir, NULL) : g_strdup ("/index");
      bundle = dir[0] != '\0';
    }
  else
    unnormalized = dir[0] != '\0' ? g_strconcat ("/", dir, "/", base, NULL) : g_strconcat ("/", base, NULL);

  if (!kind_enabled (self, byline_site_page_kind_name (kind)))
    return;
  page = new_page (lang, unnormalized, kind);
  if (find_page (b, lang, page->path) != NULL)
    {
      /* The first mount to have it wins, as in Hugo's union file system. */
      page_free (page);
      return;
    }
  if (kind == BYLINE_SITE_PAGE_HOME)
    {
      g_free (page->base_name);
      g_free (page->unnormalized_base_name);
      page->base_name = g_strdup ("");
      page->unnormalized_base_name = g_strdup ("");
    }
  page->file = g_strdup (entry->file);
  page->bundle = bundle;
  page->translation_base_name = g_strdup (base);

  cached = g_hash_table_lookup (self->page_cache, entry->file);
  if (cached != NULL)
    apply_front_matter (self, page, cached);
  index_page (b, page);
}

/* The home page, top-level sections and taxonomy pages Hugo makes
 * without a file, for one language. */
static BylineSitePage *
ensure_branch (Builder            *b,
               const char         *lang,
               const char         *unnormalized_path,
               BylineSitePageKind  kind,
               const char         *title)
{
  g_autofree char *path = byline_site_normalize_path (unnormalized_path);
  BylineSitePage *page = find_page (b, lang, path);

  if (page != NULL || !kind_enabled (b->site, byline_site_page_kind_name (kind)))
    return page;

  page = new_page (lang, unnormalized_path, kind);
  if (kind == BYLINE_SITE_PAGE_HOME)
    {
      g_free (page->base_name);
      g_free (page->unnormalized_base_name);
      page->base_name = g_strdup ("");
      page->unnormalized_base_name = g_strdup ("");
    }
  page->title = g_strdup (title);
  index_page (b, page);
  return page;
}

/* The title Hugo gives a section without a file: its folder's name,
 * pluralized and capitalized as pluralizeListTitles and
 * capitalizeListTitles say (regular English plurals). */
static char *
section_title (BylineSite *self,
               const char *name,
               gboolean    pluralize)
{
  GString *title = g_string_new (name);

  if (pluralize && self->pluralize_list_titles && title->len > 0)
    {
      char last = title->str[title->len - 1];
      char before = title->len > 1 ? title->str[title->len - 2] : '\0';

      if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (before == 'c' || before == 's')))
        g_string_append (title, "es");
      else if (last == 'y' && before != '\0' && strchr ("aeiou", before) == NULL)
        {
          g_string_truncate (title, title->len - 1);
          g_string_append (title, "ies");
        }
      else
        g_string_append_c (title, 's');
    }
  if (self->capitalize_list_titles && title->len > 0)
    title->str[0] = g_ascii_toupper (title->str[0]);
  return g_string_free (title, FALSE);
}

static void
add_generated_pages (Builder *b)
{
  BylineSite *self = b->site;
  guint n_file_pages = b->pages->pages->len;

  for (guint l = 0; l < self->languages->len; l++)
    {
      const BylineSiteLanguage *language = g_ptr_array_index (self->languages, l);

      ensure_branch (b, language->code, "/", BYLINE_SITE_PAGE_HOME, self->title);
    }

  for (guint i = 0; i < n_file_pages; i++)
    {
      BylineSitePage *page = g_ptr_array_index (b->pages->pages, i);
      g_autofree char *first = NULL;
      const char *rest = page->unnormalized_path + 1;
      const char *slash = strchr (rest, '/');

      /* Top-level folders are sections. */
      if (slash != NULL || page->kind == BYLINE_SITE_PAGE_SECTION)
        {
          first = g_strndup (rest, slash != NULL ? (gsize) (slash - rest) : strlen (rest));
          if (taxonomy_of_section (self, page->section) == NULL)
            {
              g_autofree char *path = g_strconcat ("/", first, NULL);
              g_autofree char *title = section_title (self, first, TRUE);

              ensure_branch (b, page->lang, path, BYLINE_SITE_PAGE_SECTION, title);
            }
        }

      /* Terms of the taxonomies the page is in. */
      for (guint t = 0; page->front_matter != NULL && t < self->taxonomies->len; t++)
        {
          const BylineSiteTaxonomy *taxonomy = g_ptr_array_index (self->taxonomies, t);
          BylineData *node = byline_data_map_lookup_fold (page->front_matter, taxonomy->plural, NULL);
          g_auto(GStrv) terms = NULL;
          g_autofree char *taxonomy_path = g_strconcat ("/", taxonomy->plural, NULL);

          if (node == NULL)
            continue;
          terms = byline_data_get_kind (node) == BYLINE_DATA_STRING
                    ? g_strdupv ((char *[]) { (char *) byline_data_get_string (node), NULL })
                    : byline_data_to_strv (node);
          if (terms == NULL || terms[0] == NULL)
            continue;
          {
            g_autofree char *title = section_title (self, taxonomy->plural, FALSE);

            ensure_branch (b, page->lang, taxonomy_path, BYLINE_SITE_PAGE_TAXONOMY, title);
          }
          for (guint k = 0; terms[k] != NULL; k++)
            {
              g_autofree char *key = byline_site_urlize (self, terms[k]);
              g_autofree char *path = NULL;

              if (key[0] == '\0')
                continue;
              path = g_strconcat (taxonomy_path, "/", key, NULL);
              ensure_branch (b, page->lang, path, BYLINE_SITE_PAGE_TERM, terms[k]);
            }
        }
    }
}

/* The nearest section at or above each page (CurrentSection). */
static void
link_sections (Builder *b)
{
  for (guint i = 0; i < b->pages->pages->len; i++)
    {
      BylineSitePage *page = g_ptr_array_index (b->pages->pages, i);
      g_autofree char *path = g_strdup (page->path);
      gboolean is_branch = page->kind != BYLINE_SITE_PAGE_PAGE;

      if (is_branch)
        page->current_section = page;

      /* Walk up the path to the nearest branch. */
      for (;;)
        {
          char *slash = strrchr (path, '/');
          BylineSitePage *above;

          if (slash == NULL)
            break;
          if (slash == path)
            {
              if (strcmp (path, "/") == 0)
                break;
              path[1] = '\0';
            }
          else
            *slash = '\0';
          above = find_page (b, page->lang, path);
          if (above != NULL && above->kind != BYLINE_SITE_PAGE_PAGE)
            {
              if (is_branch)
                page->parent_section = above;
              else
                page->current_section = above;
              break;
            }
        }
      if (page->current_section == NULL)
        page->current_section = find_page (b, page->lang, "/");
    }
}

static void
index_links (Builder *b)
{
  BylineSite *self = b->site;

  for (guint i = 0; i < b->pages->pages->len; i++)
    {
      BylineSitePage *page = g_ptr_array_index (b->pages->pages, i);
      const BylineSiteLanguage *language = byline_site_lookup_language (self, page->lang);
      const char *prefix = language != NULL ? language->prefix : "";

      byline_site_page_compute_urls (self, page, prefix);
      byline_site_page_compute_aliases (self, page, prefix);

      /* Hugo builds no drafts unless told: links to them do not resolve. */
      if (page->draft && !self->build_drafts)
        continue;

      if (page->link != NULL)
        {
          char *key = g_strconcat (self->link_prefix, page->link, NULL);

          if (!g_hash_table_contains (b->pages->by_link, key))
            g_hash_table_insert (b->pages->by_link, key, page);
          else
            g_free (key);
        }
      for (guint a = 0; page->aliases != NULL && page->aliases[a] != NULL; a++)
        {
          char *key = g_strconcat (self->link_prefix, page->aliases[a], NULL);

          if (!g_hash_table_contains (b->pages->by_alias, key))
            g_hash_table_insert (b->pages->by_alias, key, page);
          else
            g_free (key);
        }

      /* pageReverseIndex: the base names of pages, for ref "name". */
      {
        g_autofree char *key = page_key (page->lang, page->base_name);
        const BylineSitePage *existing = g_hash_table_lookup (b->pages->by_base_name, key);

        if (existing == NULL)
          g_hash_table_insert (b->pages->by_base_name, g_steal_pointer (&key), page);
        else if (existing != &ambiguous_page)
          g_hash_table_replace (b->pages->by_base_name, g_steal_pointer (&key), (gpointer) &ambiguous_page);
      }
    }
}

/* Reads the content folders; NULL when nothing changed since @previous
 * was built. */
static BylineSitePages *
build_pages (BylineSite      *self,
             BylineSitePages *previous)
{
  Builder b = { self, NULL };
  g_autoptr(GPtrArray) files = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GHashTable) seen_files = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean changed = FALSE;

  files = collect_content (self);
  for (guint i = 0; i < files->len; i++)
    g_hash_table_add (seen_files, ((ContentFile *) g_ptr_array_index (files, i))->file);
  changed = update_cache (self, files);

  /* Files gone since the last build leave the cache. */
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, self->page_cache);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (!g_hash_table_contains (seen_files, key))
        {
          g_hash_table_iter_remove (&iter);
          changed = TRUE;
        }
  }
  if (previous != NULL && !changed)
    return NULL;

  b.pages = g_new0 (BylineSitePages, 1);
  g_atomic_ref_count_init (&b.pages->ref_count);
  b.pages->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  b.pages->by_file = g_hash_table_new (g_str_hash, g_str_equal);
  b.pages->by_path = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b.pages->by_link = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b.pages->by_alias = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b.pages->by_base_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b.pages->default_language = g_strdup (self->default_language);
  b.pages->with_drafts = self->build_drafts;

  for (guint i = 0; i < files->len; i++)
    {
      ContentFile *entry = g_ptr_array_index (files, i);
      const char * const *languages = entry->languages;
      g_autofree char *file_lang = NULL;
      g_autofree char *name = split_content_name (self, entry->rel, &file_lang);

      /* A mount for several languages gives a page in each; the file's
       * own language suffix wins over the mount's. */
      if (languages != NULL && file_lang == NULL)
        for (guint l = 0; languages[l] != NULL; l++)
          {
            g_autofree char *code = g_ascii_strdown (languages[l], -1);

            if (byline_site_lookup_language (self, code) != NULL)
              add_file_page (&b, entry, code);
          }
      else
        add_file_page (&b, entry, NULL);
    }

  add_generated_pages (&b);
  link_sections (&b);
  index_links (&b);

  b.pages->build_time = g_get_monotonic_time () - start;
  return b.pages;
}

BylineSitePages *
byline_site_get_pages (BylineSite *self)
{
  BylineSitePages *pages;

  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  byline_site_ensure_loaded (self);
  g_mutex_lock (&self->pages_lock);
  if (self->pages == NULL)
    self->pages = build_pages (self, NULL);
  pages = byline_site_pages_ref (self->pages);
  g_mutex_unlock (&self->pages_lock);
  return pages;
}

void
byline_site_refresh_pages (BylineSite *self)
{
  BylineSitePages *old = NULL;
  BylineSitePages *fresh;

  g_return_if_fail (BYLINE_IS_SITE (self));

  byline_site_ensure_loaded (self);
  g_mutex_lock (&self->pages_lock);
  /* The index stays when no content file changed. */
  fresh = build_pages (self, self->pages);
  if (fresh != NULL)
    {
      old = self->pages;
      self->pages = fresh;
    }
  g_mutex_unlock (&self->pages_lock);
  if (old != NULL)
    byline_site_pages_unref (old);
}

/* Index lookups */

guint
byline_site_pages_get_n_pages (BylineSitePages *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}

const BylineSitePage *
byline_site_pages_get_page (BylineSitePages *self,
                            guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->pages->len, NULL);

  return g_ptr_array_index (self->pages, index);
}

const BylineSitePage *
byline_site_pages_lookup_file (BylineSitePages *self,
                               const char      *file)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (file != NULL, NULL);

  return g_hash_table_lookup (self->by_file, file);
}

const BylineSitePage *
byline_site_pages_lookup_permalink (BylineSitePages *self,
                                    const char      *rel_permalink)
{
  const BylineSitePage *page;
  g_autofree char *other = NULL;
  gsize length;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (rel_permalink != NULL, NULL);

  page = g_hash_table_lookup (self->by_link, rel_permalink);
  if (page != NULL)
    return page;
  length = strlen (rel_permalink);
  if (length > 0 && rel_permalink[length - 1] == '/')
    other = g_strndup (rel_permalink, length - 1);
  else
    other = g_strconcat (rel_permalink, "/", NULL);
  return g_hash_table_lookup (self->by_link, other);
}

const BylineSitePage *
byline_site_pages_lookup_path (BylineSitePages *self,
                               const char      *lang,
                               const char      *path)
{
  g_autofree char *key = page_key (lang, path);
  const BylineSitePage *page = g_hash_table_lookup (self->by_path, key);

  if (page != NULL && page->draft && !self->with_drafts)
    return NULL;
  return page;
}

const BylineSitePage *
byline_site_pages_lookup_alias (BylineSitePages *self,
                                const char      *alias)
{
  const BylineSitePage *page = g_hash_table_lookup (self->by_alias, alias);
  gsize length = strlen (alias);

  if (page == NULL && length > 1 && alias[length - 1] == '/')
    {
      g_autofree char *trimmed = g_strndup (alias, length - 1);

      page = g_hash_table_lookup (self->by_alias, trimmed);
    }
  return page;
}

const BylineSitePage *
byline_site_pages_lookup_base_name (BylineSitePages *self,
                                    const char      *lang,
                                    const char      *name,
                                    gboolean        *ambiguous)
{
  g_autofree char *key = page_key (lang, name);
  const BylineSitePage *page = g_hash_table_lookup (self->by_base_name, key);

  *ambiguous = page == &ambiguous_page;
  return *ambiguous ? NULL : page;
}

gboolean
byline_site_pages_is_published (BylineSitePages      *self,
                                const BylineSitePage *page)
{
  return !page->draft || self->with_drafts;
}

const char *
byline_site_pages_get_default_language (BylineSitePages *self)
{
  return self->default_language;
}

gint64
byline_site_pages_get_build_time (BylineSitePages *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->build_time;
}

/* Page accessors */

const char *
byline_site_page_get_file (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->file;
}

const char *
byline_site_page_get_path (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

BylineSitePageKind
byline_site_page_get_kind (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, BYLINE_SITE_PAGE_PAGE);
  return self->kind;
}

const char *
byline_site_page_get_lang (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->lang;
}

const char *
byline_site_page_get_section (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->section;
}

const char *
byline_site_page_get_rel_permalink (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->rel_permalink;
}

const char *
byline_site_page_get_permalink (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->permalink;
}

const char *
byline_site_page_get_title (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

const char *
byline_site_page_get_slug (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->slug;
}

const char *
byline_site_page_get_url (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->url;
}

const char * const *
byline_site_page_get_aliases (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->aliases;
}

gboolean
byline_site_page_is_bundle (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->bundle;
}

gboolean
byline_site_page_is_draft (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->draft;
}

GDateTime *
byline_site_page_get_date (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->date;
}

BylineData *
byline_site_page_get_front_matter (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->front_matter;
}

const char *
byline_site_page_get_error (const BylineSitePage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->error;
}
