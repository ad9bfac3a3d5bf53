/* byline-bundle.c — implemented in its own change. */
