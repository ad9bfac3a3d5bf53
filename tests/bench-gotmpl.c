/* bench-gotmpl.c — the Go-template engine on the corpus sites (issue 14)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each site of $BYLINE_CORPUS/sites (opentelemetry.io with its Docsy
 * theme, gohugo.io):
 *  - how many shortcode templates (layouts/_shortcodes, layouts/shortcodes,
 *    the themes' too) parse, and which functions they call that the preview
 *    does not support (byline_gotmpl_analyze_source);
 *  - the time to parse all of them (ms), over enough rounds for a stable
 *    figure;
 *  - every shortcode call of the site's content rendered with the site as
 *    the environment, a second time once the templates are parsed: µs per
 *    call and how the calls end (OK, error, not
 *    supported, limit, no template; Hugo's built-in shortcodes have no
 *    template here, Byline draws them itself). BENCH_GOTMPL_VERBOSE=1
 *    prints one message for each kind of failure.
 */

#include "config.h"

#include "byline-gotmpl.h"
#include "byline-gotmpl-site-env.h"
#include "byline-gotmpl-parse.h"
#include "byline-shortcode.h"

#include <stdio.h>
#include <string.h>

typedef struct
{
  char *name;     /* "blocks/cover" */
  char *source;
} Template;

static void
template_free (gpointer data)
{
  Template *t = data;

  g_free (t->name);
  g_free (t->source);
  g_free (t);
}

static void
collect_templates (GPtrArray  *templates,
                   const char *dir,
                   const char *prefix)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *entry;

  while (handle != NULL && (entry = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, entry, NULL);
      g_autofree char *name = *prefix ? g_strconcat (prefix, "/", entry, NULL) : g_strdup (entry);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_templates (templates, path, name);
      else if (g_str_has_suffix (entry, ".html") || g_str_has_suffix (entry, ".md"))
        {
          Template *t = g_new0 (Template, 1);

          t->name = g_steal_pointer (&name);
          if (g_file_get_contents (path, &t->source, NULL, NULL))
            g_ptr_array_add (templates, t);
          else
            template_free (t);
        }
    }
}

/* The shortcode folders of the site and of every theme under themes/
 * (Docsy sits in themes/docsy/theme). */
static void
collect_site (GPtrArray  *templates,
              const char *root,
              int         depth)
{
  static const char * const dirs[] = { "_shortcodes", "shortcodes" };
  g_autofree char *layouts = g_build_filename (root, "layouts", NULL);
  g_autofree char *themes = g_build_filename (root, "themes", NULL);
  g_autoptr(GDir) handle = NULL;
  const char *entry;

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (layouts, dirs[i], NULL);

      collect_templates (templates, dir, "");
    }
  if (depth > 2)
    return;
  handle = g_dir_open (depth == 0 ? themes : root, 0, NULL);
  while (handle != NULL && (entry = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (depth == 0 ? themes : root, entry, NULL);

      if (strcmp (entry, "layouts") != 0 && g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_site (templates, path, depth + 1);
    }
}

static void
collect_posts (GPtrArray  *posts,
               const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *entry;

  while (handle != NULL && (entry = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, entry, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_posts (posts, path);
      else if (g_str_has_suffix (entry, ".md"))
        g_ptr_array_add (posts, g_steal_pointer (&path));
    }
}

static int
compare_counts (gconstpointer a,
                gconstpointer b,
                gpointer      counts)
{
  const char *ka = *(const char * const *) a;
  const char *kb = *(const char * const *) b;
  int ca = GPOINTER_TO_INT (g_hash_table_lookup (counts, ka));
  int cb = GPOINTER_TO_INT (g_hash_table_lookup (counts, kb));

  return ca != cb ? cb - ca : strcmp (ka, kb);
}

static void
print_counts (const char *title,
              GHashTable *counts,
              guint       max)
{
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (counts, NULL);
  guint n = g_hash_table_size (counts);

  g_qsort_with_data (keys, n, sizeof (gpointer), compare_counts, counts);
  printf ("  %s:", title);
  for (guint i = 0; i < n && i < max; i++)
    printf ("%s %s (%d)", i > 0 ? "," : "", (char *) keys[i],
            GPOINTER_TO_INT (g_hash_table_lookup (counts, keys[i])));
  if (n > max)
    printf (", … %u more", n - max);
  printf ("%s\n", n == 0 ? " none" : "");
}

static void
bump (GHashTable *counts,
      const char *key)
{
  g_hash_table_insert (counts, g_strdup (key),
                       GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (counts, key)) + 1));
}

static void
bench_templates (const char *site,
                 GPtrArray  *templates)
{
  g_autoptr(GHashTable) unsupported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint parsed = 0, rounds = 0;
  gint64 start, elapsed = 0;

  for (guint i = 0; i < templates->len; i++)
    {
      Template *t = g_ptr_array_index (templates, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineGotmplShortcodeInfo) info =
        byline_gotmpl_analyze_source (t->name, t->source, &error);

      if (info == NULL)
        {
          printf ("  does not parse: %s\n", error->message);
          continue;
        }
      parsed++;
      for (guint k = 0; k < info->unsupported->len; k++)
        bump (unsupported, g_ptr_array_index (info->unsupported, k));
    }
  printf ("%s: %u of %u shortcode templates parse\n", site, parsed, templates->len);
  print_counts ("templates calling functions the preview lacks", unsupported, 40);

  start = g_get_monotonic_time ();
  while (rounds < 20 || elapsed < G_USEC_PER_SEC)
    {
      for (guint i = 0; i < templates->len; i++)
        {
          Template *t = g_ptr_array_index (templates, i);
          g_autoptr(BylineGotmplParsed) p =
            byline_gotmpl_parse (t->name, t->source, strlen (t->source), NULL, NULL);
        }
      rounds++;
      elapsed = g_get_monotonic_time () - start;
    }
  printf ("%s: parse of all %u shortcode templates: %.3f ms (%u rounds)\n",
          site, templates->len, elapsed / 1000.0 / rounds, rounds);
}

