/* byline-gotmpl-fragments.c — Page.Fragments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo's *tableofcontents.Fragments (markup/tableofcontents/
 * tableofcontents.go), as its Goldmark transformer builds it
 * (markup/goldmark/toc.go): every heading of the page in a tree, a first
 * level heading (or the first heading) starting a new row, a heading
 * without the levels above it hanging under empty ones (Builder.AddAt);
 * HeadingsMap by id; Identifiers, the ids the parser gave out, repeats
 * kept, sorted (collections.SortedStringSlice, with Contains and Count).
 * The headings and ids are the Goldmark writer's, from its first pass.
 *
 * A heading's Title is its plain text, escaped as Goldmark escapes text:
 * Hugo's is the heading's inline HTML, sanitized (toc.go,
 * sanitizeTOCHeadingTitle), which differs for headings with code,
 * emphasis or raw HTML.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-fragments.h"

#include <string.h>

#include "byline-gotmpl-content-private.h"
#include "byline-gotmpl-objects-private.h"

typedef struct _Heading Heading;

struct _Heading
{
  BylineGotmplObject  parent;
  char               *id;
  int                 level;      /* 0 without an id, as in Hugo */
  char               *title;
  GPtrArray          *headings;   /* of Heading *, owned */
};

typedef struct
{
  BylineGotmplObject  parent;
  GPtrArray          *headings;      /* of Heading *, owned */
  BylineGotmplValue   headings_map;
  BylineGotmplValue   identifiers;
} Fragments;

static const BylineGotmplClass heading_class;
static const BylineGotmplClass headings_class;
static const BylineGotmplClass identifiers_class;
static const BylineGotmplClass fragments_class;

/* Headings */

static Heading *
heading_new (const char *id,
             int         level,
             const char *title)
{
  Heading *h = byline_gotmpl_object_new (&heading_class, sizeof (Heading));

  h->id = g_strdup (id);
  h->level = level;
  h->title = g_strdup (title);
  h->headings = g_ptr_array_new_with_free_func (byline_gotmpl_object_unref);
  return h;
}

static void
heading_finalize (BylineGotmplObject *object)
{
  Heading *h = (Heading *) object;

  g_free (h->id);
  g_free (h->title);
  g_ptr_array_unref (h->headings);
}

static gboolean
heading_is_zero (Heading *h)
{
  return h->id[0] == '\0' && h->title[0] == '\0';
}

/* tableofcontents.Headings */
static BylineGotmplValue
headings_value (GPtrArray *headings)
{
  BylineGotmplList *list = byline_gotmpl_list_new (headings->len);

  for (guint i = 0; i < headings->len; i++)
    byline_gotmpl_list_append (list, byline_gotmpl_object_value (
                                 byline_gotmpl_object_ref (g_ptr_array_index (headings, i))));
  byline_gotmpl_list_set_class (list, &headings_class);
  return byline_gotmpl_list_value (list);
}

static gboolean
heading_method (BylineGotmplCall        *call,
                const BylineGotmplValue *self,
                const BylineGotmplValue *args,
                guint                    n_args,
                BylineGotmplValue       *result)
{
  Heading *h = byline_gotmpl_value_get_object (self, &heading_class);
  const char *name = call->name;

  if (strcmp (name, "ID") == 0)
    *result = byline_gotmpl_string (h->id);
  else if (strcmp (name, "Level") == 0)
    *result = byline_gotmpl_int (h->level);
  else if (strcmp (name, "Title") == 0)
    *result = byline_gotmpl_string (h->title);
  else if (strcmp (name, "Headings") == 0)
    *result = headings_value (h->headings);
  else
    *result = byline_gotmpl_bool (heading_is_zero (h));
  return TRUE;
}

static const BylineGotmplMethod heading_methods[] = {
  { "Headings", heading_method, 0, 0 },
  { "ID", heading_method, 0, 0 },
  { "IsZero", heading_method, 0, 0 },
  { "Level", heading_method, 0, 0 },
  { "Title", heading_method, 0, 0 },
};

static gboolean
heading_truth (BylineGotmplObject *object)
{
  return !heading_is_zero ((Heading *) object);
}

static const BylineGotmplClass heading_class = {
  .type_name = "*tableofcontents.Heading",
  .methods = heading_methods,
  .n_methods = G_N_ELEMENTS (heading_methods),
  .finalize = heading_finalize,
  .truth = heading_truth,
  .complete = TRUE,
};

static const BylineGotmplClass headings_class = {
  .type_name = "tableofcontents.Headings",
};

/* Identifiers */

