/* byline-goldmark-private.h — what the Goldmark writer's parts share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-goldmark.h"

G_BEGIN_DECLS

/* cmark-gfm's extensions export their node types but install no header
 * declaring them. */
extern cmark_node_type CMARK_NODE_TABLE;
extern cmark_node_type CMARK_NODE_TABLE_ROW;
extern cmark_node_type CMARK_NODE_TABLE_CELL;
extern cmark_node_type CMARK_NODE_STRIKETHROUGH;

/* Definition lists and block attributes may nest; past this depth they are
 * left as cmark parsed them, so that hostile nesting costs no stack. */
#define BYLINE_GOLDMARK_MAX_DEPTH 32

/* Markdown attributes ({#id .class key=value}) */

typedef enum
{
  ATTR_STRING,
  ATTR_NUMBER,
  ATTR_BOOL,
  ATTR_NULL,
  ATTR_ARRAY,
  ATTR_MAP,
} AttrType;

typedef struct
{
  char     *name;
  AttrType  type;
  char     *value;   /* the string; a number or boolean as Hugo prints it */
} Attr;

/* The text the writer reads: the parsed document's, or a definition's
 * content parsed on its own. */
typedef struct
{
  const char *text;
  gsize       length;
  GArray     *line_starts;   /* of gsize, made when first needed */
  gboolean    positions;     /* whether data-sourcepos applies */
} Source;

/* A block in a definition: a node of the document, or of a definition's
 * content parsed on its own. */
typedef struct
{
  cmark_node *node;
  Source     *source;
} DlBlock;

/* One part of a definition list: a term, or a description made of a run of
 * a paragraph's inline nodes and the blocks that follow it. */
typedef struct
{
  gboolean    term;
  gboolean    tight;
  cmark_node *para;        /* the paragraph the run is in */
  cmark_node *from;        /* the run's first and last inline nodes */
  cmark_node *to;
  gsize       skip;        /* bytes of from's literal before the run (": ") */
  GArray     *blocks;      /* of DlBlock, or NULL */
  char       *id;          /* a term's id (autoDefinitionTermID) */
} DlItem;

typedef struct
{
  cmark_node *first;       /* the siblings the list replaces */
  cmark_node *last;
  GArray     *items;       /* of DlItem */
} DlGroup;

/* What the first pass learns about a node. */
typedef struct
{
  cmark_node *node;
  GPtrArray  *attrs;        /* of Attr, or NULL */
  gssize      text_length;  /* a text node cut short (attributes), or -1 */
  gsize       text_skip;    /* a text node's bytes not written (": ") */
  cmark_node *stop;         /* a paragraph's inline node where writing stops */
  gboolean    removed;      /* written as nothing */
  guint       footnote;     /* a reference's footnote number */
  guint       footnote_ref; /* which reference to that footnote, from 0 */
  DlGroup    *dl;           /* a definition list starting at this node */
  DlGroup    *dl_end;       /* the definition list this node ends */
  gboolean    dl_member;    /* written by a definition list */
} NodeInfo;

struct _BylineGoldmark
{
  BylineGoldmarkSettings *settings;
  cmark_node             *document;
  Source                  source;
  GPtrArray              *infos;         /* of NodeInfo */
  GHashTable             *info;          /* cmark_node → NodeInfo, when the nodes'
                                          * user data is taken */
  GHashTable             *ids;           /* ids given out, for de-duplication */
  GHashTable             *id_suffixes;   /* id → the next suffix to try */
  GPtrArray              *id_list;       /* every id given out, in order, repeats kept */
  GArray                 *headings;      /* of BylineGoldmarkHeading, in scan order */
  GPtrArray              *subdocs;       /* definitions' content parsed on its own */
  GPtrArray              *sources;       /* of Source, for those */
  GPtrArray              *footnotes;     /* of cmark_node, by number - 1 */
  GArray                 *footnote_refs; /* of guint: references per footnote */
  BylineGoldmarkHookFunc  hooks[BYLINE_GOLDMARK_N_HOOKS];
  gpointer                hook_data[BYLINE_GOLDMARK_N_HOOKS];
  guint                   ordinals[BYLINE_GOLDMARK_N_HOOKS + 1];
  BylineGoldmarkUrlFunc   url_func;
  gpointer                url_data;
  gboolean                sourcepos;
  gboolean                tagfilter;
};

/* The writer's state while it walks a subtree. */
typedef struct
{
  BylineGoldmark *gm;
  Source         *source;
  GString        *out;
  guint           in_link;       /* inside a link's text: no linkify */
  guint           in_autolink;   /* inside <https://…>: text as is */
  guint           in_alt;        /* an image's alt text */
  guint           depth;
  /* Goldmark's typographer counts unclosed quotes per inline block. */
  int             open_single;
  int             open_double;
  GArray         *captures;      /* of gsize: where a hooked node's HTML starts;
                                  * made when first needed */
  cmark_node     *tight_parent;  /* paragraphs under it are written without <p> */
  cmark_node     *footnote_para; /* the paragraph that takes the backlinks */
  guint           footnote;      /* the footnote being written */
} Walk;

