/* byline-bundle.c — a post's page bundle: its folder and the files beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-bundle"

#include "config.h"

#include "byline-bundle.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>
#include <string.h>

/* The <svg> start tag sits near the top of the file; a prefix this long
 * is enough for files with long comments or DOCTYPEs before it. */
#define SVG_HEAD_MAX (256 * 1024)

typedef struct
{
  gboolean ok;
  int      width;
  int      height;
} ImageSize;

struct _BylineBundle
{
  GObject     parent_instance;

  GFile      *post_file;
  GFile      *folder;

  /* Filled on first use, emptied by byline_bundle_reload(). */
  GPtrArray  *files;        /* of char *, sorted, NULL-terminated */
  GHashTable *sizes;        /* name → guint64 * */
  GHashTable *image_sizes;  /* name → ImageSize * */

  gboolean    site_root_known;
  GFile      *site_root;
  GPtrArray  *content_bases;  /* of GFile *: content/<lang>/ and content/ */
};

G_DEFINE_FINAL_TYPE (BylineBundle, byline_bundle, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_POST_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
byline_bundle_clear_caches (BylineBundle *self)
{
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->sizes, g_hash_table_unref);
  g_hash_table_remove_all (self->image_sizes);
  g_clear_pointer (&self->content_bases, g_ptr_array_unref);
}

static void
byline_bundle_finalize (GObject *object)
{
  BylineBundle *self = (BylineBundle *) object;

  byline_bundle_clear_caches (self);
  g_clear_pointer (&self->image_sizes, g_hash_table_unref);
  g_clear_object (&self->site_root);
  g_clear_object (&self->folder);
  g_clear_object (&self->post_file);

  G_OBJECT_CLASS (byline_bundle_parent_class)->finalize (object);
}

