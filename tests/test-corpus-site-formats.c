/* test-corpus-site-formats.c — real posts in YAML, TOML and JSON render alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo reads front matter in YAML (---), TOML (+++) or JSON ({ … }) into the
 * same page parameters (gohugo.io content/en/content-management/
 * front-matter.md), so a post must render the same whatever the format. Each
 * post of the corpus sites (the OpenTelemetry blog and Hugo's documentation)
 * is converted here, at test time, from its YAML front matter into TOML and
 * into JSON by a converter of the test's own (libyaml's loader, then each
 * format's syntax: TOML v1.0.0, RFC 8259). The three texts go through the
 * analysis that byline-cli render uses, and the body's HTML and the preview
 * header must be the same. Skipped, visibly, without the corpus.
 */

#include "config.h"

#include "corpus-sites.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "byline-analysis.h"
#include "byline-text.h"

typedef enum
{
  FORMAT_TOML,
  FORMAT_JSON,
} Format;

/* YAML 1.2's core schema for plain scalars, which both of Hugo's YAML
 * libraries agree on for what posts write; dates are YAML 1.1's timestamp,
 * which Hugo reads as a date. */
static gboolean
matches (const char *pattern,
         const char *text)
{
  return g_regex_match_simple (pattern, text, 0, 0);
}

static gboolean
is_null (const char *text)
{
  return text[0] == '\0' || strcmp (text, "~") == 0 || strcmp (text, "null") == 0 ||
         strcmp (text, "Null") == 0 || strcmp (text, "NULL") == 0;
}

static gboolean
is_bool (const char *text)
{
  return matches ("^(true|True|TRUE|false|False|FALSE)$", text);
}

static gboolean
is_int (const char *text)
{
  return matches ("^[-+]?(0|[1-9][0-9]*)$", text);
}

static gboolean
is_float (const char *text)
{
  return matches ("^[-+]?([0-9]+\\.[0-9]+)([eE][-+]?[0-9]+)?$", text);
}

static gboolean
is_date (const char *text)
{
  return matches ("^[0-9]{4}-[0-9]{2}-[0-9]{2}"
                  "([Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$",
                  text);
}

/* Strings go in double quotes with byline_json_string_append(): TOML's
 * basic string takes the same escapes as JSON's string (\", \\, \n, \r,
 * \t and \uXXXX for the other control characters, U+2028 and U+2029). */

static void
append_key (GString    *out,
            const char *key,
            Format      format)
{
  /* TOML's bare keys: A-Za-z0-9_- only; others quoted (cSpell:ignore). */
  if (format == FORMAT_TOML && key[0] != '\0' && matches ("^[A-Za-z0-9_-]+$", key))
    g_string_append (out, key);
  else
    byline_json_string_append (out, key);
}

static const char *
scalar_of (yaml_node_t *node)
{
  return (const char *) node->data.scalar.value;
}

static gboolean
node_is_null (yaml_node_t *node)
{
  return node->type == YAML_SCALAR_NODE && node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
         is_null (scalar_of (node));
}

