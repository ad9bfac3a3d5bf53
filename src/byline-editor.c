/* byline-editor.c — the post's source: GtkSourceView, search bar, settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-editor"

#include "config.h"

#include "byline-editor.h"

#include "byline-indenter.h"
#include "byline-search-bar.h"
#include "byline-editor-spell.h"
#include "byline-underlines.h"

#include <adwaita.h>

struct _BylineEditor
{
  GtkWidget          parent_instance;

  GtkRevealer       *search_revealer;
  BylineSearchBar   *search_bar;
  GtkScrolledWindow *scroller;
  GtkSourceView     *view;

  BylineDocument    *document;
  GSettings         *settings;
  GtkCssProvider    *font_provider;
  BylineUnderlines  *underlines;
  BylineCompletion  *completion;
  BylineEditorSpell *spell;

  guint              last_top_line;
  guint              scrolling_programmatically : 1;
};

G_DEFINE_FINAL_TYPE (BylineEditor, byline_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

enum {
  TOP_LINE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkSourceLanguage *
byline_editor_get_language (void)
{
  static gsize initialized;
  GtkSourceLanguageManager *manager = gtk_source_language_manager_get_default ();

  /* Our language includes yaml.lang and toml.lang, so it is looked up in
   * the resources first and then in the system folders. */
  if (g_once_init_enter (&initialized))
    {
      const char * const *paths = gtk_source_language_manager_get_search_path (manager);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) search_path = NULL;

      g_strv_builder_add (builder, "resource://" RESOURCE_BASE "/language-specs");
      g_strv_builder_addv (builder, (const char **) paths);
      search_path = g_strv_builder_end (builder);
      gtk_source_language_manager_set_search_path (manager, (const char * const *) search_path);

      g_once_init_leave (&initialized, 1);
    }

  return gtk_source_language_manager_get_language (manager, "byline-markdown");
}

static const char *
scheme_metadata (GtkSourceStyleScheme *scheme,
                 const char           *name)
{
  return gtk_source_style_scheme_get_metadata (scheme, name);
}

/* Schemes declare their variant ("light" or "dark") and their counterpart
 * in their metadata (Adwaita / Adwaita-dark, solarized-light /
 * solarized-dark, cobalt-light / cobalt). Schemes without metadata are
 * paired by name: "X" and "X-dark". */
GtkSourceStyleScheme *
byline_editor_resolve_style_scheme (const char *id,
                                    gboolean    dark)
{
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  GtkSourceStyleScheme *scheme;
  const char *want = dark ? "dark" : "light";
  const char *variant;
  const char *other_id;
  const char * const *ids;

  g_return_val_if_fail (id != NULL, NULL);

  scheme = gtk_source_style_scheme_manager_get_scheme (manager, id);
  if (scheme == NULL)
    return NULL;

  variant = scheme_metadata (scheme, "variant");
  if (variant == NULL)
    {
      g_autofree char *paired = NULL;
      GtkSourceStyleScheme *other;

      if (dark && !g_str_has_suffix (id, "-dark"))
        paired = g_strconcat (id, "-dark", NULL);
      else if (!dark && g_str_has_suffix (id, "-dark"))
        paired = g_strndup (id, strlen (id) - strlen ("-dark"));

      other = paired != NULL ? gtk_source_style_scheme_manager_get_scheme (manager, paired) : NULL;
      return other != NULL ? other : scheme;
    }

  if (g_str_equal (variant, want))
    return scheme;

  other_id = scheme_metadata (scheme, dark ? "dark-variant" : "light-variant");
  if (other_id != NULL && gtk_source_style_scheme_manager_get_scheme (manager, other_id) != NULL)
    return gtk_source_style_scheme_manager_get_scheme (manager, other_id);

  /* A scheme of the wanted variant that names this one as its counterpart. */
  ids = gtk_source_style_scheme_manager_get_scheme_ids (manager);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      GtkSourceStyleScheme *other = gtk_source_style_scheme_manager_get_scheme (manager, ids[i]);

      if (g_strcmp0 (scheme_metadata (other, "variant"), want) == 0
          && g_strcmp0 (scheme_metadata (other, dark ? "light-variant" : "dark-variant"), id) == 0)
        return other;
    }

  /* A scheme of one variant only is shown as it is: the user chose it. */
  return scheme;
}

