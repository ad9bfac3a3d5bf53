/* test-linter.c — every rule: a post that triggers it and one that must not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-linter.h"

#include <glib/gstdio.h>
#include <string.h>

#include "byline-test-photos.h"

/* A clean istio.io post head: the body starts on line 9. */
#define HEAD \
  "---\n" \
  "title: \"A post\"\n" \
  "description: \"What it is about.\"\n" \
  "publishdate: 2023-01-02\n" \
  "attribution: \"A. Writer\"\n" \
  "keywords: [istio, mesh]\n" \
  "---\n" \
  "\n"

typedef struct
{
  const char *name;       /* the test path's last part */
  const char *rule;
  BylineSeverity severity;
  guint line;
  guint column;
  const char *text;       /* triggers the rule at line:column */
  const char *clean;      /* must not trigger it */
  const char *files;      /* bundle files beside index.md, "a.png b.png" */
} RuleCase;

static const RuleCase rule_cases[] = {
  { "encoding", "post/encoding", BYLINE_SEVERITY_ERROR, 2, 8,
    "---\ntitle: \xff\xfe\n---\n", HEAD "Fine.\n", NULL },
  { "encoding-nul", "post/encoding", BYLINE_SEVERITY_ERROR, 3, 3,
    "---\ntitle: x\nab\0cd\n", HEAD "Fine.\n", NULL },

  { "unterminated", "front-matter/unterminated", BYLINE_SEVERITY_ERROR, 1, 1,
    "---\ntitle: \"A post\"\n\nBody.\n", HEAD "Body.\n", NULL },
  /* TOML is checked like YAML: a string that is never closed (TOML 1.0.0,
   * "Basic strings ... must appear on a single line"). */
  { "syntax-toml", "front-matter/syntax", BYLINE_SEVERITY_ERROR, 2, 16,
    "+++\ntitle = \"A post\nkeywords = [\"a\"]\n+++\n\nBody.\n",
    "+++\ntitle = \"A post\"\ndescription = \"What it is about.\"\npublishdate = 2023-01-02\n"
    "attribution = \"A. Writer\"\nkeywords = [\"istio\"]\n+++\n\nBody.\n", NULL },
  { "syntax", "front-matter/syntax", BYLINE_SEVERITY_ERROR, 3, 9,
    "---\ntitle: [unclosed\nkeywords: a\n---\n", HEAD "Body.\n", NULL },
  { "required", "front-matter/required", BYLINE_SEVERITY_ERROR, 1, 1,
    "---\ndescription: \"What.\"\npublishdate: 2023-01-02\nattribution: A\n"
    "keywords: [a]\n---\n", HEAD, NULL },
  /* An empty value is no value to Hugo: the same finding as a missing key,
   * on the value (or on the key when there is nothing after it). */
  { "required-empty", "front-matter/required", BYLINE_SEVERITY_ERROR, 2, 8,
    "---\ntitle: \"\"\ndescription: \"What.\"\npublishdate: 2023-01-02\nattribution: A\n"
    "keywords: [a]\n---\n", HEAD, NULL },
  { "required-null", "front-matter/required", BYLINE_SEVERITY_ERROR, 4, 1,
    "---\ntitle: T\ndescription: \"What.\"\npublishdate:\nattribution: A\n"
    "keywords: [a]\n---\n", HEAD, NULL },
  { "recommended-empty", "front-matter/recommended", BYLINE_SEVERITY_WARNING, 5, 14,
    "---\ntitle: T\ndescription: \"What.\"\npublishdate: 2023-01-02\nattribution: ''\n"
    "keywords: [a]\n---\n", HEAD, NULL },
  { "recommended-empty-list", "front-matter/recommended", BYLINE_SEVERITY_WARNING, 6, 11,
    "---\ntitle: T\ndescription: \"What.\"\npublishdate: 2023-01-02\nattribution: A\n"
    "keywords: []\n---\n", HEAD, NULL },
  /* Hugo 0.111 keeps the last value of a repeated key without a word. */
  { "duplicate-key", "front-matter/duplicate-key", BYLINE_SEVERITY_ERROR, 7, 1,
    "---\ntitle: T\ndescription: \"What.\"\npublishdate: 2023-01-02\nattribution: A\n"
    "keywords: [a]\ntitle: Again\n---\n", HEAD, NULL },
  /* An unclosed quote runs to the end of the block: reported where it starts. */
  { "syntax-unclosed-quote", "front-matter/syntax", BYLINE_SEVERITY_ERROR, 2, 8,
    "---\ntitle: \"A post\ndescription: \"What.\"\npublishdate: 2023-01-02\n"
    "attribution: A\nkeywords: [a]\n---\n", HEAD, NULL },
  { "recommended", "front-matter/recommended", BYLINE_SEVERITY_WARNING, 1, 1,
    "---\ntitle: T\ndescription: \"What.\"\npublishdate: 2023-01-02\nkeywords: [a]\n---\n",
    HEAD, NULL },
  { "type-date", "front-matter/type", BYLINE_SEVERITY_ERROR, 4, 14,
    "---\ntitle: T\ndescription: \"What.\"\npublishdate: next week\nattribution: A\n"
    "keywords: [a]\n---\n",
    "---\ntitle: T\ndescription: \"What.\"\npublishdate: 2023-09-29T10:00:00Z\n"
    "attribution: A\nkeywords: [a]\n---\n", NULL },
  { "type-keywords", "front-matter/type", BYLINE_SEVERITY_ERROR, 6, 11,
    "---\ntitle: T\ndescription: \"What.\"\npublishdate: 2023-01-02\nattribution: A\n"
    "keywords: istio\n---\n",
    "---\ntitle: T\ndescription: \"What.\"\npublishdate: 2023-01-02\nattribution: A\n"
    "keywords:\n  - istio\n---\n", NULL },
  { "type-draft", "front-matter/type", BYLINE_SEVERITY_ERROR, 7, 8,
    "---\ntitle: T\ndescription: \"What.\"\npublishdate: 2023-01-02\n"
    "attribution: A\nkeywords: [a]\ndraft: \"no\"\n---\n",
    "---\ntitle: T\ndescription: \"What.\"\npublishdate: 2023-01-02\nattribution: A\n"
    "keywords: [a]\ndraft: false\n---\n", NULL },
  { "unknown-key", "front-matter/unknown-key", BYLINE_SEVERITY_WARNING, 7, 1,
    "---\ntitle: T\ndescription: \"What.\"\npublishdate: 2023-01-02\nattribution: A\n"
    "keywords: [a]\nsubtitel: More\n---\n",
    "---\ntitle: T\ndescription: \"What.\"\npublishdate: 2023-01-02\nattribution: A\n"
    "keywords: [a]\nsubtitle: More\n---\n", NULL },
  /* A key the post reads itself through Hugo's param shortcode (whose name
   * Hugo matches whatever its case, and down into maps) is its own. */
  { "unknown-key-param", "front-matter/unknown-key", BYLINE_SEVERITY_WARNING, 7, 1,
    "---\ntitle: T\ndescription: \"What.\"\npublishdate: 2023-01-02\nattribution: A\n"
    "keywords: [a]\nvenue: Hall\n---\n\nAt {{< param venu >}}.\n",
    "---\ntitle: T\ndescription: \"What.\"\npublishdate: 2023-01-02\nattribution: A\n"
    "keywords: [a]\nvenue:\n  room: Hall\n---\n\nAt {{< param \"Venue.room\" >}}.\n", NULL },
  { "description-period", "front-matter/description-period", BYLINE_SEVERITY_WARNING, 3, 20,
    "---\ntitle: T\ndescription: \"A post\"\npublishdate: 2023-01-02\nattribution: A\n"
    "keywords: [a]\n---\n", HEAD, NULL },
  { "description-length", "front-matter/description-length", BYLINE_SEVERITY_WARNING, 3, 14,
    "---\ntitle: T\ndescription: \""
    "Very long. Very long. Very long. Very long. Very long. Very long. Very long. "
    "Very long. Very long. Very long. Very long. Very long. Very long. Very long. "
    "Very long. Very long. Very long. Very long. Very long. Very long. Very long. "
    "Very long. Very long. Very long. Very long. Very long. Very long. Very long.\"\n"
    "publishdate: 2023-01-02\nattribution: A\nkeywords: [a]\n---\n", HEAD, NULL },
  { "target-release", "front-matter/target-release", BYLINE_SEVERITY_WARNING, 7, 17,
    "---\ntitle: T\ndescription: \"What.\"\npublishdate: 2023-01-02\nattribution: A\n"
    "keywords: [a]\ntarget_release: 1.10\n---\n",
    "---\ntitle: T\ndescription: \"What.\"\npublishdate: 2023-01-02\nattribution: A\n"
    "keywords: [a]\ntarget_release: 1.9\n---\n", NULL },
  { "draft", "front-matter/draft", BYLINE_SEVERITY_INFO, 7, 8,
    "---\ntitle: T\ndescription: \"What.\"\npublishdate: 2023-01-02\nattribution: A\n"
    "keywords: [a]\ndraft: true\n---\n", HEAD, NULL },
  { "future-date", "front-matter/future-date", BYLINE_SEVERITY_INFO, 4, 14,
    "---\ntitle: T\ndescription: \"What.\"\npublishdate: 2999-01-02\nattribution: A\n"
    "keywords: [a]\n---\n", HEAD, NULL },
  { "social-image", "front-matter/social-image", BYLINE_SEVERITY_ERROR, 7, 15,
    "---\ntitle: T\ndescription: \"What.\"\npublishdate: 2023-01-02\nattribution: A\n"
    "keywords: [a]\nsocial_image: Social.png\n---\n",
    "---\ntitle: T\ndescription: \"What.\"\npublishdate: 2023-01-02\nattribution: A\n"
    "keywords: [a]\nsocial_image: social.png\n---\n", "social.png" },

  { "sc-unterminated", "shortcode/unterminated", BYLINE_SEVERITY_ERROR, 10, 1,
    HEAD "Text.\n{{< image link=\"./a.png\" caption=\"A\"\n\nMore.\n",
    HEAD "Text.\n{{< image link=\"./a.png\" caption=\"A\" >}}\n", "a.png" },
  { "sc-syntax", "shortcode/syntax", BYLINE_SEVERITY_ERROR, 9, 16,
    HEAD "{{< image link=\"./a.png caption=A >}}\n",
    HEAD "{{< image link=\"./a.png\" caption=A >}}\n", "a.png" },
  { "sc-stray-close", "shortcode/stray-close", BYLINE_SEVERITY_ERROR, 10, 1,
    HEAD "Text.\n{{< /tip >}}\n", HEAD "{{< tip >}}\nText.\n{{< /tip >}}\n", NULL },
  { "sc-unclosed", "shortcode/unclosed", BYLINE_SEVERITY_ERROR, 9, 1,
    HEAD "{{< tip >}}\nText.\n", HEAD "{{< tip >}}\nText.\n{{< /tip >}}\n", NULL },
  { "sc-unknown", "shortcode/unknown", BYLINE_SEVERITY_ERROR, 9, 5,
    HEAD "{{< imag link=\"./a.png\" caption=\"A\" >}}\n",
    HEAD "{{< image link=\"./a.png\" caption=\"A\" >}}\n", "a.png" },
  { "sc-missing-param", "shortcode/missing-param", BYLINE_SEVERITY_ERROR, 9, 5,
    HEAD "{{< image caption=\"A\" >}}\n",
    HEAD "{{< image link=\"./a.png\" caption=\"A\" >}}\n", "a.png" },
  { "sc-unknown-param", "shortcode/unknown-param", BYLINE_SEVERITY_WARNING, 9, 38,
    HEAD "{{< image link=\"./a.png\" caption=\"A\" captoin=\"B\" >}}\n",
    HEAD "{{< image link=\"./a.png\" caption=\"A\" alt=\"B\" >}}\n", "a.png" },
  { "sc-parent", "shortcode/parent", BYLINE_SEVERITY_ERROR, 9, 1,
    HEAD "{{< tab name=\"One\" >}}\nText.\n{{< /tab >}}\n",
    HEAD "{{< tabset category-name=\"x\" >}}\n\n{{< tab name=\"One\" category-value=\"one\" >}}\n"
    "Text.\n{{< /tab >}}\n\n{{< /tabset >}}\n", NULL },
  { "sc-single-line", "shortcode/single-line", BYLINE_SEVERITY_ERROR, 10, 1,
    HEAD "Text.\n{{< tip >}}Short.{{< /tip >}}\n",
    HEAD "Text.\n\n{{< tip >}}\nShort.\n{{< /tip >}}\n", NULL },
  { "image-missing-file", "image/missing-file", BYLINE_SEVERITY_ERROR, 9, 16,
    HEAD "{{< image link=\"./b.png\" caption=\"A\" >}}\n",
    HEAD "{{< image link=\"./a.png\" caption=\"A\" >}}\n", "a.png" },
  { "image-case", "image/missing-file", BYLINE_SEVERITY_ERROR, 9, 16,
    HEAD "{{< image link=\"./A.png\" caption=\"A\" >}}\n",
    HEAD "{{< image link=\"a.png\" caption=\"A\" >}}\n", "a.png" },
  { "caption-period", "image/caption-period", BYLINE_SEVERITY_ERROR, 9, 40,
    HEAD "{{< image link=\"./a.png\" caption=\"A cat.\" >}}\n",
    HEAD "{{< image link=\"./a.png\" caption=\"A cat\" >}}\n", "a.png" },
  { "external-ratio", "image/external-ratio", BYLINE_SEVERITY_ERROR, 9, 16,
    HEAD "{{< image link=\"https://example.com/a.png\" caption=\"A\" >}}\n",
    HEAD "{{< image link=\"https://example.com/a.png\" ratio=\"50%\" caption=\"A\" >}}\n",
    NULL },
  { "sc-missing-param-empty", "shortcode/missing-param", BYLINE_SEVERITY_ERROR, 9, 5,
    HEAD "{{< image link=\"\" caption=\"A\" >}}\n",
    HEAD "{{< image link=\"./a.png\" caption=\"A\" >}}\n", "a.png" },
  { "image-width", "image/width", BYLINE_SEVERITY_WARNING, 9, 17,
    HEAD "{{< image width=\"wide\" link=\"./a.png\" caption=\"A\" >}}\n",
    HEAD "{{< image width=\"75%\" link=\"./a.png\" caption=\"A\" >}}\n"
    "{{< image width=\"640px\" link=\"./a.png\" caption=\"B\" >}}\n", "a.png" },
  { "missing-alt", "image/missing-alt", BYLINE_SEVERITY_WARNING, 9, 5,
    HEAD "{{< image link=\"./a.png\" >}}\n",
    HEAD "{{< image link=\"./a.png\" alt=\"A cat on a mat\" >}}\n", "a.png" },
  { "missing-alt-figure", "image/missing-alt", BYLINE_SEVERITY_WARNING, 9, 5,
    HEAD "{{< figure src=\"a.png\" >}}\n",
    HEAD "{{< figure src=\"a.png\" alt=\"A cat on a mat\" >}}\n", "a.png" },
  { "missing-alt-markdown", "image/missing-alt", BYLINE_SEVERITY_WARNING, 11, 5,
    HEAD "Text.\n\nSee ![ ](./a.png \"A title is not a description\").\n",
    HEAD "Text.\n\nSee ![A *cat* on a mat](./a.png).\n", "a.png" },
  { "text-syntax", "text/missing-syntax", BYLINE_SEVERITY_ERROR, 9, 5,
    HEAD "{{< text >}}\n$ ls\n{{< /text >}}\n",
    HEAD "{{< text syntax=\"bash\" >}}\n$ ls\n{{< /text >}}\n", NULL },
  { "bash-prompt", "text/bash-prompt", BYLINE_SEVERITY_ERROR, 10, 1,
    HEAD "{{< text bash >}}\nkubectl get pods\n{{< /text >}}\n",
    HEAD "{{< text bash >}}\n$ kubectl get pods\nNAME READY\n{{< /text >}}\n", NULL },

  { "fenced-code", "markdown/fenced-code", BYLINE_SEVERITY_ERROR, 11, 1,
    HEAD "Run:\n\n```bash\n$ ls\n```\n",
    HEAD "Run:\n\n{{< text bash >}}\n$ ls\n```\n{{< /text >}}\n", NULL },
  { "h1", "markdown/h1", BYLINE_SEVERITY_WARNING, 9, 1,
    HEAD "# Title\n\nText.\n", HEAD "## Section\n\nText.\n", NULL },
  { "h1-in-code", "markdown/h1", BYLINE_SEVERITY_WARNING, 12, 1,
    HEAD "{{< text bash >}}\n# not a heading\n{{< /text >}}\n# Title\n",
    HEAD "{{< text bash >}}\n$ echo\n# not a heading\n{{< /text >}}\n", NULL },
  { "heading-skip", "markdown/heading-skip", BYLINE_SEVERITY_WARNING, 11, 1,
    HEAD "## A\n\n#### B\n", HEAD "## A\n\n### B\n\n## C\n", NULL },
  { "curly-quote", "markdown/curly-quote", BYLINE_SEVERITY_ERROR, 9, 9,
    HEAD "He said \xe2\x80\x9chi\xe2\x80\x9d to me.\n",
    HEAD "He said `\xe2\x80\x9chi\xe2\x80\x9d` to me.\n\n"
    "{{< text plain >}}\n\xe2\x80\x9cquoted\xe2\x80\x9d\n{{< /text >}}\n", NULL },
  { "curly-quote-title", "markdown/curly-quote", BYLINE_SEVERITY_ERROR, 2, 8,
    "---\ntitle: \xe2\x80\x9cQuoted\xe2\x80\x9d\ndescription: \"What.\"\n"
    "publishdate: 2023-01-02\nattribution: A\nkeywords: [a]\n---\n", HEAD, NULL },
  { "blockquote", "markdown/blockquote", BYLINE_SEVERITY_WARNING, 11, 1,
    HEAD "Text.\n\n> Quoted.\n",
    HEAD "Text.\n\n{{< quote >}}\nQuoted.\n{{< /quote >}}\n", NULL },
  { "trailing-space", "markdown/trailing-space", BYLINE_SEVERITY_WARNING, 9, 6,
    HEAD "Text. \nMore.\n",
    HEAD "Text.\n\n{{< text yaml >}}\nkey: value \n{{< /text >}}\n", NULL },
  { "hard-tab", "markdown/hard-tab", BYLINE_SEVERITY_WARNING, 9, 2,
    HEAD "A\tB.\n", HEAD "{{< text plain >}}\nA\tB\n{{< /text >}}\n", NULL },
  { "site-domain", "link/site-domain", BYLINE_SEVERITY_ERROR, 9, 17,
    HEAD "Read [the docs](https://istio.io/latest/docs/ops/).\n",
    HEAD "Read [the docs](https://istio.io/v1.6/docs/ops/) and "
    "[the archive](https://istio.io/archive/).\n\n"
    "{{< text bash >}}\n$ curl https://istio.io/latest/docs/\n{{< /text >}}\n\n"
    "Or `https://istio.io/latest/` as code.\n", NULL },
  /* A bare address is a link too: Hugo's Goldmark linkifies it
   * (markup.goldmark.extensions.linkify, on by default). */
  { "site-domain-bare", "link/site-domain", BYLINE_SEVERITY_ERROR, 9, 6,
    HEAD "Read https://istio.io/latest/docs/ops/ for more.\n",
    HEAD "Read https://example.com/latest/docs/ops/ or www.example.org.\n", NULL },
  { "site-domain-continued", "link/site-domain", BYLINE_SEVERITY_ERROR, 10, 22,
    HEAD "Read the\n  docs in [the docs](https://istio.io/docs/).\n",
    HEAD "Read the\n  docs in [the docs](/docs/).\n", NULL },
  { "github", "link/github", BYLINE_SEVERITY_ERROR, 9, 11,
    HEAD "See [the](https://github.com/istio/istio/blob/master/README.md).\n",
    HEAD "See [the]({{< github_blob >}}/README.md) and "
    "[tree]({{< github_tree >}}/samples).\n", NULL },
  { "empty-link", "link/empty", BYLINE_SEVERITY_WARNING, 9, 5,
    HEAD "See [this]() now.\n", HEAD "See [this](#section) now.\n", NULL },
  { "link-missing-file", "link/missing-file", BYLINE_SEVERITY_ERROR, 9, 12,
    HEAD "Look: ![a](./b.png)\n", HEAD "Look: ![a](./a.png)\n", "a.png" },
  { "site-path-unchecked", "link/site-path-unchecked", BYLINE_SEVERITY_INFO, 9, 11,
    HEAD "See [the](/docs/ops/).\n", HEAD "See [the](https://example.com/).\n", NULL },
  { "unreferenced", "bundle/unreferenced", BYLINE_SEVERITY_WARNING, 1, 1,
    HEAD "Text.\n", HEAD "{{< image link=\"./a.png\" caption=\"A\" >}}\n", "a.png" },
  { "unreferenced-html", "bundle/unreferenced", BYLINE_SEVERITY_WARNING, 1, 1,
    HEAD "Text.\n", HEAD "<img src=\"a.png\" alt=\"A\">\n", "a.png" },
};

