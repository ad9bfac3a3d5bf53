/* byline-publish-badge.c — "Draft", "Scheduled for 12 March", "Expired"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A post that Hugo leaves out of the site (byline-publish.h) says so in the
 * header bar, where the author looks; a published one says so quietly.
 */

#define G_LOG_DOMAIN "byline-publish-badge"

#include "config.h"

#include "byline-publish-badge.h"

#include <glib/gi18n.h>

struct _BylinePublishBadge
{
  GtkWidget          parent_instance;

  GtkLabel          *label;
  BylinePublishState state;
};

G_DEFINE_FINAL_TYPE (BylinePublishBadge, byline_publish_badge, GTK_TYPE_WIDGET)

static const char * const state_classes[] = {
  "published", "draft", "scheduled", "expired",
};

/* "12 March", with the year when it is not @now's. */
static char *
format_day (GDateTime *date,
            GDateTime *now)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);
  g_autoptr(GDateTime) local_now = g_date_time_to_local (now);

  if (g_date_time_get_year (local) == g_date_time_get_year (local_now))
    /* Translators: a day of this year, in g_date_time_format() notation. */
    return g_date_time_format (local, _("%-d %B"));
  /* Translators: a day of another year, in g_date_time_format() notation. */
  return g_date_time_format (local, _("%-d %B %Y"));
}

void
byline_publish_badge_update (BylinePublishBadge *self,
                             BylineFrontMatter  *front_matter,
                             GDateTime          *now)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;
  g_autofree char *day = NULL;
  g_autofree char *name = NULL;
  const char *tooltip = NULL;
  BylinePublishState state;

  g_return_if_fail (BYLINE_IS_PUBLISH_BADGE (self));
  g_return_if_fail (now != NULL);

  state = byline_publish_state_get (front_matter, now, &date);
  if (date != NULL)
    day = format_day (date, now);

  switch (state)
    {
    case BYLINE_PUBLISH_DRAFT:
      text = g_strdup (_("Draft"));
      tooltip = _("Hugo leaves drafts out of the site (draft: true)");
      break;
    case BYLINE_PUBLISH_SCHEDULED:
      /* Translators: %s is a day such as "12 March". */
      text = g_strdup_printf (_("Scheduled for %s"), day);
      tooltip = _("Hugo publishes the post once its publish date has come");
      break;
    case BYLINE_PUBLISH_EXPIRED:
      text = g_strdup (_("Expired"));
      tooltip = _("Hugo leaves the post out of the site: its expiry date has passed");
      break;
    case BYLINE_PUBLISH_PUBLISHED:
    default:
      text = g_strdup (_("Published"));
      tooltip = _("Hugo publishes the post");
      break;
    }

  gtk_label_set_text (self->label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  /* Translators: the accessible name of the badge, e.g. "Publish State: Draft". */
  name = g_strdup_printf (_("Publish State: %s"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);

  if (state != self->state)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), state_classes[self->state]);
      self->state = state;
    }
  gtk_widget_add_css_class (GTK_WIDGET (self), state_classes[state]);
}

BylinePublishState
byline_publish_badge_get_state (BylinePublishBadge *self)
{
  g_return_val_if_fail (BYLINE_IS_PUBLISH_BADGE (self), BYLINE_PUBLISH_PUBLISHED);

  return self->state;
}

const char *
byline_publish_badge_get_text (BylinePublishBadge *self)
{
  g_return_val_if_fail (BYLINE_IS_PUBLISH_BADGE (self), NULL);

  return gtk_label_get_text (self->label);
}

const char *
byline_publish_badge_get_description (BylinePublishBadge *self)
{
  g_return_val_if_fail (BYLINE_IS_PUBLISH_BADGE (self), NULL);

  return gtk_widget_get_tooltip_text (GTK_WIDGET (self));
}

static void
byline_publish_badge_dispose (GObject *object)
{
  BylinePublishBadge *self = BYLINE_PUBLISH_BADGE (object);

  g_clear_pointer ((GtkWidget **) &self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (byline_publish_badge_parent_class)->dispose (object);
}

static void
byline_publish_badge_class_init (BylinePublishBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_publish_badge_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "byline-publish-badge");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
byline_publish_badge_init (BylinePublishBadge *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  self->state = BYLINE_PUBLISH_PUBLISHED;
  byline_publish_badge_update (self, NULL, now);
}

GtkWidget *
byline_publish_badge_new (void)
{
  return g_object_new (BYLINE_TYPE_PUBLISH_BADGE, NULL);
}
