/* bytebuf.h — a growable byte buffer with a hard size limit, for the
 * daemon modes that must hold one message (and its reply) in memory. */
#ifndef PHISCRUB_CLI_BYTEBUF_H
#define PHISCRUB_CLI_BYTEBUF_H

#include <stddef.h>

typedef struct {
    char *data;   /* NULL until the first append */
    size_t len;
    size_t cap;
    size_t limit; /* appends that would pass this fail; 0 = no limit */
} bytebuf;

/* Appends n bytes. Returns 0, or -1 when the limit would be passed or
 * memory runs out (the buffer is then unchanged). */
int bytebuf_append(bytebuf *b, const void *data, size_t n);

/* Empties the buffer; gives the memory back when it grew past keep bytes,
 * so one huge message does not pin its memory for the process's lifetime. */
void bytebuf_clear(bytebuf *b, size_t keep);

void bytebuf_free(bytebuf *b);

#endif
