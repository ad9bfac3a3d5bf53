/* byline-archetype-create.c — the files of a new post, as "hugo new content" writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finds the archetype (create/content.go, setArcheTypeFilenameToUse),
 * renders every content file in memory first, and writes nothing unless
 * every file of the post is new: a template error or an existing file
 * leaves the site as it was.
 */

#define G_LOG_DOMAIN "byline-archetype"

#include "config.h"

#include "byline-archetype.h"
#include "byline-archetype-private.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "byline-front-matter.h"
#include "byline-profile.h"
#include "byline-template.h"

/* Hugo's built-in default archetype (create/content.go,
 * DefaultArchetypeTemplateTemplate), used when the site has no archetype
 * and the profile no post template. */
static const char default_archetype[] =
  "---\n"
  "title: \"{{ replace .File.ContentBaseName \"-\" \" \" | title }}\"\n"
  "date: {{ .Date }}\n"
  "draft: true\n"
  "---\n"
  "\n";

/* The extensions of Hugo's default content formats (markdown, html,
 * asciidoc, pandoc, org, rst): the files of a bundle archetype that are
 * templates; the others are copied. */
static const char *const content_extensions[] = {
  "ad", "adoc", "asciidoc", "htm", "html", "markdown", "md", "mdown", "org", "pandoc", "pdc",
  "rst",
};

typedef struct
{
  char   *path;      /* absolute target */
  char   *text;      /* rendered content, or NULL for a copy */
  char   *source;    /* the file copied, for other files */
  gsize   length;
} PlannedFile;

static void
planned_file_free (PlannedFile *file)
{
  g_free (file->path);
  g_free (file->text);
  g_free (file->source);
  g_free (file);
}

/* The extension of the last part of @path ("md"), or NULL. */
static const char *
extension_of (const char *path)
{
  const char *base = strrchr (path, '/');
  const char *dot;

  base = base != NULL ? base + 1 : path;
  dot = strrchr (base, '.');
  return dot != NULL && dot != base ? dot + 1 : NULL;
}

static gboolean
is_content_file (const char *name)
{
  const char *ext = extension_of (name);
  g_autofree char *lower = ext != NULL ? g_ascii_strdown (ext, -1) : NULL;

  for (guint i = 0; lower != NULL && i < G_N_ELEMENTS (content_extensions); i++)
    if (strcmp (lower, content_extensions[i]) == 0)
      return TRUE;
  return FALSE;
}

/* @target below a content folder of the site: its path there
 * ("blog/2026/x") and the folder. FALSE outside every content folder. */
static gboolean
content_path_of (BylineSite  *site,
                 const char  *target,
                 char       **content_path)
{
  const GPtrArray *folders;

  if (byline_site_get_root (site) == NULL)
    return FALSE;
  folders = byline_site_get_folders (site, BYLINE_SITE_FOLDER_CONTENT);
  for (guint i = 0; folders != NULL && i < folders->len; i++)
    {
      const BylineSiteFolder *folder = g_ptr_array_index (folders, i);
      gsize len = strlen (folder->source);

      if (strncmp (target, folder->source, len) == 0 && target[len] == '/' && target[len + 1] != '\0')
        {
          *content_path = folder->target[0] != '\0'
            ? g_strconcat (folder->target, "/", target + len + 1, NULL)
            : g_strdup (target + len + 1);
          return TRUE;
        }
    }
  return FALSE;
}

/* hugolib ContentFactory.SectionFromFilename: the first folder of a path
 * with at least two parts. */
static char *
section_of (const char *content_path)
{
  const char *slash = strchr (content_path, '/');

  return slash != NULL ? g_strndup (content_path, slash - content_path) : g_strdup ("");
}

/* A folder archetype: the first archetypes folder (project, then themes)
 * holding a folder of that name. */