static GDateTime *
test_now (void)
{
  return g_date_time_new_utc (2024, 6, 1, 12, 0, 0);
}

/* A bundle folder holding index.md and empty files of these names. */
static char *
make_bundle (const char *text,
             gsize       length,
             const char *files)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("byline-linter-XXXXXX", &error);
  g_autofree char *post = NULL;

  g_assert_no_error (error);
  post = g_build_filename (dir, "index.md", NULL);
  g_file_set_contents (post, text, length, &error);
  g_assert_no_error (error);

  if (files != NULL)
    {
      g_auto(GStrv) names = g_strsplit (files, " ", -1);

      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autofree char *path = g_build_filename (dir, names[i], NULL);

          g_file_set_contents (path, "", 0, &error);
          g_assert_no_error (error);
        }
    }

  return g_steal_pointer (&post);
}

static void
remove_bundle (const char *post)
{
  g_autofree char *dir = g_path_get_dirname (post);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static GPtrArray *
check_full (const char *text,
            gsize       length,
            const char *files)
{
  g_autofree char *path = make_bundle (text, length, files);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(BylineBundle) bundle = byline_bundle_new (file);
  g_autoptr(BylineLinter) linter = byline_linter_new (profile, NULL, bundle);
  g_autoptr(BylinePost) post = byline_post_new (text, length);
  g_autoptr(GDateTime) now = test_now ();
  GPtrArray *diagnostics;

  byline_linter_set_now (linter, now);
  diagnostics = byline_linter_check (linter, post);
  remove_bundle (path);
  return diagnostics;
}

static GPtrArray *
check (const char *text,
       const char *files)
{
  return check_full (text, strlen (text), files);
}

static const BylineDiagnostic *
find_rule (GPtrArray  *diagnostics,
           const char *rule)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const BylineDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (strcmp (d->rule_id, rule) == 0)
        return d;
    }
  return NULL;
}

