/* byline-renderer.c — implemented in its own change. */
