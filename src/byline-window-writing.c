/* byline-window-writing.c — the window's writing aids
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outline in the sidebar (and the keys that move from heading to
 * heading), the statistics popover, the publish badge in the header bar and
 * its band over the preview, and the spell-checking switch and language of
 * the main menu. All of them read the document's analysis; none parses the
 * post again.
 */

#define G_LOG_DOMAIN "byline-window"

#include "config.h"

#include "byline-window-private.h"

#include "byline-site.h"
#include "byline-spell-language.h"

#include <glib/gi18n.h>

/* Statistics are counted once typing pauses this long (ms), and only while
 * the popover is open: Hugo's figures need a rendering of their own. */
#define STATS_DELAY 150

static guint
cursor_line (BylineWindow *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return (guint) gtk_text_iter_get_line (&iter) + 1;
}

static void
update_outline (BylineWindow *self)
{
  g_autoptr(GPtrArray) items =
    byline_outline_items_from_analysis (byline_document_get_analysis (self->document));

  byline_outline_set_items (self->outline, items);
  byline_outline_set_current_line (self->outline, cursor_line (self));
}

/* The badge in the header bar, and the band over the preview's header. */
static void
update_badge (BylineWindow *self)
{
  BylineAnalysis *analysis = byline_document_get_analysis (self->document);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *band = NULL;
  BylinePublishState state;

  byline_publish_badge_update (self->publish_badge,
                               analysis != NULL ? byline_analysis_get_front_matter (analysis)
                                                : NULL,
                               now);

  state = byline_publish_badge_get_state (self->publish_badge);
  if (state != BYLINE_PUBLISH_PUBLISHED)
    /* Translators: the band over the preview: the state ("Draft"), then
     * what it means ("Hugo leaves drafts out of the site"). */
    band = g_strdup_printf (_("%s — %s"), byline_publish_badge_get_text (self->publish_badge),
                            byline_publish_badge_get_description (self->publish_badge));
  byline_preview_pane_set_band (self->preview,
                                band != NULL ? byline_publish_state_to_string (state) : NULL,
                                band);
  /* Its check mark is green only for a post on the site. */
  byline_window_update_problems_button (self);
}

/* Statistics */

static void
stats_ensure_renderer (BylineWindow *self)
{
  GFile *file = byline_document_get_file (self->document);
  g_autoptr(BylineBundle) bundle = NULL;
  g_autoptr(BylineLanguages) languages = NULL;
  g_autofree char *key = NULL;

  if (self->stats_renderer != NULL)
    return;

  /* Hugo keeps raw <iframe> and <script> elements, which the preview's
   * renderer escapes: its figures need a renderer of their own. */
  if (file != NULL)
    {
      bundle = byline_bundle_new (file);
      languages = byline_languages_read (byline_document_get_site (self->document) != NULL
                                         ? byline_site_get_root (
                                             byline_document_get_site (self->document))
                                         : NULL);
      key = byline_languages_post_key (languages, file);
      self->stats_site_cjk = byline_languages_has_cjk_language (languages, key);
    }
  else
    self->stats_site_cjk = FALSE;

  self->stats_renderer = byline_renderer_new (byline_document_get_profile (self->document),
                                              bundle);
  byline_renderer_set_tagfilter (self->stats_renderer, FALSE);
}

/* The byte offset of @iter in the buffer's text. */
static gsize
byte_offset (GtkTextBuffer     *buffer,
             const GtkTextIter *iter)
{
  GtkTextIter start;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_start_iter (buffer, &start);
  text = gtk_text_buffer_get_slice (buffer, &start, iter, TRUE);
  return strlen (text);
}

static void
update_stats (BylineWindow *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  BylineAnalysis *analysis = byline_document_get_analysis (self->document);
  BylinePost *post = analysis != NULL ? byline_analysis_get_post (analysis) : NULL;
  BylineStats stats = { 0 };
  BylineStats selection = { 0 };
  GtkTextIter start, end;
  gboolean has_selection = FALSE;

  g_clear_handle_id (&self->stats_source, g_source_remove);
  if (post == NULL)
    return;

  stats_ensure_renderer (self);
  byline_stats_compute (self->stats_renderer, post, self->stats_site_cjk, &stats);

  /* Offsets of the analysed text: a selection is counted once the analysis
   * has caught up with the typing. */
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end) &&
      byline_document_is_analyzed (self->document))
    {
      byline_stats_compute_range (self->stats_renderer, post, byte_offset (buffer, &start),
                                  byte_offset (buffer, &end), self->stats_site_cjk, &selection);
      has_selection = TRUE;
    }

  byline_stats_popover_set_stats (self->stats_popover, &stats, has_selection ? &selection : NULL);
}

