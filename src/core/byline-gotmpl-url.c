/* byline-gotmpl-url.c — Go's url.URL for urls.Parse
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * net/url's Parse as templates use it: Scheme, Host, Path, RawQuery,
 * Fragment, Opaque and User as fields; String, Hostname, Port, IsAbs,
 * EscapedPath, RequestURI and Query (url.Values with Get and Has).
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-funcs.h"

#include <string.h>

#include "byline-gotmpl-escape.h"
#include "byline-gotmpl-objects-private.h"

typedef struct
{
  BylineGotmplObject  parent;
  char               *scheme;
  char               *opaque;
  char               *user;
  char               *host;
  char               *path;
  char               *raw_query;
  char               *fragment;
} Url;

static void
url_finalize (BylineGotmplObject *object)
{
  Url *u = (Url *) object;

  g_free (u->scheme);
  g_free (u->opaque);
  g_free (u->user);
  g_free (u->host);
  g_free (u->path);
  g_free (u->raw_query);
  g_free (u->fragment);
}

static void
escape_component (GString    *out,
                  const char *s,
                  const char *keep)
{
  for (const char *p = s; *p != '\0'; p++)
    {
      guchar c = *p;

      if (g_ascii_isalnum (c) || strchr ("-_.~", c) != NULL || (strchr (keep, c) != NULL && c != 0))
        g_string_append_c (out, c);
      else
        g_string_append_printf (out, "%%%02X", c);
    }
}

/* URL.String */
static void
url_print (BylineGotmplObject *object,
           GString            *out)
{
  Url *u = (Url *) object;

  if (u->scheme[0] != '\0')
    {
      g_string_append (out, u->scheme);
      g_string_append_c (out, ':');
    }
  if (u->opaque[0] != '\0')
    g_string_append (out, u->opaque);
  else
    {
      if (u->scheme[0] != '\0' || u->host[0] != '\0' || u->user[0] != '\0')
        {
          if (u->host[0] != '\0' || u->path[0] != '\0' || u->user[0] != '\0')
            g_string_append (out, "//");
          if (u->user[0] != '\0')
            {
              g_string_append (out, u->user);
              g_string_append_c (out, '@');
            }
          g_string_append (out, u->host);
        }
      if (u->path[0] != '\0' && u->path[0] != '/' && u->host[0] != '\0')
        g_string_append_c (out, '/');
      escape_component (out, u->path, "$&+,/:;=@");
    }
  if (u->raw_query[0] != '\0')
    {
      g_string_append_c (out, '?');
      g_string_append (out, u->raw_query);
    }
  if (u->fragment[0] != '\0')
    {
      g_string_append_c (out, '#');
      escape_component (out, u->fragment, "$&+,/:;=@!()*?");
    }
}

static gboolean
url_field (BylineGotmplObject *object,
           const char         *name,
           BylineGotmplValue  *result)
{
  Url *u = (Url *) object;
  const char *v;

  if (strcmp (name, "Scheme") == 0)
    v = u->scheme;
  else if (strcmp (name, "Opaque") == 0)
    v = u->opaque;
  else if (strcmp (name, "Host") == 0)
    v = u->host;
  else if (strcmp (name, "Path") == 0)
    v = u->path;
  else if (strcmp (name, "RawPath") == 0)
    v = "";
  else if (strcmp (name, "RawQuery") == 0)
    v = u->raw_query;
  else if (strcmp (name, "Fragment") == 0)
    v = u->fragment;
  else if (strcmp (name, "User") == 0)
    {
      *result = u->user[0] != '\0' ? byline_gotmpl_string (u->user) : byline_gotmpl_nil ();
      return TRUE;
    }
  else
    return FALSE;
  *result = byline_gotmpl_string (v);
  return TRUE;
}

#define URL(v) ((Url *) (v)->o)

static gboolean
url_string (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  GString *s = g_string_new (NULL);

  url_print (self->o, s);
  *result = byline_gotmpl_string_take (s);
  return TRUE;
}

static gboolean
url_is_abs (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  *result = byline_gotmpl_bool (URL (self)->scheme[0] != '\0');
  return TRUE;
}

/* The host without its port (and without IPv6 brackets), or the port. */
static void
split_host (const char  *host,
            char       **name,
            char       **port)
{
  const char *colon;

  if (host[0] == '[')
    {
      const char *close = strchr (host, ']');

      if (close != NULL)
        {
          *name = g_strndup (host + 1, close - host - 1);
          *port = g_strdup (close[1] == ':' ? close + 2 : "");
          return;
        }
    }
  colon = strrchr (host, ':');
  *name = colon != NULL ? g_strndup (host, colon - host) : g_strdup (host);
  *port = g_strdup (colon != NULL ? colon + 1 : "");
}

