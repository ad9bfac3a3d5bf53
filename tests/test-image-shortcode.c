/* test-image-shortcode.c — image shortcode fields, text, patches and checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-analysis.h"
#include "byline-image-shortcode.h"

#include <string.h>

static BylineImageFields *
make_fields (const char *width,
             const char *ratio,
             const char *link,
             const char *alt,
             const char *title,
             const char *caption)
{
  BylineImageFields *fields = byline_image_fields_new ();

  byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_WIDTH, width);
  byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_RATIO, ratio);
  byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_LINK, link);
  byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_ALT, alt);
  byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_TITLE, title);
  byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_CAPTION, caption);
  return fields;
}

/* The scanned shortcodes of @text, which must hold exactly one call. */
static BylineShortcodeList *
scan_one (const char *text)
{
  BylineShortcodeList *list = byline_shortcode_scan (text, 0, strlen (text), NULL);

  g_assert_cmpuint (list->calls->len, ==, 1);
  g_assert_cmpuint (list->problems->len, ==, 0);
  return list;
}

static void
test_to_shortcode (void)
{
  static const struct {
    const char *width, *ratio, *link, *alt, *title, *caption;
    const char *expected;
  } cases[] = {
    /* The site's most common form. */
    { "75%", NULL, "./x.jpg", NULL, NULL, "Istio Day Europe 2023, Welcome",
      "{{< image width=\"75%\"\n"
      "    link=\"./x.jpg\"\n"
      "    caption=\"Istio Day Europe 2023, Welcome\"\n"
      "    >}}" },
    /* Every field, in the site's order. */
    { "75%", "60%", "./latency_p50.png", "Latency", "p50", "Measured",
      "{{< image width=\"75%\" ratio=\"60%\"\n"
      "    link=\"./latency_p50.png\"\n"
      "    alt=\"Latency\"\n"
      "    title=\"p50\"\n"
      "    caption=\"Measured\"\n"
      "    >}}" },
    { "40%", NULL, "./arch-2.svg", "The overall architecture", NULL, "Istio Architecture",
      "{{< image width=\"40%\"\n"
      "    link=\"./arch-2.svg\"\n"
      "    alt=\"The overall architecture\"\n"
      "    caption=\"Istio Architecture\"\n"
      "    >}}" },
    { "100%", NULL, "./a.png", "Alt only", NULL, NULL,
      "{{< image width=\"100%\"\n"
      "    link=\"./a.png\"\n"
      "    alt=\"Alt only\"\n"
      "    >}}" },
    { "50%", NULL, "./a.png", NULL, "Title only", "",
      "{{< image width=\"50%\"\n"
      "    link=\"./a.png\"\n"
      "    title=\"Title only\"\n"
      "    >}}" },
    /* A width alone still keeps link on its own line. */
    { "90%", NULL, "./a.png", NULL, NULL, NULL,
      "{{< image width=\"90%\"\n"
      "    link=\"./a.png\"\n"
      "    >}}" },
    /* Ratio without width leads the first line. */
    { NULL, "56.25%", "https://example.com/a.png", NULL, NULL, "Remote",
      "{{< image ratio=\"56.25%\"\n"
      "    link=\"https://example.com/a.png\"\n"
      "    caption=\"Remote\"\n"
      "    >}}" },
    /* Without width and ratio, link takes the first line. */
    { NULL, NULL, "./a.png", NULL, NULL, "A caption",
      "{{< image link=\"./a.png\"\n"
      "    caption=\"A caption\"\n"
      "    >}}" },
    { "", "", "./a.png", "", "", "",
      "{{< image link=\"./a.png\" >}}" },
    { NULL, NULL, NULL, NULL, NULL, NULL,
      "{{< image link=\"\" >}}" },
    /* Quotes are escaped; a lone backslash stays as written. */
    { "75%", NULL, "./a.png", NULL, NULL, "The \"mesh\" at a\\b",
      "{{< image width=\"75%\"\n"
      "    link=\"./a.png\"\n"
      "    caption=\"The \\\"mesh\\\" at a\\b\"\n"
      "    >}}" },
    /* A backslash before a quote, another backslash or the end is doubled. */
    { NULL, NULL, "./a.png", "\\\"q\\\\ end\\", NULL, NULL,
      "{{< image link=\"./a.png\"\n"
      "    alt=\"\\\\\\\"q\\\\\\ end\\\\\"\n"
      "    >}}" },
    /* Line breaks would end the quoted value: they become spaces. */
    { "60%", NULL, "./a.png", NULL, NULL, "Two\nlines\r\nand\ttab",
      "{{< image width=\"60%\"\n"
      "    link=\"./a.png\"\n"
      "    caption=\"Two lines and tab\"\n"
      "    >}}" },
    /* Non-ASCII text is kept as it is. */
    { "80%", NULL, "./a.png", NULL, NULL, "Istio 中国 — “café”",
      "{{< image width=\"80%\"\n"
      "    link=\"./a.png\"\n"
      "    caption=\"Istio 中国 — “café”\"\n"
      "    >}}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BylineImageFields) fields = make_fields (cases[i].width, cases[i].ratio,
                                                         cases[i].link, cases[i].alt,
                                                         cases[i].title, cases[i].caption);
      g_autofree char *text = byline_image_fields_to_shortcode (fields);

      g_test_message ("case %u", i);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* What byline_image_fields_to_shortcode() writes, the shortcode scanner reads
 * back as the same fields. */
static void
test_round_trip (void)
{
  static const char *captions[] = {
    "Plain", "With \"quotes\"", "Back\\slash", "End\\", "\\\"", "\\\\\\", "a >}} b",
    "{{< image >}}", "`raw`", "Ünïcödé",
  };

  for (guint i = 0; i < G_N_ELEMENTS (captions); i++)
    {
      g_autoptr(BylineImageFields) fields = make_fields ("75%", NULL, "./x.jpg", captions[i],
                                                         "T", captions[i]);
      g_autofree char *text = byline_image_fields_to_shortcode (fields);
      g_autoptr(BylineShortcodeList) list = scan_one (text);
      g_autoptr(BylineImageFields) back =
        byline_image_fields_new_from_call (g_ptr_array_index (list->calls, 0));

      g_test_message ("caption %s as %s", captions[i], text);
      g_assert_nonnull (back);
      g_assert_cmpstr (back->caption, ==, captions[i]);
      g_assert_cmpstr (back->alt, ==, captions[i]);
      g_assert_true (byline_image_fields_equal (fields, back));
    }
}

static void
test_from_call (void)
{
  const char *text =
    "{{< image  width=\"75%\" ratio=\"60%\"\n"
    "    link=\"./latency_p50.png\"\n"
    "    class=`wide shadow`\n"
    "    alt=\"Latency\"\n"
    "    title=Bare\n"
    "    caption=\"First\" caption=\"Second\"\n"
    "    >}}";
  g_autoptr(BylineShortcodeList) list = scan_one (text);
  g_autoptr(BylineImageFields) fields =
    byline_image_fields_new_from_call (g_ptr_array_index (list->calls, 0));
  g_autofree char *written = NULL;

  g_assert_nonnull (fields);
  g_assert_cmpstr (fields->width, ==, "75%");
  g_assert_cmpstr (fields->ratio, ==, "60%");
  g_assert_cmpstr (fields->link, ==, "./latency_p50.png");
  g_assert_cmpstr (fields->alt, ==, "Latency");
  g_assert_cmpstr (fields->title, ==, "Bare");
  g_assert_cmpstr (fields->caption, ==, "First");
  g_assert_cmpuint (fields->extra->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fields->extra, 0), ==, "class");
  g_assert_cmpstr (g_ptr_array_index (fields->extra, 1), ==, "wide shadow");

  /* Parameters the dialog does not show are written back after the others. */
  written = byline_image_fields_to_shortcode (fields);
  g_assert_cmpstr (written, ==,
                   "{{< image width=\"75%\" ratio=\"60%\"\n"
                   "    link=\"./latency_p50.png\"\n"
                   "    alt=\"Latency\"\n"
                   "    title=\"Bare\"\n"
                   "    caption=\"First\"\n"
                   "    class=\"wide shadow\"\n"
                   "    >}}");
}

static void
test_from_other_calls (void)
{
  static const char *texts[] = {
    "{{< text bash >}}$ ls{{< /text >}}",
    "{{< /image >}}",
    "{{</* image link=\"./a.png\" */>}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(BylineShortcodeList) list =
        byline_shortcode_scan (texts[i], 0, strlen (texts[i]), NULL);

      g_assert_cmpuint (list->calls->len, >, 0);
      for (guint j = 0; j < list->calls->len; j++)
        g_assert_null (byline_image_fields_new_from_call (g_ptr_array_index (list->calls, j)));
      g_assert_null (byline_image_find_call (list, 3));
    }

  /* The self-closing form is an image call too. */
  {
    const char *text = "{{< image link=\"./a.png\" />}}";
    g_autoptr(BylineShortcodeList) list = scan_one (text);
    g_autoptr(BylineImageFields) fields =
      byline_image_fields_new_from_call (g_ptr_array_index (list->calls, 0));

    g_assert_nonnull (fields);
    g_assert_cmpstr (fields->link, ==, "./a.png");
  }
}

static void
test_find_call (void)
{
  /*                  0         1         2         3         4         5
   *                  0123456789012345678901234567890123456789012345678901234 */
  const char *text = "Hi {{< image link=\"a.png\" >}} and {{< image link=\"b.png\" >}}";
  g_autoptr(BylineShortcodeList) list = byline_shortcode_scan (text, 0, strlen (text), NULL);
  static const struct {
    gsize       offset;
    const char *link;
  } cases[] = {
    { 0, NULL }, { 2, NULL }, { 3, "a.png" }, { 10, "a.png" }, { 29, "a.png" },
    { 30, NULL }, { 33, NULL }, { 34, "b.png" }, { 60, "b.png" },
  };

  g_assert_cmpuint (list->calls->len, ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const BylineShortcode *call = byline_image_find_call (list, cases[i].offset);

      g_test_message ("offset %" G_GSIZE_FORMAT, cases[i].offset);
      if (cases[i].link == NULL)
        {
          g_assert_null (call);
        }
      else
        {
          g_assert_nonnull (call);
          g_assert_cmpstr (byline_shortcode_get_param (call, "link")->value, ==, cases[i].link);
        }
    }
}

static void
test_replace_patch (void)
{
  const char *text =
    "Before.\n"
    "\n"
    "{{< image width=\"75%\" link=\"./old.jpg\" caption=\"Old.\" >}}\n"
    "\n"
    "After {{< image link=\"./other.jpg\" >}}.\n";
  g_autoptr(BylineShortcodeList) list = byline_shortcode_scan (text, 0, strlen (text), NULL);
  const BylineShortcode *call = byline_image_find_call (list, 20);
  g_autoptr(BylineImageFields) fields = NULL;
  g_autoptr(BylineTextPatch) patch = NULL;
  g_autoptr(GString) result = g_string_new (text);

  g_assert_nonnull (call);
  fields = byline_image_fields_new_from_call (call);
  byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_CAPTION, "New \"one\"");
  byline_image_fields_set (fields, BYLINE_IMAGE_FIELD_ALT, "A photo");
  patch = byline_image_replace_patch (call, fields);

  g_assert_cmpuint (patch->offset, ==, 9);
  g_assert_cmpuint (patch->length, ==, strlen ("{{< image width=\"75%\" link=\"./old.jpg\" "
                                               "caption=\"Old.\" >}}"));
  byline_text_patch_apply (patch, result);
  g_assert_cmpstr (result->str, ==,
                   "Before.\n"
                   "\n"
                   "{{< image width=\"75%\"\n"
                   "    link=\"./old.jpg\"\n"
                   "    alt=\"A photo\"\n"
                   "    caption=\"New \\\"one\\\"\"\n"
                   "    >}}\n"
                   "\n"
                   "After {{< image link=\"./other.jpg\" >}}.\n");
}

