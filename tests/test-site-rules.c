/* test-site-rules.c — the rules that need the post's whole Hugo site
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small multilingual site, written from txtar text (site-fixture.h), and
 * one post of it checked with the profile learned from the site: ref and
 * relref calls that Hugo resolves and those it fails the build on
 * (REF_NOT_FOUND), the param shortcode, and the keys learned from the
 * other posts (the post itself weighed out, params maps included).
 */

#include "config.h"

#include "site-fixture.h"

#include "byline-linter.h"

/* The calls Hugo resolves follow gohugo.io content/en/shortcodes/ref.md and
 * relref.md ("the path to the target page, with or without a file
 * extension, with or without an anchor"; "lang"), and Hugo's
 * hugolib/pagecollections.go (getContentNodeForRef: page-relative first,
 * then from the content root, then a unique base name for ref). */
static const char post_text[] =
  "---\n"
  "titel: Post\n"
  "auhtor: Jane\n"
  "author: Jane\n"
  "mood: calm\n"
  "onlyhere: x\n"
  "rating: four\n"
  "params:\n"
  "  nested: deep\n"
  "---\n"
  "\n"
  "Same section: {{< relref \"second\" >}} {{< relref \"second.md\" >}} {{< ref \"first\" >}}.\n"
  "Rooted: {{< relref \"/blog/second\" >}} {{< relref \"/blog/first/index.md\" >}}\n"
  "{{< relref \"/docs/guide.md\" >}} {{< relref \"/blog/first/\" >}}.\n"
  "Relative to the file: [b]({{< relref \"../second.md\" >}}), anchor\n"
  "[a]({{< relref \"/blog/first#setup\" >}}), [same]({{< relref \"#intro\" >}}).\n"
  "Language: {{< relref path=\"/about\" lang=\"de\" >}} {{< relref \"/about/\" >}}.\n"
  "Params: {{< param \"author\" >}} {{< param \"nested\" >}} {{< param \"siteOnly\" >}}\n"
  "{{< param \"Author\" >}} {{< param \"social.github\" >}}.\n"
  "As text: {{</* relref \"nowhere\" */>}} {{</* param \"nothing\" */>}}.\n"
  "\n"
  "Broken: [c]({{< relref \"/blog/nowhere\" >}}) and {{< ref \"gone.md\" >}}.\n"
  "\n"
  "{{< param \"nothing\" >}}\n"
  "\n"
  "```go\n"
  "{{< relref \"/docs/missing\" >}}\n"
  "```\n";

static const char site_files[] =
  "-- hugo.toml --\n"
  "baseURL = \"https://example.org/\"\n"
  "title = \"Fixture\"\n"
  "defaultContentLanguage = \"en\"\n"
  "@LEVEL@\n"
  "[languages.en]\n"
  "weight = 1\n"
  "[languages.de]\n"
  "weight = 2\n"
  "[params]\n"
  "siteOnly = \"from the site\"\n"
  "[params.social]\n"
  "github = \"example\"\n"
  "-- content/_index.md --\n"
  "---\ntitle: Home\n---\n"
  "-- content/blog/_index.md --\n"
  "---\ntitle: Blog\n---\n"
  "-- content/blog/first/index.md --\n"
  "---\ntitle: First\nauthor: Ann\nrating: 4\n---\n\n## Setup\n"
  "-- content/blog/second.md --\n"
  "---\ntitle: Second\nauthor: Bob\nrating: 5\n---\n"
  "-- content/blog/third.md --\n"
  "---\ntitle: Third\nauthor: Cy\nparams:\n  mood: happy\n---\n"
  "-- content/docs/guide.md --\n"
  "---\ntitle: Guide\n---\n"
  "-- content/about.md --\n"
  "---\ntitle: About\n---\n"
  "-- content/about.de.md --\n"
  "---\ntitle: Über\n---\n"
  "-- content/blog/post/index.md --\n";

typedef struct
{
  SiteFixture *site;
  char        *path;
  char        *text;
  GPtrArray   *diagnostics;
} Checked;

static void
checked_free (Checked *checked)
{
  g_ptr_array_unref (checked->diagnostics);
  g_free (checked->text);
  g_free (checked->path);
  site_fixture_free (checked->site);
  g_free (checked);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Checked, checked_free)

/* Writes the site with the post (the last file of the txtar) and checks the
 * post as it is on disk, with the profile learned from the site. */
static Checked *
check_post (const char *level)
{
  Checked *checked = g_new0 (Checked, 1);
  g_autoptr(GString) txtar = g_string_new (site_files);
  g_autoptr(GFile) file = NULL;
  g_autoptr(BylineSite) site = NULL;
  g_autoptr(BylineProfile) profile = NULL;
  g_autoptr(BylineBundle) bundle = NULL;
  g_autoptr(BylineLinter) linter = NULL;
  g_autoptr(BylinePost) post = NULL;
  g_autoptr(GError) error = NULL;

  g_string_replace (txtar, "@LEVEL@", level, 1);
  g_string_append (txtar, post_text);
  checked->site = site_fixture_new (txtar->str);
  checked->path = site_fixture_path (checked->site, "content/blog/post/index.md");
  g_assert_true (g_file_get_contents (checked->path, &checked->text, NULL, NULL));
  g_assert_true (g_str_has_prefix (checked->text, post_text));

  file = g_file_new_for_path (checked->path);
  site = byline_site_lookup (file, NULL);
  profile = byline_profile_new_for_site (site, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_profile_get_description (profile), ==,
                   "Hugo profile learned from the site");
  bundle = byline_bundle_new (file);
  linter = byline_linter_new (profile, site, bundle);
  post = byline_post_new (checked->text, -1);
  checked->diagnostics = byline_linter_check (linter, post);
  for (guint i = 0; i < checked->diagnostics->len; i++)
    {
      const BylineDiagnostic *d = g_ptr_array_index (checked->diagnostics, i);

      g_test_message ("%u:%u: %s [%s]", d->span.line, d->span.column, d->message, d->rule_id);
    }
  return checked;
}