static gboolean
stats_timeout_cb (gpointer user_data)
{
  BylineWindow *self = user_data;

  self->stats_source = 0;
  update_stats (self);
  return G_SOURCE_REMOVE;
}

static void
queue_stats (BylineWindow *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->stats_popover)) || self->stats_source != 0)
    return;
  self->stats_source = g_timeout_add (STATS_DELAY, stats_timeout_cb, self);
}

static void
stats_popover_shown_cb (BylineWindow *self)
{
  update_stats (self);
}

/* Following the document */

static void
writing_analysis_cb (BylineWindow   *self,
                     GParamSpec     *pspec,
                     BylineDocument *document)
{
  update_outline (self);
  update_badge (self);
  queue_stats (self);
}

static void
writing_file_changed_cb (BylineWindow   *self,
                         GParamSpec     *pspec,
                         BylineDocument *document)
{
  g_clear_object (&self->stats_renderer);
}

static void
cursor_moved_cb (BylineWindow   *self,
                 GParamSpec     *pspec,
                 BylineDocument *document)
{
  byline_outline_set_current_line (self->outline, cursor_line (self));
}

static void
selection_changed_cb (BylineWindow   *self,
                      GParamSpec     *pspec,
                      BylineDocument *document)
{
  queue_stats (self);
}

/* Moves the cursor to @line and @column (1-based, characters), the editor
 * (and with it the preview) scrolled there. */
static void
goto_place (BylineWindow *self,
            guint         line,
            guint         column)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  GtkTextIter iter;

  byline_editor_goto_line (self->editor, line);
  if (column > 1)
    {
      gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, (int) line - 1, (int) column - 1);
      gtk_text_buffer_place_cursor (buffer, &iter);
    }
}

static void
item_activated_cb (BylineWindow  *self,
                   guint          line,
                   guint          column,
                   BylineOutline *outline)
{
  goto_place (self, line, column);
}

/* Ctrl+Alt+Page Down and Page Up: the next heading below the cursor's
 * line, the last one above it. The outline lists them whether it is shown
 * or not. */
static void
goto_heading_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  gboolean forward = g_str_equal (action_name, "win.next-heading");
  int index;

  index = byline_outline_find_heading (self->outline, cursor_line (self), forward);
  if (index < 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  goto_place (self, byline_outline_get_item (self->outline, (guint) index)->line, 1);
}

static void
spell_message_cb (BylineWindow      *self,
                  const char        *message,
                  BylineEditorSpell *spell)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_outline_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  g_object_set (self, "show-sidebar", TRUE, NULL);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "outline");
}

/* "win.spell-checking" shows and changes the setting. Not a
 * g_settings_create_action(): that action follows the settings for as long
 * as it lives, and may outlive the window. */
static void
spell_checking_change_state_cb (GSimpleAction *action,
                                GVariant      *state,
                                BylineWindow  *self)
{
  g_settings_set_boolean (self->settings, "spell-checking", g_variant_get_boolean (state));
}

static void
spell_checking_changed_cb (BylineWindow *self,
                           const char   *key,
                           GSettings    *settings)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "spell-checking");

  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_boolean (g_settings_get_boolean (settings, key)));
}

/* "win.spell-language": the language chosen for the post, "" for the one
 * the site (or the preference) gives it. */
static void
spell_language_change_state_cb (GSimpleAction *action,
                                GVariant      *state,
                                BylineWindow  *self)
{
  BylineEditorSpell *spell = byline_editor_get_spell (self->editor);
  g_autoptr(GError) error = NULL;

  if (!byline_editor_spell_set_choice (spell, g_variant_get_string (state, NULL), &error))
    byline_window_add_toast (self, error->message);
}

static void
spell_choice_changed_cb (BylineWindow      *self,
                         GParamSpec        *pspec,
                         BylineEditorSpell *spell)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "spell-language");
  const char *choice = byline_editor_spell_get_choice (spell);

  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_string (choice != NULL ? choice : ""));
}

