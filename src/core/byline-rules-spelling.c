/* byline-rules-spelling.c — spelling/unknown-word
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule runs only when the linter has a spell checker (byline-cli check
 * --spelling, or a profile that switches the rule on): a checker holds a
 * dictionary and the site's word lists, which are loaded once per site and
 * language, not per post.
 */

#define G_LOG_DOMAIN "byline-linter"

#include "config.h"

#include "byline-linter-private.h"
#include "byline-spell-lists.h"
#include "byline-spell-prose.h"

#include <glib/gi18n-lib.h>

/* The ranges go to the checker as pairs of offsets. */
G_STATIC_ASSERT (sizeof (BylineProseRange) == 2 * sizeof (gsize));

typedef struct
{
  BylineBody *body;
  cmark_node *document;
} Locator;

/* cmark-gfm's lines and byte columns of one of the body's trees. */
static gsize
locate_cb (gpointer data,
           int      line,
           int      column)
{
  Locator *locator = data;

  return byline_body_get_offset (locator->body, locator->document, line, column);
}

static GHashTable *
words_of_post (BylineLintContext *ctx)
{
  GHashTable *words = byline_spell_post_words (ctx->text, ctx->length, ctx->front_matter);
  GFile *post_file = ctx->bundle != NULL ? byline_bundle_get_post_file (ctx->bundle) : NULL;
  g_autofree char *path = post_file != NULL ? g_file_get_path (post_file) : NULL;
  GHashTable *listed = path != NULL ? byline_spell_checker_get_file_words (ctx->spell_checker, path)
                                    : NULL;

  if (listed != NULL)
    {
      GHashTableIter iter;
      gpointer word;

      g_hash_table_iter_init (&iter, listed);
      while (g_hash_table_iter_next (&iter, &word, NULL))
        g_hash_table_add (words, g_strdup (word));
    }
  return words;
}

void
byline_rule_spelling_unknown_word (BylineLintContext *ctx)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (BylineProseRange));
  g_autoptr(GArray) misspellings = g_array_new (FALSE, FALSE, sizeof (BylineMisspelling));
  g_autoptr(GHashTable) post_words = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  BylineSourceMap map = { 0 };
  Locator locator = { 0 };

  if (ctx->spell_checker == NULL || ctx->body == NULL)
    return;

  /* The trees hold placeholders where the calls are; the literals of their
   * text nodes are found in the post's text itself. */
  map.text = ctx->text;
  map.length = ctx->length;
  map.parsed = ctx->text;
  map.parsed_start = 0;
  map.parsed_length = ctx->length;
  map.hidden = ctx->mask;
  /* Not BYLINE_MASK_CODE: text nodes never hold code spans, and their marks
   * are placed less exactly than the text nodes themselves. */
  map.hidden_flags = BYLINE_MASK_CALL | BYLINE_MASK_VERBATIM;
  map.locate = locate_cb;
  map.data = &locator;

  locator.body = ctx->body;
  documents = byline_body_get_linted_documents (ctx->body);
  for (guint i = 0; i < documents->len; i++)
    {
      locator.document = g_ptr_array_index (documents, i);
      byline_spell_prose_collect_body (locator.document, &map, ranges);
    }
  byline_spell_prose_collect_front_matter (ctx->text, ctx->front_matter, ctx->profile, ranges);
  byline_spell_prose_collect_shortcodes (ctx->text, ctx->shortcodes, ranges);
  byline_spell_prose_normalize (ranges);

  post_words = words_of_post (ctx);
  byline_spell_checker_check_ranges (ctx->spell_checker, ctx->text,
                                     (const gsize *) (gpointer) ranges->data, ranges->len,
                                     post_words, misspellings);

  /* No suggestions here: Enchant's cost milliseconds a word, and a site has
   * many words no dictionary knows. The editor's menu asks for them, and
   * only for the word under the pointer. */
  for (guint i = 0; i < misspellings->len; i++)
    {
      const BylineMisspelling *m = &g_array_index (misspellings, BylineMisspelling, i);
      g_autofree char *word = g_strndup (ctx->text + m->start, m->end - m->start);

      byline_lint_report (ctx, m->start, m->end, NULL,
                          _("Unknown word “%s”: check its spelling, or add it to the "
                            "site’s word list"),
                          word);
    }
}
