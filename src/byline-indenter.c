/* byline-indenter.c — auto-indentation for Markdown with shortcodes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A shortcode call written over several lines indents its parameters and
 * its closing delimiter:
 *
 *   {{< image width="75%"
 *       link="./photo.jpg"
 *       >}}
 *
 * Copying the indentation of "    >}}" onto the next line, as the default
 * indenter does, starts the following paragraph with spaces, and a blank
 * line made with a second Return is a line of spaces that the linter then
 * reports as trailing whitespace.
 */

#define G_LOG_DOMAIN "byline-indenter"

#include "config.h"

#include "byline-indenter.h"

#include <string.h>

/* How far back the opening of a call is looked for. */
#define MAX_CALL_LINES 200

struct _BylineIndenter
{
  GObject parent_instance;
};

static void byline_indenter_iface_init (GtkSourceIndenterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BylineIndenter, byline_indenter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GTK_SOURCE_TYPE_INDENTER,
                                                      byline_indenter_iface_init))

static gboolean
is_indent_char (gunichar ch)
{
  return ch == ' ' || ch == '\t';
}

static char *
dup_line (GtkTextBuffer *buffer,
          int            line)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);

  return gtk_text_iter_get_slice (&start, &end);
}

static gsize
indent_length (const char *text)
{
  gsize i = 0;

  while (text[i] == ' ' || text[i] == '\t')
    i++;

  return i;
}

static gboolean
opens_call (const char *text)
{
  return strstr (text, "{{<") != NULL || strstr (text, "{{%") != NULL;
}

/* The last line of a call that began on an earlier line. */
static gboolean
closes_call (const char *text)
{
  g_autofree char *stripped = g_strchomp (g_strdup (text));

  return (g_str_has_suffix (stripped, ">}}") || g_str_has_suffix (stripped, "%}}"))
         && !opens_call (stripped);
}

/* The indentation the line after @line starts with. */
static char *
dup_next_indent (GtkTextBuffer *buffer,
                 int            line)
{
  g_autofree char *text = dup_line (buffer, line);

  if (closes_call (text))
    {
      for (int l = line - 1; l >= 0 && l >= line - MAX_CALL_LINES; l--)
        {
          g_autofree char *opening = dup_line (buffer, l);

          if (opens_call (opening))
            return g_strndup (opening, indent_length (opening));
        }

      return g_strdup ("");
    }

  return g_strndup (text, indent_length (text));
}

static gboolean
byline_indenter_is_trigger (GtkSourceIndenter *indenter,
                            GtkSourceView     *view,
                            const GtkTextIter *location,
                            GdkModifierType    state,
                            guint              keyval)
{
  GtkTextBuffer *buffer = gtk_text_iter_get_buffer (location);

  if ((state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter)
    return FALSE;

  /* Return at the start of a line moves the line down: nothing to copy. */
  return !gtk_text_iter_starts_line (location) && !gtk_text_buffer_get_has_selection (buffer);
}

static void
byline_indenter_indent (GtkSourceIndenter *indenter,
                        GtkSourceView     *view,
                        GtkTextIter       *iter)
{
  GtkTextBuffer *buffer = gtk_text_iter_get_buffer (iter);
  int line = gtk_text_iter_get_line (iter);
  g_autofree char *indent = NULL;
  g_autofree char *previous = NULL;
  GtkTextIter begin, end;

  if (line == 0)
    return;

  indent = dup_next_indent (buffer, line - 1);

  /* A line of indentation alone is left empty. */
  previous = dup_line (buffer, line - 1);
  if (previous[0] != '\0' && previous[indent_length (previous)] == '\0')
    {
      gtk_text_buffer_get_iter_at_line (buffer, &begin, line - 1);
      end = begin;
      gtk_text_iter_forward_to_line_end (&end);
      gtk_text_buffer_delete (buffer, &begin, &end);
    }

  /* The text Return moved down keeps none of its old indentation. */
  gtk_text_buffer_get_iter_at_line (buffer, &begin, line);
  end = begin;
  while (!gtk_text_iter_ends_line (&end) && is_indent_char (gtk_text_iter_get_char (&end)))
    gtk_text_iter_forward_char (&end);
  if (!gtk_text_iter_equal (&begin, &end))
    gtk_text_buffer_delete (buffer, &begin, &end);

  gtk_text_buffer_insert (buffer, &begin, indent, -1);
  *iter = begin;
}

static void
byline_indenter_iface_init (GtkSourceIndenterInterface *iface)
{
  iface->is_trigger = byline_indenter_is_trigger;
  iface->indent = byline_indenter_indent;
}

GtkSourceIndenter *
byline_indenter_new (void)
{
  return g_object_new (BYLINE_TYPE_INDENTER, NULL);
}

static void
byline_indenter_class_init (BylineIndenterClass *klass)
{
}

static void
byline_indenter_init (BylineIndenter *self)
{
}
