/* output.h — the CLI's output: a buffered file descriptor, optionally gzip.
 *
 * Every write is a full-write loop (EINTR, short writes). The first error is
 * sticky: nothing more is written, so the stream's fail-closed guarantee
 * holds all the way to the file. */
#ifndef PHISCRUB_CLI_OUTPUT_H
#define PHISCRUB_CLI_OUTPUT_H

#include "phiscrub.h"

typedef struct output output;

/* path NULL or "-" = standard output. Returns 0, or an errno value. */
int output_open(output **out, const char *path, int append, int gzip);

/* A phiscrub_sink: ctx is the output. */
phiscrub_status output_sink(void *ctx, const char *data, size_t len);

/* Writes out everything buffered (a gzip sync point when compressing). */
int output_flush(output *o);

/* Makes written data durable (fsync on files; no-op on pipes). */
int output_sync(output *o);

/* Reopens the file by name (after logrotate moved it). Standard output is
 * not reopened. Returns 0 or an errno value. */
int output_reopen(output *o);

/* Finishes (gzip trailer), flushes, closes; returns 0 or the first errno. */
int output_close(output *o);

/* The first error so far (errno value), 0 if none. */
int output_error(const output *o);

#endif
