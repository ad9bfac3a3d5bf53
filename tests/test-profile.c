/* test-profile.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "byline-profile.h"

#include "byline-test-util.h"

static char *
expand (const BylineTemplate *template,
        const char * const   *values)
{
  GString *out = g_string_new (NULL);

  byline_template_expand (template, out, byline_test_lookup_cb, (gpointer) values);
  return g_string_free (out, FALSE);
}

typedef struct
{
  const char      *key;
  const char      *label;
  BylineFieldType  type;
  BylineSeverity   missing;
  guint            max_length;
} FieldCase;

static const FieldCase istio_fields[] = {
  { "title", "Title", BYLINE_FIELD_STRING, BYLINE_SEVERITY_ERROR, 0 },
  { "subtitle", "Subtitle", BYLINE_FIELD_STRING, BYLINE_SEVERITY_OFF, 0 },
  { "linktitle", "Link title", BYLINE_FIELD_STRING, BYLINE_SEVERITY_OFF, 0 },
  { "description", "Description", BYLINE_FIELD_TEXT, BYLINE_SEVERITY_WARNING, 200 },
  { "publishdate", "Publish date", BYLINE_FIELD_DATE, BYLINE_SEVERITY_ERROR, 0 },
  { "last_update", "Last update", BYLINE_FIELD_DATE, BYLINE_SEVERITY_OFF, 0 },
  { "attribution", "Attribution", BYLINE_FIELD_STRING, BYLINE_SEVERITY_WARNING, 0 },
  { "twitter", "Twitter", BYLINE_FIELD_STRING, BYLINE_SEVERITY_OFF, 0 },
  { "keywords", "Keywords", BYLINE_FIELD_STRING_LIST, BYLINE_SEVERITY_WARNING, 0 },
  { "target_release", "Target release", BYLINE_FIELD_NUMBER, BYLINE_SEVERITY_OFF, 0 },
  { "aliases", "Aliases", BYLINE_FIELD_STRING_LIST, BYLINE_SEVERITY_OFF, 0 },
  { "social_image", "Social image", BYLINE_FIELD_STRING, BYLINE_SEVERITY_OFF, 0 },
  { "draft", "Draft", BYLINE_FIELD_BOOL, BYLINE_SEVERITY_OFF, 0 },
  { "link", "External link", BYLINE_FIELD_STRING, BYLINE_SEVERITY_OFF, 0 },
  { "icon", "Icon", BYLINE_FIELD_STRING, BYLINE_SEVERITY_OFF, 0 },
  { "weight", "Weight", BYLINE_FIELD_INTEGER, BYLINE_SEVERITY_OFF, 0 },
  { "exclude_from_see_also", "Exclude from \"See also\"", BYLINE_FIELD_BOOL,
    BYLINE_SEVERITY_OFF, 0 },
  { "skip_byline", "Hide byline", BYLINE_FIELD_BOOL, BYLINE_SEVERITY_OFF, 0 },
  { "skip_seealso", "Hide \"See also\"", BYLINE_FIELD_BOOL, BYLINE_SEVERITY_OFF, 0 },
  { "skip_toc", "Hide table of contents", BYLINE_FIELD_BOOL, BYLINE_SEVERITY_OFF, 0 },
  { "force_inline_toc", "Inline table of contents", BYLINE_FIELD_BOOL, BYLINE_SEVERITY_OFF, 0 },
  { "max_toc_level", "Table of contents depth", BYLINE_FIELD_INTEGER, BYLINE_SEVERITY_OFF, 0 },
  { "remove_toc_prefix", "Table of contents prefix to remove", BYLINE_FIELD_STRING,
    BYLINE_SEVERITY_OFF, 0 },
};

static void
test_builtin_fields (void)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  const char * const *order;
  g_autofree char *name = NULL;
  gsize i;

  g_object_get (profile, "name", &name, NULL);
  g_assert_cmpstr (name, ==, "istio.io blog");
  g_assert_cmpstr (byline_profile_get_name (profile), ==, "istio.io blog");

  g_assert_cmpuint (byline_profile_get_n_fields (profile), ==, G_N_ELEMENTS (istio_fields));
  order = byline_profile_get_field_order (profile);
  g_assert_cmpuint (g_strv_length ((char **) order), ==, G_N_ELEMENTS (istio_fields));

  for (i = 0; i < G_N_ELEMENTS (istio_fields); i++)
    {
      const FieldCase *c = &istio_fields[i];
      const BylineFieldSpec *spec = byline_profile_get_field (profile, i);

      g_test_message ("field %s", c->key);
      g_assert_cmpstr (spec->key, ==, c->key);
      g_assert_cmpstr (order[i], ==, c->key);
      g_assert_cmpstr (spec->label, ==, c->label);
      g_assert_cmpint (spec->type, ==, c->type);
      g_assert_cmpint (spec->missing, ==, c->missing);
      g_assert_cmpuint (spec->max_length, ==, c->max_length);
      g_assert_nonnull (spec->help);
      g_assert_cmpuint (strlen (spec->help), >, 20);
      /* Every help text is a sentence: one cut short (an unquoted " #" starts
       * a YAML comment) loses its period. */
      g_assert_true (g_str_has_suffix (spec->help, "."));
      g_assert_true (byline_profile_lookup_field (profile, c->key) == spec);
    }

  g_assert_null (byline_profile_lookup_field (profile, "series"));
}

