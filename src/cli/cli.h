/* cli.h — the CLI's modes, each a function of the parsed options and the
 * compiled rules, returning an exit status. */
#ifndef PHISCRUB_CLI_H
#define PHISCRUB_CLI_H

#include "options.h"
#include "phiscrub.h"

int run_filter(const cli_options *opt, const phiscrub_rules *rules);
/* rules NULL (options or rules unusable): every message is answered with
 * the fully masked reply; opt may then be NULL too. */
int run_mmexternal(const cli_options *opt, const phiscrub_rules *rules);
/* Called first by main(): 1 when argv asks for --rsyslog-mmexternal, and
 * then stderr already points at /dev/null, because rsyslog reads the
 * helper's stderr as replies (errors go to the daemon log instead). */
int mmexternal_prepare(int argc, char **argv);
int run_omprog(const cli_options *opt, const phiscrub_rules *rules);
int run_bundle(const cli_options *opt, const phiscrub_rules *rules);
void print_stats(const phiscrub_rules *rules, const phiscrub_stream *s, double seconds);

/* "phiscrub: what: why" on stderr, and to the daemon log when that is
 * active (daemon_log.h). Never called with input bytes. */
void cli_error(const char *what, const char *why);

#endif