static void
dump (GPtrArray *diagnostics)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const BylineDiagnostic *d = g_ptr_array_index (diagnostics, i);

      g_test_message ("%u:%u: %s: %s [%s]", d->span.line, d->span.column,
                      byline_severity_to_string (d->severity), d->message, d->rule_id);
    }
}

static void
test_rule (gconstpointer data)
{
  const RuleCase *rc = data;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) clean = NULL;
  const BylineDiagnostic *d;
  gsize length = strlen (rc->text);

  /* The one case with a NUL byte spells out its length. */
  if (strcmp (rc->name, "encoding-nul") == 0)
    length = sizeof ("---\ntitle: x\nab\0cd\n") - 1;

  found = check_full (rc->text, length, rc->files);
  dump (found);
  d = find_rule (found, rc->rule);
  g_assert (d != NULL);
  g_assert_cmpstr (byline_severity_to_string (d->severity), ==,
                   byline_severity_to_string (rc->severity));
  g_assert_cmpuint (d->span.line, ==, rc->line);
  g_assert_cmpuint (d->span.column, ==, rc->column);
  g_assert_nonnull (d->message);
  g_assert_cmpstr (d->message, !=, "");

  clean = check (rc->clean, rc->files);
  dump (clean);
  g_assert_null (find_rule (clean, rc->rule));
}

