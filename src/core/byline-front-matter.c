/* byline-front-matter.c — implemented in its own change. */