typedef struct
{
  const char *name;
  gboolean    paired;
  gboolean    inline_;
  gboolean    markdown_inner;
  gboolean    multiline;
  const char *parent;
  const char *params;    /* names in order, comma-separated; required ones end in ! */
} ShortcodeCase;

static const ShortcodeCase istio_shortcodes[] = {
  { "boilerplate", FALSE, FALSE, FALSE, FALSE, NULL, "0!" },
  { "cancel_icon", FALSE, TRUE, FALSE, FALSE, NULL, "" },
  { "centered_block", TRUE, FALSE, TRUE, FALSE, NULL, "" },
  { "checkmark_icon", FALSE, TRUE, FALSE, FALSE, NULL, "" },
  { "github_blob", FALSE, TRUE, FALSE, FALSE, NULL, "" },
  { "github_file", FALSE, TRUE, FALSE, FALSE, NULL, "" },
  { "github_raw", FALSE, TRUE, FALSE, FALSE, NULL, "" },
  { "github_tree", FALSE, TRUE, FALSE, FALSE, NULL, "" },
  { "gloss", TRUE, TRUE, FALSE, FALSE, NULL, "0" },
  { "idea", TRUE, FALSE, TRUE, TRUE, NULL, "" },
  { "idea_icon", FALSE, TRUE, FALSE, FALSE, NULL, "" },
  { "image", FALSE, FALSE, FALSE, FALSE, NULL, "width,ratio,link!,caption,alt,title,class" },
  { "istio_full_version", FALSE, TRUE, FALSE, FALSE, NULL, "" },
  { "istioctl", FALSE, TRUE, FALSE, FALSE, NULL, "" },
  { "k8s_gateway_api_version", FALSE, TRUE, FALSE, FALSE, NULL, "" },
  { "quote", TRUE, FALSE, TRUE, TRUE, NULL, "caption" },
  { "source_branch_name", FALSE, TRUE, FALSE, FALSE, NULL, "" },
  { "tab", TRUE, FALSE, TRUE, FALSE, "tabset", "name!,category-value,cookie-value" },
  { "tabset", TRUE, FALSE, TRUE, FALSE, NULL, "category-name,cookie-name,class" },
  { "text", TRUE, FALSE, FALSE, FALSE, NULL,
    "0,1,2,3,syntax,outputis,downloadas,expandlinks,snip_id,repo" },
  { "tip", TRUE, FALSE, TRUE, TRUE, NULL, "" },
  { "tip_icon", FALSE, TRUE, FALSE, FALSE, NULL, "" },
  { "warning", TRUE, FALSE, TRUE, TRUE, NULL, "" },
  { "warning_icon", FALSE, TRUE, FALSE, FALSE, NULL, "" },
};

static void
check_params (const BylineShortcodeSpec *spec,
              const char                *expected)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint i;

  for (i = 0; i < spec->params->len; i++)
    {
      const BylineParamSpec *param = g_ptr_array_index (spec->params, i);

      g_string_append_printf (names, "%s%s%s", i > 0 ? "," : "", param->name,
                              param->required ? "!" : "");
      g_assert_true (byline_shortcode_spec_lookup_param (spec, param->name) == param);
    }
  g_assert_cmpstr (names->str, ==, expected);
}

static void
test_builtin_shortcodes (void)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  const char * const *names = byline_profile_get_shortcode_names (profile);
  gsize i;

  g_assert_cmpuint (g_strv_length ((char **) names), ==, G_N_ELEMENTS (istio_shortcodes));

  for (i = 0; i < G_N_ELEMENTS (istio_shortcodes); i++)
    {
      const ShortcodeCase *c = &istio_shortcodes[i];
      const BylineShortcodeSpec *spec = byline_profile_lookup_shortcode (profile, c->name);

      g_test_message ("shortcode %s", c->name);
      g_assert_cmpstr (names[i], ==, c->name);
      g_assert_nonnull (spec);
      g_assert_cmpstr (spec->name, ==, c->name);
      g_assert_cmpint (spec->paired, ==, c->paired);
      g_assert_cmpint (spec->inline_, ==, c->inline_);
      g_assert_cmpint (spec->markdown_inner, ==, c->markdown_inner);
      g_assert_cmpint (spec->multiline, ==, c->multiline);
      g_assert_false (spec->any_params);
      g_assert_cmpstr (spec->parent, ==, c->parent);
      g_assert_nonnull (spec->help);
      g_assert_nonnull (spec->template);
      check_params (spec, c->params);
    }

  g_assert_null (byline_profile_lookup_shortcode (profile, "youtube"));
  g_assert_null (byline_shortcode_spec_lookup_param (
    byline_profile_lookup_shortcode (profile, "image"), "height"));
}

