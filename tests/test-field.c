/* test-field.c — form fields over the front matter, without widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-field.h"
#include "byline-post.h"

#include <string.h>

#include "byline-test-util.h"
#include "corpus-sites.h"

static BylineProfile *profile;

static char *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "form", name, NULL);

  return byline_test_read_text (path);
}

static BylineFrontMatter *
parse (const char *text)
{
  BylinePostLayout layout;
  g_autoptr(GError) error = NULL;
  BylineFrontMatter *front_matter;

  byline_post_layout_parse (&layout, text, strlen (text), &error);
  g_assert_no_error (error);
  front_matter = byline_front_matter_parse (text, &layout, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (front_matter);
  return front_matter;
}

/* Replaces the one occurrence of @old in @text by @replacement. */
static char *
replace_once (const char *text,
              const char *old,
              const char *replacement)
{
  const char *at = strstr (text, old);

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, old));
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, replacement, at + strlen (old));
}

static char *
apply (const char            *text,
       const BylineTextPatch *patch)
{
  GString *out = g_string_new (text);

  byline_text_patch_apply (patch, out);
  return g_string_free (out, FALSE);
}

/* Setting values: each case names the text the edit replaces and what
 * replaces it, and the test asserts the whole text after the patch. */

typedef enum { SET_TEXT, SET_STRV, SET_BOOL } SetKind;

typedef struct
{
  const char      *name;
  const char      *fixture;
  const char      *key;
  SetKind          kind;
  const char      *value;      /* SET_TEXT; SET_STRV: items separated by '|'; SET_BOOL: "true" */
  const char      *old;        /* NULL: no patch */
  const char      *replacement;
  BylineFieldEdit  edit;
  int              error_code; /* -1: none */
} SetCase;

