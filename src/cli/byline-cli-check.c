/* byline-cli-check.c — byline-cli check: the rule engine for hooks and CI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-cli"

#include "config.h"

#include "byline-cli.h"

#include "byline-analysis.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

typedef enum
{
  FORMAT_TEXT,
  FORMAT_JSON,
  FORMAT_SARIF,
} Format;

typedef struct
{
  char      *path;         /* as shown: the argument, or the folder argument joined with the rest */
  GFile          *file;
  BylineAnalysis *analysis;
  GPtrArray      *diagnostics;  /* of BylineDiagnostic (the analysis's), NULL when the file
                                 * could not be checked */
  char      *error;        /* why it could not be checked */
} FileResult;

/* A finding about a file of a post's site (its configuration, a theme),
 * reported once however many of its posts are checked. */
typedef struct
{
  char             *path;        /* as shown: relative to the current folder when inside it */
  guint             line;        /* 0 when unknown */
  guint             column;
  BylineDiagnostic *diagnostic;  /* its rule, severity and message */
} SiteFinding;

typedef struct
{
  Format         format;
  gboolean       no_warnings;
  gboolean       include_index;
  gboolean       fix;             /* --fix */
  GHashTable    *fixed;           /* "kind uri" of the file fixes applied */
  guint          n_fix_failed;
  gboolean       spelling;        /* --spelling */
  BylineCliSpelling *checkers;
  BylineProfile *fixed_profile;   /* --profile */
  GHashTable    *profiles;        /* .byline.yml path → BylineProfile */
  GPtrArray     *results;         /* of FileResult */
  GPtrArray     *site_findings;   /* of SiteFinding */
  GHashTable    *sites_reported;  /* "rule\nfile\nmessage" of site_findings */
  guint          n_errors;
  guint          n_warnings;
  guint          n_infos;
  guint          n_failed;        /* files that could not be checked */
} Check;

static void
file_result_free (FileResult *result)
{
  g_free (result->path);
  g_clear_object (&result->file);
  g_clear_pointer (&result->diagnostics, g_ptr_array_unref);
  g_clear_object (&result->analysis);
  g_free (result->error);
  g_free (result);
}

static void
count_finding (Check                  *check,
               const BylineDiagnostic *diagnostic)
{
  if (diagnostic->severity == BYLINE_SEVERITY_ERROR)
    check->n_errors++;
  else if (diagnostic->severity == BYLINE_SEVERITY_WARNING)
    check->n_warnings++;
  else
    check->n_infos++;
}

static void
site_finding_free (SiteFinding *finding)
{
  g_free (finding->path);
  byline_diagnostic_free (finding->diagnostic);
  g_free (finding);
}

/* @path as the user would write it from here. */
static char *
shown_path (const char *path)
{
  g_autofree char *here = g_get_current_dir ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (here);
  char *relative = g_file_get_relative_path (folder, file);

  return relative != NULL ? relative : g_strdup (path);
}

/* Keeps a finding about a file of @site, once per run, at the line of
 * the site's own problem it comes from. */
static void
add_site_finding (Check                  *check,
                  BylineSite             *site,
                  const BylineDiagnostic *diagnostic)
{
  g_autofree char *key = g_strdup_printf ("%s\n%s\n%s", diagnostic->rule_id,
                                          diagnostic->subject, diagnostic->message);
  const GPtrArray *problems = byline_site_get_problems (site);
  SiteFinding *finding;

  if (g_hash_table_contains (check->sites_reported, key))
    return;
  g_hash_table_add (check->sites_reported, g_steal_pointer (&key));

  finding = g_new0 (SiteFinding, 1);
  finding->path = shown_path (diagnostic->subject);
  finding->diagnostic = byline_diagnostic_copy (diagnostic);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const BylineSiteProblem *problem = g_ptr_array_index ((GPtrArray *) problems, i);

      if (g_strcmp0 (problem->file, diagnostic->subject) == 0 &&
          g_strcmp0 (problem->message, diagnostic->message) == 0)
        {
          finding->line = problem->line;
          finding->column = problem->column;
          break;
        }
    }
  g_ptr_array_add (check->site_findings, finding);
  count_finding (check, diagnostic);
}

