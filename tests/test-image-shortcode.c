/* test-image-shortcode.c — image shortcode text, checks and copies into a bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-image-shortcode.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
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

static char *
dump_problems (GPtrArray *problems)
{
  static const char *fields[] = { "link", "width", "ratio", "alt", "title", "caption" };
  static const char *severities[] = { "off", "info", "warning", "error" };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const BylineImageProblem *problem = g_ptr_array_index (problems, i);

      g_assert_nonnull (problem->message);
      g_assert_cmpstr (problem->message, !=, "");
      g_string_append_printf (out, "%s%s:%s:%s", i > 0 ? " " : "", fields[problem->field],
                              severities[problem->severity], problem->rule_id);
    }

  return g_string_free (out, FALSE);
}

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

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BylineImageFields) fields = make_fields (cases[i].width, cases[i].ratio,
                                                         cases[i].link, cases[i].alt,
                                                         cases[i].title, cases[i].caption);
      g_autoptr(GPtrArray) problems = byline_image_fields_check (fields, NULL);
      g_autofree char *dump = dump_problems (problems);

      g_test_message ("case %u", i);
      g_assert_cmpstr (dump, ==, cases[i].expected);
    }
}

static char *
check_dump (BylineImageFields *fields,
            BylineProfile     *profile)
{
  g_autoptr(GPtrArray) problems = byline_image_fields_check (fields, profile);

  return dump_problems (problems);
}

static void
test_check_profile (void)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineImageFields) period = make_fields ("75%", NULL, "./a.png", NULL, NULL,
                                                     "Period.");
  g_autoptr(BylineImageFields) bare = make_fields ("75%", NULL, "./a.png", NULL, NULL, NULL);
  g_autofree char *period_before = check_dump (period, profile);
  g_autofree char *bare_before = check_dump (bare, profile);
  g_autofree char *period_after = NULL;
  g_autofree char *bare_after = NULL;
  const char *override =
    "rules:\n"
    "  image/caption-period: warning\n"
    "  image/missing-alt: off\n";

  g_assert_cmpstr (period_before, ==, "caption:error:image/caption-period");
  g_assert_cmpstr (bare_before, ==, "alt:warning:image/missing-alt");

  /* The profile re-grades the rules, as it does for the linter. */
  byline_profile_merge_data (profile, override, strlen (override), "test.yml", &error);
  g_assert_no_error (error);
  period_after = check_dump (period, profile);
  bare_after = check_dump (bare, profile);
  g_assert_cmpstr (period_after, ==, "caption:warning:image/caption-period");
  g_assert_cmpstr (bare_after, ==, "");
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

static void
test_safe_file_name (void)
{
  static const struct {
    const char *name;
    const char *expected;
  } cases[] = {
    { "photo.jpg", "photo.jpg" },
    { "My Photo (1).JPG", "my-photo-1.jpg" },
    { "  Keynote -- Day_2  .Png", "keynote-day-2.png" },
    { "Café Straße.jpeg", "cafe-strasse.jpeg" },
    { "/home/user/Pictures/IMG 0042.HEIC", "img-0042.heic" },
    { "photo.final.v2.jpg", "photo-final-v2.jpg" },
    { "README", "readme" },
    { ".hidden", "hidden" },
    { "中国.png", "image.png" },
    { "***", "image" },
    { "shot.", "shot" },
    { "a.b c", "a.bc" },
    { "invalid \xff name.png", "invalid-name.png" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *safe = byline_image_safe_file_name (cases[i].name);

      g_test_message ("case %u", i);
      g_assert_cmpstr (safe, ==, cases[i].expected);
    }
}

static void
test_numbered_name (void)
{
  static const struct {
    const char *name;
    guint       number;
    const char *expected;
  } cases[] = {
    { "photo.jpg", 1, "photo.jpg" },
    { "photo.jpg", 2, "photo-2.jpg" },
    { "photo.jpg", 13, "photo-13.jpg" },
    { "photo", 3, "photo-3" },
    { "a.b.png", 2, "a.b-2.png" },
  };
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = g_date_time_new (zone, 2024, 3, 7, 9, 5, 4);
  g_autofree char *pasted = byline_image_pasted_name (time);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = byline_image_numbered_name (cases[i].name, cases[i].number);

      g_assert_cmpstr (name, ==, cases[i].expected);
    }

  g_assert_cmpstr (pasted, ==, "pasted-image-20240307-090504.png");
}