static const SetCase set_cases[] = {
  { "string/keeps-single-quotes-and-comment", "comments.md", "title", SET_TEXT,
    "Upgrading the Mesh, Carefully",
    "title: 'Upgrading the Mesh, Safely'   #",
    "title: 'Upgrading the Mesh, Carefully'   #", BYLINE_FIELD_EDIT_CHANGE, -1 },
  { "string/single-quote-inside", "comments.md", "title", SET_TEXT,
    "The Mesh's Upgrade",
    "'Upgrading the Mesh, Safely'", "'The Mesh''s Upgrade'", BYLINE_FIELD_EDIT_CHANGE, -1 },
  { "string/plain-needs-quotes", "comments.md", "subtitle", SET_TEXT,
    "Note: read first",
    "subtitle: A field guide\n", "subtitle: \"Note: read first\"\n",
    BYLINE_FIELD_EDIT_CHANGE, -1 },
  { "string/unchanged", "comments.md", "attribution", SET_TEXT,
    "Jane Doe (Example Corp)", NULL, NULL, BYLINE_FIELD_EDIT_NONE, -1 },
  { "string/optional-cleared-removes", "comments.md", "subtitle", SET_TEXT,
    "", "subtitle: A field guide\n", "", BYLINE_FIELD_EDIT_REMOVE, -1 },
  { "string/required-cleared-stays", "missing.md", "title", SET_TEXT,
    "", "title: Only a title\n", "title: \"\"\n", BYLINE_FIELD_EDIT_CHANGE, -1 },
  { "string/absent-empty-is-nothing", "missing.md", "subtitle", SET_TEXT,
    "", NULL, NULL, BYLINE_FIELD_EDIT_NONE, -1 },
  { "string/absent-inserted-in-order", "missing.md", "attribution", SET_TEXT,
    "Jane Doe",
    "title: Only a title\n", "title: Only a title\nattribution: Jane Doe\n",
    BYLINE_FIELD_EDIT_INSERT, -1 },
  { "text/folded-block-kept", "comments.md", "description", SET_TEXT,
    "A shorter summary.",
    "description: >\n  How we moved forty clusters to the new data plane\n"
    "  without a minute of downtime.\n",
    "description: >\n  A shorter summary.\n", BYLINE_FIELD_EDIT_CHANGE, -1 },
  { "text/unchanged-folded", "comments.md", "description", SET_TEXT,
    "How we moved forty clusters to the new data plane without a minute of downtime.",
    NULL, NULL, BYLINE_FIELD_EDIT_NONE, -1 },
  { "text/absent-after-title", "plain.md", "description", SET_TEXT,
    "Two lines\nof text.",
    "title: A plain post\n", "title: A plain post\ndescription: \"Two lines\\nof text.\"\n",
    BYLINE_FIELD_EDIT_INSERT, -1 },
  { "date/plain-keeps-comment", "comments.md", "publishdate", SET_TEXT,
    " 2024-03-06 ",
    "publishdate: 2024-03-05   #", "publishdate: 2024-03-06   #",
    BYLINE_FIELD_EDIT_CHANGE, -1 },
  { "date/quoted-stays-quoted", "plain.md", "publishdate", SET_TEXT,
    "2023-10-01T09:30:00Z",
    "publishdate: \"2023-09-29\"\n", "publishdate: \"2023-10-01T09:30:00Z\"\n",
    BYLINE_FIELD_EDIT_CHANGE, -1 },
  { "date/invalid", "comments.md", "publishdate", SET_TEXT,
    "March 6", NULL, NULL, BYLINE_FIELD_EDIT_NONE, BYLINE_FIELD_ERROR_INVALID_DATE },
  { "date/required-cleared", "comments.md", "publishdate", SET_TEXT,
    "", NULL, NULL, BYLINE_FIELD_EDIT_NONE, BYLINE_FIELD_ERROR_REQUIRED },
  { "date/optional-inserted", "comments.md", "last_update", SET_TEXT,
    "2024-04-01",
    "publishdate: 2024-03-05   # the day it goes out\n",
    "publishdate: 2024-03-05   # the day it goes out\nlast_update: 2024-04-01\n",
    BYLINE_FIELD_EDIT_INSERT, -1 },
  { "number/kept-as-written", "comments.md", "target_release", SET_TEXT,
    "1.20", "target_release: 1.10\n", "target_release: 1.20\n",
    BYLINE_FIELD_EDIT_CHANGE, -1 },
  { "number/invalid", "comments.md", "target_release", SET_TEXT,
    "1.x", NULL, NULL, BYLINE_FIELD_EDIT_NONE, BYLINE_FIELD_ERROR_INVALID_NUMBER },
  { "number/optional-cleared", "comments.md", "target_release", SET_TEXT,
    "", "target_release: 1.10\n", "", BYLINE_FIELD_EDIT_REMOVE, -1 },
  { "list/block-kept", "comments.md", "keywords", SET_STRV,
    "upgrade|data plane|zero downtime",
    "  - upgrade\n  - 'data plane'\n  - operations\n",
    "  - upgrade\n  - data plane\n  - zero downtime\n", BYLINE_FIELD_EDIT_CHANGE, -1 },
  { "list/flow-kept", "plain.md", "keywords", SET_STRV,
    "istio|security|mtls",
    "keywords: [istio, security]\n", "keywords: [istio, security, mtls]\n",
    BYLINE_FIELD_EDIT_CHANGE, -1 },
  { "list/flow-needs-quotes", "plain.md", "keywords", SET_STRV,
    "istio|a, b",
    "keywords: [istio, security]\n", "keywords: [istio, \"a, b\"]\n",
    BYLINE_FIELD_EDIT_CHANGE, -1 },
  { "list/unchanged", "plain.md", "keywords", SET_STRV,
    "istio|security", NULL, NULL, BYLINE_FIELD_EDIT_NONE, -1 },
  { "list/optional-emptied-removes", "plain.md", "aliases", SET_STRV,
    "", "aliases: [/blog/2023/old-name]\n", "", BYLINE_FIELD_EDIT_REMOVE, -1 },
  { "list/recommended-emptied-stays", "plain.md", "keywords", SET_STRV,
    "", "keywords: [istio, security]\n", "keywords: []\n", BYLINE_FIELD_EDIT_CHANGE, -1 },
  { "list/absent-inserted", "missing.md", "keywords", SET_STRV,
    "istio",
    "title: Only a title\n", "title: Only a title\nkeywords: [istio]\n",
    BYLINE_FIELD_EDIT_INSERT, -1 },
  { "bool/changed", "comments.md", "draft", SET_BOOL,
    "false", "draft: true\n", "draft: false\n", BYLINE_FIELD_EDIT_CHANGE, -1 },
  { "bool/unchanged", "comments.md", "draft", SET_BOOL,
    "true", NULL, NULL, BYLINE_FIELD_EDIT_NONE, -1 },
  { "bool/absent-inserted", "plain.md", "draft", SET_BOOL,
    "true", "aliases: [/blog/2023/old-name]\n",
    "aliases: [/blog/2023/old-name]\ndraft: true\n", BYLINE_FIELD_EDIT_INSERT, -1 },
};