static void
test_insert_patch (void)
{
  static const struct {
    const char *text;
    gsize       offset;
    const char *expected;
    gsize       shortcode_offset;
  } cases[] = {
    { "", 0, "S\n", 0 },
    { "A\n", 0, "S\n\nA\n", 0 },
    { "A\n", 2, "A\n\nS\n", 3 },
    { "A\n\n", 3, "A\n\nS\n", 3 },
    { "A\n\nB\n", 2, "A\n\nS\n\nB\n", 3 },
    { "A\n\nB\n", 3, "A\n\nS\n\nB\n", 3 },
    { "A\nB\n", 2, "A\n\nS\n\nB\n", 3 },
    { "AB", 1, "A\n\nS\n\nB", 3 },
    { "AB", 2, "AB\n\nS\n", 4 },
    { "A\n\n\nB", 2, "A\n\nS\n\nB", 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize shortcode_offset = G_MAXSIZE;
      g_autoptr(BylineTextPatch) patch =
        byline_image_insert_patch (cases[i].text, strlen (cases[i].text), cases[i].offset, "S",
                                   &shortcode_offset);
      g_autoptr(GString) result = g_string_new (cases[i].text);

      g_test_message ("case %u", i);
      g_assert_cmpuint (patch->offset, ==, cases[i].offset);
      g_assert_cmpuint (patch->length, ==, 0);
      byline_text_patch_apply (patch, result);
      g_assert_cmpstr (result->str, ==, cases[i].expected);
      g_assert_cmpuint (shortcode_offset, ==, cases[i].shortcode_offset);
    }
}

/* The findings of the post's own rules about an image call as the image
 * dialog writes it: "parameter:severity:rule", in field order. */
static char *
check_fields (BylineImageFields *fields,
              BylineProfile     *profile)
{
  static const char * const params[] = { "link", "width", "ratio", "alt", "title", "caption" };
  g_autoptr(BylineAnalysisContext) context = byline_analysis_context_new (profile, NULL, NULL,
                                                                          NULL, NULL);
  g_autofree char *shortcode = byline_image_fields_to_shortcode (fields);
  g_autoptr(BylineAnalysis) analysis = byline_analysis_new (context, shortcode, -1, 0,
                                                            BYLINE_ANALYSIS_NO_RENDER);
  GPtrArray *diagnostics = byline_analysis_get_diagnostics (analysis);
  GString *out = g_string_new (NULL);

  for (guint p = 0; p < G_N_ELEMENTS (params); p++)
    for (guint i = 0; i < diagnostics->len; i++)
      {
        const BylineDiagnostic *d = g_ptr_array_index (diagnostics, i);

        if (!byline_diagnostic_is_about (d, BYLINE_SUBJECT_SHORTCODE_PARAM, params[p]))
          continue;
        g_assert_nonnull (d->message);
        g_assert_cmpstr (d->message, !=, "");
        g_assert_cmpuint (d->span.start, <, strlen (shortcode));
        g_string_append_printf (out, "%s%s:%s:%s", out->len > 0 ? " " : "", params[p],
                                byline_severity_to_string (d->severity), d->rule_id);
      }

  return g_string_free (out, FALSE);
}

/* What the image dialog shows under its fields comes from the rules
 * themselves (it has no checks of its own). */
static void
test_check (void)
{
  static const struct {
    const char *width, *ratio, *link, *alt, *title, *caption;
    const char *expected;
  } cases[] = {
    { "75%", NULL, "./a.png", NULL, NULL, "Fine", "" },
    { "75%", NULL, "./a.png", NULL, NULL, "Ends with a period.",
      "caption:error:image/caption-period" },
    { "75%", NULL, "./a.png", NULL, NULL, "Spaces hide nothing. \t",
      "caption:error:image/caption-period" },
    { "75%", NULL, "./a.png", NULL, NULL, "Ellipsis…", "" },
    { "75%", NULL, "./a.png", NULL, NULL, NULL, "alt:warning:image/missing-alt" },
    { "75%", NULL, "./a.png", NULL, "Title", NULL, "" },
    { "75%", NULL, "./a.png", "Alt", NULL, NULL, "" },
    { "75%", NULL, "", "Alt", NULL, NULL, "link:error:shortcode/missing-param" },
    { "75%", NULL, "https://example.com/a.png", "Alt", NULL, NULL,
      "ratio:error:image/external-ratio" },
    { "75%", "50%", "https://example.com/a.png", "Alt", NULL, NULL, "" },
    { "wide", NULL, "./a.png", "Alt", NULL, NULL, "width:warning:image/width" },
    { "12.5%", NULL, "./a.png", "Alt", NULL, NULL, "" },
    { "640px", NULL, "./a.png", "Alt", NULL, NULL, "" },
    { "%", NULL, "./a.png", "Alt", NULL, NULL, "width:warning:image/width" },
    { "75", NULL, "", NULL, NULL, "Period.",
      "link:error:shortcode/missing-param width:warning:image/width "
      "caption:error:image/caption-period" },
    { "75", NULL, "", NULL, NULL, NULL,
      "link:error:shortcode/missing-param width:warning:image/width "
      "alt:warning:image/missing-alt" },
  };
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BylineImageFields) fields = make_fields (cases[i].width, cases[i].ratio,
                                                         cases[i].link, cases[i].alt,
                                                         cases[i].title, cases[i].caption);
      g_autofree char *dump = check_fields (fields, profile);

      g_test_message ("case %u", i);
      g_assert_cmpstr (dump, ==, cases[i].expected);
    }
}