typedef struct
{
  const char *name;
  const char *rule;
  const char *text;
  const char *expected;   /* the text after applying the rule's first fix */
  const char *files;
} FixCase;

static const FixCase fix_cases[] = {
  { "caption-period", "image/caption-period",
    HEAD "{{< image link=\"./a.png\" caption=\"A cat.\" >}}\n",
    HEAD "{{< image link=\"./a.png\" caption=\"A cat\" >}}\n", "a.png" },
  { "trailing-space", "markdown/trailing-space",
    HEAD "Text. \t \nMore.\n", HEAD "Text.\nMore.\n", NULL },
  { "curly-quote", "markdown/curly-quote",
    HEAD "He said \xe2\x80\x9chi there\xe2\x80\x9d to me.\n",
    HEAD "He said \"hi there\" to me.\n", NULL },
  { "curly-quote-alone", "markdown/curly-quote",
    HEAD "He said \xe2\x80\x9chi\nthere.\n", HEAD "He said \"hi\nthere.\n", NULL },
  { "fenced-code", "markdown/fenced-code",
    HEAD "Run:\n\n```bash\n$ ls\n$ pwd\n```\n\nDone.\n",
    HEAD "Run:\n\n{{< text bash >}}\n$ ls\n$ pwd\n{{< /text >}}\n\nDone.\n", NULL },
  { "fenced-code-list", "markdown/fenced-code",
    HEAD "1. Run:\n\n    ```\n    ls\n    ```\n",
    HEAD "1. Run:\n\n    {{< text plain >}}\n    ls\n    {{< /text >}}\n", NULL },
  { "unknown-key", "front-matter/unknown-key",
    "---\ntitle: T\ndescription: \"What.\"\npublishDate: 2023-01-02\nattribution: A\n"
    "keywords: [a]\n---\n",
    "---\ntitle: T\ndescription: \"What.\"\npublishdate: 2023-01-02\nattribution: A\n"
    "keywords: [a]\n---\n", NULL },
  { "description-period", "front-matter/description-period",
    "---\ntitle: T\ndescription: \"A post\"\n---\n",
    "---\ntitle: T\ndescription: \"A post.\"\n---\n", NULL },
  { "description-period-plain", "front-matter/description-period",
    "---\ntitle: T\ndescription: A post\n---\n",
    "---\ntitle: T\ndescription: A post.\n---\n", NULL },
  { "target-release", "front-matter/target-release",
    "---\ntitle: T\ntarget_release: 1.10\n---\n",
    "---\ntitle: T\ntarget_release: \"1.10\"\n---\n", NULL },
  { "h1", "markdown/h1", HEAD "# Title\n", HEAD "## Title\n", NULL },
  { "site-domain", "link/site-domain",
    HEAD "Read [the docs](https://istio.io/latest/docs/ops/).\n",
    HEAD "Read [the docs](/docs/ops/).\n", NULL },
  { "github", "link/github",
    HEAD "See [it](https://github.com/istio/istio/blob/master/README.md).\n",
    HEAD "See [it]({{< github_blob >}}/README.md).\n", NULL },
  { "image-case", "image/missing-file",
    HEAD "{{< image link=\"./A.png\" caption=\"A\" >}}\n",
    HEAD "{{< image link=\"./a.png\" caption=\"A\" >}}\n", "a.png" },
  { "unknown-param", "shortcode/unknown-param",
    HEAD "{{< image link=\"./a.png\" captoin=\"A\" >}}\n",
    HEAD "{{< image link=\"./a.png\" caption=\"A\" >}}\n", "a.png" },
};