typedef enum
{
  WALK_DESCEND,   /* write the children, then leave the node */
  WALK_LEAVE,     /* leave the node without its children */
  WALK_SKIP,      /* nothing more to do with the node */
} WalkAction;

/* byline-goldmark.c */

void        byline_goldmark_walk_init     (Walk           *walk,
                                           BylineGoldmark *self,
                                           Source         *source,
                                           GString        *out);
void        byline_goldmark_walk_clear    (Walk           *walk);

NodeInfo   *byline_goldmark_info          (BylineGoldmark *self,
                                           cmark_node     *node,
                                           gboolean        create);
/* Whether @node is all its parent holds (an attribute line aside). */
gboolean    byline_goldmark_is_only_child (BylineGoldmark *self,
                                           cmark_node     *node);
void        byline_goldmark_walk          (Walk           *walk,
                                           cmark_node     *root);
void        byline_goldmark_walk_range    (Walk           *walk,
                                           cmark_node     *from,
                                           cmark_node     *to);
gsize       byline_goldmark_source_offset (Source         *source,
                                           int             line,
                                           int             column);
void        byline_goldmark_write_sourcepos (Walk         *walk,
                                             cmark_node   *node);
/* From the start of @first to the end of @last. */
void        byline_goldmark_write_sourcepos_range (Walk       *walk,
                                                   cmark_node *first,
                                                   cmark_node *last);

/* byline-goldmark-elements.c */

WalkAction  byline_goldmark_enter_element (Walk           *walk,
                                           cmark_node     *node);
void        byline_goldmark_leave_element (Walk           *walk,
                                           cmark_node     *node);

/* byline-goldmark-table.c */

void        byline_goldmark_write_table   (Walk           *walk,
                                           cmark_node     *table);
void        byline_goldmark_write_backlinks (Walk         *walk,
                                             guint         index);
/* Hugo's blockquote alert: [!TYPE]±title on the first line. */
gboolean    byline_goldmark_parse_alert   (const char     *html,
                                           char          **type,
                                           char          **sign,
                                           char          **title,
                                           char          **text);

/* byline-goldmark-blocks.c: the first pass */

void        byline_goldmark_scan          (BylineGoldmark *self);
void        byline_goldmark_scan_tree     (BylineGoldmark *self,
                                           Source         *source,
                                           cmark_node     *root,
                                           guint           depth);
gboolean    byline_goldmark_is_break      (cmark_node     *node);
/* Whether the source has a backslash before the @n-th @c of a text node. */
gboolean    byline_goldmark_is_escaped    (Source         *source,
                                           cmark_node     *text,
                                           char            c,
                                           guint           n);
/* The column of the first @c on @node's line (cmark gives the lazy lines of
 * a paragraph the columns of its first line). */
int         byline_goldmark_source_column (Source         *source,
                                           cmark_node     *node,
                                           char            c);
/* The first column of a container's content, 0 when unknown. */
int         byline_goldmark_content_column (cmark_node    *container);

/* byline-goldmark-deflist.c */

void        byline_goldmark_scan_definition_list (BylineGoldmark *self,
                                                  Source         *source,
                                                  cmark_node     *paragraph,
                                                  guint           depth);
void        byline_goldmark_write_dl      (Walk           *walk,
                                           DlGroup        *group);
void        byline_goldmark_dl_group_free (DlGroup        *group);

/* byline-goldmark-inline.c */

void        byline_goldmark_push_capture  (Walk           *walk);
char       *byline_goldmark_pop_capture   (Walk           *walk);
/* Calls the hook for context->kind; FALSE (nothing written) when it
 * declines. */
gboolean    byline_goldmark_call_hook     (Walk           *walk,
                                           BylineGoldmarkHookContext *context);
/* Raw HTML as it is, but with the tagfilter on, the tags GFM's tagfilter
 * names escaped. */
void        byline_goldmark_write_raw_html (BylineGoldmark *self,
                                            GString        *out,
                                            const char     *html);

/* Writes an inline node; returns whether its children should be walked. */
gboolean    byline_goldmark_enter_inline  (Walk           *walk,
                                           cmark_node     *node);
void        byline_goldmark_exit_inline   (Walk           *walk,
                                           cmark_node     *node);
/* Hugo's TextPlain of a node's children. */
char       *byline_goldmark_plain_text    (BylineGoldmark *self,
                                           Source         *source,
                                           cmark_node     *node);
char       *byline_goldmark_plain_range   (BylineGoldmark *self,
                                           Source         *source,
                                           cmark_node     *from,
                                           cmark_node     *to,
                                           gsize           skip);

/* byline-goldmark-text.c */

/* Writes a text node's literal from @skip to @length with the typographer,
 * linkify and emoji, or (with @plain) Hugo's plain text of it. */
void        byline_goldmark_write_text    (Walk           *walk,
                                           cmark_node     *node,
                                           gsize           skip,
                                           gsize           length,
                                           gboolean        plain,
                                           gboolean        first_only);
