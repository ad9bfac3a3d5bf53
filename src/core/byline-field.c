/* byline-field.c — a typed form field over the front matter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-field"

#include "config.h"

#include "byline-field.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (byline-field-error-quark, byline_field_error)

static const char * const no_items[] = { NULL };

static void
set_edit (BylineFieldEdit *edit,
          BylineFieldEdit  value)
{
  if (edit != NULL)
    *edit = value;
}

static gboolean
is_null_scalar (const BylineFrontMatterEntry *entry)
{
  static const char * const nulls[] = { "", "~", "null", "Null", "NULL", NULL };

  return entry->kind == BYLINE_VALUE_SCALAR && entry->style == BYLINE_SCALAR_PLAIN
         && (entry->value == NULL || g_strv_contains (nulls, entry->value));
}

static gboolean
is_optional (const BylineFieldSpec *spec)
{
  return spec->missing == BYLINE_SEVERITY_OFF;
}

gboolean
byline_field_is_present (const BylineFieldSpec *spec,
                         BylineFrontMatter     *front_matter)
{
  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (front_matter), FALSE);

  return byline_front_matter_lookup (front_matter, spec->key) != NULL;
}

char *
byline_field_dup_text (const BylineFieldSpec *spec,
                       BylineFrontMatter     *front_matter)
{
  const BylineFrontMatterEntry *entry;
  char *text;
  gsize len;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (front_matter), NULL);

  entry = byline_front_matter_lookup (front_matter, spec->key);
  if (entry == NULL || is_null_scalar (entry))
    return g_strdup ("");

  if (entry->kind != BYLINE_VALUE_SCALAR)
    return g_strdup (entry->raw != NULL ? entry->raw : "");

  text = g_strdup (entry->value);
  len = strlen (text);

  /* A block scalar keeps its final line break as part of the value; the
   * field shows the text without it, and writing puts it back. */
  if (entry->style == BYLINE_SCALAR_LITERAL || entry->style == BYLINE_SCALAR_FOLDED)
    while (len > 0 && text[len - 1] == '\n')
      text[--len] = '\0';

  return text;
}

char **
byline_field_dup_strv (const BylineFieldSpec *spec,
                       BylineFrontMatter     *front_matter)
{
  const BylineFrontMatterEntry *entry;
  char **items;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (front_matter), NULL);

  entry = byline_front_matter_lookup (front_matter, spec->key);
  if (entry == NULL || is_null_scalar (entry))
    return g_strdupv ((char **) no_items);

  items = byline_front_matter_get_strv (front_matter, spec->key);
  if (items != NULL)
    return items;

  /* "keywords: istio" is not a list, but it is what the author meant. */
  if (entry->kind == BYLINE_VALUE_SCALAR)
    {
      const char * const one[] = { entry->value, NULL };

      return g_strdupv ((char **) one);
    }

  return g_strdupv ((char **) no_items);
}

gboolean
byline_field_get_bool (const BylineFieldSpec *spec,
                       BylineFrontMatter     *front_matter)
{
  gboolean value = FALSE;

  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (front_matter), FALSE);

  if (!byline_front_matter_get_bool (front_matter, spec->key, &value))
    return FALSE;
  return value;
}

/* Validation */

static const char *
skip_digits (const char *p)
{
  while (g_ascii_isdigit (*p))
    p++;
  return p;
}

/* [-+]digits: a YAML integer in decimal. */
static gboolean
is_integer (const char *text)
{
  const char *p = text;

  if (*p == '-' || *p == '+')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  return *skip_digits (p) == '\0';
}

/* A YAML decimal number: 1, -2, 1.10, .5, 1e3. */
static gboolean
is_number (const char *text)
{
  const char *p = text;
  gboolean digits = FALSE;

  if (*p == '-' || *p == '+')
    p++;
  if (g_ascii_isdigit (*p))
    {
      p = skip_digits (p);
      digits = TRUE;
    }
  if (*p == '.')
    {
      p++;
      if (g_ascii_isdigit (*p))
        {
          p = skip_digits (p);
          digits = TRUE;
        }
    }
  if (!digits)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '-' || *p == '+')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      p = skip_digits (p);
    }
  return *p == '\0';
}

