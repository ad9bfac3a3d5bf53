/* screen-watch.c — when a program's window first paints and last changes,
 * seen from the X screen, and how much memory its processes take
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   screen-watch [OPTION…] -- COMMAND [ARG…]
 *
 *   --quiet MS       the screen has settled once nothing changed for MS
 *                    milliseconds (default 3000)
 *   --timeout MS     give up MS milliseconds after the start (default 30000)
 *   --threshold N    a change is N or more pixels that differ from the last
 *                    grab (default 1000: a blinking text cursor, a fading
 *                    overlay scrollbar or a spinner's turn is less)
 *   --frames DIR     also write every changed screen, as DIR/NNNN-MS.ppm
 *   --log            print every change (time, pixels, bounding box)
 *
 * Prints one line when the screen has settled:
 *
 *   first <ms> last <ms> changes <n> pss <kB> processes <n> cpu <ms>
 *
 * first: from starting COMMAND to the first change of the screen; last: to
 * the last change before it settled; pss: the proportional set size of
 * COMMAND and every process below it (WebKit's or QtWebEngine's helpers
 * included), summed from /proc/PID/smaps_rollup once the screen settled;
 * cpu: the processor time they have used by then (/proc/PID/stat).
 *
 * The method, the same for every program so that they compare fairly: the
 * X server's DAMAGE extension reports every drawing anywhere on the screen
 * (the root window with all its children); each report wakes this program,
 * which grabs the whole screen through MIT-SHM and compares it with the last
 * grab. A grab that differs in at least --threshold pixels is a change, and
 * counts at the time of the report that woke us. Nothing is grabbed while
 * nothing draws, so the watcher costs the measured program no CPU then.
 * Run it on an Xvfb display with nothing else on it; the program's windows
 * appear at the top left, undecorated, as there is no window manager.
 */

#include "config.h"

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XShm.h>
#include <X11/extensions/Xdamage.h>

#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_PIDS 4096
#define MAX_SAVED_FRAMES 64

typedef struct
{
  double  ms;
  long    pixels;
  int     x0, y0, x1, y1;
} Change;

typedef struct
{
  double    ms;
  uint32_t *pixels;
} Frame;

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
usage (void)
{
  fprintf (stderr, "Usage: screen-watch [--quiet MS] [--timeout MS] [--threshold N] "
                   "[--frames DIR] [--log] -- COMMAND [ARG…]\n");
  exit (2);
}

/* The parent of @pid from /proc/PID/stat, or -1. */
static pid_t
parent_of (pid_t pid)
{
  char path[64], buffer[1024];
  FILE *file;
  size_t length;
  char *end;
  int ppid;

  snprintf (path, sizeof path, "/proc/%d/stat", (int) pid);
  if ((file = fopen (path, "r")) == NULL)
    return -1;
  length = fread (buffer, 1, sizeof buffer - 1, file);
  fclose (file);
  buffer[length] = '\0';
  /* The command name may hold spaces and parentheses: skip to the last ')'. */
  if ((end = strrchr (buffer, ')')) == NULL || sscanf (end + 1, " %*c %d", &ppid) != 1)
    return -1;
  return ppid;
}

/* @root and every process below it, into @pids; returns how many. */
static int
find_tree (pid_t  root,
           pid_t *pids)
{
  static pid_t all[MAX_PIDS], parents[MAX_PIDS];
  int n_all = 0, n = 0;
  DIR *proc = opendir ("/proc");
  struct dirent *entry;

  if (proc == NULL)
    return 0;
  while ((entry = readdir (proc)) != NULL && n_all < MAX_PIDS)
    {
      char *end;
      long pid = strtol (entry->d_name, &end, 10);

      if (*end != '\0' || pid <= 0)
        continue;
      all[n_all] = pid;
      parents[n_all] = parent_of (pid);
      n_all++;
    }
  closedir (proc);

  pids[n++] = root;
  /* Breadth first: every process whose parent is already in the list. */
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n_all; j++)
      if (parents[j] == pids[i] && n < MAX_PIDS)
        pids[n++] = all[j];
  return n;
}

/* The processor time @pid has used so far (user and system), in ms. */
static double
cpu_ms (pid_t pid)
{
  char path[64], buffer[1024];
  FILE *file;
  size_t length;
  char *end;
  unsigned long user = 0, system = 0;

  snprintf (path, sizeof path, "/proc/%d/stat", (int) pid);
  if ((file = fopen (path, "r")) == NULL)
    return 0;
  length = fread (buffer, 1, sizeof buffer - 1, file);
  fclose (file);
  buffer[length] = '\0';
  if ((end = strrchr (buffer, ')')) == NULL
      || sscanf (end + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu",
                 &user, &system) != 2)
    return 0;
  return (user + system) * 1000.0 / sysconf (_SC_CLK_TCK);
}

