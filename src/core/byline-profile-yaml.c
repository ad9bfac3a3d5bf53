/* byline-profile-yaml.c — reading a profile's YAML values, by key tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-profile"

#include "config.h"

#include "byline-profile-yaml.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* A walk visits at most this many nodes (aliases make the document a graph). */
#define MAX_VISITS 200000

gboolean
byline_loader_fail_at (BylineLoader      *loader,
         const yaml_node_t *node,
         GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, BYLINE_PROFILE_ERROR, BYLINE_PROFILE_ERROR_INVALID,
               "%s:%lu: %s", loader->file, (gulong) node->start_mark.line + 1, what);
  return FALSE;
}

yaml_node_t *
byline_loader_get_node (BylineLoader  *loader,
                        int            index,
                        GError       **error)
{
  yaml_node_t *node = yaml_document_get_node (loader->document, index);

  g_assert (node != NULL);

  /* Aliases make the document a graph: a walk could visit the same nodes
   * over and over. Cap the total work instead of trusting the shape. */
  if (++loader->visits > MAX_VISITS)
    {
      byline_loader_fail_at (loader, node, error,
                             _("The profile is too large or repeats itself through "
                               "aliases too often; write it out plainly"));
      return NULL;
    }

  return node;
}

static const char *
node_type_name (const yaml_node_t *node)
{
  switch (node->type)
    {
    case YAML_SCALAR_NODE: return _("a value");
    case YAML_SEQUENCE_NODE: return _("a list");
    case YAML_MAPPING_NODE: return _("a mapping");
    case YAML_NO_NODE:
    default: return _("nothing");
    }
}

gboolean
byline_loader_expect_type (BylineLoader       *loader,
                           const yaml_node_t  *node,
                           yaml_node_type_t    type,
                           const char         *what,
                           GError            **error)
{
  const char *wanted;

  if (node->type == type)
    return TRUE;

  wanted = type == YAML_SCALAR_NODE ? _("a value")
         : type == YAML_SEQUENCE_NODE ? _("a list")
         : _("a mapping");
  /* Translators: “%s” is a key; then what it should be and what it is. */
  return byline_loader_fail_at (loader, node, error, _("“%s” should be %s, not %s"),
                                what, wanted, node_type_name (node));
}

const char *
byline_loader_scalar (const yaml_node_t *node)
{
  return (const char *) node->data.scalar.value;
}

/* YAML's null ("", "~", "null" unquoted) reads as no value. */
gboolean
byline_loader_scalar_is_null (const yaml_node_t *node)
{
  const char *value = byline_loader_scalar (node);

  return node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
         (value[0] == '\0' || strcmp (value, "~") == 0 ||
          g_ascii_strcasecmp (value, "null") == 0);
}

gboolean
byline_loader_read_string (BylineLoader       *loader,
                           const yaml_node_t  *node,
                           const char         *what,
                           char              **out,
                           GError            **error)
{
  if (!byline_loader_expect_type (loader, node, YAML_SCALAR_NODE, what, error))
    return FALSE;

  g_free (*out);
  *out = byline_loader_scalar_is_null (node) ? NULL : g_strdup (byline_loader_scalar (node));
  return TRUE;
}

/* Like byline_loader_read_string(), but a null value reads as the empty string: for the
 * profile's own texts, which are never absent. */
gboolean
byline_loader_read_text (BylineLoader       *loader,
                         const yaml_node_t  *node,
                         const char         *what,
                         char              **out,
                         GError            **error)
{
  if (!byline_loader_read_string (loader, node, what, out, error))
    return FALSE;
  if (*out == NULL)
    *out = g_strdup ("");
  return TRUE;
}

/* Labels and help of the built-in profile are in the program's message
 * catalogue; user profiles are written in the user's own language. */
