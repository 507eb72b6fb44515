/* bundle_progress.h — the progress line on stderr: members done/seen and
 * MB/s, redrawn in place at most ten times a second. Only when stderr is
 * a terminal and -q was not given. Main thread only. */
#ifndef PHISCRUB_CLI_BUNDLE_PROGRESS_H
#define PHISCRUB_CLI_BUNDLE_PROGRESS_H

#include <stdint.h>

typedef struct {
    int on;
    int drawn;
    double t0, last;
} progress;

void progress_init(progress *p, int quiet);

/* seen_final: the reader has finished, so seen is the total ("+" until
 * then). bytes: input bytes of the members done. */
void progress_update(progress *p, uint64_t done, uint64_t seen, int seen_final, uint64_t bytes);

/* Clears the line, so later messages start on a clean one. */
void progress_end(progress *p);

#endif
