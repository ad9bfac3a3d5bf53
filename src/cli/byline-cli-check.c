#include "config.h"
#include "byline-cli.h"
/* Replaced by the real subcommand in its own change. */
int byline_cli_check (int argc, char **argv) { return BYLINE_CLI_USAGE; }
