/* byline-linter-private.h — what the rule families share with the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-linter.h"
#include "byline-shortcode-catalog.h"
#include "byline-renderer-private.h"
#include "byline-table-limit.h"

G_BEGIN_DECLS

/* Flags of each byte of the post text in BylineLintContext.mask. */
enum
{
  BYLINE_MASK_CALL = 1 << 0,  /* inside a shortcode call's own {{< … >}} */
  BYLINE_MASK_CODE = 1 << 1,  /* code: text bodies, code blocks, code spans */
  BYLINE_MASK_VERBATIM = 1 << 2,  /* inner text of a shortcode shown as written (text) */
};

typedef struct _BylineLintContext BylineLintContext;
typedef struct _BylineRule BylineRule;

typedef void (*BylineRuleFunc) (BylineLintContext *ctx);

struct _BylineRule
{
  BylineRuleInfo info;
  BylineRuleFunc func;
};

struct _BylineLintContext
{
  BylineProfile             *profile;
  BylineSite                *site;          /* nullable */
  BylineBundle              *bundle;        /* nullable */
  GDateTime                 *now;
  BylinePost                *post;
  const char                *text;
  gsize                      length;
  const BylineLineIndex     *lines;
  const BylinePostLayout    *layout;
  BylineFrontMatter         *front_matter;  /* nullable */
  const BylineShortcodeList *shortcodes;
  BylineSpellChecker        *spell_checker; /* nullable: spelling is not checked */
  BylineShortcodeCatalog    *catalog;       /* made by the first rule that needs it */

  /* The rule that runs, and the severity the profile gives it. */
  const BylineRule          *rule;
  BylineSeverity             severity;
  GPtrArray                 *diagnostics;

  /* The body, parsed once for the analysis (byline-body.h), its facts,
   * and what the rules work out from it before they run. */
  BylineBody                *body;
  GArray                    *links;         /* of BylineBodyLink: body->links */
  guint8                    *mask;          /* per byte of text */
  GHashTable                *references;    /* bundle file name → first BylineSpan* */
};

/* Reports a finding of the running rule over [start, end) of the post text.
 * @fix (transfer full, nullable). */
void     byline_lint_report          (BylineLintContext *ctx,
                                      gsize              start,
                                      gsize              end,
                                      BylineTextPatch   *fix,
                                      const char        *format,
                                      ...) G_GNUC_PRINTF (5, 6);
/* The same, for a finding about @subject: a front-matter key or a parameter
 * of the shortcode call the span lies in. */
void     byline_lint_report_about    (BylineLintContext *ctx,
                                      BylineSubjectKind  kind,
                                      const char        *subject,
                                      gsize              start,
                                      gsize              end,
                                      BylineTextPatch   *fix,
                                      const char        *format,
                                      ...) G_GNUC_PRINTF (7, 8);
/* Gives the finding reported last a fix on a file (transfer full). */
void     byline_lint_attach_file_fix (BylineLintContext *ctx,
                                      BylineFileFix     *fix);
/* Byte offset in the post text of a block node's first line and column. */
gsize    byline_lint_node_offset     (BylineLintContext *ctx,
                                      cmark_node        *node);
/* Byte offset of the end of a block node's last line (before its newline). */
gsize    byline_lint_node_end        (BylineLintContext *ctx,
                                      cmark_node        *node);
/* Records that the post refers to a bundle file at [start, end). */
void     byline_lint_add_reference   (BylineLintContext *ctx,
                                      const char        *name,
                                      gsize              start,
                                      gsize              end);
/* The name of a bundle file that @link points at, or NULL for any other
 * target (sites, other pages, anchors). */
char    *byline_lint_bundle_name     (const char        *link);
/* The close match of @word among @candidates (edit distance at most 2, or
 * equal but for case), or NULL. */
const char *byline_lint_did_you_mean (const char        *word,
                                      const char * const *candidates);
gboolean byline_lint_is_masked       (BylineLintContext *ctx,
                                      gsize              start,
                                      gsize              end,
                                      guint8             flags);

/* What the rules work out from the body (byline-rules-markdown.c): the
 * mask of calls and code, and the bundle files the post refers to. */
void     byline_lint_analyse_body    (BylineLintContext *ctx);
void     byline_lint_clear_body      (BylineLintContext *ctx);

