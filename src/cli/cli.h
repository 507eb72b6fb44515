/* cli.h — the CLI's modes, each a function of the parsed options and the
 * compiled rules, returning an exit status. */
#ifndef PHISCRUB_CLI_H
#define PHISCRUB_CLI_H

#include "options.h"
#include "phiscrub.h"

int run_filter(const cli_options *opt, const phiscrub_rules *rules);
int run_mmexternal(const cli_options *opt, const phiscrub_rules *rules);
int run_omprog(const cli_options *opt, const phiscrub_rules *rules);
int run_bundle(const cli_options *opt, const phiscrub_rules *rules);
void print_stats(const phiscrub_rules *rules, const phiscrub_stream *s, double seconds);

/* "phiscrub: what: why" on stderr. Never called with input bytes. */
void cli_error(const char *what, const char *why);

#endif
