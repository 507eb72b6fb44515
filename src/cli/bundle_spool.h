/* bundle_spool.h — a byte spool for one member: written once, then read
 * back from the start (possibly again). Bytes stay in memory up to a cap;
 * past it they go to an unlinked temporary file in $TMPDIR (default /tmp),
 * so a member of any size costs at most the cap in memory.
 *
 * Not thread-safe; a spool belongs to one thread at a time. */
#ifndef PHISCRUB_CLI_BUNDLE_SPOOL_H
#define PHISCRUB_CLI_BUNDLE_SPOOL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef struct spool spool;

/* mem_cap: bytes kept in memory before spilling. NULL on ENOMEM. */
spool *spool_new(size_t mem_cap);
void spool_free(spool *s); /* NULL is a no-op */

/* Appends n bytes. Returns 0 or an errno value (sticky: later calls
 * return it too). */
int spool_write(spool *s, const void *data, size_t n);

uint64_t spool_size(const spool *s);

/* Ends writing (if not yet) and moves the read position to the start.
 * Returns 0 or the sticky errno. */
int spool_rewind(spool *s);

/* Reads up to n bytes from the read position: the count, 0 at the end,
 * or -1 with errno set. */
ssize_t spool_read(spool *s, void *buf, size_t n);

#endif