gboolean
byline_loader_read_translatable (BylineLoader       *loader,
                                 const yaml_node_t  *node,
                                 const char         *what,
                                 char              **out,
                                 GError            **error)
{
  if (!byline_loader_read_string (loader, node, what, out, error))
    return FALSE;

  if (loader->translate && *out != NULL)
    {
      char *translated = g_strdup (g_dgettext (GETTEXT_PACKAGE, *out));

      g_free (*out);
      *out = translated;
    }

  return TRUE;
}

gboolean
byline_loader_read_bool (BylineLoader       *loader,
                         const yaml_node_t  *node,
                         const char         *what,
                         gboolean           *out,
                         GError            **error)
{
  static const char * const yes[] = { "true", "yes", "on", NULL };
  static const char * const no[] = { "false", "no", "off", NULL };
  const char *value;
  guint i;

  if (!byline_loader_expect_type (loader, node, YAML_SCALAR_NODE, what, error))
    return FALSE;

  value = byline_loader_scalar (node);
  for (i = 0; yes[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (value, yes[i]) == 0)
        {
          *out = TRUE;
          return TRUE;
        }
      if (g_ascii_strcasecmp (value, no[i]) == 0)
        {
          *out = FALSE;
          return TRUE;
        }
    }

  return byline_loader_fail_at (loader, node, error,
                                _("“%s” should be true or false, not “%s”"),
                                what, value);
}

gboolean
byline_loader_read_uint64 (BylineLoader       *loader,
                           const yaml_node_t  *node,
                           const char         *what,
                           guint64             max,
                           guint64            *out,
                           GError            **error)
{
  guint64 value;

  if (!byline_loader_expect_type (loader, node, YAML_SCALAR_NODE, what, error))
    return FALSE;

  if (!g_ascii_string_to_unsigned (byline_loader_scalar (node), 10, 0, max, &value, NULL))
    {
      /* The limit goes in as text: xgettext cuts a message at a
       * G_GUINT64_FORMAT macro, and translators would never see the rest. */
      g_autofree char *limit = g_strdup_printf ("%" G_GUINT64_FORMAT, max);

      return byline_loader_fail_at (loader, node, error,
                                    _("“%s” should be a whole number from 0 to %s, "
                                      "not “%s”"),
                                    what, limit, byline_loader_scalar (node));
    }

  *out = value;
  return TRUE;
}

gboolean
byline_loader_read_severity (BylineLoader       *loader,
                             const yaml_node_t  *node,
                             const char         *what,
                             BylineSeverity     *out,
                             GError            **error)
{
  if (!byline_loader_expect_type (loader, node, YAML_SCALAR_NODE, what, error))
    return FALSE;

  if (!byline_severity_from_string (byline_loader_scalar (node), out))
    return byline_loader_fail_at (loader, node, error,
                                  _("“%s” should be error, warning, info or off, not “%s”"),
                                  what, byline_loader_scalar (node));

  return TRUE;
}

