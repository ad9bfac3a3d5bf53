/* byline-gotmpl-pages.c — Hugo's page.Pages: lists of pages and their sorts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What Page.RegularPages, .Pages, .Sections and Site.RegularPages give a
 * template (resources/page/pages.go): a list of pages in Hugo's default
 * order, with the sorts templates call on it (pages_sort.go: ByTitle,
 * ByLinkTitle, ByWeight, ByDate, Reverse) and Len. Sorts are stable over
 * the default order, as Hugo's are. Titles compare without regard to case,
 * as Hugo's collator compares them at its first level.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include <string.h>

#include "byline-gotmpl-objects-private.h"

typedef int (*PageCompare) (const BylineGotmplPageSortKey *a,
                            const BylineGotmplPageSortKey *b);

typedef struct
{
  BylineGotmplPageSortKey  key;
  const BylineGotmplValue *page;
  guint                    index;   /* for a stable sort */
} Item;

static int
compare_titles (const char *a,
                const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);
  int c = strcmp (fa, fb);

  return c != 0 ? c : strcmp (a, b);
}

/* DefaultPageSort */
static int
by_default (const BylineGotmplPageSortKey *a,
            const BylineGotmplPageSortKey *b)
{
  int c;

  if (a->weight != b->weight)
    {
      if (b->weight == 0)
        return -1;
      if (a->weight == 0)
        return 1;
      return a->weight < b->weight ? -1 : 1;
    }
  if (a->date != b->date)
    return a->date > b->date ? -1 : 1;
  c = compare_titles (a->link_title, b->link_title);
  return c != 0 ? c : strcmp (a->path, b->path);
}

static int
by_title (const BylineGotmplPageSortKey *a,
          const BylineGotmplPageSortKey *b)
{
  return compare_titles (a->title, b->title);
}

static int
by_link_title (const BylineGotmplPageSortKey *a,
               const BylineGotmplPageSortKey *b)
{
  return compare_titles (a->link_title, b->link_title);
}

static int
by_date (const BylineGotmplPageSortKey *a,
         const BylineGotmplPageSortKey *b)
{
  return (a->date > b->date) - (a->date < b->date);
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  PageCompare compare = (PageCompare) user_data;
  const Item *ia = a;
  const Item *ib = b;
  int c = compare (&ia->key, &ib->key);

  return c != 0 ? c : (ia->index > ib->index) - (ia->index < ib->index);
}

static const BylineGotmplClass pages_class;

/* @list's pages sorted by @compare (stable), reversed with @reverse. */
static BylineGotmplValue
sorted (const BylineGotmplList *list,
        PageCompare             compare,
        gboolean                reverse)
{
  guint n = list != NULL ? byline_gotmpl_list_length (list) : 0;
  g_autofree Item *items = g_new0 (Item, MAX (n, 1));
  BylineGotmplList *out = byline_gotmpl_list_new (n);

  for (guint i = 0; i < n; i++)
    {
      items[i].page = byline_gotmpl_list_get (list, i);
      items[i].index = i;
      byline_gotmpl_page_get_sort_key (items[i].page, &items[i].key);
    }
  if (compare != NULL)
    g_qsort_with_data (items, n, sizeof (Item), compare_items, compare);
  for (guint i = 0; i < n; i++)
    byline_gotmpl_list_append (out, byline_gotmpl_value_copy (items[reverse ? n - 1 - i : i].page));
  byline_gotmpl_list_set_class (out, &pages_class);
  return byline_gotmpl_list_value (out);
}

static gboolean
pages_method (BylineGotmplCall        *call,
              const BylineGotmplValue *self,
              const BylineGotmplValue *args,
              guint                    n_args,
              BylineGotmplValue       *result)
{
  const char *name = call->name;
  const BylineGotmplList *list = self->kind == BYLINE_GOTMPL_LIST ? self->l : NULL;
  guint n = list != NULL ? byline_gotmpl_list_length (list) : 0;

  if (!byline_gotmpl_call_step (call, n))
    return FALSE;
  if (strcmp (name, "Len") == 0)
    *result = byline_gotmpl_int (n);
  else if (strcmp (name, "ByTitle") == 0)
    *result = sorted (list, by_title, FALSE);
  else if (strcmp (name, "ByLinkTitle") == 0)
    *result = sorted (list, by_link_title, FALSE);
  else if (strcmp (name, "ByWeight") == 0)
    *result = sorted (list, by_default, FALSE);
  else if (strcmp (name, "ByDate") == 0 || strcmp (name, "ByPublishDate") == 0)
    *result = sorted (list, by_date, FALSE);
  else if (strcmp (name, "Reverse") == 0)
    *result = sorted (list, NULL, TRUE);
  else
    return byline_gotmpl_call_unsupported (call, name);
  return TRUE;
}

static const BylineGotmplMethod pages_methods[] = {
  { "ByDate", pages_method, 0, 0 },
  { "ByLinkTitle", pages_method, 0, 0 },
  { "ByPublishDate", pages_method, 0, 0 },
  { "ByTitle", pages_method, 0, 0 },
  { "ByWeight", pages_method, 0, 0 },
  { "Len", pages_method, 0, 0 },
  { "Reverse", pages_method, 0, 0 },
};

static const BylineGotmplClass pages_class = {
  .type_name = "page.Pages",
  .methods = pages_methods,
  .n_methods = G_N_ELEMENTS (pages_methods),
};

BylineGotmplValue
byline_gotmpl_pages_new (BylineGotmplValue list)
{
  BylineGotmplValue v = sorted (list.kind == BYLINE_GOTMPL_LIST ? list.l : NULL, by_default, FALSE);

  byline_gotmpl_value_clear (&list);
  return v;
}

gboolean
byline_gotmpl_pages_list (BylineGotmplCall     *call,
                          BylineGotmplEnv      *env,
                          const char           *path,
                          const char           *lang,
                          BylineGotmplPageList  which,
                          BylineGotmplValue    *result)
{
  BylineGotmplValue list;

  if (env == NULL)
    {
      *result = byline_gotmpl_pages_new (byline_gotmpl_nil ());
      return TRUE;
    }
  list = byline_gotmpl_env_list_pages (env, path, lang, which);
  /* Each page made counts against the budget. */
  if (!byline_gotmpl_call_step (call, MAX (byline_gotmpl_value_length (&list), 0)))
    {
      byline_gotmpl_value_clear (&list);
      return FALSE;
    }
  *result = byline_gotmpl_pages_new (list);
  return TRUE;
}