static void
add_file (Check      *check,
          GFile      *file,
          const char *shown)
{
  FileResult *result = g_new0 (FileResult, 1);

  result->file = g_object_ref (file);
  result->path = g_strdup (shown);
  g_ptr_array_add (check->results, result);
}

static void
add_failure (Check      *check,
             GFile      *file,
             const char *shown,
             const char *message)
{
  add_file (check, file, shown);
  ((FileResult *) g_ptr_array_index (check->results, check->results->len - 1))->error =
    g_strdup (message);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Folders are searched for posts in name order, so that the output is the
 * same on every machine; hidden folders (.git) are skipped. */
static void
collect_folder (Check      *check,
                GFile      *folder,
                const char *shown,
                guint       depth)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) folders = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  GFileInfo *info;

  if (depth > 64)
    return;

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
  if (enumerator == NULL)
    {
      add_failure (check, folder, shown, error->message);
      return;
    }

  while ((info = g_file_enumerator_next_file (enumerator, NULL, &error)) != NULL)
    {
      const char *name = g_file_info_get_name (info);
      GFileType type = g_file_info_get_file_type (info);

      if (name[0] == '.')
        ;
      else if (type == G_FILE_TYPE_DIRECTORY)
        {
          g_ptr_array_add (names, g_strdup (name));
          g_hash_table_add (folders, g_ptr_array_index (names, names->len - 1));
        }
      else if (type == G_FILE_TYPE_REGULAR && g_str_has_suffix (name, ".md") &&
               (check->include_index || strcmp (name, "_index.md") != 0))
        g_ptr_array_add (names, g_strdup (name));

      g_object_unref (info);
    }
  if (error != NULL)
    add_failure (check, folder, shown, error->message);

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GFile) child = g_file_get_child (folder, name);
      g_autofree char *child_shown = g_build_filename (shown, name, NULL);

      if (g_hash_table_contains (folders, name))
        collect_folder (check, child, child_shown, depth + 1);
      else
        add_file (check, child, child_shown);
    }
}

static void
collect (Check      *check,
         const char *argument)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (argument);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            NULL, &error);
  if (info == NULL)
    add_failure (check, file, argument, error->message);
  else if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    collect_folder (check, file, argument, 0);
  else
    add_file (check, file, argument);
}

static BylineProfile *
profile_for (Check       *check,
             BylineSite  *site,
             GError     **error)
{
  g_autoptr(BylineSitePages) pages = NULL;
  g_autofree char *path = NULL;
  g_autofree char *key = NULL;
  const BylineSitePage *page = NULL;
  GFile *post = byline_site_get_post_file (site);
  GFile *root;
  GFile *found;
  BylineProfile *profile;

  if (check->fixed_profile != NULL)
    return g_object_ref (check->fixed_profile);

  root = byline_site_get_root (site);
  found = byline_site_get_profile_file (site);
  if (root != NULL && post != NULL)
    {
      pages = byline_site_get_pages (site);
      path = g_file_get_path (post);
      page = pages != NULL ? byline_site_pages_lookup_file (pages, path) : NULL;
    }
  /* Posts of one section of a site share their profile: make it once. */
  key = g_strdup_printf ("%s\n%s\n%s",
                         found != NULL ? g_file_peek_path (found) : "",
                         root != NULL ? g_file_peek_path (root) : "",
                         page != NULL ? byline_site_page_get_section (page) : "");
  profile = g_hash_table_lookup (check->profiles, key);
  if (profile == NULL)
    {
      profile = byline_profile_new_for_site (site, error);
      if (profile == NULL)
        return NULL;
      g_hash_table_insert (check->profiles, g_steal_pointer (&key), profile);
    }
  /* But a page learned from the site has a profile of its own: what the
   * site's other pages teach. Learning is cached per section, so this
   * costs little. */
  if (page != NULL && byline_profile_is_learned (profile))
    return byline_profile_new_for_site (site, error);
  return g_object_ref (profile);
}

/* Applies the diagnostics' file fixes, each once per run, and says what
 * changed. Returns whether a file changed. */
