/* test-translation.c — the app's widgets in Simplified Chinese
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs with LANGUAGE=zh_CN and the catalogue the build compiled into
 * $BYLINE_LOCALEDIR, as byline does when started in Chinese: the strings of
 * the .ui templates, of the C code and of the built-in profile must come out
 * translated. The test environment's C.UTF-8 locale honours LANGUAGE, so no
 * zh_CN locale needs to be installed.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "byline-preferences-window.h"
#include "byline-profile.h"

#include "byline-test-gui.h"

static char *tmpdir;

typedef struct
{
  const char *title;
  const char *subtitle;   /* NULL: any */
} RowText;

static gboolean
is_row (GtkWidget     *widget,
        gconstpointer  data)
{
  const RowText *text = data;

  return ADW_IS_ACTION_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                       text->title) == 0
         && (text->subtitle == NULL
             || g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)),
                           text->subtitle) == 0);
}

static gboolean
has_row (GtkWidget  *widget,
         const char *title,
         const char *subtitle)
{
  RowText text = { title, subtitle };

  return byline_test_find_widget_by (widget, is_row, &text) != NULL;
}

static void
test_preferences (void)
{
  GtkWidget *window = byline_preferences_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));

  /* From the template, with the GNOME zh_CN mnemonic style. */
  g_assert_true (has_row (window, "字体(_F)", NULL));
  g_assert_true (has_row (window, "同步滚动(_Y)", "滚动源代码或预览时，另一侧随之滚动"));
  /* From the C code. */
  g_assert_true (has_row (window, "默认配置(_D)", "istio.io 博客的内置配置"));

  byline_test_destroy_window (GTK_WINDOW (window));
}

static void
test_profile (void)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  const BylineFieldSpec *field = byline_profile_lookup_field (profile, "publishdate");
  const BylineShortcodeSpec *image = byline_profile_lookup_shortcode (profile, "image");

  /* istio.yml's labels and help texts reach the catalogue through
   * src/core/profiles/istio-strings.c. */
  g_assert_cmpstr (field->label, ==, "发布日期");
  g_assert_cmpstr (field->help, ==, "文章发布的日期，格式为 YYYY-MM-DD。博客按此日期排列文章。");
  g_assert_cmpstr (byline_shortcode_spec_lookup_param (image, "caption")->help, ==,
                   "插图下方的文字。结尾不加句号。");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("BYLINE_LOCALEDIR");
  int ret;

  /* Before anything is translated, as in byline's main(). */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (!byline_test_gui_init (&argc, &argv, &tmpdir))
    return 0;
  /* gtk_test_init() asks for en_US.UTF-8, which may not be installed, and
   * glibc ignores LANGUAGE in the C locale it then falls back to; take the
   * environment's locale (C.UTF-8 in the test environment) like byline. */
  g_assert_nonnull (setlocale (LC_ALL, ""));
  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();

  g_test_add_func ("/gui/translation/zh-cn/preferences", test_preferences);
  g_test_add_func ("/gui/translation/zh-cn/profile", test_profile);

  ret = g_test_run ();

  byline_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return ret;
}
