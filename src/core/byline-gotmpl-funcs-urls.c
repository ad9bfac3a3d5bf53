/* byline-gotmpl-funcs-urls.c — urls, path, os and safe
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo's tpl/urls (relURL and absURL from helpers/url.go, urlize from
 * common/paths Sanitize, anchorize with Goldmark's "github" anchor rules,
 * urls.Parse), tpl/path (Go's path package), tpl/os (readFile, fileExists,
 * os.Stat, confined to the site by the environment) and tpl/safe.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-funcs.h"

#include <string.h>

#include "byline-gotmpl-funcs-private.h"
#include "byline-gotmpl-objects-private.h"

/* Go's path.Clean. */
char *
byline_gotmpl_path_clean (const char *path)
{
  GString *out;
  gboolean rooted;
  gsize n = strlen (path), r = 0, dotdot = 0;

  if (n == 0)
    return g_strdup (".");
  rooted = path[0] == '/';
  out = g_string_new (rooted ? "/" : "");
  if (rooted)
    r = dotdot = 1;
  while (r < n)
    {
      if (path[r] == '/')
        r++;
      else if (path[r] == '.' && (r + 1 == n || path[r + 1] == '/'))
        r++;
      else if (path[r] == '.' && path[r + 1] == '.' && (r + 2 == n || path[r + 2] == '/'))
        {
          r += 2;
          if (out->len > dotdot)
            {
              gsize w = out->len - 1;

              while (w > dotdot && out->str[w] != '/')
                w--;
              g_string_truncate (out, w);
            }
          else if (!rooted)
            {
              if (out->len > 0)
                g_string_append_c (out, '/');
              g_string_append (out, "..");
              dotdot = out->len;
            }
        }
      else
        {
          if ((rooted && out->len != 1) || (!rooted && out->len != 0))
            g_string_append_c (out, '/');
          for (; r < n && path[r] != '/'; r++)
            g_string_append_c (out, path[r]);
        }
    }
  if (out->len == 0)
    g_string_append_c (out, '.');
  return g_string_free (out, FALSE);
}

static const char *
site_string (BylineGotmplCall *call,
             const char       *key)
{
  const BylineGotmplValue *site = byline_gotmpl_call_get_site (call);

  return byline_gotmpl_site_get_string (site, key);
}

/* relURL and absURL: helpers/url.go against the site's baseURL. */
static gboolean
is_abs_url (const char *s)
{
  const char *colon = strchr (s, ':');

  if (colon == NULL || colon == s)
    return FALSE;
  for (const char *p = s; p < colon; p++)
    if (!g_ascii_isalnum (*p) && *p != '+' && *p != '-' && *p != '.')
      return FALSE;
  return g_ascii_isalpha (s[0]);
}

/* The path of a base URL ("https://x.org/docs/" → "/docs/"). */
static char *
base_path (const char *base)
{
  const char *p = strstr (base, "://");

  if (p == NULL)
    return g_strdup (base[0] == '/' ? base : "/");
  p = strchr (p + 3, '/');
  return g_strdup (p != NULL ? p : "/");
}

static char *
base_root (const char *base)
{
  const char *p = strstr (base, "://");

  if (p == NULL)
    return g_strdup ("");
  p = strchr (p + 3, '/');
  return p != NULL ? g_strndup (base, p - base) : g_strdup (base);
}

static char *
join_keep_slash (const char *a,
                 const char *b)
{
  g_autofree char *joined = g_strconcat (a, "/", b, NULL);
  char *clean = byline_gotmpl_path_clean (joined);

  if (g_str_has_suffix (b, "/") && strcmp (clean, "/") != 0)
    {
      char *with = g_strconcat (clean, "/", NULL);

      g_free (clean);
      return with;
    }
  return clean;
}

