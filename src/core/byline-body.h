/* byline-body.h — a post's body, parsed once by cmark-gfm
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one Markdown parse of an analysis: the preview renders it, the rules
 * read it, and later analyses (outline, spelling, statistics) walk it.
 *
 * Hugo replaces each shortcode call, with everything up to its closing tag,
 * by a placeholder before Goldmark sees the page; so does Byline. The body's
 * tree (byline_body_get_document()) is the body as cmark-gfm parsed it with
 * each call standing as one placeholder word (byline_body_find_placeholder()
 * says which call). The inner text of a paired call whose inner text is
 * Markdown has a tree of its own (byline_body_get_inner_document()).
 *
 * The trees were adjusted for rendering while the body was built (a block
 * shortcode alone on its lines has left its paragraph and stands as an HTML
 * block of its placeholders; link targets of the bundle are resolved against
 * the base URI; footnote definitions are in a document of their own), and
 * never change afterwards: a BylineBody is immutable and may be read, and
 * its trees rendered, from several threads at once. Positions in the trees
 * are cmark's (1-based lines and byte columns of the text it parsed);
 * byline_body_get_offset() maps them back to offsets in the post's text.
 */

#pragma once

#include <cmark-gfm.h>
#include <glib-object.h>

#include "byline-text.h"

G_BEGIN_DECLS

typedef struct _BylineBody BylineBody;

/* A heading of the body (or of a shortcode's Markdown inner text). */
typedef struct
{
  guint       level;   /* 1 … 6 */
  char       *text;    /* its plain text; a call stands as its text as written */
  BylineSpan  span;    /* the heading's line(s) in the post, markup included */
  cmark_node *node;
} BylineHeading;

#define BYLINE_TYPE_BODY (byline_body_get_type ())

GType              byline_body_get_type           (void) G_GNUC_CONST;
BylineBody        *byline_body_ref                (BylineBody  *self);
void               byline_body_unref              (BylineBody  *self);

/* The body's tree; NULL for a post that is not UTF-8 text. */
cmark_node        *byline_body_get_document       (BylineBody  *self);
/* The tree of the Markdown inner text of the paired call at @call (an index
 * into the post's shortcode calls), or NULL when its inner text is not
 * Markdown or nests too deep to be rendered. */
cmark_node        *byline_body_get_inner_document (BylineBody  *self,
                                                   guint        call);
/* The offset in the post's text of cmark's (@line, @column) in the tree
 * that holds @node (the body's or an inner text's). For an inline node in
 * a paragraph's later line, the indentation cmark leaves out of its
 * columns is counted back in. */
gsize              byline_body_get_offset         (BylineBody  *self,
                                                   cmark_node  *node,
                                                   int          line,
                                                   int          column);
/* The trees the rules read: the body's and those of the inner texts Hugo
 * reads as Markdown (of cmark_node *, the body's first; free the array
 * only). */
GPtrArray         *byline_body_get_linted_documents (BylineBody *self);
/* byline_body_get_offset() of @node's start. */
gsize              byline_body_get_node_start     (BylineBody  *self,
                                                   cmark_node  *node);
/* Whether @text (at most @length bytes) starts with a placeholder: which
 * call it stands for (an index into the post's shortcode calls, the paired
 * call's opening one) and how long it is. */
gboolean           byline_body_find_placeholder   (BylineBody  *self,
                                                   cmark_node  *node,
                                                   const char  *text,
                                                   gsize        length,
                                                   guint       *call,
                                                   gsize       *placeholder_length);

/* The headings of the body and of the Markdown inner texts, in post order
 * (of BylineHeading). */
GPtrArray         *byline_body_get_headings       (BylineBody  *self);
/* Words of the body's text as cmark-gfm reads it (text and code; shortcode
 * calls are not counted), split at white space. */
guint              byline_body_get_word_count     (BylineBody  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineBody, byline_body_unref)

G_END_DECLS