static void
test_set (gconstpointer data)
{
  const SetCase *c = data;
  g_autofree char *text = read_fixture (c->fixture);
  g_autoptr(BylineFrontMatter) front_matter = parse (text);
  const BylineFieldSpec *spec = byline_profile_lookup_field (profile, c->key);
  const char * const *order = byline_profile_get_field_order (profile);
  g_autoptr(BylineTextPatch) patch = NULL;
  g_autoptr(GError) error = NULL;
  BylineFieldEdit edit = BYLINE_FIELD_EDIT_CHANGE;

  g_assert_nonnull (spec);

  switch (c->kind)
    {
    case SET_TEXT:
      patch = byline_field_set_text (spec, front_matter, c->value, order, &edit, &error);
      break;

    case SET_STRV:
      {
        g_auto(GStrv) items = *c->value != '\0' ? g_strsplit (c->value, "|", -1)
                                                : g_new0 (char *, 1);

        patch = byline_field_set_strv (spec, front_matter, (const char * const *) items,
                                       order, &edit);
      }
      break;

    case SET_BOOL:
      patch = byline_field_set_bool (spec, front_matter, g_str_equal (c->value, "true"),
                                     order, &edit);
      break;

    default:
      g_assert_not_reached ();
    }

  if (c->error_code >= 0)
    g_assert_error (error, BYLINE_FIELD_ERROR, c->error_code);
  else
    g_assert_no_error (error);
  g_assert_cmpint (edit, ==, c->edit);

  if (c->old == NULL)
    {
      g_assert_null (patch);
    }
  else
    {
      g_autofree char *expected = replace_once (text, c->old, c->replacement);
      g_autofree char *result = NULL;

      g_assert_nonnull (patch);
      result = apply (text, patch);
      g_assert_cmpstr (result, ==, expected);
    }
}

/* A value that an alias uses: clearing an optional text says why it
 * cannot go, an optional list becomes empty in place of going. */
static void
test_set_refused (void)
{
  const char *text = "---\ntitle: T\nsubtitle: &s Sub\naliases: &a [/x/]\n"
                     "description: *s\nsee: *a\n---\n";
  g_autoptr(BylineFrontMatter) front_matter = parse (text);
  const char * const *order = byline_profile_get_field_order (profile);
  g_autoptr(BylineTextPatch) patch = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *result = NULL;
  BylineFieldEdit edit = BYLINE_FIELD_EDIT_CHANGE;

  patch = byline_field_set_text (byline_profile_lookup_field (profile, "subtitle"), front_matter,
                                 "", order, &edit, &error);
  g_assert_null (patch);
  g_assert_cmpint (edit, ==, BYLINE_FIELD_EDIT_NONE);
  g_assert_error (error, BYLINE_FRONT_MATTER_ERROR, BYLINE_FRONT_MATTER_ERROR_CANNOT_EDIT);
  g_assert_cmpstr (error->message, ==,
                   "“subtitle” holds the anchor “&s” that the alias “*s” on line 5 uses: write "
                   "that value in place of the alias first");

  patch = byline_field_set_strv (byline_profile_lookup_field (profile, "aliases"), front_matter,
                                 (const char * const []) { NULL }, order, &edit);
  g_assert_nonnull (patch);
  g_assert_cmpint (edit, ==, BYLINE_FIELD_EDIT_CHANGE);
  result = apply (text, patch);
  g_assert_cmpstr (result, ==, "---\ntitle: T\nsubtitle: &s Sub\naliases: &a []\n"
                               "description: *s\nsee: *a\n---\n");
}

