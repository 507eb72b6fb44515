/* rsyslog_pending.c — placeholder until the rsyslog modes land (issue 6):
 * they refuse to run rather than pretend. Replaced by rsyslog_*.c. */
#include "cli.h"

int run_mmexternal(const cli_options *opt, const phiscrub_rules *rules)
{
    (void)opt;
    (void)rules;
    cli_error("--rsyslog-mmexternal", "not available in this build yet");
    return EXIT_USAGE;
}

int run_omprog(const cli_options *opt, const phiscrub_rules *rules)
{
    (void)opt;
    (void)rules;
    cli_error("--rsyslog-omprog", "not available in this build yet");
    return EXIT_USAGE;
}