static void
test_fix (gconstpointer data)
{
  const FixCase *fc = data;
  g_autoptr(GPtrArray) diagnostics = check (fc->text, fc->files);
  const BylineDiagnostic *d;
  g_autoptr(GString) text = g_string_new (fc->text);

  dump (diagnostics);
  d = find_rule (diagnostics, fc->rule);
  g_assert (d != NULL);
  g_assert (d->fix != NULL);
  byline_text_patch_apply (d->fix, text);
  g_assert_cmpstr (text->str, ==, fc->expected);
}

/* A profile can switch a rule off or re-grade it. */
static void
test_profile_severity (void)
{
  static const char yaml[] =
    "rules:\n"
    "  markdown/trailing-space: off\n"
    "  markdown/h1: error\n";
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(BylinePost) post = byline_post_new (HEAD "# Title \n", -1);
  g_autoptr(BylineLinter) linter = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  const BylineDiagnostic *d;

  g_assert_true (byline_profile_merge_data (profile, yaml, strlen (yaml), "test.yml", &error));
  g_assert_no_error (error);

  linter = byline_linter_new (profile, NULL, NULL);
  diagnostics = byline_linter_check (linter, post);
  dump (diagnostics);
  g_assert_null (find_rule (diagnostics, "markdown/trailing-space"));
  d = find_rule (diagnostics, "markdown/h1");
  g_assert (d != NULL);
  g_assert_cmpint (d->severity, ==, BYLINE_SEVERITY_ERROR);
}

/* Findings come sorted by position, and a clean post has none. */
static void
test_sorted (void)
{
  g_autoptr(GPtrArray) diagnostics =
    check (HEAD "> Quote \n\n# Title\n\nSee [x]().\n", NULL);

  dump (diagnostics);
  g_assert_cmpuint (diagnostics->len, >=, 4);
  for (guint i = 1; i < diagnostics->len; i++)
    {
      const BylineDiagnostic *a = g_ptr_array_index (diagnostics, i - 1);
      const BylineDiagnostic *b = g_ptr_array_index (diagnostics, i);

      g_assert_cmpuint (a->span.start, <=, b->span.start);
    }
}

/* Outside a site checkout the unchecked site paths make one finding, at the
 * first, counting them all. */
static void
test_site_paths_unchecked_once (void)
{
  g_autoptr(GPtrArray) diagnostics =
    check (HEAD "See [a](/docs/a/) and [b](/docs/b/).\n\nAlso [c](/blog/c/).\n", NULL);
  guint found = 0;

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const BylineDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (g_strcmp0 (d->rule_id, "link/site-path-unchecked") != 0)
        continue;
      found++;
      g_assert_cmpuint (d->span.line, ==, 9);
      g_assert_cmpuint (d->span.column, ==, 9);
      g_assert_cmpstr (d->message, ==,
                       "3 site paths, from “/docs/a/” on, not checked: the post is not "
                       "inside a checkout of the site");
    }
  g_assert_cmpuint (found, ==, 1);
}