typedef struct
{
  char  *root;
  GFile *bundle;
  GFile *elsewhere;
} Folders;

static void
folders_setup (Folders       *folders,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bundle = NULL;
  g_autofree char *elsewhere = NULL;

  folders->root = g_dir_make_tmp ("byline-image-XXXXXX", &error);
  g_assert_no_error (error);
  bundle = g_build_filename (folders->root, "bundle", NULL);
  elsewhere = g_build_filename (folders->root, "Pictures", NULL);
  g_assert_cmpint (g_mkdir (bundle, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (elsewhere, 0700), ==, 0);
  folders->bundle = g_file_new_for_path (bundle);
  folders->elsewhere = g_file_new_for_path (elsewhere);
}

static void
remove_tree (GFile *folder)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)))
    {
      g_autoptr(GFile) child = g_file_get_child (folder, g_file_info_get_name (info));

      if (!g_file_delete (child, NULL, NULL))
        remove_tree (child);
      g_object_unref (info);
    }
  g_file_delete (folder, NULL, NULL);
}

static void
folders_teardown (Folders       *folders,
                  gconstpointer  data)
{
  g_autoptr(GFile) root = g_file_new_for_path (folders->root);

  remove_tree (root);
  g_clear_object (&folders->bundle);
  g_clear_object (&folders->elsewhere);
  g_free (folders->root);
}

static GFile *
write_file (GFile      *folder,
            const char *name,
            const char *contents)
{
  GFile *file = g_file_get_child (folder, name);
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE, G_FILE_CREATE_NONE,
                           NULL, NULL, &error);
  g_assert_no_error (error);
  return file;
}

static char *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
list_folder (GFile *folder)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GFileInfo *info;

  while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
      g_object_unref (info);
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
test_copy_clashes (Folders       *folders,
                   gconstpointer  data)
{
  g_autoptr(GFile) first = write_file (folders->elsewhere, "Photo.JPG", "first");
  g_autoptr(GFile) second = write_file (folders->bundle, "other.png", "other");
  g_autoptr(GFile) existing = write_file (folders->bundle, "photo.jpg", "already there");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy2 = NULL;
  g_autoptr(GFile) copy3 = NULL;
  g_autoptr(GFile) renamed = NULL;
  g_autoptr(GFile) inside = NULL;
  g_autofree char *name2 = NULL;
  g_autofree char *name3 = NULL;
  g_autofree char *renamed_name = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;

  /* photo.jpg is taken: the copy becomes photo-2.jpg, then photo-3.jpg. */
  copy2 = byline_image_copy_into_bundle (first, folders->bundle, NULL, NULL, &error);
  g_assert_no_error (error);
  name2 = g_file_get_basename (copy2);
  g_assert_cmpstr (name2, ==, "photo-2.jpg");

  copy3 = byline_image_copy_into_bundle (first, folders->bundle, NULL, NULL, &error);
  g_assert_no_error (error);
  name3 = g_file_get_basename (copy3);
  g_assert_cmpstr (name3, ==, "photo-3.jpg");

  /* A chosen name is made safe too. */
  renamed = byline_image_copy_into_bundle (first, folders->bundle, "The Keynote.JPG", NULL,
                                           &error);
  g_assert_no_error (error);
  renamed_name = g_file_get_basename (renamed);
  g_assert_cmpstr (renamed_name, ==, "the-keynote.jpg");

  /* A picture of the bundle stays where it is. */
  inside = byline_image_copy_into_bundle (second, folders->bundle, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (inside, second));

  /* Nothing was overwritten. */
  contents = read_file (existing);
  g_assert_cmpstr (contents, ==, "already there");
  g_clear_pointer (&contents, g_free);
  contents = read_file (copy3);
  g_assert_cmpstr (contents, ==, "first");

  listing = list_folder (folders->bundle);
  g_assert_cmpstr (listing, ==, "other.png photo-2.jpg photo-3.jpg photo.jpg the-keynote.jpg");
}

