/* byline-image-dialog-check.c — the image dialog's fields, checked by the post's rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog has no checks of its own: it writes the call its fields make
 * where the call goes (byline_image_dialog_set_target()), analyses that
 * text with the post's context, and shows the findings about the call's
 * parameters under their fields. Only what no rule can know comes from
 * here: a chosen file that is not a picture at all.
 */

#define G_LOG_DOMAIN "byline-image-dialog"

#include "config.h"

#include "byline-image-dialog-private.h"

#include "byline-bundle.h"
#include "byline-photo-ui.h"
#include "byline-severity-style.h"

#include <glib/gi18n.h>
#include <string.h>

static GtkWidget *
field_widget (BylineImageDialog *self,
              BylineImageField   field)
{
  switch (field)
    {
    case BYLINE_IMAGE_FIELD_LINK:
      return GTK_WIDGET (self->link_entry);
    case BYLINE_IMAGE_FIELD_WIDTH:
      return GTK_WIDGET (self->width_dropdown);
    case BYLINE_IMAGE_FIELD_RATIO:
      return GTK_WIDGET (self->ratio_entry);
    case BYLINE_IMAGE_FIELD_ALT:
      return GTK_WIDGET (self->alt_entry);
    case BYLINE_IMAGE_FIELD_TITLE:
      return GTK_WIDGET (self->title_entry);
    case BYLINE_IMAGE_FIELD_CAPTION:
      return GTK_WIDGET (self->caption_entry);
    default:
      g_return_val_if_reached (NULL);
    }
}

static GtkLabel *
field_message (BylineImageDialog *self,
               BylineImageField   field)
{
  switch (field)
    {
    case BYLINE_IMAGE_FIELD_LINK:
      return self->link_message;
    case BYLINE_IMAGE_FIELD_WIDTH:
      return self->width_message;
    case BYLINE_IMAGE_FIELD_RATIO:
      return self->ratio_message;
    case BYLINE_IMAGE_FIELD_ALT:
      return self->alt_message;
    case BYLINE_IMAGE_FIELD_TITLE:
      return self->title_message;
    case BYLINE_IMAGE_FIELD_CAPTION:
      return self->caption_message;
    default:
      g_return_val_if_reached (NULL);
    }
}

/* A finding shown under a field. */
typedef struct
{
  BylineImageField  field;
  BylineSeverity    severity;
  char             *message;
} FieldProblem;

static void
field_problem_free (FieldProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray        *problems,
             BylineImageField  field,
             BylineSeverity    severity,
             char             *message)
{
  FieldProblem *problem = g_new0 (FieldProblem, 1);

  problem->field = field;
  problem->severity = severity;
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

/* The text of the post with the call written where it goes, and where the
 * call is in it. */
static char *
make_candidate (BylineImageDialog *self,
                const char        *shortcode,
                gsize             *call_start)
{
  const char *text;
  gsize length;
  GString *candidate;

  if (self->target == NULL)
    {
      *call_start = 0;
      return g_strdup (shortcode);
    }

  text = byline_analysis_get_text (self->target);
  length = byline_analysis_get_length (self->target);
  candidate = g_string_new_len (text, (gssize) length);

  if (self->target_end > self->target_start)
    {
      g_autoptr(BylineTextPatch) patch =
        byline_text_patch_new (self->target_start, self->target_end - self->target_start,
                               shortcode);

      byline_text_patch_apply (patch, candidate);
      *call_start = self->target_start;
    }
  else
    {
      g_autoptr(BylineTextPatch) patch =
        byline_image_insert_patch (text, length, self->target_start, shortcode, call_start);

      byline_text_patch_apply (patch, candidate);
    }

  return g_string_free (candidate, FALSE);
}

static BylineAnalysisContext *
check_context (BylineImageDialog *self)
{
  if (self->target != NULL)
    return byline_analysis_get_context (self->target);

  if (self->context == NULL)
    self->context = byline_photo_check_context_new (self->profile, self->folder);
  return self->context;
}

/* What the post's own rules say about the call these fields make, where it
 * goes: the findings about its parameters, by field. */
static GPtrArray *
check_fields (BylineImageDialog *self,
              const char        *shortcode)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) field_problem_free);
  g_autoptr(BylineAnalysis) analysis = NULL;
  g_autofree char *candidate = NULL;
  gsize call_start = 0;
  gsize call_end;
  GPtrArray *diagnostics;

  candidate = make_candidate (self, shortcode, &call_start);
  call_end = call_start + strlen (shortcode);
  analysis = byline_analysis_new (check_context (self), candidate, -1, 0,
                                  BYLINE_ANALYSIS_NO_RENDER);

  diagnostics = byline_analysis_get_diagnostics (analysis);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const BylineDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      BylineImageField field;

      if (diagnostic->subject_kind != BYLINE_SUBJECT_SHORTCODE_PARAM ||
          diagnostic->span.start < call_start || diagnostic->span.end > call_end)
        continue;

      /* A picture from elsewhere is copied into the folder on insertion;
       * one that does not exist says so itself (add_file_problem()). */
      if (g_str_equal (diagnostic->rule_id, "image/missing-file") && self->file != NULL &&
          (self->file_exists || !byline_image_dialog_file_is_in_bundle (self, self->file)))
        continue;

      if (byline_image_field_from_param (diagnostic->subject, &field))
        add_problem (problems, field, diagnostic->severity, g_strdup (diagnostic->message));
    }

  return problems;
}

