/* byline-severity-style.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-severity-style"

#include "config.h"

#include "byline-severity-style.h"

static const struct
{
  const char *icon_name;
  const char *style_class;
} styles[] = {
  [BYLINE_SEVERITY_OFF] = { NULL, NULL },
  [BYLINE_SEVERITY_INFO] = { "dialog-information-symbolic", "accent" },
  [BYLINE_SEVERITY_WARNING] = { "dialog-warning-symbolic", "warning" },
  [BYLINE_SEVERITY_ERROR] = { "dialog-error-symbolic", "error" },
};

const char *
byline_severity_get_icon_name (BylineSeverity severity)
{
  g_return_val_if_fail (severity < G_N_ELEMENTS (styles), NULL);

  return styles[severity].icon_name;
}

const char *
byline_severity_get_style_class (BylineSeverity severity)
{
  g_return_val_if_fail (severity < G_N_ELEMENTS (styles), NULL);

  return styles[severity].style_class;
}

void
byline_severity_style_widget (GtkWidget      *widget,
                              BylineSeverity  severity)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (severity < G_N_ELEMENTS (styles));

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (styles[i].style_class != NULL && i != severity)
      gtk_widget_remove_css_class (widget, styles[i].style_class);
  if (styles[severity].style_class != NULL)
    gtk_widget_add_css_class (widget, styles[severity].style_class);
}
