/* byline-profile.c — implemented in its own change. */