static gboolean
url_hostname (BylineGotmplCall        *call,
              const BylineGotmplValue *self,
              const BylineGotmplValue *args,
              guint                    n_args,
              BylineGotmplValue       *result)
{
  g_autofree char *port = NULL;
  char *name = NULL;

  split_host (URL (self)->host, &name, &port);
  *result = byline_gotmpl_string_own (name);
  return TRUE;
}

static gboolean
url_port (BylineGotmplCall        *call,
          const BylineGotmplValue *self,
          const BylineGotmplValue *args,
          guint                    n_args,
          BylineGotmplValue       *result)
{
  g_autofree char *name = NULL;
  char *port = NULL;

  split_host (URL (self)->host, &name, &port);
  *result = byline_gotmpl_string_own (port);
  return TRUE;
}

static gboolean
url_escaped_path (BylineGotmplCall        *call,
                  const BylineGotmplValue *self,
                  const BylineGotmplValue *args,
                  guint                    n_args,
                  BylineGotmplValue       *result)
{
  GString *s = g_string_new (NULL);

  escape_component (s, URL (self)->path, "$&+,/:;=@");
  *result = byline_gotmpl_string_take (s);
  return TRUE;
}

static gboolean
url_request_uri (BylineGotmplCall        *call,
                 const BylineGotmplValue *self,
                 const BylineGotmplValue *args,
                 guint                    n_args,
                 BylineGotmplValue       *result)
{
  Url *u = URL (self);
  GString *s = g_string_new (NULL);

  if (u->opaque[0] != '\0')
    g_string_append (s, u->opaque);
  else
    escape_component (s, u->path, "$&+,/:;=@");
  if (s->len == 0)
    g_string_append_c (s, '/');
  if (u->raw_query[0] != '\0')
    {
      g_string_append_c (s, '?');
      g_string_append (s, u->raw_query);
    }
  *result = byline_gotmpl_string_take (s);
  return TRUE;
}

/* url.Values */
typedef struct
{
  BylineGotmplObject  parent;
  BylineGotmplMap    *values;   /* key → list of strings */
} Values;

static void
values_finalize (BylineGotmplObject *object)
{
  byline_gotmpl_map_unref (((Values *) object)->values);
}

static gboolean
values_get (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  g_autofree char *key = NULL;
  const BylineGotmplValue *v;

  if (!byline_gotmpl_to_string (call, &args[0], &key))
    return FALSE;
  v = byline_gotmpl_map_lookup (((Values *) self->o)->values, key);
  *result = v != NULL && byline_gotmpl_list_length (v->l) > 0
    ? byline_gotmpl_value_copy (byline_gotmpl_list_get (v->l, 0)) : byline_gotmpl_string ("");
  return TRUE;
}

static gboolean
values_has (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  g_autofree char *key = NULL;

  if (!byline_gotmpl_to_string (call, &args[0], &key))
    return FALSE;
  *result = byline_gotmpl_bool (byline_gotmpl_map_lookup (((Values *) self->o)->values, key) != NULL);
  return TRUE;
}

static gboolean
values_field (BylineGotmplObject *object,
              const char         *name,
              BylineGotmplValue  *result)
{
  const BylineGotmplValue *v = byline_gotmpl_map_lookup (((Values *) object)->values, name);

  *result = v != NULL ? byline_gotmpl_value_copy (v) : byline_gotmpl_nil ();
  return TRUE;
}

static void
values_print (BylineGotmplObject *object,
              GString            *out)
{
  BylineGotmplValue v = byline_gotmpl_map_value (((Values *) object)->values);

  byline_gotmpl_value_print (&v, out);
}

static const BylineGotmplMethod values_methods[] = {
  { "Get", values_get, 1, 1 },
  { "Has", values_has, 1, 1 },
};

static const BylineGotmplClass values_class = {
  .type_name = "url.Values",
  .methods = values_methods,
  .n_methods = G_N_ELEMENTS (values_methods),
  .finalize = values_finalize,
  .print = values_print,
  .field = values_field,
};