/* "Automatic", then a dictionary of each installed language. */
static void
fill_language_menu (BylineWindow      *self,
                    GParamSpec        *pspec,
                    BylineEditorSpell *spell)
{
  const char * const *dictionaries = byline_editor_spell_get_dictionaries (spell);
  g_autoptr(GMenu) automatic = g_menu_new ();
  g_autoptr(GMenu) installed = g_menu_new ();
  g_autoptr(GMenuItem) item = g_menu_item_new (_("_Automatic"), NULL);

  g_menu_remove_all (self->spell_language_menu);
  g_menu_item_set_action_and_target_value (item, "win.spell-language",
                                           g_variant_new_string (""));
  g_menu_append_item (automatic, item);
  for (guint i = 0; dictionaries != NULL && dictionaries[i] != NULL; i++)
    {
      /* "en_US", not "en" with "U" as the mnemonic. */
      g_auto(GStrv) parts = g_strsplit (dictionaries[i], "_", -1);
      g_autofree char *label = g_strjoinv ("__", parts);
      g_autoptr(GMenuItem) language = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (language, "win.spell-language",
                                               g_variant_new_string (dictionaries[i]));
      g_menu_append_item (installed, language);
    }
  g_menu_append_section (self->spell_language_menu, NULL, G_MENU_MODEL (automatic));
  g_menu_append_section (self->spell_language_menu, NULL, G_MENU_MODEL (installed));
}

void
byline_window_init_writing (BylineWindow *self)
{
  BylineEditorSpell *spell = byline_editor_get_spell (self->editor);
  g_autoptr(GSimpleAction) language_action = NULL;
  g_autoptr(GSimpleAction) spell_action = NULL;

  spell_action = g_simple_action_new_stateful (
    "spell-checking", NULL,
    g_variant_new_boolean (g_settings_get_boolean (self->settings, "spell-checking")));
  g_signal_connect_object (spell_action, "change-state",
                           G_CALLBACK (spell_checking_change_state_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (spell_action));
  g_signal_connect_object (self->settings, "changed::spell-checking",
                           G_CALLBACK (spell_checking_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->document, "notify::analysis",
                           G_CALLBACK (writing_analysis_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file",
                           G_CALLBACK (writing_file_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::profile",
                           G_CALLBACK (writing_file_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::cursor-position",
                           G_CALLBACK (cursor_moved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::has-selection",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::cursor-position",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->outline, "item-activated",
                           G_CALLBACK (item_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stats_popover, "show",
                           G_CALLBACK (stats_popover_shown_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (spell, "message", G_CALLBACK (spell_message_cb), self,
                           G_CONNECT_SWAPPED);

  language_action = g_simple_action_new_stateful ("spell-language", G_VARIANT_TYPE_STRING,
                                                  g_variant_new_string (""));
  g_signal_connect_object (language_action, "change-state",
                           G_CALLBACK (spell_language_change_state_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (language_action));
  g_signal_connect_object (spell, "notify::choice", G_CALLBACK (spell_choice_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (spell, "notify::dictionaries", G_CALLBACK (fill_language_menu),
                           self, G_CONNECT_SWAPPED);
  spell_choice_changed_cb (self, NULL, spell);
  fill_language_menu (self, NULL, spell);

  update_badge (self);
}

void
byline_window_dispose_writing (BylineWindow *self)
{
  g_clear_handle_id (&self->stats_source, g_source_remove);
  g_clear_object (&self->stats_renderer);
}

void
byline_window_class_init_writing (BylineWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (BYLINE_TYPE_OUTLINE);
  g_type_ensure (BYLINE_TYPE_PUBLISH_BADGE);
  g_type_ensure (BYLINE_TYPE_STATS_POPOVER);

  gtk_widget_class_bind_template_child (widget_class, BylineWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, outline);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, publish_badge);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, stats_button);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, stats_popover);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, spell_language_menu);

  gtk_widget_class_install_action (widget_class, "win.show-outline", NULL, show_outline_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_O, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-outline", NULL);
  gtk_widget_class_install_action (widget_class, "win.next-heading", NULL, goto_heading_action);
  gtk_widget_class_install_action (widget_class, "win.previous-heading", NULL,
                                   goto_heading_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down,
                                       GDK_CONTROL_MASK | GDK_ALT_MASK, "win.next-heading", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up,
                                       GDK_CONTROL_MASK | GDK_ALT_MASK, "win.previous-heading",
                                       NULL);
}