void        byline_goldmark_escape        (GString        *out,
                                           const char     *text,
                                           gssize          length);
/* Goldmark's util.URLEscape (without resolving references) then EscapeHTML;
 * nothing for a dangerous URL unless unsafe. The URL function may replace
 * the URL after that check. */
void        byline_goldmark_write_url     (BylineGoldmark *self,
                                           GString        *out,
                                           const char     *url);
void        byline_goldmark_write_link    (Walk           *walk,
                                           const char     *url,
                                           const char     *label,
                                           gsize           label_length);

/* byline-goldmark-parsers.c */

/* Classes of bytes, as Goldmark's util package has them in tables. */
enum
{
  CHAR_PUNCT      = 1 << 0,   /* util.IsPunct: ASCII punctuation */
  CHAR_SPACE      = 1 << 1,   /* util.IsSpace: space, tab, CR, LF */
  CHAR_TYPOGRAPHY = 1 << 2,   /* starts a typographer substitution */
  CHAR_LINKIFY    = 1 << 3,   /* where linkify looks: spaces and *_~( */
  CHAR_URL_SAFE   = 1 << 4,   /* kept as is by util.URLEscape */
  CHAR_EMAIL      = 1 << 5,   /* in the local part of an address */
  CHAR_DOMAIN     = 1 << 6,   /* in the host part of linkify's URLs */
  CHAR_PATH       = 1 << 7,   /* in their path (and '$' outside www.) */
  CHAR_ESCAPE     = 1 << 8,   /* escaped for HTML: & < > " */
  CHAR_TRIM       = 1 << 9,   /* trimmed from the end of a linkified URL */
};

extern guint16 byline_goldmark_chars[256];

/* Fills byline_goldmark_chars, once. */
void        byline_goldmark_chars_init    (void);

static inline gboolean
byline_goldmark_ascii_punct (guchar c)
{
  return (byline_goldmark_chars[c] & CHAR_PUNCT) != 0;
}

static inline gboolean
byline_goldmark_ascii_space (guchar c)
{
  return (byline_goldmark_chars[c] & CHAR_SPACE) != 0;
}

/* util.ToRune */
gunichar    byline_goldmark_rune_at       (const char     *text,
                                           gsize           length,
                                           gsize           pos);
/* Returns how many bytes of @line (@len of them readable) a typographic
 * substitution replaces, 0 for none, and which one in *@which. */
gsize       byline_goldmark_typographer   (Walk           *walk,
                                           const char     *line,
                                           gsize           len,
                                           gunichar        before,
                                           BylineGoldmarkPunctuation *which);

typedef struct
{
  gsize    consumed;   /* bytes read, with a leading space or '(' */
  gsize    start;      /* where the link text starts */
  gsize    length;
  gboolean email;
  gboolean www;
} Linkified;

gboolean    byline_goldmark_linkify       (const char     *line,
                                           gsize           len,
                                           Linkified      *link);
void        byline_goldmark_write_linkified (Walk         *walk,
                                             const char   *text,
                                             Linkified    *link);
/* The length of the name in ":name:" at @line, or 0. */
gsize       byline_goldmark_emoji_name_length (const char *line,
                                               gsize       len);

/* byline-goldmark-attributes.c */

void        byline_goldmark_attr_free     (gpointer        data);
/* Parses "{…}" at @text (Goldmark's parser.ParseAttributes); returns the
 * bytes read, or 0 when it is not an attribute list. */
gsize       byline_goldmark_parse_attrs   (const char     *text,
                                           gsize           length,
                                           GPtrArray      *attrs);
const Attr *byline_goldmark_attrs_find    (GPtrArray      *attrs,
                                           const char     *name);
/* Goldmark's SetAttribute: replaces a value in place or appends. With
 * @keep, an existing value wins. */
void        byline_goldmark_attrs_set     (GPtrArray      *attrs,
                                           const Attr     *attr,
                                           gboolean        keep);
/* Goldmark's RenderAttributes with a tag's filter, or with @filter NULL
 * Hugo's RenderASTAttributes (all but on* handlers). */
void        byline_goldmark_write_attrs   (GString        *out,
                                           GPtrArray      *attrs,
                                           const char     *filter);
/* The attributes as hooks see them; free with g_free (strings point into
 * @attrs). Chroma's options go to @options when it is not NULL. */
BylineGoldmarkAttribute *byline_goldmark_hook_attrs (GPtrArray *attrs,
                                                     guint     *n,
                                                     BylineGoldmarkAttribute **options,
                                                     guint     *n_options);
/* An id for a heading's plain text, unique in the document. */
char       *byline_goldmark_make_id       (BylineGoldmark *self,
                                           const char     *text,
                                           const char     *fallback);
void        byline_goldmark_use_id        (BylineGoldmark *self,
                                           const char     *id);

/* byline-goldmark-emoji.c */

/* Writes the HTML goldmark-emoji writes for :@name:; FALSE when there is
 * no such emoji. */
gboolean    byline_goldmark_emoji_write   (const char     *name,
                                           gsize           length,
                                           GString        *out);

G_END_DECLS
