/* byline-thread.c — work threads that give way to the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-thread"

#include "config.h"

#include "byline-thread.h"

#ifdef __linux__
#include <errno.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

gboolean
byline_thread_lower_priority (void)
{
#ifdef __linux__
  id_t thread = (id_t) syscall (SYS_gettid);

  errno = 0;
  if (getpriority (PRIO_PROCESS, thread) >= BYLINE_THREAD_BACKGROUND_NICE && errno == 0)
    return TRUE;
  if (setpriority (PRIO_PROCESS, thread, BYLINE_THREAD_BACKGROUND_NICE) != 0)
    {
      g_debug ("A background thread at the normal priority: %s", g_strerror (errno));
      return FALSE;
    }
  return TRUE;
#else
  return FALSE;
#endif
}
