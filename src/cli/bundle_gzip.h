/* bundle_gzip.h — gzip for nested .gz members: a decoder that pulls
 * compressed bytes from a callback, and an encoder into a spool.
 * Each object belongs to one thread. */
#ifndef PHISCRUB_CLI_BUNDLE_GZIP_H
#define PHISCRUB_CLI_BUNDLE_GZIP_H

#include "bundle_spool.h"

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Reads up to n compressed bytes: the count, 0 at the end, -1 with errno. */
typedef ssize_t (*gz_pull)(void *ctx, void *buf, size_t n);

typedef struct gz_reader gz_reader;

enum { GZ_OK, GZ_CORRUPT, GZ_TRUNCATED, GZ_READ_ERROR };

gz_reader *gzr_new(gz_pull pull, void *ctx); /* NULL on ENOMEM */
void gzr_free(gz_reader *g);                  /* NULL is a no-op */

/* Decompressed bytes: the count, 0 at the end of the last gzip member, or
 * -1 (see gzr_error). Concatenated members are decoded one after the
 * other; bytes after the last member that do not start a new one are
 * ignored, as gzip(1) does. */
ssize_t gzr_read(gz_reader *g, void *buf, size_t n);

/* GZ_* after -1; with GZ_READ_ERROR, errno_out gets the pull's errno. */
int gzr_error(const gz_reader *g, int *errno_out);

/* Compressed bytes consumed and decompressed bytes produced so far. */
uint64_t gzr_bytes_in(const gz_reader *g);
uint64_t gzr_bytes_out(const gz_reader *g);

typedef struct gz_writer gz_writer;

/* Writes one gzip member (no name, mtime 0: nothing from the input and
 * the same bytes every run) to out. NULL on ENOMEM. */
gz_writer *gzw_new(spool *out);
void gzw_free(gz_writer *g); /* NULL is a no-op */

/* Returns 0 or an errno value (sticky). */
int gzw_write(gz_writer *g, const void *data, size_t n);
int gzw_finish(gz_writer *g);

#endif