static void
append_value (GString         *out,
              yaml_document_t *document,
              yaml_node_t     *node,
              Format           format)
{
  switch (node->type)
    {
    case YAML_SCALAR_NODE:
      {
        const char *text = scalar_of (node);
        gboolean plain = node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;

        if (plain && is_null (text))
          /* Only in JSON, and in lists: TOML has no null (see below). */
          g_string_append (out, format == FORMAT_JSON ? "null" : "\"\"");
        else if (plain && is_bool (text))
          g_string_append (out, g_ascii_tolower (text[0]) == 't' ? "true" : "false");
        else if (plain && (is_int (text) || is_float (text)))
          g_string_append (out, text[0] == '+' ? text + 1 : text);
        else if (plain && is_date (text) && format == FORMAT_TOML)
          {
            /* TOML's offset date-time takes a T (or a space) and no space
             * before the offset, as YAML's does. */
            g_autofree char *date = g_strdup (text);

            if (strlen (date) > 10)
              date[10] = 'T';
            g_string_append (out, date);
          }
        else
          /* JSON has no date: Hugo reads a date string as a date. */
          byline_json_string_append (out, text);
      }
      break;

    case YAML_SEQUENCE_NODE:
      g_string_append_c (out, '[');
      for (yaml_node_item_t *item = node->data.sequence.items.start;
           item < node->data.sequence.items.top; item++)
        {
          if (item != node->data.sequence.items.start)
            g_string_append (out, ", ");
          append_value (out, document, yaml_document_get_node (document, *item), format);
        }
      g_string_append_c (out, ']');
      break;

    case YAML_MAPPING_NODE:
      {
        gboolean first = TRUE;

        /* TOML's inline table, JSON's object. */
        g_string_append_c (out, '{');
        for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
             pair < node->data.mapping.pairs.top; pair++)
          {
            yaml_node_t *key = yaml_document_get_node (document, pair->key);
            yaml_node_t *value = yaml_document_get_node (document, pair->value);

            g_assert_cmpint (key->type, ==, YAML_SCALAR_NODE);
            if (format == FORMAT_TOML && node_is_null (value))
              continue;
            g_string_append (out, first ? " " : ", ");
            first = FALSE;
            append_key (out, scalar_of (key), format);
            g_string_append (out, format == FORMAT_TOML ? " = " : ": ");
            append_value (out, document, value, format);
          }
        g_string_append (out, first ? "}" : " }");
      }
      break;

    case YAML_NO_NODE:
    default:
      g_assert_not_reached ();
    }
}

/* The front matter of @yaml (the text between the fences) in @format,
 * fences included, one key a line; NULL when libyaml cannot read it. */
static char *
convert (const char *yaml,
         Format      format)
{
  yaml_parser_t parser;
  yaml_document_t document;
  yaml_node_t *root;
  GString *out;
  gboolean first = TRUE;

  g_assert_true (yaml_parser_initialize (&parser));
  yaml_parser_set_input_string (&parser, (const guchar *) yaml, strlen (yaml));
  if (!yaml_parser_load (&parser, &document))
    {
      yaml_parser_delete (&parser);
      return NULL;
    }
  yaml_parser_delete (&parser);

  root = yaml_document_get_root_node (&document);
  out = g_string_new (format == FORMAT_TOML ? "+++\n" : "{\n");
  if (root != NULL && root->type == YAML_MAPPING_NODE)
    for (yaml_node_pair_t *pair = root->data.mapping.pairs.start;
         pair < root->data.mapping.pairs.top; pair++)
      {
        yaml_node_t *key = yaml_document_get_node (&document, pair->key);
        yaml_node_t *value = yaml_document_get_node (&document, pair->value);

        /* A key without a value is no parameter to Hugo; TOML cannot
         * write it at all. */
        if (format == FORMAT_TOML && node_is_null (value))
          continue;
        if (format == FORMAT_JSON)
          g_string_append (out, first ? "  " : ",\n  ");
        first = FALSE;
        append_key (out, scalar_of (key), format);
        g_string_append (out, format == FORMAT_TOML ? " = " : ": ");
        append_value (out, &document, value, format);
        if (format == FORMAT_TOML)
          g_string_append_c (out, '\n');
      }
  g_string_append (out, format == FORMAT_TOML ? "+++\n" : "\n}\n");
  yaml_document_delete (&document);
  return g_string_free (out, FALSE);
}

