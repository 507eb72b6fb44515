/* bundle_pending.c — placeholder until the bundle mode lands (issue 6):
 * it refuses to run rather than pretend. Replaced by bundle*.c. */
#include "cli.h"

int run_bundle(const cli_options *opt, const phiscrub_rules *rules)
{
    (void)opt;
    (void)rules;
    cli_error("bundle", "not available in this build yet");
    return EXIT_USAGE;
}
