/* byline-gotmpl.h — Hugo's Go templates, run in-process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A BylineGotmplSet runs a site's own shortcode templates (and the partials
 * they call) the way Hugo does: Go's text/template language, html/template's
 * contextual escaping for .html templates, and Hugo's functions and page,
 * site and shortcode objects. Templates are parsed once and cached per set
 * (one set per reading of a site); a file that changed on disk is read
 * again on its first use after byline_gotmpl_set_revalidate, and
 * byline_gotmpl_set_invalidate drops one at once.
 *
 * Nothing a template does can crash or hang the caller: a step budget, a
 * nesting limit for template/partial and an output limit stop it, and any
 * failure — a runtime error, errorf, a function the preview lacks, a limit —
 * comes back as a status with a reason and, where there is one, the place in
 * the template file. The caller then draws a fallback box.
 *
 * Sets are safe to use from several threads; one execution is not shared.
 */

#pragma once

#include <gio/gio.h>

#include "byline-gotmpl-env.h"
#include "byline-gotmpl-value.h"
#include "byline-shortcode.h"

G_BEGIN_DECLS

typedef struct
{
  guint64 max_steps;    /* nodes walked and commands run, partials included */
  guint   max_depth;    /* nesting of template, partial and shortcode calls */
  gsize   max_output;   /* bytes written by one execution */
} BylineGotmplLimits;

/* 1,000,000 steps, depth 64, 4 MiB. */
#define BYLINE_GOTMPL_LIMITS_DEFAULT { 1000000, 64, 4 * 1024 * 1024 }

typedef enum
{
  BYLINE_GOTMPL_OK,
  BYLINE_GOTMPL_ERROR,         /* a parse or runtime error, or errorf: Hugo fails too */
  BYLINE_GOTMPL_UNSUPPORTED,   /* a function or method the preview lacks */
  BYLINE_GOTMPL_LIMIT,         /* the step, depth or output limit */
  BYLINE_GOTMPL_NOT_FOUND,     /* the site has no such template */
} BylineGotmplStatus;

/* errorf and warnf calls, in order. */
typedef struct
{
  gboolean  is_error;
  char     *text;
  char     *file;   /* the template that called it */
  guint     line;   /* 1-based */
  guint     column; /* 1-based */
} BylineGotmplMessage;

typedef struct
{
  BylineGotmplStatus  status;
  char               *output;     /* the rendered text when OK, else NULL */
  /* Why it failed, in Hugo's words where Hugo has them ("template:
   * _shortcodes/x.html:3:12: executing … at <.Foo>: …"); for UNSUPPORTED the
   * name of what is missing is in @missing. */
  char               *message;
  char               *missing;
  char               *file;       /* template file of the failure, or NULL */
  guint               line;       /* 1-based; 0 when unknown */
  guint               column;     /* 1-based; 0 when unknown */
  GPtrArray          *messages;   /* of BylineGotmplMessage */
} BylineGotmplResult;

void byline_gotmpl_result_clear (BylineGotmplResult *result);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BylineGotmplResult, byline_gotmpl_result_clear)

#define BYLINE_TYPE_GOTMPL_SET (byline_gotmpl_set_get_type ())

G_DECLARE_FINAL_TYPE (BylineGotmplSet, byline_gotmpl_set, BYLINE, GOTMPL_SET, GObject)

BylineGotmplSet *byline_gotmpl_set_new         (BylineGotmplEnv          *env);
BylineGotmplEnv *byline_gotmpl_set_get_env     (BylineGotmplSet          *self);
void             byline_gotmpl_set_get_limits  (BylineGotmplSet          *self,
                                                BylineGotmplLimits       *limits);
void             byline_gotmpl_set_set_limits  (BylineGotmplSet          *self,
                                                const BylineGotmplLimits *limits);
/* Forgets the parsed template of @path (every template when NULL), and
 * what the set learnt about where templates live. */
void             byline_gotmpl_set_invalidate  (BylineGotmplSet          *self,
                                                const char               *path);