static void
byline_editor_update_style_scheme (BylineEditor *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkSourceStyleScheme *scheme;
  g_autofree char *id = NULL;

  if (self->document == NULL)
    return;

  id = g_settings_get_string (self->settings, "style-scheme");
  scheme = byline_editor_resolve_style_scheme (id, dark);
  if (scheme == NULL)
    scheme = byline_editor_resolve_style_scheme ("Adwaita", dark);

  gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (self->document), scheme);
}

/* Pango hyphenates words it breaks (since 1.44), and with WORD_CHAR
 * wrapping a long word or a path breaks inside: "Cloud-NativeCon" on screen
 * for "CloudNativeCon" in the file. Every character of the text carries a
 * tag that turns the inserted hyphens off. */
#define NO_HYPHENS_TAG "byline-no-hyphens"

static GtkTextTag *
ensure_no_hyphens_tag (GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, NO_HYPHENS_TAG);

  if (tag == NULL)
    {
      tag = gtk_text_tag_new (NO_HYPHENS_TAG);
      g_object_set (tag, "insert-hyphens", FALSE, NULL);
      gtk_text_tag_table_add (table, tag);
      g_object_unref (tag);
    }

  return tag;
}

static void
insert_text_cb (GtkTextBuffer *buffer,
                GtkTextIter   *location,
                const char    *text,
                int            length,
                BylineEditor  *self)
{
  GtkTextIter start = *location;

  /* After the default handler: @location is at the end of the new text. */
  gtk_text_iter_backward_chars (&start, (int) g_utf8_strlen (text, length));
  gtk_text_buffer_apply_tag (buffer, ensure_no_hyphens_tag (buffer), &start, location);
}

static void
byline_editor_tag_all_text (BylineEditor *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_apply_tag (buffer, ensure_no_hyphens_tag (buffer), &start, &end);
}

static void
byline_editor_update_font (BylineEditor *self)
{
  g_autofree char *font = g_settings_get_string (self->settings, "editor-font");
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  g_autoptr(GString) css = g_string_new ("textview {");
  PangoFontMask mask = pango_font_description_get_set_fields (desc);

  if (mask & PANGO_FONT_MASK_FAMILY)
    {
      g_autofree char *family = g_strescape (pango_font_description_get_family (desc), NULL);

      g_string_append_printf (css, " font-family: \"%s\";", family);
    }

  if (mask & PANGO_FONT_MASK_SIZE)
    {
      double size = (double) pango_font_description_get_size (desc) / PANGO_SCALE;
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (css, " font-size: %s%s;",
                              g_ascii_dtostr (buffer, sizeof buffer, size),
                              pango_font_description_get_size_is_absolute (desc) ? "px" : "pt");
    }

  if (mask & PANGO_FONT_MASK_WEIGHT)
    g_string_append_printf (css, " font-weight: %d;",
                            (int) pango_font_description_get_weight (desc));

  g_string_append (css, " }");
  gtk_css_provider_load_from_data (self->font_provider, css->str, (gssize) css->len);
}

static void
settings_changed_cb (BylineEditor *self,
                     const char   *key,
                     GSettings    *settings)
{
  if (g_strcmp0 (key, "style-scheme") == 0)
    byline_editor_update_style_scheme (self);
  else if (g_strcmp0 (key, "editor-font") == 0)
    byline_editor_update_font (self);
}

static void
dark_changed_cb (BylineEditor    *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *style_manager)
{
  byline_editor_update_style_scheme (self);
}

guint
byline_editor_get_top_line (BylineEditor *self)
{
  GtkTextIter iter;
  int buffer_x, buffer_y;

  g_return_val_if_fail (BYLINE_IS_EDITOR (self), 1);

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self->view), GTK_TEXT_WINDOW_TEXT,
                                         0, 0, &buffer_x, &buffer_y);
  gtk_text_view_get_line_at_y (GTK_TEXT_VIEW (self->view), &iter, buffer_y, NULL);

  return (guint) gtk_text_iter_get_line (&iter) + 1;
}

static void
vadjustment_value_changed_cb (BylineEditor  *self,
                              GtkAdjustment *adjustment)
{
  guint line;

  if (self->scrolling_programmatically || self->document == NULL)
    return;

  line = byline_editor_get_top_line (self);
  if (line == self->last_top_line)
    return;

  self->last_top_line = line;
  g_signal_emit (self, signals[TOP_LINE_CHANGED], 0, line);
}