/* The converter itself, on values of the kinds posts use. */
static void
test_converter (void)
{
  const char *yaml =
    "title: \"A \\\"quoted\\\" title\"\n"
    "date: 2024-01-02\n"
    "lastmod: 2024-01-02 10:00:00+01:00\n"
    "draft: false\n"
    "weight: -3\n"
    "ratio: 1.5\n"
    "empty:\n"
    "version: '1.0'\n"
    "cSpell:ignore: Kanzhelev Sergey\n"
    "author: >-\n  [Jane](https://example.org/jane),\n  Tom\n"
    "tags: [a, 'b c']\n"
    "menu: { main: { weight: 50 } }\n";
  g_autofree char *toml = convert (yaml, FORMAT_TOML);
  g_autofree char *json = convert (yaml, FORMAT_JSON);

  g_assert_cmpstr (toml, ==,
                   "+++\n"
                   "title = \"A \\\"quoted\\\" title\"\n"
                   "date = 2024-01-02\n"
                   "lastmod = 2024-01-02T10:00:00+01:00\n"
                   "draft = false\n"
                   "weight = -3\n"
                   "ratio = 1.5\n"
                   "version = \"1.0\"\n"
                   "\"cSpell:ignore\" = \"Kanzhelev Sergey\"\n"
                   "author = \"[Jane](https://example.org/jane), Tom\"\n"
                   "tags = [\"a\", \"b c\"]\n"
                   "menu = { main = { weight = 50 } }\n"
                   "+++\n");
  g_assert_cmpstr (json, ==,
                   "{\n"
                   "  \"title\": \"A \\\"quoted\\\" title\",\n"
                   "  \"date\": \"2024-01-02\",\n"
                   "  \"lastmod\": \"2024-01-02 10:00:00+01:00\",\n"
                   "  \"draft\": false,\n"
                   "  \"weight\": -3,\n"
                   "  \"ratio\": 1.5,\n"
                   "  \"empty\": null,\n"
                   "  \"version\": \"1.0\",\n"
                   "  \"cSpell:ignore\": \"Kanzhelev Sergey\",\n"
                   "  \"author\": \"[Jane](https://example.org/jane), Tom\",\n"
                   "  \"tags\": [\"a\", \"b c\"],\n"
                   "  \"menu\": { \"main\": { \"weight\": 50 } }\n"
                   "}\n");
}

typedef struct
{
  guint posts;
  guint compared;
  guint unconvertible;
} Counts;

/* Splits a post at its YAML fences: the YAML and the body; FALSE when it
 * has no YAML front matter. */
static gboolean
split_yaml (const char  *text,
            char       **yaml,
            const char **body)
{
  const char *p;

  if (!g_str_has_prefix (text, "---\n"))
    return FALSE;
  for (p = text + 4; *p != '\0'; p = strchr (p, '\n') + 1)
    {
      if (g_str_has_prefix (p, "---\n") || strcmp (p, "---") == 0)
        {
          *yaml = g_strndup (text + 4, p - (text + 4));
          *body = p[3] == '\n' ? p + 4 : p + 3;
          return TRUE;
        }
      if (strchr (p, '\n') == NULL)
        break;
    }
  return FALSE;
}

static guint
count_lines (const char *text,
             const char *end)
{
  guint lines = 0;

  for (const char *p = text; p < end; p++)
    lines += *p == '\n';
  return lines;
}

/* @html with the lines of its data-sourcepos="l:c-l:c" attributes (the
 * preview's scroll sync) moved by -@shift, as they were in the original. */