char *
byline_gotmpl_rel_url (const char *base,
                       const char *in,
                       const char *lang_prefix)
{
  g_autofree char *root = base_root (base);
  g_autofree char *path = base_path (base);
  g_autofree char *u = NULL;
  g_autofree char *with_base = NULL;
  const char *base_url = in[0] == '/' ? root : base;

  if ((is_abs_url (in) && !g_str_has_prefix (in, base_url)) || g_str_has_prefix (in, "//"))
    return g_strdup (in);
  u = g_strdup (base_url[0] != '\0' && g_str_has_prefix (in, base_url) ? in + strlen (base_url) : in);
  if (lang_prefix != NULL && lang_prefix[0] != '\0')
    {
      const char *in2 = in[0] == '/' ? in + 1 : in;
      g_autofree char *pre = g_strconcat (lang_prefix, "/", NULL);

      if (strcmp (in2, lang_prefix) != 0 && !g_str_has_prefix (in2, pre))
        {
          char *joined = join_keep_slash (lang_prefix, u);

          /* path.Join drops a leading slash of the prefix join: keep Go's. */
          g_free (u);
          u = joined;
        }
    }
  /* AddContextRoot */
  with_base = join_keep_slash (path, u);
  if (in[0] == '\0' && !g_str_has_suffix (with_base, "/") && g_str_has_suffix (base_url, "/"))
    {
      char *t = g_strconcat (with_base, "/", NULL);

      g_free (with_base);
      with_base = t;
    }
  if (with_base[0] != '/')
    return g_strconcat ("/", with_base, NULL);
  return g_steal_pointer (&with_base);
}

char *
byline_gotmpl_abs_url (const char *base,
                       const char *in,
                       const char *lang_prefix)
{
  g_autofree char *root = base_root (base);
  g_autofree char *path = NULL;
  g_autofree char *u = g_strdup (in);
  const char *base_url;
  gboolean trailing;
  char *joined;

  if (is_abs_url (in) || g_str_has_prefix (in, "//"))
    return g_strdup (in);
  base_url = in[0] == '/' ? root : base;
  if (lang_prefix != NULL && lang_prefix[0] != '\0')
    {
      const char *in2 = in[0] == '/' ? in + 1 : in;
      g_autofree char *pre = g_strconcat (lang_prefix, "/", NULL);

      if (strcmp (in2, lang_prefix) != 0 && !g_str_has_prefix (in2, pre))
        {
          gboolean add_slash = in[0] == '\0' || g_str_has_suffix (in, "/");
          g_autofree char *j = g_strconcat (lang_prefix, "/", in, NULL);

          g_free (u);
          u = byline_gotmpl_path_clean (j);
          if (add_slash)
            {
              char *t = g_strconcat (u, "/", NULL);

              g_free (u);
              u = t;
            }
        }
    }
  /* MakePermalink (base_url, u) */
  path = base_path (base_url);
  trailing = (u[0] == '\0' && g_str_has_suffix (base_url, "/")) || g_str_has_suffix (u, "/");
  {
    g_autofree char *j = g_strconcat (path, "/", u, NULL);
    g_autofree char *clean = byline_gotmpl_path_clean (j);
    g_autofree char *host = base_root (base_url);

    if (trailing && !g_str_has_suffix (clean, "/"))
      joined = g_strconcat (host, clean, "/", NULL);
    else
      joined = g_strconcat (host, clean, NULL);
  }
  return joined;
}

static gboolean
url_func (BylineGotmplCall        *call,
          const BylineGotmplValue *arg,
          gboolean                 absolute,
          gboolean                 lang,
          BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;
  const char *base = site_string (call, "baseURL");
  const char *prefix = lang ? site_string (call, "languagePrefix") : NULL;

  if (!byline_gotmpl_to_string (call, arg, &s))
    return FALSE;
  if (base == NULL)
    base = "/";
  *result = byline_gotmpl_string_own (absolute ? byline_gotmpl_abs_url (base, s, prefix)
                                               : byline_gotmpl_rel_url (base, s, prefix));
  return TRUE;
}

static gboolean
fn_rel_url (BylineGotmplCall *call, const BylineGotmplValue *self, const BylineGotmplValue *args,
            guint n_args, BylineGotmplValue *result)
{
  return url_func (call, &args[0], FALSE, FALSE, result);
}

