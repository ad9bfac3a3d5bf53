/* byline-goldmark.h — HTML as Hugo's Goldmark writes it, from a cmark-gfm tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cmark-gfm parses (it is fast and knows source positions); this writer walks
 * its tree and writes what Goldmark, configured the way Hugo configures it
 * (markup.goldmark), would write for the same Markdown: heading ids, the
 * typographer, footnotes, definition lists, tables, task lists, linkify,
 * emoji, Markdown attributes and raw HTML handling. Render hooks plug in as C
 * callbacks that may decline.
 *
 * A writer serves one parsed document: byline_goldmark_new() reads the whole
 * tree once (heading ids, footnote numbers, attributes, definition lists),
 * then byline_goldmark_render_block() writes one top-level block at a time
 * and byline_goldmark_render_footnotes() the footnote list Goldmark puts at
 * the end.
 */

#pragma once

#include <glib-object.h>
#include <cmark-gfm.h>

#include "byline-data.h"

G_BEGIN_DECLS

/* markup.goldmark.parser.autoIDType */
typedef enum
{
  BYLINE_GOLDMARK_ID_GITHUB,
  BYLINE_GOLDMARK_ID_GITHUB_ASCII,
  BYLINE_GOLDMARK_ID_BLACKFRIDAY,
} BylineGoldmarkIdType;

/* The typographer's substitutions, markup.goldmark.extensions.typographer */
typedef enum
{
  BYLINE_GOLDMARK_LEFT_SINGLE_QUOTE,
  BYLINE_GOLDMARK_RIGHT_SINGLE_QUOTE,
  BYLINE_GOLDMARK_LEFT_DOUBLE_QUOTE,
  BYLINE_GOLDMARK_RIGHT_DOUBLE_QUOTE,
  BYLINE_GOLDMARK_EN_DASH,
  BYLINE_GOLDMARK_EM_DASH,
  BYLINE_GOLDMARK_ELLIPSIS,
  BYLINE_GOLDMARK_LEFT_ANGLE_QUOTE,
  BYLINE_GOLDMARK_RIGHT_ANGLE_QUOTE,
  BYLINE_GOLDMARK_APOSTROPHE,
  BYLINE_GOLDMARK_N_PUNCTUATION
} BylineGoldmarkPunctuation;

/* How tables are written: through Hugo's embedded render-table.html hook
 * (Hugo 0.134 and later; its whitespace as of 0.162), or by Goldmark's table
 * extension itself (older Hugo). */
typedef enum
{
  BYLINE_GOLDMARK_TABLES_HUGO,
  BYLINE_GOLDMARK_TABLES_GOLDMARK,
} BylineGoldmarkTableStyle;

/* The site's markup.goldmark settings (and enableEmoji); the defaults of
 * byline_goldmark_settings_new() are Hugo's (goldmark_config.Default). */
typedef struct
{
  /* extensions */
  gboolean              definition_list;
  gboolean              footnote;
  char                 *footnote_backlink_html;
  gboolean              linkify;
  char                 *linkify_protocol;
  gboolean              strikethrough;
  gboolean              table;
  gboolean              task_list;
  /* !typographer.disable; a NULL string turns that substitution off (and an
   * empty one deletes the characters, as in Goldmark). */
  gboolean              typographer;
  char                 *typographer_strings[BYLINE_GOLDMARK_N_PUNCTUATION];
  /* parser */
  gboolean              auto_heading_id;
  gboolean              auto_definition_term_id;
  BylineGoldmarkIdType  auto_id_type;
  gboolean              attribute_title;
  gboolean              attribute_block;
  gboolean              wrap_standalone_image;
  /* renderer */
  gboolean              hard_wraps;
  gboolean              unsafe;
  gboolean              xhtml;
  /* the site's enableEmoji (off by default) */
  gboolean              emoji;
  BylineGoldmarkTableStyle table_style;
} BylineGoldmarkSettings;

#define BYLINE_TYPE_GOLDMARK_SETTINGS (byline_goldmark_settings_get_type ())

GType                   byline_goldmark_settings_get_type  (void) G_GNUC_CONST;
BylineGoldmarkSettings *byline_goldmark_settings_new       (void);
/* Goldmark without Hugo's extensions, ids or typographer: what the CommonMark
 * conformance tests expect. */
BylineGoldmarkSettings *byline_goldmark_settings_new_commonmark (void);
BylineGoldmarkSettings *byline_goldmark_settings_copy      (const BylineGoldmarkSettings *self);
void                    byline_goldmark_settings_free      (BylineGoldmarkSettings       *self);
void                    byline_goldmark_settings_set_string (char                        **field,
                                                             const char                   *value);
