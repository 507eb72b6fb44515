/* roster.h — rule definitions generated from the name roster and the allow list. */
#ifndef PHISCRUB_ROSTER_H
#define PHISCRUB_ROSTER_H

#include "internal.h"

/* Builds one NAME rule per roster entry (when with_roster) and one allow
 * rule per allow-list term. The caller frees each def and the array. */
phiscrub_status roster_defs_build(const phiscrub_config *cfg, bool with_roster, rule_def **out,
                                  size_t *n);

#endif