/* Front matter (byline-rules-front-matter.c). */
void byline_rule_encoding               (BylineLintContext *ctx);
void byline_rule_fm_unterminated        (BylineLintContext *ctx);
void byline_rule_fm_syntax              (BylineLintContext *ctx);
void byline_rule_fm_duplicate_key       (BylineLintContext *ctx);
void byline_rule_fm_required            (BylineLintContext *ctx);
void byline_rule_fm_recommended         (BylineLintContext *ctx);
void byline_rule_fm_type                (BylineLintContext *ctx);
void byline_rule_fm_unknown_key         (BylineLintContext *ctx);
void byline_rule_fm_description_period  (BylineLintContext *ctx);
void byline_rule_fm_description_length  (BylineLintContext *ctx);
void byline_rule_fm_target_release      (BylineLintContext *ctx);
void byline_rule_fm_draft               (BylineLintContext *ctx);
void byline_rule_fm_future_date         (BylineLintContext *ctx);
void byline_rule_fm_social_image        (BylineLintContext *ctx);

/* Shortcodes (byline-rules-shortcodes.c). */
void byline_rule_sc_unterminated        (BylineLintContext *ctx);
void byline_rule_sc_syntax              (BylineLintContext *ctx);
void byline_rule_sc_stray_close         (BylineLintContext *ctx);
void byline_rule_sc_unclosed            (BylineLintContext *ctx);
void byline_rule_sc_unknown             (BylineLintContext *ctx);
void byline_rule_sc_missing_param       (BylineLintContext *ctx);
void byline_rule_sc_unknown_param       (BylineLintContext *ctx);
void byline_rule_sc_parent              (BylineLintContext *ctx);

/* Hugo's own shortcodes that fail the build (byline-rules-hugo-shortcodes.c). */
void byline_rule_sc_param_not_found     (BylineLintContext *ctx);
void byline_rule_link_ref_not_found     (BylineLintContext *ctx);

/* Parameters of the site's shortcode templates (byline-rules-shortcode-params.c). */
void byline_rule_sc_template_param      (BylineLintContext *ctx);
void byline_rule_sc_template_required   (BylineLintContext *ctx);
void byline_rule_sc_single_line         (BylineLintContext *ctx);
void byline_rule_image_missing_file     (BylineLintContext *ctx);
void byline_rule_image_caption_period   (BylineLintContext *ctx);
void byline_rule_image_external_ratio   (BylineLintContext *ctx);
void byline_rule_image_missing_alt      (BylineLintContext *ctx);
void byline_rule_image_width            (BylineLintContext *ctx);
void byline_rule_text_missing_syntax    (BylineLintContext *ctx);
void byline_rule_text_bash_prompt       (BylineLintContext *ctx);

/* Markdown (byline-rules-markdown.c). */
void byline_rule_md_fenced_code         (BylineLintContext *ctx);
void byline_rule_md_h1                  (BylineLintContext *ctx);
void byline_rule_md_heading_skip        (BylineLintContext *ctx);
void byline_rule_md_curly_quote         (BylineLintContext *ctx);
void byline_rule_md_blockquote          (BylineLintContext *ctx);
void byline_rule_md_trailing_space      (BylineLintContext *ctx);
void byline_rule_md_hard_tab            (BylineLintContext *ctx);
void byline_rule_md_large_table         (BylineLintContext *ctx);

/* Links (byline-rules-links.c). */
void byline_rule_link_site_domain       (BylineLintContext *ctx);
void byline_rule_link_github            (BylineLintContext *ctx);
void byline_rule_link_empty             (BylineLintContext *ctx);
void byline_rule_link_missing_file      (BylineLintContext *ctx);
void byline_rule_link_site_path_missing (BylineLintContext *ctx);
void byline_rule_link_site_path_unchecked (BylineLintContext *ctx);

/* Bundle (byline-rules-bundle.c). */
void byline_rule_bundle_unreferenced    (BylineLintContext *ctx);
void byline_rule_bundle_large_image     (BylineLintContext *ctx);
void byline_rule_bundle_photo_location  (BylineLintContext *ctx);

/* Spelling (byline-rules-spelling.c). */
void byline_rule_spelling_unknown_word  (BylineLintContext *ctx);

/* The site's own files (byline-rules-site.c). */
void byline_rule_site_config_unreadable (BylineLintContext *ctx);
void byline_rule_site_component_missing (BylineLintContext *ctx);

G_END_DECLS