gboolean                byline_goldmark_settings_equal     (const BylineGoldmarkSettings *a,
                                                            const BylineGoldmarkSettings *b);
/* The settings a site's configuration (the whole merged one, as
 * byline_site_get_config() gives it) asks for: markup.goldmark over Hugo's
 * defaults, and enableEmoji. Hugo's defaults when @config is NULL. */
BylineGoldmarkSettings *byline_goldmark_settings_new_from_config (BylineData             *config);
/* "github", "github-ascii" or "blackfriday", as in autoIDType. */
gboolean                byline_goldmark_id_type_from_string (const char                  *name,
                                                             BylineGoldmarkIdType        *type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineGoldmarkSettings, byline_goldmark_settings_free)

/* Hugo's anchor for @text (the ids of headings before de-duplication, and
 * the template function urls.Anchorize). */
char                   *byline_goldmark_anchorize          (const char                   *text,
                                                            BylineGoldmarkIdType          type);

/* A parser set up for the writer: source positions, raw HTML kept (the writer
 * decides what to write), footnotes, and the table, strikethrough and task
 * list extensions the settings enable. cmark-gfm's own autolink and tagfilter
 * extensions stay off: the writer does Goldmark's linkify itself. */
cmark_parser *byline_goldmark_parser_new (const BylineGoldmarkSettings *settings);

/* The next address in @text (a text node's literal, looked at from *@from)
 * that linkify makes a link of, as the writer does: its place in @text and
 * the URL written for it (free it). Moves *@from past it. FALSE when there
 * is none, or linkify is off. */
gboolean      byline_goldmark_next_linkified (const BylineGoldmarkSettings *settings,
                                              const char                   *text,
                                              gsize                         length,
                                              gsize                        *from,
                                              gsize                        *start,
                                              gsize                        *end,
                                              char                        **url);

/* Render hooks */

typedef enum
{
  BYLINE_GOLDMARK_HOOK_LINK,
  BYLINE_GOLDMARK_HOOK_IMAGE,
  BYLINE_GOLDMARK_HOOK_HEADING,
  BYLINE_GOLDMARK_HOOK_CODEBLOCK,
  BYLINE_GOLDMARK_HOOK_BLOCKQUOTE,
  BYLINE_GOLDMARK_HOOK_TABLE,
  BYLINE_GOLDMARK_N_HOOKS
} BylineGoldmarkHookKind;

/* A Markdown attribute as Hugo hands it to hooks: names lower-cased, values
 * as strings ("true", "3.5"; an array's items joined by ", "). */
typedef struct
{
  const char *name;
  const char *value;
} BylineGoldmarkAttribute;

typedef struct
{
  const char *text;        /* rendered HTML */
  const char *alignment;   /* "left", "center", "right" or "" */
} BylineGoldmarkTableCell;

typedef struct
{
  const BylineGoldmarkTableCell *cells;
  guint                          n_cells;
} BylineGoldmarkTableRow;

/* What Hugo passes to a render hook. Fields that do not apply to the kind are
 * NULL or 0. Strings are UTF-8 and live until the callback returns. */
typedef struct
{
  BylineGoldmarkHookKind         kind;
  guint                          ordinal;      /* .Ordinal, per kind, from 0 */
  guint                          line;         /* .Position in the parsed text, */
  guint                          column;       /* 1-based */
  const BylineGoldmarkAttribute *attributes;   /* .Attributes, in source order */
  guint                          n_attributes;
  /* link, image */
  const char                    *destination;  /* .Destination as written, unescaped */
  const char                    *title;        /* .Title, NULL without one */
  gboolean                       is_block;     /* .IsBlock (images) */
  gboolean                       is_autolink;  /* <https://…> or linkify */
  /* link, image, heading, blockquote */
  const char                    *text;         /* .Text: the rendered inner HTML */
  const char                    *plain_text;   /* .PlainText */
  /* heading */
  int                            level;        /* .Level */
  const char                    *anchor;       /* .Anchor: the id */
  /* code block */
  const char                    *type;         /* .Type: the language, may be "" */
  const char                    *inner;        /* .Inner: the code, last newline removed */
  const BylineGoldmarkAttribute *options;      /* .Options (Chroma's attributes) */
  guint                          n_options;
  /* blockquote: .Type is "alert" or "regular" */
  const char                    *alert_type;   /* .AlertType, lower case, or "" */
  const char                    *alert_title;  /* .AlertTitle */
  const char                    *alert_sign;   /* .AlertSign: "+", "-" or "" */
  /* table */
  const BylineGoldmarkTableRow  *thead;        /* .THead */
  guint                          n_thead;
  const BylineGoldmarkTableRow  *tbody;        /* .TBody */
  guint                          n_tbody;
} BylineGoldmarkHookContext;

