/* byline-post.c — implemented in its own change. */
