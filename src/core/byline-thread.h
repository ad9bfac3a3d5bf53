/* byline-thread.h — work threads that give way to the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The nice value of a thread that works in the background: photos decoded
 * or resized while the writer types. */
#define BYLINE_THREAD_BACKGROUND_NICE 10

/* Lowers the calling thread's scheduling priority to
 * BYLINE_THREAD_BACKGROUND_NICE, so that a busy processor serves the
 * window's keystrokes first. Linux gives each thread its own nice value;
 * elsewhere it is the whole process's, and this does nothing. Call it
 * only on a thread of one's own (a GThreadPool made exclusive, say): a
 * thread shared with other work would keep the lower priority. Returns
 * whether the thread now runs at that priority. */
gboolean byline_thread_lower_priority (void);

G_END_DECLS