/* Writes the element's HTML to @out and returns TRUE, or returns FALSE (with
 * @out untouched) to decline: the writer then writes its default HTML. */
typedef gboolean (*BylineGoldmarkHookFunc) (const BylineGoldmarkHookContext *context,
                                            GString                         *out,
                                            gpointer                         user_data);

/* The writer */

typedef struct _BylineGoldmark BylineGoldmark;

/* @document was parsed by a parser from byline_goldmark_parser_new() with the
 * same settings, from @source (@length bytes); both must outlive the writer.
 * The settings are copied. While it lives, the writer keeps notes in the
 * user data of the nodes, unless some node's user data is already set. */
BylineGoldmark *byline_goldmark_new              (const BylineGoldmarkSettings *settings,
                                                  cmark_node                   *document,
                                                  const char                   *source,
                                                  gsize                         length);
/* The same, for a tree that others may read meanwhile (a BylineBody's): the
 * writer keeps its notes beside the tree and never writes to it. */
BylineGoldmark *byline_goldmark_new_detached     (const BylineGoldmarkSettings *settings,
                                                  cmark_node                   *document,
                                                  const char                   *source,
                                                  gsize                         length);
void            byline_goldmark_free             (BylineGoldmark               *self);
void            byline_goldmark_set_hook         (BylineGoldmark               *self,
                                                  BylineGoldmarkHookKind        kind,
                                                  BylineGoldmarkHookFunc        func,
                                                  gpointer                      user_data);
/* With it, block elements carry data-sourcepos="l:c-l:c" as cmark writes it
 * (lines and byte columns of the parsed text). */
void            byline_goldmark_set_sourcepos    (BylineGoldmark               *self,
                                                  gboolean                      sourcepos);
/* Rewrites the destination of a link or image after Goldmark has checked
 * that it is not dangerous: returns the URL to write (it is only escaped for
 * HTML), or NULL to write @url as Goldmark does. */
typedef char *(*BylineGoldmarkUrlFunc) (const char *url,
                                        gpointer    user_data);

void            byline_goldmark_set_url_func     (BylineGoldmark               *self,
                                                  BylineGoldmarkUrlFunc         func,
                                                  gpointer                      user_data);
/* Byline's own safety net, not a Goldmark setting: with unsafe raw HTML, the
 * tags GFM's tagfilter names (script, iframe, style, …) are escaped. */
void            byline_goldmark_set_tagfilter    (BylineGoldmark               *self,
                                                  gboolean                      tagfilter);
/* Writes @node, a child of the document, and returns the next child to write:
 * a definition list or a block followed by its attributes spans several
 * cmark nodes. *@last is set to the last node written. Footnote definitions
 * write nothing here. */
cmark_node     *byline_goldmark_render_block     (BylineGoldmark               *self,
                                                  cmark_node                   *node,
                                                  GString                      *out,
                                                  cmark_node                  **last);
/* The footnote list, or nothing when no footnote is referenced. */
void            byline_goldmark_render_footnotes (BylineGoldmark               *self,
                                                  GString                      *out);
/* Every block then the footnotes. */
void            byline_goldmark_render_document  (BylineGoldmark               *self,
                                                  GString                      *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineGoldmark, byline_goldmark_free)

/* What the first pass learnt of the document's headings, for Hugo's
 * Page.Fragments: known as soon as the writer is made. */
typedef struct
{
  int   level;
  char *id;      /* "" for a heading without one */
  char *title;   /* its plain text, escaped for HTML as Goldmark escapes text */
} BylineGoldmarkHeading;

/* The headings, in document order. */
const GArray   *byline_goldmark_get_headings     (BylineGoldmark               *self);
/* Every id given out (headings', definition terms', those written as
 * {#id}), a repeated one as often as it was given: Goldmark's parser
 * context ids. */
const GPtrArray *byline_goldmark_get_ids         (BylineGoldmark               *self);

/* Parses @markdown and writes it: the whole path in one call. */
char           *byline_goldmark_to_html          (const BylineGoldmarkSettings *settings,
                                                  const char                   *markdown,
                                                  gssize                        length);
/* The same, handing the writer to @inspect once it has written. */
typedef void (*BylineGoldmarkInspectFunc) (BylineGoldmark *writer,
                                           gpointer        user_data);

char           *byline_goldmark_to_html_inspect  (const BylineGoldmarkSettings *settings,
                                                  const char                   *markdown,
                                                  gssize                        length,
                                                  BylineGoldmarkInspectFunc     inspect,
                                                  gpointer                      user_data);

G_END_DECLS