static void
test_check_profile (void)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineImageFields) period = make_fields ("75%", NULL, "./a.png", NULL, NULL,
                                                     "Period.");
  g_autoptr(BylineImageFields) bare = make_fields ("75%", NULL, "./a.png", NULL, NULL, NULL);
  g_autoptr(BylineImageFields) wide = make_fields ("wide", NULL, "./a.png", "Alt", NULL, NULL);
  g_autofree char *period_before = check_fields (period, profile);
  g_autofree char *bare_before = check_fields (bare, profile);
  g_autofree char *period_after = NULL;
  g_autofree char *bare_after = NULL;
  g_autofree char *wide_after = NULL;
  const char *override =
    "rules:\n"
    "  image/caption-period: warning\n"
    "  image/missing-alt: off\n"
    "  image/width: off\n";

  g_assert_cmpstr (period_before, ==, "caption:error:image/caption-period");
  g_assert_cmpstr (bare_before, ==, "alt:warning:image/missing-alt");

  /* The profile re-grades the rules, image/width too: it is in the table. */
  byline_profile_merge_data (profile, override, strlen (override), "test.yml", &error);
  g_assert_no_error (error);
  period_after = check_fields (period, profile);
  bare_after = check_fields (bare, profile);
  wide_after = check_fields (wide, profile);
  g_assert_cmpstr (period_after, ==, "caption:warning:image/caption-period");
  g_assert_cmpstr (bare_after, ==, "");
  g_assert_cmpstr (wide_after, ==, "");
}

