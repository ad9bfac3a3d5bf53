/* fuzz-front-matter.c — the YAML front matter's parser and its edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a post, optionally followed by values after NUL bytes:
 *
 *   POST [\0 VALUE]…
 *
 * When the post's front matter parses, every kind of edit is tried on its
 * first keys and on new ones, with the values of the input and a few hard
 * ones, and each edit must keep the oracle:
 *
 *   - the patch changes only the edited key's own lines: every byte before
 *     the first line of the entry and after its last line stays as it was
 *     (an inserted key only adds whole lines);
 *   - the edited post still parses, and reading the key back gives exactly
 *     what was written, a set string as that string, a set list as that list;
 *   - every other key is still there, in the same order, written the same.
 *
 * An edit may only be refused when byline_front_matter_can_edit() says why.
 * The form's fields (byline-field.c) of the built-in profile edit the same
 * keys through these functions: their patches must keep the front matter
 * readable and every other key intact too, their errors be UTF-8.
 */

#include "config.h"

#include "fuzz-common.h"

#include "byline-field.h"
#include "byline-front-matter.h"
#include "byline-profile.h"

#define MAX_ENTRIES 4
#define MAX_VALUES 3

typedef enum
{
  OP_SET_STRING,
  OP_SET_PLAIN,
  OP_SET_STRV,
  OP_REMOVE,
} Op;

typedef struct
{
  const char         *text;      /* the post, NUL-terminated */
  gsize               length;
  BylinePostLayout    layout;
  BylineFrontMatter  *fm;
} Post;

static const char * const hard_values[] = {
  "",
  "a: b # c",
  "x\ny\r\nz\rw\xC2\x85v\xE2\x80\xA8u",
  "\xC2\x87 \x01\t\xEF\xBB\xBF\xEF\xBF\xBE",
  "a:?",
  "- [&*!|>'\"%@`,]{}",
  " lead and trail ",
  "line\n",
  "null",
  NULL
};

/* Plain scalars as the typed fields write them. */
static const char * const plain_values[] = { "true", "2030-01-02", "1.10", NULL };

static gboolean
is_break_at (const char *text,
             gsize       p,
             gsize       end,
             gsize      *length)
{
  gsize n = 0;

  if (text[p] == '\n')
    n = 1;
  else if (text[p] == '\r')
    n = p + 1 < end && text[p + 1] == '\n' ? 2 : 1;
  else if (p + 1 < end && (guchar) text[p] == 0xC2 && (guchar) text[p + 1] == 0x85)
    n = 2;
  else if (p + 2 < end && (guchar) text[p] == 0xE2 && (guchar) text[p + 1] == 0x80 &&
           ((guchar) text[p + 2] == 0xA8 || (guchar) text[p + 2] == 0xA9))
    n = 3;

  if (length != NULL)
    *length = n;
  return n > 0;
}

/* Whether @offset begins a line as YAML reads the text. */
static gboolean
at_line_start (const Post *post,
               gsize       offset)
{
  if (offset == post->layout.yaml_start)
    return TRUE;
  for (gsize p = offset > 3 ? offset - 3 : 0; p < offset; p++)
    {
      gsize n;

      if (p >= post->layout.yaml_start && is_break_at (post->text, p, post->length, &n) &&
          p + n == offset)
        return TRUE;
    }
  return FALSE;
}

/* The region an edit of @entry may change: from the start of the YAML line
 * of its key to past the line break ending the line where its value ends,
 * found here without the parser's own notion of lines. */
static gboolean
only_blanks (const char *text,
             gsize       start,
             gsize       end)
{
  for (gsize p = start; p < end; p++)
    if (text[p] != ' ' && text[p] != '\t')
      return FALSE;
  return TRUE;
}

static void
own_lines (const Post                   *post,
           const BylineFrontMatterEntry *entry,
           gsize                        *start,
           gsize                        *end)
{
  gsize p = entry->key_span.start;
  gsize q = MAX (entry->key_span.end, entry->value_span.end);

  while (p > post->layout.yaml_start && !at_line_start (post, p))
    p--;
  *start = p;

  /* The "?" of an explicit key alone on a line above the key is the
   * entry's too. */
  if (only_blanks (post->text, p, entry->key_span.start))
    {
      gsize k = p;

      while (k > post->layout.yaml_start && strchr (" \t\r\n", post->text[k - 1]) != NULL)
        k--;
      if (k > post->layout.yaml_start && k < p && post->text[k - 1] == '?')
        {
          gsize r = k - 1;

          while (r > post->layout.yaml_start && !at_line_start (post, r))
            r--;
          if (only_blanks (post->text, r, k - 1))
            *start = r;
        }
    }

  for (; q < post->layout.yaml_end; q++)
    {
      gsize n;

      if (is_break_at (post->text, q, post->layout.yaml_end, &n))
        {
          q += n;
          break;
        }
    }
  *end = MIN (q, post->layout.yaml_end);
}

