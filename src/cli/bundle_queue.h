/* bundle_queue.h — the members in flight, in input order: the reader
 * appends, workers take the oldest not yet started, the writer removes
 * the head once it is done. The capacity bounds how many members (and so
 * how much spooled memory) exist at once. Thread-safe. */
#ifndef PHISCRUB_CLI_BUNDLE_QUEUE_H
#define PHISCRUB_CLI_BUNDLE_QUEUE_H

#include "bundle.h"

typedef struct bundle_queue bundle_queue;

bundle_queue *queue_new(size_t capacity); /* NULL on ENOMEM */
void queue_free(bundle_queue *q);         /* frees members still inside */

/* Reader: appends it, waiting while the queue is full. Returns 0, or -1
 * when the queue was aborted (it is then freed). */
int queue_push(bundle_queue *q, bundle_item *it);

/* Reader: no more members will come. */
void queue_close(bundle_queue *q);

/* Worker: the oldest member nobody has started, waiting for one. NULL
 * when the queue is closed and drained, or aborted. */
bundle_item *queue_take(bundle_queue *q);

/* Worker: it is finished; the writer may have it. */
void queue_done(bundle_queue *q, bundle_item *it);

/* Writer: removes and returns the head once it is done. Waits at most
 * timeout_ms, then returns NULL with *timed_out set, so the caller can
 * draw progress and look at signals. NULL without *timed_out: closed and
 * empty, or aborted. */
bundle_item *queue_pop(bundle_queue *q, int timeout_ms, int *timed_out);

/* Anyone: wakes every waiter; from now on nothing is handed out. */
void queue_abort(bundle_queue *q);

/* Members pushed so far, and whether the reader has finished. */
uint64_t queue_pushed(bundle_queue *q, int *closed);

#endif
