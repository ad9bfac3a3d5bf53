/* byline-test-photo-fixture.h — a camera folder and a post's folder, for the photo tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-photo.h"

#include "byline-test-photos.h"
#include "byline-test-util.h"

typedef struct
{
  char  *root;
  char  *originals;  /* where the camera's pictures are */
  char  *bundle;     /* the post's folder, with index.md */
  GFile *folder;
} BylinePhotoFixture;

static inline void
byline_photo_fixture_set_up (BylinePhotoFixture *fixture,
                             gconstpointer       data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *post = NULL;

  fixture->root = g_dir_make_tmp ("byline-photo-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->originals = g_build_filename (fixture->root, "camera", NULL);
  fixture->bundle = g_build_filename (fixture->root, "post", NULL);
  g_assert_cmpint (g_mkdir (fixture->originals, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (fixture->bundle, 0700), ==, 0);
  post = g_build_filename (fixture->bundle, "index.md", NULL);
  g_assert_true (g_file_set_contents (post, "---\ntitle: T\n---\n", -1, NULL));
  fixture->folder = g_file_new_for_path (fixture->bundle);
}

static inline void
byline_photo_fixture_tear_down (BylinePhotoFixture *fixture,
                                gconstpointer       data)
{
  byline_test_remove_tree (fixture->root);
  g_free (fixture->root);
  g_free (fixture->originals);
  g_free (fixture->bundle);
  g_clear_object (&fixture->folder);
}

/* A picture in the camera folder: @width × @height as shown. */
static inline char *
byline_photo_fixture_make (BylinePhotoFixture *fixture,
                           const char         *name,
                           int                 width,
                           int                 height,
                           int                 orientation,
                           const char         *taken)
{
  g_autofree char *path = g_build_filename (fixture->originals, name, NULL);
  g_autoptr(GdkPixbuf) pixbuf = byline_test_draw_photo (width, height, orientation, FALSE);

  byline_test_save_photo (pixbuf, path, g_str_has_suffix (name, ".png") ? "png" : "jpeg");
  if (taken != NULL)
    byline_test_tag_photo (path, orientation, taken);
  return g_steal_pointer (&path);
}

/* Names in the bundle, hidden ones included, sorted, space-separated. */
static inline char *
byline_photo_fixture_list (BylinePhotoFixture *fixture)
{
  return byline_test_list_folder (fixture->bundle);
}

static inline BylinePhotoOptions
byline_photo_fixture_options (void)
{
  g_autoptr(BylineProfile) profile = byline_profile_new_builtin ();
  BylinePhotoOptions options;

  byline_photo_options_init (&options, profile);
  return options;
}