void
byline_editor_scroll_to_line (BylineEditor *self,
                              guint         line)
{
  GtkAdjustment *adjustment;
  GtkTextIter iter;
  int y, height;
  int window_x, window_y;

  g_return_if_fail (BYLINE_IS_EDITOR (self));
  g_return_if_fail (line >= 1);

  if (self->document == NULL)
    return;

  gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (self->document), &iter, (int) line - 1);
  gtk_text_view_get_line_yrange (GTK_TEXT_VIEW (self->view), &iter, &y, &height);

  /* The adjustment counts from the top of the text window, which starts
   * above the buffer by the top margin. */
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self->view), GTK_TEXT_WINDOW_TEXT,
                                         0, y, &window_x, &window_y);
  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  self->scrolling_programmatically = TRUE;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + window_y);
  self->scrolling_programmatically = FALSE;

  self->last_top_line = byline_editor_get_top_line (self);
}

void
byline_editor_goto_line (BylineEditor *self,
                         guint         line)
{
  GtkTextIter iter;

  g_return_if_fail (BYLINE_IS_EDITOR (self));
  g_return_if_fail (line >= 1);

  if (self->document == NULL)
    return;

  gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (self->document), &iter, (int) line - 1);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (self->document), &iter);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->view),
                                gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (self->document)),
                                0.25, FALSE, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

void
byline_editor_begin_search (BylineEditor *self,
                            gboolean      replace)
{
  g_return_if_fail (BYLINE_IS_EDITOR (self));

  gtk_revealer_set_reveal_child (self->search_revealer, TRUE);
  byline_search_bar_begin (self->search_bar, replace);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  byline_editor_begin_search (BYLINE_EDITOR (widget), FALSE);
}

static void
find_replace_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  byline_editor_begin_search (BYLINE_EDITOR (widget), TRUE);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  BylineEditor *self = BYLINE_EDITOR (widget);

  byline_search_bar_move (self->search_bar, g_str_equal (action_name, "editor.find-previous"));
}

static void
hide_search_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  BylineEditor *self = BYLINE_EDITOR (widget);

  if (!gtk_revealer_get_reveal_child (self->search_revealer))
    return;

  byline_search_bar_end (self->search_bar);
  gtk_revealer_set_reveal_child (self->search_revealer, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* The lines a window shows at most when a post opens: these are coloured
 * before the first frame, the rest by GtkSourceView in the background. */
#define FIRST_SCREEN_LINES 200

static void
highlight_first_screen (BylineEditor *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  GtkTextIter start, end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_get_iter_at_line (buffer, &end, FIRST_SCREEN_LINES);
  gtk_source_buffer_ensure_highlight (GTK_SOURCE_BUFFER (buffer), &start, &end);
}

static void
document_busy_cb (BylineEditor   *self,
                  GParamSpec     *pspec,
                  BylineDocument *document)
{
  if (!byline_document_get_busy (document))
    highlight_first_screen (self);
}

/* The language is Byline's own and loads in a few milliseconds, so the
 * first frame that shows the post shows it in colour: no plain text that
 * changes colour a moment later. */
static void
byline_editor_apply_language (BylineEditor *self)
{
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (self->document);

  if (gtk_source_buffer_get_language (buffer) == NULL)
    {
      gtk_source_buffer_set_language (buffer, byline_editor_get_language ());
      gtk_source_buffer_set_highlight_syntax (buffer, TRUE);
    }
  if (!byline_document_get_busy (self->document))
    highlight_first_screen (self);
}

BylineDocument *
byline_editor_get_document (BylineEditor *self)
{
  g_return_val_if_fail (BYLINE_IS_EDITOR (self), NULL);

  return self->document;
}

void
byline_editor_set_document (BylineEditor   *self,
                            BylineDocument *document)
{
  g_return_if_fail (BYLINE_IS_EDITOR (self));
  g_return_if_fail (!document || BYLINE_IS_DOCUMENT (document));

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->document, insert_text_cb, self);
      g_signal_handlers_disconnect_by_func (self->document, document_busy_cb, self);
    }

  if (!g_set_object (&self->document, document))
    return;

  if (document != NULL)
    {
      byline_editor_tag_all_text (self);
      g_signal_connect_object (document, "insert-text", G_CALLBACK (insert_text_cb), self,
                               G_CONNECT_AFTER);
      g_signal_connect_object (document, "notify::busy", G_CALLBACK (document_busy_cb), self,
                               G_CONNECT_SWAPPED);
      byline_editor_apply_language (self);
      gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->view), GTK_TEXT_BUFFER (document));
      byline_editor_update_style_scheme (self);
      g_object_bind_property (document, "busy", self->view, "editable",
                              G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
    }

  byline_underlines_set_document (self->underlines, document);
  byline_editor_spell_set_document (self->spell, document);

  self->last_top_line = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