/* Values the fields show */

static void
test_values (void)
{
  g_autofree char *text = read_fixture ("comments.md");
  g_autoptr(BylineFrontMatter) front_matter = parse (text);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *date = NULL;
  g_autofree char *release = NULL;
  g_autofree char *absent = NULL;
  g_auto(GStrv) keywords = NULL;
  g_auto(GStrv) aliases = NULL;
  const char * const expected_keywords[] = { "upgrade", "data plane", "operations", NULL };

  title = byline_field_dup_text (byline_profile_lookup_field (profile, "title"), front_matter);
  g_assert_cmpstr (title, ==, "Upgrading the Mesh, Safely");
  description = byline_field_dup_text (byline_profile_lookup_field (profile, "description"),
                                       front_matter);
  g_assert_cmpstr (description, ==,
                   "How we moved forty clusters to the new data plane without a minute "
                   "of downtime.");
  date = byline_field_dup_text (byline_profile_lookup_field (profile, "publishdate"),
                                front_matter);
  g_assert_cmpstr (date, ==, "2024-03-05");
  release = byline_field_dup_text (byline_profile_lookup_field (profile, "target_release"),
                                   front_matter);
  g_assert_cmpstr (release, ==, "1.10");
  absent = byline_field_dup_text (byline_profile_lookup_field (profile, "twitter"),
                                  front_matter);
  g_assert_cmpstr (absent, ==, "");
  g_assert_false (byline_field_is_present (byline_profile_lookup_field (profile, "twitter"),
                                           front_matter));

  keywords = byline_field_dup_strv (byline_profile_lookup_field (profile, "keywords"),
                                    front_matter);
  g_assert_true (g_strv_equal ((const char * const *) keywords, expected_keywords));
  aliases = byline_field_dup_strv (byline_profile_lookup_field (profile, "aliases"),
                                   front_matter);
  g_assert_cmpuint (g_strv_length (aliases), ==, 0);

  g_assert_true (byline_field_get_bool (byline_profile_lookup_field (profile, "draft"),
                                        front_matter));
}

static void
test_values_scalar_list (void)
{
  const char *text = "---\nkeywords: istio\naliases:\ntitle: ~\n---\n";
  g_autoptr(BylineFrontMatter) front_matter = parse (text);
  const BylineFieldSpec *keywords_spec = byline_profile_lookup_field (profile, "keywords");
  const char * const one[] = { "istio", NULL };
  g_auto(GStrv) keywords = byline_field_dup_strv (keywords_spec, front_matter);
  g_auto(GStrv) aliases = NULL;
  g_autofree char *title = NULL;
  g_autoptr(BylineTextPatch) patch = NULL;
  BylineFieldEdit edit;

  g_assert_true (g_strv_equal ((const char * const *) keywords, one));
  aliases = byline_field_dup_strv (byline_profile_lookup_field (profile, "aliases"),
                                   front_matter);
  g_assert_cmpuint (g_strv_length (aliases), ==, 0);
  title = byline_field_dup_text (byline_profile_lookup_field (profile, "title"), front_matter);
  g_assert_cmpstr (title, ==, "");

  /* The single scalar is what the field shows: the same list writes nothing. */
  patch = byline_field_set_strv (keywords_spec, front_matter, one, NULL, &edit);
  g_assert_null (patch);
  g_assert_cmpint (edit, ==, BYLINE_FIELD_EDIT_NONE);
}

/* Validation */

typedef struct
{
  const char *key;
  const char *text;
  int         error_code;   /* -1: valid */
} ValidateCase;

