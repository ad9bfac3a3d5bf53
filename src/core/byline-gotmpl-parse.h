/* byline-gotmpl-parse.h — Go text/template syntax trees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lexer and parser follow Go's text/template/parse (lex.go, parse.go,
 * node.go) as Hugo vendors it: the same tokens, trim markers, comments,
 * keywords, pipelines, declarations and control structures, and the same
 * parse error messages ("template: NAME:LINE: unexpected …"). Unlike Go the
 * parser does not reject unknown function names: Byline reports them when a
 * template runs into one, as a function the preview does not support.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  BYLINE_GOTMPL_NODE_LIST,
  BYLINE_GOTMPL_NODE_TEXT,
  BYLINE_GOTMPL_NODE_COMMENT,
  BYLINE_GOTMPL_NODE_ACTION,
  BYLINE_GOTMPL_NODE_IF,
  BYLINE_GOTMPL_NODE_RANGE,
  BYLINE_GOTMPL_NODE_WITH,
  BYLINE_GOTMPL_NODE_TEMPLATE,
  BYLINE_GOTMPL_NODE_BREAK,
  BYLINE_GOTMPL_NODE_CONTINUE,
  /* Inside actions */
  BYLINE_GOTMPL_NODE_PIPE,
  BYLINE_GOTMPL_NODE_COMMAND,
  BYLINE_GOTMPL_NODE_FIELD,       /* .A.B */
  BYLINE_GOTMPL_NODE_VARIABLE,    /* $x.A.B (idents[0] is "$x") */
  BYLINE_GOTMPL_NODE_CHAIN,       /* (pipe).A.B, ident.A */
  BYLINE_GOTMPL_NODE_IDENTIFIER,  /* a function name */
  BYLINE_GOTMPL_NODE_DOT,
  BYLINE_GOTMPL_NODE_NIL,
  BYLINE_GOTMPL_NODE_BOOL,
  BYLINE_GOTMPL_NODE_NUMBER,
  BYLINE_GOTMPL_NODE_STRING,
} BylineGotmplNodeType;

typedef struct _BylineGotmplNode BylineGotmplNode;

struct _BylineGotmplNode
{
  guint8  type;
  guint32 pos;    /* byte offset in the template's source */
  guint32 end;    /* end of the node's source text (for messages) */
  union
  {
    struct { BylineGotmplNode **nodes; guint n; } list;
    struct { const char *text; gsize len; } text;     /* TEXT, COMMENT */
    struct { BylineGotmplNode *pipe; } action;
    struct
    {
      BylineGotmplNode *pipe;
      BylineGotmplNode *list;
      BylineGotmplNode *else_list;   /* may be NULL */
    } branch;                                         /* IF, RANGE, WITH */
    struct { const char *name; BylineGotmplNode *pipe; } tmpl;  /* pipe may be NULL */
    struct
    {
      BylineGotmplNode **decl;       /* VARIABLE nodes */
      guint              n_decl;
      gboolean           is_assign;  /* $x = …, not $x := … */
      BylineGotmplNode **cmds;
      guint              n_cmds;
    } pipe;
    struct { BylineGotmplNode **args; guint n; } cmd;
    struct { const char **idents; guint n; } field;   /* FIELD, VARIABLE */
    struct { BylineGotmplNode *node; const char **fields; guint n; } chain;
    struct { const char *name; } ident;
    gboolean boolean;
    struct
    {
      gboolean is_float;   /* a float constant (has . e E p P) */
      gint64   i;
      double   f;
    } number;
    struct { const char *text; gsize len; } string;   /* unquoted */
  };
};

typedef struct _BylineGotmplTree BylineGotmplTree;

/* One template file parsed: its main tree and the trees it defines with
 * define and block. Owns the text and every node. */
typedef struct
{
  char             *name;     /* as given to parse, used in messages */
  char             *source;   /* the text parsed */
  gsize             length;
  BylineGotmplNode *root;     /* the file's own tree (a LIST) */
  GHashTable       *defines;  /* name → BylineGotmplNode (LIST) */
  gpointer          arena;
} BylineGotmplParsed;

/* Parses @source. On a syntax error returns NULL and sets @error (domain
 * G_IO_ERROR, code G_IO_ERROR_INVALID_DATA) with Go's message, and @line to
 * the 1-based line of the error. Nesting deeper than 500 levels of control
 * structures or parentheses is an error rather than a risk to the stack. */
BylineGotmplParsed *byline_gotmpl_parse          (const char         *name,
                                                  const char         *source,
                                                  gsize               length,
                                                  guint              *line,
                                                  GError            **error);
void                byline_gotmpl_parsed_free    (BylineGotmplParsed *self);

/* 1-based line and Go's column (bytes since the line start, 0-based, as in
 * Go's ErrorContext) of a byte offset. */
void                byline_gotmpl_parsed_locate  (const BylineGotmplParsed *self,
                                                  guint32             pos,
                                                  guint              *line,
                                                  guint              *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineGotmplParsed, byline_gotmpl_parsed_free)

G_END_DECLS