BylineCompletion *
byline_editor_get_completion (BylineEditor *self)
{
  g_return_val_if_fail (BYLINE_IS_EDITOR (self), NULL);
  return self->completion;
}


BylineEditorSpell *
byline_editor_get_spell (BylineEditor *self)
{
  g_return_val_if_fail (BYLINE_IS_EDITOR (self), NULL);

  return self->spell;
}

GtkSourceView *
byline_editor_get_view (BylineEditor *self)
{
  g_return_val_if_fail (BYLINE_IS_EDITOR (self), NULL);

  return self->view;
}

GtkWidget *
byline_editor_new (void)
{
  return g_object_new (BYLINE_TYPE_EDITOR, NULL);
}

static gboolean
byline_editor_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (BYLINE_EDITOR (widget)->view));
}

static void
byline_editor_dispose (GObject *object)
{
  BylineEditor *self = BYLINE_EDITOR (object);
  GtkWidget *child;

  g_clear_object (&self->spell);
  g_clear_object (&self->underlines);
  g_clear_object (&self->completion);

  /* GtkSourceView 5.6 never finalizes a view that showed line numbers (its
   * gutter keeps a reference); let go of the document at least. */
  if (self->view != NULL)
    gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->view), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_EDITOR);

  /* The template's root box has no id, so it is not disposed with it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (byline_editor_parent_class)->dispose (object);
}

static void
byline_editor_finalize (GObject *object)
{
  BylineEditor *self = BYLINE_EDITOR (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->font_provider);

  G_OBJECT_CLASS (byline_editor_parent_class)->finalize (object);
}

static void
byline_editor_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BylineEditor *self = BYLINE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_editor_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BylineEditor *self = BYLINE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      byline_editor_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
wrap_mode_from_setting (GValue   *value,
                        GVariant *variant,
                        gpointer  user_data)
{
  g_value_set_enum (value, g_variant_get_boolean (variant) ? GTK_WRAP_WORD_CHAR : GTK_WRAP_NONE);
  return TRUE;
}

static void
byline_editor_class_init (BylineEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_editor_dispose;
  object_class->finalize = byline_editor_finalize;
  object_class->get_property = byline_editor_get_property;
  object_class->set_property = byline_editor_set_property;

  widget_class->grab_focus = byline_editor_grab_focus;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         BYLINE_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[TOP_LINE_CHANGED] =
    g_signal_new ("top-line-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (BYLINE_TYPE_SEARCH_BAR);
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/byline-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, BylineEditor, search_revealer);
  gtk_widget_class_bind_template_child (widget_class, BylineEditor, search_bar);
  gtk_widget_class_bind_template_child (widget_class, BylineEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, BylineEditor, view);

  gtk_widget_class_install_action (widget_class, "editor.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "editor.find-replace", NULL, find_replace_action);
  gtk_widget_class_install_action (widget_class, "editor.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "editor.find-previous", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "search.close", NULL, hide_search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "editor.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK,
                                       "editor.find-replace", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK,
                                       "editor.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "search.close", NULL);
}

static void
byline_editor_init (BylineEditor *self)
{
  GtkAdjustment *vadjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  byline_search_bar_set_view (self->search_bar, self->view);
  self->underlines = byline_underlines_new (self->view);
  self->spell = byline_editor_spell_new (self->view);

  {
    g_autoptr(GtkSourceIndenter) indenter = byline_indenter_new ();

    gtk_source_view_set_indenter (self->view, indenter);
  }

  self->completion = byline_completion_new ();
  gtk_source_completion_add_provider (gtk_source_view_get_completion (self->view),
                                      GTK_SOURCE_COMPLETION_PROVIDER (self->completion));

  self->font_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->view)),
                                  GTK_STYLE_PROVIDER (self->font_provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "show-line-numbers", self->view, "show-line-numbers",
                   G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "tab-width", self->view, "tab-width", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "insert-spaces", self->view, "insert-spaces-instead-of-tabs",
                   G_SETTINGS_BIND_GET);
  g_settings_bind_with_mapping (self->settings, "wrap-text", self->view, "wrap-mode",
                                G_SETTINGS_BIND_GET,
                                wrap_mode_from_setting, NULL, NULL, NULL);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  byline_editor_update_font (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);

  vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_signal_connect_object (vadjustment, "value-changed",
                           G_CALLBACK (vadjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
}
