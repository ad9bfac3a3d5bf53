/* byline-post-layout.c — implemented in its own change. */