static void
test_clean (void)
{
  g_autoptr(GPtrArray) diagnostics =
    check (HEAD "## Section\n\nText with `code` and a [link](/docs/) and an image:\n\n"
           "{{< image width=\"75%\" link=\"./a.png\" caption=\"A cat\" >}}\n\n"
           "{{< text bash >}}\n$ kubectl get pods\n{{< /text >}}\n\n"
           "{{< tip >}}\nA tip.\n{{< /tip >}}\n", "a.png");
  guint n_serious = 0;

  dump (diagnostics);
  for (guint i = 0; i < diagnostics->len; i++)
    if (((BylineDiagnostic *) g_ptr_array_index (diagnostics, i))->severity >=
        BYLINE_SEVERITY_WARNING)
      n_serious++;
  g_assert_cmpuint (n_serious, ==, 0);
}

/* Site-absolute links are checked against the site when the post sits in
 * a checkout of it (a one-language site: content/docs/ops/ is /docs/ops/,
 * as Hugo publishes it). */
static void
test_site_paths (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("byline-site-XXXXXX", &error);
  g_autofree char *docs = g_build_filename (root, "content", "docs", "ops", NULL);
  g_autofree char *docs_index = g_build_filename (docs, "_index.md", NULL);
  g_autofree char *config = g_build_filename (root, "hugo.yaml", NULL);
  g_autofree char *bundle_dir = g_build_filename (root, "content", "blog", "x", NULL);
  g_autofree char *post_path = g_build_filename (bundle_dir, "index.md", NULL);
  const char *text = HEAD "See [ops](/docs/ops/) and [gone](/docs/gone/).\n";
  g_autoptr(GFile) file = g_file_new_for_path (post_path);
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(BylineBundle) bundle = NULL;
  g_autoptr(BylineSite) site = NULL;
  g_autoptr(BylineLinter) linter = NULL;
  g_autoptr(BylinePost) post = byline_post_new (text, -1);
  g_autoptr(GPtrArray) diagnostics = NULL;
  guint n_missing = 0;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (docs, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (bundle_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (docs_index, "---\ntitle: Ops\n---\n", -1, NULL));
  g_assert_true (g_file_set_contents (config, "title: Site\n", -1, NULL));
  g_assert_true (g_file_set_contents (post_path, text, -1, NULL));

  bundle = byline_bundle_new (file);
  site = byline_site_lookup (file, NULL);
  linter = byline_linter_new (profile, site, bundle);
  diagnostics = byline_linter_check (linter, post);
  dump (diagnostics);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const BylineDiagnostic *d = g_ptr_array_index (diagnostics, i);

      g_assert_cmpstr (d->rule_id, !=, "link/site-path-unchecked");
      if (strcmp (d->rule_id, "link/site-path-missing") == 0)
        {
          n_missing++;
          g_assert_cmpint (d->severity, ==, BYLINE_SEVERITY_WARNING);
          g_assert_cmpuint (d->span.line, ==, 9);
          g_assert_cmpuint (d->span.column, ==, 34);
        }
    }
  g_assert_cmpuint (n_missing, ==, 1);

  g_remove (post_path);
  g_remove (docs_index);
  g_remove (config);
  {
    g_autofree char *blog = g_path_get_dirname (bundle_dir);
    g_autofree char *ops_parent = g_path_get_dirname (docs);
    g_autofree char *content = g_path_get_dirname (blog);

    g_rmdir (bundle_dir);
    g_rmdir (blog);
    g_rmdir (docs);
    g_rmdir (ops_parent);
    g_rmdir (content);
    g_rmdir (root);
  }
}

/* Images above the profile's limit are named where the post shows them. */
static void
test_large_image (void)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  guint64 limit = byline_profile_get_large_image_bytes (profile);
  const char *text = HEAD "{{< image link=\"./big.png\" caption=\"Big\" >}}\n";
  g_autofree char *path = make_bundle (text, strlen (text), NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *big = g_build_filename (dir, "big.png", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BylineBundle) bundle = NULL;
  g_autoptr(BylineLinter) linter = NULL;
  g_autoptr(BylinePost) post = byline_post_new (text, -1);
  g_autoptr(GPtrArray) diagnostics = NULL;
  const BylineDiagnostic *d;

  g_assert_cmpuint (limit, >, 0);
  g_assert_cmpuint (limit, <, 64 * 1024 * 1024);
  data = g_malloc0 (limit + 1);
  g_assert_true (g_file_set_contents (big, data, limit + 1, NULL));

  bundle = byline_bundle_new (file);
  linter = byline_linter_new (profile, NULL, bundle);
  diagnostics = byline_linter_check (linter, post);
  dump (diagnostics);
  d = find_rule (diagnostics, "bundle/large-image");
  g_assert (d != NULL);
  g_assert_cmpint (d->severity, ==, BYLINE_SEVERITY_WARNING);
  g_assert_cmpuint (d->span.line, ==, 9);
  g_assert_cmpuint (d->span.column, ==, 16);
  remove_bundle (path);
}

/* A picture that records where it was taken is reported with the place
 * rounded and a fix that removes it; one without is not. */