static gboolean
fn_abs_url (BylineGotmplCall *call, const BylineGotmplValue *self, const BylineGotmplValue *args,
            guint n_args, BylineGotmplValue *result)
{
  return url_func (call, &args[0], TRUE, FALSE, result);
}

static gboolean
fn_rel_lang_url (BylineGotmplCall *call, const BylineGotmplValue *self,
                 const BylineGotmplValue *args, guint n_args, BylineGotmplValue *result)
{
  return url_func (call, &args[0], FALSE, TRUE, result);
}

static gboolean
fn_abs_lang_url (BylineGotmplCall *call, const BylineGotmplValue *self,
                 const BylineGotmplValue *args, guint n_args, BylineGotmplValue *result)
{
  return url_func (call, &args[0], TRUE, TRUE, result);
}

/* Goldmark's "github" anchor names (markup/goldmark/autoid.go). */
char *
byline_gotmpl_anchorize (const char *s)
{
  GString *out = g_string_new (NULL);
  const char *start = s, *end = s + strlen (s);

  if (!g_utf8_validate (s, -1, NULL))
    return g_string_free (out, FALSE);
  while (start < end && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '-' || c == ' ')
        g_string_append_c (out, '-');
      else if (c == '_' || g_unichar_isalpha (c) || g_unichar_isdigit (c))
        g_string_append_unichar (out, g_unichar_tolower (c));
    }
  return g_string_free (out, FALSE);
}

static gboolean
fn_anchorize (BylineGotmplCall        *call,
              const BylineGotmplValue *self,
              const BylineGotmplValue *args,
              guint                    n_args,
              BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;

  if (!byline_gotmpl_to_string (call, &args[0], &s))
    return FALSE;
  *result = byline_gotmpl_string_own (byline_gotmpl_anchorize (s));
  return TRUE;
}

/* paths.Sanitize, lower-cased, then escaped as url.URL.String does. */
static gboolean
allowed_path_char (const char *s,
                   gsize       i,
                   gunichar    r)
{
  GUnicodeType t;

  if (r == ' ')
    return FALSE;
  if (g_unichar_isalpha (r) || g_unichar_isdigit (r))
    return TRUE;
  if (r < 0x80 && strchr ("./\\_#+~-@", (int) r) != NULL && r != 0)
    return TRUE;
  t = g_unichar_type (r);
  if (t == G_UNICODE_NON_SPACING_MARK || t == G_UNICODE_SPACING_MARK ||
      t == G_UNICODE_ENCLOSING_MARK)
    return TRUE;
  return r == '%' && g_ascii_isxdigit (s[i + 1]) && s[i + 1] != '\0' && g_ascii_isxdigit (s[i + 2]);
}

char *
byline_gotmpl_urlize (const char *s)
{
  GString *target = g_string_new (NULL), *out;
  gboolean prepend_hyphen = FALSE, was_hyphen = FALSE;
  g_autofree char *lower = NULL;
  const char *hash;

  if (!g_utf8_validate (s, -1, NULL))
    return g_string_free (target, FALSE);
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar r = g_utf8_get_char (p);

      if (allowed_path_char (s, p - s, r))
        {
          was_hyphen = r == '-';
          if (prepend_hyphen)
            {
              if (!was_hyphen)
                g_string_append_c (target, '-');
              prepend_hyphen = FALSE;
            }
          g_string_append_unichar (target, r);
        }
      else if (target->len > 0 && !was_hyphen && g_unichar_isspace (r))
        prepend_hyphen = TRUE;
    }
  lower = g_utf8_strdown (target->str, -1);
  g_string_free (target, TRUE);

  /* url.Parse (…).String (): the path escaped, a fragment after #. */
  out = g_string_new (NULL);
  hash = strchr (lower, '#');
  for (const char *p = lower; *p != '\0' && p != hash; p++)
    {
      guchar c = *p;

      if (g_ascii_isalnum (c) || strchr ("-_.~$&+,/:;=@%", c) != NULL)
        g_string_append_c (out, c);
      else
        g_string_append_printf (out, "%%%02X", c);
    }
  if (hash != NULL)
    {
      g_string_append_c (out, '#');
      for (const char *p = hash + 1; *p != '\0'; p++)
        {
          guchar c = *p;

          if (g_ascii_isalnum (c) || strchr ("-_.~$&+,/:;=@!()*?%", c) != NULL)
            g_string_append_c (out, c);
          else
            g_string_append_printf (out, "%%%02X", c);
        }
    }
  return g_string_free (out, FALSE);
}