typedef struct
{
  const char *shortcode;
  const char *values[8];
  const char *expected;
} TemplateCase;

static const TemplateCase istio_templates[] = {
  { "image", { "src=file:///b/x.png", "link=./x.png", "caption=Mesh <overview>", NULL },
    "<figure style=\"width:100%\"><div class=\"wrapper-with-intrinsic-ratio\"><a "
    "href=\"file:///b/x.png\" title=\"Mesh &lt;overview&gt;\"><img class=\"element-to-stretch\" "
    "src=\"file:///b/x.png\" alt=\"Mesh &lt;overview&gt;\"></a></div>"
    "<figcaption>Mesh &lt;overview&gt;</figcaption></figure>" },
  { "image", { "link=./x.png", "width=75%", "ratio=50%", "alt=A \"quoted\" alt",
               "title=T", "class=wide", NULL },
    "<figure style=\"width:75%\" class=\"wide\"><div class=\"wrapper-with-intrinsic-ratio\" "
    "style=\"padding-bottom:50%\"><a href=\"./x.png\" title=\"T\"><img "
    "class=\"element-to-stretch\" src=\"./x.png\" alt=\"A &quot;quoted&quot; alt\"></a></div>"
    "<figcaption></figcaption></figure>" },
  { "text", { "0=bash", "inner=$ echo &lt;x&gt;\n", NULL },
    "<pre><code class=\"language-bash\">$ echo &lt;x&gt;\n</code></pre>" },
  { "text", { "syntax=yaml", "0=bash", "inner=", NULL },
    "<pre><code class=\"language-yaml\"></code></pre>" },
  { "tip", { "inner=<p>Hi</p>\n", NULL }, "<aside class=\"callout tip\"><p>Hi</p>\n</aside>" },
  { "warning", { "inner=<p>W</p>", NULL }, "<aside class=\"callout warning\"><p>W</p></aside>" },
  { "idea", { "inner=<p>I</p>", NULL }, "<aside class=\"callout idea\"><p>I</p></aside>" },
  { "quote", { "inner=<p>Q</p>", NULL }, "<aside class=\"callout quote\"><p>Q</p></aside>" },
  { "quote", { "inner=<p>Q</p>", "caption=Jane & co", NULL },
    "<aside class=\"callout quote\"><p>Q</p><footer>Jane &amp; co</footer></aside>" },
  { "tabset", { "inner=<div class=\"tab\">x</div>", NULL },
    "<div class=\"tabset\"><div class=\"tab\">x</div></div>" },
  { "tab", { "name=One", "inner=<p>1</p>", NULL },
    "<div class=\"tab\" data-name=\"One\"><p>1</p></div>" },
  { "gloss", { "inner=Envoy", NULL }, "<span class=\"gloss\">Envoy</span>" },
  { "centered_block", { "inner=<p>c</p>", NULL }, "<div class=\"centered-block\"><p>c</p></div>" },
  { "boilerplate", { "0=trace-generation", NULL },
    "<div class=\"boilerplate\">trace-generation</div>" },
  { "github_file", { NULL }, "https://raw.githubusercontent.com/istio/istio/master" },
  { "github_tree", { NULL }, "https://github.com/istio/istio/tree/master" },
  { "github_blob", { NULL }, "https://github.com/istio/istio/blob/master" },
  { "github_raw", { NULL }, "https://github.com/istio/istio" },
  { "source_branch_name", { NULL }, "master" },
  { "istioctl", { NULL }, "istioctl" },
  { "istio_full_version", { NULL }, "<span class=\"istio_full_version\"></span>" },
  { "k8s_gateway_api_version", { NULL }, "<span class=\"k8s_gateway_api_version\"></span>" },
  { "checkmark_icon", { NULL }, "<span class=\"checkmark_icon\"></span>" },
  { "cancel_icon", { NULL }, "<span class=\"cancel_icon\"></span>" },
  { "warning_icon", { NULL }, "<span class=\"warning_icon\"></span>" },
};

