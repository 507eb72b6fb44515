/* modes_pending.c — the rsyslog and bundle modes are being written (issue 6);
 * until then they refuse to run rather than pretend. */
#include "cli.h"

#include <stdio.h>

static int unavailable(const char *mode)
{
    cli_error(mode, "not available in this build yet");
    return EXIT_USAGE;
}

int run_mmexternal(const cli_options *opt, const phiscrub_rules *rules)
{
    (void)opt;
    (void)rules;
    return unavailable("--rsyslog-mmexternal");
}

int run_omprog(const cli_options *opt, const phiscrub_rules *rules)
{
    (void)opt;
    (void)rules;
    return unavailable("--rsyslog-omprog");
}

int run_bundle(const cli_options *opt, const phiscrub_rules *rules)
{
    (void)opt;
    (void)rules;
    return unavailable("bundle");
}