static gboolean
fn_urlize (BylineGotmplCall        *call,
           const BylineGotmplValue *self,
           const BylineGotmplValue *args,
           guint                    n_args,
           BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;

  if (!byline_gotmpl_to_string (call, &args[0], &s))
    return FALSE;
  *result = byline_gotmpl_string_own (byline_gotmpl_urlize (s));
  return TRUE;
}

static gboolean
fn_parse (BylineGotmplCall        *call,
          const BylineGotmplValue *self,
          const BylineGotmplValue *args,
          guint                    n_args,
          BylineGotmplValue       *result)
{
  g_autofree char *s = NULL;

  if (!byline_gotmpl_to_string (call, &args[0], &s))
    return FALSE;
  return byline_gotmpl_url_parse (call, s, result);
}

static gboolean
fn_join_path (BylineGotmplCall        *call,
              const BylineGotmplValue *self,
              const BylineGotmplValue *args,
              guint                    n_args,
              BylineGotmplValue       *result)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autofree char *clean = NULL;
  g_autofree char *first = NULL;

  if (n_args == 0)
    {
      *result = byline_gotmpl_string ("");
      return TRUE;
    }
  for (guint i = 0; i < n_args; i++)
    {
      g_autoptr(GPtrArray) parts = args[i].kind == BYLINE_GOTMPL_LIST
        ? byline_gotmpl_to_strv (call, &args[i]) : NULL;

      if (parts == NULL)
        {
          char *s = NULL;

          if (!byline_gotmpl_to_string (call, &args[i], &s))
            return FALSE;
          parts = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (parts, s);
        }
      for (guint k = 0; k < parts->len; k++)
        {
          if (first == NULL)
            {
              first = g_strdup (g_ptr_array_index (parts, k));
              continue;
            }
          g_string_append_c (joined, '/');
          g_string_append (joined, g_ptr_array_index (parts, k));
        }
    }
  /* url.JoinPath: the elements joined onto the first URL's path. */
  {
    g_autofree char *rest = g_strconcat (first, joined->str, NULL);
    const char *scheme_end = strstr (rest, "://");
    const char *path_start = scheme_end != NULL ? strchr (scheme_end + 3, '/') : rest;
    g_autofree char *prefix = path_start != NULL ? g_strndup (rest, path_start - rest) : g_strdup (rest);
    g_autofree char *path = g_strdup (path_start != NULL ? path_start : "");
    gboolean trailing = g_str_has_suffix (rest, "/");

    clean = path[0] != '\0' ? byline_gotmpl_path_clean (path) : g_strdup ("");
    if (scheme_end != NULL && clean[0] != '\0' && clean[0] != '/')
      {
        char *t = g_strconcat ("/", clean, NULL);

        g_free (clean);
        clean = t;
      }
    if (strcmp (clean, ".") == 0)
      {
        g_free (clean);
        clean = g_strdup ("");
      }
    *result = byline_gotmpl_string_own (g_strconcat (prefix, clean,
                                                     trailing && !g_str_has_suffix (clean, "/") ? "/" : "",
                                                     NULL));
  }
  return TRUE;
}

static const BylineGotmplMethod urls_methods[] = {
  { "AbsLangURL", fn_abs_lang_url, 1, 1 },
  { "AbsURL", fn_abs_url, 1, 1 },
  { "Anchorize", fn_anchorize, 1, 1 },
  { "JoinPath", fn_join_path, 0, -1 },
  { "Parse", fn_parse, 1, 1 },
  { "RelLangURL", fn_rel_lang_url, 1, 1 },
  { "RelURL", fn_rel_url, 1, 1 },
  { "URLize", fn_urlize, 1, 1 },
};