static void
test_builtin_templates (void)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (istio_templates); i++)
    {
      const TemplateCase *c = &istio_templates[i];
      const BylineShortcodeSpec *spec = byline_profile_lookup_shortcode (profile, c->shortcode);
      g_autofree char *html = NULL;

      g_test_message ("case %" G_GSIZE_FORMAT ": %s", i, c->shortcode);
      html = expand (spec->template, c->values);
      g_assert_cmpstr (html, ==, c->expected);
    }
}

static void
test_builtin_site (void)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  const char * const paths[] = { "^/v[0-9]+\\.[0-9]+/", "^/archive/", NULL };
  const char * const widths[] = { "100%", "90%", "80%", "75%", "70%", "60%", "50%", "40%", NULL };
  const char * const values[] = { "title=Istio's \\\"mesh\\\"", "date=2024-05-06",
                                  "author=Jane Doe (Example)", NULL };
  const BylineTemplate *post;
  g_autofree char *text = NULL;
  const char *css;

  g_assert_cmpstr (byline_profile_get_site_url (profile), ==, "https://istio.io/");
  g_assert_cmpstr (byline_profile_get_github_url (profile), ==, "https://github.com/istio/istio");
  g_assert_cmpstrv (byline_profile_get_allowed_absolute_paths (profile), paths);
  g_assert_cmpstrv (byline_profile_get_image_widths (profile), widths);
  g_assert_cmpuint (byline_profile_get_large_image_bytes (profile), ==, 1024 * 1024);
  g_assert_cmpuint (byline_profile_get_image_max_width (profile), ==, 2400);
  g_assert_cmpuint (byline_profile_get_jpeg_quality (profile), ==, 85);
  g_assert_cmpuint (g_strv_length ((char **) byline_profile_get_words (profile)), ==, 0);

  g_assert_cmpint (byline_profile_get_rule_severity (profile, "image/caption-period",
                                                     BYLINE_SEVERITY_WARNING),
                   ==, BYLINE_SEVERITY_ERROR);
  g_assert_cmpint (byline_profile_get_rule_severity (profile, "markdown/heading-skip",
                                                     BYLINE_SEVERITY_INFO),
                   ==, BYLINE_SEVERITY_WARNING);
  g_assert_cmpint (byline_profile_get_rule_severity (profile, "no/such-rule",
                                                     BYLINE_SEVERITY_INFO),
                   ==, BYLINE_SEVERITY_INFO);
  g_assert_cmpstr (byline_profile_get_rule_option (profile, "markdown/heading-skip", "top"),
                   ==, "2");
  g_assert_null (byline_profile_get_rule_option (profile, "markdown/heading-skip", "x"));
  g_assert_null (byline_profile_get_rule_option (profile, "no/such-rule", "top"));

  post = byline_profile_get_post_template (profile);
  g_assert_nonnull (post);
  text = expand (post, values);
  g_assert_true (g_str_has_prefix (text,
                                   "---\n"
                                   "title: \"Istio's \\\"mesh\\\"\"\n"
                                   "description: \"\"\n"
                                   "publishdate: 2024-05-06\n"
                                   "attribution: \"Jane Doe (Example)\"\n"
                                   "keywords: []\n"
                                   "---\n\n"));
  g_assert_nonnull (strstr (text, "\n{{< text bash >}}\n$ istioctl version\n{{< /text >}}\n"));

  css = byline_profile_get_stylesheet (profile);
  g_assert_nonnull (strstr (css, ".wrapper-with-intrinsic-ratio {"));
  g_assert_nonnull (strstr (css, "aside.callout.tip {"));
  g_assert_nonnull (strstr (css, ".byline-unknown-shortcode {"));
  g_assert_nonnull (strstr (css, "header.byline-post-header h1 {"));
  g_assert_nonnull (strstr (css, "@media (prefers-color-scheme: dark)"));
}