static char *
unshift_sourcepos (const char *html,
                   int         shift)
{
  g_autoptr(GRegex) regex = g_regex_new ("data-sourcepos=\"([0-9]+):([0-9]+)-([0-9]+):([0-9]+)\"",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GString *out = g_string_new (NULL);
  gsize done = 0;

  g_regex_match (regex, html, 0, &match);
  while (g_match_info_matches (match))
    {
      int start, end;
      g_autofree char *l1 = g_match_info_fetch (match, 1);
      g_autofree char *c1 = g_match_info_fetch (match, 2);
      g_autofree char *l2 = g_match_info_fetch (match, 3);
      g_autofree char *c2 = g_match_info_fetch (match, 4);

      g_match_info_fetch_pos (match, 0, &start, &end);
      g_string_append_len (out, html + done, start - done);
      g_string_append_printf (out, "data-sourcepos=\"%d:%s-%d:%s\"", atoi (l1) - shift, c1,
                              atoi (l2) - shift, c2);
      done = end;
      g_match_info_next (match, NULL);
    }
  g_string_append (out, html + done);
  return g_string_free (out, FALSE);
}

static void
check_post (Counts     *counts,
            const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineAnalysisContext) context = NULL;
  g_autoptr(BylineAnalysis) original = NULL;
  g_autofree char *text = NULL;
  g_autofree char *yaml = NULL;
  BylineRendering *expected;
  const char *body;
  guint yaml_body_line;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  counts->posts++;
  if (!split_yaml (text, &yaml, &body))
    return;

  context = byline_analysis_context_new_for_file (file, &error);
  g_assert_no_error (error);
  original = byline_analysis_new (context, text, -1, 0, BYLINE_ANALYSIS_NO_LINT);
  expected = byline_analysis_get_rendering (original);
  g_assert_nonnull (byline_analysis_get_front_matter (original));
  /* The header says what the front matter says: not empty alike. */
  if (byline_analysis_get_title (original) != NULL)
    g_assert_nonnull (strstr (expected->header_html, "<h1>"));
  yaml_body_line = count_lines (text, body);

  for (Format format = FORMAT_TOML; format <= FORMAT_JSON; format++)
    {
      g_autofree char *front_matter = convert (yaml, format);
      g_autofree char *converted = NULL;
      g_autoptr(BylineAnalysis) analysis = NULL;
      BylineRendering *rendering;
      int shift;

      if (front_matter == NULL)
        {
          counts->unconvertible++;
          g_test_message ("%s: libyaml cannot read the front matter", path);
          return;
        }
      converted = g_strconcat (front_matter, body, NULL);
      analysis = byline_analysis_new (context, converted, -1, 0, BYLINE_ANALYSIS_NO_LINT);
      rendering = byline_analysis_get_rendering (analysis);
      if (byline_analysis_get_front_matter (analysis) == NULL)
        g_test_message ("%s: the %s front matter does not read:\n%s", path,
                        format == FORMAT_TOML ? "TOML" : "JSON", front_matter);
      g_assert_nonnull (byline_analysis_get_front_matter (analysis));
      g_assert_cmpstr (rendering->header_html, ==, expected->header_html);

      /* The same blocks, each on the lines of the original's moved by the
       * difference in the front matter's length. */
      shift = (int) count_lines (converted, converted + strlen (front_matter)) -
              (int) yaml_body_line;
      g_assert_cmpuint (rendering->blocks->len, ==, expected->blocks->len);
      for (guint i = 0; i < expected->blocks->len; i++)
        {
          const BylineBlock *a = g_ptr_array_index (expected->blocks, i);
          const BylineBlock *b = g_ptr_array_index (rendering->blocks, i);
          g_autofree char *html = unshift_sourcepos (b->html, shift);

          if (g_strcmp0 (a->html, html) != 0)
            g_test_message ("%s (%s), block %u of lines %u-%u differs", path,
                            format == FORMAT_TOML ? "TOML" : "JSON", i, a->first_line,
                            a->last_line);
          g_assert_cmpstr (html, ==, a->html);
          g_assert_cmpint ((int) b->first_line, ==, (int) a->first_line + shift);
          g_assert_cmpint ((int) b->last_line, ==, (int) a->last_line + shift);
        }
      g_assert_cmpuint (rendering->diagnostics->len, ==, expected->diagnostics->len);
    }
  counts->compared++;
}

static void
test_site (gconstpointer data)
{
  const char * const *spec = data;
  g_autofree char *root = corpus_site (spec[0]);
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  Counts counts = { 0 };

  if (root == NULL)
    {
      g_test_skip ("$BYLINE_CORPUS/sites is not here");
      return;
    }
  folder = g_build_filename (root, spec[1], NULL);
  corpus_collect_pages (folder, paths);
  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < paths->len; i++)
    check_post (&counts, g_ptr_array_index (paths, i));
  g_test_message ("%s: %u posts, %u rendered alike in YAML, TOML and JSON, "
                  "%u not read by libyaml", spec[0], counts.posts, counts.compared,
                  counts.unconvertible);
  g_assert_cmpuint (counts.compared, >, 200);
  g_assert_cmpuint (counts.unconvertible, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const opentelemetry[] = { "opentelemetry.io", "content/en/blog" };
  static const char * const hugo_docs[] = { "gohugo.io", "content/en" };

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/corpus-site-formats/converter", test_converter);
  g_test_add_data_func ("/core/corpus-site-formats/opentelemetry.io", opentelemetry, test_site);
  g_test_add_data_func ("/core/corpus-site-formats/gohugo.io", hugo_docs, test_site);

  return g_test_run ();
}