static const BylineGotmplClass urls_class = {
  .type_name = "*urls.Namespace",
  .methods = urls_methods,
  .n_methods = G_N_ELEMENTS (urls_methods),
};

static gboolean
fn_urls (BylineGotmplCall        *call,
         const BylineGotmplValue *self,
         const BylineGotmplValue *args,
         guint                    n_args,
         BylineGotmplValue       *result)
{
  *result = byline_gotmpl_namespace_value (&urls_class);
  return TRUE;
}

/* path */

static gboolean
path_arg (BylineGotmplCall        *call,
          const BylineGotmplValue *arg,
          char                   **path)
{
  if (!byline_gotmpl_to_string (call, arg, path))
    return FALSE;
  g_strdelimit (*path, "\\", '/');
  return TRUE;
}

static char *
path_base (const char *p)
{
  gsize n = strlen (p);
  const char *slash;

  if (n == 0)
    return g_strdup (".");
  while (n > 0 && p[n - 1] == '/')
    n--;
  if (n == 0)
    return g_strdup ("/");
  slash = g_strrstr_len (p, n, "/");
  return slash != NULL ? g_strndup (slash + 1, p + n - slash - 1) : g_strndup (p, n);
}

static char *
path_dir (const char *p)
{
  const char *slash = strrchr (p, '/');
  g_autofree char *dir = slash != NULL ? g_strndup (p, slash - p + 1) : g_strdup ("");

  return byline_gotmpl_path_clean (dir);
}

static const char *
path_ext (const char *p)
{
  for (gssize i = strlen (p) - 1; i >= 0 && p[i] != '/'; i--)
    if (p[i] == '.')
      return p + i;
  return "";
}

static gboolean
fn_path_base (BylineGotmplCall *call, const BylineGotmplValue *self,
              const BylineGotmplValue *args, guint n_args, BylineGotmplValue *result)
{
  g_autofree char *p = NULL;

  if (!path_arg (call, &args[0], &p))
    return FALSE;
  *result = byline_gotmpl_string_own (path_base (p));
  return TRUE;
}

static gboolean
fn_path_base_name (BylineGotmplCall *call, const BylineGotmplValue *self,
                   const BylineGotmplValue *args, guint n_args, BylineGotmplValue *result)
{
  g_autofree char *p = NULL;
  char *base;

  if (!path_arg (call, &args[0], &p))
    return FALSE;
  base = path_base (p);
  base[strlen (base) - strlen (path_ext (base))] = '\0';
  *result = byline_gotmpl_string_own (base);
  return TRUE;
}

static gboolean
fn_path_clean (BylineGotmplCall *call, const BylineGotmplValue *self,
               const BylineGotmplValue *args, guint n_args, BylineGotmplValue *result)
{
  g_autofree char *p = NULL;

  if (!path_arg (call, &args[0], &p))
    return FALSE;
  *result = byline_gotmpl_string_own (byline_gotmpl_path_clean (p));
  return TRUE;
}

static gboolean
fn_path_dir (BylineGotmplCall *call, const BylineGotmplValue *self,
             const BylineGotmplValue *args, guint n_args, BylineGotmplValue *result)
{
  g_autofree char *p = NULL;

  if (!path_arg (call, &args[0], &p))
    return FALSE;
  *result = byline_gotmpl_string_own (path_dir (p));
  return TRUE;
}

static gboolean
fn_path_ext (BylineGotmplCall *call, const BylineGotmplValue *self,
             const BylineGotmplValue *args, guint n_args, BylineGotmplValue *result)
{
  g_autofree char *p = NULL;

  if (!path_arg (call, &args[0], &p))
    return FALSE;
  *result = byline_gotmpl_string (path_ext (p));
  return TRUE;
}