static gboolean
apply_file_fixes (Check      *check,
                  FileResult *result,
                  GPtrArray  *diagnostics)
{
  g_autofree char *folder = g_path_get_dirname (result->path);
  gboolean any = FALSE;

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const BylineDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      const BylineFileFix *fix = diagnostic->file_fix;
      g_autoptr(GError) error = NULL;
      g_autofree char *uri = NULL;
      g_autofree char *name = NULL;
      g_autofree char *shown = NULL;
      g_autofree char *done = NULL;

      if (fix == NULL)
        continue;
      uri = g_file_get_uri (fix->file);
      if (!g_hash_table_add (check->fixed,
                             g_strdup_printf ("%s %s", byline_file_fix_kind_to_string (fix->kind),
                                              uri)))
        continue;

      name = g_file_get_basename (fix->file);
      shown = g_build_filename (folder, name, NULL);
      done = byline_file_fix_apply (fix, NULL, &error);
      if (error != NULL)
        {
          byline_cli_print_error (shown, 0, 0, error->message);
          check->n_fix_failed++;
          continue;
        }
      if (done == NULL)
        continue;

      /* Standard output holds the JSON and SARIF documents. */
      if (check->format == FORMAT_TEXT)
        g_print ("%s: %s\n", shown, done);
      else
        g_printerr ("%s: %s\n", shown, done);
      any = TRUE;
    }
  return any;
}

/* The window's analysis context, with a spell checker when --spelling or
 * the profile switches the spelling rule on. */
static BylineAnalysisContext *
analysis_context_for (Check         *check,
                      FileResult    *result,
                      BylineProfile *profile,
                      BylineSite    *site,
                      BylineBundle  *bundle)
{
  BylineAnalysisContext *context = byline_analysis_context_new (profile, site, bundle, NULL, NULL);

  if (check->spelling ||
      byline_profile_get_rule_severity (profile, "spelling/unknown-word",
                                        BYLINE_SEVERITY_OFF) != BYLINE_SEVERITY_OFF)
    byline_analysis_context_set_spell_checker (context,
                                               byline_cli_spelling_get_checker (check->checkers,
                                                                                result->file,
                                                                                result->path,
                                                                                site, profile));
  return context;
}

static void
check_file (Check      *check,
            FileResult *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineSite) site = NULL;
  g_autoptr(BylineBundle) bundle = NULL;
  g_autoptr(BylineAnalysisContext) context = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(BylineProfile) profile = NULL;
  GPtrArray *diagnostics;
  gsize length = 0;

  if (!g_file_load_contents (result->file, NULL, &contents, &length, NULL, &error))
    {
      result->error = g_strdup (error->message);
      return;
    }

  site = byline_site_lookup (result->file, NULL);
  profile = profile_for (check, site, &error);
  if (profile == NULL)
    {
      result->error = g_strdup (error->message);
      return;
    }

  /* The window's analysis, without the HTML: the same findings. */
  bundle = byline_bundle_new (result->file);
  context = analysis_context_for (check, result, profile, site, bundle);
  result->analysis = byline_analysis_new (context, contents, (gssize) length, 0,
                                          BYLINE_ANALYSIS_NO_RENDER);
  diagnostics = byline_analysis_get_diagnostics (result->analysis);

  if (check->fix && apply_file_fixes (check, result, diagnostics))
    {
      /* Report what remains after the fixes, from the files as they are now. */
      g_clear_object (&bundle);
      g_clear_object (&context);
      g_clear_object (&result->analysis);
      bundle = byline_bundle_new (result->file);
      context = analysis_context_for (check, result, profile, site, bundle);
      result->analysis = byline_analysis_new (context, contents, (gssize) length, 0,
                                              BYLINE_ANALYSIS_NO_RENDER);
      diagnostics = byline_analysis_get_diagnostics (result->analysis);
    }

  result->diagnostics = g_ptr_array_new ();
  for (guint i = 0; i < diagnostics->len; i++)
    {
      BylineDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      if (check->no_warnings && diagnostic->severity != BYLINE_SEVERITY_ERROR)
        continue;
      /* What the site lacks is said once, at its own file. */
      if (diagnostic->subject_kind == BYLINE_SUBJECT_SITE_FILE)
        {
          add_site_finding (check, site, diagnostic);
          continue;
        }
      g_ptr_array_add (result->diagnostics, diagnostic);
      count_finding (check, diagnostic);
    }
}

