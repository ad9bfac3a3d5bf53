/* byline-gotmpl-set.c — a site's templates, parsed once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "byline-gotmpl-exec.h"
#include "byline-gotmpl-objects.h"

/* What identifies one state of a file: a save that replaces the file (a
 * new inode) or rewrites it (size, times) changes it. */
typedef struct
{
  guint64 dev;
  guint64 ino;
  gint64  size;
  gint64  mtime_ns;
  gint64  ctime_ns;
} Stamp;

/* What the set knows about one file: its template, or why it failed. */
typedef struct
{
  BylineGotmplTemplate *tmpl;
  char                 *error;
  guint                 error_line;
  Stamp                 stamp;      /* of the file when it was read */
  guint                 checked;    /* the generation it was last checked in */
} Entry;

struct _BylineGotmplSet
{
  GObject             parent_instance;

  BylineGotmplEnv    *env;
  BylineGotmplLimits  limits;
  GMutex              lock;
  GHashTable         *by_path;   /* path → Entry */
  GHashTable         *lookups;   /* "kind/name" → path, "" for none */
  BylineGotmplValue   site;      /* made on first use */
  /* Files are checked against the disk once per generation (one render);
   * byline_gotmpl_set_revalidate starts the next one. */
  guint               generation;
  guint               n_parsed;  /* files read and parsed, for tests */
};

G_DEFINE_FINAL_TYPE (BylineGotmplSet, byline_gotmpl_set, G_TYPE_OBJECT)

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->tmpl, byline_gotmpl_template_unref);
  g_free (entry->error);
  g_free (entry);
}

static void
byline_gotmpl_set_finalize (GObject *object)
{
  BylineGotmplSet *self = BYLINE_GOTMPL_SET (object);

  g_clear_object (&self->env);
  g_clear_pointer (&self->by_path, g_hash_table_unref);
  g_clear_pointer (&self->lookups, g_hash_table_unref);
  byline_gotmpl_value_clear (&self->site);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (byline_gotmpl_set_parent_class)->finalize (object);
}

static void
byline_gotmpl_set_class_init (BylineGotmplSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = byline_gotmpl_set_finalize;
}