static gboolean
fn_path_is_abs (BylineGotmplCall *call, const BylineGotmplValue *self,
                const BylineGotmplValue *args, guint n_args, BylineGotmplValue *result)
{
  g_autofree char *p = NULL;

  if (!path_arg (call, &args[0], &p))
    return FALSE;
  *result = byline_gotmpl_bool (p[0] == '/');
  return TRUE;
}

static gboolean
fn_path_join (BylineGotmplCall *call, const BylineGotmplValue *self,
              const BylineGotmplValue *args, guint n_args, BylineGotmplValue *result)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < n_args; i++)
    {
      g_autoptr(GPtrArray) parts = args[i].kind == BYLINE_GOTMPL_LIST
        ? byline_gotmpl_to_strv (call, &args[i]) : NULL;

      if (parts == NULL)
        {
          char *s = NULL;

          if (!path_arg (call, &args[i], &s))
            return FALSE;
          parts = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (parts, s);
        }
      for (guint k = 0; k < parts->len; k++)
        {
          const char *e = g_ptr_array_index (parts, k);

          if (e[0] == '\0')
            continue;
          if (joined->len > 0)
            g_string_append_c (joined, '/');
          g_string_append (joined, e);
        }
    }
  *result = joined->len > 0 ? byline_gotmpl_string_own (byline_gotmpl_path_clean (joined->str))
                            : byline_gotmpl_string ("");
  return TRUE;
}

/* path.Split's DirFile: fields Dir and File, printed "Dir|File". */
typedef struct
{
  BylineGotmplObject  parent;
  char               *dir;
  char               *file;
} DirFile;

static void
dir_file_finalize (BylineGotmplObject *object)
{
  g_free (((DirFile *) object)->dir);
  g_free (((DirFile *) object)->file);
}

static void
dir_file_print (BylineGotmplObject *object,
                GString            *out)
{
  g_string_append_printf (out, "%s|%s", ((DirFile *) object)->dir, ((DirFile *) object)->file);
}

static gboolean
dir_file_field (BylineGotmplObject *object,
                const char         *name,
                BylineGotmplValue  *result)
{
  if (strcmp (name, "Dir") == 0)
    *result = byline_gotmpl_string (((DirFile *) object)->dir);
  else if (strcmp (name, "File") == 0)
    *result = byline_gotmpl_string (((DirFile *) object)->file);
  else
    return FALSE;
  return TRUE;
}

static const BylineGotmplClass dir_file_class = {
  .type_name = "path.DirFile",
  .finalize = dir_file_finalize,
  .print = dir_file_print,
  .field = dir_file_field,
  .complete = TRUE,
};

static gboolean
fn_path_split (BylineGotmplCall *call, const BylineGotmplValue *self,
               const BylineGotmplValue *args, guint n_args, BylineGotmplValue *result)
{
  g_autofree char *p = NULL;
  const char *slash;
  DirFile *df;

  if (!path_arg (call, &args[0], &p))
    return FALSE;
  slash = strrchr (p, '/');
  df = byline_gotmpl_object_new (&dir_file_class, sizeof (DirFile));
  df->dir = slash != NULL ? g_strndup (p, slash - p + 1) : g_strdup ("");
  df->file = g_strdup (slash != NULL ? slash + 1 : p);
  *result = byline_gotmpl_object_value (df);
  return TRUE;
}

static const BylineGotmplMethod path_methods[] = {
  { "Base", fn_path_base, 1, 1 },
  { "BaseName", fn_path_base_name, 1, 1 },
  { "Clean", fn_path_clean, 1, 1 },
  { "Dir", fn_path_dir, 1, 1 },
  { "Ext", fn_path_ext, 1, 1 },
  { "IsAbs", fn_path_is_abs, 1, 1 },
  { "Join", fn_path_join, 0, -1 },
  { "Split", fn_path_split, 1, 1 },
};

static const BylineGotmplClass path_class = {
  .type_name = "*path.Namespace",
  .methods = path_methods,
  .n_methods = G_N_ELEMENTS (path_methods),
};

static gboolean
fn_path (BylineGotmplCall        *call,
         const BylineGotmplValue *self,
         const BylineGotmplValue *args,
         guint                    n_args,
         BylineGotmplValue       *result)
{
  *result = byline_gotmpl_namespace_value (&path_class);
  return TRUE;
}

