/* byline-image-shortcode.c — the image shortcode's text and the pictures of a bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-image"

#include "config.h"

#include "byline-image-shortcode.h"

#include "byline-bundle.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* A bundle holding this many pictures of one name is not going to want the
 * next number: stop rather than loop over a hostile folder. */
#define MAX_NUMBERED_NAMES 10000

G_DEFINE_BOXED_TYPE (BylineImageFields, byline_image_fields,
                     byline_image_fields_copy, byline_image_fields_free)

BylineImageFields *
byline_image_fields_new (void)
{
  BylineImageFields *self = g_new0 (BylineImageFields, 1);

  self->extra = g_ptr_array_new_with_free_func (g_free);
  return self;
}

BylineImageFields *
byline_image_fields_copy (const BylineImageFields *self)
{
  BylineImageFields *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = byline_image_fields_new ();
  copy->width = g_strdup (self->width);
  copy->ratio = g_strdup (self->ratio);
  copy->link = g_strdup (self->link);
  copy->alt = g_strdup (self->alt);
  copy->title = g_strdup (self->title);
  copy->caption = g_strdup (self->caption);
  for (guint i = 0; i < self->extra->len; i++)
    g_ptr_array_add (copy->extra, g_strdup (g_ptr_array_index (self->extra, i)));
  return copy;
}

void
byline_image_fields_free (BylineImageFields *self)
{
  if (self == NULL)
    return;

  g_free (self->width);
  g_free (self->ratio);
  g_free (self->link);
  g_free (self->alt);
  g_free (self->title);
  g_free (self->caption);
  g_ptr_array_unref (self->extra);
  g_free (self);
}

static char **
field_slot (BylineImageFields *self,
            BylineImageField   field)
{
  switch (field)
    {
    case BYLINE_IMAGE_FIELD_LINK:
      return &self->link;
    case BYLINE_IMAGE_FIELD_WIDTH:
      return &self->width;
    case BYLINE_IMAGE_FIELD_RATIO:
      return &self->ratio;
    case BYLINE_IMAGE_FIELD_ALT:
      return &self->alt;
    case BYLINE_IMAGE_FIELD_TITLE:
      return &self->title;
    case BYLINE_IMAGE_FIELD_CAPTION:
      return &self->caption;
    default:
      g_assert_not_reached ();
    }
}

const char *
byline_image_fields_get (const BylineImageFields *self,
                         BylineImageField         field)
{
  const char *value;

  g_return_val_if_fail (self != NULL, NULL);

  value = *field_slot ((BylineImageFields *) self, field);
  return value != NULL ? value : "";
}

void
byline_image_fields_set (BylineImageFields *self,
                         BylineImageField   field,
                         const char        *value)
{
  char **slot;

  g_return_if_fail (self != NULL);

  slot = field_slot (self, field);
  g_free (*slot);
  *slot = value != NULL && value[0] != '\0' ? g_strdup (value) : NULL;
}

gboolean
byline_image_fields_equal (const BylineImageFields *a,
                           const BylineImageFields *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  for (BylineImageField field = BYLINE_IMAGE_FIELD_LINK; field <= BYLINE_IMAGE_FIELD_CAPTION;
       field++)
    if (strcmp (byline_image_fields_get (a, field), byline_image_fields_get (b, field)) != 0)
      return FALSE;

  if (a->extra->len != b->extra->len)
    return FALSE;
  for (guint i = 0; i < a->extra->len; i++)
    if (strcmp (g_ptr_array_index (a->extra, i), g_ptr_array_index (b->extra, i)) != 0)
      return FALSE;

  return TRUE;
}

/* Text */

static gboolean
is_set (const char *value)
{
  return value != NULL && value[0] != '\0';
}

/* Writes a double-quoted value that byline_shortcode_scan() and Hugo both
 * read back as @value. Hugo only unescapes \", so a backslash is doubled
 * only where it would otherwise join the next character into an escape
 * (before " or \) or swallow the closing quote; elsewhere it stays single
 * and the site shows it as written. */
