/* bundle_queue.c — a ring of member pointers under one mutex.
 *
 *   head ........ next ........ tail
 *   [started or done] [waiting]  free
 *
 * Workers take at `next`, the writer pops at `head` only when that member
 * is done, so output order is input order whatever order workers finish
 * in. One mutex is enough: the work per member dwarfs the locking. */
#define _POSIX_C_SOURCE 200809L
#include "bundle_queue.h"

#include <errno.h>
#include <stdlib.h>
#include <time.h>

struct bundle_queue {
    pthread_mutex_t lock;
    pthread_cond_t not_full;  /* reader waits */
    pthread_cond_t has_work;  /* workers wait */
    pthread_cond_t head_done; /* writer waits */
    bundle_item **ring;
    unsigned char *done;
    size_t cap;
    uint64_t head, next, tail; /* ever-increasing; slot = value % cap */
    int closed, aborted;
};

bundle_queue *queue_new(size_t capacity)
{
    bundle_queue *q = calloc(1, sizeof *q);
    if (!q)
        return NULL;
    q->cap = capacity ? capacity : 1;
    q->ring = calloc(q->cap, sizeof *q->ring);
    q->done = calloc(q->cap, 1);
    if (!q->ring || !q->done) {
        free(q->ring);
        free(q->done);
        free(q);
        return NULL;
    }
    pthread_mutex_init(&q->lock, NULL);
    pthread_cond_init(&q->not_full, NULL);
    pthread_cond_init(&q->has_work, NULL);
    pthread_cond_init(&q->head_done, NULL);
    return q;
}

void queue_free(bundle_queue *q)
{
    if (!q)
        return;
    for (uint64_t i = q->head; i < q->tail; i++)
        bundle_item_free(q->ring[i % q->cap]);
    pthread_mutex_destroy(&q->lock);
    pthread_cond_destroy(&q->not_full);
    pthread_cond_destroy(&q->has_work);
    pthread_cond_destroy(&q->head_done);
    free(q->ring);
    free(q->done);
    free(q);
}

int queue_push(bundle_queue *q, bundle_item *it)
{
    pthread_mutex_lock(&q->lock);
    while (!q->aborted && q->tail - q->head == q->cap)
        pthread_cond_wait(&q->not_full, &q->lock);
    if (q->aborted) {
        pthread_mutex_unlock(&q->lock);
        bundle_item_free(it);
        return -1;
    }
    q->ring[q->tail % q->cap] = it;
    q->done[q->tail % q->cap] = 0;
    q->tail++;
    pthread_cond_signal(&q->has_work);
    pthread_mutex_unlock(&q->lock);
    return 0;
}

void queue_close(bundle_queue *q)
{
    pthread_mutex_lock(&q->lock);
    q->closed = 1;
    pthread_cond_broadcast(&q->has_work);
    pthread_cond_broadcast(&q->head_done);
    pthread_mutex_unlock(&q->lock);
}

bundle_item *queue_take(bundle_queue *q)
{
    bundle_item *it = NULL;
    pthread_mutex_lock(&q->lock);
    while (!q->aborted && q->next == q->tail && !q->closed)
        pthread_cond_wait(&q->has_work, &q->lock);
    if (!q->aborted && q->next < q->tail)
        it = q->ring[q->next++ % q->cap];
    pthread_mutex_unlock(&q->lock);
    return it;
}

void queue_done(bundle_queue *q, bundle_item *it)
{
    pthread_mutex_lock(&q->lock);
    for (uint64_t i = q->head; i < q->next; i++)
        if (q->ring[i % q->cap] == it)
            q->done[i % q->cap] = 1;
    if (q->head < q->tail && q->done[q->head % q->cap])
        pthread_cond_signal(&q->head_done);
    pthread_mutex_unlock(&q->lock);
}

bundle_item *queue_pop(bundle_queue *q, int timeout_ms, int *timed_out)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += timeout_ms / 1000;
    until.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    bundle_item *it = NULL;
    *timed_out = 0;
    pthread_mutex_lock(&q->lock);
    for (;;) {
        if (q->aborted)
            break;
        if (q->head < q->tail && q->done[q->head % q->cap]) {
            it = q->ring[q->head % q->cap];
            q->ring[q->head % q->cap] = NULL;
            q->head++;
            pthread_cond_signal(&q->not_full);
            break;
        }
        if (q->closed && q->head == q->tail)
            break;
        if (pthread_cond_timedwait(&q->head_done, &q->lock, &until) == ETIMEDOUT) {
            *timed_out = 1;
            break;
        }
    }
    pthread_mutex_unlock(&q->lock);
    return it;
}

void queue_abort(bundle_queue *q)
{
    pthread_mutex_lock(&q->lock);
    q->aborted = 1;
    pthread_cond_broadcast(&q->not_full);
    pthread_cond_broadcast(&q->has_work);
    pthread_cond_broadcast(&q->head_done);
    pthread_mutex_unlock(&q->lock);
}

uint64_t queue_pushed(bundle_queue *q, int *closed)
{
    pthread_mutex_lock(&q->lock);
    uint64_t n = q->tail;
    *closed = q->closed;
    pthread_mutex_unlock(&q->lock);
    return n;
}