/* os: through the environment, which keeps reads inside the site. */

static gboolean
fn_read_file (BylineGotmplCall        *call,
              const BylineGotmplValue *self,
              const BylineGotmplValue *args,
              guint                    n_args,
              BylineGotmplValue       *result)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  BylineGotmplEnv *env = byline_gotmpl_call_get_env (call);
  gsize len;
  const char *data;

  if (!byline_gotmpl_to_string (call, &args[0], &path))
    return FALSE;
  if (path[0] == '\0')
    return byline_gotmpl_call_error (call, "readFile needs a filename");
  if (env == NULL)
    return byline_gotmpl_call_unsupported (call, "readFile");
  bytes = byline_gotmpl_env_read_file (env, path, &error);
  if (bytes == NULL)
    {
      /* Hugo returns "" for a missing file. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          *result = byline_gotmpl_string ("");
          return TRUE;
        }
      return byline_gotmpl_call_error (call, "%s", error->message);
    }
  data = g_bytes_get_data (bytes, &len);
  if (!byline_gotmpl_call_step (call, len / 256))
    return FALSE;
  *result = byline_gotmpl_string_len (data, len);
  return TRUE;
}

static gboolean
fn_file_exists (BylineGotmplCall        *call,
                const BylineGotmplValue *self,
                const BylineGotmplValue *args,
                guint                    n_args,
                BylineGotmplValue       *result)
{
  g_autofree char *path = NULL;
  BylineGotmplEnv *env = byline_gotmpl_call_get_env (call);

  if (!byline_gotmpl_to_string (call, &args[0], &path))
    return FALSE;
  if (env == NULL)
    return byline_gotmpl_call_unsupported (call, "fileExists");
  *result = byline_gotmpl_bool (byline_gotmpl_env_stat_file (env, path, NULL, NULL, NULL));
  return TRUE;
}

static gboolean
fn_stat (BylineGotmplCall        *call,
         const BylineGotmplValue *self,
         const BylineGotmplValue *args,
         guint                    n_args,
         BylineGotmplValue       *result)
{
  g_autofree char *path = NULL;
  BylineGotmplEnv *env = byline_gotmpl_call_get_env (call);
  gboolean is_dir = FALSE;
  goffset size = 0;
  gint64 mtime = 0;
  BylineGotmplMap *info;

  if (!byline_gotmpl_to_string (call, &args[0], &path))
    return FALSE;
  if (env == NULL)
    return byline_gotmpl_call_unsupported (call, "os.Stat");
  if (!byline_gotmpl_env_stat_file (env, path, &is_dir, &size, &mtime))
    return byline_gotmpl_call_error (call, "stat %s: no such file or directory", path);
  /* An os.FileInfo's methods, as map keys the template reads like fields. */
  info = byline_gotmpl_map_new (FALSE);
  byline_gotmpl_map_set (info, "IsDir", byline_gotmpl_bool (is_dir));
  {
    g_autofree char *base = path_base (path);

    byline_gotmpl_map_set (info, "Name", byline_gotmpl_string (base));
  }
  byline_gotmpl_map_set (info, "Size", byline_gotmpl_int (size));
  {
    g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (mtime);

    if (dt != NULL)
      byline_gotmpl_map_set (info, "ModTime", byline_gotmpl_time_new (dt));
  }
  *result = byline_gotmpl_map_value (info);
  return TRUE;
}

/* Hugo's security policy lets templates read only HUGO_ and CI variables;
 * the preview reads none and says so. */
static gboolean
fn_getenv (BylineGotmplCall        *call,
           const BylineGotmplValue *self,
           const BylineGotmplValue *args,
           guint                    n_args,
           BylineGotmplValue       *result)
{
  *result = byline_gotmpl_string ("");
  return TRUE;
}