/* Each field has its parameter's name, and back; class="…" is no field's. */
static void
test_field_params (void)
{
  static const struct
  {
    BylineImageField  field;
    const char       *param;
  } cases[] = {
    { BYLINE_IMAGE_FIELD_LINK, "link" },
    { BYLINE_IMAGE_FIELD_WIDTH, "width" },
    { BYLINE_IMAGE_FIELD_RATIO, "ratio" },
    { BYLINE_IMAGE_FIELD_ALT, "alt" },
    { BYLINE_IMAGE_FIELD_TITLE, "title" },
    { BYLINE_IMAGE_FIELD_CAPTION, "caption" },
  };
  BylineImageField field;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (byline_image_field_get_param (cases[i].field), ==, cases[i].param);
      g_assert_true (byline_image_field_from_param (cases[i].param, &field));
      g_assert_cmpint (field, ==, cases[i].field);
    }
  g_assert_false (byline_image_field_from_param ("class", &field));
  g_assert_false (byline_image_field_from_param ("Link", NULL));
}

static void
test_ratio (void)
{
  static const struct {
    int width, height;
    const char *expected;
  } cases[] = {
    { 1920, 1080, "56.25%" },
    { 1000, 600, "60%" },
    { 100, 100, "100%" },
    { 4, 3, "75%" },
    { 3, 2, "66.67%" },
    { 3, 1, "33.33%" },
    { 10, 1, "10%" },
    { 1000, 125, "12.5%" },
    { 1, 3, "300%" },
    { 640, 427, "66.72%" },
    { 100000, 1, "0%" },
    { 0, 10, NULL },
    { 10, 0, NULL },
    { -4, 3, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ratio = byline_image_format_ratio (cases[i].width, cases[i].height);

      g_assert_cmpstr (ratio, ==, cases[i].expected);
    }
}

static void
test_needs_ratio (void)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(GError) error = NULL;
  const char *override =
    "shortcodes:\n"
    "  image:\n"
    "    params:\n"
    "      - name: ratio\n"
    "        required: true\n";

  g_assert_false (byline_image_needs_ratio (profile, "./a.png"));
  g_assert_false (byline_image_needs_ratio (profile, "a.png"));
  g_assert_false (byline_image_needs_ratio (profile, "/img/a.png"));
  g_assert_true (byline_image_needs_ratio (profile, "https://example.com/a.png"));
  g_assert_true (byline_image_needs_ratio (NULL, "http://example.com/a.png"));
  g_assert_false (byline_image_needs_ratio (NULL, "./a.png"));

  byline_profile_merge_data (profile, override, strlen (override), "test.yml", &error);
  g_assert_no_error (error);
  g_assert_true (byline_image_needs_ratio (profile, "./a.png"));
}