/* What the dialog knows of the chosen file that no rule can: it may not be
 * there, or not be a picture at all. */
static void
add_file_problem (BylineImageDialog *self,
                  GPtrArray         *problems)
{
  FieldProblem *problem;

  if (self->file == NULL || self->file_readable ||
      (!self->file_exists && byline_image_dialog_file_is_in_bundle (self, self->file)))
    return;

  problem = g_new0 (FieldProblem, 1);
  problem->field = BYLINE_IMAGE_FIELD_LINK;
  problem->severity = BYLINE_SEVERITY_ERROR;
  if (!self->file_exists)
    {
      g_autofree char *shown = g_file_get_parse_name (self->file);

      /* A picture chosen elsewhere that is not there (issue 12, bug 12):
       * the post's folder has nothing to do with it. */
      problem->message = g_strdup_printf (_("Cannot read the file “%s”: it does not exist"),
                                          shown);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (self->file);

      problem->message = g_strdup_printf (_("“%s” cannot be read as a picture: choose a PNG, "
                                            "JPEG, GIF, WebP or SVG file"), name);
    }
  /* The link's first message: it says more than the rules' would. */
  g_ptr_array_insert (problems, 0, problem);
}

/* A link the dialog must not write: one that leaves the post's folder only
 * once its escapes are decoded ("%2fetc%2fpasswd" is "/etc/passwd"), which
 * no writer means, and, for a picture to be copied, any link but a name in
 * the folder, where the copy goes. */
static void
add_link_problem (BylineImageDialog *self,
                  GPtrArray         *problems,
                  const char        *link)
{
  g_autofree char *name = NULL;
  BylineLinkKind kind = byline_bundle_classify_link (link, &name);
  char *message;

  if (kind == BYLINE_LINK_SITE_RELATIVE && strchr (link, '%') != NULL)
    message = g_strdup_printf (_("“%s” leads out of the post’s folder once decoded (“%s”): "
                                 "link a picture in the folder"), link, name);
  else if (self->file != NULL && !byline_image_dialog_file_is_in_bundle (self, self->file) &&
           kind != BYLINE_LINK_BUNDLE)
    message = g_strdup (_("The picture is copied into the post’s folder: Link is its name "
                          "there, such as “./photo.jpg”"));
  else
    return;

  add_problem (problems, BYLINE_IMAGE_FIELD_LINK, BYLINE_SEVERITY_ERROR, message);
  /* First under Link, before what the rules say of it. */
  g_ptr_array_insert (problems, 0, g_ptr_array_steal_index (problems, problems->len - 1));
}

static void
show_field_problem (BylineImageDialog *self,
                    BylineImageField   field,
                    GPtrArray         *problems,
                    const char        *hint)
{
  GtkWidget *widget = field_widget (self, field);
  GtkLabel *message = field_message (self, field);
  BylineSeverity severity = BYLINE_SEVERITY_OFF;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const FieldProblem *problem = g_ptr_array_index (problems, i);

      if (problem->field != field)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, problem->message);
      severity = MAX (severity, problem->severity);
    }

  if (text->len == 0 && hint != NULL)
    g_string_append (text, hint);

  gtk_label_set_label (message, text->str);
  gtk_widget_set_visible (GTK_WIDGET (message), text->len > 0);

  /* A hint, or an info, reads as a plain dim note under the field. */
  severity = severity >= BYLINE_SEVERITY_WARNING ? severity : BYLINE_SEVERITY_OFF;
  byline_severity_style_widget (widget, severity);
  byline_severity_style_widget (GTK_WIDGET (message), severity);
  if (severity == BYLINE_SEVERITY_OFF)
    gtk_widget_add_css_class (GTK_WIDGET (message), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (message), "dim-label");

  if (GTK_IS_ENTRY (widget))
    gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                                 severity >= BYLINE_SEVERITY_ERROR
                                 ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                                 -1);
}

