/* byline-completion.c — completion of shortcode names and parameters in the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkSourceCompletion finds words of letters, digits and underscores;
 * shortcode names also hold "-", "/" and ".", so the provider finds the
 * call around the cursor itself, from the text before it.
 */

#define G_LOG_DOMAIN "byline-completion"

#include "config.h"

#include "byline-completion.h"

#include "byline-completion-proposal.h"
#include "byline-shortcode.h"

#include <glib/gi18n.h>
#include <string.h>

/* How far back a call's opening {{< may be: calls are short, and the
 * look-back runs on every keystroke. */
#define LOOK_BACK 4096

struct _BylineCompletion
{
  GObject                 parent_instance;
  BylineShortcodeCatalog *catalog;
};

static void provider_iface_init (GtkSourceCompletionProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BylineCompletion, byline_completion, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GTK_SOURCE_TYPE_COMPLETION_PROVIDER,
                                                      provider_iface_init))

enum {
  PROP_0,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where the cursor is */

typedef struct
{
  BylineCompletionKind kind;
  char                *prefix;  /* what is typed of the word so far */
  char                *name;    /* PARAM: the shortcode's name */
  GPtrArray           *given;   /* PARAM: the named parameters the call has */
} Place;

static void
place_clear (Place *place)
{
  g_clear_pointer (&place->prefix, g_free);
  g_clear_pointer (&place->name, g_free);
  g_clear_pointer (&place->given, g_ptr_array_unref);
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-' || c == '/' || c == '.';
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether @params (what follows the name) ends inside a quoted value. */
static gboolean
ends_in_value (const char *params)
{
  char quote = 0;

  for (const char *p = params; *p != '\0'; p++)
    {
      if (quote == '"' && *p == '\\' && p[1] != '\0')
        p++;
      else if (quote != 0 && *p == quote)
        quote = 0;
      else if (quote == 0 && (*p == '"' || *p == '`'))
        quote = *p;
    }
  return quote != 0;
}

/* The named parameters of a call written up to @params_end, read the way
 * the site reads them; NULL when it has positional ones (Hugo does not
 * take both kinds in one call). */
static GPtrArray *
given_params (const char *open,
              gsize       length)
{
  g_autofree char *call = g_strdup_printf ("%.*s >}}", (int) length, open);
  g_autoptr(BylineShortcodeList) list = NULL;
  const BylineShortcode *shortcode;
  GPtrArray *given;

  /* A {{% call closes with %}}: the tokenizer wants the matching close. */
  if (open[2] == '%')
    call[strlen (call) - 3] = '%';
  list = byline_shortcode_scan (call, 0, strlen (call), NULL);
  if (list->calls->len == 0)
    return NULL;
  shortcode = g_ptr_array_index (list->calls, 0);
  given = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < shortcode->params->len; i++)
    {
      const BylineShortcodeParam *param = g_ptr_array_index (shortcode->params, i);

      if (param->name == NULL)
        {
          g_ptr_array_unref (given);
          return NULL;
        }
      g_ptr_array_add (given, g_strdup (param->name));
    }
  return given;
}

/* Reads the call the text before the cursor ends in. */
static gboolean
find_place (const char *before,
            Place      *place)
{
  const char *angle = g_strrstr (before, "{{<");
  const char *percent = g_strrstr (before, "{{%");
  const char *open = MAX (angle, percent);
  const char *p, *name_start, *word;

  if (open == NULL || strstr (open, ">}}") != NULL || strstr (open, "%}}") != NULL)
    return FALSE;

  p = open + 3;
  while (is_space (*p))
    p++;
  /* A closing tag, or an escaped call (its name starts with a comment
   * mark), takes nothing. */
  if (*p == '/')
    return FALSE;
  name_start = p;
  while (is_name_char (*p))
    p++;
  if (*p == '\0')
    {
      place->kind = BYLINE_COMPLETION_NAME;
      place->prefix = g_strdup (name_start);
      return TRUE;
    }
  if (p == name_start || !is_space (*p) || ends_in_value (p))
    return FALSE;

  /* The word at the cursor must start a parameter: after a space. */
  word = before + strlen (before);
  while (word > p && (g_ascii_isalnum (word[-1]) || word[-1] == '_' || word[-1] == '-'))
    word--;
  if (!is_space (word[-1]))
    return FALSE;

  place->given = given_params (open, (gsize) (word - open));
  if (place->given == NULL)
    return FALSE;
  place->kind = BYLINE_COMPLETION_PARAM;
  place->name = g_strndup (name_start, (gsize) (p - name_start));
  place->prefix = g_strdup (word);
  return TRUE;
}

static char *
dup_text_before (const GtkTextIter *iter)
{
  GtkTextIter start = *iter;

  gtk_text_iter_backward_chars (&start, LOOK_BACK);
  return gtk_text_iter_get_slice (&start, iter);
}

/* Proposals */

static gboolean
has_prefix (const char *text,
            const char *prefix)
{
  return g_ascii_strncasecmp (text, prefix, strlen (prefix)) == 0;
}

static void
add_names (BylineCompletion *self,
           const Place      *place,
           GListStore       *store)
{
  for (guint i = 0; i < byline_shortcode_catalog_get_n_entries (self->catalog); i++)
    {
      const BylineShortcodeEntry *entry = byline_shortcode_catalog_get_entry (self->catalog, i);
      g_autoptr(BylineCompletionProposal) proposal = NULL;
      g_autofree char *summary = NULL;

      if (!has_prefix (entry->name, place->prefix))
        continue;
      summary = byline_shortcode_entry_dup_summary (entry);
      proposal = byline_completion_proposal_new (BYLINE_COMPLETION_NAME, entry->name, summary);
      g_list_store_append (store, proposal);
    }
}

static void
add_params (BylineCompletion *self,
            const Place      *place,
            GListStore       *store)
{
  const BylineShortcodeEntry *entry = byline_shortcode_catalog_lookup (self->catalog, place->name);

  for (guint i = 0; entry != NULL && i < entry->params->len; i++)
    {
      const BylineShortcodeParamInfo *param = g_ptr_array_index (entry->params, i);
      g_autoptr(BylineCompletionProposal) proposal = NULL;
      g_autofree char *summary = NULL;
      gboolean given = FALSE;

      if (param->name == NULL || !has_prefix (param->name, place->prefix))
        continue;
      for (guint j = 0; j < place->given->len && !given; j++)
        given = strcmp (g_ptr_array_index (place->given, j), param->name) == 0;
      if (given)
        continue;
      summary = byline_shortcode_param_dup_summary (param);
      proposal = byline_completion_proposal_new (BYLINE_COMPLETION_PARAM, param->name, summary);
      g_list_store_append (store, proposal);
    }
}

static void
fill (BylineCompletion  *self,
      const GtkTextIter *iter,
      GListStore        *store)
{
  g_autofree char *before = dup_text_before (iter);
  Place place = { 0 };

  g_list_store_remove_all (store);
  if (!find_place (before, &place))
    return;
  if (place.kind == BYLINE_COMPLETION_NAME)
    add_names (self, &place, store);
  else
    add_params (self, &place, store);
  place_clear (&place);
}

GListModel *
byline_completion_list_proposals (BylineCompletion  *self,
                                  const GtkTextIter *iter)
{
  GListStore *store;

  g_return_val_if_fail (BYLINE_IS_COMPLETION (self), NULL);
  g_return_val_if_fail (iter != NULL, NULL);

  store = g_list_store_new (BYLINE_TYPE_COMPLETION_PROPOSAL);
  fill (self, iter, store);
  return G_LIST_MODEL (store);
}

void
byline_completion_apply (BylineCompletion *self,
                         GtkTextBuffer    *buffer,
                         gpointer          proposal)
{
  BylineCompletionProposal *chosen = proposal;
  const char *text;
  GtkTextIter start, end;
  g_autofree char *before = NULL;
  Place place = { 0 };

  g_return_if_fail (BYLINE_IS_COMPLETION (self));
  g_return_if_fail (GTK_IS_TEXT_BUFFER (buffer));
  g_return_if_fail (BYLINE_IS_COMPLETION_PROPOSAL (chosen));

  gtk_text_buffer_get_iter_at_mark (buffer, &end, gtk_text_buffer_get_insert (buffer));
  before = dup_text_before (&end);
  start = end;
  if (find_place (before, &place))
    gtk_text_iter_backward_chars (&start, (int) g_utf8_strlen (place.prefix, -1));
  place_clear (&place);

  text = byline_completion_proposal_get_text (chosen);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  if (byline_completion_proposal_get_kind (chosen) == BYLINE_COMPLETION_PARAM)
    {
      g_autofree char *param = g_strdup_printf ("%s=\"\"", text);

      gtk_text_buffer_insert (buffer, &start, param, -1);
      gtk_text_iter_backward_char (&start);
      gtk_text_buffer_place_cursor (buffer, &start);
    }
  else
    gtk_text_buffer_insert (buffer, &start, text, -1);
  gtk_text_buffer_end_user_action (buffer);
}

/* GtkSourceCompletionProvider */

static char *
byline_completion_get_title (GtkSourceCompletionProvider *provider)
{
  return g_strdup (_("Shortcodes"));
}

static gboolean
byline_completion_is_trigger (GtkSourceCompletionProvider *provider,
                              const GtkTextIter           *iter,
                              gunichar                     ch)
{
  g_autofree char *before = NULL;
  Place place = { 0 };
  gboolean found;

  if (ch != '<' && ch != '%' && ch != ' ')
    return FALSE;
  before = dup_text_before (iter);
  found = find_place (before, &place);
  place_clear (&place);
  return found;
}

static GListModel *
byline_completion_populate (GtkSourceCompletionProvider  *provider,
                            GtkSourceCompletionContext   *context,
                            GError                      **error)
{
  BylineCompletion *self = BYLINE_COMPLETION (provider);
  GtkTextIter begin, end;

  gtk_source_completion_context_get_bounds (context, &begin, &end);
  return byline_completion_list_proposals (self, &end);
}

static void
byline_completion_refilter (GtkSourceCompletionProvider *provider,
                            GtkSourceCompletionContext  *context,
                            GListModel                  *model)
{
  GtkTextIter begin, end;

  gtk_source_completion_context_get_bounds (context, &begin, &end);
  fill (BYLINE_COMPLETION (provider), &end, G_LIST_STORE (model));
}

static void
byline_completion_display (GtkSourceCompletionProvider *provider,
                           GtkSourceCompletionContext  *context,
                           GtkSourceCompletionProposal *proposal,
                           GtkSourceCompletionCell     *cell)
{
  BylineCompletionProposal *self = BYLINE_COMPLETION_PROPOSAL (proposal);

  switch (gtk_source_completion_cell_get_column (cell))
    {
    case GTK_SOURCE_COMPLETION_COLUMN_TYPED_TEXT:
      gtk_source_completion_cell_set_text (cell, byline_completion_proposal_get_text (self));
      break;
    case GTK_SOURCE_COMPLETION_COLUMN_COMMENT:
      gtk_source_completion_cell_set_text (cell, byline_completion_proposal_get_comment (self));
      break;
    case GTK_SOURCE_COMPLETION_COLUMN_ICON:
    case GTK_SOURCE_COMPLETION_COLUMN_BEFORE:
    case GTK_SOURCE_COMPLETION_COLUMN_AFTER:
    case GTK_SOURCE_COMPLETION_COLUMN_DETAILS:
    default:
      gtk_source_completion_cell_set_text (cell, NULL);
      break;
    }
}

static void
byline_completion_activate (GtkSourceCompletionProvider *provider,
                            GtkSourceCompletionContext  *context,
                            GtkSourceCompletionProposal *proposal)
{
  GtkSourceBuffer *buffer = gtk_source_completion_context_get_buffer (context);

  byline_completion_apply (BYLINE_COMPLETION (provider), GTK_TEXT_BUFFER (buffer), proposal);
}

static void
provider_iface_init (GtkSourceCompletionProviderInterface *iface)
{
  iface->get_title = byline_completion_get_title;
  iface->is_trigger = byline_completion_is_trigger;
  iface->populate = byline_completion_populate;
  iface->refilter = byline_completion_refilter;
  iface->display = byline_completion_display;
  iface->activate = byline_completion_activate;
}

/* GObject */

BylineCompletion *
byline_completion_new (void)
{
  return g_object_new (BYLINE_TYPE_COMPLETION, NULL);
}

BylineShortcodeCatalog *
byline_completion_get_catalog (BylineCompletion *self)
{
  g_return_val_if_fail (BYLINE_IS_COMPLETION (self), NULL);
  return self->catalog;
}

void
byline_completion_set_catalog (BylineCompletion       *self,
                               BylineShortcodeCatalog *catalog)
{
  g_autoptr(BylineShortcodeCatalog) builtins = NULL;

  g_return_if_fail (BYLINE_IS_COMPLETION (self));
  g_return_if_fail (catalog == NULL || BYLINE_IS_SHORTCODE_CATALOG (catalog));

  if (catalog == NULL)
    catalog = builtins = byline_shortcode_catalog_new (NULL, NULL);
  if (g_set_object (&self->catalog, catalog))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

static void
byline_completion_finalize (GObject *object)
{
  BylineCompletion *self = BYLINE_COMPLETION (object);

  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (byline_completion_parent_class)->finalize (object);
}

static void
byline_completion_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BylineCompletion *self = BYLINE_COMPLETION (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_completion_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BylineCompletion *self = BYLINE_COMPLETION (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      byline_completion_set_catalog (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_completion_class_init (BylineCompletionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_completion_finalize;
  object_class->get_property = byline_completion_get_property;
  object_class->set_property = byline_completion_set_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         BYLINE_TYPE_SHORTCODE_CATALOG,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_completion_init (BylineCompletion *self)
{
  self->catalog = byline_shortcode_catalog_new (NULL, NULL);
}