/* A list of values; a single value counts as a list of one. */
gboolean
byline_loader_read_string_list (BylineLoader        *loader,
                                const yaml_node_t   *node,
                                const char          *what,
                                char              ***out,
                                GError             **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  yaml_node_item_t *item;

  if (node->type == YAML_SCALAR_NODE)
    {
      if (!byline_loader_scalar_is_null (node))
        g_strv_builder_add (builder, byline_loader_scalar (node));
    }
  else if (byline_loader_expect_type (loader, node, YAML_SEQUENCE_NODE, what, error))
    {
      for (item = node->data.sequence.items.start; item < node->data.sequence.items.top; item++)
        {
          const yaml_node_t *child = byline_loader_get_node (loader, *item, error);

          if (child == NULL ||
              !byline_loader_expect_type (loader, child, YAML_SCALAR_NODE, what, error))
            return FALSE;
          g_strv_builder_add (builder, byline_loader_scalar (child));
        }
    }
  else
    return FALSE;

  g_strfreev (*out);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

gboolean
byline_loader_for_each_pair (BylineLoader       *loader,
                             const yaml_node_t  *node,
                             const char         *what,
                             BylinePairFunc      func,
                             gpointer            user_data,
                             GError            **error)
{
  yaml_node_pair_t *pair;

  if (!byline_loader_expect_type (loader, node, YAML_MAPPING_NODE, what, error))
    return FALSE;

  for (pair = node->data.mapping.pairs.start; pair < node->data.mapping.pairs.top; pair++)
    {
      const yaml_node_t *key = byline_loader_get_node (loader, pair->key, error);
      const yaml_node_t *value;

      if (key == NULL)
        return FALSE;
      if (key->type != YAML_SCALAR_NODE)
        return byline_loader_fail_at (loader, key, error,
                                      _("Keys in “%s” should be plain names"), what);
      if ((value = byline_loader_get_node (loader, pair->value, error)) == NULL)
        return FALSE;
      if (!func (loader, key, value, user_data, error))
        return FALSE;
    }

  return TRUE;
}

/* The value of @key in a mapping, or NULL. */
const yaml_node_t *
byline_loader_find_value (BylineLoader       *loader,
                          const yaml_node_t  *mapping,
                          const char         *key,
                          GError            **error,
                          gboolean           *failed)
{
  yaml_node_pair_t *pair;

  *failed = FALSE;
  for (pair = mapping->data.mapping.pairs.start; pair < mapping->data.mapping.pairs.top; pair++)
    {
      const yaml_node_t *k = byline_loader_get_node (loader, pair->key, error);

      if (k == NULL)
        {
          *failed = TRUE;
          return NULL;
        }
      if (k->type == YAML_SCALAR_NODE && strcmp (byline_loader_scalar (k), key) == 0)
        {
          const yaml_node_t *v = byline_loader_get_node (loader, pair->value, error);

          *failed = v == NULL;
          return v;
        }
    }

  return NULL;
}

gboolean
byline_loader_unknown_key (BylineLoader       *loader,
                           const yaml_node_t  *key,
                           const char         *where,
                           const char         *known,
                           GError            **error)
{
  /* Translators: a key of the profile, the section it is in (“a field”,
   * “a shortcode”, or the key “site”), then the keys that section knows. */
  return byline_loader_fail_at (loader, key, error, _("Unknown key “%s” in %s; use one of: %s"),
                                byline_loader_scalar (key), where, known);
}

typedef struct
{
  const BylineKeySection *section;
  gpointer       target;
} SectionTarget;

static gboolean
section_pair (BylineLoader       *loader,
              const yaml_node_t  *key,
              const yaml_node_t  *value,
              gpointer            user_data,
              GError            **error)
{
  const SectionTarget *st = user_data;
  const BylineKeySection *section = st->section;
  const char *name = byline_loader_scalar (key);
  g_autoptr(GString) known = NULL;
  const char *where;

  for (guint i = 0; i < section->n_keys; i++)
    {
      const BylineKeySpec *spec = &section->keys[i];

      if (strcmp (name, spec->name) != 0)
        continue;
      if (spec->read == NULL)
        return TRUE;
      return spec->read (loader, value, name, G_STRUCT_MEMBER_P (st->target, spec->offset),
                         error);
    }

  where = section->translate ? g_dgettext (GETTEXT_PACKAGE, section->where) : section->where;
  known = g_string_new (NULL);
  for (guint i = 0; i < section->n_keys; i++)
    g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", section->keys[i].name);
  return byline_loader_unknown_key (loader, key, where, known->str, error);
}

/* Reads every key: value pair of the mapping @node into @target. */
gboolean
byline_loader_read_section (BylineLoader            *loader,
                            const yaml_node_t       *node,
                            const char              *what,
                            const BylineKeySection  *section,
                            gpointer                 target,
                            GError                 **error)
{
  SectionTarget st = { section, target };

  return byline_loader_for_each_pair (loader, node, what, section_pair, &st, error);
}

