/* byline-rules-front-matter.c — rules about the post's text and front matter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-linter"

#include "config.h"

#include "byline-linter-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

void
byline_rule_encoding (BylineLintContext *ctx)
{
  gsize bad = 0;
  gboolean is_nul = FALSE;

  if (!byline_text_find_invalid (ctx->text, ctx->length, &bad, &is_nul))
    return;

  byline_lint_report (ctx, bad, bad + 1, NULL,
                      is_nul ? _("The file holds a NUL byte: it is binary, not a Markdown post")
                             : _("The file is not valid UTF-8 text: save it as UTF-8"));
}

static gsize
fence_end (BylineLintContext *ctx)
{
  return MIN (ctx->layout->block_start + 3, ctx->length);
}

void
byline_rule_fm_unterminated (BylineLintContext *ctx)
{
  const GError *error = byline_post_get_layout_error (ctx->post);

  if (!g_error_matches (error, BYLINE_POST_LAYOUT_ERROR, BYLINE_POST_LAYOUT_ERROR_UNTERMINATED))
    return;

  byline_lint_report (ctx, ctx->layout->block_start, fence_end (ctx), NULL,
                      _("The front matter opened here is never closed: add a line "
                        "holding only --- after its last key"));
}

void
byline_rule_fm_syntax (BylineLintContext *ctx)
{
  BylineSpan span = { 0 };
  const GError *error = byline_post_get_front_matter_error (ctx->post, &span);

  if (error == NULL ||
      g_error_matches (error, BYLINE_FRONT_MATTER_ERROR, BYLINE_FRONT_MATTER_ERROR_NO_BLOCK))
    return;

  if (span.end <= span.start && span.start == 0)
    span.start = ctx->layout->yaml_start, span.end = ctx->layout->yaml_start;

  byline_lint_report (ctx, span.start, span.end, NULL, "%s", error->message);
}

void
byline_rule_fm_duplicate_key (BylineLintContext *ctx)
{
  g_autoptr(GHashTable) seen = NULL;
  guint n;

  if (ctx->front_matter == NULL)
    return;

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  n = byline_front_matter_get_n_entries (ctx->front_matter);
  for (guint i = 0; i < n; i++)
    {
      const BylineFrontMatterEntry *entry = byline_front_matter_get_entry (ctx->front_matter, i);
      const BylineFrontMatterEntry *first = g_hash_table_lookup (seen, entry->key);

      if (first == NULL)
        {
          g_hash_table_insert (seen, (gpointer) entry->key, (gpointer) entry);
          continue;
        }

      /* Hugo keeps the last value without a word (checked with Hugo 0.111). */
      byline_lint_report_about (ctx, BYLINE_SUBJECT_FRONT_MATTER_KEY, entry->key,
                                entry->key_span.start, entry->key_span.end, NULL,
                                _("“%s” is set again here (first on line %u): the site "
                                  "silently keeps only the last value; remove one of them"),
                                entry->key, first->key_span.line);
    }
}

/* The spot to name when a key is missing: the opening fence, or the start
 * of a post that has no front matter at all. */
static void
report_missing (BylineLintContext     *ctx,
                const BylineFieldSpec *field)
{
  const char *label = field->label != NULL ? field->label : field->key;

  if (ctx->layout->kind != BYLINE_FRONT_MATTER_NONE)
    byline_lint_report_about (ctx, BYLINE_SUBJECT_FRONT_MATTER_KEY, field->key,
                              ctx->layout->block_start, fence_end (ctx), NULL,
                              _("The front matter has no “%s” (%s): add it"),
                              field->key, label);
  else
    byline_lint_report_about (ctx, BYLINE_SUBJECT_FRONT_MATTER_KEY, field->key,
                              ctx->layout->body_start, ctx->layout->body_start, NULL,
                              _("The post has no front matter, so no “%s” (%s): start the "
                                "file with a --- block"),
                              field->key, label);
}

/* Whether a present key says nothing: YAML's null (key: with no value, ~,
 * null), an empty string, an empty list or mapping. Hugo reads each of them
 * as no value at all. */
