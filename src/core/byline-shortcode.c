/* byline-shortcode.c — implemented in its own change. */