static char *
find_archetype_folder (BylineSite *site,
                       const char *name)
{
  const GPtrArray *folders = byline_site_get_folders (site, BYLINE_SITE_FOLDER_ARCHETYPES);

  if (strchr (name, '/') != NULL || strcmp (name, "..") == 0 || strcmp (name, ".") == 0)
    return NULL;
  for (guint i = 0; folders != NULL && i < folders->len; i++)
    {
      const BylineSiteFolder *folder = g_ptr_array_index (folders, i);
      g_autofree char *path = NULL;

      if (folder->target[0] != '\0')
        continue;
      path = g_build_filename (folder->source, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        return g_steal_pointer (&path);
    }
  return NULL;
}

static char *
find_archetype_file (BylineSite *site,
                     const char *kind,
                     const char *ext)
{
  char *found = NULL;

  if (kind[0] != '\0' && strchr (kind, '/') == NULL)
    {
      g_autofree char *name = g_strconcat (kind, ".", ext, NULL);

      found = byline_site_find_file (site, BYLINE_SITE_FOLDER_ARCHETYPES, name);
    }
  if (found == NULL)
    {
      g_autofree char *name = g_strconcat ("default.", ext, NULL);

      found = byline_site_find_file (site, BYLINE_SITE_FOLDER_ARCHETYPES, name);
    }
  return found;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The files of a folder archetype, relative to it, sorted; recursive. */
static gboolean
list_folder (const char  *root,
             const char  *relative,
             GPtrArray   *names,
             GError     **error)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, error);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (entries, g_strdup (name));
  g_ptr_array_sort (entries, compare_names);
  for (guint i = 0; i < entries->len; i++)
    {
      g_autofree char *child = relative[0] != '\0'
        ? g_strconcat (relative, "/", (char *) entries->pdata[i], NULL)
        : g_strdup (entries->pdata[i]);
      g_autofree char *child_path = g_build_filename (root, child, NULL);

      if (g_file_test (child_path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (child_path, G_FILE_TEST_IS_DIR))
        {
          if (!list_folder (root, child, names, error))
            return FALSE;
        }
      else if (g_file_test (child_path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (names, g_steal_pointer (&child));
    }
  return TRUE;
}

static char *
user_name (void)
{
  const char *name = g_get_real_name ();

  /* GLib answers "Unknown" when the system has no name for the user. */
  return g_strdup (name == NULL || strcmp (name, "Unknown") == 0 ? "" : name);
}

typedef struct
{
  char *title;
  char *date;
  char *author;
} TemplateValues;

static const char *
lookup_cb (const char *name,
           gpointer    user_data)
{
  const TemplateValues *values = user_data;

  if (strcmp (name, "title") == 0)
    return values->title;
  if (strcmp (name, "date") == 0)
    return values->date;
  if (strcmp (name, "author") == 0)
    return values->author;
  return NULL;
}

static char *
yaml_escape (const char *value)
{
  GString *out = g_string_new (NULL);

  byline_yaml_escape_append (out, value);
  return g_string_free (out, FALSE);
}

/* The profile's post template, its values YAML-escaped (it puts the
 * quotes around them); NULL when the profile has none. */
static char *
expand_profile_template (BylineSite                   *site,
                         const BylineArchetypeRequest *request,
                         const char                   *content_file,
                         const char                   *content_path,
                         GDateTime                    *date,
                         GError                      **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (content_file);
  g_autoptr(BylineProfile) profile = byline_profile_new_for_post (file, error);
  g_autofree char *title = NULL;
  g_autofree char *day = NULL;
  g_autofree char *author = NULL;
  const BylineTemplate *template;
  TemplateValues values;
  GString *text;

  if (profile == NULL)
    return NULL;
  template = byline_profile_get_post_template (profile);
  if (template == NULL)
    return NULL;

  title = request->title != NULL ? g_strdup (request->title)
                                 : byline_archetype_default_title (site, content_file, content_path);
  day = g_date_time_format (date, "%Y-%m-%d");
  author = request->author != NULL ? g_strdup (request->author) : user_name ();
  values.title = yaml_escape (title != NULL ? title : "");
  values.date = yaml_escape (day);
  values.author = yaml_escape (author);
  text = g_string_new (NULL);
  byline_template_expand (template, text, lookup_cb, &values);
  g_free (values.title);
  g_free (values.date);
  g_free (values.author);
  return g_string_free (text, FALSE);
}

static void
add_rendered (GPtrArray  *plan,
              const char *path,
              char       *text)
{
  PlannedFile *file = g_new0 (PlannedFile, 1);

  file->path = g_strdup (path);
  file->length = strlen (text);
  file->text = text;
  g_ptr_array_add (plan, file);
}

static gboolean
refuse_existing (const char  *path,
                 GError     **error)
{
  g_set_error (error, BYLINE_ARCHETYPE_ERROR, BYLINE_ARCHETYPE_ERROR_EXISTS,
               /* TRANSLATORS: %s is a file name. */
               _("%s already exists: choose another name, or edit that post"), path);
  return FALSE;
}

/* Writes @file, which must not exist, creating its folders. */
static gboolean
write_new_file (const PlannedFile  *planned,
                GPtrArray          *written,
                GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (planned->path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autofree char *folder = g_path_get_dirname (planned->path);
  g_autofree char *copied = NULL;
  const char *text = planned->text;
  gsize length = planned->length;

  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* TRANSLATORS: %s is a folder, the second %s the system's reason. */
                   _("Could not create the folder %s: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }
  if (planned->source != NULL)
    {
      if (!g_file_get_contents (planned->source, &copied, &length, error))
        return FALSE;
      text = copied;
    }
  /* Creating the file, rather than replacing it, leaves an existing file
   * untouched even if it appears between the check and the write. */
  stream = g_file_create (file, G_FILE_CREATE_NONE, NULL, error);
  if (stream == NULL)
    {
      if (*error != NULL && g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_clear_error (error);
          return refuse_existing (planned->path, error);
        }
      return FALSE;
    }
  g_ptr_array_add (written, g_strdup (planned->path));
  return g_output_stream_write_all (G_OUTPUT_STREAM (stream), text, length, NULL, NULL, error) &&
         g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

/* Renders the files of a folder archetype into @plan; the main content
 * file is target/index.* when the archetype has one. */
static gboolean
plan_folder (BylineSite                   *site,
             const BylineArchetypeRequest *request,
             const char                   *archetype,
             const char                   *content_path,
             const char                   *kind,
             GDateTime                    *date,
             GPtrArray                    *plan,
             char                        **content_file,
             GError                      **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (!list_folder (archetype, "", names, error))
    return FALSE;
  /* Content files first, then the others, as Hugo's buildDir does. */
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];
      g_autofree char *target = g_build_filename (request->target, name, NULL);
      g_autofree char *source = g_build_filename (archetype, name, NULL);
      g_autofree char *path = g_strconcat (content_path, "/", name, NULL);
      char *text;

      if (!is_content_file (name))
        continue;
      text = byline_archetype_render (site, request->env, source, target, path, kind, date, error);
      if (text == NULL)
        return FALSE;
      if (*content_file == NULL && g_str_has_prefix (name, "index."))
        *content_file = g_strdup (target);
      add_rendered (plan, target, text);
    }
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];
      PlannedFile *file;

      if (is_content_file (name))
        continue;
      file = g_new0 (PlannedFile, 1);
      file->path = g_build_filename (request->target, name, NULL);
      file->source = g_build_filename (archetype, name, NULL);
      g_ptr_array_add (plan, file);
    }
  for (guint i = 0; *content_file == NULL && i < plan->len; i++)
    if (((PlannedFile *) plan->pdata[i])->text != NULL)
      *content_file = g_strdup (((PlannedFile *) plan->pdata[i])->path);
  return TRUE;
}

gboolean
byline_archetype_create (BylineSite                   *site,
                         const BylineArchetypeRequest *request,
                         BylineArchetypeResult        *result,
                         GError                      **error)
{
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func ((GDestroyNotify) planned_file_free);
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *content_path = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *archetype = NULL;
  g_autofree char *content_file = NULL;
  g_autofree char *main_path = NULL;
  const char *ext;
  gboolean in_content;
  gboolean title_written = FALSE;
  GDateTime *date = request->date;

  g_return_val_if_fail (BYLINE_IS_SITE (site), FALSE);
  g_return_val_if_fail (request != NULL && request->target != NULL, FALSE);
  g_return_val_if_fail (g_path_is_absolute (request->target), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  if (request->title != NULL && g_utf8_strlen (request->title, -1) == 0)
    {
      g_set_error_literal (error, BYLINE_ARCHETYPE_ERROR, BYLINE_ARCHETYPE_ERROR_INVALID,
                           _("Give the post a title"));
      return FALSE;
    }
  if (date == NULL)
    date = now = g_date_time_new_now_local ();

  ext = extension_of (request->target);
  in_content = content_path_of (site, request->target, &content_path);
  if (!in_content)
    {
      g_autofree char *base = g_path_get_basename (request->target);

      content_path = g_strdup (base);
    }
  kind = request->kind != NULL ? g_strdup (request->kind) : section_of (content_path);

  /* Hugo looks for <kind><ext> and default<ext>: folders for a target
   * without extension, files for one with. */
  if (in_content && ext == NULL)
    {
      if (kind[0] != '\0')
        archetype = find_archetype_folder (site, kind);
      if (archetype == NULL)
        archetype = find_archetype_folder (site, "default");
    }
  if (archetype != NULL)
    {
      if (!plan_folder (site, request, archetype, content_path, kind, date, plan, &content_file,
                        error))
        return FALSE;
      if (content_file == NULL)
        {
          g_set_error (error, BYLINE_ARCHETYPE_ERROR, BYLINE_ARCHETYPE_ERROR_TEMPLATE,
                       /* TRANSLATORS: %s is a folder. */
                       _("The archetype folder %s holds no content file"), archetype);
          return FALSE;
        }
    }
  else
    {
      g_autofree char *text = NULL;

      content_file = ext != NULL ? g_strdup (request->target)
                                 : g_build_filename (request->target, "index.md", NULL);
      main_path = ext != NULL ? g_strdup (content_path)
                              : g_strconcat (content_path, "/index.md", NULL);
      if (in_content)
        archetype = find_archetype_file (site, kind, ext != NULL ? ext : "md");
      if (archetype != NULL)
        text = byline_archetype_render (site, request->env, archetype, content_file, main_path,
                                        kind, date, error);
      else
        {
          g_autoptr(GError) local_error = NULL;

          text = expand_profile_template (site, request, content_file, main_path, date,
                                          &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (text == NULL)
            text = byline_archetype_render_string (site, request->env, default_archetype,
                                                   content_file, main_path, kind, date, error);
          else
            title_written = TRUE;   /* the profile's template holds the title */
        }
      if (text == NULL)
        return FALSE;
      add_rendered (plan, content_file, g_steal_pointer (&text));
    }

  /* The user's title replaces the one the archetype derives from the
   * file name. */
  for (guint i = 0; request->title != NULL && !title_written && i < plan->len; i++)
    {
      PlannedFile *file = plan->pdata[i];

      if (file->text != NULL && strcmp (file->path, content_file) == 0)
        {
          GString *text = g_string_new (file->text);

          byline_archetype_set_title (text, request->title);
          g_free (file->text);
          file->length = text->len;
          file->text = g_string_free (text, FALSE);
        }
    }

  /* Nothing is written unless the whole post is new. A file post also
   * conflicts with a folder of its name (Hugo's errTargetConflict), and a
   * bundle with a file post of its name. */
  if (ext != NULL)
    {
      g_autofree char *folder = g_strndup (request->target,
                                           strlen (request->target) - strlen (ext) - 1);

      if (g_file_test (folder, G_FILE_TEST_IS_DIR))
        return refuse_existing (folder, error);
    }
  else
    {
      g_autofree char *file = g_strconcat (request->target, ".md", NULL);

      if (g_file_test (file, G_FILE_TEST_EXISTS))
        return refuse_existing (file, error);
    }
  for (guint i = 0; i < plan->len; i++)
    {
      PlannedFile *file = plan->pdata[i];

      if (g_file_test (file->path, G_FILE_TEST_EXISTS))
        return refuse_existing (file->path, error);
    }

  for (guint i = 0; i < plan->len; i++)
    if (!write_new_file (plan->pdata[i], written, error))
      {
        /* Leave no half-made post behind. */
        for (guint j = 0; j < written->len; j++)
          g_remove (written->pdata[j]);
        return FALSE;
      }

  result->content_file = g_steal_pointer (&content_file);
  result->archetype = g_steal_pointer (&archetype);
  result->files = g_steal_pointer (&written);
  return TRUE;
}
