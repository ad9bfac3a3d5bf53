/* byline-problem.c — one finding of the linter, as an item of a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-problem"

#include "config.h"

#include "byline-problem.h"

#include "byline-enums.h"
#include "byline-severity-style.h"

#include <glib/gi18n.h>

struct _BylineProblem
{
  GObject                 parent_instance;

  BylineAnalysis         *analysis;
  const BylineDiagnostic *diagnostic;   /* owned by the analysis */
};

G_DEFINE_FINAL_TYPE (BylineProblem, byline_problem, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEVERITY,
  PROP_RULE_ID,
  PROP_MESSAGE,
  PROP_LINE,
  PROP_COLUMN,
  PROP_HAS_FIX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

BylineProblem *
byline_problem_new (BylineAnalysis         *analysis,
                    const BylineDiagnostic *diagnostic)
{
  BylineProblem *self;

  g_return_val_if_fail (BYLINE_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (diagnostic != NULL, NULL);

  self = g_object_new (BYLINE_TYPE_PROBLEM, NULL);
  self->analysis = g_object_ref (analysis);
  self->diagnostic = diagnostic;

  return self;
}

const BylineDiagnostic *
byline_problem_get_diagnostic (BylineProblem *self)
{
  g_return_val_if_fail (BYLINE_IS_PROBLEM (self), NULL);

  return self->diagnostic;
}

guint64
byline_problem_get_generation (BylineProblem *self)
{
  g_return_val_if_fail (BYLINE_IS_PROBLEM (self), 0);

  return byline_analysis_get_generation (self->analysis);
}

void
byline_problem_update (BylineProblem          *self,
                       BylineAnalysis         *analysis,
                       const BylineDiagnostic *diagnostic)
{
  g_autoptr(BylineAnalysis) old_analysis = NULL;
  const BylineDiagnostic *old;

  g_return_if_fail (BYLINE_IS_PROBLEM (self));
  g_return_if_fail (BYLINE_IS_ANALYSIS (analysis));
  g_return_if_fail (diagnostic != NULL);

  old = self->diagnostic;
  old_analysis = g_steal_pointer (&self->analysis);
  self->analysis = g_object_ref (analysis);
  self->diagnostic = diagnostic;

  if (old->span.line != diagnostic->span.line)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINE]);
  if (old->span.column != diagnostic->span.column)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMN]);
}

