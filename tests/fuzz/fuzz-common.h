/* fuzz-common.h — what the fuzzing harnesses share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A harness states what must hold for every input and aborts when it does
 * not, so that libFuzzer (and the replay driver under AddressSanitizer)
 * report the input. GLib warnings and criticals abort too: on any input
 * the core may refuse, but never complain to the log.
 */

#pragma once

#include <glib.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void fuzz_fail (const char *format,
                       ...) G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN;

static void
fuzz_fail (const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  fputs ("fuzz: ", stderr);
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);
  abort ();
}

#define FUZZ_CHECK(condition, ...) \
  G_STMT_START { if (G_UNLIKELY (!(condition))) fuzz_fail (__VA_ARGS__); } G_STMT_END

static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if (level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO | G_LOG_LEVEL_MESSAGE))
    return G_LOG_WRITER_HANDLED;

  g_log_writer_standard_streams (level, fields, n_fields, user_data);
  /* G_BREAKPOINT's SIGTRAP is no crash to libFuzzer: abort instead. */
  abort ();
}

static inline void
fuzz_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
      g_once_init_leave (&done, 1);
    }
}

/* A copy of the input with a NUL after it, for the APIs that take C strings. */
static inline char *
fuzz_dup (const uint8_t *data,
          size_t         size)
{
  char *text = g_malloc (size + 1);

  if (size > 0)
    memcpy (text, data, size);
  text[size] = '\0';
  return text;
}

static inline void
fuzz_check_utf8 (const char *what,
                 const char *text,
                 gssize      length)
{
  const char *end = NULL;

  FUZZ_CHECK (text != NULL, "%s is NULL", what);
  if (!g_utf8_validate (text, length, &end))
    fuzz_fail ("%s is not valid UTF-8 at byte %" G_GSSIZE_FORMAT ": “%.40s”",
               what, (gssize) (end - text), text);
}