static void
byline_gotmpl_set_init (BylineGotmplSet *self)
{
  BylineGotmplLimits limits = BYLINE_GOTMPL_LIMITS_DEFAULT;

  self->limits = limits;
  g_mutex_init (&self->lock);
  self->by_path = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  self->lookups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * byline_gotmpl_set_new:
 * @env: (nullable): the site, or %NULL for templates that need none
 */
BylineGotmplSet *
byline_gotmpl_set_new (BylineGotmplEnv *env)
{
  BylineGotmplSet *self = g_object_new (BYLINE_TYPE_GOTMPL_SET, NULL);

  g_return_val_if_fail (env == NULL || BYLINE_IS_GOTMPL_ENV (env), NULL);
  self->env = env != NULL ? g_object_ref (env) : NULL;
  return self;
}

BylineGotmplEnv *
byline_gotmpl_set_get_env (BylineGotmplSet *self)
{
  g_return_val_if_fail (BYLINE_IS_GOTMPL_SET (self), NULL);
  return self->env;
}

void
byline_gotmpl_set_get_limits (BylineGotmplSet    *self,
                              BylineGotmplLimits *limits)
{
  g_return_if_fail (BYLINE_IS_GOTMPL_SET (self));
  *limits = self->limits;
}

void
byline_gotmpl_set_set_limits (BylineGotmplSet          *self,
                              const BylineGotmplLimits *limits)
{
  g_return_if_fail (BYLINE_IS_GOTMPL_SET (self));
  g_return_if_fail (limits != NULL);
  self->limits = *limits;
}

void
byline_gotmpl_set_invalidate (BylineGotmplSet *self,
                              const char      *path)
{
  g_return_if_fail (BYLINE_IS_GOTMPL_SET (self));

  g_mutex_lock (&self->lock);
  if (path == NULL)
    {
      g_hash_table_remove_all (self->by_path);
      byline_gotmpl_value_clear (&self->site);
    }
  else
    g_hash_table_remove (self->by_path, path);
  /* A new or removed file can change which file a name resolves to. */
  g_hash_table_remove_all (self->lookups);
  g_mutex_unlock (&self->lock);
}

/* The name Hugo gives a template: its path under layouts/. */
static char *
display_name (const char *path)
{
  const char *layouts = g_strrstr (path, "/layouts/");

  if (layouts != NULL)
    return g_strdup (layouts + strlen ("/layouts/"));
  return g_path_get_basename (path);
}

static gboolean
is_html_name (const char *name)
{
  return g_str_has_suffix (name, ".html") || g_str_has_suffix (name, ".htm");
}

static void
stamp_of (const char *path,
          Stamp      *stamp)
{
  GStatBuf st;

  memset (stamp, 0, sizeof *stamp);
  if (g_stat (path, &st) != 0)
    return;
  stamp->dev = (guint64) st.st_dev;
  stamp->ino = (guint64) st.st_ino;
  stamp->size = (gint64) st.st_size;
#ifdef G_OS_UNIX
  stamp->mtime_ns = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
  stamp->ctime_ns = (gint64) st.st_ctim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_ctim.tv_nsec;
#else
  stamp->mtime_ns = (gint64) st.st_mtime;
  stamp->ctime_ns = (gint64) st.st_ctime;
#endif
}

static gboolean
stamp_equal (const Stamp *a,
             const Stamp *b)
{
  return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
         a->mtime_ns == b->mtime_ns && a->ctime_ns == b->ctime_ns;
}

static Entry *
load_entry (const char *path)
{
  Entry *entry = g_new0 (Entry, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = display_name (path);
  gsize length = 0;
  BylineGotmplParsed *parsed;

  /* Taken before reading: a change while reading is seen next time. */
  stamp_of (path, &entry->stamp);
  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      entry->error = g_strdup (error->message);
      return entry;
    }
  parsed = byline_gotmpl_parse (name, contents, length, &entry->error_line, &error);
  if (parsed == NULL)
    {
      entry->error = g_strdup (error->message);
      return entry;
    }
  entry->tmpl = byline_gotmpl_template_new (parsed, path, is_html_name (path));
  return entry;
}

/* The entry of @path, loaded when first asked, and read again when the
 * file changed since (checked once per generation). Called and returns
 * with the lock held; the file is read outside it. */
static Entry *
lookup_entry_locked (BylineGotmplSet *self,
                     const char      *path)
{
  Entry *entry = g_hash_table_lookup (self->by_path, path);

  if (entry != NULL && entry->checked != self->generation)
    {
      Stamp now;

      stamp_of (path, &now);
      entry->checked = self->generation;
      if (!stamp_equal (&now, &entry->stamp))
        entry = NULL;
    }
  if (entry == NULL)
    {
      guint generation = self->generation;

      g_mutex_unlock (&self->lock);
      entry = load_entry (path);
      g_mutex_lock (&self->lock);
      entry->checked = generation;
      self->n_parsed++;
      /* Another thread may have loaded it meanwhile; either copy serves. */
      g_hash_table_replace (self->by_path, g_strdup (path), entry);
    }
  return entry;
}

void
byline_gotmpl_set_revalidate (BylineGotmplSet *self)
{
  g_return_if_fail (BYLINE_IS_GOTMPL_SET (self));

  g_mutex_lock (&self->lock);
  self->generation++;
  g_mutex_unlock (&self->lock);
}

guint
byline_gotmpl_set_get_n_parsed (BylineGotmplSet *self)
{
  guint n;

  g_return_val_if_fail (BYLINE_IS_GOTMPL_SET (self), 0);

  g_mutex_lock (&self->lock);
  n = self->n_parsed;
  g_mutex_unlock (&self->lock);
  return n;
}

BylineGotmplTemplate *
byline_gotmpl_set_lookup (BylineGotmplSet           *self,
                          BylineGotmplTemplateKind   kind,
                          const char                *name,
                          char                     **path_out,
                          guint                     *error_line,
                          GError                   **error)
{
  g_autofree char *key = g_strdup_printf ("%d/%s", kind, name);
  g_autofree char *path = NULL;
  const char *cached;
  Entry *entry;
  BylineGotmplTemplate *tmpl = NULL;

  if (self->env == NULL)
    return NULL;

  g_mutex_lock (&self->lock);
  cached = g_hash_table_lookup (self->lookups, key);
  path = g_strdup (cached);
  g_mutex_unlock (&self->lock);

  if (path == NULL)
    {
      /* Asked outside the lock: the environment may read folders. */
      path = byline_gotmpl_env_find_template (self->env, kind, name);
      g_mutex_lock (&self->lock);
      /* Names come from posts being typed ({{< f, {{< fi, …): keep it small. */
      if (g_hash_table_size (self->lookups) > 1000)
        g_hash_table_remove_all (self->lookups);
      g_hash_table_replace (self->lookups, g_strdup (key), g_strdup (path != NULL ? path : ""));
      g_mutex_unlock (&self->lock);
    }
  if (path == NULL || path[0] == '\0')
    return NULL;

  g_mutex_lock (&self->lock);
  entry = lookup_entry_locked (self, path);
  if (entry->tmpl != NULL)
    tmpl = byline_gotmpl_template_ref (entry->tmpl);
  else
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, entry->error);
      if (error_line != NULL)
        *error_line = entry->error_line;
    }
  g_mutex_unlock (&self->lock);

  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return tmpl;
}

static const BylineGotmplValue *
site_value (BylineGotmplSet *self)
{
  if (self->env == NULL)
    return NULL;
  g_mutex_lock (&self->lock);
  if (self->site.kind == BYLINE_GOTMPL_NIL)
    self->site = byline_gotmpl_site_new (self->env);
  g_mutex_unlock (&self->lock);
  return &self->site;
}