static gboolean
entry_is_empty (const BylineFrontMatterEntry *entry)
{
  static const char * const nulls[] = { "", "~", "null", "Null", "NULL" };

  switch (entry->kind)
    {
    case BYLINE_VALUE_SCALAR:
      if (entry->style != BYLINE_SCALAR_PLAIN)
        return entry->value == NULL || entry->value[0] == '\0';
      for (guint i = 0; i < G_N_ELEMENTS (nulls); i++)
        if (g_strcmp0 (entry->value, nulls[i]) == 0)
          return TRUE;
      return FALSE;

    case BYLINE_VALUE_SEQUENCE:
      return entry->n_items == 0;

    case BYLINE_VALUE_MAPPING:
      {
        g_autofree char *raw = g_strdup (entry->raw != NULL ? entry->raw : "{}");

        g_strdelimit (raw, " \t", '\n');
        return strcmp (g_strstrip (raw), "{}") == 0 || strcmp (raw, "{\n}") == 0;
      }

    case BYLINE_VALUE_ALIAS:
    default:
      return FALSE;
    }
}

static void
report_empty (BylineLintContext            *ctx,
              const BylineFieldSpec        *field,
              const BylineFrontMatterEntry *entry)
{
  const char *label = field->label != NULL ? field->label : field->key;
  gsize start = entry->value_span.end > entry->value_span.start ? entry->value_span.start
                                                                : entry->key_span.start;
  gsize end = entry->value_span.end > entry->value_span.start ? entry->value_span.end
                                                              : entry->key_span.end;

  byline_lint_report_about (ctx, BYLINE_SUBJECT_FRONT_MATTER_KEY, field->key, start, end, NULL,
                            _("“%s” (%s) is empty: give it a value, the site treats an empty "
                              "value as a missing one"),
                            field->key, label);
}

static void
check_missing (BylineLintContext *ctx,
               BylineSeverity     missing)
{
  guint n = byline_profile_get_n_fields (ctx->profile);

  /* A block that does not parse has its own finding; every key would
   * look missing. */
  if (ctx->layout->kind != BYLINE_FRONT_MATTER_NONE && ctx->front_matter == NULL)
    return;
  if (byline_post_get_layout_error (ctx->post) != NULL &&
      ctx->layout->kind != BYLINE_FRONT_MATTER_NONE)
    return;

  for (guint i = 0; i < n; i++)
    {
      const BylineFieldSpec *field = byline_profile_get_field (ctx->profile, i);
      const BylineFrontMatterEntry *entry;

      if (field->missing != missing)
        continue;
      entry = ctx->front_matter != NULL
              ? byline_front_matter_lookup (ctx->front_matter, field->key) : NULL;
      /* A profile that does not read keys as Hugo does wants them spelled
       * as it spells them. */
      if (entry != NULL && !byline_profile_get_hugo_keys (ctx->profile) &&
          strcmp (entry->key, field->key) != 0)
        entry = NULL;
      if (entry == NULL)
        report_missing (ctx, field);
      else if (entry_is_empty (entry))
        report_empty (ctx, field, entry);
    }
}

void
byline_rule_fm_required (BylineLintContext *ctx)
{
  check_missing (ctx, BYLINE_SEVERITY_ERROR);
}

void
byline_rule_fm_recommended (BylineLintContext *ctx)
{
  check_missing (ctx, BYLINE_SEVERITY_WARNING);
}

static gboolean
is_number (const char *text,
           gboolean    integer)
{
  char *end = NULL;

  if (text == NULL || text[0] == '\0')
    return FALSE;
  if (integer)
    g_ascii_strtoll (text, &end, 10);
  else
    g_ascii_strtod (text, &end);
  return end != NULL && *end == '\0' && end != text;
}

static gboolean
is_version (const char *text)
{
  gboolean digit = FALSE;

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (*p != '.' || !digit)
        return FALSE;
      else
        digit = FALSE;
    }
  return digit;
}

static gboolean
is_bool (const char *text)
{
  static const char * const words[] = { "true", "false", "True", "False", "TRUE", "FALSE" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_strcmp0 (text, words[i]) == 0)
      return TRUE;
  return FALSE;
}

static const char *
type_problem (const BylineFrontMatterEntry *entry,
              BylineFieldType               type)
{
  gboolean scalar = entry->kind == BYLINE_VALUE_SCALAR;

  switch (type)
    {
    case BYLINE_FIELD_STRING:
    case BYLINE_FIELD_TEXT:
      if (!scalar)
        return _("it must be a single text value, not a list or a mapping");
      return NULL;

    case BYLINE_FIELD_DATE:
      if (!scalar || !byline_parse_date (entry->value, NULL, NULL))
        return _("it must be a date such as 2023-09-29 or an RFC 3339 date and time "
                 "such as 2023-09-29T10:00:00Z");
      return NULL;

    case BYLINE_FIELD_STRING_LIST:
      if (entry->kind != BYLINE_VALUE_SEQUENCE)
        return _("it must be a list of words: write it as [first, second]");
      return NULL;

    case BYLINE_FIELD_BOOL:
      if (!scalar || entry->style != BYLINE_SCALAR_PLAIN || !is_bool (entry->value))
        return _("it must be true or false, without quotes");
      return NULL;

    case BYLINE_FIELD_NUMBER:
      /* A version such as 1.8.0 is a string to YAML, and fine to Hugo. */
      if (!scalar || (!is_number (entry->value, FALSE) && !is_version (entry->value)))
        return _("it must be a number such as 1.20");
      return NULL;

    case BYLINE_FIELD_INTEGER:
      if (!scalar || !is_number (entry->value, TRUE))
        return _("it must be a whole number");
      return NULL;

    default:
      return NULL;
    }
}