static void
test_default_width (void)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(GError) error = NULL;
  const char *narrow = "site:\n  image_widths: [\"60%\", \"40%\"]\n";
  const char *none = "site:\n  image_widths: []\n";

  g_assert_cmpstr (byline_image_get_default_width (profile), ==, "75%");
  byline_profile_merge_data (profile, narrow, strlen (narrow), "test.yml", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_image_get_default_width (profile), ==, "60%");
  byline_profile_merge_data (profile, none, strlen (none), "test.yml", &error);
  g_assert_no_error (error);
  g_assert_null (byline_image_get_default_width (profile));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/image-shortcode/text/fields", test_to_shortcode);
  g_test_add_func ("/core/image-shortcode/text/round-trip", test_round_trip);
  g_test_add_func ("/core/image-shortcode/parse/image-call", test_from_call);
  g_test_add_func ("/core/image-shortcode/parse/other-calls", test_from_other_calls);
  g_test_add_func ("/core/image-shortcode/find-call", test_find_call);
  g_test_add_func ("/core/image-shortcode/patch/replace-span", test_replace_patch);
  g_test_add_func ("/core/image-shortcode/patch/insert-own-lines", test_insert_patch);
  g_test_add_func ("/core/image-shortcode/check/by-rules", test_check);
  g_test_add_func ("/core/image-shortcode/check/profile-severities", test_check_profile);
  g_test_add_func ("/core/image-shortcode/fields/params", test_field_params);
  g_test_add_func ("/core/image-shortcode/ratio/format", test_ratio);
  g_test_add_func ("/core/image-shortcode/ratio/needed", test_needs_ratio);
  g_test_add_func ("/core/image-shortcode/default-width", test_default_width);

  return g_test_run ();
}