static void
byline_bundle_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BylineBundle *self = BYLINE_BUNDLE (object);

  switch (prop_id)
    {
    case PROP_POST_FILE:
      g_value_set_object (value, self->post_file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_bundle_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BylineBundle *self = BYLINE_BUNDLE (object);

  switch (prop_id)
    {
    case PROP_POST_FILE:
      g_set_object (&self->post_file, g_value_get_object (value));
      g_clear_object (&self->folder);
      if (self->post_file != NULL)
        self->folder = g_file_get_parent (self->post_file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_bundle_class_init (BylineBundleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_bundle_finalize;
  object_class->get_property = byline_bundle_get_property;
  object_class->set_property = byline_bundle_set_property;

  properties[PROP_POST_FILE] =
    g_param_spec_object ("post-file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_bundle_init (BylineBundle *self)
{
  self->image_sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

BylineBundle *
byline_bundle_new (GFile *post_file)
{
  g_return_val_if_fail (G_IS_FILE (post_file), NULL);

  return g_object_new (BYLINE_TYPE_BUNDLE, "post-file", post_file, NULL);
}

GFile *
byline_bundle_get_folder (BylineBundle *self)
{
  g_return_val_if_fail (BYLINE_IS_BUNDLE (self), NULL);

  return self->folder;
}

GFile *
byline_bundle_get_post_file (BylineBundle *self)
{
  g_return_val_if_fail (BYLINE_IS_BUNDLE (self), NULL);

  return self->post_file;
}

void
byline_bundle_reload (BylineBundle *self)
{
  g_return_if_fail (BYLINE_IS_BUNDLE (self));

  byline_bundle_clear_caches (self);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
byline_bundle_ensure_files (BylineBundle *self)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) error = NULL;

  if (self->files != NULL)
    return;

  self->files = g_ptr_array_new_with_free_func (g_free);
  self->sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (self->folder == NULL)
    goto done;

  /* Symbolic links are followed, as Hugo does when it builds the site. */
  enumerator = g_file_enumerate_children (self->folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                          G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                          G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (enumerator == NULL)
    {
      g_debug ("Cannot list the bundle folder: %s", error->message);
      goto done;
    }

  for (;;)
    {
      GFileInfo *info = NULL;
      const char *name;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, &error))
        {
          g_debug ("Cannot list the bundle folder: %s", error->message);
          break;
        }
      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
          name[0] == '.' || g_str_has_suffix (name, ".md"))
        continue;

      g_ptr_array_add (self->files, g_strdup (name));
      g_hash_table_insert (self->sizes, g_strdup (name),
                           g_memdup2 (&(guint64) { g_file_info_get_size (info) },
                                      sizeof (guint64)));
    }

done:
  g_ptr_array_sort (self->files, compare_names);
  g_ptr_array_add (self->files, NULL);
}

const char * const *
byline_bundle_get_files (BylineBundle *self)
{
  g_return_val_if_fail (BYLINE_IS_BUNDLE (self), NULL);

  byline_bundle_ensure_files (self);
  return (const char * const *) self->files->pdata;
}

/* A file below the folder for @name, or NULL when @name is empty, absolute
 * or climbs out of the folder. */
static GFile *
resolve_name (BylineBundle *self,
              const char   *name)
{
  g_auto(GStrv) segments = NULL;

  if (self->folder == NULL || name[0] == '\0' || name[0] == '/')
    return NULL;

  segments = g_strsplit (name, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    if (strcmp (segments[i], "..") == 0)
      return NULL;

  return g_file_resolve_relative_path (self->folder, name);
}

gboolean
byline_bundle_has_file (BylineBundle *self,
                        const char   *name)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (BYLINE_IS_BUNDLE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  byline_bundle_ensure_files (self);
  if (g_hash_table_contains (self->sizes, name))
    return TRUE;
  if (strchr (name, '/') == NULL)
    return FALSE;

  /* Bundles may keep resources in sub-folders (img/x.png). */
  file = resolve_name (self, name);
  return file != NULL &&
         g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_REGULAR;
}

guint64
byline_bundle_get_file_size (BylineBundle *self,
                             const char   *name)
{
  const guint64 *size;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (BYLINE_IS_BUNDLE (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  byline_bundle_ensure_files (self);
  size = g_hash_table_lookup (self->sizes, name);
  if (size != NULL)
    return *size;

  file = resolve_name (self, name);
  if (file != NULL)
    info = g_file_query_info (file,
                              G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                              G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return 0;
  return g_file_info_get_size (info);
}

/* RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":" */
static gboolean
has_scheme (const char *link)
{
  const char *p = link;

  if (!g_ascii_isalpha (*p))
    return FALSE;
  for (p++; *p != '\0'; p++)
    {
      if (*p == ':')
        return TRUE;
      if (!g_ascii_isalnum (*p) && *p != '+' && *p != '-' && *p != '.')
        return FALSE;
    }
  return FALSE;
}

static char *
decode_path (const char *path,
             gsize       length)
{
  g_autofree char *raw = g_strndup (path, length);
  g_autofree char *decoded = g_uri_unescape_string (raw, NULL);

  /* An invalid escape (%zz, an encoded NUL) is taken literally, as the
   * file name it would have to match, and so are escapes that decode to
   * bytes that are not UTF-8 (%ee): names reach messages and the editor,
   * which want UTF-8. */
  if (decoded == NULL || !g_utf8_validate (decoded, -1, NULL))
    return g_steal_pointer (&raw);
  return g_steal_pointer (&decoded);
}

static gboolean
has_dot_dot_segment (const char *path)
{
  g_auto(GStrv) segments = g_strsplit (path, "/", -1);

  for (guint i = 0; segments[i] != NULL; i++)
    if (strcmp (segments[i], "..") == 0)
      return TRUE;
  return FALSE;
}

BylineLinkKind
byline_bundle_classify_link (const char  *link,
                             char       **name)
{
  g_autofree char *path = NULL;
  const char *start;
  const char *end;

  if (name != NULL)
    *name = NULL;

  if (link == NULL)
    return BYLINE_LINK_EMPTY;

  /* Markdown trims the spaces around a link target. */
  start = link;
  while (g_ascii_isspace (*start))
    start++;
  end = start + strlen (start);
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  if (start == end)
    return BYLINE_LINK_EMPTY;
  if (start[0] == '#')
    return BYLINE_LINK_ANCHOR;
  if (start[0] == '/' && start[1] == '/')
    return BYLINE_LINK_EXTERNAL;
  {
    g_autofree char *trimmed = g_strndup (start, end - start);

    if (has_scheme (trimmed))
      return BYLINE_LINK_EXTERNAL;
  }

  /* The query and fragment are not part of the file name. */
  end = MIN (end, start + strcspn (start, "?#"));
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  if (start == end)
    return BYLINE_LINK_ANCHOR;

  if (start[0] == '/')
    {
      if (name != NULL)
        *name = decode_path (start, end - start);
      return BYLINE_LINK_SITE_ABSOLUTE;
    }

  while (end - start >= 2 && start[0] == '.' && start[1] == '/')
    {
      start += 2;
      while (start < end && start[0] == '/')
        start++;
    }
  if (start == end || (end - start == 1 && start[0] == '.'))
    {
      /* "./" is the page's own folder, that is the page itself. */
      return BYLINE_LINK_ANCHOR;
    }

  /* The tests are on the decoded name: "%2fetc%2fpasswd" or "..%2f" lead
   * out of the bundle as surely as "/etc/passwd" and "../" do. */
  path = decode_path (start, end - start);
  if (path[0] == '/' || has_dot_dot_segment (path) || g_str_has_suffix (path, "/"))
    {
      if (name != NULL)
        *name = g_steal_pointer (&path);
      return BYLINE_LINK_SITE_RELATIVE;
    }

  if (name != NULL)
    *name = g_steal_pointer (&path);
  return BYLINE_LINK_BUNDLE;
}

/* An SVG length in CSS pixels; FALSE for percentages and what does not
 * parse, which leave the size to the viewBox. */
static gboolean
parse_svg_length (const char *text,
                  double     *pixels)
{
  static const struct { const char *unit; double scale; } units[] = {
    { "", 1.0 }, { "px", 1.0 }, { "pt", 96.0 / 72.0 }, { "pc", 16.0 }, { "in", 96.0 },
    { "cm", 96.0 / 2.54 }, { "mm", 96.0 / 25.4 }, { "em", 16.0 }, { "ex", 8.0 },
  };
  char *end = NULL;
  double value;

  while (g_ascii_isspace (*text))
    text++;
  value = g_ascii_strtod (text, &end);
  if (end == text || !isfinite (value) || value <= 0)
    return FALSE;
  while (g_ascii_isspace (*end))
    end++;
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      gsize len = strlen (units[i].unit);

      if (g_ascii_strncasecmp (end, units[i].unit, len) == 0)
        {
          const char *rest = end + len;

          while (g_ascii_isspace (*rest))
            rest++;
          if (*rest != '\0')
            continue;
          *pixels = value * units[i].scale;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
parse_view_box (const char *text,
                double     *width,
                double     *height)
{
  double numbers[4];
  const char *p = text;

  for (guint i = 0; i < 4; i++)
    {
      char *end = NULL;

      while (g_ascii_isspace (*p) || *p == ',')
        p++;
      numbers[i] = g_ascii_strtod (p, &end);
      if (end == p || !isfinite (numbers[i]))
        return FALSE;
      p = end;
    }
  if (numbers[2] <= 0 || numbers[3] <= 0)
    return FALSE;
  *width = numbers[2];
  *height = numbers[3];
  return TRUE;
}

/* Reads width, height and viewBox from the <svg> start tag. */
static gboolean
svg_size_from_text (const char *text,
                    gsize       length,
                    int        *width,
                    int        *height)
{
  const char *end = text + length;
  const char *p = text;
  g_autofree char *w_text = NULL;
  g_autofree char *h_text = NULL;
  g_autofree char *box_text = NULL;
  double w = 0;
  double h = 0;
  double box_w = 0;
  double box_h = 0;
  gboolean has_w;
  gboolean has_h;
  gboolean has_box;

  /* Find "<svg" (or a prefixed "<svg:svg") followed by a space or the end
   * of the tag, outside comments. */
  for (;;)
    {
      const char *lt = memchr (p, '<', end - p);

      if (lt == NULL)
        return FALSE;
      p = lt + 1;
      if (end - p >= 3 && memcmp (p, "!--", 3) == 0)
        {
          const char *q = p + 3;

          while (q + 3 <= end && memcmp (q, "-->", 3) != 0)
            q++;
          if (q + 3 > end)
            return FALSE;
          p = q + 3;
          continue;
        }
      if (end - p >= 8 && memcmp (p, "svg:svg", 7) == 0)
        p += 4;
      if (end - p >= 4 && memcmp (p, "svg", 3) == 0 &&
          (g_ascii_isspace (p[3]) || p[3] == '>' || p[3] == '/'))
        {
          p += 3;
          break;
        }
    }

  while (p < end && *p != '>')
    {
      const char *name_start;
      gsize name_len;
      char quote;
      const char *value_start;
      const char *value_end;
      char **target;

      while (p < end && (g_ascii_isspace (*p) || *p == '/'))
        p++;
      name_start = p;
      while (p < end && !g_ascii_isspace (*p) && *p != '=' && *p != '>' && *p != '/')
        p++;
      name_len = p - name_start;
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p >= end || *p != '=')
        {
          if (name_len == 0 && p < end && *p != '>')
            p++;
          continue;
        }
      p++;
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p >= end || (*p != '"' && *p != '\''))
        return FALSE;
      quote = *p++;
      value_start = p;
      value_end = memchr (p, quote, end - p);
      if (value_end == NULL)
        return FALSE;
      p = value_end + 1;

      if (name_len == 5 && memcmp (name_start, "width", 5) == 0)
        target = &w_text;
      else if (name_len == 6 && memcmp (name_start, "height", 6) == 0)
        target = &h_text;
      else if (name_len == 7 && memcmp (name_start, "viewBox", 7) == 0)
        target = &box_text;
      else
        continue;
      g_free (*target);
      *target = g_strndup (value_start, value_end - value_start);
    }

  has_w = w_text != NULL && parse_svg_length (w_text, &w);
  has_h = h_text != NULL && parse_svg_length (h_text, &h);
  has_box = box_text != NULL && parse_view_box (box_text, &box_w, &box_h);

  /* A missing or relative dimension follows the viewBox's aspect ratio. */
  if (has_box && has_w && !has_h)
    h = w * box_h / box_w;
  else if (has_box && has_h && !has_w)
    w = h * box_w / box_h;
  else if (has_box && !has_w && !has_h)
    {
      w = box_w;
      h = box_h;
    }
  else if (!has_w || !has_h)
    return FALSE;

  if (w > G_MAXINT || h > G_MAXINT)
    return FALSE;

  *width = MAX (1, (int) (w + 0.5));
  *height = MAX (1, (int) (h + 0.5));
  return TRUE;
}

typedef enum
{
  SVG_SIZED,
  SVG_UNSIZED,
  NOT_SVG,
} SvgResult;

/* Files that start like XML (after spaces and a BOM) are sized from their
 * <svg> tag. They never reach gdk-pixbuf: its SVG loader may be missing,
 * and it trips over an assertion on SVGs without a size. */
static SvgResult
svg_size_from_file (GFile    *file,
                    gboolean  named_svg,
                    int      *width,
                    int      *height)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autofree char *buffer = NULL;
  gsize length = 0;
  gsize more = 0;
  gsize i = 0;

  if (stream == NULL)
    return named_svg ? SVG_UNSIZED : NOT_SVG;
  buffer = g_malloc (SVG_HEAD_MAX);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, 256, &length, NULL, NULL))
    return named_svg ? SVG_UNSIZED : NOT_SVG;

  if (length >= 3 && memcmp (buffer, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (buffer[i]))
    i++;
  if (!named_svg && (i >= length || buffer[i] != '<'))
    return NOT_SVG;

  if (length == 256 &&
      !g_input_stream_read_all (G_INPUT_STREAM (stream), buffer + length, SVG_HEAD_MAX - length,
                                &more, NULL, NULL))
    return SVG_UNSIZED;
  length += more;

  return svg_size_from_text (buffer, length, width, height) ? SVG_SIZED : SVG_UNSIZED;
}

gboolean
byline_bundle_get_image_size (BylineBundle *self,
                              const char   *name,
                              int          *width,
                              int          *height)
{
  ImageSize *size;

  g_return_val_if_fail (BYLINE_IS_BUNDLE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  size = g_hash_table_lookup (self->image_sizes, name);
  if (size == NULL)
    {
      g_autoptr(GFile) file = resolve_name (self, name);
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      size = g_new0 (ImageSize, 1);
      if (file != NULL && byline_bundle_has_file (self, name))
        {
          g_autofree char *lower = g_ascii_strdown (name, -1);
          SvgResult svg = svg_size_from_file (file, g_str_has_suffix (lower, ".svg"),
                                              &size->width, &size->height);

          /* A browser sizes an SVG by its own attributes, as done here. */
          if (svg == SVG_SIZED)
            size->ok = TRUE;
          else if (svg == NOT_SVG && path != NULL)
            size->ok = gdk_pixbuf_get_file_info (path, &size->width, &size->height) != NULL &&
                       size->width > 0 && size->height > 0;
        }
      g_hash_table_insert (self->image_sizes, g_strdup (name), size);
    }

  if (width != NULL)
    *width = size->ok ? size->width : 0;
  if (height != NULL)
    *height = size->ok ? size->height : 0;
  return size->ok;
}

static gboolean
file_is_dir (GFile      *parent,
             const char *name)
{
  g_autoptr(GFile) child = g_file_get_child (parent, name);

  return g_file_query_file_type (child, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY;
}

static gboolean
file_is_regular (GFile      *parent,
                 const char *path)
{
  g_autoptr(GFile) child = g_file_resolve_relative_path (parent, path);

  return g_file_query_file_type (child, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_REGULAR;
}

static gboolean
is_site_root (GFile *folder)
{
  static const char * const configs[] = {
    "hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
    "config.toml", "config.yaml", "config.yml", "config.json",
  };

  if (!file_is_dir (folder, "content"))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (configs); i++)
    if (file_is_regular (folder, configs[i]))
      return TRUE;
  return file_is_dir (folder, "config");
}

GFile *
byline_bundle_get_site_root (BylineBundle *self)
{
  g_return_val_if_fail (BYLINE_IS_BUNDLE (self), NULL);

  if (!self->site_root_known && self->folder != NULL)
    {
      g_autoptr(GFile) folder = g_object_ref (self->folder);

      while (folder != NULL)
        {
          GFile *parent;

          if (is_site_root (folder))
            {
              self->site_root = g_steal_pointer (&folder);
              break;
            }
          parent = g_file_get_parent (folder);
          g_set_object (&folder, parent);
          g_clear_object (&parent);
        }
    }
  self->site_root_known = TRUE;
  return self->site_root;
}

static void
byline_bundle_ensure_content_bases (BylineBundle *self)
{
  g_autoptr(GFile) content = NULL;
  g_autoptr(GFileEnumerator) enumerator = NULL;

  if (self->content_bases != NULL)
    return;

  self->content_bases = g_ptr_array_new_with_free_func (g_object_unref);
  if (byline_bundle_get_site_root (self) == NULL)
    return;

  content = g_file_get_child (self->site_root, "content");
  enumerator = g_file_enumerate_children (content,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (enumerator != NULL)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, NULL, NULL) || info == NULL)
        break;
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        g_ptr_array_add (self->content_bases, g_object_ref (child));
    }

  /* A site with a single language keeps its pages right in content/. */
  g_ptr_array_add (self->content_bases, g_steal_pointer (&content));
}

gboolean
byline_bundle_site_path_exists (BylineBundle *self,
                                const char   *path)
{
  g_autofree char *decoded = NULL;
  g_autofree char *rel = NULL;
  g_autoptr(GFile) static_folder = NULL;
  gsize length;

  g_return_val_if_fail (BYLINE_IS_BUNDLE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (path[0] != '/' || byline_bundle_get_site_root (self) == NULL)
    return FALSE;

  decoded = decode_path (path, strcspn (path, "?#"));
  if (has_dot_dot_segment (decoded))
    return FALSE;

  /* Relative to the language folders, without the slashes around it. */
  rel = g_strdup (decoded);
  g_strstrip (rel);
  length = strlen (rel);
  while (length > 0 && rel[length - 1] == '/')
    rel[--length] = '\0';
  {
    char *start = rel;

    while (*start == '/')
      start++;
    memmove (rel, start, strlen (start) + 1);
  }

  byline_bundle_ensure_content_bases (self);

  for (guint i = 0; i < self->content_bases->len; i++)
    {
      GFile *base = g_ptr_array_index (self->content_bases, i);
      g_autofree char *index = NULL;
      g_autofree char *section = NULL;
      g_autofree char *leaf = NULL;

      if (rel[0] == '\0')
        {
          if (file_is_regular (base, "_index.md"))
            return TRUE;
          continue;
        }

      index = g_strconcat (rel, "/index.md", NULL);
      section = g_strconcat (rel, "/_index.md", NULL);
      leaf = g_strconcat (rel, ".md", NULL);
      if (file_is_regular (base, rel) || file_is_regular (base, index) ||
          file_is_regular (base, section) || file_is_regular (base, leaf))
        return TRUE;
    }

  if (rel[0] == '\0')
    return FALSE;
  static_folder = g_file_get_child (self->site_root, "static");
  return file_is_regular (static_folder, rel);
}