void
byline_rule_fm_type (BylineLintContext *ctx)
{
  guint n;

  if (ctx->front_matter == NULL)
    return;

  n = byline_front_matter_get_n_entries (ctx->front_matter);
  for (guint i = 0; i < n; i++)
    {
      const BylineFrontMatterEntry *entry = byline_front_matter_get_entry (ctx->front_matter, i);
      const BylineFieldSpec *field = byline_profile_lookup_field (ctx->profile, entry->key);
      const char *problem;

      if (field == NULL || (problem = type_problem (entry, field->type)) == NULL)
        continue;
      /* Hugo reads a single string as a list of one (cast.ToStringSlice). */
      if (field->type == BYLINE_FIELD_STRING_LIST && entry->kind == BYLINE_VALUE_SCALAR &&
          byline_profile_get_hugo_keys (ctx->profile))
        continue;

      /* An empty value (key:) is YAML's null; Hugo treats it as absent. */
      if (entry->kind == BYLINE_VALUE_SCALAR && entry->style == BYLINE_SCALAR_PLAIN &&
          entry->value != NULL && entry->value[0] == '\0')
        continue;

      if (entry->value_span.end > entry->value_span.start)
        byline_lint_report_about (ctx, BYLINE_SUBJECT_FRONT_MATTER_KEY, entry->key,
                                  entry->value_span.start, entry->value_span.end, NULL,
                                  _("Wrong type for “%s”: %s"), entry->key, problem);
      else
        byline_lint_report_about (ctx, BYLINE_SUBJECT_FRONT_MATTER_KEY, entry->key,
                                  entry->key_span.start, entry->key_span.end, NULL,
                                  _("Wrong type for “%s”: %s"), entry->key, problem);
    }
}

/* Whether the post reads @key itself, with Hugo's {{< param "key" >}} (or
 * "key.sub"): a key for that post alone, which the site's other pages need
 * not use. Hugo matches the name as it matches keys, whatever the case. */
static gboolean
post_reads_param (BylineLintContext *ctx,
                  const char        *key)
{
  g_autofree char *folded = byline_data_fold_key (key);
  gsize length = strlen (folded);

  for (guint i = 0; i < ctx->shortcodes->calls->len; i++)
    {
      const BylineShortcode *call = g_ptr_array_index (ctx->shortcodes->calls, i);
      const BylineShortcodeParam *name;
      g_autofree char *read = NULL;

      if ((call->kind != BYLINE_SHORTCODE_OPEN && call->kind != BYLINE_SHORTCODE_SELF_CLOSING) ||
          g_strcmp0 (call->name, "param") != 0 ||
          (name = byline_shortcode_get_nth (call, 0)) == NULL || name->value == NULL)
        continue;
      read = byline_data_fold_key (name->value);
      if (strncmp (read, folded, length) == 0 && (read[length] == '\0' || read[length] == '.'))
        return TRUE;
    }
  return FALSE;
}

void
byline_rule_fm_unknown_key (BylineLintContext *ctx)
{
  const char * const *keys;
  guint n;

  if (ctx->front_matter == NULL)
    return;

  keys = byline_profile_get_field_order (ctx->profile);
  n = byline_front_matter_get_n_entries (ctx->front_matter);
  for (guint i = 0; i < n; i++)
    {
      const BylineFrontMatterEntry *entry = byline_front_matter_get_entry (ctx->front_matter, i);
      const BylineFrontMatterEntry *other = NULL;
      const char *suggestion;

      if (byline_profile_lookup_field (ctx->profile, entry->key) != NULL ||
          post_reads_param (ctx, entry->key))
        continue;

      suggestion = byline_lint_did_you_mean (entry->key, keys);
      /* (The entry itself answers for its key in another case.) */
      if (suggestion != NULL &&
          ((other = byline_front_matter_lookup (ctx->front_matter, suggestion)) == NULL ||
           other == entry))
        byline_lint_report_about (ctx, BYLINE_SUBJECT_FRONT_MATTER_KEY, entry->key,
                                  entry->key_span.start, entry->key_span.end,
                                  byline_text_patch_new (entry->key_span.start,
                                                         entry->key_span.end -
                                                         entry->key_span.start,
                                                         suggestion),
                                  _("Unknown front matter key “%s”: did you mean “%s”?"),
                                  entry->key, suggestion);
      else
        byline_lint_report_about (ctx, BYLINE_SUBJECT_FRONT_MATTER_KEY, entry->key,
                                  entry->key_span.start, entry->key_span.end, NULL,
                                  _("Unknown front matter key “%s”: the site does not use it; "
                                    "check its spelling or remove it"),
                                  entry->key);
    }
}