/* Output. */

static void
print_text (Check *check)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < check->site_findings->len; i++)
    {
      const SiteFinding *finding = g_ptr_array_index (check->site_findings, i);

      g_string_append (out, finding->path);
      if (finding->line > 0)
        g_string_append_printf (out, ":%u:%u", finding->line, finding->column);
      g_string_append_printf (out, ": %s: %s [%s]\n",
                              byline_severity_to_string (finding->diagnostic->severity),
                              finding->diagnostic->message, finding->diagnostic->rule_id);
    }

  for (guint i = 0; i < check->results->len; i++)
    {
      const FileResult *result = g_ptr_array_index (check->results, i);

      if (result->error != NULL)
        {
          byline_cli_print_error (result->path, 0, 0, result->error);
          continue;
        }

      for (guint j = 0; j < result->diagnostics->len; j++)
        {
          const BylineDiagnostic *diagnostic = g_ptr_array_index (result->diagnostics, j);

          g_string_append_printf (out, "%s:%u:%u: %s: %s [%s]\n",
                                  result->path, diagnostic->span.line, diagnostic->span.column,
                                  byline_severity_to_string (diagnostic->severity),
                                  diagnostic->message, diagnostic->rule_id);
        }
    }

  {
    guint n_files = check->results->len;
    /* TRANSLATORS: the pieces of the closing summary of byline-cli check,
     * e.g. "2 errors, 1 warning, 0 infos in 12 files". */
    g_autofree char *errors = g_strdup_printf (ngettext ("%u error", "%u errors", check->n_errors),
                                               check->n_errors);
    g_autofree char *warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings",
                                                           check->n_warnings),
                                                 check->n_warnings);
    g_autofree char *infos = g_strdup_printf (ngettext ("%u info", "%u infos", check->n_infos),
                                              check->n_infos);
    g_autofree char *files = g_strdup_printf (ngettext ("%u file", "%u files", n_files), n_files);

    /* TRANSLATORS: "2 errors, 1 warning, 0 infos in 12 files" */
    g_string_append_printf (out, _("%s, %s, %s in %s"), errors, warnings, infos, files);
    if (check->n_failed > 0)
      g_string_append_printf (out, ngettext (" (%u could not be checked)",
                                             " (%u could not be checked)", check->n_failed),
                              check->n_failed);
    g_string_append_c (out, '\n');
  }

  fwrite (out->str, 1, out->len, stdout);
  g_string_free (out, TRUE);
}

static void
append_json_fix (GString               *out,
                 const BylineTextPatch *fix)
{
  g_string_append_printf (out, "{\"offset\": %" G_GSIZE_FORMAT ", \"length\": %" G_GSIZE_FORMAT
                          ", \"text\": ", fix->offset, fix->length);
  byline_json_string_append (out, fix->text != NULL ? fix->text : "");
  g_string_append_c (out, '}');
}

