/* fuzz-profile.c — the profile loader and its templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a .byline.yml merged over the built-in profile, and also a
 * template of its own. A profile that loads must render and check a post
 * that calls its shortcodes; one that does not must say why in valid UTF-8.
 * The same holds for the template: valid UTF-8 in its error or its output.
 */

#include "config.h"

#include "fuzz-common.h"

#include "byline-linter.h"
#include "byline-post.h"
#include "byline-profile.h"
#include "byline-renderer.h"
#include "byline-template.h"

static const char post_text[] =
  "---\n"
  "title: A post\n"
  "description: One that calls every kind of shortcode.\n"
  "publishdate: 2024-01-02\n"
  "attribution: Someone\n"
  "keywords: [a, b]\n"
  "---\n"
  "Text {{< x >}} and {{< x a=\"1\" >}}inner *text*{{< /x >}}.\n\n"
  "{{< image width=\"75%\" ratio=\"50%\" link=\"./photo.svg\" caption=\"A caption\" >}}\n\n"
  "{{% tip %}}\nA **tip** with {{< gloss >}}term{{< /gloss >}}.\n{{% /tip %}}\n\n"
  "{{< tabset category-name=\"c\" >}}\n{{< tab name=\"one\" category-value=\"1\" >}}\n"
  "One\n{{< /tab >}}\n{{< /tabset >}}\n\n"
  "{{< youtube id >}} {{< text syntax=\"bash\" >}}\n$ ls\n{{< /text >}}\n\n"
  "{{< quote caption=\"q\" author=\"a\" >}}Quoted{{< /quote >}} {{< istioctl >}}\n";

static const char *
lookup_cb (const char *name,
           gpointer    user_data)
{
  /* Every name has a value, one that needs escaping. */
  return strlen (name) % 2 == 0 ? "<b>&\"é\"</b>" : "";
}

static void
check_template (const char *source)
{
  g_autoptr(BylineTemplate) template = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  template = byline_template_new (source, &error);
  if (template == NULL)
    {
      fuzz_check_utf8 ("a template error", error->message, -1);
      return;
    }
  byline_template_expand (template, out, lookup_cb, NULL);
  fuzz_check_utf8 ("a template's output", out->str, out->len);
}

static void
check_profile (BylineProfile *profile)
{
  g_autoptr(BylinePost) post = byline_post_new (post_text, -1);
  g_autoptr(BylineRenderer) renderer = byline_renderer_new (profile, NULL);
  g_autoptr(BylineLinter) linter = byline_linter_new (profile, NULL, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2024, 6, 1, 12, 0, 0);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GString) new_post = g_string_new (NULL);
  g_autofree char *page = NULL;

  fuzz_check_utf8 ("the name", byline_profile_get_name (profile), -1);

  page = byline_renderer_render_page (renderer, post, NULL);
  fuzz_check_utf8 ("the page", page, -1);

  byline_linter_set_now (linter, now);
  diagnostics = byline_linter_check (linter, post);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const BylineDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      fuzz_check_utf8 (diagnostic->rule_id, diagnostic->message, -1);
    }

  byline_template_expand (byline_profile_get_post_template (profile), new_post, lookup_cb, NULL);
  fuzz_check_utf8 ("a new post", new_post->str, new_post->len);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autoptr(BylineProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_init ();

  text = fuzz_dup (data, size);
  check_template (text);

  profile = byline_profile_new_builtin ();
  if (!byline_profile_merge_data (profile, text, size, ".byline.yml", &error))
    {
      FUZZ_CHECK (error != NULL, "a profile fails without an error");
      fuzz_check_utf8 ("a profile error", error->message, -1);
      return 0;
    }
  FUZZ_CHECK (error == NULL, "a profile loads with an error");
  check_profile (profile);

  return 0;
}
