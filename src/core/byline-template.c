/* byline-template.c — implemented in its own change. */