static void
print_json (Check *check)
{
  GString *out = g_string_new (NULL);

  g_string_append (out, "{\n  \"version\": 1,\n  \"tool\": {\"name\": \"byline-cli\", "
                        "\"version\": \"" PACKAGE_VERSION "\"},\n  \"files\": [");

  for (guint i = 0; i < check->results->len; i++)
    {
      const FileResult *result = g_ptr_array_index (check->results, i);

      g_string_append (out, i > 0 ? ",\n    {\"path\": " : "\n    {\"path\": ");
      byline_json_string_append (out, result->path);
      g_string_append (out, ", \"error\": ");
      if (result->error != NULL)
        byline_json_string_append (out, result->error);
      else
        g_string_append (out, "null");
      g_string_append (out, ", \"diagnostics\": [");

      for (guint j = 0; result->diagnostics != NULL && j < result->diagnostics->len; j++)
        {
          const BylineDiagnostic *d = g_ptr_array_index (result->diagnostics, j);

          g_string_append (out, j > 0 ? ",\n      {" : "\n      {");
          g_string_append (out, "\"ruleId\": ");
          byline_json_string_append (out, d->rule_id);
          g_string_append_printf (out, ", \"severity\": \"%s\", \"message\": ",
                                  byline_severity_to_string (d->severity));
          byline_json_string_append (out, d->message);
          g_string_append_printf (out,
                                  ", \"line\": %u, \"column\": %u, \"endLine\": %u, "
                                  "\"endColumn\": %u, \"offset\": %" G_GSIZE_FORMAT
                                  ", \"endOffset\": %" G_GSIZE_FORMAT ", \"fix\": ",
                                  d->span.line, d->span.column, d->span.end_line,
                                  d->span.end_column, d->span.start, d->span.end);
          if (d->fix != NULL)
            append_json_fix (out, d->fix);
          else
            g_string_append (out, "null");
          if (d->file_fix != NULL)
            {
              g_autofree char *path = g_file_get_path (d->file_fix->file);

              g_string_append_printf (out, ", \"fileFix\": {\"kind\": \"%s\", \"file\": ",
                                      byline_file_fix_kind_to_string (d->file_fix->kind));
              byline_json_string_append (out, path != NULL ? path : "");
              g_string_append (out, ", \"label\": ");
              byline_json_string_append (out, d->file_fix->label);
              g_string_append_c (out, '}');
            }
          g_string_append_c (out, '}');
        }
      if (result->diagnostics != NULL && result->diagnostics->len > 0)
        g_string_append (out, "\n    ");
      g_string_append (out, "]}");
    }

  g_string_append (out, "\n  ],\n  \"site\": [");
  for (guint i = 0; i < check->site_findings->len; i++)
    {
      const SiteFinding *finding = g_ptr_array_index (check->site_findings, i);
      const BylineDiagnostic *d = finding->diagnostic;

      g_string_append (out, i > 0 ? ",\n    {\"path\": " : "\n    {\"path\": ");
      byline_json_string_append (out, finding->path);
      g_string_append (out, ", \"ruleId\": ");
      byline_json_string_append (out, d->rule_id);
      g_string_append_printf (out, ", \"severity\": \"%s\", \"message\": ",
                              byline_severity_to_string (d->severity));
      byline_json_string_append (out, d->message);
      g_string_append_printf (out, ", \"line\": %u, \"column\": %u}", finding->line,
                              finding->column);
    }
  if (check->site_findings->len > 0)
    g_string_append (out, "\n  ");

  g_string_append_printf (out, "],\n  \"summary\": {\"files\": %u, \"errors\": %u, "
                          "\"warnings\": %u, \"infos\": %u, \"failed\": %u}\n}\n",
                          check->results->len, check->n_errors, check->n_warnings,
                          check->n_infos, check->n_failed);

  fwrite (out->str, 1, out->len, stdout);
  g_string_free (out, TRUE);
}

static const char *
sarif_level (BylineSeverity severity)
{
  switch (severity)
    {
    case BYLINE_SEVERITY_ERROR:
      return "error";
    case BYLINE_SEVERITY_WARNING:
      return "warning";
    case BYLINE_SEVERITY_INFO:
    case BYLINE_SEVERITY_OFF:
    default:
      return "note";
    }
}

/* SARIF wants relative paths as URI references: escape what a URI cannot
 * hold as is, keep the slashes. */
static void
append_sarif_uri (GString    *out,
                  const char *path)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

  byline_json_string_append (out, escaped);
}

static guint
rule_index (const char *rule_id)
{
  guint n = byline_linter_get_n_rules ();

  for (guint i = 0; i < n; i++)
    if (strcmp (byline_linter_get_rule (i)->id, rule_id) == 0)
      return i;
  return 0;
}

/* A result's start, up to its artifact location; the caller adds the
 * region, if any, and closes the location and the result. */
static void
append_sarif_result (GString                *out,
                     gboolean               *first,
                     const BylineDiagnostic *d,
                     const char             *path)
{
  g_string_append (out, *first ? "\n      {" : ",\n      {");
  *first = FALSE;
  g_string_append (out, "\"ruleId\": ");
  byline_json_string_append (out, d->rule_id);
  g_string_append_printf (out, ", \"ruleIndex\": %u, \"level\": \"%s\", "
                          "\"message\": {\"text\": ",
                          rule_index (d->rule_id), sarif_level (d->severity));
  byline_json_string_append (out, d->message);
  g_string_append (out, "}, \"locations\": [{\"physicalLocation\": "
                        "{\"artifactLocation\": {\"uri\": ");
  append_sarif_uri (out, path);
  g_string_append_c (out, '}');
}