static void
append_value (GString    *out,
              const char *value)
{
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;

        case '\\':
          if (p[1] == '\\' || p[1] == '"' || p[1] == '\0')
            g_string_append (out, "\\\\");
          else
            g_string_append_c (out, '\\');
          break;

        case '\r':
          if (p[1] != '\n')
            g_string_append_c (out, ' ');
          break;

        case '\n':
        case '\t':
          g_string_append_c (out, ' ');
          break;

        default:
          g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_param (GString    *out,
              gboolean    own_line,
              const char *name,
              const char *value)
{
  g_string_append (out, own_line ? "\n    " : " ");
  g_string_append (out, name);
  g_string_append_c (out, '=');
  append_value (out, value);
}

char *
byline_image_fields_to_shortcode (const BylineImageFields *self)
{
  GString *out;
  gboolean link_first;
  gboolean multiline = FALSE;
  const char *rest[][2] = {
    { "alt", self != NULL ? self->alt : NULL },
    { "title", self != NULL ? self->title : NULL },
    { "caption", self != NULL ? self->caption : NULL },
  };

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new ("{{< image");

  /* The site keeps the figure's size on the first line and gives every
   * other parameter a line of its own. */
  if (is_set (self->width))
    append_param (out, FALSE, "width", self->width);
  if (is_set (self->ratio))
    append_param (out, FALSE, "ratio", self->ratio);

  link_first = !is_set (self->width) && !is_set (self->ratio);
  append_param (out, !link_first, "link", self->link != NULL ? self->link : "");
  multiline = !link_first;

  for (guint i = 0; i < G_N_ELEMENTS (rest); i++)
    if (is_set (rest[i][1]))
      {
        append_param (out, TRUE, rest[i][0], rest[i][1]);
        multiline = TRUE;
      }

  for (guint i = 0; i + 1 < self->extra->len; i += 2)
    {
      append_param (out, TRUE, g_ptr_array_index (self->extra, i),
                    g_ptr_array_index (self->extra, i + 1));
      multiline = TRUE;
    }

  g_string_append (out, multiline ? "\n    >}}" : " >}}");
  return g_string_free (out, FALSE);
}

static gboolean
is_image_call (const BylineShortcode *call)
{
  return (call->kind == BYLINE_SHORTCODE_OPEN || call->kind == BYLINE_SHORTCODE_SELF_CLOSING) &&
         g_strcmp0 (call->name, "image") == 0;
}

BylineImageFields *
byline_image_fields_new_from_call (const BylineShortcode *call)
{
  static const struct {
    const char       *name;
    BylineImageField  field;
  } known[] = {
    { "link", BYLINE_IMAGE_FIELD_LINK },
    { "width", BYLINE_IMAGE_FIELD_WIDTH },
    { "ratio", BYLINE_IMAGE_FIELD_RATIO },
    { "alt", BYLINE_IMAGE_FIELD_ALT },
    { "title", BYLINE_IMAGE_FIELD_TITLE },
    { "caption", BYLINE_IMAGE_FIELD_CAPTION },
  };
  BylineImageFields *self;
  guint seen = 0;

  g_return_val_if_fail (call != NULL, NULL);

  if (!is_image_call (call))
    return NULL;

  self = byline_image_fields_new ();
  for (guint i = 0; i < call->params->len; i++)
    {
      const BylineShortcodeParam *param = g_ptr_array_index (call->params, i);
      gboolean is_known = FALSE;

      if (param->name == NULL)
        continue;

      /* Hugo reads the first of repeated names, as byline_shortcode_get_param() does. */
      for (guint j = 0; j < G_N_ELEMENTS (known); j++)
        if (strcmp (param->name, known[j].name) == 0)
          {
            is_known = TRUE;
            if ((seen & (1u << j)) == 0)
              {
                seen |= 1u << j;
                g_free (*field_slot (self, known[j].field));
                *field_slot (self, known[j].field) = g_strdup (param->value);
              }
          }

      if (!is_known)
        {
          g_ptr_array_add (self->extra, g_strdup (param->name));
          g_ptr_array_add (self->extra, g_strdup (param->value));
        }
    }

  return self;
}

const BylineShortcode *
byline_image_find_call (const BylineShortcodeList *list,
                        gsize                      offset)
{
  g_return_val_if_fail (list != NULL, NULL);

  for (guint i = 0; i < list->calls->len; i++)
    {
      const BylineShortcode *call = g_ptr_array_index (list->calls, i);

      if (call->span.start > offset)
        break;
      if (offset <= call->span.end && is_image_call (call))
        return call;
    }

  return NULL;
}

BylineTextPatch *
byline_image_replace_patch (const BylineShortcode   *call,
                            const BylineImageFields *fields)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (call != NULL, NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  text = byline_image_fields_to_shortcode (fields);
  return byline_text_patch_new (call->span.start, call->span.end - call->span.start, text);
}

BylineTextPatch *
byline_image_insert_patch (const char *text,
                           gsize       length,
                           gsize       offset,
                           const char *shortcode,
                           gsize      *shortcode_offset)
{
  const char *lead;
  const char *trail;
  guint before = 0;
  guint after = 0;
  g_autofree char *insert = NULL;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (offset <= length, NULL);
  g_return_val_if_fail (shortcode != NULL, NULL);

  while (before < 2 && before < offset && text[offset - 1 - before] == '\n')
    before++;
  while (after < 2 && offset + after < length && text[offset + after] == '\n')
    after++;

  /* A figure is a block of its own: a blank line keeps it out of the
   * paragraph before and after it. */
  if (offset == 0 || before >= 2)
    lead = "";
  else if (before == 1)
    lead = "\n";
  else
    lead = "\n\n";

  if (offset == length)
    trail = "\n";
  else if (after >= 2 || (after == 1 && offset + 1 == length))
    trail = "";
  else if (after == 1)
    trail = "\n";
  else
    trail = "\n\n";

  if (shortcode_offset != NULL)
    *shortcode_offset = offset + strlen (lead);

  insert = g_strconcat (lead, shortcode, trail, NULL);
  return byline_text_patch_new (offset, 0, insert);
}

/* Checks */

void
byline_image_problem_free (BylineImageProblem *self)
{
  if (self == NULL)
    return;

  g_free (self->message);
  g_free (self);
}

static void
add_problem (GPtrArray        *problems,
             BylineProfile    *profile,
             BylineImageField  field,
             const char       *rule_id,
             BylineSeverity    default_severity,
             char             *message)
{
  BylineSeverity severity = default_severity;
  BylineImageProblem *problem;

  if (profile != NULL)
    severity = byline_profile_get_rule_severity (profile, rule_id, default_severity);
  if (severity == BYLINE_SEVERITY_OFF)
    {
      g_free (message);
      return;
    }

  problem = g_new0 (BylineImageProblem, 1);
  problem->field = field;
  problem->severity = severity;
  problem->rule_id = rule_id;
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

static gboolean
is_valid_width (const char *width)
{
  const char *p = width;
  gboolean digits = FALSE;

  while (g_ascii_isdigit (*p))
    {
      digits = TRUE;
      p++;
    }
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        {
          digits = TRUE;
          p++;
        }
    }

  return digits && (strcmp (p, "%") == 0 || strcmp (p, "px") == 0);
}

static gboolean
ends_with_period (const char *text)
{
  gsize end = strlen (text);

  /* As the linter does: spaces before the closing quote do not hide it. */
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t'))
    end--;
  return end > 0 && text[end - 1] == '.';
}

GPtrArray *
byline_image_fields_check (const BylineImageFields *self,
                           BylineProfile           *profile)
{
  GPtrArray *problems;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (profile == NULL || BYLINE_IS_PROFILE (profile), NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_image_problem_free);

  if (!is_set (self->link))
    add_problem (problems, profile, BYLINE_IMAGE_FIELD_LINK, "shortcode/missing-param",
                 BYLINE_SEVERITY_ERROR,
                 g_strdup (_("Choose a picture, or write its file name in Link")));

  if (is_set (self->width) && !is_valid_width (self->width))
    add_problem (problems, profile, BYLINE_IMAGE_FIELD_WIDTH, "image/width",
                 BYLINE_SEVERITY_WARNING,
                 g_strdup_printf (_("Write the width “%s” as a percentage of the text "
                                    "column, such as 75%%"), self->width));

  if (is_set (self->link) && !is_set (self->ratio) &&
      byline_bundle_classify_link (self->link, NULL) == BYLINE_LINK_EXTERNAL)
    add_problem (problems, profile, BYLINE_IMAGE_FIELD_RATIO, "image/external-ratio",
                 BYLINE_SEVERITY_ERROR,
                 g_strdup (_("External image without a ratio: add the height divided by "
                             "the width, such as 56.25%, the site cannot measure images it "
                             "does not hold")));

  if (!is_set (self->alt) && !is_set (self->caption) && !is_set (self->title))
    add_problem (problems, profile, BYLINE_IMAGE_FIELD_ALT, "image/missing-alt",
                 BYLINE_SEVERITY_WARNING,
                 g_strdup (_("Image without alt text or caption: describe it for readers "
                             "who cannot see it")));

  if (is_set (self->caption) && ends_with_period (self->caption))
    add_problem (problems, profile, BYLINE_IMAGE_FIELD_CAPTION, "image/caption-period",
                 BYLINE_SEVERITY_ERROR,
                 g_strdup (_("The caption ends with a period: remove it, captions are not "
                             "sentences on the site")));

  return problems;
}

/* Sizes */

char *
byline_image_format_ratio (int width,
                           int height)
{
  guint64 hundredths;
  guint64 whole;
  guint64 fraction;

  if (width <= 0 || height <= 0)
    return NULL;

  /* Integer arithmetic keeps the text free of the locale's decimal mark. */
  hundredths = ((guint64) height * 10000 + (guint64) width / 2) / (guint64) width;
  whole = hundredths / 100;
  fraction = hundredths % 100;

  if (fraction == 0)
    return g_strdup_printf ("%" G_GUINT64_FORMAT "%%", whole);
  if (fraction % 10 == 0)
    return g_strdup_printf ("%" G_GUINT64_FORMAT ".%" G_GUINT64_FORMAT "%%", whole, fraction / 10);
  return g_strdup_printf ("%" G_GUINT64_FORMAT ".%02" G_GUINT64_FORMAT "%%", whole, fraction);
}

const char *
byline_image_get_default_width (BylineProfile *profile)
{
  const char * const *widths;

  g_return_val_if_fail (BYLINE_IS_PROFILE (profile), NULL);

  widths = byline_profile_get_image_widths (profile);
  if (g_strv_contains (widths, "75%"))
    return "75%";
  return widths[0];
}

gboolean
byline_image_needs_ratio (BylineProfile *profile,
                          const char    *link)
{
  const BylineShortcodeSpec *spec;
  const BylineParamSpec *param;

  g_return_val_if_fail (profile == NULL || BYLINE_IS_PROFILE (profile), FALSE);

  if (link != NULL && byline_bundle_classify_link (link, NULL) == BYLINE_LINK_EXTERNAL)
    return TRUE;
  if (profile == NULL)
    return FALSE;

  spec = byline_profile_lookup_shortcode (profile, "image");
  param = spec != NULL ? byline_shortcode_spec_lookup_param (spec, "ratio") : NULL;
  return param != NULL && param->required;
}

/* File names */

char *
byline_image_safe_file_name (const char *name)
{
  g_autofree char *base = NULL;
  g_autofree char *ascii = NULL;
  const char *dot;
  GString *out;
  gsize stem_end;
  gboolean dash = FALSE;

  g_return_val_if_fail (name != NULL, NULL);

  base = g_path_get_basename (name);
  if (!g_utf8_validate (base, -1, NULL))
    {
      char *valid = g_utf8_make_valid (base, -1);

      g_free (base);
      base = valid;
    }
  ascii = g_str_to_ascii (base, "C");

  /* A leading dot makes a hidden file, not an extension. */
  dot = strrchr (ascii, '.');
  if (dot == ascii)
    dot = NULL;
  stem_end = dot != NULL ? (gsize) (dot - ascii) : strlen (ascii);

  out = g_string_new (NULL);
  for (gsize i = 0; i < stem_end; i++)
    {
      char c = g_ascii_tolower (ascii[i]);

      if (g_ascii_isalnum (c))
        {
          if (dash && out->len > 0)
            g_string_append_c (out, '-');
          g_string_append_c (out, c);
          dash = FALSE;
        }
      else
        {
          dash = TRUE;
        }
    }
  if (out->len == 0)
    g_string_append (out, "image");

  if (dot != NULL)
    {
      gsize mark = out->len;

      g_string_append_c (out, '.');
      for (const char *p = dot + 1; *p != '\0'; p++)
        if (g_ascii_isalnum (*p))
          g_string_append_c (out, g_ascii_tolower (*p));
      if (out->len == mark + 1)
        g_string_truncate (out, mark);
    }

  return g_string_free (out, FALSE);
}

char *
byline_image_numbered_name (const char *name,
                            guint       number)
{
  const char *dot;

  g_return_val_if_fail (name != NULL, NULL);

  if (number <= 1)
    return g_strdup (name);

  dot = strrchr (name, '.');
  if (dot == NULL || dot == name)
    return g_strdup_printf ("%s-%u", name, number);
  return g_strdup_printf ("%.*s-%u%s", (int) (dot - name), name, number, dot);
}

char *
byline_image_pasted_name (GDateTime *time)
{
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  stamp = g_date_time_format (time, "%Y%m%d-%H%M%S");
  return g_strdup_printf ("pasted-image-%s.png", stamp);
}

/* Copies */

typedef gboolean (*CreateFunc) (GFile         *target,
                                gpointer       data,
                                GCancellable  *cancellable,
                                GError       **error);

/* Tries name, name-2, name-3, … until @create makes a file that did not
 * exist: the create itself refuses existing files, so two copies racing
 * for one name never replace each other. */
static GFile *
create_numbered (GFile         *folder,
                 const char    *name,
                 CreateFunc     create,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *safe = byline_image_safe_file_name (name);

  for (guint number = 1; number <= MAX_NUMBERED_NAMES; number++)
    {
      g_autofree char *candidate = byline_image_numbered_name (safe, number);
      g_autoptr(GFile) target = g_file_get_child (folder, candidate);
      g_autoptr(GError) local_error = NULL;

      if (create (target, data, cancellable, &local_error))
        return g_steal_pointer (&target);

      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_autofree char *folder_name = g_file_get_parse_name (folder);

          g_set_error (error, local_error->domain, local_error->code,
                       _("Could not put “%s” into the post’s folder %s: %s"),
                       candidate, folder_name, local_error->message);
          return NULL;
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("The post’s folder already holds too many pictures named like “%s”: "
                 "rename the picture first"), safe);
  return NULL;
}

static gboolean
copy_create (GFile         *target,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  /* Without G_FILE_COPY_OVERWRITE the copy fails with EXISTS. */
  return g_file_copy (data, target, G_FILE_COPY_NONE, cancellable, NULL, NULL, error);
}

static gboolean
bytes_create (GFile         *target,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  GBytes *bytes = data;
  gsize written = 0;

  stream = g_file_create (target, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes), &written, cancellable, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error))
    {
      /* A half-written picture is worse than none. */
      g_file_delete (target, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

GFile *
byline_image_copy_into_bundle (GFile         *source,
                               GFile         *folder,
                               const char    *name,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (G_IS_FILE (source), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parent = g_file_get_parent (source);
  if (parent != NULL && g_file_equal (parent, folder))
    return g_object_ref (source);

  if (name == NULL)
    basename = g_file_get_basename (source);
  return create_numbered (folder, name != NULL ? name : basename, copy_create, source,
                          cancellable, error);
}

GFile *
byline_image_save_into_bundle (GBytes        *bytes,
                               GFile         *folder,
                               const char    *name,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return create_numbered (folder, name, bytes_create, bytes, cancellable, error);
}

char *
byline_image_dup_size_warning (BylineProfile *profile,
                               const char    *name,
                               guint64        size)
{
  guint64 limit;
  g_autofree char *size_text = NULL;
  g_autofree char *limit_text = NULL;

  g_return_val_if_fail (BYLINE_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  limit = byline_profile_get_large_image_bytes (profile);
  if (limit == 0 || size <= limit)
    return NULL;

  size_text = g_format_size (size);
  limit_text = g_format_size (limit);
  return g_strdup_printf (_("“%s” is %s, more than the %s a picture should be: make it "
                            "smaller so that the page loads quickly"),
                          name, size_text, limit_text);
}
