/* byline-site-content.c — the site's content files and their front matter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Walks every content mount for Hugo's content files, as Hugo's file
 * system does: hidden files and editors' leftovers are skipped, a leaf
 * bundle's folder holds its resources, not pages, and a mount's "files"
 * globs filter what it holds. Only the front matter of each file is read,
 * and kept per file with its size and modification time, so that a
 * refresh reads again only what changed; many files are read on every
 * processor.
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

void
byline_site_page_cache_free (gpointer data)
{
  BylineSiteCachedFile *cached = data;

  g_clear_pointer (&cached->front_matter, byline_data_unref);
  g_free (cached->error);
  g_free (cached);
}

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
read_head (const char  *path,
           gsize       *length,
           GError     **error)
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
read_front_matter (const char           *path,
                   BylineSiteCachedFile *cached)
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
  const char *file;
  BylineSiteCachedFile *cached;
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
gboolean
byline_site_update_page_cache (BylineSiteModel *self,
                               GPtrArray       *files)
{
  g_autoptr(GArray) jobs = g_array_new (FALSE, FALSE, sizeof (ReadJob));
  guint n_threads = MIN (g_get_num_processors (), 8);

  for (guint i = 0; i < files->len; i++)
    {
      BylineSiteContentFile *entry = g_ptr_array_index (files, i);
      BylineSiteCachedFile *cached = g_hash_table_lookup (self->page_cache, entry->file);
      ReadJob job;

      if (cached != NULL && cached->mtime == entry->mtime && cached->size == entry->size)
        continue;
      cached = g_new0 (BylineSiteCachedFile, 1);
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
content_file_free (BylineSiteContentFile *entry)
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
is_leaf_index (BylineSiteModel *self,
               const char      *name)
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

    return strchr (lang, '.') == NULL && byline_site_model_lookup_language (self, lang) != NULL;
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
walk_content (BylineSiteModel  *self,
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
      if (child->type != DT_DIR && child->type != DT_REG && child->type != DT_UNKNOWN &&
          child->type != DT_LNK)
        continue;
      if (!is_dir && !byline_site_is_content_file (name) && child->type != DT_LNK &&
          child->type != DT_UNKNOWN)
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
      filter_rel = filter_dir[0] != '\0' ? g_strconcat (filter_dir, "/", name, NULL)
                                         : g_strdup (name);
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
        BylineSiteContentFile *entry = g_new0 (BylineSiteContentFile, 1);

        entry->file = g_steal_pointer (&path);
        entry->rel = g_steal_pointer (&rel);
        entry->languages = (const char * const *) folder->languages;
        entry->mtime = mtime_of (&st);
        entry->size = st.st_size;
        g_ptr_array_add (out, entry);
      }
    }
}

GPtrArray *
byline_site_collect_content (BylineSiteModel *self)
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
          BylineSiteContentFile *entry = g_new0 (BylineSiteContentFile, 1);

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

/* Splits a content file's name "name[.lang].ext" into the name without
 * identifiers and the language, when it names one of the site's. */
char *
byline_site_split_content_name (BylineSiteModel  *self,
                                const char       *rel,
                                char            **lang)
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

      if (byline_site_model_lookup_language (self, code) != NULL)
        {
          *lang = g_ascii_strdown (code, -1);
          return g_strndup (name, dot - name);
        }
    }
  return g_strndup (name, ext - name);
}