static void
test_photo_location (void)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  const char *text = HEAD "{{< image link=\"./there.jpg\" alt=\"A stage\" >}}\n\n"
                     "{{< image link=\"./here.jpg\" alt=\"A hall\" >}}\n";
  g_autofree char *path = make_bundle (text, strlen (text), NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *there = g_build_filename (dir, "there.jpg", NULL);
  g_autofree char *here = g_build_filename (dir, "here.jpg", NULL);
  g_autoptr(GdkPixbuf) pixbuf = byline_test_draw_photo (40, 30, 1, FALSE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) there_file = g_file_new_for_path (there);
  g_autoptr(BylineBundle) bundle = NULL;
  g_autoptr(BylineLinter) linter = NULL;
  g_autoptr(BylinePost) post = byline_post_new (text, -1);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  const BylineDiagnostic *d;
  guint n = 0;

  if (!byline_test_have_exiftool ())
    {
      remove_bundle (path);
      byline_test_skip_without_exiftool ();
      return;
    }
  byline_test_save_photo (pixbuf, there, "jpeg");
  byline_test_tag_photo (there, 1, "2024:06:15 14:03:07");
  byline_test_save_photo (pixbuf, here, "jpeg");

  bundle = byline_bundle_new (file);
  linter = byline_linter_new (profile, NULL, bundle);
  diagnostics = byline_linter_check (linter, post);
  dump (diagnostics);
  for (guint i = 0; i < diagnostics->len; i++)
    if (strcmp (((BylineDiagnostic *) diagnostics->pdata[i])->rule_id,
                "bundle/photo-location") == 0)
      n++;
  g_assert_cmpuint (n, ==, 1);
  d = find_rule (diagnostics, "bundle/photo-location");
  g_assert (d != NULL);
  g_assert_cmpint (d->severity, ==, BYLINE_SEVERITY_WARNING);
  g_assert_cmpuint (d->span.line, ==, 9);
  g_assert_cmpuint (d->span.column, ==, 16);
  g_assert_cmpstr (d->message, ==,
                   "“there.jpg” records where it was taken, near 47.38° N, 8.54° E: remove the "
                   "location, anyone can read it from the published picture");
  g_assert_null (d->fix);
  g_assert_nonnull (d->file_fix);
  g_assert_cmpint (d->file_fix->kind, ==, BYLINE_FILE_FIX_REMOVE_LOCATION);
  g_assert_true (g_file_equal (d->file_fix->file, there_file));
  g_assert_cmpstr (d->file_fix->label, ==, "Remove the location from “there.jpg”");

  done = byline_file_fix_apply (d->file_fix, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (done, ==, "Removed the location from “there.jpg”");
  after = byline_linter_check (linter, post);
  g_assert_null (find_rule (after, "bundle/photo-location"));
  remove_bundle (path);
}

/* A picture wider than the site's limit is reported with its pixels and
 * the limit, and its fix scales it down. */
static void
test_wide_image (void)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  const char *text = HEAD "{{< image link=\"./wide.png\" alt=\"A banner\" >}}\n";
  g_autofree char *path = make_bundle (text, strlen (text), NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wide = g_build_filename (dir, "wide.png", NULL);
  g_autoptr(GdkPixbuf) pixbuf = byline_test_draw_photo (3000, 100, 1, FALSE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BylineBundle) bundle = NULL;
  g_autoptr(BylineLinter) linter = NULL;
  g_autoptr(BylinePost) post = byline_post_new (text, -1);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  const BylineDiagnostic *d;

  gdk_pixbuf_save (pixbuf, wide, "png", &error, NULL);
  g_assert_no_error (error);
  bundle = byline_bundle_new (file);
  linter = byline_linter_new (profile, NULL, bundle);
  diagnostics = byline_linter_check (linter, post);
  dump (diagnostics);
  d = find_rule (diagnostics, "bundle/large-image");
  g_assert (d != NULL);
  g_assert_cmpstr (d->message, ==,
                   "Image “wide.png” is 3000×100 pixels, wider than the site’s 2400: scale it "
                   "down, readers download more than the page shows");
  g_assert_nonnull (d->file_fix);
  g_assert_cmpint (d->file_fix->kind, ==, BYLINE_FILE_FIX_SHRINK);
  g_assert_cmpuint (d->file_fix->max_width, ==, 2400);
  g_assert_cmpstr (d->file_fix->label, ==, "Resize “wide.png” to 2400 pixels wide");

  done = byline_file_fix_apply (d->file_fix, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (done, ==, "Resized “wide.png” from 3000×100 to 2400×80 pixels");
  after = byline_linter_check (linter, post);
  g_assert_null (find_rule (after, "bundle/large-image"));
  remove_bundle (path);
}

/* Messages and fixes are UTF-8 whatever the post links to and whatever
 * the bundle's file names are: escapes that decode to no UTF-8 stay as
 * written, a file name that is not UTF-8 is shown with U+FFFD for its bad
 * bytes and is never suggested as a fix (issue 12's fuzzing findings). */
static void
test_messages_utf8 (void)
{
  g_autoptr(GPtrArray) diagnostics =
    check (HEAD "{{< image link=\"%ee\" caption=\"A\" >}}\n\n"
           "See [the photo](./photo.png) and [that](caf%C3%A9.png).\n",
           "ph\xFFoto.png caf\xC3\xA9.png");
  const BylineDiagnostic *d;
  guint n_missing = 0;

  dump (diagnostics);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      d = g_ptr_array_index (diagnostics, i);
      g_assert_true (g_utf8_validate (d->message, -1, NULL));
      g_assert_true (d->fix == NULL || g_utf8_validate (d->fix->text, -1, NULL));
      if (strcmp (d->rule_id, "image/missing-file") == 0 ||
          strcmp (d->rule_id, "link/missing-file") == 0)
        {
          n_missing++;
          g_assert_null (d->fix);
        }
    }
  g_assert_cmpuint (n_missing, ==, 2);

  d = find_rule (diagnostics, "image/missing-file");
  g_assert (d != NULL);
  g_assert_nonnull (strstr (d->message, "“%ee”"));
  d = find_rule (diagnostics, "bundle/unreferenced");
  g_assert (d != NULL);
  g_assert_cmpstr (d->message, ==,
                   "“ph\xEF\xBF\xBDoto.png” in the post’s folder is not used by the post: link "
                   "it or remove the file, the site publishes it anyway");
}

/* Every rule of the table has an id, a summary and a unique id. */
static void
test_table (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = byline_linter_get_n_rules ();

  g_assert_cmpuint (n, >=, 40);
  for (guint i = 0; i < n; i++)
    {
      const BylineRuleInfo *rule = byline_linter_get_rule (i);

      g_assert_nonnull (strchr (rule->id, '/'));
      g_assert_cmpstr (rule->summary, !=, "");
      g_assert_false (g_hash_table_contains (ids, rule->id));
      g_hash_table_add (ids, (gpointer) rule->id);
      g_assert_true (byline_linter_lookup_rule (rule->id) == rule);
    }
  g_assert_null (byline_linter_lookup_rule ("no/such-rule"));
}

/* Hostile input: deep nesting, a huge line, stray brackets — no crash, no
 * hang, and positions inside the text. */
static void
test_hostile (void)
{
  GString *text = g_string_new (HEAD);
  g_autoptr(GPtrArray) diagnostics = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append (text, "> [");
  g_string_append_c (text, '\n');
  for (guint i = 0; i < 20000; i++)
    g_string_append (text, "`{{< x ");
  g_string_append (text, "\n\xe2\x80\x9c\t \n");

  diagnostics = check (text->str, NULL);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const BylineDiagnostic *d = g_ptr_array_index (diagnostics, i);

      g_assert_cmpuint (d->span.end, <=, text->len);
      g_assert_cmpuint (d->span.start, <=, d->span.end);
    }
  g_string_free (text, TRUE);
}