/* Starts a new generation: each file the set has parsed is compared with
 * the disk (its inode, size and times) the first time it is used again,
 * and read again when it changed. Renders call it once each, so that an
 * edited layout file shows in the next render without a file monitor. */
void             byline_gotmpl_set_revalidate  (BylineGotmplSet          *self);
/* How many times the set has read and parsed a file (tests). */
guint            byline_gotmpl_set_get_n_parsed (BylineGotmplSet         *self);

/* Runs template text that is not a file of the site (tests, the Insert
 * Shortcode dialog's preview of a template being written). @name is used in
 * messages and decides, by its extension, whether html/template's escaping
 * applies (".html"). */
gboolean         byline_gotmpl_set_render_string (BylineGotmplSet         *self,
                                                  const char              *name,
                                                  const char              *source,
                                                  const BylineGotmplValue *dot,
                                                  const BylineGotmplValue *page,
                                                  BylineGotmplResult      *result);

/* Runs the template of a shortcode with @shortcode (an object from
 * byline_gotmpl_shortcode_new) as its context. */
gboolean         byline_gotmpl_set_render_shortcode (BylineGotmplSet         *self,
                                                     const char              *name,
                                                     const BylineGotmplValue *shortcode,
                                                     BylineGotmplResult      *result);

/* Runs the template file at @path (a render hook) with @dot as its context
 * and @page as the page of the execution. The file is parsed once. */
gboolean         byline_gotmpl_set_render_file (BylineGotmplSet           *self,
                                                const char                *path,
                                                const BylineGotmplValue   *dot,
                                                const BylineGotmplValue   *page,
                                                BylineGotmplResult        *result);

/* Renders call @index (an OPEN or SELF_CLOSING call) of @list, scanned
 * from @text (the whole post), with @page as its .Page and @filename in its
 * .Position. Nested calls in its inner text are rendered first, with this
 * call as their .Parent; a nested {{% %}} call's inner text is rendered as
 * Markdown. The outermost call's inner text is passed as written. A failed
 * nested call fails the call, with the nested call's reason. */
gboolean         byline_gotmpl_set_render_call (BylineGotmplSet           *self,
                                                const BylineGotmplValue   *page,
                                                const char                *text,
                                                const char                *filename,
                                                const BylineShortcodeList *list,
                                                guint                      index,
                                                BylineGotmplResult        *result);

/* What a shortcode template reads (byline-gotmpl-analysis.c). */
typedef struct
{
  char     *name;           /* a named parameter, or NULL for a positional one */
  int       position;       /* a positional parameter's index, -1 for named ones */
  char     *default_value;  /* from x | default "v" or default "v" x; NULL if none */
  gboolean  required;       /* the template calls errorf when it is missing */
} BylineGotmplParamInfo;

typedef struct
{
  GPtrArray *params;            /* of BylineGotmplParamInfo, in order of first use */
  gboolean   uses_inner;        /* .Inner or .InnerDeindent: a paired shortcode */
  gboolean   reads_all_params;  /* .Params used whole, or a parameter or partial named
                                 * at run time (.Get $k): any name may be read */
  GPtrArray *partials;          /* partials called by literal name */
  GPtrArray *functions;         /* functions called, in order of first use */
  GPtrArray *unsupported;       /* functions and namespace methods the preview lacks */
} BylineGotmplShortcodeInfo;

void                       byline_gotmpl_shortcode_info_free   (BylineGotmplShortcodeInfo *info);
/* NULL with @error when the site has no such template or it does not parse. */
BylineGotmplShortcodeInfo *byline_gotmpl_set_analyze_shortcode (BylineGotmplSet           *self,
                                                                const char                *name,
                                                                GError                   **error);
BylineGotmplShortcodeInfo *byline_gotmpl_analyze_source        (const char                *name,
                                                                const char                *source,
                                                                GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineGotmplShortcodeInfo, byline_gotmpl_shortcode_info_free)

/* Whether the set finds a template for the shortcode. */
gboolean         byline_gotmpl_set_has_shortcode (BylineGotmplSet         *self,
                                                  const char              *name);

G_END_DECLS