static void
test_merge_file (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(BylineProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  const char * const order[] = {
    "title", "series", "subtitle", "linktitle", "description", "publishdate", "weight",
    "last_update", "attribution", "keywords", "target_release", "aliases", "social_image",
    "draft", "link", "icon", "exclude_from_see_also", "skip_byline", "skip_seealso",
    "skip_toc", "force_inline_toc", "max_toc_level", "remove_toc_prefix", "mood", NULL
  };
  const char * const widths[] = { "100%", "50%", NULL };
  const char * const words[] = { "Tessera", "ztunnel", NULL };
  const char * const video[] = { "0=abc&d", NULL };
  const BylineFieldSpec *field;
  const BylineShortcodeSpec *spec;
  g_autofree char *html = NULL;
  const char *css;

  file = g_file_new_build_filename (g_test_get_dir (G_TEST_DIST), "data", "profiles", "example",
                                    ".byline.yml", NULL);
  profile = byline_profile_new_from_file (file, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (byline_profile_get_name (profile), ==, "Example blog");
  g_assert_cmpstrv (byline_profile_get_field_order (profile), order);

  /* Overriding an attribute keeps the others. */
  field = byline_profile_lookup_field (profile, "description");
  g_assert_cmpuint (field->max_length, ==, 160);
  g_assert_cmpint (field->missing, ==, BYLINE_SEVERITY_ERROR);
  g_assert_cmpint (field->type, ==, BYLINE_FIELD_TEXT);
  g_assert_cmpstr (field->label, ==, "Description");

  /* New fields default to optional strings labelled with their key. */
  field = byline_profile_lookup_field (profile, "series");
  g_assert_cmpstr (field->label, ==, "Series");
  g_assert_cmpstr (field->help, ==, "The series the post belongs to.");
  g_assert_cmpint (field->type, ==, BYLINE_FIELD_STRING);
  g_assert_cmpint (field->missing, ==, BYLINE_SEVERITY_OFF);
  field = byline_profile_lookup_field (profile, "mood");
  g_assert_cmpstr (field->label, ==, "mood");
  g_assert_null (field->help);
  g_assert_cmpint (field->type, ==, BYLINE_FIELD_STRING_LIST);
  g_assert_null (byline_profile_lookup_field (profile, "twitter"));

  /* Shortcodes merge by name, their parameters by name. */
  spec = byline_profile_lookup_shortcode (profile, "image");
  check_params (spec, "width,ratio,link!,caption!,alt,title,class,loading");
  g_assert_nonnull (byline_shortcode_spec_lookup_param (spec, "caption")->help);
  g_assert_cmpstr (byline_shortcode_spec_lookup_param (spec, "loading")->help, ==,
                   "lazy or eager");
  g_assert_nonnull (spec->template);
  spec = byline_profile_lookup_shortcode (profile, "youtube");
  check_params (spec, "0");
  html = expand (spec->template, video);
  g_assert_cmpstr (html, ==, "<iframe src=\"https://www.youtube.com/embed/abc&amp;d\"></iframe>");
  g_assert_false (spec->paired);
  g_assert_null (byline_profile_lookup_shortcode (profile, "gloss"));
  g_assert_cmpuint (g_strv_length ((char **) byline_profile_get_shortcode_names (profile)),
                    ==, G_N_ELEMENTS (istio_shortcodes));
  g_assert_cmpstr (byline_profile_get_shortcode_names (profile)[23], ==, "youtube");

  /* Rules and site facts override. */
  g_assert_cmpint (byline_profile_get_rule_severity (profile, "image/caption-period",
                                                     BYLINE_SEVERITY_WARNING),
                   ==, BYLINE_SEVERITY_OFF);
  g_assert_cmpint (byline_profile_get_rule_severity (profile, "markdown/heading-skip",
                                                     BYLINE_SEVERITY_INFO),
                   ==, BYLINE_SEVERITY_WARNING);
  g_assert_cmpstr (byline_profile_get_rule_option (profile, "markdown/heading-skip", "top"),
                   ==, "3");
  g_assert_cmpint (byline_profile_get_rule_severity (profile, "custom/rule",
                                                     BYLINE_SEVERITY_ERROR),
                   ==, BYLINE_SEVERITY_INFO);
  g_assert_cmpstr (byline_profile_get_rule_option (profile, "custom/rule", "word"), ==, "foo");
  g_assert_cmpstr (byline_profile_get_site_url (profile), ==, "https://example.org/");
  g_assert_cmpstr (byline_profile_get_github_url (profile), ==, "https://github.com/istio/istio");
  g_assert_cmpstrv (byline_profile_get_image_widths (profile), widths);
  g_assert_cmpstrv (byline_profile_get_words (profile), words);

  /* The site's CSS comes after the built-in style sheet, so it wins. */
  css = byline_profile_get_stylesheet (profile);
  g_assert_true (g_str_has_suffix (css, "\nbody { max-width: 50rem; }\n"));
  g_assert_nonnull (strstr (css, "aside.callout.tip {"));
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* The import's limits come from the site. */
static void
test_merge_photo_settings (void)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(GError) error = NULL;
  const char *yaml = "site:\n  image_max_width: 1600\n  jpeg_quality: 0\n";

  g_assert_true (byline_profile_merge_data (profile, yaml, strlen (yaml), "a.yml", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (byline_profile_get_image_max_width (profile), ==, 1600);
  /* JPEG has no quality 0: the lowest there is. */
  g_assert_cmpuint (byline_profile_get_jpeg_quality (profile), ==, 1);
}

static void
test_merge_notify (void)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  g_signal_connect (profile, "notify::name", G_CALLBACK (count_cb), &notified);
  g_assert_true (byline_profile_merge_data (profile, "name: New\n", 10, "a.yml", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (byline_profile_merge_data (profile, "name: New\n", 10, "a.yml", &error));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (byline_profile_merge_data (profile, "rules: {a/b: off}\n", 18, "a.yml", &error));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (byline_profile_get_name (profile), ==, "New");
  g_assert_finalize_object (g_steal_pointer (&profile));
}

static void
test_merge_empty (void)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(GError) error = NULL;
  const char *inputs[] = { "", "# only a comment\n", "~\n" };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_assert_true (byline_profile_merge_data (profile, inputs[i], strlen (inputs[i]),
                                                "empty.yml", &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (byline_profile_get_n_fields (profile), ==, G_N_ELEMENTS (istio_fields));
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
assert_found (GFile      *post,
              const char *expected)
{
  g_autoptr(BylineSite) site = byline_site_lookup (post, NULL);
  GFile *found = byline_site_get_profile_file (site);

  if (expected == NULL)
    g_assert_null (found);
  else
    {
      g_assert_nonnull (found);
      g_assert_cmpstr (g_file_peek_path (found), ==, expected);
    }
}

static void
test_find_for_post (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("byline-profile-XXXXXX", &error);
  g_autofree char *repo = g_build_filename (root, "repo", NULL);
  g_autofree char *git = g_build_filename (repo, ".git", NULL);
  g_autofree char *bundle = g_build_filename (repo, "content", "en", "blog", "post", NULL);
  g_autofree char *post_path = g_build_filename (bundle, "index.md", NULL);
  g_autofree char *above = g_build_filename (root, ".byline.yml", NULL);
  g_autofree char *content = g_build_filename (repo, "content", ".byline.yml", NULL);
  g_autofree char *nearest = g_build_filename (bundle, ".byline.yml", NULL);
  g_autofree char *in_repo = g_build_filename (repo, ".byline.yml", NULL);
  g_autoptr(GFile) post = NULL;
  g_autoptr(BylineProfile) profile = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (bundle, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (git, 0700), ==, 0);
  write_file (post_path, "---\ntitle: x\n---\n");
  post = g_file_new_for_path (post_path);

  /* A profile above the repository's root does not apply. */
  write_file (above, "name: Above\n");
  assert_found (post, NULL);
  /* Without one, the post's site (a folder with content/) is learned. */
  profile = byline_profile_new_for_post (post, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_profile_get_description (profile), ==,
                   "Hugo profile learned from the site");
  g_clear_object (&profile);

  /* The folder that holds .git is still searched. */
  write_file (in_repo, "name: Repository\n");
  assert_found (post, in_repo);

  write_file (content, "name: Content\n");
  assert_found (post, content);
  profile = byline_profile_new_for_post (post, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_profile_get_name (profile), ==, "Content");
  g_clear_object (&profile);

  write_file (nearest, "name: [broken\n");
  assert_found (post, nearest);
  profile = byline_profile_new_for_post (post, &error);
  g_assert_null (profile);
  g_assert_error (error, BYLINE_PROFILE_ERROR, BYLINE_PROFILE_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, nearest));
  g_clear_error (&error);

  /* In a git worktree .git is a file; it stops the search too. */
  g_assert_cmpint (g_remove (nearest), ==, 0);
  g_assert_cmpint (g_remove (content), ==, 0);
  g_assert_cmpint (g_remove (in_repo), ==, 0);
  g_assert_cmpint (g_rmdir (git), ==, 0);
  assert_found (post, above);
  write_file (git, "gitdir: /elsewhere\n");
  assert_found (post, NULL);

  g_assert_cmpint (g_remove (git), ==, 0);
  g_assert_cmpint (g_remove (above), ==, 0);
  g_assert_cmpint (g_remove (post_path), ==, 0);
  g_assert_cmpint (g_rmdir (bundle), ==, 0);
  while (strcmp (bundle, root) != 0)
    {
      char *parent = g_path_get_dirname (bundle);

      g_free (bundle);
      bundle = parent;
      g_assert_cmpint (g_rmdir (bundle), ==, 0);
    }
}

typedef struct
{
  const char *yaml;
  BylineProfileError code;
  const char *message;
} ErrorCase;

static const ErrorCase error_cases[] = {
  /* Reported where the unclosed [ opens, not at the end of the file. */
  { "name: [unclosed\n", BYLINE_PROFILE_ERROR_SYNTAX,
    "site.yml:1: The profile is not valid YAML: did not find expected ',' or ']', "
    "while parsing a flow sequence" },
  { "- a list\n", BYLINE_PROFILE_ERROR_INVALID,
    "site.yml:1: “the profile” should be a mapping, not a list" },
  { "name: x\nsurprise: 1\n", BYLINE_PROFILE_ERROR_INVALID,
    "site.yml:2: Unknown key “surprise” in the profile; use one of: name, extends, site, fields, "
    "shortcodes, rules, new_post, words, css" },
  { "words: {a: 1}\n", BYLINE_PROFILE_ERROR_INVALID,
    "site.yml:1: “words” should be a list, not a mapping" },
  { "fields:\n  - label: Nope\n", BYLINE_PROFILE_ERROR_INVALID,
    "site.yml:2: A field needs a key: add “key:” with the front-matter key it edits" },
  { "fields:\n  - key: x\n    type: strin\n", BYLINE_PROFILE_ERROR_INVALID,
    "site.yml:3: Unknown field type “strin”; use string, text, date, string_list, bool, "
    "number or integer" },
  { "fields:\n  - key: x\n    lable: X\n", BYLINE_PROFILE_ERROR_INVALID,
    "site.yml:3: Unknown key “lable” in a field; use one of: key, label, help, type, missing, "
    "max_length, after, remove" },
  { "fields:\n  - key: x\n    after: nothing\n", BYLINE_PROFILE_ERROR_INVALID,
    "site.yml:3: “after: nothing” names no field; use the key of a field listed before" },
  { "fields:\n  - key: x\n    max_length: -3\n", BYLINE_PROFILE_ERROR_INVALID,
    "site.yml:3: “max_length” should be a whole number from 0 to 4294967295, not “-3”" },
  { "fields:\n  - key: x\n    missing: maybe\n", BYLINE_PROFILE_ERROR_INVALID,
    "site.yml:3: “missing” should be error, warning, info or off, not “maybe”" },
  { "fields: {key: x}\n", BYLINE_PROFILE_ERROR_INVALID,
    "site.yml:1: “fields” should be a list, not a mapping" },
  { "shortcodes:\n  x:\n    paired: sometimes\n", BYLINE_PROFILE_ERROR_INVALID,
    "site.yml:3: “paired” should be true or false, not “sometimes”" },
  { "shortcodes:\n  x:\n    template: \"<b>{{a</b>\"\n", BYLINE_PROFILE_ERROR_INVALID,
    "site.yml:3: The template of “x” is wrong: Line 1, column 4: the tag is not closed; "
    "end it with “}}”" },
  { "shortcodes:\n  x:\n    params:\n      - help: no name\n", BYLINE_PROFILE_ERROR_INVALID,
    "site.yml:4: A parameter needs a name: add “name:” (use “0”, “1” for positional "
    "parameters)" },
  { "shortcodes:\n  \"a b\": {}\n", BYLINE_PROFILE_ERROR_INVALID,
    "site.yml:2: “a b” cannot be a shortcode name; use letters, digits, “_” and “-”" },
  { "rules:\n  image/caption-period: fatal\n", BYLINE_PROFILE_ERROR_INVALID,
    "site.yml:2: “image/caption-period” should be error, warning, info or off, not “fatal”" },
  { "rules:\n  x/y: {max: [1, 2]}\n", BYLINE_PROFILE_ERROR_INVALID,
    "site.yml:2: “max” should be a value, not a list" },
  { "site:\n  allowed_absolute_paths: ['^/(v']\n", BYLINE_PROFILE_ERROR_INVALID,
    NULL },
  { "site:\n  image_widths: [[1]]\n", BYLINE_PROFILE_ERROR_INVALID,
    "site.yml:2: “image_widths” should be a value, not a list" },
  { "site:\n  jpeg_quality: 101\n", BYLINE_PROFILE_ERROR_INVALID,
    "site.yml:2: “jpeg_quality” should be a whole number from 0 to 100, not “101”" },
  { "site:\n  image_max_width: wide\n", BYLINE_PROFILE_ERROR_INVALID,
    "site.yml:2: “image_max_width” should be a whole number from 0 to 2147483647, not “wide”" },
  { "site:\n  image_size: 1\n", BYLINE_PROFILE_ERROR_INVALID,
    "site.yml:2: Unknown key “image_size” in site; use one of: url, github_url, "
    "allowed_absolute_paths, large_image_bytes, image_widths, image_max_width, jpeg_quality" },
  { "new_post: \"{{#title}}\"\n", BYLINE_PROFILE_ERROR_INVALID,
    "site.yml:1: The new-post template is wrong: Line 1, column 1: the section “title” is not "
    "closed; end it with “{{/title}}”" },
  { "name: \xff\n", BYLINE_PROFILE_ERROR_SYNTAX,
    "site.yml: The profile is not UTF-8 text; save it as UTF-8" },
};

static void
test_errors (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      const ErrorCase *c = &error_cases[i];
      g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
      g_autoptr(GError) error = NULL;

      g_test_message ("case %" G_GSIZE_FORMAT, i);
      g_assert_false (byline_profile_merge_data (profile, c->yaml, strlen (c->yaml), "site.yml",
                                                 &error));
      g_assert_error (error, BYLINE_PROFILE_ERROR, c->code);
      if (c->message != NULL)
        g_assert_cmpstr (error->message, ==, c->message);
      else
        g_assert_true (g_str_has_prefix (error->message, "site.yml:2: “^/(v” is not a valid "
                                                         "regular expression: "));
    }
}

static void
test_hostile (void)
{
  g_autoptr(GString) bomb = g_string_new ("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol]\n");
  g_autoptr(GString) deep = g_string_new ("fields: ");
  g_autoptr(GString) huge = g_string_new ("name: x\n");
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(GError) error = NULL;
  guint i, j;

  /* A billion laughs: each level has nine aliases to the one before. */
  for (i = 1; i < 40; i++)
    {
      g_string_append_printf (bomb, "a%u: &a%u [", i, i);
      for (j = 0; j < 9; j++)
        g_string_append_printf (bomb, "%s*a%u", j > 0 ? ", " : "", i - 1);
      g_string_append (bomb, "]\n");
    }
  g_assert_false (byline_profile_merge_data (profile, bomb->str, bomb->len, "bomb.yml", &error));
  g_assert_error (error, BYLINE_PROFILE_ERROR, BYLINE_PROFILE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "bomb.yml:30: The profile uses more than 256 aliases (“*name”); "
                   "write the values out instead");
  g_clear_error (&error);

  /* A few aliases are fine: they share a value. */
  g_string_assign (bomb, "fields:\n  - key: a\n    help: &h Shared help\n"
                         "  - key: b\n    help: *h\n");
  g_assert_true (byline_profile_merge_data (profile, bomb->str, bomb->len, "alias.yml", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (byline_profile_lookup_field (profile, "b")->help, ==, "Shared help");

  for (i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  g_assert_false (byline_profile_merge_data (profile, deep->str, deep->len, "deep.yml", &error));
  g_assert_error (error, BYLINE_PROFILE_ERROR, BYLINE_PROFILE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "deep.yml:1: The profile nests deeper than 32 levels; "
                   "a profile never needs that");
  g_clear_error (&error);

  while (huge->len <= 1024 * 1024)
    g_string_append (huge, "# padding padding padding padding padding padding padding\n");
  g_assert_false (byline_profile_merge_data (profile, huge->str, huge->len, "huge.yml", &error));
  g_assert_error (error, BYLINE_PROFILE_ERROR, BYLINE_PROFILE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "huge.yml: The profile is larger than 1024 KiB; a profile never needs that");
}

static void
test_docs_example (void)
{
  g_autofree char *path = g_build_filename (g_test_get_dir (G_TEST_DIST), "..", "docs",
                                            "profile.md", NULL);
  g_autofree char *doc = NULL;
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(GError) error = NULL;
  const char *start, *end;
  const BylineShortcodeSpec *spec;

  /* The example .byline.yml of the documentation is a valid profile. */
  g_file_get_contents (path, &doc, NULL, &error);
  g_assert_no_error (error);
  start = strstr (doc, "<!-- example -->\n```yaml\n");
  g_assert_nonnull (start);
  start += strlen ("<!-- example -->\n```yaml\n");
  end = strstr (start, "\n```\n");
  g_assert_nonnull (end);

  g_assert_true (byline_profile_merge_data (profile, start, end + 1 - start, "profile.md",
                                            &error));
  g_assert_no_error (error);
  g_assert_nonnull (byline_profile_lookup_field (profile, "series"));
  spec = byline_profile_lookup_shortcode (profile, "youtube");
  g_assert_nonnull (spec);
  g_assert_nonnull (spec->template);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/profile/builtin/fields", test_builtin_fields);
  g_test_add_func ("/core/profile/builtin/shortcodes", test_builtin_shortcodes);
  g_test_add_func ("/core/profile/builtin/templates", test_builtin_templates);
  g_test_add_func ("/core/profile/builtin/site", test_builtin_site);
  g_test_add_func ("/core/profile/merge/file", test_merge_file);
  g_test_add_func ("/core/profile/merge/empty", test_merge_empty);
  g_test_add_func ("/core/profile/merge/notify", test_merge_notify);
  g_test_add_func ("/core/profile/merge/photo-settings", test_merge_photo_settings);
  g_test_add_func ("/core/profile/find-for-post", test_find_for_post);
  g_test_add_func ("/core/profile/errors", test_errors);
  g_test_add_func ("/core/profile/hostile", test_hostile);
  g_test_add_func ("/core/profile/docs-example", test_docs_example);

  return g_test_run ();
}
