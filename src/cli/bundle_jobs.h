/* bundle_jobs.h — the worker threads: each takes members from the queue,
 * scrubs the name and the content, and marks them done. */
#ifndef PHISCRUB_CLI_BUNDLE_JOBS_H
#define PHISCRUB_CLI_BUNDLE_JOBS_H

#include "bundle.h"

typedef struct bundle_jobs bundle_jobs;

/* Starts n workers on c->queue. Their streams are created first, here, so
 * a failure is reported before any work. NULL after bundle_fail. */
bundle_jobs *jobs_start(bundle_ctx *c, int n);

/* Waits for every worker (they stop when the queue is drained or
 * aborted) and frees them. NULL is a no-op. */
void jobs_join(bundle_jobs *j);

#endif