void
byline_gotmpl_result_clear (BylineGotmplResult *result)
{
  g_clear_pointer (&result->output, g_free);
  g_clear_pointer (&result->message, g_free);
  g_clear_pointer (&result->missing, g_free);
  g_clear_pointer (&result->file, g_free);
  if (result->messages != NULL)
    {
      for (guint i = 0; i < result->messages->len; i++)
        {
          BylineGotmplMessage *m = g_ptr_array_index (result->messages, i);

          g_free (m->text);
          g_free (m->file);
          g_free (m);
        }
      g_clear_pointer (&result->messages, g_ptr_array_unref);
    }
  memset (result, 0, sizeof *result);
}

static gboolean
run (BylineGotmplSet         *self,
     BylineGotmplTemplate    *tmpl,
     const BylineGotmplValue *dot,
     const BylineGotmplValue *page,
     BylineGotmplResult      *result)
{
  g_autoptr(GString) out = g_string_new (NULL);
  BylineGotmplExecOptions options = { self, self->env, page, NULL, self->limits };

  options.site = site_value (self);
  if (!byline_gotmpl_execute_template (tmpl, dot, &options, out, result))
    return FALSE;
  result->output = g_string_free (g_steal_pointer (&out), FALSE);
  return TRUE;
}

gboolean
byline_gotmpl_set_render_string (BylineGotmplSet         *self,
                                 const char              *name,
                                 const char              *source,
                                 const BylineGotmplValue *dot,
                                 const BylineGotmplValue *page,
                                 BylineGotmplResult      *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineGotmplTemplate) tmpl = NULL;
  BylineGotmplParsed *parsed;
  BylineGotmplValue nil = BYLINE_GOTMPL_VALUE_INIT;
  guint line = 0;

  g_return_val_if_fail (BYLINE_IS_GOTMPL_SET (self), FALSE);
  g_return_val_if_fail (name != NULL && source != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  parsed = byline_gotmpl_parse (name, source, strlen (source), &line, &error);
  if (parsed == NULL)
    {
      result->status = BYLINE_GOTMPL_ERROR;
      result->message = g_strdup (error->message);
      result->file = g_strdup (name);
      result->line = line;
      return FALSE;
    }
  tmpl = byline_gotmpl_template_new (parsed, name, is_html_name (name));
  return run (self, tmpl, dot != NULL ? dot : &nil, page, result);
}

gboolean
byline_gotmpl_set_has_shortcode (BylineGotmplSet *self,
                                 const char      *name)
{
  g_autofree char *key = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (BYLINE_IS_GOTMPL_SET (self), FALSE);
  if (self->env == NULL)
    return FALSE;
  path = byline_gotmpl_env_find_template (self->env, BYLINE_GOTMPL_SHORTCODE_TEMPLATE, name);
  return path != NULL;
}

gboolean
byline_gotmpl_set_render_shortcode (BylineGotmplSet         *self,
                                    const char              *name,
                                    const BylineGotmplValue *shortcode,
                                    BylineGotmplResult      *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineGotmplTemplate) tmpl = NULL;
  g_autofree char *path = NULL;
  guint line = 0;

  g_return_val_if_fail (BYLINE_IS_GOTMPL_SET (self), FALSE);
  g_return_val_if_fail (name != NULL && shortcode != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  tmpl = byline_gotmpl_set_lookup (self, BYLINE_GOTMPL_SHORTCODE_TEMPLATE, name, &path, &line,
                                   &error);
  if (tmpl == NULL && error == NULL)
    {
      result->status = BYLINE_GOTMPL_NOT_FOUND;
      result->message = g_strdup_printf (_("The site has no template for the shortcode “%s”"), name);
      return FALSE;
    }
  if (tmpl == NULL)
    {
      result->status = BYLINE_GOTMPL_ERROR;
      result->message = g_strdup (error->message);
      result->file = g_steal_pointer (&path);
      result->line = line;
      return FALSE;
    }
  return run (self, tmpl, shortcode, byline_gotmpl_shortcode_get_page (shortcode), result);
}

gboolean
byline_gotmpl_set_render_file (BylineGotmplSet         *self,
                               const char              *path,
                               const BylineGotmplValue *dot,
                               const BylineGotmplValue *page,
                               BylineGotmplResult      *result)
{
  g_autoptr(BylineGotmplTemplate) tmpl = NULL;
  Entry *entry;

  g_return_val_if_fail (BYLINE_IS_GOTMPL_SET (self), FALSE);
  g_return_val_if_fail (path != NULL && dot != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  g_mutex_lock (&self->lock);
  entry = lookup_entry_locked (self, path);
  if (entry->tmpl != NULL)
    tmpl = byline_gotmpl_template_ref (entry->tmpl);
  else
    {
      result->status = BYLINE_GOTMPL_ERROR;
      result->message = g_strdup (entry->error);
      result->file = g_strdup (path);
      result->line = entry->error_line;
    }
  g_mutex_unlock (&self->lock);
  if (tmpl == NULL)
    return FALSE;
  return run (self, tmpl, dot, page, result);
}