static void
print_sarif (Check *check)
{
  GString *out = g_string_new (NULL);
  guint n_rules = byline_linter_get_n_rules ();
  gboolean first = TRUE;

  g_string_append (out,
                   "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
                   "  \"version\": \"2.1.0\",\n  \"runs\": [{\n"
                   "    \"tool\": {\"driver\": {\"name\": \"byline-cli\", "
                   "\"version\": \"" PACKAGE_VERSION "\","
                   "\n      \"rules\": [");

  for (guint i = 0; i < n_rules; i++)
    {
      const BylineRuleInfo *rule = byline_linter_get_rule (i);

      g_string_append (out, i > 0 ? ",\n        {\"id\": " : "\n        {\"id\": ");
      byline_json_string_append (out, rule->id);
      g_string_append (out, ", \"shortDescription\": {\"text\": ");
      byline_json_string_append (out, _(rule->summary));
      g_string_append_printf (out, "}, \"defaultConfiguration\": {\"level\": \"%s\"}}",
                              sarif_level (rule->default_severity));
    }
  g_string_append (out, "\n      ]}},\n    \"columnKind\": \"unicodeCodePoints\",\n"
                        "    \"results\": [");

  for (guint i = 0; i < check->results->len; i++)
    {
      const FileResult *result = g_ptr_array_index (check->results, i);

      for (guint j = 0; result->diagnostics != NULL && j < result->diagnostics->len; j++)
        {
          const BylineDiagnostic *d = g_ptr_array_index (result->diagnostics, j);

          append_sarif_result (out, &first, d, result->path);
          g_string_append_printf (out, ", \"region\": {\"startLine\": %u, \"startColumn\": %u, "
                                  "\"endLine\": %u, \"endColumn\": %u}}}]}",
                                  MAX (d->span.line, 1), MAX (d->span.column, 1),
                                  MAX (d->span.end_line, 1), MAX (d->span.end_column, 1));
        }
    }
  for (guint i = 0; i < check->site_findings->len; i++)
    {
      const SiteFinding *finding = g_ptr_array_index (check->site_findings, i);

      append_sarif_result (out, &first, finding->diagnostic, finding->path);
      if (finding->line > 0)
        g_string_append_printf (out, ", \"region\": {\"startLine\": %u, \"startColumn\": %u}",
                                finding->line, MAX (finding->column, 1));
      g_string_append (out, "}}]}");
    }
  g_string_append (out, first ? "],\n" : "\n    ],\n");

  /* Files that could not be checked, so that code scanning shows why. */
  g_string_append_printf (out, "    \"invocations\": [{\"executionSuccessful\": %s, "
                          "\"toolExecutionNotifications\": [",
                          check->n_failed == 0 ? "true" : "false");
  first = TRUE;
  for (guint i = 0; i < check->results->len; i++)
    {
      const FileResult *result = g_ptr_array_index (check->results, i);

      if (result->error == NULL)
        continue;
      g_string_append (out, first ? "\n      {" : ",\n      {");
      first = FALSE;
      g_string_append (out, "\"level\": \"error\", \"message\": {\"text\": ");
      byline_json_string_append (out, result->error);
      g_string_append (out, "}, \"locations\": [{\"physicalLocation\": "
                            "{\"artifactLocation\": {\"uri\": ");
      append_sarif_uri (out, result->path);
      g_string_append (out, "}}}]}");
    }
  g_string_append (out, first ? "]}]\n  }]\n}\n" : "\n    ]}]\n  }]\n}\n");

  fwrite (out->str, 1, out->len, stdout);
  g_string_free (out, TRUE);
}

