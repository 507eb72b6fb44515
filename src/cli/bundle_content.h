/* bundle_content.h — what a worker does with one file member: classify
 * it by content, then scrub it, recompress it, keep it or drop it. */
#ifndef PHISCRUB_CLI_BUNDLE_CONTENT_H
#define PHISCRUB_CLI_BUNDLE_CONTENT_H

#include "bundle.h"

typedef struct content content;

/* Per-worker state: a phiscrub stream and buffers. NULL on failure (*st). */
content *content_new(bundle_ctx *c, phiscrub_status *st);
void content_free(content *w); /* NULL is a no-op */

/* Processes a BK_FILE member: sets status, bytes_in/out, gzip, counts and
 * out. Returns 0, or -1 after bundle_fail (or when the run is failing). */
int content_process(content *w, bundle_item *it);

/* 1 when the first bytes of a member say binary: a NUL byte, or more
 * than 10 % control bytes and invalid UTF-8 (the way git and grep
 * decide). Exposed for tests. */
int content_is_binary(const unsigned char *p, size_t n);

#endif