/* The findings of @rule, in order. */
static GPtrArray *
findings (Checked    *checked,
          const char *rule)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < checked->diagnostics->len; i++)
    {
      BylineDiagnostic *d = g_ptr_array_index (checked->diagnostics, i);

      if (strcmp (d->rule_id, rule) == 0)
        g_ptr_array_add (found, d);
    }
  return found;
}

/* Asserts that @d spans exactly @call, found in the text after @after, and
 * sits at @line, @column. */
static void
assert_at (Checked                *checked,
           const BylineDiagnostic *d,
           const char             *after,
           const char             *call,
           guint                   line,
           guint                   column)
{
  const char *from = strstr (checked->text, after);
  const char *at;

  g_assert_nonnull (from);
  at = strstr (from, call);
  g_assert_nonnull (at);
  g_assert_cmpuint (d->span.start, ==, at - checked->text);
  g_assert_cmpuint (d->span.end, ==, at - checked->text + strlen (call));
  g_assert_cmpuint (d->span.line, ==, line);
  g_assert_cmpuint (d->span.column, ==, column);
}

static void
test_ref (void)
{
  g_autoptr(Checked) checked = check_post ("");
  g_autoptr(GPtrArray) refs = findings (checked, "link/ref-not-found");
  const BylineDiagnostic *d;

  /* Every call above "Broken:" resolves; the three below do not, the one
   * in the code block included (Hugo runs shortcodes there too). */
  g_assert_cmpuint (refs->len, ==, 3);
  d = g_ptr_array_index (refs, 0);
  g_assert_cmpint (d->severity, ==, BYLINE_SEVERITY_ERROR);
  assert_at (checked, d, "Broken:", "{{< relref \"/blog/nowhere\" >}}", 22, 13);
  g_assert_cmpstr (d->message, ==,
                   "ref “/blog/nowhere”: page not found. Hugo’s build fails on it "
                   "(REF_NOT_FOUND)");
  d = g_ptr_array_index (refs, 1);
  assert_at (checked, d, "Broken:", "{{< ref \"gone.md\" >}}", 22, 49);
  d = g_ptr_array_index (refs, 2);
  assert_at (checked, d, "```go", "{{< relref \"/docs/missing\" >}}", 27, 1);
}

/* refLinksErrorLevel = "WARNING": Hugo logs the broken ref and goes on. */
static void
test_ref_warning_level (void)
{
  g_autoptr(Checked) checked = check_post ("refLinksErrorLevel = \"WARNING\"");
  g_autoptr(GPtrArray) refs = findings (checked, "link/ref-not-found");

  g_assert_cmpuint (refs->len, ==, 3);
  for (guint i = 0; i < refs->len; i++)
    {
      const BylineDiagnostic *d = g_ptr_array_index (refs, i);

      g_assert_cmpint (d->severity, ==, BYLINE_SEVERITY_WARNING);
      g_assert_nonnull (strstr (d->message, "Hugo warns about it (REF_NOT_FOUND)"));
    }
}

/* Hugo's param.html: `with $.Page.Param $name` else errorf "Param %q not
 * found"; .Param looks in the page's params (its front matter, its params
 * map merged in), then the site's params, any case, dotted keys nested. */
static void
test_param (void)
{
  g_autoptr(Checked) checked = check_post ("");
  g_autoptr(GPtrArray) params = findings (checked, "shortcode/param-not-found");
  const BylineDiagnostic *d;

  g_assert_cmpuint (params->len, ==, 1);
  d = g_ptr_array_index (params, 0);
  g_assert_cmpint (d->severity, ==, BYLINE_SEVERITY_ERROR);
  assert_at (checked, d, "\n\n{{< param", "{{< param \"nothing\" >}}", 24, 1);
  g_assert_nonnull (strstr (d->message, "Param “nothing” not found"));
}

/* The keys the site's other posts use are known; a key only the checked
 * post has is not, though the post is a page of the site that learning
 * reads. */
static void
test_learned_keys (void)
{
  g_autoptr(Checked) checked = check_post ("");
  g_autoptr(GPtrArray) unknown = findings (checked, "front-matter/unknown-key");
  g_autoptr(GPtrArray) types = findings (checked, "front-matter/type");
  const BylineDiagnostic *d;

  /* author: from first, second and third; mood: third's params map. */
  g_assert_cmpuint (unknown->len, ==, 3);
  d = g_ptr_array_index (unknown, 0);
  assert_at (checked, d, "---", "titel", 2, 1);
  g_assert_cmpstr (d->message, ==, "Unknown front matter key “titel”: did you mean “title”?");
  d = g_ptr_array_index (unknown, 1);
  assert_at (checked, d, "---", "auhtor", 3, 1);
  /* (author is in the post too: no rename is offered.) */
  g_assert_nonnull (strstr (d->message, "“auhtor”"));
  d = g_ptr_array_index (unknown, 2);
  assert_at (checked, d, "---", "onlyhere", 6, 1);

  /* rating is a number on the other posts: "four" is not, though the post
   * itself wrote it. */
  g_assert_cmpuint (types->len, ==, 1);
  d = g_ptr_array_index (types, 0);
  g_assert_cmpuint (d->span.line, ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/site/rules/ref", test_ref);
  g_test_add_func ("/core/site/rules/ref/warning-level", test_ref_warning_level);
  g_test_add_func ("/core/site/rules/param", test_param);
  g_test_add_func ("/core/site/rules/learned-keys", test_learned_keys);

  return g_test_run ();
}
