/* byline-shortcode.h — Hugo shortcode calls: tokenizer and pairing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "byline-text.h"

G_BEGIN_DECLS

typedef enum
{
  BYLINE_SHORTCODE_ANGLE,     /* {{< … >}}: inner text is passed on as is */
  BYLINE_SHORTCODE_PERCENT,   /* {{% … %}}: inner text is Markdown */
} BylineShortcodeDelim;

typedef enum
{
  BYLINE_SHORTCODE_OPEN,          /* {{< name … >}}, paired or standalone */
  BYLINE_SHORTCODE_CLOSE,         /* {{< /name >}} */
  BYLINE_SHORTCODE_SELF_CLOSING,  /* {{< name … />}} */
  BYLINE_SHORTCODE_ESCAPED,       /* a call written as a Go comment inside the delimiters: literal text */
} BylineShortcodeKind;

typedef enum
{
  BYLINE_PARAM_BARE,
  BYLINE_PARAM_DOUBLE_QUOTED,  /* "…" with \" and \\ escapes */
  BYLINE_PARAM_RAW,            /* `…`, may span lines, no escapes */
} BylineParamQuote;

typedef struct
{
  char             *name;        /* NULL for a positional parameter */
  char             *value;       /* unquoted and unescaped */
  BylineParamQuote  quote;
  BylineSpan        span;        /* name="value" as written */
  BylineSpan        value_span;  /* the value, quotes included */
} BylineShortcodeParam;

typedef struct
{
  /* Without a leading / for closes; for an ESCAPED call, the first word
   * between the comment marks ("" when there is none). */
  char                 *name;
  BylineShortcodeKind   kind;
  BylineShortcodeDelim  delim;
  GPtrArray            *params;     /* of BylineShortcodeParam; empty for ESCAPED */
  BylineSpan            span;       /* {{< … >}} */
  BylineSpan            name_span;
  /* Pairing, as indexes into the list's calls; -1 when none. For an OPEN
   * with a matching CLOSE (and for that CLOSE), inner is the text between
   * them; for an ESCAPED call it is the text between the comment marks.
   * Otherwise inner is all zero. */
  int                   pair;
  int                   parent;     /* innermost paired call that encloses this one */
  BylineSpan            inner;
} BylineShortcode;

typedef enum
{
  BYLINE_SHORTCODE_PROBLEM_UNTERMINATED,  /* {{< without >}} */
  BYLINE_SHORTCODE_PROBLEM_STRAY_CLOSE,   /* {{< /x >}} with no open x */
  BYLINE_SHORTCODE_PROBLEM_BAD_QUOTING,   /* an unclosed "… or `… */
  BYLINE_SHORTCODE_PROBLEM_MISMATCHED,    /* {{< x >}} closed with {{% /x %}} */
  BYLINE_SHORTCODE_PROBLEM_NO_NAME,       /* {{< >}} */
  BYLINE_SHORTCODE_PROBLEM_MIXED_PARAMS,  /* {{< x a="1" "2" >}}: Hugo rejects it */
  BYLINE_SHORTCODE_PROBLEM_BAD_PARAM,     /* {{< x ="1" >}}, {{< /x a >}} */
} BylineShortcodeProblemKind;

typedef struct
{
  BylineShortcodeProblemKind kind;
  BylineSpan                 span;
  char                      *message;  /* translated, names what is wrong */
} BylineShortcodeProblem;

typedef struct
{
  GPtrArray *calls;     /* of BylineShortcode, in source order */
  GPtrArray *problems;  /* of BylineShortcodeProblem, in source order */
} BylineShortcodeList;

/* Tokenizes [start, end) of @text (the whole post text, so spans are in post
 * coordinates) and pairs opens with closes. An OPEN without a CLOSE is left
 * standalone (pair == -1): whether that is an error depends on the profile.
 * A close pairs with the innermost open call of its name; opens passed over
 * on the way stay standalone. Calls with a problem that leaves their extent
 * unknown (unterminated, bad quoting, no name) are not in calls; scanning
 * goes on after them. @lines may be NULL. Runs in time linear in the text,
 * whatever the input.
 */
BylineShortcodeList        *byline_shortcode_scan       (const char            *text,
                                                         gsize                  start,
                                                         gsize                  end,
                                                         const BylineLineIndex *lines);
void                        byline_shortcode_list_free  (BylineShortcodeList   *self);

/* A named parameter, or a positional one by index (name NULL). */
const BylineShortcodeParam *byline_shortcode_get_param  (const BylineShortcode *self,
                                                         const char            *name);
const BylineShortcodeParam *byline_shortcode_get_nth    (const BylineShortcode *self,
                                                         guint                  position);

/* Appends " name=\"value\"", or " \"value\"" when @name is NULL, quoted
 * so that byline_shortcode_scan() and Hugo both read back @value. */
void                        byline_shortcode_append_param (GString             *out,
                                                           const char          *name,
                                                           const char          *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineShortcodeList, byline_shortcode_list_free)

G_END_DECLS