static gboolean
is_typed (const BylineFieldSpec *spec)
{
  return spec->type == BYLINE_FIELD_DATE || spec->type == BYLINE_FIELD_NUMBER
         || spec->type == BYLINE_FIELD_INTEGER;
}

gboolean
byline_field_validate (const BylineFieldSpec *spec,
                       const char            *text,
                       GError               **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!is_typed (spec))
    return TRUE;

  stripped = g_strstrip (g_strdup (text));

  if (*stripped == '\0')
    {
      if (spec->missing != BYLINE_SEVERITY_ERROR)
        return TRUE;
      g_set_error (error, BYLINE_FIELD_ERROR, BYLINE_FIELD_ERROR_REQUIRED,
                   _("%s is required: enter a value."), spec->label);
      return FALSE;
    }

  switch (spec->type)
    {
    case BYLINE_FIELD_DATE:
      if (!byline_parse_date (stripped, NULL, NULL))
        {
          g_set_error (error, BYLINE_FIELD_ERROR, BYLINE_FIELD_ERROR_INVALID_DATE,
                       _("“%s” is not a date: enter it as YYYY-MM-DD, such as 2023-09-29."),
                       stripped);
          return FALSE;
        }
      break;

    case BYLINE_FIELD_NUMBER:
      if (!is_number (stripped))
        {
          g_set_error (error, BYLINE_FIELD_ERROR, BYLINE_FIELD_ERROR_INVALID_NUMBER,
                       _("“%s” is not a number: enter digits with an optional point, "
                         "such as 1.22."), stripped);
          return FALSE;
        }
      break;

    case BYLINE_FIELD_INTEGER:
      if (!is_integer (stripped))
        {
          g_set_error (error, BYLINE_FIELD_ERROR, BYLINE_FIELD_ERROR_INVALID_INTEGER,
                       _("“%s” is not a whole number: enter digits only, such as 3."),
                       stripped);
          return FALSE;
        }
      break;

    case BYLINE_FIELD_STRING:
    case BYLINE_FIELD_TEXT:
    case BYLINE_FIELD_STRING_LIST:
    case BYLINE_FIELD_BOOL:
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

/* Setting values */

static BylineTextPatch *
remove_key (const BylineFieldSpec *spec,
            BylineFrontMatter     *front_matter,
            BylineFieldEdit       *edit)
{
  BylineTextPatch *patch = NULL;

  if (byline_field_is_present (spec, front_matter))
    patch = byline_front_matter_remove (front_matter, spec->key);

  set_edit (edit, patch != NULL ? BYLINE_FIELD_EDIT_REMOVE : BYLINE_FIELD_EDIT_NONE);
  return patch;
}

static BylineTextPatch *
finish_set (BylineTextPatch *patch,
            gboolean         present,
            BylineFieldEdit *edit)
{
  /* A NULL patch here means that byline_front_matter_can_edit() refuses. */
  if (patch == NULL)
    set_edit (edit, BYLINE_FIELD_EDIT_NONE);
  else
    set_edit (edit, present ? BYLINE_FIELD_EDIT_CHANGE : BYLINE_FIELD_EDIT_INSERT);
  return patch;
}

BylineTextPatch *
byline_field_set_text (const BylineFieldSpec *spec,
                       BylineFrontMatter     *front_matter,
                       const char            *text,
                       const char * const    *key_order,
                       BylineFieldEdit       *edit,
                       GError               **error)
{
  const BylineFrontMatterEntry *entry;
  g_autofree char *value = NULL;
  g_autofree char *current = NULL;
  BylineTextPatch *patch;

  set_edit (edit, BYLINE_FIELD_EDIT_NONE);

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (front_matter), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (spec->type != BYLINE_FIELD_STRING_LIST
                        && spec->type != BYLINE_FIELD_BOOL, NULL);

  value = is_typed (spec) ? g_strstrip (g_strdup (text)) : g_strdup (text);

  if (!byline_field_validate (spec, value, error))
    return NULL;

  entry = byline_front_matter_lookup (front_matter, spec->key);
  current = byline_field_dup_text (spec, front_matter);

  if (g_str_equal (current, value) && (entry != NULL || *value == '\0'))
    return NULL;

  if (*value == '\0' && (is_optional (spec) || is_typed (spec)))
    {
      /* A refusal (an alias uses the value) says why. */
      patch = remove_key (spec, front_matter, edit);
      if (patch == NULL)
        byline_front_matter_can_edit (front_matter, spec->key, TRUE, error);
      return patch;
    }

  if (is_typed (spec))
    {
      /* A date or number in quotes stays in quotes. */
      if (entry != NULL && entry->kind == BYLINE_VALUE_SCALAR
          && (entry->style == BYLINE_SCALAR_SINGLE_QUOTED
              || entry->style == BYLINE_SCALAR_DOUBLE_QUOTED))
        patch = byline_front_matter_set_string (front_matter, spec->key, value, key_order);
      else
        patch = byline_front_matter_set_plain (front_matter, spec->key, value, key_order);
    }
  else
    {
      /* A block scalar's value ends in the line break it was written with. */
      if (entry != NULL && entry->kind == BYLINE_VALUE_SCALAR && entry->value != NULL
          && (entry->style == BYLINE_SCALAR_LITERAL || entry->style == BYLINE_SCALAR_FOLDED)
          && g_str_has_suffix (entry->value, "\n") && *value != '\0')
        {
          char *with_break = g_strconcat (value, "\n", NULL);

          g_free (value);
          value = with_break;
        }
      patch = byline_front_matter_set_string (front_matter, spec->key, value, key_order);
    }

  if (patch == NULL)
    byline_front_matter_can_edit (front_matter, spec->key, FALSE, error);
  return finish_set (patch, entry != NULL, edit);
}

BylineTextPatch *
byline_field_set_strv (const BylineFieldSpec *spec,
                       BylineFrontMatter     *front_matter,
                       const char * const    *values,
                       const char * const    *key_order,
                       BylineFieldEdit       *edit)
{
  g_auto(GStrv) current = NULL;
  gboolean present;

  set_edit (edit, BYLINE_FIELD_EDIT_NONE);

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (front_matter), NULL);
  g_return_val_if_fail (spec->type == BYLINE_FIELD_STRING_LIST, NULL);

  if (values == NULL)
    values = no_items;

  present = byline_field_is_present (spec, front_matter);
  current = byline_field_dup_strv (spec, front_matter);

  if (present && g_strv_equal ((const char * const *) current, values))
    return NULL;

  /* A list that an alias uses cannot go: it becomes empty instead. */
  if (values[0] == NULL && is_optional (spec) &&
      byline_front_matter_can_edit (front_matter, spec->key, TRUE, NULL))
    return remove_key (spec, front_matter, edit);

  return finish_set (byline_front_matter_set_strv (front_matter, spec->key, values, key_order),
                     present, edit);
}

BylineTextPatch *
byline_field_set_bool (const BylineFieldSpec *spec,
                       BylineFrontMatter     *front_matter,
                       gboolean               value,
                       const char * const    *key_order,
                       BylineFieldEdit       *edit)
{
  gboolean current = FALSE;
  gboolean present;

  set_edit (edit, BYLINE_FIELD_EDIT_NONE);

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (BYLINE_IS_FRONT_MATTER (front_matter), NULL);
  g_return_val_if_fail (spec->type == BYLINE_FIELD_BOOL, NULL);

  present = byline_field_is_present (spec, front_matter);
  if (byline_front_matter_get_bool (front_matter, spec->key, &current)
      && !current == !value)
    return NULL;

  return finish_set (byline_front_matter_set_plain (front_matter, spec->key,
                                                    value ? "true" : "false", key_order),
                     present, edit);
}
