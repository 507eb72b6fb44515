/* match.h — one Hyperscan pass over a block of lines, producing the
 * resolved, disjoint regions to mask. Per-stream state: not thread-safe. */
#ifndef PHISCRUB_MATCH_H
#define PHISCRUB_MATCH_H

#include "internal.h"

/* A region to mask: [start, end) in block offsets, labelled by `rule`.
 * win_len is the length of the span that won the label (see spans.c). */
typedef struct {
    size_t start, end;
    size_t win_len;
    unsigned rule;
} region;

typedef struct matcher matcher;

/* Allocates all scratch for blocks up to block_cap bytes; nothing is
 * allocated while scanning. */
phiscrub_status matcher_new(const phiscrub_rules *rules, size_t block_cap, matcher **out);
void matcher_free(matcher *m);

/* Scans buf[0, len) with one hs_scan, confirms candidates and resolves
 * overlaps. On success *regions (owned by m, valid until the next call)
 * holds *n sorted, disjoint regions. */
phiscrub_status matcher_scan(matcher *m, const char *buf, size_t len, const region **regions,
                             size_t *n);

/* Raw Hyperscan matches seen so far (for statistics). */
uint64_t matcher_candidates(const matcher *m);

/* Sorts spans and merges overlapping ones (spans.c); returns the new count.
 * Leftmost wins the label, then the longest, then the higher priority,
 * then the earlier rule. */
size_t spans_resolve(region *v, size_t n, const phiscrub_rules *rules);

/* Removes spans lying entirely inside an allowed span; both arrays are
 * sorted in place. Returns the new count. */
size_t spans_drop_allowed(region *v, size_t n, region *allow, size_t nallow);

/* Merges neighbours pairwise, masking the gaps between them: the fail-safe
 * way to bound a block with pathological numbers of matches. */
size_t spans_coarsen(region *v, size_t n);

#endif