int
byline_cli_check (int    argc,
                  char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *profile_path = NULL;
  g_auto(GStrv) paths = NULL;
  gboolean no_warnings = FALSE;
  gboolean include_index = FALSE;
  gboolean fix = FALSE;
  gboolean spelling = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  Check check = { 0 };
  int status;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("Output format: text (the default), json or sarif"), N_("FORMAT") },
    { "profile", 'p', 0, G_OPTION_ARG_FILENAME, &profile_path,
      N_("Use this profile for every post instead of the .byline.yml found beside it"),
      N_("FILE") },
    { "no-warnings", 0, 0, G_OPTION_ARG_NONE, &no_warnings,
      N_("Report errors only"), NULL },
    { "include-index", 0, 0, G_OPTION_ARG_NONE, &include_index,
      N_("Check _index.md section files found in folders too"), NULL },
    { "fix", 0, 0, G_OPTION_ARG_NONE, &fix,
      N_("Apply the fixes that change the posts’ pictures (remove a location, scale "
         "down), then report what remains"), NULL },
    { "spelling", 0, 0, G_OPTION_ARG_NONE, &spelling,
      N_("Check spelling too (rule spelling/unknown-word)"), NULL },
    /* No argument description: GOption would print it before the parameter
     * string, which names the paths already. */
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, NULL },
    { NULL }
  };

  g_set_prgname ("byline-cli check");
  context = g_option_context_new (_("PATH… — check posts, or the posts in folders"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Exit status: 0 when no errors were found, 1 when some "
                                  "were, 2 on usage or I/O problems.\n\n"
                                  "--fix changes pictures of the posts’ folders in place and "
                                  "prints each change; the posts’ text is never changed."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("byline-cli check: %s\n", error->message);
      return BYLINE_CLI_USAGE;
    }

  if (format == NULL || strcmp (format, "text") == 0)
    check.format = FORMAT_TEXT;
  else if (strcmp (format, "json") == 0)
    check.format = FORMAT_JSON;
  else if (strcmp (format, "sarif") == 0)
    check.format = FORMAT_SARIF;
  else
    {
      /* TRANSLATORS: %s is the format the user asked for. */
      g_printerr (_("byline-cli check: unknown format “%s”: use text, json or sarif"), format);
      g_printerr ("\n");
      return BYLINE_CLI_USAGE;
    }

  if (paths == NULL || paths[0] == NULL)
    {
      g_printerr ("%s\n", _("byline-cli check: name at least one post or folder"));
      return BYLINE_CLI_USAGE;
    }

  if (profile_path != NULL &&
      (check.fixed_profile = byline_cli_load_profile (profile_path)) == NULL)
    return BYLINE_CLI_USAGE;

  check.no_warnings = no_warnings;
  check.include_index = include_index;
  check.fix = fix;
  check.fixed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  check.spelling = spelling;
  check.checkers = byline_cli_spelling_new ();
  check.profiles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  check.results = g_ptr_array_new_with_free_func ((GDestroyNotify) file_result_free);
  check.site_findings = g_ptr_array_new_with_free_func ((GDestroyNotify) site_finding_free);
  check.sites_reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; paths[i] != NULL; i++)
    collect (&check, paths[i]);

  for (guint i = 0; i < check.results->len; i++)
    {
      FileResult *result = g_ptr_array_index (check.results, i);

      if (result->error == NULL)
        check_file (&check, result);
      if (result->error != NULL)
        check.n_failed++;
    }

  switch (check.format)
    {
    case FORMAT_JSON:
      print_json (&check);
      break;
    case FORMAT_SARIF:
      print_sarif (&check);
      break;
    case FORMAT_TEXT:
    default:
      print_text (&check);
      break;
    }

  if (check.n_failed > 0 || check.n_fix_failed > 0)
    status = BYLINE_CLI_USAGE;
  else if (check.n_errors > 0)
    status = BYLINE_CLI_FINDINGS;
  else
    status = BYLINE_CLI_OK;

  g_clear_pointer (&check.results, g_ptr_array_unref);
  g_clear_pointer (&check.site_findings, g_ptr_array_unref);
  g_clear_pointer (&check.sites_reported, g_hash_table_unref);
  g_clear_pointer (&check.profiles, g_hash_table_unref);
  g_clear_pointer (&check.fixed, g_hash_table_unref);
  g_clear_object (&check.fixed_profile);
  g_clear_pointer (&check.checkers, byline_cli_spelling_free);

  return status;
}