static const BylineFrontMatterEntry *
scalar_entry (BylineLintContext *ctx,
              const char        *key)
{
  const BylineFrontMatterEntry *entry;

  if (ctx->front_matter == NULL)
    return NULL;
  entry = byline_front_matter_lookup (ctx->front_matter, key);
  if (entry == NULL || entry->kind != BYLINE_VALUE_SCALAR || entry->value == NULL)
    return NULL;
  return entry;
}

void
byline_rule_fm_description_period (BylineLintContext *ctx)
{
  const BylineFrontMatterEntry *entry = scalar_entry (ctx, "description");
  g_autofree char *value = NULL;
  gsize insert_at;
  gsize len;
  BylineTextPatch *fix = NULL;

  if (entry == NULL)
    return;

  value = g_strstrip (g_strdup (entry->value));
  len = strlen (value);
  if (len == 0 || strchr (".!?", value[len - 1]) != NULL)
    return;
  /* A sentence that ends inside a quotation or parentheses: “… (see X.)” */
  if (len >= 2 && strchr ("\")'", value[len - 1]) != NULL && strchr (".!?", value[len - 2]))
    return;

  insert_at = entry->value_span.end;
  switch (entry->style)
    {
    case BYLINE_SCALAR_PLAIN:
      fix = byline_text_patch_new (insert_at, 0, ".");
      break;

    case BYLINE_SCALAR_SINGLE_QUOTED:
    case BYLINE_SCALAR_DOUBLE_QUOTED:
      insert_at--;
      fix = byline_text_patch_new (insert_at, 0, ".");
      break;

    case BYLINE_SCALAR_LITERAL:
    case BYLINE_SCALAR_FOLDED:
    default:
      break;
    }

  {
    /* Point at the value's last character. */
    gsize last = insert_at;

    while (last > entry->value_span.start && ((guchar) ctx->text[last - 1] & 0xC0) == 0x80)
      last--;
    if (last > entry->value_span.start)
      last--;
    while (last > entry->value_span.start && ((guchar) ctx->text[last] & 0xC0) == 0x80)
      last--;

    byline_lint_report_about (ctx, BYLINE_SUBJECT_FRONT_MATTER_KEY, entry->key, last, insert_at,
                              fix,
                              _("The description does not end with a period: end it with one, "
                                "it is shown as a sentence"));
  }
}

void
byline_rule_fm_description_length (BylineLintContext *ctx)
{
  const BylineFrontMatterEntry *entry;
  const BylineFieldSpec *field;
  glong length;

  /* Every field with a limit, the description above all. */
  for (guint i = 0; ctx->front_matter != NULL &&
                    i < byline_front_matter_get_n_entries (ctx->front_matter); i++)
    {
      entry = byline_front_matter_get_entry (ctx->front_matter, i);
      field = byline_profile_lookup_field (ctx->profile, entry->key);
      if (field == NULL || field->max_length == 0 || entry->kind != BYLINE_VALUE_SCALAR ||
          entry->value == NULL)
        continue;

      length = g_utf8_strlen (entry->value, -1);
      if (length > (glong) field->max_length)
        byline_lint_report_about (ctx, BYLINE_SUBJECT_FRONT_MATTER_KEY, entry->key,
                                  entry->value_span.start, entry->value_span.end, NULL,
                                  _("“%s” is %ld characters long: keep it to %u, the site cuts "
                                    "longer text in lists and previews"),
                                  entry->key, length, field->max_length);
    }
}

/* A plain 1.10 is the number 1.1 to YAML, and Hugo shows "1.1". */
static gboolean
number_changes_when_read (const char *raw)
{
  const char *dot = strchr (raw, '.');
  gsize len = strlen (raw);

  if (dot == NULL || !is_number (raw, FALSE))
    return FALSE;
  return raw[len - 1] == '0' || dot == raw + len - 1;
}