static void
test_copy_errors (Folders       *folders,
                  gconstpointer  data)
{
  g_autoptr(GFile) missing = g_file_get_child (folders->elsewhere, "missing.png");
  g_autoptr(GFile) source = write_file (folders->elsewhere, "a.png", "a");
  g_autoptr(GFile) no_folder = g_file_get_child (folders->bundle, "not-there");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy = NULL;

  copy = byline_image_copy_into_bundle (missing, folders->bundle, NULL, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (copy);
  g_assert_nonnull (strstr (error->message, "missing.png"));
  g_clear_error (&error);

  copy = byline_image_copy_into_bundle (source, no_folder, NULL, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (copy);
}

static void
test_save_bytes (Folders       *folders,
                 gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("PNG!", 4);
  g_autoptr(GFile) taken = write_file (folders->bundle, "pasted-image-20240307-090504.png", "x");
  g_autoptr(GFile) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *kept = NULL;

  saved = byline_image_save_into_bundle (bytes, folders->bundle,
                                         "pasted-image-20240307-090504.png", NULL, &error);
  g_assert_no_error (error);
  name = g_file_get_basename (saved);
  g_assert_cmpstr (name, ==, "pasted-image-20240307-090504-2.png");
  contents = read_file (saved);
  g_assert_cmpstr (contents, ==, "PNG!");
  kept = read_file (taken);
  g_assert_cmpstr (kept, ==, "x");
}

static void
test_read_size (Folders       *folders,
                gconstpointer  data)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 12, 7);
  g_autofree char *png = g_build_filename (folders->root, "Pictures", "shot.png", NULL);
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  g_autoptr(GFile) svg = write_file (folders->elsewhere, "d.svg",
                                     "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                                     "viewBox=\"0 0 400 300\"/>");
  g_autoptr(GFile) text = write_file (folders->elsewhere, "fake.jpg", "not a picture");
  g_autoptr(GError) error = NULL;
  int width = -1, height = -1;

  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  gdk_pixbuf_save (pixbuf, png, "png", &error, NULL);
  g_assert_no_error (error);

  g_assert_true (byline_image_read_size (png_file, &width, &height));
  g_assert_cmpint (width, ==, 12);
  g_assert_cmpint (height, ==, 7);
  g_assert_true (byline_image_read_size (svg, &width, &height));
  g_assert_cmpint (width, ==, 400);
  g_assert_cmpint (height, ==, 300);
  g_assert_false (byline_image_read_size (text, &width, &height));
}

static void
test_size_warning (void)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  g_autofree char *small = byline_image_dup_size_warning (profile, "a.jpg", 1048576);
  g_autofree char *large = byline_image_dup_size_warning (profile, "a.jpg", 3500000);

  g_assert_cmpuint (byline_profile_get_large_image_bytes (profile), ==, 1048576);
  g_assert_null (small);
  g_assert_cmpstr (large, ==,
                   "“a.jpg” is 3.5\u00a0MB, more than the 1.0\u00a0MB a picture should be: "
                   "make it smaller so that the page loads quickly");
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
  g_test_add_func ("/core/image-shortcode/check/rules", test_check);
  g_test_add_func ("/core/image-shortcode/check/profile-severities", test_check_profile);
  g_test_add_func ("/core/image-shortcode/ratio/format", test_ratio);
  g_test_add_func ("/core/image-shortcode/ratio/needed", test_needs_ratio);
  g_test_add_func ("/core/image-shortcode/default-width", test_default_width);
  g_test_add_func ("/core/image-shortcode/name/safe", test_safe_file_name);
  g_test_add_func ("/core/image-shortcode/name/numbered", test_numbered_name);
  g_test_add_func ("/core/image-shortcode/size-warning", test_size_warning);
  g_test_add ("/core/image-shortcode/bundle/copy-clashes", Folders, NULL,
              folders_setup, test_copy_clashes, folders_teardown);
  g_test_add ("/core/image-shortcode/bundle/copy-errors", Folders, NULL,
              folders_setup, test_copy_errors, folders_teardown);
  g_test_add ("/core/image-shortcode/bundle/save-bytes", Folders, NULL,
              folders_setup, test_save_bytes, folders_teardown);
  g_test_add ("/core/image-shortcode/bundle/read-size", Folders, NULL,
              folders_setup, test_read_size, folders_teardown);

  return g_test_run ();
}