typedef struct
{
  const char        *text;
  const char        *files;
  const char        *rule;
  BylineSubjectKind  kind;
  const char        *subject;
} SubjectCase;

/* Findings name what they are about, for the form and the image dialog. */
static void
test_subjects (void)
{
  static const SubjectCase cases[] = {
    { "---\ntitle: \"\"\n---\n", NULL, "front-matter/required",
      BYLINE_SUBJECT_FRONT_MATTER_KEY, "title" },
    { "---\ndescription: \"What.\"\n---\n", NULL, "front-matter/required",
      BYLINE_SUBJECT_FRONT_MATTER_KEY, "title" },
    { "---\ntitle: T\ndescription: \"No period\"\n---\n", NULL,
      "front-matter/description-period", BYLINE_SUBJECT_FRONT_MATTER_KEY, "description" },
    { "---\ntitle: T\ntarget_release: 1.10\n---\n", NULL, "front-matter/target-release",
      BYLINE_SUBJECT_FRONT_MATTER_KEY, "target_release" },
    { "---\ntitle: T\nsubtitel: x\n---\n", NULL, "front-matter/unknown-key",
      BYLINE_SUBJECT_FRONT_MATTER_KEY, "subtitel" },
    { "---\ntitle: T\ntitle: U\n---\n", NULL, "front-matter/duplicate-key",
      BYLINE_SUBJECT_FRONT_MATTER_KEY, "title" },
    { HEAD "{{< image caption=\"A.\" >}}\n", NULL, "shortcode/missing-param",
      BYLINE_SUBJECT_SHORTCODE_PARAM, "link" },
    { HEAD "{{< image link=\"./a.png\" caption=\"A.\" >}}\n", "a.png",
      "image/caption-period", BYLINE_SUBJECT_SHORTCODE_PARAM, "caption" },
    { HEAD "{{< image link=\"./b.png\" caption=\"A\" >}}\n", "a.png", "image/missing-file",
      BYLINE_SUBJECT_SHORTCODE_PARAM, "link" },
    { HEAD "{{< image link=\"./a.png\" captoin=\"A\" >}}\n", "a.png",
      "shortcode/unknown-param", BYLINE_SUBJECT_SHORTCODE_PARAM, "captoin" },
    { HEAD "Text. \n", NULL, "markdown/trailing-space", BYLINE_SUBJECT_NONE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) found = check (cases[i].text, cases[i].files);
      const BylineDiagnostic *d;

      g_test_message ("case %u: %s", i, cases[i].rule);
      dump (found);
      d = find_rule (found, cases[i].rule);
      g_assert_nonnull (d);
      /* Of several findings of the rule, the one about the subject. */
      for (guint j = 0; cases[i].subject != NULL && j < found->len; j++)
        {
          const BylineDiagnostic *other = g_ptr_array_index (found, j);

          if (g_str_equal (other->rule_id, cases[i].rule) &&
              g_strcmp0 (other->subject, cases[i].subject) == 0)
            d = other;
        }
      g_assert_cmpint (d->subject_kind, ==, cases[i].kind);
      g_assert_cmpstr (d->subject, ==, cases[i].subject);
    }
}

/* The bundle rules are about a page bundle's own files: a loose x.md shares
 * its folder with files that are not its own. */
static void
test_page_bundle_only (void)
{
  static const char *text = HEAD "Text.\n";
  g_autofree char *index = make_bundle (text, strlen (text), "unused.png");
  g_autofree char *dir = g_path_get_dirname (index);
  g_autofree char *loose = g_build_filename (dir, "loose-post.md", NULL);
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(BylinePost) post = byline_post_new (text, -1);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (loose, text, -1, &error);
  g_assert_no_error (error);

  {
    g_autoptr(GFile) file = g_file_new_for_path (index);
    g_autoptr(BylineBundle) bundle = byline_bundle_new (file);
    g_autoptr(BylineLinter) linter = byline_linter_new (profile, NULL, bundle);
    g_autoptr(GPtrArray) found = byline_linter_check (linter, post);

    g_assert_nonnull (find_rule (found, "bundle/unreferenced"));
  }
  {
    g_autoptr(GFile) file = g_file_new_for_path (loose);
    g_autoptr(BylineBundle) bundle = byline_bundle_new (file);
    g_autoptr(BylineLinter) linter = byline_linter_new (profile, NULL, bundle);
    g_autoptr(GPtrArray) found = byline_linter_check (linter, post);

    dump (found);
    g_assert_null (find_rule (found, "bundle/unreferenced"));
  }

  remove_bundle (index);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/linter/rule/%s", rule_cases[i].name);

      g_test_add_data_func (path, &rule_cases[i], test_rule);
    }
  for (guint i = 0; i < G_N_ELEMENTS (fix_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/linter/fix/%s", fix_cases[i].name);

      g_test_add_data_func (path, &fix_cases[i], test_fix);
    }
  g_test_add_func ("/core/linter/profile-severity", test_profile_severity);
  g_test_add_func ("/core/linter/sorted", test_sorted);
  g_test_add_func ("/core/linter/site-paths-unchecked-once", test_site_paths_unchecked_once);
  g_test_add_func ("/core/linter/clean", test_clean);
  g_test_add_func ("/core/linter/site-paths", test_site_paths);
  g_test_add_func ("/core/linter/large-image", test_large_image);
  g_test_add_func ("/core/linter/photo-location", test_photo_location);
  g_test_add_func ("/core/linter/wide-image", test_wide_image);
  g_test_add_func ("/core/linter/messages-utf8", test_messages_utf8);
  g_test_add_func ("/core/linter/table", test_table);
  g_test_add_func ("/core/linter/hostile", test_hostile);
  g_test_add_func ("/core/linter/subjects", test_subjects);
  g_test_add_func ("/core/linter/page-bundle-only", test_page_bundle_only);

  return g_test_run ();
}