static char *
unescape (const char *s,
          gboolean    plus_is_space)
{
  GString *out = g_string_new (NULL);

  for (const char *p = s; *p != '\0'; p++)
    if (*p == '%' && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]))
      {
        g_string_append_c (out, (char) (g_ascii_xdigit_value (p[1]) * 16 + g_ascii_xdigit_value (p[2])));
        p += 2;
      }
    else if (*p == '+' && plus_is_space)
      g_string_append_c (out, ' ');
    else
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static gboolean
url_query (BylineGotmplCall        *call,
           const BylineGotmplValue *self,
           const BylineGotmplValue *args,
           guint                    n_args,
           BylineGotmplValue       *result)
{
  Values *values = byline_gotmpl_object_new (&values_class, sizeof (Values));
  g_auto(GStrv) pairs = g_strsplit_set (URL (self)->raw_query, "&", -1);

  values->values = byline_gotmpl_map_new (FALSE);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *eq = strchr (pairs[i], '=');
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;
      const BylineGotmplValue *existing;
      BylineGotmplList *list;

      if (pairs[i][0] == '\0')
        continue;
      if (eq != NULL)
        *eq = '\0';
      key = unescape (pairs[i], TRUE);
      value = unescape (eq != NULL ? eq + 1 : "", TRUE);
      existing = byline_gotmpl_map_lookup (values->values, key);
      list = byline_gotmpl_list_new (2);
      if (existing != NULL)
        for (guint k = 0; k < byline_gotmpl_list_length (existing->l); k++)
          byline_gotmpl_list_append (list, byline_gotmpl_value_copy (byline_gotmpl_list_get (existing->l, k)));
      byline_gotmpl_list_append (list, byline_gotmpl_string (value));
      byline_gotmpl_map_set (values->values, key, byline_gotmpl_list_value (list));
    }
  *result = byline_gotmpl_object_value (values);
  return TRUE;
}

static const BylineGotmplMethod url_methods[] = {
  { "EscapedPath", url_escaped_path, 0, 0 },
  { "Hostname", url_hostname, 0, 0 },
  { "IsAbs", url_is_abs, 0, 0 },
  { "Port", url_port, 0, 0 },
  { "Query", url_query, 0, 0 },
  { "RequestURI", url_request_uri, 0, 0 },
  { "String", url_string, 0, 0 },
};

static const BylineGotmplClass url_class = {
  .type_name = "*url.URL",
  .methods = url_methods,
  .n_methods = G_N_ELEMENTS (url_methods),
  .finalize = url_finalize,
  .print = url_print,
  .field = url_field,
};

gboolean
byline_gotmpl_url_parse (BylineGotmplCall  *call,
                         const char        *raw,
                         BylineGotmplValue *result)
{
  Url *u;
  g_autofree char *rest = NULL;
  char *p, *hash, *q;

  for (const char *c = raw; *c != '\0'; c++)
    if ((guchar) *c < 0x20 || *c == 0x7f)
      return byline_gotmpl_call_error (call, "parse \"%s\": net/url: invalid control character in URL",
                                       raw);
  u = byline_gotmpl_object_new (&url_class, sizeof (Url));
  rest = g_strdup (raw);
  hash = strchr (rest, '#');
  u->fragment = hash != NULL ? unescape (hash + 1, FALSE) : g_strdup ("");
  if (hash != NULL)
    *hash = '\0';

  /* getScheme */
  p = rest;
  u->scheme = g_strdup ("");
  if (g_ascii_isalpha (*p))
    {
      char *c = p + 1;

      while (g_ascii_isalnum (*c) || *c == '+' || *c == '-' || *c == '.')
        c++;
      if (*c == ':')
        {
          g_free (u->scheme);
          u->scheme = g_ascii_strdown (p, c - p);
          p = c + 1;
        }
    }
  q = strchr (p, '?');
  u->raw_query = g_strdup (q != NULL ? q + 1 : "");
  if (q != NULL)
    *q = '\0';

  u->opaque = g_strdup ("");
  u->user = g_strdup ("");
  u->host = g_strdup ("");
  if (u->scheme[0] != '\0' && *p != '/')
    {
      g_free (u->opaque);
      u->opaque = g_strdup (p);
      u->path = g_strdup ("");
    }
  else
    {
      if (g_str_has_prefix (p, "//"))
        {
          char *authority = p + 2, *slash = strchr (authority, '/'), *at;

          p = slash != NULL ? slash : authority + strlen (authority);
          {
            g_autofree char *auth = g_strndup (authority, p - authority);

            at = strrchr (auth, '@');
            if (at != NULL)
              {
                g_free (u->user);
                u->user = g_strndup (auth, at - auth);
              }
            g_free (u->host);
            u->host = g_strdup (at != NULL ? at + 1 : auth);
          }
        }
      u->path = unescape (p, FALSE);
    }
  *result = byline_gotmpl_object_value (u);
  return TRUE;
}
