/* byline-test-photo-post.h — a post's folder and a camera's, for the window's photo tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-window.h"

#include "byline-test-gui.h"
#include "byline-test-photos.h"
#include "byline-test-util.h"

typedef struct
{
  char  *root;
  char  *camera;  /* where the camera's pictures are */
  char  *bundle;  /* the post's folder */
  GFile *post;    /* its index.md */
} BylinePhotoPost;

/* A case folder of its own below @tmpdir: camera/, post/index.md holding
 * @text and a .byline.yml holding @profile. */
static inline void
byline_photo_post_set_up (BylinePhotoPost *fixture,
                          const char      *tmpdir,
                          const char      *text,
                          const char      *profile)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("case-%u", counter++);
  g_autofree char *post = NULL;
  g_autofree char *profile_path = NULL;

  fixture->root = g_build_filename (tmpdir, name, NULL);
  fixture->camera = g_build_filename (fixture->root, "camera", NULL);
  fixture->bundle = g_build_filename (fixture->root, "post", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->camera, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (fixture->bundle, 0700), ==, 0);
  post = g_build_filename (fixture->bundle, "index.md", NULL);
  g_assert_true (g_file_set_contents (post, text, -1, NULL));
  profile_path = g_build_filename (fixture->root, ".byline.yml", NULL);
  g_assert_true (g_file_set_contents (profile_path, profile, -1, NULL));
  fixture->post = g_file_new_for_path (post);
}

static inline void
byline_photo_post_tear_down (BylinePhotoPost *fixture)
{
  byline_test_remove_tree (fixture->root);
  g_clear_object (&fixture->post);
  g_free (fixture->root);
  g_free (fixture->camera);
  g_free (fixture->bundle);
}

/* @folder/NAME, 800 × 600 as shown, stored sideways (orientation 6) with
 * a phone's tags, taken at @taken. */
static inline char *
byline_photo_post_make_photo (const char *folder,
                              const char *name,
                              const char *taken)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GdkPixbuf) pixbuf = byline_test_draw_photo (800, 600, 6, FALSE);

  byline_test_save_photo (pixbuf, path, "jpeg");
  byline_test_tag_photo (path, 6, taken);
  return g_steal_pointer (&path);
}

static inline char *
byline_photo_post_dup_text (BylineWindow *window)
{
  return byline_test_dup_buffer_text (GTK_TEXT_BUFFER (byline_window_get_document (window)));
}