static const ValidateCase validate_cases[] = {
  { "publishdate", "2023-09-29", -1 },
  { "publishdate", " 2023-09-29 ", -1 },
  { "publishdate", "2023-09-29T10:00:00+02:00", -1 },
  { "publishdate", "2023-09-29 10:00:00", -1 },
  { "publishdate", "2023-02-30", BYLINE_FIELD_ERROR_INVALID_DATE },
  { "publishdate", "29/09/2023", BYLINE_FIELD_ERROR_INVALID_DATE },
  { "publishdate", "", BYLINE_FIELD_ERROR_REQUIRED },
  { "last_update", "", -1 },
  { "target_release", "1.22", -1 },
  { "target_release", "-.5e3", -1 },
  { "target_release", "1.", -1 },
  { "target_release", ".", BYLINE_FIELD_ERROR_INVALID_NUMBER },
  { "target_release", "1e", BYLINE_FIELD_ERROR_INVALID_NUMBER },
  { "target_release", "v1.22", BYLINE_FIELD_ERROR_INVALID_NUMBER },
  { "title", "anything: at all", -1 },
};

static void
test_validate (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (validate_cases); i++)
    {
      const ValidateCase *c = &validate_cases[i];
      const BylineFieldSpec *spec = byline_profile_lookup_field (profile, c->key);
      g_autoptr(GError) error = NULL;
      gboolean ok = byline_field_validate (spec, c->text, &error);

      g_test_message ("%s: “%s”", c->key, c->text);
      if (c->error_code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_error (error, BYLINE_FIELD_ERROR, c->error_code);
          g_assert_false (ok);
        }
    }
}

static void
test_validate_integer (void)
{
  BylineFieldSpec spec = {
    .key = (char *) "weight", .label = (char *) "Weight", .type = BYLINE_FIELD_INTEGER,
  };
  g_autoptr(GError) error = NULL;

  g_assert_true (byline_field_validate (&spec, "-12", NULL));
  g_assert_true (byline_field_validate (&spec, "+3", NULL));
  g_assert_false (byline_field_validate (&spec, "1.5", &error));
  g_assert_error (error, BYLINE_FIELD_ERROR, BYLINE_FIELD_ERROR_INVALID_INTEGER);
  g_assert_cmpstr (error->message, ==, "“1.5” is not a whole number: enter digits only, "
                                       "such as 3.");
}

/* The corpus: every post of the istio.io blog, edited through the fields
 * the way the form edits them. Each edit must leave everything before and
 * after the key's lines as it was. */

/* Applies @patch to @text and checks that it stays on the key's lines:
 * inside the entry's lines when it exists, or whole new lines at a line
 * start when it is inserted. */
static char *
apply_on_key_lines (const char            *text,
                    BylineFrontMatter     *front_matter,
                    const char            *key,
                    const BylineTextPatch *patch)
{
  const BylineFrontMatterEntry *entry = byline_front_matter_lookup (front_matter, key);
  gsize text_len = strlen (text);
  g_autofree char *result = apply (text, patch);
  gsize result_len = strlen (result);
  gsize start, end;

  if (entry != NULL)
    {
      start = entry->lines_span.start;
      end = entry->lines_span.end;
      g_assert_cmpuint (patch->offset, >=, start);
      g_assert_cmpuint (patch->offset + patch->length, <=, end);
    }
  else
    {
      start = end = patch->offset;
      g_assert_cmpuint (patch->length, ==, 0);
      g_assert_true (start == 0 || text[start - 1] == '\n');
      g_assert_true (g_str_has_suffix (patch->text, "\n"));
    }

  /* Everything before and after the key's lines is byte for byte the same. */
  g_assert_cmpmem (result, start, text, start);
  g_assert_cmpmem (result + result_len - (text_len - end), text_len - end,
                   text + end, text_len - end);

  return g_steal_pointer (&result);
}

static void
check_other_keys (BylineFrontMatter  *before,
                  BylineFrontMatter  *after,
                  const char * const *edited)
{
  for (guint i = 0; i < byline_front_matter_get_n_entries (before); i++)
    {
      const BylineFrontMatterEntry *entry = byline_front_matter_get_entry (before, i);

      if (g_strv_contains (edited, entry->key))
        continue;
      g_assert_cmpstr (byline_front_matter_get_raw (after, entry->key), ==, entry->raw);
    }
}