static long
pss_kb (pid_t pid)
{
  char path[64], line[256];
  FILE *file;
  long kb = 0;

  snprintf (path, sizeof path, "/proc/%d/smaps_rollup", (int) pid);
  if ((file = fopen (path, "r")) == NULL)
    return 0;
  while (fgets (line, sizeof line, file) != NULL)
    if (sscanf (line, "Pss: %ld kB", &kb) == 1)
      break;
  fclose (file);
  return kb;
}

static void
process_name (pid_t pid,
              char  *name,
              size_t size)
{
  char path[64];
  FILE *file;

  snprintf (path, sizeof path, "/proc/%d/comm", (int) pid);
  name[0] = '\0';
  if ((file = fopen (path, "r")) == NULL)
    return;
  if (fgets (name, (int) size, file) != NULL)
    name[strcspn (name, "\n")] = '\0';
  fclose (file);
}

static void
write_frame (const char     *dir,
             int             index,
             const Frame    *frame,
             int             width,
             int             height)
{
  char path[4096];
  FILE *file;
  unsigned char *row = malloc ((size_t) width * 3);

  snprintf (path, sizeof path, "%s/%04d-%05.0f.ppm", dir, index, frame->ms);
  if ((file = fopen (path, "wb")) == NULL)
    {
      perror (path);
      free (row);
      return;
    }
  fprintf (file, "P6\n%d %d\n255\n", width, height);
  for (int y = 0; y < height; y++)
    {
      for (int x = 0; x < width; x++)
        {
          uint32_t p = frame->pixels[(size_t) y * width + x];

          row[x * 3] = (p >> 16) & 0xff;
          row[x * 3 + 1] = (p >> 8) & 0xff;
          row[x * 3 + 2] = p & 0xff;
        }
      fwrite (row, 3, width, file);
    }
  fclose (file);
  free (row);
}