/* sort.SearchStrings: the first index whose string is not less than @s. */
static guint
search_strings (const BylineGotmplList *list,
                const char             *s)
{
  guint lo = 0, hi = byline_gotmpl_list_length (list);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (strcmp (byline_gotmpl_list_get (list, mid)->s, s) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* SortedStringSlice.Contains and Count (common/collections/slice.go). */
static gboolean
identifiers_method (BylineGotmplCall        *call,
                    const BylineGotmplValue *self,
                    const BylineGotmplValue *args,
                    guint                    n_args,
                    BylineGotmplValue       *result)
{
  const char *s;
  guint n = byline_gotmpl_list_length (self->l);
  guint i;
  gint64 count = 0;

  if (args[0].kind != BYLINE_GOTMPL_STRING)
    return byline_gotmpl_call_error (call, "%s: the argument is not a string", call->name);
  s = args[0].s;
  i = search_strings (self->l, s);
  if (strcmp (call->name, "Contains") == 0)
    {
      *result = byline_gotmpl_bool (i < n &&
                                    strcmp (byline_gotmpl_list_get (self->l, i)->s, s) == 0);
      return TRUE;
    }
  for (; i < n && strcmp (byline_gotmpl_list_get (self->l, i)->s, s) == 0; i++)
    count++;
  *result = byline_gotmpl_int (count);
  return TRUE;
}

static const BylineGotmplMethod identifiers_methods[] = {
  { "Contains", identifiers_method, 1, 1 },
  { "Count", identifiers_method, 1, 1 },
};

static const BylineGotmplClass identifiers_class = {
  .type_name = "collections.SortedStringSlice",
  .methods = identifiers_methods,
  .n_methods = G_N_ELEMENTS (identifiers_methods),
  .complete = TRUE,
};

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Fragments */

static void
fragments_finalize (BylineGotmplObject *object)
{
  Fragments *f = (Fragments *) object;

  g_ptr_array_unref (f->headings);
  byline_gotmpl_value_clear (&f->headings_map);
  byline_gotmpl_value_clear (&f->identifiers);
}

/* Builder.AddAt: @h at @row, @level levels down (0 for a top one), under
 * the last heading of each level, made empty where there is none. */
static void
add_at (GPtrArray *rows,
        Heading   *h,
        guint      row,
        int        level)
{
  Heading *parent;

  while (rows->len <= row)
    g_ptr_array_add (rows, heading_new ("", 0, ""));
  if (level == 0)
    {
      byline_gotmpl_object_unref (g_ptr_array_index (rows, row));
      g_ptr_array_index (rows, row) = h;
      return;
    }
  parent = g_ptr_array_index (rows, row);
  for (int i = 1; i < level; i++)
    {
      if (parent->headings->len == 0)
        g_ptr_array_add (parent->headings, heading_new ("", 0, ""));
      parent = g_ptr_array_index (parent->headings, parent->headings->len - 1);
    }
  g_ptr_array_add (parent->headings, h);
}

/* Fragments.walk: each heading, then the ones under it. */
static void
walk_ids (GPtrArray       *headings,
          BylineGotmplMap *map,
          GPtrArray       *ids)
{
  for (guint i = 0; i < headings->len; i++)
    {
      Heading *h = g_ptr_array_index (headings, i);

      if (h->id[0] != '\0')
        {
          byline_gotmpl_map_set (map, h->id,
                                 byline_gotmpl_object_value (byline_gotmpl_object_ref (h)));
          if (ids != NULL)
            g_ptr_array_add (ids, h->id);
        }
      walk_ids (h->headings, map, ids);
    }
}

BylineGotmplValue
byline_gotmpl_fragments_new (BylineGoldmark *writer)
{
  Fragments *f = byline_gotmpl_object_new (&fragments_class, sizeof (Fragments));
  const GArray *headings = writer != NULL ? byline_goldmark_get_headings (writer) : NULL;
  const GPtrArray *given = writer != NULL ? byline_goldmark_get_ids (writer) : NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  BylineGotmplMap *map = byline_gotmpl_map_new (FALSE);
  BylineGotmplList *list;
  int row = -1;

  f->headings = g_ptr_array_new_with_free_func (byline_gotmpl_object_unref);
  for (guint i = 0; headings != NULL && i < headings->len; i++)
    {
      const BylineGoldmarkHeading *gh = &g_array_index (headings, BylineGoldmarkHeading, i);
      gboolean has_id = gh->id[0] != '\0';

      if (gh->level == 1 || row == -1)
        row++;
      add_at (f->headings, heading_new (gh->id, has_id ? gh->level : 0, gh->title),
              row, gh->level - 1);
    }

  /* The parser's ids when it gave out any, else the headings'. */
  walk_ids (f->headings, map, given != NULL && given->len > 0 ? NULL : ids);
  if (given != NULL && given->len > 0)
    g_ptr_array_extend (ids, (GPtrArray *) given, NULL, NULL);
  g_ptr_array_sort (ids, compare_strings);
  list = byline_gotmpl_list_new (ids->len);
  for (guint i = 0; i < ids->len; i++)
    byline_gotmpl_list_append (list, byline_gotmpl_string (g_ptr_array_index (ids, i)));
  byline_gotmpl_list_set_class (list, &identifiers_class);
  f->identifiers = byline_gotmpl_list_value (list);
  f->headings_map = byline_gotmpl_map_value (map);
  return byline_gotmpl_object_value (f);
}

static void
indent (GString *out,
        int      n)
{
  for (int i = 0; i < n; i++)
    g_string_append (out, "  ");
}

static void write_headings (GString   *out,
                            GPtrArray *headings,
                            int        level,
                            int        indentation,
                            gint64     start,
                            gint64     stop,
                            gboolean   ordered);

/* tocBuilder.writeHeading */
static void
write_heading (GString  *out,
               Heading  *h,
               int       level,
               int       indentation,
               gint64    start,
               gint64    stop,
               gboolean  ordered)
{
  indent (out, indentation);
  g_string_append (out, "<li>");
  if (!heading_is_zero (h))
    g_string_append_printf (out, "<a href=\"#%s\">%s</a>", h->id, h->title);
  write_headings (out, h->headings, level, indentation, start, stop, ordered);
  g_string_append (out, "</li>\n");
}

/* tocBuilder.writeHeadings; levels are at most six deep. */
static void
write_headings (GString   *out,
                GPtrArray *headings,
                int        level,
                int        indentation,
                gint64     start,
                gint64     stop,
                gboolean   ordered)
{
  if (level < start)
    {
      for (guint i = 0; i < headings->len; i++)
        write_headings (out, ((Heading *) g_ptr_array_index (headings, i))->headings,
                        level + 1, indentation, start, stop, ordered);
      return;
    }
  if (stop != -1 && level > stop)
    return;

  if (headings->len > 0)
    {
      g_string_append_c (out, '\n');
      indent (out, indentation + 1);
      g_string_append (out, ordered ? "<ol>\n" : "<ul>\n");
    }
  for (guint i = 0; i < headings->len; i++)
    write_heading (out, g_ptr_array_index (headings, i), level + 1, indentation + 2,
                   start, stop, ordered);
  if (headings->len > 0)
    {
      indent (out, indentation + 1);
      g_string_append (out, ordered ? "</ol>" : "</ul>");
      g_string_append_c (out, '\n');
      indent (out, indentation);
    }
}

static gboolean
fragments_method (BylineGotmplCall        *call,
                  const BylineGotmplValue *self,
                  const BylineGotmplValue *args,
                  guint                    n_args,
                  BylineGotmplValue       *result)
{
  Fragments *f = byline_gotmpl_value_get_object (self, &fragments_class);
  const char *name = call->name;
  GString *out;
  gint64 start, stop;

  if (strcmp (name, "Headings") == 0)
    *result = headings_value (f->headings);
  else if (strcmp (name, "HeadingsMap") == 0)
    *result = byline_gotmpl_value_copy (&f->headings_map);
  else if (strcmp (name, "Identifiers") == 0)
    *result = byline_gotmpl_value_copy (&f->identifiers);
  else
    {
      /* ToHTML startLevel stopLevel ordered */
      if (!byline_gotmpl_to_int (call, &args[0], &start) ||
          !byline_gotmpl_to_int (call, &args[1], &stop))
        return FALSE;
      if (args[2].kind != BYLINE_GOTMPL_BOOL)
        return byline_gotmpl_call_error (call, "ToHTML: ordered is not a bool");
      if (!byline_gotmpl_call_step (call, f->headings->len / 16 + 1))
        return FALSE;
      out = g_string_new ("<nav id=\"TableOfContents\">");
      write_headings (out, f->headings, 1, 0, start, stop, args[2].b);
      g_string_append (out, "</nav>");
      *result = byline_gotmpl_safe_take (out, BYLINE_GOTMPL_HTML);
    }
  return TRUE;
}

static const BylineGotmplMethod fragments_methods[] = {
  { "Headings", fragments_method, 0, 0 },
  { "HeadingsMap", fragments_method, 0, 0 },
  { "Identifiers", fragments_method, 0, 0 },
  { "ToHTML", fragments_method, 3, 3 },
};

static const BylineGotmplClass fragments_class = {
  .type_name = "*tableofcontents.Fragments",
  .methods = fragments_methods,
  .n_methods = G_N_ELEMENTS (fragments_methods),
  .finalize = fragments_finalize,
  .complete = TRUE,
};

/* Page.Fragments: the fragments the renderer gave the page it renders
 * (also when a hook reaches that page through GetPage), else those of the
 * page's content, rendered once per render. */
gboolean
byline_gotmpl_page_fragments (BylineGotmplCall        *call,
                              const BylineGotmplValue *self,
                              const BylineGotmplValue *args,
                              guint                    n_args,
                              BylineGotmplValue       *result)
{
  const BylineGotmplValue *own = byline_gotmpl_page_get_fragments (self);
  const BylineGotmplValue *root = byline_gotmpl_call_get_page (call);
  const char *file = byline_gotmpl_page_get_file (self);
  const char *root_file = root != NULL ? byline_gotmpl_page_get_file (root) : NULL;

  /* The page being rendered, reached again through GetPage. */
  if (own == NULL && file != NULL && root_file != NULL && strcmp (file, root_file) == 0)
    own = byline_gotmpl_page_get_fragments (root);
  if (own != NULL)
    {
      *result = byline_gotmpl_value_copy (own);
      return TRUE;
    }
  return byline_gotmpl_page_content_fragments (call, self, result);
}