static const BylineGotmplMethod os_methods[] = {
  { "FileExists", fn_file_exists, 1, 1 },
  { "Getenv", fn_getenv, 1, 1 },
  { "ReadFile", fn_read_file, 1, 1 },
  { "Stat", fn_stat, 1, 1 },
};

static const BylineGotmplClass os_class = {
  .type_name = "*os.Namespace",
  .methods = os_methods,
  .n_methods = G_N_ELEMENTS (os_methods),
};

static gboolean
fn_os (BylineGotmplCall        *call,
       const BylineGotmplValue *self,
       const BylineGotmplValue *args,
       guint                    n_args,
       BylineGotmplValue       *result)
{
  *result = byline_gotmpl_namespace_value (&os_class);
  return TRUE;
}

/* safe */

static gboolean
mark_safe (BylineGotmplCall        *call,
           const BylineGotmplValue *arg,
           BylineGotmplContent      content,
           BylineGotmplValue       *result)
{
  char *s = NULL;

  if (!byline_gotmpl_to_string (call, arg, &s))
    return FALSE;
  *result = byline_gotmpl_safe (s, content);
  g_free (s);
  return TRUE;
}

#define SAFE(name, content) \
  static gboolean \
  name (BylineGotmplCall *call, const BylineGotmplValue *self, const BylineGotmplValue *args, \
        guint n_args, BylineGotmplValue *result) \
  { \
    return mark_safe (call, &args[0], content, result); \
  }

SAFE (fn_safe_css, BYLINE_GOTMPL_CSS)
SAFE (fn_safe_html, BYLINE_GOTMPL_HTML)
SAFE (fn_safe_html_attr, BYLINE_GOTMPL_HTML_ATTR)
SAFE (fn_safe_js, BYLINE_GOTMPL_JS)
SAFE (fn_safe_js_str, BYLINE_GOTMPL_JS_STR)
SAFE (fn_safe_url, BYLINE_GOTMPL_URL)

static const BylineGotmplMethod safe_methods[] = {
  { "CSS", fn_safe_css, 1, 1 },
  { "HTML", fn_safe_html, 1, 1 },
  { "HTMLAttr", fn_safe_html_attr, 1, 1 },
  { "JS", fn_safe_js, 1, 1 },
  { "JSStr", fn_safe_js_str, 1, 1 },
  { "URL", fn_safe_url, 1, 1 },
};

static const BylineGotmplClass safe_class = {
  .type_name = "*safe.Namespace",
  .methods = safe_methods,
  .n_methods = G_N_ELEMENTS (safe_methods),
};

static gboolean
fn_safe (BylineGotmplCall        *call,
         const BylineGotmplValue *self,
         const BylineGotmplValue *args,
         guint                    n_args,
         BylineGotmplValue       *result)
{
  *result = byline_gotmpl_namespace_value (&safe_class);
  return TRUE;
}

static const BylineGotmplMethod methods[] = {
  { "absLangURL", fn_abs_lang_url, 1, 1 },
  { "absURL", fn_abs_url, 1, 1 },
  { "anchorize", fn_anchorize, 1, 1 },
  { "fileExists", fn_file_exists, 1, 1 },
  { "getenv", fn_getenv, 1, 1 },
  { "os", fn_os, 0, -1 },
  { "path", fn_path, 0, -1 },
  { "readFile", fn_read_file, 1, 1 },
  { "relLangURL", fn_rel_lang_url, 1, 1 },
  { "relURL", fn_rel_url, 1, 1 },
  { "safe", fn_safe, 0, -1 },
  { "safeCSS", fn_safe_css, 1, 1 },
  { "safeHTML", fn_safe_html, 1, 1 },
  { "safeHTMLAttr", fn_safe_html_attr, 1, 1 },
  { "safeJS", fn_safe_js, 1, 1 },
  { "safeJSStr", fn_safe_js_str, 1, 1 },
  { "safeURL", fn_safe_url, 1, 1 },
  { "urlize", fn_urlize, 1, 1 },
  { "urls", fn_urls, 0, -1 },
};

const BylineGotmplFuncTable byline_gotmpl_funcs_urls = { methods, G_N_ELEMENTS (methods) };