static void
test_corpus (void)
{
  const char *corpus = g_getenv ("BYLINE_CORPUS");
  g_autofree char *root = NULL;
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_free);
  const char * const edited[] = { "title", "description", "publishdate", "keywords", NULL };
  const char * const *order = byline_profile_get_field_order (profile);
  guint checked = 0;

  if (corpus == NULL || !g_file_test ((root = g_build_filename (corpus, "istio-blog", NULL)),
                                      G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("BYLINE_CORPUS/istio-blog does not exist: the corpus test did not run");
      return;
    }

  corpus_collect_pages (root, posts);
  g_assert_cmpuint (posts->len, >, 0);

  for (guint i = 0; i < posts->len; i++)
    {
      const char *path = g_ptr_array_index (posts, i);
      g_autofree char *text = NULL;
      g_autoptr(BylineFrontMatter) original = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", path);
      g_file_get_contents (path, &text, NULL, &error);
      g_assert_no_error (error);
      original = parse (text);

      for (guint k = 0; edited[k] != NULL; k++)
        {
          const BylineFieldSpec *spec = byline_profile_lookup_field (profile, edited[k]);
          g_autoptr(BylineFrontMatter) front_matter = parse (text);
          g_autoptr(BylineFrontMatter) reparsed = NULL;
          g_autoptr(BylineTextPatch) patch = NULL;
          BylineFieldEdit edit = BYLINE_FIELD_EDIT_NONE;
          char *result;

          if (spec->type == BYLINE_FIELD_STRING_LIST)
            {
              g_auto(GStrv) items = byline_field_dup_strv (spec, front_matter);
              g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
              g_auto(GStrv) changed = NULL;
              g_auto(GStrv) read_back = NULL;

              g_strv_builder_addv (builder, (const char **) items);
              g_strv_builder_add (builder, "byline, test");
              changed = g_strv_builder_end (builder);

              patch = byline_field_set_strv (spec, front_matter,
                                             (const char * const *) changed, order, &edit);
              g_assert_nonnull (patch);
              result = apply_on_key_lines (text, front_matter, spec->key, patch);
              reparsed = parse (result);
              read_back = byline_field_dup_strv (spec, reparsed);
              g_assert_true (g_strv_equal ((const char * const *) read_back,
                                           (const char * const *) changed));
            }
          else
            {
              g_autofree char *value = NULL;
              g_autofree char *read_back = NULL;

              if (spec->type == BYLINE_FIELD_DATE)
                value = g_strdup ("2031-02-03");
              else
                value = g_strdup_printf ("Edited: \"%s\" # by Byline's form", spec->label);

              patch = byline_field_set_text (spec, front_matter, value, order, &edit, &error);
              g_assert_no_error (error);
              g_assert_nonnull (patch);
              result = apply_on_key_lines (text, front_matter, spec->key, patch);
              reparsed = parse (result);
              read_back = byline_field_dup_text (spec, reparsed);
              g_assert_cmpstr (read_back, ==, value);
            }

          g_assert_cmpint (edit, !=, BYLINE_FIELD_EDIT_NONE);
          g_assert_cmpint (edit, !=, BYLINE_FIELD_EDIT_REMOVE);
          check_other_keys (original, reparsed, edited);
          g_free (text);
          text = result;
        }

      checked++;
    }

  g_test_message ("%u posts edited", checked);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  profile = byline_profile_new_builtin ();

  for (guint i = 0; i < G_N_ELEMENTS (set_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/core/field/set/", set_cases[i].name, NULL);

      g_test_add_data_func (path, &set_cases[i], test_set);
    }
  g_test_add_func ("/core/field/set/refused", test_set_refused);
  g_test_add_func ("/core/field/values", test_values);
  g_test_add_func ("/core/field/values/scalar-list", test_values_scalar_list);
  g_test_add_func ("/core/field/validate", test_validate);
  g_test_add_func ("/core/field/validate/integer", test_validate_integer);
  g_test_add_func ("/core/field/corpus", test_corpus);

  ret = g_test_run ();
  g_clear_object (&profile);
  return ret;
}