static BylineFrontMatter *
parse (const char       *text,
       gsize             length,
       BylinePostLayout *layout,
       GError          **error)
{
  if (!byline_post_layout_parse (layout, text, length, error))
    return NULL;
  return byline_front_matter_parse (text, layout, NULL, error);
}

static int
find_entry (BylineFrontMatter *fm,
            const char        *key)
{
  for (guint i = 0; i < byline_front_matter_get_n_entries (fm); i++)
    if (g_strcmp0 (byline_front_matter_get_entry (fm, i)->key, key) == 0)
      return (int) i;
  return -1;
}

static gboolean
same_entry (const BylineFrontMatterEntry *a,
            const BylineFrontMatterEntry *b)
{
  return g_strcmp0 (a->key, b->key) == 0 && g_strcmp0 (a->raw, b->raw) == 0 &&
         a->kind == b->kind;
}

static const char *
op_name (Op op)
{
  static const char * const names[] = { "set_string", "set_plain", "set_strv", "remove" };

  return names[op];
}

/* Every entry of @before but the one at @index is in @after, in the same
 * order, written the same; @after's entry at @new_index (-1: none) is the
 * edited one. */
static void
check_others (BylineFrontMatter *before,
              BylineFrontMatter *after,
              int                index,
              int                new_index,
              const char        *edited,
              const char        *what,
              const char        *key)
{
  guint n = byline_front_matter_get_n_entries (before);
  guint n_after = byline_front_matter_get_n_entries (after);

  FUZZ_CHECK (n_after == n - (index >= 0 ? 1 : 0) + (new_index >= 0 ? 1 : 0),
              "%s of “%s” leaves %u keys of %u\n%s", what, key, n_after, n, edited);
  for (guint i = 0, j = 0; i < n; i++, j++)
    {
      if ((int) j == new_index)
        j++;
      if ((int) i == index)
        {
          j--;
          continue;
        }
      FUZZ_CHECK (same_entry (byline_front_matter_get_entry (before, i),
                              byline_front_matter_get_entry (after, j)),
                  "%s of “%s” changes “%s”\n%s", what, key,
                  byline_front_matter_get_entry (before, i)->key, edited);
    }
}