int
main (int   argc,
      char *argv[])
{
  double quiet = 3000, timeout = 30000;
  long threshold = 1000;
  const char *frames_dir = NULL;
  int log = 0;
  int first_arg = 0;
  Display *display;
  Window root;
  int damage_event, damage_error;
  Damage damage;
  XShmSegmentInfo shm;
  XImage *image;
  int width, height;
  uint32_t *previous;
  Change *changes = NULL;
  int n_changes = 0, changes_size = 0;
  Frame saved[MAX_SAVED_FRAMES];
  int n_saved = 0;
  double start, pending_since = -1;
  pid_t child;
  static pid_t tree[MAX_PIDS];
  int n_tree;
  long total_pss = 0;
  double total_cpu = 0;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--") == 0)
        {
          first_arg = i + 1;
          break;
        }
      else if (strcmp (argv[i], "--quiet") == 0 && i + 1 < argc)
        quiet = atof (argv[++i]);
      else if (strcmp (argv[i], "--timeout") == 0 && i + 1 < argc)
        timeout = atof (argv[++i]);
      else if (strcmp (argv[i], "--threshold") == 0 && i + 1 < argc)
        threshold = atol (argv[++i]);
      else if (strcmp (argv[i], "--frames") == 0 && i + 1 < argc)
        frames_dir = argv[++i];
      else if (strcmp (argv[i], "--log") == 0)
        log = 1;
      else
        usage ();
    }
  if (first_arg == 0 || first_arg >= argc)
    usage ();

  if ((display = XOpenDisplay (NULL)) == NULL)
    {
      fprintf (stderr, "screen-watch: cannot open the display\n");
      return 1;
    }
  if (!XDamageQueryExtension (display, &damage_event, &damage_error) || !XShmQueryExtension (display))
    {
      fprintf (stderr, "screen-watch: the display lacks the DAMAGE or MIT-SHM extension\n");
      return 1;
    }
  root = DefaultRootWindow (display);
  width = DisplayWidth (display, DefaultScreen (display));
  height = DisplayHeight (display, DefaultScreen (display));

  image = XShmCreateImage (display, DefaultVisual (display, DefaultScreen (display)),
                           DefaultDepth (display, DefaultScreen (display)), ZPixmap, NULL,
                           &shm, width, height);
  if (image == NULL || image->bits_per_pixel != 32)
    {
      fprintf (stderr, "screen-watch: needs a 24- or 32-bit screen\n");
      return 1;
    }
  shm.shmid = shmget (IPC_PRIVATE, (size_t) image->bytes_per_line * height, IPC_CREAT | 0600);
  shm.shmaddr = image->data = shmat (shm.shmid, NULL, 0);
  shm.readOnly = False;
  XShmAttach (display, &shm);
  /* Marked for removal now: it goes when both sides detach, even on a crash. */
  shmctl (shm.shmid, IPC_RMID, NULL);

  /* Raw rectangles: every drawing sends an event, with no need to subtract
   * the damage to hear about the next one. IncludeInferiors is what a damage
   * object on the root window always tracks. */
  damage = XDamageCreate (display, root, XDamageReportRawRectangles);
  XSync (display, False);

  previous = malloc ((size_t) width * height * 4);
  XShmGetImage (display, root, image, 0, 0, AllPlanes);
  for (int y = 0; y < height; y++)
    memcpy (previous + (size_t) y * width, image->data + (size_t) y * image->bytes_per_line,
            (size_t) width * 4);

  fflush (stdout);
  start = now_ms ();
  child = fork ();
  if (child == 0)
    {
      /* A process group of its own, so that everything it starts can be
       * ended with it. */
      setpgid (0, 0);
      execvp (argv[first_arg], argv + first_arg);
      perror (argv[first_arg]);
      _exit (127);
    }
  setpgid (child, child);

  for (;;)
    {
      double now = now_ms ();
      double last = n_changes > 0 ? changes[n_changes - 1].ms + start : start;
      double wait = n_changes > 0 ? last + quiet - now : start + timeout - now;
      struct pollfd fd = { ConnectionNumber (display), POLLIN, 0 };

      if (now - start >= timeout || (n_changes > 0 && now - last >= quiet))
        break;

      if (pending_since < 0 && XPending (display) == 0)
        {
          if (poll (&fd, 1, wait > 0 ? (int) wait + 1 : 0) < 0 && errno != EINTR)
            break;
        }

      while (XPending (display) > 0)
        {
          XEvent event;

          XNextEvent (display, &event);
          if (event.type == damage_event + XDamageNotify && pending_since < 0)
            pending_since = now_ms ();
        }

      if (pending_since >= 0)
        {
          long count = 0;
          int x0 = width, y0 = height, x1 = -1, y1 = -1;
          double at = pending_since - start;

          pending_since = -1;
          XShmGetImage (display, root, image, 0, 0, AllPlanes);
          for (int y = 0; y < height; y++)
            {
              const uint32_t *row = (const uint32_t *) (image->data
                                                        + (size_t) y * image->bytes_per_line);
              uint32_t *old = previous + (size_t) y * width;

              for (int x = 0; x < width; x++)
                if ((row[x] & 0xffffff) != (old[x] & 0xffffff))
                  {
                    count++;
                    if (x < x0) x0 = x;
                    if (x > x1) x1 = x;
                    if (y < y0) y0 = y;
                    if (y > y1) y1 = y;
                  }
            }
          if (count < threshold)
            continue;

          for (int y = 0; y < height; y++)
            memcpy (previous + (size_t) y * width,
                    image->data + (size_t) y * image->bytes_per_line, (size_t) width * 4);

          if (n_changes == changes_size)
            {
              changes_size = changes_size ? changes_size * 2 : 64;
              changes = realloc (changes, sizeof *changes * changes_size);
            }
          changes[n_changes++] = (Change) { at, count, x0, y0, x1, y1 };

          if (frames_dir != NULL && n_saved < MAX_SAVED_FRAMES)
            {
              saved[n_saved].ms = at;
              saved[n_saved].pixels = malloc ((size_t) width * height * 4);
              memcpy (saved[n_saved].pixels, previous, (size_t) width * height * 4);
              n_saved++;
            }
        }
    }

  n_tree = find_tree (child, tree);
  for (int i = 0; i < n_tree; i++)
    {
      long kb = pss_kb (tree[i]);
      double ms = cpu_ms (tree[i]);

      total_pss += kb;
      total_cpu += ms;
      if (log)
        {
          char name[64];

          process_name (tree[i], name, sizeof name);
          fprintf (stderr, "  process %d %s: %ld kB, %.0f ms of CPU\n", (int) tree[i], name,
                   kb, ms);
        }
    }

  if (log)
    for (int i = 0; i < n_changes; i++)
      fprintf (stderr, "  change at %7.1f ms: %ld pixels in %d,%d–%d,%d\n", changes[i].ms,
               changes[i].pixels, changes[i].x0, changes[i].y0, changes[i].x1, changes[i].y1);

  printf ("first %.1f last %.1f changes %d pss %ld processes %d cpu %.0f\n",
          n_changes > 0 ? changes[0].ms : -1.0,
          n_changes > 0 ? changes[n_changes - 1].ms : -1.0,
          n_changes, total_pss, n_tree, total_cpu);
  fflush (stdout);

  /* Everything below the program first, then its process group. */
  for (int i = n_tree - 1; i >= 0; i--)
    kill (tree[i], SIGTERM);
  kill (-child, SIGTERM);
  for (int i = 0; i < 40 && waitpid (child, NULL, WNOHANG) == 0; i++)
    usleep (50 * 1000);
  if (waitpid (child, NULL, WNOHANG) == 0)
    {
      n_tree = find_tree (child, tree);
      for (int i = n_tree - 1; i >= 0; i--)
        kill (tree[i], SIGKILL);
      kill (-child, SIGKILL);
      waitpid (child, NULL, 0);
    }

  if (frames_dir != NULL)
    {
      mkdir (frames_dir, 0755);
      for (int i = 0; i < n_saved; i++)
        write_frame (frames_dir, i, &saved[i], width, height);
    }

  XShmDetach (display, &shm);
  shmdt (shm.shmaddr);
  XDamageDestroy (display, damage);
  XCloseDisplay (display);

  return n_changes > 0 ? 0 : 1;
}