void
byline_rule_fm_target_release (BylineLintContext *ctx)
{
  guint n;

  if (ctx->front_matter == NULL)
    return;

  n = byline_front_matter_get_n_entries (ctx->front_matter);
  for (guint i = 0; i < n; i++)
    {
      const BylineFrontMatterEntry *entry = byline_front_matter_get_entry (ctx->front_matter, i);
      const BylineFieldSpec *field = byline_profile_lookup_field (ctx->profile, entry->key);
      g_autofree char *quoted = NULL;

      if (field == NULL || field->type != BYLINE_FIELD_NUMBER ||
          entry->kind != BYLINE_VALUE_SCALAR || entry->style != BYLINE_SCALAR_PLAIN ||
          entry->raw == NULL || !number_changes_when_read (entry->raw))
        continue;

      quoted = g_strdup_printf ("\"%s\"", entry->raw);
      byline_lint_report_about (ctx, BYLINE_SUBJECT_FRONT_MATTER_KEY, entry->key,
                                entry->value_span.start, entry->value_span.end,
                                byline_text_patch_new (entry->value_span.start,
                                                       entry->value_span.end -
                                                       entry->value_span.start,
                                                       quoted),
                                _("YAML reads %s as the number %g: write %s so that the version "
                                  "stays as written"),
                                entry->raw, g_ascii_strtod (entry->raw, NULL), quoted);
    }
}

void
byline_rule_fm_draft (BylineLintContext *ctx)
{
  const BylineFrontMatterEntry *entry = scalar_entry (ctx, "draft");
  gboolean draft = FALSE;

  if (entry == NULL || !byline_front_matter_get_bool (ctx->front_matter, "draft", &draft) ||
      !draft)
    return;

  byline_lint_report_about (ctx, BYLINE_SUBJECT_FRONT_MATTER_KEY, entry->key,
                            entry->value_span.start, entry->value_span.end, NULL,
                            _("The post is a draft: the site will not publish it until draft "
                              "is false"));
}

void
byline_rule_fm_future_date (BylineLintContext *ctx)
{
  static const char * const keys[] = { "publishdate", "date" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const BylineFrontMatterEntry *entry = scalar_entry (ctx, keys[i]);
      g_autoptr(GDateTime) date = NULL;

      if (entry == NULL ||
          !byline_front_matter_get_date (ctx->front_matter, keys[i], &date, NULL) ||
          date == NULL)
        continue;

      if (g_date_time_compare (date, ctx->now) > 0)
        {
          g_autofree char *when = g_date_time_format (date, "%Y-%m-%d");

          byline_lint_report_about (ctx, BYLINE_SUBJECT_FRONT_MATTER_KEY, entry->key,
                                    entry->value_span.start, entry->value_span.end, NULL,
                                    _("The publish date %s is in the future: the site will not "
                                      "show the post before then"),
                                    when);
        }
      return;
    }
}

void
byline_rule_fm_social_image (BylineLintContext *ctx)
{
  const BylineFrontMatterEntry *entry = scalar_entry (ctx, "social_image");
  g_autofree char *name = NULL;
  const char *suggestion;

  if (entry == NULL || ctx->bundle == NULL || entry->value[0] == '\0')
    return;

  name = byline_lint_bundle_name (entry->value);
  if (name == NULL)
    {
      if (byline_bundle_classify_link (entry->value, NULL) == BYLINE_LINK_BUNDLE)
        byline_lint_report_about (ctx, BYLINE_SUBJECT_FRONT_MATTER_KEY, entry->key,
                                  entry->value_span.start, entry->value_span.end, NULL,
                                  _("social_image must name a file in the post’s folder, "
                                    "such as social.png"));
      return;
    }
  if (byline_bundle_has_file (ctx->bundle, name))
    return;

  suggestion = byline_lint_did_you_mean (name, byline_bundle_get_files (ctx->bundle));
  if (suggestion != NULL)
    byline_lint_report_about (ctx, BYLINE_SUBJECT_FRONT_MATTER_KEY, entry->key,
                              entry->value_span.start, entry->value_span.end, NULL,
                              _("social_image “%s” is not in the post’s folder; did you "
                                "mean “%s”?"),
                              name, suggestion);
  else
    byline_lint_report_about (ctx, BYLINE_SUBJECT_FRONT_MATTER_KEY, entry->key,
                              entry->value_span.start, entry->value_span.end, NULL,
                              _("social_image “%s” is not in the post’s folder: add the file "
                                "or fix the name"),
                              name);
}