static void
bench_calls (const char *site,
             const char *root)
{
  static const char * const status_names[] = { "ok", "error", "not supported", "limit", "no template" };
  g_autoptr(BylineGotmplEnv) env = byline_gotmpl_site_env_new_for_root (root);
  g_autoptr(BylineGotmplSet) set = byline_gotmpl_set_new (env);
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *content = g_build_filename (root, "content", NULL);
  guint by_status[G_N_ELEMENTS (status_names)] = { 0 };
  g_autoptr(GHashTable) examples = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gboolean verbose = g_getenv ("BENCH_GOTMPL_VERBOSE") != NULL;
  GHashTableIter iter;
  gpointer example_key, message;
  guint calls = 0;
  gint64 elapsed = 0, elapsed_ok = 0;

  collect_posts (posts, content);
  /* The first pass reads and parses the templates; the second, measured,
   * finds them parsed, as the preview does on every keystroke. */
  for (guint pass = 0; pass < 2; pass++)
    {
      calls = 0;
      elapsed = elapsed_ok = 0;
      memset (by_status, 0, sizeof by_status);
      g_hash_table_remove_all (failures);
      g_hash_table_remove_all (examples);
    for (guint i = 0; i < posts->len; i++)
      {
        const char *path = g_ptr_array_index (posts, i);
        const char *relative = path + strlen (content) + 1;
        g_autofree char *text = NULL;
        g_autofree char *page_path = NULL;
        g_autoptr(BylineShortcodeList) list = NULL;
        g_auto(BylineGotmplValue) page = BYLINE_GOTMPL_VALUE_INIT;
        gsize length;

        if (!g_file_get_contents (path, &text, &length, NULL))
          continue;
        page_path = g_strndup (relative, strlen (relative) - 3);
        if (g_str_has_suffix (page_path, "/index") || g_str_has_suffix (page_path, "/_index"))
          *strrchr (page_path, '/') = '\0';
        page = byline_gotmpl_env_get_page (env, page_path);
        /* content/en/… on a multilingual site, whose content folder is content/en */
        if (page.kind == BYLINE_GOTMPL_NIL && strchr (page_path, '/') != NULL)
          page = byline_gotmpl_env_get_page (env, strchr (page_path, '/') + 1);
        list = byline_shortcode_scan (text, 0, length, NULL);
        for (guint k = 0; k < list->calls->len; k++)
          {
            const BylineShortcode *call = g_ptr_array_index (list->calls, k);
            g_auto(BylineGotmplResult) result = { 0 };
            gint64 start;

            if (call->parent >= 0 ||
                (call->kind != BYLINE_SHORTCODE_OPEN && call->kind != BYLINE_SHORTCODE_SELF_CLOSING))
              continue;
            start = g_get_monotonic_time ();
            byline_gotmpl_set_render_call (set, &page, text, relative, list, k, &result);
            elapsed += g_get_monotonic_time () - start;
            if (result.status == BYLINE_GOTMPL_OK)
              elapsed_ok += g_get_monotonic_time () - start;
            calls++;
            if ((guint) result.status < G_N_ELEMENTS (status_names))
              by_status[result.status]++;
            if (result.status == BYLINE_GOTMPL_UNSUPPORTED && result.missing != NULL)
              {
                g_autofree char *key = g_strdup_printf ("%s: %s", call->name, result.missing);

                bump (failures, key);
              }
            else if (result.status != BYLINE_GOTMPL_OK)
              {
                g_autofree char *key = g_strdup_printf ("%s: %s", call->name, status_names[result.status]);

                bump (failures, key);
                if (verbose && !g_hash_table_contains (examples, key))
                  g_hash_table_insert (examples, g_strdup (key), g_strdup (result.message));
              }
          }
      }
    }
  printf ("%s: %u shortcode calls in %u pages, %.1f µs per call, %.1f µs per call that renders\n",
          site, calls, posts->len, calls > 0 ? elapsed / (double) calls : 0.0,
          by_status[BYLINE_GOTMPL_OK] > 0 ? elapsed_ok / (double) by_status[BYLINE_GOTMPL_OK] : 0.0);
  printf ("  ");
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    printf ("%s%s %u", i > 0 ? ", " : "", status_names[i], by_status[i]);
  printf ("\n");
  print_counts ("calls that fall back, by shortcode", failures, 30);
  g_hash_table_iter_init (&iter, examples);
  while (g_hash_table_iter_next (&iter, &example_key, &message))
    printf ("  %s → %s\n", (char *) example_key, (char *) message);
}

int
main (int    argc,
      char **argv)
{
  static const char * const sites[] = { "opentelemetry.io", "gohugo.io" };
  const char *corpus = g_getenv ("BYLINE_CORPUS");
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sites); i++)
    {
      g_autofree char *root = g_build_filename (corpus ? corpus : ".", "sites", sites[i], NULL);
      g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func (template_free);

      if (corpus == NULL || !g_file_test (root, G_FILE_TEST_IS_DIR))
        continue;
      any = TRUE;
      collect_site (templates, root, 0);
      bench_templates (sites[i], templates);
      bench_calls (sites[i], root);
    }
  if (!any)
    {
      printf ("SKIP: BYLINE_CORPUS/sites is not there\n");
      return 77;
    }
  return 0;
}
