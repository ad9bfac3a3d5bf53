/* byline-stats-popover.c — words, characters and reading time of the post
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures are Hugo's (byline-stats.h): .WordCount and .ReadingTime of
 * the rendered post, and of the selection counted as if it were the whole
 * body. The window computes them; the popover shows them.
 */

#define G_LOG_DOMAIN "byline-stats-popover"

#include "config.h"

#include "byline-stats-popover.h"

#include <glib/gi18n.h>

enum
{
  FIGURE_WORDS,
  FIGURE_CHARACTERS,
  FIGURE_PARAGRAPHS,
  FIGURE_PICTURES,
  FIGURE_READING_TIME,
  N_FIGURES
};

static const char * const figure_ids[N_FIGURES] = {
  "words", "characters", "paragraphs", "pictures", "reading-time",
};

struct _BylineStatsPopover
{
  GtkPopover  parent_instance;

  GtkWidget  *selection_title;
  GtkLabel   *values[2][N_FIGURES];   /* post, selection */
};

G_DEFINE_FINAL_TYPE (BylineStatsPopover, byline_stats_popover, GTK_TYPE_POPOVER)

char *
byline_stats_format_reading_time (guint minutes)
{
  /* Translators: Hugo's reading time of the post, in whole minutes. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", minutes),
                          minutes);
}

static void
set_figures (BylineStatsPopover *self,
             guint               column,
             const BylineStats  *stats)
{
  guint numbers[] = { stats->words, stats->characters, stats->paragraphs, stats->pictures };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *text = g_strdup_printf ("%'u", numbers[i]);

      gtk_label_set_text (self->values[column][i], text);
    }
  {
    g_autofree char *text = byline_stats_format_reading_time (stats->reading_time);

    gtk_label_set_text (self->values[column][FIGURE_READING_TIME], text);
  }
}

void
byline_stats_popover_set_stats (BylineStatsPopover *self,
                                const BylineStats  *post,
                                const BylineStats  *selection)
{
  g_return_if_fail (BYLINE_IS_STATS_POPOVER (self));
  g_return_if_fail (post != NULL);

  set_figures (self, 0, post);
  if (selection != NULL)
    set_figures (self, 1, selection);

  gtk_widget_set_visible (self->selection_title, selection != NULL);
  for (guint i = 0; i < N_FIGURES; i++)
    gtk_widget_set_visible (GTK_WIDGET (self->values[1][i]), selection != NULL);
}

const char *
byline_stats_popover_get_figure (BylineStatsPopover *self,
                                 const char         *figure,
                                 gboolean            of_selection)
{
  g_return_val_if_fail (BYLINE_IS_STATS_POPOVER (self), NULL);

  for (guint i = 0; i < N_FIGURES; i++)
    if (g_strcmp0 (figure, figure_ids[i]) == 0)
      {
        GtkLabel *label = self->values[of_selection ? 1 : 0][i];

        return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_text (label) : NULL;
      }
  return NULL;
}

static void
byline_stats_popover_class_init (BylineStatsPopoverClass *klass)
{
}

static GtkWidget *
new_label (const char *text,
           float       xalign,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
byline_stats_popover_init (BylineStatsPopover *self)
{
  const char *names[N_FIGURES] = {
    _("Words"), _("Characters"), _("Paragraphs"), _("Pictures"), _("Reading Time"),
  };
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *note;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_widget_set_margin_start (grid, 6);
  gtk_widget_set_margin_end (grid, 6);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);

  gtk_grid_attach (GTK_GRID (grid), new_label (_("Post"), 1, "heading"), 1, 0, 1, 1);
  self->selection_title = new_label (_("Selection"), 1, "heading");
  gtk_grid_attach (GTK_GRID (grid), self->selection_title, 2, 0, 1, 1);

  for (guint i = 0; i < N_FIGURES; i++)
    {
      gtk_grid_attach (GTK_GRID (grid), new_label (names[i], 0, "dim-label"), 0, (int) i + 1, 1, 1);
      for (guint column = 0; column < 2; column++)
        {
          GtkWidget *value = new_label ("0", 1, "numeric");

          self->values[column][i] = GTK_LABEL (value);
          gtk_grid_attach (GTK_GRID (grid), value, (int) column + 1, (int) i + 1, 1, 1);
        }
    }

  /* Translators: under the statistics: where the figures come from. */
  note = new_label (_("Counted as Hugo counts .WordCount and .ReadingTime"), 0, "dim-label");
  gtk_widget_add_css_class (note, "caption");
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (note), 30);
  gtk_grid_attach (GTK_GRID (grid), note, 0, N_FIGURES + 1, 3, 1);

  gtk_popover_set_child (GTK_POPOVER (self), grid);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Statistics"), -1);

  {
    BylineStats zero = { 0 };

    byline_stats_popover_set_stats (self, &zero, NULL);
  }
}

GtkWidget *
byline_stats_popover_new (void)
{
  return g_object_new (BYLINE_TYPE_STATS_POPOVER, NULL);
}