static void
check_edit (const Post         *post,
            Op                  op,
            const char         *key,
            const char         *value,
            const char * const *values)
{
  g_autoptr(BylineTextPatch) patch = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(BylineFrontMatter) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) refusal = NULL;
  BylinePostLayout layout;
  const BylineFrontMatterEntry *entry;
  int index = find_entry (post->fm, key);
  int new_index;
  gboolean can;

  entry = index >= 0 ? byline_front_matter_get_entry (post->fm, index) : NULL;

  switch (op)
    {
    case OP_SET_STRING:
      patch = byline_front_matter_set_string (post->fm, key, value, NULL);
      break;
    case OP_SET_PLAIN:
      patch = byline_front_matter_set_plain (post->fm, key, value, NULL);
      break;
    case OP_SET_STRV:
      patch = byline_front_matter_set_strv (post->fm, key, values, NULL);
      break;
    case OP_REMOVE:
    default:
      patch = byline_front_matter_remove (post->fm, key);
      break;
    }

  can = byline_front_matter_can_edit (post->fm, key, op == OP_REMOVE, &refusal);
  if (patch == NULL)
    {
      if (op == OP_REMOVE && entry == NULL)
        return;
      FUZZ_CHECK (!can, "%s of “%s” gave no patch, and can_edit() has no reason",
                  op_name (op), key);
      fuzz_check_utf8 ("the refusal", refusal->message, -1);
      return;
    }
  FUZZ_CHECK (can, "%s of “%s” gave a patch, but can_edit() refuses: %s", op_name (op), key,
              refusal->message);

  fuzz_check_utf8 ("the patch", patch->text, -1);
  FUZZ_CHECK (patch->offset >= post->layout.yaml_start &&
              patch->offset + patch->length <= post->layout.yaml_end,
              "%s of “%s”: the patch %" G_GSIZE_FORMAT "+%" G_GSIZE_FORMAT
              " is not inside the YAML", op_name (op), key, patch->offset, patch->length);

  if (entry != NULL)
    {
      gsize start, end;

      own_lines (post, entry, &start, &end);
      FUZZ_CHECK (patch->offset >= start && patch->offset + patch->length <= end,
                  "%s of “%s”: the patch %" G_GSIZE_FORMAT "+%" G_GSIZE_FORMAT
                  " reaches outside the key's lines %" G_GSIZE_FORMAT "–%" G_GSIZE_FORMAT,
                  op_name (op), key, patch->offset, patch->length, start, end);
    }
  else
    {
      FUZZ_CHECK (patch->length == 0, "inserting “%s” replaces text", key);
      FUZZ_CHECK (at_line_start (post, patch->offset) || patch->offset == post->layout.yaml_end,
                  "inserting “%s” at %" G_GSIZE_FORMAT ", inside a line", key, patch->offset);
    }

  edited = g_string_new_len (post->text, post->length);
  byline_text_patch_apply (patch, edited);
  after = parse (edited->str, edited->len, &layout, &error);
  FUZZ_CHECK (after != NULL, "%s of “%s” breaks the front matter: %s\n%s",
              op_name (op), key, error->message, edited->str);
  FUZZ_CHECK (edited->len - layout.body_start == post->length - post->layout.body_start,
              "%s of “%s” moves the body", op_name (op), key);

  /* The key reads back as written. */
  new_index = find_entry (after, key);
  if (op != OP_REMOVE)
    {
      const BylineFrontMatterEntry *written;

      FUZZ_CHECK (new_index >= 0, "%s of “%s”: the key is gone\n%s", op_name (op), key,
                  edited->str);
      if (entry != NULL)
        FUZZ_CHECK (new_index == index, "%s of “%s” moves the key", op_name (op), key);
      written = byline_front_matter_get_entry (after, new_index);

      if (op == OP_SET_STRING)
        FUZZ_CHECK (written->kind == BYLINE_VALUE_SCALAR && g_strcmp0 (written->value, value) == 0,
                    "set_string of “%s” to “%s” reads back as “%s”\n%s", key, value,
                    written->value != NULL ? written->value : "(not a scalar)", edited->str);
      else if (op == OP_SET_PLAIN)
        FUZZ_CHECK (g_strcmp0 (written->raw, value) == 0,
                    "set_plain of “%s” to “%s” reads back as “%s”\n%s", key, value, written->raw,
                    edited->str);
      else
        {
          g_auto(GStrv) items = byline_front_matter_get_strv (after, key);

          FUZZ_CHECK (items != NULL && g_strv_equal ((const char * const *) items, values),
                      "set_strv of “%s” does not read back\n%s", key, edited->str);
        }
    }

  check_others (post->fm, after, index, op == OP_REMOVE ? -1 : new_index, edited->str,
                op_name (op), key);
}

static void
check_key (const Post         *post,
           const char         *key,
           const char * const *values)
{
  g_autoptr(GPtrArray) some = g_ptr_array_new ();

  for (guint i = 0; values[i] != NULL; i++)
    check_edit (post, OP_SET_STRING, key, values[i], NULL);
  for (guint i = 0; plain_values[i] != NULL; i++)
    check_edit (post, OP_SET_PLAIN, key, plain_values[i], NULL);

  /* Lists: empty, one item, all the values. */
  g_ptr_array_add (some, NULL);
  check_edit (post, OP_SET_STRV, key, NULL, (const char * const *) some->pdata);
  g_ptr_array_insert (some, 0, (gpointer) values[0]);
  check_edit (post, OP_SET_STRV, key, NULL, (const char * const *) some->pdata);
  check_edit (post, OP_SET_STRV, key, NULL, values);

  check_edit (post, OP_REMOVE, key, NULL, NULL);
}