void
byline_image_dialog_update (BylineImageDialog *self)
{
  g_autoptr(BylineImageFields) fields = byline_image_dialog_dup_fields (self);
  g_autofree char *shortcode = byline_image_fields_to_shortcode (fields);
  g_autoptr(GPtrArray) problems = check_fields (self, shortcode);
  const char *link = byline_image_fields_get (fields, BYLINE_IMAGE_FIELD_LINK);
  const char *ratio_hint = NULL;
  g_autofree char *link_hint = NULL;
  gboolean has_errors = FALSE;

  add_file_problem (self, problems);
  if (link[0] != '\0')
    add_link_problem (self, problems, link);

  for (guint i = 0; i < problems->len; i++)
    {
      const FieldProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity >= BYLINE_SEVERITY_ERROR)
        has_errors = TRUE;
    }

  /* Before a picture is chosen, an empty Link is where the dialog starts,
   * not a mistake: it says what to do without the error's red (Insert
   * waits for it all the same). */
  if (link[0] == '\0')
    {
      for (guint i = problems->len; i > 0; i--)
        {
          const FieldProblem *problem = g_ptr_array_index (problems, i - 1);

          if (problem->field == BYLINE_IMAGE_FIELD_LINK)
            g_ptr_array_remove_index (problems, i - 1);
        }
      link_hint = g_strdup (_("Choose a picture, or write its file name in Link"));
      has_errors = TRUE;
    }

  if (!byline_image_dialog_ratio_is_written (self, link))
    ratio_hint = _("Not written: the site measures pictures of the post’s folder itself");
  if (link_hint == NULL && self->file != NULL && !byline_image_dialog_file_is_in_bundle (self, self->file))
    {
      g_autofree char *folder_name = g_file_get_basename (self->folder);

      link_hint = g_strdup_printf (_("The picture is copied into the post’s folder “%s” "
                                     "under this name"), folder_name);
    }

  show_field_problem (self, BYLINE_IMAGE_FIELD_CAPTION, problems, NULL);
  show_field_problem (self, BYLINE_IMAGE_FIELD_ALT, problems, NULL);
  show_field_problem (self, BYLINE_IMAGE_FIELD_TITLE, problems, NULL);
  show_field_problem (self, BYLINE_IMAGE_FIELD_WIDTH, problems, NULL);
  show_field_problem (self, BYLINE_IMAGE_FIELD_LINK, problems, link_hint);
  show_field_problem (self, BYLINE_IMAGE_FIELD_RATIO, problems, ratio_hint);

  /* The custom width entry shares the drop-down's problem. */
  if (gtk_widget_has_css_class (GTK_WIDGET (self->width_dropdown), "warning"))
    gtk_widget_add_css_class (GTK_WIDGET (self->width_entry), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->width_entry), "warning");

  gtk_label_set_label (self->preview_label, shortcode);

  self->has_errors = has_errors;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "image.insert", !has_errors);
}

void
byline_image_dialog_set_target (BylineImageDialog *self,
                                BylineAnalysis    *analysis,
                                gsize              start,
                                gsize              end)
{
  g_return_if_fail (BYLINE_IS_IMAGE_DIALOG (self));
  g_return_if_fail (BYLINE_IS_ANALYSIS (analysis));
  g_return_if_fail (start <= end && end <= byline_analysis_get_length (analysis));

  g_set_object (&self->target, analysis);
  self->target_start = start;
  self->target_end = end;
  byline_image_dialog_update (self);
}

gboolean
byline_image_dialog_has_errors (BylineImageDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_IMAGE_DIALOG (self), FALSE);

  return self->has_errors;
}

GtkWidget *
byline_image_dialog_get_field_widget (BylineImageDialog *self,
                                      BylineImageField   field)
{
  g_return_val_if_fail (BYLINE_IS_IMAGE_DIALOG (self), NULL);

  return field_widget (self, field);
}

GtkLabel *
byline_image_dialog_get_field_message (BylineImageDialog *self,
                                       BylineImageField   field)
{
  g_return_val_if_fail (BYLINE_IS_IMAGE_DIALOG (self), NULL);

  return field_message (self, field);
}