gboolean
byline_problem_same_finding (BylineProblem *self,
                             BylineProblem *other)
{
  const BylineDiagnostic *a, *b;

  g_return_val_if_fail (BYLINE_IS_PROBLEM (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_PROBLEM (other), FALSE);

  a = self->diagnostic;
  b = other->diagnostic;

  return a->severity == b->severity
         && g_strcmp0 (a->rule_id, b->rule_id) == 0
         && g_strcmp0 (a->message, b->message) == 0
         && (a->fix == NULL) == (b->fix == NULL);
}

BylineSeverity
byline_problem_get_severity (BylineProblem *self)
{
  g_return_val_if_fail (BYLINE_IS_PROBLEM (self), BYLINE_SEVERITY_OFF);

  return self->diagnostic->severity;
}

const char *
byline_problem_get_rule_id (BylineProblem *self)
{
  g_return_val_if_fail (BYLINE_IS_PROBLEM (self), NULL);

  return self->diagnostic->rule_id;
}

const char *
byline_problem_get_message (BylineProblem *self)
{
  g_return_val_if_fail (BYLINE_IS_PROBLEM (self), NULL);

  return self->diagnostic->message;
}

guint
byline_problem_get_line (BylineProblem *self)
{
  g_return_val_if_fail (BYLINE_IS_PROBLEM (self), 0);

  return self->diagnostic->span.line;
}

guint
byline_problem_get_column (BylineProblem *self)
{
  g_return_val_if_fail (BYLINE_IS_PROBLEM (self), 0);

  return self->diagnostic->span.column;
}

gboolean
byline_problem_has_fix (BylineProblem *self)
{
  g_return_val_if_fail (BYLINE_IS_PROBLEM (self), FALSE);

  return self->diagnostic->fix != NULL;
}

const char *
byline_problem_get_severity_label (BylineProblem *self)
{
  g_return_val_if_fail (BYLINE_IS_PROBLEM (self), NULL);

  switch (self->diagnostic->severity)
    {
    case BYLINE_SEVERITY_ERROR:
      return _("Error");
    case BYLINE_SEVERITY_WARNING:
      return _("Warning");
    case BYLINE_SEVERITY_INFO:
    case BYLINE_SEVERITY_OFF:
    default:
      return _("Info");
    }
}

const char *
byline_problem_get_icon_name (BylineProblem *self)
{
  g_return_val_if_fail (BYLINE_IS_PROBLEM (self), NULL);

  /* A finding is never "off": that only switches a rule off. */
  return byline_severity_get_icon_name (MAX (self->diagnostic->severity, BYLINE_SEVERITY_INFO));
}

/* The name of the site's file the problem is about, or NULL. */
static char *
dup_site_file_name (BylineProblem *self)
{
  if (self->diagnostic->subject_kind != BYLINE_SUBJECT_SITE_FILE)
    return NULL;
  return g_path_get_basename (self->diagnostic->subject);
}

char *
byline_problem_dup_place (BylineProblem *self)
{
  char *name;

  g_return_val_if_fail (BYLINE_IS_PROBLEM (self), NULL);

  if ((name = dup_site_file_name (self)) != NULL)
    return name;
  /* TRANSLATORS: where a problem is, in the problems list. */
  return g_strdup_printf (_("Line %u"), self->diagnostic->span.line);
}

char *
byline_problem_dup_description (BylineProblem *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (BYLINE_IS_PROBLEM (self), NULL);

  if ((name = dup_site_file_name (self)) != NULL)
    /* TRANSLATORS: how a screen reader announces a problem with a file of
     * the site: "Warning: Byline cannot read …, in hugo.toml". */
    return g_strdup_printf (_("%s: %s, in %s"),
                            byline_problem_get_severity_label (self),
                            self->diagnostic->message, name);
  /* TRANSLATORS: how a screen reader announces a problem: "Error: Image
   * caption ends with a period, line 12". */
  return g_strdup_printf (_("%s: %s, line %u"),
                          byline_problem_get_severity_label (self),
                          self->diagnostic->message, self->diagnostic->span.line);
}

gboolean
byline_problem_equal (BylineProblem *self,
                      BylineProblem *other)
{
  const BylineDiagnostic *a, *b;

  g_return_val_if_fail (BYLINE_IS_PROBLEM (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_PROBLEM (other), FALSE);

  a = self->diagnostic;
  b = other->diagnostic;

  if (a->severity != b->severity
      || g_strcmp0 (a->rule_id, b->rule_id) != 0
      || a->span.start != b->span.start
      || a->span.end != b->span.end
      || a->span.line != b->span.line
      || a->span.column != b->span.column
      || g_strcmp0 (a->message, b->message) != 0
      || (a->fix == NULL) != (b->fix == NULL))
    return FALSE;

  if (a->fix != NULL
      && (a->fix->offset != b->fix->offset
          || a->fix->length != b->fix->length
          || g_strcmp0 (a->fix->text, b->fix->text) != 0))
    return FALSE;

  return TRUE;
}

static void
byline_problem_finalize (GObject *object)
{
  BylineProblem *self = BYLINE_PROBLEM (object);

  self->diagnostic = NULL;
  g_clear_object (&self->analysis);

  G_OBJECT_CLASS (byline_problem_parent_class)->finalize (object);
}

static void
byline_problem_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BylineProblem *self = BYLINE_PROBLEM (object);

  switch (prop_id)
    {
    case PROP_SEVERITY:
      g_value_set_enum (value, self->diagnostic->severity);
      break;

    case PROP_RULE_ID:
      g_value_set_string (value, self->diagnostic->rule_id);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->diagnostic->message);
      break;

    case PROP_LINE:
      g_value_set_uint (value, self->diagnostic->span.line);
      break;

    case PROP_COLUMN:
      g_value_set_uint (value, self->diagnostic->span.column);
      break;

    case PROP_HAS_FIX:
      g_value_set_boolean (value, self->diagnostic->fix != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_problem_class_init (BylineProblemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_problem_finalize;
  object_class->get_property = byline_problem_get_property;

  /* Only an edit that moves a finding changes its line and column. */
  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL,
                       BYLINE_TYPE_SEVERITY, BYLINE_SEVERITY_INFO,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_RULE_ID] =
    g_param_spec_string ("rule-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LINE] =
    g_param_spec_uint ("line", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COLUMN] =
    g_param_spec_uint ("column", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HAS_FIX] =
    g_param_spec_boolean ("has-fix", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_problem_init (BylineProblem *self)
{
}