/* Sets @spec's field of the built-in profile as the form does. */
static void
check_field (const Post            *post,
             BylineProfile         *profile,
             const BylineFieldSpec *spec,
             const char            *text,
             const char * const    *values)
{
  const char * const *order = byline_profile_get_field_order (profile);
  g_autoptr(BylineTextPatch) patch = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(BylineFrontMatter) after = NULL;
  BylinePostLayout layout;
  BylineFieldEdit edit;
  int index = find_entry (post->fm, spec->key);

  if (spec->type == BYLINE_FIELD_STRING_LIST)
    patch = byline_field_set_strv (spec, post->fm, values, order, &edit);
  else if (spec->type == BYLINE_FIELD_BOOL)
    patch = byline_field_set_bool (spec, post->fm, text[0] != '\0', order, &edit);
  else
    patch = byline_field_set_text (spec, post->fm, text, order, &edit, &error);

  if (patch == NULL)
    {
      FUZZ_CHECK (edit == BYLINE_FIELD_EDIT_NONE, "the field “%s” gives no patch for an edit",
                  spec->key);
      if (error != NULL)
        fuzz_check_utf8 ("a field's error", error->message, -1);
      return;
    }
  FUZZ_CHECK (error == NULL, "the field “%s” gives a patch and an error", spec->key);

  edited = g_string_new_len (post->text, post->length);
  byline_text_patch_apply (patch, edited);
  after = parse (edited->str, edited->len, &layout, &error);
  FUZZ_CHECK (after != NULL, "the field “%s” breaks the front matter: %s\n%s", spec->key,
              error->message, edited->str);
  check_others (post->fm, after, index,
                edit == BYLINE_FIELD_EDIT_REMOVE ? -1 : find_entry (after, spec->key),
                edited->str, "the field", spec->key);
}

static void
check_fields (const Post         *post,
              const char * const *values)
{
  static BylineProfile *profile;
  gboolean absent_tried = FALSE;

  if (profile == NULL)
    profile = byline_profile_new_builtin ();

  /* The fields of keys the post has, and one it has not. */
  for (guint i = 0; i < byline_profile_get_n_fields (profile); i++)
    {
      const BylineFieldSpec *spec = byline_profile_get_field (profile, i);
      gboolean present = find_entry (post->fm, spec->key) >= 0;
      static const char * const typed[] = { "", "2030-01-02", "1.10", "3", NULL };

      if (!present && absent_tried)
        continue;
      absent_tried |= !present;

      for (guint j = 0; typed[j] != NULL; j++)
        check_field (post, profile, spec, typed[j], values + (j % 2));
      check_field (post, profile, spec, values[0], values);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *input = NULL;
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GPtrArray) all_values = g_ptr_array_new ();
  g_autoptr(BylineFrontMatter) fm = NULL;
  Post post = { 0, };
  gsize text_length;
  guint n;

  fuzz_init ();

  /* The post ends at the first NUL; the values follow, one per NUL. */
  input = fuzz_dup (data, size);
  text_length = strlen (input);
  for (gsize p = text_length; p < size && values->len < MAX_VALUES; p += strlen (input + p + 1) + 1)
    if (g_utf8_validate (input + p + 1, -1, NULL))
      g_ptr_array_add (values, input + p + 1);

  if (!byline_post_layout_parse (&post.layout, input, text_length, NULL))
    return 0;
  fm = byline_front_matter_parse (input, &post.layout, NULL, NULL);
  if (fm == NULL)
    return 0;

  post.text = input;
  post.length = text_length;
  post.fm = fm;

  g_ptr_array_extend (all_values, values, NULL, NULL);
  for (guint i = 0; hard_values[i] != NULL; i++)
    g_ptr_array_add (all_values, (gpointer) hard_values[i]);
  g_ptr_array_add (all_values, NULL);

  n = MIN (byline_front_matter_get_n_entries (fm), MAX_ENTRIES);
  for (guint i = 0; i < n; i++)
    {
      const char *key = byline_front_matter_get_entry (fm, i)->key;

      /* Only a key the lookups can find is one a caller can edit. */
      if (find_entry (fm, key) == (int) i)
        check_key (&post, key, (const char * const *) all_values->pdata);
    }

  check_fields (&post, (const char * const *) all_values->pdata);

  /* New keys: a usual one, and the input's own. */
  if (find_entry (fm, "newkey") < 0)
    check_key (&post, "newkey", (const char * const *) all_values->pdata);
  for (guint i = 0; i < values->len; i++)
    if (find_entry (fm, values->pdata[i]) < 0 && ((char *) values->pdata[i])[0] != '\0')
      check_edit (&post, OP_SET_STRING, values->pdata[i], "v", NULL);

  return 0;
}
